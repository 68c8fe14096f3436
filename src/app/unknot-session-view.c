/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-session"

#include "config.h"

#include <glib/gi18n.h>

#include "pain/unknot-session-pain.h"
#include "safety/unknot-help-content.h"
#include "unknot-cue-player.h"
#include "unknot-session-guard.h"
#include "unknot-session-recorder.h"
#include "unknot-session-view.h"

#define FRAME_MSEC 2000

struct _UnknotSessionView
{
  GtkWidget           parent_instance;

  UnknotClock        *clock;
  GSettings          *settings;
  UnknotStore        *store;
  UnknotSession      *session;
  UnknotCuePlayer    *player;
  UnknotSessionGuard *guard;
  UnknotSessionRecorder *recorder;     /* the session's history, if kept */
  guint               inhibit_cookie;
  guint               frame_id;
  guint               frame;
  UnknotStep         *shown_step;
  UnknotSessionPain  *pain;            /* "Pain now?" before and after */

  AdwWindowTitle     *window_title;
  GtkButton          *end_button;
  GtkProgressBar     *progress_bar;
  GtkStack           *stack;
  GtkLabel           *counter_label;
  GtkLabel           *title_label;
  GtkLabel           *side_label;
  GtkImage           *illustration;
  GtkLabel           *countdown_label;
  GtkButton          *pause_button;
  GtkLabel           *paused_label;
  GtkLabel           *instruction_label;
  GtkLabel           *pressure_label;
  GtkLabel           *stop_if_label;
  GtkLabel           *next_label;
  AdwStatusPage      *summary_page;
  GtkWidget          *summary_button;
  GtkWidget          *safety_button;
  UnknotPainQuick    *before_quick;
  UnknotPainQuick    *after_quick;
};

enum {
  CLOSED,
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotSessionView, unknot_session_view, GTK_TYPE_WIDGET)

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  gtk_label_set_text (label, text != NULL ? text : "");
}

/* Picture */

static void
show_frame (UnknotSessionView *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  UnknotStep *step = self->shown_step;

  if (step == NULL)
    return;
  texture = gdk_texture_new_from_file (unknot_step_get_illustration_file (step, self->frame % unknot_step_get_n_frames (step)),
                                       &error);
  if (texture == NULL)
    {
      g_warning ("Could not show the illustration of “%s”: %s", unknot_step_get_title (step), error->message);
      gtk_image_set_from_icon_name (self->illustration, "image-missing-symbolic");
    }
  else
    gtk_image_set_from_paintable (self->illustration, GDK_PAINTABLE (texture));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unknot_step_get_illustration_description (step), -1);
}

static gboolean
next_frame_cb (gpointer user_data)
{
  UnknotSessionView *self = user_data;

  self->frame++;
  show_frame (self);
  return G_SOURCE_CONTINUE;
}

/* Frames of a movement cycle only while the session runs. */
static void
update_frame_timer (UnknotSessionView *self)
{
  gboolean cycle = self->shown_step != NULL && unknot_step_get_n_frames (self->shown_step) > 1
                   && self->session != NULL
                   && unknot_session_get_state (self->session) == UNKNOT_SESSION_STATE_RUNNING;

  if (cycle && self->frame_id == 0)
    self->frame_id = g_timeout_add (FRAME_MSEC, next_frame_cb, self);
  else if (!cycle)
    g_clear_handle_id (&self->frame_id, g_source_remove);
}

/* What the screen says */

static void
update_countdown (UnknotSessionView *self)
{
  guint remaining = unknot_session_get_remaining_seconds (self->session);
  g_autofree char *text = g_strdup_printf ("%u:%02u", remaining / 60, remaining % 60);

  gtk_label_set_text (self->countdown_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, unknot_session_get_progress (self->session));
}

static char *
join_equipment (UnknotRoutine *routine)
{
  const char * const *equipment = unknot_routine_get_equipment (routine);
  g_autofree char *list = NULL;

  if (equipment[0] == NULL)
    return NULL;
  /* TRANSLATORS: separates the things a routine needs, e.g. "A tennis ball, a wall" */
  list = g_strjoinv (_(", "), (char **) equipment);
  /* TRANSLATORS: %s is a list of things, e.g. "A tennis ball, A clear stretch of wall" */
  return g_strdup_printf (_("You need: %s."), list);
}

