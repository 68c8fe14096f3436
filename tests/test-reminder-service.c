/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The posture-break reminder as a user meets it, on a private session bus:
 * python3-dbusmock's notification daemon shows what the service sends and
 * plays the user's clicks back; small stand-ins play the app (which
 * "Start routine" opens) and Mutter's idle monitor; a fake clock moves an
 * hour in a millisecond; the history lands in a real store.  The last
 * tests run the unknot-reminder program itself. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "dbus-test-utils.h"
#include "unknot-reminder-service.h"

#define WITH_ACTIONS "actions body body-markup icon-static persistence"
#define WITHOUT_ACTIONS "body body-markup icon-static"

#define APP_PATH "/io/github/unknot/Unknot"

#define MUTTER_NAME "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_INTERFACE "org.gnome.Mutter.IdleMonitor"

#define ROUTINE "desk-break"
#define TITLE "Time for a short break"
#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)

static GDBusConnection *session;

/* The bus and the service (waiting, the bus calls and the notification
 * server are in dbus-test-utils.c) */

static void
own_name (GDBusConnection *connection,
          const char      *name)
{
  /* 4: DO_NOT_QUEUE; 1: became the primary owner. */
  g_autoptr(GVariant) reply = bus_call (connection, "RequestName", g_variant_new ("(su)", name, 4), "(u)");
  guint32 result;

  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);
}

/* An async call on the main context, waited for: the service answers on
 * this same thread, so a blocking call would never get its answer. */
static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GVariant *
try_service_property (const char  *destination,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariant *value = NULL;

  g_dbus_connection_call (session, destination, UNKNOT_REMINDER_DBUS_PATH, "org.freedesktop.DBus.Properties",
                          "Get", g_variant_new ("(ss)", UNKNOT_REMINDER_DBUS_INTERFACE, name),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, got_result_cb, &result);
  WAIT_FOR (result != NULL);
  reply = g_dbus_connection_call_finish (session, result, error);
  if (reply != NULL)
    g_variant_get (reply, "(v)", &value);
  return value;
}

static GVariant *
service_property (const char *destination,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  GVariant *value = try_service_property (destination, name, &error);

  g_assert_no_error (error);
  return value;
}

/* The program owns its name a moment before its object is there. */
static GVariant *
program_property (const char *name)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GVariant *value = try_service_property (REMINDER_ID, name, &error);

      if (value != NULL)
        return value;
      if (!g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS)
          && !g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT)
          && !g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE))
        g_assert_no_error (error);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      spin_for (20);
    }
}

/* What the notification server (python3-dbusmock) was sent */

typedef struct
{
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
  g_free (notify->app_icon);
  g_free (notify->summary);
  g_free (notify->body);
  g_strfreev (notify->actions);
  g_clear_pointer (&notify->hints, g_variant_unref);
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

/* The @n-th Notify (from 1) this server got, once it has it. */
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
  return notify;
}

static char *
hint_string (Notify     *notify,
             const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (notify->hints, key, G_VARIANT_TYPE_STRING);

  return value != NULL ? g_variant_dup_string (value, NULL) : NULL;
}

/* The action ids, without their labels. */
static char *
action_ids (Notify *notify)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; notify->actions[i] != NULL && notify->actions[i + 1] != NULL; i += 2)
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", notify->actions[i]);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static const char *
action_label (Notify     *notify,
              const char *id)
{
  for (guint i = 0; notify->actions[i] != NULL && notify->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (notify->actions[i], id))
      return notify->actions[i + 1];
  return NULL;
}

/* What the server does when the user clicks a button. */
static void
click (guint32     id,
       const char *action)
{
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder arguments;

  g_variant_builder_init (&arguments, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&arguments, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&arguments, "v", g_variant_new_string (action));
  reply = server_call ("EmitSignal", g_variant_new ("(sssav)", SERVER_INTERFACE, "ActionInvoked", "us", &arguments));
}

/* A stand-in for the app: records org.freedesktop.Application calls */

static const char app_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Application'>"
  "    <method name='Activate'><arg type='a{sv}' name='platform_data' direction='in'/></method>"
  "    <method name='Open'>"
  "      <arg type='as' name='uris' direction='in'/><arg type='s' name='hint' direction='in'/>"
  "      <arg type='a{sv}' name='platform_data' direction='in'/>"
  "    </method>"
  "    <method name='ActivateAction'>"
  "      <arg type='s' name='action_name' direction='in'/><arg type='av' name='parameter' direction='in'/>"
  "      <arg type='a{sv}' name='platform_data' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  GDBusConnection *connection;
  guint            registration;
  GPtrArray       *calls; /* "ActivateAction ('start-routine', [<'desk-break'>], @a{sv} {})", … */
} App;

static void
app_method_cb (GDBusConnection       *connection,
               const char            *sender,
               const char            *path,
               const char            *interface,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  App *app = user_data;
  g_autofree char *printed = g_variant_print (parameters, TRUE);

  g_ptr_array_add (app->calls, g_strdup_printf ("%s %s", method, printed));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable app_vtable = { app_method_cb, NULL, NULL };

static void
app_start (App *app)
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;

  app->calls = g_ptr_array_new_with_free_func (g_free);
  app->connection = connection_new ();
  node = g_dbus_node_info_new_for_xml (app_xml, &error);
  g_assert_no_error (error);
  app->registration = g_dbus_connection_register_object (app->connection, APP_PATH, node->interfaces[0],
                                                         &app_vtable, app, NULL, &error);
  g_assert_no_error (error);
  own_name (app->connection, APP_ID);
}

