/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pain/unknot-report-dialog.h"
#include "unknot-data-actions.h"
#include "unknot-data-manager.h"

typedef void (*DataFunc) (GtkWindow *parent, UnknotStore *store);

static void
run (gpointer  user_data,
     DataFunc  func)
{
  UnknotApplication *app = user_data;

  func (gtk_application_get_active_window (GTK_APPLICATION (app)), unknot_application_get_store (app));
}

static void
delete_all (GtkWindow   *parent,
            UnknotStore *store)
{
  unknot_data_delete_all (parent, store);
}

static void
report (GtkWindow   *parent,
        UnknotStore *store)
{
  unknot_report_dialog_present (parent, store);
}

#define DATA_ACTION(name, func) \
  static void \
  name##_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data) \
  { \
    run (user_data, func); \
  }

DATA_ACTION (export_pain_csv, unknot_data_choose_export_csv)
DATA_ACTION (import_pain_csv, unknot_data_choose_import_csv)
DATA_ACTION (back_up, unknot_data_choose_back_up)
DATA_ACTION (restore, unknot_data_choose_restore)
DATA_ACTION (delete_all_data, delete_all)
DATA_ACTION (report, report)

static const GActionEntry data_actions[] = {
  { "export-pain-csv", export_pain_csv_activated },
  { "import-pain-csv", import_pain_csv_activated },
  { "back-up", back_up_activated },
  { "restore", restore_activated },
  { "delete-all-data", delete_all_data_activated },
  { "report", report_activated },
};

void
unknot_data_actions_add (UnknotApplication *app)
{
  g_action_map_add_action_entries (G_ACTION_MAP (app), data_actions, G_N_ELEMENTS (data_actions), app);
}
