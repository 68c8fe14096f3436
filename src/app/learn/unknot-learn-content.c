/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the Learn view.  Facts from the source article
 * (docs/CONTENT.md), said in our own words and with no more certainty than
 * the evidence has: massage may ease tension and help for a while; it is
 * not a cure and does not replace professional care. */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-learn-content.h"

static const UnknotLearnItem causes[] = {
  { N_("Posture and Desk Work"),
    N_("Hunching toward a screen or a phone, or sitting for hours without a break, keeps the muscles between and "
       "above your shoulder blades working the whole time. Over days and weeks they can start to feel tight and sore.") },
  { N_("Overuse and Muscle Strain"),
    N_("Lifting, twisting or repeating the same movement again and again, at work or in sport, can strain the "
       "muscles of your upper back and leave them tight and tender.") },
  { N_("Stress and Tension"),
    N_("When you are stressed, you may lift your shoulders and tighten your neck without noticing. Held for long "
       "enough, that tension turns into an ache.") },
  { N_("Sleep Position"),
    N_("An awkward position in bed, or a pillow that does not suit you, can leave your neck and upper back stiff "
       "in the morning.") },
  { N_("Injuries"),
    N_("A fall, an accident or a sudden jolt can hurt the muscles, bones or discs of your upper back. Pain after a "
       "fall or an accident needs to be checked by a professional straight away, not massaged.") },
  { N_("Problems in the Spine"),
    N_("A bulging (herniated) disc, wear and tear in the joints (osteoarthritis) or a sideways curve of the spine "
       "(scoliosis) can cause pain, and sometimes press on a nerve. These need a clinician to look at them.") },
  { N_("Rarely, Something Else"),
    N_("In rare cases, upper back pain comes from something serious: an infection, a tumour, or bones weakened by "
       "osteoporosis. Pain can also spread to the upper back from the heart or the gallbladder. That is why some "
       "signs mean you should get help instead of massage.") },
  { NULL, NULL }
};

static const UnknotLearnItem benefits[] = {
  { N_("Looser Muscles"),
    N_("Rubbing, kneading and steady pressure warm your muscles, and tight, sore muscles may feel softer and less "
       "stiff afterwards.") },
  { N_("Blood Flow"),
    N_("Massage brings more blood to the skin and muscles it works on, at least while you do it. That may be part of why your back feels "
       "warmer and looser afterwards.") },
  { N_("Less Pain, for a While"),
    N_("Touch and pressure may change how your nervous system handles pain signals, so an ache can feel less "
       "intense during a massage and for some time after it. The effect usually wears off.") },
  { N_("Stress Relief"),
    N_("Massage is relaxing for many people, and feeling calmer can help you let go of the tension you hold in your "
       "neck and shoulders.") },
  { N_("Posture"),
    N_("Massage on its own does not change your posture. Easing tight chest and shoulder muscles may make it more "
       "comfortable to sit and stand tall, along with moving often and taking breaks.") },
  { N_("Sleep"),
    N_("Some people sleep better after a relaxing massage. Think of it as a pleasant bonus rather than a "
       "treatment.") },
  { N_("What Massage Cannot Do"),
    N_("The research on massage for back pain is mixed: it seems to help some people in the short term, and the "
       "evidence for lasting relief is modest. Massage cannot repair a disc, a nerve or a bone, and it cannot tell "
       "you what is causing your pain. If the pain lasts, keeps coming back or comes with other symptoms, see a "
       "clinician.") },
  { NULL, NULL }
};

