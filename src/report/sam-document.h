/* sam-document.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sam-chart-style.h"

G_BEGIN_DECLS

/* The one document engine behind every PDF and print-out: the meeting deck, the meeting
 * summary, the implementation plan and the sheet for meeting notes. A document is a flow of
 * blocks (text in a few named styles, rules, ruled lines to write on, whole-page figures,
 * page breaks); the engine wraps text with pango, breaks pages (a heading never ends a page,
 * a kept group moves whole to the next page where it fits on one, a paragraph leaves no
 * single line behind or ahead), numbers the pages and draws them with cairo alone, so the
 * same code serves a PDF file and a GtkPrintContext's cairo.
 *
 * Type and colour come from one print style derived from the chart style: the light theme
 * whatever the desktop's (paper is white), the chart's font, and never smaller text than
 * the chart style's minimum for the medium (8 pt on A4, 12 pt on a 960 x 540 pt slide). */

typedef enum
{
  SAM_DOCUMENT_A4,           /* 595 x 842 pt, printed or read as a PDF */
  SAM_DOCUMENT_SLIDE,        /* 960 x 540 pt, 16:9, as a projector shows it */
} SamDocumentPaper;

typedef enum
{
  SAM_DOCUMENT_TITLE,        /* the document's or the title slide's name */
  SAM_DOCUMENT_SUBTITLE,     /* what, when and where, under the title */
  SAM_DOCUMENT_OVERLINE,     /* a small dim line that belongs to the heading under it */
  SAM_DOCUMENT_SECTION,      /* a heading of the first level */
  SAM_DOCUMENT_HEADING,      /* a heading of the second level */
  SAM_DOCUMENT_BODY,
  SAM_DOCUMENT_DIM,          /* body text that says what is not there, or explains */
  SAM_DOCUMENT_CAPTION,      /* the smallest text: the footer; the medium's minimum */
  SAM_DOCUMENT_N_STYLES
} SamDocumentStyle;

#define SAM_DOCUMENT_A4_WIDTH     595.0
#define SAM_DOCUMENT_A4_HEIGHT    842.0
#define SAM_DOCUMENT_SLIDE_WIDTH  960.0
#define SAM_DOCUMENT_SLIDE_HEIGHT 540.0

typedef struct _SamDocument SamDocument;

/* Draws a figure into the box (0, 0, @width, @height) of the current cairo space. */
typedef void (*SamDocumentDrawFunc) (SamDocument *document,
                                     cairo_t     *cr,
                                     double       width,
                                     double       height,
                                     gpointer     data);

SamDocument         *sam_document_new              (SamDocumentPaper     paper,
                                                    const char          *title);
void                 sam_document_free             (SamDocument         *self);

const char          *sam_document_get_title        (SamDocument         *self);
double               sam_document_get_margin       (SamDocument         *self);
const SamChartStyle *sam_document_get_chart_style  (SamDocument         *self);
double               sam_document_get_text_size    (SamDocument         *self,
                                                    SamDocumentStyle     style);
void                 sam_document_set_page_numbers (SamDocument         *self,
                                                    gboolean             numbered);

guint                sam_document_add_text         (SamDocument         *self,
                                                    SamDocumentStyle     style,
                                                    const char          *text);
guint                sam_document_add_text_indented (SamDocument        *self,
                                                    SamDocumentStyle     style,
                                                    const char          *text,
                                                    double               indent);
guint                sam_document_add_rule         (SamDocument         *self);
guint                sam_document_add_lines        (SamDocument         *self,
                                                    guint                n_lines);
guint                sam_document_add_space        (SamDocument         *self,
                                                    double               points);
guint                sam_document_add_figure_page  (SamDocument         *self,
                                                    SamDocumentDrawFunc  draw,
                                                    gpointer             data,
                                                    GDestroyNotify       destroy);
void                 sam_document_add_page_break   (SamDocument         *self);
void                 sam_document_begin_keep       (SamDocument         *self);
void                 sam_document_end_keep         (SamDocument         *self);

guint                sam_document_paginate         (SamDocument         *self,
                                                    cairo_t             *cr,
                                                    double               width,
                                                    double               height);
guint                sam_document_get_n_pages      (SamDocument         *self);
gboolean             sam_document_get_block_pages  (SamDocument         *self,
                                                    guint                block,
                                                    guint               *first,
                                                    guint               *last);
void                 sam_document_draw_page        (SamDocument         *self,
                                                    cairo_t             *cr,
                                                    guint                page);
GBytes              *sam_document_render_pdf       (SamDocument         *self,
                                                    GError             **error);
gboolean             sam_document_write_pdf        (SamDocument         *self,
                                                    const char          *path,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDocument, sam_document_free)

G_END_DECLS
