/* sam-chart-area.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-chart.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHART_AREA (sam_chart_area_get_type ())
G_DECLARE_FINAL_TYPE (SamChartArea, sam_chart_area, SAM, CHART_AREA, GtkDrawingArea)

/* The style the chart is drawn in now, filled in on the main thread at every frame. */
typedef void (*SamChartAreaStyleFunc)   (SamChartArea  *area,
                                         SamChartStyle *style,
                                         gpointer       user_data);
/* What is drawn over the chart on the main thread (a hover or focus ring): small, cheap. */
typedef void (*SamChartAreaOverlayFunc) (SamChartArea  *area,
                                         GtkSnapshot   *snapshot,
                                         int            width,
                                         int            height,
                                         gpointer       user_data);

void     sam_chart_area_set_chart     (SamChartArea            *self,
                                       SamChart                *chart,
                                       SamChartAreaStyleFunc    style_func,
                                       SamChartAreaOverlayFunc  overlay_func,
                                       gpointer                 user_data);

G_END_DECLS
