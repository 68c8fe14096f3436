/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session engine on a fake clock: the schedule a user follows, the cues
 * they hear and when, and what pause, skip, back, +30 s and stop do to the
 * rest of the session — to the microsecond, over a whole hour.  Then what
 * a session leaves in the history: its row and one for each step it
 * reached, also when the app dies mid-step. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unknot-clock.h"
#include "unknot-routine-io.h"
#include "unknot-session.h"
#include "unknot-session-recorder.h"

#define SEC ((gint64) G_USEC_PER_SEC)
#define MSEC ((gint64) 1000)
/* Not zero, so that a deadline computed from 0 instead of the start shows. */
#define T0 ((gint64) 7777 * SEC)

typedef struct
{
  guint    duration;
  gboolean sides;
} StepSpec;

/* Through the real loader, so the steps are what a routine file gives. */
static UnknotRoutine *
make_routine (const StepSpec *specs,
              guint           n_specs)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", NULL));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UnknotRoutine *routine;

  g_string_append (json, "{\"format\": 1, \"id\": \"timing\", \"title\": \"Timing\", \"summary\": \"S.\","
                         " \"tool\": \"hand\", \"areas\": [\"neck\"], \"level\": \"gentle\", \"steps\": [");
  for (guint i = 0; i < n_specs; i++)
    g_string_append_printf (json, "%s{\"title\": \"Step %u\", \"instruction\": \"Do it.\", \"duration\": %u,%s"
                                  " \"illustration\": [\"illustrations/a.svg\"], \"illustration-description\": \"A.\"}",
                            i > 0 ? ", " : "", i, specs[i].duration,
                            specs[i].sides ? " \"sides\": \"left-right\"," : "");
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  routine = unknot_routine_load_bytes (bytes, "timing.json", folder, &error);
  g_assert_no_error (error);
  return routine;
}

/* What a user would notice, in order: each event as one line of text, so a
 * failure shows the whole schedule. */
typedef struct
{
  UnknotFakeClock *clock;
  UnknotSession   *session;
  GString         *cues;
  GString         *segments;
  GString         *steps;          /* step-started and step-ended */
  GArray          *second_times;   /* gint64: when remaining-seconds changed */
  GArray          *second_values;  /* guint: to what */
  GArray          *progress_times; /* gint64 */
  GArray          *progress_values;/* double */
  guint            n_events;
  guint            n_state;
  guint            n_stop_reason;
  gint64           finish_time;
} Harness;

static gint64
rel_now (Harness *h)
{
  return unknot_clock_now (UNKNOT_CLOCK (h->clock)) - T0;
}

static void
append_time (GString *out,
             gint64   rel)
{
  g_assert_cmpint (rel % MSEC, ==, 0);
  g_string_append_printf (out, "%" G_GINT64_FORMAT ".%03d", rel / SEC, (int) ((rel % SEC) / MSEC));
}

static const char *
side_name (UnknotSide side)
{
  return side == UNKNOT_SIDE_LEFT ? "left" : side == UNKNOT_SIDE_RIGHT ? "right" : "-";
}

static void
assert_one_pending (Harness *h)
{
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), <=, 1);
}

static void
cue_cb (UnknotSession *session,
        UnknotCueKind  kind,
        guint          step_index,
        UnknotSide     side,
        guint          count,
        Harness       *h)
{
  assert_one_pending (h);
  h->n_events++;
  append_time (h->cues, rel_now (h));
  g_string_append_printf (h->cues, " %s %u %s", unknot_cue_kind_to_string (kind), step_index, side_name (side));
  if (kind == UNKNOT_CUE_COUNTDOWN)
    g_string_append_printf (h->cues, " %u", count);
  else
    g_assert_cmpuint (count, ==, 0);
  g_string_append_c (h->cues, '\n');
  if (kind == UNKNOT_CUE_FINISH)
    {
      g_assert_cmpint (h->finish_time, ==, -1);
      h->finish_time = rel_now (h);
    }
}

static void
segment_changed_cb (UnknotSession *session,
                    Harness       *h)
{
  static const char * const kinds[] = { "get-ready", "step", "rest" };
  UnknotStep *next = unknot_session_get_next_step (session);

  assert_one_pending (h);
  h->n_events++;
  append_time (h->segments, rel_now (h));
  /* Every segment starts whole: its deadline is its full length away. */
  g_assert_cmpint (unknot_session_get_segment_deadline (session) - unknot_clock_now (UNKNOT_CLOCK (h->clock)),
                   ==, unknot_session_get_segment_duration_usec (session));
  g_string_append_printf (h->segments, " #%u %s %u %s %us%s%s\n",
                          unknot_session_get_segment_index (session),
                          kinds[unknot_session_get_segment_kind (session)],
                          unknot_session_get_step_index (session),
                          side_name (unknot_session_get_side (session)),
                          unknot_session_get_remaining_seconds (session),
                          next != NULL ? " then " : "",
                          next != NULL ? unknot_step_get_title (next) : "");
}

static void
step_started_cb (UnknotSession *session,
                 guint          step_index,
                 Harness       *h)
{
  append_time (h->steps, rel_now (h));
  g_string_append_printf (h->steps, " started %u\n", step_index);
}

static void
step_ended_cb (UnknotSession *session,
               guint          step_index,
               UnknotStepEnd  how,
               Harness       *h)
{
  static const char * const hows[] = { "completed", "skipped", "back", "stopped" };

  g_assert_cmpuint (how, <, G_N_ELEMENTS (hows));
  append_time (h->steps, rel_now (h));
  g_string_append_printf (h->steps, " ended %u %s\n", step_index, hows[how]);
}

static void
remaining_cb (UnknotSession *session,
              GParamSpec    *pspec,
              Harness       *h)
{
  gint64 t = rel_now (h);
  guint value = unknot_session_get_remaining_seconds (session);

  assert_one_pending (h);
  g_array_append_val (h->second_times, t);
  g_array_append_val (h->second_values, value);
}

static void
progress_cb (UnknotSession *session,
             GParamSpec    *pspec,
             Harness       *h)
{
  gint64 t = rel_now (h);
  double value = unknot_session_get_progress (session);

  g_array_append_val (h->progress_times, t);
  g_array_append_val (h->progress_values, value);
}

static void
state_cb (UnknotSession *session,
          GParamSpec    *pspec,
          Harness       *h)
{
  h->n_state++;
}

static void
stop_reason_cb (UnknotSession *session,
                GParamSpec    *pspec,
                Harness       *h)
{
  h->n_stop_reason++;
}

static Harness *
harness_new (const StepSpec *specs,
             guint           n_specs,
             guint           get_ready,
             guint           rest)
{
  Harness *h = g_new0 (Harness, 1);
  g_autoptr(GDateTime) local_start = g_date_time_new_local (2024, 3, 1, 9, 0, 0);
  g_autoptr(UnknotRoutine) routine = make_routine (specs, n_specs);

  h->clock = UNKNOT_FAKE_CLOCK (unknot_fake_clock_new (T0, local_start));
  h->session = unknot_session_new (routine, UNKNOT_CLOCK (h->clock), get_ready, rest);
  h->cues = g_string_new (NULL);
  h->segments = g_string_new (NULL);
  h->steps = g_string_new (NULL);
  h->second_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  h->second_values = g_array_new (FALSE, FALSE, sizeof (guint));
  h->progress_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  h->progress_values = g_array_new (FALSE, FALSE, sizeof (double));
  h->finish_time = -1;

  g_signal_connect (h->session, "cue", G_CALLBACK (cue_cb), h);
  g_signal_connect (h->session, "segment-changed", G_CALLBACK (segment_changed_cb), h);
  g_signal_connect (h->session, "step-started", G_CALLBACK (step_started_cb), h);
  g_signal_connect (h->session, "step-ended", G_CALLBACK (step_ended_cb), h);
  g_signal_connect (h->session, "notify::remaining-seconds", G_CALLBACK (remaining_cb), h);
  g_signal_connect (h->session, "notify::progress", G_CALLBACK (progress_cb), h);
  g_signal_connect (h->session, "notify::state", G_CALLBACK (state_cb), h);
  g_signal_connect (h->session, "notify::stop-reason", G_CALLBACK (stop_reason_cb), h);

  return h;
}

