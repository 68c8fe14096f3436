/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a session announces; the cue player turns each into a sound and,
 * when a voice is available, a spoken phrase. */
typedef enum {
  UNKNOT_CUE_STEP_START,    /* a step (or its first side) begins */
  UNKNOT_CUE_COUNTDOWN,     /* 3, 2, 1 seconds before a step or side ends */
  UNKNOT_CUE_HALFWAY,       /* half of a step or side is done */
  UNKNOT_CUE_SWITCH_SIDES,  /* the second side of a step begins */
  UNKNOT_CUE_REST,          /* a rest between steps begins */
  UNKNOT_CUE_FINISH,        /* the session is complete */
  UNKNOT_N_CUES
} UnknotCueKind;

typedef enum {
  UNKNOT_SIDE_NONE,
  UNKNOT_SIDE_LEFT,
  UNKNOT_SIDE_RIGHT,
} UnknotSide;

const char *unknot_cue_kind_to_string (UnknotCueKind kind);
const char *unknot_side_get_label     (UnknotSide    side);

G_END_DECLS
