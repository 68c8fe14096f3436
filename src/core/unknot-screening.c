/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-screening"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-screening.h"

/* Firm pressure from a ball, roller or cane lands on the ribs, the spine or
 * the shoulder blade in these areas. */
static const char * const bony_areas[] = {
  "rhomboids", "spine-muscles", "shoulder-blade", "thoracic", "chest", NULL
};
/* The routines here have you lie back over a roller or balls on the floor. */
static const char * const floor_areas[] = { "thoracic", NULL };

typedef struct
{
  const char          *id;
  const char          *text;
  const char          *explanation;
  const char          *note;
  UnknotScreeningLevel level;
  const char * const  *areas; /* NULL: every routine */
} Question;

/* The questions CONTENT.md lists, in its order.  Each explanation says what
 * a "yes" means for self-massage, where to keep away from or whom to ask,
 * and when to get help; each note is the same in one sentence, shown on
 * the routines it concerns. */
static const Question questions[] = {
  {
    "fracture",
    /* TRANSLATORS: each question is answered Yes or No; the text after it
     * is shown on a "yes", the last one on each routine it concerns.
     * "Clinician" is any health professional: a doctor, nurse or
     * physiotherapist. */
    N_("Have you broken a bone in the last few months, or do you have osteoporosis (fragile bones)?"),
    N_("Bones that are healing or fragile can crack under firm pressure. Don’t lean on a ball, roller or cane "
       "over your ribs, spine or shoulder blades, and never press on or near a healing break. Routines on those "
       "areas are marked. Ask your doctor or physiotherapist what is safe for you. Get medical help if a bone "
       "hurts sharply after pressure, or if you have pain after a fall."),
    N_("You have had a recent fracture or have osteoporosis, and this routine presses on your ribs, spine or "
       "shoulder blades. Ask your doctor or physiotherapist first."),
    UNKNOT_SCREENING_ASK_FIRST, bony_areas,
  },
  {
    "bleeding",
    N_("Do you take medicine that thins your blood, or have a bleeding disorder?"),
    N_("You may bruise more easily, and firm pressure can cause bleeding under the skin. Use light pressure "
       "only, and leave out firm routines and tools until you have asked your doctor or pharmacist how much "
       "pressure is safe for you. See a clinician if you get a large or painful bruise, or a swelling that grows."),
    N_("You take blood thinners or have a bleeding disorder: use light pressure only, and ask your doctor how "
       "much is safe."),
    UNKNOT_SCREENING_TAKE_CARE, NULL,
  },
  {
    "dvt",
    N_("Do you have a blood clot in a vein (deep-vein thrombosis), or are you being treated for one?"),
    N_("Rubbing or pressing near a clot could loosen it. Please don’t self-massage until your doctor says it is "
       "safe. Get emergency care at once if you suddenly feel short of breath, have chest pain, or cough up blood."),
    N_("You have a blood clot in a vein: don’t self-massage until your doctor says it is safe."),
    UNKNOT_SCREENING_ASK_FIRST, NULL,
  },
  {
    "fever",
    N_("Do you have a fever or an infection right now?"),
    N_("Leave massage until you are well: it does not help the body fight an infection, and it can make you "
       "feel worse. Back pain together with a fever can be a sign of an infection that needs treatment, so see "
       "a clinician soon, or get urgent care if you feel very unwell."),
    N_("You have a fever or an infection: wait until you are well, and see a clinician if your back hurts as "
       "well."),
    UNKNOT_SCREENING_ASK_FIRST, NULL,
  },
  {
    "cancer",
    N_("Do you have cancer in your neck, shoulders, chest or back, or are you being treated for cancer?"),
    N_("Never massage over a tumour, or over skin treated with radiotherapy. Gentle touch is fine for many "
       "people with cancer, but your cancer care team knows what is safe for you: ask them before you use any "
       "routine. Tell a clinician soon about a new lump, or pain that wakes you at night."),
    N_("You have cancer here or are being treated for it: ask your cancer care team before any self-massage."),
    UNKNOT_SCREENING_ASK_FIRST, NULL,
  },
  {
    "surgery",
    N_("Have you had an operation in the last three months?"),
    N_("A scar and the tissue under it need time to heal. Keep well away from the operated area until your "
       "surgeon says it has healed, and if the operation was on your neck, shoulders, chest or back, ask them "
       "before any routine. Get help at once if a leg becomes swollen and painful, or you suddenly feel short "
       "of breath."),
    N_("You had an operation recently: keep away from the operated area, and ask your surgeon first if it was "
       "on your neck, shoulders, chest or back."),
    UNKNOT_SCREENING_TAKE_CARE, NULL,
  },
  {
    "skin",
    N_("Do you have a wound, burn, rash or skin infection where you would massage?"),
    N_("Pressing on broken or inflamed skin can hurt it and spread an infection. Never massage over it, and "
       "leave out any step that would touch it. Let a clinician look at a skin infection, a burn or a wound that "
       "is not healing, or a rash that comes with a fever."),
    N_("You have a wound, burn, rash or skin infection: never press on it, and leave out steps that would "
       "touch it."),
    UNKNOT_SCREENING_TAKE_CARE, NULL,
  },
  {
    "pregnancy",
    N_("Are you pregnant?"),
    N_("Gentle self-massage of the neck and shoulders suits many people in pregnancy, but some positions may "
       "not suit you, above all lying back over a foam roller or balls on the floor. Those routines are marked. "
       "Ask your midwife or doctor which positions are safe for you. Get help at once if you have bleeding, a "
       "severe headache, blurred vision or sudden swelling."),
    N_("You are pregnant, and this routine has you lie back over a roller or balls on the floor: ask your "
       "midwife or doctor whether this position suits you."),
    UNKNOT_SCREENING_ASK_FIRST, floor_areas,
  },
  {
    "new-pain",
    N_("Do you have new pain that you cannot explain, not from posture, effort or a strain you know of?"),
    N_("Pain with no clear cause should be checked before you massage it: now and then, pain in the upper back "
       "comes from the heart, the lungs, the gallbladder or the spine rather than a muscle. See a clinician "
       "first. Get emergency care now if it comes with chest pain or pressure, shortness of breath, weakness or "
       "numbness in both legs, or loss of bladder or bowel control."),
    N_("You have new pain that has not been explained: have a clinician check it before you massage it."),
    UNKNOT_SCREENING_ASK_FIRST, NULL,
  },
};

