/* test-pdf.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* The text of a PDF as poppler's pdftotext reads it, or NULL where the program is missing.
 * Then the test is marked skipped, not passed: it could not check what it is for, though
 * the caller goes on with the assertions that need no text. CI installs poppler-utils. */
static inline char *
test_pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext breaks lines where the page does; compare with all white space as one space. */
static inline char *
test_pdf_text_flat (const char *path)
{
  g_autofree char *text = test_pdf_text (path);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;
  words = g_strsplit_set (g_strstrip (text), " \n\t\f\r", -1);
  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
    return g_string_free (out, FALSE);
  }
}
