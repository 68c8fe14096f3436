/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-report-pdf.h"
#include "unknot-store.h"

G_BEGIN_DECLS

/* "Report for a Clinician…": the user picks the period and what goes in
 * (notes are off unless turned on), then where to save the PDF. */
#define UNKNOT_TYPE_REPORT_DIALOG (unknot_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UnknotReportDialog, unknot_report_dialog, UNKNOT, REPORT_DIALOG, AdwWindow)

/* Presents the dialog, transient for @parent; returns it. */
UnknotReportDialog *unknot_report_dialog_present     (GtkWindow           *parent,
                                                      UnknotStore         *store);
/* What the dialog would make now. */
void                unknot_report_dialog_get_options (UnknotReportDialog  *self,
                                                      UnknotReportOptions *options);
/* Makes the report into @file (replacing it), as Save does after its file
 * chooser; the dialog closes and @parent is told when it is done. */
void                unknot_report_dialog_save_to     (UnknotReportDialog  *self,
                                                      GFile               *file);

G_END_DECLS
