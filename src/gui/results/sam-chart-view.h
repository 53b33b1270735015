/* sam-chart-view.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-chart.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHART_VIEW (sam_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SamChartView, sam_chart_view, SAM, CHART_VIEW, AdwBin)

typedef gboolean (*SamChartViewGate) (gpointer   data,
                                      GError   **error);

SamChartView *sam_chart_view_new             (SamChart     *chart,
                                              int           height);
void          sam_chart_view_set_gate        (SamChartView     *self,
                                              SamChartViewGate  gate,
                                              gpointer          data,
                                              GDestroyNotify    destroy);
SamChart     *sam_chart_view_get_chart       (SamChartView *self);
const char   *sam_chart_view_get_description (SamChartView *self);
void          sam_chart_view_set_show_table  (SamChartView *self,
                                              gboolean      show_table);
GtkWidget    *sam_chart_view_get_table       (SamChartView *self);
const char   *sam_chart_view_get_focus_text  (SamChartView *self);
void          sam_chart_view_focus_mark      (SamChartView *self,
                                              int           mark);
void          sam_chart_view_set_presenting  (SamChartView *self,
                                              gboolean      presenting);
void          sam_chart_style_init_for_widget (SamChartStyle *style,
                                              GtkWidget     *widget);

G_END_DECLS
