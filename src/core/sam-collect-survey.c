/* sam-collect-survey.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The collect server's questionnaire: the role to choose, the form of a role, thanks, and
 * the answers posted, checked at once and stored in turns below the window's drawing. */

#define G_LOG_DOMAIN "sam-collect"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-collect-private.h"
#include "sam-collect-form.h"


/* A label of the window without its mnemonic: "_Next" is "Next". */
static char *
without_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* What the phone's owner reads first: where the answers go and what is kept. */
static void
append_privacy (SamCollect *self,
                GString    *out,
                Language    language,
                gboolean    open)
{
  int k = sam_store_get_min_group_size (self->store);

  /* Open on the first page; on the form, read already, it folds away above the questions. */
  g_string_append_printf (out, "<details class=\"privacy\"%s>\n<summary><h2 id=\"privacy-title\">",
                          open ? " open" : "");
  _sam_collect_append_escaped (out, T (language, N_("Before You Start")));
  g_string_append (out, "</h2></summary>\n<p>");
  _sam_collect_append_escaped (out, T (language, N_("Your answers go straight to the clinic’s "
                                                    "computer over the clinic’s own network, not "
                                                    "through the internet. They are stored there "
                                                    "without your name and are never shown one by "
                                                    "one: only counts of answers are shown and "
                                                    "shared.")));
  g_string_append (out, "</p>\n<p>");
  _sam_collect_append_escaped (out, T (language, N_("Nothing about your phone is kept: not its "
                                                    "address, not its name, not the time you "
                                                    "answered.")));
  g_string_append (out, "</p>\n");
  if (k > 1)
    {
      g_autofree char *small = NULL;

      small = g_strdup_printf (T (language, N_("Where fewer than %d people from the clinic answer, "
                                               "colleagues may be able to work out each other’s "
                                               "answers from the clinic’s own results.")),
                               k);
      g_string_append (out, "<p>");
      _sam_collect_append_escaped (out, small);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"js-only\" hidden>");
  _sam_collect_append_escaped (out, T (language, N_("While you answer, a draft is kept on this "
                                                    "phone only, and it is removed once your "
                                                    "answers are sent.")));
  g_string_append (out, "</p>\n</details>\n");
}

static void
append_heading (GString    *out,
                const char *round_label,
                const char *clinic_code)
{
  g_string_append (out, "<p class=\"context\">");
  _sam_collect_append_escaped (out, round_label);
  g_string_append (out, " · ");
  _sam_collect_append_escaped (out, clinic_code);
  g_string_append (out, "</p>\n");
}

/* What each page of the questionnaire opens with: the round and the clinic, what is kept
 * (@open as for append_privacy()), and a closed round said to be closed. */
static void
append_opening (SamCollect     *self,
                GString        *out,
                Language        language,
                const SamRound *round,
                const char     *clinic_code,
                gboolean        open)
{
  append_heading (out, round->label, clinic_code);
  append_privacy (self, out, language, open);
  if (round->closed)
    {
      g_string_append (out, "<p class=\"notice\" role=\"status\">");
      _sam_collect_append_escaped (out, T (language, N_("This round is closed: it takes no more "
                                                        "answers.")));
      g_string_append (out, "</p>\n");
    }
}

/* The round as the store has it now, and the clinic's code. */
gboolean
_sam_collect_lookup_round (SamCollect  *self,
                           SamRound   **round,
                           char       **clinic_code,
                           GError     **error)
{
  g_autoptr(GPtrArray) clinics = NULL;

  *round = sam_store_get_round (self->store, self->round_id, error);
  if (*round == NULL)
    return FALSE;
  clinics = sam_store_list_clinics (self->store, error);
  if (clinics == NULL)
    {
      g_clear_pointer (round, sam_round_free);
      return FALSE;
    }
  *clinic_code = NULL;
  for (guint i = 0; i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);

      if (clinic->id == self->clinic_id)
        *clinic_code = g_strdup (clinic->code);
    }
  if (*clinic_code == NULL)
    {
      g_clear_pointer (round, sam_round_free);
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_FAILED,
                           _("There is no such clinic"));
      return FALSE;
    }
  return TRUE;
}

