/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-chart-common.h"

G_BEGIN_DECLS

/* Before → after per routine: one row per routine on a 0–10 scale, a ring
 * at the mean pain before its sessions and a filled dot at the mean after,
 * joined by an arrow; rows with too few sessions are drawn faint.  Shapes
 * (ring, dot, arrow) carry the meaning, not colour alone. */

typedef enum
{
  UNKNOT_EFFECT_KIND_NOT_ENOUGH_DATA,
  UNKNOT_EFFECT_KIND_IMPROVED,       /* meaningfully less pain after */
  UNKNOT_EFFECT_KIND_LITTLE_CHANGE,  /* less or more, under the threshold */
  UNKNOT_EFFECT_KIND_WORSE,          /* meaningfully more pain after */
} UnknotEffectKind;

typedef struct
{
  const char       *title;
  guint             n_sessions;  /* sessions with pain before and after */
  guint             n_needed;    /* how many make enough data (3) */
  double            before;      /* mean before */
  double            after;       /* mean after */
  UnknotEffectKind  kind;
} UnknotEffectBar;

/* The height the rows want at @width. */
double unknot_chart_effect_get_height (const UnknotChartStyle *style,
                                       guint                   n_bars);

void   unknot_chart_effect_draw       (cairo_t                *cr,
                                       double                  width,
                                       double                  height,
                                       const UnknotEffectBar  *bars,
                                       guint                   n_bars,
                                       const UnknotChartStyle *style);

/* "Lowered your pain by 2.1 points on average over 6 sessions — a change
 * that usually counts as meaningful", "… smaller than the 2-point change
 * that usually counts as meaningful", "Not enough data yet (2 sessions; 3
 * needed)". */
char  *unknot_chart_effect_describe   (const UnknotEffectBar  *bar);
/* "5.1 → 3.0" */
char  *unknot_chart_effect_format_values (const UnknotEffectBar *bar);

G_END_DECLS
