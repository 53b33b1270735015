/* test-charts-bars.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-charts-common.h"

/* The kinds that set units or clinics side by side at one time: the answer distribution, the
 * cluster overview and the heatmap (the way they are tested: tests/test-charts-common.h). */

/* The answer distribution */

static SamComparisonRow dist_rows[2];
static SamDistributionData dist;

static void
make_distribution (void)
{
  static const char *options[] = { "I meget høj grad", "I høj grad", "I nogen grad", "I ringe grad",
                                   "Slet ikke" };
  static const int sides[] = { 1, 1, 0, -1, -1 };
  static const double shares[][5] = {
    { 22.2, 44.4, 22.2, 11.1, 0 },
    { 10, 40, 30, 15, 5 },
    { 15.3, 41.2, 28.1, 11.4, 4.0 },
  };

  dist_rows[0].label = "Strategisk ledelse";
  dist_rows[1].label = "Driftsledelse";
  for (guint r = 0; r < G_N_ELEMENTS (dist_rows); r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      {
        dist_rows[r].present[u] = TRUE;
        figure (&dist_rows[r].figures[u],
                u == SAM_UNIT_CLINIC    ? 9
                : u == SAM_UNIT_CLUSTER ? 40
                                        : 812,
                60, 0);
        dist_rows[r].figures[u].n_codes = 5;
        memcpy (dist_rows[r].figures[u].distribution, shares[u], sizeof shares[u]);
      }
  dist_rows[1].figures[SAM_UNIT_CLINIC].withheld = SAM_WITHHELD_PRIMARY;
  dist_rows[1].figures[SAM_UNIT_CLINIC].n = 2;
  figure (&dist_rows[1].figures[SAM_UNIT_COUNTRY], 0, 0, 0);

  dist.rows = dist_rows;
  dist.n_rows = G_N_ELEMENTS (dist_rows);
  dist.unit_names[SAM_UNIT_CLINIC] = "Klinik 3";
  dist.unit_names[SAM_UNIT_CLUSTER] = "Klyngen";
  dist.unit_names[SAM_UNIT_COUNTRY] = "Landet";
  dist.n_options = 5;
  for (guint o = 0; o < 5; o++)
    {
      dist.option_labels[o] = options[o];
      dist.option_side[o] = sides[o];
    }
  dist.diverging = TRUE;
  dist.k = 3;
}

#define DIST_SEGMENT(layout, r, u, o)                                                              \
  (&(layout)->segments[((r)*SAM_N_UNITS + (u)) * SAM_MAX_CODES + (o)])

static void
test_distribution_layout (void)
{
  SamChartStyle style;
  SamDistributionLayout layout = { 0 };
  const SamRect *neutral, *high, *very_high, *low, *none, *bar;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_distribution_layout (&dist, &style, WIDTH, HEIGHT, &layout);

  /* The centre is the middle of the axis; 100 % reaches either end. */
  g_assert_cmpfloat_with_epsilon (layout.centre_x, layout.plot_x + layout.plot_width / 2, 0.01);
  g_assert_cmpfloat_with_epsilon (layout.percent_width * 100, layout.plot_width / 2, 0.01);

  /* The middle option straddles the centre, half each side. */
  neutral = DIST_SEGMENT (&layout, 0, SAM_UNIT_CLINIC, 2);
  g_assert_cmpfloat_with_epsilon (neutral->x + neutral->width / 2, layout.centre_x, 0.01);
  g_assert_cmpfloat_with_epsilon (neutral->width, layout.percent_width * 22.2, 0.01);
  /* Favourable to the right, the milder nearer the centre. */
  high = DIST_SEGMENT (&layout, 0, SAM_UNIT_CLINIC, 1);
  very_high = DIST_SEGMENT (&layout, 0, SAM_UNIT_CLINIC, 0);
  g_assert_cmpfloat_with_epsilon (high->x, neutral->x + neutral->width, 0.01);
  g_assert_cmpfloat_with_epsilon (very_high->x, high->x + high->width, 0.01);
  g_assert_cmpfloat_with_epsilon (very_high->width, layout.percent_width * 22.2, 0.01);
  /* The other side to the left; an option nobody chose has no width. */
  low = DIST_SEGMENT (&layout, 0, SAM_UNIT_CLINIC, 3);
  none = DIST_SEGMENT (&layout, 0, SAM_UNIT_CLINIC, 4);
  g_assert_cmpfloat_with_epsilon (low->x + low->width, neutral->x, 0.01);
  g_assert_cmpfloat (none->width, ==, 0);
  /* Withheld and no answers are a marker on the baseline (the centre line), not a bar. */
  bar = &layout.bars[1 * SAM_N_UNITS + SAM_UNIT_CLINIC];
  g_assert_cmpfloat_with_epsilon (bar->x + bar->width / 2, layout.centre_x, 0.01);
  g_assert_cmpfloat_with_epsilon (bar->width, bar->height, 0.01);
  g_assert_cmpfloat (bar->width, <, layout.plot_width * 0.05);
  for (guint i = 0; i < layout.n_bars; i++)
    expect_inside (&layout.bars[i], WIDTH, HEIGHT);

  sam_chart_distribution_layout_clear (&layout);

  /* The meetings scale: a plain stack from 0, in code order. */
  dist.diverging = FALSE;
  sam_chart_distribution_layout (&dist, &style, WIDTH, HEIGHT, &layout);
  g_assert_cmpfloat_with_epsilon (DIST_SEGMENT (&layout, 0, SAM_UNIT_CLUSTER, 0)->x, layout.plot_x,
                                  0.01);
  g_assert_cmpfloat_with_epsilon (DIST_SEGMENT (&layout, 0, SAM_UNIT_CLUSTER, 1)->x,
                                  layout.plot_x + layout.percent_width * 10, 0.01);
  g_assert_cmpfloat_with_epsilon (layout.bars[SAM_UNIT_CLUSTER].width, layout.plot_width, 0.01);
  sam_chart_distribution_layout_clear (&layout);
  dist.diverging = TRUE;

  sam_chart_style_clear (&style);
}

static void
test_distribution_pixels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (double scale = 1; scale <= 2; scale++)
      for (int diverging = 1; diverging >= 0; diverging--)
        {
          SamChartStyle style;
          SamDistributionLayout layout = { 0 };
          cairo_surface_t *surface;
          const SamRect *bar;
          g_autofree char *what = g_strdup_printf ("distribution-%u-%g-%d", t, scale, diverging);

          dist.diverging = diverging;
          sam_chart_style_init (&style, themes[t], scale);
          sam_chart_distribution_layout (&dist, &style, WIDTH, HEIGHT, &layout);
          surface = render (&sam_chart_distribution_kind, &dist, &style, WIDTH, HEIGHT);

          /* Each drawn segment in its option's colour, away from the number in its middle. */
          for (guint u = 0; u < SAM_N_UNITS; u++)
            for (guint o = 0; o < 5; o++)
              {
                const SamRect *segment = DIST_SEGMENT (&layout, 0, u, o);

                if (segment->width < 4)
                  continue;
                expect_pixel (surface, segment->x + 2, segment->y + 2,
                              sam_chart_distribution_option_colour (&dist, &style, o), what);
              }
          /* The colours differ: strong and mild, favourable and not. */
          g_assert_cmphex (rgb (sam_chart_distribution_option_colour (&dist, &style, 0)), !=,
                           rgb (sam_chart_distribution_option_colour (&dist, &style, 1)));
          g_assert_cmphex (rgb (sam_chart_distribution_option_colour (&dist, &style, 0)), !=,
                           rgb (sam_chart_distribution_option_colour (&dist, &style, 4)));

          /* Withheld: the marker, and nothing across the far part of the axis. */
          bar = &layout.bars[1 * SAM_N_UNITS + SAM_UNIT_CLINIC];
          expect_marker (surface, &style, bar,
                         sam_chart_distribution_option_colour (&dist, &style, 1), what);
          expect_bare (surface, &style, layout.centre_x + bar->width,
                       layout.plot_x + layout.plot_width * 0.98, bar->y + 1,
                       sam_chart_distribution_option_colour (&dist, &style, 1), what);

          /* Left of the clinic's bar, before the far end, the background. */
          bar = &layout.bars[SAM_UNIT_CLINIC];
          if (diverging)
            expect_pixel (surface, layout.centre_x - layout.percent_width * 75,
                          bar->y + bar->height / 2, &style.background, what);
          expect_pixel (surface, 2, HEIGHT - 2, &style.background, what);

          cairo_surface_destroy (surface);
          sam_chart_distribution_layout_clear (&layout);
          sam_chart_style_clear (&style);
        }
  dist.diverging = TRUE;
}

