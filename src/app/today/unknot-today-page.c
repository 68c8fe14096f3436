/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-today"

#include "config.h"

#include <glib/gi18n.h>

#include "pain/unknot-chart-data.h"
#include "pain/unknot-chart-widget.h"
#include "pain/unknot-pain-format.h"
#include "pain/unknot-pain-log.h"
#include "unknot-reminder-schedule.h"
#include "unknot-screening.h"
#include "unknot-suggest.h"
#include "unknot-today-page.h"
#include "unknot-today-suggestions.h"
#include "unknot-view-header.h"
#include "unknot-window-private.h"

#define WEEK_DAYS 7

struct _UnknotTodayPage
{
  GtkBox                  parent_instance;

  AdwViewSwitcherTitle   *switcher_title;
  GtkMenuButton          *menu_button;
  GtkWidget              *body;
  GtkWidget              *help_card;
  GtkLabel               *help_label;
  GtkWidget              *help_button;
  UnknotTodaySuggestions *suggestions;
  AdwActionRow           *break_row;
  GtkSwitch              *reminders_switch;
  AdwActionRow           *sessions_row;
  GtkLabel               *sessions_count;
  AdwActionRow           *breaks_row;
  GtkLabel               *breaks_count;
  AdwActionRow           *last_pain_row;
  GtkLabel               *last_pain_badge;
  GtkWidget              *trend_box;
  UnknotChart            *trend_chart;
  GtkLabel               *trend_caption;

  UnknotRoutineLibrary   *library;
  GSettings              *settings;
  UnknotReminderStatus   *reminders;

  UnknotStore            *store;         /* the one whose changes we follow */
  GCancellable           *cancellable;   /* of the read under way */
  guint                   n_loading;
  gboolean                loaded;        /* the history below has been read */
  UnknotSuggestHistory   *history;       /* NULL: none (no store, or it failed) */

  GdkFrameClock          *frame_clock;   /* until the first frame, then NULL */
  gulong                  paint_handler;
  guint                   first_load_id;

  /* "Today" moves on at midnight while the window stays open. */
  UnknotClock            *midnight_clock;
  guint                   midnight_id;
  GDate                   loaded_day;    /* the day last read */
  gboolean                watching_focus;
};

G_DEFINE_FINAL_TYPE (UnknotTodayPage, unknot_today_page, GTK_TYPE_BOX)

/* The window's clock (tests give it a fake one); NULL outside a window. */
static UnknotClock *
get_clock (UnknotTodayPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return UNKNOT_IS_WINDOW (root) ? unknot_window_get_clock (UNKNOT_WINDOW (root)) : NULL;
}

static GDateTime *
now_local (UnknotTodayPage *self)
{
  UnknotClock *clock = get_clock (self);

  return clock != NULL ? unknot_clock_now_local (clock) : g_date_time_new_now_local ();
}

static void
date_of (GDateTime *time,
         GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time), g_date_time_get_month (time), g_date_time_get_year (time));
}

/* Posture breaks */

/* The same rule as the reminder service's, from the same settings. */
static gboolean
in_active_hours (GSettings *settings,
                 GDateTime *now)
{
  g_auto(GStrv) days = g_settings_get_strv (settings, "reminder-active-days");
  UnknotReminderSettings active;

  unknot_reminder_settings_init_defaults (&active);
  active.active_start_minute = g_settings_get_uint (settings, "reminder-active-start");
  active.active_end_minute = g_settings_get_uint (settings, "reminder-active-end");
  active.active_days = unknot_reminder_days_from_names ((const char * const *) days);
  return unknot_reminder_settings_is_active_at (&active, now);
}

static char *
format_minute_of_day (guint minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2026, 1, 5, (int) (minute / 60) % 24, (int) (minute % 60), 0);
  /* TRANSLATORS: a time of day in strftime form, e.g. "%H:%M" or "%l:%M %p" */
  g_autofree char *text = g_date_time_format (time, _("%H:%M"));

  return g_strdup (g_strstrip (text));
}

