/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-routine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "unknot-json-scan.h"
#include "unknot-routine-io.h"
#include "unknot-routine-private.h"

#define MAX_DEPTH 16
#define MAX_STEPS 50
#define MAX_FRAMES 4
#define MIN_STEP_SECONDS 5
#define MAX_STEP_SECONDS 1800
#define MAX_TITLE_CHARS 120

G_DEFINE_QUARK (unknot-routine-error-quark, unknot_routine_error)

typedef struct
{
  const char *name;
  GHashTable *positions;
  GFile      *folder;
  GError    **error;
} Loader;

static const char * const routine_members[] = {
  "format", "id", "title", "summary", "tool", "equipment", "areas", "level",
  "safety", "steps", NULL
};

static const char * const step_members[] = {
  "title", "instruction", "duration", "sides", "pressure", "stop-if",
  "illustration", "illustration-description", "cue", NULL
};

static UnknotJsonPos
position_of (Loader     *loader,
             const char *path)
{
  UnknotJsonPos *pos = g_hash_table_lookup (loader->positions, path);
  UnknotJsonPos start = { 1, 1 };

  return pos != NULL ? *pos : start;
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Loader     *loader,
      const char *path,
      const char *format,
      ...)
{
  UnknotJsonPos pos = position_of (loader, path);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (loader->error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_INVALID,
               "%s:%u:%u: %s", loader->name, pos.line, pos.column, message);
  return FALSE;
}

static char *
member_path (const char *parent,
             const char *member)
{
  return *parent == '\0' ? g_strdup (member) : g_strdup_printf ("%s.%s", parent, member);
}

static gboolean
check_members (Loader             *loader,
               JsonObject         *object,
               const char         *path,
               const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *member = member_path (path, l->data);
        /* Translators: %s is a JSON member name, keep it as it is. */
        return fail (loader, member, _("unknown member “%s”"), (const char *) l->data);
      }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            char       **out)
{
  g_autofree char *mpath = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return !required || fail (loader, path, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, _("“%s” must be a string"), member);
  value = json_node_get_string (node);
  if (required && is_blank (value))
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, _("“%s” must not be empty"), member);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
get_integer (Loader     *loader,
             JsonObject *object,
             const char *path,
             const char *member,
             gint64     *out)
{
  g_autofree char *mpath = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, path, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_INT64
          && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, _("“%s” must be a number"), member);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, _("“%s” must be a whole number"), member);
  *out = json_node_get_int (node);
  return TRUE;
}

/* A missing optional list is empty; @min_length > 0 makes it required. */
static gboolean
get_string_list (Loader      *loader,
                 JsonObject  *object,
                 const char  *path,
                 const char  *member,
                 guint        min_length,
                 guint        max_length,
                 GStrv       *out)
{
  g_autofree char *mpath = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint length;

  if (node == NULL && min_length == 0)
    {
      *out = g_strv_builder_end (builder);
      return TRUE;
    }
  if (node == NULL)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, path, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, _("“%s” must be a list of strings in [ ]"), member);

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length < min_length)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, g_dngettext (GETTEXT_PACKAGE, "“%s” needs at least %u entry",
                                             "“%s” needs at least %u entries", min_length),
                 member, min_length);
  if (length > max_length)
    /* Translators: %s is a JSON member name, keep it as it is. */
    return fail (loader, mpath, _("“%s” has %u entries; at most %u are allowed"), member, length, max_length);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *epath = g_strdup_printf ("%s[%u]", mpath, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        /* Translators: %s is a JSON member name, keep it as it is. */
        return fail (loader, epath, _("every entry of “%s” must be a string"), member);
      if (*json_node_get_string (element) == '\0')
        /* Translators: %s is a JSON member name, keep it as it is. */
        return fail (loader, epath, _("entries of “%s” must not be empty"), member);
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
unknot_routine_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_islower (id[0]))
    return FALSE;
  len = strlen (id);
  if (len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
      return FALSE;
  return TRUE;
}

