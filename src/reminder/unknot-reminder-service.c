/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-reminder"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "unknot-reminder-schedule.h"
#include "unknot-reminder-service.h"

/* The app, as D-Bus activation knows it (data/io.github.unknot.Unknot.service). */
#define APP_OBJECT_PATH "/io/github/unknot/Unknot"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
/* Showing again while no notification server runs: after this, doubling up
 * to the cap.  Only then; a delivered reminder costs no wake-up. */
#define RETRY_FIRST_USEC (30 * G_USEC_PER_SEC)
#define RETRY_MAX_USEC   (15 * 60 * G_USEC_PER_SEC)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" UNKNOT_REMINDER_DBUS_INTERFACE "'>"
  "    <property name='NextBreak' type='x' access='read'/>"
  "    <property name='IdleBackend' type='s' access='read'/>"
  "  </interface>"
  "</node>";

/* The history's words for what the schedule reports. */
static const char * const event_kinds[] = {
  [UNKNOT_REMINDER_EVENT_DUE] = "due",
  [UNKNOT_REMINDER_EVENT_TAKEN] = "taken",
  [UNKNOT_REMINDER_EVENT_SNOOZED] = "snoozed",
  [UNKNOT_REMINDER_EVENT_SKIPPED] = "skipped",
  [UNKNOT_REMINDER_EVENT_NATURAL] = "natural",
};

struct _UnknotReminderService
{
  GObject                 parent_instance;

  UnknotClock            *clock;
  GSettings              *settings;
  UnknotStore            *store;
  UnknotNotifier         *notifier;
  UnknotIdleMonitor      *idle_monitor;
  UnknotSessionGuard     *guard;
  GDBusConnection        *bus;

  UnknotReminderSchedule *schedule;
  char                   *routine_id;
  gboolean                enabled;
  guint                   interval_minutes;   /* as the schedule has it */
  guint                   snooze_minutes;
  guint                   interval_override;  /* seconds; 0 none */
  gboolean                always;

  /* Minutes of work behind the reminder being shown: the interval, plus
   * every snooze since, so the text stays true. */
  guint                   worked_minutes;

  int                     clock_fd;          /* timerfd that wakes only when the wall clock is set */
  guint                   clock_source;

  guint                   object_id;
  gint64                  next_break;        /* as last published */
  const char             *idle_backend;

  UnknotSleepCounter      sleep_counter;
  gpointer                sleep_counter_data;
  gboolean                asleep;
  gint64                  slept_before;      /* sleep counter when "away" came */

  /* The reminder being shown is not on any screen: the server was missing
   * when it was sent, or went away (with its notifications) since. */
  guint                   server_watch;
  gboolean                server_present;
  gboolean                undelivered;
  guint                   retry_id;          /* clock callback */
  gint64                  retry_delay;

  GCancellable           *cancellable;       /* calls to the app */
  gboolean                store_open_asked;
  gboolean                store_failed_said;
  gboolean                app_failed_said;
};

enum {
  DISABLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotReminderService, unknot_reminder_service, G_TYPE_OBJECT)

static void
stop_retrying (UnknotReminderService *self)
{
  self->undelivered = FALSE;
  self->retry_delay = 0;
  if (self->retry_id != 0)
    unknot_clock_cancel (self->clock, self->retry_id);
  self->retry_id = 0;
}

/* Settings */

