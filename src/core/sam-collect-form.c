/* sam-collect-form.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-collect-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-collect-form.h"

G_DEFINE_QUARK (sam-collect-error-quark, sam_collect_error)

/* Field names are item codes ("q10d"), "form" or "role"; values answer codes, roles or a
 * token. Anything longer is not ours and is refused before it is looked at. */
#define FIELD_NAME_MAX  32
#define FIELD_VALUE_MAX SAM_COLLECT_TOKEN_MAX

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Undoes application/x-www-form-urlencoded for one name or value: "+" is a space and
 * "%XX" a byte. Refuses a broken escape, a NUL and anything longer than @out_size - 1. */
static gboolean
decode_component (const char *text,
                  gsize       length,
                  char       *out,
                  gsize       out_size)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '+')
        c = ' ';
      else if (c == '%')
        {
          int high, low;

          if (i + 2 >= length)
            return FALSE;
          high = hex_value (text[i + 1]);
          low = hex_value (text[i + 2]);
          if (high < 0 || low < 0)
            return FALSE;
          c = (char) (high * 16 + low);
          i += 2;
        }
      if (c == '\0' || n + 1 >= out_size)
        return FALSE;
      out[n++] = c;
    }
  out[n] = '\0';
  return TRUE;
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/**
 * sam_collect_token_get_role:
 * @token: a form token, "ROLE.NONCE.MAC"
 *
 * Checks the token's shape only; whether this server gave it out is the server's to say.
 *
 * Returns: %TRUE with @role set where @token has the shape of a form token
 */
gboolean
sam_collect_token_get_role (const char *token,
                            SamRole    *role)
{
  const char *first, *second;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (token != NULL, FALSE);

  length = strlen (token);
  first = strchr (token, '.');
  if (length > SAM_COLLECT_TOKEN_MAX || first == NULL)
    return FALSE;
  second = strchr (first + 1, '.');
  if (second == NULL || second == first + 1 || second[1] == '\0')
    return FALSE;
  for (const char *p = first + 1; *p != '\0'; p++)
    if (p != second && !is_token_char (*p))
      return FALSE;
  name = g_strndup (token, first - token);
  return sam_role_from_string (name, role);
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, SAM_COLLECT_ERROR, code, message);
  return FALSE;
}

/* What every decoder does first: a missing body is an empty one, and one larger than a
 * form can be is refused with @too_large (marked with N_()). */
static gboolean
check_size (const char **body,
            gsize        length,
            SamCatalog  *catalog,
            const char  *too_large,
            GError     **error)
{
  if (*body == NULL)
    *body = "";
  if (length > SAM_COLLECT_FORM_MAX_SIZE)
    return refuse (error, SAM_COLLECT_ERROR_TOO_LARGE, sam_catalog_gettext (catalog, too_large));
  return TRUE;
}

/* One field of a form body after another: its name and value decoded into @name and
 * @value. Returns 1 for a field, 0 at the end, -1 for a field that does not decode
 * (*name_ok says whether at least its name did). */
static int
next_field (const char *body,
            gsize       length,
            gsize      *start,
            char       *name,
            gsize       name_size,
            char       *value,
            gsize       value_size,
            gboolean   *name_ok)
{
  while (*start <= length)
    {
      const char *segment = body + *start;
      const char *end = length > *start ? memchr (segment, '&', length - *start) : NULL;
      gsize segment_length = end != NULL ? (gsize) (end - segment) : length - *start;
      const char *equals = segment_length > 0 ? memchr (segment, '=', segment_length) : NULL;
      gsize name_length = equals != NULL ? (gsize) (equals - segment) : segment_length;

      *start += segment_length + 1;
      if (segment_length == 0)
        continue;
      *name_ok = decode_component (segment, name_length, name, name_size);
      if (!*name_ok)
        return -1;
      if (!decode_component (equals != NULL ? equals + 1 : segment + segment_length,
                             equals != NULL ? segment_length - name_length - 1 : 0,
                             value, value_size))
        return -1;
      return 1;
    }
  return 0;
}

