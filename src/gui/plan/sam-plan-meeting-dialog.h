/* sam-plan-meeting-dialog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_MEETING_DIALOG (sam_plan_meeting_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanMeetingDialog, sam_plan_meeting_dialog, SAM, PLAN_MEETING_DIALOG,
                      AdwMessageDialog)

SamPlanMeetingDialog *sam_plan_meeting_dialog_new             (GtkWidget            *parent,
                                                               SamContext           *context,
                                                               const SamClinic      *clinic);
guint                 sam_plan_meeting_dialog_get_n_meetings  (SamPlanMeetingDialog *self);
gboolean              sam_plan_meeting_dialog_get_follow_up_set (SamPlanMeetingDialog *self);

G_END_DECLS
