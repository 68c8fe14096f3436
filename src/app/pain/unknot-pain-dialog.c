/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-map.h"
#include "unknot-pain-dialog.h"
#include "unknot-pain-format.h"

#define TAG_KEY "unknot-tag"

struct _UnknotPainDialog
{
  AdwWindow        parent_instance;

  UnknotPainLog   *log;
  UnknotPainEntry *original;    /* the entry being edited, as it was; NULL: new */
  GCancellable    *cancellable;
  GPtrArray       *tag_toggles; /* GtkToggleButton, in the order shown */
  gboolean         saving;

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkLabel        *value_label;
  GtkLabel        *band_label;
  GtkLabel        *anchor_label;
  GtkScale        *pain_scale;
  GtkLabel        *low_anchor_label;
  GtkLabel        *high_anchor_label;
  UnknotBodyMap   *body_map;
  GtkLabel        *regions_label;
  GtkFlowBox      *tags_box;
  AdwEntryRow     *own_tag_row;
  GtkLabel        *tag_error_label;
  AdwExpanderRow  *interference_row;
  GtkScale        *interference_scale;
  AdwEntryRow     *note_row;
};

G_DEFINE_FINAL_TYPE (UnknotPainDialog, unknot_pain_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
scale_value (GtkScale *scale)
{
  /* The scale only holds 0 … 10. */
  return (int) (gtk_range_get_value (GTK_RANGE (scale)) + 0.5);
}

/* The words at the number, as it moves: the band always, the anchor words
 * at 0 and 10.  Text, so colour is never the only cue. */
static void
update_pain_words (UnknotPainDialog *self)
{
  int value = scale_value (self->pain_scale);
  const char *band = unknot_pain_band_get_label (unknot_pain_band_for_value (value));
  const char *anchor = unknot_pain_anchor_label (value);
  g_autofree char *number = g_strdup_printf ("%d", value);
  g_autofree char *described = unknot_pain_describe_value (value);
  GtkWidget *value_widget = GTK_WIDGET (self->value_label);

  gtk_label_set_text (self->value_label, number);
  gtk_label_set_text (self->band_label, band);
  gtk_label_set_text (self->anchor_label, anchor != NULL && g_strcmp0 (anchor, band) != 0 ? anchor : "");
  gtk_widget_set_visible (GTK_WIDGET (self->anchor_label), anchor != NULL && g_strcmp0 (anchor, band) != 0);
  for (int i = 0; i <= UNKNOT_PAIN_MAX; i += 1)
    gtk_widget_remove_css_class (value_widget, unknot_pain_band_css_class (i));
  gtk_widget_add_css_class (value_widget, unknot_pain_band_css_class (value));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pain_scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, described, -1);
}

static void
update_regions_summary (UnknotPainDialog *self)
{
  g_autofree char *names = unknot_pain_format_regions (unknot_body_map_get_regions (self->body_map));

  gtk_label_set_text (self->regions_label, names != NULL ? names : _("Nothing chosen yet"));
}

static void
update_interference (UnknotPainDialog *self)
{
  g_autofree char *subtitle = NULL;

  if (adw_expander_row_get_enable_expansion (self->interference_row))
    {
      int value = scale_value (self->interference_scale);

      /* TRANSLATORS: how much pain got in the way, e.g. "4 out of 10" */
      subtitle = g_strdup_printf (_("%d out of 10"), value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->interference_scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, subtitle, -1);
    }
  else
    /* TRANSLATORS: the optional question has no answer */
    subtitle = g_strdup (_("Optional; not set"));
  adw_expander_row_set_subtitle (self->interference_row, subtitle);
}

static void
show_error (UnknotPainDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Tags */

static GtkWidget *
find_tag_toggle (UnknotPainDialog *self,
                 const char       *tag)
{
  for (guint i = 0; i < self->tag_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->tag_toggles, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (toggle), TAG_KEY), tag) == 0)
        return toggle;
    }
  return NULL;
}

