/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Today view under Xvfb, on a fake clock and a history built by hand
 * in a temporary store: what a new user is offered, what a user whose
 * shoulder a routine has helped is offered and why, Start opening that
 * routine's session, the When to Get Help card after a safety stop, the
 * ask-a-clinician state, the next posture break (from a reminder service
 * on the test's bus), today's sessions and breaks, the last pain entry,
 * and a phone-width window. */
#include "config.h"

#include <adwaita.h>

#include "pain/unknot-chart-widget.h"
#include "pain/unknot-pain-format.h"
#include "pain/unknot-pain-log.h"
#include "safety/unknot-help-window.h"
#include "today/unknot-today-page.h"
#include "today/unknot-today-suggestions.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

typedef struct
{
  char                 *dir;
  GSettings            *settings;
  UnknotRoutineLibrary *library;
  UnknotClock          *clock;
  UnknotStore          *store;
  GDateTime            *now;     /* the fake clock's start: Thursday 26 November 2026, 10:00 */
  UnknotWindow         *window;
} Fixture;

/* The store, synchronously */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  wait_until (pointer_set, slot);
  return g_steal_pointer (slot);
}

static gint64
add_entry (Fixture         *fixture,
           GDateTime       *time,
           int              pain,
           guint            regions,
           gint64           session_id,
           UnknotPainPhase  phase)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  g_date_time_unref (entry->time);
  entry->time = g_date_time_ref (time);
  entry->pain = pain;
  entry->regions = regions;
  entry->session_id = session_id;
  entry->phase = phase;
  unknot_store_add_pain_entry_async (fixture->store, entry, NULL, got_result_cb, &slot);
  result = wait_result (&slot);
  saved = unknot_store_add_pain_entry_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return saved->id;
}

/* A session of @routine_id begun at @started, 8 minutes long, rated
 * before and after when @before is not negative. */
static void
add_session (Fixture              *fixture,
             const char           *routine_id,
             GDateTime            *started,
             UnknotSessionOutcome  outcome,
             int                   before,
             int                   after,
             guint                 regions)
{
  UnknotRoutine *routine = unknot_routine_library_lookup (fixture->library, routine_id);
  g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 8);
  g_autoptr(GAsyncResult) begun = NULL;
  g_autoptr(GAsyncResult) finished = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  guint steps;
  gint64 id;

  g_assert_nonnull (routine);
  steps = unknot_routine_get_n_steps (routine);
  unknot_store_begin_session_async (fixture->store, routine_id, unknot_routine_get_title (routine), steps, started,
                                    NULL, got_result_cb, &slot);
  begun = wait_result (&slot);
  id = unknot_store_begin_session_finish (fixture->store, begun, &error);
  g_assert_no_error (error);
  unknot_store_end_session_async (fixture->store, id, outcome, NULL, ended, 480,
                                  outcome == UNKNOT_SESSION_OUTCOME_COMPLETED ? steps : 1, NULL, got_result_cb, &slot);
  finished = wait_result (&slot);
  g_assert_true (unknot_store_end_session_finish (fixture->store, finished, &error));
  g_assert_no_error (error);
  if (before >= 0)
    {
      g_autoptr(GDateTime) just_before = g_date_time_add_minutes (started, -1);
      g_autoptr(GDateTime) just_after = g_date_time_add_minutes (ended, 1);

      add_entry (fixture, just_before, before, regions, id, UNKNOT_PAIN_PHASE_BEFORE);
      add_entry (fixture, just_after, after, regions, id, UNKNOT_PAIN_PHASE_AFTER);
    }
}

static void
add_reminder_event (Fixture    *fixture,
                    const char *kind,
                    GDateTime  *time)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_add_reminder_event_async (fixture->store, kind, NULL, time, NULL, got_result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (unknot_store_add_reminder_event_finish (fixture->store, result, &error));
  g_assert_no_error (error);
}

