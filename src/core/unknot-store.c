/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unknot-store-private.h"

/* Long enough to wait out another program's commit (the CLI, the reminder
 * service), short enough that a stuck one shows up as an error. */
#define BUSY_TIMEOUT_MS 5000

#define FOLDER_NAME "unknot"

G_DEFINE_QUARK (unknot-store-error-quark, unknot_store_error)

/* Migration N (from 1) brings user_version N - 1 to N.  Append only: a
 * shipped migration is never edited, since databases out there ran it. */
static const char * const migrations[] = {
  /* 1: sessions and safety stops */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  routine_id TEXT NOT NULL,"
  "  routine_title TEXT NOT NULL,"
  "  started_utc INTEGER NOT NULL,"
  "  started_offset INTEGER NOT NULL,"
  "  ended_utc INTEGER,"
  "  ended_offset INTEGER,"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('running','completed','stopped','safety','abandoned')),"
  "  stop_reason TEXT,"
  "  active_seconds INTEGER NOT NULL DEFAULT 0,"
  "  steps_completed INTEGER NOT NULL DEFAULT 0,"
  "  steps_total INTEGER NOT NULL);"
  "CREATE INDEX sessions_started ON sessions (started_utc);"
  "CREATE INDEX sessions_routine ON sessions (routine_id, started_utc);"
  "CREATE TABLE safety_events ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL,"
  "  step_index INTEGER,"
  "  occurred_utc INTEGER NOT NULL,"
  "  occurred_offset INTEGER NOT NULL);",

  /* 2: posture-break reminders and what the user did with them */
  "CREATE TABLE reminder_events ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('due','taken','snoozed','skipped','natural')),"
  "  routine_id TEXT,"
  "  occurred_utc INTEGER NOT NULL,"
  "  occurred_offset INTEGER NOT NULL);"
  "CREATE INDEX reminder_events_occurred ON reminder_events (occurred_utc);",

  /* 3: the pain log.  Regions and tags by id in their own tables, so the
   * words can change without touching rows; the (time, id) index serves the
   * newest-first history and its pages, the trend index answers the daily
   * statistics without reading the rows; phase is 'none' whenever
   * session_id is NULL, which ON DELETE SET NULL may make it. */
  "CREATE TABLE pain_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  time_utc INTEGER NOT NULL,"
  "  time_offset INTEGER NOT NULL,"
  "  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),"
  "  interference INTEGER CHECK (interference BETWEEN 0 AND 10),"
  "  note TEXT,"
  "  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  phase TEXT NOT NULL DEFAULT 'none' CHECK (phase IN ('none','before','after')));"
  "CREATE INDEX pain_entries_time ON pain_entries (time_utc, id);"
  "CREATE INDEX pain_entries_trend ON pain_entries (time_utc, time_offset, pain);"
  "CREATE INDEX pain_entries_session ON pain_entries (session_id, phase, time_utc)"
  "  WHERE session_id IS NOT NULL;"
  "CREATE TABLE pain_entry_regions ("
  "  entry_id INTEGER NOT NULL REFERENCES pain_entries (id) ON DELETE CASCADE,"
  "  region TEXT NOT NULL CHECK (region IN ('neck-left','neck-right','shoulder-left','shoulder-right',"
  "    'upper-back-left','upper-back-right','mid-back-left','mid-back-right',"
  "    'lower-back-left','lower-back-right')),"
  "  PRIMARY KEY (entry_id, region)) WITHOUT ROWID;"
  "CREATE INDEX pain_entry_regions_region ON pain_entry_regions (region, entry_id);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE pain_entry_tags ("
  "  entry_id INTEGER NOT NULL REFERENCES pain_entries (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (entry_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX pain_entry_tags_tag ON pain_entry_tags (tag_id, entry_id);",

  /* 4: each step a session reached and how it ended, written when the step
   * starts so that a crash leaves it.  The partial unique index keeps one
   * step under way per session, the one end_step closes.  Safety stops are
   * now read by time. */
  "CREATE TABLE session_steps ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  step_index INTEGER NOT NULL CHECK (step_index >= 0),"
  "  step_title TEXT NOT NULL,"
  "  started_utc INTEGER NOT NULL,"
  "  started_offset INTEGER NOT NULL,"
  "  ended_utc INTEGER,"
  "  ended_offset INTEGER,"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('running','completed','skipped','back','stopped','abandoned')));"
  "CREATE INDEX session_steps_session ON session_steps (session_id);"
  "CREATE UNIQUE INDEX session_steps_under_way ON session_steps (session_id) WHERE ended_utc IS NULL;"
  "CREATE INDEX safety_events_occurred ON safety_events (occurred_utc);",
};

#define NEWEST_VERSION ((int) G_N_ELEMENTS (migrations))

static const char * const outcome_names[] = {
  [UNKNOT_SESSION_OUTCOME_RUNNING] = "running",
  [UNKNOT_SESSION_OUTCOME_COMPLETED] = "completed",
  [UNKNOT_SESSION_OUTCOME_STOPPED] = "stopped",
  [UNKNOT_SESSION_OUTCOME_SAFETY] = "safety",
  [UNKNOT_SESSION_OUTCOME_ABANDONED] = "abandoned",
};

const char *
unknot_session_outcome_to_string (UnknotSessionOutcome outcome)
{
  g_return_val_if_fail (outcome < G_N_ELEMENTS (outcome_names), NULL);

  return outcome_names[outcome];
}

static const char * const step_outcome_names[] = {
  [UNKNOT_STEP_OUTCOME_RUNNING] = "running",
  [UNKNOT_STEP_OUTCOME_COMPLETED] = "completed",
  [UNKNOT_STEP_OUTCOME_SKIPPED] = "skipped",
  [UNKNOT_STEP_OUTCOME_BACK] = "back",
  [UNKNOT_STEP_OUTCOME_STOPPED] = "stopped",
  [UNKNOT_STEP_OUTCOME_ABANDONED] = "abandoned",
};

const char *
unknot_step_outcome_to_string (UnknotStepOutcome outcome)
{
  g_return_val_if_fail (outcome < G_N_ELEMENTS (step_outcome_names), NULL);

  return step_outcome_names[outcome];
}

/* The index of @name in @names, or -1. */
static int
name_index (const char * const *names,
            guint               n_names,
            const char         *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (g_str_equal (name, names[i]))
      return (int) i;
  return -1;
}

static gboolean
outcome_from_string (const char           *name,
                     UnknotSessionOutcome *outcome)
{
  int index = name_index (outcome_names, G_N_ELEMENTS (outcome_names), name);

  if (index < 0)
    return FALSE;
  *outcome = index;
  return TRUE;
}

static gboolean
step_outcome_from_string (const char        *name,
                          UnknotStepOutcome *outcome)
{
  int index = name_index (step_outcome_names, G_N_ELEMENTS (step_outcome_names), name);

  if (index < 0)
    return FALSE;
  *outcome = index;
  return TRUE;
}

static UnknotSessionRecord *
unknot_session_record_copy (UnknotSessionRecord *record)
{
  UnknotSessionRecord *copy = g_new0 (UnknotSessionRecord, 1);

  *copy = *record;
  copy->routine_id = g_strdup (record->routine_id);
  copy->routine_title = g_strdup (record->routine_title);
  copy->stop_reason = g_strdup (record->stop_reason);
  if (record->started_at != NULL)
    copy->started_at = g_date_time_ref (record->started_at);
  if (record->ended_at != NULL)
    copy->ended_at = g_date_time_ref (record->ended_at);
  return copy;
}

void
unknot_session_record_free (UnknotSessionRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->routine_id);
  g_free (record->routine_title);
  g_free (record->stop_reason);
  g_clear_pointer (&record->started_at, g_date_time_unref);
  g_clear_pointer (&record->ended_at, g_date_time_unref);
  g_free (record);
}

G_DEFINE_BOXED_TYPE (UnknotSessionRecord, unknot_session_record,
                     unknot_session_record_copy, unknot_session_record_free)

static UnknotStepRecord *
unknot_step_record_copy (UnknotStepRecord *record)
{
  UnknotStepRecord *copy = g_new0 (UnknotStepRecord, 1);

  *copy = *record;
  copy->step_title = g_strdup (record->step_title);
  if (record->started_at != NULL)
    copy->started_at = g_date_time_ref (record->started_at);
  if (record->ended_at != NULL)
    copy->ended_at = g_date_time_ref (record->ended_at);
  return copy;
}

