/* sam-chart-distribution.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-distribution"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sam-chart-distribution.h"
#include "sam-chart-private.h"

#define SEGMENT(layout, r, u, o)                                                                   \
  (&(layout)->segments[((r)*SAM_N_UNITS + (u)) * SAM_MAX_CODES + (o)])

static gboolean
shows_figure (const SamFigure *figure)
{
  return figure->withheld == SAM_WITHHELD_NONE && figure->n > 0;
}

static guint
n_options_of (const SamDistributionData *data,
              const SamFigure           *figure)
{
  guint n = MIN (data->n_options, SAM_MAX_CODES);

  return figure->n_codes > 0 ? MIN (n, figure->n_codes) : n;
}

/**
 * sam_chart_distribution_option_colour:
 *
 * Returns: the colour of @option (0 for code 1): diverging, the outermost option of each
 *   side takes the strong colour and those nearer the middle the mild one; the meetings
 *   scale takes the one-hue ramp, code 1 strongest.
 */
const SamRgba *
sam_chart_distribution_option_colour (const SamDistributionData *data,
                                      const SamChartStyle       *style,
                                      guint                      option)
{
  guint n = MIN (data->n_options, SAM_MAX_CODES);
  guint outward = 0;

  g_return_val_if_fail (option < SAM_MAX_CODES, &style->neutral);

  if (!data->diverging)
    return &style->sequential[n > 1 ? option * (SAM_MAX_CODES - 1) / (n - 1) : 0];
  if (data->option_side[option] == 0)
    return &style->neutral;
  /* How many options of the same side lie further out than this one. */
  for (guint o = 0; o < n; o++)
    if (data->option_side[o] == data->option_side[option] &&
        (data->option_side[option] > 0 ? o < option : o > option))
      outward++;
  if (data->option_side[option] > 0)
    return &style->favourable[outward == 0 ? 0 : 1];
  return &style->unfavourable[outward == 0 ? 0 : 1];
}

/* The options in the order the bars show them, then what the withheld marker means. */
static guint
legend_entries (gconstpointer         chart_data,
                const SamChartStyle  *style,
                char                 *why[2],
                SamLegendEntry       *entries)
{
  const SamDistributionData *data = chart_data;
  guint n = MIN (data->n_options, SAM_MAX_CODES);
  guint count = 0;

  /* In the order the bars show them, left to right. */
  for (guint i = 0; i < n; i++)
    {
      guint o = data->diverging ? n - 1 - i : i;

      entries[count++] = (SamLegendEntry) { data->option_labels[o],
                                            sam_chart_distribution_option_colour (data, style, o),
                                            SAM_LEGEND_SWATCH };
    }
  _sam_chart_rows_withheld_why (data->rows, data->n_rows, data->k, why);
  return count + _sam_chart_withheld_entries (style, why, entries + count);
}

static char *
axis_text (int tick)
{
  /* Translators: an axis label, a whole percentage ("50 %"). */
  return tick == 0 ? g_strdup ("0") : g_strdup_printf (_("%d %%"), ABS (tick));
}

/* Mapping: pure arithmetic on measured text, so that tests and hit-testing know where
 * everything is. */
