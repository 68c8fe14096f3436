/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-cues"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <string.h>

#include "unknot-chimes.h"
#include "unknot-cue-player.h"

/* How far ahead of "now" a cue is stamped.  The mixer works one silence
 * buffer (SILENCE_SAMPLES) behind the clock, so a buffer stamped this far
 * ahead always arrives before the mixer reaches its time, and is then mixed
 * in at exactly that time; yet 40 ms still feels immediate. */
#define CUE_MARGIN (40 * GST_MSECOND)
#define SILENCE_SAMPLES 960 /* 20 ms: fewer wake-ups than the default, still well under CUE_MARGIN */
#define SILENCE_DURATION ((guint64) SILENCE_SAMPLES * GST_SECOND / UNKNOT_CHIME_RATE)

/* A phrase that was not rendered yet when its cue was played is still worth
 * hearing if it is ready this soon after; later it would be confusing. */
#define LATE_PHRASE_WINDOW G_USEC_PER_SEC

#define STOP_TIMEOUT (2 * GST_SECOND)
#define RENDER_TIMEOUT (10 * GST_SECOND)

/* Phrases are levelled to the chimes' peak, so that neither startles. */
#define PHRASE_PEAK (G_MAXINT16 / 2)

/* Two inputs into the mixer, so that a cue falling while another still
 * sounds (a countdown tick under a long phrase) is mixed in on time instead
 * of waiting behind it in a single appsrc's queue. */
#define N_LANES 2

typedef enum {
  PROBLEM_NO_DEVICE,
  PROBLEM_PIPELINE,
  PROBLEM_NO_VOICE,
} Problem;

/* Rendered phrases, shared with the threads that render them. */
typedef struct
{
  GMutex      lock;
  GHashTable *rendered; /* phrase → GBytes; empty bytes if it could not be rendered */
  GHashTable *pending;  /* phrases handed to a render thread, not done yet */
  char       *voice;    /* espeak voice, chosen by the first render */
} PhraseCache;

struct _UnknotCuePlayer
{
  GObject       parent_instance;

  GMainContext *context;
  char         *language; /* wanted for the voice, e.g. "de" */
  PhraseCache  *phrases;
  GBytes       *chimes[UNKNOT_N_CUES];

  GstElement   *pipeline; /* NULL when stopped or after a failure */
  GstElement   *silence;
  GstElement   *mixer;
  GstElement   *lanes[N_LANES];
  GstClockTime  lane_free_at[N_LANES]; /* running time when a lane's last cue ends */
  GstElement   *volume_element;
  GSource      *bus_watch;

  /* The last phrase played before it was rendered. */
  char         *late_phrase;
  gint64        late_phrase_deadline; /* monotonic µs */
  GstClockTime  late_phrase_not_before;

  guint         problems; /* bit per Problem already reported */
  double        volume;
  guint         sounds_enabled : 1;
  guint         voice_enabled : 1;
  guint         sound_available : 1;
  guint         voice_available : 1;
};

G_DEFINE_FINAL_TYPE (UnknotCuePlayer, unknot_cue_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOUNDS_ENABLED,
  PROP_VOICE_ENABLED,
  PROP_VOLUME,
  PROP_SOUND_AVAILABLE,
  PROP_VOICE_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* espeak keeps global state in its library; one render at a time. */
static GMutex espeak_lock;

/* Phrase cache */

static void
phrase_cache_clear (gpointer data)
{
  PhraseCache *cache = data;

  g_mutex_clear (&cache->lock);
  g_hash_table_unref (cache->rendered);
  g_hash_table_unref (cache->pending);
  g_free (cache->voice);
}

static PhraseCache *
phrase_cache_new (void)
{
  PhraseCache *cache = g_atomic_rc_box_new0 (PhraseCache);

  g_mutex_init (&cache->lock);
  cache->rendered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  cache->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cache;
}

static PhraseCache *
phrase_cache_ref (PhraseCache *cache)
{
  return g_atomic_rc_box_acquire (cache);
}

static void
phrase_cache_unref (PhraseCache *cache)
{
  g_atomic_rc_box_release_full (cache, phrase_cache_clear);
}

/* Problems reach the UI from an idle on the player's context, never from
 * inside start() or play(), so a handler may do anything, including
 * dropping the player. */

typedef struct
{
  GWeakRef player;
  char    *message;
} ProblemReport;

static void
problem_report_free (gpointer data)
{
  ProblemReport *report = data;

  g_weak_ref_clear (&report->player);
  g_free (report->message);
  g_free (report);
}

static gboolean
emit_problem_cb (gpointer data)
{
  ProblemReport *report = data;
  g_autoptr(UnknotCuePlayer) self = g_weak_ref_get (&report->player);

  if (self != NULL)
    g_signal_emit (self, signals[PROBLEM], 0, report->message);
  return G_SOURCE_REMOVE;
}

static void
report_problem (UnknotCuePlayer *self,
                Problem          problem,
                const char      *message)
{
  g_autoptr(GSource) source = NULL;
  ProblemReport *report;

  if (self->problems & (1u << problem))
    return;
  self->problems |= 1u << problem;

  report = g_new0 (ProblemReport, 1);
  g_weak_ref_init (&report->player, self);
  report->message = g_strdup (message);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_problem_cb, report, problem_report_free);
  g_source_set_static_name (source, "[unknot] cue player problem");
  g_source_attach (source, self->context);
}

