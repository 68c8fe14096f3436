/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "unknot-pain-csv.h"
#include "unknot-pain-stats.h"
#include "unknot-store-private.h"

/* The pain log's calls on UnknotStore.  Like the rest of the store, each
 * becomes a job on the worker thread; every write is one BEGIN IMMEDIATE
 * transaction, so it waits its turn behind other programs instead of
 * failing half-way, and is on the disk (synchronous=FULL) when its
 * callback runs. */

/* Every column an UnknotPainEntry needs, for a query over pain_entries e.
 * Tags and regions cannot hold ";" (see unknot_pain_tag_normalize()), so it
 * joins them safely; the inner ORDER BY keeps the tags in the user's order. */
#define ENTRY_COLUMNS \
  "e.id, e.time_utc, e.time_offset, e.pain, e.interference, e.note, e.session_id, e.phase," \
  " (SELECT group_concat(region, ';') FROM pain_entry_regions WHERE entry_id = e.id)," \
  " (SELECT group_concat(name, ';') FROM" \
  "   (SELECT t.name AS name FROM pain_entry_tags pt JOIN tags t ON t.id = pt.tag_id" \
  "    WHERE pt.entry_id = e.id ORDER BY pt.position))"
#define N_ENTRY_COLUMNS 10

/* A GDate's Julian day number for 1970-01-01, the first day of Unix time. */
#define UNIX_EPOCH_JULIAN 719163

/* Offsets of real time zones stay within a day either way; a local day is
 * looked for this far on each side in UTC, then checked exactly. */
#define DAY_SLACK_USEC ((gint64) 86400 * G_USEC_PER_SEC)

/* Binding, stepping, reading */

typedef struct
{
  gboolean    is_text;
  gint64      number;
  const char *text;
} Bind;

static int
bind_all (sqlite3_stmt *stmt,
          GArray       *binds)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < binds->len; i++)
    {
      Bind *bind = &g_array_index (binds, Bind, i);

      rc = bind->is_text
           ? sqlite3_bind_text (stmt, (int) i + 1, bind->text, -1, SQLITE_STATIC)
           : sqlite3_bind_int64 (stmt, (int) i + 1, bind->number);
    }
  return rc;
}

static void
add_number (GArray *binds,
            gint64  number)
{
  Bind bind = { FALSE, number, NULL };

  g_array_append_val (binds, bind);
}

static void
add_text (GArray     *binds,
          const char *text)
{
  Bind bind = { TRUE, 0, text };

  g_array_append_val (binds, bind);
}

/* Steps a statement that returns no rows and makes it ready for reuse. */
static int
run_stmt (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

static char **
split_column (sqlite3_stmt *stmt,
              int           column)
{
  const char *joined = (const char *) sqlite3_column_text (stmt, column);

  if (joined == NULL || *joined == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (joined, ";", -1);
}

static UnknotPainEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_auto(GStrv) region_ids = NULL;
  const char *phase = (const char *) sqlite3_column_text (stmt, 7);

  entry->id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&entry->time, g_date_time_unref);
  entry->time = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 1),
                                                   sqlite3_column_int64 (stmt, 2));
  entry->pain = sqlite3_column_int (stmt, 3);
  entry->interference = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  entry->note = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  entry->session_id = sqlite3_column_int64 (stmt, 6);
  if (entry->session_id == 0 || !unknot_pain_phase_from_string (phase, &entry->phase))
    entry->phase = UNKNOT_PAIN_PHASE_NONE;
  if (entry->phase == UNKNOT_PAIN_PHASE_NONE)
    entry->session_id = 0;

  region_ids = split_column (stmt, 8);
  unknot_pain_regions_from_ids ((const char * const *) region_ids, &entry->regions, NULL);
  g_strfreev (entry->tags);
  entry->tags = split_column (stmt, 9);

  if (entry->time == NULL)
    return NULL;
  return g_steal_pointer (&entry);
}

