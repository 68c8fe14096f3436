/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark: the Pain Log's history at 100,000 entries.
 *
 *   history-scroll [--seconds S] [--step PX] [--data-home DIR]
 *
 * Writes a 100,000-entry history (tests/bench/pain-store --fill, beside
 * this program) unless --data-home names one already filled, then:
 *   1. the baseline: a GtkListView of 100,000 plain labels in a window of
 *      the same size, scrolled by PX pixels on every frame clock tick for S
 *      seconds;
 *   2. the app's window: the time from showing the Pain Log to its first
 *      rows on screen; from then on the same scroll while the rest of the
 *      history loads (as a user who starts at once would), up to the whole
 *      history loaded ("loading"); then the same scroll for S seconds.
 * It prints frame intervals (median, p99, max), dropped frames (an
 * interval over 1.5× the run's median; also over 1.5× the baseline's), the
 * main loop's work within each frame (wall time from its first phase to
 * the end of its painting, of that the layout phase, and the main thread's
 * CPU time a frame), and the ratios to the baseline.  The intervals only
 * tell a frame that overran the refresh period; the work tells how close
 * the others came, which decides whether frames drop on a busier machine,
 * and work well above its CPU time is waiting (on the X server, say).
 * Not a test: nothing fails on a figure.
 * Without a display it runs itself again under xvfb-run. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pain/unknot-log-page.h"
#include "pain/unknot-pain-row.h"
#include "unknot-window-private.h"

#define N_BASELINE 100000
#define WIDTH 1000
#define HEIGHT 800

static double seconds = 10.0;
static int step = 24;
static char *data_home_option;

/* Waiting */

static void
iterate_until (gboolean (*condition) (gpointer),
               gpointer   data,
               double     limit_seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (limit_seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("history-scroll: gave up waiting after %.0f s\n", limit_seconds);
          exit (1);
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Rows on screen: a frame was painted with list rows in it. */

typedef struct
{
  GtkWidget *list;
  GType      row_type;
  gint64     painted_at; /* 0 until then */
} FirstRows;

static gboolean
has_mapped_row (GtkWidget *widget,
                GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_mapped_row (child, type))
      return TRUE;
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                FirstRows     *first)
{
  if (first->painted_at == 0 && has_mapped_row (first->list, first->row_type))
    first->painted_at = g_get_monotonic_time ();
}

static gboolean
rows_painted (gpointer data)
{
  return ((FirstRows *) data)->painted_at != 0;
}

/* Microseconds from now to the first frame painted with rows in @list. */
static gint64
wait_first_rows (GtkWidget *list,
                 GType      row_type,
                 gint64     since)
{
  FirstRows first = { list, row_type, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (gtk_widget_get_root (list)));
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &first);

  iterate_until (rows_painted, &first, 60);
  g_signal_handler_disconnect (clock, id);
  return first.painted_at - since;
}

/* Scrolling */

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *ticks;   /* gint64, monotonic µs at each tick */
  GArray        *work;    /* double, ms from a frame's first phase to the end of its painting */
  GArray        *layout;  /* double, ms of that in the layout phase */
  gint64         frame_began;
  gint64         layout_began;
  double         layout_ms;
  gint64         end;
  gboolean     (*until) (gpointer data); /* instead of the end, if set */
  gpointer       until_data;
  gboolean       done;
  int            wraps;
} Scroll;

/* The intervals only show a frame that overran; how much of each frame
 * went on work shows the headroom left before one does. */
static void
frame_begin (Scroll *scroll)
{
  if (scroll->frame_began != 0)
    return;
  scroll->frame_began = g_get_monotonic_time ();
  scroll->layout_ms = 0;
}

/* Only the phases asked for run: events and before-paint often do not,
 * and the first handler of the update phase is the scrolling tick. */
static void
frame_begin_cb (GdkFrameClock *clock,
                Scroll        *scroll)
{
  frame_begin (scroll);
}

static void
layout_begin_cb (GdkFrameClock *clock,
                 Scroll        *scroll)
{
  scroll->layout_began = g_get_monotonic_time ();
}

static void
layout_end_cb (GdkFrameClock *clock,
               Scroll        *scroll)
{
  if (scroll->layout_began != 0)
    scroll->layout_ms += (g_get_monotonic_time () - scroll->layout_began) / 1000.0;
  scroll->layout_began = 0;
}

