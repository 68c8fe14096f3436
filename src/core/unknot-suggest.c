/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-suggest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "unknot-screening.h"
#include "unknot-suggest.h"

/* The rules are documented in unknot-suggest.h; this file follows them in
 * the same order. */

const guint unknot_suggest_minute_choices[] = { 2, 5, 10, 15, 0 };

/* Gear */

static const struct
{
  UnknotGear  gear;
  const char *id;
  const char *label;
  const char *needs;
} gear_names[] = {
  /* TRANSLATORS: a thing to massage with, in a list of what you have at hand */
  { UNKNOT_GEAR_TENNIS_BALL, "tennis-ball", N_("Tennis ball"), N_("Needs a tennis ball") },
  { UNKNOT_GEAR_FOAM_ROLLER, "foam-roller", N_("Foam roller"), N_("Needs a foam roller") },
  { UNKNOT_GEAR_CANE, "cane", N_("Massage cane or hook"), N_("Needs a massage cane or hook") },
  { UNKNOT_GEAR_TWO_BALLS, "two-balls", N_("Two balls in a sock"), N_("Needs two balls in a sock") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (gear_names) == UNKNOT_GEAR_N);

/* The built-in tool routines.  Their equipment is translated, so words
 * cannot tell them apart; their ids can. */
static const struct
{
  const char *id;
  UnknotGear  gear;
} builtin_gear[] = {
  { "roller-thoracic", UNKNOT_GEAR_FOAM_ROLLER },
  { "roller-sports-warmup", UNKNOT_GEAR_FOAM_ROLLER },
  { "cane-hook-trapezius", UNKNOT_GEAR_CANE },
  { "sock-balls-spine", UNKNOT_GEAR_TWO_BALLS },
};

/* For the user's own tool routines, written in English by the format's
 * rules: words in the id or the equipment, the sock first since "two balls
 * in a sock" also says "ball". */
static const struct
{
  const char *word;
  UnknotGear  gear;
} gear_words[] = {
  { "sock", UNKNOT_GEAR_TWO_BALLS },
  { "roller", UNKNOT_GEAR_FOAM_ROLLER },
  { "cane", UNKNOT_GEAR_CANE },
  { "hook", UNKNOT_GEAR_CANE },
};

static int
gear_index (UnknotGear gear)
{
  for (guint i = 0; i < G_N_ELEMENTS (gear_names); i++)
    if (gear_names[i].gear == gear)
      return (int) i;
  return -1;
}

UnknotGear
unknot_gear_nth (guint index)
{
  g_return_val_if_fail (index < UNKNOT_GEAR_N, UNKNOT_GEAR_NONE);
  return gear_names[index].gear;
}

const char *
unknot_gear_to_id (UnknotGear gear)
{
  int i = gear_index (gear);

  return i >= 0 ? gear_names[i].id : NULL;
}

UnknotGear
unknot_gear_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (gear_names); i++)
    if (g_strcmp0 (id, gear_names[i].id) == 0)
      return gear_names[i].gear;
  return UNKNOT_GEAR_NONE;
}

guint
unknot_gear_from_ids (const char * const *ids)
{
  guint gear = UNKNOT_GEAR_NONE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    gear |= unknot_gear_from_id (ids[i]);
  return gear;
}

GStrv
unknot_gear_to_ids (guint gear)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (gear_names); i++)
    if (gear & gear_names[i].gear)
      g_strv_builder_add (builder, gear_names[i].id);
  return g_strv_builder_end (builder);
}

const char *
unknot_gear_get_label (UnknotGear gear)
{
  int i = gear_index (gear);

  return i >= 0 ? _(gear_names[i].label) : NULL;
}

const char *
unknot_gear_get_needs_label (UnknotGear gear)
{
  int i = gear_index (gear);

  return i >= 0 ? _(gear_names[i].needs) : NULL;
}

static UnknotGear
gear_from_words (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return UNKNOT_GEAR_NONE;
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (gear_words); i++)
    if (strstr (folded, gear_words[i].word) != NULL)
      return gear_words[i].gear;
  return UNKNOT_GEAR_NONE;
}

