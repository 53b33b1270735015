/* fuzz-collect-room.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sam-collect-form.h"

/* Votes and answers posted from phones in a meeting are whatever anyone on the clinic's
 * network sends: their decoding must survive any bytes, and what it accepts is what the
 * store takes. The first byte chooses the decoder (even: a vote; odd: answers to one to
 * SAM_COLLECT_QUESTIONS_MAX questions); the rest is the body. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_text (const char *text)
{
  glong length;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  length = g_utf8_strlen (text, -1);
  g_assert_cmpint (length, <=, SAM_COLLECT_ANSWER_MAX);
  if (length > 0)
    {
      g_assert_false (g_ascii_isspace (text[0]));
      g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint8 choice;

  if (size == 0)
    return 0;
  choice = data[0];
  body = g_memdup2 (data + 1, size - 1);

  if (choice % 2 == 0)
    {
      SamCollectVote vote;

      if (!sam_collect_vote_decode (NULL, body, size - 1, &vote, &error))
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == SAM_COLLECT_ERROR);
          return 0;
        }
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (vote.token, "vote."));
      g_assert_cmpuint (strlen (vote.token), <=, SAM_COLLECT_TOKEN_MAX);
      g_assert_cmpuint (vote.n_votes, >=, 1);
      g_assert_cmpuint (vote.n_votes, <=, SAM_COLLECT_VOTES_MAX);
      for (guint i = 0; i < vote.n_votes; i++)
        {
          g_assert_cmpint (vote.votes[i], >, 0);
          for (guint j = 0; j < i; j++)
            g_assert_cmpint (vote.votes[i], !=, vote.votes[j]);
        }
    }
  else
    {
      guint n_questions = 1 + (choice / 2) % SAM_COLLECT_QUESTIONS_MAX;
      g_autofree SamCollectAnswers *answers = g_new0 (SamCollectAnswers, 1);
      gboolean any = FALSE;

      if (!sam_collect_answers_decode (NULL, body, size - 1, n_questions, answers, &error))
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == SAM_COLLECT_ERROR);
          return 0;
        }
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (answers->token, "answer."));
      g_assert_cmpuint (answers->n_questions, ==, n_questions);
      for (guint i = 0; i < SAM_COLLECT_QUESTIONS_MAX; i++)
        {
          check_text (answers->answers[i]);
          if (i >= n_questions)
            g_assert_cmpstr (answers->answers[i], ==, "");
          if (answers->answers[i][0] != '\0')
            any = TRUE;
        }
      g_assert_true (any);
    }
  return 0;
}
