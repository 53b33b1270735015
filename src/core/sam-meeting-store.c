/* sam-meeting-store.c
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







/* Runs a change that must touch exactly one row; none means the row is gone. */
static gboolean
step_one_row (SamStore      *store,
              sqlite3_stmt  *stmt,
              const char    *gone_message,
              GError       **error)
{
  if (!_sam_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_sam_store_get_db (store)) != 1)
    return _sam_store_set_invalid (error, "%s", gone_message);
  return TRUE;
}





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
static SamMeetingTemplate *
meeting_template (SamStore  *store,
                  gint64     meeting_id,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store, "SELECT template FROM meetings WHERE id = ?1",
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

static gboolean
check_step (SamMeetingTemplate  *template,
            const char          *step,
            GError             **error)
{
  if (step == NULL || sam_meeting_template_lookup_step (template, step) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a step of this meeting"), step ? step : "");
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
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  template = template_id ? sam_meeting_template_lookup (template_id) : NULL;
  if (template == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a meeting template"), template_id ? template_id : "");
  if ((clinic_id > 0) == (cluster_id > 0))
    return _sam_store_set_invalid (error, "%s", _("A meeting is held either in a clinic or in the cluster"));
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
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_TRANSIENT);
      if (clinic_id > 0)
        sqlite3_bind_int64 (stmt, 2, clinic_id);
      if (cluster_id > 0)
        sqlite3_bind_int64 (stmt, 3, cluster_id);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, participants);
      sqlite3_bind_int (stmt, 6, earlier_round ? 1 : 0);
      ok = _sam_store_step_done (store, stmt, error);
    }
  if (ok && out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (_sam_store_get_db (store));
  return _sam_store_finish (store, ok, error);
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

  rows = _sam_store_list_rows (store, "SELECT " MEETING_COLUMNS " FROM meetings WHERE id = ?1", meeting_id,
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

  return _sam_store_list_rows (store, "SELECT " MEETING_COLUMNS " FROM meetings ORDER BY date DESC, id DESC",
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
  gboolean ok;

  if (!sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      _sam_store_bind_text (stmt, 2, stamp);
      ok = step_one_row (store, stmt, _("The meeting no longer exists"), error);
    }
  return _sam_store_finish (store, ok, error);
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

static gboolean
delete_by_id (SamStore    *store,
              const char  *sql,
              gint64       id,
              const char  *gone_message,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = step_one_row (store, stmt, gone_message, error);
    }
  return _sam_store_finish (store, ok, error);
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

  return delete_by_id (store, "DELETE FROM meetings WHERE id = ?1", meeting_id,
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
  template = meeting_template (store, meeting_id, error);
  ok = template != NULL && check_step (template, step, error);
  if (ok && _sam_text_is_blank (text))
    {
      stmt = _sam_store_prepare (store, "DELETE FROM meeting_notes WHERE meeting_id = ?1 AND step = ?2",
                      error);
      ok = stmt != NULL;
    }
  else if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO meeting_notes (meeting_id, step, text, updated)"
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

  template = meeting_template (store, meeting_id, error);
  if (template == NULL)
    return NULL;
  notes = _sam_store_list_rows (store, "SELECT step, text, updated FROM meeting_notes WHERE meeting_id = ?1",
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
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (colour <= SAM_MEETING_CARD_RED, FALSE);

  if (!_sam_store_check_text (text, error))
    return FALSE;
  if (text == NULL || _sam_text_is_blank (text))
    return _sam_store_set_invalid (error, "%s", _("A note needs some text"));
  if (!sam_store_begin (store, error))
    return FALSE;
  template = meeting_template (store, meeting_id, error);
  ok = template != NULL && check_step (template, step, error) &&
       check_category (template, category, error);
  if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO meeting_cards (meeting_id, step, colour, text, category)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_text (stmt, 2, step, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, colour_names[colour], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
      _sam_store_bind_text (stmt, 5, category);
      ok = _sam_store_step_done (store, stmt, error);
    }
  if (ok && out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (_sam_store_get_db (store));
  return _sam_store_finish (store, ok, error);
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
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  meeting_id = owner_of (store, "SELECT meeting_id FROM meeting_cards WHERE id = ?1", card_id,
                         _("The note no longer exists"), error);
  ok = meeting_id != 0 && (template = meeting_template (store, meeting_id, error)) != NULL &&
       check_category (template, category, error);
  if (ok)
    {
      stmt = _sam_store_prepare (store, "UPDATE meeting_cards SET category = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, card_id);
      _sam_store_bind_text (stmt, 2, category);
      ok = step_one_row (store, stmt, _("The note no longer exists"), error);
    }
  return _sam_store_finish (store, ok, error);
}

gboolean
sam_meeting_store_delete_card (SamStore  *store,
                               gint64     card_id,
                               GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return delete_by_id (store, "DELETE FROM meeting_cards WHERE id = ?1", card_id,
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
check_action (SamMeetingTemplate      *template,
              const SamMeetingAction  *action,
              GError                 **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GDate due;

  if (!_sam_store_check_text (action->what, error) || !_sam_store_check_text (action->who, error))
    return FALSE;
  if (action->what == NULL || _sam_text_is_blank (action->what))
    return _sam_store_set_invalid (error, "%s", _("An action needs to say what is to be done"));
  if (action->step != NULL && !check_step (template, action->step, error))
    return FALSE;
  if (action->due != NULL && !sam_date_parse_iso (action->due, &due))
    return _sam_store_set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), action->due);
  if (action->item != NULL && action->domain != NULL)
    return _sam_store_set_invalid (error, "%s", _("An action answers to an item or a domain, not both"));
  if (action->item != NULL && sam_instrument_lookup_item (instrument, action->item) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not an item of the questionnaire"), action->item);
  if (action->domain != NULL && sam_instrument_lookup_domain (instrument, action->domain) == NULL)
    return _sam_store_set_invalid (error, _("“%s” is not a domain of the questionnaire"), action->domain);
  return TRUE;
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
  SamMeetingTemplate *template;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  template = meeting_template (store, meeting_id, error);
  ok = template != NULL && check_action (template, action, error);
  if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO meeting_actions (meeting_id, step, what, who, due, item,"
                             " domain, done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      bind_action (stmt, action);
      ok = _sam_store_step_done (store, stmt, error);
    }
  if (ok && out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (_sam_store_get_db (store));
  return _sam_store_finish (store, ok, error);
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
  SamMeetingTemplate *template = NULL;
  gint64 meeting_id;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  meeting_id = owner_of (store, "SELECT meeting_id FROM meeting_actions WHERE id = ?1", action->id,
                         _("The action no longer exists"), error);
  ok = meeting_id != 0 && (template = meeting_template (store, meeting_id, error)) != NULL &&
       check_action (template, action, error);
  if (ok)
    {
      stmt = _sam_store_prepare (store, "UPDATE meeting_actions SET step = ?2, what = ?3, who = ?4, due = ?5,"
                             " item = ?6, domain = ?7, done = ?8 WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, action->id);
      bind_action (stmt, action);
      ok = step_one_row (store, stmt, _("The action no longer exists"), error);
    }
  return _sam_store_finish (store, ok, error);
}

gboolean
sam_meeting_store_delete_action (SamStore  *store,
                                 gint64     action_id,
                                 GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return delete_by_id (store, "DELETE FROM meeting_actions WHERE id = ?1", action_id,
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

/* Votes and answers from phones */

/* The step of the meeting's template, where phones may post @phones there. */
static const SamMeetingStep *
phones_step (SamStore          *store,
             gint64             meeting_id,
             const char        *step_id,
             SamMeetingPhones   phones,
             GError           **error)
{
  SamMeetingTemplate *template = meeting_template (store, meeting_id, error);
  const SamMeetingStep *step;

  if (template == NULL || !check_step (template, step_id, error))
    return NULL;
  step = sam_meeting_template_lookup_step (template, step_id);
  if (step->phones != phones)
    {
      _sam_store_set_invalid (error, "%s", phones == SAM_MEETING_PHONES_VOTES
                                           ? _("This step of the meeting takes no votes")
                                           : _("This step of the meeting asks no questions"));
      return NULL;
    }
  return step;
}

/* A vote form is anonymous, so one person could send several and then, taking their own
 * away from the counts, see what the others chose. A step takes no more vote forms than
 * the meeting has people taking part (where that is known): past that, the forms are
 * refused, and a room where someone has voted for others runs out of forms while people
 * still want to vote, which everyone sees. */
static gboolean
check_room_for_ballot (SamStore    *store,
                       gint64       meeting_id,
                       const char  *step,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (store,
      "SELECT m.participants, COALESCE (b.ballots, 0) FROM meetings AS m"
      " LEFT JOIN meeting_ballots AS b ON b.meeting_id = m.id AND b.step = ?2"
      " WHERE m.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, step, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        return _sam_store_set_invalid (error, "%s", _("There is no such meeting"));
      _sam_store_set_error (store, error, rc);
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) > 0 && sqlite3_column_int64 (stmt, 1) >= sqlite3_column_int64 (stmt, 0))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FULL,
                   g_dngettext (GETTEXT_PACKAGE, "As many have voted as the %u person taking part in the meeting",
                                "As many have voted as the %u people taking part in the meeting",
                                (gulong) sqlite3_column_int64 (stmt, 0)),
                   (guint) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

/**
 * sam_meeting_store_add_ballot:
 * @step: a step of the meeting's template that takes votes
 * @card_ids: (array length=n_cards): the red notes voted for, each once
 * @n_cards: 1 to SAM_MEETING_VOTES_MAX
 *
 * Counts one vote form: one more ballot for the step, and one more vote for each note
 * named, all in one transaction. Nothing else is kept: not which notes went together,
 * not when. Every note must be a red note of the meeting.
 */
gboolean
sam_meeting_store_add_ballot (SamStore      *store,
                              gint64         meeting_id,
                              const char    *step,
                              const gint64  *card_ids,
                              guint          n_cards,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) vote = NULL;
  g_autoptr(sqlite3_stmt) ballot = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (card_ids != NULL || n_cards == 0, FALSE);

  if (n_cards == 0)
    return _sam_store_set_invalid (error, "%s", _("A vote names at least one red note"));
  if (n_cards > SAM_MEETING_VOTES_MAX)
    return _sam_store_set_invalid (error, g_dngettext (GETTEXT_PACKAGE, "A vote names at most %u red note",
                                                       "A vote names at most %u red notes",
                                                       SAM_MEETING_VOTES_MAX),
                                   SAM_MEETING_VOTES_MAX);
  for (guint i = 0; i < n_cards; i++)
    for (guint j = 0; j < i; j++)
      if (card_ids[i] == card_ids[j])
        return _sam_store_set_invalid (error, "%s", _("A vote names each red note once"));

  if (!sam_store_begin (store, error))
    return FALSE;
  ok = phones_step (store, meeting_id, step, SAM_MEETING_PHONES_VOTES, error) != NULL;
  if (ok)
    ok = check_room_for_ballot (store, meeting_id, step, error);
  if (ok)
    {
      check = _sam_store_prepare (store, "SELECT 1 FROM meeting_cards WHERE id = ?1 AND meeting_id = ?2"
                                         " AND colour = 'red'", error);
      vote = _sam_store_prepare (store, "INSERT INTO meeting_votes (card_id, step, votes) VALUES (?1, ?2, 1)"
                                        " ON CONFLICT (card_id, step) DO UPDATE SET votes = votes + 1", error);
      ballot = _sam_store_prepare (store, "INSERT INTO meeting_ballots (meeting_id, step, ballots)"
                                          " VALUES (?1, ?2, 1)"
                                          " ON CONFLICT (meeting_id, step) DO UPDATE SET ballots = ballots + 1",
                                   error);
      ok = check != NULL && vote != NULL && ballot != NULL;
    }
  for (guint i = 0; ok && i < n_cards; i++)
    {
      int rc;

      sqlite3_reset (check);
      sqlite3_bind_int64 (check, 1, card_ids[i]);
      sqlite3_bind_int64 (check, 2, meeting_id);
      rc = sqlite3_step (check);
      if (rc == SQLITE_DONE)
        ok = _sam_store_set_invalid (error, "%s", _("A vote is for a red note of this meeting"));
      else if (rc != SQLITE_ROW)
        {
          _sam_store_set_error (store, error, rc);
          ok = FALSE;
        }
      if (ok)
        {
          sqlite3_reset (vote);
          sqlite3_bind_int64 (vote, 1, card_ids[i]);
          sqlite3_bind_text (vote, 2, step, -1, SQLITE_TRANSIENT);
          ok = _sam_store_step_done (store, vote, error);
        }
    }
  if (ok)
    {
      sqlite3_bind_int64 (ballot, 1, meeting_id);
      sqlite3_bind_text (ballot, 2, step, -1, SQLITE_TRANSIENT);
      ok = _sam_store_step_done (store, ballot, error);
    }
  return _sam_store_finish (store, ok, error);
}

/**
 * sam_meeting_votes_min_voters:
 *
 * How many must have voted on a step before its counts are shown: the minimum group size
 * of the instrument's anonymity rules (spec/instrument.md, "Anonymity"), and never below
 * the safe size, so that no count is ever one person's or two people's votes.
 */
guint
sam_meeting_votes_min_voters (SamStore *store)
{
  int k = sam_store_get_min_group_size (store);

  return (guint) MAX (k, SAM_MIN_GROUP_SIZE_SAFE);
}

/**
 * sam_meeting_store_get_votes:
 * @step: a step of the meeting's template that takes votes
 * @k: how many must have voted before any count is given (sam_meeting_votes_min_voters())
 * @out_ballots: (out) (optional): how many vote forms the step took
 *
 * The votes each red note got on a step, but only once at least @k have voted there:
 * below that the array is empty, whatever the notes got.
 *
 * Returns: (transfer full) (element-type SamMeetingVote): the notes with votes, most
 *   votes first, or %NULL with @error set
 */
GArray *
sam_meeting_store_get_votes (SamStore    *store,
                             gint64       meeting_id,
                             const char  *step,
                             guint        k,
                             guint       *out_ballots,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) ballots = NULL;
  g_autoptr(sqlite3_stmt) votes = NULL;
  g_autoptr(GArray) result = g_array_new (FALSE, TRUE, sizeof (SamMeetingVote));
  guint n_ballots = 0;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  ballots = _sam_store_prepare (store, "SELECT ballots FROM meeting_ballots WHERE meeting_id = ?1 AND step = ?2",
                                error);
  if (ballots == NULL)
    return NULL;
  sqlite3_bind_int64 (ballots, 1, meeting_id);
  sqlite3_bind_text (ballots, 2, step, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (ballots);
  if (rc == SQLITE_ROW)
    n_ballots = (guint) sqlite3_column_int64 (ballots, 0);
  else if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (store, error, rc);
      return NULL;
    }
  if (out_ballots != NULL)
    *out_ballots = n_ballots;
  /* Below k nothing is read: no count can leave this function. */
  if (n_ballots == 0 || n_ballots < MAX (k, 1))
    return g_steal_pointer (&result);

  votes = _sam_store_prepare (store, "SELECT v.card_id, v.votes FROM meeting_votes v"
                                     " JOIN meeting_cards c ON c.id = v.card_id"
                                     " WHERE c.meeting_id = ?1 AND v.step = ?2"
                                     " ORDER BY v.votes DESC, v.card_id", error);
  if (votes == NULL)
    return NULL;
  sqlite3_bind_int64 (votes, 1, meeting_id);
  sqlite3_bind_text (votes, 2, step, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (votes)) == SQLITE_ROW)
    {
      SamMeetingVote vote = { sqlite3_column_int64 (votes, 0), (guint) sqlite3_column_int64 (votes, 1) };

      g_array_append_val (result, vote);
    }
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&result);
}

void
sam_meeting_answer_free (SamMeetingAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->step);
  g_free (answer->text);
  g_free (answer);
}

/**
 * sam_meeting_store_add_answers:
 * @step: a step of the meeting's template that asks questions of phones
 * @answers: (array length=n_answers): the answer to each question in turn, %NULL or
 *   empty where it was not answered
 * @n_answers: at most the step's number of questions
 *
 * Stores one phone's answers to a step's anonymous questions in one transaction, at
 * least one of them: each counts once more for its text, so nothing tells answers apart
 * by when they came or which went together.
 */
gboolean
sam_meeting_store_add_answers (SamStore            *store,
                               gint64               meeting_id,
                               const char          *step,
                               const char * const  *answers,
                               guint                n_answers,
                               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const SamMeetingStep *template_step;
  gboolean any = FALSE;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);

  for (guint i = 0; i < n_answers; i++)
    {
      if (!_sam_store_check_text (answers[i], error))
        return FALSE;
      if (answers[i] != NULL && !_sam_text_is_blank (answers[i]))
        any = TRUE;
    }
  if (!any)
    return _sam_store_set_invalid (error, "%s", _("No question was answered"));

  if (!sam_store_begin (store, error))
    return FALSE;
  template_step = phones_step (store, meeting_id, step, SAM_MEETING_PHONES_QUESTIONS, error);
  ok = template_step != NULL;
  if (ok && n_answers > template_step->prompts->len)
    ok = _sam_store_set_invalid (error, "%s", _("An answer is to a question the step does not ask"));
  if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO meeting_answers (meeting_id, step, question, text, count)"
                                        " VALUES (?1, ?2, ?3, ?4, 1)"
                                        " ON CONFLICT (meeting_id, step, question, text)"
                                        " DO UPDATE SET count = count + 1", error);
      ok = stmt != NULL;
    }
  for (guint i = 0; ok && i < n_answers; i++)
    {
      if (answers[i] == NULL || _sam_text_is_blank (answers[i]))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_text (stmt, 2, step, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, i + 1);
      sqlite3_bind_text (stmt, 4, answers[i], -1, SQLITE_TRANSIENT);
      ok = _sam_store_step_done (store, stmt, error);
    }
  return _sam_store_finish (store, ok, error);
}

static gpointer
answer_from_row (sqlite3_stmt *stmt)
{
  SamMeetingAnswer *answer = g_new0 (SamMeetingAnswer, 1);

  answer->step = _sam_store_column_dup (stmt, 0);
  answer->question = (guint) sqlite3_column_int64 (stmt, 1);
  answer->text = _sam_store_column_dup (stmt, 2);
  answer->count = (guint) sqlite3_column_int64 (stmt, 3);
  return answer;
}

/**
 * sam_meeting_store_list_answers:
 *
 * Returns: (transfer container) (element-type SamMeetingAnswer): the answers from phones,
 *   by step and question, and within a question in the order of their text
 */
GPtrArray *
sam_meeting_store_list_answers (SamStore  *store,
                                gint64     meeting_id,
                                GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_list_rows (store, "SELECT step, question, text, count FROM meeting_answers"
                                      " WHERE meeting_id = ?1 ORDER BY step, question, text",
                               meeting_id, answer_from_row, (GDestroyNotify) sam_meeting_answer_free,
                               error);
}
