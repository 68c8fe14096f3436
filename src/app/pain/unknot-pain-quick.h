/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_QUICK (unknot_pain_quick_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainQuick, unknot_pain_quick, UNKNOT, PAIN_QUICK, GtkWidget)

/* A one-tap pain rating for before and after a session: a question,
 * eleven buttons 0–10 with the anchor words under the ends, and Skip.
 * Signals: "rated" (int value), "skipped".  Once answered it shows
 * whatever unknot_pain_quick_set_result() says, until reset. */
void unknot_pain_quick_set_prompt (UnknotPainQuick *self,
                                   const char      *prompt);
void unknot_pain_quick_set_result (UnknotPainQuick *self,
                                   const char      *result);
void unknot_pain_quick_reset      (UnknotPainQuick *self);
/* The button of @value, for tests. */
GtkWidget *unknot_pain_quick_get_button (UnknotPainQuick *self,
                                         int              value);

G_END_DECLS