static void
harness_free (Harness *h)
{
  g_clear_object (&h->session);
  /* A session that is gone leaves nothing on the clock. */
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_clear_object (&h->clock);
  g_string_free (h->cues, TRUE);
  g_string_free (h->segments, TRUE);
  g_string_free (h->steps, TRUE);
  g_array_unref (h->second_times);
  g_array_unref (h->second_values);
  g_array_unref (h->progress_times);
  g_array_unref (h->progress_values);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Harness, harness_free)

static void
start (Harness *h)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (unknot_session_start (h->session, &error));
  g_assert_no_error (error);
  assert_one_pending (h);
}

static void
advance (Harness *h,
         gint64   usec)
{
  unknot_fake_clock_advance (h->clock, usec);
  assert_one_pending (h);
}

static gboolean
is_over (Harness *h)
{
  UnknotSessionState state = unknot_session_get_state (h->session);

  return state == UNKNOT_SESSION_STATE_FINISHED || state == UNKNOT_SESSION_STATE_STOPPED;
}

static void
run_to_end (Harness *h)
{
  for (guint i = 0; !is_over (h); i++)
    {
      g_assert_cmpuint (i, <, 100000);
      g_assert_true (unknot_fake_clock_run_next (h->clock));
      assert_one_pending (h);
    }
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_false (unknot_fake_clock_run_next (h->clock));
}

static void
ok (gboolean  result,
    GError   *error)
{
  g_assert_no_error (error);
  g_assert_true (result);
}

#define OK(call) G_STMT_START { \
    g_autoptr(GError) ok_error = NULL; \
    ok (call, ok_error); \
  } G_STMT_END

#define REFUSED(call) G_STMT_START { \
    g_autoptr(GError) error = NULL; \
    g_assert_false (call); \
    g_assert_error (error, UNKNOT_SESSION_ERROR, UNKNOT_SESSION_ERROR_STATE); \
  } G_STMT_END

/* ---- the clocks ---- */

static void
test_cue_names (void)
{
  g_assert_cmpstr (unknot_cue_kind_to_string (UNKNOT_CUE_STEP_START), ==, "step-start");
  g_assert_cmpstr (unknot_cue_kind_to_string (UNKNOT_CUE_COUNTDOWN), ==, "countdown");
  g_assert_cmpstr (unknot_cue_kind_to_string (UNKNOT_CUE_HALFWAY), ==, "halfway");
  g_assert_cmpstr (unknot_cue_kind_to_string (UNKNOT_CUE_SWITCH_SIDES), ==, "switch-sides");
  g_assert_cmpstr (unknot_cue_kind_to_string (UNKNOT_CUE_REST), ==, "rest");
  g_assert_cmpstr (unknot_cue_kind_to_string (UNKNOT_CUE_FINISH), ==, "finish");
  g_assert_cmpstr (unknot_side_get_label (UNKNOT_SIDE_NONE), ==, "");
  g_assert_cmpstr (unknot_side_get_label (UNKNOT_SIDE_LEFT), ==, "Left side");
  g_assert_cmpstr (unknot_side_get_label (UNKNOT_SIDE_RIGHT), ==, "Right side");
}

typedef struct
{
  UnknotClock *clock;
  GString     *log;
  guint        n_freed;
  guint        late_id;
} FakeClockLog;

typedef struct
{
  FakeClockLog *log;
  const char   *name;
} Tagged;

static gboolean
log_cb (gpointer data)
{
  Tagged *tag = data;

  g_string_append_printf (tag->log->log, "%s@%" G_GINT64_FORMAT " ", tag->name,
                          (unknot_clock_now (tag->log->clock) - T0) / MSEC);
  return G_SOURCE_CONTINUE; /* ignored: every callback runs once */
}

static void
tag_free (gpointer data)
{
  Tagged *tag = data;

  tag->log->n_freed++;
  g_free (tag);
}

static guint
schedule_tagged (FakeClockLog *log,
                 gint64        deadline,
                 const char   *name,
                 GSourceFunc   func)
{
  Tagged *tag = g_new0 (Tagged, 1);

  tag->log = log;
  tag->name = name;
  return unknot_clock_schedule (log->clock, deadline, func, tag, tag_free);
}

static gboolean
schedules_more_cb (gpointer data)
{
  Tagged *tag = data;

  log_cb (data);
  /* One within the span being advanced, one beyond it. */
  schedule_tagged (tag->log, T0 + 6 * SEC, "E", log_cb);
  tag->log->late_id = schedule_tagged (tag->log, T0 + 20 * SEC, "F", log_cb);
  return G_SOURCE_REMOVE;
}

static void
test_fake_clock (void)
{
  g_autoptr(GDateTime) local_start = g_date_time_new_local (2024, 3, 1, 9, 0, 0);
  g_autoptr(UnknotClock) clock = unknot_fake_clock_new (T0, local_start);
  UnknotFakeClock *fake = UNKNOT_FAKE_CLOCK (clock);
  FakeClockLog log = { clock, g_string_new (NULL), 0, 0 };
  g_autoptr(GDateTime) local_now = NULL;
  guint d;

  g_assert_cmpint (unknot_clock_now (clock), ==, T0);
  local_now = unknot_clock_now_local (clock);
  g_assert_true (g_date_time_equal (local_now, local_start));
  g_clear_pointer (&local_now, g_date_time_unref);

  schedule_tagged (&log, T0 + 5 * SEC, "A", schedules_more_cb);
  schedule_tagged (&log, T0 + 2 * SEC, "B", log_cb);
  schedule_tagged (&log, T0 + 2 * SEC, "C", log_cb);
  d = schedule_tagged (&log, T0 + 7 * SEC, "D", log_cb);
  g_assert_cmpuint (d, >, 0);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake), ==, 4);

  unknot_clock_cancel (clock, d);
  unknot_clock_cancel (clock, d);
  g_assert_cmpuint (log.n_freed, ==, 1);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake), ==, 3);

  unknot_fake_clock_advance (fake, 8 * SEC);
  g_assert_cmpstr (log.log->str, ==, "B@2000 C@2000 A@5000 E@6000 ");
  g_assert_cmpint (unknot_clock_now (clock), ==, T0 + 8 * SEC);
  local_now = unknot_clock_now_local (clock);
  g_assert_cmpint (g_date_time_difference (local_now, local_start), ==, 8 * SEC);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake), ==, 1);
  g_assert_cmpuint (log.n_freed, ==, 5);

  /* A deadline already passed runs at the next chance, without time going back. */
  schedule_tagged (&log, T0 + 1 * SEC, "G", log_cb);
  unknot_fake_clock_advance (fake, 0);
  g_assert_cmpint (unknot_clock_now (clock), ==, T0 + 8 * SEC);

  g_assert_true (unknot_fake_clock_run_next (fake));
  g_assert_cmpint (unknot_clock_now (clock), ==, T0 + 20 * SEC);
  g_assert_false (unknot_fake_clock_run_next (fake));
  unknot_clock_cancel (clock, log.late_id); /* already fired: harmless */
  g_assert_cmpstr (log.log->str, ==, "B@2000 C@2000 A@5000 E@6000 G@8000 F@20000 ");
  g_assert_cmpuint (log.n_freed, ==, 7);

  g_string_free (log.log, TRUE);
}

typedef struct
{
  GMainLoop *loop;
  gint64     fired_at;
  gboolean   cancelled_fired;
} RealClockRun;

