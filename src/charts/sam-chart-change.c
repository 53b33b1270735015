/* sam-chart-change.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-change"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sam-chart-change.h"
#include "sam-chart-private.h"

static gboolean
shows_figure (const SamFigure *figure)
{
  return figure->withheld == SAM_WITHHELD_NONE && figure->n > 0;
}

/**
 * sam_chart_change_shows:
 *
 * Returns: whether a change can be drawn: both rounds' figures are shown
 */
gboolean
sam_chart_change_shows (const SamFigure *before,
                        const SamFigure *after)
{
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  return shows_figure (before) && shows_figure (after);
}

/* The figure that keeps a change from being shown: a withheld one first, as that is
 * what the reader must be told about. */
static const SamFigure *
hiding_figure (const SamChangeRow *row,
               guint               unit)
{
  if (row->before[unit].withheld != SAM_WITHHELD_NONE)
    return &row->before[unit];
  if (row->after[unit].withheld != SAM_WITHHELD_NONE)
    return &row->after[unit];
  return row->after[unit].n == 0 ? &row->after[unit] : &row->before[unit];
}

static const char *
unit_name (const SamChangeData *data,
           guint                unit)
{
  return data->unit_names[unit] != NULL ? data->unit_names[unit] : "";
}

static const char *
round_label (const SamChangeData *data,
             guint                round)
{
  return data->round_labels[round] != NULL ? data->round_labels[round] : "";
}

static gboolean
has_aside (const SamChangeData *data)
{
  for (guint r = 0; r < data->n_rows; r++)
    if (data->rows[r].aside != NULL && *data->rows[r].aside != '\0')
      return TRUE;
  return FALSE;
}

static char *
format_change (double change)
{
  /* One decimal, as the means; "±0.0" where it did not move. */
  if (fabs (change) < 0.05)
    /* Translators: a change of a mean that did not move, in points ("±0.0"). */
    return g_strdup_printf (_("±%.1f"), 0.0);
  if (change > 0)
    /* Translators: a change of a mean upwards, in points ("+6.2"). */
    return g_strdup_printf (_("+%.1f"), change);
  /* Translators: a change of a mean downwards, in points ("−6.2"), with a real minus. */
  return g_strdup_printf (_("−%.1f"), -change);
}

static guint
legend_entries (gconstpointer         chart_data,
                const SamChartStyle  *style,
                char                 *why[2],
                SamLegendEntry       *entries)
{
  const SamChangeData *data = chart_data;
  guint n = 0;
  gboolean empty = FALSE;

  for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
    for (guint r = 0; r < data->n_rows; r++)
      if (data->rows[r].present[u])
        {
          entries[n++] = (SamLegendEntry) { unit_name (data, u), &style->units[u],
                                            SAM_LEGEND_LINE };
          break;
        }
  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
      {
        const SamChangeRow *row = &data->rows[r];
        const SamFigure *figure;
        guint kind;

        if (!row->present[u] || sam_chart_change_shows (&row->before[u], &row->after[u]))
          continue;
        figure = hiding_figure (row, u);
        kind = figure->withheld == SAM_WITHHELD_SECONDARY ? 1 : 0;
        if (figure->withheld != SAM_WITHHELD_NONE && why[kind] == NULL)
          why[kind] = _sam_chart_withheld_text (figure, data->k);
        else if (figure->withheld == SAM_WITHHELD_NONE)
          empty = TRUE;
      }
  n += _sam_chart_withheld_entries (style, why, entries + n);
  if (empty)
    /* Translators: in the legend of a chart of changes: a figure missing in either round. */
    entries[n++] = (SamLegendEntry) { _("No answers in one of the rounds"), &style->dim,
                                      SAM_LEGEND_EMPTY };
  return n;
}

static double
sub_line (const SamChartStyle *style)
{
  return _sam_chart_line_height (style, SAM_CHART_SMALL (style)) * 1.3;
}

static double
row_height (const SamChartStyle *style)
{
  double font = SAM_CHART_FONT (style);

  return MAX (SAM_CHANGE_UNITS * sub_line (style),
              2 * _sam_chart_line_height (style, font)) + font * 0.5;
}

static double
legend_height (const SamChangeData *data,
               const SamChartStyle *style,
               double               width)
{
  double margin = 12 * style->scale;

  return _sam_chart_legend_height_of (style, legend_entries, data, width - 2 * margin);
}

/* A line that says which round is the ring and which the dot, then the axis's numbers. */
static double
header_height (const SamChartStyle *style)
{
  return _sam_chart_line_height (style, SAM_CHART_SMALL (style)) * 2.9;
}

