/* test-charts-rounds.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-charts-common.h"

/* The kinds that follow figures from round to round: the trend and the change between two
 * rounds (the way they are tested: tests/test-charts-common.h). */

/* The trend over rounds */

static SamFigure trend_series[SAM_N_UNITS][4];
static const char *trend_rounds[] = { "Forår 2024", "Efterår 2024", "Forår 2025", "Efterår 2025" };
static SamTrendData trend;

static void
make_trend (void)
{
  static const double means[SAM_N_UNITS][4] = {
    { 20, 40, 0, 90 },
    { 50, 55, 60, 65 },
    { 70, 71, 72, 73 },
  };

  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; r < 4; r++)
      figure (&trend_series[u][r], u == SAM_UNIT_CLINIC ? 9 : 40 * (u + 1), means[u][r],
              SAM_WITHHELD_NONE);
  figure (&trend_series[SAM_UNIT_CLINIC][2], 2, 0, SAM_WITHHELD_PRIMARY);
  figure (&trend_series[SAM_UNIT_CLUSTER][3], 0, 0, SAM_WITHHELD_NONE);

  trend.title = "Samarbejdskultur";
  trend.n_rounds = 4;
  trend.round_labels = trend_rounds;
  for (guint u = 0; u < SAM_N_UNITS; u++)
    trend.series[u] = trend_series[u];
  trend.unit_names[SAM_UNIT_CLINIC] = "Klinik 3";
  trend.unit_names[SAM_UNIT_CLUSTER] = "Klyngen";
  trend.unit_names[SAM_UNIT_COUNTRY] = "Danmark";
  trend.k = 3;
}

#define TREND_POINT(layout, u, r) (&(layout)->points[(u) * (layout)->n_rounds + (r)])

static void
test_trend_layout (void)
{
  SamChartStyle style;
  SamTrendLayout layout = { 0 };
  const SamRect *a, *b, *withheld;
  double zero;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_trend_layout (&trend, &style, WIDTH, HEIGHT, &layout);
  zero = layout.plot.y + layout.plot.height;

  /* Points centred at their mean's height, rounds left to right, evenly; the units a
   * little apart at each round, so that none hides another. */
  a = TREND_POINT (&layout, SAM_UNIT_CLINIC, 0);
  b = TREND_POINT (&layout, SAM_UNIT_CLINIC, 1);
  g_assert_cmpfloat_with_epsilon (a->y + a->height / 2, zero - layout.plot.height * 0.20, 0.01);
  g_assert_cmpfloat_with_epsilon (b->y + b->height / 2, zero - layout.plot.height * 0.40, 0.01);
  g_assert_cmpfloat (ABS (a->x + a->width / 2 - layout.round_x[0]), <=, layout.marker_size);
  g_assert_cmpfloat (TREND_POINT (&layout, SAM_UNIT_CLUSTER, 0)->x, >, a->x);
  g_assert_cmpfloat_with_epsilon (layout.round_x[1] - layout.round_x[0],
                                  layout.round_x[3] - layout.round_x[2], 0.01);
  /* Withheld: a marker on the baseline at its round, not a point at 0, not a band. */
  withheld = TREND_POINT (&layout, SAM_UNIT_CLINIC, 2);
  g_assert_cmpfloat_with_epsilon (withheld->y + withheld->height, zero, 0.01);
  g_assert_cmpfloat (withheld->height, <, layout.plot.height * 0.1);
  g_assert_cmpfloat (ABS (withheld->x + withheld->width / 2 - layout.round_x[2]), <,
                     withheld->width * 2);
  for (guint i = 0; i < SAM_N_UNITS * 4; i++)
    expect_inside (&layout.points[i], WIDTH, HEIGHT);
  sam_chart_trend_layout_clear (&layout);

  sam_chart_style_clear (&style);
}

