/* sam-chart-overview.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-overview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-chart-overview.h"
#include "sam-chart-private.h"

#define N_ROUNDS(data) (CLAMP ((data)->n_rounds, 1, 2))

static gboolean
shows_figure (const SamFigure *figure)
{
  return figure->withheld == SAM_WITHHELD_NONE && figure->n > 0;
}

static const char *
round_label (const SamOverviewData *data,
             guint                  round)
{
  return data->round_labels[round] != NULL ? data->round_labels[round] : "";
}

static gboolean
has_own (const SamOverviewData *data)
{
  for (guint b = 0; b < data->n_bars; b++)
    if (data->bars[b].own)
      return TRUE;
  return FALSE;
}

/**
 * sam_chart_overview_bar_colour:
 *
 * Returns: the colour of the clinics' bars in @round: the clinic colour for the latest
 *   round, the same paler for the earlier one
 */
SamRgba
sam_chart_overview_bar_colour (const SamOverviewData *data,
                               const SamChartStyle   *style,
                               guint                  round)
{
  if (N_ROUNDS (data) == 2 && round == 0)
    return _sam_chart_mix (&style->units[SAM_UNIT_CLINIC], &style->background, 0.55);
  return style->units[SAM_UNIT_CLINIC];
}

/* The legend's entries; @colours holds the round colours they point to. */
static guint
legend_entries (const SamOverviewData *data,
                const SamChartStyle   *style,
                SamRgba               *colours,
                char                 **texts,
                SamLegendEntry        *entries)
{
  guint n = 0, latest = N_ROUNDS (data) - 1;
  const SamFigure *primary = NULL, *secondary = NULL;
  gboolean empty = FALSE;

  for (guint r = 0; r < N_ROUNDS (data); r++)
    {
      colours[r] = sam_chart_overview_bar_colour (data, style, r);
      entries[n++] = (SamLegendEntry) { round_label (data, r), &colours[r], SAM_LEGEND_SWATCH };
    }
  if (data->has_cluster[latest] && shows_figure (&data->cluster[latest]))
    /* Translators: in a chart's legend: the line of the cluster's mean. */
    entries[n++] =
      (SamLegendEntry) { _("Cluster mean"), &style->units[SAM_UNIT_CLUSTER], SAM_LEGEND_LINE };
  if (data->has_national[latest] && shows_figure (&data->national[latest]))
    /* Translators: in a chart's legend: the line of the national mean. */
    entries[n++] =
      (SamLegendEntry) { _("National mean"), &style->units[SAM_UNIT_COUNTRY], SAM_LEGEND_LINE };
  if (N_ROUNDS (data) == 2 && ((data->has_cluster[0] && shows_figure (&data->cluster[0])) ||
                               (data->has_national[0] && shows_figure (&data->national[0]))))
    {
      /* Translators: in a chart's legend: the dashed lines are the means of the earlier round. */
      texts[0] = g_strdup_printf (_("Means in %s"), round_label (data, 0));
      entries[n++] = (SamLegendEntry) { texts[0], &style->dim, SAM_LEGEND_DASH };
    }
  if (has_own (data))
    /* Translators: in a chart's legend: the outline around the own clinic's bars. */
    entries[n++] = (SamLegendEntry) { _("Your clinic"), &style->foreground, SAM_LEGEND_OUTLINE };

  for (guint b = 0; b < data->n_bars; b++)
    for (guint r = 0; r < N_ROUNDS (data); r++)
      if (data->bars[b].present[r])
        {
          const SamFigure *figure = &data->bars[b].figures[r];

          if (figure->withheld == SAM_WITHHELD_PRIMARY && primary == NULL)
            primary = figure;
          else if (figure->withheld == SAM_WITHHELD_SECONDARY && secondary == NULL)
            secondary = figure;
          else if (figure->withheld == SAM_WITHHELD_NONE && figure->n == 0)
            empty = TRUE;
        }
  if (primary != NULL)
    {
      texts[1] = _sam_chart_withheld_text (primary, data->k);
      entries[n++] = (SamLegendEntry) { texts[1], &style->dim, SAM_LEGEND_WITHHELD };
    }
  if (secondary != NULL)
    {
      texts[2] = _sam_chart_withheld_text (secondary, data->k);
      entries[n++] = (SamLegendEntry) { texts[2], &style->dim, SAM_LEGEND_WITHHELD_SECONDARY };
    }
  if (empty)
    /* Translators: in a chart's legend, beside an open ring: a clinic without answers. */
    entries[n++] = (SamLegendEntry) { _("No answers"), &style->dim, SAM_LEGEND_EMPTY };
  return n;
}

