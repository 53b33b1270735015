/* sam-survey-import-own.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app's own files, told apart from a survey export, so that one given to the survey
 * import is sent where it belongs instead of being refused line by line. */

#define G_LOG_DOMAIN "sam-survey-import"

#include "config.h"

#include <string.h>

#include "sam-survey-import.h"

/* The results CSV's header (formats contract), as the app writes it; a spreadsheet that
 * saved it again may have changed the delimiter or the case. */
static const char *results_columns[] = {
  "round", "cluster", "scope", "unit", "item", "n", "mean", "favourable", "distribution",
  "suppressed",
};

static gboolean
is_results_header (const char *data,
                   gsize       size)
{
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  end = memchr (data, '\n', MIN (size, 4096));
  line = g_strndup (data, end != NULL ? (gsize) (end - data) : MIN (size, 4096));
  g_strchomp (line);
  g_strdelimit (line, ";\t", ',');
  fields = g_strsplit (line, ",", -1);
  if (g_strv_length (fields) != G_N_ELEMENTS (results_columns))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (results_columns); i++)
    {
      g_autofree char *field = g_ascii_strdown (g_strstrip (fields[i]), -1);

      if (g_str_has_prefix (field, "\"") && g_str_has_suffix (field, "\"") && strlen (field) >= 2)
        {
          memmove (field, field + 1, strlen (field) - 2);
          field[strlen (field) - 2] = '\0';
        }
      if (!g_str_equal (field, results_columns[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * sam_survey_import_recognise_own_file:
 *
 * Tells the files the app writes from survey answers: the results CSV, a clinic's
 * tallies file and a cluster's figures file (formats contract), by their header line or
 * their "format".
 *
 * Returns: which of them @bytes is, or %SAM_OWN_FILE_NONE
 */
SamOwnFileKind
sam_survey_import_recognise_own_file (GBytes *bytes)
{
  gsize size = 0;
  const char *data;
  g_autofree char *head = NULL;
  const char *p;

  g_return_val_if_fail (bytes != NULL, SAM_OWN_FILE_NONE);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0)
    return SAM_OWN_FILE_NONE;
  if (is_results_header (data, size))
    return SAM_OWN_FILE_RESULTS;

  /* An exchange file is one JSON object whose "format" names it; the name is written
   * first, so the head of the file is enough. */
  p = data;
  while ((gsize) (p - data) < size && g_ascii_isspace (*p))
    p++;
  if ((gsize) (p - data) >= size || *p != '{')
    return SAM_OWN_FILE_NONE;
  head = g_strndup (data, MIN (size, 4096));
  if (strstr (head, "\"format\"") == NULL)
    return SAM_OWN_FILE_NONE;
  if (strstr (head, "\"samarbejde-tallies\"") != NULL)
    return SAM_OWN_FILE_TALLIES;
  if (strstr (head, "\"samarbejde-figures\"") != NULL)
    return SAM_OWN_FILE_FIGURES;
  return SAM_OWN_FILE_NONE;
}
