/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a user hears from the cue player, checked in a recording: every
 * test sends the real pipeline to "wavenc ! filesink" through
 * UNKNOT_AUDIO_SINK and reads the WAV back. */
#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "unknot-cue-player.h"

#define RATE 48000
#define MS(ms) ((gint64) (ms) * RATE / 1000)
/* Well above the silence source (exact zeros), well below any cue. */
#define ONSET_THRESHOLD 300
/* A cue has ended once this long has passed below the threshold. */
#define SILENT_GAP MS (60)

typedef struct
{
  gint16 *samples;
  gsize   n_samples;
} Recording;

static void
recording_free (Recording *recording)
{
  g_free (recording->samples);
  g_free (recording);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recording, recording_free)

typedef struct
{
  char     *dir;
  char     *wav;
  guint     problems;
  char     *last_problem;
} Fixture;

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
read_le16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

/* A RIFF reader for what wavenc writes: 16-bit PCM, mono, at RATE.  It
 * also checks the sizes in the headers, which wavenc only fills in when
 * the stream ended properly. */
static Recording *
read_wav (const char *path)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  Recording *recording = NULL;
  gsize length, offset = 12;
  gboolean have_format = FALSE;

  g_file_get_contents (path, (char **) &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 44);
  g_assert_cmpmem (data, 4, "RIFF", 4);
  g_assert_cmpmem (data + 8, 4, "WAVE", 4);
  g_assert_cmpuint (read_le32 (data + 4), ==, length - 8);

  while (offset + 8 <= length)
    {
      const guint8 *chunk = data + offset;
      guint32 size = read_le32 (chunk + 4);

      g_assert_cmpuint (offset + 8 + size, <=, length);
      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (size, >=, 16);
          g_assert_cmpuint (read_le16 (chunk + 8), ==, 1);       /* PCM */
          g_assert_cmpuint (read_le16 (chunk + 10), ==, 1);      /* mono */
          g_assert_cmpuint (read_le32 (chunk + 12), ==, RATE);
          g_assert_cmpuint (read_le16 (chunk + 22), ==, 16);
          have_format = TRUE;
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          g_assert_true (have_format);
          recording = g_new0 (Recording, 1);
          recording->n_samples = size / 2;
          recording->samples = g_new (gint16, recording->n_samples);
          for (gsize i = 0; i < recording->n_samples; i++)
            recording->samples[i] = (gint16) read_le16 (chunk + 8 + 2 * i);
        }
      offset += 8 + size + (size & 1);
    }

  g_assert_nonnull (recording);
  return recording;
}

/* Onsets: the first loud sample after at least SILENT_GAP of quiet. */
static GArray *
find_onsets (const Recording *recording)
{
  GArray *onsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 last_loud = -SILENT_GAP - 1;

  for (gsize i = 0; i < recording->n_samples; i++)
    {
      if (ABS ((int) recording->samples[i]) <= ONSET_THRESHOLD)
        continue;
      if ((gint64) i - last_loud > SILENT_GAP)
        {
          gint64 onset = i;

          g_array_append_val (onsets, onset);
        }
      last_loud = i;
    }
  return onsets;
}

static int
peak_between (const Recording *recording,
              gint64           from,
              gint64           to)
{
  int peak = 0;

  from = CLAMP (from, 0, (gint64) recording->n_samples);
  to = CLAMP (to, 0, (gint64) recording->n_samples);
  for (gint64 i = from; i < to; i++)
    peak = MAX (peak, ABS ((int) recording->samples[i]));
  return peak;
}

typedef struct
{
  int    peak;
  double length_ms; /* until it decays 40 dB below its peak */
  double crossings_per_s;
  gsize  clipped;
} Sound;

static Sound
describe (const Recording *recording,
          gint64           from,
          gint64           to)
{
  Sound sound = { 0 };
  gint64 last = from;
  gsize crossings = 0;

  to = MIN (to, (gint64) recording->n_samples);
  sound.peak = peak_between (recording, from, to);
  for (gint64 i = from; i < to; i++)
    {
      int v = recording->samples[i];

      if (ABS (v) * 100 >= sound.peak)
        last = i;
      if (v >= G_MAXINT16 || v <= G_MININT16)
        sound.clipped++;
    }
  for (gint64 i = from + 1; i <= last; i++)
    if ((recording->samples[i - 1] < 0) != (recording->samples[i] < 0))
      crossings++;

  sound.length_ms = (last - from) * 1000.0 / RATE;
  sound.crossings_per_s = last > from ? crossings * (double) RATE / (last - from) : 0.0;
  return sound;
}

