/* sam-plan-report.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sam-document.h"
#include "sam-plan.h"

G_BEGIN_DECLS

/* The implementation plan on paper, as the clinic takes it home and introduces it to the
 * staff: the clinic, the follow-up, and each action with what, why, who, by when, status
 * and notes. Drawn with cairo and pango only, page by page, so the same code serves a PDF
 * file and GtkPrintOperation. */

typedef struct
{
  const char            *clinic_name;
  const char            *cluster_name;   /* nullable */
  GPtrArray             *actions;        /* SamPlanAction, in the order to print */
  const SamPlanFollowUp *follow_up;      /* nullable */
  const GDate           *today;          /* for "overdue" and the date printed */
} SamPlanReport;

/* A4 in points: the document engine's paper. */
#define SAM_PLAN_REPORT_WIDTH  SAM_DOCUMENT_A4_WIDTH
#define SAM_PLAN_REPORT_HEIGHT SAM_DOCUMENT_A4_HEIGHT

char     *sam_plan_report_describe_aim  (const SamPlanAction *action);
guint     sam_plan_report_count_pages   (const SamPlanReport *report,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height);
void      sam_plan_report_draw_page     (const SamPlanReport *report,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height,
                                         guint                page);
gboolean  sam_plan_report_write_pdf     (const SamPlanReport *report,
                                         const char          *path,
                                         GError             **error);

G_END_DECLS