static gboolean
path_stays_inside (const char *relative)
{
  g_auto(GStrv) parts = NULL;

  if (*relative == '\0' || g_path_is_absolute (relative) || strchr (relative, '\\') != NULL
      || strchr (relative, ':') != NULL)
    return FALSE;
  parts = g_strsplit (relative, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 || strcmp (parts[i], ".") == 0 || *parts[i] == '\0')
      return FALSE;
  return TRUE;
}

static gboolean
load_illustrations (Loader     *loader,
                    JsonObject *object,
                    const char *path,
                    UnknotStep *step)
{
  g_autofree char *mpath = member_path (path, "illustration");
  JsonNode *node = json_object_get_member (object, "illustration");

  if (node == NULL || (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0))
    /* Translators: “illustration” is a JSON member name, keep it as it is. */
    return fail (loader, node == NULL ? path : mpath, _("the step has no illustration; give at least one SVG file in “illustration”"));
  if (!get_string_list (loader, object, path, "illustration", 1, MAX_FRAMES, &step->illustrations))
    return FALSE;

  for (guint i = 0; step->illustrations[i] != NULL; i++)
    {
      const char *relative = step->illustrations[i];
      g_autofree char *epath = g_strdup_printf ("%s[%u]", mpath, i);
      g_autoptr(GFile) file = NULL;

      if (!path_stays_inside (relative))
        /* Translators: %s is a file name. */
        return fail (loader, epath, _("illustration “%s” must be a path inside the routine's folder, like “illustrations/step-1.svg”"), relative);
      file = g_file_resolve_relative_path (loader->folder, relative);
      if (!g_file_has_prefix (file, loader->folder))
        /* Translators: %s is a file name. */
        return fail (loader, epath, _("illustration “%s” is outside the routine's folder"), relative);
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
        /* Translators: %s is a file name. */
        return fail (loader, epath, _("illustration “%s” was not found next to the routine file"), relative);
      g_ptr_array_add (step->illustration_files, g_steal_pointer (&file));
    }
  return TRUE;
}

static UnknotStep *
load_step (Loader   *loader,
           JsonNode *node,
           guint     index)
{
  g_autofree char *path = g_strdup_printf ("steps[%u]", index);
  g_autofree char *sides = NULL;
  g_autoptr(UnknotStep) step = unknot_step_new ();
  JsonObject *object;
  gint64 duration;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, path, _("step %u must be an object in { }"), index + 1), NULL;
  object = json_node_get_object (node);

  if (!check_members (loader, object, path, step_members)
      || !get_string (loader, object, path, "title", TRUE, &step->title)
      || !get_string (loader, object, path, "instruction", TRUE, &step->instruction)
      || !get_integer (loader, object, path, "duration", &duration)
      || !get_string (loader, object, path, "sides", FALSE, &sides)
      || !get_string (loader, object, path, "pressure", FALSE, &step->pressure)
      || !get_string (loader, object, path, "stop-if", FALSE, &step->stop_if)
      || !get_string (loader, object, path, "cue", FALSE, &step->cue)
      || !load_illustrations (loader, object, path, step)
      || !get_string (loader, object, path, "illustration-description", TRUE, &step->illustration_description))
    return NULL;

  {
    g_autofree char *dpath = member_path (path, "duration");

    if (duration < MIN_STEP_SECONDS)
      return fail (loader, dpath, _("duration must be at least %d seconds, not %lld"),
                   MIN_STEP_SECONDS, (long long) duration), NULL;
    if (duration > MAX_STEP_SECONDS)
      return fail (loader, dpath, _("duration of %lld seconds is too long; a step lasts at most %d minutes"),
                   (long long) duration, MAX_STEP_SECONDS / 60), NULL;
    step->duration = (guint) duration;
  }

  if (sides == NULL || strcmp (sides, "none") == 0)
    step->sides = UNKNOT_SIDES_NONE;
  else if (strcmp (sides, "left-right") == 0)
    step->sides = UNKNOT_SIDES_LEFT_RIGHT;
  else
    {
      g_autofree char *spath = member_path (path, "sides");
      /* Translators: “none” and “left-right” are values in the file, keep them as they are. */
      return fail (loader, spath, _("unknown sides “%s”; use none or left-right"), sides), NULL;
    }

  return g_steal_pointer (&step);
}

