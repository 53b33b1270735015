/* test-charts-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

static inline void
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

static inline guint32
rgb (const SamRgba *colour)
{
  return ((guint32) lround (colour->red * 255) << 16) |
         ((guint32) lround (colour->green * 255) << 8) | (guint32) lround (colour->blue * 255);
}

static inline cairo_surface_t *
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

static inline guint32
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
static inline void
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
static inline void
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
static inline void
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

static inline void
expect_inside (const SamRect *rect,
               double         width,
               double         height)
{
  g_assert_cmpfloat (rect->x, >=, 0);
  g_assert_cmpfloat (rect->y, >=, 0);
  g_assert_cmpfloat (rect->x + rect->width, <=, width + 0.01);
  g_assert_cmpfloat (rect->y + rect->height, <=, height + 0.01);
}

static inline cairo_status_t
append (void                *closure,
        const unsigned char *bytes,
        unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The same paint function serves PDF and SVG. */
static inline void
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
static inline void
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
static inline void
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

static inline gboolean
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
