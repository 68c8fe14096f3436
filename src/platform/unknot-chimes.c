/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-cues"

#include "config.h"

#include "unknot-chimes.h"

/* A chime is a few bell notes.  Each note is a sum of sine partials that
 * decay exponentially, the upper ones faster, which is what makes a struck
 * bar or bell sound soft rather than electronic. */

typedef struct
{
  double ratio; /* of the note's frequency */
  double gain;  /* times the chime's brightness */
  double decay; /* times the note's decay time */
} Partial;

static const Partial partials[] = {
  { 1.0,  1.00, 1.00 },
  { 2.0,  0.30, 0.55 },
  { 3.0,  0.10, 0.35 },
  { 4.2,  0.04, 0.25 }, /* slightly inharmonic: a hint of bell, not organ */
};

typedef struct
{
  double start; /* s from the chime's start */
  double freq;  /* Hz */
  double tau;   /* s, decay time constant of the fundamental */
  double gain;
} Note;

typedef struct
{
  double length;     /* s; each note has decayed about 40 dB by then */
  double peak;       /* of full scale */
  double brightness; /* scales the upper partials */
  guint  n_notes;
  Note   notes[3];
} Chime;

/* Distinct in rhythm, pitch and length, so that they can be told apart
 * without looking: rising for a start, falling for a rest, a tick for
 * counting down. */
static const Chime chimes[UNKNOT_N_CUES] = {
  [UNKNOT_CUE_STEP_START] = {
    0.45, 0.50, 1.0, 2, {
      { 0.00, 659.26, 0.070, 0.85 },  /* E5 */
      { 0.13, 880.00, 0.070, 1.00 },  /* A5 */
    } },
  [UNKNOT_CUE_COUNTDOWN] = {
    0.09, 0.40, 0.3, 1, {
      { 0.00, 1318.51, 0.018, 1.00 }, /* E6 */
    } },
  [UNKNOT_CUE_HALFWAY] = {
    0.90, 0.50, 0.6, 1, {
      { 0.00, 523.25, 0.190, 1.00 },  /* C5 */
    } },
  [UNKNOT_CUE_SWITCH_SIDES] = {
    0.34, 0.50, 1.0, 2, {
      { 0.00, 1046.50, 0.045, 1.00 }, /* C6 */
      { 0.14, 1046.50, 0.045, 1.00 }, /* C6 */
    } },
  [UNKNOT_CUE_REST] = {
    0.75, 0.45, 0.5, 2, {
      { 0.00, 392.00, 0.115, 1.00 },  /* G4 */
      { 0.22, 293.66, 0.115, 0.95 },  /* D4 */
    } },
  [UNKNOT_CUE_FINISH] = {
    1.20, 0.50, 1.0, 3, {
      { 0.00, 523.25, 0.150, 0.80 },  /* C5 */
      { 0.16, 659.26, 0.150, 0.85 },  /* E5 */
      { 0.32, 783.99, 0.190, 1.00 },  /* G5 */
    } },
};

/* Attack and release in seconds: long enough that neither clicks. */
#define ATTACK 0.004
#define RELEASE 0.015

#define TWO_PI 6.283185307179586

/* libm is not among the platform library's dependencies, and a chime needs
 * only a few coefficients per partial, not per sample; short power series
 * are exact to double precision for the small arguments used here
 * (|x| < 1). */
static double
series_exp (double x)
{
  double sum = 1.0, term = 1.0;

  for (int k = 1; k < 20; k++)
    {
      term *= x / k;
      sum += term;
    }
  return sum;
}

static void
series_sincos (double  x,
               double *sin_x,
               double *cos_x)
{
  double s = x, c = 1.0, term_s = x, term_c = 1.0;

  for (int k = 1; k < 12; k++)
    {
      term_s *= -x * x / ((2 * k) * (2 * k + 1));
      term_c *= -x * x / ((2 * k - 1) * (2 * k));
      s += term_s;
      c += term_c;
    }
  *sin_x = s;
  *cos_x = c;
}

/* A smooth 0→1 ramp, without the clicks of a linear one's corners. */
static double
smoothstep (double x)
{
  x = CLAMP (x, 0.0, 1.0);
  return x * x * (3.0 - 2.0 * x);
}

static void
add_note (double      *samples,
          gsize        n_samples,
          const Note  *note,
          double       brightness)
{
  gsize first = (gsize) (note->start * UNKNOT_CHIME_RATE);
  gsize attack = (gsize) (ATTACK * UNKNOT_CHIME_RATE);

  for (guint p = 0; p < G_N_ELEMENTS (partials); p++)
    {
      double freq = note->freq * partials[p].ratio;
      double amp = note->gain * partials[p].gain * (p == 0 ? 1.0 : brightness);
      double decay = series_exp (-1.0 / (note->tau * partials[p].decay * UNKNOT_CHIME_RATE));
      double sin_w, cos_w, s = 0.0, c = 1.0;

      /* Partials above a third of the rate would only add aliasing. */
      if (freq > UNKNOT_CHIME_RATE / 3.0)
        continue;

      /* A rotating phasor instead of sin() per sample: the rounding drift
       * over a second of samples is far below 16-bit resolution. */
      series_sincos (TWO_PI * freq / UNKNOT_CHIME_RATE, &sin_w, &cos_w);
      for (gsize i = first; i < n_samples; i++)
        {
          double ramp = i - first < attack ? smoothstep ((double) (i - first) / attack) : 1.0;
          double next_c = c * cos_w - s * sin_w;

          samples[i] += amp * ramp * s;
          s = s * cos_w + c * sin_w;
          c = next_c;
          amp *= decay;
        }
    }
}

GBytes *
unknot_chime_render (UnknotCueKind kind)
{
  const Chime *chime;
  g_autofree double *samples = NULL;
  gint16 *pcm;
  gsize n_samples, release;
  double max = 0.0, scale;

  g_return_val_if_fail (kind < UNKNOT_N_CUES, NULL);

  chime = &chimes[kind];
  n_samples = (gsize) (chime->length * UNKNOT_CHIME_RATE);
  release = (gsize) (RELEASE * UNKNOT_CHIME_RATE);
  samples = g_new0 (double, n_samples);

  for (guint n = 0; n < chime->n_notes; n++)
    add_note (samples, n_samples, &chime->notes[n], chime->brightness);

  /* The notes' tails are already quiet at the end; the release only makes
   * sure the last sample is zero. */
  for (gsize i = 0; i < release; i++)
    samples[n_samples - 1 - i] *= smoothstep ((double) i / release);

  for (gsize i = 0; i < n_samples; i++)
    max = MAX (max, ABS (samples[i]));
  scale = max > 0.0 ? chime->peak * G_MAXINT16 / max : 0.0;

  pcm = g_new (gint16, n_samples);
  for (gsize i = 0; i < n_samples; i++)
    {
      double v = samples[i] * scale;

      pcm[i] = GINT16_TO_LE ((gint16) (v >= 0.0 ? v + 0.5 : v - 0.5));
    }

  return g_bytes_new_take (pcm, n_samples * sizeof (gint16));
}
