/* sam-chart-comparison.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* The item comparison: for each item of a question, the clinic, the cluster and the
 * country on one 0–100 axis, a bar each, with n beside it. The axis is the mean score, or,
 * for a frequency item (how often meetings are held), the share of the answers that are
 * one of the first options of its scale ("monthly or more often"), in percent. A withheld
 * figure is drawn as withheld: a neutral marker at the baseline saying why, never a bar,
 * a zero or a gap. Three stages, as Sysprof draws: the figures are the data, the layout
 * maps them to the surface, and the paint function draws on any cairo surface: a widget,
 * a PNG, a PDF page, an SVG. */

typedef enum
{
  SAM_COMPARISON_MEAN,                   /* the mean score, 0–100 */
  SAM_COMPARISON_SHARE,                  /* the share of answers with codes 1..share_codes, % */
} SamComparisonMeasure;

typedef struct _SamComparisonRow SamComparisonRow;

struct _SamComparisonRow
{
  const char *label;                     /* the item's text */
  SamFigure   figures[SAM_N_UNITS];
  gboolean    present[SAM_N_UNITS];      /* the unit is in the chart (no national figures, say) */
};

typedef struct
{
  const SamComparisonRow *rows;
  guint                   n_rows;
  const char             *unit_names[SAM_N_UNITS];
  int                     k;             /* the minimum group size, to say why one is withheld */
  SamComparisonMeasure    measure;
  guint                   share_codes;   /* SHARE: the options counted, from code 1 */
  const char             *share_label;   /* SHARE: what they are, "monthly or more often" */
  const char             *caption;       /* (nullable) over the legend: names the scale */
} SamComparisonData;

typedef struct
{
  double   plot_x;                      /* where 0 is */
  double   plot_width;                  /* from 0 to 100 */
  double   label_width;
  SamRect  caption;                     /* height 0 where there is none */
  SamRect  legend;
  double   axis_y;                      /* the axis' labels, above the first row */
  double   top;                         /* the first row's band, each row_height tall */
  double   row_height;
  SamRect *bars;                        /* n_rows * SAM_N_UNITS; zero where absent; the
                                         * marker at the baseline where withheld or
                                         * without answers */
  guint    n_bars;
} SamComparisonLayout;

void sam_chart_comparison_layout       (const SamComparisonData *data,
                                        const SamChartStyle     *style,
                                        double                   width,
                                        double                   height,
                                        SamComparisonLayout     *layout);
void sam_chart_comparison_layout_clear (SamComparisonLayout     *layout);
void sam_chart_comparison_draw         (const SamComparisonData *data,
                                        const SamChartStyle     *style,
                                        cairo_t                 *cr,
                                        double                   width,
                                        double                   height);
char *sam_chart_comparison_describe    (const SamComparisonData *data);
GArray *sam_chart_comparison_marks     (const SamComparisonData *data,
                                        const SamChartStyle     *style,
                                        double                   width,
                                        double                   height);
SamChartTable *sam_chart_comparison_table (const SamComparisonData *data);

extern const SamChartKind sam_chart_comparison_kind;

G_END_DECLS
