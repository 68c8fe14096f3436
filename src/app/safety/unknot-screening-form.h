/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-screening-question-row.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SCREENING_FORM (unknot_screening_form_get_type ())
G_DECLARE_FINAL_TYPE (UnknotScreeningForm, unknot_screening_form, UNKNOT, SCREENING_FORM, GtkBox)

/* The safety check's questions, what the answers mean and when to get help:
 * the Safety Check window and the welcome tour both show this. */

/* Shows the answers kept in @settings (screening-answers) and keeps every
 * change there at once, with screening-status "answered" and
 * screening-answered-at.  NULL: answers are shown but not kept. */
void                        unknot_screening_form_set_settings (UnknotScreeningForm *self,
                                                                GSettings           *settings);
/* The title above the questions, for focus to start at. */
GtkWidget                  *unknot_screening_form_get_heading  (UnknotScreeningForm *self);
/* For tests: the question with @id, the summary text. */
UnknotScreeningQuestionRow *unknot_screening_form_get_question (UnknotScreeningForm *self,
                                                                const char          *id);
const char                 *unknot_screening_form_get_summary  (UnknotScreeningForm *self);

G_END_DECLS
