/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How late the real session engine, on the real clock, reaches its step
 * boundaries: once on an idle machine and once with every CPU kept busy by
 * spinning processes.  The target (DESIGN.md) is every boundary within
 * 20 ms of the schedule and no drift that adds up over a session.
 *
 * A benchmark, not a test: it prints figures and PASS or FAIL, and exits 0
 * unless something crashed. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unknot-clock.h"
#include "unknot-routine-private.h"
#include "unknot-session.h"

#define SEC ((gint64) G_USEC_PER_SEC)
#define N_STEPS 12
#define TARGET_P99_MS 20.0

typedef struct
{
  UnknotSession *session;
  GMainLoop     *loop;
  GArray        *plan_ends;  /* gint64: each segment's planned end, from the start and the durations */
  GArray        *boundaries; /* gint64: lateness at each segment-changed and at the finish */
  GArray        *ticks;      /* gint64: lateness at each change of remaining-seconds */
  gint64         end_drift;  /* the session's own last deadline against the plan */
  gboolean       finished;
} Run;

typedef struct
{
  double median;
  double p99;
  double max;
  guint  n;
} Figures;

/* A routine of @total_seconds in N_STEPS steps, built in code so that the
 * benchmark needs no files. */
static UnknotRoutine *
make_routine (guint total_seconds)
{
  UnknotRoutine *routine = unknot_routine_new ();
  guint base = MAX (1u, total_seconds / N_STEPS);
  guint extra = total_seconds > base * N_STEPS ? total_seconds - base * N_STEPS : 0;

  routine->id = g_strdup ("session-timing");
  routine->title = g_strdup ("Session timing");
  for (guint i = 0; i < N_STEPS; i++)
    {
      g_autoptr(UnknotStep) step = unknot_step_new ();

      step->title = g_strdup_printf ("Step %u", i + 1);
      step->instruction = g_strdup ("Hold.");
      step->duration = base + (i < extra ? 1 : 0);
      step->sides = UNKNOT_SIDES_NONE;
      g_list_store_append (routine->steps, step);
    }
  return routine;
}

static void
segment_changed_cb (UnknotSession *session,
                    Run           *run)
{
  gint64 now = g_get_monotonic_time ();
  guint index = unknot_session_get_segment_index (session);
  gint64 lateness = now - g_array_index (run->plan_ends, gint64, index - 1);

  g_array_append_val (run->boundaries, lateness);
}

static void
remaining_cb (UnknotSession *session,
              GParamSpec    *pspec,
              Run           *run)
{
  gint64 now = g_get_monotonic_time ();
  guint index = unknot_session_get_segment_index (session);
  guint remaining = unknot_session_get_remaining_seconds (session);
  gint64 lateness;

  if (index >= run->plan_ends->len)
    return; /* before the plan is known */
  lateness = now - (g_array_index (run->plan_ends, gint64, index) - remaining * SEC);
  g_array_append_val (run->ticks, lateness);
}

static void
cue_cb (UnknotSession *session,
        UnknotCueKind  kind,
        guint          step_index,
        UnknotSide     side,
        guint          count,
        Run           *run)
{
  gint64 now = g_get_monotonic_time ();
  gint64 planned_end;
  gint64 lateness;

  if (kind != UNKNOT_CUE_FINISH)
    return;

  planned_end = g_array_index (run->plan_ends, gint64, run->plan_ends->len - 1);
  lateness = now - planned_end;
  g_array_append_val (run->boundaries, lateness);
  run->end_drift = unknot_session_get_segment_deadline (session) - planned_end;
  run->finished = TRUE;
  g_main_loop_quit (run->loop);
}