void
unknot_step_record_free (UnknotStepRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->step_title);
  g_clear_pointer (&record->started_at, g_date_time_unref);
  g_clear_pointer (&record->ended_at, g_date_time_unref);
  g_free (record);
}

G_DEFINE_BOXED_TYPE (UnknotStepRecord, unknot_step_record,
                     unknot_step_record_copy, unknot_step_record_free)

static UnknotSafetyEventRecord *
unknot_safety_event_record_copy (UnknotSafetyEventRecord *record)
{
  UnknotSafetyEventRecord *copy = g_new0 (UnknotSafetyEventRecord, 1);

  *copy = *record;
  copy->kind = g_strdup (record->kind);
  if (record->occurred_at != NULL)
    copy->occurred_at = g_date_time_ref (record->occurred_at);
  return copy;
}

void
unknot_safety_event_record_free (UnknotSafetyEventRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->kind);
  g_clear_pointer (&record->occurred_at, g_date_time_unref);
  g_free (record);
}

G_DEFINE_BOXED_TYPE (UnknotSafetyEventRecord, unknot_safety_event_record,
                     unknot_safety_event_record_copy, unknot_safety_event_record_free)

static UnknotReminderEventRecord *
unknot_reminder_event_record_copy (UnknotReminderEventRecord *record)
{
  UnknotReminderEventRecord *copy = g_new0 (UnknotReminderEventRecord, 1);

  copy->id = record->id;
  copy->kind = g_strdup (record->kind);
  copy->routine_id = g_strdup (record->routine_id);
  if (record->occurred_at != NULL)
    copy->occurred_at = g_date_time_ref (record->occurred_at);
  return copy;
}

void
unknot_reminder_event_record_free (UnknotReminderEventRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->kind);
  g_free (record->routine_id);
  g_clear_pointer (&record->occurred_at, g_date_time_unref);
  g_free (record);
}

G_DEFINE_BOXED_TYPE (UnknotReminderEventRecord, unknot_reminder_event_record,
                     unknot_reminder_event_record_copy, unknot_reminder_event_record_free)

GFile *
unknot_default_store_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), FOLDER_NAME, "unknot.db", NULL);
}

Stamp
unknot_store_stamp_from_date_time (GDateTime *date_time)
{
  Stamp stamp;

  stamp.utc = g_date_time_to_unix (date_time) * G_USEC_PER_SEC
              + g_date_time_get_microsecond (date_time);
  stamp.offset = (int) (g_date_time_get_utc_offset (date_time) / G_USEC_PER_SEC);
  return stamp;
}

/* A history holds a handful of offsets and reads them back by the
 * hundred thousand; one zone each, shared, instead of one per row. */
static GTimeZone *
zone_for_offset (gint32 offset)
{
  static GMutex lock;
  static GHashTable *zones;
  GTimeZone *zone;

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, GINT_TO_POINTER (offset));
  if (zone == NULL)
    {
      zone = g_time_zone_new_offset (offset);
      g_hash_table_insert (zones, GINT_TO_POINTER (offset), zone);
    }
  g_time_zone_ref (zone);
  g_mutex_unlock (&lock);
  return zone;
}

GDateTime *
unknot_store_date_time_from_stamp (gint64 utc,
                      gint64 offset)
{
  /* Floor division, so moments before 1970 keep a positive remainder. */
  gint64 seconds = utc / G_USEC_PER_SEC - (utc % G_USEC_PER_SEC < 0 ? 1 : 0);
  gint64 micro = utc - seconds * G_USEC_PER_SEC;
  g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) exact = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (whole == NULL)
    return NULL;
  exact = g_date_time_add (whole, micro);
  zone = zone_for_offset ((gint32) CLAMP (offset, -86400, 86400));
  return g_date_time_to_timezone (exact, zone);
}

/* Jobs: every call becomes one, run in order on the worker thread (Job
 * and ResultKind are in unknot-store-private.h). */

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean done;
} FlushWaiter;

typedef struct
{
  char  *routine_id;
  char  *routine_title;
  guint  steps_total;
  Stamp  started;
} BeginArgs;

typedef struct
{
  gint64                session_id;
  UnknotSessionOutcome  outcome;
  char                 *stop_reason;
  Stamp                 ended;
  guint                 active_seconds;
  guint                 steps_completed;
} EndArgs;

typedef struct
{
  gint64  session_id;
  char   *kind;
  int     step_index;
  Stamp   occurred;
} SafetyArgs;

typedef struct
{
  char  *kind;
  char  *routine_id;
  Stamp  occurred;
} ReminderEventArgs;

typedef struct
{
  gint64  session_id;
  guint   step_index;
  char   *step_title;
  Stamp   started;
} BeginStepArgs;

typedef struct
{
  gint64             session_id;
  UnknotStepOutcome  outcome;
  Stamp              ended;
} EndStepArgs;

/* [from, until) in UTC µs; an open end is G_MININT64 or G_MAXINT64. */
typedef struct
{
  gint64 from_utc;
  gint64 until_utc;
} SpanArgs;

G_DEFINE_TYPE (UnknotStore, unknot_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
job_free (Job *job)
{
  if (job->args_free != NULL)
    job->args_free (job->args);
  g_clear_error (&job->error);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  if (job->pointer != NULL && job->pointer_free != NULL)
    job->pointer_free (job->pointer);
  g_clear_object (&job->task);
  g_free (job);
}

static void
begin_args_free (BeginArgs *args)
{
  g_free (args->routine_id);
  g_free (args->routine_title);
  g_free (args);
}

static void
end_args_free (EndArgs *args)
{
  g_free (args->stop_reason);
  g_free (args);
}

static void
safety_args_free (SafetyArgs *args)
{
  g_free (args->kind);
  g_free (args);
}

static void
reminder_event_args_free (ReminderEventArgs *args)
{
  g_free (args->kind);
  g_free (args->routine_id);
  g_free (args);
}

static void
begin_step_args_free (BeginStepArgs *args)
{
  g_free (args->step_title);
  g_free (args);
}

/* Runs on the caller's main context; see worker_main(). */
static gboolean
complete_job_cb (gpointer user_data)
{
  Job *job = user_data;

  if (job->error != NULL)
    {
      g_task_return_error (job->task, g_steal_pointer (&job->error));
      return G_SOURCE_REMOVE;
    }

  switch (job->result_kind)
    {
    case RESULT_BOOLEAN:
      g_task_return_boolean (job->task, TRUE);
      break;

    case RESULT_ID:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_INT64);
        g_value_set_int64 (&value, job->id);
        g_task_return_value (job->task, &value);
      }
      break;

    case RESULT_RECORDS:
      g_task_return_pointer (job->task, g_steal_pointer (&job->records),
                             (GDestroyNotify) g_ptr_array_unref);
      break;

    case RESULT_POINTER:
      g_task_return_pointer (job->task, g_steal_pointer (&job->pointer), job->pointer_free);
      break;

    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

static void close_job (UnknotStore *self,
                       Job         *job);

static gpointer
worker_main (gpointer data)
{
  UnknotStore *self = data;
  gboolean quit = FALSE;

  while (!quit)
    {
      Job *job = g_async_queue_pop (self->queue);

      quit = job->run == close_job;
      if (job->task == NULL
          || !g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &job->error))
        job->run (self, job);

      if (job->task != NULL)
        {
          /* The job, and with it the task, goes to the caller's context.
           * Dropped here, the task could hold the store's last reference,
           * and the worker would find itself finalizing the store and
           * joining its own thread.  Not g_main_context_invoke(), which
           * runs the function here when the caller's context is idle. */
          g_autoptr(GSource) source = g_idle_source_new ();

          g_source_set_static_name (source, "[unknot-store] complete");
          g_source_set_callback (source, complete_job_cb, job, (GDestroyNotify) job_free);
          g_source_attach (source, g_task_get_context (job->task));
          /* From here the store may be finalized at any time; only
           * self->queue, which outlives this thread, is touched below. */
        }
      else
        job_free (job);
    }
  return NULL;
}

static void
queue_job (UnknotStore   *self,
           JobFunc        run,
           GTask         *task,
           ResultKind     result_kind,
           gpointer       args,
           GDestroyNotify args_free)
{
  Job *job = g_new0 (Job, 1);

  job->run = run;
  job->task = task;
  job->result_kind = result_kind;
  job->args = args;
  job->args_free = args_free;
  g_async_queue_push (self->queue, job);
}

