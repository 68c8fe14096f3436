/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Insights and the data-management UI under Xvfb, on a temporary store
 * filled through its API: the words beside each chart for a history built
 * by hand, CSV export and import (with its preview), "Delete All My Data",
 * and the dialog for a damaged database.
 *
 * With UNKNOT_SHOTS_DIR set, each screen is also saved there as a PNG
 * (import -window root; run under xvfb-run -s "-screen 0 1400x900x24"). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "data/unknot-broken-store.h"
#include "data/unknot-data-manager.h"
#include "data/unknot-import-preview.h"
#include "pain/unknot-chart-widget.h"
#include "pain/unknot-insights-page.h"
#include "pain/unknot-report-dialog.h"
#include "unknot-pain-csv.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *dir;
  GFile                *store_file;
  UnknotStore          *store;
  UnknotClock          *clock;
  UnknotRoutineLibrary *library;
  UnknotWindow         *window;
} Fixture;

/* Like wait_until(), with room for a store and a window under
 * AddressSanitizer on a shared, busy machine: a full reload of the view is
 * five queries and a frame. */
static void
wait_long (gboolean (*condition) (gpointer),
           gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Every async call here is waited for the same way. */
typedef struct
{
  gboolean  done;
  GObject  *source;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->source = source;
  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

static GAsyncResult *
wait_result (Wait *wait)
{
  wait_long (wait_done, wait);
  return wait->result;
}

static void
make_window (Fixture *fixture)
{
  g_autoptr(GFile) routines = g_file_new_build_filename (fixture->dir, "routines", NULL);

  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, routines);
  fixture->window = unknot_window_new (NULL, fixture->library, NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  unknot_window_set_session_services (fixture->window, fixture->clock, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_long (widget_is_mapped, fixture->window);
  drain ();
}

/* "Today" is Monday 31 March 2025, 18:00 UTC (TZ=UTC, set in main). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 3, 31, 18, 0, 0);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("unknot-insights-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "unknot.db", NULL);
  fixture->store_file = g_file_new_for_path (path);
  fixture->clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC, now);
  fixture->store = unknot_store_new (fixture->store_file);
  if (data == NULL)
    {
      open_store (fixture->store);
      make_window (fixture);
    }
}

static void
close_other_windows (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_other_windows (fixture);
  if (fixture->window != NULL)
    {
      /* It may outlive the fixture by a moment (a read under way). */
      g_object_remove_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  drain ();
  unknot_store_flush (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->store_file);
  delete_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Screenshots, when asked for. */
static void
shot (Fixture    *fixture,
      const char *name)
{
  const char *dir = g_getenv ("UNKNOT_SHOTS_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dir == NULL)
    return;
  /* Let every frame settle: spinners stop, charts draw. */
  for (int i = 0; i < 30; i++)
    {
      drain ();
      g_usleep (10000);
    }
  path = g_strdup_printf ("%s/insights-%s-%s.png", dir, name,
                          adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "dark" : "light");
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
}

/* Filling the history */

static GDateTime *
at (int year, int month, int day, int hour)
{
  return g_date_time_new_local (year, month, day, hour, 0, 0);
}

static UnknotPainEntry *
add_entry_full (Fixture    *fixture,
                GDateTime  *time,
                int         pain,
                guint       regions,
                const char *tag,
                const char *note,
                gint64      session_id,
                UnknotPainPhase phase)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *tags[] = { tag, NULL };
  Wait wait = { 0 };
  UnknotPainEntry *saved;

  g_date_time_unref (entry->time);
  entry->time = g_date_time_ref (time);
  entry->pain = pain;
  entry->regions = regions;
  unknot_pain_entry_set_tags (entry, tag != NULL ? tags : NULL);
  entry->note = g_strdup (note);
  entry->session_id = session_id;
  entry->phase = phase;
  unknot_store_add_pain_entry_async (fixture->store, entry, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  saved = unknot_store_add_pain_entry_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return saved;
}

static void
add_entry (Fixture *fixture,
           int      month,
           int      day,
           int      pain)
{
  g_autoptr(GDateTime) time = at (2025, month, day, 9);
  g_autoptr(UnknotPainEntry) entry = add_entry_full (fixture, time, pain, 0, NULL, NULL, 0, UNKNOT_PAIN_PHASE_NONE);
}

static gint64
add_session (Fixture    *fixture,
             const char *routine_id,
             const char *title,
             GDateTime  *started)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) ended = NULL;
  g_autoptr(GDateTime) end_time = g_date_time_add_minutes (started, 8);
  Wait wait = { 0 }, end_wait = { 0 };
  gint64 id;

  unknot_store_begin_session_async (fixture->store, routine_id, title, 5, started, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  id = unknot_store_begin_session_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  unknot_store_end_session_async (fixture->store, id, UNKNOT_SESSION_OUTCOME_COMPLETED, NULL, end_time, 480, 5,
                                  NULL, wait_cb, &end_wait);
  ended = wait_result (&end_wait);
  g_assert_true (unknot_store_end_session_finish (fixture->store, ended, &error));
  return id;
}

/* A session with pain rated before and after it. */
static void
add_paired_session (Fixture    *fixture,
                    const char *routine_id,
                    const char *title,
                    int         day,
                    int         before,
                    int         after)
{
  g_autoptr(GDateTime) started = at (2025, 3, day, 12);
  g_autoptr(GDateTime) after_time = g_date_time_add_minutes (started, 10);
  gint64 id = add_session (fixture, routine_id, title, started);
  g_autoptr(UnknotPainEntry) b = add_entry_full (fixture, started, before, 0, NULL, NULL, id, UNKNOT_PAIN_PHASE_BEFORE);
  g_autoptr(UnknotPainEntry) a = add_entry_full (fixture, after_time, after, 0, NULL, NULL, id, UNKNOT_PAIN_PHASE_AFTER);
}

static void
add_reminder (Fixture    *fixture,
              const char *kind,
              GDateTime  *time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { 0 };

  unknot_store_add_reminder_event_async (fixture->store, kind, NULL, time, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  g_assert_true (unknot_store_add_reminder_event_finish (fixture->store, result, &error));
}

static gint64
count_entries (Fixture *fixture)
{
  UnknotPainQuery everything = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { 0 };
  gint64 n;

  unknot_store_count_pain_entries_async (fixture->store, &everything, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  n = unknot_store_count_pain_entries_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return n;
}

/* The Insights view */

static UnknotInsightsPage *
insights (Fixture *fixture)
{
  return fixture->window->insights_page;
}

static gboolean
insights_settled (gpointer data)
{
  UnknotInsightsPage *page = data;

  return !unknot_insights_page_is_loading (page) && !g_str_equal (unknot_insights_page_get_state (page), "loading");
}

static void
show_insights (Fixture *fixture)
{
  adw_view_stack_set_visible_child_name (fixture->window->views, "insights");
  wait_long (widget_is_mapped, insights (fixture));
  wait_long (insights_settled, insights (fixture));
  drain ();
}

static gboolean
is_chart_of_kind (GtkWidget     *widget,
                  gconstpointer  kind)
{
  return UNKNOT_IS_CHART (widget) && unknot_chart_get_kind (UNKNOT_CHART (widget)) == (UnknotChartKind) GPOINTER_TO_INT (kind);
}

static UnknotChart *
chart (Fixture         *fixture,
       UnknotChartKind  kind)
{
  GtkWidget *found = find_widget (GTK_WIDGET (insights (fixture)), is_chart_of_kind, GINT_TO_POINTER (kind));

  g_assert_nonnull (found);
  return UNKNOT_CHART (found);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  /* Nothing is built, so nothing is read, until the view is shown. */
  g_assert_null (insights (fixture));

  show_insights (fixture);
  g_assert_cmpstr (unknot_insights_page_get_state (insights (fixture)), ==, "empty");
  g_assert_nonnull (find_widget (GTK_WIDGET (insights (fixture)), is_shown_label, "No Insights Yet"));
  shot (fixture, "empty");
}

static void
fill_trend (Fixture *fixture)
{
  /* Outside the last 30 days. */
  add_entry (fixture, 2, 1, 9);
  /* First week of the 30 days (2–8 March): day means 5, 6, 5, 4. */
  add_entry (fixture, 3, 2, 6);
  add_entry (fixture, 3, 2, 4);
  add_entry (fixture, 3, 3, 6);
  add_entry (fixture, 3, 5, 5);
  add_entry (fixture, 3, 8, 4);
  add_entry (fixture, 3, 20, 3);
  /* Last week (25–31 March): 4, 2, 3. */
  add_entry (fixture, 3, 25, 4);
  add_entry (fixture, 3, 28, 2);
  add_entry (fixture, 3, 31, 3);
}

static void
test_trend_summary (Fixture       *fixture,
                    gconstpointer  data)
{
  UnknotChart *trend;
  const char *caption;

  fill_trend (fixture);
  show_insights (fixture);
  g_assert_cmpstr (unknot_insights_page_get_state (insights (fixture)), ==, "content");
  g_assert_cmpint (unknot_insights_page_get_range (insights (fixture)), ==, UNKNOT_INSIGHTS_RANGE_MONTH);

  /* Days with entries alike: (5 + 6 + 5 + 4 + 3 + 4 + 2 + 3) / 8 = 4.0;
   * first week (5 + 6 + 5 + 4) / 4 = 5.0; last week (4 + 2 + 3) / 3 = 3.0. */
  trend = chart (fixture, UNKNOT_CHART_KIND_TREND);
  caption = "Last 30 days: average 4.0 on 8 days with entries, from 5.0 in the first week to 3.0 in the last.";
  g_assert_cmpstr (unknot_chart_get_description (trend), ==, caption);
  g_assert_nonnull (find_widget (GTK_WIDGET (insights (fixture)), is_shown_label, caption));
  shot (fixture, "trend");

  /* The range buttons are one group: pressing one switches the others off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (insights (fixture)), "insights.range", "s", "week"));
  wait_long (insights_settled, insights (fixture));
  drain ();
  g_assert_cmpint (unknot_insights_page_get_range (insights (fixture)), ==, UNKNOT_INSIGHTS_RANGE_WEEK);
  g_assert_cmpstr (unknot_chart_get_description (trend), ==, "Last 7 days: average 3.0 on 3 days with entries.");

  /* Everything, from the first entry: (9 + 32) / 9 = 4.6; first week 9.0. */
  unknot_insights_page_set_range (insights (fixture), UNKNOT_INSIGHTS_RANGE_ALL);
  wait_long (insights_settled, insights (fixture));
  drain ();
  g_assert_cmpstr (unknot_chart_get_description (trend), ==,
                   "Since 1 February 2025: average 4.6 on 9 days with entries, from 9.0 in the first week to 3.0 in the last.");
  shot (fixture, "trend-all");

  /* A narrow window still shows every chart. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 860);
  unknot_insights_page_set_range (insights (fixture), UNKNOT_INSIGHTS_RANGE_MONTH);
  wait_long (insights_settled, insights (fixture));
  shot (fixture, "narrow");
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static const char *
row_subtitle (Fixture    *fixture,
              const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (insights (fixture)), is_action_row_titled, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_before_after (Fixture       *fixture,
                   gconstpointer  data)
{
  static const int roller_before[] = { 5, 5, 6, 6, 5 };
  static const int roller_after[] = { 4, 5, 5, 5, 4 };

  /* 6 → 4, 5 → 3, 7 → 5: 2.0 points less, meaningful. */
  add_paired_session (fixture, "ball-shoulder-blades", "Tennis ball for the shoulder blades", 10, 6, 4);
  add_paired_session (fixture, "ball-shoulder-blades", "Tennis ball for the shoulder blades", 11, 5, 3);
  add_paired_session (fixture, "ball-shoulder-blades", "Tennis ball for the shoulder blades", 12, 7, 5);
  /* Two sessions only. */
  add_paired_session (fixture, "hands-neck-shoulders", "Hands for the neck and shoulders", 13, 5, 4);
  add_paired_session (fixture, "hands-neck-shoulders", "Hands for the neck and shoulders", 14, 4, 4);
  /* 5.4 → 4.6: 0.8 points (15 %), under the threshold. */
  for (guint i = 0; i < G_N_ELEMENTS (roller_before); i++)
    add_paired_session (fixture, "roller-thoracic", "Foam roller for the upper back", 15 + (int) i,
                        roller_before[i], roller_after[i]);

  show_insights (fixture);
  g_assert_cmpstr (unknot_insights_page_get_state (insights (fixture)), ==, "content");
  g_assert_cmpstr (row_subtitle (fixture, "Tennis ball for the shoulder blades"), ==,
                   "Lowered your pain by 2.0 points on average over 3 sessions — a change that usually counts as meaningful");
  g_assert_cmpstr (row_subtitle (fixture, "Foam roller for the upper back"), ==,
                   "Lowered your pain by 0.8 points on average over 5 sessions — "
                   "smaller than the 2-point change that usually counts as meaningful");
  g_assert_cmpstr (row_subtitle (fixture, "Hands for the neck and shoulders"), ==,
                   "Not enough data yet (2 sessions; 3 needed)");
  g_assert_nonnull (find_widget (GTK_WIDGET (insights (fixture)), is_shown_label, "6.0 → 4.0"));
  g_assert_nonnull (strstr (unknot_chart_get_description (chart (fixture, UNKNOT_CHART_KIND_EFFECT)),
                            "Tennis ball for the shoulder blades: Lowered your pain by 2.0 points"));
  shot (fixture, "before-after");
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) march3 = at (2025, 3, 3, 10);
  g_autoptr(GDateTime) march3_later = at (2025, 3, 3, 15);
  g_autoptr(GDateTime) march10 = at (2025, 3, 10, 10);
  g_autoptr(GDateTime) today = at (2025, 3, 31, 8);
  g_autoptr(GDateTime) long_ago = at (2024, 12, 1, 8);
  const char *expected;

  add_session (fixture, "desk-break", "Desk break", march3);
  add_session (fixture, "desk-break", "Desk break", march3_later);
  add_session (fixture, "desk-break", "Desk break", march10);
  add_session (fixture, "desk-break", "Desk break", today);
  /* Before the twelve weeks. */
  add_session (fixture, "desk-break", "Desk break", long_ago);
  add_reminder (fixture, "due", march3);
  add_reminder (fixture, "due", march3_later);
  add_reminder (fixture, "taken", march3_later);

  show_insights (fixture);
  /* Twelve weeks from Monday 13 January to today, Monday 31 March: 78 days. */
  expected = "In the last 12 weeks: 4 sessions on 3 of 78 days; 1 of 2 break reminders taken.";
  g_assert_cmpstr (unknot_chart_get_description (chart (fixture, UNKNOT_CHART_KIND_CALENDAR)), ==, expected);
  g_assert_nonnull (find_widget (GTK_WIDGET (insights (fixture)), is_shown_label, expected));
  /* With no pain rated, the before/after section says how to get one. */
  g_assert_nonnull (find_widget (GTK_WIDGET (insights (fixture)), is_shown_label,
                                 "Rate your pain before and after a session to see what each routine does for you."));
}

/* Everything at once, for the screenshots of the whole view. */
static void
test_full_view (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (int day = 1; day <= 31; day++)
    {
      g_autoptr(GDateTime) time = at (2025, 3, day, 9);
      int pain = CLAMP (7 - day / 6 + g_rand_int_range (rand, -1, 2), 0, 10);
      g_autoptr(UnknotPainEntry) entry = NULL;

      if (day % 5 == 4)
        continue;
      entry = add_entry_full (fixture, time, pain, UNKNOT_PAIN_REGION_SHOULDER_LEFT, "desk-work", NULL, 0,
                              UNKNOT_PAIN_PHASE_NONE);
    }
  for (int day = 3; day <= 28; day += 3)
    add_paired_session (fixture, "ball-shoulder-blades", "Tennis ball for the shoulder blades", day,
                        6 - day / 10, 4 - day / 10);
  add_paired_session (fixture, "hands-neck-shoulders", "Hands for the neck and shoulders", 20, 5, 4);
  for (int day = 2; day <= 30; day += 4)
    {
      g_autoptr(GDateTime) time = at (2025, 3, day, 15);
      add_reminder (fixture, "due", time);
      if (day % 8 == 2)
        add_reminder (fixture, "taken", time);
    }
  show_insights (fixture);
  g_assert_cmpstr (unknot_insights_page_get_state (insights (fixture)), ==, "content");
  shot (fixture, "full");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (chart (fixture, UNKNOT_CHART_KIND_CALENDAR)),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    shot (fixture, "full-bottom");
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 860);
    drain ();
    gtk_adjustment_set_value (adjustment, 0);
    shot (fixture, "full-narrow");
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    shot (fixture, "full-narrow-bottom");
  }
}

/* Export and import */

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) first = g_date_time_new (plus_one, 2025, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) second = at (2025, 3, 3, 20);
  g_autoptr(UnknotPainEntry) a = add_entry_full (fixture, first, 6,
                                                 UNKNOT_PAIN_REGION_SHOULDER_LEFT | UNKNOT_PAIN_REGION_UPPER_BACK_LEFT,
                                                 "desk-work", "Stiff, after the long drive", 0, UNKNOT_PAIN_PHASE_NONE);
  g_autoptr(UnknotPainEntry) b = add_entry_full (fixture, second, 3, 0, NULL, "=1+1", 0, UNKNOT_PAIN_PHASE_NONE);
  g_autofree char *path = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  unknot_data_export_csv (GTK_WINDOW (fixture->window), fixture->store, file);
  wait_long (file_exists, path);
  unknot_store_flush (fixture->store);
  drain ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  /* Oldest first, in the time each was lived in; a note a spreadsheet
   * would run as a formula gets a leading "'". */
  g_assert_cmpstr (contents, ==,
                   "time,pain,interference,regions,tags,note,phase,routine\r\n"
                   "2025-03-02T09:00:00+01:00,6,,shoulder-left;upper-back-left,desk-work,\"Stiff, after the long drive\",none,\r\n"
                   "2025-03-03T20:00:00+00:00,3,,,,'=1+1,none,\r\n");
}

