/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-today"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-dialog.h"
#include "pain/unknot-body-map.h"
#include "safety/unknot-screening-form.h"
#include "unknot-onboarding-window.h"
#include "unknot-setup-rows.h"

#define WINDOW_KEY "unknot-onboarding-window"
#define FIRST_RUN_KEY "unknot-onboarding-first-run"

static const char * const pages[] = { "safety", "tools", "regions", "reminders" };

struct _UnknotOnboardingWindow
{
  AdwWindow            parent_instance;
  GSettings           *settings;

  GtkStack            *stack;
  GtkWidget           *back_button;
  GtkButton           *next_button;
  GtkLabel            *progress_label;
  UnknotScreeningForm *form;          /* page 1: the safety check's own questions */
  GtkBox              *tools_box;
  UnknotBodyMap       *body_map;
  GtkSwitch           *reminders_switch;
  GtkWidget           *schedule_group;
  AdwComboRow         *start_row;
  AdwComboRow         *end_row;
  GtkBox              *days_box;
};

G_DEFINE_FINAL_TYPE (UnknotOnboardingWindow, unknot_onboarding_window, ADW_TYPE_WINDOW)

/* Pages */

static guint
current_page (UnknotOnboardingWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (name, pages[i]) == 0)
      return i;
  return 0;
}

static void
page_changed_cb (UnknotOnboardingWindow *self)
{
  guint page = current_page (self);
  gboolean last = page == G_N_ELEMENTS (pages) - 1;
  /* TRANSLATORS: where the welcome tour is: "Step 2 of 4" */
  g_autofree char *progress = g_strdup_printf (_("Step %u of %u"), page + 1, (guint) G_N_ELEMENTS (pages));

  gtk_label_set_text (self->progress_label, progress);
  gtk_widget_set_visible (self->back_button, page > 0);
  gtk_button_set_label (self->next_button, last ? _("_Done") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.back", page > 0);
}

static void
show_page (UnknotOnboardingWindow *self,
           guint                   page)
{
  gtk_stack_set_visible_child_name (self->stack, pages[page]);
  /* Focus follows, so the keyboard and a screen reader start at the new
   * page rather than on a button of the old one. */
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotOnboardingWindow *self = UNKNOT_ONBOARDING_WINDOW (widget);
  guint page = current_page (self);

  if (page + 1 < G_N_ELEMENTS (pages))
    show_page (self, page + 1);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotOnboardingWindow *self = UNKNOT_ONBOARDING_WINDOW (widget);
  guint page = current_page (self);

  if (page > 0)
    show_page (self, page - 1);
}

static void
skip_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* However it closes, the tour has been seen; a safety check left without
 * an answer counts as skipped, as when its own window is closed. */
static gboolean
unknot_onboarding_window_close_request (GtkWindow *window)
{
  UnknotOnboardingWindow *self = UNKNOT_ONBOARDING_WINDOW (window);
  g_autofree char *status = g_settings_get_string (self->settings, "screening-status");

  if (g_str_equal (status, "not-shown"))
    g_settings_set_string (self->settings, "screening-status", "skipped");
  g_settings_set_boolean (self->settings, "onboarding-done", TRUE);
  return GTK_WINDOW_CLASS (unknot_onboarding_window_parent_class)->close_request (window);
}

const char *
unknot_onboarding_window_get_page (UnknotOnboardingWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_ONBOARDING_WINDOW (self), NULL);
  return pages[current_page (self)];
}

static void
unknot_onboarding_window_dispose (GObject *object)
{
  UnknotOnboardingWindow *self = UNKNOT_ONBOARDING_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (unknot_onboarding_window_parent_class)->dispose (object);
}

static void
unknot_onboarding_window_class_init (UnknotOnboardingWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_onboarding_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = unknot_onboarding_window_close_request;

  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  g_type_ensure (UNKNOT_TYPE_SCREENING_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-onboarding-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, form);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, tools_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, end_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotOnboardingWindow, days_box);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "onboarding.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "onboarding.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "onboarding.skip", NULL, skip_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "onboarding.skip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "onboarding.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "onboarding.next", NULL);
}

static void
unknot_onboarding_window_init (UnknotOnboardingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  page_changed_cb (self);
}

UnknotOnboardingWindow *
unknot_onboarding_window_new (GSettings *settings)
{
  UnknotOnboardingWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_ONBOARDING_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  unknot_screening_form_set_settings (self->form, settings);
  gtk_box_append (self->tools_box, unknot_setup_tools_group_new (settings));
  unknot_setup_bind_body_map (self->body_map, settings);
  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->reminders_switch, "active", self->schedule_group, "sensitive", G_BINDING_SYNC_CREATE);
  unknot_setup_bind_active_time (self->start_row, settings, "reminder-active-start");
  unknot_setup_bind_active_time (self->end_row, settings, "reminder-active-end");
  unknot_setup_add_day_buttons (self->days_box, settings);
  return self;
}

UnknotOnboardingWindow *
unknot_onboarding_window_get_for_parent (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return (UnknotOnboardingWindow *) unknot_dialog_get_for_parent (parent, WINDOW_KEY);
}

UnknotOnboardingWindow *
unknot_onboarding_window_present (GtkWindow *parent,
                                  GSettings *settings)
{
  UnknotOnboardingWindow *self = parent != NULL ? unknot_onboarding_window_get_for_parent (parent) : NULL;

  if (self == NULL)
    {
      self = unknot_onboarding_window_new (settings);
      if (parent != NULL)
        unknot_dialog_attach (GTK_WINDOW (self), parent, WINDOW_KEY);
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* The first run */

static void
show_first_run (GtkWindow *parent,
                GSettings *settings)
{
  if (!g_settings_get_boolean (settings, "onboarding-done"))
    unknot_onboarding_window_present (parent, settings);
}

gboolean
unknot_onboarding_maybe_show_first_run (GtkWindow *parent,
                                        GSettings *settings)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);

  if (settings == NULL || g_settings_get_boolean (settings, "onboarding-done"))
    return FALSE;
  if (unknot_onboarding_window_get_for_parent (parent) == NULL)
    unknot_dialog_show_after_first_frames (parent, FIRST_RUN_KEY, show_first_run, settings);
  return TRUE;
}
