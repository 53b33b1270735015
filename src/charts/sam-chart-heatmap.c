/* sam-chart-heatmap.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-heatmap"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sam-chart-heatmap.h"
#include "sam-chart-private.h"

static const char *
row_label (const SamHeatmapData *data,
           guint                 row)
{
  return data->row_labels != NULL && data->row_labels[row] != NULL ? data->row_labels[row] : "";
}

static const char *
column_label (const SamHeatmapData *data,
              guint                 column)
{
  return data->column_labels != NULL && data->column_labels[column] != NULL
           ? data->column_labels[column]
           : "";
}

static const SamFigure *
cell_figure (const SamHeatmapData *data,
             guint                 row,
             guint                 column)
{
  return &data->cells[row * data->n_columns + column];
}

/* The first withheld figure of each kind (primary, secondary), for the key. */
static void
find_withheld (const SamHeatmapData  *data,
               const SamFigure      **found)
{
  found[0] = found[1] = NULL;
  for (guint i = 0; i < data->n_rows * data->n_columns; i++)
    {
      const SamFigure *figure = &data->cells[i];

      if (figure->withheld == SAM_WITHHELD_PRIMARY && found[0] == NULL)
        found[0] = figure;
      else if (figure->withheld == SAM_WITHHELD_SECONDARY && found[1] == NULL)
        found[1] = figure;
    }
}

/**
 * sam_chart_heatmap_colour:
 *
 * Returns: the colour of a cell with @mean: the style's one-hue ramp, its mildest step at
 *   0 and its strongest at 100, evenly between
 */
SamRgba
sam_chart_heatmap_colour (const SamChartStyle *style,
                          double               mean)
{
  double position = (100 - CLAMP (mean, 0, 100)) / 100.0 * (SAM_MAX_CODES - 1);
  guint step = MIN ((guint) floor (position), SAM_MAX_CODES - 2);

  return _sam_chart_mix (&style->sequential[step], &style->sequential[step + 1], position - step);
}

/* Mapping: pure arithmetic, so that tests and hit-testing know where everything is. */
static void
compute_layout (const SamHeatmapData *data,
                const SamChartStyle  *style,
                double                width,
                double                height,
                SamHeatmapLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double gap = 3 * style->scale;
  double key_height = font * 1.6;
  double longest = 0;
  double cell_width, cell_height, grid_x, grid_y, grid_width;
  const SamFigure *withheld[2];

  for (guint r = 0; r < data->n_rows; r++)
    longest = MAX (longest, _sam_chart_estimate_width (row_label (data, r), font));
  layout->label_width = MIN (longest + font, width * 0.28);
  layout->header_y = margin;
  layout->header_height = font * 2.8;          /* two lines of a column's name */

  grid_x = margin + layout->label_width + margin;
  grid_y = layout->header_y + layout->header_height + font * 0.4;
  grid_width = MAX (width - grid_x - margin, 1);
  cell_width = MIN (grid_width / MAX (data->n_columns, 1), 28 * font);
  /* Labels and cells together in the middle, where the cells do not take the width. */
  grid_x += (grid_width - cell_width * data->n_columns) / 2;
  layout->label_x = grid_x - margin - layout->label_width;
  cell_height =
    MIN ((height - grid_y - margin - key_height - font * 1.2) / MAX (data->n_rows, 1), 4.5 * font);
  cell_height = MAX (cell_height, 1);

  layout->cells = g_new0 (SamRect, MAX (data->n_rows * data->n_columns, 1));
  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      layout->cells[r * data->n_columns + c] = (SamRect) {
        grid_x + c * cell_width + gap / 2, grid_y + r * cell_height + gap / 2,
        MAX (cell_width - gap, 1), MAX (cell_height - gap, 1)
      };

  /* The key under the cells: a ramp from 0 to 100, then the hatched square if any. */
  find_withheld (data, withheld);
  {
    /* Translators: beside the colour key of a heatmap. */
    double text = _sam_chart_estimate_width (_("Mean (0–100)"), font * 0.85) + font * 2.6;

    layout->key =
      (SamRect) { grid_x + text, grid_y + data->n_rows * cell_height + font * 0.6,
                  MAX (MIN (cell_width * data->n_columns * 0.4, 18 * font), font), font * 0.9 };
  }
  if (withheld[0] != NULL || withheld[1] != NULL)
    layout->key_withheld = (SamRect) { layout->key.x + layout->key.width + 3 * font, layout->key.y,
                                       font * 0.9, font * 0.9 };
  else
    layout->key_withheld = (SamRect) { 0, 0, 0, 0 };
}

