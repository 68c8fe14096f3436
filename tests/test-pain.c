/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain log as the user relies on it: every older history migrates, an
 * entry saved is an entry kept (through edits, deletes and undo, four
 * programs writing at once, and a process killed mid-write), statistics
 * come out right, CSV and backups carry everything, "delete all" deletes,
 * and a history that cannot be opened is kept byte for byte until the user
 * asks for it to be moved aside.
 *
 * The binary is also its own helper: "--writer PATH N NAME" adds N entries
 * and exits, "--crash-writer PATH" adds entries until killed, printing each
 * id once it is saved. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unknot-pain-csv.h"
#include "unknot-pain-stats.h"
#include "unknot-store.h"

#define NEWEST_VERSION 4
#define WAIT_SECONDS 30

static GThread *main_thread;

/* Fixtures: an empty folder per test */

typedef struct
{
  char *folder;
  char *path;   /* folder/unknot.db */
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

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

  fixture->folder = g_dir_make_tmp ("unknot-test-pain-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "unknot.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static char *
fixture_file (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

/* Driving the async API */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

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

/* Each wraps one async call: start it, spin until it answers, finish it. */
#define AWAIT(call) \
  GAsyncResult *slot = NULL; \
  g_autoptr(GAsyncResult) result = NULL; \
  call; \
  result = await (&slot)

static UnknotStore *
store_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return unknot_store_new (file);
}

static gboolean
store_open (UnknotStore  *store,
            GError      **error)
{
  AWAIT (unknot_store_open_async (store, NULL, got_result_cb, &slot));
  return unknot_store_open_finish (store, result, error);
}

static UnknotStore *
open_store_at (const char *path)
{
  g_autoptr(UnknotStore) store = store_at (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (store_open (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static UnknotPainEntry *
add_entry (UnknotStore           *store,
           const UnknotPainEntry *entry,
           GError               **error)
{
  AWAIT (unknot_store_add_pain_entry_async (store, entry, NULL, got_result_cb, &slot));
  return unknot_store_add_pain_entry_finish (store, result, error);
}

static gboolean
update_entry (UnknotStore           *store,
              const UnknotPainEntry *entry,
              GError               **error)
{
  AWAIT (unknot_store_update_pain_entry_async (store, entry, NULL, got_result_cb, &slot));
  return unknot_store_update_pain_entry_finish (store, result, error);
}

static UnknotPainEntry *
delete_entry (UnknotStore  *store,
              gint64        id,
              GError      **error)
{
  AWAIT (unknot_store_delete_pain_entry_async (store, id, NULL, got_result_cb, &slot));
  return unknot_store_delete_pain_entry_finish (store, result, error);
}

static gboolean
restore_entry (UnknotStore           *store,
               const UnknotPainEntry *entry,
               GError               **error)
{
  AWAIT (unknot_store_restore_pain_entry_async (store, entry, NULL, got_result_cb, &slot));
  return unknot_store_restore_pain_entry_finish (store, result, error);
}

static UnknotPainEntry *
get_entry (UnknotStore  *store,
           gint64        id,
           GError      **error)
{
  AWAIT (unknot_store_get_pain_entry_async (store, id, NULL, got_result_cb, &slot));
  return unknot_store_get_pain_entry_finish (store, result, error);
}

static GPtrArray *
list_entries (UnknotStore           *store,
              const UnknotPainQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  AWAIT (unknot_store_list_pain_entries_async (store, query, NULL, got_result_cb, &slot));

  entries = unknot_store_list_pain_entries_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static gint64
count_entries (UnknotStore           *store,
               const UnknotPainQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 count;
  AWAIT (unknot_store_count_pain_entries_async (store, query, NULL, got_result_cb, &slot));

  count = unknot_store_count_pain_entries_finish (store, result, &error);
  g_assert_no_error (error);
  return count;
}

static GStrv
list_tags (UnknotStore *store)
{
  g_autoptr(GError) error = NULL;
  GStrv tags;
  AWAIT (unknot_store_list_pain_tags_async (store, NULL, got_result_cb, &slot));

  tags = unknot_store_list_pain_tags_finish (store, result, &error);
  g_assert_no_error (error);
  return tags;
}

static gboolean
link_entry (UnknotStore      *store,
            gint64            entry_id,
            gint64            session_id,
            UnknotPainPhase   phase,
            GError          **error)
{
  AWAIT (unknot_store_link_pain_entry_async (store, entry_id, session_id, phase, NULL, got_result_cb, &slot));
  return unknot_store_link_pain_entry_finish (store, result, error);
}

static gint64
begin_session (UnknotStore *store,
               const char  *routine_id,
               const char  *title,
               GDateTime   *started)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  AWAIT (unknot_store_begin_session_async (store, routine_id, title, 4, started, NULL, got_result_cb, &slot));

  id = unknot_store_begin_session_finish (store, result, &error);
  g_assert_no_error (error);
  return id;
}

static void
end_session (UnknotStore          *store,
             gint64                id,
             UnknotSessionOutcome  outcome,
             GDateTime            *ended)
{
  g_autoptr(GError) error = NULL;
  AWAIT (unknot_store_end_session_async (store, id, outcome, NULL, ended, 300, 4, NULL, got_result_cb, &slot));

  g_assert_true (unknot_store_end_session_finish (store, result, &error));
  g_assert_no_error (error);
}

static void
begin_step (UnknotStore *store,
            gint64       session_id,
            guint        step_index,
            const char  *title,
            GDateTime   *started)
{
  g_autoptr(GError) error = NULL;
  AWAIT (unknot_store_begin_step_async (store, session_id, step_index, title, started, NULL, got_result_cb, &slot));

  g_assert_cmpint (unknot_store_begin_step_finish (store, result, &error), >, 0);
  g_assert_no_error (error);
}

static void
end_step (UnknotStore       *store,
          gint64             session_id,
          UnknotStepOutcome  outcome,
          GDateTime         *ended)
{
  g_autoptr(GError) error = NULL;
  AWAIT (unknot_store_end_step_async (store, session_id, outcome, ended, NULL, got_result_cb, &slot));

  g_assert_true (unknot_store_end_step_finish (store, result, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_steps (UnknotStore *store,
            gint64       session_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *steps;
  AWAIT (unknot_store_list_session_steps_async (store, session_id, NULL, got_result_cb, &slot));

  steps = unknot_store_list_session_steps_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (steps);
  return steps;
}

static void
add_reminder_event (UnknotStore *store,
                    const char  *kind,
                    GDateTime   *occurred)
{
  g_autoptr(GError) error = NULL;
  AWAIT (unknot_store_add_reminder_event_async (store, kind, NULL, occurred, NULL, got_result_cb, &slot));

  g_assert_true (unknot_store_add_reminder_event_finish (store, result, &error));
  g_assert_no_error (error);
}

static GArray *
pain_daily (UnknotStore *store,
            const GDate *first,
            const GDate *last,
            guint        regions)
{
  g_autoptr(GError) error = NULL;
  GArray *days;
  AWAIT (unknot_store_pain_daily_async (store, first, last, regions, NULL, got_result_cb, &slot));

  days = unknot_store_pain_daily_finish (store, result, &error);
  g_assert_no_error (error);
  return days;
}

static GPtrArray *
pain_before_after (UnknotStore *store,
                   GDateTime   *from,
                   GDateTime   *until)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *effects;
  AWAIT (unknot_store_pain_before_after_async (store, from, until, NULL, got_result_cb, &slot));

  effects = unknot_store_pain_before_after_finish (store, result, &error);
  g_assert_no_error (error);
  return effects;
}

static GArray *
adherence (UnknotStore *store,
           const GDate *first,
           const GDate *last)
{
  g_autoptr(GError) error = NULL;
  GArray *days;
  AWAIT (unknot_store_adherence_async (store, first, last, NULL, got_result_cb, &slot));

  days = unknot_store_adherence_finish (store, result, &error);
  g_assert_no_error (error);
  return days;
}

static gint64
export_csv (UnknotStore  *store,
            const char   *path,
            gboolean      overwrite,
            GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AWAIT (unknot_store_export_pain_csv_async (store, file, overwrite, NULL, got_result_cb, &slot));

  return unknot_store_export_pain_csv_finish (store, result, error);
}

static gboolean
import_csv (UnknotStore  *store,
            const char   *path,
            guint        *n_imported,
            guint        *n_skipped,
            GStrv        *problems,
            GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AWAIT (unknot_store_import_pain_csv_async (store, file, NULL, got_result_cb, &slot));

  return unknot_store_import_pain_csv_finish (store, result, n_imported, n_skipped, problems, error);
}

static gint64
add_entries (UnknotStore  *store,
             GPtrArray    *entries,
             GError      **error)
{
  AWAIT (unknot_store_add_pain_entries_async (store, entries, NULL, got_result_cb, &slot));
  return unknot_store_add_pain_entries_finish (store, result, error);
}

static gboolean
backup (UnknotStore  *store,
        const char   *path,
        gboolean      overwrite,
        GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AWAIT (unknot_store_backup_async (store, file, overwrite, NULL, got_result_cb, &slot));

  return unknot_store_backup_finish (store, result, error);
}

static GFile *
restore_backup (UnknotStore  *store,
                const char   *path,
                GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AWAIT (unknot_store_restore_backup_async (store, file, NULL, got_result_cb, &slot));

  return unknot_store_restore_backup_finish (store, result, error);
}

static GStrv
delete_all (UnknotStore  *store,
            GError      **error)
{
  AWAIT (unknot_store_delete_all_data_async (store, NULL, got_result_cb, &slot));
  return unknot_store_delete_all_data_finish (store, result, error);
}

static GFile *
move_aside (UnknotStore  *store,
            GError      **error)
{
  AWAIT (unknot_store_move_aside_async (store, NULL, got_result_cb, &slot));
  return unknot_store_move_aside_finish (store, result, error);
}

/* Entries */

static GDateTime *
at (const char *iso8601)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

/* @tags separated by "|", or NULL. */
static UnknotPainEntry *
entry_new (const char *time,
           int         pain,
           guint       regions,
           const char *tags,
           const char *note)
{
  UnknotPainEntry *entry = unknot_pain_entry_new ();

  g_date_time_unref (entry->time);
  entry->time = at (time);
  entry->pain = pain;
  entry->regions = regions;
  if (tags != NULL)
    {
      g_strfreev (entry->tags);
      entry->tags = g_strsplit (tags, "|", -1);
    }
  entry->note = g_strdup (note);
  return entry;
}

static UnknotPainEntry *
add_new (UnknotStore *store,
         const char  *time,
         int          pain,
         guint        regions,
         const char  *tags,
         const char  *note)
{
  g_autoptr(UnknotPainEntry) entry = entry_new (time, pain, regions, tags, note);
  g_autoptr(GError) error = NULL;
  UnknotPainEntry *saved = add_entry (store, entry, &error);

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->id, >, 0);
  return saved;
}

static UnknotPainEntry *
entry_at (GPtrArray *entries,
          guint      index)
{
  g_assert_cmpuint (index, <, entries->len);
  return g_ptr_array_index (entries, index);
}

/* Looking at the file as another program would */

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

static void
assert_intact (const char *path)
{
  g_autofree char *check = plain_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
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

static void
assert_bytes (const char *path,
              GBytes     *expected)
{
  g_autoptr(GBytes) now = file_bytes (path);

  g_assert_true (g_bytes_equal (now, expected));
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The schema as earlier versions of Unknot created it, copied here so that
 * editing a shipped migration by mistake shows up as a failing test. */
static const char old_v1_sql[] =
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
  "  occurred_offset INTEGER NOT NULL);"
  "PRAGMA user_version = 1;";

static const char old_v2_sql[] =
  "CREATE TABLE reminder_events ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('due','taken','snoozed','skipped','natural')),"
  "  routine_id TEXT,"
  "  occurred_utc INTEGER NOT NULL,"
  "  occurred_offset INTEGER NOT NULL);"
  "CREATE INDEX reminder_events_occurred ON reminder_events (occurred_utc);"
  "PRAGMA user_version = 2;";

static const char old_v3_sql[] =
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
  "CREATE INDEX pain_entry_tags_tag ON pain_entry_tags (tag_id, entry_id);"
  "PRAGMA user_version = 3;";

/* 2024-05-06 09:00 +02:00, completed, with a safety stop. */
static const char old_session_sql[] =
  "INSERT INTO sessions (id, routine_id, routine_title, started_utc, started_offset, ended_utc,"
  " ended_offset, outcome, active_seconds, steps_completed, steps_total)"
  " VALUES (7, 'ball-wall', 'Ball on the wall', 1714978800000000, 7200, 1714979100000000, 7200,"
  " 'completed', 300, 4, 4);"
  "INSERT INTO safety_events (session_id, kind, step_index, occurred_utc, occurred_offset)"
  " VALUES (7, 'session-stop', 2, 1714978900000000, 7200);";

/* Rated after session 7, tagged, on the neck. */
static const char old_pain_sql[] =
  "INSERT INTO pain_entries (id, time_utc, time_offset, pain, note, session_id, phase)"
  " VALUES (3, 1714979160000000, 7200, 2, 'looser', 7, 'after');"
  "INSERT INTO pain_entry_regions (entry_id, region) VALUES (3, 'neck-left');"
  "INSERT INTO tags (id, name) VALUES (1, 'desk-work');"
  "INSERT INTO pain_entry_tags (entry_id, tag_id, position) VALUES (3, 1, 0);";

static const char old_reminder_sql[] =
  "INSERT INTO reminder_events (kind, occurred_utc, occurred_offset) VALUES"
  " ('due', 1714978700000000, 7200), ('taken', 1714978710000000, 7200);";

static void
assert_newest_schema (const char *path)
{
  g_assert_cmpint (plain_int (path, "PRAGMA user_version"), ==, NEWEST_VERSION);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                                    " ('pain_entries', 'pain_entry_regions', 'tags', 'pain_entry_tags')"), ==, 4);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
                                    " ('pain_entries_time', 'pain_entries_session')"), ==, 2);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                    " AND name = 'session_steps'"), ==, 1);
  g_assert_cmpint (plain_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
                                    " ('session_steps_session', 'session_steps_under_way',"
                                    " 'safety_events_occurred')"), ==, 3);
  assert_intact (path);
}

/* Steps record on a migrated history: for @session_id, or (0) a new
 * session; two steps, in order, the second left under way. */
static void
assert_records_steps (UnknotStore *store,
                      gint64       session_id)
{
  g_autoptr(GDateTime) started = at ("2024-06-01T08:00:00+02:00");
  g_autoptr(GDateTime) ended = at ("2024-06-01T08:00:45+02:00");
  g_autoptr(GPtrArray) steps = NULL;

  if (session_id == 0)
    session_id = begin_session (store, "ball-wall", "Ball on the wall", started);
  begin_step (store, session_id, 0, "Warm up", started);
  end_step (store, session_id, UNKNOT_STEP_OUTCOME_COMPLETED, ended);
  begin_step (store, session_id, 1, "Lean in", ended);
  steps = list_steps (store, session_id);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpstr (((UnknotStepRecord *) g_ptr_array_index (steps, 0))->step_title, ==, "Warm up");
  g_assert_cmpint (((UnknotStepRecord *) g_ptr_array_index (steps, 0))->outcome, ==, UNKNOT_STEP_OUTCOME_COMPLETED);
  g_assert_cmpuint (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->step_index, ==, 1);
  g_assert_cmpint (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->outcome, ==, UNKNOT_STEP_OUTCOME_RUNNING);
  g_assert_null (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->ended_at);
}

/* Logging works on a migrated history: one entry in, the same out. */
static void
assert_logs (UnknotStore *store,
             gint64       session_id)
{
  g_autoptr(UnknotPainEntry) entry = entry_new ("2024-05-06T09:06:00+02:00", 3, UNKNOT_PAIN_REGION_NECK_LEFT,
                                                "desk-work", "after the ball");
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(UnknotPainEntry) read = NULL;
  g_autoptr(GError) error = NULL;

  entry->session_id = session_id;
  entry->phase = session_id != 0 ? UNKNOT_PAIN_PHASE_AFTER : UNKNOT_PAIN_PHASE_NONE;
  saved = add_entry (store, entry, &error);
  g_assert_no_error (error);
  read = get_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_pain_entry_equal (saved, read));
  g_assert_cmpint (read->session_id, ==, session_id);
}

/* Migrations */

static void
test_migrate_from_v0 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotStore) store = NULL;

  /* An empty file (what a crash between create and migrate leaves), then a
   * real SQLite file at version 0 with nothing of ours in it. */
  write_file (fixture->path, "", 0);
  store = open_store_at (fixture->path);
  assert_newest_schema (fixture->path);
  assert_logs (store, 0);
  assert_records_steps (store, 0);
  g_clear_object (&store);

  remove_tree (fixture->folder);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
  plain_exec (fixture->path, "CREATE TABLE scratch (x); DROP TABLE scratch;");
  g_assert_cmpint (plain_int (fixture->path, "PRAGMA user_version"), ==, 0);
  store = open_store_at (fixture->path);
  assert_newest_schema (fixture->path);
  assert_logs (store, 0);
}

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  plain_exec (fixture->path, old_v1_sql);
  plain_exec (fixture->path, old_session_sql);
  store = open_store_at (fixture->path);
  assert_newest_schema (fixture->path);

  /* What was there is still there, and the log ties into it. */
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM safety_events WHERE session_id = 7"), ==, 1);
  {
    AWAIT (unknot_store_list_sessions_async (store, 0, NULL, got_result_cb, &slot));
    sessions = unknot_store_list_sessions_finish (store, result, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (((UnknotSessionRecord *) g_ptr_array_index (sessions, 0))->routine_title, ==,
                   "Ball on the wall");
  assert_logs (store, 7);
  assert_records_steps (store, 7);
}

static void
test_migrate_from_v2 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(GArray) days = NULL;
  GDate day;

  plain_exec (fixture->path, old_v1_sql);
  plain_exec (fixture->path, old_v2_sql);
  plain_exec (fixture->path, old_session_sql);
  plain_exec (fixture->path, old_reminder_sql);
  store = open_store_at (fixture->path);
  assert_newest_schema (fixture->path);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM reminder_events"), ==, 2);

  /* The old rows feed the new adherence calendar. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 6, G_DATE_MAY, 2024);
  days = adherence (store, &day, &day);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpuint (g_array_index (days, UnknotAdherenceDay, 0).sessions_completed, ==, 1);
  g_assert_cmpuint (g_array_index (days, UnknotAdherenceDay, 0).reminders_due, ==, 1);
  g_assert_cmpuint (g_array_index (days, UnknotAdherenceDay, 0).reminders_taken, ==, 1);
  assert_logs (store, 7);
  assert_records_steps (store, 7);
}

static void
test_migrate_from_v3 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_autoptr(GPtrArray) safety = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;

  plain_exec (fixture->path, old_v1_sql);
  plain_exec (fixture->path, old_v2_sql);
  plain_exec (fixture->path, old_v3_sql);
  plain_exec (fixture->path, old_session_sql);
  plain_exec (fixture->path, old_reminder_sql);
  plain_exec (fixture->path, old_pain_sql);
  store = open_store_at (fixture->path);
  assert_newest_schema (fixture->path);

  /* The pain log of version 3 reads back whole, still tied to its session. */
  entry = get_entry (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->pain, ==, 2);
  g_assert_cmpstr (entry->note, ==, "looser");
  g_assert_cmpint (entry->session_id, ==, 7);
  g_assert_cmpint (entry->phase, ==, UNKNOT_PAIN_PHASE_AFTER);
  g_assert_cmpuint (entry->regions, ==, UNKNOT_PAIN_REGION_NECK_LEFT);
  g_assert_cmpstr (entry->tags[0], ==, "desk-work");
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM reminder_events"), ==, 2);

  /* The safety stop of version 1 can be read by time now. */
  {
    AWAIT (unknot_store_list_safety_events_async (store, NULL, NULL, NULL, got_result_cb, &slot));
    safety = unknot_store_list_safety_events_finish (store, result, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (safety->len, ==, 1);
  g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (safety, 0))->session_id, ==, 7);
  g_assert_cmpint (((UnknotSafetyEventRecord *) g_ptr_array_index (safety, 0))->step_index, ==, 2);

  /* Old sessions have no steps; new ones record theirs. */
  before = list_steps (store, 7);
  g_assert_cmpuint (before->len, ==, 0);
  assert_records_steps (store, 7);
  assert_records_steps (store, 0);
  assert_logs (store, 7);
}

