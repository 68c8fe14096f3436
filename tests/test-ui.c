/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window under Xvfb: what the user sees in the library, after a
 * search or a filter, on a routine's page, and around delete and import. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "unknot-preferences-window.h"
#include "unknot-routine-io.h"
#include "unknot-routine-row.h"
#include "unknot-step-row.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *data_home;
  GFile                *user_folder;
  UnknotRoutineLibrary *library;
  UnknotWindow         *window;
} Fixture;

static void
copy_fixture (const char *name,
              GFile      *folder,
              const char *as_name)
{
  g_autoptr(GFile) source = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
  g_autoptr(GFile) target = g_file_get_child (folder, as_name);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) illustrations = NULL;

  fixture->data_home = g_dir_make_tmp ("unknot-ui-XXXXXX", NULL);
  fixture->user_folder = g_file_new_build_filename (fixture->data_home, "unknot", "routines", NULL);
  illustrations = g_file_get_child (fixture->user_folder, "illustrations");
  g_assert_true (g_file_make_directory_with_parents (illustrations, NULL, NULL));
  copy_fixture ("good.json", fixture->user_folder, "good.json");
  copy_fixture ("illustrations/a.svg", illustrations, "a.svg");

  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, fixture->user_folder);
  fixture->window = unknot_window_new (NULL, fixture->library, NULL);
  /* Today is the first view; these tests start from the routines. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines");
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (widget_is_mapped, fixture->window);
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->user_folder);
  delete_tree (fixture->data_home);
  g_free (fixture->data_home);
}

/* The titles of the routine rows on screen, in order. */
static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (UNKNOT_IS_ROUTINE_ROW (widget))
    g_ptr_array_add (titles, (char *) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static char *
shown_titles (Fixture *fixture)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  drain ();
  collect_row_titles (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), titles);
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (char **) titles->pdata);
}

static const char *
page_title (Fixture *fixture)
{
  GtkWidget *label = find_widget (GTK_WIDGET (unknot_window_get_routine_page (fixture->window)),
                                  is_label_with_class, "title-1");

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
open_row (Fixture    *fixture,
          const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled, title);

  g_assert_nonnull (row);
  gtk_widget_activate (row);
  drain ();
}

/* The titles the library would show for @accept, in its order. */
static char *
expected_titles (Fixture   *fixture,
                 gboolean (*accept) (UnknotRoutine *, gconstpointer),
                 gconstpointer data)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (fixture->library);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (model, i);
      if (accept == NULL || accept (routine, data))
        g_ptr_array_add (titles, (char *) unknot_routine_get_title (routine));
    }
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (char **) titles->pdata);
}

static gboolean
has_tool (UnknotRoutine *routine,
          gconstpointer  tool)
{
  return unknot_routine_get_tool (routine) == (UnknotTool) GPOINTER_TO_INT (tool);
}

static gboolean
has_area (UnknotRoutine *routine,
          gconstpointer  area)
{
  return unknot_routine_has_area (routine, area);
}

static gboolean
matches (UnknotRoutine *routine,
         gconstpointer  text)
{
  return unknot_routine_matches (routine, text);
}

static void
test_library_lists_everything (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *titles = shown_titles (fixture);
  g_autofree char *expected = expected_titles (fixture, NULL, NULL);
  g_auto(GStrv) shown = g_strsplit (titles, "|", -1);
  GtkWidget *row;

  /* Every routine, built in or the user's, sorted by title. */
  g_assert_cmpstr (titles, ==, expected);
  g_assert_cmpuint (g_strv_length (shown), >=, 13);
  for (guint i = 1; shown[i] != NULL; i++)
    g_assert_cmpint (g_utf8_collate (shown[i - 1], shown[i]), <=, 0);
  g_assert_true (g_strv_contains ((const char * const *) shown, "Test routine"));
  g_assert_true (g_strv_contains ((const char * const *) shown, "Tennis ball for the shoulder blades"));

  /* Only the user's routine carries the "Yours" tag. */
  row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled, "Test routine");
  g_assert_nonnull (find_widget (row, is_label_with_class, "tag"));
  row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled,
                     "Hands for the neck and shoulders");
  g_assert_null (find_widget (row, is_label_with_class, "tag"));
}

