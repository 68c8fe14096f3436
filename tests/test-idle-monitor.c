/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Idle time as a natural break: the monitor against small stand-ins for
 * Mutter's IdleMonitor and the freedesktop ScreenSaver, each on a D-Bus
 * connection of its own on a private session bus. */
#include "config.h"

#include "dbus-test-utils.h"
#include "unknot-idle-monitor.h"

#define MUTTER_NAME "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_INTERFACE "org.gnome.Mutter.IdleMonitor"
#define SCREENSAVER_NAME "org.freedesktop.ScreenSaver"
#define SCREENSAVER_PATH "/org/freedesktop/ScreenSaver"
#define SCREENSAVER_INTERFACE "org.freedesktop.ScreenSaver"

#define FIVE_MINUTES (5 * 60 * 1000)

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

static const char screensaver_xml[] =
  "<node>"
  "  <interface name='" SCREENSAVER_INTERFACE "'>"
  "    <method name='GetSessionIdleTime'><arg name='time' direction='out' type='u'/></method>"
  "    <method name='GetActive'><arg name='active' direction='out' type='b'/></method>"
  "    <signal name='ActiveChanged'><arg name='active' type='b'/></signal>"
  "  </interface>"
  "</node>";

static GDBusConnection *session;

/* A stand-in peer: answers the monitor's calls and remembers them. */
typedef struct
{
  GDBusConnection *connection;
  GDBusNodeInfo   *node;
  guint            registration;
  const char      *name;
  const char      *path;
  const char      *interface;
  GPtrArray       *calls;             /* "AddIdleWatch 300000", … */
  guint32          next_watch;
  guint32          last_idle_watch;
  guint32          last_active_watch;
  guint64          idle_ms;           /* what it answers when asked */
  gboolean         hold_add;          /* keep the next AddIdleWatch unanswered */
  GDBusMethodInvocation *held;
  guint32          held_id;
} Peer;

static void
peer_method_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Peer *peer = user_data;

  if (g_str_equal (method, "GetIdletime"))
    {
      g_ptr_array_add (peer->calls, g_strdup (method));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", peer->idle_ms));
    }
  else if (g_str_equal (method, "AddIdleWatch"))
    {
      guint64 interval;

      g_variant_get (parameters, "(t)", &interval);
      g_ptr_array_add (peer->calls, g_strdup_printf ("AddIdleWatch %" G_GUINT64_FORMAT, interval));
      peer->last_idle_watch = ++peer->next_watch;
      if (peer->hold_add)
        {
          peer->hold_add = FALSE;
          peer->held = invocation;
          peer->held_id = peer->last_idle_watch;
          return;
        }
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", peer->last_idle_watch));
    }
  else if (g_str_equal (method, "AddUserActiveWatch"))
    {
      g_ptr_array_add (peer->calls, g_strdup (method));
      peer->last_active_watch = ++peer->next_watch;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", peer->last_active_watch));
    }
  else if (g_str_equal (method, "RemoveWatch"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_ptr_array_add (peer->calls, g_strdup_printf ("RemoveWatch %u", id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetSessionIdleTime"))
    {
      g_ptr_array_add (peer->calls, g_strdup (method));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", (guint32) peer->idle_ms));
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method);
    }
}

static const GDBusInterfaceVTable peer_vtable = { peer_method_cb, NULL, NULL, { 0 } };

static Peer *
peer_start (const char *name,
            const char *path,
            const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  Peer *peer = g_new0 (Peer, 1);
  guint32 result;

  peer->name = name;
  peer->path = path;
  peer->calls = g_ptr_array_new_with_free_func (g_free);
  peer->connection = connection_new ();
  peer->node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  peer->interface = peer->node->interfaces[0]->name;
  peer->registration = g_dbus_connection_register_object (peer->connection, path, peer->node->interfaces[0],
                                                          &peer_vtable, peer, NULL, &error);
  g_assert_no_error (error);

  reply = bus_call (peer->connection, "RequestName", g_variant_new ("(su)", name, 4 /* do not queue */), "(u)");
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* primary owner */);
  return peer;
}

static void
peer_stop (Peer *peer)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_unregister_object (peer->connection, peer->registration);
  g_dbus_connection_close_sync (peer->connection, NULL, &error);
  g_assert_no_error (error);
  WAIT_FOR (!name_has_owner (peer->name));
  g_object_unref (peer->connection);
  g_dbus_node_info_unref (peer->node);
  g_ptr_array_unref (peer->calls);
  g_free (peer);
}

static gboolean
peer_was_called (Peer       *peer,
                 const char *call)
{
  for (guint i = 0; i < peer->calls->len; i++)
    if (g_str_equal (g_ptr_array_index (peer->calls, i), call))
      return TRUE;
  return FALSE;
}

