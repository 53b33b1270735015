/* sam-chart-paint.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart"

#include "config.h"

#include <math.h>

#include "sam-chart-comparison.h"
#include "sam-chart-private.h"

/* What every kind paints alike around its own marks: the axes' lines and numbers, why a
 * figure is not shown, and the legend. */

/* Legends flow left to right and wrap; each entry is a swatch and its label, measured. */

static double
swatch_width (const SamChartStyle  *style,
              const SamLegendEntry *entry)
{
  double font = SAM_CHART_FONT (style);

  return entry->shape == SAM_LEGEND_LINE || entry->shape == SAM_LEGEND_DASH ? 2 * font : font;
}

static double
entry_width (const SamChartStyle  *style,
             const SamLegendEntry *entry)
{
  double font = SAM_CHART_FONT (style);

  return swatch_width (style, entry) + 0.5 * font +
         _sam_chart_text_width (style, entry->label, font, FALSE) + 1.6 * font;
}

static double
legend_line (const SamChartStyle *style)
{
  double font = SAM_CHART_FONT (style);

  return MAX (font * 1.7, _sam_chart_line_height (style, font) + 0.3 * font);
}

double
_sam_chart_legend_height (const SamChartStyle  *style,
                          const SamLegendEntry *entries,
                          guint                 n_entries,
                          double                width)
{
  double x = 0;
  guint lines = n_entries > 0 ? 1 : 0;

  for (guint i = 0; i < n_entries; i++)
    {
      double w = MIN (entry_width (style, &entries[i]), width);

      if (x > 0 && x + w > width)
        {
          lines++;
          x = 0;
        }
      x += w;
    }
  return lines * legend_line (style);
}

