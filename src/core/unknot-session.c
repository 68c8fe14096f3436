/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-session.h"

#define USEC_PER_SEC ((gint64) G_USEC_PER_SEC)
/* back() restarts the current step after this much of it, else goes to the
 * previous one: a quick double press walks backwards. */
#define BACK_RESTART_USEC (3 * USEC_PER_SEC)
#define HALFWAY_MIN_USEC (20 * USEC_PER_SEC)
#define COUNTDOWN_MIN_USEC (10 * USEC_PER_SEC)

/* The cues a step segment can give, as bits of Segment::cues_done. */
enum {
  CUE_HALFWAY = 1 << 0,
  CUE_COUNT_3 = 1 << 1,
  CUE_COUNT_2 = 1 << 2,
  CUE_COUNT_1 = 1 << 3,
};

typedef struct
{
  UnknotSegmentKind kind;
  guint             step_index; /* for get-ready and rests, the step that comes next */
  UnknotSide        side;
  gint64            planned_usec;
  gint64            added_usec;
} Segment;

struct _UnknotSession
{
  GObject            parent_instance;

  UnknotRoutine     *routine;
  UnknotClock       *clock;
  guint              get_ready_seconds;
  guint              rest_seconds;
  GPtrArray         *steps;     /* UnknotStep, borrowed out by get_step() */
  GArray            *segments;  /* Segment */
  gboolean          *completed; /* per step */

  UnknotSessionState state;
  UnknotStopReason   stop_reason;
  guint              segment_index;

  /* The clock: everything is computed from these, never accumulated. */
  gint64             session_start;  /* monotonic µs of start() */
  gint64             segment_start;  /* planned start of the current segment, shifted by pauses */
  gint64             frozen_at;      /* when paused, stopped or finished */
  gint64             paused_usec;    /* total time spent paused */
  guint              cues_done;      /* CUE_* already given in this segment */
  gboolean           entry_cue_due;  /* the current segment's opening cue is still to give */
  guint              wake_id;        /* the one pending clock callback, or 0 */

  /* The step under way, as step-started and step-ended tell it. */
  gint               step_under_way;    /* its index, or -1 */
  gboolean           step_side_skipped; /* its left side was skipped */

  /* The values last notified. */
  guint              remaining_seconds;
  double             progress;
  gboolean           segment_entered; /* progress is due a recompute */

  GDateTime         *started_at;
  GDateTime         *ended_at;
};

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_CLOCK,
  PROP_GET_READY_SECONDS,
  PROP_REST_SECONDS,
  PROP_STATE,
  PROP_STOP_REASON,
  PROP_SEGMENT_INDEX,
  PROP_SEGMENT_KIND,
  PROP_STEP_INDEX,
  PROP_SIDE,
  PROP_REMAINING_SECONDS,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SIGNAL_CUE,
  SIGNAL_SEGMENT_CHANGED,
  SIGNAL_STEP_STARTED,
  SIGNAL_STEP_ENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotSession, unknot_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (unknot-session-error-quark, unknot_session_error)

/* The header declares no GTypes for its enums; properties and signal
 * arguments still want to be typed, so they are registered here. */
#define DEFINE_ENUM_TYPE(func, TypeName, ...) \
  static GType \
  func (void) \
  { \
    static gsize type_id = 0; \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
    if (g_once_init_enter (&type_id)) \
      g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string (TypeName), values)); \
    return type_id; \
  }

#define V(value, nick) { value, #value, nick }

DEFINE_ENUM_TYPE (session_state_get_type, "UnknotSessionState",
                  V (UNKNOT_SESSION_STATE_IDLE, "idle"),
                  V (UNKNOT_SESSION_STATE_RUNNING, "running"),
                  V (UNKNOT_SESSION_STATE_PAUSED, "paused"),
                  V (UNKNOT_SESSION_STATE_FINISHED, "finished"),
                  V (UNKNOT_SESSION_STATE_STOPPED, "stopped"))
DEFINE_ENUM_TYPE (stop_reason_get_type, "UnknotStopReason",
                  V (UNKNOT_STOP_REASON_NONE, "none"),
                  V (UNKNOT_STOP_REASON_USER, "user"),
                  V (UNKNOT_STOP_REASON_SAFETY, "safety"),
                  V (UNKNOT_STOP_REASON_WINDOW_CLOSED, "window-closed"))
