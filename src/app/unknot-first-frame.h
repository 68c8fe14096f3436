/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With UNKNOT_BENCH_FIRST_FRAME=1 in the environment, the process prints
 * "first-frame <microseconds since process start> rss-kib <VmRSS>" on stdout
 * once @window has painted its first frame, then exits; with
 * UNKNOT_BENCH_FIRST_FRAME=2, its second (the window's content filled in).
 * Otherwise it does nothing.  tests/bench/first-window uses it for the app and the hello
 * window alike, so both are measured the same way. */
void unknot_first_frame_watch (GtkWindow *window);

/* With UNKNOT_BENCH_MARKS set, prints "mark <microseconds since process
 * start> <what>" on stderr, to see where the time before the first frame
 * goes; otherwise nothing. */
void unknot_first_frame_mark  (const char *what);

G_END_DECLS