static UnknotImportPreview *
open_preview (Fixture    *fixture,
              const char *csv)
{
  g_autofree char *path = g_build_filename (fixture->dir, "import.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UnknotImportPreview *preview;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);
  preview = UNKNOT_IMPORT_PREVIEW (unknot_data_import_csv (GTK_WINDOW (fixture->window), fixture->store, file));
  g_assert_nonnull (preview);
  return preview;
}

static gboolean
preview_read (gpointer data)
{
  return !g_str_equal (unknot_import_preview_get_state (data), "busy");
}

static gboolean
is_label_with_class_shown (GtkWidget     *widget,
                           gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class) && gtk_widget_get_mapped (widget);
}

static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  UnknotImportPreview *preview;
  const char * const *problems;
  GtkWidget *label;

  add_entry (fixture, 3, 1, 4);
  preview = open_preview (fixture,
                          "time,pain,interference,regions,tags,note,phase,routine\r\n"
                          "2025-03-02T09:00:00Z,5,,,,,none,\r\n"
                          "2025-03-03T09:00:00Z,14,,,,,none,\r\n"
                          "2025-03-04T09:00:00Z,3,,elbow,,,none,\r\n");
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  wait_long (preview_read, preview);
  drain ();

  g_assert_cmpstr (unknot_import_preview_get_state (preview), ==, "problems");
  problems = unknot_import_preview_get_problems (preview);
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
  g_assert_true (g_str_has_prefix (problems[0], "line 3: "));
  g_assert_nonnull (strstr (problems[0], "0–10"));
  g_assert_true (g_str_has_prefix (problems[1], "line 4: "));
  /* Shown as the user reads them, and Import is off. */
  label = find_widget (GTK_WIDGET (preview), is_label_with_class_shown, "import-problem");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, problems[0]);
  g_assert_false (gtk_widget_is_sensitive (unknot_import_preview_get_import_button (preview)));
  /* Asking anyway does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.import", NULL);
  drain ();
  g_assert_cmpstr (unknot_import_preview_get_state (preview), ==, "problems");
  shot (fixture, "import-errors");

  /* Nothing was imported, even the good row. */
  unknot_store_flush (fixture->store);
  drain ();
  g_assert_cmpint (count_entries (fixture), ==, 1);
  gtk_window_close (GTK_WINDOW (preview));
  drain ();
  g_assert_null (preview);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_import_good_file (Fixture       *fixture,
                       gconstpointer  data)
{
  UnknotImportPreview *preview;

  add_entry (fixture, 3, 2, 5);
  show_insights (fixture);
  preview = open_preview (fixture,
                          "time,pain,interference,regions,tags,note,phase,routine\r\n"
                          "2025-03-02T09:00:00Z,5,,,,,none,\r\n"
                          "2025-03-20T09:00:00Z,3,2,shoulder-right,sport,Tennis,none,\r\n"
                          "2025-03-21T09:00:00Z,2,,,,,none,\r\n");
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  wait_long (preview_read, preview);
  drain ();

  g_assert_cmpstr (unknot_import_preview_get_state (preview), ==, "preview");
  g_assert_cmpuint (unknot_import_preview_get_n_entries (preview), ==, 3);
  g_assert_nonnull (find_widget (GTK_WIDGET (preview), is_shown_label, "3 entries to import from “import.csv”"));
  g_assert_true (gtk_widget_is_sensitive (unknot_import_preview_get_import_button (preview)));
  shot (fixture, "import-preview");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.import", NULL));
  wait_long (pointer_cleared, &preview);
  /* The row already in the log is skipped; the view follows. */
  g_assert_cmpint (count_entries (fixture), ==, 3);
  wait_long (insights_settled, insights (fixture));
  drain ();
  g_assert_nonnull (strstr (unknot_chart_get_description (chart (fixture, UNKNOT_CHART_KIND_TREND)),
                            "on 3 days with entries"));
}

