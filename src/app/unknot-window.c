/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pain/unknot-pain-actions.h"
#include "pain/unknot-pain-log.h"
#include "safety/unknot-help-window.h"
#include "unknot-application.h"
#include "unknot-window-private.h"

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

void
unknot_window_toast (UnknotWindow *self,
                     const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The routine page is built when first needed, so it costs nothing on the
 * way to the first frame. */
static UnknotRoutinePage *
ensure_routine_page (UnknotWindow *self)
{
  unknot_window_ensure_routines_view (self);
  if (self->routine_page == NULL)
    {
      self->routine_page = g_object_new (UNKNOT_TYPE_ROUTINE_PAGE, NULL);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->routine_page), "routine");
    }
  return self->routine_page;
}

UnknotRoutine *
unknot_window_get_shown_routine (UnknotWindow *self)
{
  return self->routine_page != NULL ? unknot_routine_page_get_routine (self->routine_page) : NULL;
}

static void
set_routine (UnknotWindow  *self,
             UnknotRoutine *routine)
{
  unknot_window_ensure_routines_view (self);
  unknot_routine_page_set_routine (ensure_routine_page (self), routine);
  gtk_stack_set_visible_child_name (self->content_stack, routine != NULL ? "routine" : "empty");
  adw_window_title_set_title (self->content_title, routine != NULL ? unknot_routine_get_title (routine) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->routine_menu_button), routine != NULL);
  unknot_window_update_routine_actions (self);
}

void
unknot_window_show_routine (UnknotWindow  *self,
                            UnknotRoutine *routine)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));

  set_routine (self, routine);
  if (routine != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
routine_activated_cb (UnknotWindow  *self,
                      UnknotRoutine *routine)
{
  unknot_window_show_routine (self, routine);
}

static void update_reminder_menu (UnknotWindow *self);

/* Views other than Today are built when first shown: AdwViewStack measures
 * every page it holds, so a built page costs the first frame even unseen. */
void
unknot_window_ensure_routines_view (UnknotWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->leaflet != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "routine_activated_cb",
                                          G_CALLBACK (routine_activated_cb));
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/unknot-window-routines.ui", &error))
    g_error ("%s", error->message); /* a broken resource is a build bug */

  self->leaflet = ADW_LEAFLET (gtk_builder_get_object (builder, "leaflet"));
  self->library_page = UNKNOT_LIBRARY_PAGE (gtk_builder_get_object (builder, "library_page"));
  self->content_box = GTK_WIDGET (gtk_builder_get_object (builder, "content_box"));
  self->content_title = ADW_WINDOW_TITLE (gtk_builder_get_object (builder, "content_title"));
  self->routine_menu_button = GTK_MENU_BUTTON (gtk_builder_get_object (builder, "routine_menu_button"));
  self->content_stack = GTK_STACK (gtk_builder_get_object (builder, "content_stack"));
  adw_bin_set_child (self->routines_bin, GTK_WIDGET (self->leaflet));

  unknot_library_page_set_library (self->library_page, self->library);
  if (self->reminder_menu != NULL)
    {
      gtk_menu_button_set_menu_model (unknot_library_page_get_reminder_button (self->library_page),
                                      G_MENU_MODEL (self->reminder_menu));
      update_reminder_menu (self);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (unknot_library_page_get_reminder_button (self->library_page)), FALSE);
  unknot_window_update_routine_actions (self);
}

static UnknotLearnPage *
ensure_learn_page (UnknotWindow *self)
{
  if (self->learn_page == NULL)
    {
      self->learn_page = g_object_new (UNKNOT_TYPE_LEARN_PAGE, NULL);
      unknot_learn_page_set_settings (self->learn_page, self->settings);
      adw_bin_set_child (self->learn_bin, GTK_WIDGET (self->learn_page));
    }
  return self->learn_page;
}

static void
visible_view_changed_cb (UnknotWindow *self)
{
  GtkWidget *bin = adw_view_stack_get_visible_child (self->views);

  if (bin == GTK_WIDGET (self->routines_bin))
    unknot_window_ensure_routines_view (self);
  else if (bin == GTK_WIDGET (self->learn_bin))
    ensure_learn_page (self);
  else if (bin == GTK_WIDGET (self->log_bin) && self->log_page == NULL)
    {
      self->log_page = g_object_new (UNKNOT_TYPE_LOG_PAGE, NULL);
      adw_bin_set_child (self->log_bin, GTK_WIDGET (self->log_page));
    }
  else if (bin == GTK_WIDGET (self->insights_bin) && self->insights_page == NULL)
    {
      self->insights_page = g_object_new (UNKNOT_TYPE_INSIGHTS_PAGE, NULL);
      adw_bin_set_child (self->insights_bin, GTK_WIDGET (self->insights_page));
    }
}

