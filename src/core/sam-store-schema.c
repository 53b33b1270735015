/* sam-store-schema.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The schema, as the migrations that build it: data/schema/NNN-*.sql in the content
 * resource. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sam-store-private.h"

#define SCHEMA_FOLDER RESOURCE_PREFIX "/content/schema/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The migration files in order: the one numbered N + 1 ("001-" for the first) takes a
 * database from version N to N + 1. A landed migration is never edited; a change to the
 * schema is a new file. They come with the app, so a missing or misnumbered one is a
 * broken build. */
static char *
migration_path (int version)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (SCHEMA_FOLDER,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autofree char *number = g_strdup_printf ("%03d-", version + 1);

  if (names == NULL)
    g_error ("The built-in schema missing: %s", error->message);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  if (g_strv_length (names) != SAM_STORE_SCHEMA_VERSION
      || !g_str_has_prefix (names[version], number))
    g_error ("The built-in schema has %u migrations; the one numbered %s is not where it belongs",
             g_strv_length (names), number);
  return g_strconcat (SCHEMA_FOLDER, names[version], NULL);
}

/* The SQL of one migration. Lines that start with "--" are its comments; the others are
 * joined as they stand, without their line breaks, so that the text SQLite keeps of each
 * CREATE is the same as in every database made before the schema lived in files. */
char *
_sam_store_migration_sql (int version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  GString *sql = g_string_new (NULL);

  g_return_val_if_fail (version >= 0 && version < SAM_STORE_SCHEMA_VERSION, NULL);

  path = migration_path (version);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in schema missing: %s", error->message);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "--"))
      g_string_append (sql, lines[i]);
  return g_string_free (sql, FALSE);
}
