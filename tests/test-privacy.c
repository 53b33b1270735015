/* test-privacy.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-cluster-file.h"
#include "sam-deck.h"
#include "sam-instrument.h"
#include "sam-plan-report.h"
#include "sam-reflection-sheet.h"
#include "sam-reflection.h"
#include "sam-report.h"
#include "sam-results-charts.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "test-common.h"
#include "test-pdf.h"

/* The reflection journal is private to the person and the computer (issue 7): nothing
 * from it may appear in any file the app writes for anyone else. This test fills every
 * table with data, writes every kind of file, and searches each for the journal's text. */

#define SECRET      "Journalhemmelighed-7f3a"
#define SECRET_WORD "Journalhemmelighed"
#define PLAN_TEXT   "Fælles frokost om fredagen"

typedef struct
{
  char     *dir;
  SamStore *store;
  gint64    cluster;
  gint64    clinic;
  gint64    round;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(SamPlanAction) action = sam_plan_action_new ();
  SamInstrument *instrument = sam_instrument_get_default ();

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "privacy.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &fixture->cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 1", "Lægerne i Byen",
                                          &fixture->clinic, NULL));
  g_assert_true (sam_store_create_round (fixture->store, fixture->cluster, "Baseline 2026", "2026-03-01",
                                         &fixture->round, NULL));
  g_assert_true (sam_store_add_round_clinic (fixture->store, fixture->round, fixture->clinic, 8, NULL));

  /* Six partners answering every item they are asked. */
  for (guint r = 0; r < 6; r++)
    {
      g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (SamAnswer));

      for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
        {
          const SamItem *item = sam_instrument_get_item (instrument, i);
          SamAnswer answer = { item->id, 1 + (int) ((r + i) % 4) };

          if (item->roles & SAM_ROLE_MASK (SAM_ROLE_PARTNER))
            g_array_append_val (answers, answer);
        }
      g_assert_true (sam_store_add_respondent (fixture->store, fixture->round, fixture->clinic, SAM_ROLE_PARTNER,
                                               (SamAnswer *) answers->data, answers->len, NULL, &error));
      g_assert_no_error (error);
    }

  /* A plan, with a follow-up. */
  action->what = g_strdup (PLAN_TEXT);
  action->item = g_strdup ("q7h");
  g_assert_true (sam_plan_add_action (fixture->store, fixture->clinic, action, NULL, NULL, &error));
  g_assert_true (sam_plan_set_follow_up (fixture->store, fixture->clinic, "2026-11-10", NULL, &error));
  g_assert_no_error (error);

  /* An answer in the journal to every question, in every role. */
  questions = sam_reflection_list_questions (NULL, SAM_ROLE_PARTNER);
  for (guint i = 0; i < questions->len; i++)
    {
      const SamMeetingReflection *question = g_ptr_array_index (questions, i);
      g_autofree char *text = g_strdup_printf ("%s om %s, spørgsmål %u", SECRET, question->group->id,
                                               question->number);
      gint64 id = 0;

      g_assert_true (sam_reflection_save (fixture->store, &id, question->group->id, question->number,
                                          "2026-11-20", text, NULL, &error));
      g_assert_no_error (error);
    }
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
assert_bytes_private (const char *what,
                      GBytes     *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", what, size);
  g_assert_cmpuint (size, >, 0);
  g_assert_null (g_strstr_len (data, size, SECRET_WORD));
}

static void
assert_file_private (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_file (path);
  g_autofree char *text = NULL;

  assert_bytes_private (path, bytes);
  if (g_str_has_suffix (path, ".pdf") && (text = test_pdf_text (path)) != NULL)
    g_assert_null (strstr (text, SECRET_WORD));
}

static void
assert_string_private (const char *what,
                       GString    *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);

  assert_bytes_private (what, bytes);
}