static gboolean
read_entries (UnknotStore   *self,
              sqlite3_stmt  *stmt,
              GPtrArray     *entries,
              const char    *doing,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnknotPainEntry *entry = entry_from_row (stmt);

      if (entry == NULL)
        {
          g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                       /* Translators: the first %s is what failed, e.g. "Could not read the pain log";
                        * %lld is an entry's number, the second %s the path of the history file */
                       _("%s: entry %lld in %s has a time this version of Unknot cannot read."),
                       _(doing), (long long) sqlite3_column_int64 (stmt, 0), self->path);
          return FALSE;
        }
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare (UnknotStore    *self,
         const char     *sql,
         sqlite3_stmt  **stmt,
         const char     *doing,
         GError        **error)
{
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    {
      unknot_store_set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* Entries in, checked */

/* A private copy with tags normalized and repeats dropped, or NULL with
 * UNKNOT_STORE_ERROR_INVALID. */
static UnknotPainEntry *
prepare_entry (const UnknotPainEntry  *entry,
               GError                **error)
{
  g_autoptr(UnknotPainEntry) copy = unknot_pain_entry_copy (entry);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; copy->tags[i] != NULL; i++)
    {
      char *tag = unknot_pain_tag_normalize (copy->tags[i], error);

      if (tag == NULL)
        return NULL;
      if (g_hash_table_add (seen, tag))
        g_strv_builder_add (tags, tag);
    }
  g_strfreev (copy->tags);
  copy->tags = g_strv_builder_end (tags);
  if (copy->note != NULL && *copy->note == '\0')
    g_clear_pointer (&copy->note, g_free);

  if (!unknot_pain_entry_validate (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* The statements that write one entry, prepared once per job, so an import
 * of many rows does not parse the same SQL for every one. */
typedef struct
{
  UnknotStore  *store;
  sqlite3_stmt *entry;
  sqlite3_stmt *region;
  sqlite3_stmt *tag_add;
  sqlite3_stmt *tag_id;
  sqlite3_stmt *tag_link;
  sqlite3_stmt *session;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->entry, sqlite3_finalize);
  g_clear_pointer (&writer->region, sqlite3_finalize);
  g_clear_pointer (&writer->tag_add, sqlite3_finalize);
  g_clear_pointer (&writer->tag_id, sqlite3_finalize);
  g_clear_pointer (&writer->tag_link, sqlite3_finalize);
  g_clear_pointer (&writer->session, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static gboolean
writer_init (Writer       *writer,
             UnknotStore  *self,
             const char   *doing,
             GError      **error)
{
  writer->store = self;
  return prepare (self,
                  "INSERT INTO pain_entries (id, time_utc, time_offset, pain, interference, note,"
                  " session_id, phase) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  &writer->entry, doing, error)
         && prepare (self, "INSERT INTO pain_entry_regions (entry_id, region) VALUES (?, ?)",
                     &writer->region, doing, error)
         && prepare (self, "INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                     &writer->tag_add, doing, error)
         && prepare (self, "SELECT id FROM tags WHERE name = ?", &writer->tag_id, doing, error)
         && prepare (self, "INSERT INTO pain_entry_tags (entry_id, tag_id, position) VALUES (?, ?, ?)",
                     &writer->tag_link, doing, error)
         && prepare (self, "SELECT 1 FROM sessions WHERE id = ?", &writer->session, doing, error);
}

static gboolean
writer_session_exists (Writer       *writer,
                       gint64        session_id,
                       gboolean     *exists,
                       const char   *doing,
                       GError      **error)
{
  int rc = sqlite3_bind_int64 (writer->session, 1, session_id);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (writer->session);
  sqlite3_reset (writer->session);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (writer->store, error, rc, doing);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Regions and tags of entry @id, which has none yet. */
static gboolean
writer_add_details (Writer                 *writer,
                    gint64                  id,
                    const UnknotPainEntry  *entry,
                    const char             *doing,
                    GError                **error)
{
  int rc = SQLITE_DONE;

  for (guint i = 0; rc == SQLITE_DONE && i < UNKNOT_PAIN_N_REGIONS; i++)
    {
      UnknotPainRegion region = unknot_pain_region_nth (i);

      if ((entry->regions & region) == 0)
        continue;
      rc = sqlite3_bind_int64 (writer->region, 1, id);
      if (rc == SQLITE_OK)
        rc = sqlite3_bind_text (writer->region, 2, unknot_pain_region_to_id (region), -1, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = run_stmt (writer->region);
    }

  for (guint i = 0; rc == SQLITE_DONE && entry->tags[i] != NULL; i++)
    {
      gint64 tag_id = 0;

      rc = sqlite3_bind_text (writer->tag_add, 1, entry->tags[i], -1, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = run_stmt (writer->tag_add);
      if (rc == SQLITE_DONE)
        rc = sqlite3_bind_text (writer->tag_id, 1, entry->tags[i], -1, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (writer->tag_id);
      if (rc == SQLITE_ROW)
        tag_id = sqlite3_column_int64 (writer->tag_id, 0);
      sqlite3_reset (writer->tag_id);
      if (rc != SQLITE_ROW)
        break;

      rc = sqlite3_bind_int64 (writer->tag_link, 1, id);
      if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64 (writer->tag_link, 2, tag_id);
      if (rc == SQLITE_OK)
        rc = sqlite3_bind_int (writer->tag_link, 3, (int) i);
      if (rc == SQLITE_OK)
        rc = run_stmt (writer->tag_link);
    }

  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (writer->store, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

static int
bind_entry_values (sqlite3_stmt          *stmt,
                   int                    first,
                   const UnknotPainEntry *entry)
{
  Stamp stamp = unknot_store_stamp_from_date_time (entry->time);
  int rc;

  rc = sqlite3_bind_int64 (stmt, first, stamp.utc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, first + 1, stamp.offset);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, first + 2, entry->pain);
  if (rc == SQLITE_OK)
    rc = entry->interference >= 0
         ? sqlite3_bind_int (stmt, first + 3, entry->interference)
         : sqlite3_bind_null (stmt, first + 3);
  if (rc == SQLITE_OK)
    rc = entry->note != NULL
         ? sqlite3_bind_text (stmt, first + 4, entry->note, -1, SQLITE_STATIC)
         : sqlite3_bind_null (stmt, first + 4);
  if (rc == SQLITE_OK)
    rc = entry->session_id > 0
         ? sqlite3_bind_int64 (stmt, first + 5, entry->session_id)
         : sqlite3_bind_null (stmt, first + 5);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, first + 6, unknot_pain_phase_to_string (entry->phase), -1, SQLITE_STATIC);
  return rc;
}

/* Inserts a prepared entry (under its own id when @keep_id) inside the
 * caller's transaction; returns the id, 0 on error. */
static gint64
writer_insert (Writer                 *writer,
               const UnknotPainEntry  *entry,
               gboolean                keep_id,
               const char             *doing,
               GError                **error)
{
  gint64 id;
  int rc;

  rc = keep_id ? sqlite3_bind_int64 (writer->entry, 1, entry->id) : sqlite3_bind_null (writer->entry, 1);
  if (rc == SQLITE_OK)
    rc = bind_entry_values (writer->entry, 2, entry);
  if (rc == SQLITE_OK)
    rc = run_stmt (writer->entry);
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (writer->store, error, rc, doing);
      return 0;
    }
  id = sqlite3_last_insert_rowid (writer->store->db);
  if (!writer_add_details (writer, id, entry, doing, error))
    return 0;
  return id;
}

/* A free-text tag no entry uses any more goes, so a deleted entry's words
 * do not linger in the file. */
static gboolean
forget_unused_tags (UnknotStore  *self,
                    const char   *doing,
                    GError      **error)
{
  return unknot_store_exec_sql (self,
                                "DELETE FROM tags WHERE NOT EXISTS"
                                " (SELECT 1 FROM pain_entry_tags WHERE tag_id = tags.id)",
                                doing, error);
}

static gboolean
check_session (Writer                 *writer,
               const UnknotPainEntry  *entry,
               const char             *doing,
               GError                **error)
{
  gboolean exists = FALSE;

  if (entry->session_id == 0)
    return TRUE;
  if (!writer_session_exists (writer, entry->session_id, &exists, doing, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is what failed, e.g. "Could not save the pain entry";
                    * %lld is a session's number */
                   _("%s: session %lld is not in the history."), _(doing), (long long) entry->session_id);
      return FALSE;
    }
  return TRUE;
}

/* Reads one entry inside the current transaction; NULL with NOT_FOUND. */
static UnknotPainEntry *
fetch_entry (UnknotStore  *self,
             gint64        id,
             const char   *doing,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  int rc;

  if (!prepare (self, "SELECT " ENTRY_COLUMNS " FROM pain_entries e WHERE e.id = ?", &stmt, doing, error))
    return NULL;
  rc = sqlite3_bind_int64 (stmt, 1, id);
  if (rc != SQLITE_OK)
    {
      unknot_store_set_sqlite_error (self, error, rc, doing);
      return NULL;
    }
  if (!read_entries (self, stmt, entries, doing, error))
    return NULL;
  if (entries->len == 0)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is what failed, e.g. "Could not delete the pain entry";
                    * %lld is an entry's number */
                   _("%s: there is no entry %lld in the pain log; it may have been deleted meanwhile."),
                   _(doing), (long long) id);
      return NULL;
    }
  return unknot_pain_entry_ref (g_ptr_array_index (entries, 0));
}

/* Single entries, on the worker */

#define DOING_ADD N_("Could not save the pain entry")

static void
add_entry_job (UnknotStore *self,
               Job         *job)
{
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_auto(Writer) writer = { 0 };
  gint64 id;

  if (!unknot_store_require_open (self, &job->error))
    return;
  entry = prepare_entry (job->args, &job->error);
  if (entry == NULL
      || !writer_init (&writer, self, DOING_ADD, &job->error)
      || !unknot_store_begin_write (self, DOING_ADD, &job->error))
    return;

  if (!check_session (&writer, entry, DOING_ADD, &job->error)
      || (id = writer_insert (&writer, entry, FALSE, DOING_ADD, &job->error)) == 0
      || !unknot_store_commit (self, DOING_ADD, &job->error))
    {
      unknot_store_rollback (self);
      return;
    }
  entry->id = id;
  job->pointer = g_steal_pointer (&entry);
  job->pointer_free = (GDestroyNotify) unknot_pain_entry_unref;
}

#define DOING_UPDATE N_("Could not save the change to the pain entry")

static void
update_entry_job (UnknotStore *self,
                  Job         *job)
{
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) clear_regions = NULL;
  g_autoptr(sqlite3_stmt) clear_tags = NULL;
  g_auto(Writer) writer = { 0 };
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;
  entry = prepare_entry (job->args, &job->error);
  if (entry == NULL
      || !writer_init (&writer, self, DOING_UPDATE, &job->error)
      || !prepare (self,
                   "UPDATE pain_entries SET time_utc = ?, time_offset = ?, pain = ?, interference = ?,"
                   " note = ?, session_id = ?, phase = ? WHERE id = ?",
                   &update, DOING_UPDATE, &job->error)
      || !prepare (self, "DELETE FROM pain_entry_regions WHERE entry_id = ?", &clear_regions,
                   DOING_UPDATE, &job->error)
      || !prepare (self, "DELETE FROM pain_entry_tags WHERE entry_id = ?", &clear_tags,
                   DOING_UPDATE, &job->error)
      || !unknot_store_begin_write (self, DOING_UPDATE, &job->error))
    return;

  if (!check_session (&writer, entry, DOING_UPDATE, &job->error))
    goto rollback;

  rc = bind_entry_values (update, 1, entry);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (update, 8, entry->id);
  if (rc == SQLITE_OK)
    rc = run_stmt (update);
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_UPDATE);
      goto rollback;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND,
                   _("%s: there is no entry %lld in the pain log; it may have been deleted meanwhile."),
                   _(DOING_UPDATE), (long long) entry->id);
      goto rollback;
    }

  rc = sqlite3_bind_int64 (clear_regions, 1, entry->id);
  if (rc == SQLITE_OK)
    rc = run_stmt (clear_regions);
  if (rc == SQLITE_DONE)
    rc = sqlite3_bind_int64 (clear_tags, 1, entry->id);
  if (rc == SQLITE_OK)
    rc = run_stmt (clear_tags);
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_UPDATE);
      goto rollback;
    }
  if (!writer_add_details (&writer, entry->id, entry, DOING_UPDATE, &job->error)
      || !forget_unused_tags (self, DOING_UPDATE, &job->error)
      || !unknot_store_commit (self, DOING_UPDATE, &job->error))
    goto rollback;
  return;

rollback:
  unknot_store_rollback (self);
}

#define DOING_DELETE N_("Could not delete the pain entry")

static void
delete_entry_job (UnknotStore *self,
                  Job         *job)
{
  gint64 id = *(gint64 *) job->args;
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!unknot_store_require_open (self, &job->error)
      || !prepare (self, "DELETE FROM pain_entries WHERE id = ?", &stmt, DOING_DELETE, &job->error)
      || !unknot_store_begin_write (self, DOING_DELETE, &job->error))
    return;

  /* Read under the write lock: what comes back for undo is exactly what
   * was deleted. */
  entry = fetch_entry (self, id, DOING_DELETE, &job->error);
  if (entry == NULL)
    goto rollback;
  rc = sqlite3_bind_int64 (stmt, 1, id);
  if (rc == SQLITE_OK)
    rc = run_stmt (stmt);
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_DELETE);
      goto rollback;
    }
  if (!forget_unused_tags (self, DOING_DELETE, &job->error)
      || !unknot_store_commit (self, DOING_DELETE, &job->error))
    goto rollback;

  job->pointer = g_steal_pointer (&entry);
  job->pointer_free = (GDestroyNotify) unknot_pain_entry_unref;
  return;

