/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-screening-notes.h"
#include "unknot-window-private.h"

#define SETTINGS_KEY "unknot-screening-settings"

static GSettings *
settings_of_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return UNKNOT_IS_WINDOW (root) ? UNKNOT_WINDOW (root)->settings : NULL;
}

void
unknot_screening_watch (GtkWidget *widget,
                        GCallback  changed)
{
  GSettings *settings = settings_of_window (widget);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (settings == NULL)
    return;
  g_object_set_data_full (G_OBJECT (widget), SETTINGS_KEY, g_object_ref (settings), g_object_unref);
  g_signal_connect_object (settings, "changed::screening-answers", changed, widget, G_CONNECT_SWAPPED);
}

void
unknot_screening_unwatch (GtkWidget *widget,
                          GCallback  changed)
{
  GSettings *settings = g_object_get_data (G_OBJECT (widget), SETTINGS_KEY);

  if (settings == NULL)
    return;
  g_signal_handlers_disconnect_by_func (settings, changed, widget);
  g_object_set_data (G_OBJECT (widget), SETTINGS_KEY, NULL);
}

char *
unknot_screening_dup_note_for_widget (GtkWidget            *widget,
                                      UnknotRoutine        *routine,
                                      UnknotScreeningLevel *level)
{
  GSettings *settings = g_object_get_data (G_OBJECT (widget), SETTINGS_KEY);
  g_autoptr(GVariant) answers = NULL;
  g_auto(GStrv) yes = NULL;

  if (settings == NULL || routine == NULL)
    return NULL;
  answers = g_settings_get_value (settings, "screening-answers");
  yes = unknot_screening_yes_from_variant (answers);
  return unknot_screening_dup_note ((const char * const *) yes, routine, level);
}
