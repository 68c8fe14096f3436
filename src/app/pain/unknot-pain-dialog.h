/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-pain-log.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_DIALOG (unknot_pain_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainDialog, unknot_pain_dialog, UNKNOT, PAIN_DIALOG, AdwWindow)

/* Records pain now (0–10, with its words), where (a body map), what may
 * have caused it, how much it got in the way and a note; or edits @entry
 * when it is not NULL.  Save (Enter) writes through @log without blocking
 * and closes once it is saved; Escape cancels.
 *
 * Signal "saved" (UnknotPainEntry *saved, UnknotPainEntry *before): before
 * is the entry as it was when editing, NULL for a new one. */
UnknotPainDialog *unknot_pain_dialog_new          (GtkWindow             *parent,
                                                   UnknotPainLog         *log,
                                                   const UnknotPainEntry *entry);

/* For tests: the parts a user works with. */
GtkWidget        *unknot_pain_dialog_get_body_map   (UnknotPainDialog *self);
GtkWidget        *unknot_pain_dialog_get_pain_scale (UnknotPainDialog *self);
/* The toggle of a tag (a built-in id or the user's words), or NULL. */
GtkWidget        *unknot_pain_dialog_get_tag_toggle (UnknotPainDialog *self,
                                                     const char       *tag);

G_END_DECLS