/* @days before now (negative: after), at @hour:@minute local time. */
static GDateTime *
day_at (Fixture *fixture,
        int      days,
        int      hour,
        int      minute)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (fixture->now, -days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

/* The fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *keyfile = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("unknot-ui-today-XXXXXX", NULL);
  keyfile = g_build_filename (fixture->dir, "settings.ini", NULL);
  fixture->settings = keyfile_settings_new (keyfile);
  g_settings_set_boolean (fixture->settings, "onboarding-done", TRUE);

  folder = g_file_new_build_filename (fixture->dir, "routines", NULL);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
  fixture->now = g_date_time_new_local (2026, 11, 26, 10, 0, 0);
  fixture->clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC, fixture->now);

  db = g_build_filename (fixture->dir, "unknot.db", NULL);
  file = g_file_new_for_path (db);
  fixture->store = unknot_store_new (file);
  open_store (fixture->store);
}

static gboolean
today_loaded (gpointer data)
{
  Fixture *fixture = data;

  return !unknot_today_page_is_loading (unknot_window_get_today_page (fixture->window));
}

static void
open_window (Fixture *fixture,
             int      width)
{
  fixture->window = unknot_window_new (NULL, fixture->library, fixture->settings);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  unknot_window_set_session_services (fixture->window, fixture->clock, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (widget_is_mapped, fixture->window);
  wait_until (today_loaded, fixture);
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      UnknotSessionView *view = fixture->window->session_view;

      if (view != NULL && unknot_session_view_is_active (view))
        unknot_session_view_end (view, UNKNOT_STOP_REASON_WINDOW_CLOSED);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  drain ();
  g_assert_null (fixture->window);
  unknot_store_flush (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->library);
  g_clear_pointer (&fixture->now, g_date_time_unref);
  keyfile_settings_close (&fixture->settings);
  delete_tree (fixture->dir);
  g_free (fixture->dir);
}

/* What the user sees */

static GtkWidget *
today (Fixture *fixture)
{
  return GTK_WIDGET (unknot_window_get_today_page (fixture->window));
}

static void
reload (Fixture *fixture)
{
  unknot_today_page_reload (unknot_window_get_today_page (fixture->window));
  wait_until (today_loaded, fixture);
  drain ();
}

static AdwActionRow *
shown_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = find_widget (today (fixture), is_row_titled, title);

  if (row == NULL)
    g_error ("No row titled “%s” on Today", title);
  return ADW_ACTION_ROW (row);
}

/* The suggestion on top: its title and reason, as on screen. */
static const char *
top_title (Fixture *fixture)
{
  return shown_label_with_class (today (fixture), "title-3");
}

static const char *
top_reason (Fixture *fixture)
{
  return shown_label_with_class (today (fixture), "today-reason");
}

static GtkWidget *
start_button (Fixture *fixture)
{
  return find_widget (today (fixture), is_button_labelled, "_Start");
}

/* What a click does, without the pointer: a button's "clicked" (its
 * keyboard activation waits for an animation), a switch's flip. */
static void
click (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget));
  if (GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), !gtk_switch_get_active (GTK_SWITCH (widget)));
  else
    g_signal_emit_by_name (widget, "clicked");
  drain ();
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_boxed_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "boxed-list");
}

/* The words under the week's chart, when it is on screen. */
static GtkWidget *
trend_caption (Fixture *fixture)
{
  GtkWidget *chart = find_widget (today (fixture), is_of_type, GSIZE_TO_POINTER (UNKNOT_TYPE_CHART));

  if (chart == NULL || !gtk_widget_get_mapped (chart))
    return NULL;
  return gtk_widget_get_next_sibling (chart);
}

/* The titles of the alternatives' rows, in order. */
static char *
alternative_titles (Fixture *fixture)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GtkWidget *card = find_widget (today (fixture), is_of_type, GSIZE_TO_POINTER (UNKNOT_TYPE_TODAY_SUGGESTIONS));
  GtkWidget *list = find_widget (card, is_boxed_list, NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && gtk_widget_get_mapped (row))
      g_ptr_array_add (titles, (char *) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (char **) titles->pdata);
}