static void
update_segment (UnknotSessionView *self)
{
  UnknotSession *session = self->session;
  UnknotRoutine *routine = unknot_session_get_routine (session);
  UnknotStep *step = unknot_session_get_step (session);
  UnknotStep *next = unknot_session_get_next_step (session);
  UnknotSide side = unknot_session_get_side (session);
  g_autofree char *counter = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *equipment = NULL;

  switch (unknot_session_get_segment_kind (session))
    {
    case UNKNOT_SEGMENT_GET_READY:
      counter = g_strdup (_("Get Ready"));
      gtk_label_set_text (self->title_label, _("Get into position"));
      equipment = join_equipment (routine);
      set_optional_label (self->instruction_label, equipment);
      set_optional_label (self->pressure_label, NULL);
      set_optional_label (self->stop_if_label, NULL);
      /* TRANSLATORS: %s is the first step's title */
      next_text = g_strdup_printf (_("First: %s"), unknot_step_get_title (step));
      break;

    case UNKNOT_SEGMENT_REST:
      counter = g_strdup (_("Rest"));
      gtk_label_set_text (self->title_label, _("Rest and breathe"));
      set_optional_label (self->instruction_label, _("Let your shoulders drop and breathe slowly."));
      set_optional_label (self->pressure_label, NULL);
      set_optional_label (self->stop_if_label, NULL);
      /* TRANSLATORS: %s is the next step's title */
      next_text = g_strdup_printf (_("Next: %s"), unknot_step_get_title (step));
      break;

    case UNKNOT_SEGMENT_STEP:
    default:
      /* TRANSLATORS: "Step 3 of 7" */
      counter = g_strdup_printf (_("Step %u of %u"), unknot_session_get_step_index (session) + 1,
                                 unknot_session_get_n_steps (session));
      gtk_label_set_text (self->title_label, unknot_step_get_title (step));
      set_optional_label (self->instruction_label, unknot_step_get_instruction (step));
      set_optional_label (self->pressure_label, unknot_step_get_pressure (step));
      set_optional_label (self->stop_if_label, unknot_step_get_stop_if (step));
      if (side == UNKNOT_SIDE_LEFT)
        next_text = g_strdup (_("Next: the same on the right side"));
      else if (next != NULL)
        next_text = g_strdup_printf (_("Next: %s"), unknot_step_get_title (next));
      else
        next_text = g_strdup (_("This is the last step."));
      break;
    }

  gtk_label_set_text (self->counter_label, counter);
  set_optional_label (self->side_label, unknot_side_get_label (side));
  set_optional_label (self->next_label, next_text);

  if (self->shown_step != step)
    {
      self->shown_step = step;
      self->frame = 0;
      show_frame (self);
    }
  update_countdown (self);
  update_frame_timer (self);
  unknot_session_pain_update (self->pain);
}

/* Record keeping */

static void
recorded_cb (UnknotSessionView *self)
{
  unknot_session_pain_set_session_id (self->pain, unknot_session_recorder_get_session_id (self->recorder));
}

/* Keeping the screen awake */

