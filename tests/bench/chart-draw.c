/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the pain trend chart takes to draw for 100,000 entries over
 * three years, against the 8 ms target (DESIGN.md), into a 1200×400 cairo
 * image surface as on screen.  The entries are first aggregated per day,
 * as the store does on its worker (timed on its own line); the chart then
 * draws about 1,100 days for "All" and 365 for "1 year".  Two baselines
 * drawn in the same run give ratios that hold across machines: the same
 * chart with no data (axes, grid and labels only) and the 100,000 entries
 * drawn one dot each without aggregating.  The aggregation is the store's
 * own (unknot_pain_stats_daily()), timed once on its own line.
 *
 *   chart-draw [--iterations N] [--png FILE] [--dark]
 *
 * --png writes one drawing of the all-time chart, to look at. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "pain/unknot-chart-data.h"
#include "pain/unknot-chart-trend.h"
#include "unknot-pain-stats.h"

#define N_ENTRIES 100000
#define N_YEARS   3
#define WIDTH     1200
#define HEIGHT    400

typedef struct
{
  const char *name;
  double      median;
  double      p99;
} Figure;

/* The local day of a moment, as unknot_pain_stats_local_date() gives it:
 * GDate's julian day 719163 is 1 January 1970. */
static guint32
local_julian (gint64 utc_usec,
              int    offset_seconds)
{
  gint64 seconds = utc_usec / G_USEC_PER_SEC + offset_seconds;

  return (guint32) (719163 + (seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400));
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

typedef void (*DrawFunc) (cairo_t *cr, gpointer data);

static Figure
measure (const char *name,
         DrawFunc    draw,
         gpointer    data,
         guint       iterations)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree double *times = g_new (double, iterations);
  Figure figure = { name, 0, 0 };

  /* Warm up fonts and glyph caches, as a window that has drawn once has. */
  for (guint i = 0; i < 3; i++)
    {
      cairo_t *cr = cairo_create (surface);
      draw (cr, data);
      cairo_destroy (cr);
    }
  for (guint i = 0; i < iterations; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      draw (cr, data);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  qsort (times, iterations, sizeof (double), compare_double);
  figure.median = times[iterations / 2];
  figure.p99 = times[MIN (iterations - 1, (guint) ceil (iterations * 0.99) - 1)];
  return figure;
}

typedef struct
{
  GArray           *days;  /* UnknotTrendDay */
  UnknotChartStyle  style;
} TrendData;

static void
draw_trend (cairo_t *cr, gpointer data)
{
  TrendData *trend = data;

  unknot_chart_trend_draw (cr, WIDTH, HEIGHT, (const UnknotTrendDay *) (gpointer) trend->days->data,
                           trend->days->len, &trend->style, NULL);
}

typedef struct
{
  const UnknotPainPoint *points;
  guint32                first;
  guint                  n_days;
} RawData;

/* The baseline without aggregation: every entry a dot of its own. */
static void
draw_raw (cairo_t *cr, gpointer data)
{
  RawData *raw = data;
  double plot_w = WIDTH - 40, plot_h = HEIGHT - 50;

  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.5);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      double x, y;

      x = 30 + (local_julian (raw->points[i].utc_usec, raw->points[i].offset_seconds) - raw->first + 0.5) * plot_w / raw->n_days;
      y = 20 + plot_h - raw->points[i].pain / 10.0 * plot_h;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 1.5, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

/* As the app does: unknot_pain_stats_daily() (the store runs it on its
 * worker), then the Insights view's conversion to chart days. */
static GArray *
aggregate (const UnknotPainPoint *points,
           guint                  n_points,
           guint32                first,
           guint                  n_days)
{
  GDate first_date, last_date;
  g_autoptr(GArray) pain_days = NULL;

  g_date_clear (&first_date, 1);
  g_date_clear (&last_date, 1);
  g_date_set_julian (&first_date, first);
  g_date_set_julian (&last_date, first + n_days - 1);
  pain_days = unknot_pain_stats_daily (points, n_points, &first_date, &last_date);
  return unknot_chart_trend_days_from_pain (pain_days, FALSE);
}

static GArray *
tail (GArray *days, guint n)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (UnknotTrendDay), n);

  g_array_append_vals (copy, &g_array_index (days, UnknotTrendDay, days->len - n), n);
  return copy;
}

static GArray *
empty_like (GArray *days)
{
  GArray *copy = g_array_copy (days);

  for (guint i = 0; i < copy->len; i++)
    {
      UnknotTrendDay *day = &g_array_index (copy, UnknotTrendDay, i);
      day->n_entries = 0;
      day->mean = day->average = NAN;
    }
  return copy;
}

