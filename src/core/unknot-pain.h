/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The pain log's vocabulary: where it hurts, what may have caused it, and
 * the words that go with a number.  Pure data, no storage; the store
 * (unknot-store.h) saves and reads UnknotPainEntry. */

#define UNKNOT_PAIN_MAX 10

/* Where it hurts, as bit flags so an entry holds any set of them.  "Left"
 * is always the user's own left: on a back view, the left of the picture. */
typedef enum /*< flags >*/
{
  UNKNOT_PAIN_REGION_NONE             = 0,
  UNKNOT_PAIN_REGION_NECK_LEFT        = 1 << 0,
  UNKNOT_PAIN_REGION_NECK_RIGHT       = 1 << 1,
  UNKNOT_PAIN_REGION_SHOULDER_LEFT    = 1 << 2,
  UNKNOT_PAIN_REGION_SHOULDER_RIGHT   = 1 << 3,
  UNKNOT_PAIN_REGION_UPPER_BACK_LEFT  = 1 << 4,
  UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT = 1 << 5,
  UNKNOT_PAIN_REGION_MID_BACK_LEFT    = 1 << 6,
  UNKNOT_PAIN_REGION_MID_BACK_RIGHT   = 1 << 7,
  UNKNOT_PAIN_REGION_LOWER_BACK_LEFT  = 1 << 8,
  UNKNOT_PAIN_REGION_LOWER_BACK_RIGHT = 1 << 9,
} UnknotPainRegion;

#define UNKNOT_PAIN_N_REGIONS   10
#define UNKNOT_PAIN_REGIONS_ALL ((1u << UNKNOT_PAIN_N_REGIONS) - 1)

/* The single region at @index (0 … UNKNOT_PAIN_N_REGIONS - 1), top to bottom,
 * left before right: the order a list or a body map walks them in. */
UnknotPainRegion  unknot_pain_region_nth              (guint             index);
/* "neck-left", "shoulder-right", …; NULL unless @region is a single flag. */
const char       *unknot_pain_region_to_id            (UnknotPainRegion  region);
/* The flag of @id, or UNKNOT_PAIN_REGION_NONE for an unknown id. */
UnknotPainRegion  unknot_pain_region_from_id          (const char       *id);
/* Translated: "Your left shoulder"; NULL unless @region is a single flag. */
const char       *unknot_pain_region_get_display_name (UnknotPainRegion  region);
/* The ids of the flags set, in unknot_pain_region_nth() order; never NULL. */
GStrv             unknot_pain_regions_to_ids          (guint             regions);
/* FALSE (with @bad_id, borrowed, naming the first unknown id) if any id is
 * not a region; @regions gets the flags either way. */
gboolean          unknot_pain_regions_from_ids        (const char * const *ids,
                                                       guint              *regions,
                                                       const char        **bad_id);

/* What may have caused it.  Built-in tags have fixed ids and translated
 * names; anything else is the user's own words, kept as they typed them
 * (trimmed).  Built-in ids: desk-work lifting sport stress sleep driving
 * other. */
#define UNKNOT_PAIN_TAG_MAX_LENGTH 64   /* characters */

const char * const *unknot_pain_tag_builtin_ids       (void);
gboolean            unknot_pain_tag_is_builtin        (const char *tag);
/* A built-in's translated name ("Desk work"), else @tag itself. */
const char         *unknot_pain_tag_get_display_name  (const char *tag);
/* @text trimmed with inner runs of white space made one space, or NULL
 * (with a reason a user can act on) when it cannot be a tag: empty, longer
 * than UNKNOT_PAIN_TAG_MAX_LENGTH, not UTF-8, or holding ";" (which joins
 * tags in CSV) or a control character. */
char               *unknot_pain_tag_normalize         (const char  *text,
                                                       GError     **error);

/* The words at a number, from CONTENT.md: 0 "No pain", 1–3 mild, 4–6
 * moderate, 7–10 severe, 10 "Worst pain you can imagine". */
typedef enum
{
  UNKNOT_PAIN_BAND_NONE,       /* 0 */
  UNKNOT_PAIN_BAND_MILD,       /* 1–3 */
  UNKNOT_PAIN_BAND_MODERATE,   /* 4–6 */
  UNKNOT_PAIN_BAND_SEVERE,     /* 7–10 */
} UnknotPainBand;