DEFINE_ENUM_TYPE (segment_kind_get_type, "UnknotSegmentKind",
                  V (UNKNOT_SEGMENT_GET_READY, "get-ready"),
                  V (UNKNOT_SEGMENT_STEP, "step"),
                  V (UNKNOT_SEGMENT_REST, "rest"))
DEFINE_ENUM_TYPE (side_get_type, "UnknotSide",
                  V (UNKNOT_SIDE_NONE, "none"),
                  V (UNKNOT_SIDE_LEFT, "left"),
                  V (UNKNOT_SIDE_RIGHT, "right"))
DEFINE_ENUM_TYPE (cue_kind_get_type, "UnknotCueKind",
                  V (UNKNOT_CUE_STEP_START, "step-start"),
                  V (UNKNOT_CUE_COUNTDOWN, "countdown"),
                  V (UNKNOT_CUE_HALFWAY, "halfway"),
                  V (UNKNOT_CUE_SWITCH_SIDES, "switch-sides"),
                  V (UNKNOT_CUE_REST, "rest"),
                  V (UNKNOT_CUE_FINISH, "finish"))
DEFINE_ENUM_TYPE (step_end_get_type, "UnknotStepEnd",
                  V (UNKNOT_STEP_END_COMPLETED, "completed"),
                  V (UNKNOT_STEP_END_SKIPPED, "skipped"),
                  V (UNKNOT_STEP_END_BACK, "back"),
                  V (UNKNOT_STEP_END_STOPPED, "stopped"))

#undef V
#undef DEFINE_ENUM_TYPE

static void schedule_wake (UnknotSession *self);

static Segment *
segment_at (UnknotSession *self,
            guint          index)
{
  return &g_array_index (self->segments, Segment, index);
}

static Segment *
current_segment (UnknotSession *self)
{
  return segment_at (self, self->segment_index);
}

static gint64
segment_duration (const Segment *segment)
{
  return segment->planned_usec + segment->added_usec;
}

static gint64
segment_end (UnknotSession *self)
{
  return self->segment_start + segment_duration (current_segment (self));
}

static gboolean
is_active (UnknotSession *self)
{
  return self->state == UNKNOT_SESSION_STATE_RUNNING || self->state == UNKNOT_SESSION_STATE_PAUSED;
}

static gint64
segment_elapsed (UnknotSession *self)
{
  switch (self->state)
    {
    case UNKNOT_SESSION_STATE_IDLE:
      return 0;
    case UNKNOT_SESSION_STATE_RUNNING:
      return unknot_clock_now (self->clock) - self->segment_start;
    case UNKNOT_SESSION_STATE_FINISHED:
      return segment_duration (current_segment (self));
    case UNKNOT_SESSION_STATE_PAUSED:
    case UNKNOT_SESSION_STATE_STOPPED:
    default:
      return self->frozen_at - self->segment_start;
    }
}

static gint64
remaining_usec (UnknotSession *self)
{
  return MAX (0, segment_duration (current_segment (self)) - segment_elapsed (self));
}

static guint
usec_to_seconds_up (gint64 usec)
{
  return (guint) ((usec + USEC_PER_SEC - 1) / USEC_PER_SEC);
}

static double
compute_progress (UnknotSession *self)
{
  gint64 done = 0;
  gint64 total = 0;

  if (self->state == UNKNOT_SESSION_STATE_FINISHED)
    return 1.0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      gint64 duration = segment_duration (segment_at (self, i));

      total += duration;
      if (i < self->segment_index)
        done += duration;
    }
  done += MIN (segment_elapsed (self), segment_duration (current_segment (self)));

  return total > 0 ? CLAMP ((double) done / (double) total, 0.0, 1.0) : 1.0;
}

/* Notifies remaining-seconds when the whole second shown has changed, and
 * progress with it, so a session wakes watchers once a second at most. */
static void
update_time_properties (UnknotSession *self)
{
  guint seconds = usec_to_seconds_up (remaining_usec (self));
  gboolean seconds_changed = seconds != self->remaining_seconds;

  if (seconds_changed)
    {
      self->remaining_seconds = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_SECONDS]);
    }

  if (seconds_changed || self->segment_entered)
    {
      double progress = compute_progress (self);

      self->segment_entered = FALSE;
      if (progress != self->progress)
        {
          self->progress = progress;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
        }
    }
}

