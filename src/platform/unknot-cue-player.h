/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-cue.h"

G_BEGIN_DECLS

/* Plays a session's cues through one GStreamer pipeline kept running for
 * the whole session: a live silent source and an appsrc into audiomixer,
 * then volume and the sink.  Chimes are synthesised in memory; spoken
 * phrases come from the espeak element when it is installed, rendered to
 * memory ahead of time.  A cue is pushed stamped with the pipeline's running
 * time plus a small margin and the DISCONT flag, so it sounds on time.
 *
 * UNKNOT_AUDIO_SINK, a gst-launch description such as
 * "wavenc ! filesink location=cues.wav", replaces the sound card.
 *
 * Nothing here ever stops a session: without GStreamer plugins, a sound
 * device or espeak, play() still returns at once, and "problem" is
 * emitted once with a message a user can read. */
#define UNKNOT_TYPE_CUE_PLAYER (unknot_cue_player_get_type ())
G_DECLARE_FINAL_TYPE (UnknotCuePlayer, unknot_cue_player, UNKNOT, CUE_PLAYER, GObject)

UnknotCuePlayer *unknot_cue_player_new             (void);

/* Builds the pipeline and starts it (silence).  Safe to call again. */
void             unknot_cue_player_start           (UnknotCuePlayer    *self);
/* Ends the pipeline; with a file sink, the file is complete when this
 * returns (EOS is sent and waited for, at most 2 s). */
void             unknot_cue_player_stop            (UnknotCuePlayer    *self);

/* Renders @phrases with the voice in the background, so that playing them
 * later costs nothing; phrases not prepared are rendered when played. */
void             unknot_cue_player_prepare_phrases (UnknotCuePlayer    *self,
                                                    const char * const *phrases);

/* Plays the chime of @kind, then @phrase (may be NULL) if the voice is on. */
void             unknot_cue_player_play            (UnknotCuePlayer    *self,
                                                    UnknotCueKind       kind,
                                                    const char         *phrase);

/* Properties: "sounds-enabled" (b, default TRUE), "voice-enabled" (b, TRUE),
 * "volume" (d, 0–1, default 0.8), and read-only "sound-available" (FALSE when
 * no real sink could be found: autoaudiosink chose a fake sink, or the
 * pipeline failed) and "voice-available" (the espeak element exists). */
void             unknot_cue_player_set_sounds_enabled (UnknotCuePlayer *self,
                                                       gboolean         enabled);
void             unknot_cue_player_set_voice_enabled  (UnknotCuePlayer *self,
                                                       gboolean         enabled);
void             unknot_cue_player_set_volume         (UnknotCuePlayer *self,
                                                       double           volume);
gboolean         unknot_cue_player_get_sound_available (UnknotCuePlayer *self);
gboolean         unknot_cue_player_get_voice_available (UnknotCuePlayer *self);
/* Whether the espeak element is there, without making a player. */
gboolean         unknot_cue_player_voice_installed     (void);

/* Signal "problem" (const char *message): emitted at most once per kind of
 * problem (no sound device, no voice, a GStreamer error), on the main
 * context the player was created on. */

G_END_DECLS
