/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the pain views write times, days and lists, so the history, the
 * dialog and the session prompts agree. */

/* "14:05", or "2:05 PM" where the locale uses a 12-hour clock. */
char       *unknot_pain_format_time    (GDateTime          *time);
/* "Today", "Yesterday", "Tuesday, November 24", with the year when it is
 * not @now's; the day is the one @time was lived in (its own offset). */
char       *unknot_pain_format_day     (GDateTime          *time,
                                        GDateTime          *now);
/* The regions' names, "Your left shoulder, Your right upper back", or
 * NULL for none. */
char       *unknot_pain_format_regions (guint               regions);
/* The tags as shown ("Desk work, Stress, gardening"), or NULL for none. */
char       *unknot_pain_format_tags    (const char * const *tags);
/* "pain-none", "pain-mild", "pain-moderate" or "pain-severe". */
const char *unknot_pain_band_css_class (int                 value);

G_END_DECLS
