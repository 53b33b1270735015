/* sam-meeting-notes-view.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-meeting-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_NOTES_VIEW (sam_meeting_notes_view_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingNotesView, sam_meeting_notes_view, SAM, MEETING_NOTES_VIEW, GtkBox)

void sam_meeting_notes_view_set_meeting (SamMeetingNotesView *self,
                                         SamStore            *store,
                                         gint64               meeting_id);
void sam_meeting_notes_view_load        (SamMeetingNotesView *self,
                                         const char          *step_id);
void sam_meeting_notes_view_save        (SamMeetingNotesView *self);

G_END_DECLS
