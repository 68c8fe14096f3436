/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-help-content.h"

struct _UnknotHelpContent
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotHelpContent, unknot_help_content, GTK_TYPE_BOX)

static void
unknot_help_content_class_init (UnknotHelpContentClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), RESOURCE_BASE "/unknot-help-content.ui");
}

static void
unknot_help_content_init (UnknotHelpContent *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_help_content_new (void)
{
  return g_object_new (UNKNOT_TYPE_HELP_CONTENT, NULL);
}
