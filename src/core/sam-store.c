/* sam-store.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-backups.h"
#include "sam-dates.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-paths.h"
#include "sam-store-private.h"

/* Marks a file as ours ("SAMB"), so that another program's database is never taken over. */
#define SAM_STORE_APPLICATION_ID 0x53414D42

static void sam_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SamStore, sam_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      sam_store_initable_iface_init))

G_DEFINE_QUARK (sam-store-error-quark, sam_store_error)

static void backup_before_change (SamStore *self);

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* SQLite's own "full", or a write the system refused for want of room. */
static gboolean
disk_is_full (SamStore *self,
              int       rc)
{
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

  return (rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EFBIG ||
         system_errno == EDQUOT;
}

gboolean
_sam_store_set_error (SamStore  *self,
                      GError   **error,
                      int        rc)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = SAM_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CONSTRAINT:
      code = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
             ? SAM_STORE_ERROR_EXISTS : SAM_STORE_ERROR_INVALID;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = SAM_STORE_ERROR_OPEN;
      break;
    default:
      code = SAM_STORE_ERROR_FAILED;
      break;
    }

  if (code == SAM_STORE_ERROR_CORRUPT)
    g_set_error (error, SAM_STORE_ERROR, code,
                 _("“%s” is not a Samarbejde database, or it is damaged (%s)"),
                 self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_READONLY)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                 _("“%s” can only be read, so nothing was changed (%s)"),
                 self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                 _("“%s” could not be written, so nothing was changed: %s"),
                 self->path,
                 disk_is_full (self, rc) ? _("the disk is full")
                 : self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_BUSY)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                 _("“%s” is in use by another program that did not finish in time; nothing "
                   "was changed"),
                 self->path);
  else
    g_set_error_literal (error, SAM_STORE_ERROR, code,
                         self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
_sam_store_exec (SamStore    *self,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

/* A statement prepared once and kept: for what runs thousands of times in an import. The
 * statement is borrowed, reset and without bindings; @sql must be a string literal, as it
 * is the key. Callers reset a query when they have read it, so that no statement keeps a
 * read transaction open between calls. */
sqlite3_stmt *
_sam_store_prepare_cached (SamStore    *self,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (!sqlite3_stmt_readonly (stmt))
        backup_before_change (self);
      return stmt;
    }
  stmt = _sam_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Before the first change of a day, a copy of the database as it was (sam-backups.h).
 * Called before anything that writes, outside a transaction: a transaction's BEGIN calls
 * it, and so does a single statement that writes. A copy that cannot be written does not
 * stop the work; it is said in the log. */
static void
backup_before_change (SamStore *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->read_only || self->depth > 0 || self->db == NULL ||
      (self->flags & SAM_STORE_OPEN_NO_BACKUPS) != 0)
    return;
  now = g_date_time_new_now_local ();
  day = g_date_time_format (now, "%Y%m%d");
  if (g_strcmp0 (day, self->backup_day) == 0)
    return;
  g_free (self->backup_day);
  self->backup_day = g_strdup (day);
  /* Nothing worth keeping yet. */
  if (sam_store_is_empty (self) || sam_backups_has_today (self->path))
    return;
  path = sam_backups_write (self->db, self->path, SAM_BACKUP_DAILY, 0, &error);
  if (path == NULL)
    g_warning ("No backup of the day was written: %s", error->message);
  else
    g_debug ("Wrote the backup of the day, %s", path);
}

gboolean
_sam_store_query_int (SamStore    *self,
                      const char  *sql,
                      gint64      *out,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (self, error, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
_sam_store_mark_changed (SamStore *self)
{
  if (self->depth > 0)
    self->dirty = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Transactions: the outermost is a real one, inner ones are savepoints. */

/* Savepoints run once per respondent in an import, so their statements are kept. */
static gboolean
run_savepoint (SamStore    *self,
               const char  *verb,
               guint        depth,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s sam_%u", verb, depth);
  sqlite3_stmt *stmt = g_hash_table_lookup (self->savepoints, sql);
  int rc;

  if (stmt == NULL)
    {
      stmt = _sam_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      g_hash_table_insert (self->savepoints, g_steal_pointer (&sql), stmt);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

gboolean
sam_store_begin (SamStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (self->depth == 0)
    backup_before_change (self);
  /* A file that can only be read still reads as one view. */
  if (self->depth == 0 ? !_sam_store_exec (self,
                                           self->read_only ? "BEGIN" : "BEGIN IMMEDIATE", error)
                       : !run_savepoint (self, "SAVEPOINT", self->depth, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
sam_store_commit (SamStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1 ? !_sam_store_exec (self, "COMMIT", error)
                       : !run_savepoint (self, "RELEASE", self->depth - 1, error))
    {
      sam_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0 && self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

gboolean
sam_store_in_transaction (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return self->depth > 0;
}

void
sam_store_rollback (SamStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SAM_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sql = g_strdup ("ROLLBACK");
      self->dirty = FALSE;
    }
  else
    sql = g_strdup_printf ("ROLLBACK TO sam_%u; RELEASE sam_%u", self->depth, self->depth);

  /* A rollback fails only where sqlite already rolled back by itself. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* Opening, checking and upgrading */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int failed = sam_backups_create_private (path);

  if (failed != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), path, g_strerror (failed));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_backup (SamStore  *self,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_free (self->backup_path);
  self->backup_path = sam_backups_write (self->db, self->path, SAM_BACKUP_UPGRADE,
                                         self->schema_version,
                                         &local_error);
  if (self->backup_path == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_BACKUP,
                   _("No backup could be written before the upgrade: %s"), local_error->message);
      return FALSE;
    }
  g_debug ("Wrote a backup of schema version %d to %s", self->schema_version, self->backup_path);
  return TRUE;
}

static gboolean
migrate (SamStore  *self,
         GError   **error)
{
  g_autofree char *sql = NULL;

  if (!sam_store_begin (self, error))
    return FALSE;

  for (int version = self->schema_version; version < SAM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *step = _sam_store_migration_sql (version);

      if (!_sam_store_exec (self, step, error))
        {
          g_prefix_error (error, _("The upgrade to version %d failed: "), version + 1);
          sam_store_rollback (self);
          return FALSE;
        }
    }

  sql = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                         SAM_STORE_SCHEMA_VERSION, SAM_STORE_APPLICATION_ID);
  if (!_sam_store_exec (self, sql, error))
    {
      sam_store_rollback (self);
      return FALSE;
    }
  if (!sam_store_commit (self, error))
    return FALSE;

  self->schema_version = SAM_STORE_SCHEMA_VERSION;
  return TRUE;
}

/* Whether the file, or the folder where SQLite keeps its journal beside it, may not be
 * written by this user. */
static gboolean
cannot_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0;
}

static int
open_database (SamStore   *self,
               gboolean    immutable)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  g_clear_pointer (&self->db, sqlite3_close);
  if (!self->read_only)
    return sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  /* Read-only: nothing is created or changed; a copy on a read-only share, whose journal
   * cannot be kept beside it, is read as it stands. */
  escaped = g_uri_escape_string (self->path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?%s", escaped, immutable ? "immutable=1" : "mode=ro");
  return sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* SQLite calls this while another connection holds the lock: wait, say so once, and give
 * up only after the time allowed. */
static int
on_busy (void *data,
         int   n_calls)
{
  SamStore *self = data;
  const int step_ms = 50;

  if ((guint) n_calls * step_ms >= self->busy_seconds * 1000)
    return 0;
  if (n_calls * step_ms >= 1000 && !self->busy_told && self->busy_func != NULL)
    {
      self->busy_told = TRUE;
      self->busy_func (self, self->busy_data);
    }
  sqlite3_sleep (step_ms);
  return 1;
}

static gboolean
sam_store_initable_init (GInitable     *initable,
                         GCancellable  *cancellable,
                         GError       **error)
{
  SamStore *self = SAM_STORE (initable);
  gboolean existed;
  gint64 version = 0, application_id = 0, n_tables = 0;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (self->path != NULL, FALSE);

  existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (!existed && (self->flags & SAM_STORE_OPEN_EXISTING) != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_MISSING,
                   _("There is no database “%s”"), self->path);
      return FALSE;
    }
  if (existed && !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("“%s” is not a file"), self->path);
      return FALSE;
    }
  if (!existed && !sam_paths_ensure_parent_dir (self->path, error))
    {
      g_prefix_error (error, _("There is no database “%s”, and none could be made: "), self->path);
      return FALSE;
    }
  if (!existed && !create_private_file (self->path, error))
    return FALSE;

  self->read_only = existed && cannot_write (self->path);
  rc = open_database (self, FALSE);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  self->busy_seconds = 30;
  sqlite3_busy_handler (self->db, on_busy, self);

  /* Read before anything is written, so that a foreign or newer file stays as it is. */
  if (!_sam_store_query_int (self, "PRAGMA user_version", &version, &local_error) &&
      self->read_only)
    {
      /* A database in WAL mode whose journal cannot be made beside it. */
      g_clear_error (&local_error);
      if (open_database (self, TRUE) != SQLITE_OK)
        goto fail_open;
      sqlite3_extended_result_codes (self->db, 1);
      _sam_store_query_int (self, "PRAGMA user_version", &version, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (!_sam_store_query_int (self, "PRAGMA application_id", &application_id, error) ||
      !_sam_store_query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    goto fail;

  if (application_id != 0 && application_id != SAM_STORE_APPLICATION_ID)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                   _("“%s” belongs to another program and was left as it is"), self->path);
      goto fail;
    }
  if (application_id == 0 && n_tables > 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                   _("“%s” is a database of another program and was left as it is"),
                   self->path);
      goto fail;
    }
  if (version > SAM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Samarbejde (data version %d; "
                     "this version reads up to %d). Update the app to open it."),
                   self->path, (int) version, SAM_STORE_SCHEMA_VERSION);
      goto fail;
    }
  self->schema_version = (int) version;

  /* A damaged file is never written to: not a page of it, not a migration. */
  if (n_tables > 0)
    {
      g_autoptr(sqlite3_stmt) check = _sam_store_prepare (self, "PRAGMA quick_check(1)", error);
      const char *result;

      if (check == NULL)
        goto fail;
      rc = sqlite3_step (check);
      result = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (check, 0) : NULL;
      if (g_strcmp0 (result, "ok") != 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged, so nothing was read from it or written to it (%s)"),
                       self->path, result != NULL ? result : sqlite3_errmsg (self->db));
          goto fail;
        }
    }

  if (!_sam_store_exec (self, "PRAGMA foreign_keys = ON", error))
    goto fail;
  /* A national cluster's data is tens of megabytes; keep it in memory while it is worked on. */
  if (!_sam_store_exec (self, "PRAGMA cache_size = -32768", error))
    goto fail;
  if (!self->read_only)
    {
      /* Readable by the user alone, whatever it was; the journal SQLite keeps beside it
       * takes the file's mode. */
      if (g_chmod (self->path, 0600) != 0)
        g_debug ("Could not make %s private: %s", self->path, g_strerror (errno));
      if (!_sam_store_exec (self, "PRAGMA journal_mode = WAL", error))
        goto fail;
    }

  if (self->schema_version < SAM_STORE_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                       _("“%s” is from an older version of Samarbejde and needs an upgrade, "
                         "but it can only be read"), self->path);
          goto fail;
        }
      if (self->schema_version > 0 && !write_backup (self, error))
        goto fail;
      if (!migrate (self, error))
        goto fail;
    }

  if (!_sam_store_query_int (self, "PRAGMA data_version", &self->data_version, error))
    goto fail;
  return TRUE;

fail_open:
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
               _("Could not open the database “%s”: %s"), self->path,
               self->db ? sqlite3_errmsg (self->db) : "");
fail:
  g_clear_pointer (&self->db, sqlite3_close);
  return FALSE;
}

