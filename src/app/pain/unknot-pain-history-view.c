/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain-history-view.h"
#include "unknot-pain-actions.h"
#include "unknot-pain-history.h"
#include "unknot-pain-log.h"
#include "unknot-pain-row.h"

/* GTK 4.8's list view makes a row widget for each of the first 200 items
 * as soon as they are in the model, there and then, at a quarter to half
 * a millisecond each: a page of 128 held the main loop for 33 ms as the
 * Pain Log opened.  So a screenful comes first, and until those 200 rows
 * exist, a page of 8 (3 to 4 ms of row building; 16 still let a frame
 * drop now and then) is asked for once a frame, from a tick callback:
 * while the view is not on screen, it waits.  After them, items cost no
 * widgets, and later pages are large, each well under a millisecond of
 * main loop work. */
#define FIRST_PAGE    16
#define PAGE_A_FRAME  8
#define WIDGET_ITEMS  (200 + 2 * 2) /* GTK_LIST_VIEW_MAX_LIST_ITEMS, and the extra ones around it */
#define LATER_PAGE    2000

/* The region drop-down: anywhere, the five areas (both sides), then each
 * region by itself. */
#define N_AREAS 5
#define N_REGION_CHOICES (1 + N_AREAS + UNKNOT_PAIN_N_REGIONS)

struct _UnknotPainHistoryView
{
  GtkBox                parent_instance;

  UnknotPainLog        *log;
  UnknotPainHistory    *history;
  GHashTable           *session_titles; /* gint64 * → title */
  GPtrArray            *rows;           /* the UnknotPainRow that exist */
  GHashTable           *added_early;    /* ids inserted before their page came */
  GCancellable         *cancellable;    /* of the load under way */
  guint                 page_tick;      /* asks for the next page on the next frame */
  guint                 generation;
  gboolean              shown;
  gboolean              first_page_in;
  gboolean              complete;
  gboolean              sessions_asked;

  guint                 filter_regions;
  char                 *filter_tag;
  GStrv                 tag_ids;        /* parallel to the cause drop-down; [0] = "" */
  gboolean              setting_filters;

  GtkWidget            *filter_bar;
  GtkDropDown          *region_filter;
  GtkDropDown          *tag_filter;
  GtkStack             *stack;
  AdwStatusPage        *unavailable_page;
  GtkScrolledWindow    *scrolled_window;
  GtkListView          *list_view;
};

G_DEFINE_FINAL_TYPE (UnknotPainHistoryView, unknot_pain_history_view, GTK_TYPE_BOX)

static guint
region_choice_flags (guint choice)
{
  if (choice == 0 || choice >= N_REGION_CHOICES)
    return 0;
  if (choice <= N_AREAS)
    return unknot_pain_region_nth ((choice - 1) * 2) | unknot_pain_region_nth ((choice - 1) * 2 + 1);
  return unknot_pain_region_nth (choice - 1 - N_AREAS);
}

static gboolean
filtering (UnknotPainHistoryView *self)
{
  return self->filter_regions != 0 || self->filter_tag != NULL;
}

static gboolean
matches_filters (UnknotPainHistoryView         *self,
                 const UnknotPainEntry *entry)
{
  if (self->filter_regions != 0 && (entry->regions & self->filter_regions) == 0)
    return FALSE;
  if (self->filter_tag != NULL && !g_strv_contains ((const char * const *) entry->tags, self->filter_tag))
    return FALSE;
  return TRUE;
}

static void
update_stack (UnknotPainHistoryView *self)
{
  gboolean any = unknot_pain_history_get_n_entries (self->history) > 0;
  const char *name;

  if (self->log == NULL)
    name = "unavailable";
  else if (any)
    name = "list";
  else if (!self->first_page_in)
    name = "loading";
  else if (filtering (self))
    name = "no-match";
  else
    name = "empty";
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->filter_bar, any || filtering (self));
}

static void
refresh_rows (UnknotPainHistoryView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    unknot_pain_row_refresh (g_ptr_array_index (self->rows, i));
}

/* Loading: one call on the store's worker at a time, each tagged with the
 * load it belongs to, so a filter change simply starts another. */

