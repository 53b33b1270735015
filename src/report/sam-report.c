/* sam-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-report.h"

G_DEFINE_QUARK (sam-report-error-quark, sam_report_error)

/**
 * sam_report_write_bytes:
 *
 * Writes a rendered file to @path whole or not at all: a failed write leaves an earlier
 * file of that name as it was.
 */
gboolean
sam_report_write_bytes (GBytes      *bytes,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL && path != NULL, FALSE);

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED,
                   _("“%s” could not be written: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

const char *
sam_report_format_extension (SamReportFormat format)
{
  switch (format)
    {
    case SAM_REPORT_SVG:
      return "svg";
    case SAM_REPORT_PDF:
      return "pdf";
    case SAM_REPORT_PNG:
    default:
      return "png";
    }
}

/**
 * sam_report_format_from_path:
 *
 * Returns: %TRUE where the file's name ends in .png, .svg or .pdf (any case)
 */
gboolean
sam_report_format_from_path (const char      *path,
                             SamReportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (SamReportFormat f = SAM_REPORT_PNG; f <= SAM_REPORT_PDF; f++)
    {
      g_autofree char *suffix = g_strconcat (".", sam_report_format_extension (f), NULL);

      if (g_str_has_suffix (lower, suffix))
        {
          *format = f;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * sam_report_text_scale:
 *
 * Returns: how large the text is drawn on a file of this size: at 1200 wide and up to
 *   scale 1, larger for a larger picture so it reads the same when it fills a projector
 */
double
sam_report_text_scale (double width,
                       double height)
{
  return CLAMP (MIN (width / 1200.0, height / 675.0), 0.75, 4.0);
}

/**
 * sam_report_draw_titled_chart:
 *
 * Paints the chart with its title above it, as a file or a printed page shows it, where
 * no window's heading names it.
 */
void
sam_report_draw_titled_chart (SamChart            *chart,
                              const SamChartStyle *style,
                              cairo_t             *cr,
                              double               width,
                              double               height)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  double margin = 12 * style->scale;
  int text_width, text_height;
  double band;

  g_return_if_fail (chart != NULL && style != NULL && cr != NULL);

  /* Everything stays inside the chart's own box: a printed sheet holds two. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, style->background.red, style->background.green, style->background.blue,
                         1);
  cairo_paint (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font_family);
  pango_font_description_set_absolute_size (font,
                                            style->font_size * style->scale * 1.25 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, sam_chart_get_title (chart), -1);
  pango_layout_set_width (layout, (int) ((width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* At most three lines of title, so the chart keeps most of the room. */
  pango_layout_set_height (layout, -3);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue,
                         1);
  cairo_move_to (cr, margin, margin);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);

  band = MIN (margin + text_height, height / 3);
  cairo_translate (cr, 0, band);
  cairo_rectangle (cr, 0, 0, width, height - band);
  cairo_clip (cr);
  sam_chart_draw (chart, style, cr, width, height - band);
  cairo_restore (cr);
}

/**
 * sam_report_append_bytes:
 * @closure: the #GByteArray to append to
 *
 * A #cairo_write_func_t that gathers a surface's file in memory.
 */
cairo_status_t
sam_report_append_bytes (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * sam_report_render_chart:
 * @width: pixels for PNG, points for SVG and PDF
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
sam_report_render_chart (SamChart         *chart,
                         SamReportFormat   format,
                         double            width,
                         double            height,
                         GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  SamChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, NULL);

  if (width < 100 || height < 100 || width > 10000 || height > 10000)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED,
                   _("A chart can be from 100 to 10,000 wide and high, not %.0f × %.0f"), width,
                   height);
      return NULL;
    }

  switch (format)
    {
    case SAM_REPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (sam_report_append_bytes, bytes, width, height);
      break;
    case SAM_REPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sam_report_append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      sam_chart_get_title (chart));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samarbejde");
      break;
    case SAM_REPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
      break;
    }

  sam_chart_style_init (&style, SAM_CHART_LIGHT, sam_report_text_scale (width, height));
  cr = cairo_create (surface);
  sam_report_draw_titled_chart (chart, &style, cr, width, height);
  cairo_destroy (cr);
  sam_chart_style_clear (&style);

  if (format == SAM_REPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sam_report_append_bytes, bytes);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED,
                   _("The chart could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * sam_report_write_chart:
 *
 * Writes the chart to @path whole or not at all: a failed write leaves an earlier file
 * of that name as it was.
 */
gboolean
sam_report_write_chart (SamChart         *chart,
                        SamReportFormat   format,
                        const char       *path,
                        double            width,
                        double            height,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (chart != NULL && path != NULL, FALSE);

  bytes = sam_report_render_chart (chart, format, width, height, error);
  if (bytes == NULL)
    return FALSE;
  return sam_report_write_bytes (bytes, path, error);
}
