/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-store.h"

G_BEGIN_DECLS

/* Before a CSV file is imported: how many entries it holds and the first
 * of them, or every "line 14: pain must be 0–10" it has, in which case
 * Import stays off.  Import is all or nothing (the store's own import, in
 * one transaction), and entries already in the log are skipped.  The file
 * is read on a worker thread; a spinner shows while it is read and while it
 * is imported. */
#define UNKNOT_TYPE_IMPORT_PREVIEW (unknot_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (UnknotImportPreview, unknot_import_preview, UNKNOT, IMPORT_PREVIEW, AdwWindow)

/* Presents itself, transient for @parent, and starts reading @file. */
UnknotImportPreview *unknot_import_preview_new           (GtkWindow           *parent,
                                                          UnknotStore         *store,
                                                          GFile               *file);

/* For tests. */
/* "busy", "preview" or "problems". */
const char          *unknot_import_preview_get_state     (UnknotImportPreview *self);
guint                unknot_import_preview_get_n_entries (UnknotImportPreview *self);
/* The problems shown, or NULL. */
const char * const  *unknot_import_preview_get_problems  (UnknotImportPreview *self);
GtkWidget           *unknot_import_preview_get_import_button (UnknotImportPreview *self);

G_END_DECLS
