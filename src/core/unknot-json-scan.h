/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint line;   /* from 1 */
  guint column; /* from 1, in characters */
} UnknotJsonPos;

/* Checks that @data is strict, well-formed UTF-8 JSON no deeper than
 * @max_depth and without repeated member names, before json-glib sees it
 * (json-glib 1.6 recurses without bound and keeps the last of two repeated
 * members silently).  Returns a table from value path ("", "steps",
 * "steps[2].duration") to where that value starts, or NULL with @error_pos
 * and @error_message set. */
GHashTable *unknot_json_scan (const char    *data,
                              gsize          length,
                              guint          max_depth,
                              UnknotJsonPos *error_pos,
                              char         **error_message);

G_END_DECLS
