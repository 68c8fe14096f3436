/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain-log.h"
#include "unknot-session-pain.h"

/* CONTENT.md: about 2 points is the usual threshold of a change one feels. */
#define MEANINGFUL_CHANGE 2

struct _UnknotSessionPain
{
  GObject          parent_instance;

  UnknotStore     *store;
  UnknotClock     *clock;
  UnknotPainQuick *before;
  UnknotPainQuick *after;
  UnknotSession   *session;
  GCancellable    *cancellable;
  gint64           session_id;     /* 0 until the session's row exists */
  gboolean         before_skipped;
  int              before_value;   /* -1: not rated */
  int              after_value;    /* -1: not rated */
  int              pending_before; /* waiting for the session's row */
  int              pending_after;
};

G_DEFINE_FINAL_TYPE (UnknotSessionPain, unknot_session_pain, G_TYPE_OBJECT)

static char *
comparison (int before,
            int after)
{
  int change = before - after;
  g_autofree char *now = unknot_pain_describe_value (after);

  if (before < 0)
    /* TRANSLATORS: after a session; %s is e.g. "3 — Mild" */
    return g_strdup_printf (_("Logged: %s."), now);
  if (change >= MEANINGFUL_CHANGE)
    return g_strdup_printf (
      /* TRANSLATORS: after a session; %1$s is e.g. "3 — Mild", %2$d how many points it fell */
      g_dngettext (GETTEXT_PACKAGE,
                   "Logged: %1$s, %2$d point less than before. A change of 2 points or more is usually one you can feel.",
                   "Logged: %1$s, %2$d points less than before. A change of 2 points or more is usually one you can feel.",
                   change),
      now, change);
  if (change <= -MEANINGFUL_CHANGE)
    return g_strdup_printf (
      /* TRANSLATORS: after a session; %1$s is e.g. "7 — Severe", %2$d how many points it rose */
      g_dngettext (GETTEXT_PACKAGE,
                   "Logged: %1$s, %2$d point more than before. Go gentler next time, and if it stays worse, ask a clinician.",
                   "Logged: %1$s, %2$d points more than before. Go gentler next time, and if it stays worse, ask a clinician.",
                   -change),
      now, -change);
  /* TRANSLATORS: after a session; %s is e.g. "4 — Moderate" */
  return g_strdup_printf (_("Logged: %s, about the same as before. A change of less than 2 points is usually too small to feel."),
                          now);
}

typedef struct
{
  UnknotSessionPain *self;
  UnknotPainPhase    phase;
  int                value;
} Save;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;
  UnknotSessionPain *self = save->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotPainEntry) saved = unknot_pain_log_save_finish (UNKNOT_PAIN_LOG (source), result, &error);
  UnknotPainQuick *quick = save->phase == UNKNOT_PAIN_PHASE_BEFORE ? self->before : self->after;
  g_autofree char *text = NULL;

  if (saved == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("A rating was not saved: %s", error->message);
          /* TRANSLATORS: %s says why */
          text = g_strdup_printf (_("Not saved: %s"), error->message);
          unknot_pain_quick_set_result (quick, text);
        }
    }
  else if (save->phase == UNKNOT_PAIN_PHASE_BEFORE)
    {
      g_autofree char *value = unknot_pain_describe_value (save->value);

      self->before_value = save->value;
      /* TRANSLATORS: before a session; %s is e.g. "6 — Moderate" */
      text = g_strdup_printf (_("Logged: %s."), value);
      unknot_pain_quick_set_result (quick, text);
    }
  else
    {
      text = comparison (self->before_value, save->value);
      unknot_pain_quick_set_result (quick, text);
    }
  g_object_unref (save->self);
  g_free (save);
}

static void
save_rating (UnknotSessionPain *self,
             UnknotPainPhase    phase,
             int                value)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  Save *save = g_new0 (Save, 1);

  g_clear_pointer (&entry->time, g_date_time_unref);
  entry->time = unknot_clock_now_local (self->clock);
  entry->pain = value;
  entry->session_id = self->session_id;
  entry->phase = phase;
  save->self = g_object_ref (self);
  save->phase = phase;
  save->value = value;
  unknot_pain_log_save_async (unknot_pain_log_get (self->store), entry, self->cancellable, saved_cb, save);
}

