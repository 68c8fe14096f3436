/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one block GLib leaves behind on purpose, told to LeakSanitizer by
 * address because no suppression can name it.
 *
 * GLib keeps quark names in a table that grows 2048 entries at a time; a
 * full table is copied to a bigger one and the old one is dropped, so that
 * lookups need no lock (gquark.c says so).  Most UI tests intern more than
 * 2048 quarks, so the first table leaks.  It was made by GLib's library
 * constructor, but the UI tests record allocation stacks with the fast
 * unwinder (the full one took nine tenths of their run time), and that
 * stops in g_malloc: Debian builds GLib without frame pointers.
 *
 * So before main, while GLib still holds its first table, find the pointer
 * among GLib's own variables and have LSan ignore that one block.  Should
 * GLib change, nothing matches and the leak is reported as before.  Built
 * into the UI tests only under AddressSanitizer. */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <glib.h>
#include <link.h>
#include <sanitizer/lsan_interface.h>

/* In libasan, though GCC 12 ships no allocator_interface.h to declare them. */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

#define QUARK_BLOCK_SIZE 2048 /* as in gquark.c */

static gboolean
is_first_quark_block (gpointer candidate)
{
  const char * const *block = candidate;

  return __sanitizer_get_ownership (candidate)
         && __sanitizer_get_allocated_size (candidate) == QUARK_BLOCK_SIZE * sizeof (char *)
         && block[0] == NULL
         && block[1] == g_quark_to_string (1);
}

static int
ignore_quark_block_cb (struct dl_phdr_info *info,
                       size_t               size,
                       void                *glib_file)
{
  if (g_strcmp0 (info->dlpi_name, glib_file) != 0)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      guintptr start = info->dlpi_addr + segment->p_vaddr;
      gpointer *word = (gpointer *) ((start + sizeof (gpointer) - 1) & ~(guintptr) (sizeof (gpointer) - 1));
      gpointer *end = (gpointer *) (start + segment->p_memsz);

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;
      for (; word + 1 <= end; word++)
        if (is_first_quark_block (*word))
          {
            __lsan_ignore_object (*word);
            return 1;
          }
    }
  return 1;
}

__attribute__ ((constructor)) static void
ignore_glib_quark_block (void)
{
  Dl_info glib;

  if (dladdr ((gpointer) g_quark_to_string, &glib) != 0)
    dl_iterate_phdr (ignore_quark_block_cb, (gpointer) glib.dli_fname);
}
