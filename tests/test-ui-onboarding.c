/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The welcome tour under Xvfb: it comes once, after the window has painted,
 * and never again after a restart however it was closed; what is answered
 * on its four pages (the safety check, tools, where it hurts, reminders)
 * is in the settings and in Preferences after a restart; the application
 * shows it instead of the bare safety check on a first run, and the main
 * menu brings it back. */
#include "config.h"

#include <adwaita.h>

#include "pain/unknot-body-map.h"
#include "safety/unknot-screening-question-row.h"
#include "safety/unknot-screening-window.h"
#include "today/unknot-onboarding-window.h"
#include "unknot-application.h"
#include "unknot-preferences-window.h"
#include "unknot-screening.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *dir;
  char                 *keyfile;
  GSettings            *settings;
  UnknotRoutineLibrary *library;
  GtkWindow            *window;
} Fixture;

static void
restart_settings (Fixture *fixture)
{
  keyfile_settings_close (&fixture->settings);
  fixture->settings = keyfile_settings_new (fixture->keyfile);
}

/* A bare window for the tour to come over, with the first run asked for
 * before it is on screen, as the app does it: the main window's views would
 * only cost time here (under AddressSanitizer, a lot of it).  The
 * application test below does it all with the real main window. */
static gboolean
open_window (Fixture *fixture)
{
  gboolean asked;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  /* As unknot-application.c decides it. */
  asked = unknot_onboarding_maybe_show_first_run (GTK_WINDOW (fixture->window), fixture->settings);
  if (!asked)
    unknot_screening_maybe_show_first_run (GTK_WINDOW (fixture->window), fixture->settings);
  /* Nothing of it is built before the window is on screen. */
  g_assert_null (unknot_onboarding_window_get_for_parent (GTK_WINDOW (fixture->window)));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (widget_is_mapped, fixture->window);
  return asked;
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_null (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;

  fixture->dir = g_dir_make_tmp ("unknot-ui-onboarding-XXXXXX", NULL);
  fixture->keyfile = g_build_filename (fixture->dir, "settings.ini", NULL);
  folder = g_file_new_build_filename (fixture->dir, "routines", NULL);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
  fixture->settings = keyfile_settings_new (fixture->keyfile);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture);
  keyfile_settings_close (&fixture->settings);
  g_clear_object (&fixture->library);
  delete_tree (fixture->dir);
  g_free (fixture->keyfile);
  g_free (fixture->dir);
}

/* What the user sees and does */

static UnknotOnboardingWindow *
tour (Fixture *fixture)
{
  return unknot_onboarding_window_get_for_parent (GTK_WINDOW (fixture->window));
}

static gboolean
tour_shown (gpointer data)
{
  UnknotOnboardingWindow *onboarding = tour (data);

  return onboarding != NULL && gtk_widget_get_mapped (GTK_WIDGET (onboarding));
}

static gboolean
tour_gone (gpointer data)
{
  return tour (data) == NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_shown (GtkWidget *root,
            GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

/* A click without the pointer: a button's "clicked", a check's or a
 * switch's flip. */
static void
click (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget));
  if (GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), !gtk_switch_get_active (GTK_SWITCH (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), !gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else
    g_signal_emit_by_name (widget, "clicked");
  drain ();
}

static GtkWidget *
button (GtkWidget  *root,
        const char *label)
{
  GtkWidget *found = find_widget (root, is_button_labelled, label);

  if (found == NULL)
    g_error ("No button “%s” on screen", label);
  return found;
}

/* The check, switch or combo of the row titled @title. */
static GtkWidget *
row_control (GtkWidget  *root,
             const char *title,
             GType       type)
{
  GtkWidget *row = find_widget (root, is_row_titled, title);

  if (row == NULL)
    g_error ("No row “%s” on screen", title);
  return find_shown (row, type);
}

static gboolean
stack_settled (gpointer data)
{
  GtkWidget *stack = find_widget (data, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_STACK));

  return stack == NULL || !gtk_stack_get_transition_running (GTK_STACK (stack));
}

