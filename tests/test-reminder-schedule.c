/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The posture-break schedule on a fake clock: when a reminder comes over
 * working days, nights and weekends, idle spells, suspends, Do Not Disturb,
 * wall-clock jumps, DST and settings changed on the way — what a user
 * would notice, to the minute, in milliseconds. */
#include "config.h"

#include <string.h>

#include "unknot-clock.h"
#include "unknot-reminder-schedule.h"

#define SEC ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SEC)
#define HOUR (60 * MINUTE)
/* Not zero, so that a deadline computed from 0 instead of the start shows. */
#define T0 ((gint64) 7777 * SEC)

/* What a user would notice, one line each ("Mon 09:45 due"), so that a
 * failure shows the whole day. */
typedef struct
{
  UnknotFakeClock        *clock;
  UnknotReminderSchedule *schedule;
  GDateTime              *start;
  GString                *log;
  GArray                 *due_mono;     /* gint64: monotonic time of each due */
  guint                   n_events[UNKNOT_REMINDER_EVENT_NATURAL + 1];
  guint                   n_withdraws;
  guint                   n_unanswered; /* dues since the last answer or withdraw */
  gboolean                due_event;    /* the DUE event came, its "due" not yet */
  gboolean                skip_at_once;
  gboolean                show_zone;
  gint64                  last_next_due;
  guint                   n_next_due_notify;

  /* The simulated week. */
  gboolean                check_week;
  gboolean                away;
  gint64                  last_reset;   /* monotonic: the user's last break */
} Harness;

static const char *const day_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static UnknotReminderSettings
default_settings (void)
{
  UnknotReminderSettings settings;

  unknot_reminder_settings_init_defaults (&settings);
  return settings;
}

static GDateTime *
monday_8am (void)
{
  return g_date_time_new_local (2026, 11, 23, 8, 0, 0);
}

static void
check_pending (Harness *h)
{
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), <=, 1);
}

static void
log_line (Harness    *h,
          const char *what)
{
  g_autoptr(GDateTime) now = unknot_clock_now_local (UNKNOT_CLOCK (h->clock));

  g_string_append_printf (h->log, "%s %02d:%02d",
                          day_names[g_date_time_get_day_of_week (now) - 1],
                          g_date_time_get_hour (now), g_date_time_get_minute (now));
  if (g_date_time_get_second (now) != 0)
    g_string_append_printf (h->log, ":%02d", g_date_time_get_second (now));
  if (h->show_zone)
    g_string_append_printf (h->log, " %s", g_date_time_get_timezone_abbreviation (now));
  g_string_append_printf (h->log, " %s\n", what);
}

static gint64
mono_now (Harness *h)
{
  return unknot_clock_now (UNKNOT_CLOCK (h->clock));
}

static gint64
wall_now (Harness *h)
{
  g_autoptr(GDateTime) now = unknot_clock_now_local (UNKNOT_CLOCK (h->clock));

  return g_date_time_to_unix (now);
}

/* Unix seconds of @hour:@minute, @day days after the harness started, in
 * its time zone. */
static gint64
at (Harness *h,
    int      day,
    int      hour,
    int      minute)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (h->start, day);
  g_autoptr(GDateTime) when = g_date_time_new (g_date_time_get_timezone (h->start),
                                               g_date_time_get_year (date),
                                               g_date_time_get_month (date),
                                               g_date_time_get_day_of_month (date),
                                               hour, minute, 0);

  return g_date_time_to_unix (when);
}

/* The simulated user's view of the rules: a reminder only in active hours
 * on a working day, only when they are there, and only after a full
 * interval of work since their last break. */
static void
check_week_due (Harness *h)
{
  g_autoptr(GDateTime) now = unknot_clock_now_local (UNKNOT_CLOCK (h->clock));

  g_assert_false (h->away);
  g_assert_cmpint (g_date_time_get_day_of_week (now), <=, 5);
  g_assert_cmpint (g_date_time_get_hour (now), >=, 9);
  g_assert_cmpint (g_date_time_get_hour (now), <, 18);
  g_assert_cmpint (mono_now (h) - h->last_reset, >=, 45 * MINUTE);
}

static void
event_cb (UnknotReminderSchedule *schedule,
          UnknotReminderEvent     event,
          Harness                *h)
{
  if ((guint) event >= G_N_ELEMENTS (h->n_events))
    g_assert_not_reached ();
  h->n_events[event]++;

  switch (event)
    {
    case UNKNOT_REMINDER_EVENT_DUE:
      g_assert_false (h->due_event);
      h->due_event = TRUE;
      return;
    case UNKNOT_REMINDER_EVENT_SNOOZED:
    case UNKNOT_REMINDER_EVENT_SKIPPED:
    case UNKNOT_REMINDER_EVENT_TAKEN:
      h->n_unanswered = 0;
      g_assert_false (unknot_reminder_schedule_is_showing (schedule));
      if (h->check_week)
        h->last_reset = mono_now (h);
      if (h->skip_at_once && event == UNKNOT_REMINDER_EVENT_SKIPPED)
        return;
      break;
    case UNKNOT_REMINDER_EVENT_NATURAL:
    default:
      break;
    }

  log_line (h, unknot_reminder_event_to_string (event));
}

