/* sam-meeting-report.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sam-document.h"
#include "sam-meeting-store.h"

G_BEGIN_DECLS

/* The summary (referat) of a meeting: the template, date, place and participants, the
 * notes per step, the green and red notes by heading, and the actions. One list of
 * blocks serves the screen, a PDF and paper, so they never disagree; the pages are
 * drawn with cairo and pango only, for a PDF file and GtkPrintOperation alike. */

typedef enum
{
  SAM_MEETING_REPORT_TITLE,
  SAM_MEETING_REPORT_SUBTITLE,
  SAM_MEETING_REPORT_SECTION,
  SAM_MEETING_REPORT_HEADING,
  SAM_MEETING_REPORT_TEXT,
  SAM_MEETING_REPORT_DIM,
} SamMeetingReportStyle;

/* A4 in points: the document engine's paper. */
#define SAM_MEETING_REPORT_WIDTH  SAM_DOCUMENT_A4_WIDTH
#define SAM_MEETING_REPORT_HEIGHT SAM_DOCUMENT_A4_HEIGHT

typedef struct _SamMeetingReport SamMeetingReport;

SamMeetingReport *sam_meeting_report_new          (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);
void              sam_meeting_report_free         (SamMeetingReport       *self);
const char       *sam_meeting_report_get_title    (SamMeetingReport       *self);
const char       *sam_meeting_report_get_date     (SamMeetingReport       *self);
gboolean          sam_meeting_report_is_finished  (SamMeetingReport       *self);
guint             sam_meeting_report_get_n_blocks (SamMeetingReport       *self);
const char       *sam_meeting_report_get_block    (SamMeetingReport       *self,
                                                   guint                   index,
                                                   SamMeetingReportStyle  *style);
guint             sam_meeting_report_paginate     (SamMeetingReport       *self,
                                                   cairo_t                *cr,
                                                   double                  width,
                                                   double                  height);
void              sam_meeting_report_draw_page    (SamMeetingReport       *self,
                                                   cairo_t                *cr,
                                                   guint                   page);
gboolean          sam_meeting_report_write_pdf    (SamMeetingReport       *self,
                                                   const char             *path,
                                                   GError                **error);

char             *sam_meeting_report_describe_place (SamStore             *store,
                                                   const SamMeeting       *meeting);
char             *sam_meeting_report_describe_link (const SamMeetingAction *action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingReport, sam_meeting_report_free)

G_END_DECLS
