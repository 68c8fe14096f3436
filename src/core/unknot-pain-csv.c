/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain-csv"

#include "config.h"

#include <string.h>

#include "unknot-pain-csv.h"

/* Writing */

/* What a spreadsheet would run as a formula, and our own marker, which is
 * doubled so that taking one "'" off on import is always right. */
static gboolean
needs_marker (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r'", cell[0]) != NULL;
}

static void
append_cell (GString    *csv,
             const char *cell)
{
  gboolean quote;

  if (cell == NULL)
    cell = "";
  quote = strpbrk (cell, ",\"\r\n") != NULL
          || g_ascii_isspace (cell[0])
          || (cell[0] != '\0' && g_ascii_isspace (cell[strlen (cell) - 1]));

  if (quote)
    g_string_append_c (csv, '"');
  if (needs_marker (cell))
    g_string_append_c (csv, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  if (quote)
    g_string_append_c (csv, '"');
}

/* ISO 8601 as spreadsheets read it: the offset always as ±HH:MM (GLib
 * writes "+02" for whole hours), fractions of a second only when there are
 * any. */
static char *
format_time (GDateTime *time)
{
  g_autofree char *base = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  GTimeSpan offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  int microsecond = g_date_time_get_microsecond (time);
  g_autofree char *fraction = microsecond != 0 ? g_strdup_printf (".%06d", microsecond) : g_strdup ("");

  return g_strdup_printf ("%s%s%c%02d:%02d", base, fraction, offset < 0 ? '-' : '+',
                          (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
}

void
unknot_pain_csv_append_header (GString *csv)
{
  g_return_if_fail (csv != NULL);

  g_string_append (csv, UNKNOT_PAIN_CSV_HEADER "\r\n");
}

void
unknot_pain_csv_append_entry (GString               *csv,
                              const UnknotPainEntry *entry,
                              const char            *routine_id)
{
  g_autofree char *time = NULL;
  g_auto(GStrv) region_ids = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *tags = NULL;

  g_return_if_fail (csv != NULL);
  g_return_if_fail (entry != NULL && entry->time != NULL);

  time = format_time (entry->time);
  region_ids = unknot_pain_regions_to_ids (entry->regions);
  regions = g_strjoinv (";", region_ids);
  tags = entry->tags != NULL ? g_strjoinv (";", entry->tags) : g_strdup ("");

  g_string_append_printf (csv, "%s,%d,", time, CLAMP (entry->pain, 0, UNKNOT_PAIN_MAX));
  if (entry->interference >= 0)
    g_string_append_printf (csv, "%d", MIN (entry->interference, UNKNOT_PAIN_MAX));
  g_string_append_c (csv, ',');
  append_cell (csv, regions);
  g_string_append_c (csv, ',');
  append_cell (csv, tags);
  g_string_append_c (csv, ',');
  append_cell (csv, entry->note);
  g_string_append_c (csv, ',');
  append_cell (csv, entry->session_id != 0 ? unknot_pain_phase_to_string (entry->phase) : "none");
  g_string_append_c (csv, ',');
  append_cell (csv, entry->session_id != 0 ? routine_id : NULL);
  g_string_append (csv, "\r\n");
}

char *
unknot_pain_csv_format (GPtrArray *entries,
                        gsize     *length)
{
  GString *csv = g_string_new (NULL);

  unknot_pain_csv_append_header (csv);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    unknot_pain_csv_append_entry (csv, g_ptr_array_index (entries, i), NULL);
  if (length != NULL)
    *length = csv->len;
  return g_string_free (csv, FALSE);
}

/* Reading */

typedef enum {
  COLUMN_TIME,
  COLUMN_PAIN,
  COLUMN_INTERFERENCE,
  COLUMN_REGIONS,
  COLUMN_TAGS,
  COLUMN_NOTE,
  COLUMN_PHASE,
  COLUMN_ROUTINE,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "time", "pain", "interference", "regions", "tags", "note", "phase", "routine",
};

typedef struct
{
  GPtrArray *problems;
  guint      n_problems;
} Problems;

static void
add_problem (Problems   *problems,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Problems   *problems,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  problems->n_problems++;
  if (problems->n_problems > UNKNOT_PAIN_CSV_MAX_PROBLEMS)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems->problems, g_strdup_printf ("line %u: %s", line, what));
}

/* One record as read: its cells and the line it starts on. */
typedef struct
{
  GPtrArray *cells;
  guint      line;
  gboolean   blank;   /* an empty line, skipped */
} Record;

/* Reads the record at *@p (RFC 4180, with LF or CRLF line ends); advances
 * *@p and *@line past it.  FALSE at the end of the text.  A malformed
 * record is reported and comes back with cells == NULL. */
static gboolean
read_record (const char **p,
             const char  *end,
             guint       *line,
             Record      *record,
             Problems    *problems)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *s = *p;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  gboolean broken = FALSE;

  if (s >= end)
    return FALSE;

  record->cells = g_ptr_array_new_with_free_func (g_free);
  record->line = *line;
  record->blank = FALSE;

  while (s < end)
    {
      char c = *s;

      if (quoted)
        {
          if (c == '"' && s + 1 < end && s[1] == '"')
            {
              g_string_append_c (cell, '"');
              s += 2;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              s++;
            }
          else
            {
              if (c == '\n')
                (*line)++;
              g_string_append_c (cell, c);
              s++;
            }
          continue;
        }

      if (c == ',')
        {
          g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          s++;
        }
      else if (c == '\n' || c == '\r')
        {
          s += (c == '\r' && s + 1 < end && s[1] == '\n') ? 2 : 1;
          (*line)++;
          break;
        }
      else if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          s++;
        }
      else if (was_quoted)
        {
          /* Text after a closing quote: skip the rest of the line. */
          if (!broken)
            add_problem (problems, record->line,
                         "text after a closing quote; put the whole cell in quotes and double any quote inside it");
          broken = TRUE;
          s++;
        }
      else if (c == '"')
        {
          if (!broken)
            add_problem (problems, record->line,
                         "a quote inside a cell that does not start with one; put the whole cell in quotes "
                         "and double the quote");
          broken = TRUE;
          s++;
        }
      else
        {
          g_string_append_c (cell, c);
          s++;
        }
    }

  if (quoted)
    {
      add_problem (problems, record->line, "a quoted cell is not closed before the end of the file");
      broken = TRUE;
    }

  record->blank = record->cells->len == 0 && cell->len == 0 && !was_quoted;
  g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));
  if (broken)
    g_clear_pointer (&record->cells, g_ptr_array_unref);
  *p = s;
  return TRUE;
}

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->cells, g_ptr_array_unref);
}

