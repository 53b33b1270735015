/* sam-store-answers.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Respondents and their answers, drafts on this computer, and imports. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-instrument.h"
#include "sam-store-private.h"
#include "sam-store-rows.h"

/**
 * sam_store_add_respondent:
 * @answers: (array length=n_answers): the answers given; an item left out is missing
 *
 * Stores one respondent's answers as one change. Every answer is checked against the
 * instrument first: one that is not asked of @role or not an option refuses the whole.
 */
gboolean
sam_store_add_respondent (SamStore         *self,
                          gint64            round_id,
                          gint64            clinic_id,
                          SamRole           role,
                          const SamAnswer  *answers,
                          guint             n_answers,
                          gint64           *out_id,
                          GError          **error)
{
  return sam_store_add_respondent_full (self, round_id, clinic_id, role, NULL, 0,
                                        answers, n_answers, out_id, error);
}

static sqlite3_stmt *
prepare_answer_insert (SamStore  *self,
                       guint      n,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  if (self->answer_inserts->len <= n)
    g_ptr_array_set_size (self->answer_inserts, n + 1);
  stmt = g_ptr_array_index (self->answer_inserts, n);
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new ("INSERT INTO answers (respondent_id, item, code)"
                                             " VALUES ");

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i > 0 ? ", (?, ?, ?)" : "(?, ?, ?)");
      stmt = _sam_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return NULL;
      g_ptr_array_index (self->answer_inserts, n) = stmt;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/**
 * sam_store_add_respondent_full:
 * @external_id: (nullable): the respondent's identifier in a survey tool; unique in a round
 * @import_id: the import the respondent came with, or 0 for one who answered in the app
 *
 * As sam_store_add_respondent().
 */