static void
problem_cb (UnknotCuePlayer *player,
            const char      *message,
            Fixture         *fixture)
{
  g_test_message ("problem: %s", message);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpstr (message, !=, "");
  fixture->problems++;
  g_free (fixture->last_problem);
  fixture->last_problem = g_strdup (message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sink = NULL;

  fixture->dir = g_dir_make_tmp ("unknot-cues-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->wav = g_build_filename (fixture->dir, "cues.wav", NULL);
  sink = g_strdup_printf ("wavenc ! filesink location=\"%s\"", fixture->wav);
  g_setenv ("UNKNOT_AUDIO_SINK", sink, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->wav);
  g_rmdir (fixture->dir);
  g_free (fixture->wav);
  g_free (fixture->dir);
  g_free (fixture->last_problem);
  /* setenv() races with threads reading the environment; GStreamer's are
   * all stopped here, and only what was set is unset. */
  if (g_getenv ("UNKNOT_AUDIO_SINK") != NULL)
    g_unsetenv ("UNKNOT_AUDIO_SINK");
  if (g_getenv ("UNKNOT_DISABLE_VOICE") != NULL)
    g_unsetenv ("UNKNOT_DISABLE_VOICE");
}

static UnknotCuePlayer *
new_player (Fixture *fixture)
{
  UnknotCuePlayer *player = unknot_cue_player_new ();

  g_signal_connect (player, "problem", G_CALLBACK (problem_cb), fixture);
  return player;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop, as the app does between cues. */
static void
wait_ms (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_cb, loop);
  g_main_loop_run (loop);
}

typedef struct
{
  UnknotCuePlayer *player;
  UnknotCueKind    kind;
  const char      *phrase;
  gint64           played_at; /* monotonic µs */
} Cue;

static gboolean
play_cb (gpointer data)
{
  Cue *cue = data;

  cue->played_at = g_get_monotonic_time ();
  unknot_cue_player_play (cue->player, cue->kind, cue->phrase);
  return G_SOURCE_REMOVE;
}

/* Plays @cues at @offsets ms from now, from timeouts on the main loop like
 * a session's, and returns after @end_ms. */
static void
play_schedule (UnknotCuePlayer *player,
               Cue             *cues,
               const guint     *offsets,
               guint            n_cues,
               guint            end_ms)
{
  for (guint i = 0; i < n_cues; i++)
    {
      cues[i].player = player;
      g_timeout_add_full (G_PRIORITY_HIGH, offsets[i], play_cb, &cues[i], NULL);
    }
  wait_ms (end_ms);
}

static void
test_timing (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  const guint offsets[] = { 300, 1300, 2300 };
  Cue cues[] = {
    { .kind = UNKNOT_CUE_STEP_START },
    { .kind = UNKNOT_CUE_COUNTDOWN },
    { .kind = UNKNOT_CUE_HALFWAY },
  };

  unknot_cue_player_start (player);
  g_assert_true (unknot_cue_player_get_sound_available (player));
  play_schedule (player, cues, offsets, G_N_ELEMENTS (cues), 2500);
  unknot_cue_player_stop (player);

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, ==, G_N_ELEMENTS (cues));

  for (guint i = 1; i < onsets->len; i++)
    {
      double heard = (g_array_index (onsets, gint64, i) - g_array_index (onsets, gint64, 0)) * 1000.0 / RATE;
      double scheduled = offsets[i] - offsets[0];
      double called = (cues[i].played_at - cues[0].played_at) / 1000.0;

      g_test_message ("cue %u heard %.1f ms after the first; scheduled %.0f ms, called %.1f ms: error %+.1f ms",
                      i, heard, scheduled, called, heard - scheduled);
      g_assert_cmpfloat (ABS (heard - scheduled), <=, 50.0);
      /* The pipeline itself adds no drift beyond a buffer's worth. */
      g_assert_cmpfloat (ABS (heard - called), <=, 25.0);
    }
  g_assert_cmpuint (fixture->problems, ==, 0);
}

static void
test_chimes_distinct (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  const guint offsets[] = { 200, 800, 1050, 2150, 2650, 3600 };
  Cue cues[] = {
    { .kind = UNKNOT_CUE_STEP_START },
    { .kind = UNKNOT_CUE_COUNTDOWN },
    { .kind = UNKNOT_CUE_HALFWAY },
    { .kind = UNKNOT_CUE_SWITCH_SIDES },
    { .kind = UNKNOT_CUE_REST },
    { .kind = UNKNOT_CUE_FINISH },
  };
  Sound sounds[G_N_ELEMENTS (cues)];

  G_STATIC_ASSERT (G_N_ELEMENTS (cues) == UNKNOT_N_CUES);

  unknot_cue_player_start (player);
  play_schedule (player, cues, offsets, G_N_ELEMENTS (cues), 3700);
  unknot_cue_player_stop (player);

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, ==, G_N_ELEMENTS (cues));

  for (guint i = 0; i < onsets->len; i++)
    {
      gint64 from = g_array_index (onsets, gint64, i);
      /* Short of the next onset: a cue's attack starts below the threshold. */
      gint64 to = i + 1 < onsets->len ? g_array_index (onsets, gint64, i + 1) - MS (10) : (gint64) recording->n_samples;

      sounds[i] = describe (recording, from, to);
      g_test_message ("chime %u: peak %d, %.0f ms, %.0f zero crossings/s",
                      i, sounds[i].peak, sounds[i].length_ms, sounds[i].crossings_per_s);
      /* At the default volume (0.8) a −6 dBFS chime peaks near 13100. */
      g_assert_cmpint (sounds[i].peak, >, 5000);
      g_assert_cmpint (sounds[i].peak, <, 16384);
      g_assert_cmpuint (sounds[i].clipped, ==, 0);
      /* A gentle attack: the first millisecond is not at full level. */
      g_assert_cmpint (peak_between (recording, from, from + MS (1)), <, sounds[i].peak / 2);
    }

  /* Told apart by ear: each pair differs in length or in pitch. */
  for (guint a = 0; a < G_N_ELEMENTS (sounds); a++)
    for (guint b = a + 1; b < G_N_ELEMENTS (sounds); b++)
      {
        double length_ratio = MIN (sounds[a].length_ms, sounds[b].length_ms) / MAX (sounds[a].length_ms, sounds[b].length_ms);
        double pitch_ratio = MIN (sounds[a].crossings_per_s, sounds[b].crossings_per_s) /
                             MAX (sounds[a].crossings_per_s, sounds[b].crossings_per_s);

        if (length_ratio > 0.85 && pitch_ratio > 0.85)
          g_error ("chimes %u and %u sound alike (length ratio %.2f, pitch ratio %.2f)",
                   a, b, length_ratio, pitch_ratio);
      }
}

