/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-suggest.h"

G_BEGIN_DECLS

/* Today's suggested routine: a choice of time (2, 5, 10 or 15 minutes),
 * the best suggestion with its one-line reason and a Start button
 * (win.start-routine), and two alternatives as rows.  In the ask-a-clinician
 * state it says so instead; the red-flag state is the page's to show, with
 * this card hidden.
 *
 * Property "minutes" (int): the time chosen; 0 while none of the choices
 * is (a time set elsewhere). */
#define UNKNOT_TYPE_TODAY_SUGGESTIONS (unknot_today_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (UnknotTodaySuggestions, unknot_today_suggestions, UNKNOT, TODAY_SUGGESTIONS, GtkBox)

#define UNKNOT_TODAY_N_ALTERNATIVES 2

int         unknot_today_suggestions_get_minutes  (UnknotTodaySuggestions    *self);
void        unknot_today_suggestions_set_minutes  (UnknotTodaySuggestions    *self,
                                                   int                        minutes);
/* Shows @result (SUGGESTIONS or ASK_CLINICIAN). */
void        unknot_today_suggestions_show_result  (UnknotTodaySuggestions    *self,
                                                   const UnknotSuggestResult *result);
void        unknot_today_suggestions_show_loading (UnknotTodaySuggestions    *self);
/* "loading", "suggestions", "ask-clinician" or "empty". */
const char *unknot_today_suggestions_get_state    (UnknotTodaySuggestions    *self);
/* The id of the routine Start starts, or NULL. */
const char *unknot_today_suggestions_get_top_id   (UnknotTodaySuggestions    *self);

G_END_DECLS
