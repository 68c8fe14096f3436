/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the tests on the private session bus share: waiting for what other
 * threads and processes do, the bus itself, and python3-dbusmock's
 * notification daemon.  Calls without a connection use the shared session
 * bus connection (g_bus_get_sync()), as the code under test does. */

/* One turn of the main context, or a millisecond's sleep when it had
 * nothing to do. */
void spin     (void);
/* For "nothing happens": long enough for a thread, a bus round trip and a
 * python peer to have done what they would have done. */
void spin_for (guint ms);

/* Spins until @condition holds; fails the test if it still does not after
 * ten seconds (a ceiling for a busy machine, never a wait in itself). */
#define WAIT_FOR(condition)                                                \
  G_STMT_START {                                                           \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;      \
    while (!(condition) && g_get_monotonic_time () < deadline_)            \
      spin ();                                                             \
    g_assert_true (condition);                                             \
  } G_STMT_END

/* A connection of its own to the session bus, for a stand-in peer. */
GDBusConnection *connection_new (void);
/* A call to the bus itself (org.freedesktop.DBus). */
GVariant        *bus_call       (GDBusConnection *connection,
                                 const char      *method,
                                 GVariant        *parameters,
                                 const char      *reply_type);
gboolean         name_has_owner (const char      *name);
/* The bus handles one connection's messages in order: once it answers
 * this, whatever @connection sent before has been delivered. */
void             sync_with_bus  (GDBusConnection *connection);

/* python3-dbusmock's notification_daemon template as the notification
 * server: it logs every call, and fires the signals a user's clicks would. */
#define SERVER_NAME "org.freedesktop.Notifications"
#define SERVER_PATH "/org/freedesktop/Notifications"
#define SERVER_INTERFACE "org.freedesktop.Notifications"
#define MOCK_INTERFACE "org.freedesktop.DBus.Mock"

/* Starts it with @capabilities (space-separated) and waits for its name. */
GSubprocess *server_start (const char   *capabilities);
/* Stops *@server (if any) and waits until its name is gone. */
void         server_stop  (GSubprocess **server);
/* A call of the mock's own interface (AddMethod, EmitSignal, ...). */
GVariant    *server_call  (const char   *method,
                           GVariant     *parameters);
/* The arguments of every call of @method the server got, as "aav". */
GVariant    *calls_of     (const char   *method);
gsize        count_calls  (const char   *method);

G_END_DECLS
