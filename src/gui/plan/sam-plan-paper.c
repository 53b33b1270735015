/* sam-plan-paper.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-plan-parts.h"

/* The plan on paper: what sam-plan-report draws, gathered for one clinic on one day, for a
 * PDF file or for a print operation. */

struct _SamPlanPaper
{
  SamPlanReport    report;
  GPtrArray       *actions;
  SamPlanFollowUp *follow_up;
  GDate            today;
  char            *clinic_name;
};

char *
sam_plan_clinic_title (const SamClinic *clinic)
{
  if (clinic->name != NULL && clinic->name[0] != '\0')
    /* Translators: a clinic as chosen in a list: its code and its name. */
    return g_strdup_printf (_("%s — %s"), clinic->code, clinic->name);
  return g_strdup (clinic->code);
}

void
sam_plan_date_of (GDateTime *time,
                  GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

/**
 * sam_plan_paper_new:
 * @now: the time the plan is printed at
 *
 * Returns: (transfer full): the clinic's whole plan, by due date
 */
SamPlanPaper *
sam_plan_paper_new (SamStore        *store,
                    const SamClinic *clinic,
                    GDateTime       *now)
{
  SamPlanPaper *paper = g_new0 (SamPlanPaper, 1);

  sam_plan_date_of (now, &paper->today);
  paper->actions = sam_plan_list_actions (store, clinic->id, NULL, SAM_PLAN_SORT_DUE, NULL);
  paper->follow_up = sam_plan_get_follow_up (store, clinic->id, NULL);
  paper->clinic_name = sam_plan_clinic_title (clinic);
  paper->report.clinic_name = paper->clinic_name;
  paper->report.cluster_name = clinic->cluster_name;
  paper->report.actions = paper->actions;
  paper->report.follow_up = paper->follow_up;
  paper->report.today = &paper->today;
  return paper;
}

void
sam_plan_paper_free (SamPlanPaper *paper)
{
  g_clear_pointer (&paper->actions, g_ptr_array_unref);
  g_clear_pointer (&paper->follow_up, sam_plan_follow_up_free);
  g_free (paper->clinic_name);
  g_free (paper);
}

const SamPlanReport *
sam_plan_paper_get_report (SamPlanPaper *paper)
{
  return &paper->report;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SamPlanPaper      *paper)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  gtk_print_operation_set_n_pages (operation, sam_plan_report_count_pages (&paper->report, cr,
                                                                           width, height));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SamPlanPaper      *paper)
{
  sam_plan_report_draw_page (&paper->report, gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context), page);
}

/**
 * sam_plan_paper_print_operation_new:
 * @paper: (transfer full): the plan, which the operation keeps
 *
 * Returns: (transfer full): the print operation of the plan: for the print dialog, or for a
 * PDF file
 */
GtkPrintOperation *
sam_plan_paper_print_operation_new (SamPlanPaper *paper)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_job_name (operation, _("Implementation plan"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), paper);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), paper);
  g_object_set_data_full (G_OBJECT (operation), "sam-print", paper,
                          (GDestroyNotify) sam_plan_paper_free);
  return operation;
}