static void
set_state (UnknotSession      *self,
           UnknotSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
cancel_wake (UnknotSession *self)
{
  if (self->wake_id != 0)
    {
      unknot_clock_cancel (self->clock, self->wake_id);
      self->wake_id = 0;
    }
}

static void
emit_cue (UnknotSession *self,
          UnknotCueKind  kind,
          guint          count)
{
  const Segment *segment = current_segment (self);

  g_signal_emit (self, signals[SIGNAL_CUE], 0, kind, segment->step_index, segment->side, count);
}

/* Ends the step under way, if there is one, the way @how says. */
static void
end_step (UnknotSession *self,
          UnknotStepEnd  how)
{
  guint index;

  if (self->step_under_way < 0)
    return;
  index = (guint) self->step_under_way;
  if (how == UNKNOT_STEP_END_COMPLETED && self->step_side_skipped)
    how = UNKNOT_STEP_END_SKIPPED;
  self->step_under_way = -1;
  g_signal_emit (self, signals[SIGNAL_STEP_ENDED], 0, index, how);
}

/* After the current segment was entered by leaving the one before as @how:
 * ends the step left, starts the step entered.  A step's right side after
 * its left is the same step going on. */
static void
follow_steps (UnknotSession *self,
              UnknotStepEnd  how)
{
  const Segment *segment = current_segment (self);

  if (segment->kind == UNKNOT_SEGMENT_STEP && (gint) segment->step_index == self->step_under_way
      && how != UNKNOT_STEP_END_BACK)
    {
      self->step_side_skipped |= how == UNKNOT_STEP_END_SKIPPED;
      return;
    }

  end_step (self, how);
  /* A handler may have moved on or stopped the session meanwhile. */
  segment = current_segment (self);
  if (segment->kind == UNKNOT_SEGMENT_STEP && self->step_under_way < 0 && is_active (self))
    {
      self->step_under_way = (gint) segment->step_index;
      self->step_side_skipped = FALSE;
      g_signal_emit (self, signals[SIGNAL_STEP_STARTED], 0, segment->step_index);
    }
}

/* Makes @index the current segment, starting at @start (a past deadline, so
 * that lateness never carries over, or the moment of a skip or back); the
 * segment before is left as @how says. */
static void
enter_segment (UnknotSession *self,
               guint          index,
               gint64         start,
               UnknotStepEnd  how)
{
  const Segment *old = current_segment (self);
  const Segment *segment = segment_at (self, index);
  gboolean index_changed = index != self->segment_index;

  g_object_freeze_notify (G_OBJECT (self));

  self->segment_index = index;
  self->segment_start = start;
  self->cues_done = 0;
  self->entry_cue_due = segment->kind != UNKNOT_SEGMENT_GET_READY;
  self->segment_entered = TRUE;

  if (index_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT_INDEX]);
  if (old->kind != segment->kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT_KIND]);
  if (old->step_index != segment->step_index)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_INDEX]);
  if (old->side != segment->side)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
  update_time_properties (self);

  g_object_thaw_notify (G_OBJECT (self));

  follow_steps (self, how);
  if (index_changed)
    g_signal_emit (self, signals[SIGNAL_SEGMENT_CHANGED], 0);
}

static void
mark_step_done_if_last (UnknotSession *self)
{
  const Segment *segment = current_segment (self);
  guint next = self->segment_index + 1;

  if (segment->kind != UNKNOT_SEGMENT_STEP)
    return;
  if (next < self->segments->len
      && segment_at (self, next)->kind == UNKNOT_SEGMENT_STEP
      && segment_at (self, next)->step_index == segment->step_index)
    return;
  self->completed[segment->step_index] = TRUE;
}

static void
finish (UnknotSession *self,
        gint64         at,
        UnknotStepEnd  how)
{
  end_step (self, how);
  if (!is_active (self))
    return;

  cancel_wake (self);
  if (self->state == UNKNOT_SESSION_STATE_PAUSED)
    self->paused_usec += at - self->frozen_at;
  self->frozen_at = at;
  self->ended_at = unknot_clock_now_local (self->clock);

  g_object_freeze_notify (G_OBJECT (self));
  self->state = UNKNOT_SESSION_STATE_FINISHED;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  update_time_properties (self);
  g_object_thaw_notify (G_OBJECT (self));

  emit_cue (self, UNKNOT_CUE_FINISH, 0);
}

