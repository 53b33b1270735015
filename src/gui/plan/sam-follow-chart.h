/* sam-follow-chart.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-chart.h"
#include "sam-follow-up.h"

G_BEGIN_DECLS

#define SAM_TYPE_FOLLOW_CHART (sam_follow_chart_get_type ())
G_DECLARE_FINAL_TYPE (SamFollowChart, sam_follow_chart, SAM, FOLLOW_CHART, AdwBin)

SamFollowChart *sam_follow_chart_new       (void);
void            sam_follow_chart_show      (SamFollowChart *self,
                                            SamFollowUp    *follow_up,
                                            const char     *clinic_name);
SamChart       *sam_follow_chart_get_chart (SamFollowChart *self);
GtkWidget      *sam_follow_chart_get_view  (SamFollowChart *self);

G_END_DECLS