static GtkWidget *
add_tag_toggle (UnknotPainDialog *self,
                const char       *tag,
                gboolean          active)
{
  GtkWidget *toggle = find_tag_toggle (self, tag);
  GtkWidget *child;

  if (toggle == NULL)
    {
      toggle = gtk_toggle_button_new_with_label (unknot_pain_tag_get_display_name (tag));
      g_object_set_data_full (G_OBJECT (toggle), TAG_KEY, g_strdup (tag), g_free);
      gtk_widget_add_css_class (toggle, "pain-tag");
      gtk_flow_box_append (self->tags_box, toggle);
      /* The toggle takes focus, not the flow box's child around it. */
      child = gtk_widget_get_parent (toggle);
      gtk_widget_set_focusable (child, FALSE);
      g_ptr_array_add (self->tag_toggles, toggle);
    }
  if (active)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  return toggle;
}

/* TRUE when the row was empty or its words became a tag. */
static gboolean
take_own_tag (UnknotPainDialog *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->own_tag_row)));
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->tag_error_label), FALSE);
  if (*g_strstrip (text) == '\0')
    return TRUE;
  tag = unknot_pain_tag_normalize (text, &error);
  if (tag == NULL)
    {
      gtk_label_set_text (self->tag_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->tag_error_label), TRUE);
      return FALSE;
    }
  add_tag_toggle (self, tag, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->own_tag_row), "");
  return TRUE;
}

static void
own_tag_apply_cb (UnknotPainDialog *self)
{
  take_own_tag (self);
}

static void
tags_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UnknotPainDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = unknot_store_list_pain_tags_finish (UNKNOT_STORE (source), result, &error);

  if (tags == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The user's tags were not read: %s", error->message);
      return;
    }
  if (self->tag_toggles == NULL) /* closed meanwhile */
    return;
  for (guint i = 0; tags[i] != NULL; i++)
    add_tag_toggle (self, tags[i], FALSE);
}

/* Saving */

static UnknotPainEntry *
collect_entry (UnknotPainDialog *self)
{
  UnknotPainEntry *entry = self->original != NULL ? unknot_pain_entry_copy (self->original)
                                                  : unknot_pain_entry_new ();
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) tag_list = NULL;
  g_autofree char *note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  entry->pain = scale_value (self->pain_scale);
  entry->regions = unknot_body_map_get_regions (self->body_map);
  for (guint i = 0; i < self->tag_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->tag_toggles, i);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        g_strv_builder_add (tags, g_object_get_data (G_OBJECT (toggle), TAG_KEY));
    }
  tag_list = g_strv_builder_end (tags);
  unknot_pain_entry_set_tags (entry, (const char * const *) tag_list);
  entry->interference = adw_expander_row_get_enable_expansion (self->interference_row)
                        ? scale_value (self->interference_scale) : -1;
  g_clear_pointer (&entry->note, g_free);
  g_strstrip (note);
  if (*note != '\0')
    entry->note = g_steal_pointer (&note);
  return entry;
}

static void
set_saving (UnknotPainDialog *self,
            gboolean          saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain-dialog.save", !saving);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UnknotPainDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotPainEntry) saved = unknot_pain_log_save_finish (UNKNOT_PAIN_LOG (source), result, &error);
  g_autofree char *message = NULL;

  set_saving (self, FALSE);
  if (saved == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("A pain entry was not saved: %s", error->message);
      /* TRANSLATORS: %s says why, e.g. "The disk is full." */
      message = g_strdup_printf (_("Not saved: %s"), error->message);
      show_error (self, message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, saved, self->original);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotPainDialog *self = UNKNOT_PAIN_DIALOG (widget);
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saving)
    return;
  /* Words typed but not yet added are meant as a tag. */
  if (!take_own_tag (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->own_tag_row));
      return;
    }
  entry = collect_entry (self);
  if (!unknot_pain_entry_validate (entry, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  set_saving (self, TRUE);
  unknot_pain_log_save_async (self->log, entry, self->cancellable, saved_cb, g_object_ref (self));
}

/* While a save is on its way the dialog stays, so its outcome is seen. */
static gboolean
unknot_pain_dialog_close_request (GtkWindow *window)
{
  UnknotPainDialog *self = UNKNOT_PAIN_DIALOG (window);

  if (self->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (unknot_pain_dialog_parent_class)->close_request (window);
}

static void
unknot_pain_dialog_dispose (GObject *object)
{
  UnknotPainDialog *self = UNKNOT_PAIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->log);
  g_clear_pointer (&self->original, unknot_pain_entry_unref);
  g_clear_pointer (&self->tag_toggles, g_ptr_array_unref);
  G_OBJECT_CLASS (unknot_pain_dialog_parent_class)->dispose (object);
}

static void
unknot_pain_dialog_class_init (UnknotPainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_pain_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = unknot_pain_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2,
                                 UNKNOT_TYPE_PAIN_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE,
                                 UNKNOT_TYPE_PAIN_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-pain-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, value_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, band_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, low_anchor_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, high_anchor_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, regions_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, tags_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, own_tag_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, tag_error_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, interference_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, interference_scale);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, own_tag_apply_cb);

  gtk_widget_class_install_action (widget_class, "pain-dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pain-dialog.save", NULL);
}

