/* sam-chart-comparison.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "sam-chart-comparison.h"
#include "sam-chart-private.h"

/* What a figure shows on this chart: its value (the mean, or the share), or nothing. */
static gboolean
figure_value (const SamComparisonData *data,
              const SamFigure         *figure,
              double                  *value)
{
  if (figure->withheld != SAM_WITHHELD_NONE || figure->n == 0)
    return FALSE;
  if (data->measure == SAM_COMPARISON_SHARE)
    {
      double share = 0;

      /* A share needs the distribution; a reference without one has no share to show. */
      if (data->share_codes == 0 || figure->n_codes < data->share_codes)
        return FALSE;
      for (guint c = 0; c < data->share_codes; c++)
        share += figure->distribution[c];
      *value = CLAMP (share, 0, 100);
      return TRUE;
    }
  *value = CLAMP (figure->mean, 0, 100);
  return TRUE;
}

static char *
format_value (const SamComparisonData *data,
              double                   value)
{
  return data->measure == SAM_COMPARISON_SHARE ? _sam_chart_format_percent (value)
                                               : _sam_chart_format_mean (value);
}

/* The number beside a bar: "66.7  n 9", or "62.5 %  n 9". */
static char *
value_text (const SamComparisonData *data,
            double                   value,
            guint                    n)
{
  g_autofree char *number = format_value (data, value);

  /* Translators: a mean (or a share) and the number of answers beside a bar, as in
   * "66.7  n 9". */
  return g_strdup_printf (_("%s  n %u"), number, n);
}

/* The legend: the units' colours, then what the withheld marker means, with the reason. */
static guint
legend_entries (gconstpointer         chart_data,
                const SamChartStyle  *style,
                char                 *why[2],
                SamLegendEntry       *entries)
{
  const SamComparisonData *data = chart_data;
  guint n = 0;

  for (guint u = 0; u < SAM_N_UNITS; u++)
    if (data->unit_names[u] != NULL)
      entries[n++] = (SamLegendEntry) { data->unit_names[u], &style->units[u], SAM_LEGEND_SWATCH };
  _sam_chart_rows_withheld_why (data->rows, data->n_rows, data->k, why);
  return n + _sam_chart_withheld_entries (style, why, entries + n);
}

/* Mapping: pure arithmetic on measured text, so that tests and hit-testing know where
 * everything is. */
static void
compute_layout (const SamComparisonData *data,
                const SamChartStyle     *style,
                double                   width,
                double                   height,
                SamComparisonLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double marker = small;
  double value_width;
  guint most = _sam_chart_rows_most_n (data->rows, data->n_rows);

  _sam_chart_place_heading (style, data->caption, legend_entries, data, width, &layout->caption,
                            &layout->legend);
  _sam_chart_place_rows (style, &layout->legend, data->n_rows, height, &layout->axis_y,
                         &layout->top, &layout->row_height);

  /* Room beside the longest bar for its number. */
  {
    g_autofree char *widest = value_text (data, 100, MAX (most, 1));

    value_width = _sam_chart_text_width (style, widest, small, FALSE) + 0.4 * font + small * 0.3;
  }
  layout->label_width = MIN (width * 0.34, 28 * font);
  layout->plot_x = margin + layout->label_width + margin;
  layout->plot_width = MAX (width - layout->plot_x - margin - value_width, 1);

  layout->n_bars = data->n_rows * SAM_N_UNITS;
  layout->bars = g_new0 (SamRect, MAX (layout->n_bars, 1));
  _sam_chart_rows_stack_bars (data->rows, data->n_rows, style, layout->top, layout->row_height,
                              0.86, layout->bars);
  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];
      SamRect *bar = &layout->bars[r * SAM_N_UNITS + u];
      double value;

      if (figure_value (data, figure, &value))
        {
          bar->x = layout->plot_x;
          bar->width = layout->plot_width * value / 100.0;
          continue;
        }
      /* Nothing to show: a marker on the baseline, no bar of any length. */
      {
        double d = MIN (marker, bar->height);

        *bar = (SamRect) { layout->plot_x - d / 2, bar->y + (bar->height - d) / 2, d, d };
      }
    }
}

