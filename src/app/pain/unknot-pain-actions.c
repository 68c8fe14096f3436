/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain-actions.h"
#include "unknot-pain-dialog.h"
#include "unknot-pain-log.h"
#include "unknot-window-private.h"

#define UNDO_KEY "unknot-pain-undo"

typedef enum {
  UNDO_ADD,    /* delete what was added */
  UNDO_EDIT,   /* save the entry as it was */
  UNDO_DELETE, /* put the deleted entry back */
} UndoKind;

typedef struct
{
  UndoKind         kind;
  UnknotPainLog   *log;
  UnknotPainEntry *entry; /* ADD: as saved; EDIT: as it was; DELETE: as it was */
} UndoItem;

typedef struct
{
  GSimpleActionGroup *group;
  GHashTable         *items; /* serial → UndoItem */
  guint               next_serial;
} Undo;

static void
undo_item_free (UndoItem *item)
{
  g_clear_object (&item->log);
  g_clear_pointer (&item->entry, unknot_pain_entry_unref);
  g_free (item);
}

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->group);
  g_clear_pointer (&undo->items, g_hash_table_unref);
  g_free (undo);
}

static UnknotWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (UNKNOT_IS_WINDOW (widget))
    return UNKNOT_WINDOW (widget);
  if (UNKNOT_IS_WINDOW (root))
    return UNKNOT_WINDOW (root);
  /* From a dialog over the window. */
  if (GTK_IS_WINDOW (root) && UNKNOT_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))))
    return UNKNOT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root)));
  return NULL;
}

/* Still on screen: a window closed while a call ran has let go of its
 * toast overlay. */
static gboolean
window_alive (UnknotWindow *window)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) != NULL;
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UnknotWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_async_result_is_tagged (result, unknot_pain_log_delete_async))
    {
      g_autoptr(UnknotPainEntry) old = unknot_pain_log_delete_finish (UNKNOT_PAIN_LOG (source), result, &error);
      ok = old != NULL;
    }
  else if (g_async_result_is_tagged (result, unknot_pain_log_save_async))
    {
      g_autoptr(UnknotPainEntry) saved = unknot_pain_log_save_finish (UNKNOT_PAIN_LOG (source), result, &error);
      ok = saved != NULL;
    }
  else
    ok = unknot_pain_log_restore_finish (UNKNOT_PAIN_LOG (source), result, &error);

  if (!ok && window_alive (window))
    {
      g_autofree char *message = NULL;

      g_warning ("Could not undo a change to the pain log: %s", error->message);
      /* TRANSLATORS: %s says why */
      message = g_strdup_printf (_("Could not undo: %s"), error->message);
      unknot_window_toast (window, message);
    }
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer      user_data)
{
  UnknotWindow *window = user_data;
  Undo *undo = g_object_get_data (G_OBJECT (window), UNDO_KEY);
  guint serial = g_variant_get_uint32 (parameter);
  UndoItem *item = undo != NULL ? g_hash_table_lookup (undo->items, GUINT_TO_POINTER (serial)) : NULL;

  if (item == NULL)
    return;
  switch (item->kind)
    {
    case UNDO_ADD:
      unknot_pain_log_delete_async (item->log, item->entry->id, NULL, undone_cb, g_object_ref (window));
      break;
    case UNDO_EDIT:
      unknot_pain_log_save_async (item->log, item->entry, NULL, undone_cb, g_object_ref (window));
      break;
    case UNDO_DELETE:
    default:
      unknot_pain_log_restore_async (item->log, item->entry, NULL, undone_cb, g_object_ref (window));
      break;
    }
  g_hash_table_remove (undo->items, GUINT_TO_POINTER (serial));
}

static Undo *
ensure_undo (UnknotWindow *window)
{
  Undo *undo = g_object_get_data (G_OBJECT (window), UNDO_KEY);
  const GActionEntry entries[] = {
    { .name = "undo", .activate = undo_activated, .parameter_type = "u" },
  };

  if (undo != NULL)
    return undo;
  undo = g_new0 (Undo, 1);
  undo->items = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) undo_item_free);
  undo->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (undo->group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "pain", G_ACTION_GROUP (undo->group));
  g_object_set_data_full (G_OBJECT (window), UNDO_KEY, undo, (GDestroyNotify) undo_free);
  return undo;
}

