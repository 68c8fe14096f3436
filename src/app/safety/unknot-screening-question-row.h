/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  UNKNOT_ANSWER_NONE,
  UNKNOT_ANSWER_NO,
  UNKNOT_ANSWER_YES,
} UnknotAnswer;

#define UNKNOT_TYPE_SCREENING_QUESTION_ROW (unknot_screening_question_row_get_type ())
G_DECLARE_FINAL_TYPE (UnknotScreeningQuestionRow, unknot_screening_question_row, UNKNOT, SCREENING_QUESTION_ROW, GtkListBoxRow)

/* One question of the safety check (its index in unknot-screening.h) with
 * a Yes/No choice; a "yes" reveals what it means. */
GtkWidget    *unknot_screening_question_row_new        (guint                    index);
guint         unknot_screening_question_row_get_index  (UnknotScreeningQuestionRow *self);
UnknotAnswer  unknot_screening_question_row_get_answer (UnknotScreeningQuestionRow *self);
void          unknot_screening_question_row_set_answer (UnknotScreeningQuestionRow *self,
                                                    UnknotAnswer             answer);
/* For tests: the Yes or No button, the explanation shown on "yes". */
GtkCheckButton *unknot_screening_question_row_get_button      (UnknotScreeningQuestionRow *self,
                                                           UnknotAnswer             answer);
GtkLabel       *unknot_screening_question_row_get_explanation (UnknotScreeningQuestionRow *self);

G_END_DECLS
