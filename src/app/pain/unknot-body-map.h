/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-pain.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_BODY_MAP (unknot_body_map_get_type ())
G_DECLARE_FINAL_TYPE (UnknotBodyMap, unknot_body_map, UNKNOT, BODY_MAP, GtkWidget)

/* A figure seen from behind, with one toggle button over each region of
 * unknot-pain.h (neck, shoulders, upper, mid and lower back, each side).
 * Because we look at the user's back, their left is on the left of the
 * picture; the figure says so.  Each toggle is focusable and has the
 * region's name ("Your left shoulder") as its accessible label.
 *
 * Property "regions" (guint, UnknotPainRegion flags) follows the toggles. */
GtkWidget *unknot_body_map_new         (void);
guint      unknot_body_map_get_regions (UnknotBodyMap    *self);
void       unknot_body_map_set_regions (UnknotBodyMap    *self,
                                        guint             regions);
/* The toggle of one region (a single flag). */
GtkWidget *unknot_body_map_get_toggle  (UnknotBodyMap    *self,
                                        UnknotPainRegion  region);

G_END_DECLS
