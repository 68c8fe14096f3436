/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-idle"

#include "config.h"

#include "unknot-idle-monitor.h"

#define MUTTER_NAME "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_INTERFACE "org.gnome.Mutter.IdleMonitor"

/* The freedesktop ScreenSaver only says when the screensaver starts and
 * stops, after its own delay: with this backend "idle" means the screensaver
 * came on, whatever the threshold.  KDE answers at both paths. */
#define SCREENSAVER_NAME "org.freedesktop.ScreenSaver"
#define SCREENSAVER_INTERFACE "org.freedesktop.ScreenSaver"
static const char * const screensaver_paths[] = { "/org/freedesktop/ScreenSaver", "/ScreenSaver" };

/* A peer that does not answer within this long is not used; the default
 * D-Bus timeout (25 s) would leave the backend unknown for that long. */
#define CALL_TIMEOUT_MS 5000

#define MUTTER_SEEN      (1u << 0)
#define SCREENSAVER_SEEN (1u << 1)

typedef enum {
  STATE_ACTIVE,
  STATE_GOING_IDLE, /* the peer said so; how long is being asked */
  STATE_IDLE,
} State;

struct _UnknotIdleMonitor
{
  GObject            parent_instance;

  GDBusConnection   *bus;
  guint              threshold_ms;
  UnknotIdleBackend  backend;
  gboolean           backend_known;

  /* Who owns the names, as the bus tells it: no polling, and a restarted
   * GNOME Shell is noticed. */
  guint              mutter_watch;
  guint              screensaver_watch;
  char              *mutter_owner;
  char              *screensaver_owner;
  guint              names_seen;

  /* The backend in use or being tried.  Choosing again bumps the
   * generation, and answers to an older choice are dropped. */
  UnknotIdleBackend  choice;
  guint              generation;
  char              *peer;             /* unique name of the backend's owner */
  const char        *screensaver_path;
  guint              signal_id;
  guint32            idle_watch;
  guint32            active_watch;
  gboolean           adding_idle_watch;
  State              state;
};

enum {
  PROP_0,
  PROP_BACKEND,
  PROP_THRESHOLD_MS,
  N_PROPS
};

enum {
  IDLE,
  ACTIVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotIdleMonitor, unknot_idle_monitor, G_TYPE_OBJECT)

static GType
unknot_idle_backend_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { UNKNOT_IDLE_BACKEND_NONE, "UNKNOT_IDLE_BACKEND_NONE", "none" },
        { UNKNOT_IDLE_BACKEND_MUTTER, "UNKNOT_IDLE_BACKEND_MUTTER", "mutter" },
        { UNKNOT_IDLE_BACKEND_SCREENSAVER, "UNKNOT_IDLE_BACKEND_SCREENSAVER", "screensaver" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("UnknotIdleBackend", values));
    }
  return type;
}

/* One call to the peer.  It does not keep the monitor alive: an answer that
 * comes after the monitor is gone, or after it chose again, only cleans up
 * what the peer made for it. */
typedef struct
{
  GWeakRef         monitor;
  GDBusConnection *bus;
  char            *peer;
  guint            generation;
  guint            threshold_ms;
  guint            path_index;
} Call;

static Call *
call_new (UnknotIdleMonitor *self)
{
  Call *call = g_new0 (Call, 1);

  g_weak_ref_init (&call->monitor, self);
  call->bus = g_object_ref (self->bus);
  call->peer = g_strdup (self->peer);
  call->generation = self->generation;
  call->threshold_ms = self->threshold_ms;
  return call;
}

