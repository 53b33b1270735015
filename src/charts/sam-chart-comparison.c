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

static void
set_colour (cairo_t       *cr,
            const SamRgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* Mapping: pure arithmetic, so that tests and hit-testing know where everything is. */
void
sam_chart_comparison_layout (const SamComparisonData *data,
                             const SamChartStyle     *style,
                             double                   width,
                             double                   height,
                             SamComparisonLayout     *layout)
{
  double margin = 12 * style->scale;
  double font = style->font_size * style->scale;
  double n_width = 5 * font;            /* room for "100.0  n 999" beside the longest bar */
  double top, row_height;
  guint n_units = 0;

  g_return_if_fail (data != NULL && style != NULL && layout != NULL);

  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; r < data->n_rows; r++)
      if (data->rows[r].present[u])
        {
          n_units++;
          break;
        }
  n_units = MAX (n_units, 1);

  layout->legend = (SamRect) { margin, margin, width - 2 * margin, font * 1.8 };
  layout->label_width = MIN (width * 0.34, 28 * font);
  layout->plot_x = margin + layout->label_width + margin;
  layout->plot_width = MAX (width - layout->plot_x - margin - n_width, 1);
  top = layout->legend.y + layout->legend.height + margin + font * 1.4;
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

void
sam_chart_comparison_layout_clear (SamComparisonLayout *layout)
{
  g_clear_pointer (&layout->bars, g_free);
  layout->n_bars = 0;
}

static void
draw_text (cairo_t             *cr,
           const SamChartStyle *style,
           const char          *text,
           double               x,
           double               y,
           double               width,
           double               height,
           double               size,
           gboolean             bold,
           gboolean             right)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);
  int text_width, text_height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
      if (right)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, x, y - MIN (text_height, height) / 2.0);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