static void
read_settings (UnknotReminderService  *self,
               UnknotReminderSettings *out)
{
  g_auto(GStrv) days = g_settings_get_strv (self->settings, "reminder-active-days");

  unknot_reminder_settings_init_defaults (out);
  out->interval_minutes = g_settings_get_uint (self->settings, "reminder-interval");
  out->active_start_minute = g_settings_get_uint (self->settings, "reminder-active-start");
  out->active_end_minute = g_settings_get_uint (self->settings, "reminder-active-end");
  out->active_days = unknot_reminder_days_from_names ((const char * const *) days);
  out->snooze_minutes = g_settings_get_uint (self->settings, "reminder-snooze");
  out->idle_is_break = g_settings_get_boolean (self->settings, "reminder-idle-is-break");
  out->idle_minutes = g_settings_get_uint (self->settings, "reminder-idle-minutes");
  out->paused_until = g_settings_get_int64 (self->settings, "reminders-paused-until");

  /* The schedule counts whole minutes; a shorter override still waits one. */
  if (self->interval_override > 0)
    out->interval_minutes = MAX (1, (self->interval_override + 59) / 60);
  if (self->always)
    {
      /* A window that starts where it ends covers the whole day. */
      out->active_start_minute = 0;
      out->active_end_minute = 0;
      out->active_days = 0x7f;
    }
  /* Turned off: nothing may fall due, and the schedule holds no timer. */
  if (!self->enabled)
    out->paused_until = G_MAXINT64;
}

static void
apply_settings (UnknotReminderService *self)
{
  UnknotReminderSettings settings;

  g_free (self->routine_id);
  self->routine_id = g_settings_get_string (self->settings, "reminder-routine");

  read_settings (self, &settings);
  self->interval_minutes = settings.interval_minutes;
  self->snooze_minutes = settings.snooze_minutes;
  if (self->idle_monitor != NULL)
    unknot_idle_monitor_set_threshold (self->idle_monitor, settings.idle_minutes * 60 * 1000);
  if (self->schedule == NULL)
    self->schedule = unknot_reminder_schedule_new (self->clock, &settings);
  else
    unknot_reminder_schedule_set_settings (self->schedule, &settings);
}

static void
settings_changed_cb (GSettings             *settings,
                     const char            *key,
                     UnknotReminderService *self)
{
  gboolean was_enabled = self->enabled;

  /* The app's other settings (colours, cue volume) are not ours. */
  if (key != NULL && !g_str_has_prefix (key, "reminder"))
    return;

  self->enabled = g_settings_get_boolean (settings, "reminders-enabled");
  apply_settings (self);

  if (was_enabled && !self->enabled)
    {
      stop_retrying (self);
      unknot_notifier_withdraw (self->notifier);
      g_signal_emit (self, signals[DISABLED], 0);
    }
}

/* D-Bus: the service's own object */

static void
emit_property_changed (UnknotReminderService *self,
                       const char            *name,
                       GVariant              *value)
{
  g_autoptr(GError) error = NULL;
  GVariantBuilder changed;

  if (self->object_id == 0)
    {
      g_variant_unref (g_variant_ref_sink (value));
      return;
    }

  g_variant_builder_init (&changed, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&changed, "{sv}", name, value);
  if (!g_dbus_connection_emit_signal (self->bus, NULL, UNKNOT_REMINDER_DBUS_PATH,
                                      "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                      g_variant_new ("(sa{sv}as)", UNKNOT_REMINDER_DBUS_INTERFACE,
                                                     &changed, NULL),
                                      &error))
    g_debug ("Could not announce %s: %s", name, error->message);
}

static void
update_next_break (UnknotReminderService *self)
{
  gint64 next = self->schedule != NULL ? unknot_reminder_schedule_get_next_due (self->schedule) : 0;

  if (next == self->next_break)
    return;
  self->next_break = next;
  emit_property_changed (self, "NextBreak", g_variant_new_int64 (next));
}

static const char *
current_idle_backend (UnknotReminderService *self)
{
  if (self->idle_monitor == NULL)
    return "none";
  return unknot_idle_backend_to_string (unknot_idle_monitor_get_backend (self->idle_monitor));
}

static void
update_idle_backend (UnknotReminderService *self)
{
  const char *backend = current_idle_backend (self);

  if (g_strcmp0 (backend, self->idle_backend) == 0)
    return;
  self->idle_backend = backend;
  emit_property_changed (self, "IdleBackend", g_variant_new_string (backend));
}

