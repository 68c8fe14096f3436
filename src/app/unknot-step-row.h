/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_STEP_ROW (unknot_step_row_get_type ())
G_DECLARE_FINAL_TYPE (UnknotStepRow, unknot_step_row, UNKNOT, STEP_ROW, AdwPreferencesRow)

GtkWidget *unknot_step_row_new (UnknotStep *step,
                                guint       number);

G_END_DECLS