/**
 * sam_collect_form_decode:
 * @catalog: (nullable): the language of the messages, or %NULL for English
 * @body: the request body, not necessarily NUL-terminated
 * @form: (out caller-allocates): the form, filled where it is valid
 *
 * Turns a posted body into one respondent's answers, each checked against the instrument
 * for the form's role. A field given twice, a field of no item, an item not asked of the
 * role, a code not among the item's options (or "not applicable" where the item has none)
 * refuse the whole form: nothing of it is to be stored.
 *
 * Returns: %TRUE where @form holds a valid submission
 */
gboolean
sam_collect_form_decode (SamInstrument   *instrument,
                         SamCatalog      *catalog,
                         const char      *body,
                         gsize            length,
                         SamCollectForm  *form,
                         GError         **error)
{
  const SamItem *items[SAM_N_ITEMS];
  int codes[SAM_N_ITEMS];
  guint8 seen[SAM_N_ITEMS] = { 0 };
  gboolean has_role = FALSE;
  SamRole role_field = SAM_ROLE_PARTNER;
  guint n = 0;
  gsize start = 0;

  g_return_val_if_fail (SAM_IS_INSTRUMENT (instrument), FALSE);
  g_return_val_if_fail (body != NULL || length == 0, FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  memset (form, 0, sizeof *form);
  if (!check_size (&body, length, catalog, N_("The answers are more than a form can hold."), error))
    return FALSE;

  for (;;)
    {
      char name[FIELD_NAME_MAX + 1];
      char value[FIELD_VALUE_MAX + 1];
      gboolean name_ok = FALSE;
      int got = next_field (body, length, &start, name, sizeof name, value, sizeof value, &name_ok);

      if (got == 0)
        break;
      if (got < 0)
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog,
                                            N_("The answers did not come as a form sends them.")));

      if (g_str_equal (name, "form"))
        {
          if (form->token[0] != '\0')
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (value[0] == '\0')
            return refuse (error, SAM_COLLECT_ERROR_NO_FORM,
                           sam_catalog_gettext (catalog, N_("The answers did not come from a form "
                                                            "of this computer.")));
          g_strlcpy (form->token, value, sizeof form->token);
        }
      else if (g_str_equal (name, "role"))
        {
          if (has_role)
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (!sam_role_from_string (value, &role_field))
            return refuse (error, SAM_COLLECT_ERROR_ROLE,
                           sam_catalog_gettext (catalog, N_("The form names a role the "
                                                            "questionnaire does not have.")));
          has_role = TRUE;
        }
      else
        {
          const SamItem *item = sam_instrument_lookup_item (instrument, name);
          gint64 code;

          if (item == NULL || item->index >= SAM_N_ITEMS)
            {
              g_autofree char *shown = g_utf8_make_valid (name, -1);

              g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_UNKNOWN_ITEM,
                           sam_catalog_gettext (catalog, N_("“%s” is not a question of this "
                                                            "questionnaire.")),
                           shown);
              return FALSE;
            }
          if (seen[item->index])
            {
              g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("Question %s was answered twice.")),
                           item->id);
              return FALSE;
            }
          /* A code is one or two digits, nothing else: no sign, no spaces. */
          if (value[0] == '\0' || !g_ascii_isdigit (value[0]) ||
              (value[1] != '\0' && (!g_ascii_isdigit (value[1]) || value[2] != '\0')) ||
              !g_ascii_string_to_signed (value, 10, 0, 99, &code, NULL))
            {
              g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_BAD_ANSWER,
                           sam_catalog_gettext (catalog, N_("The answer to question %s is not one "
                                                            "of its options.")),
                           item->id);
              return FALSE;
            }
          seen[item->index] = 1;
          items[n] = item;
          codes[n] = (int) code;
          n++;
        }
    }

  if (form->token[0] == '\0' || !sam_collect_token_get_role (form->token, &form->role))
    {
      form->token[0] = '\0';
      return refuse (error, SAM_COLLECT_ERROR_NO_FORM,
                     sam_catalog_gettext (catalog, N_("The answers did not come from a form of "
                                                      "this computer.")));
    }
  if (has_role && role_field != form->role)
    return refuse (error, SAM_COLLECT_ERROR_ROLE,
                   sam_catalog_gettext (catalog, N_("The form’s role was changed.")));

  for (guint i = 0; i < n; i++)
    {
      if (!sam_item_is_asked (items[i], form->role))
        {
          g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NOT_ASKED,
                       sam_catalog_gettext (catalog,
                                            N_("Question %s is not asked of the role “%s”.")),
                       items[i]->id, sam_instrument_get_role_label (instrument, form->role));
          return FALSE;
        }
      if (codes[i] == SAM_ANSWER_NOT_APPLICABLE
          ? items[i]->not_applicable == NULL
          : sam_item_lookup_option (items[i], codes[i]) == NULL)
        {
          g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_BAD_ANSWER,
                       sam_catalog_gettext (catalog, N_("The answer to question %s is not one of "
                                                        "its options.")),
                       items[i]->id);
          return FALSE;
        }
      form->answers[i].item = items[i]->id;
      form->answers[i].code = codes[i];
    }
  form->n_answers = n;
  return TRUE;
}