/* A new user: the gentle starter, and the time choice changes it. */
static void
test_new_user (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *alternatives = NULL;
  GtkWidget *ten;

  open_window (fixture, 1200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->views), ==, "today");
  g_assert_cmpstr (top_title (fixture), ==, "Two-minute desk break");
  g_assert_cmpstr (top_reason (fixture), ==, "A gentle start · takes 2 minutes");
  g_assert_nonnull (start_button (fixture));
  g_assert_null (find_widget (today (fixture), is_shown_label, "When to Get Help"));

  /* Nothing logged, nothing done yet today. */
  g_assert_nonnull (shown_row (fixture, "No pain logged yet"));
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Sessions")), ==, "");
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Sessions")), is_shown_label, "0"));
  g_assert_null (find_widget (today (fixture), is_shown_label, "Pain over the last 7 days"));

  /* Ten minutes: a longer gentle routine, and the choice is kept. */
  ten = find_widget (today (fixture), is_button_labelled, "10 min");
  g_assert_nonnull (ten);
  click (ten);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "suggest-minutes"), ==, 10);
  g_assert_cmpstr (top_title (fixture), ==, "Hands for the neck and shoulders");
  g_assert_cmpstr (top_reason (fixture), ==, "A gentle start · fits 10 minutes");
  alternatives = alternative_titles (fixture);
  g_assert_cmpstr (alternatives, ==, "Swedish-style strokes for the neck and shoulders|Two-minute desk break");

  /* Set elsewhere (Preferences, another window): followed. */
  g_settings_set_int (fixture->settings, "suggest-minutes", 2);
  drain ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_widget (today (fixture), is_button_labelled, "2 min"))));
  g_assert_cmpstr (top_title (fixture), ==, "Two-minute desk break");
  g_assert_cmpstr (top_reason (fixture), ==, "A gentle start · fits 2 minutes");
}

/* A right shoulder that hurts, and a routine that lowered the pain over
 * four rated sessions: it comes first, and says so. */
static void
build_helped_history (Fixture *fixture)
{
  static const int days_ago[] = { 10, 7, 4, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (days_ago); i++)
    {
      g_autoptr(GDateTime) started = day_at (fixture, days_ago[i], 18, 0);

      add_session (fixture, "hands-pin-and-stretch", started, UNKNOT_SESSION_OUTCOME_COMPLETED, 6, 3,
                   UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
    }
  for (int d = 3; d >= 2; d--)
    {
      g_autoptr(GDateTime) morning = day_at (fixture, d, 9, 0);

      add_entry (fixture, morning, 5, UNKNOT_PAIN_REGION_SHOULDER_RIGHT, 0, UNKNOT_PAIN_PHASE_NONE);
    }
  {
    g_autoptr(GDateTime) early = day_at (fixture, 0, 8, 0);
    g_autoptr(GDateTime) taken = day_at (fixture, 0, 8, 30);
    g_autoptr(GDateTime) away = day_at (fixture, 0, 9, 15);
    g_autoptr(GDateTime) morning = day_at (fixture, 0, 9, 30);

    /* Today: a desk break from a reminder, a break away from the desk, and
     * the shoulder at 6. */
    add_session (fixture, "desk-break", early, UNKNOT_SESSION_OUTCOME_COMPLETED, -1, -1, 0);
    add_reminder_event (fixture, "taken", taken);
    add_reminder_event (fixture, "natural", away);
    add_entry (fixture, morning, 6, UNKNOT_PAIN_REGION_SHOULDER_RIGHT, 0, UNKNOT_PAIN_PHASE_NONE);
  }
}

static void
test_suggestion_with_history (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *caption;

  build_helped_history (fixture);
  g_settings_set_int (fixture->settings, "suggest-minutes", 10);
  open_window (fixture, 1200);

  g_assert_cmpstr (top_title (fixture), ==, "Pin and stretch for the neck and shoulders");
  g_assert_cmpstr (top_reason (fixture), ==,
                   "Targets your right shoulder · lowered your pain by 3 points on average over 4 sessions");
  g_assert_nonnull (start_button (fixture));

  /* Today so far: one session, two breaks. */
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Sessions")), is_shown_label, "1"));
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Sessions")), ==, "1 finished");
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Breaks Taken")), is_shown_label, "2"));
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Breaks Taken")), ==,
                   "1 from a reminder, 1 away from the computer");

  /* The last entry and the week's trend. */
  {
    g_autoptr(GDateTime) morning = day_at (fixture, 0, 9, 30);
    g_autofree char *time = unknot_pain_format_time (morning);
    g_autofree char *expected = g_strdup_printf ("Today at %s · Your right shoulder", time);

    g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Last entry: 6 — Moderate")), ==, expected);
  }
  caption = trend_caption (fixture);
  g_assert_nonnull (caption);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (caption)), "Last 7 days: average"));

  /* Two minutes: only the desk break is short enough. */
  g_settings_set_int (fixture->settings, "suggest-minutes", 2);
  drain ();
  g_assert_cmpstr (top_title (fixture), ==, "Two-minute desk break");
}