static gboolean
real_fired_cb (gpointer data)
{
  RealClockRun *run = data;

  run->fired_at = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
real_cancelled_cb (gpointer data)
{
  RealClockRun *run = data;

  run->cancelled_fired = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
real_timeout_cb (gpointer data)
{
  g_error ("the real clock never fired");
  return G_SOURCE_REMOVE;
}

static void
test_real_clock (void)
{
  g_autoptr(UnknotClock) clock = unknot_clock_new_real ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  RealClockRun run = { loop, 0, FALSE };
  gint64 deadline = unknot_clock_now (clock) + 20 * MSEC;
  guint timeout = g_timeout_add_seconds (5, real_timeout_cb, NULL);
  guint cancelled;

  g_assert_cmpint (ABS (unknot_clock_now (clock) - g_get_monotonic_time ()), <, 100 * MSEC);
  unknot_clock_schedule (clock, deadline, real_fired_cb, &run, NULL);
  cancelled = unknot_clock_schedule (clock, deadline - 10 * MSEC, real_cancelled_cb, &run, NULL);
  unknot_clock_cancel (clock, cancelled);
  g_main_loop_run (loop);
  g_source_remove (timeout);

  g_test_message ("a 20 ms deadline fired %.3f ms late", (run.fired_at - deadline) / 1000.0);
  g_assert_cmpint (run.fired_at, >=, deadline);
  g_assert_cmpint (run.fired_at - deadline, <=, 15 * MSEC);
  g_assert_false (run.cancelled_fired);
}

/* ---- the schedule ---- */

static void
test_schedule (void)
{
  static const StepSpec steps[] = { { 30, FALSE }, { 20, TRUE }, { 12, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 10, 15);
  UnknotSession *s = h->session;

  g_assert_cmpuint (unknot_session_get_n_segments (s), ==, 7);
  g_assert_cmpuint (unknot_session_get_n_steps (s), ==, 3);
  g_assert_cmpint (unknot_session_get_state (s), ==, UNKNOT_SESSION_STATE_IDLE);
  g_assert_cmpint (unknot_session_get_segment_kind (s), ==, UNKNOT_SEGMENT_GET_READY);
  g_assert_cmpuint (unknot_session_get_remaining_seconds (s), ==, 10);
  g_assert_cmpstr (unknot_step_get_title (unknot_session_get_step (s)), ==, "Step 0");
  g_assert_cmpstr (unknot_step_get_title (unknot_session_get_next_step (s)), ==, "Step 1");
  g_assert_cmpfloat (unknot_session_get_progress (s), ==, 0.0);
  g_assert_null (unknot_session_get_started_at (s));
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);

  start (h);
  run_to_end (h);

  g_assert_cmpstr (h->segments->str, ==,
                   "10.000 #1 step 0 - 30s then Step 1\n"
                   "40.000 #2 rest 1 - 15s then Step 2\n"
                   "55.000 #3 step 1 left 20s then Step 2\n"
                   "75.000 #4 step 1 right 20s then Step 2\n"
                   "95.000 #5 rest 2 - 15s\n"
                   "110.000 #6 step 2 - 12s\n");
  g_assert_cmpint (h->finish_time, ==, 122 * SEC);
  /* A step spans both its sides; get-ready and rests are no steps. */
  g_assert_cmpstr (h->steps->str, ==,
                   "10.000 started 0\n"
                   "40.000 ended 0 completed\n"
                   "55.000 started 1\n"
                   "95.000 ended 1 completed\n"
                   "110.000 started 2\n"
                   "122.000 ended 2 completed\n");
  g_assert_cmpint (unknot_session_get_state (s), ==, UNKNOT_SESSION_STATE_FINISHED);
  g_assert_cmpuint (unknot_session_get_steps_completed (s), ==, 3);
  g_assert_cmpuint (unknot_session_get_remaining_seconds (s), ==, 0);
  g_assert_cmpfloat (unknot_session_get_progress (s), ==, 1.0);
  g_assert_cmpint (unknot_session_get_active_usec (s), ==, 122 * SEC);
  g_assert_cmpuint (h->n_state, ==, 2);
}

static void
test_no_get_ready_no_rest (void)
{
  static const StepSpec steps[] = { { 5, TRUE }, { 5, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 0, 0);

  g_assert_cmpuint (unknot_session_get_n_segments (h->session), ==, 3);
  g_assert_cmpint (unknot_session_get_segment_kind (h->session), ==, UNKNOT_SEGMENT_STEP);
  g_assert_cmpint (unknot_session_get_side (h->session), ==, UNKNOT_SIDE_LEFT);
  start (h);
  run_to_end (h);
  g_assert_cmpstr (h->segments->str, ==,
                   "5.000 #1 step 0 right 5s then Step 1\n"
                   "10.000 #2 step 1 - 5s\n");
  g_assert_cmpstr (h->cues->str, ==,
                   "0.000 step-start 0 left\n"
                   "5.000 switch-sides 0 right\n"
                   "10.000 step-start 1 -\n"
                   "15.000 finish 1 -\n");
  g_assert_cmpstr (h->steps->str, ==,
                   "0.000 started 0\n"
                   "10.000 ended 0 completed\n"
                   "10.000 started 1\n"
                   "15.000 ended 1 completed\n");
}

/* ---- an hour, without drift ---- */

/* 15 s get-ready, 12 steps (six with sides), 15 s rests: 3600 s exactly. */
static const StepSpec hour_steps[] = {
  { 300, FALSE }, { 135, TRUE }, { 300, FALSE }, { 135, TRUE },
  { 300, FALSE }, { 135, TRUE }, { 300, FALSE }, { 135, TRUE },
  { 300, FALSE }, { 135, TRUE }, { 300, FALSE }, { 135, TRUE },
};

static void
test_sixty_minutes (gconstpointer data)
{
  gboolean by_advance = GPOINTER_TO_INT (data);
  g_autoptr(Harness) h = harness_new (hour_steps, G_N_ELEMENTS (hour_steps), 15, 15);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GDateTime) started = NULL;
  gint64 boundary = 15 * SEC;
  guint index = 1;

  start (h);
  started = g_date_time_ref (unknot_session_get_started_at (h->session));

  if (by_advance)
    {
      /* An odd step that never lands on a deadline. */
      for (guint i = 0; !is_over (h); i++)
        {
          g_assert_cmpuint (i, <=, 3600 * SEC / (333 * MSEC) + 1);
          advance (h, 333 * MSEC);
        }
      g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
    }
  else
    run_to_end (h);

  /* Zero drift: it ends on the planned microsecond, however it was driven. */
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_FINISHED);
  g_assert_cmpint (h->finish_time, ==, 3600 * SEC);
  g_assert_cmpint (unknot_session_get_active_usec (h->session), ==, 3600 * SEC);
  g_assert_cmpint (g_date_time_difference (unknot_session_get_ended_at (h->session), started), ==, 3600 * SEC);
  g_assert_cmpuint (unknot_session_get_steps_completed (h->session), ==, 12);

  /* Every segment started exactly on its planned boundary. */
  for (guint i = 0; i < G_N_ELEMENTS (hour_steps); i++)
    {
      g_autofree char *then = i + 1 < G_N_ELEMENTS (hour_steps) ? g_strdup_printf (" then Step %u", i + 1) : g_strdup ("");

      if (i > 0)
        {
          append_time (expected, boundary);
          g_string_append_printf (expected, " #%u rest %u - 15s%s\n", index++, i, then);
          boundary += 15 * SEC;
        }
      for (guint side = 0; side < (hour_steps[i].sides ? 2u : 1u); side++)
        {
          append_time (expected, boundary);
          g_string_append_printf (expected, " #%u step %u %s %us%s\n", index++, i,
                                  !hour_steps[i].sides ? "-" : side == 0 ? "left" : "right",
                                  hour_steps[i].duration, then);
          boundary += hour_steps[i].duration * SEC;
        }
    }
  g_assert_cmpint (boundary, ==, 3600 * SEC);
  g_assert_cmpstr (h->segments->str, ==, expected->str);

  /* The countdown changed once a second, exactly on each second. */
  g_assert_cmpuint (h->second_times->len, ==, 3600);
  for (guint i = 0; i < h->second_times->len; i++)
    g_assert_cmpint (g_array_index (h->second_times, gint64, i), ==, (gint64) (i + 1) * SEC);
  g_assert_cmpuint (g_array_index (h->second_values, guint, 0), ==, 14);
  g_assert_cmpuint (g_array_index (h->second_values, guint, 14), ==, 300); /* step 0 begins */
  g_assert_cmpuint (g_array_index (h->second_values, guint, 3599), ==, 0);

  /* Progress moved at most once a second, never back, and was exactly half
   * at half time. */
  g_assert_cmpuint (h->progress_times->len, <=, 3600);
  for (guint i = 0; i < h->progress_times->len; i++)
    {
      gint64 t = g_array_index (h->progress_times, gint64, i);
      double p = g_array_index (h->progress_values, double, i);

      g_assert_cmpint (t % SEC, ==, 0);
      if (i > 0)
        g_assert_cmpfloat (p, >, g_array_index (h->progress_values, double, i - 1));
      if (t == 1800 * SEC)
        g_assert_cmpfloat_with_epsilon (p, 0.5, 1e-12);
    }
  g_assert_cmpfloat (g_array_index (h->progress_values, double, h->progress_times->len - 1), ==, 1.0);
  g_assert_cmpuint (h->n_state, ==, 2);
}

/* A clock that wakes everyone a little late, as a busy main loop does. */
#define TEST_TYPE_LATE_CLOCK (test_late_clock_get_type ())
G_DECLARE_FINAL_TYPE (TestLateClock, test_late_clock, TEST, LATE_CLOCK, UnknotClock)

struct _TestLateClock
{
  UnknotClock  parent_instance;
  UnknotClock *inner;
  gint64       lag;
};

G_DEFINE_FINAL_TYPE (TestLateClock, test_late_clock, UNKNOT_TYPE_CLOCK)

static gint64
late_now (UnknotClock *clock)
{
  return unknot_clock_now (TEST_LATE_CLOCK (clock)->inner);
}

static GDateTime *
late_now_local (UnknotClock *clock)
{
  return unknot_clock_now_local (TEST_LATE_CLOCK (clock)->inner);
}

static guint
late_schedule (UnknotClock    *clock,
               gint64          deadline,
               GSourceFunc     func,
               gpointer        data,
               GDestroyNotify  notify)
{
  TestLateClock *self = TEST_LATE_CLOCK (clock);

  return unknot_clock_schedule (self->inner, deadline + self->lag, func, data, notify);
}

static void
late_cancel (UnknotClock *clock,
             guint        id)
{
  unknot_clock_cancel (TEST_LATE_CLOCK (clock)->inner, id);
}

static void
test_late_clock_finalize (GObject *object)
{
  g_clear_object (&TEST_LATE_CLOCK (object)->inner);
  G_OBJECT_CLASS (test_late_clock_parent_class)->finalize (object);
}

static void
test_late_clock_class_init (TestLateClockClass *klass)
{
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_late_clock_finalize;
  clock_class->now = late_now;
  clock_class->now_local = late_now_local;
  clock_class->schedule = late_schedule;
  clock_class->cancel = late_cancel;
}

static void
test_late_clock_init (TestLateClock *self)
{
}

typedef struct
{
  UnknotSession *session;
  UnknotClock   *clock;
  GArray        *starts; /* gint64: each segment's start as the session planned it */
  GArray        *woken;  /* gint64: when it was told */
} LateLog;

static void
late_segment_cb (UnknotSession *session,
                 LateLog       *log)
{
  gint64 start = unknot_session_get_segment_deadline (session) - unknot_session_get_segment_duration_usec (session);
  gint64 now = unknot_clock_now (log->clock);

  g_array_append_val (log->starts, start);
  g_array_append_val (log->woken, now);
}

static void
test_lateness_does_not_add_up (void)
{
  const gint64 lag = 7 * MSEC;
  g_autoptr(GDateTime) local_start = g_date_time_new_local (2024, 3, 1, 9, 0, 0);
  g_autoptr(UnknotClock) inner = unknot_fake_clock_new (T0, local_start);
  g_autoptr(TestLateClock) clock = g_object_new (TEST_TYPE_LATE_CLOCK, NULL);
  g_autoptr(UnknotRoutine) routine = make_routine (hour_steps, G_N_ELEMENTS (hour_steps));
  g_autoptr(UnknotSession) session = NULL;
  LateLog log = { NULL, NULL, g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  gint64 boundary = 15 * SEC;
  guint n = 0;

  clock->inner = g_object_ref (inner);
  clock->lag = lag;
  session = unknot_session_new (routine, UNKNOT_CLOCK (clock), 15, 15);
  log.session = session;
  log.clock = UNKNOT_CLOCK (clock);
  g_signal_connect (session, "segment-changed", G_CALLBACK (late_segment_cb), &log);

  g_assert_true (unknot_session_start (session, NULL));
  while (unknot_fake_clock_run_next (UNKNOT_FAKE_CLOCK (inner)))
    g_assert_cmpuint (unknot_fake_clock_get_n_pending (UNKNOT_FAKE_CLOCK (inner)), <=, 1);

  /* Each boundary is seen 7 ms late, and only 7 ms: the segment after it
   * still starts on the plan. */
  for (guint i = 0; i < G_N_ELEMENTS (hour_steps); i++)
    for (guint part = 0; part < (i > 0 ? 1u : 0u) + (hour_steps[i].sides ? 2u : 1u); part++)
      {
        g_assert_cmpint (g_array_index (log.starts, gint64, n) - T0, ==, boundary);
        g_assert_cmpint (g_array_index (log.woken, gint64, n) - T0, ==, boundary + lag);
        boundary += (i > 0 && part == 0 ? 15 : hour_steps[i].duration) * SEC;
        n++;
      }
  g_assert_cmpuint (n, ==, log.starts->len);
  g_assert_cmpint (boundary, ==, 3600 * SEC);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STATE_FINISHED);
  g_assert_cmpint (unknot_session_get_active_usec (session), ==, 3600 * SEC);

  g_array_unref (log.starts);
  g_array_unref (log.woken);
}

/* ---- cues ---- */

static void
test_cues (void)
{
  /* Halfway from 20 s, countdown from 10 s, both per side. */
  static const StepSpec steps[] = { { 30, FALSE }, { 20, TRUE }, { 19, FALSE }, { 9, FALSE }, { 10, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 5, 5);

  start (h);
  g_assert_cmpstr (h->cues->str, ==, "");
  for (guint i = 0; !is_over (h); i++)
    {
      g_assert_cmpuint (i, <, 1000);
      advance (h, 250 * MSEC);
    }

  g_assert_cmpstr (h->cues->str, ==,
                   "5.000 step-start 0 -\n"
                   "20.000 halfway 0 -\n"
                   "32.000 countdown 0 - 3\n"
                   "33.000 countdown 0 - 2\n"
                   "34.000 countdown 0 - 1\n"
                   "35.000 rest 1 -\n"
                   "40.000 step-start 1 left\n"
                   "50.000 halfway 1 left\n"
                   "57.000 countdown 1 left 3\n"
                   "58.000 countdown 1 left 2\n"
                   "59.000 countdown 1 left 1\n"
                   "60.000 switch-sides 1 right\n"
                   "70.000 halfway 1 right\n"
                   "77.000 countdown 1 right 3\n"
                   "78.000 countdown 1 right 2\n"
                   "79.000 countdown 1 right 1\n"
                   "80.000 rest 2 -\n"
                   "85.000 step-start 2 -\n"
                   "101.000 countdown 2 - 3\n"
                   "102.000 countdown 2 - 2\n"
                   "103.000 countdown 2 - 1\n"
                   "104.000 rest 3 -\n"
                   "109.000 step-start 3 -\n"
                   "118.000 rest 4 -\n"
                   "123.000 step-start 4 -\n"
                   "130.000 countdown 4 - 3\n"
                   "131.000 countdown 4 - 2\n"
                   "132.000 countdown 4 - 1\n"
                   "133.000 finish 4 -\n");
}

static void
test_cue_at_start (void)
{
  static const StepSpec steps[] = { { 20, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 0, 0);

  advance (h, 3 * SEC); /* idle time is not session time */
  start (h);
  g_assert_cmpstr (h->cues->str, ==, "3.000 step-start 0 -\n");
  run_to_end (h);
  g_assert_cmpint (h->finish_time, ==, 23 * SEC);
}

/* ---- pause ---- */

static void
test_pause_resume (void)
{
  static const StepSpec steps[] = { { 60, FALSE }, { 60, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 0, 0);
  const gint64 paused = 3600 * SEC + 250 * MSEC;
  g_autoptr(GString) expected = g_string_new (NULL);
  static const struct { gint64 t; const char *what; } after[] = {
    { 30, "halfway 0 -" }, { 57, "countdown 0 - 3" }, { 58, "countdown 0 - 2" }, { 59, "countdown 0 - 1" },
    { 60, "step-start 1 -" }, { 90, "halfway 1 -" }, { 117, "countdown 1 - 3" },
    { 118, "countdown 1 - 2" }, { 119, "countdown 1 - 1" }, { 120, "finish 1 -" },
  };
  guint n_events, n_seconds;

  start (h);
  advance (h, 20 * SEC + 500 * MSEC);
  OK (unknot_session_pause (h->session, &ok_error));
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 40);
  g_assert_cmpint (unknot_session_get_remaining_usec (h->session), ==, 39 * SEC + 500 * MSEC);

  /* An hour paused: nothing happens, nothing counts down. */
  n_events = h->n_events;
  n_seconds = h->second_times->len;
  advance (h, paused);
  g_assert_cmpuint (h->n_events, ==, n_events);
  g_assert_cmpuint (h->second_times->len, ==, n_seconds);
  g_assert_cmpint (unknot_session_get_remaining_usec (h->session), ==, 39 * SEC + 500 * MSEC);
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session),
                   ==, unknot_clock_now (UNKNOT_CLOCK (h->clock)) + 39 * SEC + 500 * MSEC);
  g_assert_cmpint (unknot_session_get_active_usec (h->session), ==, 20 * SEC + 500 * MSEC);

  OK (unknot_session_resume (h->session, &ok_error));
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 60 * SEC + paused);
  run_to_end (h);

  /* Every later deadline moved by exactly the pause; the rest ran whole. */
  g_string_append (expected, "0.000 step-start 0 -\n");
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      append_time (expected, after[i].t * SEC + paused);
      g_string_append_printf (expected, " %s\n", after[i].what);
    }
  g_assert_cmpstr (h->cues->str, ==, expected->str);

  for (guint i = n_seconds; i < h->second_times->len; i++)
    g_assert_cmpint ((g_array_index (h->second_times, gint64, i) - paused) % SEC, ==, 0);
  g_assert_cmpint (g_array_index (h->second_times, gint64, n_seconds), ==, 21 * SEC + paused);
  g_assert_cmpuint (g_array_index (h->second_values, guint, n_seconds), ==, 39);

  g_assert_cmpint (unknot_session_get_active_usec (h->session), ==, 120 * SEC);
  g_assert_cmpint (g_date_time_difference (unknot_session_get_ended_at (h->session),
                                           unknot_session_get_started_at (h->session)), ==, 120 * SEC + paused);
  g_assert_cmpuint (h->n_state, ==, 4); /* running, paused, running, finished */
}

