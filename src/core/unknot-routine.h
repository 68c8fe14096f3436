/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  UNKNOT_TOOL_TENNIS_BALL,
  UNKNOT_TOOL_HAND,
  UNKNOT_TOOL_TOOL,
} UnknotTool;

typedef enum {
  UNKNOT_LEVEL_GENTLE,
  UNKNOT_LEVEL_STANDARD,
  UNKNOT_LEVEL_FIRM,
} UnknotLevel;

typedef enum {
  UNKNOT_SIDES_NONE,
  UNKNOT_SIDES_LEFT_RIGHT,
} UnknotSides;

/* The body areas a routine can target, in the order the app lists them. */
extern const char * const unknot_areas[];

const char *unknot_tool_to_string    (UnknotTool   tool);
gboolean    unknot_tool_from_string  (const char  *str,
                                      UnknotTool  *tool);
const char *unknot_tool_get_label    (UnknotTool   tool);
const char *unknot_tool_get_icon_name (UnknotTool  tool);
const char *unknot_level_to_string   (UnknotLevel  level);
gboolean    unknot_level_from_string (const char  *str,
                                      UnknotLevel *level);
const char *unknot_level_get_label   (UnknotLevel  level);
gboolean    unknot_area_is_known     (const char  *area);
const char *unknot_area_get_label    (const char  *area);
char       *unknot_format_duration   (guint        seconds);

#define UNKNOT_TYPE_STEP (unknot_step_get_type ())
G_DECLARE_FINAL_TYPE (UnknotStep, unknot_step, UNKNOT, STEP, GObject)

const char         *unknot_step_get_title                    (UnknotStep *self);
const char         *unknot_step_get_instruction              (UnknotStep *self);
guint               unknot_step_get_duration                 (UnknotStep *self);
UnknotSides         unknot_step_get_sides                    (UnknotStep *self);
guint               unknot_step_get_total_seconds            (UnknotStep *self);
const char         *unknot_step_get_pressure                 (UnknotStep *self);
const char         *unknot_step_get_stop_if                  (UnknotStep *self);
const char * const *unknot_step_get_illustrations            (UnknotStep *self);
GFile              *unknot_step_get_illustration_file        (UnknotStep *self,
                                                              guint       frame);
guint               unknot_step_get_n_frames                 (UnknotStep *self);
const char         *unknot_step_get_illustration_description (UnknotStep *self);
const char         *unknot_step_get_cue                      (UnknotStep *self);

#define UNKNOT_TYPE_ROUTINE (unknot_routine_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutine, unknot_routine, UNKNOT, ROUTINE, GObject)

const char         *unknot_routine_get_id            (UnknotRoutine *self);
const char         *unknot_routine_get_title         (UnknotRoutine *self);
const char         *unknot_routine_get_summary       (UnknotRoutine *self);
UnknotTool          unknot_routine_get_tool          (UnknotRoutine *self);
UnknotLevel         unknot_routine_get_level         (UnknotRoutine *self);
const char * const *unknot_routine_get_equipment     (UnknotRoutine *self);
const char * const *unknot_routine_get_areas         (UnknotRoutine *self);
const char * const *unknot_routine_get_safety        (UnknotRoutine *self);
GListModel         *unknot_routine_get_steps         (UnknotRoutine *self);
guint               unknot_routine_get_n_steps       (UnknotRoutine *self);
guint               unknot_routine_get_total_seconds (UnknotRoutine *self);
gboolean            unknot_routine_get_is_user       (UnknotRoutine *self);
GFile              *unknot_routine_get_file          (UnknotRoutine *self);
gboolean            unknot_routine_has_area          (UnknotRoutine *self,
                                                      const char    *area);
gboolean            unknot_routine_matches           (UnknotRoutine *self,
                                                      const char    *text);
char               *unknot_routine_dup_subtitle      (UnknotRoutine *self);

G_END_DECLS
