/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_STORE_ERROR (unknot_store_error_quark ())

typedef enum {
  UNKNOT_STORE_ERROR_CORRUPT,   /* not a database we can read; it was kept */
  UNKNOT_STORE_ERROR_TOO_NEW,   /* written by a newer Unknot */
  UNKNOT_STORE_ERROR_FAILED,    /* anything else SQLite reported */
} UnknotStoreError;

typedef enum {
  UNKNOT_SESSION_OUTCOME_RUNNING,   /* begun, not ended (yet) */
  UNKNOT_SESSION_OUTCOME_COMPLETED,
  UNKNOT_SESSION_OUTCOME_STOPPED,   /* stopped by the user */
  UNKNOT_SESSION_OUTCOME_SAFETY,    /* "this doesn't feel right" */
  UNKNOT_SESSION_OUTCOME_ABANDONED, /* the app ended while it ran */
} UnknotSessionOutcome;

/* One row of the sessions table, as read back. */
typedef struct
{
  gint64                id;
  char                 *routine_id;
  char                 *routine_title;
  GDateTime            *started_at;  /* with the offset it was recorded in */
  GDateTime            *ended_at;    /* NULL while running or abandoned */
  UnknotSessionOutcome  outcome;
  char                 *stop_reason; /* free text, or NULL */
  guint                 active_seconds;
  guint                 steps_completed;
  guint                 steps_total;
} UnknotSessionRecord;

GType                unknot_session_record_get_type (void);
void                 unknot_session_record_free     (UnknotSessionRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSessionRecord, unknot_session_record_free)

const char          *unknot_session_outcome_to_string (UnknotSessionOutcome outcome);

/* One row of the reminder_events table: what became of a posture-break
 * reminder.  @kind is "due", "taken", "snoozed", "skipped" or "natural". */
typedef struct
{
  gint64     id;
  char      *kind;
  char      *routine_id;  /* the routine the reminder offered, or NULL */
  GDateTime *occurred_at; /* with the offset it was recorded in */
} UnknotReminderEventRecord;

GType                unknot_reminder_event_record_get_type (void);
void                 unknot_reminder_event_record_free     (UnknotReminderEventRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotReminderEventRecord, unknot_reminder_event_record_free)

/* The app's private SQLite database ($XDG_DATA_HOME/unknot/unknot.db, folder
 * 0700, file 0600).  One connection on one worker thread; every call below
 * runs there and completes on the caller's main context.  WAL, busy_timeout
 * so the app, the CLI and the reminder service can share it, synchronous
 * FULL; schema versioned with PRAGMA user_version and migrated forward.
 * A file that is not a database we can read is never overwritten: open
 * fails with UNKNOT_STORE_ERROR_CORRUPT and says where it is. */
#define UNKNOT_TYPE_STORE (unknot_store_get_type ())
G_DECLARE_FINAL_TYPE (UnknotStore, unknot_store, UNKNOT, STORE, GObject)

GQuark       unknot_store_error_quark         (void);
GFile       *unknot_default_store_file        (void);
UnknotStore *unknot_store_new                 (GFile                *file);

/* Opens (creating the folder and file if needed) and migrates.  Sessions
 * left RUNNING by an app that ended are marked ABANDONED here. */
void         unknot_store_open_async          (UnknotStore          *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     unknot_store_open_finish         (UnknotStore          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Records the start of a session at once (so a crash leaves a row). */
void         unknot_store_begin_session_async (UnknotStore          *self,
                                               const char           *routine_id,
                                               const char           *routine_title,
                                               guint                 steps_total,
                                               GDateTime            *started_at,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gint64       unknot_store_begin_session_finish (UnknotStore         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void         unknot_store_end_session_async   (UnknotStore          *self,
                                               gint64                session_id,
                                               UnknotSessionOutcome  outcome,
                                               const char           *stop_reason,
                                               GDateTime            *ended_at,
                                               guint                 active_seconds,
                                               guint                 steps_completed,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     unknot_store_end_session_finish  (UnknotStore          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* A safety stop: kind is "session-stop" for now; session_id may be 0. */
void         unknot_store_add_safety_event_async (UnknotStore       *self,
                                                  gint64             session_id,
                                                  const char        *kind,
                                                  gint               step_index,
                                                  GDateTime         *occurred_at,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
gboolean     unknot_store_add_safety_event_finish (UnknotStore      *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);

/* Newest first; a GPtrArray of UnknotSessionRecord. */
void         unknot_store_list_sessions_async (UnknotStore          *self,
                                               guint                 limit,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray   *unknot_store_list_sessions_finish (UnknotStore         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* A reminder event for the adherence history; @routine_id may be NULL.  A
 * @kind other than those of UnknotReminderEventRecord fails with
 * UNKNOT_STORE_ERROR_FAILED and stores nothing. */
void         unknot_store_add_reminder_event_async  (UnknotStore         *self,
                                                     const char          *kind,
                                                     const char          *routine_id,
                                                     GDateTime           *occurred_at,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean     unknot_store_add_reminder_event_finish (UnknotStore         *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Newest first, at most @limit (0: all); a GPtrArray of
 * UnknotReminderEventRecord. */
void         unknot_store_list_reminder_events_async  (UnknotStore         *self,
                                                       guint                limit,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray   *unknot_store_list_reminder_events_finish (UnknotStore         *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Waits for every queued call; for tests and the CLI. */
void         unknot_store_flush               (UnknotStore          *self);

G_END_DECLS
