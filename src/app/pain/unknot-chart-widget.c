/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-chart-widget.h"

G_DEFINE_ENUM_TYPE (UnknotChartKind, unknot_chart_kind,
                    G_DEFINE_ENUM_VALUE (UNKNOT_CHART_KIND_TREND, "trend"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CHART_KIND_EFFECT, "effect"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CHART_KIND_CALENDAR, "calendar"))

struct _UnknotChart
{
  GtkWidget               parent_instance;

  UnknotChartKind         kind;
  GArray                 *days;      /* UnknotTrendDay or UnknotCalendarDay */
  GArray                 *bars;      /* UnknotEffectBar, titles owned */
  char                   *description;
  char                   *font;
  UnknotTrendGeometry     trend_geometry;
  UnknotCalendarGeometry  calendar_geometry;
};

G_DEFINE_FINAL_TYPE (UnknotChart, unknot_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_bar (gpointer data)
{
  UnknotEffectBar *bar = data;

  g_free ((char *) bar->title);
}

/* The theme's colours and font, so the chart follows light and dark. */
static void
style_from_widget (UnknotChart      *self,
                   UnknotChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  unknot_chart_style_init_print (style);
  gtk_style_context_get_color (context, &style->foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &style->accent))
    style->accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.0f };
  style->background.alpha = 0;
  style->resolution = 0;
  g_free (self->font);
  self->font = font != NULL ? pango_font_description_to_string (font) : NULL;
  style->font = self->font;
}

static void
unknot_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  UnknotChart *self = UNKNOT_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  UnknotChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  style_from_widget (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case UNKNOT_CHART_KIND_TREND:
      unknot_chart_trend_draw (cr, width, height,
                               self->days != NULL ? (const UnknotTrendDay *) (gpointer) self->days->data : NULL,
                               self->days != NULL ? self->days->len : 0,
                               &style, &self->trend_geometry);
      break;
    case UNKNOT_CHART_KIND_EFFECT:
      unknot_chart_effect_draw (cr, width, height,
                                (const UnknotEffectBar *) (gpointer) self->bars->data, self->bars->len, &style);
      break;
    case UNKNOT_CHART_KIND_CALENDAR:
    default:
      unknot_chart_calendar_draw (cr, width, height,
                                  self->days != NULL ? (const UnknotCalendarDay *) (gpointer) self->days->data : NULL,
                                  self->days != NULL ? self->days->len : 0,
                                  &style, &self->calendar_geometry);
      break;
    }
  cairo_destroy (cr);
}

static GtkSizeRequestMode
unknot_chart_get_request_mode (GtkWidget *widget)
{
  return UNKNOT_CHART (widget)->kind == UNKNOT_CHART_KIND_CALENDAR ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                                   : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
unknot_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  UnknotChart *self = UNKNOT_CHART (widget);
  UnknotChartStyle style;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
      return;
    }

  style_from_widget (self, &style);
  switch (self->kind)
    {
    case UNKNOT_CHART_KIND_TREND:
      *minimum = 180;
      *natural = 260;
      break;
    case UNKNOT_CHART_KIND_EFFECT:
      *minimum = *natural = (int) ceil (unknot_chart_effect_get_height (&style, self->bars->len));
      break;
    case UNKNOT_CHART_KIND_CALENDAR:
    default:
      {
        guint n_days = self->days != NULL ? self->days->len : 0;
        guint n_weeks = MAX (1, (n_days + 6 + 6) / 7);
        double width = for_size > 0 ? for_size : 600;

        *minimum = *natural = (int) ceil (unknot_chart_calendar_get_height (&style, width, n_weeks));
      }
      break;
    }
}

static gboolean
unknot_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  UnknotChart *self = UNKNOT_CHART (widget);
  g_autofree char *text = NULL;
  int index;

  if (keyboard || self->days == NULL)
    return FALSE;
  if (self->kind == UNKNOT_CHART_KIND_TREND)
    {
      index = unknot_chart_trend_hit (&self->trend_geometry, x, y);
      if (index >= 0 && (guint) index < self->days->len)
        text = unknot_chart_trend_describe_day (&g_array_index (self->days, UnknotTrendDay, index));
    }
  else if (self->kind == UNKNOT_CHART_KIND_CALENDAR)
    {
      index = unknot_chart_calendar_hit (&self->calendar_geometry, x, y);
      if (index >= 0 && (guint) index < self->days->len)
        text = unknot_chart_calendar_describe_day (&g_array_index (self->days, UnknotCalendarDay, index));
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
unknot_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (unknot_chart_parent_class)->css_changed (widget, change);
  /* Dark mode and accent changes arrive here. */
  gtk_widget_queue_draw (widget);
}

static void
unknot_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UnknotChart *self = UNKNOT_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UnknotChart *self = UNKNOT_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_chart_finalize (GObject *object)
{
  UnknotChart *self = UNKNOT_CHART (object);

  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_free (self->description);
  g_free (self->font);
  G_OBJECT_CLASS (unknot_chart_parent_class)->finalize (object);
}

static void
unknot_chart_class_init (UnknotChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_chart_finalize;
  object_class->get_property = unknot_chart_get_property;
  object_class->set_property = unknot_chart_set_property;
  widget_class->snapshot = unknot_chart_snapshot;
  widget_class->measure = unknot_chart_measure;
  widget_class->get_request_mode = unknot_chart_get_request_mode;
  widget_class->query_tooltip = unknot_chart_query_tooltip;
  widget_class->css_changed = unknot_chart_css_changed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, UNKNOT_TYPE_CHART_KIND, UNKNOT_CHART_KIND_TREND,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_chart_init (UnknotChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (UnknotEffectBar));
  g_array_set_clear_func (self->bars, clear_bar);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

UnknotChartKind
unknot_chart_get_kind (UnknotChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHART (self), UNKNOT_CHART_KIND_TREND);
  return self->kind;
}

void
unknot_chart_set_trend (UnknotChart *self,
                        GArray      *days)
{
  g_return_if_fail (UNKNOT_IS_CHART (self));
  g_return_if_fail (self->kind == UNKNOT_CHART_KIND_TREND);

  g_clear_pointer (&self->days, g_array_unref);
  self->days = days != NULL ? g_array_ref (days) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
unknot_chart_set_effects (UnknotChart           *self,
                          const UnknotEffectBar *bars,
                          guint                  n_bars)
{
  g_return_if_fail (UNKNOT_IS_CHART (self));
  g_return_if_fail (self->kind == UNKNOT_CHART_KIND_EFFECT);

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n_bars; i++)
    {
      UnknotEffectBar copy = bars[i];

      copy.title = g_strdup (bars[i].title);
      g_array_append_val (self->bars, copy);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
unknot_chart_set_calendar (UnknotChart *self,
                           GArray      *days)
{
  g_return_if_fail (UNKNOT_IS_CHART (self));
  g_return_if_fail (self->kind == UNKNOT_CHART_KIND_CALENDAR);

  g_clear_pointer (&self->days, g_array_unref);
  self->days = days != NULL ? g_array_ref (days) : NULL;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
unknot_chart_set_description (UnknotChart *self,
                              const char  *description)
{
  g_return_if_fail (UNKNOT_IS_CHART (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

const char *
unknot_chart_get_description (UnknotChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHART (self), NULL);
  return self->description;
}
