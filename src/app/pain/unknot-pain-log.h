/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-store.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_LOG (unknot_pain_log_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainLog, unknot_pain_log, UNKNOT, PAIN_LOG, GObject)

/* The pain log as the app's views share it: the store's write calls, and
 * signals when they succeed, so every view showing entries (the history,
 * the charts) hears about a change another view made.  UnknotStore itself
 * has no change signals.
 *
 * Signals:
 *   "entry-added"   (UnknotPainEntry *entry)   new, or back after an undo
 *   "entry-changed" (UnknotPainEntry *entry)   saved over the entry with its id
 *   "entry-removed" (gint64 id)
 *   "reset"         ()                         anything else: an import, a
 *                                              restored backup, all deleted;
 *                                              read everything again
 */

/* The one log of @store, made on first use; it lives as long as @store. */
UnknotPainLog   *unknot_pain_log_get          (UnknotStore            *store);
UnknotStore     *unknot_pain_log_get_store    (UnknotPainLog          *self);

/* Adds @entry when its id is 0, else saves over the entry with its id.
 * Finish returns the entry as saved (a new reference). */
void             unknot_pain_log_save_async    (UnknotPainLog         *self,
                                                const UnknotPainEntry *entry,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
UnknotPainEntry *unknot_pain_log_save_finish   (UnknotPainLog         *self,
                                                GAsyncResult          *result,
                                                GError               **error);

/* Finish returns the entry as it was, for unknot_pain_log_restore_async(). */
void             unknot_pain_log_delete_async  (UnknotPainLog         *self,
                                                gint64                 id,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
UnknotPainEntry *unknot_pain_log_delete_finish (UnknotPainLog         *self,
                                                GAsyncResult          *result,
                                                GError               **error);

/* Puts a deleted entry back under its own id. */
void             unknot_pain_log_restore_async  (UnknotPainLog         *self,
                                                 const UnknotPainEntry *entry,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean         unknot_pain_log_restore_finish (UnknotPainLog         *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);

/* For whoever changed the log some other way (CSV import, restoring a
 * backup, deleting all data): every view reads it again. */
void             unknot_pain_log_emit_reset    (UnknotPainLog          *self);

G_END_DECLS
