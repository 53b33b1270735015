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

/* What every chart kind draws alike: text measured before it is placed and never placed
 * over another text or a mark (SamLabels), the marker and the wording of a withheld
 * figure, legends, and numbers. One place, so the kinds cannot drift apart in how they
 * say the same thing. Internal to src/charts. */

typedef enum
{
  SAM_ALIGN_START,
  SAM_ALIGN_CENTRE,
  SAM_ALIGN_END,
} SamAlign;

typedef enum
{
  SAM_LEGEND_SWATCH,         /* a filled square */
  SAM_LEGEND_WITHHELD,       /* the withheld marker: fewer answers than the minimum */
  SAM_LEGEND_WITHHELD_SECONDARY, /* the other withheld marker: withheld to protect another */
  SAM_LEGEND_EMPTY,          /* the marker of a figure without answers */
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

/* The text sizes of the style, in surface units: the body text, and the small text of
 * numbers and axes, which is never below the medium's minimum (sam-chart-style.c). */
#define SAM_CHART_FONT(style) ((style)->font_size * (style)->scale)
#define SAM_CHART_SMALL(style) (MAX (SAM_CHART_FONT (style) * 0.85, (style)->min_text))

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
gboolean _sam_rect_intersects           (const SamRect        *a,
                                         const SamRect        *b);

/* Text measured with pango, without a surface: what the layout stage uses. */
double   _sam_chart_text_width          (const SamChartStyle  *style,
                                         const char           *text,
                                         double                size,
                                         gboolean              bold);
double   _sam_chart_line_height         (const SamChartStyle  *style,
                                         double                size);

/* SamLabels: every word of a chart goes through it. Marks (bars, segments, markers, cells,
 * swatches) are added first; then each label is offered a list of spots, best first, and
 * is written at the first where its measured box stays on the chart, keeps clear of every
 * other label (by more than a word space across) and its ink, with a little room, covers no
 * mark (except the one it is written on, inside which its ink stays), or left out. Nothing is
 * made smaller than the style's minimum to fit. */

typedef struct _SamLabels SamLabels;

typedef enum
{
  SAM_LABEL_BOLD      = 1 << 0,
  SAM_LABEL_PLATE     = 1 << 1,  /* on a plate of the background, so lines do not cross it */
  SAM_LABEL_WRAP      = 1 << 2,  /* wraps at the spot's width, ends in "…" at its height */
  SAM_LABEL_ELLIPSIZE = 1 << 3,  /* one line, ends in "…" at the spot's width */
  SAM_LABEL_UPRIGHT   = 1 << 4,  /* reads from bottom to top */
} SamLabelFlags;

/**
 * SamSpot:
 * @box: where the text may go. It is centred vertically in the box. With a width, it is
 *   aligned in it and must fit (or wrap, or be shortened, as the flags say); with a width
 *   of 0 or less it is one line that starts (@align START), ends (END) or is centred
 *   (CENTRE) at @box.x. Upright, it is centred across the box and starts at its foot
 *   (START), ends at its top (END) or is centred along it.
 * @host: the mark the text is written on, or -1: written on a mark, its ink stays inside
 *   that mark
 * @colour: (nullable): the text's colour here, for one written on a filled mark
 */
typedef struct
{
  SamRect         box;
  SamAlign        align;
  int             host;
  const SamRgba  *colour;
} SamSpot;

SamLabels *_sam_labels_new              (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         double                width,
                                         double                height);
void      _sam_labels_free              (SamLabels            *labels);
cairo_t  *_sam_labels_get_cr            (SamLabels            *labels);
const SamChartStyle *_sam_labels_get_style (SamLabels       *labels);
int       _sam_labels_add_mark          (SamLabels            *labels,
                                         const SamRect        *rect);
gboolean  _sam_labels_place             (SamLabels            *labels,
                                         const char           *text,
                                         double                size,
                                         SamLabelFlags         flags,
                                         const SamRgba        *colour,
                                         const SamSpot        *spots,
                                         guint                 n_spots);
gboolean  _sam_labels_place_at          (SamLabels            *labels,
                                         const char           *text,
                                         double                size,
                                         SamLabelFlags         flags,
                                         const SamRgba        *colour,
                                         const SamRect        *box,
                                         SamAlign              align);
void      _sam_labels_begin_group       (SamLabels            *labels);
gboolean  _sam_labels_end_group         (SamLabels            *labels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamLabels, _sam_labels_free)

/* For tests: what the next draws on this thread place (every label's box, size and host,
 * every mark) and leave out. */
typedef struct
{
  SamRect  rect;             /* the text's lines (ascent to descent), its plate included:
                              * what keeps labels apart */
  SamRect  ink;              /* the text's ink */
  SamRect  glyphs;           /* the ink with a tenth of the size around it (the plate's
                              * width, on a plate): what keeps it off the marks */
  double   size;
  int      host;             /* the index of the mark it is written on, or -1 */
  char    *text;
} SamChartLabelRecord;

typedef struct
{
  GArray  *labels;           /* SamChartLabelRecord */
  GArray  *marks;            /* SamRect */
  guint    n_left_out;
  GPtrArray *left_out;       /* char *, the texts left out */
  double   min_text;         /* the smallest text allowed where they were drawn */
  double   width;
  double   height;
} SamChartRecord;

void     _sam_chart_record_start        (SamChartRecord       *record);
void     _sam_chart_record_stop         (SamChartRecord       *record);
void     _sam_chart_record_clear        (SamChartRecord       *record);

/* A figure that is not shown is a neutral marker at the baseline, never a bar: a ring
 * struck through where it is withheld for fewer answers than the minimum, crossed where
 * it is withheld so that another cannot be worked out, an open ring where nobody
 * answered. */
void     _sam_chart_draw_withheld_marker (cairo_t             *cr,
                                          const SamChartStyle *style,
                                          const SamRect       *rect,
                                          SamWithheld          withheld);
SamLegendShape _sam_chart_withheld_shape (SamWithheld         withheld);
void     _sam_chart_draw_empty_marker   (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         const SamRect        *rect);

char    *_sam_chart_withheld_text       (const SamFigure      *figure,
                                         int                   k);
const char *_sam_chart_withheld_word    (void);
const char *_sam_chart_left_out_sentence (void);

char    *_sam_chart_format_mean         (double                mean);
char    *_sam_chart_format_percent      (double                percent);
char    *_sam_chart_figure_summary      (const SamFigure      *figure,
                                         int                   k);

double   _sam_chart_legend_height       (const SamChartStyle  *style,
                                         const SamLegendEntry *entries,
                                         guint                 n_entries,
                                         double                width);
void     _sam_chart_draw_legend         (SamLabels            *labels,
                                         const SamLegendEntry *entries,
                                         guint                 n_entries,
                                         const SamRect        *box);

SamLabels *_sam_chart_begin_paint       (cairo_t              *cr,
                                         const SamChartStyle  *style,
                                         double                width,
                                         double                height);
void     _sam_chart_draw_legend_free    (SamLabels            *labels,
                                         const SamLegendEntry *entries,
                                         guint                 n_entries,
                                         const SamRect        *box,
                                         char                 *texts[2]);

/* A kind's legend: its entries for @data, with the reasons for withheld figures put in @why
 * (the primary's, the secondary's, either left NULL) for the caller to free. */
typedef guint (*SamLegendFunc) (gconstpointer          data,
                                const SamChartStyle   *style,
                                char                  *why[2],
                                SamLegendEntry        *entries);

#define SAM_LEGEND_MAX_ENTRIES (SAM_MAX_CODES + SAM_N_UNITS + 3)

double   _sam_chart_legend_height_of    (const SamChartStyle  *style,
                                         SamLegendFunc         legend,
                                         gconstpointer         data,
                                         double                width);
void     _sam_chart_draw_legend_of      (SamLabels            *labels,
                                         SamLegendFunc         legend,
                                         gconstpointer         data,
                                         const SamRect        *box);
guint    _sam_chart_withheld_entries    (const SamChartStyle  *style,
                                         char                 *why[2],
                                         SamLegendEntry       *entries);
void     _sam_chart_draw_heading        (SamLabels            *labels,
                                         const char           *caption,
                                         const SamRect        *caption_box,
                                         SamLegendFunc         legend_of,
                                         gconstpointer         data,
                                         const SamRect        *legend);

/* A row of the comparison and the distribution (sam-chart-comparison.h), which the row
 * helpers below take; declared here so that this header stays below the kinds. */
typedef struct _SamComparisonRow SamComparisonRow;

/* Each unit @u present in each row @r of @rows, in reading order; the statement that follows
 * is the loop's body (a continue goes on to the next unit). */
#define SAM_CHART_FOREACH_PRESENT(rows, n_rows, r, u)                                     \
  for (guint r = 0; r < (n_rows); r++)                                                    \
    for (guint u = 0; u < SAM_N_UNITS; u++)                                               \
      if ((rows)[r].present[u])

void     _sam_chart_rows_withheld_why   (const SamComparisonRow *rows,
                                         guint                 n_rows,
                                         int                   k,
                                         char                 *why[2]);
guint    _sam_chart_rows_count_units    (const SamComparisonRow *rows,
                                         guint                 n_rows);
guint    _sam_chart_rows_most_n         (const SamComparisonRow *rows,
                                         guint                 n_rows);
void     _sam_chart_place_heading       (const SamChartStyle  *style,
                                         const char           *caption,
                                         SamLegendFunc         legend_of,
                                         gconstpointer         data,
                                         double                width,
                                         SamRect              *caption_box,
                                         SamRect              *legend);
void     _sam_chart_place_rows          (const SamChartStyle  *style,
                                         const SamRect        *legend,
                                         guint                 n_rows,
                                         double                height,
                                         double               *axis_y,
                                         double               *top,
                                         double               *row_height);
void     _sam_chart_rows_stack_bars     (const SamComparisonRow *rows,
                                         guint                 n_rows,
                                         const SamChartStyle  *style,
                                         double                top,
                                         double                row_height,
                                         double                thickness,
                                         SamRect              *bars);

void     _sam_chart_draw_tick           (SamLabels            *labels,
                                         const double          line[4],
                                         const char           *text,
                                         const SamRect        *box,
                                         SamAlign              align);
void     _sam_chart_place_why           (SamLabels            *labels,
                                         const SamFigure      *figure,
                                         int                   k,
                                         const char           *not_shown,
                                         const SamRect        *marker);
void     _sam_chart_draw_value_axis     (SamLabels            *labels,
                                         const SamRect        *plot,
                                         double                label_x);

void     _sam_chart_table_add_cells     (SamChartTable        *table,
                                         GPtrArray            *cells);
void     _sam_chart_table_add_figure    (GPtrArray            *cells,
                                         gboolean              present,
                                         const SamFigure      *figure);


/* A kind's public draw and layout functions alike: they fit the style to the surface
 * (_sam_chart_fit_style) and hand over to the kind's own paint () and compute_layout ().
 * sam_chart_NAME_draw paints the chart in (0, 0, width, height) of cr, on any surface;
 * sam_chart_NAME_layout says where everything goes at this size, for the paint function,
 * hit-testing and tests. Text is made smaller where the surface is too small for the
 * style's size, down to the medium's minimum. */
#define SAM_CHART_DEFINE_DRAW(name, Data)                                                 \
  void                                                                                    \
  sam_chart_##name##_draw (const Data *data, const SamChartStyle *style, cairo_t *cr,     \
                           double width, double height)                                   \
  {                                                                                       \
    SamChartStyle fitted;                                                                 \
                                                                                          \
    g_return_if_fail (data != NULL && style != NULL && cr != NULL);                       \
                                                                                          \
    _sam_chart_fit_style (style, width, height, &fitted);                                 \
    paint (data, &fitted, cr, width, height);                                             \
  }

