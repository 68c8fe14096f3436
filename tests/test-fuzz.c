/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damaged routine files: whatever the bytes, the loader either returns a
 * routine that obeys the format or refuses with "NAME:LINE:COLUMN: message"
 * that points inside the text.  The damage is drawn from g_test_rand_*, so
 * --seed replays a run; UNKNOT_FUZZ_ITERATIONS sets how many per file. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unknot-routine-io.h"
#include "unknot-routine-library.h"

#define DEFAULT_ITERATIONS 3000
#define NAME "fuzz.json"

typedef struct
{
  GRegex *position;
  GFile  *folder;
  guint   accepted;
  guint   refused;
} Checker;

static void
checker_init (Checker *checker)
{
  g_autoptr(GError) error = NULL;

  checker->position = g_regex_new ("^" NAME ":(\\d+):(\\d+): .+", G_REGEX_DOTALL, 0, &error);
  g_assert_no_error (error);
  checker->folder = g_file_new_for_uri ("resource://" UNKNOT_ROUTINES_RESOURCE_PATH);
  checker->accepted = 0;
  checker->refused = 0;
}

static void
checker_clear (Checker *checker)
{
  g_clear_pointer (&checker->position, g_regex_unref);
  g_clear_object (&checker->folder);
}

static gboolean
text_is_valid (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

static gboolean
strv_is_valid (const char * const *strv)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (!g_utf8_validate (strv[i], -1, NULL) || *strv[i] == '\0')
      return FALSE;
  return TRUE;
}

/* What a loaded routine promises the rest of the app; NULL when all holds. */
static const char *
routine_breaks_rules (UnknotRoutine *routine)
{
  guint n_steps = unknot_routine_get_n_steps (routine);

  if (!unknot_routine_id_is_valid (unknot_routine_get_id (routine)))
    return "the id is not valid";
  if (!text_is_valid (unknot_routine_get_title (routine))
      || !text_is_valid (unknot_routine_get_summary (routine))
      || !strv_is_valid (unknot_routine_get_equipment (routine))
      || !strv_is_valid (unknot_routine_get_safety (routine))
      || !strv_is_valid (unknot_routine_get_areas (routine)))
    return "a text of the routine is not valid UTF-8";
  if (*unknot_routine_get_title (routine) == '\0' || *unknot_routine_get_summary (routine) == '\0')
    return "the title or summary is empty";
  if (unknot_routine_get_areas (routine)[0] == NULL)
    return "the routine has no area";
  for (guint i = 0; unknot_routine_get_areas (routine)[i] != NULL; i++)
    if (!unknot_area_is_known (unknot_routine_get_areas (routine)[i]))
      return "an area is unknown";
  if (n_steps < 1 || n_steps > 50)
    return "the number of steps is out of range";

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (unknot_routine_get_steps (routine), i);
      guint n_frames = unknot_step_get_n_frames (step);

      if (unknot_step_get_duration (step) < 5 || unknot_step_get_duration (step) > 1800)
        return "a step's duration is out of range";
      if (!text_is_valid (unknot_step_get_title (step))
          || !text_is_valid (unknot_step_get_instruction (step))
          || !text_is_valid (unknot_step_get_pressure (step))
          || !text_is_valid (unknot_step_get_stop_if (step))
          || !text_is_valid (unknot_step_get_cue (step))
          || !text_is_valid (unknot_step_get_illustration_description (step)))
        return "a text of a step is not valid UTF-8";
      if (n_frames < 1 || n_frames > 4)
        return "a step's number of frames is out of range";
      for (guint f = 0; f < n_frames; f++)
        if (unknot_step_get_illustration_file (step, f) == NULL)
          return "a step's illustration has no file";
    }
  return NULL;
}

/* Why the refusal @message breaks the promise, or NULL when it keeps it:
 * valid UTF-8, "NAME:LINE:COLUMN: " with a position inside @data, and never
 * json-glib's own message (the loader's scan is meant to refuse first). */