static void
respond_role_page (SamCollect        *self,
                   SoupServerMessage *msg,
                   Language           language,
                   const SamRound    *round,
                   const char        *clinic_code)
{
  SamInstrument *instrument = self->instruments[language];
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = _sam_collect_language_links (self, language, NULL);

  append_opening (self, content, language, round, clinic_code, TRUE);
  g_string_append (content, "<section class=\"roles\" aria-labelledby=\"roles-title\">\n<h1"
                            " id=\"roles-title\">");
  _sam_collect_append_escaped (content, T (language, N_("Your Role")));
  g_string_append (content, "</h1>\n<ul class=\"choices\">\n");
  for (guint role = 0; role < SAM_N_ROLES; role++)
    {
      g_string_append_printf (content,
                              "<li><a class=\"choice\" href=\"%s?role=%s&amp;lang=%s\"><strong>",
                              self->prefix, sam_role_to_string (role),
                              _sam_collect_language_codes[language]);
      _sam_collect_append_escaped (content, sam_instrument_get_role_label (instrument, role));
      g_string_append (content, "</strong><span>");
      _sam_collect_append_escaped (content, sam_instrument_get_role_description (instrument, role));
      g_string_append (content, "</span></a></li>\n");
    }
  g_string_append (content, "</ul>\n</section>\n");

  _sam_collect_respond_page (self, msg, language, "Samarbejde og fællesskab", links, content->str);
}

static void
append_option (GString    *out,
               const char *item,
               int         code,
               const char *label,
               gboolean    not_applicable)
{
  g_string_append_printf (out, "<label class=\"option%s\"><input type=\"radio\" name=\"%s\""
                               " value=\"%d\"><span>",
                          not_applicable ? " na" : "", item, code);
  _sam_collect_append_escaped (out, label);
  g_string_append (out, "</span></label>\n");
}

