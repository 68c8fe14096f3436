/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-step-row.h"

struct _UnknotStepRow
{
  AdwPreferencesRow  parent_instance;
  GtkImage      *picture;
  GtkLabel      *title_label;
  GtkLabel      *duration_label;
  GtkLabel      *instruction_label;
  GtkLabel      *pressure_label;
  GtkLabel      *stop_if_label;
};

G_DEFINE_FINAL_TYPE (UnknotStepRow, unknot_step_row, ADW_TYPE_PREFERENCES_ROW)

static void
unknot_step_row_class_init (UnknotStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotStepRow, picture);
  gtk_widget_class_bind_template_child (widget_class, UnknotStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotStepRow, duration_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotStepRow, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotStepRow, pressure_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotStepRow, stop_if_label);
}

static void
unknot_step_row_init (UnknotStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_text (label, text != NULL ? text : "");
}

GtkWidget *
unknot_step_row_new (UnknotStep *step,
                     guint       number)
{
  UnknotStepRow *self = g_object_new (UNKNOT_TYPE_STEP_ROW, NULL);
  g_autofree char *title = NULL;
  g_autofree char *duration = unknot_format_duration (unknot_step_get_duration (step));
  g_autofree char *duration_text = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  /* TRANSLATORS: a numbered step title, e.g. "2. Find the spot" */
  title = g_strdup_printf (_("%u. %s"), number, unknot_step_get_title (step));
  gtk_label_set_text (self->title_label, title);

  if (unknot_step_get_sides (step) == UNKNOT_SIDES_LEFT_RIGHT)
    /* TRANSLATORS: how long a step lasts when it is done on both sides, e.g. "1 minute on each side" */
    duration_text = g_strdup_printf (_("%s on each side"), duration);
  else
    duration_text = g_steal_pointer (&duration);
  gtk_label_set_text (self->duration_label, duration_text);

  gtk_label_set_text (self->instruction_label, unknot_step_get_instruction (step));
  set_optional_label (self->pressure_label, unknot_step_get_pressure (step));
  set_optional_label (self->stop_if_label, unknot_step_get_stop_if (step));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  texture = gdk_texture_new_from_file (unknot_step_get_illustration_file (step, 0), &error);
  if (texture == NULL)
    {
      /* The routine was valid when loaded; the file may have gone since, or
       * the SVG loader (librsvg2-common) may be missing. */
      g_warning ("Could not show the illustration of “%s”: %s", unknot_step_get_title (step), error->message);
      gtk_image_set_from_icon_name (self->picture, "image-missing-symbolic");
    }
  else
    gtk_image_set_from_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unknot_step_get_illustration_description (step), -1);
  return GTK_WIDGET (self);
}
