/* sam-cluster-file-shape.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text of a cluster file, checked before json-glib parses it: what the parser would
 * take that JSON does not, keys written twice, and nesting too deep for its stack. */

#define G_LOG_DOMAIN "sam-cluster-file"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-cluster-file-private.h"

/* The format nests five levels deep. json-glib's parser recurses once per level, so a
 * file of nothing but brackets would run it out of stack: the depth is checked first. */
#define MAX_DEPTH 16

/* Reads the four hex digits of a "\u" escape at @text[@i]. */
static gboolean
read_hex4 (const char *text,
           gsize       size,
           gsize       i,
           gunichar   *out)
{
  gunichar value = 0;

  if (i + 4 > size)
    return FALSE;
  for (gsize j = i; j < i + 4; j++)
    {
      if (!g_ascii_isxdigit (text[j]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (text[j]);
    }
  *out = value;
  return TRUE;
}

/* Steps over one string from its opening quote at @text[*@i] to its closing quote, and
 * refuses what standard JSON does not allow in a string. json-glib's scanner reads
 * further than the standard: a "\u" takes four characters whatever they are, and one that
 * stands for half a surrogate pair takes the next two as well, quote or not. After such an
 * escape it would no longer agree with anyone on where strings end. */
static gboolean
skip_string (const char *text,
             gsize       size,
             gsize      *i)
{
  for (gsize j = *i + 1; j < size; j++)
    {
      guchar c = text[j];
      gunichar value, low;

      if (c == '"')
        {
          *i = j;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        continue;

      if (++j >= size)
        return FALSE;
      switch (text[j])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;
        case 'u':
          /* A NUL would cut the string short; half a pair is no character. */
          if (!read_hex4 (text, size, j + 1, &value) || value == 0 ||
              (value >= 0xdc00 && value <= 0xdfff))
            return FALSE;
          j += 4;
          if (value >= 0xd800 && value <= 0xdbff)
            {
              if (j + 2 >= size || text[j + 1] != '\\' || text[j + 2] != 'u' ||
                  !read_hex4 (text, size, j + 3, &low) || low < 0xdc00 || low > 0xdfff)
                return FALSE;
              j += 6;
            }
          break;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* The text of a string that skip_string() has let through, from its opening quote at
 * @text[@start] to its closing quote at @text[@end], with its escapes read as json-glib
 * reads them: "\u0061" and "a" are the same key. */
static char *
decode_string (const char *text,
               gsize       start,
               gsize       end)
{
  GString *out = g_string_sized_new (end - start);

  for (gsize j = start + 1; j < end; j++)
    {
      gunichar value, low;

      if (text[j] != '\\')
        {
          g_string_append_c (out, text[j]);
          continue;
        }
      switch (text[++j])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          read_hex4 (text, end, j + 1, &value);
          j += 4;
          if (value >= 0xd800 && value <= 0xdbff)
            {
              read_hex4 (text, end, j + 3, &low);
              value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
              j += 6;
            }
          g_string_append_unichar (out, value);
          break;
        default:                  /* '"', '\\' and '/' stand for themselves */
          g_string_append_c (out, text[j]);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static void
keys_free (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

/* What json-glib's parser reads beyond JSON (single quotes, comments, escapes of its own)
 * is refused before it parses, and so is a nesting deeper than the format's, since the
 * parser recurses once per level. Outside strings only JSON's own characters may stand,
 * and strings are read as the standard has them, so the depth counted here is the depth
 * the parser will see.
 *
 * A key written twice in one object is refused here too, at any depth: json-glib keeps
 * the last one without a word, so such a file could show a person reading it one value
 * and the app another. No writer of ours makes one, and the parsed content has already
 * lost the first, so it is the text that is checked, key by key, one set per open object
 * (arrays have none). Where the text is not JSON, what is taken for a key here may be
 * wrong, but then the parser refuses the file anyway. */
gboolean
_sam_cluster_file_check_shape (const char  *name,
                                 const char  *text,
                                 gsize        size,
                                 GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (keys_free);
  gboolean ended = FALSE;
  gboolean expect_key = FALSE;
  guint line = 1;

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];
      GHashTable *keys = open->len > 0 ? g_ptr_array_index (open, open->len - 1) : NULL;

      if (c == '\n')
        line++;
      /* json-glib reads the first value and lets what follows pass. */
      if (ended && !g_ascii_isspace (c))
        {
          g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                       _("%s:%u: the file goes on after its end"), name, line);
          return FALSE;
        }

      switch (c)
        {
        case '"':
          {
            gsize start = i;

            if (!skip_string (text, size, &i))
              {
                g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                             _("%s:%u: a string is broken: the file is not JSON"), name, line);
                return FALSE;
              }
            if (expect_key && keys != NULL)
              {
                char *key = decode_string (text, start, i);

                if (g_hash_table_contains (keys, key))
                  {
                    g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                                 _("%s:%u: the key “%s” is there twice"), name, line, key);
                    g_free (key);
                    return FALSE;
                  }
                g_hash_table_add (keys, key);
              }
            expect_key = FALSE;
          }
          break;
        case '[':
        case '{':
          if (open->len >= MAX_DEPTH)
            {
              g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                           _("%s:%u: the file nests deeper than a Samarbejde file does"),
                           name, line);
              return FALSE;
            }
          g_ptr_array_add (open, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                   g_free, NULL)
                                          : NULL);
          expect_key = c == '{';
          break;
        case ']':
        case '}':
          if (open->len > 0)
            {
              g_ptr_array_remove_index (open, open->len - 1);
              if (open->len == 0)
                ended = TRUE;
            }
          expect_key = FALSE;
          break;
        case ',':
          expect_key = keys != NULL;
          break;
        case ':':
          expect_key = FALSE;
          break;
        case ' ': case '\t': case '\n': case '\r':
        case '+': case '-': case '.':
          break;
        default:
          if (!g_ascii_isalnum (c))
            {
              char character[8] = { 0 };

              g_unichar_to_utf8 (g_utf8_get_char (text + i), character);
              g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                           _("%s:%u: “%s” cannot stand there: the file is not JSON"), name, line,
                           character);
              return FALSE;
            }
          break;
        }
    }
  return TRUE;
}
