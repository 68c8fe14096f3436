/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-chart-calendar.h"
#include "unknot-chart-effect.h"
#include "unknot-chart-trend.h"

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_CHART_KIND_TREND,
  UNKNOT_CHART_KIND_EFFECT,
  UNKNOT_CHART_KIND_CALENDAR,
} UnknotChartKind;

#define UNKNOT_TYPE_CHART_KIND (unknot_chart_kind_get_type ())
GType unknot_chart_kind_get_type (void);

/* One of the charts of unknot-chart-*.h on screen, in the theme's colours
 * (and so readable in dark mode), with a tooltip per day and its words as
 * the accessible description. */
#define UNKNOT_TYPE_CHART (unknot_chart_get_type ())
G_DECLARE_FINAL_TYPE (UnknotChart, unknot_chart, UNKNOT, CHART, GtkWidget)

UnknotChartKind unknot_chart_get_kind        (UnknotChart             *self);
/* A GArray of UnknotTrendDay; a reference is taken. */
void            unknot_chart_set_trend       (UnknotChart             *self,
                                              GArray                  *days);
/* Copied, titles included. */
void            unknot_chart_set_effects     (UnknotChart             *self,
                                              const UnknotEffectBar   *bars,
                                              guint                    n_bars);
/* A GArray of UnknotCalendarDay; a reference is taken. */
void            unknot_chart_set_calendar    (UnknotChart             *self,
                                              GArray                  *days);
/* What the chart shows, in words, for screen readers. */
void            unknot_chart_set_description (UnknotChart             *self,
                                              const char              *description);
const char     *unknot_chart_get_description (UnknotChart             *self);

G_END_DECLS
