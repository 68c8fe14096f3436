/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-chart-data.h"

GArray *
unknot_chart_trend_days_from_pain (GArray   *pain_days,
                                   gboolean  from_first_entry)
{
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (UnknotTrendDay), pain_days->len);
  gboolean started = !from_first_entry;

  for (guint i = 0; i < pain_days->len; i++)
    {
      const UnknotPainDay *pain = &g_array_index (pain_days, UnknotPainDay, i);
      UnknotTrendDay day = {
        .julian = g_date_get_julian (&pain->date),
        .n_entries = pain->n_entries,
        .mean = pain->mean,
        .min = pain->min,
        .max = pain->max,
        .average = pain->average,
      };

      started = started || pain->n_entries > 0;
      if (started)
        g_array_append_val (days, day);
    }
  return days;
}

GArray *
unknot_chart_calendar_days_from_adherence (GArray *adherence_days)
{
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (UnknotCalendarDay), adherence_days->len);

  for (guint i = 0; i < adherence_days->len; i++)
    {
      const UnknotAdherenceDay *a = &g_array_index (adherence_days, UnknotAdherenceDay, i);
      UnknotCalendarDay day = {
        .julian = g_date_get_julian (&a->date),
        .sessions = a->sessions_started,
        .reminders_due = a->reminders_due,
        .reminders_taken = a->reminders_taken,
      };

      g_array_append_val (days, day);
    }
  return days;
}

static void
clear_bar (gpointer data)
{
  UnknotEffectBar *bar = data;

  g_free ((char *) bar->title);
}

static UnknotEffectKind
kind_of (UnknotPainEffect effect)
{
  switch (effect)
    {
    case UNKNOT_PAIN_EFFECT_IMPROVED:
      return UNKNOT_EFFECT_KIND_IMPROVED;
    case UNKNOT_PAIN_EFFECT_LITTLE_CHANGE:
      return UNKNOT_EFFECT_KIND_LITTLE_CHANGE;
    case UNKNOT_PAIN_EFFECT_WORSE:
      return UNKNOT_EFFECT_KIND_WORSE;
    case UNKNOT_PAIN_EFFECT_NOT_ENOUGH_DATA:
    default:
      return UNKNOT_EFFECT_KIND_NOT_ENOUGH_DATA;
    }
}

GArray *
unknot_chart_effect_bars_from_effects (GPtrArray *effects)
{
  GArray *bars = g_array_sized_new (FALSE, TRUE, sizeof (UnknotEffectBar), effects->len);

  g_array_set_clear_func (bars, clear_bar);
  for (guint i = 0; i < effects->len; i++)
    {
      const UnknotRoutineEffect *effect = g_ptr_array_index (effects, i);
      UnknotEffectBar bar = {
        .title = g_strdup (effect->routine_title != NULL ? effect->routine_title : effect->routine_id),
        .n_sessions = effect->n_sessions,
        .n_needed = UNKNOT_PAIN_MIN_PAIRED_SESSIONS,
        .before = effect->mean_before,
        .after = effect->mean_after,
        .kind = kind_of (effect->effect),
      };

      g_array_append_val (bars, bar);
    }
  return bars;
}

void
unknot_chart_data_epoch (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, 1970);
}