static void
due_cb (UnknotReminderSchedule *schedule,
        Harness                *h)
{
  gint64 now = mono_now (h);

  /* The history heard of it, and it is the only one: never two reminders
   * without an answer in between. */
  g_assert_true (h->due_event);
  h->due_event = FALSE;
  g_assert_cmpuint (h->n_unanswered, ==, 0);
  h->n_unanswered++;
  g_assert_true (unknot_reminder_schedule_is_showing (schedule));
  check_pending (h);

  g_array_append_val (h->due_mono, now);
  log_line (h, "due");

  if (h->check_week)
    check_week_due (h);
  if (h->skip_at_once)
    unknot_reminder_schedule_skip (schedule);
}

static void
withdraw_cb (UnknotReminderSchedule *schedule,
             Harness                *h)
{
  g_assert_false (unknot_reminder_schedule_is_showing (schedule));
  g_assert_cmpuint (h->n_unanswered, ==, 1);
  h->n_unanswered = 0;
  h->n_withdraws++;
  log_line (h, "withdraw");
}

static void
next_due_cb (UnknotReminderSchedule *schedule,
             GParamSpec             *pspec,
             Harness                *h)
{
  gint64 next_due = unknot_reminder_schedule_get_next_due (schedule);

  /* Notified only on a real change. */
  g_assert_cmpint (next_due, !=, h->last_next_due);
  h->last_next_due = next_due;
  h->n_next_due_notify++;
}

static Harness *
harness_new (GDateTime                    *start,
             const UnknotReminderSettings *settings)
{
  Harness *h = g_new0 (Harness, 1);
  UnknotReminderSettings defaults = default_settings ();

  h->start = g_date_time_ref (start);
  h->clock = UNKNOT_FAKE_CLOCK (unknot_fake_clock_new (T0, start));
  h->schedule = unknot_reminder_schedule_new (UNKNOT_CLOCK (h->clock), settings != NULL ? settings : &defaults);
  h->log = g_string_new (NULL);
  h->due_mono = g_array_new (FALSE, FALSE, sizeof (gint64));
  h->last_next_due = unknot_reminder_schedule_get_next_due (h->schedule);

  g_signal_connect (h->schedule, "due", G_CALLBACK (due_cb), h);
  g_signal_connect (h->schedule, "withdraw", G_CALLBACK (withdraw_cb), h);
  g_signal_connect (h->schedule, "event", G_CALLBACK (event_cb), h);
  g_signal_connect (h->schedule, "notify::next-due", G_CALLBACK (next_due_cb), h);

  check_pending (h);
  return h;
}

static void
harness_free (Harness *h)
{
  /* Nothing may be left to fire into a schedule that is gone. */
  g_clear_object (&h->schedule);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);

  g_clear_object (&h->clock);
  g_date_time_unref (h->start);
  g_string_free (h->log, TRUE);
  g_array_unref (h->due_mono);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Harness, harness_free)

/* Advances a minute at a time, so that "at most one clock callback" is
 * checked all along, not only at the end. */
static void
advance (Harness *h,
         gint64   usec)
{
  while (usec > 0)
    {
      gint64 step = MIN (usec, MINUTE);

      unknot_fake_clock_advance (h->clock, step);
      usec -= step;
      check_pending (h);
    }
}

/* Advances until the wall clock reads @unix_seconds. */
static void
advance_to (Harness *h,
            gint64   unix_seconds)
{
  g_autoptr(GDateTime) now = unknot_clock_now_local (UNKNOT_CLOCK (h->clock));
  gint64 wall = g_date_time_to_unix (now) * SEC + g_date_time_get_microsecond (now);

  g_assert_cmpint (unix_seconds * SEC, >=, wall);
  advance (h, unix_seconds * SEC - wall);
}

static gint64
next_due (Harness *h)
{
  return unknot_reminder_schedule_get_next_due (h->schedule);
}

static void
set_settings (Harness                      *h,
              const UnknotReminderSettings *settings)
{
  unknot_reminder_schedule_set_settings (h->schedule, settings);
  check_pending (h);
}

#define assert_log(h, expected) \
  G_STMT_START { \
    g_assert_cmpstr ((h)->log->str, ==, (expected)); \
    g_string_truncate ((h)->log, 0); \
  } G_STMT_END

/* Tests */

static gboolean
never_cb (gpointer data)
{
  g_assert_not_reached ();
}

static void
test_fake_clock (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(UnknotClock) clock = unknot_fake_clock_new (T0, start);
  UnknotFakeClock *fake = UNKNOT_FAKE_CLOCK (clock);
  g_autoptr(GDateTime) after_jump = NULL;
  g_autoptr(GDateTime) after_sleep = NULL;
  g_autoptr(GDateTime) after_advance = NULL;
  guint id;

  /* A jump and a sleep move only the wall clock, and run nothing. */
  id = unknot_clock_schedule (clock, T0 + SEC, never_cb, NULL, NULL);
  unknot_fake_clock_jump_wall (fake, -3 * 3600);
  after_jump = unknot_clock_now_local (clock);
  g_assert_cmpint (g_date_time_difference (after_jump, start), ==, -3 * HOUR);
  unknot_fake_clock_sleep (fake, 2 * HOUR);
  after_sleep = unknot_clock_now_local (clock);
  g_assert_cmpint (g_date_time_difference (after_sleep, start), ==, -1 * HOUR);
  g_assert_cmpint (unknot_clock_now (clock), ==, T0);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake), ==, 1);

  /* The offset stays when the monotonic clock moves on. */
  unknot_clock_cancel (clock, id);
  unknot_fake_clock_advance (fake, 10 * MINUTE);
  after_advance = unknot_clock_now_local (clock);
  g_assert_cmpint (g_date_time_difference (after_advance, start), ==, -50 * MINUTE);
}

