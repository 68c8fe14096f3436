/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cue latency through the real pipeline: plays N cues (default 20) at known
 * deadlines, records them through UNKNOT_AUDIO_SINK into a WAV file, finds
 * each cue's onset in the recording and compares the spacing of onsets with
 * the spacing of deadlines.  Also times play() itself, which runs on the
 * UI thread and must not block.
 *
 *   cue-latency [N]
 *
 * Prints median, p99 and max errors and PASS or FAIL against 50 ms. */
#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <stdlib.h>
#include <string.h>

#include "unknot-cue-player.h"

#define RATE 48000
#define LIMIT_MS 50.0
#define ONSET_THRESHOLD 300
#define SILENT_GAP (RATE * 60 / 1000)

/* Cues shorter than their spacing, so that each onset stands alone. */
static const UnknotCueKind kinds[] = {
  UNKNOT_CUE_COUNTDOWN,
  UNKNOT_CUE_SWITCH_SIDES,
};

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

/* Onsets (in samples) of a 16-bit mono WAV at RATE, or NULL if the file is
 * not one. */
static GArray *
read_onsets (const char *path)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GArray) onsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize length, offset = 12;
  gboolean mono16 = FALSE;

  if (!g_file_get_contents (path, (char **) &data, &length, NULL) ||
      length < 44 || memcmp (data, "RIFF", 4) != 0 || memcmp (data + 8, "WAVE", 4) != 0)
    return NULL;

  while (offset + 8 <= length)
    {
      const guint8 *chunk = data + offset;
      guint32 size = MIN (read_le32 (chunk + 4), length - offset - 8);

      if (memcmp (chunk, "fmt ", 4) == 0 && size >= 16)
        mono16 = read_le16 (chunk + 8) == 1 && read_le16 (chunk + 10) == 1 &&
                 read_le32 (chunk + 12) == RATE && read_le16 (chunk + 22) == 16;
      else if (memcmp (chunk, "data", 4) == 0 && mono16)
        {
          gint64 last_loud = -SILENT_GAP - 1;

          for (gint64 i = 0; i < size / 2; i++)
            {
              int v = (gint16) read_le16 (chunk + 8 + 2 * i);

              if (ABS (v) <= ONSET_THRESHOLD)
                continue;
              if (i - last_loud > SILENT_GAP)
                g_array_append_val (onsets, i);
              last_loud = i;
            }
          return g_steal_pointer (&onsets);
        }
      offset += 8 + size + (size & 1);
    }
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median, p99 and max of the absolute values of @values. */
static void
summarise (const char   *what,
           const char   *unit,
           const double *values,
           guint         n,
           double       *max_out)
{
  g_autofree double *sorted = g_new (double, n);

  for (guint i = 0; i < n; i++)
    sorted[i] = ABS (values[i]);
  qsort (sorted, n, sizeof (double), compare_doubles);
  g_print ("%-34s median %7.2f %s   p99 %7.2f %s   max %7.2f %s\n", what,
           sorted[n / 2], unit, sorted[(99 * n + 99) / 100 - 1], unit, sorted[n - 1], unit);
  if (max_out != NULL)
    *max_out = sorted[n - 1];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotCuePlayer) player = NULL;
  g_autoptr(GArray) onsets = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wav = NULL;
  g_autofree char *sink = NULL;
  g_autofree gint64 *deadlines = NULL;
  g_autofree gint64 *called = NULL;
  g_autofree double *call_us = NULL;
  g_autofree double *error_deadline = NULL;
  g_autofree double *error_call = NULL;
  guint n = 20;
  gint64 start;
  double worst;
  gboolean pass;

  gst_init (&argc, &argv);
  if (argc > 1)
    n = MAX (2, (guint) g_ascii_strtoull (argv[1], NULL, 10));

  dir = g_dir_make_tmp ("unknot-cue-latency-XXXXXX", &error);
  g_assert_no_error (error);
  wav = g_build_filename (dir, "cues.wav", NULL);
  sink = g_strdup_printf ("wavenc ! filesink location=\"%s\"", wav);
  g_setenv ("UNKNOT_AUDIO_SINK", sink, TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);

  deadlines = g_new (gint64, n);
  called = g_new (gint64, n);
  call_us = g_new (double, n);
  error_deadline = g_new (double, n);
  error_call = g_new (double, n);

  player = unknot_cue_player_new ();
  unknot_cue_player_start (player);
  if (!unknot_cue_player_get_sound_available (player))
    {
      g_printerr ("cue-latency: the recording sink did not start\n");
      return 1;
    }

  /* Deadlines 460–540 ms apart, irregular so that they do not keep the
   * same phase against the pipeline's 10 and 20 ms buffers. */
  start = g_get_monotonic_time () + 300 * 1000;
  for (guint i = 0; i < n; i++)
    deadlines[i] = start + i * 500 * 1000 + (i * 37 % 41) * 1000;

  for (guint i = 0; i < n; i++)
    {
      gint64 before;

      /* The main loop keeps running, as in a session, until the deadline. */
      while (g_get_monotonic_time () < deadlines[i])
        {
          gint64 left = deadlines[i] - g_get_monotonic_time ();

          if (!g_main_context_iteration (NULL, FALSE) && left > 0)
            g_usleep (MIN (left, 1000));
        }

      before = g_get_monotonic_time ();
      unknot_cue_player_play (player, kinds[i % G_N_ELEMENTS (kinds)], NULL);
      called[i] = g_get_monotonic_time ();
      call_us[i] = called[i] - before;
      called[i] = before;
    }

  /* Let the last cue sound out, then end the file. */
  while (g_get_monotonic_time () < deadlines[n - 1] + 700 * 1000)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  unknot_cue_player_stop (player);

  onsets = read_onsets (wav);
  g_unlink (wav);
  g_rmdir (dir);
  if (onsets == NULL || onsets->len != n)
    {
      g_printerr ("cue-latency: expected %u onsets in the recording, found %d\nFAIL\n",
                  n, onsets != NULL ? (int) onsets->len : -1);
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      double heard = (g_array_index (onsets, gint64, i) - g_array_index (onsets, gint64, 0)) * 1000.0 / RATE;

      error_deadline[i] = heard - (deadlines[i] - deadlines[0]) / 1000.0;
      error_call[i] = heard - (called[i] - called[0]) / 1000.0;
    }

  g_print ("%u cues, onsets relative to the first cue's\n", n);
  summarise ("onset error vs deadline", "ms", error_deadline + 1, n - 1, &worst);
  summarise ("onset error vs play() call", "ms", error_call + 1, n - 1, NULL);
  summarise ("play() duration", "us", call_us, n, NULL);

  pass = worst <= LIMIT_MS;
  g_print ("%s (limit %.0f ms)\n", pass ? "PASS" : "FAIL", LIMIT_MS);

  g_clear_object (&player);
  gst_deinit ();
  return pass ? 0 : 1;
}