static void
test_distribution_files (void)
{
  expect_pdf_and_svg (&sam_chart_distribution_kind, &dist);
  /* 2 x 4 segments (one option has none), then a withheld bar, 4 + 1 segments, and no answers. */
  expect_marks_inside (&sam_chart_distribution_kind, &dist, 4 + 5 + 5 + 1 + 5 + 1);
  expect_edges_clear (&sam_chart_distribution_kind, &dist, "distribution");

  /* The comparison (tests/test-charts.c) of the same rows keeps to its edges too. */
  {
    SamComparisonData comparison = { dist.rows, dist.n_rows, { NULL }, dist.k };

    memcpy (comparison.unit_names, dist.unit_names, sizeof comparison.unit_names);
    expect_edges_clear (&sam_chart_comparison_kind, &comparison, "comparison");
    expect_marks_inside (&sam_chart_comparison_kind, &comparison, 6);
  }
}

static void
test_distribution_words (void)
{
  g_autoptr (SamChart) chart =
    sam_chart_new (&sam_chart_distribution_kind, "Spørgsmål 2", &dist, NULL);
  g_autofree char *text = sam_chart_describe (chart);
  g_autoptr(SamChartTable) table = sam_chart_table (chart);
  SamChartStyle style;
  GArray *marks;

  g_assert_nonnull (
    strstr (text,
            "Strategisk ledelse, Klinik 3, 9 answers: I meget høj grad 22.2 %, I høj grad 44.4 %, "
            "I nogen grad 22.2 %, I ringe grad 11.1 %, Slet ikke 0.0 %."));
  g_assert_nonnull (strstr (text, "Driftsledelse, Klinik 3: withheld: fewer than 3 answers."));
  g_assert_nonnull (strstr (text, "Driftsledelse, Landet: no answers."));
  g_assert_null (strstr (text, "87.5"));

  g_assert_cmpuint (table->rows->len, ==, 6);
  g_assert_true (table_has (table, 0, "Unit", "Klinik 3"));
  g_assert_true (table_has (table, 0, "n", "9"));
  g_assert_true (table_has (table, 0, "I høj grad", "44.4 %"));
  g_assert_true (table_has (table, 2, "Slet ikke", "4.0 %"));
  g_assert_true (table_has (table, 3, "n", "withheld"));
  g_assert_true (table_has (table, 3, "I høj grad", "withheld"));
  g_assert_true (table_has (table, 5, "n", "0"));

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  marks = sam_chart_marks (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 0).label, ==,
                   "Klinik 3 — Strategisk ledelse — I meget høj grad: 22.2 %, n 9");
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 14).label, ==,
                   "Klinik 3 — Driftsledelse: withheld: fewer than 3 answers");
  g_array_unref (marks);
  sam_chart_style_clear (&style);
}

