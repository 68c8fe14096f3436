/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-chart-calendar.h"

#define PAD 4.0
#define MAX_CELL 34.0

typedef struct
{
  double left;    /* weekday labels */
  double top;     /* month labels */
  double bottom;  /* legend */
  double text_h;
} Margins;

static void
measure (PangoLayout *layout,
         guint32      monday,
         Margins     *m)
{
  double widest = 0;

  for (guint i = 0; i < 7; i += 2)
    {
      g_autofree char *name = unknot_chart_format_date (monday + i, "%a");
      double w;

      unknot_chart_text_size (layout, name, &w, &m->text_h);
      widest = MAX (widest, w);
    }
  m->left = PAD + widest + 6;
  m->top = PAD + m->text_h + 4;
  m->bottom = m->text_h + 12 + PAD;
}

static guint
weekday_offset (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_weekday (&date) - G_DATE_MONDAY;
}

static void
measure_without_surface (const UnknotChartStyle *style,
                         Margins                *m)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = unknot_chart_create_layout (cr, style, 1.0);
  GDate monday;

  /* 1 January 2024 was a Monday. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 1, G_DATE_JANUARY, 2024);
  measure (layout, g_date_get_julian (&monday), m);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

double
unknot_chart_calendar_get_height (const UnknotChartStyle *style,
                                  double                  width,
                                  guint                   n_weeks)
{
  Margins m;
  double cell;

  measure_without_surface (style, &m);
  cell = MIN (floor ((width - m.left - PAD) / MAX (n_weeks, 1)), MAX_CELL);
  cell = MAX (cell, 8);
  return m.top + 7 * cell + m.bottom;
}

static void
square (cairo_t *cr, double x, double y, double size)
{
  double r = MIN (3, size / 5);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + size - r, y + size - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + size - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Black or white, whichever reads better on @color. */
static GdkRGBA
text_on (const GdkRGBA *color)
{
  double luminance = 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;

  return luminance > 0.55 ? (GdkRGBA) { 0, 0, 0, 0.9f } : (GdkRGBA) { 1, 1, 1, 1 };
}

static void
draw_day (cairo_t                 *cr,
          PangoLayout             *layout,
          double                   x,
          double                   y,
          double                   size,
          const UnknotCalendarDay *day,
          gboolean                 today,
          const UnknotChartStyle  *style)
{
  GdkRGBA ink = style->foreground;

  if (day->sessions > 0)
    {
      /* Nearly opaque, so the count reads against it; more sessions, a
       * little darker, for cells too small for the count. */
      unknot_chart_set_color (cr, &style->accent, day->sessions == 1 ? 0.82 : day->sessions == 2 ? 0.91 : 1.0);
      square (cr, x, y, size);
      cairo_fill (cr);
      ink = text_on (&style->accent);
      if (size >= 14)
        {
          g_autofree char *count = g_strdup_printf ("%u", day->sessions);
          unknot_chart_set_color (cr, &ink, 1);
          unknot_chart_draw_text (cr, layout, count, x + size / 2, y + size / 2, 0.5, 0.5);
        }
    }
  unknot_chart_set_color (cr, &style->foreground, today ? 0.85 : 0.25);
  cairo_set_line_width (cr, today ? 2 : 1);
  square (cr, x + 0.5, y + 0.5, size - 1);
  cairo_stroke (cr);

  if (day->reminders_taken > 0)
    {
      double r = MAX (1.5, size * 0.12);
      unknot_chart_set_color (cr, &ink, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + size - r - 2.5, y + r + 2.5, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

void
unknot_chart_calendar_draw (cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            const UnknotCalendarDay *days,
                            guint                    n_days,
                            const UnknotChartStyle  *style,
                            UnknotCalendarGeometry  *geometry)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) small = NULL;
  UnknotCalendarGeometry g = { 0 };
  Margins m;
  guint n_weeks;
  guint32 monday;
  double size, legend_x, legend_y, box;
  int last_month = -1;
  double last_label_right = -G_MAXDOUBLE;

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      unknot_chart_set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }
  if (n_days == 0)
    {
      cairo_restore (cr);
      if (geometry != NULL)
        *geometry = g;
      return;
    }

  layout = unknot_chart_create_layout (cr, style, 1.0);
  small = unknot_chart_create_layout (cr, style, 0.85);
  g.offset = weekday_offset (days[0].julian);
  g.n_days = n_days;
  monday = days[0].julian - g.offset;
  n_weeks = (g.offset + n_days + 6) / 7;
  measure (layout, monday, &m);

  g.cell = floor (MIN ((width - m.left - PAD) / n_weeks, (height - m.top - m.bottom) / 7));
  g.cell = CLAMP (g.cell, 4, MAX_CELL);
  g.x = m.left;
  g.y = m.top;
  size = g.cell - MAX (2, round (g.cell * 0.12));

  /* Monday, Wednesday and Friday name their rows. */
  unknot_chart_set_color (cr, &style->foreground, 0.75);
  for (guint row = 0; row < 7; row += 2)
    {
      g_autofree char *name = unknot_chart_format_date (monday + row, "%a");
      unknot_chart_draw_text (cr, layout, name, g.x - 6, g.y + row * g.cell + size / 2, 1, 0.5);
    }

  for (guint i = 0; i < n_days; i++)
    {
      guint slot = g.offset + i;
      double x = g.x + (slot / 7) * g.cell;
      double y = g.y + (slot % 7) * g.cell;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, days[i].julian);
      /* A month's name over the week its first day falls in. */
      if ((int) g_date_get_month (&date) != last_month && (slot % 7 == 0 || i == 0))
        {
          g_autofree char *month = unknot_chart_format_date (days[i].julian, "%b");
          double w;

          unknot_chart_text_size (layout, month, &w, NULL);
          if (x >= last_label_right + 4 && x + w <= width)
            {
              unknot_chart_set_color (cr, &style->foreground, 0.75);
              unknot_chart_draw_text (cr, layout, month, x, PAD, 0, 0);
              last_label_right = x + w;
              last_month = (int) g_date_get_month (&date);
            }
        }
      draw_day (cr, small, x, y, size, &days[i], i + 1 == n_days, style);
    }

  /* Legend: what a filled square and a dot mean. */
  legend_y = g.y + 7 * g.cell + 6;
  legend_x = g.x;
  box = MIN (m.text_h, 14);
  {
    UnknotCalendarDay sample = { 0, 2, 0, 0 };
    draw_day (cr, small, legend_x, legend_y, box, &sample, FALSE, style);
  }
  unknot_chart_set_color (cr, &style->foreground, 0.85);
  legend_x += box + 5 + unknot_chart_draw_text (cr, layout, _("Sessions"), legend_x + box + 5, legend_y + box / 2, 0, 0.5) + 14;
  {
    UnknotCalendarDay sample = { 0, 0, 1, 1 };
    draw_day (cr, small, legend_x, legend_y, box, &sample, FALSE, style);
  }
  unknot_chart_set_color (cr, &style->foreground, 0.85);
  unknot_chart_draw_text (cr, layout, _("Break reminder taken"), legend_x + box + 5, legend_y + box / 2, 0, 0.5);

  cairo_restore (cr);
  if (geometry != NULL)
    *geometry = g;
}

