/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_LEARN_PAGE (unknot_learn_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLearnPage, unknot_learn_page, UNKNOT, LEARN_PAGE, GtkBox)

/* The therapist checklist is kept in @settings ("therapist-checklist");
 * NULL keeps it for this window only. */
void       unknot_learn_page_set_settings     (UnknotLearnPage *self,
                                               GSettings       *settings);
/* Scrolls to the place @id (see unknot_learn_content_search()) and
 * highlights it for a moment; a question also opens. */
void       unknot_learn_page_show_section     (UnknotLearnPage *self,
                                               const char      *id);
/* For tests: the widget that shows place @id, or NULL before the page has
 * been built (it is built when first shown). */
GtkWidget *unknot_learn_page_get_place        (UnknotLearnPage *self,
                                               const char      *id);
GtkScrolledWindow *unknot_learn_page_get_scroller (UnknotLearnPage *self);

G_END_DECLS
