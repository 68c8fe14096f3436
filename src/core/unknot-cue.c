/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-cue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cue.h"

/* Stable names: the cue player files its sounds and phrases under them. */
static const char * const cue_names[] = {
  [UNKNOT_CUE_STEP_START] = "step-start",
  [UNKNOT_CUE_COUNTDOWN] = "countdown",
  [UNKNOT_CUE_HALFWAY] = "halfway",
  [UNKNOT_CUE_SWITCH_SIDES] = "switch-sides",
  [UNKNOT_CUE_REST] = "rest",
  [UNKNOT_CUE_FINISH] = "finish",
};

G_STATIC_ASSERT (G_N_ELEMENTS (cue_names) == UNKNOT_N_CUES);

const char *
unknot_cue_kind_to_string (UnknotCueKind kind)
{
  g_return_val_if_fail (kind < UNKNOT_N_CUES, NULL);
  return cue_names[kind];
}

const char *
unknot_side_get_label (UnknotSide side)
{
  switch (side)
    {
    case UNKNOT_SIDE_NONE: return "";
    case UNKNOT_SIDE_LEFT: return _("Left side");
    case UNKNOT_SIDE_RIGHT: return _("Right side");
    default: g_return_val_if_reached (NULL);
    }
}
