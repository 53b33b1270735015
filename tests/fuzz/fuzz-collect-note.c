/* fuzz-collect-note.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sam-collect-form.h"

/* A note posted from a phone in a meeting is whatever anyone on the clinic's network
 * sends: its decoding must survive any bytes, and what it accepts is a note the store
 * takes: a note form's token, and short, trimmed, valid text without control characters. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_memdup2 (data, size);
  SamCollectNote note;
  glong length;

  if (!sam_collect_note_decode (NULL, body, size, &note, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SAM_COLLECT_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (note.token, "note."));
  g_assert_cmpuint (strlen (note.token), <=, SAM_COLLECT_TOKEN_MAX);
  g_assert_true (g_utf8_validate (note.text, -1, NULL));
  length = g_utf8_strlen (note.text, -1);
  g_assert_cmpint (length, >, 0);
  g_assert_cmpint (length, <=, SAM_COLLECT_NOTE_MAX);
  g_assert_false (g_ascii_isspace (note.text[0]));
  for (const char *p = note.text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
  return 0;
}