static void
call_free (Call *call)
{
  g_weak_ref_clear (&call->monitor);
  g_object_unref (call->bus);
  g_free (call->peer);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

/* The monitor, if the call is still its business. */
static UnknotIdleMonitor *
call_dup_monitor (Call *call)
{
  UnknotIdleMonitor *self = g_weak_ref_get (&call->monitor);

  if (self != NULL && self->generation != call->generation)
    g_clear_object (&self);
  return self;
}

static void
call_peer (UnknotIdleMonitor   *self,
           const char          *path,
           const char          *interface,
           const char          *method,
           GVariant            *parameters,
           const GVariantType  *reply_type,
           GAsyncReadyCallback  callback,
           Call                *call)
{
  /* Never start a screensaver just to ask it. */
  g_dbus_connection_call (self->bus, self->peer, path, interface, method, parameters, reply_type,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS, NULL, callback, call);
}

static void
remove_watch (GDBusConnection *bus,
              const char      *peer,
              guint32          id)
{
  /* No reply wanted: a peer that is gone took its watches with it. */
  g_dbus_connection_call (bus, peer, MUTTER_PATH, MUTTER_INTERFACE, "RemoveWatch",
                          g_variant_new ("(u)", id), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}

static void
set_backend (UnknotIdleMonitor *self,
             UnknotIdleBackend  backend)
{
  /* The first answer is announced even when it is "none": notify::backend
   * is how the caller learns that the backend is known. */
  if (self->backend_known && self->backend == backend)
    return;
  self->backend_known = TRUE;
  self->backend = backend;
  g_debug ("Idle backend: %s", unknot_idle_backend_to_string (backend));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKEND]);
}

static void
become_idle (UnknotIdleMonitor *self,
             guint64            idle_ms)
{
  if (self->state != STATE_GOING_IDLE)
    return;
  self->state = STATE_IDLE;
  g_signal_emit (self, signals[IDLE], 0, idle_ms);
}

static void
become_active (UnknotIdleMonitor *self)
{
  /* Back before the peer said how long: it was at least the threshold. */
  become_idle (self, self->threshold_ms);
  if (self->state != STATE_IDLE)
    return;
  self->state = STATE_ACTIVE;
  g_signal_emit (self, signals[ACTIVE], 0);
}

static void
leave_backend (UnknotIdleMonitor *self,
               gboolean           announce)
{
  gboolean peer_still_there = self->peer != NULL && g_strcmp0 (self->peer, self->mutter_owner) == 0;

  self->generation++;
  if (self->signal_id != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->signal_id);
  self->signal_id = 0;
  if (self->choice == UNKNOT_IDLE_BACKEND_MUTTER && peer_still_there)
    {
      if (self->idle_watch != 0)
        remove_watch (self->bus, self->peer, self->idle_watch);
      if (self->active_watch != 0)
        remove_watch (self->bus, self->peer, self->active_watch);
    }
  self->idle_watch = self->active_watch = 0;
  self->adding_idle_watch = FALSE;
  self->choice = UNKNOT_IDLE_BACKEND_NONE;
  self->screensaver_path = NULL;
  g_clear_pointer (&self->peer, g_free);

  /* Nobody will say when the user is back: say it now rather than leave
   * the caller believing in a break that never ends. */
  if (announce && self->state == STATE_IDLE)
    {
      self->state = STATE_ACTIVE;
      g_signal_emit (self, signals[ACTIVE], 0);
    }
  self->state = STATE_ACTIVE;
}

/* Mutter */

static void add_idle_watch (UnknotIdleMonitor *self);
static void try_screensaver (UnknotIdleMonitor *self,
                             guint              path_index);

static void
idle_watch_added_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autoptr(UnknotIdleMonitor) self = call_dup_monitor (call);
  guint32 id = 0;

  if (reply != NULL)
    g_variant_get (reply, "(u)", &id);
  if (self == NULL)
    {
      if (reply != NULL)
        remove_watch (call->bus, call->peer, id);
      return;
    }

  self->adding_idle_watch = FALSE;
  if (reply == NULL)
    {
      g_debug ("Mutter's idle monitor would not add a watch: %s", error->message);
      leave_backend (self, TRUE);
      try_screensaver (self, 0);
      return;
    }
  if (call->threshold_ms != self->threshold_ms)
    {
      /* The threshold changed while this watch was being added. */
      remove_watch (call->bus, call->peer, id);
      add_idle_watch (self);
      return;
    }
  self->idle_watch = id;
  set_backend (self, UNKNOT_IDLE_BACKEND_MUTTER);
}

