/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pain/unknot-body-map.h"

G_BEGIN_DECLS

/* What the welcome tour asks and Preferences keeps, built once for both so
 * they always agree: the tools at hand, where it usually hurts, and the
 * reminders' active hours and days.  Every widget here writes its setting
 * at once and follows it when it changes elsewhere. */

/* An AdwPreferencesGroup "Tools at Hand": a check row per tool, bound to
 * "tools-at-hand", and "None — only my hands", ticked exactly when no tool
 * is (ticking it unticks the tools). */
GtkWidget  *unknot_setup_tools_group_new     (GSettings     *settings);

/* Binds @map's regions to "usual-pain-regions", both ways. */
void        unknot_setup_bind_body_map       (UnknotBodyMap *map,
                                              GSettings     *settings);

/* Half hours of the day ("09:00", "09:30" …) for an AdwComboRow bound to
 * "reminder-active-start" or "reminder-active-end" (@key). */
void        unknot_setup_bind_active_time    (AdwComboRow   *row,
                                              GSettings     *settings,
                                              const char    *key);

/* Seven toggles, Monday first, appended to @box and bound to
 * "reminder-active-days". */
void        unknot_setup_add_day_buttons     (GtkBox        *box,
                                              GSettings     *settings);

/* Preferences' "Your Setup" page: the tools (with the library's switch to
 * hide the routines needing others) and where it usually hurts. */
GtkWidget  *unknot_setup_page_new            (GSettings     *settings);

G_END_DECLS