static void
compute_layout (const SamDistributionData *data,
                const SamChartStyle       *style,
                double                     width,
                double                     height,
                SamDistributionLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double n_width, unit_width = 0, half_tick;
  guint most = _sam_chart_rows_most_n (data->rows, data->n_rows);

  for (guint u = 0; u < SAM_N_UNITS; u++)
    unit_width = MAX (unit_width, _sam_chart_text_width (style, data->unit_names[u], small, FALSE));
  {
    char n_text[32];
    g_autofree char *end = axis_text (100);

    g_snprintf (n_text, sizeof n_text, "n %u", MAX (most, 1));
    n_width = _sam_chart_text_width (style, n_text, small, FALSE);
    half_tick = _sam_chart_text_width (style, end, small, FALSE) / 2;
  }

  _sam_chart_place_heading (style, data->caption, legend_entries, data, width, &layout->caption,
                            &layout->legend);
  _sam_chart_place_rows (style, &layout->legend, data->n_rows, height, &layout->axis_y,
                         &layout->top, &layout->row_height);
  layout->label_width = MIN (width * 0.24, 20 * font);
  layout->unit_width = MIN (unit_width + 0.2 * font, MIN (width * 0.16, 10 * font));
  layout->unit_x = margin + layout->label_width + margin;
  layout->plot_x = layout->unit_x + layout->unit_width + margin + half_tick;
  /* Room for half a label past each end of the axis, and n after it. */
  layout->plot_width =
    MAX (width - layout->plot_x - margin - n_width - MAX (half_tick, 1.2 * font), 1);
  layout->centre_x = data->diverging ? layout->plot_x + layout->plot_width / 2 : layout->plot_x;
  layout->percent_width = data->diverging ? layout->plot_width / 200.0 : layout->plot_width / 100.0;

  layout->n_bars = data->n_rows * SAM_N_UNITS;
  layout->bars = g_new0 (SamRect, MAX (layout->n_bars, 1));
  layout->segments = g_new0 (SamRect, MAX (layout->n_bars, 1) * SAM_MAX_CODES);
  _sam_chart_rows_stack_bars (data->rows, data->n_rows, style, layout->top, layout->row_height,
                              0.9, layout->bars);
  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];
      SamRect *bar = &layout->bars[r * SAM_N_UNITS + u];
      guint n = n_options_of (data, figure);
      double left = 0, right = 0;

      if (!shows_figure (figure))
        {
          /* Withheld, or no answers: a marker on the baseline, no bar of any length. */
          double d = MIN (small, bar->height);

          *bar = (SamRect) { layout->centre_x - d / 2, bar->y + (bar->height - d) / 2, d, d };
          continue;
        }

      if (!data->diverging)
        {
          double x = layout->plot_x;

          for (guint o = 0; o < n; o++)
            {
              SamRect *segment = SEGMENT (layout, r, u, o);
              double w = layout->percent_width * MAX (figure->distribution[o], 0);

              *segment = (SamRect) { x, bar->y, w, bar->height };
              x += w;
            }
          bar->x = layout->plot_x;
          bar->width = x - layout->plot_x;
          continue;
        }

      /* Diverging: the middle option straddles the centre; the others go outward from
       * it, the milder nearer the centre. */
      for (guint o = 0; o < n; o++)
        if (data->option_side[o] == 0)
          {
            double w = layout->percent_width * MAX (figure->distribution[o], 0);

            *SEGMENT (layout, r, u, o) =
              (SamRect) { layout->centre_x - w / 2, bar->y, w, bar->height };
            left += w / 2;
            right += w / 2;
          }
      for (guint i = 0; i < n; i++)
        {
          guint o = n - 1 - i;          /* favourable: the last favourable code is mildest */
          double w = layout->percent_width * MAX (figure->distribution[o], 0);

          if (data->option_side[o] <= 0)
            continue;
          *SEGMENT (layout, r, u, o) =
            (SamRect) { layout->centre_x + right, bar->y, w, bar->height };
          right += w;
        }
      for (guint o = 0; o < n; o++)
        {
          double w = layout->percent_width * MAX (figure->distribution[o], 0);

          if (data->option_side[o] >= 0)
            continue;
          left += w;
          *SEGMENT (layout, r, u, o) =
            (SamRect) { layout->centre_x - left, bar->y, w, bar->height };
        }
      bar->x = layout->centre_x - left;
      bar->width = left + right;
    }
}

SAM_CHART_DEFINE_LAYOUT (distribution, SamDistributionData, SamDistributionLayout)

void
sam_chart_distribution_layout_clear (SamDistributionLayout *layout)
{
  g_clear_pointer (&layout->bars, g_free);
  g_clear_pointer (&layout->segments, g_free);
  layout->n_bars = 0;
}

