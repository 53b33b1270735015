/* sam-chart-view-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart-view.h"

G_BEGIN_DECLS

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
int           sam_chart_view_get_focus_mark  (SamChartView *self);
gboolean      sam_chart_view_get_presenting  (SamChartView *self);
gboolean      sam_chart_view_get_show_table  (SamChartView *self);

G_END_DECLS
