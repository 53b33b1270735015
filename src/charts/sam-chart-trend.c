/* sam-chart-trend.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-trend"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-chart-private.h"
#include "sam-chart-trend.h"

static gboolean
shows_figure (const SamFigure *figure)
{
  return figure->withheld == SAM_WITHHELD_NONE && figure->n > 0;
}

static const char *
round_label (const SamTrendData *data,
             guint               round)
{
  return data->round_labels != NULL && data->round_labels[round] != NULL ? data->round_labels[round]
                                                                         : "";
}

static const char *
unit_name (const SamTrendData *data,
           guint               unit)
{
  return data->unit_names[unit] != NULL ? data->unit_names[unit] : "";
}

/* The legend's entries; @why holds the two kinds of reason a figure may be withheld for. */
static guint
legend_entries (gconstpointer         chart_data,
                const SamChartStyle  *style,
                char                 *why[2],
                SamLegendEntry       *entries)
{
  const SamTrendData *data = chart_data;
  guint n = 0;
  gboolean empty = FALSE;

  for (guint u = 0; u < SAM_N_UNITS; u++)
    if (data->series[u] != NULL)
      entries[n++] = (SamLegendEntry) { unit_name (data, u), &style->units[u], SAM_LEGEND_LINE };
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        const SamFigure *figure = &data->series[u][r];
        guint kind = figure->withheld == SAM_WITHHELD_SECONDARY ? 1 : 0;

        if (figure->withheld != SAM_WITHHELD_NONE && why[kind] == NULL)
          why[kind] = _sam_chart_withheld_text (figure, data->k);
        else if (figure->withheld == SAM_WITHHELD_NONE && figure->n == 0)
          empty = TRUE;
      }
  n += _sam_chart_withheld_entries (style, why, entries + n);
  if (empty)
    entries[n++] = (SamLegendEntry) { _("No answers"), &style->dim, SAM_LEGEND_EMPTY };
  return n;
}

static double
value_y (const SamTrendLayout *layout,
         double                mean)
{
  return layout->plot.y + layout->plot.height * (1 - CLAMP (mean, 0, 100) / 100.0);
}

static double
rounds_row (const SamChartStyle *style)
{
  /* Two lines of a round's name. */
  return 2 * _sam_chart_line_height (style, SAM_CHART_FONT (style)) + SAM_CHART_FONT (style) * 0.3;
}

/* Mapping: pure arithmetic on measured text, so that tests and hit-testing know where
 * everything is. */
static void
compute_layout (const SamTrendData  *data,
                const SamChartStyle *style,
                double               width,
                double               height,
                SamTrendLayout      *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double axis_width = _sam_chart_text_width (style, "100", small, FALSE) + 0.3 * font;
  guint n_units = 0;
  double slot;

  layout->legend = (SamRect) { margin, margin, width - 2 * margin, 0 };
  layout->legend.height =
    _sam_chart_legend_height_of (style, legend_entries, data, layout->legend.width);

  layout->marker_size = MAX (font * 1.05, 7 * style->scale);
  layout->plot.x = margin + axis_width + margin * 0.5;
  layout->plot.y = layout->legend.y + layout->legend.height + font * 0.6 +
                   _sam_chart_line_height (style, small) * 1.3;
  layout->plot.width = MAX (width - layout->plot.x - 2 * margin, 1);
  layout->plot.height = MAX (height - margin - rounds_row (style) - font * 0.3 - layout->plot.y, 1);
  layout->label_y = layout->plot.y + layout->plot.height + font * 0.3;

  layout->n_rounds = data->n_rounds;
  layout->round_x = g_new0 (double, MAX (data->n_rounds, 1));
  layout->points = g_new0 (SamRect, SAM_N_UNITS * MAX (data->n_rounds, 1));
  slot = layout->plot.width / MAX (data->n_rounds, 1);
  for (guint r = 0; r < data->n_rounds; r++)
    layout->round_x[r] = layout->plot.x + slot * (r + 0.5);

  for (guint u = 0; u < SAM_N_UNITS; u++)
    if (data->series[u] != NULL)
      n_units++;

  for (guint u = 0, slot_u = 0; u < SAM_N_UNITS; u++)
    {
      if (data->series[u] == NULL)
        continue;
      for (guint r = 0; r < data->n_rounds; r++)
        {
          const SamFigure *figure = &data->series[u][r];
          SamRect *point = &layout->points[u * data->n_rounds + r];

          if (shows_figure (figure))
            {
              double y = value_y (layout, figure->mean);
              /* The units a little apart at each round, so that equal means do not hide
               * one marker under another. */
              double x = layout->round_x[r] +
                         (slot_u - (n_units - 1) / 2.0) * MIN (layout->marker_size * 0.9,
                                                                slot / (n_units + 2));

              *point = (SamRect) { x - layout->marker_size / 2, y - layout->marker_size / 2,
                                   layout->marker_size, layout->marker_size };
            }
          else
            {
              /* A marker standing on the baseline at its round, side by side where
               * several units lack a figure: never a point at 0, never a bar. */
              double d = MIN (small, slot / (n_units + 1) / 1.4);
              double x = layout->round_x[r] + (slot_u - (n_units - 1) / 2.0) * d * 1.4 - d / 2;

              *point = (SamRect) { x, layout->plot.y + layout->plot.height - d, d, d };
            }
        }
      slot_u++;
    }
}