/* Saving, editing, deleting */

static void
test_add_and_get (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) entry = entry_new ("2024-06-03T08:30:15.123456+05:45", 6,
                                                UNKNOT_PAIN_REGION_SHOULDER_LEFT | UNKNOT_PAIN_REGION_MID_BACK_RIGHT,
                                                "stress|  long   drive |desk-work|stress",
                                                "Woke up stiff 🙁, \"sharp\" at first");
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(UnknotPainEntry) read = NULL;
  g_autoptr(GError) error = NULL;

  entry->interference = 4;
  saved = add_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->id, >, 0);
  g_assert_true (saved != entry);
  /* Tags come back tidied, in the order given, each once. */
  g_assert_cmpuint (g_strv_length (saved->tags), ==, 3);
  g_assert_cmpstr (saved->tags[0], ==, "stress");
  g_assert_cmpstr (saved->tags[1], ==, "long drive");
  g_assert_cmpstr (saved->tags[2], ==, "desk-work");

  read = get_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_pain_entry_equal (read, saved));
  /* The moment and its offset, to the microsecond. */
  g_assert_cmpint (g_date_time_get_utc_offset (read->time), ==, (5 * 60 + 45) * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_get_microsecond (read->time), ==, 123456);
  g_assert_cmpint (read->interference, ==, 4);
  g_assert_cmpstr (read->note, ==, "Woke up stiff 🙁, \"sharp\" at first");

  unknot_store_flush (store);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entry_regions"), ==, 2);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entry_tags"), ==, 3);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entries WHERE interference IS NULL"), ==, 0);
  g_assert_null (get_entry (store, saved->id + 1, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
}

static void
test_invalid_is_not_saved (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) entry = entry_new ("2024-06-03T08:30:00+02:00", 11, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (add_entry (store, entry, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0–10"));
  g_clear_error (&error);

  entry->pain = 5;
  unknot_pain_entry_set_tags (entry, (const char *[]) { "ok", "not;ok", NULL });
  g_assert_null (add_entry (store, entry, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A session that is not there: refused, not stored dangling. */
  unknot_pain_entry_set_tags (entry, NULL);
  entry->session_id = 999;
  entry->phase = UNKNOT_PAIN_PHASE_BEFORE;
  g_assert_null (add_entry (store, entry, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  unknot_store_flush (store);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entries"), ==, 0);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM tags"), ==, 0);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-03T08:30:00+02:00", 6,
                                              UNKNOT_PAIN_REGION_NECK_LEFT, "gardening|stress", "first");
  g_autoptr(UnknotPainEntry) before_edit = unknot_pain_entry_copy (saved);
  g_autoptr(UnknotPainEntry) read = NULL;
  g_autoptr(GError) error = NULL;

  g_date_time_unref (saved->time);
  saved->time = at ("2024-06-03T07:45:00+01:00");
  saved->pain = 2;
  saved->interference = 0;
  saved->regions = UNKNOT_PAIN_REGION_LOWER_BACK_RIGHT | UNKNOT_PAIN_REGION_NECK_RIGHT;
  unknot_pain_entry_set_tags (saved, (const char *[]) { "sleep", NULL });
  g_clear_pointer (&saved->note, g_free);
  saved->note = g_strdup ("second thoughts");
  g_assert_true (update_entry (store, saved, &error));
  g_assert_no_error (error);

  read = get_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_pain_entry_equal (read, saved));
  /* "gardening" is no one's any more and left the file. */
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM tags WHERE name = 'gardening'"), ==, 0);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entry_regions"), ==, 2);

  /* Undo of an edit: the old copy goes back. */
  g_assert_true (update_entry (store, before_edit, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, unknot_pain_entry_unref);
  read = get_entry (store, saved->id, &error);
  g_assert_true (unknot_pain_entry_equal (read, before_edit));

  saved->id += 100;
  g_assert_false (update_entry (store, saved, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) first = add_new (store, "2024-06-01T08:00:00+02:00", 3, 0, NULL, NULL);
  g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-02T08:00:00+02:00", 7,
                                              UNKNOT_PAIN_REGION_SHOULDER_RIGHT, "sport|private words",
                                              "after the match");
  g_autoptr(UnknotPainEntry) last = add_new (store, "2024-06-03T08:00:00+02:00", 4, 0, NULL, NULL);
  g_autoptr(UnknotPainEntry) deleted = NULL;
  g_autoptr(UnknotPainEntry) back = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  UnknotPainQuery all = { 0 };

  deleted = delete_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_pain_entry_equal (deleted, saved));

  listed = list_entries (store, &all);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_null (get_entry (store, saved->id, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Deleted means gone from the file, the user's own words included. */
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM tags WHERE name = 'private words'"), ==, 0);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entry_regions"), ==, 0);

  /* Undo: back under its own id, so it sorts where it was. */
  g_assert_true (restore_entry (store, deleted, &error));
  g_assert_no_error (error);
  back = get_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_pain_entry_equal (back, saved));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = list_entries (store, &all);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpint (entry_at (listed, 0)->id, ==, last->id);
  g_assert_cmpint (entry_at (listed, 1)->id, ==, saved->id);
  g_assert_cmpint (entry_at (listed, 2)->id, ==, first->id);

  /* Twice is once too many. */
  g_assert_false (restore_entry (store, deleted, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (delete_entry (store, saved->id + 1000, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_after_session_gone (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(GDateTime) started = at ("2024-06-02T08:00:00+02:00");
  gint64 session = begin_session (store, "ball-wall", "Ball on the wall", started);
  g_autoptr(UnknotPainEntry) entry = entry_new ("2024-06-02T07:59:00+02:00", 5, 0, NULL, NULL);
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(UnknotPainEntry) deleted = NULL;
  g_autoptr(UnknotPainEntry) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  entry->session_id = session;
  entry->phase = UNKNOT_PAIN_PHASE_BEFORE;
  saved = add_entry (store, entry, &error);
  g_assert_no_error (error);
  deleted = delete_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deleted->session_id, ==, session);

  unknot_store_flush (store);
  sql = g_strdup_printf ("DELETE FROM sessions WHERE id = %" G_GINT64_FORMAT, session);
  plain_exec (fixture->path, sql);

  /* The rating comes back; the tie to a session that is gone does not. */
  g_assert_true (restore_entry (store, deleted, &error));
  g_assert_no_error (error);
  back = get_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->pain, ==, 5);
  g_assert_cmpint (back->session_id, ==, 0);
  g_assert_cmpint (back->phase, ==, UNKNOT_PAIN_PHASE_NONE);
}

/* Reading back */

static void
test_list_filters_and_paging (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(GDateTime) from = at ("2024-06-05T00:00:00+02:00");
  g_autoptr(GDateTime) until = at ("2024-06-10T00:00:00+02:00");
  g_autoptr(GPtrArray) ranged = NULL;
  g_autoptr(GPtrArray) by_region = NULL;
  g_autoptr(GPtrArray) by_tag = NULL;
  static const char * const tag_filter[] = { "driving", "garden", NULL };
  UnknotPainQuery query = { 0 };
  const UnknotPainEntry *after = NULL;

  /* 30 entries, one a day at 08:00 +02:00 from June 1, three more at the
   * very same moment on June 15; regions and tags in a pattern. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *time = g_strdup_printf ("2024-06-%02uT08:00:00+02:00", i + 1);
      const char *tags = i % 3 == 0 ? "driving" : (i % 3 == 1 ? "garden|stress" : NULL);
      g_autoptr(UnknotPainEntry) saved = add_new (store, time, (int) (i % 11), unknot_pain_region_nth (i % 10),
                                                  tags, NULL);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-15T08:00:00+02:00", 9,
                                                  UNKNOT_PAIN_REGION_NECK_LEFT, NULL, "same moment");
    }

  all = list_entries (store, &query);
  g_assert_cmpuint (all->len, ==, 33);
  g_assert_cmpint (count_entries (store, &query), ==, 33);
  /* Newest first; at one moment, the later-saved first. */
  for (guint i = 1; i < all->len; i++)
    {
      int order = g_date_time_compare (entry_at (all, i - 1)->time, entry_at (all, i)->time);

      g_assert_cmpint (order, >=, 0);
      if (order == 0)
        g_assert_cmpint (entry_at (all, i - 1)->id, >, entry_at (all, i)->id);
    }

  /* Pages of 7 following on from the last of the page before give the same
   * list, without repeats across the entries that share a moment. */
  query.limit = 7;
  do
    {
      g_autoptr(GPtrArray) page = NULL;

      query.after = after;
      page = list_entries (store, &query);
      g_assert_cmpuint (page->len, <=, 7);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (pages, unknot_pain_entry_ref (entry_at (page, i)));
      after = page->len > 0 ? entry_at (pages, pages->len - 1) : NULL;
      if (page->len < 7)
        break;
    }
  while (TRUE);
  g_assert_cmpuint (pages->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (entry_at (pages, i)->id, ==, entry_at (all, i)->id);

  /* June 5 to 9 inclusive. */
  query = (UnknotPainQuery) { .from = from, .until = until };
  ranged = list_entries (store, &query);
  g_assert_cmpuint (ranged->len, ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (entry_at (ranged, 0)->time), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (entry_at (ranged, 4)->time), ==, 5);
  g_assert_cmpint (count_entries (store, &query), ==, 5);

  /* Any of two regions: days 1, 11, 21 (neck-left) and 3, 13, 23
   * (shoulder-left), and the three at one moment. */
  query = (UnknotPainQuery) { .regions = UNKNOT_PAIN_REGION_NECK_LEFT | UNKNOT_PAIN_REGION_SHOULDER_LEFT };
  by_region = list_entries (store, &query);
  g_assert_cmpuint (by_region->len, ==, 9);
  for (guint i = 0; i < by_region->len; i++)
    g_assert_cmpuint (entry_at (by_region, i)->regions & query.regions, !=, 0);

  /* Any of two tags: every day but those with i % 3 == 2. */
  query = (UnknotPainQuery) { .tags = tag_filter };
  by_tag = list_entries (store, &query);
  g_assert_cmpuint (by_tag->len, ==, 20);
  g_assert_cmpint (count_entries (store, &query), ==, 20);
  query.regions = UNKNOT_PAIN_REGION_NECK_LEFT;
  g_assert_cmpint (count_entries (store, &query), ==, 2);  /* days 1 and 11 */
}

static void
test_user_tags (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_auto(GStrv) none = list_tags (store);
  g_auto(GStrv) tags = NULL;

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_clear_pointer (&none, g_strfreev);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-01T08:00:00+02:00", 3, 0,
                                                  i < 3 ? "stress|Moving house" : "stress|Baby 👶|Moving house",
                                                  NULL);
    }
  {
    g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-02T08:00:00+02:00", 3, 0, "Baby 👶|Allotment",
                                                NULL);
  }
  tags = list_tags (store);
  /* Most used first, then by name; built-ins are not "your tags". */
  g_assert_cmpuint (g_strv_length (tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "Moving house");
  g_assert_cmpstr (tags[1], ==, "Baby 👶");
  g_assert_cmpstr (tags[2], ==, "Allotment");
}

/* Sessions and statistics */

static void
test_before_after_from_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(GPtrArray) effects = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GDateTime) since = at ("2024-06-02T00:00:00+02:00");
  g_autoptr(GError) error = NULL;
  const int ball[][2] = { { 6, 3 }, { 5, 4 }, { 7, 4 } };
  const UnknotRoutineEffect *effect;

  for (guint i = 0; i < G_N_ELEMENTS (ball); i++)
    {
      g_autofree char *started_text = g_strdup_printf ("2024-06-0%uT08:00:00+02:00", i + 1);
      g_autofree char *before_text = g_strdup_printf ("2024-06-0%uT07:59:00+02:00", i + 1);
      g_autofree char *after_text = g_strdup_printf ("2024-06-0%uT08:10:00+02:00", i + 1);
      g_autoptr(GDateTime) started = at (started_text);
      gint64 session = begin_session (store, "ball-wall", "Ball on the wall", started);
      g_autoptr(UnknotPainEntry) before = add_new (store, before_text, ball[i][0], 0, NULL, NULL);
      g_autoptr(UnknotPainEntry) after = add_new (store, after_text, ball[i][1], 0, NULL, NULL);
      g_autoptr(UnknotPainEntry) early = NULL;

      /* Rated first, tied to the session afterwards, as the UI does. */
      g_assert_true (link_entry (store, before->id, session, UNKNOT_PAIN_PHASE_BEFORE, &error));
      g_assert_no_error (error);
      g_assert_true (link_entry (store, after->id, session, UNKNOT_PAIN_PHASE_AFTER, &error));
      g_assert_no_error (error);
      /* An earlier "before" of the same session does not count: the last
       * one does. */
      if (i == 0)
        {
          early = add_new (store, "2024-06-01T07:50:00+02:00", 10, 0, NULL, NULL);
          g_assert_true (link_entry (store, early->id, session, UNKNOT_PAIN_PHASE_BEFORE, &error));
        }
    }
  {
    g_autoptr(GDateTime) started = at ("2024-06-04T08:00:00+02:00");
    gint64 session = begin_session (store, "roller", "Roller", started);
    g_autoptr(UnknotPainEntry) before = entry_new ("2024-06-04T07:59:00+02:00", 8, 0, NULL, NULL);
    g_autoptr(UnknotPainEntry) after = entry_new ("2024-06-04T08:20:00+02:00", 2, 0, NULL, NULL);
    g_autoptr(UnknotPainEntry) saved_before = NULL;
    g_autoptr(UnknotPainEntry) saved_after = NULL;
    g_autoptr(UnknotPainEntry) lonely = NULL;
    g_autoptr(GDateTime) started_again = at ("2024-06-05T08:00:00+02:00");
    gint64 unpaired = begin_session (store, "roller", "Roller", started_again);

    before->session_id = after->session_id = session;
    before->phase = UNKNOT_PAIN_PHASE_BEFORE;
    after->phase = UNKNOT_PAIN_PHASE_AFTER;
    saved_before = add_entry (store, before, &error);
    saved_after = add_entry (store, after, &error);
    g_assert_no_error (error);
    /* A session with only a "before" is not a pair. */
    lonely = add_new (store, "2024-06-05T07:59:00+02:00", 9, 0, NULL, NULL);
    g_assert_true (link_entry (store, lonely->id, unpaired, UNKNOT_PAIN_PHASE_BEFORE, &error));
    g_assert_no_error (error);

    /* Ties that cannot be made. */
    g_assert_false (link_entry (store, lonely->id, unpaired + 50, UNKNOT_PAIN_PHASE_AFTER, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (link_entry (store, lonely->id + 50, unpaired, UNKNOT_PAIN_PHASE_AFTER, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (link_entry (store, lonely->id, unpaired, UNKNOT_PAIN_PHASE_NONE, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* Entries of one session, for a session's summary. */
    {
      UnknotPainQuery query = { .session_id = session };
      g_autoptr(GPtrArray) of_session = list_entries (store, &query);

      g_assert_cmpuint (of_session->len, ==, 2);
      g_assert_cmpint (entry_at (of_session, 0)->phase, ==, UNKNOT_PAIN_PHASE_AFTER);
      g_assert_cmpint (entry_at (of_session, 1)->phase, ==, UNKNOT_PAIN_PHASE_BEFORE);
    }
  }

  effects = pain_before_after (store, NULL, NULL);
  g_assert_cmpuint (effects->len, ==, 2);
  effect = g_ptr_array_index (effects, 0);
  g_assert_cmpstr (effect->routine_id, ==, "ball-wall");
  g_assert_cmpuint (effect->n_sessions, ==, 3);
  g_assert_cmpfloat_with_epsilon (effect->mean_before, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (effect->mean_after, 11.0 / 3, 1e-9);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_IMPROVED);
  effect = g_ptr_array_index (effects, 1);
  g_assert_cmpstr (effect->routine_id, ==, "roller");
  g_assert_cmpuint (effect->n_sessions, ==, 1);
  g_assert_cmpint (effect->effect, ==, UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA);

  /* Sessions from June 2 on: two of the ball's three. */
  recent = pain_before_after (store, since, NULL);
  g_assert_cmpuint (((UnknotRoutineEffect *) g_ptr_array_index (recent, 0))->n_sessions, ==, 2);
}

static void
test_daily_and_adherence_from_store (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) neck_days = NULL;
  g_autoptr(GArray) calendar = NULL;
  g_autoptr(GDateTime) now = at ("2024-03-10T21:00:00+01:00");
  GDate first, last;
  struct { const char *time; int pain; guint regions; } entries[] = {
    { "2024-02-27T09:00:00+01:00", 6, UNKNOT_PAIN_REGION_NECK_LEFT },
    { "2024-03-01T08:00:00+01:00", 4, UNKNOT_PAIN_REGION_NECK_LEFT },
    { "2024-03-01T21:00:00+01:00", 6, UNKNOT_PAIN_REGION_MID_BACK_LEFT },
    { "2024-03-03T12:00:00+01:00", 2, UNKNOT_PAIN_REGION_NECK_LEFT },
    /* Late evening in New York: still March 7 there. */
    { "2024-03-07T23:30:00-05:00", 9, UNKNOT_PAIN_REGION_MID_BACK_LEFT },
    { "2024-03-10T20:00:00+01:00", 3, UNKNOT_PAIN_REGION_NECK_LEFT },
    { "2024-03-11T08:00:00+01:00", 10, UNKNOT_PAIN_REGION_NECK_LEFT },   /* "tomorrow" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(UnknotPainEntry) saved = add_new (store, entries[i].time, entries[i].pain, entries[i].regions,
                                                  NULL, NULL);
    }

  /* "The last 10 days" as of an injected now. */
  unknot_pain_stats_last_days (now, 10, &first, &last);
  days = pain_daily (store, &first, &last, 0);
  g_assert_cmpuint (days->len, ==, 10);
  g_assert_cmpfloat_with_epsilon (g_array_index (days, UnknotPainDay, 0).mean, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (days, UnknotPainDay, 0).average, 5.5, 1e-9);
  g_assert_cmpuint (g_array_index (days, UnknotPainDay, 6).n_entries, ==, 1);   /* March 7 */
  g_assert_cmpuint (g_array_index (days, UnknotPainDay, 7).n_entries, ==, 0);   /* March 8 */
  g_assert_cmpfloat_with_epsilon (g_array_index (days, UnknotPainDay, 9).mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (days, UnknotPainDay, 9).average, (9 + 3) / 2.0, 1e-9);

  /* Only the neck: March 1 is 4 alone, and its average has Feb 27. */
  neck_days = pain_daily (store, &first, &last, UNKNOT_PAIN_REGION_NECK_LEFT);
  g_assert_cmpfloat_with_epsilon (g_array_index (neck_days, UnknotPainDay, 0).mean, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (neck_days, UnknotPainDay, 0).average, 5.0, 1e-9);
  g_assert_cmpuint (g_array_index (neck_days, UnknotPainDay, 6).n_entries, ==, 0);

  /* Sessions and reminders by day. */
  {
    g_autoptr(GDateTime) s1 = at ("2024-03-02T08:00:00+01:00");
    g_autoptr(GDateTime) s1_end = at ("2024-03-02T08:05:00+01:00");
    g_autoptr(GDateTime) s2 = at ("2024-03-02T18:00:00+01:00");
    g_autoptr(GDateTime) s2_end = at ("2024-03-02T18:02:00+01:00");
    g_autoptr(GDateTime) r1 = at ("2024-03-02T10:00:00+01:00");
    g_autoptr(GDateTime) r2 = at ("2024-03-02T10:00:03+01:00");

    end_session (store, begin_session (store, "ball-wall", "Ball", s1), UNKNOT_SESSION_OUTCOME_COMPLETED, s1_end);
    end_session (store, begin_session (store, "ball-wall", "Ball", s2), UNKNOT_SESSION_OUTCOME_STOPPED, s2_end);
    add_reminder_event (store, "due", r1);
    add_reminder_event (store, "taken", r2);
  }
  calendar = adherence (store, &first, &last);
  g_assert_cmpuint (calendar->len, ==, 10);
  g_assert_cmpuint (g_array_index (calendar, UnknotAdherenceDay, 1).sessions_started, ==, 2);
  g_assert_cmpuint (g_array_index (calendar, UnknotAdherenceDay, 1).sessions_completed, ==, 1);
  g_assert_cmpuint (g_array_index (calendar, UnknotAdherenceDay, 1).reminders_due, ==, 1);
  g_assert_cmpuint (g_array_index (calendar, UnknotAdherenceDay, 1).reminders_taken, ==, 1);
  g_assert_cmpuint (g_array_index (calendar, UnknotAdherenceDay, 2).sessions_started, ==, 0);
}

/* CSV through the store */

static void
test_csv_export_and_import (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *csv_path = fixture_file (fixture, "pain.csv");
  g_autofree char *other_path = fixture_file (fixture, "other.db");
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotStore) other = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = at ("2024-06-01T08:00:00+02:00");
  g_auto(GStrv) problems = NULL;
  guint n_imported = 0, n_skipped = 0;
  UnknotPainQuery all = { 0 };
  const char *notes[] = { "=HYPERLINK(\"http://example.com\")", "line\nbreak, and \"quotes\"", "😀 fine", NULL };

  for (guint i = 0; notes[i] != NULL; i++)
    {
      g_autofree char *time = g_strdup_printf ("2024-06-0%uT0%u:15:00+0%u:00", i + 1, i + 7, i);
      g_autoptr(UnknotPainEntry) saved = add_new (store, time, (int) i * 3, unknot_pain_region_nth (i),
                                                  "stress|@work", notes[i]);
    }
  {
    /* A session rating: exported with its routine, imported unlinked. */
    g_autoptr(UnknotPainEntry) rated = entry_new ("2024-06-01T07:59:00+02:00", 5, 0, NULL, NULL);
    g_autoptr(UnknotPainEntry) saved = NULL;

    rated->session_id = begin_session (store, "ball-wall", "Ball on the wall", started);
    rated->phase = UNKNOT_PAIN_PHASE_BEFORE;
    saved = add_entry (store, rated, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpint (export_csv (store, csv_path, FALSE, &error), ==, 4);
  g_assert_no_error (error);
  exported = file_bytes (csv_path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (exported, NULL), UNKNOT_PAIN_CSV_HEADER "\r\n"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (exported, NULL), (gssize) g_bytes_get_size (exported),
                                  ",before,ball-wall\r\n"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (exported, NULL), (gssize) g_bytes_get_size (exported),
                                  ",\"'=HYPERLINK("));

  /* Never over an existing file unless asked. */
  g_assert_cmpint (export_csv (store, csv_path, FALSE, &error), ==, -1);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, csv_path));
  g_clear_error (&error);
  assert_bytes (csv_path, exported);
  g_assert_cmpint (export_csv (store, csv_path, TRUE, &error), ==, 4);
  g_assert_no_error (error);
  /* No temporary file left beside it. */
  g_assert_cmpuint (count_files (fixture->folder), ==, 4);   /* db, -wal, -shm, csv */

  /* Into another history, and again: the second time adds nothing. */
  other = open_store_at (other_path);
  g_assert_true (import_csv (other, csv_path, &n_imported, &n_skipped, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpuint (n_imported, ==, 4);
  g_assert_cmpuint (n_skipped, ==, 0);
  g_assert_true (import_csv (other, csv_path, &n_imported, &n_skipped, &problems, &error));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 4);

  original = list_entries (store, &all);
  imported = list_entries (other, &all);
  g_assert_cmpuint (imported->len, ==, original->len);
  for (guint i = 0; i < original->len; i++)
    {
      g_autoptr(UnknotPainEntry) expected = unknot_pain_entry_copy (entry_at (original, i));

      expected->id = entry_at (imported, i)->id;
      expected->session_id = 0;
      expected->phase = UNKNOT_PAIN_PHASE_NONE;
      g_assert_true (unknot_pain_entry_equal (expected, entry_at (imported, i)));
    }
}

static void
test_csv_import_is_all_or_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *csv_path = fixture_file (fixture, "bad.csv");
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) kept = add_new (store, "2024-05-01T08:00:00+02:00", 2, 0, NULL, "kept");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  guint n_imported = 99, n_skipped = 99;
  UnknotPainQuery all = { 0 };
  const char text[] =
    "time,pain,note\n"
    "2024-06-01T08:00:00+02:00,3,good\n"
    "2024-06-02T08:00:00+02:00,14,bad\n"
    "2024-06-03T08:00:00+02:00,4,good\n"
    "2024-06-04T08:00:00+02:00,4,\"unclosed\n";

  write_file (csv_path, text, sizeof text - 1);
  g_assert_false (import_csv (store, csv_path, &n_imported, &n_skipped, &problems, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, csv_path));
  g_assert_nonnull (strstr (error->message, "2 problems; nothing was imported"));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 0);
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (problems), ==, 2);
  g_assert_cmpstr (problems[0], ==, "line 3: pain must be 0–10, not “14”");
  g_assert_cmpstr (problems[1], ==, "line 5: a quoted cell is not closed before the end of the file");
  g_assert_cmpint (count_entries (store, &all), ==, 1);

  /* A file that is not there. */
  g_clear_error (&error);
  g_clear_pointer (&problems, g_strfreev);
  g_remove (csv_path);
  g_assert_false (import_csv (store, csv_path, NULL, NULL, &problems, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_null (problems);
  g_assert_cmpint (count_entries (store, &all), ==, 1);
}

/* In a child that is not root (root writes into read-only folders): the
 * history saves, then an export and a backup into a folder it cannot
 * write to fail clearly, and what was saved is still there. */
static void
read_only_export (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "unknot.db", NULL);
  g_autofree char *locked = g_build_filename (folder, "locked", NULL);
  g_autofree char *csv_path = g_build_filename (locked, "pain.csv", NULL);
  g_autofree char *backup_path = g_build_filename (locked, "backup.sqlite", NULL);
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-05-01T08:00:00+02:00", 2, 0, NULL, "kept");
  g_autoptr(UnknotPainEntry) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (geteuid (), !=, 0);
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  g_assert_cmpint (export_csv (store, csv_path, FALSE, &error), ==, -1);
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, locked));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (backup (store, backup_path, FALSE, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (locked), ==, 0);

  read = get_entry (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->note, ==, "kept");
  g_chmod (locked, 0700);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *child_folder = fixture_file (fixture, "child");
  pid_t pid;
  int status = 0;

  g_assert_cmpint (g_mkdir (child_folder, 0700), ==, 0);
  fflush (stdout);
  fflush (stderr);
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      if (nobody == NULL)
        {
          g_test_skip ("Running as root and there is no “nobody” to run as");
          return;
        }
      g_assert_cmpint (chown (child_folder, nobody->pw_uid, nobody->pw_gid), ==, 0);
      g_assert_cmpint (g_chmod (fixture->folder, 0711), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
          g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
          read_only_export (child_folder);
          _exit (0);
        }
    }
  else
    {
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          read_only_export (child_folder);
          _exit (0);
        }
    }
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Backup and restore */

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *backup_path = fixture_file (fixture, "Unknot backup.sqlite");
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotStore) reminder_service = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) later = NULL;
  g_autoptr(UnknotPainEntry) gone = NULL;
  g_autoptr(GPtrArray) at_backup = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) seen_by_other = NULL;
  g_autoptr(GBytes) backup_bytes = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autofree char *aside_path = NULL;
  g_autofree char *aside_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = at ("2024-06-01T08:00:00+02:00");
  UnknotPainQuery all = { 0 };
  gint64 session;

  session = begin_session (store, "ball-wall", "Ball on the wall", started);
  begin_step (store, session, 0, "Warm up", started);
  end_step (store, session, UNKNOT_STEP_OUTCOME_SKIPPED, started);
  begin_step (store, session, 1, "Lean in", started);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *time = g_strdup_printf ("2024-06-0%uT08:00:00+02:00", i + 1);
      g_autoptr(UnknotPainEntry) saved = add_new (store, time, (int) i, unknot_pain_region_nth (i), "stress", "n");

      if (i == 0)
        g_assert_true (link_entry (store, saved->id, session, UNKNOT_PAIN_PHASE_AFTER, &error));
    }
  at_backup = list_entries (store, &all);

  g_assert_true (backup (store, backup_path, FALSE, &error));
  g_assert_no_error (error);
  assert_intact (backup_path);
  g_assert_cmpint (plain_int (backup_path, "PRAGMA user_version"), ==, NEWEST_VERSION);
  g_assert_cmpint (plain_int (backup_path, "SELECT count(*) FROM pain_entries"), ==, 5);
  g_assert_cmpint (plain_int (backup_path, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (plain_int (backup_path, "SELECT count(*) FROM session_steps"), ==, 2);
  backup_bytes = file_bytes (backup_path);

  /* Never over an existing file unless asked. */
  g_assert_false (backup (store, backup_path, FALSE, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  assert_bytes (backup_path, backup_bytes);

  /* Life goes on: one more, one fewer, and the step ends. */
  later = add_new (store, "2024-06-09T08:00:00+02:00", 9, 0, NULL, "after the backup");
  gone = delete_entry (store, entry_at (at_backup, 0)->id, &error);
  g_assert_no_error (error);
  end_step (store, session, UNKNOT_STEP_OUTCOME_COMPLETED, started);

  aside = restore_backup (store, backup_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  aside_path = g_file_get_path (aside);
  aside_name = g_file_get_basename (aside);
  g_test_message ("Kept aside: %s", aside_name);
  g_assert_true (g_regex_match_simple ("^unknot\\.db\\.before-restore-[0-9]{8}-[0-9]{6}$", aside_name, 0, 0));
  g_assert_true (g_file_test (aside_path, G_FILE_TEST_IS_REGULAR));
  /* Health notes, kept private like the history itself. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (aside_path, &st), ==, 0);
    g_assert_cmphex (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
    g_assert_cmphex (st.st_mode & 0777, ==, 0600);
  }
  /* The user's backup was only read. */
  assert_bytes (backup_path, backup_bytes);

  /* Exactly what was backed up; the replaced history is kept whole. */
  restored = list_entries (store, &all);
  g_assert_cmpuint (restored->len, ==, at_backup->len);
  for (guint i = 0; i < restored->len; i++)
    g_assert_true (unknot_pain_entry_equal (entry_at (restored, i), entry_at (at_backup, i)));
  g_assert_cmpint (plain_int (aside_path, "SELECT count(*) FROM pain_entries"), ==, 5);
  g_assert_cmpint (plain_int (aside_path, "SELECT count(*) FROM pain_entries WHERE note = 'after the backup'"), ==, 1);
  g_assert_cmpint (plain_int (aside_path, "SELECT count(*) FROM session_steps WHERE outcome = 'completed'"), ==, 1);
  assert_intact (aside_path);
  /* The steps as they were backed up; the one under way then is marked
   * abandoned, as its session is. */
  {
    g_autoptr(GPtrArray) steps = list_steps (store, session);

    g_assert_cmpuint (steps->len, ==, 2);
    g_assert_cmpint (((UnknotStepRecord *) g_ptr_array_index (steps, 0))->outcome, ==, UNKNOT_STEP_OUTCOME_SKIPPED);
    g_assert_cmpint (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->outcome, ==, UNKNOT_STEP_OUTCOME_ABANDONED);
    g_assert_null (((UnknotStepRecord *) g_ptr_array_index (steps, 1))->ended_at);
  }
  g_assert_cmpint (plain_int (fixture->path, "PRAGMA user_version"), ==, NEWEST_VERSION);
  {
    g_autofree char *mode = plain_text (fixture->path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }

  /* The other program with the file open sees the restored history. */
  seen_by_other = list_entries (reminder_service, &all);
  g_assert_cmpuint (seen_by_other->len, ==, at_backup->len);
  g_assert_cmpint (entry_at (seen_by_other, 0)->id, ==, entry_at (at_backup, 0)->id);
  /* And the store goes on working. */
  g_clear_pointer (&later, unknot_pain_entry_unref);
  later = add_new (store, "2024-06-10T08:00:00+02:00", 1, 0, NULL, NULL);
  assert_intact (fixture->path);
}

static void
test_restore_refuses (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *garbage = fixture_file (fixture, "garbage.sqlite");
  g_autofree char *too_new = fixture_file (fixture, "too-new.sqlite");
  g_autofree char *foreign = fixture_file (fixture, "foreign.sqlite");
  g_autofree char *half = fixture_file (fixture, "half.sqlite");
  g_autofree char *no_steps = fixture_file (fixture, "no-steps.sqlite");
  g_autofree char *missing = fixture_file (fixture, "missing.sqlite");
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-01T08:00:00+02:00", 4, 0, NULL, "mine");
  g_autoptr(GString) noise = g_string_new ("SQLite format 3");
  UnknotPainQuery all = { 0 };
  guint files_before;
  const struct { const char *path; int code; } cases[] = {
    { garbage, UNKNOT_STORE_ERROR_CORRUPT },
    { too_new, UNKNOT_STORE_ERROR_TOO_NEW },
    { foreign, UNKNOT_STORE_ERROR_INVALID },
    { half, UNKNOT_STORE_ERROR_INVALID },
    { no_steps, UNKNOT_STORE_ERROR_INVALID },
    { missing, UNKNOT_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (noise, (char) g_test_rand_int_range (0, 256));
  write_file (garbage, noise->str, noise->len);
  plain_exec (too_new, "CREATE TABLE sessions (id); PRAGMA user_version = 99;");
  plain_exec (foreign, "CREATE TABLE recipes (name TEXT);");
  plain_exec (half, old_v1_sql);
  plain_exec (half, "PRAGMA user_version = 3;");
  /* Version 4 without the table version 4 added. */
  plain_exec (no_steps, old_v1_sql);
  plain_exec (no_steps, old_v2_sql);
  plain_exec (no_steps, old_v3_sql);
  plain_exec (no_steps, "PRAGMA user_version = 4;");
  files_before = count_files (fixture->folder);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) aside = restore_backup (store, cases[i].path, &error);
      g_autoptr(GPtrArray) entries = NULL;

      g_assert_null (aside);
      g_assert_error (error, UNKNOT_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].path));
      g_test_message ("%s", error->message);

      /* Nothing changed, nothing left behind. */
      entries = list_entries (store, &all);
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_cmpstr (entry_at (entries, 0)->note, ==, "mine");
      g_assert_cmpuint (count_files (fixture->folder), ==, files_before);
    }
}

static void
test_restore_older_backup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *old_backup = fixture_file (fixture, "from-2023.sqlite");
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-01T08:00:00+02:00", 4, 0, NULL, NULL);
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GError) error = NULL;
  UnknotPainQuery all = { 0 };

  plain_exec (old_backup, old_v1_sql);
  plain_exec (old_backup, old_v2_sql);
  plain_exec (old_backup, old_session_sql);
  aside = restore_backup (store, old_backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);

  /* Brought up to date on the way in. */
  assert_newest_schema (fixture->path);
  g_assert_cmpint (count_entries (store, &all), ==, 0);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM sessions WHERE id = 7"), ==, 1);
  assert_logs (store, 7);
  assert_records_steps (store, 7);
}

/* Delete all my data */

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *broken = fixture_file (fixture, "unknot.db.broken-20240101-120000");
  g_autofree char *backup_path = fixture_file (fixture, "keep-me.sqlite");
  g_autofree char *someone_elses = fixture_file (fixture, "notes.txt");
  g_autoptr(UnknotStore) store = open_store_at (fixture->path);
  g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-01T08:00:00+02:00", 4, 0, "private", "secret");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) deleted = NULL;
  UnknotPainQuery all = { 0 };

  assert_records_steps (store, 0);
  write_file (broken, "old", 3);
  write_file (someone_elses, "not ours", 8);
  g_assert_true (backup (store, backup_path, FALSE, &error));
  g_assert_no_error (error);

  deleted = delete_all (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  for (guint i = 0; deleted[i] != NULL; i++)
    g_test_message ("Deleted %s", deleted[i]);
  /* Says what it deleted, and it is gone. */
  g_assert_true (g_strv_contains ((const char * const *) deleted, fixture->path));
  g_assert_true (g_strv_contains ((const char * const *) deleted, broken));
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

    g_assert_true (g_strv_contains ((const char * const *) deleted, wal));
  }
  for (guint i = 0; deleted[i] != NULL; i++)
    g_assert_false (g_file_test (deleted[i], G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
  /* A file the user saved elsewhere, or one that is not ours, stays. */
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (someone_elses, G_FILE_TEST_EXISTS));
  g_assert_false (g_strv_contains ((const char * const *) deleted, backup_path));

  /* Closed: nothing comes back by itself... */
  g_assert_null (add_entry (store, saved, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  /* ...and opening again starts empty. */
  g_assert_true (store_open (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_entries (store, &all), ==, 0);
  unknot_store_flush (store);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM session_steps"), ==, 0);
}

/* Files that cannot be opened */

static void
test_corrupt_is_kept_then_moved_aside (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(UnknotStore) store = store_at (fixture->path);
  g_autoptr(GString) noise = g_string_new ("SQLite format 3");
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) moved = NULL;
  g_autofree char *moved_path = NULL;
  g_autofree char *moved_name = NULL;
  g_autofree char *moved_wal = NULL;
  UnknotPainQuery all = { 0 };

  g_string_append_c (noise, '\0');
  for (guint i = 0; i < 16384; i++)
    g_string_append_c (noise, (char) g_test_rand_int_range (0, 256));
  write_file (fixture->path, noise->str, noise->len);
  write_file (wal, "not a log", 9);
  db_bytes = file_bytes (fixture->path);
  wal_bytes = file_bytes (wal);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_assert_false (store_open (store, &error));
      g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, fixture->path));
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      assert_bytes (fixture->path, db_bytes);
      assert_bytes (wal, wal_bytes);
    }
  /* Nothing is written to it meanwhile. */
  {
    g_autoptr(UnknotPainEntry) entry = entry_new ("2024-06-01T08:00:00+02:00", 3, 0, NULL, NULL);

    g_assert_null (add_entry (store, entry, &error));
    g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
    g_clear_error (&error);
    assert_bytes (fixture->path, db_bytes);
  }

  /* Only when asked: moved, whole, under a name that says what and when. */
  moved = move_aside (store, &error);
  g_assert_no_error (error);
  moved_path = g_file_get_path (moved);
  moved_name = g_file_get_basename (moved);
  g_assert_true (g_regex_match_simple ("^unknot\\.db\\.broken-[0-9]{8}-[0-9]{6}$", moved_name, 0, 0));
  moved_wal = g_strconcat (moved_path, "-wal", NULL);
  assert_bytes (moved_path, db_bytes);
  assert_bytes (moved_wal, wal_bytes);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Then a new history starts, and the broken one is still there. */
  g_assert_true (store_open (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_entries (store, &all), ==, 0);
  assert_bytes (moved_path, db_bytes);
  assert_logs (store, 0);

  /* Open and working: not moved. */
  g_assert_null (move_aside (store, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_too_new_with_log_is_kept (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(UnknotStore) store = store_at (fixture->path);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) moved = NULL;
  g_autofree char *moved_path = NULL;
  g_autofree char *moved_wal = NULL;
  sqlite3 *db = NULL;

  /* A newer Unknot's history, with rows still in its write-ahead log, as a
   * newer app that is running (or crashed) leaves it. */
  plain_exec (fixture->path, "PRAGMA journal_mode=WAL;");
  db = plain_open (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); INSERT INTO future VALUES (1), (2);"
                                     " PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  db_bytes = file_bytes (fixture->path);
  wal_bytes = file_bytes (wal);
  g_assert_cmpuint (g_bytes_get_size (wal_bytes), >, 0);

  g_assert_false (store_open (store, &error));
  g_assert_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);
  assert_bytes (fixture->path, db_bytes);
  assert_bytes (wal, wal_bytes);

  moved = move_aside (store, &error);
  g_assert_no_error (error);
  moved_path = g_file_get_path (moved);
  moved_wal = g_strconcat (moved_path, "-wal", NULL);
  assert_bytes (moved_path, db_bytes);
  assert_bytes (moved_wal, wal_bytes);
  /* Still the newer app's history, rows and all. */
  g_assert_cmpint (plain_int (moved_path, "SELECT count(*) FROM future"), ==, 2);
}

static void
fill_the_disk (gpointer data)
{
  const char *path = data;
  g_autoptr(UnknotStore) store = open_store_at (path);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *long_note = g_strnfill (9000, 'x');
  g_autoptr(GError) error = NULL;
  struct rlimit limit;
  GStatBuf st;

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (entries, entry_new ("2024-06-02T08:00:00+02:00", 5, 0, NULL, long_note));
  unknot_store_flush (store);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);

  /* No file may grow past where it is: as close to a full disk as a test
   * gets without a disk to fill. */
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = limit.rlim_max = (rlim_t) MAX (st.st_size, 65536);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_cmpint (add_entries (store, entries, &error), ==, -1);
  g_assert_nonnull (error);
  g_assert_true (error->code == UNKNOT_STORE_ERROR_NO_SPACE || error->code == UNKNOT_STORE_ERROR_FAILED);
  g_test_message ("Full disk: %s", error->message);
  g_assert_nonnull (strstr (error->message, "space"));
  fflush (stdout);
}

static void
test_full_disk_loses_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  UnknotPainQuery all = { 0 };
  pid_t pid;
  int status = 0;

  {
    g_autoptr(UnknotStore) store = open_store_at (fixture->path);

    for (guint i = 0; i < 10; i++)
      {
        g_autofree char *note = g_strdup_printf ("saved before %u", i);
        g_autoptr(UnknotPainEntry) saved = add_new (store, "2024-06-01T08:00:00+02:00", (int) i, 0, NULL, note);
      }
    before = list_entries (store, &all);
  }

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      fill_the_disk (fixture->path);
      _exit (0);
    }
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  assert_intact (fixture->path);
  {
    g_autoptr(UnknotStore) store = open_store_at (fixture->path);

    after = list_entries (store, &all);
  }
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (unknot_pain_entry_equal (entry_at (after, i), entry_at (before, i)));
}

