/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pain/unknot-report-pdf.h"
#include "unknot-cli.h"
#include "unknot-routine-io.h"
#include "unknot-routine-library.h"
#include "unknot-screening.h"
#include "unknot-store.h"
#include "unknot-suggest.h"

void
unknot_cli_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "list-routines", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List every routine: id, tool, steps, seconds and title, separated by tabs"), NULL },
    { "validate-routine", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Check a routine file and report the first problem with its line and column"), N_("FILE") },
    { "start-routine", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open Unknot and start a session with the routine of this id"), N_("ID") },
    /* A string: GApplication leaves an integer option of 0 out of the
     * dictionary, and 0 ("no pain") is worth recording. */
    { "log-pain", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Record pain now, 0 (no pain) to 10 (worst pain you can imagine)"), N_("N") },
    { "region", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --log-pain: where it hurts, e.g. neck-left or upper-back-right (repeat for more)"), N_("REGION") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --log-pain: what may have caused it, e.g. desk-work or your own word (repeat for more)"), N_("TAG") },
    { "note", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --log-pain: a note"), N_("TEXT") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the pain log to a CSV file; an existing file is kept unless --force is given"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export-csv: replace an existing file"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Add the entries of a CSV file to the pain log; nothing is added if any line is wrong"), N_("FILE") },
    { "move-aside-history", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Rename a history Unknot cannot open to unknot.db.broken-DATE, so that a new one can start"), NULL },
    { "report-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a pain report for a clinician to a new PDF file (the last 90 days unless --from says)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --report-pdf: the first day, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --report-pdf: the last day, YYYY-MM-DD (default today)"), N_("DATE") },
    { "suggest", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Suggest routines for now, best first: id, minutes and the reason, separated by tabs"), NULL },
    /* A string, like --log-pain, so that 0 is refused rather than dropped. */
    { "minutes", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --suggest: the time you have, in minutes (default from the preferences, 5)"), N_("N") },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
}

static UnknotRoutineLibrary *
default_library (void)
{
  g_autoptr(GFile) folder = unknot_default_user_routines_folder ();

  return unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
}

gboolean
unknot_cli_routine_exists (const char *id)
{
  g_autoptr(UnknotRoutineLibrary) library = default_library ();

  return unknot_routine_library_lookup (library, id) != NULL;
}

static int
list_routines (void)
{
  g_autoptr(UnknotRoutineLibrary) library = default_library ();
  const char * const *problems = unknot_routine_library_get_problems (library);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_print ("%s\t%s\t%u\t%u\t%s\n",
               unknot_routine_get_id (routine),
               unknot_tool_to_string (unknot_routine_get_tool (routine)),
               unknot_routine_get_n_steps (routine),
               unknot_routine_get_total_seconds (routine),
               unknot_routine_get_title (routine));
    }
  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("%s\n", problems[i]);
  return 0;
}

static int
validate_routine (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(UnknotRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;

  routine = unknot_routine_load_file (file, path, TRUE, &error);
  if (routine == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* TRANSLATORS: printed by “unknot --validate-routine FILE” for a good file; %s is the file */
  g_print (_("%s: ok\n"), path);
  return 0;
}

/* The pain log from the command line: the same store as the app, driven
 * to completion here before the process exits. */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (slot);
}

static void
print_store_error (const GError *error)
{
  if (g_error_matches (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT)
      || g_error_matches (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW))
    /* Translators: %s is a sentence saying which file could not be opened. */
    g_printerr (_("%s “unknot --move-aside-history” renames it and starts a new history.\n"), error->message);
  else
    g_printerr ("%s\n", error->message);
}

static UnknotStore *
open_store (void)
{
  g_autoptr(GFile) file = unknot_default_store_file ();
  g_autoptr(UnknotStore) store = unknot_store_new (file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  if (!unknot_store_open_finish (store, result, &error))
    {
      print_store_error (error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

static int
log_pain (int                 pain,
          const char * const *regions,
          const char * const *tags,
          const char         *note)
{
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  const char *bad_region = NULL;
  GAsyncResult *slot = NULL;

  entry->pain = pain;
  if (!unknot_pain_regions_from_ids (regions, &entry->regions, &bad_region))
    {
      g_printerr (_("“%s” is not a region; use neck-left, neck-right, shoulder-left, shoulder-right, "
                    "upper-back-left, upper-back-right, mid-back-left, mid-back-right, lower-back-left "
                    "or lower-back-right.\n"), bad_region);
      return 1;
    }
  unknot_pain_entry_set_tags (entry, tags);
  entry->note = g_strdup (note);
  /* Checked before the history is touched, so a typo creates nothing. */
  if (!unknot_pain_entry_validate (entry, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  store = open_store ();
  if (store == NULL)
    return 1;
  unknot_store_add_pain_entry_async (store, entry, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  saved = unknot_store_add_pain_entry_finish (store, result, &error);
  if (saved == NULL)
    {
      print_store_error (error);
      return 1;
    }
  described = unknot_pain_describe_value (saved->pain);
  g_print (_("Saved: %s\n"), described);
  return 0;
}

static int
export_csv (const char *path,
            gboolean    overwrite)
{
  g_autoptr(UnknotStore) store = open_store ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 n;

  if (store == NULL)
    return 1;
  unknot_store_export_pain_csv_async (store, file, overwrite, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  n = unknot_store_export_pain_csv_finish (store, result, &error);
  if (n < 0)
    {
      if (g_error_matches (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS))
        g_printerr (_("%s already exists; choose another name, or add --force to replace it.\n"), path);
      else
        print_store_error (error);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u entry to %s\n", "Exported %u entries to %s\n", (gulong) n),
           (guint) n, path);
  return 0;
}

static int
import_csv (const char *path)
{
  g_autoptr(UnknotStore) store = open_store ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  GAsyncResult *slot = NULL;
  guint n_imported = 0, n_skipped = 0;

  if (store == NULL)
    return 1;
  unknot_store_import_pain_csv_async (store, file, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  if (!unknot_store_import_pain_csv_finish (store, result, &n_imported, &n_skipped, &problems, &error))
    {
      for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
        g_printerr ("%s\n", problems[i]);
      print_store_error (error);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u entry from %s", "Imported %u entries from %s", n_imported),
           n_imported, path);
  if (n_skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u was already in the log)", " (%u were already in the log)",
                          n_skipped), n_skipped);
  g_print ("\n");
  return 0;
}

static int
move_aside_history (void)
{
  g_autoptr(GFile) file = unknot_default_store_file ();
  g_autoptr(UnknotStore) store = unknot_store_new (file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) moved = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *moved_path = NULL;
  GAsyncResult *slot = NULL;

  /* Only a history that does not open is moved; a working one says so. */
  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  if (unknot_store_open_finish (store, result, NULL))
    {
      g_printerr (_("%s opens fine; nothing was moved.\n"), path);
      return 1;
    }
  g_clear_object (&result);
  unknot_store_move_aside_async (store, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  moved = unknot_store_move_aside_finish (store, result, &error);
  if (moved == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  moved_path = g_file_get_path (moved);
  g_print (_("Moved %s to %s; Unknot starts a new history next time.\n"), path, moved_path);
  return 0;
}

/* --suggest: what the Today view would suggest, for scripts and panel
 * extensions.  Settings as the app keeps them (defaults when the schema is
 * not installed); history from the store, or none when there is no
 * database yet: a question should not create one. */

typedef struct
{
  guint gear;
  GStrv screening_yes;
  guint usual_regions;
  guint minutes;
} SuggestSettings;

static void
read_suggest_settings (SuggestSettings *out)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) answers = NULL;
  g_auto(GStrv) gear = NULL;
  g_auto(GStrv) regions = NULL;

  out->gear = UNKNOT_GEAR_ALL;
  out->screening_yes = NULL;
  out->usual_regions = 0;
  out->minutes = UNKNOT_SUGGEST_DEFAULT_MINUTES;
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new (APP_ID);
  gear = g_settings_get_strv (settings, "tools-at-hand");
  out->gear = unknot_gear_from_ids ((const char * const *) gear);
  answers = g_settings_get_value (settings, "screening-answers");
  out->screening_yes = unknot_screening_yes_from_variant (answers);
  regions = g_settings_get_strv (settings, "usual-pain-regions");
  unknot_pain_regions_from_ids ((const char * const *) regions, &out->usual_regions, NULL);
  out->minutes = (guint) MAX (1, g_settings_get_int (settings, "suggest-minutes"));
}

static int
suggest (guint minutes)
{
  g_autoptr(UnknotRoutineLibrary) library = default_library ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GFile) db = unknot_default_store_file ();
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(UnknotSuggestHistory) history = NULL;
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_auto(GStrv) notes = NULL;
  SuggestSettings settings;
  UnknotSuggestInput input = { 0 };

  if (g_file_query_exists (db, NULL))
    {
      g_autoptr(GAsyncResult) loaded = NULL;
      g_autoptr(GError) error = NULL;
      GAsyncResult *slot = NULL;

      store = open_store ();
      if (store == NULL)
        return 1;
      unknot_suggest_load_history_async (store, now, NULL, got_result_cb, &slot);
      loaded = wait_for (&slot);
      history = unknot_suggest_load_history_finish (store, loaded, &error);
      if (history == NULL)
        {
          print_store_error (error);
          return 1;
        }
      unknot_suggest_input_set_history (&input, history);
    }

  read_suggest_settings (&settings);
  input.routines = G_LIST_MODEL (library);
  input.now = now;
  input.minutes = minutes > 0 ? minutes : settings.minutes;
  input.gear = settings.gear;
  input.screening_yes = (const char * const *) settings.screening_yes;
  input.usual_regions = settings.usual_regions;
  result = unknot_suggest (&input);
  g_strfreev (settings.screening_yes);

  if (result->state != UNKNOT_SUGGEST_STATE_SUGGESTIONS)
    {
      g_autofree char *message = unknot_suggest_dup_state_message (result->state);

      g_printerr ("%s\n", message);
      return 0;
    }
  for (guint i = 0; i < result->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);

      g_print ("%s\t%u\t%s\n", unknot_routine_get_id (suggestion->routine), suggestion->minutes, suggestion->reason);
    }
  notes = unknot_suggest_result_dup_notes (result);
  for (guint i = 0; notes[i] != NULL; i++)
    g_printerr ("%s\n", notes[i]);
  return 0;
}

int
unknot_cli_handle_options (GVariantDict *options)
{
  g_autofree const char **regions = NULL;
  g_autofree const char **tags = NULL;
  const char *note = NULL;
  const char *pain = NULL;
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("unknot %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "list-routines"))
    return list_routines ();
  if (g_variant_dict_lookup (options, "validate-routine", "^&ay", &path))
    return validate_routine (path);
  if (g_variant_dict_contains (options, "suggest"))
    {
      const char *minutes = NULL;
      guint64 value = 0;

      if (g_variant_dict_lookup (options, "minutes", "&s", &minutes)
          && !g_ascii_string_to_unsigned (minutes, 10, 1, 60, &value, NULL))
        {
          g_printerr (_("Minutes must be a whole number, 1–60, not “%s”.\n"), minutes);
          return 1;
        }
      return suggest ((guint) value);
    }
  if (g_variant_dict_contains (options, "minutes"))
    {
      g_printerr (_("--minutes goes with --suggest.\n"));
      return 1;
    }

  g_variant_dict_lookup (options, "region", "^a&s", &regions);
  g_variant_dict_lookup (options, "tag", "^a&s", &tags);
  g_variant_dict_lookup (options, "note", "&s", &note);
  if (g_variant_dict_lookup (options, "log-pain", "&s", &pain))
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (pain, 10, 0, UNKNOT_PAIN_MAX, &value, NULL))
        {
          g_printerr (_("Pain must be a whole number, 0–10, not “%s”.\n"), pain);
          return 1;
        }
      return log_pain ((int) value, regions, tags, note);
    }
  if (regions != NULL || tags != NULL || note != NULL)
    {
      g_printerr (_("--region, --tag and --note go with --log-pain N.\n"));
      return 1;
    }
  if (g_variant_dict_lookup (options, "export-csv", "^&ay", &path))
    return export_csv (path, g_variant_dict_contains (options, "force"));
  if (g_variant_dict_lookup (options, "import-csv", "^&ay", &path))
    return import_csv (path);
  if (g_variant_dict_contains (options, "force"))
    {
      g_printerr (_("--force goes with --export-csv FILE.\n"));
      return 1;
    }
  if (g_variant_dict_contains (options, "move-aside-history"))
    return move_aside_history ();
  if (g_variant_dict_lookup (options, "report-pdf", "^&ay", &path))
    {
      const char *from = NULL, *to = NULL;

      g_variant_dict_lookup (options, "from", "&s", &from);
      g_variant_dict_lookup (options, "to", "&s", &to);
      return unknot_report_run_cli (path, from, to);
    }
  if (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to"))
    {
      g_printerr (_("--from and --to go with --report-pdf FILE.\n"));
      return 1;
    }
  return -1;
}