static void
set_sound_available (UnknotCuePlayer *self,
                     gboolean         available)
{
  if (self->sound_available == !!available)
    return;
  self->sound_available = !!available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOUND_AVAILABLE]);
}

/* Voice rendering, in worker threads */

static char *
language_for_voice (void)
{
  const char *name = g_get_language_names ()[0];
  /* espeak names voices by language: "de_AT.UTF-8" wants "de". */
  g_autofree char *language = g_strndup (name, strcspn (name, "_.@"));

  if (*language == '\0' || strcmp (language, "C") == 0 || strcmp (language, "POSIX") == 0)
    return g_strdup ("en");
  return g_steal_pointer (&language);
}

/* espeak silently speaks English for a voice it does not know; asking its
 * list of voices is the only way to know whether @language exists. */
static char *
choose_voice (const char *language)
{
  g_autoptr(GstElement) espeak = gst_element_factory_make ("espeak", NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;
  GValueArray *voices;

  if (espeak == NULL || strcmp (language, "en") == 0)
    return g_strdup ("en");
  gst_object_ref_sink (espeak);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (espeak), "voices");
  if (pspec == NULL || !G_TYPE_IS_BOXED (pspec->value_type))
    return g_strdup (language);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (espeak), "voices", &value);
  voices = g_value_get_boxed (&value);

  /* Each voice is a (name, language) pair. */
  for (guint i = 0; voices != NULL && i < voices->n_values; i++)
    {
      GValueArray *voice;

      if (!G_VALUE_HOLDS_BOXED (&voices->values[i]))
        continue;
      voice = g_value_get_boxed (&voices->values[i]);
      if (voice != NULL && voice->n_values >= 2 &&
          G_VALUE_HOLDS_STRING (&voice->values[1]) &&
          g_strcmp0 (g_value_get_string (&voice->values[1]), language) == 0)
        return g_strdup (language);
    }

  g_debug ("espeak has no voice for “%s”; speaking English", language);
  return g_strdup ("en");
}

static GstElement *
add_element (GstElement  *bin,
             const char  *factory,
             GError     **error)
{
  GstElement *element;

  if (error != NULL && *error != NULL)
    return NULL;
  element = gst_element_factory_make (factory, NULL);
  if (element == NULL)
    {
      g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                   _("The GStreamer element “%s” is not installed"), factory);
      return NULL;
    }
  gst_bin_add (GST_BIN (bin), element);
  return element;
}

/* Speech starts and ends with silence that would only delay it after its
 * chime; levelling it to the chimes keeps both equally loud. */
static GBytes *
trim_and_level (GByteArray *pcm)
{
  gint16 *samples = (gint16 *) pcm->data;
  gsize n = pcm->len / sizeof (gint16);
  gsize first = 0, last = n;
  const int quiet = 64;
  int peak = 0;

  for (gsize i = 0; i < n; i++)
    peak = MAX (peak, ABS ((int) GINT16_FROM_LE (samples[i])));

  while (first < n && ABS ((int) GINT16_FROM_LE (samples[first])) < quiet)
    first++;
  while (last > first && ABS ((int) GINT16_FROM_LE (samples[last - 1])) < quiet)
    last--;

  if (peak > 0)
    for (gsize i = first; i < last; i++)
      samples[i] = GINT16_TO_LE ((gint16) ((gint64) GINT16_FROM_LE (samples[i]) * PHRASE_PEAK / peak));

  return g_bytes_new (samples + first, (last - first) * sizeof (gint16));
}

