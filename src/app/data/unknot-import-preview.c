/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-data"

#include "config.h"

#include <glib/gi18n.h>

#include "pain/unknot-pain-log.h"
#include "unknot-data-manager.h"
#include "unknot-import-preview.h"
#include "unknot-pain-csv.h"

/* Bigger than any pain log a person writes (100,000 entries are ~6 MiB);
 * a larger file is refused before it is read into memory. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)
#define N_SHOWN 5

struct _UnknotImportPreview
{
  AdwWindow     parent_instance;

  GtkWidget    *import_button;
  GtkStack     *stack;
  GtkSpinner   *spinner;
  GtkLabel     *busy_label;
  GtkLabel     *summary_label;
  GtkLabel     *detail_label;
  GtkListBox   *rows_list;
  GtkLabel     *more_label;
  GtkLabel     *problems_heading;
  GtkListBox   *problems_list;

  GtkWindow    *parent;       /* weak; told the outcome */
  UnknotStore  *store;
  GFile        *file;
  GCancellable *cancellable;
  guint         n_entries;
  GStrv         problems;
  gboolean      importing;
};

G_DEFINE_FINAL_TYPE (UnknotImportPreview, unknot_import_preview, ADW_TYPE_WINDOW)

typedef struct
{
  GPtrArray *entries;   /* UnknotPainEntry */
  GPtrArray *problems;  /* char * */
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_clear_pointer (&parsed->entries, g_ptr_array_unref);
  g_clear_pointer (&parsed->problems, g_ptr_array_unref);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(Parsed) parsed = g_new0 (Parsed, 1);
  g_autofree char *name = g_file_get_parse_name (file);
  GError *error = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("%s is not a file."), name);
      return;
    }
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("%s is larger than 64 MB; a pain log is much smaller. Nothing was imported."), name);
      return;
    }
  if (!g_file_load_contents (file, cancellable, &text, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  parsed->entries = unknot_pain_csv_parse (text, length, NULL, &parsed->problems);
  g_task_return_pointer (task, g_steal_pointer (&parsed), (GDestroyNotify) parsed_free);
}

static void
show_busy (UnknotImportPreview *self,
           const char          *message)
{
  gtk_label_set_text (self->busy_label, message);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.import", FALSE);
}

static void
show_problems (UnknotImportPreview *self,
               const char * const  *problems,
               const char          *heading)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  g_strfreev (self->problems);
  self->problems = g_strdupv ((char **) problems);
  for (guint i = 0; problems[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (problems[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (label, "import-problem");
      gtk_list_box_append (self->problems_list, label);
    }
  gtk_label_set_text (self->problems_heading, heading);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "problems");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.import", FALSE);
}

static GtkWidget *
entry_row_new (const UnknotPainEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  /* TRANSLATORS: when an entry was made, strftime form: "Tue 4 Mar 2025, 08:30" */
  g_autofree char *time = g_date_time_format (entry->time, _("%a %-d %b %Y, %H:%M"));
  g_autofree char *pain = unknot_pain_describe_value (entry->pain);
  g_autofree char *title = g_strdup_printf ("%s · %s", g_strstrip (time), pain);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    if (entry->regions & unknot_pain_region_nth (i))
      g_ptr_array_add (details, g_strdup (unknot_pain_region_get_display_name (unknot_pain_region_nth (i))));
  for (guint i = 0; entry->tags[i] != NULL; i++)
    g_ptr_array_add (details, g_strdup (unknot_pain_tag_get_display_name (entry->tags[i])));
  if (entry->note != NULL && entry->note[0] != '\0')
    g_ptr_array_add (details, g_utf8_substring (entry->note, 0, MIN (g_utf8_strlen (entry->note, -1), 80)));
  g_ptr_array_add (details, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (details->len > 1)
    {
      g_autofree char *subtitle = g_strjoinv (" · ", (char **) details->pdata);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  return row;
}

static void
show_preview (UnknotImportPreview *self,
              GPtrArray           *entries)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *summary = NULL;
  GtkWidget *child;

  self->n_entries = entries->len;
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* TRANSLATORS: "42 entries to import from “pain.csv”" */
                                          "%u entry to import from “%s”",
                                          "%u entries to import from “%s”", entries->len),
                             entries->len, name);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->detail_label,
                      _("Entries already in your log, with the same time and pain, are skipped. "
                        "Session links are not imported."));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_list))) != NULL)
    gtk_list_box_remove (self->rows_list, child);
  for (guint i = 0; i < MIN (entries->len, N_SHOWN); i++)
    gtk_list_box_append (self->rows_list, entry_row_new (g_ptr_array_index (entries, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->rows_list), entries->len > 0);
  if (entries->len > N_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            entries->len - N_SHOWN),
                                               entries->len - N_SHOWN);
      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), entries->len > N_SHOWN);

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.import", entries->len > 0);
  if (entries->len > 0)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  UnknotImportPreview *self = UNKNOT_IMPORT_PREVIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(Parsed) parsed = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (parsed == NULL)
    {
      const char *problems[] = { error->message, NULL };
      show_problems (self, problems, _("This File Cannot Be Imported"));
      return;
    }
  if (parsed->entries == NULL)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "This file has %u problem",
                                                               "This file has %u problems", parsed->problems->len),
                                                  parsed->problems->len);
      g_ptr_array_add (parsed->problems, NULL);
      show_problems (self, (const char * const *) parsed->problems->pdata, heading);
      return;
    }
  show_preview (self, parsed->entries);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UnknotImportPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  guint n_imported = 0, n_skipped = 0;
  g_autofree char *message = NULL;

  self->importing = FALSE;
  if (!unknot_store_import_pain_csv_finish (UNKNOT_STORE (source), result, &n_imported, &n_skipped, &problems, &error))
    {
      if (problems != NULL && problems[0] != NULL)
        show_problems (self, (const char * const *) problems, error->message);
      else
        {
          const char *lines[] = { error->message, NULL };
          show_problems (self, lines, _("Nothing Was Imported"));
        }
      return;
    }

  if (n_skipped == 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u entry", "Imported %u entries", n_imported),
                               n_imported);
  else
    {
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u was already in your log",
                                                               "%u were already in your log", n_skipped),
                                                  n_skipped);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* TRANSLATORS: "Imported 40 entries; 2 were already in your log" */
                                              "Imported %u entry; %s", "Imported %u entries; %s", n_imported),
                                 n_imported, skipped);
    }
  unknot_pain_log_emit_reset (unknot_pain_log_get (self->store));
  unknot_data_tell (self->parent, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UnknotImportPreview *self = UNKNOT_IMPORT_PREVIEW (widget);
  g_autofree char *busy = NULL;

  if (self->importing || self->n_entries == 0 || self->problems != NULL)
    return;
  self->importing = TRUE;
  busy = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u entry…", "Importing %u entries…", self->n_entries),
                          self->n_entries);
  show_busy (self, busy);
  /* The window stays until the store answers: closing it would not stop a
   * transaction, only hide its outcome. */
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  unknot_store_import_pain_csv_async (self->store, self->file, NULL, imported_cb, g_object_ref (self));
}

