/* test-charts-kinds.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "sam-chart-distribution.h"
#include "sam-chart-heatmap.h"
#include "sam-chart-overview.h"
#include "sam-chart-trend.h"
#include "sam-chart-change.h"
#include "test-common.h"

/* The chart kinds beyond the item comparison (tests/test-charts.c), tested the same way:
 * drawn on image surfaces and probed at places their layouts name (a segment, a bar, a
 * line, a withheld area, an empty area), in every theme and at scale 1 and 2; drawn on PDF
 * and SVG; their words and tables checked for the figures. No exact pixels of text. On a
 * failure the image is written out for a person to look at. */

#define WIDTH  1600
#define HEIGHT 900

static const SamChartTheme themes[] = { SAM_CHART_LIGHT, SAM_CHART_DARK, SAM_CHART_HIGH_CONTRAST };

static void
figure (SamFigure  *f,
        guint       n,
        double      mean,
        SamWithheld withheld)
{
  memset (f, 0, sizeof *f);
  f->n = n;
  f->mean = mean;
  f->withheld = withheld;
}

static guint32
rgb (const SamRgba *colour)
{
  return ((guint32) lround (colour->red * 255) << 16) |
         ((guint32) lround (colour->green * 255) << 8) | (guint32) lround (colour->blue * 255);
}

static cairo_surface_t *
render (const SamChartKind  *kind,
        gconstpointer        data,
        const SamChartStyle *style,
        int                  width,
        int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  kind->draw (data, style, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  unsigned char *bytes = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return ((guint32 *) (bytes + (int) y * stride))[(int) x] & 0xffffff;
}

/* Writes the image to the temp dir for a person when a probe fails, then fails. */
static void
expect_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const SamRgba   *colour,
              const char      *what)
{
  guint32 found = pixel (surface, x, y);

  if (found != rgb (colour))
    {
      g_autofree char *name = g_strdup_printf ("samarbejde-%s.png", what);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (surface, path);
      g_test_message ("%s: %06x at (%.0f, %.0f), expected %06x; the image is in %s", what, found, x,
                      y, rgb (colour), path);
    }
  g_assert_cmphex (found, ==, rgb (colour));
}

/* Where a figure is withheld nothing is drawn up from the baseline: along a line across
 * the place a bar would have had, only the background (or a grid line), never @not. */
static void
expect_bare (cairo_surface_t     *surface,
             const SamChartStyle *style,
             double               x0,
             double               x1,
             double               y,
             const SamRgba       *not,
             const char          *what)
{
  guint ground = 0;

  for (double x = x0; x < x1; x += 1)
    {
      guint32 p = pixel (surface, x, y);

      g_assert_cmphex (p, !=, rgb (not));
      if (p == rgb (&style->background))
        ground++;
    }
  if (ground < (x1 - x0) * 0.8)
    {
      g_autofree char *name = g_strdup_printf ("samarbejde-%s.png", what);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (surface, path);
      g_test_message ("%s: %u of %.0f ground; the image is in %s", what, ground, x1 - x0, path);
    }
  g_assert_cmpfloat (ground, >=, (x1 - x0) * 0.8);
}

/* The withheld marker is drawn at @rect: something there besides the background, and
 * none of it @not. */
static void
expect_marker (cairo_surface_t     *surface,
               const SamChartStyle *style,
               const SamRect       *rect,
               const SamRgba       *not,
               const char          *what)
{
  guint inked = 0;

  for (double x = rect->x; x < rect->x + rect->width; x += 1)
    for (double y = rect->y; y < rect->y + rect->height; y += 1)
      {
        guint32 p = pixel (surface, x, y);

        g_assert_cmphex (p, !=, rgb (not));
        if (p != rgb (&style->background))
          inked++;
      }
  if (inked < 4)
    {
      g_autofree char *name = g_strdup_printf ("samarbejde-%s.png", what);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (surface, path);
      g_test_message ("%s: no marker at (%.0f, %.0f); the image is in %s", what, rect->x, rect->y,
                      path);
    }
  g_assert_cmpuint (inked, >=, 4);
}

static void
expect_inside (const SamRect *rect,
               double         width,
               double         height)
{
  g_assert_cmpfloat (rect->x, >=, 0);
  g_assert_cmpfloat (rect->y, >=, 0);
  g_assert_cmpfloat (rect->x + rect->width, <=, width + 0.01);
  g_assert_cmpfloat (rect->y + rect->height, <=, height + 0.01);
}

static cairo_status_t
append (void                *closure,
        const unsigned char *bytes,
        unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The same paint function serves PDF and SVG. */
static void
expect_pdf_and_svg (const SamChartKind *kind,
                    gconstpointer       data)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  SamChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);

  surface = cairo_pdf_surface_create_for_stream (append, pdf, 800, 450);
  cr = cairo_create (surface);
  kind->draw (data, &style, cr, 800, 450);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);
  g_assert_true (memcmp (pdf->data, "%PDF", 4) == 0);

  surface = cairo_svg_surface_create_for_stream (append, svg, 800, 450);
  cr = cairo_create (surface);
  kind->draw (data, &style, cr, 800, 450);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_byte_array_append (svg, (const guint8 *) "", 1);
  g_assert_nonnull (strstr ((const char *) svg->data, "<svg"));
  g_assert_nonnull (strstr ((const char *) svg->data, "<path"));

  sam_chart_style_clear (&style);
}

