/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-clock.h"
#include "unknot-session.h"
#include "unknot-store.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SESSION_VIEW (unknot_session_view_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSessionView, unknot_session_view, UNKNOT, SESSION_VIEW, GtkWidget)

/* Follows a routine: get ready, each step with its picture and countdown,
 * cues by ear, then a summary, or the safety page after "this doesn't feel
 * right".  @settings and @store may be NULL (defaults; nothing recorded).
 *
 * Signals: "closed" when the user leaves the summary; "problem" (message)
 * for something the user should hear about once, such as no sound. */
UnknotSessionView *unknot_session_view_new         (UnknotClock       *clock,
                                                    GSettings         *settings,
                                                    UnknotStore       *store);
void               unknot_session_view_start       (UnknotSessionView *self,
                                                    UnknotRoutine     *routine);
UnknotSession     *unknot_session_view_get_session (UnknotSessionView *self);
/* Running or paused: leaving would lose it. */
gboolean           unknot_session_view_is_active   (UnknotSessionView *self);
/* Ends an active session without asking, as @reason. */
void               unknot_session_view_end         (UnknotSessionView *self,
                                                    UnknotStopReason   reason);

G_END_DECLS
