/* sam-chart-private.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sam-chart-private.h"

/* A copy of @style whose text is no larger than a small surface can hold: at most a 12th
 * of its height and a 40th of its width, so that a chart at 200 % in a small window
 * keeps room for its bars, while a short, wide chart (one item) keeps text that can be
 * read. Never smaller than the medium allows: there, labels are left out instead. The copy
 * shares the font family: do not clear it. */
void
_sam_chart_fit_style (const SamChartStyle *style,
                      double               width,
                      double               height,
                      SamChartStyle       *fitted)
{
  double largest = MIN (height / 12, width / 40);
  double smallest = style->min_text / 0.85;

  *fitted = *style;
  if (style->font_size * style->scale > largest)
    fitted->font_size = MAX (largest, smallest) / style->scale;
}

void
_sam_chart_set_colour (cairo_t       *cr,
                       const SamRgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* @amount 0 gives @from, 1 gives @to. */
SamRgba
_sam_chart_mix (const SamRgba *from,
                const SamRgba *to,
                double         amount)
{
  SamRgba colour;

  /* Whole steps of 1/255, so that a surface holds exactly this colour. */
  colour.red = round ((from->red + (to->red - from->red) * amount) * 255) / 255;
  colour.green = round ((from->green + (to->green - from->green) * amount) * 255) / 255;
  colour.blue = round ((from->blue + (to->blue - from->blue) * amount) * 255) / 255;
  colour.alpha = from->alpha + (to->alpha - from->alpha) * amount;
  return colour;
}

static double
luminance (const SamRgba *colour)
{
  double channels[3] = { colour->red, colour->green, colour->blue };

  for (guint i = 0; i < 3; i++)
    channels[i] =
      channels[i] <= 0.03928 ? channels[i] / 12.92 : pow ((channels[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

static double
contrast (const SamRgba *a,
          const SamRgba *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Text written on a filled area: whichever of the style's foreground and background
 * stands out more from the fill (WCAG contrast), so a number on a dark cell is light and
 * on a light cell dark, in every theme. */
const SamRgba *
_sam_chart_text_on (const SamChartStyle *style,
                    const SamRgba       *fill)
{
  static const SamRgba black = { 0, 0, 0, 1 };
  static const SamRgba white = { 1, 1, 1, 1 };
  const SamRgba *dark = luminance (&style->foreground) < luminance (&style->background)
                          ? &style->foreground
                          : &style->background;
  const SamRgba *light = dark == &style->foreground ? &style->background : &style->foreground;

  /* Where the theme's own pair is too soft on this fill, plain black or white. */
  if (contrast (dark, fill) >= contrast (light, fill))
    return contrast (dark, fill) >= 4.5 ? dark : &black;
  return contrast (light, fill) >= 4.5 ? light : &white;
}

gboolean
_sam_rect_intersects (const SamRect *a,
                      const SamRect *b)
{
  /* Boxes that only touch do not intersect; a hundredth of a unit is touching. */
  const double slack = 0.01;

  return a->x < b->x + b->width - slack && b->x < a->x + a->width - slack &&
         a->y < b->y + b->height - slack && b->y < a->y + a->height - slack;
}


/* Markers */

static void
ring (cairo_t             *cr,
      const SamChartStyle *style,
      const SamRect       *rect,
      guint                strokes)
{
  double d = MIN (rect->width, rect->height);
  double line = MAX (1.25 * style->scale, d * 0.1);
  double r = (d - line) / 2;
  double cx = rect->x + rect->width / 2, cy = rect->y + rect->height / 2;

  if (r <= 0)
    return;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  /* On the plain background, so that no grid line runs through it. */
  _sam_chart_set_colour (cr, &style->background);
  cairo_fill_preserve (cr);
  _sam_chart_set_colour (cr, &style->dim);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
  if (strokes >= 1)
    {
      cairo_move_to (cr, cx + r * 0.72, cy - r * 0.72);
      cairo_line_to (cr, cx - r * 0.72, cy + r * 0.72);
      cairo_stroke (cr);
    }
  if (strokes >= 2)
    {
      cairo_move_to (cr, cx - r * 0.72, cy - r * 0.72);
      cairo_line_to (cr, cx + r * 0.72, cy + r * 0.72);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A withheld figure: a ring struck through (crossed, where it is withheld to protect
 * another), in the dim colour, at the baseline. Neutral: no height, no colour of a figure,
 * so that it reads as "not shown", never as a value. */
void
_sam_chart_draw_withheld_marker (cairo_t             *cr,
                                 const SamChartStyle *style,
                                 const SamRect       *rect,
                                 SamWithheld          withheld)
{
  ring (cr, style, rect, withheld == SAM_WITHHELD_SECONDARY ? 2 : 1);
}

SamLegendShape
_sam_chart_withheld_shape (SamWithheld withheld)
{
  return withheld == SAM_WITHHELD_SECONDARY ? SAM_LEGEND_WITHHELD_SECONDARY : SAM_LEGEND_WITHHELD;
}

/* A figure without answers: an open ring at the baseline. */
void
_sam_chart_draw_empty_marker (cairo_t             *cr,
                              const SamChartStyle *style,
                              const SamRect       *rect)
{
  ring (cr, style, rect, 0);
}

/**
 * _sam_chart_withheld_text:
 *
 * Returns: (transfer full): what a chart writes on a withheld figure, with the reason
 */
char *
_sam_chart_withheld_text (const SamFigure *figure,
                          int              k)
{
  if (figure->withheld == SAM_WITHHELD_SECONDARY)
    /* Translators: on a chart, why a figure is not shown: secondary suppression, so that
     * a clinic's withheld figure cannot be worked out from the cluster's by subtraction. */
    return g_strdup (_("Withheld so that another withheld figure cannot be worked out"));
  /* Translators: on a chart, why a figure is not shown: k, the minimum group size. */
  return g_strdup_printf (ngettext ("Withheld: fewer than %d answer",
                                    "Withheld: fewer than %d answers", k),
                          k);
}

/**
 * sam_chart_withheld_reason:
 *
 * Returns: (transfer full): the same inside a sentence or a mark ("Klinik 3: withheld:
 *   fewer than 3 answers")
 */
char *
sam_chart_withheld_reason (const SamFigure *figure,
                            int              k)
{
  if (figure->withheld == SAM_WITHHELD_SECONDARY)
    /* Translators: the same inside a sentence or a mark ("Klinik 3, Ledelse: withheld so
     * that …"): secondary suppression. */
    return g_strdup (_("withheld so that another withheld figure cannot be worked out"));
  /* Translators: the same inside a sentence or a mark ("Klinik 3, Ledelse: withheld:
   * fewer than 3 answers"); k is the minimum group size. */
  return g_strdup_printf (ngettext ("withheld: fewer than %d answer",
                                    "withheld: fewer than %d answers", k),
                          k);
}

/* The one word, for a table cell or a narrow bar. */
const char *
_sam_chart_withheld_word (void)
{
  /* Translators: in a table cell or on a narrow bar: the figure is not shown. */
  return _("withheld");
}

/* The last sentence of every chart's description: its labels never cover each other, so
 * at a small size some are left out. */
const char *
_sam_chart_left_out_sentence (void)
{
  /* Translators: the last sentence of a chart's description, for a screen reader and the
   * table view. */
  return _("Where a number or a name does not fit on the chart without covering another, it "
           "is left out of the drawing; the table has every figure.");
}

char *
_sam_chart_format_mean (double mean)
{
  /* Translators: a mean on the 0–100 scale, one decimal; use the decimal comma. */
  return g_strdup_printf (_("%.1f"), mean);
}

char *
_sam_chart_format_percent (double percent)
{
  /* Translators: a percentage, one decimal, as in "55.6 %". */
  return g_strdup_printf (_("%.1f %%"), percent);
}

/**
 * _sam_chart_figure_summary:
 *
 * Returns: (transfer full): a figure in words for a mark or a sentence: "mean 66.7, n 9,
 *   favourable 55.6 %", or why it is withheld, or that there were no answers
 */
char *
_sam_chart_figure_summary (const SamFigure *figure,
                           int              k)
{
  g_autofree char *mean = NULL;

  if (figure->withheld != SAM_WITHHELD_NONE)
    return sam_chart_withheld_reason (figure, k);
  if (figure->n == 0)
    /* Translators: a figure in words, where nobody answered. */
    return g_strdup (_("no answers"));
  mean = _sam_chart_format_mean (figure->mean);
  if (figure->has_favourable)
    {
      g_autofree char *favourable = _sam_chart_format_percent (figure->favourable);

      /* Translators: a figure in words: its mean, the number of answers, the share of
       * favourable answers ("mean 66.7, n 9, favourable 55.6 %"). */
      return g_strdup_printf (_("mean %s, n %u, favourable %s"), mean, figure->n, favourable);
    }
  /* Translators: a figure in words: its mean and the number of answers ("mean 66.7, n 9"). */
  return g_strdup_printf (_("mean %s, n %u"), mean, figure->n);
}

/* Adds a row of cells (char *, owned by @cells) to @table. */
void
_sam_chart_table_add_cells (SamChartTable *table,
                            GPtrArray     *cells)
{
  g_assert (cells->len == table->columns->len);

  g_ptr_array_add (cells, NULL);
  sam_chart_table_add_row (table, (const char * const *) cells->pdata);
  g_ptr_array_set_size (cells, 0);
}

/* Adds a figure's two cells to a table row: its mean and n, or why it is not shown, or
 * dashes where the unit is not in the data (@present FALSE). */
void
_sam_chart_table_add_figure (GPtrArray       *cells,
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
