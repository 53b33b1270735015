/* sam-chart-comparison.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-chart-comparison.h"
#include "sam-chart-private.h"

static guint
legend_entries (const SamComparisonData *data,
                const SamChartStyle     *style,
                SamLegendEntry          *entries)
{
  guint n = 0;
  gboolean withheld = FALSE;

  for (guint u = 0; u < SAM_N_UNITS; u++)
    if (data->unit_names[u] != NULL)
      entries[n++] = (SamLegendEntry) { data->unit_names[u], &style->units[u], SAM_LEGEND_SWATCH };
  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      if (data->rows[r].present[u] && data->rows[r].figures[u].withheld != SAM_WITHHELD_NONE)
        withheld = TRUE;
  if (withheld)
    /* Translators: in a chart's legend, beside a hatched square. */
    entries[n++] = (SamLegendEntry) { C_("legend", "Withheld"), &style->dim, SAM_LEGEND_HATCH };
  return n;
}

/* Mapping: pure arithmetic, so that tests and hit-testing know where everything is. */
static void
compute_layout (const SamComparisonData *data,
                const SamChartStyle     *style,
                double                   width,
                double                   height,
                SamComparisonLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double n_width = 6.8 * font * 0.85;   /* room for "100.0  n 999" beside the longest bar */
  SamLegendEntry entries[SAM_N_UNITS + 1];
  double top, row_height;
  guint n_units = 0;

  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; r < data->n_rows; r++)
      if (data->rows[r].present[u])
        {
          n_units++;
          break;
        }
  n_units = MAX (n_units, 1);

  layout->legend = (SamRect) { margin, margin, width - 2 * margin, 0 };
  layout->legend.height =
    _sam_chart_legend_height (style, entries, legend_entries (data, style, entries),
                              layout->legend.width);
  layout->label_width = MIN (width * 0.34, 28 * font);
  layout->plot_x = margin + layout->label_width + margin;
  layout->plot_width = MAX (width - layout->plot_x - margin - n_width, 1);
  top = layout->legend.y + layout->legend.height + font * 2.2;
  row_height = data->n_rows > 0 ? (height - top - margin) / data->n_rows : 0;

  layout->n_bars = data->n_rows * SAM_N_UNITS;
  layout->bars = g_new0 (SamRect, layout->n_bars);
  for (guint r = 0; r < data->n_rows; r++)
    {
      double bar_height = MIN (row_height * 0.8 / n_units, 3 * font);
      double y = top + r * row_height + (row_height - bar_height * n_units) / 2;
      guint slot = 0;

      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamFigure *figure = &data->rows[r].figures[u];
          SamRect *bar = &layout->bars[r * SAM_N_UNITS + u];

          if (!data->rows[r].present[u])
            continue;
          bar->x = layout->plot_x;
          bar->y = y + slot * bar_height;
          bar->height = bar_height * 0.86;
          /* A withheld figure takes the whole axis, hatched: never a zero, never a gap. */
          bar->width = figure->withheld != SAM_WITHHELD_NONE ? layout->plot_width
                     : figure->n > 0 ? layout->plot_width * CLAMP (figure->mean, 0, 100) / 100.0
                     : 0;
          slot++;
        }
    }
}

/**
 * sam_chart_comparison_layout:
 *
 * Where everything goes at this size, for the paint function, hit-testing and tests.
 * Text is made smaller where the surface is too small for the style's size.
 */
void
sam_chart_comparison_layout (const SamComparisonData *data,
                             const SamChartStyle     *style,
                             double                   width,
                             double                   height,
                             SamComparisonLayout     *layout)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && layout != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  compute_layout (data, &fitted, width, height, layout);
}

void
sam_chart_comparison_layout_clear (SamComparisonLayout *layout)
{
  g_clear_pointer (&layout->bars, g_free);
  layout->n_bars = 0;
}

