/* sam-collect-room.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The collect server as a meeting's room: the note form, and on a step that takes them,
 * the vote form and the anonymous questions' form, each posted form stored at once. */

#define G_LOG_DOMAIN "sam-collect"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-collect-private.h"
#include "sam-collect-form.h"
#include "sam-meeting-store.h"


/* A meeting's room */

/* The meeting as the store has it now, and the step whose notes the room takes; refused
 * where the meeting has ended or the step takes no notes. */
gboolean
_sam_collect_lookup_meeting_step (SamCollect            *self,
                                  const SamMeetingStep **out_step,
                                  GError               **error)
{
  g_autoptr(SamMeeting) meeting = sam_meeting_store_get (self->store, self->meeting_id, error);
  SamMeetingTemplate *template;
  const SamMeetingStep *step;

  if (meeting == NULL)
    return FALSE;
  template = sam_meeting_template_lookup (meeting->template_id);
  step = template != NULL ? sam_meeting_template_lookup_step (template, self->step_id) : NULL;
  if (step == NULL ||
      (step->notes == SAM_MEETING_NOTES_NONE && step->phones == SAM_MEETING_PHONES_NONE))
    {
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED,
                           _("This step of the meeting takes no notes"));
      return FALSE;
    }
  if (meeting->ended != NULL)
    {
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED,
                           _("The meeting has ended: it takes no more notes"));
      return FALSE;
    }
  *out_step = step;
  return TRUE;
}

static void
append_colour (GString    *out,
               const char *value,
               const char *label,
               gboolean    checked)
{
  g_string_append_printf (out,
                          "<label class=\"option note-%s\"><input type=\"radio\" name=\"colour\" "
                          "value=\"%s\" required%s><span>", value, value,
                          checked ? " checked" : "");
  _sam_collect_append_escaped (out, label);
  g_string_append (out, "</span></label>\n");
}

/* The note form: its colours as the step takes them, a short text, and a token of its own
 * that is taken once. */
static void
respond_note_form (SamCollect        *self,
                   SoupServerMessage *msg,
                   Language           language)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = _sam_collect_language_links (self, language, NULL);
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  const SamMeetingStep *step;
  gboolean green, red;

  if (!_sam_collect_lookup_meeting_step (self, &step, &error))
    {
      _sam_collect_respond_text (msg, SOUP_STATUS_NOT_FOUND,
                                 T (language, N_("The meeting takes no notes now.")));
      return;
    }
  token = _sam_collect_make_token_of_kind (self, "note", &error);
  if (token == NULL)
    {
      _sam_collect_respond_failed (self, msg, language);
      return;
    }
  green = (step->notes & SAM_MEETING_NOTES_GREEN) != 0;
  red = (step->notes & SAM_MEETING_NOTES_RED) != 0;

  g_string_append (content, "<section class=\"meeting\" aria-labelledby=\"note-title\">\n<h1"
                            " id=\"note-title\">");
  _sam_collect_append_escaped (content, T (language, N_("Post a Note")));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  _sam_collect_append_escaped (content,
                               T (language, N_("Your note goes to the facilitator’s screen "
                                               "over the clinic’s own network, without "
                                               "your name. Nothing about your phone is "
                                               "kept.")));
  g_string_append_printf (content, "</p>\n<form class=\"meeting-note\" method=\"post\""
                                   " action=\"%s?lang=%s\" "
                                   "accept-charset=\"utf-8\">\n<input type=\"hidden\" name=\"form\""
                                   " value=\"%s\">\n",
                          self->prefix, _sam_collect_language_codes[language], token);
  g_string_append (content, "<fieldset class=\"item\">\n<legend>");
  _sam_collect_append_escaped (content, T (language, N_("Colour")));
  g_string_append (content, "</legend>\n<div class=\"options\">\n");
  if (green)
    append_colour (content, "green", T (language, N_("Green: what works well")), !red);
  if (red)
    append_colour (content, "red", T (language, N_("Red: what could be better")), !green);
  g_string_append (content, "</div>\n</fieldset>\n<label class=\"note-label\" for=\"note-text\">");
  _sam_collect_append_escaped (content, T (language, N_("Your note")));
  g_string_append_printf (content, "</label>\n<textarea id=\"note-text\" name=\"text\" rows=\"4\""
                                   " maxlength=\"%d\" "
                                   "required></textarea>\n<p class=\"hint\">",
                          SAM_COLLECT_NOTE_MAX);
  {
    g_autofree char *hint = g_strdup_printf (T (language,
                                                N_("At most %d characters. One thought a note.")),
                                             SAM_COLLECT_NOTE_MAX);

    _sam_collect_append_escaped (content, hint);
  }
  g_string_append (content, "</p>\n<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  _sam_collect_append_escaped (content, T (language, N_("Post Note")));
  g_string_append (content, "</button></div>\n</form>\n</section>\n");

  _sam_collect_respond_page (self, msg, language, T (language, N_("Post a Note")), links,
                             content->str);
}