rollback:
  unknot_store_rollback (self);
}

#define DOING_RESTORE N_("Could not bring the pain entry back")

static void
restore_entry_job (UnknotStore *self,
                   Job         *job)
{
  const UnknotPainEntry *given = job->args;
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_auto(Writer) writer = { 0 };
  gboolean session_exists = FALSE;
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;
  if (given->id <= 0)
    {
      /* Translators: %s is "Could not bring the pain entry back" */
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("%s: it was never saved."), _(DOING_RESTORE));
      return;
    }
  entry = prepare_entry (given, &job->error);
  if (entry == NULL
      || !writer_init (&writer, self, DOING_RESTORE, &job->error)
      || !prepare (self, "SELECT 1 FROM pain_entries WHERE id = ?", &exists, DOING_RESTORE, &job->error)
      || !unknot_store_begin_write (self, DOING_RESTORE, &job->error))
    return;

  rc = sqlite3_bind_int64 (exists, 1, entry->id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (exists);
  if (rc == SQLITE_ROW)
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_EXISTS,
                   /* Translators: %s is "Could not bring the pain entry back", %lld an entry's number */
                   _("%s: entry %lld is already in the pain log."), _(DOING_RESTORE), (long long) entry->id);
      goto rollback;
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_RESTORE);
      goto rollback;
    }

  /* The session may have gone with a restored backup; the rating stays. */
  if (entry->session_id != 0)
    {
      if (!writer_session_exists (&writer, entry->session_id, &session_exists, DOING_RESTORE, &job->error))
        goto rollback;
      if (!session_exists)
        {
          entry->session_id = 0;
          entry->phase = UNKNOT_PAIN_PHASE_NONE;
        }
    }

  if (writer_insert (&writer, entry, TRUE, DOING_RESTORE, &job->error) == 0
      || !unknot_store_commit (self, DOING_RESTORE, &job->error))
    goto rollback;
  return;