const UnknotLearnSection unknot_learn_sections[] = {
  { "causes", N_("What Causes Upper Back Pain"),
    N_("Most upper back pain comes from muscles and joints, and much of it eases with time, gentle movement and a "
       "little care. Muscles, bones, discs and nerves can all play a part."),
    UNKNOT_LEARN_SECTION_ITEMS, causes, TRUE },
  { "massage", N_("How Massage May Help"),
    N_("Many people find that massage eases tight muscles and helps them relax. Here is what it may do, and what it "
       "cannot. Massage is not a cure, and it does not replace care from a health professional."),
    UNKNOT_LEARN_SECTION_ITEMS, benefits, FALSE },
  { "techniques", N_("Six Massage Techniques Compared"),
    N_("Massage therapists use many styles. Here is how six common ones work, what each suits, what it may do, "
       "and how to try something like it at home with one of Unknot’s routines. Your own hands are not a "
       "therapist’s, but the ideas carry over."),
    UNKNOT_LEARN_SECTION_TECHNIQUES, NULL, FALSE },
  { "therapist", N_("Choosing a Massage Therapist"),
    N_("If you would like a massage from a professional, these points help you find someone who suits you. Tick "
       "them off as you go; Unknot keeps your list."),
    UNKNOT_LEARN_SECTION_CHECKLIST, NULL, FALSE },
  { "faq", N_("Questions and Answers"),
    NULL,
    UNKNOT_LEARN_SECTION_QUESTIONS, NULL, FALSE },
  { NULL }
};

const UnknotLearnTechnique unknot_learn_techniques[] = {
  { "technique-swedish", N_("Swedish Massage"),
    N_("Long, gliding strokes, kneading and small circles over the muscles just under the skin, with light to "
       "moderate pressure."),
    N_("Mild tension, and the aching that comes with stress. It is a gentle place to start if massage is new to "
       "you."),
    N_("It may help you relax and ease mild stiffness for a while."),
    N_("Use your own hands: glide slowly from the base of your skull out over the top of each shoulder, then knead "
       "the thick muscle there."),
    "hands-swedish-strokes",
    /* TRANSLATORS: a button that opens the routine "Swedish-style strokes for the neck and shoulders" */
    N_("Try Swedish-Style Strokes") },
  { "technique-trigger-point", N_("Trigger Point Therapy"),
    N_("Steady pressure held on a tender, knotted spot, a “trigger point”, until it eases. Such spots can send "
       "an ache to nearby areas."),
    N_("A tender knot, or an ache that seems to spread from one spot, often on top of the shoulder or over the "
       "shoulder blade."),
    N_("It may ease a knot and the ache around it for a while."),
    N_("Lean into a tennis ball against a wall, find a tender spot and hold it for 30 to 90 seconds while you "
       "breathe slowly. Firm pressure, never sharp."),
    "ball-trigger-points",
    /* TRANSLATORS: a button that opens the routine "Tennis ball trigger-point holds" */
    N_("Try Trigger-Point Holds") },
  { "technique-deep-tissue", N_("Deep Tissue Massage"),
    N_("Slow strokes with firm pressure that reach the deeper layers of muscle and the tissue that wraps them."),
    N_("Tightness that has been there a long time, and stiff, knotted muscles between and above the shoulder "
       "blades."),
    N_("It may ease deep tension and help you move more freely. It can feel intense; it should never hurt "
       "sharply."),
    N_("Lie on a foam roller and let your body weight give slow, deep pressure as you roll the upper back, "
       "never the lower back or the neck."),
    "roller-thoracic",
    /* TRANSLATORS: a button that opens the routine "Foam roller for the upper back" */
    N_("Try the Foam Roller Routine") },
  { "technique-thai", N_("Thai Massage"),
    N_("Stretching, rocking and rhythmic pressure, given with the therapist’s hands, thumbs, elbows and feet."),
    N_("Tightness and stiffness, when you would like to move more easily."),
    N_("It may help you feel looser and more flexible for a while."),
    N_("Pin and stretch: press a tight spot on top of your shoulder with your fingers, then slowly tilt your head "
       "away to stretch the muscle under them."),
    "hands-pin-and-stretch",
    /* TRANSLATORS: a button that opens the routine "Pin and stretch for the neck and shoulders" */
    N_("Try Pin and Stretch") },
  { "technique-sports", N_("Sports Massage"),
    N_("A mix of deeper strokes, stretches and movement, aimed at the muscles you use most in your sport or "
       "training."),
    N_("Active people, and aches from overuse in training or repetitive work."),
    N_("It may help tired muscles feel looser before or after exercise. It does not replace a proper warm-up or "
       "rest."),
    N_("A foam roller warm-up: slow rolling, gentle backbends over the roller and arm circles, before or after "
       "you exercise."),
    "roller-sports-warmup",
    /* TRANSLATORS: a button that opens the routine "Foam roller warm-up for sport" */
    N_("Try the Roller Warm-Up") },
  { "technique-foot", N_("Foot Massage and Reflexology"),
    N_("Pressure and rubbing on the soles of the feet. Reflexology holds that points on the feet are linked to "
       "other parts of the body."),
    N_("Winding down when you feel tense or tired."),
    N_("A foot massage can feel soothing and help you relax. There is no good evidence that pressing the feet "
       "treats back pain, so Unknot offers it for relaxation only."),
    N_("Sit and roll a tennis ball slowly under each foot."),
    "ball-foot-roll",
    /* TRANSLATORS: a button that opens the routine "Tennis ball foot roll" */
    N_("Try the Foot Roll") },
  { NULL }
};