static const char *
message_breaks_rules (Checker    *checker,
                      const char *message,
                      const char *data,
                      gsize       size)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *line_text = NULL;
  g_autofree char *column_text = NULL;
  guint64 line, column;
  const char *line_start = data;
  const char *end = data + size;
  const char *line_end;

  if (!g_utf8_validate (message, -1, NULL))
    return "the message is not valid UTF-8";
  if (!g_regex_match (checker->position, message, 0, &match))
    return "the message does not start with “" NAME ":LINE:COLUMN: ”";
  if (strstr (message, "<data>") != NULL || strstr (message, "Parse error") != NULL)
    return "the message is json-glib's, not the loader's: the scan let through what json-glib refused";

  line_text = g_match_info_fetch (match, 1);
  column_text = g_match_info_fetch (match, 2);
  line = g_ascii_strtoull (line_text, NULL, 10);
  column = g_ascii_strtoull (column_text, NULL, 10);
  if (line < 1 || column < 1)
    return "the line or column is 0";
  for (guint64 l = 1; l < line; l++)
    {
      const char *newline = memchr (line_start, '\n', end - line_start);

      if (newline == NULL)
        return "the line is past the end of the text";
      line_start = newline + 1;
    }
  line_end = memchr (line_start, '\n', end - line_start);
  if (line_end == NULL)
    line_end = end;
  /* Columns count characters, so a line has at most as many as bytes. */
  if (column > (guint64) (line_end - line_start) + 1)
    return "the column is past the end of the line";
  return NULL;
}

/* @message as it can be shown: escaped only when it is not text. */
static char *
printable (const char *message)
{
  return g_utf8_validate (message, -1, NULL) ? g_strdup (message) : g_strescape (message, NULL);
}

/* Fails the test case without stopping it, so every broken case is listed. */
G_GNUC_PRINTF (1, 2)
static void
fail_case (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: %s", message);
  g_test_fail_printf ("%s", message);
}

/* Loads @data and fails the test case (without stopping the others) when
 * the outcome breaks a promise.  Returns FALSE then. */
static gboolean
check_load (Checker    *checker,
            const char *data,
            gsize       size,
            const char *what)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = unknot_routine_load_bytes (bytes, NAME, checker->folder, &error);
  const char *problem;

  if ((routine == NULL) == (error == NULL))
    {
      fail_case ("%s: the loader returned %s a routine %s an error", what,
                          routine != NULL ? "both" : "neither", routine != NULL ? "and" : "nor");
      return FALSE;
    }
  if (routine != NULL)
    {
      problem = routine_breaks_rules (routine);
      if (problem != NULL)
        {
          fail_case ("%s: a routine was accepted, but %s", what, problem);
          return FALSE;
        }
      checker->accepted++;
      return TRUE;
    }

  if (error->domain != UNKNOT_ROUTINE_ERROR
      || (error->code != UNKNOT_ROUTINE_ERROR_INVALID && error->code != UNKNOT_ROUTINE_ERROR_TOO_LARGE))
    {
      fail_case ("%s: unexpected error %s %d: %s", what, g_quark_to_string (error->domain),
                          error->code, error->message);
      return FALSE;
    }
  problem = message_breaks_rules (checker, error->message, data, size);
  if (problem != NULL)
    {
      g_autofree char *shown = printable (error->message);

      fail_case ("%s: %s: “%s”", what, problem, shown);
      return FALSE;
    }
  checker->refused++;
  return TRUE;
}

/* Mutations.  Each changes @text in place and returns its name. */

static gsize
random_offset (GByteArray *text)
{
  return text->len == 0 ? 0 : (gsize) g_test_rand_int_range (0, (gint32) text->len);
}

static const char *
flip_byte (GByteArray *text)
{
  if (text->len > 0)
    text->data[random_offset (text)] ^= (guint8) g_test_rand_int_range (1, 256);
  return "flip a byte";
}

static const char *
replace_with_syntax (GByteArray *text)
{
  static const char syntax[] = "{}[]\",:\\0123456789";

  if (text->len > 0)
    text->data[random_offset (text)] = (guint8) syntax[g_test_rand_int_range (0, sizeof syntax - 1)];
  return "replace a byte with syntax or a digit";
}

static const char *
delete_range (GByteArray *text)
{
  gsize start = random_offset (text);
  gsize wanted = (gsize) g_test_rand_int_range (1, 256);
  gsize length = MIN (wanted, text->len - start);

  if (text->len > 0)
    g_byte_array_remove_range (text, (guint) start, (guint) length);
  return "delete a range";
}

static const char *
duplicate_range (GByteArray *text)
{
  gsize start = random_offset (text);
  gsize wanted = (gsize) g_test_rand_int_range (1, 512);
  gsize length = MIN (wanted, text->len - start);
  gsize at = random_offset (text);
  g_autofree guint8 *copy = g_memdup2 (text->data + start, length);

  if (text->len > 0)
    {
      g_byte_array_set_size (text, text->len + (guint) length);
      memmove (text->data + at + length, text->data + at, text->len - length - at);
      memcpy (text->data + at, copy, length);
    }
  return "duplicate a range";
}

