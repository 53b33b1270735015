/* sam-store-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Figures and tallies (sam-store-rows.h): the national reference, the figures and tallies
 * that travel between a cluster's computers as files, and a round's answers read for its
 * results. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-instrument.h"
#include "sam-store-private.h"
#include "sam-store-rows.h"

void
_sam_store_figure_row_free (gpointer data)
{
  SamStoreFigureRow *row = data;

  g_free (row->round);
  g_free (row->scope);
  g_free (row->unit);
  g_free (row->item);
  g_free (row->mean);
  g_free (row->favourable);
  g_free (row->distribution);
  g_free (row);
}

/* The national reference */

static gboolean
insert_reference (SamStore                 *store,
                  sqlite3_stmt             *stmt,
                  const SamStoreFigureRow  *row,
                  GError                  **error)
{
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, row->round, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->item, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row->n);
  sqlite3_bind_text (stmt, 4, row->mean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->favourable, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->distribution, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, row->suppressed);
  return _sam_store_step_done (store, stmt, error);
}

#define REFERENCE_INSERT \
  "INSERT INTO reference (round_label, item, n, mean, favourable, distribution, suppressed)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"

gboolean
_sam_store_add_reference_row (SamStore                 *store,
                              const SamStoreFigureRow  *row,
                              GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, REFERENCE_INSERT, error);

  return stmt != NULL && insert_reference (store, stmt, row, error);
}