/* A reload makes new routine objects; keep showing the same id, or nothing
 * once it is gone. */
static void
library_changed_cb (UnknotWindow *self)
{
  UnknotRoutine *shown = unknot_window_get_shown_routine (self);

  if (shown != NULL)
    set_routine (self, unknot_routine_library_lookup (self->library, unknot_routine_get_id (shown)));
}

static void
problems_changed_cb (UnknotWindow *self)
{
  const char * const *problems = unknot_routine_library_get_problems (self->library);
  guint n = g_strv_length ((char **) problems);
  g_autofree char *message = NULL;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    g_warning ("%s", problems[i]);
  if (n == 1)
    message = g_strdup_printf (_("A routine file was skipped: %s"), problems[0]);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u routine file was skipped; run “unknot --list-routines” to see why",
                                            "%u routine files were skipped; run “unknot --list-routines” to see why", n), n);
  unknot_window_toast (self, message);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  if (self->leaflet != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  unknot_window_ensure_routines_view (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->library_page));
  unknot_library_page_start_search (self->library_page);
}

/* Top-level views: today, routines, log, insights, learn. */
static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->views, name) != NULL)
    adw_view_stack_set_visible_child_name (self->views, name);
}

/* The routine an action names by id, or NULL after saying there is none. */
static UnknotRoutine *
lookup_routine (UnknotWindow *self,
                GVariant     *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);
  UnknotRoutine *routine = unknot_routine_library_lookup (self->library, id);

  if (routine == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no routine with the id “%s”."), id);
      unknot_window_toast (self, message);
    }
  return routine;
}

/* A technique on the Learn view opens the routine that approximates it. */
static void
show_routine_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = lookup_routine (self, parameter);

  if (routine == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->views, "routines");
  unknot_window_show_routine (self, routine);
}

/* Today's suggestions, and --start-routine, start a routine by its id. */
static void
start_routine_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = lookup_routine (self, parameter);

  if (routine != NULL)
    unknot_window_start_routine (self, routine);
}

/* A search result from Learn. */
static void
show_learn_section_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->views, "learn");
  unknot_learn_page_show_section (ensure_learn_page (self), g_variant_get_string (parameter, NULL));
}

/* "When to Get Help" (F1), from anywhere, a running session included: the
 * session waits while the user reads. */
static void
show_help_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotSession *session = self->session_view != NULL ? unknot_session_view_get_session (self->session_view) : NULL;

  if (session != NULL && unknot_session_get_state (session) == UNKNOT_SESSION_STATE_RUNNING)
    unknot_session_pause (session, NULL);
  unknot_help_window_present_for (GTK_WINDOW (self));
}

/* Asked by the header of the view on screen (unknot-view-header.c): the
 * bottom switcher bar shows while the header is too narrow for tabs. */
static void
show_switcher_bar_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  adw_view_switcher_bar_set_reveal (self->switcher_bar, g_variant_get_boolean (parameter));
}

/* Built on demand: GtkApplication would build gtk/help-overlay.ui for every
 * window before its first frame. */
static void
show_shortcuts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/unknot-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* Ctrl+L from anywhere in the window. */
static void
log_pain_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  unknot_pain_show_dialog (widget, NULL);
}

/* Sessions */

static void
session_closed_cb (UnknotWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
}

/* Each problem (no sound, no voice) is told once per run, not per session. */
static void
session_problem_cb (UnknotWindow *self,
                    const char   *message)
{
  if (!g_hash_table_add (self->problems_told, g_strdup (message)))
    return;
  unknot_window_toast (self, message);
}

/* The store opens when first needed (a session, the pain log), not with
 * the window.  Jobs queue behind the open, so it can be used at once. */
UnknotStore *
unknot_window_get_store (UnknotWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->store == NULL && UNKNOT_IS_APPLICATION (app))
    self->store = g_object_ref (unknot_application_get_store (UNKNOT_APPLICATION (app)));
  return self->store;
}

void
unknot_window_unfollow_pain_log (GtkWidget    *view,
                                 UnknotStore **store)
{
  if (*store != NULL)
    g_signal_handlers_disconnect_by_data (unknot_pain_log_get (*store), view);
  g_clear_object (store);
}