typedef struct
{
  UnknotPainHistoryView *page;
  guint          generation;
  guint          limit;
} Call;

static Call *
call_new (UnknotPainHistoryView *self,
          guint          limit)
{
  Call *call = g_new0 (Call, 1);

  call->page = g_object_ref (self);
  call->generation = self->generation;
  call->limit = limit;
  return call;
}

static void
call_free (Call *call)
{
  g_object_unref (call->page);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

/* Still the load it was made for, and the page not disposed. */
static gboolean
call_current (Call *call)
{
  return call->page->history != NULL && call->generation == call->page->generation;
}

static void request_page (UnknotPainHistoryView *self,
                          guint          limit);

static gboolean
next_page_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  UnknotPainHistoryView *self = UNKNOT_PAIN_HISTORY_VIEW (widget);

  self->page_tick = 0;
  request_page (self, PAGE_A_FRAME);
  return G_SOURCE_REMOVE;
}

static void
cancel_load (UnknotPainHistoryView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->page_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->page_tick);
  self->page_tick = 0;
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  UnknotPainHistoryView *self = call->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = unknot_store_list_pain_entries_finish (UNKNOT_STORE (source), result, &error);
  guint received;

  if (!call_current (call))
    return;
  if (entries == NULL)
    {
      g_warning ("The pain history could not be read: %s", error->message);
      if (unknot_pain_history_get_n_entries (self->history) == 0)
        {
          adw_status_page_set_description (self->unavailable_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "unavailable");
        }
      return;
    }

  received = entries->len;
  /* Saved while this page was on its way: shown already. */
  if (g_hash_table_size (self->added_early) > 0)
    for (guint i = entries->len; i > 0; i--)
      {
        UnknotPainEntry *entry = g_ptr_array_index (entries, i - 1);
        if (g_hash_table_contains (self->added_early, &entry->id))
          g_ptr_array_remove_index (entries, i - 1);
      }
  unknot_pain_history_append (self->history, entries);

  if (received < call->limit)
    {
      self->complete = TRUE;
      g_hash_table_remove_all (self->added_early);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->history)) < WIDGET_ITEMS)
    self->page_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), next_page_tick_cb, NULL, NULL);
  else
    request_page (self, LATER_PAGE);
  if (!self->first_page_in)
    {
      self->first_page_in = TRUE;
      update_stack (self);
    }
}

static void
request_page (UnknotPainHistoryView *self,
              guint          limit)
{
  const char *tags[] = { self->filter_tag, NULL };
  UnknotPainQuery query = { 0 };

  query.regions = self->filter_regions;
  query.tags = self->filter_tag != NULL ? tags : NULL;
  query.limit = limit;
  query.after = unknot_pain_history_get_oldest (self->history);
  unknot_store_list_pain_entries_async (unknot_pain_log_get_store (self->log), &query, self->cancellable,
                                        page_cb, call_new (self, limit));
}

static void
sessions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  UnknotPainHistoryView *self = call->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = unknot_store_list_sessions_finish (UNKNOT_STORE (source), result, &error);

  if (self->history == NULL)
    return;
  self->sessions_asked = FALSE;
  if (sessions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The sessions' routines could not be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      UnknotSessionRecord *record = g_ptr_array_index (sessions, i);

      if (record->routine_title != NULL)
        g_hash_table_replace (self->session_titles, g_memdup2 (&record->id, sizeof record->id),
                              g_strdup (record->routine_title));
    }
  refresh_rows (self);
}

/* @limit 0: every session, for a full load; else the newest, for an entry
 * of a session begun since. */
static void
request_sessions (UnknotPainHistoryView *self,
                  guint          limit)
{
  if (self->sessions_asked)
    return;
  self->sessions_asked = TRUE;
  unknot_store_list_sessions_async (unknot_pain_log_get_store (self->log), limit, NULL, sessions_cb,
                                    call_new (self, limit));
}