#define N_ENTRIES 10
#define N_TEXTS 3

static void
free_texts (char **texts)
{
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&texts[i], g_free);
}

static double
value_y (const SamOverviewLayout *layout,
         double                   mean)
{
  return layout->plot.y + layout->plot.height * (1 - CLAMP (mean, 0, 100) / 100.0);
}

/* The width of the lines' labels: as wide as the longer name, or narrower on a narrow
 * chart, where the names wrap ("Klyngens / gennemsnit"), but never narrower than a word. */
static double
line_label_width (const SamChartStyle *style,
                  double               width)
{
  double small = SAM_CHART_SMALL (style);
  const char *names[] = { _("Cluster mean"), _("National mean") };
  double whole = 0, word = 0;

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_auto(GStrv) words = g_strsplit (names[n], " ", -1);

      whole = MAX (whole, _sam_chart_text_width (style, names[n], small, FALSE));
      for (guint w = 0; words[w] != NULL; w++)
        word = MAX (word, _sam_chart_text_width (style, words[w], small, FALSE));
    }
  return MIN (whole, MAX (width * 0.12, word)) + small * 0.2;
}

/* Mapping: pure arithmetic on measured text, so that tests and hit-testing know where
 * everything is. */
static void
compute_layout (const SamOverviewData *data,
                const SamChartStyle   *style,
                double                 width,
                double                 height,
                SamOverviewLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double line_small = _sam_chart_line_height (style, small);
  double axis_width = _sam_chart_text_width (style, "100", small, FALSE) + 0.3 * font;
  /* Between the plot and the lines' labels, room for half a mean above the last bar. */
  double reach = MAX (margin * 0.5, _sam_chart_text_width (style, "100.0", small, FALSE) / 2 +
                                      small * 0.7);
  double label_width = line_label_width (style, width) + margin * 0.5 + reach;
  double bottom_rows, top, group, bar_width, gap;
  SamLegendEntry entries[N_ENTRIES];
  SamRgba colours[2];
  char *texts[N_TEXTS] = { NULL };
  guint n_rounds = N_ROUNDS (data);

  layout->legend = (SamRect) { margin, margin, width - 2 * margin, 0 };
  layout->legend.height =
    _sam_chart_legend_height (style, entries, legend_entries (data, style, colours, texts, entries),
                              layout->legend.width);
  free_texts (texts);

  /* The codes under the bars: across a clinic's slot at the body's size where they fit,
   * else at the small size, else on two lines, else upright. */
  {
    /* A slot less the room the labels keep between them (SamLabels). */
    double slot = (width - margin * 1.5 - axis_width - margin * 0.5 - label_width) /
                    MAX (data->n_bars, 1) -
                  4 * style->scale - 0.4 * font;
    double longest = 0, longest_small = 0, longest_word = 0;

    for (guint b = 0; b < data->n_bars; b++)
      {
        g_auto(GStrv) words = g_strsplit (data->bars[b].code, " ", -1);

        longest = MAX (longest, _sam_chart_text_width (style, data->bars[b].code, font, TRUE));
        longest_small =
          MAX (longest_small, _sam_chart_text_width (style, data->bars[b].code, small, TRUE));
        for (guint w = 0; words[w] != NULL; w++)
          longest_word = MAX (longest_word, _sam_chart_text_width (style, words[w], small, TRUE));
      }
    layout->codes_upright = layout->codes_wrap = FALSE;
    layout->code_size = font;
    if (longest > slot && longest_small <= slot)
      layout->code_size = small;
    else if (longest > slot && longest_word <= slot)
      {
        layout->code_size = small;
        layout->codes_wrap = TRUE;
      }
    else if (longest > slot)
      {
        /* Upright, side by side: each as wide as a line, with room between. */
        layout->codes_upright = TRUE;
        if (_sam_chart_line_height (style, font) * 1.25 > slot)
          layout->code_size = small;
      }
    layout->code_height =
      layout->codes_upright ? MIN (longest * layout->code_size / font + font * 0.5, height * 0.2)
      : (layout->codes_wrap ? 2 : 1) * _sam_chart_line_height (style, layout->code_size) +
          font * 0.2;
  }
  bottom_rows = line_small * 1.1 + layout->code_height + (has_own (data) ? line_small * 1.1 : 0);
  top = layout->legend.y + layout->legend.height + font * 0.6;
  layout->plot.x = margin + axis_width + margin * 0.5;
  layout->plot.y = top + line_small * 1.3;     /* room for a mean above a bar at 100 */
  layout->plot.width = MAX (width - layout->plot.x - margin * 0.5 - label_width, 1);
  layout->plot.height = MAX (height - margin - bottom_rows - layout->plot.y, 1);
  layout->line_label_x = layout->plot.x + layout->plot.width + reach;
  layout->n_y = layout->plot.y + layout->plot.height + font * 0.15;
  layout->code_y = layout->n_y + line_small * 1.1;
  layout->own_y = layout->code_y + layout->code_height;

  layout->slot_width = layout->plot.width / MAX (data->n_bars, 1);
  group = layout->slot_width * (n_rounds == 2 ? 0.76 : 0.6);
  gap = n_rounds == 2 ? MIN (group * 0.06, 4 * style->scale) : 0;
  bar_width = group / n_rounds;
  layout->bars = g_new0 (SamRect, MAX (data->n_bars, 1) * 2);
  for (guint b = 0; b < data->n_bars; b++)
    for (guint r = 0; r < n_rounds; r++)
      {
        const SamFigure *figure = &data->bars[b].figures[r];
        SamRect *bar = &layout->bars[b * 2 + r];
        double zero = layout->plot.y + layout->plot.height;

        if (!data->bars[b].present[r])
          continue;
        bar->x = layout->plot.x + b * layout->slot_width + (layout->slot_width - group) / 2 +
                 r * bar_width + gap / 2;
        bar->width = bar_width - gap;
        if (shows_figure (figure))
          {
            bar->y = value_y (layout, figure->mean);
            bar->height = zero - bar->y;
          }
        else
          {
            /* Withheld, or no answers: a marker standing on the baseline, no bar. */
            double d = MIN (bar->width, small);

            *bar = (SamRect) { bar->x + (bar->width - d) / 2, zero - d, d, d };
          }
      }

  for (guint r = 0; r < 2; r++)
    {
      layout->cluster_y[r] =
        r < n_rounds && data->has_cluster[r] && shows_figure (&data->cluster[r])
          ? value_y (layout, data->cluster[r].mean)
          : -1;
      layout->national_y[r] =
        r < n_rounds && data->has_national[r] && shows_figure (&data->national[r])
          ? value_y (layout, data->national[r].mean)
          : -1;
    }
  /* The labels of the latest lines, apart by at least two lines of text. */
  layout->cluster_label_y = layout->cluster_y[n_rounds - 1];
  layout->national_label_y = layout->national_y[n_rounds - 1];
  if (layout->cluster_label_y >= 0 && layout->national_label_y >= 0 &&
      ABS (layout->cluster_label_y - layout->national_label_y) < line_small * 2)
    {
      double mid = (layout->cluster_label_y + layout->national_label_y) / 2;
      double sign = layout->cluster_label_y <= layout->national_label_y ? -1 : 1;

      layout->cluster_label_y = mid + sign * line_small;
      layout->national_label_y = mid - sign * line_small;
    }
}

