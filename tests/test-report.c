/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF report for a clinician, for a history built by hand: a PDF with
 * the expected pages, the trend's summary in it, the notes only when they
 * were chosen, and an existing file never written over.  The text checks
 * use pdftotext (poppler-utils) and are skipped without it. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pain/unknot-report-pdf.h"
#include "unknot-pain.h"

typedef struct
{
  char        *dir;
  UnknotStore *store;
} Fixture;

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_result (Wait *wait)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!wait->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return wait->result;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  fixture->dir = g_dir_make_tmp ("unknot-report-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "unknot.db", NULL);
  file = g_file_new_for_path (path);
  fixture->store = unknot_store_new (file);
  unknot_store_open_async (fixture->store, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  g_assert_true (unknot_store_open_finish (fixture->store, result, &error));
}

static void
delete_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  unknot_store_flush (fixture->store);
  g_clear_object (&fixture->store);
  delete_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
add_entry (Fixture         *fixture,
           GDateTime       *time,
           int              pain,
           const char      *note,
           gint64           session_id,
           UnknotPainPhase  phase)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  g_autoptr(UnknotPainEntry) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "desk-work", NULL };
  Wait wait = { 0 };

  g_date_time_unref (entry->time);
  entry->time = g_date_time_ref (time);
  entry->pain = pain;
  entry->regions = UNKNOT_PAIN_REGION_SHOULDER_LEFT;
  unknot_pain_entry_set_tags (entry, tags);
  entry->note = g_strdup (note);
  entry->session_id = session_id;
  entry->phase = phase;
  unknot_store_add_pain_entry_async (fixture->store, entry, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  saved = unknot_store_add_pain_entry_finish (fixture->store, result, &error);
  g_assert_no_error (error);
}

static gint64
add_session (Fixture   *fixture,
             GDateTime *started)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  gint64 id;

  unknot_store_begin_session_async (fixture->store, "ball-shoulder-blades", "Tennis ball for the shoulder blades", 5,
                                    started, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  id = unknot_store_begin_session_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return id;
}

/* @n_days entries, one a day from 1 March 2025 at 09:00, each with a note;
 * and three sessions from 6 down to 4. */
static void
fill (Fixture *fixture,
      int      n_days)
{
  for (int i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (2025, 3, 1, 9, 0, 0);
      g_autoptr(GDateTime) time = g_date_time_add_days (day, i / 3);
      g_autoptr(GDateTime) later = g_date_time_add_hours (time, i % 3 * 4);
      g_autofree char *note = g_strdup_printf ("private note %d", i);

      add_entry (fixture, later, 6 - (i % 3), note, 0, UNKNOT_PAIN_PHASE_NONE);
    }
  for (int day = 10; day < 13; day++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (2025, 3, day, 18, 0, 0);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 10);
      gint64 id = add_session (fixture, start);

      add_entry (fixture, start, 6, NULL, id, UNKNOT_PAIN_PHASE_BEFORE);
      add_entry (fixture, end, 4, NULL, id, UNKNOT_PAIN_PHASE_AFTER);
    }
}

static UnknotReport *
collect (Fixture                   *fixture,
         const UnknotReportOptions *options)
{
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 4, 2, 10, 30, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  UnknotReport *report;
  Wait wait = { 0 };

  unknot_report_collect_async (fixture->store, options, generated, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  report = unknot_report_collect_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return report;
}

static void
march (UnknotReportOptions *options)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_MARCH, 2025);
  g_date_set_dmy (&to, 31, G_DATE_MARCH, 2025);
  unknot_report_options_init (options, &from, &to);
}

/* Pages as the PDF itself counts them: every page object cairo writes. */
static guint
count_pdf_pages (const char *contents,
                 gsize       length)
{
  static const char key[] = "/Type /Page";
  gsize key_length = sizeof key - 1;
  guint n = 0;

  /* A PDF holds binary streams: compare bytes, not C strings. */
  for (gsize i = 0; i + key_length < length; i++)
    if (memcmp (contents + i, key, key_length) == 0 && contents[i + key_length] != 's')
      n++;
  return n;
}