/* The ids are stored in GSettings; never change or reuse one. */
const UnknotLearnCheckItem unknot_learn_checklist[] = {
  { "goals", N_("Know What You Want"),
    N_("Relaxation, a stubborn tight spot, recovery from sport or an injury? Your goal tells you which style and "
       "which therapist to look for.") },
  { "qualifications", N_("Check Training and Licensing"),
    N_("Choose a therapist who is trained, and licensed or registered where you live. Membership of a professional "
       "body is a good sign.") },
  { "recommendations", N_("Ask Around and Read Reviews"),
    N_("Ask friends, family or your doctor who they trust, and read what other clients say.") },
  { "specialisation", N_("Look for the Right Specialty"),
    N_("Most therapists focus on a few styles. If your upper back has hurt for a long time, look for someone who "
       "works with that often.") },
  { "communication", N_("Feel Heard and at Ease"),
    N_("A good therapist asks about your health, explains what they will do and changes the pressure when you "
       "ask.") },
  { "location", N_("Pick a Place That Suits You"),
    N_("Somewhere close makes regular visits easier. The room should be clean, quiet and comfortable.") },
  { "prices", N_("Compare Services and Prices"),
    N_("Check how long a session lasts, what it includes and what it costs, and whether there are packages.") },
  { "instincts", N_("Trust Your Instincts"),
    N_("If something feels wrong, say so, or stop. It is fine to try a few therapists before you find the right "
       "one.") },
  { NULL }
};

const UnknotLearnQuestion unknot_learn_questions[] = {
  { "faq-how-often", N_("How often should I have a massage?"),
    N_("With a professional, once a week is a common start; once you feel better, every 2 to 4 weeks may be "
       "enough. Self-massage is best kept short and regular: a few minutes a day is fine.") },
  { "faq-who-should-not", N_("Who should not have a massage?"),
    N_("Keep massage away from a broken bone, a skin infection, an open wound, a burn or a rash. If you have a "
       "serious health condition, such as a bleeding disorder, a blood clot, cancer or osteoporosis, ask a "
       "clinician before you start.") },
  { "faq-self-massage", N_("Can I massage my own upper back?"),
    N_("Yes. Use your hands, a tennis ball against a wall, or a tool such as a foam roller or a massage cane. Press "
       "firmly enough to feel it, about 3 to 6 out of 10, never sharp. If it hurts, ease off; if the pain stays, "
       "stop.") },
  { "faq-long-term", N_("Will massage give me long-term relief?"),
    N_("On its own, massage usually helps for a while rather than for good. Relief tends to last longer when you "
       "also move often, stretch, take breaks from sitting and mind how you sit and stand. If the pain keeps coming "
       "back, see a clinician.") },
  { "faq-session-length", N_("How long should a session last?"),
    N_("A professional massage usually takes 30 to 60 minutes. Self-massage is shorter: 5 to 15 minutes is "
       "plenty, and that is how long most of Unknot’s routines take.") },
  { NULL }
};