/* @value outside 0–10 is clamped. */
UnknotPainBand  unknot_pain_band_for_value   (int            value);
/* Translated: "No pain", "Mild", "Moderate", "Severe". */
const char     *unknot_pain_band_get_label   (UnknotPainBand band);
/* Translated anchor words: "No pain" at 0, "Worst pain you can imagine" at
 * 10, NULL between. */
const char     *unknot_pain_anchor_label     (int            value);
/* Translated: "5 — Moderate", "0 — No pain", "10 — Worst pain you can
 * imagine"; for a row or a slider's value. */
char           *unknot_pain_describe_value   (int            value);

/* How an entry relates to a guided session. */
typedef enum
{
  UNKNOT_PAIN_PHASE_NONE,     /* not tied to a session */
  UNKNOT_PAIN_PHASE_BEFORE,   /* recorded just before the session */
  UNKNOT_PAIN_PHASE_AFTER,    /* recorded just after it */
} UnknotPainPhase;

/* "none", "before", "after". */
const char *unknot_pain_phase_to_string   (UnknotPainPhase  phase);
gboolean    unknot_pain_phase_from_string (const char      *name,
                                           UnknotPainPhase *phase);

#define UNKNOT_PAIN_NOTE_MAX_LENGTH 10000   /* characters */

/* One pain log entry.  A plain struct you read and write directly,
 * reference counted; the store hands out entries nobody else holds, so
 * editing one you got from the store is fine.  To keep an untouched copy
 * (for undo), unknot_pain_entry_copy() it first. */
typedef struct
{
  gint64           id;            /* 0 until saved */
  GDateTime       *time;          /* when, with the UTC offset it was lived in */
  int              pain;          /* 0–10 */
  int              interference;  /* how much pain got in the way, 0–10; -1 unset */
  guint            regions;       /* UnknotPainRegion flags; 0 = not said */
  GStrv            tags;          /* built-in ids and the user's words; never NULL */
  char            *note;          /* NULL or text */
  gint64           session_id;    /* 0 = none */
  UnknotPainPhase  phase;         /* NONE whenever session_id is 0 */
} UnknotPainEntry;

#define UNKNOT_TYPE_PAIN_ENTRY (unknot_pain_entry_get_type ())

GType             unknot_pain_entry_get_type (void);
/* Pain 0 now (local time), no regions, tags or note; never saved. */
UnknotPainEntry  *unknot_pain_entry_new      (void);
UnknotPainEntry  *unknot_pain_entry_ref      (UnknotPainEntry *entry);
void              unknot_pain_entry_unref    (UnknotPainEntry *entry);
/* A deep copy with its own reference, id included. */
UnknotPainEntry  *unknot_pain_entry_copy     (const UnknotPainEntry *entry);
/* Replaces the tags with a copy of @tags (NULL: none). */
void              unknot_pain_entry_set_tags (UnknotPainEntry    *entry,
                                              const char * const *tags);
/* Whether the entries hold the same values (id included). */
gboolean          unknot_pain_entry_equal    (const UnknotPainEntry *a,
                                              const UnknotPainEntry *b);
/* FALSE, with UNKNOT_STORE_ERROR_INVALID and a sentence a user can act on,
 * when something is out of range: no time, pain or interference outside
 * 0–10, an unknown region flag, a tag unknot_pain_tag_normalize() refuses or
 * repeats, a note that is too long or not UTF-8, or a phase without a
 * session.  The store checks this before every write. */
gboolean          unknot_pain_entry_validate (const UnknotPainEntry  *entry,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotPainEntry, unknot_pain_entry_unref)

/* An entry in a GObject, for a GListStore behind a GtkListView or
 * GtkColumnView.  Holds a reference; the entry is the one passed in. */
#define UNKNOT_TYPE_PAIN_ITEM (unknot_pain_item_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPainItem, unknot_pain_item, UNKNOT, PAIN_ITEM, GObject)

UnknotPainItem  *unknot_pain_item_new       (UnknotPainEntry *entry);
UnknotPainEntry *unknot_pain_item_get_entry (UnknotPainItem  *self);
/* Swaps in @entry (after an edit) and notifies "entry". */
void             unknot_pain_item_set_entry (UnknotPainItem  *self,
                                             UnknotPainEntry *entry);

G_END_DECLS