/**
 * sam_chart_heatmap_layout:
 *
 * Where everything goes at this size, for the paint function, hit-testing and tests.
 * Text is made smaller where the surface is too small for the style's size.
 */
void
sam_chart_heatmap_layout (const SamHeatmapData *data,
                          const SamChartStyle  *style,
                          double                width,
                          double                height,
                          SamHeatmapLayout     *layout)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && layout != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  compute_layout (data, &fitted, width, height, layout);
}

void
sam_chart_heatmap_layout_clear (SamHeatmapLayout *layout)
{
  g_clear_pointer (&layout->cells, g_free);
}

static void
paint (const SamHeatmapData *data,
       const SamChartStyle  *style,
       cairo_t              *cr,
       double                width,
       double                height)
{
  SamHeatmapLayout layout = { 0 };
  double font = SAM_CHART_FONT (style);
  double small = font * 0.85;
  double margin = 12 * style->scale;
  const SamFigure *withheld[2];
  SamRect box;

  sam_chart_heatmap_layout (data, style, width, height, &layout);
  _sam_chart_paint_background (cr, style);

  /* The columns' names over the cells, the rows' to their left. */
  for (guint c = 0; c < data->n_columns && data->n_rows > 0; c++)
    {
      const SamRect *cell = &layout.cells[c];

      box = (SamRect) { cell->x, layout.header_y, cell->width, layout.header_height };
      _sam_chart_set_colour (cr, &style->foreground);
      _sam_chart_draw_text (cr, style, column_label (data, c), &box, font, TRUE, SAM_ALIGN_CENTRE);
    }
  for (guint r = 0; r < data->n_rows && data->n_columns > 0; r++)
    {
      const SamRect *cell = &layout.cells[r * data->n_columns];

      box = (SamRect) { layout.label_x, cell->y, layout.label_width, cell->height };
      _sam_chart_set_colour (cr, &style->foreground);
      _sam_chart_draw_text (cr, style, row_label (data, r), &box, MIN (font, cell->height * 0.7),
                            FALSE, SAM_ALIGN_END);
    }

  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        const SamRect *cell = &layout.cells[r * data->n_columns + c];
        const SamFigure *figure = cell_figure (data, r, c);
        double size = MIN (font * 1.1, cell->height * 0.42);
        double n_size = MIN (small, cell->height * 0.26);

        if (figure->withheld != SAM_WITHHELD_NONE)
          {
            _sam_chart_draw_hatch (cr, style, cell);
            box =
              (SamRect) { cell->x + small * 0.3, cell->y, cell->width - small * 0.6, cell->height };
            _sam_chart_draw_plated_text (cr, style, _sam_chart_withheld_word (), &box,
                                         MIN (small, cell->height * 0.5), SAM_ALIGN_CENTRE);
          }
        else if (figure->n == 0)
          {
            _sam_chart_set_colour (cr, &style->grid);
            cairo_set_line_width (cr, 1 * style->scale);
            cairo_rectangle (cr, cell->x + 0.5 * style->scale, cell->y + 0.5 * style->scale,
                             cell->width - style->scale, cell->height - style->scale);
            cairo_stroke (cr);
            box = (SamRect) { cell->x, cell->y, cell->width, cell->height };
            _sam_chart_set_colour (cr, &style->dim);
            _sam_chart_draw_text (cr, style, _("no answers"), &box,
                                  MIN (small, cell->height * 0.5), FALSE, SAM_ALIGN_CENTRE);
          }
        else
          {
            SamRgba colour = sam_chart_heatmap_colour (style, figure->mean);
            const SamRgba *ink = _sam_chart_text_on (style, &colour);
            g_autofree char *mean = _sam_chart_format_mean (figure->mean);
            char n_text[32];
            gboolean room_for_n = n_size >= small * 0.6;

            _sam_chart_set_colour (cr, &colour);
            cairo_rectangle (cr, cell->x, cell->y, cell->width, cell->height);
            cairo_fill (cr);
            /* The mean in the middle, n small below it, in a colour that stands out. */
            box = (SamRect) { cell->x, cell->y + (room_for_n ? cell->height * 0.08 : 0),
                              cell->width, room_for_n ? cell->height * 0.55 : cell->height };
            _sam_chart_set_colour (cr, ink);
            _sam_chart_draw_text (cr, style, mean, &box, size, TRUE, SAM_ALIGN_CENTRE);
            g_snprintf (n_text, sizeof n_text, "n %u", figure->n);
            if (room_for_n)
              {
                box = (SamRect) { cell->x, cell->y + cell->height * 0.6, cell->width,
                                  cell->height * 0.32 };
                _sam_chart_draw_text (cr, style, n_text, &box, n_size, FALSE, SAM_ALIGN_CENTRE);
              }
            else if (cell->width > 6 * (size + small))
              {
                /* A low cell: n at its right end instead. */
                box = (SamRect) { cell->x, cell->y, cell->width - small * 0.6, cell->height };
                _sam_chart_draw_text (cr, style, n_text, &box,
                                      MIN (small * 0.85, cell->height * 0.6), FALSE, SAM_ALIGN_END);
              }
          }
      }

  /* The key: the ramp in steps, 0 and 100 at its ends; what hatching means. */
  if (layout.key.width > 0 && layout.key.y + layout.key.height <= height)
    {
      const guint steps = 40;

      for (guint i = 0; i < steps; i++)
        {
          SamRgba colour = sam_chart_heatmap_colour (style, 100.0 * (i + 0.5) / steps);

          _sam_chart_set_colour (cr, &colour);
          cairo_rectangle (cr, layout.key.x + layout.key.width * i / steps, layout.key.y,
                           layout.key.width / steps + 0.5, layout.key.height);
          cairo_fill (cr);
        }
      _sam_chart_set_colour (cr, &style->dim);
      box = (SamRect) { margin, layout.key.y - small * 0.3, layout.key.x - margin - small * 2.2,
                        layout.key.height + small * 0.6 };
      _sam_chart_draw_text (cr, style, _("Mean (0–100)"), &box, small, FALSE, SAM_ALIGN_END);
      box = (SamRect) { layout.key.x - small * 2.1, layout.key.y, small * 2, layout.key.height };
      _sam_chart_draw_text (cr, style, "0", &box, small, FALSE, SAM_ALIGN_END);
      box = (SamRect) { layout.key.x + layout.key.width + small * 0.3, layout.key.y, small * 2.6,
                        layout.key.height };
      _sam_chart_draw_text (cr, style, "100", &box, small, FALSE, SAM_ALIGN_START);

      find_withheld (data, withheld);
      if (layout.key_withheld.width > 0)
        {
          g_autofree char *why = NULL;
          g_autofree char *other = NULL;

          _sam_chart_draw_hatch (cr, style, &layout.key_withheld);
          why = _sam_chart_withheld_text (withheld[0] != NULL ? withheld[0] : withheld[1], data->k);
          if (withheld[0] != NULL && withheld[1] != NULL)
            {
              g_autofree char *second = _sam_chart_withheld_reason (withheld[1], data->k);

              /* Translators: two reasons in the key of a chart, joined. */
              other = g_strdup_printf (_("%s; %s"), why, second);
            }
          /* Up to two lines, so that the reason is not cut short in a narrow chart. */
          box = (SamRect) { layout.key_withheld.x + layout.key_withheld.width + small * 0.5,
                            layout.key.y + layout.key.height / 2 - small * 1.3,
                            width - margin -
                             (layout.key_withheld.x + layout.key_withheld.width + small * 0.5),
                            small * 2.6 };
          _sam_chart_set_colour (cr, &style->foreground);
          _sam_chart_draw_text (cr, style, other != NULL ? other : why, &box, small, FALSE,
                                SAM_ALIGN_START);
        }
    }

  sam_chart_heatmap_layout_clear (&layout);
}

