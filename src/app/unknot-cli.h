/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command-line options that do their work and exit without a window. */
void unknot_cli_add_options     (GApplication *app);
/* Returns an exit status, or -1 when the options ask for the window. */
int  unknot_cli_handle_options  (GVariantDict *options);
/* Whether --start-routine's id names a routine, checked before any window. */
gboolean unknot_cli_routine_exists (const char *id);

G_END_DECLS