static void
app_stop (App *app)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_unregister_object (app->connection, app->registration);
  g_dbus_connection_close_sync (app->connection, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&app->connection);
  g_clear_pointer (&app->calls, g_ptr_array_unref);
  WAIT_FOR (!name_has_owner (APP_ID));
}

/* A stand-in for Mutter's idle monitor */

static const char mutter_xml[] =
  "<node>"
  "  <interface name='" MUTTER_INTERFACE "'>"
  "    <method name='GetIdletime'><arg name='idletime' direction='out' type='t'/></method>"
  "    <method name='AddIdleWatch'>"
  "      <arg name='interval' direction='in' type='t'/><arg name='id' direction='out' type='u'/>"
  "    </method>"
  "    <method name='AddUserActiveWatch'><arg name='id' direction='out' type='u'/></method>"
  "    <method name='RemoveWatch'><arg name='id' direction='in' type='u'/></method>"
  "    <signal name='WatchFired'><arg name='id' type='u'/></signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  GDBusConnection *connection;
  guint            registration;
  guint32          next_watch;
  guint32          idle_watch;
  guint64          idle_watch_interval;
  guint32          active_watch;
  guint64          idle_ms;
} Mutter;

static void
mutter_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *path,
                  const char            *interface,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Mutter *mutter = user_data;

  if (g_str_equal (method, "GetIdletime"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", mutter->idle_ms));
  else if (g_str_equal (method, "AddIdleWatch"))
    {
      g_variant_get (parameters, "(t)", &mutter->idle_watch_interval);
      mutter->idle_watch = ++mutter->next_watch;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", mutter->idle_watch));
    }
  else if (g_str_equal (method, "AddUserActiveWatch"))
    {
      mutter->active_watch = ++mutter->next_watch;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", mutter->active_watch));
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable mutter_vtable = { mutter_method_cb, NULL, NULL };

static Mutter *
mutter_start (void)
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  Mutter *mutter = g_new0 (Mutter, 1);

  mutter->connection = connection_new ();
  node = g_dbus_node_info_new_for_xml (mutter_xml, &error);
  g_assert_no_error (error);
  mutter->registration = g_dbus_connection_register_object (mutter->connection, MUTTER_PATH,
                                                            node->interfaces[0], &mutter_vtable,
                                                            mutter, NULL, &error);
  g_assert_no_error (error);
  own_name (mutter->connection, MUTTER_NAME);
  return mutter;
}

static void
mutter_fire (Mutter  *mutter,
             guint32  watch)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (watch, !=, 0);
  g_dbus_connection_emit_signal (mutter->connection, NULL, MUTTER_PATH, MUTTER_INTERFACE, "WatchFired",
                                 g_variant_new ("(u)", watch), &error);
  g_assert_no_error (error);
}

static void
mutter_stop (Mutter *mutter)
{
  g_autoptr(GError) error = NULL;

  if (mutter == NULL)
    return;
  g_dbus_connection_unregister_object (mutter->connection, mutter->registration);
  g_dbus_connection_close_sync (mutter->connection, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&mutter->connection);
  g_free (mutter);
  WAIT_FOR (!name_has_owner (MUTTER_NAME));
}

/* The service, on a fake clock, with real collaborators on the bus */

typedef struct
{
  const char *capabilities; /* NULL: no notification server */
  gboolean    mutter;
} Setup;

typedef struct
{
  char                  *folder;
  char                  *store_path;
  GSubprocess           *server;
  App                    app;
  Mutter                *mutter;
  GSettings             *settings;
  UnknotStore           *store;
  UnknotClock           *clock;
  GDateTime             *start;
  UnknotNotifier        *notifier;
  UnknotIdleMonitor     *idle_monitor;
  UnknotSessionGuard    *guard;
  UnknotReminderService *service;
  gint64                 slept;        /* the fake sleep counter */
  guint                  disabled;
  guint                  idles;
  guint                  actives;
  GPtrArray             *announced;    /* PropertiesChanged seen, as "NextBreak=123" */
  guint                  announce_id;
} Fixture;

static const char * const reminder_keys[] = {
  "reminders-enabled", "reminder-interval", "reminder-active-start", "reminder-active-end",
  "reminder-active-days", "reminder-snooze", "reminder-routine", "reminder-idle-is-break",
  "reminder-idle-minutes", "reminders-paused-until",
};

static gint64
sleep_counter (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->slept;
}

static void
disabled_cb (UnknotReminderService *service,
             Fixture               *fixture)
{
  fixture->disabled++;
}

static void
idle_cb (UnknotIdleMonitor *monitor,
         guint64            idle_ms,
         Fixture           *fixture)
{
  fixture->idles++;
}

static void
active_cb (UnknotIdleMonitor *monitor,
           Fixture           *fixture)
{
  fixture->actives++;
}

static void
properties_changed_cb (GDBusConnection *connection,
                       const char      *sender,
                       const char      *path,
                       const char      *interface,
                       const char      *signal,
                       GVariant        *parameters,
                       gpointer         user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GVariant) changed = NULL;
  const char *name;
  GVariant *value;
  GVariantIter iter;

  g_variant_get (parameters, "(&s@a{sv}@as)", NULL, &changed, NULL);
  g_variant_iter_init (&iter, changed);
  while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
    {
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_ptr_array_add (fixture->announced, g_strdup_printf ("%s=%s", name, printed));
      g_variant_unref (value);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Setup *setup = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->folder = g_dir_make_tmp ("unknot-test-reminder-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store_path = g_build_filename (fixture->folder, "unknot", "unknot.db", NULL);
  file = g_file_new_for_path (fixture->store_path);
  fixture->store = unknot_store_new (file);

  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (reminder_keys); i++)
    g_settings_reset (fixture->settings, reminder_keys[i]);
  g_settings_set_boolean (fixture->settings, "reminders-enabled", TRUE);
  g_settings_set_string (fixture->settings, "reminder-routine", ROUTINE);

  if (setup->capabilities != NULL)
    fixture->server = server_start (setup->capabilities);
  app_start (&fixture->app);
  if (setup->mutter)
    fixture->mutter = mutter_start ();

  /* A Monday at 10:00, inside the default active hours (09:00–18:00,
   * Monday to Friday). */
  fixture->start = g_date_time_new_local (2024, 6, 3, 10, 0, 0);
  fixture->clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC, fixture->start);

  fixture->announced = g_ptr_array_new_with_free_func (g_free);
  fixture->announce_id = g_dbus_connection_signal_subscribe (session, NULL, "org.freedesktop.DBus.Properties",
                                                             "PropertiesChanged", UNKNOT_REMINDER_DBUS_PATH,
                                                             UNKNOT_REMINDER_DBUS_INTERFACE,
                                                             G_DBUS_SIGNAL_FLAGS_NONE, properties_changed_cb,
                                                             fixture, NULL);

  fixture->notifier = unknot_notifier_new ();
  fixture->idle_monitor = unknot_idle_monitor_new (session, 5 * 60 * 1000);
  g_signal_connect (fixture->idle_monitor, "idle", G_CALLBACK (idle_cb), fixture);
  g_signal_connect (fixture->idle_monitor, "active", G_CALLBACK (active_cb), fixture);
  /* The private session bus stands in for the system bus too. */
  fixture->guard = unknot_session_guard_new (session, session);

  fixture->service = unknot_reminder_service_new (fixture->clock, fixture->settings, fixture->store,
                                                  fixture->notifier, fixture->idle_monitor, fixture->guard,
                                                  session);
  unknot_reminder_service_set_sleep_counter (fixture->service, sleep_counter, fixture);
  g_signal_connect (fixture->service, "disabled", G_CALLBACK (disabled_cb), fixture);

  /* The server's capabilities decide the buttons; the first reminder must
   * not race them. */
  if (setup->capabilities != NULL)
    WAIT_FOR (count_calls ("GetCapabilities") >= 1);
  if (setup->capabilities != NULL && strstr (setup->capabilities, "actions") != NULL)
    WAIT_FOR (unknot_notifier_has_actions (fixture->notifier));
  if (setup->mutter)
    WAIT_FOR (fixture->mutter->idle_watch != 0
              && unknot_idle_monitor_get_backend (fixture->idle_monitor) == UNKNOT_IDLE_BACKEND_MUTTER);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_dbus_connection_signal_unsubscribe (session, fixture->announce_id);
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->guard);
  g_clear_object (&fixture->idle_monitor);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->start, g_date_time_unref);
  /* Waits for history being written. */
  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (reminder_keys); i++)
    g_settings_reset (fixture->settings, reminder_keys[i]);
  g_clear_object (&fixture->settings);
  /* Whatever the main context still holds for the objects above. */
  spin_for (50);

  server_stop (&fixture->server);
  app_stop (&fixture->app);
  g_clear_pointer (&fixture->mutter, mutter_stop);
  g_clear_pointer (&fixture->announced, g_ptr_array_unref);

  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->store_path, g_free);
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), usec);
}