static void
test_defaults (void)
{
  UnknotReminderSettings settings;
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = NULL;

  memset (&settings, 0xff, sizeof settings);
  unknot_reminder_settings_init_defaults (&settings);
  g_assert_cmpuint (settings.interval_minutes, ==, 45);
  g_assert_cmpuint (settings.active_start_minute, ==, 9 * 60);
  g_assert_cmpuint (settings.active_end_minute, ==, 18 * 60);
  g_assert_cmpuint (settings.active_days, ==, 0x1f);
  g_assert_cmpuint (settings.snooze_minutes, ==, 10);
  g_assert_true (settings.idle_is_break);
  g_assert_cmpuint (settings.idle_minutes, ==, 5);
  g_assert_cmpint (settings.paused_until, ==, 0);

  g_assert_cmpstr (unknot_reminder_event_to_string (UNKNOT_REMINDER_EVENT_DUE), ==, "due");
  g_assert_cmpstr (unknot_reminder_event_to_string (UNKNOT_REMINDER_EVENT_TAKEN), ==, "taken");
  g_assert_cmpstr (unknot_reminder_event_to_string (UNKNOT_REMINDER_EVENT_SNOOZED), ==, "snoozed");
  g_assert_cmpstr (unknot_reminder_event_to_string (UNKNOT_REMINDER_EVENT_SKIPPED), ==, "skipped");
  g_assert_cmpstr (unknot_reminder_event_to_string (UNKNOT_REMINDER_EVENT_NATURAL), ==, "natural");

  /* Started before the window: the first reminder is a full interval into
   * it, and the property says so before anything has happened. */
  h = harness_new (start, NULL);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 9, 45));
  g_assert_false (unknot_reminder_schedule_is_showing (h->schedule));
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 1);
}

static void
test_working_day (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  h->skip_at_once = TRUE;

  /* Nothing before 09:00, and not at 09:00 either. */
  advance_to (h, at (h, 0, 9, 44));
  assert_log (h, "");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 9, 45));

  advance_to (h, at (h, 0, 23, 59));
  assert_log (h,
              "Mon 09:45 due\n"
              "Mon 10:30 due\n"
              "Mon 11:15 due\n"
              "Mon 12:00 due\n"
              "Mon 12:45 due\n"
              "Mon 13:30 due\n"
              "Mon 14:15 due\n"
              "Mon 15:00 due\n"
              "Mon 15:45 due\n"
              "Mon 16:30 due\n"
              "Mon 17:15 due\n");
  g_assert_cmpuint (h->n_events[UNKNOT_REMINDER_EVENT_DUE], ==, 11);
  g_assert_cmpuint (h->n_events[UNKNOT_REMINDER_EVENT_SKIPPED], ==, 11);

  /* 18:00 came before the next one: tomorrow, a full interval in. */
  g_assert_cmpint (next_due (h), ==, at (h, 1, 9, 45));
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 1);

  advance_to (h, at (h, 1, 10, 0));
  assert_log (h, "Tue 09:45 due\n");
}

static void
test_weekend (void)
{
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 11, 27, 17, 0, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new_local (2026, 11, 28, 8, 0, 0);
  g_autoptr(Harness) h = harness_new (friday, NULL);
  g_autoptr(Harness) h2 = harness_new (saturday, NULL);

  h->skip_at_once = TRUE;
  advance_to (h, at (h, 0, 23, 0));
  assert_log (h, "Fri 17:45 due\n");
  g_assert_cmpint (next_due (h), ==, at (h, 3, 9, 45));

  advance_to (h, at (h, 3, 8, 0));
  assert_log (h, "");
  advance_to (h, at (h, 3, 10, 0));
  assert_log (h, "Mon 09:45 due\n");

  /* Started on a Saturday: nothing until Monday. */
  g_assert_cmpint (next_due (h2), ==, at (h2, 2, 9, 45));
  advance_to (h2, at (h2, 2, 9, 44));
  assert_log (h2, "");
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h2->clock), ==, 1);
}

static void
test_midnight_window (void)
{
  UnknotReminderSettings settings = default_settings ();
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 11, 27, 21, 0, 0);
  g_autoptr(Harness) h = NULL;

  /* Friday evenings, into Saturday morning. */
  settings.active_start_minute = 22 * 60;
  settings.active_end_minute = 2 * 60;
  settings.active_days = 1 << 4;
  h = harness_new (friday, &settings);
  h->skip_at_once = TRUE;

  g_assert_cmpint (next_due (h), ==, at (h, 0, 22, 45));
  advance_to (h, at (h, 1, 23, 59));
  assert_log (h,
              "Fri 22:45 due\n"
              "Fri 23:30 due\n"
              "Sat 00:15 due\n"
              "Sat 01:00 due\n"
              "Sat 01:45 due\n");

  /* Saturday is not active: its evening has nothing, next Friday does. */
  g_assert_cmpint (next_due (h), ==, at (h, 7, 22, 45));
  advance_to (h, at (h, 7, 22, 44));
  assert_log (h, "");
  advance_to (h, at (h, 7, 22, 45));
  assert_log (h, "Fri 22:45 due\n");
}