SAM_CHART_DEFINE_LAYOUT (overview, SamOverviewData, SamOverviewLayout)

void
sam_chart_overview_layout_clear (SamOverviewLayout *layout)
{
  g_clear_pointer (&layout->bars, g_free);
}

static void
draw_line (cairo_t                 *cr,
           const SamChartStyle     *style,
           const SamOverviewLayout *layout,
           double                   y,
           const SamRgba           *colour,
           gboolean                 dashed)
{
  double dash = 6 * style->scale;

  if (y < 0)
    return;
  _sam_chart_set_colour (cr, colour);
  cairo_set_line_width (cr, (dashed ? 2 : 3) * style->scale);
  if (dashed)
    cairo_set_dash (cr, &dash, 1, 0);
  cairo_move_to (cr, layout->plot.x, y);
  cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The name over the mean, right of the plot at the line's height; moved up or down a
 * line where the other line's label is in the way. */
static void
place_line_label (SamLabels               *labels,
                  const SamChartStyle     *style,
                  const SamOverviewLayout *layout,
                  double                   y,
                  const char              *name,
                  const SamFigure         *figure,
                  double                   width)
{
  double small = SAM_CHART_SMALL (style);
  double line = _sam_chart_line_height (style, small);
  double box_width = width - layout->line_label_x - 4 * style->scale;
  g_autofree char *mean = NULL;
  g_autofree char *text = NULL;
  SamSpot spots[3];

  if (y < 0)
    return;
  mean = _sam_chart_format_mean (figure->mean);
  /* Translators: the label of a mean's line on a chart: its name over its value. */
  text = g_strdup_printf (_("%s\n%s"), name, mean);
  /* Up to three lines: the name, wrapped where the column is narrow, over the mean. */
  for (guint s = 0; s < G_N_ELEMENTS (spots); s++)
    {
      double shift = s == 0 ? 0 : s == 1 ? -line : line;

      spots[s] = (SamSpot) { { layout->line_label_x, y - 1.5 * line + shift, box_width, 3 * line },
                             SAM_ALIGN_START, -1, NULL };
    }
  _sam_labels_place (labels, text, small, SAM_LABEL_WRAP, &style->foreground, spots,
                     G_N_ELEMENTS (spots));
}

static void
paint (const SamOverviewData *data,
       const SamChartStyle   *style,
       cairo_t               *cr,
       double                 width,
       double                 height)
{
  SamOverviewLayout layout = { 0 };
  g_autoptr(SamLabels) labels = NULL;
  SamLegendEntry entries[N_ENTRIES];
  SamRgba colours[2];
  char *texts[N_TEXTS] = { NULL };
  double font = SAM_CHART_FONT (style);
  double small = SAM_CHART_SMALL (style);
  double line_small = _sam_chart_line_height (style, small);
  double margin = 12 * style->scale;
  guint n_entries, n_rounds = N_ROUNDS (data), latest = n_rounds - 1;
  gboolean latest_means = FALSE;
  int *hosts;

  sam_chart_overview_layout (data, style, width, height, &layout);
  labels = _sam_chart_begin_paint (cr, style, width, height);

  /* Every bar and marker first, so that no word is put over one. */
  hosts = g_new (int, MAX (data->n_bars, 1) * 2);
  for (guint b = 0; b < data->n_bars; b++)
    for (guint r = 0; r < 2; r++)
      hosts[b * 2 + r] = r < n_rounds && data->bars[b].present[r]
                           ? _sam_labels_add_mark (labels, &layout.bars[b * 2 + r])
                           : -1;

  n_entries = legend_entries (data, style, colours, texts, entries);
  _sam_chart_draw_legend (labels, entries, n_entries, &layout.legend);
  free_texts (texts);

  /* The axis: 0, 25, 50, 75, 100 up the left, where there is room for all five. */
  _sam_chart_draw_value_axis (labels, &layout.plot, layout.plot.x - margin * 0.5);

  /* First the bars, then the means across them (the earlier round dashed), then every
   * word and number on top, so that no line runs through them. */
  for (guint b = 0; b < data->n_bars; b++)
    for (guint r = 0; r < n_rounds; r++)
      {
        const SamRect *bar = &layout.bars[b * 2 + r];
        const SamFigure *figure = &data->bars[b].figures[r];
        SamRgba colour = sam_chart_overview_bar_colour (data, style, r);

        if (!data->bars[b].present[r])
          continue;
        if (figure->withheld != SAM_WITHHELD_NONE)
          _sam_chart_draw_withheld_marker (cr, style, bar, figure->withheld);
        else if (figure->n == 0)
          _sam_chart_draw_empty_marker (cr, style, bar);
        else
          {
            _sam_chart_set_colour (cr, &colour);
            cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
            cairo_fill (cr);
          }
      }

  if (n_rounds == 2)
    {
      draw_line (cr, style, &layout, layout.cluster_y[0], &style->units[SAM_UNIT_CLUSTER], TRUE);
      draw_line (cr, style, &layout, layout.national_y[0], &style->units[SAM_UNIT_COUNTRY], TRUE);
    }
  draw_line (cr, style, &layout, layout.cluster_y[latest], &style->units[SAM_UNIT_CLUSTER], FALSE);
  draw_line (cr, style, &layout, layout.national_y[latest], &style->units[SAM_UNIT_COUNTRY], FALSE);
  cairo_set_line_width (cr, 1 * style->scale);

  /* The own clinic outlined, from above a bar at 100 to the baseline. */
  for (guint b = 0; b < data->n_bars; b++)
    {
      double x0 = G_MAXDOUBLE, x1 = 0;
      double line = 2.5 * style->scale;
      double half = layout.slot_width * (n_rounds == 2 ? 0.38 : 0.3);
      double centre = layout.plot.x + (b + 0.5) * layout.slot_width;

      if (!data->bars[b].own)
        continue;
      x0 = centre - half;
      x1 = centre + half;
      _sam_chart_set_colour (cr, &style->foreground);
      cairo_set_line_width (cr, line);
      cairo_rectangle (cr, x0 - line * 1.5, layout.plot.y - line_small * 1.3, x1 - x0 + line * 3,
                       layout.plot.height + line_small * 1.3 + line);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1 * style->scale);
    }

  /* The words, most needed first: who each bar is, the means' lines, the own clinic, then
   * the latest round's numbers, then the earlier round's, each row of numbers whole or not
   * at all. What does not fit is left out; the marks and the table have every figure. */
  for (guint i = 0; i < 2 * data->n_bars; i++)
    {
      /* The own clinic's code first, then the others. */
      guint b = i % data->n_bars;
      const SamOverviewBar *clinic = &data->bars[b];
      double slot_x = layout.plot.x + b * layout.slot_width;
      SamRect box = { slot_x + 2 * style->scale, layout.code_y,
                      layout.slot_width - 4 * style->scale, layout.code_height };
      SamLabelFlags bold = clinic->own ? SAM_LABEL_BOLD : 0;

      if ((i < data->n_bars) != clinic->own)
        continue;
      if (layout.codes_upright)
        /* Upright, its end under the bars. */
        _sam_labels_place_at (labels, clinic->code, layout.code_size,
                              SAM_LABEL_UPRIGHT | SAM_LABEL_ELLIPSIZE | bold, &style->foreground,
                              &box, SAM_ALIGN_END);
      else
        {
          box.y += font * 0.1;
          box.height -= font * 0.2;
          _sam_labels_place_at (labels, clinic->code, layout.code_size,
                                (layout.codes_wrap ? SAM_LABEL_WRAP : 0) | bold, &style->foreground,
                                &box, SAM_ALIGN_CENTRE);
        }
    }

  place_line_label (labels, style, &layout, layout.cluster_label_y, _("Cluster mean"),
                    &data->cluster[latest], width);
  place_line_label (labels, style, &layout, layout.national_label_y, _("National mean"),
                    &data->national[latest], width);

  for (guint b = 0; b < data->n_bars; b++)
    if (data->bars[b].own)
      {
        /* Its own row, so it may be wider than the slot, but not leave the chart. */
        double w = _sam_chart_text_width (style, _("Your clinic"), small, TRUE);
        double centre = layout.plot.x + (b + 0.5) * layout.slot_width;
        double x = CLAMP (centre - w / 2, margin, width - margin - w);
        SamRect box = { x, layout.own_y, 0, line_small * 1.1 };

        _sam_labels_place_at (labels, _("Your clinic"), small, SAM_LABEL_BOLD, &style->foreground,
                              &box, SAM_ALIGN_START);
      }

  for (guint pass = 0; pass < n_rounds; pass++)
    {
      guint r = latest - pass;

      /* The means above their bars; the earlier round's only with the latest's. */
      if (r != latest && !latest_means)
        break;
      _sam_labels_begin_group (labels);
      for (guint b = 0; b < data->n_bars; b++)
        {
          const SamRect *bar = &layout.bars[b * 2 + r];
          const SamFigure *figure = &data->bars[b].figures[r];
          double cx = bar->x + bar->width / 2, highest = bar->y;
          g_autofree char *mean = NULL;

          if (!data->bars[b].present[r] || !shows_figure (figure))
            continue;
          for (guint o = 0; o < n_rounds; o++)
            if (data->bars[b].present[o] && shows_figure (&data->bars[b].figures[o]))
              highest = MIN (highest, layout.bars[b * 2 + o].y);
          mean = _sam_chart_format_mean (figure->mean);
          {
            /* On a plate, so that a line across does not run through it; above the
             * other round's bar where that is taller. */
            SamSpot spots[] = {
              { { cx, bar->y - line_small * 1.1, 0, line_small }, SAM_ALIGN_CENTRE, -1, NULL },
              { { cx, highest - line_small * 1.1, 0, line_small }, SAM_ALIGN_CENTRE, -1, NULL },
            };

            _sam_labels_place (labels, mean, small, SAM_LABEL_PLATE, &style->foreground, spots,
                               highest < bar->y ? 2 : 1);
          }
        }
      if (_sam_labels_end_group (labels) && r == latest)
        latest_means = TRUE;

      /* n under each bar of the latest round (two side by side would read as one list);
       * not under a withheld one, whose n is part of what is withheld. */
      if (r != latest)
        continue;
      _sam_labels_begin_group (labels);
      for (guint b = 0; b < data->n_bars; b++)
        {
          const SamRect *bar = &layout.bars[b * 2 + r];
          const SamFigure *figure = &data->bars[b].figures[r];
          SamRect box = { bar->x + bar->width / 2, layout.n_y, 0, line_small };
          char n_text[32];

          if (!data->bars[b].present[r] || figure->withheld != SAM_WITHHELD_NONE)
            continue;
          g_snprintf (n_text, sizeof n_text, "n %u", figure->n);
          _sam_labels_place_at (labels, n_text, small, 0, &style->dim, &box, SAM_ALIGN_CENTRE);
        }
      _sam_labels_end_group (labels);
    }

  g_free (hosts);
  sam_chart_overview_layout_clear (&layout);
}

