/* test-dates.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "sam-dates.h"

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (textdomain (NULL));
}

static void
test_parse (void)
{
  const char *bad[] = { "2026-02-30", "2026-2-3", "2026-02-03x", "03-02-2026", "", "2026/02/03", "2026-13-01" };
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (sam_date_parse_iso ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_false (sam_date_parse_iso (NULL, &date));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (sam_date_parse_iso (bad[i], &date));
    }
}

/* The month follows the interface's language, not the time locale (C here). */
static void
test_format_in_language (void)
{
  g_autofree char *en = NULL;
  g_autofree char *da = NULL;
  g_autofree char *not_a_date = NULL;

  /* Danish first: GLib decides on its first lookup whether translations are used at all. */
  use_language ("da");
  da = sam_date_format_iso ("2026-03-18");
  g_assert_cmpstr (da, ==, "18. marts 2026");

  use_language ("en");
  en = sam_date_format_iso ("2026-03-18");
  g_assert_cmpstr (en, ==, "18 March 2026");

  not_a_date = sam_date_format_iso ("soon");
  g_assert_cmpstr (not_a_date, ==, "soon");
}

static void
assert_parses (const char *text,
               guint       day,
               guint       month,
               guint       year)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_test_message ("%s", text);
  g_date_clear (&date, 1);
  g_assert_true (sam_date_parse (text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
}

static char *
refusal (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint code;
  GDate date;

  g_test_message ("%s", text);
  g_date_clear (&date, 1);
  g_assert_false (sam_date_parse (text, &date, &error));
  code = *text != '\0' ? SAM_DATE_ERROR_INVALID : SAM_DATE_ERROR_EMPTY;
  g_assert_error (error, SAM_DATE_ERROR, code);
  return g_strdup (error->message);
}

/* As a Danish user types: day first with "-", "." or "/", or with the month's Danish name;
 * ISO always; and the English forms too. */
static void
test_parse_typed (void)
{
  use_language ("da");
  assert_parses ("01-02-2027", 1, 2, 2027);
  assert_parses ("1.2.2027", 1, 2, 2027);
  assert_parses ("01.02.2027", 1, 2, 2027);
  assert_parses ("1/2/2027", 1, 2, 2027);
  assert_parses ("  29-02-2028 ", 29, 2, 2028);
  assert_parses ("2027-02-01", 1, 2, 2027);
  assert_parses ("2027/2/1", 1, 2, 2027);
  assert_parses ("1. februar 2027", 1, 2, 2027);
  assert_parses ("4. maj 2026", 4, 5, 2026);
  assert_parses ("18. marts 2026", 18, 3, 2026);
  /* English, whatever the interface's language. */
  assert_parses ("4 May 2026", 4, 5, 2026);
  assert_parses ("May 4, 2026", 4, 5, 2026);
  assert_parses ("18 Sept 2026", 18, 9, 2026);

  use_language ("en");
  assert_parses ("01/02/2027", 1, 2, 2027);
  assert_parses ("01-02-2027", 1, 2, 2027);
  assert_parses ("2027-02-01", 1, 2, 2027);
  assert_parses ("1 February 2027", 1, 2, 2027);
}

/* Refused, and said why in words a person understands. */
static void
test_refuse_in_words (void)
{
  g_autofree char *february = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *words = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *leap = NULL;

  use_language ("en");
  february = refusal ("31-02-2027");
  g_assert_cmpstr (february, ==, "“31-02-2027” is not a date: February 2027 has 28 days.");
  leap = refusal ("30.2.2028");
  g_assert_nonnull (strstr (leap, "February 2028 has 29 days"));
  month = refusal ("01-13-2027");
  g_assert_cmpstr (month, ==, "“01-13-2027” is not a date: there is no month 13.");
  year = refusal ("1-2-27");
  g_assert_nonnull (strstr (year, "four digits"));
  words = refusal ("soon");
  g_assert_cmpstr (words, ==, "“soon” is not a date: write the day, the month and the year, such as 04/05/2026.");
  g_free (refusal ("2027-02-31x"));
  g_free (refusal ("1-2"));
  g_free (refusal ("1 Smarch 2027"));
  empty = refusal ("");
  g_assert_cmpstr (empty, ==, "Give a date, such as 04/05/2026.");
}

/* The short form is what the parser reads back, in either language. */
static void
test_short_round_trip (void)
{
  const char *languages[] = { "da", "en" };
  GDate date, back;

  g_date_clear (&date, 1);
  g_date_clear (&back, 1);
  g_date_set_dmy (&date, 4, G_DATE_MAY, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *text = NULL;

      use_language (languages[i]);
      text = sam_date_format_short (&date);
      g_assert_true (sam_date_parse (text, &back, NULL));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
    }
  use_language ("en");
  g_assert_cmpstr (sam_date_get_hint (), ==, "DD/MM/YYYY");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMARBEJDE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse", test_parse);
  g_test_add_func ("/dates/format-in-language", test_format_in_language);
  g_test_add_func ("/dates/parse-typed", test_parse_typed);
  g_test_add_func ("/dates/refuse-in-words", test_refuse_in_words);
  g_test_add_func ("/dates/short-round-trip", test_short_round_trip);

  return g_test_run ();
}