static void
test_sounds_disabled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  const guint offsets[] = { 100, 400 };
  Cue cues[] = {
    { .kind = UNKNOT_CUE_STEP_START },
    { .kind = UNKNOT_CUE_FINISH },
  };

  unknot_cue_player_set_sounds_enabled (player, FALSE);
  unknot_cue_player_start (player);
  play_schedule (player, cues, offsets, G_N_ELEMENTS (cues), 800);
  unknot_cue_player_stop (player);

  recording = read_wav (fixture->wav);
  /* The recording ran all along, and heard nothing. */
  g_assert_cmpuint (recording->n_samples, >, MS (600));
  g_assert_cmpint (peak_between (recording, 0, recording->n_samples), ==, 0);
}

/* Stopping right after the last cue, as a finished session does, still
 * lets it sound to its end, and leaves a complete file. */
static void
test_stop_after_cue (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  gint64 before, took;
  Sound sound;

  unknot_cue_player_start (player);
  wait_ms (100);
  unknot_cue_player_play (player, UNKNOT_CUE_FINISH, NULL);
  before = g_get_monotonic_time ();
  unknot_cue_player_stop (player);
  took = g_get_monotonic_time () - before;

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, ==, 1);
  sound = describe (recording, g_array_index (onsets, gint64, 0), recording->n_samples);
  g_test_message ("stop() took %" G_GINT64_FORMAT " ms; the finish chime lasted %.0f ms",
                  took / 1000, sound.length_ms);
  g_assert_cmpfloat (sound.length_ms, >, 1100.0);
  g_assert_cmpint (took, <, 2 * G_USEC_PER_SEC);

  /* With nothing queued, stopping is immediate. */
  unknot_cue_player_start (player);
  before = g_get_monotonic_time ();
  unknot_cue_player_stop (player);
  g_assert_cmpint (g_get_monotonic_time () - before, <, 300 * 1000);
}

static void
set_volume_cb (gpointer data)
{
  unknot_cue_player_set_volume (data, 0.5);
}