static void
frame_end_cb (GdkFrameClock *clock,
              Scroll        *scroll)
{
  double ms;

  if (scroll->frame_began == 0)
    return;
  ms = (g_get_monotonic_time () - scroll->frame_began) / 1000.0;
  g_array_append_val (scroll->work, ms);
  g_array_append_val (scroll->layout, scroll->layout_ms);
  scroll->frame_began = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = g_get_monotonic_time ();
  double value;

  if (scroll->work != NULL)
    frame_begin (scroll);
  value = gtk_adjustment_get_value (scroll->adjustment) + step;

  g_array_append_val (scroll->ticks, now);
  if (scroll->until != NULL ? scroll->until (scroll->until_data) : now >= scroll->end)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (value > gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment))
    {
      value = 0;
      scroll->wraps++;
    }
  gtk_adjustment_set_value (scroll->adjustment, value);
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  double median_ms;
  double p99_ms;
  double max_ms;
  guint  frames;
  guint  dropped;          /* > 1.5 × own median */
  guint  dropped_baseline; /* > 1.5 × the baseline's median */
  double pixels_per_s;
  double work_median_ms;   /* main loop time within a frame */
  double work_p99_ms;
  double work_max_ms;
  double layout_p99_ms;
  double cpu_per_frame_ms; /* the main thread's CPU time over the run, per frame */
} Stats;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  fraction)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, double, MIN (sorted->len - 1, (guint) (sorted->len * fraction)));
}

/* Unlike the work's wall time, not lengthened by other processes taking
 * the CPU: what to compare on a busy machine. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Scrolls for --seconds after a second to settle, or, with @until, from
 * now until it holds. */
static Stats
scroll_for (GtkScrolledWindow *scrolled,
            double             baseline_median_ms,
            gboolean         (*until) (gpointer data),
            gpointer           until_data)
{
  Scroll scroll = { 0 };
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (scrolled));
  gulong handlers[5];
  double start_value, end_value;
  double cpu_ms;
  gint64 began;
  double duration;
  Stats stats = { 0 };

  scroll.adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  scroll.ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* A second to settle, then the measured run. */
  gtk_adjustment_set_value (scroll.adjustment, 0);
  if (until == NULL)
    {
      scroll.end = g_get_monotonic_time () + G_USEC_PER_SEC;
      gtk_widget_add_tick_callback (GTK_WIDGET (scrolled), tick_cb, &scroll, NULL);
      iterate_until (flag_set, &scroll.done, 30);
    }

  g_array_set_size (scroll.ticks, 0);
  scroll.work = work;
  scroll.layout = layout;
  handlers[0] = g_signal_connect (clock, "flush-events", G_CALLBACK (frame_begin_cb), &scroll);
  handlers[1] = g_signal_connect (clock, "before-paint", G_CALLBACK (frame_begin_cb), &scroll);
  /* The window's layout handler was connected first: the layout phase
   * is timed from the end of the update phase. */
  handlers[2] = g_signal_connect_after (clock, "update", G_CALLBACK (layout_begin_cb), &scroll);
  handlers[3] = g_signal_connect_after (clock, "layout", G_CALLBACK (layout_end_cb), &scroll);
  handlers[4] = g_signal_connect_after (clock, "after-paint", G_CALLBACK (frame_end_cb), &scroll);
  scroll.done = FALSE;
  scroll.wraps = 0;
  start_value = gtk_adjustment_get_value (scroll.adjustment);
  cpu_ms = thread_cpu_ms ();
  began = g_get_monotonic_time ();
  scroll.end = began + (gint64) (seconds * G_USEC_PER_SEC);
  scroll.until = until;
  scroll.until_data = until_data;
  gtk_widget_add_tick_callback (GTK_WIDGET (scrolled), tick_cb, &scroll, NULL);
  iterate_until (flag_set, &scroll.done, seconds + 120);
  cpu_ms = thread_cpu_ms () - cpu_ms;
  duration = (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC;
  end_value = gtk_adjustment_get_value (scroll.adjustment);
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_handler_disconnect (clock, handlers[i]);

  for (guint i = 1; i < scroll.ticks->len; i++)
    {
      double ms = (g_array_index (scroll.ticks, gint64, i) - g_array_index (scroll.ticks, gint64, i - 1)) / 1000.0;
      g_array_append_val (intervals, ms);
    }
  g_array_sort (intervals, compare_doubles);
  g_array_sort (work, compare_doubles);
  g_array_sort (layout, compare_doubles);
  stats.frames = intervals->len;
  stats.median_ms = percentile (intervals, 0.5);
  stats.p99_ms = percentile (intervals, 0.99);
  stats.max_ms = percentile (intervals, 1);
  stats.work_median_ms = percentile (work, 0.5);
  stats.work_p99_ms = percentile (work, 0.99);
  stats.work_max_ms = percentile (work, 1);
  stats.layout_p99_ms = percentile (layout, 0.99);
  stats.cpu_per_frame_ms = intervals->len > 0 ? cpu_ms / intervals->len : 0;
  for (guint i = 0; i < intervals->len; i++)
    {
      double ms = g_array_index (intervals, double, i);
      stats.dropped += ms > 1.5 * stats.median_ms;
      stats.dropped_baseline += ms > 1.5 * (baseline_median_ms > 0 ? baseline_median_ms : stats.median_ms);
    }
  stats.pixels_per_s = scroll.wraps == 0 ? (end_value - start_value) / duration : -1;
  g_array_unref (scroll.ticks);
  return stats;
}