/* Other programs at the same time */

static char *
self_exe (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return path;
}

static int
writer_main (const char *path,
             guint       n,
             const char *name)
{
  g_autoptr(UnknotStore) store = store_at (path);
  g_autoptr(GError) error = NULL;

  if (!store_open (store, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return 1;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *note = g_strdup_printf ("%s-%u", name, i);
      g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
      g_autoptr(UnknotPainEntry) saved = NULL;

      entry->pain = (int) (i % 11);
      entry->note = g_strdup (note);
      unknot_pain_entry_set_tags (entry, (const char *[]) { name, "shared", NULL });
      saved = add_entry (store, entry, &error);
      if (saved == NULL)
        {
          g_printerr ("%s: %s\n", name, error->message);
          return 1;
        }
    }
  return 0;
}

static void
test_four_processes (Fixture       *fixture,
                     gconstpointer  data)
{
  const guint per_writer = 40;
  g_autofree char *exe = self_exe ();
  g_autoptr(GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(UnknotStore) store = NULL;
  UnknotPainQuery all = { 0 };

  /* The first open migrates; the four race for the rest. */
  for (guint w = 0; w < 4; w++)
    {
      g_autofree char *name = g_strdup_printf ("writer%u", w);
      g_autofree char *count = g_strdup_printf ("%u", per_writer);
      g_autoptr(GError) error = NULL;
      GSubprocess *child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, exe, "--writer",
                                             fixture->path, count, name, NULL);

      g_assert_no_error (error);
      g_ptr_array_add (writers, child);
    }
  for (guint w = 0; w < writers->len; w++)
    {
      g_autoptr(GError) error = NULL;
      GSubprocess *child = g_ptr_array_index (writers, w);

      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (child));
      g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
    }

  assert_intact (fixture->path);
  store = open_store_at (fixture->path);
  g_assert_cmpint (count_entries (store, &all), ==, 4 * per_writer);
  for (guint w = 0; w < 4; w++)
    for (guint i = 0; i < per_writer; i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pain_entries WHERE note = 'writer%u-%u'", w, i);

        g_assert_cmpint (plain_int (fixture->path, sql), ==, 1);
      }
  /* One "shared" tag, used by every entry. */
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM tags WHERE name = 'shared'"), ==, 1);
  g_assert_cmpint (plain_int (fixture->path, "SELECT count(*) FROM pain_entry_tags pt JOIN tags t"
                                             " ON t.id = pt.tag_id WHERE t.name = 'shared'"), ==, 4 * per_writer);
}