static GTask *
new_task (UnknotStore         *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* Cancelling stops a call that has not run yet.  Once a write has been
   * committed, its result (the new session's id) must reach the caller. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

/* Errors */

static void
set_sqlite_error (UnknotStore  *self,
                  GError      **error,
                  int           rc,
                  const char   *doing)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  UnknotStoreError code = UNKNOT_STORE_ERROR_FAILED;
  g_autofree char *hint = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = UNKNOT_STORE_ERROR_CORRUPT;
      /* Translators: %s is the path of the history file */
      hint = g_strdup_printf (_("%s looks damaged; it was left as it is. "
                                "Restore it from a backup, or move it away to start a new history."),
                              self->path);
      break;

    case SQLITE_FULL:
      code = UNKNOT_STORE_ERROR_NO_SPACE;
      hint = g_strdup (_("Free some space on the disk and try again; what was saved before is kept."));
      break;

    case SQLITE_IOERR:
      /* A full disk or a quota can come as an I/O error; when SQLite kept
       * the errno, it tells them apart (it often reads 0 by now). */
      if (self->db != NULL
          && (sqlite3_system_errno (self->db) == ENOSPC || sqlite3_system_errno (self->db) == EDQUOT
              || sqlite3_system_errno (self->db) == EFBIG))
        {
          code = UNKNOT_STORE_ERROR_NO_SPACE;
          hint = g_strdup (_("Free some space on the disk and try again; what was saved before is kept."));
        }
      else
        /* Translators: %s is the path of the history file */
        hint = g_strdup_printf (_("Check that the disk holding %s is working and has free space."), self->path);
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      {
        g_autofree char *folder = g_path_get_dirname (self->path);

        /* SQLite says "unable to open" for many things; name it read-only
         * only when it is. */
        if ((rc & 0xff) == SQLITE_READONLY || g_access (folder, W_OK) != 0
            || (g_access (self->path, F_OK) == 0 && g_access (self->path, W_OK) != 0))
          code = UNKNOT_STORE_ERROR_READ_ONLY;
        /* Translators: %s is the path of the history file */
        hint = g_strdup_printf (_("Check that you can write to %s and to its folder."), self->path);
      }
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* Translators: %s is the path of the history file */
      hint = g_strdup_printf (_("Another program is keeping %s busy; close it and try again."), self->path);
      break;

    default:
      break;
    }

  /* @doing is an untranslated N_() message, or one built already translated;
   * translating the latter again leaves it as it is. */
  if (hint != NULL)
    /* Translators: what failed, the database's own (English) reason and a
     * hint, e.g. "Could not save the session: disk I/O error. Check that …" */
    g_set_error (error, UNKNOT_STORE_ERROR, code, _("%s: %s. %s"), _(doing), message, hint);
  else
    /* Translators: what failed and the database's own (English) reason */
    g_set_error (error, UNKNOT_STORE_ERROR, code, _("%s: %s."), _(doing), message);
}

static gboolean
exec_sql (UnknotStore  *self,
          const char   *sql,
          const char   *doing,
          GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (UnknotStore  *self,
           const char   *sql,
           gint64       *value,
           const char   *doing,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
require_open (UnknotStore  *self,
              GError      **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
               /* Translators: %s is the path of the history file */
               _("The history in %s is not open; opening it failed or was never asked for."),
               self->path);
  return FALSE;
}

/* Opening, on the worker */

static gboolean
errno_is_read_only (int saved_errno)
{
  return saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS;
}

/* The folder holds health notes: keep it to the user.  A folder we did not
 * name is the user's choice and is left alone. */
static gboolean
prepare_folder (UnknotStore  *self,
                GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *name = g_path_get_basename (folder);
  GStatBuf st;

  if (g_stat (folder, &st) != 0)
    {
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, UNKNOT_STORE_ERROR, errno_is_read_only (saved_errno)
                                                  ? UNKNOT_STORE_ERROR_READ_ONLY : UNKNOT_STORE_ERROR_FAILED,
                       /* Translators: the first %s is a folder, the second the system's reason */
                       _("Could not create the folder %s for the history: %s. "
                         "Check that you can write to its parent folder."),
                       folder, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                   /* Translators: %s is a folder */
                   _("Could not open the history: %s is not a folder."), folder);
      return FALSE;
    }

  if (g_str_equal (name, FOLDER_NAME) && st.st_uid == getuid () && (st.st_mode & 077) != 0)
    {
      if (g_chmod (folder, 0700) != 0)
        g_warning ("Could not make %s private: %s", folder, g_strerror (errno));
    }
  return TRUE;
}

/* Created here rather than by SQLite so it is 0600 from the first byte;
 * SQLite gives the -wal and -shm files the same mode.  An existing file is
 * not touched: it may be one we must keep as it is. */
static gboolean
create_file (UnknotStore  *self,
             GError      **error)
{
  int fd = g_open (self->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int saved_errno = errno;

  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  if (saved_errno == EEXIST)
    return TRUE;

  g_set_error (error, UNKNOT_STORE_ERROR, errno_is_read_only (saved_errno)
                                          ? UNKNOT_STORE_ERROR_READ_ONLY : UNKNOT_STORE_ERROR_FAILED,
               /* Translators: the first %s is a file, the second the system's reason */
               _("Could not create the history file %s: %s. Check that you can write to its folder."),
               self->path, g_strerror (saved_errno));
  return FALSE;
}

/* Once we know the file is our database, tighten what an older build, a
 * restore from backup or a copy may have left readable by others. */
static void
tighten_file_modes (UnknotStore *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode)
          && st.st_uid == getuid () && (st.st_mode & 077) != 0
          && g_chmod (path, st.st_mode & 0700) != 0)
        g_warning ("Could not make %s private: %s", path, g_strerror (errno));
    }
}

/* Reads before anything writes: a file SQLite cannot read, or one from a
 * newer Unknot, must come out of this byte for byte as it went in. */
static gboolean
check_readable (UnknotStore  *self,
                gint64       *version,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is a file, the second the database's (English) reason */
                   _("%s is not a database Unknot can read (%s). It was left untouched: "
                     "restore it from a backup, or move it away to start a new history."),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      /* Translators: %s is the path of the history file */
      g_autofree char *doing = g_strdup_printf (_("Could not read the history in %s"), self->path);

      set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }

  if (!query_int (self, "PRAGMA user_version", version, N_("Could not read the history's version"), error))
    return FALSE;
  if (*version < 0)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file, %lld a number */
                   _("%s is not an Unknot history (its version is %lld). It was left "
                     "untouched: move it away to start a new history."), self->path, (long long) *version);
      return FALSE;
    }
  if (*version > NEWEST_VERSION)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file, %lld and %d are version numbers */
                   _("%s was written by a newer version of Unknot (history version %lld, "
                     "this one knows up to %d). It was left untouched: update Unknot to open it."),
                   self->path, (long long) *version, NEWEST_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (UnknotStore  *self,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;
  int rc;

  /* WAL lets the app, the CLI and the reminder service read while one of
   * them writes. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc, N_("Could not set up the history"));
      return FALSE;
    }
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (mode == NULL || g_ascii_strcasecmp (mode, "wal") != 0)
    g_warning ("%s stays in %s journal mode; other programs may have to wait for it",
               self->path, mode != NULL ? mode : "an unknown");

  /* FULL: a pain entry the user just saved survives a power cut.
   * secure_delete: a deleted note is overwritten, not left in a free page. */
  return exec_sql (self, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON",
                   N_("Could not set up the history"), error);
}

