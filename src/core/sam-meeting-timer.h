/* sam-meeting-timer.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sam-meeting-schedule.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

typedef enum
{
  SAM_MEETING_TIMER_READY,      /* not started */
  SAM_MEETING_TIMER_RUNNING,
  SAM_MEETING_TIMER_PAUSED,
  SAM_MEETING_TIMER_FINISHED,
} SamMeetingTimerState;

/* Every time is monotonic microseconds (g_get_monotonic_time () in the app, a fake clock
 * in the tests); the timer never reads a clock itself. */
typedef struct _SamMeetingTimer SamMeetingTimer;

SamMeetingTimer      *sam_meeting_timer_new               (SamMeetingTemplate *template,
                                                           gboolean            earlier_round);
SamMeetingTimer      *sam_meeting_timer_new_for_schedule  (SamMeetingSchedule *schedule);
SamMeetingTimer      *sam_meeting_timer_new_for_durations (const guint        *seconds,
                                                           guint               n_steps);
void                  sam_meeting_timer_free              (SamMeetingTimer    *self);

guint                 sam_meeting_timer_get_n_steps       (SamMeetingTimer    *self);
const SamMeetingStep *sam_meeting_timer_get_step          (SamMeetingTimer    *self,
                                                           guint               index);
guint                 sam_meeting_timer_get_current       (SamMeetingTimer    *self);
SamMeetingTimerState  sam_meeting_timer_get_state         (SamMeetingTimer    *self);
gboolean              sam_meeting_timer_is_finished       (SamMeetingTimer    *self);

gboolean              sam_meeting_timer_start             (SamMeetingTimer    *self,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_pause             (SamMeetingTimer    *self,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_resume            (SamMeetingTimer    *self,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_add_minute        (SamMeetingTimer    *self,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_next              (SamMeetingTimer    *self,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_previous          (SamMeetingTimer    *self,
                                                           gint64              now_us);

gint64                sam_meeting_timer_get_remaining     (SamMeetingTimer    *self,
                                                           gint64              now_us);
gint64                sam_meeting_timer_get_step_remaining (SamMeetingTimer   *self,
                                                           guint               index,
                                                           gint64              now_us);
gint64                sam_meeting_timer_get_step_allotted (SamMeetingTimer    *self,
                                                           guint               index);
gint64                sam_meeting_timer_get_step_used     (SamMeetingTimer    *self,
                                                           guint               index,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_is_time_up        (SamMeetingTimer    *self,
                                                           gint64              now_us);
gboolean              sam_meeting_timer_check_time_up     (SamMeetingTimer    *self,
                                                           gint64              now_us);
gint64                sam_meeting_timer_get_elapsed       (SamMeetingTimer    *self,
                                                           gint64              now_us);
gint64                sam_meeting_timer_get_planned_end   (SamMeetingTimer    *self,
                                                           gint64              now_us);
gint64                sam_meeting_timer_get_projected_end (SamMeetingTimer    *self,
                                                           gint64              now_us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingTimer, sam_meeting_timer_free)

G_END_DECLS
