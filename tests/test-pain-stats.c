/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the pain log's charts and summaries say, against figures worked out
 * by hand: the daily trend and its 7-day average across gaps, days as the
 * user lived them, before/after per routine with the meaningful-change rule
 * and "not enough data yet", and the adherence calendar. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "unknot-pain.h"
#include "unknot-pain-stats.h"

#define CLOSE_ENOUGH 1e-9

static GDateTime *
at (const char *iso8601)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

static UnknotPainPoint
point (const char *iso8601,
       int         pain)
{
  g_autoptr(GDateTime) date_time = at (iso8601);
  UnknotPainPoint p;

  p.utc_usec = g_date_time_to_unix (date_time) * G_USEC_PER_SEC + g_date_time_get_microsecond (date_time);
  p.offset_seconds = (gint32) (g_date_time_get_utc_offset (date_time) / G_USEC_PER_SEC);
  p.pain = pain;
  return p;
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_close (double value,
              double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, expected, CLOSE_ENOUGH);
}

/* The trend */

static void
test_daily_with_gaps (void)
{
  /* Worked out by hand: daily means Feb 27 = 6, Mar 1 = 5 (4 and 6),
   * Mar 3 = 2, Mar 8 = 9, Mar 10 = 3; nothing on the other days.  The
   * average of a day is the mean of the daily means in it and the six days
   * before, over the days that have any. */
  const UnknotPainPoint points[] = {
    point ("2024-03-10T20:00:00+01:00", 3),
    point ("2024-02-27T09:00:00+01:00", 6),
    point ("2024-03-01T08:00:00+01:00", 4),
    point ("2024-03-01T21:00:00+01:00", 6),
    point ("2024-03-03T12:00:00+01:00", 2),
    point ("2024-03-08T07:15:00+01:00", 9),
    /* Outside the range and its window: ignored. */
    point ("2024-02-20T12:00:00+01:00", 10),
    point ("2024-03-11T00:30:00+01:00", 10),
  };
  const struct { int day; guint n; double mean; int min; int max; double average; } expected[] = {
    { 1, 2, 5.0, 4, 6, (6 + 5) / 2.0 },
    { 2, 0, NAN, -1, -1, (6 + 5) / 2.0 },
    { 3, 1, 2.0, 2, 2, (6 + 5 + 2) / 3.0 },
    { 4, 0, NAN, -1, -1, (6 + 5 + 2) / 3.0 },
    { 5, 0, NAN, -1, -1, (5 + 2) / 2.0 },      /* Feb 27 has left the window */
    { 6, 0, NAN, -1, -1, (5 + 2) / 2.0 },
    { 7, 0, NAN, -1, -1, (5 + 2) / 2.0 },
    { 8, 1, 9.0, 9, 9, (2 + 9) / 2.0 },        /* and Mar 1 too */
    { 9, 0, NAN, -1, -1, (2 + 9) / 2.0 },
    { 10, 1, 3.0, 3, 3, (9 + 3) / 2.0 },       /* Mar 3 has gone */
  };
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  set_date (&first, 2024, 3, 1);
  set_date (&last, 2024, 3, 10);
  days = unknot_pain_stats_daily (points, G_N_ELEMENTS (points), &first, &last);

  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < days->len; i++)
    {
      const UnknotPainDay *day = &g_array_index (days, UnknotPainDay, i);

      g_test_message ("March %d: %u entries, mean %.3f, average %.3f",
                      expected[i].day, day->n_entries, day->mean, day->average);
      assert_date (&day->date, 2024, 3, expected[i].day);
      g_assert_cmpuint (day->n_entries, ==, expected[i].n);
      assert_close (day->mean, expected[i].mean);
      g_assert_cmpint (day->min, ==, expected[i].min);
      g_assert_cmpint (day->max, ==, expected[i].max);
      assert_close (day->average, expected[i].average);
    }
}

