/* sam-meeting-charts.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-chart-view.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_CHARTS (sam_meeting_charts_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingCharts, sam_meeting_charts, SAM, MEETING_CHARTS, GObject)

SamMeetingCharts *sam_meeting_charts_new          (void);
void              sam_meeting_charts_set_meeting  (SamMeetingCharts     *self,
                                                   SamStore             *store,
                                                   const SamMeeting     *meeting);
gboolean          sam_meeting_charts_may_present  (SamMeetingCharts     *self);
gboolean          sam_meeting_charts_publish      (SamMeetingCharts     *self,
                                                   GError              **error);
SamChartView     *sam_meeting_charts_view_new     (SamMeetingCharts     *self,
                                                   SamChart             *chart,
                                                   int                   height);
gint64            sam_meeting_charts_get_round_id (SamMeetingCharts     *self);
GPtrArray        *sam_meeting_charts_make         (SamMeetingCharts     *self,
                                                   const SamMeetingStep *step,
                                                   const char          **round_label);

void              sam_meeting_charts_show         (SamMeetingCharts     *self,
                                                   GtkBox               *box,
                                                   const SamMeetingStep *step);

gboolean          sam_meeting_charts_is_loading   (SamMeetingCharts     *self);

gboolean          sam_meeting_step_shows_data     (const SamMeetingStep *step);

G_END_DECLS