static void
set_inhibited (UnknotSessionView *self,
               gboolean           inhibit)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (app == NULL)
    return;
  if (inhibit && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (root), GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("A self-massage session is running"));
  else if (!inhibit && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* Session events */

static void
update_actions (UnknotSessionView *self)
{
  UnknotSessionState state = self->session != NULL ? unknot_session_get_state (self->session)
                                                   : UNKNOT_SESSION_STATE_IDLE;
  gboolean active = state == UNKNOT_SESSION_STATE_RUNNING || state == UNKNOT_SESSION_STATE_PAUSED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.toggle-pause", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.skip", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.back", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-time", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.safety-stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.close", !active);
  gtk_widget_set_visible (GTK_WIDGET (self->end_button), active);
}

static void
show_summary (UnknotSessionView *self)
{
  UnknotSession *session = self->session;
  UnknotRoutine *routine = unknot_session_get_routine (session);
  gboolean completed = unknot_session_get_state (session) == UNKNOT_SESSION_STATE_FINISHED;
  g_autofree char *spent = unknot_format_duration ((guint) (unknot_session_get_active_usec (session) / G_USEC_PER_SEC));
  g_autofree char *description = NULL;

  /* TRANSLATORS: the end of a session: routine title, time spent, steps done, e.g.
   * "Tennis ball for the shoulder blades\n7 minutes · 5 of 5 steps" */
  description = g_strdup_printf (_("%s\n%s · %u of %u steps"), unknot_routine_get_title (routine), spent,
                                 unknot_session_get_steps_completed (session), unknot_session_get_n_steps (session));
  adw_status_page_set_title (self->summary_page, completed ? _("Well Done") : _("Session Ended"));
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  /* Enter goes back, for whoever follows the session by keyboard. */
  gtk_widget_grab_focus (self->summary_button);
}

static void
state_changed_cb (UnknotSessionView *self)
{
  UnknotSessionState state = unknot_session_get_state (self->session);
  gboolean paused = state == UNKNOT_SESSION_STATE_PAUSED;

  gtk_button_set_icon_name (self->pause_button, paused ? "media-playback-start-symbolic"
                                                       : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"), -1);
  if (!paused)
    gtk_widget_set_visible (GTK_WIDGET (self->paused_label), FALSE);
  else if (!gtk_widget_get_visible (GTK_WIDGET (self->paused_label)))
    set_optional_label (self->paused_label, _("Paused"));
  update_actions (self);
  update_frame_timer (self);
  unknot_session_pain_update (self->pain);

  if (state == UNKNOT_SESSION_STATE_FINISHED || state == UNKNOT_SESSION_STATE_STOPPED)
    {
      set_inhibited (self, FALSE);
      gtk_progress_bar_set_fraction (self->progress_bar, unknot_session_get_progress (self->session));
      if (unknot_session_get_stop_reason (self->session) == UNKNOT_STOP_REASON_SAFETY)
        {
          gtk_stack_set_visible_child_name (self->stack, "safety");
          gtk_widget_grab_focus (self->safety_button);
        }
      else
        show_summary (self);
    }
}

static char *
phrase_for (UnknotSessionView *self,
            UnknotCueKind      kind,
            guint              step_index,
            UnknotSide         side)
{
  g_autoptr(UnknotStep) step = NULL;

  switch (kind)
    {
    case UNKNOT_CUE_STEP_START:
      step = g_list_model_get_item (unknot_routine_get_steps (unknot_session_get_routine (self->session)), step_index);
      if (step == NULL)
        return NULL;
      /* TRANSLATORS: spoken when a step starts, e.g. "Step 2: tennis ball between the shoulder blades" */
      return g_strdup_printf (_("Step %u: %s"), step_index + 1, unknot_step_get_cue (step));
    case UNKNOT_CUE_SWITCH_SIDES:
      return g_strdup (_("Switch to the right side"));
    case UNKNOT_CUE_HALFWAY:
      return g_strdup (_("Halfway"));
    case UNKNOT_CUE_REST:
      return g_strdup (_("Rest"));
    case UNKNOT_CUE_FINISH:
      return g_strdup (_("Well done. That is the end of the session."));
    case UNKNOT_CUE_COUNTDOWN:
    case UNKNOT_N_CUES:
    default:
      return NULL;
    }
}

static void
cue_cb (UnknotSession     *session,
        UnknotCueKind      kind,
        guint              step_index,
        UnknotSide         side,
        guint              count,
        UnknotSessionView *self)
{
  g_autofree char *phrase = phrase_for (self, kind, step_index, side);

  if (self->player != NULL)
    unknot_cue_player_play (self->player, kind, phrase);
}

static void
prepare_phrases (UnknotSessionView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) phrases = NULL;
  guint n_steps = unknot_session_get_n_steps (self->session);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *phrase = phrase_for (self, UNKNOT_CUE_STEP_START, i, UNKNOT_SIDE_NONE);
      if (phrase != NULL)
        g_strv_builder_add (builder, phrase);
    }
  for (UnknotCueKind kind = UNKNOT_CUE_HALFWAY; kind < UNKNOT_N_CUES; kind++)
    {
      g_autofree char *phrase = phrase_for (self, kind, 0, UNKNOT_SIDE_NONE);
      if (phrase != NULL)
        g_strv_builder_add (builder, phrase);
    }
  phrases = g_strv_builder_end (builder);
  unknot_cue_player_prepare_phrases (self->player, (const char * const *) phrases);
}