static void
print_stats (const char  *name,
             const Stats *stats)
{
  printf ("%-10s frames %5u  interval median %6.2f ms  p99 %6.2f ms  max %7.2f ms  dropped %4u (%.1f %%)  "
          "dropped vs baseline median %4u  scrolled %.0f px/s\n",
          name, stats->frames, stats->median_ms, stats->p99_ms, stats->max_ms, stats->dropped,
          stats->frames > 0 ? 100.0 * stats->dropped / stats->frames : 0.0,
          stats->dropped_baseline, stats->pixels_per_s);
  printf ("%-10s work in a frame: median %6.2f ms  p99 %6.2f ms  max %7.2f ms  (layout p99 %6.2f ms)  "
          "main thread CPU %.2f ms a frame\n",
          "", stats->work_median_ms, stats->work_p99_ms, stats->work_max_ms, stats->layout_p99_ms,
          stats->cpu_per_frame_ms);
}

/* The baseline: plain labels */

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static Stats
run_baseline (gint64 *first_rows_us)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;
  gint64 shown;
  Stats stats;

  for (guint i = 0; i < N_BASELINE; i++)
    {
      g_autofree char *text = g_strdup_printf ("Entry %u: 5 — Moderate, your left shoulder", i);
      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (strings)))),
                            g_object_ref (factory));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_window_set_content (ADW_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);

  shown = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  *first_rows_us = wait_first_rows (list, GTK_TYPE_LABEL, shown);
  stats = scroll_for (GTK_SCROLLED_WINDOW (scrolled), 0, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  return stats;
}

/* The Pain Log */

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!unknot_store_open_finish (UNKNOT_STORE (source), result, &error))
    {
      g_printerr ("history-scroll: %s\n", error->message);
      exit (1);
    }
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_scrolled_window (GtkWidget *widget)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static gboolean
history_complete (gpointer page)
{
  return unknot_log_page_is_complete (page);
}

