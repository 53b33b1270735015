/* sam-store-meetings.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-instrument.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"
#include "sam-store-private.h"

/*
 * The meetings' tables (schema version 3). A write checks what the database cannot:
 * that the template is one the app knows, that a step or a category belongs to the
 * meeting's template, that an item or a domain belongs to the questionnaire. The
 * database checks the rest (dates, colours, a meeting in a clinic or the cluster).
 *
 * Nothing here emits the store's "changed": notes are saved as they are typed, and the
 * windows that list rounds and results have no reason to refresh for them.
 */

static const char *colour_names[] = { "green", "red" };

void
sam_meeting_free (SamMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->template_id);
  g_free (meeting->date);
  g_free (meeting->started);
  g_free (meeting->ended);
  g_free (meeting);
}

void
sam_meeting_note_free (SamMeetingNote *note)
{
  if (note == NULL)
    return;
  g_free (note->step);
  g_free (note->text);
  g_free (note->updated);
  g_free (note);
}

void
sam_meeting_card_free (SamMeetingCard *card)
{
  if (card == NULL)
    return;
  g_free (card->step);
  g_free (card->text);
  g_free (card->category);
  g_free (card);
}

void
sam_meeting_action_free (SamMeetingAction *action)
{
  if (action == NULL)
    return;
  g_free (action->step);
  g_free (action->what);
  g_free (action->who);
  g_free (action->due);
  g_free (action->item);
  g_free (action->domain);
  g_free (action);
}

/* Helpers */

static gboolean
check_date (const char  *date,
            GError     **error)
{
  GDate parsed;

  if (date == NULL || !sam_date_parse_iso (date, &parsed))
    return _sam_store_set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), date ? date : "");
  return TRUE;
}

/* The template of a meeting in the store, as this version of the app knows it. */
SamMeetingTemplate *
_sam_store_meeting_template (SamStore  *store,
                             gint64     meeting_id,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, "SELECT template FROM meetings"
                                                            " WHERE id = ?1",
                                          error);
  SamMeetingTemplate *template;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _sam_store_set_invalid (error, "%s", _("The meeting no longer exists"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (store, error, rc);
      return NULL;
    }
  template = sam_meeting_template_lookup ((const char *) sqlite3_column_text (stmt, 0));
  if (template == NULL)
    _sam_store_set_invalid (error, _("“%s” is not a meeting template"),
                 (const char *) sqlite3_column_text (stmt, 0));
  return template;
}

gboolean
_sam_store_check_meeting_step (SamMeetingTemplate  *template,
                               const char          *step,
                               GError             **error)
{
  if (step == NULL || sam_meeting_template_lookup_step (template, step) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a step of this meeting"),
                                   step ? step : "");
  return TRUE;
}

/* What an action of a meeting and an action of the plan both hold to: a due date, where
 * there is one, is a date, and the action answers to an item or a domain of the
 * questionnaire, or to neither, not both. */
gboolean
_sam_store_check_action_fields (const char  *due,
                                const char  *item,
                                const char  *domain,
                                GError     **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GDate parsed;

  if (due != NULL && !sam_date_parse_iso (due, &parsed))
    return _sam_store_set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), due);
  if (item != NULL && domain != NULL)
    return _sam_store_set_invalid (error, "%s",
                                   _("An action answers to an item or a domain, not both"));
  if (item != NULL && sam_instrument_lookup_item (instrument, item) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not an item of the questionnaire"), item);
  if (domain != NULL && sam_instrument_lookup_domain (instrument, domain) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a domain of the questionnaire"),
                                   domain);
  return TRUE;
}

