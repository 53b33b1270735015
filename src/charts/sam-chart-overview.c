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
          if (data->bars[b].figures[r].withheld == SAM_WITHHELD_PRIMARY && primary == NULL)
            primary = &data->bars[b].figures[r];
          else if (data->bars[b].figures[r].withheld == SAM_WITHHELD_SECONDARY && secondary == NULL)
            secondary = &data->bars[b].figures[r];
        }
  if (primary != NULL)
    {
      texts[1] = _sam_chart_withheld_text (primary, data->k);
      entries[n++] = (SamLegendEntry) { texts[1], &style->dim, SAM_LEGEND_HATCH };
    }
  if (secondary != NULL)
    {
      texts[2] = _sam_chart_withheld_text (secondary, data->k);
      entries[n++] = (SamLegendEntry) { texts[2], &style->dim, SAM_LEGEND_HATCH };
    }
  return n;
}

#define N_ENTRIES 9
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

/* Mapping: pure arithmetic, so that tests and hit-testing know where everything is. */
static void
compute_layout (const SamOverviewData *data,
                const SamChartStyle   *style,
                double                 width,
                double                 height,
                SamOverviewLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = SAM_CHART_FONT (style);
  double small = font * 0.85;
  double axis_width = 2.6 * small;
  double label_width = MIN (width * 0.16, 10 * font);
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

  /* The codes under the bars, upright where they do not fit across a clinic's slot. */
  {
    double slot = (width - 2 * margin - axis_width - label_width) / MAX (data->n_bars, 1);
    double longest = 0;

    for (guint b = 0; b < data->n_bars; b++)
      longest = MAX (longest, _sam_chart_estimate_width (data->bars[b].code, font));
    layout->codes_upright = longest > slot - 4 * style->scale;
    layout->code_height =
      layout->codes_upright ? MIN (longest * 0.9 + font * 0.6, height * 0.18) : font * 1.4;
  }
  bottom_rows = layout->code_height + font * 0.2 + small * 1.5 + (has_own (data) ? small * 1.5 : 0);
  top = layout->legend.y + layout->legend.height + font * 1.2;
  layout->plot.x = margin + axis_width + margin * 0.5;
  layout->plot.y = top + small * 1.4;       /* room for a mean above a bar at 100 */
  layout->plot.width = MAX (width - layout->plot.x - margin - label_width, 1);
  layout->plot.height = MAX (height - margin - bottom_rows - layout->plot.y, 1);
  layout->line_label_x = layout->plot.x + layout->plot.width + margin * 0.5;
  layout->code_y = layout->plot.y + layout->plot.height + font * 0.2;
  layout->n_y = layout->code_y + layout->code_height;
  layout->own_y = layout->n_y + small * 1.5;

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

        if (!data->bars[b].present[r])
          continue;
        bar->x = layout->plot.x + b * layout->slot_width + (layout->slot_width - group) / 2 +
                 r * bar_width + gap / 2;
        bar->width = bar_width - gap;
        /* Withheld and without answers take the full height: hatched, or the words. */
        bar->y = shows_figure (figure) ? value_y (layout, figure->mean) : layout->plot.y;
        bar->height = layout->plot.y + layout->plot.height - bar->y;
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
      ABS (layout->cluster_label_y - layout->national_label_y) < small * 3)
    {
      double mid = (layout->cluster_label_y + layout->national_label_y) / 2;
      double sign = layout->cluster_label_y <= layout->national_label_y ? -1 : 1;

      layout->cluster_label_y = mid + sign * small * 1.5;
      layout->national_label_y = mid - sign * small * 1.5;
    }
}

/**
 * sam_chart_overview_layout:
 *
 * Where everything goes at this size, for the paint function, hit-testing and tests.
 * Text is made smaller where the surface is too small for the style's size.
 */
void
sam_chart_overview_layout (const SamOverviewData *data,
                           const SamChartStyle   *style,
                           double                 width,
                           double                 height,
                           SamOverviewLayout     *layout)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && layout != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  compute_layout (data, &fitted, width, height, layout);
}