/* Leaves the current segment for the next one at @at, or finishes. */
static void
leave_segment (UnknotSession *self,
               gint64         at)
{
  mark_step_done_if_last (self);
  if (self->segment_index + 1 >= self->segments->len)
    finish (self, at, UNKNOT_STEP_END_COMPLETED);
  else
    enter_segment (self, self->segment_index + 1, at, UNKNOT_STEP_END_COMPLETED);
}

/* The time of each cue the current segment still owes, or G_MAXINT64. */
static gint64
cue_time (UnknotSession *self,
          guint          cue)
{
  const Segment *segment = current_segment (self);
  gint64 duration = segment_duration (segment);
  gint64 end = self->segment_start + duration;

  if (segment->kind != UNKNOT_SEGMENT_STEP || (self->cues_done & cue) != 0)
    return G_MAXINT64;

  switch (cue)
    {
    case CUE_HALFWAY:
      return duration >= HALFWAY_MIN_USEC ? self->segment_start + duration / 2 : G_MAXINT64;
    case CUE_COUNT_3:
      return duration >= COUNTDOWN_MIN_USEC ? end - 3 * USEC_PER_SEC : G_MAXINT64;
    case CUE_COUNT_2:
      return duration >= COUNTDOWN_MIN_USEC ? end - 2 * USEC_PER_SEC : G_MAXINT64;
    case CUE_COUNT_1:
      return duration >= COUNTDOWN_MIN_USEC ? end - 1 * USEC_PER_SEC : G_MAXINT64;
    default:
      g_assert_not_reached ();
    }
}

static const guint all_cues[] = { CUE_HALFWAY, CUE_COUNT_3, CUE_COUNT_2, CUE_COUNT_1 };

/* The earliest cue still owed, as a CUE_* bit, or 0. */
static guint
next_cue (UnknotSession *self,
          gint64        *when)
{
  guint best = 0;

  *when = G_MAXINT64;
  for (guint i = 0; i < G_N_ELEMENTS (all_cues); i++)
    {
      gint64 t = cue_time (self, all_cues[i]);

      if (t < *when)
        {
          *when = t;
          best = all_cues[i];
        }
    }
  return best;
}

static void
give_cue (UnknotSession *self,
          guint          cue)
{
  self->cues_done |= cue;
  switch (cue)
    {
    case CUE_HALFWAY: emit_cue (self, UNKNOT_CUE_HALFWAY, 0); break;
    case CUE_COUNT_3: emit_cue (self, UNKNOT_CUE_COUNTDOWN, 3); break;
    case CUE_COUNT_2: emit_cue (self, UNKNOT_CUE_COUNTDOWN, 2); break;
    case CUE_COUNT_1: emit_cue (self, UNKNOT_CUE_COUNTDOWN, 1); break;
    default: g_assert_not_reached ();
    }
}

static void
give_entry_cue (UnknotSession *self)
{
  const Segment *segment = current_segment (self);

  self->entry_cue_due = FALSE;
  if (segment->kind == UNKNOT_SEGMENT_REST)
    emit_cue (self, UNKNOT_CUE_REST, 0);
  else if (segment->kind == UNKNOT_SEGMENT_STEP)
    emit_cue (self, segment->side == UNKNOT_SIDE_RIGHT ? UNKNOT_CUE_SWITCH_SIDES : UNKNOT_CUE_STEP_START, 0);
}

/* Does everything that has fallen due, then sleeps until the next thing.
 *
 * Signal handlers may pause, skip or stop from inside, so every pass
 * starts again from the fields rather than from what it saw before. */
static void
run_due (UnknotSession *self)
{
  g_object_ref (self);

  while (self->state == UNKNOT_SESSION_STATE_RUNNING)
    {
      gint64 now = unknot_clock_now (self->clock);
      gint64 end = segment_end (self);
      gint64 when;
      guint cue;

      if (self->entry_cue_due)
        {
          give_entry_cue (self);
          continue;
        }

      cue = next_cue (self, &when);
      if (cue != 0 && when <= MIN (now, end))
        {
          /* A countdown number and the second it names change together;
           * show the number before it is spoken. */
          if (now < end)
            update_time_properties (self);
          give_cue (self, cue);
          continue;
        }

      if (now < end)
        break;

      /* The next segment starts at this one's deadline, not at now: a
       * late wake-up is not carried into the rest of the session. */
      leave_segment (self, end);
    }

  if (self->state == UNKNOT_SESSION_STATE_RUNNING)
    {
      update_time_properties (self);
      schedule_wake (self);
    }

  g_object_unref (self);
}