static void
add_idle_watch (UnknotIdleMonitor *self)
{
  /* One at a time: the answer to the one on its way sees a new threshold. */
  if (self->adding_idle_watch)
    return;
  self->adding_idle_watch = TRUE;
  call_peer (self, MUTTER_PATH, MUTTER_INTERFACE, "AddIdleWatch",
             g_variant_new ("(t)", (guint64) self->threshold_ms), G_VARIANT_TYPE ("(u)"),
             idle_watch_added_cb, call_new (self));
}

static void
idletime_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  g_autoptr(UnknotIdleMonitor) self = call_dup_monitor (call);
  guint64 idle_ms = 0;

  if (self == NULL)
    return;
  if (reply != NULL)
    g_variant_get (reply, "(t)", &idle_ms);
  /* The watch fired at the threshold; a smaller answer means the user
   * moved since, and "active" follows. */
  become_idle (self, MAX (idle_ms, self->threshold_ms));
}

static void
active_watch_added_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autoptr(UnknotIdleMonitor) self = call_dup_monitor (call);
  guint32 id = 0;

  if (reply != NULL)
    g_variant_get (reply, "(u)", &id);
  if (self == NULL || self->state == STATE_ACTIVE)
    {
      if (reply != NULL)
        remove_watch (call->bus, call->peer, id);
      return;
    }
  if (reply == NULL)
    {
      /* Without it "active" would never come: the break lasted the
       * threshold, as far as anyone can tell. */
      g_debug ("Mutter's idle monitor would not add a user-active watch: %s", error->message);
      become_active (self);
      return;
    }
  self->active_watch = id;
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender,
                const char      *path,
                const char      *interface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         user_data)
{
  UnknotIdleMonitor *self = user_data;
  guint32 id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;
  g_variant_get (parameters, "(u)", &id);

  if (id == 0)
    return;
  if (id == self->idle_watch && self->state == STATE_ACTIVE)
    {
      /* Asked in this order, the idle time comes back before the
       * user-active watch exists, so before it can fire. */
      self->state = STATE_GOING_IDLE;
      call_peer (self, MUTTER_PATH, MUTTER_INTERFACE, "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"),
                 idletime_cb, call_new (self));
      call_peer (self, MUTTER_PATH, MUTTER_INTERFACE, "AddUserActiveWatch", NULL, G_VARIANT_TYPE ("(u)"),
                 active_watch_added_cb, call_new (self));
    }
  else if (id == self->active_watch)
    {
      /* A user-active watch fires once; Mutter has dropped it. */
      self->active_watch = 0;
      become_active (self);
    }
}

static void
mutter_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autoptr(UnknotIdleMonitor) self = call_dup_monitor (call);

  if (self == NULL)
    return;
  if (reply == NULL)
    {
      g_debug ("Mutter's idle monitor does not answer: %s", error->message);
      leave_backend (self, TRUE);
      try_screensaver (self, 0);
      return;
    }

  /* From its owner only, so nobody else can fake the user's presence.
   * The match is in place before the watch exists: the bus handles one
   * connection's messages in order. */
  self->signal_id = g_dbus_connection_signal_subscribe (self->bus, self->peer, MUTTER_INTERFACE, "WatchFired",
                                                        MUTTER_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                        watch_fired_cb, self, NULL);
  add_idle_watch (self);
}

static void
try_mutter (UnknotIdleMonitor *self)
{
  self->choice = UNKNOT_IDLE_BACKEND_MUTTER;
  self->peer = g_strdup (self->mutter_owner);
  call_peer (self, MUTTER_PATH, MUTTER_INTERFACE, "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"),
             mutter_answered_cb, call_new (self));
}

/* ScreenSaver */

static void
session_idle_time_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  g_autoptr(UnknotIdleMonitor) self = call_dup_monitor (call);
  guint32 idle_ms = 0;

  if (self == NULL)
    return;
  /* In milliseconds, as KDE answers; no answer or 0 (not tracked) means
   * we only know it was long enough for the screensaver. */
  if (reply != NULL)
    g_variant_get (reply, "(u)", &idle_ms);
  become_idle (self, idle_ms > 0 ? idle_ms : self->threshold_ms);
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
  UnknotIdleMonitor *self = user_data;
  gboolean active;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &active);

  if (active && self->state == STATE_ACTIVE)
    {
      self->state = STATE_GOING_IDLE;
      call_peer (self, self->screensaver_path, SCREENSAVER_INTERFACE, "GetSessionIdleTime", NULL,
                 G_VARIANT_TYPE ("(u)"), session_idle_time_cb, call_new (self));
    }
  else if (!active)
    {
      become_active (self);
    }
}

