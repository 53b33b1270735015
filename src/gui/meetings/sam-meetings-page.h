/* sam-meetings-page.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-meeting-runner.h"
#include "sam-meeting-summary.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETINGS_PAGE (sam_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingsPage, sam_meetings_page, SAM, MEETINGS_PAGE, AdwBin)

SamMeetingsPage   *sam_meetings_page_new           (SamContext       *context);
GtkWindow         *sam_meetings_page_ask_start     (SamMeetingsPage  *self,
                                                    const char       *template_id);
gboolean           sam_meetings_page_run           (SamMeetingsPage  *self,
                                                    gint64            meeting_id,
                                                    GError          **error);
gboolean           sam_meetings_page_show_summary  (SamMeetingsPage  *self,
                                                    gint64            meeting_id,
                                                    GError          **error);
SamMeetingRunner  *sam_meetings_page_get_runner    (SamMeetingsPage  *self);
SamMeetingSummary *sam_meetings_page_get_summary   (SamMeetingsPage  *self);
gboolean           sam_meetings_page_undo_plan     (SamMeetingsPage  *self,
                                                    GError          **error);

G_END_DECLS
