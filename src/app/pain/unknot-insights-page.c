/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain-log.h"
#include "unknot-chart-data.h"
#include "unknot-chart-widget.h"
#include "unknot-insights-page.h"
#include "unknot-view-header.h"
#include "unknot-window-private.h"

#define CALENDAR_WEEKS 12

G_DEFINE_ENUM_TYPE (UnknotInsightsRange, unknot_insights_range,
                    G_DEFINE_ENUM_VALUE (UNKNOT_INSIGHTS_RANGE_WEEK, "week"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_INSIGHTS_RANGE_MONTH, "month"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_INSIGHTS_RANGE_YEAR, "year"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_INSIGHTS_RANGE_ALL, "all"))

struct _UnknotInsightsPage
{
  GtkBox                parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *unavailable_page;
  UnknotChart          *trend_chart;
  GtkLabel             *trend_caption;
  GtkLabel             *effect_empty;
  UnknotChart          *effect_chart;
  GtkListBox           *effect_list;
  UnknotChart          *calendar_chart;
  GtkLabel             *calendar_caption;

  UnknotInsightsRange   range;
  UnknotStore          *store;        /* the one whose events we follow */
  GCancellable         *cancellable;  /* of the read under way */
  guint                 n_loading;    /* reads under way */
};

G_DEFINE_FINAL_TYPE (UnknotInsightsPage, unknot_insights_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one read gathers; shown only once every part is in, so the view
 * never shows one section new and another old. */
typedef struct
{
  UnknotInsightsPage  *page;
  GCancellable        *cancellable;
  UnknotInsightsRange  range;
  guint                pending;
  gboolean             trend_only;
  GError              *error;
  gint64               n_entries;
  gboolean             any_session;
  GArray              *trend;      /* UnknotPainDay */
  GPtrArray           *effects;    /* UnknotRoutineEffect */
  GArray              *adherence;  /* UnknotAdherenceDay */
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->page);
  g_clear_object (&load->cancellable);
  g_clear_error (&load->error);
  g_clear_pointer (&load->trend, g_array_unref);
  g_clear_pointer (&load->effects, g_ptr_array_unref);
  g_clear_pointer (&load->adherence, g_array_unref);
  g_free (load);
}

static GDateTime *
now_local (UnknotInsightsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Tests give the window a fake clock; the days follow it. */
  if (UNKNOT_IS_WINDOW (root) && UNKNOT_WINDOW (root)->clock != NULL)
    return unknot_clock_now_local (UNKNOT_WINDOW (root)->clock);
  return g_date_time_new_now_local ();
}

