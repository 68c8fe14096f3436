/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-pain.h"

G_BEGIN_DECLS

/* A day heading in the history: the day its entries were lived in. */
#define UNKNOT_TYPE_PAIN_DAY (unknot_pain_day_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainDay, unknot_pain_day, UNKNOT, PAIN_DAY, GObject)

/* Noon of that day, in the offset of the entry that made the heading. */
GDateTime *unknot_pain_day_get_date (UnknotPainDay *self);

/* The pain history as one flat list model for a GtkListView (GTK 4.8 has
 * no list sections): newest first, each day's entries (UnknotPainItem)
 * after an UnknotPainDay heading.  Entries arrive page by page, oldest
 * page last (append), and one at a time anywhere (insert, remove) as the
 * log changes; every change is reported as precise items-changed, so the
 * view keeps its place. */
#define UNKNOT_TYPE_PAIN_HISTORY (unknot_pain_history_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainHistory, unknot_pain_history, UNKNOT, PAIN_HISTORY, GObject)

UnknotPainHistory     *unknot_pain_history_new           (void);
void                   unknot_pain_history_clear         (UnknotPainHistory *self);
/* @entries (UnknotPainEntry) newest first, all older than those held. */
void                   unknot_pain_history_append        (UnknotPainHistory *self,
                                                          GPtrArray         *entries);
/* In its place by time; FALSE (nothing done) when it sorts after the
 * oldest entry held while @complete is FALSE: a later page brings it. */
gboolean               unknot_pain_history_insert        (UnknotPainHistory *self,
                                                          UnknotPainEntry   *entry,
                                                          gboolean           complete);
gboolean               unknot_pain_history_remove        (UnknotPainHistory *self,
                                                          gint64             id);
UnknotPainEntry       *unknot_pain_history_lookup        (UnknotPainHistory *self,
                                                          gint64             id);
guint                  unknot_pain_history_get_n_entries (UnknotPainHistory *self);
/* The oldest entry held, for the next page; NULL when empty. */
UnknotPainEntry       *unknot_pain_history_get_oldest    (UnknotPainHistory *self);

G_END_DECLS
