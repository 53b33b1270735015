/* sam-meeting-board.h
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

#define SAM_TYPE_MEETING_BOARD (sam_meeting_board_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingBoard, sam_meeting_board, SAM, MEETING_BOARD, GtkBox)

void     sam_meeting_board_set_meeting    (SamMeetingBoard       *self,
                                           SamStore              *store,
                                           gint64                 meeting_id);
void     sam_meeting_board_show_step      (SamMeetingBoard       *self,
                                           const SamMeetingStep  *step);
void     sam_meeting_board_set_phones     (SamMeetingBoard       *self,
                                           SamCollect            *phones);
void     sam_meeting_board_rebuild_later  (SamMeetingBoard       *self);
void     sam_meeting_board_cancel_rebuild (SamMeetingBoard       *self);
gboolean sam_meeting_board_add_card       (SamMeetingBoard       *self,
                                           SamMeetingCardColour   colour,
                                           const char            *text,
                                           GError               **error);
gboolean sam_meeting_board_sort_card      (SamMeetingBoard       *self,
                                           gint64                 card_id,
                                           const char            *category,
                                           GError               **error);
void     sam_meeting_board_undo_delete    (SamMeetingBoard       *self);

G_END_DECLS
