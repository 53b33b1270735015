/* sam-document-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-document.h"

G_BEGIN_DECLS

/* The document is split by subject: its blocks and files in sam-document.c, its pages
 * (pagination and drawing) in sam-document-pages.c. These are the parts they share. */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
  BLOCK_LINES,
  BLOCK_SPACE,
  BLOCK_BREAK,
  BLOCK_FIGURE,
} BlockKind;

typedef struct
{
  BlockKind            kind;
  SamDocumentStyle     style;
  char                *text;
  double               indent;
  double               amount;     /* lines: how many; space: points */
  guint                group;      /* the kept group, 0 for none */
  SamDocumentDrawFunc  draw;
  gpointer             data;
  GDestroyNotify       destroy;
} Block;

typedef struct
{
  guint    block;
  guint    line;           /* of the block's layout, or of its lines to write on */
  double   space_before;
  double   space_after;
  double   height;
  double   baseline;       /* text: from the piece's top */
  gboolean keep_with_next;
  gboolean heading;
  gboolean placed;         /* a space at the top of a page is not */
  guint    page;
  double   y;              /* the piece's top */
} Piece;

/* A paper's measures and its type, in points. The sizes are the print style: a scale for
 * each medium, clamped below by the chart style's minimum for it. */
typedef struct
{
  double          width;
  double          height;
  double          margin;
  double          footer;        /* the band the page number takes from the text's room */
  SamChartMedium  medium;
  double          chart_scale;   /* the charts' text scale on this paper */
  double          sizes[SAM_DOCUMENT_N_STYLES];
  double          space[SAM_DOCUMENT_N_STYLES];
  double          after_overline;
  double          line_gap;      /* between lines to write on */
  double          after_lines;
  double          rule_space;
} Paper;

struct _SamDocument
{
  const Paper   *paper;
  char          *title;
  gboolean       numbered;
  SamChartStyle  chart;
  SamRgba        rule;
  GArray        *blocks;        /* Block */
  guint          group;         /* the open kept group, 0 for none */
  guint          n_groups;
  /* From the last pagination: */
  GPtrArray     *layouts;       /* PangoLayout or NULL, one per block */
  GArray        *pieces;        /* Piece */
  guint          n_pages;
  double         width;
  double         height;
};

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
void                 sam_document_get_page_size    (SamDocument         *self,
                                                    double              *width,
                                                    double              *height);

G_END_DECLS
