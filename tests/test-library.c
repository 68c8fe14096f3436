/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The routine library as a user meets it: the built-ins plus their own
 * folder, kept up to date, with import, delete-and-undo and export. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "unknot-routine-io.h"
#include "unknot-routine-library.h"

#define WAIT_SECONDS 5

/* Every test gets its own empty user folder, removed when it ends. */
typedef struct
{
  GFile *folder;
} Fixture;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("unknot-test-library-XXXXXX", &error);

  g_assert_no_error (error);
  fixture->folder = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_assert_false (g_file_query_exists (fixture->folder, NULL));
  g_clear_object (&fixture->folder);
}

static GFile *
data_file (const char *name)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
}

/* The bytes of @folder/@relative, or NULL when there is no such file. */
static GBytes *
read_bytes (GFile      *folder,
            const char *relative)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, relative);

  return g_file_load_bytes (file, NULL, NULL, NULL);
}

static gboolean
exists (GFile      *folder,
        const char *relative)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, relative);

  return g_file_query_exists (file, NULL);
}

static void
write_file (GFile      *folder,
            const char *relative,
            const char *text)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, relative);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (parent, NULL, &error))
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);
    }
  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Puts the test illustration where the fixtures expect it, beside @folder's
 * routine files. */
static void
add_fixture_illustration (GFile *folder)
{
  g_autoptr(GFile) source = data_file ("illustrations/a.svg");
  g_autoptr(GFile) dir = g_file_get_child (folder, "illustrations");
  g_autoptr(GFile) dest = g_file_get_child (dir, "a.svg");
  g_autoptr(GError) error = NULL;

  if (g_file_query_exists (dest, NULL))
    return;
  g_file_make_directory (dir, NULL, &error);
  g_assert_no_error (error);
  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Copies tests/data/@fixture, with its illustration, into @folder as @name. */
static void
copy_fixture (GFile      *folder,
              const char *fixture,
              const char *name)
{
  g_autoptr(GFile) source = data_file (fixture);
  g_autoptr(GFile) dest = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;

  add_fixture_illustration (folder);
  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* good.json with another id and title. */
static char *
good_text (const char *id,
           const char *title)
{
  g_autoptr(GFile) source = data_file ("good.json");
  g_autoptr(GBytes) bytes = g_file_load_bytes (source, NULL, NULL, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *quoted_id = g_strdup_printf ("\"%s\"", id);
  g_autofree char *quoted_title = g_strdup_printf ("\"%s\"", title);

  g_assert_cmpuint (g_string_replace (text, "\"test-routine\"", quoted_id, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"Test routine\"", quoted_title, 1), ==, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A routine that is not in any user folder: its illustration is in tests/data. */
static UnknotRoutine *
load_outside_routine (const char *id,
                      const char *title)
{
  g_autofree char *text = good_text (id, title);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GFile) folder = data_file (NULL);
  g_autoptr(GError) error = NULL;
  UnknotRoutine *routine = unknot_routine_load_bytes (bytes, "outside.json", folder, &error);

  g_assert_no_error (error);
  return routine;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Every name in @folder, hidden ones too, sorted and joined by spaces. */
static char *
list_folder (GFile *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  g_assert_nonnull (enumerator);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static UnknotRoutineLibrary *
library_new (GFile *folder)
{
  UnknotRoutineLibrary *library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);

  g_assert_nonnull (library);
  g_assert_true (g_file_equal (unknot_routine_library_get_user_folder (library), folder));
  return library;
}

static guint
count_user_routines (UnknotRoutineLibrary *library)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (library), i);

      n += unknot_routine_get_is_user (routine);
    }
  return n;
}

/* The problems reported, one per line, for assertion messages. */
static char *
dup_problems (UnknotRoutineLibrary *library)
{
  return g_strjoinv ("\n", (char **) unknot_routine_library_get_problems (library));
}

static void
assert_one_problem_starts_with (UnknotRoutineLibrary *library,
                                const char           *expected)
{
  const char * const *problems = unknot_routine_library_get_problems (library);
  g_autofree char *all = dup_problems (library);
  guint found = 0;

  for (guint i = 0; problems[i] != NULL; i++)
    found += g_str_has_prefix (problems[i], expected);
  if (found != 1)
    g_error ("expected one problem starting “%s”; the problems are:\n%s", expected, all);
}

static void
assert_sorted_by_title (UnknotRoutineLibrary *library)
{
  GListModel *model = G_LIST_MODEL (library);

  g_assert_true (g_list_model_get_item_type (model) == UNKNOT_TYPE_ROUTINE);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) a = g_list_model_get_item (model, i - 1);
      g_autoptr(UnknotRoutine) b = g_list_model_get_item (model, i);

      if (g_utf8_collate (unknot_routine_get_title (a), unknot_routine_get_title (b)) > 0)
        g_error ("“%s” is listed before “%s”", unknot_routine_get_title (a), unknot_routine_get_title (b));
    }
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *n_changes = user_data;

  (*n_changes)++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until items-changed has fired and the routine @id is
 * listed (or gone, when @present is FALSE), for at most WAIT_SECONDS. */
static void
wait_for_change (UnknotRoutineLibrary *library,
                 const char           *id,
                 gboolean              present)
{
  guint n_changes = 0;
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);
  gulong handler = g_signal_connect (library, "items-changed", G_CALLBACK (items_changed_cb), &n_changes);

  while (!timed_out
         && (n_changes == 0 || (unknot_routine_library_lookup (library, id) != NULL) != present))
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (library, handler);
  if (!timed_out)
    g_source_remove (timeout_id);
  if (timed_out)
    g_error ("after %d s, items-changed fired %u times and “%s” is %s", WAIT_SECONDS, n_changes, id,
             present ? "still missing" : "still listed");
}