static void
unknot_pain_dialog_init (UnknotPainDialog *self)
{
  const char * const *builtin = unknot_pain_tag_builtin_ids ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->tag_toggles = g_ptr_array_new ();

  for (int i = 0; i <= UNKNOT_PAIN_MAX; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%d", i);
      gtk_scale_add_mark (self->pain_scale, i, GTK_POS_BOTTOM, mark);
      gtk_scale_add_mark (self->interference_scale, i, GTK_POS_BOTTOM, NULL);
    }
  gtk_label_set_text (self->low_anchor_label, unknot_pain_anchor_label (0));
  gtk_label_set_text (self->high_anchor_label, unknot_pain_anchor_label (UNKNOT_PAIN_MAX));
  for (guint i = 0; builtin[i] != NULL; i++)
    add_tag_toggle (self, builtin[i], FALSE);

  g_signal_connect_swapped (self->pain_scale, "value-changed", G_CALLBACK (update_pain_words), self);
  g_signal_connect_swapped (self->body_map, "notify::regions", G_CALLBACK (update_regions_summary), self);
  g_signal_connect_swapped (self->interference_scale, "value-changed", G_CALLBACK (update_interference), self);
  g_signal_connect_swapped (self->interference_row, "notify::enable-expansion", G_CALLBACK (update_interference), self);
  update_pain_words (self);
  update_regions_summary (self);
  update_interference (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->pain_scale));
}

static void
show_entry (UnknotPainDialog      *self,
            const UnknotPainEntry *entry)
{
  g_autofree char *time = unknot_pain_format_time (entry->time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = unknot_pain_format_day (entry->time, now);
  g_autofree char *when = NULL;

  gtk_range_set_value (GTK_RANGE (self->pain_scale), entry->pain);
  unknot_body_map_set_regions (self->body_map, entry->regions);
  for (guint i = 0; entry->tags[i] != NULL; i++)
    add_tag_toggle (self, entry->tags[i], TRUE);
  if (entry->interference >= 0)
    {
      adw_expander_row_set_enable_expansion (self->interference_row, TRUE);
      gtk_range_set_value (GTK_RANGE (self->interference_scale), entry->interference);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), entry->note != NULL ? entry->note : "");

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Pain Entry"));
  adw_window_title_set_title (self->window_title, _("Edit Pain Entry"));
  /* TRANSLATORS: when the entry being edited was logged: "Today, 14:05" */
  when = g_strdup_printf (_("%s, %s"), day, time);
  adw_window_title_set_subtitle (self->window_title, when);
}

UnknotPainDialog *
unknot_pain_dialog_new (GtkWindow             *parent,
                        UnknotPainLog         *log,
                        const UnknotPainEntry *entry)
{
  UnknotPainDialog *self;

  g_return_val_if_fail (UNKNOT_IS_PAIN_LOG (log), NULL);

  self = g_object_new (UNKNOT_TYPE_PAIN_DIALOG, "transient-for", parent, NULL);
  self->log = g_object_ref (log);
  if (entry != NULL)
    {
      self->original = unknot_pain_entry_copy (entry);
      show_entry (self, entry);
    }
  unknot_store_list_pain_tags_async (unknot_pain_log_get_store (log), self->cancellable, tags_listed_cb, g_object_ref (self));
  return self;
}

GtkWidget *
unknot_pain_dialog_get_body_map (UnknotPainDialog *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIALOG (self), NULL);
  return GTK_WIDGET (self->body_map);
}

GtkWidget *
unknot_pain_dialog_get_pain_scale (UnknotPainDialog *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIALOG (self), NULL);
  return GTK_WIDGET (self->pain_scale);
}

GtkWidget *
unknot_pain_dialog_get_tag_toggle (UnknotPainDialog *self,
                                   const char       *tag)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIALOG (self), NULL);
  return find_tag_toggle (self, tag);
}