void
_sam_chart_draw_legend (SamLabels            *labels,
                        const SamLegendEntry *entries,
                        guint                 n_entries,
                        const SamRect        *box)
{
  const SamChartStyle *style = _sam_labels_get_style (labels);
  cairo_t *cr = _sam_labels_get_cr (labels);
  double font = SAM_CHART_FONT (style);
  double line = legend_line (style);
  double x = box->x, y = box->y;

  for (guint i = 0; i < n_entries; i++)
    {
      const SamLegendEntry *entry = &entries[i];
      double w = MIN (entry_width (style, entry), box->width);
      double swatch = swatch_width (style, entry);
      double mid;
      SamRect square, text;

      if (x > box->x && x + w > box->x + box->width)
        {
          x = box->x;
          y += line;
        }
      mid = y + line / 2;
      square = (SamRect) { x, mid - font / 2, swatch, font };
      _sam_labels_add_mark (labels, &square);
      switch (entry->shape)
        {
        case SAM_LEGEND_WITHHELD:
          _sam_chart_draw_withheld_marker (cr, style, &square, SAM_WITHHELD_PRIMARY);
          break;
        case SAM_LEGEND_WITHHELD_SECONDARY:
          _sam_chart_draw_withheld_marker (cr, style, &square, SAM_WITHHELD_SECONDARY);
          break;
        case SAM_LEGEND_EMPTY:
          _sam_chart_draw_empty_marker (cr, style, &square);
          break;
        case SAM_LEGEND_LINE:
        case SAM_LEGEND_DASH:
          {
            double dash = 4 * style->scale;

            _sam_chart_set_colour (cr, entry->colour);
            cairo_set_line_width (cr, 2.5 * style->scale);
            if (entry->shape == SAM_LEGEND_DASH)
              cairo_set_dash (cr, &dash, 1, 0);
            cairo_move_to (cr, square.x, mid);
            cairo_line_to (cr, square.x + square.width, mid);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        case SAM_LEGEND_OUTLINE:
          _sam_chart_set_colour (cr, entry->colour);
          cairo_set_line_width (cr, 2.5 * style->scale);
          cairo_rectangle (cr, square.x + 1.25 * style->scale, square.y + 1.25 * style->scale,
                           square.width - 2.5 * style->scale, square.height - 2.5 * style->scale);
          cairo_stroke (cr);
          break;
        case SAM_LEGEND_SWATCH:
        default:
          _sam_chart_set_colour (cr, entry->colour);
          cairo_rectangle (cr, square.x, square.y, square.width, square.height);
          cairo_fill (cr);
          break;
        }
      text = (SamRect) { x + swatch + 0.5 * font, y, w - swatch - 0.5 * font - 0.6 * font, line };
      _sam_labels_place_at (labels, entry->label, font, SAM_LABEL_ELLIPSIZE, &style->foreground,
                            &text, SAM_ALIGN_START);
      x += w;
    }
}


/* The first stage of every kind's paint: the background over the whole surface, and the
 * SamLabels that every word of the chart then goes through. */
SamLabels *
_sam_chart_begin_paint (cairo_t             *cr,
                        const SamChartStyle *style,
                        double               width,
                        double               height)
{
  _sam_chart_set_colour (cr, &style->background);
  cairo_paint (cr);
  return _sam_labels_new (cr, style, width, height);
}

/* The legend, as _sam_chart_draw_legend() draws it; then frees the two texts its entries
 * were made with (the withheld reasons, either NULL). */
void
_sam_chart_draw_legend_free (SamLabels            *labels,
                             const SamLegendEntry *entries,
                             guint                 n_entries,
                             const SamRect        *box,
                             char                 *texts[2])
{
  _sam_chart_draw_legend (labels, entries, n_entries, box);
  g_free (texts[0]);
  g_free (texts[1]);
}

/* An axis's grid line from (@line[0], @line[1]) to (@line[2], @line[3]), and its number,
 * @text, in @box. */
void
_sam_chart_draw_tick (SamLabels     *labels,
                      const double   line[4],
                      const char    *text,
                      const SamRect *box,
                      SamAlign       align)
{
  const SamChartStyle *style = _sam_labels_get_style (labels);
  cairo_t *cr = _sam_labels_get_cr (labels);

  _sam_chart_set_colour (cr, &style->grid);
  cairo_move_to (cr, line[0], line[1]);
  cairo_line_to (cr, line[2], line[3]);
  cairo_stroke (cr);
  _sam_labels_place_at (labels, text, SAM_CHART_SMALL (style), 0, &style->dim, box, align);
}

/* The mean's axis up the left of @plot, 0 at its foot and 100 at its top: a grid line
 * across it at 0, 25, 50, 75 and 100 where there is room for all five (else at 0, 50 and
 * 100), each with its number ending at @label_x. */
void
_sam_chart_draw_value_axis (SamLabels     *labels,
                            const SamRect *plot,
                            double         label_x)
{
  const SamChartStyle *style = _sam_labels_get_style (labels);
  double line_small = _sam_chart_line_height (style, SAM_CHART_SMALL (style));

  cairo_set_line_width (_sam_labels_get_cr (labels), 1 * style->scale);
  for (int tick = 0; tick <= 100; tick += plot->height / 4 >= line_small * 1.2 ? 25 : 50)
    {
      double y = plot->y + plot->height * (1 - CLAMP (tick, 0, 100) / 100.0);
      SamRect box = { label_x, y, 0, 0 };
      char text[8];

      g_snprintf (text, sizeof text, "%d", tick);
      _sam_chart_draw_tick (labels, (double[]) { plot->x, y, plot->x + plot->width, y }, text,
                            &box, SAM_ALIGN_END);
    }
}

/* Beside the marker at @marker of a figure that is not shown, why there is no bar: why
 * it is withheld, or @not_shown; where the reason does not fit, the withheld word. */
void
_sam_chart_place_why (SamLabels       *labels,
                      const SamFigure *figure,
                      int              k,
                      const char      *not_shown,
                      const SamRect   *marker)
{
  const SamChartStyle *style = _sam_labels_get_style (labels);
  double small = SAM_CHART_SMALL (style);
  g_autofree char *why = figure->withheld != SAM_WITHHELD_NONE
                           ? _sam_chart_withheld_text (figure, k)
                           : g_strdup (not_shown);
  SamRect box = { marker->x + marker->width + SAM_CHART_FONT (style) * 0.4,
                  marker->y + marker->height / 2, 0, 0 };

  if (!_sam_labels_place_at (labels, why, small, SAM_LABEL_PLATE, &style->foreground, &box,
                             SAM_ALIGN_START) &&
      figure->withheld != SAM_WITHHELD_NONE)
    _sam_labels_place_at (labels, _sam_chart_withheld_word (), small, SAM_LABEL_PLATE,
                          &style->foreground, &box, SAM_ALIGN_START);
}

/* Legends from a kind's own list of entries: the list is made afresh for measuring and for
 * drawing, and the reasons for withheld figures it was made with are freed after. */

double
_sam_chart_legend_height_of (const SamChartStyle *style,
                             SamLegendFunc        legend,
                             gconstpointer        data,
                             double               width)
{
  SamLegendEntry entries[SAM_LEGEND_MAX_ENTRIES];
  char *why[2] = { NULL, NULL };
  double height = _sam_chart_legend_height (style, entries, legend (data, style, why, entries),
                                             width);

  g_free (why[0]);
  g_free (why[1]);
  return height;
}

void
_sam_chart_draw_legend_of (SamLabels     *labels,
                           SamLegendFunc  legend,
                           gconstpointer  data,
                           const SamRect *box)
{
  SamLegendEntry entries[SAM_LEGEND_MAX_ENTRIES];
  char *why[2] = { NULL, NULL };
  guint n_entries = legend (data, _sam_labels_get_style (labels), why, entries);

  _sam_chart_draw_legend_free (labels, entries, n_entries, box, why);
}

/* The legend's entries for the withheld markers @why has a reason for (the primary's first,
 * then the secondary's); how many it added. */
guint
_sam_chart_withheld_entries (const SamChartStyle *style,
                             char                *why[2],
                             SamLegendEntry      *entries)
{
  guint n = 0;

  for (guint kind = 0; kind < 2; kind++)
    if (why[kind] != NULL)
      entries[n++] = (SamLegendEntry) { why[kind], &style->dim,
                                        kind == 1 ? SAM_LEGEND_WITHHELD_SECONDARY
                                                  : SAM_LEGEND_WITHHELD };
  return n;
}

/* What the kinds drawn from SamComparisonRow (comparison, distribution) share. */

/* The reasons for the first primary and the first secondary withheld figure among the units
 * present in @rows, each left NULL where there is none. */
void
_sam_chart_rows_withheld_why (const SamComparisonRow *rows,
                              guint                   n_rows,
                              int                     k,
                              char                   *why[2])
{
  const SamFigure *found[2] = { NULL, NULL };

  SAM_CHART_FOREACH_PRESENT (rows, n_rows, r, u)
    {
      const SamFigure *figure = &rows[r].figures[u];

      if (figure->withheld == SAM_WITHHELD_PRIMARY && found[0] == NULL)
        found[0] = figure;
      else if (figure->withheld == SAM_WITHHELD_SECONDARY && found[1] == NULL)
        found[1] = figure;
    }
  for (guint w = 0; w < 2; w++)
    if (found[w] != NULL)
      why[w] = _sam_chart_withheld_text (found[w], k);
}

/* How many units are present in at least one of @rows; at least 1, to share a row among. */
guint
_sam_chart_rows_count_units (const SamComparisonRow *rows,
                             guint                   n_rows)
{
  guint n_units = 0;

  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; r < n_rows; r++)
      if (rows[r].present[u])
        {
          n_units++;
          break;
        }
  return MAX (n_units, 1);
}