static void
sam_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = sam_store_initable_init;
}

static void
sam_store_finalize (GObject *object)
{
  SamStore *self = (SamStore *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_free (self->backup_day);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->answer_inserts, g_ptr_array_unref);
  g_clear_pointer (&self->savepoints, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->depth > 0)
        g_critical ("A store was finalized inside a transaction; its changes are rolled back");
      sqlite3_close (self->db);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (sam_store_parent_class)->finalize (object);
}

static void
sam_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SamStore *self = SAM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SamStore *self = SAM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_store_class_init (SamStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_store_finalize;
  object_class->get_property = sam_store_get_property;
  object_class->set_property = sam_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamStore::changed:
   *
   * Emitted after a change to the data was committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sam_store_init (SamStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->savepoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->answer_inserts = g_ptr_array_new_with_free_func (finalize_statement);
}

/* Public API */

/**
 * sam_store_new:
 * @path: the database file; created (0600, in a 0700 folder) where it does not exist
 * @error: return location for an error
 *
 * Opens the database, upgrading an older one after writing a backup beside it. A file
 * that is damaged, foreign or from a newer version is left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SamStore *
sam_store_new (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (SAM_TYPE_STORE, NULL, error, "path", path, NULL);
}

/**
 * sam_store_open:
 * @flags: %SAM_STORE_OPEN_EXISTING where a missing file is an error (commands that only
 *   read create nothing)
 *
 * As sam_store_new(). A file this user may not write (or whose folder they may not write)
 * is opened read-only: reads work, and a change fails with a message naming the file.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SamStore *
sam_store_open (const char         *path,
                SamStoreOpenFlags   flags,
                GError            **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (SAM_TYPE_STORE, NULL, error, "path", path, "flags", (guint) flags, NULL);
}

/**
 * sam_store_set_busy_wait:
 * @seconds: how long a change waits for another program that holds the database
 * @func: (nullable): called once a change has waited a second, to say so
 */
void
sam_store_set_busy_wait (SamStore         *self,
                         guint             seconds,
                         SamStoreBusyFunc  func,
                         gpointer          user_data)
{
  g_return_if_fail (SAM_IS_STORE (self));

  self->busy_seconds = seconds;
  self->busy_func = func;
  self->busy_data = user_data;
  self->busy_told = FALSE;
}

static gboolean
check_other_writers (gpointer data)
{
  SamStore *self = data;
  gint64 version = 0;

  /* Inside a transaction the view is this connection's own. */
  if (self->depth == 0 && _sam_store_query_int (self, "PRAGMA data_version", &version, NULL) &&
      version != self->data_version)
    {
      self->data_version = version;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * sam_store_watch_other_writers:
 * @interval_ms: how often to look, or 0 to stop
 *
 * Emits #SamStore::changed when another program (the command line, another window)
 * committed a change to the same file, so that what is shown is never stale. Looking
 * costs microseconds: SQLite's data_version.
 */
void
sam_store_watch_other_writers (SamStore *self,
                               guint     interval_ms)
{
  g_return_if_fail (SAM_IS_STORE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, check_other_writers, self);
}

/**
 * sam_store_check_other_writers:
 *
 * Looks at once whether another program changed the file, as the watch does.
 */
void
sam_store_check_other_writers (SamStore *self)
{
  g_return_if_fail (SAM_IS_STORE (self));

  check_other_writers (self);
}

const char *
sam_store_get_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sam_store_get_backup_path:
 *
 * Returns: (nullable): the copy written before an upgrade when this store was opened
 */
const char *
sam_store_get_backup_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->backup_path;
}

int
sam_store_get_schema_version (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  return self->schema_version;
}

/* Helpers for the core modules that keep rows of their own (sam-store-private.h) */

gboolean
_sam_store_set_invalid (GError     **error,
                        const char  *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error,
                     g_error_new_valist (SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

sqlite3_stmt *
_sam_store_prepare (SamStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc);
      return NULL;
    }
  if (!sqlite3_stmt_readonly (stmt))
    backup_before_change (self);
  return stmt;
}

/* NULL is bound as SQL NULL. */
void
_sam_store_bind_text (sqlite3_stmt *stmt,
                      int           column,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

char *
_sam_store_column_dup (sqlite3_stmt *stmt,
                       int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
_sam_store_step_done (SamStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

/* Ends a change begun with sam_store_begin(): kept where @ok, else rolled back. */
gboolean
_sam_store_finish (SamStore  *self,
                   gboolean   ok,
                   GError   **error)
{
  if (!ok)
    {
      sam_store_rollback (self);
      return FALSE;
    }
  return sam_store_commit (self, error);
}

/* A time as the store keeps it: ISO 8601 in UTC; now where @when is NULL. */
char *
_sam_store_format_utc (GDateTime *when)
{
  g_autoptr(GDateTime) utc = when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
_sam_store_check_text (const char  *text,
                       GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return _sam_store_set_invalid (error, "%s", _("The text is not valid UTF-8"));
  return TRUE;
}

gboolean
_sam_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