static void
test_daily_average_weighs_days_not_entries (void)
{
  /* Ten entries of 8 on one day and one entry of 2 the next: the average is
   * (8 + 2) / 2 = 5, not (80 + 2) / 11. */
  GArray *input = g_array_new (FALSE, FALSE, sizeof (UnknotPainPoint));
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  for (guint i = 0; i < 10; i++)
    {
      UnknotPainPoint p = point ("2024-05-01T10:00:00+00:00", 8);

      p.utc_usec += i * G_USEC_PER_SEC * 60;
      g_array_append_val (input, p);
    }
  {
    UnknotPainPoint p = point ("2024-05-02T10:00:00+00:00", 2);

    g_array_append_val (input, p);
  }

  set_date (&first, 2024, 5, 2);
  set_date (&last, 2024, 5, 2);
  days = unknot_pain_stats_daily ((UnknotPainPoint *) (gpointer) input->data, input->len, &first, &last);
  g_assert_cmpuint (days->len, ==, 1);
  assert_close (g_array_index (days, UnknotPainDay, 0).average, 5.0);
  g_array_unref (input);
}

static void
test_daily_empty (void)
{
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  set_date (&first, 2023, 12, 30);
  set_date (&last, 2024, 1, 2);
  days = unknot_pain_stats_daily (NULL, 0, &first, &last);
  g_assert_cmpuint (days->len, ==, 4);
  assert_date (&g_array_index (days, UnknotPainDay, 2).date, 2024, 1, 1);
  for (guint i = 0; i < days->len; i++)
    {
      g_assert_cmpuint (g_array_index (days, UnknotPainDay, i).n_entries, ==, 0);
      g_assert_true (isnan (g_array_index (days, UnknotPainDay, i).mean));
      g_assert_true (isnan (g_array_index (days, UnknotPainDay, i).average));
    }
}

static void
test_local_days (void)
{
  /* The same instant, 04:30 UTC on 3 March, was late on the 2nd in New York
   * and early on the 3rd in Paris; each entry counts where it was lived. */
  const UnknotPainPoint points[] = {
    point ("2024-03-02T23:30:00-05:00", 8),
    point ("2024-03-03T05:30:00+01:00", 2),
  };
  g_autoptr(GArray) days = NULL;
  GDate first, last, date;

  g_assert_cmpint (points[0].utc_usec, ==, points[1].utc_usec);
  unknot_pain_stats_local_date (points[0].utc_usec, points[0].offset_seconds, &date);
  assert_date (&date, 2024, 3, 2);
  unknot_pain_stats_local_date (points[1].utc_usec, points[1].offset_seconds, &date);
  assert_date (&date, 2024, 3, 3);
  /* +14:00, the furthest ahead any zone is. */
  unknot_pain_stats_local_date (points[1].utc_usec, 14 * 3600, &date);
  assert_date (&date, 2024, 3, 3);
  unknot_pain_stats_local_date (points[1].utc_usec - (gint64) 5 * 3600 * G_USEC_PER_SEC, 0, &date);
  assert_date (&date, 2024, 3, 2);
  /* Before 1970 the division still rounds down. */
  unknot_pain_stats_local_date (-1, 0, &date);
  assert_date (&date, 1969, 12, 31);

  set_date (&first, 2024, 3, 2);
  set_date (&last, 2024, 3, 3);
  days = unknot_pain_stats_daily (points, G_N_ELEMENTS (points), &first, &last);
  assert_close (g_array_index (days, UnknotPainDay, 0).mean, 8.0);
  assert_close (g_array_index (days, UnknotPainDay, 1).mean, 2.0);
}

static void
test_last_days (void)
{
  g_autoptr(GDateTime) after_midnight = at ("2024-03-10T00:30:00+01:00");
  g_autoptr(GDateTime) before_midnight = at ("2024-03-09T23:30:00-05:00");
  g_autoptr(GDateTime) new_year = at ("2024-01-02T12:00:00+00:00");
  GDate first, last;

  unknot_pain_stats_last_days (after_midnight, 7, &first, &last);
  assert_date (&first, 2024, 3, 4);
  assert_date (&last, 2024, 3, 10);

  /* The same moment as 05:30 UTC on the 10th, but the user's today is the 9th. */
  unknot_pain_stats_last_days (before_midnight, 1, &first, &last);
  assert_date (&first, 2024, 3, 9);
  assert_date (&last, 2024, 3, 9);

  unknot_pain_stats_last_days (new_year, 30, &first, &last);
  assert_date (&first, 2023, 12, 4);
  assert_date (&last, 2024, 1, 2);
}

