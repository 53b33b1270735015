/* sam-plan-parts.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-follow-chart.h"
#include "sam-plan-report.h"
#include "sam-plan.h"

G_BEGIN_DECLS

/* The parts the plan page is made of. They work on the page's plan.* actions: plan.edit and
 * plan.delete with an action's id ("x"), plan.set-status with its id and status ("(xu)"),
 * plan.add and plan.import. */

/* sam-plan-action-row.c: one action in the list */
#define SAM_TYPE_PLAN_ACTION_ROW (sam_plan_action_row_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanActionRow, sam_plan_action_row, SAM, PLAN_ACTION_ROW, AdwActionRow)

GtkWidget     *sam_plan_action_row_new    (const SamPlanAction *action,
                                           const GDate         *today);
gint64         sam_plan_action_row_get_id (SamPlanActionRow    *self);
GtkStringList *sam_plan_status_labels     (void);
char          *sam_plan_aim_label         (const SamPlanAction *action);

/* sam-plan-action-list.c: the actions, filtered and sorted, and the buttons adding more */
#define SAM_TYPE_PLAN_ACTION_LIST (sam_plan_action_list_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanActionList, sam_plan_action_list, SAM, PLAN_ACTION_LIST, GtkBox)

GtkWidget  *sam_plan_action_list_new          (SamContext        *context);
gboolean    sam_plan_action_list_refresh      (SamPlanActionList *self,
                                               gint64             clinic_id,
                                               const GDate       *today);
GtkListBox *sam_plan_action_list_get_list_box (SamPlanActionList *self);

/* sam-plan-action-dialog.c: the form for a new action or an edit */
#define SAM_TYPE_PLAN_ACTION_DIALOG (sam_plan_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanActionDialog, sam_plan_action_dialog, SAM, PLAN_ACTION_DIALOG,
                      AdwMessageDialog)

SamPlanActionDialog *sam_plan_action_dialog_new (GtkWidget           *parent,
                                                 SamContext          *context,
                                                 gint64               clinic_id,
                                                 const SamPlanAction *action);

/* sam-plan-meeting-dialog.c: "Add from a Meeting" */
#define SAM_TYPE_PLAN_MEETING_DIALOG (sam_plan_meeting_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanMeetingDialog, sam_plan_meeting_dialog, SAM, PLAN_MEETING_DIALOG,
                      AdwMessageDialog)

SamPlanMeetingDialog *sam_plan_meeting_dialog_new               (GtkWidget            *parent,
                                                                 SamContext           *context,
                                                                 const SamClinic      *clinic);
guint                 sam_plan_meeting_dialog_get_n_meetings    (SamPlanMeetingDialog *self);
gboolean              sam_plan_meeting_dialog_get_follow_up_set (SamPlanMeetingDialog *self);

/* sam-plan-follow-view.c: "Følg udviklingen" */
#define SAM_TYPE_PLAN_FOLLOW_VIEW (sam_plan_follow_view_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanFollowView, sam_plan_follow_view, SAM, PLAN_FOLLOW_VIEW, AdwBin)

GtkWidget      *sam_plan_follow_view_new        (SamContext        *context);
void            sam_plan_follow_view_set_clinic (SamPlanFollowView *self,
                                                 const SamClinic   *clinic);
void            sam_plan_follow_view_refresh    (SamPlanFollowView *self);
gboolean        sam_plan_follow_view_is_loading (SamPlanFollowView *self);
SamFollowChart *sam_plan_follow_view_get_chart  (SamPlanFollowView *self);

/* sam-plan-paper.c: the plan on paper, and what the parts share */
typedef struct _SamPlanPaper SamPlanPaper;

SamPlanPaper        *sam_plan_paper_new                 (SamStore        *store,
                                                         const SamClinic *clinic,
                                                         GDateTime       *now);
void                 sam_plan_paper_free                (SamPlanPaper    *paper);
const SamPlanReport *sam_plan_paper_get_report          (SamPlanPaper    *paper);
GtkPrintOperation   *sam_plan_paper_print_operation_new (SamPlanPaper    *paper);
char                *sam_plan_clinic_title              (const SamClinic *clinic);
void                 sam_plan_date_of                   (GDateTime       *time,
                                                         GDate           *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPlanPaper, sam_plan_paper_free)

G_END_DECLS
