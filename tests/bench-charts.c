/* bench-charts.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "sam-chart-change.h"
#include "sam-chart-comparison.h"
#include "sam-chart-distribution.h"
#include "sam-chart-heatmap.h"
#include "sam-chart-overview.h"
#include "sam-chart-trend.h"

/* Prints how long one chart of each kind takes to draw at 1600x900, on an image surface
 * as the screen and a PNG use, with data the size of a real cluster and of a large one (40
 * clinics), on a screen and on a projector (whose text is larger, so more labels are
 * measured and moved). The budget is 5 ms a chart. Figures, not verdicts: run on demand. */

#define RUNS 200
#define BUDGET_MS 5.0

/* Microseconds of processor time this thread has used. */
static gint64
thread_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
bench_on (const char         *what,
          const SamChartKind *kind,
          gconstpointer       data,
          SamChartMedium      medium)
{
  SamChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  gint64 start, cpu_start;
  double ms, cpu_ms;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  if (medium == SAM_CHART_PROJECTOR)
    sam_chart_style_set_medium (&style, SAM_CHART_PROJECTOR, 1920);
  start = g_get_monotonic_time ();
  cpu_start = thread_time ();
  for (int i = 0; i < RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);

      kind->draw (data, &style, cr, 1600, 900);
      cairo_destroy (cr);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0 / RUNS;
  cpu_ms = (thread_time () - cpu_start) / 1000.0 / RUNS;
  /* The processor's time is what the chart costs; the clock's also counts the time other
   * programs on a busy machine took. */
  g_print ("%s, 1600x900%s: %.2f ms a chart (%.2f ms by the clock, %d runs)%s\n", what,
           medium == SAM_CHART_PROJECTOR ? " on a projector" : "", cpu_ms, ms, RUNS,
           cpu_ms > BUDGET_MS ? ", over the budget of 5 ms" : "");

  cairo_surface_destroy (surface);
  sam_chart_style_clear (&style);
}

static void
bench (const char         *what,
       const SamChartKind *kind,
       gconstpointer       data)
{
  bench_on (what, kind, data, SAM_CHART_SCREEN);
  bench_on (what, kind, data, SAM_CHART_PROJECTOR);
}

