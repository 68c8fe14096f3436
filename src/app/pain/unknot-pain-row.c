/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain.h"
#include "unknot-pain-format.h"
#include "unknot-pain-history.h"
#include "unknot-pain-row.h"

#define NOTE_PREVIEW_CHARS 160

struct _UnknotPainRow
{
  GtkWidget   parent_instance;

  GHashTable *session_titles;
  GObject    *item;
  gulong      notify_id;

  GtkLabel   *day_label;
  GtkWidget  *entry_box;
  GtkLabel   *badge_label;
  const char *badge_class;
  GtkLabel   *title_label;
  GtkLabel   *time_label;
  GtkLabel   *details_label;
  GtkLabel   *session_label;
  GtkWidget  *edit_button;
  GtkWidget  *delete_button;
};

G_DEFINE_FINAL_TYPE (UnknotPainRow, unknot_pain_row, GTK_TYPE_WIDGET)

static void
set_optional (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The first line of the note, not too long: the whole note is a click
 * away, in the dialog. */
static char *
note_preview (const char *note)
{
  const char *end;
  g_autofree char *line = NULL;

  if (note == NULL)
    return NULL;
  end = strchr (note, '\n');
  line = end != NULL ? g_strndup (note, (gsize) (end - note)) : g_strdup (note);
  if (g_utf8_strlen (line, -1) > NOTE_PREVIEW_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, NOTE_PREVIEW_CHARS);
      return g_strconcat (cut, "…", NULL);
    }
  if (end != NULL)
    return g_strconcat (line, " …", NULL);
  return g_steal_pointer (&line);
}

static char *
session_text (UnknotPainRow         *self,
              const UnknotPainEntry *entry)
{
  const char *title;

  if (entry->session_id == 0 || entry->phase == UNKNOT_PAIN_PHASE_NONE)
    return NULL;
  title = self->session_titles != NULL ? g_hash_table_lookup (self->session_titles, &entry->session_id) : NULL;
  if (entry->phase == UNKNOT_PAIN_PHASE_BEFORE)
    /* TRANSLATORS: in the pain history, an entry logged just before a session of a routine */
    return title != NULL ? g_strdup_printf (_("Before “%s”"), title) : g_strdup (_("Before a session"));
  /* TRANSLATORS: in the pain history, an entry logged just after a session of a routine */
  return title != NULL ? g_strdup_printf (_("After “%s”"), title) : g_strdup (_("After a session"));
}

/* Dim text in markup: the theme's dim-label is an opacity too. */
#define DIM "<span alpha=\"55%%\">"

/* Where, what may have caused it, how much it got in the way and the
 * note, a line each, in one label. */
