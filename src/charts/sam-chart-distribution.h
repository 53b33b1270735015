/* sam-chart-distribution.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-chart-comparison.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* How the answers spread over the options: for each item, a bar per unit, split into the
 * share of each option. Where the scale has a favourable side the bar diverges from a
 * centre line, favourable options to the right, the others to the left, the middle option
 * split half each side; the meetings scale, which has no favourable side, gets a plain
 * stacked bar from 0 to 100 %. A withheld figure is a neutral marker at the baseline that
 * says why, never a bar. */

typedef struct
{
  /* per item: the three units' figures (figure->distribution, n_codes) */
  const SamComparisonRow *rows;
  guint                   n_rows;
  const char             *unit_names[SAM_N_UNITS];
  guint                   n_options;      /* options of the item's scale, in code order (1..n) */
  const char             *option_labels[SAM_MAX_CODES];
  /* +1 favourable, 0 neutral, -1 unfavourable */
  int                     option_side[SAM_MAX_CODES];
  /* FALSE for the meetings scale: a plain stacked bar 0..100 % */
  gboolean                diverging;
  int                     k;
  const char             *caption;        /* (nullable) over the legend: names the scale */
} SamDistributionData;

typedef struct
{
  SamRect  caption;                     /* height 0 where there is none */
  SamRect  legend;
  double   label_width;                 /* the items' labels, then the units' names */
  double   unit_x;
  double   unit_width;
  double   plot_x;                      /* the axis, from its left end */
  double   plot_width;
  double   centre_x;                    /* where 0 is: the middle when diverging, else plot_x */
  double   percent_width;               /* the width of 1 percentage point */
  double   axis_y;                      /* the axis' labels, above the first row */
  double   top;                         /* the first row's band, each row_height tall */
  double   row_height;
  SamRect *bars;                        /* n_rows * SAM_N_UNITS: the whole bar; the marker at
                                         * the baseline where withheld or without answers;
                                         * zero where absent */
  SamRect *segments;                    /* n_rows * SAM_N_UNITS * SAM_MAX_CODES, by code;
                                         * width 0 where the option has no answers */
  guint    n_bars;
} SamDistributionLayout;

void           sam_chart_distribution_layout       (const SamDistributionData *data,
                                                    const SamChartStyle       *style,
                                                    double                     width,
                                                    double                     height,
                                                    SamDistributionLayout     *layout);
void           sam_chart_distribution_layout_clear (SamDistributionLayout     *layout);
const SamRgba *sam_chart_distribution_option_colour (const SamDistributionData *data,
                                                    const SamChartStyle       *style,
                                                    guint                      option);
void           sam_chart_distribution_draw         (const SamDistributionData *data,
                                                    const SamChartStyle       *style,
                                                    cairo_t                   *cr,
                                                    double                     width,
                                                    double                     height);
char          *sam_chart_distribution_describe     (const SamDistributionData *data);
GArray        *sam_chart_distribution_marks        (const SamDistributionData *data,
                                                    const SamChartStyle       *style,
                                                    double                     width,
                                                    double                     height);
SamChartTable *sam_chart_distribution_table        (const SamDistributionData *data);

extern const SamChartKind sam_chart_distribution_kind;

G_END_DECLS
