/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-clock"

#include "config.h"

#include "unknot-clock.h"

/* UnknotClock */

G_DEFINE_ABSTRACT_TYPE (UnknotClock, unknot_clock, G_TYPE_OBJECT)

static void
unknot_clock_class_init (UnknotClockClass *klass)
{
}

static void
unknot_clock_init (UnknotClock *self)
{
}

gint64
unknot_clock_now (UnknotClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->now (self);
}

GDateTime *
unknot_clock_now_local (UnknotClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), NULL);
  return UNKNOT_CLOCK_GET_CLASS (self)->now_local (self);
}

guint
unknot_clock_schedule (UnknotClock    *self,
                       gint64          deadline,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  notify)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->schedule (self, deadline, func, data, notify);
}

void
unknot_clock_cancel (UnknotClock *self,
                     guint        id)
{
  g_return_if_fail (UNKNOT_IS_CLOCK (self));
  if (id != 0)
    UNKNOT_CLOCK_GET_CLASS (self)->cancel (self, id);
}

/* The real clock */

#define UNKNOT_TYPE_REAL_CLOCK (unknot_real_clock_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRealClock, unknot_real_clock, UNKNOT, REAL_CLOCK, UnknotClock)

struct _UnknotRealClock
{
  UnknotClock  parent_instance;
  GHashTable  *sources; /* id → ClockSource, one ref each */
  guint        last_id;
};

typedef struct
{
  GSource     source;
  GHashTable *sources; /* the owning clock's table; the clock destroys us before it goes */
  guint       id;
} ClockSource;

static gboolean
clock_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  ClockSource *clock_source = (ClockSource *) source;

  /* Forget the id before calling out, so a callback that cancels it, or
   * schedules the next wake-up, sees the table as it will be. */
  if (g_hash_table_steal (clock_source->sources, GUINT_TO_POINTER (clock_source->id)))
    g_source_unref (source); /* the main context still holds the source during dispatch */

  if (callback != NULL)
    callback (user_data);
  return G_SOURCE_REMOVE;
}

static GSourceFuncs clock_source_funcs = {
  .dispatch = clock_source_dispatch,
};

static void
clock_source_free (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

G_DEFINE_FINAL_TYPE (UnknotRealClock, unknot_real_clock, UNKNOT_TYPE_CLOCK)

static gint64
unknot_real_clock_now (UnknotClock *clock)
{
  return g_get_monotonic_time ();
}

static GDateTime *
unknot_real_clock_now_local (UnknotClock *clock)
{
  return g_date_time_new_now_local ();
}

static guint
unknot_real_clock_schedule (UnknotClock    *clock,
                            gint64          deadline,
                            GSourceFunc     func,
                            gpointer        data,
                            GDestroyNotify  notify)
{
  UnknotRealClock *self = UNKNOT_REAL_CLOCK (clock);
  GSource *source = g_source_new (&clock_source_funcs, sizeof (ClockSource));
  ClockSource *clock_source = (ClockSource *) source;

  do
    self->last_id++;
  while (self->last_id == 0 || g_hash_table_contains (self->sources, GUINT_TO_POINTER (self->last_id)));

  clock_source->sources = self->sources;
  clock_source->id = self->last_id;
  g_source_set_static_name (source, "[unknot] clock deadline");
  /* A ready time of 0 or less would mean "now" to GLib anyway; -1 would
   * mean never, so keep a late deadline from turning into that. */
  g_source_set_ready_time (source, MAX (deadline, 0));
  g_source_set_callback (source, func, data, notify);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_hash_table_insert (self->sources, GUINT_TO_POINTER (clock_source->id), source);

  return clock_source->id;
}

static void
unknot_real_clock_cancel (UnknotClock *clock,
                          guint        id)
{
  UnknotRealClock *self = UNKNOT_REAL_CLOCK (clock);

  /* A destroy notify run while the clock finalizes may still cancel. */
  if (self->sources != NULL)
    g_hash_table_remove (self->sources, GUINT_TO_POINTER (id));
}

static void
unknot_real_clock_finalize (GObject *object)
{
  UnknotRealClock *self = UNKNOT_REAL_CLOCK (object);

  /* Nothing may fire into a clock that is gone. */
  g_clear_pointer (&self->sources, g_hash_table_unref);

  G_OBJECT_CLASS (unknot_real_clock_parent_class)->finalize (object);
}

static void
unknot_real_clock_class_init (UnknotRealClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  object_class->finalize = unknot_real_clock_finalize;

  clock_class->now = unknot_real_clock_now;
  clock_class->now_local = unknot_real_clock_now_local;
  clock_class->schedule = unknot_real_clock_schedule;
  clock_class->cancel = unknot_real_clock_cancel;
}

static void
unknot_real_clock_init (UnknotRealClock *self)
{
  self->sources = g_hash_table_new_full (NULL, NULL, NULL, clock_source_free);
}

UnknotClock *
unknot_clock_new_real (void)
{
  return g_object_new (UNKNOT_TYPE_REAL_CLOCK, NULL);
}

/* The fake clock */

typedef struct
{
  gint64         deadline;
  guint          id;       /* also the scheduling order, for ties */
  GSourceFunc    func;
  gpointer       data;
  GDestroyNotify notify;
} Pending;

struct _UnknotFakeClock
{
  UnknotClock  parent_instance;
  gint64       start;
  gint64       now;
  GDateTime   *local_start;
  gint64       wall_offset; /* µs the wall clock has moved apart from the monotonic one */
  GQueue       pending; /* Pending, by deadline then id */
  guint        last_id;
};

G_DEFINE_FINAL_TYPE (UnknotFakeClock, unknot_fake_clock, UNKNOT_TYPE_CLOCK)

static void
pending_free (Pending *pending)
{
  if (pending->notify != NULL)
    pending->notify (pending->data);
  g_free (pending);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Pending *pa = a;
  const Pending *pb = b;

  if (pa->deadline != pb->deadline)
    return pa->deadline < pb->deadline ? -1 : 1;
  return pa->id < pb->id ? -1 : (pa->id > pb->id);
}

static gint64
unknot_fake_clock_now (UnknotClock *clock)
{
  return UNKNOT_FAKE_CLOCK (clock)->now;
}

static GDateTime *
unknot_fake_clock_now_local (UnknotClock *clock)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);

  return g_date_time_add (self->local_start, self->now - self->start + self->wall_offset);
}

