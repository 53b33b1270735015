/* test-document.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>

#include "sam-chart-private.h"
#include "sam-document.h"
#include "sam-document-private.h"
#include "test-common.h"

/* The document engine behind the deck, the meeting summary, the plan and the notes sheet:
 * its page breaks (a kept group moves whole, a heading never ends a page), its page count,
 * and, read back from the PDF as a reader's viewer sees it, that no text is smaller than
 * the medium's minimum and no two words cover each other. */

static char *tmpdir;

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

/* The words of a PDF with their boxes, a GArray of Word per page (pdftotext -bbox), or
 * NULL, the test marked skipped, where poppler's pdftotext is not installed. */
static GPtrArray *
read_words (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) word_re = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { NULL, "-bbox", "-enc", "UTF-8", path, "-", NULL };
  GPtrArray *result;
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

  word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                         "yMax=\"([0-9.]+)\">([^<]*)</word>", 0, 0, NULL);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  pages = g_strsplit (out, "<page ", -1);
  for (guint p = 1; pages[p] != NULL; p++)
    {
      GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
      g_autoptr(GMatchInfo) match = NULL;

      g_array_set_clear_func (words, word_clear);
      g_regex_match (word_re, pages[p], 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          Word word = { 0 };
          double *fields[] = { &word.x0, &word.y0, &word.x1, &word.y1 };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              g_autofree char *field = g_match_info_fetch (match, f + 1);

              *fields[f] = g_ascii_strtod (field, NULL);
            }
          word.text = g_match_info_fetch (match, 5);
          g_array_append_val (words, word);
        }
      g_ptr_array_add (result, words);
    }
  return result;
}

/* The page (from 0) a word first stands on, or -1. */
static int
find_word (GPtrArray  *pages,
           const char *text)
{
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);

      for (guint i = 0; i < words->len; i++)
        if (g_strcmp0 (g_array_index (words, Word, i).text, text) == 0)
          return p;
    }
  return -1;
}

static void
fill_figure (SamDocument *document,
             cairo_t     *cr,
             double       width,
             double       height,
             gpointer     data)
{
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_paint (cr);
}

