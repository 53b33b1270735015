/* sam-chart.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sam-chart-style.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* One chart of any kind, as the widget, the export and printing see it: its data and the
 * kind's functions. Every kind paints on any cairo surface (screen, PNG, PDF, SVG), says in
 * words what it shows (for a screen reader), names its marks (for hover and keyboard focus)
 * and gives its numbers as a table (the "show as table" view). None of it knows GTK. */

typedef struct
{
  double x, y, width, height;
} SamRect;

/* A place on the chart with the exact figures behind it: what hover and keyboard focus
 * show ("Klinik 3, Driftsledelse: mean 66.7, n 9, favourable 55.6 %"). */
typedef struct
{
  SamRect  rect;
  char    *label;
} SamChartMark;

/* Why @figure, withheld, is not shown, in words to stand inside a sentence ("withheld:
 * fewer than 3 answers"), as every chart and view says it. */
char *sam_chart_withheld_reason (const SamFigure *figure,
                                 int              k);

/* The chart's numbers as rows of text, the same numbers the chart draws. */
typedef struct
{
  char      *caption;
  GPtrArray *columns;        /* char *, the column headings */
  GPtrArray *rows;           /* GStrv, each as long as columns */
} SamChartTable;

typedef struct
{
  const char *name;          /* "comparison", "distribution", "overview", "trend", "heatmap" */
  void           (*draw)     (gconstpointer        data,
                              const SamChartStyle *style,
                              cairo_t             *cr,
                              double               width,
                              double               height);
  char          *(*describe) (gconstpointer        data);
  GArray        *(*marks)    (gconstpointer        data,
                              const SamChartStyle *style,
                              double               width,
                              double               height);
  SamChartTable *(*table)    (gconstpointer        data);
} SamChartKind;

typedef struct _SamChart SamChart;

#define SAM_TYPE_CHART (sam_chart_get_type ())

GType          sam_chart_get_type     (void) G_GNUC_CONST;
SamChart      *sam_chart_new          (const SamChartKind  *kind,
                                       const char          *title,
                                       gpointer             data,
                                       GDestroyNotify       destroy);
SamChart      *sam_chart_ref          (SamChart            *chart);
void           sam_chart_unref        (SamChart            *chart);
const char    *sam_chart_get_title    (SamChart            *chart);
const char    *sam_chart_get_kind_name (SamChart           *chart);
gconstpointer  sam_chart_get_data     (SamChart            *chart);
void           sam_chart_draw         (SamChart            *chart,
                                       const SamChartStyle *style,
                                       cairo_t             *cr,
                                       double               width,
                                       double               height);
char          *sam_chart_describe     (SamChart            *chart);
GArray        *sam_chart_marks        (SamChart            *chart,
                                       const SamChartStyle *style,
                                       double               width,
                                       double               height);
SamChartTable *sam_chart_table        (SamChart            *chart);

SamChartTable *sam_chart_table_new       (const char          *caption);
void           sam_chart_table_add_column (SamChartTable      *table,
                                           const char         *heading);
void           sam_chart_table_add_row    (SamChartTable      *table,
                                           const char * const *cells);
void           sam_chart_table_free       (SamChartTable      *table);

/* An array of SamChartMark that frees each mark's label with it. */
GArray        *sam_chart_marks_new        (void);
void           sam_chart_marks_add        (GArray             *marks,
                                           const SamRect      *rect,
                                           char               *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChart, sam_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChartTable, sam_chart_table_free)

G_END_DECLS