static void
test_search_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  UnknotLibraryPage *page = unknot_window_get_library_page (fixture->window);
  char *titles;
  char *expected;

  /* The tool's name finds the ball routines and the user's; every word
   * must match. */
  unknot_library_page_set_search_text (page, "tennis");
  titles = shown_titles (fixture);
  expected = expected_titles (fixture, matches, "tennis");
  g_assert_cmpstr (titles, ==, expected);
  g_assert_nonnull (strstr (titles, "Tennis ball for the shoulder blades"));
  g_assert_nonnull (strstr (titles, "Test routine"));
  g_assert_null (strstr (titles, "Hands for the neck and shoulders"));
  g_free (titles);
  g_free (expected);

  unknot_library_page_set_search_text (page, "Tennis WALL shoulder blades");
  titles = shown_titles (fixture);
  g_assert_nonnull (strstr (titles, "Tennis ball for the shoulder blades"));
  g_assert_null (strstr (titles, "Test routine"));
  g_free (titles);

  unknot_library_page_set_search_text (page, "");
  unknot_library_page_set_filters (page, UNKNOT_TOOL_HAND, NULL);
  titles = shown_titles (fixture);
  expected = expected_titles (fixture, has_tool, GINT_TO_POINTER (UNKNOT_TOOL_HAND));
  g_assert_cmpstr (titles, ==, expected);
  g_assert_nonnull (strstr (titles, "Hands for the neck and shoulders"));
  g_assert_null (strstr (titles, "Tennis ball for the shoulder blades"));
  g_free (titles);
  g_free (expected);

  unknot_library_page_set_filters (page, -1, "thoracic");
  titles = shown_titles (fixture);
  expected = expected_titles (fixture, has_area, "thoracic");
  g_assert_cmpstr (titles, ==, expected);
  g_assert_nonnull (strstr (titles, "Foam roller for the upper back"));
  g_assert_null (strstr (titles, "Hands for the neck and shoulders"));
  g_free (titles);
  g_free (expected);

  /* Nothing matches: the empty state says so. */
  unknot_library_page_set_filters (page, -1, NULL);
  unknot_library_page_set_search_text (page, "zzzz");
  titles = shown_titles (fixture);
  g_assert_cmpstr (titles, ==, "");
  g_free (titles);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_shown_label, "No Routines Found"));

  unknot_library_page_set_search_text (page, "");
  titles = shown_titles (fixture);
  g_assert_cmpuint (strlen (titles), >, 0);
  g_free (titles);
  g_assert_null (find_widget (GTK_WIDGET (page), is_shown_label, "No Routines Found"));
}

static gboolean
is_step_row (GtkWidget     *widget,
             gconstpointer  data)
{
  return UNKNOT_IS_STEP_ROW (widget);
}

static guint
count_step_rows (GtkWidget *widget)
{
  guint n = UNKNOT_IS_STEP_ROW (widget) && gtk_widget_get_visible (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_step_rows (child);
  return n;
}

static gboolean
is_start_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Start") == 0;
}

static void
test_routine_page (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *routine_page = GTK_WIDGET (unknot_window_get_routine_page (fixture->window));
  GtkWidget *first_step;
  GtkWidget *start;
  guint n_routines;

  g_assert_false (gtk_widget_get_mapped (routine_page));
  open_row (fixture, "Tennis ball for the shoulder blades");
  g_assert_true (gtk_widget_get_mapped (routine_page));
  g_assert_cmpstr (page_title (fixture), ==, "Tennis ball for the shoulder blades");
  g_assert_cmpuint (count_step_rows (routine_page), ==, 5);

  first_step = find_widget (routine_page, is_step_row, NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_step)), ==, "1. Warm up your shoulders");

  start = find_widget (routine_page, is_start_button, NULL);
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_is_sensitive (start));

  /* Built-in routines can be exported but not deleted. */
  n_routines = g_list_model_get_n_items (G_LIST_MODEL (fixture->library));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, n_routines);

  open_row (fixture, "Hands for the neck and shoulders");
  g_assert_cmpstr (page_title (fixture), ==, "Hands for the neck and shoulders");
  g_assert_cmpuint (count_step_rows (routine_page), ==, 6);
}

