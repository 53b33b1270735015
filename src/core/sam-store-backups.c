/* sam-store-backups.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-backups.h"

#define SUFFIX_REPLACED ".replaced"

void
sam_backup_free (SamBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->stamp);
  g_clear_pointer (&backup->when, g_date_time_unref);
  g_free (backup);
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* "20261202-081500" as a local time, or NULL. */
static GDateTime *
parse_stamp (const char *stamp)
{
  int y, mo, d, h, mi, s;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  if (strlen (stamp) != 15 || stamp[8] != '-')
    return NULL;
  for (guint i = 0; i < 15; i++)
    if (i != 8 && !g_ascii_isdigit (stamp[i]))
      return NULL;
  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new (local, y, mo, d, h, mi, s);
}

/* What a file beside the database is, where it is one of its backups. */
static SamBackup *
backup_from_name (const char *dir,
                  const char *db_name,
                  const char *name)
{
  g_autofree char *rest = NULL;
  g_autoptr(SamBackup) backup = g_new0 (SamBackup, 1);
  const char *stamp;
  gsize prefix = strlen (db_name);

  if (!g_str_has_prefix (name, db_name) || name[prefix] != '.' || !g_str_has_suffix (name, ".bak"))
    return NULL;
  rest = g_strndup (name + prefix + 1, strlen (name) - prefix - 1 - strlen (".bak"));
  stamp = rest;
  backup->kind = SAM_BACKUP_DAILY;
  if (rest[0] == 'v')
    {
      const char *dash = strchr (rest, '-');

      if (dash == NULL)
        return NULL;
      for (const char *p = rest + 1; p < dash; p++)
        if (!g_ascii_isdigit (*p))
          return NULL;
      stamp = dash + 1;
      backup->kind = SAM_BACKUP_UPGRADE;
    }
  else if (g_str_has_suffix (rest, SUFFIX_REPLACED))
    {
      rest[strlen (rest) - strlen (SUFFIX_REPLACED)] = '\0';
      backup->kind = SAM_BACKUP_REPLACED;
    }
  backup->when = parse_stamp (stamp);
  if (backup->when == NULL)
    return NULL;
  backup->stamp = g_strdup (stamp);
  backup->path = g_build_filename (dir, name, NULL);
  return g_steal_pointer (&backup);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SamBackup *x = *(SamBackup * const *) a;
  const SamBackup *y = *(SamBackup * const *) b;
  int by_time = g_date_time_compare (y->when, x->when);

  return by_time != 0 ? by_time : g_strcmp0 (y->path, x->path);
}

/* Opens a database file for reading only, touching nothing: a backup has no journal. */
static sqlite3 *
open_untouched (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    g_clear_pointer (&db, sqlite3_close);
  return db;
}

static gboolean
count (sqlite3    *db,
       const char *sql,
       guint      *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* The application id a Samarbejde database carries ("SAMB"), and a whole file. */
static gboolean
is_our_database (sqlite3  *db,
                 gboolean  checked)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ours = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ours = sqlite3_column_int64 (stmt, 0) == 0x53414D42;
  sqlite3_finalize (stmt);
  if (!ours || !checked)
    return ours;
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ours = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  else
    ours = FALSE;
  sqlite3_finalize (stmt);
  return ours;
}

/* What a backup holds, for the list a person chooses from. */
static void
describe (SamBackup *backup)
{
  sqlite3 *db = open_untouched (backup->path);

  /* A look at its header only: listing stays quick; a restore checks it whole. */
  backup->readable = db != NULL && is_our_database (db, FALSE) &&
                     count (db, "SELECT count(*) FROM rounds", &backup->n_rounds) &&
                     count (db, "SELECT count(*) FROM respondents", &backup->n_respondents);
  sqlite3_close (db);
}

/* The database's backups, newest first; with what each holds where @describe_them. */
static GPtrArray *
list_backups (const char *db_path,
              gboolean    describe_them)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *db_name = g_path_get_basename (db_path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_backup_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      SamBackup *backup = backup_from_name (dir, db_name, name);

      if (backup == NULL)
        continue;
      if (describe_them)
        describe (backup);
      g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/**
 * sam_backups_list:
 * @db_path: the database
 *
 * Returns: (transfer full) (element-type SamBackup): the database's backups, newest
 *   first, each with what it holds
 */
GPtrArray *
sam_backups_list (const char *db_path)
{
  return list_backups (db_path, TRUE);
}

/**
 * sam_backups_has_today:
 *
 * Returns: whether a backup of the database was written today (local time)
 */
gboolean
sam_backups_has_today (const char *db_path)
{
  g_autoptr(GPtrArray) backups = list_backups (db_path, FALSE);
  g_autofree char *today = now_stamp ();

  today[8] = '\0';
  for (guint i = 0; i < backups->len; i++)
    if (g_str_has_prefix (((SamBackup *) g_ptr_array_index (backups, i))->stamp, today))
      return TRUE;
  return FALSE;
}

/**
 * sam_backups_prune:
 *
 * Keeps the newest %SAM_BACKUPS_KEPT daily backups and removes older daily ones; copies
 * made before an upgrade or a restore stay.
 */
void
sam_backups_prune (const char *db_path)
{
  g_autoptr(GPtrArray) backups = list_backups (db_path, FALSE);
  guint n_daily = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (backups, i);

      if (backup->kind != SAM_BACKUP_DAILY || ++n_daily <= SAM_BACKUPS_KEPT)
        continue;
      if (g_unlink (backup->path) != 0)
        g_debug ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

/**
 * sam_backups_create_private:
 *
 * Creates @path as a new file readable by its owner alone; never one that is there already.
 * The database itself is made the same way.
 *
 * Returns: 0, or the errno of the failure
 */
int
sam_backups_create_private (const char *path)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return errno;
  g_close (fd, NULL);
  return 0;
}

static gboolean
create_private (const char  *path,
                GError     **error)
{
  int failed = sam_backups_create_private (path);

  if (failed != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (failed),
                   _("Could not create the backup “%s”: %s"), path, g_strerror (failed));
      return FALSE;
    }
  return TRUE;
}