static void
test_answers (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  advance_to (h, at (h, 0, 9, 45));
  assert_log (h, "Mon 09:45 due\n");
  g_assert_true (unknot_reminder_schedule_is_showing (h->schedule));
  g_assert_cmpint (next_due (h), ==, at (h, 0, 9, 45));

  /* Snooze: ten minutes from the answer. */
  advance_to (h, at (h, 0, 9, 47));
  unknot_reminder_schedule_snooze (h->schedule);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 9, 57));
  advance_to (h, at (h, 0, 9, 57));
  assert_log (h,
              "Mon 09:47 snoozed\n"
              "Mon 09:57 due\n");

  /* Unanswered, it stays one reminder: nothing stacks up for hours. */
  advance_to (h, at (h, 0, 12, 0));
  assert_log (h, "");
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);

  /* Skip: a full interval from the answer. */
  unknot_reminder_schedule_skip (h->schedule);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 12, 45));
  advance_to (h, at (h, 0, 12, 50));
  assert_log (h,
              "Mon 12:00 skipped\n"
              "Mon 12:45 due\n");

  /* Taken: a full interval from now. */
  unknot_reminder_schedule_taken (h->schedule);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 13, 35));
  g_assert_false (unknot_reminder_schedule_is_showing (h->schedule));

  /* Late answers to a reminder that is gone change nothing. */
  unknot_reminder_schedule_snooze (h->schedule);
  unknot_reminder_schedule_skip (h->schedule);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 13, 35));

  /* A routine started from the app is a break all the same. */
  advance_to (h, at (h, 0, 13, 0));
  unknot_reminder_schedule_taken (h->schedule);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 13, 45));
  advance_to (h, at (h, 0, 13, 50));
  assert_log (h,
              "Mon 12:50 taken\n"
              "Mon 13:00 taken\n"
              "Mon 13:45 due\n");
  g_assert_cmpuint (h->n_withdraws, ==, 0);
}

static void
test_idle_natural_break (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  advance_to (h, at (h, 0, 9, 30));
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));
  advance (h, 6 * MINUTE);
  unknot_reminder_schedule_idle_ended (h->schedule);
  assert_log (h, "Mon 09:36 natural\n");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 10, 21));

  advance_to (h, at (h, 0, 10, 21));
  assert_log (h, "Mon 10:21 due\n");

  /* Away while a reminder shows (the monitor tells a minute late): the
   * break makes it moot. */
  advance_to (h, at (h, 0, 10, 25));
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h) - MINUTE);
  advance (h, 5 * MINUTE);
  unknot_reminder_schedule_idle_ended (h->schedule);
  assert_log (h,
              "Mon 10:30 withdraw\n"
              "Mon 10:30 natural\n");
  g_assert_false (unknot_reminder_schedule_is_showing (h->schedule));
  g_assert_cmpint (next_due (h), ==, at (h, 0, 11, 15));
  advance_to (h, at (h, 0, 11, 15));
  assert_log (h, "Mon 11:15 due\n");
}

static void
test_idle_short (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  advance_to (h, at (h, 0, 9, 30));
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));
  advance (h, 3 * MINUTE);
  unknot_reminder_schedule_idle_ended (h->schedule);
  assert_log (h, "");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 9, 45));

  advance_to (h, at (h, 0, 9, 45));
  assert_log (h, "Mon 09:45 due\n");
}

static void
test_idle_due_waits (void)
{
  UnknotReminderSettings settings = default_settings ();
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);
  g_autoptr(Harness) plain = NULL;

  /* Falls due at 09:45 while the user is away for four minutes: it comes
   * when they are back, once. */
  advance_to (h, at (h, 0, 9, 43));
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));
  advance_to (h, at (h, 0, 9, 47));
  assert_log (h, "");
  unknot_reminder_schedule_idle_ended (h->schedule);
  assert_log (h, "Mon 09:47 due\n");
  advance_to (h, at (h, 0, 11, 0));
  assert_log (h, "");

  /* Away for six minutes across the deadline: that was the break. */
  unknot_reminder_schedule_skip (h->schedule);
  advance_to (h, at (h, 0, 11, 42));
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));
  advance_to (h, at (h, 0, 11, 48));
  unknot_reminder_schedule_idle_ended (h->schedule);
  assert_log (h,
              "Mon 11:00 skipped\n"
              "Mon 11:48 natural\n");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 12, 33));

  /* Away from 17:57 to 18:01, one due at 17:58 and the window closing
   * meanwhile: nothing after hours, a fresh interval tomorrow. */
  advance_to (h, at (h, 0, 12, 33));
  assert_log (h, "Mon 12:33 due\n");
  advance_to (h, at (h, 0, 17, 13));
  unknot_reminder_schedule_skip (h->schedule);
  advance_to (h, at (h, 0, 17, 57));
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));
  advance_to (h, at (h, 0, 18, 1));
  unknot_reminder_schedule_idle_ended (h->schedule);
  assert_log (h, "Mon 17:13 skipped\n");
  g_assert_cmpint (next_due (h), ==, at (h, 1, 9, 45));
  advance_to (h, at (h, 1, 9, 45));
  assert_log (h, "Tue 09:45 due\n");

  /* Idle not counted as a break: the schedule runs on plain time. */
  settings.idle_is_break = FALSE;
  plain = harness_new (start, &settings);
  advance_to (plain, at (plain, 0, 9, 30));
  unknot_reminder_schedule_idle_began (plain->schedule, mono_now (plain));
  advance_to (plain, at (plain, 0, 9, 50));
  unknot_reminder_schedule_idle_ended (plain->schedule);
  assert_log (plain, "Mon 09:45 due\n");
}

