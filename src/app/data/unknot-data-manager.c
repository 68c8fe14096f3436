/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-data"

#include "config.h"

#include <glib/gi18n.h>

#include "pain/unknot-pain-log.h"
#include "unknot-data-manager.h"
#include "unknot-import-preview.h"
#include "unknot-application.h"
#include "unknot-window-private.h"

/* Telling */

static AdwToastOverlay *
toast_overlay_of (GtkWindow *parent)
{
  if (UNKNOT_IS_WINDOW (parent))
    return UNKNOT_WINDOW (parent)->toast_overlay;
  return NULL;
}

static void
add_toast (GtkWindow *parent,
           AdwToast  *toast)
{
  AdwToastOverlay *overlay = toast_overlay_of (parent);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (parent), toast);
}

static gboolean
can_toast (GtkWindow *parent)
{
  return toast_overlay_of (parent) != NULL || ADW_IS_PREFERENCES_WINDOW (parent);
}

void
unknot_data_tell_error (GtkWindow  *parent,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
unknot_data_tell (GtkWindow  *parent,
                  const char *message)
{
  if (parent != NULL && can_toast (parent))
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 8);
      add_toast (parent, toast);
    }
  else
    unknot_data_tell_error (parent, message, NULL);
}

/* Shown while a job runs; dismissed when it ends. */
static AdwToast *
busy_toast (GtkWindow  *parent,
            const char *message)
{
  AdwToast *toast;

  if (parent == NULL || !can_toast (parent))
    return NULL;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  add_toast (parent, g_object_ref (toast));
  return toast;
}

/* What an async job needs to tell its outcome. */
typedef struct
{
  GtkWindow   *parent;  /* weak */
  UnknotStore *store;
  GFile       *file;
  AdwToast    *busy;
  GSettings   *reminders;    /* turned back on when the job ends */
  guint        watch_id;     /* waiting for unknot-reminder to quit */
  guint        timeout_id;
} Job;

static Job *
job_new (GtkWindow   *parent,
         UnknotStore *store,
         GFile       *file,
         const char  *busy_message)
{
  Job *job = g_new0 (Job, 1);

  g_set_weak_pointer (&job->parent, parent);
  job->store = g_object_ref (store);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->busy = busy_message != NULL ? busy_toast (parent, busy_message) : NULL;
  return job;
}

static void
job_free (Job *job)
{
  if (job->watch_id != 0)
    g_bus_unwatch_name (job->watch_id);
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  if (job->reminders != NULL)
    g_settings_set_boolean (job->reminders, "reminders-enabled", TRUE);
  g_clear_object (&job->reminders);
  if (job->busy != NULL)
    adw_toast_dismiss (job->busy);
  g_clear_object (&job->busy);
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Export */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *message = NULL;
  gint64 n = unknot_store_export_pain_csv_finish (UNKNOT_STORE (source), result, &error);

  if (n < 0)
    {
      unknot_data_tell_error (job->parent, _("Could Not Export Your Pain Log"), error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* TRANSLATORS: "Exported 42 entries to “pain.csv”" */
                                          "Exported %u entry to “%s”", "Exported %u entries to “%s”", (gulong) n),
                             (guint) n, name);
  unknot_data_tell (job->parent, message);
}

void
unknot_data_export_csv (GtkWindow   *parent,
                        UnknotStore *store,
                        GFile       *file)
{
  g_return_if_fail (UNKNOT_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  unknot_store_export_pain_csv_async (store, file, TRUE, NULL, exported_cb,
                                      job_new (parent, store, file, _("Exporting your pain log…")));
}

/* Import */

GtkWidget *
unknot_data_import_csv (GtkWindow   *parent,
                        UnknotStore *store,
                        GFile       *file)
{
  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return GTK_WIDGET (unknot_import_preview_new (parent, store, file));
}

/* Backup */

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *message = NULL;

  if (!unknot_store_backup_finish (UNKNOT_STORE (source), result, &error))
    {
      unknot_data_tell_error (job->parent, _("Could Not Back Up Your History"), error->message);
      return;
    }
  message = g_strdup_printf (_("Backed up to “%s”"), name);
  unknot_data_tell (job->parent, message);
}