static guint
peer_count_calls (Peer       *peer,
                  const char *call)
{
  guint n = 0;

  for (guint i = 0; i < peer->calls->len; i++)
    if (g_str_equal (g_ptr_array_index (peer->calls, i), call))
      n++;
  return n;
}

static void
emit_from (GDBusConnection *connection,
           const char      *path,
           const char      *interface,
           const char      *signal,
           GVariant        *parameters)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (connection, NULL, path, interface, signal, parameters, &error);
  g_assert_no_error (error);
  sync_with_bus (connection);
}

static void
fire_watch (Peer    *mutter,
            guint32  id)
{
  emit_from (mutter->connection, MUTTER_PATH, MUTTER_INTERFACE, "WatchFired", g_variant_new ("(u)", id));
}

static void
screensaver_active (Peer     *screensaver,
                    gboolean  active)
{
  emit_from (screensaver->connection, screensaver->path, SCREENSAVER_INTERFACE, "ActiveChanged",
             g_variant_new ("(b)", active));
}

typedef struct
{
  GArray *idle;    /* guint64 idle_ms of each "idle" */
  guint   active;
  guint   backend_changes;
} Heard;

static void
idle_cb (UnknotIdleMonitor *monitor,
         guint64            idle_ms,
         Heard             *heard)
{
  /* "active" always follows an "idle", never two of a kind in a row. */
  g_assert_cmpuint (heard->idle->len, ==, heard->active);
  g_array_append_val (heard->idle, idle_ms);
}

static void
active_cb (UnknotIdleMonitor *monitor,
           Heard             *heard)
{
  g_assert_cmpuint (heard->active + 1, ==, heard->idle->len);
  heard->active++;
}

static void
backend_cb (UnknotIdleMonitor *monitor,
            GParamSpec        *pspec,
            Heard             *heard)
{
  heard->backend_changes++;
}

static UnknotIdleMonitor *
monitor_new (GDBusConnection *bus,
             guint            threshold_ms,
             Heard           *heard)
{
  UnknotIdleMonitor *monitor = unknot_idle_monitor_new (bus, threshold_ms);

  heard->idle = g_array_new (FALSE, FALSE, sizeof (guint64));
  heard->active = 0;
  heard->backend_changes = 0;
  g_signal_connect (monitor, "idle", G_CALLBACK (idle_cb), heard);
  g_signal_connect (monitor, "active", G_CALLBACK (active_cb), heard);
  g_signal_connect (monitor, "notify::backend", G_CALLBACK (backend_cb), heard);
  return monitor;
}

static guint64
idle_ms_at (Heard *heard,
            guint  i)
{
  return g_array_index (heard->idle, guint64, i);
}

/* Between events nothing is due: no timer in the main context, so the
 * process sleeps until the bus has news. */
static void
assert_nothing_scheduled (void)
{
  GMainContext *context = g_main_context_default ();
  GPollFD fds[64];
  gint priority = 0, timeout = 0, n;

  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_true (g_main_context_acquire (context));
  g_main_context_prepare (context, &priority);
  n = g_main_context_query (context, G_MAXINT, &timeout, fds, G_N_ELEMENTS (fds));
  g_assert_cmpint (n, <=, (gint) G_N_ELEMENTS (fds));
  g_assert_cmpint (timeout, ==, -1);
  g_main_context_check (context, G_MAXINT, fds, n);
  g_main_context_dispatch (context);
  g_main_context_release (context);
}

