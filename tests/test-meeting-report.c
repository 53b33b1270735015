/* test-meeting-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>

#include "sam-meeting-report.h"
#include "sam-meeting-report-private.h"
#include "test-common.h"
#include "test-pdf.h"

/* The summary of a meeting as a PDF: what was typed, where it was filed, and the actions,
 * read back with pdftotext; a long note runs on to the next page without a word lost. */

typedef struct
{
  char     *dir;
  SamStore *store;
  gint64    meeting_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SamMeetingAction action = { 0 };
  gint64 cluster, clinic, card;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "samarbejde.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Nord", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "K1", "Lægerne i Byen", &clinic, &error));
  g_assert_true (sam_meeting_store_create (fixture->store, "clinic-wellbeing", clinic, 0, "2026-05-04", 7, FALSE,
                                           &fixture->meeting_id, &error));
  g_assert_true (sam_meeting_store_set_note (fixture->store, fixture->meeting_id, "introduction",
                                             "Alle er med. Vi taler om trivsel i dag.", &error));
  g_assert_true (sam_meeting_store_add_card (fixture->store, fixture->meeting_id, "notes", SAM_MEETING_CARD_GREEN,
                                             "Vi hjælper hinanden", NULL, &card, &error));
  g_assert_true (sam_meeting_store_add_card (fixture->store, fixture->meeting_id, "notes", SAM_MEETING_CARD_RED,
                                             "For lidt tid til pauser", "breaks", &card, &error));
  action.what = (char *) "Fast pause kl. 12 hver dag";
  action.who = (char *) "Hanne";
  action.due = (char *) "2026-06-01";
  action.item = (char *) "q7c";
  action.step = (char *) "decide";
  g_assert_true (sam_meeting_store_add_action (fixture->store, fixture->meeting_id, &action, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
test_blocks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMeetingReport) report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  g_autofree char *text = NULL;
  SamMeetingReportStyle style;

  g_assert_no_error (error);
  g_assert_cmpstr (sam_meeting_report_get_title (report), ==, "How to talk about well-being in the clinic");
  g_assert_cmpstr (sam_meeting_report_get_date (report), ==, "2026-05-04");
  g_assert_false (sam_meeting_report_is_finished (report));
  g_assert_cmpstr (sam_meeting_report_get_block (report, 0, &style), ==, sam_meeting_report_get_title (report));
  g_assert_cmpint (style, ==, SAM_MEETING_REPORT_TITLE);
  text = sam_meeting_report_get_text (report);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "4 May 2026 · Lægerne i Byen\n7 people took part\n"
                                  "The meeting was not finished.\nNotes per Step\n"));
  g_assert_nonnull (strstr (text, "Breaks and community\nRed: For lidt tid til pauser\n"
                                  "Not sorted\nGreen: Vi hjælper hinanden\n"));
  g_assert_nonnull (strstr (text, "Fast pause kl. 12 hver dag\nWho: Hanne · By: 1 June 2026 · "
                                  "Linked to: We are good at talking about difficult subjects and solving problems together\n"));

  g_assert_null (sam_meeting_report_new (fixture->store, 999, &error));
  g_assert_nonnull (error);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMeetingReport) report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  g_autofree char *path = g_build_filename (fixture->dir, "referat.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (sam_meeting_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  text = test_pdf_text_flat (path);
  if (text == NULL)
    {
      g_test_message ("pdftotext is missing: the text is not checked");
      return;
    }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "How to talk about well-being in the clinic"));
  g_assert_nonnull (strstr (text, "4 May 2026 · Lægerne i Byen"));
  g_assert_nonnull (strstr (text, "7 people took part"));
  g_assert_nonnull (strstr (text, "Alle er med. Vi taler om trivsel i dag."));
  g_assert_nonnull (strstr (text, "Breaks and community Red: For lidt tid til pauser"));
  g_assert_nonnull (strstr (text, "Green: Vi hjælper hinanden"));
  g_assert_nonnull (strstr (text, "Fast pause kl. 12 hver dag Who: Hanne · By: 1 June 2026"));
  g_assert_nonnull (strstr (text, "page 1 of 1"));
}

/* A note far longer than a page runs on over pages; every one of its words is there. */
static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(SamMeetingReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "lang.pdf", NULL);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  for (guint i = 1; i <= 600; i++)
    g_string_append_printf (note, "ord%u ", i);
  g_string_append (note, "\n\nSidste afsnit.");
  g_assert_true (sam_meeting_store_set_note (fixture->store, fixture->meeting_id, "round", note->str, &error));
  report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  g_assert_no_error (error);

  surface = cairo_pdf_surface_create (NULL, SAM_MEETING_REPORT_WIDTH, SAM_MEETING_REPORT_HEIGHT);
  cr = cairo_create (surface);
  n_pages = sam_meeting_report_paginate (report, cr, SAM_MEETING_REPORT_WIDTH, SAM_MEETING_REPORT_HEIGHT);
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (sam_meeting_report_write_pdf (report, path, &error));
  text = test_pdf_text_flat (path);
  if (text == NULL)
    return;
  for (guint i = 1; i <= 600; i++)
    {
      g_autofree char *word = g_strdup_printf (" ord%u ", i);

      g_assert_nonnull (strstr (text, word));
    }
  g_assert_nonnull (strstr (text, "Sidste afsnit."));
  g_assert_nonnull (strstr (text, "page 2 of"));
}

