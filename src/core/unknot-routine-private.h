/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-routine.h"

G_BEGIN_DECLS

/* Only the loader builds routines; everyone else reads them. */
struct _UnknotStep
{
  GObject      parent_instance;
  char        *title;
  char        *instruction;
  guint        duration;
  UnknotSides  sides;
  char        *pressure;
  char        *stop_if;
  GStrv        illustrations;       /* as written in the file */
  GPtrArray   *illustration_files; /* GFile, resolved against the routine's folder */
  char        *illustration_description;
  char        *cue;
};

struct _UnknotRoutine
{
  GObject      parent_instance;
  char        *id;
  char        *title;
  char        *summary;
  UnknotTool   tool;
  UnknotLevel  level;
  GStrv        equipment;
  GStrv        areas;
  GStrv        safety;
  GListStore  *steps;
  GFile       *file;
  gboolean     is_user;
  char        *search_text; /* case-folded, built on first search */
};

UnknotRoutine *unknot_routine_new (void);
UnknotStep    *unknot_step_new    (void);

G_END_DECLS