static GBytes *
render_phrase (const char  *voice,
               const char  *text,
               GError     **error)
{
  g_autoptr(GstElement) pipeline = gst_object_ref_sink (gst_pipeline_new ("unknot-voice"));
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstCaps) caps = gst_caps_from_string (UNKNOT_CHIME_CAPS);
  g_autoptr(GByteArray) pcm = g_byte_array_new ();
  GstElement *espeak, *convert, *resample, *filter, *sink;

  espeak = add_element (pipeline, "espeak", error);
  convert = add_element (pipeline, "audioconvert", error);
  resample = add_element (pipeline, "audioresample", error);
  filter = add_element (pipeline, "capsfilter", error);
  sink = add_element (pipeline, "appsink", error);
  if (sink == NULL)
    return NULL;

  g_object_set (espeak, "text", text, NULL);
  /* English is the element's default, and setting "voice" leaks the
   * previous name in gst-espeak 0.5; set it only when it changes. */
  if (strcmp (voice, "en") != 0)
    g_object_set (espeak, "voice", voice, NULL);
  g_object_set (filter, "caps", caps, NULL);
  g_object_set (sink, "sync", FALSE, NULL);
  if (!gst_element_link_many (espeak, convert, resample, filter, sink, NULL))
    {
      g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION,
                           _("The voice cannot be converted to the cue format"));
      return NULL;
    }

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE)
    {
      for (;;)
        {
          g_autoptr(GstSample) sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), RENDER_TIMEOUT);
          GstMapInfo map;

          if (sample == NULL)
            break;
          if (gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ))
            {
              g_byte_array_append (pcm, map.data, map.size);
              gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
            }
        }
    }

  message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message != NULL)
    {
      gst_message_parse_error (message, error, NULL);
      return NULL;
    }
  if (!gst_app_sink_is_eos (GST_APP_SINK (sink)))
    {
      g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_FAILED,
                           _("The voice did not finish speaking in time"));
      return NULL;
    }
  return trim_and_level (pcm);
}

/* Shared by a render thread and the idles it sends back, so that the player
 * is only ever looked at, and let go of, on its own context. */
typedef struct
{
  PhraseCache  *cache;
  GStrv         phrases;
  char         *language;
  GMainContext *context;
  GWeakRef      player;
} RenderJob;

static void
render_job_clear (gpointer data)
{
  RenderJob *job = data;

  phrase_cache_unref (job->cache);
  g_strfreev (job->phrases);
  g_free (job->language);
  g_main_context_unref (job->context);
  g_weak_ref_clear (&job->player);
}

static void
render_job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, render_job_clear);
}

typedef struct
{
  RenderJob *job;
  char      *phrase;
  char      *failure; /* NULL when rendered */
} PhraseReady;

static void
phrase_ready_free (gpointer data)
{
  PhraseReady *ready = data;

  render_job_unref (ready->job);
  g_free (ready->phrase);
  g_free (ready->failure);
  g_free (ready);
}

static void play_late_phrase (UnknotCuePlayer *self,
                              const char      *phrase);

static gboolean
phrase_ready_cb (gpointer data)
{
  PhraseReady *ready = data;
  g_autoptr(UnknotCuePlayer) self = g_weak_ref_get (&ready->job->player);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (ready->failure != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Spoken cues are not working (%s); chimes will be played instead."),
                                                  ready->failure);

      /* Once, like the problem: every phrase fails the same way. */
      if (!(self->problems & (1u << PROBLEM_NO_VOICE)))
        g_warning ("Could not speak “%s”: %s", ready->phrase, ready->failure);
      report_problem (self, PROBLEM_NO_VOICE, message);
    }
  else
    play_late_phrase (self, ready->phrase);
  return G_SOURCE_REMOVE;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;

  for (guint i = 0; job->phrases[i] != NULL; i++)
    {
      const char *phrase = job->phrases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pcm = NULL;
      g_autoptr(GSource) source = NULL;
      PhraseReady *ready;

      g_mutex_lock (&espeak_lock);
      if (job->cache->voice == NULL)
        job->cache->voice = choose_voice (job->language);
      pcm = render_phrase (job->cache->voice, phrase, &error);
      g_mutex_unlock (&espeak_lock);

      /* An empty rendering is not tried again, and plays as nothing. */
      if (pcm == NULL)
        pcm = g_bytes_new (NULL, 0);

      g_mutex_lock (&job->cache->lock);
      g_hash_table_replace (job->cache->rendered, g_strdup (phrase), g_bytes_ref (pcm));
      g_hash_table_remove (job->cache->pending, phrase);
      g_mutex_unlock (&job->cache->lock);

      /* The player's context, not g_main_context_invoke(): that would run
       * the callback here, in this thread, whenever the context is idle. */
      ready = g_new0 (PhraseReady, 1);
      ready->job = g_atomic_rc_box_acquire (job);
      ready->phrase = g_strdup (phrase);
      ready->failure = error != NULL ? g_strdup (error->message) : NULL;
      source = g_idle_source_new ();
      g_source_set_callback (source, phrase_ready_cb, ready, phrase_ready_free);
      g_source_set_static_name (source, "[unknot] phrase ready");
      g_source_attach (source, job->context);
    }

  g_task_return_boolean (task, TRUE);
}