/* Undoes the writer's formula marker; see needs_marker(). */
static const char *
unmarked (const char *cell)
{
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r'", cell[1]) != NULL)
    return cell + 1;
  return cell;
}

/* 0–10 written as digits only (spaces around allowed). */
static gboolean
parse_rating (const char *cell,
              int        *value)
{
  g_autofree char *text = g_strstrip (g_strdup (cell));
  guint64 number = 0;

  if (*text == '\0' || strlen (text) > 2
      || !g_ascii_string_to_unsigned (text, 10, 0, UNKNOT_PAIN_MAX, &number, NULL))
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static GDateTime *
parse_time (const char *cell,
            GTimeZone  *default_tz)
{
  g_autofree char *text = g_strstrip (g_strdup (cell));

  /* "2024-06-03 08:30" as spreadsheets write it: a space for the T, and
   * no seconds, which GLib insists on. */
  if (strlen (text) > 10 && text[10] == ' ')
    text[10] = 'T';
  if (strlen (text) >= 16 && text[10] == 'T' && text[13] == ':'
      && (text[16] == '\0' || strchr ("+-Zz", text[16]) != NULL))
    {
      g_autofree char *minutes = g_strndup (text, 16);
      char *with_seconds = g_strconcat (minutes, ":00", text + 16, NULL);

      g_free (text);
      text = with_seconds;
    }
  return g_date_time_new_from_iso8601 (text, default_tz);
}

static char *
quoted_excerpt (const char *cell)
{
  if (g_utf8_strlen (cell, -1) <= 40)
    return g_strdup (cell);
  {
    g_autofree char *start = g_utf8_substring (cell, 0, 40);

    return g_strconcat (start, "…", NULL);
  }
}

static UnknotPainEntry *
parse_row (const Record *record,
           const int     columns[N_COLUMNS],
           GTimeZone    *default_tz,
           Problems     *problems)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint before = problems->n_problems;
  const char *cell;

#define CELL(column) (columns[column] >= 0 ? (const char *) g_ptr_array_index (record->cells, columns[column]) : NULL)

  cell = CELL (COLUMN_TIME);
  g_clear_pointer (&entry->time, g_date_time_unref);
  entry->time = parse_time (cell, default_tz);
  if (entry->time == NULL)
    {
      g_autofree char *shown = quoted_excerpt (cell);

      add_problem (problems, record->line,
                   "time must be a date and time like 2024-06-03T08:30:00+02:00, not “%s”", shown);
    }

  cell = CELL (COLUMN_PAIN);
  if (!parse_rating (cell, &entry->pain))
    {
      g_autofree char *shown = quoted_excerpt (cell);

      add_problem (problems, record->line, "pain must be 0–10, not “%s”", shown);
    }

  cell = CELL (COLUMN_INTERFERENCE);
  entry->interference = -1;
  if (cell != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (cell));

      if (*trimmed != '\0' && !parse_rating (trimmed, &entry->interference))
        {
          g_autofree char *shown = quoted_excerpt (cell);

          add_problem (problems, record->line, "interference must be 0–10 or empty, not “%s”", shown);
          entry->interference = -1;
        }
    }

  cell = CELL (COLUMN_REGIONS);
  if (cell != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (cell, ";", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          UnknotPainRegion region;

          g_strstrip (ids[i]);
          if (*ids[i] == '\0')
            continue;
          region = unknot_pain_region_from_id (ids[i]);
          if (region == UNKNOT_PAIN_REGION_NONE)
            {
              g_autofree char *shown = quoted_excerpt (ids[i]);

              add_problem (problems, record->line,
                           "“%s” is not a region; use neck-left, neck-right, shoulder-left, shoulder-right, "
                           "upper-back-left, upper-back-right, mid-back-left, mid-back-right, "
                           "lower-back-left or lower-back-right", shown);
            }
          entry->regions |= region;
        }
    }

  cell = CELL (COLUMN_TAGS);
  if (cell != NULL)
    {
      g_auto(GStrv) words = g_strsplit (unmarked (cell), ";", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          char *tag;

          if (*g_strstrip (words[i]) == '\0')
            continue;
          tag = unknot_pain_tag_normalize (words[i], &error);
          if (tag == NULL)
            {
              add_problem (problems, record->line, "%s", error->message);
              continue;
            }
          if (g_hash_table_add (seen, tag))
            g_strv_builder_add (tags, tag);
        }
    }
  g_strfreev (entry->tags);
  entry->tags = g_strv_builder_end (tags);

  cell = CELL (COLUMN_NOTE);
  if (cell != NULL && *cell != '\0')
    {
      entry->note = g_strdup (unmarked (cell));
      if (g_utf8_strlen (entry->note, -1) > UNKNOT_PAIN_NOTE_MAX_LENGTH)
        add_problem (problems, record->line, "the note is longer than %d characters", UNKNOT_PAIN_NOTE_MAX_LENGTH);
    }

  cell = CELL (COLUMN_PHASE);
  if (cell != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (cell));

      if (*trimmed != '\0' && !unknot_pain_phase_from_string (trimmed, NULL))
        {
          g_autofree char *shown = quoted_excerpt (trimmed);

          add_problem (problems, record->line, "phase must be none, before, after or empty, not “%s”", shown);
        }
    }