/* Local unix seconds, as NextBreak has them. */
static gint64
wall_now (Fixture *fixture)
{
  g_autoptr(GDateTime) now = unknot_clock_now_local (fixture->clock);

  return g_date_time_to_unix (now);
}

static gint64
next_break_over_dbus (void)
{
  g_autoptr(GVariant) value = service_property (g_dbus_connection_get_unique_name (session), "NextBreak");

  return g_variant_get_int64 (value);
}

static char *
idle_backend_over_dbus (void)
{
  g_autoptr(GVariant) value = service_property (g_dbus_connection_get_unique_name (session), "IdleBackend");

  return g_variant_dup_string (value, NULL);
}

static gboolean
was_announced (Fixture    *fixture,
               const char *name,
               const char *printed)
{
  g_autofree char *wanted = g_strdup_printf ("%s=%s", name, printed);

  for (guint i = 0; i < fixture->announced->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->announced, i), wanted))
      return TRUE;
  return FALSE;
}

static gboolean
next_break_announced (Fixture *fixture,
                      gint64   value)
{
  g_autofree char *printed = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return was_announced (fixture, "NextBreak", printed);
}

/* The history, newest first, as "taken desk-break, due desk-break, …". */
static char *
history (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  unknot_store_list_reminder_events_async (fixture->store, 0, NULL, got_result_cb, &result);
  WAIT_FOR (result != NULL);
  events = unknot_store_list_reminder_events_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      UnknotReminderEventRecord *record = g_ptr_array_index (events, i);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "", record->kind,
                              record->routine_id != NULL ? record->routine_id : "-");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static UnknotReminderEventRecord *