/* Queues for rendering the phrases of @phrases not rendered or queued yet. */
static void
render_phrases (UnknotCuePlayer    *self,
                const char * const *phrases)
{
  g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  gboolean any = FALSE;

  g_mutex_lock (&self->phrases->lock);
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      if (g_hash_table_contains (self->phrases->rendered, phrases[i]) ||
          g_hash_table_contains (self->phrases->pending, phrases[i]))
        continue;
      g_hash_table_add (self->phrases->pending, g_strdup (phrases[i]));
      g_strv_builder_add (wanted, phrases[i]);
      any = TRUE;
    }
  g_mutex_unlock (&self->phrases->lock);

  if (!any)
    return;

  job = g_atomic_rc_box_new0 (RenderJob);
  job->cache = phrase_cache_ref (self->phrases);
  job->phrases = g_strv_builder_end (wanted);
  job->language = g_strdup (self->language);
  job->context = g_main_context_ref (self->context);
  g_weak_ref_init (&job->player, self);

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, render_phrases);
  g_task_set_task_data (task, job, render_job_unref);
  g_task_run_in_thread (task, render_thread);
}

/* Returns the rendered phrase, or NULL while it is not ready. */
static GBytes *
lookup_phrase (UnknotCuePlayer *self,
               const char      *phrase)
{
  GBytes *pcm;

  g_mutex_lock (&self->phrases->lock);
  pcm = g_hash_table_lookup (self->phrases->rendered, phrase);
  if (pcm != NULL)
    g_bytes_ref (pcm);
  g_mutex_unlock (&self->phrases->lock);
  return pcm;
}

/* The pipeline */

static gboolean
is_fake_sink (GstElement *element)
{
  GstElementFactory *factory = gst_element_get_factory (element);
  const char *name = factory != NULL ? gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)) : NULL;

  return g_strcmp0 (name, "fakesink") == 0 || g_strcmp0 (name, "fakeaudiosink") == 0;
}

/* autoaudiosink with no sound device picks a fakesink and says nothing;
 * whether sound is real shows only in the sink elements it holds. */
static gboolean
sink_is_real (GstElement *sink)
{
  g_autoptr(GstIterator) iter = NULL;
  g_auto(GValue) item = G_VALUE_INIT;
  gboolean real = FALSE;

  if (!GST_IS_BIN (sink))
    return !is_fake_sink (sink);

  iter = gst_bin_iterate_recurse (GST_BIN (sink));
  for (;;)
    {
      GstIteratorResult result = gst_iterator_next (iter, &item);
      GstElement *element;

      if (result == GST_ITERATOR_RESYNC)
        {
          gst_iterator_resync (iter);
          real = FALSE;
          continue;
        }
      if (result != GST_ITERATOR_OK)
        break;
      element = g_value_get_object (&item);
      if (!GST_IS_BIN (element) &&
          GST_OBJECT_FLAG_IS_SET (element, GST_ELEMENT_FLAG_SINK) &&
          !is_fake_sink (element))
        real = TRUE;
      g_value_reset (&item);
    }
  return real;
}

static void
drop_pipeline (UnknotCuePlayer *self)
{
  if (self->bus_watch != NULL)
    {
      g_source_destroy (self->bus_watch);
      g_clear_pointer (&self->bus_watch, g_source_unref);
    }
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  self->silence = NULL;
  self->mixer = NULL;
  memset (self->lanes, 0, sizeof self->lanes);
  self->volume_element = NULL;
  g_clear_object (&self->pipeline);
}

