/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-clock.h"

G_BEGIN_DECLS

/* What the user chose in Preferences → Reminders. */
typedef struct
{
  guint    interval_minutes;       /* minutes of active work between breaks, 10–180 */
  guint    active_start_minute;    /* minutes after local midnight, 0–1439 */
  guint    active_end_minute;      /* may be before start: the window crosses midnight */
  guint8   active_days;            /* bit 0 Monday … bit 6 Sunday; the day the window starts */
  guint    snooze_minutes;
  gboolean idle_is_break;          /* idle ≥ idle_minutes resets the work timer */
  guint    idle_minutes;
  gint64   paused_until;           /* unix seconds; 0 not paused; G_MAXINT64 until turned back on */
} UnknotReminderSettings;

void unknot_reminder_settings_init_defaults (UnknotReminderSettings *settings);

/* The active_days bits of day names as the settings schema keeps them
 * ("mon" … "sun"; unknown names are ignored). */
guint8   unknot_reminder_days_from_names (const char * const *names);

/* Whether reminders may come at @local (a local time): within the active
 * hours on an active day.  A window that ends before it starts runs past
 * midnight and belongs to the day it started; start == end is a whole day. */
gboolean unknot_reminder_settings_is_active_at (const UnknotReminderSettings *settings,
                                                GDateTime                    *local);

typedef enum {
  UNKNOT_REMINDER_EVENT_DUE,      /* a reminder was shown */
  UNKNOT_REMINDER_EVENT_TAKEN,    /* Start routine */
  UNKNOT_REMINDER_EVENT_SNOOZED,
  UNKNOT_REMINDER_EVENT_SKIPPED,
  UNKNOT_REMINDER_EVENT_NATURAL,  /* idle or a suspend long enough to count as a break */
} UnknotReminderEvent;

const char *unknot_reminder_event_to_string (UnknotReminderEvent event);

/* When a posture break is due.  Pure logic on an injected clock; the
 * service feeds it what happens (idle, suspend, the user's answers, Do Not
 * Disturb) and shows what it asks for.
 *
 * Rules:
 * - Work time is counted on the monotonic clock, so a change of the wall
 *   clock (time zone, NTP) neither fires nor loses a reminder; the active
 *   hours and days are read on the wall clock, in local time, at the moment
 *   a reminder would fall due.
 * - Outside active hours or days, or while paused, no reminder; a due one
 *   waits for the start of the next active window, and the work timer
 *   starts again there.
 * - Idle for idle_minutes or more (when idle_is_break) is a natural break:
 *   the work timer restarts when activity resumes.  A suspend longer than
 *   idle_minutes counts the same way; after any resume at most one reminder
 *   is shown, never a burst.
 * - Snooze: due again after snooze_minutes. Skip: the next full interval.
 *   Taken: the next full interval, counted from now.
 * - While notifications are held (Do Not Disturb), a due reminder is held
 *   and shown once when they are allowed again.
 * - New settings take effect at once: the next deadline is recomputed.
 * - It holds at most one clock callback at a time and none while nothing
 *   can fall due (paused until turned back on). */
#define UNKNOT_TYPE_REMINDER_SCHEDULE (unknot_reminder_schedule_get_type ())
G_DECLARE_FINAL_TYPE (UnknotReminderSchedule, unknot_reminder_schedule, UNKNOT, REMINDER_SCHEDULE, GObject)

UnknotReminderSchedule *unknot_reminder_schedule_new          (UnknotClock                  *clock,
                                                               const UnknotReminderSettings *settings);
void                    unknot_reminder_schedule_set_settings (UnknotReminderSchedule       *self,
                                                               const UnknotReminderSettings *settings);

/* Inputs. */
void unknot_reminder_schedule_idle_began         (UnknotReminderSchedule *self,
                                                  gint64                  idle_since);  /* monotonic µs */
void unknot_reminder_schedule_idle_ended         (UnknotReminderSchedule *self);
void unknot_reminder_schedule_suspended          (UnknotReminderSchedule *self);
/* @slept_usec: how long the machine was asleep (the monotonic clock stops). */
void unknot_reminder_schedule_resumed            (UnknotReminderSchedule *self,
                                                  gint64                  slept_usec);
void unknot_reminder_schedule_set_held           (UnknotReminderSchedule *self,
                                                  gboolean                held);
/* The wall clock jumped: re-read active hours without touching work time. */
void unknot_reminder_schedule_wall_clock_changed (UnknotReminderSchedule *self);
void unknot_reminder_schedule_snooze             (UnknotReminderSchedule *self);
void unknot_reminder_schedule_skip               (UnknotReminderSchedule *self);
void unknot_reminder_schedule_taken              (UnknotReminderSchedule *self);

/* Outputs.  Signals:
 *   "due" ()                          show the reminder (replacing any shown)
 *   "withdraw" ()                     take a shown reminder away (a natural
 *                                     break made it moot, or paused)
 *   "event" (UnknotReminderEvent)     for the history
 * Property "next-due" (gint64, local unix seconds of the next reminder, or
 * 0 when none is coming: paused, or no active day at all). */
gint64 unknot_reminder_schedule_get_next_due     (UnknotReminderSchedule *self);
gboolean unknot_reminder_schedule_is_showing     (UnknotReminderSchedule *self);

G_END_DECLS