#undef CELL

  if (problems->n_problems != before)
    return NULL;
  return g_steal_pointer (&entry);
}

static gboolean
read_header (const Record *record,
             int           columns[N_COLUMNS],
             Problems     *problems)
{
  guint before = problems->n_problems;

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  for (guint i = 0; i < record->cells->len; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (g_ptr_array_index (record->cells, i), -1));
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]))
          {
            known = TRUE;
            if (columns[c] >= 0)
              add_problem (problems, record->line, "the column “%s” is there twice", column_names[c]);
            columns[c] = (int) i;
          }
      if (!known)
        {
          g_autofree char *shown = quoted_excerpt (g_ptr_array_index (record->cells, i));

          add_problem (problems, record->line, "“%s” is not a column Unknot knows; the columns are "
                       UNKNOT_PAIN_CSV_HEADER, shown);
        }
    }
  if (columns[COLUMN_TIME] < 0)
    add_problem (problems, record->line, "there is no “time” column; the first line must name the columns: "
                 UNKNOT_PAIN_CSV_HEADER);
  if (columns[COLUMN_PAIN] < 0)
    add_problem (problems, record->line, "there is no “pain” column; the first line must name the columns: "
                 UNKNOT_PAIN_CSV_HEADER);
  return problems->n_problems == before;
}