/* The cluster overview */

static SamOverviewBar overview_bars[6];
static SamOverviewData overview;

static void
make_overview (void)
{
  static const char *codes[] = { "Klinik 1", "Klinik 2", "Klinik 3",
                                 "Klinik 4", "Klinik 5", "Klinik 6" };
  static const double means[][2] = { { 40, 49 }, { 53, 62 }, { 66, 75 },
                                     { 79, 88 }, { 92, 0 },  { 0, 59 } };

  for (guint b = 0; b < G_N_ELEMENTS (overview_bars); b++)
    {
      overview_bars[b].code = codes[b];
      for (guint r = 0; r < 2; r++)
        {
          figure (&overview_bars[b].figures[r], 4 + b, means[b][r], SAM_WITHHELD_NONE);
          overview_bars[b].present[r] = TRUE;
        }
    }
  overview_bars[2].own = TRUE;
  figure (&overview_bars[4].figures[1], 2, 0, SAM_WITHHELD_PRIMARY);
  overview_bars[5].present[0] = FALSE;
  figure (&overview_bars[1].figures[1], 0, 0, SAM_WITHHELD_NONE);

  overview.title = "Ledelse (indeks)";
  overview.bars = overview_bars;
  overview.n_bars = G_N_ELEMENTS (overview_bars);
  overview.n_rounds = 2;
  overview.round_labels[0] = "Forår 2025";
  overview.round_labels[1] = "Forår 2026";
  figure (&overview.cluster[0], 30, 58.2, SAM_WITHHELD_NONE);
  figure (&overview.cluster[1], 32, 70.1, SAM_WITHHELD_NONE);
  figure (&overview.national[0], 900, 30.4, SAM_WITHHELD_NONE);
  figure (&overview.national[1], 920, 31.9, SAM_WITHHELD_NONE);
  overview.has_cluster[0] = overview.has_cluster[1] = TRUE;
  overview.has_national[0] = overview.has_national[1] = TRUE;
  overview.k = 3;
}