static void
update_break_row (UnknotTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->settings == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->break_row), _("Reminders are off"));
      adw_action_row_set_subtitle (self->break_row, _("Reminders need Unknot’s settings, which are not installed."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->break_row), FALSE);
      return;
    }

  now = now_local (self);
  if (!g_settings_get_boolean (self->settings, "reminders-enabled"))
    {
      title = g_strdup (_("Reminders are off"));
      subtitle = g_strdup (_("Turn them on for a nudge to take a short break after a stretch of work."));
    }
  else if (self->reminders != NULL && unknot_reminder_status_get_paused (self->reminders))
    title = g_strdup (unknot_reminder_status_get_summary (self->reminders));
  else if (!in_active_hours (self->settings, now))
    {
      g_autofree char *start = format_minute_of_day (g_settings_get_uint (self->settings, "reminder-active-start"));
      g_autofree char *end = format_minute_of_day (g_settings_get_uint (self->settings, "reminder-active-end"));

      title = g_strdup (_("Outside your active hours"));
      /* TRANSLATORS: the reminders' active hours, "from 09:00 to 18:00" */
      subtitle = g_strdup_printf (_("Reminders come from %s to %s on your active days."), start, end);
    }
  else
    {
      guint interval = g_settings_get_uint (self->settings, "reminder-interval");

      title = g_strdup (self->reminders != NULL ? unknot_reminder_status_get_summary (self->reminders)
                                                : _("Reminders are on"));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "After every %u minute of work",
                                               "After every %u minutes of work", interval),
                                  interval);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->break_row), title);
  adw_action_row_set_subtitle (self->break_row, subtitle != NULL ? subtitle : "");
}

static void
break_settings_changed_cb (UnknotTodayPage *self,
                           const char      *key)
{
  if (g_str_has_prefix (key, "reminder"))
    update_break_row (self);
}

/* Suggestions */

static void
update_suggestions (UnknotTodayPage *self)
{
  UnknotSuggestInput input = { 0 };
  g_autoptr(UnknotSuggestResult) result = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GListStore) no_routines = NULL;
  g_auto(GStrv) yes = NULL;

  if (!self->loaded)
    {
      unknot_today_suggestions_show_loading (self->suggestions);
      return;
    }

  now = now_local (self);
  if (self->library != NULL)
    input.routines = G_LIST_MODEL (self->library);
  else
    {
      no_routines = g_list_store_new (UNKNOT_TYPE_ROUTINE);
      input.routines = G_LIST_MODEL (no_routines);
    }
  input.now = now;
  input.minutes = (guint) MAX (0, unknot_today_suggestions_get_minutes (self->suggestions));
  input.gear = UNKNOT_GEAR_ALL;
  if (self->settings != NULL)
    {
      g_auto(GStrv) gear = g_settings_get_strv (self->settings, "tools-at-hand");
      g_auto(GStrv) regions = g_settings_get_strv (self->settings, "usual-pain-regions");
      g_autoptr(GVariant) answers = g_settings_get_value (self->settings, "screening-answers");

      input.gear = unknot_gear_from_ids ((const char * const *) gear);
      unknot_pain_regions_from_ids ((const char * const *) regions, &input.usual_regions, NULL);
      yes = unknot_screening_yes_from_variant (answers);
      input.screening_yes = (const char * const *) yes;
      /* A time set outside the four choices (the CLI, dconf) still counts. */
      if (input.minutes == 0)
        input.minutes = (guint) MAX (1, g_settings_get_int (self->settings, "suggest-minutes"));
    }
  if (self->history != NULL)
    unknot_suggest_input_set_history (&input, self->history);

  result = unknot_suggest (&input);
  if (result->state == UNKNOT_SUGGEST_STATE_RED_FLAG)
    {
      g_autofree char *message = unknot_suggest_dup_state_message (result->state);

      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      gtk_label_set_text (self->help_label, message);
      gtk_widget_set_visible (self->help_card, TRUE);
      /* Focus on the card going away (a time choice) moves to the help
       * rather than to wherever GTK would put it. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->suggestions)))
        gtk_widget_grab_focus (self->help_button);
      gtk_widget_set_visible (GTK_WIDGET (self->suggestions), FALSE);
      return;
    }
  gtk_widget_set_visible (self->help_card, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), TRUE);
  unknot_today_suggestions_show_result (self->suggestions, result);
}

static void
suggest_settings_changed_cb (UnknotTodayPage *self,
                             const char      *key)
{
  if (g_str_equal (key, "tools-at-hand") || g_str_equal (key, "usual-pain-regions")
      || g_str_equal (key, "screening-answers"))
    update_suggestions (self);
}

/* What the history says */

static void
show_today (UnknotTodayPage *self,
            GArray          *adherence)
{
  const UnknotAdherenceDay *day = adherence != NULL && adherence->len > 0
                                  ? &g_array_index (adherence, UnknotAdherenceDay, adherence->len - 1) : NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *breaks = NULL;
  g_autofree char *sessions_detail = NULL;
  g_autofree char *breaks_detail = NULL;
  guint n_breaks;

  if (day == NULL)
    {
      gtk_label_set_text (self->sessions_count, "–");
      gtk_label_set_text (self->breaks_count, "–");
      adw_action_row_set_subtitle (self->sessions_row, "");
      adw_action_row_set_subtitle (self->breaks_row, "");
      return;
    }

  n_breaks = day->reminders_taken + day->natural_breaks;
  sessions = g_strdup_printf ("%u", day->sessions_started);
  breaks = g_strdup_printf ("%u", n_breaks);
  if (day->sessions_started > 0)
    /* TRANSLATORS: under "Sessions" today: how many of them ran to the end */
    sessions_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finished", "%u finished",
                                                    day->sessions_completed),
                                       day->sessions_completed);
  if (n_breaks > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      if (day->reminders_taken > 0)
        /* TRANSLATORS: under "Breaks Taken": started from a reminder */
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u from a reminder",
                                                              "%u from a reminder", day->reminders_taken),
                                                 day->reminders_taken));
      if (day->natural_breaks > 0)
        /* TRANSLATORS: under "Breaks Taken": time the user stepped away by themselves */
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u away from the computer",
                                                              "%u away from the computer", day->natural_breaks),
                                                 day->natural_breaks));
      if (parts->len == 2)
        /* TRANSLATORS: "2 from a reminder, 1 away from the computer" */
        breaks_detail = g_strdup_printf (_("%s, %s"), (char *) parts->pdata[0], (char *) parts->pdata[1]);
      else
        breaks_detail = g_strdup (parts->pdata[0]);
    }
  gtk_label_set_text (self->sessions_count, sessions);
  gtk_label_set_text (self->breaks_count, breaks);
  adw_action_row_set_subtitle (self->sessions_row, sessions_detail != NULL ? sessions_detail : "");
  adw_action_row_set_subtitle (self->breaks_row, breaks_detail != NULL ? breaks_detail : "");
  /* Read out with the number, not the number alone. */
  {
    /* TRANSLATORS: read out for the count beside "Sessions" */
    g_autofree char *spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session today", "%u sessions today",
                                                            day->sessions_started),
                                               day->sessions_started);
    /* TRANSLATORS: read out for the count beside "Breaks Taken" */
    g_autofree char *spoken_breaks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u break today",
                                                                   "%u breaks today", n_breaks),
                                                      n_breaks);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->sessions_count), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->breaks_count), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken_breaks, -1);
  }
}

