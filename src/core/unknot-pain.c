/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-pain"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-pain.h"
#include "unknot-store.h"

/* Regions */

typedef struct
{
  const char *id;
  const char *name;
} Named;

/* Index i is flag 1 << i: top to bottom, the user's left before right. */
static const Named regions[UNKNOT_PAIN_N_REGIONS] = {
  { "neck-left", N_("Left side of your neck") },
  { "neck-right", N_("Right side of your neck") },
  { "shoulder-left", N_("Your left shoulder") },
  { "shoulder-right", N_("Your right shoulder") },
  { "upper-back-left", N_("Left of your upper back") },
  { "upper-back-right", N_("Right of your upper back") },
  { "mid-back-left", N_("Left of your mid back") },
  { "mid-back-right", N_("Right of your mid back") },
  { "lower-back-left", N_("Left of your lower back") },
  { "lower-back-right", N_("Right of your lower back") },
};

static int
region_index (UnknotPainRegion region)
{
  guint bits = (guint) region;

  if (bits == 0 || (bits & (bits - 1)) != 0 || (bits & ~UNKNOT_PAIN_REGIONS_ALL) != 0)
    return -1;
  return g_bit_nth_lsf (bits, -1);
}

UnknotPainRegion
unknot_pain_region_nth (guint index)
{
  g_return_val_if_fail (index < UNKNOT_PAIN_N_REGIONS, UNKNOT_PAIN_REGION_NONE);

  return (UnknotPainRegion) (1u << index);
}

const char *
unknot_pain_region_to_id (UnknotPainRegion region)
{
  int index = region_index (region);

  return index >= 0 ? regions[index].id : NULL;
}

UnknotPainRegion
unknot_pain_region_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (id, regions[i].id))
      return (UnknotPainRegion) (1u << i);
  return UNKNOT_PAIN_REGION_NONE;
}

const char *
unknot_pain_region_get_display_name (UnknotPainRegion region)
{
  int index = region_index (region);

  return index >= 0 ? _(regions[index].name) : NULL;
}

GStrv
unknot_pain_regions_to_ids (guint flags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (flags & (1u << i))
      g_strv_builder_add (builder, regions[i].id);
  return g_strv_builder_end (builder);
}

gboolean
unknot_pain_regions_from_ids (const char * const  *ids,
                              guint               *flags,
                              const char         **bad_id)
{
  gboolean all_known = TRUE;

  g_return_val_if_fail (flags != NULL, FALSE);

  *flags = 0;
  if (bad_id != NULL)
    *bad_id = NULL;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      UnknotPainRegion region = unknot_pain_region_from_id (ids[i]);

      if (region == UNKNOT_PAIN_REGION_NONE && all_known)
        {
          all_known = FALSE;
          if (bad_id != NULL)
            *bad_id = ids[i];
        }
      *flags |= region;
    }
  return all_known;
}

/* Tags */

static const Named builtin_tags[] = {
  { "desk-work", N_("Desk work") },
  { "lifting", N_("Lifting") },
  { "sport", N_("Sport") },
  { "stress", N_("Stress") },
  { "sleep", N_("Sleep") },
  { "driving", N_("Driving") },
  { "other", N_("Other") },
};

const char * const *
unknot_pain_tag_builtin_ids (void)
{
  static const char * const ids[] = {
    "desk-work", "lifting", "sport", "stress", "sleep", "driving", "other", NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (builtin_tags) + 1);
  return ids;
}

static const Named *
find_builtin_tag (const char *tag)
{
  for (guint i = 0; tag != NULL && i < G_N_ELEMENTS (builtin_tags); i++)
    if (g_str_equal (tag, builtin_tags[i].id))
      return &builtin_tags[i];
  return NULL;
}

gboolean
unknot_pain_tag_is_builtin (const char *tag)
{
  return find_builtin_tag (tag) != NULL;
}

const char *
unknot_pain_tag_get_display_name (const char *tag)
{
  const Named *builtin = find_builtin_tag (tag);

  return builtin != NULL ? _(builtin->name) : tag;
}

char *
unknot_pain_tag_normalize (const char  *text,
                           GError     **error)
{
  g_autoptr(GString) tag = NULL;
  gboolean space = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                           _("A tag must be UTF-8 text."));
      return NULL;
    }

  tag = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = tag->len > 0;
          continue;
        }
      if (c == ';' || g_unichar_iscntrl (c))
        {
          g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                       /* Translators: %s is a tag the user typed. */
                       c == ';' ? _("The tag “%s” holds a “;”, which separates tags; use another word.")
                                /* Translators: %s is a tag the user typed. */
                                : _("The tag “%s” holds a control character."),
                       text);
          return NULL;
        }
      if (space)
        g_string_append_c (tag, ' ');
      space = FALSE;
      g_string_append_unichar (tag, c);
    }

  if (tag->len == 0)
    {
      g_set_error_literal (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                           _("A tag cannot be empty."));
      return NULL;
    }
  if (g_utf8_strlen (tag->str, -1) > UNKNOT_PAIN_TAG_MAX_LENGTH)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("A tag can be at most %d characters long."), UNKNOT_PAIN_TAG_MAX_LENGTH);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&tag), FALSE);
}