/* librsvg2-common missing makes SVGs load as nothing; that must fail here. */
static void
test_illustrations_render (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->library);
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (model, i);
      GListModel *steps = unknot_routine_get_steps (routine);

      for (guint s = 0; s < g_list_model_get_n_items (steps); s++)
        {
          g_autoptr(UnknotStep) step = g_list_model_get_item (steps, s);

          for (guint f = 0; f < unknot_step_get_n_frames (step); f++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (unknot_step_get_illustration_file (step, f), &error);
              int width, height;
              g_autofree guchar *pixels = NULL;
              gsize opaque = 0;

              g_assert_no_error (error);
              width = gdk_texture_get_width (texture);
              height = gdk_texture_get_height (texture);
              g_assert_cmpint (width, >=, 64);
              pixels = g_malloc ((gsize) width * height * 4);
              gdk_texture_download (texture, pixels, (gsize) width * 4);
              for (gsize p = 0; p < (gsize) width * height; p++)
                if (pixels[p * 4 + 3] > 128)
                  opaque++;
              /* A figure covers a fair part of the picture, never all of it. */
              g_assert_cmpuint (opaque, >, (gsize) width * height / 20);
              g_assert_cmpuint (opaque, <, (gsize) width * height);
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >=, 16);
}

static gboolean
library_has (gpointer data)
{
  gpointer *args = data;
  return (unknot_routine_library_lookup (args[0], args[1]) != NULL) == GPOINTER_TO_INT (args[2]);
}

/* What a delete that can still be undone leaves: hidden files. */
static guint
count_hidden_files (GFile *folder)
{
  g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (folder), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (fixture->user_folder, "good.json");
  g_autofree char *titles = NULL;

  /* Undo must not depend on how fast a loaded machine runs the test. */
  fixture->window->undo_timeout = 0;
  open_row (fixture, "Test routine");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  drain ();
  titles = shown_titles (fixture);
  g_assert_null (strstr (titles, "Test routine"));
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (count_hidden_files (fixture->user_folder), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", NULL));
  drain ();
  g_clear_pointer (&titles, g_free);
  titles = shown_titles (fixture);
  g_assert_nonnull (strstr (titles, "Test routine"));
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpstr (page_title (fixture), ==, "Test routine");

  /* Deleting again and closing the window makes it final. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  drain ();
  gtk_window_close (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (count_hidden_files (fixture->user_folder), ==, 0);
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_import_never_replaces_builtin (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(UnknotRoutine) builtin = NULL;
  g_autofree char *dir = g_dir_make_tmp ("unknot-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mine.json", NULL);
  g_autoptr(GFile) exported = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gpointer args[3];
  GtkWidget *dialog;

  /* A copy of a built-in, as another user might share it. */
  builtin = g_object_ref (unknot_routine_library_lookup (fixture->library, "roller-thoracic"));
  g_assert_true (unknot_routine_save (builtin, exported, NULL, "mine-illustrations", &error));
  g_assert_no_error (error);

  unknot_window_import_file (fixture->window, exported);
  wait_until (dialog_shown, NULL);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "A Built-in Routine Has This Id");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "copy");

  args[0] = fixture->library;
  args[1] = "roller-thoracic-2";
  args[2] = GINT_TO_POINTER (TRUE);
  wait_until (library_has, args);
  g_assert_true (unknot_routine_get_is_user (unknot_routine_library_lookup (fixture->library, "roller-thoracic-2")));
  g_assert_false (unknot_routine_get_is_user (unknot_routine_library_lookup (fixture->library, "roller-thoracic")));
  g_assert_cmpstr (page_title (fixture), ==, "Foam roller for the upper back");

  delete_tree (dir);
}

static void
test_import_reports_broken_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) bad = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "bad-duration.json", NULL));
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  guint n_routines = g_list_model_get_n_items (G_LIST_MODEL (fixture->library));

  unknot_window_import_file (fixture->window, bad);
  wait_until (dialog_shown, NULL);
  dialog = find_message_dialog ();
  g_object_get (dialog, "body", &body, NULL);
  g_assert_true (g_str_has_suffix (body, "bad-duration.json:13:19: duration must be at least 5 seconds, not -5"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, n_routines);
}

/* GtkApplication adds this path for the app; icons missing from it show as
 * a broken image. */
static void
test_icons_are_found (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
  for (UnknotTool tool = UNKNOT_TOOL_TENNIS_BALL; tool <= UNKNOT_TOOL_TOOL; tool++)
    g_assert_true (gtk_icon_theme_has_icon (theme, unknot_tool_get_icon_name (tool)));
  g_assert_true (gtk_icon_theme_has_icon (theme, "unknot-app-symbolic"));
}