/* The window's crossfade between the views and a session is over. */
static gboolean
main_stack_settled (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_stack_get_transition_running (fixture->window->main_stack);
}

/* Start opens the suggested routine's session at its first step. */
static void
test_start_opens_session (Fixture       *fixture,
                          gconstpointer  data)
{
  UnknotRoutine *routine;
  g_autoptr(UnknotStep) first = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *counter = NULL;
  GtkWidget *view;

  build_helped_history (fixture);
  g_settings_set_int (fixture->settings, "suggest-minutes", 10);
  open_window (fixture, 1200);
  routine = unknot_routine_library_lookup (fixture->library, "hands-pin-and-stretch");
  first = g_list_model_get_item (unknot_routine_get_steps (routine), 0);
  first_line = g_strdup_printf ("First: %s", unknot_step_get_title (first));
  counter = g_strdup_printf ("Step 1 of %u", unknot_routine_get_n_steps (routine));

  g_assert_cmpstr (top_title (fixture), ==, unknot_routine_get_title (routine));
  click (start_button (fixture));
  wait_until (main_stack_settled, fixture);

  view = GTK_WIDGET (unknot_window_get_session_view (fixture->window));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_mapped (today (fixture)));
  g_assert_cmpstr (shown_label_with_class (view, "caption-heading"), ==, "Get Ready");
  g_assert_nonnull (find_widget (view, is_shown_label, first_line));
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), 5 * G_USEC_PER_SEC);
  drain ();
  g_assert_cmpstr (shown_label_with_class (view, "caption-heading"), ==, counter);
  g_assert_cmpstr (shown_label_with_class (view, "title-2"), ==, unknot_step_get_title (first));

  /* Back on Today once the session is over. */
  unknot_session_view_end (UNKNOT_SESSION_VIEW (view), UNKNOT_STOP_REASON_USER);
  g_assert_true (gtk_widget_activate_action (view, "session.close", NULL));
  wait_until (main_stack_settled, fixture);
  g_assert_true (gtk_widget_get_mapped (today (fixture)));
  g_assert_false (gtk_widget_get_mapped (view));
}

/* After "Stop — this doesn't feel right": When to Get Help first, and no
 * routine to start, until 48 hours have passed. */
static gboolean
help_window_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (UNKNOT_IS_HELP_WINDOW (window) && gtk_widget_get_mapped (window))
        return TRUE;
    }
  return FALSE;
}

static void
test_red_flag (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) stopped = day_at (fixture, 0, 8, 0);
  GtkWidget *help_button;
  GtkWidget *message;

  build_helped_history (fixture);
  add_session (fixture, "hands-pin-and-stretch", stopped, UNKNOT_SESSION_OUTCOME_SAFETY, -1, -1, 0);
  open_window (fixture, 1200);

  g_assert_nonnull (find_widget (today (fixture), is_shown_label, "When to Get Help"));
  message = find_widget (today (fixture), is_shown_label,
                         "You stopped a session in the last 48 hours because something didn’t feel right, so no "
                         "routine is suggested for now. If numbness, tingling or sharp pain has not settled, see a "
                         "clinician; for chest pain, shortness of breath or weakness in both legs, get emergency care "
                         "now.");
  g_assert_nonnull (message);
  g_assert_null (start_button (fixture));
  g_assert_null (top_reason (fixture));

  help_button = find_widget (today (fixture), is_button_labelled, "_Read When to Get Help");
  g_assert_nonnull (help_button);
  click (help_button);
  wait_until (help_window_shown, NULL);

  /* 48 hours after the stop, suggestions come back. */
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), 46 * G_TIME_SPAN_HOUR);
  reload (fixture);
  g_assert_null (start_button (fixture));
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), 2 * G_TIME_SPAN_HOUR);
  reload (fixture);
  g_assert_nonnull (start_button (fixture));
  g_assert_null (find_widget (today (fixture), is_shown_label, "When to Get Help"));
}