static void
next (UnknotOnboardingWindow *onboarding,
      const char             *label,
      const char             *page)
{
  click (button (GTK_WIDGET (onboarding), label));
  if (page != NULL)
    {
      g_assert_cmpstr (unknot_onboarding_window_get_page (onboarding), ==, page);
      wait_until (stack_settled, onboarding);
      drain ();
    }
}

static char *
strv_setting (GSettings  *settings,
              const char *key)
{
  g_auto(GStrv) values = g_settings_get_strv (settings, key);

  return g_strjoinv ("|", values);
}

/* Once, after the window has painted, and never again after a restart,
 * even when it was left at once. */
static void
test_first_run_once (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *status = NULL;
  g_autofree char *tools = NULL;
  UnknotOnboardingWindow *onboarding;

  g_assert_true (open_window (fixture));
  wait_until (tour_shown, fixture);
  onboarding = tour (fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (onboarding)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (onboarding)));
  g_assert_cmpstr (unknot_onboarding_window_get_page (onboarding), ==, "safety");
  g_assert_nonnull (find_widget (GTK_WIDGET (onboarding), is_shown_label, "Before You Start"));
  g_assert_nonnull (find_widget (GTK_WIDGET (onboarding), is_shown_label, "Step 1 of 4"));
  /* Its own safety questions, and not the safety check's window too. */
  g_assert_nonnull (find_shown (GTK_WIDGET (onboarding), UNKNOT_TYPE_SCREENING_QUESTION_ROW));
  g_assert_null (unknot_screening_window_get_for_parent (GTK_WINDOW (fixture->window)));

  /* Skipped from the second page with Escape: nothing was chosen. */
  next (onboarding, "_Next", "tools");
  g_assert_nonnull (find_widget (GTK_WIDGET (onboarding), is_shown_label, "Step 2 of 4"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onboarding), "onboarding.skip", NULL));
  wait_until (tour_gone, fixture);
  g_assert_true (g_settings_get_boolean (fixture->settings, "onboarding-done"));
  status = g_settings_get_string (fixture->settings, "screening-status");
  g_assert_cmpstr (status, ==, "skipped");
  tools = strv_setting (fixture->settings, "tools-at-hand");
  g_assert_cmpstr (tools, ==, "tennis-ball|foam-roller|cane|two-balls");

  /* A restart: nothing comes by itself. */
  close_window (fixture);
  restart_settings (fixture);
  g_assert_false (open_window (fixture));
  for (int i = 0; i < 40; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_null (tour (fixture));
  g_assert_null (unknot_screening_window_get_for_parent (GTK_WINDOW (fixture->window)));
}

/* Every page answered; after a restart the settings and Preferences
 * show it all. */
static UnknotScreeningQuestionRow *
question (UnknotOnboardingWindow *onboarding,
          const char             *id)
{
  GtkWidget *list = gtk_widget_get_parent (find_shown (GTK_WIDGET (onboarding), UNKNOT_TYPE_SCREENING_QUESTION_ROW));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (UNKNOT_IS_SCREENING_QUESTION_ROW (row)
        && (int) unknot_screening_question_row_get_index (UNKNOT_SCREENING_QUESTION_ROW (row)) == unknot_screening_lookup (id))
      return UNKNOT_SCREENING_QUESTION_ROW (row);
  g_error ("No question “%s”", id);
}

static gboolean
is_preferences_page_titled (GtkWidget     *widget,
                            gconstpointer  title)
{
  return ADW_IS_PREFERENCES_PAGE (widget)
         && g_strcmp0 (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (widget)), title) == 0;
}

static GtkWidget *
show_preferences_page (GtkWidget  *preferences,
                       const char *title)
{
  GtkWidget *page = find_widget (preferences, is_preferences_page_titled, title);

  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  wait_until (widget_is_mapped, page);
  drain ();
  return page;
}

