/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-screening"

#include "config.h"

#include "unknot-dialog.h"
#include "unknot-screening.h"
#include "unknot-screening-form.h"
#include "unknot-screening-window.h"

#define WINDOW_KEY "unknot-screening-window"
#define FIRST_RUN_KEY "unknot-screening-first-run"

struct _UnknotScreeningWindow
{
  AdwWindow            parent_instance;
  GSettings           *settings;  /* NULL: answers are not kept */

  UnknotScreeningForm *form;
};

G_DEFINE_FINAL_TYPE (UnknotScreeningWindow, unknot_screening_window, ADW_TYPE_WINDOW)

/* Closed before any answer, the check counts as skipped: it is not shown by
 * itself again, and the main menu still offers it. */
static gboolean
unknot_screening_window_close_request (GtkWindow *window)
{
  UnknotScreeningWindow *self = UNKNOT_SCREENING_WINDOW (window);

  if (self->settings != NULL)
    {
      g_autofree char *status = g_settings_get_string (self->settings, "screening-status");

      if (g_str_equal (status, "not-shown"))
        g_settings_set_string (self->settings, "screening-status", "skipped");
    }
  return GTK_WINDOW_CLASS (unknot_screening_window_parent_class)->close_request (window);
}

static void
done_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
unknot_screening_window_dispose (GObject *object)
{
  UnknotScreeningWindow *self = UNKNOT_SCREENING_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (unknot_screening_window_parent_class)->dispose (object);
}

static void
unknot_screening_window_class_init (UnknotScreeningWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_screening_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = unknot_screening_window_close_request;

  g_type_ensure (UNKNOT_TYPE_SCREENING_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-screening-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningWindow, form);

  gtk_widget_class_install_action (widget_class, "screening.done", NULL, done_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "screening.done", NULL);
}

static void
unknot_screening_window_init (UnknotScreeningWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UnknotScreeningWindow *
unknot_screening_window_new (GSettings *settings)
{
  UnknotScreeningWindow *self = g_object_new (UNKNOT_TYPE_SCREENING_WINDOW, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  unknot_screening_form_set_settings (self->form, settings);
  return self;
}

UnknotScreeningWindow *
unknot_screening_window_get_for_parent (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return (UnknotScreeningWindow *) unknot_dialog_get_for_parent (parent, WINDOW_KEY);
}

UnknotScreeningWindow *
unknot_screening_window_present (GtkWindow *parent,
                                 GSettings *settings)
{
  UnknotScreeningWindow *self = parent != NULL ? unknot_screening_window_get_for_parent (parent) : NULL;

  if (self == NULL)
    {
      self = unknot_screening_window_new (settings);
      if (parent != NULL)
        unknot_dialog_attach (GTK_WINDOW (self), parent, WINDOW_KEY);
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* The first run */

static gboolean
status_is_not_shown (GSettings *settings)
{
  g_autofree char *status = g_settings_get_string (settings, "screening-status");

  return g_str_equal (status, "not-shown");
}

static void
show_first_run (GtkWindow *parent,
                GSettings *settings)
{
  if (status_is_not_shown (settings))
    unknot_screening_window_present (parent, settings);
}

void
unknot_screening_maybe_show_first_run (GtkWindow *parent,
                                       GSettings *settings)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (settings == NULL || !status_is_not_shown (settings)
      || unknot_screening_window_get_for_parent (parent) != NULL)
    return;
  unknot_dialog_show_after_first_frames (parent, FIRST_RUN_KEY, show_first_run, settings);
}

UnknotScreeningQuestionRow *
unknot_screening_window_get_question (UnknotScreeningWindow *self,
                                      const char            *id)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_WINDOW (self), NULL);
  return unknot_screening_form_get_question (self->form, id);
}

const char *
unknot_screening_window_get_summary (UnknotScreeningWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_WINDOW (self), NULL);
  return unknot_screening_form_get_summary (self->form);
}