static guint
line_of (const char *text,
         const char *position)
{
  guint line = 1;

  for (const char *p = text; p < position; p++)
    if (*p == '\n')
      line++;
  return line;
}

GPtrArray *
unknot_pain_csv_parse (const char  *text,
                       gsize        length,
                       GTimeZone   *default_tz,
                       GPtrArray  **problems_out)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(GTimeZone) local = NULL;
  Problems problems = { g_ptr_array_new_with_free_func (g_free), 0 };
  const char *p = text;
  const char *end;
  const char *invalid = NULL;
  int columns[N_COLUMNS];
  gboolean have_header = FALSE;
  gboolean header_ok = FALSE;
  guint line = 1;
  Record record = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (problems_out != NULL, NULL);

  *problems_out = NULL;
  if (default_tz == NULL)
    default_tz = local = g_time_zone_new_local ();
  if (text == NULL)
    p = text = "";
  end = text + length;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  if (!g_utf8_validate (p, (gssize) (end - p), &invalid))
    {
      add_problem (&problems, line_of (text, invalid),
                   "this is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet) and try again");
      *problems_out = problems.problems;
      return NULL;
    }

  while (read_record (&p, end, &line, &record, &problems))
    {
      if (record.cells == NULL || record.blank)
        {
          record_clear (&record);
          continue;
        }
      if (!have_header)
        {
          have_header = TRUE;
          header_ok = read_header (&record, columns, &problems);
        }
      else if (header_ok)
        {
          UnknotPainEntry *entry;
          guint n_header = 0;

          for (guint c = 0; c < N_COLUMNS; c++)
            if (columns[c] >= 0)
              n_header = MAX (n_header, (guint) columns[c] + 1);
          if (record.cells->len != n_header)
            add_problem (&problems, record.line, "%u cells, but the header names %u columns",
                         record.cells->len, n_header);
          else if ((entry = parse_row (&record, columns, default_tz, &problems)) != NULL)
            g_ptr_array_add (entries, entry);
        }
      record_clear (&record);
    }

  if (!have_header)
    add_problem (&problems, 1, "the file is empty; the first line must name the columns: "
                 UNKNOT_PAIN_CSV_HEADER);

  if (problems.n_problems > 0)
    {
      if (problems.n_problems > UNKNOT_PAIN_CSV_MAX_PROBLEMS)
        g_ptr_array_add (problems.problems,
                         g_strdup_printf ("… and %u more problems", problems.n_problems - UNKNOT_PAIN_CSV_MAX_PROBLEMS));
      *problems_out = problems.problems;
      return NULL;
    }
  g_ptr_array_unref (problems.problems);
  return g_steal_pointer (&entries);
}
