/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-store.h"

G_BEGIN_DECLS

/* The history as a whole: CSV export and import, backup and restore, and
 * "Delete All My Data".  Each call runs on the store's worker, shows that it
 * is busy, and tells the outcome in @parent: a toast where @parent has a
 * place for one (the main window, preferences), a dialog otherwise.  A
 * failure says what went wrong and changes nothing. */

/* Writes every entry to @file (replacing it: the save dialog asked). */
void       unknot_data_export_csv       (GtkWindow   *parent,
                                         UnknotStore *store,
                                         GFile       *file);
/* Opens the import preview for @file (unknot-import-preview.h). */
GtkWidget *unknot_data_import_csv       (GtkWindow   *parent,
                                         UnknotStore *store,
                                         GFile       *file);
/* Writes a backup of everything to @file (replacing it). */
void       unknot_data_back_up          (GtkWindow   *parent,
                                         UnknotStore *store,
                                         GFile       *file);
/* Asks first, then replaces the history with the backup in @file; the
 * history it replaces is kept aside and its new name told.  Returns the
 * question, already presented (response "restore" goes ahead). */
GtkWidget *unknot_data_restore          (GtkWindow   *parent,
                                         UnknotStore *store,
                                         GFile       *file);
/* Asks first (response "delete", enabled once "I understand" is ticked),
 * then deletes every file of the history and starts an empty one.  Returns
 * the question, already presented. */
GtkWidget *unknot_data_delete_all       (GtkWindow   *parent,
                                         UnknotStore *store);

/* The same, from a file chooser first. */
void       unknot_data_choose_export_csv (GtkWindow   *parent,
                                          UnknotStore *store);
void       unknot_data_choose_import_csv (GtkWindow   *parent,
                                          UnknotStore *store);
void       unknot_data_choose_back_up    (GtkWindow   *parent,
                                          UnknotStore *store);
void       unknot_data_choose_restore    (GtkWindow   *parent,
                                          UnknotStore *store);

/* Tells @message in @parent: a toast, or a dialog where there is no place
 * for one. */
void       unknot_data_tell             (GtkWindow   *parent,
                                         const char  *message);
void       unknot_data_tell_error       (GtkWindow   *parent,
                                         const char  *heading,
                                         const char  *body);

G_END_DECLS
