/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-store.h"

G_BEGIN_DECLS

/* Runs the main loop until @condition (@data) holds; fails after 10 s. */
void         wait_until             (gboolean (*condition) (gpointer),
                                     gpointer data);
gboolean     widget_is_mapped       (gpointer widget);
gboolean     pointer_set            (gpointer data);  /* *(gpointer *) data != NULL */
gboolean     flag_set               (gpointer data);  /* *(gboolean *) data */
/* Runs what is pending (up to 50 iterations) without blocking. */
void         drain                  (void);
void         delete_tree            (const char *path);

/* The app's settings kept in the key file @path: a new one over the same
 * file is what a restarted app reads back. */
GSettings   *keyfile_settings_new   (const char *path);
/* Writes *@settings out and drops it (NULL is fine). */
void         keyfile_settings_close (GSettings **settings);

/* Depth-first search of @widget and its descendants. */
GtkWidget   *find_widget            (GtkWidget  *widget,
                                     gboolean  (*match) (GtkWidget *, gconstpointer),
                                     gconstpointer data);
gboolean     is_shown_label         (GtkWidget     *widget,
                                     gconstpointer  text);
gboolean     is_label_with_class    (GtkWidget     *widget,
                                     gconstpointer  css_class);
const char  *shown_label_with_class (GtkWidget  *root,
                                     const char *css_class);
/* A shown button with the label @label, a shown AdwPreferencesRow (action,
 * combo, expander... row) with the title @title, a routine's row in the
 * library (shown or not) with the title @title. */
gboolean     is_button_labelled     (GtkWidget     *widget,
                                     gconstpointer  label);
gboolean     is_row_titled          (GtkWidget     *widget,
                                     gconstpointer  title);
gboolean     is_routine_row_titled  (GtkWidget     *widget,
                                     gconstpointer  title);

/* Opens @store and waits until it is open; fails the test if it cannot. */
void         open_store             (UnknotStore *store);

G_END_DECLS