SAM_CHART_DEFINE_DRAW (overview, SamOverviewData)

static char *
clinic_name (const SamOverviewBar *bar)
{
  /* Translators: a clinic's code, in its own view ("Klinik 3 (your clinic)"). */
  return bar->own ? g_strdup_printf (_("%s (your clinic)"), bar->code) : g_strdup (bar->code);
}

/**
 * sam_chart_overview_describe:
 *
 * Returns: (transfer full): what the chart shows, for a screen reader: each clinic's
 *   figure per round, then the cluster's and the country's mean
 */
char *
sam_chart_overview_describe (const SamOverviewData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the first sentence describing a chart: the item's or index's name. */
  g_string_append_printf (text, _("%s: the mean score (0–100) of each clinic, by its code."),
                          data->title ? data->title : "");
  for (guint r = 0; r < N_ROUNDS (data); r++)
    {
      for (guint b = 0; b < data->n_bars; b++)
        {
          g_autofree char *name = NULL;
          g_autofree char *summary = NULL;

          if (!data->bars[b].present[r])
            continue;
          name = clinic_name (&data->bars[b]);
          summary = _sam_chart_figure_summary (&data->bars[b].figures[r], data->k);
          /* Translators: a sentence: who, which round, the figure in words. */
          g_string_append_printf (text, _(" %s, %s: %s."), name, round_label (data, r), summary);
        }
      if (data->has_cluster[r])
        {
          g_autofree char *summary = _sam_chart_figure_summary (&data->cluster[r], data->k);

          g_string_append_printf (text, _(" %s, %s: %s."), _("Cluster mean"),
                                  round_label (data, r), summary);
        }
      if (data->has_national[r])
        {
          g_autofree char *summary = _sam_chart_figure_summary (&data->national[r], data->k);

          g_string_append_printf (text, _(" %s, %s: %s."), _("National mean"),
                                  round_label (data, r), summary);
        }
    }
  g_string_append_printf (text, " %s", _sam_chart_left_out_sentence ());
  return g_string_free (text, FALSE);
}

