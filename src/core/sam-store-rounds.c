/* sam-store-rounds.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Rounds: made, renamed, closed, published, listed and deleted with what is in them. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-names.h"
#include "sam-store-private.h"

/* After a change to one round: none changed means there is no such round; else the
 * store's "changed". */
static gboolean
round_changed (SamStore  *self,
               GError   **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("There is no such round"));
      return FALSE;
    }
  _sam_store_mark_changed (self);
  return TRUE;
}

/* Steps a write of a round's label; a label the cluster already has is refused by name. */
static int
step_round_label (sqlite3_stmt  *stmt,
                  const char    *label,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS,
                 _("The cluster already has a round called “%s”"), label);
  return rc;
}

gboolean
sam_store_create_round (SamStore    *self,
                        gint64       cluster_id,
                        const char  *label,
                        const char  *date,
                        gint64      *out_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  GDate parsed;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cluster_id > 0, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if ((clean = _sam_store_clean_name (label, _("The round needs a name"), error)) == NULL)
    return FALSE;
  g_date_clear (&parsed, 1);
  if (!sam_date_parse_iso (date, &parsed))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }

  stmt = _sam_store_prepare (self, "INSERT INTO rounds (cluster_id, label, date)"
                                   " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  rc = step_round_label (stmt, clean, error);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    return FALSE;
  if (rc == SQLITE_CONSTRAINT_CHECK)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);

  _sam_store_mark_changed (self);
  return TRUE;
}

gboolean
sam_store_set_round_closed (SamStore  *self,
                            gint64     round_id,
                            gboolean   closed,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (!closed)
    {
      g_autoptr(SamRound) round = sam_store_get_round (self, round_id, error);

      if (round == NULL)
        return FALSE;
      /* Answers added after its figures went out would give them away by the difference. */
      if (round->published_k > 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("Round “%s” cannot be opened again: its figures have been shared, and "
                         "answers added now would give away, by the difference, what they "
                         "withheld. Late answers go into a new round."), round->label);
          return FALSE;
        }
    }

  stmt = _sam_store_prepare (self, "UPDATE rounds SET closed = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, closed ? 1 : 0);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  return round_changed (self, error);
}

