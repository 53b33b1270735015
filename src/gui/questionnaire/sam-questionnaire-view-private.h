/* sam-questionnaire-view-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-questionnaire-view.h"

G_BEGIN_DECLS

/* One view across three files: sam-questionnaire-view.c (life cycle, moving between
 * pages, the keyboard), sam-questionnaire-start.c (who is answering, and answers waiting
 * to be taken up again) and sam-questionnaire-page.c (a question page and the review). */

struct _SamQuestionnaireView
{
  GtkWidget         parent_instance;

  SamContext       *context;
  SamQuestionnaire *questionnaire;
  GArray           *round_ids;       /* gint64, the open rounds in the round combo */
  GArray           *clinic_ids;      /* gint64, the round's clinics in the clinic combo; then 0,
                                      * "another clinic" */
  GtkWidget        *role_checks[SAM_N_ROLES];
  GtkWidget        *role_rows[SAM_N_ROLES];
  GHashTable       *checks;          /* "item\x1fcode" -> GtkCheckButton on the current page */
  GPtrArray        *drafts;          /* SamDraft, the answers waiting to be taken up again */
  gboolean          building;

  GtkStack         *stack;
  AdwPreferencesGroup *resume_group;
  GtkListBox       *resume_list;
  AdwComboRow      *round_row;
  AdwComboRow      *clinic_choice_row;
  AdwEntryRow      *clinic_row;
  AdwPreferencesGroup *role_group;
  GtkLabel         *privacy_label;
  GtkButton        *start_button;
  GtkProgressBar   *progress_bar;
  GtkScrolledWindow *question_scroller;
  GtkBox           *question_box;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkLabel         *progress_label;
  GtkButton        *next_colleague_button;
};

SamStore *_sam_questionnaire_view_get_store      (SamQuestionnaireView *self);
void      _sam_questionnaire_view_show_error     (SamQuestionnaireView *self,
                                                  const GError         *error);
char     *_sam_questionnaire_answer_key          (const SamItem        *item,
                                                  int                   code);

void      _sam_questionnaire_view_class_init_start (GtkWidgetClass       *widget_class);
void      _sam_questionnaire_view_init_start     (SamQuestionnaireView *self);
void      _sam_questionnaire_view_refresh_start  (SamQuestionnaireView *self);

void      _sam_questionnaire_view_class_init_page (GtkWidgetClass      *widget_class);
void      _sam_questionnaire_view_show_page      (SamQuestionnaireView *self);

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
const char       *sam_questionnaire_view_get_state   (SamQuestionnaireView *self);

G_END_DECLS
