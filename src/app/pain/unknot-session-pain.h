/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-clock.h"
#include "unknot-pain-quick.h"
#include "unknot-session.h"
#include "unknot-store.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SESSION_PAIN (unknot_session_pain_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSessionPain, unknot_session_pain, UNKNOT, SESSION_PAIN, GObject)

/* The "Pain now?" before and after a session, for the session view: shows
 * @before while the session gets ready (and through its first step, until
 * answered or skipped) and @after on the summary; saves each rating as a
 * pain entry linked to the session's row, phase before or after, once the
 * row exists; after both, says how they compare.  Without a @store both
 * stay hidden. */
UnknotSessionPain *unknot_session_pain_new            (UnknotStore       *store,
                                                       UnknotClock       *clock,
                                                       UnknotPainQuick   *before,
                                                       UnknotPainQuick   *after);
/* A new session: both questions asked afresh. */
void               unknot_session_pain_start          (UnknotSessionPain *self,
                                                       UnknotSession     *session);
/* The session's row in the store, once it is saved (0: it never will be). */
void               unknot_session_pain_set_session_id (UnknotSessionPain *self,
                                                       gint64             session_id);
/* The session moved on (a segment or its state changed). */
void               unknot_session_pain_update         (UnknotSessionPain *self);

G_END_DECLS
