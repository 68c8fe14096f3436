/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-chart-trend.h"

#define PAD 4.0

static double
value_y (const UnknotTrendGeometry *g,
         double                     value)
{
  return g->y + g->height - value / 10.0 * g->height;
}

static double
day_x (const UnknotTrendGeometry *g,
       guint                      index)
{
  return g->x + (index + 0.5) * g->width / g->n_days;
}

/* Which days get a label on the time axis, and how it reads. */
typedef struct
{
  gboolean  (*is_tick) (const GDate *date, guint n_days);
  const char *format;
} TickRule;

static gboolean
tick_every_day (const GDate *date, guint n_days)
{
  return TRUE;
}

static gboolean
tick_monday (const GDate *date, guint n_days)
{
  return g_date_get_weekday (date) == G_DATE_MONDAY;
}

static gboolean
tick_month (const GDate *date, guint n_days)
{
  return g_date_get_day (date) == 1;
}

static gboolean
tick_quarter (const GDate *date, guint n_days)
{
  return g_date_get_day (date) == 1 && (g_date_get_month (date) - 1) % 3 == 0;
}

static gboolean
tick_year (const GDate *date, guint n_days)
{
  return g_date_get_day (date) == 1 && g_date_get_month (date) == G_DATE_JANUARY;
}

static const char *
tick_format (gboolean (*is_tick) (const GDate *, guint),
             const GDate *date)
{
  if (is_tick == tick_every_day)
    /* TRANSLATORS: a day on the chart's time axis, strftime form: "Mon 3" */
    return _("%a %-d");
  if (is_tick == tick_monday)
    /* TRANSLATORS: a week's Monday on the chart's time axis, strftime form: "3 Mar" */
    return _("%-d %b");
  if (is_tick == tick_year)
    return "%Y";
  if (g_date_get_month (date) == G_DATE_JANUARY)
    /* TRANSLATORS: January on the chart's time axis, with the year: "Jan 2025" */
    return _("%b %Y");
  /* TRANSLATORS: a month on the chart's time axis: "Mar" */
  return _("%b");
}

static void
draw_time_axis (cairo_t                   *cr,
                PangoLayout               *layout,
                const UnknotTrendGeometry *g,
                const UnknotTrendDay      *days,
                const UnknotChartStyle    *style)
{
  static gboolean (* const rules[]) (const GDate *, guint) = {
    tick_every_day, tick_monday, tick_month, tick_quarter, tick_year,
  };
  double day_width = g->width / g->n_days;
  double label_width;
  guint rule = 0;
  double last_right = -G_MAXDOUBLE;
  GDate date;

  /* The finest rule whose labels have room: a label is about as wide as
   * "Mon 30"; a day, week, month, quarter or year apart. */
  unknot_chart_text_size (layout, "Wed 30", &label_width, NULL);
  if (day_width * 1 < label_width + 6)
    rule = 1;
  if (rule == 1 && day_width * 7 < label_width + 6)
    rule = 2;
  if (rule == 2 && day_width * 30 < label_width + 6)
    rule = 3;
  if (rule == 3 && day_width * 91 < label_width + 6)
    rule = 4;

  g_date_clear (&date, 1);
  unknot_chart_set_color (cr, &style->foreground, 0.75);
  for (guint i = 0; i < g->n_days; i++)
    {
      g_autofree char *text = NULL;
      double x, width;

      g_date_set_julian (&date, days[i].julian);
      if (!rules[rule] (&date, g->n_days))
        continue;
      x = day_x (g, i);
      text = unknot_chart_format_date (days[i].julian, tick_format (rules[rule], &date));
      unknot_chart_text_size (layout, text, &width, NULL);
      cairo_rectangle (cr, round (x) - 0.5, g->y + g->height, 1, 4);
      cairo_fill (cr);
      /* Labels never overlap or run off the edge: one that would is left
       * out, its tick kept. */
      if (x - width / 2 < last_right + 6 || x - width / 2 < 0 || x + width / 2 > g->x + g->width + PAD)
        continue;
      unknot_chart_draw_text (cr, layout, text, x, g->y + g->height + 5, 0.5, 0);
      last_right = x + width / 2;
    }
}