void
unknot_data_back_up (GtkWindow   *parent,
                     UnknotStore *store,
                     GFile       *file)
{
  g_return_if_fail (UNKNOT_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  unknot_store_backup_async (store, file, TRUE, NULL, backed_up_cb,
                             job_new (parent, store, file, _("Backing up your history…")));
}

/* Restore */

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) kept = unknot_store_restore_backup_finish (UNKNOT_STORE (source), result, &error);
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *kept_path = NULL;
  g_autofree char *body = NULL;

  if (kept == NULL)
    {
      body = g_strdup_printf (_("%s\n\nNothing was changed: your history is as it was."), error->message);
      unknot_data_tell_error (job->parent, _("Could Not Restore This Backup"), body);
      return;
    }
  kept_path = g_file_get_parse_name (kept);
  body = g_strdup_printf (_("Your history now comes from “%s”. The history it replaced is kept, unchanged, as:\n%s"),
                          name, kept_path);
  unknot_pain_log_emit_reset (unknot_pain_log_get (job->store));
  unknot_data_tell_error (job->parent, _("Backup Restored"), body);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Job              *job)
{
  if (!g_str_equal (response, "restore"))
    return;
  unknot_store_restore_backup_async (job->store, job->file, NULL, restored_cb,
                                     job_new (job->parent, job->store, job->file, _("Restoring your history…")));
}

GtkWidget *
unknot_data_restore (GtkWindow   *parent,
                     UnknotStore *store,
                     GFile       *file)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  dialog = adw_message_dialog_new (parent, _("Restore From This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Your pain log, sessions and reminders are replaced by those in “%s”. "
                                    "What you have now is not lost: it is kept aside as a copy beside your history, "
                                    "and its name is shown when the restore is done."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_response_cb), job_new (parent, store, file, NULL),
                         (GClosureNotify) (void (*) (void)) job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Delete all */

static void
reopened_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;

  if (!unknot_store_open_finish (UNKNOT_STORE (source), result, &error))
    g_warning ("After deleting everything, a new history could not be started: %s", error->message);
  unknot_pain_log_emit_reset (unknot_pain_log_get (job->store));
  unknot_data_tell (job->parent, _("All your data was deleted"));
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) deleted = unknot_store_delete_all_data_finish (UNKNOT_STORE (source), result, &error);

  if (deleted == NULL)
    {
      unknot_data_tell_error (job->parent, _("Could Not Delete Your Data"), error->message);
      return;
    }
  for (guint i = 0; deleted[i] != NULL; i++)
    g_debug ("Deleted %s", deleted[i]);
  /* An empty history from now on, so sessions are recorded again. */
  unknot_store_open_async (UNKNOT_STORE (source), NULL, reopened_cb, g_steal_pointer (&job));
}

static void
delete_now (Job *job)
{
  unknot_store_delete_all_data_async (job->store, NULL, deleted_cb, job);
}

static void
reminder_vanished_cb (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  Job *job = user_data;

  if (job->watch_id == 0)
    return;
  g_bus_unwatch_name (job->watch_id);
  job->watch_id = 0;
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  delete_now (job);
}

static gboolean
reminder_stays_cb (gpointer user_data)
{
  g_autoptr(Job) job = user_data;

  job->timeout_id = 0;
  g_bus_unwatch_name (job->watch_id);
  job->watch_id = 0;
  unknot_data_tell_error (job->parent, _("Could Not Delete Your Data"),
                          _("The break reminder service did not stop, and it keeps your history open. "
                            "Nothing was deleted. Turn reminders off in Preferences and try again."));
  return G_SOURCE_REMOVE;
}

/* unknot-reminder keeps the database open, and SQLite in a process that
 * holds a deleted file writes into it and may remove the new history's
 * -wal when it closes (unknot-store.h).  The service quits when reminders
 * are turned off, so they are, until the job ends. */
