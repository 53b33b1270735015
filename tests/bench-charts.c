/* bench-charts.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-chart-comparison.h"

/* Prints how long one chart takes to draw at 1600x900, on an image surface as the screen
 * and a PNG use. Figures, not verdicts: run on demand. */

int
main (void)
{
  SamComparisonRow rows[8];
  SamComparisonData data = { 0 };
  SamChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  const int runs = 200;
  gint64 start;
  double ms;

  memset (rows, 0, sizeof rows);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      rows[r].label = "Er vi gode til at tale om svære emner og løse problemer sammen";
      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          rows[r].present[u] = TRUE;
          rows[r].figures[u].n = 10 + r * 7 + u * 100;
          rows[r].figures[u].mean = 20 + r * 9 + u * 4;
        }
    }
  rows[2].figures[SAM_UNIT_CLINIC].withheld = SAM_WITHHELD_PRIMARY;
  data.rows = rows;
  data.n_rows = G_N_ELEMENTS (rows);
  data.unit_names[SAM_UNIT_CLINIC] = "Klinik 3";
  data.unit_names[SAM_UNIT_CLUSTER] = "Klyngen";
  data.unit_names[SAM_UNIT_COUNTRY] = "Landet";
  data.k = 3;
  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);

  start = g_get_monotonic_time ();
  for (int i = 0; i < runs; i++)
    {
      cairo_t *cr = cairo_create (surface);

      sam_chart_comparison_draw (&data, &style, cr, 1600, 900);
      cairo_destroy (cr);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0 / runs;
  g_print ("Item comparison, 8 items x 3 units, 1600x900: %.2f ms a chart (%d runs)\n", ms, runs);

  cairo_surface_destroy (surface);
  sam_chart_style_clear (&style);
  return 0;
}
