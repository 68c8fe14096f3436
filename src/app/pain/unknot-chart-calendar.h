/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-chart-common.h"

G_BEGIN_DECLS

/* Adherence: the last weeks as a grid, a column a week (Monday on top), a
 * square a day.  A day with sessions is filled and shows how many; a dot in
 * its corner means a break reminder was taken that day.  Numbers and
 * shapes carry the meaning, colour only repeats it. */

typedef struct
{
  guint32 julian;
  guint   sessions;         /* sessions started that day */
  guint   reminders_due;    /* break reminders shown */
  guint   reminders_taken;  /* of those, "Start routine" pressed */
} UnknotCalendarDay;

typedef struct
{
  double x, y;     /* the top-left of the first week's Monday */
  double cell;     /* a square and its gap */
  guint  offset;   /* weekday of the first day, 0 = Monday */
  guint  n_days;
} UnknotCalendarGeometry;

/* What @width needs, for @n_weeks columns. */
double unknot_chart_calendar_get_height (const UnknotChartStyle *style,
                                         double                  width,
                                         guint                   n_weeks);

/* @days are consecutive, oldest first; the grid starts on the Monday of
 * the first.  @geometry may be NULL. */
void   unknot_chart_calendar_draw       (cairo_t                  *cr,
                                         double                    width,
                                         double                    height,
                                         const UnknotCalendarDay  *days,
                                         guint                     n_days,
                                         const UnknotChartStyle   *style,
                                         UnknotCalendarGeometry   *geometry);

/* The day under (@x, @y), or -1. */
int    unknot_chart_calendar_hit        (const UnknotCalendarGeometry *geometry,
                                         double                        x,
                                         double                        y);

/* "In the last 12 weeks: 31 sessions on 23 of 84 days; 12 of 40 break
 * reminders taken." */
char  *unknot_chart_calendar_describe   (const UnknotCalendarDay *days,
                                         guint                    n_days);
/* "Monday 3 March 2025: 2 sessions; 1 of 2 break reminders taken" */
char  *unknot_chart_calendar_describe_day (const UnknotCalendarDay *day);

G_END_DECLS