static gboolean
wake_cb (gpointer data)
{
  UnknotSession *self = data;

  self->wake_id = 0;
  run_due (self);
  return G_SOURCE_REMOVE;
}

/* One callback at a time, at the earliest of: the segment's end, its next
 * cue, the second boundary at which remaining-seconds changes. */
static void
schedule_wake (UnknotSession *self)
{
  gint64 now = unknot_clock_now (self->clock);
  gint64 end = segment_end (self);
  gint64 wake = end;
  gint64 cue_when;

  cancel_wake (self);

  if (end > now)
    {
      guint seconds = usec_to_seconds_up (end - now);
      wake = MIN (wake, end - (gint64) (seconds - 1) * USEC_PER_SEC);
    }
  if (next_cue (self, &cue_when) != 0)
    wake = MIN (wake, cue_when);

  self->wake_id = unknot_clock_schedule (self->clock, wake, wake_cb, self, NULL);
}

/* Moves to segment @index from a skip or back (@how): it starts now, or,
 * while paused, starts whole when resumed. */
static void
jump_to (UnknotSession *self,
         guint          index,
         UnknotStepEnd  how)
{
  gint64 start = self->state == UNKNOT_SESSION_STATE_PAUSED
    ? self->frozen_at
    : unknot_clock_now (self->clock);

  enter_segment (self, index, start, how);
  if (self->state == UNKNOT_SESSION_STATE_RUNNING)
    run_due (self);
}

static void
build_segments (UnknotSession *self)
{
  Segment segment = { 0, };

  if (self->get_ready_seconds > 0)
    {
      segment.kind = UNKNOT_SEGMENT_GET_READY;
      segment.step_index = 0;
      segment.side = UNKNOT_SIDE_NONE;
      segment.planned_usec = (gint64) self->get_ready_seconds * USEC_PER_SEC;
      g_array_append_val (self->segments, segment);
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      UnknotStep *step = g_ptr_array_index (self->steps, i);
      gint64 duration = (gint64) unknot_step_get_duration (step) * USEC_PER_SEC;

      if (i > 0 && self->rest_seconds > 0)
        {
          segment.kind = UNKNOT_SEGMENT_REST;
          segment.step_index = i;
          segment.side = UNKNOT_SIDE_NONE;
          segment.planned_usec = (gint64) self->rest_seconds * USEC_PER_SEC;
          g_array_append_val (self->segments, segment);
        }

      segment.kind = UNKNOT_SEGMENT_STEP;
      segment.step_index = i;
      segment.planned_usec = duration;
      if (unknot_step_get_sides (step) == UNKNOT_SIDES_LEFT_RIGHT)
        {
          segment.side = UNKNOT_SIDE_LEFT;
          g_array_append_val (self->segments, segment);
          segment.side = UNKNOT_SIDE_RIGHT;
          g_array_append_val (self->segments, segment);
        }
      else
        {
          segment.side = UNKNOT_SIDE_NONE;
          g_array_append_val (self->segments, segment);
        }
    }
}

static void
unknot_session_constructed (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);
  GListModel *steps;

  G_OBJECT_CLASS (unknot_session_parent_class)->constructed (object);

  g_assert (self->routine != NULL);
  g_assert (self->clock != NULL);

  steps = unknot_routine_get_steps (self->routine);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    g_ptr_array_add (self->steps, g_list_model_get_item (steps, i));
  self->completed = g_new0 (gboolean, MAX (self->steps->len, 1));

  build_segments (self);
  if (self->segments->len == 0)
    {
      /* A routine without steps is refused by the loader; stay usable
       * rather than index an empty list. */
      Segment empty = { UNKNOT_SEGMENT_GET_READY, 0, UNKNOT_SIDE_NONE, 0, 0 };
      g_array_append_val (self->segments, empty);
    }

  self->remaining_seconds = usec_to_seconds_up (remaining_usec (self));
}

static void
unknot_session_dispose (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  /* The clock may outlive us; it must never call into a dead session. */
  if (self->clock != NULL)
    cancel_wake (self);

  G_OBJECT_CLASS (unknot_session_parent_class)->dispose (object);
}

