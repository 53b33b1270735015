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
legend_entries (const SamTrendData  *data,
                const SamChartStyle *style,
                char               **why,
                SamLegendEntry      *entries)
{
  guint n = 0;

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
      }
  for (guint kind = 0; kind < 2; kind++)
    if (why[kind] != NULL)
      entries[n++] = (SamLegendEntry) { why[kind], &style->dim, SAM_LEGEND_HATCH };
  return n;
}

static double
value_y (const SamTrendLayout *layout,
         double                mean)
{
  return layout->plot.y + layout->plot.height * (1 - CLAMP (mean, 0, 100) / 100.0);
}

/* Mapping: pure arithmetic, so that tests and hit-testing know where everything is. */
static void
compute_layout (const SamTrendData  *data,
                const SamChartStyle *style,
                double               width,
                double               height,
                SamTrendLayout      *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = font * 0.85;
  double axis_width = 2.6 * small;
  SamLegendEntry entries[SAM_N_UNITS + 2];
  char *why[2] = { NULL, NULL };
  guint n_units = 0;
  double slot;

  layout->legend = (SamRect) { margin, margin, width - 2 * margin, 0 };
  layout->legend.height =
    _sam_chart_legend_height (style, entries, legend_entries (data, style, why, entries),
                              layout->legend.width);
  g_free (why[0]);
  g_free (why[1]);

  layout->marker_size = MAX (font * 1.05, 7 * style->scale);
  layout->plot.x = margin + axis_width + margin * 0.5;
  layout->plot.y = layout->legend.y + layout->legend.height + font * 1.2 + small * 1.4;
  layout->plot.width = MAX (width - layout->plot.x - 2 * margin, 1);
  layout->plot.height = MAX (height - margin - font * 2.4 - layout->plot.y, 1);
  layout->label_y = layout->plot.y + layout->plot.height + font * 0.5;

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
          double band = MIN (small * 1.6, slot / (n_units + 1));

          if (shows_figure (figure))
            {
              double y = value_y (layout, figure->mean);

              *point =
                (SamRect) { layout->round_x[r] - layout->marker_size / 2,
                            y - layout->marker_size / 2, layout->marker_size, layout->marker_size };
            }
          else
            {
              /* A band up the whole axis, side by side where several units lack a figure. */
              double x =
                layout->round_x[r] + (slot_u - (n_units - 1) / 2.0) * band * 1.25 - band / 2;

              *point = (SamRect) { x, layout->plot.y, band, layout->plot.height };
            }
        }
      slot_u++;
    }
}

/**
 * sam_chart_trend_layout:
 *
 * Where everything goes at this size, for the paint function, hit-testing and tests.
 * Text is made smaller where the surface is too small for the style's size.
 */
void
sam_chart_trend_layout (const SamTrendData  *data,
                        const SamChartStyle *style,
                        double               width,
                        double               height,
                        SamTrendLayout      *layout)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && layout != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  compute_layout (data, &fitted, width, height, layout);
}

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

