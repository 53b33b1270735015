/* sam-store-testing.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sam-store.h"

G_BEGIN_DECLS

/*
 * For tests and benchmarks only, never for src/: what a test asks the database directly,
 * to check what no API returns (a count of rows, a table's columns) or to change it behind
 * the API's back on purpose. A query that fails fails the test.
 */

/* The first column of the first row. */
gint64      sam_store_testing_query_int     (SamStore    *store,
                                             const char  *sql);
/* Every row, its columns joined with "|" (a NULL as "(null)"); ?1 and ?2, where given, are
 * bound to @first and @second. */
GPtrArray  *sam_store_testing_query_rows    (SamStore    *store,
                                             const char  *sql,
                                             const char  *first,
                                             const char  *second);
gboolean    sam_store_testing_exec          (SamStore    *store,
                                             const char  *sql,
                                             GError     **error);
/* The names of the columns @sql gives, in order. */
GStrv       sam_store_testing_list_columns  (SamStore    *store,
                                             const char  *sql);
/* The connection itself, for a benchmark that copies rows out with sqlite3 of its own. */
sqlite3    *sam_store_testing_get_db        (SamStore    *store);

G_END_DECLS
