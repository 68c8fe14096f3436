/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The safety check without a display: which answers put which note on
 * which of the built-in routines, and what the summary says. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "unknot-routine-library.h"
#include "unknot-screening.h"

/* Written out here rather than read from the table under test, so a change
 * to a mapping has to change this file too. */
typedef struct
{
  const char          *id;
  UnknotScreeningLevel level;
  const char          *risky_areas;  /* space-separated, in unknot_areas order */
  const char          *noted_routines; /* space-separated ids, sorted */
} Expectation;

#define EVERY_AREA "neck upper-trapezius levator-scapulae rhomboids spine-muscles shoulder-blade chest skull-base thoracic feet"
#define EVERY_ROUTINE "ball-chest-opener ball-foot-roll ball-shoulder-blades ball-trigger-points cane-hook-trapezius " \
                      "desk-break hands-neck-shoulders hands-pin-and-stretch hands-swedish-strokes " \
                      "roller-sports-warmup roller-thoracic sock-balls-spine"

static const Expectation expectations[] = {
  { "fracture", UNKNOT_SCREENING_ASK_FIRST, "rhomboids spine-muscles shoulder-blade chest thoracic",
    "ball-chest-opener ball-shoulder-blades ball-trigger-points cane-hook-trapezius roller-sports-warmup "
    "roller-thoracic sock-balls-spine" },
  { "bleeding", UNKNOT_SCREENING_TAKE_CARE, EVERY_AREA, EVERY_ROUTINE },
  { "dvt", UNKNOT_SCREENING_ASK_FIRST, EVERY_AREA, EVERY_ROUTINE },
  { "fever", UNKNOT_SCREENING_ASK_FIRST, EVERY_AREA, EVERY_ROUTINE },
  { "cancer", UNKNOT_SCREENING_ASK_FIRST, EVERY_AREA, EVERY_ROUTINE },
  { "surgery", UNKNOT_SCREENING_TAKE_CARE, EVERY_AREA, EVERY_ROUTINE },
  { "skin", UNKNOT_SCREENING_TAKE_CARE, EVERY_AREA, EVERY_ROUTINE },
  { "pregnancy", UNKNOT_SCREENING_ASK_FIRST, "thoracic", "roller-sports-warmup roller-thoracic sock-balls-spine" },
  { "new-pain", UNKNOT_SCREENING_ASK_FIRST, EVERY_AREA, EVERY_ROUTINE },
};

/* Those that mean no self-massage at all before a clinician says so. */
static const char * const against_all[] = { "dvt", "fever", "cancer", "new-pain", NULL };

typedef struct
{
  char                 *folder_path;
  UnknotRoutineLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;

  fixture->folder_path = g_dir_make_tmp ("unknot-test-screening-XXXXXX", NULL);
  folder = g_file_new_for_path (fixture->folder_path);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 12);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->library);
  g_rmdir (fixture->folder_path);
  g_free (fixture->folder_path);
}

/* The ids of the routines that get a note for @yes, in library order, and
 * the strongest level among them. */
static char *
noted_routines (Fixture              *fixture,
                const char * const   *yes,
                UnknotScreeningLevel *strongest)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (fixture->library);

  *strongest = UNKNOT_SCREENING_TAKE_CARE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (model, i);
      UnknotScreeningLevel level = UNKNOT_SCREENING_TAKE_CARE;
      g_autofree char *note = unknot_screening_dup_note (yes, routine, &level);

      if (note == NULL)
        continue;
      g_assert_cmpstr (note, !=, "");
      g_ptr_array_add (ids, (char *) unknot_routine_get_id (routine));
      *strongest = MAX (*strongest, level);
    }
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The same, sorted by id. */
static char *
noted_routines_sorted (Fixture              *fixture,
                       const char * const   *yes,
                       UnknotScreeningLevel *strongest)
{
  g_autofree char *joined = noted_routines (fixture, yes, strongest);
  g_auto(GStrv) ids = g_strsplit (joined, " ", -1);

  if (joined[0] == '\0')
    return g_strdup ("");
  qsort (ids, g_strv_length (ids), sizeof (char *), compare_strings);
  return g_strjoinv (" ", ids);
}

