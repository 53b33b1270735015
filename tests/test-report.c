/* test-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-comparison.h"
#include "sam-chart-distribution.h"
#include "sam-chart-heatmap.h"
#include "sam-chart-overview.h"
#include "sam-chart-trend.h"
#include "sam-report.h"
#include "sam-results-charts.h"
#include "test-common.h"

/* The Results charts made from a store's figures, and charts as files. A cluster of two
 * clinics, k = 3:
 *
 *   Klinik 1: 3 partners, q1 = 1, 1, 2 (R1); q1 = 5 (R0)
 *   Klinik 2: 2 partners, q1 = 3, 4 (R1)          withheld in the cluster's view
 */

typedef struct
{
  char            *dir;
  SamStore        *store;
  gint64           clinics[2];
  SamRoundFigures *figures;
  SamRoundFigures *previous;
} Fixture;

static void
add (Fixture *fixture,
     gint64   round,
     guint    clinic,
     int      code)
{
  SamAnswer answer = { "q1", code };

  g_assert_true (sam_store_add_respondent (fixture->store, round, fixture->clinics[clinic], SAM_ROLE_PARTNER,
                                           &answer, 1, NULL, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cluster, round, old_round;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "report.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Nord", &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R0", "2025-01-01", &old_round, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R1", "2026-01-01", &round, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 1", NULL, &fixture->clinics[0], NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 2", NULL, &fixture->clinics[1], NULL));
  add (fixture, round, 0, 1);
  add (fixture, round, 0, 1);
  add (fixture, round, 0, 2);
  add (fixture, round, 1, 3);
  add (fixture, round, 1, 4);
  add (fixture, old_round, 0, 5);

  fixture->figures = sam_round_figures_load (fixture->store, round, &(SamFiguresPolicy) { 3, GPOINTER_TO_INT (data) ? fixture->clinics[0] : 0 }, &error);
  g_assert_no_error (error);
  fixture->previous = sam_round_figures_load (fixture->store, old_round, &(SamFiguresPolicy) { 3, GPOINTER_TO_INT (data) ? fixture->clinics[0] : 0 }, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->figures, sam_round_figures_free);
  g_clear_pointer (&fixture->previous, sam_round_figures_free);
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static const SamQuestion *
question (int number)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
    if (sam_instrument_get_question (instrument, q)->number == number)
      return sam_instrument_get_question (instrument, q);
  g_assert_not_reached ();
}

static void
test_question_chart (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_results_chart_question (fixture->figures, question (1));
  const SamComparisonData *comparison = sam_chart_get_data (chart);
  const SamComparisonRow *row = &comparison->rows[0];

  g_assert_cmpstr (sam_chart_get_kind_name (chart), ==, "comparison");
  g_assert_true (g_str_has_prefix (sam_chart_get_title (chart), "Question 1: "));
  g_assert_cmpuint (comparison->n_rows, ==, 1);
  g_assert_cmpint (comparison->k, ==, 3);
  g_assert_cmpstr (comparison->unit_names[SAM_UNIT_CLUSTER], ==, "Klynge Nord");
  /* No reference figures were imported, so no country; the cluster's view has no clinic. */
  g_assert_null (comparison->unit_names[SAM_UNIT_COUNTRY]);
  g_assert_false (row->present[SAM_UNIT_COUNTRY]);
  g_assert_false (row->present[SAM_UNIT_CLINIC]);
  /* q1: 100, 100, 75, 50, 25 -> 70 */
  g_assert_cmpuint (row->figures[SAM_UNIT_CLUSTER].n, ==, 5);
  g_assert_cmpfloat_with_epsilon (row->figures[SAM_UNIT_CLUSTER].mean, 70, 1e-9);
}

