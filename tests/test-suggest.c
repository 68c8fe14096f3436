/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Routine suggestions without a display, from hand-built histories over the
 * built-in routines: where it hurts, the time, the tools, the safety check,
 * what helped before, ties, small samples, the red-flag window, a new user;
 * and the history as read back from a real store. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "unknot-routine-io.h"
#include "unknot-routine-library.h"
#include "unknot-suggest.h"

/* Lengths of the built-ins, in seconds, as the tests below rely on them:
 * desk-break 120, ball-foot-roll 250, ball-chest-opener 300,
 * hands-pin-and-stretch 360, hands-swedish-strokes 360, roller-thoracic 405,
 * hands-neck-shoulders 410, ball-shoulder-blades 420, cane-hook-trapezius 420,
 * ball-trigger-points 480, sock-balls-spine 480, roller-sports-warmup 600. */

typedef struct
{
  char                 *folder_path;
  UnknotRoutineLibrary *library;
  GDateTime            *now;
  GPtrArray            *entries; /* UnknotPainEntry */
  GPtrArray            *pairs;   /* UnknotPainPair, made into effects */
  GPtrArray            *effects;
  UnknotSuggestInput    input;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;

  fixture->folder_path = g_dir_make_tmp ("unknot-test-suggest-XXXXXX", NULL);
  folder = g_file_new_for_path (fixture->folder_path);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 12);
  fixture->now = g_date_time_new_utc (2025, 3, 10, 18, 0, 0);
  fixture->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  fixture->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_pair_free);

  /* Someone who has used the app for a while, without pain entries that
   * name a region: each test changes what it is about. */
  fixture->input.routines = G_LIST_MODEL (fixture->library);
  fixture->input.now = fixture->now;
  fixture->input.minutes = 5;
  fixture->input.gear = UNKNOT_GEAR_ALL;
  fixture->input.pain_entries = fixture->entries;
  fixture->input.n_sessions = 10;
  fixture->input.n_pain_entries = 10;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder_path, name, NULL);
      g_autofree char *inner = g_build_filename (path, "a.svg", NULL);

      g_remove (inner);
      g_remove (path);
    }
  g_rmdir (fixture->folder_path);
  g_free (fixture->folder_path);
  g_clear_object (&fixture->library);
  g_date_time_unref (fixture->now);
  g_ptr_array_unref (fixture->entries);
  g_ptr_array_unref (fixture->pairs);
  g_clear_pointer (&fixture->effects, g_ptr_array_unref);
}

/* A pain entry @hours before now. */
static void
add_entry (Fixture *fixture,
           double   hours_ago,
           int      pain,
           guint    regions)
{
  UnknotPainEntry *entry = unknot_pain_entry_new ();

  g_date_time_unref (entry->time);
  entry->time = g_date_time_add_seconds (fixture->now, -hours_ago * 3600);
  entry->pain = pain;
  entry->regions = regions;
  g_ptr_array_add (fixture->entries, entry);
}

/* @n sessions of @id rated @before and @after; recomputes the effects. */
static void
add_sessions (Fixture    *fixture,
              const char *id,
              guint       n,
              int         before,
              int         after)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_days (fixture->now, -(int) i - 1);

      g_ptr_array_add (fixture->pairs, unknot_pain_pair_new (fixture->pairs->len + 1, id, id, started, before, after));
    }
  g_clear_pointer (&fixture->effects, g_ptr_array_unref);
  fixture->effects = unknot_pain_stats_before_after (fixture->pairs);
  fixture->input.effects = fixture->effects;
}

/* The suggested ids, best first, separated by spaces. */
static char *
dup_ids (const UnknotSuggestResult *result)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < result->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, unknot_routine_get_id (suggestion->routine));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static const UnknotSuggestion *
find (const UnknotSuggestResult *result,
      const char                *id)
{
  for (guint i = 0; i < result->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);

      if (g_str_equal (unknot_routine_get_id (suggestion->routine), id))
        return suggestion;
    }
  return NULL;
}

static const char *
reason_of (const UnknotSuggestResult *result,
           const char                *id)
{
  const UnknotSuggestion *suggestion = find (result, id);

  g_assert_nonnull (suggestion);
  return suggestion->reason;
}

#define assert_ids(result, expected) G_STMT_START { \
    g_autofree char *ids__ = dup_ids (result); \
    g_assert_cmpstr (ids__, ==, expected); \
  } G_STMT_END

/* Gear */

static void
test_gear_ids (void)
{
  const char * const ids[] = { "two-balls", "nonsense", "tennis-ball", NULL };
  g_auto(GStrv) back = NULL;

  g_assert_cmpuint (unknot_gear_from_ids (ids), ==, UNKNOT_GEAR_TWO_BALLS | UNKNOT_GEAR_TENNIS_BALL);
  g_assert_cmpuint (unknot_gear_from_ids (NULL), ==, UNKNOT_GEAR_NONE);
  back = unknot_gear_to_ids (UNKNOT_GEAR_TWO_BALLS | UNKNOT_GEAR_TENNIS_BALL);
  g_assert_cmpstr (back[0], ==, "tennis-ball");
  g_assert_cmpstr (back[1], ==, "two-balls");
  g_assert_null (back[2]);
  for (guint i = 0; i < UNKNOT_GEAR_N; i++)
    {
      UnknotGear gear = unknot_gear_nth (i);

      g_assert_cmpuint (unknot_gear_from_id (unknot_gear_to_id (gear)), ==, gear);
      g_assert_nonnull (unknot_gear_get_label (gear));
      g_assert_true (g_str_has_prefix (unknot_gear_get_needs_label (gear), "Needs "));
    }
  g_assert_null (unknot_gear_to_id (UNKNOT_GEAR_NONE));
  g_assert_null (unknot_gear_to_id (UNKNOT_GEAR_CANE | UNKNOT_GEAR_TWO_BALLS));
  g_assert_cmpstr (unknot_gear_get_needs_label (UNKNOT_GEAR_FOAM_ROLLER), ==, "Needs a foam roller");
}