/* Bands and anchors */

UnknotPainBand
unknot_pain_band_for_value (int value)
{
  value = CLAMP (value, 0, UNKNOT_PAIN_MAX);
  if (value == 0)
    return UNKNOT_PAIN_BAND_NONE;
  if (value <= 3)
    return UNKNOT_PAIN_BAND_MILD;
  if (value <= 6)
    return UNKNOT_PAIN_BAND_MODERATE;
  return UNKNOT_PAIN_BAND_SEVERE;
}

const char *
unknot_pain_band_get_label (UnknotPainBand band)
{
  switch (band)
    {
    case UNKNOT_PAIN_BAND_NONE:
      return C_("pain band", "No pain");
    case UNKNOT_PAIN_BAND_MILD:
      return C_("pain band", "Mild");
    case UNKNOT_PAIN_BAND_MODERATE:
      return C_("pain band", "Moderate");
    case UNKNOT_PAIN_BAND_SEVERE:
      return C_("pain band", "Severe");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
unknot_pain_anchor_label (int value)
{
  if (value <= 0)
    return C_("pain anchor", "No pain");
  if (value >= UNKNOT_PAIN_MAX)
    return C_("pain anchor", "Worst pain you can imagine");
  return NULL;
}

char *
unknot_pain_describe_value (int value)
{
  const char *words;

  value = CLAMP (value, 0, UNKNOT_PAIN_MAX);
  words = unknot_pain_anchor_label (value);
  if (words == NULL)
    words = unknot_pain_band_get_label (unknot_pain_band_for_value (value));
  /* Translators: a pain rating and its words, e.g. "5 — Moderate" */
  return g_strdup_printf (C_("pain value", "%d — %s"), value, words);
}

/* Phases */

static const char * const phase_names[] = {
  [UNKNOT_PAIN_PHASE_NONE] = "none",
  [UNKNOT_PAIN_PHASE_BEFORE] = "before",
  [UNKNOT_PAIN_PHASE_AFTER] = "after",
};

const char *
unknot_pain_phase_to_string (UnknotPainPhase phase)
{
  g_return_val_if_fail ((guint) phase < G_N_ELEMENTS (phase_names), NULL);

  return phase_names[phase];
}

gboolean
unknot_pain_phase_from_string (const char      *name,
                               UnknotPainPhase *phase)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (phase_names); i++)
    if (g_str_equal (name, phase_names[i]))
      {
        if (phase != NULL)
          *phase = (UnknotPainPhase) i;
        return TRUE;
      }
  return FALSE;
}

/* Entries */

static void
entry_clear (UnknotPainEntry *entry)
{
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_clear_pointer (&entry->tags, g_strfreev);
  g_clear_pointer (&entry->note, g_free);
}

UnknotPainEntry *
unknot_pain_entry_new (void)
{
  UnknotPainEntry *entry = g_atomic_rc_box_new0 (UnknotPainEntry);

  entry->time = g_date_time_new_now_local ();
  entry->interference = -1;
  entry->tags = g_new0 (char *, 1);
  return entry;
}

UnknotPainEntry *
unknot_pain_entry_ref (UnknotPainEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_atomic_rc_box_acquire (entry);
}

void
unknot_pain_entry_unref (UnknotPainEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_atomic_rc_box_release_full (entry, (GDestroyNotify) entry_clear);
}

UnknotPainEntry *
unknot_pain_entry_copy (const UnknotPainEntry *entry)
{
  UnknotPainEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_atomic_rc_box_new0 (UnknotPainEntry);
  *copy = *entry;
  copy->time = entry->time != NULL ? g_date_time_ref (entry->time) : NULL;
  copy->tags = entry->tags != NULL ? g_strdupv (entry->tags) : g_new0 (char *, 1);
  copy->note = g_strdup (entry->note);
  return copy;
}

void
unknot_pain_entry_set_tags (UnknotPainEntry    *entry,
                            const char * const *tags)
{
  g_return_if_fail (entry != NULL);

  g_strfreev (entry->tags);
  entry->tags = tags != NULL ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
}

static gboolean
strv_equal_or_empty (const char * const *a,
                     const char * const *b)
{
  static const char * const none[] = { NULL };

  return g_strv_equal (a != NULL ? a : none, b != NULL ? b : none);
}