static void
test_mutter (void)
{
  Peer *mutter = peer_start (MUTTER_NAME, MUTTER_PATH, mutter_xml);
  g_autoptr(GDBusConnection) stranger = connection_new ();
  Heard heard;
  g_autoptr(UnknotIdleMonitor) monitor = monitor_new (session, FIVE_MINUTES, &heard);
  g_autofree char *removed = NULL;
  guint32 five_minute_watch;

  WAIT_FOR (heard.backend_changes == 1);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_MUTTER);
  g_assert_cmpstr (unknot_idle_backend_to_string (unknot_idle_monitor_get_backend (monitor)), ==, "mutter");
  g_assert_true (peer_was_called (mutter, "AddIdleWatch 300000"));
  assert_nothing_scheduled ();

  /* Five minutes away from the keyboard: idle, for as long as Mutter says,
   * then back. */
  mutter->idle_ms = 301000;
  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 1);
  g_assert_cmpuint (idle_ms_at (&heard, 0), ==, 301000);
  WAIT_FOR (peer_count_calls (mutter, "AddUserActiveWatch") == 1);
  g_assert_cmpuint (heard.active, ==, 0);
  fire_watch (mutter, mutter->last_active_watch);
  WAIT_FOR (heard.active == 1);

  /* And again: the user-active watch fired once and is asked anew. */
  mutter->idle_ms = 300000;
  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 2);
  WAIT_FOR (peer_count_calls (mutter, "AddUserActiveWatch") == 2);
  fire_watch (mutter, mutter->last_active_watch);
  WAIT_FOR (heard.active == 2);
  assert_nothing_scheduled ();

  /* Someone else saying the watch fired is not believed.  Once the bus
   * answered the stranger, and then the monitor's connection, the signal
   * has reached the monitor. */
  emit_from (stranger, MUTTER_PATH, MUTTER_INTERFACE, "WatchFired", g_variant_new ("(u)", mutter->last_idle_watch));
  sync_with_bus (session);
  spin_for (100);
  g_assert_cmpuint (heard.idle->len, ==, 2);
  g_assert_cmpuint (peer_count_calls (mutter, "AddUserActiveWatch"), ==, 2);
  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 3);
  WAIT_FOR (peer_count_calls (mutter, "AddUserActiveWatch") == 3);
  fire_watch (mutter, mutter->last_active_watch);
  WAIT_FOR (heard.active == 3);

  /* A new threshold replaces the watch: the old one is removed, and only
   * the new one counts. */
  five_minute_watch = mutter->last_idle_watch;
  unknot_idle_monitor_set_threshold (monitor, 60000);
  removed = g_strdup_printf ("RemoveWatch %u", five_minute_watch);
  WAIT_FOR (peer_was_called (mutter, "AddIdleWatch 60000"));
  WAIT_FOR (peer_was_called (mutter, removed));
  spin_for (50); /* the new watch's id reaches the monitor */
  fire_watch (mutter, five_minute_watch);
  mutter->idle_ms = 61000;
  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 4);
  g_assert_cmpuint (idle_ms_at (&heard, 3), ==, 61000);

  /* Gone: the watches it made are removed with it. */
  g_clear_pointer (&removed, g_free);
  removed = g_strdup_printf ("RemoveWatch %u", mutter->last_idle_watch);
  WAIT_FOR (peer_count_calls (mutter, "AddUserActiveWatch") == 4);
  spin_for (50);
  g_clear_object (&monitor);
  WAIT_FOR (peer_was_called (mutter, removed));
  g_clear_pointer (&removed, g_free);
  removed = g_strdup_printf ("RemoveWatch %u", mutter->last_active_watch);
  WAIT_FOR (peer_was_called (mutter, removed));

  g_array_unref (heard.idle);
  peer_stop (mutter);
}

static void
test_threshold_while_adding (void)
{
  Peer *mutter = peer_start (MUTTER_NAME, MUTTER_PATH, mutter_xml);
  Heard heard;
  g_autoptr(UnknotIdleMonitor) monitor = NULL;
  g_autofree char *removed = NULL;

  /* The threshold changes twice while Mutter is still making the first
   * watch: that one is removed when it comes, and the one that stays is
   * the last threshold's. */
  mutter->hold_add = TRUE;
  monitor = monitor_new (session, FIVE_MINUTES, &heard);
  WAIT_FOR (mutter->held != NULL);
  g_assert_true (peer_was_called (mutter, "AddIdleWatch 300000"));
  unknot_idle_monitor_set_threshold (monitor, 120000);
  unknot_idle_monitor_set_threshold (monitor, 90000);
  g_dbus_method_invocation_return_value (g_steal_pointer (&mutter->held), g_variant_new ("(u)", mutter->held_id));

  WAIT_FOR (heard.backend_changes == 1);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_MUTTER);
  removed = g_strdup_printf ("RemoveWatch %u", mutter->held_id);
  WAIT_FOR (peer_was_called (mutter, removed));
  g_assert_true (peer_was_called (mutter, "AddIdleWatch 90000"));
  g_assert_false (peer_was_called (mutter, "AddIdleWatch 120000"));
  g_assert_cmpuint (peer_count_calls (mutter, "AddIdleWatch 90000"), ==, 1);

  /* Only the new watch makes a break. */
  fire_watch (mutter, mutter->held_id);
  mutter->idle_ms = 90000;
  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 1);
  g_assert_cmpuint (idle_ms_at (&heard, 0), ==, 90000);

  g_clear_object (&monitor);
  g_array_unref (heard.idle);
  peer_stop (mutter);
}

