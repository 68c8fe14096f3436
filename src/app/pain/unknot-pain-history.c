/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include "unknot-pain-history.h"

/* Day headings */

struct _UnknotPainDay
{
  GObject    parent_instance;
  GDateTime *date;
  int        key;
};

G_DEFINE_FINAL_TYPE (UnknotPainDay, unknot_pain_day, G_TYPE_OBJECT)

static int
day_key (GDateTime *time)
{
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  return year * 10000 + month * 100 + day;
}

static void
unknot_pain_day_finalize (GObject *object)
{
  g_clear_pointer (&UNKNOT_PAIN_DAY (object)->date, g_date_time_unref);
  G_OBJECT_CLASS (unknot_pain_day_parent_class)->finalize (object);
}

static void
unknot_pain_day_class_init (UnknotPainDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_pain_day_finalize;
}

static void
unknot_pain_day_init (UnknotPainDay *self)
{
}

static UnknotPainDay *
unknot_pain_day_new (GDateTime *time)
{
  UnknotPainDay *self = g_object_new (UNKNOT_TYPE_PAIN_DAY, NULL);
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  self->date = g_date_time_new (g_date_time_get_timezone (time), year, month, day, 12, 0, 0);
  if (self->date == NULL)
    self->date = g_date_time_ref (time);
  self->key = day_key (time);
  return self;
}

GDateTime *
unknot_pain_day_get_date (UnknotPainDay *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DAY (self), NULL);

  return self->date;
}

/* The history */