static GVariant *
get_property_cb (GDBusConnection  *connection,
                 const char       *sender,
                 const char       *object_path,
                 const char       *interface_name,
                 const char       *property_name,
                 GError          **error,
                 gpointer          user_data)
{
  UnknotReminderService *self = user_data;

  if (g_str_equal (property_name, "NextBreak"))
    return g_variant_new_int64 (self->next_break);
  if (g_str_equal (property_name, "IdleBackend"))
    return g_variant_new_string (self->idle_backend);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable interface_vtable = {
  NULL, get_property_cb, NULL,
};

static void
export_object (UnknotReminderService *self)
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;

  node = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
  self->object_id = g_dbus_connection_register_object (self->bus, UNKNOT_REMINDER_DBUS_PATH,
                                                       node->interfaces[0], &interface_vtable,
                                                       self, NULL, &error);
  if (self->object_id == 0)
    {
      g_message ("The next break will not be shown in Unknot: %s", error->message);
      return;
    }

  /* The program owns its bus name before it gets here, so a client that
   * asked as soon as the name appeared may have found no object; it hears
   * the values now instead. */
  emit_property_changed (self, "NextBreak", g_variant_new_int64 (self->next_break));
  emit_property_changed (self, "IdleBackend", g_variant_new_string (self->idle_backend));
}

/* The app */

typedef struct
{
  GWeakRef  service;
} WeakService;

static WeakService *
weak_service_new (UnknotReminderService *self)
{
  WeakService *weak = g_new0 (WeakService, 1);

  g_weak_ref_init (&weak->service, self);
  return weak;
}

static UnknotReminderService *
weak_service_steal (WeakService *weak)
{
  UnknotReminderService *self = g_weak_ref_get (&weak->service);

  g_weak_ref_clear (&weak->service);
  g_free (weak);
  return self;
}

static void
activate_action_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(UnknotReminderService) self = weak_service_steal (user_data);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL || self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!self->app_failed_said)
    g_message ("Could not open Unknot for the break: %s", error->message);
  self->app_failed_said = TRUE;
}

/* D-Bus activation starts the app if it is not running, and the action
 * opens the routine's session. */
static void
open_routine (UnknotReminderService *self)
{
  GVariantBuilder parameters;
  GVariantBuilder platform_data;

  if (self->bus == NULL)
    return;

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (self->routine_id != NULL && self->routine_id[0] != '\0')
    g_variant_builder_add (&parameters, "v", g_variant_new_string (self->routine_id));
  g_variant_builder_init (&platform_data, G_VARIANT_TYPE_VARDICT);

  g_dbus_connection_call (self->bus, APP_ID, APP_OBJECT_PATH,
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(sava{sv})", "start-routine", &parameters, &platform_data),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          activate_action_cb, weak_service_new (self));
}

/* History */

static void
history_failed (UnknotReminderService *self,
                const GError          *error)
{
  if (self->store_failed_said)
    return;
  self->store_failed_said = TRUE;
  g_warning ("Reminders go on, but without history: %s", error->message);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UnknotReminderService) self = weak_service_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (unknot_store_open_finish (UNKNOT_STORE (source), result, &error) || self == NULL)
    return;
  history_failed (self, error);
  /* Not asked again: the events queued behind the open fail quietly. */
  if (self->store == UNKNOT_STORE (source))
    g_clear_object (&self->store);
}

static void
add_event_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(UnknotReminderService) self = weak_service_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (unknot_store_add_reminder_event_finish (UNKNOT_STORE (source), result, &error) || self == NULL)
    return;
  history_failed (self, error);
}

