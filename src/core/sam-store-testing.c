/* sam-store-testing.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store as tests see it (sam-store-testing.h): raw SQL, asserted. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include "sam-store-private.h"
#include "sam-store-testing.h"

gint64
sam_store_testing_query_int (SamStore   *store,
                             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

GPtrArray *
sam_store_testing_query_rows (SamStore   *store,
                              const char *sql,
                              const char *first,
                              const char *second)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (first != NULL)
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (row, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "(null)");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  return rows;
}

gboolean
sam_store_testing_exec (SamStore    *store,
                        const char  *sql,
                        GError     **error)
{
  return _sam_store_exec (store, sql, error);
}

GStrv
sam_store_testing_list_columns (SamStore   *store,
                                const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_strv_builder_add (names, sqlite3_column_name (stmt, i));
  return g_strv_builder_end (names);
}

sqlite3 *
sam_store_testing_get_db (SamStore *store)
{
  return store->db;
}