static UnknotRoutine *
load_user_routine (Fixture    *fixture,
                   const char *id,
                   const char *equipment)
{
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  g_autofree char *illustrations = g_build_filename (fixture->folder_path, "illustrations", NULL);
  g_autofree char *svg = g_build_filename (illustrations, "a.svg", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "illustrations", "a.svg", NULL);
  g_autofree char *svg_data = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  UnknotRoutine *routine;
  gsize length;

  g_mkdir_with_parents (illustrations, 0700);
  g_assert_true (g_file_get_contents (source, &svg_data, &length, NULL));
  g_assert_true (g_file_set_contents (svg, svg_data, (gssize) length, NULL));
  json = g_strdup_printf ("{\"format\": 1, \"id\": \"%s\", \"title\": \"T\", \"summary\": \"S\", \"tool\": \"tool\","
                          " \"equipment\": [\"%s\"], \"areas\": [\"rhomboids\"], \"level\": \"gentle\", \"steps\": ["
                          "{\"title\": \"One\", \"instruction\": \"Do it.\", \"duration\": 60,"
                          " \"illustration\": [\"illustrations/a.svg\"], \"illustration-description\": \"A.\"}]}",
                          id, equipment);
  path = g_strdup_printf ("%s/%s.json", fixture->folder_path, id);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  file = g_file_new_for_path (path);
  routine = unknot_routine_load_file (file, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_remove (path);
  return routine;
}

static void
test_gear_routines (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Written out, not read from the table under test. */
  static const struct { const char *id; UnknotGear gear; } expected[] = {
    { "ball-chest-opener", UNKNOT_GEAR_TENNIS_BALL },
    { "ball-foot-roll", UNKNOT_GEAR_TENNIS_BALL },
    { "ball-shoulder-blades", UNKNOT_GEAR_TENNIS_BALL },
    { "ball-trigger-points", UNKNOT_GEAR_TENNIS_BALL },
    { "cane-hook-trapezius", UNKNOT_GEAR_CANE },
    { "desk-break", UNKNOT_GEAR_NONE },
    { "hands-neck-shoulders", UNKNOT_GEAR_NONE },
    { "hands-pin-and-stretch", UNKNOT_GEAR_NONE },
    { "hands-swedish-strokes", UNKNOT_GEAR_NONE },
    { "roller-sports-warmup", UNKNOT_GEAR_FOAM_ROLLER },
    { "roller-thoracic", UNKNOT_GEAR_FOAM_ROLLER },
    { "sock-balls-spine", UNKNOT_GEAR_TWO_BALLS },
  };
  g_autoptr(UnknotRoutine) roller = NULL;
  g_autoptr(UnknotRoutine) sock = NULL;
  g_autoptr(UnknotRoutine) mystery = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      UnknotRoutine *routine = unknot_routine_library_lookup (fixture->library, expected[i].id);

      g_assert_nonnull (routine);
      g_assert_cmpuint (unknot_gear_for_routine (routine), ==, expected[i].gear);
      /* Hands are always at hand. */
      g_assert_cmpint (unknot_gear_covers_routine (UNKNOT_GEAR_NONE, routine), ==,
                       expected[i].gear == UNKNOT_GEAR_NONE);
      g_assert_true (unknot_gear_covers_routine (UNKNOT_GEAR_ALL, routine));
    }

  /* The user's own tool routines, by their words. */
  roller = load_user_routine (fixture, "my-back", "A foam roller");
  sock = load_user_routine (fixture, "my-spine", "Two tennis balls in a sock");
  mystery = load_user_routine (fixture, "my-gadget", "A thing I made");
  g_assert_cmpuint (unknot_gear_for_routine (roller), ==, UNKNOT_GEAR_FOAM_ROLLER);
  g_assert_cmpuint (unknot_gear_for_routine (sock), ==, UNKNOT_GEAR_TWO_BALLS);
  g_assert_cmpuint (unknot_gear_for_routine (mystery), ==, UNKNOT_GEAR_NONE);
}

/* Time */