SAM_CHART_DEFINE_LAYOUT (comparison, SamComparisonData, SamComparisonLayout)

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
  g_autoptr(SamLabels) labels = NULL;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double axis_height = _sam_chart_line_height (style, small);
  int *hosts;

  sam_chart_comparison_layout (data, style, width, height, &layout);
  labels = _sam_chart_begin_paint (cr, style, width, height);

  /* Every bar and marker first, so that no word is put over one. */
  hosts = g_new (int, MAX (layout.n_bars, 1));
  for (guint i = 0; i < layout.n_bars; i++)
    hosts[i] = layout.bars[i].width > 0 ? _sam_labels_add_mark (labels, &layout.bars[i]) : -1;

  _sam_chart_draw_heading (labels, data->caption, &layout.caption, legend_entries, data,
                           &layout.legend);

  /* The axis: 0, 25, 50, 75, 100 (percent for a share). */
  cairo_set_line_width (cr, 1 * style->scale);
  for (int tick = 0; tick <= 100; tick += 25)
    {
      double x = layout.plot_x + layout.plot_width * tick / 100.0;
      SamRect box = { x, layout.axis_y, 0, axis_height };
      g_autofree char *text = NULL;

      /* Translators: an axis label, a whole percentage ("50 %"). */
      text = data->measure == SAM_COMPARISON_SHARE && tick > 0 ? g_strdup_printf (_("%d %%"), tick)
                                                               : g_strdup_printf ("%d", tick);
      _sam_chart_draw_tick (labels,
                            (double[]) { x, layout.axis_y + axis_height + font * 0.2, x,
                                         height - 12 * style->scale },
                            text, &box, SAM_ALIGN_CENTRE);
    }

  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamRect *bar = &layout.bars[r * SAM_N_UNITS + u];
      const SamFigure *figure = &data->rows[r].figures[u];
      double value;

      if (figure_value (data, figure, &value))
        {
          _sam_chart_set_colour (cr, &style->units[u]);
          cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
          cairo_fill (cr);
        }
      else if (figure->withheld != SAM_WITHHELD_NONE)
        _sam_chart_draw_withheld_marker (cr, style, bar, figure->withheld);
      else
        _sam_chart_draw_empty_marker (cr, style, bar);
    }

  /* The words, most needed first: each item's, why a figure is not shown, then the
   * numbers, a unit at a time (the own clinic first), each unit's whole or not at all, so
   * that a reader never wonders why one bar has its number and the next has not. */
  for (guint r = 0; r < data->n_rows; r++)
    {
      /* The item's words, wrapped in the row's own band, level with its bars. */
      SamRect box = { 12 * style->scale, layout.top + r * layout.row_height, layout.label_width,
                      layout.row_height };
      gboolean any = FALSE;

      for (guint u = 0; u < SAM_N_UNITS; u++)
        any = any || data->rows[r].present[u];
      if (any)
        _sam_labels_place_at (labels, data->rows[r].label, font, SAM_LABEL_WRAP,
                              &style->foreground, &box, SAM_ALIGN_END);
    }

  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      {
        const SamRect *bar = &layout.bars[r * SAM_N_UNITS + u];
        const SamFigure *figure = &data->rows[r].figures[u];
        double value;

        if (!data->rows[r].present[u] || figure_value (data, figure, &value))
          continue;
        _sam_chart_place_why (labels, figure, data->k,
                              figure->n == 0 ? _("No answers") : _("Not known"), bar);
      }

  for (guint u = 0; u < SAM_N_UNITS; u++)
    {
      _sam_labels_begin_group (labels);
      for (guint r = 0; r < data->n_rows; r++)
        {
          guint i = r * SAM_N_UNITS + u;
          const SamRect *bar = &layout.bars[i];
          const SamFigure *figure = &data->rows[r].figures[u];
          g_autofree char *text = NULL;
          double value;

          if (!data->rows[r].present[u] || !figure_value (data, figure, &value))
            continue;
          text = value_text (data, value, figure->n);
          {
            /* Past the bar's end; or inside it, at its end, where a longer bar of the same
             * item is in the way. */
            SamSpot spots[] = {
              { { bar->x + bar->width + font * 0.4, bar->y, 0, bar->height }, SAM_ALIGN_START, -1,
                NULL },
              { { bar->x, bar->y, MAX (bar->width - font * 0.4, 0), bar->height }, SAM_ALIGN_END,
                hosts[i], _sam_chart_text_on (style, &style->units[u]) },
            };

            _sam_labels_place (labels, text, small, 0, &style->dim, spots, G_N_ELEMENTS (spots));
          }
        }
      _sam_labels_end_group (labels);
    }

  g_free (hosts);
  sam_chart_comparison_layout_clear (&layout);
}

