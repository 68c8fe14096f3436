/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-clock.h"
#include "unknot-cue.h"
#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_SESSION_ERROR (unknot_session_error_quark ())

typedef enum {
  UNKNOT_SESSION_ERROR_STATE, /* the action makes no sense in this state */
} UnknotSessionError;

typedef enum {
  UNKNOT_SESSION_STATE_IDLE,      /* created, not started */
  UNKNOT_SESSION_STATE_RUNNING,
  UNKNOT_SESSION_STATE_PAUSED,
  UNKNOT_SESSION_STATE_FINISHED,  /* every segment ran to its end */
  UNKNOT_SESSION_STATE_STOPPED,   /* ended early, see stop-reason */
} UnknotSessionState;

typedef enum {
  UNKNOT_SEGMENT_GET_READY,
  UNKNOT_SEGMENT_STEP,
  UNKNOT_SEGMENT_REST,
} UnknotSegmentKind;

typedef enum {
  UNKNOT_STOP_REASON_NONE,
  UNKNOT_STOP_REASON_USER,          /* Stop, confirmed */
  UNKNOT_STOP_REASON_SAFETY,        /* "Stop — this doesn't feel right" */
  UNKNOT_STOP_REASON_WINDOW_CLOSED, /* the window was closed, confirmed */
} UnknotStopReason;

typedef enum {
  UNKNOT_STEP_END_COMPLETED, /* its last segment ran to its end */
  UNKNOT_STEP_END_SKIPPED,   /* skipped, or a side of it was */
  UNKNOT_STEP_END_BACK,      /* back() restarted it or went to the step before */
  UNKNOT_STEP_END_STOPPED,   /* the session was stopped during it */
} UnknotStepEnd;

/* A routine being followed, on the clock.
 *
 * The session is a list of segments: an optional get-ready, then each step
 * (a step with sides is two segments, left then right), with an optional
 * rest between steps.  Every deadline is computed from the session's start
 * on the clock plus time spent paused and time added, never by adding up
 * ticks, and the session wakes only at deadlines: segment ends, cues, and
 * the whole-second boundaries at which remaining-seconds changes. */
#define UNKNOT_TYPE_SESSION (unknot_session_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSession, unknot_session, UNKNOT, SESSION, GObject)

GQuark             unknot_session_error_quark        (void);

UnknotSession     *unknot_session_new                (UnknotRoutine  *routine,
                                                      UnknotClock    *clock,
                                                      guint           get_ready_seconds,
                                                      guint           rest_seconds);

/* Transitions; each returns FALSE with UNKNOT_SESSION_ERROR_STATE where it
 * does not apply (start twice, pause when paused, anything once ended). */
gboolean           unknot_session_start              (UnknotSession  *self,
                                                      GError        **error);
gboolean           unknot_session_pause              (UnknotSession  *self,
                                                      GError        **error);
gboolean           unknot_session_resume             (UnknotSession  *self,
                                                      GError        **error);
/* To the start of the next segment (the next side, rest or step); from the
 * last segment it finishes the session. Works while paused, staying paused. */
gboolean           unknot_session_skip               (UnknotSession  *self,
                                                      GError        **error);
/* To the start of the current step's first segment if more than 3 s of it
 * have passed, else to the start of the previous step. */
gboolean           unknot_session_back               (UnknotSession  *self,
                                                      GError        **error);
/* Adds @seconds to the current segment. */
gboolean           unknot_session_add_time           (UnknotSession  *self,
                                                      guint           seconds,
                                                      GError        **error);
gboolean           unknot_session_stop               (UnknotSession  *self,
                                                      UnknotStopReason reason,
                                                      GError        **error);

/* State, each a read-only property that notifies when it really changes:
 * "state", "stop-reason", "segment-index", "segment-kind", "step-index",
 * "side", "remaining-seconds", "progress". */
UnknotRoutine     *unknot_session_get_routine        (UnknotSession  *self);
UnknotSessionState unknot_session_get_state          (UnknotSession  *self);
UnknotStopReason   unknot_session_get_stop_reason    (UnknotSession  *self);
guint              unknot_session_get_n_segments     (UnknotSession  *self);
guint              unknot_session_get_segment_index  (UnknotSession  *self);
UnknotSegmentKind  unknot_session_get_segment_kind   (UnknotSession  *self);
/* 0-based; during get-ready and rests, the step that comes next. */
guint              unknot_session_get_step_index     (UnknotSession  *self);
guint              unknot_session_get_n_steps        (UnknotSession  *self);
UnknotStep        *unknot_session_get_step           (UnknotSession  *self);
/* The step after the current segment's step, or NULL at the last step. */
UnknotStep        *unknot_session_get_next_step      (UnknotSession  *self);
UnknotSide         unknot_session_get_side           (UnknotSession  *self);
/* Whole seconds left in the segment, rounded up: it changes exactly when a
 * second boundary is crossed. */
guint              unknot_session_get_remaining_seconds (UnknotSession *self);
gint64             unknot_session_get_remaining_usec (UnknotSession  *self);
gint64             unknot_session_get_segment_duration_usec (UnknotSession *self);
/* 0 to 1 over the whole planned session (added time included). */
double             unknot_session_get_progress       (UnknotSession  *self);

/* Monotonic µs at which the current segment ends, or will end if resumed
 * now: what tests and benchmarks compare wake-ups against. */
gint64             unknot_session_get_segment_deadline (UnknotSession *self);

/* For the summary and the store. */
GDateTime         *unknot_session_get_started_at     (UnknotSession  *self);
GDateTime         *unknot_session_get_ended_at       (UnknotSession  *self);
/* Time spent running (pauses excluded), in µs. */
gint64             unknot_session_get_active_usec    (UnknotSession  *self);
/* Steps whose every segment ran to its end or was skipped forward from. */
guint              unknot_session_get_steps_completed (UnknotSession *self);

/* Signals:
 *   "cue" (UnknotCueKind kind, guint step_index, UnknotSide side, guint count)
 *       at the cue's deadline; count is 3, 2, 1 for COUNTDOWN, else 0.
 *       STEP_START when a step's first segment starts (also at start(), once
 *       get-ready ends, and after skip/back), SWITCH_SIDES when its right
 *       side starts, HALFWAY at the middle of a step segment of 20 s or more,
 *       COUNTDOWN in the last 3 s of a step segment of 10 s or more (not in
 *       get-ready or rest), REST when a rest starts, FINISH at the end.
 *   "segment-changed" () after segment-index changed.
 *   "step-started" (guint step_index) when a step's first segment is
 *       entered: in its turn, after a skip, and again after back().  Rests,
 *       get-ready and moving to a step's right side start nothing.
 *   "step-ended" (guint step_index, UnknotStepEnd how) when the session
 *       leaves the step last started: for a rest, the next or previous
 *       step, a restart of the same step, the finish or a stop.  At most
 *       one step is under way, and a step-started always comes after the
 *       step-ended of the step before.  Both come before segment-changed
 *       and, at the end, before state changes. */

G_END_DECLS