static gboolean
check_category (SamMeetingTemplate  *template,
                const char          *category,
                GError             **error)
{
  if (category != NULL && sam_meeting_template_lookup_category (template, category) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a category of this meeting"), category);
  return TRUE;
}

/* Meetings */

/**
 * sam_meeting_store_create:
 * @template_id: a template id, such as "clinic-wellbeing"
 * @clinic_id: the clinic holding the meeting, or 0
 * @cluster_id: the cluster holding the meeting, or 0; exactly one of the two, as the
 *   template's scope says
 * @date: the day, YYYY-MM-DD
 * @participants: how many take part
 * @earlier_round: whether the parts that need an earlier round are held
 * @out_id: (out) (optional): the new meeting's id
 *
 * Returns: %TRUE if the meeting was stored
 */
gboolean
sam_meeting_store_create (SamStore    *store,
                          const char  *template_id,
                          gint64       clinic_id,
                          gint64       cluster_id,
                          const char  *date,
                          guint        participants,
                          gboolean     earlier_round,
                          gint64      *out_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SamMeetingTemplate *template;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  template = template_id ? sam_meeting_template_lookup (template_id) : NULL;
  if (template == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a meeting template"),
                                   template_id ? template_id : "");
  if ((clinic_id > 0) == (cluster_id > 0))
    return _sam_store_set_invalid (error, "%s",
                                   _("A meeting is held either in a clinic or in the cluster"));
  if (clinic_id > 0 && sam_meeting_template_get_scope (template) != SAM_MEETING_SCOPE_CLINIC)
    return _sam_store_set_invalid (error, _("“%s” is held in the cluster, not in a clinic"),
                        sam_meeting_template_get_title (template));
  if (cluster_id > 0 && sam_meeting_template_get_scope (template) != SAM_MEETING_SCOPE_CLUSTER)
    return _sam_store_set_invalid (error, _("“%s” is held in a clinic, not in the cluster"),
                        sam_meeting_template_get_title (template));
  if (!check_date (date, error))
    return FALSE;

  if (!sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, "INSERT INTO meetings (template, clinic_id, cluster_id, date,"
                         " participants, earlier_round) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_TRANSIENT);
      if (clinic_id > 0)
        sqlite3_bind_int64 (stmt, 2, clinic_id);
      if (cluster_id > 0)
        sqlite3_bind_int64 (stmt, 3, cluster_id);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, participants);
      sqlite3_bind_int (stmt, 6, earlier_round ? 1 : 0);
    }
  return _sam_store_finish_insert (store, stmt, out_id, error);
}

#define MEETING_COLUMNS \
  "id, template, clinic_id, cluster_id, date, participants, earlier_round, started, ended"

static gpointer
meeting_from_row (sqlite3_stmt *stmt)
{
  SamMeeting *meeting = g_new0 (SamMeeting, 1);

  meeting->id = sqlite3_column_int64 (stmt, 0);
  meeting->template_id = _sam_store_column_dup (stmt, 1);
  meeting->clinic_id = sqlite3_column_int64 (stmt, 2);
  meeting->cluster_id = sqlite3_column_int64 (stmt, 3);
  meeting->date = _sam_store_column_dup (stmt, 4);
  meeting->participants = (guint) sqlite3_column_int64 (stmt, 5);
  meeting->earlier_round = sqlite3_column_int (stmt, 6) != 0;
  meeting->started = _sam_store_column_dup (stmt, 7);
  meeting->ended = _sam_store_column_dup (stmt, 8);
  return meeting;
}

/**
 * sam_meeting_store_get:
 *
 * Returns: (transfer full): the meeting, or %NULL with @error set
 */
