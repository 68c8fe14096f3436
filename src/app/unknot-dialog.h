/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One dialog of a kind per parent window (the safety check, the welcome
 * tour): @key (a static string) names the kind. */

/* The dialog attached to @parent under @key, or NULL. */
GtkWindow *unknot_dialog_get_for_parent (GtkWindow  *parent,
                                         const char *key);
/* Makes @dialog transient for @parent, destroyed with it and part of its
 * application (so its shortcuts work there and quitting closes it
 * properly), and remembers it under @key until it is destroyed. */
void       unknot_dialog_attach         (GtkWindow  *dialog,
                                         GtkWindow  *parent,
                                         const char *key);

/* For a dialog shown on the first run: calls @show (@parent, @settings)
 * after @parent's first frame (the window) and its second (what it shows),
 * when nothing more pressing is left, so the dialog never delays the
 * window; a parent that paints only once gets it half a second later.
 * @show checks again whether it is still wanted.  Does nothing if one is
 * already pending under @key (a static string). */
typedef void (*UnknotFirstRunFunc) (GtkWindow *parent,
                                    GSettings *settings);
void       unknot_dialog_show_after_first_frames (GtkWindow          *parent,
                                                  const char         *key,
                                                  UnknotFirstRunFunc  show,
                                                  GSettings          *settings);

G_END_DECLS