/* Sessions, on a fake clock */

typedef struct
{
  UnknotClock *clock;
  UnknotStore *store;
  char        *dir;
} SessionServices;

static void
services_set_up (Fixture         *fixture,
                 SessionServices *services)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 26, 10, 0, 0);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  services->dir = g_dir_make_tmp ("unknot-ui-store-XXXXXX", NULL);
  path = g_build_filename (services->dir, "unknot.db", NULL);
  file = g_file_new_for_path (path);
  services->clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC, local);
  services->store = unknot_store_new (file);
  open_store (services->store);
  unknot_window_set_session_services (fixture->window, services->clock, services->store);
}

static void
services_tear_down (SessionServices *services)
{
  unknot_store_flush (services->store);
  g_clear_object (&services->store);
  g_clear_object (&services->clock);
  delete_tree (services->dir);
  g_free (services->dir);
}

static void
advance (SessionServices *services,
         double           seconds)
{
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (services->clock), (gint64) (seconds * G_USEC_PER_SEC));
  drain ();
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = unknot_store_list_sessions_finish (UNKNOT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static GPtrArray *
list_sessions (SessionServices *services)
{
  GPtrArray *sessions = NULL;

  unknot_store_flush (services->store);
  drain ();
  unknot_store_list_sessions_async (services->store, 10, NULL, listed_cb, &sessions);
  wait_until (pointer_set, &sessions);
  return sessions;
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The steps of @session_id, in the order the session reached them. */
static GPtrArray *
list_steps (SessionServices *services,
            gint64           session_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *steps;

  unknot_store_list_session_steps_async (services->store, session_id, NULL, result_cb, &result);
  wait_until (pointer_set, &result);
  steps = unknot_store_list_session_steps_finish (services->store, result, &error);
  g_assert_no_error (error);
  return steps;
}

static void
assert_step (GPtrArray         *steps,
             guint              position,
             guint              step_index,
             const char        *title,
             UnknotStepOutcome  outcome)
{
  UnknotStepRecord *step;

  g_assert_cmpuint (position, <, steps->len);
  step = g_ptr_array_index (steps, position);
  g_assert_cmpuint (step->step_index, ==, step_index);
  g_assert_cmpstr (step->step_title, ==, title);
  g_assert_cmpint (step->outcome, ==, outcome);
  g_assert_nonnull (step->ended_at);
}

static void
test_session_runs_and_is_recorded (Fixture       *fixture,
                                   gconstpointer  data)
{
  SessionServices services = { 0 };
  UnknotSessionView *view;
  GtkWidget *view_widget;
  UnknotSession *session;
  g_autoptr(GPtrArray) sessions = NULL;
  UnknotSessionRecord *record;

  services_set_up (fixture, &services);
  open_row (fixture, "Tennis ball for the shoulder blades");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  drain ();

  view = unknot_window_get_session_view (fixture->window);
  view_widget = GTK_WIDGET (view);
  session = unknot_session_view_get_session (view);
  g_assert_true (gtk_widget_get_mapped (view_widget));
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), ==, "Get Ready");
  g_assert_cmpstr (shown_label_with_class (view_widget, "countdown"), ==, "0:05");
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "You need: A tennis ball, A clear stretch of wall."));

  /* Get ready ends; step 1 (45 s, no sides) begins. */
  advance (&services, 5);
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), ==, "Step 1 of 5");
  g_assert_cmpstr (shown_label_with_class (view_widget, "title-2"), ==, "Warm up your shoulders");
  g_assert_cmpstr (shown_label_with_class (view_widget, "countdown"), ==, "0:45");
  advance (&services, 0.5);
  g_assert_cmpstr (shown_label_with_class (view_widget, "countdown"), ==, "0:45");
  advance (&services, 0.5);
  g_assert_cmpstr (shown_label_with_class (view_widget, "countdown"), ==, "0:44");

  /* An hour on pause changes nothing on screen. */
  g_assert_true (gtk_widget_activate_action (view_widget, "session.toggle-pause", NULL));
  advance (&services, 3600);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "Paused"));
  g_assert_cmpstr (shown_label_with_class (view_widget, "countdown"), ==, "0:44");
  g_assert_true (gtk_widget_activate_action (view_widget, "session.toggle-pause", NULL));
  advance (&services, 44);

  /* Step 2 has sides: left, then right. */
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), ==, "Step 2 of 5");
  g_assert_cmpstr (shown_label_with_class (view_widget, "side"), ==, "Left side");
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "Next: the same on the right side"));
  advance (&services, 45);
  g_assert_cmpstr (shown_label_with_class (view_widget, "side"), ==, "Right side");

  /* "This doesn't feel right": the guidance, and a record of it. */
  g_assert_true (gtk_widget_activate_action (view_widget, "session.safety-stop", NULL));
  drain ();
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "Get Emergency Care Now If You Have"));
  g_assert_false (unknot_session_view_is_active (view));

  sessions = list_sessions (&services);
  g_assert_cmpuint (sessions->len, ==, 1);
  record = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (record->routine_id, ==, "ball-shoulder-blades");
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_SAFETY);
  g_assert_cmpuint (record->steps_completed, ==, 1);
  g_assert_cmpuint (record->steps_total, ==, 5);

  /* Each step it reached, with how it ended and when, the hour of pause
   * included. */
  {
    g_autoptr(GPtrArray) steps = list_steps (&services, record->id);
    g_autoptr(GPtrArray) safety = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    UnknotStepRecord *first;

    g_assert_cmpuint (steps->len, ==, 2);
    assert_step (steps, 0, 0, "Warm up your shoulders", UNKNOT_STEP_OUTCOME_COMPLETED);
    assert_step (steps, 1, 1, "Find the spot beside your spine", UNKNOT_STEP_OUTCOME_STOPPED);
    first = g_ptr_array_index (steps, 0);
    g_assert_cmpint (g_date_time_difference (first->started_at, record->started_at), ==, 5 * G_USEC_PER_SEC);
    g_assert_cmpint (g_date_time_difference (first->ended_at, first->started_at), ==, (gint64) 3645 * G_USEC_PER_SEC);
    g_assert_true (g_date_time_equal (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->started_at,
                                      first->ended_at));
    g_assert_true (g_date_time_equal (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->ended_at,
                                      record->ended_at));

    /* The safety stop, at the step it happened in. */
    unknot_store_list_safety_events_async (services.store, record->started_at, NULL, NULL, result_cb, &result);
    wait_until (pointer_set, &result);
    safety = unknot_store_list_safety_events_finish (services.store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (safety->len, ==, 1);
    g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (safety, 0))->session_id, ==, record->id);
    g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (safety, 0))->step_index, ==, 1);
  }

  g_assert_true (gtk_widget_activate_action (view_widget, "session.close", NULL));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "browse");
  services_tear_down (&services);
}

