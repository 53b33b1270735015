/* sam-qr.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A QR code (libqrencode) drawn with cairo, dark modules on white with the quiet zone of
 * four modules a scanner needs, for the screen and for paper alike. */

#define SAM_QR_QUIET_ZONE 4

gboolean sam_qr_draw          (cairo_t    *cr,
                               const char *text,
                               double      x,
                               double      y,
                               double      size,
                               gboolean    whole_pixels);
void     sam_qr_area_show     (GtkDrawingArea *area,
                               const char     *text);

G_END_DECLS
