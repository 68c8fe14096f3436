/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-clock.h"
#include "learn/unknot-learn-page.h"
#include "pain/unknot-insights-page.h"
#include "pain/unknot-log-page.h"
#include "today/unknot-today-page.h"
#include "unknot-library-page.h"
#include "unknot-reminder-status.h"
#include "unknot-routine-page.h"
#include "unknot-session-view.h"
#include "unknot-store.h"
#include "unknot-window.h"

G_BEGIN_DECLS

struct _UnknotWindow
{
  AdwApplicationWindow  parent_instance;
  UnknotRoutineLibrary *library;
  GSettings            *settings;
  char                 *pending_delete; /* token of a delete that can still be undone */
  AdwToast             *delete_toast;
  guint                 undo_timeout;   /* seconds an Undo toast stays; 0 = until dismissed (tests) */

  UnknotClock          *clock;
  UnknotStore          *store;          /* NULL: sessions are not recorded */
  UnknotSessionView    *session_view;   /* NULL until the first session */
  GHashTable           *problems_told;  /* messages already shown once */
  UnknotReminderStatus *reminders;      /* NULL without settings or a bus */
  GMenu                *reminder_menu;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *views;          /* today, routines, log, insights, learn */
  AdwViewSwitcherBar   *switcher_bar;
  UnknotTodayPage      *today_page;
  /* The other views are built when first shown (unknot-window.c), into: */
  AdwBin               *routines_bin;
  AdwBin               *log_bin;
  AdwBin               *insights_bin;
  AdwBin               *learn_bin;
  UnknotLogPage        *log_page;       /* each NULL until built */
  UnknotInsightsPage   *insights_page;
  UnknotLearnPage      *learn_page;
  /* From unknot-window-routines.ui; all NULL until the Routines view is built. */
  AdwLeaflet           *leaflet;
  UnknotLibraryPage    *library_page;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *routine_menu_button;
  GtkStack             *content_stack;
  UnknotRoutinePage    *routine_page; /* NULL until a routine is first shown */
};

/* The routine on the routine page, or NULL. */
UnknotRoutine *unknot_window_get_shown_routine (UnknotWindow *self);

/* unknot-window-actions.c: import, export and delete with undo. */
void unknot_window_class_add_routine_actions (GtkWidgetClass *widget_class);
void unknot_window_finish_pending_delete     (UnknotWindow   *self);
void unknot_window_update_routine_actions    (UnknotWindow   *self);
void unknot_window_import_file               (UnknotWindow   *self,
                                              GFile          *file);
void unknot_window_toast                     (UnknotWindow   *self,
                                              const char     *message);

/* Sessions run on @clock (tests pass a fake one) and are recorded in
 * @store when it is not NULL. */
void unknot_window_set_session_services (UnknotWindow *self,
                                         UnknotClock  *clock,
                                         UnknotStore  *store);

/* The clock sessions and "today" follow: the one set above, else a real
 * one made on first use. */
UnknotClock *unknot_window_get_clock (UnknotWindow *self);

/* The history database, opened on first use through the application;
 * NULL when there is no UnknotApplication and no store was set (tests). */
UnknotStore *unknot_window_get_store (UnknotWindow *self);

/* For a view that reads the pain log of its window's store: sets *@store
 * to that store (NULL outside an UnknotWindow, or without a store) and
 * connects @changed (called as @changed (@view)) to every change of its
 * UnknotPainLog, moving the connection when the store changes.  Call it
 * before each read; returns *@store. */
UnknotStore *unknot_window_follow_pain_log   (GtkWidget    *view,
                                              UnknotStore **store,
                                              GCallback     changed);
/* Stops that, and clears *@store (for dispose). */
void         unknot_window_unfollow_pain_log (GtkWidget    *view,
                                              UnknotStore **store);

/* For tests: the widgets a user looks at. */
UnknotReminderStatus *unknot_window_get_reminder_status (UnknotWindow *self);
UnknotSessionView *unknot_window_get_session_view (UnknotWindow *self);
UnknotLibraryPage *unknot_window_get_library_page (UnknotWindow *self);
UnknotTodayPage   *unknot_window_get_today_page   (UnknotWindow *self);
UnknotRoutinePage *unknot_window_get_routine_page (UnknotWindow *self);
AdwLeaflet        *unknot_window_get_leaflet      (UnknotWindow *self);

/* Builds the Routines view if it was not shown yet (the library page, the
 * leaflet and the routine page live there). */
void               unknot_window_ensure_routines_view (UnknotWindow *self);

G_END_DECLS