static gboolean
overlaps (const SamRect *a,
          const SamRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

/* Where the mean of each shown point goes: above its marker, or below where that would
 * cover another label or marker of the same round, or nowhere (the marks and the table
 * have it) where both would. Widths zero where there is no label. */
static void
place_labels (const SamTrendData   *data,
              const SamTrendLayout *layout,
              double                small,
              SamRect              *labels)
{
  for (guint r = 0; r < data->n_rounds; r++)
    for (guint u = 0; u < SAM_N_UNITS; u++)
      {
        const SamRect *point = &layout->points[u * layout->n_rounds + r];
        SamRect tries[2];

        if (data->series[u] == NULL || !shows_figure (&data->series[u][r]))
          continue;
        tries[0] = (SamRect) { point->x + point->width / 2 - 2 * small, point->y - small * 1.4,
                               4 * small, small * 1.3 };
        tries[1] = tries[0];
        tries[1].y = point->y + point->height + small * 0.1;
        for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
          {
            gboolean free = TRUE;

            for (guint v = 0; v < SAM_N_UNITS && free; v++)
              {
                const SamRect *other = &layout->points[v * layout->n_rounds + r];

                if (data->series[v] == NULL || !shows_figure (&data->series[v][r]))
                  continue;
                if ((v != u && overlaps (&tries[t], other)) ||
                    (labels[v * layout->n_rounds + r].width > 0 &&
                     overlaps (&tries[t], &labels[v * layout->n_rounds + r])))
                  free = FALSE;
              }
            if (free)
              {
                labels[u * layout->n_rounds + r] = tries[t];
                break;
              }
          }
      }
}

static void
paint (const SamTrendData  *data,
       const SamChartStyle *style,
       cairo_t             *cr,
       double               width,
       double               height)
{
  SamTrendLayout layout = { 0 };
  SamLegendEntry entries[SAM_N_UNITS + 2];
  char *why[2] = { NULL, NULL };
  double font = SAM_CHART_FONT (style);
  double small = font * 0.85;
  double margin = 12 * style->scale;
  double slot;
  SamRect *labels;
  guint n_entries;

  sam_chart_trend_layout (data, style, width, height, &layout);
  _sam_chart_paint_background (cr, style);

  n_entries = legend_entries (data, style, why, entries);
  _sam_chart_draw_legend (cr, style, entries, n_entries, &layout.legend);
  g_free (why[0]);
  g_free (why[1]);

  /* The axis: 0, 25, 50, 75, 100, up the left; the rounds along the foot. */
  cairo_set_line_width (cr, 1 * style->scale);
  for (int tick = 0; tick <= 100; tick += layout.plot.height / 4 >= small * 1.5 ? 25 : 50)
    {
      double y = value_y (&layout, tick);
      SamRect box = { margin * 0.5, y - small, layout.plot.x - margin, small * 2 };
      char text[8];

      _sam_chart_set_colour (cr, &style->grid);
      cairo_move_to (cr, layout.plot.x, y);
      cairo_line_to (cr, layout.plot.x + layout.plot.width, y);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%d", tick);
      _sam_chart_set_colour (cr, &style->dim);
      _sam_chart_draw_text (cr, style, text, &box, small, FALSE, SAM_ALIGN_END);
    }
  slot = layout.plot.width / MAX (data->n_rounds, 1);
  for (guint r = 0; r < data->n_rounds; r++)
    {
      SamRect box = { layout.round_x[r] - slot / 2 + 2 * style->scale, layout.label_y,
                      slot - 4 * style->scale, font * 1.4 };

      _sam_chart_set_colour (cr, &style->foreground);
      _sam_chart_draw_text (cr, style, round_label (data, r), &box, font, FALSE, SAM_ALIGN_CENTRE);
    }

  /* Bands where a unit has no figure to show, then the lines between shown points of
   * consecutive rounds, then the markers and the means. */
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        const SamFigure *figure = &data->series[u][r];
        const SamRect *band = &layout.points[u * data->n_rounds + r];
        g_autofree char *text = NULL;
        SamRect box;

        if (shows_figure (figure))
          continue;
        if (figure->withheld != SAM_WITHHELD_NONE)
          _sam_chart_draw_hatch (cr, style, band);
        /* Outlined in the unit's colour, so that one sees whose figure it is. */
        _sam_chart_set_colour (cr, &style->units[u]);
        cairo_set_line_width (cr, 2 * style->scale);
        cairo_rectangle (cr, band->x, band->y, band->width, band->height);
        cairo_stroke (cr);
        cairo_set_line_width (cr, 1 * style->scale);
        /* Translators: upright in a band on a trend chart: whose figure, and that it is
         * withheld ("Klinik 3: withheld") or that there were no answers. */
        text = g_strdup_printf (_("%s: %s"), unit_name (data, u),
                                figure->withheld != SAM_WITHHELD_NONE ? _sam_chart_withheld_word ()
                                                                      : _("no answers"));
        {
          double size = MIN (small, band->width * 0.7);
          double along = MIN (_sam_chart_estimate_width (text, size) + size, band->height * 0.9);

          /* On a plate as long as the words, low in the band, clear of most lines. */
          box = (SamRect) { band->x, band->y + band->height - along - band->height * 0.05,
                            band->width, along };
          _sam_chart_set_colour (cr, &style->background);
          cairo_rectangle (cr, box.x + band->width * 0.12, box.y, band->width * 0.76, box.height);
          cairo_fill (cr);
        }
        _sam_chart_set_colour (cr, &style->foreground);
        _sam_chart_draw_text_vertical (cr, style, text, &box, MIN (small, band->width * 0.7));
      }

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

  labels = g_new0 (SamRect, SAM_N_UNITS * MAX (data->n_rounds, 1));
  place_labels (data, &layout, small, labels);
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        const SamFigure *figure = &data->series[u][r];
        const SamRect *label = &labels[u * data->n_rounds + r];
        g_autofree char *mean = NULL;

        if (!shows_figure (figure))
          continue;
        draw_marker (cr, style, u, &layout.points[u * data->n_rounds + r]);
        if (label->width <= 0)
          continue;
        mean = _sam_chart_format_mean (figure->mean);
        _sam_chart_set_colour (cr, &style->foreground);
        _sam_chart_draw_text (cr, style, mean, label, small, FALSE, SAM_ALIGN_CENTRE);
      }
  g_free (labels);

  sam_chart_trend_layout_clear (&layout);
}

/**
 * sam_chart_trend_draw:
 *
 * Paints the chart in (0, 0, @width, @height) of @cr, on any surface.
 */
void
sam_chart_trend_draw (const SamTrendData  *data,
                      const SamChartStyle *style,
                      cairo_t             *cr,
                      double               width,
                      double               height)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && cr != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  paint (data, &fitted, cr, width, height);
}

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
  return g_string_free (text, FALSE);
}

/**
 * sam_chart_trend_marks:
 *
 * Returns: (transfer full): a mark per unit and round, unit by unit
 */
GArray *
sam_chart_trend_marks (const SamTrendData  *data,
                       const SamChartStyle *style,
                       double               width,
                       double               height)
{
  SamTrendLayout layout = { 0 };
  GArray *marks = sam_chart_marks_new ();

  g_return_val_if_fail (data != NULL && style != NULL, marks);

  sam_chart_trend_layout (data, style, width, height, &layout);
  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; data->series[u] != NULL && r < data->n_rounds; r++)
      {
        g_autofree char *summary = _sam_chart_figure_summary (&data->series[u][r], data->k);

        sam_chart_marks_add (marks, &layout.points[u * data->n_rounds + r],
                             g_strdup_printf (_("%s, %s: %s"), unit_name (data, u),
                                              round_label (data, r), summary));
      }
  sam_chart_trend_layout_clear (&layout);
  return marks;
}

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

SAM_CHART_DEFINE_KIND (trend)
