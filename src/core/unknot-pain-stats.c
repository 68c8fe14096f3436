/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "unknot-pain-stats.h"

/* A GDate's Julian day number for 1970-01-01, the first day of Unix time. */
#define UNIX_EPOCH_JULIAN 719163

/* Means are sums over small integers; this absorbs the last bit of a
 * division so that exactly 2 points or exactly 30 % counts as meaningful. */
#define EPSILON 1e-9

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

static gint64
local_day_number (gint64 utc_usec,
                  int    offset_seconds)
{
  gint64 seconds = floor_div (utc_usec, G_USEC_PER_SEC) + offset_seconds;

  return floor_div (seconds, 86400) + UNIX_EPOCH_JULIAN;
}

void
unknot_pain_stats_local_date (gint64  utc_usec,
                              int     offset_seconds,
                              GDate  *date)
{
  gint64 julian = local_day_number (utc_usec, offset_seconds);

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (julian >= 1 && julian <= G_MAXUINT32)
    g_date_set_julian (date, (guint32) julian);
}

static void
date_of (GDateTime *date_time,
         GDate     *date)
{
  int year, month, day;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

void
unknot_pain_stats_last_days (GDateTime *now,
                             guint      n_days,
                             GDate     *first,
                             GDate     *last)
{
  g_return_if_fail (now != NULL);
  g_return_if_fail (n_days > 0);
  g_return_if_fail (first != NULL && last != NULL);

  date_of (now, last);
  *first = *last;
  g_date_subtract_days (first, n_days - 1);
}

typedef struct
{
  guint n;
  guint sum;
  int   min;
  int   max;
} DayTotal;

GArray *
unknot_pain_stats_daily (const UnknotPainPoint *points,
                         gsize                  n_points,
                         const GDate           *first,
                         const GDate           *last)
{
  const guint window = UNKNOT_PAIN_AVERAGE_DAYS - 1;
  g_autofree DayTotal *totals = NULL;
  GArray *days;
  gint64 first_julian, last_julian, base;
  guint n_days;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  first_julian = g_date_get_julian (first);
  last_julian = g_date_get_julian (last);
  n_days = (guint) (last_julian - first_julian + 1);
  /* Index 0 is six days before @first, so every average has its window. */
  base = first_julian - window;
  totals = g_new0 (DayTotal, n_days + window);

  for (gsize i = 0; i < n_points; i++)
    {
      gint64 index = local_day_number (points[i].utc_usec, points[i].offset_seconds) - base;
      DayTotal *total;

      if (index < 0 || index >= (gint64) (n_days + window))
        continue;
      total = &totals[index];
      total->min = total->n == 0 ? points[i].pain : MIN (total->min, points[i].pain);
      total->max = total->n == 0 ? points[i].pain : MAX (total->max, points[i].pain);
      total->sum += (guint) CLAMP (points[i].pain, 0, UNKNOT_PAIN_MAX);
      total->n++;
    }

  days = g_array_sized_new (FALSE, TRUE, sizeof (UnknotPainDay), n_days);
  for (guint d = 0; d < n_days; d++)
    {
      const DayTotal *total = &totals[d + window];
      UnknotPainDay day = { 0 };
      double sum_of_means = 0;
      guint days_with_entries = 0;

      g_date_clear (&day.date, 1);
      g_date_set_julian (&day.date, (guint32) (first_julian + d));
      day.n_entries = total->n;
      day.mean = total->n > 0 ? (double) total->sum / total->n : NAN;
      day.min = total->n > 0 ? total->min : -1;
      day.max = total->n > 0 ? total->max : -1;

      for (guint w = 0; w <= window; w++)
        {
          const DayTotal *other = &totals[d + window - w];

          if (other->n > 0)
            {
              sum_of_means += (double) other->sum / other->n;
              days_with_entries++;
            }
        }
      day.average = days_with_entries > 0 ? sum_of_means / days_with_entries : NAN;
      g_array_append_val (days, day);
    }
  return days;
}

UnknotPainPair *
unknot_pain_pair_new (gint64      session_id,
                      const char *routine_id,
                      const char *routine_title,
                      GDateTime  *started_at,
                      int         before,
                      int         after)
{
  UnknotPainPair *pair = g_new0 (UnknotPainPair, 1);

  pair->session_id = session_id;
  pair->routine_id = g_strdup (routine_id);
  pair->routine_title = g_strdup (routine_title);
  pair->started_at = started_at != NULL ? g_date_time_ref (started_at) : NULL;
  pair->before = before;
  pair->after = after;
  return pair;
}

void
unknot_pain_pair_free (UnknotPainPair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->routine_id);
  g_free (pair->routine_title);
  g_clear_pointer (&pair->started_at, g_date_time_unref);
  g_free (pair);
}

