/* sam-plan-follow-view.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-follow-chart.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_FOLLOW_VIEW (sam_plan_follow_view_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanFollowView, sam_plan_follow_view, SAM, PLAN_FOLLOW_VIEW, AdwBin)

GtkWidget      *sam_plan_follow_view_new        (SamContext        *context);
void            sam_plan_follow_view_set_clinic (SamPlanFollowView *self,
                                                 const SamClinic   *clinic);
void            sam_plan_follow_view_refresh    (SamPlanFollowView *self);
SamFollowChart *sam_plan_follow_view_get_chart  (SamPlanFollowView *self);

G_END_DECLS