guint
unknot_screening_get_n_questions (void)
{
  return G_N_ELEMENTS (questions);
}

int
unknot_screening_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (g_strcmp0 (id, questions[i].id) == 0)
      return (int) i;
  return -1;
}

const char *
unknot_screening_question_get_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (questions), NULL);
  return questions[index].id;
}

const char *
unknot_screening_question_get_text (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (questions), NULL);
  return _(questions[index].text);
}

const char *
unknot_screening_question_get_explanation (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (questions), NULL);
  return _(questions[index].explanation);
}

UnknotScreeningLevel
unknot_screening_question_get_level (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (questions), UNKNOT_SCREENING_ASK_FIRST);
  return questions[index].level;
}

const char * const *
unknot_screening_question_get_areas (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (questions), NULL);
  return questions[index].areas;
}

char **
unknot_screening_yes_from_variant (GVariant *answers)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (answers == NULL || g_variant_is_of_type (answers, G_VARIANT_TYPE ("a{sb}")), NULL);

  for (guint i = 0; answers != NULL && i < G_N_ELEMENTS (questions); i++)
    {
      gboolean yes = FALSE;

      if (g_variant_lookup (answers, questions[i].id, "b", &yes) && yes)
        g_strv_builder_add (builder, questions[i].id);
    }
  return g_strv_builder_end (builder);
}

static gboolean
said_yes (const char * const *yes,
          guint               index)
{
  return yes != NULL && g_strv_contains (yes, questions[index].id);
}

static gboolean
concerns (const Question     *question,
          const char * const *areas)
{
  if (question->areas == NULL)
    return TRUE;
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    if (g_strv_contains (question->areas, areas[i]))
      return TRUE;
  return FALSE;
}

