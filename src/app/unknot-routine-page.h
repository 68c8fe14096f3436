/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PAGE (unknot_routine_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, UNKNOT, ROUTINE_PAGE, GtkWidget)

UnknotRoutine *unknot_routine_page_get_routine (UnknotRoutinePage *self);
void           unknot_routine_page_set_routine (UnknotRoutinePage *self,
                                                UnknotRoutine     *routine);

G_END_DECLS
