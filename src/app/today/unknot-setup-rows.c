/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-today"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain.h"
#include "unknot-setup-rows.h"
#include "unknot-suggest.h"

/* Tools */

typedef struct
{
  GSettings      *settings;
  GtkCheckButton *tools[UNKNOT_GEAR_N];
  GtkCheckButton *hands_only;
  gboolean        syncing;
} ToolsGroup;

static void
tools_group_free (gpointer data)
{
  ToolsGroup *group = data;

  g_clear_object (&group->settings);
  g_free (group);
}

static guint
read_gear (GSettings *settings)
{
  g_auto(GStrv) ids = g_settings_get_strv (settings, "tools-at-hand");

  return unknot_gear_from_ids ((const char * const *) ids);
}

static void
write_gear (GSettings *settings,
            guint      gear)
{
  g_auto(GStrv) ids = NULL;

  if (read_gear (settings) == gear)
    return;
  ids = unknot_gear_to_ids (gear);
  g_settings_set_strv (settings, "tools-at-hand", (const char * const *) ids);
}

static void
sync_tools_from_settings (ToolsGroup *group)
{
  guint gear = read_gear (group->settings);

  group->syncing = TRUE;
  for (guint i = 0; i < UNKNOT_GEAR_N; i++)
    gtk_check_button_set_active (group->tools[i], (gear & unknot_gear_nth (i)) != 0);
  gtk_check_button_set_active (group->hands_only, gear == UNKNOT_GEAR_NONE);
  group->syncing = FALSE;
}

static void
tools_changed_cb (GSettings  *settings,
                  const char *key,
                  GtkWidget  *widget)
{
  sync_tools_from_settings (g_object_get_data (G_OBJECT (widget), "unknot-tools-group"));
}

static void
tool_toggled_cb (GtkCheckButton *check,
                 ToolsGroup     *group)
{
  guint gear = 0;

  if (group->syncing)
    return;
  for (guint i = 0; i < UNKNOT_GEAR_N; i++)
    if (gtk_check_button_get_active (group->tools[i]))
      gear |= unknot_gear_nth (i);
  write_gear (group->settings, gear);
  sync_tools_from_settings (group);
}

/* "None" is what an empty list means: ticking it clears the tools, and it
 * cannot be unticked by itself (tick a tool instead). */
static void
hands_only_toggled_cb (GtkCheckButton *check,
                       ToolsGroup     *group)
{
  if (group->syncing)
    return;
  if (gtk_check_button_get_active (check))
    write_gear (group->settings, UNKNOT_GEAR_NONE);
  sync_tools_from_settings (group);
}

static GtkCheckButton *
add_check_row (AdwPreferencesGroup *preferences_group,
               const char          *title,
               const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (preferences_group, row);
  return GTK_CHECK_BUTTON (check);
}

GtkWidget *
unknot_setup_tools_group_new (GSettings *settings)
{
  GtkWidget *widget = adw_preferences_group_new ();
  AdwPreferencesGroup *preferences_group = ADW_PREFERENCES_GROUP (widget);
  ToolsGroup *group = g_new0 (ToolsGroup, 1);

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  group->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (widget), "unknot-tools-group", group, tools_group_free);
  adw_preferences_group_set_title (preferences_group, _("Tools at Hand"));
  adw_preferences_group_set_description (preferences_group,
                                         _("Routines that need a tool you don’t have are marked in the list of "
                                           "routines and never suggested. Your hands are always at hand."));
  for (guint i = 0; i < UNKNOT_GEAR_N; i++)
    {
      group->tools[i] = add_check_row (preferences_group, unknot_gear_get_label (unknot_gear_nth (i)), NULL);
      g_signal_connect (group->tools[i], "toggled", G_CALLBACK (tool_toggled_cb), group);
    }
  group->hands_only = add_check_row (preferences_group, _("None — Only My Hands"),
                                     _("The routines for your hands need nothing else"));
  g_signal_connect (group->hands_only, "toggled", G_CALLBACK (hands_only_toggled_cb), group);
  g_signal_connect_object (settings, "changed::tools-at-hand", G_CALLBACK (tools_changed_cb), widget, 0);
  sync_tools_from_settings (group);
  return widget;
}

/* Where it usually hurts */

static gboolean
ids_to_regions (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char **ids = g_variant_get_strv (variant, NULL);
  guint regions = 0;

  unknot_pain_regions_from_ids (ids, &regions, NULL);
  g_free (ids);
  g_value_set_uint (value, regions);
  return TRUE;
}

static GVariant *
regions_to_ids (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  g_auto(GStrv) ids = unknot_pain_regions_to_ids (g_value_get_uint (value));

  return g_variant_new_strv ((const char * const *) ids, -1);
}

