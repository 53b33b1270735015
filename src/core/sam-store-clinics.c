/* sam-store-clinics.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Clusters and clinics: made by name, listed, and what kind each is. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-names.h"
#include "sam-store-private.h"

/* Clusters, clinics, rounds */

static gboolean
lookup_or_insert (SamStore    *self,
                  const char  *select_sql,
                  const char  *insert_sql,
                  gint64       parent_id,
                  const char  *key,
                  const char  *extra,
                  gint64      *out_id,
                  GError     **error)
{
  sqlite3_stmt *select = _sam_store_prepare_cached (self, select_sql, error);
  sqlite3_stmt *insert = NULL;
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, key, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (select, 2, parent_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW && out_id != NULL)
    *out_id = sqlite3_column_int64 (select, 0);
  sqlite3_reset (select);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);

  insert = _sam_store_prepare_cached (self, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, key, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (insert, 2, parent_id);
  if (extra != NULL)
    sqlite3_bind_text (insert, 3, extra, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, insert, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);

  _sam_store_mark_changed (self);
  return TRUE;
}

/* Names are kept without surrounding spaces; @empty_message says what is missing. A name
 * a spreadsheet would run as a formula is refused, as given. */
char *
_sam_store_clean_name (const char  *name,
                       const char  *empty_message,
                       GError     **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A name is not valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, empty_message);
      return NULL;
    }
  if (!sam_name_check (name, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, error))
    return NULL;
  return g_steal_pointer (&clean);
}

gboolean
sam_store_ensure_cluster (SamStore    *self,
                          const char  *name,
                          gint64      *out_id,
                          GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if ((clean = _sam_store_clean_name (name, _("The cluster needs a name"), error)) == NULL)
    return FALSE;
  return lookup_or_insert (self, "SELECT id FROM clusters WHERE name = ?1",
                           "INSERT INTO clusters (name) VALUES (?1)",
                           0, clean, NULL, out_id, error);
}

gboolean
sam_store_ensure_clinic (SamStore    *self,
                         gint64       cluster_id,
                         const char  *code,
                         const char  *name,
                         gint64      *out_id,
                         GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cluster_id > 0, FALSE);

  if ((clean = _sam_store_clean_name (code, _("The clinic needs a code or a name"),
                                      error)) == NULL ||
      !sam_name_check (name, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, error))
    return FALSE;
  return lookup_or_insert (self, "SELECT id FROM clinics WHERE code = ?1 AND cluster_id = ?2",
                           "INSERT INTO clinics (code, cluster_id, name) VALUES (?1, ?2, ?3)",
                           cluster_id, clean, name, out_id, error);
}

/* What a clinic is */

static const char *clinic_kind_names[] = { NULL, "solo", "partnership" };

G_STATIC_ASSERT (G_N_ELEMENTS (clinic_kind_names) == SAM_N_CLINIC_KINDS);

/**
 * sam_clinic_kind_to_string:
 *
 * Returns: (nullable): the kind as the database keeps it, or %NULL where it is unknown
 */
const char *
sam_clinic_kind_to_string (SamClinicKind kind)
{
  g_return_val_if_fail (kind < SAM_N_CLINIC_KINDS, NULL);
  return clinic_kind_names[kind];
}