static void
record_event (UnknotReminderService *self,
              UnknotReminderEvent    event)
{
  g_autoptr(GDateTime) now = NULL;
  const char *routine_id = NULL;

  if (self->store == NULL || event >= G_N_ELEMENTS (event_kinds) || event_kinds[event] == NULL)
    return;

  /* Opened when there is first something to keep, not at login: SQLite
   * costs a megabyte of memory once used, and most of the time the
   * service only waits.  Opening an open store is harmless, and calls run
   * in order, so the event waits for the open. */
  if (!self->store_open_asked)
    {
      self->store_open_asked = TRUE;
      unknot_store_open_async (self->store, NULL, store_opened_cb, weak_service_new (self));
    }

  /* A natural break offered no routine. */
  if (event != UNKNOT_REMINDER_EVENT_NATURAL && self->routine_id != NULL && self->routine_id[0] != '\0')
    routine_id = self->routine_id;
  now = unknot_clock_now_local (self->clock);
  unknot_store_add_reminder_event_async (self->store, event_kinds[event], routine_id, now,
                                         NULL, add_event_cb, weak_service_new (self));
}

/* The schedule's outputs */

static void
show_reminder (UnknotReminderService *self)
{
  g_autofree char *body = NULL;

  /* Plain and honest: what happened, and what a short break may do. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You have been working for %u minute. A short routine can help "
                                       "ease your neck and shoulders.",
                                       "You have been working for %u minutes. A short routine can help "
                                       "ease your neck and shoulders.",
                                       self->worked_minutes),
                          self->worked_minutes);
  unknot_notifier_show (self->notifier, _("Time for a short break"), body, _("Start routine"));
}

static gboolean retry_cb (gpointer data);

static void
retry_later (UnknotReminderService *self)
{
  if (self->retry_id != 0)
    return;
  self->retry_delay = self->retry_delay == 0 ? RETRY_FIRST_USEC : MIN (self->retry_delay * 2, RETRY_MAX_USEC);
  self->retry_id = unknot_clock_schedule (self->clock, unknot_clock_now (self->clock) + self->retry_delay,
                                          retry_cb, self, NULL);
}

/* Sending it again may start an activatable server; one that starts by
 * itself is noticed at once by the name watch instead. */
static gboolean
retry_cb (gpointer data)
{
  UnknotReminderService *self = data;

  self->retry_id = 0;
  if (!self->undelivered || self->server_present || !unknot_reminder_schedule_is_showing (self->schedule))
    {
      stop_retrying (self);
      return G_SOURCE_REMOVE;
    }
  g_debug ("No notification server yet; showing the reminder again");
  show_reminder (self);
  retry_later (self);
  return G_SOURCE_REMOVE;
}

static void
server_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *owner,
                    gpointer         user_data)
{
  UnknotReminderService *self = user_data;
  gboolean show = self->undelivered && unknot_reminder_schedule_is_showing (self->schedule);

  self->server_present = TRUE;
  stop_retrying (self);
  /* A new or restarted server has nothing of ours on screen: the reminder
   * waiting for an answer is sent to it, replacing nothing. */
  if (show)
    show_reminder (self);
}

static void
server_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  UnknotReminderService *self = user_data;

  self->server_present = FALSE;
  /* Its notifications went with it. */
  if (unknot_reminder_schedule_is_showing (self->schedule))
    self->undelivered = TRUE;
}

static void
due_cb (UnknotReminderSchedule *schedule,
        UnknotReminderService  *self)
{
  if (self->worked_minutes == 0)
    self->worked_minutes = self->interval_minutes;
  stop_retrying (self);
  show_reminder (self);
}

static void
withdraw_cb (UnknotReminderSchedule *schedule,
             UnknotReminderService  *self)
{
  stop_retrying (self);
  unknot_notifier_withdraw (self->notifier);
}

static void
event_cb (UnknotReminderSchedule *schedule,
          UnknotReminderEvent     event,
          UnknotReminderService  *self)
{
  switch (event)
    {
    case UNKNOT_REMINDER_EVENT_SNOOZED:
      self->worked_minutes += self->snooze_minutes;
      break;

    case UNKNOT_REMINDER_EVENT_TAKEN:
    case UNKNOT_REMINDER_EVENT_SKIPPED:
    case UNKNOT_REMINDER_EVENT_NATURAL:
      self->worked_minutes = 0;
      break;

    case UNKNOT_REMINDER_EVENT_DUE:
    default:
      break;
    }
  record_event (self, event);
}