static void
show_last_pain (UnknotTodayPage *self,
                UnknotPainEntry *entry)
{
  static const char * const bands[] = { "pain-none", "pain-mild", "pain-moderate", "pain-severe" };
  g_autoptr(GDateTime) now = now_local (self);
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *when = NULL;
  g_autofree char *number = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->last_pain_badge), bands[i]);
  if (entry == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_pain_row), _("No pain logged yet"));
      adw_action_row_set_subtitle (self->last_pain_row,
                                   _("Log it when it hurts, and before and after a session, to see what helps."));
      gtk_widget_set_visible (GTK_WIDGET (self->last_pain_badge), FALSE);
      return;
    }

  title = unknot_pain_describe_value (entry->pain);
  day = unknot_pain_format_day (entry->time, now);
  time = unknot_pain_format_time (entry->time);
  regions = unknot_pain_format_regions (entry->regions);
  /* TRANSLATORS: when the last pain entry was: "Today at 14:05", "Tuesday, November 24 at 09:10" */
  when = g_strdup_printf (_("%s at %s"), day, time);
  number = g_strdup_printf ("%d", entry->pain);
  {
    /* TRANSLATORS: the last pain entry: "Today at 14:05 · Your right shoulder" */
    g_autofree char *subtitle = regions != NULL ? g_strdup_printf (_("%s · %s"), when, regions) : g_strdup (when);
    /* TRANSLATORS: read out for the last pain entry's row, e.g. "Last entry: 5 — Moderate" */
    g_autofree char *last = g_strdup_printf (_("Last entry: %s"), title);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_pain_row), last);
    adw_action_row_set_subtitle (self->last_pain_row, subtitle);
  }
  gtk_label_set_text (self->last_pain_badge, number);
  gtk_widget_add_css_class (GTK_WIDGET (self->last_pain_badge), unknot_pain_band_css_class (entry->pain));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->last_pain_badge), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->last_pain_badge), TRUE);
}