/* Before and after */

static void
add_pair (GPtrArray  *pairs,
          const char *routine_id,
          const char *title,
          const char *started,
          int         before,
          int         after)
{
  g_autoptr(GDateTime) started_at = at (started);

  g_ptr_array_add (pairs, unknot_pain_pair_new (pairs->len + 1, routine_id, title, started_at, before, after));
}

static const UnknotRoutineEffect *
effect_of (GPtrArray  *effects,
           const char *routine_id)
{
  for (guint i = 0; i < effects->len; i++)
    {
      const UnknotRoutineEffect *effect = g_ptr_array_index (effects, i);

      if (g_str_equal (effect->routine_id, routine_id))
        return effect;
    }
  g_assert_not_reached ();
}

static void
test_before_after (void)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_pair_free);
  g_autoptr(GPtrArray) effects = NULL;
  const UnknotRoutineEffect *effect;

  /* 6, 5, 7 → 3, 4, 4: means 6 and 11/3, 2⅓ points less: meaningful. */
  add_pair (pairs, "ball-wall", "Ball on the wall", "2024-01-01T08:00:00+01:00", 6, 3);
  add_pair (pairs, "ball-wall", "Ball on the wall", "2024-01-02T08:00:00+01:00", 5, 4);
  /* Renamed since; the newest session's title is the one shown. */
  add_pair (pairs, "ball-wall", "Tennis ball on the wall", "2024-01-03T08:00:00+01:00", 7, 4);
  /* 3, 2, 3 → 2, 1, 2: one point less, but 37.5 % of 2⅔: meaningful. */
  add_pair (pairs, "hands-neck", "Hands on the neck", "2024-01-01T09:00:00+01:00", 3, 2);
  add_pair (pairs, "hands-neck", "Hands on the neck", "2024-01-02T09:00:00+01:00", 2, 1);
  add_pair (pairs, "hands-neck", "Hands on the neck", "2024-01-03T09:00:00+01:00", 3, 2);
  /* 6 → 5 three times: one point, 17 %: little change. */
  add_pair (pairs, "roller", "Roller", "2024-01-01T10:00:00+01:00", 6, 5);
  add_pair (pairs, "roller", "Roller", "2024-01-02T10:00:00+01:00", 6, 5);
  add_pair (pairs, "roller", "Roller", "2024-01-03T10:00:00+01:00", 6, 5);
  /* 8 → 2 twice: a big change, but only two sessions. */
  add_pair (pairs, "cane", "Cane", "2024-01-01T11:00:00+01:00", 8, 2);
  add_pair (pairs, "cane", "Cane", "2024-01-02T11:00:00+01:00", 8, 2);
  /* 2, 3, 1 → 4, 5, 3: two points more: meaningfully worse. */
  add_pair (pairs, "sock", "Two balls in a sock", "2024-01-01T12:00:00+01:00", 2, 4);
  add_pair (pairs, "sock", "Two balls in a sock", "2024-01-02T12:00:00+01:00", 3, 5);
  add_pair (pairs, "sock", "Two balls in a sock", "2024-01-03T12:00:00+01:00", 1, 3);
  add_pair (pairs, "sock", "Two balls in a sock", "2024-01-04T12:00:00+01:00", 2, 4);

  effects = unknot_pain_stats_before_after (pairs);
  g_assert_cmpuint (effects->len, ==, 5);

  effect = effect_of (effects, "ball-wall");
  g_assert_cmpstr (effect->routine_title, ==, "Tennis ball on the wall");
  g_assert_cmpuint (effect->n_sessions, ==, 3);
  assert_close (effect->mean_before, 6.0);
  assert_close (effect->mean_after, 11.0 / 3);
  assert_close (effect->mean_change, 11.0 / 3 - 6.0);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_IMPROVED);

  effect = effect_of (effects, "hands-neck");
  assert_close (effect->mean_before, 8.0 / 3);
  assert_close (effect->mean_change, -1.0);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_IMPROVED);

  effect = effect_of (effects, "roller");
  assert_close (effect->mean_change, -1.0);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);

  effect = effect_of (effects, "cane");
  g_assert_cmpuint (effect->n_sessions, ==, 2);
  assert_close (effect->mean_change, -6.0);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA);

  effect = effect_of (effects, "sock");
  g_assert_cmpuint (effect->n_sessions, ==, 4);
  assert_close (effect->mean_change, 2.0);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_WORSE);

  /* Most paired sessions first, then by title. */
  g_assert_cmpstr (((UnknotRoutineEffect *) g_ptr_array_index (effects, 0))->routine_id, ==, "sock");
  g_assert_cmpstr (((UnknotRoutineEffect *) g_ptr_array_index (effects, 1))->routine_id, ==, "hands-neck");
  g_assert_cmpstr (((UnknotRoutineEffect *) g_ptr_array_index (effects, 2))->routine_id, ==, "roller");
  g_assert_cmpstr (((UnknotRoutineEffect *) g_ptr_array_index (effects, 3))->routine_id, ==, "ball-wall");
  g_assert_cmpstr (((UnknotRoutineEffect *) g_ptr_array_index (effects, 4))->routine_id, ==, "cane");
}

