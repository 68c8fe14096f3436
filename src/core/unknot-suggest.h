/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-pain.h"
#include "unknot-pain-stats.h"
#include "unknot-routine.h"
#include "unknot-store.h"

G_BEGIN_DECLS

/* Routine suggestions that explain themselves: which routine to do now, and
 * why, in one line.  unknot_suggest() is pure: no SQLite, no GTK, no clock of
 * its own; the caller gathers the history (unknot_suggest_load_history_async()
 * does it from the store) and the settings, and passes "now".
 *
 * The rules, in the order they apply:
 *
 * 1. Red flag.  A "Stop — this doesn't feel right" less than
 *    UNKNOT_SUGGEST_RED_FLAG_HOURS (48) hours ago gives the RED_FLAG state and
 *    no suggestion: the UI shows "When to get help" first.  The window is
 *    [stop, stop + 48 h): at exactly 48 h it is over.  A stop in the future
 *    (a clock that went back) counts as recent.
 * 2. Ask a clinician.  A safety check answer that advises against all
 *    self-massage (unknot_screening_advises_against_all()) gives the
 *    ASK_CLINICIAN state and no suggestion.  RED_FLAG wins when both apply.
 * 3. What can be done at all:
 *    - tools: a routine needing gear that is not at hand is left out
 *      (unknot_gear_for_routine(); hands are always at hand);
 *    - safety check: a routine whose screening note is "ask a clinician
 *      first" (a risky area: fracture → ribs, spine, shoulder blades, chest;
 *      pregnancy → lying back on the floor) is left out.  Answers that only
 *      ask for care with every routine (blood thinners, surgery, skin) keep
 *      the routines, rank gentle ones first and add "read its safety note
 *      first"; blood thinners also leave out firm routines and tool routines,
 *      as their explanation says;
 *    - effect: a routine after which pain was meaningfully higher on average
 *      (UNKNOT_PAIN_EFFECT_WORSE over at least 3 rated sessions) is left out;
 *    - a routine stopped with "this doesn't feel right" in the last 14 days
 *      (after the red-flag window) is left out: it is not the one to coach
 *      towards again so soon;
 *    - time (UnknotTimeFit): a routine fits when it takes at most the chosen
 *      minutes and at least half of them; shorter ones are kept; longer ones
 *      by at most a fifth (6 min for 5) are kept and say how long they take;
 *      longer still are left out.  When nothing is left, the routines of the
 *      length closest to the chosen time are offered instead (CLOSEST, with
 *      UNKNOT_SUGGEST_NOTE_NO_TIME_FIT);
 *    - relaxation only: the foot roll (a routine whose every area is "feet")
 *      never claims to help the back and is offered only when nothing else is
 *      left (UNKNOT_SUGGEST_NOTE_RELAXATION_ONLY).
 * 4. Where it hurts.  Pain entries of the last UNKNOT_SUGGEST_RECENT_DAYS (14)
 *    days with pain above 0 weigh each region they name by their pain; the
 *    usual regions (the onboarding body map) add 0.5 each, so logged pain
 *    always outweighs them.  Regions map to routine areas as
 *    unknot_suggest_region_get_areas() documents:
 *      neck       → neck, skull-base, levator-scapulae
 *      shoulder   → upper-trapezius, levator-scapulae
 *      upper back → rhomboids, shoulder-blade, thoracic, spine-muscles
 *      mid back   → thoracic, spine-muscles
 *      lower back → nothing: no routine here targets it, and the result says
 *                   so (UNKNOT_SUGGEST_NOTE_LOWER_BACK) instead of pretending.
 *    A routine "targets" a body part when one of its areas is in that part's
 *    list; the reason names the part with the most weight, with its side
 *    ("your right shoulder", "the left side of your neck", "both shoulders").
 * 5. Ranking, best first:
 *    a. routines that target a region with weight before those that do not;
 *    b. routines that measurably helped (UNKNOT_PAIN_EFFECT_IMPROVED, at least
 *       UNKNOT_PAIN_MIN_PAIRED_SESSIONS rated sessions) before the rest, the
 *       bigger mean improvement (to the tenth of a point the reason shows)
 *       first; with fewer than 3 rated sessions the reason says "not enough
 *       data yet" and the effect does not rank;
 *    c. fit: more weight on the targeted body part first; for a new user,
 *       hands-only routines first; then time fit (FITS, SHORTER, LONGER,
 *       CLOSEST) and the length closest to the chosen time; then, for
 *       beginners (fewer than 3 sessions) and answers that ask for care,
 *       gentle before standard before firm;
 *    d. the routine id, so equal routines always come in the same order.
 * 6. New user (no session and no pain entry ever): only gentle routines, the
 *    reason starts "a gentle start", and there is no effect to speak of.
 *
 * The reason is made of parts joined with " · ", the first letter
 * capitalised: where it targets; how long it takes (when nothing is
 * targeted, or the length is not a clean fit); the effect (not for new
 * users); "for relaxation only, not for your back"; "read its safety note
 * first".  E.g. "Targets your right shoulder · lowered your pain by 2 points
 * on average over 6 sessions", "A gentle start · takes 2 minutes". */

