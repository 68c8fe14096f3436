/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gdk/gdk.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The charts are plain cairo functions, draw (cr, width, height, data,
 * style), so the widgets on screen and the PDF report draw the very same
 * picture; only the style differs (the theme's colours on screen, black on
 * white on paper).  Nothing here needs a display. */

typedef struct
{
  GdkRGBA     foreground;  /* text, axes, the daily points, "before" */
  GdkRGBA     accent;      /* the 7-day average, "after", sessions */
  GdkRGBA     background;  /* painted behind the chart when alpha > 0 */
  const char *font;        /* a Pango font description; NULL: "Sans 9" */
  double      resolution;  /* dots per inch for font sizes; 0: Pango's
                            * default (96, as on screen); 72 on paper, so
                            * a point is a point */
} UnknotChartStyle;

/* Black text and a dark blue accent on white, for paper (72 dpi). */
void         unknot_chart_style_init_print (UnknotChartStyle *style);

/* Helpers the chart files share. */
void         unknot_chart_set_color        (cairo_t          *cr,
                                            const GdkRGBA    *color,
                                            double            alpha);
PangoLayout *unknot_chart_create_layout    (cairo_t          *cr,
                                            const UnknotChartStyle *style,
                                            double            scale);
/* Draws @text with its top-left corner at (@x, @y) aligned by @xalign and
 * @yalign (0 left/top, 0.5 centre, 1 right/bottom); returns its width. */
double       unknot_chart_draw_text        (cairo_t          *cr,
                                            PangoLayout      *layout,
                                            const char       *text,
                                            double            x,
                                            double            y,
                                            double            xalign,
                                            double            yalign);
void         unknot_chart_text_size        (PangoLayout      *layout,
                                            const char       *text,
                                            double           *width,
                                            double           *height);
/* "4.2" in the locale's way of writing numbers. */
char        *unknot_chart_format_score     (double            value);
/* A date as the charts label it, in a translatable strftime format. */
char        *unknot_chart_format_date      (guint32           julian,
                                            const char       *format);

G_END_DECLS