/**
 * sam_collect_form_encode:
 *
 * The body a browser would post for @form, with its hidden fields first.
 *
 * Returns: (transfer full): the body
 */
char *
sam_collect_form_encode (const SamCollectForm *form)
{
  GString *body;
  g_autofree char *token = NULL;

  g_return_val_if_fail (form != NULL, NULL);

  token = g_uri_escape_string (form->token, NULL, FALSE);
  body = g_string_new ("role=");
  g_string_append (body, sam_role_to_string (form->role));
  g_string_append (body, "&form=");
  g_string_append (body, token);
  for (guint i = 0; i < form->n_answers; i++)
    g_string_append_printf (body, "&%s=%d", form->answers[i].item, form->answers[i].code);
  return g_string_free (body, FALSE);
}

/* Whether @token has the shape "KIND.NONCE.MAC"; whether this server gave it out is the
 * server's to say. */
static gboolean
token_has_kind (const char *token,
                const char *kind)
{
  gsize kind_length = strlen (kind);
  const char *second;

  if (strlen (token) > SAM_COLLECT_TOKEN_MAX || strncmp (token, kind, kind_length) != 0 ||
      token[kind_length] != '.')
    return FALSE;
  second = strchr (token + kind_length + 1, '.');
  if (second == NULL || second == token + kind_length + 1 || second[1] == '\0')
    return FALSE;
  for (const char *p = token + kind_length + 1; *p != '\0'; p++)
    if (p != second && !is_token_char (*p))
      return FALSE;
  return TRUE;
}

/**
 * sam_collect_note_decode:
 * @catalog: (nullable): the language of the messages, or %NULL for English
 * @body: the request body, not necessarily NUL-terminated
 * @note: (out caller-allocates): the note, filled where it is valid
 *
 * Turns a posted body into one note: its form token, its colour and its text, trimmed.
 * A field given twice or not one of these, a colour other than green or red, text that is
 * empty, not UTF-8, holds control characters or is longer than SAM_COLLECT_NOTE_MAX
 * characters refuse the whole note.
 *
 * Returns: %TRUE where @note holds a valid note
 */
