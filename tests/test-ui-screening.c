/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The safety check under Xvfb: shown once on the first run and never again
 * after a restart, kept in GSettings, back from the main menu, and the notes
 * its answers put on the routines' rows and pages. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "safety/unknot-screening-window.h"
#include "unknot-application.h"
#include "unknot-preferences-window.h"
#include "unknot-routine-row.h"
#include "unknot-screening.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *dir;
  char                 *keyfile;
  GSettings            *settings;
  UnknotRoutineLibrary *library;
  UnknotWindow         *window; /* NULL with a plain parent */
  GtkWindow            *parent; /* the window the check comes over */
  guint                 paints; /* frames the window had painted */
} Fixture;

static void
painted_cb (GdkFrameClock *clock,
            Fixture       *fixture)
{
  fixture->paints++;
}

static void
realized_cb (GtkWidget *widget,
             Fixture   *fixture)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (painted_cb), fixture);
}

/* The main window as the app makes it: with the settings, and the first-run
 * check asked for before it is presented. */
static void
open_window (Fixture *fixture)
{
  if (fixture->library == NULL)
    {
      g_autoptr(GFile) folder = g_file_new_build_filename (fixture->dir, "routines", NULL);

      fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
    }
  fixture->paints = 0;
  fixture->window = unknot_window_new (NULL, fixture->library, fixture->settings);
  /* Today is the first view; these tests start from the routines. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines");
  fixture->parent = GTK_WINDOW (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  g_signal_connect (fixture->window, "realize", G_CALLBACK (realized_cb), fixture);
  gtk_window_set_default_size (fixture->parent, 1200, 800);
  unknot_screening_maybe_show_first_run (fixture->parent, fixture->settings);
  /* Nothing is built before the window is on screen. */
  g_assert_null (unknot_screening_window_get_for_parent (fixture->parent));
  gtk_window_present (fixture->parent);
  wait_until (widget_is_mapped, fixture->parent);
}

/* A bare window to hang the check on, where the main window's library and
 * pages would only cost time (under AddressSanitizer, a lot of it); the
 * first run is asked for as the app does it.  The application test below
 * does it all with the real main window. */
static void
open_plain_window (Fixture *fixture)
{
  fixture->paints = 0;
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  g_signal_connect (fixture->parent, "realize", G_CALLBACK (realized_cb), fixture);
  gtk_window_set_default_size (fixture->parent, 800, 600);
  unknot_screening_maybe_show_first_run (fixture->parent, fixture->settings);
  g_assert_null (unknot_screening_window_get_for_parent (fixture->parent));
  gtk_window_present (fixture->parent);
  wait_until (widget_is_mapped, fixture->parent);
}

static void
close_window (Fixture *fixture)
{
  if (fixture->parent != NULL)
    {
      GtkWindow *screening = GTK_WINDOW (unknot_screening_window_get_for_parent (fixture->parent));

      if (screening != NULL)
        gtk_window_destroy (screening);
      gtk_window_destroy (fixture->parent);
    }
  drain ();
  g_assert_null (fixture->parent);
  fixture->window = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("unknot-ui-screening-XXXXXX", NULL);
  fixture->keyfile = g_build_filename (fixture->dir, "settings.ini", NULL);
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

static gboolean
screening_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *screening = GTK_WIDGET (unknot_screening_window_get_for_parent (fixture->parent));

  return screening != NULL && gtk_widget_get_mapped (screening);
}

static gboolean
screening_gone (gpointer data)
{
  Fixture *fixture = data;

  return unknot_screening_window_get_for_parent (fixture->parent) == NULL;
}

static UnknotScreeningWindow *
wait_for_screening (Fixture *fixture)
{
  wait_until (screening_shown, fixture);
  return unknot_screening_window_get_for_parent (fixture->parent);
}

/* Long enough for the check to have come if it were coming: it waits for
 * at most two frames and half a second. */
static void
assert_no_screening_comes (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpuint (fixture->paints, >=, 1);
  g_assert_null (unknot_screening_window_get_for_parent (fixture->parent));
  for (GList *l = gtk_window_list_toplevels (), *list = l; l != NULL || (g_list_free (list), FALSE); l = l->next)
    g_assert_false (UNKNOT_IS_SCREENING_WINDOW (l->data) && gtk_widget_get_visible (l->data));
}