int
main (int argc, char **argv)
{
  int iterations = 200;
  char *png = NULL;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Drawings per case (default 200)", "N" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, "Also write the all-time chart to FILE", "FILE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Light text on a dark background", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time drawing the pain trend chart");
  g_autoptr(GError) error = NULL;
  g_autofree UnknotPainPoint *points = g_new (UnknotPainPoint, N_ENTRIES);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 6, 30, 12, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_years (end, -N_YEARS);
  gint64 span = g_date_time_difference (end, start);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GArray) all_days = NULL;
  g_autoptr(GArray) year_days = NULL;
  g_autoptr(GArray) empty_days = NULL;
  TrendData all, year, empty;
  RawData raw;
  guint32 first, last;
  Figure figures[4];
  gint64 aggregate_start;
  double aggregate_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  iterations = MAX (iterations, 10);

  /* 100,000 entries over three years: a slow improvement with noise, more
   * entries on some days than others, offsets of +1 and +2 hours. */
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      gint64 t = g_date_time_to_unix (start) * G_USEC_PER_SEC + (gint64) (g_rand_double (rand) * span);
      double progress = (double) (t / G_USEC_PER_SEC - g_date_time_to_unix (start)) / (span / G_USEC_PER_SEC);
      double pain = 6.5 - 3.0 * progress + 1.5 * sin (progress * 40) + g_rand_double_range (rand, -2, 2);

      points[i].utc_usec = t;
      points[i].offset_seconds = g_rand_boolean (rand) ? 3600 : 7200;
      points[i].pain = (gint32) CLAMP (round (pain), 0, 10);
    }

  first = local_julian (g_date_time_to_unix (start) * G_USEC_PER_SEC, 0);
  last = local_julian (g_date_time_to_unix (end) * G_USEC_PER_SEC, 7200);

  aggregate_start = g_get_monotonic_time ();
  all_days = aggregate (points, N_ENTRIES, first, last - first + 1);
  aggregate_ms = (g_get_monotonic_time () - aggregate_start) / 1000.0;
  year_days = tail (all_days, 365);
  empty_days = empty_like (all_days);

  unknot_chart_style_init_print (&all.style);
  all.style.font = "Cantarell 11";
  all.style.resolution = 0;  /* as on screen */
  all.style.background.alpha = 1;
  if (dark)
    {
      all.style.foreground = (GdkRGBA) { 1, 1, 1, 1 };
      all.style.background = (GdkRGBA) { 0.14f, 0.14f, 0.14f, 1 };
      all.style.accent = (GdkRGBA) { 0.47f, 0.68f, 0.93f, 1 };
    }
  all.days = all_days;
  year = all;
  year.days = year_days;
  empty = all;
  empty.days = empty_days;
  raw.points = points;
  raw.first = first;
  raw.n_days = all_days->len;

  figures[0] = measure ("all time (aggregated days)", draw_trend, &all, iterations);
  figures[1] = measure ("1 year (aggregated days)", draw_trend, &year, iterations);
  figures[2] = measure ("baseline: empty chart", draw_trend, &empty, iterations);
  figures[3] = measure ("baseline: 100,000 dots, no aggregation", draw_raw, &raw, MAX (10, iterations / 10));

  g_print ("chart-draw: %d entries over %d years, %ux%u px, %d drawings per case\n",
           N_ENTRIES, N_YEARS, WIDTH, HEIGHT, iterations);
  g_print ("aggregate per day (once, as the store does): %.2f ms for %u days\n", aggregate_ms, all_days->len);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    g_print ("%-42s median %6.2f ms   p99 %6.2f ms\n", figures[i].name, figures[i].median, figures[i].p99);
  g_print ("ratio all time / empty chart: %.2fx; all time / unaggregated dots: %.3fx\n",
           figures[0].median / figures[2].median, figures[0].median / figures[3].median);
  g_print ("target: <= 8 ms: all time %s (p99 %.2f ms), 1 year %s (p99 %.2f ms)\n",
           figures[0].p99 <= 8 ? "met" : "MISSED", figures[0].p99,
           figures[1].p99 <= 8 ? "met" : "MISSED", figures[1].p99);

  if (png != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);

      draw_trend (cr, &all);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, png);
      cairo_surface_destroy (surface);
      g_free (png);
    }
  return figures[0].p99 <= 8 && figures[1].p99 <= 8 ? 0 : 1;
}
