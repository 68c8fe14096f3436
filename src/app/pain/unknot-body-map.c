/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-map.h"

/* The figure is drawn in a box of FIGURE_W × FIGURE_H units; everything
 * below is in those units, the user's left half first.  The right half is
 * the mirror image (x → FIGURE_W - x). */
#define FIGURE_W 100.0
#define FIGURE_H 128.0
#define MIN_FIGURE_WIDTH 170
#define NAT_FIGURE_WIDTH 300
#define MAX_FIGURE_WIDTH 340
#define LABEL_SPACING 6

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Left side of each area; unknot_pain_region_nth() order is neck left,
 * neck right, shoulder left, …, so area = index / 2. */
static const Box areas[] = {
  { 42.5, 18.5, 49.4, 29.0 },  /* neck */
  { 11.5, 29.0, 42.0, 42.5 },  /* shoulder */
  { 18.5, 42.5, 49.4, 62.5 },  /* upper back */
  { 21.0, 62.5, 49.4, 82.5 },  /* mid back */
  { 24.5, 82.5, 49.4, 105.0 }, /* lower back */
};

struct _UnknotBodyMap
{
  GtkWidget  parent_instance;

  GtkWidget *left_label;
  GtkWidget *right_label;
  GtkWidget *toggles[UNKNOT_PAIN_N_REGIONS];
  guint      regions;
  gboolean   syncing;
};

G_DEFINE_FINAL_TYPE (UnknotBodyMap, unknot_body_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REGIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Box
region_box (guint index)
{
  Box box = areas[index / 2];

  if (index % 2 == 1)
    {
      double x0 = FIGURE_W - box.x1;
      box.x1 = FIGURE_W - box.x0;
      box.x0 = x0;
    }
  return box;
}

/* Where the figure goes in a widget of @width × @height: its origin and
 * how many pixels a unit is. */
static void
figure_geometry (UnknotBodyMap *self,
                 int            width,
                 int            height,
                 double        *x,
                 double        *y,
                 double        *scale)
{
  int label_height = 0;
  double top;
  double available;

  gtk_widget_measure (self->left_label, GTK_ORIENTATION_VERTICAL, -1, NULL, &label_height, NULL, NULL);
  top = label_height + LABEL_SPACING;
  available = MAX (1.0, height - top);
  *scale = MIN (MIN (width, MAX_FIGURE_WIDTH) / FIGURE_W, available / FIGURE_H);
  *x = (width - FIGURE_W * *scale) / 2.0;
  *y = top;
}

static void
unknot_body_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  int left_min, left_nat, right_min, right_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->left_label, orientation, -1, &left_min, &left_nat, NULL, NULL);
      gtk_widget_measure (self->right_label, orientation, -1, &right_min, &right_nat, NULL, NULL);
      *minimum = MAX (MIN_FIGURE_WIDTH, left_min + right_min + 12);
      *natural = MAX (NAT_FIGURE_WIDTH, left_nat + right_nat + 12);
    }
  else
    {
      int label_height = 0;

      gtk_widget_measure (self->left_label, orientation, -1, NULL, &label_height, NULL, NULL);
      /* For a known width, the height the figure needs at that width (up
       * to its natural width) is the minimum too: a scrolled window hands
       * out minimum heights, and the figure keeps its proportions. */
      if (for_size < 0)
        {
          *minimum = label_height + LABEL_SPACING + (int) (MIN_FIGURE_WIDTH * FIGURE_H / FIGURE_W);
          *natural = label_height + LABEL_SPACING + (int) (NAT_FIGURE_WIDTH * FIGURE_H / FIGURE_W);
        }
      else
        *minimum = *natural = label_height + LABEL_SPACING
                              + (int) (CLAMP (for_size, MIN_FIGURE_WIDTH, NAT_FIGURE_WIDTH) * FIGURE_H / FIGURE_W);
    }
}

static GtkSizeRequestMode
unknot_body_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
allocate_label (GtkWidget *label,
                double     x,
                double     width_limit,
                gboolean   align_right)
{
  int min, nat, height;
  int width;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  width = MAX (min, MIN (nat, (int) width_limit));
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  gtk_widget_size_allocate (label,
                            &(GtkAllocation) { align_right ? (int) (x - width) : (int) x, 0, width, height },
                            -1);
}

static void
unknot_body_map_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  double x, y, scale;

  figure_geometry (self, width, height, &x, &y, &scale);
  allocate_label (self->left_label, MAX (0.0, x), width / 2.0 - 6, FALSE);
  allocate_label (self->right_label, MIN ((double) width, x + FIGURE_W * scale), width / 2.0 - 6, TRUE);

  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    {
      Box box = region_box (i);
      int x0 = (int) (x + box.x0 * scale + 0.5);
      int y0 = (int) (y + box.y0 * scale + 0.5);
      int x1 = (int) (x + box.x1 * scale + 0.5);
      int y1 = (int) (y + box.y1 * scale + 0.5);
      int min_w, min_h;

      /* Regions are flat CSS boxes with no content; never hand them less
       * than they ask for. */
      gtk_widget_measure (self->toggles[i], GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (self->toggles[i], GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->toggles[i],
                                &(GtkAllocation) { x0, y0, MAX (x1 - x0, min_w), MAX (y1 - y0, min_h) },
                                -1);
    }
}

