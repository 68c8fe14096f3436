/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain log at the size of a long-time user: 100,000 entries over three
 * years.  Measures, in a temporary database:
 *
 *   - filling it (one transaction, as an import does) and saving entries
 *     one at a time (each its own synchronous=FULL commit);
 *   - the history: its first page, a page deep in the past, all of it;
 *   - the statistics: the 3-year and 30-day trends, before/after, the
 *     adherence calendar;
 *   - how long the main loop is blocked while entries are saved, from a
 *     1 ms timer's gaps, against the same timer in a plain GLib main loop
 *     with nothing else to do, measured in the same run.
 *
 * "pain-store --fill XDG_DATA_HOME" instead writes such a history (with
 * sessions and before/after ratings) to XDG_DATA_HOME/unknot/unknot.db,
 * ending now, for benchmarking the first window against a full log.  It
 * never touches an existing file.
 *
 * A benchmark, not a test: it prints figures and exits 0 unless something
 * failed. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "unknot-pain-stats.h"
#include "unknot-store.h"

#define N_ENTRIES 100000
#define YEARS 3
#define N_SESSIONS 1500
#define PAGE 50
#define ROUNDS 3
#define ROUND_MS 1000
#define TICK_MS 1

static const char * const routines[][2] = {
  { "ball-shoulder-blades", "Tennis ball: shoulder blades" },
  { "hands-neck-shoulders", "Hands: neck and shoulders" },
  { "roller-thoracic", "Roller: upper back" },
  { "desk-break", "Two-minute desk break" },
  { "ball-chest", "Tennis ball: chest" },
  { "cane-trapezius", "Cane: top of the shoulders" },
};

static const char * const own_tags[] = {
  "long drive", "gardening", "new pillow", "moving house", "cold weather", "gym 🏋️",
};

/* Waiting for the store */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (slot);
}

static void
die (const char *doing,
     GError     *error)
{
  g_printerr ("pain-store: %s: %s\n", doing, error->message);
  exit (1);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Making a history */

static UnknotPainEntry *
random_entry (GRand     *rand,
              GDateTime *start,
              gint64     span_seconds,
              int       *level)
{
  UnknotPainEntry *entry = unknot_pain_entry_new ();
  gint64 at = g_rand_int_range (rand, 0, (gint32) MIN (span_seconds, G_MAXINT32));
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  guint n_regions = (guint) g_rand_int_range (rand, 0, 4);

  g_date_time_unref (entry->time);
  entry->time = g_date_time_add_seconds (start, (double) at);
  /* A level that wanders, as pain does, with each entry near it.  (CLAMP
   * evaluates its argument more than once: no g_rand calls inside it.) */
  int step = g_rand_int_range (rand, -1, 2);
  int spread = g_rand_int_range (rand, -2, 3);

  *level = CLAMP (*level + step, 1, 8);
  entry->pain = CLAMP (*level + spread, 0, 10);
  entry->interference = g_rand_int_range (rand, 0, 3) == 0 ? -1 : CLAMP (entry->pain - 1, 0, 10);
  for (guint i = 0; i < n_regions; i++)
    entry->regions |= unknot_pain_region_nth ((guint) g_rand_int_range (rand, 0, UNKNOT_PAIN_N_REGIONS));
  if (g_rand_int_range (rand, 0, 3) == 0)
    g_strv_builder_add (tags, unknot_pain_tag_builtin_ids ()[g_rand_int_range (rand, 0, 7)]);
  if (g_rand_int_range (rand, 0, 10) == 0)
    g_strv_builder_add (tags, own_tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (own_tags))]);
  g_strfreev (entry->tags);
  entry->tags = g_strv_builder_end (tags);
  if (g_rand_int_range (rand, 0, 10) == 0)
    entry->note = g_strdup_printf ("Stiff after %s, eased by the evening.",
                                   g_rand_boolean (rand) ? "a long day at the desk" : "sleeping badly");
  return entry;
}

typedef struct
{
  double fill_ms;
  double sessions_ms;
} FillTimes;