UnknotGear
unknot_gear_for_routine (UnknotRoutine *routine)
{
  const char *id;
  const char * const *equipment;
  UnknotGear gear;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), UNKNOT_GEAR_NONE);

  switch (unknot_routine_get_tool (routine))
    {
    case UNKNOT_TOOL_HAND:
      return UNKNOT_GEAR_NONE;
    case UNKNOT_TOOL_TENNIS_BALL:
      return UNKNOT_GEAR_TENNIS_BALL;
    case UNKNOT_TOOL_TOOL:
    default:
      break;
    }

  id = unknot_routine_get_id (routine);
  if (!unknot_routine_get_is_user (routine))
    for (guint i = 0; i < G_N_ELEMENTS (builtin_gear); i++)
      if (g_str_equal (id, builtin_gear[i].id))
        return builtin_gear[i].gear;

  gear = gear_from_words (id);
  equipment = unknot_routine_get_equipment (routine);
  for (guint i = 0; gear == UNKNOT_GEAR_NONE && equipment != NULL && equipment[i] != NULL; i++)
    gear = gear_from_words (equipment[i]);
  return gear;
}

gboolean
unknot_gear_covers_routine (guint          at_hand,
                            UnknotRoutine *routine)
{
  UnknotGear needed = unknot_gear_for_routine (routine);

  return needed == UNKNOT_GEAR_NONE || (at_hand & needed) != 0;
}

/* Time */

UnknotTimeFit
unknot_suggest_time_fit (guint seconds,
                         guint minutes)
{
  guint64 chosen = (guint64) minutes * 60;

  if (seconds > chosen + chosen / 5)
    return UNKNOT_TIME_FIT_TOO_LONG;
  if (seconds > chosen)
    return UNKNOT_TIME_FIT_LONGER;
  if ((guint64) seconds * 2 >= chosen)
    return UNKNOT_TIME_FIT_FITS;
  return UNKNOT_TIME_FIT_SHORTER;
}

/* Regions */

/* The body parts of UnknotPainRegion, each a left and a right flag
 * (bits 2·part and 2·part + 1). */
enum { PART_NECK, PART_SHOULDER, PART_UPPER_BACK, PART_MID_BACK, PART_LOWER_BACK, N_PARTS };

G_STATIC_ASSERT (N_PARTS * 2 == UNKNOT_PAIN_N_REGIONS);

static const char * const neck_areas[] = { "neck", "skull-base", "levator-scapulae", NULL };
static const char * const shoulder_areas[] = { "upper-trapezius", "levator-scapulae", NULL };
static const char * const upper_back_areas[] = { "rhomboids", "shoulder-blade", "thoracic", "spine-muscles", NULL };
static const char * const mid_back_areas[] = { "thoracic", "spine-muscles", NULL };
/* None of the routines reaches the lower back. */
static const char * const lower_back_areas[] = { NULL };

static const char * const * const part_areas[N_PARTS] = {
  neck_areas, shoulder_areas, upper_back_areas, mid_back_areas, lower_back_areas,
};

/* Routines whose every area is one of these are for relaxation only. */
static const char * const relaxation_areas[] = { "feet", NULL };

static int
region_part (UnknotPainRegion region)
{
  for (guint bit = 0; bit < UNKNOT_PAIN_N_REGIONS; bit++)
    if (region == (1u << bit))
      return (int) bit / 2;
  return -1;
}

const char * const *
unknot_suggest_region_get_areas (UnknotPainRegion region)
{
  int part = region_part (region);

  g_return_val_if_fail (part >= 0, lower_back_areas);
  return part_areas[part];
}

static gboolean
routine_targets_part (UnknotRoutine *routine,
                      guint          part)
{
  for (guint i = 0; part_areas[part][i] != NULL; i++)
    if (unknot_routine_has_area (routine, part_areas[part][i]))
      return TRUE;
  return FALSE;
}

static gboolean
routine_is_relaxation (UnknotRoutine *routine)
{
  const char * const *areas = unknot_routine_get_areas (routine);

  if (areas == NULL || areas[0] == NULL)
    return FALSE;
  for (guint i = 0; areas[i] != NULL; i++)
    if (!g_strv_contains (relaxation_areas, areas[i]))
      return FALSE;
  return TRUE;
}

/* Red flag */

gboolean
unknot_suggest_is_red_flag (GDateTime *last_safety_stop,
                            GDateTime *now)
{
  g_return_val_if_fail (now != NULL, FALSE);

  if (last_safety_stop == NULL)
    return FALSE;
  return g_date_time_difference (now, last_safety_stop) < (GTimeSpan) UNKNOT_SUGGEST_RED_FLAG_HOURS * G_TIME_SPAN_HOUR;
}

