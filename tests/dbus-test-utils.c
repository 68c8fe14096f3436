/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>

#include "dbus-test-utils.h"

static GDBusConnection *
shared_session (void)
{
  static GDBusConnection *session;

  if (session == NULL)
    {
      g_autoptr(GError) error = NULL;

      session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
      g_assert_no_error (error);
    }
  return session;
}

void
spin (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    spin ();
}

GDBusConnection *
connection_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection;

  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

GVariant *
bus_call (GDBusConnection *connection,
          const char      *method,
          GVariant        *parameters,
          const char      *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                 "org.freedesktop.DBus", method, parameters,
                                                 G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE,
                                                 -1, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

gboolean
name_has_owner (const char *name)
{
  g_autoptr(GVariant) reply = bus_call (shared_session (), "NameHasOwner", g_variant_new ("(s)", name), "(b)");
  gboolean owned;

  g_variant_get (reply, "(b)", &owned);
  return owned;
}

void
sync_with_bus (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = bus_call (connection, "GetId", NULL, "(s)");
}

/* python3-dbusmock is packaged for Debian's python only; a python3 that
 * comes first on PATH (pyenv, a venv) may not have it. */
static const char *
dbusmock_python (void)
{
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
}

GSubprocess *
server_start (const char *capabilities)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = g_strdup_printf ("{\"capabilities\": \"%s\"}", capabilities);
  const char *argv[] = { dbusmock_python (), "-m", "dbusmock", "--template", "notification_daemon",
                         "-p", parameters, NULL };
  GSubprocess *server;

  g_assert_false (name_has_owner (SERVER_NAME));
  /* Its log of calls would mix with the TAP output. */
  server = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  WAIT_FOR (name_has_owner (SERVER_NAME));
  return server;
}

void
server_stop (GSubprocess **server)
{
  g_autoptr(GError) error = NULL;

  if (*server == NULL)
    return;
  g_subprocess_send_signal (*server, SIGTERM);
  g_subprocess_wait (*server, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (server);
  WAIT_FOR (!name_has_owner (SERVER_NAME));
}

GVariant *
server_call (const char *method,
             GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (shared_session (), SERVER_NAME, SERVER_PATH, MOCK_INTERFACE,
                                                 method, parameters, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                                 &error);

  g_assert_no_error (error);
  return reply;
}

GVariant *
calls_of (const char *method)
{
  g_autoptr(GVariant) reply = server_call ("GetMethodCalls", g_variant_new ("(s)", method));
  g_autoptr(GVariant) calls = g_variant_get_child_value (reply, 0);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aav"));
  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) call = g_variant_get_child_value (calls, i);

      g_variant_builder_add_value (&builder, g_variant_get_child_value (call, 1));
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

gsize
count_calls (const char *method)
{
  g_autoptr(GVariant) calls = calls_of (method);

  return g_variant_n_children (calls);
}