struct _UnknotPainHistory
{
  GObject    parent_instance;
  GPtrArray *items;     /* UnknotPainDay and UnknotPainItem */
  guint      n_entries;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotPainHistory, unknot_pain_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return UNKNOT_PAIN_HISTORY (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  UnknotPainHistory *self = UNKNOT_PAIN_HISTORY (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
unknot_pain_history_finalize (GObject *object)
{
  g_clear_pointer (&UNKNOT_PAIN_HISTORY (object)->items, g_ptr_array_unref);
  G_OBJECT_CLASS (unknot_pain_history_parent_class)->finalize (object);
}

static void
unknot_pain_history_class_init (UnknotPainHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_pain_history_finalize;
}

static void
unknot_pain_history_init (UnknotPainHistory *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

UnknotPainHistory *
unknot_pain_history_new (void)
{
  return g_object_new (UNKNOT_TYPE_PAIN_HISTORY, NULL);
}

static gboolean
is_day (UnknotPainHistory *self,
        guint              position)
{
  return UNKNOT_IS_PAIN_DAY (g_ptr_array_index (self->items, position));
}

static UnknotPainEntry *
entry_at (UnknotPainHistory *self,
          guint              position)
{
  return unknot_pain_item_get_entry (g_ptr_array_index (self->items, position));
}

/* The key of the day of the item at @position (a heading or an entry). */
static int
key_at (UnknotPainHistory *self,
        guint              position)
{
  gpointer item = g_ptr_array_index (self->items, position);

  if (UNKNOT_IS_PAIN_DAY (item))
    return UNKNOT_PAIN_DAY (item)->key;
  return day_key (unknot_pain_item_get_entry (item)->time);
}

/* Negative when @a comes first: newer, or as new with the larger id (the
 * store's order). */
static int
compare_entries (const UnknotPainEntry *a,
                 const UnknotPainEntry *b)
{
  int order = g_date_time_compare (b->time, a->time);

  if (order != 0)
    return order;
  return (b->id > a->id) - (b->id < a->id);
}

void
unknot_pain_history_clear (UnknotPainHistory *self)
{
  guint removed = self->items->len;

  g_return_if_fail (UNKNOT_IS_PAIN_HISTORY (self));

  if (removed == 0)
    return;
  g_ptr_array_set_size (self->items, 0);
  self->n_entries = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}

void
unknot_pain_history_append (UnknotPainHistory *self,
                            GPtrArray         *entries)
{
  guint start = self->items->len;
  int last_key = start > 0 ? key_at (self, start - 1) : -1;

  g_return_if_fail (UNKNOT_IS_PAIN_HISTORY (self));

  for (guint i = 0; i < entries->len; i++)
    {
      UnknotPainEntry *entry = g_ptr_array_index (entries, i);
      int key = day_key (entry->time);

      if (key != last_key)
        g_ptr_array_add (self->items, unknot_pain_day_new (entry->time));
      g_ptr_array_add (self->items, unknot_pain_item_new (entry));
      last_key = key;
    }
  self->n_entries += entries->len;
  if (self->items->len > start)
    g_list_model_items_changed (G_LIST_MODEL (self), start, 0, self->items->len - start);
}

gboolean
unknot_pain_history_insert (UnknotPainHistory *self,
                            UnknotPainEntry   *entry,
                            gboolean           complete)
{
  guint n = self->items->len;
  guint pos = n;   /* the first entry that comes after @entry */
  guint at;        /* where the new items go */
  int key = day_key (entry->time);
  GPtrArray *added = g_ptr_array_new ();

  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY (self), FALSE);

  /* New entries are nearly always the newest, so a walk from the top ends
   * at once. */
  for (guint i = 0; i < n; i++)
    if (!is_day (self, i) && compare_entries (entry, entry_at (self, i)) < 0)
      {
        pos = i;
        break;
      }
  if (pos == n && !complete && self->n_entries > 0)
    {
      g_ptr_array_unref (added);
      return FALSE;
    }

  if (pos < n && is_day (self, pos - 1))
    {
      /* Before the first entry of a day: its own day, or the day before
       * the heading. */
      if (key_at (self, pos) == key)
        at = pos;
      else
        {
          at = pos - 1;
          if (at == 0 || key_at (self, at - 1) != key)
            g_ptr_array_add (added, unknot_pain_day_new (entry->time));
        }
      g_ptr_array_add (added, unknot_pain_item_new (entry));
    }
  else if (pos < n)
    {
      at = pos;
      g_ptr_array_add (added, NULL); /* placeholder, see below */
      if (key_at (self, pos) == key)
        g_ptr_array_index (added, 0) = unknot_pain_item_new (entry);
      else
        {
          /* Between two entries of one day yet on another day (a change of
           * offset): the day is split around it. */
          g_ptr_array_index (added, 0) = unknot_pain_day_new (entry->time);
          g_ptr_array_add (added, unknot_pain_item_new (entry));
          g_ptr_array_add (added, unknot_pain_day_new (entry_at (self, pos)->time));
        }
    }
  else
    {
      at = n;
      if (n == 0 || key_at (self, n - 1) != key)
        g_ptr_array_add (added, unknot_pain_day_new (entry->time));
      g_ptr_array_add (added, unknot_pain_item_new (entry));
    }

  for (guint i = 0; i < added->len; i++)
    g_ptr_array_insert (self->items, (int) (at + i), g_ptr_array_index (added, i));
  self->n_entries++;
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, added->len);
  g_ptr_array_unref (added);
  return TRUE;
}

static gint64
find_entry (UnknotPainHistory *self,
            gint64             id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (!is_day (self, i) && entry_at (self, i)->id == id)
      return i;
  return -1;
}

gboolean
unknot_pain_history_remove (UnknotPainHistory *self,
                            gint64             id)
{
  gint64 found;
  guint start, count = 1;
  guint n = self->items->len;

  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY (self), FALSE);

  found = find_entry (self, id);
  if (found < 0)
    return FALSE;
  start = (guint) found;
  /* The last entry of its day takes its heading along. */
  if (is_day (self, start - 1) && (start + 1 == n || is_day (self, start + 1)))
    {
      start--;
      count = 2;
    }
  /* Headings that now meet the same day above them go too. */
  if (start > 0 && start + count < n && is_day (self, start + count)
      && !is_day (self, start - 1) && key_at (self, start - 1) == key_at (self, start + count))
    count++;

  g_ptr_array_remove_range (self->items, start, count);
  self->n_entries--;
  g_list_model_items_changed (G_LIST_MODEL (self), start, count, 0);
  return TRUE;
}

UnknotPainEntry *
unknot_pain_history_lookup (UnknotPainHistory *self,
                            gint64             id)
{
  gint64 found;

  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY (self), NULL);

  found = find_entry (self, id);
  return found >= 0 ? entry_at (self, (guint) found) : NULL;
}

guint
unknot_pain_history_get_n_entries (UnknotPainHistory *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY (self), 0);

  return self->n_entries;
}

UnknotPainEntry *
unknot_pain_history_get_oldest (UnknotPainHistory *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HISTORY (self), NULL);

  if (self->items->len == 0)
    return NULL;
  return entry_at (self, self->items->len - 1);
}
