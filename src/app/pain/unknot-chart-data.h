/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-chart-calendar.h"
#include "unknot-chart-effect.h"
#include "unknot-chart-trend.h"
#include "unknot-pain-stats.h"

G_BEGIN_DECLS

/* From what the store computes (unknot-pain-stats.h) to what the charts
 * draw, for the Insights view and the PDF report alike. */

/* A GArray of UnknotTrendDay from one of UnknotPainDay; with
 * @from_first_entry, the days before the first with entries are left out
 * (for "All", which asks the store from 1970 on). */
GArray *unknot_chart_trend_days_from_pain       (GArray    *pain_days,
                                                 gboolean   from_first_entry);
/* A GArray of UnknotCalendarDay from one of UnknotAdherenceDay. */
GArray *unknot_chart_calendar_days_from_adherence (GArray  *adherence_days);
/* A GArray of UnknotEffectBar, titles owned by the array, from a GPtrArray
 * of UnknotRoutineEffect. */
GArray *unknot_chart_effect_bars_from_effects   (GPtrArray *effects);

/* 1 January 1970, the earliest day "All" asks for. */
void    unknot_chart_data_epoch                 (GDate     *date);

G_END_DECLS