static gboolean
stop_reminder_service (Job *job)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = UNKNOT_IS_APPLICATION (app) ? unknot_application_get_settings (UNKNOT_APPLICATION (app)) : NULL;
  GDBusConnection *bus = app != NULL ? g_application_get_dbus_connection (app) : NULL;

  if (settings == NULL || bus == NULL || !g_settings_get_boolean (settings, "reminders-enabled"))
    return FALSE;
  job->reminders = g_object_ref (settings);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  job->watch_id = g_bus_watch_name_on_connection (bus, REMINDER_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                  NULL, reminder_vanished_cb, job, NULL);
  job->timeout_id = g_timeout_add_seconds (10, reminder_stays_cb, job);
  return TRUE;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Job              *job)
{
  Job *deleting;

  if (!g_str_equal (response, "delete"))
    return;
  deleting = job_new (job->parent, job->store, NULL, _("Deleting your data…"));
  if (!stop_reminder_service (deleting))
    delete_now (deleting);
}

static void
understood_cb (GtkCheckButton   *check,
               AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "delete", gtk_check_button_get_active (check));
}

GtkWidget *
unknot_data_delete_all (GtkWindow   *parent,
                        UnknotStore *store)
{
  GtkWidget *dialog;
  GtkWidget *check;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);

  dialog = adw_message_dialog_new (parent, _("Delete All Your Data?"),
                                   _("This deletes from this computer your whole pain log, every recorded session and break "
                                     "reminder, and the copies Unknot kept aside after a restore or a damaged file. "
                                     "It cannot be undone.\n\n"
                                     "Your preferences and your own routine files stay. To keep a copy, back up or export "
                                     "your pain log first."));
  check = gtk_check_button_new_with_mnemonic (_("I _understand that this cannot be undone"));
  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), check);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete All My Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (check, "toggled", G_CALLBACK (understood_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), job_new (parent, store, NULL, NULL),
                         (GClosureNotify) (void (*) (void)) job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Choosers */

typedef void (*FileFunc) (GtkWindow *parent, UnknotStore *store, GFile *file);

typedef struct
{
  GtkWindow   *parent;  /* weak */
  UnknotStore *store;
  FileFunc     func;
} Choice;

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        choice->func (choice->parent, choice->store, file);
    }
  g_clear_weak_pointer (&choice->parent);
  g_clear_object (&choice->store);
  g_free (choice);
  g_object_unref (chooser);
}

static void
choose (GtkWindow            *parent,
        UnknotStore          *store,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        const char           *suggested_name,
        GtkFileFilter        *filter,
        FileFunc              func)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (UNKNOT_IS_STORE (store));

  g_set_weak_pointer (&choice->parent, parent);
  choice->store = g_object_ref (store);
  choice->func = func;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
dated_name (const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, format);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

void
unknot_data_choose_export_csv (GtkWindow   *parent,
                               UnknotStore *store)
{
  /* TRANSLATORS: the suggested file name of an export; keep the %Y-%m-%d */
  g_autofree char *name = dated_name (_("unknot-pain-log-%Y-%m-%d.csv"));

  choose (parent, store, _("Export Pain Log"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name, csv_filter (),
          unknot_data_export_csv);
}

static void
import_chosen (GtkWindow   *parent,
               UnknotStore *store,
               GFile       *file)
{
  unknot_data_import_csv (parent, store, file);
}

void
unknot_data_choose_import_csv (GtkWindow   *parent,
                               UnknotStore *store)
{
  choose (parent, store, _("Import Pain Log"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, csv_filter (),
          import_chosen);
}

void
unknot_data_choose_back_up (GtkWindow   *parent,
                            UnknotStore *store)
{
  /* TRANSLATORS: the suggested file name of a backup; keep the %Y-%m-%d */
  g_autofree char *name = dated_name (_("unknot-backup-%Y-%m-%d.db"));

  choose (parent, store, _("Back Up Your History"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), name, NULL,
          unknot_data_back_up);
}

static void
restore_chosen (GtkWindow   *parent,
                UnknotStore *store,
                GFile       *file)
{
  unknot_data_restore (parent, store, file);
}

void
unknot_data_choose_restore (GtkWindow   *parent,
                            UnknotStore *store)
{
  choose (parent, store, _("Restore From a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, NULL,
          restore_chosen);
}
