/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-routine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-routine-private.h"

const char * const unknot_areas[] = {
  "neck",
  "upper-trapezius",
  "levator-scapulae",
  "rhomboids",
  "spine-muscles",
  "shoulder-blade",
  "chest",
  "skull-base",
  "thoracic",
  "feet",
  NULL
};

static const char * const tool_names[] = { "tennis-ball", "hand", "tool" };
static const char * const level_names[] = { "gentle", "standard", "firm" };

const char *
unknot_tool_to_string (UnknotTool tool)
{
  g_return_val_if_fail (tool <= UNKNOT_TOOL_TOOL, NULL);
  return tool_names[tool];
}

gboolean
unknot_tool_from_string (const char *str,
                         UnknotTool *tool)
{
  for (guint i = 0; i < G_N_ELEMENTS (tool_names); i++)
    if (g_strcmp0 (str, tool_names[i]) == 0)
      {
        *tool = (UnknotTool) i;
        return TRUE;
      }
  return FALSE;
}

const char *
unknot_tool_get_label (UnknotTool tool)
{
  switch (tool)
    {
    case UNKNOT_TOOL_TENNIS_BALL: return _("Tennis ball");
    case UNKNOT_TOOL_HAND: return _("Hands");
    case UNKNOT_TOOL_TOOL: return _("Tool");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
unknot_tool_get_icon_name (UnknotTool tool)
{
  switch (tool)
    {
    case UNKNOT_TOOL_TENNIS_BALL: return "unknot-ball-symbolic";
    case UNKNOT_TOOL_HAND: return "unknot-hand-symbolic";
    case UNKNOT_TOOL_TOOL: return "unknot-roller-symbolic";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
unknot_level_to_string (UnknotLevel level)
{
  g_return_val_if_fail (level <= UNKNOT_LEVEL_FIRM, NULL);
  return level_names[level];
}

gboolean
unknot_level_from_string (const char  *str,
                          UnknotLevel *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_strcmp0 (str, level_names[i]) == 0)
      {
        *level = (UnknotLevel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
unknot_level_get_label (UnknotLevel level)
{
  switch (level)
    {
    case UNKNOT_LEVEL_GENTLE: return C_("level", "Gentle");
    case UNKNOT_LEVEL_STANDARD: return C_("level", "Standard");
    case UNKNOT_LEVEL_FIRM: return C_("level", "Firm");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
unknot_area_is_known (const char *area)
{
  return area != NULL && g_strv_contains (unknot_areas, area);
}

const char *
unknot_area_get_label (const char *area)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "neck", N_("Neck") },
    { "upper-trapezius", N_("Top of the shoulders") },
    { "levator-scapulae", N_("Side of the neck to the shoulder blade") },
    { "rhomboids", N_("Between the shoulder blades") },
    { "spine-muscles", N_("Muscles beside the spine") },
    { "shoulder-blade", N_("Back of the shoulder blade") },
    { "chest", N_("Chest") },
    { "skull-base", N_("Base of the skull") },
    { "thoracic", N_("Upper and mid back") },
    { "feet", N_("Feet") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (area, labels[i].id) == 0)
      return _(labels[i].label);
  return area;
}

char *
unknot_format_duration (guint seconds)
{
  guint minutes = (seconds + 30) / 60;

  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", seconds), seconds);
  if (seconds % 60 == 0 || seconds >= 600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes), minutes);
  /* TRANSLATORS: a duration such as "2 min 30 s" */
  return g_strdup_printf (_("%u min %u s"), seconds / 60, seconds % 60);
}

/* UnknotStep */

G_DEFINE_FINAL_TYPE (UnknotStep, unknot_step, G_TYPE_OBJECT)

static void
unknot_step_finalize (GObject *object)
{
  UnknotStep *self = UNKNOT_STEP (object);

  g_free (self->title);
  g_free (self->instruction);
  g_free (self->pressure);
  g_free (self->stop_if);
  g_strfreev (self->illustrations);
  g_clear_pointer (&self->illustration_files, g_ptr_array_unref);
  g_free (self->illustration_description);
  g_free (self->cue);

  G_OBJECT_CLASS (unknot_step_parent_class)->finalize (object);
}

static void
unknot_step_class_init (UnknotStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_step_finalize;
}

static void
unknot_step_init (UnknotStep *self)
{
  self->illustration_files = g_ptr_array_new_with_free_func (g_object_unref);
}

UnknotStep *
unknot_step_new (void)
{
  return g_object_new (UNKNOT_TYPE_STEP, NULL);
}

const char *
unknot_step_get_title (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->title;
}

const char *
unknot_step_get_instruction (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->instruction;
}

guint
unknot_step_get_duration (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->duration;
}

UnknotSides
unknot_step_get_sides (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), UNKNOT_SIDES_NONE);
  return self->sides;
}

guint
unknot_step_get_total_seconds (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->sides == UNKNOT_SIDES_LEFT_RIGHT ? 2 * self->duration : self->duration;
}

const char *
unknot_step_get_pressure (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->pressure;
}

const char *
unknot_step_get_stop_if (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->stop_if;
}

const char * const *
unknot_step_get_illustrations (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return (const char * const *) self->illustrations;
}

guint
unknot_step_get_n_frames (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->illustration_files->len;
}

GFile *
unknot_step_get_illustration_file (UnknotStep *self,
                                   guint       frame)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  g_return_val_if_fail (frame < self->illustration_files->len, NULL);
  return g_ptr_array_index (self->illustration_files, frame);
}

const char *
unknot_step_get_illustration_description (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->illustration_description;
}

const char *
unknot_step_get_cue (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->cue != NULL ? self->cue : self->title;
}

/* UnknotRoutine */

G_DEFINE_FINAL_TYPE (UnknotRoutine, unknot_routine, G_TYPE_OBJECT)

static void
unknot_routine_finalize (GObject *object)
{
  UnknotRoutine *self = UNKNOT_ROUTINE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_strfreev (self->equipment);
  g_strfreev (self->areas);
  g_strfreev (self->safety);
  g_clear_object (&self->steps);
  g_clear_object (&self->file);
  g_free (self->search_text);

  G_OBJECT_CLASS (unknot_routine_parent_class)->finalize (object);
}

static void
unknot_routine_class_init (UnknotRoutineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_routine_finalize;
}

static void
unknot_routine_init (UnknotRoutine *self)
{
  self->steps = g_list_store_new (UNKNOT_TYPE_STEP);
}

UnknotRoutine *
unknot_routine_new (void)
{
  return g_object_new (UNKNOT_TYPE_ROUTINE, NULL);
}

const char *
unknot_routine_get_id (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
unknot_routine_get_title (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->title;
}

const char *
unknot_routine_get_summary (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->summary;
}

UnknotTool
unknot_routine_get_tool (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), UNKNOT_TOOL_HAND);
  return self->tool;
}

UnknotLevel
unknot_routine_get_level (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), UNKNOT_LEVEL_GENTLE);
  return self->level;
}

