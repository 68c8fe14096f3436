/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tools filter under Xvfb: rows of routines needing a tool that is not
 * at hand say so, and the library hides them when asked, as the settings
 * say and as they change. */
#include "config.h"

#include <adwaita.h>

#include "unknot-routine-row.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *dir;
  GSettings            *settings;
  UnknotRoutineLibrary *library;
  UnknotWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *keyfile = NULL;

  fixture->dir = g_dir_make_tmp ("unknot-ui-tools-XXXXXX", NULL);
  keyfile = g_build_filename (fixture->dir, "settings.ini", NULL);
  folder = g_file_new_build_filename (fixture->dir, "routines", NULL);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
  fixture->settings = keyfile_settings_new (keyfile);
  /* Not asked here; the safety check has its own tests. */
  g_settings_set_string (fixture->settings, "screening-status", "skipped");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_null (fixture->window);
  keyfile_settings_close (&fixture->settings);
  g_clear_object (&fixture->library);
  delete_tree (fixture->dir);
  g_free (fixture->dir);
}

static GListModel *
shown (Fixture *fixture)
{
  return unknot_library_page_get_shown (unknot_window_get_library_page (fixture->window));
}

static gboolean
library_attached (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (shown (fixture)) > 0;
}

static void
open_window (Fixture *fixture,
             int      width)
{
  fixture->window = unknot_window_new (NULL, fixture->library, fixture->settings);
  /* Today is the first view; these tests start from the routines. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines");
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (widget_is_mapped, fixture->window);
  wait_until (library_attached, fixture);
  drain ();
}

/* Screenshots, when asked for (UNKNOT_SHOTS_DIR). */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("UNKNOT_SHOTS_DIR");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dir == NULL)
    return;
  for (int i = 0; i < 30; i++)
    {
      drain ();
      g_usleep (10000);
    }
  command = g_strdup_printf ("import -window root %s/tools-%s-%s.png", dir, name,
                             adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "dark" : "light");
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
}

/* The "Needs …" tag on the row of @title, or NULL when it shows none. */
static const char *
needs_tag (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled, title);

  g_assert_nonnull (row);
  return shown_label_with_class (row, "needs-tool");
}

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static GtkCheckButton *
hide_switch (Fixture *fixture)
{
  GtkWidget *button = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_check_button, NULL);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (button)), ==,
                   "Hide routines needing tools I don’t have");
  return GTK_CHECK_BUTTON (button);
}

static void
set_tools (Fixture            *fixture,
           const char * const *tools)
{
  g_settings_set_strv (fixture->settings, "tools-at-hand", tools);
  drain ();
}

static void
test_marks_and_hides (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const ball_only[] = { "tennis-ball", NULL };
  const char * const everything[] = { "tennis-ball", "foam-roller", "cane", "two-balls", NULL };
  const char * const nothing[] = { NULL };

  set_tools (fixture, ball_only);
  open_window (fixture, 1200);

  /* Marked, not hidden, until asked. */
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 12);
  g_assert_cmpstr (needs_tag (fixture, "Foam roller for the upper back"), ==, "Needs a foam roller");
  g_assert_cmpstr (needs_tag (fixture, "Foam roller warm-up for sport"), ==, "Needs a foam roller");
  g_assert_cmpstr (needs_tag (fixture, "Massage cane for the shoulders"), ==, "Needs a massage cane or hook");
  g_assert_cmpstr (needs_tag (fixture, "Two balls in a sock along the spine"), ==, "Needs two balls in a sock");
  g_assert_null (needs_tag (fixture, "Tennis ball chest opener"));
  g_assert_null (needs_tag (fixture, "Two-minute desk break"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hide_switch (fixture))));
  g_assert_false (gtk_check_button_get_active (hide_switch (fixture)));
  shot ("marked");

  /* Hidden when asked, and the choice is kept. */
  gtk_check_button_set_active (hide_switch (fixture), TRUE);
  drain ();
  g_assert_true (g_settings_get_boolean (fixture->settings, "hide-unavailable-routines"));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 8);
  g_assert_null (find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled,
                              "Foam roller for the upper back"));
  shot ("hidden");

  /* Nothing but hands: the hand routines and the desk break. */
  set_tools (fixture, nothing);
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 4);
  g_assert_null (find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled,
                              "Tennis ball chest opener"));

  /* Everything at hand: nothing to mark or hide, and no switch. */
  set_tools (fixture, everything);
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 12);
  g_assert_null (needs_tag (fixture, "Foam roller for the upper back"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hide_switch (fixture))));
}

/* The setting was on when the app last closed. */
static void
test_hidden_at_start (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const roller_only[] = { "foam-roller", NULL };

  set_tools (fixture, roller_only);
  g_settings_set_boolean (fixture->settings, "hide-unavailable-routines", TRUE);
  open_window (fixture, 360);
  g_assert_true (gtk_check_button_get_active (hide_switch (fixture)));
  /* 12 less the 4 tennis-ball routines, the cane and the sock. */
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 6);
  shot ("narrow-hidden");
  gtk_check_button_set_active (hide_switch (fixture), FALSE);
  drain ();
  g_assert_false (g_settings_get_boolean (fixture->settings, "hide-unavailable-routines"));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 12);
  g_assert_cmpstr (needs_tag (fixture, "Tennis ball chest opener"), ==, "Needs a tennis ball");
  shot ("narrow-marked");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui-tools/marks-and-hides", Fixture, NULL, fixture_set_up, test_marks_and_hides, fixture_tear_down);
  g_test_add ("/ui-tools/hidden-at-start", Fixture, NULL, fixture_set_up, test_hidden_at_start, fixture_tear_down);

  return g_test_run ();
}