static void
draw_legend (cairo_t                *cr,
             PangoLayout            *layout,
             double                  x,
             double                  y,
             double                  right,
             const UnknotChartStyle *style)
{
  const char *daily = _("Day’s average");
  const char *weekly = _("7-day average");
  double text_h, w1, w2;

  unknot_chart_text_size (layout, weekly, &w2, &text_h);
  unknot_chart_text_size (layout, daily, &w1, NULL);

  /* Right-aligned, so the axis title on the left keeps its room. */
  x = MAX (x, right - (12 + w1 + 14 + 22 + w2));

  unknot_chart_set_color (cr, &style->foreground, 0.8);
  cairo_arc (cr, x + 4, y + text_h / 2, 3, 0, 2 * G_PI);
  cairo_fill (cr);
  unknot_chart_set_color (cr, &style->foreground, 0.8);
  x += 12 + unknot_chart_draw_text (cr, layout, daily, x + 12, y, 0, 0) + 14;

  unknot_chart_set_color (cr, &style->accent, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_move_to (cr, x, y + text_h / 2);
  cairo_line_to (cr, x + 18, y + text_h / 2);
  cairo_stroke (cr);
  unknot_chart_set_color (cr, &style->foreground, 0.8);
  unknot_chart_draw_text (cr, layout, weekly, x + 22, y, 0, 0);
}

/* Daily means as dots with min–max whiskers while a day has a few pixels;
 * with less room, one bar per pixel column from the lowest to the highest
 * daily mean in it, so three years cost ~1,000 rectangles, not 100,000
 * dots. */
static void
draw_days (cairo_t                   *cr,
           const UnknotTrendGeometry *g,
           const UnknotTrendDay      *days,
           const UnknotChartStyle    *style)
{
  double day_width = g->width / g->n_days;

  if (day_width >= 3)
    {
      double radius = CLAMP (day_width * 0.3, 1.5, 3.5);

      unknot_chart_set_color (cr, &style->foreground, 0.3);
      cairo_set_line_width (cr, CLAMP (day_width * 0.15, 1, 2));
      for (guint i = 0; i < g->n_days; i++)
        if (days[i].n_entries > 0 && days[i].max > days[i].min)
          {
            double x = day_x (g, i);
            cairo_move_to (cr, x, value_y (g, days[i].min));
            cairo_line_to (cr, x, value_y (g, days[i].max));
          }
      cairo_stroke (cr);

      unknot_chart_set_color (cr, &style->foreground, 0.8);
      for (guint i = 0; i < g->n_days; i++)
        if (days[i].n_entries > 0)
          {
            double x = day_x (g, i);
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, value_y (g, days[i].mean), radius, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      return;
    }

  {
    int column = G_MININT;
    double lo = 0, hi = 0;

    unknot_chart_set_color (cr, &style->foreground, 0.55);
    for (guint i = 0; i <= g->n_days; i++)
      {
        int c = i < g->n_days ? (int) floor (day_x (g, i)) : G_MAXINT;

        if (c != column && column != G_MININT)
          {
            double top = value_y (g, hi) - 1;
            cairo_rectangle (cr, column, top, 1.5, value_y (g, lo) + 1 - top);
            column = G_MININT;
          }
        if (i == g->n_days || days[i].n_entries == 0)
          continue;
        if (column == G_MININT)
          {
            column = c;
            lo = hi = days[i].mean;
          }
        lo = MIN (lo, days[i].mean);
        hi = MAX (hi, days[i].mean);
      }
    cairo_fill (cr);
  }
}

/* The 7-day average, broken where there is none.  Where days are denser
 * than 2 px, a vertex every 2 px and bevel joins: the line is smooth at
 * that scale anyway, and round joins on a thousand vertices are most of
 * what a three-year chart costs to stroke. */
static void
draw_average (cairo_t                   *cr,
              const UnknotTrendGeometry *g,
              const UnknotTrendDay      *days,
              const UnknotChartStyle    *style)
{
  double day_width = g->width / g->n_days;
  double spacing = day_width < 2 ? 2 : 0;
  gboolean drawing = FALSE;
  double last_x = 0, pending_x = 0, pending_y = 0;
  gboolean pending = FALSE;

  unknot_chart_set_color (cr, &style->accent, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, day_width >= 4 ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < g->n_days; i++)
    {
      double x, y;

      if (isnan (days[i].average))
        {
          /* A run ends at its last day, drawn or not. */
          if (pending)
            cairo_line_to (cr, pending_x, pending_y);
          drawing = pending = FALSE;
          continue;
        }
      x = day_x (g, i);
      y = value_y (g, days[i].average);
      if (!drawing)
        {
          cairo_move_to (cr, x, y);
          /* A lone day still shows as a short dash. */
          cairo_line_to (cr, x + 0.01, y);
          drawing = TRUE;
          last_x = x;
          pending = FALSE;
        }
      else if (x - last_x >= spacing)
        {
          cairo_line_to (cr, x, y);
          last_x = x;
          pending = FALSE;
        }
      else
        {
          pending_x = x;
          pending_y = y;
          pending = TRUE;
        }
    }
  if (pending)
    cairo_line_to (cr, pending_x, pending_y);
  cairo_stroke (cr);
}

void
unknot_chart_trend_draw (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const UnknotTrendDay   *days,
                         guint                   n_days,
                         const UnknotChartStyle *style,
                         UnknotTrendGeometry    *geometry)
{
  g_autoptr(PangoLayout) layout = NULL;
  UnknotTrendGeometry g = { 0 };
  double text_h, label_w;
  gboolean any = FALSE;
  guint step;

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      unknot_chart_set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }

  layout = unknot_chart_create_layout (cr, style, 1.0);
  unknot_chart_text_size (layout, "10", &label_w, &text_h);

  g.x = PAD + label_w + 6;
  g.y = PAD + text_h + 12;
  g.width = MAX (1, width - g.x - PAD - 8);
  g.height = MAX (1, height - g.y - text_h - 8 - PAD);
  g.n_days = n_days;

  /* Axis title and legend. */
  unknot_chart_set_color (cr, &style->foreground, 0.8);
  unknot_chart_draw_text (cr, layout, _("Pain (0–10)"), PAD, PAD, 0, 0);
  draw_legend (cr, layout, PAD + 90, PAD, width - PAD, style);

  /* Grid: every 2 points, every 5 where that would crowd. */
  step = g.height < 6 * (text_h + 2) ? 5 : 2;
  for (guint v = 0; v <= 10; v += step)
    {
      g_autofree char *label = g_strdup_printf ("%u", v);
      double y = round (value_y (&g, v)) + 0.5;

      unknot_chart_set_color (cr, &style->foreground, v == 0 ? 0.45 : 0.12);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, g.x, y);
      cairo_line_to (cr, g.x + g.width, y);
      cairo_stroke (cr);
      unknot_chart_set_color (cr, &style->foreground, 0.75);
      unknot_chart_draw_text (cr, layout, label, g.x - 6, y, 1, 0.5);
    }

  if (n_days > 0)
    {
      draw_time_axis (cr, layout, &g, days, style);
      for (guint i = 0; i < n_days && !any; i++)
        any = days[i].n_entries > 0;
    }
  if (any)
    {
      draw_days (cr, &g, days, style);
      draw_average (cr, &g, days, style);
    }
  else
    {
      unknot_chart_set_color (cr, &style->foreground, 0.6);
      unknot_chart_draw_text (cr, layout, _("No pain entries in this range"),
                              g.x + g.width / 2, g.y + g.height / 2, 0.5, 0.5);
    }

  cairo_restore (cr);
  if (geometry != NULL)
    *geometry = g;
}

