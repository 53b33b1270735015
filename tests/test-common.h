/* test-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* Helpers the tests share: a private temporary folder per test and file contents. */

static inline char *
test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("samarbejde-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_rm_rf (child);
        }
    }
  g_remove (path);
}

static inline GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline void
test_write_file (const char *path,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static inline int
test_file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* Breaks an SQLite database the way a bad disk would: the header of its last page (its
 * kind and cell count) overwritten, which SQLite's quick_check finds. */
static inline void
test_damage_last_page (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_file (path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guchar *broken = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  guint page_size = (broken[16] << 8) | broken[17];

  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (size, >=, 3 * page_size);
  memset (broken + size - page_size, 0x5a, 12);
  test_write_file (path, (const char *) broken, size);
}

