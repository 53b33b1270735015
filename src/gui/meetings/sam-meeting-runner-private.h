/* sam-meeting-runner-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-meeting-runner.h"

G_BEGIN_DECLS

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
gboolean            sam_meeting_runner_add_action   (SamMeetingRunner     *self,
                                                     const char           *what,
                                                     const char           *who,
                                                     const char           *due,
                                                     const char           *item,
                                                     const char           *domain,
                                                     GError              **error);
gboolean            sam_meeting_runner_add_card     (SamMeetingRunner     *self,
                                                     SamMeetingCardColour  colour,
                                                     const char           *text,
                                                     GError              **error);
guint               sam_meeting_runner_get_n_cues   (SamMeetingRunner     *self);
gboolean            sam_meeting_runner_is_loading_figures (SamMeetingRunner *self);

G_END_DECLS
