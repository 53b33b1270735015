/* sam-meeting-phones-room.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-collect.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_PHONES_ROOM (sam_meeting_phones_room_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingPhonesRoom, sam_meeting_phones_room, SAM, MEETING_PHONES_ROOM,
                      GtkBox)

void        sam_meeting_phones_room_set_meeting (SamMeetingPhonesRoom  *self,
                                                 SamStore              *store,
                                                 gint64                 meeting_id);
void        sam_meeting_phones_room_show_step   (SamMeetingPhonesRoom  *self,
                                                 const SamMeetingStep  *step);
void        sam_meeting_phones_room_set_listen  (SamMeetingPhonesRoom  *self,
                                                 const char            *listen_address);
gboolean    sam_meeting_phones_room_open        (SamMeetingPhonesRoom  *self,
                                                 GError               **error);
void        sam_meeting_phones_room_close       (SamMeetingPhonesRoom  *self);
SamCollect *sam_meeting_phones_room_get_phones  (SamMeetingPhonesRoom  *self);

G_END_DECLS