UnknotPainEffect
unknot_pain_effect_classify (guint  n_sessions,
                             double mean_before,
                             double mean_after)
{
  double less = mean_before - mean_after;

  if (n_sessions < UNKNOT_PAIN_MIN_PAIRED_SESSIONS)
    return UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA;
  if (less > EPSILON
      && (less >= UNKNOT_PAIN_MEANINGFUL_POINTS - EPSILON
          || less >= UNKNOT_PAIN_MEANINGFUL_FRACTION * mean_before - EPSILON))
    return UNKNOT_PAIN_EFFECT_IMPROVED;
  /* From 0 before, any rise is "infinitely" many per cent; only the points
   * rule says whether it matters. */
  if (-less > EPSILON
      && (-less >= UNKNOT_PAIN_MEANINGFUL_POINTS - EPSILON
          || (mean_before > EPSILON && -less >= UNKNOT_PAIN_MEANINGFUL_FRACTION * mean_before - EPSILON)))
    return UNKNOT_PAIN_EFFECT_WORSE;
  return UNKNOT_PAIN_EFFECT_LITTLE_CHANGE;
}

const char *
unknot_pain_effect_describe (UnknotPainEffect effect)
{
  switch (effect)
    {
    case UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA:
      return _("Not enough data yet: rate your pain before and after at least 3 sessions of this routine.");
    case UNKNOT_PAIN_EFFECT_IMPROVED:
      return _("Less pain after this routine, by at least 2 points (or 30%), the usual threshold for a change "
               "that matters.");
    case UNKNOT_PAIN_EFFECT_LITTLE_CHANGE:
      return _("Little change so far: less than 2 points (or 30%), the usual threshold for a change that "
               "matters.");
    case UNKNOT_PAIN_EFFECT_WORSE:
      return _("More pain after this routine, by at least 2 points (or 30%). Press more gently, or ask a "
               "clinician before going on.");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
unknot_routine_effect_free (UnknotRoutineEffect *effect)
{
  if (effect == NULL)
    return;
  g_free (effect->routine_id);
  g_free (effect->routine_title);
  g_free (effect);
}

typedef struct
{
  UnknotRoutineEffect *effect;
  GDateTime           *newest;   /* borrowed from a pair */
  gint64               sum_before;
  gint64               sum_after;
} Tally;

static int
compare_effects (gconstpointer a,
                 gconstpointer b)
{
  const UnknotRoutineEffect *x = *(UnknotRoutineEffect * const *) a;
  const UnknotRoutineEffect *y = *(UnknotRoutineEffect * const *) b;
  int by_title;

  if (x->n_sessions != y->n_sessions)
    return x->n_sessions > y->n_sessions ? -1 : 1;
  by_title = g_utf8_collate (x->routine_title != NULL ? x->routine_title : "",
                             y->routine_title != NULL ? y->routine_title : "");
  if (by_title != 0)
    return by_title;
  return g_strcmp0 (x->routine_id, y->routine_id);
}

GPtrArray *
unknot_pain_stats_before_after (GPtrArray *pairs)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *effects = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_routine_effect_free);
  GHashTableIter iter;
  Tally *tally;

  for (guint i = 0; pairs != NULL && i < pairs->len; i++)
    {
      const UnknotPainPair *pair = g_ptr_array_index (pairs, i);

      if (pair->routine_id == NULL)
        continue;
      tally = g_hash_table_lookup (tallies, pair->routine_id);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          tally->effect = g_new0 (UnknotRoutineEffect, 1);
          tally->effect->routine_id = g_strdup (pair->routine_id);
          g_ptr_array_add (effects, tally->effect);
          g_hash_table_insert (tallies, tally->effect->routine_id, tally);
        }
      if (tally->effect->routine_title == NULL
          || (pair->started_at != NULL
              && (tally->newest == NULL || g_date_time_compare (pair->started_at, tally->newest) >= 0)))
        {
          g_free (tally->effect->routine_title);
          tally->effect->routine_title = g_strdup (pair->routine_title);
          tally->newest = pair->started_at;
        }
      tally->effect->n_sessions++;
      tally->sum_before += pair->before;
      tally->sum_after += pair->after;
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tally))
    {
      UnknotRoutineEffect *effect = tally->effect;

      effect->mean_before = (double) tally->sum_before / effect->n_sessions;
      effect->mean_after = (double) tally->sum_after / effect->n_sessions;
      effect->mean_change = effect->mean_after - effect->mean_before;
      effect->effect = unknot_pain_effect_classify (effect->n_sessions, effect->mean_before, effect->mean_after);
    }

  g_ptr_array_sort (effects, compare_effects);
  return effects;
}

