/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-pain.h"

G_BEGIN_DECLS

/* The pain log as CSV, for a spreadsheet or another machine: UTF-8, RFC 4180
 * quoting, CRLF line ends, a header row, then one entry a row:
 *
 *   time,pain,interference,regions,tags,note,phase,routine
 *
 * time is ISO 8601 with the offset it was lived in; interference is empty
 * when unset; regions and tags are joined with ";"; phase and routine say
 * which session an entry was recorded before or after.  A text cell that a
 * spreadsheet would run as a formula (beginning with = + - @, a tab or a
 * CR) gets a leading "'", as does one already beginning with "'"; parsing
 * takes exactly that one "'" off again, so notes round-trip unchanged.
 *
 * Import reads time and pain (required) and interference, regions, tags and
 * note in any column order; phase and routine are checked but not kept,
 * since session numbers belong to one machine's history (a backup keeps
 * them).  Unknown columns are an error, so a typo is not silently dropped. */

#define UNKNOT_PAIN_CSV_HEADER "time,pain,interference,regions,tags,note,phase,routine"

/* Appends the header row. */
void       unknot_pain_csv_append_header (GString               *csv);
/* Appends one row; @routine_id is the linked session's routine, or NULL. */
void       unknot_pain_csv_append_entry  (GString               *csv,
                                          const UnknotPainEntry *entry,
                                          const char            *routine_id);
/* The header and every entry of @entries (UnknotPainEntry), in order. */
char      *unknot_pain_csv_format        (GPtrArray             *entries,
                                          gsize                 *length);

/* At most this many problems are listed; the last says how many more. */
#define UNKNOT_PAIN_CSV_MAX_PROBLEMS 50

/* All or nothing: a GPtrArray of new UnknotPainEntry (id 0, no session) in
 * file order when every row is good, else NULL with *@problems set to a
 * GPtrArray of strings such as "line 14: pain must be 0–10" (a row's line is
 * the line it starts on; the header is line 1).  Empty lines are skipped; a
 * UTF-8 byte order mark is allowed.  A time without an offset is read in
 * @default_tz (NULL: local time). */
GPtrArray *unknot_pain_csv_parse         (const char            *text,
                                          gsize                  length,
                                          GTimeZone             *default_tz,
                                          GPtrArray            **problems);

G_END_DECLS
