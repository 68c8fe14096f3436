/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-notify"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>

#include "unknot-notifier.h"

#define APP_NAME "Unknot"
#define CATEGORY "x-unknot.reminder"
#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define DESKTOP_NOTIFICATIONS_SCHEMA "org.gnome.desktop.notifications"

/* libnotify keeps process-wide state (its D-Bus proxy, the app name) and
 * is not thread-safe: its proxy's signal handler reads a notification's id
 * and action table while notify_notification_show() writes them.  So every
 * libnotify call, and every signal it handles, happens on one thread of its
 * own, which owns the proxy's main context.  notify_notification_show() and
 * notify_get_server_caps() block until the server answers (STYLE.md, "Known
 * traps"); there they block only that thread.  What the thread learns is
 * sent back to the context the notifier was made in. */

typedef enum {
  CAPS_UNKNOWN,
  CAPS_PLAIN,
  CAPS_ACTIONS,
} Caps;

typedef enum {
  PROBLEM_NO_SERVER,
  PROBLEM_SERVER_ERROR,
} Problem;

typedef struct
{
  char *title;       /* NULL: withdraw */
  char *body;
  char *start_label;
} Request;

/* What a notifier and the libnotify thread share. */
typedef struct
{
  gatomicrefcount     ref_count;
  GMainContext       *owner_context;
  GWeakRef            owner;

  GMutex              lock;
  /* Guarded by lock.  The latest request wins: a reminder replaces the one
   * shown anyway, so requests made while the server is slow do not pile
   * up behind it. */
  Request            *request;
  gboolean            release;
  gboolean            scheduled;

  /* The libnotify thread only. */
  NotifyNotification *notification;
  char               *server;        /* unique name of the server that has it, and whose caps these are */
  Caps                caps;
  gboolean            actions_made;
  gboolean            has_buttons;
  char               *buttons_label; /* the start label the buttons were made with */
} Channel;

typedef enum {
  EVENT_CAPS,
  EVENT_DELIVERED,
  EVENT_PROBLEM,
  EVENT_ACTION,
} EventKind;

typedef struct
{
  Channel   *channel;
  EventKind  kind;
  int        value; /* Caps or Problem */
  char      *text;  /* the problem's message, or the action's name */
} Event;

struct _UnknotNotifier
{
  GObject    parent_instance;

  Channel   *channel;
  GSettings *desktop_settings; /* NULL where GNOME's schema is not installed */
  guint      watch_id;
  guint      problems;         /* bit per Problem reported since the last delivery */
  gboolean   has_actions;
  gboolean   banners_allowed;
};

enum {
  PROP_0,
  PROP_HAS_ACTIONS,
  PROP_BANNERS_ALLOWED,
  N_PROPS
};

enum {
  ACTION,
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotNotifier, unknot_notifier, G_TYPE_OBJECT)

static void
request_free (Request *request)
{
  g_free (request->title);
  g_free (request->body);
  g_free (request->start_label);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static gpointer
libnotify_thread (gpointer data)
{
  GMainContext *context = data;

  /* GDBus delivers a proxy's signals to the thread-default context of the
   * thread that made it: libnotify makes its proxy here, so the server's
   * ActionInvoked and NotificationClosed are handled here too. */
  g_main_context_push_thread_default (context);
  notify_init (APP_NAME);
  for (;;)
    g_main_context_iteration (context, TRUE);
  return NULL;
}

static GMainContext *
libnotify_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *new_context = g_main_context_new ();

      g_thread_unref (g_thread_new ("unknot-notify", libnotify_thread, g_main_context_ref (new_context)));
      g_once_init_leave (&context, new_context);
    }
  return context;
}

static Channel *
channel_ref (Channel *channel)
{
  g_atomic_ref_count_inc (&channel->ref_count);
  return channel;
}

static void
channel_unref (Channel *channel)
{
  if (!g_atomic_ref_count_dec (&channel->ref_count))
    return;

  /* Released on the libnotify thread before the last reference goes. */
  g_assert (channel->notification == NULL);
  g_clear_pointer (&channel->request, request_free);
  g_free (channel->server);
  g_free (channel->buttons_label);
  g_weak_ref_clear (&channel->owner);
  g_mutex_clear (&channel->lock);
  g_main_context_unref (channel->owner_context);
  g_free (channel);
}

static Channel *
channel_new (UnknotNotifier *owner)
{
  Channel *channel = g_new0 (Channel, 1);

  g_atomic_ref_count_init (&channel->ref_count);
  channel->owner_context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&channel->owner, owner);
  g_mutex_init (&channel->lock);
  return channel;
}

static void
event_free (Event *event)
{
  channel_unref (event->channel);
  g_free (event->text);
  g_free (event);
}

static void unknot_notifier_handle_event (UnknotNotifier *self,
                                          const Event    *event);

