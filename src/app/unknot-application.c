/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot"

#include "config.h"

#include <glib/gi18n.h>

#include "data/unknot-broken-store.h"
#include "data/unknot-data-actions.h"
#include "unknot-application.h"
#include "unknot-cli.h"
#include "unknot-first-frame.h"
#include "unknot-preferences-window.h"
#include "unknot-window-private.h"
#include "safety/unknot-screening-window.h"
#include "today/unknot-onboarding-window.h"

struct _UnknotApplication
{
  AdwApplication        parent_instance;
  UnknotRoutineLibrary *library;
  GSettings            *settings;
  UnknotStore          *store;
  char                 *start_routine; /* from --start-routine, for activate */
};

G_DEFINE_FINAL_TYPE (UnknotApplication, unknot_application, ADW_TYPE_APPLICATION)

/* --start-routine ID goes to the running instance when there is one, as
 * the app.start-routine action a reminder also uses. */
static int
start_routine_option (UnknotApplication *self,
                      const char        *id)
{
  g_autoptr(GError) error = NULL;

  if (!unknot_cli_routine_exists (id))
    {
      g_printerr (_("No routine has the id “%s”; “unknot --list-routines” lists them.\n"), id);
      return 1;
    }
  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (G_APPLICATION (self)))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "start-routine", g_variant_new_string (id));
      return 0;
    }
  self->start_routine = g_strdup (id);
  return -1;
}

static int
unknot_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  const char *id = NULL;

  if (g_variant_dict_lookup (options, "start-routine", "&s", &id))
    return start_routine_option (UNKNOT_APPLICATION (app), id);
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

/* The safety check's styles, beside the style.css libadwaita loads. */
static void
load_safety_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/unknot-safety.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
unknot_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  UnknotApplication *self = UNKNOT_APPLICATION (app);
  g_autoptr(GFile) folder = unknot_default_user_routines_folder ();

  unknot_first_frame_mark ("startup begins");
  G_APPLICATION_CLASS (unknot_application_parent_class)->startup (app);
  unknot_first_frame_mark ("GTK started");

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
  unknot_first_frame_mark ("routines loaded");
  load_safety_css ();
}

static void
unknot_application_shutdown (GApplication *app)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);

  G_APPLICATION_CLASS (unknot_application_parent_class)->shutdown (app);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UnknotApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *dialog;

  if (unknot_store_open_finish (UNKNOT_STORE (source), result, &error))
    return;

  g_warning ("%s", error->message);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* A damaged or newer file: say where it is and offer to move it aside;
   * it is never deleted or overwritten. */
  if (unknot_broken_store_error_matches (error))
    {
      unknot_broken_store_present (window, UNKNOT_STORE (source), error);
      return;
    }
  dialog = adw_message_dialog_new (window, _("Your History Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nSessions still work, but they are not recorded until this is fixed."),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opened when first needed, so it costs nothing on the way to the window. */
UnknotStore *
unknot_application_get_store (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    {
      g_autoptr(GFile) file = unknot_default_store_file ();

      self->store = unknot_store_new (file);
      unknot_store_open_async (self->store, NULL, store_opened_cb, g_object_ref (self));
    }
  return self->store;
}

/* The main window, even when a dialog (preferences, the safety check) was
 * the last one focused. */
static UnknotWindow *
find_main_window (UnknotApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (UNKNOT_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static UnknotWindow *
ensure_window (UnknotApplication *self)
{
  UnknotWindow *window = find_main_window (self);

  if (window == NULL)
    {
      window = unknot_window_new (GTK_APPLICATION (self), self->library, self->settings);
      unknot_first_frame_mark ("window built");
      unknot_first_frame_watch (GTK_WINDOW (window));
      /* Shown once, on the first run, after the window has painted: the
       * welcome tour, which asks the safety check's questions itself; the
       * bare safety check only if the tour was seen but the check never
       * was. */
      if (!unknot_onboarding_maybe_show_first_run (GTK_WINDOW (window), self->settings))
        unknot_screening_maybe_show_first_run (GTK_WINDOW (window), self->settings);
    }
  return window;
}

static void
start_routine (UnknotApplication *self,
               const char        *id)
{
  UnknotWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", id);
}

static void
unknot_application_activate (GApplication *app)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);
  g_autofree char *id = g_steal_pointer (&self->start_routine);

  if (id != NULL)
    start_routine (self, id);
  else
    {
      UnknotWindow *window = ensure_window (self);

      gtk_window_present (GTK_WINDOW (window));
      unknot_first_frame_mark ("window presented");
    }
}

static void
start_routine_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  start_routine (user_data, g_variant_get_string (parameter, NULL));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing windows lets them finish what they owe (a pending delete, a
   * safety check closed unanswered).  Dialogs first: closing a main window
   * destroys the dialogs over it, which then never hear of it; and a
   * window is closed only while it is still the application's. */
  for (int pass = 0; pass < 2; pass++)
    for (GList *l = windows; l != NULL; l = l->next)
      if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), l->data) != NULL
          && UNKNOT_IS_WINDOW (l->data) == (pass == 1))
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
  GtkWindow *preferences = GTK_WINDOW (unknot_preferences_window_new (self->settings, self->library));

  gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
screening_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UnknotApplication *self = user_data;
  UnknotWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  unknot_screening_window_present (GTK_WINDOW (window), self->settings);
}

static void
onboarding_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  UnknotApplication *self = user_data;
  UnknotWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (self->settings != NULL)
    unknot_onboarding_window_present (GTK_WINDOW (window), self->settings);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UnknotApplication *self = user_data;
  static const char *developers[] = { "The Unknot developers", NULL };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
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
  /* TRANSLATORS: a section of the About window's Legal page */
  adw_about_window_add_legal_section (about, _("Health Notice"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Unknot does not replace professional care. It cannot diagnose anything, "
                                        "and massage is not a cure: it may ease muscle tension for a while. "
                                        "Stop if something hurts sharply, tingles or makes you dizzy, and see "
                                        "“When to Get Help” (F1) for the signs that need a clinician or emergency care."));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "screening", screening_activated },
  { "onboarding", onboarding_activated },
  { "about", about_activated },
  { "start-routine", start_routine_activated, "s" },
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
  unknot_data_actions_add (self);
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
