/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-application.h"
#include "unknot-cli.h"
#include "unknot-first-frame.h"
#include "unknot-preferences-window.h"
#include "unknot-window.h"

struct _UnknotApplication
{
  AdwApplication        parent_instance;
  UnknotRoutineLibrary *library;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (UnknotApplication, unknot_application, ADW_TYPE_APPLICATION)

static int
unknot_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  return unknot_cli_handle_options (options);
}

static void
color_scheme_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint value = (guint) g_settings_get_enum (settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (value, G_N_ELEMENTS (schemes) - 1)]);
}

static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; preferences will not be kept. "
                 "Run Unknot with “meson devenv -C build unknot” or install it.", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static void
unknot_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  UnknotApplication *self = UNKNOT_APPLICATION (app);
  g_autoptr(GFile) folder = unknot_default_user_routines_folder ();

  G_APPLICATION_CLASS (unknot_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  g_set_application_name (_("Unknot"));

  self->settings = settings_if_installed ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self, 0);
      color_scheme_changed_cb (self->settings, "color-scheme", self);
    }

  self->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, folder);
}

static void
unknot_application_shutdown (GApplication *app)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);

  G_APPLICATION_CLASS (unknot_application_parent_class)->shutdown (app);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
}

static void
unknot_application_activate (GApplication *app)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (unknot_window_new (GTK_APPLICATION (self), self->library, self->settings));
      unknot_first_frame_watch (window);
    }
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;

  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing windows lets them finish what they owe (a pending delete). */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UnknotApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences = GTK_WINDOW (unknot_preferences_window_new (self->settings));

  gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UnknotApplication *self = user_data;
  static const char *developers[] = { "The Unknot developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Unknot"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Unknot developers"),
                         "developers", developers,
                         "comments", _("Illustrated, timed self-massage routines for the upper back, neck and shoulders. "
                                       "Unknot gives general guidance; it is no substitute for care from a health professional."),
                         "website", "https://github.com/unknot/unknot",
                         "issue-url", "https://github.com/unknot/unknot/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* TRANSLATORS: your name and email, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
unknot_application_class_init (UnknotApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = unknot_application_handle_local_options;
  app_class->startup = unknot_application_startup;
  app_class->shutdown = unknot_application_shutdown;
  app_class->activate = unknot_application_activate;
}

static void
unknot_application_init (UnknotApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  unknot_cli_add_options (G_APPLICATION (self));
}

UnknotApplication *
unknot_application_new (void)
{
  return g_object_new (UNKNOT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

UnknotRoutineLibrary *
unknot_application_get_library (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);
  return self->library;
}

GSettings *
unknot_application_get_settings (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);
  return self->settings;
}
