/* sam-report.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-chart.h"

G_BEGIN_DECLS

/* Charts as files: PNG at a size in pixels, SVG and PDF at a size in points, always in the
 * light style that paper and projectors take. */

#define SAM_REPORT_ERROR (sam_report_error_quark ())

typedef enum
{
  SAM_REPORT_ERROR_FAILED,
} SamReportError;

typedef enum
{
  SAM_REPORT_PNG,
  SAM_REPORT_SVG,
  SAM_REPORT_PDF,
} SamReportFormat;

GQuark          sam_report_error_quark        (void);
const char     *sam_report_format_extension   (SamReportFormat  format);
gboolean        sam_report_format_from_path   (const char      *path,
                                               SamReportFormat *format);
double          sam_report_text_scale         (double           width,
                                               double           height);
void            sam_report_draw_titled_chart  (SamChart            *chart,
                                               const SamChartStyle *style,
                                               cairo_t             *cr,
                                               double               width,
                                               double               height);
GBytes         *sam_report_render_chart       (SamChart        *chart,
                                               SamReportFormat  format,
                                               double           width,
                                               double           height,
                                               GError         **error);
gboolean        sam_report_write_chart        (SamChart        *chart,
                                               SamReportFormat  format,
                                               const char      *path,
                                               double           width,
                                               double           height,
                                               GError         **error);
gboolean        sam_report_write_bytes        (GBytes          *bytes,
                                               const char      *path,
                                               GError         **error);
cairo_status_t  sam_report_append_bytes       (void                *closure,
                                               const unsigned char *data,
                                               unsigned int         length);

G_END_DECLS
