/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-store.h"

G_BEGIN_DECLS

/* Whether @error from unknot_store_open_finish() means the file is there
 * but cannot be used (damaged, not a database, or from a newer Unknot):
 * the cases unknot_broken_store_present() is for. */
gboolean   unknot_broken_store_error_matches (const GError *error);

/* Tells the user what happened to their history and where the file is, and
 * offers "Move Aside and Start Fresh" (the file is renamed, never deleted
 * or overwritten, and the new name is shown), "Continue Without Saving" and
 * "Quit" (app.quit).  Returns the dialog, already presented. */
GtkWidget *unknot_broken_store_present       (GtkWindow    *parent,
                                              UnknotStore  *store,
                                              const GError *error);

G_END_DECLS
