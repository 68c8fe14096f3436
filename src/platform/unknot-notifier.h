/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The break reminder as a desktop notification, through libnotify.
 *
 * With a server that advertises "actions": buttons Start routine, Snooze and
 * Skip; without: a plain notification whose default action opens the app.
 * Title and body are the caller's; never a pain value.  The app icon, the
 * desktop-entry hint and the category "x-unknot.reminder" are set.  A new
 * reminder replaces the one shown (same notification), never stacks.
 *
 * notify_notification_show() blocks until the server answers, so showing
 * and closing happen on a worker thread: a missing or hung server never
 * stalls the caller.  Errors are reported once through "problem". */
#define UNKNOT_TYPE_NOTIFIER (unknot_notifier_get_type ())
G_DECLARE_FINAL_TYPE (UnknotNotifier, unknot_notifier, UNKNOT, NOTIFIER, GObject)

UnknotNotifier *unknot_notifier_new       (void);
void            unknot_notifier_show      (UnknotNotifier *self,
                                           const char     *title,
                                           const char     *body,
                                           const char     *start_label); /* e.g. "Start 2-minute routine" */
void            unknot_notifier_withdraw  (UnknotNotifier *self);
/* The server's capabilities include "actions" (asked once, asked again
 * when the server restarts). */
gboolean        unknot_notifier_has_actions (UnknotNotifier *self);

/* Whether banners may be shown now: FALSE while GNOME's Do Not Disturb is
 * on (org.gnome.desktop.notifications show-banners false), TRUE where that
 * schema does not exist.  Property "banners-allowed", notifies on change. */
gboolean        unknot_notifier_get_banners_allowed (UnknotNotifier *self);

/* Signals:
 *   "action" (const char *name): "start", "snooze", "skip", "default"
 *     (the notification itself was clicked), or "dismissed" (closed by the
 *     user without choosing); on the main context.
 *   "problem" (const char *message): once per kind of failure. */

G_END_DECLS