gboolean
sam_collect_note_decode (SamCatalog      *catalog,
                         const char      *body,
                         gsize            length,
                         SamCollectNote  *note,
                         GError         **error)
{
  gboolean has_colour = FALSE, has_text = FALSE;
  gsize start = 0;

  g_return_val_if_fail (body != NULL || length == 0, FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  memset (note, 0, sizeof *note);
  if (!check_size (&body, length, catalog, N_("The note is more than a form can hold."), error))
    return FALSE;

  for (;;)
    {
      char name[FIELD_NAME_MAX + 1];
      /* Longer than the longest note, so that one too long is told as such. */
      char value[sizeof note->text + 8];
      gboolean name_ok = FALSE;
      int got = next_field (body, length, &start, name, sizeof name, value, sizeof value, &name_ok);

      if (got == 0)
        break;
      if (got < 0 && !name_ok)
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog,
                                            N_("The note did not come as a form sends it.")));
      if (got < 0)
        return refuse (error,
                       g_str_equal (name, "text") ? SAM_COLLECT_ERROR_BAD_ANSWER
                                                  : SAM_COLLECT_ERROR_MALFORMED,
                       g_str_equal (name, "text")
                       ? sam_catalog_gettext (catalog, N_("The note is longer than a note may be."))
                       : sam_catalog_gettext (catalog,
                                              N_("The note did not come as a form sends it.")));

      if (g_str_equal (name, "form"))
        {
          if (note->token[0] != '\0')
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (value[0] == '\0' || strlen (value) > SAM_COLLECT_TOKEN_MAX)
            return refuse (error, SAM_COLLECT_ERROR_NO_FORM,
                           sam_catalog_gettext (catalog, N_("The note did not come from a form of "
                                                            "this computer.")));
          g_strlcpy (note->token, value, sizeof note->token);
        }
      else if (g_str_equal (name, "colour"))
        {
          if (has_colour)
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (!g_str_equal (value, "green") && !g_str_equal (value, "red"))
            return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                           sam_catalog_gettext (catalog, N_("A note is green or red.")));
          note->red = g_str_equal (value, "red");
          has_colour = TRUE;
        }
      else if (g_str_equal (name, "text"))
        {
          char *stripped;

          if (has_text)
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (!g_utf8_validate (value, -1, NULL))
            return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                           sam_catalog_gettext (catalog,
                                                N_("The note did not come as a form sends it.")));
          stripped = g_strstrip (value);
          for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              /* A line break becomes a space: a note is one short line. */
              if (c == '\n' || c == '\r' || c == '\t')
                *(char *) p = ' ';
              else if (g_unichar_iscntrl (c))
                return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                               sam_catalog_gettext (catalog, N_("The note did not come as a form "
                                                                "sends it.")));
            }
          if (*stripped == '\0')
            return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                           sam_catalog_gettext (catalog, N_("The note is empty.")));
          if (g_utf8_strlen (stripped, -1) > SAM_COLLECT_NOTE_MAX)
            return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                           sam_catalog_gettext (catalog,
                                                N_("The note is longer than a note may be.")));
          g_strlcpy (note->text, stripped, sizeof note->text);
          has_text = TRUE;
        }
      else
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog,
                                            N_("The note did not come as a form sends it.")));
    }

  if (note->token[0] == '\0' || !token_has_kind (note->token, "note"))
    {
      note->token[0] = '\0';
      return refuse (error, SAM_COLLECT_ERROR_NO_FORM,
                     sam_catalog_gettext (catalog, N_("The note did not come from a form of this "
                                                      "computer.")));
    }
  if (!has_colour)
    return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                   sam_catalog_gettext (catalog, N_("A note is green or red.")));
  if (!has_text)
    return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                   sam_catalog_gettext (catalog, N_("The note is empty.")));
  return TRUE;
}

/* Votes and answers from phones in a meeting */

/* A short text from a phone, in place: valid UTF-8 without control characters, a line
 * break made a space, its ends trimmed. Returns the trimmed text, or %NULL. */
static char *
clean_short_text (char *value)
{
  char *stripped;

  if (!g_utf8_validate (value, -1, NULL))
    return NULL;
  stripped = g_strstrip (value);
  for (char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t')
        *p = ' ';
      else if (g_unichar_iscntrl (c))
        return NULL;
    }
  return stripped;
}