static gboolean
event_dispatch_cb (gpointer data)
{
  Event *event = data;
  g_autoptr(UnknotNotifier) self = g_weak_ref_get (&event->channel->owner);

  if (self != NULL)
    unknot_notifier_handle_event (self, event);
  return G_SOURCE_REMOVE;
}

/* From the libnotify thread to the notifier's context. */
static void
channel_post (Channel    *channel,
              EventKind   kind,
              int         value,
              const char *text)
{
  Event *event = g_new0 (Event, 1);
  GSource *source = g_idle_source_new ();

  event->channel = channel_ref (channel);
  event->kind = kind;
  event->value = value;
  event->text = g_strdup (text);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, event_dispatch_cb, event, (GDestroyNotify) event_free);
  g_source_set_static_name (source, "[unknot] notifier event");
  g_source_attach (source, channel->owner_context);
  g_source_unref (source);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  channel_post (user_data, EVENT_ACTION, 0, action);
}

/* Closed by the user without a button: the reminder was not taken up, and
 * the schedule must not wait for an answer that will never come. */
static void
closed_cb (NotifyNotification *notification,
           gpointer            user_data)
{
  if (notify_notification_get_closed_reason (notification) == 2)
    channel_post (user_data, EVENT_ACTION, 0, "dismissed");
}