void
sam_chart_overview_layout_clear (SamOverviewLayout *layout)
{
  g_clear_pointer (&layout->bars, g_free);
}

static void
draw_line (cairo_t             *cr,
           const SamChartStyle *style,
           const SamOverviewLayout *layout,
           double               y,
           const SamRgba       *colour,
           gboolean             dashed)
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

static void
draw_line_label (cairo_t             *cr,
                 const SamChartStyle *style,
                 const SamOverviewLayout *layout,
                 double               y,
                 const char          *name,
                 const SamFigure     *figure,
                 const SamRgba       *colour,
                 double               width)
{
  double small = SAM_CHART_FONT (style) * 0.85;
  g_autofree char *mean = NULL;
  SamRect box;

  if (y < 0)
    return;
  /* The name over the mean, so that the number is never the part cut off. */
  mean = _sam_chart_format_mean (figure->mean);
  box = (SamRect) { layout->line_label_x, y - small * 1.3,
                    width - layout->line_label_x - 4 * style->scale, small * 1.3 };
  _sam_chart_set_colour (cr, colour);
  _sam_chart_draw_text (cr, style, name, &box, small, FALSE, SAM_ALIGN_START);
  box.y = y;
  _sam_chart_draw_text (cr, style, mean, &box, small, TRUE, SAM_ALIGN_START);
}