static void
test_own_clinic_in_charts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_results_chart_question (fixture->figures, question (1));
  g_autoptr(SamChart) overview = sam_results_chart_overview (fixture->figures, fixture->previous, sam_figure_slot ("q1"));
  g_autoptr(GPtrArray) history = g_ptr_array_new ();
  g_autoptr(SamChart) trend = NULL;
  const SamComparisonData *comparison = sam_chart_get_data (chart);
  const SamOverviewData *bars = sam_chart_get_data (overview);
  const SamTrendData *lines;

  g_assert_cmpstr (comparison->unit_names[SAM_UNIT_CLINIC], ==, "Klinik 1");
  g_assert_true (comparison->rows[0].present[SAM_UNIT_CLINIC]);
  /* 100, 100, 75: 91.67, drawn as the results file writes it, 91.7 (a chart in a PDF
   * must not carry more of the answers than the file does). */
  g_assert_cmpfloat_with_epsilon (comparison->rows[0].figures[SAM_UNIT_CLINIC].mean, 91.7, 1e-9);

  /* The own clinic is marked, and only it; the earlier round stands first. */
  g_assert_cmpuint (bars->n_bars, ==, 2);
  g_assert_cmpuint (bars->n_rounds, ==, 2);
  g_assert_cmpstr (bars->round_labels[0], ==, "R0");
  g_assert_cmpstr (bars->round_labels[1], ==, "R1");
  g_assert_cmpstr (bars->bars[0].code, ==, "Klinik 1");
  g_assert_true (bars->bars[0].own);
  g_assert_false (bars->bars[1].own);
  g_assert_true (bars->bars[0].present[0]);
  g_assert_cmpfloat_with_epsilon (bars->bars[0].figures[0].mean, 0, 1e-9);
  g_assert_false (bars->bars[1].present[0]);
  /* Klinik 2 has 2 answers, shown to nobody but itself. */
  g_assert_cmpint (bars->bars[1].figures[1].withheld, ==, SAM_WITHHELD_PRIMARY);

  g_ptr_array_add (history, fixture->previous);
  g_ptr_array_add (history, fixture->figures);
  trend = sam_results_chart_trend (history, fixture->figures->own_clinic_id, sam_figure_slot ("q1"));
  lines = sam_chart_get_data (trend);
  g_assert_cmpuint (lines->n_rounds, ==, 2);
  g_assert_nonnull (lines->series[SAM_UNIT_CLINIC]);
  g_assert_null (lines->series[SAM_UNIT_COUNTRY]);
  g_assert_cmpfloat_with_epsilon (lines->series[SAM_UNIT_CLINIC][1].mean, 91.7, 1e-9);
  g_assert_cmpuint (lines->series[SAM_UNIT_CLUSTER][0].n, ==, 1);
  /* The cluster's figure from one answer is withheld. */
  g_assert_cmpint (lines->series[SAM_UNIT_CLUSTER][0].withheld, ==, SAM_WITHHELD_PRIMARY);
}

static void
test_distribution_and_heatmap (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SamChart) answers = sam_results_chart_distribution (fixture->figures, question (1));
  g_autoptr(SamChart) meetings = sam_results_chart_distribution (fixture->figures, question (5));
  g_autoptr(SamChart) heatmap = sam_results_chart_heatmap (fixture->figures);
  const SamDistributionData *degree = sam_chart_get_data (answers);
  const SamDistributionData *frequency = sam_chart_get_data (meetings);
  const SamHeatmapData *cells = sam_chart_get_data (heatmap);

  /* The degree scale diverges around its middle option; the meetings scale does not. */
  g_assert_true (degree->diverging);
  g_assert_cmpuint (degree->n_options, ==, 5);
  g_assert_cmpint (degree->option_side[0], ==, 1);
  g_assert_cmpint (degree->option_side[1], ==, 1);
  g_assert_cmpint (degree->option_side[2], ==, 0);
  g_assert_cmpint (degree->option_side[4], ==, -1);
  g_assert_cmpstr (degree->option_labels[0], ==, "To a very high degree");
  g_assert_cmpfloat_with_epsilon (degree->rows[0].figures[SAM_UNIT_CLUSTER].distribution[0], 40, 1e-9);
  g_assert_false (frequency->diverging);
  g_assert_cmpuint (frequency->n_options, ==, 6);
  g_assert_cmpuint (frequency->n_rows, ==, 6);

  /* The clinics and then the cluster, against the three indices. */
  g_assert_cmpuint (cells->n_rows, ==, 3);
  g_assert_cmpuint (cells->n_columns, ==, 3);
  g_assert_cmpstr (cells->row_labels[2], ==, "Klynge Nord");
  g_assert_cmpstr (cells->column_labels[0], ==, "Leadership index");
}

static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_results_chart_question (fixture->figures, question (1));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "no-such-folder", "chart.png", NULL);
  SamReportFormat format;
  const guint8 *bytes;

  png = sam_report_render_chart (chart, SAM_REPORT_PNG, 640, 360, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (png, NULL);
  g_assert_true (memcmp (bytes, "\x89PNG", 4) == 0);
  /* Width and height stand in the PNG's header, big-endian, from byte 16. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 16)), ==, 640);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 20)), ==, 360);

  pdf = sam_report_render_chart (chart, SAM_REPORT_PDF, 842, 474, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4) == 0);
  svg = sam_report_render_chart (chart, SAM_REPORT_SVG, 800, 450, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "width=\"800"));

  g_assert_true (sam_report_write_chart (chart, SAM_REPORT_PDF, path, 842, 474, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_false (sam_report_write_chart (chart, SAM_REPORT_PNG, bad, 800, 450, &error));
  g_assert_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);
  g_assert_null (sam_report_render_chart (chart, SAM_REPORT_PNG, 20, 450, &error));
  g_assert_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED);

  g_assert_true (sam_report_format_from_path ("a/Diagram.SVG", &format));
  g_assert_cmpint (format, ==, SAM_REPORT_SVG);
  g_assert_false (sam_report_format_from_path ("diagram.jpeg", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/question-chart", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_question_chart,
              fixture_tear_down);
  g_test_add ("/report/own-clinic", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_own_clinic_in_charts,
              fixture_tear_down);
  g_test_add ("/report/distribution-and-heatmap", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_distribution_and_heatmap, fixture_tear_down);
  g_test_add ("/report/files", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_files, fixture_tear_down);

  return g_test_run ();
}