static UnknotRoutine *
load_routine (Loader   *loader,
              JsonNode *root)
{
  g_autoptr(UnknotRoutine) routine = unknot_routine_new ();
  g_autofree char *tool = NULL;
  g_autofree char *level = NULL;
  JsonObject *object;
  JsonNode *steps;
  gint64 format;
  guint n_steps;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (loader, "", _("a routine file must hold one object in { }")), NULL;
  object = json_node_get_object (root);

  if (!get_integer (loader, object, "", "format", &format))
    return NULL;
  if (format != UNKNOT_ROUTINE_FORMAT)
    return fail (loader, "format", _("unknown format version %lld; this version of Unknot reads format %d"),
                 (long long) format, UNKNOT_ROUTINE_FORMAT), NULL;

  if (!check_members (loader, object, "", routine_members)
      || !get_string (loader, object, "", "id", TRUE, &routine->id))
    return NULL;
  if (!unknot_routine_id_is_valid (routine->id))
    /* Translators: %s is the routine id from the file. */
    return fail (loader, "id", _("id “%s” must be 1–64 characters of a–z, 0–9 and “-”, starting with a letter"),
                 routine->id), NULL;

  if (!get_string (loader, object, "", "title", TRUE, &routine->title)
      || !get_string (loader, object, "", "summary", TRUE, &routine->summary)
      || !get_string (loader, object, "", "tool", TRUE, &tool)
      || !get_string (loader, object, "", "level", TRUE, &level)
      || !get_string_list (loader, object, "", "equipment", 0, 20, &routine->equipment)
      || !get_string_list (loader, object, "", "areas", 1, g_strv_length ((char **) unknot_areas), &routine->areas)
      || !get_string_list (loader, object, "", "safety", 0, 20, &routine->safety))
    return NULL;

  if (g_utf8_strlen (routine->title, -1) > MAX_TITLE_CHARS)
    return fail (loader, "title", _("the title is longer than %d characters"), MAX_TITLE_CHARS), NULL;
  if (!unknot_tool_from_string (tool, &routine->tool))
    /* Translators: tennis-ball, hand and tool are values in the file, keep them as they are. */
    return fail (loader, "tool", _("unknown tool “%s”; use tennis-ball, hand or tool"), tool), NULL;
  if (!unknot_level_from_string (level, &routine->level))
    /* Translators: gentle, standard and firm are values in the file, keep them as they are. */
    return fail (loader, "level", _("unknown level “%s”; use gentle, standard or firm"), level), NULL;
  for (guint i = 0; routine->areas[i] != NULL; i++)
    if (!unknot_area_is_known (routine->areas[i]))
      {
        g_autofree char *apath = g_strdup_printf ("areas[%u]", i);
        g_autofree char *known = g_strjoinv (", ", (char **) unknot_areas);
        /* Translators: the first %s is an area in the file, the second the list of known areas. */
        return fail (loader, apath, _("unknown area “%s”; use one of %s"), routine->areas[i], known), NULL;
      }

  steps = json_object_get_member (object, "steps");
  if (steps == NULL)
    /* Translators: “steps” is a JSON member name, keep it as it is. */
    return fail (loader, "", _("“steps” is missing")), NULL;
  if (!JSON_NODE_HOLDS_ARRAY (steps))
    /* Translators: “steps” is a JSON member name, keep it as it is. */
    return fail (loader, "steps", _("“steps” must be a list of steps in [ ]")), NULL;
  n_steps = json_array_get_length (json_node_get_array (steps));
  if (n_steps == 0)
    return fail (loader, "steps", _("a routine needs at least one step")), NULL;
  if (n_steps > MAX_STEPS)
    return fail (loader, "steps", _("a routine has at most %d steps, not %u"), MAX_STEPS, n_steps), NULL;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(UnknotStep) step = load_step (loader, json_array_get_element (json_node_get_array (steps), i), i);

      if (step == NULL)
        return NULL;
      g_list_store_append (routine->steps, step);
    }

  return g_steal_pointer (&routine);
}