newest_event (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  unknot_store_list_reminder_events_async (fixture->store, 1, NULL, got_result_cb, &result);
  WAIT_FOR (result != NULL);
  events = unknot_store_list_reminder_events_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  return g_boxed_copy (unknot_reminder_event_record_get_type (), g_ptr_array_index (events, 0));
}

/* Tests */

static const Setup with_actions = { WITH_ACTIONS, FALSE };
static const Setup without_actions = { WITHOUT_ACTIONS, FALSE };
static const Setup with_mutter = { WITH_ACTIONS, TRUE };
static const Setup no_server = { NULL, FALSE };

static void
test_reminder_and_answers (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 first_due = g_date_time_to_unix (fixture->start) + 45 * 60;
  g_autoptr(Notify) first = NULL;
  g_autoptr(Notify) snoozed = NULL;
  g_autoptr(Notify) after_skip = NULL;
  g_autoptr(UnknotReminderEventRecord) due = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *desktop_entry = NULL;
  g_autofree char *category = NULL;
  g_autofree char *backend = NULL;
  g_autofree char *events = NULL;
  g_autofree char *expected_call = NULL;

  /* What the app shows as the next break, over D-Bus. */
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, first_due);
  g_assert_cmpint (next_break_over_dbus (), ==, first_due);
  /* Also said unasked, for a client that looked before the object was
   * there. */
  WAIT_FOR (next_break_announced (fixture, first_due));
  backend = idle_backend_over_dbus ();
  g_assert_cmpstr (backend, ==, "none");
  /* Nothing to keep yet, so the history has not even been opened. */
  g_assert_false (g_file_test (fixture->store_path, G_FILE_TEST_EXISTS));

  advance (fixture, MINUTES (44));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);

  advance (fixture, MINUTES (1));
  first = wait_for_notify (1);
  g_assert_cmpstr (first->summary, ==, TITLE);
  g_assert_nonnull (strstr (first->body, "45 minutes"));
  g_assert_null (strstr (first->body, "pain"));
  g_assert_null (strstr (first->body, "/10"));
  g_assert_cmpuint (first->replaces_id, ==, 0);
  g_assert_cmpstr (first->app_icon, ==, APP_ID);
  ids = action_ids (first);
  g_assert_cmpstr (ids, ==, "start snooze skip default");
  g_assert_cmpstr (action_label (first, "start"), ==, "Start routine");
  desktop_entry = hint_string (first, "desktop-entry");
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
  category = hint_string (first, "category");
  g_assert_cmpstr (category, ==, "x-unknot.reminder");
  /* The shown reminder is "the next break" until it is answered. */
  g_assert_cmpint (next_break_over_dbus (), ==, first_due);

  /* Snooze: the same notification again after the snooze minutes. */
  click (1, "snooze");
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 10 * 60);
  WAIT_FOR (next_break_announced (fixture, wall_now (fixture) + 10 * 60));
  advance (fixture, MINUTES (9));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 1);
  advance (fixture, MINUTES (1));
  snoozed = wait_for_notify (2);
  g_assert_cmpuint (snoozed->replaces_id, ==, 1);
  g_assert_nonnull (strstr (snoozed->body, "55 minutes"));

  /* Skip: the next one a full interval later, never stacked. */
  click (1, "skip");
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);
  advance (fixture, MINUTES (44));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 2);
  advance (fixture, MINUTES (1));
  after_skip = wait_for_notify (3);
  g_assert_cmpuint (after_skip->replaces_id, ==, 1);
  g_assert_nonnull (strstr (after_skip->body, "45 minutes"));

  /* Start routine: the app is asked to open that routine's session. */
  click (1, "start");
  WAIT_FOR (fixture->app.calls->len == 1);
  expected_call = g_strdup_printf ("ActivateAction ('start-routine', [<'%s'>], @a{sv} {})", ROUTINE);
  g_assert_cmpstr (g_ptr_array_index (fixture->app.calls, 0), ==, expected_call);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);
  g_assert_cmpint (next_break_over_dbus (), ==, wall_now (fixture) + 45 * 60);

  events = history (fixture);
  g_assert_cmpstr (events, ==, "taken " ROUTINE ", due " ROUTINE ", skipped " ROUTINE ", due " ROUTINE
                               ", snoozed " ROUTINE ", due " ROUTINE);
  /* Kept at the time it happened, in local time. */
  g_clear_pointer (&events, g_free);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GError) error = NULL;

    unknot_store_list_reminder_events_async (fixture->store, 0, NULL, got_result_cb, &result);
    WAIT_FOR (result != NULL);
    all = unknot_store_list_reminder_events_finish (fixture->store, result, &error);
    g_assert_no_error (error);
    due = g_boxed_copy (unknot_reminder_event_record_get_type (), g_ptr_array_index (all, all->len - 1));
  }
  g_assert_cmpint (g_date_time_to_unix (due->occurred_at), ==, first_due);
  g_assert_cmpint (g_date_time_get_utc_offset (due->occurred_at), ==, g_date_time_get_utc_offset (fixture->start));
}