static Stats
run_history (const char *data_home,
             double      baseline_median_ms,
             Stats      *loading,
             gint64     *first_rows_us,
             gint64     *complete_us,
             guint      *n_entries)
{
  g_autofree char *path = g_build_filename (data_home, "unknot", "unknot.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) no_routines = g_file_new_build_filename (data_home, "no-routines", NULL);
  g_autoptr(UnknotStore) store = unknot_store_new (file);
  g_autoptr(UnknotClock) clock = unknot_clock_new_real ();
  g_autoptr(UnknotRoutineLibrary) library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, no_routines);
  UnknotWindow *window;
  GtkWidget *list, *scrolled;
  gboolean opened = FALSE;
  gint64 shown;
  Stats stats;

  unknot_store_open_async (store, NULL, opened_cb, &opened);
  iterate_until (flag_set, &opened, 60);
  window = unknot_window_new (NULL, library, NULL);
  unknot_window_set_session_services (window, clock, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (is_mapped, window, 60);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  /* The Pain Log is built when first shown, and that counts too. */
  shown = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "log");
  list = GTK_WIDGET (unknot_log_page_get_list_view (window->log_page));
  *first_rows_us = wait_first_rows (list, UNKNOT_TYPE_PAIN_ROW, shown);
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_assert (is_scrolled_window (scrolled));
  /* As a user would: scrolling from the first rows on, while the rest of
   * the history comes in. */
  *loading = scroll_for (GTK_SCROLLED_WINDOW (scrolled), baseline_median_ms, history_complete, window->log_page);
  *complete_us = g_get_monotonic_time () - shown;
  *n_entries = unknot_log_page_get_n_entries (window->log_page);

  stats = scroll_for (GTK_SCROLLED_WINDOW (scrolled), baseline_median_ms, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  unknot_store_flush (store);
  return stats;
}

/* Setup */

static void
rerun_under_xvfb (char **argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_strv_builder_add_many (builder, "xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "dbus-run-session", "--", NULL);
  g_strv_builder_addv (builder, (const char **) argv);
  args = g_strv_builder_end (builder);
  execvp (args[0], args);
  g_printerr ("history-scroll: no display, and xvfb-run could not be run\n");
  exit (1);
}

static char *
fill_history (const char *program)
{
  g_autofree char *dir = g_path_get_dirname (program);
  g_autofree char *filler = g_build_filename (dir, "pain-store", NULL);
  char *data_home = g_dir_make_tmp ("unknot-history-scroll-XXXXXX", NULL);
  const char *args[] = { filler, "--fill", data_home, NULL };
  g_autoptr(GError) error = NULL;
  gint64 begun = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("history-scroll: could not fill a history with %s: %s\n", filler, error->message);
      exit (1);
    }
  printf ("filled a history in %s with %s in %.1f s\n", data_home, filler, (g_get_monotonic_time () - begun) / 1e6);
  return data_home;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static double
ratio (double value,
       double baseline)
{
  return baseline > 0 ? value / baseline : 0;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry options[] = {
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, "How long each scroll runs (10)", "S" },
    { "step", 0, 0, G_OPTION_ARG_INT, &step, "Pixels scrolled per frame (24)", "PX" },
    { "data-home", 0, 0, G_OPTION_ARG_FILENAME, &data_home_option, "An XDG_DATA_HOME filled by fill-pain-db", "DIR" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— scrolling the Pain Log's history");
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  gint64 baseline_first, first_rows, complete;
  guint n_entries = 0;
  Stats baseline, history, loading;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    rerun_under_xvfb (argv);

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("history-scroll: %s\n", error->message);
      return 2;
    }
  data_home = data_home_option != NULL ? g_strdup (data_home_option) : fill_history (argv[0]);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink", TRUE);
  gtk_init ();
  adw_init ();
  /* As the application does, so rows are styled as users see them. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  printf ("scrolling %d px per frame for %.0f s in a %d×%d window, GSK_RENDERER=%s\n", step, seconds, WIDTH, HEIGHT,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");
  baseline = run_baseline (&baseline_first);
  history = run_history (data_home, baseline.median_ms, &loading, &first_rows, &complete, &n_entries);

  printf ("\n");
  printf ("baseline: GtkListView of %d plain labels; first rows painted %.1f ms after the window was shown\n",
          N_BASELINE, baseline_first / 1000.0);
  printf ("Pain Log: %u entries; first rows painted %.1f ms after the page was shown; all loaded after %.1f ms\n",
          n_entries, first_rows / 1000.0, complete / 1000.0);
  print_stats ("baseline", &baseline);
  print_stats ("Pain Log", &history);
  print_stats ("loading", &loading);
  printf ("ratios Pain Log / baseline: median %.2f  p99 %.2f  max %.2f  dropped %u vs %u\n",
          ratio (history.median_ms, baseline.median_ms), ratio (history.p99_ms, baseline.p99_ms),
          ratio (history.max_ms, baseline.max_ms), history.dropped_baseline, baseline.dropped);
  printf ("while loading: dropped %u vs %u in the baseline, max interval %.2f ms vs %.2f ms\n",
          loading.dropped_baseline, baseline.dropped, loading.max_ms, baseline.max_ms);
  printf ("ratios of work in a frame: median %.2f  p99 %.2f  max %.2f  CPU %.2f\n",
          ratio (history.work_median_ms, baseline.work_median_ms), ratio (history.work_p99_ms, baseline.work_p99_ms),
          ratio (history.work_max_ms, baseline.work_max_ms),
          ratio (history.cpu_per_frame_ms, baseline.cpu_per_frame_ms));

  if (data_home_option == NULL)
    remove_tree (data_home);
  return 0;
}
