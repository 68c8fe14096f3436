/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_LOG_PAGE (unknot_log_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLogPage, unknot_log_page, UNKNOT, LOG_PAGE, GtkBox)

/* The Pain Log view: the history, newest first, grouped by day, in a
 * GtkListView, with filters by place and cause.  Nothing is read until the
 * page is first shown; then the first page of entries, and the rest in the
 * background.  It follows the changes made through UnknotPainLog (the
 * dialog, undo, sessions); after a change made another way, call
 * unknot_pain_log_emit_reset() or unknot_log_page_reload(). */

/* Reads the history again, if it was shown; otherwise nothing. */
void         unknot_log_page_reload        (UnknotLogPage *self);
/* Shows only entries in any of @regions (0: anywhere) with @tag (NULL:
 * any), as the drop-downs do. */
void         unknot_log_page_set_filters   (UnknotLogPage *self,
                                            guint          regions,
                                            const char    *tag);

/* For tests and the benchmark. */
GtkListView *unknot_log_page_get_list_view (UnknotLogPage *self);
/* Every entry the filters let through is in the list. */
gboolean     unknot_log_page_is_complete   (UnknotLogPage *self);
guint        unknot_log_page_get_n_entries (UnknotLogPage *self);

G_END_DECLS
