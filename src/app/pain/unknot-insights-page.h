/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_INSIGHTS_PAGE (unknot_insights_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotInsightsPage, unknot_insights_page, UNKNOT, INSIGHTS_PAGE, GtkBox)

G_END_DECLS