/* The report's text, its white space made single spaces (pdftotext breaks
 * lines where the PDF wraps them); NULL without pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static char *
save (Fixture             *fixture,
      UnknotReport        *report,
      const char          *name,
      guint               *n_pages,
      char               **contents,
      gsize               *length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (unknot_report_save (report, file, FALSE, n_pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, contents, length, &error));
  g_assert_true (g_str_has_prefix (*contents, "%PDF-"));
  return g_steal_pointer (&path);
}

static void
test_pages_and_text (Fixture       *fixture,
                     gconstpointer  data)
{
  UnknotReportOptions options;
  g_autoptr(UnknotReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint n_pages = 0;

  fill (fixture, 30);
  march (&options);
  report = collect (fixture, &options);
  /* 30 + 6 entries; days 1–10 have 5, 4 and 6 (mean 5.0) and days 10–12
   * the sessions' 6 and 4 as well. */
  g_assert_cmpuint (unknot_report_get_n_entries (report), ==, 36);
  g_assert_cmpstr (unknot_report_get_summary (report), ==,
                   "1 March 2025 – 31 March 2025: average 5.0 on 12 days with entries.");

  /* Page 1: title, chart, summary, sessions, regions; page 2: the table. */
  path = save (fixture, report, "report.pdf", &n_pages, &contents, &length);
  if (g_getenv ("UNKNOT_KEEP_PDF") != NULL)
    g_file_set_contents (g_getenv ("UNKNOT_KEEP_PDF"), contents, length, NULL);
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 2);

  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed; the report's text was not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Pain Report"));
  g_assert_nonnull (strstr (text, "1 March 2025 – 31 March 2025"));
  g_assert_nonnull (strstr (text, "Made on 2 April 2025, 10:30"));
  g_assert_nonnull (strstr (text, unknot_report_get_summary (report)));
  g_assert_nonnull (strstr (text, "Tennis ball for the shoulder blades"));
  g_assert_nonnull (strstr (text, "Shoulder, left"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
  /* Notes were not chosen: none of them is in the file. */
  g_assert_null (strstr (text, "private note"));
  g_assert_null (g_strstr_len (contents, length, "private note"));
}

static void
test_notes_when_chosen (Fixture       *fixture,
                        gconstpointer  data)
{
  UnknotReportOptions options;
  g_autoptr(UnknotReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint n_pages = 0;

  fill (fixture, 6);
  march (&options);
  options.notes = TRUE;
  report = collect (fixture, &options);
  path = save (fixture, report, "with-notes.pdf", &n_pages, &contents, &length);
  g_assert_cmpuint (n_pages, ==, 2);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "private note 5"));
}

static void
test_only_what_was_chosen (Fixture       *fixture,
                           gconstpointer  data)
{
  UnknotReportOptions options;
  g_autoptr(UnknotReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint n_pages = 0;

  fill (fixture, 6);
  march (&options);
  options.table = FALSE;
  options.sessions = FALSE;
  options.notes = TRUE;  /* without the table, there is nowhere for notes */
  report = collect (fixture, &options);
  path = save (fixture, report, "chart-only.pdf", &n_pages, &contents, &length);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, unknot_report_get_summary (report)));
  g_assert_null (strstr (text, "Tennis ball for the shoulder blades"));
  g_assert_null (strstr (text, "Every Rating"));
  g_assert_null (strstr (text, "private note"));
}

static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  UnknotReportOptions options;
  g_autoptr(UnknotReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_footer = NULL;
  gsize length;
  guint n_pages = 0;

  /* Three ratings a day for the month: 93 rows run over two table pages. */
  fill (fixture, 90);
  march (&options);
  report = collect (fixture, &options);
  path = save (fixture, report, "long.pdf", &n_pages, &contents, &length);
  g_assert_cmpuint (n_pages, ==, 4);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, n_pages);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* Every page says which it is, and the table's header repeats. */
  last_footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_footer));
  g_assert_nonnull (strstr (strstr (text, "Page 3 of 4"), "When Pain"));
}

static void
test_never_overwrites (Fixture       *fixture,
                       gconstpointer  data)
{
  UnknotReportOptions options;
  g_autoptr(UnknotReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "exists.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  fill (fixture, 3);
  march (&options);
  report = collect (fixture, &options);
  g_assert_false (unknot_report_save (report, file, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/pages-and-text", Fixture, NULL, fixture_set_up, test_pages_and_text, fixture_tear_down);
  g_test_add ("/report/notes-when-chosen", Fixture, NULL, fixture_set_up, test_notes_when_chosen, fixture_tear_down);
  g_test_add ("/report/only-what-was-chosen", Fixture, NULL, fixture_set_up, test_only_what_was_chosen, fixture_tear_down);
  g_test_add ("/report/long-table", Fixture, NULL, fixture_set_up, test_long_table, fixture_tear_down);
  g_test_add ("/report/never-overwrites", Fixture, NULL, fixture_set_up, test_never_overwrites, fixture_tear_down);
  return g_test_run ();
}