/* Saves entries until killed; each id is printed once its entry is saved. */
static int
crash_writer_main (const char *path)
{
  g_autoptr(UnknotStore) store = store_at (path);
  g_autoptr(GError) error = NULL;

  if (!store_open (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0;; i++)
    {
      g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
      g_autoptr(UnknotPainEntry) saved = NULL;

      entry->pain = (int) (i % 11);
      entry->note = g_strdup_printf ("crash writer %u: %s", i, i % 2 ? "a longer note, to vary the sizes" : "");
      unknot_pain_entry_set_tags (entry, (const char *[]) { "desk-work", i % 3 ? "tag a" : "tag b", NULL });
      entry->regions = unknot_pain_region_nth (i % UNKNOT_PAIN_N_REGIONS);
      saved = add_entry (store, entry, &error);
      if (saved == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT "\n", saved->id);
      fflush (stdout);
    }
}

static void
test_killed_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  const guint rounds = 6;
  g_autofree char *exe = self_exe ();
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(UnknotStore) store = NULL;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GString) output = g_string_new (NULL);
      GInputStream *out;
      g_auto(GStrv) lines = NULL;
      char buffer[4096];
      gssize n;
      guint delay_ms = (guint) g_test_rand_int_range (0, 400);
      guint before = reported->len;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "--crash-writer", fixture->path, NULL);
      g_assert_no_error (error);
      out = g_subprocess_get_stdout_pipe (child);

      /* Once it writes, kill it at a random moment. */
      while (strchr (output->str, '\n') == NULL
             && (n = g_input_stream_read (out, buffer, sizeof buffer, NULL, &error)) > 0)
        g_string_append_len (output, buffer, n);
      g_assert_no_error (error);
      g_usleep (delay_ms * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      while ((n = g_input_stream_read (out, buffer, sizeof buffer, NULL, &error)) > 0)
        g_string_append_len (output, buffer, n);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      /* Only whole lines were reported. */
      lines = g_strsplit (output->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (lines[i], NULL, 10);

          g_assert_cmpint (id, >, 0);
          g_array_append_val (reported, id);
        }
      g_test_message ("Round %u: killed after %u ms, %u ids reported", round, delay_ms, reported->len - before);

      /* Every round leaves a sound file. */
      assert_intact (fixture->path);
    }

  g_assert_cmpuint (reported->len, >=, rounds);
  store = open_store_at (fixture->path);
  for (guint i = 0; i < reported->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UnknotPainEntry) entry = get_entry (store, g_array_index (reported, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_nonnull (entry);
      g_assert_true (g_str_has_prefix (entry->note, "crash writer "));
      g_assert_cmpuint (g_strv_length (entry->tags), ==, 2);
    }
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  main_thread = g_thread_self ();

  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return writer_main (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10), argv[4]);
  if (argc == 3 && g_str_equal (argv[1], "--crash-writer"))
    return crash_writer_main (argv[2]);

  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/pain/migrate/from-v0", test_migrate_from_v0);
  ADD_TEST ("/pain/migrate/from-v1", test_migrate_from_v1);
  ADD_TEST ("/pain/migrate/from-v2", test_migrate_from_v2);
  ADD_TEST ("/pain/migrate/from-v3", test_migrate_from_v3);
  ADD_TEST ("/pain/entry/add-and-get", test_add_and_get);
  ADD_TEST ("/pain/entry/invalid-is-not-saved", test_invalid_is_not_saved);
  ADD_TEST ("/pain/entry/update-and-undo", test_update);
  ADD_TEST ("/pain/entry/delete-and-undo", test_delete_and_undo);
  ADD_TEST ("/pain/entry/undo-after-session-gone", test_undo_after_session_gone);
  ADD_TEST ("/pain/list/filters-and-paging", test_list_filters_and_paging);
  ADD_TEST ("/pain/list/user-tags", test_user_tags);
  ADD_TEST ("/pain/stats/before-after", test_before_after_from_store);
  ADD_TEST ("/pain/stats/daily-and-adherence", test_daily_and_adherence_from_store);
  ADD_TEST ("/pain/csv/export-and-import", test_csv_export_and_import);
  ADD_TEST ("/pain/csv/import-all-or-nothing", test_csv_import_is_all_or_nothing);
  ADD_TEST ("/pain/faults/read-only-folder", test_read_only_folder);
  ADD_TEST ("/pain/backup/backup-and-restore", test_backup_and_restore);
  ADD_TEST ("/pain/backup/restore-refuses", test_restore_refuses);
  ADD_TEST ("/pain/backup/restore-older", test_restore_older_backup);
  ADD_TEST ("/pain/delete-all", test_delete_all);
  ADD_TEST ("/pain/faults/corrupt-kept-then-moved-aside", test_corrupt_is_kept_then_moved_aside);
  ADD_TEST ("/pain/faults/too-new-with-log-kept", test_too_new_with_log_is_kept);
  ADD_TEST ("/pain/faults/full-disk-loses-nothing", test_full_disk_loses_nothing);
  ADD_TEST ("/pain/shared/four-processes", test_four_processes);
  ADD_TEST ("/pain/shared/killed-while-writing", test_killed_while_writing);

  return g_test_run ();
}