static void
insert_bytes (GByteArray   *text,
              gsize         at,
              const guint8 *bytes,
              gsize         length)
{
  guint old_len = text->len;

  g_byte_array_set_size (text, old_len + (guint) length);
  memmove (text->data + at + length, text->data + at, old_len - at);
  memcpy (text->data + at, bytes, length);
}

static const char *
insert_nesting (GByteArray *text)
{
  gsize depth = (gsize) g_test_rand_int_range (64, 2001);
  g_autofree guint8 *brackets = g_malloc (depth);
  gboolean objects = g_test_rand_bit ();

  memset (brackets, objects ? '{' : '[', depth);
  insert_bytes (text, random_offset (text), brackets, depth);
  return objects ? "insert nested {" : "insert nested [";
}

static const char *
truncate_text (GByteArray *text)
{
  g_byte_array_set_size (text, (guint) random_offset (text));
  return "truncate";
}

static const char *
insert_invalid_utf8 (GByteArray *text)
{
  static const char * const sequences[] = {
    "\xff", "\xfe", "\xc3", "\x80", "\xc0\xaf", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80",
  };
  const char *sequence = sequences[g_test_rand_int_range (0, G_N_ELEMENTS (sequences))];

  insert_bytes (text, random_offset (text), (const guint8 *) sequence, strlen (sequence));
  return "insert invalid UTF-8";
}

static const char *
swap_number (GByteArray *text)
{
  static const char * const numbers[] = {
    "99999999999999999999", "18446744073709551616", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "-9223372036854775809", "4294967296", "4294967301", "-1", "-5", "-0",
    "0", "4", "5", "1800", "1801", "1e400", "-1e400", "1e-400", "0.5", "2", "100000000000000000000000000000",
  };
  gsize start = random_offset (text);
  gsize end;
  const char *number = numbers[g_test_rand_int_range (0, G_N_ELEMENTS (numbers))];

  while (start < text->len && !g_ascii_isdigit (text->data[start]))
    start++;
  if (start == text->len)
    return flip_byte (text);
  while (start > 0 && (g_ascii_isdigit (text->data[start - 1]) || text->data[start - 1] == '-'))
    start--;
  for (end = start; end < text->len && (g_ascii_isdigit (text->data[end]) || text->data[end] == '-'); end++)
    ;
  g_byte_array_remove_range (text, (guint) start, (guint) (end - start));
  insert_bytes (text, start, (const guint8 *) number, strlen (number));
  return "swap a number";
}

typedef const char *(*Mutation) (GByteArray *text);

static const Mutation mutations[] = {
  flip_byte, replace_with_syntax, delete_range, duplicate_range, insert_nesting,
  truncate_text, insert_invalid_utf8, swap_number,
};

static guint
fuzz_iterations (void)
{
  const char *env = g_getenv ("UNKNOT_FUZZ_ITERATIONS");
  guint64 n;

  if (env == NULL || *env == '\0')
    return DEFAULT_ITERATIONS;
  n = g_ascii_strtoull (env, NULL, 10);
  return (guint) CLAMP (n, 1, G_MAXUINT);
}

/* The built-in routine files, as compiled into the app. */
static GPtrArray *
load_builtin_files (GPtrArray **names)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (UNKNOT_ROUTINES_RESOURCE_PATH, 0, &error);
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_assert_no_error (error);
  *names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      GBytes *bytes;

      if (!g_str_has_suffix (children[i], ".json"))
        continue;
      path = g_strconcat (UNKNOT_ROUTINES_RESOURCE_PATH, children[i], NULL);
      bytes = g_resources_lookup_data (path, 0, &error);
      g_assert_no_error (error);
      g_ptr_array_add (files, bytes);
      g_ptr_array_add (*names, g_strdup (children[i]));
    }
  g_assert_cmpuint (files->len, >=, 3);
  return files;
}

