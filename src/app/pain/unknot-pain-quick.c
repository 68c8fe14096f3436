/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain.h"
#include "unknot-pain-quick.h"

#define VALUE_KEY "unknot-pain-value"

struct _UnknotPainQuick
{
  GtkWidget  parent_instance;

  GtkLabel  *prompt_label;
  GtkWidget *skip_button;
  GtkStack  *stack;
  GtkBox    *buttons_box;
  GtkLabel  *low_label;
  GtkLabel  *high_label;
  GtkLabel  *result_label;
  GtkWidget *buttons[UNKNOT_PAIN_MAX + 1];
};

G_DEFINE_FINAL_TYPE (UnknotPainQuick, unknot_pain_quick, GTK_TYPE_WIDGET)

enum {
  RATED,
  SKIPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
value_clicked_cb (GtkButton       *button,
                  UnknotPainQuick *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), VALUE_KEY));

  gtk_widget_set_visible (self->skip_button, FALSE);
  gtk_label_set_text (self->result_label, "");
  gtk_stack_set_visible_child_name (self->stack, "done");
  g_signal_emit (self, signals[RATED], 0, value);
}

static void
skip_clicked_cb (UnknotPainQuick *self)
{
  g_signal_emit (self, signals[SKIPPED], 0);
}

static void
unknot_pain_quick_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UNKNOT_TYPE_PAIN_QUICK);
  /* dispose_template only lets go of the children bound to fields. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (unknot_pain_quick_parent_class)->dispose (object);
}

static void
unknot_pain_quick_class_init (UnknotPainQuickClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_pain_quick_dispose;

  signals[RATED] = g_signal_new ("rated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SKIPPED] = g_signal_new ("skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-pain-quick.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, skip_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, low_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, high_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainQuick, result_label);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
}

static void
unknot_pain_quick_init (UnknotPainQuick *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int value = 0; value <= UNKNOT_PAIN_MAX; value++)
    {
      g_autofree char *number = g_strdup_printf ("%d", value);
      g_autofree char *described = unknot_pain_describe_value (value);
      GtkWidget *button = gtk_button_new_with_label (number);

      g_object_set_data (G_OBJECT (button), VALUE_KEY, GINT_TO_POINTER (value));
      gtk_widget_set_tooltip_text (button, described);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (value_clicked_cb), self);
      gtk_box_append (self->buttons_box, button);
      self->buttons[value] = button;
    }
  gtk_label_set_text (self->low_label, unknot_pain_anchor_label (0));
  gtk_label_set_text (self->high_label, unknot_pain_anchor_label (UNKNOT_PAIN_MAX));
  /* TRANSLATORS: the question before and after a session, over buttons 0 to 10 */
  gtk_label_set_text (self->prompt_label, _("Pain now?"));
}

void
unknot_pain_quick_set_prompt (UnknotPainQuick *self,
                              const char      *prompt)
{
  g_return_if_fail (UNKNOT_IS_PAIN_QUICK (self));
  gtk_label_set_text (self->prompt_label, prompt);
}

void
unknot_pain_quick_set_result (UnknotPainQuick *self,
                              const char      *result)
{
  g_return_if_fail (UNKNOT_IS_PAIN_QUICK (self));
  gtk_widget_set_visible (self->skip_button, FALSE);
  gtk_label_set_text (self->result_label, result);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

void
unknot_pain_quick_reset (UnknotPainQuick *self)
{
  g_return_if_fail (UNKNOT_IS_PAIN_QUICK (self));
  gtk_widget_set_visible (self->skip_button, TRUE);
  gtk_label_set_text (self->result_label, "");
  gtk_stack_set_visible_child_name (self->stack, "ask");
}

GtkWidget *
unknot_pain_quick_get_button (UnknotPainQuick *self,
                              int              value)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_QUICK (self), NULL);
  g_return_val_if_fail (value >= 0 && value <= UNKNOT_PAIN_MAX, NULL);
  return self->buttons[value];
}