static guint
paginate (SamDocument *document)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  sam_document_get_page_size (document, &width, &height);
  surface = cairo_pdf_surface_create (NULL, width, height);
  cr = cairo_create (surface);
  n_pages = sam_document_paginate (document, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

static char *
write_pdf (SamDocument *document,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (sam_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Some sentences of body text, each word of it unique and findable: "w<tag>n". */
static char *
words (const char *tag,
       guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%sw%s%u", i > 0 ? " " : "", tag, i);
  return g_string_free (text, FALSE);
}

/* A group that does not fit below the text above it, but fits on a page, moves whole to
 * the next page; one longer than a page runs on from where it is. */
static void
test_keep_together (void)
{
  g_autoptr(SamDocument) document = sam_document_new (SAM_DOCUMENT_A4, "Keep");
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *path = NULL;
  guint kept[4], long_first, long_last, first, last;
  guint n_pages;

  sam_document_set_page_numbers (document, TRUE);
  sam_document_add_text (document, SAM_DOCUMENT_TITLE, "Keep");
  sam_document_add_text (document, SAM_DOCUMENT_BODY, "Below the title.");
  /* Most of the first page. */
  sam_document_add_space (document, 560);
  sam_document_begin_keep (document);
  kept[0] = sam_document_add_text (document, SAM_DOCUMENT_HEADING, "keepheading");
  kept[1] = sam_document_add_text (document, SAM_DOCUMENT_BODY, "keepfirst paragraph of the group");
  kept[2] = sam_document_add_lines (document, 4);
  kept[3] = sam_document_add_text (document, SAM_DOCUMENT_DIM, "keeplast paragraph of the group");
  sam_document_end_keep (document);
  /* A kept group longer than a page: it cannot move whole, so it starts where it is. */
  sam_document_add_text (document, SAM_DOCUMENT_BODY, "fill");
  sam_document_begin_keep (document);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *text = words ("long", 30);

      sam_document_add_text (document, SAM_DOCUMENT_BODY, i == 0 ? "longstart" : text);
    }
  sam_document_add_text (document, SAM_DOCUMENT_BODY, "longend");
  sam_document_end_keep (document);

  n_pages = paginate (document);
  g_test_message ("%u pages", n_pages);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_assert_true (sam_document_get_block_pages (document, kept[i], &first, &last));
      g_assert_cmpuint (first, ==, 1);
      g_assert_cmpuint (last, ==, 1);
    }
  g_assert_true (sam_document_get_block_pages (document, kept[3] + 2, &long_first, NULL));
  g_assert_true (sam_document_get_block_pages (document, kept[3] + 81, NULL, &long_last));
  g_assert_cmpuint (long_first, ==, 1);
  g_assert_cmpuint (long_last, >, long_first);
  g_assert_cmpuint (n_pages, ==, long_last + 1);

  /* The same, read from the PDF. */
  path = write_pdf (document, "keep.pdf");
  pages = read_words (path);
  if (pages == NULL)
    return;
  g_assert_cmpuint (pages->len, ==, n_pages);
  g_assert_cmpint (find_word (pages, "Keep"), ==, 0);
  g_assert_cmpint (find_word (pages, "keepheading"), ==, 1);
  g_assert_cmpint (find_word (pages, "keepfirst"), ==, 1);
  g_assert_cmpint (find_word (pages, "keeplast"), ==, 1);
  g_assert_cmpint (find_word (pages, "longstart"), ==, 1);
  g_assert_cmpint (find_word (pages, "longend"), ==, (int) n_pages - 1);
}

/* Headings and paragraphs of all lengths, pushed down the first page a little further
 * each time: wherever the page breaks, a heading is never the last thing on a page, and
 * what follows a heading begins on the heading's page. */
static void
test_heading_not_last (void)
{
  guint n_layouts = 0;

  for (double offset = 0; offset < 700; offset += 7)
    {
      g_autoptr(SamDocument) document = sam_document_new (SAM_DOCUMENT_A4, "Headings");
      g_autoptr(GArray) headings = g_array_new (FALSE, FALSE, sizeof (guint));

      sam_document_set_page_numbers (document, TRUE);
      sam_document_add_space (document, offset);
      for (guint i = 0; i < 24; i++)
        {
          g_autofree char *text = words ("h", 1 + (i * 7) % 45);
          guint block;

          if (i % 6 == 0)
            {
              block = sam_document_add_text (document, SAM_DOCUMENT_OVERLINE, "Part");
              g_array_append_val (headings, block);
              block = sam_document_add_text (document, SAM_DOCUMENT_SECTION, "Section");
              g_array_append_val (headings, block);
            }
          block = sam_document_add_text (document, SAM_DOCUMENT_HEADING, "Heading");
          g_array_append_val (headings, block);
          sam_document_add_text (document, i % 2 ? SAM_DOCUMENT_BODY : SAM_DOCUMENT_DIM, text);
          if (i % 5 == 4)
            sam_document_add_lines (document, 3);
        }
      paginate (document);
      for (guint i = 0; i < headings->len; i++)
        {
          guint heading = g_array_index (headings, guint, i);
          guint heading_page, next_page;

          g_assert_true (sam_document_get_block_pages (document, heading, NULL, &heading_page));
          g_assert_true (sam_document_get_block_pages (document, heading + 1, &next_page, NULL));
          if (heading_page != next_page)
            g_test_message ("offset %.0f: heading block %u on page %u, what follows on %u", offset,
                            heading, heading_page, next_page);
          g_assert_cmpuint (heading_page, ==, next_page);
        }
      n_layouts++;
    }
  g_assert_cmpuint (n_layouts, ==, 100);
}

/* As many pages as the text takes and the breaks ask for, no empty one, and each page's
 * foot says which of how many it is. */
static void
test_page_count (void)
{
  g_autoptr(SamDocument) document = sam_document_new (SAM_DOCUMENT_A4, "Counted");
  g_autoptr(SamDocument) slides = sam_document_new (SAM_DOCUMENT_SLIDE, "Slides");
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *path = NULL;
  g_autofree char *slides_path = NULL;
  g_autofree char *text = NULL;

  /* A break at the start, two in a row and one at the end add no page. */
  sam_document_set_page_numbers (document, TRUE);
  sam_document_add_page_break (document);
  sam_document_add_text (document, SAM_DOCUMENT_TITLE, "First");
  sam_document_add_page_break (document);
  sam_document_add_page_break (document);
  sam_document_add_text (document, SAM_DOCUMENT_SECTION, "Second");
  text = words ("c", 1500);
  sam_document_add_text (document, SAM_DOCUMENT_BODY, text);
  sam_document_add_page_break (document);
  g_assert_cmpuint (paginate (document), ==, 4);
  g_assert_cmpuint (sam_document_get_n_pages (document), ==, 4);

  path = write_pdf (document, "count.pdf");
  pages = read_words (path);
  if (pages != NULL)
    {
      g_assert_cmpuint (pages->len, ==, 4);
      for (guint p = 0; p < pages->len; p++)
        {
          GArray *words = g_ptr_array_index (pages, p);
          g_autofree char *number = g_strdup_printf ("%u", p + 1);
          gboolean found = FALSE;

          /* "Counted · page N of 4", the last words of the page. */
          g_assert_cmpuint (words->len, >=, 5);
          for (guint i = 0; i + 3 < words->len; i++)
            if (g_str_equal (g_array_index (words, Word, i).text, "page") &&
                g_str_equal (g_array_index (words, Word, i + 1).text, number) &&
                g_str_equal (g_array_index (words, Word, i + 2).text, "of") &&
                g_str_equal (g_array_index (words, Word, i + 3).text, "4"))
              found = TRUE;
          g_assert_true (found);
        }
    }

  /* Figure pages each take one slide; a slide of text after one starts its own. */
  sam_document_add_text (slides, SAM_DOCUMENT_TITLE, "Title");
  for (guint i = 0; i < 3; i++)
    sam_document_add_figure_page (slides, fill_figure, NULL, NULL);
  sam_document_add_text (slides, SAM_DOCUMENT_SECTION, "After");
  sam_document_add_figure_page (slides, fill_figure, NULL, NULL);
  g_assert_cmpuint (paginate (slides), ==, 6);
  slides_path = write_pdf (slides, "slides.pdf");
  g_clear_pointer (&pages, g_ptr_array_unref);
  pages = read_words (slides_path);
  if (pages != NULL)
    {
      g_assert_cmpuint (pages->len, ==, 6);
      g_assert_cmpint (find_word (pages, "After"), ==, 4);
    }
}

/* Every style on both papers, with everything a document holds, read back: no word is
 * smaller than the medium's minimum, and no two words' boxes overlap. */
static void
check_legible (SamDocumentPaper  paper,
               const char       *name)
{
  g_autoptr(SamDocument) document = sam_document_new (paper, "Legible: a title long enough to be "
                                                       "cut short in the footer of a page");
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *path = NULL;
  double width, least, per_unit;
  SamChartStyle style;
  guint n_words = 0;

  sam_document_get_page_size (document, &width, NULL);
  least = sam_chart_medium_min_text (paper == SAM_DOCUMENT_SLIDE ? SAM_CHART_SLIDE
                                                                 : SAM_CHART_PAPER, 1, width);
  for (SamDocumentStyle s = 0; s < SAM_DOCUMENT_N_STYLES; s++)
    g_assert_cmpfloat (sam_document_get_text_size (document, s), >=, least);
  g_assert_cmpfloat (sam_document_get_text_size (document, SAM_DOCUMENT_CAPTION), ==, least);

  sam_document_set_page_numbers (document, TRUE);
  for (guint round = 0; round < 3; round++)
    {
      for (SamDocumentStyle s = 0; s < SAM_DOCUMENT_N_STYLES; s++)
        {
          g_autofree char *text = words ("x", 4 + 9 * s + 5 * round);

          sam_document_add_text_indented (document, s, text, s == SAM_DOCUMENT_BODY ? 14 : 0);
        }
      sam_document_add_rule (document);
      /* Text down to every page's foot, above the page number. */
      if (round == 1)
        {
          g_autofree char *text = words ("long", 900);

          sam_document_add_text (document, SAM_DOCUMENT_BODY, text);
        }
      sam_document_begin_keep (document);
      sam_document_add_text (document, SAM_DOCUMENT_BODY, "Write here:");
      sam_document_add_lines (document, 3);
      sam_document_end_keep (document);
    }

  path = write_pdf (document, name);
  pages = read_words (path);
  if (pages == NULL)
    return;
  g_assert_cmpuint (pages->len, ==, sam_document_get_n_pages (document));

  /* A word's box is as tall as its font's ascent and descent, which pango measures the
   * same (tests/test-deck.c). */
  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  per_unit = _sam_chart_line_height (&style, 100) / 100;
  sam_chart_style_clear (&style);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);

      for (guint i = 0; i < words->len; i++)
        {
          const Word *a = &g_array_index (words, Word, i);
          double size = (a->y1 - a->y0) / per_unit;

          if (size < least - 0.05)
            g_test_message ("page %u: “%s” is %.2f pt", p + 1, a->text, size);
          g_assert_cmpfloat (size, >=, least - 0.05);
          for (guint j = i + 1; j < words->len; j++)
            {
              const Word *b = &g_array_index (words, Word, j);
              /* Lines of a paragraph touch; half a point of overlap is rounding. */
              double across = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
              double down = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

              if (across > 0.5 && down > 0.5)
                g_test_message ("page %u: “%s” and “%s” overlap", p + 1, a->text, b->text);
              g_assert_false (across > 0.5 && down > 0.5);
            }
        }
      n_words += words->len;
    }
  g_test_message ("%s: %u pages, %u words", name, pages->len, n_words);
  g_assert_cmpuint (n_words, >, 300);
}

static void
test_legible_a4 (void)
{
  check_legible (SAM_DOCUMENT_A4, "legible-a4.pdf");
}

static void
test_legible_slide (void)
{
  check_legible (SAM_DOCUMENT_SLIDE, "legible-slide.pdf");
}

/* A file that cannot be written is an error that names it. */
static void
test_unwritable (void)
{
  g_autoptr(SamDocument) document = sam_document_new (SAM_DOCUMENT_A4, "Nowhere");
  g_autofree char *path = g_build_filename (tmpdir, "no-such-folder", "nowhere.pdf", NULL);
  g_autoptr(GError) error = NULL;

  sam_document_add_text (document, SAM_DOCUMENT_BODY, "Nothing");
  g_assert_false (sam_document_write_pdf (document, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "nowhere.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/document/keep-together", test_keep_together);
  g_test_add_func ("/document/heading-not-last", test_heading_not_last);
  g_test_add_func ("/document/page-count", test_page_count);
  g_test_add_func ("/document/legible-a4", test_legible_a4);
  g_test_add_func ("/document/legible-slide", test_legible_slide);
  g_test_add_func ("/document/unwritable", test_unwritable);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