static gboolean
unknot_import_preview_close_request (GtkWindow *window)
{
  UnknotImportPreview *self = UNKNOT_IMPORT_PREVIEW (window);

  if (self->importing)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (unknot_import_preview_parent_class)->close_request (window);
}

static void
unknot_import_preview_dispose (GObject *object)
{
  UnknotImportPreview *self = UNKNOT_IMPORT_PREVIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->problems, g_strfreev);
  G_OBJECT_CLASS (unknot_import_preview_parent_class)->dispose (object);
}

static void
unknot_import_preview_class_init (UnknotImportPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_import_preview_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = unknot_import_preview_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, import_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, busy_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, detail_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, rows_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, more_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportPreview, problems_list);
  gtk_widget_class_install_action (widget_class, "preview.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
unknot_import_preview_init (UnknotImportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.import", FALSE);
}

UnknotImportPreview *
unknot_import_preview_new (GtkWindow   *parent,
                           UnknotStore *store,
                           GFile       *file)
{
  UnknotImportPreview *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *busy = NULL;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (UNKNOT_TYPE_IMPORT_PREVIEW, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  busy = g_strdup_printf (_("Reading “%s”…"), name);
  show_busy (self, busy);
  gtk_window_present (GTK_WINDOW (self));

  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
  return self;
}

const char *
unknot_import_preview_get_state (UnknotImportPreview *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_PREVIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
unknot_import_preview_get_n_entries (UnknotImportPreview *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_PREVIEW (self), 0);
  return self->n_entries;
}

const char * const *
unknot_import_preview_get_problems (UnknotImportPreview *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_PREVIEW (self), NULL);
  return (const char * const *) self->problems;
}

GtkWidget *
unknot_import_preview_get_import_button (UnknotImportPreview *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_PREVIEW (self), NULL);
  return self->import_button;
}