rollback:
  unknot_store_rollback (self);
}

static void
get_entry_job (UnknotStore *self,
               Job         *job)
{
  if (!unknot_store_require_open (self, &job->error))
    return;
  job->pointer = fetch_entry (self, *(gint64 *) job->args, N_("Could not read the pain entry"), &job->error);
  job->pointer_free = (GDestroyNotify) unknot_pain_entry_unref;
}

typedef struct
{
  gint64          entry_id;
  gint64          session_id;
  UnknotPainPhase phase;
} LinkArgs;

#define DOING_LINK N_("Could not tie the pain entry to the session")

static void
link_entry_job (UnknotStore *self,
                Job         *job)
{
  LinkArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(Writer) writer = { 0 };
  gboolean exists = TRUE;
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;
  if ((args->session_id == 0) != (args->phase == UNKNOT_PAIN_PHASE_NONE) || args->session_id < 0)
    {
      /* Translators: %s is "Could not tie the pain entry to the session" */
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("%s: an entry is before or after a session only when it names that session."),
                   _(DOING_LINK));
      return;
    }
  if (!writer_init (&writer, self, DOING_LINK, &job->error)
      || !prepare (self, "UPDATE pain_entries SET session_id = ?, phase = ? WHERE id = ?",
                   &stmt, DOING_LINK, &job->error)
      || !unknot_store_begin_write (self, DOING_LINK, &job->error))
    return;

  if (args->session_id != 0
      && !writer_session_exists (&writer, args->session_id, &exists, DOING_LINK, &job->error))
    goto rollback;
  if (!exists)
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND,
                   _("%s: session %lld is not in the history."), _(DOING_LINK), (long long) args->session_id);
      goto rollback;
    }

  rc = args->session_id != 0 ? sqlite3_bind_int64 (stmt, 1, args->session_id) : sqlite3_bind_null (stmt, 1);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 2, unknot_pain_phase_to_string (args->phase), -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 3, args->entry_id);
  if (rc == SQLITE_OK)
    rc = run_stmt (stmt);
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_LINK);
      goto rollback;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (&job->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is "Could not tie the pain entry to the session", %lld an entry's number */
                   _("%s: there is no entry %lld in the pain log."), _(DOING_LINK), (long long) args->entry_id);
      goto rollback;
    }
  if (!unknot_store_commit (self, DOING_LINK, &job->error))
    goto rollback;
  return;

rollback:
  unknot_store_rollback (self);
}

/* Many entries in one transaction */

static gboolean
insert_many (UnknotStore  *self,
             GPtrArray    *entries,
             gint64        skip_duplicates_up_to,
             guint        *n_added,
             guint        *n_skipped,
             const char   *doing,
             GError      **error)
{
  g_auto(Writer) writer = { 0 };
  g_autoptr(sqlite3_stmt) duplicate = NULL;

  *n_added = *n_skipped = 0;
  if (!writer_init (&writer, self, doing, error)
      || !prepare (self, "SELECT 1 FROM pain_entries WHERE time_utc = ? AND pain = ? AND id <= ? LIMIT 1",
                   &duplicate, doing, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(UnknotPainEntry) entry = prepare_entry (g_ptr_array_index (entries, i), &local_error);

      if (entry == NULL)
        {
          g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                       /* Translators: the first %s is what failed, e.g. "Could not save the pain entries";
                        * "entry 3 of 10"; the last %s is why, a full sentence */
                       _("%s: entry %u of %u: %s Nothing was saved."), _(doing), i + 1, entries->len,
                       local_error->message);
          return FALSE;
        }
      if (skip_duplicates_up_to > 0)
        {
          Stamp stamp = unknot_store_stamp_from_date_time (entry->time);
          int rc = sqlite3_bind_int64 (duplicate, 1, stamp.utc);

          if (rc == SQLITE_OK)
            rc = sqlite3_bind_int (duplicate, 2, entry->pain);
          if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64 (duplicate, 3, skip_duplicates_up_to);
          if (rc == SQLITE_OK)
            rc = sqlite3_step (duplicate);
          sqlite3_reset (duplicate);
          if (rc == SQLITE_ROW)
            {
              (*n_skipped)++;
              continue;
            }
          if (rc != SQLITE_DONE)
            {
              unknot_store_set_sqlite_error (self, error, rc, doing);
              return FALSE;
            }
        }
      if (!check_session (&writer, entry, doing, error)
          || writer_insert (&writer, entry, FALSE, doing, error) == 0)
        return FALSE;
      (*n_added)++;
    }
  return TRUE;
}

#define DOING_ADD_MANY N_("Could not save the pain entries")

static void
add_entries_job (UnknotStore *self,
                 Job         *job)
{
  guint n_added = 0, n_skipped = 0;

  if (!unknot_store_require_open (self, &job->error)
      || !unknot_store_begin_write (self, DOING_ADD_MANY, &job->error))
    return;
  if (!insert_many (self, job->args, 0, &n_added, &n_skipped, DOING_ADD_MANY, &job->error)
      || !unknot_store_commit (self, DOING_ADD_MANY, &job->error))
    {
      unknot_store_rollback (self);
      return;
    }
  job->id = n_added;
}

/* Listing */

typedef struct
{
  gboolean  has_from;
  gint64    from;
  gboolean  has_until;
  gint64    until;
  guint     regions;
  GStrv     tags;
  gint64    session_id;
  guint     limit;
  gboolean  has_after;
  gint64    after_utc;
  gint64    after_id;
} QueryArgs;

static void
query_args_free (QueryArgs *args)
{
  g_strfreev (args->tags);
  g_free (args);
}

static QueryArgs *
query_args_new (const UnknotPainQuery *query)
{
  QueryArgs *args = g_new0 (QueryArgs, 1);

  if (query == NULL)
    return args;
  if (query->from != NULL)
    {
      args->has_from = TRUE;
      args->from = unknot_store_stamp_from_date_time (query->from).utc;
    }
  if (query->until != NULL)
    {
      args->has_until = TRUE;
      args->until = unknot_store_stamp_from_date_time (query->until).utc;
    }
  args->regions = query->regions;
  args->tags = query->tags != NULL ? g_strdupv ((char **) query->tags) : NULL;
  args->session_id = query->session_id;
  args->limit = query->limit;
  if (query->after != NULL && query->after->time != NULL)
    {
      args->has_after = TRUE;
      args->after_utc = unknot_store_stamp_from_date_time (query->after->time).utc;
      args->after_id = query->after->id;
    }
  return args;
}

