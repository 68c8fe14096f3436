/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Every top-level view (Routines, Pain Log, Insights, Learn) has its own
 * AdwHeaderBar whose title widget is an AdwViewSwitcherTitle and whose
 * first end child is an empty GtkMenuButton (see ui/unknot-learn-page.ui).
 *
 * unknot_view_header_setup() makes @switcher_title follow the AdwViewStack
 * it lives in (found when it is realized), reveals the window's bottom
 * switcher bar (win.show-switcher-bar) while the title is too narrow for
 * the switcher, and turns @menu_button into the main menu. */
void unknot_view_header_setup (AdwViewSwitcherTitle *switcher_title,
                               GtkMenuButton        *menu_button);

G_END_DECLS