static void
test_before_after_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) effects = unknot_pain_stats_before_after (none);
  g_autoptr(GPtrArray) effects_of_null = unknot_pain_stats_before_after (NULL);

  g_assert_cmpuint (effects->len, ==, 0);
  g_assert_cmpuint (effects_of_null->len, ==, 0);
}

static void
test_meaningful_rule (void)
{
  /* Fewer than 3 sessions: never a verdict. */
  g_assert_cmpint (unknot_pain_effect_classify (0, 0, 0), ==, UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA);
  g_assert_cmpint (unknot_pain_effect_classify (2, 9, 1), ==, UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA);
  /* Exactly 2 points, and 2 points less a hair (under 30 % of 10). */
  g_assert_cmpint (unknot_pain_effect_classify (3, 10, 8), ==, UNKNOT_PAIN_EFFECT_IMPROVED);
  g_assert_cmpint (unknot_pain_effect_classify (3, 10, 8.01), ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);
  /* Exactly 30 % of the before value, and a hair under. */
  g_assert_cmpint (unknot_pain_effect_classify (3, 5, 3.5), ==, UNKNOT_PAIN_EFFECT_IMPROVED);
  g_assert_cmpint (unknot_pain_effect_classify (3, 5, 3.51), ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);
  /* 1/3 - 1/3 computed in floating point is still "2 points". */
  g_assert_cmpint (unknot_pain_effect_classify (3, 20.0 / 3, 14.0 / 3), ==, UNKNOT_PAIN_EFFECT_IMPROVED);
  /* No change is never "30 % of 0". */
  g_assert_cmpint (unknot_pain_effect_classify (3, 0, 0), ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);
  g_assert_cmpint (unknot_pain_effect_classify (5, 4, 4), ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);
  /* Worse, by points or by share; from 0 only the points count. */
  g_assert_cmpint (unknot_pain_effect_classify (3, 3, 5), ==, UNKNOT_PAIN_EFFECT_WORSE);
  g_assert_cmpint (unknot_pain_effect_classify (3, 3, 4), ==, UNKNOT_PAIN_EFFECT_WORSE);
  g_assert_cmpint (unknot_pain_effect_classify (3, 6, 7), ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);
  g_assert_cmpint (unknot_pain_effect_classify (3, 0, 1), ==, UNKNOT_PAIN_EFFECT_LITTLE_CHANGE);
  g_assert_cmpint (unknot_pain_effect_classify (3, 0, 2), ==, UNKNOT_PAIN_EFFECT_WORSE);

  /* Every verdict has words, and the threshold is named. */
  for (UnknotPainEffect effect = UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA; effect <= UNKNOT_PAIN_EFFECT_WORSE; effect++)
    g_assert_nonnull (unknot_pain_effect_describe (effect));
  g_assert_nonnull (strstr (unknot_pain_effect_describe (UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA), "3 sessions"));
  g_assert_nonnull (strstr (unknot_pain_effect_describe (UNKNOT_PAIN_EFFECT_IMPROVED), "2 points"));
  g_assert_nonnull (strstr (unknot_pain_effect_describe (UNKNOT_PAIN_EFFECT_LITTLE_CHANGE), "30%"));
}

