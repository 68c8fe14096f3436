/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-reminders"

#include "config.h"

#include "unknot-reminder-schedule.h"

#define USEC_PER_SEC ((gint64) G_USEC_PER_SEC)
#define USEC_PER_MINUTE (60 * USEC_PER_SEC)
#define MINUTES_PER_DAY 1440
/* A week and the day it wraps to: enough to find any active day. */
#define SEARCH_DAYS 8
/* Each rejected candidate moves next-due to a later window, so this covers
 * a week even when every window is shorter than the interval (then no
 * reminder can ever come, and next-due says so with 0). */
#define MAX_CANDIDATES 16

struct _UnknotReminderSchedule
{
  GObject                parent_instance;

  UnknotClock           *clock;
  UnknotReminderSettings settings;

  /* Work time, on the monotonic clock, so that wall-clock jumps neither
   * fire nor lose a reminder. */
  gint64                 work_started;  /* when the current stretch of work began */
  gint64                 snoozed_at;    /* valid when snoozed */
  gboolean               snoozed;
  gint64                 idle_since;    /* valid when idle */
  gboolean               idle;

  /* Outside active hours or paused: waiting for the next window (or the end
   * of the pause), where the work timer starts again. */
  gboolean               parked;
  gboolean               showing;
  gint64                 shown_wall;    /* wall-clock µs when the shown reminder came */
  gboolean               held;          /* Do Not Disturb */
  gboolean               suspended;

  guint                  wake_id;       /* the one pending clock callback, or 0 */
  gint64                 next_due;      /* as last notified */
};

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_NEXT_DUE,
  PROP_SHOWING,
  N_PROPS
};

enum {
  SIGNAL_DUE,
  SIGNAL_WITHDRAW,
  SIGNAL_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotReminderSchedule, unknot_reminder_schedule, G_TYPE_OBJECT)

/* The header declares no GType for the event; the signal argument still
 * wants to be typed. */
static GType
reminder_event_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { UNKNOT_REMINDER_EVENT_DUE, "UNKNOT_REMINDER_EVENT_DUE", "due" },
    { UNKNOT_REMINDER_EVENT_TAKEN, "UNKNOT_REMINDER_EVENT_TAKEN", "taken" },
    { UNKNOT_REMINDER_EVENT_SNOOZED, "UNKNOT_REMINDER_EVENT_SNOOZED", "snoozed" },
    { UNKNOT_REMINDER_EVENT_SKIPPED, "UNKNOT_REMINDER_EVENT_SKIPPED", "skipped" },
    { UNKNOT_REMINDER_EVENT_NATURAL, "UNKNOT_REMINDER_EVENT_NATURAL", "natural" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("UnknotReminderEvent"), values));
  return type_id;
}

void
unknot_reminder_settings_init_defaults (UnknotReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->interval_minutes = 45;
  settings->active_start_minute = 9 * 60;
  settings->active_end_minute = 18 * 60;
  settings->active_days = 0x1f; /* Monday to Friday */
  settings->snooze_minutes = 10;
  settings->idle_is_break = TRUE;
  settings->idle_minutes = 5;
  settings->paused_until = 0;
}

const char *
unknot_reminder_event_to_string (UnknotReminderEvent event)
{
  switch (event)
    {
    case UNKNOT_REMINDER_EVENT_DUE:
      return "due";
    case UNKNOT_REMINDER_EVENT_TAKEN:
      return "taken";
    case UNKNOT_REMINDER_EVENT_SNOOZED:
      return "snoozed";
    case UNKNOT_REMINDER_EVENT_SKIPPED:
      return "skipped";
    case UNKNOT_REMINDER_EVENT_NATURAL:
      return "natural";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Wall-clock time, as µs since the epoch, in the clock's time zone. */

static gint64
date_time_to_usec (GDateTime *date_time)
{
  return g_date_time_to_unix (date_time) * USEC_PER_SEC + g_date_time_get_microsecond (date_time);
}

static GDateTime *
local_at (GTimeZone *tz,
          gint64     wall)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall / USEC_PER_SEC);

  return g_date_time_to_timezone (utc, tz);
}

static gint64
usec_to_seconds (gint64 wall)
{
  return (wall + USEC_PER_SEC / 2) / USEC_PER_SEC;
}

static gboolean
day_is_active (const UnknotReminderSettings *settings,
               guint                         day) /* 0 Monday … 6 Sunday */
{
  return (settings->active_days & (1u << day)) != 0;
}