/* ---- skip, back, +30 s ---- */

static const StepSpec three_steps[] = { { 30, FALSE }, { 20, TRUE }, { 12, FALSE } };

static void
test_skip (void)
{
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 10, 15);
  guint n_events;

  start (h);
  advance (h, 4 * SEC);
  OK (unknot_session_skip (h->session, &ok_error)); /* get-ready → step 0 */
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 30);
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 34 * SEC);

  advance (h, 10 * SEC);
  OK (unknot_session_skip (h->session, &ok_error)); /* step 0 → rest */
  g_assert_cmpuint (unknot_session_get_steps_completed (h->session), ==, 1);
  OK (unknot_session_skip (h->session, &ok_error)); /* rest → step 1 left */
  advance (h, 5 * SEC);

  /* Skipped while paused: at the start of the next side, still paused,
   * announced only once it runs. */
  OK (unknot_session_pause (h->session, &ok_error));
  advance (h, 2 * SEC);
  OK (unknot_session_skip (h->session, &ok_error));
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_cmpint (unknot_session_get_side (h->session), ==, UNKNOT_SIDE_RIGHT);
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 20);
  g_assert_cmpint (unknot_session_get_remaining_usec (h->session), ==, 20 * SEC);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_cmpuint (unknot_session_get_steps_completed (h->session), ==, 1);
  n_events = h->n_events;
  advance (h, 98 * SEC);
  g_assert_cmpuint (h->n_events, ==, n_events);
  OK (unknot_session_resume (h->session, &ok_error));

  advance (h, 41 * SEC); /* right side, rest, into step 2 */
  g_assert_cmpuint (unknot_session_get_step_index (h->session), ==, 2);
  OK (unknot_session_skip (h->session, &ok_error)); /* from the last segment: done */
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_FINISHED);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_cmpuint (unknot_session_get_steps_completed (h->session), ==, 3);
  g_assert_cmpfloat (unknot_session_get_progress (h->session), ==, 1.0);
  g_assert_cmpint (unknot_session_get_active_usec (h->session), ==, 60 * SEC);

  g_assert_cmpstr (h->segments->str, ==,
                   "4.000 #1 step 0 - 30s then Step 1\n"
                   "14.000 #2 rest 1 - 15s then Step 2\n"
                   "14.000 #3 step 1 left 20s then Step 2\n"
                   "21.000 #4 step 1 right 20s then Step 2\n"
                   "139.000 #5 rest 2 - 15s\n"
                   "154.000 #6 step 2 - 12s\n");
  g_assert_cmpstr (h->cues->str, ==,
                   "4.000 step-start 0 -\n"
                   "14.000 rest 1 -\n"
                   "14.000 step-start 1 left\n"
                   "119.000 switch-sides 1 right\n"
                   "129.000 halfway 1 right\n"
                   "136.000 countdown 1 right 3\n"
                   "137.000 countdown 1 right 2\n"
                   "138.000 countdown 1 right 1\n"
                   "139.000 rest 2 -\n"
                   "154.000 step-start 2 -\n"
                   "160.000 finish 2 -\n");
  /* Step 1's left side was skipped, so step 1 was, though its right side
   * ran to its end. */
  g_assert_cmpstr (h->steps->str, ==,
                   "4.000 started 0\n"
                   "14.000 ended 0 skipped\n"
                   "14.000 started 1\n"
                   "139.000 ended 1 skipped\n"
                   "154.000 started 2\n"
                   "160.000 ended 2 skipped\n");
}

