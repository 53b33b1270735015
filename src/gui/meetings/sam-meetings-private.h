/* sam-meetings-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

/* Helpers the Meetings section's widgets share. */

/* The meeting's clock: the context's, so a test can drive a whole meeting without
 * sleeping. Microseconds since the epoch, which also serve as the timer's clock. */
gint64      _sam_meetings_now_us         (SamContext       *context);
char       *_sam_meetings_format_clock   (gint64            us);
char       *_sam_meetings_format_remaining (gint64          us);
char       *_sam_meetings_describe_place (SamContext       *context,
                                          const SamMeeting *meeting);
char       *_sam_meetings_describe_link  (const SamMeetingAction *action);
GtkWidget  *_sam_meetings_label          (const char       *text,
                                          const char       *css_class);
void        _sam_meetings_ensure_style   (void);
void        _sam_meetings_clear_list     (GtkListBox       *list);
void        _sam_meetings_show_error     (GtkWidget        *widget,
                                          const GError     *error);
void        _sam_meetings_clear_box      (GtkBox           *box);
void        _sam_meetings_fill_prompts   (GtkBox           *box,
                                          const SamMeetingStep *step);

G_END_DECLS
