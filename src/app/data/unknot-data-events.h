/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-store.h"

G_BEGIN_DECLS

/* The store has no signal of its own for "the history changed", so the
 * views that show it (Insights, the Pain Log) would not know when an import,
 * a restore or "Delete All My Data" replaced what they show.  This is that
 * signal, kept beside the store: whoever changes the history wholesale
 * calls unknot_data_events_emit_changed(); views connect with
 * unknot_data_events_connect_changed() and reload.
 *
 * The callback is void (*) (gpointer user_data), called on the main
 * context; the handler goes away with @object. */
void   unknot_data_events_emit_changed    (UnknotStore *store);
gulong unknot_data_events_connect_changed (UnknotStore *store,
                                           GCallback    callback,
                                           gpointer     object);
void   unknot_data_events_disconnect      (UnknotStore *store,
                                           gulong       handler_id);

G_END_DECLS