gboolean
unknot_reminder_settings_is_active_at (const UnknotReminderSettings *settings,
                                       GDateTime                    *local)
{
  guint minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  guint day = g_date_time_get_day_of_week (local) - 1;
  guint start = settings->active_start_minute;
  guint end = settings->active_end_minute;

  if (start < end)
    return day_is_active (settings, day) && minute >= start && minute < end;

  /* The window runs past midnight (start == end: a whole day) and belongs
   * to the day it started. */
  return (day_is_active (settings, day) && minute >= start)
         || (day_is_active (settings, (day + 6) % 7) && minute < end);
}

guint8
unknot_reminder_days_from_names (const char * const *names)
{
  static const char * const day_names[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  guint8 bits = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    for (guint d = 0; d < G_N_ELEMENTS (day_names); d++)
      if (g_ascii_strcasecmp (names[i], day_names[d]) == 0)
        bits |= 1u << d;
  return bits;
}

static gboolean
in_active_window (UnknotReminderSchedule *self,
                  GTimeZone              *tz,
                  gint64                  wall)
{
  g_autoptr(GDateTime) local = local_at (tz, wall);

  return unknot_reminder_settings_is_active_at (&self->settings, local);
}

static gboolean
is_paused_forever (UnknotReminderSchedule *self)
{
  return self->settings.paused_until >= G_MAXINT64 / USEC_PER_SEC;
}

static gboolean
is_paused (UnknotReminderSchedule *self,
           gint64                  wall)
{
  if (self->settings.paused_until <= 0)
    return FALSE;
  return is_paused_forever (self) || wall < self->settings.paused_until * USEC_PER_SEC;
}

static gboolean
is_allowed (UnknotReminderSchedule *self,
            GTimeZone              *tz,
            gint64                  wall)
{
  return !is_paused (self, wall) && in_active_window (self, tz, wall);
}

/* The first window start at or after @wall, or -1 when no day is active. */
static gint64
next_window_start (UnknotReminderSchedule *self,
                   GTimeZone              *tz,
                   gint64                  wall)
{
  g_autoptr(GDateTime) local = local_at (tz, wall);
  guint start = self->settings.active_start_minute;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));

  for (guint i = 0; i < SEARCH_DAYS; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) begins = NULL;
      gint64 when;

      if (!day_is_active (&self->settings, g_date_get_weekday (&date) - 1))
        continue;

      begins = g_date_time_new (tz,
                                g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                start / 60, start % 60, 0);
      if (begins == NULL)
        continue;

      /* A start that a DST change skips over is moved by GLib, possibly
       * out of the window; never offer one the window check refuses, or a
       * wake-up there would find nothing to do and ask for itself again. */
      when = date_time_to_usec (begins);
      if (when >= wall && in_active_window (self, tz, when))
        return when;
    }

  return -1;
}

/* The first moment at or after @wall when a reminder may be shown, or -1
 * when none ever can (paused until turned back on, no active day). */
static gint64
next_allowed_start (UnknotReminderSchedule *self,
                    GTimeZone              *tz,
                    gint64                  wall)
{
  gint64 from = wall;

  if (is_paused_forever (self))
    return -1;
  if (is_paused (self, from))
    from = self->settings.paused_until * USEC_PER_SEC;
  if (in_active_window (self, tz, from))
    return from;
  return next_window_start (self, tz, from);
}

/* How long until the active window containing @local ends. Counted in
 * local minutes, so across a DST change it is an hour off at worst: the
 * wake-up then finds the window still open and asks again, or drops a
 * held reminder an hour late; it is never zero. */
static gint64
until_window_end (UnknotReminderSchedule *self,
                  GDateTime              *local)
{
  guint minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  guint end = self->settings.active_end_minute;
  guint minutes = (end + MINUTES_PER_DAY - minute) % MINUTES_PER_DAY;

  if (minutes == 0)
    minutes = MINUTES_PER_DAY;
  return minutes * USEC_PER_MINUTE
         - g_date_time_get_second (local) * USEC_PER_SEC
         - g_date_time_get_microsecond (local);
}

/* The engine */

static gint64
interval_usec (UnknotReminderSchedule *self)
{
  return self->settings.interval_minutes * USEC_PER_MINUTE;
}