/* The rounds of @round_labels lose what they had; @rows take their place. */
gboolean
_sam_store_replace_reference (SamStore   *store,
                              GPtrArray  *round_labels,
                              GPtrArray  *rows,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  remove = _sam_store_prepare (store, "DELETE FROM reference WHERE round_label = ?1", error);
  if (remove == NULL)
    return FALSE;
  insert = _sam_store_prepare (store, REFERENCE_INSERT, error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < round_labels->len; i++)
    {
      sqlite3_reset (remove);
      sqlite3_bind_text (remove, 1, g_ptr_array_index (round_labels, i), -1, SQLITE_STATIC);
      if (!_sam_store_step_done (store, remove, error))
        return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    if (!insert_reference (store, insert, g_ptr_array_index (rows, i), error))
      return FALSE;
  return TRUE;
}

static gpointer
label_from_row (sqlite3_stmt *stmt)
{
  return _sam_store_column_dup (stmt, 0);
}

GPtrArray *
_sam_store_list_reference_rounds (SamStore  *store,
                                  GError   **error)
{
  return _sam_store_list_rows (store, "SELECT DISTINCT round_label FROM reference"
                                      " ORDER BY round_label",
                               0, label_from_row, g_free, error);
}

/* Columns from @first: item, n, mean, favourable, distribution, suppressed. */
static SamStoreFigureRow *
figure_from_columns (sqlite3_stmt *stmt,
                     int           first)
{
  SamStoreFigureRow *row = g_new0 (SamStoreFigureRow, 1);

  row->item = _sam_store_column_dup (stmt, first);
  row->n = sqlite3_column_int64 (stmt, first + 1);
  row->mean = _sam_store_column_dup (stmt, first + 2);
  row->favourable = _sam_store_column_dup (stmt, first + 3);
  row->distribution = _sam_store_column_dup (stmt, first + 4);
  row->suppressed = sqlite3_column_int (stmt, first + 5) != 0;
  return row;
}

/* The reference rows of one round, without their round. */
GPtrArray *
_sam_store_list_reference (SamStore    *store,
                           const char  *round_label,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (_sam_store_figure_row_free);
  int rc;

  stmt = _sam_store_prepare (store, "SELECT item, n, mean, favourable, distribution, suppressed"
                                    " FROM reference WHERE round_label = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, round_label, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, figure_from_columns (stmt, 0));
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (store, error, rc), NULL;
  return g_steal_pointer (&rows);
}

/* The cluster's figures, received */

/* Each out value is %NULL where no file came for the round. */
gboolean
_sam_store_get_received_figures (SamStore  *store,
                                 gint64     round_id,
                                 char     **filename,
                                 char     **imported,
                                 char     **sha256,
                                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sam_store_prepare (store, "SELECT filename, imported, sha256 FROM received_figures"
                                    " WHERE round_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (filename != NULL)
        *filename = _sam_store_column_dup (stmt, 0);
      if (imported != NULL)
        *imported = _sam_store_column_dup (stmt, 1);
      if (sha256 != NULL)
        *sha256 = _sam_store_column_dup (stmt, 2);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sam_store_set_error (store, error, rc);
  return TRUE;
}

gboolean
_sam_store_set_received_figures (SamStore    *store,
                                 gint64       round_id,
                                 int          k,
                                 const char  *filename,
                                 const char  *sha256,
                                 const char  *imported,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sam_store_prepare (store, "INSERT OR REPLACE INTO received_figures"
                                    " (round_id, k, filename, sha256, imported)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, k);
  sqlite3_bind_text (stmt, 3, filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, imported, -1, SQLITE_STATIC);
  return _sam_store_step_done (store, stmt, error);
}

/* The rows of the file received for @round_label of @cluster; a clinic row names the clinic
 * of that code in the cluster @cluster_id, where there is one. */
GPtrArray *
_sam_store_list_cluster_figures (SamStore    *store,
                                 const char  *round_label,
                                 const char  *cluster,
                                 gint64       cluster_id,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (_sam_store_figure_row_free);
  int rc;

  stmt = _sam_store_prepare (store, "SELECT f.item, f.n, f.mean, f.favourable, f.distribution,"
                                    " f.suppressed, f.scope, f.unit, coalesce (c.id, 0)"
                                    " FROM cluster_figures f"
                                    " LEFT JOIN clinics c ON c.cluster_id = ?3 AND c.code = f.unit"
                                    "  AND f.scope = 'clinic'"
                                    " WHERE f.round_label = ?1 AND f.cluster = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, round_label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cluster, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, cluster_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamStoreFigureRow *row = figure_from_columns (stmt, 0);

      row->scope = _sam_store_column_dup (stmt, 6);
      row->unit = _sam_store_column_dup (stmt, 7);
      row->clinic_id = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (store, error, rc), NULL;
  return g_steal_pointer (&rows);
}

/* The figures of @round_label for @cluster become @rows. */
gboolean
_sam_store_replace_cluster_figures (SamStore    *store,
                                    const char  *round_label,
                                    const char  *cluster,
                                    GPtrArray   *rows,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  remove = _sam_store_prepare (store, "DELETE FROM cluster_figures WHERE round_label = ?1"
                                      " AND cluster = ?2", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_text (remove, 1, round_label, -1, SQLITE_STATIC);
  sqlite3_bind_text (remove, 2, cluster, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (store, remove, error))
    return FALSE;

  insert = _sam_store_prepare (store, "INSERT INTO cluster_figures (round_label, cluster, scope,"
                                      " unit, item, n, mean, favourable, distribution, suppressed)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const SamStoreFigureRow *row = g_ptr_array_index (rows, i);

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, round_label, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, cluster, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, row->scope, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, row->unit, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, row->item, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 6, row->n);
      sqlite3_bind_text (insert, 7, row->mean, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, row->favourable, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, row->distribution, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 10, row->suppressed ? 1 : 0);
      if (!_sam_store_step_done (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

/* A clinic's tallies */

/* What the clinic's last tallies file held, or %NULL where none was written (or on error:
 * then nothing is said to have changed). */
char *
_sam_store_get_sent_fingerprint (SamStore *store,
                                 gint64    round_id,
                                 gint64    clinic_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sam_store_prepare (store, "SELECT fingerprint FROM sent_tallies"
                                    " WHERE round_id = ?1 AND clinic_id = ?2", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _sam_store_column_dup (stmt, 0);
}

gboolean
_sam_store_set_sent_fingerprint (SamStore    *store,
                                 gint64       round_id,
                                 gint64       clinic_id,
                                 const char  *fingerprint,
                                 const char  *sent,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  int rc;

  /* Prepared as the cluster file always did, without the backup of the day that
   * _sam_store_prepare() writes before a change: a note of what was sent is not a change to
   * the data. */
  rc = sqlite3_prepare_v2 (store->db, "INSERT OR REPLACE INTO sent_tallies"
                                      " (round_id, clinic_id, fingerprint, sent)"
                                      " VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  sqlite3_bind_text (stmt, 3, fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sent, -1, SQLITE_STATIC);
  return _sam_store_step_done (store, stmt, error);
}

/* Counting with an error, so that a database error is never taken for "no answers". */
static gboolean
count_rows (SamStore    *store,
            const char  *sql,
            gint64       round_id,
            gint64       clinic_id,
            gint64      *out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (store, error, rc);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_sam_store_count_respondents (SamStore  *store,
                              gint64     round_id,
                              gint64     clinic_id,
                              gint64    *out,
                              GError   **error)
{
  return count_rows (store, "SELECT count(*) FROM respondents"
                            " WHERE round_id = ?1 AND clinic_id = ?2",
                     round_id, clinic_id, out, error);
}

gboolean
_sam_store_count_clinic_tallies (SamStore  *store,
                                 gint64     round_id,
                                 gint64     clinic_id,
                                 gint64    *out,
                                 GError   **error)
{
  return count_rows (store, "SELECT count(*) FROM clinic_tallies"
                            " WHERE round_id = ?1 AND clinic_id = ?2",
                     round_id, clinic_id, out, error);
}

/* Runs @sql with ?1 and ?2 bound to @first and @second. */
static gboolean
run_statement (SamStore     *store,
               const char   *sql,
               gint64        first,
               gint64        second,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return _sam_store_step_done (store, stmt, error);
}

/* The tallies of @clinic_id in the round become @tallies, received with @import_id. A newer
 * file from the clinic replaces the older; the older's import (of @import_kind) goes with
 * its tallies, so that the imports list only what the figures are made of. */
gboolean
_sam_store_replace_clinic_tallies (SamStore          *store,
                                   gint64             round_id,
                                   gint64             clinic_id,
                                   gint64             import_id,
                                   const char        *import_kind,
                                   const SamTallies  *tallies,
                                   GError           **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) old_imports = NULL;

  if (!run_statement (store, "DELETE FROM clinic_tallies WHERE round_id = ?1 AND clinic_id = ?2",
                      round_id, clinic_id, error))
    return FALSE;
  old_imports = _sam_store_prepare (store, "DELETE FROM imports WHERE round_id = ?1"
                                           " AND kind = ?3 AND id != ?2"
                                           " AND NOT EXISTS (SELECT 1 FROM clinic_tallies t"
                                           "                 WHERE t.import_id = imports.id)",
                                    error);
  if (old_imports == NULL)
    return FALSE;
  sqlite3_bind_int64 (old_imports, 1, round_id);
  sqlite3_bind_int64 (old_imports, 2, import_id);
  sqlite3_bind_text (old_imports, 3, import_kind, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (store, old_imports, error))
    return FALSE;

  stmt = _sam_store_prepare (store, "INSERT INTO clinic_tallies (round_id, clinic_id, import_id,"
                                    " item, c1, c2, c3, c4, c5, c6, na, n, sum)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                    " ?12, ?13)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < SAM_N_ITEMS + SAM_N_INDICES; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, clinic_id);
      sqlite3_bind_int64 (stmt, 3, import_id);
      if (i < SAM_N_ITEMS)
        {
          const SamItemTally *tally = &tallies->items[i];

          sqlite3_bind_text (stmt, 4, sam_instrument_get_item (instrument, i)->id, -1,
                             SQLITE_STATIC);
          for (guint code = 1; code <= SAM_MAX_CODES; code++)
            sqlite3_bind_int64 (stmt, 4 + code, tally->counts[code]);
          sqlite3_bind_int64 (stmt, 11, tally->not_applicable);
          sqlite3_bind_int64 (stmt, 12, 0);
          sqlite3_bind_double (stmt, 13, 0.0);
        }
      else
        {
          const SamIndexTally *tally = &tallies->indices[i - SAM_N_ITEMS];

          sqlite3_bind_text (stmt, 4, sam_index_to_string (i - SAM_N_ITEMS), -1, SQLITE_STATIC);
          for (guint code = 1; code <= SAM_MAX_CODES + 1; code++)
            sqlite3_bind_int64 (stmt, 4 + code, 0);
          sqlite3_bind_int64 (stmt, 12, tally->n);
          sqlite3_bind_double (stmt, 13, tally->sum);
        }
      if (!_sam_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A round's answers, for its results */

gboolean
_sam_store_get_round_names (SamStore  *store,
                            gint64     round_id,
                            char     **round_label,
                            char     **cluster_name,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sam_store_prepare (store, "SELECT r.label, k.name FROM rounds r"
                                    " JOIN clusters k ON k.id = r.cluster_id WHERE r.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("There is no such round"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (store, error, rc);
  *round_label = _sam_store_column_dup (stmt, 0);
  *cluster_name = _sam_store_column_dup (stmt, 1);
  return TRUE;
}

typedef struct
{
  SamStoreAnswerFunc func;
  gpointer           user_data;
} AnswerVisit;

static void
visit_answer (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  const AnswerVisit *visit = user_data;
  SamStoreAnswerRow row;

  row.respondent_id = sqlite3_column_int64 (stmt, 0);
  row.clinic_id = sqlite3_column_int64 (stmt, 1);
  row.clinic_code = (const char *) sqlite3_column_text (stmt, 2);
  row.role = (const char *) sqlite3_column_text (stmt, 3);
  row.item = (const char *) sqlite3_column_text (stmt, 4);
  row.code = sqlite3_column_int (stmt, 5);
  visit->func (&row, visit->user_data);
}

/* Every respondent of the round, with each of their answers in a row of its own (or one row
 * without an answer), a respondent's rows together. */
gboolean
_sam_store_foreach_round_answer (SamStore            *store,
                                 gint64               round_id,
                                 SamStoreAnswerFunc   func,
                                 gpointer             user_data,
                                 GError             **error)
{
  AnswerVisit visit = { func, user_data };

  return _sam_store_foreach_row (store, "SELECT p.id, p.clinic_id, c.code, p.role, a.item, a.code"
                                        " FROM respondents p JOIN clinics c ON c.id = p.clinic_id"
                                        " LEFT JOIN answers a ON a.respondent_id = p.id"
                                        " WHERE p.round_id = ?1 ORDER BY p.id",
                                 round_id, visit_answer, &visit, error);
}

typedef struct
{
  SamStoreTallyFunc func;
  gpointer          user_data;
} TallyVisit;

static void
visit_tally (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  const TallyVisit *visit = user_data;
  SamStoreTallyRow row = { 0 };

  row.clinic_id = sqlite3_column_int64 (stmt, 0);
  row.clinic_code = (const char *) sqlite3_column_text (stmt, 1);
  row.item = (const char *) sqlite3_column_text (stmt, 2);
  for (guint code = 1; code <= SAM_MAX_CODES; code++)
    row.counts[code] = sqlite3_column_int (stmt, 2 + code);
  row.not_applicable = sqlite3_column_int (stmt, 9);
  row.n = sqlite3_column_int (stmt, 10);
  row.sum = sqlite3_column_double (stmt, 11);
  visit->func (&row, visit->user_data);
}

/* The tallies clinics sent as files for the round, a row per item or index. */
gboolean
_sam_store_foreach_clinic_tally (SamStore           *store,
                                 gint64              round_id,
                                 SamStoreTallyFunc   func,
                                 gpointer            user_data,
                                 GError            **error)
{
  TallyVisit visit = { func, user_data };

  return _sam_store_foreach_row (store, "SELECT t.clinic_id, c.code, t.item, t.c1, t.c2, t.c3,"
                                        " t.c4, t.c5, t.c6, t.na, t.n, t.sum FROM clinic_tallies t"
                                        " JOIN clinics c ON c.id = t.clinic_id"
                                        " WHERE t.round_id = ?1",
                                 round_id, visit_tally, &visit, error);
}