static void
show_week (UnknotTodayPage *self,
           GArray          *pain_days,
           gboolean         any_entry)
{
  g_autoptr(GArray) days = NULL;
  g_autofree char *summary = NULL;

  gtk_widget_set_visible (self->trend_box, any_entry && pain_days != NULL);
  if (!any_entry || pain_days == NULL)
    return;
  days = unknot_chart_trend_days_from_pain (pain_days, FALSE);
  summary = unknot_chart_trend_describe ((const UnknotTrendDay *) (gpointer) days->data, days->len, _("Last 7 days"));
  unknot_chart_set_trend (self->trend_chart, days);
  unknot_chart_set_description (self->trend_chart, summary);
  gtk_label_set_text (self->trend_caption, summary);
}

static void
show_unavailable (UnknotTodayPage *self,
                  const char      *message)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_pain_row), _("Your history is not available"));
  adw_action_row_set_subtitle (self->last_pain_row, message);
  gtk_widget_set_visible (GTK_WIDGET (self->last_pain_badge), FALSE);
  gtk_widget_set_visible (self->trend_box, FALSE);
  show_today (self, NULL);
}

/* Loading: every part is shown once all are in, so the view never shows
 * one part new and another old. */

typedef struct
{
  UnknotTodayPage      *page;
  GCancellable         *cancellable;
  guint                 pending;
  GError               *error;
  UnknotSuggestHistory *history;
  GPtrArray            *last;       /* UnknotPainEntry: the newest, or none */
  GArray               *week;       /* UnknotPainDay */
  GArray               *adherence;  /* UnknotAdherenceDay: today */
  gint64                started;    /* monotonic µs, for the debug log */
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->page);
  g_clear_object (&load->cancellable);
  g_clear_error (&load->error);
  g_clear_pointer (&load->history, unknot_suggest_history_free);
  g_clear_pointer (&load->last, g_ptr_array_unref);
  g_clear_pointer (&load->week, g_array_unref);
  g_clear_pointer (&load->adherence, g_array_unref);
  g_free (load);
}

static void
take_error (Load   *load,
            GError *error)
{
  if (load->error == NULL)
    load->error = error;
  else
    g_error_free (error);
}

static void
load_done (Load *load)
{
  UnknotTodayPage *self = load->page;

  if (--load->pending > 0)
    return;

  if (!g_cancellable_is_cancelled (load->cancellable))
    {
      g_debug ("Today: history read in %.1f ms", (g_get_monotonic_time () - load->started) / 1000.0);
      self->n_loading--;
      self->loaded = TRUE;
      g_clear_pointer (&self->history, unknot_suggest_history_free);
      if (load->error != NULL)
        {
          g_debug ("Today: %s", load->error->message);
          show_unavailable (self, load->error->message);
        }
      else
        {
          self->history = g_steal_pointer (&load->history);
          show_last_pain (self, load->last->len > 0 ? g_ptr_array_index (load->last, 0) : NULL);
          show_week (self, load->week, self->history->n_pain_entries > 0);
          show_today (self, load->adherence);
        }
      update_suggestions (self);
      update_break_row (self);
    }
  load_free (load);
}

static void
history_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->history = unknot_suggest_load_history_finish (UNKNOT_STORE (source), result, &error);
  if (error != NULL)
    take_error (load, error);
  load_done (load);
}

static void
last_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->last = unknot_store_list_pain_entries_finish (UNKNOT_STORE (source), result, &error);
  if (error != NULL)
    take_error (load, error);
  load_done (load);
}

static void
week_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->week = unknot_store_pain_daily_finish (UNKNOT_STORE (source), result, &error);
  if (error != NULL)
    take_error (load, error);
  load_done (load);
}

static void
adherence_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->adherence = unknot_store_adherence_finish (UNKNOT_STORE (source), result, &error);
  if (error != NULL)
    take_error (load, error);
  load_done (load);
}

static void history_changed_cb (UnknotTodayPage *self);

/* The window's store, followed for changes. */
static UnknotStore *
get_store (UnknotTodayPage *self)
{
  return unknot_window_follow_pain_log (GTK_WIDGET (self), &self->store, G_CALLBACK (history_changed_cb));
}

static void start_load (UnknotTodayPage *self);

static void
cancel_midnight (UnknotTodayPage *self)
{
  if (self->midnight_id != 0)
    unknot_clock_cancel (self->midnight_clock, self->midnight_id);
  self->midnight_id = 0;
  g_clear_object (&self->midnight_clock);
}