static void
test_time_fit_boundaries (void)
{
  static const struct { guint seconds, minutes; UnknotTimeFit fit; } cases[] = {
    { 59, 2, UNKNOT_TIME_FIT_SHORTER }, { 60, 2, UNKNOT_TIME_FIT_FITS }, { 120, 2, UNKNOT_TIME_FIT_FITS },
    { 121, 2, UNKNOT_TIME_FIT_LONGER }, { 144, 2, UNKNOT_TIME_FIT_LONGER }, { 145, 2, UNKNOT_TIME_FIT_TOO_LONG },
    { 149, 5, UNKNOT_TIME_FIT_SHORTER }, { 150, 5, UNKNOT_TIME_FIT_FITS }, { 300, 5, UNKNOT_TIME_FIT_FITS },
    { 360, 5, UNKNOT_TIME_FIT_LONGER }, { 361, 5, UNKNOT_TIME_FIT_TOO_LONG },
    { 299, 10, UNKNOT_TIME_FIT_SHORTER }, { 600, 10, UNKNOT_TIME_FIT_FITS }, { 720, 10, UNKNOT_TIME_FIT_LONGER },
    { 721, 10, UNKNOT_TIME_FIT_TOO_LONG },
    { 449, 15, UNKNOT_TIME_FIT_SHORTER }, { 450, 15, UNKNOT_TIME_FIT_FITS }, { 1080, 15, UNKNOT_TIME_FIT_LONGER },
    { 1081, 15, UNKNOT_TIME_FIT_TOO_LONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%u s in %u min", cases[i].seconds, cases[i].minutes);
      g_assert_cmpint (unknot_suggest_time_fit (cases[i].seconds, cases[i].minutes), ==, cases[i].fit);
    }
}

static void
test_time_fit_choices (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { guint minutes; const char *ids; } cases[] = {
    { 2, "desk-break" },
    /* Clean fit, then shorter, then a minute over; the foot roll (4 min
     * 10 s) fits too, but is for relaxation only. */
    { 5, "ball-chest-opener desk-break hands-pin-and-stretch hands-swedish-strokes" },
    /* Closest to 10 minutes first, ties by id. */
    { 10, "roller-sports-warmup ball-trigger-points sock-balls-spine ball-shoulder-blades cane-hook-trapezius "
          "hands-neck-shoulders roller-thoracic hands-pin-and-stretch hands-swedish-strokes ball-chest-opener "
          "desk-break" },
    /* Nothing takes 15 minutes: the longest first. */
    { 15, "roller-sports-warmup ball-trigger-points sock-balls-spine ball-shoulder-blades cane-hook-trapezius "
          "hands-neck-shoulders roller-thoracic hands-pin-and-stretch hands-swedish-strokes ball-chest-opener "
          "desk-break" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(UnknotSuggestResult) result = NULL;

      fixture->input.minutes = cases[i].minutes;
      result = unknot_suggest (&fixture->input);
      g_test_message ("%u minutes", cases[i].minutes);
      g_assert_cmpint (result->state, ==, UNKNOT_SUGGEST_STATE_SUGGESTIONS);
      g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_NONE);
      assert_ids (result, cases[i].ids);
      for (guint j = 0; j < result->suggestions->len; j++)
        {
          const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, j);

          g_assert_cmpuint (suggestion->seconds, <=, cases[i].minutes * 72);
          g_assert_cmpuint (suggestion->minutes, ==, (suggestion->seconds + 30) / 60);
        }
    }

  /* What the reasons say about the time when nothing is targeted. */
  {
    g_autoptr(UnknotSuggestResult) result = NULL;

    fixture->input.minutes = 5;
    result = unknot_suggest (&fixture->input);
    g_assert_cmpstr (reason_of (result, "ball-chest-opener"), ==,
                     "Fits 5 minutes · not enough data yet (0 rated sessions)");
    g_assert_cmpstr (reason_of (result, "desk-break"), ==,
                     "Takes 2 minutes · not enough data yet (0 rated sessions)");
    g_assert_cmpstr (reason_of (result, "hands-pin-and-stretch"), ==,
                     "Takes 6 minutes · not enough data yet (0 rated sessions)");
  }
}

/* Nothing fits the time: the closest length, said so. */
static void
test_time_closest (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListStore) routines = g_list_store_new (UNKNOT_TYPE_ROUTINE);
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_auto(GStrv) notes = NULL;

  g_list_store_append (routines, unknot_routine_library_lookup (fixture->library, "ball-trigger-points"));
  g_list_store_append (routines, unknot_routine_library_lookup (fixture->library, "cane-hook-trapezius"));
  g_list_store_append (routines, unknot_routine_library_lookup (fixture->library, "ball-shoulder-blades"));
  fixture->input.routines = G_LIST_MODEL (routines);
  fixture->input.minutes = 2;
  result = unknot_suggest (&fixture->input);
  /* Both take 7 minutes; 8 is further. */
  assert_ids (result, "ball-shoulder-blades cane-hook-trapezius");
  g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_NO_TIME_FIT);
  g_assert_cmpint (find (result, "cane-hook-trapezius")->time_fit, ==, UNKNOT_TIME_FIT_CLOSEST);
  g_assert_cmpstr (reason_of (result, "cane-hook-trapezius"), ==,
                   "Takes 7 minutes, the closest to 2 minutes · not enough data yet (0 rated sessions)");
  notes = unknot_suggest_result_dup_notes (result);
  g_assert_cmpstr (notes[0], ==, "No routine you can do now fits in 2 minutes, so the closest in length is suggested.");
  g_assert_null (notes[1]);
}

/* Where it hurts */

