/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The routine loader: every built-in routine loads, and every kind of bad
 * input is refused with the line and column where the problem is. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "unknot-routine-io.h"
#include "unknot-routine-library.h"

static const char *good_lines[] = {
  "{",
  "  \"format\": 1,",
  "  \"id\": \"test-routine\",",
  "  \"title\": \"Test routine\",",
  "  \"summary\": \"A routine for tests.\",",
  "  \"tool\": \"tennis-ball\",",
  "  \"areas\": [\"rhomboids\"],",
  "  \"level\": \"gentle\",",
  "  \"steps\": [",
  "    {",
  "      \"title\": \"Step one\",",
  "      \"instruction\": \"Do the thing.\",",
  "      \"duration\": 30,",
  "      \"illustration\": [\"illustrations/a.svg\"],",
  "      \"illustration-description\": \"A picture.\"",
  "    }",
  "  ]",
  "}",
  NULL
};

static GFile *
data_folder (void)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", NULL));
}

/* The good routine with line @line (from 1) replaced by @replacement. */
static char *
routine_text (guint       line,
              const char *replacement)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; good_lines[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", i + 1 == line ? replacement : good_lines[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static UnknotRoutine *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GFile) folder = data_folder ();

  return unknot_routine_load_bytes (bytes, "t.json", folder, error);
}

static void
test_good_routine (void)
{
  g_autofree char *text = routine_text (0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = load_text (text, &error);
  g_autoptr(UnknotStep) step = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "test-routine");
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, "Test routine");
  g_assert_cmpint (unknot_routine_get_tool (routine), ==, UNKNOT_TOOL_TENNIS_BALL);
  g_assert_cmpint (unknot_routine_get_level (routine), ==, UNKNOT_LEVEL_GENTLE);
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 1);
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine), ==, 30);
  g_assert_true (unknot_routine_has_area (routine, "rhomboids"));
  g_assert_cmpuint (g_strv_length ((char **) unknot_routine_get_equipment (routine)), ==, 0);

  step = g_list_model_get_item (unknot_routine_get_steps (routine), 0);
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Step one");
  g_assert_cmpstr (unknot_step_get_cue (step), ==, "Step one");
  g_assert_cmpint (unknot_step_get_sides (step), ==, UNKNOT_SIDES_NONE);
  g_assert_cmpuint (unknot_step_get_n_frames (step), ==, 1);
  g_assert_true (g_file_query_exists (unknot_step_get_illustration_file (step, 0), NULL));
}

static void
test_sides_double_the_time (void)
{
  g_autofree char *text = routine_text (13, "      \"duration\": 45, \"sides\": \"left-right\",");
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine), ==, 90);
}

typedef struct
{
  guint       line;
  const char *replacement;
  const char *expected; /* the start of the error message */
} BadCase;

