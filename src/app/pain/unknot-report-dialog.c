/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-report"

#include "config.h"

#include <glib/gi18n.h>

#include "data/unknot-data-manager.h"
#include "unknot-chart-data.h"
#include "unknot-report-dialog.h"

enum {
  PERIOD_30_DAYS,
  PERIOD_3_MONTHS,
  PERIOD_12_MONTHS,
  PERIOD_EVERYTHING,
  PERIOD_CHOSEN,
};

struct _UnknotReportDialog
{
  AdwWindow       parent_instance;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwComboRow    *period_row;
  GtkMenuButton  *from_button;
  GtkCalendar    *from_calendar;
  GtkMenuButton  *to_button;
  GtkCalendar    *to_calendar;
  GtkSwitch      *chart_switch;
  GtkSwitch      *sessions_switch;
  GtkSwitch      *regions_switch;
  GtkSwitch      *table_switch;
  AdwActionRow   *notes_row;
  GtkSwitch      *notes_switch;

  GtkWindow      *parent;  /* weak */
  UnknotStore    *store;
  GCancellable   *cancellable;
  GDate           from;
  GDate           to;
  GDate           first_entry;  /* invalid until known */
  gboolean        setting_period;
  UnknotReport   *report;       /* while it is saved */
  GFile          *file;
};

G_DEFINE_FINAL_TYPE (UnknotReportDialog, unknot_report_dialog, ADW_TYPE_WINDOW)

static void
date_from_calendar (GtkCalendar *calendar,
                    GDate       *date)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time), g_date_time_get_month (time), g_date_time_get_year (time));
}

static void
calendar_select (GtkCalendar *calendar,
                 const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  gtk_calendar_select_day (calendar, time);
}

static void
update_labels (UnknotReportDialog *self)
{
  /* TRANSLATORS: a date on a button, strftime form: "3 Mar 2025" */
  g_autofree char *from = unknot_chart_format_date (g_date_get_julian (&self->from), _("%-d %b %Y"));
  g_autofree char *to = unknot_chart_format_date (g_date_get_julian (&self->to), _("%-d %b %Y"));
  gboolean valid = g_date_compare (&self->from, &self->to) <= 0;

  gtk_menu_button_set_label (self->from_button, g_strstrip (from));
  gtk_menu_button_set_label (self->to_button, g_strstrip (to));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_button), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_button), "error");
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
set_dates (UnknotReportDialog *self,
           const GDate        *from,
           const GDate        *to)
{
  self->from = *from;
  self->to = *to;
  self->setting_period = TRUE;
  calendar_select (self->from_calendar, from);
  calendar_select (self->to_calendar, to);
  self->setting_period = FALSE;
  update_labels (self);
}

static void
apply_period (UnknotReportDialog *self)
{
  guint period = adw_combo_row_get_selected (self->period_row);
  GDate from, to;

  today (&to);
  from = to;
  switch (period)
    {
    case PERIOD_30_DAYS:
      g_date_subtract_days (&from, 29);
      break;
    case PERIOD_3_MONTHS:
      g_date_subtract_months (&from, 3);
      g_date_add_days (&from, 1);
      break;
    case PERIOD_12_MONTHS:
      g_date_subtract_years (&from, 1);
      g_date_add_days (&from, 1);
      break;
    case PERIOD_EVERYTHING:
      if (g_date_valid (&self->first_entry))
        from = self->first_entry;
      break;
    case PERIOD_CHOSEN:
    default:
      return;
    }
  set_dates (self, &from, &to);
}

static void
period_changed_cb (UnknotReportDialog *self)
{
  apply_period (self);
}

static void
calendar_changed_cb (UnknotReportDialog *self)
{
  if (self->setting_period)
    return;
  date_from_calendar (self->from_calendar, &self->from);
  date_from_calendar (self->to_calendar, &self->to);
  adw_combo_row_set_selected (self->period_row, PERIOD_CHOSEN);
  gtk_menu_button_popdown (self->from_button);
  gtk_menu_button_popdown (self->to_button);
  update_labels (self);
}

/* "Everything" starts with the first entry, which only the store knows. */
static void
first_entry_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UnknotReportDialog) self = user_data;
  g_autoptr(GArray) days = unknot_store_pain_daily_finish (UNKNOT_STORE (source), result, NULL);

  if (days == NULL)
    return;
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, UnknotPainDay, i).n_entries > 0)
      {
        self->first_entry = g_array_index (days, UnknotPainDay, i).date;
        break;
      }
  if (adw_combo_row_get_selected (self->period_row) == PERIOD_EVERYTHING)
    apply_period (self);
}