/**
 * sam_chart_change_height:
 *
 * Returns: the height the chart needs at @width for every row at the style's text size
 */
double
sam_chart_change_height (const SamChangeData *data,
                         const SamChartStyle *style,
                         double               width)
{
  double margin;

  g_return_val_if_fail (data != NULL && style != NULL, 0);

  margin = 12 * style->scale;
  return ceil (2 * margin + legend_height (data, style, width) + SAM_CHART_FONT (style) * 0.6 +
               header_height (style) + MAX (data->n_rows, 1) * row_height (style));
}

static void
compute_layout (const SamChangeData *data,
                const SamChartStyle *style,
                double               width,
                double               height,
                SamChangeLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  /* Room right of the axis for the widest change, "−00.0". */
  double room = _sam_chart_text_width (style, "−00.0", small, FALSE) + font * 0.6;
  double top, right;

  layout->legend = (SamRect) { margin, margin, width - 2 * margin,
                               legend_height (data, style, width) };
  layout->marker_size = MAX (small * 0.9, 7 * style->scale);
  layout->row_height = row_height (style);
  layout->label_x = margin;
  layout->label_width = CLAMP (width * 0.3, MIN (8 * font, width * 0.4), 22 * font);
  layout->aside_width = has_aside (data) ? CLAMP (width * 0.22, MIN (6 * font, width * 0.25),
                                                  20 * font)
                                         : 0;
  layout->aside_x = width - margin - layout->aside_width;
  top = layout->legend.y + layout->legend.height + font * 0.6;
  layout->axis_y = top;
  layout->plot.x = layout->label_x + layout->label_width + font * 0.8 + layout->marker_size;
  layout->plot.y = top + header_height (style);
  right = layout->aside_width > 0 ? layout->aside_x - font * 0.8 : width - margin;
  layout->plot.width = MAX (right - room - layout->plot.x, 1);
  layout->plot.height = MAX (MIN (data->n_rows * layout->row_height,
                                  height - margin - layout->plot.y), 1);
  /* Rows that the surface cannot hold shrink, down to the text's own height. */
  if (data->n_rows > 0 && data->n_rows * layout->row_height > layout->plot.height)
    layout->row_height = layout->plot.height / data->n_rows;

  layout->n_rows = data->n_rows;
  layout->row_y = g_new0 (double, MAX (data->n_rows, 1));
  for (guint r = 0; r < data->n_rows; r++)
    layout->row_y[r] = layout->plot.y + r * layout->row_height;
}

SAM_CHART_DEFINE_LAYOUT (change, SamChangeData, SamChangeLayout)

void
sam_chart_change_layout_clear (SamChangeLayout *layout)
{
  g_clear_pointer (&layout->row_y, g_free);
  layout->n_rows = 0;
}

static double
value_x (const SamChangeLayout *layout,
         double                 mean)
{
  return layout->plot.x + layout->plot.width * CLAMP (mean, 0, 100) / 100.0;
}

/* The centre line of a unit's part of a row. */
static double
unit_y (const SamChangeLayout *layout,
        guint                  row,
        guint                  unit)
{
  return layout->row_y[row] + layout->row_height * (unit + 0.5) / SAM_CHANGE_UNITS;
}

static SamRect
marker_box (const SamChangeLayout *layout,
            double                 x,
            double                 y)
{
  double d = MIN (layout->marker_size, layout->row_height / SAM_CHANGE_UNITS * 0.8);

  return (SamRect) { x - d / 2, y - d / 2, d, d };
}

/* What a unit's ring, dot and the arrow between them cover, with a line's width around. */
static SamRect
arrow_span (const SamChangeLayout *layout,
            const SamChangeRow    *row,
            guint                  unit,
            double                 y,
            double                 line)
{
  double a = value_x (layout, row->before[unit].mean);
  double b = value_x (layout, row->after[unit].mean);
  SamRect ring = marker_box (layout, a, y), dot = marker_box (layout, b, y);

  return (SamRect) { MIN (ring.x, dot.x) - line, MIN (ring.y, dot.y) - line,
                     fabs (a - b) + ring.width + 2 * line, ring.height + 2 * line };
}

