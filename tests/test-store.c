/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history database as a user depends on it: private files, a session
 * row (and a row for each step) that exists from the first second and
 * survives a crash, times read back as they were lived, and a damaged or
 * newer file that is never overwritten. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unknot-store.h"

/* The newest schema this build knows; bump it with each new migration. */
#define NEWEST_VERSION 4

#define WAIT_SECONDS 10

static GThread *main_thread;

/* Every test gets its own empty folder, removed when it ends. */
typedef struct
{
  char *folder;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  /* A test may have left a folder read-only; we still want it gone. */
  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("unknot-test-store-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->folder, g_free);
}

static char *
fixture_path (Fixture    *fixture,
              const char *relative)
{
  return g_build_filename (fixture->folder, relative, NULL);
}

static UnknotStore *
store_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return unknot_store_new (file);
}

/* Driving the async API */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  /* Results arrive on the caller's thread, never the store's worker. */
  g_assert_true (g_thread_self () == main_thread);
  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the default context until *@slot is set, for at most WAIT_SECONDS. */
static GAsyncResult *
await (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The store did not answer within %d s", WAIT_SECONDS);
  g_source_remove (timeout_id);
  return g_steal_pointer (slot);
}

static gboolean
store_open (UnknotStore  *store,
            GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_open_async (store, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_open_finish (store, result, error);
}

static gint64
store_begin (UnknotStore  *store,
             const char   *routine_id,
             const char   *routine_title,
             guint         steps_total,
             GDateTime    *started_at,
             GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_begin_session_async (store, routine_id, routine_title, steps_total, started_at,
                                    NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_begin_session_finish (store, result, error);
}

static gboolean
store_end (UnknotStore           *store,
           gint64                 session_id,
           UnknotSessionOutcome   outcome,
           const char            *stop_reason,
           GDateTime             *ended_at,
           guint                  active_seconds,
           guint                  steps_completed,
           GError               **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_end_session_async (store, session_id, outcome, stop_reason, ended_at,
                                  active_seconds, steps_completed, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_end_session_finish (store, result, error);
}

static gboolean
store_add_safety_event (UnknotStore  *store,
                        gint64        session_id,
                        const char   *kind,
                        int           step_index,
                        GDateTime    *occurred_at,
                        GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_add_safety_event_async (store, session_id, kind, step_index, occurred_at,
                                       NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_add_safety_event_finish (store, result, error);
}

static GPtrArray *
store_list (UnknotStore  *store,
            guint         limit,
            GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_list_sessions_async (store, limit, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_list_sessions_finish (store, result, error);
}

static gboolean
store_add_reminder_event (UnknotStore  *store,
                          const char   *kind,
                          const char   *routine_id,
                          GDateTime    *occurred_at,
                          GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_add_reminder_event_async (store, kind, routine_id, occurred_at, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_add_reminder_event_finish (store, result, error);
}

static GPtrArray *
store_list_reminder_events (UnknotStore  *store,
                            guint         limit,
                            GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_list_reminder_events_async (store, limit, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_list_reminder_events_finish (store, result, error);
}

static gint64
store_begin_step (UnknotStore  *store,
                  gint64        session_id,
                  guint         step_index,
                  const char   *step_title,
                  GDateTime    *started_at,
                  GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_begin_step_async (store, session_id, step_index, step_title, started_at,
                                 NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_begin_step_finish (store, result, error);
}

static gboolean
store_end_step (UnknotStore        *store,
                gint64              session_id,
                UnknotStepOutcome   outcome,
                GDateTime          *ended_at,
                GError            **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_end_step_async (store, session_id, outcome, ended_at, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_end_step_finish (store, result, error);
}

static GPtrArray *
store_list_steps (UnknotStore  *store,
                  gint64        session_id,
                  GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_list_session_steps_async (store, session_id, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_list_session_steps_finish (store, result, error);
}

static GPtrArray *
store_list_safety_events (UnknotStore  *store,
                          GDateTime    *from,
                          GDateTime    *until,
                          GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  unknot_store_list_safety_events_async (store, from, until, NULL, got_result_cb, &slot);
  result = await (&slot);
  return unknot_store_list_safety_events_finish (store, result, error);
}

/* An opened store, or the test fails. */
static UnknotStore *
open_store_at (const char *path)
{
  g_autoptr(UnknotStore) store = store_at (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (store_open (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* A moment at @offset_seconds east of UTC. */
static GDateTime *
moment (int     year,
        int     month,
        int     day,
        int     hour,
        int     minute,
        double  seconds,
        int     offset_seconds)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_seconds);

  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}

static char *
format_moment (GDateTime *date_time)
{
  g_assert_nonnull (date_time);
  return g_date_time_format (date_time, "%Y-%m-%d %H:%M:%S.%f%z");
}

/* Looking at the file as another program would: a plain connection */

static sqlite3 *
plain_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
plain_exec (const char *path,
            const char *sql)
{
  sqlite3 *db = plain_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of the first row of @sql, as text (NULL for SQL NULL). */
static char *
plain_text (const char *path,
            const char *sql)
{
  sqlite3 *db = plain_open (path);
  sqlite3_stmt *stmt = NULL;
  char *text;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
plain_int (const char *path,
           const char *sql)
{
  g_autofree char *text = plain_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
  return st.st_mode & 07777;
}

static void
assert_bytes_unchanged (const char *path,
                        GBytes     *before)
{
  g_autoptr(GBytes) after = file_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (after, before));
}

/* Runs @func in a child process that ends with _exit(), so it leaves its
 * store exactly as a crash would: connection open, nothing closed. */
static void
run_in_child (void     (*func) (gpointer),
              gpointer   data)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      func (data);
      _exit (0);
    }

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  if (WIFSIGNALED (status))
    g_error ("The child process died of signal %d", WTERMSIG (status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Opening */

static void
test_open_creates_private_files (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *folder = fixture_path (fixture, "data/unknot");
  g_autofree char *path = g_build_filename (folder, "unknot.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr(UnknotStore) store = NULL;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store = open_store_at (path);

  g_assert_cmphex (mode_of (folder), ==, 0700);
  g_assert_cmphex (mode_of (path), ==, 0600);
  /* The write-ahead log holds the same health notes as the file. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmphex (mode_of (wal), ==, 0600);

  g_assert_cmpint (plain_int (path, "PRAGMA user_version"), ==, NEWEST_VERSION);
  journal_mode = plain_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master"
                                    " WHERE name IN ('sessions', 'safety_events', 'reminder_events',"
                                    " 'session_steps')"),
                   ==, 4);

  /* Opening again is harmless. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (store_open (store, &error));
    g_assert_no_error (error);
  }
}

static void
test_open_tightens_own_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *own = fixture_path (fixture, "unknot");
  g_autofree char *own_file = g_build_filename (own, "unknot.db", NULL);
  g_autofree char *chosen = fixture_path (fixture, "shared");
  g_autofree char *chosen_file = g_build_filename (chosen, "history.db", NULL);
  g_autoptr(UnknotStore) first = NULL;
  g_autoptr(UnknotStore) second = NULL;

  /* As an older build or a restore from backup might leave them. */
  g_assert_cmpint (g_mkdir (own, 0755), ==, 0);
  g_assert_cmpint (g_chmod (own, 0755), ==, 0);
  write_file (own_file, "", 0);
  g_assert_cmpint (g_chmod (own_file, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (chosen, 0755), ==, 0);
  g_assert_cmpint (g_chmod (chosen, 0755), ==, 0);

  first = open_store_at (own_file);
  g_assert_cmphex (mode_of (own), ==, 0700);
  g_assert_cmphex (mode_of (own_file), ==, 0600);

  /* A folder the user picked is theirs to set; the file is still ours. */
  second = open_store_at (chosen_file);
  g_assert_cmphex (mode_of (chosen), ==, 0755);
  g_assert_cmphex (mode_of (chosen_file), ==, 0600);
}

/* Sessions */

static void
test_session_begin_and_end (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GError) error = NULL;
  /* Across the spring-forward night: begun at +01:00, ended at +02:00. */
  g_autoptr(GDateTime) started = moment (2024, 3, 31, 1, 59, 58.25, 3600);
  g_autoptr(GDateTime) ended = moment (2024, 3, 31, 3, 10, 0.5, 7200);
  g_autoptr(GDateTime) stopped_start = moment (2024, 4, 2, 7, 40, 0, -18000);
  g_autoptr(GDateTime) stopped_end = moment (2024, 4, 2, 7, 43, 0, -18000);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *text = NULL;
  UnknotSessionRecord *record;
  gint64 id, stopped_id;

  id = store_begin (store, "upper-back", "Upper back release", 6, started, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Written at once, visible to another program, before the session ends. */
  unknot_store_flush (store);
  sql = g_strdup_printf ("SELECT outcome FROM sessions WHERE id = %" G_GINT64_FORMAT, id);
  outcome = plain_text (path, sql);
  g_assert_cmpstr (outcome, ==, "running");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT started_utc FROM sessions WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (plain_int (path, sql), ==,
                   g_date_time_to_unix (started) * G_USEC_PER_SEC + 250000);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT started_offset FROM sessions WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (plain_int (path, sql), ==, 3600);

  g_assert_true (store_end (store, id, UNKNOT_SESSION_OUTCOME_COMPLETED, NULL, ended, 1290, 6, &error));
  g_assert_no_error (error);

  stopped_id = store_begin (store, "neck", "Neck and shoulders", 4, stopped_start, &error);
  g_assert_no_error (error);
  g_assert_true (store_end (store, stopped_id, UNKNOT_SESSION_OUTCOME_STOPPED, "The phone rang",
                            stopped_end, 150, 1, &error));
  g_assert_no_error (error);

  records = store_list (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);

  record = g_ptr_array_index (records, 1);
  g_assert_cmpint (record->id, ==, id);
  g_assert_cmpstr (record->routine_id, ==, "upper-back");
  g_assert_cmpstr (record->routine_title, ==, "Upper back release");
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_COMPLETED);
  text = format_moment (record->started_at);
  g_assert_cmpstr (text, ==, "2024-03-31 01:59:58.250000+0100");
  g_clear_pointer (&text, g_free);
  text = format_moment (record->ended_at);
  g_assert_cmpstr (text, ==, "2024-03-31 03:10:00.500000+0200");
  g_clear_pointer (&text, g_free);
  g_assert_true (g_date_time_equal (record->started_at, started));
  g_assert_true (g_date_time_equal (record->ended_at, ended));
  g_assert_null (record->stop_reason);
  g_assert_cmpuint (record->active_seconds, ==, 1290);
  g_assert_cmpuint (record->steps_completed, ==, 6);
  g_assert_cmpuint (record->steps_total, ==, 6);

  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->id, ==, stopped_id);
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_STOPPED);
  g_assert_cmpstr (record->stop_reason, ==, "The phone rang");
  text = format_moment (record->started_at);
  g_assert_cmpstr (text, ==, "2024-04-02 07:40:00.000000-0500");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (record->active_seconds, ==, 150);
  g_assert_cmpuint (record->steps_completed, ==, 1);
  g_assert_cmpuint (record->steps_total, ==, 4);

  /* The boxed type copies what the UI keeps. */
  {
    g_autoptr(UnknotSessionRecord) copy = g_boxed_copy (unknot_session_record_get_type (), record);

    g_assert_true (copy != record);
    g_assert_cmpstr (copy->stop_reason, ==, "The phone rang");
    g_assert_true (g_date_time_equal (copy->started_at, record->started_at));
  }

  /* Ending a session that is not there says so. */
  g_assert_false (store_end (store, 9999, UNKNOT_SESSION_OUTCOME_COMPLETED, NULL, ended, 1, 1, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "9999"));
}

static void
begin_and_crash (gpointer data)
{
  const char *path = data;
  UnknotStore *store = open_store_at (path);
  g_autoptr(GDateTime) started = moment (2024, 5, 1, 21, 0, 0, 7200);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = store_begin (store, "feet", "Tired feet", 3, started, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* No end, no unref, no close: the app is simply gone. */
  _exit (0);
}

static void
test_session_abandoned_after_crash (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GDateTime) now = moment (2024, 5, 2, 8, 0, 0, 7200);
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  UnknotSessionRecord *record;
  gint64 id;

  run_in_child (begin_and_crash, path);

  /* The row survived the crash. */
  outcome = plain_text (path, "SELECT outcome FROM sessions");
  g_assert_cmpstr (outcome, ==, "running");

  store = open_store_at (path);
  /* A session this process begins is not caught up in the tidying. */
  id = store_begin (store, "neck", "Neck and shoulders", 4, now, &error);
  g_assert_no_error (error);

  records = store_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->id, ==, id);
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_RUNNING);
  record = g_ptr_array_index (records, 1);
  g_assert_cmpstr (record->routine_title, ==, "Tired feet");
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_ABANDONED);
  g_assert_null (record->ended_at);
  g_assert_cmpuint (record->steps_total, ==, 3);
}

static void
test_session_abandoned_after_drop (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(GDateTime) started = moment (2024, 5, 1, 21, 0, 0, 0);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  UnknotStore *store = open_store_at (path);
  gint64 id;

  /* The app quits mid-session without ending it. */
  store_begin (store, "feet", "Tired feet", 3, started, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  g_assert_null (store);

  store = open_store_at (path);
  records = store_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (((UnknotSessionRecord *) g_ptr_array_index (records, 0))->outcome,
                   ==, UNKNOT_SESSION_OUTCOME_ABANDONED);
  id = ((UnknotSessionRecord *) g_ptr_array_index (records, 0))->id;
  g_object_unref (store);

  /* Abandoned stays abandoned: later opens have nothing more to do. */
  store = open_store_at (path);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = store_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (((UnknotSessionRecord *) g_ptr_array_index (records, 0))->id, ==, id);
  g_object_unref (store);
}

static void
test_safety_event (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) started = moment (2024, 6, 1, 18, 0, 0, 19800);
  g_autoptr(GDateTime) occurred = moment (2024, 6, 1, 18, 4, 30.125, 19800);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *session_of_second = NULL;
  g_autofree char *step_of_second = NULL;
  gint64 id;

  id = store_begin (store, "calves", "Calves", 5, started, &error);
  g_assert_no_error (error);
  g_assert_true (store_add_safety_event (store, id, "session-stop", 2, occurred, &error));
  g_assert_no_error (error);
  g_assert_true (store_end (store, id, UNKNOT_SESSION_OUTCOME_SAFETY, NULL, occurred, 260, 2, &error));
  g_assert_no_error (error);
  /* One outside any session, not tied to a step. */
  g_assert_true (store_add_safety_event (store, 0, "session-stop", -1, occurred, &error));
  g_assert_no_error (error);
  unknot_store_flush (store);

  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM safety_events"), ==, 2);
  sql = g_strdup_printf ("SELECT count(*) FROM safety_events WHERE session_id = %" G_GINT64_FORMAT
                         " AND step_index = 2 AND occurred_offset = 19800", id);
  g_assert_cmpint (plain_int (path, sql), ==, 1);
  g_assert_cmpint (plain_int (path, "SELECT occurred_utc FROM safety_events ORDER BY id LIMIT 1"), ==,
                   g_date_time_to_unix (occurred) * G_USEC_PER_SEC + 125000);
  kind = plain_text (path, "SELECT kind FROM safety_events ORDER BY id LIMIT 1");
  g_assert_cmpstr (kind, ==, "session-stop");
  session_of_second = plain_text (path, "SELECT session_id FROM safety_events ORDER BY id DESC LIMIT 1");
  g_assert_null (session_of_second);
  step_of_second = plain_text (path, "SELECT step_index FROM safety_events ORDER BY id DESC LIMIT 1");
  g_assert_null (step_of_second);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT outcome FROM sessions WHERE id = %" G_GINT64_FORMAT, id);
  g_clear_pointer (&kind, g_free);
  kind = plain_text (path, sql);
  g_assert_cmpstr (kind, ==, "safety");

  /* A session id that does not exist is refused, not stored dangling. */
  g_assert_false (store_add_safety_event (store, id + 100, "session-stop", 0, occurred, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not record the safety stop"));
}

static void
test_safety_events_in_range (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) started = moment (2024, 6, 1, 9, 58, 0, 3600);
  g_autoptr(GDateTime) first = moment (2024, 6, 1, 10, 0, 0.25, 3600);
  /* The same day, from a laptop that went on a trip. */
  g_autoptr(GDateTime) second = moment (2024, 6, 1, 14, 35, 0, 5 * 3600 + 1800);
  g_autoptr(GDateTime) third = moment (2024, 6, 1, 10, 10, 0, 3600);
  g_autoptr(GDateTime) later = moment (2024, 6, 1, 12, 0, 0, 3600);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  UnknotSafetyEventRecord *record;
  gint64 id;

  id = store_begin (store, "calves", "Calves", 5, started, &error);
  g_assert_no_error (error);
  g_assert_true (store_add_safety_event (store, id, "session-stop", 0, first, &error));
  g_assert_no_error (error);
  g_assert_true (store_add_safety_event (store, 0, "session-stop", -1, third, &error));
  g_assert_no_error (error);
  g_assert_true (store_add_safety_event (store, id, "session-stop", 3, second, &error));
  g_assert_no_error (error);

  /* Newest first by when it happened, whatever order it was written in. */
  all = store_list_safety_events (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  record = g_ptr_array_index (all, 0);
  g_assert_cmpint (record->session_id, ==, 0);
  g_assert_cmpint (record->step_index, ==, -1);
  g_assert_true (g_date_time_equal (record->occurred_at, third));
  record = g_ptr_array_index (all, 1);
  g_assert_cmpint (record->session_id, ==, id);
  g_assert_cmpint (record->step_index, ==, 3);
  g_assert_cmpstr (record->kind, ==, "session-stop");
  text = format_moment (record->occurred_at);
  g_assert_cmpstr (text, ==, "2024-06-01 14:35:00.000000+0530");
  g_clear_pointer (&text, g_free);
  record = g_ptr_array_index (all, 2);
  g_assert_cmpint (record->step_index, ==, 0);
  text = format_moment (record->occurred_at);
  g_assert_cmpstr (text, ==, "2024-06-01 10:00:00.250000+0100");

  /* From is inclusive, until exclusive. */
  some = store_list_safety_events (store, first, third, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (some, 0))->step_index, ==, 3);
  g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (some, 1))->step_index, ==, 0);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = store_list_safety_events (store, third, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = store_list_safety_events (store, later, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 0);

  {
    g_autoptr(UnknotSafetyEventRecord) copy = g_boxed_copy (unknot_safety_event_record_get_type (), record);

    g_assert_true (copy != record);
    g_assert_cmpstr (copy->kind, ==, "session-stop");
    g_assert_true (g_date_time_equal (copy->occurred_at, record->occurred_at));
  }
}

/* Steps */

static UnknotStepRecord *
step_at (GPtrArray *steps,
         guint      index)
{
  g_assert_cmpuint (index, <, steps->len);
  return g_ptr_array_index (steps, index);
}

static void
test_steps_in_order (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    guint              index;
    const char        *title;
    int                started; /* seconds after 9:00 */
    int                ended;
    UnknotStepOutcome  outcome;
  } rows[] = {
    { 0, "Warm up your shoulders", 5, 50, UNKNOT_STEP_OUTCOME_COMPLETED },
    { 1, "Between the shoulder blades", 50, 60, UNKNOT_STEP_OUTCOME_SKIPPED },
    { 2, "Along the spine", 60, 62, UNKNOT_STEP_OUTCOME_BACK },
    { 1, "Between the shoulder blades", 62, 150, UNKNOT_STEP_OUTCOME_COMPLETED },
    { 2, "Along the spine", 150, 160, UNKNOT_STEP_OUTCOME_STOPPED },
  };
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) nine = moment (2024, 3, 31, 9, 0, 0, 7200);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id, other, first_step = 0;

  id = store_begin (store, "ball-shoulder-blades", "Tennis ball for the shoulder blades", 5, nine, &error);
  g_assert_no_error (error);
  other = store_begin (store, "neck", "Neck", 3, nine, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_seconds (nine, rows[i].started);
      g_autoptr(GDateTime) ended = g_date_time_add_seconds (nine, rows[i].ended);
      gint64 step_id = store_begin_step (store, id, rows[i].index, rows[i].title, started, &error);

      g_assert_no_error (error);
      g_assert_cmpint (step_id, >, first_step);
      if (i == 0)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT outcome FROM session_steps WHERE id = %" G_GINT64_FORMAT
                                                  " AND ended_utc IS NULL", step_id);
          g_autofree char *outcome = NULL;

          /* On the disk, for anyone to see, while the step runs. */
          unknot_store_flush (store);
          outcome = plain_text (path, sql);
          g_assert_cmpstr (outcome, ==, "running");
          first_step = step_id;

          /* Another session's steps are its own. */
          g_assert_cmpint (store_begin_step (store, other, 0, "Neck", started, &error), >, 0);
          g_assert_no_error (error);

          /* One step under way at a time. */
          g_assert_cmpint (store_begin_step (store, id, 1, "Too soon", started, &error), ==, 0);
          g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
          g_assert_true (g_str_has_prefix (error->message, "Could not save the step"));
          g_clear_error (&error);
        }
      g_assert_true (store_end_step (store, id, rows[i].outcome, ended, &error));
      g_assert_no_error (error);
    }

  /* Nothing under way is nothing to end. */
  g_assert_false (store_end_step (store, id, UNKNOT_STEP_OUTCOME_COMPLETED, nine, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  text = g_strdup_printf ("session %" G_GINT64_FORMAT " has no step under way", id);
  g_assert_nonnull (strstr (error->message, text));
  g_clear_pointer (&text, g_free);
  g_clear_error (&error);

  /* In the order they were reached, each as it ended. */
  steps = store_list_steps (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      UnknotStepRecord *step = step_at (steps, i);
      g_autoptr(GDateTime) started = g_date_time_add_seconds (nine, rows[i].started);
      g_autoptr(GDateTime) ended = g_date_time_add_seconds (nine, rows[i].ended);

      g_assert_cmpint (step->session_id, ==, id);
      g_assert_cmpuint (step->step_index, ==, rows[i].index);
      g_assert_cmpstr (step->step_title, ==, rows[i].title);
      g_assert_true (g_date_time_equal (step->started_at, started));
      g_assert_true (g_date_time_equal (step->ended_at, ended));
      g_assert_cmpint (step->outcome, ==, rows[i].outcome);
    }
  text = format_moment (step_at (steps, 0)->started_at);
  g_assert_cmpstr (text, ==, "2024-03-31 09:00:05.000000+0200");
  g_assert_cmpint (step_at (steps, 0)->id, ==, first_step);

  {
    g_autoptr(UnknotStepRecord) copy = g_boxed_copy (unknot_step_record_get_type (), step_at (steps, 1));

    g_assert_true (copy != step_at (steps, 1));
    g_assert_cmpstr (copy->step_title, ==, "Between the shoulder blades");
    g_assert_cmpint (copy->outcome, ==, UNKNOT_STEP_OUTCOME_SKIPPED);
  }

  /* A session with no steps, or none at all, has an empty list. */
  none = store_list_steps (store, id + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  /* A step for a session that is not there is refused. */
  g_assert_cmpint (store_begin_step (store, id + 100, 0, "Nowhere", nine, &error), ==, 0);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
}

static void
begin_steps_and_crash (gpointer data)
{
  const char *path = data;
  UnknotStore *store = open_store_at (path);
  g_autoptr(GDateTime) started = moment (2024, 5, 1, 21, 0, 0, 7200);
  g_autoptr(GDateTime) second = moment (2024, 5, 1, 21, 1, 0, 7200);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = store_begin (store, "feet", "Tired feet", 3, started, &error);
  g_assert_no_error (error);
  store_begin_step (store, id, 0, "Roll", started, &error);
  g_assert_no_error (error);
  store_end_step (store, id, UNKNOT_STEP_OUTCOME_COMPLETED, second, &error);
  g_assert_no_error (error);
  store_begin_step (store, id, 1, "Press", second, &error);
  g_assert_no_error (error);
  _exit (0);
}

static void
test_steps_abandoned_after_crash (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  gint64 id;

  run_in_child (begin_steps_and_crash, path);

  /* The step under way survived the crash, with no end. */
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM session_steps"), ==, 2);
  outcome = plain_text (path, "SELECT outcome FROM session_steps WHERE ended_utc IS NULL AND step_index = 1");
  g_assert_cmpstr (outcome, ==, "running");
  id = plain_int (path, "SELECT id FROM sessions");

  store = open_store_at (path);
  steps = store_list_steps (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpint (step_at (steps, 0)->outcome, ==, UNKNOT_STEP_OUTCOME_COMPLETED);
  g_assert_nonnull (step_at (steps, 0)->ended_at);
  g_assert_cmpuint (step_at (steps, 1)->step_index, ==, 1);
  g_assert_cmpstr (step_at (steps, 1)->step_title, ==, "Press");
  g_assert_cmpint (step_at (steps, 1)->outcome, ==, UNKNOT_STEP_OUTCOME_ABANDONED);
  g_assert_null (step_at (steps, 1)->ended_at);
}

static void
test_steps_go_with_their_session (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) now = moment (2024, 5, 1, 21, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 gone, kept;

  gone = store_begin (store, "feet", "Tired feet", 3, now, &error);
  g_assert_no_error (error);
  kept = store_begin (store, "neck", "Neck", 3, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      store_begin_step (store, gone, i, "Step", now, &error);
      g_assert_no_error (error);
      store_end_step (store, gone, UNKNOT_STEP_OUTCOME_COMPLETED, now, &error);
      g_assert_no_error (error);
    }
  store_begin_step (store, kept, 0, "Step", now, &error);
  g_assert_no_error (error);
  unknot_store_flush (store);

  sql = g_strdup_printf ("PRAGMA foreign_keys = ON; DELETE FROM sessions WHERE id = %" G_GINT64_FORMAT, gone);
  plain_exec (path, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM session_steps WHERE session_id = %" G_GINT64_FORMAT, kept);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM session_steps"), ==, 1);
  g_assert_cmpint (plain_int (path, sql), ==, 1);
}

static void
count_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GArray *ids = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = unknot_store_begin_session_finish (UNKNOT_STORE (source), result, &error);

  g_assert_true (g_thread_self () == main_thread);
  g_assert_no_error (error);
  g_array_append_val (ids, id);
}

static void
await_count (GArray *ids,
             guint   count)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);

  while (ids->len < count && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Only %u of %u sessions were saved within %d s", ids->len, count, WAIT_SECONDS);
  g_source_remove (timeout_id);
}

static void
test_list_newest_first (Fixture       *fixture,
                        gconstpointer  data)
{
  static const int hours[] = { 3, 0, 4, 1, 2 };
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  /* Begun out of order, and queued without waiting: the list queued after
   * them must see every one. */
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autoptr(GDateTime) started = moment (2024, 7, 1, 8 + hours[i], 0, 0, 3600);
      g_autofree char *title = g_strdup_printf ("Session at %d", 8 + hours[i]);

      unknot_store_begin_session_async (store, "hips", title, 4, started, NULL, count_result_cb, ids);
    }
  all = store_list (store, 0, &error);
  g_assert_no_error (error);
  await_count (ids, G_N_ELEMENTS (hours));
  g_assert_cmpuint (all->len, ==, 5);

  newest = store_list (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, 3);
  g_assert_cmpstr (((UnknotSessionRecord *) g_ptr_array_index (newest, 0))->routine_title, ==, "Session at 12");
  g_assert_cmpstr (((UnknotSessionRecord *) g_ptr_array_index (newest, 1))->routine_title, ==, "Session at 11");
  g_assert_cmpstr (((UnknotSessionRecord *) g_ptr_array_index (newest, 2))->routine_title, ==, "Session at 10");
  g_assert_cmpstr (((UnknotSessionRecord *) g_ptr_array_index (all, 4))->routine_title, ==, "Session at 8");
}

/* Files that must be kept as they are */

typedef enum {
  DAMAGE_RANDOM,
  DAMAGE_RANDOM_AFTER_HEADER,
  DAMAGE_TRUNCATED,
} Damage;

static void
write_damaged_file (Fixture    *fixture,
                    const char *path,
                    Damage      damage)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autofree guint8 *bytes = g_malloc (16384);

  for (guint i = 0; i < 16384; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);

  switch (damage)
    {
    case DAMAGE_RANDOM:
      write_file (path, bytes, 16384);
      break;

    case DAMAGE_RANDOM_AFTER_HEADER:
      memcpy (bytes, "SQLite format 3", 16);
      write_file (path, bytes, 16384);
      break;

    case DAMAGE_TRUNCATED:
      {
        g_autofree char *whole_path = fixture_path (fixture, "whole.db");
        g_autoptr(UnknotStore) store = open_store_at (whole_path);
        g_autoptr(GDateTime) started = moment (2024, 1, 1, 9, 0, 0, 0);
        g_autoptr(GBytes) whole = NULL;

        for (guint i = 0; i < 20; i++)
          {
            g_autoptr(GError) error = NULL;

            store_begin (store, "hips", "Hips", 4, started, &error);
            g_assert_no_error (error);
          }
        g_clear_object (&store);
        whole = file_bytes (whole_path);
        g_assert_cmpuint (g_bytes_get_size (whole), >=, 4 * 4096);
        write_file (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_open_damaged_file (Fixture       *fixture,
                        gconstpointer  data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(GDateTime) now = moment (2024, 1, 2, 9, 0, 0, 0);
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  write_damaged_file (fixture, path, damage);
  before = file_bytes (path);

  store = store_at (path);
  g_assert_false (store_open (store, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT);
  /* The user is told which file, and that it is still there. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "untouched"));
  g_clear_error (&error);

  /* Later calls fail plainly, and nothing writes to the file. */
  g_assert_cmpint (store_begin (store, "hips", "Hips", 4, now, &error), ==, 0);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (store_open (store, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT);
  g_clear_object (&store);

  assert_bytes_unchanged (path, before);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  plain_exec (path,
              "CREATE TABLE sessions (id INTEGER PRIMARY KEY, outcome TEXT, from_the_future BLOB);"
              "INSERT INTO sessions (outcome) VALUES ('running');"
              "PRAGMA user_version = 999;");
  before = file_bytes (path);

  store = store_at (path);
  g_assert_false (store_open (store, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_object (&store);

  assert_bytes_unchanged (path, before);
}

/* Migrations */

static void
test_migrate_empty_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(GDateTime) now = moment (2024, 1, 2, 9, 0, 0, 0);
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, "", 0);
  g_assert_cmpint (plain_int (path, "PRAGMA user_version"), ==, 0);

  store = open_store_at (path);
  g_assert_cmpint (store_begin (store, "hips", "Hips", 4, now, &error), >, 0);
  g_assert_no_error (error);
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (path, "PRAGMA user_version"), ==, NEWEST_VERSION);
}

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  UnknotSessionRecord *record;

  /* Version 1 exactly as Unknot 0.1 wrote it, with a session in it. */
  plain_exec (path,
              "CREATE TABLE sessions ("
              "  id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL, routine_title TEXT NOT NULL,"
              "  started_utc INTEGER NOT NULL, started_offset INTEGER NOT NULL,"
              "  ended_utc INTEGER, ended_offset INTEGER,"
              "  outcome TEXT NOT NULL CHECK (outcome IN ('running','completed','stopped','safety','abandoned')),"
              "  stop_reason TEXT, active_seconds INTEGER NOT NULL DEFAULT 0,"
              "  steps_completed INTEGER NOT NULL DEFAULT 0, steps_total INTEGER NOT NULL);"
              "CREATE INDEX sessions_started ON sessions (started_utc);"
              "CREATE INDEX sessions_routine ON sessions (routine_id, started_utc);"
              "CREATE TABLE safety_events ("
              "  id INTEGER PRIMARY KEY, session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
              "  kind TEXT NOT NULL, step_index INTEGER,"
              "  occurred_utc INTEGER NOT NULL, occurred_offset INTEGER NOT NULL);"
              "INSERT INTO sessions (routine_id, routine_title, started_utc, started_offset, ended_utc,"
              "  ended_offset, outcome, active_seconds, steps_completed, steps_total)"
              "  VALUES ('neck', 'Neck and shoulders', 1700000000000000, 3600, 1700000600000000, 3600,"
              "          'completed', 600, 5, 5);"
              "PRAGMA user_version = 1;");

  store = open_store_at (path);
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (path, "PRAGMA user_version"), ==, NEWEST_VERSION);

  records = store_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->routine_title, ==, "Neck and shoulders");
  g_assert_cmpint (record->outcome, ==, UNKNOT_SESSION_OUTCOME_COMPLETED);
  g_assert_cmpuint (record->active_seconds, ==, 600);
  text = format_moment (record->started_at);
  g_assert_cmpstr (text, ==, "2023-11-14 23:13:20.000000+0100");

  /* Version 2 brought the reminder history, empty and ready. */
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'reminder_events'"), ==, 1);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master"
                                    " WHERE type = 'index' AND tbl_name = 'reminder_events'"), ==, 1);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM reminder_events"), ==, 0);
  {
    g_autoptr(GDateTime) now = moment (2024, 1, 2, 9, 0, 0, 3600);
    g_autoptr(GPtrArray) events = NULL;

    g_assert_true (store_add_reminder_event (store, "due", "neck", now, &error));
    g_assert_no_error (error);
    events = store_list_reminder_events (store, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 1);
  }
  /* The session of version 1 is still there, untouched, with no steps:
   * version 4 started recording them. */
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sessions WHERE outcome = 'completed'"), ==, 1);
  {
    g_autoptr(GPtrArray) steps = store_list_steps (store, record->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (steps->len, ==, 0);
  }
}

/* Reminder history */

static void
test_reminder_events (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    const char *kind;
    const char *routine_id;
    int         minute;
  } rows[] = {
    { "due", "desk-break", 45 },
    { "snoozed", "desk-break", 46 },
    { "due", "desk-break", 56 },
    { "taken", "desk-break", 57 },
    { "natural", NULL, 30 },   /* recorded late, belongs earlier */
    { "skipped", "neck", 59 },
  };
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  UnknotReminderEventRecord *record;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      /* Summer time in Berlin, fractions of a second kept. */
      g_autoptr(GDateTime) when = moment (2024, 6, 3, 10, rows[i].minute, 0.5, 7200);

      g_assert_true (store_add_reminder_event (store, rows[i].kind, rows[i].routine_id, when, &error));
      g_assert_no_error (error);
    }
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM reminder_events"), ==, G_N_ELEMENTS (rows));
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM reminder_events WHERE routine_id IS NULL"), ==, 1);
  g_assert_cmpint (plain_int (path, "SELECT occurred_offset FROM reminder_events LIMIT 1"), ==, 7200);

  all = store_list_reminder_events (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (rows));
  /* Newest first by when it happened, not by when it was written. */
  record = g_ptr_array_index (all, 0);
  g_assert_cmpstr (record->kind, ==, "skipped");
  g_assert_cmpstr (record->routine_id, ==, "neck");
  text = format_moment (record->occurred_at);
  g_assert_cmpstr (text, ==, "2024-06-03 10:59:00.500000+0200");
  g_assert_cmpstr (((UnknotReminderEventRecord *) g_ptr_array_index (all, 1))->kind, ==, "taken");
  g_assert_cmpstr (((UnknotReminderEventRecord *) g_ptr_array_index (all, 4))->kind, ==, "due");
  record = g_ptr_array_index (all, 5);
  g_assert_cmpstr (record->kind, ==, "natural");
  g_assert_null (record->routine_id);
  g_assert_cmpint (record->id, ==, 5);

  newest = store_list_reminder_events (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, 2);
  g_assert_cmpstr (((UnknotReminderEventRecord *) g_ptr_array_index (newest, 0))->kind, ==, "skipped");
  g_assert_cmpstr (((UnknotReminderEventRecord *) g_ptr_array_index (newest, 1))->kind, ==, "taken");

  /* The boxed type copies what the UI keeps. */
  {
    g_autoptr(UnknotReminderEventRecord) copy =
      g_boxed_copy (unknot_reminder_event_record_get_type (), g_ptr_array_index (all, 0));

    g_assert_cmpstr (copy->kind, ==, "skipped");
    g_assert_true (copy->kind != ((UnknotReminderEventRecord *) g_ptr_array_index (all, 0))->kind);
    g_assert_true (g_date_time_equal (copy->occurred_at,
                                      ((UnknotReminderEventRecord *) g_ptr_array_index (all, 0))->occurred_at));
  }
}

static void
test_reminder_event_unknown_kind (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) now = moment (2024, 6, 3, 10, 0, 0, 0);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (store_add_reminder_event (store, "ignored", "neck", now, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not record the reminder"));
  g_clear_error (&error);

  events = store_list_reminder_events (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
}

static void
test_reminder_events_before_open (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = store_at (path);
  g_autoptr(GDateTime) now = moment (2024, 6, 3, 10, 0, 0, 0);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (store_add_reminder_event (store, "due", NULL, now, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  events = store_list_reminder_events (store, 0, &error);
  g_assert_null (events);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Sharing the file: the app, the CLI and the reminder service */

static void
test_two_stores_share_the_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) app = open_store_at (path);
  g_autoptr(UnknotStore) cli = open_store_at (path);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GDateTime) now = moment (2024, 2, 1, 12, 0, 0, 0);

  for (guint i = 0; i < 25; i++)
    {
      unknot_store_begin_session_async (app, "app", "From the app", 3, now, NULL, count_result_cb, ids);
      unknot_store_begin_session_async (cli, "cli", "From the command line", 3, now, NULL, count_result_cb, ids);
    }
  await_count (ids, 50);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (distinct, &g_array_index (ids, gint64, i));
  g_assert_cmpuint (g_hash_table_size (distinct), ==, 50);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sessions WHERE routine_id = 'app'"), ==, 25);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sessions WHERE routine_id = 'cli'"), ==, 25);
}

static void
test_end_after_another_program_opened (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) app = open_store_at (path);
  g_autoptr(UnknotStore) cli = NULL;
  g_autoptr(GDateTime) started = moment (2024, 2, 1, 12, 0, 0, 0);
  g_autoptr(GDateTime) ended = moment (2024, 2, 1, 12, 10, 0, 0);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = store_begin (app, "hips", "Hips", 4, started, &error);
  g_assert_no_error (error);
  store_begin_step (app, id, 3, "Last", started, &error);
  g_assert_no_error (error);

  /* The CLI cannot tell a live app from a dead one and tidies the rows... */
  cli = open_store_at (path);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM session_steps WHERE outcome = 'abandoned'"), ==, 1);
  /* ...but the app's own ending is what the history keeps. */
  g_assert_true (store_end_step (app, id, UNKNOT_STEP_OUTCOME_COMPLETED, ended, &error));
  g_assert_no_error (error);
  g_assert_true (store_end (app, id, UNKNOT_SESSION_OUTCOME_COMPLETED, NULL, ended, 600, 4, &error));
  g_assert_no_error (error);

  records = store_list (cli, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (((UnknotSessionRecord *) g_ptr_array_index (records, 0))->outcome, ==,
                   UNKNOT_SESSION_OUTCOME_COMPLETED);
  {
    g_autoptr(GPtrArray) steps = store_list_steps (cli, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (steps->len, ==, 1);
    g_assert_cmpint (step_at (steps, 0)->outcome, ==, UNKNOT_STEP_OUTCOME_COMPLETED);
    g_assert_true (g_date_time_equal (step_at (steps, 0)->ended_at, ended));
  }
}

/* Things that go wrong around the file */

typedef struct
{
  char  *folder;
  uid_t  uid;
  gid_t  gid;
} ChildSetup;

static void
drop_privileges (const ChildSetup *setup)
{
  /* Root writes anywhere; a read-only file only means something to a
   * normal user. */
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (setup->gid), ==, 0);
  g_assert_cmpint (setuid (setup->uid), ==, 0);
  g_assert_cmpint (geteuid (), !=, 0);
}

static void
read_only_cases (gpointer data)
{
  const ChildSetup *setup = data;
  g_autoptr(GDateTime) now = moment (2024, 3, 1, 9, 0, 0, 0);
  g_autofree char *ro_folder = g_build_filename (setup->folder, "ro", NULL);
  g_autofree char *ro_folder_file = g_build_filename (ro_folder, "unknot", "unknot.db", NULL);
  g_autofree char *rw_folder = g_build_filename (setup->folder, "rw", NULL);
  g_autofree char *ro_file = g_build_filename (rw_folder, "unknot.db", NULL);
  g_autofree char *locked_folder = g_build_filename (setup->folder, "locked", NULL);
  g_autofree char *locked_file = g_build_filename (locked_folder, "unknot.db", NULL);
  g_autofree char *not_a_folder = g_build_filename (setup->folder, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (not_a_folder, "unknot.db", NULL);

  drop_privileges (setup);

  /* A read-only folder: nowhere to make ours. */
  {
    g_autoptr(UnknotStore) store = store_at (ro_folder_file);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (ro_folder, 0500), ==, 0);
    g_assert_false (store_open (store, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, ro_folder));
    g_assert_nonnull (strstr (error->message, "Permission denied"));
    g_clear_error (&error);
    g_assert_cmpint (store_begin (store, "hips", "Hips", 4, now, &error), ==, 0);
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  }

  /* A history that was made read-only, for instance by a careless copy. */
  {
    g_autoptr(UnknotStore) store = NULL;
    g_autoptr(GBytes) before = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (rw_folder, 0700), ==, 0);
    store = open_store_at (ro_file);
    g_clear_object (&store);
    g_assert_cmpint (g_chmod (ro_file, 0400), ==, 0);
    before = file_bytes (ro_file);

    store = store_at (ro_file);
    g_assert_false (store_open (store, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, ro_file));
    g_assert_nonnull (strstr (error->message, "read-only"));
    g_clear_object (&store);
    assert_bytes_unchanged (ro_file, before);
  }

  /* A writable history in a folder that became read-only: SQLite cannot
   * make its log beside it. */
  {
    g_autoptr(UnknotStore) store = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (locked_folder, 0700), ==, 0);
    store = open_store_at (locked_file);
    g_clear_object (&store);
    g_assert_cmpint (g_chmod (locked_folder, 0500), ==, 0);

    store = store_at (locked_file);
    g_assert_false (store_open (store, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, locked_file));
    g_test_message ("Read-only folder: %s", error->message);
  }

  /* Something that is not a folder where the folder should be. */
  {
    g_autoptr(UnknotStore) store = store_at (under_file);
    g_autoptr(GError) error = NULL;

    write_file (not_a_folder, "notes", 5);
    g_assert_false (store_open (store, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, not_a_folder));
  }

  /* Hand everything back so the folder can be removed. */
  g_chmod (ro_folder, 0700);
  g_chmod (locked_folder, 0700);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  ChildSetup setup = { 0 };
  g_autofree char *child_folder = fixture_path (fixture, "child");

  g_assert_cmpint (g_mkdir (child_folder, 0700), ==, 0);
  setup.folder = child_folder;
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      if (nobody == NULL)
        {
          g_test_skip ("Running as root and there is no “nobody” to run as");
          return;
        }
      setup.uid = nobody->pw_uid;
      setup.gid = nobody->pw_gid;
      g_assert_cmpint (chown (child_folder, setup.uid, setup.gid), ==, 0);
      g_assert_cmpint (g_chmod (fixture->folder, 0711), ==, 0);
    }

  run_in_child (read_only_cases, &setup);
}

static void
fail_a_write (gpointer data)
{
  const char *path = data;
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) now = moment (2024, 3, 1, 9, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  struct rlimit limit;
  GStatBuf st;

  unknot_store_flush (store);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);

  /* No file may grow: as close to a full disk as a test can get without
   * a disk to fill. */
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = limit.rlim_max = (rlim_t) MAX (st.st_size, 65536);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_cmpint (store_begin (store, "hips", huge, 4, now, &error), ==, 0);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the session: "));
  g_assert_nonnull (strstr (error->message, "free space"));
  g_test_message ("Failed write: %s", error->message);
}

