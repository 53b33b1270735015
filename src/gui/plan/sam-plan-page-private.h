/* sam-plan-page-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-plan-page.h"

G_BEGIN_DECLS

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
GtkListBox *sam_plan_page_get_action_list    (SamPlanPage *self);
const char *sam_plan_page_get_banner_text    (SamPlanPage *self);
gint64      sam_plan_page_get_clinic         (SamPlanPage *self);
SamFollowChart *sam_plan_page_get_follow_chart (SamPlanPage *self);
gboolean    sam_plan_page_is_follow_loading  (SamPlanPage *self);
gboolean    sam_plan_page_is_banner_shown    (SamPlanPage *self);
gboolean    sam_plan_page_select_clinic      (SamPlanPage *self,
                                              gint64       clinic_id);

G_END_DECLS
