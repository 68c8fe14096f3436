/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain-csv"

#include "config.h"

#include "unknot-pain-csv.h"

/* API stubs; implemented in the next commits. */

void
unknot_pain_csv_append_header (GString *csv)
{
  g_string_append (csv, UNKNOT_PAIN_CSV_HEADER "\r\n");
}

void
unknot_pain_csv_append_entry (GString               *csv,
                              const UnknotPainEntry *entry,
                              const char            *routine_id)
{
}

char *
unknot_pain_csv_format (GPtrArray *entries,
                        gsize     *length)
{
  GString *csv = g_string_new (NULL);

  unknot_pain_csv_append_header (csv);
  if (length != NULL)
    *length = csv->len;
  return g_string_free (csv, FALSE);
}

GPtrArray *
unknot_pain_csv_parse (const char  *text,
                       gsize        length,
                       GTimeZone   *default_tz,
                       GPtrArray  **problems)
{
  *problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*problems, g_strdup ("line 1: not implemented yet"));
  return NULL;
}