static void
respond_note_thanks (SamCollect        *self,
                     SoupServerMessage *msg,
                     Language           language)
{
  g_autoptr(GString) content = g_string_new (NULL);

  g_string_append (content, "<section class=\"thanks\">\n<h1>");
  _sam_collect_append_escaped (content, T (language, N_("Thank You")));
  g_string_append (content, "</h1>\n<p>");
  _sam_collect_append_escaped (content, T (language, N_("Your note is on the facilitator’s screen, "
                                                        "without your name.")));
  g_string_append_printf (content, "</p>\n<p><a class=\"choice\" href=\"%s?lang=%s\"><strong>",
                          self->prefix, _sam_collect_language_codes[language]);
  _sam_collect_append_escaped (content, T (language, N_("Write Another Note")));
  g_string_append (content, "</strong></a></p>\n</section>\n");

  _sam_collect_respond_page (self, msg, language, T (language, N_("Thank You")), "", content->str);
}

/* A note is small and stored at once, in a change of its own, as the facilitator's typed
 * note is; a change of the window's that is not finished makes the phone try again. */
static void
take_note (SamCollect        *self,
           SoupServerMessage *msg,
           Language           language)
{
  const char *headline = T (language, N_("Nothing was stored."));
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const SamMeetingStep *step;
  SamCollectNote note;
  gsize length;
  const char *data;

  if (content_type == NULL ||
      g_ascii_strcasecmp (content_type, SOUP_FORM_MIME_TYPE_URLENCODED) != 0)
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The note did not come as a form sends it.")));
      return;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_note_decode (self->catalogs[language], data, length, &note, &error))
    {
      _sam_collect_refuse_decoded (msg, headline, error);
      return;
    }
  if (!_sam_collect_check_token (self, note.token))
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The note did not come from a form of this computer.")));
      return;
    }
  /* A form is taken once: posted again, it is thanked and stores nothing more. */
  if (g_hash_table_contains (self->used, _sam_collect_token_nonce (note.token)))
    {
      respond_note_thanks (self, msg, language);
      return;
    }
  if (!_sam_collect_lookup_meeting_step (self, &step, NULL))
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The meeting takes no notes now.")));
      return;
    }
  if (step->notes == SAM_MEETING_NOTES_NONE ||
      (step->notes & (note.red ? SAM_MEETING_NOTES_RED : SAM_MEETING_NOTES_GREEN)) == 0)
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           note.red ? T (language, N_("This step takes green notes only."))
                                    : T (language, N_("This step takes red notes only.")));
      return;
    }
  if (sam_store_in_transaction (self->store) ||
      !sam_meeting_store_add_card (self->store, self->meeting_id, self->step_id,
                                   note.red ? SAM_MEETING_CARD_RED : SAM_MEETING_CARD_GREEN,
                                   note.text, NULL, NULL, NULL))
    {
      _sam_collect_respond_failed (self, msg, language);
      return;
    }
  g_hash_table_add (self->used, g_strdup (_sam_collect_token_nonce (note.token)));
  self->n_answered++;
  respond_note_thanks (self, msg, language);
  _sam_collect_notify_answered (self);
}

static gboolean handle_phones_room (SamCollect        *self,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    Language           language);

/* The room has one page, the note form, and takes notes posted to it; on a step that
 * takes votes or asks questions, that form instead (handle_phones_room()). */
void
_sam_collect_handle_room (SamCollect        *self,
                          SoupServerMessage *msg,
                          const char        *method,
                          Language           language)
{
  if (handle_phones_room (self, msg, method, language))
    return;
  if (method == SOUP_METHOD_POST)
    {
      if (!_sam_collect_take_post_turn (self, msg, language,
                                        T (language, N_("Too many notes arrived at once. "
                                                        "Send yours again in a moment."))))
        return;
      take_note (self, msg, language);
      return;
    }
  if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
    {
      if (!_sam_collect_take_get_turn (self, msg, language))
        return;
      respond_note_form (self, msg, language);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                "GET, HEAD, POST");
  _sam_collect_respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
}