static void
test_failed_write_is_reported (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GDateTime) now = moment (2024, 3, 1, 10, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  run_in_child (fail_a_write, path);

  /* Nothing half-written, and the history still works. */
  check = plain_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  store = open_store_at (path);
  g_assert_cmpint (store_begin (store, "hips", "Hips", 4, now, &error), >, 0);
  g_assert_no_error (error);
  records = store_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((UnknotSessionRecord *) g_ptr_array_index (records, 0))->routine_title, ==, "Hips");
}

static void
test_calls_before_open (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = store_at (path);
  g_autoptr(GDateTime) now = moment (2024, 3, 1, 9, 0, 0, 0);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (store_begin (store, "hips", "Hips", 4, now, &error), ==, 0);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  records = store_list (store, 0, &error);
  g_assert_null (records);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  /* Nothing was created just by asking. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_cancelled_before_it_ran (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDateTime) now = moment (2024, 3, 1, 9, 0, 0, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  g_cancellable_cancel (cancellable);
  unknot_store_begin_session_async (store, "hips", "Hips", 4, now, cancellable, got_result_cb, &slot);
  result = await (&slot);
  g_assert_cmpint (unknot_store_begin_session_finish (store, result, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sessions"), ==, 0);
}

static void
test_flush_waits_for_queued_calls (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "unknot.db");
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GDateTime) now = moment (2024, 3, 1, 9, 0, 0, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  unknot_store_begin_session_async (store, "hips", "Hips", 4, now, NULL, got_result_cb, &slot);
  /* The CLI's way: block, then look at the file. */
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sessions WHERE outcome = 'running'"), ==, 1);

  /* The answer waits for this thread's main context, even though it sat
   * idle (and free for the taking) while flush blocked. */
  g_assert_null (slot);
  result = await (&slot);
  g_assert_cmpint (unknot_store_begin_session_finish (store, result, &error), >, 0);
  g_assert_no_error (error);
}

