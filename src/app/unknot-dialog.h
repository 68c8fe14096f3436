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

G_END_DECLS
