/* sam-meeting-action-list.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-meeting-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_ACTION_LIST (sam_meeting_action_list_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingActionList, sam_meeting_action_list, SAM, MEETING_ACTION_LIST,
                      GtkBox)

void     sam_meeting_action_list_set_meeting (SamMeetingActionList  *self,
                                              SamStore              *store,
                                              gint64                 meeting_id);
void     sam_meeting_action_list_show_step   (SamMeetingActionList  *self,
                                              const char            *step_id);
gboolean sam_meeting_action_list_add         (SamMeetingActionList    *self,
                                              const SamMeetingAction  *action,
                                              GError                 **error);

G_END_DECLS