/* A note's id as a form sends it: digits only, from 1. */
static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 parsed;

  if (text[0] < '1' || text[0] > '9')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *id = (gint64) parsed;
  return TRUE;
}

/**
 * sam_collect_vote_decode:
 * @catalog: (nullable): the language of the messages, or %NULL for English
 * @body: the request body, not necessarily NUL-terminated
 * @vote: (out caller-allocates): the vote, filled where it is valid
 *
 * Turns a posted body into one phone's vote: its form token and one to
 * SAM_COLLECT_VOTES_MAX notes' ids, each once. Anything else refuses the whole vote;
 * whether the ids are red notes of the meeting is the store's to say.
 *
 * Returns: %TRUE where @vote holds a valid vote
 */
gboolean
sam_collect_vote_decode (SamCatalog      *catalog,
                         const char      *body,
                         gsize            length,
                         SamCollectVote  *vote,
                         GError         **error)
{
  const char *malformed = N_("The vote did not come as a form sends it.");
  const char *no_form = N_("The vote did not come from a form of this computer.");
  gsize start = 0;
  int got;

  g_return_val_if_fail (body != NULL || length == 0, FALSE);
  g_return_val_if_fail (vote != NULL, FALSE);

  memset (vote, 0, sizeof *vote);
  if (!check_size (&body, length, catalog, N_("The vote is more than a form can hold."), error))
    return FALSE;

  for (;;)
    {
      char name[FIELD_NAME_MAX + 1];
      char value[FIELD_VALUE_MAX + 1];
      gboolean name_ok = FALSE;
      gint64 id;

      got = next_field (body, length, &start, name, sizeof name, value, sizeof value, &name_ok);
      if (got == 0)
        break;
      if (got < 0)
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog, malformed));

      if (g_str_equal (name, "form"))
        {
          if (vote->token[0] != '\0')
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (value[0] == '\0')
            return refuse (error, SAM_COLLECT_ERROR_NO_FORM,
                           sam_catalog_gettext (catalog, no_form));
          g_strlcpy (vote->token, value, sizeof vote->token);
        }
      else if (g_str_equal (name, "vote"))
        {
          if (!parse_id (value, &id))
            return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                           sam_catalog_gettext (catalog,
                                                N_("A vote is for a red note of this meeting.")));
          for (guint i = 0; i < vote->n_votes; i++)
            if (vote->votes[i] == id)
              return refuse (error, SAM_COLLECT_ERROR_TWICE,
                             sam_catalog_gettext (catalog, N_("A red note was chosen twice.")));
          if (vote->n_votes == SAM_COLLECT_VOTES_MAX)
            {
              g_autofree char *message =
                g_strdup_printf (sam_catalog_gettext (catalog, N_("Choose at most %d red notes.")),
                                 SAM_COLLECT_VOTES_MAX);

              return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER, message);
            }
          vote->votes[vote->n_votes++] = id;
        }
      else
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog, malformed));
    }

  if (vote->token[0] == '\0' || !token_has_kind (vote->token, "vote"))
    {
      vote->token[0] = '\0';
      return refuse (error, SAM_COLLECT_ERROR_NO_FORM, sam_catalog_gettext (catalog, no_form));
    }
  if (vote->n_votes == 0)
    return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                   sam_catalog_gettext (catalog, N_("Choose at least one red note.")));
  return TRUE;
}

/**
 * sam_collect_answers_decode:
 * @catalog: (nullable): the language of the messages, or %NULL for English
 * @body: the request body, not necessarily NUL-terminated
 * @n_questions: how many questions the step asks, 1 to SAM_COLLECT_QUESTIONS_MAX
 * @answers: (out caller-allocates): the answers, filled where they are valid
 *
 * Turns a posted body into one phone's answers to a step's questions: its form token and
 * "q1" to "qN", each at most once, trimmed, valid UTF-8 without control characters and
 * at most SAM_COLLECT_ANSWER_MAX characters; at least one not empty. A field of a
 * question not asked, or anything else, refuses all of them.
 *
 * Returns: %TRUE where @answers holds valid answers
 */
