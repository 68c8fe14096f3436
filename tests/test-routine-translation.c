/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built-in routines speak the user's language; the user's own routines are
 * shown as written.  Runs with a small German catalogue
 * (tests/data/routine-translation.po, compiled by meson) in a locale folder
 * of its own. */
#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "unknot-routine-io.h"
#include "unknot-routine-library.h"

#define TITLE "Two-minute desk break"
#define TITLE_DE "Zwei Minuten Pause am Schreibtisch"
#define INSTRUCTION "Sit tall with your feet flat on the floor and your arms loose. " \
                    "Roll both shoulders slowly up, back and down. Breathe out each time they drop."
#define INSTRUCTION_DE "Setz dich aufrecht hin, die Füße flach auf dem Boden und die Arme locker. " \
                       "Kreise beide Schultern langsam nach oben, hinten und unten."

/* A routine of the user's with the same title and first instruction as the
 * built-in desk break. */
static const char user_routine[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"my-desk-break\",\n"
  "  \"title\": \"" TITLE "\",\n"
  "  \"summary\": \"My own copy.\",\n"
  "  \"tool\": \"hand\",\n"
  "  \"equipment\": [\"Your chair\"],\n"
  "  \"areas\": [\"neck\"],\n"
  "  \"level\": \"gentle\",\n"
  "  \"steps\": [\n"
  "    {\n"
  "      \"title\": \"Roll your shoulders\",\n"
  "      \"instruction\": \"" INSTRUCTION "\",\n"
  "      \"duration\": 20,\n"
  "      \"pressure\": \"No pressure. Just move gently.\",\n"
  "      \"illustration\": [\"illustrations/a.svg\"],\n"
  "      \"illustration-description\": \"A picture.\",\n"
  "      \"cue\": \"Slow shoulder rolls\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char *dir;
  GFile *user_folder;
} Fixture;

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *catalogue = g_getenv ("UNKNOT_TEST_CATALOGUE");
  g_autofree char *messages = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *locale_dir = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *illustrations = NULL;
  g_autofree char *routine_path = NULL;
  g_autofree char *svg = NULL;

  g_assert_nonnull (catalogue);
  fixture->dir = g_dir_make_tmp ("unknot-test-translation-XXXXXX", &error);
  g_assert_no_error (error);

  /* LOCALE/de/LC_MESSAGES/unknot.mo, the layout bindtextdomain() reads. */
  locale_dir = g_build_filename (fixture->dir, "locale", NULL);
  messages = g_build_filename (locale_dir, "de", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  copy_file (catalogue, mo);

  routines = g_build_filename (fixture->dir, "routines", NULL);
  illustrations = g_build_filename (routines, "illustrations", NULL);
  g_assert_cmpint (g_mkdir_with_parents (illustrations, 0700), ==, 0);
  svg = g_build_filename (illustrations, "a.svg", NULL);
  copy_file (g_test_get_filename (G_TEST_DIST, "data", "illustrations", "a.svg", NULL), svg);
  routine_path = g_build_filename (routines, "my-desk-break.json", NULL);
  g_file_set_contents (routine_path, user_routine, -1, &error);
  g_assert_no_error (error);
  fixture->user_folder = g_file_new_for_path (routines);

  /* LANGUAGE is ignored in the C locale itself, but not in C.UTF-8. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (bindtextdomain (GETTEXT_PACKAGE, locale_dir));
  g_assert_nonnull (bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8"));

  /* Without this the test below would say the loader is wrong when the
   * catalogue is what was not found. */
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, TITLE), TITLE_DE) != 0)
    g_error ("the test catalogue %s was not used: “%s” came back as “%s”",
             catalogue, TITLE, g_dgettext (GETTEXT_PACKAGE, TITLE));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->user_folder);
}

static UnknotStep *
first_step (UnknotRoutine *routine)
{
  return g_list_model_get_item (unknot_routine_get_steps (routine), 0);
}

static void
test_builtin_is_translated (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH,
                                                                        fixture->user_folder);
  UnknotRoutine *routine = unknot_routine_library_lookup (library, "desk-break");
  g_autoptr(UnknotStep) step = NULL;
  g_autoptr(UnknotStep) second = NULL;

  g_assert_nonnull (routine);
  g_assert_false (unknot_routine_get_is_user (routine));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, TITLE_DE);
  g_assert_cmpstr (unknot_routine_get_summary (routine), ==,
                   "Eine kurze Pause auf deinem Stuhl, nur mit den Händen und ein paar leichten Bewegungen.");
  g_assert_cmpstr (unknot_routine_get_equipment (routine)[0], ==, "Dein Stuhl");
  g_assert_cmpstr (unknot_routine_get_safety (routine)[0], ==,
                   "Lass die Hände oben auf den Schultern. Drücke nie vorn oder seitlich auf den Hals.");

  step = first_step (routine);
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Schultern kreisen");
  g_assert_cmpstr (unknot_step_get_instruction (step), ==, INSTRUCTION_DE);
  g_assert_cmpstr (unknot_step_get_pressure (step), ==, "Kein Druck. Bewege dich nur sanft.");
  g_assert_cmpstr (unknot_step_get_stop_if (step), ==,
                   "Hör auf bei stechendem oder einschießendem Schmerz, Taubheit, Kribbeln oder Schwindel.");
  g_assert_cmpstr (unknot_step_get_illustration_description (step), ==,
                   "Eine Person von hinten, die Arme locker an den Seiten. Gebogene Pfeile kreisen über beiden Schultern.");
  g_assert_cmpstr (unknot_step_get_cue (step), ==, "Langsam die Schultern kreisen");

  /* What the catalogue lacks stays in English rather than going blank. */
  second = g_list_model_get_item (unknot_routine_get_steps (routine), 1);
  g_assert_cmpstr (unknot_step_get_title (second), ==, "Stroke over your shoulder");

  /* Search reads what the user sees. */
  g_assert_true (unknot_routine_matches (routine, "schreibtisch"));
}

static void
test_user_routine_is_as_written (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(UnknotRoutineLibrary) library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH,
                                                                        fixture->user_folder);
  UnknotRoutine *routine = unknot_routine_library_lookup (library, "my-desk-break");
  g_autoptr(UnknotStep) step = NULL;

  g_assert_cmpstrv (unknot_routine_library_get_problems (library), ((const char *[]) { NULL }));
  g_assert_nonnull (routine);
  g_assert_true (unknot_routine_get_is_user (routine));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, TITLE);
  g_assert_cmpstr (unknot_routine_get_equipment (routine)[0], ==, "Your chair");
  step = first_step (routine);
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Roll your shoulders");
  g_assert_cmpstr (unknot_step_get_instruction (step), ==, INSTRUCTION);
  g_assert_cmpstr (unknot_step_get_pressure (step), ==, "No pressure. Just move gently.");
  g_assert_cmpstr (unknot_step_get_cue (step), ==, "Slow shoulder rolls");
}

/* Checking a file is about the file: --validate-routine and import read
 * it as the user's, untranslated. */
static void
test_loaded_as_user_is_as_written (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (fixture->user_folder, "my-desk-break.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = unknot_routine_load_file (file, NULL, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, TITLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/routine-translation/builtin-is-translated", test_builtin_is_translated);
  ADD ("/routine-translation/user-routine-is-as-written", test_user_routine_is_as_written);
  ADD ("/routine-translation/loaded-as-user-is-as-written", test_loaded_as_user_is_as_written);
#undef ADD

  return g_test_run ();
}