static void
fail (UnknotCuePlayer *self,
      const GError    *error,
      const char      *debug)
{
  g_autofree char *message = NULL;

  /* Once: a start() retried on a broken setup says nothing new. */
  if (self->problems & (1u << PROBLEM_PIPELINE))
    g_debug ("Cue sounds stopped again: %s", error->message);
  else
    g_warning ("Cue sounds stopped: %s%s%s", error->message,
               debug != NULL ? "; " : "", debug != NULL ? debug : "");
  message = g_strdup_printf (_("Sounds cannot be played (%s). Cues will be shown on screen only."),
                             error->message);
  report_problem (self, PROBLEM_PIPELINE, message);
  set_sound_available (self, FALSE);
  drop_pipeline (self);
}

static gboolean
bus_message_cb (GstBus          *bus,
                GstMessage      *message,
                UnknotCuePlayer *self)
{
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *debug = NULL;

      gst_message_parse_error (message, &error, &debug);
      /* fail() destroys this very source; its reference keeps it alive
       * until this callback returns. */
      fail (self, error, debug);
      return G_SOURCE_REMOVE;
    }
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_WARNING)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_warning (message, &error, NULL);
      g_debug ("GStreamer warning from %s: %s", GST_MESSAGE_SRC_NAME (message), error->message);
    }
  return G_SOURCE_CONTINUE;
}

static GstElement *
make_sink (GError **error)
{
  const char *description = g_getenv ("UNKNOT_AUDIO_SINK");
  GstElement *sink;

  if (description == NULL || *description == '\0')
    {
      sink = gst_element_factory_make ("autoaudiosink", NULL);
      if (sink == NULL)
        g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                     _("The GStreamer element “%s” is not installed"), "autoaudiosink");
      return sink;
    }

  /* A description with a missing element can still give a bin, short of
   * that element; a sink that is not the one asked for is no sink. */
  sink = gst_parse_bin_from_description (description, TRUE, error);
  if (sink != NULL && error != NULL && *error != NULL)
    g_clear_pointer (&sink, gst_object_unref);
  return sink;
}

static gboolean
build_pipeline (UnknotCuePlayer  *self,
                GError          **error)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (UNKNOT_CHIME_CAPS);
  g_autoptr(GstBus) bus = NULL;
  GstElement *filter, *mixed, *convert, *resample, *sink;

  self->pipeline = gst_object_ref_sink (gst_pipeline_new ("unknot-cues"));
  /* The mixer must mix on a timeout, never wait for every lane to have
   * data.  It would learn that it is live from a latency query, but the
   * query made as the pipeline starts can come before the silence source
   * knows its rate, and fail; the next one comes only once the sink has had
   * data, which a waiting mixer never sends.  force-live (construct-only)
   * takes that race out; the price is that such a mixer never passes EOS
   * on, so stop() ends the stream after it.  Lanes without a cue are left
   * out rather than waited for. */
  self->mixer = gst_element_factory_make_full ("audiomixer",
                                               "force-live", TRUE,
                                               "ignore-inactive-pads", TRUE,
                                               "min-upstream-latency", SILENCE_DURATION,
                                               NULL);
  if (self->mixer == NULL)
    g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                 _("The GStreamer element “%s” is not installed"), "audiomixer");
  else
    gst_bin_add (GST_BIN (self->pipeline), self->mixer);
  self->silence = add_element (self->pipeline, "audiotestsrc", error);
  filter = add_element (self->pipeline, "capsfilter", error);
  mixed = add_element (self->pipeline, "capsfilter", error);
  for (guint i = 0; i < N_LANES; i++)
    self->lanes[i] = add_element (self->pipeline, "appsrc", error);
  convert = add_element (self->pipeline, "audioconvert", error);
  resample = add_element (self->pipeline, "audioresample", error);
  self->volume_element = add_element (self->pipeline, "volume", error);
  if (self->volume_element == NULL)
    return FALSE;

  sink = make_sink (error);
  if (sink == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (self->pipeline), sink);

  /* The silent live source gives the mixer a running clock to mix cues
   * into; without it the mixer would wait for the appsrcs forever. */
  gst_util_set_object_arg (G_OBJECT (self->silence), "wave", "silence");
  g_object_set (self->silence,
                "is-live", TRUE,
                "samplesperbuffer", SILENCE_SAMPLES,
                NULL);
  g_object_set (filter, "caps", caps, NULL);
  /* A forced-live mixer may start before its inputs have caps and would
   * then pick any format; the cue format is the one worth keeping. */
  g_object_set (mixed, "caps", caps, NULL);
  for (guint i = 0; i < N_LANES; i++)
    {
      /* A live appsrc says by default that it can buffer nothing (maximum
       * latency 0), less than the silence source needs, and the pipeline's
       * latency could not be configured.  Its queue is unbounded, which is
       * what max-latency -1 says. */
      g_object_set (self->lanes[i],
                    "caps", caps,
                    "format", GST_FORMAT_TIME,
                    "is-live", TRUE,
                    "do-timestamp", FALSE,
                    "min-latency", (gint64) 0,
                    "max-latency", (gint64) -1,
                    "max-bytes", (guint64) 0, /* a cue must never be refused */
                    NULL);
      self->lane_free_at[i] = 0;
    }
  g_object_set (self->volume_element, "volume", self->volume, NULL);

  if (!gst_element_link_many (self->silence, filter, self->mixer, NULL) ||
      !gst_element_link_many (self->mixer, mixed, convert, resample, self->volume_element, sink, NULL))
    goto not_linked;
  for (guint i = 0; i < N_LANES; i++)
    if (!gst_element_link (self->lanes[i], self->mixer))
      goto not_linked;

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_watch, G_SOURCE_FUNC (bus_message_cb), self, NULL);
  g_source_set_static_name (self->bus_watch, "[unknot] cue player bus");
  g_source_attach (self->bus_watch, self->context);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

      if (message != NULL)
        gst_message_parse_error (message, error, NULL);
      else
        g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_STATE_CHANGE,
                             _("The sound output could not be started"));
      return FALSE;
    }

  if (!sink_is_real (sink))
    {
      g_debug ("No sound device: the sink is a fake sink");
      report_problem (self, PROBLEM_NO_DEVICE,
                      _("Sound is not available on this computer; cues will be shown on screen only."));
      set_sound_available (self, FALSE);
      drop_pipeline (self);
      return TRUE;
    }

  return TRUE;

