/* sam-qr.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-qr"

#include "config.h"

#include <math.h>
#include <qrencode.h>

#include "sam-qr.h"
#include "sam-qr-private.h"

/* Error correction M (15 %): a short address stays a small code with large modules, and
 * survives a smudged or creased sheet. 8-bit mode keeps the address exactly as it is. */
static QRcode *
encode (const char *text)
{
  return QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
}

/* The modules across the whole code, the quiet zone included; 0 where @text cannot be
 * encoded. */
guint
sam_qr_count_modules (const char *text)
{
  QRcode *code;
  guint n;

  g_return_val_if_fail (text != NULL, 0);

  code = encode (text);
  if (code == NULL)
    return 0;
  n = (guint) code->width + 2 * SAM_QR_QUIET_ZONE;
  QRcode_free (code);
  return n;
}

/**
 * sam_qr_draw:
 * @x, @y, @size: the square to fill, quiet zone included
 * @whole_pixels: whether modules are whole device units (on screen, for sharp edges);
 *   the code is then as large as fits and centred in the square
 *
 * Returns: %FALSE where @text cannot be encoded (nothing is drawn)
 */
gboolean
sam_qr_draw (cairo_t    *cr,
             const char *text,
             double      x,
             double      y,
             double      size,
             gboolean    whole_pixels)
{
  QRcode *code;
  double module, side;
  guint n;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  code = encode (text);
  if (code == NULL)
    return FALSE;

  n = (guint) code->width + 2 * SAM_QR_QUIET_ZONE;
  module = size / n;
  if (whole_pixels && module >= 1.0)
    module = floor (module);
  side = module * n;
  x += (size - side) / 2;
  y += (size - side) / 2;
  if (whole_pixels)
    {
      x = round (x);
      y = round (y);
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, side, side);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (code->data[row * code->width + column] & 1)
        cairo_rectangle (cr, x + (column + SAM_QR_QUIET_ZONE) * module,
                         y + (row + SAM_QR_QUIET_ZONE) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);

  QRcode_free (code);
  return TRUE;
}

static void
draw_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  const char *text = user_data;

  if (text != NULL)
    sam_qr_draw (cr, text, 0, 0, MIN (width, height), TRUE);
}

/**
 * sam_qr_area_show:
 * @text: (nullable): what the code says, such as the address phones post to; %NULL for none
 *
 * Shows @text in @area as a code, square, as large as fits and in whole pixels; nothing
 * where @text is %NULL. The windows that show the phones' address call it each time the
 * address changes.
 */
void
sam_qr_area_show (GtkDrawingArea *area,
                  const char     *text)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (area));

  gtk_drawing_area_set_draw_func (area, draw_area, g_strdup (text), g_free);
  gtk_widget_queue_draw (GTK_WIDGET (area));
}