static void
test_every_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) tallies = g_string_new (NULL);
  g_autoptr(GString) figures_file = g_string_new (NULL);
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) journal = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *plan_path = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *plan_text = NULL;
  g_autofree char *sheet_path = g_build_filename (fixture->dir, "sheet.pdf", NULL);
  SamInstrument *instrument = sam_instrument_get_default ();
  SamChart *charts[4];
  SamPlanReport report = { "Lægerne i Byen", "Klynge Syd", NULL, NULL, NULL };
  guint n_rows = 0, n_files = 0;

  /* The journal is there to be found, so a clean result means something. */
  journal = sam_reflection_list (fixture->store, NULL, 0, &error);
  g_assert_cmpuint (journal->len, ==, 8);

  /* The results CSV, of the round closed to be shared. */
  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, TRUE, &error));
  g_assert_true (sam_results_write_csv (fixture->store, "Baseline 2026", &(SamFiguresPolicy) { 5, 0 }, csv, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, >, 0);
  assert_string_private ("results.csv", csv);
  n_files++;

  /* The files for the cluster: the clinic's tallies and the coordinator's figures. */
  g_assert_true (sam_cluster_file_write_tallies (fixture->store, fixture->round, fixture->clinic, tallies, &error));
  g_assert_no_error (error);
  assert_string_private ("tallies", tallies);
  g_assert_true (sam_cluster_file_write_figures (fixture->store, fixture->round, &(SamFiguresPolicy) { 5, 0 }, figures_file, &error));
  g_assert_no_error (error);
  assert_string_private ("figures", figures_file);
  n_files += 2;

  /* Every kind of chart the Results section exports, in every format. */
  figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 5, fixture->clinic }, &error);
  g_assert_no_error (error);
  charts[0] = sam_results_chart_question (figures, sam_instrument_get_question (instrument, 0));
  charts[1] = sam_results_chart_distribution (figures, sam_instrument_get_question (instrument, 0));
  charts[2] = sam_results_chart_indices (figures);
  charts[3] = sam_results_chart_heatmap (figures);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      for (SamReportFormat format = SAM_REPORT_PNG; format <= SAM_REPORT_PDF; format++)
        {
          g_autofree char *name = g_strdup_printf ("chart-%u.%s", i, sam_report_format_extension (format));
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

          g_assert_nonnull (charts[i]);
          g_assert_true (sam_report_write_chart (charts[i], format, path, 800, 600, &error));
          g_assert_no_error (error);
          assert_file_private (path);
          n_files++;
        }
      sam_chart_unref (charts[i]);
    }

  /* The plan as a PDF, and its follow-up for the calendar. */
  actions = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, &error);
  follow_up = sam_plan_get_follow_up (fixture->store, fixture->clinic, &error);
  g_assert_nonnull (follow_up);
  report.actions = actions;
  report.follow_up = follow_up;
  g_assert_true (sam_plan_report_write_pdf (&report, plan_path, &error));
  g_assert_no_error (error);
  assert_file_private (plan_path);
  plan_text = test_pdf_text (plan_path);
  if (plan_text != NULL)
    g_assert_nonnull (strstr (plan_text, PLAN_TEXT));
  ics = sam_plan_follow_up_to_ics (follow_up, "Lægerne i Byen", "Klynge Syd", NULL);
  g_assert_null (strstr (ics, SECRET_WORD));
  n_files += 2;

  /* The meeting deck for the cluster. */
  {
    g_autofree char *deck_path = g_build_filename (fixture->dir, "deck.pdf", NULL);

    g_assert_true (sam_deck_write_pdf (fixture->store, fixture->round, 5, deck_path, NULL, &error));
    g_assert_no_error (error);
    assert_file_private (deck_path);
    n_files++;
  }

  /* The sheet for meeting notes: the questions the journal answers, but none of its answers. */
  g_assert_true (sam_reflection_sheet_write_pdf (sheet_path, &error));
  g_assert_no_error (error);
  assert_file_private (sheet_path);
  n_files++;

  g_test_message ("%u files searched", n_files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/privacy/every-file", Fixture, NULL, fixture_set_up, test_every_file, fixture_tear_down);

  return g_test_run ();
}
