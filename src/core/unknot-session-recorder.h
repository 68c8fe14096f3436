/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-session.h"
#include "unknot-store.h"

G_BEGIN_DECLS

/* Keeps the history's record of one session as it runs: its row from the
 * moment it starts, a row for each step it reaches with how that step
 * ended, how the session ended, and a safety event when the user said it
 * did not feel right.  Every write is queued on the store's worker; nothing
 * waits for it.  What happens before the session's row exists is kept and
 * written once it does.  A failed write is logged, and the session runs on.
 *
 * Create it before unknot_session_start(), so the first step is seen.  It
 * keeps itself alive until the store has answered. */
#define UNKNOT_TYPE_SESSION_RECORDER (unknot_session_recorder_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSessionRecorder, unknot_session_recorder, UNKNOT, SESSION_RECORDER, GObject)

UnknotSessionRecorder *unknot_session_recorder_new            (UnknotStore           *store,
                                                               UnknotSession         *session);
/* The session's row in the store ("session-id", notified once it is
 * known), or 0 until then, or if it could not be saved. */
gint64                 unknot_session_recorder_get_session_id (UnknotSessionRecorder *self);

G_END_DECLS