/* Votes and anonymous questions in a meeting's room */

G_STATIC_ASSERT (SAM_COLLECT_VOTES_MAX == SAM_MEETING_VOTES_MAX);
G_STATIC_ASSERT (SAM_COLLECT_QUESTIONS_MAX == SAM_MEETING_QUESTIONS_MAX);

/* The red notes a phone may vote for: every red note of the meeting, as the runner
 * shows them, in the order they were written. */
static GPtrArray *
list_red_cards (SamCollect  *self,
                GError     **error)
{
  g_autoptr(GPtrArray) cards = sam_meeting_store_list_cards (self->store, self->meeting_id, error);

  if (cards == NULL)
    return NULL;
  for (guint i = cards->len; i > 0; i--)
    if (((SamMeetingCard *) g_ptr_array_index (cards, i - 1))->colour != SAM_MEETING_CARD_RED)
      g_ptr_array_remove_index (cards, i - 1);
  return g_steal_pointer (&cards);
}

static void
respond_room_thanks (SamCollect        *self,
                     SoupServerMessage *msg,
                     Language           language,
                     const char        *text)
{
  g_autoptr(GString) content = g_string_new (NULL);

  g_string_append (content, "<section class=\"thanks\">\n<h1>");
  _sam_collect_append_escaped (content, T (language, N_("Thank You")));
  g_string_append (content, "</h1>\n<p>");
  _sam_collect_append_escaped (content, text);
  g_string_append (content, "</p>\n</section>\n");
  _sam_collect_respond_page (self, msg, language, T (language, N_("Thank You")), "", content->str);
}

/* The vote form: the meeting's red notes as boxes to tick, up to SAM_COLLECT_VOTES_MAX,
 * and a token of its own that is taken once. The notes' texts are what the facilitator's
 * screen shows the room already; no count is ever on the page. */
static void
respond_vote_form (SamCollect        *self,
                   SoupServerMessage *msg,
                   Language           language)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = _sam_collect_language_links (self, language, NULL);
  g_autofree char *token = NULL;
  g_autofree char *intro = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  cards = list_red_cards (self, &error);
  token = cards != NULL ? _sam_collect_make_token_of_kind (self, "vote", &error) : NULL;
  if (token == NULL)
    {
      _sam_collect_respond_failed (self, msg, language);
      return;
    }

  g_string_append (content, "<section class=\"meeting\" aria-labelledby=\"vote-title\">\n<h1"
                            " id=\"vote-title\">");
  _sam_collect_append_escaped (content, T (language, N_("Vote for Red Notes")));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  intro = g_strdup_printf (T (language, N_("Choose up to %d red notes you would most like to talk "
                                           "about. Only the number of votes for each note is kept: "
                                           "not your name, not what you chose together,"
                                           " and nothing "
                                           "about your phone.")),
                           SAM_COLLECT_VOTES_MAX);
  _sam_collect_append_escaped (content, intro);
  g_string_append (content, "</p>\n");
  if (cards->len == 0)
    {
      g_string_append (content, "<p class=\"empty\">");
      _sam_collect_append_escaped (content,
                                   T (language, N_("There are no red notes to vote for yet.")));
      g_string_append_printf (content, "</p>\n<p><a class=\"choice\" href=\"%s?lang=%s\"><strong>",
                              self->prefix, _sam_collect_language_codes[language]);
      _sam_collect_append_escaped (content, T (language, N_("Look Again")));
      g_string_append (content, "</strong></a></p>\n</section>\n");
      _sam_collect_respond_page (self, msg, language, T (language, N_("Vote for Red Notes")), links,
                                 content->str);
      return;
    }
  g_string_append_printf (content, "<form class=\"meeting-note meeting-vote\" method=\"post\""
                                   " action=\"%s?lang=%s\" "
                                   "accept-charset=\"utf-8\" data-max=\"%d\">\n"
                                   "<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          self->prefix, _sam_collect_language_codes[language],
                          SAM_COLLECT_VOTES_MAX, token);
  g_string_append (content, "<fieldset class=\"item\">\n<legend>");
  _sam_collect_append_escaped (content, T (language, N_("Red notes")));
  g_string_append (content, "</legend>\n<div class=\"options\">\n");
  for (guint i = 0; i < cards->len; i++)
    {
      SamMeetingCard *card = g_ptr_array_index (cards, i);

      g_string_append_printf (content, "<label class=\"option note-red\"><input type=\"checkbox\""
                                       " name=\"vote\" "
                                       "value=\"%" G_GINT64_FORMAT "\"><span>", card->id);
      _sam_collect_append_escaped (content, card->text);
      g_string_append (content, "</span></label>\n");
    }
  g_string_append (content, "</div>\n</fieldset>\n<div class=\"send\"><button type=\"submit\""
                            " class=\"primary\">");
  _sam_collect_append_escaped (content, T (language, N_("Send Vote")));
  g_string_append (content, "</button></div>\n</form>\n</section>\n");

  _sam_collect_respond_page (self, msg, language, T (language, N_("Vote for Red Notes")), links,
                             content->str);
}