/* Small things */

static void
test_default_file (void)
{
  g_autoptr(GFile) file = unknot_default_store_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "unknot", "unknot.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_outcome_names (void)
{
  g_assert_cmpstr (unknot_session_outcome_to_string (UNKNOT_SESSION_OUTCOME_RUNNING), ==, "running");
  g_assert_cmpstr (unknot_session_outcome_to_string (UNKNOT_SESSION_OUTCOME_COMPLETED), ==, "completed");
  g_assert_cmpstr (unknot_session_outcome_to_string (UNKNOT_SESSION_OUTCOME_STOPPED), ==, "stopped");
  g_assert_cmpstr (unknot_session_outcome_to_string (UNKNOT_SESSION_OUTCOME_SAFETY), ==, "safety");
  g_assert_cmpstr (unknot_session_outcome_to_string (UNKNOT_SESSION_OUTCOME_ABANDONED), ==, "abandoned");
  g_assert_cmpstr (unknot_step_outcome_to_string (UNKNOT_STEP_OUTCOME_RUNNING), ==, "running");
  g_assert_cmpstr (unknot_step_outcome_to_string (UNKNOT_STEP_OUTCOME_COMPLETED), ==, "completed");
  g_assert_cmpstr (unknot_step_outcome_to_string (UNKNOT_STEP_OUTCOME_SKIPPED), ==, "skipped");
  g_assert_cmpstr (unknot_step_outcome_to_string (UNKNOT_STEP_OUTCOME_BACK), ==, "back");
  g_assert_cmpstr (unknot_step_outcome_to_string (UNKNOT_STEP_OUTCOME_STOPPED), ==, "stopped");
  g_assert_cmpstr (unknot_step_outcome_to_string (UNKNOT_STEP_OUTCOME_ABANDONED), ==, "abandoned");
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DATA_TEST(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  ADD_TEST ("/store/open/private-files", test_open_creates_private_files);
  ADD_TEST ("/store/open/tightens-own-folder", test_open_tightens_own_folder);
  ADD_DATA_TEST ("/store/open/damaged/random", GINT_TO_POINTER (DAMAGE_RANDOM), test_open_damaged_file);
  ADD_DATA_TEST ("/store/open/damaged/random-after-header", GINT_TO_POINTER (DAMAGE_RANDOM_AFTER_HEADER),
                 test_open_damaged_file);
  ADD_DATA_TEST ("/store/open/damaged/truncated", GINT_TO_POINTER (DAMAGE_TRUNCATED), test_open_damaged_file);
  ADD_TEST ("/store/open/too-new", test_open_too_new);
  ADD_TEST ("/store/open/read-only", test_read_only);
  ADD_TEST ("/store/migrate/empty-file", test_migrate_empty_file);
  ADD_TEST ("/store/migrate/from-v1", test_migrate_from_v1);
  ADD_TEST ("/store/session/begin-end", test_session_begin_and_end);
  ADD_TEST ("/store/session/abandoned-after-crash", test_session_abandoned_after_crash);
  ADD_TEST ("/store/session/abandoned-after-drop", test_session_abandoned_after_drop);
  ADD_TEST ("/store/session/failed-write", test_failed_write_is_reported);
  ADD_TEST ("/store/session/before-open", test_calls_before_open);
  ADD_TEST ("/store/session/cancelled", test_cancelled_before_it_ran);
  ADD_TEST ("/store/session/flush", test_flush_waits_for_queued_calls);
  ADD_TEST ("/store/safety-event", test_safety_event);
  ADD_TEST ("/store/safety-event/list-in-range", test_safety_events_in_range);
  ADD_TEST ("/store/steps/in-order", test_steps_in_order);
  ADD_TEST ("/store/steps/abandoned-after-crash", test_steps_abandoned_after_crash);
  ADD_TEST ("/store/steps/go-with-their-session", test_steps_go_with_their_session);
  ADD_TEST ("/store/list/newest-first", test_list_newest_first);
  ADD_TEST ("/store/reminder-events/add-and-list", test_reminder_events);
  ADD_TEST ("/store/reminder-events/unknown-kind", test_reminder_event_unknown_kind);
  ADD_TEST ("/store/reminder-events/before-open", test_reminder_events_before_open);
  ADD_TEST ("/store/shared/two-stores", test_two_stores_share_the_file);
  ADD_TEST ("/store/shared/end-after-another-opened", test_end_after_another_program_opened);
  g_test_add_func ("/store/default-file", test_default_file);
  g_test_add_func ("/store/outcome-names", test_outcome_names);

  return g_test_run ();
}
