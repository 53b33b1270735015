/* sam-chart-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-figures.h"

G_BEGIN_DECLS

/* What every chart kind draws alike: text that stays in its box, the hatching and the
 * wording of a withheld figure, legends, and numbers. One place, so the kinds cannot drift
 * apart in how they say the same thing. Internal to src/charts. */

typedef enum
{
  SAM_ALIGN_START,
  SAM_ALIGN_CENTRE,
  SAM_ALIGN_END,
} SamAlign;

typedef enum
{
  SAM_LEGEND_SWATCH,         /* a filled square */
  SAM_LEGEND_HATCH,          /* a hatched square: withheld */
  SAM_LEGEND_LINE,           /* a short line */
  SAM_LEGEND_DASH,           /* a short dashed line */
  SAM_LEGEND_OUTLINE,        /* a square outlined in the colour: the own clinic */
} SamLegendShape;

typedef struct
{
  const char     *label;
  const SamRgba  *colour;
  SamLegendShape  shape;
} SamLegendEntry;

/* The text size of the style, in surface units. */
#define SAM_CHART_FONT(style) ((style)->font_size * (style)->scale)

void     _sam_chart_fit_style           (const SamChartStyle  *style,
                                         double                width,
                                         double                height,
                                         SamChartStyle        *fitted);
void     _sam_chart_set_colour          (cairo_t              *cr,
                                         const SamRgba        *colour);
SamRgba  _sam_chart_mix                 (const SamRgba        *from,
                                         const SamRgba        *to,
                                         double                amount);
const SamRgba *_sam_chart_text_on       (const SamChartStyle  *style,
                                         const SamRgba        *fill);
void     _sam_chart_paint_background    (cairo_t              *cr,
                                         const SamChartStyle  *style);

double   _sam_chart_estimate_width      (const char           *text,
                                         double                size);
double   _sam_chart_text_width          (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const char           *text,
                                         double                size,
                                         gboolean              bold);
void     _sam_chart_draw_text           (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const char           *text,
                                         const SamRect        *box,
                                         double                size,
                                         gboolean              bold,
                                         SamAlign              align);
void     _sam_chart_draw_text_vertical  (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const char           *text,
                                         const SamRect        *box,
                                         double                size);

void     _sam_chart_draw_hatch          (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const SamRect        *rect);
void     _sam_chart_draw_plated_text    (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const char           *text,
                                         const SamRect        *box,
                                         double                size,
                                         SamAlign              align);

char    *_sam_chart_withheld_text       (const SamFigure      *figure,
                                         int                   k);
char    *_sam_chart_withheld_reason     (const SamFigure      *figure,
                                         int                   k);
const char *_sam_chart_withheld_word    (void);

char    *_sam_chart_format_mean         (double                mean);
char    *_sam_chart_format_percent      (double                percent);
char    *_sam_chart_figure_summary      (const SamFigure      *figure,
                                         int                   k);

double   _sam_chart_legend_height       (const SamChartStyle  *style,
                                         const SamLegendEntry *entries,
                                         guint                 n_entries,
                                         double                width);
void     _sam_chart_draw_legend         (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const SamLegendEntry *entries,
                                         guint                 n_entries,
                                         const SamRect        *box);

void     _sam_chart_table_add_cells     (SamChartTable        *table,
                                         GPtrArray            *cells);


/* The SamChartKind of a kind whose public functions follow the pattern
 * sam_chart_NAME_draw/_describe/_marks/_table over its own data type: one definition of
 * the glue, instead of four casts in every kind's file. */
#define SAM_CHART_DEFINE_KIND(name)                                                       \
  static void                                                                             \
  name##_kind_draw (gconstpointer data, const SamChartStyle *style, cairo_t *cr,          \
                    double width, double height)                                          \
  {                                                                                       \
    sam_chart_##name##_draw (data, style, cr, width, height);                             \
  }                                                                                       \
  static char *                                                                           \
  name##_kind_describe (gconstpointer data)                                               \
  {                                                                                       \
    return sam_chart_##name##_describe (data);                                            \
  }                                                                                       \
  static GArray *                                                                         \
  name##_kind_marks (gconstpointer data, const SamChartStyle *style, double width,        \
                     double height)                                                       \
  {                                                                                       \
    return sam_chart_##name##_marks (data, style, width, height);                         \
  }                                                                                       \
  static SamChartTable *                                                                  \
  name##_kind_table (gconstpointer data)                                                  \
  {                                                                                       \
    return sam_chart_##name##_table (data);                                               \
  }                                                                                       \
  const SamChartKind sam_chart_##name##_kind = {                                          \
    #name, name##_kind_draw, name##_kind_describe, name##_kind_marks, name##_kind_table,  \
  };

G_END_DECLS
