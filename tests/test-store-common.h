/* test-store-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sam-store.h"
#include "test-common.h"
#include "test-sqlite-common.h"

/* A database file per test, in a folder that is not there yet, and SQL run on it
 * behind the store's back. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sub", "test.db", NULL);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static inline SamStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline void
create_store (const char *path)
{
  g_object_unref (open_store (path));
}