/* " WHERE …" for @args over pain_entries e, with its bound values. */
static void
append_conditions (GString         *sql,
                   GArray          *binds,
                   const QueryArgs *args,
                   gboolean         paging)
{
  const char *joiner = " WHERE ";

  if (args->has_from)
    {
      g_string_append_printf (sql, "%se.time_utc >= ?", joiner);
      add_number (binds, args->from);
      joiner = " AND ";
    }
  if (args->has_until)
    {
      g_string_append_printf (sql, "%se.time_utc < ?", joiner);
      add_number (binds, args->until);
      joiner = " AND ";
    }
  if (args->session_id != 0)
    {
      g_string_append_printf (sql, "%se.session_id = ?", joiner);
      add_number (binds, args->session_id);
      joiner = " AND ";
    }
  if ((args->regions & UNKNOT_PAIN_REGIONS_ALL) != 0)
    {
      const char *comma = "";

      g_string_append_printf (sql, "%se.id IN (SELECT entry_id FROM pain_entry_regions WHERE region IN (", joiner);
      for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
        if (args->regions & unknot_pain_region_nth (i))
          {
            g_string_append_printf (sql, "%s?", comma);
            add_text (binds, unknot_pain_region_to_id (unknot_pain_region_nth (i)));
            comma = ", ";
          }
      g_string_append (sql, "))");
      joiner = " AND ";
    }
  if (args->tags != NULL && args->tags[0] != NULL)
    {
      const char *comma = "";

      g_string_append_printf (sql, "%se.id IN (SELECT pt.entry_id FROM pain_entry_tags pt"
                              " JOIN tags t ON t.id = pt.tag_id WHERE t.name IN (", joiner);
      for (guint i = 0; args->tags[i] != NULL; i++)
        {
          g_string_append_printf (sql, "%s?", comma);
          add_text (binds, args->tags[i]);
          comma = ", ";
        }
      g_string_append (sql, "))");
      joiner = " AND ";
    }
  if (paging && args->has_after)
    {
      g_string_append_printf (sql, "%s(e.time_utc, e.id) < (?, ?)", joiner);
      add_number (binds, args->after_utc);
      add_number (binds, args->after_id);
    }
}

#define DOING_LIST N_("Could not read the pain log")

static void
list_entries_job (UnknotStore *self,
                  Job         *job)
{
  QueryArgs *args = job->args;
  g_autoptr(GString) sql = g_string_new ("SELECT " ENTRY_COLUMNS " FROM pain_entries e");
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;
  append_conditions (sql, binds, args, TRUE);
  g_string_append (sql, " ORDER BY e.time_utc DESC, e.id DESC LIMIT ?");
  add_number (binds, args->limit > 0 ? (gint64) args->limit : -1);

  if (!prepare (self, sql->str, &stmt, DOING_LIST, &job->error))
    return;
  rc = bind_all (stmt, binds);
  if (rc != SQLITE_OK)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_LIST);
      return;
    }
  if (!read_entries (self, stmt, entries, DOING_LIST, &job->error))
    return;
  job->pointer = g_steal_pointer (&entries);
  job->pointer_free = (GDestroyNotify) g_ptr_array_unref;
}

static void
count_entries_job (UnknotStore *self,
                   Job         *job)
{
  QueryArgs *args = job->args;
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM pain_entries e");
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;
  append_conditions (sql, binds, args, FALSE);
  if (!prepare (self, sql->str, &stmt, DOING_LIST, &job->error))
    return;
  rc = bind_all (stmt, binds);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_LIST);
      return;
    }
  job->id = sqlite3_column_int64 (stmt, 0);
}

static void
list_tags_job (UnknotStore *self,
               Job         *job)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  int rc;

  if (!unknot_store_require_open (self, &job->error)
      || !prepare (self,
                   "SELECT t.name FROM tags t JOIN pain_entry_tags pt ON pt.tag_id = t.id"
                   " GROUP BY t.id ORDER BY count(*) DESC, t.name",
                   &stmt, N_("Could not read your tags"), &job->error))
    return;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (name != NULL && !unknot_pain_tag_is_builtin (name))
        g_strv_builder_add (tags, name);
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, N_("Could not read your tags"));
      return;
    }
  job->pointer = g_strv_builder_end (tags);
  job->pointer_free = (GDestroyNotify) g_strfreev;
}

/* Statistics */

typedef struct
{
  GDate     first;
  GDate     last;
  guint     regions;
  gboolean  has_from;
  gint64    from;
  gboolean  has_until;
  gint64    until;
} RangeArgs;

/* The UTC span, with slack, that holds every moment of local days
 * [@first, @last]. */
static void
utc_span_of_days (const GDate *first,
                  const GDate *last,
                  gint64      *from,
                  gint64      *until)
{
  gint64 first_day = (gint64) g_date_get_julian (first) - UNIX_EPOCH_JULIAN;
  gint64 last_day = (gint64) g_date_get_julian (last) - UNIX_EPOCH_JULIAN;

  *from = first_day * 86400 * G_USEC_PER_SEC - DAY_SLACK_USEC;
  *until = (last_day + 1) * 86400 * G_USEC_PER_SEC + DAY_SLACK_USEC;
}

#define DOING_STATS N_("Could not work out the pain trend")

static void
daily_job (UnknotStore *self,
           Job         *job)
{
  RangeArgs *args = job->args;
  g_autoptr(GString) sql = g_string_new ("SELECT e.time_utc, e.time_offset, e.pain FROM pain_entries e");
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (UnknotPainPoint));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  QueryArgs conditions = { 0 };
  GDate window_start = args->first;
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;

  /* The 7-day averages of the first days reach back six more. */
  g_date_subtract_days (&window_start, UNKNOT_PAIN_AVERAGE_DAYS - 1);
  conditions.has_from = conditions.has_until = TRUE;
  utc_span_of_days (&window_start, &args->last, &conditions.from, &conditions.until);
  conditions.regions = args->regions;
  append_conditions (sql, binds, &conditions, FALSE);

  if (!prepare (self, sql->str, &stmt, DOING_STATS, &job->error))
    return;
  rc = bind_all (stmt, binds);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnknotPainPoint point;

      point.utc_usec = sqlite3_column_int64 (stmt, 0);
      point.offset_seconds = (gint32) CLAMP (sqlite3_column_int64 (stmt, 1), -86400, 86400);
      point.pain = sqlite3_column_int (stmt, 2);
      g_array_append_val (points, point);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_STATS);
      return;
    }
  job->pointer = unknot_pain_stats_daily ((const UnknotPainPoint *) (gpointer) points->data, points->len,
                                          &args->first, &args->last);
  job->pointer_free = (GDestroyNotify) g_array_unref;
}

