/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <gst/gst.h>

#include "unknot-preferences-window.h"

struct _UnknotPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  AdwComboRow          *style_row;
  GtkSpinButton        *get_ready_spin;
  GtkSpinButton        *rest_spin;
  GtkSwitch            *sounds_switch;
  AdwActionRow         *voice_row;
  GtkSwitch            *voice_switch;
  GtkScale             *volume_scale;
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

static gboolean
voice_installed (void)
{
  g_autoptr(GstElementFactory) factory = NULL;

  if (g_getenv ("UNKNOT_DISABLE_VOICE") != NULL || !gst_init_check (NULL, NULL, NULL))
    return FALSE;
  factory = gst_element_factory_find ("espeak");
  return factory != NULL;
}

static void
unknot_preferences_window_class_init (UnknotPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, get_ready_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, voice_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, voice_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, volume_scale);
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
  gboolean voice = voice_installed ();

  /* Said plainly where the voice is missing, rather than a switch that
   * silently does nothing. */
  adw_action_row_set_subtitle (self->voice_row,
                               voice ? _("Say each step aloud as it starts")
                                     : _("Needs the espeak voice (package gstreamer1.0-espeak); chimes play without it"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->voice_switch), voice);

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return GTK_WIDGET (self);
    }
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_selected, selected_to_scheme, NULL, NULL);
  g_settings_bind (settings, "get-ready-seconds", gtk_spin_button_get_adjustment (self->get_ready_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "rest-seconds", gtk_spin_button_get_adjustment (self->rest_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "cue-sounds", self->sounds_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "cue-voice", self->voice_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "cue-volume", gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