static gboolean
means_no_server (const GError *error)
{
  if (error->domain != G_DBUS_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_DBUS_ERROR_SERVICE_UNKNOWN:
    case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
    /* An activatable server that could not start: dunst without a
     * display, say. */
    case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
    case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
    case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
    case G_DBUS_ERROR_SPAWN_FAILED:
    case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
channel_post_error (Channel      *channel,
                    const GError *error)
{
  g_autoptr(GError) plain = NULL;
  g_autofree char *message = NULL;

  if (means_no_server (error))
    {
      g_debug ("No notification server: %s", error->message);
      channel_post (channel, EVENT_PROBLEM, PROBLEM_NO_SERVER,
                    _("No notification service is running, so break reminders cannot be shown."));
      return;
    }
  /* Without the "GDBus.Error:org.freedesktop…" prefix: this one is read by
   * people. */
  plain = g_error_copy (error);
  g_dbus_error_strip_remote_error (plain);
  message = g_strdup_printf (_("The notification service did not show the break reminder: %s"), plain->message);
  channel_post (channel, EVENT_PROBLEM, PROBLEM_SERVER_ERROR, message);
}

/* The unique name of the server now, or NULL if none is running. */
static char *
server_owner (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  char *owner = NULL;

  if (bus == NULL)
    return NULL;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "GetNameOwner", g_variant_new ("(s)", NOTIFICATIONS_NAME),
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(s)", &owner);
  return owner;
}

/* Asked here, right before talking to the server, rather than told by the
 * notifier's name watch: that answer could come after a reminder already
 * went to the new server. */
static void
channel_meet_server (Channel *channel)
{
  g_autofree char *owner = server_owner ();

  if (g_strcmp0 (owner, channel->server) == 0)
    return;
  g_debug ("Notification server: %s", owner != NULL ? owner : "none");

  /* A server that restarted has no notification of ours to replace, and
   * may not have the old one's capabilities. */
  if (channel->notification != NULL)
    g_object_set (channel->notification, "id", 0, NULL);
  g_free (channel->server);
  channel->server = g_steal_pointer (&owner);
  if (channel->caps != CAPS_UNKNOWN)
    {
      channel->caps = CAPS_UNKNOWN;
      channel_post (channel, EVENT_CAPS, CAPS_UNKNOWN, NULL);
    }
}

/* After a server was started by D-Bus activation to answer us. */
static void
channel_note_server (Channel *channel)
{
  if (channel->server == NULL)
    channel->server = server_owner ();
}

static void
channel_ask_caps (Channel *channel)
{
  GList *caps;

  /* notify_get_server_caps() warns when there is no server to ask; asking
   * for the server's name first fails quietly. */
  if (!notify_get_server_info (NULL, NULL, NULL, NULL))
    return;
  caps = notify_get_server_caps ();
  if (caps == NULL)
    return;
  channel->caps = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL ? CAPS_ACTIONS : CAPS_PLAIN;
  g_list_free_full (caps, g_free);
  g_debug ("The notification server %s actions", channel->caps == CAPS_ACTIONS ? "has" : "has no");
  channel_note_server (channel);
  channel_post (channel, EVENT_CAPS, channel->caps, NULL);
}

static void
channel_set_actions (Channel    *channel,
                     gboolean    buttons,
                     const char *start_label)
{
  NotifyNotification *notification = channel->notification;

  if (channel->actions_made && buttons == channel->has_buttons &&
      (!buttons || g_strcmp0 (start_label, channel->buttons_label) == 0))
    return;

  notify_notification_clear_actions (notification);
  if (buttons)
    {
      notify_notification_add_action (notification, "start", start_label, action_cb, channel, NULL);
      notify_notification_add_action (notification, "snooze", _("Snooze"), action_cb, channel, NULL);
      notify_notification_add_action (notification, "skip", _("Skip"), action_cb, channel, NULL);
    }
  /* Clicking the notification itself opens the app, with or without
   * buttons; servers do not show this label. */
  notify_notification_add_action (notification, "default", _("Open Unknot"), action_cb, channel, NULL);
  channel->actions_made = TRUE;
  channel->has_buttons = buttons;
  g_free (channel->buttons_label);
  channel->buttons_label = buttons ? g_strdup (start_label) : NULL;
}

static void
channel_show (Channel *channel,
              Request *request)
{
  g_autoptr(GError) error = NULL;

  if (channel->notification == NULL)
    {
      /* One notification for good: showing it again replaces it on the
       * screen (libnotify sends its id as replaces_id). */
      channel->notification = notify_notification_new (request->title, request->body, APP_ID);
      g_signal_connect (channel->notification, "closed", G_CALLBACK (closed_cb), channel);
      notify_notification_set_hint (channel->notification, "desktop-entry", g_variant_new_string (APP_ID));
      notify_notification_set_category (channel->notification, CATEGORY);
      notify_notification_set_urgency (channel->notification, NOTIFY_URGENCY_NORMAL);
    }
  else
    {
      notify_notification_update (channel->notification, request->title, request->body, APP_ID);
    }
  channel_set_actions (channel, channel->caps == CAPS_ACTIONS, request->start_label);

  if (!notify_notification_show (channel->notification, &error))
    {
      channel_post_error (channel, error);
      return;
    }
  channel_note_server (channel);
  channel_post (channel, EVENT_DELIVERED, 0, NULL);
}

static void
channel_close (Channel *channel)
{
  g_autoptr(GError) error = NULL;
  int id = 0;

  if (channel->notification != NULL)
    g_object_get (channel->notification, "id", &id, NULL);
  if (id == 0)
    return;

  if (!notify_notification_close (channel->notification, &error))
    {
      channel_post_error (channel, error);
      return;
    }
  /* A closed notification cannot be replaced: the next one is new. */
  g_object_set (channel->notification, "id", 0, NULL);
  channel_post (channel, EVENT_DELIVERED, 0, NULL);
}

static gboolean
channel_work_cb (gpointer data)
{
  Channel *channel = data;
  g_autoptr(Request) request = NULL;
  gboolean release;

  g_mutex_lock (&channel->lock);
  request = g_steal_pointer (&channel->request);
  release = channel->release;
  channel->scheduled = FALSE;
  g_mutex_unlock (&channel->lock);

  if (!release || request != NULL)
    {
      gboolean show = request != NULL && request->title != NULL;

      channel_meet_server (channel);
      /* Once per server.  A reminder asks even when no server is running:
       * asking may start one (D-Bus activation), as Notify would. */
      if (channel->caps == CAPS_UNKNOWN && (channel->server != NULL || show))
        channel_ask_caps (channel);
      if (show)
        channel_show (channel, request);
      else if (request != NULL)
        channel_close (channel);
    }

  if (release)
    g_clear_object (&channel->notification);
  return G_SOURCE_REMOVE;
}

/* With channel->lock held. */
static void
channel_schedule (Channel *channel)
{
  GSource *source;

  if (channel->scheduled)
    return;
  channel->scheduled = TRUE;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, channel_work_cb, channel_ref (channel), (GDestroyNotify) channel_unref);
  g_source_set_static_name (source, "[unknot] notifier work");
  g_source_attach (source, libnotify_context ());
  g_source_unref (source);
}

static void
channel_submit (Channel *channel,
                Request *request)
{
  g_mutex_lock (&channel->lock);
  g_clear_pointer (&channel->request, request_free);
  channel->request = request;
  channel_schedule (channel);
  g_mutex_unlock (&channel->lock);
}

/* Meet the server again, and ask what it can do if it is new. */
static void
channel_refresh (Channel *channel)
{
  g_mutex_lock (&channel->lock);
  channel_schedule (channel);
  g_mutex_unlock (&channel->lock);
}

static void
channel_release (Channel *channel)
{
  g_mutex_lock (&channel->lock);
  channel->release = TRUE;
  channel_schedule (channel);
  g_mutex_unlock (&channel->lock);
}

static void
set_has_actions (UnknotNotifier *self,
                 gboolean        has_actions)
{
  if (self->has_actions == has_actions)
    return;
  self->has_actions = has_actions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ACTIONS]);
}