static gint64
current_deadline (UnknotReminderSchedule *self)
{
  if (self->snoozed)
    return self->snoozed_at + self->settings.snooze_minutes * USEC_PER_MINUTE;
  return self->work_started + interval_usec (self);
}

static gboolean
is_blocked (UnknotReminderSchedule *self)
{
  return self->held || (self->idle && self->settings.idle_is_break);
}

static void
restart_work (UnknotReminderSchedule *self,
              gint64                  now)
{
  self->work_started = now;
  self->snoozed = FALSE;
}

static void
set_showing (UnknotReminderSchedule *self,
             gboolean                showing)
{
  if (self->showing == showing)
    return;
  self->showing = showing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING]);
}

static void
cancel_wake (UnknotReminderSchedule *self)
{
  if (self->wake_id != 0)
    {
      unknot_clock_cancel (self->clock, self->wake_id);
      self->wake_id = 0;
    }
}

/* Wall-clock µs of the next reminder as things stand, or 0. */
static gint64
compute_next_due (UnknotReminderSchedule *self,
                  GTimeZone              *tz,
                  gint64                  now,
                  gint64                  wall)
{
  gint64 candidate;

  if (self->showing)
    return self->shown_wall;

  if (self->parked)
    {
      gint64 start = next_allowed_start (self, tz, wall);

      if (start < 0)
        return 0;
      candidate = start + interval_usec (self);
    }
  else
    candidate = wall + (current_deadline (self) - now);

  for (guint i = 0; i < MAX_CANDIDATES; i++)
    {
      gint64 start;

      if (is_allowed (self, tz, candidate))
        return candidate;
      start = next_allowed_start (self, tz, candidate);
      if (start < 0)
        return 0;
      candidate = start + interval_usec (self);
    }

  return 0;
}

static void
set_next_due (UnknotReminderSchedule *self,
              gint64                  wall)
{
  gint64 seconds = wall > 0 ? usec_to_seconds (wall) : 0;

  if (self->next_due == seconds)
    return;
  self->next_due = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
}

static gboolean wake_cb (gpointer data);

/* Brings the state up to now and sleeps until the next thing that can
 * change it.  It recomputes everything from the fields, so calling it again,
 * from a signal handler or a wake-up, never shows a reminder twice. */
static void
update (UnknotReminderSchedule *self)
{
  g_autoptr(GDateTime) local = NULL;
  GTimeZone *tz;
  gint64 now;
  gint64 wall;
  gint64 wake = -1;
  gboolean fire = FALSE;

  cancel_wake (self);

  /* Nothing can fall due while the machine sleeps; resumed() goes on. */
  if (self->suspended)
    return;

  now = unknot_clock_now (self->clock);
  local = unknot_clock_now_local (self->clock);
  tz = g_date_time_get_timezone (local);
  wall = date_time_to_usec (local);

  if (self->parked)
    {
      if (is_allowed (self, tz, wall))
        {
          /* Someone just arriving at their desk gets a full interval, not
           * an instant reminder. */
          self->parked = FALSE;
          restart_work (self, now);
        }
    }
  else if (!self->showing
           && (current_deadline (self) <= now || self->settings.active_days == 0)
           && !is_allowed (self, tz, wall))
    self->parked = TRUE; /* with no active day, at once: nothing can come */

  if (self->parked)
    {
      gint64 start = next_allowed_start (self, tz, wall);

      /* The wall clock may jump before then; wall_clock_changed() and the
       * check on waking both read it again. */
      if (start >= 0)
        wake = now + (start - wall);
    }
  else if (self->showing)
    ; /* Never a second one until the user answers. */
  else if (current_deadline (self) > now)
    wake = current_deadline (self);
  else if (is_blocked (self))
    /* Due, but held or the user is away: shown when they are back, unless
     * its window closes first; then the next window starts afresh rather
     * than with yesterday's reminder. */
    wake = now + until_window_end (self, local);
  else
    fire = TRUE;

  if (wake >= 0)
    self->wake_id = unknot_clock_schedule (self->clock, wake, wake_cb, self, NULL);

  if (fire)
    {
      self->showing = TRUE;
      self->shown_wall = wall;
    }
  set_next_due (self, compute_next_due (self, tz, now, wall));

  if (fire)
    {
      g_object_ref (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING]);
      /* The history hears of it first: a handler of "due" may answer at
       * once, and its answer must come after the reminder it answers. */
      g_signal_emit (self, signals[SIGNAL_EVENT], 0, UNKNOT_REMINDER_EVENT_DUE);
      g_signal_emit (self, signals[SIGNAL_DUE], 0);
      g_object_unref (self);
    }
}