static void
test_mutations (void)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) files = load_builtin_files (&names);
  guint iterations = fuzz_iterations ();
  guint failures = 0;
  Checker checker;

  checker_init (&checker);
  for (guint i = 0; i < files->len; i++)
    {
      GBytes *original = g_ptr_array_index (files, i);
      g_autofree char *what = g_strdup_printf ("%s unchanged", (const char *) g_ptr_array_index (names, i));
      guint accepted_before = checker.accepted;

      /* Unchanged, it loads: otherwise every refusal below would be cheap. */
      g_assert_true (check_load (&checker, g_bytes_get_data (original, NULL), g_bytes_get_size (original), what));
      g_assert_cmpuint (checker.accepted, ==, accepted_before + 1);

      for (guint n = 0; n < iterations && failures < 10; n++)
        {
          g_autoptr(GByteArray) text = g_byte_array_new ();
          g_autoptr(GString) applied = g_string_new (NULL);
          guint n_mutations = (guint) g_test_rand_int_range (1, 4);

          g_byte_array_append (text, g_bytes_get_data (original, NULL), (guint) g_bytes_get_size (original));
          for (guint m = 0; m < n_mutations; m++)
            {
              const char *name = mutations[g_test_rand_int_range (0, G_N_ELEMENTS (mutations))] (text);
              g_string_append_printf (applied, "%s%s", m > 0 ? ", " : "", name);
            }

          g_free (what);
          what = g_strdup_printf ("%s, iteration %u (%s)", (const char *) g_ptr_array_index (names, i), n, applied->str);
          if (!check_load (&checker, (const char *) text->data, text->len, what))
            failures++;
        }
    }

  g_test_message ("%u mutated files: %u accepted, %u refused (%u iterations per file, %u files)",
                  checker.accepted + checker.refused - files->len, checker.accepted - files->len,
                  checker.refused, iterations, files->len);
  /* Most damage must be caught, or the mutations are too timid to test anything. */
  g_assert_cmpuint (checker.refused, >, checker.accepted);
  checker_clear (&checker);
}

/* Hand-picked hostile inputs. */

static char *
repeat (const char *unit,
        gsize       times)
{
  gsize unit_len = strlen (unit);
  char *text = g_malloc (unit_len * times + 1);

  for (gsize i = 0; i < times; i++)
    memcpy (text + i * unit_len, unit, unit_len);
  text[unit_len * times] = '\0';
  return text;
}

/* Loads @text and expects a refusal whose message starts with @expected. */
static void
expect_refusal (Checker    *checker,
                const char *what,
                const char *data,
                gsize       size,
                GQuark      domain,
                int         code,
                const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotRoutine) routine = NULL;

  if (!check_load (checker, data, size, what))
    return;
  routine = unknot_routine_load_bytes (bytes, NAME, checker->folder, &error);
  if (routine != NULL)
    fail_case ("%s: accepted; expected “%s…”", what, expected);
  else if (!g_error_matches (error, domain, code) || !g_str_has_prefix (error->message, expected))
    {
      g_autofree char *shown = printable (error->message);

      fail_case ("%s: expected “%s…”, got “%s”", what, expected, shown);
    }
}