static void
test_trend_pixels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (double scale = 1; scale <= 2; scale++)
      {
        SamChartStyle style;
        SamTrendLayout layout = { 0 };
        cairo_surface_t *surface;
        const SamRect *a, *b, *band;
        double mid_x, mid_y;
        g_autofree char *what = g_strdup_printf ("trend-%u-%g", t, scale);

        sam_chart_style_init (&style, themes[t], scale);
        sam_chart_trend_layout (&trend, &style, WIDTH, HEIGHT, &layout);
        surface = render (&sam_chart_trend_kind, &trend, &style, WIDTH, HEIGHT);

        /* Each marker in its unit's colour at its centre. */
        for (guint u = 0; u < SAM_N_UNITS; u++)
          {
            const SamRect *point = TREND_POINT (&layout, u, 0);

            expect_pixel (surface, point->x + point->width / 2, point->y + point->height / 2,
                          &style.units[u], what);
          }
        /* The line between two shown points, halfway, at the height halfway. */
        a = TREND_POINT (&layout, SAM_UNIT_CLINIC, 0);
        b = TREND_POINT (&layout, SAM_UNIT_CLINIC, 1);
        mid_x = (a->x + b->x + a->width) / 2;
        mid_y = (a->y + b->y + a->height) / 2;
        expect_pixel (surface, mid_x, mid_y, &style.units[SAM_UNIT_CLINIC], what);
        /* Well above that line, the background. */
        expect_pixel (surface, mid_x, mid_y - 40 * scale, &style.background, what);
        /* No line into or out of the withheld round (not to 0, not across it): halfway
         * to it and from it, nothing of the clinic's colour from top to bottom. */
        for (guint r = 1; r <= 2; r++)
          for (double y = layout.plot.y; y < layout.plot.y + layout.plot.height; y++)
            g_assert_cmphex (pixel (surface, (layout.round_x[r] + layout.round_x[r + 1]) / 2, y),
                             !=, rgb (&style.units[SAM_UNIT_CLINIC]));
        /* The withheld marker on the baseline; high above it, nothing. */
        band = TREND_POINT (&layout, SAM_UNIT_CLINIC, 2);
        expect_marker (surface, &style, band, &style.units[SAM_UNIT_CLINIC], what);
        expect_bare (surface, &style, band->x, band->x + band->width,
                     layout.plot.y + layout.plot.height * 0.05, &style.units[SAM_UNIT_CLINIC], what);

        cairo_surface_destroy (surface);
        sam_chart_trend_layout_clear (&layout);
        sam_chart_style_clear (&style);
      }
}

static void
test_trend_files (void)
{
  SamTrendData one = trend;

  expect_pdf_and_svg (&sam_chart_trend_kind, &trend);
  expect_marks_inside (&sam_chart_trend_kind, &trend, 12);
  expect_edges_clear (&sam_chart_trend_kind, &trend, "trend");

  /* A single round, and a unit absent, still draw. */
  one.n_rounds = 1;
  one.series[SAM_UNIT_COUNTRY] = NULL;
  expect_marks_inside (&sam_chart_trend_kind, &one, 2);
  expect_pdf_and_svg (&sam_chart_trend_kind, &one);
  {
    SamChartStyle style;
    SamTrendLayout layout = { 0 };
    cairo_surface_t *surface;
    const SamRect *point;

    sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
    sam_chart_trend_layout (&one, &style, WIDTH, HEIGHT, &layout);
    surface = render (&sam_chart_trend_kind, &one, &style, WIDTH, HEIGHT);
    point = TREND_POINT (&layout, SAM_UNIT_CLUSTER, 0);
    g_assert_cmpfloat_with_epsilon (layout.round_x[0], layout.plot.x + layout.plot.width / 2, 0.01);
    expect_pixel (surface, point->x + point->width / 2, point->y + point->height / 2,
                  &style.units[SAM_UNIT_CLUSTER], "trend-one");
    cairo_surface_destroy (surface);
    sam_chart_trend_layout_clear (&layout);
    sam_chart_style_clear (&style);
  }
}