static gboolean
midnight_cb (gpointer user_data)
{
  UnknotTodayPage *self = user_data;

  self->midnight_id = 0;
  g_clear_object (&self->midnight_clock);
  /* Hidden, it reads anew when next shown (see map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self);
  return G_SOURCE_REMOVE;
}

/* A second after the next local midnight, on the clock "today" follows. */
static void
schedule_midnight (UnknotTodayPage *self,
                   GDateTime       *now)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (tomorrow),
                                                   g_date_time_get_month (tomorrow),
                                                   g_date_time_get_day_of_month (tomorrow), 0, 0, 0);
  UnknotClock *clock = get_clock (self);

  cancel_midnight (self);
  if (clock == NULL)
    return;
  self->midnight_clock = g_object_ref (clock);
  self->midnight_id = unknot_clock_schedule (clock,
                                             unknot_clock_now (clock) + g_date_time_difference (midnight, now)
                                             + G_USEC_PER_SEC,
                                             midnight_cb, self, NULL);
}

/* The monotonic clock stops during suspend, so a laptop opened the next
 * morning may not have seen midnight yet: check when the window is used. */
static void
window_active_cb (UnknotTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !g_date_valid (&self->loaded_day))
    return;
  now = now_local (self);
  date_of (now, &today);
  if (g_date_compare (&today, &self->loaded_day) != 0)
    start_load (self);
}

static void
start_load (UnknotTodayPage *self)
{
  UnknotStore *store = get_store (self);
  g_autoptr(GDateTime) now = now_local (self);
  UnknotPainQuery newest = { 0 };
  GDate today, week_first;
  Load *load;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->n_loading = 0;
    }
  date_of (now, &self->loaded_day);
  schedule_midnight (self, now);
  if (!self->watching_focus && GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    {
      g_signal_connect_object (gtk_widget_get_root (GTK_WIDGET (self)), "notify::is-active",
                               G_CALLBACK (window_active_cb), self, G_CONNECT_SWAPPED);
      self->watching_focus = TRUE;
    }
  if (store == NULL)
    {
      /* No history to read (tests without a store): a new user's view. */
      g_clear_pointer (&self->history, unknot_suggest_history_free);
      self->loaded = TRUE;
      show_last_pain (self, NULL);
      show_week (self, NULL, FALSE);
      show_today (self, NULL);
      update_suggestions (self);
      update_break_row (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->n_loading++;
  load = g_new0 (Load, 1);
  load->page = g_object_ref (self);
  load->cancellable = g_object_ref (self->cancellable);
  load->pending = 1;  /* released below, once every call is queued */
  load->started = g_get_monotonic_time ();

  date_of (now, &today);
  week_first = today;
  g_date_subtract_days (&week_first, WEEK_DAYS - 1);

  load->pending++;
  unknot_suggest_load_history_async (store, now, load->cancellable, history_cb, load);
  newest.limit = 1;
  load->pending++;
  unknot_store_list_pain_entries_async (store, &newest, load->cancellable, last_cb, load);
  load->pending++;
  unknot_store_pain_daily_async (store, &week_first, &today, 0, load->cancellable, week_cb, load);
  load->pending++;
  unknot_store_adherence_async (store, &today, &today, load->cancellable, adherence_cb, load);
  load_done (load);
}

/* Read again now if shown, else when next shown (see map). */
static void
history_changed_cb (UnknotTodayPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->frame_clock == NULL && self->first_load_id == 0)
    start_load (self);
}

/* The first read waits for the window's first frame, and then for the
 * main loop to be idle, so the window is on screen before SQLite opens. */
static gboolean
first_load_cb (gpointer user_data)
{
  UnknotTodayPage *self = user_data;

  self->first_load_id = 0;
  gtk_widget_set_visible (self->body, TRUE);
  start_load (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (UnknotTodayPage *self)
{
  if (self->paint_handler != 0)
    g_signal_handler_disconnect (self->frame_clock, self->paint_handler);
  self->paint_handler = 0;
  g_clear_object (&self->frame_clock);
}

static void
after_first_paint_cb (GdkFrameClock   *clock,
                      UnknotTodayPage *self)
{
  stop_waiting_for_paint (self);
  if (self->first_load_id == 0)
    self->first_load_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, first_load_cb, self, NULL);
}

static void
unknot_today_page_map (GtkWidget *widget)
{
  UnknotTodayPage *self = UNKNOT_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (unknot_today_page_parent_class)->map (widget);

  update_break_row (self);
  if (self->loaded || self->n_loading > 0)
    {
      /* Shown again (back from a session, another view): read anew. */
      start_load (self);
      return;
    }
  if (self->frame_clock == NULL && self->first_load_id == 0)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->paint_handler = g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (after_first_paint_cb), self);
    }
}

