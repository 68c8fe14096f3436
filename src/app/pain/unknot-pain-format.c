/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pain.h"
#include "unknot-pain-format.h"

char *
unknot_pain_format_time (GDateTime *time)
{
  g_autofree char *am_pm = g_date_time_format (time, "%p");

  /* Locales with a 24-hour clock have no AM/PM words. */
  if (am_pm == NULL || *am_pm == '\0')
    return g_date_time_format (time, "%H:%M");
  return g_date_time_format (time, "%-l:%M %p");
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  int ay, am, ad, by, bm, bd;

  g_date_time_get_ymd (a, &ay, &am, &ad);
  g_date_time_get_ymd (b, &by, &bm, &bd);
  return ay == by && am == bm && ad == bd;
}

char *
unknot_pain_format_day (GDateTime *time,
                        GDateTime *now)
{
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (same_day (time, now))
    return g_strdup (_("Today"));
  if (same_day (time, yesterday))
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (time) == g_date_time_get_year (now))
    /* TRANSLATORS: a day in the pain history, as for g_date_time_format():
     * "Tuesday, November 24"; reorder as your language writes dates */
    return g_date_time_format (time, _("%A, %B %-d"));
  /* TRANSLATORS: a day of another year in the pain history, as for
   * g_date_time_format(): "Tuesday, November 24, 2025" */
  return g_date_time_format (time, _("%A, %B %-d, %Y"));
}

char *
unknot_pain_format_regions (guint regions)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    if (regions & unknot_pain_region_nth (i))
      g_ptr_array_add (names, (char *) unknot_pain_region_get_display_name (unknot_pain_region_nth (i)));
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: separates items of a list, e.g. "Your left shoulder, Your right upper back" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

char *
unknot_pain_format_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (names, (char *) unknot_pain_tag_get_display_name (tags[i]));
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (_(", "), (char **) names->pdata);
}

const char *
unknot_pain_band_css_class (int value)
{
  switch (unknot_pain_band_for_value (value))
    {
    case UNKNOT_PAIN_BAND_MILD:
      return "pain-mild";
    case UNKNOT_PAIN_BAND_MODERATE:
      return "pain-moderate";
    case UNKNOT_PAIN_BAND_SEVERE:
      return "pain-severe";
    case UNKNOT_PAIN_BAND_NONE:
    default:
      return "pain-none";
    }
}