/* Sessions with before/after ratings, then the rest as plain entries, all
 * between @start and @start + 3 years. */
static void
fill (UnknotStore *store,
      GDateTime   *start,
      FillTimes   *times)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240603);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  gint64 span = (gint64) YEARS * 365 * 24 * 3600;
  g_autoptr(GError) error = NULL;
  int level = 4;
  gint64 begun = g_get_monotonic_time ();

  /* Sessions one by one, as the app records them: each a commit. */
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (routines));
      g_autoptr(GDateTime) started = g_date_time_add_seconds (start, (double) g_rand_int_range (rand, 0, (gint32) span));
      g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 8);
      g_autoptr(GAsyncResult) result = NULL;
      GAsyncResult *slot = NULL;
      gint64 session;
      UnknotPainEntry *before = unknot_pain_entry_new ();
      UnknotPainEntry *after;
      int relief;

      unknot_store_begin_session_async (store, routines[r][0], routines[r][1], 6, started, NULL, got_result_cb, &slot);
      result = wait_for (&slot);
      session = unknot_store_begin_session_finish (store, result, &error);
      if (session <= 0)
        die ("recording a session", error);
      g_clear_object (&result);
      unknot_store_end_session_async (store, session, UNKNOT_SESSION_OUTCOME_COMPLETED, NULL, ended, 480, 6,
                                      NULL, got_result_cb, &slot);
      result = wait_for (&slot);
      if (!unknot_store_end_session_finish (store, result, &error))
        die ("ending a session", error);

      g_date_time_unref (before->time);
      before->time = g_date_time_add_minutes (started, -1);
      before->pain = g_rand_int_range (rand, 3, 9);
      before->session_id = session;
      before->phase = UNKNOT_PAIN_PHASE_BEFORE;
      after = unknot_pain_entry_copy (before);
      g_date_time_unref (after->time);
      after->time = g_date_time_add_minutes (started, 9);
      relief = g_rand_int_range (rand, -1, 4) + (int) (r % 2);
      after->pain = CLAMP (before->pain - relief, 0, 10);
      after->phase = UNKNOT_PAIN_PHASE_AFTER;
      g_ptr_array_add (entries, before);
      g_ptr_array_add (entries, after);
    }
  times->sessions_ms = ms_since (begun);

  while (entries->len < N_ENTRIES)
    g_ptr_array_add (entries, random_entry (rand, start, span, &level));

  begun = g_get_monotonic_time ();
  {
    g_autoptr(GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    unknot_store_add_pain_entries_async (store, entries, NULL, got_result_cb, &slot);
    result = wait_for (&slot);
    if (unknot_store_add_pain_entries_finish (store, result, &error) != N_ENTRIES)
      die ("saving the entries", error);
  }
  times->fill_ms = ms_since (begun);
}

static int
fill_main (const char *data_home)
{
  g_autofree char *folder = g_build_filename (data_home, "unknot", NULL);
  g_autofree char *path = g_build_filename (folder, "unknot.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_years (now, -YEARS);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  FillTimes times;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("pain-store: %s already exists; it is left alone. Give an empty XDG_DATA_HOME.\n", path);
      return 1;
    }
  store = unknot_store_new (file);
  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  if (!unknot_store_open_finish (store, result, &error))
    die ("opening", error);
  fill (store, start, &times);
  g_print ("Wrote %d pain entries (%d sessions rated before and after) over %d years to %s\n",
           N_ENTRIES, N_SESSIONS, YEARS, path);
  return 0;
}

/* Measuring */

typedef struct
{
  gint64  last;
  GArray *gaps;   /* double ms between ticks */
} Ticker;

static gboolean
tick_cb (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();
  double gap = (now - ticker->last) / 1000.0;

  g_array_append_val (ticker->gaps, gap);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  fraction)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return NAN;
  return g_array_index (values, double, MIN (values->len - 1, (guint) (fraction * values->len)));
}