/* Gear: what a routine needs besides the hands, and what the user has at
 * hand (GSettings "tools-at-hand", by id). */
typedef enum /*< flags >*/
{
  UNKNOT_GEAR_NONE        = 0,      /* hands only */
  UNKNOT_GEAR_TENNIS_BALL = 1 << 0,
  UNKNOT_GEAR_FOAM_ROLLER = 1 << 1,
  UNKNOT_GEAR_CANE        = 1 << 2, /* a massage cane or hook */
  UNKNOT_GEAR_TWO_BALLS   = 1 << 3, /* two balls in a sock */
} UnknotGear;

#define UNKNOT_GEAR_N   4
#define UNKNOT_GEAR_ALL ((1u << UNKNOT_GEAR_N) - 1)

/* The single flag at @index (0 … UNKNOT_GEAR_N - 1), in the order a list
 * shows them. */
UnknotGear   unknot_gear_nth             (guint               index);
/* "tennis-ball", "foam-roller", "cane", "two-balls"; NULL unless @gear is a
 * single flag. */
const char  *unknot_gear_to_id           (UnknotGear          gear);
/* UNKNOT_GEAR_NONE for an unknown id. */
UnknotGear   unknot_gear_from_id         (const char         *id);
/* The flags of @ids; unknown ids are ignored (NULL: none). */
guint        unknot_gear_from_ids        (const char * const *ids);
/* The ids of the flags set, in unknot_gear_nth() order; never NULL. */
GStrv        unknot_gear_to_ids          (guint               gear);
/* Translated: "Tennis ball", "Foam roller", "Massage cane or hook", "Two
 * balls in a sock"; NULL unless a single flag. */
const char  *unknot_gear_get_label       (UnknotGear          gear);
/* Translated, for a routine in a list: "Needs a foam roller"; NULL unless a
 * single flag. */
const char  *unknot_gear_get_needs_label (UnknotGear          gear);
/* What @routine needs besides the hands: NONE for hand routines, TENNIS_BALL
 * for tennis-ball routines; for tool routines the built-ins are known by id,
 * the user's own by their id or equipment (in English: "foam roller",
 * "cane", "hook", "sock").  A tool routine of the user's own that names none
 * of these is NONE: they wrote it for something they have. */
UnknotGear   unknot_gear_for_routine     (UnknotRoutine      *routine);
/* Whether @at_hand (UnknotGear flags) holds what @routine needs. */
gboolean     unknot_gear_covers_routine  (guint               at_hand,
                                          UnknotRoutine      *routine);

/* The chosen time */

#define UNKNOT_SUGGEST_DEFAULT_MINUTES 5
/* The times the UI offers: 2, 5, 10, 15, then 0. */
extern const guint unknot_suggest_minute_choices[];

typedef enum
{
  UNKNOT_TIME_FIT_FITS,     /* at most the chosen time, at least half of it */
  UNKNOT_TIME_FIT_SHORTER,  /* under half the chosen time */
  UNKNOT_TIME_FIT_LONGER,   /* over it by at most a fifth */
  UNKNOT_TIME_FIT_CLOSEST,  /* nothing fitted: the closest length instead */
  UNKNOT_TIME_FIT_TOO_LONG, /* over by more than a fifth: not suggested */
} UnknotTimeFit;

/* FITS, SHORTER, LONGER or TOO_LONG for a routine of @seconds in @minutes. */
UnknotTimeFit unknot_suggest_time_fit (guint seconds,
                                       guint minutes);

/* Where it hurts → what a routine must target */

/* Pain entries older than this many days before "now" are not recent. */
#define UNKNOT_SUGGEST_RECENT_DAYS    14
/* A safety stop younger than this many hours is a red-flag state. */
#define UNKNOT_SUGGEST_RED_FLAG_HOURS 48
/* A usual region weighs this much; a logged entry weighs its pain (≥ 1). */
#define UNKNOT_SUGGEST_USUAL_WEIGHT   0.5

/* The routine areas that treat @region (one flag; the side does not
 * matter): see the table above.  Empty (never NULL) for the lower back. */
const char * const *unknot_suggest_region_get_areas (UnknotPainRegion region);

/* Whether @last_safety_stop (NULL: never) is less than 48 hours before @now. */
gboolean            unknot_suggest_is_red_flag      (GDateTime       *last_safety_stop,
                                                     GDateTime       *now);

/* What unknot_suggest() works from.  Zero-initialise it ({ 0 }); every
 * pointer is borrowed for the call. */