static GtkCheckButton *
answer_button (UnknotScreeningWindow *screening,
               const char            *id,
               UnknotAnswer           answer)
{
  UnknotScreeningQuestionRow *question = unknot_screening_window_get_question (screening, id);

  g_assert_nonnull (question);
  return unknot_screening_question_row_get_button (question, answer);
}

/* As a click or Space on the radio button does. */
static void
answer (UnknotScreeningWindow *screening,
        const char            *id,
        UnknotAnswer           value)
{
  gtk_widget_activate (GTK_WIDGET (answer_button (screening, id, value)));
  drain ();
}

static char *
settings_status (GSettings *settings)
{
  return g_settings_get_string (settings, "screening-status");
}

static gboolean
settings_answer (GSettings  *settings,
                 const char *id,
                 gboolean   *yes)
{
  g_autoptr(GVariant) answers = g_settings_get_value (settings, "screening-answers");

  return g_variant_lookup (answers, id, "b", yes);
}

static void
test_first_run_shows_once (Fixture       *fixture,
                           gconstpointer  data)
{
  UnknotScreeningWindow *screening;
  g_autofree char *status = NULL;
  gboolean yes = FALSE;
  gint64 answered_at;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  status = settings_status (fixture->settings);
  g_assert_cmpstr (status, ==, "not-shown");
  g_clear_pointer (&status, g_free);

  /* First run: the check comes by itself, over the window, after the
   * window's first frame. */
  open_plain_window (fixture);
  screening = wait_for_screening (fixture);
  g_assert_cmpuint (fixture->paints, >=, 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (screening)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (screening)));

  /* An answer is kept at once, with the date. */
  answer (screening, "bleeding", UNKNOT_ANSWER_YES);
  answer (screening, "pregnancy", UNKNOT_ANSWER_NO);
  g_assert_true (settings_answer (fixture->settings, "bleeding", &yes));
  g_assert_true (yes);
  g_assert_true (settings_answer (fixture->settings, "pregnancy", &yes));
  g_assert_false (yes);
  g_assert_false (settings_answer (fixture->settings, "dvt", &yes));
  status = settings_status (fixture->settings);
  g_assert_cmpstr (status, ==, "answered");
  answered_at = g_settings_get_int64 (fixture->settings, "screening-answered-at");
  g_assert_cmpint (answered_at, >=, now - 5);
  g_assert_cmpint (answered_at, <=, now + 60);

  /* Closed with the window's close button, not Done: still answered. */
  gtk_window_close (GTK_WINDOW (screening));
  drain ();
  g_assert_null (unknot_screening_window_get_for_parent (fixture->parent));
  g_clear_pointer (&status, g_free);
  status = settings_status (fixture->settings);
  g_assert_cmpstr (status, ==, "answered");

  /* Asking again in the same run does nothing. */
  unknot_screening_maybe_show_first_run (fixture->parent, fixture->settings);
  assert_no_screening_comes (fixture);

  /* A restart: a new window over settings read back from the file. */
  close_window (fixture);
  keyfile_settings_close (&fixture->settings);
  g_assert_true (g_file_test (fixture->keyfile, G_FILE_TEST_EXISTS));
  fixture->settings = keyfile_settings_new (fixture->keyfile);
  g_clear_pointer (&status, g_free);
  status = settings_status (fixture->settings);
  g_assert_cmpstr (status, ==, "answered");
  g_assert_true (settings_answer (fixture->settings, "bleeding", &yes));
  g_assert_true (yes);
  open_plain_window (fixture);
  assert_no_screening_comes (fixture);

  /* What the menu item does still shows it, with the answers given. */
  screening = unknot_screening_window_present (fixture->parent, fixture->settings);
  wait_for_screening (fixture);
  g_assert_true (gtk_check_button_get_active (answer_button (screening, "bleeding", UNKNOT_ANSWER_YES)));
  g_assert_true (gtk_check_button_get_active (answer_button (screening, "pregnancy", UNKNOT_ANSWER_NO)));
  g_assert_false (gtk_check_button_get_active (answer_button (screening, "dvt", UNKNOT_ANSWER_YES)));
  g_assert_false (gtk_check_button_get_active (answer_button (screening, "dvt", UNKNOT_ANSWER_NO)));
  /* One at a time. */
  g_assert_true (unknot_screening_window_present (fixture->parent, fixture->settings) == screening);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  GtkWidget *found = NULL;

  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_action_button (child, action);
  return found;
}