static void
add_marks (const SamOverviewData   *data,
           const SamChartStyle     *style,
           const SamOverviewLayout *layout,
           GArray                  *marks)
{
  guint latest;
  struct
  {
    double           y;
    const char      *name;
    const SamFigure *figure;
  } lines[2];

  latest = N_ROUNDS (data) - 1;
  for (guint b = 0; b < data->n_bars; b++)
    for (guint r = 0; r < N_ROUNDS (data); r++)
      {
        g_autofree char *name = NULL;
        g_autofree char *summary = NULL;
        SamRect rect;

        if (!data->bars[b].present[r])
          continue;
        name = clinic_name (&data->bars[b]);
        summary = _sam_chart_figure_summary (&data->bars[b].figures[r], data->k);
        rect = layout->bars[b * 2 + r];
        /* Where there is no bar, the bar's whole column, up from its marker. */
        if (!shows_figure (&data->bars[b].figures[r]))
          {
            double column = layout->slot_width * (N_ROUNDS (data) == 2 ? 0.38 : 0.6);

            rect = (SamRect) { rect.x + rect.width / 2 - column / 2, layout->plot.y, column,
                               layout->plot.height };
          }
        sam_chart_marks_add (marks, &rect,
                             /* Translators: a mark on a chart: who, which round, the
                              * figure in words ("Klinik 3, Forår 2026: mean 66.7, n 9"). */
                             g_strdup_printf (_("%s, %s: %s"), name, round_label (data, r),
                                              summary));
      }

  lines[0].y = layout->cluster_y[latest];
  lines[0].name = _("Cluster mean");
  lines[0].figure = &data->cluster[latest];
  lines[1].y = layout->national_y[latest];
  lines[1].name = _("National mean");
  lines[1].figure = &data->national[latest];
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      g_autofree char *summary = NULL;
      SamRect rect;

      if (lines[l].y < 0)
        continue;
      summary = _sam_chart_figure_summary (lines[l].figure, data->k);
      rect = (SamRect) { layout->plot.x, lines[l].y - 3 * style->scale, layout->plot.width,
                         6 * style->scale };
      sam_chart_marks_add (marks, &rect,
                           g_strdup_printf (_("%s, %s: %s"), lines[l].name,
                                            round_label (data, latest), summary));
    }
}

