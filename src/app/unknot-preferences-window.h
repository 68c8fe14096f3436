/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-routine-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PREFERENCES_WINDOW (unknot_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPreferencesWindow, unknot_preferences_window, UNKNOT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings may be NULL: the page is shown, but changes are not kept;
 * @library offers the routines a reminder can start. */
GtkWidget *unknot_preferences_window_new (GSettings            *settings,
                                          UnknotRoutineLibrary *library);


G_END_DECLS