static void
test_volume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  const guint offsets[] = { 200, 900 };
  Cue cues[] = {
    { .kind = UNKNOT_CUE_STEP_START },
    { .kind = UNKNOT_CUE_STEP_START },
  };
  int loud, soft;

  g_object_set (player, "volume", 1.0, NULL);
  unknot_cue_player_start (player);
  /* Changed while running, between the two cues, as from preferences. */
  g_timeout_add_once (750, set_volume_cb, player);
  play_schedule (player, cues, offsets, G_N_ELEMENTS (cues), 1000);
  unknot_cue_player_stop (player);

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, ==, 2);
  loud = peak_between (recording, g_array_index (onsets, gint64, 0), g_array_index (onsets, gint64, 1));
  soft = peak_between (recording, g_array_index (onsets, gint64, 1), recording->n_samples);
  g_test_message ("peak at volume 1.0: %d, at 0.5: %d", loud, soft);
  g_assert_cmpint (loud, <, G_MAXINT16);
  g_assert_cmpint (loud, >, 14000); /* about −6 dBFS */
  g_assert_cmpfloat ((double) soft / loud, >, 0.45);
  g_assert_cmpfloat ((double) soft / loud, <, 0.55);
}

static void
test_voice (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  const char * const phrases[] = { "Step two", NULL };
  const guint offsets[] = { 100 };
  Cue cues[] = {
    { .kind = UNKNOT_CUE_STEP_START, .phrase = "Step two" },
  };
  gint64 onset;
  Sound sound;

  if (!unknot_cue_player_get_voice_available (player))
    {
      g_test_skip ("espeak is not installed");
      return;
    }

  unknot_cue_player_start (player);
  unknot_cue_player_prepare_phrases (player, phrases);
  /* Time to render, as "get ready" gives a session. */
  wait_ms (600);
  play_schedule (player, cues, offsets, G_N_ELEMENTS (cues), 300);
  unknot_cue_player_stop (player);

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, >=, 1);
  onset = g_array_index (onsets, gint64, 0);
  sound = describe (recording, onset, recording->n_samples);
  g_test_message ("chime and phrase: %.0f ms, peak %d", sound.length_ms, sound.peak);

  /* The chime alone lasts 450 ms; the phrase follows it at once. */
  g_assert_cmpfloat (sound.length_ms, >, 700.0);
  g_assert_cmpint (peak_between (recording, onset + MS (500), onset + MS (1200)), >, 3000);
  g_assert_cmpuint (sound.clipped, ==, 0);
  g_assert_cmpuint (fixture->problems, ==, 0);
}

/* A phrase nobody prepared: play() still returns at once with the chime,
 * and the phrase follows when rendered, within a second. */
static void
test_voice_unprepared (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  gint64 before, took, onset;

  if (!unknot_cue_player_get_voice_available (player))
    {
      g_test_skip ("espeak is not installed");
      return;
    }

  unknot_cue_player_start (player);
  wait_ms (100);
  before = g_get_monotonic_time ();
  unknot_cue_player_play (player, UNKNOT_CUE_REST, "Rest for a moment");
  took = g_get_monotonic_time () - before;
  wait_ms (1200);
  unknot_cue_player_stop (player);

  g_test_message ("play() of an unrendered phrase took %" G_GINT64_FORMAT " us", took);
  g_assert_cmpint (took, <, 20 * 1000);

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, >=, 1);
  onset = g_array_index (onsets, gint64, 0);
  /* The rest chime lasts 750 ms; speech is heard after it. */
  g_assert_cmpint (peak_between (recording, onset + MS (800), onset + MS (1800)), >, 3000);
}

static void
test_voice_disabled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = NULL;
  g_autoptr(Recording) recording = NULL;
  g_autoptr(GArray) onsets = NULL;
  const char * const phrases[] = { "Step two", NULL };
  const guint offsets[] = { 100 };
  Cue cues[] = {
    { .kind = UNKNOT_CUE_STEP_START, .phrase = "Step two" },
  };
  gint64 onset;

  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  player = new_player (fixture);
  g_assert_false (unknot_cue_player_get_voice_available (player));

  unknot_cue_player_start (player);
  unknot_cue_player_prepare_phrases (player, phrases);
  play_schedule (player, cues, offsets, G_N_ELEMENTS (cues), 1000);
  unknot_cue_player_stop (player);

  recording = read_wav (fixture->wav);
  onsets = find_onsets (recording);
  g_assert_cmpuint (onsets->len, ==, 1);
  onset = g_array_index (onsets, gint64, 0);
  /* The chime, then nothing where the phrase would have been. */
  g_assert_cmpint (peak_between (recording, onset, onset + MS (300)), >, 5000);
  g_assert_cmpint (peak_between (recording, onset + MS (500), recording->n_samples), <, ONSET_THRESHOLD);
  /* The user is told, once, that cues are not spoken. */
  g_assert_cmpuint (fixture->problems, ==, 1);
}

