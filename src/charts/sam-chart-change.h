/* sam-chart-change.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* "Følg udviklingen": what changed between two rounds, item by item. Each row names the
 * item in its words and draws, for the clinic and for the cluster, a dot-and-arrow on one
 * 0–100 axis: a ring at the earlier round's mean, an arrow to a dot at the later one, and
 * the change in points beside it. The plan's actions aimed at the item stand beside its
 * row. Where either round's figure is withheld the change would give it away, so the row
 * shows a neutral marker at the axis's foot and says why; never an arrow, never a zero. */

#define SAM_CHANGE_UNITS 2    /* [0] the clinic, [1] the cluster */

typedef struct
{
  const char *label;                       /* the item's or index's words */
  const char *aside;                       /* (nullable) the actions aimed at it */
  gboolean    heading;                     /* an index: its row reads as a heading */
  SamFigure   before[SAM_CHANGE_UNITS];
  SamFigure   after[SAM_CHANGE_UNITS];
  gboolean    present[SAM_CHANGE_UNITS];
} SamChangeRow;

typedef struct
{
  const char         *title;
  const char         *round_labels[2];     /* the earlier, the later */
  const char         *unit_names[SAM_CHANGE_UNITS];
  const SamChangeRow *rows;
  guint               n_rows;
  int                 k;
} SamChangeData;

typedef struct
{
  SamRect  legend;
  SamRect  plot;               /* 0 at plot.x, 100 at plot.x + plot.width; rows below y */
  double   axis_y;             /* the tick labels' line, above the first row */
  double   label_x, label_width;  /* the items' words */
  double   aside_x, aside_width;  /* the actions; 0 wide where none */
  double   row_height;
  double   marker_size;
  double  *row_y;              /* n_rows: the top of each row */
  guint    n_rows;
} SamChangeLayout;

double         sam_chart_change_height       (const SamChangeData *data,
                                              const SamChartStyle *style,
                                              double               width);
gboolean       sam_chart_change_shows        (const SamFigure     *before,
                                              const SamFigure     *after);
void           sam_chart_change_layout       (const SamChangeData *data,
                                              const SamChartStyle *style,
                                              double               width,
                                              double               height,
                                              SamChangeLayout     *layout);
void           sam_chart_change_layout_clear (SamChangeLayout     *layout);
void           sam_chart_change_draw         (const SamChangeData *data,
                                              const SamChartStyle *style,
                                              cairo_t             *cr,
                                              double               width,
                                              double               height);
char          *sam_chart_change_describe     (const SamChangeData *data);
GArray        *sam_chart_change_marks        (const SamChangeData *data,
                                              const SamChartStyle *style,
                                              double               width,
                                              double               height);
SamChartTable *sam_chart_change_table        (const SamChangeData *data);

extern const SamChartKind sam_chart_change_kind;

G_END_DECLS