typedef struct
{
  GListModel         *routines;         /* UnknotRoutine: the library */
  GDateTime          *now;
  guint               minutes;          /* the chosen time; 0: 5 */
  guint               gear;             /* UnknotGear at hand */
  const char * const *screening_yes;    /* the ids answered "yes"; NULL: none */
  GPtrArray          *pain_entries;     /* UnknotPainEntry, any order; NULL:
                                         * none.  Only the last 14 days count */
  guint               usual_regions;    /* UnknotPainRegion flags */
  GPtrArray          *effects;          /* UnknotRoutineEffect; NULL: none */
  GDateTime          *last_safety_stop; /* NULL: never */
  guint               n_sessions;       /* sessions ever started, any outcome
                                         * (a count capped above 3 is fine) */
  guint               n_pain_entries;   /* pain entries ever, not only recent */
  const char * const *recently_stopped; /* ids of routines stopped with "this
                                         * doesn't feel right" in the last 14
                                         * days; NULL: none */
} UnknotSuggestInput;

typedef enum
{
  UNKNOT_SUGGEST_STATE_SUGGESTIONS,   /* suggestions (the list may be empty) */
  UNKNOT_SUGGEST_STATE_RED_FLAG,      /* a recent safety stop: "When to get help" */
  UNKNOT_SUGGEST_STATE_ASK_CLINICIAN, /* the safety check advises asking first */
} UnknotSuggestState;

/* Things worth saying beside the list. */
typedef enum /*< flags >*/
{
  UNKNOT_SUGGEST_NOTE_NONE            = 0,
  UNKNOT_SUGGEST_NOTE_LOWER_BACK      = 1 << 0, /* lower-back pain, which nothing targets */
  UNKNOT_SUGGEST_NOTE_NO_TIME_FIT     = 1 << 1, /* nothing fitted the time: the closest instead */
  UNKNOT_SUGGEST_NOTE_RELAXATION_ONLY = 1 << 2, /* only a relaxation routine was left */
  UNKNOT_SUGGEST_NOTE_TAKE_CARE       = 1 << 3, /* answers ask for care with every routine */
} UnknotSuggestNote;

/* One suggestion, with the parts of its score. */
typedef struct
{
  UnknotRoutine    *routine;       /* a reference */
  guint             seconds;       /* the routine's length */
  guint             minutes;       /* rounded to the nearest minute, at least 1 */
  UnknotPainRegion  target;        /* the side(s) of the body part the reason
                                    * names; NONE when it targets no pain */
  double            target_weight; /* that part's weight (both sides); 0 if none */
  UnknotTimeFit     time_fit;
  guint             n_sessions;    /* rated (before and after) sessions */
  double            mean_change;   /* after − before, negative is less pain;
                                    * NAN without rated sessions */
  UnknotPainEffect  effect;
  gboolean          starter;       /* a gentle start for a new user */
  gboolean          relaxation;    /* relaxation only, not for the back */
  gboolean          take_care;     /* its safety note asks for care */
  char             *reason;        /* translated, one line */
} UnknotSuggestion;

typedef struct
{
  UnknotSuggestState  state;
  guint               notes;       /* UnknotSuggestNote */
  guint               minutes;     /* the chosen time, as used */
  GPtrArray          *suggestions; /* UnknotSuggestion, best first; empty
                                    * unless state is SUGGESTIONS */
} UnknotSuggestResult;

UnknotSuggestResult *unknot_suggest                  (const UnknotSuggestInput  *input);
void                 unknot_suggest_result_free      (UnknotSuggestResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSuggestResult, unknot_suggest_result_free)

/* Translated, for a heading or one line on stderr: why there is no
 * suggestion in a RED_FLAG or ASK_CLINICIAN state; NULL for SUGGESTIONS. */
char                *unknot_suggest_dup_state_message (UnknotSuggestState        state);
/* Translated, one sentence per note of @result, in flag order; never NULL. */
GStrv                unknot_suggest_result_dup_notes  (const UnknotSuggestResult *result);

/* The history unknot_suggest() needs, read from the store. */
typedef struct
{
  GPtrArray *pain_entries;     /* UnknotPainEntry of the 14 days before now */
  GPtrArray *effects;          /* UnknotRoutineEffect over all sessions */
  GDateTime *last_safety_stop; /* the newest session ended with "this doesn't
                                * feel right", or NULL */
  guint      n_sessions;       /* sessions started, counted up to 500 */
  guint      n_pain_entries;   /* every entry */
  GStrv      recently_stopped; /* routines of those sessions in the 14 days
                                * before now, each once; never NULL */
} UnknotSuggestHistory;

void                  unknot_suggest_history_free          (UnknotSuggestHistory     *history);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSuggestHistory, unknot_suggest_history_free)

/* Reads the history with the store's async queries; completes on the
 * caller's main context.  @now decides what "recent" is. */
void                  unknot_suggest_load_history_async    (UnknotStore              *store,
                                                            GDateTime                *now,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
UnknotSuggestHistory *unknot_suggest_load_history_finish   (UnknotStore              *store,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* Points @input's history fields at @history's (borrowed). */
void                  unknot_suggest_input_set_history     (UnknotSuggestInput       *input,
                                                            const UnknotSuggestHistory *history);

G_END_DECLS
