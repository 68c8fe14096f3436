/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-json"

#include "unknot-json-scan.h"

#include <string.h>

typedef struct
{
  const char    *p;
  const char    *end;
  const char    *line_start;
  guint          line;
  const char    *column_at;  /* the column of this point is known, */
  guint          column;     /* so long lines are counted only once */
  guint          max_depth;
  GHashTable    *positions;
  GString       *path;
  UnknotJsonPos  error_pos;
  char          *error_message;
} Scanner;

static UnknotJsonPos
scanner_pos (Scanner *s)
{
  UnknotJsonPos pos;

  if (s->column_at < s->line_start || s->column_at > s->p)
    {
      s->column_at = s->line_start;
      s->column = 0;
    }
  s->column += (guint) g_utf8_strlen (s->column_at, s->p - s->column_at);
  s->column_at = s->p;
  pos.line = s->line;
  pos.column = s->column + 1;
  return pos;
}

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Scanner    *s,
      const char *format,
      ...)
{
  va_list args;

  if (s->error_message != NULL)
    return FALSE;
  s->error_pos = scanner_pos (s);
  va_start (args, format);
  s->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static void
skip_whitespace (Scanner *s)
{
  for (; s->p < s->end; s->p++)
    {
      if (*s->p == '\n')
        {
          s->line++;
          s->line_start = s->p + 1;
        }
      else if (*s->p != ' ' && *s->p != '\t' && *s->p != '\r')
        break;
    }
}

static gboolean
scan_string (Scanner *s)
{
  s->p++; /* opening quote */
  while (s->p < s->end)
    {
      guchar c = (guchar) *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, "control character inside a string (a string must end on the line it starts)");
      if (c == '\\')
        {
          s->p++;
          if (s->p >= s->end)
            break;
          if (*s->p == 'u')
            {
              for (int i = 0; i < 4; i++)
                {
                  s->p++;
                  if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
                    return fail (s, "\\u must be followed by four hexadecimal digits");
                }
            }
          else if (strchr ("\"\\/bfnrt", *s->p) == NULL || *s->p == '\0')
            return fail (s, "unknown escape “\\%c” in a string", *s->p);
        }
      s->p++;
    }
  return fail (s, "string is not closed with a quote");
}

static gboolean
scan_digits (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return s->p > start || fail (s, "a digit is missing in this number");
}

static gboolean
scan_number (Scanner *s)
{
  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner *s)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (s->end - s->p) >= len && memcmp (s->p, literals[i], len) == 0)
        {
          s->p += len;
          return TRUE;
        }
    }
  return fail (s, "unexpected text; expected a value (a string, number, object, array, true, false or null)");
}

static gboolean scan_value (Scanner *s, guint depth);

static gboolean
scan_object (Scanner *s,
             guint    depth)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize path_len = s->path->len;

  s->p++; /* { */
  skip_whitespace (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }

  for (;;)
    {
      const char *name_start;
      char *name;

      skip_whitespace (s);
      if (s->p >= s->end || *s->p != '"')
        return fail (s, "expected a member name in double quotes");
      name_start = s->p + 1;
      if (!scan_string (s))
        return FALSE;
      name = g_strndup (name_start, s->p - 1 - name_start);
      if (g_hash_table_contains (names, name))
        {
          s->p = name_start - 1;
          fail (s, "member “%s” appears twice in this object", name);
          g_free (name);
          return FALSE;
        }
      g_hash_table_add (names, name);

      skip_whitespace (s);
      if (s->p >= s->end || *s->p != ':')
        return fail (s, "expected “:” after the member name");
      s->p++;
      skip_whitespace (s);

      if (path_len > 0)
        g_string_append_c (s->path, '.');
      g_string_append (s->path, name);
      if (!scan_value (s, depth))
        return FALSE;
      g_string_truncate (s->path, path_len);

      skip_whitespace (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          return TRUE;
        }
      return fail (s, "expected “,” or “}” after a member");
    }
}

static gboolean
scan_array (Scanner *s,
            guint    depth)
{
  gsize path_len = s->path->len;

  s->p++; /* [ */
  skip_whitespace (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }

  for (guint index = 0;; index++)
    {
      g_string_append_printf (s->path, "[%u]", index);
      if (!scan_value (s, depth))
        return FALSE;
      g_string_truncate (s->path, path_len);

      skip_whitespace (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          return TRUE;
        }
      return fail (s, "expected “,” or “]” after an array element");
    }
}

static gboolean
scan_value (Scanner *s,
            guint    depth)
{
  UnknotJsonPos *pos;

  skip_whitespace (s);
  if (s->p >= s->end)
    return fail (s, "unexpected end of file; a value is missing");

  pos = g_new (UnknotJsonPos, 1);
  *pos = scanner_pos (s);
  g_hash_table_replace (s->positions, g_strdup (s->path->str), pos);

  switch (*s->p)
    {
    case '{':
    case '[':
      if (depth >= s->max_depth)
        return fail (s, "nested more than %u levels deep", s->max_depth);
      return *s->p == '{' ? scan_object (s, depth + 1) : scan_array (s, depth + 1);
    case '"':
      return scan_string (s);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      return scan_literal (s);
    }
}

GHashTable *
unknot_json_scan (const char    *data,
                  gsize          length,
                  guint          max_depth,
                  UnknotJsonPos *error_pos,
                  char         **error_message)
{
  g_autoptr(GString) path = g_string_new (NULL);
  const char *invalid = NULL;
  Scanner s = {
    .p = data,
    .end = data + length,
    .line_start = data,
    .line = 1,
    .max_depth = max_depth,
    .positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .path = path,
  };

  if (!g_utf8_validate (data, length, &invalid))
    {
      s.p = invalid;
      for (const char *c = data; c < invalid; c++)
        if (*c == '\n')
          {
            s.line++;
            s.line_start = c + 1;
          }
      fail (&s, "the file is not valid UTF-8 text");
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    fail (&s, "the file starts with a byte order mark; save it as UTF-8 without BOM");
  else if (scan_value (&s, 0))
    {
      skip_whitespace (&s);
      if (s.p < s.end)
        fail (&s, "unexpected text after the end of the JSON value");
    }

  if (s.error_message != NULL)
    {
      g_hash_table_unref (s.positions);
      *error_pos = s.error_pos;
      *error_message = s.error_message;
      return NULL;
    }
  return s.positions;
}