static void
test_region_table (void)
{
  /* Both sides of each part, the table in the header. */
  static const struct { const char *region; const char *areas; } expected[] = {
    { "neck-left", "neck skull-base levator-scapulae" },
    { "neck-right", "neck skull-base levator-scapulae" },
    { "shoulder-left", "upper-trapezius levator-scapulae" },
    { "shoulder-right", "upper-trapezius levator-scapulae" },
    { "upper-back-left", "rhomboids shoulder-blade thoracic spine-muscles" },
    { "upper-back-right", "rhomboids shoulder-blade thoracic spine-muscles" },
    { "mid-back-left", "thoracic spine-muscles" },
    { "mid-back-right", "thoracic spine-muscles" },
    { "lower-back-left", "" },
    { "lower-back-right", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char * const *areas = unknot_suggest_region_get_areas (unknot_pain_region_from_id (expected[i].region));
      g_autofree char *joined = g_strjoinv (" ", (char **) areas);

      g_assert_cmpstr (joined, ==, expected[i].areas);
      for (guint j = 0; areas[j] != NULL; j++)
        g_assert_true (unknot_area_is_known (areas[j]));
    }
}

static void
test_region_right_shoulder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_autoptr(UnknotSuggestResult) ten = NULL;
  const UnknotSuggestion *first;

  add_entry (fixture, 2, 6, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  add_entry (fixture, 30, 5, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  add_entry (fixture, 24 * 13, 7, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  result = unknot_suggest (&fixture->input);
  /* The three that reach the top of the shoulders in 5 minutes, then the
   * chest opener, which targets none of it. */
  assert_ids (result, "desk-break hands-pin-and-stretch hands-swedish-strokes ball-chest-opener");
  first = g_ptr_array_index (result->suggestions, 0);
  g_assert_cmpuint (first->target, ==, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  g_assert_cmpfloat (first->target_weight, ==, 18);
  g_assert_cmpstr (first->reason, ==, "Targets your right shoulder · takes 2 minutes · not enough data yet (0 rated sessions)");
  g_assert_cmpstr (reason_of (result, "hands-pin-and-stretch"), ==,
                   "Targets your right shoulder · takes 6 minutes · not enough data yet (0 rated sessions)");
  g_assert_cmpuint (find (result, "ball-chest-opener")->target, ==, UNKNOT_PAIN_REGION_NONE);
  g_assert_null (strstr (reason_of (result, "ball-chest-opener"), "shoulder"));

  /* With 10 minutes a clean fit needs no word about the time. */
  fixture->input.minutes = 10;
  ten = unknot_suggest (&fixture->input);
  assert_ids (ten, "ball-trigger-points cane-hook-trapezius hands-neck-shoulders hands-pin-and-stretch "
                   "hands-swedish-strokes desk-break roller-sports-warmup sock-balls-spine ball-shoulder-blades "
                   "roller-thoracic ball-chest-opener");
  g_assert_cmpstr (reason_of (ten, "ball-trigger-points"), ==,
                   "Targets your right shoulder · not enough data yet (0 rated sessions)");
}

static void
test_region_sides_and_parts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) both = NULL;
  g_autoptr(UnknotSuggestResult) neck = NULL;
  g_autoptr(UnknotSuggestResult) old = NULL;

  /* Both shoulders, and a little neck on the left. */
  add_entry (fixture, 5, 4, UNKNOT_PAIN_REGION_SHOULDER_LEFT | UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  add_entry (fixture, 6, 3, UNKNOT_PAIN_REGION_NECK_LEFT);
  both = unknot_suggest (&fixture->input);
  g_assert_cmpstr (reason_of (both, "desk-break"), ==,
                   "Targets both shoulders · takes 2 minutes · not enough data yet (0 rated sessions)");

  /* More on the left of the neck than on the shoulders: the neck is named. */
  add_entry (fixture, 7, 9, UNKNOT_PAIN_REGION_NECK_LEFT);
  neck = unknot_suggest (&fixture->input);
  g_assert_cmpuint (find (neck, "desk-break")->target, ==, UNKNOT_PAIN_REGION_NECK_LEFT);
  g_assert_true (g_str_has_prefix (reason_of (neck, "desk-break"), "Targets the left side of your neck · "));

  /* Entries over 14 days old, and entries of no pain, do not count. */
  g_ptr_array_set_size (fixture->entries, 0);
  add_entry (fixture, 24 * 14 + 1, 8, UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT);
  add_entry (fixture, 3, 0, UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT);
  old = unknot_suggest (&fixture->input);
  for (guint i = 0; i < old->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (old->suggestions, i);

      g_assert_cmpuint (suggestion->target, ==, UNKNOT_PAIN_REGION_NONE);
      g_assert_null (strstr (suggestion->reason, "Targets"));
    }
}

static void
test_region_usual (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) usual = NULL;
  g_autoptr(UnknotSuggestResult) logged = NULL;

  /* Where it usually hurts, with nothing logged lately. */
  fixture->input.usual_regions = UNKNOT_PAIN_REGION_UPPER_BACK_LEFT;
  fixture->input.minutes = 10;
  usual = unknot_suggest (&fixture->input);
  assert_ids (usual, "roller-sports-warmup ball-trigger-points sock-balls-spine ball-shoulder-blades "
                     "cane-hook-trapezius roller-thoracic hands-neck-shoulders hands-pin-and-stretch "
                     "hands-swedish-strokes ball-chest-opener desk-break");
  g_assert_cmpfloat (find (usual, "roller-thoracic")->target_weight, ==, UNKNOT_SUGGEST_USUAL_WEIGHT);
  g_assert_cmpstr (reason_of (usual, "ball-shoulder-blades"), ==,
                   "Targets the left side of your upper back · not enough data yet (0 rated sessions)");

  /* One logged entry of pain 1 in the neck outweighs it. */
  add_entry (fixture, 1, 1, UNKNOT_PAIN_REGION_NECK_RIGHT);
  logged = unknot_suggest (&fixture->input);
  g_assert_true (g_str_has_prefix (reason_of (logged, "hands-neck-shoulders"), "Targets the right side of your neck"));
  assert_ids (logged, "hands-neck-shoulders hands-pin-and-stretch hands-swedish-strokes desk-break "
                      "roller-sports-warmup ball-trigger-points sock-balls-spine ball-shoulder-blades "
                      "cane-hook-trapezius roller-thoracic ball-chest-opener");
}

static void
test_region_lower_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_auto(GStrv) notes = NULL;

  add_entry (fixture, 3, 7, UNKNOT_PAIN_REGION_LOWER_BACK_LEFT | UNKNOT_PAIN_REGION_LOWER_BACK_RIGHT);
  result = unknot_suggest (&fixture->input);
  g_assert_cmpint (result->state, ==, UNKNOT_SUGGEST_STATE_SUGGESTIONS);
  g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_LOWER_BACK);
  /* Suggestions still come, but none pretends to treat the lower back. */
  assert_ids (result, "ball-chest-opener desk-break hands-pin-and-stretch hands-swedish-strokes");
  for (guint i = 0; i < result->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);

      g_assert_cmpuint (suggestion->target, ==, UNKNOT_PAIN_REGION_NONE);
      g_assert_null (strstr (suggestion->reason, "back"));
      g_assert_null (strstr (suggestion->reason, "Targets"));
    }
  notes = unknot_suggest_result_dup_notes (result);
  g_assert_cmpstr (notes[0], ==, "You noted pain in your lower back. Unknot’s routines are for the neck, shoulders "
                                 "and upper back; none of them targets the lower back.");
  g_assert_null (notes[1]);
}

/* Tools */