draw_hatch (cairo_t             *cr,
            const SamChartStyle *style,
            const SamRect       *bar)
{
  double step = 6 * style->scale;

  cairo_save (cr);
  cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
  cairo_clip_preserve (cr);
  set_colour (cr, &style->dim);
  cairo_set_line_width (cr, 1 * style->scale);
  cairo_stroke (cr);
  for (double x = bar->x - bar->height; x < bar->x + bar->width; x += step)
    {
      cairo_move_to (cr, x, bar->y + bar->height);
      cairo_line_to (cr, x + bar->height, bar->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * sam_chart_comparison_draw:
 *
 * Paints the chart in (0, 0, @width, @height) of @cr.
 */
void
sam_chart_comparison_draw (const SamComparisonData *data,
                           const SamChartStyle     *style,
                           cairo_t                 *cr,
                           double                   width,
                           double                   height)
{
  SamComparisonLayout layout = { 0 };
  double font = style->font_size * style->scale;
  double legend_x;

  g_return_if_fail (data != NULL && style != NULL && cr != NULL);

  sam_chart_comparison_layout (data, style, width, height, &layout);

  set_colour (cr, &style->background);
  cairo_paint (cr);

  /* The legend: a square of each unit's colour and its name. */
  legend_x = layout.legend.x;
  for (guint u = 0; u < SAM_N_UNITS; u++)
    {
      if (data->unit_names[u] == NULL)
        continue;
      set_colour (cr, &style->units[u]);
      cairo_rectangle (cr, legend_x, layout.legend.y + font * 0.4, font, font);
      cairo_fill (cr);
      set_colour (cr, &style->foreground);
      draw_text (cr, style, data->unit_names[u], legend_x + font * 1.4, layout.legend.y + font * 0.9,
                 14 * font, font * 1.5, font, FALSE, FALSE);
      legend_x += font * 1.4 + 15 * font;
    }

  /* The axis: 0, 25, 50, 75, 100. */
  cairo_set_line_width (cr, 1 * style->scale);
  for (int tick = 0; tick <= 100; tick += 25)
    {
      double x = layout.plot_x + layout.plot_width * tick / 100.0;
      char text[8];

      set_colour (cr, &style->grid);
      cairo_move_to (cr, x, layout.legend.y + layout.legend.height + font * 2.2);
      cairo_line_to (cr, x, height - 12 * style->scale);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%d", tick);
      set_colour (cr, &style->dim);
      draw_text (cr, style, text, x - font, layout.legend.y + layout.legend.height + font * 1.4,
                 2 * font, font * 1.4, font * 0.85, FALSE, FALSE);
    }

  for (guint r = 0; r < data->n_rows; r++)
    {
      const SamComparisonRow *row = &data->rows[r];
      double first_y = -1, last_y = 0;

      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamRect *bar = &layout.bars[r * SAM_N_UNITS + u];
          const SamFigure *figure = &row->figures[u];
          g_autofree char *value = NULL;

          if (!row->present[u])
            continue;
          if (first_y < 0)
            first_y = bar->y;
          last_y = bar->y + bar->height;

          if (figure->withheld != SAM_WITHHELD_NONE)
            {
              g_autofree char *why = g_strdup_printf (ngettext ("Withheld: fewer than %d answer",
                                                                "Withheld: fewer than %d answers", data->k),
                                                      data->k);
              draw_hatch (cr, style, bar);
              /* A plate under the words, so the hatching does not run through them. */
              set_colour (cr, &style->background);
              cairo_rectangle (cr, bar->x + font * 0.3, bar->y + bar->height * 0.2,
                               MIN (layout.plot_width * 0.45, 22 * font), bar->height * 0.6);
              cairo_fill (cr);
              set_colour (cr, &style->foreground);
              draw_text (cr, style, why, bar->x + font * 0.5, bar->y + bar->height / 2, layout.plot_width,
                         bar->height, MIN (font * 0.85, bar->height * 0.8), FALSE, FALSE);
              continue;
            }
          if (figure->n == 0)
            {
              set_colour (cr, &style->dim);
              draw_text (cr, style, _("No answers"), bar->x + font * 0.3, bar->y + bar->height / 2,
                         layout.plot_width, bar->height, MIN (font * 0.85, bar->height * 0.8), FALSE, FALSE);
              continue;
            }

          set_colour (cr, &style->units[u]);
          cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
          cairo_fill (cr);

          /* Translators: a mean and the number of answers beside a bar, as in "66.7  n 9". */
          value = g_strdup_printf (_("%.1f  n %u"), figure->mean, figure->n);
          set_colour (cr, &style->dim);
          draw_text (cr, style, value, bar->x + bar->width + font * 0.4, bar->y + bar->height / 2, 0,
                     bar->height, MIN (font * 0.85, bar->height * 0.8), FALSE, FALSE);
        }

      if (first_y >= 0)
        {
          set_colour (cr, &style->foreground);
          draw_text (cr, style, row->label, 12 * style->scale, (first_y + last_y) / 2, layout.label_width,
                     MAX (last_y - first_y, font * 1.4) + font, font, FALSE, TRUE);
        }
    }

  sam_chart_comparison_layout_clear (&layout);
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

  for (guint r = 0; r < data->n_rows; r++)
    {
      g_string_append_printf (text, "%s%s:", r > 0 ? "\n" : "", data->rows[r].label);
      for (guint u = 0; u < SAM_N_UNITS; u++)
        {
          const SamFigure *figure = &data->rows[r].figures[u];

          if (!data->rows[r].present[u] || data->unit_names[u] == NULL)
            continue;
          if (figure->withheld != SAM_WITHHELD_NONE)
            g_string_append_printf (text, ngettext (" %s withheld (fewer than %d answer);",
                                                    " %s withheld (fewer than %d answers);", data->k),
                                    data->unit_names[u], data->k);
          else if (figure->n == 0)
            g_string_append_printf (text, _(" %s no answers;"), data->unit_names[u]);
          else
            g_string_append_printf (text, _(" %s %.1f (n %u);"), data->unit_names[u], figure->mean, figure->n);
        }
    }
  return g_string_free (text, FALSE);
}