static gboolean
give_up_cb (gpointer data)
{
  Run *run = data;

  g_printerr ("session-timing: the session did not finish in time\n");
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentiles, in ms. */
static Figures
figures_of (GArray *samples)
{
  Figures f = { 0, 0, 0, samples->len };
  guint n = samples->len;

  if (n == 0)
    return f;
  g_array_sort (samples, compare_gint64);
  f.median = g_array_index (samples, gint64, (n + 1) / 2 - 1) / 1000.0;
  f.p99 = g_array_index (samples, gint64, MAX (1u, (guint) ((99 * n + 99) / 100)) - 1) / 1000.0;
  f.max = g_array_index (samples, gint64, n - 1) / 1000.0;
  return f;
}

static gboolean
run_session (UnknotRoutine *routine,
             guint          seconds,
             Run           *run)
{
  g_autoptr(UnknotClock) clock = unknot_clock_new_real ();
  g_autoptr(UnknotSession) session = unknot_session_new (routine, clock, 0, 0);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint give_up;
  gint64 end;

  run->session = session;
  run->loop = loop;
  run->plan_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->boundaries = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->ticks = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (session, "segment-changed", G_CALLBACK (segment_changed_cb), run);
  g_signal_connect (session, "notify::remaining-seconds", G_CALLBACK (remaining_cb), run);
  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), run);

  if (!unknot_session_start (session, NULL))
    return FALSE;

  /* The plan: the start, then each step's duration, added up here rather
   * than taken from the engine, so that drift inside it would show. */
  end = unknot_session_get_segment_deadline (session) - unknot_session_get_segment_duration_usec (session);
  for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (unknot_routine_get_steps (routine), i);

      end += unknot_step_get_duration (step) * SEC;
      g_array_append_val (run->plan_ends, end);
    }

  give_up = g_timeout_add_seconds (2 * seconds + 10, give_up_cb, run);
  g_main_loop_run (loop);
  g_source_remove (give_up);

  run->session = NULL;
  run->loop = NULL;
  return run->finished;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->plan_ends, g_array_unref);
  g_clear_pointer (&run->boundaries, g_array_unref);
  g_clear_pointer (&run->ticks, g_array_unref);
}

static G_NORETURN void
spin (void)
{
  volatile guint64 counter = 0;

  /* Die with the benchmark, even if it is killed. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () == 1)
    _exit (0);
  for (;;)
    counter++;
}

static GArray *
start_spinners (guint n)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (pid_t));

  for (guint i = 0; i < n; i++)
    {
      pid_t pid = fork ();

      if (pid == 0)
        spin ();
      if (pid < 0)
        {
          g_printerr ("session-timing: fork failed; the busy run has %u spinners\n", i);
          break;
        }
      g_array_append_val (pids, pid);
    }
  return pids;
}

static void
stop_spinners (GArray *pids)
{
  for (guint i = 0; i < pids->len; i++)
    {
      pid_t pid = g_array_index (pids, pid_t, i);

      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
    }
  g_array_unref (pids);
}

static void
print_row (const char *name,
           Run        *run)
{
  Figures b = figures_of (run->boundaries);
  Figures t = figures_of (run->ticks);

  g_print ("%-6s %3u boundaries: median %7.3f  p99 %7.3f  max %7.3f ms | %4u seconds: median %7.3f  p99 %7.3f  max %7.3f ms | end drift %" G_GINT64_FORMAT " us\n",
           name, b.n, b.median, b.p99, b.max, t.n, t.median, t.p99, t.max, run->end_drift);
}

int
main (int   argc,
      char *argv[])
{
  gint seconds = 120;
  GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "Length of each of the two sessions (default 120)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- step boundaries of the session engine, idle and busy");
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = NULL;
  Run idle = { 0, };
  Run busy = { 0, };
  Figures idle_b, busy_b;
  guint n_spinners = MAX (2u, g_get_num_processors ());
  gboolean ok_idle, ok_busy;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("session-timing: %s\n", error->message);
      return 2;
    }
  seconds = CLAMP (seconds, N_STEPS, 24 * 3600);
  routine = make_routine ((guint) seconds);

  g_print ("session-timing: %u steps, %u s per run, real clock; busy run with %u spinning processes on %u CPUs\n",
           unknot_routine_get_n_steps (routine), unknot_routine_get_total_seconds (routine),
           n_spinners, g_get_num_processors ());

  ok_idle = run_session (routine, (guint) seconds, &idle);
  {
    GArray *spinners = start_spinners (n_spinners);

    ok_busy = run_session (routine, (guint) seconds, &busy);
    stop_spinners (spinners);
  }

  print_row ("idle", &idle);
  print_row ("busy", &busy);

  idle_b = figures_of (idle.boundaries);
  busy_b = figures_of (busy.boundaries);
  g_print ("busy/idle: median %.2fx, p99 %.2fx\n",
           idle_b.median > 0 ? busy_b.median / idle_b.median : 0.0,
           idle_b.p99 > 0 ? busy_b.p99 / idle_b.p99 : 0.0);

  if (ok_idle && ok_busy && idle_b.p99 <= TARGET_P99_MS && busy_b.p99 <= TARGET_P99_MS
      && idle.end_drift == 0 && busy.end_drift == 0)
    g_print ("PASS: boundary p99 <= %.0f ms idle and busy, no drift at the end\n", TARGET_P99_MS);
  else
    g_print ("FAIL: boundary p99 must be <= %.0f ms idle and busy, with no drift at the end%s\n",
             TARGET_P99_MS, ok_idle && ok_busy ? "" : " (a session did not finish)");

  run_clear (&idle);
  run_clear (&busy);
  return 0;
}