static gboolean
wake_cb (gpointer data)
{
  UnknotReminderSchedule *self = data;

  self->wake_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* A break of @span that began at @began (monotonic) and ends now. */
static void
natural_break (UnknotReminderSchedule *self,
               gint64                  began,
               gint64                  span)
{
  g_autoptr(GDateTime) local = unknot_clock_now_local (self->clock);
  GTimeZone *tz = g_date_time_get_timezone (local);
  gint64 now = unknot_clock_now (self->clock);
  gint64 wall = date_time_to_usec (local);
  gboolean was_showing = self->showing;
  gboolean counts;

  /* The history wants breaks taken from work: not nights, weekends or
   * pauses, and not an absence the timer already restarted within (a
   * window that opened while the user was away). */
  counts = !self->parked
           && began >= self->work_started
           && (is_allowed (self, tz, wall) || is_allowed (self, tz, wall - span));

  restart_work (self, now);
  set_showing (self, FALSE);
  update (self);

  g_object_ref (self);
  if (was_showing)
    g_signal_emit (self, signals[SIGNAL_WITHDRAW], 0);
  if (counts)
    g_signal_emit (self, signals[SIGNAL_EVENT], 0, UNKNOT_REMINDER_EVENT_NATURAL);
  g_object_unref (self);
}

static void
sanitize_settings (UnknotReminderSettings *settings)
{
  settings->interval_minutes = MAX (settings->interval_minutes, 1);
  settings->snooze_minutes = MAX (settings->snooze_minutes, 1);
  /* 24:00 as an end is midnight. */
  settings->active_start_minute %= MINUTES_PER_DAY;
  settings->active_end_minute %= MINUTES_PER_DAY;
  settings->active_days &= 0x7f;
}

static void
unknot_reminder_schedule_constructed (GObject *object)
{
  UnknotReminderSchedule *self = UNKNOT_REMINDER_SCHEDULE (object);

  G_OBJECT_CLASS (unknot_reminder_schedule_parent_class)->constructed (object);

  g_assert (self->clock != NULL);

  restart_work (self, unknot_clock_now (self->clock));
  update (self);
}

static void
unknot_reminder_schedule_dispose (GObject *object)
{
  UnknotReminderSchedule *self = UNKNOT_REMINDER_SCHEDULE (object);

  /* The clock may outlive us; it must never call into a dead schedule. */
  if (self->clock != NULL)
    cancel_wake (self);

  G_OBJECT_CLASS (unknot_reminder_schedule_parent_class)->dispose (object);
}

static void
unknot_reminder_schedule_finalize (GObject *object)
{
  UnknotReminderSchedule *self = UNKNOT_REMINDER_SCHEDULE (object);

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (unknot_reminder_schedule_parent_class)->finalize (object);
}

static void
unknot_reminder_schedule_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  UnknotReminderSchedule *self = UNKNOT_REMINDER_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_NEXT_DUE:
      g_value_set_int64 (value, self->next_due);
      break;
    case PROP_SHOWING:
      g_value_set_boolean (value, self->showing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_reminder_schedule_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  UnknotReminderSchedule *self = UNKNOT_REMINDER_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_reminder_schedule_class_init (UnknotReminderScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags state = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = unknot_reminder_schedule_constructed;
  object_class->dispose = unknot_reminder_schedule_dispose;
  object_class->finalize = unknot_reminder_schedule_finalize;
  object_class->get_property = unknot_reminder_schedule_get_property;
  object_class->set_property = unknot_reminder_schedule_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, UNKNOT_TYPE_CLOCK, construct);
  properties[PROP_NEXT_DUE] =
    g_param_spec_int64 ("next-due", NULL, NULL, 0, G_MAXINT64, 0, state);
  properties[PROP_SHOWING] =
    g_param_spec_boolean ("showing", NULL, NULL, FALSE, state);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_WITHDRAW] =
    g_signal_new ("withdraw",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  reminder_event_get_type ());
}

static void
unknot_reminder_schedule_init (UnknotReminderSchedule *self)
{
  unknot_reminder_settings_init_defaults (&self->settings);
}

