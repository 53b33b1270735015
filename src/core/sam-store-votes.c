/* sam-store-votes.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What phones send to a meeting: votes on its cards and answers to its questions. The checks
 * are those of sam-store-meetings.c. */

#define G_LOG_DOMAIN "sam-meeting-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-instrument.h"
#include "sam-meeting-store.h"
#include "sam-store-private.h"

/* Votes and answers from phones */

/* The step of the meeting's template, where phones may post @phones there. */
static const SamMeetingStep *
phones_step (SamStore          *store,
             gint64             meeting_id,
             const char        *step_id,
             SamMeetingPhones   phones,
             GError           **error)
{
  SamMeetingTemplate *template = _sam_store_meeting_template (store, meeting_id, error);
  const SamMeetingStep *step;

  if (template == NULL || !_sam_store_check_meeting_step (template, step_id, error))
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
  if (sqlite3_column_int64 (stmt, 0) > 0 &&
      sqlite3_column_int64 (stmt, 1) >= sqlite3_column_int64 (stmt, 0))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FULL,
                   g_dngettext (GETTEXT_PACKAGE,
                                "As many have voted as the %u person taking part in the meeting",
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
    return _sam_store_set_invalid (error,
                                   g_dngettext (GETTEXT_PACKAGE, "A vote names at most %u red note",
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
      check = _sam_store_prepare (store, "SELECT 1 FROM meeting_cards WHERE id = ?1"
                                         " AND meeting_id = ?2"
                                         " AND colour = 'red'", error);
      vote = _sam_store_prepare (store, "INSERT INTO meeting_votes (card_id, step, votes)"
                                        " VALUES (?1, ?2, 1)"
                                        " ON CONFLICT (card_id, step) DO UPDATE"
                                        " SET votes = votes + 1", error);
      ballot = _sam_store_prepare (store, "INSERT INTO meeting_ballots (meeting_id, step, ballots)"
                                          " VALUES (?1, ?2, 1)"
                                          " ON CONFLICT (meeting_id, step) DO UPDATE"
                                          " SET ballots = ballots + 1",
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

  ballots = _sam_store_prepare (store, "SELECT ballots FROM meeting_ballots WHERE meeting_id = ?1"
                                       " AND step = ?2",
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
      SamMeetingVote vote = { sqlite3_column_int64 (votes, 0),
                              (guint) sqlite3_column_int64 (votes, 1) };

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
    ok = _sam_store_set_invalid (error, "%s",
                                 _("An answer is to a question the step does not ask"));
  if (ok)
    {
      stmt = _sam_store_prepare (store, "INSERT INTO meeting_answers (meeting_id, step, question,"
                                        " text, count)"
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
                               meeting_id, answer_from_row,
                               (GDestroyNotify) sam_meeting_answer_free, error);
}