static void
set_tag_choices (UnknotPainHistoryView      *self,
                 const char * const *own_tags)
{
  const char * const *builtin = unknot_pain_tag_builtin_ids ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) new_ids = NULL;
  guint selected = 0;

  g_strv_builder_add (ids, "");
  gtk_string_list_append (names, _("Any cause"));
  for (guint i = 0; builtin[i] != NULL; i++)
    {
      g_strv_builder_add (ids, builtin[i]);
      gtk_string_list_append (names, unknot_pain_tag_get_display_name (builtin[i]));
    }
  for (guint i = 0; own_tags != NULL && own_tags[i] != NULL; i++)
    {
      g_strv_builder_add (ids, own_tags[i]);
      gtk_string_list_append (names, own_tags[i]);
    }
  /* The cause shown stays a choice, even when no entry has it any more. */
  if (self->filter_tag != NULL && !unknot_pain_tag_is_builtin (self->filter_tag)
      && (own_tags == NULL || !g_strv_contains (own_tags, self->filter_tag)))
    {
      g_strv_builder_add (ids, self->filter_tag);
      gtk_string_list_append (names, self->filter_tag);
    }
  new_ids = g_strv_builder_end (ids);
  if (self->tag_ids != NULL && g_strv_equal ((const char * const *) self->tag_ids, (const char * const *) new_ids))
    return;

  for (guint i = 1; new_ids[i] != NULL; i++)
    if (g_strcmp0 (new_ids[i], self->filter_tag) == 0)
      selected = i;
  g_strfreev (self->tag_ids);
  self->tag_ids = g_steal_pointer (&new_ids);
  self->setting_filters = TRUE;
  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tag_filter, selected);
  self->setting_filters = FALSE;
}

static void
tags_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_auto(GStrv) tags = unknot_store_list_pain_tags_finish (UNKNOT_STORE (source), result, NULL);

  if (call->page->history == NULL || tags == NULL)
    return;
  set_tag_choices (call->page, (const char * const *) tags);
}

static void
load (UnknotPainHistoryView *self)
{
  if (self->log == NULL)
    {
      update_stack (self);
      return;
    }
  cancel_load (self);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->first_page_in = FALSE;
  self->complete = FALSE;
  g_hash_table_remove_all (self->added_early);
  unknot_pain_history_clear (self->history);
  update_stack (self);

  request_page (self, FIRST_PAGE);
  request_sessions (self, 0);
  unknot_store_list_pain_tags_async (unknot_pain_log_get_store (self->log), self->cancellable, tags_cb,
                                     call_new (self, 0));
}

/* Changes made through the log */

static void
insert_entry (UnknotPainHistoryView   *self,
              UnknotPainEntry *entry)
{
  g_autoptr(UnknotPainEntry) copy = NULL;

  /* Words of the user's own not yet among the causes to filter by. */
  for (guint i = 0; entry->tags[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) self->tag_ids, entry->tags[i]))
      {
        unknot_store_list_pain_tags_async (unknot_pain_log_get_store (self->log), NULL, tags_cb, call_new (self, 0));
        break;
      }
  if (!matches_filters (self, entry))
    return;
  copy = unknot_pain_entry_copy (entry);
  if (unknot_pain_history_insert (self->history, copy, self->complete) && !self->complete)
    g_hash_table_add (self->added_early, g_memdup2 (&entry->id, sizeof entry->id));
  if (entry->session_id != 0 && !g_hash_table_contains (self->session_titles, &entry->session_id))
    request_sessions (self, 20);
}

static void
entry_added_cb (UnknotPainLog   *log,
                UnknotPainEntry *entry,
                UnknotPainHistoryView   *self)
{
  if (!self->shown)
    return;
  insert_entry (self, entry);
  update_stack (self);
}

static void
entry_changed_cb (UnknotPainLog   *log,
                  UnknotPainEntry *entry,
                  UnknotPainHistoryView   *self)
{
  if (!self->shown)
    return;
  unknot_pain_history_remove (self->history, entry->id);
  insert_entry (self, entry);
  update_stack (self);
}

static void
entry_removed_cb (UnknotPainLog *log,
                  gint64         id,
                  UnknotPainHistoryView *self)
{
  if (!self->shown)
    return;
  unknot_pain_history_remove (self->history, id);
  update_stack (self);
}