static void
respond_form (SamCollect        *self,
              SoupServerMessage *msg,
              Language           language,
              SamRole            role,
              const SamRound    *round,
              const char        *clinic_code)
{
  SamInstrument *instrument = self->instruments[language];
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = _sam_collect_make_token (self, role, &error);
  g_autofree char *links = _sam_collect_language_links (self, language, sam_role_to_string (role));
  g_autofree char *next = without_mnemonic (T (language, N_("_Next")));
  g_autofree char *back = without_mnemonic (T (language, N_("_Back")));
  g_autofree char *send = without_mnemonic (T (language, N_("_Submit")));
  guint n_questions = 0;

  if (token == NULL)
    {
      _sam_collect_respond_text (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
      return;
    }

  append_opening (self, content, language, round, clinic_code, FALSE);

  /* The thanks come in the language the form was in, whatever the phone asks for. */
  g_string_append_printf (content,
                          "<form class=\"questionnaire\" method=\"post\" action=\"%s?lang=%s\" "
                          "accept-charset=\"utf-8\" data-next=\"", self->prefix,
                          _sam_collect_language_codes[language]);
  _sam_collect_append_escaped (content, next);
  g_string_append (content, "\" data-back=\"");
  _sam_collect_append_escaped (content, back);
  g_string_append (content, "\" data-progress=\"");
  _sam_collect_append_escaped (content, T (language, N_("Question %u of %u")));
  g_string_append (content, "\">\n<h1>");
  _sam_collect_append_escaped (content, sam_instrument_get_role_label (instrument, role));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  _sam_collect_append_escaped (content, T (language, N_("Choose the answer that fits best. You may "
                                                        "leave out any question you do not want to "
                                                        "answer.")));
  g_string_append (content, "</p>\n");
  g_string_append_printf (content, "<input type=\"hidden\" name=\"role\" value=\"%s\">\n"
                                   "<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          sam_role_to_string (role), token);

  for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
    {
      const SamQuestion *question = sam_instrument_get_question (instrument, q);
      const GPtrArray *options = question->scale->options;
      gboolean asked = FALSE;

      for (guint i = 0; i < question->items->len; i++)
        asked |= sam_item_is_asked (g_ptr_array_index (question->items, i), role);
      if (!asked)
        continue;
      n_questions++;

      g_string_append_printf (content, "<section class=\"question\" id=\"question-%d\""
                                       " aria-labelledby=\"title-%d\">\n"
                                       "<p class=\"domain\">", question->number, question->number);
      _sam_collect_append_escaped (content, question->domain->title);
      g_string_append_printf (content,
                              "</p>\n<h2 id=\"title-%d\"><span class=\"number\">%d.</span> ",
                              question->number, question->number);
      _sam_collect_append_escaped (content, question->text);
      g_string_append (content, "</h2>\n");

      for (guint i = 0; i < question->items->len; i++)
        {
          const SamItem *item = g_ptr_array_index (question->items, i);

          if (!sam_item_is_asked (item, role))
            continue;
          g_string_append_printf (content,
                                  "<fieldset class=\"item\" id=\"item-%s\">\n<legend%s>", item->id,
                                  item->text == NULL ? " class=\"visually-hidden\"" : "");
          _sam_collect_append_escaped (content, item->text != NULL ? item->text : question->text);
          g_string_append (content, "</legend>\n<div class=\"options\">\n");
          for (guint o = 0; o < options->len; o++)
            {
              const SamOption *option = g_ptr_array_index (options, o);

              append_option (content, item->id, option->code, option->label, FALSE);
            }
          if (item->not_applicable != NULL)
            append_option (content, item->id, SAM_ANSWER_NOT_APPLICABLE,
                           sam_instrument_get_not_applicable_label (instrument,
                                                                    item->not_applicable), TRUE);
          g_string_append (content, "</div>\n</fieldset>\n");
        }
      g_string_append (content, "</section>\n");
    }

  g_string_append (content, "<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  _sam_collect_append_escaped (content, send);
  g_string_append (content, "</button></div>\n</form>\n");

  _sam_collect_respond_page (self, msg, language, sam_instrument_get_role_label (instrument, role),
                             links, content->str);
}

static void
respond_thanks (SamCollect        *self,
                SoupServerMessage *msg,
                Language           language,
                SamRole            role)
{
  g_autoptr(GString) content = g_string_new (NULL);

  /* The script removes the draft of this role once the answers are in. */
  g_string_append_printf (content, "<section class=\"thanks\" data-clear-draft=\"%s\">\n<h1>",
                          sam_role_to_string (role));
  _sam_collect_append_escaped (content, T (language, N_("Thank You")));
  g_string_append (content, "</h1>\n<p>");
  _sam_collect_append_escaped (content, T (language, N_("Your answers are stored on the clinic’s "
                                                        "computer without your name. You can close "
                                                        "this page now.")));
  g_string_append (content, "</p>\n</section>\n");

  _sam_collect_respond_page (self, msg, language, T (language, N_("Thank You")), "", content->str);
}

/* A form checked and waiting for its turn to be stored. */
struct _Job
{
  SoupServerMessage *msg;
  Language           language;
  SamCollectForm     form;
};

void
_sam_collect_job_free (gpointer data)
{
  Job *job = data;

  g_object_unref (job->msg);
  g_free (job);
}

/* Stores one waiting form as one respondent, in a change of its own, exactly as the
 * window's questionnaire stores one (sam_store_begin(), sam_store_add_respondent(),
 * sam_store_commit()); inside the batch's change (see run_jobs()) that is a savepoint,
 * all of the respondent or nothing of it. Returns TRUE where it waits for the batch to be
 * committed before the phone is thanked; otherwise the phone has its answer. */
static gboolean
store_job (SamCollect *self,
           Job        *job,
           GHashTable *batch)
{
  SoupServerMessage *msg = job->msg;
  Language language = job->language;
  const char *headline = T (language, N_("Nothing was stored."));
  const char *nonce = _sam_collect_token_nonce (job->form.token);
  g_autoptr(GError) error = NULL;

  /* A form is taken once: posted again, it is thanked and stores nothing more. */
  if (g_hash_table_contains (self->used, nonce) || g_hash_table_contains (batch, nonce))
    {
      respond_thanks (self, msg, language, job->form.role);
      return FALSE;
    }

  if (!sam_store_begin (self->store, &error))
    goto failed;
  if (!sam_store_add_respondent (self->store, self->round_id, self->clinic_id, job->form.role,
                                 job->form.answers, job->form.n_answers, NULL, &error))
    {
      g_autoptr(SamRound) round = NULL;

      sam_store_rollback (self->store);
      if (!g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID) &&
          error->domain != SAM_INSTRUMENT_ERROR)
        goto failed;
      round = sam_store_get_round (self->store, self->round_id, NULL);
      if (round == NULL || round->closed)
        _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                             T (language, N_("This round is closed: it takes no more answers.")));
      else
        _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline, error->message);
      return FALSE;
    }
  if (!sam_store_commit (self->store, &error))
    goto failed;
  g_hash_table_add (batch, (gpointer) nonce);
  return TRUE;

failed:
  _sam_collect_respond_failed (self, msg, language);
  return FALSE;
}

static void schedule_jobs (SamCollect *self,
                           guint       delay_ms);

/* How long one turn of the main loop may store forms before the window's drawing and
 * input come again. */
#define BATCH_BUDGET_US 8000

/* The forms waiting, stored in turns below the window's drawing and input. The forms of
 * one turn are committed together: a clinic pressing Submit at once costs the disk one
 * write instead of one each, and the window one refresh. Each form is still all or
 * nothing (its own savepoint), and no phone is thanked before its answers are on disk. */
