/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-view-header.h"

static void
update_switcher_bar (AdwViewSwitcherTitle *title)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (title)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (title), "win.show-switcher-bar", "b",
                              adw_view_switcher_title_get_title_visible (title));
}

static void
switcher_title_root_cb (AdwViewSwitcherTitle *title)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (title), ADW_TYPE_VIEW_STACK);

  if (stack != NULL && adw_view_switcher_title_get_stack (title) != ADW_VIEW_STACK (stack))
    adw_view_switcher_title_set_stack (title, ADW_VIEW_STACK (stack));
}

void
unknot_view_header_setup (AdwViewSwitcherTitle *switcher_title,
                          GtkMenuButton        *menu_button)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/unknot-primary-menu.ui");

  g_return_if_fail (ADW_IS_VIEW_SWITCHER_TITLE (switcher_title));
  g_return_if_fail (GTK_IS_MENU_BUTTON (menu_button));

  gtk_menu_button_set_icon_name (menu_button, "open-menu-symbolic");
  gtk_menu_button_set_primary (menu_button, TRUE);
  gtk_menu_button_set_menu_model (menu_button, G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (menu_button), _("Main Menu"));
  g_signal_connect (switcher_title, "realize", G_CALLBACK (switcher_title_root_cb), NULL);
  g_signal_connect (switcher_title, "map", G_CALLBACK (update_switcher_bar), NULL);
  g_signal_connect (switcher_title, "notify::title-visible", G_CALLBACK (update_switcher_bar), NULL);
}
