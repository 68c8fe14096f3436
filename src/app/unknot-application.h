/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-routine-library.h"
#include "unknot-store.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_APPLICATION (unknot_application_get_type ())
G_DECLARE_FINAL_TYPE (UnknotApplication, unknot_application, UNKNOT, APPLICATION, AdwApplication)

UnknotApplication    *unknot_application_new         (void);
UnknotRoutineLibrary *unknot_application_get_library (UnknotApplication *self);
/* NULL when the schema is not installed (an uninstalled build run by hand). */
GSettings            *unknot_application_get_settings (UnknotApplication *self);
/* The store, opened on first use. */
UnknotStore          *unknot_application_get_store   (UnknotApplication *self);

G_END_DECLS
