/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The red flags (docs/CONTENT.md): when to get emergency care now and when
 * to see a clinician soon.  The one place these words live; the "When to
 * Get Help" window and the session's safety stop both show this widget. */
#define UNKNOT_TYPE_HELP_CONTENT (unknot_help_content_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHelpContent, unknot_help_content, UNKNOT, HELP_CONTENT, GtkBox)

GtkWidget *unknot_help_content_new (void);

G_END_DECLS