static void
check_degraded (Fixture         *fixture,
                UnknotCuePlayer *player)
{
  gint64 before;

  g_assert_false (unknot_cue_player_get_sound_available (player));

  before = g_get_monotonic_time ();
  for (guint i = 0; i < 50; i++)
    unknot_cue_player_play (player, i % UNKNOT_N_CUES, "Step two");
  g_assert_cmpint (g_get_monotonic_time () - before, <, 50 * 1000);

  unknot_cue_player_start (player);
  wait_ms (100);
  unknot_cue_player_stop (player);
  unknot_cue_player_stop (player);
}

static void
test_bogus_sink (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);

  g_setenv ("UNKNOT_AUDIO_SINK", "nosuchelement", TRUE);
  g_test_expect_message ("unknot-cues", G_LOG_LEVEL_WARNING, "*nosuchelement*");
  unknot_cue_player_start (player);
  g_test_assert_expected_messages ();
  g_assert_false (unknot_cue_player_get_sound_available (player));

  /* Told on the main loop, once, however often sound is asked for. */
  g_assert_cmpuint (fixture->problems, ==, 0);
  wait_ms (50);
  g_assert_cmpuint (fixture->problems, ==, 1);
  check_degraded (fixture, player);
  wait_ms (50);
  g_assert_cmpuint (fixture->problems, ==, 1);
}

static void
test_fake_sink (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);

  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink", TRUE);
  unknot_cue_player_set_voice_enabled (player, FALSE);
  unknot_cue_player_start (player);
  g_assert_false (unknot_cue_player_get_sound_available (player));
  check_degraded (fixture, player);
  wait_ms (50);
  g_assert_cmpuint (fixture->problems, ==, 1);
}

/* What autoaudiosink will find, asked independently of it. */
static gboolean
have_sound_device (void)
{
  g_autoptr(GstDeviceMonitor) monitor = gst_device_monitor_new ();
  GList *devices;
  gboolean found;

  gst_device_monitor_add_filter (monitor, "Audio/Sink", NULL);
  devices = gst_device_monitor_get_devices (monitor);
  found = devices != NULL;
  g_list_free_full (devices, gst_object_unref);
  return found;
}

static void
test_default_sink (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  gboolean expected = have_sound_device ();

  g_test_message ("a sound device is %s", expected ? "present" : "absent");
  g_unsetenv ("UNKNOT_AUDIO_SINK");
  unknot_cue_player_set_voice_enabled (player, FALSE);
  unknot_cue_player_start (player);
  g_assert_cmpint (unknot_cue_player_get_sound_available (player), ==, expected);
  wait_ms (50);
  g_assert_cmpuint (fixture->problems, ==, expected ? 0 : 1);
  if (!expected)
    check_degraded (fixture, player);
  unknot_cue_player_stop (player);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(UnknotCuePlayer) player = new_player (fixture);
  gboolean sounds, voice;
  double volume;

  g_object_get (player, "sounds-enabled", &sounds, "voice-enabled", &voice, "volume", &volume, NULL);
  g_assert_true (sounds);
  g_assert_true (voice);
  g_assert_cmpfloat (volume, ==, 0.8);
  /* Out of range is kept in range, not refused. */
  unknot_cue_player_set_volume (player, 7.0);
  g_object_get (player, "volume", &volume, NULL);
  g_assert_cmpfloat (volume, ==, 1.0);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  ADD_TEST ("/cue-player/timing", test_timing);
  ADD_TEST ("/cue-player/chimes-distinct", test_chimes_distinct);
  ADD_TEST ("/cue-player/sounds-disabled", test_sounds_disabled);
  ADD_TEST ("/cue-player/volume", test_volume);
  ADD_TEST ("/cue-player/stop-after-cue", test_stop_after_cue);
  ADD_TEST ("/cue-player/voice", test_voice);
  ADD_TEST ("/cue-player/voice-unprepared", test_voice_unprepared);
  ADD_TEST ("/cue-player/voice-disabled", test_voice_disabled);
  ADD_TEST ("/cue-player/degraded/bogus-sink", test_bogus_sink);
  ADD_TEST ("/cue-player/degraded/fake-sink", test_fake_sink);
  ADD_TEST ("/cue-player/degraded/default-sink", test_default_sink);
  ADD_TEST ("/cue-player/properties", test_properties);

  result = g_test_run ();
  gst_deinit ();
  return result;
}