static void
screensaver_answered_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autoptr(UnknotIdleMonitor) self = call_dup_monitor (call);

  if (self == NULL)
    return;
  if (reply == NULL)
    {
      g_debug ("The screensaver does not answer at %s: %s", screensaver_paths[call->path_index], error->message);
      leave_backend (self, TRUE);
      try_screensaver (self, call->path_index + 1);
      return;
    }

  self->screensaver_path = screensaver_paths[call->path_index];
  /* Only the path that answered: KDE sends every signal at both. */
  self->signal_id = g_dbus_connection_signal_subscribe (self->bus, self->peer, SCREENSAVER_INTERFACE, "ActiveChanged",
                                                        self->screensaver_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                        active_changed_cb, self, NULL);
  set_backend (self, UNKNOT_IDLE_BACKEND_SCREENSAVER);
}

static void
try_screensaver (UnknotIdleMonitor *self,
                 guint              path_index)
{
  Call *call;

  if (self->screensaver_owner == NULL || path_index >= G_N_ELEMENTS (screensaver_paths))
    {
      set_backend (self, UNKNOT_IDLE_BACKEND_NONE);
      return;
    }
  self->choice = UNKNOT_IDLE_BACKEND_SCREENSAVER;
  self->peer = g_strdup (self->screensaver_owner);
  call = call_new (self);
  call->path_index = path_index;
  call_peer (self, screensaver_paths[path_index], SCREENSAVER_INTERFACE, "GetSessionIdleTime", NULL,
             G_VARIANT_TYPE ("(u)"), screensaver_answered_cb, call);
}

/* Choosing */

static void
choose_backend (UnknotIdleMonitor *self)
{
  /* Both names' first answers are needed to prefer Mutter. */
  if (self->names_seen != (MUTTER_SEEN | SCREENSAVER_SEEN))
    return;

  leave_backend (self, TRUE);
  if (self->mutter_owner != NULL)
    try_mutter (self);
  else
    try_screensaver (self, 0);
}

static void
mutter_owner_changed (UnknotIdleMonitor *self,
                      const char        *owner)
{
  g_free (self->mutter_owner);
  self->mutter_owner = g_strdup (owner);
  self->names_seen |= MUTTER_SEEN;
  choose_backend (self);
}

static void
screensaver_owner_changed (UnknotIdleMonitor *self,
                           const char        *owner)
{
  g_free (self->screensaver_owner);
  self->screensaver_owner = g_strdup (owner);
  self->names_seen |= SCREENSAVER_SEEN;
  /* Mutter, in use or being tried, needs no screensaver. */
  if (self->choice != UNKNOT_IDLE_BACKEND_MUTTER)
    choose_backend (self);
}

static void
mutter_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  mutter_owner_changed (user_data, name_owner);
}

static void
mutter_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  mutter_owner_changed (user_data, NULL);
}

static void
screensaver_appeared_cb (GDBusConnection *connection,
                         const char      *name,
                         const char      *name_owner,
                         gpointer         user_data)
{
  screensaver_owner_changed (user_data, name_owner);
}

static void
screensaver_vanished_cb (GDBusConnection *connection,
                         const char      *name,
                         gpointer         user_data)
{
  screensaver_owner_changed (user_data, NULL);
}

static void
watch_names (UnknotIdleMonitor *self)
{
  self->mutter_watch = g_bus_watch_name_on_connection (self->bus, MUTTER_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                       mutter_appeared_cb, mutter_vanished_cb, self, NULL);
  self->screensaver_watch = g_bus_watch_name_on_connection (self->bus, SCREENSAVER_NAME,
                                                            G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                            screensaver_appeared_cb, screensaver_vanished_cb,
                                                            self, NULL);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(UnknotIdleMonitor) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)
    return;
  if (bus == NULL)
    {
      g_debug ("No session bus: %s", error->message);
      set_backend (self, UNKNOT_IDLE_BACKEND_NONE);
      return;
    }
  self->bus = g_steal_pointer (&bus);
  watch_names (self);
}

