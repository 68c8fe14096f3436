/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "safety/unknot-screening-window.h"
#include "today/unknot-setup-rows.h"
#include "unknot-cue-player.h"
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

  GSettings            *settings;
  UnknotRoutineLibrary *library;
  GCancellable         *cancellable;
  GtkSwitch            *reminders_switch;
  AdwPreferencesGroup  *schedule_group;
  GtkSpinButton        *interval_spin;
  AdwComboRow          *start_row;
  AdwComboRow          *end_row;
  GtkBox               *days_box;
  GtkToggleButton      *day_buttons[7];
  GtkSpinButton        *snooze_spin;
  AdwComboRow          *routine_row;
  AdwPreferencesGroup  *idle_group;
  GtkSwitch            *idle_switch;
  AdwActionRow         *idle_minutes_row;
  GtkSpinButton        *idle_spin;
  AdwActionRow         *idle_status_row;
  AdwActionRow         *screening_row;
};

/* Monday first, as the schema's reminder-active-days names them. */
static const char * const day_nicks[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

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

/* Active hours are offered in half hours. */
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

static GListModel *
half_hours_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < 48; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (2026, 1, 5, (int) i / 2, (int) (i % 2) * 30, 0);
      /* %X would show seconds; the locale's own short time form is %R or %l:%M %p,
       * so leave the choice to translators. */
      /* TRANSLATORS: a time of day in strftime form, e.g. "%H:%M" or "%l:%M %p" */
      g_autofree char *text = g_date_time_format (time, _("%H:%M"));
      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

static void
sync_days_from_settings (UnknotPreferencesWindow *self)
{
  g_auto(GStrv) days = g_settings_get_strv (self->settings, "reminder-active-days");

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_buttons[i], g_strv_contains ((const char * const *) days, day_nicks[i]));
}

static void
day_toggled_cb (UnknotPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) days = NULL;
  g_auto(GStrv) current = NULL;

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->day_buttons[i]))
      g_strv_builder_add (builder, day_nicks[i]);
  days = g_strv_builder_end (builder);
  current = g_settings_get_strv (self->settings, "reminder-active-days");
  if (!g_strv_equal ((const char * const *) days, (const char * const *) current))
    g_settings_set_strv (self->settings, "reminder-active-days", (const char * const *) days);
}

static void
build_day_buttons (UnknotPreferencesWindow *self)
{
  for (guint i = 0; i < 7; i++)
    {
      /* 2026-01-05 was a Monday. */
      g_autoptr(GDateTime) day = g_date_time_new_local (2026, 1, 5 + (int) i, 12, 0, 0);
      g_autofree char *abbreviation = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (abbreviation);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (day_toggled_cb), self);
      gtk_box_append (self->days_box, button);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static gboolean
routine_id_to_selected (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  UnknotPreferencesWindow *self = user_data;
  const char *id = g_variant_get_string (variant, NULL);
  GListModel *model = G_LIST_MODEL (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (model, i);
      if (g_strcmp0 (unknot_routine_get_id (routine), id) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  return FALSE;
}

static GVariant *
selected_to_routine_id (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  UnknotPreferencesWindow *self = user_data;
  g_autoptr(UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->library), g_value_get_uint (value));

  return routine != NULL ? g_variant_new_string (unknot_routine_get_id (routine)) : NULL;
}

static GListModel *
routine_titles_model (UnknotRoutineLibrary *library)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *length = unknot_format_duration (unknot_routine_get_total_seconds (routine));
      /* TRANSLATORS: a routine in a list, e.g. "Hands for the neck and shoulders (7 minutes)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), unknot_routine_get_title (routine), length);
      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

/* The reminder service says which idle detector it found; without it
 * running there is nothing to ask. */
static void
idle_backend_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UnknotPreferencesWindow) self = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  g_autoptr(GVariant) value = NULL;
  const char *backend = NULL;
  const char *text;

  if (reply != NULL)
    {
      g_variant_get (reply, "(v)", &value);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        backend = g_variant_get_string (value, NULL);
    }

  if (backend == NULL)
    text = _("Checked while reminders are on.");
  else if (g_str_equal (backend, "mutter"))
    text = _("Works on this desktop: time away from the keyboard and mouse counts as a break.");
  else if (g_str_equal (backend, "screensaver"))
    text = _("Partly works on this desktop: only time with the screen saver on counts as a break.");
  else
    text = _("Not available on this desktop; reminders follow the clock alone.");
  adw_action_row_set_subtitle (self->idle_status_row, text);
}

