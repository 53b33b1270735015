/* sam-plan-action-row.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-plan.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_ACTION_ROW (sam_plan_action_row_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanActionRow, sam_plan_action_row, SAM, PLAN_ACTION_ROW, AdwActionRow)

GtkWidget     *sam_plan_action_row_new    (const SamPlanAction *action,
                                           const GDate         *today);
gint64         sam_plan_action_row_get_id (SamPlanActionRow    *self);

GtkStringList *sam_plan_status_labels     (void);
char          *sam_plan_aim_label         (const SamPlanAction *action);

G_END_DECLS
