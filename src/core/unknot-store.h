/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-pain.h"

G_BEGIN_DECLS

#define UNKNOT_STORE_ERROR (unknot_store_error_quark ())

typedef enum {
  UNKNOT_STORE_ERROR_CORRUPT,   /* not a database we can read; it was kept */
  UNKNOT_STORE_ERROR_TOO_NEW,   /* written by a newer Unknot; it was kept */
  UNKNOT_STORE_ERROR_FAILED,    /* anything else SQLite reported */
  UNKNOT_STORE_ERROR_NOT_FOUND, /* no entry (or session) with that id */
  UNKNOT_STORE_ERROR_INVALID,   /* a value out of range, a bad CSV row, a
                                 * file that is not an Unknot backup */
  UNKNOT_STORE_ERROR_EXISTS,    /* the file (or entry id) is already there */
  UNKNOT_STORE_ERROR_NO_SPACE,  /* the disk is full; nothing saved was lost */
  UNKNOT_STORE_ERROR_READ_ONLY, /* the file or its folder cannot be written */
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

typedef enum {
  UNKNOT_STEP_OUTCOME_RUNNING,   /* reached, not ended (yet) */
  UNKNOT_STEP_OUTCOME_COMPLETED, /* ran to its end */
  UNKNOT_STEP_OUTCOME_SKIPPED,   /* the user skipped it, or a side of it */
  UNKNOT_STEP_OUTCOME_BACK,      /* the user went back: to its start again,
                                  * or to the step before */
  UNKNOT_STEP_OUTCOME_STOPPED,   /* the session was stopped during it */
  UNKNOT_STEP_OUTCOME_ABANDONED, /* the app ended while it ran */
} UnknotStepOutcome;

/* One row of the session_steps table: a step a session reached.  A step
 * reached again (after going back) has a row each time. */
typedef struct
{
  gint64             id;
  gint64             session_id;
  guint              step_index;  /* 0-based, in the routine's order */
  char              *step_title;  /* as the routine named it then */
  GDateTime         *started_at;  /* with the offset it was recorded in */
  GDateTime         *ended_at;    /* NULL while running or abandoned */
  UnknotStepOutcome  outcome;
} UnknotStepRecord;

GType                unknot_step_record_get_type (void);
void                 unknot_step_record_free     (UnknotStepRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotStepRecord, unknot_step_record_free)

const char          *unknot_step_outcome_to_string (UnknotStepOutcome outcome);

/* One row of the safety_events table. */
typedef struct
{
  gint64     id;
  gint64     session_id;  /* 0: outside any session */
  char      *kind;        /* "session-stop" for now */
  gint       step_index;  /* -1: not during a step */
  GDateTime *occurred_at; /* with the offset it was recorded in */
} UnknotSafetyEventRecord;

GType                unknot_safety_event_record_get_type (void);
void                 unknot_safety_event_record_free     (UnknotSafetyEventRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSafetyEventRecord, unknot_safety_event_record_free)

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

/* Safety stops that happened in [@from, @until) (either NULL: unbounded),
 * newest first; a GPtrArray of UnknotSafetyEventRecord. */
void         unknot_store_list_safety_events_async  (UnknotStore         *self,
                                                     GDateTime           *from,
                                                     GDateTime           *until,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray   *unknot_store_list_safety_events_finish (UnknotStore         *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* A session's steps
 *
 * A step's row is written when the step starts, so a crash leaves it (never
 * ended; open marks it ABANDONED, as it does the session).  A session has
 * at most one step under way: end it before beginning the next. */

/* Records that session @session_id reached step @step_index (0-based).
 * Finish returns the new row's id. */
void         unknot_store_begin_step_async    (UnknotStore          *self,
                                               gint64                session_id,
                                               guint                 step_index,
                                               const char           *step_title,
                                               GDateTime            *started_at,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gint64       unknot_store_begin_step_finish   (UnknotStore          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Ends the step under way in session @session_id; FAILED if there is none. */
void         unknot_store_end_step_async      (UnknotStore          *self,
                                               gint64                session_id,
                                               UnknotStepOutcome     outcome,
                                               GDateTime            *ended_at,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     unknot_store_end_step_finish     (UnknotStore          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* In the order the session reached them; a GPtrArray of UnknotStepRecord
 * (empty for a session that has none, or is not there). */
void         unknot_store_list_session_steps_async  (UnknotStore         *self,
                                                     gint64               session_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray   *unknot_store_list_session_steps_finish (UnknotStore         *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

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

/* The pain log
 *
 * Every write runs in one transaction with synchronous=FULL: once its
 * callback runs, the entry survives a crash or a power cut.  Every write
 * first checks the entry with unknot_pain_entry_validate() and fails with
 * UNKNOT_STORE_ERROR_INVALID without touching the file. */

/* Saves a new entry (its id is ignored).  Finish returns the entry as saved,
 * with its new id and tags normalized: a new reference nobody else holds. */
void             unknot_store_add_pain_entry_async      (UnknotStore           *self,
                                                         const UnknotPainEntry *entry,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
UnknotPainEntry *unknot_store_add_pain_entry_finish     (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Replaces every value of the entry with @entry->id.  NOT_FOUND if there is
 * none (deleted meanwhile, perhaps by another program).  For undo, keep a
 * copy of the entry as it was and update back to it. */
void             unknot_store_update_pain_entry_async   (UnknotStore           *self,
                                                         const UnknotPainEntry *entry,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean         unknot_store_update_pain_entry_finish  (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Deletes one entry; finish returns it as it was (NOT_FOUND if there was
 * none), to hand to unknot_store_restore_pain_entry_async() for undo. */
void             unknot_store_delete_pain_entry_async   (UnknotStore           *self,
                                                         gint64                 id,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
UnknotPainEntry *unknot_store_delete_pain_entry_finish  (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Undo of a delete: saves @entry again under its own id, so it comes back
 * where it was.  EXISTS if that id is in use; a session link whose session
 * is gone is dropped (phase none). */
void             unknot_store_restore_pain_entry_async  (UnknotStore           *self,
                                                         const UnknotPainEntry *entry,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean         unknot_store_restore_pain_entry_finish (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* One entry by id; NOT_FOUND if there is none. */
void             unknot_store_get_pain_entry_async      (UnknotStore           *self,
                                                         gint64                 id,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
UnknotPainEntry *unknot_store_get_pain_entry_finish     (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Which entries to list or count.  Zero-initialise it ({ 0 }) for every
 * entry; the store copies what it needs before the call returns. */
typedef struct
{
  GDateTime             *from;       /* inclusive; NULL: since the first */
  GDateTime             *until;      /* exclusive; NULL: up to the last */
  guint                  regions;    /* UnknotPainRegion: any of these; 0: any */
  const char * const    *tags;       /* any of these tags; NULL: any */
  gint64                 session_id; /* only this session's; 0: any */
  guint                  limit;      /* at most this many; 0: all (list only) */
  const UnknotPainEntry *after;      /* paging: only entries older than this
                                      * one, the last of the page before
                                      * (list only) */
} UnknotPainQuery;

/* Newest first (by time, then id); a GPtrArray of UnknotPainEntry that
 * unrefs them.  For the history, page with limit and after. */
void             unknot_store_list_pain_entries_async   (UnknotStore           *self,
                                                         const UnknotPainQuery *query,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GPtrArray       *unknot_store_list_pain_entries_finish  (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* How many entries @query matches (limit and after are ignored); -1 on error. */
void             unknot_store_count_pain_entries_async  (UnknotStore           *self,
                                                         const UnknotPainQuery *query,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gint64           unknot_store_count_pain_entries_finish (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* The user's own tags (not the built-ins) that some entry still uses, most
 * used first, then alphabetically; for completion.  Never NULL on success. */
void             unknot_store_list_pain_tags_async      (UnknotStore           *self,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GStrv            unknot_store_list_pain_tags_finish     (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Ties an entry to a session as its "before" or "after" rating (session 0
 * and PHASE_NONE unties it).  NOT_FOUND if either does not exist. */
void             unknot_store_link_pain_entry_async     (UnknotStore           *self,
                                                         gint64                 entry_id,
                                                         gint64                 session_id,
                                                         UnknotPainPhase        phase,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean         unknot_store_link_pain_entry_finish    (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Statistics, computed on the worker with unknot-pain-stats.h */

/* The daily trend from @first to @last (local days, inclusive), the 7-day
 * averages of the first days counting the days before @first.  Entries in
 * any of @regions only (0: all).  A GArray of UnknotPainDay. */
void             unknot_store_pain_daily_async          (UnknotStore           *self,
                                                         const GDate           *first,
                                                         const GDate           *last,
                                                         guint                  regions,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GArray          *unknot_store_pain_daily_finish         (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Before and after, per routine, over sessions started in [@from, @until)
 * (either NULL: unbounded).  A GPtrArray of UnknotRoutineEffect. */
void             unknot_store_pain_before_after_async   (UnknotStore           *self,
                                                         GDateTime             *from,
                                                         GDateTime             *until,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GPtrArray       *unknot_store_pain_before_after_finish  (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Sessions and reminders per local day from @first to @last.  A GArray of
 * UnknotAdherenceDay. */
void             unknot_store_adherence_async           (UnknotStore           *self,
                                                         const GDate           *first,
                                                         const GDate           *last,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GArray          *unknot_store_adherence_finish          (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* CSV (format in unknot-pain-csv.h) */

/* Writes every entry, oldest first, to @dest through a temporary file
 * renamed into place.  An existing @dest is replaced only when @overwrite;
 * otherwise EXISTS.  Finish returns the number of entries written (-1 on
 * error). */
void             unknot_store_export_pain_csv_async     (UnknotStore           *self,
                                                         GFile                 *dest,
                                                         gboolean               overwrite,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gint64           unknot_store_export_pain_csv_finish    (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Reads, checks and imports @file in one transaction: all of it or none.
 * A row with the same time (to the microsecond) and pain as an entry already
 * in the log is counted in @n_skipped instead, so importing the same file
 * twice adds nothing.  On bad rows, fails with INVALID ("FILE: 3 problems;
 * nothing was imported.") and sets @problems to their "line N: …" strings
 * (free with g_strfreev). */
void             unknot_store_import_pain_csv_async     (UnknotStore           *self,
                                                         GFile                 *file,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean         unknot_store_import_pain_csv_finish    (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         guint                 *n_imported,
                                                         guint                 *n_skipped,
                                                         GStrv                 *problems,
                                                         GError               **error);

/* Saves many new entries (UnknotPainEntry, ids ignored) in one transaction;
 * all or none.  The store holds @entries until the call finishes: change
 * neither the array nor its entries meanwhile.  Finish returns how many
 * (-1 on error). */
void             unknot_store_add_pain_entries_async    (UnknotStore           *self,
                                                         GPtrArray             *entries,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gint64           unknot_store_add_pain_entries_finish   (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* The whole file */

/* One self-contained SQLite file with everything (sessions and their
 * steps, safety stops, reminders, the pain log), written to a temporary
 * name beside @dest, synced, then renamed into place.  An existing @dest is
 * replaced only when @overwrite; otherwise EXISTS and it is left alone. */
void             unknot_store_backup_async              (UnknotStore           *self,
                                                         GFile                 *dest,
                                                         gboolean               overwrite,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean         unknot_store_backup_finish             (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Replaces everything with the backup in @source after checking it
 * (integrity_check, an Unknot schema no newer than this build's): CORRUPT,
 * TOO_NEW or INVALID otherwise, and nothing changes.  The history it
 * replaces is first saved as "unknot.db.before-restore-YYYYMMDD-HHMMSS"
 * beside the database; finish returns that file.  Works while other
 * programs (the reminder service) have the database open. */
void             unknot_store_restore_backup_async      (UnknotStore           *self,
                                                         GFile                 *source,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GFile           *unknot_store_restore_backup_finish     (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* "Delete all my data": closes the database and deletes its files (the
 * database, -wal, -shm, -journal) and the copies Unknot set aside beside it
 * (broken-…, before-restore-…).  Finish returns the paths it deleted.  The
 * store is closed afterwards; opening it again starts an empty history.
 * Routine files of the user's own are not touched.  Stop other programs
 * that keep the database open (unknot-reminder) first and start them
 * again after: SQLite in a process still holding the deleted file would
 * write into it, and on closing could remove the new history's -wal. */
void             unknot_store_delete_all_data_async     (UnknotStore           *self,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GStrv            unknot_store_delete_all_data_finish    (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* After open failed with CORRUPT or TOO_NEW (and the user agreed): renames
 * the database to "unknot.db.broken-YYYYMMDD-HHMMSS" (its -wal and -shm to
 * the same name plus "-wal", "-shm"), byte for byte as it was, and returns
 * the new file.  Open afterwards starts an empty history.  Fails while the
 * store is open. */
void             unknot_store_move_aside_async          (UnknotStore           *self,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GFile           *unknot_store_move_aside_finish         (UnknotStore           *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* Waits for every queued call; for tests and the CLI. */
void         unknot_store_flush               (UnknotStore          *self);

G_END_DECLS
