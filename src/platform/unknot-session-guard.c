/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-guard"

#include "config.h"

#include "unknot-session-guard.h"

struct _UnknotSessionGuard
{
  GObject          parent_instance;
  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  guint            sleep_id;
  guint            gnome_lock_id;
  guint            fdo_lock_id;
};

enum {
  AWAY,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotSessionGuard, unknot_session_guard, G_TYPE_OBJECT)

/* TRUE: going away; FALSE: back.  A session player only listens to "away"
 * (waking up or unlocking is not a reason to resume: the user does that);
 * the reminder service needs both ends of a sleep to measure it. */
static void
argument_means_away_or_back (GVariant           *parameters,
                             UnknotSessionGuard *self,
                             const char         *why)
{
  gboolean value = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &value);
  g_signal_emit (self, signals[value ? AWAY : BACK], 0, why);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  argument_means_away_or_back (parameters, user_data, "sleep");
}

static void
active_changed_cb (GDBusConnection *connection,
                   const char      *sender,
                   const char      *path,
                   const char      *interface,
                   const char      *signal,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  argument_means_away_or_back (parameters, user_data, "lock");
}

static void
unknot_session_guard_dispose (GObject *object)
{
  UnknotSessionGuard *self = UNKNOT_SESSION_GUARD (object);

  if (self->system_bus != NULL && self->sleep_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_id);
  if (self->session_bus != NULL)
    {
      if (self->gnome_lock_id != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->gnome_lock_id);
      if (self->fdo_lock_id != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->fdo_lock_id);
    }
  self->sleep_id = self->gnome_lock_id = self->fdo_lock_id = 0;
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (unknot_session_guard_parent_class)->dispose (object);
}

static void
unknot_session_guard_class_init (UnknotSessionGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_session_guard_dispose;

  signals[AWAY] = g_signal_new ("away", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unknot_session_guard_init (UnknotSessionGuard *self)
{
}

/* g_bus_get_sync would wait for a bus that is not there (no system bus in
 * a container); an address that is not set means no bus at all. */
static GDBusConnection *
bus_if_present (GBusType type)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (type, NULL, &error);
  GDBusConnection *connection;

  if (address == NULL)
    return NULL;
  connection = g_bus_get_sync (type, NULL, &error);
  if (connection == NULL)
    g_debug ("No %s bus: %s", type == G_BUS_TYPE_SYSTEM ? "system" : "session", error->message);
  return connection;
}

UnknotSessionGuard *
unknot_session_guard_new (GDBusConnection *session_bus,
                          GDBusConnection *system_bus)
{
  UnknotSessionGuard *self = g_object_new (UNKNOT_TYPE_SESSION_GUARD, NULL);

  self->session_bus = session_bus != NULL ? g_object_ref (session_bus) : bus_if_present (G_BUS_TYPE_SESSION);
  self->system_bus = system_bus != NULL ? g_object_ref (system_bus) : bus_if_present (G_BUS_TYPE_SYSTEM);

  if (self->system_bus != NULL)
    self->sleep_id = g_dbus_connection_signal_subscribe (self->system_bus, NULL,
                                                         "org.freedesktop.login1.Manager", "PrepareForSleep",
                                                         "/org/freedesktop/login1", NULL,
                                                         G_DBUS_SIGNAL_FLAGS_NONE,
                                                         prepare_for_sleep_cb, self, NULL);
  if (self->session_bus != NULL)
    {
      self->gnome_lock_id = g_dbus_connection_signal_subscribe (self->session_bus, NULL,
                                                                "org.gnome.ScreenSaver", "ActiveChanged",
                                                                "/org/gnome/ScreenSaver", NULL,
                                                                G_DBUS_SIGNAL_FLAGS_NONE,
                                                                active_changed_cb, self, NULL);
      self->fdo_lock_id = g_dbus_connection_signal_subscribe (self->session_bus, NULL,
                                                              "org.freedesktop.ScreenSaver", "ActiveChanged",
                                                              "/org/freedesktop/ScreenSaver", NULL,
                                                              G_DBUS_SIGNAL_FLAGS_NONE,
                                                              active_changed_cb, self, NULL);
    }
  return self;
}