/* Adherence */

static void
add_session (GPtrArray            *sessions,
             const char           *started,
             UnknotSessionOutcome  outcome)
{
  UnknotSessionRecord *record = g_new0 (UnknotSessionRecord, 1);

  record->routine_id = g_strdup ("ball-wall");
  record->routine_title = g_strdup ("Ball on the wall");
  record->started_at = at (started);
  record->outcome = outcome;
  g_ptr_array_add (sessions, record);
}

static void
add_event (GPtrArray  *events,
           const char *occurred,
           const char *kind)
{
  UnknotReminderEventRecord *record = g_new0 (UnknotReminderEventRecord, 1);

  record->kind = g_strdup (kind);
  record->occurred_at = at (occurred);
  g_ptr_array_add (events, record);
}

static void
test_adherence (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_session_record_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_reminder_event_record_free);
  g_autoptr(GArray) days = NULL;
  const UnknotAdherenceDay *day;
  GDate first, last;

  add_session (sessions, "2024-04-01T08:00:00+02:00", UNKNOT_SESSION_OUTCOME_COMPLETED);
  add_session (sessions, "2024-04-01T18:00:00+02:00", UNKNOT_SESSION_OUTCOME_STOPPED);
  /* 23:30 in New York on the 2nd is the 3rd in UTC: it counts on the 2nd. */
  add_session (sessions, "2024-04-02T23:30:00-04:00", UNKNOT_SESSION_OUTCOME_COMPLETED);
  add_session (sessions, "2024-04-03T07:00:00+02:00", UNKNOT_SESSION_OUTCOME_SAFETY);
  add_session (sessions, "2024-03-31T07:00:00+02:00", UNKNOT_SESSION_OUTCOME_COMPLETED);  /* before */
  add_session (sessions, "2024-04-04T07:00:00+02:00", UNKNOT_SESSION_OUTCOME_COMPLETED);  /* after */

  add_event (events, "2024-04-01T10:00:00+02:00", "due");
  add_event (events, "2024-04-01T10:00:05+02:00", "taken");
  add_event (events, "2024-04-01T11:00:00+02:00", "due");
  add_event (events, "2024-04-01T11:00:09+02:00", "snoozed");
  add_event (events, "2024-04-02T11:00:00+02:00", "due");
  add_event (events, "2024-04-02T11:00:02+02:00", "skipped");
  add_event (events, "2024-04-03T15:00:00+02:00", "natural");
  add_event (events, "2024-04-05T15:00:00+02:00", "due");   /* after */

  set_date (&first, 2024, 4, 1);
  set_date (&last, 2024, 4, 3);
  days = unknot_pain_stats_adherence (sessions, events, &first, &last);
  g_assert_cmpuint (days->len, ==, 3);

  day = &g_array_index (days, UnknotAdherenceDay, 0);
  assert_date (&day->date, 2024, 4, 1);
  g_assert_cmpuint (day->sessions_started, ==, 2);
  g_assert_cmpuint (day->sessions_completed, ==, 1);
  g_assert_cmpuint (day->reminders_due, ==, 2);
  g_assert_cmpuint (day->reminders_taken, ==, 1);
  g_assert_cmpuint (day->reminders_snoozed, ==, 1);
  g_assert_cmpuint (day->reminders_skipped, ==, 0);

  day = &g_array_index (days, UnknotAdherenceDay, 1);
  assert_date (&day->date, 2024, 4, 2);
  g_assert_cmpuint (day->sessions_started, ==, 1);
  g_assert_cmpuint (day->sessions_completed, ==, 1);
  g_assert_cmpuint (day->reminders_due, ==, 1);
  g_assert_cmpuint (day->reminders_skipped, ==, 1);
  g_assert_cmpuint (day->reminders_taken, ==, 0);

  day = &g_array_index (days, UnknotAdherenceDay, 2);
  assert_date (&day->date, 2024, 4, 3);
  g_assert_cmpuint (day->sessions_started, ==, 1);
  g_assert_cmpuint (day->sessions_completed, ==, 0);
  g_assert_cmpuint (day->natural_breaks, ==, 1);
  g_assert_cmpuint (day->reminders_due, ==, 0);
}

