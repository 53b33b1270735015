/* sam-meeting-start-dialog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_START_DIALOG (sam_meeting_start_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingStartDialog, sam_meeting_start_dialog, SAM, MEETING_START_DIALOG,
                      AdwWindow)

SamMeetingStartDialog *sam_meeting_start_dialog_new   (GtkWindow             *parent,
                                                       SamContext            *context,
                                                       SamMeetingTemplate    *template);
gboolean               sam_meeting_start_dialog_start (SamMeetingStartDialog *self,
                                                       GError               **error);

G_END_DECLS