void
unknot_setup_bind_body_map (UnknotBodyMap *map,
                            GSettings     *settings)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (map));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind_with_mapping (settings, "usual-pain-regions", map, "regions", G_SETTINGS_BIND_DEFAULT,
                                ids_to_regions, regions_to_ids, NULL, NULL);
}

/* Active hours and days, as Preferences → Reminders offers them */

static gboolean
minutes_to_selected (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_uint32 (variant) / 30);
  return TRUE;
}

static GVariant *
selected_to_minutes (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return selected < 48 ? g_variant_new_uint32 (selected * 30) : NULL;
}

void
unknot_setup_bind_active_time (AdwComboRow *row,
                               GSettings   *settings,
                               const char  *key)
{
  g_autoptr(GtkStringList) times = gtk_string_list_new (NULL);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (G_IS_SETTINGS (settings));

  for (guint i = 0; i < 48; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (2026, 1, 5, (int) i / 2, (int) (i % 2) * 30, 0);
      /* TRANSLATORS: a time of day in strftime form, e.g. "%H:%M" or "%l:%M %p" */
      g_autofree char *text = g_date_time_format (time, _("%H:%M"));

      gtk_string_list_append (times, g_strstrip (text));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (times));
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                minutes_to_selected, selected_to_minutes, NULL, NULL);
}

/* Monday first, as the schema's reminder-active-days names them. */
static const char * const day_nicks[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

typedef struct
{
  GSettings       *settings;
  GtkToggleButton *buttons[7];
} DayButtons;

static void
day_buttons_free (gpointer data)
{
  DayButtons *days = data;

  g_clear_object (&days->settings);
  g_free (days);
}

static void
days_changed_cb (GSettings  *settings,
                 const char *key,
                 GtkWidget  *box)
{
  DayButtons *days = g_object_get_data (G_OBJECT (box), "unknot-day-buttons");
  g_auto(GStrv) active = g_settings_get_strv (settings, "reminder-active-days");

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (days->buttons[i], g_strv_contains ((const char * const *) active, day_nicks[i]));
}

static void
day_toggled_cb (GtkToggleButton *button,
                DayButtons      *days)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  g_auto(GStrv) current = g_settings_get_strv (days->settings, "reminder-active-days");

  for (guint i = 0; i < 7; i++)
    if (days->buttons[i] != NULL && gtk_toggle_button_get_active (days->buttons[i]))
      g_strv_builder_add (builder, day_nicks[i]);
  chosen = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char * const *) chosen, (const char * const *) current))
    g_settings_set_strv (days->settings, "reminder-active-days", (const char * const *) chosen);
}

void
unknot_setup_add_day_buttons (GtkBox    *box,
                              GSettings *settings)
{
  DayButtons *days = g_new0 (DayButtons, 1);

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (G_IS_SETTINGS (settings));

  days->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (box), "unknot-day-buttons", days, day_buttons_free);
  for (guint i = 0; i < 7; i++)
    {
      /* 2026-01-05 was a Monday. */
      g_autoptr(GDateTime) day = g_date_time_new_local (2026, 1, 5 + (int) i, 12, 0, 0);
      g_autofree char *abbreviation = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (abbreviation);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (box, button);
      days->buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  days_changed_cb (settings, "reminder-active-days", GTK_WIDGET (box));
  for (guint i = 0; i < 7; i++)
    g_signal_connect (days->buttons[i], "toggled", G_CALLBACK (day_toggled_cb), days);
  g_signal_connect_object (settings, "changed::reminder-active-days", G_CALLBACK (days_changed_cb), box, 0);
}

/* Preferences → Your Setup */

GtkWidget *
unknot_setup_page_new (GSettings *settings)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *tools = NULL;
  GtkWidget *hide_row = adw_action_row_new ();
  GtkWidget *hide_switch = gtk_switch_new ();
  GtkWidget *regions = adw_preferences_group_new ();
  GtkWidget *map = unknot_body_map_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Your Setup"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "unknot-ball-symbolic");
  tools = unknot_setup_tools_group_new (settings);
  /* The library's own switch, here too: whoever sets the tools up may
   * want the others out of sight. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (hide_row), _("Hide Routines Needing Other Tools"));
  gtk_widget_set_valign (hide_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (hide_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hide Routines Needing Other Tools"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (hide_row), hide_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (hide_row), hide_switch);
  g_settings_bind (settings, "hide-unavailable-routines", hide_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tools), hide_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (tools));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (regions), _("Where It Usually Hurts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (regions),
                                         _("Suggestions target these places, after the ones in your pain log of the "
                                           "last two weeks."));
  gtk_widget_set_halign (map, GTK_ALIGN_CENTER);
  unknot_setup_bind_body_map (UNKNOT_BODY_MAP (map), settings);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (regions), map);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (regions));
  return page;
}
