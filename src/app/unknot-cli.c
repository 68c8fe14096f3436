/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "unknot-cli.h"
#include "unknot-routine-io.h"
#include "unknot-routine-library.h"

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

int
unknot_cli_handle_options (GVariantDict *options)
{
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
  return -1;
}