static void
today (UnknotInsightsPage *self,
       GDate              *date)
{
  g_autoptr(GDateTime) now = now_local (self);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

static guint
range_days (UnknotInsightsRange range)
{
  switch (range)
    {
    case UNKNOT_INSIGHTS_RANGE_WEEK:
      return 7;
    case UNKNOT_INSIGHTS_RANGE_MONTH:
      return 30;
    case UNKNOT_INSIGHTS_RANGE_YEAR:
      return 365;
    case UNKNOT_INSIGHTS_RANGE_ALL:
    default:
      return 0;
    }
}

static char *
range_name (UnknotInsightsRange  range,
            GArray              *days)
{
  switch (range)
    {
    case UNKNOT_INSIGHTS_RANGE_WEEK:
      return g_strdup (_("Last 7 days"));
    case UNKNOT_INSIGHTS_RANGE_MONTH:
      return g_strdup (_("Last 30 days"));
    case UNKNOT_INSIGHTS_RANGE_YEAR:
      return g_strdup (_("Last 12 months"));
    case UNKNOT_INSIGHTS_RANGE_ALL:
    default:
      if (days->len > 0)
        {
          /* TRANSLATORS: a date in a sentence, strftime form: "3 March 2025" */
          g_autofree char *first = unknot_chart_format_date (g_array_index (days, UnknotTrendDay, 0).julian, _("%-d %B %Y"));
          /* TRANSLATORS: the range of the whole history: "Since 3 March 2025" */
          return g_strdup_printf (_("Since %s"), g_strstrip (first));
        }
      return g_strdup (_("All time"));
    }
}

static void
show_state (UnknotInsightsPage *self,
            const char         *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
}

static void
show_trend (UnknotInsightsPage  *self,
            UnknotInsightsRange  range,
            GArray              *pain_days)
{
  g_autoptr(GArray) days = unknot_chart_trend_days_from_pain (pain_days, range == UNKNOT_INSIGHTS_RANGE_ALL);
  g_autofree char *name = range_name (range, days);
  g_autofree char *summary = unknot_chart_trend_describe ((const UnknotTrendDay *) (gpointer) days->data, days->len, name);

  unknot_chart_set_trend (self->trend_chart, days);
  unknot_chart_set_description (self->trend_chart, summary);
  gtk_label_set_text (self->trend_caption, summary);
}

static GtkWidget *
effect_row_new (const UnknotEffectBar *bar)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = unknot_chart_effect_describe (bar);
  g_autofree char *values = unknot_chart_effect_format_values (bar);
  GtkWidget *label = gtk_label_new (values);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bar->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_visible (label, bar->kind != UNKNOT_EFFECT_KIND_NOT_ENOUGH_DATA || bar->n_sessions > 0);
  /* TRANSLATORS: read out for "5.1 → 3.0" beside a routine */
  {
    g_autofree char *before = unknot_chart_format_score (bar->before);
    g_autofree char *after = unknot_chart_format_score (bar->after);
    g_autofree char *spoken = g_strdup_printf (_("Average %s before, %s after"), before, after);
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
show_effects (UnknotInsightsPage *self,
              GPtrArray          *effects)
{
  g_autoptr(GArray) bars = unknot_chart_effect_bars_from_effects (effects);
  g_autoptr(GString) description = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->effect_list))) != NULL)
    gtk_list_box_remove (self->effect_list, child);
  for (guint i = 0; i < bars->len; i++)
    {
      const UnknotEffectBar *bar = &g_array_index (bars, UnknotEffectBar, i);
      g_autofree char *text = unknot_chart_effect_describe (bar);

      gtk_list_box_append (self->effect_list, effect_row_new (bar));
      g_string_append_printf (description, "%s%s: %s.", i > 0 ? " " : "", bar->title, text);
    }
  unknot_chart_set_effects (self->effect_chart, (const UnknotEffectBar *) (gpointer) bars->data, bars->len);
  unknot_chart_set_description (self->effect_chart, description->str);
  gtk_widget_set_visible (GTK_WIDGET (self->effect_chart), bars->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->effect_list), bars->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->effect_empty), bars->len == 0);
}

static void
show_calendar (UnknotInsightsPage *self,
               GArray             *adherence)
{
  g_autoptr(GArray) days = unknot_chart_calendar_days_from_adherence (adherence);
  g_autofree char *summary = unknot_chart_calendar_describe ((const UnknotCalendarDay *) (gpointer) days->data, days->len);

  unknot_chart_set_calendar (self->calendar_chart, days);
  unknot_chart_set_description (self->calendar_chart, summary);
  gtk_label_set_text (self->calendar_caption, summary);
}

static void
load_done (Load *load)
{
  UnknotInsightsPage *self = load->page;

  if (--load->pending > 0)
    return;

  if (!g_cancellable_is_cancelled (load->cancellable))
    {
      self->n_loading--;
      if (load->error != NULL)
        {
          g_warning ("Insights: %s", load->error->message);
          adw_status_page_set_description (self->unavailable_page, load->error->message);
          show_state (self, "unavailable");
        }
      else if (load->trend_only)
        show_trend (self, load->range, load->trend);
      else if (load->n_entries == 0 && !load->any_session)
        show_state (self, "empty");
      else
        {
          show_trend (self, load->range, load->trend);
          show_effects (self, load->effects);
          show_calendar (self, load->adherence);
          show_state (self, "content");
        }
    }
  load_free (load);
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
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->n_entries = unknot_store_count_pain_entries_finish (UNKNOT_STORE (source), result, &error);
  if (error != NULL)
    take_error (load, error);
  load_done (load);
}

static void
sessions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) sessions = unknot_store_list_sessions_finish (UNKNOT_STORE (source), result, &error);

  if (error != NULL)
    take_error (load, error);
  load->any_session = sessions != NULL && sessions->len > 0;
  load_done (load);
}

static void
daily_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->trend = unknot_store_pain_daily_finish (UNKNOT_STORE (source), result, &error);
  if (error != NULL)
    take_error (load, error);
  load_done (load);
}

static void
before_after_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->effects = unknot_store_pain_before_after_finish (UNKNOT_STORE (source), result, &error);
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

static void data_changed_cb (UnknotInsightsPage *self);

/* The window's store; its pain log says when the history changed. */
static UnknotStore *
get_store (UnknotInsightsPage *self)
{
  return unknot_window_follow_pain_log (GTK_WIDGET (self), &self->store, G_CALLBACK (data_changed_cb));
}