static gboolean
migrate (UnknotStore  *self,
         gint64        version,
         GError      **error)
{
  while (version < NEWEST_VERSION)
    {
      g_autofree char *set_version = NULL;

      /* IMMEDIATE takes the write lock first, and the version is read again
       * under it: another program may have migrated while we waited. */
      if (!exec_sql (self, "BEGIN IMMEDIATE", N_("Could not update the history to this version of Unknot"), error))
        return FALSE;
      if (!query_int (self, "PRAGMA user_version", &version, N_("Could not read the history's version"), error))
        goto rollback;
      if (version >= NEWEST_VERSION)
        {
          if (!exec_sql (self, "COMMIT", N_("Could not update the history to this version of Unknot"), error))
            goto rollback;
          break;
        }

      /* PRAGMA takes no bound parameters; the number is ours, not input. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", (int) version + 1);
      if (!exec_sql (self, migrations[version], N_("Could not update the history to this version of Unknot"), error)
          || !exec_sql (self, set_version, N_("Could not update the history to this version of Unknot"), error)
          || !exec_sql (self, "COMMIT", N_("Could not update the history to this version of Unknot"), error))
        goto rollback;
      g_debug ("Migrated %s to version %d", self->path, (int) version + 1);
      version++;
    }
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Every running session and step belongs to an app that ended without
 * saying how it went.  Their ends stay unknown (NULL). */
static gboolean
tidy_unfinished (UnknotStore  *self,
                 GError      **error)
{
  return exec_sql (self,
                   "UPDATE sessions SET outcome = 'abandoned' WHERE outcome = 'running';"
                   "UPDATE session_steps SET outcome = 'abandoned' WHERE outcome = 'running'",
                   N_("Could not tidy up sessions left unfinished"), error);
}

static void
close_db (UnknotStore *self)
{
  int rc;

  if (self->db == NULL)
    return;
  rc = sqlite3_close (self->db);
  if (rc != SQLITE_OK)
    {
      g_critical ("Closing %s left statements open: %s", self->path, sqlite3_errmsg (self->db));
      sqlite3_close_v2 (self->db);
    }
  self->db = NULL;
}

static gboolean
open_db (UnknotStore  *self,
         GError      **error)
{
  gint64 version = 0;
  int rc;

  if (self->path == NULL)
    {
      g_set_error_literal (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                           _("The history can only be kept in a local file."));
      return FALSE;
    }

  if (!prepare_folder (self, error) || !create_file (self, error))
    return FALSE;

  /* No SQLITE_OPEN_CREATE: the file exists by now, and if it went away
   * meanwhile SQLite would make it with a wider mode than ours.  NOMUTEX:
   * only this thread ever touches the connection. */
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      /* Translators: %s is the path of the history file */
      g_autofree char *doing = g_strdup_printf (_("Could not open the history in %s"), self->path);

      set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* SQLite quietly falls back to reading only; we would fail later, at the
   * first session, with a vaguer message. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is the path of the history file */
                   _("The history file %s is read-only. Check that you can write to it and to its folder."),
                   self->path);
      return FALSE;
    }

  if (!check_readable (self, &version, error))
    return FALSE;
  tighten_file_modes (self);
  if (!configure (self, error) || !migrate (self, version, error))
    return FALSE;

  /* Nothing in this process has begun a session yet. */
  return tidy_unfinished (self, error);
}

static gboolean
has_log (UnknotStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static void
open_job (UnknotStore *self,
          Job         *job)
{
  gboolean had_log;

  if (self->db != NULL)
    return;
  had_log = has_log (self);
  if (!open_db (self, &job->error))
    {
      /* Closing the last connection would fold a write-ahead log into the
       * file: not for a file we could not read or that a newer Unknot
       * wrote.  Both stay byte for byte as they were. */
      if (self->db != NULL && had_log)
        sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      close_db (self);
    }
}

static void
close_job (UnknotStore *self,
           Job         *job)
{
  close_db (self);
}

static void
flush_job (UnknotStore *self,
           Job         *job)
{
  FlushWaiter *waiter = job->args;

  g_mutex_lock (&waiter->mutex);
  waiter->done = TRUE;
  g_cond_signal (&waiter->cond);
  g_mutex_unlock (&waiter->mutex);
}

/* Sessions, on the worker */

static void
begin_session_job (UnknotStore *self,
                   Job         *job)
{
  BeginArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO sessions (routine_id, routine_title, started_utc, started_offset,"
                           " outcome, steps_total) VALUES (?, ?, ?, ?, 'running', ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, args->routine_id, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 2, args->routine_title, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 3, args->started.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 4, args->started.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 5, args->steps_total);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not save the session"));
      return;
    }
  job->id = sqlite3_last_insert_rowid (self->db);
}

static void
end_session_job (UnknotStore *self,
                 Job         *job)
{
  EndArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;

  /* No "WHERE outcome = 'running'": another program opening the history
   * mid-session marks this row abandoned, and ending it here puts it right. */
  rc = sqlite3_prepare_v2 (self->db,
                           "UPDATE sessions SET ended_utc = ?, ended_offset = ?, outcome = ?,"
                           " stop_reason = ?, active_seconds = ?, steps_completed = ? WHERE id = ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, args->ended.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 2, args->ended.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 3, outcome_names[args->outcome], -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = args->stop_reason != NULL
         ? sqlite3_bind_text (stmt, 4, args->stop_reason, -1, SQLITE_STATIC)
         : sqlite3_bind_null (stmt, 4);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 5, args->active_seconds);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 6, args->steps_completed);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 7, args->session_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not save the end of the session"));
      return;
    }
  if (sqlite3_changes (self->db) == 0)
    g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                 /* Translators: %lld is a session's number, %s the path of the history file */
                 _("Could not save the end of the session: session %lld is not in the history in %s."),
                 (long long) args->session_id, self->path);
}

static void
add_safety_event_job (UnknotStore *self,
                      Job         *job)
{
  SafetyArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO safety_events (session_id, kind, step_index, occurred_utc,"
                           " occurred_offset) VALUES (?, ?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = args->session_id > 0
         ? sqlite3_bind_int64 (stmt, 1, args->session_id)
         : sqlite3_bind_null (stmt, 1);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 2, args->kind, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = args->step_index >= 0
         ? sqlite3_bind_int (stmt, 3, args->step_index)
         : sqlite3_bind_null (stmt, 3);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 4, args->occurred.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 5, args->occurred.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, &job->error, rc, N_("Could not record the safety stop"));
}

static guint
column_uint (sqlite3_stmt *stmt,
             int           column)
{
  return (guint) CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXUINT);
}

static char *
column_dup_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
list_sessions_job (UnknotStore *self,
                   Job         *job)
{
  guint limit = GPOINTER_TO_UINT (job->args);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_session_record_free);
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, routine_id, routine_title, started_utc, started_offset,"
                           " ended_utc, ended_offset, outcome, stop_reason, active_seconds,"
                           " steps_completed, steps_total"
                           " FROM sessions ORDER BY started_utc DESC, id DESC LIMIT ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UnknotSessionRecord) record = g_new0 (UnknotSessionRecord, 1);
      const char *outcome = (const char *) sqlite3_column_text (stmt, 7);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->routine_id = column_dup_text (stmt, 1);
      record->routine_title = column_dup_text (stmt, 2);
      record->started_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 3),
                                                 sqlite3_column_int64 (stmt, 4));
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        record->ended_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 5),
                                                 sqlite3_column_int64 (stmt, 6));
      record->stop_reason = column_dup_text (stmt, 8);
      record->active_seconds = column_uint (stmt, 9);
      record->steps_completed = column_uint (stmt, 10);
      record->steps_total = column_uint (stmt, 11);

      if (!outcome_from_string (outcome, &record->outcome) || record->started_at == NULL)
        {
          g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                       /* Translators: %lld is a session's number, %s the path of the history file */
                       _("Could not read the history: session %lld in %s is not"
                         " one this version of Unknot understands."), (long long) record->id, self->path);
          return;
        }
      g_ptr_array_add (records, g_steal_pointer (&record));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not read the history"));
      return;
    }
  job->records = g_steal_pointer (&records);
}

static void
list_safety_events_job (UnknotStore *self,
                        Job         *job)
{
  SpanArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_safety_event_record_free);
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, session_id, kind, step_index, occurred_utc, occurred_offset"
                           " FROM safety_events WHERE occurred_utc >= ? AND occurred_utc < ?"
                           " ORDER BY occurred_utc DESC, id DESC",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, args->from_utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 2, args->until_utc);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UnknotSafetyEventRecord) record = g_new0 (UnknotSafetyEventRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->session_id = sqlite3_column_int64 (stmt, 1);
      record->kind = column_dup_text (stmt, 2);
      record->step_index = sqlite3_column_type (stmt, 3) != SQLITE_NULL
                           ? (gint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXINT) : -1;
      record->occurred_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 4),
                                                               sqlite3_column_int64 (stmt, 5));
      if (record->kind == NULL || record->occurred_at == NULL)
        {
          g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                       /* Translators: %lld is a safety stop's number, %s the path of the history file */
                       _("Could not read the safety stops: safety stop %lld in %s is not"
                         " one this version of Unknot understands."), (long long) record->id, self->path);
          return;
        }
      g_ptr_array_add (records, g_steal_pointer (&record));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not read the safety stops"));
      return;
    }
  job->records = g_steal_pointer (&records);
}