/* A plain GLib main loop with the same timer and nothing else, for
 * @duration_ms: what "not blocked" looks like on this machine just now.
 * The gaps go to @gaps. */
static void
baseline_loop (double  duration_ms,
               GArray *gaps)
{
  Ticker ticker = { g_get_monotonic_time (), gaps };
  guint id = g_timeout_add (TICK_MS, tick_cb, &ticker);
  gint64 until = g_get_monotonic_time () + (gint64) (duration_ms * 1000);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

typedef struct
{
  double  total_ms;
  double  max_call_ms;       /* inside add_async, on the main thread */
  double  max_callback_ms;   /* inside the finish callback */
  GArray *save_ms;           /* add_async to its callback */
} Saves;

typedef struct
{
  UnknotStore *store;
  Saves       *saves;
  gint64       until;
  gboolean     busy;
  gint64       started;
  GRand       *rand;
  GDateTime   *start;
} SaveRun;

static void save_next (SaveRun *run);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRun *run = user_data;
  gint64 begun = g_get_monotonic_time ();
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(GError) error = NULL;
  double save_ms = (begun - run->started) / 1000.0;

  saved = unknot_store_add_pain_entry_finish (UNKNOT_STORE (source), result, &error);
  if (saved == NULL)
    die ("saving one entry", error);
  g_array_append_val (run->saves->save_ms, save_ms);
  run->saves->max_callback_ms = MAX (run->saves->max_callback_ms, ms_since (begun));
  run->busy = FALSE;
  if (g_get_monotonic_time () < run->until)
    save_next (run);
}

static void
save_next (SaveRun *run)
{
  int level = 4;
  g_autoptr(UnknotPainEntry) entry = random_entry (run->rand, run->start, 3600, &level);
  gint64 begun = g_get_monotonic_time ();

  run->started = begun;
  run->busy = TRUE;
  unknot_store_add_pain_entry_async (run->store, entry, NULL, saved_cb, run);
  run->saves->max_call_ms = MAX (run->saves->max_call_ms, ms_since (begun));
}

/* Saves entries one after another for @duration_ms, each as soon as the
 * last is saved (far more often than a user taps "Save"), with the 1 ms
 * timer running.  The gaps go to @gaps. */
static void
saving_loop (UnknotStore *store,
             double       duration_ms,
             Saves       *saves,
             GArray      *gaps)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  Ticker ticker = { g_get_monotonic_time (), gaps };
  SaveRun run = { store, saves, g_get_monotonic_time () + (gint64) (duration_ms * 1000), FALSE, 0, rand, start };
  guint id = g_timeout_add (TICK_MS, tick_cb, &ticker);
  gint64 begun = g_get_monotonic_time ();

  save_next (&run);
  while (run.busy)
    g_main_context_iteration (NULL, TRUE);
  saves->total_ms += ms_since (begun);
  g_source_remove (id);
}

/* Each runs one query to completion and returns how many rows or days it
 * gave back. */
typedef guint (*QueryFunc) (UnknotStore *store, gconstpointer data);

/* The median of @repeats runs, in ms. */
static double
time_query (UnknotStore   *store,
            QueryFunc      query,
            gconstpointer  data,
            guint          repeats,
            guint         *n_results)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < repeats; i++)
    {
      gint64 begun = g_get_monotonic_time ();
      guint n = query (store, data);
      double ms = ms_since (begun);

      g_array_append_val (times, ms);
      if (n_results != NULL)
        *n_results = n;
    }
  return percentile (times, 0.5);
}