UnknotRoutine *
unknot_routine_load_bytes (GBytes      *bytes,
                           const char  *name,
                           GFile       *folder,
                           GError     **error)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *scan_message = NULL;
  UnknotJsonPos scan_pos;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  Loader loader = { name, NULL, folder, error };

  if (size > UNKNOT_ROUTINE_MAX_SIZE)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_TOO_LARGE,
                   "%s:1:1: %s", name, _("the file is larger than 1 MiB; a routine file is much smaller"));
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_INVALID,
                   "%s:1:1: %s", name, _("the file is empty"));
      return NULL;
    }

  positions = unknot_json_scan (data, size, MAX_DEPTH, &scan_pos, &scan_message);
  if (positions == NULL)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_INVALID,
                   "%s:%u:%u: %s", name, scan_pos.line, scan_pos.column, scan_message);
      return NULL;
    }
  loader.positions = positions;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      /* The scan above accepts only strict JSON, which json-glib reads too. */
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_INVALID,
                   "%s:1:1: %s", name, parse_error->message);
      return NULL;
    }

  return load_routine (&loader, json_parser_get_root (parser));
}

/* The built-in routines are written in English; build-aux/routine-strings
 * puts their text in the catalogue, and here it comes back out. */
static void
translate_string (char **text)
{
  const char *translated;

  /* "" would look up the catalogue's header. */
  if (*text == NULL || **text == '\0')
    return;
  translated = g_dgettext (GETTEXT_PACKAGE, *text);
  if (translated != *text)
    {
      g_free (*text);
      *text = g_strdup (translated);
    }
}

static void
translate_strv (GStrv strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    translate_string (&strv[i]);
}

static void
translate_routine (UnknotRoutine *routine)
{
  translate_string (&routine->title);
  translate_string (&routine->summary);
  translate_strv (routine->equipment);
  translate_strv (routine->safety);
  for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (G_LIST_MODEL (routine->steps), i);

      translate_string (&step->title);
      translate_string (&step->instruction);
      translate_string (&step->pressure);
      translate_string (&step->stop_if);
      translate_string (&step->illustration_description);
      translate_string (&step->cue);
    }
}

UnknotRoutine *
unknot_routine_load_file (GFile       *file,
                          const char  *name,
                          gboolean     is_user,
                          GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) all = NULL;
  g_autofree char *default_name = NULL;
  g_autoptr(GError) local_error = NULL;
  UnknotRoutine *routine;

  if (name == NULL)
    name = default_name = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  /* Stop one chunk past the limit, so a huge file (or /dev/zero) costs no more. */
  all = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[16384];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (all, buffer, (guint) n);
      if (all->len > UNKNOT_ROUTINE_MAX_SIZE)
        break;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&all));

  routine = unknot_routine_load_bytes (bytes, name, folder, error);
  if (routine != NULL)
    {
      routine->file = g_object_ref (file);
      routine->is_user = is_user;
      if (!is_user)
        translate_routine (routine);
    }
  return routine;
}

