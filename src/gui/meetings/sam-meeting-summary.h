/* sam-meeting-summary.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_SUMMARY (sam_meeting_summary_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingSummary, sam_meeting_summary, SAM, MEETING_SUMMARY, AdwBin)

SamMeetingSummary *sam_meeting_summary_new  (SamContext         *context);
gboolean  sam_meeting_summary_show           (SamMeetingSummary  *self,
                                              gint64              meeting_id,
                                              GError            **error);
gint64    sam_meeting_summary_get_meeting_id (SamMeetingSummary  *self);
GtkWindow *sam_meeting_summary_ask_delete    (SamMeetingSummary  *self);
gboolean  sam_meeting_summary_print          (SamMeetingSummary        *self,
                                              GtkPrintOperationAction   action,
                                              const char               *export_path,
                                              GError                  **error);

G_END_DECLS