static void
test_tools (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) hands = NULL;
  g_autoptr(UnknotSuggestResult) roller = NULL;

  fixture->input.minutes = 10;
  fixture->input.gear = UNKNOT_GEAR_NONE;
  hands = unknot_suggest (&fixture->input);
  assert_ids (hands, "hands-neck-shoulders hands-pin-and-stretch hands-swedish-strokes desk-break");

  fixture->input.gear = UNKNOT_GEAR_FOAM_ROLLER;
  add_entry (fixture, 2, 5, UNKNOT_PAIN_REGION_MID_BACK_RIGHT);
  roller = unknot_suggest (&fixture->input);
  assert_ids (roller, "roller-sports-warmup roller-thoracic hands-neck-shoulders hands-pin-and-stretch "
                      "hands-swedish-strokes desk-break");
  g_assert_cmpstr (reason_of (roller, "roller-thoracic"), ==,
                   "Targets the right side of your mid back · not enough data yet (0 rated sessions)");
}

/* The safety check */

static void
assert_no_area (const UnknotSuggestResult *result,
                const char                *area)
{
  g_assert_cmpuint (result->suggestions->len, >, 0);
  for (guint i = 0; i < result->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);

      g_assert_false (unknot_routine_has_area (suggestion->routine, area));
    }
}

static void
test_screening (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const fracture[] = { "fracture", NULL };
  const char * const pregnancy[] = { "pregnancy", "skin", NULL };
  const char * const bleeding[] = { "bleeding", NULL };
  const char * const dvt[] = { "dvt", NULL };
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_autofree char *message = NULL;

  fixture->input.minutes = 10;

  /* A fracture or osteoporosis: nothing over the ribs, spine or shoulder blades. */
  fixture->input.screening_yes = fracture;
  result = unknot_suggest (&fixture->input);
  assert_ids (result, "hands-neck-shoulders hands-pin-and-stretch hands-swedish-strokes desk-break");
  assert_no_area (result, "thoracic");
  assert_no_area (result, "shoulder-blade");
  assert_no_area (result, "chest");
  g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_NONE);
  g_clear_pointer (&result, unknot_suggest_result_free);

  /* Pregnancy: nothing lying back on the floor; skin asks for care. */
  fixture->input.screening_yes = pregnancy;
  result = unknot_suggest (&fixture->input);
  assert_no_area (result, "thoracic");
  g_assert_nonnull (find (result, "ball-shoulder-blades"));
  g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_TAKE_CARE);
  g_assert_true (g_str_has_suffix (reason_of (result, "ball-shoulder-blades"), " · read its safety note first"));
  g_clear_pointer (&result, unknot_suggest_result_free);

  /* Blood thinners: no firm routine, no tool; gentle first. */
  fixture->input.screening_yes = bleeding;
  result = unknot_suggest (&fixture->input);
  assert_ids (result, "ball-trigger-points ball-shoulder-blades hands-neck-shoulders hands-swedish-strokes "
                      "hands-pin-and-stretch ball-chest-opener desk-break");
  g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_TAKE_CARE);
  for (guint i = 0; i < result->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);

      g_assert_true (suggestion->take_care);
      g_assert_cmpint (unknot_routine_get_tool (suggestion->routine), !=, UNKNOT_TOOL_TOOL);
      g_assert_cmpint (unknot_routine_get_level (suggestion->routine), !=, UNKNOT_LEVEL_FIRM);
    }
  g_clear_pointer (&result, unknot_suggest_result_free);

  /* A clot: ask a clinician first, nothing suggested. */
  fixture->input.screening_yes = dvt;
  result = unknot_suggest (&fixture->input);
  g_assert_cmpint (result->state, ==, UNKNOT_SUGGEST_STATE_ASK_CLINICIAN);
  g_assert_cmpuint (result->suggestions->len, ==, 0);
  message = unknot_suggest_dup_state_message (result->state);
  g_assert_nonnull (strstr (message, "clinician"));
  g_assert_null (unknot_suggest_dup_state_message (UNKNOT_SUGGEST_STATE_SUGGESTIONS));
}

/* What helped before */

static void
test_effect_ranking (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) result = NULL;

  add_entry (fixture, 4, 6, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  add_sessions (fixture, "hands-pin-and-stretch", 4, 6, 3);   /* −3 */
  add_sessions (fixture, "desk-break", 6, 6, 4);              /* −2 */
  add_sessions (fixture, "hands-swedish-strokes", 2, 7, 2);   /* −5, but only 2 */
  add_sessions (fixture, "ball-chest-opener", 5, 8, 2);       /* −6, not where it hurts */
  result = unknot_suggest (&fixture->input);
  assert_ids (result, "hands-pin-and-stretch desk-break hands-swedish-strokes ball-chest-opener");
  g_assert_cmpstr (reason_of (result, "hands-pin-and-stretch"), ==,
                   "Targets your right shoulder · takes 6 minutes · lowered your pain by 3 points on average over 4 sessions");
  g_assert_cmpstr (reason_of (result, "desk-break"), ==,
                   "Targets your right shoulder · takes 2 minutes · lowered your pain by 2 points on average over 6 sessions");
  g_assert_cmpstr (reason_of (result, "hands-swedish-strokes"), ==,
                   "Targets your right shoulder · takes 6 minutes · not enough data yet (2 rated sessions)");
  g_assert_cmpstr (reason_of (result, "ball-chest-opener"), ==,
                   "Fits 5 minutes · lowered your pain by 6 points on average over 5 sessions");
  g_assert_cmpuint (find (result, "desk-break")->n_sessions, ==, 6);
  g_assert_cmpfloat (find (result, "desk-break")->mean_change, ==, -2);
  g_assert_cmpint (find (result, "desk-break")->effect, ==, UNKNOT_PAIN_EFFECT_IMPROVED);
  g_assert_true (isnan (find (result, "ball-chest-opener")->mean_change) == FALSE);
}