int
unknot_chart_trend_hit (const UnknotTrendGeometry *g,
                        double                     x,
                        double                     y)
{
  int index;

  if (g->n_days == 0 || x < g->x || x >= g->x + g->width || y < g->y - 8 || y > g->y + g->height + 8)
    return -1;
  index = (int) ((x - g->x) / g->width * g->n_days);
  return CLAMP (index, 0, (int) g->n_days - 1);
}

/* The mean of the daily means of days [from, to] that have entries. */
static double
mean_of_days (const UnknotTrendDay *days,
              guint                 from,
              guint                 to,
              guint                *n_with)
{
  double sum = 0;
  guint n = 0;

  for (guint i = from; i <= to; i++)
    if (days[i].n_entries > 0)
      {
        sum += days[i].mean;
        n++;
      }
  if (n_with != NULL)
    *n_with = n;
  return n > 0 ? sum / n : NAN;
}

char *
unknot_chart_trend_describe (const UnknotTrendDay *days,
                             guint                 n_days,
                             const char           *range_name)
{
  g_autofree char *average = NULL;
  guint first = G_MAXUINT, last = 0, n_with;
  double mean;

  for (guint i = 0; i < n_days; i++)
    if (days[i].n_entries > 0)
      {
        first = MIN (first, i);
        last = i;
      }
  if (first == G_MAXUINT)
    /* TRANSLATORS: %s is a range such as "Last 30 days" */
    return g_strdup_printf (_("%s: no pain entries."), range_name);

  mean = mean_of_days (days, first, last, &n_with);
  average = unknot_chart_format_score (mean);
  if (last - first + 1 >= 14)
    {
      g_autofree char *start = unknot_chart_format_score (mean_of_days (days, first, first + 6, NULL));
      g_autofree char *end = unknot_chart_format_score (mean_of_days (days, last - 6, last, NULL));

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* TRANSLATORS: "Last 30 days: average 4.2 on 18 days with entries, from 5.1 in the first week to 3.6 in the last." */
                                           "%s: average %s on %u day with entries, from %s in the first week to %s in the last.",
                                           "%s: average %s on %u days with entries, from %s in the first week to %s in the last.",
                                           n_with),
                              range_name, average, n_with, start, end);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: "Last 7 days: average 4.2 on 5 days with entries." */
                                       "%s: average %s on %u day with entries.",
                                       "%s: average %s on %u days with entries.",
                                       n_with),
                          range_name, average, n_with);
}