static gboolean
run_jobs (gpointer user_data)
{
  SamCollect *self = user_data;
  g_autoptr(GHashTable) batch = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (_sam_collect_job_free);
  g_autoptr(GPtrArray) answered = g_ptr_array_new_with_free_func (_sam_collect_job_free);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + BATCH_BUDGET_US;
  gboolean committed;
  Job *job;

  self->jobs_source = 0;
  /* A change of the window's that is not finished would take these with it if it were
   * undone: the forms wait for it. */
  if (sam_store_in_transaction (self->store))
    {
      schedule_jobs (self, 50);
      return G_SOURCE_REMOVE;
    }
  if (!sam_store_begin (self->store, &error))
    {
      job = g_queue_pop_head (self->jobs);
      _sam_collect_respond_failed (self, job->msg, job->language);
      soup_server_message_unpause (job->msg);
      _sam_collect_job_free (job);
      if (!g_queue_is_empty (self->jobs))
        schedule_jobs (self, 100);
      return G_SOURCE_REMOVE;
    }
  while (g_get_monotonic_time () < deadline && (job = g_queue_pop_head (self->jobs)) != NULL)
    g_ptr_array_add (store_job (self, job, batch) ? waiting : answered, job);
  committed = sam_store_commit (self->store, NULL);

  for (guint i = 0; i < waiting->len; i++)
    {
      job = g_ptr_array_index (waiting, i);
      if (committed)
        {
          g_hash_table_add (self->used, g_strdup (_sam_collect_token_nonce (job->form.token)));
          self->n_answered++;
          respond_thanks (self, job->msg, job->language, job->form.role);
        }
      else
        _sam_collect_respond_failed (self, job->msg, job->language);
      soup_server_message_unpause (job->msg);
    }
  for (guint i = 0; i < answered->len; i++)
    soup_server_message_unpause (((Job *) g_ptr_array_index (answered, i))->msg);
  if (committed && waiting->len > 0)
    _sam_collect_notify_answered (self);

  if (!g_queue_is_empty (self->jobs))
    schedule_jobs (self, 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_jobs (SamCollect *self,
               guint       delay_ms)
{
  if (self->jobs_source != 0)
    return;
  if (delay_ms > 0)
    self->jobs_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, delay_ms, run_jobs,
                                            self, NULL);
  else
    self->jobs_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_jobs, self, NULL);
}

static void
take_submission (SamCollect        *self,
                 SoupServerMessage *msg,
                 Language           language)
{
  const char *headline = T (language, N_("Nothing was stored."));
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;
  gsize length;
  const char *data;

  if (content_type == NULL ||
      g_ascii_strcasecmp (content_type, SOUP_FORM_MIME_TYPE_URLENCODED) != 0)
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language, N_("The answers did not come as a form sends them.")));
      return;
    }

  job = g_new0 (Job, 1);
  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_form_decode (self->instruments[language], self->catalogs[language], data, length,
                                &job->form, &error))
    {
      _sam_collect_refuse_decoded (msg, headline, error);
      g_free (job);
      return;
    }
  if (!_sam_collect_check_token (self, job->form.token))
    {
      _sam_collect_refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                           T (language,
                              N_("The answers did not come from a form of this computer.")));
      g_free (job);
      return;
    }

  /* Checked: it waits for its turn, and the phone for its answer. */
  job->msg = g_object_ref (msg);
  job->language = language;
  g_queue_push_tail (self->jobs, job);
  soup_server_message_pause (msg);
  schedule_jobs (self, 0);
}

/* The questionnaire: the role to choose, the form of a role (GET), and the answers posted
 * from it. */
void
_sam_collect_handle_survey (SamCollect        *self,
                            SoupServerMessage *msg,
                            const char        *method,
                            GHashTable        *query,
                            Language           language)
{
  if (method == SOUP_METHOD_POST)
    {
      if (!_sam_collect_take_post_turn (self, msg, language,
                                        T (language, N_("Too many answers arrived at once. "
                                                        "Send yours again in a moment."))))
        return;
      take_submission (self, msg, language);
      return;
    }
  if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
    {
      const char *role_name = query != NULL ? g_hash_table_lookup (query, "role") : NULL;
      g_autoptr(SamRound) round = NULL;
      g_autofree char *clinic_code = NULL;
      g_autoptr(GError) error = NULL;
      SamRole role;

      if (!_sam_collect_take_get_turn (self, msg, language))
        return;
      if (role_name != NULL && !sam_role_from_string (role_name, &role))
        {
          _sam_collect_respond_text (msg, SOUP_STATUS_BAD_REQUEST,
                                     T (language, N_("The form names a role the questionnaire does "
                                                     "not have.")));
          return;
        }
      if (!_sam_collect_lookup_round (self, &round, &clinic_code, &error))
        {
          _sam_collect_respond_text (msg, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                     T (language,
                                        N_("The clinic’s computer could not find the round.")));
          return;
        }
      if (role_name == NULL)
        respond_role_page (self, msg, language, round, clinic_code);
      else
        respond_form (self, msg, language, role, round, clinic_code);
      return;
    }

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                "GET, HEAD, POST");
  _sam_collect_respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
}