/* Suggestions */

static void
suggestion_free (UnknotSuggestion *suggestion)
{
  g_clear_object (&suggestion->routine);
  g_free (suggestion->reason);
  g_free (suggestion);
}

void
unknot_suggest_result_free (UnknotSuggestResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->suggestions);
  g_free (result);
}

typedef struct
{
  guint    minutes;
  gboolean is_new;       /* no session and no entry, ever */
  gboolean gentle_first; /* a beginner, or answers that ask for care */
} Context;

/* The improvement a reason shows, in tenths of a point: what ranks. */
static int
improvement_tenths (const UnknotSuggestion *suggestion)
{
  double tenths = -suggestion->mean_change * 10;

  return (int) (tenths >= 0 ? tenths + 0.5 : tenths - 0.5);
}

static gboolean
measurably_helped (const UnknotSuggestion *suggestion)
{
  return suggestion->n_sessions >= UNKNOT_PAIN_MIN_PAIRED_SESSIONS
         && suggestion->effect == UNKNOT_PAIN_EFFECT_IMPROVED;
}

static guint
distance_from_chosen (const UnknotSuggestion *suggestion,
                      guint                   minutes)
{
  guint chosen = minutes * 60;

  return suggestion->seconds > chosen ? suggestion->seconds - chosen : chosen - suggestion->seconds;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const UnknotSuggestion *sa = *(UnknotSuggestion * const *) a;
  const UnknotSuggestion *sb = *(UnknotSuggestion * const *) b;
  const Context *context = user_data;
  gboolean targets_a = sa->target_weight > 0, targets_b = sb->target_weight > 0;
  gboolean helped_a = measurably_helped (sa), helped_b = measurably_helped (sb);
  guint distance_a, distance_b;

  /* a. where it hurts */
  if (targets_a != targets_b)
    return targets_a ? -1 : 1;
  /* b. what has helped, and by how much */
  if (helped_a != helped_b)
    return helped_a ? -1 : 1;
  if (helped_a && improvement_tenths (sa) != improvement_tenths (sb))
    return improvement_tenths (sb) - improvement_tenths (sa);
  /* c. fit */
  if (sa->target_weight != sb->target_weight)
    return sa->target_weight > sb->target_weight ? -1 : 1;
  if (context->is_new)
    {
      gboolean hands_a = unknot_routine_get_tool (sa->routine) == UNKNOT_TOOL_HAND;
      gboolean hands_b = unknot_routine_get_tool (sb->routine) == UNKNOT_TOOL_HAND;

      if (hands_a != hands_b)
        return hands_a ? -1 : 1;
    }
  if (sa->time_fit != sb->time_fit)
    return (int) sa->time_fit - (int) sb->time_fit;
  distance_a = distance_from_chosen (sa, context->minutes);
  distance_b = distance_from_chosen (sb, context->minutes);
  if (distance_a != distance_b)
    return distance_a < distance_b ? -1 : 1;
  if (context->gentle_first && unknot_routine_get_level (sa->routine) != unknot_routine_get_level (sb->routine))
    return (int) unknot_routine_get_level (sa->routine) - (int) unknot_routine_get_level (sb->routine);
  /* d. always the same order */
  return strcmp (unknot_routine_get_id (sa->routine), unknot_routine_get_id (sb->routine));
}

/* The parts of a reason.  Each is written to stand after " · " and starts
 * in lower case; the first letter of the whole line is capitalised. */

/* [part][0: left only, 1: right only, 2: both sides] */
static const char * const target_phrases[N_PARTS - 1][3] = {
  {
    /* TRANSLATORS: part of a one-line reason for suggesting a routine.  Parts
     * are joined with " · " and the first letter of the line is capitalised,
     * so write it in lower case as if it stood mid-sentence. */
    N_("targets the left side of your neck"),
    N_("targets the right side of your neck"),
    N_("targets your neck"),
  },
  {
    N_("targets your left shoulder"),
    N_("targets your right shoulder"),
    N_("targets both shoulders"),
  },
  {
    N_("targets the left side of your upper back"),
    N_("targets the right side of your upper back"),
    N_("targets your upper back"),
  },
  {
    N_("targets the left side of your mid back"),
    N_("targets the right side of your mid back"),
    N_("targets your mid back"),
  },
};