/* Steps, on the worker */

static void
begin_step_job (UnknotStore *self,
                Job         *job)
{
  BeginStepArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO session_steps (session_id, step_index, step_title, started_utc,"
                           " started_offset, outcome) VALUES (?, ?, ?, ?, ?, 'running')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, args->session_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 2, args->step_index);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 3, args->step_title, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 4, args->started.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 5, args->started.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not save the step"));
      return;
    }
  job->id = sqlite3_last_insert_rowid (self->db);
}

static void
end_step_job (UnknotStore *self,
              Job         *job)
{
  EndStepArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;

  /* By its end, not its outcome: another program opening the history
   * mid-step marks it abandoned, and ending it here puts it right. */
  rc = sqlite3_prepare_v2 (self->db,
                           "UPDATE session_steps SET ended_utc = ?, ended_offset = ?, outcome = ?"
                           " WHERE session_id = ? AND ended_utc IS NULL",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, args->ended.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 2, args->ended.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 3, step_outcome_names[args->outcome], -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 4, args->session_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not save the end of the step"));
      return;
    }
  if (sqlite3_changes (self->db) == 0)
    g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                 /* Translators: %lld is a session's number, %s the path of the history file */
                 _("Could not save the end of the step: session %lld has no step under way in %s."),
                 (long long) args->session_id, self->path);
}

static void
list_session_steps_job (UnknotStore *self,
                        Job         *job)
{
  gint64 session_id = *(gint64 *) job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_step_record_free);
  int rc;

  if (!require_open (self, &job->error))
    return;

  /* By id: the order they were reached, whatever the wall clock did. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, session_id, step_index, step_title, started_utc, started_offset,"
                           " ended_utc, ended_offset, outcome"
                           " FROM session_steps WHERE session_id = ? ORDER BY id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, session_id);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UnknotStepRecord) record = g_new0 (UnknotStepRecord, 1);
      const char *outcome = (const char *) sqlite3_column_text (stmt, 8);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->session_id = sqlite3_column_int64 (stmt, 1);
      record->step_index = column_uint (stmt, 2);
      record->step_title = column_dup_text (stmt, 3);
      record->started_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 4),
                                                              sqlite3_column_int64 (stmt, 5));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        record->ended_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 6),
                                                              sqlite3_column_int64 (stmt, 7));

      if (!step_outcome_from_string (outcome, &record->outcome) || record->started_at == NULL)
        {
          g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                       /* Translators: %lld is a step's number, %s the path of the history file */
                       _("Could not read the steps: step %lld in %s is not"
                         " one this version of Unknot understands."), (long long) record->id, self->path);
          return;
        }
      g_ptr_array_add (records, g_steal_pointer (&record));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not read the steps"));
      return;
    }
  job->records = g_steal_pointer (&records);
}

/* Reminder events, on the worker */

static void
add_reminder_event_job (UnknotStore *self,
                        Job         *job)
{
  ReminderEventArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO reminder_events (kind, routine_id, occurred_utc, occurred_offset)"
                           " VALUES (?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, args->kind, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = args->routine_id != NULL
         ? sqlite3_bind_text (stmt, 2, args->routine_id, -1, SQLITE_STATIC)
         : sqlite3_bind_null (stmt, 2);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 3, args->occurred.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 4, args->occurred.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, &job->error, rc, N_("Could not record the reminder"));
}

static void
list_reminder_events_job (UnknotStore *self,
                          Job         *job)
{
  guint limit = GPOINTER_TO_UINT (job->args);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_reminder_event_record_free);
  int rc;

  if (!require_open (self, &job->error))
    return;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, kind, routine_id, occurred_utc, occurred_offset"
                           " FROM reminder_events ORDER BY occurred_utc DESC, id DESC LIMIT ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UnknotReminderEventRecord) record = g_new0 (UnknotReminderEventRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->kind = column_dup_text (stmt, 1);
      record->routine_id = column_dup_text (stmt, 2);
      record->occurred_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 3),
                                                  sqlite3_column_int64 (stmt, 4));
      if (record->kind == NULL || record->occurred_at == NULL)
        {
          g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                       /* Translators: %lld is a reminder's number, %s the path of the history file */
                       _("Could not read the reminder history: reminder %lld in %s is not"
                         " one this version of Unknot understands."), (long long) record->id, self->path);
          return;
        }
      g_ptr_array_add (records, g_steal_pointer (&record));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not read the reminder history"));
      return;
    }
  job->records = g_steal_pointer (&records);
}

/* The whole file, on the worker */

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  UnknotStoreError code = UNKNOT_STORE_ERROR_FAILED;
  g_autofree char *doing = NULL;
  va_list args;

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      code = UNKNOT_STORE_ERROR_NO_SPACE;
      break;
    case EROFS:
    case EACCES:
    case EPERM:
      code = UNKNOT_STORE_ERROR_READ_ONLY;
      break;
    case EEXIST:
      code = UNKNOT_STORE_ERROR_EXISTS;
      break;
    default:
      break;
    }

  va_start (args, format);
  doing = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: what failed and the system's reason, e.g. "Could not write x: Permission denied." */
  g_set_error (error, UNKNOT_STORE_ERROR, code, _("%s: %s."), doing, g_strerror (saved_errno));
}

static gboolean
sync_path (const char  *path,
           gboolean     folder,
           GError     **error)
{
  int fd = g_open (path, (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  /* Some file systems cannot sync a folder; the file itself is synced. */
  if (folder && (saved_errno == EINVAL || saved_errno == EBADF))
    return TRUE;
  set_errno_error (error, saved_errno, _("Could not write %s to the disk"), path);
  return FALSE;
}

/* Puts the finished @temp at @dest.  Without @overwrite, link() is the
 * atomic "only if nothing is there yet", so two exports racing for a name
 * cannot replace each other's file. */
static gboolean
publish_file (const char  *temp,
              const char  *dest,
              gboolean     overwrite,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (dest);

  if (!overwrite)
    {
      if (link (temp, dest) == 0)
        g_unlink (temp);
      else if (errno == EEXIST)
        {
          g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS,
                       _("%s already exists; it was left as it is. Choose another name."), dest);
          return FALSE;
        }
      else if (g_file_test (dest, G_FILE_TEST_EXISTS))
        {
          /* A file system without hard links: checked, then renamed. */
          g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS,
                       _("%s already exists; it was left as it is. Choose another name."), dest);
          return FALSE;
        }
      else if (g_rename (temp, dest) != 0)
        {
          set_errno_error (error, errno, _("Could not write %s"), dest);
          return FALSE;
        }
    }
  else if (g_rename (temp, dest) != 0)
    {
      set_errno_error (error, errno, _("Could not write %s"), dest);
      return FALSE;
    }
  return sync_path (folder, TRUE, error);
}