static void
test_back (void)
{
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 0, 5);

  /* A 0–30, rest 30–35, B left, B right, rest, C */
  start (h);
  advance (h, 31 * SEC);
  OK (unknot_session_back (h->session, &ok_error)); /* in a rest: the step just done */
  g_assert_cmpuint (unknot_session_get_segment_index (h->session), ==, 0);

  advance (h, 5 * SEC);
  OK (unknot_session_back (h->session, &ok_error)); /* 5 s into step 0: restart it */
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 30);
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 66 * SEC);

  OK (unknot_session_skip (h->session, &ok_error));
  OK (unknot_session_skip (h->session, &ok_error));
  advance (h, 3 * SEC);
  OK (unknot_session_back (h->session, &ok_error)); /* exactly 3 s into step 1: step 0 */
  g_assert_cmpuint (unknot_session_get_step_index (h->session), ==, 0);
  g_assert_cmpint (unknot_session_get_segment_kind (h->session), ==, UNKNOT_SEGMENT_STEP);

  OK (unknot_session_skip (h->session, &ok_error));
  OK (unknot_session_skip (h->session, &ok_error));
  advance (h, 3500 * MSEC);
  OK (unknot_session_back (h->session, &ok_error)); /* 3.5 s into step 1: restart it */
  g_assert_cmpuint (unknot_session_get_step_index (h->session), ==, 1);
  g_assert_cmpint (unknot_session_get_side (h->session), ==, UNKNOT_SIDE_LEFT);

  advance (h, 21 * SEC);
  g_assert_cmpint (unknot_session_get_side (h->session), ==, UNKNOT_SIDE_RIGHT);
  OK (unknot_session_back (h->session, &ok_error)); /* 1 s into the right side is 21 s into the step */
  g_assert_cmpint (unknot_session_get_side (h->session), ==, UNKNOT_SIDE_LEFT);
  run_to_end (h);

  g_assert_cmpstr (h->segments->str, ==,
                   "30.000 #1 rest 1 - 5s then Step 2\n"
                   "31.000 #0 step 0 - 30s then Step 1\n"
                   "36.000 #1 rest 1 - 5s then Step 2\n"
                   "36.000 #2 step 1 left 20s then Step 2\n"
                   "39.000 #0 step 0 - 30s then Step 1\n"
                   "39.000 #1 rest 1 - 5s then Step 2\n"
                   "39.000 #2 step 1 left 20s then Step 2\n"
                   "62.500 #3 step 1 right 20s then Step 2\n"
                   "63.500 #2 step 1 left 20s then Step 2\n"
                   "83.500 #3 step 1 right 20s then Step 2\n"
                   "103.500 #4 rest 2 - 5s\n"
                   "108.500 #5 step 2 - 12s\n");
  g_assert_cmpint (h->finish_time, ==, 120500 * MSEC);
  g_assert_true (g_str_has_prefix (h->cues->str,
                                   "0.000 step-start 0 -\n"
                                   "15.000 halfway 0 -\n"
                                   "27.000 countdown 0 - 3\n"
                                   "28.000 countdown 0 - 2\n"
                                   "29.000 countdown 0 - 1\n"
                                   "30.000 rest 1 -\n"
                                   "31.000 step-start 0 -\n"
                                   "36.000 step-start 0 -\n"
                                   "36.000 rest 1 -\n"
                                   "36.000 step-start 1 left\n"
                                   "39.000 step-start 0 -\n"
                                   "39.000 rest 1 -\n"
                                   "39.000 step-start 1 left\n"
                                   "42.500 step-start 1 left\n"
                                   "52.500 halfway 1 left\n"));
  g_assert_nonnull (strstr (h->cues->str,
                            "62.500 switch-sides 1 right\n"
                            "63.500 step-start 1 left\n"));
  /* Every time through a step is a step of its own. */
  g_assert_cmpstr (h->steps->str, ==,
                   "0.000 started 0\n"
                   "30.000 ended 0 completed\n"
                   "31.000 started 0\n"
                   "36.000 ended 0 back\n"
                   "36.000 started 0\n"
                   "36.000 ended 0 skipped\n"
                   "36.000 started 1\n"
                   "39.000 ended 1 back\n"
                   "39.000 started 0\n"
                   "39.000 ended 0 skipped\n"
                   "39.000 started 1\n"
                   "42.500 ended 1 back\n"
                   "42.500 started 1\n"
                   "63.500 ended 1 back\n"
                   "63.500 started 1\n"
                   "103.500 ended 1 completed\n"
                   "108.500 started 2\n"
                   "120.500 ended 2 completed\n");
  g_assert_cmpuint (unknot_session_get_steps_completed (h->session), ==, 3);
}

