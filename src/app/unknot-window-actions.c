/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-routine-io.h"
#include "unknot-window-private.h"

static void
show_error (UnknotWindow *self,
            const char   *heading,
            const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import */

typedef struct
{
  UnknotWindow  *window;
  UnknotRoutine *routine;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->routine);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
finish_import (UnknotWindow  *self,
               UnknotRoutine *routine,
               const char    *new_id,
               gboolean       replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *id = new_id != NULL ? new_id : unknot_routine_get_id (routine);

  if (!unknot_routine_library_import (self->library, routine, new_id, replace, &error))
    {
      show_error (self, _("Could Not Import Routine"), error->message);
      return;
    }
  message = g_strdup_printf (_("Imported “%s”"), unknot_routine_get_title (routine));
  unknot_window_toast (self, message);
  unknot_window_show_routine (self, unknot_routine_library_lookup (self->library, id));
}

static void
clash_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_autoptr(ImportData) data = user_data;
  g_autofree char *new_id = NULL;

  if (g_str_equal (response, "copy"))
    {
      new_id = unknot_routine_library_suggest_id (data->window->library, unknot_routine_get_id (data->routine));
      finish_import (data->window, data->routine, new_id, FALSE);
    }
  else if (g_str_equal (response, "replace"))
    finish_import (data->window, data->routine, NULL, TRUE);
}

static void
ask_about_clash (UnknotWindow  *self,
                 UnknotRoutine *routine,
                 UnknotRoutine *existing)
{
  g_autofree char *new_id = unknot_routine_library_suggest_id (self->library, unknot_routine_get_id (routine));
  ImportData *data = g_new0 (ImportData, 1);
  GtkWidget *dialog;

  data->window = g_object_ref (self);
  data->routine = g_object_ref (routine);

  if (!unknot_routine_get_is_user (existing))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("A Built-in Routine Has This Id"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The built-in routine “%s” already uses the id “%s”, and built-in routines are never replaced. "
                                        "You can import your file as a copy with the id “%s”."),
                                      unknot_routine_get_title (existing), unknot_routine_get_id (existing), new_id);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "copy", _("_Import as Copy"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Your Routine?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Your routine “%s” already uses the id “%s”. Replace it with the imported file, "
                                        "or keep both and import the file with the id “%s”."),
                                      unknot_routine_get_title (existing), unknot_routine_get_id (existing), new_id);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "copy", _("_Keep Both"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (clash_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  g_autofree char *name = g_file_get_parse_name (task_data);
  UnknotRoutine *routine = unknot_routine_load_file (task_data, name, TRUE, &error);

  if (routine == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, routine, g_object_unref);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  UnknotWindow *self = UNKNOT_WINDOW (source);
  g_autoptr(UnknotRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  UnknotRoutine *existing;

  routine = g_task_propagate_pointer (G_TASK (result), &error);
  if (routine == NULL)
    {
      show_error (self, _("This File Is Not a Routine Unknot Can Read"), error->message);
      return;
    }
  existing = unknot_routine_library_lookup (self->library, unknot_routine_get_id (routine));
  if (existing != NULL)
    ask_about_clash (self, routine, existing);
  else
    finish_import (self, routine, NULL, FALSE);
}

void
unknot_window_import_file (UnknotWindow *self,
                           GFile        *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, loaded_cb, NULL);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  UnknotWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      unknot_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
routine_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Unknot routines"));
  gtk_file_filter_add_mime_type (filter, "application/x-unknot-routine");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Routine"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), routine_file_filter ());
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export */

static char *
illustrations_folder_for (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - strlen (".json")] = '\0';
  return g_strconcat (basename, "-illustrations", NULL);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  UnknotWindow *self = user_data;
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);

  if (response == GTK_RESPONSE_ACCEPT && routine != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *folder = illustrations_folder_for (file);
      g_autoptr(GError) error = NULL;

      if (unknot_routine_save (routine, file, NULL, folder, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Exported to “%s”, with its pictures in “%s”"), name, folder);
          unknot_window_toast (self, message);
        }
      else
        show_error (self, _("Could Not Export Routine"), error->message);
    }
  g_object_unref (chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (routine == NULL)
    return;
  name = g_strconcat (unknot_routine_get_id (routine), ".json", NULL);
  chooser = gtk_file_chooser_native_new (_("Export Routine"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), routine_file_filter ());
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Delete, with undo */

void
unknot_window_finish_pending_delete (UnknotWindow *self)
{
  g_autofree char *token = g_steal_pointer (&self->pending_delete);

  if (token != NULL && self->library != NULL)
    unknot_routine_library_purge (self->library, token);
}

static void
delete_toast_dismissed_cb (AdwToast     *toast,
                           UnknotWindow *self)
{
  if (self->delete_toast == toast)
    {
      self->delete_toast = NULL;
      unknot_window_finish_pending_delete (self);
    }
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  char *token;

  if (routine == NULL || !unknot_routine_get_is_user (routine))
    return;

  /* Only one delete can be undone at a time; an earlier one becomes final. */
  if (self->delete_toast != NULL)
    {
      AdwToast *earlier = g_steal_pointer (&self->delete_toast);
      adw_toast_dismiss (earlier);
    }
  unknot_window_finish_pending_delete (self);

  title = g_strdup (unknot_routine_get_title (routine));
  token = unknot_routine_library_trash (self->library, routine, &error);
  if (token == NULL)
    {
      show_error (self, _("Could Not Delete Routine"), error->message);
      return;
    }
  self->pending_delete = token;

  toast = adw_toast_new_format (_("Deleted “%s”"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, self->undo_timeout);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, 0);
  self->delete_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  g_autofree char *token = g_steal_pointer (&self->pending_delete);
  g_autoptr(GError) error = NULL;
  UnknotRoutine *routine;

  self->delete_toast = NULL;
  if (token == NULL)
    return;
  routine = unknot_routine_library_restore (self->library, token, &error);
  if (routine == NULL)
    {
      show_error (self, _("Could Not Restore Routine"), error->message);
      return;
    }
  unknot_window_show_routine (self, routine);
}

void
unknot_window_update_routine_actions (UnknotWindow *self)
{
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", routine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start", routine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete",
                                 routine != NULL && unknot_routine_get_is_user (routine));
}

void
unknot_window_class_add_routine_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-delete", NULL);
}