static void
test_effect_little_worse_fraction (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) result = NULL;

  fixture->input.minutes = 10;
  add_entry (fixture, 4, 6, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  add_sessions (fixture, "cane-hook-trapezius", 3, 3, 6);      /* worse: left out */
  add_sessions (fixture, "ball-trigger-points", 3, 5, 4);      /* little change: ranks by fit */
  add_sessions (fixture, "hands-neck-shoulders", 2, 4, 3);     /* −1.5 over 4: 37 % of 4 */
  add_sessions (fixture, "hands-neck-shoulders", 2, 4, 2);
  result = unknot_suggest (&fixture->input);
  g_assert_null (find (result, "cane-hook-trapezius"));
  assert_ids (result, "hands-neck-shoulders ball-trigger-points hands-pin-and-stretch hands-swedish-strokes "
                      "desk-break roller-sports-warmup sock-balls-spine ball-shoulder-blades roller-thoracic "
                      "ball-chest-opener");
  g_assert_cmpstr (reason_of (result, "hands-neck-shoulders"), ==,
                   "Targets your right shoulder · lowered your pain by 1.5 points on average over 4 sessions");
  g_assert_cmpstr (reason_of (result, "ball-trigger-points"), ==,
                   "Targets your right shoulder · little change in your pain over 3 sessions");
}

/* Equal routines come in the order of their ids, whatever the order in. */
static void
test_effect_ties (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListStore) reversed = g_list_store_new (UNKNOT_TYPE_ROUTINE);
  g_autoptr(UnknotSuggestResult) forward = NULL;
  g_autoptr(UnknotSuggestResult) backward = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->library));

  add_entry (fixture, 4, 6, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  /* Both take 6 minutes, both target the shoulder, both helped the same;
   * one gentle, one standard, which does not rank for this user. */
  add_sessions (fixture, "hands-swedish-strokes", 4, 6, 3);
  add_sessions (fixture, "hands-pin-and-stretch", 4, 6, 3);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (fixture->library), i - 1);

      g_list_store_append (reversed, routine);
    }
  forward = unknot_suggest (&fixture->input);
  fixture->input.routines = G_LIST_MODEL (reversed);
  backward = unknot_suggest (&fixture->input);
  assert_ids (forward, "hands-pin-and-stretch hands-swedish-strokes desk-break ball-chest-opener");
  assert_ids (backward, "hands-pin-and-stretch hands-swedish-strokes desk-break ball-chest-opener");
  g_assert_cmpstr (reason_of (forward, "hands-pin-and-stretch"), ==, reason_of (forward, "hands-swedish-strokes"));

  /* A beginner gets the gentle one first. */
  fixture->input.n_sessions = 2;
  g_clear_pointer (&backward, unknot_suggest_result_free);
  backward = unknot_suggest (&fixture->input);
  assert_ids (backward, "hands-swedish-strokes hands-pin-and-stretch desk-break ball-chest-opener");
}

/* After the red-flag window, the routine that was stopped stays out for a
 * while; the others come back. */
static void
test_recently_stopped (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const stopped[] = { "desk-break", NULL };
  g_autoptr(UnknotSuggestResult) result = NULL;

  fixture->input.recently_stopped = stopped;
  add_entry (fixture, 4, 6, UNKNOT_PAIN_REGION_SHOULDER_RIGHT);
  add_sessions (fixture, "desk-break", 6, 6, 2);
  result = unknot_suggest (&fixture->input);
  assert_ids (result, "hands-pin-and-stretch hands-swedish-strokes ball-chest-opener");
}

/* The red flag */

static void
test_red_flag_boundary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) just_inside = g_date_time_add_seconds (fixture->now, -(48 * 3600 - 1));
  g_autoptr(GDateTime) exactly = g_date_time_add_hours (fixture->now, -48);
  g_autoptr(GDateTime) future = g_date_time_add_hours (fixture->now, 3);
  const char * const dvt[] = { "dvt", NULL };
  g_autoptr(UnknotSuggestResult) inside = NULL;
  g_autoptr(UnknotSuggestResult) outside = NULL;
  g_autoptr(UnknotSuggestResult) both = NULL;
  g_autofree char *message = NULL;

  g_assert_false (unknot_suggest_is_red_flag (NULL, fixture->now));
  g_assert_true (unknot_suggest_is_red_flag (just_inside, fixture->now));
  g_assert_false (unknot_suggest_is_red_flag (exactly, fixture->now));
  g_assert_true (unknot_suggest_is_red_flag (future, fixture->now));
  g_assert_true (unknot_suggest_is_red_flag (fixture->now, fixture->now));

  fixture->input.last_safety_stop = just_inside;
  inside = unknot_suggest (&fixture->input);
  g_assert_cmpint (inside->state, ==, UNKNOT_SUGGEST_STATE_RED_FLAG);
  g_assert_cmpuint (inside->suggestions->len, ==, 0);
  message = unknot_suggest_dup_state_message (inside->state);
  g_assert_cmpstr (message, ==, "You stopped a session in the last 48 hours because something didn’t feel right, so "
                                "no routine is suggested for now. If numbness, tingling or sharp pain has not "
                                "settled, see a clinician; for chest pain, shortness of breath or weakness in both "
                                "legs, get emergency care now.");

  fixture->input.last_safety_stop = exactly;
  outside = unknot_suggest (&fixture->input);
  g_assert_cmpint (outside->state, ==, UNKNOT_SUGGEST_STATE_SUGGESTIONS);
  g_assert_cmpuint (outside->suggestions->len, >, 0);

  /* The red flag comes before the safety check's advice. */
  fixture->input.last_safety_stop = just_inside;
  fixture->input.screening_yes = dvt;
  both = unknot_suggest (&fixture->input);
  g_assert_cmpint (both->state, ==, UNKNOT_SUGGEST_STATE_RED_FLAG);
}

