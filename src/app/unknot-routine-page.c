/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "safety/unknot-screening-notes.h"
#include "unknot-routine-page.h"
#include "unknot-step-row.h"

struct _UnknotRoutinePage
{
  GtkWidget             parent_instance;
  UnknotRoutine        *routine;
  GPtrArray            *rows; /* (group, row) pairs added for the current routine */

  GtkScrolledWindow    *scrolled_window;
  GtkImage             *tool_icon;
  GtkLabel             *title_label;
  GtkLabel             *meta_label;
  GtkLabel             *yours_label;
  GtkLabel             *summary_label;
  GtkWidget            *risk_box;
  GtkLabel             *risk_title;
  GtkLabel             *risk_label;
  AdwPreferencesGroup  *equipment_group;
  AdwPreferencesGroup  *safety_group;
  AdwPreferencesGroup  *steps_group;
};

G_DEFINE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, GTK_TYPE_WIDGET)

/* The safety check's note on this routine, if its answers call for one. */
static void
update_risk (UnknotRoutinePage *self)
{
  UnknotScreeningLevel level = UNKNOT_SCREENING_TAKE_CARE;
  g_autofree char *note = unknot_screening_dup_note_for_widget (GTK_WIDGET (self), self->routine, &level);

  gtk_widget_set_visible (self->risk_box, note != NULL);
  if (note == NULL)
    return;
  gtk_label_set_text (self->risk_title, unknot_screening_level_get_title (level));
  /* One reason a line; more than one reads better as a list. */
  if (strchr (note, '\n') != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (note, "\n", -1);
      g_autofree char *joined = g_strjoinv ("\n• ", lines);
      g_autofree char *list = g_strconcat ("• ", joined, NULL);

      gtk_label_set_text (self->risk_label, list);
    }
  else
    gtk_label_set_text (self->risk_label, note);
}

static void
unknot_routine_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_routine_page_parent_class)->root (widget);
  unknot_screening_watch (widget, G_CALLBACK (update_risk));
  update_risk (UNKNOT_ROUTINE_PAGE (widget));
}

static void
unknot_routine_page_unroot (GtkWidget *widget)
{
  unknot_screening_unwatch (widget, G_CALLBACK (update_risk));
  GTK_WIDGET_CLASS (unknot_routine_page_parent_class)->unroot (widget);
}

static void
unknot_routine_page_dispose (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_PAGE);
  g_clear_object (&self->routine);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (unknot_routine_page_parent_class)->dispose (object);
}

static void
unknot_routine_page_class_init (UnknotRoutinePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_routine_page_dispose;
  widget_class->root = unknot_routine_page_root;
  widget_class->unroot = unknot_routine_page_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, tool_icon);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, yours_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, risk_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, risk_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, equipment_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, safety_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, steps_group);
}

static void
unknot_routine_page_init (UnknotRoutinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

static void
add_row (UnknotRoutinePage   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
add_text_rows (UnknotRoutinePage   *self,
               AdwPreferencesGroup *group,
               const char * const  *texts,
               const char          *icon_name)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      /* The row's text says it all; the icon is decoration (an empty
       * label would still be read out as an unnamed image). */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", icon_name,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), texts[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_row (self, group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), texts[0] != NULL || group == self->safety_group);
}

UnknotRoutine *
unknot_routine_page_get_routine (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);
  return self->routine;
}

void
unknot_routine_page_set_routine (UnknotRoutinePage *self,
                                 UnknotRoutine     *routine)
{
  g_autofree char *meta = NULL;
  g_autofree char *steps_description = NULL;
  g_autofree char *length = NULL;
  GListModel *steps;

  g_return_if_fail (UNKNOT_IS_ROUTINE_PAGE (self));

  if (!g_set_object (&self->routine, routine))
    return;

  for (guint i = 0; i < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  update_risk (self);
  if (routine == NULL)
    return;

  gtk_image_set_from_icon_name (self->tool_icon, unknot_tool_get_icon_name (unknot_routine_get_tool (routine)));
  gtk_label_set_text (self->title_label, unknot_routine_get_title (routine));
  meta = unknot_routine_dup_subtitle (routine);
  gtk_label_set_text (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->yours_label), unknot_routine_get_is_user (routine));
  gtk_label_set_text (self->summary_label, unknot_routine_get_summary (routine));

  add_text_rows (self, self->equipment_group, unknot_routine_get_equipment (routine), "object-select-symbolic");
  add_text_rows (self, self->safety_group, unknot_routine_get_safety (routine), "dialog-warning-symbolic");

  steps = unknot_routine_get_steps (routine);
  length = unknot_format_duration (unknot_routine_get_total_seconds (routine));
  steps_description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step, %s in all", "%u steps, %s in all",
                                                    g_list_model_get_n_items (steps)),
                                       g_list_model_get_n_items (steps), length);
  adw_preferences_group_set_description (self->steps_group, steps_description);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);
      add_row (self, self->steps_group, unknot_step_row_new (step, i + 1));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}
