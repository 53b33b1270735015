/* fuzz-collect-form.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sam-collect-form.h"

/* A form posted from a phone is whatever anyone on the clinic's network sends, so its
 * decoding must survive any bytes: no crash, no read out of bounds, and what it accepts
 * is exactly what the store may take. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *encoded = NULL;
  SamCollectForm form, again;
  SamRole token_role;

  /* The body is not NUL-terminated: a copy of exactly its bytes, so that ASan sees any
   * read past its end. */
  g_autofree char *body = g_memdup2 (data, size);

  if (!sam_collect_form_decode (instrument, NULL, body, size, &form, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SAM_COLLECT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  /* Accepted: a token of the form's role, and answers the store takes as they are. */
  g_assert_true (size <= SAM_COLLECT_FORM_MAX_SIZE);
  g_assert_true (sam_collect_token_get_role (form.token, &token_role));
  g_assert_cmpint (token_role, ==, form.role);
  g_assert_cmpuint (form.n_answers, <=, sam_instrument_count_items_for_role (instrument, form.role));
  for (guint i = 0; i < form.n_answers; i++)
    {
      g_assert_true (sam_instrument_check_answer (instrument, form.answers[i].item, form.role,
                                                  form.answers[i].code, NULL));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (form.answers[i].item, !=, form.answers[j].item);
    }

  /* And it says the same when sent again as a browser would. */
  encoded = sam_collect_form_encode (&form);
  g_assert_true (sam_collect_form_decode (instrument, NULL, encoded, strlen (encoded), &again, NULL));
  g_assert_cmpint (again.role, ==, form.role);
  g_assert_cmpstr (again.token, ==, form.token);
  g_assert_cmpuint (again.n_answers, ==, form.n_answers);
  for (guint i = 0; i < form.n_answers; i++)
    {
      g_assert_cmpstr (again.answers[i].item, ==, form.answers[i].item);
      g_assert_cmpint (again.answers[i].code, ==, form.answers[i].code);
    }
  return 0;
}
