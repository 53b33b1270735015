/* sam-plan-action-dialog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-plan.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_ACTION_DIALOG (sam_plan_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanActionDialog, sam_plan_action_dialog, SAM, PLAN_ACTION_DIALOG,
                      AdwMessageDialog)

SamPlanActionDialog *sam_plan_action_dialog_new (GtkWidget           *parent,
                                                 SamContext          *context,
                                                 gint64               clinic_id,
                                                 const SamPlanAction *action);

G_END_DECLS
