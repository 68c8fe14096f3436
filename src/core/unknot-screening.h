/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

/* The safety check: the questions CONTENT.md asks on the first run, and
 * what each "yes" means for the routines.  Answers are passed around as the
 * ids answered "yes" (a NULL-terminated array; NULL means none). */

typedef enum {
  UNKNOT_SCREENING_TAKE_CARE, /* the routine can be done, with the care the note says */
  UNKNOT_SCREENING_ASK_FIRST, /* a clinician should say it is safe first */
} UnknotScreeningLevel;

guint                unknot_screening_get_n_questions          (void);
/* -1 when @id is not a question's id. */
int                  unknot_screening_lookup                   (const char         *id);
const char          *unknot_screening_question_get_id          (guint               index);
const char          *unknot_screening_question_get_text        (guint               index);
const char          *unknot_screening_question_get_explanation (guint               index);
UnknotScreeningLevel unknot_screening_question_get_level       (guint               index);
/* The areas a "yes" makes risky, or NULL when it concerns every routine. */
const char * const  *unknot_screening_question_get_areas       (guint               index);

/* The ids answered TRUE in @answers (GSettings' screening-answers, a{sb}),
 * in question order; unknown ids are dropped. */
char               **unknot_screening_yes_from_variant         (GVariant           *answers);

/* Whether a "yes" in @yes means no self-massage at all before a clinician
 * has been asked. */
gboolean             unknot_screening_advises_against_all      (const char * const *yes);
gboolean             unknot_screening_area_is_risky            (const char * const *yes,
                                                                const char         *area);
/* The risky areas in unknot_areas order. */
char               **unknot_screening_dup_risky_areas          (const char * const *yes);

/* What to tell the user before a routine on @areas: NULL when no answer
 * concerns it, else one sentence per answer that does; @level says how
 * strongly (may be NULL). */
char                *unknot_screening_dup_note_for_areas       (const char * const  *yes,
                                                                const char * const  *areas,
                                                                UnknotScreeningLevel *level);
char                *unknot_screening_dup_note                 (const char * const  *yes,
                                                                UnknotRoutine        *routine,
                                                                UnknotScreeningLevel *level);
/* A heading for a note ("Ask a clinician first") and a short tag for a list
 * row ("Ask first"). */
const char          *unknot_screening_level_get_title          (UnknotScreeningLevel level);
const char          *unknot_screening_level_get_tag            (UnknotScreeningLevel level);

/* The summary under the questions. @n_answered counts yes and no. */
char                *unknot_screening_dup_summary              (const char * const *yes,
                                                                guint               n_answered);

G_END_DECLS