static void
unknot_idle_monitor_dispose (GObject *object)
{
  UnknotIdleMonitor *self = UNKNOT_IDLE_MONITOR (object);

  if (self->bus != NULL)
    leave_backend (self, FALSE);
  g_clear_handle_id (&self->mutter_watch, g_bus_unwatch_name);
  g_clear_handle_id (&self->screensaver_watch, g_bus_unwatch_name);
  g_clear_pointer (&self->mutter_owner, g_free);
  g_clear_pointer (&self->screensaver_owner, g_free);
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (unknot_idle_monitor_parent_class)->dispose (object);
}

static void
unknot_idle_monitor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotIdleMonitor *self = UNKNOT_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_BACKEND:
      g_value_set_enum (value, self->backend);
      break;
    case PROP_THRESHOLD_MS:
      g_value_set_uint (value, self->threshold_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_idle_monitor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotIdleMonitor *self = UNKNOT_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD_MS:
      unknot_idle_monitor_set_threshold (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_idle_monitor_class_init (UnknotIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_idle_monitor_dispose;
  object_class->get_property = unknot_idle_monitor_get_property;
  object_class->set_property = unknot_idle_monitor_set_property;

  properties[PROP_BACKEND] =
    g_param_spec_enum ("backend", NULL, NULL,
                       unknot_idle_backend_get_type (), UNKNOT_IDLE_BACKEND_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD_MS] =
    g_param_spec_uint ("threshold-ms", NULL, NULL, 1, G_MAXUINT, 5 * 60 * 1000,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IDLE] =
    g_signal_new ("idle",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT64);
  signals[ACTIVE] =
    g_signal_new ("active",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
unknot_idle_monitor_init (UnknotIdleMonitor *self)
{
  self->threshold_ms = 5 * 60 * 1000;
  self->backend = UNKNOT_IDLE_BACKEND_NONE;
  self->choice = UNKNOT_IDLE_BACKEND_NONE;
}

UnknotIdleMonitor *
unknot_idle_monitor_new (GDBusConnection *bus,
                         guint            threshold_ms)
{
  UnknotIdleMonitor *self;

  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), NULL);
  g_return_val_if_fail (threshold_ms > 0, NULL);

  self = g_object_new (UNKNOT_TYPE_IDLE_MONITOR, "threshold-ms", threshold_ms, NULL);
  if (bus != NULL)
    {
      self->bus = g_object_ref (bus);
      watch_names (self);
    }
  else
    {
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      g_weak_ref_init (weak, self);
      g_bus_get (G_BUS_TYPE_SESSION, NULL, bus_ready_cb, weak);
    }
  return self;
}

void
unknot_idle_monitor_set_threshold (UnknotIdleMonitor *self,
                                   guint              threshold_ms)
{
  g_return_if_fail (UNKNOT_IS_IDLE_MONITOR (self));
  g_return_if_fail (threshold_ms > 0);

  if (self->threshold_ms == threshold_ms)
    return;
  self->threshold_ms = threshold_ms;

  /* Mutter's idle watches have their interval for good: a new one
   * replaces the old.  One on its way is redone when it arrives. */
  if (self->choice == UNKNOT_IDLE_BACKEND_MUTTER && self->idle_watch != 0)
    {
      remove_watch (self->bus, self->peer, self->idle_watch);
      self->idle_watch = 0;
      add_idle_watch (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD_MS]);
}

UnknotIdleBackend
unknot_idle_monitor_get_backend (UnknotIdleMonitor *self)
{
  g_return_val_if_fail (UNKNOT_IS_IDLE_MONITOR (self), UNKNOT_IDLE_BACKEND_NONE);

  return self->backend;
}

const char *
unknot_idle_backend_to_string (UnknotIdleBackend backend)
{
  switch (backend)
    {
    case UNKNOT_IDLE_BACKEND_NONE:
      return "none";
    case UNKNOT_IDLE_BACKEND_MUTTER:
      return "mutter";
    case UNKNOT_IDLE_BACKEND_SCREENSAVER:
      return "screensaver";
    default:
      g_return_val_if_reached ("none");
    }
}