UnknotStore *
unknot_window_follow_pain_log (GtkWidget    *view,
                               UnknotStore **store,
                               GCallback     changed)
{
  static const char * const signals[] = { "entry-added", "entry-changed", "entry-removed", "reset" };
  GtkRoot *root = gtk_widget_get_root (view);
  UnknotStore *now = UNKNOT_IS_WINDOW (root) ? unknot_window_get_store (UNKNOT_WINDOW (root)) : NULL;

  if (now == *store)
    return now;
  unknot_window_unfollow_pain_log (view, store);
  g_set_object (store, now);
  for (guint i = 0; now != NULL && i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (unknot_pain_log_get (now), signals[i], changed, view, G_CONNECT_SWAPPED);
  return now;
}

UnknotClock *
unknot_window_get_clock (UnknotWindow *self)
{
  if (self->clock == NULL)
    self->clock = unknot_clock_new_real ();
  return self->clock;
}

UnknotSessionView *
unknot_window_get_session_view (UnknotWindow *self)
{
  if (self->session_view == NULL)
    {
      GSettings *settings = self->settings;

      self->session_view = unknot_session_view_new (unknot_window_get_clock (self), settings,
                                                    unknot_window_get_store (self));
      g_signal_connect_object (self->session_view, "closed", G_CALLBACK (session_closed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session_view, "problem", G_CALLBACK (session_problem_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->session_view), "session");
    }
  return self->session_view;
}

void
unknot_window_start_routine (UnknotWindow  *self,
                             UnknotRoutine *routine)
{
  UnknotSessionView *view;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE (routine));

  view = unknot_window_get_session_view (self);
  if (!unknot_session_view_is_active (view))
    unknot_session_view_start (view, routine);
  gtk_stack_set_visible_child_name (self->main_stack, "session");
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);

  if (routine != NULL)
    unknot_window_start_routine (self, routine);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   UnknotWindow     *self)
{
  if (!g_str_equal (response, "stop"))
    return;
  unknot_session_view_end (self->session_view, UNKNOT_STOP_REASON_WINDOW_CLOSED);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
unknot_window_close_request (GtkWindow *window)
{
  UnknotWindow *self = UNKNOT_WINDOW (window);

  /* A session is never lost to a stray click on the close button. */
  if (self->session_view != NULL && unknot_session_view_is_active (self->session_view))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Stop the Session and Close?"),
                                                  _("The session you are following will end."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "continue", _("_Keep Going"),
                                        "stop", _("_Stop and Close"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  unknot_window_finish_pending_delete (self);
  return GTK_WINDOW_CLASS (unknot_window_parent_class)->close_request (window);
}

/* Reminders: the header says when the next break is and pauses them. */

static void
update_reminder_menu (UnknotWindow *self)
{
  g_autoptr(GMenu) summary = g_menu_new ();
  g_autoptr(GMenu) pauses = g_menu_new ();
  gboolean paused = unknot_reminder_status_get_paused (self->reminders);

  g_menu_remove_all (self->reminder_menu);
  g_menu_append (summary, unknot_reminder_status_get_summary (self->reminders), "win.reminder-preferences");
  if (paused)
    g_menu_append (pauses, _("_Resume Reminders"), "win.resume-reminders");
  else
    {
      g_menu_append (pauses, _("Pause for One _Hour"), "win.pause-reminders::hour");
      g_menu_append (pauses, _("Pause Until _Tomorrow"), "win.pause-reminders::tomorrow");
    }
  g_menu_append (pauses, _("Pause Until Turned _Back On"), "win.pause-reminders::off");
  g_menu_append_section (self->reminder_menu, NULL, G_MENU_MODEL (summary));
  g_menu_append_section (self->reminder_menu, NULL, G_MENU_MODEL (pauses));
  if (self->library_page != NULL)
    gtk_widget_set_visible (GTK_WIDGET (unknot_library_page_get_reminder_button (self->library_page)),
                            unknot_reminder_status_get_enabled (self->reminders));
}

static void
pause_reminders_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *how = g_variant_get_string (parameter, NULL);

  if (self->reminders == NULL)
    return;
  unknot_reminder_status_pause (self->reminders,
                                g_str_equal (how, "hour") ? UNKNOT_REMINDER_PAUSE_HOUR
                                : g_str_equal (how, "tomorrow") ? UNKNOT_REMINDER_PAUSE_TOMORROW
                                : UNKNOT_REMINDER_PAUSE_UNTIL_RESUMED);
}

static void
resume_reminders_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  if (self->reminders != NULL)
    unknot_reminder_status_resume (self->reminders);
}

/* The same as app.preferences, without its accelerator printed beside the
 * next break's time. */
static void
reminder_preferences_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.preferences", NULL);
}

