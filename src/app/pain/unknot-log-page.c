/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-log-page.h"
#include "unknot-view-header.h"

struct _UnknotLogPage
{
  GtkBox                parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
};

G_DEFINE_FINAL_TYPE (UnknotLogPage, unknot_log_page, GTK_TYPE_BOX)

static void
unknot_log_page_class_init (UnknotLogPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotLogPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotLogPage, menu_button);
}

static void
unknot_log_page_init (UnknotLogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  unknot_view_header_setup (self->switcher_title, self->menu_button);
}