static void
paint (const SamChangeData *data,
       const SamChartStyle *style,
       cairo_t             *cr,
       double               width,
       double               height)
{
  SamChangeLayout layout = { 0 };
  g_autoptr(SamLabels) labels = NULL;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double line_small = _sam_chart_line_height (style, small);
  double line = 1.5 * style->scale;
  int *hosts;

  sam_chart_change_layout (data, style, width, height, &layout);
  labels = _sam_chart_begin_paint (cr, style, width, height);
  hosts = g_new0 (int, MAX (data->n_rows * SAM_CHANGE_UNITS, 1));

  /* The rows' rules and the axis's lines, under everything. */
  cairo_set_line_width (cr, 1 * style->scale);
  _sam_chart_set_colour (cr, &style->grid);
  for (guint r = 1; r < data->n_rows; r++)
    {
      cairo_move_to (cr, layout.label_x, layout.row_y[r]);
      cairo_line_to (cr, width - 12 * style->scale, layout.row_y[r]);
    }
  for (int tick = 0; tick <= 100; tick += layout.plot.width >= 12 * small ? 25 : 50)
    {
      cairo_move_to (cr, value_x (&layout, tick), layout.plot.y);
      cairo_line_to (cr, value_x (&layout, tick), layout.plot.y + layout.plot.height);
    }
  cairo_stroke (cr);

  /* Every marker and arrow is a mark before any word is placed. */
  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
      {
        const SamChangeRow *row = &data->rows[r];
        double y = unit_y (&layout, r, u);
        SamRect box;

        hosts[r * SAM_CHANGE_UNITS + u] = -1;
        if (!row->present[u])
          continue;
        if (sam_chart_change_shows (&row->before[u], &row->after[u]))
          {
            SamRect span = arrow_span (&layout, row, u, y, line);

            hosts[r * SAM_CHANGE_UNITS + u] = _sam_labels_add_mark (labels, &span);
          }
        else
          {
            box = marker_box (&layout, layout.plot.x, y);
            box.x = layout.plot.x - box.width - line;
            hosts[r * SAM_CHANGE_UNITS + u] = _sam_labels_add_mark (labels, &box);
          }
      }

  _sam_chart_draw_legend_of (labels, legend_entries, data, &layout.legend);

  /* Which round is the ring and which the dot, over the items' words; the axis's numbers
   * over the plot. */
  {
    /* Translators: over a chart of changes: the earlier round (a ring) to the later (a
     * dot), e.g. "○ Runde 1 → ● Runde 2". */
    g_autofree char *key = g_strdup_printf (_("○ %s → ● %s"), round_label (data, 0),
                                            round_label (data, 1));
    SamRect box = { layout.label_x, layout.axis_y + line_small * 0.6,
                    width - 12 * style->scale - layout.label_x, 0 };

    _sam_labels_place_at (labels, key, small, SAM_LABEL_ELLIPSIZE, &style->foreground, &box,
                          SAM_ALIGN_START);
  }
  for (int tick = 0; tick <= 100; tick += layout.plot.width >= 12 * small ? 25 : 50)
    {
      SamRect box = { value_x (&layout, tick), layout.axis_y + line_small * 2.1, 0, 0 };
      char text[8];

      g_snprintf (text, sizeof text, "%d", tick);
      _sam_labels_place_at (labels, text, small, 0, &style->dim, &box, SAM_ALIGN_CENTRE);
    }

  for (guint r = 0; r < data->n_rows; r++)
    {
      const SamChangeRow *row = &data->rows[r];
      SamRect box = { layout.label_x, layout.row_y[r] + font * 0.15, layout.label_width,
                      layout.row_height - font * 0.3 };

      _sam_labels_place_at (labels, row->label ? row->label : "", font,
                            SAM_LABEL_WRAP | (row->heading ? SAM_LABEL_BOLD : 0),
                            &style->foreground, &box, SAM_ALIGN_START);
      if (layout.aside_width > 0 && row->aside != NULL && *row->aside != '\0')
        {
          SamRect aside = { layout.aside_x, layout.row_y[r] + font * 0.15, layout.aside_width,
                            layout.row_height - font * 0.3 };

          _sam_labels_place_at (labels, row->aside, small, SAM_LABEL_WRAP, &style->foreground,
                                &aside, SAM_ALIGN_START);
        }

      for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
        {
          double y = unit_y (&layout, r, u);
          double gap = 0.3 * small + line;

          if (!row->present[u])
            continue;
          if (sam_chart_change_shows (&row->before[u], &row->after[u]))
            {
              double a = value_x (&layout, row->before[u].mean);
              double b = value_x (&layout, row->after[u].mean);
              SamRect ring = marker_box (&layout, a, y), dot = marker_box (&layout, b, y);
              double head = dot.width * 0.55;
              g_autofree char *change = format_change (row->after[u].mean - row->before[u].mean);
              double right = MAX (ring.x + ring.width, dot.x + dot.width);
              double left = MIN (ring.x, dot.x);
              SamSpot spots[] = {
                { { right + gap, y, 0, 0 }, SAM_ALIGN_START, -1, NULL },
                { { left - gap, y, 0, 0 }, SAM_ALIGN_END, -1, NULL },
              };

              /* The arrow, where the two are far enough apart to hold one. */
              _sam_chart_set_colour (cr, &style->units[u]);
              cairo_set_line_width (cr, 2 * style->scale);
              if (fabs (b - a) > ring.width + head)
                {
                  double dir = b > a ? 1 : -1;
                  double from = a + dir * ring.width / 2, to = b - dir * dot.width / 2;

                  cairo_move_to (cr, from, y);
                  cairo_line_to (cr, to - dir * head * 0.6, y);
                  cairo_stroke (cr);
                  cairo_move_to (cr, to, y);
                  cairo_line_to (cr, to - dir * head, y - head * 0.55);
                  cairo_line_to (cr, to - dir * head, y + head * 0.55);
                  cairo_close_path (cr);
                  cairo_fill (cr);
                }
              /* The ring of the earlier round, then the dot of the later one. */
              cairo_new_path (cr);
              cairo_arc (cr, a, y, ring.width / 2 - line / 2, 0, 2 * G_PI);
              _sam_chart_set_colour (cr, &style->background);
              cairo_fill_preserve (cr);
              _sam_chart_set_colour (cr, &style->units[u]);
              cairo_set_line_width (cr, line);
              cairo_stroke (cr);
              cairo_arc (cr, b, y, dot.width / 2, 0, 2 * G_PI);
              cairo_fill (cr);

              _sam_labels_place (labels, change, small, 0, &style->foreground, spots,
                                 G_N_ELEMENTS (spots));
            }
          else
            {
              const SamFigure *figure = hiding_figure (row, u);
              SamRect marker = marker_box (&layout, layout.plot.x, y);
              SamSpot spot = { { layout.plot.x + gap, y, 0, 0 }, SAM_ALIGN_START, -1, NULL };

              marker.x = layout.plot.x - marker.width - line;
              if (figure->withheld != SAM_WITHHELD_NONE)
                _sam_chart_draw_withheld_marker (cr, style, &marker, figure->withheld);
              else
                _sam_chart_draw_empty_marker (cr, style, &marker);
              _sam_labels_place (labels,
                                 figure->withheld != SAM_WITHHELD_NONE ? _sam_chart_withheld_word ()
                                                                       : _("no answers"),
                                 small, SAM_LABEL_PLATE, &style->dim, &spot, 1);
            }
        }
    }

  g_free (hosts);
  sam_chart_change_layout_clear (&layout);
}

