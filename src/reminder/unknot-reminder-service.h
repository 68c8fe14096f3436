/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-clock.h"
#include "unknot-idle-monitor.h"
#include "unknot-notifier.h"
#include "unknot-session-guard.h"
#include "unknot-store.h"

G_BEGIN_DECLS

#define UNKNOT_REMINDER_DBUS_PATH      "/io/github/unknot/Unknot/Reminder"
#define UNKNOT_REMINDER_DBUS_INTERFACE "io.github.unknot.Unknot.Reminder"

/* The posture-break reminder, put together: the user's settings go to the
 * schedule, the schedule's "due" becomes a notification, the notification's
 * answers, idle time, sleep, Do Not Disturb and wall-clock changes go back
 * to the schedule, and what happened goes to the history.
 *
 * On @bus it exports UNKNOT_REMINDER_DBUS_INTERFACE at
 * UNKNOT_REMINDER_DBUS_PATH with the properties NextBreak (x: local unix
 * seconds of the next reminder, 0 when none is coming) and IdleBackend
 * (s: "mutter", "screensaver" or "none"), both announced with
 * PropertiesChanged; and "Start routine" asks the app, over @bus, to open
 * the chosen routine (org.freedesktop.Application.ActivateAction
 * "start-routine", which D-Bus activation serves even when the app is not
 * running). */
#define UNKNOT_TYPE_REMINDER_SERVICE (unknot_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (UnknotReminderService, unknot_reminder_service, UNKNOT, REMINDER_SERVICE, GObject)

/* Every collaborator is injected, so tests hand in fakes.  @settings is a
 * GSettings of the io.github.unknot.Unknot schema.  @store is the history,
 * opened by the service when it first has something to write; if it
 * cannot be opened, that is logged once and reminders go on without it.
 * @store, @idle_monitor, @guard and @bus may be NULL: then that part is
 * left out. */
UnknotReminderService *unknot_reminder_service_new (UnknotClock       *clock,
                                                    GSettings         *settings,
                                                    UnknotStore       *store,
                                                    UnknotNotifier    *notifier,
                                                    UnknotIdleMonitor *idle_monitor,
                                                    UnknotSessionGuard *guard,
                                                    GDBusConnection   *bus);

/* For this run only (--interval, --always): the work interval in seconds
 * (0: the setting's), and whether to ignore active hours and days. */
void     unknot_reminder_service_set_interval_override (UnknotReminderService *self,
                                                        guint                  seconds);
void     unknot_reminder_service_set_always            (UnknotReminderService *self,
                                                        gboolean               always);

/* Local unix seconds of the next reminder, or 0. */
gint64   unknot_reminder_service_get_next_break        (UnknotReminderService *self);
/* The reminders-enabled setting, as last read. */
gboolean unknot_reminder_service_get_enabled           (UnknotReminderService *self);

/* How long the machine has slept since boot, in µs: CLOCK_BOOTTIME minus
 * CLOCK_MONOTONIC.  Tests replace it to fake a suspend of a given length. */
typedef gint64 (*UnknotSleepCounter) (gpointer user_data);
void     unknot_reminder_service_set_sleep_counter     (UnknotReminderService *self,
                                                        UnknotSleepCounter     counter,
                                                        gpointer               user_data);

/* Signals:
 *   "disabled" (): reminders-enabled became FALSE.  Any reminder shown was
 *     taken away and nothing more comes; the program quits on this. */

G_END_DECLS
