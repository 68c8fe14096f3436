/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_ROUTINE_ERROR (unknot_routine_error_quark ())

typedef enum {
  UNKNOT_ROUTINE_ERROR_INVALID,   /* the file is not a valid routine */
  UNKNOT_ROUTINE_ERROR_TOO_LARGE, /* over UNKNOT_ROUTINE_MAX_SIZE */
  UNKNOT_ROUTINE_ERROR_DUPLICATE, /* its id is already taken */
} UnknotRoutineError;

#define UNKNOT_ROUTINE_MAX_SIZE (1024 * 1024)
#define UNKNOT_ROUTINE_FORMAT 1

GQuark         unknot_routine_error_quark (void);

/* Errors read "NAME:LINE:COLUMN: what is wrong".  Illustrations are
 * resolved against @folder and must exist there. */
UnknotRoutine *unknot_routine_load_bytes  (GBytes      *bytes,
                                           const char  *name,
                                           GFile       *folder,
                                           GError     **error);
/* @name is what errors call the file; NULL means its path.  A routine that
 * ships with Unknot (@is_user FALSE) has its text translated through the
 * GETTEXT_PACKAGE catalogue; the user's own are shown as written. */
UnknotRoutine *unknot_routine_load_file   (GFile       *file,
                                           const char  *name,
                                           gboolean     is_user,
                                           GError     **error);

/* Writes @routine as a routine file at @dest, with @new_id (or its own id)
 * and its illustrations copied into the folder @illustrations_folder beside
 * @dest.  An existing illustration file is never overwritten: it is reused
 * when it holds the same bytes, and an error otherwise. */
gboolean       unknot_routine_save        (UnknotRoutine *routine,
                                           GFile         *dest,
                                           const char    *new_id,
                                           const char    *illustrations_folder,
                                           GError       **error);

gboolean       unknot_routine_id_is_valid (const char  *id);

G_END_DECLS
