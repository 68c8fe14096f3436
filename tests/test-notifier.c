/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The break reminder as the notification server sees it: python3-dbusmock's
 * notification_daemon template on a private session bus logs every call,
 * and fires the signals a user's clicks would. */
#include "config.h"

#include "dbus-test-utils.h"
#include "unknot-notifier.h"

#define WITH_ACTIONS "actions body body-markup icon-static"
#define WITHOUT_ACTIONS "body body-markup icon-static"

#define TITLE "Time for a posture break"
#define BODY "You have been working for 45 minutes."
#define START_LABEL "Start 2-minute routine"

/* The same shared connection libnotify uses: a signal that the mock sends
 * before it answers a call is then seen before the answer. */
static GDBusConnection *session;

/* The @n-th Notify (from 1), once the server has it. */
typedef struct
{
  char     *app_name;
  guint32   replaces_id;
  char     *app_icon;
  char     *summary;
  char     *body;
  char    **actions;
  GVariant *hints;
} Notify;

static void
notify_free (Notify *notify)
{
  g_free (notify->app_name);
  g_free (notify->app_icon);
  g_free (notify->summary);
  g_free (notify->body);
  g_strfreev (notify->actions);
  g_variant_unref (notify->hints);
  g_free (notify);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Notify, notify_free)

static GVariant *
argument (GVariant *arguments,
          gsize     i)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (arguments, i);

  return g_variant_get_variant (boxed);
}

static Notify *
wait_for_notify (gsize n)
{
  g_autoptr(GVariant) calls = NULL;
  g_autoptr(GVariant) arguments = NULL;
  g_autoptr(GVariant) value = NULL;
  Notify *notify = g_new0 (Notify, 1);

  WAIT_FOR (count_calls ("Notify") >= n);
  calls = calls_of ("Notify");
  arguments = g_variant_get_child_value (calls, n - 1);
  g_assert_cmpuint (g_variant_n_children (arguments), ==, 8);

  notify->app_name = g_variant_dup_string ((value = argument (arguments, 0)), NULL);
  g_clear_pointer (&value, g_variant_unref);
  notify->replaces_id = g_variant_get_uint32 ((value = argument (arguments, 1)));
  g_clear_pointer (&value, g_variant_unref);
  notify->app_icon = g_variant_dup_string ((value = argument (arguments, 2)), NULL);
  g_clear_pointer (&value, g_variant_unref);
  notify->summary = g_variant_dup_string ((value = argument (arguments, 3)), NULL);
  g_clear_pointer (&value, g_variant_unref);
  notify->body = g_variant_dup_string ((value = argument (arguments, 4)), NULL);
  g_clear_pointer (&value, g_variant_unref);
  notify->actions = g_variant_dup_strv ((value = argument (arguments, 5)), NULL);
  notify->hints = argument (arguments, 6);
  g_assert_true (g_variant_is_of_type (notify->hints, G_VARIANT_TYPE_VARDICT));
  return notify;
}

static void
server_emit (const char *signal,
             const char *signature,
             GVariant   *arguments)
{
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
  g_variant_ref_sink (arguments);
  for (gsize i = 0; i < g_variant_n_children (arguments); i++)
    g_variant_builder_add (&builder, "v", g_variant_get_child_value (arguments, i));
  reply = server_call ("EmitSignal",
                       g_variant_new ("(sss@av)", SERVER_INTERFACE, signal, signature,
                                      g_variant_builder_end (&builder)));
  g_variant_unref (arguments);
}

static void
click (guint32     id,
       const char *action)
{
  server_emit ("ActionInvoked", "us", g_variant_new ("(us)", id, action));
}

typedef struct
{
  GPtrArray *actions;
  GPtrArray *problems;
} Heard;

static void
action_cb (UnknotNotifier *notifier,
           const char     *action,
           Heard          *heard)
{
  g_ptr_array_add (heard->actions, g_strdup (action));
}

static void
problem_cb (UnknotNotifier *notifier,
            const char     *message,
            Heard          *heard)
{
  g_ptr_array_add (heard->problems, g_strdup (message));
}

static UnknotNotifier *
notifier_new (Heard *heard)
{
  UnknotNotifier *notifier = unknot_notifier_new ();

  heard->actions = g_ptr_array_new_with_free_func (g_free);
  heard->problems = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (notifier, "action", G_CALLBACK (action_cb), heard);
  g_signal_connect (notifier, "problem", G_CALLBACK (problem_cb), heard);
  return notifier;
}