/* Delete all */

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static gboolean
insights_empty (gpointer data)
{
  return insights_settled (data) && g_str_equal (unknot_insights_page_get_state (data), "empty");
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *check;
  g_autofree char *before_restore = g_build_filename (fixture->dir, "unknot.db.before-restore-20250101-000000", NULL);

  fill_trend (fixture);
  add_paired_session (fixture, "ball-shoulder-blades", "Tennis ball for the shoulder blades", 10, 6, 4);
  g_assert_true (g_file_set_contents (before_restore, "an old copy", -1, NULL));
  show_insights (fixture);
  g_assert_cmpstr (unknot_insights_page_get_state (insights (fixture)), ==, "content");

  dialog = ADW_MESSAGE_DIALOG (unknot_data_delete_all (GTK_WINDOW (fixture->window), fixture->store));
  drain ();
  /* Nothing happens before "I understand" is ticked. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  shot (fixture, "delete-all");
  check = find_widget (GTK_WIDGET (dialog), is_check_button, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  adw_message_dialog_response (dialog, "delete");

  wait_long (insights_empty, insights (fixture));
  g_assert_cmpint (count_entries (fixture), ==, 0);
  g_assert_false (g_file_test (before_restore, G_FILE_TEST_EXISTS));
  /* A fresh history works at once. */
  add_entry (fixture, 3, 31, 2);
  g_assert_cmpint (count_entries (fixture), ==, 1);
}

