/* test-deck.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/deck/slides", test_slides);
  g_test_add_func ("/deck/errors", test_errors);

  return g_test_run ();
}