GArray *
unknot_pain_stats_adherence (GPtrArray   *sessions,
                             GPtrArray   *reminder_events,
                             const GDate *first,
                             const GDate *last)
{
  GArray *days;
  guint32 first_julian;
  guint n_days;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  first_julian = g_date_get_julian (first);
  n_days = g_date_get_julian (last) - first_julian + 1;
  days = g_array_sized_new (FALSE, TRUE, sizeof (UnknotAdherenceDay), n_days);
  g_array_set_size (days, n_days);
  for (guint d = 0; d < n_days; d++)
    {
      UnknotAdherenceDay *day = &g_array_index (days, UnknotAdherenceDay, d);

      g_date_clear (&day->date, 1);
      g_date_set_julian (&day->date, first_julian + d);
    }

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const UnknotSessionRecord *record = g_ptr_array_index (sessions, i);
      UnknotAdherenceDay *day;
      GDate date;
      gint64 index;

      if (record->started_at == NULL)
        continue;
      date_of (record->started_at, &date);
      index = (gint64) g_date_get_julian (&date) - first_julian;
      if (index < 0 || index >= n_days)
        continue;
      day = &g_array_index (days, UnknotAdherenceDay, index);
      day->sessions_started++;
      if (record->outcome == UNKNOT_SESSION_OUTCOME_COMPLETED)
        day->sessions_completed++;
    }

  for (guint i = 0; reminder_events != NULL && i < reminder_events->len; i++)
    {
      const UnknotReminderEventRecord *record = g_ptr_array_index (reminder_events, i);
      UnknotAdherenceDay *day;
      GDate date;
      gint64 index;

      if (record->occurred_at == NULL || record->kind == NULL)
        continue;
      date_of (record->occurred_at, &date);
      index = (gint64) g_date_get_julian (&date) - first_julian;
      if (index < 0 || index >= n_days)
        continue;
      day = &g_array_index (days, UnknotAdherenceDay, index);
      if (g_str_equal (record->kind, "due"))
        day->reminders_due++;
      else if (g_str_equal (record->kind, "taken"))
        day->reminders_taken++;
      else if (g_str_equal (record->kind, "snoozed"))
        day->reminders_snoozed++;
      else if (g_str_equal (record->kind, "skipped"))
        day->reminders_skipped++;
      else if (g_str_equal (record->kind, "natural"))
        day->natural_breaks++;
    }
  return days;
}