gboolean
unknot_pain_entry_equal (const UnknotPainEntry *a,
                         const UnknotPainEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->id != b->id || a->pain != b->pain || a->interference != b->interference
      || a->regions != b->regions || a->session_id != b->session_id || a->phase != b->phase
      || g_strcmp0 (a->note, b->note) != 0
      || !strv_equal_or_empty ((const char * const *) a->tags, (const char * const *) b->tags))
    return FALSE;
  if (a->time == NULL || b->time == NULL)
    return a->time == b->time;
  return g_date_time_equal (a->time, b->time)
         && g_date_time_get_utc_offset (a->time) == g_date_time_get_utc_offset (b->time);
}

gboolean
unknot_pain_entry_validate (const UnknotPainEntry  *entry,
                            GError                **error)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (entry->time == NULL)
    {
      g_set_error_literal (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                           _("An entry needs a time."));
      return FALSE;
    }
  if (entry->pain < 0 || entry->pain > UNKNOT_PAIN_MAX)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("Pain must be 0–10, not %d."), entry->pain);
      return FALSE;
    }
  if (entry->interference < -1 || entry->interference > UNKNOT_PAIN_MAX)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("How much pain got in the way must be 0–10, not %d."), entry->interference);
      return FALSE;
    }
  if ((entry->regions & ~UNKNOT_PAIN_REGIONS_ALL) != 0)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   /* Translators: 0x%x is a number in hexadecimal; keep it as it is. */
                   _("The regions 0x%x include one Unknot does not know."), entry->regions);
      return FALSE;
    }
  for (guint i = 0; entry->tags != NULL && entry->tags[i] != NULL; i++)
    {
      g_autofree char *tag = unknot_pain_tag_normalize (entry->tags[i], error);

      if (tag == NULL)
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (entry->tags[j], entry->tags[i]))
          {
            g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                         /* Translators: %s is a tag the user typed. */
                         _("The tag “%s” is there twice."), entry->tags[i]);
            return FALSE;
          }
    }
  if (entry->note != NULL && !g_utf8_validate (entry->note, -1, NULL))
    {
      g_set_error_literal (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                           _("The note must be UTF-8 text."));
      return FALSE;
    }
  if (entry->note != NULL && g_utf8_strlen (entry->note, -1) > UNKNOT_PAIN_NOTE_MAX_LENGTH)
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("A note can be at most %d characters long."), UNKNOT_PAIN_NOTE_MAX_LENGTH);
      return FALSE;
    }
  if ((guint) entry->phase >= G_N_ELEMENTS (phase_names))
    {
      g_set_error (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                   _("The phase %d is not one Unknot knows."), (int) entry->phase);
      return FALSE;
    }
  if (entry->session_id < 0 || (entry->session_id == 0) != (entry->phase == UNKNOT_PAIN_PHASE_NONE))
    {
      g_set_error_literal (error, UNKNOT_STORE_ERROR, UNKNOT_STORE_ERROR_INVALID,
                           _("An entry is before or after a session only when it names that session."));
      return FALSE;
    }
  return TRUE;
}

G_DEFINE_BOXED_TYPE (UnknotPainEntry, unknot_pain_entry, unknot_pain_entry_ref, unknot_pain_entry_unref)

/* Items */

struct _UnknotPainItem
{
  GObject          parent_instance;
  UnknotPainEntry *entry;
};

G_DEFINE_FINAL_TYPE (UnknotPainItem, unknot_pain_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unknot_pain_item_finalize (GObject *object)
{
  UnknotPainItem *self = UNKNOT_PAIN_ITEM (object);

  g_clear_pointer (&self->entry, unknot_pain_entry_unref);

  G_OBJECT_CLASS (unknot_pain_item_parent_class)->finalize (object);
}

static void
unknot_pain_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UnknotPainItem *self = UNKNOT_PAIN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_boxed (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UnknotPainItem *self = UNKNOT_PAIN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      unknot_pain_item_set_entry (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_item_class_init (UnknotPainItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_pain_item_finalize;
  object_class->get_property = unknot_pain_item_get_property;
  object_class->set_property = unknot_pain_item_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_boxed ("entry", NULL, NULL,
                        UNKNOT_TYPE_PAIN_ENTRY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_pain_item_init (UnknotPainItem *self)
{
}

UnknotPainItem *
unknot_pain_item_new (UnknotPainEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_object_new (UNKNOT_TYPE_PAIN_ITEM, "entry", entry, NULL);
}

UnknotPainEntry *
unknot_pain_item_get_entry (UnknotPainItem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_ITEM (self), NULL);

  return self->entry;
}

void
unknot_pain_item_set_entry (UnknotPainItem  *self,
                            UnknotPainEntry *entry)
{
  g_return_if_fail (UNKNOT_IS_PAIN_ITEM (self));
  g_return_if_fail (entry != NULL);

  if (self->entry == entry)
    return;
  g_clear_pointer (&self->entry, unknot_pain_entry_unref);
  self->entry = unknot_pain_entry_ref (entry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
