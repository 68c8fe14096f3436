/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include "unknot-pain-log.h"

#define DATA_KEY "unknot-pain-log"

struct _UnknotPainLog
{
  GObject      parent_instance;
  UnknotStore *store; /* not a reference: the store owns us */
};

G_DEFINE_FINAL_TYPE (UnknotPainLog, unknot_pain_log, G_TYPE_OBJECT)

enum {
  ENTRY_ADDED,
  ENTRY_CHANGED,
  ENTRY_REMOVED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unknot_pain_log_class_init (UnknotPainLogClass *klass)
{
  signals[ENTRY_ADDED] = g_signal_new ("entry-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       UNKNOT_TYPE_PAIN_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[ENTRY_CHANGED] = g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         UNKNOT_TYPE_PAIN_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[ENTRY_REMOVED] = g_signal_new ("entry-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
unknot_pain_log_init (UnknotPainLog *self)
{
}

UnknotPainLog *
unknot_pain_log_get (UnknotStore *store)
{
  UnknotPainLog *self;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), DATA_KEY);
  if (self == NULL)
    {
      self = g_object_new (UNKNOT_TYPE_PAIN_LOG, NULL);
      self->store = store;
      g_object_set_data_full (G_OBJECT (store), DATA_KEY, self, g_object_unref);
    }
  return self;
}

UnknotStore *
unknot_pain_log_get_store (UnknotPainLog *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_LOG (self), NULL);

  return self->store;
}

/* Save */

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotPainLog *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  UnknotPainEntry *saved = unknot_store_add_pain_entry_finish (UNKNOT_STORE (source), result, &error);

  if (saved == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, signals[ENTRY_ADDED], 0, saved);
  g_task_return_pointer (task, saved, (GDestroyNotify) unknot_pain_entry_unref);
}

static void
updated_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotPainLog *self = g_task_get_source_object (task);
  UnknotPainEntry *entry = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!unknot_store_update_pain_entry_finish (UNKNOT_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, entry);
  g_task_return_pointer (task, unknot_pain_entry_ref (entry), (GDestroyNotify) unknot_pain_entry_unref);
}

void
unknot_pain_log_save_async (UnknotPainLog         *self,
                            const UnknotPainEntry *entry,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_PAIN_LOG (self));
  g_return_if_fail (entry != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_pain_log_save_async);
  /* Our own copy: the caller may go on editing theirs. */
  g_task_set_task_data (task, unknot_pain_entry_copy (entry), (GDestroyNotify) unknot_pain_entry_unref);
  if (entry->id == 0)
    unknot_store_add_pain_entry_async (self->store, entry, cancellable, added_cb, task);
  else
    unknot_store_update_pain_entry_async (self->store, g_task_get_task_data (task), cancellable, updated_cb, task);
}

UnknotPainEntry *
unknot_pain_log_save_finish (UnknotPainLog  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Delete and restore */

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotPainLog *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  UnknotPainEntry *old = unknot_store_delete_pain_entry_finish (UNKNOT_STORE (source), result, &error);

  if (old == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, signals[ENTRY_REMOVED], 0, old->id);
  g_task_return_pointer (task, old, (GDestroyNotify) unknot_pain_entry_unref);
}

void
unknot_pain_log_delete_async (UnknotPainLog       *self,
                              gint64               id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_PAIN_LOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_pain_log_delete_async);
  unknot_store_delete_pain_entry_async (self->store, id, cancellable, deleted_cb, task);
}

UnknotPainEntry *
unknot_pain_log_delete_finish (UnknotPainLog  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
reread_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotPainLog *self = g_task_get_source_object (task);
  g_autoptr(UnknotPainEntry) entry = unknot_store_get_pain_entry_finish (UNKNOT_STORE (source), result, NULL);

  /* Gone again already (another program): then nobody needs to hear. */
  if (entry != NULL)
    g_signal_emit (self, signals[ENTRY_ADDED], 0, entry);
  g_task_return_boolean (task, TRUE);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotPainEntry *entry = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!unknot_store_restore_pain_entry_finish (UNKNOT_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Read it back: the store drops a link to a session that is gone. */
  unknot_store_get_pain_entry_async (UNKNOT_STORE (source), entry->id, NULL, reread_cb, g_steal_pointer (&task));
}

void
unknot_pain_log_restore_async (UnknotPainLog         *self,
                               const UnknotPainEntry *entry,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_PAIN_LOG (self));
  g_return_if_fail (entry != NULL && entry->id > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_pain_log_restore_async);
  g_task_set_task_data (task, unknot_pain_entry_copy (entry), (GDestroyNotify) unknot_pain_entry_unref);
  unknot_store_restore_pain_entry_async (self->store, g_task_get_task_data (task), cancellable, restored_cb, task);
}

gboolean
unknot_pain_log_restore_finish (UnknotPainLog  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_pain_log_emit_reset (UnknotPainLog *self)
{
  g_return_if_fail (UNKNOT_IS_PAIN_LOG (self));

  g_signal_emit (self, signals[RESET], 0);
}