/**
 * sam_chart_overview_marks:
 *
 * Returns: (transfer full): a mark per clinic and round, then the latest round's lines
 */
SAM_CHART_DEFINE_MARKS (overview, SamOverviewData, SamOverviewLayout)

/**
 * sam_chart_overview_table:
 *
 * Returns: (transfer full): a row per clinic, then the cluster and the country: mean and
 *   n per round
 */
SamChartTable *
sam_chart_overview_table (const SamOverviewData *data)
{
  SamChartTable *table;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean any_national = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  table = sam_chart_table_new (data->title);
  /* Translators: a table's column heading: the clinic's code. */
  sam_chart_table_add_column (table, C_("column", "Clinic"));
  for (guint r = 0; r < N_ROUNDS (data); r++)
    {
      g_autofree char *mean = g_strdup_printf (_("%s mean"), round_label (data, r));
      g_autofree char *n = g_strdup_printf (_("%s n"), round_label (data, r));

      sam_chart_table_add_column (table, mean);
      sam_chart_table_add_column (table, n);
      any_national = any_national || data->has_national[r];
    }

  for (guint b = 0; b < data->n_bars; b++)
    {
      g_ptr_array_add (cells, clinic_name (&data->bars[b]));
      for (guint r = 0; r < N_ROUNDS (data); r++)
        _sam_chart_table_add_figure (cells, data->bars[b].present[r], &data->bars[b].figures[r]);
      _sam_chart_table_add_cells (table, cells);
    }
  g_ptr_array_add (cells, g_strdup (_("Cluster mean")));
  for (guint r = 0; r < N_ROUNDS (data); r++)
    _sam_chart_table_add_figure (cells, data->has_cluster[r], &data->cluster[r]);
  _sam_chart_table_add_cells (table, cells);
  if (any_national)
    {
      g_ptr_array_add (cells, g_strdup (_("National mean")));
      for (guint r = 0; r < N_ROUNDS (data); r++)
        _sam_chart_table_add_figure (cells, data->has_national[r], &data->national[r]);
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (overview)
