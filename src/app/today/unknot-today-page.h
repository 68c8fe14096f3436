/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-reminder-status.h"
#include "unknot-routine-library.h"

G_BEGIN_DECLS

/* The window's first view: what to do now and why.  The suggested routine
 * (or "When to get help" after a recent safety stop), the next posture
 * break with a switch for reminders, today's sessions and breaks, the last
 * pain entry and the week's trend, and a Log Pain button.
 *
 * Nothing is read on the way to the first frame: the history comes from
 * the window's store with async queries once the window has painted, and
 * again whenever the view is shown or the pain log changes. */
#define UNKNOT_TYPE_TODAY_PAGE (unknot_today_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotTodayPage, unknot_today_page, UNKNOT, TODAY_PAGE, GtkBox)

/* What the page shows; any may be NULL (tests, no installed schema). */
void        unknot_today_page_set_library          (UnknotTodayPage      *self,
                                                    UnknotRoutineLibrary *library);
void        unknot_today_page_set_settings         (UnknotTodayPage      *self,
                                                    GSettings            *settings);
void        unknot_today_page_set_reminder_status  (UnknotTodayPage      *self,
                                                    UnknotReminderStatus *reminders);
/* Reads the history again (the window's store may have changed). */
void        unknot_today_page_reload               (UnknotTodayPage      *self);
gboolean    unknot_today_page_is_loading           (UnknotTodayPage      *self);

G_END_DECLS