static void
test_deep_nesting (void)
{
  gsize depth = 200000;
  g_autofree char *open = repeat ("[", depth);
  g_autofree char *close = repeat ("]", depth);
  g_autofree char *arrays = g_strconcat (open, close, NULL);
  g_autofree char *objects = repeat ("{\"a\":", depth);
  g_autofree char *in_member = g_strconcat ("{\"format\": 1, \"steps\": ", open, NULL);
  Checker checker;

  checker_init (&checker);
  expect_refusal (&checker, "200000 nested [", arrays, strlen (arrays), UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:17: nested more than 16 levels deep");
  expect_refusal (&checker, "200000 nested {", objects, strlen (objects), UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:81: nested more than 16 levels deep");
  expect_refusal (&checker, "200000 [ in a member", in_member, strlen (in_member), UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:39: nested more than 16 levels deep");
  checker_clear (&checker);
}

static void
test_size_limit (void)
{
  gsize size = UNKNOT_ROUTINE_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (size);
  Checker checker;

  checker_init (&checker);
  memset (big, ' ', size);
  big[0] = '{';
  big[size - 1] = '}';
  expect_refusal (&checker, "1 MiB + 1 byte", big, size, UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_TOO_LARGE, NAME ":1:1: the file is larger than 1 MiB");

  /* Exactly 1 MiB is read, and refused for what it holds, not its size. */
  big[size - 2] = '}';
  expect_refusal (&checker, "exactly 1 MiB", big, size - 1, UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:1: “format” is missing");
  checker_clear (&checker);
}

static void
test_backslashes (void)
{
  g_autofree char *backslashes = repeat ("\\", 100000);
  g_autofree char *even = g_strconcat ("{\"title\": \"", backslashes, "\"}", NULL);
  g_autofree char *odd = g_strconcat ("{\"title\": \"\\", backslashes, "\"}", NULL);
  g_autofree char *as_name = g_strconcat ("{\"", backslashes, "\": 1}", NULL);
  Checker checker;

  checker_init (&checker);
  /* 100000 backslashes are 50000 escaped ones: a fine string, in a file
   * that lacks everything else. */
  expect_refusal (&checker, "100000 backslashes", even, strlen (even), UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:1: “format” is missing");
  /* One more escapes the closing quote. */
  expect_refusal (&checker, "100001 backslashes", odd, strlen (odd), UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:100015: string is not closed");
  expect_refusal (&checker, "100000 backslashes as a member name", as_name, strlen (as_name), UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:1: “format” is missing");
  checker_clear (&checker);
}

static void
test_nul_bytes (void)
{
  g_autoptr(GBytes) original = g_resources_lookup_data (UNKNOT_ROUTINES_RESOURCE_PATH "roller-thoracic.json", 0, NULL);
  gsize size = g_bytes_get_size (original);
  g_autofree char *text = g_memdup2 (g_bytes_get_data (original, NULL), size);
  const char *title = strstr (text, "\"title\"");
  gsize at;
  char saved;
  guint line = 1;
  g_autofree char *expected = NULL;
  Checker checker;

  checker_init (&checker);
  g_assert_nonnull (title);
  at = (gsize) (title - text) + 3;
  for (gsize i = 0; i < at; i++)
    line += text[i] == '\n';

  /* A NUL in the middle of the title, and one in the whitespace. */
  saved = text[at];
  text[at] = '\0';
  expected = g_strdup_printf (NAME ":%u:", line);
  expect_refusal (&checker, "NUL inside a string", text, size, UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, expected);
  text[at] = saved;
  text[1] = '\0';
  expect_refusal (&checker, "NUL between values", text, size, UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:2: ");
  expect_refusal (&checker, "a single NUL", "", 1, UNKNOT_ROUTINE_ERROR,
                  UNKNOT_ROUTINE_ERROR_INVALID, NAME ":1:1: ");
  checker_clear (&checker);
}

/* A whole routine with @title as the raw JSON text of its title. */
static char *
routine_with_title (const char *title)
{
  return g_strdup_printf ("{\"format\": 1, \"id\": \"escapes\", \"title\": \"%s\", \"summary\": \"S\",\n"
                          "\"tool\": \"hand\", \"areas\": [\"neck\"], \"level\": \"gentle\", \"steps\": [{\n"
                          "\"title\": \"T\", \"instruction\": \"I\", \"duration\": 30,\n"
                          "\"illustration\": [\"illustrations/shoulder-rolls.svg\"], \"illustration-description\": \"D\"}]}",
                          title);
}

static void
test_escapes (void)
{
  /* Each is either refused with a positioned, readable message, or loaded
   * with valid UTF-8 text: never a message or a title that is not text. */
  static const struct { const char *title; gboolean must_load; } cases[] = {
    { "Neck", TRUE },
    { "\\u00e9t\\u00e9 \\\" \\\\ \\/ \\b\\f\\n\\r\\t", TRUE }, /* every escape JSON has */
    { "Neck \\ud83d\\ude00", TRUE },    /* a real surrogate pair */
    { "Caf\\\xc3\xa9", FALSE },         /* a backslash before a non-ASCII character */
    { "Neck \\ud800x", FALSE },         /* a lone high surrogate */
    { "Neck \\ud800", FALSE },          /* the same at the end of the string */
    { "Neck \\udfff", FALSE },          /* a lone low surrogate */
    { "Neck \\ud800\\u0041", FALSE },   /* a high surrogate and no low one */
    { "Neck \\u0000 rest", FALSE },     /* an escaped NUL */
  };
  Checker checker;

  checker_init (&checker);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = routine_with_title (cases[i].title);
      g_autofree char *what = g_strdup_printf ("title “%s”", cases[i].title);
      guint accepted_before = checker.accepted;

      if (check_load (&checker, text, strlen (text), what)
          && cases[i].must_load && checker.accepted == accepted_before)
        fail_case ("%s: refused, but it is a valid routine", what);
    }
  g_test_message ("escapes: %u accepted, %u refused", checker.accepted, checker.refused);
  checker_clear (&checker);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz/mutations", test_mutations);
  g_test_add_func ("/fuzz/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/fuzz/hostile/size-limit", test_size_limit);
  g_test_add_func ("/fuzz/hostile/backslashes", test_backslashes);
  g_test_add_func ("/fuzz/hostile/nul-bytes", test_nul_bytes);
  g_test_add_func ("/fuzz/hostile/escapes", test_escapes);
  return g_test_run ();
}