SAM_CHART_DEFINE_LAYOUT (trend, SamTrendData, SamTrendLayout)

void
sam_chart_trend_layout_clear (SamTrendLayout *layout)
{
  g_clear_pointer (&layout->round_x, g_free);
  g_clear_pointer (&layout->points, g_free);
  layout->n_rounds = 0;
}

/* A marker per unit, in shape as well as colour: a circle, a square, a diamond. */
static void
draw_marker (cairo_t             *cr,
             const SamChartStyle *style,
             guint                unit,
             const SamRect       *box)
{
  double cx = box->x + box->width / 2, cy = box->y + box->height / 2, r = box->width / 2;

  cairo_new_path (cr);
  switch (unit)
    {
    case SAM_UNIT_CLINIC:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case SAM_UNIT_CLUSTER:
      cairo_rectangle (cr, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
      break;
    default:
      cairo_move_to (cr, cx, cy - r * 1.2);
      cairo_line_to (cr, cx + r * 1.2, cy);
      cairo_line_to (cr, cx, cy + r * 1.2);
      cairo_line_to (cr, cx - r * 1.2, cy);
      cairo_close_path (cr);
      break;
    }
  _sam_chart_set_colour (cr, &style->units[unit]);
  cairo_fill_preserve (cr);
  _sam_chart_set_colour (cr, &style->background);
  cairo_set_line_width (cr, 1.5 * style->scale);
  cairo_stroke (cr);
}

/* The box a marker covers, its outline and the diamond's points included. */
static SamRect
marker_extent (const SamRect *point,
               guint          unit,
               double         line)
{
  double grow = (unit == SAM_UNIT_COUNTRY ? point->width * 0.1 : 0) + line / 2;

  return (SamRect) { point->x - grow, point->y - grow, point->width + 2 * grow,
                     point->height + 2 * grow };
}

static void
paint (const SamTrendData  *data,
       const SamChartStyle *style,
       cairo_t             *cr,
       double               width,
       double               height)
{
  SamTrendLayout layout = { 0 };
  g_autoptr(SamLabels) labels = NULL;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double line_small = _sam_chart_line_height (style, small);
  double margin = 12 * style->scale;
  double slot;

  sam_chart_trend_layout (data, style, width, height, &layout);
  labels = _sam_chart_begin_paint (cr, style, width, height);

  /* Every marker first, so that no word is put over one. */
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        SamRect extent = marker_extent (&layout.points[u * data->n_rounds + r], u,
                                        1.5 * style->scale);

        _sam_labels_add_mark (labels, &extent);
      }

  _sam_chart_draw_legend_of (labels, legend_entries, data, &layout.legend);

  /* The axis: 0, 25, 50, 75, 100, up the left; the rounds along the foot. */
  _sam_chart_draw_value_axis (labels, &layout.plot, layout.plot.x - margin * 0.5);
  slot = layout.plot.width / MAX (data->n_rounds, 1);
  for (guint r = 0; r < data->n_rounds; r++)
    {
      SamRect box = { layout.round_x[r] - slot / 2 + 2 * style->scale, layout.label_y,
                      slot - 4 * style->scale, rounds_row (style) };

      _sam_labels_place_at (labels, round_label (data, r), font, SAM_LABEL_WRAP,
                            &style->foreground, &box, SAM_ALIGN_CENTRE);
    }

  /* The lines between shown points of consecutive rounds, then the markers. */
  for (guint u = 0; u < SAM_N_UNITS; u++)
    {
      if (data->series[u] == NULL)
        continue;
      _sam_chart_set_colour (cr, &style->units[u]);
      cairo_set_line_width (cr, 3 * style->scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint r = 1; r < data->n_rounds; r++)
        {
          const SamRect *a = &layout.points[u * data->n_rounds + r - 1];
          const SamRect *b = &layout.points[u * data->n_rounds + r];

          if (!shows_figure (&data->series[u][r - 1]) || !shows_figure (&data->series[u][r]))
            continue;
          cairo_move_to (cr, a->x + a->width / 2, a->y + a->height / 2);
          cairo_line_to (cr, b->x + b->width / 2, b->y + b->height / 2);
          cairo_stroke (cr);
        }
    }
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        const SamFigure *figure = &data->series[u][r];
        const SamRect *point = &layout.points[u * data->n_rounds + r];

        if (shows_figure (figure))
          draw_marker (cr, style, u, point);
        else if (figure->withheld != SAM_WITHHELD_NONE)
          _sam_chart_draw_withheld_marker (cr, style, point, figure->withheld);
        else
          _sam_chart_draw_empty_marker (cr, style, point);
      }

  /* The means beside their markers: above, below, right or left, wherever nothing else
   * is; on a plate, so that a line does not run through them. */
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        const SamFigure *figure = &data->series[u][r];
        const SamRect *point = &layout.points[u * data->n_rounds + r];
        double cx = point->x + point->width / 2, cy = point->y + point->height / 2;
        double gap = 0.25 * small + 1.5 * style->scale;

        if (shows_figure (figure))
          {
            g_autofree char *mean = _sam_chart_format_mean (figure->mean);
            SamSpot spots[] = {
              { { cx, point->y - gap - line_small, 0, line_small }, SAM_ALIGN_CENTRE, -1, NULL },
              { { cx, point->y + point->height + gap, 0, line_small }, SAM_ALIGN_CENTRE, -1, NULL },
              { { point->x + point->width + gap + small * 0.3, cy, 0, 0 }, SAM_ALIGN_START, -1,
                NULL },
              { { point->x - gap - small * 0.3, cy, 0, 0 }, SAM_ALIGN_END, -1, NULL },
            };

            _sam_labels_place (labels, mean, small, SAM_LABEL_PLATE, &style->foreground, spots,
                               G_N_ELEMENTS (spots));
          }
        else
          {
            /* Translators: by the marker of a figure not shown on a trend chart: whose
             * figure, and that it is withheld ("Klinik 3: withheld") or that there were no
             * answers. */
            g_autofree char *text =
              g_strdup_printf (_("%s: %s"), unit_name (data, u),
                               figure->withheld != SAM_WITHHELD_NONE ? _sam_chart_withheld_word ()
                                                                     : _("no answers"));
            SamSpot spots[] = {
              { { cx, layout.plot.y, 0, point->y - gap - layout.plot.y }, SAM_ALIGN_START, -1,
                NULL },
              { { cx, point->y - gap - line_small, 0, line_small }, SAM_ALIGN_CENTRE, -1, NULL },
            };

            if (!_sam_labels_place (labels, text, small, SAM_LABEL_PLATE | SAM_LABEL_UPRIGHT,
                                    &style->foreground, &spots[0], 1))
              _sam_labels_place (labels, text, small, SAM_LABEL_PLATE, &style->foreground,
                                 &spots[1], 1);
          }
      }

  sam_chart_trend_layout_clear (&layout);
}

