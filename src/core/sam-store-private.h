/* sam-store-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sam-meeting-template.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* Once for every module that includes this header: sqlite3.h has no autoptr of its own,
 * and a second definition in the same file would not compile. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The store is split by subject into sam-store-*.c; this is the one instance they share. */
struct _SamStore
{
  GObject   parent_instance;

  char     *path;
  char     *backup_path;
  SamStoreOpenFlags flags;
  gboolean  read_only;        /* the file or its folder may not be written: opened read-only */
  char     *backup_day;       /* "YYYYMMDD" once today's backup is known to be there */
  gint64    data_version;     /* PRAGMA data_version when last looked: another writer's mark */
  guint     watch_id;
  SamStoreBusyFunc busy_func;
  gpointer  busy_data;
  guint     busy_seconds;
  gboolean  busy_told;
  sqlite3  *db;
  GHashTable *statements;   /* SQL -> sqlite3_stmt, kept for the store's life */
  GPtrArray  *answer_inserts; /* [n] inserts n answers in one statement */
  GHashTable *savepoints;     /* "SAVEPOINT sam_N" and "RELEASE sam_N" */
  int       schema_version;
  guint     depth;
  gboolean  dirty;
};

/* The schema: the SQL that takes a database from version @version to @version + 1, read
 * from the content resource (sam-store-schema.c). */
char *_sam_store_migration_sql (int version);

/* What the store's files share: the statement cache, counting, the "changed" signal,
 * names as they are kept (sam-store-clinics.c) and one-row changes (sam-store-rounds.c). */
sqlite3_stmt *_sam_store_prepare_cached (SamStore    *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      _sam_store_query_int      (SamStore    *self,
                                         const char  *sql,
                                         gint64      *out,
                                         GError     **error);
void          _sam_store_mark_changed   (SamStore    *self);
char         *_sam_store_clean_name     (const char  *name,
                                         const char  *empty_message,
                                         GError     **error);
gboolean      _sam_store_change_by_id   (SamStore    *self,
                                         const char  *sql,
                                         gint64       id,
                                         GError     **error);

/* This header is for the store's own files (sam-store-*.c) alone: no other module speaks
 * SQL; the core modules that keep rows of their own ask for them through sam-store-rows.h.
 * An SQLite result code as a SamStoreError, and SQL run once. */
gboolean  _sam_store_set_error    (SamStore    *self,
                                   GError     **error,
                                   int          rc);
gboolean  _sam_store_exec         (SamStore    *self,
                                   const char  *sql,
                                   GError     **error);

/* The statement helpers, written once. */
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
typedef void (*SamRowVisitFunc) (sqlite3_stmt *stmt,
                                 gpointer      user_data);

gboolean      _sam_store_foreach_row  (SamStore        *self,
                                       const char      *sql,
                                       gint64           id,
                                       SamRowVisitFunc  visit,
                                       gpointer         user_data,
                                       GError         **error);

GPtrArray    *_sam_store_collect_rows (SamStore      *self,
                                       sqlite3_stmt  *stmt,
                                       SamRowFunc     make_row,
                                       GDestroyNotify free_row,
                                       GError       **error);
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
gboolean      _sam_store_step_one_row (SamStore      *self,
                                       sqlite3_stmt  *stmt,
                                       const char    *gone_message,
                                       GError       **error);
sqlite3_stmt *_sam_store_prepare_save (SamStore      *self,
                                       gint64         id,
                                       const char    *update_sql,
                                       const char    *insert_sql,
                                       GError       **error);
gboolean      _sam_store_step_save    (SamStore      *self,
                                       sqlite3_stmt  *stmt,
                                       gint64        *id,
                                       const char    *gone_message,
                                       GError       **error);
gboolean      _sam_store_finish_insert (SamStore     *self,
                                        sqlite3_stmt *stmt,
                                        gint64       *out_id,
                                        GError      **error);
gboolean      _sam_store_finish_one_row (SamStore     *self,
                                         sqlite3_stmt *stmt,
                                         const char   *gone_message,
                                         GError      **error);
gboolean      _sam_store_delete_by_id (SamStore      *self,
                                       const char    *sql,
                                       gint64         id,
                                       const char    *gone_message,
                                       GError       **error);
gpointer      _sam_store_get_by_id    (SamStore      *self,
                                       const char    *sql,
                                       gint64         id,
                                       SamRowFunc     make_row,
                                       const char    *gone_message,
                                       GError       **error);
char         *_sam_store_format_utc   (GDateTime     *when);
gboolean      _sam_store_check_text   (const char    *text,
                                       GError       **error);
gboolean      _sam_text_is_blank      (const char    *text);

/* The meeting checks the votes share (sam-store-meetings.c). */
SamMeetingTemplate *_sam_store_meeting_template   (SamStore            *store,
                                                   gint64               meeting_id,
                                                   GError             **error);
gboolean            _sam_store_check_meeting_step (SamMeetingTemplate  *template,
                                                   const char          *step,
                                                   GError             **error);
gboolean            _sam_store_check_action_fields (const char  *due,
                                                    const char  *item,
                                                    const char  *domain,
                                                    GError     **error);

G_END_DECLS
