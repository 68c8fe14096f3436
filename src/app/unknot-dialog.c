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

/* The first run */

typedef struct
{
  GtkWindow          *parent; /* owns this through its data */
  const char         *key;
  UnknotFirstRunFunc  show;
  GSettings          *settings;
  GdkFrameClock      *clock;
  gulong              paint_handler;
  guint               paints;
  guint               source_id;
} FirstRun;

static void
first_run_free (gpointer data)
{
  FirstRun *run = data;

  if (run->paint_handler != 0)
    g_signal_handler_disconnect (run->clock, run->paint_handler);
  g_clear_object (&run->clock);
  g_clear_handle_id (&run->source_id, g_source_remove);
  g_clear_object (&run->settings);
  g_free (run);
}

static gboolean
show_first_run_cb (gpointer user_data)
{
  FirstRun *run = user_data;
  GtkWindow *parent = run->parent;
  UnknotFirstRunFunc show = run->show;
  g_autoptr(GSettings) settings = g_object_ref (run->settings);

  run->source_id = 0;
  g_object_set_data (G_OBJECT (parent), run->key, NULL); /* frees run */
  if (gtk_widget_get_visible (GTK_WIDGET (parent)))
    show (parent, settings);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                FirstRun      *run)
{
  if (++run->paints == 1)
    {
      run->source_id = g_timeout_add (500, show_first_run_cb, run);
      return;
    }
  g_signal_handler_disconnect (clock, run->paint_handler);
  run->paint_handler = 0;
  g_clear_handle_id (&run->source_id, g_source_remove);
  run->source_id = g_idle_add_full (G_PRIORITY_LOW, show_first_run_cb, run, NULL);
}

static void
parent_mapped_cb (GtkWindow *parent,
                  FirstRun  *run)
{
  g_signal_handlers_disconnect_by_func (parent, parent_mapped_cb, run);
  if (run->clock != NULL)
    return;
  run->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (parent)));
  run->paint_handler = g_signal_connect (run->clock, "after-paint", G_CALLBACK (after_paint_cb), run);
}

void
unknot_dialog_show_after_first_frames (GtkWindow          *parent,
                                       const char         *key,
                                       UnknotFirstRunFunc  show,
                                       GSettings          *settings)
{
  FirstRun *run;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (g_object_get_data (G_OBJECT (parent), key) != NULL)
    return; /* already pending */
  run = g_new0 (FirstRun, 1);
  run->parent = parent;
  run->key = key;
  run->show = show;
  run->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (parent), key, run, first_run_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (parent)))
    parent_mapped_cb (parent, run);
  else
    g_signal_connect (parent, "map", G_CALLBACK (parent_mapped_cb), run);
}