/* The most answers behind any one figure of @rows. */
guint
_sam_chart_rows_most_n (const SamComparisonRow *rows,
                        guint                   n_rows)
{
  guint most = 0;

  for (guint r = 0; r < n_rows; r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      most = MAX (most, rows[r].figures[u].n);
  return most;
}

/* The top of a chart @width wide: the caption (of no height where @caption is NULL or
 * empty), then the legend below it. */
void
_sam_chart_place_heading (const SamChartStyle *style,
                          const char          *caption,
                          SamLegendFunc        legend_of,
                          gconstpointer        data,
                          double               width,
                          SamRect             *caption_box,
                          SamRect             *legend)
{
  double margin = 12 * style->scale;
  double small = SAM_CHART_SMALL (style);

  *caption_box = (SamRect) { margin, margin, width - 2 * margin, 0 };
  if (caption != NULL && *caption != '\0')
    {
      double text_width = _sam_chart_text_width (style, caption, small, FALSE);
      /* Room for one line more than the words need when wrapped, up to three. */
      int lines = MIN (3, (int) ceil (text_width / MAX (caption_box->width, 1) * 1.1));

      caption_box->height = MAX (lines, 1) * _sam_chart_line_height (style, small);
    }
  *legend = (SamRect) { margin,
                        caption_box->y + caption_box->height +
                          (caption_box->height > 0 ? 0.4 * SAM_CHART_FONT (style) : 0),
                        width - 2 * margin, 0 };
  legend->height = _sam_chart_legend_height_of (style, legend_of, data, legend->width);
}

/* Below @legend, in a chart @height tall: the axis' labels at *@axis_y, then to the foot of
 * the chart a band a row, from *@top, each *@row_height tall. */
void
_sam_chart_place_rows (const SamChartStyle *style,
                       const SamRect       *legend,
                       guint                n_rows,
                       double               height,
                       double              *axis_y,
                       double              *top,
                       double              *row_height)
{
  double font = SAM_CHART_FONT (style);

  *axis_y = legend->y + legend->height + font * 0.4;
  *top = *axis_y + _sam_chart_line_height (style, SAM_CHART_SMALL (style)) + font * 0.6;
  *row_height = n_rows > 0 ? MAX (height - *top - 12 * style->scale, 0) / n_rows : 0;
}

/* The caption and the legend where _sam_chart_place_heading() put them. */
void
_sam_chart_draw_heading (SamLabels     *labels,
                         const char    *caption,
                         const SamRect *caption_box,
                         SamLegendFunc  legend_of,
                         gconstpointer  data,
                         const SamRect *legend)
{
  const SamChartStyle *style = _sam_labels_get_style (labels);

  if (caption_box->height > 0)
    _sam_labels_place_at (labels, caption, SAM_CHART_SMALL (style), SAM_LABEL_WRAP, &style->dim,
                          caption_box, SAM_ALIGN_START);
  _sam_chart_draw_legend_of (labels, legend_of, data, legend);
}

/* Each row's present units' bars, one under the other in the middle of the row's band,
 * each @thickness of its slot: their y and height in @bars (n_rows * SAM_N_UNITS); x and
 * width are the kind's to set. */
void
_sam_chart_rows_stack_bars (const SamComparisonRow *rows,
                            guint                   n_rows,
                            const SamChartStyle    *style,
                            double                  top,
                            double                  row_height,
                            double                  thickness,
                            SamRect                *bars)
{
  guint n_units = _sam_chart_rows_count_units (rows, n_rows);
  double font = SAM_CHART_FONT (style);

  for (guint r = 0; r < n_rows; r++)
    {
      double bar_height = MIN (row_height * 0.8 / n_units, 3 * font);
      double y = top + r * row_height + (row_height - bar_height * n_units) / 2;
      guint slot = 0;

      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          SamRect *bar = &bars[r * SAM_N_UNITS + u];

          if (!rows[r].present[u])
            continue;
          bar->y = y + slot * bar_height;
          bar->height = bar_height * thickness;
          slot++;
        }
    }
}
