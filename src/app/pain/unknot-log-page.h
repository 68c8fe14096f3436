/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_LOG_PAGE (unknot_log_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLogPage, unknot_log_page, UNKNOT, LOG_PAGE, GtkBox)

G_END_DECLS