/* The report dialog: notes off unless turned on; Save makes the PDF. */
static gboolean
file_has_pdf (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 5 && g_str_has_prefix (contents, "%PDF-");
}

static void
test_report_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  UnknotReportDialog *dialog;
  UnknotReportOptions options;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GDate today;

  fill_trend (fixture);
  dialog = unknot_report_dialog_present (GTK_WINDOW (fixture->window), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  drain ();
  unknot_report_dialog_get_options (dialog, &options);
  g_assert_true (options.chart && options.sessions && options.regions && options.table);
  g_assert_false (options.notes);
  /* The last 30 days by default, today included. */
  g_date_clear (&today, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  }
  g_assert_cmpint (g_date_compare (&options.to, &today), ==, 0);
  g_assert_cmpint (g_date_days_between (&options.from, &options.to), ==, 29);
  shot (fixture, "report-dialog");

  unknot_report_dialog_save_to (dialog, file);
  wait_long (pointer_cleared, &dialog);
  g_assert_true (file_has_pdf (path));
}

/* A damaged database */

static gboolean
is_message_dialog_with_heading (GtkWidget     *widget,
                                gconstpointer  heading)
{
  return ADW_IS_MESSAGE_DIALOG (widget)
         && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (widget)), heading) == 0;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (is_message_dialog_with_heading (window, heading) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer heading)
{
  return find_dialog (heading) != NULL;
}