static const BadCase bad_cases[] = {
  /* syntax */
  { 12, "      \"instruction\": \"Do the thing.\"", "t.json:13:7: expected “,” or “}” after a member" },
  { 4, "  \"title\": \"Test routine\"\",", "t.json:4:26: expected “,” or “}”" },
  { 4, "  \"title\": \"Test\troutine\",", "t.json:4:17: control character inside a string" },
  { 4, "  \"title\": \"Caf\xC3\",", "t.json:4:16: the file is not valid UTF-8 text" },
  { 13, "      \"duration\": 30,,", "t.json:13:22: expected a member name in double quotes" },
  { 17, "  ],", "t.json:18:1: expected a member name in double quotes" },
  { 3, "  \"id\": \"test-routine\", \"id\": \"again\",", "t.json:3:25: member “id” appears twice" },
  /* missing members */
  { 4, "", "t.json:1:1: “title” is missing" },
  { 12, "", "t.json:10:5: “instruction” is missing" },
  { 2, "", "t.json:1:1: “format” is missing" },
  /* wrong types */
  { 4, "  \"title\": 5,", "t.json:4:12: “title” must be a string" },
  { 4, "  \"title\": \"   \",", "t.json:4:12: “title” must not be empty" },
  { 7, "  \"areas\": \"rhomboids\",", "t.json:7:12: “areas” must be a list of strings" },
  { 7, "  \"areas\": [3],", "t.json:7:13: every entry of “areas” must be a string" },
  { 13, "      \"duration\": \"30\",", "t.json:13:19: “duration” must be a number" },
  { 13, "      \"duration\": 30.5,", "t.json:13:19: “duration” must be a whole number" },
  /* values out of range */
  { 13, "      \"duration\": -5,", "t.json:13:19: duration must be at least 5 seconds, not -5" },
  { 13, "      \"duration\": 0,", "t.json:13:19: duration must be at least 5 seconds" },
  { 13, "      \"duration\": 86400,", "t.json:13:19: duration of 86400 seconds is too long" },
  { 6, "  \"tool\": \"hammer\",", "t.json:6:11: unknown tool “hammer”" },
  { 8, "  \"level\": \"extreme\",", "t.json:8:12: unknown level “extreme”" },
  { 7, "  \"areas\": [\"elbow\"],", "t.json:7:13: unknown area “elbow”" },
  { 7, "  \"areas\": [],", "t.json:7:12: “areas” needs at least 1 entry" },
  { 3, "  \"id\": \"Test Routine\",", "t.json:3:9: id “Test Routine” must be" },
  { 2, "  \"format\": 2,", "t.json:2:13: unknown format version 2" },
  { 5, "  \"summary\": \"A routine for tests.\", \"colour\": \"red\",", "t.json:5:48: unknown member “colour”" },
  { 13, "      \"duration\": 30, \"sides\": \"both\",", "t.json:13:32: unknown sides “both”" },
  /* illustrations */
  { 14, "", "t.json:10:5: the step has no illustration" },
  { 14, "      \"illustration\": [],", "t.json:14:23: the step has no illustration" },
  { 14, "      \"illustration\": [\"../good.json\"],", "t.json:14:24: illustration “../good.json” must be a path inside" },
  { 14, "      \"illustration\": [\"/etc/passwd\"],", "t.json:14:24: illustration “/etc/passwd” must be a path inside" },
  { 14, "      \"illustration\": [\"illustrations/../../x.svg\"],", "t.json:14:24: illustration “illustrations/../../x.svg” must be" },
  { 14, "      \"illustration\": [\"illustrations/missing.svg\"],", "t.json:14:24: illustration “illustrations/missing.svg” was not found" },
  { 14, "      \"illustration\": [\"illustrations\"],", "t.json:14:24: illustration “illustrations” was not found" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *text = routine_text (bad->line, bad->replacement);
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = load_text (text, &error);

  g_assert_null (routine);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, bad->expected))
    g_error ("expected “%s…”, got “%s”", bad->expected, error->message);
}

static void
test_whole_file_problems (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "", "t.json:1:1: the file is empty" },
    { "   \n  ", "t.json:2:3: unexpected end of file" },
    { "[1, 2]", "t.json:1:1: a routine file must hold one object" },
    { "{} {}", "t.json:1:4: unexpected text after the end" },
    { "\xEF\xBB\xBF{}", "t.json:1:1: the file starts with a byte order mark" },
    { "{\"format\": 1", "t.json:1:13: expected “,” or “}”" },
    { "{\"format\": tru}", "t.json:1:12: unexpected text; expected a value" },
    { "{\"format\": 01}", "t.json:1:13: expected “,” or “}”" },
    { "{\"a\": \"\\x\"}", "t.json:1:9: unknown escape" },
    { "{\"a\": \"open", "t.json:1:12: string is not closed" },
    { "{\"format\": 1, \"id\": \"a\", \"title\": \"T\", \"summary\": \"S\", \"tool\": \"hand\",\n"
      " \"areas\": [\"neck\"], \"level\": \"gentle\", \"steps\": {}}", "t.json:2:49: “steps” must be a list of steps" },
    { "{\"format\": 1, \"id\": \"a\", \"title\": \"T\", \"summary\": \"S\", \"tool\": \"hand\",\n"
      " \"areas\": [\"neck\"], \"level\": \"gentle\", \"steps\": []}", "t.json:2:49: a routine needs at least one step" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UnknotRoutine) routine = load_text (cases[i].text, &error);

      g_assert_null (routine);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].expected))
        g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].expected, error->message);
    }
}

static void
test_deep_nesting_is_refused (void)
{
  /* json-glib 1.6 overflows its stack on this; the loader must refuse it first. */
  gsize depth = 200000;
  g_autofree char *text = g_malloc (2 * depth + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = NULL;

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[2 * depth] = '\0';
  routine = load_text (text, &error);
  g_assert_null (routine);
  g_assert_nonnull (strstr (error->message, "t.json:1:17: nested more than 16 levels deep"));
}

static void
test_large_file_is_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("unknot-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize size = UNKNOT_ROUTINE_MAX_SIZE + 10;
  g_autofree char *big = g_malloc (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = NULL;

  memset (big, ' ', size);
  big[0] = '{';
  big[size - 1] = '}';
  g_assert_true (g_file_set_contents (path, big, (gssize) size, NULL));

  routine = unknot_routine_load_file (file, "big.json", TRUE, &error);
  g_assert_null (routine);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "big.json:1:1: the file is larger than 1 MiB"));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/routine.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = unknot_routine_load_file (file, NULL, TRUE, &error);

  g_assert_null (routine);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/routine.json: "));
}

