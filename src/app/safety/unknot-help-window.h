/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "When to Get Help": a modal window with a header of its own, so it can be
 * read over a running session. */
#define UNKNOT_TYPE_HELP_WINDOW (unknot_help_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHelpWindow, unknot_help_window, UNKNOT, HELP_WINDOW, AdwWindow)

/* Presents the help window of @parent, opening it if it is not open yet. */
UnknotHelpWindow *unknot_help_window_present_for (GtkWindow *parent);

G_END_DECLS
