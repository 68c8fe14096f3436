/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-store"

#include "config.h"

#include "unknot-store.h"

/* API stubs; implemented in the next commits. */

void
unknot_store_add_pain_entry_async (UnknotStore *self, const UnknotPainEntry *entry, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_add_pain_entry_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

UnknotPainEntry *
unknot_store_add_pain_entry_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_update_pain_entry_async (UnknotStore *self, const UnknotPainEntry *entry, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_update_pain_entry_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gboolean
unknot_store_update_pain_entry_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return FALSE;
}

void
unknot_store_delete_pain_entry_async (UnknotStore *self, gint64 id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_delete_pain_entry_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

UnknotPainEntry *
unknot_store_delete_pain_entry_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_restore_pain_entry_async (UnknotStore *self, const UnknotPainEntry *entry, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_restore_pain_entry_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gboolean
unknot_store_restore_pain_entry_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return FALSE;
}

void
unknot_store_get_pain_entry_async (UnknotStore *self, gint64 id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_get_pain_entry_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

UnknotPainEntry *
unknot_store_get_pain_entry_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_list_pain_entries_async (UnknotStore *self, const UnknotPainQuery *query, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_list_pain_entries_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GPtrArray *
unknot_store_list_pain_entries_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_count_pain_entries_async (UnknotStore *self, const UnknotPainQuery *query, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_count_pain_entries_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gint64
unknot_store_count_pain_entries_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return -1;
}

void
unknot_store_list_pain_tags_async (UnknotStore *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_list_pain_tags_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GStrv
unknot_store_list_pain_tags_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_link_pain_entry_async (UnknotStore *self, gint64 entry_id, gint64 session_id, UnknotPainPhase phase, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_link_pain_entry_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gboolean
unknot_store_link_pain_entry_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return FALSE;
}

void
unknot_store_pain_daily_async (UnknotStore *self, const GDate *first, const GDate *last, guint regions, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_pain_daily_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GArray *
unknot_store_pain_daily_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_pain_before_after_async (UnknotStore *self, GDateTime *from, GDateTime *until, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_pain_before_after_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GPtrArray *
unknot_store_pain_before_after_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_adherence_async (UnknotStore *self, const GDate *first, const GDate *last, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_adherence_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GArray *
unknot_store_adherence_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_export_pain_csv_async (UnknotStore *self, GFile *dest, gboolean overwrite, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_export_pain_csv_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gint64
unknot_store_export_pain_csv_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return -1;
}

void
unknot_store_import_pain_csv_async (UnknotStore *self, GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_import_pain_csv_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gboolean
unknot_store_import_pain_csv_finish (UnknotStore *self, GAsyncResult *result, guint *n_imported, guint *n_skipped, GStrv *problems, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return FALSE;
}

void
unknot_store_add_pain_entries_async (UnknotStore *self, GPtrArray *entries, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_add_pain_entries_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gint64
unknot_store_add_pain_entries_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return -1;
}

void
unknot_store_backup_async (UnknotStore *self, GFile *dest, gboolean overwrite, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_backup_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

gboolean
unknot_store_backup_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return FALSE;
}

void
unknot_store_restore_backup_async (UnknotStore *self, GFile *source, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_restore_backup_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GFile *
unknot_store_restore_backup_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_delete_all_data_async (UnknotStore *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_delete_all_data_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GStrv
unknot_store_delete_all_data_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}

void
unknot_store_move_aside_async (UnknotStore *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_task_report_new_error (self, callback, user_data, unknot_store_move_aside_async,
                           G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
}

GFile *
unknot_store_move_aside_finish (UnknotStore *self, GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return NULL;
}
