/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  UNKNOT_IDLE_BACKEND_NONE,        /* nothing answers: reminders run on plain time */
  UNKNOT_IDLE_BACKEND_MUTTER,      /* org.gnome.Mutter.IdleMonitor watches */
  UNKNOT_IDLE_BACKEND_SCREENSAVER, /* org.freedesktop.ScreenSaver */
} UnknotIdleBackend;

/* Tells when the user has been idle for a threshold and when they are back,
 * event-driven: Mutter's IdleMonitor idle and user-active watches first,
 * else the freedesktop ScreenSaver (its ActiveChanged, and GetSessionIdleTime
 * when asked), else none.  No polling: between those events it costs
 * nothing. */
#define UNKNOT_TYPE_IDLE_MONITOR (unknot_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (UnknotIdleMonitor, unknot_idle_monitor, UNKNOT, IDLE_MONITOR, GObject)

/* @bus NULL means the session bus.  The backend is found asynchronously;
 * "notify::backend" says when it is known. */
UnknotIdleMonitor *unknot_idle_monitor_new           (GDBusConnection   *bus,
                                                      guint              threshold_ms);
void               unknot_idle_monitor_set_threshold (UnknotIdleMonitor *self,
                                                      guint              threshold_ms);
UnknotIdleBackend  unknot_idle_monitor_get_backend   (UnknotIdleMonitor *self);
const char        *unknot_idle_backend_to_string     (UnknotIdleBackend  backend); /* "none", "mutter", "screensaver" */

/* Signals:
 *   "idle" (guint64 idle_ms): idle for at least the threshold; idle_ms is how
 *     long, so the caller knows when it began.
 *   "active" (): the user is back after an "idle". */

G_END_DECLS
