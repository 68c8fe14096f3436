/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-application.h"

G_BEGIN_DECLS

/* app.export-pain-csv, app.import-pain-csv, app.back-up, app.restore,
 * app.delete-all-data and app.report: the main menu and the "Your Data"
 * page of preferences name these.  Each acts on the application's store,
 * with the active window as parent. */
void unknot_data_actions_add (UnknotApplication *app);

G_END_DECLS
