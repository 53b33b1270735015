/* test-dates.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>

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

  return g_test_run ();
}