typedef struct
{
  UnknotWindow *window; /* weak */
  guint         serial;
} Forget;

static gboolean
forget_idle_cb (gpointer user_data)
{
  Forget *forget = user_data;
  Undo *undo = forget->window != NULL ? g_object_get_data (G_OBJECT (forget->window), UNDO_KEY) : NULL;

  if (undo != NULL)
    g_hash_table_remove (undo->items, GUINT_TO_POINTER (forget->serial));
  g_clear_weak_pointer (&forget->window);
  g_free (forget);
  return G_SOURCE_REMOVE;
}

/* The toast is gone; its Undo can no longer be pressed.  Forgotten one
 * turn of the main loop later, in case the button's action comes after. */
static void
toast_dismissed_cb (AdwToast *toast,
                    gpointer  user_data)
{
  Forget *forget = user_data;

  g_idle_add (forget_idle_cb, forget);
}

static void
toast_with_undo (UnknotWindow    *window,
                 const char      *title,
                 UndoKind         kind,
                 UnknotPainLog   *log,
                 UnknotPainEntry *entry)
{
  Undo *undo = ensure_undo (window);
  UndoItem *item = g_new0 (UndoItem, 1);
  Forget *forget = g_new0 (Forget, 1);
  AdwToast *toast = adw_toast_new (title);
  guint serial = ++undo->next_serial;

  item->kind = kind;
  item->log = g_object_ref (log);
  item->entry = unknot_pain_entry_copy (entry);
  g_hash_table_insert (undo->items, GUINT_TO_POINTER (serial), item);

  forget->serial = serial;
  g_set_weak_pointer (&forget->window, window);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "pain.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (serial));
  adw_toast_set_timeout (toast, window->undo_timeout);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), forget);
  adw_toast_overlay_add_toast (window->toast_overlay, toast);
}

/* Record and edit */

static void
dialog_saved_cb (UnknotPainDialog *dialog,
                 UnknotPainEntry  *saved,
                 UnknotPainEntry  *before,
                 UnknotWindow     *window)
{
  UnknotStore *store = unknot_window_get_store (window);

  if (store == NULL)
    return;
  if (before == NULL)
    toast_with_undo (window, _("Pain entry saved"), UNDO_ADD, unknot_pain_log_get (store), saved);
  else
    toast_with_undo (window, _("Pain entry saved"), UNDO_EDIT, unknot_pain_log_get (store), before);
}

GtkWindow *
unknot_pain_show_dialog (GtkWidget             *widget,
                         const UnknotPainEntry *entry)
{
  UnknotWindow *window = window_of (widget);
  UnknotStore *store = window != NULL ? unknot_window_get_store (window) : NULL;
  UnknotPainDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (store == NULL)
    {
      g_warning ("There is no store to log pain in");
      return NULL;
    }
  dialog = unknot_pain_dialog_new (GTK_WINDOW (window), unknot_pain_log_get (store), entry);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Delete */

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UnknotWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotPainEntry) old = unknot_pain_log_delete_finish (UNKNOT_PAIN_LOG (source), result, &error);

  if (!window_alive (window))
    return;
  if (old == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("A pain entry was not deleted: %s", error->message);
      /* TRANSLATORS: %s says why */
      message = g_strdup_printf (_("Not deleted: %s"), error->message);
      unknot_window_toast (window, message);
      return;
    }
  toast_with_undo (window, _("Pain entry deleted"), UNDO_DELETE, UNKNOT_PAIN_LOG (source), old);
}

void
unknot_pain_delete_entry (GtkWidget *widget,
                          gint64     id)
{
  UnknotWindow *window = window_of (widget);
  UnknotStore *store = window != NULL ? unknot_window_get_store (window) : NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (store == NULL)
    return;
  unknot_pain_log_delete_async (unknot_pain_log_get (store), id, NULL, deleted_cb, g_object_ref (window));
}