static void
test_back_at_first_step (void)
{
  static const StepSpec steps[] = { { 30, FALSE }, { 30, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 10, 0);

  start (h);
  advance (h, 4 * SEC);
  OK (unknot_session_back (h->session, &ok_error)); /* get-ready starts over */
  g_assert_cmpint (unknot_session_get_segment_kind (h->session), ==, UNKNOT_SEGMENT_GET_READY);
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 14 * SEC);
  advance (h, 11 * SEC);
  OK (unknot_session_back (h->session, &ok_error)); /* 1 s into the first step: no step before it */
  g_assert_cmpint (unknot_session_get_segment_kind (h->session), ==, UNKNOT_SEGMENT_STEP);
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 45 * SEC);
  g_assert_cmpstr (h->cues->str, ==, "14.000 step-start 0 -\n15.000 step-start 0 -\n");

  /* Back while paused stays paused, at the start of the step. */
  advance (h, 6 * SEC);
  OK (unknot_session_pause (h->session, &ok_error));
  advance (h, 60 * SEC);
  OK (unknot_session_back (h->session, &ok_error));
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_cmpint (unknot_session_get_remaining_usec (h->session), ==, 30 * SEC);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  advance (h, 60 * SEC);
  OK (unknot_session_resume (h->session, &ok_error));
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 171 * SEC);
  g_assert_cmpstr (h->cues->str, ==, "14.000 step-start 0 -\n15.000 step-start 0 -\n141.000 step-start 0 -\n");
}

static void
test_add_time (void)
{
  static const StepSpec steps[] = { { 30, FALSE }, { 10, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 0, 0);

  start (h);
  advance (h, 10 * SEC);
  OK (unknot_session_add_time (h->session, 30, &ok_error));
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 50);
  g_assert_cmpint (unknot_session_get_segment_duration_usec (h->session), ==, 60 * SEC);
  g_assert_cmpint (unknot_session_get_segment_deadline (h->session), ==, T0 + 60 * SEC);
  g_assert_cmpfloat_with_epsilon (unknot_session_get_progress (h->session), 10.0 / 70.0, 1e-12);

  /* +30 s in the middle of a countdown: it counts down again at the new end. */
  advance (h, 58500 * MSEC);
  g_assert_cmpuint (unknot_session_get_step_index (h->session), ==, 1);
  OK (unknot_session_add_time (h->session, 30, &ok_error));
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 32);

  /* While paused it counts too, and the pause still shifts the end. */
  advance (h, 1 * SEC);
  OK (unknot_session_pause (h->session, &ok_error));
  OK (unknot_session_add_time (h->session, 30, &ok_error));
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 61);
  advance (h, 10 * SEC);
  OK (unknot_session_resume (h->session, &ok_error));
  run_to_end (h);

  g_assert_cmpstr (h->cues->str, ==,
                   "0.000 step-start 0 -\n"
                   "30.000 halfway 0 -\n"
                   "57.000 countdown 0 - 3\n"
                   "58.000 countdown 0 - 2\n"
                   "59.000 countdown 0 - 1\n"
                   "60.000 step-start 1 -\n"
                   "67.000 countdown 1 - 3\n"
                   "68.000 countdown 1 - 2\n"
                   "105.000 halfway 1 -\n"
                   "137.000 countdown 1 - 3\n"
                   "138.000 countdown 1 - 2\n"
                   "139.000 countdown 1 - 1\n"
                   "140.000 finish 1 -\n");
  g_assert_cmpint (unknot_session_get_active_usec (h->session), ==, 130 * SEC);
  g_assert_cmpfloat (unknot_session_get_progress (h->session), ==, 1.0);
}

static void
test_back_drops_added_time (void)
{
  static const StepSpec steps[] = { { 30, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 0, 0);

  start (h);
  OK (unknot_session_add_time (h->session, 30, &ok_error));
  advance (h, 10 * SEC);
  OK (unknot_session_back (h->session, &ok_error));
  g_assert_cmpint (unknot_session_get_segment_duration_usec (h->session), ==, 30 * SEC);
  run_to_end (h);
  g_assert_cmpint (h->finish_time, ==, 40 * SEC);
}

/* A one-second rest shows the same "1" as the second before it; progress
 * must still move when the segment does. */
static void
test_progress_at_each_segment (void)
{
  static const StepSpec steps[] = { { 5, FALSE }, { 5, FALSE } };
  g_autoptr(Harness) h = harness_new (steps, G_N_ELEMENTS (steps), 0, 1);

  start (h);
  run_to_end (h);
  for (guint i = 0; i < h->progress_times->len; i++)
    g_assert_cmpint (g_array_index (h->progress_times, gint64, i), ==, (gint64) (i + 1) * SEC);
  g_assert_cmpuint (h->progress_times->len, ==, 11);
  g_assert_cmpfloat_with_epsilon (g_array_index (h->progress_values, double, 4), 5.0 / 11.0, 1e-12);
}

/* ---- stop ---- */

static void
test_stop (gconstpointer data)
{
  UnknotStopReason reason = GPOINTER_TO_INT (data);
  gboolean while_paused = reason == UNKNOT_STOP_REASON_SAFETY;
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 0, 0);
  g_autofree char *cues = NULL;
  guint n_seconds;

  start (h);
  advance (h, 12 * SEC);
  if (while_paused)
    {
      OK (unknot_session_pause (h->session, &ok_error));
      advance (h, 10 * SEC);
    }
  OK (unknot_session_stop (h->session, reason, &ok_error));

  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_STOPPED);
  g_assert_cmpint (unknot_session_get_stop_reason (h->session), ==, reason);
  g_assert_cmpuint (h->n_stop_reason, ==, 1);
  g_assert_cmpuint (h->n_state, ==, while_paused ? 3 : 2);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_cmpint (unknot_session_get_active_usec (h->session), ==, 12 * SEC);
  g_assert_cmpint (g_date_time_difference (unknot_session_get_ended_at (h->session),
                                           unknot_session_get_started_at (h->session)),
                   ==, (while_paused ? 22 : 12) * SEC);
  g_assert_cmpuint (unknot_session_get_steps_completed (h->session), ==, 0);
  g_assert_cmpuint (unknot_session_get_remaining_seconds (h->session), ==, 18);
  g_assert_cmpstr (h->steps->str, ==, while_paused ? "0.000 started 0\n22.000 ended 0 stopped\n"
                                                   : "0.000 started 0\n12.000 ended 0 stopped\n");

  /* Nothing more: no cue, no countdown, no wake-up. */
  cues = g_strdup (h->cues->str);
  n_seconds = h->second_times->len;
  advance (h, 3600 * SEC);
  g_assert_cmpstr (h->cues->str, ==, cues);
  g_assert_cmpstr (cues, ==, "0.000 step-start 0 -\n");
  g_assert_cmpuint (h->second_times->len, ==, n_seconds);
  g_assert_false (unknot_fake_clock_run_next (h->clock));
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_STOPPED);
}