static void
reset_cb (UnknotPainHistoryView *self)
{
  unknot_pain_history_view_reload (self);
}

/* The first time the view is on screen: read. */
static void
map_cb (UnknotPainHistoryView *self)
{
  if (self->shown)
    return;
  self->shown = TRUE;
  if (self->log == NULL)
    adw_status_page_set_description (self->unavailable_page, _("There is no pain log to show."));
  load (self);
}

/* Filters */

static void
filters_changed_cb (UnknotPainHistoryView *self)
{
  guint region = gtk_drop_down_get_selected (self->region_filter);
  guint tag = gtk_drop_down_get_selected (self->tag_filter);
  guint regions = region_choice_flags (region);
  const char *tag_id = self->tag_ids != NULL && tag != GTK_INVALID_LIST_POSITION && tag > 0
                       && tag < g_strv_length (self->tag_ids) ? self->tag_ids[tag] : NULL;

  if (self->setting_filters)
    return;
  if (regions == self->filter_regions && g_strcmp0 (tag_id, self->filter_tag) == 0)
    return;
  self->filter_regions = regions;
  g_free (self->filter_tag);
  self->filter_tag = g_strdup (tag_id);
  if (self->shown)
    load (self);
}

void
unknot_pain_history_view_set_filters (UnknotPainHistoryView *self,
                             guint          regions,
                             const char    *tag)
{
  guint region_choice = 0;
  guint tag_choice = 0;

  g_return_if_fail (UNKNOT_IS_PAIN_HISTORY_VIEW (self));

  for (guint i = 0; i < N_REGION_CHOICES; i++)
    if (region_choice_flags (i) == regions)
      region_choice = i;
  if (tag != NULL && !g_strv_contains ((const char * const *) self->tag_ids, tag))
    {
      g_autofree char *wanted = g_strdup (tag);
      g_auto(GStrv) own = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      /* A cause of the user's not listed yet: add it. */
      for (guint i = 1; self->tag_ids[i] != NULL; i++)
        if (!unknot_pain_tag_is_builtin (self->tag_ids[i]))
          g_strv_builder_add (builder, self->tag_ids[i]);
      g_strv_builder_add (builder, wanted);
      own = g_strv_builder_end (builder);
      set_tag_choices (self, (const char * const *) own);
    }
  for (guint i = 0; tag != NULL && self->tag_ids[i] != NULL; i++)
    if (g_str_equal (self->tag_ids[i], tag))
      tag_choice = i;

  self->setting_filters = TRUE;
  gtk_drop_down_set_selected (self->region_filter, region_choice);
  gtk_drop_down_set_selected (self->tag_filter, tag_choice);
  self->setting_filters = FALSE;
  filters_changed_cb (self);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  unknot_pain_history_view_set_filters (UNKNOT_PAIN_HISTORY_VIEW (widget), 0, NULL);
}

/* Rows */

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotPainHistoryView *self = UNKNOT_PAIN_HISTORY_VIEW (widget);
  UnknotPainEntry *entry = unknot_pain_history_lookup (self->history, g_variant_get_int64 (parameter));

  if (entry != NULL)
    unknot_pain_show_dialog (widget, entry);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  unknot_pain_delete_entry (widget, g_variant_get_int64 (parameter));
}

static void
row_activated_cb (UnknotPainHistoryView *self,
                  guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (UNKNOT_IS_PAIN_ITEM (item))
    unknot_pain_show_dialog (GTK_WIDGET (self), unknot_pain_item_get_entry (UNKNOT_PAIN_ITEM (item)));
}

