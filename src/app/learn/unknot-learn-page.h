/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_LEARN_PAGE (unknot_learn_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLearnPage, unknot_learn_page, UNKNOT, LEARN_PAGE, GtkBox)

G_END_DECLS
