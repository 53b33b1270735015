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

/* What the withheld markers mean, for the key: one entry for each reason found. */
static guint
withheld_entries (const SamHeatmapData *data,
                  const SamChartStyle  *style,
                  char                **why,
                  SamLegendEntry       *entries)
{
  const SamFigure *found[2];
  guint n = 0;

  find_withheld (data, found);
  for (guint w = 0; w < 2; w++)
    if (found[w] != NULL)
      {
        why[w] = _sam_chart_withheld_text (found[w], data->k);
        entries[n++] = (SamLegendEntry) { why[w], &style->dim,
                                          _sam_chart_withheld_shape (found[w]->withheld) };
      }
  return n;
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

static char *
key_text (void)
{
  /* Translators: beside the colour key of a heatmap. */
  return g_strdup (_("Mean (0–100)"));
}

/* Mapping: pure arithmetic on measured text, so that tests and hit-testing know where
 * everything is. */
static void
compute_layout (const SamHeatmapData *data,
                const SamChartStyle  *style,
                double                width,
                double                height,
                SamHeatmapLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double gap = 3 * style->scale;
  double key_height = MAX (font * 0.9, _sam_chart_line_height (style, small));
  double longest = 0;
  double cell_width, cell_height, grid_x, grid_y, grid_width, key_y;
  guint n_withheld;
  g_autofree char *key = key_text ();

  for (guint r = 0; r < data->n_rows; r++)
    longest = MAX (longest, _sam_chart_text_width (style, row_label (data, r), font, FALSE));
  layout->label_width = MIN (longest + font * 0.5, width * 0.28);
  layout->header_y = margin;
  /* Two lines of a column's name. */
  layout->header_height = 2 * _sam_chart_line_height (style, font) + font * 0.2;

  grid_x = margin + layout->label_width + margin;
  grid_y = layout->header_y + layout->header_height + font * 0.4;
  grid_width = MAX (width - grid_x - margin, 1);
  cell_width = MIN (grid_width / MAX (data->n_columns, 1), 28 * font);
  /* Labels and cells together in the middle, where the cells do not take the width. */
  grid_x += (grid_width - cell_width * data->n_columns) / 2;
  layout->label_x = grid_x - margin - layout->label_width;
  /* The key under the cells: its words and 0, a ramp to 100, then what the withheld
   * markers mean, if anything is withheld, on as many lines as that takes. */
  {
    double text = _sam_chart_text_width (style, key, small, FALSE) + small * 0.6 +
                  _sam_chart_text_width (style, "0", small, FALSE) + small * 0.3;
    SamLegendEntry entries[2];
    char *why[2] = { NULL, NULL };

    layout->key = (SamRect) { MAX (grid_x, margin + text), 0,
                              MAX (MIN (cell_width * data->n_columns * 0.4, 18 * font), font),
                              font * 0.9 };
    /* Under the key, the whole width. */
    layout->key_withheld.x = margin;
    layout->key_withheld.width = width - 2 * margin;
    n_withheld = withheld_entries (data, style, why, entries);
    layout->key_withheld.height =
      _sam_chart_legend_height (style, entries, n_withheld, layout->key_withheld.width);
    g_free (why[0]);
    g_free (why[1]);
    if (n_withheld == 0)
      layout->key_withheld = (SamRect) { 0, 0, 0, 0 };
  }
  cell_height = MIN ((height - grid_y - margin - key_height - layout->key_withheld.height -
                      font * 0.6) / MAX (data->n_rows, 1),
                     4.5 * font);
  cell_height = MAX (cell_height, 1);

  key_y = grid_y + data->n_rows * cell_height + font * 0.6;
  layout->key.y = key_y + (key_height - layout->key.height) / 2;
  if (n_withheld > 0)
    layout->key_withheld.y = key_y + key_height;
  layout->cells = g_new0 (SamRect, MAX (data->n_rows * data->n_columns, 1));
  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      layout->cells[r * data->n_columns + c] = (SamRect) {
        grid_x + c * cell_width + gap / 2, grid_y + r * cell_height + gap / 2,
        MAX (cell_width - gap, 1), MAX (cell_height - gap, 1)
      };
}

SAM_CHART_DEFINE_LAYOUT (heatmap, SamHeatmapData, SamHeatmapLayout)

void
sam_chart_heatmap_layout_clear (SamHeatmapLayout *layout)
{
  g_clear_pointer (&layout->cells, g_free);
}

/* The rows [@first, @last) to paint: those that reach into @cr's clip, and two more lines
 * around it for the words that could reach out of a row. A chart of 1,300 clinics is
 * tens of thousands of pixels tall and a window shows a few dozen rows of it; painted
 * whole (an export, a print-out, a widget that shows all of it), every row is painted. */
static void
rows_in_clip (const SamHeatmapData   *data,
              const SamHeatmapLayout *layout,
              cairo_t                *cr,
              double                  font,
              guint                  *first,
              guint                  *last)
{
  double x1, y1, x2, y2;

  *first = 0;
  *last = data->n_rows;
  if (data->n_columns == 0)
    return;
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  y1 -= 2 * font;
  y2 += 2 * font;
  while (*first < *last)
    {
      const SamRect *cell = &layout->cells[*first * data->n_columns];

      if (cell->y + cell->height >= y1)
        break;
      (*first)++;
    }
  while (*last > *first && layout->cells[(*last - 1) * data->n_columns].y > y2)
    (*last)--;
}

static void
paint (const SamHeatmapData *data,
       const SamChartStyle  *style,
       cairo_t              *cr,
       double                width,
       double                height)
{
  SamHeatmapLayout layout = { 0 };
  g_autoptr(SamLabels) labels = NULL;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double big = MAX (font * 1.1, small);
  double line_small = _sam_chart_line_height (style, small);
  double line_big = _sam_chart_line_height (style, big);
  g_autofree char *key = key_text ();
  int *hosts;
  SamRect box;
  guint first, last;

  sam_chart_heatmap_layout (data, style, width, height, &layout);
  labels = _sam_chart_begin_paint (cr, style, width, height);
  rows_in_clip (data, &layout, cr, font, &first, &last);

  /* Every cell first: the words in a cell stay inside it. */
  hosts = g_new (int, MAX (data->n_rows * data->n_columns, 1));
  for (guint i = first * data->n_columns; i < last * data->n_columns; i++)
    hosts[i] = _sam_labels_add_mark (labels, &layout.cells[i]);

  /* The columns' names over the cells, the rows' to their left. */
  for (guint c = 0; c < data->n_columns && data->n_rows > 0; c++)
    {
      const SamRect *cell = &layout.cells[c];

      box = (SamRect) { cell->x, layout.header_y, cell->width, layout.header_height };
      _sam_labels_place_at (labels, column_label (data, c), font, SAM_LABEL_BOLD | SAM_LABEL_WRAP,
                            &style->foreground, &box, SAM_ALIGN_CENTRE);
    }
  /* The last row first (the cluster, where the caller adds it): where not every row's
   * name fits, that one stays. */
  for (guint i = 0; i < data->n_rows && data->n_columns > 0; i++)
    {
      guint r = (i + data->n_rows - 1) % data->n_rows;
      const SamRect *cell = &layout.cells[r * data->n_columns];

      if (r < first || r >= last)
        continue;
      box = (SamRect) { layout.label_x, cell->y, layout.label_width, cell->height };
      _sam_labels_place_at (labels, row_label (data, r), font, SAM_LABEL_ELLIPSIZE,
                            &style->foreground, &box, SAM_ALIGN_END);
    }

  for (guint r = first; r < last; r++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        guint i = r * data->n_columns + c;
        const SamRect *cell = &layout.cells[i];
        const SamFigure *figure = cell_figure (data, r, c);

        if (figure->withheld != SAM_WITHHELD_NONE || figure->n == 0)
          {
            /* Nothing to colour: the cell outlined on the background, and why. */
            _sam_chart_set_colour (cr, &style->grid);
            cairo_set_line_width (cr, 1 * style->scale);
            cairo_rectangle (cr, cell->x + 0.5 * style->scale, cell->y + 0.5 * style->scale,
                             cell->width - style->scale, cell->height - style->scale);
            cairo_stroke (cr);
          }
        if (figure->withheld != SAM_WITHHELD_NONE)
          {
            double d = MIN (small, cell->height * 0.8);
            double word = _sam_chart_text_width (style, _sam_chart_withheld_word (), small, FALSE);
            double x = cell->x + MAX ((cell->width - d - small * 0.4 - word) / 2, small * 0.3);
            SamRect marker = { x, cell->y + (cell->height - d) / 2, d, d };
            SamSpot spot = { { x + d + small * 0.4, cell->y, 0, cell->height }, SAM_ALIGN_START,
                             hosts[i], NULL };

            _sam_chart_draw_withheld_marker (cr, style, &marker, figure->withheld);
            _sam_labels_add_mark (labels, &marker);
            _sam_labels_place (labels, _sam_chart_withheld_word (), small, 0, &style->foreground,
                               &spot, 1);
          }
        else if (figure->n == 0)
          {
            SamSpot spot = { *cell, SAM_ALIGN_CENTRE, hosts[i], NULL };

            _sam_labels_place (labels, _("no answers"), small, 0, &style->dim, &spot, 1);
          }
        else
          {
            SamRgba colour = sam_chart_heatmap_colour (style, figure->mean);
            const SamRgba *ink = _sam_chart_text_on (style, &colour);
            g_autofree char *mean = _sam_chart_format_mean (figure->mean);
            char n_text[32];
            double between = small * 0.1;
            double pair = line_big + between + line_small;
            double top = cell->y + (cell->height - pair) / 2;
            /* The mean with n under it where the cell is tall enough; else the mean in
             * the middle and n at the cell's right end, where it is wide enough. */
            SamSpot means[] = {
              { { cell->x, top, cell->width, line_big }, SAM_ALIGN_CENTRE, hosts[i], ink },
              { *cell, SAM_ALIGN_CENTRE, hosts[i], ink },
            };
            SamSpot ns[] = {
              { { cell->x, top + line_big + between, cell->width, line_small }, SAM_ALIGN_CENTRE,
                hosts[i], ink },
              { { cell->x, cell->y, cell->width - small * 0.6, cell->height }, SAM_ALIGN_END,
                hosts[i], ink },
            };

            _sam_chart_set_colour (cr, &colour);
            cairo_rectangle (cr, cell->x, cell->y, cell->width, cell->height);
            cairo_fill (cr);
            _sam_labels_place (labels, mean, big, SAM_LABEL_BOLD, ink,
                               cell->height >= pair ? &means[0] : &means[1],
                               cell->height >= pair ? 2 : 1);
            g_snprintf (n_text, sizeof n_text, "n %u", figure->n);
            _sam_labels_place (labels, n_text, small, 0, ink,
                               cell->height >= pair ? &ns[0] : &ns[1],
                               cell->height >= pair ? 2 : 1);
          }
      }

  /* The key: the ramp in steps, 0 and 100 at its ends; what the marker means. */
  if (layout.key.width > 0 && layout.key.y + layout.key.height <= height)
    {
      const guint steps = 40;
      double mid = layout.key.y + layout.key.height / 2;

      _sam_labels_add_mark (labels, &layout.key);
      for (guint i = 0; i < steps; i++)
        {
          SamRgba colour = sam_chart_heatmap_colour (style, 100.0 * (i + 0.5) / steps);

          _sam_chart_set_colour (cr, &colour);
          cairo_rectangle (cr, layout.key.x + layout.key.width * i / steps, layout.key.y,
                           layout.key.width / steps + 0.5, layout.key.height);
          cairo_fill (cr);
        }
      box = (SamRect) { layout.key.x - small * 0.3, mid, 0, 0 };
      _sam_labels_place_at (labels, "0", small, 0, &style->dim, &box, SAM_ALIGN_END);
      box.x -= _sam_chart_text_width (style, "0", small, FALSE) + small * 0.6;
      _sam_labels_place_at (labels, key, small, 0, &style->dim, &box, SAM_ALIGN_END);
      box = (SamRect) { layout.key.x + layout.key.width + small * 0.3, mid, 0, 0 };
      _sam_labels_place_at (labels, "100", small, 0, &style->dim, &box, SAM_ALIGN_START);

      if (layout.key_withheld.width > 0)
        {
          SamLegendEntry entries[2];
          char *why[2] = { NULL, NULL };
          guint n = withheld_entries (data, style, why, entries);

          _sam_chart_draw_legend_free (labels, entries, n, &layout.key_withheld, why);
        }
    }

  g_free (hosts);
  sam_chart_heatmap_layout_clear (&layout);
}

SAM_CHART_DEFINE_DRAW (heatmap, SamHeatmapData)

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
  g_string_append_printf (text, " %s", _sam_chart_left_out_sentence ());
  return g_string_free (text, FALSE);
}

static void
add_marks (const SamHeatmapData   *data,
           const SamChartStyle    *style,
           const SamHeatmapLayout *layout,
           GArray                 *marks)
{
  for (guint r = 0; r < data->n_rows; r++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        g_autofree char *summary = _sam_chart_figure_summary (cell_figure (data, r, c), data->k);

        sam_chart_marks_add (marks, &layout->cells[r * data->n_columns + c],
                             g_strdup_printf (_("%s — %s: %s"), row_label (data, r),
                                              column_label (data, c), summary));
      }
}

/**
 * sam_chart_heatmap_marks:
 *
 * Returns: (transfer full): a mark per cell, row by row
 */
SAM_CHART_DEFINE_MARKS (heatmap, SamHeatmapData, SamHeatmapLayout)

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

          _sam_chart_table_add_figure (cells, TRUE, figure);
        }
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (heatmap)