int
unknot_chart_calendar_hit (const UnknotCalendarGeometry *g,
                           double                        x,
                           double                        y)
{
  int column, row, slot, index;

  if (g->n_days == 0 || g->cell <= 0 || x < g->x || y < g->y)
    return -1;
  column = (int) ((x - g->x) / g->cell);
  row = (int) ((y - g->y) / g->cell);
  if (row > 6)
    return -1;
  slot = column * 7 + row;
  index = slot - (int) g->offset;
  return index >= 0 && index < (int) g->n_days ? index : -1;
}

char *
unknot_chart_calendar_describe (const UnknotCalendarDay *days,
                                guint                    n_days)
{
  guint sessions = 0, active_days = 0, due = 0, taken = 0;
  guint n_weeks = (n_days + 6) / 7;
  g_autofree char *head = NULL;
  g_autofree char *session_part = NULL;
  g_autofree char *reminder_part = NULL;

  for (guint i = 0; i < n_days; i++)
    {
      sessions += days[i].sessions;
      active_days += days[i].sessions > 0;
      due += days[i].reminders_due;
      taken += days[i].reminders_taken;
    }

  head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In the last %u week", "In the last %u weeks", n_weeks), n_weeks);
  session_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* TRANSLATORS: "31 sessions on 23 of 84 days" */
                                               "%u session on %u of %u days",
                                               "%u sessions on %u of %u days", sessions),
                                  sessions, active_days, n_days);
  if (due == 0)
    reminder_part = g_strdup (_("no break reminders"));
  else
    reminder_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* TRANSLATORS: "12 of 40 break reminders taken" */
                                                  "%u of %u break reminder taken",
                                                  "%u of %u break reminders taken", due),
                                     taken, due);
  /* TRANSLATORS: "In the last 12 weeks: 31 sessions on 23 of 84 days; 12 of 40 break reminders taken." */
  return g_strdup_printf (_("%s: %s; %s."), head, session_part, reminder_part);
}

char *
unknot_chart_calendar_describe_day (const UnknotCalendarDay *day)
{
  /* TRANSLATORS: a day in a tooltip, strftime form: "Monday 3 March 2025" */
  g_autofree char *date = unknot_chart_format_date (day->julian, _("%A %-d %B %Y"));
  g_autofree char *sessions = NULL;

  if (day->sessions == 0)
    sessions = g_strdup (_("no sessions"));
  else
    sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", day->sessions), day->sessions);
  if (day->reminders_due == 0)
    /* TRANSLATORS: "Monday 3 March 2025: 2 sessions" */
    return g_strdup_printf (_("%s: %s"), date, sessions);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: "Monday 3 March 2025: 2 sessions; 1 of 2 break reminders taken" */
                                       "%s: %s; %u of %u break reminder taken",
                                       "%s: %s; %u of %u break reminders taken", day->reminders_due),
                          date, sessions, day->reminders_taken, day->reminders_due);
}
