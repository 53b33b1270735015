/* test-charts.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "sam-chart-comparison.h"
#include "sam-chart-heatmap.h"
#include "sam-chart-private.h"
#include "test-common.h"

/* The charts are drawn on image surfaces and probed at places the layout names: inside a
 * bar, just past its end, inside a withheld bar. No exact pixels of text are checked. On a
 * failure the image is written out for a person to look at. */

#define WIDTH  1600
#define HEIGHT 900

static SamComparisonRow rows[3];
static SamComparisonData data;

static void
figure (SamFigure *f,
        guint      n,
        double     mean,
        SamWithheld withheld)
{
  memset (f, 0, sizeof *f);
  f->n = n;
  f->mean = mean;
  f->withheld = withheld;
}

static void
make_data (void)
{
  const char *labels[] = { "Strategisk ledelse", "Driftsledelse", "Personaleledelse" };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      rows[r].label = labels[r];
      for (guint u = 0; u < SAM_N_UNITS; u++)
        rows[r].present[u] = TRUE;
    }
  figure (&rows[0].figures[SAM_UNIT_CLINIC], 9, 66.7, SAM_WITHHELD_NONE);
  rows[0].figures[SAM_UNIT_CLINIC].has_favourable = TRUE;
  rows[0].figures[SAM_UNIT_CLINIC].favourable = 55.6;
  figure (&rows[0].figures[SAM_UNIT_CLUSTER], 40, 50.0, SAM_WITHHELD_NONE);
  figure (&rows[0].figures[SAM_UNIT_COUNTRY], 812, 71.3, SAM_WITHHELD_NONE);
  figure (&rows[1].figures[SAM_UNIT_CLINIC], 2, 87.5, SAM_WITHHELD_PRIMARY);
  figure (&rows[1].figures[SAM_UNIT_CLUSTER], 40, 25.0, SAM_WITHHELD_NONE);
  figure (&rows[1].figures[SAM_UNIT_COUNTRY], 812, 60.0, SAM_WITHHELD_NONE);
  figure (&rows[2].figures[SAM_UNIT_CLINIC], 0, 0, SAM_WITHHELD_NONE);
  figure (&rows[2].figures[SAM_UNIT_CLUSTER], 40, 100.0, SAM_WITHHELD_NONE);
  rows[2].present[SAM_UNIT_COUNTRY] = FALSE;

  data.rows = rows;
  data.n_rows = G_N_ELEMENTS (rows);
  data.unit_names[SAM_UNIT_CLINIC] = "Klinik 3";
  data.unit_names[SAM_UNIT_CLUSTER] = "Klyngen";
  data.unit_names[SAM_UNIT_COUNTRY] = "Landet";
  data.k = 3;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  unsigned char *bytes = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((guint32 *) (bytes + (int) y * stride))[(int) x] & 0xffffff;
}

static guint32
rgb (const SamRgba *colour)
{
  return ((guint32) lround (colour->red * 255) << 16) |
         ((guint32) lround (colour->green * 255) << 8) | (guint32) lround (colour->blue * 255);
}