static void
test_answers_reach_preferences (Fixture       *fixture,
                                gconstpointer  data)
{
  UnknotOnboardingWindow *onboarding;
  GtkWidget *widget;
  GtkWidget *preferences;
  GtkWidget *page;
  UnknotBodyMap *map;
  g_autoptr(GVariant) answers = NULL;
  g_autofree char *status = NULL;
  g_autofree char *tools = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *days = NULL;
  gboolean yes = FALSE;

  open_window (fixture);
  wait_until (tour_shown, fixture);
  onboarding = tour (fixture);
  widget = GTK_WIDGET (onboarding);

  /* 1. The safety check: a yes is kept as the safety check keeps it, and
   * explained. */
  click (GTK_WIDGET (unknot_screening_question_row_get_button (question (onboarding, "skin"), UNKNOT_ANSWER_YES)));
  answers = g_settings_get_value (fixture->settings, "screening-answers");
  g_assert_true (g_variant_lookup (answers, "skin", "b", &yes));
  g_assert_true (yes);
  status = g_settings_get_string (fixture->settings, "screening-status");
  g_assert_cmpstr (status, ==, "answered");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (unknot_screening_question_row_get_explanation (question (onboarding, "skin")))));

  /* 2. Tools: a tennis ball only; "none" clears them; back to the ball. */
  next (onboarding, "_Next", "tools");
  click (row_control (widget, "Foam roller", GTK_TYPE_CHECK_BUTTON));
  click (row_control (widget, "Massage cane or hook", GTK_TYPE_CHECK_BUTTON));
  click (row_control (widget, "Two balls in a sock", GTK_TYPE_CHECK_BUTTON));
  tools = strv_setting (fixture->settings, "tools-at-hand");
  g_assert_cmpstr (tools, ==, "tennis-ball");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (widget, "None — Only My Hands", GTK_TYPE_CHECK_BUTTON))));
  click (row_control (widget, "None — Only My Hands", GTK_TYPE_CHECK_BUTTON));
  g_clear_pointer (&tools, g_free);
  tools = strv_setting (fixture->settings, "tools-at-hand");
  g_assert_cmpstr (tools, ==, "");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (widget, "Tennis ball", GTK_TYPE_CHECK_BUTTON))));
  /* "None" stays ticked while nothing else is. */
  click (row_control (widget, "None — Only My Hands", GTK_TYPE_CHECK_BUTTON));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (widget, "None — Only My Hands", GTK_TYPE_CHECK_BUTTON))));
  click (row_control (widget, "Tennis ball", GTK_TYPE_CHECK_BUTTON));
  g_clear_pointer (&tools, g_free);
  tools = strv_setting (fixture->settings, "tools-at-hand");
  g_assert_cmpstr (tools, ==, "tennis-ball");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (widget, "None — Only My Hands", GTK_TYPE_CHECK_BUTTON))));

  /* Back and forth keeps what was chosen. */
  next (onboarding, "_Back", "safety");
  next (onboarding, "_Next", "tools");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (widget, "Tennis ball", GTK_TYPE_CHECK_BUTTON))));

  /* 3. Where it usually hurts. */
  next (onboarding, "_Next", "regions");
  map = UNKNOT_BODY_MAP (find_shown (widget, UNKNOT_TYPE_BODY_MAP));
  g_assert_nonnull (map);
  click (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_SHOULDER_RIGHT));
  click (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_NECK_LEFT));
  regions = strv_setting (fixture->settings, "usual-pain-regions");
  g_assert_cmpstr (regions, ==, "neck-left|shoulder-right");

  /* 4. Reminders, 08:00 to 17:30, Saturdays too. */
  next (onboarding, "_Next", "reminders");
  g_assert_false (gtk_widget_is_sensitive (find_widget (widget, is_row_titled, "Active From")));
  click (row_control (widget, "Remind Me to Take Breaks", GTK_TYPE_SWITCH));
  g_assert_true (g_settings_get_boolean (fixture->settings, "reminders-enabled"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (widget, is_row_titled, "Active From")), 16);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (widget, is_row_titled, "Active Until")), 35);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-active-start"), ==, 8 * 60);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-active-end"), ==, 17 * 60 + 30);
  {
    g_autoptr(GDateTime) saturday = g_date_time_new_local (2026, 1, 10, 12, 0, 0);
    g_autofree char *abbreviation = g_date_time_format (saturday, "%a");

    click (button (widget, abbreviation));
  }
  days = strv_setting (fixture->settings, "reminder-active-days");
  g_assert_cmpstr (days, ==, "mon|tue|wed|thu|fri|sat");
  g_assert_nonnull (find_widget (widget, is_shown_label, "Step 4 of 4"));
  next (onboarding, "_Done", NULL);
  wait_until (tour_gone, fixture);
  g_assert_true (g_settings_get_boolean (fixture->settings, "onboarding-done"));

  /* A restart: all of it is kept, and Preferences shows it. */
  close_window (fixture);
  restart_settings (fixture);
  g_clear_pointer (&tools, g_free);
  tools = strv_setting (fixture->settings, "tools-at-hand");
  g_assert_cmpstr (tools, ==, "tennis-ball");
  g_clear_pointer (&regions, g_free);
  regions = strv_setting (fixture->settings, "usual-pain-regions");
  g_assert_cmpstr (regions, ==, "neck-left|shoulder-right");
  g_assert_false (open_window (fixture));

  preferences = unknot_preferences_window_new (fixture->settings, fixture->library);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 1000);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_until (widget_is_mapped, preferences);

  page = show_preferences_page (preferences, "Your Setup");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (page, "Tennis ball", GTK_TYPE_CHECK_BUTTON))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (page, "Foam roller", GTK_TYPE_CHECK_BUTTON))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (page, "None — Only My Hands", GTK_TYPE_CHECK_BUTTON))));
  map = UNKNOT_BODY_MAP (find_shown (page, UNKNOT_TYPE_BODY_MAP));
  g_assert_nonnull (map);
  g_assert_cmpuint (unknot_body_map_get_regions (map), ==, UNKNOT_PAIN_REGION_NECK_LEFT | UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  /* The library's switch to hide what needs other tools is here too. */
  click (row_control (page, "Hide Routines Needing Other Tools", GTK_TYPE_SWITCH));
  g_assert_true (g_settings_get_boolean (fixture->settings, "hide-unavailable-routines"));
  /* Changed there, kept for the suggestions. */
  click (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_NECK_LEFT));
  g_clear_pointer (&regions, g_free);
  regions = strv_setting (fixture->settings, "usual-pain-regions");
  g_assert_cmpstr (regions, ==, "shoulder-right");

  page = show_preferences_page (preferences, "Reminders");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (row_control (page, "Posture-Break Reminders", GTK_TYPE_SWITCH))));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_widget (page, is_row_titled, "Active From"))), ==, 16);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_widget (page, is_row_titled, "Active Until"))), ==, 35);

  page = show_preferences_page (preferences, "General");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (page, is_row_titled, "Safety Check"))),
                                   "Answered on"));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* At phone width, every page fits. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  UnknotOnboardingWindow *onboarding = unknot_onboarding_window_new (fixture->settings);
  static const char * const pages[] = { "tools", "regions", "reminders", NULL };

  gtk_window_set_default_size (GTK_WINDOW (onboarding), 360, 640);
  gtk_window_present (GTK_WINDOW (onboarding));
  wait_until (widget_is_mapped, onboarding);
  for (guint i = 0; ; i++)
    {
      int minimum;

      gtk_widget_measure (GTK_WIDGET (onboarding), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (onboarding)), <=, 360);
      if (pages[i] == NULL)
        break;
      next (onboarding, "_Next", pages[i]);
    }
  gtk_window_destroy (GTK_WINDOW (onboarding));
  drain ();
}