static void
paint (const SamComparisonData *data,
       const SamChartStyle     *style,
       cairo_t                 *cr,
       double                   width,
       double                   height)
{
  SamComparisonLayout layout = { 0 };
  SamLegendEntry entries[SAM_N_UNITS + 1];
  double font = SAM_CHART_FONT (style);
  double small = font * 0.85;
  guint n_entries;

  sam_chart_comparison_layout (data, style, width, height, &layout);

  _sam_chart_paint_background (cr, style);

  n_entries = legend_entries (data, style, entries);
  _sam_chart_draw_legend (cr, style, entries, n_entries, &layout.legend);

  /* The axis: 0, 25, 50, 75, 100. */
  cairo_set_line_width (cr, 1 * style->scale);
  for (int tick = 0; tick <= 100; tick += 25)
    {
      double x = layout.plot_x + layout.plot_width * tick / 100.0;
      double axis_y = layout.legend.y + layout.legend.height + font * 0.4;
      SamRect box = { x - 2 * font, axis_y, 4 * font, font * 1.2 };
      char text[8];

      _sam_chart_set_colour (cr, &style->grid);
      cairo_move_to (cr, x, axis_y + font * 1.4);
      cairo_line_to (cr, x, height - 12 * style->scale);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%d", tick);
      _sam_chart_set_colour (cr, &style->dim);
      _sam_chart_draw_text (cr, style, text, &box, small, FALSE, SAM_ALIGN_CENTRE);
    }

  for (guint r = 0; r < data->n_rows; r++)
    {
      const SamComparisonRow *row = &data->rows[r];
      double first_y = -1, last_y = 0;

      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamRect *bar = &layout.bars[r * SAM_N_UNITS + u];
          const SamFigure *figure = &row->figures[u];
          double size = MIN (small, bar->height * 0.8);
          g_autofree char *value = NULL;
          g_autofree char *mean = NULL;
          SamRect box;

          if (!row->present[u])
            continue;
          if (first_y < 0)
            first_y = bar->y;
          last_y = bar->y + bar->height;

          if (figure->withheld != SAM_WITHHELD_NONE)
            {
              g_autofree char *why = _sam_chart_withheld_text (figure, data->k);

              _sam_chart_draw_hatch (cr, style, bar);
              box = (SamRect) { bar->x + font * 0.3, bar->y,
                                MIN (layout.plot_width * 0.5, 30 * font), bar->height };
              _sam_chart_draw_plated_text (cr, style, why, &box, size, SAM_ALIGN_START);
              continue;
            }
          if (figure->n == 0)
            {
              box = (SamRect) { bar->x + font * 0.3, bar->y, layout.plot_width, bar->height };
              _sam_chart_set_colour (cr, &style->dim);
              _sam_chart_draw_text (cr, style, _("No answers"), &box, size, FALSE, SAM_ALIGN_START);
              continue;
            }

          _sam_chart_set_colour (cr, &style->units[u]);
          cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
          cairo_fill (cr);

          mean = _sam_chart_format_mean (figure->mean);
          /* Translators: a mean and the number of answers beside a bar, as in "66.7  n 9". */
          value = g_strdup_printf (_("%s  n %u"), mean, figure->n);
          box = (SamRect) { bar->x + bar->width + font * 0.4, bar->y, 0, bar->height };
          _sam_chart_set_colour (cr, &style->dim);
          _sam_chart_draw_text (cr, style, value, &box, size, FALSE, SAM_ALIGN_START);
        }

      if (first_y >= 0)
        {
          double box_height = MAX (last_y - first_y, font * 1.4) + font;
          SamRect box = { 12 * style->scale, (first_y + last_y - box_height) / 2,
                          layout.label_width, box_height };

          _sam_chart_set_colour (cr, &style->foreground);
          _sam_chart_draw_text (cr, style, row->label, &box, font, FALSE, SAM_ALIGN_END);
        }
    }

  sam_chart_comparison_layout_clear (&layout);
}

/**
 * sam_chart_comparison_draw:
 *
 * Paints the chart in (0, 0, @width, @height) of @cr, on any surface.
 */
void
sam_chart_comparison_draw (const SamComparisonData *data,
                           const SamChartStyle     *style,
                           cairo_t                 *cr,
                           double                   width,
                           double                   height)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && cr != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  paint (data, &fitted, cr, width, height);
}

/**
 * sam_chart_comparison_describe:
 *
 * Returns: (transfer full): what the chart shows, for a screen reader: each item with each
 *   unit's mean and n, or that it is withheld and why
 */