static void
heard_clear (Heard *heard)
{
  g_ptr_array_unref (heard->actions);
  g_ptr_array_unref (heard->problems);
}

static const char *
last_action (Heard *heard)
{
  return heard->actions->len > 0 ? g_ptr_array_index (heard->actions, heard->actions->len - 1) : NULL;
}

static void
assert_hint (GVariant   *hints,
             const char *name,
             const char *expected)
{
  const char *value = NULL;

  g_assert_true (g_variant_lookup (hints, name, "&s", &value));
  g_assert_cmpstr (value, ==, expected);
}

static void
test_reminder_with_buttons (void)
{
  GSubprocess *server = server_start (WITH_ACTIONS);
  Heard heard;
  g_autoptr(UnknotNotifier) notifier = notifier_new (&heard);
  g_autoptr(Notify) first = NULL;
  g_autoptr(Notify) second = NULL;
  g_autoptr(Notify) fresh = NULL;
  g_autoptr(GVariant) closes = NULL;
  g_autoptr(GVariant) close_arguments = NULL;
  g_autoptr(GVariant) closed_id = NULL;
  const char * const expected_actions[] = { "start", START_LABEL, "snooze", "Snooze", "skip", "Skip", "default" };
  guint8 urgency = 0;

  /* The capabilities are asked as soon as the server is seen. */
  WAIT_FOR (unknot_notifier_has_actions (notifier));

  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  first = wait_for_notify (1);
  g_assert_cmpstr (first->app_name, ==, "Unknot");
  g_assert_cmpuint (first->replaces_id, ==, 0);
  g_assert_cmpstr (first->app_icon, ==, APP_ID);
  g_assert_cmpstr (first->summary, ==, TITLE);
  g_assert_cmpstr (first->body, ==, BODY);
  /* The buttons in this order, then the click on the notification itself
   * (its label is not shown). */
  g_assert_cmpuint (g_strv_length (first->actions), ==, G_N_ELEMENTS (expected_actions) + 1);
  for (gsize i = 0; i < G_N_ELEMENTS (expected_actions); i++)
    g_assert_cmpstr (first->actions[i], ==, expected_actions[i]);
  assert_hint (first->hints, "desktop-entry", APP_ID);
  assert_hint (first->hints, "category", "x-unknot.reminder");
  g_assert_true (g_variant_lookup (first->hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);

  /* The next reminder takes the place of the first one (the mock numbers
   * notifications from 1). */
  unknot_notifier_show (notifier, TITLE, "Still at it: 60 minutes.", START_LABEL);
  second = wait_for_notify (2);
  g_assert_cmpuint (second->replaces_id, ==, 1);
  g_assert_cmpstr (second->body, ==, "Still at it: 60 minutes.");
  /* Asked once, not for every reminder. */
  g_assert_cmpuint (count_calls ("GetCapabilities"), ==, 1);

  /* Each button is heard; a click on someone else's notification is not.
   * The server's signals arrive in order, so once ours is heard the other
   * one has been seen. */
  click (99, "snooze");
  click (1, "snooze");
  WAIT_FOR (heard.actions->len == 1);
  g_assert_cmpstr (last_action (&heard), ==, "snooze");
  click (1, "start");
  WAIT_FOR (heard.actions->len == 2);
  g_assert_cmpstr (last_action (&heard), ==, "start");
  click (1, "skip");
  WAIT_FOR (heard.actions->len == 3);
  g_assert_cmpstr (last_action (&heard), ==, "skip");
  click (1, "default");
  WAIT_FOR (heard.actions->len == 4);
  g_assert_cmpstr (last_action (&heard), ==, "default");

  /* Dismissed by the user: the next reminder is a new notification, not
   * an update of one that is gone. */
  server_emit ("NotificationClosed", "uu", g_variant_new ("(uu)", 1, 2));
  /* …and the owner hears it was dismissed, so it does not wait for an
   * answer forever. */
  WAIT_FOR (heard.actions->len == 5);
  g_assert_cmpstr (last_action (&heard), ==, "dismissed");
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  fresh = wait_for_notify (3);
  g_assert_cmpuint (fresh->replaces_id, ==, 0);

  /* Withdrawn: the shown notification (the mock's second) is closed. */
  unknot_notifier_withdraw (notifier);
  WAIT_FOR (count_calls ("CloseNotification") == 1);
  closes = calls_of ("CloseNotification");
  close_arguments = g_variant_get_child_value (closes, 0);
  closed_id = argument (close_arguments, 0);
  g_assert_cmpint (g_variant_get_int32 (closed_id), ==, 2); /* the spec says u, the mock i */

  g_assert_cmpuint (heard.problems->len, ==, 0);
  g_clear_object (&notifier);
  heard_clear (&heard);
  server_stop (&server);
}

static void
test_plain_notification (void)
{
  GSubprocess *server = server_start (WITHOUT_ACTIONS);
  Heard heard;
  g_autoptr(UnknotNotifier) notifier = notifier_new (&heard);
  g_autoptr(Notify) notify = NULL;

  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  notify = wait_for_notify (1);
  g_assert_cmpstr (notify->summary, ==, TITLE);
  /* No buttons the server would not draw; clicking the notification still
   * opens the app. */
  g_assert_cmpuint (g_strv_length (notify->actions), ==, 2);
  g_assert_cmpstr (notify->actions[0], ==, "default");
  assert_hint (notify->hints, "desktop-entry", APP_ID);

  click (1, "default");
  WAIT_FOR (heard.actions->len == 1);
  g_assert_cmpstr (last_action (&heard), ==, "default");

  g_assert_cmpuint (heard.problems->len, ==, 0);
  g_clear_object (&notifier);
  heard_clear (&heard);
  server_stop (&server);
}

static void
test_no_server (void)
{
  Heard heard;
  g_autoptr(UnknotNotifier) notifier = NULL;
  gint64 start, elapsed;

  g_assert_false (name_has_owner (SERVER_NAME));
  notifier = notifier_new (&heard);

  g_test_expect_message ("unknot-notify", G_LOG_LEVEL_WARNING, "No notification service is running*");
  start = g_get_monotonic_time ();
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  unknot_notifier_withdraw (notifier);
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpint (elapsed, <, 50 * 1000);

  /* Said once, however many reminders fail the same way. */
  WAIT_FOR (heard.problems->len == 1);
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  spin_for (300);
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  spin_for (300);
  g_assert_cmpuint (heard.problems->len, ==, 1);
  g_test_assert_expected_messages ();
  g_assert_false (unknot_notifier_has_actions (notifier));

  g_clear_object (&notifier);
  heard_clear (&heard);
}

static void
test_server_error (void)
{
  GSubprocess *server = server_start (WITH_ACTIONS);
  Heard heard;
  g_autoptr(UnknotNotifier) notifier = notifier_new (&heard);
  g_autoptr(GVariant) reply = NULL;

  /* A server that refuses every notification. */
  reply = server_call ("AddMethod", g_variant_new ("(sssss)", SERVER_INTERFACE, "Notify", "susssasa{sv}i", "u",
                                                   "raise dbus.exceptions.DBusException('Out of cheese', "
                                                   "name='org.example.Error.Cheese')"));

  /* Said once, in words, without the D-Bus error name. */
  g_test_expect_message ("unknot-notify", G_LOG_LEVEL_WARNING,
                         "The notification service did not show the break reminder: Out of cheese");
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  WAIT_FOR (heard.problems->len == 1);
  g_assert_cmpstr (g_ptr_array_index (heard.problems, 0), ==,
                   "The notification service did not show the break reminder: Out of cheese");
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  WAIT_FOR (count_calls ("Notify") == 2);
  spin_for (200);
  g_assert_cmpuint (heard.problems->len, ==, 1);
  g_test_assert_expected_messages ();

  g_clear_object (&notifier);
  heard_clear (&heard);
  server_stop (&server);
}

static void
test_slow_server (void)
{
  GSubprocess *server = server_start (WITH_ACTIONS);
  Heard heard;
  g_autoptr(UnknotNotifier) notifier = notifier_new (&heard);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(Notify) notify = NULL;
  gint64 start, elapsed;

  /* A server that takes a second and a half to answer Notify. */
  reply = server_call ("AddMethod", g_variant_new ("(sssss)", SERVER_INTERFACE, "Notify", "susssasa{sv}i", "u",
                                                   "time.sleep(1.5)\nret = 7"));
  WAIT_FOR (unknot_notifier_has_actions (notifier));

  start = g_get_monotonic_time ();
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  spin_for (100); /* the worker is now waiting for the server */
  unknot_notifier_show (notifier, TITLE, "A second reminder while the server is busy.", START_LABEL);
  unknot_notifier_withdraw (notifier);
  unknot_notifier_show (notifier, TITLE, "The latest reminder.", START_LABEL);
  elapsed = g_get_monotonic_time () - start - 100 * 1000;
  g_assert_cmpint (elapsed, <, 50 * 1000);

  /* The requests made while it was busy do not queue up behind it: only
   * the latest one follows. */
  notify = wait_for_notify (2);
  g_assert_cmpstr (notify->body, ==, "The latest reminder.");
  g_assert_cmpuint (notify->replaces_id, ==, 7);
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 2);
  g_assert_cmpuint (count_calls ("CloseNotification"), ==, 0);
  g_assert_cmpuint (heard.problems->len, ==, 0);

  g_clear_object (&notifier);
  heard_clear (&heard);
  server_stop (&server);
}

