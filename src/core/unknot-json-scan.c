/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-json"

#include "config.h"

#include <glib/gi18n-lib.h>

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
scan_hex4 (Scanner  *s,
           gunichar *value)
{
  *value = 0;
  for (int i = 0; i < 4; i++)
    {
      s->p++;
      if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
        /* Translators: keep \u as it is; it is written so in JSON. */
        return fail (s, _("\\u must be followed by four hexadecimal digits"));
      *value = *value * 16 + (gunichar) g_ascii_xdigit_value (*s->p);
    }
  return TRUE;
}

/* A \u escape, with s->p on the "u".  Surrogates must come in pairs and
 * U+0000 is refused: json-glib would cut the string there. */
static gboolean
scan_unicode_escape (Scanner  *s,
                     gunichar *value)
{
  gunichar low;

  if (!scan_hex4 (s, value))
    return FALSE;
  if (*value == 0)
    /* Translators: keep \u0000 as it is; it is written so in JSON. */
    return fail (s, _("\\u0000 is not allowed in a string"));
  if (*value >= 0xDC00 && *value <= 0xDFFF)
    /* Translators: \u%04X is a character escape as written in JSON, keep it as it is. */
    return fail (s, _("\\u%04X is the second half of a surrogate pair and cannot stand alone"), *value);
  if (*value < 0xD800 || *value > 0xDBFF)
    return TRUE;
  if (s->end - s->p < 3 || s->p[1] != '\\' || s->p[2] != 'u')
    /* Translators: \u%04X is a character escape as written in JSON, keep it as it is. */
    return fail (s, _("\\u%04X must be followed by the second half of its surrogate pair"), *value);
  s->p += 2;
  if (!scan_hex4 (s, &low))
    return FALSE;
  if (low < 0xDC00 || low > 0xDFFF)
    /* Translators: \u%04X is a character escape as written in JSON, keep it as it is. */
    return fail (s, _("\\u%04X must be followed by the second half of its surrogate pair"), *value);
  *value = 0x10000 + ((*value - 0xD800) << 10) + (low - 0xDC00);
  return TRUE;
}

/* With @decoded, the string's value is appended to it (member names are
 * compared decoded, so "t\u0069tle" is the same member as "title"). */
static gboolean
scan_string (Scanner *s,
             GString *decoded)
{
  s->p++; /* opening quote */
  while (s->p < s->end)
    {
      guchar c = (guchar) *s->p;
      gunichar value;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, _("control character inside a string (a string must end on the line it starts)"));
      if (c != '\\')
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (char) c);
          s->p++;
          continue;
        }

      s->p++;
      if (s->p >= s->end)
        break;
      switch (*s->p)
        {
        case '"': case '\\': case '/': value = (gunichar) *s->p; break;
        case 'b': value = '\b'; break;
        case 'f': value = '\f'; break;
        case 'n': value = '\n'; break;
        case 'r': value = '\r'; break;
        case 't': value = '\t'; break;
        case 'u':
          if (!scan_unicode_escape (s, &value))
            return FALSE;
          break;
        default:
          if (g_ascii_isgraph (*s->p))
            /* Translators: \%c is an escape as written in the file, keep it as it is. */
            return fail (s, _("unknown escape “\\%c” in a string"), *s->p);
          return fail (s, _("unknown escape after “\\” in a string"));
        }
      if (decoded != NULL)
        g_string_append_unichar (decoded, value);
      s->p++;
    }
  return fail (s, _("string is not closed with a quote"));
}

static gboolean
scan_digits (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  if (s->p == start)
    return fail (s, _("a digit is missing in this number"));
  /* Beyond this, json-glib's 64-bit integers wrap around silently. */
  if (s->p - start > 15)
    {
      s->p = start;
      return fail (s, _("this number is too large"));
    }
  return TRUE;
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
  /* Translators: true, false and null are JSON words, keep them as they are. */
  return fail (s, _("unexpected text; expected a value (a string, number, object, array, true, false or null)"));
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
      GString *name = g_string_new (NULL);
      char *key;

      skip_whitespace (s);
      if (s->p >= s->end || *s->p != '"')
        {
          g_string_free (name, TRUE);
          return fail (s, _("expected a member name in double quotes"));
        }
      name_start = s->p;
      if (!scan_string (s, name))
        {
          g_string_free (name, TRUE);
          return FALSE;
        }
      if (g_hash_table_contains (names, name->str))
        {
          s->p = name_start;
          /* Translators: %s is a JSON member name, keep it as it is. */
          fail (s, _("member “%s” appears twice in this object"), name->str);
          g_string_free (name, TRUE);
          return FALSE;
        }
      key = g_string_free (name, FALSE);
      g_hash_table_add (names, key); /* the table owns it */

      skip_whitespace (s);
      if (s->p >= s->end || *s->p != ':')
        return fail (s, _("expected “:” after the member name"));
      s->p++;
      skip_whitespace (s);

      if (path_len > 0)
        g_string_append_c (s->path, '.');
      g_string_append (s->path, key);
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
      return fail (s, _("expected “,” or “}” after a member"));
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
      return fail (s, _("expected “,” or “]” after an array element"));
    }
}

static gboolean
scan_value (Scanner *s,
            guint    depth)
{
  UnknotJsonPos *pos;

  skip_whitespace (s);
  if (s->p >= s->end)
    return fail (s, _("unexpected end of file; a value is missing"));

  pos = g_new (UnknotJsonPos, 1);
  *pos = scanner_pos (s);
  g_hash_table_replace (s->positions, g_strdup (s->path->str), pos);

  switch (*s->p)
    {
    case '{':
    case '[':
      if (depth >= s->max_depth)
        return fail (s, _("nested more than %u levels deep"), s->max_depth);
      return *s->p == '{' ? scan_object (s, depth + 1) : scan_array (s, depth + 1);
    case '"':
      return scan_string (s, NULL);
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
      fail (&s, _("the file is not valid UTF-8 text"));
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    fail (&s, _("the file starts with a byte order mark; save it as UTF-8 without BOM"));
  else if (scan_value (&s, 0))
    {
      skip_whitespace (&s);
      if (s.p < s.end)
        fail (&s, _("unexpected text after the end of the JSON value"));
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
