/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-data"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-broken-store.h"
#include "pain/unknot-pain-log.h"

typedef struct
{
  GtkWindow   *parent;  /* weak */
  UnknotStore *store;
  GFile       *moved;
} MoveData;

static void
move_data_free (MoveData *data)
{
  g_clear_weak_pointer (&data->parent);
  g_clear_object (&data->store);
  g_clear_object (&data->moved);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MoveData, move_data_free)

gboolean
unknot_broken_store_error_matches (const GError *error)
{
  return g_error_matches (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW);
}

static char *
store_path (UnknotStore *store)
{
  g_autoptr(GFile) file = NULL;

  g_object_get (store, "file", &file, NULL);
  return file != NULL ? g_file_get_parse_name (file) : g_strdup ("?");
}

static void
tell (GtkWindow  *parent,
      const char *heading,
      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopened_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MoveData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = g_file_get_parse_name (data->moved);
  g_autofree char *body = NULL;

  if (!unknot_store_open_finish (UNKNOT_STORE (source), result, &error))
    {
      g_warning ("%s", error->message);
      body = g_strdup_printf (_("Your old history is kept as:\n%s\n\nA new one could not be started: %s"),
                              old_name, error->message);
      tell (data->parent, _("Could Not Start a Fresh History"), body);
      return;
    }
  body = g_strdup_printf (_("Your old history is kept, unchanged, as:\n%s\n\n"
                            "New sessions and pain ratings are saved from now on."),
                          old_name);
  tell (data->parent, _("A Fresh History Was Started"), body);
  unknot_pain_log_emit_reset (unknot_pain_log_get (data->store));
}

static void
moved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MoveData) data = user_data;
  g_autoptr(GError) error = NULL;
  UnknotStore *store = UNKNOT_STORE (source);

  data->moved = unknot_store_move_aside_finish (store, result, &error);
  if (data->moved == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe file was left as it is. Sessions still work, but they are not recorded."),
                                               error->message);
      g_warning ("%s", error->message);
      tell (data->parent, _("Could Not Move the File Aside"), body);
      return;
    }
  unknot_store_open_async (store, NULL, reopened_cb, g_steal_pointer (&data));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  MoveData *data = user_data;

  if (g_str_equal (response, "move"))
    {
      MoveData *move = g_new0 (MoveData, 1);

      g_set_weak_pointer (&move->parent, data->parent);
      move->store = g_object_ref (data->store);
      unknot_store_move_aside_async (move->store, NULL, moved_cb, move);
    }
  else if (g_str_equal (response, "quit"))
    {
      GApplication *app = g_application_get_default ();
      if (app != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
    }
}

GtkWidget *
unknot_broken_store_present (GtkWindow    *parent,
                             UnknotStore  *store,
                             const GError *error)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/unknot-broken-store-dialog.ui");
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (builder, "dialog"));
  g_autofree char *path = store_path (store);
  MoveData *data;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);

  if (g_error_matches (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW))
    {
      adw_message_dialog_set_heading (dialog, _("Your History Was Saved by a Newer Unknot"));
      adw_message_dialog_format_body (dialog,
                                      _("The file that keeps your pain log and sessions was written by a newer version of Unknot, "
                                        "which this version cannot read:\n%s\n\n"
                                        "Unknot has not changed it. Use the newer version to keep it, or move it aside and start "
                                        "a fresh history: the file is kept under a new name beside it. "
                                        "Without either, sessions still work, but nothing is saved."),
                                      path);
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _("Your History Could Not Be Opened"));
      adw_message_dialog_format_body (dialog,
                                      _("The file that keeps your pain log and sessions is damaged or is not an Unknot database:\n%s\n\n"
                                        "Unknot has not changed it. Move it aside to start a fresh history: the file is kept under "
                                        "a new name beside it, so nothing is lost. "
                                        "Without that, sessions still work, but nothing is saved."),
                                      path);
    }

  data = g_new0 (MoveData, 1);
  g_set_weak_pointer (&data->parent, parent);
  data->store = g_object_ref (store);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), data, (GClosureNotify) (void (*) (void)) move_data_free, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}
