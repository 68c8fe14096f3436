/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "unknot-chart-common.h"
#include "unknot-chart-data.h"
#include "unknot-report-pdf.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       56.7
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_SPACE 24.0
#define BOTTOM       (PAGE_HEIGHT - MARGIN - FOOTER_SPACE)
#define ROW_PADDING  3.0
#define MIN_ROW      15.0

struct _UnknotReport
{
  UnknotReportOptions  options;
  GDateTime           *generated;
  char                *range_text;
  GArray              *trend;           /* UnknotTrendDay, with the chart */
  char                *summary;
  GPtrArray           *entries;         /* UnknotPainEntry, oldest first */
  GArray              *effects;         /* UnknotEffectBar */
  GHashTable          *routine_titles;  /* session id → routine title */
  guint                n_sessions;
  guint                n_completed;
  guint                n_safety;
  guint                region_count[UNKNOT_PAIN_N_REGIONS];
  guint                region_sum[UNKNOT_PAIN_N_REGIONS];
  int                  region_max[UNKNOT_PAIN_N_REGIONS];
};

void
unknot_report_options_init (UnknotReportOptions *options,
                            const GDate         *from,
                            const GDate         *to)
{
  *options = (UnknotReportOptions) {
    .from = *from,
    .to = *to,
    .chart = TRUE,
    .sessions = TRUE,
    .regions = TRUE,
    .table = TRUE,
    .notes = FALSE,
  };
}

void
unknot_report_free (UnknotReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->generated, g_date_time_unref);
  g_free (report->range_text);
  g_clear_pointer (&report->trend, g_array_unref);
  g_free (report->summary);
  g_clear_pointer (&report->entries, g_ptr_array_unref);
  g_clear_pointer (&report->effects, g_array_unref);
  g_clear_pointer (&report->routine_titles, g_hash_table_unref);
  g_free (report);
}

const char *
unknot_report_get_summary (UnknotReport *report)
{
  return report->summary;
}

guint
unknot_report_get_n_entries (UnknotReport *report)
{
  return report->entries != NULL ? report->entries->len : 0;
}

static char *
format_day (const GDate *date)
{
  /* TRANSLATORS: a date in the report, strftime form: "3 March 2025" */
  g_autofree char *text = unknot_chart_format_date (g_date_get_julian (date), _("%-d %B %Y"));

  return g_strdup (g_strstrip (text));
}

/* Collecting */

typedef struct
{
  UnknotReport *report;
  guint         pending;
  GError       *error;
  GDateTime    *from;
  GDateTime    *until;
} Collect;

static void
collect_free (Collect *collect)
{
  unknot_report_free (collect->report);
  g_clear_error (&collect->error);
  g_clear_pointer (&collect->from, g_date_time_unref);
  g_clear_pointer (&collect->until, g_date_time_unref);
  g_free (collect);
}

static void
collect_done (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);

  if (--collect->pending > 0)
    {
      g_object_unref (task);
      return;
    }
  if (collect->error != NULL)
    g_task_return_error (task, g_steal_pointer (&collect->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&collect->report), (GDestroyNotify) unknot_report_free);
  g_object_unref (task);
}

static void
collect_error (Collect *collect,
               GError  *error)
{
  if (collect->error == NULL)
    collect->error = error;
  else
    g_error_free (error);
}

static void
daily_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  UnknotReport *report = collect->report;
  GError *error = NULL;
  g_autoptr(GArray) days = unknot_store_pain_daily_finish (UNKNOT_STORE (source), result, &error);

  if (days == NULL)
    collect_error (collect, error);
  else
    {
      report->trend = unknot_chart_trend_days_from_pain (days, FALSE);
      report->summary = unknot_chart_trend_describe ((const UnknotTrendDay *) (gpointer) report->trend->data,
                                                     report->trend->len, report->range_text);
    }
  collect_done (task);
}