static char *
dup_target_phrase (UnknotPainRegion target)
{
  int part = -1;
  guint side;
  gboolean left, right;

  for (guint bit = 0; bit < UNKNOT_PAIN_N_REGIONS && part < 0; bit++)
    if (target & (1u << bit))
      part = (int) bit / 2;
  g_return_val_if_fail (part >= 0 && part < PART_LOWER_BACK, NULL);
  left = (target & (1u << (part * 2))) != 0;
  right = (target & (1u << (part * 2 + 1))) != 0;
  side = left && right ? 2 : right ? 1 : 0;
  return g_strdup (_(target_phrases[part][side]));
}

static char *
dup_time_phrase (const UnknotSuggestion *suggestion,
                 guint                   minutes)
{
  g_autofree char *duration = NULL;

  if (suggestion->time_fit == UNKNOT_TIME_FIT_FITS)
    /* TRANSLATORS: part of a one-line reason, in lower case (see "targets your neck"); %u is the time the user chose */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "fits %u minute", "fits %u minutes", minutes), minutes);

  duration = unknot_format_duration (suggestion->seconds);
  if (suggestion->time_fit == UNKNOT_TIME_FIT_CLOSEST)
    /* TRANSLATORS: part of a one-line reason, in lower case; %s is a duration such as "4 min 10 s", %u the time the user chose */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "takes %s, the closest to %u minute",
                                         "takes %s, the closest to %u minutes", minutes),
                            duration, minutes);
  /* TRANSLATORS: part of a one-line reason, in lower case; %s is a duration such as "4 min 10 s" */
  return g_strdup_printf (_("takes %s"), duration);
}

static char *
dup_points (double points)
{
  int tenths = (int) (points * 10 + 0.5);
  g_autofree char *number = NULL;

  if (tenths % 10 == 0)
    /* TRANSLATORS: a change on the 0–10 pain scale, a whole number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", (gulong) (tenths / 10)),
                            (guint) (tenths / 10));
  number = g_strdup_printf ("%.1f", tenths / 10.0);
  /* TRANSLATORS: a change on the 0–10 pain scale with a fraction, such as "1.5 points"; %s is the number as your
   * language writes it.  gettext has no plural form for fractions: write the one your language uses for them. */
  return g_strdup_printf (C_("fraction", "%s points"), number);
}

static char *
dup_effect_phrase (const UnknotSuggestion *suggestion)
{
  guint n = suggestion->n_sessions;
  g_autofree char *points = NULL;

  if (n < UNKNOT_PAIN_MIN_PAIRED_SESSIONS)
    /* TRANSLATORS: part of a one-line reason, in lower case; %u counts the sessions with pain rated before and
     * after.  At least 3 are needed to say whether a routine helps. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "not enough data yet (%u rated session)",
                                         "not enough data yet (%u rated sessions)", n), n);
  switch (suggestion->effect)
    {
    case UNKNOT_PAIN_EFFECT_IMPROVED:
      points = dup_points (-suggestion->mean_change);
      /* TRANSLATORS: part of a one-line reason, in lower case; %s is "2 points", %u counts sessions rated before
       * and after */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "lowered your pain by %s on average over %u session",
                                           "lowered your pain by %s on average over %u sessions", n),
                              points, n);
    case UNKNOT_PAIN_EFFECT_WORSE:
      points = dup_points (suggestion->mean_change);
      /* TRANSLATORS: part of a one-line reason, in lower case; %s is "2 points", %u counts sessions rated before
       * and after */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "your pain was %s higher after it on average over %u session",
                                           "your pain was %s higher after it on average over %u sessions", n),
                              points, n);
    case UNKNOT_PAIN_EFFECT_LITTLE_CHANGE:
    case UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA:
    default:
      /* TRANSLATORS: part of a one-line reason, in lower case: the pain changed by less than the usual threshold
       * of a meaningful change (2 points or 30 %); %u counts sessions rated before and after */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "little change in your pain over %u session",
                                           "little change in your pain over %u sessions", n), n);
    }
}

static char *
capitalise_first (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8];
  int length = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);

  return g_strdup_printf ("%.*s%s", length, buffer, g_utf8_next_char (text));
}

