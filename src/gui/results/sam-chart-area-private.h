/* sam-chart-area-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart-area.h"

G_BEGIN_DECLS

/* For the tests only, never for the app's own code: whether the picture the area shows is
 * up to date, where a person would see the chart drawn. */
gboolean sam_chart_area_is_drawn (SamChartArea *self);

G_END_DECLS