/* Built-ins alone. */

static void
test_builtins_only (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  g_autofree char *problems = dup_problems (library);
  GListModel *model = G_LIST_MODEL (library);

  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));
  assert_sorted_by_title (library);
  g_assert_cmpuint (count_user_routines (library), ==, 0);
  g_assert_cmpstr (problems, ==, "");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (model, i);

      g_assert_true (unknot_routine_library_lookup (library, unknot_routine_get_id (routine)) == routine);
    }
  g_assert_nonnull (unknot_routine_library_lookup (library, "ball-shoulder-blades"));
  g_assert_nonnull (unknot_routine_library_lookup (library, "hands-neck-shoulders"));
  g_assert_nonnull (unknot_routine_library_lookup (library, "roller-thoracic"));
  g_assert_null (unknot_routine_library_lookup (library, "test-routine"));
}

/* What is in the user folder when the library starts. */

static void
test_user_file_is_listed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) builtins = library_new (fixture->folder);
  guint n_builtins = g_list_model_get_n_items (G_LIST_MODEL (builtins));
  g_autoptr(UnknotRoutineLibrary) library = NULL;
  g_autoptr(GFile) expected_file = g_file_get_child (fixture->folder, "good.json");
  g_autofree char *problems = NULL;
  UnknotRoutine *routine;

  copy_fixture (fixture->folder, "good.json", "good.json");
  library = library_new (fixture->folder);
  problems = dup_problems (library);

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtins + 1);
  assert_sorted_by_title (library);
  routine = unknot_routine_library_lookup (library, "test-routine");
  g_assert_nonnull (routine);
  g_assert_true (unknot_routine_get_is_user (routine));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, "Test routine");
  g_assert_true (g_file_equal (unknot_routine_get_file (routine), expected_file));
  g_assert_false (unknot_routine_get_is_user (unknot_routine_library_lookup (library, "ball-shoulder-blades")));
}

static void
test_saved_routine_is_listed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) builtins = library_new (fixture->folder);
  g_autoptr(GFile) dest = g_file_get_child (fixture->folder, "mine.json");
  g_autoptr(UnknotRoutineLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  UnknotRoutine *routine;

  unknot_routine_save (unknot_routine_library_lookup (builtins, "roller-thoracic"), dest,
                       "my-roller", "mine", &error);
  g_assert_no_error (error);

  library = library_new (fixture->folder);
  routine = unknot_routine_library_lookup (library, "my-roller");
  g_assert_nonnull (routine);
  g_assert_true (unknot_routine_get_is_user (routine));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==,
                   unknot_routine_get_title (unknot_routine_library_lookup (library, "roller-thoracic")));
  g_assert_false (unknot_routine_get_is_user (unknot_routine_library_lookup (library, "roller-thoracic")));
  assert_sorted_by_title (library);
}

