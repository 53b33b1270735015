/* sam-chart-trend.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* An item's or index's mean over the rounds: a line with markers per unit (the clinic,
 * the cluster, the country where present) on a 0–100 axis. A withheld point is a neutral
 * marker on the baseline at its round, with whose it is and that it is withheld: never a
 * zero, a bar, or just a gap in the line. A single round still draws. */

typedef struct
{
  const char        *title;
  guint              n_rounds;
  const char *const *round_labels;             /* n_rounds */
  /* each n_rounds long, or NULL where the unit is absent */
  const SamFigure   *series[SAM_N_UNITS];
  const char        *unit_names[SAM_N_UNITS];
  int                k;
} SamTrendData;

typedef struct
{
  SamRect  legend;
  SamRect  plot;               /* 100 at plot.y, 0 at plot.y + plot.height */
  double   label_y;            /* the rounds' labels under the axis */
  double   marker_size;
  double  *round_x;            /* n_rounds: where each round is */
  SamRect *points;             /* SAM_N_UNITS * n_rounds, [unit * n_rounds + round]: a shown
                                * point's marker, centred on it; the marker on the baseline
                                * where withheld or without answers; zero where the unit is
                                * absent */
  guint    n_rounds;
} SamTrendLayout;

void           sam_chart_trend_layout       (const SamTrendData  *data,
                                             const SamChartStyle *style,
                                             double               width,
                                             double               height,
                                             SamTrendLayout      *layout);
void           sam_chart_trend_layout_clear (SamTrendLayout      *layout);
void           sam_chart_trend_draw         (const SamTrendData  *data,
                                             const SamChartStyle *style,
                                             cairo_t             *cr,
                                             double               width,
                                             double               height);
char          *sam_chart_trend_describe     (const SamTrendData  *data);
GArray        *sam_chart_trend_marks        (const SamTrendData  *data,
                                             const SamChartStyle *style,
                                             double               width,
                                             double               height);
SamChartTable *sam_chart_trend_table        (const SamTrendData  *data);

extern const SamChartKind sam_chart_trend_kind;

G_END_DECLS