/* The application: the tour on the first run instead of the bare safety
 * check, nothing on the next activation, and back from the main menu. */

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action,
                 char      **label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) && g_str_equal (name, action))
        return g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
    }
  return FALSE;
}

static guint
count_windows (GApplication *app,
               GType         type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data);
  return n;
}

static UnknotOnboardingWindow *
app_tour (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (UNKNOT_IS_ONBOARDING_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
app_tour_shown (gpointer app)
{
  return app_tour (app) != NULL;
}

static gboolean
app_screening_shown (gpointer app)
{
  return count_windows (app, UNKNOT_TYPE_SCREENING_WINDOW) == 1;
}

static void
settle (void)
{
  /* Long enough for a first-run window to have come (it waits for two
   * frames, or half a second). */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

static gboolean
drive_app_cb (gpointer user_data)
{
  GApplication *app = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UnknotOnboardingWindow *onboarding;
  g_autofree char *status = NULL;

  wait_until (app_tour_shown, app);
  onboarding = app_tour (app);
  g_assert_true (UNKNOT_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (onboarding))));
  settle ();
  g_assert_cmpuint (count_windows (app, UNKNOT_TYPE_SCREENING_WINDOW), ==, 0);
  g_assert_cmpuint (count_windows (app, UNKNOT_TYPE_ONBOARDING_WINDOW), ==, 1);

  gtk_window_close (GTK_WINDOW (onboarding));
  drain ();
  g_assert_null (app_tour (app));
  g_assert_true (g_settings_get_boolean (settings, "onboarding-done"));
  status = g_settings_get_string (settings, "screening-status");
  g_assert_cmpstr (status, ==, "skipped");

  /* Another launch: neither the tour nor the safety check. */
  g_application_activate (app);
  settle ();
  g_assert_cmpuint (count_windows (app, UNKNOT_TYPE_ONBOARDING_WINDOW), ==, 0);
  g_assert_cmpuint (count_windows (app, UNKNOT_TYPE_SCREENING_WINDOW), ==, 0);

  /* The menu's Set Up Unknot… brings it back, once however often. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "onboarding", NULL);
  wait_until (app_tour_shown, app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "onboarding", NULL);
  drain ();
  g_assert_cmpuint (count_windows (app, UNKNOT_TYPE_ONBOARDING_WINDOW), ==, 1);
  g_assert_cmpstr (unknot_onboarding_window_get_page (app_tour (app)), ==, "safety");

  /* app.screening still brings the bare check. */
  gtk_window_close (GTK_WINDOW (app_tour (app)));
  drain ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "screening", NULL);
  wait_until (app_screening_shown, app);
  g_assert_cmpuint (count_windows (app, UNKNOT_TYPE_ONBOARDING_WINDOW), ==, 0);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_app_first_run_and_menu (void)
{
  g_autoptr(UnknotApplication) app = unknot_application_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/unknot-primary-menu.ui");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *label = NULL;

  g_assert_true (menu_has_action (G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")), "app.onboarding", &label));
  g_assert_cmpstr (label, ==, "Set _Up Unknot…");

  g_settings_reset (settings, "onboarding-done");
  g_settings_reset (settings, "screening-status");
  g_settings_reset (settings, "screening-answers");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive_app_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

/* The app's style.css, which AdwApplication would load: the widths at
 * phone size depend on it. */
static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("unknot-ui-onboarding-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  load_app_style ();

  g_test_add ("/ui-onboarding/first-run-once", Fixture, NULL, fixture_set_up, test_first_run_once, fixture_tear_down);
  g_test_add ("/ui-onboarding/answers-reach-preferences", Fixture, NULL, fixture_set_up, test_answers_reach_preferences, fixture_tear_down);
  g_test_add ("/ui-onboarding/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add_func ("/ui-onboarding/app-first-run-and-menu", test_app_first_run_and_menu);
  status = g_test_run ();
  delete_tree (data_home);
  return status;
}