/* A new user */

static void
test_new_user (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(UnknotSuggestResult) five = NULL;
  g_autoptr(UnknotSuggestResult) ten = NULL;
  g_autoptr(UnknotSuggestResult) usual = NULL;
  g_autoptr(UnknotSuggestResult) not_new = NULL;

  fixture->input.n_sessions = 0;
  fixture->input.n_pain_entries = 0;

  /* Gentle routines only, hands first. */
  five = unknot_suggest (&fixture->input);
  assert_ids (five, "desk-break hands-swedish-strokes ball-chest-opener");
  g_assert_cmpstr (reason_of (five, "desk-break"), ==, "A gentle start · takes 2 minutes");
  g_assert_cmpstr (reason_of (five, "ball-chest-opener"), ==, "A gentle start · fits 5 minutes");
  for (guint i = 0; i < five->suggestions->len; i++)
    {
      const UnknotSuggestion *suggestion = g_ptr_array_index (five->suggestions, i);

      g_assert_true (suggestion->starter);
      g_assert_cmpint (unknot_routine_get_level (suggestion->routine), ==, UNKNOT_LEVEL_GENTLE);
      g_assert_null (strstr (suggestion->reason, "data"));
    }

  fixture->input.minutes = 10;
  ten = unknot_suggest (&fixture->input);
  assert_ids (ten, "hands-neck-shoulders hands-swedish-strokes desk-break ball-shoulder-blades ball-chest-opener");
  g_assert_cmpstr (reason_of (ten, "hands-neck-shoulders"), ==, "A gentle start · fits 10 minutes");

  /* The body map of onboarding, before anything is logged. */
  fixture->input.usual_regions = UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT;
  usual = unknot_suggest (&fixture->input);
  assert_ids (usual, "ball-shoulder-blades hands-neck-shoulders hands-swedish-strokes desk-break ball-chest-opener");
  g_assert_cmpstr (reason_of (usual, "ball-shoulder-blades"), ==,
                   "A gentle start · targets the right side of your upper back");

  /* One entry logged, long ago: not new any more. */
  fixture->input.usual_regions = 0;
  fixture->input.n_pain_entries = 1;
  not_new = unknot_suggest (&fixture->input);
  g_assert_false (find (not_new, "desk-break")->starter);
  g_assert_nonnull (find (not_new, "cane-hook-trapezius"));
}

/* The foot roll, only when nothing for the back is left. */
static void
test_relaxation_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListStore) routines = g_list_store_new (UNKNOT_TYPE_ROUTINE);
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_autoptr(UnknotSuggestResult) full = NULL;
  g_auto(GStrv) notes = NULL;

  full = unknot_suggest (&fixture->input);
  g_assert_null (find (full, "ball-foot-roll"));

  g_list_store_append (routines, unknot_routine_library_lookup (fixture->library, "ball-foot-roll"));
  g_list_store_append (routines, unknot_routine_library_lookup (fixture->library, "roller-thoracic"));
  fixture->input.routines = G_LIST_MODEL (routines);
  fixture->input.gear = UNKNOT_GEAR_TENNIS_BALL;
  add_entry (fixture, 2, 6, UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT);
  add_sessions (fixture, "ball-foot-roll", 3, 6, 2);
  result = unknot_suggest (&fixture->input);
  assert_ids (result, "ball-foot-roll");
  g_assert_cmpuint (result->notes, ==, UNKNOT_SUGGEST_NOTE_RELAXATION_ONLY);
  /* No claim on the back, not even its measured effect. */
  g_assert_cmpstr (reason_of (result, "ball-foot-roll"), ==,
                   "Fits 5 minutes · for relaxation only, not for your back");
  notes = unknot_suggest_result_dup_notes (result);
  g_assert_cmpstr (notes[0], ==, "Nothing for the back suits your tools and safety check answers, so only a "
                                 "relaxation routine is suggested.");
}

/* The history, read back from a store */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (slot);
}

static gint64
begin_session (UnknotStore *store,
               const char  *id,
               GDateTime   *started)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 session_id;

  unknot_store_begin_session_async (store, id, id, 3, started, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  session_id = unknot_store_begin_session_finish (store, result, &error);
  g_assert_no_error (error);
  return session_id;
}

static void
end_session (UnknotStore          *store,
             gint64                session_id,
             UnknotSessionOutcome  outcome,
             GDateTime            *ended)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_end_session_async (store, session_id, outcome, NULL, ended, 60, 1, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  g_assert_true (unknot_store_end_session_finish (store, result, &error));
  g_assert_no_error (error);
}

static void
save_entry (UnknotStore     *store,
            GDateTime       *time,
            int              pain,
            guint            regions,
            gint64           session_id,
            UnknotPainPhase  phase)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  g_date_time_unref (entry->time);
  entry->time = g_date_time_ref (time);
  entry->pain = pain;
  entry->regions = regions;
  entry->session_id = session_id;
  entry->phase = phase;
  unknot_store_add_pain_entry_async (store, entry, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  saved = unknot_store_add_pain_entry_finish (store, result, &error);
  g_assert_no_error (error);
}