SamMeeting *
sam_meeting_store_get (SamStore  *store,
                       gint64     meeting_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  rows = _sam_store_list_rows (store,
                               "SELECT " MEETING_COLUMNS " FROM meetings WHERE id = ?1", meeting_id,
                    meeting_from_row, (GDestroyNotify) sam_meeting_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      _sam_store_set_invalid (error, "%s", _("The meeting no longer exists"));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * sam_meeting_store_list:
 *
 * Returns: (transfer container) (element-type SamMeeting): every meeting, the newest first
 */
GPtrArray *
sam_meeting_store_list (SamStore  *store,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_list_rows (store, "SELECT " MEETING_COLUMNS " FROM meetings"
                                      " ORDER BY date DESC, id DESC",
                    0, meeting_from_row, (GDestroyNotify) sam_meeting_free, error);
}

static gboolean
set_time (SamStore    *store,
          const char  *sql,
          gint64       meeting_id,
          GDateTime   *when,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = when ? _sam_store_format_utc (when) : NULL;

  if (!sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      _sam_store_bind_text (stmt, 2, stamp);
    }
  return _sam_store_finish_one_row (store, stmt, _("The meeting no longer exists"), error);
}

/**
 * sam_meeting_store_set_started:
 * @when: (nullable): when the meeting started, or %NULL to clear it
 */
gboolean
sam_meeting_store_set_started (SamStore   *store,
                               gint64      meeting_id,
                               GDateTime  *when,
                               GError    **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return set_time (store, "UPDATE meetings SET started = ?2 WHERE id = ?1", meeting_id, when,
                   error);
}

/**
 * sam_meeting_store_set_ended:
 * @when: (nullable): when the meeting ended, or %NULL to clear it
 */
gboolean
sam_meeting_store_set_ended (SamStore   *store,
                             gint64      meeting_id,
                             GDateTime  *when,
                             GError    **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return set_time (store, "UPDATE meetings SET ended = ?2 WHERE id = ?1", meeting_id, when,
                   error);
}

/**
 * sam_meeting_store_delete:
 *
 * Deletes the meeting with its notes, green and red notes and actions.
 */
gboolean
sam_meeting_store_delete (SamStore  *store,
                          gint64     meeting_id,
                          GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return _sam_store_delete_by_id (store, "DELETE FROM meetings WHERE id = ?1", meeting_id,
                                  _("The meeting no longer exists"), error);
}

/* Notes per step */

/**
 * sam_meeting_store_set_note:
 * @step: a step id of the meeting's template
 * @text: what was typed; empty or blank removes the note
 *
 * Saves a step's notes as they stand, to be called as they are typed.
 */
gboolean
sam_meeting_store_set_note (SamStore    *store,
                            gint64       meeting_id,
                            const char  *step,
                            const char  *text,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  SamMeetingTemplate *template;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!_sam_store_check_text (text, error) || !sam_store_begin (store, error))
    return FALSE;
  template = _sam_store_meeting_template (store, meeting_id, error);
  ok = template != NULL && _sam_store_check_meeting_step (template, step, error);
  if (ok && _sam_text_is_blank (text))
    {
      stmt = _sam_store_prepare (store, "DELETE FROM meeting_notes WHERE meeting_id = ?1"
                                        " AND step = ?2",
                      error);
      ok = stmt != NULL;
    }
  else if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO meeting_notes (meeting_id, step,"
                                        " text, updated)"
                             " VALUES (?1, ?2, ?3, ?4)"
                             " ON CONFLICT (meeting_id, step) DO UPDATE"
                             " SET text = excluded.text, updated = excluded.updated", error);
      ok = stmt != NULL;
      if (ok)
        {
          now = g_date_time_new_now_utc ();
          stamp = _sam_store_format_utc (now);
          sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, stamp, -1, SQLITE_TRANSIENT);
        }
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_text (stmt, 2, step, -1, SQLITE_TRANSIENT);
      ok = _sam_store_step_done (store, stmt, error);
    }
  return _sam_store_finish (store, ok, error);
}

static gpointer
note_from_row (sqlite3_stmt *stmt)
{
  SamMeetingNote *note = g_new0 (SamMeetingNote, 1);

  note->step = _sam_store_column_dup (stmt, 0);
  note->text = _sam_store_column_dup (stmt, 1);
  note->updated = _sam_store_column_dup (stmt, 2);
  return note;
}

static int
compare_step_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  SamMeetingTemplate *template = user_data;
  const SamMeetingNote *na = *(SamMeetingNote * const *) a;
  const SamMeetingNote *nb = *(SamMeetingNote * const *) b;
  const SamMeetingStep *sa = sam_meeting_template_lookup_step (template, na->step);
  const SamMeetingStep *sb = sam_meeting_template_lookup_step (template, nb->step);
  guint ia = sa ? sa->index : G_MAXUINT;
  guint ib = sb ? sb->index : G_MAXUINT;

  return ia < ib ? -1 : ia > ib;
}

/**
 * sam_meeting_store_list_notes:
 *
 * Returns: (transfer container) (element-type SamMeetingNote): the steps' notes, in the
 *   order of the template's steps
 */
GPtrArray *
sam_meeting_store_list_notes (SamStore  *store,
                              gint64     meeting_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  SamMeetingTemplate *template;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  template = _sam_store_meeting_template (store, meeting_id, error);
  if (template == NULL)
    return NULL;
  notes = _sam_store_list_rows (store, "SELECT step, text, updated FROM meeting_notes"
                                       " WHERE meeting_id = ?1",
                     meeting_id, note_from_row, (GDestroyNotify) sam_meeting_note_free,
                     error);
  if (notes != NULL)
    g_ptr_array_sort_with_data (notes, compare_step_order, template);
  return g_steal_pointer (&notes);
}

/* Green and red notes */

/**
 * sam_meeting_store_add_card:
 * @step: the step where the note was written
 * @text: the note
 * @category: (nullable): a category of the template, or %NULL while unsorted
 * @out_id: (out) (optional): the new note's id
 */