char *
sam_chart_comparison_describe (const SamComparisonData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  /* What the chart is, before its figures. */
  g_string_append (text, _("The mean score (0–100) of each item, with the number of answers."));
  for (guint r = 0; r < data->n_rows; r++)
    {
      g_string_append_printf (text, "\n%s:", data->rows[r].label);
      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamFigure *figure = &data->rows[r].figures[u];

          if (!data->rows[r].present[u] || data->unit_names[u] == NULL)
            continue;
          if (figure->withheld == SAM_WITHHELD_SECONDARY)
            {
              g_autofree char *why = _sam_chart_withheld_reason (figure, data->k);

              /* Translators: in a description: a unit and why its figure is withheld
               * (" Klinik 3 withheld so that another withheld figure cannot be worked out;"). */
              g_string_append_printf (text, _(" %s %s;"), data->unit_names[u], why);
            }
          else if (figure->withheld != SAM_WITHHELD_NONE)
            g_string_append_printf (text,
                                    ngettext (" %s withheld (fewer than %d answer);",
                                              " %s withheld (fewer than %d answers);", data->k),
                                    data->unit_names[u], data->k);
          else if (figure->n == 0)
            g_string_append_printf (text, _(" %s no answers;"), data->unit_names[u]);
          else
            g_string_append_printf (text, _(" %s %.1f (n %u);"), data->unit_names[u], figure->mean,
                                    figure->n);
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * sam_chart_comparison_marks:
 *
 * Returns: (transfer full): a mark per unit in each item where the unit is present, in
 *   reading order: "Klinik 3 — Driftsledelse: mean 66.7, n 9, favourable 55.6 %"
 */
GArray *
sam_chart_comparison_marks (const SamComparisonData *data,
                            const SamChartStyle     *style,
                            double                   width,
                            double                   height)
{
  SamComparisonLayout layout = { 0 };
  GArray *marks = sam_chart_marks_new ();

  g_return_val_if_fail (data != NULL && style != NULL, marks);

  sam_chart_comparison_layout (data, style, width, height, &layout);
  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      {
        const SamFigure *figure = &data->rows[r].figures[u];
        g_autofree char *summary = NULL;
        SamRect rect = layout.bars[r * SAM_N_UNITS + u];

        if (!data->rows[r].present[u])
          continue;
        /* Where there is no bar, the mark is the row's whole axis, where the words are. */
        if (rect.width <= 0)
          rect.width = layout.plot_width;
        summary = _sam_chart_figure_summary (figure, data->k);
        sam_chart_marks_add (marks, &rect,
                             /* Translators: a mark on a chart: the unit, the item, then
                              * the figure in words ("Klinik 3 — Driftsledelse: mean 66.7, n 9"). */
                             g_strdup_printf (_("%s — %s: %s"),
                                              data->unit_names[u] ? data->unit_names[u] : "",
                                              data->rows[r].label, summary));
      }
  sam_chart_comparison_layout_clear (&layout);
  return marks;
}

/**
 * sam_chart_comparison_table:
 *
 * Returns: (transfer full): the item, then each unit's mean and n; "withheld" where the
 *   figure is withheld
 */
SamChartTable *
sam_chart_comparison_table (const SamComparisonData *data)
{
  SamChartTable *table;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean shown[SAM_N_UNITS] = { FALSE };

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the caption of a chart's table. */
  table = sam_chart_table_new (_("Mean score (0–100) and number of answers, item by item"));
  /* Translators: a table's column heading. */
  sam_chart_table_add_column (table, _("Item"));
  for (guint u = 0; u < SAM_N_UNITS; u++)
    {
      g_autofree char *mean = NULL;
      g_autofree char *n = NULL;

      for (guint r = 0; r < data->n_rows; r++)
        shown[u] = shown[u] || data->rows[r].present[u];
      if (!shown[u] || data->unit_names[u] == NULL)
        {
          shown[u] = FALSE;
          continue;
        }
      /* Translators: a table's column heading: a unit's mean ("Klinik 3 mean"). */
      mean = g_strdup_printf (_("%s mean"), data->unit_names[u]);
      /* Translators: a table's column heading: a unit's number of answers ("Klinik 3 n"). */
      n = g_strdup_printf (_("%s n"), data->unit_names[u]);
      sam_chart_table_add_column (table, mean);
      sam_chart_table_add_column (table, n);
    }

  for (guint r = 0; r < data->n_rows; r++)
    {
      g_ptr_array_add (cells, g_strdup (data->rows[r].label));
      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamFigure *figure = &data->rows[r].figures[u];

          if (!shown[u])
            continue;
          if (!data->rows[r].present[u])
            {
              g_ptr_array_add (cells, g_strdup ("—"));
              g_ptr_array_add (cells, g_strdup ("—"));
            }
          else if (figure->withheld != SAM_WITHHELD_NONE)
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

SAM_CHART_DEFINE_KIND (comparison)
