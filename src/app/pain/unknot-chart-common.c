/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-chart-common.h"

void
unknot_chart_style_init_print (UnknotChartStyle *style)
{
  *style = (UnknotChartStyle) {
    .foreground = { 0.1f, 0.1f, 0.1f, 1.0f },
    .accent = { 0.11f, 0.36f, 0.70f, 1.0f },
    .background = { 1.0f, 1.0f, 1.0f, 0.0f },
    .font = "Sans 8",
    .resolution = 72,
  };
}

void
unknot_chart_set_color (cairo_t       *cr,
                        const GdkRGBA *color,
                        double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

PangoLayout *
unknot_chart_create_layout (cairo_t                *cr,
                            const UnknotChartStyle *style,
                            double                  scale)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 9");

  if (scale != 1.0)
    {
      int size = pango_font_description_get_size (font);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  if (style->resolution > 0)
    {
      pango_cairo_context_set_resolution (pango_layout_get_context (layout), style->resolution);
      pango_layout_context_changed (layout);
    }
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

void
unknot_chart_text_size (PangoLayout *layout,
                        const char  *text,
                        double      *width,
                        double      *height)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
}

double
unknot_chart_draw_text (cairo_t     *cr,
                        PangoLayout *layout,
                        const char  *text,
                        double       x,
                        double       y,
                        double       xalign,
                        double       yalign)
{
  double width, height;

  unknot_chart_text_size (layout, text, &width, &height);
  cairo_move_to (cr, x - width * xalign, y - height * yalign);
  pango_cairo_show_layout (cr, layout);
  return width;
}

char *
unknot_chart_format_score (double value)
{
  return g_strdup_printf ("%.1f", value);
}

char *
unknot_chart_format_date (guint32     julian,
                          const char *format)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  return g_date_time_format (time, format);
}