static void
unknot_session_finalize (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  g_clear_object (&self->routine);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->completed, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);

  G_OBJECT_CLASS (unknot_session_parent_class)->finalize (object);
}

static void
unknot_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_GET_READY_SECONDS:
      g_value_set_uint (value, self->get_ready_seconds);
      break;
    case PROP_REST_SECONDS:
      g_value_set_uint (value, self->rest_seconds);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_STOP_REASON:
      g_value_set_enum (value, self->stop_reason);
      break;
    case PROP_SEGMENT_INDEX:
      g_value_set_uint (value, self->segment_index);
      break;
    case PROP_SEGMENT_KIND:
      g_value_set_enum (value, unknot_session_get_segment_kind (self));
      break;
    case PROP_STEP_INDEX:
      g_value_set_uint (value, unknot_session_get_step_index (self));
      break;
    case PROP_SIDE:
      g_value_set_enum (value, unknot_session_get_side (self));
      break;
    case PROP_REMAINING_SECONDS:
      g_value_set_uint (value, self->remaining_seconds);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_GET_READY_SECONDS:
      self->get_ready_seconds = g_value_get_uint (value);
      break;
    case PROP_REST_SECONDS:
      self->rest_seconds = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_class_init (UnknotSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags state = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = unknot_session_constructed;
  object_class->dispose = unknot_session_dispose;
  object_class->finalize = unknot_session_finalize;
  object_class->get_property = unknot_session_get_property;
  object_class->set_property = unknot_session_set_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, UNKNOT_TYPE_ROUTINE, construct);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, UNKNOT_TYPE_CLOCK, construct);
  properties[PROP_GET_READY_SECONDS] =
    g_param_spec_uint ("get-ready-seconds", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_REST_SECONDS] =
    g_param_spec_uint ("rest-seconds", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, session_state_get_type (), UNKNOT_SESSION_STATE_IDLE, state);
  properties[PROP_STOP_REASON] =
    g_param_spec_enum ("stop-reason", NULL, NULL, stop_reason_get_type (), UNKNOT_STOP_REASON_NONE, state);
  properties[PROP_SEGMENT_INDEX] =
    g_param_spec_uint ("segment-index", NULL, NULL, 0, G_MAXUINT, 0, state);
  properties[PROP_SEGMENT_KIND] =
    g_param_spec_enum ("segment-kind", NULL, NULL, segment_kind_get_type (), UNKNOT_SEGMENT_GET_READY, state);
  properties[PROP_STEP_INDEX] =
    g_param_spec_uint ("step-index", NULL, NULL, 0, G_MAXUINT, 0, state);
  properties[PROP_SIDE] =
    g_param_spec_enum ("side", NULL, NULL, side_get_type (), UNKNOT_SIDE_NONE, state);
  properties[PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL, 0, G_MAXUINT, 0, state);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, state);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CUE] =
    g_signal_new ("cue",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  cue_kind_get_type (), G_TYPE_UINT, side_get_type (), G_TYPE_UINT);
  signals[SIGNAL_SEGMENT_CHANGED] =
    g_signal_new ("segment-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_STEP_STARTED] =
    g_signal_new ("step-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_STEP_ENDED] =
    g_signal_new ("step-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, step_end_get_type ());
}

static void
unknot_session_init (UnknotSession *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  self->step_under_way = -1;
}

UnknotSession *
unknot_session_new (UnknotRoutine *routine,
                    UnknotClock   *clock,
                    guint          get_ready_seconds,
                    guint          rest_seconds)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (UNKNOT_IS_CLOCK (clock), NULL);

  return g_object_new (UNKNOT_TYPE_SESSION,
                       "routine", routine,
                       "clock", clock,
                       "get-ready-seconds", get_ready_seconds,
                       "rest-seconds", rest_seconds,
                       NULL);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, UNKNOT_SESSION_ERROR, UNKNOT_SESSION_ERROR_STATE, message);
  return FALSE;
}

/* The common refusal of everything but start() outside a live session. */
static gboolean
check_active (UnknotSession  *self,
              GError        **error)
{
  switch (self->state)
    {
    case UNKNOT_SESSION_STATE_IDLE:
      return refuse (error, _("The session has not started yet"));
    case UNKNOT_SESSION_STATE_FINISHED:
    case UNKNOT_SESSION_STATE_STOPPED:
      return refuse (error, _("The session has already ended"));
    case UNKNOT_SESSION_STATE_RUNNING:
    case UNKNOT_SESSION_STATE_PAUSED:
    default:
      return TRUE;
    }
}

