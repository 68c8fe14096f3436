/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-insights-page.h"
#include "unknot-view-header.h"

struct _UnknotInsightsPage
{
  GtkBox                parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
};

G_DEFINE_FINAL_TYPE (UnknotInsightsPage, unknot_insights_page, GTK_TYPE_BOX)

static void
unknot_insights_page_class_init (UnknotInsightsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, menu_button);
}

static void
unknot_insights_page_init (UnknotInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  unknot_view_header_setup (self->switcher_title, self->menu_button);
}
