/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-library-page.h"
#include "unknot-routine-page.h"
#include "unknot-window.h"

G_BEGIN_DECLS

struct _UnknotWindow
{
  AdwApplicationWindow  parent_instance;
  UnknotRoutineLibrary *library;
  GSettings            *settings;
  char                 *pending_delete; /* token of a delete that can still be undone */
  AdwToast             *delete_toast;

  AdwToastOverlay      *toast_overlay;
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

/* For tests: the widgets a user looks at. */
UnknotLibraryPage *unknot_window_get_library_page (UnknotWindow *self);
UnknotRoutinePage *unknot_window_get_routine_page (UnknotWindow *self);
AdwLeaflet        *unknot_window_get_leaflet      (UnknotWindow *self);

G_END_DECLS