/* Search */

static void
append_folded (GString    *text,
               const char *msgid)
{
  g_autofree char *folded = NULL;

  if (msgid == NULL)
    return;
  folded = g_utf8_casefold (_(msgid), -1);
  g_string_append (text, folded);
  g_string_append_c (text, '\n');
}

static gboolean
contains_all (const char  *haystack,
              char       **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
add_match (GPtrArray  *matches,
           const char *id,
           const char *title,
           const char *section_title)
{
  UnknotLearnMatch *match = g_new (UnknotLearnMatch, 1);

  match->id = id;
  match->title = _(title);
  match->section_title = _(section_title);
  g_ptr_array_add (matches, match);
}

/* A section's own text is its title, its introduction and its items; the
 * techniques and questions inside it are places of their own. */
static char *
section_text (const UnknotLearnSection *section)
{
  GString *text = g_string_new (NULL);

  append_folded (text, section->title);
  append_folded (text, section->intro);
  if (section->kind == UNKNOT_LEARN_SECTION_ITEMS)
    for (const UnknotLearnItem *item = section->items; item->title != NULL; item++)
      {
        append_folded (text, item->title);
        append_folded (text, item->body);
      }
  else if (section->kind == UNKNOT_LEARN_SECTION_CHECKLIST)
    for (const UnknotLearnCheckItem *item = unknot_learn_checklist; item->id != NULL; item++)
      {
        append_folded (text, item->title);
        append_folded (text, item->subtitle);
      }
  return g_string_free (text, FALSE);
}

GPtrArray *
unknot_learn_content_search (const char *text)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  gboolean any_word = FALSE;

  if (text == NULL)
    return matches;
  folded = g_utf8_casefold (text, -1);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    any_word |= *words[i] != '\0';
  if (!any_word)
    return matches;

  for (const UnknotLearnSection *section = unknot_learn_sections; section->id != NULL; section++)
    {
      g_autofree char *own = section_text (section);

      if (contains_all (own, words))
        add_match (matches, section->id, section->title, section->title);

      if (section->kind == UNKNOT_LEARN_SECTION_TECHNIQUES)
        for (const UnknotLearnTechnique *t = unknot_learn_techniques; t->id != NULL; t++)
          {
            GString *place = g_string_new (NULL);
            g_autofree char *joined = NULL;

            append_folded (place, t->name);
            append_folded (place, t->how);
            append_folded (place, t->suits);
            append_folded (place, t->may);
            append_folded (place, t->at_home);
            joined = g_string_free (place, FALSE);
            if (contains_all (joined, words))
              add_match (matches, t->id, t->name, section->title);
          }
      else if (section->kind == UNKNOT_LEARN_SECTION_QUESTIONS)
        for (const UnknotLearnQuestion *q = unknot_learn_questions; q->id != NULL; q++)
          {
            GString *place = g_string_new (NULL);
            g_autofree char *joined = NULL;

            append_folded (place, q->question);
            append_folded (place, q->answer);
            joined = g_string_free (place, FALSE);
            if (contains_all (joined, words))
              add_match (matches, q->id, q->question, section->title);
          }
    }
  return matches;
}

gboolean
unknot_learn_content_has_place (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (const UnknotLearnSection *s = unknot_learn_sections; s->id != NULL; s++)
    if (g_str_equal (s->id, id))
      return TRUE;
  for (const UnknotLearnTechnique *t = unknot_learn_techniques; t->id != NULL; t++)
    if (g_str_equal (t->id, id))
      return TRUE;
  for (const UnknotLearnQuestion *q = unknot_learn_questions; q->id != NULL; q++)
    if (g_str_equal (q->id, id))
      return TRUE;
  return FALSE;
}