static void
next_due_changed_cb (UnknotReminderSchedule *schedule,
                     GParamSpec             *pspec,
                     UnknotReminderService  *self)
{
  update_next_break (self);
}

/* The notification's answers */

static void
action_cb (UnknotNotifier        *notifier,
           const char            *name,
           UnknotReminderService *self)
{
  stop_retrying (self);
  if (g_strcmp0 (name, "start") == 0 || g_strcmp0 (name, "default") == 0)
    {
      /* Clicking the reminder itself opens the same routine: the only
       * way to it where the server shows no buttons. */
      unknot_reminder_schedule_taken (self->schedule);
      open_routine (self);
    }
  else if (g_strcmp0 (name, "snooze") == 0)
    unknot_reminder_schedule_snooze (self->schedule);
  else if (g_strcmp0 (name, "skip") == 0 || g_strcmp0 (name, "dismissed") == 0)
    /* Dismissed is a skip: otherwise no reminder would come again until
     * one is answered.  After a button, the schedule shows none, so the
     * server's closing of it is ignored. */
    unknot_reminder_schedule_skip (self->schedule);
  else
    g_debug ("Unknown notification action “%s”", name);
}

static void
problem_cb (UnknotNotifier        *notifier,
            const char            *message,
            UnknotReminderService *self)
{
  /* The notifier has logged it, once per kind of failure.  A reminder that
   * found no server is sent again, with back-off, until one answers. */
  g_debug ("Notifications: %s", message);
  if (!self->server_present && unknot_reminder_schedule_is_showing (self->schedule))
    {
      self->undelivered = TRUE;
      retry_later (self);
    }
}

static void
banners_allowed_cb (UnknotNotifier        *notifier,
                    GParamSpec            *pspec,
                    UnknotReminderService *self)
{
  unknot_reminder_schedule_set_held (self->schedule, !unknot_notifier_get_banners_allowed (notifier));
}

/* Idle, sleep and the wall clock */

static void
idle_cb (UnknotIdleMonitor     *monitor,
         guint64                idle_ms,
         UnknotReminderService *self)
{
  gint64 idle_usec = (gint64) MIN (idle_ms, (guint64) (G_MAXINT64 / 1000)) * 1000;

  unknot_reminder_schedule_idle_began (self->schedule, unknot_clock_now (self->clock) - idle_usec);
}

static void
active_cb (UnknotIdleMonitor     *monitor,
           UnknotReminderService *self)
{
  unknot_reminder_schedule_idle_ended (self->schedule);
}

static void
backend_changed_cb (UnknotIdleMonitor     *monitor,
                    GParamSpec            *pspec,
                    UnknotReminderService *self)
{
  update_idle_backend (self);
}

/* The monotonic clock stops while the machine sleeps and the boot-time
 * clock does not: their difference grows by exactly the time asleep, and
 * a wall-clock change meanwhile cannot disturb it. */
static gint64
real_sleep_counter (gpointer user_data)
{
  struct timespec boot, mono;

  if (clock_gettime (CLOCK_BOOTTIME, &boot) != 0 || clock_gettime (CLOCK_MONOTONIC, &mono) != 0)
    return 0;
  return ((gint64) boot.tv_sec - mono.tv_sec) * G_USEC_PER_SEC + (boot.tv_nsec - mono.tv_nsec) / 1000;
}

static void
away_cb (UnknotSessionGuard    *guard,
         const char            *why,
         UnknotReminderService *self)
{
  /* A locked screen is idle time, which the idle monitor already sees. */
  if (g_strcmp0 (why, "sleep") != 0 || self->asleep)
    return;
  self->asleep = TRUE;
  self->slept_before = self->sleep_counter (self->sleep_counter_data);
  unknot_reminder_schedule_suspended (self->schedule);
}

