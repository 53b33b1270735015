/* test-csv.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-csv.h"

/* A reader over @data, which must open without an error. A @length of -1 means up to the
 * NUL; the tests that need NUL or odd bytes give the length. */
static SamCsvReader *
open_csv (const char *data,
          gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  g_autoptr(GError) error = NULL;
  SamCsvReader *reader;

  reader = sam_csv_reader_new (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static void
assert_open_fails (const char *data,
                   gsize       length,
                   gint        code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamCsvReader) reader = NULL;

  reader = sam_csv_reader_new (bytes, &error);
  g_assert_error (error, SAM_CSV_ERROR, code);
  g_assert_null (reader);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

/* Every record as "line:field|field|…", one a line, so a test states the whole outcome
 * in one string. Field lines are checked separately where they matter. */
static char *
read_all (SamCsvReader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (sam_csv_reader_next (reader, &error))
    {
      g_string_append_printf (out, "%u:", sam_csv_reader_get_line (reader));
      for (guint i = 0; i < sam_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = sam_csv_reader_get_field (reader, i);

          g_assert_nonnull (field);
          g_assert_true (g_utf8_validate (field, -1, NULL));
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", field);
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);

  /* The end stays the end. */
  g_assert_false (sam_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_cmpuint (sam_csv_reader_get_line (reader), ==, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
read_csv (const char *data,
          gssize      length)
{
  g_autoptr(SamCsvReader) reader = open_csv (data, length);

  return read_all (reader);
}

/* Reads records until one fails and returns its error. */
static GError *
read_until_error (const char *data)
{
  g_autoptr(SamCsvReader) reader = open_csv (data, -1);
  GError *error = NULL;

  while (sam_csv_reader_next (reader, &error))
    ;
  g_assert_nonnull (error);
  return error;
}

static void
test_utf8 (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("klinik;rolle\nKlinik 3;læge i kompagniskab\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpstr (sam_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ';');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "1:klinik|rolle\n2:Klinik 3|læge i kompagniskab\n");
}

static void
test_utf8_bom (void)
{
  g_autoptr(SamCsvReader) reader =
    open_csv ("\xef\xbb\xbf" "clinic;role\nKlinik 3;sololæge\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpstr (sam_csv_reader_get_encoding (reader), ==, "UTF-8");
  records = read_all (reader);
  /* The mark is gone, so the first column is called "clinic", not "\ufeffclinic". */
  g_assert_cmpstr (records, ==, "1:clinic|role\n2:Klinik 3|sololæge\n");
}

/* What Danish Excel writes: 0xE6 æ, 0xF8 ø, 0xE5 å, 0xC6 Æ, 0x80 €. */
static void
test_windows_1252 (void)
{
  g_autoptr(SamCsvReader) reader =
    open_csv ("klinik;svar\n"
              "Kl\xe6" "ge L\xe6" "gerne;Enig\n"
              "S\xf8" "nderg\xe5" "rd;\xc6" "ble \x80\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpstr (sam_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  records = read_all (reader);
  g_assert_cmpstr (records, ==,
                   "1:klinik|svar\n2:Klæge Lægerne|Enig\n3:Søndergård|Æble €\n");
}

/* A byte-order mark before Windows-1252 text is dropped too, not decoded as "ï»¿". */
static void
test_bom_then_windows_1252 (void)
{
  g_autofree char *records = read_csv ("\xef\xbb\xbf" "a;b\n\xe6;\xf8\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b\n2:æ|ø\n");
}

static void
test_delimiter_semicolon (void)
{
  /* Commas in Danish decimals must not outvote the semicolons. */
  g_autoptr(SamCsvReader) reader = open_csv ("a;b;c,d\n1,5;2;3\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ';');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "1:a|b|c,d\n2:1,5|2|3\n");
}

static void
test_delimiter_comma (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("a,b,c;d\n1;5,2,3\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ',');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "1:a|b|c;d\n2:1;5|2|3\n");
}

static void
test_delimiter_tab (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("a\tb\tc,d\n1\t2\t3;4\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, '\t');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "1:a|b|c,d\n2:1|2|3;4\n");
}

static void
test_delimiter_none (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("clinic\nKlinik 3\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ',');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "1:clinic\n2:Klinik 3\n");
}

static void
test_delimiter_tie (void)
{
  struct
  {
    const char *header;
    char        delimiter;
  } cases[] = {
    { "a;b,c", ';' },
    { "a,b;c", ';' },
    { "a,b\tc", ',' },
    { "a\tb,c", ',' },
    { "a\tb;c", ';' },
    { "a;b,c\td", ';' },
    { "a;b,c,d", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamCsvReader) reader = open_csv (cases[i].header, -1);

      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
    }
}

/* Only the header decides, and only outside quotes: the quoted "a;b;c" does not count. */
static void
test_delimiter_quoted (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("\"a;b;c\",d,e\n\"x;y\",1;2,3\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ',');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "1:a;b;c|d|e\n2:x;y|1;2|3\n");
}

/* A quoted header field may span lines; the detection reads on to the header's real end. */
static void
test_delimiter_quoted_line_break (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("\"a\n;;;\",b,c\n", -1);

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, ',');
}

/* Empty lines before the header are not the header. */
static void
test_delimiter_after_empty_lines (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("\r\n\na\tb\n1\t2\n", -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, '\t');
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "3:a|b\n4:1|2\n");
}

static void
test_quoted_delimiter (void)
{
  g_autofree char *records = read_csv ("a;b;c\n\"1;2\";\"\";\";\"\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b|c\n2:1;2||;\n");
}

static void
test_quoted_line_breaks (void)
{
  g_autoptr(SamCsvReader) reader =
    open_csv ("a;b\r\n\"one\r\ntwo\";\"three\nfour\"\r\n\"lone\rcr\";x\r\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, 2);
  /* A CRLF inside quotes comes out as "\n", so a value reads the same from any system. */
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 0), ==, "one\ntwo");
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 1), ==, "three\nfour");

  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 0), ==, "lone\rcr");
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 1), ==, "x");
  g_assert_false (sam_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_quoted_doubled_quotes (void)
{
  g_autofree char *records =
    read_csv ("a;b;c\n\"Han sagde \"\"nej\"\"\";\"\"\"\"\"\";\"\"\"\"\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b|c\n2:Han sagde \"nej\"|\"\"|\"\n");
}

/* Only a '"' at a field's start opens quotes; one later in the field is a character. */
static void
test_quote_inside_unquoted (void)
{
  g_autofree char *records = read_csv ("a;b\n5\" skærm;x\"\"y\"\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b\n2:5\" skærm|x\"\"y\"\n");
}

/* The callers trim; the reader keeps what is there. */
static void
test_spaces_kept (void)
{
  g_autofree char *records = read_csv (" a ; b\n  ;\t\n", -1);

  g_assert_cmpstr (records, ==, "1: a | b\n2:  |\t\n");
}

static void
test_empty_fields (void)
{
  g_autofree char *records = read_csv ("a;b;c\n;;\n1;;\n;\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b|c\n2:||\n3:1||\n4:|\n");
}

static void
test_line_ends_crlf (void)
{
  g_autofree char *records = read_csv ("a;b\r\n1;2\r\n3;4\r\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b\n2:1|2\n3:3|4\n");
}

static void
test_line_ends_lf (void)
{
  g_autofree char *records = read_csv ("a;b\n1;2\n3;4\n", -1);

  g_assert_cmpstr (records, ==, "1:a|b\n2:1|2\n3:3|4\n");
}

/* Old Mac files end lines with a lone CR; and a file may mix its line ends. */
static void
test_line_ends_cr_and_mixed (void)
{
  g_autofree char *cr = read_csv ("a;b\r1;2\r3;4\r", -1);
  g_autofree char *mixed = read_csv ("a;b\r\n1;2\n3;4\r5;6", -1);

  g_assert_cmpstr (cr, ==, "1:a|b\n2:1|2\n3:3|4\n");
  g_assert_cmpstr (mixed, ==, "1:a|b\n2:1|2\n3:3|4\n4:5|6\n");
}

static void
test_last_line_without_end (void)
{
  g_autofree char *plain = read_csv ("a;b\n1;2", -1);
  g_autofree char *quoted = read_csv ("a;b\n1;\"2\"", -1);
  g_autofree char *empty_last = read_csv ("a;b\n1;", -1);
  g_autofree char *header_only = read_csv ("a;b", -1);

  g_assert_cmpstr (plain, ==, "1:a|b\n2:1|2\n");
  g_assert_cmpstr (quoted, ==, "1:a|b\n2:1|2\n");
  g_assert_cmpstr (empty_last, ==, "1:a|b\n2:1|\n");
  g_assert_cmpstr (header_only, ==, "1:a|b\n");
}

/* Empty lines are no records, but they are lines: the numbers must match an editor's. */
static void
test_empty_lines_skipped (void)
{
  g_autofree char *lf = read_csv ("a;b\n\n1;2\n\n\n3;4\n\n", -1);
  g_autofree char *crlf = read_csv ("\r\na;b\r\n\r\n1;2\r\n\r\n\r\n3;4\r\n\r\n", -1);

  g_assert_cmpstr (lf, ==, "1:a|b\n3:1|2\n6:3|4\n");
  g_assert_cmpstr (crlf, ==, "2:a|b\n4:1|2\n7:3|4\n");
}

static void
test_multi_line_field_lines (void)
{
  g_autoptr(SamCsvReader) reader =
    open_csv ("a;b;c\n1;\"two\r\nlines\";x\n\n\"three\n\nlines\n\";\"\ny\";z\n4;5;6\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_cmpuint (sam_csv_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 2), ==, 1);

  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_cmpuint (sam_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 0), ==, 2);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 1), ==, 2);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 2), ==, 3);
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 1), ==, "two\nlines");

  /* Line 4 is empty; the record on line 5 holds three line breaks, one of them an empty
   * line inside quotes, which is data and not skipped; then a field starting with one. */
  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_cmpuint (sam_csv_reader_get_line (reader), ==, 5);
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 0), ==, "three\n\nlines\n");
  g_assert_cmpstr (sam_csv_reader_get_field (reader, 1), ==, "\ny");
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 0), ==, 5);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 1), ==, 8);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 2), ==, 9);

  g_assert_true (sam_csv_reader_next (reader, &error));
  g_assert_cmpuint (sam_csv_reader_get_line (reader), ==, 10);
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 2), ==, 10);

  g_assert_false (sam_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_unterminated_quote (void)
{
  g_autoptr(GError) error = read_until_error ("a;b\n1;2\n\n3;\"never\nends;\n5;6\n");

  g_assert_error (error, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES);
  /* The line where the quoted field starts, where the missing quote belongs. */
  g_assert_cmpstr (error->message, ==, "Line 4: a quoted field does not end");
}

static void
test_unterminated_quote_in_header (void)
{
  g_autoptr(GError) error = read_until_error ("\"a;b\n1;2\n");

  g_assert_error (error, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES);
  g_assert_cmpstr (error->message, ==, "Line 1: a quoted field does not end");
}

static void
test_text_after_quote (void)
{
  g_autoptr(GError) error = read_until_error ("a;b\n\"x\ny\"z;1\n");
  g_autoptr(GError) space = read_until_error ("a;b\n1;\"x\" \n");

  g_assert_error (error, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES);
  /* The line of the closing quote, where the stray text is. */
  g_assert_cmpstr (error->message, ==, "Line 3: text follows a closing quote");
  g_assert_error (space, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES);
  g_assert_cmpstr (space->message, ==, "Line 2: text follows a closing quote");
}

/* After an error the reader never pretends the file ended well. */
static void
test_error_sticks (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("a;b\n\"x\"y;1\n2;3\n", -1);
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) again = NULL;

  g_assert_true (sam_csv_reader_next (reader, &first));
  g_assert_false (sam_csv_reader_next (reader, &first));
  g_assert_error (first, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES);
  g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_false (sam_csv_reader_next (reader, &again));
  g_assert_error (again, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES);
  g_assert_cmpstr (again->message, ==, first->message);
}