static void
test_without_actions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Notify) notify = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *events = NULL;
  g_autofree char *expected_call = NULL;

  advance (fixture, MINUTES (45));
  notify = wait_for_notify (1);
  g_assert_cmpstr (notify->summary, ==, TITLE);
  /* No buttons the server cannot show: clicking the reminder is the way. */
  ids = action_ids (notify);
  g_assert_cmpstr (ids, ==, "default");

  click (1, "default");
  WAIT_FOR (fixture->app.calls->len == 1);
  expected_call = g_strdup_printf ("ActivateAction ('start-routine', [<'%s'>], @a{sv} {})", ROUTINE);
  g_assert_cmpstr (g_ptr_array_index (fixture->app.calls, 0), ==, expected_call);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);
  events = history (fixture);
  g_assert_cmpstr (events, ==, "taken " ROUTINE ", due " ROUTINE);
}

static void
test_idle_is_a_natural_break (Fixture       *fixture,
                              gconstpointer  data)
{
  Mutter *mutter = fixture->mutter;
  g_autoptr(Notify) notify = NULL;
  g_autoptr(UnknotReminderEventRecord) natural = NULL;
  g_autofree char *backend = NULL;

  /* Found after the service started, and announced: Preferences says
   * whether idle detection works. */
  backend = idle_backend_over_dbus ();
  g_assert_cmpstr (backend, ==, "mutter");
  WAIT_FOR (was_announced (fixture, "IdleBackend", "'mutter'"));
  g_assert_cmpuint (mutter->idle_watch_interval, ==, 5 * 60 * 1000);

  /* Twenty minutes of work, then away from the desk: Mutter's watch fires
   * five minutes into it. */
  advance (fixture, MINUTES (20));
  mutter->idle_ms = 5 * 60 * 1000;
  mutter_fire (mutter, mutter->idle_watch);
  WAIT_FOR (fixture->idles == 1);

  /* Past the time the reminder would have come: none comes to an empty desk. */
  advance (fixture, MINUTES (40));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);

  /* Back: a natural break, and a full interval of work from now. */
  WAIT_FOR (mutter->active_watch != 0);
  mutter_fire (mutter, mutter->active_watch);
  WAIT_FOR (fixture->actives == 1);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);
  natural = newest_event (fixture);
  g_assert_cmpstr (natural->kind, ==, "natural");
  g_assert_null (natural->routine_id);

  advance (fixture, MINUTES (44));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);
  advance (fixture, MINUTES (1));
  notify = wait_for_notify (1);
  g_assert_cmpstr (notify->summary, ==, TITLE);

  /* The idle threshold follows the setting. */
  g_settings_set_uint (fixture->settings, "reminder-idle-minutes", 12);
  WAIT_FOR (mutter->idle_watch_interval == 12 * 60 * 1000);
}

static void
test_server_restarts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Notify) first = NULL;
  g_autoptr(Notify) resent = NULL;
  g_autoptr(Notify) next = NULL;
  g_autoptr(Notify) late = NULL;
  g_autofree char *events = NULL;

  advance (fixture, MINUTES (45));
  first = wait_for_notify (1);

  /* The server restarts while the reminder is up: its notifications went
   * with it, so the reminder is sent to the new one. */
  server_stop (&fixture->server);
  fixture->server = server_start (WITH_ACTIONS);
  resent = wait_for_notify (1);
  g_assert_cmpstr (resent->summary, ==, TITLE);
  g_assert_cmpuint (resent->replaces_id, ==, 0);

  /* And the one after works as ever. */
  WAIT_FOR (unknot_notifier_has_actions (fixture->notifier));
  click (1, "skip");
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);
  advance (fixture, MINUTES (45));
  next = wait_for_notify (2);
  g_assert_cmpuint (next->replaces_id, ==, 1);
  click (1, "skip");
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);

  /* No server at all when a reminder falls due: said once, the service
   * goes on, tries again later, and shows it when a server comes. */
  server_stop (&fixture->server);
  g_test_expect_message ("unknot-notify", G_LOG_LEVEL_WARNING, "No notification service is running*");
  advance (fixture, MINUTES (45));
  spin_for (300);
  advance (fixture, MINUTES (1)); /* a retry, failing quietly */
  spin_for (300);
  g_test_assert_expected_messages ();
  fixture->server = server_start (WITH_ACTIONS);
  late = wait_for_notify (1);
  g_assert_cmpstr (late->summary, ==, TITLE);

  events = history (fixture);
  g_assert_cmpstr (events, ==, "due " ROUTINE ", skipped " ROUTINE ", due " ROUTINE ", skipped " ROUTINE
                               ", due " ROUTINE);
}

