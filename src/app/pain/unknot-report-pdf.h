/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-store.h"

G_BEGIN_DECLS

/* A pain report for a clinician: an A4 PDF drawn with cairo.  Page 1 has
 * the title, the range, the date it was made, the trend chart and its
 * summary, then (when chosen) the sessions' effect and where it hurt; the
 * table of entries starts on a page of its own and runs on over as many as
 * it needs, its header repeated.  The report holds what the user chose and
 * nothing more: notes only when asked for. */

typedef struct
{
  GDate    from;      /* first local day, inclusive */
  GDate    to;        /* last local day, inclusive */
  gboolean chart;     /* pain over time and its summary */
  gboolean sessions;  /* sessions and their effect per routine */
  gboolean regions;   /* where it hurt */
  gboolean table;     /* every entry */
  gboolean notes;     /* the entries' notes, in the table */
} UnknotReportOptions;

/* Everything but notes, from @from to @to. */
void          unknot_report_options_init   (UnknotReportOptions       *options,
                                            const GDate               *from,
                                            const GDate               *to);

typedef struct _UnknotReport UnknotReport;

/* Reads from @store what @options asks for.  @generated is when the report
 * is made (printed on it). */
void          unknot_report_collect_async  (UnknotStore               *store,
                                            const UnknotReportOptions *options,
                                            GDateTime                 *generated,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
UnknotReport *unknot_report_collect_finish (UnknotStore               *store,
                                            GAsyncResult              *result,
                                            GError                   **error);
void          unknot_report_free           (UnknotReport              *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotReport, unknot_report_free)

/* The trend summary printed under the chart ("1 March 2025 – 31 March 2025:
 * average 4.2 on …"); NULL without the chart. */
const char   *unknot_report_get_summary    (UnknotReport              *report);
/* Entries in the range. */
guint         unknot_report_get_n_entries  (UnknotReport              *report);

/* Draws the PDF into @stream; @n_pages (may be NULL) gets the page count. */
gboolean      unknot_report_write          (UnknotReport              *report,
                                            GOutputStream             *stream,
                                            guint                     *n_pages,
                                            GCancellable              *cancellable,
                                            GError                   **error);

/* The same into @file on a worker thread.  Without @overwrite an existing
 * file is never touched (G_IO_ERROR_EXISTS); a failed write leaves no
 * half-written file behind. */
void          unknot_report_save_async     (UnknotReport              *report,
                                            GFile                     *file,
                                            gboolean                   overwrite,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
gboolean      unknot_report_save_finish    (GAsyncResult              *result,
                                            guint                     *n_pages,
                                            GError                   **error);
/* The same, blocking: for the command line. */
gboolean      unknot_report_save           (UnknotReport              *report,
                                            GFile                     *file,
                                            gboolean                   overwrite,
                                            guint                     *n_pages,
                                            GError                   **error);

/* unknot --report-pdf FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]: the
 * report of the user's history, everything but notes, for the 90 days up to
 * --to (default today) unless --from says otherwise.  Never overwrites FILE.
 * Returns the exit status: 0, or 1 with one line on stderr. */
int           unknot_report_run_cli        (const char                *path,
                                            const char                *from,
                                            const char                *to);

G_END_DECLS