static void
test_suspend_long (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  advance_to (h, at (h, 0, 9, 30));
  unknot_reminder_schedule_suspended (h->schedule);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  unknot_fake_clock_sleep (h->clock, 2 * HOUR);
  unknot_reminder_schedule_resumed (h->schedule, 2 * HOUR);
  assert_log (h, "Mon 11:30 natural\n");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 12, 15));
  advance_to (h, at (h, 0, 13, 0));
  assert_log (h, "Mon 12:15 due\n");

  /* A reminder showing when the lid closed is moot when it opens. */
  unknot_reminder_schedule_suspended (h->schedule);
  unknot_fake_clock_sleep (h->clock, HOUR);
  unknot_reminder_schedule_resumed (h->schedule, HOUR);
  assert_log (h,
              "Mon 14:00 withdraw\n"
              "Mon 14:00 natural\n");
  advance_to (h, at (h, 0, 15, 0));
  assert_log (h, "Mon 14:45 due\n");

  /* Overnight, from 15:00 with that one unanswered: back at 09:30, a
   * full interval before the first one. */
  unknot_reminder_schedule_suspended (h->schedule);
  unknot_fake_clock_sleep (h->clock, 18 * HOUR + 30 * MINUTE);
  unknot_reminder_schedule_resumed (h->schedule, 18 * HOUR + 30 * MINUTE);
  g_assert_cmpint (next_due (h), ==, at (h, 1, 10, 15));
  advance_to (h, at (h, 1, 10, 20));
  assert_log (h,
              "Tue 09:30 withdraw\n"
              "Tue 09:30 natural\n"
              "Tue 10:15 due\n");
  g_assert_cmpuint (h->due_mono->len, ==, 3);
}

static void
test_suspend_short_while_due (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  /* The deadline passes while the machine goes to sleep: shown once on
   * resume, not before. */
  advance_to (h, at (h, 0, 9, 44) + 30);
  unknot_reminder_schedule_suspended (h->schedule);
  advance (h, MINUTE);
  unknot_fake_clock_sleep (h->clock, 2 * MINUTE);
  assert_log (h, "");
  unknot_reminder_schedule_resumed (h->schedule, 2 * MINUTE);
  assert_log (h, "Mon 09:47:30 due\n");

  /* A short sleep while it shows: still the one reminder. */
  unknot_reminder_schedule_suspended (h->schedule);
  unknot_fake_clock_sleep (h->clock, 2 * MINUTE);
  unknot_reminder_schedule_resumed (h->schedule, 2 * MINUTE);
  advance_to (h, at (h, 0, 11, 0));
  assert_log (h, "");
  g_assert_true (unknot_reminder_schedule_is_showing (h->schedule));
  g_assert_cmpuint (h->due_mono->len, ==, 1);
}

static void
test_held (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);

  /* Do Not Disturb from 09:30 to 12:00: three intervals pass, one
   * reminder when it ends. */
  advance_to (h, at (h, 0, 9, 30));
  unknot_reminder_schedule_set_held (h->schedule, TRUE);
  advance_to (h, at (h, 0, 12, 0));
  assert_log (h, "");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 9, 45));
  unknot_reminder_schedule_set_held (h->schedule, FALSE);
  assert_log (h, "Mon 12:00 due\n");

  unknot_reminder_schedule_set_held (h->schedule, TRUE);
  unknot_reminder_schedule_set_held (h->schedule, FALSE);
  advance_to (h, at (h, 0, 13, 0));
  assert_log (h, "");

  /* Held past the end of active hours: not shown in the evening, nor
   * first thing the next morning. */
  unknot_reminder_schedule_skip (h->schedule);
  advance_to (h, at (h, 0, 16, 50));
  assert_log (h,
              "Mon 13:00 skipped\n"
              "Mon 13:45 due\n");
  unknot_reminder_schedule_skip (h->schedule);
  unknot_reminder_schedule_set_held (h->schedule, TRUE);
  advance_to (h, at (h, 1, 9, 30));
  g_assert_cmpint (next_due (h), ==, at (h, 1, 9, 45));
  unknot_reminder_schedule_set_held (h->schedule, FALSE);
  assert_log (h, "Mon 16:50 skipped\n");
  advance_to (h, at (h, 1, 9, 50));
  assert_log (h, "Tue 09:45 due\n");

  /* Released in the evening: nothing until tomorrow either. */
  unknot_reminder_schedule_skip (h->schedule);
  advance_to (h, at (h, 1, 17, 10));
  unknot_reminder_schedule_skip (h->schedule);
  unknot_reminder_schedule_set_held (h->schedule, TRUE);
  advance_to (h, at (h, 1, 19, 0));
  unknot_reminder_schedule_set_held (h->schedule, FALSE);
  g_assert_cmpint (next_due (h), ==, at (h, 2, 9, 45));
  assert_log (h,
              "Tue 09:50 skipped\n"
              "Tue 10:35 due\n"
              "Tue 17:10 skipped\n");
}