static void
rated_cb (UnknotPainQuick   *quick,
          int                value,
          UnknotSessionPain *self)
{
  UnknotPainPhase phase = quick == self->before ? UNKNOT_PAIN_PHASE_BEFORE : UNKNOT_PAIN_PHASE_AFTER;

  if (self->session_id == 0)
    {
      /* The session's row is on its way; the rating follows it. */
      if (phase == UNKNOT_PAIN_PHASE_BEFORE)
        self->pending_before = value;
      else
        self->pending_after = value;
      return;
    }
  save_rating (self, phase, value);
}

static void
skipped_cb (UnknotPainQuick   *quick,
            UnknotSessionPain *self)
{
  if (quick == self->before)
    self->before_skipped = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (quick), FALSE);
}

static void
unknot_session_pain_dispose (GObject *object)
{
  UnknotSessionPain *self = UNKNOT_SESSION_PAIN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->before != NULL)
    g_signal_handlers_disconnect_by_data (self->before, self);
  if (self->after != NULL)
    g_signal_handlers_disconnect_by_data (self->after, self);
  g_clear_weak_pointer (&self->before);
  g_clear_weak_pointer (&self->after);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (unknot_session_pain_parent_class)->dispose (object);
}

static void
unknot_session_pain_class_init (UnknotSessionPainClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_session_pain_dispose;
}

static void
unknot_session_pain_init (UnknotSessionPain *self)
{
  self->before_value = self->after_value = -1;
  self->pending_before = self->pending_after = -1;
}

UnknotSessionPain *
unknot_session_pain_new (UnknotStore     *store,
                         UnknotClock     *clock,
                         UnknotPainQuick *before,
                         UnknotPainQuick *after)
{
  UnknotSessionPain *self = g_object_new (UNKNOT_TYPE_SESSION_PAIN, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->clock = g_object_ref (clock);
  g_set_weak_pointer (&self->before, before);
  g_set_weak_pointer (&self->after, after);
  g_signal_connect (before, "rated", G_CALLBACK (rated_cb), self);
  g_signal_connect (after, "rated", G_CALLBACK (rated_cb), self);
  g_signal_connect (before, "skipped", G_CALLBACK (skipped_cb), self);
  g_signal_connect (after, "skipped", G_CALLBACK (skipped_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (before), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (after), FALSE);
  return self;
}

void
unknot_session_pain_start (UnknotSessionPain *self,
                           UnknotSession     *session)
{
  g_return_if_fail (UNKNOT_IS_SESSION_PAIN (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->session, session);
  self->session_id = 0;
  self->before_skipped = FALSE;
  self->before_value = self->after_value = -1;
  self->pending_before = self->pending_after = -1;
  unknot_pain_quick_reset (self->before);
  unknot_pain_quick_reset (self->after);
  unknot_session_pain_update (self);
}

void
unknot_session_pain_set_session_id (UnknotSessionPain *self,
                                    gint64             session_id)
{
  g_return_if_fail (UNKNOT_IS_SESSION_PAIN (self));

  self->session_id = session_id;
  if (session_id == 0)
    return;
  if (self->pending_before >= 0)
    save_rating (self, UNKNOT_PAIN_PHASE_BEFORE, self->pending_before);
  if (self->pending_after >= 0)
    save_rating (self, UNKNOT_PAIN_PHASE_AFTER, self->pending_after);
  self->pending_before = self->pending_after = -1;
}

void
unknot_session_pain_update (UnknotSessionPain *self)
{
  UnknotSessionState state;
  gboolean early;
  gboolean over;

  g_return_if_fail (UNKNOT_IS_SESSION_PAIN (self));

  if (self->session == NULL || self->before == NULL || self->after == NULL)
    return;
  state = unknot_session_get_state (self->session);
  over = state == UNKNOT_SESSION_STATE_FINISHED || state == UNKNOT_SESSION_STATE_STOPPED;
  /* Get ready is short: the question stays through the first step. */
  early = unknot_session_get_segment_kind (self->session) == UNKNOT_SEGMENT_GET_READY
          || (unknot_session_get_segment_kind (self->session) == UNKNOT_SEGMENT_STEP
              && unknot_session_get_step_index (self->session) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->before), self->store != NULL && !over && early && !self->before_skipped);
  /* Skipped after-questions hide themselves; otherwise the summary asks. */
  if (!over)
    gtk_widget_set_visible (GTK_WIDGET (self->after), self->store != NULL);
}