/* Copies @source whole into the new file @path through SQLite's backup API. */
static gboolean
copy_database (sqlite3     *source,
               const char  *path,
               GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!create_private (path, error))
    return FALSE;
  rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
      else
        rc = sqlite3_errcode (copy);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not copy the database to “%s”: %s"),
                   path, copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close (copy);
  return TRUE;
}

/**
 * sam_backups_write:
 * @db: the open database
 * @db_path: its file
 * @kind: the reason for the copy
 * @version: with %SAM_BACKUP_UPGRADE, the version upgraded from
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set (and no file left)
 */
char *
sam_backups_write (sqlite3        *db,
                   const char     *db_path,
                   SamBackupKind   kind,
                   int             version,
                   GError        **error)
{
  g_autofree char *stamp = now_stamp ();
  g_autofree char *path = NULL;

  g_return_val_if_fail (db != NULL && db_path != NULL, NULL);

  switch (kind)
    {
    case SAM_BACKUP_UPGRADE:
      path = g_strdup_printf ("%s.v%d-%s.bak", db_path, version, stamp);
      break;
    case SAM_BACKUP_REPLACED:
      path = g_strdup_printf ("%s.%s" SUFFIX_REPLACED ".bak", db_path, stamp);
      break;
    case SAM_BACKUP_DAILY:
    default:
      path = g_strdup_printf ("%s.%s.bak", db_path, stamp);
      break;
    }
  if (!copy_database (db, path, error))
    return NULL;
  if (kind == SAM_BACKUP_DAILY)
    sam_backups_prune (db_path);
  return g_steal_pointer (&path);
}

/* Keeps the file a restore replaces: through SQLite where it reads, byte for byte where it
 * does not (a damaged file is still someone's data). */
static char *
keep_replaced (const char  *db_path,
               GError     **error)
{
  g_autofree char *stamp = now_stamp ();
  g_autofree char *path = g_strdup_printf ("%s.%s" SUFFIX_REPLACED ".bak", db_path, stamp);
  g_autofree char *escaped = g_uri_escape_string (db_path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", escaped);
  g_autoptr(GFile) source = g_file_new_for_path (db_path);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  sqlite3 *db = NULL;
  gboolean copied = FALSE;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
    copied = copy_database (db, path, NULL);
  sqlite3_close (db);
  if (copied)
    return g_steal_pointer (&path);

  if (!create_private (path, error))
    return NULL;
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/**
 * sam_backups_restore:
 * @db_path: the database, which must not be open
 * @backup_path: the backup to put in its place
 * @replaced_path: (out) (optional) (transfer full): where the replaced file was kept
 *
 * Puts a backup in the database's place, keeping the current file as a backup too. The
 * new file is written beside it and moved into place in one step, so a failure leaves
 * the database as it was.
 */
gboolean
sam_backups_restore (const char  *db_path,
                     const char  *backup_path,
                     char       **replaced_path,
                     GError     **error)
{
  g_autofree char *replaced = NULL;
  g_autofree char *temporary = g_strdup_printf ("%s.restoring", db_path);
  g_autofree char *wal = g_strdup_printf ("%s-wal", db_path);
  g_autofree char *shm = g_strdup_printf ("%s-shm", db_path);
  g_autofree char *journal = g_strdup_printf ("%s-journal", db_path);
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);

  source = open_untouched (backup_path);
  /* Ours, whole, and not empty: anything else would put nothing in the data's place. */
  if (source != NULL && !is_our_database (source, TRUE))
    g_clear_pointer (&source, sqlite3_close);
  if (source == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The backup “%s” could not be read"),
                   backup_path);
      return FALSE;
    }

  g_unlink (temporary);
  ok = copy_database (source, temporary, error);
  sqlite3_close (source);
  if (!ok)
    return FALSE;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      (replaced = keep_replaced (db_path, error)) == NULL)
    {
      g_unlink (temporary);
      return FALSE;
    }

  if (g_rename (temporary, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not put the backup in place of “%s”: %s"),
                   db_path, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }
  /* The old file's journal belongs to it, not to the restored one. */
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  if (replaced_path != NULL)
    *replaced_path = g_steal_pointer (&replaced);
  return TRUE;
}