const char * const *
unknot_routine_get_equipment (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return (const char * const *) self->equipment;
}

const char * const *
unknot_routine_get_areas (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return (const char * const *) self->areas;
}

const char * const *
unknot_routine_get_safety (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return (const char * const *) self->safety;
}

GListModel *
unknot_routine_get_steps (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return G_LIST_MODEL (self->steps);
}

guint
unknot_routine_get_n_steps (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

guint
unknot_routine_get_total_seconds (UnknotRoutine *self)
{
  guint total = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  for (guint i = 0; i < unknot_routine_get_n_steps (self); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);
      total += unknot_step_get_total_seconds (step);
    }
  return total;
}

gboolean
unknot_routine_get_is_user (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);
  return self->is_user;
}

GFile *
unknot_routine_get_file (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->file;
}

gboolean
unknot_routine_has_area (UnknotRoutine *self,
                         const char    *area)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);
  return g_strv_contains ((const char * const *) self->areas, area);
}

static char *
build_search_text (UnknotRoutine *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n%s\n%s\n",
                          self->title, self->summary,
                          unknot_tool_get_label (self->tool),
                          unknot_level_get_label (self->level));
  for (guint i = 0; self->areas[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", unknot_area_get_label (self->areas[i]));
  for (guint i = 0; self->equipment[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", self->equipment[i]);
  for (guint i = 0; i < unknot_routine_get_n_steps (self); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);
      g_string_append_printf (text, "%s\n", step->title);
    }
  return g_utf8_casefold (text->str, -1);
}

/* Every word of @text must appear somewhere in the routine, in any order:
 * "ball shoulder" finds "Tennis ball between the shoulder blades". */
gboolean
unknot_routine_matches (UnknotRoutine *self,
                        const char    *text)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;
  if (self->search_text == NULL)
    self->search_text = build_search_text (self);

  folded = g_utf8_casefold (text, -1);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->search_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

char *
unknot_routine_dup_subtitle (UnknotRoutine *self)
{
  g_autofree char *length = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);

  length = unknot_format_duration (unknot_routine_get_total_seconds (self));
  /* TRANSLATORS: tool · area · length · level, e.g. "Tennis ball · Between the shoulder blades · 6 minutes · Gentle" */
  return g_strdup_printf (_("%s · %s · %s · %s"),
                          unknot_tool_get_label (self->tool),
                          unknot_area_get_label (self->areas[0]),
                          length,
                          unknot_level_get_label (self->level));
}