static void
test_settings_take_effect (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 start = g_date_time_to_unix (fixture->start);
  g_autoptr(GDateTime) saturday = NULL;
  const char *weekend[] = { "sat", "sun", NULL };
  const char *no_days[] = { NULL };

  /* A shorter interval: the next break moves at once, and D-Bus hears it. */
  g_settings_set_uint (fixture->settings, "reminder-interval", 20);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == start + 20 * 60);
  WAIT_FOR (next_break_announced (fixture, start + 20 * 60));
  g_assert_cmpint (next_break_over_dbus (), ==, start + 20 * 60);

  /* Paused until turned back on: nothing is coming. */
  g_settings_set_int64 (fixture->settings, "reminders-paused-until", G_MAXINT64);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == 0);
  WAIT_FOR (next_break_announced (fixture, 0));
  advance (fixture, MINUTES (90));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);

  /* Back on: a full interval from now. */
  g_settings_set_int64 (fixture->settings, "reminders-paused-until", 0);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 20 * 60);

  /* Weekends only: the first break is 20 minutes into Saturday's hours. */
  g_settings_set_strv (fixture->settings, "reminder-active-days", weekend);
  saturday = g_date_time_new_local (2024, 6, 8, 9, 20, 0);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == g_date_time_to_unix (saturday));

  /* No day at all, but --always: any hour of any day. */
  g_settings_set_strv (fixture->settings, "reminder-active-days", no_days);
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == 0);
  unknot_reminder_service_set_always (fixture->service, TRUE);
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, wall_now (fixture) + 20 * 60);

  /* --interval 90: the schedule counts whole minutes, so two. */
  unknot_reminder_service_set_interval_override (fixture->service, 90);
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, wall_now (fixture) + 2 * 60);
  advance (fixture, MINUTES (2));
  {
    g_autoptr(Notify) notify = wait_for_notify (1);

    g_assert_nonnull (strstr (notify->body, "2 minutes"));
  }
}

static void
test_turned_off (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Notify) notify = NULL;

  advance (fixture, MINUTES (45));
  notify = wait_for_notify (1);
  g_assert_true (unknot_reminder_service_get_enabled (fixture->service));

  /* Turned off in Preferences: the reminder goes away, the service says
   * so (the program quits on it), and nothing more comes. */
  g_settings_set_boolean (fixture->settings, "reminders-enabled", FALSE);
  WAIT_FOR (fixture->disabled == 1);
  g_assert_false (unknot_reminder_service_get_enabled (fixture->service));
  WAIT_FOR (count_calls ("CloseNotification") == 1);
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, 0);
  advance (fixture, MINUTES (180));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 1);

  /* Other settings changing meanwhile say nothing more. */
  g_settings_set_uint (fixture->settings, "reminder-interval", 30);
  spin_for (50);
  g_assert_cmpuint (fixture->disabled, ==, 1);
}

static void
emit_prepare_for_sleep (GDBusConnection *sender,
                        gboolean         sleeping)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (sender, NULL, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                 "PrepareForSleep", g_variant_new ("(b)", sleeping), &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (sender, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint aways;
  guint backs;
} Sleeps;

static void
guard_away_cb (UnknotSessionGuard *guard,
               const char         *why,
               Sleeps             *sleeps)
{
  sleeps->aways++;
}

static void
guard_back_cb (UnknotSessionGuard *guard,
               const char         *why,
               Sleeps             *sleeps)
{
  sleeps->backs++;
}

static void
test_sleep (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDBusConnection) logind = connection_new ();
  g_autoptr(UnknotReminderEventRecord) natural = NULL;
  g_autoptr(Notify) notify = NULL;
  Sleeps sleeps = { 0 };
  gint64 due;

  g_signal_connect (fixture->guard, "away", G_CALLBACK (guard_away_cb), &sleeps);
  g_signal_connect (fixture->guard, "back", G_CALLBACK (guard_back_cb), &sleeps);
  /* The guard's match rules are in place before anything is sent. */
  {
    g_autoptr(GVariant) reply = bus_call (session, "GetId", NULL, "(s)");
  }

  /* A short nap (two minutes, under the five-minute threshold): work time
   * goes on where it was. */
  advance (fixture, MINUTES (10));
  due = unknot_reminder_service_get_next_break (fixture->service);
  emit_prepare_for_sleep (logind, TRUE);
  WAIT_FOR (sleeps.aways == 1);
  fixture->slept += MINUTES (2);
  unknot_fake_clock_sleep (UNKNOT_FAKE_CLOCK (fixture->clock), MINUTES (2));
  emit_prepare_for_sleep (logind, FALSE);
  WAIT_FOR (sleeps.backs == 1);
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, due + 2 * 60);

  /* Asleep over lunch: a natural break, and a full interval from waking. */
  advance (fixture, MINUTES (20));
  emit_prepare_for_sleep (logind, TRUE);
  WAIT_FOR (sleeps.aways == 2);
  fixture->slept += MINUTES (50);
  unknot_fake_clock_sleep (UNKNOT_FAKE_CLOCK (fixture->clock), MINUTES (50));
  emit_prepare_for_sleep (logind, FALSE);
  WAIT_FOR (sleeps.backs == 2);
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, wall_now (fixture) + 45 * 60);
  natural = newest_event (fixture);
  g_assert_cmpstr (natural->kind, ==, "natural");
  spin_for (100);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);

  /* And exactly one reminder after that, not a burst. */
  advance (fixture, MINUTES (45));
  notify = wait_for_notify (1);
  advance (fixture, MINUTES (60));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 1);
}

