/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-pain.h"
#include "unknot-store.h"

G_BEGIN_DECLS

/* What the pain log shows: a daily trend with a 7-day average, the change
 * each routine brings, and how often sessions and breaks happened.  Pure
 * functions over plain data, no SQLite; the store runs them on its worker
 * (unknot_store_pain_daily_async() and friends) so the UI never waits.
 *
 * Days are local days as the user lived them: an entry belongs to the
 * calendar day of its own time at its own UTC offset, so a week logged
 * while travelling still shows the mornings as mornings. */

/* The local calendar day of a moment stored as UTC µs + offset seconds. */
void unknot_pain_stats_local_date (gint64  utc_usec,
                                   int     offset_seconds,
                                   GDate  *date);

/* The @n_days days ending with @now's local day (so "the last 30 days"
 * includes today).  "Now" is a parameter: tests pass a fixed moment. */
void unknot_pain_stats_last_days  (GDateTime *now,
                                   guint      n_days,
                                   GDate     *first,
                                   GDate     *last);

/* One entry's numbers, as the trend needs them and nothing more. */
typedef struct
{
  gint64 utc_usec;
  gint32 offset_seconds;
  gint32 pain;
} UnknotPainPoint;

#define UNKNOT_PAIN_AVERAGE_DAYS 7

/* One day of the trend. */
typedef struct
{
  GDate  date;
  guint  n_entries;   /* entries that day */
  double mean;        /* their mean pain; NAN when there are none */
  int    min;         /* -1 when there are none */
  int    max;         /* -1 when there are none */
  double average;     /* the trailing 7-day average: the mean of the daily
                       * means of this day and the 6 before it, over the days
                       * that have entries (a day logged ten times weighs
                       * what a day logged once does); NAN when none of the
                       * seven has one */
} UnknotPainDay;

/* Every day from @first to @last (inclusive, in order), from @points in any
 * order.  Points before @first count toward the averages of the first six
 * days, so pass the six days before too; points after @last are ignored.
 * A GArray of UnknotPainDay. */
GArray *unknot_pain_stats_daily (const UnknotPainPoint *points,
                                 gsize                  n_points,
                                 const GDate           *first,
                                 const GDate           *last);

/* A session with pain recorded both before and after it (the last of each
 * when there are several). */
typedef struct
{
  gint64     session_id;
  char      *routine_id;
  char      *routine_title;
  GDateTime *started_at;
  int        before;
  int        after;
} UnknotPainPair;

UnknotPainPair *unknot_pain_pair_new  (gint64      session_id,
                                       const char *routine_id,
                                       const char *routine_title,
                                       GDateTime  *started_at,
                                       int         before,
                                       int         after);
void            unknot_pain_pair_free (UnknotPainPair *pair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotPainPair, unknot_pain_pair_free)

/* Fewer paired sessions than this and the answer is "not enough data yet". */
#define UNKNOT_PAIN_MIN_PAIRED_SESSIONS 3
/* A mean change of at least this many points, or of this share of the mean
 * "before" value, is the usual threshold for a meaningful change. */
#define UNKNOT_PAIN_MEANINGFUL_POINTS   2.0
#define UNKNOT_PAIN_MEANINGFUL_FRACTION 0.3

typedef enum
{
  UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA, /* fewer than 3 paired sessions */
  UNKNOT_PAIN_EFFECT_IMPROVED,        /* less pain after, meaningfully */
  UNKNOT_PAIN_EFFECT_LITTLE_CHANGE,   /* less or more, but under the threshold */
  UNKNOT_PAIN_EFFECT_WORSE,           /* more pain after, meaningfully */
} UnknotPainEffect;

/* Improved when the mean "before" minus the mean "after" is ≥ 2 points or
 * ≥ 30 % of the mean "before" (and above 0); worse, the same way round. */
UnknotPainEffect unknot_pain_effect_classify (guint  n_sessions,
                                              double mean_before,
                                              double mean_after);
/* Translated, one sentence for the UI, e.g. "Not enough data yet: rate your
 * pain before and after at least 3 sessions of this routine." */
const char      *unknot_pain_effect_describe (UnknotPainEffect effect);

/* Before and after, for one routine. */
typedef struct
{
  char             *routine_id;
  char             *routine_title;  /* as of its newest session */
  guint             n_sessions;     /* paired sessions */
  double            mean_before;
  double            mean_after;
  double            mean_change;    /* after − before: negative is less pain */
  UnknotPainEffect  effect;
} UnknotRoutineEffect;

void unknot_routine_effect_free (UnknotRoutineEffect *effect);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotRoutineEffect, unknot_routine_effect_free)

/* One UnknotRoutineEffect per routine in @pairs (UnknotPainPair), most paired
 * sessions first, then by title.  A GPtrArray that frees its elements. */
GPtrArray *unknot_pain_stats_before_after (GPtrArray *pairs);

/* One day of the adherence calendar. */
typedef struct
{
  GDate date;
  guint sessions_started;    /* any outcome */
  guint sessions_completed;
  guint reminders_due;
  guint reminders_taken;     /* "Start routine" pressed */
  guint reminders_snoozed;
  guint reminders_skipped;
  guint natural_breaks;      /* the user stepped away by themselves */
} UnknotAdherenceDay;

/* Every day from @first to @last, from @sessions (UnknotSessionRecord, by
 * their start) and @reminder_events (UnknotReminderEventRecord), either may
 * be NULL.  A GArray of UnknotAdherenceDay. */
GArray *unknot_pain_stats_adherence (GPtrArray   *sessions,
                                     GPtrArray   *reminder_events,
                                     const GDate *first,
                                     const GDate *last);

G_END_DECLS
