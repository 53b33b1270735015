/* sam-meeting-note-card.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_NOTE_CARD (sam_meeting_note_card_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingNoteCard, sam_meeting_note_card, SAM, MEETING_NOTE_CARD, GtkWidget)

#define SAM_TYPE_MEETING_NOTE_COLUMN (sam_meeting_note_column_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingNoteColumn, sam_meeting_note_column, SAM, MEETING_NOTE_COLUMN,
                      GtkBox)

GtkWidget  *sam_meeting_note_card_new            (const SamMeetingCard *card,
                                                  const SamMeetingStep *step);

GtkWidget  *sam_meeting_note_column_new          (const char           *heading,
                                                  const char           *category_id);
const char *sam_meeting_note_column_get_category (SamMeetingNoteColumn *self);

G_END_DECLS
