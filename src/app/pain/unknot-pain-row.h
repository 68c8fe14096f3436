/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_ROW (unknot_pain_row_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainRow, unknot_pain_row, UNKNOT, PAIN_ROW, GtkWidget)

/* One row of the pain history's list view: a day heading (UnknotPainDay)
 * or an entry (UnknotPainItem) — time, pain and its band word, where,
 * causes, how much it got in the way, the start of the note, the session
 * it came before or after — with Edit and Delete buttons that activate
 * the "log.edit" and "log.delete" actions with the entry's id.
 *
 * @session_titles maps a session id (gint64 *) to its routine's title. */
GtkWidget *unknot_pain_row_new     (GHashTable    *session_titles);
void       unknot_pain_row_bind    (UnknotPainRow *self,
                                    GObject       *item);
void       unknot_pain_row_unbind  (UnknotPainRow *self);
/* Shows its item again (a session title arrived). */
void       unknot_pain_row_refresh (UnknotPainRow *self);

G_END_DECLS