gboolean
unknot_session_start (UnknotSession  *self,
                      GError        **error)
{
  gint64 now;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != UNKNOT_SESSION_STATE_IDLE)
    return refuse (error, is_active (self) ? _("The session has already started")
                                           : _("The session has already ended"));

  now = unknot_clock_now (self->clock);
  self->session_start = now;
  self->started_at = unknot_clock_now_local (self->clock);

  g_object_freeze_notify (G_OBJECT (self));
  set_state (self, UNKNOT_SESSION_STATE_RUNNING);
  /* Nothing is under way to be left. */
  enter_segment (self, 0, now, UNKNOT_STEP_END_COMPLETED);
  g_object_thaw_notify (G_OBJECT (self));

  run_due (self);
  return TRUE;
}

gboolean
unknot_session_pause (UnknotSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_active (self, error))
    return FALSE;
  if (self->state == UNKNOT_SESSION_STATE_PAUSED)
    return refuse (error, _("The session is already paused"));

  /* Pausing freezes the deadlines: nothing is due until resume. */
  cancel_wake (self);
  self->frozen_at = unknot_clock_now (self->clock);
  set_state (self, UNKNOT_SESSION_STATE_PAUSED);
  return TRUE;
}

gboolean
unknot_session_resume (UnknotSession  *self,
                       GError        **error)
{
  gint64 paused;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_active (self, error))
    return FALSE;
  if (self->state == UNKNOT_SESSION_STATE_RUNNING)
    return refuse (error, _("The session is not paused"));

  paused = unknot_clock_now (self->clock) - self->frozen_at;
  self->segment_start += paused;
  self->paused_usec += paused;
  set_state (self, UNKNOT_SESSION_STATE_RUNNING);

  run_due (self);
  return TRUE;
}

gboolean
unknot_session_skip (UnknotSession  *self,
                     GError        **error)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_active (self, error))
    return FALSE;

  mark_step_done_if_last (self);
  if (self->segment_index + 1 >= self->segments->len)
    finish (self, self->state == UNKNOT_SESSION_STATE_PAUSED
                    ? self->frozen_at
                    : unknot_clock_now (self->clock),
            UNKNOT_STEP_END_SKIPPED);
  else
    jump_to (self, self->segment_index + 1, UNKNOT_STEP_END_SKIPPED);
  return TRUE;
}

static guint
first_segment_of_step (UnknotSession *self,
                       guint          step_index)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = segment_at (self, i);

      if (segment->kind == UNKNOT_SEGMENT_STEP && segment->step_index == step_index)
        return i;
    }
  g_assert_not_reached ();
}

gboolean
unknot_session_back (UnknotSession  *self,
                     GError        **error)
{
  const Segment *segment;
  guint target;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_active (self, error))
    return FALSE;

  segment = current_segment (self);
  switch (segment->kind)
    {
    case UNKNOT_SEGMENT_GET_READY:
      target = self->segment_index;
      break;

    case UNKNOT_SEGMENT_REST:
      /* A rest follows the step the user has just done: that is "back". */
      target = first_segment_of_step (self, segment->step_index - 1);
      break;

    case UNKNOT_SEGMENT_STEP:
    default:
      {
        guint first = first_segment_of_step (self, segment->step_index);
        gint64 into_step = segment_elapsed (self);

        for (guint i = first; i < self->segment_index; i++)
          into_step += segment_duration (segment_at (self, i));

        if (into_step > BACK_RESTART_USEC || segment->step_index == 0)
          target = first;
        else
          target = first_segment_of_step (self, segment->step_index - 1);
      }
      break;
    }

  /* Segments done again run their planned length; added time was for the
   * first time through. */
  for (guint i = target; i <= self->segment_index; i++)
    segment_at (self, i)->added_usec = 0;

  jump_to (self, target, UNKNOT_STEP_END_BACK);
  return TRUE;
}