UnknotReminderSchedule *
unknot_reminder_schedule_new (UnknotClock                  *clock,
                              const UnknotReminderSettings *settings)
{
  UnknotReminderSchedule *self;

  g_return_val_if_fail (UNKNOT_IS_CLOCK (clock), NULL);

  self = g_object_new (UNKNOT_TYPE_REMINDER_SCHEDULE, "clock", clock, NULL);
  if (settings != NULL)
    unknot_reminder_schedule_set_settings (self, settings);
  return self;
}

void
unknot_reminder_schedule_set_settings (UnknotReminderSchedule       *self,
                                       const UnknotReminderSettings *settings)
{
  g_autoptr(GDateTime) local = NULL;
  gboolean paused;
  gboolean withdrawn = FALSE;

  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));
  g_return_if_fail (settings != NULL);

  self->settings = *settings;
  sanitize_settings (&self->settings);

  /* Nothing counts while paused, and nothing leaves the parked state while
   * paused, so the work timer starts again when the pause ends or is
   * turned off (in active hours). */
  local = unknot_clock_now_local (self->clock);
  paused = is_paused (self, date_time_to_usec (local));
  if (paused)
    self->parked = TRUE;
  if (paused && self->showing)
    {
      set_showing (self, FALSE);
      withdrawn = TRUE;
    }

  update (self);

  if (withdrawn)
    g_signal_emit (self, signals[SIGNAL_WITHDRAW], 0);
}

void
unknot_reminder_schedule_idle_began (UnknotReminderSchedule *self,
                                     gint64                  idle_since)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  /* Kept even when idle is not a break, so that turning it on while the
   * user is away still counts the whole absence. */
  self->idle = TRUE;
  self->idle_since = MIN (idle_since, unknot_clock_now (self->clock));
}

void
unknot_reminder_schedule_idle_ended (UnknotReminderSchedule *self)
{
  gint64 span;

  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  if (!self->idle)
    return;

  self->idle = FALSE;
  span = unknot_clock_now (self->clock) - self->idle_since;
  if (self->settings.idle_is_break && span >= self->settings.idle_minutes * USEC_PER_MINUTE)
    natural_break (self, self->idle_since, span);
  else
    update (self); /* a reminder that fell due meanwhile comes now */
}

void
unknot_reminder_schedule_suspended (UnknotReminderSchedule *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  self->suspended = TRUE;
  cancel_wake (self);
}

void
unknot_reminder_schedule_resumed (UnknotReminderSchedule *self,
                                  gint64                  slept_usec)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  self->suspended = FALSE;
  if (slept_usec >= self->settings.idle_minutes * USEC_PER_MINUTE)
    natural_break (self, unknot_clock_now (self->clock), MAX (slept_usec, 0));
  else
    update (self);
}

void
unknot_reminder_schedule_set_held (UnknotReminderSchedule *self,
                                   gboolean                held)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  held = !!held;
  if (self->held == held)
    return;
  self->held = held;
  update (self);
}

void
unknot_reminder_schedule_wall_clock_changed (UnknotReminderSchedule *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  update (self);
}

/* The user's answers: the reminder is gone from the screen already. */
static void
answered (UnknotReminderSchedule *self,
          UnknotReminderEvent     event)
{
  set_showing (self, FALSE);
  update (self);
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, event);
}

void
unknot_reminder_schedule_snooze (UnknotReminderSchedule *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  if (!self->showing)
    {
      g_debug ("Snooze without a reminder shown, ignored");
      return;
    }

  self->snoozed = TRUE;
  self->snoozed_at = unknot_clock_now (self->clock);
  answered (self, UNKNOT_REMINDER_EVENT_SNOOZED);
}

void
unknot_reminder_schedule_skip (UnknotReminderSchedule *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  if (!self->showing)
    {
      g_debug ("Skip without a reminder shown, ignored");
      return;
    }

  restart_work (self, unknot_clock_now (self->clock));
  answered (self, UNKNOT_REMINDER_EVENT_SKIPPED);
}

void
unknot_reminder_schedule_taken (UnknotReminderSchedule *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self));

  /* A routine started from the app is a break too, reminder or not. */
  restart_work (self, unknot_clock_now (self->clock));
  answered (self, UNKNOT_REMINDER_EVENT_TAKEN);
}

gint64
unknot_reminder_schedule_get_next_due (UnknotReminderSchedule *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self), 0);
  return self->next_due;
}

gboolean
unknot_reminder_schedule_is_showing (UnknotReminderSchedule *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_SCHEDULE (self), FALSE);
  return self->showing;
}