static void
query_idle_backend (UnknotPreferencesWindow *self)
{
  GApplication *app = g_application_get_default ();
  GDBusConnection *bus = app != NULL ? g_application_get_dbus_connection (app) : NULL;

  if (bus == NULL)
    {
      adw_action_row_set_subtitle (self->idle_status_row, _("Checked while reminders are on."));
      return;
    }
  g_dbus_connection_call (bus, REMINDER_ID, "/io/github/unknot/Unknot/Reminder",
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", "io.github.unknot.Unknot.Reminder", "IdleBackend"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000,
                          self->cancellable, idle_backend_cb, g_object_ref (self));
}

static void
bind_reminders (UnknotPreferencesWindow *self)
{
  GSettings *settings = self->settings;

  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->reminders_switch, "active", self->schedule_group, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->reminders_switch, "active", self->idle_group, "sensitive", G_BINDING_SYNC_CREATE);
  g_settings_bind (settings, "reminder-interval", gtk_spin_button_get_adjustment (self->interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "reminder-active-start", self->start_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, minutes_to_selected, selected_to_minutes, NULL, NULL);
  g_settings_bind_with_mapping (settings, "reminder-active-end", self->end_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, minutes_to_selected, selected_to_minutes, NULL, NULL);
  sync_days_from_settings (self);
  g_signal_connect_object (settings, "changed::reminder-active-days", G_CALLBACK (sync_days_from_settings),
                           self, G_CONNECT_SWAPPED);
  g_settings_bind (settings, "reminder-snooze", gtk_spin_button_get_adjustment (self->snooze_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  if (self->library != NULL)
    {
      g_autoptr(GListModel) titles = routine_titles_model (self->library);

      adw_combo_row_set_model (self->routine_row, titles);
      g_settings_bind_with_mapping (settings, "reminder-routine", self->routine_row, "selected",
                                    G_SETTINGS_BIND_DEFAULT, routine_id_to_selected, selected_to_routine_id,
                                    self, NULL);
    }
  g_settings_bind (settings, "reminder-idle-is-break", self->idle_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->idle_switch, "active", self->idle_minutes_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_settings_bind (settings, "reminder-idle-minutes", gtk_spin_button_get_adjustment (self->idle_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  query_idle_backend (self);
}

/* When the safety check was answered, so its answers can be reviewed. */
static void
update_screening_row (UnknotPreferencesWindow *self)
{
  g_autofree char *status = g_settings_get_string (self->settings, "screening-status");
  g_autofree char *subtitle = NULL;

  if (g_str_equal (status, "answered"))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g_settings_get_int64 (self->settings, "screening-answered-at"));
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      /* TRANSLATORS: a date in strftime form, as in "Answered on 26 November 2026" */
      g_autofree char *date = local != NULL ? g_date_time_format (local, _("%e %B %Y")) : NULL;

      /* TRANSLATORS: %s is a date */
      subtitle = g_strdup_printf (_("Answered on %s"), date != NULL ? g_strstrip (date) : "");
    }
  else if (g_str_equal (status, "skipped"))
    subtitle = g_strdup (_("Skipped; you can answer it at any time"));
  else
    subtitle = g_strdup (_("Not answered yet"));
  adw_action_row_set_subtitle (self->screening_row, subtitle);
}

static void
screening_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotPreferencesWindow *self = UNKNOT_PREFERENCES_WINDOW (widget);

  unknot_screening_window_present (GTK_WINDOW (self), self->settings);
}

static void
unknot_preferences_window_dispose (GObject *object)
{
  UnknotPreferencesWindow *self = UNKNOT_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (unknot_preferences_window_parent_class)->dispose (object);
}

static void
unknot_preferences_window_class_init (UnknotPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, get_ready_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, voice_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, voice_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, volume_scale);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, end_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, routine_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, idle_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, idle_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, idle_minutes_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, idle_status_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, screening_row);
  gtk_widget_class_install_action (widget_class, "prefs.screening", NULL, screening_activated);
}

static void
unknot_preferences_window_init (UnknotPreferencesWindow *self)
{
  g_autoptr(GListModel) start_times = half_hours_model ();
  g_autoptr(GListModel) end_times = half_hours_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  adw_combo_row_set_model (self->start_row, start_times);
  adw_combo_row_set_model (self->end_row, end_times);
  build_day_buttons (self);
}

GtkWidget *
unknot_preferences_window_new (GSettings            *settings,
                               UnknotRoutineLibrary *library)
{
  UnknotPreferencesWindow *self = g_object_new (UNKNOT_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->library = library != NULL ? g_object_ref (library) : NULL;
  gboolean voice = unknot_cue_player_voice_installed ();

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
  bind_reminders (self);
  g_signal_connect_object (settings, "changed::screening-status", G_CALLBACK (update_screening_row), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::screening-answered-at", G_CALLBACK (update_screening_row), self,
                           G_CONNECT_SWAPPED);
  update_screening_row (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (unknot_setup_page_new (settings)));
  return GTK_WIDGET (self);
}
