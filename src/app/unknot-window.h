/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-routine-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_WINDOW (unknot_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotWindow, unknot_window, UNKNOT, WINDOW, AdwApplicationWindow)

/* @app and @settings may be NULL (tests, or no installed schema). */
UnknotWindow *unknot_window_new          (GtkApplication       *app,
                                          UnknotRoutineLibrary *library,
                                          GSettings            *settings);
void          unknot_window_show_routine (UnknotWindow         *self,
                                          UnknotRoutine        *routine);
/* Opens the session view on @routine, unless a session is already running
 * (then that one stays on screen). */
void          unknot_window_start_routine (UnknotWindow        *self,
                                           UnknotRoutine       *routine);

G_END_DECLS