static void
paint (const SamOverviewData *data,
       const SamChartStyle   *style,
       cairo_t               *cr,
       double                 width,
       double                 height)
{
  SamOverviewLayout layout = { 0 };
  SamLegendEntry entries[N_ENTRIES];
  SamRgba colours[2];
  char *texts[N_TEXTS] = { NULL };
  double font = SAM_CHART_FONT (style);
  double small = font * 0.85;
  double margin = 12 * style->scale;
  guint n_rounds, latest, n_entries;

  n_rounds = N_ROUNDS (data);
  latest = n_rounds - 1;
  sam_chart_overview_layout (data, style, width, height, &layout);
  _sam_chart_paint_background (cr, style);

  n_entries = legend_entries (data, style, colours, texts, entries);
  _sam_chart_draw_legend (cr, style, entries, n_entries, &layout.legend);
  free_texts (texts);

  /* The axis: 0, 25, 50, 75, 100, up the left. */
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
          _sam_chart_draw_hatch (cr, style, bar);
        else if (figure->n > 0)
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

  for (guint b = 0; b < data->n_bars; b++)
    {
      const SamOverviewBar *clinic = &data->bars[b];
      double slot_x = layout.plot.x + b * layout.slot_width;
      SamRect box;

      for (guint r = 0; r < n_rounds; r++)
        {
          const SamRect *bar = &layout.bars[b * 2 + r];
          const SamFigure *figure = &clinic->figures[r];
          double size = MIN (small, bar->width * 0.42);
          char n_text[32];

          if (!clinic->present[r])
            continue;

          if (figure->withheld != SAM_WITHHELD_NONE || figure->n == 0)
            {
              const char *word = figure->withheld == SAM_WITHHELD_NONE
                                   ? _("no answers")
                                   : _sam_chart_withheld_word ();
              double word_width = _sam_chart_estimate_width (word, small);

              /* The word on a plate near the foot; upright where the bar is narrow. */
              if (bar->width >= word_width + small)
                {
                  box =
                    (SamRect) { bar->x, bar->y + bar->height - small * 3, bar->width, small * 2 };
                  _sam_chart_draw_plated_text (cr, style, word, &box, small, SAM_ALIGN_CENTRE);
                }
              else
                {
                  double size_v = MIN (small, bar->width * 0.8);
                  double along = MIN (word_width * size_v / small + size_v, bar->height);

                  box = (SamRect) { bar->x + (bar->width - size_v * 1.3) / 2,
                                    bar->y + bar->height - along - size_v, size_v * 1.3, along };
                  _sam_chart_set_colour (cr, &style->background);
                  cairo_rectangle (cr, box.x, box.y, box.width, box.height);
                  cairo_fill (cr);
                  _sam_chart_set_colour (cr, &style->foreground);
                  _sam_chart_draw_text_vertical (cr, style, word, &box, size_v);
                }
            }
          else if (size >= 6 * style->scale)
            {
              g_autofree char *mean = _sam_chart_format_mean (figure->mean);

              /* The mean above the bar, where it fits, on a plate so that a line across
               * does not run through it. */
              box = (SamRect) { bar->x - bar->width * 0.2, bar->y - size * 1.45, bar->width * 1.4,
                                size * 1.4 };
              _sam_chart_draw_plated_text (cr, style, mean, &box, size, SAM_ALIGN_CENTRE);
            }

          /* n under each bar; not under a withheld one, whose n is part of what is withheld. */
          g_snprintf (n_text, sizeof n_text, "n %u", figure->n);
          {
            double room = layout.slot_width / n_rounds - 2 * style->scale;
            double n_size = MIN (small, room / (_sam_chart_estimate_width (n_text, 1) + 0.3));

            /* Too small to read is left to the marks and the table. */
            box = (SamRect) { bar->x + bar->width / 2 - room / 2, layout.n_y, room, small * 1.3 };
            _sam_chart_set_colour (cr, &style->dim);
            if (figure->withheld == SAM_WITHHELD_NONE && n_size >= small * 0.6)
              _sam_chart_draw_text (cr, style, n_text, &box, n_size, FALSE, SAM_ALIGN_CENTRE);
          }
        }

      /* The clinic's code under its bars; the own clinic outlined, in bold and labelled. */
      _sam_chart_set_colour (cr, &style->foreground);
      if (layout.codes_upright)
        {
          double size = MIN (font, layout.slot_width * 0.7);

          /* Upright, its end under the bars. */
          cairo_save (cr);
          cairo_translate (cr, slot_x + layout.slot_width / 2, layout.code_y);
          cairo_rotate (cr, -G_PI / 2);
          box = (SamRect) { -layout.code_height, -size * 0.7, layout.code_height - font * 0.3,
                            size * 1.4 };
          _sam_chart_draw_text (cr, style, clinic->code, &box, size, clinic->own, SAM_ALIGN_END);
          cairo_restore (cr);
        }
      else
        {
          box = (SamRect) { slot_x + 2 * style->scale, layout.code_y,
                            layout.slot_width - 4 * style->scale, font * 1.3 };
          _sam_chart_draw_text (cr, style, clinic->code, &box, font, clinic->own, SAM_ALIGN_CENTRE);
        }
      if (clinic->own)
        {
          double x0 = G_MAXDOUBLE, x1 = 0;
          double line = 2.5 * style->scale;

          for (guint r = 0; r < n_rounds; r++)
            if (clinic->present[r])
              {
                x0 = MIN (x0, layout.bars[b * 2 + r].x);
                x1 = MAX (x1, layout.bars[b * 2 + r].x + layout.bars[b * 2 + r].width);
              }
          if (x1 > x0)
            {
              _sam_chart_set_colour (cr, &style->foreground);
              cairo_set_line_width (cr, line);
              cairo_rectangle (cr, x0 - line * 1.5, layout.plot.y - small * 1.5, x1 - x0 + line * 3,
                               layout.plot.height + small * 1.5 + line);
              cairo_stroke (cr);
              cairo_set_line_width (cr, 1 * style->scale);
            }
          /* Its own row, so it may be wider than the slot, but not leave the chart. */
          {
            double w = MIN (_sam_chart_estimate_width (_("Your clinic"), small) + small,
                            width - 2 * margin);
            double x = CLAMP (slot_x + layout.slot_width / 2 - w / 2, margin, width - margin - w);

            box = (SamRect) { x, layout.own_y, w, small * 1.3 };
            _sam_chart_draw_text (cr, style, _("Your clinic"), &box, small, TRUE, SAM_ALIGN_CENTRE);
          }
        }
    }

  draw_line_label (cr, style, &layout, layout.cluster_label_y, _("Cluster mean"),
                   &data->cluster[latest], &style->units[SAM_UNIT_CLUSTER], width);
  draw_line_label (cr, style, &layout, layout.national_label_y, _("National mean"),
                   &data->national[latest], &style->units[SAM_UNIT_COUNTRY], width);

  sam_chart_overview_layout_clear (&layout);
}