static void
stop_on_step_cb (UnknotSession *session,
                 UnknotCueKind  kind,
                 guint          step_index,
                 UnknotSide     side,
                 guint          count,
                 gpointer       data)
{
  if (kind == UNKNOT_CUE_STEP_START && step_index == 1)
    OK (unknot_session_stop (session, UNKNOT_STOP_REASON_WINDOW_CLOSED, &ok_error));
}

static void
test_stop_from_a_handler (void)
{
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 0, 5);

  g_signal_connect (h->session, "cue", G_CALLBACK (stop_on_step_cb), NULL);
  start (h);
  advance (h, 3600 * SEC);
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_STOPPED);
  g_assert_cmpint (unknot_session_get_stop_reason (h->session), ==, UNKNOT_STOP_REASON_WINDOW_CLOSED);
  g_assert_true (g_str_has_suffix (h->cues->str, "30.000 rest 1 -\n35.000 step-start 1 left\n"));
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
  g_assert_cmpstr (h->steps->str, ==,
                   "0.000 started 0\n"
                   "30.000 ended 0 completed\n"
                   "35.000 started 1\n"
                   "35.000 ended 1 stopped\n");
}

static void
stop_on_step_ended_cb (UnknotSession *session,
                       guint          step_index,
                       UnknotStepEnd  how,
                       gpointer       data)
{
  OK (unknot_session_stop (session, UNKNOT_STOP_REASON_USER, &ok_error));
}

/* Stopped by a step-ended handler, at a step's end, on a skip and at the
 * finish: no step starts after, and nothing undoes the stop. */
static void
test_stop_from_step_ended (void)
{
  static const struct {
    gint64      before;  /* runs this long first */
    gboolean    skip;    /* then skips, or runs on */
    const char *steps;   /* the end of the steps' log */
  } cases[] = {
    { 0, FALSE, "0.000 started 0\n30.000 ended 0 completed\n" },
    { 10 * SEC, TRUE, "0.000 started 0\n10.000 ended 0 skipped\n" },
    { 75 * SEC, FALSE, "70.000 started 2\n82.000 ended 2 completed\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 0, 0);

      start (h);
      advance (h, cases[i].before);
      g_signal_connect (h->session, "step-ended", G_CALLBACK (stop_on_step_ended_cb), NULL);
      if (cases[i].skip)
        OK (unknot_session_skip (h->session, &ok_error));
      else
        advance (h, 3600 * SEC);

      g_assert_true (g_str_has_suffix (h->steps->str, cases[i].steps));
      g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_STOPPED);
      g_assert_null (strstr (h->cues->str, "finish"));
      g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
    }
}

/* ---- refusals ---- */

static void
assert_all_refused (Harness *h)
{
  UnknotSessionState state = unknot_session_get_state (h->session);
  guint n_state = h->n_state;

  REFUSED (unknot_session_start (h->session, &error));
  REFUSED (unknot_session_pause (h->session, &error));
  REFUSED (unknot_session_resume (h->session, &error));
  REFUSED (unknot_session_skip (h->session, &error));
  REFUSED (unknot_session_back (h->session, &error));
  REFUSED (unknot_session_add_time (h->session, 30, &error));
  REFUSED (unknot_session_stop (h->session, UNKNOT_STOP_REASON_USER, &error));
  g_assert_cmpint (unknot_session_get_state (h->session), ==, state);
  g_assert_cmpuint (h->n_state, ==, n_state);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);
}

static void
test_refusals (void)
{
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 5, 5);
  g_autoptr(Harness) done = harness_new (three_steps, G_N_ELEMENTS (three_steps), 5, 5);

  /* Before start, only start. */
  REFUSED (unknot_session_pause (h->session, &error));
  REFUSED (unknot_session_resume (h->session, &error));
  REFUSED (unknot_session_skip (h->session, &error));
  REFUSED (unknot_session_back (h->session, &error));
  REFUSED (unknot_session_add_time (h->session, 30, &error));
  REFUSED (unknot_session_stop (h->session, UNKNOT_STOP_REASON_USER, &error));
  g_assert_cmpint (unknot_session_get_state (h->session), ==, UNKNOT_SESSION_STATE_IDLE);
  g_assert_cmpuint (h->n_state, ==, 0);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (h->clock), ==, 0);

  start (h);
  REFUSED (unknot_session_start (h->session, &error));
  REFUSED (unknot_session_resume (h->session, &error));
  OK (unknot_session_pause (h->session, &ok_error));
  REFUSED (unknot_session_pause (h->session, &error));
  REFUSED (unknot_session_start (h->session, &error));
  g_assert_cmpuint (h->n_state, ==, 2);
  OK (unknot_session_resume (h->session, &ok_error));
  advance (h, 7 * SEC);
  OK (unknot_session_stop (h->session, UNKNOT_STOP_REASON_USER, &ok_error));
  assert_all_refused (h);
  g_assert_cmpint (unknot_session_get_stop_reason (h->session), ==, UNKNOT_STOP_REASON_USER);

  start (done);
  run_to_end (done);
  assert_all_refused (done);
  g_assert_cmpint (unknot_session_get_stop_reason (done->session), ==, UNKNOT_STOP_REASON_NONE);
}

/* ---- lifetime ---- */

static void
test_dispose_cancels (void)
{
  static const StepSpec steps[] = { { 30, FALSE } };
  g_autoptr(UnknotRoutine) routine = make_routine (steps, G_N_ELEMENTS (steps));
  g_autoptr(GDateTime) local_start = g_date_time_new_local (2024, 3, 1, 9, 0, 0);
  g_autoptr(UnknotClock) clock = unknot_fake_clock_new (T0, local_start);
  UnknotSession *session = unknot_session_new (routine, clock, 0, 0);

  g_assert_true (unknot_session_start (session, NULL));
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (UNKNOT_FAKE_CLOCK (clock)), ==, 1);
  g_object_unref (session);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (UNKNOT_FAKE_CLOCK (clock)), ==, 0);
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (clock), 3600 * SEC);
}

/* ---- the history ---- */

#define WAIT_SECONDS 10

typedef struct
{
  char        *folder;
  char        *path;
  UnknotStore *store;
} History;

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for WAIT_SECONDS at most. */
static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The store did not answer within %d s", WAIT_SECONDS);
  g_source_remove (timeout_id);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  spin_until (result_arrived, slot);
  return g_steal_pointer (slot);
}