static void
test_broken_file_is_a_problem (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) builtins = library_new (fixture->folder);
  guint n_builtins = g_list_model_get_n_items (G_LIST_MODEL (builtins));
  g_autoptr(GFile) broken = g_file_get_child (fixture->folder, "bad-duration.json");
  g_autofree char *expected = g_strdup_printf ("%s:13:19: duration must be", g_file_peek_path (broken));
  g_autoptr(UnknotRoutineLibrary) library = NULL;

  copy_fixture (fixture->folder, "bad-duration.json", "bad-duration.json");
  copy_fixture (fixture->folder, "good.json", "good.json");
  library = library_new (fixture->folder);

  g_assert_cmpuint (g_strv_length ((char **) unknot_routine_library_get_problems (library)), ==, 1);
  assert_one_problem_starts_with (library, expected);
  g_assert_null (unknot_routine_library_lookup (library, "bad-duration"));
  /* The broken file does not keep the good one out. */
  g_assert_nonnull (unknot_routine_library_lookup (library, "test-routine"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtins + 1);
}

static void
test_builtin_id_is_not_taken (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) builtins = library_new (fixture->folder);
  guint n_builtins = g_list_model_get_n_items (G_LIST_MODEL (builtins));
  const char *builtin_title = unknot_routine_get_title (unknot_routine_library_lookup (builtins, "ball-shoulder-blades"));
  g_autofree char *text = good_text ("ball-shoulder-blades", "An impostor");
  g_autoptr(GFile) impostor = g_file_get_child (fixture->folder, "impostor.json");
  g_autofree char *expected = g_strdup_printf ("%s: a built-in routine already uses the id “ball-shoulder-blades”",
                                               g_file_peek_path (impostor));
  g_autoptr(UnknotRoutineLibrary) library = NULL;
  UnknotRoutine *routine;

  add_fixture_illustration (fixture->folder);
  write_file (fixture->folder, "impostor.json", text);
  library = library_new (fixture->folder);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtins);
  routine = unknot_routine_library_lookup (library, "ball-shoulder-blades");
  g_assert_false (unknot_routine_get_is_user (routine));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, builtin_title);
  g_assert_cmpuint (g_strv_length ((char **) unknot_routine_library_get_problems (library)), ==, 1);
  assert_one_problem_starts_with (library, expected);
}

static void
test_first_of_two_ids_wins (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *first = good_text ("same-id", "First");
  g_autofree char *second = good_text ("same-id", "Second");
  g_autoptr(GFile) loser = g_file_get_child (fixture->folder, "b.json");
  g_autofree char *expected = g_strdup_printf ("%s: another of your routines already uses the id “same-id”",
                                               g_file_peek_path (loser));
  g_autoptr(UnknotRoutineLibrary) library = NULL;
  UnknotRoutine *routine;

  add_fixture_illustration (fixture->folder);
  /* Written in the opposite order, so the file system order is not what wins. */
  write_file (fixture->folder, "b.json", second);
  write_file (fixture->folder, "a.json", first);
  library = library_new (fixture->folder);

  routine = unknot_routine_library_lookup (library, "same-id");
  g_assert_nonnull (routine);
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, "First");
  g_assert_cmpuint (count_user_routines (library), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) unknot_routine_library_get_problems (library)), ==, 1);
  assert_one_problem_starts_with (library, expected);
}

static void
test_other_files_are_ignored (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *hidden = good_text ("hidden-routine", "Hidden");
  g_autofree char *text = good_text ("text-routine", "Text");
  g_autofree char *backup = good_text ("backup-routine", "Backup");
  g_autofree char *problems = NULL;
  g_autoptr(UnknotRoutineLibrary) library = NULL;

  /* Each of these would be listed, or be a problem, if it were read. */
  add_fixture_illustration (fixture->folder);
  write_file (fixture->folder, ".hidden.json", hidden);
  write_file (fixture->folder, ".broken.json", "{ not a routine");
  write_file (fixture->folder, "notes.txt", text);
  write_file (fixture->folder, "backup.json~", backup);
  write_file (fixture->folder, "routine.json.bak", "{ not a routine");
  write_file (fixture->folder, "folder.json/inside.json", hidden);
  library = library_new (fixture->folder);
  problems = dup_problems (library);

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (count_user_routines (library), ==, 0);
  g_assert_null (unknot_routine_library_lookup (library, "hidden-routine"));
  g_assert_null (unknot_routine_library_lookup (library, "text-routine"));
  g_assert_null (unknot_routine_library_lookup (library, "backup-routine"));
}

/* The folder monitor. */