static char *
dup_reason (const UnknotSuggestion *suggestion,
            const Context          *context)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (suggestion->starter)
    /* TRANSLATORS: part of a one-line reason, in lower case: a gentle routine suggested to a new user */
    g_ptr_array_add (parts, g_strdup (_("a gentle start")));
  if (suggestion->target != UNKNOT_PAIN_REGION_NONE)
    g_ptr_array_add (parts, dup_target_phrase (suggestion->target));
  if (suggestion->target == UNKNOT_PAIN_REGION_NONE || suggestion->time_fit != UNKNOT_TIME_FIT_FITS)
    g_ptr_array_add (parts, dup_time_phrase (suggestion, context->minutes));
  if (suggestion->relaxation)
    /* TRANSLATORS: part of a one-line reason, in lower case: the foot roll, which does not treat the back */
    g_ptr_array_add (parts, g_strdup (_("for relaxation only, not for your back")));
  else if (!context->is_new)
    g_ptr_array_add (parts, dup_effect_phrase (suggestion));
  if (suggestion->take_care)
    /* TRANSLATORS: part of a one-line reason, in lower case: the safety check's note on this routine */
    g_ptr_array_add (parts, g_strdup (_("read its safety note first")));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: joins the parts of a one-line reason, e.g. "Targets your neck · fits 5 minutes" */
  joined = g_strjoinv (C_("reason separator", " · "), (char **) parts->pdata);
  return capitalise_first (joined);
}

static const UnknotRoutineEffect *
find_effect (GPtrArray  *effects,
             const char *routine_id)
{
  for (guint i = 0; effects != NULL && i < effects->len; i++)
    {
      const UnknotRoutineEffect *effect = g_ptr_array_index (effects, i);

      if (g_strcmp0 (effect->routine_id, routine_id) == 0)
        return effect;
    }
  return NULL;
}

/* How much each region hurt lately: the pain of each recent entry naming
 * it, plus a little for the usual regions. */
static void
weigh_regions (const UnknotSuggestInput *input,
               double                    weights[UNKNOT_PAIN_N_REGIONS])
{
  g_autoptr(GDateTime) since = g_date_time_add_days (input->now, -UNKNOT_SUGGEST_RECENT_DAYS);

  for (guint i = 0; input->pain_entries != NULL && i < input->pain_entries->len; i++)
    {
      const UnknotPainEntry *entry = g_ptr_array_index (input->pain_entries, i);

      if (entry->time == NULL || entry->pain <= 0 || g_date_time_compare (entry->time, since) < 0)
        continue;
      for (guint bit = 0; bit < UNKNOT_PAIN_N_REGIONS; bit++)
        if (entry->regions & (1u << bit))
          weights[bit] += entry->pain;
    }
  for (guint bit = 0; bit < UNKNOT_PAIN_N_REGIONS; bit++)
    if (input->usual_regions & (1u << bit))
      weights[bit] += UNKNOT_SUGGEST_USUAL_WEIGHT;
}

/* The body part with the most weight that @suggestion's routine targets,
 * as the sides of it that hurt. */
static void
find_target (UnknotSuggestion *suggestion,
             const double      weights[UNKNOT_PAIN_N_REGIONS])
{
  for (guint part = 0; part < N_PARTS; part++)
    {
      double left = weights[part * 2], right = weights[part * 2 + 1];

      if (left + right <= suggestion->target_weight || !routine_targets_part (suggestion->routine, part))
        continue;
      suggestion->target_weight = left + right;
      suggestion->target = (left > 0 ? 1u << (part * 2) : 0) | (right > 0 ? 1u << (part * 2 + 1) : 0);
    }
}

static UnknotSuggestion *
new_suggestion (UnknotRoutine *routine,
                GPtrArray     *effects)
{
  UnknotSuggestion *suggestion = g_new0 (UnknotSuggestion, 1);
  const UnknotRoutineEffect *effect = find_effect (effects, unknot_routine_get_id (routine));

  suggestion->routine = g_object_ref (routine);
  suggestion->seconds = unknot_routine_get_total_seconds (routine);
  suggestion->minutes = MAX (1, (suggestion->seconds + 30) / 60);
  suggestion->mean_change = NAN;
  suggestion->effect = UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA;
  if (effect != NULL)
    {
      suggestion->n_sessions = effect->n_sessions;
      suggestion->mean_change = effect->mean_change;
      suggestion->effect = effect->effect;
    }
  suggestion->relaxation = routine_is_relaxation (routine);
  return suggestion;
}

/* Keeps the suggestions of @pool that fit the time; when none does, those
 * of the length closest to it. */