static void
test_overview_layout (void)
{
  SamChartStyle style;
  SamOverviewLayout layout = { 0 };
  const SamRect *earlier, *later, *withheld;
  double zero;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_overview_layout (&overview, &style, WIDTH, HEIGHT, &layout);
  zero = layout.plot.y + layout.plot.height;

  /* Upright from 0, as tall as the mean; the earlier round left of the later. */
  earlier = &layout.bars[0 * 2 + 0];
  later = &layout.bars[0 * 2 + 1];
  g_assert_cmpfloat_with_epsilon (earlier->y + earlier->height, zero, 0.01);
  g_assert_cmpfloat_with_epsilon (earlier->height, layout.plot.height * 0.40, 0.01);
  g_assert_cmpfloat_with_epsilon (later->height, layout.plot.height * 0.49, 0.01);
  g_assert_cmpfloat (earlier->x + earlier->width, <=, later->x);
  /* Each clinic in its own slot, left to right. */
  g_assert_cmpfloat (later->x + later->width, <, layout.bars[1 * 2 + 0].x);
  /* Withheld: a marker standing on the baseline, no bar; not in a round: nothing. */
  withheld = &layout.bars[4 * 2 + 1];
  g_assert_cmpfloat_with_epsilon (withheld->y + withheld->height, zero, 0.01);
  g_assert_cmpfloat (withheld->height, <, layout.plot.height * 0.1);
  g_assert_cmpfloat (layout.bars[5 * 2 + 0].width, ==, 0);
  /* The lines at the means' heights. */
  g_assert_cmpfloat_with_epsilon (layout.cluster_y[1], zero - layout.plot.height * 0.701, 0.01);
  g_assert_cmpfloat_with_epsilon (layout.national_y[0], zero - layout.plot.height * 0.304, 0.01);
  for (guint i = 0; i < overview.n_bars * 2; i++)
    expect_inside (&layout.bars[i], WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.own_y, <, HEIGHT);

  sam_chart_overview_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

static void
test_overview_pixels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (double scale = 1; scale <= 2; scale++)
      {
        SamChartStyle style;
        SamOverviewLayout layout = { 0 };
        cairo_surface_t *surface;
        const SamRect *bar;
        SamRgba earlier;
        double gap_x;
        g_autofree char *what = g_strdup_printf ("overview-%u-%g", t, scale);

        sam_chart_style_init (&style, themes[t], scale);
        sam_chart_overview_layout (&overview, &style, WIDTH, HEIGHT, &layout);
        surface = render (&sam_chart_overview_kind, &overview, &style, WIDTH, HEIGHT);
        earlier = sam_chart_overview_bar_colour (&overview, &style, 0);
        g_assert_cmphex (rgb (&earlier), !=, rgb (&style.units[SAM_UNIT_CLINIC]));

        /* Low in each bar (below every line), its round's colour. */
        bar = &layout.bars[0 * 2 + 1];
        expect_pixel (surface, bar->x + bar->width / 2, bar->y + bar->height - 4,
                      &style.units[SAM_UNIT_CLINIC], what);
        bar = &layout.bars[3 * 2 + 0];
        expect_pixel (surface, bar->x + bar->width / 2, bar->y + bar->height - 4, &earlier, what);
        /* Above a short bar, the background. */
        bar = &layout.bars[0 * 2 + 0];
        expect_pixel (surface, bar->x + bar->width / 2, layout.plot.y + layout.plot.height * 0.2,
                      &style.background, what);

        /* Withheld: the marker on the baseline, and nothing up the bar's column. */
        bar = &layout.bars[4 * 2 + 1];
        expect_marker (surface, &style, bar, &style.units[SAM_UNIT_CLINIC], what);
        expect_bare (surface, &style, bar->x, bar->x + bar->width,
                     layout.plot.y + layout.plot.height * 0.6, &style.units[SAM_UNIT_CLINIC], what);

        /* The lines across, at their heights, between the clinics' slots. */
        gap_x = layout.plot.x + 5 * layout.slot_width + 3 * scale;
        expect_pixel (surface, gap_x, layout.cluster_y[1], &style.units[SAM_UNIT_CLUSTER], what);
        expect_pixel (surface, gap_x, layout.national_y[1], &style.units[SAM_UNIT_COUNTRY], what);
        expect_pixel (surface, gap_x, (layout.cluster_y[1] + layout.national_y[1]) / 2,
                      &style.background, what);

        cairo_surface_destroy (surface);
        sam_chart_overview_layout_clear (&layout);
        sam_chart_style_clear (&style);
      }
}