/**
 * sam_chart_heatmap_draw:
 *
 * Paints the chart in (0, 0, @width, @height) of @cr, on any surface.
 */
void
sam_chart_heatmap_draw (const SamHeatmapData *data,
                        const SamChartStyle  *style,
                        cairo_t              *cr,
                        double                width,
                        double                height)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && cr != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  paint (data, &fitted, cr, width, height);
}

/**
 * sam_chart_heatmap_describe:
 *
 * Returns: (transfer full): what the chart shows, for a screen reader: each cell's
 *   figure, row by row
 */
char *
sam_chart_heatmap_describe (const SamHeatmapData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the first sentence describing the heatmap, read out before its cells. */
  g_string_append (text, _("The mean score (0–100) of each row in each column; the stronger the "
                            "colour, the higher the mean."));
  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        g_autofree char *summary = _sam_chart_figure_summary (cell_figure (data, r, c), data->k);

        g_string_append_printf (text, _(" %s, %s: %s."), row_label (data, r),
                                column_label (data, c), summary);
      }
  return g_string_free (text, FALSE);
}

/**
 * sam_chart_heatmap_marks:
 *
 * Returns: (transfer full): a mark per cell, row by row
 */
GArray *
sam_chart_heatmap_marks (const SamHeatmapData *data,
                         const SamChartStyle  *style,
                         double                width,
                         double                height)
{
  SamHeatmapLayout layout = { 0 };
  GArray *marks = sam_chart_marks_new ();

  g_return_val_if_fail (data != NULL && style != NULL, marks);

  sam_chart_heatmap_layout (data, style, width, height, &layout);
  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        g_autofree char *summary = _sam_chart_figure_summary (cell_figure (data, r, c), data->k);

        sam_chart_marks_add (marks, &layout.cells[r * data->n_columns + c],
                             g_strdup_printf (_("%s — %s: %s"), row_label (data, r),
                                              column_label (data, c), summary));
      }
  sam_chart_heatmap_layout_clear (&layout);
  return marks;
}