static void
test_session_completes (Fixture       *fixture,
                        gconstpointer  data)
{
  SessionServices services = { 0 };
  GtkWidget *view_widget;
  g_autoptr(GPtrArray) sessions = NULL;

  services_set_up (fixture, &services);
  open_row (fixture, "Hands for the neck and shoulders");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  drain ();
  view_widget = GTK_WIDGET (unknot_window_get_session_view (fixture->window));

  /* Closing the window mid-session asks first. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  wait_until (dialog_shown, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (find_message_dialog ())), ==,
                   "Stop the Session and Close?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_message_dialog ()), "continue");
  drain ();
  g_assert_true (unknot_session_view_is_active (unknot_window_get_session_view (fixture->window)));

  advance (&services, 5 + 410 + 1);
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "Well Done"));
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "Hands for the neck and shoulders\n6 min 55 s · 6 of 6 steps"));

  sessions = list_sessions (&services);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (((UnknotSessionRecord *) g_ptr_array_index (sessions, 0))->outcome, ==, UNKNOT_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (((UnknotSessionRecord *) g_ptr_array_index (sessions, 0))->active_seconds, ==, 415);
  {
    static const char * const titles[] = {
      "Warm up your shoulders", "Long strokes over the shoulder", "Knead the top of the shoulder",
      "Pin and stretch", "Base of the skull", "Breathe and let go",
    };
    g_autoptr(GPtrArray) steps = list_steps (&services, ((UnknotSessionRecord *) g_ptr_array_index (sessions, 0))->id);

    g_assert_cmpuint (steps->len, ==, G_N_ELEMENTS (titles));
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      assert_step (steps, i, i, titles[i], UNKNOT_STEP_OUTCOME_COMPLETED);
  }
  services_tear_down (&services);
}

/* Preferences → Reminders writes what unknot-reminder reads. */

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title);