static void
test_overview_files (void)
{
  SamOverviewData one = overview;

  expect_pdf_and_svg (&sam_chart_overview_kind, &overview);
  /* Eleven bars (one clinic was not in the earlier round), two lines. */
  expect_marks_inside (&sam_chart_overview_kind, &overview, 11 + 2);
  expect_edges_clear (&sam_chart_overview_kind, &overview, "overview");

  /* One round draws too, from [0]. */
  one.n_rounds = 1;
  expect_marks_inside (&sam_chart_overview_kind, &one, 5 + 2);
}

static void
test_overview_words (void)
{
  g_autoptr(SamChart) chart = sam_chart_new (&sam_chart_overview_kind, "Ledelse", &overview, NULL);
  g_autofree char *text = sam_chart_describe (chart);
  g_autoptr(SamChartTable) table = sam_chart_table (chart);
  SamChartStyle style;
  GArray *marks;

  g_assert_nonnull (strstr (text, "Ledelse (indeks): the mean score"));
  g_assert_nonnull (strstr (text, "Klinik 3 (your clinic), Forår 2026: mean 75.0, n 6."));
  g_assert_nonnull (strstr (text, "Klinik 5, Forår 2026: withheld: fewer than 3 answers."));
  g_assert_nonnull (strstr (text, "Klinik 2, Forår 2026: no answers."));
  g_assert_nonnull (strstr (text, "Cluster mean, Forår 2026: mean 70.1, n 32."));
  g_assert_nonnull (strstr (text, "National mean, Forår 2025: mean 30.4, n 900."));

  g_assert_cmpuint (table->rows->len, ==, 6 + 2);
  g_assert_true (table_has (table, 0, "Clinic", "Klinik 1"));
  g_assert_true (table_has (table, 0, "Forår 2025 mean", "40.0"));
  g_assert_true (table_has (table, 0, "Forår 2026 n", "4"));
  g_assert_true (table_has (table, 2, "Clinic", "Klinik 3 (your clinic)"));
  g_assert_true (table_has (table, 4, "Forår 2026 mean", "withheld"));
  g_assert_true (table_has (table, 4, "Forår 2026 n", "withheld"));
  g_assert_true (table_has (table, 5, "Forår 2025 mean", "—"));
  g_assert_true (table_has (table, 6, "Forår 2026 mean", "70.1"));
  g_assert_true (table_has (table, 7, "Clinic", "National mean"));

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  marks = sam_chart_marks (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 0).label, ==,
                   "Klinik 1, Forår 2025: mean 40.0, n 4");
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 9).label, ==,
                   "Klinik 5, Forår 2026: withheld: fewer than 3 answers");
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 11).label, ==,
                   "Cluster mean, Forår 2026: mean 70.1, n 32");
  g_array_unref (marks);
  sam_chart_style_clear (&style);
}

/* The heatmap */

