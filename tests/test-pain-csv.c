/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain log as CSV: what a spreadsheet opens (quoting, formula-looking
 * cells made harmless, times with their offset), a round trip that gives
 * back every note exactly, and an import that names each bad line and
 * takes nothing when any line is bad. */
#include "config.h"

#include <string.h>

#include "unknot-pain-csv.h"

static GDateTime *
at (const char *iso8601)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

static UnknotPainEntry *
entry_new (const char *time,
           int         pain,
           int         interference,
           guint       regions,
           const char *tags,
           const char *note)
{
  UnknotPainEntry *entry = unknot_pain_entry_new ();

  g_date_time_unref (entry->time);
  entry->time = at (time);
  entry->pain = pain;
  entry->interference = interference;
  entry->regions = regions;
  if (tags != NULL)
    {
      g_strfreev (entry->tags);
      entry->tags = g_strsplit (tags, "|", -1);
    }
  entry->note = g_strdup (note);
  return entry;
}

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *entries = unknot_pain_csv_parse (text, strlen (text), NULL, &problems);

  if (entries == NULL)
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_nonnull (entries);
  g_assert_null (problems);
  return entries;
}

/* The problems, one a line, for comparing with what a user would read. */
static char *
parse_problems (const char *text,
                gsize       length)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = unknot_pain_csv_parse (text, length, NULL, &problems);

  g_assert_null (entries);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static char *
parse_text_problems (const char *text)
{
  return parse_problems (text, strlen (text));
}

/* Notes a spreadsheet or a CSV reader could trip on. */
static const char * const awkward_notes[] = {
  "plain",
  "a, comma",
  "He said \"ouch\", then left",
  "two\nlines",
  "windows\r\nline end",
  "a lone \r carriage return",
  "emoji 🧘‍♀️ and 日本語",
  "=SUM(A1:A9)",
  "+1 after stretching",
  "-2 after the roller",
  "@home",
  "\tstarts with a tab",
  "\rstarts with a CR",
  "'already quoted",
  "'=quoted formula",
  "''two quotes",
  " leading and trailing spaces ",
  "\"quoted whole\"",
  "ends with a comma,",
  "semi;colons;inside",
};

static GPtrArray *
awkward_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  const char *offsets[] = { "+02:00", "-05:00", "Z", "+05:45", "+14:00" };

  for (guint i = 0; i < G_N_ELEMENTS (awkward_notes); i++)
    {
      g_autofree char *time = g_strdup_printf ("2024-06-%02uT08:%02u:%02u.%06u%s", i + 1, i, 59 - i,
                                               i * 1237, offsets[i % G_N_ELEMENTS (offsets)]);
      UnknotPainEntry *entry = entry_new (time, (int) (i % 11), i % 3 == 0 ? -1 : (int) (i % 11),
                                          (1u << (i % UNKNOT_PAIN_N_REGIONS)) | (i % 2 ? UNKNOT_PAIN_REGION_NECK_RIGHT : 0),
                                          i % 4 == 0 ? NULL : (i % 4 == 1 ? "stress" : "desk-work|Gardening 🌱|=SUM"),
                                          awkward_notes[i]);

      g_ptr_array_add (entries, entry);
    }
  /* And one with nothing but a time and a number. */
  g_ptr_array_add (entries, entry_new ("2024-07-01T00:00:00+00:00", 0, -1, 0, NULL, NULL));
  return entries;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) entries = awkward_entries ();
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;

  csv = unknot_pain_csv_format (entries, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  back = parse_ok (csv);

  g_assert_cmpuint (back->len, ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      UnknotPainEntry *original = g_ptr_array_index (entries, i);
      UnknotPainEntry *read = g_ptr_array_index (back, i);

      if (!unknot_pain_entry_equal (original, read))
        {
          g_autofree char *a = g_date_time_format_iso8601 (original->time);
          g_autofree char *b = g_date_time_format_iso8601 (read->time);

          g_test_message ("entry %u: “%s” %s became “%s” %s", i, original->note, a, read->note, b);
        }
      g_assert_true (unknot_pain_entry_equal (original, read));
    }
}

