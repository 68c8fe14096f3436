/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-routine-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_LIBRARY_PAGE (unknot_library_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLibraryPage, unknot_library_page, UNKNOT, LIBRARY_PAGE, GtkBox)

void        unknot_library_page_set_library     (UnknotLibraryPage    *self,
                                                 UnknotRoutineLibrary *library);
/* The routines that pass the search and filters, as shown. */
GListModel *unknot_library_page_get_shown       (UnknotLibraryPage    *self);
void        unknot_library_page_set_search_text (UnknotLibraryPage    *self,
                                                 const char           *text);
/* @tool is an UnknotTool or -1 for all; @area NULL for all. */
void        unknot_library_page_set_filters     (UnknotLibraryPage    *self,
                                                 int                   tool,
                                                 const char           *area);
void        unknot_library_page_start_search    (UnknotLibraryPage    *self);
/* The header's reminder menu; the window fills it. */
GtkMenuButton *unknot_library_page_get_reminder_button (UnknotLibraryPage *self);

G_END_DECLS