static void
test_questions_are_complete (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* CONTENT.md asks nine things, in this order. */
  g_assert_cmpuint (unknot_screening_get_n_questions (), ==, G_N_ELEMENTS (expectations));
  for (guint i = 0; i < unknot_screening_get_n_questions (); i++)
    {
      const char *id = unknot_screening_question_get_id (i);
      const char *text = unknot_screening_question_get_text (i);
      const char *explanation = unknot_screening_question_get_explanation (i);
      g_autofree char *lower = g_utf8_strdown (explanation, -1);

      g_assert_cmpstr (id, ==, expectations[i].id);
      g_assert_true (g_hash_table_add (ids, (char *) id));
      g_assert_cmpint (unknot_screening_lookup (id), ==, (int) i);
      g_assert_true (g_str_has_suffix (text, "?"));
      /* Every explanation names someone to ask or see… */
      g_assert_true (strstr (lower, "clinician") || strstr (lower, "doctor") || strstr (lower, "surgeon")
                     || strstr (lower, "midwife") || strstr (lower, "care team"));
      /* …and none promises what massage cannot do. */
      g_assert_null (strstr (lower, "cure"));
      g_assert_null (strstr (lower, "heal your"));
      for (const char * const *area = unknot_screening_question_get_areas (i); area != NULL && *area != NULL; area++)
        g_assert_true (unknot_area_is_known (*area));
    }
  g_assert_cmpint (unknot_screening_lookup ("no-such-question"), ==, -1);
  g_assert_cmpint (unknot_screening_lookup (NULL), ==, -1);
}

/* One "yes" at a time: the areas it makes risky, the routines it notes,
 * how strongly, and whether it rules out self-massage altogether. */
static void
test_each_answer (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      const char * const yes[] = { expectations[i].id, NULL };
      g_auto(GStrv) areas = unknot_screening_dup_risky_areas (yes);
      g_autofree char *joined_areas = g_strjoinv (" ", areas);
      UnknotScreeningLevel level;
      g_autofree char *routines = noted_routines_sorted (fixture, yes, &level);

      g_test_message ("answer %s", expectations[i].id);
      g_assert_cmpstr (joined_areas, ==, expectations[i].risky_areas);
      g_assert_cmpstr (routines, ==, expectations[i].noted_routines);
      g_assert_cmpint (level, ==, expectations[i].level);
      g_assert_cmpint (unknot_screening_question_get_level (i), ==, expectations[i].level);
      g_assert_cmpint (unknot_screening_advises_against_all (yes), ==, g_strv_contains (against_all, expectations[i].id));
      for (guint a = 0; unknot_areas[a] != NULL; a++)
        g_assert_cmpint (unknot_screening_area_is_risky (yes, unknot_areas[a]), ==,
                         g_strv_contains ((const char * const *) areas, unknot_areas[a]));
    }
}

static void
test_no_answers (Fixture       *fixture,
                 gconstpointer  data)
{
  const char * const none[] = { NULL };
  const char * const *answers[] = { NULL, none };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_auto(GStrv) areas = unknot_screening_dup_risky_areas (answers[i]);
      UnknotScreeningLevel level;
      g_autofree char *routines = noted_routines_sorted (fixture, answers[i], &level);
      g_autofree char *summary = unknot_screening_dup_summary (answers[i], unknot_screening_get_n_questions ());
      g_autofree char *unanswered = unknot_screening_dup_summary (answers[i], 0);

      g_assert_cmpuint (g_strv_length (areas), ==, 0);
      g_assert_cmpstr (routines, ==, "");
      g_assert_false (unknot_screening_advises_against_all (answers[i]));
      g_assert_true (g_str_has_prefix (summary, "Nothing you answered stands in the way"));
      g_assert_true (g_str_has_prefix (unanswered, "You have not answered any question yet."));
    }
}