static UnknotSuggestHistory *
load_history (UnknotStore *store,
              GDateTime   *now)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  UnknotSuggestHistory *history;
  GAsyncResult *slot = NULL;

  unknot_suggest_load_history_async (store, now, NULL, got_result_cb, &slot);
  result = wait_for (&slot);
  history = unknot_suggest_load_history_finish (store, result, &error);
  g_assert_no_error (error);
  return history;
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->folder_path, "unknot.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db_path);
  g_autoptr(UnknotStore) store = unknot_store_new (file);
  g_autoptr(UnknotSuggestHistory) empty = NULL;
  g_autoptr(UnknotSuggestHistory) history = NULL;
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (fixture->now, -20);
  g_autoptr(GDateTime) stopped_start = g_date_time_add_hours (fixture->now, -30);
  g_autoptr(GDateTime) stopped_end = g_date_time_add_seconds (stopped_start, 90);
  g_autoptr(GDateTime) older_stop = g_date_time_add_days (fixture->now, -5);
  GAsyncResult *slot = NULL;
  gint64 session_id;

  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  opened = wait_for (&slot);
  g_assert_true (unknot_store_open_finish (store, opened, &error));
  g_assert_no_error (error);

  /* A new user: nothing at all. */
  empty = load_history (store, fixture->now);
  g_assert_cmpuint (empty->pain_entries->len, ==, 0);
  g_assert_cmpuint (empty->effects->len, ==, 0);
  g_assert_null (empty->last_safety_stop);
  g_assert_cmpuint (empty->n_sessions, ==, 0);
  g_assert_cmpuint (empty->n_pain_entries, ==, 0);

  /* Three rated sessions of the desk break, three weeks ago and lately. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_days (fixture->now, -10 - (int) i);
      g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 2);

      session_id = begin_session (store, "desk-break", started);
      save_entry (store, started, 6, UNKNOT_PAIN_REGION_SHOULDER_LEFT, session_id, UNKNOT_PAIN_PHASE_BEFORE);
      end_session (store, session_id, UNKNOT_SESSION_OUTCOME_COMPLETED, ended);
      save_entry (store, ended, 3, UNKNOT_PAIN_REGION_SHOULDER_LEFT, session_id, UNKNOT_PAIN_PHASE_AFTER);
    }
  save_entry (store, long_ago, 8, UNKNOT_PAIN_REGION_NECK_RIGHT, 0, UNKNOT_PAIN_PHASE_NONE);
  session_id = begin_session (store, "roller-thoracic", older_stop);
  end_session (store, session_id, UNKNOT_SESSION_OUTCOME_SAFETY, older_stop);
  session_id = begin_session (store, "ball-trigger-points", stopped_start);
  end_session (store, session_id, UNKNOT_SESSION_OUTCOME_SAFETY, stopped_end);

  history = load_history (store, fixture->now);
  g_assert_cmpuint (history->pain_entries->len, ==, 6);
  g_assert_cmpuint (history->n_pain_entries, ==, 7);
  g_assert_cmpuint (history->n_sessions, ==, 5);
  g_assert_cmpuint (history->effects->len, ==, 1);
  g_assert_nonnull (history->last_safety_stop);
  g_assert_true (g_date_time_equal (history->last_safety_stop, stopped_end));
  /* Newest first, each once. */
  g_assert_cmpuint (g_strv_length (history->recently_stopped), ==, 2);
  g_assert_cmpstr (history->recently_stopped[0], ==, "ball-trigger-points");
  g_assert_cmpstr (history->recently_stopped[1], ==, "roller-thoracic");
  g_assert_nonnull (empty->recently_stopped);
  g_assert_null (empty->recently_stopped[0]);

  /* Put together: the stop 30 hours ago keeps suggestions back. */
  unknot_suggest_input_set_history (&fixture->input, history);
  g_assert_true (fixture->input.pain_entries == history->pain_entries);
  g_assert_cmpuint (fixture->input.n_sessions, ==, 5);
  result = unknot_suggest (&fixture->input);
  g_assert_cmpint (result->state, ==, UNKNOT_SUGGEST_STATE_RED_FLAG);
  g_clear_pointer (&result, unknot_suggest_result_free);

  /* Two days later it is over, and the desk break has earned its place. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (fixture->now, 2);

    fixture->input.now = later;
    result = unknot_suggest (&fixture->input);
    g_assert_cmpint (result->state, ==, UNKNOT_SUGGEST_STATE_SUGGESTIONS);
    g_assert_cmpstr (((UnknotSuggestion *) g_ptr_array_index (result->suggestions, 0))->reason, ==,
                     "Targets your left shoulder · takes 2 minutes · lowered your pain by 3 points on average over "
                     "3 sessions");
    fixture->input.minutes = 10;
    g_clear_pointer (&result, unknot_suggest_result_free);
    result = unknot_suggest (&fixture->input);
    g_assert_null (find (result, "roller-thoracic"));
    g_assert_null (find (result, "ball-trigger-points"));
    g_assert_nonnull (find (result, "roller-sports-warmup"));
    fixture->input.minutes = 5;
    fixture->input.now = fixture->now;
  }

  unknot_store_flush (store);
  g_clear_object (&store);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_remove (path);
    }
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/gear/ids", test_gear_ids);
  ADD ("/suggest/gear/routines", test_gear_routines);
  g_test_add_func ("/suggest/time/boundaries", test_time_fit_boundaries);
  ADD ("/suggest/time/choices", test_time_fit_choices);
  ADD ("/suggest/time/closest", test_time_closest);
  g_test_add_func ("/suggest/region/table", test_region_table);
  ADD ("/suggest/region/right-shoulder", test_region_right_shoulder);
  ADD ("/suggest/region/sides-and-parts", test_region_sides_and_parts);
  ADD ("/suggest/region/usual", test_region_usual);
  ADD ("/suggest/region/lower-back", test_region_lower_back);
  ADD ("/suggest/tools", test_tools);
  ADD ("/suggest/screening", test_screening);
  ADD ("/suggest/effect/ranking", test_effect_ranking);
  ADD ("/suggest/effect/little-worse-fraction", test_effect_little_worse_fraction);
  ADD ("/suggest/effect/ties", test_effect_ties);
  ADD ("/suggest/recently-stopped", test_recently_stopped);
  ADD ("/suggest/red-flag", test_red_flag_boundary);
  ADD ("/suggest/new-user", test_new_user);
  ADD ("/suggest/relaxation-only", test_relaxation_only);
  ADD ("/suggest/history", test_history);

  return g_test_run ();
}