static void
test_screensaver (void)
{
  Peer *screensaver = peer_start (SCREENSAVER_NAME, SCREENSAVER_PATH, screensaver_xml);
  Heard heard;
  /* The session bus of its own finding, this time. */
  g_autoptr(UnknotIdleMonitor) monitor = monitor_new (NULL, FIVE_MINUTES, &heard);

  WAIT_FOR (heard.backend_changes == 1);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_SCREENSAVER);
  g_assert_cmpstr (unknot_idle_backend_to_string (unknot_idle_monitor_get_backend (monitor)), ==, "screensaver");
  assert_nothing_scheduled ();

  /* The screensaver comes on: idle, for as long as it says; it goes off:
   * back.  Saying "on" twice is one break. */
  screensaver->idle_ms = 420000;
  screensaver_active (screensaver, TRUE);
  screensaver_active (screensaver, TRUE);
  WAIT_FOR (heard.idle->len == 1);
  g_assert_cmpuint (idle_ms_at (&heard, 0), ==, 420000);
  screensaver_active (screensaver, FALSE);
  WAIT_FOR (heard.active == 1);
  g_assert_cmpuint (heard.idle->len, ==, 1);

  /* Off again without having been on: nothing. */
  screensaver_active (screensaver, FALSE);
  screensaver_active (screensaver, TRUE);
  WAIT_FOR (heard.idle->len == 2);
  g_assert_cmpuint (heard.active, ==, 1);

  g_clear_object (&monitor);
  g_array_unref (heard.idle);
  peer_stop (screensaver);
}

static void
test_shell_restarts (void)
{
  Peer *screensaver = peer_start (SCREENSAVER_NAME, SCREENSAVER_PATH, screensaver_xml);
  Peer *mutter = peer_start (MUTTER_NAME, MUTTER_PATH, mutter_xml);
  Heard heard;
  g_autoptr(UnknotIdleMonitor) monitor = monitor_new (session, FIVE_MINUTES, &heard);

  /* Mutter first, when both are there. */
  WAIT_FOR (heard.backend_changes == 1);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_MUTTER);
  g_assert_cmpuint (screensaver->calls->len, ==, 0);

  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 1);

  /* GNOME Shell goes away while the user is idle: nobody would say when
   * they are back, so they count as back; the screensaver takes over. */
  peer_stop (mutter);
  WAIT_FOR (heard.backend_changes == 2);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_SCREENSAVER);
  g_assert_cmpuint (heard.active, ==, 1);

  /* It comes back, with no watches of ours: they are made again. */
  mutter = peer_start (MUTTER_NAME, MUTTER_PATH, mutter_xml);
  WAIT_FOR (heard.backend_changes == 3);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_MUTTER);
  g_assert_true (peer_was_called (mutter, "AddIdleWatch 300000"));
  fire_watch (mutter, mutter->last_idle_watch);
  WAIT_FOR (heard.idle->len == 2);

  g_clear_object (&monitor);
  g_array_unref (heard.idle);
  peer_stop (mutter);
  peer_stop (screensaver);
}

static void
test_nothing_there (void)
{
  g_autoptr(GDBusConnection) stranger = connection_new ();
  Heard heard;
  g_autoptr(UnknotIdleMonitor) monitor = NULL;

  g_assert_false (name_has_owner (MUTTER_NAME));
  g_assert_false (name_has_owner (SCREENSAVER_NAME));
  monitor = monitor_new (session, FIVE_MINUTES, &heard);

  /* Known to be none, and said so. */
  WAIT_FOR (heard.backend_changes == 1);
  g_assert_cmpint (unknot_idle_monitor_get_backend (monitor), ==, UNKNOT_IDLE_BACKEND_NONE);
  g_assert_cmpstr (unknot_idle_backend_to_string (unknot_idle_monitor_get_backend (monitor)), ==, "none");

  /* Reminders then run on plain time: no events, whoever sends what, and
   * no timer to wake the process. */
  emit_from (stranger, SCREENSAVER_PATH, SCREENSAVER_INTERFACE, "ActiveChanged", g_variant_new ("(b)", TRUE));
  emit_from (stranger, MUTTER_PATH, MUTTER_INTERFACE, "WatchFired", g_variant_new ("(u)", 1));
  sync_with_bus (session);
  spin_for (1000);
  g_assert_cmpuint (heard.idle->len, ==, 0);
  g_assert_cmpuint (heard.active, ==, 0);
  g_assert_cmpuint (heard.backend_changes, ==, 1);
  assert_nothing_scheduled ();

  g_clear_object (&monitor);
  g_array_unref (heard.idle);
}

int
main (int   argc,
      char *argv[])
{
  static GTestDBus *private_bus;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A bus of our own even inside dbus-run-session, with no services to
   * start: on a desktop, the real Mutter would answer. */
  private_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (private_bus);
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/idle-monitor/mutter", test_mutter);
  g_test_add_func ("/idle-monitor/threshold-while-adding", test_threshold_while_adding);
  g_test_add_func ("/idle-monitor/screensaver", test_screensaver);
  g_test_add_func ("/idle-monitor/shell-restarts", test_shell_restarts);
  g_test_add_func ("/idle-monitor/nothing-there", test_nothing_there);
  status = g_test_run ();

  g_dbus_connection_set_exit_on_close (session, FALSE);
  g_clear_object (&session);
  g_test_dbus_stop (private_bus);
  return status;
}
