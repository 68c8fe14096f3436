/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the Learn view says, as data: the page lays it out, and the
 * library's search looks through it.  Every string is marked with N_();
 * pass it through _() (gettext) before showing it.  The lists end with an
 * entry whose first member is NULL. */

typedef enum
{
  UNKNOT_LEARN_SECTION_ITEMS,      /* headed paragraphs */
  UNKNOT_LEARN_SECTION_TECHNIQUES, /* unknot_learn_techniques */
  UNKNOT_LEARN_SECTION_CHECKLIST,  /* unknot_learn_checklist */
  UNKNOT_LEARN_SECTION_QUESTIONS,  /* unknot_learn_questions */
} UnknotLearnSectionKind;

typedef struct
{
  const char *title;
  const char *body;
} UnknotLearnItem;

typedef struct
{
  const char             *id;
  const char             *title;
  const char             *intro;
  UnknotLearnSectionKind  kind;
  const UnknotLearnItem  *items;      /* UNKNOT_LEARN_SECTION_ITEMS only */
  gboolean                help_link;  /* ends with a "When to Get Help" button */
} UnknotLearnSection;

typedef struct
{
  const char *id;
  const char *name;
  const char *how;
  const char *suits;
  const char *may;
  const char *at_home;
  const char *routine_id;   /* the built-in routine that approximates it */
  const char *try_label;    /* the button that opens that routine */
} UnknotLearnTechnique;

typedef struct
{
  const char *id;           /* kept in GSettings "therapist-checklist" */
  const char *title;
  const char *subtitle;
} UnknotLearnCheckItem;

typedef struct
{
  const char *id;
  const char *question;
  const char *answer;
} UnknotLearnQuestion;

extern const UnknotLearnSection   unknot_learn_sections[];
extern const UnknotLearnTechnique unknot_learn_techniques[];
extern const UnknotLearnCheckItem unknot_learn_checklist[];
extern const UnknotLearnQuestion  unknot_learn_questions[];

/* A place on the Learn page that search can find: a section, or one
 * technique or question inside one.  Strings are translated and static. */
typedef struct
{
  const char *id;
  const char *title;
  const char *section_title; /* the section it belongs to; its own title for a section */
} UnknotLearnMatch;

/* The places whose title and text contain every word of @text (case
 * folded), in page order; empty for empty @text.  Free with
 * g_ptr_array_unref(). */
GPtrArray *unknot_learn_content_search (const char *text);

/* TRUE if @id names a place unknot_learn_content_search() can return. */
gboolean   unknot_learn_content_has_place (const char *id);

G_END_DECLS
