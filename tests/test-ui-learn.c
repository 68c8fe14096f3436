/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Learn view and "When to Get Help" under Xvfb: what is on screen, the
 * checklist across a restart, the way from a technique to its routine,
 * search results that lead into Learn, and help from a running session. */
#include "config.h"

#include <adwaita.h>

#include "learn/unknot-learn-content.h"
#include "safety/unknot-help-content.h"
#include "safety/unknot-help-window.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *dir;
  char                 *keyfile;
  GSettings            *settings;
  UnknotRoutineLibrary *library;
  UnknotWindow         *window;
} Fixture;

/* The first layout of the Learn page, a few hundred milliseconds in a
 * normal build, takes many seconds under AddressSanitizer on a busy
 * machine: more than the 10 s of wait_until(). */
static void
wait_long (gboolean (*condition) (gpointer),
           gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
open_window (Fixture *fixture)
{
  fixture->window = unknot_window_new (NULL, fixture->library, fixture->settings);
  /* Today is the first view; these tests start from the routines. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines");
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_long (widget_is_mapped, fixture->window);
  drain ();
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  wait_long (window_gone, &fixture->window);
  drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) user_folder = NULL;

  fixture->dir = g_dir_make_tmp ("unknot-ui-learn-XXXXXX", NULL);
  fixture->keyfile = g_build_filename (fixture->dir, "settings.ini", NULL);
  user_folder = g_file_new_build_filename (fixture->dir, "routines", NULL);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, user_folder);
  fixture->settings = keyfile_settings_new (fixture->keyfile);
  open_window (fixture);
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

/* Finding what the user sees */

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static gboolean
is_help_content (GtkWidget     *widget,
                 gconstpointer  data)
{
  return UNKNOT_IS_HELP_CONTENT (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
learn_page (Fixture *fixture)
{
  return GTK_WIDGET (fixture->window->learn_page);
}

static const char *
visible_view (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (fixture->window->views);
}

static void
show_learn (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "learn"));
  drain ();
  g_assert_cmpstr (visible_view (fixture), ==, "learn");
  g_assert_true (gtk_widget_get_mapped (learn_page (fixture)));
}

static GtkCheckButton *
checklist_check (Fixture    *fixture,
                 const char *title)
{
  GtkWidget *row = find_widget (learn_page (fixture), is_row_titled, title);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (find_widget (row, is_check_button, NULL));
}

static const char *
routine_page_title (Fixture *fixture)
{
  GtkWidget *routine_page = GTK_WIDGET (unknot_window_get_routine_page (fixture->window));

  if (!gtk_widget_get_mapped (routine_page))
    return NULL;
  return shown_label_with_class (routine_page, "title-1");
}

static UnknotHelpWindow *
shown_help_window (guint *n_open)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  UnknotHelpWindow *found = NULL;

  if (n_open != NULL)
    *n_open = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (UNKNOT_IS_HELP_WINDOW (window) && gtk_widget_get_visible (window))
        {
          found = UNKNOT_HELP_WINDOW (window);
          if (n_open != NULL)
            (*n_open)++;
        }
    }
  return found;
}

static gboolean
help_window_mapped (gpointer data)
{
  UnknotHelpWindow *help = shown_help_window (NULL);

  return help != NULL && gtk_widget_get_mapped (GTK_WIDGET (help));
}

static gboolean
help_window_closed (gpointer data)
{
  return shown_help_window (NULL) == NULL;
}

/* What a user must be able to read in the help window. */
static UnknotHelpWindow *
assert_help_window_shown (Fixture *fixture)
{
  UnknotHelpWindow *help;
  guint n_open;

  wait_long (help_window_mapped, NULL);
  help = shown_help_window (&n_open);
  g_assert_cmpuint (n_open, ==, 1);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (help)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (help)), ==, "When to Get Help");
  g_assert_nonnull (find_widget (GTK_WIDGET (help), is_shown_label, "Get Emergency Care Now If You Have"));
  g_assert_nonnull (find_widget (GTK_WIDGET (help), is_shown_label, "Chest pain or pressure"));
  g_assert_nonnull (find_widget (GTK_WIDGET (help), is_shown_label, "Loss of bladder or bowel control"));
  g_assert_nonnull (find_widget (GTK_WIDGET (help), is_shown_label, "See a Clinician Soon If"));
  g_assert_nonnull (find_widget (GTK_WIDGET (help), is_shown_label, "The pain is no better after 2–4 weeks"));
  return help;
}

