/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A session pauses when the computer sleeps or the screen locks, and the
 * reminder service measures a sleep from its start to the wake-up: the
 * guard hears logind and the screensaver on the bus (here the private
 * session bus of dbus-run-session stands in for both). */
#include "config.h"

#include "unknot-session-guard.h"

typedef struct
{
  GPtrArray *reasons; /* "away" */
  GPtrArray *backs;   /* "back" */
} Heard;

static void
away_cb (UnknotSessionGuard *guard,
         const char         *why,
         Heard              *heard)
{
  g_ptr_array_add (heard->reasons, g_strdup (why));
}

static void
back_cb (UnknotSessionGuard *guard,
         const char         *why,
         Heard              *heard)
{
  g_ptr_array_add (heard->backs, g_strdup (why));
}

static void
emit (GDBusConnection *bus,
      const char      *path,
      const char      *interface,
      const char      *member,
      gboolean         value)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (bus, NULL, path, interface, member, g_variant_new ("(b)", value), &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (bus, NULL, &error);
  g_assert_no_error (error);
}

/* Subscribing sends AddMatch to the bus without waiting; a round trip on
 * the same connection makes sure the bus has it before anything is sent. */
static void
sync_with_bus (GDBusConnection *bus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "GetId", NULL, NULL,
                                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
wait_for (GPtrArray *heard,
          guint      n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (heard->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_sleep_and_lock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) listener = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GDBusConnection) sender = NULL;
  g_autoptr(UnknotSessionGuard) guard = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  Heard heard = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };

  g_assert_no_error (error);
  sender = g_dbus_connection_new_for_address_sync (address,
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);

  guard = unknot_session_guard_new (listener, listener);
  g_signal_connect (guard, "away", G_CALLBACK (away_cb), &heard);
  g_signal_connect (guard, "back", G_CALLBACK (back_cb), &heard);
  sync_with_bus (listener);

  /* Waking and unlocking are "back", never "away"; the same member on an
   * unrelated path is someone else's business: nothing is heard of it.
   * Signals from one sender arrive in order, so once the last one is
   * heard, every earlier one has been seen. */
  emit (sender, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", FALSE);
  emit (sender, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", FALSE);
  emit (sender, "/org/example/Other", "org.gnome.ScreenSaver", "ActiveChanged", TRUE);
  emit (sender, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", TRUE);
  emit (sender, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", TRUE);
  emit (sender, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", TRUE);
  wait_for (heard.reasons, 3);

  g_assert_cmpuint (heard.reasons->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (heard.reasons, 0), ==, "sleep");
  g_assert_cmpstr (g_ptr_array_index (heard.reasons, 1), ==, "lock");
  g_assert_cmpstr (g_ptr_array_index (heard.reasons, 2), ==, "lock");
  g_assert_cmpuint (heard.backs->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (heard.backs, 0), ==, "sleep");
  g_assert_cmpstr (g_ptr_array_index (heard.backs, 1), ==, "lock");

  /* The other ends: the wake-up after the sleep, the unlock after the
   * locks; still nothing from the unrelated path. */
  emit (sender, "/org/example/Other", "org.gnome.ScreenSaver", "ActiveChanged", FALSE);
  emit (sender, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", FALSE);
  emit (sender, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", FALSE);
  wait_for (heard.backs, 4);
  g_assert_cmpuint (heard.backs->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (heard.backs, 2), ==, "sleep");
  g_assert_cmpstr (g_ptr_array_index (heard.backs, 3), ==, "lock");
  g_assert_cmpuint (heard.reasons->len, ==, 3);

  /* A guard that is gone hears nothing: a fresh one does hear the next. */
  g_clear_object (&guard);
  guard = unknot_session_guard_new (listener, listener);
  g_signal_connect (guard, "away", G_CALLBACK (away_cb), &heard);
  sync_with_bus (listener);
  emit (sender, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", TRUE);
  wait_for (heard.reasons, 4);
  /* Both guards would be told of the one message in the same dispatch. */
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (heard.reasons->len, ==, 4);
  g_assert_cmpuint (heard.backs->len, ==, 4);
  g_ptr_array_unref (heard.reasons);
  g_ptr_array_unref (heard.backs);
}

static void
test_no_buses (void)
{
  g_autoptr(UnknotSessionGuard) guard = NULL;
  const char *saved = g_getenv ("DBUS_SYSTEM_BUS_ADDRESS");
  g_autofree char *copy = g_strdup (saved);

  /* A machine without a system bus: the guard is made, and quietly
   * listens to what there is. */
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  guard = unknot_session_guard_new (NULL, NULL);
  g_assert_nonnull (guard);
  if (copy != NULL)
    g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", copy, TRUE);
  else
    g_unsetenv ("DBUS_SYSTEM_BUS_ADDRESS");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/guard/sleep-and-lock", test_sleep_and_lock);
  g_test_add_func ("/guard/no-buses", test_no_buses);
  return g_test_run ();
}
