/* sam-meeting-presentation.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-meeting-charts.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_PRESENTATION (sam_meeting_presentation_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingPresentation, sam_meeting_presentation, SAM, MEETING_PRESENTATION,
                      AdwWindow)

SamMeetingPresentation *sam_meeting_presentation_new       (GtkWidget              *runner,
                                                            SamMeetingCharts       *charts);
GtkStack               *sam_meeting_presentation_get_charts (SamMeetingPresentation *self);
const char *sam_meeting_presentation_get_chart_position_text (SamMeetingPresentation *self);

G_END_DECLS