static void
add_string_list (JsonBuilder        *builder,
                 const char         *member,
                 const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static gboolean
files_have_same_contents (GFile *a,
                          GFile *b)
{
  g_autoptr(GBytes) bytes_a = g_file_load_bytes (a, NULL, NULL, NULL);
  g_autoptr(GBytes) bytes_b = g_file_load_bytes (b, NULL, NULL, NULL);

  return bytes_a != NULL && bytes_b != NULL && g_bytes_equal (bytes_a, bytes_b);
}

/* Copies @source into @folder under its own name, or a numbered one when a
 * different illustration of the routine already took that name.  Returns
 * the path to write in the routine file. */
static char *
copy_illustration (GFile       *source,
                   GFile       *folder,
                   const char  *folder_name,
                   GHashTable  *copied,
                   GError     **error)
{
  g_autofree char *uri = g_file_get_uri (source);
  g_autofree char *basename = g_file_get_basename (source);
  g_autofree char *name = g_strdup (basename);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *done = g_hash_table_lookup (copied, uri);

  if (done != NULL)
    return g_strdup (done);

  for (guint n = 2; g_hash_table_contains (copied, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%u-%s", n, basename);
    }

  target = g_file_get_child (folder, name);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
          || !files_have_same_contents (source, target))
        {
          g_autofree char *path = g_file_get_parse_name (target);

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         /* Translators: %s is a file name. */
                         _("“%s” already exists and is a different file; it was left as it is"), path);
          else
            g_set_error (error, local_error->domain, local_error->code,
                         /* Translators: the first %s is a file name, the second an error message. */
                         _("Could not copy the illustration to “%s”: %s"), path, local_error->message);
          return NULL;
        }
    }
  /* The hash table maps both the source URI and the name it took. */
  g_hash_table_insert (copied, g_strdup (name), g_strdup (uri));
  g_hash_table_insert (copied, g_steal_pointer (&uri), g_strdup_printf ("%s/%s", folder_name, name));
  return g_strdup_printf ("%s/%s", folder_name, name);
}

gboolean
unknot_routine_save (UnknotRoutine *routine,
                     GFile         *dest,
                     const char    *new_id,
                     const char    *illustrations_folder,
                     GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autoptr(GFile) folder = g_file_get_child (parent, illustrations_folder);
  g_autoptr(GHashTable) copied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), FALSE);
  g_return_val_if_fail (new_id == NULL || unknot_routine_id_is_valid (new_id), FALSE);
  g_return_val_if_fail (path_stays_inside (illustrations_folder), FALSE);

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UNKNOT_ROUTINE_FORMAT);
  add_optional_string (builder, "id", new_id != NULL ? new_id : routine->id);
  add_optional_string (builder, "title", routine->title);
  add_optional_string (builder, "summary", routine->summary);
  add_optional_string (builder, "tool", unknot_tool_to_string (routine->tool));
  add_string_list (builder, "equipment", (const char * const *) routine->equipment);
  add_string_list (builder, "areas", (const char * const *) routine->areas);
  add_optional_string (builder, "level", unknot_level_to_string (routine->level));
  add_string_list (builder, "safety", (const char * const *) routine->safety);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (G_LIST_MODEL (routine->steps), i);

      json_builder_begin_object (builder);
      add_optional_string (builder, "title", step->title);
      add_optional_string (builder, "instruction", step->instruction);
      json_builder_set_member_name (builder, "duration");
      json_builder_add_int_value (builder, step->duration);
      add_optional_string (builder, "sides", step->sides == UNKNOT_SIDES_LEFT_RIGHT ? "left-right" : "none");
      add_optional_string (builder, "pressure", step->pressure);
      add_optional_string (builder, "stop-if", step->stop_if);
      json_builder_set_member_name (builder, "illustration");
      json_builder_begin_array (builder);
      for (guint f = 0; f < step->illustration_files->len; f++)
        {
          g_autofree char *relative = copy_illustration (g_ptr_array_index (step->illustration_files, f),
                                                         folder, illustrations_folder, copied, error);
          if (relative == NULL)
            return FALSE;
          json_builder_add_string_value (builder, relative);
        }
      json_builder_end_array (builder);
      add_optional_string (builder, "illustration-description", step->illustration_description);
      add_optional_string (builder, "cue", step->cue);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  return g_file_replace_contents (dest, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