static void
test_monitor_sees_new_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  g_autofree char *text = good_text ("arrived-later", "Arrived later");
  UnknotRoutine *routine;

  add_fixture_illustration (fixture->folder);
  g_assert_null (unknot_routine_library_lookup (library, "arrived-later"));

  write_file (fixture->folder, "later.json", text);
  wait_for_change (library, "arrived-later", TRUE);

  routine = unknot_routine_library_lookup (library, "arrived-later");
  g_assert_true (unknot_routine_get_is_user (routine));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, "Arrived later");
  assert_sorted_by_title (library);
}

static void
test_monitor_sees_deleted_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = NULL;
  g_autoptr(GFile) file = g_file_get_child (fixture->folder, "good.json");
  g_autoptr(GError) error = NULL;
  guint n_items;

  copy_fixture (fixture->folder, "good.json", "good.json");
  library = library_new (fixture->folder);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_assert_nonnull (unknot_routine_library_lookup (library, "test-routine"));

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
  wait_for_change (library, "test-routine", FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_items - 1);
  g_assert_cmpuint (count_user_routines (library), ==, 0);
}

/* Import. */

static void
assert_same_routine (UnknotRoutine *a,
                     UnknotRoutine *b)
{
  g_assert_cmpstr (unknot_routine_get_title (a), ==, unknot_routine_get_title (b));
  g_assert_cmpstr (unknot_routine_get_summary (a), ==, unknot_routine_get_summary (b));
  g_assert_cmpint (unknot_routine_get_tool (a), ==, unknot_routine_get_tool (b));
  g_assert_cmpint (unknot_routine_get_level (a), ==, unknot_routine_get_level (b));
  g_assert_cmpuint (unknot_routine_get_n_steps (a), ==, unknot_routine_get_n_steps (b));
  g_assert_cmpuint (unknot_routine_get_total_seconds (a), ==, unknot_routine_get_total_seconds (b));
  for (guint i = 0; i < unknot_routine_get_n_steps (a); i++)
    {
      g_autoptr(UnknotStep) sa = g_list_model_get_item (unknot_routine_get_steps (a), i);
      g_autoptr(UnknotStep) sb = g_list_model_get_item (unknot_routine_get_steps (b), i);

      g_assert_cmpstr (unknot_step_get_title (sa), ==, unknot_step_get_title (sb));
      g_assert_cmpstr (unknot_step_get_instruction (sa), ==, unknot_step_get_instruction (sb));
      g_assert_cmpuint (unknot_step_get_duration (sa), ==, unknot_step_get_duration (sb));
      g_assert_cmpint (unknot_step_get_sides (sa), ==, unknot_step_get_sides (sb));
      g_assert_cmpstr (unknot_step_get_cue (sa), ==, unknot_step_get_cue (sb));
      g_assert_cmpuint (unknot_step_get_n_frames (sa), ==, unknot_step_get_n_frames (sb));
      for (guint f = 0; f < unknot_step_get_n_frames (sa); f++)
        {
          g_autoptr(GBytes) fa = g_file_load_bytes (unknot_step_get_illustration_file (sa, f), NULL, NULL, NULL);
          g_autoptr(GBytes) fb = g_file_load_bytes (unknot_step_get_illustration_file (sb, f), NULL, NULL, NULL);

          g_assert_nonnull (fa);
          g_assert_nonnull (fb);
          g_assert_true (g_bytes_equal (fa, fb));
        }
    }
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  g_autoptr(UnknotRoutine) routine = load_outside_routine ("test-routine", "Test routine");
  g_autoptr(GFile) written = g_file_get_child (fixture->folder, "test-routine.json");
  g_autoptr(UnknotRoutine) reloaded = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) original_svg = NULL;
  g_autoptr(GFile) data_folder = data_file (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  UnknotRoutine *listed;

  g_assert_true (unknot_routine_library_import (library, routine, NULL, FALSE, &error));
  g_assert_no_error (error);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "test-routine test-routine.json");
  svg = read_bytes (fixture->folder, "test-routine/a.svg");
  original_svg = read_bytes (data_folder, "illustrations/a.svg");
  g_assert_nonnull (svg);
  g_assert_true (g_bytes_equal (svg, original_svg));

  /* The library shows it at once, without waiting for the monitor. */
  listed = unknot_routine_library_lookup (library, "test-routine");
  g_assert_nonnull (listed);
  g_assert_true (unknot_routine_get_is_user (listed));
  g_assert_true (g_file_equal (unknot_routine_get_file (listed), written));
  assert_sorted_by_title (library);

  reloaded = unknot_routine_load_file (written, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_id (reloaded), ==, "test-routine");
  assert_same_routine (reloaded, routine);
}

