/* sam-store-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* Once for every module that includes this header: sqlite3.h has no autoptr of its own,
 * and a second definition in the same file would not compile. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* For core modules that run their own queries inside the store's transactions. */
sqlite3  *_sam_store_get_db       (SamStore    *self);
gboolean  _sam_store_set_error    (SamStore    *self,
                                   GError     **error,
                                   int          rc);
gboolean  _sam_store_exec         (SamStore    *self,
                                   const char  *sql,
                                   GError     **error);

/* What every core module that keeps rows of its own needs, written once. */
gboolean      _sam_store_set_invalid  (GError       **error,
                                       const char    *format,
                                       ...) G_GNUC_PRINTF (2, 3);
sqlite3_stmt *_sam_store_prepare      (SamStore      *self,
                                       const char    *sql,
                                       GError       **error);
void          _sam_store_bind_text    (sqlite3_stmt  *stmt,
                                       int            column,
                                       const char    *text);
typedef gpointer (*SamRowFunc) (sqlite3_stmt *stmt);

GPtrArray    *_sam_store_list_rows    (SamStore      *self,
                                       const char    *sql,
                                       gint64         id,
                                       SamRowFunc     make_row,
                                       GDestroyNotify free_row,
                                       GError       **error);
char         *_sam_store_column_dup   (sqlite3_stmt  *stmt,
                                       int            column);
gboolean      _sam_store_step_done    (SamStore      *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gboolean      _sam_store_finish       (SamStore      *self,
                                       gboolean       ok,
                                       GError       **error);
char         *_sam_store_format_utc   (GDateTime     *when);
gboolean      _sam_store_check_text   (const char    *text,
                                       GError       **error);
gboolean      _sam_text_is_blank      (const char    *text);

G_END_DECLS
