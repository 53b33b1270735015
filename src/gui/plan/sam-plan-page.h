/* sam-plan-page.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-follow-chart.h"

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_PAGE (sam_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (SamPlanPage, sam_plan_page, SAM, PLAN_PAGE, AdwBin)

SamPlanPage *sam_plan_page_new (SamContext *context);
gboolean    sam_plan_page_write_pdf          (SamPlanPage *self,
                                              const char  *path,
                                              GError     **error);
gboolean    sam_plan_page_print_to_file      (SamPlanPage *self,
                                              const char  *path,
                                              GError     **error);
gboolean    sam_plan_page_write_ics          (SamPlanPage *self,
                                              const char  *path,
                                              GError     **error);

G_END_DECLS
