/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-screening-question-row.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SCREENING_WINDOW (unknot_screening_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotScreeningWindow, unknot_screening_window, UNKNOT, SCREENING_WINDOW, AdwWindow)

/* The safety check, kept in @settings (screening-answers, -status and
 * -answered-at) as it is answered.  @settings may be NULL: the answers are
 * then shown but not kept. */
UnknotScreeningWindow   *unknot_screening_window_new          (GSettings             *settings);

/* Shows the safety check over @parent, modal; one at a time per parent. */
UnknotScreeningWindow   *unknot_screening_window_present      (GtkWindow             *parent,
                                                               GSettings             *settings);

/* On a first run (screening-status "not-shown"), shows the safety check
 * over @parent once @parent has painted, so it never delays the first
 * frame.  Whether it is answered or closed, it is not shown by itself
 * again. */
void                     unknot_screening_maybe_show_first_run (GtkWindow            *parent,
                                                                GSettings            *settings);

/* The check on screen over @parent, or NULL. */
UnknotScreeningWindow   *unknot_screening_window_get_for_parent (GtkWindow           *parent);

/* For tests: the question with @id, the summary text. */
UnknotScreeningQuestionRow *unknot_screening_window_get_question (UnknotScreeningWindow *self,
                                                               const char            *id);
const char              *unknot_screening_window_get_summary  (UnknotScreeningWindow *self);

G_END_DECLS