static guint
unknot_fake_clock_schedule (UnknotClock    *clock,
                            gint64          deadline,
                            GSourceFunc     func,
                            gpointer        data,
                            GDestroyNotify  notify)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);
  Pending *pending = g_new0 (Pending, 1);

  /* Ids only grow, so they double as the order of scheduling; a test
   * would need four billion callbacks to wrap. */
  if (++self->last_id == 0)
    self->last_id = 1;

  pending->deadline = deadline;
  pending->id = self->last_id;
  pending->func = func;
  pending->data = data;
  pending->notify = notify;
  g_queue_insert_sorted (&self->pending, pending, compare_pending, NULL);

  return pending->id;
}

static void
unknot_fake_clock_cancel (UnknotClock *clock,
                          guint        id)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Pending *pending = l->data;

      if (pending->id == id)
        {
          g_queue_delete_link (&self->pending, l);
          pending_free (pending);
          return;
        }
    }
}

static void
unknot_fake_clock_finalize (GObject *object)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (object);

  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_free);
  g_clear_pointer (&self->local_start, g_date_time_unref);

  G_OBJECT_CLASS (unknot_fake_clock_parent_class)->finalize (object);
}

static void
unknot_fake_clock_class_init (UnknotFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  object_class->finalize = unknot_fake_clock_finalize;

  clock_class->now = unknot_fake_clock_now;
  clock_class->now_local = unknot_fake_clock_now_local;
  clock_class->schedule = unknot_fake_clock_schedule;
  clock_class->cancel = unknot_fake_clock_cancel;
}

static void
unknot_fake_clock_init (UnknotFakeClock *self)
{
  g_queue_init (&self->pending);
}

UnknotClock *
unknot_fake_clock_new (gint64     start,
                       GDateTime *local_start)
{
  UnknotFakeClock *self = g_object_new (UNKNOT_TYPE_FAKE_CLOCK, NULL);

  self->start = start;
  self->now = start;
  self->local_start = local_start != NULL ? g_date_time_ref (local_start) : g_date_time_new_now_local ();

  return UNKNOT_CLOCK (self);
}

/* Runs the first pending callback if it is due by @limit. */
static gboolean
run_first_due (UnknotFakeClock *self,
               gint64           limit)
{
  Pending *pending = g_queue_peek_head (&self->pending);

  if (pending == NULL || pending->deadline > limit)
    return FALSE;

  g_queue_pop_head (&self->pending);
  /* A callback scheduled in the past runs late, as on a real main loop;
   * time never goes back. */
  self->now = MAX (self->now, pending->deadline);
  pending->func (pending->data);
  pending_free (pending);

  return TRUE;
}

void
unknot_fake_clock_advance (UnknotFakeClock *self,
                           gint64           usec)
{
  g_autoptr(UnknotFakeClock) hold = NULL;
  gint64 end;

  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);

  hold = g_object_ref (self);
  end = self->now + usec;
  while (run_first_due (self, end))
    ;
  self->now = MAX (self->now, end);
}

gboolean
unknot_fake_clock_run_next (UnknotFakeClock *self)
{
  g_autoptr(UnknotFakeClock) hold = NULL;

  g_return_val_if_fail (UNKNOT_IS_FAKE_CLOCK (self), FALSE);

  hold = g_object_ref (self);
  return run_first_due (self, G_MAXINT64);
}

guint
unknot_fake_clock_get_n_pending (UnknotFakeClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_FAKE_CLOCK (self), 0);
  return self->pending.length;
}

void
unknot_fake_clock_jump_wall (UnknotFakeClock *self,
                             gint64           seconds)
{
  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  self->wall_offset += seconds * G_USEC_PER_SEC;
}

void
unknot_fake_clock_sleep (UnknotFakeClock *self,
                         gint64           usec)
{
  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);
  self->wall_offset += usec;
}