gboolean
sam_collect_answers_decode (SamCatalog         *catalog,
                            const char         *body,
                            gsize               length,
                            guint               n_questions,
                            SamCollectAnswers  *answers,
                            GError            **error)
{
  const char *malformed = N_("The answers did not come as a form sends it.");
  const char *no_form = N_("The answers did not come from a form of this computer.");
  const char *too_long = N_("An answer is longer than an answer may be.");
  gboolean given[SAM_COLLECT_QUESTIONS_MAX] = { FALSE, };
  gboolean any = FALSE;
  gsize start = 0;
  int got;

  g_return_val_if_fail (body != NULL || length == 0, FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);
  g_return_val_if_fail (n_questions >= 1 && n_questions <= SAM_COLLECT_QUESTIONS_MAX, FALSE);

  memset (answers, 0, sizeof *answers);
  answers->n_questions = n_questions;
  if (!check_size (&body, length, catalog, N_("The answers are more than a form can hold."), error))
    return FALSE;

  for (;;)
    {
      char name[FIELD_NAME_MAX + 1];
      /* Longer than the longest answer, so that one too long is told as such. */
      char value[sizeof answers->answers[0] + 8];
      gboolean name_ok = FALSE;
      char *text;
      guint question;

      got = next_field (body, length, &start, name, sizeof name, value, sizeof value, &name_ok);
      if (got == 0)
        break;
      if (got < 0)
        return refuse (error,
                       name_ok && name[0] == 'q' ? SAM_COLLECT_ERROR_BAD_ANSWER
                                                 : SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog,
                                            name_ok && name[0] == 'q' ? too_long : malformed));

      if (g_str_equal (name, "form"))
        {
          if (answers->token[0] != '\0')
            return refuse (error, SAM_COLLECT_ERROR_TWICE,
                           sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
          if (value[0] == '\0' || strlen (value) > SAM_COLLECT_TOKEN_MAX)
            return refuse (error, SAM_COLLECT_ERROR_NO_FORM,
                           sam_catalog_gettext (catalog, no_form));
          g_strlcpy (answers->token, value, sizeof answers->token);
          continue;
        }
      /* "q1" to "qN": one digit, as there are at most SAM_COLLECT_QUESTIONS_MAX. */
      if (name[0] != 'q' || name[1] < '1' || name[1] > '9' || name[2] != '\0')
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog, malformed));
      question = (guint) (name[1] - '1');
      if (question >= n_questions)
        return refuse (error, SAM_COLLECT_ERROR_NOT_ASKED,
                       sam_catalog_gettext (catalog,
                                            N_("An answer is to a question that was not asked.")));
      if (given[question])
        return refuse (error, SAM_COLLECT_ERROR_TWICE,
                       sam_catalog_gettext (catalog, N_("The form was sent twice in one.")));
      given[question] = TRUE;
      text = clean_short_text (value);
      if (text == NULL)
        return refuse (error, SAM_COLLECT_ERROR_MALFORMED,
                       sam_catalog_gettext (catalog, malformed));
      if (g_utf8_strlen (text, -1) > SAM_COLLECT_ANSWER_MAX)
        return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                       sam_catalog_gettext (catalog, too_long));
      g_strlcpy (answers->answers[question], text, sizeof answers->answers[question]);
      if (*text != '\0')
        any = TRUE;
    }

  if (answers->token[0] == '\0' || !token_has_kind (answers->token, "answer"))
    {
      answers->token[0] = '\0';
      return refuse (error, SAM_COLLECT_ERROR_NO_FORM, sam_catalog_gettext (catalog, no_form));
    }
  if (!any)
    return refuse (error, SAM_COLLECT_ERROR_BAD_ANSWER,
                   sam_catalog_gettext (catalog, N_("No question was answered.")));
  return TRUE;
}