SAM_CHART_DEFINE_DRAW (trend, SamTrendData)

/**
 * sam_chart_trend_describe:
 *
 * Returns: (transfer full): what the chart shows, for a screen reader: each unit's figure
 *   in each round
 */
char *
sam_chart_trend_describe (const SamTrendData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the first sentence describing a chart: the item's or index's name. */
  g_string_append_printf (text, _("%s over the rounds: the mean score (0–100) in each round."),
                          data->title ? data->title : "");
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        g_autofree char *summary = _sam_chart_figure_summary (&data->series[u][r], data->k);

        g_string_append_printf (text, _(" %s, %s: %s."), unit_name (data, u),
                                round_label (data, r), summary);
      }
  g_string_append_printf (text, " %s", _sam_chart_left_out_sentence ());
  return g_string_free (text, FALSE);
}

static void
add_marks (const SamTrendData   *data,
           const SamChartStyle  *style,
           const SamTrendLayout *layout,
           GArray               *marks)
{
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        g_autofree char *summary = _sam_chart_figure_summary (&data->series[u][r], data->k);

        SamRect rect = layout->points[u * data->n_rounds + r];

        /* Where there is no point, the round's height above its marker. */
        if (!shows_figure (&data->series[u][r]))
          rect = (SamRect) { rect.x, layout->plot.y, rect.width,
                             layout->plot.y + layout->plot.height - layout->plot.y };
        sam_chart_marks_add (marks, &rect,
                             g_strdup_printf (_("%s, %s: %s"), unit_name (data, u),
                                              round_label (data, r), summary));
      }
}

/**
 * sam_chart_trend_marks:
 *
 * Returns: (transfer full): a mark per unit and round, unit by unit
 */
SAM_CHART_DEFINE_MARKS (trend, SamTrendData, SamTrendLayout)

/**
 * sam_chart_trend_table:
 *
 * Returns: (transfer full): a row per round: each unit's mean and n
 */
SamChartTable *
sam_chart_trend_table (const SamTrendData *data)
{
  SamChartTable *table;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (data != NULL, NULL);

  table = sam_chart_table_new (data->title);
  /* Translators: a table's column heading: the round of the survey. */
  sam_chart_table_add_column (table, _("Round"));
  for (guint u = 0; u < SAM_N_UNITS; u++)
    {
      g_autofree char *mean = NULL;
      g_autofree char *n = NULL;

      if (data->series[u] == NULL)
        continue;
      mean = g_strdup_printf (_("%s mean"), unit_name (data, u));
      n = g_strdup_printf (_("%s n"), unit_name (data, u));
      sam_chart_table_add_column (table, mean);
      sam_chart_table_add_column (table, n);
    }
  for (guint r = 0; r < data->n_rounds; r++)
    {
      g_ptr_array_add (cells, g_strdup (round_label (data, r)));
      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamFigure *figure;

          if (data->series[u] == NULL)
            continue;
          figure = &data->series[u][r];
          _sam_chart_table_add_figure (cells, TRUE, figure);
        }
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (trend)