SAM_CHART_DEFINE_DRAW (change, SamChangeData)

/* A unit's change in words: "Klinik 3: 62.0 → 68.5, up 6.5 points" or why it is not
 * shown. */
static char *
change_words (const SamChangeData *data,
              const SamChangeRow  *row,
              guint                unit)
{
  const SamFigure *before = &row->before[unit], *after = &row->after[unit];
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  double change;

  if (!sam_chart_change_shows (before, after))
    {
      const SamFigure *figure = hiding_figure (row, unit);

      if (figure->withheld != SAM_WITHHELD_NONE)
        {
          g_autofree char *reason = sam_chart_withheld_reason (figure, data->k);

          /* Translators: who, and why the change is not shown ("Klinik 3: withheld: fewer
           * than 3 answers"). */
          return g_strdup_printf (_("%s: %s"), unit_name (data, unit), reason);
        }
      /* Translators: who has no change to show, for lack of answers in a round. */
      return g_strdup_printf (_("%s: no answers in one of the rounds"), unit_name (data, unit));
    }
  from = _sam_chart_format_mean (before->mean);
  to = _sam_chart_format_mean (after->mean);
  change = after->mean - before->mean;
  if (fabs (change) < 0.05)
    /* Translators: who, the mean in the earlier and in the later round. */
    return g_strdup_printf (_("%s: %s → %s, no change"), unit_name (data, unit), from, to);
  /* Translators: who, the mean in the earlier and in the later round, and the change. */
  return g_strdup_printf (change > 0 ? _("%s: %s → %s, up %.1f points")
                                     : _("%s: %s → %s, down %.1f points"),
                          unit_name (data, unit), from, to, fabs (change));
}

/**
 * sam_chart_change_describe:
 *
 * Returns: (transfer full): what the chart shows, for a screen reader
 */