not_linked:
  g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION,
                       _("The sound output does not accept the cue format"));
  return FALSE;
}

static gboolean
get_running_time (UnknotCuePlayer *self,
                  GstClockTime    *running_time)
{
  g_autoptr(GstClock) clock = gst_element_get_clock (self->pipeline);
  GstClockTime now, base;

  /* No clock yet: the pipeline is not PLAYING, so nothing could sound. */
  if (clock == NULL)
    return FALSE;
  now = gst_clock_get_time (clock);
  base = gst_element_get_base_time (self->pipeline);
  *running_time = now > base ? now - base : 0;
  return TRUE;
}

/* Pushes @pcm to sound at running time @at, or as soon after as a lane is
 * free; returns when it ends. */
static GstClockTime
push_cue (UnknotCuePlayer *self,
          GBytes          *pcm,
          GstClockTime     at)
{
  GstClockTime duration;
  GstBuffer *buffer;
  guint lane = 0;

  for (guint i = 1; i < N_LANES; i++)
    if (self->lane_free_at[i] < self->lane_free_at[lane])
      lane = i;
  at = MAX (at, self->lane_free_at[lane]);

  duration = gst_util_uint64_scale (g_bytes_get_size (pcm) / sizeof (gint16), GST_SECOND, UNKNOT_CHIME_RATE);
  if (duration == 0)
    return at;

  buffer = gst_buffer_new_wrapped_bytes (pcm);
  GST_BUFFER_PTS (buffer) = at;
  GST_BUFFER_DURATION (buffer) = duration;
  /* DISCONT has the mixer place the cue by its timestamp; without it the
   * mixer may take the gap since the lane's last cue for jitter (its
   * discont-wait is 1 s) and play this cue straight after that one. */
  GST_BUFFER_FLAG_SET (buffer, GST_BUFFER_FLAG_DISCONT);
  if (gst_app_src_push_buffer (GST_APP_SRC (self->lanes[lane]), buffer) != GST_FLOW_OK)
    g_debug ("A cue was refused by a stopping pipeline");

  self->lane_free_at[lane] = at + duration;
  return at + duration;
}

static void
play_late_phrase (UnknotCuePlayer *self,
                  const char      *phrase)
{
  g_autoptr(GBytes) pcm = NULL;
  GstClockTime now;

  if (self->late_phrase == NULL || strcmp (self->late_phrase, phrase) != 0)
    return;
  g_clear_pointer (&self->late_phrase, g_free);

  if (g_get_monotonic_time () > self->late_phrase_deadline ||
      self->pipeline == NULL || !self->voice_enabled ||
      !get_running_time (self, &now))
    return;

  pcm = lookup_phrase (self, phrase);
  if (pcm != NULL)
    push_cue (self, pcm, MAX (now + CUE_MARGIN, self->late_phrase_not_before));
}