gboolean
sam_store_add_respondent_full (SamStore         *self,
                               gint64            round_id,
                               gint64            clinic_id,
                               SamRole           role,
                               const char       *external_id,
                               gint64            import_id,
                               const SamAnswer  *answers,
                               guint             n_answers,
                               gint64           *out_id,
                               GError          **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  sqlite3_stmt *respondent = NULL;
  sqlite3_stmt *answer = NULL;
  sqlite3_stmt *closed_stmt = NULL;
  sqlite3_stmt *tallied = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean closed;
  gint64 id;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);
  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);

  for (guint i = 0; i < n_answers; i++)
    {
      if (!sam_instrument_check_answer (instrument, answers[i].item, role, answers[i].code, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) answers[i].item))
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("Item %s is answered twice"), answers[i].item);
          return FALSE;
        }
    }

  closed_stmt = _sam_store_prepare_cached (self, "SELECT closed FROM rounds WHERE id = ?1", error);
  if (closed_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (closed_stmt, 1, round_id);
  rc = sqlite3_step (closed_stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (closed_stmt);
      if (rc != SQLITE_DONE)
        return _sam_store_set_error (self, error, rc);
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("There is no such round"));
      return FALSE;
    }
  closed = sqlite3_column_int (closed_stmt, 0) != 0;
  sqlite3_reset (closed_stmt);
  if (closed)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The round is closed and takes no new answers"));
      return FALSE;
    }

  /* A clinic whose answers came to the coordinator as tallies would count twice. */
  tallied = _sam_store_prepare_cached (self, "SELECT 1 FROM clinic_tallies WHERE round_id = ?1"
                                             " AND clinic_id = ?2 LIMIT 1",
                            error);
  if (tallied == NULL)
    return FALSE;
  sqlite3_bind_int64 (tallied, 1, round_id);
  sqlite3_bind_int64 (tallied, 2, clinic_id);
  rc = sqlite3_step (tallied);
  sqlite3_reset (tallied);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The clinic’s answers for this round came as a file from the clinic; "
                             "answers of its own would count twice"));
      return FALSE;
    }

  if (!sam_store_begin (self, error))
    return FALSE;

  respondent = _sam_store_prepare_cached (self, "INSERT INTO respondents (round_id, clinic_id,"
                                                " role, external_id, import_id, source)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (respondent == NULL)
    goto fail;
  sqlite3_bind_int64 (respondent, 1, round_id);
  sqlite3_bind_int64 (respondent, 2, clinic_id);
  sqlite3_bind_text (respondent, 3, sam_role_to_string (role), -1, SQLITE_STATIC);
  if (external_id != NULL)
    sqlite3_bind_text (respondent, 4, external_id, -1, SQLITE_STATIC);
  if (import_id > 0)
    sqlite3_bind_int64 (respondent, 5, import_id);
  sqlite3_bind_text (respondent, 6, import_id > 0 ? "import" : "app", -1, SQLITE_STATIC);
  rc = sqlite3_step (respondent);
  if (rc == SQLITE_CONSTRAINT_UNIQUE && external_id != NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS,
                   _("Respondent “%s” is in the round already"), external_id);
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);

  /* All of a respondent's answers in one statement: an import stores hundreds of
   * thousands, and a statement per answer would be most of its time. */
  if (n_answers > 0)
    {
      answer = prepare_answer_insert (self, n_answers, error);
      if (answer == NULL)
        goto fail;
      for (guint i = 0; i < n_answers; i++)
        {
          sqlite3_bind_int64 (answer, 3 * i + 1, id);
          sqlite3_bind_text (answer, 3 * i + 2, answers[i].item, -1, SQLITE_STATIC);
          sqlite3_bind_int (answer, 3 * i + 3, answers[i].code);
        }
      if (!_sam_store_step_done (self, answer, error))
        goto fail;
    }

  _sam_store_mark_changed (self);
  if (!sam_store_commit (self, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  sam_store_rollback (self);
  return FALSE;
}

/* Drafts: a questionnaire being answered on this computer */

/**
 * sam_store_save_draft:
 * @draft_id: (inout): 0 for a new draft, which gets its id here
 * @answers: the answers so far, as "q1=2;q5d=9"
 */
gboolean
sam_store_save_draft (SamStore    *self,
                      gint64      *draft_id,
                      gint64       round_id,
                      gint64       clinic_id,
                      SamRole      role,
                      const char  *answers,
                      int          page,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = _sam_store_format_utc (NULL);

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  stmt = _sam_store_prepare_save (self, *draft_id,
                                  "UPDATE drafts SET answers = ?2, page = ?3, updated = ?4"
                                  " WHERE id = ?1",
                                  "INSERT INTO drafts (round_id, clinic_id, role, answers,"
                                  " page, updated) VALUES (?5, ?6, ?7, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, answers, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, page);
  sqlite3_bind_text (stmt, 4, stamp, -1, SQLITE_STATIC);
  if (*draft_id == 0)
    {
      sqlite3_bind_int64 (stmt, 5, round_id);
      sqlite3_bind_int64 (stmt, 6, clinic_id);
      sqlite3_bind_text (stmt, 7, sam_role_to_string (role), -1, SQLITE_STATIC);
    }
  return _sam_store_step_save (self, stmt, draft_id, NULL, error);
}

gboolean
sam_store_delete_draft (SamStore  *self,
                        gint64     draft_id,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return _sam_store_change_by_id (self, "DELETE FROM drafts WHERE id = ?1", draft_id, error);
}

void
sam_draft_free (SamDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->answers);
  g_free (draft->round_label);
  g_free (draft->clinic_code);
  g_free (draft->updated);
  g_free (draft);
}

static gpointer
draft_from_row (sqlite3_stmt *stmt)
{
  SamDraft *draft = g_new0 (SamDraft, 1);

  draft->id = sqlite3_column_int64 (stmt, 0);
  draft->round_id = sqlite3_column_int64 (stmt, 1);
  draft->clinic_id = sqlite3_column_int64 (stmt, 2);
  if (!sam_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &draft->role))
    draft->role = SAM_ROLE_PARTNER;
  draft->answers = _sam_store_column_dup (stmt, 4);
  draft->page = sqlite3_column_int (stmt, 5);
  draft->round_label = _sam_store_column_dup (stmt, 6);
  draft->clinic_code = _sam_store_column_dup (stmt, 7);
  draft->updated = _sam_store_column_dup (stmt, 8);
  return draft;
}

/**
 * sam_store_list_drafts:
 *
 * Returns: (transfer full) (element-type SamDraft): the drafts of open rounds, newest first
 */
GPtrArray *
sam_store_list_drafts (SamStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT d.id, d.round_id, d.clinic_id, d.role, d.answers,"
                                     " d.page, r.label, c.code,"
                          " d.updated FROM drafts d JOIN rounds r ON r.id = d.round_id"
                          " JOIN clinics c ON c.id = d.clinic_id"
                          " WHERE r.closed = 0 ORDER BY d.updated DESC, d.id DESC", 0,
                    draft_from_row, (GDestroyNotify) sam_draft_free, error);
}