static SamFigure heat_cells[4 * 3];
static const char *heat_rows[] = { "Klinik 1", "Klinik 2", "Klinik 3", "Klyngen" };
static const char *heat_columns[] = { "Ledelsen af klinikken", "Samarbejdskultur",
                                      "Kollegial støtte" };
static SamHeatmapData heat;

static void
make_heatmap (void)
{
  static const double means[] = { 0, 50, 100, 20, 40, 60, 80, 10, 90, 55, 66, 77 };

  for (guint i = 0; i < G_N_ELEMENTS (heat_cells); i++)
    figure (&heat_cells[i], 4 + i, means[i], SAM_WITHHELD_NONE);
  figure (&heat_cells[1 * 3 + 1], 2, 0, SAM_WITHHELD_PRIMARY);
  figure (&heat_cells[2 * 3 + 2], 0, 0, SAM_WITHHELD_NONE);

  heat.n_rows = G_N_ELEMENTS (heat_rows);
  heat.row_labels = heat_rows;
  heat.n_columns = G_N_ELEMENTS (heat_columns);
  heat.column_labels = heat_columns;
  heat.cells = heat_cells;
  heat.k = 3;
}

static void
test_heatmap_layout (void)
{
  SamChartStyle style;
  SamHeatmapLayout layout = { 0 };
  SamRgba low, high;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_heatmap_layout (&heat, &style, WIDTH, HEIGHT, &layout);

  /* Row-major, left to right and top to bottom, the same size, not overlapping. */
  g_assert_cmpfloat (layout.cells[1].x, >, layout.cells[0].x + layout.cells[0].width);
  g_assert_cmpfloat (layout.cells[3].y, >, layout.cells[0].y + layout.cells[0].height);
  g_assert_cmpfloat_with_epsilon (layout.cells[3].x, layout.cells[0].x, 0.01);
  g_assert_cmpfloat_with_epsilon (layout.cells[11].width, layout.cells[0].width, 0.01);
  for (guint i = 0; i < G_N_ELEMENTS (heat_cells); i++)
    expect_inside (&layout.cells[i], WIDTH, HEIGHT);
  /* The key under the cells, with what the withheld marker means under it. */
  g_assert_cmpfloat (layout.key.y, >, layout.cells[11].y + layout.cells[11].height);
  expect_inside (&layout.key, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.key_withheld.width, >, 0);
  g_assert_cmpfloat (layout.label_x + layout.label_width, <=, layout.cells[0].x);

  /* The scale runs from its mildest step at 0 to its strongest at 100. */
  low = sam_chart_heatmap_colour (&style, 0);
  high = sam_chart_heatmap_colour (&style, 100);
  g_assert_cmphex (rgb (&low), ==, rgb (&style.sequential[SAM_MAX_CODES - 1]));
  g_assert_cmphex (rgb (&high), ==, rgb (&style.sequential[0]));

  sam_chart_heatmap_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

static void
test_heatmap_pixels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (double scale = 1; scale <= 2; scale++)
      {
        SamChartStyle style;
        SamHeatmapLayout layout = { 0 };
        cairo_surface_t *surface;
        const SamRect *cell;
        g_autofree char *what = g_strdup_printf ("heatmap-%u-%g", t, scale);

        sam_chart_style_init (&style, themes[t], scale);
        sam_chart_heatmap_layout (&heat, &style, WIDTH, HEIGHT, &layout);
        surface = render (&sam_chart_heatmap_kind, &heat, &style, WIDTH, HEIGHT);

        /* Each shown cell in its mean's colour, near its corner, away from the numbers. */
        for (guint i = 0; i < G_N_ELEMENTS (heat_cells); i++)
          {
            SamRgba colour = sam_chart_heatmap_colour (&style, heat_cells[i].mean);

            if (heat_cells[i].withheld != SAM_WITHHELD_NONE || heat_cells[i].n == 0)
              continue;
            cell = &layout.cells[i];
            expect_pixel (surface, cell->x + 3 * scale, cell->y + 3 * scale, &colour, what);
          }
        /* Withheld: not coloured, the marker and the word in it. */
        cell = &layout.cells[1 * 3 + 1];
        expect_bare (surface, &style, cell->x + 3 * scale, cell->x + cell->width * 0.25,
                     cell->y + cell->height / 2, &style.sequential[0], what);
        expect_bare (surface, &style, cell->x + 3 * scale, cell->x + cell->width - 3 * scale,
                     cell->y + 5 * scale, &style.sequential[0], what);
        /* No answers: the background inside. */
        cell = &layout.cells[2 * 3 + 2];
        expect_pixel (surface, cell->x + 6 * scale, cell->y + cell->height / 2, &style.background,
                      what);
        /* The key's ends, and empty ground below it. */
        {
          SamRgba low = sam_chart_heatmap_colour (&style, 100.0 * 0.5 / 40);
          SamRgba high = sam_chart_heatmap_colour (&style, 100.0 * 39.5 / 40);

          expect_pixel (surface, layout.key.x + 2, layout.key.y + layout.key.height / 2, &low,
                        what);
          expect_pixel (surface, layout.key.x + layout.key.width - 2,
                        layout.key.y + layout.key.height / 2, &high, what);
        }
        expect_pixel (surface, WIDTH / 2, HEIGHT - 3, &style.background, what);

        cairo_surface_destroy (surface);
        sam_chart_heatmap_layout_clear (&layout);
        sam_chart_style_clear (&style);
      }
}

