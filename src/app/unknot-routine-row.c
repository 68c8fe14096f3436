/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "safety/unknot-screening-notes.h"
#include "unknot-routine-row.h"

struct _UnknotRoutineRow
{
  AdwActionRow   parent_instance;
  UnknotRoutine *routine;
  GtkImage      *tool_icon;
  GtkLabel      *yours_label;
  GtkWidget     *risk_box;
  GtkLabel      *risk_label;
};

G_DEFINE_FINAL_TYPE (UnknotRoutineRow, unknot_routine_row, ADW_TYPE_ACTION_ROW)

/* The safety check's note: a tag (an icon and a word, not colour alone),
 * the full note in its tooltip and in the row's accessible description. */
static void
update_risk (UnknotRoutineRow *self)
{
  UnknotScreeningLevel level = UNKNOT_SCREENING_TAKE_CARE;
  g_autofree char *note = unknot_screening_dup_note_for_widget (GTK_WIDGET (self), self->routine, &level);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->risk_box, note != NULL);
  if (note == NULL)
    {
      gtk_widget_set_tooltip_text (self->risk_box, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  text = g_strdup_printf ("%s\n%s", unknot_screening_level_get_title (level), note);
  gtk_label_set_text (self->risk_label, unknot_screening_level_get_tag (level));
  gtk_widget_set_tooltip_text (self->risk_box, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
unknot_routine_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_routine_row_parent_class)->root (widget);
  unknot_screening_watch (widget, G_CALLBACK (update_risk));
  update_risk (UNKNOT_ROUTINE_ROW (widget));
}

static void
unknot_routine_row_unroot (GtkWidget *widget)
{
  unknot_screening_unwatch (widget, G_CALLBACK (update_risk));
  GTK_WIDGET_CLASS (unknot_routine_row_parent_class)->unroot (widget);
}

static void
unknot_routine_row_dispose (GObject *object)
{
  UnknotRoutineRow *self = UNKNOT_ROUTINE_ROW (object);

  g_clear_object (&self->routine);
  G_OBJECT_CLASS (unknot_routine_row_parent_class)->dispose (object);
}

static void
unknot_routine_row_class_init (UnknotRoutineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_routine_row_dispose;
  widget_class->root = unknot_routine_row_root;
  widget_class->unroot = unknot_routine_row_unroot;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-routine-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, tool_icon);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, yours_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, risk_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, risk_label);
}

static void
unknot_routine_row_init (UnknotRoutineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_routine_row_new (UnknotRoutine *routine)
{
  UnknotRoutineRow *self = g_object_new (UNKNOT_TYPE_ROUTINE_ROW, NULL);
  g_autofree char *subtitle = unknot_routine_dup_subtitle (routine);

  self->routine = g_object_ref (routine);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), unknot_routine_get_title (routine));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->tool_icon, unknot_tool_get_icon_name (unknot_routine_get_tool (routine)));
  gtk_widget_set_visible (GTK_WIDGET (self->yours_label), unknot_routine_get_is_user (routine));
  return GTK_WIDGET (self);
}

UnknotRoutine *
unknot_routine_row_get_routine (UnknotRoutineRow *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_ROW (self), NULL);
  return self->routine;
}
