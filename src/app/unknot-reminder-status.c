/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-reminder-status.h"

#define REMINDER_PATH "/io/github/unknot/Unknot/Reminder"
#define REMINDER_INTERFACE "io.github.unknot.Unknot.Reminder"

struct _UnknotReminderStatus
{
  GObject          parent_instance;
  GSettings       *settings;
  GDBusConnection *bus;
  GDBusProxy      *proxy;
  GCancellable    *cancellable;
  guint            watch_id;
  gboolean         service_running;
  gboolean         spawned;
  char            *summary;
};

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotReminderStatus, unknot_reminder_status, G_TYPE_OBJECT)

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);

  /* TRANSLATORS: a time of day in strftime form, e.g. "%H:%M" or "%l:%M %p" */
  return g_date_time_format (time, _("%H:%M"));
}

static char *
build_summary (UnknotReminderStatus *self)
{
  gint64 paused_until = g_settings_get_int64 (self->settings, "reminders-paused-until");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GVariant) next = NULL;

  if (!g_settings_get_boolean (self->settings, "reminders-enabled"))
    return g_strdup (_("Reminders are off"));
  if (paused_until == G_MAXINT64)
    return g_strdup (_("Paused until you turn them back on"));
  if (paused_until > now)
    {
      g_autofree char *until = format_time (paused_until);
      /* TRANSLATORS: %s is a time of day */
      return g_strdup_printf (_("Paused until %s"), until);
    }
  if (!self->service_running)
    return g_strdup (_("Reminders are starting…"));
  if (self->proxy != NULL)
    next = g_dbus_proxy_get_cached_property (self->proxy, "NextBreak");
  if (next != NULL && g_variant_is_of_type (next, G_VARIANT_TYPE_INT64) && g_variant_get_int64 (next) > 0)
    {
      g_autofree char *at = format_time (g_variant_get_int64 (next));
      /* TRANSLATORS: %s is a time of day */
      return g_strdup_printf (_("Next break at %s"), at);
    }
  return g_strdup (_("No break due in your active hours"));
}

static void
update_summary (UnknotReminderStatus *self)
{
  g_autofree char *summary = build_summary (self);

  if (g_strcmp0 (summary, self->summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* The service is found on the bus, or started. */
static void
start_service (UnknotReminderStatus *self)
{
  g_autofree char *path = g_find_program_in_path ("unknot-reminder");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, NULL };

  if (self->spawned)
    return;
  if (path == NULL)
    path = g_build_filename (BINDIR, "unknot-reminder", NULL);
  argv[0] = path;
  self->spawned = TRUE;
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDIN_FROM_DEV_NULL,
                      NULL, NULL, NULL, &error))
    g_warning ("Could not start the reminder service %s: %s", path, error->message);
}

static void
properties_changed_cb (UnknotReminderStatus *self)
{
  update_summary (self);
}

static void
proxy_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UnknotReminderStatus) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_finish (result, &error);

  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No reminder proxy: %s", error->message);
      return;
    }
  g_clear_object (&self->proxy);
  self->proxy = proxy;
  g_signal_connect_object (proxy, "g-properties-changed", G_CALLBACK (properties_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_summary (self);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  UnknotReminderStatus *self = user_data;

  self->service_running = TRUE;
  g_dbus_proxy_new (connection, G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START, NULL, name, REMINDER_PATH,
                    REMINDER_INTERFACE, self->cancellable, proxy_ready_cb, g_object_ref (self));
  update_summary (self);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  UnknotReminderStatus *self = user_data;

  self->service_running = FALSE;
  g_clear_object (&self->proxy);
  /* Asked for, but not there: start it, once per run of the app. */
  if (connection != NULL && g_settings_get_boolean (self->settings, "reminders-enabled"))
    start_service (self);
  update_summary (self);
}

static void
settings_changed_cb (UnknotReminderStatus *self,
                     const char           *key)
{
  if (g_str_equal (key, "reminders-enabled"))
    {
      if (g_settings_get_boolean (self->settings, "reminders-enabled") && !self->service_running)
        {
          self->spawned = FALSE;
          if (self->bus != NULL)
            start_service (self);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
    }
  update_summary (self);
}

static void
unknot_reminder_status_dispose (GObject *object)
{
  UnknotReminderStatus *self = UNKNOT_REMINDER_STATUS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->watch_id != 0)
    g_bus_unwatch_name (self->watch_id);
  self->watch_id = 0;
  g_clear_object (&self->proxy);
  g_clear_object (&self->bus);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (unknot_reminder_status_parent_class)->dispose (object);
}

static void
unknot_reminder_status_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UnknotReminderStatus *self = UNKNOT_REMINDER_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, unknot_reminder_status_get_enabled (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_reminder_status_class_init (UnknotReminderStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_reminder_status_dispose;
  object_class->get_property = unknot_reminder_status_get_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_reminder_status_init (UnknotReminderStatus *self)
{
  self->cancellable = g_cancellable_new ();
}

UnknotReminderStatus *
unknot_reminder_status_new (GSettings       *settings,
                            GDBusConnection *bus)
{
  UnknotReminderStatus *self = g_object_new (UNKNOT_TYPE_REMINDER_STATUS, NULL);

  self->settings = g_object_ref (settings);
  self->bus = bus != NULL ? g_object_ref (bus) : NULL;
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  if (bus != NULL)
    self->watch_id = g_bus_watch_name_on_connection (bus, REMINDER_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                     name_appeared_cb, name_vanished_cb, self, NULL);
  update_summary (self);
  return self;
}

gboolean
unknot_reminder_status_get_enabled (UnknotReminderStatus *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_STATUS (self), FALSE);
  return g_settings_get_boolean (self->settings, "reminders-enabled");
}

const char *
unknot_reminder_status_get_summary (UnknotReminderStatus *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_STATUS (self), NULL);
  return self->summary;
}

gboolean
unknot_reminder_status_get_paused (UnknotReminderStatus *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_STATUS (self), FALSE);
  return g_settings_get_int64 (self->settings, "reminders-paused-until") > g_get_real_time () / G_USEC_PER_SEC;
}

void
unknot_reminder_status_pause (UnknotReminderStatus *self,
                              UnknotReminderPause   pause)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 until;

  g_return_if_fail (UNKNOT_IS_REMINDER_STATUS (self));

  switch (pause)
    {
    case UNKNOT_REMINDER_PAUSE_HOUR:
      until = g_date_time_to_unix (now) + 3600;
      break;
    case UNKNOT_REMINDER_PAUSE_TOMORROW:
      {
        /* Local midnight, so a DST change tonight is taken into account. */
        g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
        g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                               g_date_time_get_month (tomorrow),
                                                               g_date_time_get_day_of_month (tomorrow), 0, 0, 0);
        until = g_date_time_to_unix (midnight);
      }
      break;
    case UNKNOT_REMINDER_PAUSE_UNTIL_RESUMED:
    default:
      until = G_MAXINT64;
      break;
    }
  g_settings_set_int64 (self->settings, "reminders-paused-until", until);
}

void
unknot_reminder_status_resume (UnknotReminderStatus *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_STATUS (self));
  g_settings_set_int64 (self->settings, "reminders-paused-until", 0);
}