#define SAM_CHART_DEFINE_LAYOUT(name, Data, Layout)                                       \
  void                                                                                    \
  sam_chart_##name##_layout (const Data *data, const SamChartStyle *style, double width,  \
                             double height, Layout *layout)                               \
  {                                                                                       \
    SamChartStyle fitted;                                                                 \
                                                                                          \
    g_return_if_fail (data != NULL && style != NULL && layout != NULL);                   \
                                                                                          \
    _sam_chart_fit_style (style, width, height, &fitted);                                 \
    compute_layout (data, &fitted, width, height, layout);                                \
  }

/* A kind's public marks function: the layout at this size, and the kind's own add_marks ()
 * to name its marks in it. */
#define SAM_CHART_DEFINE_MARKS(name, Data, Layout)                                        \
  GArray *                                                                                \
  sam_chart_##name##_marks (const Data *data, const SamChartStyle *style, double width,   \
                            double height)                                                \
  {                                                                                       \
    Layout layout = { 0 };                                                                \
    GArray *marks = sam_chart_marks_new ();                                               \
                                                                                          \
    g_return_val_if_fail (data != NULL && style != NULL, marks);                          \
                                                                                          \
    sam_chart_##name##_layout (data, style, width, height, &layout);                      \
    add_marks (data, style, &layout, marks);                                              \
    sam_chart_##name##_layout_clear (&layout);                                            \
    return marks;                                                                         \
  }

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