/* A new, empty, private file beside @dest, for writing before publishing. */
static char *
make_temp_beside (const char  *dest,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (folder, name, NULL);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not write %s"), dest);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

gboolean
unknot_store_write_file_atomically (const char  *path,
                                    const char  *data,
                                    gsize        length,
                                    gboolean     overwrite,
                                    GError     **error)
{
  g_autofree char *temp = NULL;
  int fd;

  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS,
                   _("%s already exists; it was left as it is. Choose another name."), path);
      return FALSE;
    }
  temp = make_temp_beside (path, error);
  if (temp == NULL)
    return FALSE;

  fd = g_open (temp, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not write %s"), path);
      g_unlink (temp);
      return FALSE;
    }
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, n < 0 ? errno : ENOSPC, _("Could not write %s"), path);
          close (fd);
          g_unlink (temp);
          return FALSE;
        }
      done += (gsize) n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      set_errno_error (error, errno, _("Could not write %s to the disk"), path);
      g_unlink (temp);
      return FALSE;
    }
  if (!publish_file (temp, path, overwrite, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char     *path;
  gboolean  overwrite;
} FileArgs;

static void
file_args_free (FileArgs *args)
{
  g_free (args->path);
  g_free (args);
}

static const char * const db_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* "PATH.what-YYYYMMDD-HHMMSS", with "-2", "-3"… when that is taken by the
 * file or its -wal or -shm. */
static char *
stamped_path (const char *path,
              const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1
                                   ? g_strdup_printf ("%s.%s-%s", path, what, stamp)
                                   : g_strdup_printf ("%s.%s-%s-%u", path, what, stamp, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
        {
          g_autofree char *name = g_strconcat (candidate, db_suffixes[i], NULL);

          taken |= g_file_test (name, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
        }
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

static gboolean
check_quick (sqlite3     *db,
             const char  *path,
             const char  *pragma,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *answer = NULL;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    answer = (const char *) sqlite3_column_text (stmt, 0);
  if (answer == NULL || !g_str_equal (answer, "ok") || sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is a file, the second the database's (English) reason */
                   _("%s is damaged (%s); it was not used."), path,
                   answer != NULL ? answer : sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static void
backup_job (UnknotStore *self,
            Job         *job)
{
  FileArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *temp = NULL;
  sqlite3 *check = NULL;
  int rc;

  if (!require_open (self, &job->error))
    return;
  if (!args->overwrite && g_file_test (args->path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS,
                   _("%s already exists; it was left as it is. Choose another name."), args->path);
      return;
    }
  temp = make_temp_beside (args->path, &job->error);
  if (temp == NULL)
    return;

  /* A consistent snapshot, even while another program writes. */
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, temp, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      /* Translators: %s is the path of the backup file */
      g_autofree char *doing = g_strdup_printf (_("Could not write the backup %s"), args->path);

      set_sqlite_error (self, &job->error, rc, doing);
      g_unlink (temp);
      return;
    }

  if (!sync_path (temp, FALSE, &job->error))
    {
      g_unlink (temp);
      return;
    }
  rc = sqlite3_open_v2 (temp, &check, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || !check_quick (check, args->path, "PRAGMA quick_check", &job->error))
    {
      if (job->error == NULL)
        g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                     /* Translators: the first %s is a file, the second the database's (English) reason */
                     _("Could not check the backup %s: %s."), args->path, sqlite3_errstr (rc));
      sqlite3_close (check);
      g_unlink (temp);
      return;
    }
  sqlite3_close (check);

  if (!publish_file (temp, args->path, args->overwrite, &job->error))
    g_unlink (temp);
}

/* What a backup of each version must hold to be one of ours. */
static const char * const tables_of_version[][9] = {
  { NULL },
  { "sessions", "safety_events", NULL },
  { "sessions", "safety_events", "reminder_events", NULL },
  { "sessions", "safety_events", "reminder_events", "pain_entries", "pain_entry_regions",
    "tags", "pain_entry_tags", NULL },
  { "sessions", "safety_events", "reminder_events", "pain_entries", "pain_entry_regions",
    "tags", "pain_entry_tags", "session_steps", NULL },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tables_of_version) == NEWEST_VERSION + 1);

static gboolean
check_backup (sqlite3     *db,
              const char  *path,
              gint64      *version,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is a file, the second the database's (English) reason */
                   _("%s is not a backup Unknot can read (%s); nothing was changed."),
                   path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                   _("Could not read the backup %s: %s; nothing was changed."), path, sqlite3_errmsg (db));
      return FALSE;
    }
  *version = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!check_quick (db, path, "PRAGMA integrity_check", error))
    return FALSE;
  if (*version > NEWEST_VERSION)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file, %lld and %d are version numbers */
                   _("%s is a backup from a newer version of Unknot (history version %lld, "
                     "this one knows up to %d); nothing was changed. Update Unknot to restore it."),
                   path, (long long) *version, NEWEST_VERSION);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("%s is not an Unknot backup; nothing was changed."), path);
      return FALSE;
    }
  for (guint i = 0; tables_of_version[*version][i] != NULL; i++)
    {
      rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_bind_text (stmt, 1, tables_of_version[*version][i], -1, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                       /* Translators: the first %s is a file, the second the name of a table in it */
                       _("%s is not an Unknot backup (it has no %s table); nothing was changed."),
                       path, tables_of_version[*version][i]);
          return FALSE;
        }
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   /* Translators: the first %s is a file, the second the reason */
                   _("%s is not a consistent Unknot backup (%s); nothing was changed."), path,
                   rc == SQLITE_ROW ? _("rows refer to rows that are not there") : sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Copies the backup into our own folder first: the user's file is only
 * ever read, and what is checked is exactly what is restored. */
static sqlite3 *
open_backup_copy (UnknotStore  *self,
                  const char   *source,
                  char        **copy_path,
                  gint64       *version,
                  GError      **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = NULL;
  g_autofree char *temp = make_temp_beside (self->path, error);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  gint64 live_page_size = 0, page_size = 0;
  int rc;

  if (temp == NULL)
    return NULL;
  to = g_file_new_for_path (temp);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL,
                    &local_error))
    {
      g_set_error (error, UNKNOT_STORE_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                   ? UNKNOT_STORE_ERROR_NO_SPACE : UNKNOT_STORE_ERROR_FAILED,
                   _("Could not read the backup %s: %s; nothing was changed."), source, local_error->message);
      g_unlink (temp);
      return NULL;
    }

  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK || !check_backup (db, source, version, error))
    {
      if (rc != SQLITE_OK)
        g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                     _("Could not read the backup %s: %s; nothing was changed."), source, sqlite3_errstr (rc));
      sqlite3_close (db);
      g_unlink (temp);
      return NULL;
    }

  /* The backup API copies pages as they are, and a WAL database only
   * takes pages of its own size. */
  if (query_int (self, "PRAGMA page_size", &live_page_size, N_("Could not read the history"), error))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      rc = sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        page_size = sqlite3_column_int64 (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (page_size != live_page_size)
        {
          g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode=DELETE; PRAGMA page_size=%" G_GINT64_FORMAT
                                                  "; VACUUM", live_page_size);

          rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
          if (rc != SQLITE_OK)
            {
              g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                           /* Translators: the first %s is a file, the second the database's (English) reason */
                           _("Could not prepare the backup %s: %s; nothing was changed."),
                           source, sqlite3_errmsg (db));
              sqlite3_close (db);
              g_unlink (temp);
              return NULL;
            }
        }
      *copy_path = g_steal_pointer (&temp);
      return db;
    }
  sqlite3_close (db);
  g_unlink (temp);
  return NULL;
}

static void
remove_database_files (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, db_suffixes[i], NULL);

      g_unlink (name);
    }
}

static void
restore_backup_job (UnknotStore *self,
                    Job         *job)
{
  FileArgs *args = job->args;
  g_autofree char *copy_path = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  gint64 version = 0;
  int rc;

  if (!require_open (self, &job->error))
    return;
  source = open_backup_copy (self, args->path, &copy_path, &version, &job->error);
  if (source == NULL)
    return;

  /* What is replaced is kept first, as one file anyone can open.  Made
   * empty and private first: VACUUM INTO would create it world-readable. */
  aside = stamped_path (self->path, "before-restore");
  {
    int fd = g_open (aside, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

    if (fd < 0)
      {
        set_errno_error (&job->error, errno, _("Could not keep a copy of the history in %s; nothing was changed"),
                         aside);
        goto out;
      }
    close (fd);
  }
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, aside, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not keep a copy of the history before restoring; nothing was changed"));
      g_unlink (aside);
      goto out;
    }
  if (!sync_path (aside, FALSE, &job->error))
    {
      g_unlink (aside);
      goto out;
    }

  /* Through SQLite, page by page in one transaction, so another program
   * with the file open (the reminder service) sees the change as an
   * ordinary write, never a file swapped under it. */
  backup = sqlite3_backup_init (self->db, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (self, &job->error, sqlite3_errcode (self->db), N_("Could not restore the backup"));
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &job->error, rc, N_("Could not restore the backup; the history was left as it was"));
      goto out;
    }

  if (!migrate (self, version, &job->error) || !tidy_unfinished (self, &job->error))
    goto out;
  job->pointer = g_file_new_for_path (aside);
  job->pointer_free = g_object_unref;

out:
  sqlite3_close (source);
  remove_database_files (copy_path);
}

static gboolean
is_ours_beside (const char *name,
                const char *base)
{
  /* The database and what Unknot itself puts beside it. */
  static const char * const kinds[] = { ".broken-", ".before-restore-", NULL };

  if (!g_str_has_prefix (name, base))
    return FALSE;
  name += strlen (base);
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    if (g_str_equal (name, db_suffixes[i]))
      return TRUE;
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_has_prefix (name, kinds[i]))
      return TRUE;
  /* Our temporary files: ".unknot.db.XXXXXX". */
  return FALSE;
}