static void
test_wall_jumps (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);
  g_autoptr(Harness) parked = harness_new (start, NULL);
  gint64 work_began;

  /* +3 h at 09:30 (time zone change): still 45 minutes of work. */
  advance_to (h, at (h, 0, 9, 0));
  work_began = mono_now (h);
  advance_to (h, at (h, 0, 9, 30));
  unknot_fake_clock_jump_wall (h->clock, 3 * 3600);
  unknot_reminder_schedule_wall_clock_changed (h->schedule);
  assert_log (h, "");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 12, 45));
  advance_to (h, at (h, 0, 12, 50));
  assert_log (h, "Mon 12:45 due\n");
  g_assert_cmpint (g_array_index (h->due_mono, gint64, 0) - work_began, ==, 45 * MINUTE);

  /* −3 h at 13:00: the next one after 45 minutes of work, not 3 h 45. */
  unknot_reminder_schedule_skip (h->schedule);
  advance_to (h, at (h, 0, 13, 0));
  unknot_fake_clock_jump_wall (h->clock, -3 * 3600);
  unknot_reminder_schedule_wall_clock_changed (h->schedule);
  g_assert_cmpint (next_due (h), ==, at (h, 0, 10, 35));
  advance_to (h, at (h, 0, 10, 40));
  assert_log (h,
              "Mon 12:50 skipped\n"
              "Mon 10:35 due\n");
  g_assert_cmpint (g_array_index (h->due_mono, gint64, 1) - g_array_index (h->due_mono, gint64, 0),
                   ==, 50 * MINUTE);

  /* Into the evening: deferred to tomorrow's window. */
  unknot_reminder_schedule_skip (h->schedule);
  advance_to (h, at (h, 0, 11, 0));
  unknot_fake_clock_jump_wall (h->clock, 8 * 3600);
  unknot_reminder_schedule_wall_clock_changed (h->schedule);
  assert_log (h, "Mon 10:40 skipped\n");
  g_assert_cmpint (next_due (h), ==, at (h, 1, 9, 45));
  advance_to (h, at (h, 1, 9, 50));
  assert_log (h, "Tue 09:45 due\n");
  g_assert_cmpuint (h->due_mono->len, ==, 3);

  /* Waiting for 09:00 at 08:50, the clock jumps to 09:50: the wait ends
   * now, with a full interval from now. */
  advance_to (parked, at (parked, 0, 8, 50));
  unknot_fake_clock_jump_wall (parked->clock, 3600);
  unknot_reminder_schedule_wall_clock_changed (parked->schedule);
  g_assert_cmpint (next_due (parked), ==, at (parked, 0, 10, 35));
  advance_to (parked, at (parked, 0, 10, 40));
  assert_log (parked, "Mon 10:35 due\n");
}

static void
test_dst (void)
{
  UnknotReminderSettings settings = default_settings ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) autumn = NULL;
  g_autoptr(GDateTime) spring = NULL;
  g_autoptr(GDateTime) next_sunday = NULL;
  g_autoptr(Harness) h = NULL;
  g_autoptr(Harness) h2 = NULL;

  if (berlin == NULL)
    {
      g_test_skip ("No tzdata for Europe/Berlin");
      return;
    }

  /* Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET.  Active on
   * Sundays until 02:45 local time, which comes twice. */
  autumn = g_date_time_new (berlin, 2026, 10, 25, 1, 0, 0);
  settings.active_start_minute = 0;
  settings.active_end_minute = 2 * 60 + 45;
  settings.active_days = 1 << 6;
  h = harness_new (autumn, &settings);
  h->skip_at_once = TRUE;
  h->show_zone = TRUE;

  g_assert_cmpint (next_due (h), ==, g_date_time_to_unix (autumn) + 45 * 60);
  advance (h, 4 * HOUR);
  assert_log (h,
              "Sun 01:45 CEST due\n"
              "Sun 02:30 CEST due\n"
              "Sun 02:15 CET due\n");
  for (guint i = 0; i < h->due_mono->len; i++)
    g_assert_cmpint (g_array_index (h->due_mono, gint64, i), ==, T0 + (i + 1) * 45 * MINUTE);

  /* 03:00 CET is past the window: next Sunday. */
  next_sunday = g_date_time_new (berlin, 2026, 11, 1, 0, 45, 0);
  g_assert_cmpint (next_due (h), ==, g_date_time_to_unix (next_sunday));

  /* Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST: 45 minutes after
   * 01:30 reads 03:15. */
  spring = g_date_time_new (berlin, 2026, 3, 29, 1, 30, 0);
  settings.active_end_minute = 4 * 60;
  h2 = harness_new (spring, &settings);
  h2->skip_at_once = TRUE;
  h2->show_zone = TRUE;
  advance (h2, 3 * HOUR);
  assert_log (h2, "Sun 03:15 CEST due\n");
  g_assert_cmpint (g_array_index (h2->due_mono, gint64, 0), ==, T0 + 45 * MINUTE);
}