static void
paint (const SamDistributionData *data,
       const SamChartStyle       *style,
       cairo_t                   *cr,
       double                     width,
       double                     height)
{
  SamDistributionLayout layout = { 0 };
  g_autoptr(SamLabels) labels = NULL;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double axis_height = _sam_chart_line_height (style, small);
  double axis_foot, bottom = height - 12 * style->scale;
  int *hosts;

  sam_chart_distribution_layout (data, style, width, height, &layout);
  labels = _sam_chart_begin_paint (cr, style, width, height);
  axis_foot = layout.axis_y + axis_height + font * 0.2;

  /* Every segment and marker first, so that no word is put over one. */
  hosts = g_new (int, MAX (layout.n_bars, 1) * SAM_MAX_CODES);
  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      {
        const SamFigure *figure = &data->rows[r].figures[u];

        for (guint o = 0; o < SAM_MAX_CODES; o++)
          hosts[(r * SAM_N_UNITS + u) * SAM_MAX_CODES + o] = -1;
        if (!data->rows[r].present[u])
          continue;
        if (!shows_figure (figure))
          {
            _sam_labels_add_mark (labels, &layout.bars[r * SAM_N_UNITS + u]);
            continue;
          }
        for (guint o = 0; o < n_options_of (data, figure); o++)
          if (SEGMENT (&layout, r, u, o)->width > 0)
            hosts[(r * SAM_N_UNITS + u) * SAM_MAX_CODES + o] =
              _sam_labels_add_mark (labels, SEGMENT (&layout, r, u, o));
      }

  _sam_chart_draw_heading (labels, data->caption, &layout.caption, legend_entries, data,
                           &layout.legend);

  /* The axis: 100 % .. 0 .. 100 % when diverging, 0 .. 100 % otherwise. */
  cairo_set_line_width (cr, 1 * style->scale);
  for (int tick = data->diverging ? -100 : 0; tick <= 100; tick += data->diverging ? 50 : 25)
    {
      double x = layout.centre_x + layout.percent_width * tick;
      SamRect box = { x, layout.axis_y, 0, axis_height };
      g_autofree char *text = axis_text (tick);

      _sam_chart_draw_tick (labels, (double[]) { x, axis_foot, x, bottom }, text, &box,
                            SAM_ALIGN_CENTRE);
    }

  /* The centre line, where favourable and not meet; under the bars, so that it does not
   * run through the middle option's number. */
  if (data->diverging)
    {
      _sam_chart_set_colour (cr, &style->foreground);
      cairo_set_line_width (cr, 1.5 * style->scale);
      cairo_move_to (cr, layout.centre_x, axis_foot);
      cairo_line_to (cr, layout.centre_x, bottom);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1 * style->scale);
    }

  /* The bars, then every word on top. */
  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];

      if (figure->withheld != SAM_WITHHELD_NONE)
        {
          _sam_chart_draw_withheld_marker (cr, style, &layout.bars[r * SAM_N_UNITS + u],
                                           figure->withheld);
          continue;
        }
      if (figure->n == 0)
        {
          _sam_chart_draw_empty_marker (cr, style, &layout.bars[r * SAM_N_UNITS + u]);
          continue;
        }
      for (guint o = 0; o < n_options_of (data, figure); o++)
        {
          const SamRect *segment = SEGMENT (&layout, r, u, o);

          if (segment->width <= 0)
            continue;
          _sam_chart_set_colour (cr, sam_chart_distribution_option_colour (data, style, o));
          cairo_rectangle (cr, segment->x, segment->y, segment->width, segment->height);
          cairo_fill (cr);
          /* Parted from its neighbours by a thin line of the background. */
          _sam_chart_set_colour (cr, &style->background);
          cairo_move_to (cr, segment->x + segment->width, segment->y);
          cairo_line_to (cr, segment->x + segment->width, segment->y + segment->height);
          cairo_stroke (cr);
        }
    }

  for (guint r = 0; r < data->n_rows; r++)
    {
      const SamComparisonRow *row = &data->rows[r];
      gboolean any = FALSE;

      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamRect *bar = &layout.bars[r * SAM_N_UNITS + u];
          const SamFigure *figure = &row->figures[u];
          SamRect box;

          if (!row->present[u])
            continue;
          any = TRUE;

          /* The unit's name before its bar. */
          box = (SamRect) { layout.unit_x, bar->y, layout.unit_width, bar->height };
          _sam_labels_place_at (labels, data->unit_names[u], small, SAM_LABEL_ELLIPSIZE,
                                &style->foreground, &box, SAM_ALIGN_END);

          if (!shows_figure (figure))
            {
              _sam_chart_place_why (labels, figure, data->k, _("No answers"), bar);
              continue;
            }

          /* Each share, rounded, in its segment where it fits; the marks and the table
           * have the decimals. */
          for (guint o = 0; o < n_options_of (data, figure); o++)
            {
              const SamRect *segment = SEGMENT (&layout, r, u, o);
              int host = hosts[(r * SAM_N_UNITS + u) * SAM_MAX_CODES + o];
              char text[16];
              SamSpot spot;

              if (host < 0)
                continue;
              g_snprintf (text, sizeof text, "%.0f", figure->distribution[o]);
              spot = (SamSpot) { *segment, SAM_ALIGN_CENTRE, host,
                                 _sam_chart_text_on (style, sam_chart_distribution_option_colour (
                                                              data, style, o)) };
              _sam_labels_place (labels, text, small, 0, &style->foreground, &spot, 1);
            }

          {
            char n_text[32];

            g_snprintf (n_text, sizeof n_text, "n %u", figure->n);
            box = (SamRect) { layout.plot_x + layout.plot_width + MAX (font * 1.2, small * 2.5),
                              bar->y, 0, bar->height };
            box.x = MIN (box.x, width - 12 * style->scale -
                                  _sam_chart_text_width (style, n_text, small, FALSE));
            _sam_labels_place_at (labels, n_text, small, 0, &style->dim, &box, SAM_ALIGN_START);
          }
        }

      if (any)
        {
          SamRect box = { 12 * style->scale, layout.top + r * layout.row_height, layout.label_width,
                          layout.row_height };

          _sam_labels_place_at (labels, row->label, font, SAM_LABEL_WRAP, &style->foreground, &box,
                                SAM_ALIGN_END);
        }
    }

  g_free (hosts);
  sam_chart_distribution_layout_clear (&layout);
}