static void
test_format (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(GString) csv = g_string_new (NULL);
  UnknotPainEntry *entry;

  entry = entry_new ("2024-06-03T08:30:00+02:00", 6, 4,
                     UNKNOT_PAIN_REGION_SHOULDER_RIGHT | UNKNOT_PAIN_REGION_NECK_LEFT,
                     "desk-work|long drive", "He said \"ouch\", then =1+1");
  entry->session_id = 12;
  entry->phase = UNKNOT_PAIN_PHASE_BEFORE;
  g_ptr_array_add (entries, entry);
  g_ptr_array_add (entries, entry_new ("2024-06-03T09:00:00.250000-05:00", 3, -1, 0, "=cmd|x", "=1+1"));
  g_ptr_array_add (entries, entry_new ("2024-06-03T10:00:00Z", 0, 0, 0, NULL, "line one\nline two"));

  unknot_pain_csv_append_header (csv);
  unknot_pain_csv_append_entry (csv, g_ptr_array_index (entries, 0), "ball-wall");
  unknot_pain_csv_append_entry (csv, g_ptr_array_index (entries, 1), NULL);
  unknot_pain_csv_append_entry (csv, g_ptr_array_index (entries, 2), NULL);

  g_assert_cmpstr (csv->str, ==,
                   "time,pain,interference,regions,tags,note,phase,routine\r\n"
                   "2024-06-03T08:30:00+02:00,6,4,neck-left;shoulder-right,desk-work;long drive,"
                   "\"He said \"\"ouch\"\", then =1+1\",before,ball-wall\r\n"
                   "2024-06-03T09:00:00.250000-05:00,3,,,'=cmd;x,'=1+1,none,\r\n"
                   "2024-06-03T10:00:00+00:00,0,0,,,\"line one\nline two\",none,\r\n");
}

/* No cell a spreadsheet reads may begin with what makes it a formula. */
static void
test_formulas_neutralised (void)
{
  g_autoptr(GPtrArray) entries = awkward_entries ();
  g_autofree char *csv = unknot_pain_csv_format (entries, NULL);
  guint checked = 0;
  const char *p = csv;

  /* Walk the cells as a CSV reader would, looking at each one's first
   * character once quotes are taken off. */
  while (*p != '\0')
    {
      g_autoptr(GString) cell = g_string_new (NULL);
      gboolean quoted = *p == '"';

      if (quoted)
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p);
            }
        }
      else
        for (; *p != '\0' && *p != ',' && *p != '\r' && *p != '\n'; p++)
          g_string_append_c (cell, *p);

      if (cell->len > 0)
        {
          if (strchr ("=+-@\t\r", cell->str[0]) != NULL)
            g_error ("A cell begins with a formula character: “%s”", cell->str);
          checked++;
        }
      if (*p == ',')
        p++;
      else if (*p == '\r')
        p += p[1] == '\n' ? 2 : 1;
      else if (*p == '\n')
        p++;
    }
  g_assert_cmpuint (checked, >, 4 * G_N_ELEMENTS (awkward_notes));
  /* The marked notes are there, marked. */
  g_assert_nonnull (strstr (csv, ",'=SUM(A1:A9),"));
  g_assert_nonnull (strstr (csv, ",'+1 after stretching,"));
  g_assert_nonnull (strstr (csv, ",'-2 after the roller,"));
  g_assert_nonnull (strstr (csv, ",'@home,"));
  g_assert_nonnull (strstr (csv, ",\"'\tstarts with a tab\","));
  g_assert_nonnull (strstr (csv, ",\"'\rstarts with a CR\","));
  g_assert_nonnull (strstr (csv, ",''already quoted,"));
}

