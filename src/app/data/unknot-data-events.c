/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-data-events.h"

#define EVENTS_KEY "unknot-data-events"

/* A bare GObject with a "changed" signal, one per store. */
typedef GObject UnknotDataEvents;
typedef GObjectClass UnknotDataEventsClass;

static GType unknot_data_events_get_type (void);
G_DEFINE_FINAL_TYPE (UnknotDataEvents, unknot_data_events, G_TYPE_OBJECT)

static guint changed_signal;

static void
unknot_data_events_class_init (UnknotDataEventsClass *klass)
{
  changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
unknot_data_events_init (UnknotDataEvents *self)
{
}

static GObject *
events_for (UnknotStore *store)
{
  GObject *events = g_object_get_data (G_OBJECT (store), EVENTS_KEY);

  if (events == NULL)
    {
      events = g_object_new (unknot_data_events_get_type (), NULL);
      g_object_set_data_full (G_OBJECT (store), EVENTS_KEY, events, g_object_unref);
    }
  return events;
}

void
unknot_data_events_emit_changed (UnknotStore *store)
{
  g_return_if_fail (UNKNOT_IS_STORE (store));
  g_signal_emit (events_for (store), changed_signal, 0);
}

gulong
unknot_data_events_connect_changed (UnknotStore *store,
                                    GCallback    callback,
                                    gpointer     object)
{
  g_return_val_if_fail (UNKNOT_IS_STORE (store), 0);
  g_return_val_if_fail (G_IS_OBJECT (object), 0);

  return g_signal_connect_object (events_for (store), "changed", callback, object, G_CONNECT_SWAPPED);
}

void
unknot_data_events_disconnect (UnknotStore *store,
                               gulong       handler_id)
{
  g_return_if_fail (UNKNOT_IS_STORE (store));

  if (handler_id != 0)
    g_signal_handler_disconnect (events_for (store), handler_id);
}
