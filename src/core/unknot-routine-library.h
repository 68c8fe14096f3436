/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_ROUTINES_RESOURCE_PATH "/io/github/unknot/Unknot/routines/"

#define UNKNOT_TYPE_ROUTINE_LIBRARY (unknot_routine_library_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutineLibrary, unknot_routine_library, UNKNOT, ROUTINE_LIBRARY, GObject)

/* A GListModel of UnknotRoutine, sorted by title: the built-ins under
 * @resource_path and the user's own in @user_folder, kept up to date when
 * that folder changes. */
UnknotRoutineLibrary *unknot_routine_library_new             (const char            *resource_path,
                                                              GFile                 *user_folder);
GFile                *unknot_default_user_routines_folder    (void);
GFile                *unknot_routine_library_get_user_folder (UnknotRoutineLibrary  *self);
/* One line per file that could not be read, "FILE:LINE:COLUMN: message". */
const char * const   *unknot_routine_library_get_problems    (UnknotRoutineLibrary  *self);
UnknotRoutine        *unknot_routine_library_lookup          (UnknotRoutineLibrary  *self,
                                                              const char            *id);
char                 *unknot_routine_library_suggest_id      (UnknotRoutineLibrary  *self,
                                                              const char            *id);
void                  unknot_routine_library_reload          (UnknotRoutineLibrary  *self);

/* Copies @routine into the user folder as @new_id (or its own id).  A
 * built-in id is never taken; another of the user's routines with that id is
 * replaced only when @replace is set. */
gboolean              unknot_routine_library_import          (UnknotRoutineLibrary  *self,
                                                              UnknotRoutine         *routine,
                                                              const char            *new_id,
                                                              gboolean               replace,
                                                              GError               **error);

/* Deleting is in two steps so it can be undone: trash hides the user's
 * routine and returns a token; restore brings it back and returns it;
 * purge removes it for good. */
char                 *unknot_routine_library_trash           (UnknotRoutineLibrary  *self,
                                                              UnknotRoutine         *routine,
                                                              GError               **error);
UnknotRoutine        *unknot_routine_library_restore         (UnknotRoutineLibrary  *self,
                                                              const char            *token,
                                                              GError               **error);
void                  unknot_routine_library_purge           (UnknotRoutineLibrary  *self,
                                                              const char            *token);

G_END_DECLS
