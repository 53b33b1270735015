/* test-deck.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-private.h"
#include "sam-deck.h"
#include "sam-demo.h"
#include "test-common.h"
#include "test-pdf.h"

/* The meeting deck on the demo: its slides, its words, and that it is the cluster's view
 * whatever clinic the computer belongs to. */

static char *tmpdir;

static gint64
newest_round (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  /* Newest first. */
  return ((SamRound *) g_ptr_array_index (rounds, 0))->id;
}

static void
test_slides (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "demo.db", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "deck.pdf", NULL);
  g_autofree char *own_path = g_build_filename (tmpdir, "deck-own.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *own_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (db, &error);
  g_autoptr(GPtrArray) clinics = NULL;
  guint pages = 0;

  g_assert_no_error (error);
  /* The demo's newest round is open: the deck shares its figures, so it asks for the
   * round to be closed first, and writes nothing. */
  g_assert_false (sam_deck_write_pdf (store, newest_round (store), 3, path, &pages, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Opfølgning 2026"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (sam_store_set_round_closed (store, newest_round (store), TRUE, &error));
  g_assert_true (sam_deck_write_pdf (store, newest_round (store), 3, path, &pages, &error));
  g_assert_no_error (error);
  /* Published now, at 3 and at 3 only. */
  g_assert_false (sam_deck_write_pdf (store, newest_round (store), 4, own_path, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A title; the indices; each index clinic by clinic; the heatmap; then for each of the
   * four domains its text and two charts for each of its ten questions. */
  g_assert_cmpuint (pages, ==, 1 + 1 + 3 + 1 + 4 + 2 * 10);

  text = test_pdf_text_flat (path);
  if (text == NULL)
    {
      g_test_message ("pdftotext is missing: the text is not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Demoklyngen"));
  g_assert_nonnull (strstr (text, "Opfølgning 2026, 18 March 2026: 12 clinics"));
  g_assert_nonnull (strstr (text, "Figures from fewer than 3 answers are withheld"));
  g_assert_nonnull (strstr (text, "What do we know?"));
  g_assert_nonnull (strstr (text, "Question 7:"));
  g_assert_nonnull (strstr (text, "Leadership index, clinic by clinic"));
  /* Small clinics are withheld, and the country stands beside the cluster. */
  g_assert_nonnull (strstr (text, "withheld"));
  g_assert_nonnull (strstr (text, "Denmark"));

  /* On a clinic's own computer the deck is the same: the cluster's view, never the
   * clinic's own figures from fewer than k. */
  clinics = sam_store_list_clinics (store, NULL);
  g_assert_true (sam_store_set_own_clinic (store, ((SamClinic *) g_ptr_array_index (clinics, 1))->id, NULL));
  g_assert_true (sam_deck_write_pdf (store, newest_round (store), 3, own_path, NULL, &error));
  own_text = test_pdf_text_flat (own_path);
  g_assert_cmpstr (own_text, ==, text);
}

static void
test_errors (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "errors.db", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "no-such-folder", "deck.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (db, &error);

  g_assert_false (sam_deck_write_pdf (store, 9999, 3, bad, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sam_store_set_round_closed (store, newest_round (store), TRUE, &error));
  g_assert_false (sam_deck_write_pdf (store, newest_round (store), 3, bad, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "deck.pdf"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* The output of a poppler tool, or NULL where it is not installed. */
static char *
run_poppler (const char * const *args)
{
  g_autofree char *program = g_find_program_in_path (args[0]);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  g_ptr_array_add (argv, program);
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

typedef struct
{
  double  x0, y0, x1, y1;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* The deck read back as a reader's PDF viewer sees it: the size of every piece of text
 * (pdftohtml) and the box of every word (pdftotext -bbox-layout), page by page. No text is
 * smaller than the slide's minimum, 12 pt on 960 x 540 pt, and no two words cover each
 * other ("n 12n 11", a trend's labels on top of each other). */
static void
test_legible (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "legible.db", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "legible.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (db, &error);
  g_autofree char *xml = NULL;
  g_autofree char *boxes = NULL;
  g_autoptr(GRegex) font_re = g_regex_new ("<fontspec id=\"[0-9]+\" size=\"([0-9.]+)\"", 0, 0,
                                           NULL);
  g_autoptr(GRegex) word_re =
    g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                 "yMax=\"([0-9.]+)\">([^<]*)</word>",
                 0, 0, NULL);
  g_auto(GStrv) pages = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  SamChartStyle style;
  double per_unit, least = G_MAXDOUBLE;
  guint n_sizes = 0, n_words = 0;

  g_assert_no_error (error);
  g_assert_true (sam_store_set_round_closed (store, newest_round (store), TRUE, &error));
  g_assert_true (sam_deck_write_pdf (store, newest_round (store), 3, path, NULL, &error));
  g_assert_no_error (error);

  xml = run_poppler ((const char *[]) { "pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout",
                                        path, NULL });
  boxes = run_poppler ((const char *[]) { "pdftotext", "-bbox-layout", path, "-", NULL });
  if (xml == NULL || boxes == NULL)
    {
      g_test_skip ("poppler-utils (pdftohtml, pdftotext) are missing");
      return;
    }

  /* Every font size the deck uses, as the PDF gives it (to the point). */
  g_regex_match (font_re, xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *size = g_match_info_fetch (match, 1);

      least = MIN (least, g_ascii_strtod (size, NULL));
      n_sizes++;
    }
  g_clear_pointer (&match, g_match_info_free);
  g_assert_cmpuint (n_sizes, >, 5);
  g_test_message ("the smallest text in the deck: %.1f pt", least);
  g_assert_cmpfloat (least, >=, sam_chart_medium_min_text (SAM_CHART_SLIDE, 1, 960));

  /* Exactly, from the words' boxes: a word's box is as tall as its font's ascent and
   * descent, which pango measures the same. (A word in a box taller than it is wide may
   * read upwards; only its length is known then, so it is left to pdftohtml's sizes.) */
  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  per_unit = _sam_chart_line_height (&style, 100) / 100;
  sam_chart_style_clear (&style);

  pages = g_strsplit (boxes, "<page ", -1);
  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));

      g_array_set_clear_func (words, word_clear);
      g_regex_match (word_re, pages[p], 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          Word word;
          char *fields[4];

          for (guint f = 0; f < 4; f++)
            fields[f] = g_match_info_fetch (match, f + 1);
          word = (Word) { g_ascii_strtod (fields[0], NULL), g_ascii_strtod (fields[1], NULL),
                          g_ascii_strtod (fields[2], NULL), g_ascii_strtod (fields[3], NULL),
                          g_match_info_fetch (match, 5) };
          for (guint f = 0; f < 4; f++)
            g_free (fields[f]);
          g_array_append_val (words, word);
        }
      g_clear_pointer (&match, g_match_info_free);

      for (guint i = 0; i < words->len; i++)
        {
          const Word *a = &g_array_index (words, Word, i);

          if (a->x1 - a->x0 >= a->y1 - a->y0)
            {
              double size = (a->y1 - a->y0) / per_unit;

              if (size < 12 - 0.05)
                g_test_message ("slide %u: “%s” is %.2f pt", p, a->text, size);
              g_assert_cmpfloat (size, >=, 12 - 0.05);
            }
          for (guint j = i + 1; j < words->len; j++)
            {
              const Word *b = &g_array_index (words, Word, j);
              /* Lines of a paragraph touch; half a point of overlap is rounding. */
              double across = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
              double down = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

              if (across > 0.5 && down > 0.5)
                g_test_message ("slide %u: “%s” (%.1f, %.1f) and “%s” (%.1f, %.1f) overlap", p,
                                a->text, a->x0, a->y0, b->text, b->x0, b->y0);
              g_assert_false (across > 0.5 && down > 0.5);
            }
        }
      n_words += words->len;
    }
  g_assert_cmpuint (g_strv_length (pages) - 1, ==, 30);
  g_assert_cmpuint (n_words, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/deck/slides", test_slides);
  g_test_add_func ("/deck/errors", test_errors);
  g_test_add_func ("/deck/legible", test_legible);

  return g_test_run ();
}