SAM_CHART_DEFINE_DRAW (comparison, SamComparisonData)

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
  if (data->measure == SAM_COMPARISON_SHARE)
    /* Translators: the first sentence describing a chart of how often meetings are held;
     * %s is what is counted ("monthly or more often"). */
    g_string_append_printf (text, _("The share of the answers that say %s, in percent of "
                                    "the answers to each item, with the number of answers."),
                            data->share_label != NULL ? data->share_label : "");
  else
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
              g_autofree char *why = sam_chart_withheld_reason (figure, data->k);

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
          else if (data->measure == SAM_COMPARISON_SHARE)
            {
              g_autofree char *share = NULL;
              double value;

              if (!figure_value (data, figure, &value))
                {
                  /* Translators: in a description: a unit whose share is not known (a
                   * reference that came without the spread of its answers). */
                  g_string_append_printf (text, _(" %s not known;"), data->unit_names[u]);
                  continue;
                }
              share = _sam_chart_format_percent (value);
              /* Translators: in a description: a unit, its share and its number of
               * answers (" Klinik 3 62.5 % (n 9);"). */
              g_string_append_printf (text, _(" %s %s (n %u);"), data->unit_names[u], share,
                                      figure->n);
            }
          else
            g_string_append_printf (text, _(" %s %.1f (n %u);"), data->unit_names[u], figure->mean,
                                    figure->n);
        }
    }
  g_string_append_printf (text, "\n%s", _sam_chart_left_out_sentence ());
  return g_string_free (text, FALSE);
}

static void
add_marks (const SamComparisonData   *data,
           const SamChartStyle       *style,
           const SamComparisonLayout *layout,
           GArray                    *marks)
{
  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];
      g_autofree char *summary = NULL;
      SamRect rect = layout->bars[r * SAM_N_UNITS + u];
      double value;

      /* Where there is no bar, the mark is the row's whole axis, where the words are. */
      if (!figure_value (data, figure, &value))
        {
          double slot = layout->row_height * 0.8 /
                        _sam_chart_rows_count_units (data->rows, data->n_rows);

          rect = (SamRect) { layout->plot_x, rect.y + rect.height / 2 - slot * 0.43,
                             layout->plot_width, slot * 0.86 };
        }
      if (data->measure == SAM_COMPARISON_SHARE && figure_value (data, figure, &value))
        {
          g_autofree char *share = _sam_chart_format_percent (value);

          /* Translators: a figure in words on a chart of how often meetings are held:
           * the share, what it counts, the number of answers
           * ("62.5 % monthly or more often, n 9"). */
          summary = g_strdup_printf (_("%s %s, n %u"), share,
                                     data->share_label != NULL ? data->share_label : "",
                                     figure->n);
        }
      else
        summary = _sam_chart_figure_summary (figure, data->k);
      sam_chart_marks_add (marks, &rect,
                           /* Translators: a mark on a chart: the unit, the item, then
                            * the figure in words ("Klinik 3 — Driftsledelse: mean 66.7, n 9"). */
                           g_strdup_printf (_("%s — %s: %s"),
                                            data->unit_names[u] ? data->unit_names[u] : "",
                                            data->rows[r].label, summary));
    }
}

/**
 * sam_chart_comparison_marks:
 *
 * Returns: (transfer full): a mark per unit in each item where the unit is present, in
 *   reading order: "Klinik 3 — Driftsledelse: mean 66.7, n 9, favourable 55.6 %"
 */
SAM_CHART_DEFINE_MARKS (comparison, SamComparisonData, SamComparisonLayout)

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

  if (data->measure == SAM_COMPARISON_SHARE)
    {
      g_autofree char *caption =
        /* Translators: the caption of the table of a chart of how often meetings are held;
         * %s is what is counted ("monthly or more often"). */
        g_strdup_printf (_("Share of the answers that say %s, in percent, and number of "
                           "answers, item by item"),
                         data->share_label != NULL ? data->share_label : "");

      table = sam_chart_table_new (caption);
    }
  else
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
      if (data->measure == SAM_COMPARISON_SHARE)
        /* Translators: a table's column heading: a unit's share in percent ("Klinik 3 %"). */
        mean = g_strdup_printf (_("%s %%"), data->unit_names[u]);
      else
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
          if (data->measure != SAM_COMPARISON_SHARE || !data->rows[r].present[u] ||
              figure->withheld != SAM_WITHHELD_NONE || figure->n == 0)
            _sam_chart_table_add_figure (cells, data->rows[r].present[u], figure);
          else
            {
              double value;

              if (figure_value (data, figure, &value))
                g_ptr_array_add (cells, _sam_chart_format_percent (value));
              else
                /* Translators: a table cell: the share is not known. */
                g_ptr_array_add (cells, g_strdup (_("not known")));
              g_ptr_array_add (cells, g_strdup_printf ("%u", figure->n));
            }
        }
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (comparison)