gboolean
sam_store_respondent_exists (SamStore   *self,
                             gint64      round_id,
                             const char *external_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (external_id != NULL, FALSE);

  stmt = _sam_store_prepare_cached (self, "SELECT 1 FROM respondents WHERE round_id = ?1"
                                          " AND external_id = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * sam_store_find_import:
 * @kind: what was imported, e.g. "survey"
 * @sha256: the file's checksum
 * @out_date: (out) (optional) (transfer full): when it was imported
 *
 * Returns: %TRUE where the same file was imported into the round before
 */
gboolean
sam_store_find_import (SamStore    *self,
                       gint64       round_id,
                       const char  *kind,
                       const char  *sha256,
                       char       **out_date)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare_cached (self, "SELECT imported FROM imports WHERE round_id = ?1"
                                          " AND kind = ?2 AND sha256 = ?3",
                         NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (out_date != NULL)
    *out_date = _sam_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sam_store_add_import (SamStore    *self,
                      gint64       round_id,
                      const char  *kind,
                      const char  *filename,
                      const char  *sha256,
                      gint64      *out_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = _sam_store_format_utc (NULL);

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "INSERT INTO imports (round_id, kind, filename, sha256,"
                                   " imported)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);

  _sam_store_mark_changed (self);
  return TRUE;
}

/**
 * sam_store_delete_import:
 *
 * Takes back an import: its respondents and their answers go with it. Not from a closed
 * round: its figures may have been shared, and answers taken out would change them, so
 * that the two sets of figures side by side give away the answers taken out.
 */
static gpointer
label_from_row (sqlite3_stmt *stmt)
{
  return _sam_store_column_dup (stmt, 0);
}

gboolean
sam_store_delete_import (SamStore  *self,
                         gint64     import_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) closed = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  closed = _sam_store_list_rows (self, "SELECT r.label FROM imports i"
                                       " JOIN rounds r ON r.id = i.round_id"
                                       " WHERE i.id = ?1 AND r.closed",
                                 import_id, label_from_row, g_free, error);
  if (closed == NULL)
    return FALSE;
  if (closed->len > 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("Round “%s” is closed, so its answers can no longer be taken back: its "
                     "figures may have been shared, and would change"),
                   (const char *) g_ptr_array_index (closed, 0));
      return FALSE;
    }
  return _sam_store_change_by_id (self, "DELETE FROM imports WHERE id = ?1", import_id, error);
}

/* Imports of answers in bulk */

/* The rows are stored with statements of the import's own, prepared once for the whole
 * file, rather than with sam_store_add_respondent_full(): that one keeps a respondent who
 * answers in the app whole with a savepoint of their own, and inside the import's one
 * transaction a savepoint a respondent made SQLite copy every page a respondent touched to
 * a statement journal, which soon outgrew memory and went to a temporary file (some
 * 230,000 small writes for a national file, half the import's time). The import needs no
 * savepoint: whatever fails, the whole transaction is rolled back. What the store checks
 * for a respondent has been checked for the whole file before anything is written: the
 * answers against the instrument (parsing), the rounds for being open and the respondents
 * for being new (sam-survey-import.c's check_against_store()); the clinics that came as
 * tallies are checked a clinic and round at a time below. */
struct _SamStoreImportWriter
{
  SamStore     *store;
  sqlite3_stmt *tallied;
  sqlite3_stmt *round_clinic;
  sqlite3_stmt *respondent;
  sqlite3_stmt *answers[SAM_N_ITEMS + 1];   /* [n] stores n answers */
};

void
_sam_store_import_writer_free (SamStoreImportWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_pointer (&writer->tallied, sqlite3_finalize);
  g_clear_pointer (&writer->round_clinic, sqlite3_finalize);
  g_clear_pointer (&writer->respondent, sqlite3_finalize);
  for (guint i = 0; i <= SAM_N_ITEMS; i++)
    g_clear_pointer (&writer->answers[i], sqlite3_finalize);
  g_free (writer);
}

SamStoreImportWriter *
_sam_store_import_writer_new (SamStore  *store,
                              GError   **error)
{
  g_autoptr(SamStoreImportWriter) writer = g_new0 (SamStoreImportWriter, 1);

  writer->store = store;
  if ((writer->tallied = _sam_store_prepare (store, "SELECT 1 FROM clinic_tallies"
                                             " WHERE round_id = ?1 AND clinic_id = ?2 LIMIT 1",
                                             error)) == NULL ||
      (writer->round_clinic = _sam_store_prepare (store, "INSERT INTO round_clinics"
                                                  " (round_id, clinic_id) VALUES (?1, ?2)"
                                                  " ON CONFLICT DO NOTHING", error)) == NULL ||
      (writer->respondent = _sam_store_prepare (store, "INSERT INTO respondents"
                                                " (round_id, clinic_id, role, external_id,"
                                                " import_id, source)"
                                                " VALUES (?1, ?2, ?3, ?4, ?5, 'import')",
                                                error)) == NULL)
    return NULL;
  return g_steal_pointer (&writer);
}

static gboolean
writer_step (SamStoreImportWriter  *writer,
             sqlite3_stmt          *stmt,
             GError               **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (writer->store, error, rc);
  return TRUE;
}

/* A clinic's first row in a round: the clinic takes part in it, unless its answers for
 * the round came to the coordinator as tallies, where answers of its own would count
 * twice. */
gboolean
_sam_store_import_writer_add_round_clinic (SamStoreImportWriter  *writer,
                                           gint64                 round_id,
                                           gint64                 clinic_id,
                                           GError               **error)
{
  int rc;

  sqlite3_bind_int64 (writer->tallied, 1, round_id);
  sqlite3_bind_int64 (writer->tallied, 2, clinic_id);
  rc = sqlite3_step (writer->tallied);
  sqlite3_reset (writer->tallied);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The clinic’s answers for this round came as a file from the clinic; "
                             "answers of its own would count twice"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (writer->store, error, rc);

  sqlite3_bind_int64 (writer->round_clinic, 1, round_id);
  sqlite3_bind_int64 (writer->round_clinic, 2, clinic_id);
  return writer_step (writer, writer->round_clinic, error);
}

/* All of a respondent's answers in one statement, as a statement per answer would be
 * most of the import's time. Such a statement (many rows, and foreign keys that may stop
 * it half-way) has a statement journal of its own, but that holds only the one or two
 * pages the statement changes, stays in memory and is emptied when the statement ends. */
static gboolean
writer_add_answers (SamStoreImportWriter  *writer,
                    gint64                 respondent_id,
                    const int             *codes,
                    GError               **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  sqlite3_stmt *stmt;
  guint n = 0;

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    if (codes[i] != 0)
      n++;
  if (n == 0)
    return TRUE;

  if (writer->answers[n] == NULL)
    {
      g_autoptr(GString) sql = g_string_new ("INSERT INTO answers (respondent_id, item, code)"
                                             " VALUES ");

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i > 0 ? ", (?, ?, ?)" : "(?, ?, ?)");
      writer->answers[n] = _sam_store_prepare (writer->store, sql->str, error);
      if (writer->answers[n] == NULL)
        return FALSE;
    }
  stmt = writer->answers[n];

  n = 0;
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    if (codes[i] != 0)
      {
        sqlite3_bind_int64 (stmt, 3 * n + 1, respondent_id);
        sqlite3_bind_text (stmt, 3 * n + 2, sam_instrument_get_item (instrument, i)->id, -1,
                           SQLITE_STATIC);
        sqlite3_bind_int (stmt, 3 * n + 3, codes[i]);
        n++;
      }
  return writer_step (writer, stmt, error);
}

/* One row of the file: a respondent (a statement of one row, which needs no statement
 * journal) and their answers. */
gboolean
_sam_store_import_writer_add_respondent (SamStoreImportWriter  *writer,
                                         gint64                 round_id,
                                         gint64                 clinic_id,
                                         gint64                 import_id,
                                         SamRole                role,
                                         const char            *external_id,
                                         const int             *codes,
                                         GError               **error)
{
  int rc;

  sqlite3_bind_int64 (writer->respondent, 1, round_id);
  sqlite3_bind_int64 (writer->respondent, 2, clinic_id);
  sqlite3_bind_text (writer->respondent, 3, sam_role_to_string (role), -1, SQLITE_STATIC);
  if (external_id != NULL)
    sqlite3_bind_text (writer->respondent, 4, external_id, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (writer->respondent, 4);
  sqlite3_bind_int64 (writer->respondent, 5, import_id);
  rc = sqlite3_step (writer->respondent);
  sqlite3_reset (writer->respondent);
  if (rc == SQLITE_CONSTRAINT_UNIQUE && external_id != NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS,
                   _("Respondent “%s” is in the round already"), external_id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (writer->store, error, rc);

  return writer_add_answers (writer, sqlite3_last_insert_rowid (writer->store->db), codes, error);
}