static void
test_adherence_nothing (void)
{
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  set_date (&first, 2024, 2, 28);
  set_date (&last, 2024, 3, 1);
  days = unknot_pain_stats_adherence (NULL, NULL, &first, &last);
  g_assert_cmpuint (days->len, ==, 3);
  assert_date (&g_array_index (days, UnknotAdherenceDay, 1).date, 2024, 2, 29);
  g_assert_cmpuint (g_array_index (days, UnknotAdherenceDay, 1).sessions_started, ==, 0);
}

/* The words at the numbers (CONTENT.md) */

static void
test_bands_and_anchors (void)
{
  const UnknotPainBand bands[] = {
    UNKNOT_PAIN_BAND_NONE,
    UNKNOT_PAIN_BAND_MILD, UNKNOT_PAIN_BAND_MILD, UNKNOT_PAIN_BAND_MILD,
    UNKNOT_PAIN_BAND_MODERATE, UNKNOT_PAIN_BAND_MODERATE, UNKNOT_PAIN_BAND_MODERATE,
    UNKNOT_PAIN_BAND_SEVERE, UNKNOT_PAIN_BAND_SEVERE, UNKNOT_PAIN_BAND_SEVERE, UNKNOT_PAIN_BAND_SEVERE,
  };
  g_autofree char *zero = unknot_pain_describe_value (0);
  g_autofree char *five = unknot_pain_describe_value (5);
  g_autofree char *ten = unknot_pain_describe_value (10);
  g_autofree char *three = unknot_pain_describe_value (3);

  for (int value = 0; value <= 10; value++)
    g_assert_cmpint (unknot_pain_band_for_value (value), ==, bands[value]);
  g_assert_cmpint (unknot_pain_band_for_value (-3), ==, UNKNOT_PAIN_BAND_NONE);
  g_assert_cmpint (unknot_pain_band_for_value (42), ==, UNKNOT_PAIN_BAND_SEVERE);

  g_assert_cmpstr (unknot_pain_band_get_label (UNKNOT_PAIN_BAND_NONE), ==, "No pain");
  g_assert_cmpstr (unknot_pain_band_get_label (UNKNOT_PAIN_BAND_MILD), ==, "Mild");
  g_assert_cmpstr (unknot_pain_band_get_label (UNKNOT_PAIN_BAND_MODERATE), ==, "Moderate");
  g_assert_cmpstr (unknot_pain_band_get_label (UNKNOT_PAIN_BAND_SEVERE), ==, "Severe");
  g_assert_cmpstr (unknot_pain_anchor_label (0), ==, "No pain");
  g_assert_cmpstr (unknot_pain_anchor_label (10), ==, "Worst pain you can imagine");
  for (int value = 1; value < 10; value++)
    g_assert_null (unknot_pain_anchor_label (value));

  g_assert_cmpstr (zero, ==, "0 — No pain");
  g_assert_cmpstr (three, ==, "3 — Mild");
  g_assert_cmpstr (five, ==, "5 — Moderate");
  g_assert_cmpstr (ten, ==, "10 — Worst pain you can imagine");
}

