/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Tells a running session when the user has stepped away without pressing
 * pause: the computer is about to sleep (logind's PrepareForSleep) or the
 * screen was locked (the screensaver's ActiveChanged).  Either bus may be
 * missing; then that half simply never fires. */
#define UNKNOT_TYPE_SESSION_GUARD (unknot_session_guard_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSessionGuard, unknot_session_guard, UNKNOT, SESSION_GUARD, GObject)

/* NULL buses mean the system and session buses, looked up without blocking
 * on a missing one. */
UnknotSessionGuard *unknot_session_guard_new (GDBusConnection *session_bus,
                                              GDBusConnection *system_bus);

/* Signals:
 *   "away" (const char *why): "sleep" or "lock" (logind PrepareForSleep
 *     true, the screensaver's ActiveChanged true).
 *   "back" (const char *why): "sleep" or "lock" again, when the computer
 *     has woken up (PrepareForSleep false) or the screen was unlocked
 *     (ActiveChanged false). */

G_END_DECLS