static void
test_closed_unanswered_is_skipped (Fixture       *fixture,
                                   gconstpointer  data)
{
  UnknotScreeningWindow *screening;
  g_autofree char *status = NULL;
  g_autoptr(GVariant) answers = NULL;

  open_plain_window (fixture);
  screening = wait_for_screening (fixture);
  g_assert_true (g_str_has_prefix (unknot_screening_window_get_summary (screening),
                                   "You have not answered any question yet."));

  /* Done without an answer (a button clicks a moment after it is
   * activated, as with Enter or Space). */
  gtk_widget_activate (find_action_button (GTK_WIDGET (screening), "screening.done"));
  wait_until (screening_gone, fixture);
  status = settings_status (fixture->settings);
  g_assert_cmpstr (status, ==, "skipped");
  answers = g_settings_get_value (fixture->settings, "screening-answers");
  g_assert_cmpuint (g_variant_n_children (answers), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "screening-answered-at"), ==, 0);

  /* Not forced again (after a restart too: the first test shows that the
   * status is read back from the file). */
  unknot_screening_maybe_show_first_run (fixture->parent, fixture->settings);
  assert_no_screening_comes (fixture);
}

static gboolean
widget_is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
test_yes_explains (Fixture       *fixture,
                   gconstpointer  data)
{
  UnknotScreeningWindow *screening;
  UnknotScreeningQuestionRow *fracture;
  GtkLabel *explanation;

  g_settings_set_string (fixture->settings, "screening-status", "skipped");
  open_plain_window (fixture);
  screening = unknot_screening_window_present (fixture->parent, fixture->settings);
  wait_for_screening (fixture);
  fracture = unknot_screening_window_get_question (screening, "fracture");
  explanation = unknot_screening_question_row_get_explanation (fracture);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (explanation)));

  /* A yes shows what it means, right under the question. */
  answer (screening, "fracture", UNKNOT_ANSWER_YES);
  wait_until (widget_is_mapped, explanation);
  g_assert_cmpstr (gtk_label_get_text (explanation), ==,
                   unknot_screening_question_get_explanation (unknot_screening_lookup ("fracture")));
  g_assert_nonnull (strstr (gtk_label_get_text (explanation), "ribs, spine or shoulder blades"));
  g_assert_true (g_str_has_prefix (unknot_screening_window_get_summary (screening), "Some of your answers call for care."));
  g_assert_true (g_str_has_suffix (unknot_screening_window_get_summary (screening),
                                   "8 questions are not answered; they count as “no”."));

  /* One that rules out self-massage changes the summary to say so. */
  answer (screening, "dvt", UNKNOT_ANSWER_YES);
  g_assert_true (g_str_has_prefix (unknot_screening_window_get_summary (screening),
                                   "Please don’t self-massage until you have talked to a clinician"));

  /* No takes it back. */
  answer (screening, "fracture", UNKNOT_ANSWER_NO);
  wait_until (widget_is_unmapped, explanation);
  g_assert_true (gtk_check_button_get_active (answer_button (screening, "fracture", UNKNOT_ANSWER_NO)));
  g_assert_false (gtk_check_button_get_active (answer_button (screening, "fracture", UNKNOT_ANSWER_YES)));
  {
    gboolean yes = TRUE;

    g_assert_true (settings_answer (fixture->settings, "fracture", &yes));
    g_assert_false (yes);
  }
}

/* Routine rows and the routine page */

static GtkWidget *
row_titled (Fixture    *fixture,
            const char *title)
{
  GtkWidget *row;

  wait_until (widget_is_mapped, unknot_window_get_library_page (fixture->window));
  drain ();
  row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_routine_row_titled, title);
  g_assert_nonnull (row);
  return row;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* The safety check's tag on a row: the box (its tooltip holds the note). */
static GtkWidget *
row_tag_box (Fixture    *fixture,
             const char *title)
{
  GtkWidget *box = find_widget (row_titled (fixture, title), has_class, "screening-tag");

  g_assert_nonnull (box);
  return box;
}

