/* sam-content.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-content"

#include "config.h"

#include "sam-content.h"

/* Content files (instrument, templates) are compiled into the app's GResource. */
GBytes *
sam_content_lookup (const char  *name,
                    GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = g_strconcat (RESOURCE_PREFIX, "/content/", name, NULL);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