/* The questions' form: each of the step's questions in the phone's language with a short
 * text to write, and a token of its own that is taken once. */
static void
respond_answers_form (SamCollect            *self,
                      SoupServerMessage     *msg,
                      Language               language,
                      const SamMeetingStep  *step)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = _sam_collect_language_links (self, language, NULL);
  g_autofree char *hint = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  token = _sam_collect_make_token_of_kind (self, "answer", &error);
  if (token == NULL)
    {
      _sam_collect_respond_failed (self, msg, language);
      return;
    }

  g_string_append (content, "<section class=\"meeting\" aria-labelledby=\"answers-title\">\n<h1"
                            " id=\"answers-title\">");
  _sam_collect_append_escaped (content, T (language, N_("Anonymous Questions")));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  _sam_collect_append_escaped (content, T (language, N_("Your answers go to the facilitator’s "
                                                        "screen over the clinic’s own network, "
                                                        "without your name,"
                                                        " in a list with everyone "
                                                        "else’s. Nothing about your phone is "
                                                        "kept.")));
  g_string_append_printf (content,
                          "</p>\n<form class=\"meeting-note meeting-answers\" method=\"post\" "
                          "action=\"%s?lang=%s\" accept-charset=\"utf-8\">\n"
                          "<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          self->prefix, _sam_collect_language_codes[language], token);
  hint = g_strdup_printf (T (language, N_("At most %d characters. You may leave a question out.")),
                          SAM_COLLECT_ANSWER_MAX);
  for (guint i = 0; i < step->prompt_sources->len; i++)
    {
      g_string_append_printf (content, "<label class=\"note-label\" for=\"answer-%u\">", i + 1);
      _sam_collect_append_escaped (content,
                                   T (language, g_ptr_array_index (step->prompt_sources, i)));
      g_string_append_printf (content,
                              "</label>\n<textarea id=\"answer-%u\" name=\"q%u\" rows=\"3\" "
                              "maxlength=\"%d\"></textarea>\n",
                              i + 1, i + 1, SAM_COLLECT_ANSWER_MAX);
    }
  g_string_append (content, "<p class=\"hint\">");
  _sam_collect_append_escaped (content, hint);
  g_string_append (content, "</p>\n<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  _sam_collect_append_escaped (content, T (language, N_("Send Answers")));
  g_string_append (content, "</button></div>\n</form>\n</section>\n");

  _sam_collect_respond_page (self, msg, language, T (language, N_("Anonymous Questions")), links,
                             content->str);
}

/* The body of a form posted to the room, or %NULL after refusing what is not a form. */
static GBytes *
room_form_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  if (content_type == NULL ||
      g_ascii_strcasecmp (content_type, SOUP_FORM_MIME_TYPE_URLENCODED) != 0)
    return NULL;
  return soup_message_body_flatten (soup_server_message_get_request_body (msg));
}

/* A vote is counted at once, in a change of its own: one ballot for the step, one vote
 * for each note ticked. A form already counted is thanked and counts nothing more. */