static void
test_server_restarts (void)
{
  GSubprocess *server = server_start (WITH_ACTIONS);
  Heard heard;
  g_autoptr(UnknotNotifier) notifier = notifier_new (&heard);
  g_autoptr(Notify) before = NULL;
  g_autoptr(Notify) after = NULL;

  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  before = wait_for_notify (1);
  WAIT_FOR (unknot_notifier_has_actions (notifier));

  /* The server goes away: a reminder now fails, once, and nothing else. */
  server_stop (&server);
  g_test_expect_message ("unknot-notify", G_LOG_LEVEL_WARNING, "No notification service is running*");
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  WAIT_FOR (heard.problems->len == 1);
  g_test_assert_expected_messages ();
  g_assert_false (unknot_notifier_has_actions (notifier));

  /* A new server: its capabilities are asked again, and the next reminder
   * is a new notification there, with working buttons. */
  server = server_start (WITH_ACTIONS);
  WAIT_FOR (count_calls ("GetCapabilities") == 1);
  WAIT_FOR (unknot_notifier_has_actions (notifier));
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  after = wait_for_notify (1);
  g_assert_cmpuint (after->replaces_id, ==, 0);
  g_assert_cmpstr (after->actions[0], ==, "start");
  click (1, "skip");
  WAIT_FOR (heard.actions->len == 1);
  g_assert_cmpstr (last_action (&heard), ==, "skip");
  g_assert_cmpuint (heard.problems->len, ==, 1);

  /* Reminders got through since: the next outage is news again. */
  server_stop (&server);
  g_test_expect_message ("unknot-notify", G_LOG_LEVEL_WARNING, "No notification service is running*");
  unknot_notifier_show (notifier, TITLE, BODY, START_LABEL);
  WAIT_FOR (heard.problems->len == 2);
  g_test_assert_expected_messages ();

  g_clear_object (&notifier);
  heard_clear (&heard);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_do_not_disturb (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(UnknotNotifier) notifier = NULL;
  guint changes = 0;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.notifications", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("org.gnome.desktop.notifications is not installed (gsettings-desktop-schemas)");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);
  notifier = unknot_notifier_new ();
  g_assert_true (unknot_notifier_get_banners_allowed (notifier));
  g_signal_connect (notifier, "notify::banners-allowed", G_CALLBACK (notify_count_cb), &changes);

  g_settings_set_boolean (settings, "show-banners", FALSE);
  WAIT_FOR (changes == 1);
  g_assert_false (unknot_notifier_get_banners_allowed (notifier));

  g_settings_set_boolean (settings, "show-banners", TRUE);
  WAIT_FOR (changes == 2);
  g_assert_true (unknot_notifier_get_banners_allowed (notifier));
}

int
main (int   argc,
      char *argv[])
{
  static GTestDBus *private_bus;
  g_autoptr(GError) error = NULL;
  int status;

  /* Never the user's dconf, whoever runs this. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* A bus of our own even inside dbus-run-session: that one would start
   * any installed notification server (dunst, …) where this test needs
   * none, and on a desktop it would show real notifications. */
  private_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (private_bus);
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/notifier/reminder-with-buttons", test_reminder_with_buttons);
  g_test_add_func ("/notifier/plain-notification", test_plain_notification);
  g_test_add_func ("/notifier/no-server", test_no_server);
  g_test_add_func ("/notifier/server-error", test_server_error);
  g_test_add_func ("/notifier/slow-server", test_slow_server);
  g_test_add_func ("/notifier/server-restarts", test_server_restarts);
  g_test_add_func ("/notifier/do-not-disturb", test_do_not_disturb);
  status = g_test_run ();

  /* libnotify keeps the connection for good, so g_test_dbus_down() (also
   * called when the GTestDBus is finalized) would wait for it in vain. */
  g_dbus_connection_set_exit_on_close (session, FALSE);
  g_clear_object (&session);
  g_test_dbus_stop (private_bus);
  return status;
}