/* Drawing */

static void
mirror_path (cairo_t *cr,
             const double (*points)[2],
             guint n_points,
             gboolean mirror)
{
  /* points: a move-to, then curve-to triples. */
  double m = mirror ? -1.0 : 1.0;
  double o = mirror ? FIGURE_W : 0.0;

  cairo_move_to (cr, o + m * points[0][0], points[0][1]);
  for (guint i = 1; i + 2 < n_points; i += 3)
    cairo_curve_to (cr,
                    o + m * points[i][0], points[i][1],
                    o + m * points[i + 1][0], points[i + 1][1],
                    o + m * points[i + 2][0], points[i + 2][1]);
}

/* The outline of the trunk from the middle of the neck, down the user's
 * left side, to the middle of the hips; drawn twice, mirrored. */
static const double trunk_half[][2] = {
  { 50.0, 19.0 },
  { 47.0, 19.0 }, { 45.0, 19.0 }, { 44.5, 20.0 },        /* neck, under the head */
  { 44.5, 23.0 }, { 44.5, 25.0 }, { 44.0, 27.5 },        /* side of the neck */
  { 38.0, 30.5 }, { 26.0, 31.0 }, { 19.0, 34.0 },        /* top of the shoulder */
  { 14.0, 36.0 }, { 12.0, 40.5 }, { 12.5, 46.0 },        /* shoulder cap */
  { 15.0, 48.0 }, { 17.0, 50.0 }, { 19.5, 52.0 },        /* into the armpit */
  { 21.0, 68.0 }, { 25.0, 84.0 }, { 27.5, 100.0 },       /* side, to the waist */
  { 26.0, 109.0 }, { 24.0, 117.0 }, { 25.0, 126.0 },     /* hip */
  { 35.0, 126.0 }, { 45.0, 126.0 }, { 50.0, 126.0 },     /* bottom edge */
};

static const double arm_half[][2] = {
  { 11.0, 43.0 },
  { 8.5, 52.0 }, { 8.0, 64.0 }, { 8.0, 76.0 },           /* outside of the upper arm */
  { 7.5, 86.0 }, { 6.5, 95.0 }, { 7.0, 101.0 },          /* forearm */
  { 7.5, 105.0 }, { 12.0, 105.5 }, { 12.5, 101.0 },      /* hand */
  { 14.0, 92.0 }, { 15.0, 84.0 }, { 15.5, 76.0 },        /* inside of the forearm */
  { 16.0, 66.0 }, { 16.5, 58.0 }, { 17.5, 51.0 },        /* up to the armpit */
  { 15.0, 49.0 }, { 13.0, 46.0 }, { 11.0, 43.0 },
};

static const double blade_half[][2] = {
  { 41.0, 37.0 },
  { 34.0, 38.5 }, { 29.0, 41.0 }, { 28.5, 45.0 },
  { 31.0, 51.0 }, { 35.0, 57.0 }, { 39.0, 61.0 },
  { 41.5, 56.0 }, { 42.5, 46.0 }, { 41.0, 37.0 },
};

static void
trunk_path (cairo_t *cr)
{
  guint n = G_N_ELEMENTS (trunk_half);

  mirror_path (cr, trunk_half, n, FALSE);
  /* Back up the right side: the mirrored points in reverse order. */
  for (int i = (int) n - 2; i >= 0; i -= 3)
    {
      int a = i, b = i - 1, c = i - 2;

      if (c < 0)
        break;
      cairo_curve_to (cr,
                      FIGURE_W - trunk_half[a][0], trunk_half[a][1],
                      FIGURE_W - trunk_half[b][0], trunk_half[b][1],
                      FIGURE_W - trunk_half[c][0], trunk_half[c][1]);
    }
  cairo_close_path (cr);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_figure (UnknotBodyMap *self,
             cairo_t       *cr,
             double         scale)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg;
  double dash = 2.0;

  gtk_style_context_get_color (context, &fg);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 1.6 / scale);

  /* Arms, behind the trunk. */
  for (int side = 0; side < 2; side++)
    {
      mirror_path (cr, arm_half, G_N_ELEMENTS (arm_half), side == 1);
      cairo_close_path (cr);
      set_source (cr, &fg, 0.07);
      cairo_fill_preserve (cr);
      set_source (cr, &fg, 0.45);
      cairo_stroke (cr);
    }

  trunk_path (cr);
  set_source (cr, &fg, 0.09);
  cairo_fill_preserve (cr);
  set_source (cr, &fg, 0.55);
  cairo_stroke (cr);

  /* Head, seen from behind: no face. */
  cairo_save (cr);
  cairo_translate (cr, 50.0, 10.5);
  cairo_scale (cr, 8.5, 10.0);
  cairo_arc (cr, 0.0, 0.0, 1.0, 0.0, 2 * G_PI);
  cairo_restore (cr);
  set_source (cr, &fg, 0.09);
  cairo_fill_preserve (cr);
  set_source (cr, &fg, 0.55);
  cairo_stroke (cr);

  /* Shoulder blades and the spine, faint: landmarks, not regions. */
  cairo_set_line_width (cr, 1.0 / scale);
  for (int side = 0; side < 2; side++)
    {
      mirror_path (cr, blade_half, G_N_ELEMENTS (blade_half), side == 1);
      set_source (cr, &fg, 0.22);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, &dash, 1, 0.0);
  cairo_move_to (cr, 50.0, 27.0);
  cairo_line_to (cr, 50.0, 118.0);
  set_source (cr, &fg, 0.3);
  cairo_stroke (cr);
}

