/* sam-questionnaire.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-instrument.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* One person answering the self-assessment: the pages of their role (a question a page,
 * only the items their role is asked), their answers checked against the instrument and
 * saved as a draft as each is given, and the submission as one change, after which the
 * answers are stored without a name and are not shown again. */

#define SAM_TYPE_QUESTIONNAIRE (sam_questionnaire_get_type ())
G_DECLARE_FINAL_TYPE (SamQuestionnaire, sam_questionnaire, SAM, QUESTIONNAIRE, GObject)

SamQuestionnaire  *sam_questionnaire_new             (SamStore         *store,
                                                      gint64            round_id,
                                                      gint64            clinic_id,
                                                      SamRole           role);
SamQuestionnaire  *sam_questionnaire_new_from_draft  (SamStore         *store,
                                                      const SamDraft   *draft);

SamRole            sam_questionnaire_get_role        (SamQuestionnaire *self);
gint64             sam_questionnaire_get_clinic      (SamQuestionnaire *self);
guint              sam_questionnaire_get_n_pages     (SamQuestionnaire *self);
const SamQuestion *sam_questionnaire_get_question    (SamQuestionnaire *self,
                                                      guint             page);
GPtrArray         *sam_questionnaire_get_items       (SamQuestionnaire *self,
                                                      guint             page);
guint              sam_questionnaire_get_page        (SamQuestionnaire *self);
gboolean           sam_questionnaire_set_page        (SamQuestionnaire *self,
                                                      guint             page,
                                                      GError          **error);
int                sam_questionnaire_get_answer      (SamQuestionnaire *self,
                                                      const SamItem    *item);
gboolean           sam_questionnaire_set_answer      (SamQuestionnaire *self,
                                                      const SamItem    *item,
                                                      int               code,
                                                      GError          **error);
guint              sam_questionnaire_count_answered  (SamQuestionnaire *self);
guint              sam_questionnaire_count_items     (SamQuestionnaire *self);
gboolean           sam_questionnaire_submit          (SamQuestionnaire *self,
                                                      GError          **error);
gboolean           sam_questionnaire_discard         (SamQuestionnaire *self,
                                                      GError          **error);
gboolean           sam_questionnaire_is_submitted    (SamQuestionnaire *self);

G_END_DECLS
