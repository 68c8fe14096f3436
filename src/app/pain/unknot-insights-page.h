/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_INSIGHTS_RANGE_WEEK,   /* the last 7 days, today included */
  UNKNOT_INSIGHTS_RANGE_MONTH,  /* the last 30 days */
  UNKNOT_INSIGHTS_RANGE_YEAR,   /* the last 365 days */
  UNKNOT_INSIGHTS_RANGE_ALL,    /* from the first entry */
} UnknotInsightsRange;

#define UNKNOT_TYPE_INSIGHTS_RANGE (unknot_insights_range_get_type ())
GType unknot_insights_range_get_type (void);

/* The Insights view: pain over time with a 7-day average, before → after
 * per routine, and an adherence calendar, each with its words beside it.
 * It reads the store only once it is first shown (never on the way to the
 * first frame), again each time it is shown, and when the history is
 * changes (UnknotPainLog signals). */
#define UNKNOT_TYPE_INSIGHTS_PAGE (unknot_insights_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotInsightsPage, unknot_insights_page, UNKNOT, INSIGHTS_PAGE, GtkBox)

UnknotInsightsRange unknot_insights_page_get_range (UnknotInsightsPage  *self);
void                unknot_insights_page_set_range (UnknotInsightsPage  *self,
                                                    UnknotInsightsRange  range);
/* Reads everything again. */
void                unknot_insights_page_reload    (UnknotInsightsPage  *self);
/* Whether a read is under way; tests wait for FALSE. */
gboolean            unknot_insights_page_is_loading (UnknotInsightsPage *self);
/* The name of the stack page shown: "loading", "empty", "unavailable" or
 * "content". */
const char         *unknot_insights_page_get_state (UnknotInsightsPage  *self);

G_END_DECLS