static GPtrArray *
fit_time (GPtrArray *pool,
          guint      minutes,
          gboolean  *none_fitted)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  guint closest = G_MAXUINT;

  for (guint i = 0; i < pool->len; i++)
    {
      UnknotSuggestion *suggestion = g_ptr_array_index (pool, i);

      suggestion->time_fit = unknot_suggest_time_fit (suggestion->seconds, minutes);
      if (suggestion->time_fit != UNKNOT_TIME_FIT_TOO_LONG)
        g_ptr_array_add (kept, g_ptr_array_steal_index (pool, i--));
    }
  *none_fitted = kept->len == 0 && pool->len > 0;
  if (!*none_fitted)
    return kept;

  for (guint i = 0; i < pool->len; i++)
    closest = MIN (closest, distance_from_chosen (g_ptr_array_index (pool, i), minutes));
  for (guint i = 0; i < pool->len; i++)
    {
      UnknotSuggestion *suggestion = g_ptr_array_index (pool, i);

      if (distance_from_chosen (suggestion, minutes) != closest)
        continue;
      suggestion->time_fit = UNKNOT_TIME_FIT_CLOSEST;
      g_ptr_array_add (kept, g_ptr_array_steal_index (pool, i--));
    }
  return kept;
}

UnknotSuggestResult *
unknot_suggest (const UnknotSuggestInput *input)
{
  g_autoptr(GPtrArray) back = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  g_autoptr(GPtrArray) relaxation = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  g_autoptr(GPtrArray) kept = NULL;
  UnknotSuggestResult *result;
  double weights[UNKNOT_PAIN_N_REGIONS] = { 0 };
  const char * const *yes;
  gboolean blood_thinners, any_care = FALSE, none_fitted = FALSE;
  Context context;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (input->routines), NULL);
  g_return_val_if_fail (input->now != NULL, NULL);

  result = g_new0 (UnknotSuggestResult, 1);
  result->minutes = input->minutes > 0 ? input->minutes : UNKNOT_SUGGEST_DEFAULT_MINUTES;
  result->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);

  /* 1, 2: nothing to suggest */
  yes = input->screening_yes;
  if (unknot_suggest_is_red_flag (input->last_safety_stop, input->now))
    {
      result->state = UNKNOT_SUGGEST_STATE_RED_FLAG;
      return result;
    }
  if (unknot_screening_advises_against_all (yes))
    {
      result->state = UNKNOT_SUGGEST_STATE_ASK_CLINICIAN;
      return result;
    }

  context.minutes = result->minutes;
  context.is_new = input->n_sessions == 0 && input->n_pain_entries == 0;
  blood_thinners = yes != NULL && g_strv_contains (yes, "bleeding");

  /* 4: where it hurts */
  weigh_regions (input, weights);
  if (weights[PART_LOWER_BACK * 2] + weights[PART_LOWER_BACK * 2 + 1] > 0)
    result->notes |= UNKNOT_SUGGEST_NOTE_LOWER_BACK;

  /* 3: what can be done at all */
  for (guint i = 0; i < g_list_model_get_n_items (input->routines); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (input->routines, i);
      g_autofree char *note = NULL;
      UnknotScreeningLevel level = UNKNOT_SCREENING_TAKE_CARE;
      UnknotSuggestion *suggestion;

      if (!unknot_gear_covers_routine (input->gear, routine))
        continue;
      if (input->recently_stopped != NULL
          && g_strv_contains (input->recently_stopped, unknot_routine_get_id (routine)))
        continue;
      note = unknot_screening_dup_note (yes, routine, &level);
      if (note != NULL && level == UNKNOT_SCREENING_ASK_FIRST)
        continue;
      if (blood_thinners && (unknot_routine_get_level (routine) == UNKNOT_LEVEL_FIRM
                             || unknot_routine_get_tool (routine) == UNKNOT_TOOL_TOOL))
        continue;
      if (context.is_new && unknot_routine_get_level (routine) != UNKNOT_LEVEL_GENTLE)
        continue;

      suggestion = new_suggestion (routine, input->effects);
      if (suggestion->n_sessions >= UNKNOT_PAIN_MIN_PAIRED_SESSIONS && suggestion->effect == UNKNOT_PAIN_EFFECT_WORSE)
        {
          suggestion_free (suggestion);
          continue;
        }
      suggestion->take_care = note != NULL;
      suggestion->starter = context.is_new;
      any_care |= suggestion->take_care;
      if (!suggestion->relaxation)
        find_target (suggestion, weights);
      g_ptr_array_add (suggestion->relaxation ? relaxation : back, suggestion);
    }
  if (any_care)
    result->notes |= UNKNOT_SUGGEST_NOTE_TAKE_CARE;
  context.gentle_first = input->n_sessions < 3 || any_care;

  /* The foot roll only when nothing for the back is left. */
  if (back->len == 0 && relaxation->len > 0)
    {
      result->notes |= UNKNOT_SUGGEST_NOTE_RELAXATION_ONLY;
      kept = fit_time (relaxation, context.minutes, &none_fitted);
    }
  else
    kept = fit_time (back, context.minutes, &none_fitted);
  if (none_fitted)
    result->notes |= UNKNOT_SUGGEST_NOTE_NO_TIME_FIT;

  /* 5: ranking, and the reasons */
  g_ptr_array_sort_with_data (kept, compare_suggestions, &context);
  for (guint i = 0; i < kept->len; i++)
    {
      UnknotSuggestion *suggestion = g_ptr_array_index (kept, i);

      suggestion->reason = dup_reason (suggestion, &context);
    }
  g_ptr_array_extend_and_steal (result->suggestions, g_steal_pointer (&kept));
  return result;
}

