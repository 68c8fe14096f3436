/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "unknot-application.h"
#include "unknot-first-frame.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UnknotApplication) app = NULL;

  unknot_first_frame_mark ("main begins");
  setlocale (LC_ALL, "");
  /* `meson devenv` points UNKNOT_LOCALEDIR at the catalogues in the build
   * tree, so a translation can be checked before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UNKNOT_LOCALEDIR") != NULL ? g_getenv ("UNKNOT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = unknot_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