static void
unknot_body_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double x, y, scale;
  cairo_t *cr;

  figure_geometry (self, width, height, &x, &y, &scale);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  draw_figure (self, cr, scale);
  cairo_destroy (cr);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

/* Toggles */

static void
toggled_cb (GtkToggleButton *toggle,
            UnknotBodyMap   *self)
{
  guint regions = 0;

  if (self->syncing)
    return;
  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggles[i])))
      regions |= unknot_pain_region_nth (i);
  if (regions == self->regions)
    return;
  self->regions = regions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

static void
unknot_body_map_dispose (GObject *object)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  memset (self->toggles, 0, sizeof self->toggles);
  self->left_label = self->right_label = NULL;
  G_OBJECT_CLASS (unknot_body_map_parent_class)->dispose (object);
}

static void
unknot_body_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_REGIONS:
      g_value_set_uint (value, self->regions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_REGIONS:
      unknot_body_map_set_regions (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_class_init (UnknotBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_body_map_dispose;
  object_class->get_property = unknot_body_map_get_property;
  object_class->set_property = unknot_body_map_set_property;
  widget_class->measure = unknot_body_map_measure;
  widget_class->get_request_mode = unknot_body_map_get_request_mode;
  widget_class->size_allocate = unknot_body_map_size_allocate;
  widget_class->snapshot = unknot_body_map_snapshot;

  properties[PROP_REGIONS] = g_param_spec_uint ("regions", NULL, NULL, 0, UNKNOT_PAIN_REGIONS_ALL, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
unknot_body_map_init (UnknotBodyMap *self)
{
  /* TRANSLATORS: above the left half of a figure seen from behind; that
   * half is the user's own left side */
  self->left_label = gtk_label_new (_("Your left"));
  /* TRANSLATORS: above the right half of a figure seen from behind */
  self->right_label = gtk_label_new (_("Your right"));
  gtk_widget_add_css_class (self->left_label, "caption-heading");
  gtk_widget_add_css_class (self->right_label, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (self->left_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (self->right_label), 1.0);
  gtk_label_set_wrap (GTK_LABEL (self->left_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->right_label), TRUE);
  gtk_widget_set_parent (self->left_label, GTK_WIDGET (self));
  gtk_widget_set_parent (self->right_label, GTK_WIDGET (self));

  /* In unknot_pain_region_nth() order: top to bottom, left before right,
   * which is also the order Tab walks them. */
  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    {
      const char *name = unknot_pain_region_get_display_name (unknot_pain_region_nth (i));
      GtkWidget *toggle = gtk_toggle_button_new ();

      gtk_widget_add_css_class (toggle, "body-region");
      gtk_widget_set_tooltip_text (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_focus_on_click (toggle, FALSE);
      g_signal_connect (toggle, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_widget_set_parent (toggle, GTK_WIDGET (self));
      self->toggles[i] = toggle;
    }
}

GtkWidget *
unknot_body_map_new (void)
{
  return g_object_new (UNKNOT_TYPE_BODY_MAP, NULL);
}

guint
unknot_body_map_get_regions (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), 0);

  return self->regions;
}

void
unknot_body_map_set_regions (UnknotBodyMap *self,
                             guint          regions)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  regions &= UNKNOT_PAIN_REGIONS_ALL;
  if (regions == self->regions)
    return;
  self->regions = regions;
  self->syncing = TRUE;
  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[i]), (regions & unknot_pain_region_nth (i)) != 0);
  self->syncing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

GtkWidget *
unknot_body_map_get_toggle (UnknotBodyMap    *self,
                            UnknotPainRegion  region)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    if (unknot_pain_region_nth (i) == region)
      return self->toggles[i];
  return NULL;
}