/* Its word, or NULL when no tag is on screen. */
static const char *
row_tag (Fixture    *fixture,
         const char *title)
{
  GtkWidget *box = row_tag_box (fixture, title);
  GtkWidget *label = gtk_widget_get_last_child (box);

  if (!gtk_widget_get_mapped (box))
    return NULL;
  g_assert_true (GTK_IS_LABEL (label) && gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
set_yes (GSettings          *settings,
         const char * const *yes)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{sb}"));

  for (guint i = 0; yes != NULL && yes[i] != NULL; i++)
    g_variant_builder_add (builder, "{sb}", yes[i], TRUE);
  g_settings_set_value (settings, "screening-answers", g_variant_builder_end (builder));
  drain ();
}

static void
open_routine (Fixture    *fixture,
              const char *title)
{
  gtk_widget_activate (row_titled (fixture, title));
  drain ();
}

/* The note box on the routine page, or NULL when it is not on screen. */
static GtkWidget *
page_note (Fixture *fixture)
{
  GtkWidget *box = find_widget (GTK_WIDGET (unknot_window_get_routine_page (fixture->window)), has_class,
                                "screening-note");

  g_assert_nonnull (box);
  return gtk_widget_get_mapped (box) ? box : NULL;
}

/* "heading|note" as the box shows them. */
static char *
page_note_text (Fixture *fixture)
{
  GtkWidget *box = page_note (fixture);
  const char *note = NULL;

  if (box == NULL)
    return NULL;
  /* The card holds a box: the heading's row, then the note. */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
      note = gtk_label_get_text (GTK_LABEL (child));
  return g_strdup_printf ("%s|%s", shown_label_with_class (box, "heading"), note);
}

static void
test_notes_on_rows_and_page (Fixture       *fixture,
                             gconstpointer  data)
{
  const char * const fracture[] = { "fracture", NULL };
  const char * const dvt[] = { "dvt", NULL };
  const char *affected = "Tennis ball for the shoulder blades";
  const char *unaffected = "Hands for the neck and shoulders";
  UnknotScreeningLevel level;
  g_autofree char *fracture_note = unknot_screening_dup_note_for_areas (fracture, (const char * const[]) { "rhomboids", NULL }, &level);
  g_autofree char *dvt_note = unknot_screening_dup_note_for_areas (dvt, (const char * const[]) { "neck", NULL }, &level);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row;

  g_settings_set_string (fixture->settings, "screening-status", "skipped");
  open_window (fixture);
  g_assert_null (row_tag (fixture, affected));
  g_assert_null (row_tag (fixture, unaffected));

  /* A fracture concerns the ball on the back, not hands on the neck. */
  set_yes (fixture->settings, fracture);
  g_assert_cmpstr (row_tag (fixture, affected), ==, "Ask first");
  g_assert_null (row_tag (fixture, unaffected));
  row = row_titled (fixture, affected);
  expected = g_strdup_printf ("Check with a clinician first\n%s", fracture_note);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row_tag_box (fixture, affected)), ==, expected);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row_titled (fixture, unaffected)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* The page says it above Start. */
  open_routine (fixture, affected);
  text = page_note_text (fixture);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Check with a clinician first|%s", fracture_note);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  open_routine (fixture, unaffected);
  g_assert_null (page_note (fixture));

  /* Answers changed elsewhere show at once: a clot concerns every
   * routine, the page on screen too. */
  set_yes (fixture->settings, dvt);
  g_assert_cmpstr (row_tag (fixture, unaffected), ==, "Ask first");
  g_assert_cmpstr (row_tag (fixture, affected), ==, "Ask first");
  text = page_note_text (fixture);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Check with a clinician first|%s", dvt_note);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);

  /* And go when the answers do. */
  set_yes (fixture->settings, NULL);
  g_assert_null (row_tag (fixture, affected));
  g_assert_null (row_tag (fixture, unaffected));
  g_assert_null (page_note (fixture));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row_titled (fixture, affected)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static gboolean