/* @text NULL or unknown gives %SAM_CLINIC_KIND_UNKNOWN, and %FALSE where it was text. */
gboolean
sam_clinic_kind_from_string (const char    *text,
                             SamClinicKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  *kind = SAM_CLINIC_KIND_UNKNOWN;
  if (text == NULL)
    return TRUE;
  for (guint i = 1; i < SAM_N_CLINIC_KINDS; i++)
    if (g_str_equal (text, clinic_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sam_clinic_kind_get_label (SamClinicKind kind)
{
  switch (kind)
    {
    case SAM_CLINIC_KIND_SOLO:
      return _("Solo practice");
    case SAM_CLINIC_KIND_PARTNERSHIP:
      return _("Partnership");
    case SAM_CLINIC_KIND_UNKNOWN:
      return _("Not set");
    case SAM_N_CLINIC_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

/* A solo practice has a solo doctor and staff; a partnership, partners and staff; a clinic
 * nobody has described may have any of them. */
gboolean
sam_clinic_kind_offers_role (SamClinicKind kind,
                             SamRole       role)
{
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);

  switch (kind)
    {
    case SAM_CLINIC_KIND_SOLO:
      return role != SAM_ROLE_PARTNER;
    case SAM_CLINIC_KIND_PARTNERSHIP:
      return role != SAM_ROLE_SOLO;
    case SAM_CLINIC_KIND_UNKNOWN:
    case SAM_N_CLINIC_KINDS:
    default:
      return TRUE;
    }
}

SamClinicKind
sam_store_get_clinic_kind (SamStore *self,
                           gint64    clinic_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SamClinicKind kind = SAM_CLINIC_KIND_UNKNOWN;

  g_return_val_if_fail (SAM_IS_STORE (self), SAM_CLINIC_KIND_UNKNOWN);

  stmt = _sam_store_prepare (self, "SELECT kind FROM clinics WHERE id = ?1", NULL);
  if (stmt == NULL)
    return SAM_CLINIC_KIND_UNKNOWN;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sam_clinic_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind);
  return kind;
}

gboolean
sam_store_set_clinic_kind (SamStore       *self,
                           gint64          clinic_id,
                           SamClinicKind   kind,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < SAM_N_CLINIC_KINDS, FALSE);

  if (sam_store_get_clinic_kind (self, clinic_id) == kind)
    return TRUE;
  stmt = _sam_store_prepare (self, "UPDATE clinics SET kind = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  if (kind == SAM_CLINIC_KIND_UNKNOWN)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_text (stmt, 2, clinic_kind_names[kind], -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("There is no such clinic"));
      return FALSE;
    }
  _sam_store_mark_changed (self);
  return TRUE;
}

/**
 * sam_store_infer_clinic_kinds:
 * @cluster_id: the cluster whose clinics to look at
 *
 * Gives each clinic of the cluster that nobody has described the kind its answers make
 * clear: doctors answering as partners and none as solo make a partnership; one solo
 * doctor a round and no partner, a solo practice. Anything else stays unset, and a kind
 * once set is never changed here.
 */
gboolean
sam_store_infer_clinic_kinds (SamStore  *self,
                              gint64     cluster_id,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self,
                             "UPDATE clinics SET kind = CASE"
                             "  WHEN EXISTS (SELECT 1 FROM respondents p"
                             " WHERE p.clinic_id = clinics.id"
                             "               AND p.role = 'partner')"
                             "   AND NOT EXISTS (SELECT 1 FROM respondents p"
                             " WHERE p.clinic_id = clinics.id"
                             "                   AND p.role = 'solo')"
                             "  THEN 'partnership'"
                             "  WHEN EXISTS (SELECT 1 FROM respondents p"
                             " WHERE p.clinic_id = clinics.id"
                             "               AND p.role = 'solo')"
                             "   AND NOT EXISTS (SELECT 1 FROM respondents p"
                             " WHERE p.clinic_id = clinics.id"
                             "                   AND p.role = 'partner')"
                             "   AND NOT EXISTS (SELECT 1 FROM respondents p"
                             " WHERE p.clinic_id = clinics.id"
                             "                   AND p.role = 'solo' GROUP BY p.round_id"
                             " HAVING count(*) > 1)"
                             "  THEN 'solo'"
                             "  END"
                             " WHERE kind IS NULL AND cluster_id = ?1"
                             "  AND EXISTS (SELECT 1 FROM respondents p"
                             " WHERE p.clinic_id = clinics.id"
                             "              AND p.role IN ('partner', 'solo'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    _sam_store_mark_changed (self);
  return TRUE;
}

gboolean
sam_store_find_clinic (SamStore   *self,
                       gint64      cluster_id,
                       const char *code,
                       gint64     *out_id)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  stmt = _sam_store_prepare_cached (self, "SELECT id FROM clinics WHERE cluster_id = ?1"
                                          " AND code = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sam_store_delete_clinic_if_unused (SamStore  *self,
                                   gint64     clinic_id,
                                   GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return _sam_store_change_by_id (self, "DELETE FROM clinics WHERE id = ?1"
                             " AND NOT EXISTS (SELECT 1 FROM respondents WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM clinic_tallies WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM meetings WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM plan_actions WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM plan_follow_ups WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'own-clinic'"
                             "                 AND CAST (value AS INTEGER) = ?1)",
                       clinic_id, error);
}

/* Listing */

void
sam_cluster_free (SamCluster *cluster)
{
  if (cluster == NULL)
    return;
  g_free (cluster->name);
  g_free (cluster);
}

void
sam_clinic_free (SamClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->code);
  g_free (clinic->name);
  g_free (clinic->cluster_name);
  g_free (clinic);
}

static gpointer
cluster_from_row (sqlite3_stmt *stmt)
{
  SamCluster *cluster = g_new0 (SamCluster, 1);

  cluster->id = sqlite3_column_int64 (stmt, 0);
  cluster->name = _sam_store_column_dup (stmt, 1);
  return cluster;
}

/**
 * sam_store_list_clusters:
 *
 * Returns: (transfer full) (element-type SamCluster): the clusters by name
 */
GPtrArray *
sam_store_list_clusters (SamStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT id, name FROM clusters ORDER BY name", 0,
                    cluster_from_row, (GDestroyNotify) sam_cluster_free, error);
}

static gpointer
clinic_from_row (sqlite3_stmt *stmt)
{
  SamClinic *clinic = g_new0 (SamClinic, 1);

  clinic->id = sqlite3_column_int64 (stmt, 0);
  clinic->cluster_id = sqlite3_column_int64 (stmt, 1);
  clinic->code = _sam_store_column_dup (stmt, 2);
  clinic->name = _sam_store_column_dup (stmt, 3);
  clinic->cluster_name = _sam_store_column_dup (stmt, 4);
  sam_clinic_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &clinic->kind);
  return clinic;
}

/**
 * sam_store_list_clinics:
 *
 * Returns: (transfer full) (element-type SamClinic): the clinics by cluster and code, codes
 *   that are numbers in numeric order
 */
GPtrArray *
sam_store_list_clinics (SamStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT c.id, c.cluster_id, c.code, c.name, k.name, c.kind"
                          " FROM clinics c JOIN clusters k ON k.id = c.cluster_id"
                          " ORDER BY k.name, length(c.code), c.code", 0,
                    clinic_from_row, (GDestroyNotify) sam_clinic_free, error);
}
