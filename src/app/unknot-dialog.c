/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-dialog.h"

#define KEY_KEY "unknot-dialog-key"

GtkWindow *
unknot_dialog_get_for_parent (GtkWindow  *parent,
                              const char *key)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), key);
}

static void
forget_dialog_cb (GtkWindow *parent,
                  GtkWidget *dialog)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), KEY_KEY);

  if (g_object_get_data (G_OBJECT (parent), key) == dialog)
    g_object_set_data (G_OBJECT (parent), key, NULL);
}

void
unknot_dialog_attach (GtkWindow  *dialog,
                      GtkWindow  *parent,
                      const char *key)
{
  GtkApplication *app = gtk_window_get_application (parent);

  gtk_window_set_transient_for (dialog, parent);
  gtk_window_set_destroy_with_parent (dialog, TRUE);
  if (app != NULL)
    gtk_window_set_application (dialog, app);
  g_object_set_data (G_OBJECT (dialog), KEY_KEY, (gpointer) key);
  g_object_set_data (G_OBJECT (parent), key, dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (forget_dialog_cb), parent, G_CONNECT_SWAPPED);
}