static void
test_trend_words (void)
{
  g_autoptr (SamChart) chart =
    sam_chart_new (&sam_chart_trend_kind, "Samarbejdskultur", &trend, NULL);
  g_autofree char *text = sam_chart_describe (chart);
  g_autoptr(SamChartTable) table = sam_chart_table (chart);
  SamChartStyle style;
  GArray *marks;

  g_assert_nonnull (strstr (text, "Samarbejdskultur over the rounds"));
  g_assert_nonnull (strstr (text, "Klinik 3, Forår 2024: mean 20.0, n 9."));
  g_assert_nonnull (strstr (text, "Klinik 3, Forår 2025: withheld: fewer than 3 answers."));
  g_assert_nonnull (strstr (text, "Klyngen, Efterår 2025: no answers."));
  g_assert_nonnull (strstr (text, "Danmark, Efterår 2025: mean 73.0, n 120."));

  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_true (table_has (table, 0, "Round", "Forår 2024"));
  g_assert_true (table_has (table, 0, "Klinik 3 mean", "20.0"));
  g_assert_true (table_has (table, 1, "Klyngen n", "80"));
  g_assert_true (table_has (table, 2, "Klinik 3 mean", "withheld"));
  g_assert_true (table_has (table, 3, "Klyngen mean", "no answers"));
  g_assert_true (table_has (table, 3, "Danmark mean", "73.0"));

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  marks = sam_chart_marks (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 1).label, ==,
                   "Klinik 3, Efterår 2024: mean 40.0, n 9");
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 2).label, ==,
                   "Klinik 3, Forår 2025: withheld: fewer than 3 answers");
  g_array_unref (marks);
  sam_chart_style_clear (&style);
}

/* Følg udviklingen: the change between two rounds */

static SamChangeRow change_rows[3];
static SamChangeData change;

static void
make_change (void)
{
  figure (&change_rows[0].before[0], 9, 40, SAM_WITHHELD_NONE);
  figure (&change_rows[0].after[0], 9, 70, SAM_WITHHELD_NONE);
  figure (&change_rows[0].before[1], 80, 60, SAM_WITHHELD_NONE);
  figure (&change_rows[0].after[1], 80, 55, SAM_WITHHELD_NONE);
  change_rows[0].label = "Leadership index";
  change_rows[0].heading = TRUE;
  figure (&change_rows[1].before[0], 2, 0, SAM_WITHHELD_PRIMARY);
  figure (&change_rows[1].after[0], 9, 80, SAM_WITHHELD_NONE);
  figure (&change_rows[1].before[1], 80, 50, SAM_WITHHELD_NONE);
  figure (&change_rows[1].after[1], 80, 50, SAM_WITHHELD_NONE);
  change_rows[1].label = "Hjælper vi hinanden";
  figure (&change_rows[2].before[0], 9, 30, SAM_WITHHELD_NONE);
  figure (&change_rows[2].after[0], 9, 35, SAM_WITHHELD_NONE);
  figure (&change_rows[2].before[1], 0, 0, SAM_WITHHELD_NONE);
  figure (&change_rows[2].after[1], 80, 60, SAM_WITHHELD_NONE);
  change_rows[2].label = "Fylder brok meget lidt";
  change_rows[2].aside = "Plan: Fælles frokost om fredagen (Planned)";
  for (guint r = 0; r < G_N_ELEMENTS (change_rows); r++)
    change_rows[r].present[0] = change_rows[r].present[1] = TRUE;
  change.title = "Følg udviklingen";
  change.round_labels[0] = "Runde 1";
  change.round_labels[1] = "Runde 2";
  change.unit_names[0] = "Klinik 3";
  change.unit_names[1] = "Klyngen";
  change.rows = change_rows;
  change.n_rows = G_N_ELEMENTS (change_rows);
  change.k = 3;
}