static void
unknot_notifier_handle_event (UnknotNotifier *self,
                              const Event    *event)
{
  switch (event->kind)
    {
    case EVENT_CAPS:
      set_has_actions (self, event->value == CAPS_ACTIONS);
      break;
    case EVENT_DELIVERED:
      /* A failure after the server came back is news again. */
      self->problems = 0;
      break;
    case EVENT_PROBLEM:
      if (self->problems & (1u << event->value))
        break;
      self->problems |= 1u << event->value;
      g_warning ("%s", event->text);
      g_signal_emit (self, signals[PROBLEM], 0, event->text);
      break;
    case EVENT_ACTION:
      g_signal_emit (self, signals[ACTION], 0, event->text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
server_changed_cb (GDBusConnection *connection,
                   const char      *name,
                   const char      *name_owner,
                   gpointer         user_data)
{
  UnknotNotifier *self = user_data;

  channel_refresh (self->channel);
}

static void
server_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  server_changed_cb (connection, name, NULL, user_data);
}

static void
show_banners_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  UnknotNotifier *self = user_data;
  gboolean allowed = g_settings_get_boolean (settings, "show-banners");

  if (self->banners_allowed == allowed)
    return;
  self->banners_allowed = allowed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANNERS_ALLOWED]);
}

static void
unknot_notifier_dispose (GObject *object)
{
  UnknotNotifier *self = UNKNOT_NOTIFIER (object);

  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  if (self->desktop_settings != NULL)
    g_signal_handlers_disconnect_by_data (self->desktop_settings, self);
  g_clear_object (&self->desktop_settings);
  if (self->channel != NULL)
    {
      /* The notification stays on the screen; withdrawing is the caller's
       * choice.  It is dropped on the thread that owns it. */
      channel_release (self->channel);
      g_clear_pointer (&self->channel, channel_unref);
    }

  G_OBJECT_CLASS (unknot_notifier_parent_class)->dispose (object);
}

static void
unknot_notifier_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UnknotNotifier *self = UNKNOT_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_HAS_ACTIONS:
      g_value_set_boolean (value, self->has_actions);
      break;
    case PROP_BANNERS_ALLOWED:
      g_value_set_boolean (value, self->banners_allowed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_notifier_class_init (UnknotNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_notifier_dispose;
  object_class->get_property = unknot_notifier_get_property;

  /* Whether the server said it shows buttons; FALSE until it said so. */
  properties[PROP_HAS_ACTIONS] =
    g_param_spec_boolean ("has-actions", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BANNERS_ALLOWED] =
    g_param_spec_boolean ("banners-allowed", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTION] =
    g_signal_new ("action",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unknot_notifier_init (UnknotNotifier *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->channel = channel_new (self);
  self->banners_allowed = TRUE;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, DESKTOP_NOTIFICATIONS_SCHEMA, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "show-banners"))
    {
      self->desktop_settings = g_settings_new_full (schema, NULL, NULL);
      self->banners_allowed = g_settings_get_boolean (self->desktop_settings, "show-banners");
      g_signal_connect (self->desktop_settings, "changed::show-banners",
                        G_CALLBACK (show_banners_changed_cb), self);
    }

  /* When the server comes, goes or restarts, its capabilities are asked
   * (again), so has-actions is right before the next reminder.  The first
   * answer comes at once and asks them the first time. */
  self->watch_id = g_bus_watch_name (G_BUS_TYPE_SESSION, NOTIFICATIONS_NAME,
                                     G_BUS_NAME_WATCHER_FLAGS_NONE,
                                     server_changed_cb, server_vanished_cb,
                                     self, NULL);
}

UnknotNotifier *
unknot_notifier_new (void)
{
  return g_object_new (UNKNOT_TYPE_NOTIFIER, NULL);
}

void
unknot_notifier_show (UnknotNotifier *self,
                      const char     *title,
                      const char     *body,
                      const char     *start_label)
{
  Request *request;

  g_return_if_fail (UNKNOT_IS_NOTIFIER (self));
  g_return_if_fail (title != NULL && *title != '\0');

  request = g_new0 (Request, 1);
  request->title = g_strdup (title);
  request->body = g_strdup (body);
  request->start_label = g_strdup (start_label != NULL ? start_label : _("Start routine"));
  channel_submit (self->channel, request);
}

void
unknot_notifier_withdraw (UnknotNotifier *self)
{
  g_return_if_fail (UNKNOT_IS_NOTIFIER (self));

  channel_submit (self->channel, g_new0 (Request, 1));
}

gboolean
unknot_notifier_has_actions (UnknotNotifier *self)
{
  g_return_val_if_fail (UNKNOT_IS_NOTIFIER (self), FALSE);

  return self->has_actions;
}

gboolean
unknot_notifier_get_banners_allowed (UnknotNotifier *self)
{
  g_return_val_if_fail (UNKNOT_IS_NOTIFIER (self), TRUE);

  return self->banners_allowed;
}
