/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-session"

#include "config.h"

#include "unknot-session-recorder.h"

/* A step's start or end, held while the session's row does not exist yet. */
typedef struct
{
  gboolean           started;    /* else it ended */
  guint              step_index;
  char              *step_title; /* started only */
  UnknotStepOutcome  outcome;    /* ended only */
  GDateTime         *at;
} StepEvent;

struct _UnknotSessionRecorder
{
  GObject        parent_instance;

  UnknotStore   *store;
  UnknotSession *session;
  UnknotClock   *clock;

  gint64         session_id;
  gboolean       begun;    /* the session's row was asked for */
  gboolean       waiting;  /* ...and the store has not answered yet */
  gboolean       end_due;  /* the session ended meanwhile */
  GArray        *held;     /* StepEvent, meanwhile */
};

enum {
  PROP_0,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotSessionRecorder, unknot_session_recorder, G_TYPE_OBJECT)

static void
step_event_clear (StepEvent *event)
{
  g_clear_pointer (&event->step_title, g_free);
  g_clear_pointer (&event->at, g_date_time_unref);
}

/* One answer for every write: only a failure needs saying.  @user_data
 * names what was written. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  UnknotStore *store = UNKNOT_STORE (source);
  const char *what = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (g_async_result_is_tagged (result, unknot_store_begin_step_async))
    saved = unknot_store_begin_step_finish (store, result, &error) > 0;
  else if (g_async_result_is_tagged (result, unknot_store_end_step_async))
    saved = unknot_store_end_step_finish (store, result, &error);
  else if (g_async_result_is_tagged (result, unknot_store_end_session_async))
    saved = unknot_store_end_session_finish (store, result, &error);
  else
    saved = unknot_store_add_safety_event_finish (store, result, &error);

  if (!saved)
    g_warning ("%s was not saved: %s", what, error != NULL ? error->message : "unknown error");
}

static void
write_step_event (UnknotSessionRecorder *self,
                  const StepEvent       *event)
{
  if (event->started)
    unknot_store_begin_step_async (self->store, self->session_id, event->step_index, event->step_title,
                                   event->at, NULL, written_cb, (gpointer) "The start of a step");
  else
    unknot_store_end_step_async (self->store, self->session_id, event->outcome, event->at,
                                 NULL, written_cb, (gpointer) "The end of a step");
}

/* Takes @event's contents. */
static void
record_step_event (UnknotSessionRecorder *self,
                   StepEvent             *event)
{
  if (self->waiting)
    {
      g_array_append_val (self->held, *event);
      return;
    }
  if (self->session_id > 0)
    write_step_event (self, event);
  step_event_clear (event);
}

static void
write_end (UnknotSessionRecorder *self)
{
  UnknotSession *session = self->session;
  UnknotSessionOutcome outcome;
  const char *reason = NULL;
  g_autoptr(GDateTime) ended = NULL;

  switch (unknot_session_get_stop_reason (session))
    {
    case UNKNOT_STOP_REASON_SAFETY:
      outcome = UNKNOT_SESSION_OUTCOME_SAFETY;
      reason = "doesn't feel right";
      break;
    case UNKNOT_STOP_REASON_USER:
      outcome = UNKNOT_SESSION_OUTCOME_STOPPED;
      reason = "stopped";
      break;
    case UNKNOT_STOP_REASON_WINDOW_CLOSED:
      outcome = UNKNOT_SESSION_OUTCOME_STOPPED;
      reason = "window closed";
      break;
    case UNKNOT_STOP_REASON_NONE:
    default:
      outcome = UNKNOT_SESSION_OUTCOME_COMPLETED;
      break;
    }

  ended = unknot_session_get_ended_at (session) != NULL
          ? g_date_time_ref (unknot_session_get_ended_at (session))
          : unknot_clock_now_local (self->clock);
  unknot_store_end_session_async (self->store, self->session_id, outcome, reason, ended,
                                  (guint) (unknot_session_get_active_usec (session) / G_USEC_PER_SEC),
                                  unknot_session_get_steps_completed (session),
                                  NULL, written_cb, (gpointer) "The end of the session");
  if (outcome == UNKNOT_SESSION_OUTCOME_SAFETY)
    unknot_store_add_safety_event_async (self->store, self->session_id, "session-stop",
                                         (gint) unknot_session_get_step_index (session), ended,
                                         NULL, written_cb, (gpointer) "The safety stop");
}