static void
test_several_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const fracture_pregnancy[] = { "pregnancy", "fracture", NULL };
  const char * const bleeding_skin[] = { "bleeding", "skin", NULL };
  const char * const thoracic[] = { "thoracic", NULL };
  const char * const neck[] = { "neck", NULL };
  UnknotScreeningLevel level = UNKNOT_SCREENING_TAKE_CARE;
  g_autofree char *note = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;

  /* Both reasons, each on its line, in question order, at the stronger
   * level. */
  note = unknot_screening_dup_note_for_areas (fracture_pregnancy, thoracic, &level);
  lines = g_strsplit (note, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "You have had a recent fracture"));
  g_assert_true (g_str_has_prefix (lines[1], "You are pregnant"));
  g_assert_cmpint (level, ==, UNKNOT_SCREENING_ASK_FIRST);
  g_clear_pointer (&note, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Neither concerns the neck. */
  g_assert_null (unknot_screening_dup_note_for_areas (fracture_pregnancy, neck, &level));
  routines = noted_routines_sorted (fixture, fracture_pregnancy, &level);
  g_assert_cmpstr (routines, ==, expectations[0].noted_routines);
  g_assert_false (unknot_screening_advises_against_all (fracture_pregnancy));
  summary = unknot_screening_dup_summary (fracture_pregnancy, 9);
  g_assert_true (g_str_has_prefix (summary, "Some of your answers call for care."));
  g_clear_pointer (&routines, g_free);
  g_clear_pointer (&summary, g_free);

  /* Two that concern everything, neither ruling it out: every routine,
   * "take care", two lines. */
  routines = noted_routines_sorted (fixture, bleeding_skin, &level);
  g_assert_cmpstr (routines, ==, EVERY_ROUTINE);
  g_assert_cmpint (level, ==, UNKNOT_SCREENING_TAKE_CARE);
  note = unknot_screening_dup_note_for_areas (bleeding_skin, neck, &level);
  lines = g_strsplit (note, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_false (unknot_screening_advises_against_all (bleeding_skin));

  /* Answers left open are counted in the summary. */
  summary = unknot_screening_dup_summary (bleeding_skin, 7);
  g_assert_true (g_str_has_suffix (summary, "2 questions are not answered; they count as “no”."));
  g_clear_pointer (&summary, g_free);
  summary = unknot_screening_dup_summary (bleeding_skin, 8);
  g_assert_true (g_str_has_suffix (summary, "1 question is not answered; it counts as “no”."));
}

/* One answer that rules out self-massage outweighs everything else: every
 * routine says "ask first", and the summary says so plainly. */
static void
test_note_on_every_routine (Fixture       *fixture,
                            gconstpointer  data)
{
  const char * const yes[] = { "pregnancy", "dvt", NULL };
  GListModel *model = G_LIST_MODEL (fixture->library);
  g_autofree char *summary = unknot_screening_dup_summary (yes, 9);

  g_assert_true (unknot_screening_advises_against_all (yes));
  g_assert_true (g_str_has_prefix (summary, "Please don’t self-massage until you have talked to a clinician"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (model, i);
      UnknotScreeningLevel level = UNKNOT_SCREENING_TAKE_CARE;
      g_autofree char *note = unknot_screening_dup_note (yes, routine, &level);

      g_assert_nonnull (note);
      g_assert_cmpint (level, ==, UNKNOT_SCREENING_ASK_FIRST);
      g_assert_nonnull (strstr (note, "blood clot"));
      /* The pregnancy line only where the routine has you on the floor. */
      g_assert_cmpint (strstr (note, "pregnant") != NULL, ==, unknot_routine_has_area (routine, "thoracic"));
    }
  g_assert_cmpstr (unknot_screening_level_get_tag (UNKNOT_SCREENING_ASK_FIRST), ==, "Ask first");
  g_assert_cmpstr (unknot_screening_level_get_title (UNKNOT_SCREENING_ASK_FIRST), ==, "Check with a clinician first");
}

static void
test_answers_from_settings (void)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{sb}"));
  g_autoptr(GVariant) answers = NULL;
  g_auto(GStrv) yes = NULL;
  g_auto(GStrv) none = NULL;

  g_variant_builder_add (builder, "{sb}", "skin", TRUE);
  g_variant_builder_add (builder, "{sb}", "bleeding", FALSE);
  g_variant_builder_add (builder, "{sb}", "from-an-older-version", TRUE);
  g_variant_builder_add (builder, "{sb}", "fracture", TRUE);
  answers = g_variant_ref_sink (g_variant_builder_end (builder));

  /* Yes only, known ids only, in question order. */
  yes = unknot_screening_yes_from_variant (answers);
  g_assert_cmpuint (g_strv_length (yes), ==, 2);
  g_assert_cmpstr (yes[0], ==, "fracture");
  g_assert_cmpstr (yes[1], ==, "skin");
  none = unknot_screening_yes_from_variant (NULL);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screening/questions", test_questions_are_complete);
  g_test_add_func ("/screening/answers-from-settings", test_answers_from_settings);
  g_test_add ("/screening/each-answer", Fixture, NULL, fixture_set_up, test_each_answer, fixture_tear_down);
  g_test_add ("/screening/no-answers", Fixture, NULL, fixture_set_up, test_no_answers, fixture_tear_down);
  g_test_add ("/screening/several-answers", Fixture, NULL, fixture_set_up, test_several_answers, fixture_tear_down);
  g_test_add ("/screening/every-routine", Fixture, NULL, fixture_set_up, test_note_on_every_routine, fixture_tear_down);
  return g_test_run ();
}