static gboolean
is_preferences_row_titled (GtkWidget     *widget,
                           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  GtkWidget *row = find_widget (root, is_preferences_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0;
}

static void
test_reminder_preferences (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences = unknot_preferences_window_new (settings, fixture->library);
  g_autoptr(GDateTime) saturday = g_date_time_new_local (2026, 1, 10, 12, 0, 0);
  g_autofree char *saturday_name = g_date_time_format (saturday, "%A");
  g_auto(GStrv) days = NULL;
  g_autofree char *routine = NULL;
  GtkWidget *row;

  g_settings_reset (settings, "reminders-enabled");
  gtk_window_present (GTK_WINDOW (preferences));
  drain ();

  /* Off by default, and the schedule cannot be edited while off. */
  row = find_row_titled (preferences, "Posture-Break Reminders");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_widget (row, is_switch, NULL))));
  g_assert_false (gtk_widget_is_sensitive (find_row_titled (preferences, "Minutes of Work Between Breaks")));

  gtk_switch_set_active (GTK_SWITCH (find_widget (row, is_switch, NULL)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_true (gtk_widget_is_sensitive (find_row_titled (preferences, "Minutes of Work Between Breaks")));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (find_row_titled (preferences, "Minutes of Work Between Breaks"),
                                                           is_spin_button, NULL)), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-interval"), ==, 30);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_titled (preferences, "Active From")), 16);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_titled (preferences, "Active Until")), 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-active-start"), ==, 8 * 60);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-active-end"), ==, 22 * 60 + 30);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (preferences, is_toggle_labelled, saturday_name)), TRUE);
  days = g_settings_get_strv (settings, "reminder-active-days");
  g_assert_true (g_strv_contains ((const char * const *) days, "sat"));
  g_assert_true (g_strv_contains ((const char * const *) days, "mon"));
  g_assert_false (g_strv_contains ((const char * const *) days, "sun"));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->library)); i++)
    {
      g_autoptr(UnknotRoutine) candidate = g_list_model_get_item (G_LIST_MODEL (fixture->library), i);
      if (g_str_equal (unknot_routine_get_id (candidate), "roller-thoracic"))
        adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_titled (preferences, "Break Routine")), i);
    }
  routine = g_settings_get_string (settings, "reminder-routine");
  g_assert_cmpstr (routine, ==, "roller-thoracic");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (find_row_titled (preferences, "Idle For"), is_spin_button, NULL)), 7);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-idle-minutes"), ==, 7);

  /* A change made elsewhere (the service, another window) shows here. */
  g_settings_set_uint (settings, "reminder-snooze", 15);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_widget (find_row_titled (preferences, "Snooze For"),
                                                                              is_spin_button, NULL))), ==, 15);

  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("unknot-ui-home-XXXXXX", NULL);

  /* Nothing here may touch the real user's data, or make a sound. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/icons", test_icons_are_found);
  g_test_add ("/ui/library", Fixture, NULL, fixture_set_up, test_library_lists_everything, fixture_tear_down);
  g_test_add ("/ui/search-and-filters", Fixture, NULL, fixture_set_up, test_search_and_filters, fixture_tear_down);
  g_test_add ("/ui/routine-page", Fixture, NULL, fixture_set_up, test_routine_page, fixture_tear_down);
  g_test_add ("/ui/illustrations-render", Fixture, NULL, fixture_set_up, test_illustrations_render, fixture_tear_down);
  g_test_add ("/ui/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/ui/import-builtin-id", Fixture, NULL, fixture_set_up, test_import_never_replaces_builtin, fixture_tear_down);
  g_test_add ("/ui/import-broken-file", Fixture, NULL, fixture_set_up, test_import_reports_broken_file, fixture_tear_down);
  g_test_add ("/ui/session/runs-and-is-recorded", Fixture, NULL, fixture_set_up, test_session_runs_and_is_recorded, fixture_tear_down);
  g_test_add ("/ui/reminder-preferences", Fixture, NULL, fixture_set_up, test_reminder_preferences, fixture_tear_down);
  g_test_add ("/ui/session/completes", Fixture, NULL, fixture_set_up, test_session_completes, fixture_tear_down);
  return g_test_run () + (g_rmdir (data_home) != 0 ? 0 : 0);
}