static void
before_after_job (UnknotStore *self,
                  Job         *job)
{
  RangeArgs *args = job->args;
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_pair_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!unknot_store_require_open (self, &job->error))
    return;

  /* The last "before" and the last "after" of each session, through the
   * partial index on session_id. */
  if (!prepare (self,
                "SELECT s.id, s.routine_id, s.routine_title, s.started_utc, s.started_offset, b.pain, a.pain"
                " FROM sessions s"
                " JOIN pain_entries b ON b.id = (SELECT id FROM pain_entries WHERE session_id = s.id"
                "   AND phase = 'before' ORDER BY time_utc DESC, id DESC LIMIT 1)"
                " JOIN pain_entries a ON a.id = (SELECT id FROM pain_entries WHERE session_id = s.id"
                "   AND phase = 'after' ORDER BY time_utc DESC, id DESC LIMIT 1)"
                " WHERE s.started_utc >= ? AND s.started_utc < ?"
                " ORDER BY s.started_utc, s.id",
                &stmt, N_("Could not compare before and after"), &job->error))
    return;
  rc = sqlite3_bind_int64 (stmt, 1, args->has_from ? args->from : G_MININT64);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 2, args->has_until ? args->until : G_MAXINT64);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) started = unknot_store_date_time_from_stamp (sqlite3_column_int64 (stmt, 3),
                                                                        sqlite3_column_int64 (stmt, 4));

      if (started != NULL)
        g_ptr_array_add (pairs, unknot_pain_pair_new (sqlite3_column_int64 (stmt, 0),
                                                      (const char *) sqlite3_column_text (stmt, 1),
                                                      (const char *) sqlite3_column_text (stmt, 2),
                                                      started,
                                                      sqlite3_column_int (stmt, 5),
                                                      sqlite3_column_int (stmt, 6)));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, N_("Could not compare before and after"));
      return;
    }
  job->pointer = unknot_pain_stats_before_after (pairs);
  job->pointer_free = (GDestroyNotify) g_ptr_array_unref;
}

static void
adherence_job (UnknotStore *self,
               Job         *job)
{
  RangeArgs *args = job->args;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_session_record_free);
  g_autoptr(GPtrArray) events =
    g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_reminder_event_record_free);
  g_autoptr(sqlite3_stmt) session_stmt = NULL;
  g_autoptr(sqlite3_stmt) event_stmt = NULL;
  gint64 from, until;
  int rc;

  if (!unknot_store_require_open (self, &job->error)
      || !prepare (self,
                   "SELECT started_utc, started_offset, outcome FROM sessions"
                   " WHERE started_utc >= ? AND started_utc < ?",
                   &session_stmt, N_("Could not read the sessions"), &job->error)
      || !prepare (self,
                   "SELECT occurred_utc, occurred_offset, kind FROM reminder_events"
                   " WHERE occurred_utc >= ? AND occurred_utc < ?",
                   &event_stmt, N_("Could not read the reminders"), &job->error))
    return;
  utc_span_of_days (&args->first, &args->last, &from, &until);

  rc = sqlite3_bind_int64 (session_stmt, 1, from);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (session_stmt, 2, until);
  while (rc == SQLITE_OK && (rc = sqlite3_step (session_stmt)) == SQLITE_ROW)
    {
      UnknotSessionRecord *record = g_new0 (UnknotSessionRecord, 1);
      const char *outcome = (const char *) sqlite3_column_text (session_stmt, 2);

      record->started_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (session_stmt, 0),
                                                              sqlite3_column_int64 (session_stmt, 1));
      record->outcome = g_strcmp0 (outcome, "completed") == 0
                        ? UNKNOT_SESSION_OUTCOME_COMPLETED : UNKNOT_SESSION_OUTCOME_STOPPED;
      g_ptr_array_add (sessions, record);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, N_("Could not read the sessions"));
      return;
    }

  rc = sqlite3_bind_int64 (event_stmt, 1, from);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (event_stmt, 2, until);
  while (rc == SQLITE_OK && (rc = sqlite3_step (event_stmt)) == SQLITE_ROW)
    {
      UnknotReminderEventRecord *record = g_new0 (UnknotReminderEventRecord, 1);

      record->occurred_at = unknot_store_date_time_from_stamp (sqlite3_column_int64 (event_stmt, 0),
                                                               sqlite3_column_int64 (event_stmt, 1));
      record->kind = g_strdup ((const char *) sqlite3_column_text (event_stmt, 2));
      g_ptr_array_add (events, record);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, N_("Could not read the reminders"));
      return;
    }

  job->pointer = unknot_pain_stats_adherence (sessions, events, &args->first, &args->last);
  job->pointer_free = (GDestroyNotify) g_array_unref;
}

/* CSV */

#define DOING_EXPORT N_("Could not export the pain log")

typedef struct
{
  char     *path;
  gboolean  overwrite;
} ExportArgs;

static void
export_args_free (ExportArgs *args)
{
  g_free (args->path);
  g_free (args);
}

static void
export_csv_job (UnknotStore *self,
                Job         *job)
{
  ExportArgs *args = job->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  gint64 n = 0;
  int rc;

  if (!unknot_store_require_open (self, &job->error)
      || !prepare (self,
                   "SELECT " ENTRY_COLUMNS ", s.routine_id FROM pain_entries e"
                   " LEFT JOIN sessions s ON s.id = e.session_id ORDER BY e.time_utc, e.id",
                   &stmt, DOING_EXPORT, &job->error))
    return;

  /* A nearly full disk must not cost a half-written file: the text is made
   * first, then written beside the name and renamed into place. */
  unknot_pain_csv_append_header (csv);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UnknotPainEntry) entry = entry_from_row (stmt);

      if (entry == NULL)
        continue;
      unknot_pain_csv_append_entry (csv, entry, (const char *) sqlite3_column_text (stmt, N_ENTRY_COLUMNS));
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      unknot_store_set_sqlite_error (self, &job->error, rc, DOING_EXPORT);
      return;
    }
  if (!unknot_store_write_file_atomically (args->path, csv->str, csv->len, args->overwrite, &job->error))
    return;
  job->id = n;
}

typedef struct
{
  guint   n_imported;
  guint   n_skipped;
  GStrv   problems;
  GError *error;
} ImportResult;

static void
import_result_free (ImportResult *result)
{
  g_strfreev (result->problems);
  g_clear_error (&result->error);
  g_free (result);
}

