/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The welcome tour: four short pages, each kept in @settings as it is
 * answered and each skippable: the safety check (its questions, as the
 * safety check window asks them), the tools at hand, where it usually
 * hurts, and posture-break reminders with their hours and days.  Closing it
 * at any page (Skip, Escape, Done) sets "onboarding-done", so it comes by
 * itself only once; a safety check closed unanswered counts as skipped,
 * as in its own window. */
#define UNKNOT_TYPE_ONBOARDING_WINDOW (unknot_onboarding_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotOnboardingWindow, unknot_onboarding_window, UNKNOT, ONBOARDING_WINDOW, AdwWindow)

UnknotOnboardingWindow *unknot_onboarding_window_new            (GSettings              *settings);

/* Shows the tour over @parent, modal, from its first page; one at a time
 * per parent. */
UnknotOnboardingWindow *unknot_onboarding_window_present        (GtkWindow              *parent,
                                                                 GSettings              *settings);
/* The tour on screen over @parent, or NULL. */
UnknotOnboardingWindow *unknot_onboarding_window_get_for_parent (GtkWindow              *parent);

/* On a first run ("onboarding-done" false) shows the tour over @parent once
 * @parent has painted, so it never delays the first frame, and returns
 * TRUE; FALSE (nothing to do) otherwise. */
gboolean                unknot_onboarding_maybe_show_first_run  (GtkWindow              *parent,
                                                                 GSettings              *settings);

/* "safety", "tools", "regions" or "reminders". */
const char             *unknot_onboarding_window_get_page       (UnknotOnboardingWindow *self);

G_END_DECLS