static void
test_settings_change (void)
{
  UnknotReminderSettings settings = default_settings ();
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);
  guint n_notify;

  /* 30 minutes into work, the interval becomes 20: due now, once. */
  advance_to (h, at (h, 0, 9, 30));
  settings.interval_minutes = 20;
  set_settings (h, &settings);
  assert_log (h, "Mon 09:30 due\n");
  advance_to (h, at (h, 0, 10, 30));
  assert_log (h, "");

  /* The same settings again (another key changed): nothing moves. */
  n_notify = h->n_next_due_notify;
  set_settings (h, &settings);
  g_assert_cmpuint (h->n_next_due_notify, ==, n_notify);

  /* Pause for an hour while one shows: it goes, nothing comes during the
   * hour, and the work timer starts again when it ends. */
  settings.interval_minutes = 45;
  settings.paused_until = wall_now (h) + 3600;
  set_settings (h, &settings);
  assert_log (h, "Mon 10:30 withdraw\n");
  g_assert_cmpint (next_due (h), ==, at (h, 0, 12, 15));
  advance_to (h, at (h, 0, 12, 14));
  assert_log (h, "");
  advance_to (h, at (h, 0, 12, 15));
  assert_log (h, "Mon 12:15 due\n");

  /* Paused until turned back on: no clock callback at all. */
  settings.paused_until = G_MAXINT64;
  set_settings (h, &settings);
  assert_log (h, "Mon 12:15 withdraw\n");
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_cmpint (next_due (h), ==, 0);
  advance_to (h, at (h, 1, 10, 0));
  assert_log (h, "");

  /* Turned back on: the timer starts from now. */
  settings.paused_until = 0;
  set_settings (h, &settings);
  g_assert_cmpint (next_due (h), ==, at (h, 1, 10, 45));
  advance_to (h, at (h, 1, 10, 45));
  assert_log (h, "Tue 10:45 due\n");

  /* A longer interval moves the next one out. */
  unknot_reminder_schedule_skip (h->schedule);
  settings.interval_minutes = 60;
  set_settings (h, &settings);
  g_assert_cmpint (next_due (h), ==, at (h, 1, 11, 45));

  /* No active day: nothing can come, nothing waits on the clock. */
  settings.active_days = 0;
  set_settings (h, &settings);
  g_assert_cmpint (next_due (h), ==, 0);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);

  /* Back on in the evening: tomorrow's window, a full interval in. */
  settings.active_days = 0x1f;
  settings.paused_until = G_MAXINT64;
  set_settings (h, &settings);
  advance_to (h, at (h, 1, 20, 0));
  settings.paused_until = 0;
  set_settings (h, &settings);
  g_assert_cmpint (next_due (h), ==, at (h, 2, 10, 0));
  advance_to (h, at (h, 2, 10, 0));
  assert_log (h,
              "Tue 10:45 skipped\n"
              "Wed 10:00 due\n");
}

/* Whether @mono (monotonic µs, in the past) fell inside today's window. */
static gboolean
week_in_hours (Harness *h,
               gint64   mono)
{
  g_autoptr(GDateTime) now = unknot_clock_now_local (UNKNOT_CLOCK (h->clock));
  g_autoptr(GDateTime) then = g_date_time_add (now, mono - mono_now (h));

  return g_date_time_get_day_of_week (then) <= 5
         && g_date_time_get_hour (then) >= 9
         && g_date_time_get_hour (then) < 18
         && g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now);
}

/* No reminder lost: a full interval of work in hours always brought one. */
static void
week_check_not_lost (Harness *h)
{
  gint64 deadline = h->last_reset + 45 * MINUTE;

  if (deadline <= mono_now (h) && week_in_hours (h, deadline) && week_in_hours (h, mono_now (h)))
    g_error ("A reminder was due at %" G_GINT64_FORMAT " min of work and never came",
             (mono_now (h) - h->last_reset) / MINUTE);
}

static void
week_be_away (Harness *h,
              gint64   usec)
{
  h->away = TRUE;
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));
  advance (h, usec);
  h->away = FALSE;
  unknot_reminder_schedule_idle_ended (h->schedule);
}

static void
test_week (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(Harness) h = harness_new (start, NULL);
  guint n_long_idles = 0;
  guint n_long_idles_early = 0;
  guint n_dues_before = 0;

  h->skip_at_once = TRUE;
  h->check_week = TRUE;

  /* Nobody at the desk on Monday at 08:00. */
  h->away = TRUE;
  unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));

  for (int day = 0; day < 7; day++)
    {
      gint64 arrive = at (h, day, 9, g_test_rand_int_range (0, 21));
      gint64 leave = at (h, day, 17, 30) + g_test_rand_int_range (0, 31) * 60;

      if (day >= 5)
        {
          advance_to (h, at (h, day + 1, 8, 0));
          continue;
        }

      advance_to (h, arrive);
      h->away = FALSE;
      unknot_reminder_schedule_idle_ended (h->schedule);
      h->last_reset = mono_now (h);

      /* A long first stretch, so that every day has its reminder. */
      advance (h, g_test_rand_int_range (50, 71) * MINUTE);
      week_check_not_lost (h);

      while (wall_now (h) < leave)
        {
          gint64 idle;

          advance (h, MIN (g_test_rand_int_range (5, 51) * MINUTE, (leave - wall_now (h)) * SEC));
          week_check_not_lost (h);
          if (wall_now (h) >= leave)
            break;

          /* Mostly a pause to think; sometimes a walk. */
          if (g_test_rand_int_range (0, 4) == 0)
            idle = g_test_rand_int_range (5, 21) * MINUTE;
          else
            idle = g_test_rand_int_range (1, 5) * MINUTE;
          week_be_away (h, idle);
          if (idle >= 5 * MINUTE)
            {
              h->last_reset = mono_now (h);
              n_long_idles++;
              if (wall_now (h) < at (h, day, 17, 30))
                n_long_idles_early++;
            }
          week_check_not_lost (h);
        }

      h->away = TRUE;
      unknot_reminder_schedule_idle_began (h->schedule, mono_now (h));

      /* At most one per 45 minutes of a 09:00–18:00 day, at least the one
       * of the long first stretch. */
      g_assert_cmpuint (h->due_mono->len - n_dues_before, >=, 1);
      g_assert_cmpuint (h->due_mono->len - n_dues_before, <=, 11);
      n_dues_before = h->due_mono->len;

      advance_to (h, at (h, day + 1, 8, 0));
    }

  h->away = FALSE;
  unknot_reminder_schedule_idle_ended (h->schedule);

  g_test_message ("%u reminders, %u walks in a week", h->due_mono->len, n_long_idles);
  g_assert_cmpuint (h->due_mono->len, >=, 5);
  g_assert_cmpuint (h->due_mono->len, <=, 55);
  g_assert_cmpuint (h->n_events[UNKNOT_REMINDER_EVENT_SKIPPED], ==, h->due_mono->len);
  /* Every walk in hours is in the history; arrivals and nights are not. */
  g_assert_cmpuint (h->n_events[UNKNOT_REMINDER_EVENT_NATURAL], >=, n_long_idles_early);
  g_assert_cmpuint (h->n_events[UNKNOT_REMINDER_EVENT_NATURAL], <=, n_long_idles);

  /* Monday again: a full interval after 09:00. */
  g_assert_cmpint (next_due (h), ==, at (h, 7, 9, 45));
}