char *
unknot_suggest_dup_state_message (UnknotSuggestState state)
{
  switch (state)
    {
    case UNKNOT_SUGGEST_STATE_RED_FLAG:
      /* TRANSLATORS: %u is 48.  Said instead of a suggestion after "Stop — this doesn't feel right"; the help
       * it gives is the same as the session's "Session Stopped" page. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "You stopped a session in the last %u hour because something didn’t feel "
                                           "right, so no routine is suggested for now. If numbness, tingling or sharp "
                                           "pain has not settled, see a clinician; for chest pain, shortness of "
                                           "breath or weakness in both legs, get emergency care now.",
                                           "You stopped a session in the last %u hours because something didn’t feel "
                                           "right, so no routine is suggested for now. If numbness, tingling or sharp "
                                           "pain has not settled, see a clinician; for chest pain, shortness of "
                                           "breath or weakness in both legs, get emergency care now.",
                                           UNKNOT_SUGGEST_RED_FLAG_HOURS),
                              (guint) UNKNOT_SUGGEST_RED_FLAG_HOURS);
    case UNKNOT_SUGGEST_STATE_ASK_CLINICIAN:
      return g_strdup (_("One of your safety check answers means a clinician should say self-massage is safe for "
                         "you first, so no routine is suggested. You can change your answers in the safety check."));
    case UNKNOT_SUGGEST_STATE_SUGGESTIONS:
    default:
      return NULL;
    }
}

GStrv
unknot_suggest_result_dup_notes (const UnknotSuggestResult *result)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  g_return_val_if_fail (result != NULL, NULL);

  if (result->notes & UNKNOT_SUGGEST_NOTE_LOWER_BACK)
    g_ptr_array_add (notes, g_strdup (_("You noted pain in your lower back. Unknot’s routines are for the neck, "
                                        "shoulders and upper back; none of them targets the lower back.")));
  if (result->notes & UNKNOT_SUGGEST_NOTE_NO_TIME_FIT)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "No routine you can do now fits in %u minute, so the "
                                                          "closest in length is suggested.",
                                                          "No routine you can do now fits in %u minutes, so the "
                                                          "closest in length is suggested.", result->minutes),
                                             result->minutes));
  if (result->notes & UNKNOT_SUGGEST_NOTE_RELAXATION_ONLY)
    g_ptr_array_add (notes, g_strdup (_("Nothing for the back suits your tools and safety check answers, so only "
                                        "a relaxation routine is suggested.")));
  if (result->notes & UNKNOT_SUGGEST_NOTE_TAKE_CARE)
    g_ptr_array_add (notes, g_strdup (_("Your safety check answers ask for care: read a routine’s safety note "
                                        "before you start it.")));
  g_ptr_array_add (notes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&notes), FALSE);
}

/* The history from the store */

void
unknot_suggest_history_free (UnknotSuggestHistory *history)
{
  if (history == NULL)
    return;
  g_clear_pointer (&history->pain_entries, g_ptr_array_unref);
  g_clear_pointer (&history->effects, g_ptr_array_unref);
  g_clear_pointer (&history->last_safety_stop, g_date_time_unref);
  g_strfreev (history->recently_stopped);
  g_free (history);
}

void
unknot_suggest_input_set_history (UnknotSuggestInput         *input,
                                  const UnknotSuggestHistory *history)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (history != NULL);

  input->pain_entries = history->pain_entries;
  input->effects = history->effects;
  input->last_safety_stop = history->last_safety_stop;
  input->n_sessions = history->n_sessions;
  input->n_pain_entries = history->n_pain_entries;
  input->recently_stopped = (const char * const *) history->recently_stopped;
}

/* Enough to see every session of the red-flag window and to tell a
 * beginner from the rest. */
#define SESSIONS_READ 500

typedef struct
{
  UnknotSuggestHistory *history;
  GDateTime            *since;  /* what counts as recent */
  guint                 pending;
  GError               *error;
} LoadData;

static void
load_data_free (LoadData *data)
{
  unknot_suggest_history_free (data->history);
  g_date_time_unref (data->since);
  g_clear_error (&data->error);
  g_free (data);
}

/* Every query's callback: returns the history once the last one is in. */
static void
load_step_done (GTask  *task,
                GError *error)
{
  LoadData *data = g_task_get_task_data (task);

  if (error != NULL && data->error == NULL)
    data->error = error;
  else if (error != NULL)
    g_error_free (error);
  if (--data->pending > 0)
    return;
  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&data->history), (GDestroyNotify) unknot_suggest_history_free);
}

