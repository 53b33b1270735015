/* fuzz-csv.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sam-csv.h"

/* A survey file comes from anyone's spreadsheet, so the reader must survive any bytes: no
 * crash, no read out of bounds, and what it hands out always holds up. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Reads every record and checks what a caller relies on: fields are UTF-8 without control
 * characters but tab and line ends, lines only go forward, an error is a quoting error. */
static void
read_everything (const uint8_t *data,
                 size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(SamCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint last_line = 0;
  char delimiter;
  const char *encoding;

  reader = sam_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SAM_CSV_ERROR);
      g_assert_true (error->code == SAM_CSV_ERROR_NOT_TEXT || error->code == SAM_CSV_ERROR_EMPTY);
      return;
    }

  delimiter = sam_csv_reader_get_delimiter (reader);
  encoding = sam_csv_reader_get_encoding (reader);
  g_assert_true (delimiter == ';' || delimiter == ',' || delimiter == '\t');
  g_assert_true (g_str_equal (encoding, "UTF-8") || g_str_equal (encoding, "WINDOWS-1252"));

  while (sam_csv_reader_next (reader, &error))
    {
      guint line = sam_csv_reader_get_line (reader);
      guint n_fields = sam_csv_reader_get_n_fields (reader);
      guint last_field_line = line;

      g_assert_cmpuint (line, >, last_line);
      g_assert_cmpuint (n_fields, >, 0);
      last_line = line;

      for (guint i = 0; i < n_fields; i++)
        {
          const char *field = sam_csv_reader_get_field (reader, i);
          guint field_line = sam_csv_reader_get_field_line (reader, i);

          g_assert_nonnull (field);
          g_assert_true (g_utf8_validate (field, -1, NULL));
          for (const char *p = field; *p != '\0'; p++)
            g_assert_true ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r');
          g_assert_cmpuint (field_line, >=, last_field_line);
          last_field_line = field_line;
        }
      /* The next record starts on a later line than any field of this one. */
      last_line = last_field_line;
    }

  if (error != NULL)
    {
      g_assert_true (error->domain == SAM_CSV_ERROR);
      g_assert_true (error->code == SAM_CSV_ERROR_QUOTES);
      g_assert_true (g_str_has_prefix (error->message, "Line "));
      g_assert_false (sam_csv_reader_next (reader, NULL));
    }
  else
    {
      g_assert_cmpuint (last_line, >, 0);
      g_assert_cmpuint (sam_csv_reader_get_line (reader), ==, 0);
    }
}

/* Whatever append_field writes as the second field of a row, the reader reads back: the
 * same text, but a CRLF as "\n" (as for any quoted field). */
static void
round_trip (const uint8_t *data,
            size_t         size)
{
  g_autofree char *field = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) out = g_string_new ("a;b;c\n1;");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate_len ((const char *) data, size, NULL))
    return;

  field = g_strndup ((const char *) data, size);
  sam_csv_append_field (out, field, ';');
  g_string_append (out, ";2\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  reader = sam_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      /* Only the control characters the reader refuses may stop it. */
      g_assert_error (error, SAM_CSV_ERROR, SAM_CSV_ERROR_NOT_TEXT);
      return;
    }

  parts = g_strsplit (field, "\r\n", -1);
  expected = g_strjoinv ("\n", parts);

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 0), ==, "1");
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 1), ==, expected);
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 2), ==, "2");
  g_assert_false (sam_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  read_everything (data, size);
  round_trip (data, size);
  return 0;
}
