/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-chart-effect.h"

#define PAD 4.0
#define TRACK 16.0

static double
text_height (const UnknotChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = unknot_chart_create_layout (cr, style, 1.0);
  double height;

  unknot_chart_text_size (layout, "Ag", NULL, &height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

static double
row_height (double text_h)
{
  return text_h + 4 + TRACK + 10;
}

double
unknot_chart_effect_get_height (const UnknotChartStyle *style,
                                guint                   n_bars)
{
  double text_h = text_height (style);

  /* Legend, rows, scale. */
  return PAD + text_h + 8 + n_bars * row_height (text_h) + text_h + 8 + PAD;
}

static void
ring (cairo_t *cr, double x, double y, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

void
unknot_chart_effect_draw (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const UnknotEffectBar  *bars,
                          guint                   n_bars,
                          const UnknotChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_h, x0, x1, y, legend_x;
  const char *before = _("Before");
  const char *after = _("After");

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      unknot_chart_set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }
  layout = unknot_chart_create_layout (cr, style, 1.0);
  unknot_chart_text_size (layout, "Ag", NULL, &text_h);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  x0 = PAD + 8;
  x1 = width - PAD - 8;

  /* Legend: a ring is before, a dot after. */
  y = PAD;
  legend_x = PAD;
  unknot_chart_set_color (cr, &style->foreground, 0.85);
  cairo_set_line_width (cr, 2);
  ring (cr, legend_x + 5, y + text_h / 2, 4);
  cairo_stroke (cr);
  legend_x += 14 + unknot_chart_draw_text (cr, layout, before, legend_x + 14, y, 0, 0) + 16;
  unknot_chart_set_color (cr, &style->accent, 1);
  ring (cr, legend_x + 5, y + text_h / 2, 5);
  cairo_fill (cr);
  unknot_chart_set_color (cr, &style->foreground, 0.85);
  unknot_chart_draw_text (cr, layout, after, legend_x + 14, y, 0, 0);
  y += text_h + 8;

  for (guint i = 0; i < n_bars; i++)
    {
      const UnknotEffectBar *bar = &bars[i];
      gboolean enough = bar->kind != UNKNOT_EFFECT_KIND_NOT_ENOUGH_DATA;
      double fade = enough ? 1.0 : 0.45;
      g_autofree char *values = unknot_chart_effect_format_values (bar);
      double values_w, track_y, bx, ax;

      /* Title on the left, the numbers on the right of the same line. */
      unknot_chart_text_size (layout, values, &values_w, NULL);
      unknot_chart_set_color (cr, &style->foreground, 0.9 * fade + 0.1);
      unknot_chart_draw_text (cr, layout, values, x1, y, 1, 0);
      pango_layout_set_width (layout, (int) (MAX (10, x1 - x0 - values_w - 12) * PANGO_SCALE));
      unknot_chart_draw_text (cr, layout, bar->title, x0, y, 0, 0);
      pango_layout_set_width (layout, -1);

      track_y = y + text_h + 4 + TRACK / 2;
      /* The 0–10 track, with faint marks every 2 points. */
      unknot_chart_set_color (cr, &style->foreground, 0.12);
      cairo_set_line_width (cr, 1);
      for (int v = 0; v <= 10; v += 2)
        {
          double x = round (x0 + v / 10.0 * (x1 - x0)) + 0.5;
          cairo_move_to (cr, x, track_y - TRACK / 2);
          cairo_line_to (cr, x, track_y + TRACK / 2);
        }
      cairo_stroke (cr);

      bx = x0 + bar->before / 10.0 * (x1 - x0);
      ax = x0 + bar->after / 10.0 * (x1 - x0);

      /* The arrow from before to after. */
      unknot_chart_set_color (cr, &style->accent, fade);
      cairo_set_line_width (cr, 3);
      if (fabs (ax - bx) > 12)
        {
          double dir = ax > bx ? 1 : -1;
          cairo_move_to (cr, bx + dir * 6, track_y);
          cairo_line_to (cr, ax - dir * 9, track_y);
          cairo_stroke (cr);
          cairo_move_to (cr, ax - dir * 5, track_y);
          cairo_line_to (cr, ax - dir * 12, track_y - 5);
          cairo_line_to (cr, ax - dir * 12, track_y + 5);
          cairo_close_path (cr);
          cairo_fill (cr);
        }

      unknot_chart_set_color (cr, &style->accent, fade);
      ring (cr, ax, track_y, 5.5);
      cairo_fill (cr);
      unknot_chart_set_color (cr, &style->foreground, 0.9 * fade);
      cairo_set_line_width (cr, 2);
      ring (cr, bx, track_y, 5);
      cairo_stroke (cr);

      y += row_height (text_h);
    }

  /* The scale under the rows. */
  unknot_chart_set_color (cr, &style->foreground, 0.75);
  for (int v = 0; v <= 10; v += 2)
    {
      g_autofree char *label = g_strdup_printf ("%d", v);
      unknot_chart_draw_text (cr, layout, label, x0 + v / 10.0 * (x1 - x0), y + 2, 0.5, 0);
    }

  cairo_restore (cr);
}

char *
unknot_chart_effect_format_values (const UnknotEffectBar *bar)
{
  g_autofree char *before = unknot_chart_format_score (bar->before);
  g_autofree char *after = unknot_chart_format_score (bar->after);

  /* TRANSLATORS: mean pain before and after a routine's sessions: "5.1 → 3.0" */
  return g_strdup_printf (_("%s → %s"), before, after);
}

char *
unknot_chart_effect_describe (const UnknotEffectBar *bar)
{
  double change = bar->after - bar->before;
  g_autofree char *points = unknot_chart_format_score (fabs (change));
  guint n = bar->n_sessions;

  switch (bar->kind)
    {
    case UNKNOT_EFFECT_KIND_NOT_ENOUGH_DATA:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* TRANSLATORS: "Not enough data yet (2 sessions; 3 needed)" */
                                           "Not enough data yet (%u session; %u needed)",
                                           "Not enough data yet (%u sessions; %u needed)", n),
                              n, bar->n_needed);
    case UNKNOT_EFFECT_KIND_IMPROVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Lowered your pain by %s points on average over %u session — "
                                           "a change that usually counts as meaningful",
                                           "Lowered your pain by %s points on average over %u sessions — "
                                           "a change that usually counts as meaningful", n),
                              points, n);
    case UNKNOT_EFFECT_KIND_WORSE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Your pain was %s points higher afterwards on average over %u session. "
                                           "Use lighter pressure, and ask a clinician if it keeps happening.",
                                           "Your pain was %s points higher afterwards on average over %u sessions. "
                                           "Use lighter pressure, and ask a clinician if it keeps happening.", n),
                              points, n);
    case UNKNOT_EFFECT_KIND_LITTLE_CHANGE:
    default:
      break;
    }

  /* Rounded to what is shown: a change that prints as 0.0 is none. */
  if (round (fabs (change) * 10) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No change in your pain on average over %u session",
                                         "No change in your pain on average over %u sessions", n),
                            n);
  if (change < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Lowered your pain by %s points on average over %u session — "
                                         "smaller than the 2-point change that usually counts as meaningful",
                                         "Lowered your pain by %s points on average over %u sessions — "
                                         "smaller than the 2-point change that usually counts as meaningful", n),
                            points, n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Raised your pain by %s points on average over %u session — "
                                       "smaller than the 2-point change that usually counts as meaningful",
                                       "Raised your pain by %s points on average over %u sessions — "
                                       "smaller than the 2-point change that usually counts as meaningful", n),
                          points, n);
}
