/* sam-store-plan.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-meeting-store.h"
#include "sam-plan.h"
#include "sam-store-private.h"

/*
 * The plan's tables (schema version 4), behind the API of sam-plan.h; statuses, sorting and
 * the calendar file are in sam-plan.c. A write checks what the database cannot: that an
 * item or a domain belongs to the questionnaire, that the follow-up falls 6 to 12 months
 * after the meeting, that a meeting's actions go only into a plan of the clinic (or of a
 * clinic in the cluster) that held it. The database checks the rest.
 */

static const char *source_names[] = { "hand", "meeting" };

#define ACTION_COLUMNS \
  "id, clinic_id, what, item, domain, who, due, status, notes, source, meeting_action_id," \
  " created, updated"

static gboolean
check_action (const SamPlanAction  *action,
              GError              **error)
{
  if (!_sam_store_check_text (action->what, error) || !_sam_store_check_text (action->who, error) ||
      !_sam_store_check_text (action->notes, error))
    return FALSE;
  if (action->what == NULL || _sam_text_is_blank (action->what))
    return _sam_store_set_invalid (error, "%s", _("An action needs to say what is to be done"));
  if (!_sam_store_check_action_fields (action->due, action->item, action->domain, error))
    return FALSE;
  if ((guint) action->status >= SAM_PLAN_N_STATUSES)
    return _sam_store_set_invalid (error, "%s", _("Unknown status of an action"));
  return TRUE;
}

static gpointer
action_from_row (sqlite3_stmt *stmt)
{
  SamPlanAction *action = sam_plan_action_new ();
  SamPlanStatus status = SAM_PLAN_STATUS_PLANNED;

  action->id = sqlite3_column_int64 (stmt, 0);
  action->clinic_id = sqlite3_column_int64 (stmt, 1);
  action->what = _sam_store_column_dup (stmt, 2);
  action->item = _sam_store_column_dup (stmt, 3);
  action->domain = _sam_store_column_dup (stmt, 4);
  g_free (action->who);
  action->who = _sam_store_column_dup (stmt, 5);
  action->due = _sam_store_column_dup (stmt, 6);
  sam_plan_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &status);
  action->status = status;
  g_free (action->notes);
  action->notes = _sam_store_column_dup (stmt, 8);
  action->source = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 9), "meeting") == 0
                   ? SAM_PLAN_SOURCE_MEETING : SAM_PLAN_SOURCE_HAND;
  action->meeting_action_id = sqlite3_column_int64 (stmt, 10);
  action->created = _sam_store_column_dup (stmt, 11);
  action->updated = _sam_store_column_dup (stmt, 12);
  return action;
}