static void
test_regions (void)
{
  static const char * const ids[] = {
    "neck-left", "neck-right", "shoulder-left", "shoulder-right", "upper-back-left", "upper-back-right",
    "mid-back-left", "mid-back-right", "lower-back-left", "lower-back-right",
  };
  static const char * const some[] = { "shoulder-right", "neck-left", NULL };
  static const char * const bad[] = { "neck-left", "elbow", "knee", NULL };
  g_auto(GStrv) all = unknot_pain_regions_to_ids (UNKNOT_PAIN_REGIONS_ALL);
  g_auto(GStrv) none = unknot_pain_regions_to_ids (0);
  const char *bad_id = NULL;
  guint flags = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == UNKNOT_PAIN_N_REGIONS);
  g_assert_cmpuint (g_strv_length (all), ==, UNKNOT_PAIN_N_REGIONS);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    {
      UnknotPainRegion region = unknot_pain_region_nth (i);
      g_autofree char *name = g_utf8_strdown (unknot_pain_region_get_display_name (region), -1);

      g_assert_cmpstr (unknot_pain_region_to_id (region), ==, ids[i]);
      g_assert_cmpstr (all[i], ==, ids[i]);
      g_assert_cmpint (unknot_pain_region_from_id (ids[i]), ==, region);
      /* "Left" is the user's own left, and the name says whose. */
      g_assert_nonnull (strstr (name, "your"));
      g_assert_nonnull (strstr (name, i % 2 == 0 ? "left" : "right"));
    }
  g_assert_cmpstr (unknot_pain_region_get_display_name (UNKNOT_PAIN_REGION_SHOULDER_LEFT), ==,
                   "Your left shoulder");
  g_assert_null (unknot_pain_region_to_id (UNKNOT_PAIN_REGION_NECK_LEFT | UNKNOT_PAIN_REGION_NECK_RIGHT));
  g_assert_null (unknot_pain_region_to_id (UNKNOT_PAIN_REGION_NONE));
  g_assert_cmpint (unknot_pain_region_from_id ("elbow"), ==, UNKNOT_PAIN_REGION_NONE);

  g_assert_true (unknot_pain_regions_from_ids (some, &flags, &bad_id));
  g_assert_cmphex (flags, ==, UNKNOT_PAIN_REGION_SHOULDER_RIGHT | UNKNOT_PAIN_REGION_NECK_LEFT);
  g_assert_null (bad_id);
  g_assert_false (unknot_pain_regions_from_ids (bad, &flags, &bad_id));
  g_assert_cmpstr (bad_id, ==, "elbow");
  g_assert_cmphex (flags, ==, UNKNOT_PAIN_REGION_NECK_LEFT);
}