static void
start_load (UnknotInsightsPage *self,
            gboolean            trend_only)
{
  UnknotStore *store = get_store (self);
  GDate first, last, epoch;
  Load *load;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->n_loading = 0;
    }
  if (store == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, _("Unknot could not open the file that keeps your history."));
      show_state (self, "unavailable");
      return;
    }
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "unavailable") && !trend_only)
    show_state (self, "loading");

  self->cancellable = g_cancellable_new ();
  self->n_loading++;
  load = g_new0 (Load, 1);
  load->page = g_object_ref (self);
  load->cancellable = g_object_ref (self->cancellable);
  load->range = self->range;
  load->trend_only = trend_only;
  load->pending = 1;  /* released below, once every call is queued */

  today (self, &last);
  first = last;
  if (self->range == UNKNOT_INSIGHTS_RANGE_ALL)
    {
      unknot_chart_data_epoch (&epoch);
      first = epoch;
    }
  else
    g_date_subtract_days (&first, range_days (self->range) - 1);
  load->pending++;
  unknot_store_pain_daily_async (store, &first, &last, 0, load->cancellable, daily_cb, load);

  if (!trend_only)
    {
      UnknotPainQuery everything = { 0 };
      GDate calendar_first = last;

      load->pending++;
      unknot_store_count_pain_entries_async (store, &everything, load->cancellable, count_cb, load);
      load->pending++;
      unknot_store_list_sessions_async (store, 1, load->cancellable, sessions_cb, load);
      load->pending++;
      unknot_store_pain_before_after_async (store, NULL, NULL, load->cancellable, before_after_cb, load);
      /* Whole weeks from a Monday, this week the last. */
      g_date_subtract_days (&calendar_first, (g_date_get_weekday (&last) - G_DATE_MONDAY) + 7 * (CALENDAR_WEEKS - 1));
      load->pending++;
      unknot_store_adherence_async (store, &calendar_first, &last, load->cancellable, adherence_cb, load);
    }
  load_done (load);
}

static void
data_changed_cb (UnknotInsightsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self, FALSE);
}

/* Read when shown, never before: the first frame does not wait for it. */
static void
page_map_cb (UnknotInsightsPage *self)
{
  start_load (self, FALSE);
}

void
unknot_insights_page_reload (UnknotInsightsPage *self)
{
  g_return_if_fail (UNKNOT_IS_INSIGHTS_PAGE (self));
  start_load (self, FALSE);
}

gboolean
unknot_insights_page_is_loading (UnknotInsightsPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_INSIGHTS_PAGE (self), FALSE);
  return self->n_loading > 0;
}

const char *
unknot_insights_page_get_state (UnknotInsightsPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_INSIGHTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

UnknotInsightsRange
unknot_insights_page_get_range (UnknotInsightsPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_INSIGHTS_PAGE (self), UNKNOT_INSIGHTS_RANGE_MONTH);
  return self->range;
}

void
unknot_insights_page_set_range (UnknotInsightsPage  *self,
                                UnknotInsightsRange  range)
{
  g_return_if_fail (UNKNOT_IS_INSIGHTS_PAGE (self));

  if (self->range == range)
    return;
  self->range = range;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "content"))
    start_load (self, TRUE);
}

static void
unknot_insights_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_enum (value, self->range);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_insights_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      unknot_insights_page_set_range (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_insights_page_dispose (GObject *object)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  unknot_window_unfollow_pain_log (GTK_WIDGET (self), &self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_INSIGHTS_PAGE);
  G_OBJECT_CLASS (unknot_insights_page_parent_class)->dispose (object);
}

static void
unknot_insights_page_class_init (UnknotInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_insights_page_dispose;
  object_class->get_property = unknot_insights_page_get_property;
  object_class->set_property = unknot_insights_page_set_property;

  properties[PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL, UNKNOT_TYPE_INSIGHTS_RANGE, UNKNOT_INSIGHTS_RANGE_MONTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, trend_caption);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, effect_empty);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, effect_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, effect_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, calendar_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, calendar_caption);

  gtk_widget_class_install_property_action (widget_class, "insights.range", "range");
}

static void
unknot_insights_page_init (UnknotInsightsPage *self)
{
  self->range = UNKNOT_INSIGHTS_RANGE_MONTH;
  gtk_widget_init_template (GTK_WIDGET (self));
  unknot_view_header_setup (self->switcher_title, self->menu_button);
  g_signal_connect (self, "map", G_CALLBACK (page_map_cb), NULL);
  show_state (self, "loading");
}
