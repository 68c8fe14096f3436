/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "safety/unknot-screening-notes.h"
#include "unknot-routine-row.h"
#include "unknot-suggest.h"
#include "unknot-window-private.h"

struct _UnknotRoutineRow
{
  AdwActionRow   parent_instance;
  UnknotRoutine *routine;
  GtkImage      *tool_icon;
  GtkLabel      *yours_label;
  GtkWidget     *risk_box;
  GtkLabel      *risk_label;
  GtkLabel      *needs_label; /* "Needs a foam roller" when it is not at hand */
  GSettings     *settings;    /* the window's, while rooted */
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

/* What the routine needs that the preferences say is not at hand. */
static void
update_needs (UnknotRoutineRow *self)
{
  UnknotGear needed = self->routine != NULL ? unknot_gear_for_routine (self->routine) : UNKNOT_GEAR_NONE;
  g_auto(GStrv) at_hand = NULL;
  gboolean missing;

  if (self->settings != NULL)
    at_hand = g_settings_get_strv (self->settings, "tools-at-hand");
  missing = self->settings != NULL && needed != UNKNOT_GEAR_NONE
            && (unknot_gear_from_ids ((const char * const *) at_hand) & needed) == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->needs_label), missing);
  if (missing)
    gtk_label_set_text (self->needs_label, unknot_gear_get_needs_label (needed));
}

static void
unknot_routine_row_root (GtkWidget *widget)
{
  UnknotRoutineRow *self = UNKNOT_ROUTINE_ROW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (unknot_routine_row_parent_class)->root (widget);
  unknot_screening_watch (widget, G_CALLBACK (update_risk));
  update_risk (self);
  root = gtk_widget_get_root (widget);
  if (UNKNOT_IS_WINDOW (root) && UNKNOT_WINDOW (root)->settings != NULL)
    {
      self->settings = g_object_ref (UNKNOT_WINDOW (root)->settings);
      g_signal_connect_object (self->settings, "changed::tools-at-hand", G_CALLBACK (update_needs), self,
                               G_CONNECT_SWAPPED);
    }
  update_needs (self);
}

static void
unknot_routine_row_unroot (GtkWidget *widget)
{
  UnknotRoutineRow *self = UNKNOT_ROUTINE_ROW (widget);

  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->settings, update_needs, self);
      g_clear_object (&self->settings);
    }
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
  /* Quieter than the safety check's tag beside it: a fact, not a warning.
   * Made here so the template, which the safety check also changes, stays
   * as it is. */
  self->needs_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->needs_label), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->needs_label), FALSE);
  gtk_label_set_wrap (self->needs_label, TRUE);
  gtk_label_set_width_chars (self->needs_label, 10);
  gtk_label_set_max_width_chars (self->needs_label, 24);
  gtk_label_set_justify (self->needs_label, GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (self->needs_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->needs_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->needs_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->needs_label), "needs-tool");
  gtk_widget_insert_before (GTK_WIDGET (self->needs_label), gtk_widget_get_parent (self->risk_box), self->risk_box);
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