SAM_CHART_DEFINE_DRAW (distribution, SamDistributionData)

static char *
option_list (const SamDistributionData *data,
             const SamFigure           *figure)
{
  GString *list = g_string_new (NULL);

  for (guint o = 0; o < n_options_of (data, figure); o++)
    {
      g_autofree char *percent = _sam_chart_format_percent (figure->distribution[o]);

      if (o > 0)
        g_string_append (list, ", ");
      /* Translators: an option and its share of the answers ("I høj grad 44.4 %"). */
      g_string_append_printf (list, _("%s %s"),
                              data->option_labels[o] ? data->option_labels[o] : "", percent);
    }
  return g_string_free (list, FALSE);
}

/**
 * sam_chart_distribution_describe:
 *
 * Returns: (transfer full): what the chart shows, for a screen reader: for each item and
 *   unit the share of every option, or that it is withheld and why
 */
char *
sam_chart_distribution_describe (const SamDistributionData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the first sentence describing the answer distribution chart. */
  g_string_append (text,
                   data->diverging
                     ? _("How the answers spread over the options, in percent of the answers. "
                          "Favourable options are drawn to the right of the centre line, the "
                          "others to the left.")
                     : _("How the answers spread over the options, in percent of the answers."));
  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];
      const char *unit = data->unit_names[u] ? data->unit_names[u] : "";

      g_string_append_c (text, '\n');
      if (figure->withheld != SAM_WITHHELD_NONE)
        {
          g_autofree char *why = sam_chart_withheld_reason (figure, data->k);

          /* Translators: a sentence: the item, the unit, why it is withheld. */
          g_string_append_printf (text, _("%s, %s: %s."), data->rows[r].label, unit, why);
        }
      else if (figure->n == 0)
        /* Translators: a sentence: the item, the unit. */
        g_string_append_printf (text, _("%s, %s: no answers."), data->rows[r].label, unit);
      else
        {
          g_autofree char *list = option_list (data, figure);

          /* Translators: a sentence: the item, the unit, the number of answers, then
           * each option and its share
           * ("Driftsledelse, Klinik 3, 9 answers: I høj grad 44.4 %, …."). */
          g_string_append_printf (text,
                                  ngettext ("%s, %s, %u answer: %s.", "%s, %s, %u answers: %s.",
                                            figure->n),
                                  data->rows[r].label, unit, figure->n, list);
        }
    }
  g_string_append_printf (text, "\n%s", _sam_chart_left_out_sentence ());
  return g_string_free (text, FALSE);
}