static void
test_import_builtin_id_fails (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  UnknotRoutine *builtin = unknot_routine_library_lookup (library, "ball-shoulder-blades");
  g_autoptr(UnknotRoutine) outside = load_outside_routine ("hands-neck-shoulders", "Mine");
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (unknot_routine_library_import (library, builtin, NULL, FALSE, &error));
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Not even replace lets a user routine take a built-in's place. */
  g_assert_false (unknot_routine_library_import (library, outside, NULL, TRUE, &error));
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "");
  g_assert_cmpuint (count_user_routines (library), ==, 0);
}

static void
test_import_with_suggested_id (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  UnknotRoutine *builtin = unknot_routine_library_lookup (library, "ball-shoulder-blades");
  g_autofree char *new_id = unknot_routine_library_suggest_id (library, "ball-shoulder-blades");
  g_autofree char *third_id = NULL;
  g_autoptr(GFile) written = g_file_get_child (fixture->folder, "ball-shoulder-blades-2.json");
  g_autoptr(UnknotRoutine) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  UnknotRoutine *copy;

  g_assert_cmpstr (new_id, ==, "ball-shoulder-blades-2");
  g_assert_true (unknot_routine_library_import (library, builtin, new_id, FALSE, &error));
  g_assert_no_error (error);

  copy = unknot_routine_library_lookup (library, "ball-shoulder-blades-2");
  g_assert_nonnull (copy);
  g_assert_true (unknot_routine_get_is_user (copy));
  g_assert_true (g_file_equal (unknot_routine_get_file (copy), written));
  builtin = unknot_routine_library_lookup (library, "ball-shoulder-blades");
  g_assert_false (unknot_routine_get_is_user (builtin));

  reloaded = unknot_routine_load_file (written, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_id (reloaded), ==, "ball-shoulder-blades-2");
  assert_same_routine (reloaded, builtin);

  /* The next suggestion skips the one now taken. */
  third_id = unknot_routine_library_suggest_id (library, "ball-shoulder-blades");
  g_assert_cmpstr (third_id, ==, "ball-shoulder-blades-3");
}

static void
test_import_does_not_replace_unasked (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  g_autoptr(UnknotRoutine) first = load_outside_routine ("test-routine", "First version");
  g_autoptr(UnknotRoutine) second = load_outside_routine ("test-routine", "Second version");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;

  g_assert_true (unknot_routine_library_import (library, first, NULL, FALSE, &error));
  g_assert_no_error (error);
  before = read_bytes (fixture->folder, "test-routine.json");
  listing_before = list_folder (fixture->folder);

  g_assert_false (unknot_routine_library_import (library, second, NULL, FALSE, &error));
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE);

  after = read_bytes (fixture->folder, "test-routine.json");
  g_assert_true (g_bytes_equal (before, after));
  listing_after = list_folder (fixture->folder);
  g_assert_cmpstr (listing_after, ==, listing_before);
  g_assert_cmpstr (unknot_routine_get_title (unknot_routine_library_lookup (library, "test-routine")), ==,
                   "First version");
}

static void
test_import_replaces_when_asked (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  g_autoptr(UnknotRoutine) first = load_outside_routine ("test-routine", "First version");
  g_autoptr(UnknotRoutine) second = load_outside_routine ("test-routine", "Second version");
  g_autoptr(GFile) written = g_file_get_child (fixture->folder, "test-routine.json");
  g_autoptr(UnknotRoutine) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  guint n_items;
  UnknotRoutine *listed;

  g_assert_true (unknot_routine_library_import (library, first, NULL, FALSE, &error));
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_assert_true (unknot_routine_library_import (library, second, NULL, TRUE, &error));
  g_assert_no_error (error);

  listed = unknot_routine_library_lookup (library, "test-routine");
  g_assert_cmpstr (unknot_routine_get_title (listed), ==, "Second version");
  g_assert_true (unknot_routine_get_is_user (listed));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_items);
  reloaded = unknot_routine_load_file (written, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_title (reloaded), ==, "Second version");

  /* Nothing of the first version is left, hidden or not. */
  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "test-routine test-routine.json");
}