UnknotReminderStatus *
unknot_window_get_reminder_status (UnknotWindow *self)
{
  return self->reminders;
}

void
unknot_window_set_session_services (UnknotWindow *self,
                                    UnknotClock  *clock,
                                    UnknotStore  *store)
{
  g_return_if_fail (self->session_view == NULL);

  g_set_object (&self->clock, clock);
  g_set_object (&self->store, store);
  unknot_today_page_reload (self->today_page);
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  unknot_window_finish_pending_delete (self);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_pointer (&self->problems_told, g_hash_table_unref);
  g_clear_object (&self->reminders);
  g_clear_object (&self->reminder_menu);
  G_OBJECT_CLASS (unknot_window_parent_class)->dispose (object);
}

static void
unknot_window_class_init (UnknotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = unknot_window_close_request;

  g_type_ensure (UNKNOT_TYPE_TODAY_PAGE);
  g_type_ensure (UNKNOT_TYPE_LIBRARY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, views);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, routines_bin);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, log_bin);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, insights_bin);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, learn_bin);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "win.pause-reminders", "s", pause_reminders_activated);
  gtk_widget_class_install_action (widget_class, "win.resume-reminders", NULL, resume_reminders_activated);
  gtk_widget_class_install_action (widget_class, "win.reminder-preferences", NULL, reminder_preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.show-switcher-bar", "b", show_switcher_bar_activated);
  gtk_widget_class_install_action (widget_class, "win.log-pain", NULL, log_pain_activated);
  gtk_widget_class_install_action (widget_class, "win.show-routine", "s", show_routine_activated);
  gtk_widget_class_install_action (widget_class, "win.show-learn-section", "s", show_learn_section_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help", NULL, show_help_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.show-help", NULL);
  gtk_widget_class_install_action (widget_class, "win.start-routine", "s", start_routine_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "routines");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "log");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "insights");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-view", "s", "learn");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.log-pain", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  unknot_window_class_add_routine_actions (widget_class);
}

static void
unknot_window_init (UnknotWindow *self)
{
  self->undo_timeout = 5; /* AdwToast's own default */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems_told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (visible_view_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

UnknotWindow *
unknot_window_new (GtkApplication       *app,
                   UnknotRoutineLibrary *library,
                   GSettings            *settings)
{
  UnknotWindow *self = g_object_new (UNKNOT_TYPE_WINDOW, "application", app, NULL);

  self->library = g_object_ref (library);
  g_signal_connect_object (library, "items-changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::problems", G_CALLBACK (problems_changed_cb), self, G_CONNECT_SWAPPED);
  problems_changed_cb (self);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

      self->reminders = unknot_reminder_status_new (settings, app != NULL ? g_application_get_dbus_connection (G_APPLICATION (app)) : NULL);
      self->reminder_menu = g_menu_new ();
      g_signal_connect_object (self->reminders, "notify::summary", G_CALLBACK (update_reminder_menu), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->reminders, "notify::enabled", G_CALLBACK (update_reminder_menu), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::reminders-paused-until", G_CALLBACK (update_reminder_menu), self,
                               G_CONNECT_SWAPPED);
      update_reminder_menu (self);
    }
  unknot_today_page_set_library (self->today_page, library);
  unknot_today_page_set_settings (self->today_page, settings);
  unknot_today_page_set_reminder_status (self->today_page, self->reminders);
  unknot_window_update_routine_actions (self);
  return self;
}

UnknotLibraryPage *
unknot_window_get_library_page (UnknotWindow *self)
{
  unknot_window_ensure_routines_view (self);
  return self->library_page;
}

UnknotTodayPage *
unknot_window_get_today_page (UnknotWindow *self)
{
  return self->today_page;
}

UnknotRoutinePage *
unknot_window_get_routine_page (UnknotWindow *self)
{
  return ensure_routine_page (self);
}

AdwLeaflet *
unknot_window_get_leaflet (UnknotWindow *self)
{
  unknot_window_ensure_routines_view (self);
  return self->leaflet;
}