static void
player_problem_cb (UnknotCuePlayer   *player,
                   const char        *message,
                   UnknotSessionView *self)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static void
away_cb (UnknotSessionGuard *guard,
         const char         *why,
         UnknotSessionView  *self)
{
  if (self->session == NULL || unknot_session_get_state (self->session) != UNKNOT_SESSION_STATE_RUNNING)
    return;
  unknot_session_pause (self->session, NULL);
  set_optional_label (self->paused_label, g_str_equal (why, "sleep")
                                          ? _("Paused while the computer was asleep")
                                          : _("Paused while the screen was locked"));
}

/* Actions */

static void
toggle_pause_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotSessionView *self = UNKNOT_SESSION_VIEW (widget);

  if (unknot_session_get_state (self->session) == UNKNOT_SESSION_STATE_PAUSED)
    unknot_session_resume (self->session, NULL);
  else
    unknot_session_pause (self->session, NULL);
}

static void
skip_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  unknot_session_skip (UNKNOT_SESSION_VIEW (widget)->session, NULL);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  unknot_session_back (UNKNOT_SESSION_VIEW (widget)->session, NULL);
}

static void
add_time_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  unknot_session_add_time (UNKNOT_SESSION_VIEW (widget)->session, 30, NULL);
}

static void
safety_stop_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* No question asked: the user said something is wrong. */
  unknot_session_view_end (UNKNOT_SESSION_VIEW (widget), UNKNOT_STOP_REASON_SAFETY);
}

static void
stop_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  UnknotSessionView *self)
{
  if (g_str_equal (response, "stop"))
    unknot_session_view_end (self, UNKNOT_STOP_REASON_USER);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotSessionView *self = UNKNOT_SESSION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Stop the Session?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("You have done %u of %u steps."),
                                  unknot_session_get_steps_completed (self->session),
                                  unknot_session_get_n_steps (self->session));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UnknotSessionView *self = UNKNOT_SESSION_VIEW (widget);

  if (self->player != NULL)
    unknot_cue_player_stop (self->player);
  g_signal_emit (self, signals[CLOSED], 0);
}

/* Lifecycle */

static void
drop_session (UnknotSessionView *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      unknot_cue_player_stop (self->player);
      g_clear_object (&self->player);
    }
  g_clear_handle_id (&self->frame_id, g_source_remove);
  self->shown_step = NULL;
  /* What it still has to write, it writes on its own. */
  if (self->recorder != NULL)
    g_signal_handlers_disconnect_by_data (self->recorder, self);
  g_clear_object (&self->recorder);
}