static void
test_import_never_overwrites_unreadable_file (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = NULL;
  g_autoptr(UnknotRoutine) routine = load_outside_routine ("test-routine", "Test routine");
  g_autoptr(GFile) written = g_file_get_child (fixture->folder, "test-routine-2.json");
  const char *broken_text = "{ \"format\": 1, \"id\": \"test-routine\", \"title\": \"half-written";
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  UnknotRoutine *listed;

  write_file (fixture->folder, "test-routine.json", broken_text);
  library = library_new (fixture->folder);
  g_assert_cmpuint (g_strv_length ((char **) unknot_routine_library_get_problems (library)), ==, 1);

  g_assert_true (unknot_routine_library_import (library, routine, NULL, FALSE, &error));
  g_assert_no_error (error);

  broken = read_bytes (fixture->folder, "test-routine.json");
  g_assert_cmpmem (g_bytes_get_data (broken, NULL), g_bytes_get_size (broken), broken_text, strlen (broken_text));
  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "test-routine-2 test-routine-2.json test-routine.json");
  listed = unknot_routine_library_lookup (library, "test-routine");
  g_assert_nonnull (listed);
  g_assert_true (unknot_routine_get_is_user (listed));
  g_assert_true (g_file_equal (unknot_routine_get_file (listed), written));
}

/* Delete, with undo. */