gboolean
sam_meeting_store_add_card (SamStore              *store,
                            gint64                 meeting_id,
                            const char            *step,
                            SamMeetingCardColour   colour,
                            const char            *text,
                            const char            *category,
                            gint64                *out_id,
                            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SamMeetingTemplate *template;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (colour <= SAM_MEETING_CARD_RED, FALSE);

  if (!_sam_store_check_text (text, error))
    return FALSE;
  if (text == NULL || _sam_text_is_blank (text))
    return _sam_store_set_invalid (error, "%s", _("A note needs some text"));
  if (!sam_store_begin (store, error))
    return FALSE;
  template = _sam_store_meeting_template (store, meeting_id, error);
  if (template != NULL && _sam_store_check_meeting_step (template, step, error) &&
      check_category (template, category, error))
    stmt = _sam_store_prepare (store, "INSERT INTO meeting_cards (meeting_id, step, colour, text,"
                                      " category)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_text (stmt, 2, step, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, colour_names[colour], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
      _sam_store_bind_text (stmt, 5, category);
    }
  return _sam_store_finish_insert (store, stmt, out_id, error);
}

/* The meeting a card or an action belongs to, or 0 with @error set. */
static gint64
owner_of (SamStore    *store,
          const char  *sql,
          gint64       id,
          const char  *gone_message,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    _sam_store_set_invalid (error, "%s", gone_message);
  else
    _sam_store_set_error (store, error, rc);
  return 0;
}

/**
 * sam_meeting_store_set_card_category:
 * @category: (nullable): a category of the meeting's template, or %NULL for unsorted
 *
 * Sorts a green or red note under a category.
 */
gboolean
sam_meeting_store_set_card_category (SamStore    *store,
                                     gint64       card_id,
                                     const char  *category,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SamMeetingTemplate *template = NULL;
  gint64 meeting_id;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  meeting_id = owner_of (store, "SELECT meeting_id FROM meeting_cards WHERE id = ?1", card_id,
                         _("The note no longer exists"), error);
  if (meeting_id != 0 &&
      (template = _sam_store_meeting_template (store, meeting_id, error)) != NULL &&
      check_category (template, category, error))
    stmt = _sam_store_prepare (store,
                               "UPDATE meeting_cards SET category = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, card_id);
      _sam_store_bind_text (stmt, 2, category);
    }
  return _sam_store_finish_one_row (store, stmt, _("The note no longer exists"), error);
}

gboolean
sam_meeting_store_delete_card (SamStore  *store,
                               gint64     card_id,
                               GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return _sam_store_delete_by_id (store, "DELETE FROM meeting_cards WHERE id = ?1", card_id,
                                  _("The note no longer exists"), error);
}

static gpointer
card_from_row (sqlite3_stmt *stmt)
{
  SamMeetingCard *card = g_new0 (SamMeetingCard, 1);

  card->id = sqlite3_column_int64 (stmt, 0);
  card->step = _sam_store_column_dup (stmt, 1);
  card->colour = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "red") == 0
                 ? SAM_MEETING_CARD_RED : SAM_MEETING_CARD_GREEN;
  card->text = _sam_store_column_dup (stmt, 3);
  card->category = _sam_store_column_dup (stmt, 4);
  return card;
}

/**
 * sam_meeting_store_list_cards:
 *
 * Returns: (transfer container) (element-type SamMeetingCard): the green and red notes,
 *   in the order they were written
 */
GPtrArray *
sam_meeting_store_list_cards (SamStore  *store,
                              gint64     meeting_id,
                              GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_list_rows (store, "SELECT id, step, colour, text, category FROM meeting_cards"
                           " WHERE meeting_id = ?1 ORDER BY id",
                    meeting_id, card_from_row, (GDestroyNotify) sam_meeting_card_free,
                    error);
}

/* Actions */

static gboolean
check_action (SamStore                *store,
              gint64                   meeting_id,
              const SamMeetingAction  *action,
              GError                 **error)
{
  SamMeetingTemplate *template = _sam_store_meeting_template (store, meeting_id, error);

  if (template == NULL)
    return FALSE;
  if (!_sam_store_check_text (action->what, error) || !_sam_store_check_text (action->who, error))
    return FALSE;
  if (action->what == NULL || _sam_text_is_blank (action->what))
    return _sam_store_set_invalid (error, "%s", _("An action needs to say what is to be done"));
  if (action->step != NULL && !_sam_store_check_meeting_step (template, action->step, error))
    return FALSE;
  return _sam_store_check_action_fields (action->due, action->item, action->domain, error);
}