static void
add_marks (const SamDistributionData   *data,
           const SamChartStyle         *style,
           const SamDistributionLayout *layout,
           GArray                      *marks)
{
  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];
      const char *unit = data->unit_names[u] ? data->unit_names[u] : "";

      if (!shows_figure (figure))
        {
          g_autofree char *summary = _sam_chart_figure_summary (figure, data->k);
          const SamRect *marker = &layout->bars[r * SAM_N_UNITS + u];
          double slot = layout->row_height * 0.8 /
                        _sam_chart_rows_count_units (data->rows, data->n_rows);
          /* The row's whole axis, where the marker and its words are. */
          SamRect rect = { layout->plot_x, marker->y + marker->height / 2 - slot * 0.45,
                           layout->plot_width, slot * 0.9 };

          sam_chart_marks_add (marks, &rect,
                               g_strdup_printf (_("%s — %s: %s"), unit, data->rows[r].label,
                                                summary));
          continue;
        }
      for (guint o = 0; o < n_options_of (data, figure); o++)
        {
          const SamRect *segment = SEGMENT (layout, r, u, o);
          g_autofree char *percent = NULL;

          if (segment->width <= 0)
            continue;
          percent = _sam_chart_format_percent (figure->distribution[o]);
          sam_chart_marks_add (marks, segment,
                               /* Translators: a mark on a chart: the unit, the item, the
                                * option, its share and the number of answers
                                * ("Klinik 3 — Driftsledelse — I høj grad: 44.4 %, n 9"). */
                               g_strdup_printf (_("%s — %s — %s: %s, n %u"), unit,
                                                data->rows[r].label,
                                                data->option_labels[o] ? data->option_labels[o]
                                                                       : "",
                                                percent, figure->n));
        }
    }
}

/**
 * sam_chart_distribution_marks:
 *
 * Returns: (transfer full): a mark per drawn segment (unit, item, option, percent, n); a
 *   withheld bar or one without answers is one mark
 */
SAM_CHART_DEFINE_MARKS (distribution, SamDistributionData, SamDistributionLayout)

/**
 * sam_chart_distribution_table:
 *
 * Returns: (transfer full): a row per item and unit: n and each option's share
 */
SamChartTable *
sam_chart_distribution_table (const SamDistributionData *data)
{
  SamChartTable *table;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (data != NULL, NULL);

  n = MIN (data->n_options, SAM_MAX_CODES);

  /* Translators: the caption of a chart's table. */
  table = sam_chart_table_new (_("Share of the answers per option, in percent"));
  sam_chart_table_add_column (table, _("Item"));
  /* Translators: a table's column heading: clinic, cluster or country. */
  sam_chart_table_add_column (table, _("Unit"));
  /* Translators: a table's column heading: the number of answers. */
  sam_chart_table_add_column (table, C_("column", "n"));
  for (guint o = 0; o < n; o++)
    sam_chart_table_add_column (table, data->option_labels[o]);

  SAM_CHART_FOREACH_PRESENT (data->rows, data->n_rows, r, u)
    {
      const SamFigure *figure = &data->rows[r].figures[u];

      g_ptr_array_add (cells, g_strdup (data->rows[r].label));
      g_ptr_array_add (cells, g_strdup (data->unit_names[u]));
      if (figure->withheld != SAM_WITHHELD_NONE)
        {
          for (guint c = 0; c < n + 1; c++)
            g_ptr_array_add (cells, g_strdup (_sam_chart_withheld_word ()));
        }
      else
        {
          g_ptr_array_add (cells, g_strdup_printf ("%u", figure->n));
          for (guint o = 0; o < n; o++)
            g_ptr_array_add (cells, figure->n == 0 || o >= n_options_of (data, figure)
                                      ? g_strdup ("—")
                                      : _sam_chart_format_percent (figure->distribution[o]));
        }
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (distribution)