#define DOING_IMPORT N_("Could not import the pain log")

static void
import_csv_job (UnknotStore *self,
                Job         *job)
{
  const char *path = job->args;
  ImportResult *result = g_new0 (ImportResult, 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gint64 last_id = 0;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  job->pointer = result;
  job->pointer_free = (GDestroyNotify) import_result_free;
  if (!unknot_store_require_open (self, &job->error))
    return;

  if (!g_file_get_contents (path, &text, &length, &error))
    {
      g_set_error (&result->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                   /* Translators: %s is "Could not import the pain log", then the reason */
                   _("%s: %s."), _(DOING_IMPORT), error->message);
      return;
    }
  entries = unknot_pain_csv_parse (text, length, NULL, &problems);
  if (entries == NULL)
    {
      g_ptr_array_add (problems, NULL);
      result->problems = (GStrv) g_ptr_array_steal (problems, NULL);
      g_set_error (&result->error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   /* Translators: %s is a file, %u how many problems it has */
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported.",
                                "%s: %u problems; nothing was imported.", g_strv_length (result->problems)),
                   path, g_strv_length (result->problems));
      return;
    }

  if (!unknot_store_begin_write (self, DOING_IMPORT, &result->error))
    return;
  /* Duplicates are looked for among the entries there before, not among
   * the file's own rows: two rows alike in a file are two entries. */
  if (prepare (self, "SELECT coalesce(max(id), 0) FROM pain_entries", &stmt, DOING_IMPORT, &result->error))
    {
      int rc = sqlite3_step (stmt);

      if (rc == SQLITE_ROW)
        last_id = sqlite3_column_int64 (stmt, 0);
      else
        unknot_store_set_sqlite_error (self, &result->error, rc, DOING_IMPORT);
    }
  if (result->error != NULL
      || !insert_many (self, entries, MAX (last_id, 1), &result->n_imported, &result->n_skipped,
                       DOING_IMPORT, &result->error)
      || !unknot_store_commit (self, DOING_IMPORT, &result->error))
    {
      unknot_store_rollback (self);
      result->n_imported = result->n_skipped = 0;
    }
}

/* The public API, on the caller's thread */

static void
pointer_free_entry (gpointer data)
{
  unknot_pain_entry_unref (data);
}

static gpointer
int64_args (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

#define PROPAGATE_POINTER(tag) \
  G_STMT_START { \
    g_return_val_if_fail (g_task_is_valid (result, self), NULL); \
    g_return_val_if_fail (g_async_result_is_tagged (result, tag), NULL); \
    return g_task_propagate_pointer (G_TASK (result), error); \
  } G_STMT_END

#define PROPAGATE_BOOLEAN(tag) \
  G_STMT_START { \
    g_return_val_if_fail (g_task_is_valid (result, self), FALSE); \
    g_return_val_if_fail (g_async_result_is_tagged (result, tag), FALSE); \
    return g_task_propagate_boolean (G_TASK (result), error); \
  } G_STMT_END

static gint64
propagate_int64 (UnknotStore   *self,
                 GAsyncResult  *result,
                 gpointer       tag,
                 GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_async_result_is_tagged (result, tag), -1);

  if (!g_task_propagate_value (G_TASK (result), &value, error))
    return -1;
  return g_value_get_int64 (&value);
}

#define CHECK_ASYNC_ARGS() \
  g_return_if_fail (UNKNOT_IS_STORE (self)); \
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable))

void
unknot_store_add_pain_entry_async (UnknotStore           *self,
                                   const UnknotPainEntry *entry,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (entry != NULL);

  task = unknot_store_new_task (self, unknot_store_add_pain_entry_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, add_entry_job, task, RESULT_POINTER,
                          unknot_pain_entry_copy (entry), pointer_free_entry);
}

UnknotPainEntry *
unknot_store_add_pain_entry_finish (UnknotStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  PROPAGATE_POINTER (unknot_store_add_pain_entry_async);
}

void
unknot_store_update_pain_entry_async (UnknotStore           *self,
                                      const UnknotPainEntry *entry,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (entry != NULL);

  task = unknot_store_new_task (self, unknot_store_update_pain_entry_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, update_entry_job, task, RESULT_BOOLEAN,
                          unknot_pain_entry_copy (entry), pointer_free_entry);
}

gboolean
unknot_store_update_pain_entry_finish (UnknotStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  PROPAGATE_BOOLEAN (unknot_store_update_pain_entry_async);
}

void
unknot_store_delete_pain_entry_async (UnknotStore         *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();

  task = unknot_store_new_task (self, unknot_store_delete_pain_entry_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, delete_entry_job, task, RESULT_POINTER, int64_args (id), g_free);
}

UnknotPainEntry *
unknot_store_delete_pain_entry_finish (UnknotStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  PROPAGATE_POINTER (unknot_store_delete_pain_entry_async);
}

void
unknot_store_restore_pain_entry_async (UnknotStore           *self,
                                       const UnknotPainEntry *entry,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (entry != NULL);

  task = unknot_store_new_task (self, unknot_store_restore_pain_entry_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, restore_entry_job, task, RESULT_BOOLEAN,
                          unknot_pain_entry_copy (entry), pointer_free_entry);
}

gboolean
unknot_store_restore_pain_entry_finish (UnknotStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  PROPAGATE_BOOLEAN (unknot_store_restore_pain_entry_async);
}

void
unknot_store_get_pain_entry_async (UnknotStore         *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();

  task = unknot_store_new_task (self, unknot_store_get_pain_entry_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, get_entry_job, task, RESULT_POINTER, int64_args (id), g_free);
}

UnknotPainEntry *
unknot_store_get_pain_entry_finish (UnknotStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  PROPAGATE_POINTER (unknot_store_get_pain_entry_async);
}

void
unknot_store_list_pain_entries_async (UnknotStore           *self,
                                      const UnknotPainQuery *query,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();

  task = unknot_store_new_task (self, unknot_store_list_pain_entries_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, list_entries_job, task, RESULT_POINTER, query_args_new (query),
                          (GDestroyNotify) query_args_free);
}

GPtrArray *
unknot_store_list_pain_entries_finish (UnknotStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  PROPAGATE_POINTER (unknot_store_list_pain_entries_async);
}

void
unknot_store_count_pain_entries_async (UnknotStore           *self,
                                       const UnknotPainQuery *query,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();

  task = unknot_store_new_task (self, unknot_store_count_pain_entries_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, count_entries_job, task, RESULT_ID, query_args_new (query),
                          (GDestroyNotify) query_args_free);
}