static UnknotStore *
open_history_store (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UnknotStore) store = unknot_store_new (file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  result = await_result (&slot);
  g_assert_true (unknot_store_open_finish (store, result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static History *
history_new (void)
{
  History *history = g_new0 (History, 1);
  g_autoptr(GError) error = NULL;

  history->folder = g_dir_make_tmp ("unknot-test-session-XXXXXX", &error);
  g_assert_no_error (error);
  history->path = g_build_filename (history->folder, "unknot.db", NULL);
  history->store = open_history_store (history->path);
  return history;
}

static void
history_free (History *history)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&history->store);
  dir = g_dir_open (history->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (history->folder, name, NULL);

      g_remove (path);
    }
  g_assert_cmpint (g_rmdir (history->folder), ==, 0);
  g_free (history->folder);
  g_free (history->path);
  g_free (history);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (History, history_free)

static gboolean
has_session_id (gpointer data)
{
  return unknot_session_recorder_get_session_id (data) > 0;
}

static GPtrArray *
list_steps (UnknotStore *store,
            gint64       session_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GPtrArray *steps;

  unknot_store_list_session_steps_async (store, session_id, NULL, got_result_cb, &slot);
  result = await_result (&slot);
  steps = unknot_store_list_session_steps_finish (store, result, &error);
  g_assert_no_error (error);
  return steps;
}

static UnknotSessionRecord *
only_session (UnknotStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_list_sessions_async (store, 0, NULL, got_result_cb, &slot);
  result = await_result (&slot);
  sessions = unknot_store_list_sessions_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  return g_boxed_copy (unknot_session_record_get_type (), g_ptr_array_index (sessions, 0));
}

/* Each step as "index title outcome started-ended", seconds after the
 * session's start; "-" for no end. */
static char *
describe_steps (GPtrArray *steps,
                GDateTime *start)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      UnknotStepRecord *step = g_ptr_array_index (steps, i);

      g_string_append_printf (out, "%u %s %s %g-", step->step_index, step->step_title,
                              unknot_step_outcome_to_string (step->outcome),
                              g_date_time_difference (step->started_at, start) / (double) SEC);
      if (step->ended_at != NULL)
        g_string_append_printf (out, "%g\n", g_date_time_difference (step->ended_at, start) / (double) SEC);
      else
        g_string_append (out, "\n");
    }
  return g_string_free (out, FALSE);
}

/* Everything happens before the store has answered once: the steps are
 * held, then written in order after the session's row. */
static void
test_recorder_keeps_every_step (void)
{
  g_autoptr(History) history = history_new ();
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 5, 0);
  g_autoptr(UnknotSessionRecorder) recorder = unknot_session_recorder_new (history->store, h->session);
  g_autoptr(UnknotSessionRecord) record = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *described = NULL;

  /* 0: get ready 0–5, step 0 5–35, step 1 left 35–55, right 55–75, step 2 */
  start (h);
  advance (h, 40 * SEC);
  OK (unknot_session_skip (h->session, &ok_error));  /* 40: step 1's left side */
  advance (h, 25 * SEC);                             /* right side 40–60, step 2 */
  OK (unknot_session_back (h->session, &ok_error));  /* 65, 5 s in: restart it */
  advance (h, 2 * SEC);
  OK (unknot_session_stop (h->session, UNKNOT_STOP_REASON_USER, &ok_error));
  g_assert_cmpint (unknot_session_recorder_get_session_id (recorder), ==, 0);

  spin_until (has_session_id, recorder);
  record = only_session (history->store);
  g_assert_cmpint (record->id, ==, unknot_session_recorder_get_session_id (recorder));
  g_assert_cmpstr (record->routine_id, ==, "timing");
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_STOPPED);
  g_assert_cmpstr (record->stop_reason, ==, "stopped");
  g_assert_cmpuint (record->steps_completed, ==, 2);
  g_assert_cmpuint (record->steps_total, ==, 3);
  g_assert_cmpuint (record->active_seconds, ==, 67);

  steps = list_steps (history->store, record->id);
  described = describe_steps (steps, record->started_at);
  g_assert_cmpstr (described, ==,
                   "0 Step 0 completed 5-35\n"
                   "1 Step 1 skipped 35-60\n"
                   "2 Step 2 back 60-65\n"
                   "2 Step 2 stopped 65-67\n");
}

/* The session's row exists: each step is written as it happens, and a
 * safety stop says at which step. */
static void
test_recorder_safety_stop (void)
{
  g_autoptr(History) history = history_new ();
  g_autoptr(Harness) h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 0, 0);
  g_autoptr(UnknotSessionRecorder) recorder = unknot_session_recorder_new (history->store, h->session);
  g_autoptr(UnknotSessionRecord) record = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) safety = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  GAsyncResult *slot = NULL;

  start (h);
  spin_until (has_session_id, recorder);
  advance (h, 31 * SEC);
  unknot_store_flush (history->store);
  steps = list_steps (history->store, unknot_session_recorder_get_session_id (recorder));
  described = describe_steps (steps, unknot_session_get_started_at (h->session));
  g_assert_cmpstr (described, ==, "0 Step 0 completed 0-30\n1 Step 1 running 30-\n");
  g_clear_pointer (&steps, g_ptr_array_unref);
  g_clear_pointer (&described, g_free);

  OK (unknot_session_stop (h->session, UNKNOT_STOP_REASON_SAFETY, &ok_error));
  record = only_session (history->store);
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_SAFETY);
  steps = list_steps (history->store, record->id);
  described = describe_steps (steps, record->started_at);
  g_assert_cmpstr (described, ==, "0 Step 0 completed 0-30\n1 Step 1 stopped 30-31\n");

  unknot_store_list_safety_events_async (history->store, NULL, NULL, NULL, got_result_cb, &slot);
  result = await_result (&slot);
  safety = unknot_store_list_safety_events_finish (history->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (safety->len, ==, 1);
  g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (safety, 0))->session_id, ==, record->id);
  g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (safety, 0))->step_index, ==, 1);
}

/* The app dies 10 s into step 1: that step's row is there, never ended. */
static void
test_recorder_crash_mid_step (void)
{
  g_autoptr(History) history = history_new ();
  g_autoptr(UnknotSessionRecord) record = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *described = NULL;
  pid_t pid;
  int status = 0;

  g_clear_object (&history->store);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      UnknotStore *store = open_history_store (history->path);
      Harness *h = harness_new (three_steps, G_N_ELEMENTS (three_steps), 0, 0);
      UnknotSessionRecorder *recorder = unknot_session_recorder_new (store, h->session);

      start (h);
      advance (h, 40 * SEC);
      spin_until (has_session_id, recorder);
      unknot_store_flush (store);
      _exit (0);
    }
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  history->store = open_history_store (history->path);
  record = only_session (history->store);
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_ABANDONED);
  steps = list_steps (history->store, record->id);
  described = describe_steps (steps, record->started_at);
  g_assert_cmpstr (described, ==, "0 Step 0 completed 0-30\n1 Step 1 abandoned 30-\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/cue-names", test_cue_names);
  g_test_add_func ("/session/clock/fake", test_fake_clock);
  g_test_add_func ("/session/clock/real", test_real_clock);
  g_test_add_func ("/session/schedule", test_schedule);
  g_test_add_func ("/session/schedule/plain", test_no_get_ready_no_rest);
  g_test_add_data_func ("/session/sixty-minutes/advance", GINT_TO_POINTER (TRUE), test_sixty_minutes);
  g_test_add_data_func ("/session/sixty-minutes/run-next", GINT_TO_POINTER (FALSE), test_sixty_minutes);
  g_test_add_func ("/session/sixty-minutes/late-wake-ups", test_lateness_does_not_add_up);
  g_test_add_func ("/session/cues", test_cues);
  g_test_add_func ("/session/cues/at-start", test_cue_at_start);
  g_test_add_func ("/session/pause-resume", test_pause_resume);
  g_test_add_func ("/session/skip", test_skip);
  g_test_add_func ("/session/back", test_back);
  g_test_add_func ("/session/back/first-step", test_back_at_first_step);
  g_test_add_func ("/session/back/drops-added-time", test_back_drops_added_time);
  g_test_add_func ("/session/add-time", test_add_time);
  g_test_add_func ("/session/progress", test_progress_at_each_segment);
  g_test_add_data_func ("/session/stop/user", GINT_TO_POINTER (UNKNOT_STOP_REASON_USER), test_stop);
  g_test_add_data_func ("/session/stop/safety-while-paused", GINT_TO_POINTER (UNKNOT_STOP_REASON_SAFETY), test_stop);
  g_test_add_func ("/session/stop/from-a-handler", test_stop_from_a_handler);
  g_test_add_func ("/session/stop/from-step-ended", test_stop_from_step_ended);
  g_test_add_func ("/session/refusals", test_refusals);
  g_test_add_func ("/session/dispose-cancels", test_dispose_cancels);
  g_test_add_func ("/session/recorder/every-step", test_recorder_keeps_every_step);
  g_test_add_func ("/session/recorder/safety-stop", test_recorder_safety_stop);
  g_test_add_func ("/session/recorder/crash-mid-step", test_recorder_crash_mid_step);

  return g_test_run ();
}