static void
sessions_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GPtrArray) sessions = unknot_store_list_sessions_finish (UNKNOT_STORE (source), result, &error);
  g_autoptr(GStrvBuilder) stopped_ids = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const UnknotSessionRecord *record = g_ptr_array_index (sessions, i);
      GDateTime *stopped = record->ended_at != NULL ? record->ended_at : record->started_at;

      if (record->outcome != UNKNOT_SESSION_OUTCOME_SAFETY || stopped == NULL)
        continue;
      if (g_date_time_compare (stopped, data->since) >= 0 && record->routine_id != NULL
          && g_hash_table_add (seen, record->routine_id))
        g_strv_builder_add (stopped_ids, record->routine_id);
      if (data->history->last_safety_stop == NULL
          || g_date_time_compare (stopped, data->history->last_safety_stop) > 0)
        {
          g_clear_pointer (&data->history->last_safety_stop, g_date_time_unref);
          data->history->last_safety_stop = g_date_time_ref (stopped);
        }
    }
  if (sessions != NULL)
    data->history->n_sessions = sessions->len;
  g_strfreev (data->history->recently_stopped);
  data->history->recently_stopped = g_strv_builder_end (stopped_ids);
  load_step_done (task, error);
}

static void
entries_counted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 n = unknot_store_count_pain_entries_finish (UNKNOT_STORE (source), result, &error);

  data->history->n_pain_entries = (guint) CLAMP (n, 0, G_MAXUINT);
  load_step_done (task, error);
}

static void
entries_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->history->pain_entries = unknot_store_list_pain_entries_finish (UNKNOT_STORE (source), result, &error);
  load_step_done (task, error);
}

static void
effects_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->history->effects = unknot_store_pain_before_after_finish (UNKNOT_STORE (source), result, &error);
  load_step_done (task, error);
}

void
unknot_suggest_load_history_async (UnknotStore         *store,
                                   GDateTime           *now,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UnknotPainQuery everything = { 0 };
  UnknotPainQuery recent = { 0 };
  LoadData *data;

  g_return_if_fail (UNKNOT_IS_STORE (store));
  g_return_if_fail (now != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_suggest_load_history_async);
  data = g_new0 (LoadData, 1);
  data->history = g_new0 (UnknotSuggestHistory, 1);
  data->history->recently_stopped = g_new0 (char *, 1);
  data->since = g_date_time_add_days (now, -UNKNOT_SUGGEST_RECENT_DAYS);
  data->pending = 4;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  recent.from = data->since;
  unknot_store_list_sessions_async (store, SESSIONS_READ, cancellable, sessions_listed_cb, g_object_ref (task));
  unknot_store_count_pain_entries_async (store, &everything, cancellable, entries_counted_cb, g_object_ref (task));
  unknot_store_list_pain_entries_async (store, &recent, cancellable, entries_listed_cb, g_object_ref (task));
  unknot_store_pain_before_after_async (store, NULL, NULL, cancellable, effects_read_cb, g_object_ref (task));
}

UnknotSuggestHistory *
unknot_suggest_load_history_finish (UnknotStore   *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_suggest_load_history_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