int
main (void)
{
  SamComparisonRow rows[8];
  SamComparisonData data = { 0 };
  SamDistributionData distribution = { 0 };
  SamOverviewBar bars[40];
  SamOverviewData overview = { 0 };
  SamFigure series[SAM_N_UNITS][6];
  const char *rounds[] = { "Forår 2023",   "Efterår 2023", "Forår 2024",
                           "Efterår 2024", "Forår 2025",   "Efterår 2025" };
  SamTrendData trend = { 0 };
  SamFigure cells[41 * 3];
  const char *codes[41];
  const char *indices[] = { "Ledelsen af klinikken", "Samarbejdskultur og fællesskab",
                            "Kollegial støtte" };
  const char *options[] = { "I meget høj grad", "I høj grad", "I nogen grad", "I ringe grad",
                            "Slet ikke" };
  const int sides[] = { 1, 1, 0, -1, -1 };
  const double shares[] = { 15.3, 41.2, 28.1, 11.4, 4.0 };
  SamHeatmapData heatmap = { 0 };
  SamChangeRow changes[20];
  SamChangeData change = { 0 };

  memset (rows, 0, sizeof rows);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      rows[r].label = "Er vi gode til at tale om svære emner og løse problemer sammen";
      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          rows[r].present[u] = TRUE;
          rows[r].figures[u].n = 10 + r * 7 + u * 100;
          rows[r].figures[u].mean = 20 + r * 9 + u * 4;
          rows[r].figures[u].n_codes = 5;
          memcpy (rows[r].figures[u].distribution, shares, sizeof shares);
        }
    }
  rows[2].figures[SAM_UNIT_CLINIC].withheld = SAM_WITHHELD_PRIMARY;
  data.rows = rows;
  data.n_rows = G_N_ELEMENTS (rows);
  data.unit_names[SAM_UNIT_CLINIC] = "Klinik 3";
  data.unit_names[SAM_UNIT_CLUSTER] = "Klyngen";
  data.unit_names[SAM_UNIT_COUNTRY] = "Landet";
  data.k = 3;
  bench ("Item comparison, 8 items x 3 units", &sam_chart_comparison_kind, &data);

  distribution.rows = rows;
  distribution.n_rows = G_N_ELEMENTS (rows);
  memcpy (distribution.unit_names, data.unit_names, sizeof data.unit_names);
  distribution.n_options = 5;
  for (guint o = 0; o < 5; o++)
    {
      distribution.option_labels[o] = options[o];
      distribution.option_side[o] = sides[o];
    }
  distribution.diverging = TRUE;
  distribution.k = 3;
  bench ("Answer distribution, 8 items x 3 units x 5 options", &sam_chart_distribution_kind,
         &distribution);

  memset (bars, 0, sizeof bars);
  for (guint b = 0; b < G_N_ELEMENTS (bars); b++)
    {
      static char names[40][16];

      g_snprintf (names[b], sizeof names[b], "Klinik %u", b + 1);
      bars[b].code = names[b];
      for (guint r = 0; r < 2; r++)
        {
          bars[b].present[r] = TRUE;
          bars[b].figures[r].n = 3 + b;
          bars[b].figures[r].mean = 30 + (b * 13 + r * 7) % 60;
        }
    }
  bars[3].own = TRUE;
  bars[5].figures[1].withheld = SAM_WITHHELD_PRIMARY;
  overview.title = "Ledelsen af klinikken";
  overview.bars = bars;
  overview.n_bars = 12;
  overview.n_rounds = 2;
  overview.round_labels[0] = "Forår 2024";
  overview.round_labels[1] = "Forår 2025";
  for (guint r = 0; r < 2; r++)
    {
      overview.cluster[r].n = 60;
      overview.cluster[r].mean = 61 + r;
      overview.national[r].n = 900;
      overview.national[r].mean = 58 + r;
      overview.has_cluster[r] = overview.has_national[r] = TRUE;
    }
  overview.k = 3;
  bench ("Cluster overview, 12 clinics x 2 rounds", &sam_chart_overview_kind, &overview);
  bars[23].figures[1].withheld = SAM_WITHHELD_SECONDARY;
  overview.n_bars = G_N_ELEMENTS (bars);
  bench ("Cluster overview, 40 clinics x 2 rounds", &sam_chart_overview_kind, &overview);

  memset (series, 0, sizeof series);
  for (guint u = 0; u < SAM_N_UNITS; u++)
    {
      for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
        {
          series[u][r].n = 9 + u * 50;
          series[u][r].mean = 50 + u * 5 + r * 3;
        }
      trend.series[u] = series[u];
    }
  series[SAM_UNIT_CLINIC][2].withheld = SAM_WITHHELD_PRIMARY;
  trend.title = "Samarbejdskultur";
  trend.n_rounds = G_N_ELEMENTS (rounds);
  trend.round_labels = rounds;
  memcpy (trend.unit_names, data.unit_names, sizeof data.unit_names);
  trend.k = 3;
  bench ("Trend, 6 rounds x 3 units", &sam_chart_trend_kind, &trend);

  memset (cells, 0, sizeof cells);
  for (guint r = 0; r < 41; r++)
    {
      static char names[41][16];

      g_snprintf (names[r], sizeof names[r], r == 40 ? "Klyngen" : "Klinik %u", r + 1);
      codes[r] = names[r];
      for (guint c = 0; c < 3; c++)
        {
          cells[r * 3 + c].n = 3 + r;
          cells[r * 3 + c].mean = (r * 17 + c * 31) % 101;
        }
    }
  cells[4].withheld = SAM_WITHHELD_PRIMARY;
  cells[30 * 3 + 1].withheld = SAM_WITHHELD_PRIMARY;
  /* The last 12 clinics and the cluster, as a slide of the deck shows them. */
  heatmap.n_rows = 13;
  heatmap.row_labels = codes + 28;
  heatmap.n_columns = 3;
  heatmap.column_labels = indices;
  heatmap.cells = cells + 28 * 3;
  heatmap.k = 3;
  bench ("Heatmap, 12 clinics and the cluster x 3 indices", &sam_chart_heatmap_kind, &heatmap);
  heatmap.n_rows = 41;
  heatmap.row_labels = codes;
  heatmap.cells = cells;
  bench ("Heatmap, 40 clinics and the cluster x 3 indices", &sam_chart_heatmap_kind, &heatmap);

  /* Følg udviklingen: the indices and the items of a round, some with actions beside. */
  memset (changes, 0, sizeof changes);
  for (guint r = 0; r < G_N_ELEMENTS (changes); r++)
    {
      changes[r].label = r % 3 == 0 ? "Er vi gode til at tale om svære emner og løse problemer sammen"
                                    : "Hjælper vi hinanden";
      changes[r].aside = r % 7 == 2 ? "Plan: Fælles frokost om fredagen (I gang)" : NULL;
      for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
        {
          changes[r].present[u] = TRUE;
          changes[r].before[u].n = changes[r].after[u].n = 9 + u * 80;
          changes[r].before[u].mean = 30 + (r * 13 + u * 7) % 60;
          changes[r].after[u].mean = 30 + (r * 29 + u * 11) % 60;
        }
    }
  changes[5].before[0].withheld = SAM_WITHHELD_PRIMARY;
  change.round_labels[0] = "Forår 2024";
  change.round_labels[1] = "Forår 2025";
  change.unit_names[0] = "Klinik 3";
  change.unit_names[1] = "Klynge Midt-Vest";
  change.rows = changes;
  change.n_rows = G_N_ELEMENTS (changes);
  change.k = 3;
  bench ("Følg udviklingen, 20 items x 2 units", &sam_chart_change_kind, &change);

  return 0;
}