void
unknot_report_dialog_get_options (UnknotReportDialog  *self,
                                  UnknotReportOptions *options)
{
  g_return_if_fail (UNKNOT_IS_REPORT_DIALOG (self));

  unknot_report_options_init (options, &self->from, &self->to);
  options->chart = gtk_switch_get_active (self->chart_switch);
  options->sessions = gtk_switch_get_active (self->sessions_switch);
  options->regions = gtk_switch_get_active (self->regions_switch);
  options->table = gtk_switch_get_active (self->table_switch);
  options->notes = options->table && gtk_switch_get_active (self->notes_switch);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UnknotReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;
  guint n_pages = 0;

  g_clear_pointer (&self->report, unknot_report_free);
  if (!unknot_report_save_finish (result, &n_pages, &error))
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "options");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", TRUE);
      unknot_data_tell_error (GTK_WINDOW (self), _("Could Not Save the Report"), error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* TRANSLATORS: "Saved the report as “report.pdf” (3 pages)" */
                                          "Saved the report as “%s” (%u page)",
                                          "Saved the report as “%s” (%u pages)", n_pages),
                             name, n_pages);
  unknot_data_tell (self->parent, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
collected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(UnknotReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->report = unknot_report_collect_finish (UNKNOT_STORE (source), result, &error);
  if (self->report == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "options");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", TRUE);
      unknot_data_tell_error (GTK_WINDOW (self), _("Could Not Make the Report"), error->message);
      return;
    }
  unknot_report_save_async (self->report, self->file, TRUE, NULL, saved_cb, g_object_ref (self));
}

void
unknot_report_dialog_save_to (UnknotReportDialog *self,
                              GFile              *file)
{
  UnknotReportOptions options;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (UNKNOT_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report != NULL)
    return;
  unknot_report_dialog_get_options (self, &options);
  g_set_object (&self->file, file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  unknot_report_collect_async (self->store, &options, now, self->cancellable, collected_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     UnknotReportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        unknot_report_dialog_save_to (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotReportDialog *self = UNKNOT_REPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&self->from),
                                           g_date_get_month (&self->from), g_date_get_day (&self->from));
  g_autofree char *to = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&self->to),
                                         g_date_get_month (&self->to), g_date_get_day (&self->to));
  /* TRANSLATORS: the suggested file name of a report: "pain-report-2025-03-01-to-2025-03-31.pdf" */
  g_autofree char *name = g_strdup_printf (_("pain-report-%s-to-%s.pdf"), from, to);

  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (filter);
}

static void
unknot_report_dialog_dispose (GObject *object)
{
  UnknotReportDialog *self = UNKNOT_REPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (unknot_report_dialog_parent_class)->dispose (object);
}

static void
unknot_report_dialog_finalize (GObject *object)
{
  UnknotReportDialog *self = UNKNOT_REPORT_DIALOG (object);

  g_clear_pointer (&self->report, unknot_report_free);
  G_OBJECT_CLASS (unknot_report_dialog_parent_class)->finalize (object);
}

static void
unknot_report_dialog_class_init (UnknotReportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_report_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = unknot_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, chart_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, sessions_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, regions_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, table_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotReportDialog, notes_switch);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
unknot_report_dialog_init (UnknotReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->first_entry, 1);
  g_object_bind_property (self->table_switch, "active", self->notes_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->period_row, "notify::selected", G_CALLBACK (period_changed_cb), self);
  g_signal_connect_swapped (self->from_calendar, "day-selected", G_CALLBACK (calendar_changed_cb), self);
  g_signal_connect_swapped (self->to_calendar, "day-selected", G_CALLBACK (calendar_changed_cb), self);
  apply_period (self);
}

UnknotReportDialog *
unknot_report_dialog_present (GtkWindow   *parent,
                              UnknotStore *store)
{
  UnknotReportDialog *self;
  GDate epoch, last;

  g_return_val_if_fail (UNKNOT_IS_STORE (store), NULL);

  self = g_object_new (UNKNOT_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (store);
  unknot_chart_data_epoch (&epoch);
  today (&last);
  unknot_store_pain_daily_async (store, &epoch, &last, 0, self->cancellable, first_entry_cb, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
