/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-screening.h"

G_BEGIN_DECLS

/* What a routine row or page needs to show the safety check's note: the
 * answers live in the settings of the window the widget is in. */

/* Calls @changed (swapped: its first argument is @widget) whenever the
 * answers in the settings of @widget's window change; from @widget's root
 * vfunc, with unknot_screening_unwatch() in its unroot. */
void  unknot_screening_watch               (GtkWidget            *widget,
                                            GCallback             changed);
void  unknot_screening_unwatch             (GtkWidget            *widget,
                                            GCallback             changed);
/* The note for @routine as @widget's window's answers have it, or NULL. */
char *unknot_screening_dup_note_for_widget (GtkWidget            *widget,
                                            UnknotRoutine        *routine,
                                            UnknotScreeningLevel *level);

G_END_DECLS
