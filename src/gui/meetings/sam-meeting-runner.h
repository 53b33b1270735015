/* sam-meeting-runner.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-collect.h"
#include "sam-context.h"
#include "sam-meeting-note-card.h"
#include "sam-meeting-store.h"
#include "sam-meeting-timer.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_RUNNER (sam_meeting_runner_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingRunner, sam_meeting_runner, SAM, MEETING_RUNNER, AdwBin)

SamMeetingRunner   *sam_meeting_runner_new          (SamContext           *context);
gboolean            sam_meeting_runner_run          (SamMeetingRunner     *self,
                                                     gint64                meeting_id,
                                                     GError              **error);
gint64              sam_meeting_runner_get_meeting_id (SamMeetingRunner   *self);
SamMeetingTemplate *sam_meeting_runner_get_template (SamMeetingRunner     *self);
SamMeetingTimer    *sam_meeting_runner_get_timer    (SamMeetingRunner     *self);
const SamMeetingStep *sam_meeting_runner_get_step   (SamMeetingRunner     *self);
void                sam_meeting_runner_tick         (SamMeetingRunner     *self);
void                sam_meeting_runner_toggle_pause (SamMeetingRunner     *self);
void                sam_meeting_runner_next         (SamMeetingRunner     *self);
void                sam_meeting_runner_previous     (SamMeetingRunner     *self);
void                sam_meeting_runner_add_minute   (SamMeetingRunner     *self);
void                sam_meeting_runner_finish       (SamMeetingRunner     *self);
char               *sam_meeting_runner_get_countdown_text (SamMeetingRunner *self);
gboolean            sam_meeting_runner_is_time_up   (SamMeetingRunner     *self);
gboolean            sam_meeting_runner_sort_card    (SamMeetingRunner     *self,
                                                     gint64                card_id,
                                                     const char           *category,
                                                     GError              **error);

/* For the Meetings section and its tests. */
void                _sam_meeting_runner_go_to       (SamMeetingRunner     *self,
                                                     guint                 index);
gboolean            _sam_meeting_runner_open_phones (SamMeetingRunner     *self,
                                                     gboolean              open,
                                                     GError              **error);
SamCollect         *_sam_meeting_runner_get_phones  (SamMeetingRunner     *self);
void                _sam_meeting_runner_set_phones_listen (SamMeetingRunner *self,
                                                     const char           *listen_address);
GtkWidget          *_sam_meeting_runner_get_part    (SamMeetingRunner     *self,
                                                     const char           *name);

G_END_DECLS