/* A safety check answer that asks for a clinician first. */
static void
test_ask_clinician (Fixture       *fixture,
                    gconstpointer  data)
{
  g_settings_set_value (fixture->settings, "screening-answers", g_variant_new_parsed ("{'dvt': true}"));
  open_window (fixture, 1200);

  g_assert_nonnull (find_widget (today (fixture), is_shown_label, "Ask a Clinician First"));
  g_assert_null (start_button (fixture));
  g_assert_nonnull (find_widget (today (fixture), is_button_labelled, "_Review the Safety Check…"));

  /* Answered no after all: the suggestion is back at once. */
  g_settings_set_value (fixture->settings, "screening-answers", g_variant_new_parsed ("{'dvt': false}"));
  drain ();
  g_assert_null (find_widget (today (fixture), is_shown_label, "Ask a Clinician First"));
  g_assert_cmpstr (top_title (fixture), ==, "Two-minute desk break");
}

/* The next posture break: off, on (from a reminder service on the bus),
 * outside the active hours. */

static const char reminder_xml[] =
  "<node>"
  "  <interface name='io.github.unknot.Unknot.Reminder'>"
  "    <property name='NextBreak' type='x' access='read'/>"
  "    <property name='IdleBackend' type='s' access='read'/>"
  "  </interface>"
  "</node>";

static gint64 next_break;

static GVariant *
reminder_get_property (GDBusConnection *connection,
                       const char      *sender,
                       const char      *object_path,
                       const char      *interface_name,
                       const char      *property_name,
                       GError         **error,
                       gpointer         user_data)
{
  if (g_str_equal (property_name, "NextBreak"))
    return g_variant_new_int64 (next_break);
  return g_variant_new_string ("none");
}

static const GDBusInterfaceVTable reminder_vtable = { NULL, reminder_get_property, NULL, { 0 } };

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
row_titled (gpointer data)
{
  Fixture *fixture = data;

  return find_widget (today (fixture), is_row_titled, "Next break at 10:45") != NULL;
}

static void
test_next_break (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (reminder_xml, NULL);
  g_autoptr(GDateTime) at = day_at (fixture, 0, 10, 45);
  g_autoptr(UnknotReminderStatus) status = NULL;
  GtkWidget *reminders_switch;
  gboolean acquired = FALSE;
  guint object_id;
  guint owner_id;

  open_window (fixture, 1200);
  g_assert_nonnull (shown_row (fixture, "Reminders are off"));
  reminders_switch = find_widget (GTK_WIDGET (shown_row (fixture, "Reminders are off")), is_of_type,
                                  GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
  g_assert_nonnull (reminders_switch);

  /* On from the row's switch; no reminder service is running yet. */
  click (reminders_switch);
  g_assert_true (g_settings_get_boolean (fixture->settings, "reminders-enabled"));
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Reminders are starting…")), ==,
                   "After every 45 minutes of work");

  /* A reminder service on the bus says the next break is at 10:45. */
  g_assert_nonnull (bus);
  next_break = g_date_time_to_unix (at);
  object_id = g_dbus_connection_register_object (bus, "/io/github/unknot/Unknot/Reminder", info->interfaces[0],
                                                 &reminder_vtable, NULL, NULL, NULL);
  g_assert_cmpuint (object_id, >, 0);
  owner_id = g_bus_own_name_on_connection (bus, REMINDER_ID, G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL,
                                           &acquired, NULL);
  wait_until (flag_set, &acquired);
  status = unknot_reminder_status_new (fixture->settings, bus);
  unknot_today_page_set_reminder_status (unknot_window_get_today_page (fixture->window), status);
  wait_until (row_titled, fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Next break at 10:45")), ==,
                   "After every 45 minutes of work");

  /* Thursday is no longer an active day. */
  g_settings_set_strv (fixture->settings, "reminder-active-days", (const char * const[]) { "sat", "sun", NULL });
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Outside your active hours")), ==,
                   "Reminders come from 09:00 to 18:00 on your active days.");

  /* Off again from the row's switch. */
  click (reminders_switch);
  g_assert_false (g_settings_get_boolean (fixture->settings, "reminders-enabled"));
  g_assert_nonnull (shown_row (fixture, "Reminders are off"));

  /* The status goes before the service does, so nothing tries to start
   * the real one. */
  unknot_today_page_set_reminder_status (unknot_window_get_today_page (fixture->window), NULL);
  g_clear_object (&status);
  g_bus_unown_name (owner_id);
  g_dbus_connection_unregister_object (bus, object_id);
  drain ();
}

