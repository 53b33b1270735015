/* sam-meeting-schedule.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

/* The time planned for each step of one meeting: the template's, or as the facilitator
 * changed it before starting (the package: "kan tilpasses"). */
typedef struct _SamMeetingSchedule SamMeetingSchedule;

SamMeetingSchedule *sam_meeting_schedule_new         (SamMeetingTemplate   *template,
                                                      gboolean              earlier_round);
SamMeetingSchedule *sam_meeting_schedule_load        (SamStore             *store,
                                                      const SamMeeting     *meeting);
gboolean            sam_meeting_schedule_save        (SamMeetingSchedule   *self,
                                                      SamStore             *store,
                                                      gint64                meeting_id,
                                                      GError              **error);
void                sam_meeting_schedule_free        (SamMeetingSchedule   *self);

SamMeetingTemplate *sam_meeting_schedule_get_template (SamMeetingSchedule  *self);
gboolean            sam_meeting_schedule_holds       (SamMeetingSchedule   *self,
                                                      const SamMeetingStep *step);
guint               sam_meeting_schedule_get_seconds (SamMeetingSchedule   *self,
                                                      const SamMeetingStep *step);
void                sam_meeting_schedule_set_seconds (SamMeetingSchedule   *self,
                                                      const SamMeetingStep *step,
                                                      guint                 seconds);
guint               sam_meeting_schedule_get_total   (SamMeetingSchedule   *self);
gboolean            sam_meeting_schedule_is_planned  (SamMeetingSchedule   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingSchedule, sam_meeting_schedule_free)

G_END_DECLS
