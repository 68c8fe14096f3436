/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline for tests/bench/first-window: the smallest libadwaita window
 * that looks like an app, measured the same way as unknot itself. */
#include <adwaita.h>

#include "unknot-first-frame.h"

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Hello");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);

  unknot_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  unknot_first_frame_mark ("window presented");
}

int
main (int   argc,
      char *argv[])
{
  unknot_first_frame_mark ("main begins");
  g_autoptr(AdwApplication) app =
    adw_application_new ("io.github.unknot.Hello", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