static guint
list_query (UnknotStore   *store,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_list_pain_entries_async (store, data, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  entries = unknot_store_list_pain_entries_finish (store, result, &error);
  if (entries == NULL)
    die ("listing", error);
  return entries->len;
}

static guint
count_query (UnknotStore   *store,
             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 count;

  unknot_store_count_pain_entries_async (store, data, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  count = unknot_store_count_pain_entries_finish (store, result, &error);
  if (count < 0)
    die ("counting", error);
  return (guint) count;
}

typedef struct
{
  GDate first;
  GDate last;
} Days;

static guint
daily_query (UnknotStore   *store,
             gconstpointer  data)
{
  const Days *days = data;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) series = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_pain_daily_async (store, &days->first, &days->last, 0, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  series = unknot_store_pain_daily_finish (store, result, &error);
  if (series == NULL)
    die ("the trend", error);
  return series->len;
}

static guint
adherence_query (UnknotStore   *store,
                 gconstpointer  data)
{
  const Days *days = data;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) calendar = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_adherence_async (store, &days->first, &days->last, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  calendar = unknot_store_adherence_finish (store, result, &error);
  if (calendar == NULL)
    die ("the adherence calendar", error);
  return calendar->len;
}

static guint
before_after_query (UnknotStore   *store,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) effects = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_pain_before_after_async (store, NULL, NULL, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  effects = unknot_store_pain_before_after_finish (store, result, &error);
  if (effects == NULL)
    die ("before and after", error);
  return effects->len;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);

      g_remove (child);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_years (now, -YEARS);
  g_autoptr(GDateTime) middle = g_date_time_add_days (now, -(YEARS * 365) / 2);
  g_autoptr(UnknotPainEntry) deep = unknot_pain_entry_new ();
  GAsyncResult *slot = NULL;
  FillTimes fill_times;
  Saves saves = { 0, 0, 0, NULL };
  g_autoptr(GArray) saving_gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_gaps = g_array_new (FALSE, FALSE, sizeof (double));
  double saving_max, saving_p99, saving_p999, plain_max, plain_p99, plain_p999;
  UnknotPainQuery page = { .limit = PAGE };
  UnknotPainQuery deep_page = { .limit = PAGE, .after = deep };
  UnknotPainQuery everything = { 0 };
  static const char * const tag_filter[] = { "stress", NULL };
  UnknotPainQuery by_region_and_tag = { .limit = PAGE, .regions = UNKNOT_PAIN_REGION_NECK_LEFT, .tags = tag_filter };
  Days all_days, month;
  double ms;
  guint n = 0;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--fill"))
    return fill_main (argv[2]);
  if (argc != 1)
    {
      g_printerr ("Usage: pain-store                       measure, in a temporary database\n"
                  "       pain-store --fill XDG_DATA_HOME  write a 100,000-entry history there\n");
      return 2;
    }

  folder = g_dir_make_tmp ("unknot-bench-pain-XXXXXX", &error);
  if (folder == NULL)
    die ("making a folder", error);
  path = g_build_filename (folder, "unknot.db", NULL);
  file = g_file_new_for_path (path);
  store = unknot_store_new (file);
  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  if (!unknot_store_open_finish (store, result, &error))
    die ("opening", error);

  g_print ("Pain log: %d entries over %d years, %d of them rated before/after %d sessions\n",
           N_ENTRIES, YEARS, 2 * N_SESSIONS, N_SESSIONS);
  g_print ("SQLite %s, synchronous=FULL, in %s\n\n", sqlite3_libversion (), folder);

  fill (store, start, &fill_times);
  g_print ("Filling\n");
  g_print ("  %d sessions, begin + end each (2 commits)   %8.1f ms  (%.2f ms a commit)\n",
           N_SESSIONS, fill_times.sessions_ms, fill_times.sessions_ms / (2 * N_SESSIONS));
  g_print ("  %d entries in one transaction          %8.1f ms  (%.1f µs an entry)\n",
           N_ENTRIES, fill_times.fill_ms, fill_times.fill_ms * 1000 / N_ENTRIES);
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      g_print ("  database size                               %8.1f MiB\n", st.st_size / 1048576.0);
  }

  g_print ("\nHistory (median of 5, from add_async to the callback)\n");
  ms = time_query (store, list_query, &page, 5, &n);
  g_print ("  newest page of %d                           %8.2f ms  (%u entries)\n", PAGE, ms, n);
  g_date_time_unref (deep->time);
  deep->time = g_date_time_ref (middle);
  deep->id = G_MAXINT64;
  ms = time_query (store, list_query, &deep_page, 5, &n);
  g_print ("  a page of %d from 18 months back            %8.2f ms  (%u entries)\n", PAGE, ms, n);
  ms = time_query (store, list_query, &by_region_and_tag, 5, &n);
  g_print ("  page of %d, one region and one tag          %8.2f ms  (%u entries)\n", PAGE, ms, n);
  ms = time_query (store, count_query, &everything, 5, &n);
  g_print ("  count of all                                %8.2f ms  (%u)\n", ms, n);
  ms = time_query (store, list_query, &everything, 3, &n);
  g_print ("  every entry (median of 3)                   %8.2f ms  (%u entries)\n", ms, n);

  g_print ("\nStatistics (median of 5)\n");
  unknot_pain_stats_last_days (now, YEARS * 365 + 1, &all_days.first, &all_days.last);
  unknot_pain_stats_last_days (now, 30, &month.first, &month.last);
  ms = time_query (store, daily_query, &all_days, 5, &n);
  g_print ("  daily trend + 7-day average, 3 years        %8.2f ms  (%u days)\n", ms, n);
  ms = time_query (store, daily_query, &month, 5, &n);
  g_print ("  daily trend + 7-day average, 30 days        %8.2f ms  (%u days)\n", ms, n);
  ms = time_query (store, before_after_query, NULL, 5, &n);
  g_print ("  before/after per routine, all sessions      %8.2f ms  (%u routines)\n", ms, n);
  ms = time_query (store, adherence_query, &all_days, 5, &n);
  g_print ("  adherence calendar, 3 years                 %8.2f ms  (%u days)\n", ms, n);

  /* Saving while the main loop should stay free, in rounds that take
   * turns with the plain loop, so both see the same machine. */
  saves.save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint round = 0; round < ROUNDS; round++)
    {
      saving_loop (store, ROUND_MS, &saves, saving_gaps);
      baseline_loop (ROUND_MS, plain_gaps);
    }
  saving_p99 = percentile (saving_gaps, 0.99);
  saving_p999 = percentile (saving_gaps, 0.999);
  saving_max = percentile (saving_gaps, 1.0);
  plain_p99 = percentile (plain_gaps, 0.99);
  plain_p999 = percentile (plain_gaps, 0.999);
  plain_max = percentile (plain_gaps, 1.0);

  g_print ("\nMain loop while saving entries back to back, %d rounds of %d ms, 1 ms timer\n", ROUNDS, ROUND_MS);
  g_print ("  %u saves; add_async to callback: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
           saves.save_ms->len, percentile (saves.save_ms, 0.5), percentile (saves.save_ms, 0.99),
           percentile (saves.save_ms, 1.0));
  g_print ("  main thread inside add_async                max %6.3f ms\n", saves.max_call_ms);
  g_print ("  main thread inside the finish callback      max %6.3f ms\n", saves.max_callback_ms);
  g_print ("  timer gaps while saving   p99 %6.2f ms  p99.9 %6.2f ms  max %6.2f ms  (%u ticks)\n",
           saving_p99, saving_p999, saving_max, saving_gaps->len);
  g_print ("  timer gaps, plain loop    p99 %6.2f ms  p99.9 %6.2f ms  max %6.2f ms  (%u ticks)\n",
           plain_p99, plain_p999, plain_max, plain_gaps->len);
  g_print ("  ratio, saving / plain     p99 %6.2f     p99.9 %6.2f     max %6.2f\n",
           saving_p99 / plain_p99, saving_p999 / plain_p999, saving_max / plain_max);
  g_print ("  longest block beyond the tick while saving: %.2f ms; a 60 Hz frame is 16.7 ms: %s\n",
           saving_max - TICK_MS, saving_max - TICK_MS < 16.7 ? "never blocked" : "BLOCKED A FRAME");

  g_array_unref (saves.save_ms);
  g_clear_object (&store);
  remove_folder (folder);
  return 0;
}