static void
bind_action (sqlite3_stmt        *stmt,
             const SamPlanAction *action)
{
  sqlite3_bind_text (stmt, 2, action->what, -1, SQLITE_TRANSIENT);
  _sam_store_bind_text (stmt, 3, action->item);
  _sam_store_bind_text (stmt, 4, action->domain);
  sqlite3_bind_text (stmt, 5, action->who ? action->who : "", -1, SQLITE_TRANSIENT);
  _sam_store_bind_text (stmt, 6, action->due);
  sqlite3_bind_text (stmt, 7, sam_plan_status_to_string (action->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, action->notes ? action->notes : "", -1, SQLITE_TRANSIENT);
}

static gboolean
insert_action (SamStore             *store,
               gint64                clinic_id,
               const SamPlanAction  *action,
               const char           *now,
               gint64               *out_id,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sam_store_prepare (store, "INSERT INTO plan_actions (clinic_id, what, item, domain,"
                                    " who, due,"
                         " status, notes, source, meeting_action_id, created, updated)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  bind_action (stmt, action);
  sqlite3_bind_text (stmt, 9, source_names[action->source == SAM_PLAN_SOURCE_MEETING],
                     -1, SQLITE_STATIC);
  if (action->meeting_action_id > 0)
    sqlite3_bind_int64 (stmt, 10, action->meeting_action_id);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (!_sam_store_step_done (store, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

/* Checks an action about to be written and begins the change: the time stamp to write with
 * it, or %NULL with @error set. */
static char *
begin_action_write (SamStore             *store,
                    const SamPlanAction  *action,
                    GDateTime            *now,
                    GError              **error)
{
  g_autofree char *stamp = NULL;

  if (!check_action (action, error))
    return NULL;
  stamp = _sam_store_format_utc (now);
  if (!sam_store_begin (store, error))
    return NULL;
  return g_steal_pointer (&stamp);
}

static gboolean
clinic_exists (SamStore  *store,
               gint64     clinic_id,
               gint64    *out_cluster_id,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, "SELECT cluster_id FROM clinics"
                                                            " WHERE id = ?1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _sam_store_set_invalid (error, "%s", _("The clinic no longer exists"));
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (store, error, rc);
  if (out_cluster_id != NULL)
    *out_cluster_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * sam_plan_add_action:
 * @clinic_id: the clinic whose plan it goes into
 * @action: what to do; its id, clinic_id, created and updated are ignored; its source and
 *   meeting_action_id are kept, so that an undone deletion puts back the same action
 * @now: (nullable): when, for the record; %NULL for the clock
 * @out_id: (out) (optional): the new action's id
 *
 * Returns: %TRUE if the action was stored
 */
gboolean
sam_plan_add_action (SamStore             *store,
                     gint64                clinic_id,
                     const SamPlanAction  *action,
                     GDateTime            *now,
                     gint64               *out_id,
                     GError              **error)
{
  g_autofree char *stamp = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  stamp = begin_action_write (store, action, now, error);
  if (stamp == NULL)
    return FALSE;
  ok = clinic_exists (store, clinic_id, NULL, error) &&
       insert_action (store, clinic_id, action, stamp, out_id, error);
  return _sam_store_finish (store, ok, error);
}

/**
 * sam_plan_update_action:
 * @action: the action as it now stands, named by its id; its clinic, source and link to a
 *   meeting stay as they were
 */
gboolean
sam_plan_update_action (SamStore             *store,
                        const SamPlanAction  *action,
                        GDateTime            *now,
                        GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  stamp = begin_action_write (store, action, now, error);
  if (stamp == NULL)
    return FALSE;
  stmt = _sam_store_prepare (store, "UPDATE plan_actions"
                                    " SET what = ?2, item = ?3, domain = ?4, who = ?5,"
                         " due = ?6, status = ?7, notes = ?8, updated = ?9 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, action->id);
      bind_action (stmt, action);
      sqlite3_bind_text (stmt, 9, stamp, -1, SQLITE_TRANSIENT);
    }
  return _sam_store_finish_one_row (store, stmt, _("The action no longer exists"), error);
}

/**
 * sam_plan_set_status:
 *
 * Moves an action to @status. Every move is allowed, back as well as forward: an action
 * marked done by mistake is reopened the same way.
 */
gboolean
sam_plan_set_status (SamStore       *store,
                     gint64          action_id,
                     SamPlanStatus   status,
                     GDateTime      *now,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if ((guint) status >= SAM_PLAN_N_STATUSES)
    return _sam_store_set_invalid (error, "%s", _("Unknown status of an action"));
  stamp = _sam_store_format_utc (now);
  if (!sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, "UPDATE plan_actions SET status = ?2, updated = ?3"
                                    " WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_text (stmt, 2, sam_plan_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
    }
  return _sam_store_finish_one_row (store, stmt, _("The action no longer exists"), error);
}

gboolean
sam_plan_delete_action (SamStore  *store,
                        gint64     action_id,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return _sam_store_delete_by_id (store, "DELETE FROM plan_actions WHERE id = ?1", action_id,
                                  _("The action no longer exists"), error);
}

SamPlanAction *
sam_plan_get_action (SamStore  *store,
                     gint64     action_id,
                     GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_get_by_id (store, "SELECT " ACTION_COLUMNS " FROM plan_actions WHERE id = ?1",
                               action_id, action_from_row, _("The action no longer exists"), error);
}

/**
 * sam_plan_list_actions:
 * @clinic_id: whose plan
 * @filter: (nullable): which actions; %NULL for all
 *
 * Returns: (transfer full) (element-type SamPlanAction): the actions, sorted by @sort
 */
GPtrArray *
sam_plan_list_actions (SamStore             *store,
                       gint64                clinic_id,
                       const SamPlanFilter  *filter,
                       SamPlanSort           sort,
                       GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  stmt = _sam_store_prepare (store, "SELECT " ACTION_COLUMNS " FROM plan_actions"
                                    " WHERE clinic_id = ?1"
                         " AND (?2 IS NULL OR (due IS NOT NULL AND due >= ?2))"
                         " AND (?3 IS NULL OR (due IS NOT NULL AND due <= ?3))", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  _sam_store_bind_text (stmt, 2, filter ? filter->due_from : NULL);
  _sam_store_bind_text (stmt, 3, filter ? filter->due_to : NULL);

  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_plan_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamPlanAction *action = action_from_row (stmt);

      if (filter != NULL && filter->statuses != 0 &&
          (filter->statuses & SAM_PLAN_STATUS_MASK (action->status)) == 0)
        sam_plan_action_free (action);
      else
        g_ptr_array_add (actions, action);
    }
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (store, error, rc);
      return NULL;
    }
  sam_plan_sort_actions (actions, sort);
  return g_steal_pointer (&actions);
}

/* From a meeting */

static gboolean
meeting_fits_clinic (SamStore  *store,
                     gint64     clinic_id,
                     gint64     meeting_id,
                     GError   **error)
{
  g_autoptr(SamMeeting) meeting = NULL;
  gint64 cluster_id = 0;

  if (!clinic_exists (store, clinic_id, &cluster_id, error))
    return FALSE;
  meeting = sam_meeting_store_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (meeting->clinic_id > 0 && meeting->clinic_id != clinic_id)
    return _sam_store_set_invalid (error, "%s", _("The meeting was held in another clinic"));
  if (meeting->cluster_id > 0 && meeting->cluster_id != cluster_id)
    return _sam_store_set_invalid (error, "%s", _("The meeting was held in another cluster"));
  return TRUE;
}

static gboolean
plan_has_meeting_action (SamStore  *store,
                         gint64     clinic_id,
                         gint64     meeting_action_id,
                         gboolean  *has,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, "SELECT 1 FROM plan_actions"
                                                 " WHERE clinic_id = ?1 AND meeting_action_id = ?2",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  sqlite3_bind_int64 (stmt, 2, meeting_action_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sam_store_set_error (store, error, rc);
  *has = rc == SQLITE_ROW;
  return TRUE;
}

/* One meeting's decided actions into the plan, inside the caller's transaction. */
static gboolean
import_meeting (SamStore   *store,
                gint64      clinic_id,
                gint64      meeting_id,
                GDateTime  *now,
                GArray     *added_ids,
                guint      *n_added,
                GError    **error)
{
  g_autoptr(GPtrArray) decided = NULL;
  g_autofree char *stamp = _sam_store_format_utc (now);
  gboolean ok;
  guint added = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  ok = meeting_fits_clinic (store, clinic_id, meeting_id, error);
  if (ok)
    {
      decided = sam_meeting_store_list_actions (store, meeting_id, error);
      ok = decided != NULL;
    }
  for (guint i = 0; ok && i < decided->len; i++)
    {
      const SamMeetingAction *from = g_ptr_array_index (decided, i);
      g_autoptr(SamPlanAction) action = NULL;
      gboolean has = FALSE;

      ok = plan_has_meeting_action (store, clinic_id, from->id, &has, error);
      if (!ok || has)
        continue;
      action = sam_plan_action_new ();
      action->what = g_strdup (from->what);
      g_free (action->who);
      action->who = g_strdup (from->who ? from->who : "");
      action->due = g_strdup (from->due);
      action->item = g_strdup (from->item);
      action->domain = g_strdup (from->domain);
      action->status = from->done ? SAM_PLAN_STATUS_DONE : SAM_PLAN_STATUS_PLANNED;
      action->source = SAM_PLAN_SOURCE_MEETING;
      action->meeting_action_id = from->id;
      {
        gint64 id = 0;

        ok = check_action (action, error) &&
             insert_action (store, clinic_id, action, stamp, &id, error);
        if (ok && added_ids != NULL)
          g_array_append_val (added_ids, id);
      }
      added += ok;
    }
  if (!_sam_store_finish (store, ok, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/**
 * sam_plan_import_meeting:
 * @clinic_id: whose plan
 * @meeting_id: a meeting of that clinic, or of its cluster
 * @n_added: (out) (optional): how many actions were new to the plan
 *
 * Takes the actions decided at the meeting into the plan, as planned (or done, where the
 * meeting marked them done). An action the plan already holds from an earlier import is
 * left as the plan has it, so importing twice adds nothing and undoes no edits.
 */
gboolean
sam_plan_import_meeting (SamStore   *store,
                         gint64      clinic_id,
                         gint64      meeting_id,
                         GDateTime  *now,
                         guint      *n_added,
                         GError    **error)
{
  return import_meeting (store, clinic_id, meeting_id, now, NULL, n_added, error);
}

/**
 * sam_plan_take_meeting:
 * @meeting_id: a clinic's meeting that has ended
 * @added_ids: (out) (transfer full): the plan's new actions, to take back as a whole
 *
 * What the meeting's "What we will do" step promises: its actions go into the clinic's
 * plan when it ends, and the follow-up counts from the meeting's date where the plan had
 * none, or one from an earlier meeting. One change; nothing for a cluster's meeting.
 */
gboolean
sam_plan_take_meeting (SamStore   *store,
                       gint64      meeting_id,
                       GDateTime  *now,
                       GArray    **added_ids,
                       GError    **error)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  meeting = sam_meeting_store_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (meeting->clinic_id == 0)
    {
      *added_ids = g_steal_pointer (&ids);
      return TRUE;
    }
  if (!sam_store_begin (store, error))
    return FALSE;
  ok = import_meeting (store, meeting->clinic_id, meeting_id, now, ids, NULL, error);
  if (ok)
    {
      follow_up = sam_plan_get_follow_up (store, meeting->clinic_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else if (ids->len > 0 &&
               (follow_up == NULL || g_strcmp0 (follow_up->since, meeting->date) < 0))
        ok = sam_plan_set_follow_up (store, meeting->clinic_id, meeting->date, NULL, error);
    }
  if (!_sam_store_finish (store, ok, error))
    return FALSE;
  *added_ids = g_steal_pointer (&ids);
  return TRUE;
}

/**
 * sam_plan_set_follow_up:
 * @since: the meeting's date, YYYY-MM-DD
 * @date: (nullable): the follow-up's date, 6 to 12 months after @since; %NULL for 6 months
 */
gboolean
sam_plan_set_follow_up (SamStore    *store,
                        gint64       clinic_id,
                        const char  *since,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate from, when, earliest, latest;
  char iso[16];
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (since == NULL || !sam_date_parse_iso (since, &from))
    return _sam_store_set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), since ? since : "");
  if (date == NULL)
    sam_plan_follow_up_default (since, &when);
  else if (!sam_date_parse_iso (date, &when))
    return _sam_store_set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), date);
  earliest = from;
  g_date_add_months (&earliest, SAM_PLAN_FOLLOW_UP_MIN_MONTHS);
  latest = from;
  g_date_add_months (&latest, SAM_PLAN_FOLLOW_UP_MAX_MONTHS);
  if (g_date_compare (&when, &earliest) < 0 || g_date_compare (&when, &latest) > 0)
    return _sam_store_set_invalid (error, "%s",
                                   _("The follow-up is 6 to 12 months after the meeting"));
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &when);

  if (!sam_store_begin (store, error))
    return FALSE;
  ok = clinic_exists (store, clinic_id, NULL, error);
  if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO plan_follow_ups (clinic_id, since, date)"
                             " VALUES (?1, ?2, ?3) ON CONFLICT (clinic_id)"
                             " DO UPDATE SET since = excluded.since, date = excluded.date", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, clinic_id);
      sqlite3_bind_text (stmt, 2, since, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, iso, -1, SQLITE_TRANSIENT);
      ok = _sam_store_step_done (store, stmt, error);
    }
  return _sam_store_finish (store, ok, error);
}

gboolean
sam_plan_clear_follow_up (SamStore  *store,
                          gint64     clinic_id,
                          GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return _sam_store_delete_by_id (store, "DELETE FROM plan_follow_ups WHERE clinic_id = ?1",
                                  clinic_id, NULL, error);
}

/**
 * sam_plan_get_follow_up:
 *
 * Returns: (transfer full) (nullable): the clinic's follow-up, or %NULL (without an error)
 *   where none is set
 */
SamPlanFollowUp *
sam_plan_get_follow_up (SamStore  *store,
                        gint64     clinic_id,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SamPlanFollowUp *follow_up;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  stmt = _sam_store_prepare (store,
                             "SELECT since, date FROM plan_follow_ups WHERE clinic_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (store, error, rc);
      return NULL;
    }
  follow_up = g_new0 (SamPlanFollowUp, 1);
  follow_up->clinic_id = clinic_id;
  follow_up->since = _sam_store_column_dup (stmt, 0);
  follow_up->date = _sam_store_column_dup (stmt, 1);
  return follow_up;
}