static void
close_help_window (void)
{
  UnknotHelpWindow *help = shown_help_window (NULL);

  /* Escape closes it, as it would for the user. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (help), "window.close", NULL));
  wait_long (help_window_closed, NULL);
}

/* The content table */

static char *
search_ids (const char *text)
{
  g_autoptr(GPtrArray) matches = unknot_learn_content_search (text);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (ids, (char *) ((UnknotLearnMatch *) g_ptr_array_index (matches, i))->id);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv ("|", (char **) ids->pdata);
}

static void
test_content_search (void)
{
  g_autofree char *reflexology = search_ids ("reflexology");
  g_autofree char *two_words = search_ids ("  REFLEXOLOGY relaxation ");
  g_autofree char *no_match = search_ids ("reflexology zzzz");
  g_autofree char *empty = search_ids ("  ");
  g_autofree char *licensing = search_ids ("licensing");
  g_autofree char *osteoporosis = search_ids ("osteoporosis");
  g_autoptr(GPtrArray) matches = unknot_learn_content_search ("Thai");
  UnknotLearnMatch *thai;

  g_assert_cmpstr (reflexology, ==, "technique-foot");
  g_assert_cmpstr (two_words, ==, "technique-foot");
  g_assert_cmpstr (no_match, ==, "");
  g_assert_cmpstr (empty, ==, "");
  /* A checklist point is found through its section. */
  g_assert_cmpstr (licensing, ==, "therapist");
  /* In page order: a cause, then the question about who should not. */
  g_assert_cmpstr (osteoporosis, ==, "causes|faq-who-should-not");

  g_assert_cmpuint (matches->len, ==, 1);
  thai = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (thai->id, ==, "technique-thai");
  g_assert_cmpstr (thai->title, ==, "Thai Massage");
  g_assert_cmpstr (thai->section_title, ==, "Six Massage Techniques Compared");

  g_assert_true (unknot_learn_content_has_place ("faq-how-often"));
  g_assert_false (unknot_learn_content_has_place ("nowhere"));
}

/* Every technique opens the built-in routine that does something like it,
 * and the ids are unique (the checklist's are stored). */
static void
test_content_table (void)
{
  static const struct { const char *name, *routine; } expected[] = {
    { "Swedish Massage", "hands-swedish-strokes" },
    { "Trigger Point Therapy", "ball-trigger-points" },
    { "Deep Tissue Massage", "roller-thoracic" },
    { "Thai Massage", "hands-pin-and-stretch" },
    { "Sports Massage", "roller-sports-warmup" },
    { "Foot Massage and Reflexology", "ball-foot-roll" },
  };
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/unknot-routines");
  g_autoptr(UnknotRoutineLibrary) library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, nowhere);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (const UnknotLearnTechnique *t = unknot_learn_techniques; t->id != NULL; t++, n++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (t->name, ==, expected[n].name);
      g_assert_cmpstr (t->routine_id, ==, expected[n].routine);
      g_assert_nonnull (unknot_routine_library_lookup (library, t->routine_id));
      g_assert_true (g_hash_table_add (ids, (gpointer) t->id));
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (const UnknotLearnCheckItem *item = unknot_learn_checklist; item->id != NULL; item++)
    g_assert_true (g_hash_table_add (ids, (gpointer) item->id));
  for (const UnknotLearnQuestion *q = unknot_learn_questions; q->id != NULL; q++)
    g_assert_true (g_hash_table_add (ids, (gpointer) q->id));
  for (const UnknotLearnSection *s = unknot_learn_sections; s->id != NULL; s++)
    g_assert_true (g_hash_table_add (ids, (gpointer) s->id));
}

/* The Learn view */

static guint
count_shown_labels (GtkWidget  *widget,
                    const char *text)
{
  guint n = is_shown_label (widget, text) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_shown_labels (child, text);
  return n;
}

static void
test_learn_opens (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *titles[] = {
    "Your Upper Back",
    "Unknot Does Not Replace Professional Care",
    "What Causes Upper Back Pain",
    "How Massage May Help",
    "Six Massage Techniques Compared",
    "Swedish Massage",
    "Foot Massage and Reflexology",
    "Choosing a Massage Therapist",
    "Questions and Answers",
  };
  guint n_open;

  /* Nothing of it is built before someone opens it. */
  g_assert_cmpstr (visible_view (fixture), ==, "routines");
  g_assert_null (fixture->window->learn_page);
  g_assert_null (find_widget (GTK_WIDGET (fixture->window), is_shown_label, "What Causes Upper Back Pain"));

  show_learn (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (find_widget (learn_page (fixture), is_shown_label, titles[i]));
  g_assert_nonnull (find_widget (learn_page (fixture), is_row_titled, "How often should I have a massage?"));
  g_assert_nonnull (find_widget (learn_page (fixture), is_button_labelled, "When to Get _Help"));

  /* Away and back: the same page, not a second copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "insights"));
  drain ();
  g_assert_false (gtk_widget_get_mapped (learn_page (fixture)));
  show_learn (fixture);
  g_assert_cmpuint (count_shown_labels (learn_page (fixture), "What Causes Upper Back Pain"), ==, 1);
  g_assert_cmpuint (count_shown_labels (learn_page (fixture), "Your Upper Back"), ==, 1);

  /* Its "When to Get Help" button opens the help window. */
  g_signal_emit_by_name (find_widget (learn_page (fixture), is_button_labelled, "When to Get _Help"), "clicked");
  assert_help_window_shown (fixture);
  /* The main menu and F1 ask for it through win.show-help: the same
   * window, not a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help", NULL));
  drain ();
  shown_help_window (&n_open);
  g_assert_cmpuint (n_open, ==, 1);
  close_help_window ();
}

static char *
keyfile_contents (Fixture *fixture)
{
  char *contents = NULL;

  g_settings_sync ();
  g_assert_true (g_file_get_contents (fixture->keyfile, &contents, NULL, NULL));
  return contents;
}

static void
test_checklist_survives_restart (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(GStrv) ticked = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *row;

  show_learn (fixture);
  g_assert_false (gtk_check_button_get_active (checklist_check (fixture, "Check Training and Licensing")));

  /* Activating the row ticks its box, as a click or Enter on it does. */
  row = find_widget (learn_page (fixture), is_row_titled, "Check Training and Licensing");
  gtk_widget_activate (row);
  drain ();
  g_assert_true (gtk_check_button_get_active (checklist_check (fixture, "Check Training and Licensing")));
  gtk_check_button_set_active (checklist_check (fixture, "Trust Your Instincts"), TRUE);
  gtk_check_button_set_active (checklist_check (fixture, "Know What You Want"), TRUE);
  gtk_check_button_set_active (checklist_check (fixture, "Know What You Want"), FALSE);
  drain ();

  ticked = g_settings_get_strv (fixture->settings, "therapist-checklist");
  g_assert_cmpstrv (ticked, ((const char * const[]) { "qualifications", "instincts", NULL }));
  saved = keyfile_contents (fixture);
  g_assert_nonnull (strstr (saved, "therapist-checklist=['qualifications', 'instincts']"));

  /* A restart: a new window over new settings read from the same file. */
  close_window (fixture);
  keyfile_settings_close (&fixture->settings);
  fixture->settings = keyfile_settings_new (fixture->keyfile);
  open_window (fixture);
  show_learn (fixture);
  g_assert_true (gtk_check_button_get_active (checklist_check (fixture, "Check Training and Licensing")));
  g_assert_true (gtk_check_button_get_active (checklist_check (fixture, "Trust Your Instincts")));
  g_assert_false (gtk_check_button_get_active (checklist_check (fixture, "Know What You Want")));
  g_assert_false (gtk_check_button_get_active (checklist_check (fixture, "Compare Services and Prices")));

  /* A change made elsewhere (another window) shows here too. */
  g_settings_set_strv (fixture->settings, "therapist-checklist", NULL);
  drain ();
  g_assert_false (gtk_check_button_get_active (checklist_check (fixture, "Check Training and Licensing")));
}

static void
test_technique_opens_routine (Fixture       *fixture,
                              gconstpointer  data)
{
  /* The first card and the last; /learn/content/table checks the routine
   * of every technique (a round trip costs seconds under AddressSanitizer). */
  static const struct { const char *button, *routine; } techniques[] = {
    { "Try Swedish-Style Strokes", "Swedish-style strokes for the neck and shoulders" },
    { "Try the Foot Roll", "Tennis ball foot roll" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (techniques); i++)
    {
      GtkWidget *button;

      show_learn (fixture);
      button = find_widget (learn_page (fixture), is_button_labelled, techniques[i].button);
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      drain ();
      g_assert_cmpstr (visible_view (fixture), ==, "routines");
      g_assert_cmpstr (routine_page_title (fixture), ==, techniques[i].routine);
    }

  /* An id that is not there says so instead of showing nothing. */
  show_learn (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-routine", "s", "no-such-routine"));
  drain ();
  g_assert_cmpstr (visible_view (fixture), ==, "learn");
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_shown_label,
                                 "There is no routine with the id “no-such-routine”."));
}

/* Search */

typedef struct
{
  Fixture   *fixture;
  GtkWidget *place;
} PlaceOnScreen;

/* Scrolled so that its top is in the visible part of the page, and still
 * highlighted there. */
static gboolean
place_on_screen (gpointer data)
{
  PlaceOnScreen *args = data;
  GtkWidget *scroller = GTK_WIDGET (unknot_learn_page_get_scroller (args->fixture->window->learn_page));
  graphene_point_t point;

  if (!gtk_widget_get_mapped (args->place) || !gtk_widget_has_css_class (args->place, "learn-highlight"))
    return FALSE;
  if (!gtk_widget_compute_point (args->place, scroller, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  return point.y >= 0 && point.y < gtk_widget_get_height (scroller) - 48;
}

static void
search_and_open (Fixture    *fixture,
                 const char *text,
                 const char *row_title,
                 const char *place_id)
{
  UnknotLibraryPage *library_page = unknot_window_get_library_page (fixture->window);
  PlaceOnScreen args = { fixture, NULL };
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines"));
  unknot_library_page_set_search_text (library_page, text);
  drain ();
  g_assert_nonnull (find_widget (GTK_WIDGET (library_page), is_shown_label, "In Learn"));
  row = find_widget (GTK_WIDGET (library_page), is_row_titled, row_title);
  g_assert_nonnull (row);
  gtk_widget_activate (row);

  g_assert_cmpstr (visible_view (fixture), ==, "learn");
  args.place = unknot_learn_page_get_place (fixture->window->learn_page, place_id);
  g_assert_nonnull (args.place);
  g_assert_true (gtk_widget_has_css_class (args.place, "learn-highlight"));
  wait_long (place_on_screen, &args);
}

static void
test_search_finds_learn (Fixture       *fixture,
                         gconstpointer  data)
{
  UnknotLibraryPage *library_page = unknot_window_get_library_page (fixture->window);
  PlaceOnScreen args = { fixture, NULL };
  GtkWidget *question;

  /* Far down the page: the last technique. */
  search_and_open (fixture, "reflexology", "Foot Massage and Reflexology", "technique-foot");

  /* A question opens to show its answer (the same way in, without the
   * round trip through the library). */
  question = unknot_learn_page_get_place (fixture->window->learn_page, "faq-how-often");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (question)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-learn-section", "s", "faq-how-often"));
  g_assert_true (gtk_widget_has_css_class (question, "learn-highlight"));
  args.place = question;
  wait_long (place_on_screen, &args);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (question)));

  /* No routine mentions licensing; the Learn result is still shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines"));
  unknot_library_page_set_search_text (library_page, "licensing");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (unknot_library_page_get_shown (library_page)), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (library_page), is_row_titled, "Choosing a Massage Therapist"));
  g_assert_null (find_widget (GTK_WIDGET (library_page), is_shown_label, "No Routines Found"));

  /* Nothing anywhere: the empty state, and no Learn group. */
  unknot_library_page_set_search_text (library_page, "zzzz");
  drain ();
  g_assert_nonnull (find_widget (GTK_WIDGET (library_page), is_shown_label, "No Routines Found"));
  g_assert_null (find_widget (GTK_WIDGET (library_page), is_shown_label, "In Learn"));

  /* No search, no Learn results under the routines. */
  unknot_library_page_set_search_text (library_page, "");
  drain ();
  g_assert_null (find_widget (GTK_WIDGET (library_page), is_shown_label, "In Learn"));
  g_assert_null (find_widget (GTK_WIDGET (library_page), is_shown_label, "No Routines Found"));
}

/* Sessions, on a fake clock */

static void
test_help_from_session (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 26, 10, 0, 0);
  g_autoptr(UnknotClock) clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC, local);
  g_autofree char *db_path = g_build_filename (fixture->dir, "unknot.db", NULL);
  g_autoptr(GFile) db = g_file_new_for_path (db_path);
  g_autoptr(UnknotStore) store = unknot_store_new (db);
  UnknotSessionView *view;
  GtkWidget *view_widget;
  GtkWidget *help_button;
  GtkWidget *content;

  open_store (store);
  unknot_window_set_session_services (fixture->window, clock, store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-routine", "s", "ball-shoulder-blades"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  drain ();
  view = unknot_window_get_session_view (fixture->window);
  view_widget = GTK_WIDGET (view);
  g_assert_true (gtk_widget_get_mapped (view_widget));
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (clock), 6 * G_USEC_PER_SEC);
  drain ();
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), ==, "Step 1 of 5");
  g_assert_cmpint (unknot_session_get_state (unknot_session_view_get_session (view)), ==, UNKNOT_SESSION_STATE_RUNNING);

  /* The session's own button opens help; the session waits meanwhile. */
  help_button = find_widget (view_widget, is_button_with_tooltip, "When to Get Help (F1)");
  g_assert_nonnull (help_button);
  g_signal_emit_by_name (help_button, "clicked");
  assert_help_window_shown (fixture);
  g_assert_cmpint (unknot_session_get_state (unknot_session_view_get_session (view)), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "Paused"));
  close_help_window ();
  g_assert_true (unknot_session_view_is_active (view));

  /* "Stop — This Doesn't Feel Right" shows the same guidance. */
  g_assert_true (gtk_widget_activate_action (view_widget, "session.safety-stop", NULL));
  drain ();
  content = find_widget (view_widget, is_help_content, NULL);
  g_assert_nonnull (content);
  g_assert_nonnull (find_widget (content, is_shown_label, "Get Emergency Care Now If You Have"));
  g_assert_nonnull (find_widget (content, is_shown_label, "See a Clinician Soon If"));
  g_assert_nonnull (find_widget (view_widget, is_shown_label, "This stop has been noted in your history."));

  g_assert_true (gtk_widget_activate_action (view_widget, "session.close", NULL));
  drain ();
  unknot_store_flush (store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("unknot-ui-learn-home-XXXXXX", NULL);
  int status;

  /* Nothing here may touch the real user's data, or make a sound. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/learn/content/search", test_content_search);
  g_test_add_func ("/learn/content/table", test_content_table);
  g_test_add ("/learn/opens-and-help", Fixture, NULL, fixture_set_up, test_learn_opens, fixture_tear_down);
  g_test_add ("/learn/checklist-survives-restart", Fixture, NULL, fixture_set_up, test_checklist_survives_restart, fixture_tear_down);
  g_test_add ("/learn/technique-opens-routine", Fixture, NULL, fixture_set_up, test_technique_opens_routine, fixture_tear_down);
  g_test_add ("/learn/search-finds-learn", Fixture, NULL, fixture_set_up, test_search_finds_learn, fixture_tear_down);
  g_test_add ("/learn/help-from-session", Fixture, NULL, fixture_set_up, test_help_from_session, fixture_tear_down);
  status = g_test_run ();
  delete_tree (data_home);
  return status;
}