/**
 * sam_chart_heatmap_table:
 *
 * Returns: (transfer full): a row per row of cells: each column's mean and n
 */
SamChartTable *
sam_chart_heatmap_table (const SamHeatmapData *data)
{
  SamChartTable *table;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the caption of a chart's table. */
  table = sam_chart_table_new (_("Mean score (0–100) and number of answers, clinic by clinic"));
  /* Translators: a table's column heading: the clinic's code. */
  sam_chart_table_add_column (table, C_("column", "Clinic"));
  for (guint c = 0; c < data->n_columns; c++)
    {
      g_autofree char *mean = g_strdup_printf (_("%s mean"), column_label (data, c));
      g_autofree char *n = g_strdup_printf (_("%s n"), column_label (data, c));

      sam_chart_table_add_column (table, mean);
      sam_chart_table_add_column (table, n);
    }
  for (guint r = 0; r < data->n_rows; r++)
    {
      g_ptr_array_add (cells, g_strdup (row_label (data, r)));
      for (guint c = 0; c < data->n_columns; c++)
        {
          const SamFigure *figure = cell_figure (data, r, c);

          if (figure->withheld != SAM_WITHHELD_NONE)
            {
              g_ptr_array_add (cells, g_strdup (_sam_chart_withheld_word ()));
              g_ptr_array_add (cells, g_strdup (_sam_chart_withheld_word ()));
            }
          else if (figure->n == 0)
            {
              g_ptr_array_add (cells, g_strdup (_("no answers")));
              g_ptr_array_add (cells, g_strdup ("0"));
            }
          else
            {
              g_ptr_array_add (cells, _sam_chart_format_mean (figure->mean));
              g_ptr_array_add (cells, g_strdup_printf ("%u", figure->n));
            }
        }
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (heatmap)