static void
test_do_not_disturb (Fixture       *fixture,
                     gconstpointer  data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.notifications",
                                                                        TRUE);
  g_autoptr(GSettings) desktop = NULL;
  g_autoptr(Notify) notify = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "show-banners"))
    {
      g_test_skip ("GNOME's notification settings are not installed");
      return;
    }
  desktop = g_settings_new ("org.gnome.desktop.notifications");

  g_settings_set_boolean (desktop, "show-banners", FALSE);
  WAIT_FOR (!unknot_notifier_get_banners_allowed (fixture->notifier));
  advance (fixture, MINUTES (45));
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);
  advance (fixture, MINUTES (30));
  spin_for (100);
  g_assert_cmpuint (count_calls ("Notify"), ==, 0);

  /* Banners back on: the held reminder, once. */
  g_settings_set_boolean (desktop, "show-banners", TRUE);
  notify = wait_for_notify (1);
  spin_for (200);
  g_assert_cmpuint (count_calls ("Notify"), ==, 1);
  g_settings_reset (desktop, "show-banners");
}

static void
test_history_unavailable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->folder, "unknot", NULL);
  g_autoptr(Notify) first = NULL;
  g_autoptr(Notify) second = NULL;

  /* A file where the history's folder should be. */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));

  g_test_expect_message ("unknot-reminder", G_LOG_LEVEL_WARNING, "Reminders go on, but without history*");
  advance (fixture, MINUTES (45));
  first = wait_for_notify (1);
  click (1, "skip");
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == wall_now (fixture) + 45 * 60);
  advance (fixture, MINUTES (45));
  second = wait_for_notify (2);
  spin_for (200);
  /* Said once, for all of it. */
  g_test_assert_expected_messages ();
}

/* Opt-in: it sets the real wall clock (to the time it just read, so it
 * stays right to a few microseconds), which needs CAP_SYS_TIME and is
 * felt by the whole machine. */
static void
test_wall_clock_set (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 due = unknot_reminder_service_get_next_break (fixture->service);
  struct timespec now;

  if (g_strcmp0 (g_getenv ("UNKNOT_TEST_SET_CLOCK"), "1") != 0)
    {
      g_test_skip ("Sets the system clock; run with UNKNOT_TEST_SET_CLOCK=1");
      return;
    }

  /* The (fake) wall clock moves an hour: nothing tells the schedule... */
  unknot_fake_clock_jump_wall (UNKNOT_FAKE_CLOCK (fixture->clock), 3600);
  spin_for (100);
  g_assert_cmpint (unknot_reminder_service_get_next_break (fixture->service), ==, due);

  /* ...until the real one is set: the timerfd wakes the service, which
   * reads the wall clock again.  Work time is untouched, so the break is
   * an hour later on the wall. */
  g_assert_cmpint (clock_gettime (CLOCK_REALTIME, &now), ==, 0);
  if (clock_settime (CLOCK_REALTIME, &now) != 0)
    {
      g_autofree char *why = g_strdup_printf ("Cannot set the clock: %s", g_strerror (errno));

      g_test_skip (why);
      return;
    }
  WAIT_FOR (unknot_reminder_service_get_next_break (fixture->service) == due + 3600);
}

/* The program */

typedef struct
{
  char *folder;
  char *program;
  char *keyfile;
} Program;

static void
program_write_enabled (Program  *program,
                       gboolean  enabled)
{
  g_autofree char *contents = g_strdup_printf ("[io/github/unknot/Unknot]\nreminders-enabled=%s\n",
                                               enabled ? "true" : "false");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (program->keyfile, contents, -1, &error);
  g_assert_no_error (error);
}