static void
test_trash_and_restore (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  guint n_builtins = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_autoptr(UnknotRoutine) outside = load_outside_routine ("test-routine", "Test routine");
  g_autoptr(GBytes) json_before = NULL;
  g_autoptr(GBytes) svg_before = NULL;
  g_autoptr(GBytes) json_after = NULL;
  g_autoptr(GBytes) svg_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *problems = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(UnknotRoutineLibrary) fresh = NULL;
  UnknotRoutine *restored;

  g_assert_true (unknot_routine_library_import (library, outside, NULL, FALSE, &error));
  g_assert_no_error (error);
  json_before = read_bytes (fixture->folder, "test-routine.json");
  svg_before = read_bytes (fixture->folder, "test-routine/a.svg");
  g_assert_nonnull (json_before);
  g_assert_nonnull (svg_before);

  token = unknot_routine_library_trash (library, unknot_routine_library_lookup (library, "test-routine"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_null (unknot_routine_library_lookup (library, "test-routine"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtins);

  /* Hidden: whatever is left in the folder is a dotfile the library skips. */
  g_assert_false (exists (fixture->folder, "test-routine.json"));
  g_assert_false (exists (fixture->folder, "test-routine"));
  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, !=, "");
  names = g_strsplit (listing, " ", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '.')
      g_error ("“%s” is still visible after trash", names[i]);
  fresh = library_new (fixture->folder);
  problems = dup_problems (fresh);
  g_assert_cmpstr (problems, ==, "");
  g_assert_null (unknot_routine_library_lookup (fresh, "test-routine"));
  g_clear_object (&fresh);

  restored = unknot_routine_library_restore (library, token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (unknot_routine_get_id (restored), ==, "test-routine");
  g_assert_true (unknot_routine_get_is_user (restored));
  g_assert_true (unknot_routine_library_lookup (library, "test-routine") == restored);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtins + 1);

  json_after = read_bytes (fixture->folder, "test-routine.json");
  svg_after = read_bytes (fixture->folder, "test-routine/a.svg");
  g_assert_nonnull (json_after);
  g_assert_nonnull (svg_after);
  g_assert_true (g_bytes_equal (json_before, json_after));
  g_assert_true (g_bytes_equal (svg_before, svg_after));
  g_clear_pointer (&listing, g_free);
  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "test-routine test-routine.json");
}

static void
test_trash_and_purge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  guint n_builtins = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_autoptr(UnknotRoutine) outside = load_outside_routine ("test-routine", "Test routine");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (unknot_routine_library_import (library, outside, NULL, FALSE, &error));
  g_assert_no_error (error);

  token = unknot_routine_library_trash (library, unknot_routine_library_lookup (library, "test-routine"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  unknot_routine_library_purge (library, token);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "");
  g_assert_null (unknot_routine_library_lookup (library, "test-routine"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_builtins);

  /* Gone for good: there is nothing to restore. */
  g_assert_null (unknot_routine_library_restore (library, token, &error));
  g_assert_nonnull (error);
  g_assert_null (unknot_routine_library_lookup (library, "test-routine"));
}

static void
test_trash_builtin_fails (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *listing = NULL;

  token = unknot_routine_library_trash (library, unknot_routine_library_lookup (library, "roller-thoracic"), &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (unknot_routine_library_lookup (library, "roller-thoracic"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_items);
  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "");
}

/* Export. */

static void
test_export_builtin (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = library_new (fixture->folder);
  UnknotRoutine *builtin = unknot_routine_library_lookup (library, "hands-neck-shoulders");
  g_autoptr(GFile) dest = g_file_get_child (fixture->folder, "out.json");
  g_autoptr(GFile) out_folder = g_file_get_child (fixture->folder, "out-illustrations");
  g_autoptr(UnknotRoutine) exported = NULL;
  g_autoptr(UnknotStep) first_step = NULL;
  g_autoptr(GBytes) json_before = NULL;
  g_autoptr(GBytes) json_after = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *first_relative = NULL;
  const char *different = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
  guint n_frames = 0;

  g_assert_true (unknot_routine_save (builtin, dest, NULL, "out-illustrations", &error));
  g_assert_no_error (error);

  exported = unknot_routine_load_file (dest, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_id (exported), ==, "hands-neck-shoulders");
  assert_same_routine (exported, builtin);
  for (guint i = 0; i < unknot_routine_get_n_steps (exported); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (unknot_routine_get_steps (exported), i);

      for (guint f = 0; f < unknot_step_get_n_frames (step); f++, n_frames++)
        g_assert_true (g_file_has_parent (unknot_step_get_illustration_file (step, f), out_folder));
    }
  g_assert_cmpuint (n_frames, >, 0);

  /* Again to the same place: the identical illustrations are reused. */
  json_before = read_bytes (fixture->folder, "out.json");
  g_assert_true (unknot_routine_save (builtin, dest, NULL, "out-illustrations", &error));
  g_assert_no_error (error);
  json_after = read_bytes (fixture->folder, "out.json");
  g_assert_true (g_bytes_equal (json_before, json_after));

  /* A different file in the way is never overwritten. */
  first_step = g_list_model_get_item (unknot_routine_get_steps (builtin), 0);
  first_name = g_file_get_basename (unknot_step_get_illustration_file (first_step, 0));
  first_relative = g_build_filename ("out-illustrations", first_name, NULL);
  write_file (fixture->folder, first_relative, different);

  g_assert_false (unknot_routine_save (builtin, dest, NULL, "out-illustrations", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  changed = read_bytes (fixture->folder, first_relative);
  g_assert_cmpmem (g_bytes_get_data (changed, NULL), g_bytes_get_size (changed), different, strlen (different));
  g_clear_pointer (&json_after, g_bytes_unref);
  json_after = read_bytes (fixture->folder, "out.json");
  g_assert_true (g_bytes_equal (json_before, json_after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/builtins-only", test_builtins_only);
  ADD ("/library/user/file-is-listed", test_user_file_is_listed);
  ADD ("/library/user/saved-routine-is-listed", test_saved_routine_is_listed);
  ADD ("/library/user/broken-file-is-a-problem", test_broken_file_is_a_problem);
  ADD ("/library/user/builtin-id-is-not-taken", test_builtin_id_is_not_taken);
  ADD ("/library/user/first-of-two-ids-wins", test_first_of_two_ids_wins);
  ADD ("/library/user/other-files-are-ignored", test_other_files_are_ignored);
  ADD ("/library/monitor/new-file", test_monitor_sees_new_file);
  ADD ("/library/monitor/deleted-file", test_monitor_sees_deleted_file);
  ADD ("/library/import/writes-files", test_import);
  ADD ("/library/import/builtin-id-fails", test_import_builtin_id_fails);
  ADD ("/library/import/suggested-id", test_import_with_suggested_id);
  ADD ("/library/import/no-replace", test_import_does_not_replace_unasked);
  ADD ("/library/import/replace", test_import_replaces_when_asked);
  ADD ("/library/import/never-overwrites-unreadable", test_import_never_overwrites_unreadable_file);
  ADD ("/library/delete/trash-and-restore", test_trash_and_restore);
  ADD ("/library/delete/trash-and-purge", test_trash_and_purge);
  ADD ("/library/delete/builtin-fails", test_trash_builtin_fails);
  ADD ("/library/export/builtin", test_export_builtin);
#undef ADD

  return g_test_run ();
}
