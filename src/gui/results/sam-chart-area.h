/* sam-chart-area.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAM_TYPE_CHART_AREA (sam_chart_area_get_type ())
G_DECLARE_FINAL_TYPE (SamChartArea, sam_chart_area, SAM, CHART_AREA, GtkDrawingArea)

void sam_chart_area_set_draw_func (SamChartArea           *self,
                                   GtkDrawingAreaDrawFunc  draw_func,
                                   gpointer                user_data);

G_END_DECLS
