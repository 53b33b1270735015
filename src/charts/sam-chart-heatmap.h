/* sam-chart-heatmap.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* The coordinator's heatmap: clinics by code down, the domain indices across, each cell
 * coloured by its mean on a one-hue scale that holds for colour-blind readers (stronger is
 * higher) and the mean written in it, n below. A withheld cell is left uncoloured, with the
 * withheld marker and the word; a cell without answers says that. A key explains the colours. */

typedef struct
{
  guint              n_rows;
  const char *const *row_labels;      /* clinic codes (the caller may add the cluster as a
                                       * last row) */
  guint              n_columns;
  const char *const *column_labels;   /* e.g. the three index names */
  const SamFigure   *cells;           /* n_rows * n_columns, row-major */
  int                k;
} SamHeatmapData;

typedef struct
{
  double   label_x;            /* the rows' labels, left of the cells */
  double   label_width;
  double   header_y;           /* the columns' labels, above the cells */
  double   header_height;
  SamRect  key;                /* the colour key's ramp, 0 at its left, 100 at its right */
  SamRect  key_withheld;       /* what the key's withheld markers mean, beside it; zero where
                                * nothing is withheld */
  SamRect *cells;              /* n_rows * n_columns, row-major */
} SamHeatmapLayout;

void           sam_chart_heatmap_layout       (const SamHeatmapData *data,
                                               const SamChartStyle  *style,
                                               double                width,
                                               double                height,
                                               SamHeatmapLayout     *layout);
void           sam_chart_heatmap_layout_clear (SamHeatmapLayout     *layout);
SamRgba        sam_chart_heatmap_colour       (const SamChartStyle  *style,
                                               double                mean);
void           sam_chart_heatmap_draw         (const SamHeatmapData *data,
                                               const SamChartStyle  *style,
                                               cairo_t              *cr,
                                               double                width,
                                               double                height);
char          *sam_chart_heatmap_describe     (const SamHeatmapData *data);
GArray        *sam_chart_heatmap_marks        (const SamHeatmapData *data,
                                               const SamChartStyle  *style,
                                               double                width,
                                               double                height);
SamChartTable *sam_chart_heatmap_table        (const SamHeatmapData *data);

extern const SamChartKind sam_chart_heatmap_kind;

G_END_DECLS