static void
bind_action (sqlite3_stmt           *stmt,
             const SamMeetingAction *action)
{
  _sam_store_bind_text (stmt, 2, action->step);
  sqlite3_bind_text (stmt, 3, action->what, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action->who ? action->who : "", -1, SQLITE_TRANSIENT);
  _sam_store_bind_text (stmt, 5, action->due);
  _sam_store_bind_text (stmt, 6, action->item);
  _sam_store_bind_text (stmt, 7, action->domain);
  sqlite3_bind_int (stmt, 8, action->done ? 1 : 0);
}

/**
 * sam_meeting_store_add_action:
 * @action: what was decided; its id, meeting_id are ignored
 * @out_id: (out) (optional): the new action's id
 */
gboolean
sam_meeting_store_add_action (SamStore                *store,
                              gint64                   meeting_id,
                              const SamMeetingAction  *action,
                              gint64                  *out_id,
                              GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  if (check_action (store, meeting_id, action, error))
    stmt = _sam_store_prepare (store, "INSERT INTO meeting_actions (meeting_id, step, what, who,"
                                      " due, item,"
                           " domain, done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      bind_action (stmt, action);
    }
  return _sam_store_finish_insert (store, stmt, out_id, error);
}

/**
 * sam_meeting_store_update_action:
 * @action: the action as it now stands, named by its id
 */
gboolean
sam_meeting_store_update_action (SamStore                *store,
                                 const SamMeetingAction  *action,
                                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 meeting_id;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  meeting_id = owner_of (store, "SELECT meeting_id FROM meeting_actions WHERE id = ?1", action->id,
                         _("The action no longer exists"), error);
  if (meeting_id != 0 && check_action (store, meeting_id, action, error))
    stmt = _sam_store_prepare (store, "UPDATE meeting_actions"
                                      " SET step = ?2, what = ?3, who = ?4, due = ?5,"
                           " item = ?6, domain = ?7, done = ?8 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, action->id);
      bind_action (stmt, action);
    }
  return _sam_store_finish_one_row (store, stmt, _("The action no longer exists"), error);
}

gboolean
sam_meeting_store_delete_action (SamStore  *store,
                                 gint64     action_id,
                                 GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return _sam_store_delete_by_id (store, "DELETE FROM meeting_actions WHERE id = ?1", action_id,
                                  _("The action no longer exists"), error);
}

#define ACTION_COLUMNS "a.id, a.meeting_id, a.step, a.what, a.who, a.due, a.item, a.domain, a.done"

static gpointer
action_from_row (sqlite3_stmt *stmt)
{
  SamMeetingAction *action = g_new0 (SamMeetingAction, 1);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->meeting_id = sqlite3_column_int64 (stmt, 1);
  action->step = _sam_store_column_dup (stmt, 2);
  action->what = _sam_store_column_dup (stmt, 3);
  action->who = _sam_store_column_dup (stmt, 4);
  action->due = _sam_store_column_dup (stmt, 5);
  action->item = _sam_store_column_dup (stmt, 6);
  action->domain = _sam_store_column_dup (stmt, 7);
  action->done = sqlite3_column_int (stmt, 8) != 0;
  return action;
}

/**
 * sam_meeting_store_list_actions:
 *
 * Returns: (transfer container) (element-type SamMeetingAction): the meeting's actions,
 *   in the order they were decided
 */
GPtrArray *
sam_meeting_store_list_actions (SamStore  *store,
                                gint64     meeting_id,
                                GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_list_rows (store, "SELECT " ACTION_COLUMNS " FROM meeting_actions a"
                           " WHERE a.meeting_id = ?1 ORDER BY a.id",
                    meeting_id, action_from_row,
                    (GDestroyNotify) sam_meeting_action_free, error);
}

/**
 * sam_meeting_store_list_clinic_actions:
 *
 * Every action decided at the clinic's meetings, for its implementation plan: the
 * soonest due first, those without a date last.
 *
 * Returns: (transfer container) (element-type SamMeetingAction): the actions
 */
GPtrArray *
sam_meeting_store_list_clinic_actions (SamStore  *store,
                                       gint64     clinic_id,
                                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (clinic_id > 0, NULL);

  return _sam_store_list_rows (store, "SELECT " ACTION_COLUMNS " FROM meeting_actions a"
                           " JOIN meetings m ON m.id = a.meeting_id"
                           " WHERE m.clinic_id = ?1 ORDER BY a.due IS NULL, a.due, a.id",
                    clinic_id, action_from_row,
                    (GDestroyNotify) sam_meeting_action_free, error);
}