/* Public API */

UnknotCuePlayer *
unknot_cue_player_new (void)
{
  return g_object_new (UNKNOT_TYPE_CUE_PLAYER, NULL);
}

void
unknot_cue_player_start (UnknotCuePlayer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (self->pipeline != NULL)
    return;

  for (guint i = 0; i < UNKNOT_N_CUES; i++)
    if (self->chimes[i] == NULL)
      self->chimes[i] = unknot_chime_render (i);

  if (!build_pipeline (self, &error))
    fail (self, error, NULL);
  else if (self->pipeline != NULL)
    set_sound_available (self, TRUE);
}

void
unknot_cue_player_stop (UnknotCuePlayer *self)
{
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstPad) mixer_src = NULL;
  g_autoptr(GstPad) downstream = NULL;
  GstClockTime end;
  gint64 deadline, position = 0;

  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (self->pipeline == NULL)
    return;

  /* The bus is read directly below; the watch must not take the EOS. */
  if (self->bus_watch != NULL)
    {
      g_source_destroy (self->bus_watch);
      g_clear_pointer (&self->bus_watch, g_source_unref);
    }

  /* Cues already queued still sound: the mixer's output has to pass the
   * end of the last one before the stream is ended. */
  end = self->lane_free_at[0];
  for (guint i = 1; i < N_LANES; i++)
    end = MAX (end, self->lane_free_at[i]);
  deadline = g_get_monotonic_time () + STOP_TIMEOUT / GST_USECOND;
  while (end > 0 && g_get_monotonic_time () < deadline &&
         gst_element_query_position (self->mixer, GST_FORMAT_TIME, &position) &&
         position < (gint64) end)
    g_usleep (5 * G_TIME_SPAN_MILLISECOND);

  /* EOS right after the mixer, which never sends one (see force-live), so
   * that a file sink completes its headers; but not before the stream has
   * begun (stopped right after start()), which GStreamer takes as an
   * error of ours. */
  mixer_src = gst_element_get_static_pad (self->mixer, "src");
  downstream = gst_pad_get_peer (mixer_src);
  while (downstream != NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GstEvent) segment = gst_pad_get_sticky_event (downstream, GST_EVENT_SEGMENT, 0);

      if (segment != NULL)
        break;
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  if (downstream != NULL)
    gst_pad_send_event (downstream, gst_event_new_eos ());

  bus = gst_element_get_bus (self->pipeline);
  message = gst_bus_timed_pop_filtered (bus, MAX (deadline - g_get_monotonic_time (), 100 * G_TIME_SPAN_MILLISECOND) * GST_USECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (message == NULL)
    g_debug ("The cue pipeline did not end within %" GST_TIME_FORMAT, GST_TIME_ARGS (STOP_TIMEOUT));
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &error, NULL);
      g_debug ("The cue pipeline failed while ending: %s", error->message);
    }

  drop_pipeline (self);
  g_clear_pointer (&self->late_phrase, g_free);
}

void
unknot_cue_player_prepare_phrases (UnknotCuePlayer    *self,
                                   const char * const *phrases)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (phrases == NULL || !self->voice_available || !self->voice_enabled)
    return;
  render_phrases (self, phrases);
}

void
unknot_cue_player_play (UnknotCuePlayer *self,
                        UnknotCueKind    kind,
                        const char      *phrase)
{
  g_autoptr(GBytes) spoken = NULL;
  gboolean speak;
  GstClockTime at;

  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));
  g_return_if_fail (kind < UNKNOT_N_CUES);

  /* Without sound the voice is moot: one problem is enough. */
  if (self->pipeline == NULL)
    return;

  speak = phrase != NULL && *phrase != '\0' && self->voice_enabled;
  if (speak && !self->voice_available)
    {
      report_problem (self, PROBLEM_NO_VOICE,
                      _("Spoken cues need the espeak voice for GStreamer (gstreamer1.0-espeak); chimes will be played instead."));
      speak = FALSE;
    }

  if ((!self->sounds_enabled && !speak) || !get_running_time (self, &at))
    return;
  at += CUE_MARGIN;

  if (self->sounds_enabled)
    at = push_cue (self, self->chimes[kind], at);

  if (!speak)
    return;

  spoken = lookup_phrase (self, phrase);
  if (spoken != NULL)
    {
      push_cue (self, spoken, at);
      return;
    }

  /* Rendering takes longer than play() may; the chime goes now and the
   * phrase follows if it is ready soon enough. */
  g_free (self->late_phrase);
  self->late_phrase = g_strdup (phrase);
  self->late_phrase_deadline = g_get_monotonic_time () + LATE_PHRASE_WINDOW;
  self->late_phrase_not_before = at;
  render_phrases (self, (const char * const []) { phrase, NULL });
}

