/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unknot-reminder: posture-break reminders while the window is closed.  One
 * per session (the bus name REMINDER_ID); GIO only, so it costs little while
 * it waits. */
#define G_LOG_DOMAIN "unknot-reminder"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <signal.h>

#include "unknot-reminder-service.h"

typedef struct
{
  GSettings             *settings;
  UnknotStore           *store;
  UnknotReminderService *service;
  guint                  interval;   /* --interval, seconds; 0 none */
  gboolean               always;     /* --always */
} Reminder;

static const GOptionEntry options[] = {
  { "interval", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("Remind after SECONDS of work instead of the interval set in Preferences"), N_("SECONDS") },
  { "always", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Remind at any hour and on any day, ignoring the active hours and days"), NULL },
  { "replace", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Take over from a reminder service that is already running"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new (APP_ID);
}

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *dict,
                         Reminder     *reminder)
{
  gint32 interval = 0;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("unknot-reminder %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (dict, "interval", "i", &interval))
    {
      if (interval <= 0)
        {
          g_printerr (_("--interval needs a number of seconds greater than 0, not %d.\n"), interval);
          return 1;
        }
      reminder->interval = (guint) interval;
    }
  reminder->always = g_variant_dict_contains (dict, "always");
  if (g_variant_dict_contains (dict, "replace"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_REPLACE);

  reminder->settings = settings_if_installed ();
  if (reminder->settings == NULL)
    {
      g_printerr (_("The settings schema %s is not installed, so there are no reminder settings to "
                    "follow. Install Unknot, or run “meson devenv -C build unknot-reminder”.\n"), APP_ID);
      return 1;
    }

  /* Started at login or by D-Bus while reminders are off: nothing to do. */
  if (!g_settings_get_boolean (reminder->settings, "reminders-enabled"))
    {
      g_debug ("Reminders are turned off");
      return 0;
    }
  return -1;
}

static void
disabled_cb (UnknotReminderService *service,
             GApplication          *app)
{
  g_debug ("Reminders were turned off; quitting");
  g_application_quit (app);
}

static gboolean
name_lost_cb (GApplication *app,
              gpointer      user_data)
{
  /* Another unknot-reminder took over (--replace). */
  g_debug ("Replaced by another reminder service; quitting");
  g_application_quit (app);
  return TRUE;
}

/* Logging out sends SIGTERM: quit as when replaced, so history being
 * written is finished first. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_application_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
startup_cb (GApplication *app,
            Reminder     *reminder)
{
  g_autoptr(UnknotClock) clock = unknot_clock_new_real ();
  g_autoptr(GFile) file = unknot_default_store_file ();
  g_autoptr(UnknotNotifier) notifier = NULL;
  g_autoptr(UnknotIdleMonitor) idle_monitor = NULL;
  g_autoptr(UnknotSessionGuard) guard = NULL;
  GDBusConnection *bus = g_application_get_dbus_connection (app);

  /* Nothing else keeps a service running: no window, no pending call. */
  g_application_hold (app);

  /* The service opens it when it first has history to keep. */
  reminder->store = unknot_store_new (file);

  notifier = unknot_notifier_new ();
  idle_monitor = unknot_idle_monitor_new (bus, g_settings_get_uint (reminder->settings, "reminder-idle-minutes")
                                               * 60 * 1000);
  guard = unknot_session_guard_new (bus, NULL);
  reminder->service = unknot_reminder_service_new (clock, reminder->settings, reminder->store,
                                                   notifier, idle_monitor, guard, bus);
  unknot_reminder_service_set_interval_override (reminder->service, reminder->interval);
  unknot_reminder_service_set_always (reminder->service, reminder->always);
  g_signal_connect (reminder->service, "disabled", G_CALLBACK (disabled_cb), app);

  /* Turned off between the check in handle-local-options and now. */
  if (!unknot_reminder_service_get_enabled (reminder->service))
    g_application_quit (app);
}

static void
activate_cb (GApplication *app,
             Reminder     *reminder)
{
  /* Started again while running (login, the app turning reminders on):
   * the running service already does everything. */
}

static void
shutdown_cb (GApplication *app,
             Reminder     *reminder)
{
  if (reminder->service != NULL)
    g_signal_handlers_disconnect_by_data (reminder->service, app);
  g_clear_object (&reminder->service);
  /* Waits for history still being written. */
  g_clear_object (&reminder->store);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  Reminder reminder = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = g_application_new (REMINDER_ID, G_APPLICATION_ALLOW_REPLACEMENT);
  g_application_add_main_option_entries (app, options);
  g_application_set_option_context_summary (app, _("Reminds you to take a short posture break "
                                                   "after a stretch of work."));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), &reminder);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), &reminder);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &reminder);
  g_signal_connect (app, "shutdown", G_CALLBACK (shutdown_cb), &reminder);
  g_signal_connect (app, "name-lost", G_CALLBACK (name_lost_cb), &reminder);
  /* From the start: the bus name is taken before "startup" runs. */
  g_unix_signal_add (SIGTERM, quit_signal_cb, app);
  g_unix_signal_add (SIGINT, quit_signal_cb, app);

  status = g_application_run (app, argc, argv);

  g_clear_object (&reminder.settings);
  return status;
}
