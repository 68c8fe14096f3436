/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-pain-log.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_HISTORY_VIEW (unknot_pain_history_view_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainHistoryView, unknot_pain_history_view, UNKNOT, PAIN_HISTORY_VIEW, GtkBox)

/* The Pain Log's content: the history, newest first, grouped by day, in a
 * GtkListView, with filters by place and cause and its empty states.
 * Nothing is read until it is first mapped; then a screenful of entries,
 * and the rest in the background.  It follows the changes made through
 * @log (the dialog, undo, sessions; "reset" for anything else).  Without
 * a @log it says there is nothing to show.
 *
 * Its rows' buttons activate "log.edit" and "log.delete" (int64 entry id). */
UnknotPainHistoryView *unknot_pain_history_view_new           (UnknotPainLog         *log);
/* Reads the history again, if it was shown; otherwise nothing. */
void                   unknot_pain_history_view_reload        (UnknotPainHistoryView *self);
/* Shows only entries in any of @regions (0: anywhere) with @tag (NULL:
 * any), as the drop-downs do. */
void                   unknot_pain_history_view_set_filters   (UnknotPainHistoryView *self,
                                                               guint                  regions,
                                                               const char            *tag);
GtkListView           *unknot_pain_history_view_get_list_view (UnknotPainHistoryView *self);
/* Every entry the filters let through is in the list. */
gboolean               unknot_pain_history_view_is_complete   (UnknotPainHistoryView *self);
guint                  unknot_pain_history_view_get_n_entries (UnknotPainHistoryView *self);

G_END_DECLS
