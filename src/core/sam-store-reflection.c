/* sam-store-reflection.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clinic's written answers to the reflection questions (sam-reflection.h); the questions
 * themselves are content, in sam-reflection.c. */

#define G_LOG_DOMAIN "sam-reflection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-reflection.h"
#include "sam-store-private.h"

#define REFLECTION_COLUMNS "id, topic, question, date, text, updated"

static gpointer
reflection_from_row (sqlite3_stmt *stmt)
{
  SamReflection *reflection = g_new0 (SamReflection, 1);

  reflection->id = sqlite3_column_int64 (stmt, 0);
  reflection->topic = _sam_store_column_dup (stmt, 1);
  reflection->question = (guint) sqlite3_column_int64 (stmt, 2);
  reflection->date = _sam_store_column_dup (stmt, 3);
  reflection->text = _sam_store_column_dup (stmt, 4);
  reflection->updated = _sam_store_column_dup (stmt, 5);
  return reflection;
}

/* The answers */

void
sam_reflection_free (SamReflection *reflection)
{
  if (reflection == NULL)
    return;
  g_free (reflection->topic);
  g_free (reflection->date);
  g_free (reflection->text);
  g_free (reflection->updated);
  g_free (reflection);
}

/**
 * sam_reflection_save:
 * @id: (inout): the answer to change, or 0 for a new one; set to the answer's id, or to 0
 *   where blank text removed it
 * @topic: the question's group
 * @question: the question's number in its group
 * @date: the day the answer is written for, YYYY-MM-DD
 * @text: the answer as typed; blank text removes the answer, so that a cleared entry
 *   leaves nothing behind
 * @now: (nullable): when, for the record; %NULL for the clock
 *
 * Saves an answer as it is typed: called on every change, it writes one row in place.
 */
gboolean
sam_reflection_save (SamStore    *store,
                     gint64      *id,
                     const char  *topic,
                     guint        question,
                     const char  *date,
                     const char  *text,
                     GDateTime   *now,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;
  GDate parsed;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (sam_reflection_lookup_question (topic, question) == NULL)
    return _sam_store_set_invalid (error, "%s", _("Not a reflection question of the package"));
  if (date == NULL || !sam_date_parse_iso (date, &parsed))
    return _sam_store_set_invalid (error, "%s", _("The date is not a date (YYYY-MM-DD)"));
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return _sam_store_set_invalid (error, "%s", _("The text is not valid UTF-8"));

  if (_sam_text_is_blank (text))
    {
      if (*id > 0 && !sam_reflection_delete (store, *id, error))
        return FALSE;
      *id = 0;
      return TRUE;
    }

  stamp = _sam_store_format_utc (now);
  if (!sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare_save (store, *id,
                                  "UPDATE reflections SET topic = ?2, question = ?3, date = ?4,"
                                  " text = ?5, updated = ?6 WHERE id = ?1",
                                  "INSERT INTO reflections (topic, question, date, text, updated)"
                                  " VALUES (?2, ?3, ?4, ?5, ?6)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 2, topic, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, question);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, stamp, -1, SQLITE_TRANSIENT);
      ok = _sam_store_step_save (store, stmt, id, _("The answer no longer exists"), error);
    }
  return _sam_store_finish (store, ok, error);
}

gboolean
sam_reflection_delete (SamStore  *store,
                       gint64     id,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  return _sam_store_delete_by_id (store, "DELETE FROM reflections WHERE id = ?1", id, NULL, error);
}

SamReflection *
sam_reflection_get (SamStore  *store,
                    gint64     id,
                    GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_get_by_id (store,
                               "SELECT " REFLECTION_COLUMNS " FROM reflections WHERE id = ?1",
                               id, reflection_from_row, _("The answer no longer exists"), error);
}

/**
 * sam_reflection_list:
 * @topic: (nullable): one group, or %NULL for all
 * @question: one question of @topic, or 0 for all
 *
 * Returns: (transfer full) (element-type SamReflection): the answers, newest first
 */
GPtrArray *
sam_reflection_list (SamStore    *store,
                     const char  *topic,
                     guint        question,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  stmt = _sam_store_prepare (store, "SELECT " REFLECTION_COLUMNS " FROM reflections"
                         " WHERE (?1 IS NULL OR topic = ?1) AND (?2 = 0 OR question = ?2)"
                         " ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  if (topic != NULL)
    sqlite3_bind_text (stmt, 1, topic, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, question);
  return _sam_store_collect_rows (store, stmt, reflection_from_row,
                                  (GDestroyNotify) sam_reflection_free, error);
}