/* Logging pain shows on Today at once. */
static gboolean
last_entry_is_two (gpointer data)
{
  return find_widget (today (data), is_row_titled, "Last entry: 2 — Mild") != NULL;
}

static void
test_log_pain_updates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(UnknotPainEntry) saved = NULL;
  GAsyncResult *slot = NULL;

  open_window (fixture, 1200);
  g_assert_nonnull (shown_row (fixture, "No pain logged yet"));

  g_date_time_unref (entry->time);
  entry->time = day_at (fixture, 0, 9, 55);
  entry->pain = 2;
  entry->regions = UNKNOT_PAIN_REGION_NECK_LEFT;
  unknot_pain_log_save_async (unknot_pain_log_get (fixture->store), entry, NULL, got_result_cb, &slot);
  result = wait_result (&slot);
  saved = unknot_pain_log_save_finish (unknot_pain_log_get (fixture->store), result, NULL);
  g_assert_nonnull (saved);
  wait_until (last_entry_is_two, fixture);
  {
    g_autofree char *time = unknot_pain_format_time (entry->time);
    g_autofree char *expected = g_strdup_printf ("Today at %s · Left side of your neck", time);

    g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Last entry: 2 — Mild")), ==, expected);
  }
  /* Its chart shows now that there is something to draw. */
  g_assert_nonnull (trend_caption (fixture));
}

/* At 360 pixels everything on Today fits: the page asks for no more, and
 * Start and the time choices are inside the window.  (The window as a
 * whole is as wide as its widest view needs.) */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  graphene_rect_t bounds;
  int minimum;
  int width;

  build_helped_history (fixture);
  open_window (fixture, 360);
  gtk_widget_measure (today (fixture), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  width = gtk_widget_get_width (today (fixture));
  g_assert_true (gtk_widget_compute_bounds (start_button (fixture), today (fixture), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  g_assert_true (gtk_widget_compute_bounds (find_widget (today (fixture), is_button_labelled, "15 min"),
                                            today (fixture), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  g_assert_cmpstr (top_title (fixture), ==, "Pin and stretch for the neck and shoulders");
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

/* Left open overnight, "So far today" starts again at midnight. */
static void
test_midnight (Fixture       *fixture,
               gconstpointer  data)
{
  build_helped_history (fixture);
  open_window (fixture, 1200);
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Sessions")), is_shown_label, "1"));
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Breaks Taken")), is_shown_label, "2"));

  /* 23:59:59: still today. */
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), 14 * G_TIME_SPAN_HOUR - G_USEC_PER_SEC);
  wait_until (today_loaded, fixture);
  drain ();
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Sessions")), is_shown_label, "1"));

  /* Just past midnight: a new day, read anew. */
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), 3 * G_USEC_PER_SEC);
  wait_until (today_loaded, fixture);
  drain ();
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Sessions")), is_shown_label, "0"));
  g_assert_cmpstr (adw_action_row_get_subtitle (shown_row (fixture, "Sessions")), ==, "");
  g_assert_nonnull (find_widget (GTK_WIDGET (shown_row (fixture, "Breaks Taken")), is_shown_label, "0"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  load_app_style ();

  g_test_add ("/ui-today/new-user", Fixture, NULL, fixture_set_up, test_new_user, fixture_tear_down);
  g_test_add ("/ui-today/suggestion-with-history", Fixture, NULL, fixture_set_up, test_suggestion_with_history, fixture_tear_down);
  g_test_add ("/ui-today/start-opens-session", Fixture, NULL, fixture_set_up, test_start_opens_session, fixture_tear_down);
  g_test_add ("/ui-today/red-flag", Fixture, NULL, fixture_set_up, test_red_flag, fixture_tear_down);
  g_test_add ("/ui-today/ask-clinician", Fixture, NULL, fixture_set_up, test_ask_clinician, fixture_tear_down);
  g_test_add ("/ui-today/next-break", Fixture, NULL, fixture_set_up, test_next_break, fixture_tear_down);
  g_test_add ("/ui-today/log-pain-updates", Fixture, NULL, fixture_set_up, test_log_pain_updates, fixture_tear_down);
  g_test_add ("/ui-today/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui-today/midnight", Fixture, NULL, fixture_set_up, test_midnight, fixture_tear_down);
  return g_test_run ();
}