static char *
find_broken_copy (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "unknot.db.broken-") && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static void
test_broken_database (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char garbage[] = "This is not a database. \x01\x02\x03 It is a note someone saved here.\n";
  g_autofree char *path = g_file_get_path (fixture->store_file);
  g_autofree char *copy = NULL;
  g_autofree char *copy_contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  AdwMessageDialog *dialog;
  Wait wait = { 0 };
  gsize length;

  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage - 1, NULL));
  unknot_store_open_async (fixture->store, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  g_assert_false (unknot_store_open_finish (fixture->store, result, &error));
  g_assert_true (unknot_broken_store_error_matches (error));
  make_window (fixture);

  dialog = ADW_MESSAGE_DIALOG (unknot_broken_store_present (GTK_WINDOW (fixture->window), fixture->store, error));
  drain ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your History Could Not Be Opened");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_true (adw_message_dialog_has_response (dialog, "move"));
  g_assert_true (adw_message_dialog_has_response (dialog, "continue"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  /* Shown, the file is still as it was. */
  g_assert_true (g_file_get_contents (path, &copy_contents, &length, NULL));
  g_assert_cmpmem (copy_contents, length, garbage, sizeof garbage - 1);
  g_clear_pointer (&copy_contents, g_free);
  shot (fixture, "broken-database");

  adw_message_dialog_response (dialog, "move");
  wait_long (dialog_shown, (gpointer) "A Fresh History Was Started");
  /* The old file, byte for byte, under its new name, which is told. */
  copy = find_broken_copy (fixture->dir);
  g_assert_nonnull (copy);
  g_assert_true (g_file_get_contents (copy, &copy_contents, &length, NULL));
  g_assert_cmpmem (copy_contents, length, garbage, sizeof garbage - 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ("A Fresh History Was Started")), copy));
  shot (fixture, "broken-database-moved");
  /* And a working, empty history where it was. */
  g_assert_cmpint (count_entries (fixture), ==, 0);
  add_entry (fixture, 3, 31, 4);
  g_assert_cmpint (count_entries (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("unknot-ui-home-XXXXXX", NULL);
  int status;

  /* Days in the expected texts are UTC days; nothing touches the real
   * user's data. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/insights/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/insights/trend-summary", Fixture, NULL, fixture_set_up, test_trend_summary, fixture_tear_down);
  g_test_add ("/insights/before-after", Fixture, NULL, fixture_set_up, test_before_after, fixture_tear_down);
  g_test_add ("/insights/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/insights/full-view", Fixture, NULL, fixture_set_up, test_full_view, fixture_tear_down);
  g_test_add ("/data/export-csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/data/import-bad-file", Fixture, NULL, fixture_set_up, test_import_bad_file, fixture_tear_down);
  g_test_add ("/data/import-good-file", Fixture, NULL, fixture_set_up, test_import_good_file, fixture_tear_down);
  g_test_add ("/data/delete-all", Fixture, NULL, fixture_set_up, test_delete_all, fixture_tear_down);
  g_test_add ("/report/dialog", Fixture, NULL, fixture_set_up, test_report_dialog, fixture_tear_down);
  g_test_add ("/data/broken-database", Fixture, "broken", fixture_set_up, test_broken_database, fixture_tear_down);
  status = g_test_run ();
  delete_tree (data_home);
  return status;
}
