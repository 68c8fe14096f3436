/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the store's source files share: the worker's jobs and the helpers
 * around its one connection.  Only unknot-store*.c include this. */

#include <sqlite3.h>

#include "unknot-store.h"

G_BEGIN_DECLS

/* A moment as stored: UTC microseconds plus the offset it was lived in, so
 * "Tuesday 7:40" stays 7:40 after the user travels or the clocks change. */
typedef struct
{
  gint64 utc;
  int    offset;
} Stamp;

typedef enum {
  RESULT_BOOLEAN,
  RESULT_ID,
  RESULT_RECORDS,
  RESULT_POINTER,   /* job->pointer, freed with job->pointer_free */
} ResultKind;

typedef struct _Job Job;
typedef void (*JobFunc) (UnknotStore *self,
                         Job         *job);

struct _Job
{
  JobFunc         run;
  GTask          *task;      /* NULL for flush and close */
  gpointer        args;
  GDestroyNotify  args_free;

  ResultKind      result_kind;
  GError         *error;
  gint64          id;
  GPtrArray      *records;
  gpointer        pointer;
  GDestroyNotify  pointer_free;
};

struct _UnknotStore
{
  GObject      parent_instance;

  GFile       *file;
  char        *path;    /* set before the worker starts, then read-only */
  GThread     *thread;
  GAsyncQueue *queue;

  sqlite3     *db;      /* the worker's alone */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* On the caller's thread */
GTask      *unknot_store_new_task               (UnknotStore         *self,
                                                 gpointer             source_tag,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void        unknot_store_queue_job              (UnknotStore         *self,
                                                 JobFunc              run,
                                                 GTask               *task,
                                                 ResultKind           result_kind,
                                                 gpointer             args,
                                                 GDestroyNotify       args_free);

/* Anywhere */
Stamp       unknot_store_stamp_from_date_time   (GDateTime           *date_time);
GDateTime  *unknot_store_date_time_from_stamp   (gint64               utc,
                                                 gint64               offset);

/* On the worker */
void        unknot_store_set_sqlite_error       (UnknotStore         *self,
                                                 GError             **error,
                                                 int                  rc,
                                                 const char          *doing);
gboolean    unknot_store_exec_sql               (UnknotStore         *self,
                                                 const char          *sql,
                                                 const char          *doing,
                                                 GError             **error);
gboolean    unknot_store_require_open           (UnknotStore         *self,
                                                 GError             **error);
/* BEGIN IMMEDIATE: takes the write lock first (waiting out other programs
 * for the busy timeout), so a transaction never fails half-way for a lock. */
gboolean    unknot_store_begin_write            (UnknotStore         *self,
                                                 const char          *doing,
                                                 GError             **error);
gboolean    unknot_store_commit                 (UnknotStore         *self,
                                                 const char          *doing,
                                                 GError             **error);
void        unknot_store_rollback               (UnknotStore         *self);

/* Writes @data to @path through a temporary file beside it, synced and then
 * renamed into place; replaces an existing @path only when @overwrite. */
gboolean    unknot_store_write_file_atomically  (const char          *path,
                                                 const char          *data,
                                                 gsize                length,
                                                 gboolean             overwrite,
                                                 GError             **error);

G_END_DECLS