/* A file that cannot be written is an error, with nothing left behind. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMeetingReport) report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "referat.pdf", NULL);

  g_assert_false (sam_meeting_report_write_pdf (report, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The well-being session's anonymous questions answered from phones: each question with
 * its answers in the order of their text, not of their arrival; an answer two phones gave
 * is there twice. A meeting without answers has no such section (test_blocks()). */
static void
test_answers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SamMeetingReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *first[] = { "Tid til hinanden", "Flere inspirationsdage" };
  const char *second[] = { "At trivsel kan måles", NULL };
  const char *third[] = { "Tid til hinanden", "" };
  gint64 cluster, meeting;

  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Nord", &cluster, &error));
  g_assert_true (sam_meeting_store_create (fixture->store, "cluster-wellbeing", 0, cluster, "2026-05-11", 9, FALSE,
                                           &meeting, &error));
  g_assert_true (sam_meeting_store_add_answers (fixture->store, meeting, "closing", first, 2, &error));
  g_assert_true (sam_meeting_store_add_answers (fixture->store, meeting, "closing", second, 2, &error));
  g_assert_true (sam_meeting_store_add_answers (fixture->store, meeting, "closing", third, 2, &error));
  g_assert_no_error (error);

  report = sam_meeting_report_new (fixture->store, meeting, &error);
  g_assert_no_error (error);
  text = sam_meeting_report_get_text (report);
  g_assert_nonnull (strstr (text, "Answers from Phones\n"
                                  "Name the two most important things you take home from this session.\n"
                                  "At trivsel kan måles\nTid til hinanden\nTid til hinanden\n"
                                  "Name the two most important things KiAP could work on for the well-being of the clusters.\n"
                                  "Flere inspirationsdage\n"));

  g_clear_pointer (&report, sam_meeting_report_free);
  g_clear_pointer (&text, g_free);
  report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  text = sam_meeting_report_get_text (report);
  g_assert_null (strstr (text, "Answers from Phones"));
}

/* Votes from phones for red notes: in the summary as the runner shows them, counts only
 * from k voters; below k only how many voted. */
static void
test_votes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SamMeetingReport) report = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 red = 0;

  g_assert_true (sam_store_set_setting (fixture->store, "min-group-size", "4", &error));
  g_assert_cmpuint (sam_meeting_votes_min_voters (fixture->store), ==, 4);
  cards = sam_meeting_store_list_cards (fixture->store, fixture->meeting_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cards->len; i++)
    if (((SamMeetingCard *) g_ptr_array_index (cards, i))->colour == SAM_MEETING_CARD_RED)
      red = ((SamMeetingCard *) g_ptr_array_index (cards, i))->id;
  g_assert_cmpint (red, >, 0);

  /* No votes: no section. */
  report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  g_assert_no_error (error);
  text = sam_meeting_report_get_text (report);
  g_assert_null (strstr (text, "Votes for Red Notes"));

  /* Three voters of four needed: how many, never the counts. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (sam_meeting_store_add_ballot (fixture->store, fixture->meeting_id, "decide",
                                                 &red, 1, &error));
  g_clear_pointer (&report, sam_meeting_report_free);
  g_clear_pointer (&text, g_free);
  report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  text = sam_meeting_report_get_text (report);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Votes for Red Notes\nOne or two small changes\n"
                                  "3 people have voted\n"
                                  "Counts show when at least 4 have voted\n"));
  g_assert_null (strstr (text, "votes: For lidt tid til pauser"));
  g_assert_null (strstr (text, "3 votes"));

  /* The fourth: the counts show. */
  g_assert_true (sam_meeting_store_add_ballot (fixture->store, fixture->meeting_id, "decide",
                                               &red, 1, &error));
  g_clear_pointer (&report, sam_meeting_report_free);
  g_clear_pointer (&text, g_free);
  report = sam_meeting_report_new (fixture->store, fixture->meeting_id, &error);
  text = sam_meeting_report_get_text (report);
  g_assert_nonnull (strstr (text, "Votes for Red Notes\nOne or two small changes\n"
                                  "4 people have voted\n4 votes: For lidt tid til pauser\n"));
  g_assert_null (strstr (text, "Counts show when"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/meeting-report/blocks", test_blocks);
  ADD ("/meeting-report/answers", test_answers);
  ADD ("/meeting-report/votes", test_votes);
  ADD ("/meeting-report/pdf", test_pdf);
  ADD ("/meeting-report/long-note", test_long_note);
  ADD ("/meeting-report/unwritable", test_unwritable);

  return g_test_run ();
}
