/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-routine-row.h"

struct _UnknotRoutineRow
{
  AdwActionRow   parent_instance;
  UnknotRoutine *routine;
  GtkImage      *tool_icon;
  GtkLabel      *yours_label;
};

G_DEFINE_FINAL_TYPE (UnknotRoutineRow, unknot_routine_row, ADW_TYPE_ACTION_ROW)

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
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-routine-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, tool_icon);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, yours_label);
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