static void
begun_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UnknotSessionRecorder) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = unknot_store_begin_session_finish (UNKNOT_STORE (source), result, &error);

  self->waiting = FALSE;
  if (id <= 0)
    {
      g_warning ("The session is not being saved: %s", error != NULL ? error->message : "unknown error");
      g_array_set_size (self->held, 0);
      return;
    }

  self->session_id = id;
  for (guint i = 0; i < self->held->len; i++)
    write_step_event (self, &g_array_index (self->held, StepEvent, i));
  g_array_set_size (self->held, 0);
  if (self->end_due)
    {
      self->end_due = FALSE;
      write_end (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

/* The row is asked for once the session has started: at its first step or
 * its first change of state, whichever it tells first. */
static void
ensure_begun (UnknotSessionRecorder *self)
{
  UnknotSession *session = self->session;
  UnknotRoutine *routine = unknot_session_get_routine (session);
  g_autoptr(GDateTime) started = NULL;

  if (self->begun || unknot_session_get_state (session) == UNKNOT_SESSION_STATE_IDLE)
    return;

  self->begun = self->waiting = TRUE;
  started = unknot_session_get_started_at (session) != NULL
            ? g_date_time_ref (unknot_session_get_started_at (session))
            : unknot_clock_now_local (self->clock);
  unknot_store_begin_session_async (self->store, unknot_routine_get_id (routine), unknot_routine_get_title (routine),
                                    unknot_session_get_n_steps (session), started, NULL,
                                    begun_cb, g_object_ref (self));
}

static void
state_changed_cb (UnknotSession         *session,
                  GParamSpec            *pspec,
                  UnknotSessionRecorder *self)
{
  UnknotSessionState state = unknot_session_get_state (session);

  ensure_begun (self);
  if (state != UNKNOT_SESSION_STATE_FINISHED && state != UNKNOT_SESSION_STATE_STOPPED)
    return;
  if (self->waiting)
    self->end_due = TRUE;
  else if (self->session_id > 0)
    write_end (self);
}

static void
step_started_cb (UnknotSession         *session,
                 guint                  step_index,
                 UnknotSessionRecorder *self)
{
  g_autoptr(UnknotStep) step = g_list_model_get_item (unknot_routine_get_steps (unknot_session_get_routine (session)),
                                                      step_index);
  StepEvent event = { TRUE, step_index, NULL, UNKNOT_STEP_OUTCOME_RUNNING, NULL };

  g_return_if_fail (step != NULL);

  ensure_begun (self);
  event.step_title = g_strdup (unknot_step_get_title (step));
  event.at = unknot_clock_now_local (self->clock);
  record_step_event (self, &event);
}

static void
step_ended_cb (UnknotSession         *session,
               guint                  step_index,
               UnknotStepEnd          how,
               UnknotSessionRecorder *self)
{
  StepEvent event = { FALSE, step_index, NULL, UNKNOT_STEP_OUTCOME_COMPLETED, NULL };

  switch (how)
    {
    case UNKNOT_STEP_END_SKIPPED:
      event.outcome = UNKNOT_STEP_OUTCOME_SKIPPED;
      break;
    case UNKNOT_STEP_END_BACK:
      event.outcome = UNKNOT_STEP_OUTCOME_BACK;
      break;
    case UNKNOT_STEP_END_STOPPED:
      event.outcome = UNKNOT_STEP_OUTCOME_STOPPED;
      break;
    case UNKNOT_STEP_END_COMPLETED:
    default:
      event.outcome = UNKNOT_STEP_OUTCOME_COMPLETED;
      break;
    }
  event.at = unknot_clock_now_local (self->clock);
  record_step_event (self, &event);
}

static void
unknot_session_recorder_dispose (GObject *object)
{
  UnknotSessionRecorder *self = UNKNOT_SESSION_RECORDER (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (unknot_session_recorder_parent_class)->dispose (object);
}

static void
unknot_session_recorder_finalize (GObject *object)
{
  UnknotSessionRecorder *self = UNKNOT_SESSION_RECORDER (object);

  g_clear_pointer (&self->held, g_array_unref);

  G_OBJECT_CLASS (unknot_session_recorder_parent_class)->finalize (object);
}

static void
unknot_session_recorder_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UnknotSessionRecorder *self = UNKNOT_SESSION_RECORDER (object);

  switch (prop_id)
    {
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_recorder_class_init (UnknotSessionRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_session_recorder_dispose;
  object_class->finalize = unknot_session_recorder_finalize;
  object_class->get_property = unknot_session_recorder_get_property;

  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_session_recorder_init (UnknotSessionRecorder *self)
{
  self->held = g_array_new (FALSE, TRUE, sizeof (StepEvent));
  g_array_set_clear_func (self->held, (GDestroyNotify) step_event_clear);
}

UnknotSessionRecorder *
unknot_session_recorder_new (UnknotStore   *store,
                             UnknotSession *session)
{
  UnknotSessionRecorder *self;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);
  g_return_val_if_fail (UNKNOT_IS_SESSION (session), NULL);

  self = g_object_new (UNKNOT_TYPE_SESSION_RECORDER, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  g_object_get (session, "clock", &self->clock, NULL);

  g_signal_connect (session, "notify::state", G_CALLBACK (state_changed_cb), self);
  g_signal_connect (session, "step-started", G_CALLBACK (step_started_cb), self);
  g_signal_connect (session, "step-ended", G_CALLBACK (step_ended_cb), self);
  ensure_begun (self);
  return self;
}

gint64
unknot_session_recorder_get_session_id (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);

  return self->session_id;
}