static GSubprocess *
program_spawn (Program     *program,
               const char **arguments)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *config = g_build_filename (program->folder, "config", NULL);
  g_autofree char *data = g_build_filename (program->folder, "data", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* Settings the test can change from outside: a key file it writes. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_ptr_array_add (argv, program->program);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* Its exit status, once it exits by itself within the WAIT_FOR time. */
static int
program_wait (GSubprocess *process)
{
  gboolean done = FALSE;

  g_subprocess_wait_async (process, NULL, waited_cb, &done);
  WAIT_FOR (done);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static char *
program_output (GSubprocess  *process,
                char        **errors)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, errors, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_program (void)
{
  Program program = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *settings_folder = NULL;
  g_autofree char *history_folder = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) third = NULL;
  g_autoptr(GVariant) next_break = NULL;
  g_autoptr(GVariant) backend = NULL;
  gboolean first_exited = FALSE;
  gint64 now;

  program.folder = g_dir_make_tmp ("unknot-test-reminder-program-XXXXXX", &error);
  g_assert_no_error (error);
  program.program = g_test_build_filename (G_TEST_BUILT, "..", "src", "reminder", "unknot-reminder", NULL);
  settings_folder = g_build_filename (program.folder, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_folder, 0700), ==, 0);
  program.keyfile = g_build_filename (settings_folder, "keyfile", NULL);
  history_folder = g_build_filename (program.folder, "data", "unknot", NULL);

  /* --version */
  {
    const char *arguments[] = { "--version", NULL };
    g_autoptr(GSubprocess) process = program_spawn (&program, arguments);
    g_autofree char *errors = NULL;
    g_autofree char *out = program_output (process, &errors);

    g_assert_cmpstr (out, ==, "unknot-reminder " PACKAGE_VERSION "\n");
    g_assert_cmpstr (errors, ==, "");
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }

  /* A bad --interval: one line on stderr, failure. */
  {
    const char *arguments[] = { "--interval", "-5", NULL };
    g_autoptr(GSubprocess) process = program_spawn (&program, arguments);
    g_autofree char *errors = NULL;
    g_autofree char *out = program_output (process, &errors);

    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
    g_assert_nonnull (strstr (errors, "--interval"));
  }

  /* Reminders off (the default): started at login, it leaves at once. */
  {
    const char *arguments[] = { "--always", NULL };
    g_autoptr(GSubprocess) process = NULL;
    gint64 started = g_get_monotonic_time ();

    program_write_enabled (&program, FALSE);
    process = program_spawn (&program, arguments);
    g_assert_cmpint (program_wait (process), ==, 0);
    g_assert_cmpint (g_get_monotonic_time () - started, <, 3 * G_USEC_PER_SEC);
    g_assert_false (name_has_owner (REMINDER_ID));
  }

  /* On: it runs, owns the name, and publishes the next break. */
  program_write_enabled (&program, TRUE);
  {
    const char *arguments[] = { "--always", "--interval", "120", NULL };

    first = program_spawn (&program, arguments);
    g_subprocess_wait_async (first, NULL, waited_cb, &first_exited);
  }
  WAIT_FOR (name_has_owner (REMINDER_ID));
  now = g_get_real_time () / G_USEC_PER_SEC;
  next_break = program_property ("NextBreak");
  g_assert_cmpint (g_variant_get_int64 (next_break), >=, now + 110);
  g_assert_cmpint (g_variant_get_int64 (next_break), <=, now + 121);
  backend = program_property ("IdleBackend");
  g_assert_cmpstr (g_variant_get_string (backend, NULL), ==, "none");
  /* Nothing happened yet that the history would keep. */
  g_assert_false (g_file_test (history_folder, G_FILE_TEST_EXISTS));

  /* One per session: a second one leaves the first alone. */
  {
    const char *arguments[] = { NULL };
    g_autoptr(GSubprocess) process = program_spawn (&program, arguments);

    g_assert_cmpint (program_wait (process), ==, 0);
    spin_for (100);
    g_assert_false (first_exited);
  }

  /* --replace takes over, and the first one quits cleanly. */
  {
    const char *arguments[] = { "--replace", "--always", NULL };

    second = program_spawn (&program, arguments);
  }
  g_assert_cmpint (program_wait (first), ==, 0);
  WAIT_FOR (name_has_owner (REMINDER_ID));
  g_clear_pointer (&next_break, g_variant_unref);
  next_break = program_property ("NextBreak");
  g_assert_cmpint (g_variant_get_int64 (next_break), >=, now + 44 * 60);

  /* Turned off in Preferences: it exits cleanly. */
  program_write_enabled (&program, FALSE);
  g_assert_cmpint (program_wait (second), ==, 0);
  WAIT_FOR (!name_has_owner (REMINDER_ID));

  /* SIGTERM (logging out) is a clean exit too. */
  program_write_enabled (&program, TRUE);
  {
    const char *arguments[] = { NULL };

    third = program_spawn (&program, arguments);
  }
  WAIT_FOR (name_has_owner (REMINDER_ID));
  g_subprocess_send_signal (third, SIGTERM);
  g_assert_cmpint (program_wait (third), ==, 0);

  remove_tree (program.folder);
  g_free (program.folder);
  g_free (program.program);
  g_free (program.keyfile);
}

#define ADD_TEST(path, setup, func) \
  g_test_add (path, Fixture, setup, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  static GTestDBus *private_bus;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A bus of our own even inside dbus-run-session, which would start an
   * installed notification server (dunst, under Xvfb) where a test wants
   * none, or its own mock. */
  private_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (private_bus);
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  ADD_TEST ("/reminder-service/reminder-and-answers", &with_actions, test_reminder_and_answers);
  ADD_TEST ("/reminder-service/without-actions", &without_actions, test_without_actions);
  ADD_TEST ("/reminder-service/idle-is-a-natural-break", &with_mutter, test_idle_is_a_natural_break);
  ADD_TEST ("/reminder-service/server-restarts", &with_actions, test_server_restarts);
  ADD_TEST ("/reminder-service/settings-take-effect", &with_actions, test_settings_take_effect);
  ADD_TEST ("/reminder-service/turned-off", &with_actions, test_turned_off);
  ADD_TEST ("/reminder-service/sleep", &with_actions, test_sleep);
  ADD_TEST ("/reminder-service/do-not-disturb", &with_actions, test_do_not_disturb);
  ADD_TEST ("/reminder-service/history-unavailable", &with_actions, test_history_unavailable);
  ADD_TEST ("/reminder-service/wall-clock-set", &no_server, test_wall_clock_set);
  g_test_add_func ("/reminder-service/program", test_program);

  status = g_test_run ();
  /* libnotify keeps the connection for good, so g_test_dbus_down() would
   * wait for it in vain. */
  g_dbus_connection_set_exit_on_close (session, FALSE);
  g_clear_object (&session);
  g_test_dbus_stop (private_bus);
  return status;
}