/**
 * sam_chart_overview_draw:
 *
 * Paints the chart in (0, 0, @width, @height) of @cr, on any surface.
 */
void
sam_chart_overview_draw (const SamOverviewData *data,
                         const SamChartStyle   *style,
                         cairo_t               *cr,
                         double                 width,
                         double                 height)
{
  SamChartStyle fitted;

  g_return_if_fail (data != NULL && style != NULL && cr != NULL);

  _sam_chart_fit_style (style, width, height, &fitted);
  paint (data, &fitted, cr, width, height);
}

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
  return g_string_free (text, FALSE);
}

/**
 * sam_chart_overview_marks:
 *
 * Returns: (transfer full): a mark per clinic and round, then the latest round's lines
 */
GArray *
sam_chart_overview_marks (const SamOverviewData *data,
                          const SamChartStyle   *style,
                          double                 width,
                          double                 height)
{
  SamOverviewLayout layout = { 0 };
  GArray *marks = sam_chart_marks_new ();
  guint latest;
  struct
  {
    double           y;
    const char      *name;
    const SamFigure *figure;
  } lines[2];

  g_return_val_if_fail (data != NULL && style != NULL, marks);

  latest = N_ROUNDS (data) - 1;
  sam_chart_overview_layout (data, style, width, height, &layout);
  for (guint b = 0; b < data->n_bars; b++)
    for (guint r = 0; r < N_ROUNDS (data); r++)
      {
        g_autofree char *name = NULL;
        g_autofree char *summary = NULL;

        if (!data->bars[b].present[r])
          continue;
        name = clinic_name (&data->bars[b]);
        summary = _sam_chart_figure_summary (&data->bars[b].figures[r], data->k);
        sam_chart_marks_add (marks, &layout.bars[b * 2 + r],
                             /* Translators: a mark on a chart: who, which round, the
                              * figure in words ("Klinik 3, Forår 2026: mean 66.7, n 9"). */
                             g_strdup_printf (_("%s, %s: %s"), name, round_label (data, r),
                                              summary));
      }

  lines[0].y = layout.cluster_y[latest];
  lines[0].name = _("Cluster mean");
  lines[0].figure = &data->cluster[latest];
  lines[1].y = layout.national_y[latest];
  lines[1].name = _("National mean");
  lines[1].figure = &data->national[latest];
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      g_autofree char *summary = NULL;
      SamRect rect;

      if (lines[l].y < 0)
        continue;
      summary = _sam_chart_figure_summary (lines[l].figure, data->k);
      rect = (SamRect) { layout.plot.x, lines[l].y - 3 * style->scale, layout.plot.width,
                         6 * style->scale };
      sam_chart_marks_add (marks, &rect,
                           g_strdup_printf (_("%s, %s: %s"), lines[l].name,
                                            round_label (data, latest), summary));
    }
  sam_chart_overview_layout_clear (&layout);
  return marks;
}

static void
add_figure_cells (GPtrArray       *cells,
                  gboolean         present,
                  const SamFigure *figure)
{
  if (!present)
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
        add_figure_cells (cells, data->bars[b].present[r], &data->bars[b].figures[r]);
      _sam_chart_table_add_cells (table, cells);
    }
  g_ptr_array_add (cells, g_strdup (_("Cluster mean")));
  for (guint r = 0; r < N_ROUNDS (data); r++)
    add_figure_cells (cells, data->has_cluster[r], &data->cluster[r]);
  _sam_chart_table_add_cells (table, cells);
  if (any_national)
    {
      g_ptr_array_add (cells, g_strdup (_("National mean")));
      for (guint r = 0; r < N_ROUNDS (data); r++)
        add_figure_cells (cells, data->has_national[r], &data->national[r]);
      _sam_chart_table_add_cells (table, cells);
    }
  return table;
}

SAM_CHART_DEFINE_KIND (overview)