/* Every mark lies on the surface and names a figure; tiny sizes draw without trouble. */
static void
expect_marks_inside (const SamChartKind *kind,
                     gconstpointer       data,
                     guint               n_expected)
{
  const double sizes[][2] = { { WIDTH, HEIGHT }, { 600, 400 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (double scale = 1; scale <= 2; scale++)
      {
        SamChartStyle style;
        GArray *marks;
        cairo_surface_t *surface;

        sam_chart_style_init (&style, SAM_CHART_LIGHT, scale);
        marks = kind->marks (data, &style, sizes[s][0], sizes[s][1]);
        g_assert_cmpuint (marks->len, ==, n_expected);
        for (guint m = 0; m < marks->len; m++)
          {
            const SamChartMark *mark = &g_array_index (marks, SamChartMark, m);

            expect_inside (&mark->rect, sizes[s][0], sizes[s][1]);
            g_assert_cmpfloat (mark->rect.width, >, 0);
            g_assert_cmpfloat (mark->rect.height, >, 0);
            g_assert_nonnull (mark->label);
            g_assert_cmpuint (strlen (mark->label), >, 0);
          }
        g_array_unref (marks);
        surface = render (kind, data, &style, 60, 40);
        cairo_surface_destroy (surface);
        sam_chart_style_clear (&style);
      }
}

/* Nothing runs off the chart: a strip along every edge is bare background, at both
 * sizes and both scales, in every theme. Text that does not fit is wrapped, shortened or
 * made smaller instead. */
static void
expect_edges_clear (const SamChartKind *kind,
                    gconstpointer       data,
                    const char         *name)
{
  const int sizes[][2] = { { WIDTH, HEIGHT }, { 600, 400 } };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (double scale = 1; scale <= 2; scale++)
        {
          SamChartStyle style;
          cairo_surface_t *surface;
          int w = sizes[s][0], h = sizes[s][1];
          g_autofree char *what = g_strdup_printf ("%s-edges-%u-%dx%d-%g", name, t, w, h, scale);

          sam_chart_style_init (&style, themes[t], scale);
          surface = render (kind, data, &style, w, h);
          for (int x = 0; x < w; x++)
            for (int i = 0; i < 3; i++)
              {
                expect_pixel (surface, x, i, &style.background, what);
                expect_pixel (surface, x, h - 1 - i, &style.background, what);
              }
          for (int y = 0; y < h; y++)
            for (int i = 0; i < 3; i++)
              {
                expect_pixel (surface, i, y, &style.background, what);
                expect_pixel (surface, w - 1 - i, y, &style.background, what);
              }
          cairo_surface_destroy (surface);
          sam_chart_style_clear (&style);
        }
}

static gboolean
table_has (const SamChartTable *table,
           guint                row,
           const char          *column,
           const char          *cell)
{
  char **cells = g_ptr_array_index (table->rows, row);

  for (guint c = 0; c < table->columns->len; c++)
    if (g_strcmp0 (g_ptr_array_index (table->columns, c), column) == 0)
      {
        if (g_strcmp0 (cells[c], cell) != 0)
          g_test_message ("row %u, column %s: “%s”, expected “%s”", row, column, cells[c], cell);
        return g_strcmp0 (cells[c], cell) == 0;
      }
  g_test_message ("no column %s", column);
  return FALSE;
}

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
  make_distribution ();
  make_overview ();
  make_trend ();
  make_heatmap ();
  make_change ();

  g_test_add_func ("/charts/distribution/layout", test_distribution_layout);
  g_test_add_func ("/charts/distribution/pixels", test_distribution_pixels);
  g_test_add_func ("/charts/distribution/files", test_distribution_files);
  g_test_add_func ("/charts/distribution/words", test_distribution_words);
  g_test_add_func ("/charts/overview/layout", test_overview_layout);
  g_test_add_func ("/charts/overview/pixels", test_overview_pixels);
  g_test_add_func ("/charts/overview/files", test_overview_files);
  g_test_add_func ("/charts/overview/words", test_overview_words);
  g_test_add_func ("/charts/trend/layout", test_trend_layout);
  g_test_add_func ("/charts/trend/pixels", test_trend_pixels);
  g_test_add_func ("/charts/trend/files", test_trend_files);
  g_test_add_func ("/charts/trend/words", test_trend_words);
  g_test_add_func ("/charts/heatmap/layout", test_heatmap_layout);
  g_test_add_func ("/charts/heatmap/pixels", test_heatmap_pixels);
  g_test_add_func ("/charts/heatmap/files", test_heatmap_files);
  g_test_add_func ("/charts/heatmap/words", test_heatmap_words);
  g_test_add_func ("/charts/change/layout", test_change_layout);
  g_test_add_func ("/charts/change/pixels", test_change_pixels);
  g_test_add_func ("/charts/change/files", test_change_files);
  g_test_add_func ("/charts/change/words", test_change_words);

  return g_test_run ();
}
