/* sam-paths.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-paths"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "sam-paths.h"

/* Where the databases live: the user's data folder, readable by the user alone. */
char *
sam_paths_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);
}

char *
sam_paths_get_default_database (void)
{
  g_autofree char *dir = sam_paths_get_data_dir ();

  return g_build_filename (dir, "samarbejde.db", NULL);
}

/* The demo lives in a file of its own so that it is never mixed into real data. */
char *
sam_paths_get_demo_database (void)
{
  g_autofree char *dir = sam_paths_get_data_dir ();

  return g_build_filename (dir, "demo.db", NULL);
}

/* Creates the folder that will hold @path, 0700 where it is new. */
gboolean
sam_paths_ensure_parent_dir (const char  *path,
                             GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