static void
delete_all_data_job (UnknotStore *self,
                     Job         *job)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *temp_prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GStrvBuilder) deleted = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) existed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  /* Closing folds the log into the file and removes it: it counts among
   * what was deleted. */
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, db_suffixes[i], NULL);

      if (i > 0 && g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (existed, g_steal_pointer (&path));
    }
  close_db (self);
  for (guint i = 0; i < existed->len; i++)
    if (!g_file_test (g_ptr_array_index (existed, i), G_FILE_TEST_EXISTS))
      g_strv_builder_add (deleted, g_ptr_array_index (existed, i));

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                     /* Translators: %s is the reason */
                     _("Could not delete the history: %s."), local_error->message);
      else
        job->pointer = g_strv_builder_end (deleted);
      job->pointer_free = (GDestroyNotify) g_strfreev;
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_ours_beside (name, base) || g_str_has_prefix (name, temp_prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  /* The main file last: if anything fails, what is left can still be
   * found and deleted by trying again. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < names->len; i++)
      {
        const char *entry = g_ptr_array_index (names, i);
        g_autofree char *path = g_build_filename (folder, entry, NULL);

        if ((pass == 1) != g_str_equal (entry, base))
          continue;
        if (g_unlink (path) != 0 && errno != ENOENT)
          {
            if (job->error == NULL)
              set_errno_error (&job->error, errno, _("Could not delete %s"), path);
            continue;
          }
        g_strv_builder_add (deleted, path);
      }
  sync_path (folder, TRUE, NULL);

  job->pointer_free = (GDestroyNotify) g_strfreev;
  if (job->error == NULL)
    job->pointer = g_strv_builder_end (deleted);
}

static void
move_aside_job (UnknotStore *self,
                Job         *job)
{
  g_autofree char *aside = NULL;
  guint moved = 0;

  if (self->db != NULL)
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                   /* Translators: %s is the path of the history file */
                   _("%s is open and working; only a history that could not be opened is moved aside."),
                   self->path);
      return;
    }
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is the path of the history file */
                   _("There is no history at %s to move aside."), self->path);
      return;
    }

  aside = stamped_path (self->path, "broken");
  /* The log first: a -wal left beside a new empty file would be read into
   * it; a file moved without its log can be put back by hand. */
  for (guint i = G_N_ELEMENTS (db_suffixes); i-- > 0;)
    {
      g_autofree char *from = g_strconcat (self->path, db_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, db_suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          /* Translators: both %s are paths */
          set_errno_error (&job->error, errno, _("Could not move %s aside to %s"), from, to);
          /* Put back what moved, so the set stays together. */
          for (guint j = i + 1; j < G_N_ELEMENTS (db_suffixes) && moved > 0; j++)
            {
              g_autofree char *back_from = g_strconcat (aside, db_suffixes[j], NULL);
              g_autofree char *back_to = g_strconcat (self->path, db_suffixes[j], NULL);

              if (g_file_test (back_from, G_FILE_TEST_EXISTS) && g_rename (back_from, back_to) == 0)
                moved--;
            }
          return;
        }
      moved++;
    }
  {
    g_autofree char *folder = g_path_get_dirname (self->path);

    sync_path (folder, TRUE, NULL);
  }
  job->pointer = g_file_new_for_path (aside);
  job->pointer_free = g_object_unref;
}

/* Shared with unknot-store-pain.c */

GTask *
unknot_store_new_task (UnknotStore         *self,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  return new_task (self, source_tag, cancellable, callback, user_data);
}

void
unknot_store_queue_job (UnknotStore    *self,
                        JobFunc         run,
                        GTask          *task,
                        ResultKind      result_kind,
                        gpointer        args,
                        GDestroyNotify  args_free)
{
  queue_job (self, run, task, result_kind, args, args_free);
}

void
unknot_store_set_sqlite_error (UnknotStore  *self,
                               GError      **error,
                               int           rc,
                               const char   *doing)
{
  set_sqlite_error (self, error, rc, doing);
}

gboolean
unknot_store_exec_sql (UnknotStore  *self,
                       const char   *sql,
                       const char   *doing,
                       GError      **error)
{
  return exec_sql (self, sql, doing, error);
}

gboolean
unknot_store_require_open (UnknotStore  *self,
                           GError      **error)
{
  return require_open (self, error);
}

gboolean
unknot_store_begin_write (UnknotStore  *self,
                          const char   *doing,
                          GError      **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", doing, error);
}

gboolean
unknot_store_commit (UnknotStore  *self,
                     const char   *doing,
                     GError      **error)
{
  if (exec_sql (self, "COMMIT", doing, error))
    return TRUE;
  unknot_store_rollback (self);
  return FALSE;
}