static void
back_cb (UnknotSessionGuard    *guard,
         const char            *why,
         UnknotReminderService *self)
{
  gint64 slept;

  if (g_strcmp0 (why, "sleep") != 0 || !self->asleep)
    return;
  self->asleep = FALSE;
  slept = MAX (0, self->sleep_counter (self->sleep_counter_data) - self->slept_before);
  unknot_reminder_schedule_resumed (self->schedule, slept);
}

static gboolean
arm_clock_fd (int fd)
{
  struct itimerspec spec = { 0 };
  struct timespec now;

  /* An expiry far away: the timer is there only to be cancelled when the
   * clock is set, which wakes the fd with ECANCELED. */
  if (clock_gettime (CLOCK_REALTIME, &now) != 0)
    return FALSE;
  spec.it_value.tv_sec = now.tv_sec + (time_t) 10 * 365 * 24 * 60 * 60;
  return timerfd_settime (fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) == 0;
}

static gboolean
clock_fd_cb (int           fd,
             GIOCondition  condition,
             gpointer      user_data)
{
  UnknotReminderService *self = user_data;
  guint64 expirations;
  ssize_t n = read (fd, &expirations, sizeof expirations);
  gboolean was_set = n < 0 && errno == ECANCELED;

  if (n < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;
  if (!arm_clock_fd (fd))
    {
      g_message ("Stopped watching for wall-clock changes: %s", g_strerror (errno));
      self->clock_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (was_set)
    unknot_reminder_schedule_wall_clock_changed (self->schedule);
  return G_SOURCE_CONTINUE;
}

static void
watch_wall_clock (UnknotReminderService *self)
{
  self->clock_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->clock_fd < 0 || !arm_clock_fd (self->clock_fd))
    {
      g_message ("Cannot watch for wall-clock changes: %s", g_strerror (errno));
      if (self->clock_fd >= 0)
        close (self->clock_fd);
      self->clock_fd = -1;
      return;
    }
  self->clock_source = g_unix_fd_add (self->clock_fd, G_IO_IN, clock_fd_cb, self);
}

/* GObject */

static void
unknot_reminder_service_dispose (GObject *object)
{
  UnknotReminderService *self = UNKNOT_REMINDER_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->server_watch, g_bus_unwatch_name);
  if (self->clock != NULL)
    stop_retrying (self);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->clock_fd >= 0)
    close (self->clock_fd);
  self->clock_fd = -1;
  if (self->object_id != 0)
    g_dbus_connection_unregister_object (self->bus, self->object_id);
  self->object_id = 0;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_data (self->notifier, self);
  if (self->idle_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->idle_monitor, self);
  if (self->guard != NULL)
    g_signal_handlers_disconnect_by_data (self->guard, self);
  if (self->schedule != NULL)
    g_signal_handlers_disconnect_by_data (self->schedule, self);

  g_clear_object (&self->schedule);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->notifier);
  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->guard);
  g_clear_object (&self->bus);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (unknot_reminder_service_parent_class)->dispose (object);
}

static void
unknot_reminder_service_finalize (GObject *object)
{
  UnknotReminderService *self = UNKNOT_REMINDER_SERVICE (object);

  g_free (self->routine_id);

  G_OBJECT_CLASS (unknot_reminder_service_parent_class)->finalize (object);
}