gint64
unknot_store_count_pain_entries_finish (UnknotStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return propagate_int64 (self, result, unknot_store_count_pain_entries_async, error);
}

void
unknot_store_list_pain_tags_async (UnknotStore         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();

  task = unknot_store_new_task (self, unknot_store_list_pain_tags_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, list_tags_job, task, RESULT_POINTER, NULL, NULL);
}

GStrv
unknot_store_list_pain_tags_finish (UnknotStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  PROPAGATE_POINTER (unknot_store_list_pain_tags_async);
}

void
unknot_store_link_pain_entry_async (UnknotStore         *self,
                                    gint64               entry_id,
                                    gint64               session_id,
                                    UnknotPainPhase      phase,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LinkArgs *args;
  GTask *task;

  CHECK_ASYNC_ARGS ();

  args = g_new0 (LinkArgs, 1);
  args->entry_id = entry_id;
  args->session_id = session_id;
  args->phase = phase;
  task = unknot_store_new_task (self, unknot_store_link_pain_entry_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, link_entry_job, task, RESULT_BOOLEAN, args, g_free);
}

gboolean
unknot_store_link_pain_entry_finish (UnknotStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  PROPAGATE_BOOLEAN (unknot_store_link_pain_entry_async);
}

static RangeArgs *
day_range_args (const GDate *first,
                const GDate *last,
                guint        regions)
{
  RangeArgs *args = g_new0 (RangeArgs, 1);

  args->first = *first;
  args->last = *last;
  args->regions = regions;
  return args;
}

void
unknot_store_pain_daily_async (UnknotStore         *self,
                               const GDate         *first,
                               const GDate         *last,
                               guint                regions,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));
  g_return_if_fail (g_date_compare (first, last) <= 0);

  task = unknot_store_new_task (self, unknot_store_pain_daily_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, daily_job, task, RESULT_POINTER, day_range_args (first, last, regions), g_free);
}

GArray *
unknot_store_pain_daily_finish (UnknotStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  PROPAGATE_POINTER (unknot_store_pain_daily_async);
}

void
unknot_store_pain_before_after_async (UnknotStore         *self,
                                      GDateTime           *from,
                                      GDateTime           *until,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  RangeArgs *args;
  GTask *task;

  CHECK_ASYNC_ARGS ();

  args = g_new0 (RangeArgs, 1);
  if (from != NULL)
    {
      args->has_from = TRUE;
      args->from = unknot_store_stamp_from_date_time (from).utc;
    }
  if (until != NULL)
    {
      args->has_until = TRUE;
      args->until = unknot_store_stamp_from_date_time (until).utc;
    }
  task = unknot_store_new_task (self, unknot_store_pain_before_after_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, before_after_job, task, RESULT_POINTER, args, g_free);
}

GPtrArray *
unknot_store_pain_before_after_finish (UnknotStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  PROPAGATE_POINTER (unknot_store_pain_before_after_async);
}

void
unknot_store_adherence_async (UnknotStore         *self,
                              const GDate         *first,
                              const GDate         *last,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));
  g_return_if_fail (g_date_compare (first, last) <= 0);

  task = unknot_store_new_task (self, unknot_store_adherence_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, adherence_job, task, RESULT_POINTER, day_range_args (first, last, 0), g_free);
}

GArray *
unknot_store_adherence_finish (UnknotStore   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  PROPAGATE_POINTER (unknot_store_adherence_async);
}

static gboolean
report_if_not_local (UnknotStore         *self,
                     GFile               *file,
                     char               **path,
                     gpointer             source_tag,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autofree char *uri = NULL;

  *path = g_file_get_path (file);
  if (*path != NULL)
    return FALSE;
  uri = g_file_get_uri (file);
  g_task_report_new_error (self, callback, user_data, source_tag,
                           UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_FAILED,
                           /* Translators: %s is the address of a file */
                           _("%s is not a local file; choose a file on this computer."), uri);
  return TRUE;
}

void
unknot_store_export_pain_csv_async (UnknotStore         *self,
                                    GFile               *dest,
                                    gboolean             overwrite,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;
  ExportArgs *args;
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (G_IS_FILE (dest));

  if (report_if_not_local (self, dest, &path, unknot_store_export_pain_csv_async, callback, user_data))
    return;
  args = g_new0 (ExportArgs, 1);
  args->path = g_steal_pointer (&path);
  args->overwrite = overwrite;
  task = unknot_store_new_task (self, unknot_store_export_pain_csv_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, export_csv_job, task, RESULT_ID, args, (GDestroyNotify) export_args_free);
}

gint64
unknot_store_export_pain_csv_finish (UnknotStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return propagate_int64 (self, result, unknot_store_export_pain_csv_async, error);
}

void
unknot_store_import_pain_csv_async (UnknotStore         *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (G_IS_FILE (file));

  if (report_if_not_local (self, file, &path, unknot_store_import_pain_csv_async, callback, user_data))
    return;
  task = unknot_store_new_task (self, unknot_store_import_pain_csv_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, import_csv_job, task, RESULT_POINTER, g_steal_pointer (&path), g_free);
}

gboolean
unknot_store_import_pain_csv_finish (UnknotStore   *self,
                                     GAsyncResult  *result,
                                     guint         *n_imported,
                                     guint         *n_skipped,
                                     GStrv         *problems,
                                     GError       **error)
{
  ImportResult *outcome;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, unknot_store_import_pain_csv_async), FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;
  if (problems != NULL)
    *problems = NULL;

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return FALSE;
  if (outcome->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&outcome->error));
      if (problems != NULL)
        *problems = g_steal_pointer (&outcome->problems);
      import_result_free (outcome);
      return FALSE;
    }
  if (n_imported != NULL)
    *n_imported = outcome->n_imported;
  if (n_skipped != NULL)
    *n_skipped = outcome->n_skipped;
  import_result_free (outcome);
  return TRUE;
}

void
unknot_store_add_pain_entries_async (UnknotStore         *self,
                                     GPtrArray           *entries,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  CHECK_ASYNC_ARGS ();
  g_return_if_fail (entries != NULL);

  task = unknot_store_new_task (self, unknot_store_add_pain_entries_async, cancellable, callback, user_data);
  unknot_store_queue_job (self, add_entries_job, task, RESULT_ID, g_ptr_array_ref (entries),
                          (GDestroyNotify) g_ptr_array_unref);
}

gint64
unknot_store_add_pain_entries_finish (UnknotStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return propagate_int64 (self, result, unknot_store_add_pain_entries_async, error);
}