static cairo_surface_t *
render (const SamChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  sam_chart_comparison_draw (&data, style, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
keep_for_a_person (cairo_surface_t *surface,
                   const char      *name)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  cairo_surface_write_to_png (surface, path);
  g_test_message ("the image is in %s", path);
}

static void
test_layout (void)
{
  SamChartStyle style;
  SamComparisonLayout layout = { 0 };
  const SamRect *clinic, *country, *withheld, *none;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_comparison_layout (&data, &style, WIDTH, HEIGHT, &layout);
  clinic = &layout.bars[0 * SAM_N_UNITS + SAM_UNIT_CLINIC];
  country = &layout.bars[0 * SAM_N_UNITS + SAM_UNIT_COUNTRY];
  withheld = &layout.bars[1 * SAM_N_UNITS + SAM_UNIT_CLINIC];
  none = &layout.bars[2 * SAM_N_UNITS + SAM_UNIT_CLINIC];

  /* Bars start at 0 and are as long as their mean on the 0–100 axis. */
  g_assert_cmpfloat_with_epsilon (clinic->x, layout.plot_x, 0.01);
  g_assert_cmpfloat_with_epsilon (clinic->width, layout.plot_width * 0.667, 0.01);
  g_assert_cmpfloat_with_epsilon (country->width, layout.plot_width * 0.713, 0.01);
  g_assert_cmpfloat (country->y, >, clinic->y);
  /* Withheld, and no answers, are a marker on the baseline: no bar of any length. */
  g_assert_cmpfloat_with_epsilon (withheld->x + withheld->width / 2, layout.plot_x, 0.01);
  g_assert_cmpfloat_with_epsilon (withheld->width, withheld->height, 0.01);
  g_assert_cmpfloat (withheld->width, <=, SAM_CHART_SMALL (&style) + 0.01);
  g_assert_cmpfloat_with_epsilon (none->x + none->width / 2, layout.plot_x, 0.01);
  g_assert_cmpfloat (none->width, <=, SAM_CHART_SMALL (&style) + 0.01);
  /* Rows do not overlap, and all lies inside the surface. */
  g_assert_cmpfloat (withheld->y, >, country->y + country->height);
  for (guint i = 0; i < layout.n_bars; i++)
    {
      g_assert_cmpfloat (layout.bars[i].x + layout.bars[i].width, <=, WIDTH);
      g_assert_cmpfloat (layout.bars[i].y + layout.bars[i].height, <=, HEIGHT);
    }

  sam_chart_comparison_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

static void
test_bars_where_the_data_put_them (void)
{
  SamChartStyle style;
  SamComparisonLayout layout = { 0 };
  cairo_surface_t *surface;
  const SamRect *clinic;
  double mid;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_comparison_layout (&data, &style, WIDTH, HEIGHT, &layout);
  surface = render (&style);
  clinic = &layout.bars[SAM_UNIT_CLINIC];
  mid = clinic->y + clinic->height / 2;

  if (pixel (surface, clinic->x + clinic->width / 2, mid) != rgb (&style.units[SAM_UNIT_CLINIC]))
    keep_for_a_person (surface, "samarbejde-chart-light.png");
  /* Inside the clinic's bar, its colour; at 90 % of the axis (past 66.7, between grid
   * lines), the background. */
  g_assert_cmphex (pixel (surface, clinic->x + clinic->width / 2, mid), ==,
                   rgb (&style.units[SAM_UNIT_CLINIC]));
  g_assert_cmphex (pixel (surface, clinic->x + clinic->width * 0.5, clinic->y + 1), ==,
                   rgb (&style.units[SAM_UNIT_CLINIC]));
  g_assert_cmphex (pixel (surface, layout.plot_x + layout.plot_width * 0.9, mid), ==,
                   rgb (&style.background));
  /* The cluster's bar, a row below, its own colour. */
  {
    const SamRect *cluster = &layout.bars[SAM_UNIT_CLUSTER];

    g_assert_cmphex (pixel (surface, cluster->x + 3, cluster->y + cluster->height / 2), ==,
                     rgb (&style.units[SAM_UNIT_CLUSTER]));
  }

  cairo_surface_destroy (surface);
  sam_chart_comparison_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

/* A withheld figure is drawn as withheld: a neutral marker on the baseline with the
 * reason beside it, never a bar of any length (a hatched bar to 100 reads as a top score). */
static void
test_withheld_is_drawn (void)
{
  SamChartStyle style;
  SamComparisonLayout layout = { 0 };
  cairo_surface_t *surface;
  const SamRect *marker;
  guint inked = 0;
  double mid;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_comparison_layout (&data, &style, WIDTH, HEIGHT, &layout);
  surface = render (&style);
  marker = &layout.bars[1 * SAM_N_UNITS + SAM_UNIT_CLINIC];
  mid = marker->y + marker->height / 2;

  /* The marker is drawn, in neither a unit's colour nor the background alone. */
  for (double x = marker->x; x < marker->x + marker->width; x += 1)
    for (double y = marker->y; y < marker->y + marker->height; y += 1)
      {
        guint32 p = pixel (surface, x, y);

        g_assert_cmphex (p, !=, rgb (&style.units[SAM_UNIT_CLINIC]));
        if (p != rgb (&style.background))
          inked++;
      }
  if (inked < 5)
    keep_for_a_person (surface, "samarbejde-chart-withheld.png");
  g_assert_cmpuint (inked, >=, 5);
  /* Along the row, past the reason and between the grid lines, nothing is drawn. */
  for (double x = layout.plot_x + layout.plot_width * 0.6; x < layout.plot_x + layout.plot_width;
       x += 1)
    {
      double at = (x - layout.plot_x) / layout.plot_width;

      if (ABS (at - 0.75) < 0.01 || at > 0.99)
        continue;
      if (pixel (surface, x, mid) != rgb (&style.background))
        keep_for_a_person (surface, "samarbejde-chart-withheld.png");
      g_assert_cmphex (pixel (surface, x, mid), ==, rgb (&style.background));
    }

  cairo_surface_destroy (surface);
  sam_chart_comparison_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

static void
test_dark_and_high_contrast (void)
{
  SamChartTheme themes[] = { SAM_CHART_DARK, SAM_CHART_HIGH_CONTRAST };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      SamChartStyle style;
      SamComparisonLayout layout = { 0 };
      cairo_surface_t *surface;
      const SamRect *clinic;

      sam_chart_style_init (&style, themes[t], 2);
      sam_chart_comparison_layout (&data, &style, WIDTH, HEIGHT, &layout);
      surface = render (&style);
      clinic = &layout.bars[SAM_UNIT_CLINIC];
      g_assert_cmphex (pixel (surface, 3, HEIGHT - 3), ==, rgb (&style.background));
      g_assert_cmphex (pixel (surface, clinic->x + clinic->width / 2,
                              clinic->y + clinic->height / 2),
                       ==, rgb (&style.units[SAM_UNIT_CLINIC]));
      cairo_surface_destroy (surface);
      sam_chart_comparison_layout_clear (&layout);
      sam_chart_style_clear (&style);
    }
}

/* A chart on the screen is drawn again only when its style changes: a copy is equal to
 * its original, and any change to the colours, the text or the medium is not. */
static void
test_style_equal (void)
{
  SamChartStyle light, copy, dark;

  sam_chart_style_init (&light, SAM_CHART_LIGHT, 1);
  sam_chart_style_init (&dark, SAM_CHART_DARK, 1);
  sam_chart_style_copy (&copy, &light);
  g_assert_true (copy.font_family != light.font_family);
  g_assert_true (sam_chart_style_equal (&copy, &light));
  g_assert_false (sam_chart_style_equal (&dark, &light));

  copy.focus.blue += 0.5;
  g_assert_false (sam_chart_style_equal (&copy, &light));
  copy.focus = light.focus;
  copy.background.red += 0.5;
  g_assert_false (sam_chart_style_equal (&copy, &light));
  copy.background = light.background;
  g_free (copy.font_family);
  copy.font_family = g_strdup ("Serif");
  g_assert_false (sam_chart_style_equal (&copy, &light));
  g_free (copy.font_family);
  copy.font_family = g_strdup (light.font_family);
  g_assert_true (sam_chart_style_equal (&copy, &light));
  sam_chart_style_set_medium (&copy, SAM_CHART_PROJECTOR, 1920);
  g_assert_false (sam_chart_style_equal (&copy, &light));
  sam_chart_style_clear (&copy);
  sam_chart_style_copy (&copy, &light);
  copy.scale = 2;
  g_assert_false (sam_chart_style_equal (&copy, &light));

  sam_chart_style_clear (&copy);
  sam_chart_style_clear (&dark);
  sam_chart_style_clear (&light);
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
test_pdf_and_svg (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  SamChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);

  surface = cairo_pdf_surface_create_for_stream (append, pdf, 800, 450);
  cr = cairo_create (surface);
  sam_chart_comparison_draw (&data, &style, cr, 800, 450);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);
  g_assert_true (memcmp (pdf->data, "%PDF", 4) == 0);

  surface = cairo_svg_surface_create_for_stream (append, svg, 800, 450);
  cr = cairo_create (surface);
  sam_chart_comparison_draw (&data, &style, cr, 800, 450);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_byte_array_append (svg, (const guint8 *) "", 1);
  g_assert_nonnull (strstr ((const char *) svg->data, "<svg"));
  g_assert_nonnull (strstr ((const char *) svg->data, "<path"));

  sam_chart_style_clear (&style);
}

static void
test_description (void)
{
  g_autofree char *text = sam_chart_comparison_describe (&data);

  g_assert_nonnull (
    strstr (text,
            "Strategisk ledelse: Klinik 3 66.7 (n 9); Klyngen 50.0 (n 40); Landet 71.3 (n 812);"));
  g_assert_nonnull (strstr (text, "Driftsledelse: Klinik 3 withheld (fewer than 3 answers);"));
  g_assert_nonnull (strstr (text, "Personaleledelse: Klinik 3 no answers; Klyngen 100.0 (n 40);"));
  g_assert_null (
    strstr (text, "Personaleledelse: Klinik 3 no answers; Klyngen 100.0 (n 40); Landet"));
}

/* A clinic withheld only so that another's figure cannot be worked out may have plenty of
 * answers: its description says why, not "fewer than 3". */
static void
test_description_secondary (void)
{
  SamComparisonRow row = rows[0];
  SamComparisonData one = data;
  g_autofree char *text = NULL;

  row.figures[SAM_UNIT_CLINIC].withheld = SAM_WITHHELD_SECONDARY;
  one.rows = &row;
  one.n_rows = 1;
  text = sam_chart_comparison_describe (&one);
  g_assert_nonnull (
    strstr (text, "Klinik 3 withheld so that another withheld figure cannot be worked out;"));
  g_assert_null (strstr (text, "fewer than"));
  g_assert_null (strstr (text, "66.7"));
}

/* Hover and keyboard focus name each present bar with its figures; the marks lie on the
 * bars the layout names. */
static void
test_marks (void)
{
  SamChartStyle style;
  SamComparisonLayout layout = { 0 };
  GArray *marks;
  const SamChartMark *mark;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_comparison_layout (&data, &style, WIDTH, HEIGHT, &layout);
  marks = sam_chart_comparison_kind.marks (&data, &style, WIDTH, HEIGHT);

  /* Three units in two rows, two in the last. */
  g_assert_cmpuint (marks->len, ==, 8);
  mark = &g_array_index (marks, SamChartMark, 0);
  g_assert_cmpstr (mark->label, ==,
                   "Klinik 3 — Strategisk ledelse: mean 66.7, n 9, favourable 55.6 %");
  g_assert_cmpfloat_with_epsilon (mark->rect.width, layout.bars[0].width, 0.01);
  g_assert_cmpfloat_with_epsilon (mark->rect.y, layout.bars[0].y, 0.01);
  mark = &g_array_index (marks, SamChartMark, 1);
  g_assert_cmpstr (mark->label, ==, "Klyngen — Strategisk ledelse: mean 50.0, n 40");
  mark = &g_array_index (marks, SamChartMark, 3);
  g_assert_cmpstr (mark->label, ==, "Klinik 3 — Driftsledelse: withheld: fewer than 3 answers");
  mark = &g_array_index (marks, SamChartMark, 6);
  g_assert_cmpstr (mark->label, ==, "Klinik 3 — Personaleledelse: no answers");
  /* No bar, but a place to hover: the row's axis. */
  g_assert_cmpfloat (mark->rect.width, >, 0);

  g_array_unref (marks);
  sam_chart_comparison_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

/* The table has the numbers the chart draws, and says "withheld" where it hatches. */
static void
test_table (void)
{
  g_autoptr (SamChart) chart =
    sam_chart_new (&sam_chart_comparison_kind, "Spørgsmål 2", &data, NULL);
  g_autoptr(SamChartTable) table = sam_chart_table (chart);
  const char * const expected_columns[] = {
    "Item", "Klinik 3 mean", "Klinik 3 n", "Klyngen mean", "Klyngen n", "Landet mean", "Landet n",
  };
  char **row;

  g_assert_cmpstr (sam_chart_get_kind_name (chart), ==, "comparison");
  g_assert_cmpuint (table->columns->len, ==, G_N_ELEMENTS (expected_columns));
  for (guint c = 0; c < G_N_ELEMENTS (expected_columns); c++)
    g_assert_cmpstr (g_ptr_array_index (table->columns, c), ==, expected_columns[c]);
  g_assert_cmpuint (table->rows->len, ==, 3);

  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row[0], ==, "Strategisk ledelse");
  g_assert_cmpstr (row[1], ==, "66.7");
  g_assert_cmpstr (row[2], ==, "9");
  g_assert_cmpstr (row[5], ==, "71.3");
  g_assert_cmpstr (row[6], ==, "812");
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (row[1], ==, "withheld");
  g_assert_cmpstr (row[2], ==, "withheld");
  g_assert_cmpstr (row[3], ==, "25.0");
  row = g_ptr_array_index (table->rows, 2);
  g_assert_cmpstr (row[1], ==, "no answers");
  g_assert_cmpstr (row[2], ==, "0");
  g_assert_cmpstr (row[5], ==, "—");
}

/* How often meetings are held is shown as what it is: the share of the answers that say
 * "weekly or more often" or "monthly", in percent, with the scale named; never a mean. */
static void
test_share (void)
{
  static const double spread[][6] = {
    { 22.2, 44.4, 11.1, 11.1, 11.1, 0 },
    { 10, 20, 30, 20, 10, 10 },
  };
  SamComparisonRow share_rows[1] = { rows[0] };
  SamComparisonData share = data;
  SamChartStyle style;
  SamComparisonLayout layout = { 0 };
  g_autoptr(SamChart) chart = NULL;
  g_autoptr(SamChartTable) table = NULL;
  g_autofree char *text = NULL;
  GArray *marks;
  char **row;

  for (guint u = 0; u < 2; u++)
    {
      share_rows[0].figures[u].n_codes = 6;
      share_rows[0].figures[u].has_favourable = FALSE;
      memcpy (share_rows[0].figures[u].distribution, spread[u], sizeof spread[u]);
    }
  /* The country came without the spread of its answers: it has no share to show. */
  share_rows[0].figures[SAM_UNIT_COUNTRY].n_codes = 0;
  share_rows[0].label = "Personalemøder";
  share.rows = share_rows;
  share.n_rows = 1;
  share.measure = SAM_COMPARISON_SHARE;
  share.share_codes = 2;
  share.share_label = "monthly or more often";
  share.caption = "The share who answered “Weekly or more often” or “Monthly”.";

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  sam_chart_comparison_layout (&share, &style, WIDTH, HEIGHT, &layout);
  /* 66.6 % and 30 % of the axis, not the means 66.7 and 50. */
  g_assert_cmpfloat_with_epsilon (layout.bars[SAM_UNIT_CLINIC].width, layout.plot_width * 0.666,
                                  0.01);
  g_assert_cmpfloat_with_epsilon (layout.bars[SAM_UNIT_CLUSTER].width, layout.plot_width * 0.30,
                                  0.01);
  g_assert_cmpfloat (layout.caption.height, >, 0);
  g_assert_cmpfloat (layout.legend.y, >, layout.caption.y + layout.caption.height - 0.01);
  g_assert_cmpfloat (layout.bars[SAM_UNIT_COUNTRY].width, <=, SAM_CHART_SMALL (&style) + 0.01);

  chart = sam_chart_new (&sam_chart_comparison_kind, "Spørgsmål 5", &share, NULL);
  text = sam_chart_describe (chart);
  g_assert_nonnull (strstr (text, "The share of the answers that say monthly or more often"));
  g_assert_nonnull (strstr (text, "Personalemøder: Klinik 3 66.6 % (n 9); Klyngen 30.0 % (n 40);"
                                  " Landet not known;"));
  g_assert_null (strstr (text, "66.7"));
  table = sam_chart_table (chart);
  g_assert_cmpstr (g_ptr_array_index (table->columns, 1), ==, "Klinik 3 %");
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row[1], ==, "66.6 %");
  g_assert_cmpstr (row[3], ==, "30.0 %");
  g_assert_cmpstr (row[5], ==, "not known");
  marks = sam_chart_marks (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpstr (g_array_index (marks, SamChartMark, 0).label, ==,
                   "Klinik 3 — Personalemøder: 66.6 % monthly or more often, n 9");
  g_array_unref (marks);

  sam_chart_comparison_layout_clear (&layout);
  sam_chart_style_clear (&style);
}

/* A heatmap of many clinics drawn for a scrolled window's view (clipped to a band of it, as
 * the chart view draws it) paints that band exactly as the heatmap drawn whole. */
static void
test_heatmap_clipped (void)
{
  enum { N_ROWS = 300, N_COLUMNS = 3, BAND_Y = 5003, BAND_HEIGHT = 800 };
  static const char *columns[N_COLUMNS] = { "Ledelsen af klinikken", "Samarbejdskultur",
                                            "Kollegial støtte" };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree SamFigure *cells = g_new0 (SamFigure, N_ROWS * N_COLUMNS);
  SamHeatmapData heat = { N_ROWS, NULL, N_COLUMNS, columns, cells, 3 };
  int width = 938, height = 90 + (N_ROWS + 1) * 36;
  cairo_surface_t *whole, *band;
  SamChartRecord record;
  SamChartStyle style;
  cairo_t *cr;
  guint differ = 0;

  for (guint r = 0; r < N_ROWS; r++)
    {
      g_ptr_array_add (names, g_strdup_printf ("Klinik %u", r + 1));
      for (guint c = 0; c < N_COLUMNS; c++)
        figure (&cells[r * N_COLUMNS + c], r % 7 == 0 ? c : 5 + r % 20, (r * 37 + c * 11) % 101,
                r % 7 == 0 && c > 0 ? SAM_WITHHELD_PRIMARY + c - 1 : SAM_WITHHELD_NONE);
    }
  g_ptr_array_add (names, NULL);
  heat.row_labels = (const char *const *) names->pdata;
  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1.0);

  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (whole);
  sam_chart_heatmap_draw (&heat, &style, cr, width, height);
  cairo_destroy (cr);
  band = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, BAND_HEIGHT);
  cairo_surface_set_device_offset (band, 0, -BAND_Y);
  cr = cairo_create (band);
  _sam_chart_record_start (&record);
  sam_chart_heatmap_draw (&heat, &style, cr, width, height);
  _sam_chart_record_stop (&record);
  cairo_destroy (cr);
  /* Only the rows in the band and about it were painted, not all 300. */
  g_assert_cmpuint (record.marks->len, <, 60 * N_COLUMNS);
  _sam_chart_record_clear (&record);
  cairo_surface_flush (whole);
  cairo_surface_flush (band);

  for (int y = 0; y < BAND_HEIGHT; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (whole) +
                                            (BAND_Y + y) * cairo_image_surface_get_stride (whole));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (band) +
                                            y * cairo_image_surface_get_stride (band));

      for (int x = 0; x < width; x++)
        differ += a[x] != b[x];
    }
  if (differ > 0)
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "heatmap-band.png", NULL);

      cairo_surface_set_device_offset (band, 0, 0);
      cairo_surface_write_to_png (band, path);
      g_test_message ("The band drawn alone: %s", path);
    }
  g_assert_cmpuint (differ, ==, 0);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (band);
  sam_chart_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  make_data ();

  g_test_add_func ("/charts/comparison/layout", test_layout);
  g_test_add_func ("/charts/comparison/bars", test_bars_where_the_data_put_them);
  g_test_add_func ("/charts/comparison/withheld", test_withheld_is_drawn);
  g_test_add_func ("/charts/comparison/dark-and-high-contrast", test_dark_and_high_contrast);
  g_test_add_func ("/charts/style/equal", test_style_equal);
  g_test_add_func ("/charts/comparison/pdf-and-svg", test_pdf_and_svg);
  g_test_add_func ("/charts/comparison/description", test_description);
  g_test_add_func ("/charts/comparison/description-secondary", test_description_secondary);
  g_test_add_func ("/charts/comparison/marks", test_marks);
  g_test_add_func ("/charts/comparison/table", test_table);
  g_test_add_func ("/charts/comparison/share", test_share);
  g_test_add_func ("/charts/heatmap/clipped", test_heatmap_clipped);

  return g_test_run ();
}
