/* sam-store-settings.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the database holds in sum, the settings kept in it, and emptying it. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"
#include "sam-store-rows.h"

gboolean
sam_store_get_summary (SamStore         *self,
                       SamStoreSummary  *summary,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = _sam_store_prepare (self,
                  "SELECT (SELECT count(*) FROM clusters), (SELECT count(*) FROM clinics),"
                  " (SELECT count(*) FROM rounds), (SELECT count(*) FROM respondents),"
                  " (SELECT count(*) FROM answers)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (self, error, rc);

  summary->n_clusters = sqlite3_column_int (stmt, 0);
  summary->n_clinics = sqlite3_column_int (stmt, 1);
  summary->n_rounds = sqlite3_column_int (stmt, 2);
  summary->n_respondents = sqlite3_column_int (stmt, 3);
  summary->n_answers = sqlite3_column_int (stmt, 4);
  return TRUE;
}

/* Empty means nothing to show: no round and no clinic yet. */
gboolean
sam_store_is_empty (SamStore *self)
{
  SamStoreSummary summary = { 0 };

  g_return_val_if_fail (SAM_IS_STORE (self), TRUE);

  if (!sam_store_get_summary (self, &summary, NULL))
    return TRUE;
  return summary.n_rounds == 0 && summary.n_clinics == 0;
}

/* Settings */

char *
sam_store_get_setting (SamStore   *self,
                       const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _sam_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _sam_store_column_dup (stmt, 0);
}

gboolean
sam_store_set_setting (SamStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = _sam_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = _sam_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;

  _sam_store_mark_changed (self);
  return TRUE;
}

int
sam_store_get_min_group_size (SamStore *self)
{
  g_autofree char *value = NULL;
  gint64 k;

  g_return_val_if_fail (SAM_IS_STORE (self), SAM_MIN_GROUP_SIZE_DEFAULT);

  value = sam_store_get_setting (self, "min-group-size");
  if (value == NULL ||
      !g_ascii_string_to_signed (value, 10, SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX,
                                 &k, NULL))
    return SAM_MIN_GROUP_SIZE_DEFAULT;
  return (int) k;
}

/**
 * sam_min_group_size_warning:
 * @k: a minimum group size below 3
 *
 * Returns: (transfer full): what a minimum group size of @k exposes, for whoever chooses it
 *   (the window's question, the command line's warning)
 */
char *
sam_min_group_size_warning (int k)
{
  return g_strdup_printf (ngettext ("Figures built on the answers of only %d person will be shown "
                                    "in cluster views, the meeting deck and exported files. In a "
                                    "small clinic, colleagues and the cluster can then work out "
                                    "what each person answered. Lower it only when everyone in the "
                                    "cluster has agreed to share openly.",
                                    "Figures built on the answers of only %d people will be shown "
                                    "in cluster views, the meeting deck and exported files. In a "
                                    "small clinic, colleagues and the cluster can then work out "
                                    "what each person answered. Lower it only when everyone in the "
                                    "cluster has agreed to share openly.", k),
                          k);
}

/**
 * sam_store_set_min_group_size:
 * @k: the minimum group size, 1 to 10
 *
 * Asking before going below 3 is the caller's job; the store only keeps the range.
 */
gboolean
sam_store_set_min_group_size (SamStore  *self,
                              int        k,
                              GError   **error)
{
  char value[16];

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (k < SAM_MIN_GROUP_SIZE_MIN || k > SAM_MIN_GROUP_SIZE_MAX)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The minimum group size must be from %d to %d"),
                   SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX);
      return FALSE;
    }
  g_snprintf (value, sizeof value, "%d", k);
  return sam_store_set_setting (self, "min-group-size", value, error);
}

/**
 * sam_store_get_own_clinic:
 *
 * Returns: the clinic this computer belongs to, or 0 for none (a coordinator)
 */
gint64
sam_store_get_own_clinic (SamStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  /* A clinic that is gone no longer counts. */
  stmt = _sam_store_prepare (self, "SELECT c.id FROM settings s JOIN clinics c"
                                   " ON c.id = CAST (s.value AS INTEGER)"
                        " WHERE s.key = 'own-clinic'", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
sam_store_set_own_clinic (SamStore  *self,
                          gint64     clinic_id,
                          GError   **error)
{
  char value[32];
  gint64 exists = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (clinic_id <= 0)
    return sam_store_set_setting (self, "own-clinic", NULL, error);

  g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, clinic_id);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM clinics WHERE id = %s", value);

    if (!_sam_store_query_int (self, sql, &exists, error))
      return FALSE;
  }
  if (exists == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("There is no such clinic"));
      return FALSE;
    }
  return sam_store_set_setting (self, "own-clinic", value, error);
}

/* Emptying */

/* Every table emptied, as part of the caller's transaction; the references are checked at
 * its commit, so the tables are emptied in any order. */
gboolean
_sam_store_clear (SamStore  *self,
                  GError   **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (sam_store_in_transaction (self), FALSE);

  ok = _sam_store_exec (self, "PRAGMA defer_foreign_keys = ON", error);
  stmt = ok ? _sam_store_prepare (self, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                  " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", error) : NULL;
  ok = ok && stmt != NULL;
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, _sam_store_column_dup (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; ok && i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));

      ok = _sam_store_exec (self, sql, error);
    }
  return ok;
}