static void
test_nul_byte (void)
{
  static const char utf8[] = "a;b\n1;\0002\n";
  static const char utf16[] = "\xff\xfe" "a\000;\000b\000";

  assert_open_fails (utf8, sizeof utf8 - 1, SAM_CSV_ERROR_NOT_TEXT);
  assert_open_fails (utf16, sizeof utf16 - 1, SAM_CSV_ERROR_NOT_TEXT);
  assert_open_fails ("\0", 1, SAM_CSV_ERROR_NOT_TEXT);
}

static void
test_control_characters (void)
{
  static const char bad[] = { 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1a, 0x1b, 0x1f };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *utf8 = g_strdup_printf ("a;b\n1;%c\n", bad[i]);
      g_autofree char *cp1252 = g_strdup_printf ("a;\xe6\n1;%c\n", bad[i]);

      g_test_message ("0x%02x", bad[i]);
      assert_open_fails (utf8, strlen (utf8), SAM_CSV_ERROR_NOT_TEXT);
      assert_open_fails (cp1252, strlen (cp1252), SAM_CSV_ERROR_NOT_TEXT);
    }

  /* Tab, CR and LF are the text's own. */
  g_free (read_csv ("a\tb\r\n1\t2\n", -1));
}

/* 0x81, 0x8D, 0x8F, 0x90 and 0x9D mean nothing in Windows-1252 and are not UTF-8 alone. */
static void
test_neither_utf8_nor_windows_1252 (void)
{
  static const char *bad[] = {
    "a;b\n\x81;2\n", "a;\x8d\n", "\x8f", "a;b\n1;\xe6\x90\n", "\xef\xbb\xbf" "a;\x9d\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_open_fails (bad[i], strlen (bad[i]), SAM_CSV_ERROR_NOT_TEXT);
}

static void
test_empty (void)
{
  static const char *empty[] = { "", "\xef\xbb\xbf", "\n", "\r\n\r\n", "\r", "\xef\xbb\xbf\n\n" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    assert_open_fails (empty[i], strlen (empty[i]), SAM_CSV_ERROR_EMPTY);
}

static void
test_messages (void)
{
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x01", 1);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) not_text = NULL;
  g_autoptr(GError) no_header = NULL;

  g_assert_null (sam_csv_reader_new (binary, &not_text));
  g_assert_null (sam_csv_reader_new (empty, &no_header));
  g_assert_cmpstr (not_text->message, ==, "The file is not text");
  g_assert_cmpstr (no_header->message, ==, "The file is empty");
}

static void
test_append_field (void)
{
  struct
  {
    const char *field;
    char        delimiter;
    const char *expected;
  } cases[] = {
    { "", ';', "" },
    { "Klinik 3", ';', "Klinik 3" },
    { " spaces ", ';', " spaces " },
    { "1,5", ';', "1,5" },
    { "1,5", ',', "\"1,5\"" },
    { "a;b", ';', "\"a;b\"" },
    { "a;b", '\t', "a;b" },
    { "a\tb", '\t', "\"a\tb\"" },
    { "sagde \"nej\"", ';', "\"sagde \"\"nej\"\"\"" },
    { "\"", ';', "\"\"\"\"" },
    { "two\nlines", ';', "\"two\nlines\"" },
    { "cr\r", ';', "\"cr\r\"" },
    { "Søndergård", ';', "Søndergård" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("x");

      sam_csv_append_field (out, cases[i].field, cases[i].delimiter);
      g_assert_cmpstr (out->str + 1, ==, cases[i].expected);
    }
}

/* What append_field writes, the reader reads back as it was, whatever the delimiter. */
static void
test_round_trip (void)
{
  static const char *rows[][4] = {
    { "clinic", "role", "q1", "comment" },
    { "Klinik 3", "partner", "5", "" },
    { " Klinik; 4 ", "staff", "\"6\"", "two\nlines, \"quoted\"\n" },
    { "", "", "", "" },
    { "a,b", "c\td", "\"", "\n" },
    { "Søndergård", "sololæge", "9", "\"\"\"" },
  };
  static const char delimiters[] = { ';', ',', '\t' };

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(SamCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 0;

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          for (guint f = 0; f < G_N_ELEMENTS (rows[r]); f++)
            {
              if (f > 0)
                g_string_append_c (out, delimiters[d]);
              sam_csv_append_field (out, rows[r][f], delimiters[d]);
            }
          g_string_append_c (out, '\n');
        }

      reader = open_csv (out->str, out->len);
      g_assert_cmpint (sam_csv_reader_get_delimiter (reader), ==, delimiters[d]);
      while (sam_csv_reader_next (reader, &error))
        {
          g_assert_cmpuint (n, <, G_N_ELEMENTS (rows));
          g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, G_N_ELEMENTS (rows[n]));
          for (guint f = 0; f < G_N_ELEMENTS (rows[n]); f++)
            g_assert_cmpstr (sam_csv_reader_get_field (reader, f), ==, rows[n][f]);
          n++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (rows));
    }
}

/* Out-of-range calls are programmer errors, reported and survived. */
static void
test_out_of_range (void)
{
  g_autoptr(SamCsvReader) reader = open_csv ("a;b\n", -1);

  g_assert_true (sam_csv_reader_next (reader, NULL));
  g_test_expect_message ("sam-csv", G_LOG_LEVEL_CRITICAL, "*index < *");
  g_assert_null (sam_csv_reader_get_field (reader, 2));
  g_test_assert_expected_messages ();
  g_test_expect_message ("sam-csv", G_LOG_LEVEL_CRITICAL, "*index < *");
  g_assert_cmpuint (sam_csv_reader_get_field_line (reader, 2), ==, 0);
  g_test_assert_expected_messages ();
}

/* A national-scale file, 17,000 rows of 40 columns, reads whole and right. (Its speed is
 * measured by the import benchmark, never by a timed test.) */
static void
test_national_file (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(SamCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  for (guint c = 0; c < 40; c++)
    g_string_append_printf (csv, "%sq%u", c > 0 ? ";" : "", c);
  g_string_append (csv, "\r\n");
  for (guint r = 0; r < 17000; r++)
    {
      g_string_append_printf (csv, "Klinik %u;\"læge i kompagniskab\"", r % 300);
      for (guint c = 2; c < 40; c++)
        g_string_append_printf (csv, ";%u", (r + c) % 7);
      g_string_append (csv, "\r\n");
    }

  reader = open_csv (csv->str, csv->len);
  while (sam_csv_reader_next (reader, &error))
    {
      g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, 40);
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 17001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/encoding/utf8", test_utf8);
  g_test_add_func ("/csv/encoding/utf8-bom", test_utf8_bom);
  g_test_add_func ("/csv/encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/encoding/bom-then-windows-1252", test_bom_then_windows_1252);
  g_test_add_func ("/csv/delimiter/semicolon", test_delimiter_semicolon);
  g_test_add_func ("/csv/delimiter/comma", test_delimiter_comma);
  g_test_add_func ("/csv/delimiter/tab", test_delimiter_tab);
  g_test_add_func ("/csv/delimiter/none", test_delimiter_none);
  g_test_add_func ("/csv/delimiter/tie", test_delimiter_tie);
  g_test_add_func ("/csv/delimiter/quoted", test_delimiter_quoted);
  g_test_add_func ("/csv/delimiter/quoted-line-break", test_delimiter_quoted_line_break);
  g_test_add_func ("/csv/delimiter/after-empty-lines", test_delimiter_after_empty_lines);
  g_test_add_func ("/csv/quoted/delimiter", test_quoted_delimiter);
  g_test_add_func ("/csv/quoted/line-breaks", test_quoted_line_breaks);
  g_test_add_func ("/csv/quoted/doubled-quotes", test_quoted_doubled_quotes);
  g_test_add_func ("/csv/quoted/quote-inside-unquoted", test_quote_inside_unquoted);
  g_test_add_func ("/csv/fields/spaces-kept", test_spaces_kept);
  g_test_add_func ("/csv/fields/empty", test_empty_fields);
  g_test_add_func ("/csv/line-ends/crlf", test_line_ends_crlf);
  g_test_add_func ("/csv/line-ends/lf", test_line_ends_lf);
  g_test_add_func ("/csv/line-ends/cr-and-mixed", test_line_ends_cr_and_mixed);
  g_test_add_func ("/csv/line-ends/last-line-without-end", test_last_line_without_end);
  g_test_add_func ("/csv/lines/empty-lines-skipped", test_empty_lines_skipped);
  g_test_add_func ("/csv/lines/multi-line-fields", test_multi_line_field_lines);
  g_test_add_func ("/csv/error/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/error/unterminated-quote-in-header", test_unterminated_quote_in_header);
  g_test_add_func ("/csv/error/text-after-quote", test_text_after_quote);
  g_test_add_func ("/csv/error/sticks", test_error_sticks);
  g_test_add_func ("/csv/error/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/error/control-characters", test_control_characters);
  g_test_add_func ("/csv/error/neither-utf8-nor-windows-1252", test_neither_utf8_nor_windows_1252);
  g_test_add_func ("/csv/error/empty", test_empty);
  g_test_add_func ("/csv/error/messages", test_messages);
  g_test_add_func ("/csv/error/out-of-range", test_out_of_range);
  g_test_add_func ("/csv/write/append-field", test_append_field);
  g_test_add_func ("/csv/write/round-trip", test_round_trip);
  g_test_add_func ("/csv/performance/national-file", test_national_file);

  return g_test_run ();
}