gboolean
unknot_session_add_time (UnknotSession  *self,
                         guint           seconds,
                         GError        **error)
{
  Segment *segment;
  gint64 elapsed;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_active (self, error))
    return FALSE;

  segment = current_segment (self);
  elapsed = segment_elapsed (self);
  segment->added_usec += (gint64) seconds * USEC_PER_SEC;

  /* The countdown belongs to the new end: counts now ahead are given
   * again, counts already behind are not given late.  The halfway cue is
   * given once, wherever the middle moves. */
  for (guint i = 0; i < G_N_ELEMENTS (all_cues); i++)
    {
      guint cue = all_cues[i];
      gint64 when;

      if (cue == CUE_HALFWAY && (self->cues_done & cue) != 0)
        continue;
      self->cues_done &= ~cue;
      when = cue_time (self, cue);
      if (when != G_MAXINT64 && when - self->segment_start <= elapsed)
        self->cues_done |= cue;
    }

  update_time_properties (self);
  if (self->state == UNKNOT_SESSION_STATE_RUNNING)
    schedule_wake (self);
  return TRUE;
}

gboolean
unknot_session_stop (UnknotSession     *self,
                     UnknotStopReason   reason,
                     GError           **error)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (reason != UNKNOT_STOP_REASON_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_active (self, error))
    return FALSE;

  end_step (self, UNKNOT_STEP_END_STOPPED);
  /* A step-ended handler may have stopped it already. */
  if (!is_active (self))
    return TRUE;

  cancel_wake (self);
  if (self->state == UNKNOT_SESSION_STATE_RUNNING)
    self->frozen_at = unknot_clock_now (self->clock);
  self->ended_at = unknot_clock_now_local (self->clock);

  g_object_freeze_notify (G_OBJECT (self));
  self->stop_reason = reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOP_REASON]);
  set_state (self, UNKNOT_SESSION_STATE_STOPPED);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

UnknotRoutine *
unknot_session_get_routine (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->routine;
}

UnknotSessionState
unknot_session_get_state (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SESSION_STATE_IDLE);
  return self->state;
}

UnknotStopReason
unknot_session_get_stop_reason (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_STOP_REASON_NONE);
  return self->stop_reason;
}

guint
unknot_session_get_n_segments (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->segments->len;
}

guint
unknot_session_get_segment_index (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->segment_index;
}

UnknotSegmentKind
unknot_session_get_segment_kind (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SEGMENT_STEP);
  return current_segment (self)->kind;
}

guint
unknot_session_get_step_index (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return current_segment (self)->step_index;
}

guint
unknot_session_get_n_steps (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->steps->len;
}

UnknotStep *
unknot_session_get_step (UnknotSession *self)
{
  guint index;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);

  index = current_segment (self)->step_index;
  return index < self->steps->len ? g_ptr_array_index (self->steps, index) : NULL;
}

UnknotStep *
unknot_session_get_next_step (UnknotSession *self)
{
  guint index;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);

  index = current_segment (self)->step_index + 1;
  return index < self->steps->len ? g_ptr_array_index (self->steps, index) : NULL;
}

UnknotSide
unknot_session_get_side (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SIDE_NONE);
  return current_segment (self)->side;
}

guint
unknot_session_get_remaining_seconds (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->remaining_seconds;
}

gint64
unknot_session_get_remaining_usec (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return remaining_usec (self);
}

gint64
unknot_session_get_segment_duration_usec (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return segment_duration (current_segment (self));
}

double
unknot_session_get_progress (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0.0);
  return self->progress;
}

gint64
unknot_session_get_segment_deadline (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);

  if (self->state == UNKNOT_SESSION_STATE_RUNNING || self->state == UNKNOT_SESSION_STATE_FINISHED)
    return segment_end (self);
  return unknot_clock_now (self->clock) + remaining_usec (self);
}

GDateTime *
unknot_session_get_started_at (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->started_at;
}

GDateTime *
unknot_session_get_ended_at (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->ended_at;
}

gint64
unknot_session_get_active_usec (UnknotSession *self)
{
  gint64 until;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);

  if (self->state == UNKNOT_SESSION_STATE_IDLE)
    return 0;
  until = self->state == UNKNOT_SESSION_STATE_RUNNING ? unknot_clock_now (self->clock) : self->frozen_at;
  return until - self->session_start - self->paused_usec;
}

guint
unknot_session_get_steps_completed (UnknotSession *self)
{
  guint n = 0;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    n += self->completed[i] ? 1 : 0;
  return n;
}