gboolean
sam_store_add_round_clinic (SamStore  *self,
                            gint64     round_id,
                            gint64     clinic_id,
                            int        invited,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  /* A negative @invited says nothing about the number, so an existing one stays. */
  stmt = _sam_store_prepare (self, invited >= 0
                        ? "INSERT INTO round_clinics (round_id, clinic_id, invited)"
                          " VALUES (?1, ?2, ?3)"
                          " ON CONFLICT DO UPDATE SET invited = excluded.invited"
                        : "INSERT INTO round_clinics (round_id, clinic_id) VALUES (?1, ?2)"
                          " ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  if (invited >= 0)
    sqlite3_bind_int (stmt, 3, invited);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;

  _sam_store_mark_changed (self);
  return TRUE;
}

/* Managing rounds */

/* Runs a change to one row, named by its id as ?1. */
gboolean
_sam_store_change_by_id (SamStore    *self,
                         const char  *sql,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  _sam_store_mark_changed (self);
  return TRUE;
}

/* Runs a change that must touch exactly one row; none means the row is gone. */
gboolean
_sam_store_step_one_row (SamStore      *self,
                         sqlite3_stmt  *stmt,
                         const char    *gone_message,
                         GError       **error)
{
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return _sam_store_set_invalid (error, "%s", gone_message);
  return TRUE;
}

/* Prepares what _sam_store_step_save() runs: @update_sql, with ?1 bound to @id, where @id is
 * above 0, else @insert_sql. */
sqlite3_stmt *
_sam_store_prepare_save (SamStore    *self,
                         gint64       id,
                         const char  *update_sql,
                         const char  *insert_sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, id > 0 ? update_sql : insert_sql, error);

  if (stmt != NULL && id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

/* Runs @stmt, which changes the row *@id where that is above 0 (with @gone_message, it must
 * touch that row) or else adds a row, whose id it puts in *@id. */
gboolean
_sam_store_step_save (SamStore      *self,
                      sqlite3_stmt  *stmt,
                      gint64        *id,
                      const char    *gone_message,
                      GError       **error)
{
  if (*id > 0)
    return gone_message != NULL ? _sam_store_step_one_row (self, stmt, gone_message, error)
                                : _sam_store_step_done (self, stmt, error);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Ends a change begun with sam_store_begin() that adds a row by @stmt, bound and ready, or
 * by %NULL where an earlier step failed with @error set: runs it, hands out the new row's
 * id where asked, and keeps the change, or rolls it back. */
gboolean
_sam_store_finish_insert (SamStore      *self,
                          sqlite3_stmt  *stmt,
                          gint64        *out_id,
                          GError       **error)
{
  gboolean ok = stmt != NULL && _sam_store_step_done (self, stmt, error);

  if (ok && out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return _sam_store_finish (self, ok, error);
}

/* Ends a change begun with sam_store_begin() that changes one row by @stmt, bound and
 * ready, or by %NULL where an earlier step failed with @error set: runs it, where it touches
 * no row says @gone_message, and keeps the change, or rolls it back. */
gboolean
_sam_store_finish_one_row (SamStore      *self,
                           sqlite3_stmt  *stmt,
                           const char    *gone_message,
                           GError       **error)
{
  gboolean ok = stmt != NULL && _sam_store_step_one_row (self, stmt, gone_message, error);

  return _sam_store_finish (self, ok, error);
}

/* Runs @sql (?1 is @id) in a change of its own; with @gone_message, it must touch exactly
 * one row. */
gboolean
_sam_store_delete_by_id (SamStore    *self,
                         const char  *sql,
                         gint64       id,
                         const char  *gone_message,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!sam_store_begin (self, error))
    return FALSE;
  stmt = _sam_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = gone_message != NULL ? _sam_store_step_one_row (self, stmt, gone_message, error)
                                : _sam_store_step_done (self, stmt, error);
    }
  return _sam_store_finish (self, ok, error);
}

/* The row @sql (?1 is @id) selects, made by @make_row; %NULL with @gone_message where
 * there is none. */
gpointer
_sam_store_get_by_id (SamStore     *self,
                      const char   *sql,
                      gint64        id,
                      SamRowFunc    make_row,
                      const char   *gone_message,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return make_row (stmt);
  if (rc == SQLITE_DONE)
    _sam_store_set_invalid (error, "%s", gone_message);
  else
    _sam_store_set_error (self, error, rc);
  return NULL;
}

/* Hands each row of @stmt, prepared and bound, to @visit. */
static gboolean
visit_rows (SamStore         *self,
            sqlite3_stmt     *stmt,
            SamRowVisitFunc   visit,
            gpointer          user_data,
            GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    visit (stmt, user_data);
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

/* Hands each row of a query to @visit; @id, where not 0, is bound as ?1. */
gboolean
_sam_store_foreach_row (SamStore          *self,
                        const char        *sql,
                        gint64             id,
                        SamRowVisitFunc    visit,
                        gpointer           user_data,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return visit_rows (self, stmt, visit, user_data, error);
}

typedef struct
{
  GPtrArray  *list;
  SamRowFunc  make_row;
} RowList;

static void
add_row (sqlite3_stmt *stmt,
         gpointer      user_data)
{
  RowList *rows = user_data;

  g_ptr_array_add (rows->list, rows->make_row (stmt));
}

/* The rows of @stmt, prepared and bound, as a list, each made by @make_row. */
GPtrArray *
_sam_store_collect_rows (SamStore        *self,
                         sqlite3_stmt    *stmt,
                         SamRowFunc       make_row,
                         GDestroyNotify   free_row,
                         GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_row);
  RowList rows = { list, make_row };

  if (!visit_rows (self, stmt, add_row, &rows, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The rows of a query as a list, each made by @make_row; @id, where not 0, is bound as ?1. */
GPtrArray *
_sam_store_list_rows (SamStore        *self,
                      const char      *sql,
                      gint64           id,
                      SamRowFunc       make_row,
                      GDestroyNotify   free_row,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return _sam_store_collect_rows (self, stmt, make_row, free_row, error);
}

gboolean
sam_store_rename_round (SamStore    *self,
                        gint64       round_id,
                        const char  *label,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if ((clean = _sam_store_clean_name (label, _("The round needs a name"), error)) == NULL)
    return FALSE;
  stmt = _sam_store_prepare (self, "UPDATE rounds SET label = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  rc = step_round_label (stmt, clean, error);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    return FALSE;
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  return round_changed (self, error);
}

/**
 * sam_store_count_round_data:
 * @n_respondents: (out) (optional): respondents in the round
 * @n_answers: (out) (optional): their answers
 *
 * What deleting the round would take with it, to say so before asking.
 */
gboolean
sam_store_count_round_data (SamStore  *self,
                            gint64     round_id,
                            guint     *n_respondents,
                            guint     *n_answers,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "SELECT (SELECT count(*) FROM respondents WHERE round_id = ?1),"
                        " (SELECT count(*) FROM answers a JOIN respondents p"
                        " ON p.id = a.respondent_id"
                        "  WHERE p.round_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (self, error, rc);
  if (n_respondents != NULL)
    *n_respondents = sqlite3_column_int (stmt, 0);
  if (n_answers != NULL)
    *n_answers = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Deletes the round with everything in it: respondents, answers, imports, tallies, drafts. */
gboolean
sam_store_delete_round (SamStore  *self,
                        gint64     round_id,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return _sam_store_change_by_id (self, "DELETE FROM rounds WHERE id = ?1", round_id, error);
}

void
sam_round_clinic_free (SamRoundClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->code);
  g_free (clinic);
}

static gpointer
round_clinic_from_row (sqlite3_stmt *stmt)
{
  SamRoundClinic *clinic = g_new0 (SamRoundClinic, 1);

  clinic->clinic_id = sqlite3_column_int64 (stmt, 0);
  clinic->code = _sam_store_column_dup (stmt, 1);
  clinic->taking_part = sqlite3_column_int (stmt, 2) != 0;
  clinic->invited = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1
                                                                 : sqlite3_column_int (stmt, 3);
  clinic->n_respondents = sqlite3_column_int (stmt, 4);
  sam_clinic_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &clinic->kind);
  return clinic;
}

/**
 * sam_store_list_round_clinics:
 *
 * Returns: (transfer full) (element-type SamRoundClinic): every clinic of the round's
 *   cluster, whether it takes part in the round, how many it invited, and how many answered
 */
GPtrArray *
sam_store_list_round_clinics (SamStore  *self,
                              gint64     round_id,
                              GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT c.id, c.code, rc.round_id IS NOT NULL, rc.invited,"
                          " (SELECT count(*) FROM respondents p WHERE p.round_id = ?1"
                          " AND p.clinic_id = c.id),"
                          " c.kind"
                          " FROM clinics c JOIN rounds r ON r.cluster_id = c.cluster_id"
                          " AND r.id = ?1"
                          " LEFT JOIN round_clinics rc ON rc.round_id = r.id"
                          " AND rc.clinic_id = c.id"
                          " ORDER BY length(c.code), c.code", round_id,
                    round_clinic_from_row, (GDestroyNotify) sam_round_clinic_free, error);
}

/* A clinic leaves a round only while none of its people has answered in it. */
gboolean
sam_store_remove_round_clinic (SamStore  *self,
                               gint64     round_id,
                               gint64     clinic_id,
                               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "DELETE FROM round_clinics WHERE round_id = ?1"
                                   " AND clinic_id = ?2"
                                   " AND NOT EXISTS (SELECT 1 FROM respondents"
                                   " WHERE round_id = ?1 AND clinic_id = ?2)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  _sam_store_mark_changed (self);
  return TRUE;
}

/* Rounds by name, and imports */

/**
 * sam_store_find_round:
 * @out_id: (out) (optional): the round, where found
 * @out_closed: (out) (optional): whether it is closed
 *
 * Returns: %TRUE where the cluster has a round called @label
 */
gboolean
sam_store_find_round (SamStore   *self,
                      gint64      cluster_id,
                      const char *label,
                      gint64     *out_id,
                      gboolean   *out_closed)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  stmt = _sam_store_prepare_cached (self, "SELECT id, closed FROM rounds WHERE cluster_id = ?1"
                                          " AND label = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_column_int64 (stmt, 0);
  if (out_closed != NULL)
    *out_closed = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* For undoing an import: a round or clinic it created goes again where nothing else uses
 * it (answers, other imports, a clinic's tallies, this computer's own clinic). */
gboolean
sam_store_delete_round_if_unused (SamStore  *self,
                                  gint64     round_id,
                                  GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return _sam_store_change_by_id (self, "DELETE FROM rounds WHERE id = ?1"
                             " AND NOT EXISTS (SELECT 1 FROM respondents WHERE round_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM imports WHERE round_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM clinic_tallies WHERE round_id = ?1)",
                       round_id, error);
}

void
sam_round_free (SamRound *round)
{
  if (round == NULL)
    return;
  g_free (round->cluster_name);
  g_free (round->label);
  g_free (round->date);
  g_free (round);
}

static gpointer
round_from_row (sqlite3_stmt *stmt)
{
  SamRound *round = g_new0 (SamRound, 1);

  round->id = sqlite3_column_int64 (stmt, 0);
  round->cluster_id = sqlite3_column_int64 (stmt, 1);
  round->cluster_name = _sam_store_column_dup (stmt, 2);
  round->label = _sam_store_column_dup (stmt, 3);
  round->date = _sam_store_column_dup (stmt, 4);
  round->closed = sqlite3_column_int (stmt, 5) != 0;
  round->n_clinics = sqlite3_column_int (stmt, 6);
  round->n_respondents = sqlite3_column_int (stmt, 7);
  round->n_invited = sqlite3_column_int (stmt, 8);
  round->published_k = sqlite3_column_int (stmt, 9);
  round->received_k = sqlite3_column_int (stmt, 10);
  round->n_tallied = sqlite3_column_int (stmt, 11);
  return round;
}

#define ROUND_COLUMNS \
  "SELECT r.id, r.cluster_id, k.name, r.label, r.date, r.closed," \
  " (SELECT count(DISTINCT clinic_id) FROM respondents WHERE round_id = r.id)," \
  " (SELECT count(*) FROM respondents WHERE round_id = r.id)," \
  " (SELECT coalesce (sum (invited), 0) FROM round_clinics WHERE round_id = r.id)," \
  " coalesce (r.published_k, 0)," \
  " coalesce ((SELECT f.k FROM received_figures f WHERE f.round_id = r.id), 0)," \
  " (SELECT count(DISTINCT clinic_id) FROM clinic_tallies WHERE round_id = r.id)" \
  " FROM rounds r JOIN clusters k ON k.id = r.cluster_id"

/**
 * sam_store_get_round:
 *
 * Returns: (transfer full): the round, or %NULL with @error set where there is none
 */
SamRound *
sam_store_get_round (SamStore  *self,
                     gint64     round_id,
                     GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  rows = _sam_store_list_rows (self, ROUND_COLUMNS " WHERE r.id = ?1", round_id,
                               round_from_row, (GDestroyNotify) sam_round_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("There is no such round"));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * sam_store_get_round_k:
 *
 * Returns: the minimum group size the round's figures are made with: the one its
 *   cluster's figures file was made with, or the one it was published with, or else the
 *   saved setting
 */
int
sam_store_get_round_k (SamStore       *self,
                       const SamRound *round)
{
  g_return_val_if_fail (SAM_IS_STORE (self), SAM_MIN_GROUP_SIZE_DEFAULT);
  g_return_val_if_fail (round != NULL, SAM_MIN_GROUP_SIZE_DEFAULT);

  /* The cluster's figures file governs where it came: a k fixed here before it came was
   * for this computer's own answers only. */
  if (round->received_k > 0)
    return round->received_k;
  if (round->published_k > 0)
    return round->published_k;
  return sam_store_get_min_group_size (self);
}

/**
 * sam_round_can_publish:
 *
 * Returns: whether the round's figures may leave the app: it is closed, or its figures
 *   came from the coordinator in a cluster's figures file
 */
gboolean
sam_round_can_publish (const SamRound *round)
{
  g_return_val_if_fail (round != NULL, FALSE);

  return round->closed || round->received_k > 0;
}

/**
 * sam_round_has_figures:
 *
 * Returns: whether there is anything to show of the round: answers, a clinic's tallies
 *   or the cluster's figures file
 */
gboolean
sam_round_has_figures (const SamRound *round)
{
  g_return_val_if_fail (round != NULL, FALSE);

  return round->n_respondents > 0 || round->n_tallied > 0 || round->received_k > 0;
}

/**
 * sam_store_publish_round:
 * @k: the minimum group size asked for, or 0 for the round's own (or the saved setting)
 * @record: whether figures are leaving the app, which fixes the round's k; %FALSE only
 *   checks and says which k to read them with (see sam_round_figures_publish ())
 * @out_k: (out) (optional): the minimum group size to publish with
 *
 * One publication a round (instrument contract, "Anonymity"): a round's figures leave the
 * app only once it is closed, and always at the same k, recorded here the first time. Two
 * publications that differ would give away what each withholds.
 */
gboolean
sam_store_publish_round (SamStore  *self,
                         gint64     round_id,
                         int        k,
                         gboolean   record,
                         int       *out_k,
                         GError   **error)
{
  g_autoptr(SamRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int fixed;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (k == 0 ||
                        (k >= SAM_MIN_GROUP_SIZE_MIN && k <= SAM_MIN_GROUP_SIZE_MAX), FALSE);

  round = sam_store_get_round (self, round_id, error);
  if (round == NULL)
    return FALSE;
  if (!sam_round_can_publish (round))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("Round “%s” is still open. Close it first: its figures are shared once, "
                     "when no more answers can change them"), round->label);
      return FALSE;
    }

  fixed = round->received_k > 0 ? round->received_k : round->published_k;
  if (fixed > 0 && k > 0 && k != fixed)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   round->received_k == 0
                   ? _("Round “%s” was shared with a minimum group size of %d, so it cannot be "
                       "shared with %d: the two sets of figures side by side would give away "
                       "what each withholds")
                   : _("The figures of round “%s” came from the coordinator with a minimum group "
                       "size of %d, so they cannot be shared with %d: the two sets of figures "
                       "side by side would give away what each withholds"),
                   round->label, fixed, k);
      return FALSE;
    }
  if (fixed == 0)
    fixed = k > 0 ? k : sam_store_get_min_group_size (self);

  if (record && round->published_k == 0 && round->received_k == 0)
    {
      stmt = _sam_store_prepare (self, "UPDATE rounds SET published_k = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int (stmt, 2, fixed);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
      _sam_store_mark_changed (self);
    }
  if (out_k != NULL)
    *out_k = fixed;
  return TRUE;
}

/**
 * sam_store_list_rounds:
 *
 * Returns: (transfer full) (element-type SamRound): the rounds, newest first
 */
GPtrArray *
sam_store_list_rounds (SamStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, ROUND_COLUMNS " ORDER BY r.date DESC, r.id DESC", 0,
                    round_from_row, (GDestroyNotify) sam_round_free, error);
}