static void
test_tags (void)
{
  const char * const *builtins = unknot_pain_tag_builtin_ids ();
  static const char * const expected[] = {
    "desk-work", "lifting", "sport", "stress", "sleep", "driving", "other", NULL
  };
  g_autofree char *long_text = g_strnfill (UNKNOT_PAIN_TAG_MAX_LENGTH + 1, 'a');
  g_autofree char *just_fits = g_strnfill (UNKNOT_PAIN_TAG_MAX_LENGTH, 'a');
  g_autoptr(GError) error = NULL;
  char *tag;

  g_assert_true (g_strv_equal ((const char * const *) builtins, expected));
  g_assert_cmpstr (unknot_pain_tag_get_display_name ("desk-work"), ==, "Desk work");
  g_assert_cmpstr (unknot_pain_tag_get_display_name ("Gardening 🌱"), ==, "Gardening 🌱");
  g_assert_true (unknot_pain_tag_is_builtin ("sleep"));
  g_assert_false (unknot_pain_tag_is_builtin ("Sleep"));

  tag = unknot_pain_tag_normalize ("  long \t  drive  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tag, ==, "long drive");
  g_free (tag);

  tag = unknot_pain_tag_normalize (just_fits, &error);
  g_assert_no_error (error);
  g_free (tag);

  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "", "   ", "a;b", "tab\x01", long_text };

      g_assert_null (unknot_pain_tag_normalize (bad[i], &error));
      g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_entry_validate_and_copy (void)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(UnknotPainEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const tags[] = { "stress", "long drive", NULL };
  static const char * const twice[] = { "stress", "stress", NULL };

  g_assert_nonnull (entry->time);
  g_assert_cmpint (entry->interference, ==, -1);
  g_assert_nonnull (entry->tags);
  g_assert_true (unknot_pain_entry_validate (entry, &error));
  g_assert_no_error (error);

  entry->pain = 7;
  entry->regions = UNKNOT_PAIN_REGION_MID_BACK_RIGHT;
  entry->note = g_strdup ("after 🚗");
  unknot_pain_entry_set_tags (entry, tags);
  copy = unknot_pain_entry_copy (entry);
  g_assert_true (unknot_pain_entry_equal (entry, copy));
  g_assert_true (copy->tags != entry->tags);
  copy->interference = 3;
  g_assert_false (unknot_pain_entry_equal (entry, copy));

  entry->pain = 11;
  g_assert_false (unknot_pain_entry_validate (entry, &error));
  g_assert_nonnull (strstr (error->message, "0–10"));
  g_clear_error (&error);
  entry->pain = 4;

  entry->interference = 11;
  g_assert_false (unknot_pain_entry_validate (entry, &error));
  g_clear_error (&error);
  entry->interference = -1;

  entry->regions = 1u << 12;
  g_assert_false (unknot_pain_entry_validate (entry, &error));
  g_clear_error (&error);
  entry->regions = 0;

  unknot_pain_entry_set_tags (entry, twice);
  g_assert_false (unknot_pain_entry_validate (entry, &error));
  g_clear_error (&error);
  unknot_pain_entry_set_tags (entry, NULL);

  entry->phase = UNKNOT_PAIN_PHASE_BEFORE;
  g_assert_false (unknot_pain_entry_validate (entry, &error));
  g_clear_error (&error);
  entry->session_id = 4;
  g_assert_true (unknot_pain_entry_validate (entry, &error));
  g_assert_no_error (error);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_item (void)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(UnknotPainEntry) edited = unknot_pain_entry_copy (entry);
  g_autoptr(UnknotPainItem) item = unknot_pain_item_new (entry);
  guint notified = 0;

  g_signal_connect (item, "notify::entry", G_CALLBACK (count_cb), &notified);
  g_assert_true (unknot_pain_item_get_entry (item) == entry);
  unknot_pain_item_set_entry (item, entry);
  g_assert_cmpuint (notified, ==, 0);
  unknot_pain_item_set_entry (item, edited);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (unknot_pain_item_get_entry (item) == edited);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pain-stats/daily/gaps", test_daily_with_gaps);
  g_test_add_func ("/pain-stats/daily/days-not-entries", test_daily_average_weighs_days_not_entries);
  g_test_add_func ("/pain-stats/daily/empty", test_daily_empty);
  g_test_add_func ("/pain-stats/daily/local-days", test_local_days);
  g_test_add_func ("/pain-stats/last-days", test_last_days);
  g_test_add_func ("/pain-stats/before-after/routines", test_before_after);
  g_test_add_func ("/pain-stats/before-after/empty", test_before_after_empty);
  g_test_add_func ("/pain-stats/before-after/meaningful-rule", test_meaningful_rule);
  g_test_add_func ("/pain-stats/adherence/days", test_adherence);
  g_test_add_func ("/pain-stats/adherence/nothing", test_adherence_nothing);
  g_test_add_func ("/pain/bands-and-anchors", test_bands_and_anchors);
  g_test_add_func ("/pain/regions", test_regions);
  g_test_add_func ("/pain/tags", test_tags);
  g_test_add_func ("/pain/entry/validate-and-copy", test_entry_validate_and_copy);
  g_test_add_func ("/pain/item", test_item);

  return g_test_run ();
}
