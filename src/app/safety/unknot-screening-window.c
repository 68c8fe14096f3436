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

/* The first run: wait for the parent's frames, then show the check. */

typedef struct
{
  GtkWindow     *parent; /* owns this through its data */
  GSettings     *settings;
  GdkFrameClock *clock;
  gulong         paint_handler;
  guint          paints;
  guint          source_id;
} FirstRun;

static void
first_run_free (gpointer data)
{
  FirstRun *run = data;

  if (run->paint_handler != 0)
    g_signal_handler_disconnect (run->clock, run->paint_handler);
  g_clear_object (&run->clock);
  g_clear_handle_id (&run->source_id, g_source_remove);
  g_clear_object (&run->settings);
  g_free (run);
}

static gboolean
status_is_not_shown (GSettings *settings)
{
  g_autofree char *status = g_settings_get_string (settings, "screening-status");

  return g_str_equal (status, "not-shown");
}

static gboolean
show_first_run_cb (gpointer user_data)
{
  GtkWindow *parent = user_data;
  FirstRun *run = g_object_get_data (G_OBJECT (parent), FIRST_RUN_KEY);
  g_autoptr(GSettings) settings = g_object_ref (run->settings);

  run->source_id = 0;
  g_object_set_data (G_OBJECT (parent), FIRST_RUN_KEY, NULL);
  if (status_is_not_shown (settings) && gtk_widget_get_visible (GTK_WIDGET (parent)))
    unknot_screening_window_present (parent, settings);
  return G_SOURCE_REMOVE;
}

/* After the first frame (the window) and the second (its routines), when
 * nothing more pressing is left; a window that paints only once gets it
 * half a second later. */
static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *parent)
{
  FirstRun *run = g_object_get_data (G_OBJECT (parent), FIRST_RUN_KEY);

  if (++run->paints == 1)
    {
      run->source_id = g_timeout_add (500, show_first_run_cb, parent);
      return;
    }
  g_signal_handler_disconnect (clock, run->paint_handler);
  run->paint_handler = 0;
  g_clear_handle_id (&run->source_id, g_source_remove);
  run->source_id = g_idle_add_full (G_PRIORITY_LOW, show_first_run_cb, parent, NULL);
}

static void
parent_mapped_cb (GtkWindow *parent)
{
  FirstRun *run = g_object_get_data (G_OBJECT (parent), FIRST_RUN_KEY);

  g_signal_handlers_disconnect_by_func (parent, parent_mapped_cb, NULL);
  if (run == NULL || run->clock != NULL)
    return;
  run->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (parent)));
  run->paint_handler = g_signal_connect (run->clock, "after-paint", G_CALLBACK (after_paint_cb), parent);
}

void
unknot_screening_maybe_show_first_run (GtkWindow *parent,
                                       GSettings *settings)
{
  FirstRun *run;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (settings == NULL || !status_is_not_shown (settings))
    return;
  if (g_object_get_data (G_OBJECT (parent), FIRST_RUN_KEY) != NULL
      || unknot_screening_window_get_for_parent (parent) != NULL)
    return;

  run = g_new0 (FirstRun, 1);
  run->parent = parent;
  run->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (parent), FIRST_RUN_KEY, run, first_run_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (parent)))
    parent_mapped_cb (parent);
  else
    g_signal_connect (parent, "map", G_CALLBACK (parent_mapped_cb), NULL);
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
