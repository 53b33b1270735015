/* sam-plan-action-list.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_ACTION_LIST (sam_plan_action_list_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanActionList, sam_plan_action_list, SAM, PLAN_ACTION_LIST, GtkBox)

GtkWidget  *sam_plan_action_list_new          (SamContext        *context);
gboolean    sam_plan_action_list_refresh      (SamPlanActionList *self,
                                               gint64             clinic_id,
                                               const GDate       *today);
GtkListBox *sam_plan_action_list_get_list_box (SamPlanActionList *self);

G_END_DECLS