char *
sam_chart_change_describe (const SamChangeData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the first sentence describing the chart of changes between two rounds. */
  g_string_append_printf (text,
                          _("The change in the mean score (0–100) from %s to %s, item by "
                            "item."),
                          round_label (data, 0), round_label (data, 1));
  for (guint r = 0; r < data->n_rows; r++)
    {
      const SamChangeRow *row = &data->rows[r];

      g_string_append_printf (text, " %s:", row->label ? row->label : "");
      for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
        if (row->present[u])
          {
            g_autofree char *words = change_words (data, row, u);

            g_string_append_printf (text, " %s.", words);
          }
      if (row->aside != NULL && *row->aside != '\0')
        g_string_append_printf (text, " %s", row->aside);
    }
  g_string_append_printf (text, " %s", _sam_chart_left_out_sentence ());
  return g_string_free (text, FALSE);
}

static void
add_marks (const SamChangeData   *data,
           const SamChartStyle   *style,
           const SamChangeLayout *layout,
           GArray                *marks)
{
  for (guint r = 0; r < data->n_rows; r++)
    for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
      {
        const SamChangeRow *row = &data->rows[r];
        double part = layout->row_height / SAM_CHANGE_UNITS;
        SamRect rect = { layout->plot.x - layout->marker_size, layout->row_y[r] + u * part,
                         layout->plot.width + layout->marker_size, part };
        g_autofree char *words = NULL;

        if (!row->present[u])
          continue;
        words = change_words (data, row, u);
        sam_chart_marks_add (marks, &rect, g_strdup_printf ("%s, %s", row->label ? row->label : "",
                                                            words));
      }
}

/**
 * sam_chart_change_marks:
 *
 * Returns: (transfer full): a mark per row and unit, across the plot
 */
SAM_CHART_DEFINE_MARKS (change, SamChangeData, SamChangeLayout)

static void
add_figure_cells (GPtrArray       *cells,
                  const SamFigure *figure)
{
  if (figure->withheld != SAM_WITHHELD_NONE)
    g_ptr_array_add (cells, g_strdup (_sam_chart_withheld_word ()));
  else if (figure->n == 0)
    g_ptr_array_add (cells, g_strdup (_("no answers")));
  else
    g_ptr_array_add (cells, _sam_chart_format_mean (figure->mean));
}

/**
 * sam_chart_change_table:
 *
 * Returns: (transfer full): a row per item: each unit's mean in either round and the
 *   change, where both are shown; the actions
 */
SamChartTable *
sam_chart_change_table (const SamChangeData *data)
{
  SamChartTable *table;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean aside = has_aside (data);

  g_return_val_if_fail (data != NULL, NULL);

  table = sam_chart_table_new (data->title);
  sam_chart_table_add_column (table, _("Item"));
  for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
    for (guint column = 0; column < 3; column++)
      {
        g_autofree char *heading = NULL;

        if (column < 2)
          /* Translators: a table's column heading: whose mean, in which round. */
          heading = g_strdup_printf (_("%s, %s"), unit_name (data, u), round_label (data, column));
        else
          /* Translators: a table's column heading: whose change between the rounds. */
          heading = g_strdup_printf (_("%s, change"), unit_name (data, u));
        sam_chart_table_add_column (table, heading);
      }
  if (aside)
    /* Translators: a table's column heading: the plan's actions aimed at the item. */
    sam_chart_table_add_column (table, _("Actions"));
  for (guint r = 0; r < data->n_rows; r++)
    {
      const SamChangeRow *row = &data->rows[r];

      g_ptr_array_add (cells, g_strdup (row->label ? row->label : ""));
      for (guint u = 0; u < SAM_CHANGE_UNITS; u++)
        {
          if (!row->present[u])
            {
              for (guint column = 0; column < 3; column++)
                g_ptr_array_add (cells, g_strdup ("–"));
              continue;
            }
          add_figure_cells (cells, &row->before[u]);
          add_figure_cells (cells, &row->after[u]);
          if (sam_chart_change_shows (&row->before[u], &row->after[u]))
            g_ptr_array_add (cells, format_change (row->after[u].mean - row->before[u].mean));
          else
            g_ptr_array_add (cells, g_strdup (hiding_figure (row, u)->withheld != SAM_WITHHELD_NONE
                                              ? _sam_chart_withheld_word () : _("no answers")));
        }
      if (aside)
        g_ptr_array_add (cells, g_strdup (row->aside ? row->aside : ""));
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (change)
