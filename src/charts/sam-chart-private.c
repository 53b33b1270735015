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

#include "sam-chart-private.h"

/* A copy of @style whose text is no larger than a small surface can hold: at most a 12th
 * of its height and a 40th of its width, so that a chart at 200 % in a small window
 * keeps room for its bars, while a short, wide chart (one item) keeps text that can be
 * read. The copy shares the font family: do not clear it. */
void
_sam_chart_fit_style (const SamChartStyle *style,
                      double               width,
                      double               height,
                      SamChartStyle       *fitted)
{
  double largest = MIN (height / 12, width / 40);

  *fitted = *style;
  if (style->font_size * style->scale > largest)
    fitted->font_size = MAX (largest, 4) / style->scale;
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

void
_sam_chart_paint_background (cairo_t             *cr,
                             const SamChartStyle *style)
{
  _sam_chart_set_colour (cr, &style->background);
  cairo_paint (cr);
}

/* A width for @text without a surface: what the layout functions use, so that they stay
 * arithmetic. Generous, so that the drawn text (ellipsized to it) rarely needs to shorten. */
double
_sam_chart_estimate_width (const char *text,
                           double      size)
{
  return text != NULL ? g_utf8_strlen (text, -1) * size * 0.58 : 0;
}

static PangoLayout *
make_layout (cairo_t             *cr,
             const SamChartStyle *style,
             const char          *text,
             double               size,
             gboolean             bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, MAX (size, 1) * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

double
_sam_chart_text_width (cairo_t             *cr,
                       const SamChartStyle *style,
                       const char          *text,
                       double               size,
                       gboolean             bold)
{
  PangoLayout *layout = make_layout (cr, style, text, size, bold);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  g_object_unref (layout);
  return width;
}

/**
 * _sam_chart_draw_text:
 * @box: where the text may go; it is centred vertically in it. A width of 0 or less
 *   leaves the text one line as long as it is; otherwise it wraps at words and, where it
 *   still does not fit the height, ends in an ellipsis: it never leaves the box.
 */
void
_sam_chart_draw_text (cairo_t             *cr,
                      const SamChartStyle *style,
                      const char          *text,
                      const SamRect       *box,
                      double               size,
                      gboolean             bold,
                      SamAlign             align)
{
  PangoLayout *layout;
  int text_width, text_height;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (cr, style, text, size, bold);
  if (box->width > 0)
    {
      pango_layout_set_width (layout, (int) (box->width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) (MAX (box->height, size * 1.3) * PANGO_SCALE));
      pango_layout_set_alignment (layout, align == SAM_ALIGN_END ? PANGO_ALIGN_RIGHT
                                        : align == SAM_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                        : PANGO_ALIGN_LEFT);
    }
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, box->x,
                 box->y + (box->height - MIN (text_height, MAX (box->height, size * 1.3))) / 2.0);
  pango_cairo_show_layout (cr, layout);
  /* No current point left behind, or the next arc would begin with a line from here. */
  cairo_new_path (cr);
  g_object_unref (layout);
}

/* One line read from bottom to top, centred in @box and ellipsized to its height: for
 * labels on narrow bars. */
void
_sam_chart_draw_text_vertical (cairo_t             *cr,
                               const SamChartStyle *style,
                               const char          *text,
                               const SamRect       *box,
                               double               size)
{
  SamRect turned = { -box->height / 2, -box->width / 2, box->height, box->width };

  cairo_save (cr);
  cairo_translate (cr, box->x + box->width / 2, box->y + box->height / 2);
  cairo_rotate (cr, -G_PI / 2);
  turned.height = MIN (turned.height, size * 1.4);
  turned.y = -turned.height / 2;
  _sam_chart_draw_text (cr, style, text, &turned, size, FALSE, SAM_ALIGN_CENTRE);
  cairo_restore (cr);
}

/* A withheld figure: outlined and hatched across in the dim colour, so that it reads as
 * "there is a figure here, and it is not shown", never as a zero or a gap. */
void
_sam_chart_draw_hatch (cairo_t             *cr,
                       const SamChartStyle *style,
                       const SamRect       *rect)
{
  double step = 6 * style->scale;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip_preserve (cr);
  /* On the plain background, so that no grid line runs through it. */
  _sam_chart_set_colour (cr, &style->background);
  cairo_fill_preserve (cr);
  _sam_chart_set_colour (cr, &style->dim);
  cairo_set_line_width (cr, 1 * style->scale);
  cairo_stroke (cr);
  for (double x = rect->x - rect->height; x < rect->x + rect->width; x += step)
    {
      cairo_move_to (cr, x, rect->y + rect->height);
      cairo_line_to (cr, x + rect->height, rect->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Text on a plate of the background, so that hatching or grid lines do not run through
 * the words. The plate is as wide as the text, within @box. */
void
_sam_chart_draw_plated_text (cairo_t             *cr,
                             const SamChartStyle *style,
                             const char          *text,
                             const SamRect       *box,
                             double               size,
                             SamAlign             align)
{
  double pad = size * 0.35;
  double text_width =
    MIN (_sam_chart_text_width (cr, style, text, size, FALSE), box->width - 2 * pad);
  double plate_height = MIN (size * 1.5, box->height);
  SamRect plate, inner;

  if (text_width <= 0 || plate_height <= 0)
    return;
  plate.width = text_width + 2 * pad;
  plate.height = plate_height;
  plate.x = align == SAM_ALIGN_START ? box->x
          : align == SAM_ALIGN_END ? box->x + box->width - plate.width
          : box->x + (box->width - plate.width) / 2;
  plate.y = box->y + (box->height - plate.height) / 2;
  _sam_chart_set_colour (cr, &style->background);
  cairo_rectangle (cr, plate.x, plate.y, plate.width, plate.height);
  cairo_fill (cr);
  inner = (SamRect) { plate.x + pad, plate.y, text_width + 1, plate.height };
  _sam_chart_set_colour (cr, &style->foreground);
  _sam_chart_draw_text (cr, style, text, &inner, MIN (size, plate_height * 0.8), FALSE,
                        SAM_ALIGN_START);
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
 * _sam_chart_withheld_reason:
 *
 * Returns: (transfer full): the same inside a sentence or a mark ("Klinik 3: withheld:
 *   fewer than 3 answers")
 */
char *
_sam_chart_withheld_reason (const SamFigure *figure,
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
    return _sam_chart_withheld_reason (figure, k);
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

/* Legends flow left to right and wrap; each entry is a swatch and its label. */

static double
entry_width (const SamChartStyle  *style,
             const SamLegendEntry *entry)
{
  double font = SAM_CHART_FONT (style);
  double swatch =
    entry->shape == SAM_LEGEND_LINE || entry->shape == SAM_LEGEND_DASH ? 2 * font : font;

  return swatch + 0.5 * font + _sam_chart_estimate_width (entry->label, font) + 1.6 * font;
}

double
_sam_chart_legend_height (const SamChartStyle  *style,
                          const SamLegendEntry *entries,
                          guint                 n_entries,
                          double                width)
{
  double font = SAM_CHART_FONT (style);
  double x = 0;
  guint lines = n_entries > 0 ? 1 : 0;

  for (guint i = 0; i < n_entries; i++)
    {
      double w = MIN (entry_width (style, &entries[i]), width);

      if (x > 0 && x + w > width)
        {
          lines++;
          x = 0;
        }
      x += w;
    }
  return lines * font * 1.7;
}

void
_sam_chart_draw_legend (cairo_t              *cr,
                        const SamChartStyle  *style,
                        const SamLegendEntry *entries,
                        guint                 n_entries,
                        const SamRect        *box)
{
  double font = SAM_CHART_FONT (style);
  double line = font * 1.7;
  double x = box->x, y = box->y;

  for (guint i = 0; i < n_entries; i++)
    {
      const SamLegendEntry *entry = &entries[i];
      double w = MIN (entry_width (style, entry), box->width);
      double swatch =
        entry->shape == SAM_LEGEND_LINE || entry->shape == SAM_LEGEND_DASH ? 2 * font : font;
      double mid;
      SamRect square, text;

      if (x > box->x && x + w > box->x + box->width)
        {
          x = box->x;
          y += line;
        }
      mid = y + line / 2;
      square = (SamRect) { x, mid - font / 2, swatch, font };
      switch (entry->shape)
        {
        case SAM_LEGEND_HATCH:
          _sam_chart_draw_hatch (cr, style, &square);
          break;
        case SAM_LEGEND_LINE:
        case SAM_LEGEND_DASH:
          {
            double dash = 4 * style->scale;

            _sam_chart_set_colour (cr, entry->colour);
            cairo_set_line_width (cr, 2.5 * style->scale);
            if (entry->shape == SAM_LEGEND_DASH)
              cairo_set_dash (cr, &dash, 1, 0);
            cairo_move_to (cr, square.x, mid);
            cairo_line_to (cr, square.x + square.width, mid);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        case SAM_LEGEND_OUTLINE:
          _sam_chart_set_colour (cr, entry->colour);
          cairo_set_line_width (cr, 2.5 * style->scale);
          cairo_rectangle (cr, square.x + 1.25 * style->scale, square.y + 1.25 * style->scale,
                           square.width - 2.5 * style->scale, square.height - 2.5 * style->scale);
          cairo_stroke (cr);
          break;
        case SAM_LEGEND_SWATCH:
        default:
          _sam_chart_set_colour (cr, entry->colour);
          cairo_rectangle (cr, square.x, square.y, square.width, square.height);
          cairo_fill (cr);
          break;
        }
      text = (SamRect) { x + swatch + 0.5 * font, y, w - swatch - 0.5 * font - 0.6 * font, line };
      _sam_chart_set_colour (cr, &style->foreground);
      _sam_chart_draw_text (cr, style, entry->label, &text, font, FALSE, SAM_ALIGN_START);
      x += w;
    }
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