static char *
details_markup (const UnknotPainEntry *entry)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *regions = unknot_pain_format_regions (entry->regions);
  g_autofree char *tags = unknot_pain_format_tags ((const char * const *) entry->tags);
  g_autofree char *note = note_preview (entry->note);

  if (regions != NULL)
    g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", regions);
  if (tags != NULL)
    {
      g_autofree char *escaped = g_markup_printf_escaped (DIM "%s</span>", tags);
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", escaped);
    }
  if (entry->interference >= 0)
    {
      /* TRANSLATORS: in the pain history: how much pain got in the way of daily activity */
      g_autofree char *text = g_strdup_printf (_("Got in the way: %d out of 10"), entry->interference);
      g_autofree char *escaped = g_markup_printf_escaped (DIM "%s</span>", text);
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", escaped);
    }
  if (note != NULL)
    {
      g_autofree char *escaped = g_markup_printf_escaped ("<i>%s</i>", note);
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", escaped);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
show_entry (UnknotPainRow         *self,
            const UnknotPainEntry *entry)
{
  const char *band = unknot_pain_band_get_label (unknot_pain_band_for_value (entry->pain));
  const char *anchor = unknot_pain_anchor_label (entry->pain);
  const char *badge_class = unknot_pain_band_css_class (entry->pain);
  g_autofree char *number = g_strdup_printf ("%d", entry->pain);
  g_autofree char *title = NULL;
  g_autofree char *time = unknot_pain_format_time (entry->time);
  g_autofree char *details = details_markup (entry);
  g_autofree char *session = session_text (self, entry);
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;

  gtk_label_set_text (self->badge_label, number);
  /* Only a real change of class: each one restyles the badge. */
  if (self->badge_class != badge_class)
    {
      if (self->badge_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), badge_class);
      self->badge_class = badge_class;
    }
  if (anchor != NULL && g_strcmp0 (anchor, band) != 0)
    title = g_markup_printf_escaped ("<b>%s</b>  " DIM "%s</span>", band, anchor);
  else
    title = g_markup_printf_escaped ("<b>%s</b>", band);
  gtk_label_set_markup (self->title_label, title);
  gtk_label_set_text (self->time_label, time);
  gtk_label_set_markup (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  set_optional (self->session_label, session);

  /* TRANSLATORS: a button's label for screen readers; %s is the entry's time */
  edit_label = g_strdup_printf (_("Edit the entry of %s"), time);
  /* TRANSLATORS: a button's label for screen readers; %s is the entry's time */
  delete_label = g_strdup_printf (_("Delete the entry of %s"), time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
}

/* The lines are ellipsized in a narrow window; all of them on hover.
 * Asked for only when a tooltip is about to show: one set on every bind
 * made GTK look for a tooltip under the pointer each time (a round trip
 * to the X server, and a markup parse) while the list scrolled. */
static gboolean
details_query_tooltip_cb (UnknotPainRow *self,
                          int            x,
                          int            y,
                          gboolean       keyboard_mode,
                          GtkTooltip    *tooltip)
{
  if (!UNKNOT_IS_PAIN_ITEM (self->item) || !pango_layout_is_ellipsized (gtk_label_get_layout (self->details_label)))
    return FALSE;
  gtk_tooltip_set_markup (tooltip, gtk_label_get_label (self->details_label));
  return TRUE;
}

/* The buttons name the row's own actions, which pass the bound entry's id
 * on to "log.edit" and "log.delete": binding a row sets no action target,
 * and no button looks its action up again. */
static void
entry_action_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotPainRow *self = UNKNOT_PAIN_ROW (widget);

  if (!UNKNOT_IS_PAIN_ITEM (self->item))
    return;
  gtk_widget_activate_action (widget, g_str_equal (action_name, "row.edit") ? "log.edit" : "log.delete", "x",
                              unknot_pain_item_get_entry (UNKNOT_PAIN_ITEM (self->item))->id);
}

static void
show_day (UnknotPainRow *self,
          UnknotPainDay *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = unknot_pain_format_day (unknot_pain_day_get_date (day), now);

  gtk_label_set_text (self->day_label, text);
}

void
unknot_pain_row_refresh (UnknotPainRow *self)
{
  gboolean day;

  g_return_if_fail (UNKNOT_IS_PAIN_ROW (self));

  if (self->item == NULL)
    return;
  day = UNKNOT_IS_PAIN_DAY (self->item);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), day);
  gtk_widget_set_visible (self->entry_box, !day);
  if (day)
    show_day (self, UNKNOT_PAIN_DAY (self->item));
  else
    show_entry (self, unknot_pain_item_get_entry (UNKNOT_PAIN_ITEM (self->item)));
}

void
unknot_pain_row_bind (UnknotPainRow *self,
                      GObject       *item)
{
  g_return_if_fail (UNKNOT_IS_PAIN_ROW (self));

  unknot_pain_row_unbind (self);
  self->item = g_object_ref (item);
  if (UNKNOT_IS_PAIN_ITEM (item))
    self->notify_id = g_signal_connect_swapped (item, "notify::entry", G_CALLBACK (unknot_pain_row_refresh), self);
  unknot_pain_row_refresh (self);
}

void
unknot_pain_row_unbind (UnknotPainRow *self)
{
  g_return_if_fail (UNKNOT_IS_PAIN_ROW (self));

  if (self->item != NULL && self->notify_id != 0)
    g_signal_handler_disconnect (self->item, self->notify_id);
  self->notify_id = 0;
  g_clear_object (&self->item);
}

static void
unknot_pain_row_dispose (GObject *object)
{
  UnknotPainRow *self = UNKNOT_PAIN_ROW (object);

  unknot_pain_row_unbind (self);
  g_clear_pointer (&self->session_titles, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PAIN_ROW);
  G_OBJECT_CLASS (unknot_pain_row_parent_class)->dispose (object);
}

static void
unknot_pain_row_class_init (UnknotPainRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_pain_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "painrow");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-pain-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, entry_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, session_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, details_query_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, entry_action_activated);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, entry_action_activated);
}

static void
unknot_pain_row_init (UnknotPainRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_pain_row_new (GHashTable *session_titles)
{
  UnknotPainRow *self = g_object_new (UNKNOT_TYPE_PAIN_ROW, NULL);

  self->session_titles = session_titles != NULL ? g_hash_table_ref (session_titles) : NULL;
  return GTK_WIDGET (self);
}