static void
entries_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  UnknotReport *report = collect->report;
  GError *error = NULL;
  GPtrArray *entries = unknot_store_list_pain_entries_finish (UNKNOT_STORE (source), result, &error);

  if (entries == NULL)
    {
      collect_error (collect, error);
      collect_done (task);
      return;
    }
  /* The store lists newest first; a report reads oldest first. */
  for (guint i = 0; i < entries->len / 2; i++)
    {
      gpointer tmp = entries->pdata[i];
      entries->pdata[i] = entries->pdata[entries->len - 1 - i];
      entries->pdata[entries->len - 1 - i] = tmp;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const UnknotPainEntry *entry = g_ptr_array_index (entries, i);

      for (guint r = 0; r < UNKNOT_PAIN_N_REGIONS; r++)
        if (entry->regions & unknot_pain_region_nth (r))
          {
            report->region_max[r] = report->region_count[r] == 0 ? entry->pain : MAX (report->region_max[r], entry->pain);
            report->region_count[r]++;
            report->region_sum[r] += entry->pain;
          }
    }
  report->entries = entries;
  collect_done (task);
}

static void
before_after_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GPtrArray) effects = unknot_store_pain_before_after_finish (UNKNOT_STORE (source), result, &error);

  if (effects == NULL)
    collect_error (collect, error);
  else
    collect->report->effects = unknot_chart_effect_bars_from_effects (effects);
  collect_done (task);
}

static void
sessions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  UnknotReport *report = collect->report;
  GError *error = NULL;
  g_autoptr(GPtrArray) sessions = unknot_store_list_sessions_finish (UNKNOT_STORE (source), result, &error);

  if (sessions == NULL)
    {
      collect_error (collect, error);
      collect_done (task);
      return;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotSessionRecord *session = g_ptr_array_index (sessions, i);

      g_hash_table_insert (report->routine_titles, g_memdup2 (&session->id, sizeof session->id),
                           g_strdup (session->routine_title));
      if (g_date_time_compare (session->started_at, collect->from) < 0
          || g_date_time_compare (session->started_at, collect->until) >= 0)
        continue;
      report->n_sessions++;
      report->n_completed += session->outcome == UNKNOT_SESSION_OUTCOME_COMPLETED;
      report->n_safety += session->outcome == UNKNOT_SESSION_OUTCOME_SAFETY;
    }
  collect_done (task);
}

void
unknot_report_collect_async (UnknotStore               *store,
                             const UnknotReportOptions *options,
                             GDateTime                 *generated,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  Collect *collect;
  UnknotReport *report;
  GDate after;

  g_return_if_fail (UNKNOT_IS_STORE (store));
  g_return_if_fail (options != NULL && g_date_valid (&options->from) && g_date_valid (&options->to));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_report_collect_async);
  if (g_date_compare (&options->from, &options->to) > 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The report’s first day is after its last."));
      return;
    }

  report = g_new0 (UnknotReport, 1);
  report->options = *options;
  report->options.notes = options->notes && options->table;
  report->generated = g_date_time_ref (generated);
  report->routine_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  from_text = format_day (&options->from);
  to_text = format_day (&options->to);
  /* TRANSLATORS: the range of a report: "1 March 2025 – 31 March 2025" */
  report->range_text = g_strdup_printf (_("%s – %s"), from_text, to_text);

  collect = g_new0 (Collect, 1);
  collect->report = report;
  collect->pending = 1;
  /* Entries by the local days of this computer's time zone. */
  collect->from = g_date_time_new_local (g_date_get_year (&options->from), g_date_get_month (&options->from),
                                         g_date_get_day (&options->from), 0, 0, 0);
  after = options->to;
  g_date_add_days (&after, 1);
  collect->until = g_date_time_new_local (g_date_get_year (&after), g_date_get_month (&after),
                                          g_date_get_day (&after), 0, 0, 0);
  g_task_set_task_data (task, collect, (GDestroyNotify) collect_free);

  if (options->chart)
    {
      collect->pending++;
      unknot_store_pain_daily_async (store, &options->from, &options->to, 0, cancellable, daily_cb, g_object_ref (task));
    }
  /* The entries count on every page and feed "where it hurt"; they are
   * read even without the table, but only the table prints them. */
  {
    UnknotPainQuery query = { .from = collect->from, .until = collect->until };

    collect->pending++;
    unknot_store_list_pain_entries_async (store, &query, cancellable, entries_cb, g_object_ref (task));
  }
  if (options->sessions)
    {
      collect->pending++;
      unknot_store_pain_before_after_async (store, collect->from, collect->until, cancellable, before_after_cb,
                                            g_object_ref (task));
    }
  if (options->sessions || options->table)
    {
      collect->pending++;
      unknot_store_list_sessions_async (store, 0, cancellable, sessions_cb, g_object_ref (task));
    }
  collect_done (g_steal_pointer (&task));
}

