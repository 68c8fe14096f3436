/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-help-content.h"
#include "unknot-help-window.h"

struct _UnknotHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotHelpWindow, unknot_help_window, ADW_TYPE_WINDOW)

static void
unknot_help_window_class_init (UnknotHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (UNKNOT_TYPE_HELP_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-help-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
unknot_help_window_init (UnknotHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UnknotHelpWindow *
unknot_help_window_present_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  UnknotHelpWindow *self = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* One per window: pressing F1 twice does not stack two of them. */
  for (guint i = 0; self == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (UNKNOT_IS_HELP_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        self = UNKNOT_HELP_WINDOW (window);
    }
  if (self == NULL)
    {
      self = g_object_new (UNKNOT_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
      if (parent != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
