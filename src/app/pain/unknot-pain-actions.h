/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-pain.h"

G_BEGIN_DECLS

/* What the window does for the pain log, from wherever it is asked
 * (Ctrl+L, the Pain Log's buttons, a history row): each finds the
 * UnknotWindow @widget is in, its store and its toast overlay.  Every
 * change ends in a toast with Undo (the "pain.undo" action, added to the
 * window on first use). */

/* Opens the record dialog: a new entry when @entry is NULL, else an edit
 * of it.  Returns the dialog, or NULL when there is no store. */
GtkWindow *unknot_pain_show_dialog  (GtkWidget             *widget,
                                     const UnknotPainEntry *entry);
/* Deletes the entry with @id (toast: "Pain entry deleted", Undo). */
void       unknot_pain_delete_entry (GtkWidget             *widget,
                                     gint64                 id);

G_END_DECLS