static void
test_parse_flexible (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GTimeZone) plus_three = g_time_zone_new_identifier ("+03:00");
  g_autoptr(GPtrArray) problems = NULL;
  const char *text;
  UnknotPainEntry *entry;

  /* A byte order mark, LF line ends, columns in another order, some left
   * out, a spreadsheet's way of writing time, a blank line, no final end
   * of line, upper-case names. */
  text = "\xef\xbb\xbfPain,Time,Regions\n"
         "4,2024-06-03 08:30,upper-back-left; mid-back-right\n"
         "\n"
         "10,2024-06-04T21:00:00+01:00,";
  entries = unknot_pain_csv_parse (text, strlen (text), plus_three, &problems);
  g_assert_null (problems);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 2);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->pain, ==, 4);
  g_assert_cmpint (entry->interference, ==, -1);
  g_assert_cmphex (entry->regions, ==, UNKNOT_PAIN_REGION_UPPER_BACK_LEFT | UNKNOT_PAIN_REGION_MID_BACK_RIGHT);
  /* No offset written: read in the zone given. */
  g_assert_cmpint (g_date_time_get_utc_offset (entry->time), ==, 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (entry->time), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (entry->time), ==, 30);
  g_assert_null (entry->note);
  g_assert_cmpuint (g_strv_length (entry->tags), ==, 0);

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->pain, ==, 10);
  g_assert_cmpint (g_date_time_get_utc_offset (entry->time), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpint (entry->regions, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Tags are normalised and repeats dropped; phase and routine are read
   * but a session link does not travel. */
  entries = parse_ok ("time,pain,tags,phase,routine\r\n"
                      "2024-06-03T08:30:00+02:00,3,\" long   drive ;stress;stress\",after,ball-wall\r\n");
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (g_strv_length (entry->tags), ==, 2);
  g_assert_cmpstr (entry->tags[0], ==, "long drive");
  g_assert_cmpstr (entry->tags[1], ==, "stress");
  g_assert_cmpint (entry->session_id, ==, 0);
  g_assert_cmpint (entry->phase, ==, UNKNOT_PAIN_PHASE_NONE);
  g_assert_cmpint (entry->id, ==, 0);
}

static void
test_import_errors (void)
{
  /* Line numbers are lines of the file, so the quoted note across lines
   * 3-4 moves everything below it down by one. */
  const char *text =
    "time,pain,interference,regions,tags,note\r\n"                      /* 1 */
    "2024-06-01T08:00:00+02:00,3,,neck-left,desk-work,fine\r\n"        /* 2 */
    "2024-06-02T08:00:00+02:00,4,,,,\"two\r\n"                          /* 3 */
    "lines\"\r\n"                                                       /* 4 */
    "2024-06-03T08:00:00+02:00,11,,,,\r\n"                              /* 5 */
    "\r\n"                                                              /* 6 */
    "2024-06-04T08:00:00+02:00,5,12,,,\r\n"                             /* 7 */
    "yesterday,five,,,,\r\n"                                            /* 8 */
    "2024-06-05T08:00:00+02:00,5,,elbow,,\r\n"                          /* 9 */
    "2024-06-06T08:00:00+02:00,5,,,a;b;c\r\n"                           /* 10 */
    "2024-06-06T09:00:00+02:00,5,,,x;y,a \"quote\" inside\r\n"          /* 11 */
    "2024-06-06T10:00:00+02:00,-1,,,,\r\n"                              /* 12 */
    "2024-06-07T08:00:00+02:00,5,,,,\"open\r\n"                         /* 13 */
    "and never closed\r\n";                                             /* 14 */
  g_autofree char *problems = parse_problems (text, strlen (text));

  g_test_message ("%s", problems);
  g_assert_cmpstr (problems, ==,
                   "line 5: pain must be 0–10, not “11”\n"
                   "line 7: interference must be 0–10 or empty, not “12”\n"
                   "line 8: time must be a date and time like 2024-06-03T08:30:00+02:00, not “yesterday”\n"
                   "line 8: pain must be 0–10, not “five”\n"
                   "line 9: “elbow” is not a region; use neck-left, neck-right, shoulder-left, shoulder-right, "
                   "upper-back-left, upper-back-right, mid-back-left, mid-back-right, lower-back-left or "
                   "lower-back-right\n"
                   "line 10: 5 cells, but the header names 6 columns\n"
                   "line 11: a quote inside a cell that does not start with one; put the whole cell in quotes "
                   "and double the quote\n"
                   "line 12: pain must be 0–10, not “-1”\n"
                   "line 13: a quoted cell is not closed before the end of the file");
}

static void
test_import_header_errors (void)
{
  g_autofree char *unknown = parse_text_problems ("time,pain,mood\n2024-06-01T08:00:00Z,3,ok\n");
  g_autofree char *no_pain = parse_text_problems ("time,note\n2024-06-01T08:00:00Z,x\n");
  g_autofree char *twice = parse_text_problems ("time,pain,pain\n");
  g_autofree char *empty = parse_text_problems ("");
  g_autofree char *blank = parse_text_problems ("\r\n\n");

  g_assert_cmpstr (unknown, ==, "line 1: “mood” is not a column Unknot knows; the columns are "
                   "time,pain,interference,regions,tags,note,phase,routine");
  g_assert_cmpstr (no_pain, ==, "line 1: there is no “pain” column; the first line must name the columns: "
                   "time,pain,interference,regions,tags,note,phase,routine");
  g_assert_cmpstr (twice, ==, "line 1: the column “pain” is there twice");
  g_assert_true (g_str_has_prefix (empty, "line 1: the file is empty"));
  g_assert_true (g_str_has_prefix (blank, "line 1: the file is empty"));
}

static void
test_import_not_utf8 (void)
{
  const char text[] = "time,pain,note\n2024-06-01T08:00:00Z,3,ok\n2024-06-02T08:00:00Z,3,caf\xe9\n";
  const char with_nul[] = "time,pain\n2024-06-01T08:00:00Z,3\0\n";
  g_autofree char *problems = parse_problems (text, sizeof text - 1);
  g_autofree char *nul_problems = parse_problems (with_nul, sizeof with_nul - 1);

  g_assert_true (g_str_has_prefix (problems, "line 3: this is not UTF-8 text"));
  g_assert_true (g_str_has_prefix (nul_problems, "line 2: this is not UTF-8 text"));
}

static void
test_import_bad_tags_and_note (void)
{
  g_autofree char *long_tag = g_strnfill (UNKNOT_PAIN_TAG_MAX_LENGTH + 1, 't');
  g_autofree char *long_note = g_strnfill (UNKNOT_PAIN_NOTE_MAX_LENGTH + 1, 'n');
  g_autofree char *text = g_strdup_printf ("time,pain,tags,note,phase\n"
                                           "2024-06-01T08:00:00Z,3,%s,,\n"
                                           "2024-06-01T09:00:00Z,3,,%s,\n"
                                           "2024-06-01T10:00:00Z,3,,,during\n",
                                           long_tag, long_note);
  g_autofree char *problems = parse_problems (text, strlen (text));

  g_assert_cmpstr (problems, ==,
                   "line 2: A tag can be at most 64 characters long.\n"
                   "line 3: the note is longer than 10000 characters\n"
                   "line 4: phase must be none, before, after or empty, not “during”");
}

static void
test_import_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("time,pain\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "2024-06-01T08:00:00Z,%u\n", i < 40 ? 5 : 20 + i);
  entries = unknot_pain_csv_parse (text->str, text->len, NULL, &problems);
  g_assert_null (entries);
  g_assert_cmpuint (problems->len, ==, UNKNOT_PAIN_CSV_MAX_PROBLEMS + 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "line 42: pain must be 0–10, not “60”");
  g_assert_cmpstr (g_ptr_array_index (problems, UNKNOT_PAIN_CSV_MAX_PROBLEMS), ==, "… and 10 more problems");
}

static void
test_large_round_trip (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GDateTime) start = at ("2021-01-01T07:00:00+01:00");

  for (guint i = 0; i < 5000; i++)
    {
      UnknotPainEntry *entry = unknot_pain_entry_new ();

      g_date_time_unref (entry->time);
      entry->time = g_date_time_add_minutes (start, (int) i * 317);
      entry->pain = (int) (i * 7 % 11);
      entry->regions = i * 37 % (UNKNOT_PAIN_REGIONS_ALL + 1);
      entry->note = i % 5 == 0 ? g_strdup_printf ("note %u, \"%u\"", i, i * i) : NULL;
      g_ptr_array_add (entries, entry);
    }
  csv = unknot_pain_csv_format (entries, NULL);
  back = parse_ok (csv);
  g_assert_cmpuint (back->len, ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_assert_true (unknot_pain_entry_equal (g_ptr_array_index (entries, i), g_ptr_array_index (back, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pain-csv/round-trip/awkward-notes", test_round_trip);
  g_test_add_func ("/pain-csv/round-trip/5000-entries", test_large_round_trip);
  g_test_add_func ("/pain-csv/format/exact", test_format);
  g_test_add_func ("/pain-csv/format/formulas-neutralised", test_formulas_neutralised);
  g_test_add_func ("/pain-csv/parse/flexible", test_parse_flexible);
  g_test_add_func ("/pain-csv/parse/errors-with-lines", test_import_errors);
  g_test_add_func ("/pain-csv/parse/header-errors", test_import_header_errors);
  g_test_add_func ("/pain-csv/parse/not-utf8", test_import_not_utf8);
  g_test_add_func ("/pain-csv/parse/bad-tags-and-note", test_import_bad_tags_and_note);
  g_test_add_func ("/pain-csv/parse/many-problems", test_import_many_problems);

  return g_test_run ();
}