static void
unknot_session_view_dispose (GObject *object)
{
  UnknotSessionView *self = UNKNOT_SESSION_VIEW (object);

  if (unknot_session_view_is_active (self))
    unknot_session_view_end (self, UNKNOT_STOP_REASON_WINDOW_CLOSED);
  set_inhibited (self, FALSE);
  drop_session (self);
  if (self->guard != NULL)
    g_signal_handlers_disconnect_by_data (self->guard, self);
  g_clear_object (&self->guard);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->pain);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_SESSION_VIEW);
  /* dispose_template only lets go of the children bound to fields. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (unknot_session_view_parent_class)->dispose (object);
}

static void
unknot_session_view_class_init (UnknotSessionViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_session_view_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (UNKNOT_TYPE_PAIN_QUICK);
  g_type_ensure (UNKNOT_TYPE_HELP_CONTENT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, end_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, counter_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, side_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, illustration);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, paused_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, pressure_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, stop_if_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, summary_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, summary_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, safety_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, before_quick);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionView, after_quick);

  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL, toggle_pause_activated);
  gtk_widget_class_install_action (widget_class, "session.skip", NULL, skip_activated);
  gtk_widget_class_install_action (widget_class, "session.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "session.add-time", NULL, add_time_activated);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "session.safety-stop", NULL, safety_stop_activated);
  gtk_widget_class_install_action (widget_class, "session.close", NULL, close_activated);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
unknot_session_view_init (UnknotSessionView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the capture phase, so Space pauses even while a button has focus. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "space", "session.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "Right", "session.skip");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "Left", "session.back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "plus|KP_Add|equal", "session.add-time");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "Escape", "session.stop");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  update_actions (self);
}

UnknotSessionView *
unknot_session_view_new (UnknotClock *clock,
                         GSettings   *settings,
                         UnknotStore *store)
{
  UnknotSessionView *self = g_object_new (UNKNOT_TYPE_SESSION_VIEW, NULL);

  self->clock = g_object_ref (clock);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->pain = unknot_session_pain_new (store, clock, self->before_quick, self->after_quick);
  return self;
}

void
unknot_session_view_start (UnknotSessionView *self,
                           UnknotRoutine     *routine)
{
  guint get_ready = self->settings != NULL ? g_settings_get_uint (self->settings, "get-ready-seconds") : 5;
  guint rest = self->settings != NULL ? g_settings_get_uint (self->settings, "rest-seconds") : 0;

  g_return_if_fail (UNKNOT_IS_SESSION_VIEW (self));
  g_return_if_fail (!unknot_session_view_is_active (self));

  drop_session (self);
  self->session = unknot_session_new (routine, self->clock, get_ready, rest);
  g_signal_connect_swapped (self->session, "segment-changed", G_CALLBACK (update_segment), self);
  g_signal_connect_swapped (self->session, "notify::remaining-seconds", G_CALLBACK (update_countdown), self);
  g_signal_connect_swapped (self->session, "notify::state", G_CALLBACK (state_changed_cb), self);
  g_signal_connect (self->session, "cue", G_CALLBACK (cue_cb), self);
  /* Before the start, so that a first step without get-ready is kept. */
  if (self->store != NULL)
    {
      self->recorder = unknot_session_recorder_new (self->store, self->session);
      g_signal_connect_swapped (self->recorder, "notify::session-id", G_CALLBACK (recorded_cb), self);
    }

  self->player = unknot_cue_player_new ();
  g_signal_connect (self->player, "problem", G_CALLBACK (player_problem_cb), self);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "cue-sounds", self->player, "sounds-enabled", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "cue-voice", self->player, "voice-enabled", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "cue-volume", self->player, "volume", G_SETTINGS_BIND_GET);
    }
  unknot_cue_player_start (self->player);
  prepare_phrases (self);

  if (self->guard == NULL)
    {
      self->guard = unknot_session_guard_new (NULL, NULL);
      g_signal_connect (self->guard, "away", G_CALLBACK (away_cb), self);
    }

  adw_window_title_set_title (self->window_title, unknot_routine_get_title (routine));
  gtk_widget_set_visible (GTK_WIDGET (self->paused_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "running");

  unknot_session_start (self->session, NULL);
  unknot_session_pain_start (self->pain, self->session);
  update_segment (self);
  state_changed_cb (self);
  set_inhibited (self, TRUE);
}

UnknotSession *
unknot_session_view_get_session (UnknotSessionView *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_VIEW (self), NULL);
  return self->session;
}

gboolean
unknot_session_view_is_active (UnknotSessionView *self)
{
  UnknotSessionState state;

  g_return_val_if_fail (UNKNOT_IS_SESSION_VIEW (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  state = unknot_session_get_state (self->session);
  return state == UNKNOT_SESSION_STATE_RUNNING || state == UNKNOT_SESSION_STATE_PAUSED;
}

void
unknot_session_view_end (UnknotSessionView *self,
                         UnknotStopReason   reason)
{
  g_return_if_fail (UNKNOT_IS_SESSION_VIEW (self));

  if (unknot_session_view_is_active (self))
    unknot_session_stop (self->session, reason, NULL);
}