char *
unknot_chart_trend_describe_day (const UnknotTrendDay *day)
{
  /* TRANSLATORS: a day in a tooltip, strftime form: "Tuesday 4 March 2025" */
  g_autofree char *date = unknot_chart_format_date (day->julian, _("%A %-d %B %Y"));
  g_autofree char *mean = NULL;
  g_autofree char *average = NULL;

  if (!isnan (day->average))
    average = unknot_chart_format_score (day->average);
  if (day->n_entries == 0)
    {
      if (average == NULL)
        /* TRANSLATORS: "Tuesday 4 March 2025: no entries" */
        return g_strdup_printf (_("%s: no entries"), date);
      /* TRANSLATORS: "Tuesday 4 March 2025: no entries; 7-day average 4.6" */
      return g_strdup_printf (_("%s: no entries; 7-day average %s"), date, average);
    }
  mean = unknot_chart_format_score (day->mean);
  if (day->min == day->max)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* TRANSLATORS: "Tuesday 4 March 2025: 5.0 (1 entry); 7-day average 4.6" */
                                         "%s: %s (%u entry); 7-day average %s",
                                         "%s: %s (%u entries); 7-day average %s",
                                         day->n_entries),
                            date, mean, day->n_entries, average != NULL ? average : "—");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: "Tuesday 4 March 2025: 5.0 (2 entries, 4 to 6); 7-day average 4.6" */
                                       "%s: %s (%u entry, %d to %d); 7-day average %s",
                                       "%s: %s (%u entries, %d to %d); 7-day average %s",
                                       day->n_entries),
                          date, mean, day->n_entries, day->min, day->max, average != NULL ? average : "—");
}