static void
take_vote (SamCollect        *self,
           SoupServerMessage *msg,
           Language           language)
{
  const char *headline = T (language, N_("Nothing was stored."));
  g_autoptr(GBytes) bytes = room_form_body (msg);
  g_autoptr(GError) error = NULL;
  const SamMeetingStep *step;
  SamCollectVote vote;
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The vote did not come as a form sends it.")));
      return;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_vote_decode (self->catalogs[language], data, length, &vote, &error))
    {
      _sam_collect_refuse_decoded (msg, headline, error);
      return;
    }
  if (!_sam_collect_check_token (self, vote.token))
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The vote did not come from a form of this computer.")));
      return;
    }
  if (g_hash_table_contains (self->used, _sam_collect_token_nonce (vote.token)))
    {
      respond_room_thanks (self, msg, language,
                           T (language, N_("Your vote is counted, without your name.")));
      return;
    }
  if (!_sam_collect_lookup_meeting_step (self, &step, NULL) ||
      step->phones != SAM_MEETING_PHONES_VOTES)
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The meeting takes no votes now.")));
      return;
    }
  if (sam_store_in_transaction (self->store))
    {
      _sam_collect_respond_failed (self, msg, language);
      return;
    }
  if (!sam_meeting_store_add_ballot (self->store, self->meeting_id, self->step_id, vote.votes,
                                     vote.n_votes,
                                     &error))
    {
      /* As many vote forms as people taking part: one more would let someone who sent
       * several see what the others chose. */
      if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FULL))
        _sam_collect_refuse (msg, SOUP_STATUS_CONFLICT, headline,
                             T (language, N_("As many have voted as take part in the meeting.")));
      /* A note that is not a red note of this meeting (or no longer is): nothing counted. */
      else if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
        _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                             T (language, N_("A vote is for a red note of this meeting.")));
      else
        _sam_collect_respond_failed (self, msg, language);
      return;
    }
  g_hash_table_add (self->used, g_strdup (_sam_collect_token_nonce (vote.token)));
  self->n_answered++;
  respond_room_thanks (self, msg, language,
                       T (language, N_("Your vote is counted, without your name.")));
  _sam_collect_notify_answered (self);
}

/* One phone's answers are stored at once, together, in a change of their own. */
static void
take_answers (SamCollect        *self,
              SoupServerMessage *msg,
              Language           language,
              const SamMeetingStep *step)
{
  const char *headline = T (language, N_("Nothing was stored."));
  g_autoptr(GBytes) bytes = room_form_body (msg);
  g_autoptr(GError) error = NULL;
  const char *texts[SAM_COLLECT_QUESTIONS_MAX];
  g_autofree SamCollectAnswers *answers = g_new0 (SamCollectAnswers, 1);
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The answers did not come as a form sends it.")));
      return;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_answers_decode (self->catalogs[language], data, length, step->prompts->len,
                                   answers, &error))
    {
      _sam_collect_refuse_decoded (msg, headline, error);
      return;
    }
  if (!_sam_collect_check_token (self, answers->token))
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language,
                              N_("The answers did not come from a form of this computer.")));
      return;
    }
  if (g_hash_table_contains (self->used, _sam_collect_token_nonce (answers->token)))
    {
      respond_room_thanks (self, msg, language,
                           T (language, N_("Your answers are on the facilitator’s screen, without "
                                           "your name.")));
      return;
    }
  for (guint i = 0; i < answers->n_questions; i++)
    texts[i] = answers->answers[i];
  if (sam_store_in_transaction (self->store) ||
      !sam_meeting_store_add_answers (self->store, self->meeting_id, self->step_id, texts,
                                      answers->n_questions,
                                      &error))
    {
      _sam_collect_respond_failed (self, msg, language);
      return;
    }
  g_hash_table_add (self->used, g_strdup (_sam_collect_token_nonce (answers->token)));
  self->n_answered++;
  respond_room_thanks (self, msg, language,
                       T (language,
                          N_("Your answers are on the facilitator’s screen, without your name.")));
  _sam_collect_notify_answered (self);
}

/* A room on a step that takes votes or asks questions: its form, and what is posted to
 * it. Returns %FALSE, doing nothing, where the step is one of notes (or none). */
static gboolean
handle_phones_room (SamCollect        *self,
                    SoupServerMessage *msg,
                    const char        *method,
                    Language           language)
{
  const SamMeetingStep *step;

  if (!_sam_collect_lookup_meeting_step (self, &step, NULL) ||
      step->phones == SAM_MEETING_PHONES_NONE)
    return FALSE;
  if (method == SOUP_METHOD_POST)
    {
      if (!_sam_collect_take_post_turn (self, msg, language,
                                        T (language, N_("Too many phones sent at once. "
                                                        "Send yours again in a moment."))))
        return TRUE;
      if (step->phones == SAM_MEETING_PHONES_VOTES)
        take_vote (self, msg, language);
      else
        take_answers (self, msg, language, step);
      return TRUE;
    }
  if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
    {
      if (!_sam_collect_take_get_turn (self, msg, language))
        return TRUE;
      if (step->phones == SAM_MEETING_PHONES_VOTES)
        respond_vote_form (self, msg, language);
      else
        respond_answers_form (self, msg, language, step);
      return TRUE;
    }
  return FALSE;
}

