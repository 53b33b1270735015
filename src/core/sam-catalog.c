/* sam-catalog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-catalog"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-catalog.h"

/* gettext itself answers in the language of the process (LANGUAGE, LC_MESSAGES), one at
 * a time: switching it per request would change the window's language under it and is
 * not thread-safe. So pages for phones read the compiled catalog themselves. The format
 * is GNU gettext's .mo: a header, then two tables of (length, offset) pairs, the
 * original strings and their translations, each string ending in a NUL. A plural entry
 * holds "singular\0plural" and "form0\0form1"; a context "context\004msgid". Only the
 * singular lookup is needed here. */

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

struct _SamCatalog
{
  char       *language;
  GBytes     *bytes;         /* the .mo file, which the table points into */
  GHashTable *messages;      /* msgid -> translation, both borrowed from bytes */
};

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at table entry @index: inside the file and ending in a NUL there. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       index,
             gboolean      swapped)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 length, offset;

  if (entry + 8 > size)
    return NULL;
  length = read_u32 (data, entry, swapped);
  offset = read_u32 (data, entry + 4, swapped);
  if ((guint64) offset + length >= size || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static gboolean
set_bad (GError     **error,
         const char  *language)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               "The translations for “%s” are not a valid catalog", language);
  return FALSE;
}

static gboolean
load (SamCatalog  *self,
      GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  guint32 magic, revision, n_strings, originals, translations;
  gboolean swapped;

  if (size < 20)
    return set_bad (error, self->language);
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return set_bad (error, self->language);
  swapped = magic == MO_MAGIC_SWAPPED;
  revision = read_u32 (data, 4, swapped);
  n_strings = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((revision >> 16) > 1 || n_strings > size / 8)
    return set_bad (error, self->language);

  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *original = read_string (data, size, originals, i, swapped);
      const char *translation = read_string (data, size, translations, i, swapped);

      if (original == NULL || translation == NULL)
        return set_bad (error, self->language);
      /* The header (msgid ""), entries with a context, and untranslated ones are left out:
       * a lookup then gives the English source, as gettext does. */
      if (*original == '\0' || strchr (original, '\004') != NULL || *translation == '\0' ||
          !g_utf8_validate (translation, -1, NULL))
        continue;
      g_hash_table_insert (self->messages, (gpointer) original, (gpointer) translation);
    }
  return TRUE;
}

/**
 * sam_catalog_new_from_bytes:
 * @language: the language's code, such as "da"
 * @mo: (nullable): a compiled catalog, or %NULL for none (the English source)
 *
 * Returns: (transfer full): the catalog, or %NULL with @error set where @mo is damaged
 */
SamCatalog *
sam_catalog_new_from_bytes (const char  *language,
                            GBytes      *mo,
                            GError     **error)
{
  g_autoptr(SamCatalog) self = g_new0 (SamCatalog, 1);

  g_return_val_if_fail (language != NULL, NULL);

  self->language = g_strdup (language);
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  if (mo != NULL)
    {
      self->bytes = g_bytes_ref (mo);
      if (!load (self, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * sam_catalog_new_for_language:
 * @language: "en" (the source) or a language the app is translated into, such as "da"
 *
 * Reads @language's catalog from where the text domain is bound (bindtextdomain()), so
 * an uninstalled build and the tests find the build's catalogs as gettext does.
 *
 * Returns: (transfer full): the catalog, or %NULL with @error set where there is none
 */
SamCatalog *
sam_catalog_new_for_language (const char  *language,
                              GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *localedir;
  gsize length;

  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_equal (language, "en") || g_str_equal (language, "C"))
    return sam_catalog_new_from_bytes ("en", NULL, error);

  /* A language code is a plain word: it becomes part of a path. */
  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '@')
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "“%s” is not a language code",
                     language);
        return NULL;
      }

  localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  path = g_build_filename (localedir != NULL ? localedir : LOCALEDIR, language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return sam_catalog_new_from_bytes (language, bytes, error);
}

const char *
sam_catalog_get_language (SamCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/**
 * sam_catalog_gettext:
 * @self: (nullable): a catalog, or %NULL for the English source
 *
 * Returns: (transfer none): the translation of @msgid, or @msgid itself where there is none
 */
const char *
sam_catalog_gettext (SamCatalog *self,
                     const char *msgid)
{
  const char *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL || *msgid == '\0')
    return msgid;
  translation = g_hash_table_lookup (self->messages, msgid);
  return translation != NULL ? translation : msgid;
}

void
sam_catalog_free (SamCatalog *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->language);
  g_free (self);
}