UnknotReport *
unknot_report_collect_finish (UnknotStore   *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Drawing */

typedef struct
{
  const char *title;
  double      width;
} Column;

typedef struct
{
  cairo_t          *cr;
  UnknotReport     *report;
  UnknotChartStyle  style;
  PangoLayout      *layout;
  double            y;
  guint             page;
  guint             n_pages;   /* 0 on the first pass, when it is not known */
  const Column     *columns;   /* the table under way, for its header */
  guint             n_columns;
} Pen;

static void
set_font (Pen        *pen,
          const char *font)
{
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (pen->layout, desc);
  pango_font_description_free (desc);
}

/* Draws @text in @font at (@x, pen->y) within @width; returns its height. */
static double
text (Pen            *pen,
      const char     *font,
      const char     *string,
      double          x,
      double          width,
      PangoAlignment  align,
      double          alpha)
{
  int w, h;

  set_font (pen, font);
  pango_layout_set_width (pen->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (pen->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (pen->layout, align);
  pango_layout_set_text (pen->layout, string, -1);
  pango_layout_get_size (pen->layout, &w, &h);
  unknot_chart_set_color (pen->cr, &pen->style.foreground, alpha);
  cairo_move_to (pen->cr, x, pen->y);
  pango_cairo_show_layout (pen->cr, pen->layout);
  return (double) h / PANGO_SCALE;
}

static double
measure (Pen        *pen,
         const char *font,
         const char *string,
         double      width)
{
  int w, h;

  set_font (pen, font);
  pango_layout_set_width (pen->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (pen->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (pen->layout, string, -1);
  pango_layout_get_size (pen->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
footer (Pen *pen)
{
  g_autofree char *page = NULL;
  g_autofree char *line = NULL;
  double y = pen->y;

  if (pen->n_pages > 0)
    /* TRANSLATORS: the report's page numbers: "Page 2 of 5" */
    page = g_strdup_printf (_("Page %u of %u"), pen->page, pen->n_pages);
  else
    page = g_strdup_printf (_("Page %u"), pen->page);
  /* TRANSLATORS: the report's footer: "Pain report from Unknot · 1 March 2025 – 31 March 2025 · Page 2 of 5" */
  line = g_strdup_printf (_("Pain report from Unknot · %s · %s"), pen->report->range_text, page);
  pen->y = PAGE_HEIGHT - MARGIN - 10;
  text (pen, "Sans 7.5", line, MARGIN, CONTENT_WIDTH, PANGO_ALIGN_CENTER, 0.7);
  pen->y = y;
}

static void table_header (Pen *pen);

static void
new_page (Pen *pen)
{
  footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN;
  if (pen->columns != NULL)
    table_header (pen);
}

/* Room for @height more, or a new page. */
static void
need (Pen    *pen,
      double  height)
{
  if (pen->y + height > BOTTOM)
    new_page (pen);
}

static void
heading (Pen        *pen,
         const char *title)
{
  need (pen, 60);
  pen->y += 14;
  pen->y += text (pen, "Sans Bold 12", title, MARGIN, CONTENT_WIDTH, PANGO_ALIGN_LEFT, 1) + 6;
}

static void
paragraph (Pen        *pen,
           const char *string,
           double      alpha)
{
  double height = measure (pen, "Sans 9", string, CONTENT_WIDTH);

  need (pen, height);
  pen->y += text (pen, "Sans 9", string, MARGIN, CONTENT_WIDTH, PANGO_ALIGN_LEFT, alpha) + 4;
}

static void
rule (Pen    *pen,
      double  alpha)
{
  unknot_chart_set_color (pen->cr, &pen->style.foreground, alpha);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, MARGIN, pen->y);
  cairo_line_to (pen->cr, MARGIN + CONTENT_WIDTH, pen->y);
  cairo_stroke (pen->cr);
}

static void
table_header (Pen *pen)
{
  double x = MARGIN, height = 0;

  for (guint i = 0; i < pen->n_columns; i++)
    height = MAX (height, measure (pen, "Sans Bold 8", pen->columns[i].title, pen->columns[i].width - 6));
  height += 2 * ROW_PADDING;
  cairo_set_source_rgba (pen->cr, 0.92, 0.92, 0.92, 1);
  cairo_rectangle (pen->cr, MARGIN, pen->y, CONTENT_WIDTH, height);
  cairo_fill (pen->cr);
  pen->y += ROW_PADDING;
  for (guint i = 0; i < pen->n_columns; i++)
    {
      text (pen, "Sans Bold 8", pen->columns[i].title, x + 3, pen->columns[i].width - 6, PANGO_ALIGN_LEFT, 1);
      x += pen->columns[i].width;
    }
  pen->y += height - ROW_PADDING;
  rule (pen, 0.6);
}

static void
table_begin (Pen          *pen,
             const Column *columns,
             guint         n_columns)
{
  pen->columns = columns;
  pen->n_columns = n_columns;
  need (pen, 3 * MIN_ROW);
  table_header (pen);
}

static void
table_row (Pen                *pen,
           const char * const *cells)
{
  double x = MARGIN, height = 0;

  for (guint i = 0; i < pen->n_columns; i++)
    height = MAX (height, measure (pen, "Sans 8", cells[i] != NULL ? cells[i] : "", pen->columns[i].width - 6));
  height = MAX (MIN_ROW, height + 2 * ROW_PADDING);
  need (pen, height);
  pen->y += ROW_PADDING;
  for (guint i = 0; i < pen->n_columns; i++)
    {
      if (cells[i] != NULL)
        text (pen, "Sans 8", cells[i], x + 3, pen->columns[i].width - 6, PANGO_ALIGN_LEFT, 1);
      x += pen->columns[i].width;
    }
  pen->y += height - ROW_PADDING;
  rule (pen, 0.2);
}

static void
table_end (Pen *pen)
{
  pen->columns = NULL;
  pen->n_columns = 0;
  pen->y += 6;
}

static void
draw_title (Pen *pen)
{
  UnknotReport *report = pen->report;
  /* TRANSLATORS: when the report was made, strftime form: "26 November 2026, 10:00" */
  g_autofree char *when = g_date_time_format (report->generated, _("%-d %B %Y, %H:%M"));
  g_autofree char *generated = g_strdup_printf (_("Made on %s with Unknot %s"), g_strstrip (when), PACKAGE_VERSION);
  g_autofree char *counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u pain rating in this period.",
                                                          "%u pain ratings in this period.",
                                                          unknot_report_get_n_entries (report)),
                                             unknot_report_get_n_entries (report));

  pen->y += text (pen, "Sans Bold 20", _("Pain Report"), MARGIN, CONTENT_WIDTH, PANGO_ALIGN_LEFT, 1) + 4;
  pen->y += text (pen, "Sans 12", report->range_text, MARGIN, CONTENT_WIDTH, PANGO_ALIGN_LEFT, 1) + 2;
  pen->y += text (pen, "Sans 9", generated, MARGIN, CONTENT_WIDTH, PANGO_ALIGN_LEFT, 0.7) + 10;
  paragraph (pen, _("Pain as the patient rated it in Unknot, a self-massage coach, on a scale from 0 (no pain) "
                    "to 10 (the worst pain you can imagine). A record kept by the patient, not a diagnosis."), 0.85);
  paragraph (pen, counts, 0.85);
}

static void
draw_chart (Pen *pen)
{
  UnknotReport *report = pen->report;
  double height = 200;

  heading (pen, _("Pain Over Time"));
  need (pen, height);
  cairo_save (pen->cr);
  cairo_translate (pen->cr, MARGIN, pen->y);
  unknot_chart_trend_draw (pen->cr, CONTENT_WIDTH, height,
                           (const UnknotTrendDay *) (gpointer) report->trend->data, report->trend->len,
                           &pen->style, NULL);
  cairo_restore (pen->cr);
  pen->y += height + 6;
  paragraph (pen, report->summary, 1);
}

static void
draw_sessions (Pen *pen)
{
  UnknotReport *report = pen->report;
  g_autofree char *counts = NULL;
  const Column columns[] = {
    { _("Routine"), 150 },
    { _("Sessions"), 48 },
    { _("Before"), 40 },
    { _("After"), 40 },
    { _("What it means"), CONTENT_WIDTH - 278 },
  };

  heading (pen, _("Self-Massage Sessions and Their Effect"));
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* TRANSLATORS: "12 sessions in this period: 10 completed, 1 stopped because something did not feel right." */
                                         "%u session in this period: %u completed, %u stopped because something did not feel right.",
                                         "%u sessions in this period: %u completed, %u stopped because something did not feel right.",
                                         report->n_sessions),
                            report->n_sessions, report->n_completed, report->n_safety);
  paragraph (pen, counts, 1);
  if (report->effects == NULL || report->effects->len == 0)
    {
      paragraph (pen, _("No session in this period has a pain rating both before and after it."), 0.85);
      return;
    }
  paragraph (pen, _("Mean pain rated just before and just after the sessions of each routine. "
                    "A change of about 2 points (or 30 %) usually counts as meaningful."), 0.85);
  {
    double height = 0;
    UnknotChartStyle style = pen->style;

    style.font = "Sans 8";
    height = unknot_chart_effect_get_height (&style, report->effects->len);
    need (pen, height);
    cairo_save (pen->cr);
    cairo_translate (pen->cr, MARGIN, pen->y);
    unknot_chart_effect_draw (pen->cr, CONTENT_WIDTH, height,
                              (const UnknotEffectBar *) (gpointer) report->effects->data, report->effects->len, &style);
    cairo_restore (pen->cr);
    pen->y += height + 4;
  }
  table_begin (pen, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < report->effects->len; i++)
    {
      const UnknotEffectBar *bar = &g_array_index (report->effects, UnknotEffectBar, i);
      g_autofree char *n = g_strdup_printf ("%u", bar->n_sessions);
      g_autofree char *before = unknot_chart_format_score (bar->before);
      g_autofree char *after = unknot_chart_format_score (bar->after);
      g_autofree char *meaning = unknot_chart_effect_describe (bar);
      const char *cells[] = { bar->title, n, before, after, meaning };

      table_row (pen, cells);
    }
  table_end (pen);
}

/* Shorter than the app's "Your left shoulder": a clinician reads these. */
static const char *
region_name (guint index)
{
  static const char * const names[UNKNOT_PAIN_N_REGIONS] = {
    N_("Neck, left"), N_("Neck, right"),
    N_("Shoulder, left"), N_("Shoulder, right"),
    N_("Upper back, left"), N_("Upper back, right"),
    N_("Mid back, left"), N_("Mid back, right"),
    N_("Lower back, left"), N_("Lower back, right"),
  };

  return index < UNKNOT_PAIN_N_REGIONS ? _(names[index]) : "";
}

static void
draw_regions (Pen *pen)
{
  UnknotReport *report = pen->report;
  gboolean any = FALSE;
  const Column columns[] = {
    { _("Where"), 160 },
    { _("Ratings"), 70 },
    { _("Mean pain"), 70 },
    { _("Highest"), 70 },
  };

  heading (pen, _("Where It Hurt"));
  for (guint r = 0; r < UNKNOT_PAIN_N_REGIONS; r++)
    any = any || report->region_count[r] > 0;
  if (!any)
    {
      paragraph (pen, _("No rating in this period says where it hurt."), 0.85);
      return;
    }
  table_begin (pen, columns, G_N_ELEMENTS (columns));
  for (guint r = 0; r < UNKNOT_PAIN_N_REGIONS; r++)
    {
      g_autofree char *n = NULL;
      g_autofree char *mean = NULL;
      g_autofree char *max = NULL;

      if (report->region_count[r] == 0)
        continue;
      n = g_strdup_printf ("%u", report->region_count[r]);
      mean = unknot_chart_format_score ((double) report->region_sum[r] / report->region_count[r]);
      max = g_strdup_printf ("%d", report->region_max[r]);
      {
        const char *cells[] = { region_name (r), n, mean, max };
        table_row (pen, cells);
      }
    }
  table_end (pen);
}

static char *
entry_session (UnknotReport          *report,
               const UnknotPainEntry *entry)
{
  const char *title;

  if (entry->session_id == 0 || entry->phase == UNKNOT_PAIN_PHASE_NONE)
    return NULL;
  title = g_hash_table_lookup (report->routine_titles, &entry->session_id);
  if (title == NULL)
    title = "?";
  if (entry->phase == UNKNOT_PAIN_PHASE_BEFORE)
    /* TRANSLATORS: an entry rated before a session of a routine: "Before: Tennis ball for the shoulder blades" */
    return g_strdup_printf (_("Before: %s"), title);
  /* TRANSLATORS: an entry rated after a session of a routine */
  return g_strdup_printf (_("After: %s"), title);
}

static void
draw_table (Pen *pen)
{
  UnknotReport *report = pen->report;
  gboolean notes = report->options.notes;
  const Column columns[] = {
    { _("When"), 104 },
    { _("Pain"), 28 },
    { _("Got in the way"), 44 },
    { _("Where"), notes ? 80 : 110 },
    { _("Possible cause"), notes ? 62 : 84 },
    { _("Session"), notes ? 80 : CONTENT_WIDTH - 370 },
    { _("Note"), CONTENT_WIDTH - 398 },
  };

  /* The table starts a page of its own, so it reads as one list. */
  if (pen->y > MARGIN)
    new_page (pen);
  heading (pen, _("Every Rating"));
  if (report->entries->len == 0)
    {
      paragraph (pen, _("No pain ratings in this period."), 0.85);
      return;
    }
  table_begin (pen, columns, notes ? 7 : 6);
  for (guint i = 0; i < report->entries->len; i++)
    {
      const UnknotPainEntry *entry = g_ptr_array_index (report->entries, i);
      /* TRANSLATORS: an entry's time in the report, strftime form: "Tue 4 Mar 2025 08:30" */
      g_autofree char *when = g_date_time_format (entry->time, _("%a %-d %b %Y %H:%M"));
      g_autofree char *pain = g_strdup_printf ("%d", entry->pain);
      g_autofree char *interference = entry->interference >= 0 ? g_strdup_printf ("%d", entry->interference)
                                                               : g_strdup ("—");
      g_autoptr(GPtrArray) where = g_ptr_array_new ();
      g_autoptr(GPtrArray) causes = g_ptr_array_new ();
      g_autofree char *where_text = NULL;
      g_autofree char *causes_text = NULL;
      g_autofree char *session = entry_session (report, entry);

      for (guint r = 0; r < UNKNOT_PAIN_N_REGIONS; r++)
        if (entry->regions & unknot_pain_region_nth (r))
          g_ptr_array_add (where, (char *) region_name (r));
      g_ptr_array_add (where, NULL);
      for (guint t = 0; entry->tags[t] != NULL; t++)
        g_ptr_array_add (causes, (char *) unknot_pain_tag_get_display_name (entry->tags[t]));
      g_ptr_array_add (causes, NULL);
      where_text = g_strjoinv ("; ", (char **) where->pdata);
      causes_text = g_strjoinv ("; ", (char **) causes->pdata);
      {
        const char *cells[] = {
          g_strstrip (when), pain, interference, where_text, causes_text, session,
          notes ? entry->note : NULL,
        };
        table_row (pen, cells);
      }
    }
  table_end (pen);
}

static guint
draw_report (UnknotReport *report,
             cairo_t      *cr,
             guint         n_pages)
{
  Pen pen = { 0 };

  pen.cr = cr;
  pen.report = report;
  pen.page = 1;
  pen.n_pages = n_pages;
  pen.y = MARGIN;
  unknot_chart_style_init_print (&pen.style);
  pen.layout = pango_cairo_create_layout (cr);
  /* Font sizes in points, as on paper. */
  pango_cairo_context_set_resolution (pango_layout_get_context (pen.layout), 72);
  pango_layout_context_changed (pen.layout);

  draw_title (&pen);
  if (report->options.chart && report->trend != NULL)
    draw_chart (&pen);
  if (report->options.sessions)
    draw_sessions (&pen);
  if (report->options.regions)
    draw_regions (&pen);
  if (report->options.table)
    draw_table (&pen);
  footer (&pen);

  g_object_unref (pen.layout);
  return pen.page;
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (sink->stream == NULL)
    return CAIRO_STATUS_SUCCESS;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* One pass into @stream (NULL: measured, written nowhere). */
static guint
render (UnknotReport   *report,
        GOutputStream  *stream,
        guint           n_pages,
        GCancellable   *cancellable,
        GError        **error)
{
  Sink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *title = g_strdup_printf (_("Pain Report, %s"), report->range_text);
  cairo_status_t status;
  guint pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Unknot " PACKAGE_VERSION);
  pages = draw_report (report, cr, n_pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return 0;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return 0;
    }
  return pages;
}

gboolean
unknot_report_write (UnknotReport   *report,
                     GOutputStream  *stream,
                     guint          *n_pages,
                     GCancellable   *cancellable,
                     GError        **error)
{
  guint pages;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* The first pass counts the pages, so every footer can say "of N". */
  pages = render (report, NULL, 0, cancellable, error);
  if (pages == 0)
    return FALSE;
  pages = render (report, stream, pages, cancellable, error);
  if (pages == 0)
    return FALSE;
  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}

gboolean
unknot_report_save (UnknotReport  *report,
                    GFile         *file,
                    gboolean       overwrite,
                    guint         *n_pages,
                    GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *local_error = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Created (never opened over an existing file) unless asked; replace
   * writes a temporary file and renames it, and a cancelled close leaves
   * the old file as it was. */
  if (overwrite)
    stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  else
    stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!unknot_report_write (report, G_OUTPUT_STREAM (stream), n_pages, NULL, &local_error))
    {
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      if (!overwrite)
        g_file_delete (file, NULL, NULL);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

typedef struct
{
  UnknotReport *report;
  GFile        *file;
  gboolean      overwrite;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  guint n_pages = 0;

  if (unknot_report_save (data->report, data->file, data->overwrite, &n_pages, &error))
    g_task_return_int (task, n_pages);
  else
    g_task_return_error (task, error);
}

void
unknot_report_save_async (UnknotReport        *report,
                          GFile               *file,
                          gboolean             overwrite,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);

  /* @report stays the caller's; it must live until the callback. */
  data->report = report;
  data->file = g_object_ref (file);
  data->overwrite = overwrite;
  g_task_set_source_tag (task, unknot_report_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
unknot_report_save_finish (GAsyncResult  *result,
                           guint         *n_pages,
                           GError       **error)
{
  gssize pages = g_task_propagate_int (G_TASK (result), error);

  if (pages < 0)
    return FALSE;
  if (n_pages != NULL)
    *n_pages = (guint) pages;
  return TRUE;
}

/* The command line */

static gboolean
parse_day (const char  *text,
           GDate       *date)
{
  int year, month, day, end = 0;

  g_date_clear (date, 1);
  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &end) != 3 || text[end] != '\0' || strlen (text) != 10
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

typedef struct
{
  gboolean      done;
  GError       *error;
  UnknotReport *report;
} CliWait;

static void
cli_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CliWait *wait = user_data;

  unknot_store_open_finish (UNKNOT_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
cli_collected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CliWait *wait = user_data;

  wait->report = unknot_report_collect_finish (UNKNOT_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
cli_wait (CliWait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
  wait->done = FALSE;
}

int
unknot_report_run_cli (const char *path,
                       const char *from_text,
                       const char *to_text)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) store_file = unknot_default_store_file ();
  g_autoptr(UnknotStore) store = NULL;
  g_autoptr(UnknotReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = g_file_get_parse_name (store_file);
  UnknotReportOptions options;
  CliWait wait = { 0 };
  GDate from, to;
  guint n_pages = 0;

  if (to_text != NULL && !parse_day (to_text, &to))
    {
      g_printerr (_("--to %s: give a date as YYYY-MM-DD.\n"), to_text);
      return 1;
    }
  if (to_text == NULL)
    {
      g_date_clear (&to, 1);
      g_date_set_dmy (&to, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
    }
  if (from_text != NULL && !parse_day (from_text, &from))
    {
      g_printerr (_("--from %s: give a date as YYYY-MM-DD.\n"), from_text);
      return 1;
    }
  if (from_text == NULL)
    {
      from = to;
      g_date_subtract_days (&from, 89);
    }
  if (g_date_compare (&from, &to) > 0)
    {
      g_printerr (_("--from %s is after --to %s.\n"), from_text != NULL ? from_text : "", to_text != NULL ? to_text : "");
      return 1;
    }
  if (g_file_query_exists (file, NULL))
    {
      g_printerr (_("%s already exists; Unknot does not write over it. Choose another name.\n"), path);
      return 1;
    }
  if (!g_file_query_exists (store_file, NULL))
    {
      g_printerr (_("There is no history to report on yet: %s does not exist.\n"), store_path);
      return 1;
    }

  store = unknot_store_new (store_file);
  unknot_store_open_async (store, NULL, cli_opened_cb, &wait);
  cli_wait (&wait);
  if (wait.error != NULL)
    {
      g_printerr ("%s\n", wait.error->message);
      g_clear_error (&wait.error);
      return 1;
    }

  unknot_report_options_init (&options, &from, &to);
  unknot_report_collect_async (store, &options, now, NULL, cli_collected_cb, &wait);
  cli_wait (&wait);
  report = g_steal_pointer (&wait.report);
  if (report == NULL)
    {
      g_printerr ("%s\n", wait.error->message);
      g_clear_error (&wait.error);
      return 1;
    }
  unknot_store_flush (store);

  if (!unknot_report_save (report, file, FALSE, &n_pages, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* TRANSLATORS: "report.pdf: 3 pages, 42 pain ratings, 1 March 2025 – 31 March 2025" */
                        "%s: %u page, %u pain ratings, %s\n",
                        "%s: %u pages, %u pain ratings, %s\n", n_pages),
           path, n_pages, unknot_report_get_n_entries (report), report->range_text);
  return 0;
}