gboolean
unknot_screening_advises_against_all (const char * const *yes)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (said_yes (yes, i) && questions[i].areas == NULL && questions[i].level == UNKNOT_SCREENING_ASK_FIRST)
      return TRUE;
  return FALSE;
}

gboolean
unknot_screening_area_is_risky (const char * const *yes,
                                const char         *area)
{
  const char * const areas[] = { area, NULL };

  g_return_val_if_fail (area != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (said_yes (yes, i) && concerns (&questions[i], areas))
      return TRUE;
  return FALSE;
}

char **
unknot_screening_dup_risky_areas (const char * const *yes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; unknot_areas[i] != NULL; i++)
    if (unknot_screening_area_is_risky (yes, unknot_areas[i]))
      g_strv_builder_add (builder, unknot_areas[i]);
  return g_strv_builder_end (builder);
}

char *
unknot_screening_dup_note_for_areas (const char * const   *yes,
                                     const char * const   *areas,
                                     UnknotScreeningLevel *level)
{
  g_autoptr(GString) note = NULL;
  UnknotScreeningLevel strongest = UNKNOT_SCREENING_TAKE_CARE;

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      if (!said_yes (yes, i) || !concerns (&questions[i], areas))
        continue;
      if (note == NULL)
        note = g_string_new (NULL);
      else
        g_string_append_c (note, '\n');
      g_string_append (note, _(questions[i].note));
      strongest = MAX (strongest, questions[i].level);
    }
  if (level != NULL)
    *level = strongest;
  return note != NULL ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

char *
unknot_screening_dup_note (const char * const   *yes,
                           UnknotRoutine        *routine,
                           UnknotScreeningLevel *level)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  return unknot_screening_dup_note_for_areas (yes, unknot_routine_get_areas (routine), level);
}

const char *
unknot_screening_level_get_title (UnknotScreeningLevel level)
{
  switch (level)
    {
    case UNKNOT_SCREENING_TAKE_CARE: return _("Take care with this routine");
    case UNKNOT_SCREENING_ASK_FIRST: return _("Check with a clinician first");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
unknot_screening_level_get_tag (UnknotScreeningLevel level)
{
  switch (level)
    {
    /* TRANSLATORS: a short tag on a routine in the list; keep it short */
    case UNKNOT_SCREENING_TAKE_CARE: return C_("routine tag", "Take care");
    /* TRANSLATORS: a short tag on a routine in the list: ask a clinician first; keep it short */
    case UNKNOT_SCREENING_ASK_FIRST: return C_("routine tag", "Ask first");
    default: g_return_val_if_reached (NULL);
    }
}

char *
unknot_screening_dup_summary (const char * const *yes,
                              guint               n_answered)
{
  GString *summary = g_string_new (NULL);
  guint n_questions = G_N_ELEMENTS (questions);
  gboolean any_yes = yes != NULL && yes[0] != NULL;

  if (n_answered == 0)
    g_string_append (summary, _("You have not answered any question yet. If you close the check now, Unknot will "
                                "not ask again, and you can come back to it from the main menu."));
  else if (unknot_screening_advises_against_all (yes))
    g_string_append (summary, _("Please don’t self-massage until you have talked to a clinician, such as your "
                                "doctor, a nurse or a physiotherapist. Every routine carries a note that says "
                                "why. The choice is yours: the routines stay open to you."));
  else if (any_yes)
    g_string_append (summary, _("Some of your answers call for care. The routines they concern are marked in "
                                "the library, and their pages say what to watch for."));
  else
    g_string_append (summary, _("Nothing you answered stands in the way of self-massage. Go gently, follow each "
                                "step’s pressure guidance, and stop if you feel sharp pain, numbness, tingling "
                                "or dizziness."));

  if (n_answered > 0 && n_answered < n_questions)
    {
      guint left = n_questions - n_answered;

      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u question is not answered; it counts as “no”.",
                                                    "%u questions are not answered; they count as “no”.", left),
                              left);
    }
  return g_string_free (summary, FALSE);
}
