/* sam-window-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-meetings-page.h"
#include "sam-plan-page.h"
#include "sam-reflection-page.h"
#include "sam-questionnaire-view.h"
#include "sam-results-page.h"
#include "sam-survey-import.h"
#include "sam-welcome-page.h"
#include "sam-window.h"

G_BEGIN_DECLS

/* The window's parts, shared by the files that split it by concern: sam-window.c (life
 * cycle, sections), sam-window-files.c (files in and out) and sam-window-cluster.c (files
 * between a clinic and its cluster). */
struct _SamWindow
{
  AdwApplicationWindow  parent_instance;

  SamContext           *context;
  SamSurveyImport      *last_import;   /* for its undo */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *content_title;
  GtkStack             *section_stack;
  GtkRevealer          *demo_revealer;
  AdwStatusPage        *error_page;
  GtkButton            *restore_button;

  /* The section pages, each made on its first visit (NULL until then) */
  SamWelcomePage       *welcome_page;
  SamQuestionnaireView *questionnaire_view;
  SamMeetingsPage      *meetings_page;
  SamResultsPage       *results_page;
  SamPlanPage          *plan_page;
  SamReflectionPage    *reflection_page;
};

void _sam_window_install_file_actions    (SamWindow *self);
void _sam_window_install_cluster_actions (SamWindow *self);
void _sam_window_install_round_actions   (SamWindow *self);

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
const char *sam_window_get_section     (SamWindow      *self);

G_END_DECLS