void
unknot_today_page_reload (UnknotTodayPage *self)
{
  g_return_if_fail (UNKNOT_IS_TODAY_PAGE (self));

  if (self->frame_clock != NULL || self->first_load_id != 0)
    return;  /* the first read is on its way */
  history_changed_cb (self);
}

gboolean
unknot_today_page_is_loading (UnknotTodayPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_TODAY_PAGE (self), FALSE);
  return !self->loaded || self->n_loading > 0;
}

/* What the page is given */

static void
library_changed_cb (UnknotTodayPage *self)
{
  update_suggestions (self);
}

void
unknot_today_page_set_library (UnknotTodayPage      *self,
                               UnknotRoutineLibrary *library)
{
  g_return_if_fail (UNKNOT_IS_TODAY_PAGE (self));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  update_suggestions (self);
}

void
unknot_today_page_set_settings (UnknotTodayPage *self,
                                GSettings       *settings)
{
  g_return_if_fail (UNKNOT_IS_TODAY_PAGE (self));

  if (self->settings != NULL)
    {
      g_settings_unbind (self->suggestions, "minutes");
      g_settings_unbind (self->reminders_switch, "active");
      g_signal_handlers_disconnect_by_data (self->settings, self);
    }
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      g_settings_bind (settings, "suggest-minutes", self->suggestions, "minutes", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_swapped (settings, "changed", G_CALLBACK (suggest_settings_changed_cb), self);
      g_signal_connect_swapped (settings, "changed", G_CALLBACK (break_settings_changed_cb), self);
    }
  else
    unknot_today_suggestions_set_minutes (self->suggestions, UNKNOT_SUGGEST_DEFAULT_MINUTES);
  gtk_widget_set_sensitive (GTK_WIDGET (self->break_row), settings != NULL);
  update_break_row (self);
  update_suggestions (self);
}

void
unknot_today_page_set_reminder_status (UnknotTodayPage      *self,
                                       UnknotReminderStatus *reminders)
{
  g_return_if_fail (UNKNOT_IS_TODAY_PAGE (self));

  if (self->reminders != NULL)
    g_signal_handlers_disconnect_by_func (self->reminders, update_break_row, self);
  g_set_object (&self->reminders, reminders);
  if (reminders != NULL)
    {
      g_signal_connect_object (reminders, "notify::summary", G_CALLBACK (update_break_row), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (reminders, "notify::enabled", G_CALLBACK (update_break_row), self, G_CONNECT_SWAPPED);
    }
  update_break_row (self);
}

static void
minutes_changed_cb (UnknotTodayPage *self)
{
  update_suggestions (self);
}

static void
unknot_today_page_dispose (GObject *object)
{
  UnknotTodayPage *self = UNKNOT_TODAY_PAGE (object);

  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->first_load_id, g_source_remove);
  cancel_midnight (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  unknot_window_unfollow_pain_log (GTK_WIDGET (self), &self->store);
  if (self->settings != NULL)
    {
      g_settings_unbind (self->suggestions, "minutes");
      g_settings_unbind (self->reminders_switch, "active");
      g_signal_handlers_disconnect_by_data (self->settings, self);
    }
  g_clear_object (&self->settings);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_clear_object (&self->library);
  g_clear_object (&self->reminders);
  g_clear_pointer (&self->history, unknot_suggest_history_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_TODAY_PAGE);
  G_OBJECT_CLASS (unknot_today_page_parent_class)->dispose (object);
}

static void
unknot_today_page_class_init (UnknotTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_today_page_dispose;
  widget_class->map = unknot_today_page_map;

  g_type_ensure (UNKNOT_TYPE_CHART);
  g_type_ensure (UNKNOT_TYPE_TODAY_SUGGESTIONS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, body);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, help_card);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, help_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, help_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, suggestions);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, break_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, sessions_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, sessions_count);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, breaks_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, breaks_count);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, last_pain_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, last_pain_badge);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, trend_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodayPage, trend_caption);
}

static void
unknot_today_page_init (UnknotTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->loaded_day, 1);
  unknot_view_header_setup (self->switcher_title, self->menu_button);
  g_signal_connect_swapped (self->suggestions, "notify::minutes", G_CALLBACK (minutes_changed_cb), self);
  gtk_widget_set_visible (self->trend_box, FALSE);
  update_suggestions (self);
}