void
unknot_store_rollback (UnknotStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The public API, on the caller's thread */

static void
unknot_store_constructed (GObject *object)
{
  UnknotStore *self = UNKNOT_STORE (object);

  G_OBJECT_CLASS (unknot_store_parent_class)->constructed (object);

  g_assert (self->file != NULL);
  self->path = g_file_get_path (self->file);
  self->queue = g_async_queue_new ();
  self->thread = g_thread_new ("unknot-store", worker_main, self);
}

static void
unknot_store_dispose (GObject *object)
{
  UnknotStore *self = UNKNOT_STORE (object);

  /* The queue runs dry first: nothing the caller asked for is dropped. */
  if (self->thread != NULL)
    {
      queue_job (self, close_job, NULL, RESULT_BOOLEAN, NULL, NULL);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  G_OBJECT_CLASS (unknot_store_parent_class)->dispose (object);
}

static void
unknot_store_finalize (GObject *object)
{
  UnknotStore *self = UNKNOT_STORE (object);

  g_assert (self->db == NULL);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_object (&self->file);
  g_free (self->path);

  G_OBJECT_CLASS (unknot_store_parent_class)->finalize (object);
}

static void
unknot_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UnknotStore *self = UNKNOT_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UnknotStore *self = UNKNOT_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_store_class_init (UnknotStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_store_constructed;
  object_class->dispose = unknot_store_dispose;
  object_class->finalize = unknot_store_finalize;
  object_class->get_property = unknot_store_get_property;
  object_class->set_property = unknot_store_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_store_init (UnknotStore *self)
{
}

UnknotStore *
unknot_store_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (UNKNOT_TYPE_STORE, "file", file, NULL);
}

void
unknot_store_open_async (UnknotStore         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, unknot_store_open_async, cancellable, callback, user_data);
  queue_job (self, open_job, task, RESULT_BOOLEAN, NULL, NULL);
}

gboolean
unknot_store_open_finish (UnknotStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_store_begin_session_async (UnknotStore         *self,
                                  const char          *routine_id,
                                  const char          *routine_title,
                                  guint                steps_total,
                                  GDateTime           *started_at,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  BeginArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (routine_id != NULL);
  g_return_if_fail (routine_title != NULL);
  g_return_if_fail (started_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (BeginArgs, 1);
  args->routine_id = g_strdup (routine_id);
  args->routine_title = g_strdup (routine_title);
  args->steps_total = steps_total;
  args->started = unknot_store_stamp_from_date_time (started_at);

  task = new_task (self, unknot_store_begin_session_async, cancellable, callback, user_data);
  queue_job (self, begin_session_job, task, RESULT_ID, args, (GDestroyNotify) begin_args_free);
}

gint64
unknot_store_begin_session_finish (UnknotStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_begin_session_async, 0);

  if (!g_task_propagate_value (G_TASK (result), &value, error))
    return 0;
  return g_value_get_int64 (&value);
}

void
unknot_store_end_session_async (UnknotStore          *self,
                                gint64                session_id,
                                UnknotSessionOutcome  outcome,
                                const char           *stop_reason,
                                GDateTime            *ended_at,
                                guint                 active_seconds,
                                guint                 steps_completed,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  EndArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (outcome > UNKNOT_SESSION_OUTCOME_RUNNING && outcome < G_N_ELEMENTS (outcome_names));
  g_return_if_fail (ended_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (EndArgs, 1);
  args->session_id = session_id;
  args->outcome = outcome;
  args->stop_reason = g_strdup (stop_reason);
  args->ended = unknot_store_stamp_from_date_time (ended_at);
  args->active_seconds = active_seconds;
  args->steps_completed = steps_completed;

  task = new_task (self, unknot_store_end_session_async, cancellable, callback, user_data);
  queue_job (self, end_session_job, task, RESULT_BOOLEAN, args, (GDestroyNotify) end_args_free);
}

gboolean
unknot_store_end_session_finish (UnknotStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_end_session_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_store_add_safety_event_async (UnknotStore         *self,
                                     gint64               session_id,
                                     const char          *kind,
                                     gint                 step_index,
                                     GDateTime           *occurred_at,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SafetyArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (occurred_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (SafetyArgs, 1);
  args->session_id = session_id;
  args->kind = g_strdup (kind);
  args->step_index = step_index;
  args->occurred = unknot_store_stamp_from_date_time (occurred_at);

  task = new_task (self, unknot_store_add_safety_event_async, cancellable, callback, user_data);
  queue_job (self, add_safety_event_job, task, RESULT_BOOLEAN, args, (GDestroyNotify) safety_args_free);
}

gboolean
unknot_store_add_safety_event_finish (UnknotStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_add_safety_event_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_store_list_safety_events_async (UnknotStore         *self,
                                       GDateTime           *from,
                                       GDateTime           *until,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SpanArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (SpanArgs, 1);
  args->from_utc = from != NULL ? unknot_store_stamp_from_date_time (from).utc : G_MININT64;
  args->until_utc = until != NULL ? unknot_store_stamp_from_date_time (until).utc : G_MAXINT64;

  task = new_task (self, unknot_store_list_safety_events_async, cancellable, callback, user_data);
  queue_job (self, list_safety_events_job, task, RESULT_RECORDS, args, g_free);
}

GPtrArray *
unknot_store_list_safety_events_finish (UnknotStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_list_safety_events_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
unknot_store_begin_step_async (UnknotStore         *self,
                               gint64               session_id,
                               guint                step_index,
                               const char          *step_title,
                               GDateTime           *started_at,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  BeginStepArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (step_title != NULL);
  g_return_if_fail (started_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (BeginStepArgs, 1);
  args->session_id = session_id;
  args->step_index = step_index;
  args->step_title = g_strdup (step_title);
  args->started = unknot_store_stamp_from_date_time (started_at);

  task = new_task (self, unknot_store_begin_step_async, cancellable, callback, user_data);
  queue_job (self, begin_step_job, task, RESULT_ID, args, (GDestroyNotify) begin_step_args_free);
}

gint64
unknot_store_begin_step_finish (UnknotStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_begin_step_async, 0);

  if (!g_task_propagate_value (G_TASK (result), &value, error))
    return 0;
  return g_value_get_int64 (&value);
}

void
unknot_store_end_step_async (UnknotStore         *self,
                             gint64               session_id,
                             UnknotStepOutcome    outcome,
                             GDateTime           *ended_at,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  EndStepArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (outcome > UNKNOT_STEP_OUTCOME_RUNNING && outcome < G_N_ELEMENTS (step_outcome_names));
  g_return_if_fail (ended_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (EndStepArgs, 1);
  args->session_id = session_id;
  args->outcome = outcome;
  args->ended = unknot_store_stamp_from_date_time (ended_at);

  task = new_task (self, unknot_store_end_step_async, cancellable, callback, user_data);
  queue_job (self, end_step_job, task, RESULT_BOOLEAN, args, g_free);
}

gboolean
unknot_store_end_step_finish (UnknotStore   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_end_step_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_store_list_session_steps_async (UnknotStore         *self,
                                       gint64               session_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, unknot_store_list_session_steps_async, cancellable, callback, user_data);
  queue_job (self, list_session_steps_job, task, RESULT_RECORDS,
             g_memdup2 (&session_id, sizeof session_id), g_free);
}

GPtrArray *
unknot_store_list_session_steps_finish (UnknotStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_list_session_steps_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
unknot_store_list_sessions_async (UnknotStore         *self,
                                  guint                limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, unknot_store_list_sessions_async, cancellable, callback, user_data);
  queue_job (self, list_sessions_job, task, RESULT_RECORDS, GUINT_TO_POINTER (limit), NULL);
}

GPtrArray *
unknot_store_list_sessions_finish (UnknotStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_list_sessions_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
unknot_store_add_reminder_event_async (UnknotStore         *self,
                                       const char          *kind,
                                       const char          *routine_id,
                                       GDateTime           *occurred_at,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  ReminderEventArgs *args;
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (occurred_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  args = g_new0 (ReminderEventArgs, 1);
  args->kind = g_strdup (kind);
  args->routine_id = g_strdup (routine_id);
  args->occurred = unknot_store_stamp_from_date_time (occurred_at);

  task = new_task (self, unknot_store_add_reminder_event_async, cancellable, callback, user_data);
  queue_job (self, add_reminder_event_job, task, RESULT_BOOLEAN, args,
             (GDestroyNotify) reminder_event_args_free);
}

gboolean
unknot_store_add_reminder_event_finish (UnknotStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_add_reminder_event_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_store_list_reminder_events_async (UnknotStore         *self,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, unknot_store_list_reminder_events_async, cancellable, callback, user_data);
  queue_job (self, list_reminder_events_job, task, RESULT_RECORDS, GUINT_TO_POINTER (limit), NULL);
}

GPtrArray *
unknot_store_list_reminder_events_finish (UnknotStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_store_list_reminder_events_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
unknot_store_flush (UnknotStore *self)
{
  FlushWaiter waiter = { 0 };

  g_return_if_fail (UNKNOT_IS_STORE (self));

  g_mutex_init (&waiter.mutex);
  g_cond_init (&waiter.cond);

  g_mutex_lock (&waiter.mutex);
  queue_job (self, flush_job, NULL, RESULT_BOOLEAN, &waiter, NULL);
  while (!waiter.done)
    g_cond_wait (&waiter.cond, &waiter.mutex);
  g_mutex_unlock (&waiter.mutex);

  g_mutex_clear (&waiter.mutex);
  g_cond_clear (&waiter.cond);
}

static FileArgs *
file_args_new (GFile    *file,
               gboolean  overwrite)
{
  FileArgs *args = g_new0 (FileArgs, 1);

  args->path = g_file_get_path (file);
  args->overwrite = overwrite;
  return args;
}

static gboolean
report_if_not_local (UnknotStore         *self,
                     GFile               *file,
                     gpointer             source_tag,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = NULL;

  if (path != NULL)
    return FALSE;
  uri = g_file_get_uri (file);
  g_task_report_new_error (self, callback, user_data, source_tag,
                           UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                           /* Translators: %s is the address of a file */
                           _("%s is not a local file; choose a file on this computer."), uri);
  return TRUE;
}

void
unknot_store_backup_async (UnknotStore         *self,
                           GFile               *dest,
                           gboolean             overwrite,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (dest));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (report_if_not_local (self, dest, unknot_store_backup_async, callback, user_data))
    return;
  task = new_task (self, unknot_store_backup_async, cancellable, callback, user_data);
  queue_job (self, backup_job, task, RESULT_BOOLEAN, file_args_new (dest, overwrite),
             (GDestroyNotify) file_args_free);
}

gboolean
unknot_store_backup_finish (UnknotStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, unknot_store_backup_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
unknot_store_restore_backup_async (UnknotStore         *self,
                                   GFile               *source,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (report_if_not_local (self, source, unknot_store_restore_backup_async, callback, user_data))
    return;
  task = new_task (self, unknot_store_restore_backup_async, cancellable, callback, user_data);
  queue_job (self, restore_backup_job, task, RESULT_POINTER, file_args_new (source, FALSE),
             (GDestroyNotify) file_args_free);
}

GFile *
unknot_store_restore_backup_finish (UnknotStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, unknot_store_restore_backup_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
unknot_store_delete_all_data_async (UnknotStore         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, unknot_store_delete_all_data_async, cancellable, callback, user_data);
  queue_job (self, delete_all_data_job, task, RESULT_POINTER, NULL, NULL);
}

GStrv
unknot_store_delete_all_data_finish (UnknotStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, unknot_store_delete_all_data_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
unknot_store_move_aside_async (UnknotStore         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, unknot_store_move_aside_async, cancellable, callback, user_data);
  queue_job (self, move_aside_job, task, RESULT_POINTER, NULL, NULL);
}

GFile *
unknot_store_move_aside_finish (UnknotStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, unknot_store_move_aside_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
