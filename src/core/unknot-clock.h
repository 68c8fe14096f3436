/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Time, injected: the real clock reads the monotonic clock and wakes the
 * main loop; a fake clock (tests) moves only when told, so an hour-long
 * session or a week of reminders is tested in milliseconds. */
#define UNKNOT_TYPE_CLOCK (unknot_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (UnknotClock, unknot_clock, UNKNOT, CLOCK, GObject)

struct _UnknotClockClass
{
  GObjectClass parent_class;

  gint64      (*now)       (UnknotClock    *self);
  GDateTime * (*now_local) (UnknotClock    *self);
  guint       (*schedule)  (UnknotClock    *self,
                            gint64          deadline,
                            GSourceFunc     func,
                            gpointer        data,
                            GDestroyNotify  notify);
  void        (*cancel)    (UnknotClock    *self,
                            guint           id);
};

/* Monotonic microseconds; never goes back, does not count suspend. */
gint64       unknot_clock_now       (UnknotClock    *self);
/* The wall-clock time in the local time zone, for what a user reads. */
GDateTime   *unknot_clock_now_local (UnknotClock    *self);
/* Calls @func once, at @deadline (monotonic µs) or as soon after as the
 * main loop allows; @func's return value is ignored.  Returns an id > 0. */
guint        unknot_clock_schedule  (UnknotClock    *self,
                                     gint64          deadline,
                                     GSourceFunc     func,
                                     gpointer        data,
                                     GDestroyNotify  notify);
/* Cancelling an id that already fired or was cancelled is harmless. */
void         unknot_clock_cancel    (UnknotClock    *self,
                                     guint           id);

/* The real clock: g_get_monotonic_time() and GSources with a ready time on
 * the thread-default main context, so a wake-up is within a millisecond. */
UnknotClock *unknot_clock_new_real  (void);

#define UNKNOT_TYPE_FAKE_CLOCK (unknot_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (UnknotFakeClock, unknot_fake_clock, UNKNOT, FAKE_CLOCK, UnknotClock)

/* Starts at monotonic @start µs and at wall time @local_start. */
UnknotClock *unknot_fake_clock_new     (gint64           start,
                                        GDateTime       *local_start);
/* Moves time forward by @usec, running every callback that falls due in
 * deadline order (ties in scheduling order) with now() equal to its
 * deadline, including callbacks those callbacks schedule within the span. */
void         unknot_fake_clock_advance (UnknotFakeClock *self,
                                        gint64           usec);
/* Moves time to the next deadline and runs it; FALSE when none is due. */
gboolean     unknot_fake_clock_run_next (UnknotFakeClock *self);
guint        unknot_fake_clock_get_n_pending (UnknotFakeClock *self);
/* The wall clock jumps by @seconds (time zone change, NTP); the monotonic
 * clock does not move and nothing runs. */
void         unknot_fake_clock_jump_wall (UnknotFakeClock *self,
                                          gint64           seconds);
/* A suspend of @usec: the wall clock moves on, the monotonic clock (which
 * does not count suspend) stays, and nothing runs. */
void         unknot_fake_clock_sleep     (UnknotFakeClock *self,
                                          gint64           usec);

G_END_DECLS
