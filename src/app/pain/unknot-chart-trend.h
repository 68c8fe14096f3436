/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-chart-common.h"

G_BEGIN_DECLS

/* Pain over time: one point per day (the mean of that day's entries, with
 * its lowest and highest as a whisker) and the trailing 7-day average as a
 * line, on a fixed 0–10 scale.  The data is per day already: 100,000
 * entries over three years are about 1,100 days to draw. */
typedef struct
{
  guint32 julian;     /* g_date_get_julian() of the local day */
  guint   n_entries;  /* 0: nothing logged that day */
  double  mean;       /* NAN without entries */
  int     min;        /* -1 without entries */
  int     max;
  double  average;    /* trailing 7-day average; NAN when none */
} UnknotTrendDay;

/* Where the last drawing put the days, for tooltips. */
typedef struct
{
  double x, y, width, height;  /* the plot area */
  guint  n_days;
} UnknotTrendGeometry;

/* @days are consecutive, oldest first.  @geometry may be NULL. */
void   unknot_chart_trend_draw         (cairo_t                *cr,
                                        double                  width,
                                        double                  height,
                                        const UnknotTrendDay   *days,
                                        guint                   n_days,
                                        const UnknotChartStyle *style,
                                        UnknotTrendGeometry    *geometry);

/* The day under @x, or -1. */
int    unknot_chart_trend_hit          (const UnknotTrendGeometry *geometry,
                                        double                     x,
                                        double                     y);

/* The chart in words, for its caption and accessible description:
 * "Last 30 days: average 4.2 on 18 days with entries, from 5.1 in the first
 * week to 3.6 in the last."  The average weighs every day with entries
 * alike, as the 7-day line does; the weeks are the first seven days from the
 * first entry and the last seven up to the last, compared only when the
 * entries span at least two weeks.  @range_name is translated ("Last 30
 * days"). */
char  *unknot_chart_trend_describe     (const UnknotTrendDay   *days,
                                        guint                   n_days,
                                        const char             *range_name);

/* One day in words, for a tooltip. */
char  *unknot_chart_trend_describe_day (const UnknotTrendDay   *day);

G_END_DECLS