void
unknot_cue_player_set_sounds_enabled (UnknotCuePlayer *self,
                                      gboolean         enabled)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (self->sounds_enabled == !!enabled)
    return;
  self->sounds_enabled = !!enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOUNDS_ENABLED]);
}

void
unknot_cue_player_set_voice_enabled (UnknotCuePlayer *self,
                                     gboolean         enabled)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (self->voice_enabled == !!enabled)
    return;
  self->voice_enabled = !!enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOICE_ENABLED]);
}

void
unknot_cue_player_set_volume (UnknotCuePlayer *self,
                              double           volume)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;
  self->volume = volume;
  if (self->volume_element != NULL)
    g_object_set (self->volume_element, "volume", volume, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

gboolean
unknot_cue_player_get_sound_available (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);

  return self->sound_available;
}

gboolean
unknot_cue_player_get_voice_available (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);

  return self->voice_available;
}

/* GObject */

static void
unknot_cue_player_dispose (GObject *object)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  unknot_cue_player_stop (self);

  G_OBJECT_CLASS (unknot_cue_player_parent_class)->dispose (object);
}

static void
unknot_cue_player_finalize (GObject *object)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  for (guint i = 0; i < UNKNOT_N_CUES; i++)
    g_clear_pointer (&self->chimes[i], g_bytes_unref);
  g_clear_pointer (&self->phrases, phrase_cache_unref);
  g_clear_pointer (&self->late_phrase, g_free);
  g_free (self->language);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (unknot_cue_player_parent_class)->finalize (object);
}

static void
unknot_cue_player_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SOUNDS_ENABLED:
      g_value_set_boolean (value, self->sounds_enabled);
      break;
    case PROP_VOICE_ENABLED:
      g_value_set_boolean (value, self->voice_enabled);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    case PROP_SOUND_AVAILABLE:
      g_value_set_boolean (value, self->sound_available);
      break;
    case PROP_VOICE_AVAILABLE:
      g_value_set_boolean (value, self->voice_available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_cue_player_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SOUNDS_ENABLED:
      unknot_cue_player_set_sounds_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_VOICE_ENABLED:
      unknot_cue_player_set_voice_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_VOLUME:
      unknot_cue_player_set_volume (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_cue_player_class_init (UnknotCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_cue_player_dispose;
  object_class->finalize = unknot_cue_player_finalize;
  object_class->get_property = unknot_cue_player_get_property;
  object_class->set_property = unknot_cue_player_set_property;

  properties[PROP_SOUNDS_ENABLED] =
    g_param_spec_boolean ("sounds-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOICE_ENABLED] =
    g_param_spec_boolean ("voice-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 0.8,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOUND_AVAILABLE] =
    g_param_spec_boolean ("sound-available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOICE_AVAILABLE] =
    g_param_spec_boolean ("voice-available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unknot_cue_player_init (UnknotCuePlayer *self)
{
  g_autoptr(GError) error = NULL;

  self->context = g_main_context_ref_thread_default ();
  self->language = language_for_voice ();
  self->phrases = phrase_cache_new ();
  self->volume = 0.8;
  self->sounds_enabled = TRUE;
  self->voice_enabled = TRUE;
  self->sound_available = TRUE;

  if (!gst_init_check (NULL, NULL, &error))
    {
      g_warning ("GStreamer cannot start: %s", error->message);
      return;
    }

  self->voice_available = unknot_cue_player_voice_installed ();
}

/* UNKNOT_DISABLE_VOICE (any value) makes it look as if espeak were not
 * installed, so the chimes-only path can be tested, and tried, on a machine
 * that has it. */
gboolean
unknot_cue_player_voice_installed (void)
{
  g_autoptr(GstElementFactory) espeak = NULL;

  if (g_getenv ("UNKNOT_DISABLE_VOICE") != NULL || !gst_init_check (NULL, NULL, NULL))
    return FALSE;
  espeak = gst_element_factory_find ("espeak");
  return espeak != NULL;
}