static void
row_finalized_cb (gpointer  user_data,
                  GObject  *row)
{
  UnknotPainHistoryView *self = user_data;

  g_ptr_array_remove_fast (self->rows, row);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          UnknotPainHistoryView            *self)
{
  GtkWidget *row = unknot_pain_row_new (self->session_titles);

  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_selectable (list_item, FALSE);
  /* Rows come and go with the list view's own bookkeeping; a weak
   * reference keeps the list of those alive exact. */
  g_object_weak_ref (G_OBJECT (row), row_finalized_cb, self);
  g_ptr_array_add (self->rows, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         UnknotPainHistoryView            *self)
{
  GObject *item = gtk_list_item_get_item (list_item);

  /* Day headings are not something to open. */
  gtk_list_item_set_activatable (list_item, UNKNOT_IS_PAIN_ITEM (item));
  unknot_pain_row_bind (UNKNOT_PAIN_ROW (gtk_list_item_get_child (list_item)), item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           UnknotPainHistoryView            *self)
{
  unknot_pain_row_unbind (UNKNOT_PAIN_ROW (gtk_list_item_get_child (list_item)));
}

/* Lifecycle */

static void
unknot_pain_history_view_dispose (GObject *object)
{
  UnknotPainHistoryView *self = UNKNOT_PAIN_HISTORY_VIEW (object);

  cancel_load (self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PAIN_HISTORY_VIEW);
  g_clear_object (&self->log);
  g_clear_object (&self->history);
  g_clear_pointer (&self->session_titles, g_hash_table_unref);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->rows, i), row_finalized_cb, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->added_early, g_hash_table_unref);
  g_clear_pointer (&self->tag_ids, g_strfreev);
  g_clear_pointer (&self->filter_tag, g_free);
  G_OBJECT_CLASS (unknot_pain_history_view_parent_class)->dispose (object);
}

static void
unknot_pain_history_view_class_init (UnknotPainHistoryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_pain_history_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-pain-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, region_filter);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, UnknotPainHistoryView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "log.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "log.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "log.clear-filters", NULL, clear_filters_activated);
}

static void
unknot_pain_history_view_init (UnknotPainHistoryView *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  /* TRANSLATORS: the areas of the back in the Pain Log's filter, each
   * meaning both sides */
  const char *areas[N_AREAS] = { N_("Neck"), N_("Shoulders"), N_("Upper back"), N_("Mid back"), N_("Lower back") };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = unknot_pain_history_new ();
  self->session_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->rows = g_ptr_array_new ();
  self->added_early = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* TRANSLATORS: the Pain Log's filter by place: no filter */
  gtk_string_list_append (regions, _("Anywhere"));
  for (guint i = 0; i < N_AREAS; i++)
    gtk_string_list_append (regions, _(areas[i]));
  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    gtk_string_list_append (regions, unknot_pain_region_get_display_name (unknot_pain_region_nth (i)));
  gtk_drop_down_set_model (self->region_filter, G_LIST_MODEL (regions));
  set_tag_choices (self, NULL);
  g_signal_connect_swapped (self->region_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->tag_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->history)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

UnknotPainHistoryView *
unknot_pain_history_view_new (UnknotPainLog *log)
{
  UnknotPainHistoryView *self = g_object_new (UNKNOT_TYPE_PAIN_HISTORY_VIEW, NULL);

  if (log != NULL)
    {
      self->log = g_object_ref (log);
      g_signal_connect_object (log, "entry-added", G_CALLBACK (entry_added_cb), self, 0);
      g_signal_connect_object (log, "entry-changed", G_CALLBACK (entry_changed_cb), self, 0);
      g_signal_connect_object (log, "entry-removed", G_CALLBACK (entry_removed_cb), self, 0);
      g_signal_connect_object (log, "reset", G_CALLBACK (reset_cb), self, G_CONNECT_SWAPPED);
    }
  return self;
}

void
unknot_pain_history_view_reload (UnknotPainHistoryView *self)
{
  g_return_if_fail (UNKNOT_IS_PAIN_HISTORY_VIEW (self));

  if (self->shown)
    load (self);
}

GtkListView *
unknot_pain_history_view_get_list_view (UnknotPainHistoryView *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY_VIEW (self), NULL);
  return self->list_view;
}

gboolean
unknot_pain_history_view_is_complete (UnknotPainHistoryView *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY_VIEW (self), FALSE);
  return self->first_page_in && self->complete;
}

guint
unknot_pain_history_view_get_n_entries (UnknotPainHistoryView *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY_VIEW (self), 0);
  return unknot_pain_history_get_n_entries (self->history);
}