static void
test_builtins_load (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (UNKNOT_ROUTINES_RESOURCE_PATH, 0, &error);
  guint n_routines = 0;
  guint per_tool[3] = { 0, 0, 0 };
  g_autoptr(GHashTable) areas_seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean desk_break = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *uri = NULL;
      g_autofree char *expected_id = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(UnknotRoutine) routine = NULL;
      guint total;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      uri = g_strconcat ("resource://" UNKNOT_ROUTINES_RESOURCE_PATH, names[i], NULL);
      file = g_file_new_for_uri (uri);
      routine = unknot_routine_load_file (file, NULL, FALSE, &error);
      g_assert_no_error (error);

      /* The file is named after its id, and a session lasts 2 to 15 minutes. */
      expected_id = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
      g_assert_cmpstr (unknot_routine_get_id (routine), ==, expected_id);
      total = unknot_routine_get_total_seconds (routine);
      g_assert_cmpuint (total, >=, 120);
      g_assert_cmpuint (total, <=, 900);
      g_assert_false (unknot_routine_get_is_user (routine));
      g_assert_cmpuint (g_strv_length ((char **) unknot_routine_get_safety (routine)), >, 0);

      for (guint s = 0; s < unknot_routine_get_n_steps (routine); s++)
        {
          g_autoptr(UnknotStep) step = g_list_model_get_item (unknot_routine_get_steps (routine), s);

          g_assert_nonnull (unknot_step_get_stop_if (step));
          g_assert_nonnull (unknot_step_get_pressure (step));
          for (guint f = 0; f < unknot_step_get_n_frames (step); f++)
            g_assert_true (g_file_query_exists (unknot_step_get_illustration_file (step, f), NULL));
        }
      per_tool[unknot_routine_get_tool (routine)]++;
      for (guint a = 0; unknot_routine_get_areas (routine)[a] != NULL; a++)
        g_hash_table_add (areas_seen, (gpointer) g_intern_string (unknot_routine_get_areas (routine)[a]));
      /* The break that reminders start is two minutes, by hand. */
      if (g_str_equal (unknot_routine_get_id (routine), "desk-break"))
        {
          desk_break = TRUE;
          g_assert_cmpuint (total, ==, 120);
          g_assert_cmpint (unknot_routine_get_tool (routine), ==, UNKNOT_TOOL_HAND);
        }
      n_routines++;
    }

  /* CONTENT.md: at least 12, three for each tool, every area covered. */
  g_assert_cmpuint (n_routines, >=, 12);
  g_assert_cmpuint (per_tool[UNKNOT_TOOL_TENNIS_BALL], >=, 3);
  g_assert_cmpuint (per_tool[UNKNOT_TOOL_HAND], >=, 3);
  g_assert_cmpuint (per_tool[UNKNOT_TOOL_TOOL], >=, 3);
  for (guint a = 0; unknot_areas[a] != NULL; a++)
    if (!g_hash_table_contains (areas_seen, g_intern_string (unknot_areas[a])))
      g_error ("no built-in routine works on “%s”", unknot_areas[a]);
  g_assert_true (desk_break);
}

static void
test_search_matches_words (void)
{
  g_autofree char *text = routine_text (0, NULL);
  g_autoptr(UnknotRoutine) routine = load_text (text, NULL);

  g_assert_true (unknot_routine_matches (routine, ""));
  g_assert_true (unknot_routine_matches (routine, "test"));
  g_assert_true (unknot_routine_matches (routine, "TENNIS step"));
  /* The area's label is searched, not just its id. */
  g_assert_true (unknot_routine_matches (routine, "shoulder blades"));
  g_assert_false (unknot_routine_matches (routine, "roller"));
  g_assert_false (unknot_routine_matches (routine, "test roller"));
}

static void
test_format_duration (void)
{
  static const struct { guint seconds; const char *text; } cases[] = {
    { 45, "45 seconds" }, { 1, "1 second" }, { 60, "1 minute" }, { 90, "1 min 30 s" },
    { 420, "7 minutes" }, { 615, "10 minutes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = unknot_format_duration (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/good", test_good_routine);
  g_test_add_func ("/routine/sides", test_sides_double_the_time);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/routine/bad/%02u-line-%u", i, bad_cases[i].line);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/routine/bad/whole-file", test_whole_file_problems);
  g_test_add_func ("/routine/bad/deep-nesting", test_deep_nesting_is_refused);
  g_test_add_func ("/routine/bad/large-file", test_large_file_is_refused);
  g_test_add_func ("/routine/bad/missing-file", test_missing_file);
  g_test_add_func ("/routine/builtins", test_builtins_load);
  g_test_add_func ("/routine/search", test_search_matches_words);
  g_test_add_func ("/routine/format-duration", test_format_duration);
  return g_test_run ();
}