static void
test_dispose (void)
{
  g_autoptr(GDateTime) start = monday_8am ();
  g_autoptr(UnknotClock) clock = unknot_fake_clock_new (T0, start);
  UnknotReminderSchedule *schedule = unknot_reminder_schedule_new (clock, NULL);

  g_assert_cmpuint (unknot_fake_clock_get_n_pending (UNKNOT_FAKE_CLOCK (clock)), ==, 1);
  g_object_unref (schedule);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (UNKNOT_FAKE_CLOCK (clock)), ==, 0);
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (clock), 24 * HOUR);
}

/* The rule the Today view shares with the schedule: 2026-11-23 is a
 * Monday. */
static gboolean
active_at (const UnknotReminderSettings *settings,
           int                           day,
           int                           hour,
           int                           minute)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) local = g_date_time_new (utc, 2026, 11, day, hour, minute, 0);

  return unknot_reminder_settings_is_active_at (settings, local);
}

static void
test_active_at (void)
{
  const char *weekdays[] = { "mon", "Tue", "wed", "thu", "fri", "someday", NULL };
  const char *weekend[] = { "sat", "sun", NULL };
  UnknotReminderSettings settings;

  unknot_reminder_settings_init_defaults (&settings);
  g_assert_cmpuint (unknot_reminder_days_from_names (weekdays), ==, 0x1f);
  g_assert_cmpuint (unknot_reminder_days_from_names (weekend), ==, 0x60);
  g_assert_cmpuint (unknot_reminder_days_from_names (NULL), ==, 0);

  /* 09:00–17:00 on weekdays: the start counts, the end does not. */
  settings.active_start_minute = 9 * 60;
  settings.active_end_minute = 17 * 60;
  settings.active_days = 0x1f;
  g_assert_false (active_at (&settings, 23, 8, 59));
  g_assert_true (active_at (&settings, 23, 9, 0));
  g_assert_true (active_at (&settings, 27, 16, 59));
  g_assert_false (active_at (&settings, 27, 17, 0));
  g_assert_false (active_at (&settings, 28, 12, 0)); /* Saturday */

  /* 22:00–02:00, Fridays only: the small hours of Saturday belong to
   * Friday's window, those of Friday to Thursday's (not active). */
  settings.active_start_minute = 22 * 60;
  settings.active_end_minute = 2 * 60;
  settings.active_days = 1u << 4;
  g_assert_true (active_at (&settings, 27, 23, 0));
  g_assert_true (active_at (&settings, 28, 1, 59));
  g_assert_false (active_at (&settings, 28, 2, 0));
  g_assert_false (active_at (&settings, 27, 1, 0));
  g_assert_false (active_at (&settings, 28, 23, 0));

  /* Start == end: the whole of each active day. */
  settings.active_start_minute = settings.active_end_minute = 0;
  settings.active_days = 1u << 0;
  g_assert_true (active_at (&settings, 23, 0, 0));
  g_assert_true (active_at (&settings, 23, 23, 59));
  g_assert_false (active_at (&settings, 24, 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder-schedule/fake-clock", test_fake_clock);
  g_test_add_func ("/reminder-schedule/defaults", test_defaults);
  g_test_add_func ("/reminder-schedule/working-day", test_working_day);
  g_test_add_func ("/reminder-schedule/weekend", test_weekend);
  g_test_add_func ("/reminder-schedule/midnight-window", test_midnight_window);
  g_test_add_func ("/reminder-schedule/answers", test_answers);
  g_test_add_func ("/reminder-schedule/idle-natural-break", test_idle_natural_break);
  g_test_add_func ("/reminder-schedule/idle-short", test_idle_short);
  g_test_add_func ("/reminder-schedule/idle-due-waits", test_idle_due_waits);
  g_test_add_func ("/reminder-schedule/suspend-long", test_suspend_long);
  g_test_add_func ("/reminder-schedule/suspend-short-while-due", test_suspend_short_while_due);
  g_test_add_func ("/reminder-schedule/held", test_held);
  g_test_add_func ("/reminder-schedule/wall-jumps", test_wall_jumps);
  g_test_add_func ("/reminder-schedule/dst", test_dst);
  g_test_add_func ("/reminder-schedule/settings-change", test_settings_change);
  g_test_add_func ("/reminder-schedule/week", test_week);
  g_test_add_func ("/reminder-schedule/dispose", test_dispose);
  g_test_add_func ("/reminder-schedule/active-at", test_active_at);

  return g_test_run ();
}
