/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-cue.h"

G_BEGIN_DECLS

/* The format of every cue the player holds in memory; the player's appsrc
 * caps say the same. */
#define UNKNOT_CHIME_RATE 48000
#define UNKNOT_CHIME_CAPS "audio/x-raw,format=S16LE,layout=interleaved,rate=48000,channels=1"

/* The chime of @kind as S16LE mono PCM at UNKNOT_CHIME_RATE: a few bell
 * notes (decaying sine partials) that start softly and peak below −6 dBFS. */
GBytes *unknot_chime_render (UnknotCueKind kind);

G_END_DECLS