static void
test_heatmap_files (void)
{
  expect_pdf_and_svg (&sam_chart_heatmap_kind, &heat);
  expect_marks_inside (&sam_chart_heatmap_kind, &heat, 12);
  expect_edges_clear (&sam_chart_heatmap_kind, &heat, "heatmap");
}

static void
test_heatmap_words (void)
{
  g_autoptr(SamChart) chart = sam_chart_new (&sam_chart_heatmap_kind, "Indekserne", &heat, NULL);
  g_autofree char *text = sam_chart_describe (chart);
  g_autoptr(SamChartTable) table = sam_chart_table (chart);
  SamChartStyle style;
  GArray *marks;

  g_assert_nonnull (strstr (text, "Klinik 1, Ledelsen af klinikken: mean 0.0, n 4."));
  g_assert_nonnull (strstr (text, "Klinik 2, Samarbejdskultur: withheld: fewer than 3 answers."));
  g_assert_nonnull (strstr (text, "Klinik 3, Kollegial støtte: no answers."));
  g_assert_nonnull (strstr (text, "Klyngen, Kollegial støtte: mean 77.0, n 15."));

  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_true (table_has (table, 0, "Clinic", "Klinik 1"));
  g_assert_true (table_has (table, 0, "Kollegial støtte mean", "100.0"));
  g_assert_true (table_has (table, 1, "Samarbejdskultur mean", "withheld"));
  g_assert_true (table_has (table, 1, "Samarbejdskultur n", "withheld"));
  g_assert_true (table_has (table, 2, "Kollegial støtte mean", "no answers"));
  g_assert_true (table_has (table, 3, "Ledelsen af klinikken n", "13"));

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  marks = sam_chart_marks (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 4).label, ==,
                   "Klinik 2 — Samarbejdskultur: withheld: fewer than 3 answers");
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 5).label, ==,
                   "Klinik 2 — Kollegial støtte: mean 60.0, n 9");
  g_array_unref (marks);
  sam_chart_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  make_distribution ();
  make_overview ();
  make_heatmap ();

  g_test_add_func ("/charts/distribution/layout", test_distribution_layout);
  g_test_add_func ("/charts/distribution/pixels", test_distribution_pixels);
  g_test_add_func ("/charts/distribution/files", test_distribution_files);
  g_test_add_func ("/charts/distribution/words", test_distribution_words);
  g_test_add_func ("/charts/overview/layout", test_overview_layout);
  g_test_add_func ("/charts/overview/pixels", test_overview_pixels);
  g_test_add_func ("/charts/overview/files", test_overview_files);
  g_test_add_func ("/charts/overview/words", test_overview_words);
  g_test_add_func ("/charts/heatmap/layout", test_heatmap_layout);
  g_test_add_func ("/charts/heatmap/pixels", test_heatmap_pixels);
  g_test_add_func ("/charts/heatmap/files", test_heatmap_files);
  g_test_add_func ("/charts/heatmap/words", test_heatmap_words);

  return g_test_run ();
}