static double
change_x (const SamChangeLayout *layout,
          double                 mean)
{
  return layout->plot.x + layout->plot.width * mean / 100;
}

static double
change_y (const SamChangeLayout *layout,
          guint                  row,
          guint                  unit)
{
  return layout->row_y[row] + layout->row_height * (unit + 0.5) / SAM_CHANGE_UNITS;
}

static void
test_change_layout (void)
{
  SamChartStyle style;
  SamChangeLayout layout = { 0 };

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_change_layout (&change, &style, WIDTH, HEIGHT, &layout);

  /* The words left of the axis, the actions right of it, the rows one under another. */
  g_assert_cmpfloat (layout.label_x + layout.label_width, <, layout.plot.x);
  g_assert_cmpfloat (layout.aside_width, >, 0);
  g_assert_cmpfloat (layout.plot.x + layout.plot.width, <, layout.aside_x);
  g_assert_cmpfloat (layout.legend.y + layout.legend.height, <=, layout.axis_y);
  g_assert_cmpfloat (layout.axis_y, <, layout.plot.y);
  for (guint r = 1; r < change.n_rows; r++)
    g_assert_cmpfloat_with_epsilon (layout.row_y[r] - layout.row_y[r - 1], layout.row_height, 0.01);
  expect_inside (&layout.plot, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.row_y[change.n_rows - 1] + layout.row_height, <=, HEIGHT);
  /* Its natural height holds every row at the style's size. */
  g_assert_cmpfloat (sam_chart_change_height (&change, &style, WIDTH), <, HEIGHT);
  sam_chart_change_layout_clear (&layout);

  /* No actions, no column for them. */
  {
    SamChangeRow rows[1];
    SamChangeData plain = change;

    rows[0] = change_rows[0];
    plain.rows = rows;
    plain.n_rows = 1;
    sam_chart_change_layout (&plain, &style, WIDTH, HEIGHT, &layout);
    g_assert_cmpfloat (layout.aside_width, ==, 0);
    sam_chart_change_layout_clear (&layout);
  }
  sam_chart_style_clear (&style);
}

static void
test_change_pixels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (double scale = 1; scale <= 2; scale++)
      {
        SamChartStyle style;
        SamChangeLayout layout = { 0 };
        cairo_surface_t *surface;
        g_autofree char *what = g_strdup_printf ("change-%u-%g", t, scale);
        double y, d, line = 1.5 * scale;
        SamRect marker;

        sam_chart_style_init (&style, themes[t], scale);
        sam_chart_change_layout (&change, &style, WIDTH, HEIGHT, &layout);
        surface = render (&sam_chart_change_kind, &change, &style, WIDTH, HEIGHT);

        /* The clinic, 40 → 70: the later round's dot in its colour, the earlier one's
         * ring hollow, the arrow between them in its colour. */
        y = change_y (&layout, 0, 0);
        expect_pixel (surface, change_x (&layout, 70), y, &style.units[0], what);
        expect_pixel (surface, change_x (&layout, 40), y, &style.background, what);
        expect_pixel (surface, change_x (&layout, 52), y, &style.units[0], what);
        /* Nothing of it before the ring, nor above the arrow. */
        expect_pixel (surface, change_x (&layout, 20), y, &style.background, what);
        expect_pixel (surface, change_x (&layout, 52), y - layout.marker_size, &style.background,
                      what);
        /* The cluster, 60 → 55, in its own colour, on its own line. */
        y = change_y (&layout, 0, 1);
        expect_pixel (surface, change_x (&layout, 55), y, &style.units[1], what);

        /* Withheld in the earlier round: no dot, no arrow anywhere across the axis, a
         * marker at its foot. */
        y = change_y (&layout, 1, 0);
        expect_bare (surface, &style, change_x (&layout, 10), change_x (&layout, 100), y,
                     &style.units[0], what);
        d = MIN (layout.marker_size, layout.row_height / SAM_CHANGE_UNITS * 0.8);
        marker = (SamRect) { layout.plot.x - d - line, y - d / 2, d, d };
        expect_marker (surface, &style, &marker, &style.units[0], what);
        /* The cluster had no answers in the earlier round: no dot at its later mean. */
        y = change_y (&layout, 2, 1);
        g_assert_cmphex (pixel (surface, change_x (&layout, 60), y), !=, rgb (&style.units[1]));

        cairo_surface_destroy (surface);
        sam_chart_change_layout_clear (&layout);
        sam_chart_style_clear (&style);
      }
}

