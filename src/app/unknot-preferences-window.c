/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-preferences-window.h"

struct _UnknotPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (UnknotPreferencesWindow, unknot_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the nicks of the color-scheme enum in order. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (nick, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[selected]);
}

static void
unknot_preferences_window_class_init (UnknotPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, style_row);
}

static void
unknot_preferences_window_init (UnknotPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_preferences_window_new (GSettings *settings)
{
  UnknotPreferencesWindow *self = g_object_new (UNKNOT_TYPE_PREFERENCES_WINDOW, NULL);

  if (settings != NULL)
    g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                  G_SETTINGS_BIND_DEFAULT, scheme_to_selected, selected_to_scheme, NULL, NULL);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->style_row), FALSE);
  return GTK_WIDGET (self);
}
