/* sam-chart-overview.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* The cluster overview, as on KiAP's slides: one upright bar per clinic by its code, the
 * mean on a 0–100 axis, two rounds side by side; the cluster's and the country's mean as
 * labelled lines across. The own clinic is outlined and labelled (in its own view only).
 * A withheld figure is a neutral marker on the baseline, never a bar; the legend says why. */

typedef struct
{
  const char *code;                /* the clinic's code, e.g. "Klinik 3" */
  SamFigure   figures[2];          /* per round: [0] the earlier, [1] the later */
  gboolean    present[2];
  gboolean    own;                 /* mark it (set only in that clinic's own view) */
} SamOverviewBar;

typedef struct
{
  const char           *title;             /* the item's or index's name */
  const SamOverviewBar *bars;
  guint                 n_bars;
  guint                 n_rounds;          /* 1 or 2 */
  const char           *round_labels[2];
  SamFigure             cluster[2];        /* the cluster mean per round, a labelled line */
  gboolean              has_cluster[2];
  SamFigure             national[2];       /* the national mean per round, a labelled line */
  gboolean              has_national[2];
  int                   k;
} SamOverviewData;

typedef struct
{
  SamRect  legend;
  SamRect  plot;               /* 100 at plot.y, 0 at plot.y + plot.height */
  double   slot_width;         /* each clinic's share of the width */
  double   n_y;                /* the row of n under the bars */
  double   code_y;             /* the row of clinic codes under that */
  double   code_height;
  double   code_size;          /* the codes' text size: the body's, or the small one */
  gboolean codes_wrap;         /* the codes on two lines, where one is too wide */
  gboolean codes_upright;      /* the codes read upwards, where the slots are too narrow */
  double   own_y;              /* the row that says "your clinic" */
  double   line_label_x;       /* the lines' labels, right of the plot */
  SamRect *bars;               /* n_bars * 2, [bar * 2 + round]: the marker on the baseline
                                * where withheld or without answers; zero where not in
                                * that round */
  double   cluster_y[2];       /* where the cluster's line is per round; -1 where none */
  double   national_y[2];
  double   cluster_label_y;    /* the labels' centres, moved apart where the lines are close */
  double   national_label_y;
} SamOverviewLayout;

void           sam_chart_overview_layout       (const SamOverviewData *data,
                                                const SamChartStyle   *style,
                                                double                 width,
                                                double                 height,
                                                SamOverviewLayout     *layout);
void           sam_chart_overview_layout_clear (SamOverviewLayout     *layout);
SamRgba        sam_chart_overview_bar_colour   (const SamOverviewData *data,
                                                const SamChartStyle   *style,
                                                guint                  round);
void           sam_chart_overview_draw         (const SamOverviewData *data,
                                                const SamChartStyle   *style,
                                                cairo_t               *cr,
                                                double                 width,
                                                double                 height);
char          *sam_chart_overview_describe     (const SamOverviewData *data);
GArray        *sam_chart_overview_marks        (const SamOverviewData *data,
                                                const SamChartStyle   *style,
                                                double                 width,
                                                double                 height);
SamChartTable *sam_chart_overview_table        (const SamOverviewData *data);

extern const SamChartKind sam_chart_overview_kind;

G_END_DECLS
