/* sam-questionnaire-view.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-questionnaire.h"

G_BEGIN_DECLS

#define SAM_TYPE_QUESTIONNAIRE_VIEW (sam_questionnaire_view_get_type ())
G_DECLARE_FINAL_TYPE (SamQuestionnaireView, sam_questionnaire_view, SAM, QUESTIONNAIRE_VIEW,
                      GtkWidget)

SamQuestionnaireView *sam_questionnaire_view_new (SamContext *context);
SamQuestionnaire *sam_questionnaire_view_get_questionnaire (SamQuestionnaireView *self);
gboolean          sam_questionnaire_view_start       (SamQuestionnaireView *self,
                                                      const char           *clinic,
                                                      SamRole               role,
                                                      GError              **error);
gboolean          sam_questionnaire_view_choose      (SamQuestionnaireView *self,
                                                      const char           *item_id,
                                                      int                   code);
void              sam_questionnaire_view_next        (SamQuestionnaireView *self);
void              sam_questionnaire_view_back        (SamQuestionnaireView *self);
void              sam_questionnaire_view_go_to       (SamQuestionnaireView *self,
                                                      guint                 page);
GtkWindow        *sam_questionnaire_view_ask_leave   (SamQuestionnaireView *self);

G_END_DECLS