static void
test_change_files (void)
{
  expect_pdf_and_svg (&sam_chart_change_kind, &change);
  expect_marks_inside (&sam_chart_change_kind, &change, 6);
  expect_edges_clear (&sam_chart_change_kind, &change, "change");
}

static void
test_change_words (void)
{
  g_autoptr(SamChart) chart = sam_chart_new (&sam_chart_change_kind, "Følg udviklingen", &change, NULL);
  g_autofree char *text = sam_chart_describe (chart);
  g_autoptr(SamChartTable) table = sam_chart_table (chart);
  SamChartStyle style;
  GArray *marks;

  g_assert_nonnull (strstr (text, "from Runde 1 to Runde 2"));
  g_assert_nonnull (strstr (text, "Leadership index: Klinik 3: 40.0 → 70.0, up 30.0 points. "
                                  "Klyngen: 60.0 → 55.0, down 5.0 points."));
  g_assert_nonnull (strstr (text, "Hjælper vi hinanden: Klinik 3: withheld: fewer than 3 answers. "
                                  "Klyngen: 50.0 → 50.0, no change."));
  g_assert_nonnull (strstr (text, "Klyngen: no answers in one of the rounds. Plan: Fælles frokost"));
  /* The withheld figure's value is nowhere. */
  g_assert_null (strstr (text, "80.0"));

  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_true (table_has (table, 0, "Item", "Leadership index"));
  g_assert_true (table_has (table, 0, "Klinik 3, Runde 1", "40.0"));
  g_assert_true (table_has (table, 0, "Klinik 3, Runde 2", "70.0"));
  g_assert_true (table_has (table, 0, "Klinik 3, change", "+30.0"));
  g_assert_true (table_has (table, 0, "Klyngen, change", "−5.0"));
  g_assert_true (table_has (table, 1, "Klinik 3, Runde 1", "withheld"));
  g_assert_true (table_has (table, 1, "Klinik 3, change", "withheld"));
  g_assert_true (table_has (table, 1, "Klyngen, change", "±0.0"));
  g_assert_true (table_has (table, 2, "Klyngen, Runde 1", "no answers"));
  g_assert_true (table_has (table, 2, "Actions", "Plan: Fælles frokost om fredagen (Planned)"));

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  marks = sam_chart_marks (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 0).label, ==,
                   "Leadership index, Klinik 3: 40.0 → 70.0, up 30.0 points");
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 2).label, ==,
                   "Hjælper vi hinanden, Klinik 3: withheld: fewer than 3 answers");
  g_array_unref (marks);
  sam_chart_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  make_trend ();
  make_change ();

  g_test_add_func ("/charts/trend/layout", test_trend_layout);
  g_test_add_func ("/charts/trend/pixels", test_trend_pixels);
  g_test_add_func ("/charts/trend/files", test_trend_files);
  g_test_add_func ("/charts/trend/words", test_trend_words);
  g_test_add_func ("/charts/change/layout", test_change_layout);
  g_test_add_func ("/charts/change/pixels", test_change_pixels);
  g_test_add_func ("/charts/change/files", test_change_files);
  g_test_add_func ("/charts/change/words", test_change_words);

  return g_test_run ();
}