static void
unknot_reminder_service_class_init (UnknotReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_reminder_service_dispose;
  object_class->finalize = unknot_reminder_service_finalize;

  signals[DISABLED] = g_signal_new ("disabled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
unknot_reminder_service_init (UnknotReminderService *self)
{
  self->clock_fd = -1;
  self->idle_backend = "none";
  self->sleep_counter = real_sleep_counter;
  self->cancellable = g_cancellable_new ();
}

UnknotReminderService *
unknot_reminder_service_new (UnknotClock        *clock,
                             GSettings          *settings,
                             UnknotStore        *store,
                             UnknotNotifier     *notifier,
                             UnknotIdleMonitor  *idle_monitor,
                             UnknotSessionGuard *guard,
                             GDBusConnection    *bus)
{
  UnknotReminderService *self;

  g_return_val_if_fail (UNKNOT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || UNKNOT_IS_STORE (store), NULL);
  g_return_val_if_fail (UNKNOT_IS_NOTIFIER (notifier), NULL);
  g_return_val_if_fail (idle_monitor == NULL || UNKNOT_IS_IDLE_MONITOR (idle_monitor), NULL);
  g_return_val_if_fail (guard == NULL || UNKNOT_IS_SESSION_GUARD (guard), NULL);
  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), NULL);

  self = g_object_new (UNKNOT_TYPE_REMINDER_SERVICE, NULL);
  self->clock = g_object_ref (clock);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->notifier = g_object_ref (notifier);
  self->idle_monitor = idle_monitor != NULL ? g_object_ref (idle_monitor) : NULL;
  self->guard = guard != NULL ? g_object_ref (guard) : NULL;
  self->bus = bus != NULL ? g_object_ref (bus) : NULL;

  self->enabled = g_settings_get_boolean (settings, "reminders-enabled");
  apply_settings (self);

  g_signal_connect (self->schedule, "due", G_CALLBACK (due_cb), self);
  g_signal_connect (self->schedule, "withdraw", G_CALLBACK (withdraw_cb), self);
  g_signal_connect (self->schedule, "event", G_CALLBACK (event_cb), self);
  g_signal_connect (self->schedule, "notify::next-due", G_CALLBACK (next_due_changed_cb), self);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);

  g_signal_connect (notifier, "action", G_CALLBACK (action_cb), self);
  g_signal_connect (notifier, "problem", G_CALLBACK (problem_cb), self);
  g_signal_connect (notifier, "notify::banners-allowed", G_CALLBACK (banners_allowed_cb), self);
  unknot_reminder_schedule_set_held (self->schedule, !unknot_notifier_get_banners_allowed (notifier));

  if (idle_monitor != NULL)
    {
      g_signal_connect (idle_monitor, "idle", G_CALLBACK (idle_cb), self);
      g_signal_connect (idle_monitor, "active", G_CALLBACK (active_cb), self);
      g_signal_connect (idle_monitor, "notify::backend", G_CALLBACK (backend_changed_cb), self);
    }
  if (guard != NULL)
    {
      g_signal_connect (guard, "away", G_CALLBACK (away_cb), self);
      g_signal_connect (guard, "back", G_CALLBACK (back_cb), self);
    }

  watch_wall_clock (self);

  self->next_break = unknot_reminder_schedule_get_next_due (self->schedule);
  self->idle_backend = current_idle_backend (self);
  if (bus != NULL)
    {
      export_object (self);
      self->server_watch = g_bus_watch_name_on_connection (bus, NOTIFICATIONS_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                           server_appeared_cb, server_vanished_cb, self, NULL);
    }

  return self;
}

void
unknot_reminder_service_set_interval_override (UnknotReminderService *self,
                                               guint                  seconds)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SERVICE (self));

  if (self->interval_override == seconds)
    return;
  self->interval_override = seconds;
  apply_settings (self);
}

void
unknot_reminder_service_set_always (UnknotReminderService *self,
                                    gboolean               always)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SERVICE (self));

  always = !!always;
  if (self->always == always)
    return;
  self->always = always;
  apply_settings (self);
}

gint64
unknot_reminder_service_get_next_break (UnknotReminderService *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_SERVICE (self), 0);

  return self->next_break;
}

gboolean
unknot_reminder_service_get_enabled (UnknotReminderService *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_SERVICE (self), FALSE);

  return self->enabled;
}

void
unknot_reminder_service_set_sleep_counter (UnknotReminderService *self,
                                           UnknotSleepCounter     counter,
                                           gpointer               user_data)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SERVICE (self));

  self->sleep_counter = counter != NULL ? counter : real_sleep_counter;
  self->sleep_counter_data = counter != NULL ? user_data : NULL;
}
