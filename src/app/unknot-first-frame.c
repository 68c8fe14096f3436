/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-first-frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static gint64
process_age_usec (void)
{
  /* Field 22 of /proc/self/stat is the start time in clock ticks after boot;
   * CLOCK_BOOTTIME is the same clock. */
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  unsigned long long start_ticks = 0;
  int field;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  /* After ")" comes field 3; walk to field 22. */
  for (field = 2; field < 22 && *p != '\0'; p++)
    if (*p == ' ')
      field++;
  start_ticks = g_ascii_strtoull (p, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000
         - (gint64) (start_ticks * G_USEC_PER_SEC / (unsigned long long) sysconf (_SC_CLK_TCK));
}

void
unknot_first_frame_mark (const char *what)
{
  if (g_getenv ("UNKNOT_BENCH_MARKS") != NULL)
    fprintf (stderr, "mark %8" G_GINT64_FORMAT " %s\n", process_age_usec (), what);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  static guint frames;

  /* "2" waits for the frame after the first: the window with its content
   * filled in. */
  if (++frames < (guint) g_ascii_strtoull (g_getenv ("UNKNOT_BENCH_FIRST_FRAME"), NULL, 10))
    return;
  unknot_first_frame_mark ("first frame painted");
  printf ("first-frame %" G_GINT64_FORMAT " rss-kib %ld\n", process_age_usec (), rss_kib ());
  fflush (stdout);
  _exit (0);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

void
unknot_first_frame_watch (GtkWindow *window)
{
  const char *frames = g_getenv ("UNKNOT_BENCH_FIRST_FRAME");

  if (frames == NULL || g_ascii_strtoull (frames, NULL, 10) == 0)
    return;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
