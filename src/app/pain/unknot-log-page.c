/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-log-page.h"
#include "unknot-pain-history-view.h"
#include "unknot-pain-log.h"
#include "unknot-view-header.h"
#include "unknot-window-private.h"

struct _UnknotLogPage
{
  GtkBox                 parent_instance;

  UnknotPainHistoryView *view;               /* NULL until first shown */
  GtkWidget             *log_button_content; /* icon and label, while wide */
  guint                  log_button_idle;

  AdwViewSwitcherTitle  *switcher_title;
  GtkMenuButton         *menu_button;
  GtkButton             *log_button;
  AdwBin                *content;
};

G_DEFINE_FINAL_TYPE (UnknotLogPage, unknot_log_page, GTK_TYPE_BOX)

/* The history is made on first use: the page is in the window's template,
 * but a list view, drop-downs and status pages are not worth building on
 * the way to the first frame. */
static UnknotPainHistoryView *
ensure_view (UnknotLogPage *self)
{
  GtkRoot *root;
  UnknotStore *store;

  if (self->view != NULL)
    return self->view;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  store = UNKNOT_IS_WINDOW (root) ? unknot_window_get_store (UNKNOT_WINDOW (root)) : NULL;
  self->view = unknot_pain_history_view_new (store != NULL ? unknot_pain_log_get (store) : NULL);
  adw_bin_set_child (self->content, GTK_WIDGET (self->view));
  return self->view;
}

static void
map_cb (UnknotLogPage *self)
{
  ensure_view (self);
}

/* Where the header is too narrow for the view switcher it shows the
 * page's title; then "Log Pain" keeps only its icon, so the title fits. */
static gboolean
update_log_button_cb (gpointer user_data)
{
  UnknotLogPage *self = user_data;

  self->log_button_idle = 0;
  if (adw_view_switcher_title_get_title_visible (self->switcher_title))
    gtk_button_set_icon_name (self->log_button, "list-add-symbolic");
  else if (gtk_button_get_child (self->log_button) != self->log_button_content)
    gtk_button_set_child (self->log_button, self->log_button_content);
  return G_SOURCE_REMOVE;
}

/* The title's visibility changes while the header is laid out; the button
 * changes after that. */
static void
update_log_button (UnknotLogPage *self)
{
  if (self->log_button_idle == 0)
    self->log_button_idle = g_idle_add (update_log_button_cb, self);
}

static void
unknot_log_page_dispose (GObject *object)
{
  UnknotLogPage *self = UNKNOT_LOG_PAGE (object);

  g_clear_handle_id (&self->log_button_idle, g_source_remove);
  g_clear_object (&self->log_button_content);
  self->view = NULL;
  G_OBJECT_CLASS (unknot_log_page_parent_class)->dispose (object);
}

static void
unknot_log_page_class_init (UnknotLogPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_log_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotLogPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotLogPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLogPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLogPage, content);
}

static void
unknot_log_page_init (UnknotLogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  unknot_view_header_setup (self->switcher_title, self->menu_button);
  self->log_button_content = g_object_ref (gtk_button_get_child (self->log_button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Log Pain"), -1);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible", G_CALLBACK (update_log_button), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

void
unknot_log_page_reload (UnknotLogPage *self)
{
  g_return_if_fail (UNKNOT_IS_LOG_PAGE (self));

  if (self->view != NULL)
    unknot_pain_history_view_reload (self->view);
}

void
unknot_log_page_set_filters (UnknotLogPage *self,
                             guint          regions,
                             const char    *tag)
{
  g_return_if_fail (UNKNOT_IS_LOG_PAGE (self));

  unknot_pain_history_view_set_filters (ensure_view (self), regions, tag);
}

GtkListView *
unknot_log_page_get_list_view (UnknotLogPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_LOG_PAGE (self), NULL);

  return unknot_pain_history_view_get_list_view (ensure_view (self));
}

gboolean
unknot_log_page_is_complete (UnknotLogPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_LOG_PAGE (self), FALSE);

  return self->view != NULL && unknot_pain_history_view_is_complete (self->view);
}

guint
unknot_log_page_get_n_entries (UnknotLogPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_LOG_PAGE (self), 0);

  return self->view != NULL ? unknot_pain_history_view_get_n_entries (self->view) : 0;
}