is_row_with_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Preferences say whether and when the check was answered, and open it. */
static void
test_preferences_row (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *preferences;
  GtkWidget *row;
  UnknotScreeningWindow *screening;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%e %B %Y");
  g_autofree char *expected = g_strdup_printf ("Answered on %s", g_strstrip (date));

  g_settings_set_string (fixture->settings, "screening-status", "skipped");
  open_plain_window (fixture);
  preferences = unknot_preferences_window_new (fixture->settings, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), fixture->parent);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_until (widget_is_mapped, preferences);
  row = find_widget (preferences, is_row_with_title, "Safety Check");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Skipped; you can answer it at any time");

  /* Review… opens it over the preferences; an answer updates the row. */
  g_assert_true (gtk_widget_activate_action (preferences, "prefs.screening", NULL));
  screening = unknot_screening_window_get_for_parent (GTK_WINDOW (preferences));
  g_assert_nonnull (screening);
  wait_until (widget_is_mapped, screening);
  answer (screening, "fever", UNKNOT_ANSWER_NO);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  /* It goes with the window it belongs to. */
  g_object_add_weak_pointer (G_OBJECT (screening), (gpointer *) &screening);
  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
  g_assert_null (screening);
}

/* The application itself, on the process's memory settings: its first
 * activation brings the check, app.screening brings it back, and the main
 * menu offers that action. */

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

static UnknotScreeningWindow *
app_screening (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (UNKNOT_IS_SCREENING_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
app_screening_shown (gpointer app)
{
  return app_screening (app) != NULL;
}

static guint
count_screenings (GApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += UNKNOT_IS_SCREENING_WINDOW (l->data);
  return n;
}

static gboolean
drive_app_cb (gpointer user_data)
{
  GApplication *app = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UnknotScreeningWindow *screening;
  g_autofree char *status = NULL;

  /* The first activation showed the window, and after it the check. */
  wait_until (app_screening_shown, app);
  screening = app_screening (app);
  g_assert_true (UNKNOT_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (screening))));
  gtk_window_close (GTK_WINDOW (screening));
  drain ();
  g_assert_null (app_screening (app));
  status = g_settings_get_string (settings, "screening-status");
  g_assert_cmpstr (status, ==, "skipped");

  /* The menu item's action brings it back, once however often it is used,
   * and an answer given there is kept. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "screening", NULL);
  wait_until (app_screening_shown, app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "screening", NULL);
  drain ();
  g_assert_cmpuint (count_screenings (app), ==, 1);
  answer (app_screening (app), "skin", UNKNOT_ANSWER_YES);
  g_clear_pointer (&status, g_free);
  status = g_settings_get_string (settings, "screening-status");
  g_assert_cmpstr (status, ==, "answered");

  /* A second activation (another launch) does not bring a second check. */
  g_application_activate (app);
  drain ();
  g_assert_cmpuint (count_screenings (app), ==, 1);

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

  g_assert_true (menu_has_action (G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")), "app.screening", &label));
  g_assert_cmpstr (label, ==, "_Safety Check…");

  g_settings_reset (settings, "screening-status");
  g_settings_reset (settings, "screening-answers");
  /* A first run brings the welcome tour, which asks these questions itself
   * (test-ui-onboarding); after it, an unseen check still comes alone. */
  g_settings_set_boolean (settings, "onboarding-done", TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive_app_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("unknot-ui-home-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  /* The test backend keeps accessible properties without a bus; "none"
   * drops them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui-screening/first-run-shows-once", Fixture, NULL, fixture_set_up, test_first_run_shows_once, fixture_tear_down);
  g_test_add ("/ui-screening/closed-unanswered-is-skipped", Fixture, NULL, fixture_set_up, test_closed_unanswered_is_skipped, fixture_tear_down);
  g_test_add ("/ui-screening/yes-explains", Fixture, NULL, fixture_set_up, test_yes_explains, fixture_tear_down);
  g_test_add ("/ui-screening/notes-on-rows-and-page", Fixture, NULL, fixture_set_up, test_notes_on_rows_and_page, fixture_tear_down);
  g_test_add ("/ui-screening/preferences-row", Fixture, NULL, fixture_set_up, test_preferences_row, fixture_tear_down);
  g_test_add_func ("/ui-screening/app-first-run-and-menu", test_app_first_run_and_menu);
  return g_test_run () + (g_rmdir (data_home) != 0 ? 0 : 0);
}
