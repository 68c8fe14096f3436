/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  UNKNOT_REMINDER_PAUSE_HOUR,
  UNKNOT_REMINDER_PAUSE_TOMORROW,
  UNKNOT_REMINDER_PAUSE_UNTIL_RESUMED,
} UnknotReminderPause;

/* The app's side of the reminder service: starts unknot-reminder when
 * reminders are on and it is not running, follows its NextBreak over D-Bus,
 * and pauses or resumes reminders through the settings it reads.
 * Properties "enabled" (b) and "summary" (s, what the window shows, e.g.
 * "Next break at 10:45"). */
#define UNKNOT_TYPE_REMINDER_STATUS (unknot_reminder_status_get_type ())
G_DECLARE_FINAL_TYPE (UnknotReminderStatus, unknot_reminder_status, UNKNOT, REMINDER_STATUS, GObject)

UnknotReminderStatus *unknot_reminder_status_new         (GSettings            *settings,
                                                         GDBusConnection      *bus);
gboolean              unknot_reminder_status_get_enabled (UnknotReminderStatus *self);
const char           *unknot_reminder_status_get_summary (UnknotReminderStatus *self);
gboolean              unknot_reminder_status_get_paused  (UnknotReminderStatus *self);
void                  unknot_reminder_status_pause       (UnknotReminderStatus *self,
                                                         UnknotReminderPause   pause);
void                  unknot_reminder_status_resume      (UnknotReminderStatus *self);

G_END_DECLS
