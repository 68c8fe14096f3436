/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "unknot-routine-io.h"
#include "unknot-routine-library.h"

#define TRASH_PREFIX ".deleted-"

struct _UnknotRoutineLibrary
{
  GObject       parent_instance;
  char         *resource_path;
  GFile        *user_folder;
  GFileMonitor *monitor;
  guint         reload_id;
  GPtrArray    *builtins; /* loaded once */
  GPtrArray    *items;    /* sorted by title */
  GStrv         problems;
  GStrv         builtin_problems;
};

enum {
  PROP_0,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_model_get_item_type (GListModel *model)
{
  return UNKNOT_TYPE_ROUTINE;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return UNKNOT_ROUTINE_LIBRARY (model)->items->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  UnknotRoutineLibrary *self = UNKNOT_ROUTINE_LIBRARY (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotRoutineLibrary, unknot_routine_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  UnknotRoutine *ra = *(UnknotRoutine **) a;
  UnknotRoutine *rb = *(UnknotRoutine **) b;
  int cmp = g_utf8_collate (unknot_routine_get_title (ra), unknot_routine_get_title (rb));

  return cmp != 0 ? cmp : strcmp (unknot_routine_get_id (ra), unknot_routine_get_id (rb));
}

static UnknotRoutine *
find_in (GPtrArray  *routines,
         const char *id)
{
  for (guint i = 0; i < routines->len; i++)
    if (g_strcmp0 (unknot_routine_get_id (g_ptr_array_index (routines, i)), id) == 0)
      return g_ptr_array_index (routines, i);
  return NULL;
}

static void
load_builtins (UnknotRoutineLibrary *self)
{
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (self->resource_path, 0, &error);

  self->builtins = g_ptr_array_new_with_free_func (g_object_unref);
  if (names == NULL)
    g_warning ("No built-in routines at %s: %s", self->resource_path, error->message);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *uri = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(UnknotRoutine) routine = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      uri = g_strconcat ("resource://", self->resource_path, names[i], NULL);
      file = g_file_new_for_uri (uri);
      routine = unknot_routine_load_file (file, NULL, FALSE, &error);
      if (routine == NULL)
        {
          g_critical ("Built-in routine is broken: %s", error->message);
          g_strv_builder_add (problems, error->message);
          g_clear_error (&error);
          continue;
        }
      if (find_in (self->builtins, unknot_routine_get_id (routine)) != NULL)
        {
          /* Translators: the first %s is a file name, the second a routine id. */
          g_autofree char *message = g_strdup_printf (_("%s: id “%s” is used twice"), uri, unknot_routine_get_id (routine));

          g_critical ("%s", message);
          g_strv_builder_add (problems, message);
          continue;
        }
      g_ptr_array_add (self->builtins, g_steal_pointer (&routine));
    }
  self->builtin_problems = g_strv_builder_end (problems);
}

static int
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
list_user_files (GFile *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.' && g_str_has_suffix (name, ".json")
          && g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  /* Files are read in name order, so which of two clashing files wins does
   * not depend on the file system. */
  g_ptr_array_sort (names, compare_file_names);
  return names;
}

void
unknot_routine_library_reload (UnknotRoutineLibrary *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = list_user_files (self->user_folder);
  g_autoptr(GStrvBuilder) problems_builder = g_strv_builder_new ();
  g_auto(GStrv) problems = NULL;
  guint old_len = self->items->len;

  g_strv_builder_addv (problems_builder, (const char **) self->builtin_problems);
  for (guint i = 0; i < self->builtins->len; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->builtins, i)));

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (self->user_folder, g_ptr_array_index (names, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(UnknotRoutine) routine = unknot_routine_load_file (file, NULL, TRUE, &error);
      UnknotRoutine *clash;

      if (routine == NULL)
        {
          g_strv_builder_add (problems_builder, error->message);
          continue;
        }
      clash = find_in (items, unknot_routine_get_id (routine));
      if (clash != NULL)
        {
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *message = g_strdup_printf (unknot_routine_get_is_user (clash)
                                                        /* Translators: the first %s is a file name, the second a routine id. */
                                                        ? _("%s: another of your routines already uses the id “%s”; this one is not shown")
                                                        /* Translators: the first %s is a file name, the second a routine id. */
                                                        : _("%s: a built-in routine already uses the id “%s”; this one is not shown"),
                                                      path, unknot_routine_get_id (routine));
          g_strv_builder_add (problems_builder, message);
          continue;
        }
      g_ptr_array_add (items, g_steal_pointer (&routine));
    }
  g_ptr_array_sort (items, compare_titles);

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  problems = g_strv_builder_end (problems_builder);
  if (!g_strv_equal ((const char * const *) problems, (const char * const *) self->problems))
    {
      g_strfreev (self->problems);
      self->problems = g_steal_pointer (&problems);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  UnknotRoutineLibrary *self = user_data;

  self->reload_id = 0;
  unknot_routine_library_reload (self);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  UnknotRoutineLibrary *self = user_data;

  /* An editor's save is several events; read the folder once they settle. */
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (100, reload_timeout_cb, self);
}

static void
delete_recursively (GFile *file)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      delete_recursively (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
unknot_routine_library_finalize (GObject *object)
{
  UnknotRoutineLibrary *self = UNKNOT_ROUTINE_LIBRARY (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_free (self->resource_path);
  g_clear_object (&self->user_folder);
  g_clear_pointer (&self->builtins, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_strfreev (self->problems);
  g_strfreev (self->builtin_problems);

  G_OBJECT_CLASS (unknot_routine_library_parent_class)->finalize (object);
}

static void
unknot_routine_library_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UnknotRoutineLibrary *self = UNKNOT_ROUTINE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_routine_library_class_init (UnknotRoutineLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_routine_library_finalize;
  object_class->get_property = unknot_routine_library_get_property;

  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_routine_library_init (UnknotRoutineLibrary *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_new0 (char *, 1);
}

GFile *
unknot_default_user_routines_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "unknot", "routines", NULL);
}

UnknotRoutineLibrary *
unknot_routine_library_new (const char *resource_path,
                            GFile      *user_folder)
{
  UnknotRoutineLibrary *self;

  g_return_val_if_fail (resource_path != NULL && g_str_has_suffix (resource_path, "/"), NULL);
  g_return_val_if_fail (G_IS_FILE (user_folder), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_LIBRARY, NULL);
  self->resource_path = g_strdup (resource_path);
  self->user_folder = g_object_ref (user_folder);

  load_builtins (self);
  self->monitor = g_file_monitor_directory (user_folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  unknot_routine_library_reload (self);
  return self;
}

GFile *
unknot_routine_library_get_user_folder (UnknotRoutineLibrary *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  return self->user_folder;
}

const char * const *
unknot_routine_library_get_problems (UnknotRoutineLibrary *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  return (const char * const *) self->problems;
}

UnknotRoutine *
unknot_routine_library_lookup (UnknotRoutineLibrary *self,
                               const char           *id)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  return find_in (self->items, id);
}

char *
unknot_routine_library_suggest_id (UnknotRoutineLibrary *self,
                                   const char           *id)
{
  g_autofree char *base = g_strdup (id);
  char *candidate;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);

  /* Keep room for the suffix within the 64 characters an id may have. */
  if (strlen (base) > 58)
    base[58] = '\0';
  for (guint n = 2;; n++)
    {
      candidate = g_strdup_printf ("%s-%u", base, n);
      if (find_in (self->items, candidate) == NULL && find_in (self->builtins, candidate) == NULL)
        return candidate;
      g_free (candidate);
    }
}

static char *
file_stem (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - strlen (".json")] = '\0';
  return g_steal_pointer (&basename);
}

/* A user routine is the file STEM.json and, when it has one, the folder STEM
 * beside it that import made for its illustrations. */
static gboolean
move_routine_files (GFile       *folder,
                    const char  *from_stem,
                    const char  *to_stem,
                    GError     **error)
{
  g_autofree char *from_name = g_strconcat (from_stem, ".json", NULL);
  g_autofree char *to_name = g_strconcat (to_stem, ".json", NULL);
  g_autoptr(GFile) from = g_file_get_child (folder, from_name);
  g_autoptr(GFile) to = g_file_get_child (folder, to_name);
  g_autoptr(GFile) from_dir = g_file_get_child (folder, from_stem);
  g_autoptr(GFile) to_dir = g_file_get_child (folder, to_stem);

  if (!g_file_move (from, to, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
    return FALSE;
  if (g_file_query_file_type (from_dir, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY
      && !g_file_move (from_dir, to_dir, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
    {
      g_file_move (to, from, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* A token is "N-STEM": the routine's file stem after a number no other
 * token has, so trashing a routine twice never mixes up the copies. */
static const char *
token_stem (const char *token)
{
  const char *dash = strchr (token, '-');

  return dash != NULL ? dash + 1 : token;
}

char *
unknot_routine_library_trash (UnknotRoutineLibrary  *self,
                              UnknotRoutine         *routine,
                              GError               **error)
{
  g_autofree char *stem = NULL;
  g_autofree char *token = NULL;
  g_autofree char *trashed = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);

  if (!unknot_routine_get_is_user (routine))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a routine title. */
                   _("“%s” is built in and cannot be deleted"), unknot_routine_get_title (routine));
      return NULL;
    }

  stem = file_stem (unknot_routine_get_file (routine));
  token = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", g_get_real_time (), stem);
  trashed = g_strconcat (TRASH_PREFIX, token, NULL);
  if (!move_routine_files (self->user_folder, stem, trashed, error))
    return NULL;
  unknot_routine_library_reload (self);
  return g_steal_pointer (&token);
}

UnknotRoutine *
unknot_routine_library_restore (UnknotRoutineLibrary  *self,
                                const char            *token,
                                GError               **error)
{
  g_autofree char *trashed = g_strconcat (TRASH_PREFIX, token, NULL);
  g_autofree char *name = g_strconcat (token_stem (token), ".json", NULL);
  g_autoptr(GFile) file = g_file_get_child (self->user_folder, name);

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);

  if (!move_routine_files (self->user_folder, trashed, token_stem (token), error))
    return NULL;
  unknot_routine_library_reload (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      UnknotRoutine *routine = g_ptr_array_index (self->items, i);

      if (unknot_routine_get_is_user (routine) && g_file_equal (unknot_routine_get_file (routine), file))
        return routine;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: %s is a file name. */
               _("The routine is back in “%s”, but it could not be read; see the problems listed"), name);
  return NULL;
}

void
unknot_routine_library_purge (UnknotRoutineLibrary *self,
                              const char           *token)
{
  g_autofree char *trashed = g_strconcat (TRASH_PREFIX, token, NULL);
  g_autofree char *trashed_json = g_strconcat (trashed, ".json", NULL);
  g_autoptr(GFile) file = g_file_get_child (self->user_folder, trashed_json);
  g_autoptr(GFile) dir = g_file_get_child (self->user_folder, trashed);

  g_return_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self));

  g_file_delete (file, NULL, NULL);
  delete_recursively (dir);
}

/* A replacement is written beside the routine it replaces, as ID-2.json;
 * once the old one is gone it moves to ID.json, where the user expects it.
 * Should that fail, it stays where it is, which works just as well. */
static void
settle_under_own_id (UnknotRoutineLibrary *self,
                     GFile                *written,
                     GFile                *written_dir,
                     const char           *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autoptr(GFile) dest = g_file_get_child (self->user_folder, name);
  g_autoptr(GFile) dest_dir = g_file_get_child (self->user_folder, id);
  g_autoptr(UnknotRoutine) routine = NULL;

  if (g_file_equal (written, dest) || g_file_query_exists (dest, NULL) || g_file_query_exists (dest_dir, NULL))
    return;
  routine = unknot_routine_load_file (written, NULL, TRUE, NULL);
  if (routine == NULL)
    return;
  if (unknot_routine_save (routine, dest, id, id, NULL))
    {
      g_file_delete (written, NULL, NULL);
      delete_recursively (written_dir);
    }
  else
    {
      g_file_delete (dest, NULL, NULL);
      delete_recursively (dest_dir);
    }
}

gboolean
unknot_routine_library_import (UnknotRoutineLibrary  *self,
                               UnknotRoutine         *routine,
                               const char            *new_id,
                               gboolean               replace,
                               GError               **error)
{
  const char *id = new_id != NULL ? new_id : unknot_routine_get_id (routine);
  g_autofree char *replaced = NULL;
  g_autofree char *stem = g_strdup (id);
  g_autofree char *parent_path = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GFile) dest_dir = NULL;
  UnknotRoutine *existing;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), FALSE);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), FALSE);
  g_return_val_if_fail (unknot_routine_id_is_valid (id), FALSE);

  existing = find_in (self->items, id);
  if (existing == NULL)
    existing = find_in (self->builtins, id);
  if (existing != NULL && !unknot_routine_get_is_user (existing))
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE,
                   /* Translators: the first %s is a routine title, the second a routine id. */
                   _("The built-in routine “%s” already uses the id “%s”"), unknot_routine_get_title (existing), id);
      return FALSE;
    }
  if (existing != NULL && !replace)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE,
                   /* Translators: the first %s is a routine title, the second a routine id. */
                   _("Your routine “%s” already uses the id “%s”"), unknot_routine_get_title (existing), id);
      return FALSE;
    }

  /* The data folder is private: the pain log lives beside it. */
  parent_path = g_build_filename (g_file_peek_path (self->user_folder), "..", NULL);
  if (g_mkdir_with_parents (parent_path, 0700) != 0
      || g_mkdir_with_parents (g_file_peek_path (self->user_folder), 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder name, the second an error message. */
                   _("Could not create the folder “%s”: %s"), g_file_peek_path (self->user_folder),
                   g_strerror (saved_errno));
      return FALSE;
    }

  /* Never write over a file that is there, even one that could not be
   * read; the routine being replaced goes only once its successor is
   * written, since the new one may take its pictures from the old one. */
  for (guint n = 2;; n++)
    {
      g_autofree char *name = g_strconcat (stem, ".json", NULL);

      g_clear_object (&dest);
      g_clear_object (&dest_dir);
      dest = g_file_get_child (self->user_folder, name);
      dest_dir = g_file_get_child (self->user_folder, stem);
      if (!g_file_query_exists (dest, NULL) && !g_file_query_exists (dest_dir, NULL))
        break;
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", id, n);
    }

  if (!unknot_routine_save (routine, dest, id, stem, error))
    {
      g_file_delete (dest, NULL, NULL);
      delete_recursively (dest_dir);
      return FALSE;
    }

  if (existing != NULL)
    {
      replaced = unknot_routine_library_trash (self, existing, error);
      if (replaced == NULL)
        {
          /* Keep the user's routine; take back the copy just written. */
          g_file_delete (dest, NULL, NULL);
          delete_recursively (dest_dir);
          return FALSE;
        }
    }

  if (replaced != NULL)
    {
      unknot_routine_library_purge (self, replaced);
      settle_under_own_id (self, dest, dest_dir, id);
    }
  unknot_routine_library_reload (self);
  return TRUE;
}
