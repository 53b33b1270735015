/* sam-markup.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-markup"

#include "config.h"

#include "sam-content.h"
#include "sam-markup.h"

/* Text outside a text element (indentation between tags) is not kept. */
static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 text_len,
              gpointer              user_data,
              GError              **error)
{
  SamMarkupState *state = user_data;

  if (state->collecting)
    g_string_append_len (state->text, text, text_len);
}

/**
 * _sam_markup_parse:
 * @start_element: the loader's handler of start tags
 * @end_element: the loader's handler of end tags
 * @flags: for the parse context
 * @bytes: the file
 * @state: the start of the loader's parse state, given to the handlers as their user data
 * @error: return location for an error
 *
 * Reads a whole content file with @state's text buffer ready, and frees the buffer after.
 *
 * Returns: whether the file was read to its end without an error
 */
gboolean
_sam_markup_parse (SamMarkupStartFunc    start_element,
                   SamMarkupEndFunc      end_element,
                   GMarkupParseFlags     flags,
                   GBytes               *bytes,
                   SamMarkupState       *state,
                   GError              **error)
{
  const GMarkupParser parser = { start_element, end_element, collect_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  const char *data;
  gboolean ok;
  gsize size;

  state->text = g_string_new (NULL);
  state->collecting = FALSE;
  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, flags, state, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);
  g_string_free (g_steal_pointer (&state->text), TRUE);

  return ok;
}

void
_sam_markup_begin_text (SamMarkupState *state)
{
  state->collecting = TRUE;
  g_string_truncate (state->text, 0);
}

/* The text since _sam_markup_begin_text(), its white space normalised as xgettext does in
 * ITS content, so that it is the msgid to look up. */
char *
_sam_markup_end_text (SamMarkupState *state)
{
  g_auto(GStrv) words = g_strsplit_set (state->text->str, " \t\r\n", -1);
  g_autoptr(GString) normal = g_string_new (NULL);

  state->collecting = FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (normal->len > 0)
        g_string_append_c (normal, ' ');
      g_string_append (normal, words[i]);
    }

  return g_string_free (g_steal_pointer (&normal), FALSE);
}

/* "file:line:column: ", where an error message starts, so a wrong edit is found at once. */
char *
_sam_markup_where (GMarkupParseContext *context,
                   const char          *file)
{
  int line, column;

  g_markup_parse_context_get_position (context, &line, &column);
  return g_strdup_printf ("%s:%d:%d: ", file, line, column);
}

/**
 * _sam_markup_get_builtin:
 * @location: (inout): the caller's static pointer, %NULL until the first call
 * @file: the content file compiled into the app, such as "instrument.xml"
 * @subject: what the messages name, with its verb: "instrument is"
 * @load: reads the file
 *
 * Reads a content file of the app's own, once per process, in the locale of that moment.
 * One that is missing or invalid is a mistake in the build, not in anything the user did,
 * so the program stops and says which.
 *
 * Returns: (transfer none): what @load made of it, kept in @location
 */
gpointer
_sam_markup_get_builtin (gpointer          *location,
                         const char        *file,
                         const char        *subject,
                         SamMarkupLoadFunc  load)
{
  if (g_once_init_enter (location))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gpointer loaded;

      bytes = sam_content_lookup (file, &error);
      if (bytes == NULL)
        g_error ("The built-in %s missing: %s", subject, error->message);
      loaded = load (bytes, &error);
      if (loaded == NULL)
        g_error ("The built-in %s invalid: %s", subject, error->message);
      g_once_init_leave (location, loaded);
    }

  return *location;
}

/* The element of @array whose id (a char * at @id_offset in it) is @id, or %NULL. */
gpointer
_sam_markup_find_by_id (GPtrArray  *array,
                        gsize       id_offset,
                        const char *id)
{
  for (guint i = 0; i < array->len; i++)
    {
      gpointer element = g_ptr_array_index (array, i);

      if (g_strcmp0 (G_STRUCT_MEMBER (const char *, element, id_offset), id) == 0)
        return element;
    }
  return NULL;
}
