/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain-stats"

#include "config.h"

#include "unknot-pain-stats.h"

/* API stubs; implemented in the next commits. */

void
unknot_pain_stats_local_date (gint64  utc_usec,
                              int     offset_seconds,
                              GDate  *date)
{
  g_date_clear (date, 1);
}

void
unknot_pain_stats_last_days (GDateTime *now,
                             guint      n_days,
                             GDate     *first,
                             GDate     *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
}

GArray *
unknot_pain_stats_daily (const UnknotPainPoint *points,
                         gsize                  n_points,
                         const GDate           *first,
                         const GDate           *last)
{
  return g_array_new (FALSE, TRUE, sizeof (UnknotPainDay));
}

UnknotPainPair *
unknot_pain_pair_new (gint64      session_id,
                      const char *routine_id,
                      const char *routine_title,
                      GDateTime  *started_at,
                      int         before,
                      int         after)
{
  return g_new0 (UnknotPainPair, 1);
}

void
unknot_pain_pair_free (UnknotPainPair *pair)
{
  g_free (pair);
}

UnknotPainEffect
unknot_pain_effect_classify (guint  n_sessions,
                             double mean_before,
                             double mean_after)
{
  return UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA;
}

const char *
unknot_pain_effect_describe (UnknotPainEffect effect)
{
  return "";
}

void
unknot_routine_effect_free (UnknotRoutineEffect *effect)
{
  g_free (effect);
}

GPtrArray *
unknot_pain_stats_before_after (GPtrArray *pairs)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_routine_effect_free);
}

GArray *
unknot_pain_stats_adherence (GPtrArray   *sessions,
                             GPtrArray   *reminder_events,
                             const GDate *first,
                             const GDate *last)
{
  return g_array_new (FALSE, TRUE, sizeof (UnknotAdherenceDay));
}
