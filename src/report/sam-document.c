/* sam-document.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sam-document-private.h"
#include "sam-report.h"

static const Paper papers[] = {
  [SAM_DOCUMENT_A4] = {
    SAM_DOCUMENT_A4_WIDTH, SAM_DOCUMENT_A4_HEIGHT, 56, 28, SAM_CHART_PAPER, 1,
    /* title, subtitle, overline, section, heading, body, dim, caption */
    { 20, 12.5, 10.5, 14, 11.5, 10.5, 10.5, 8 },
    { 0, 4, 14, 18, 10, 3, 3, 0 },
    2, 22, 14, 4,
  },
  [SAM_DOCUMENT_SLIDE] = {
    /* The charts' text a little larger than on a page: a room reads it from afar. */
    SAM_DOCUMENT_SLIDE_WIDTH, SAM_DOCUMENT_SLIDE_HEIGHT, 48, 28, SAM_CHART_SLIDE, 1.15,
    { 44, 22, 20, 32, 18, 18, 18, 12 },
    { 8, 12, 24, 24, 20, 12, 12, 0 },
    8, 36, 20, 8,
  },
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  if (block->destroy != NULL)
    block->destroy (block->data);
}

static guint
add_block (SamDocument *self,
           Block       *block)
{
  block->group = self->group;
  g_array_append_vals (self->blocks, block, 1);
  return self->blocks->len - 1;
}

/**
 * sam_document_new:
 * @title: the document's title: its PDF's title, and its footer's when pages are numbered
 *
 * Returns: (transfer full): an empty document on @paper
 */
SamDocument *
sam_document_new (SamDocumentPaper  paper,
                  const char       *title)
{
  SamDocument *self;

  g_return_val_if_fail (paper <= SAM_DOCUMENT_SLIDE, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (SamDocument, 1);
  self->paper = &papers[paper];
  self->title = g_strdup (title);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->width = self->paper->width;
  self->height = self->paper->height;
  /* Paper is white whatever the desktop's theme: always the light style. */
  sam_chart_style_init (&self->chart, SAM_CHART_LIGHT, self->paper->chart_scale);
  sam_chart_style_set_medium (&self->chart, self->paper->medium, self->paper->width);
  /* Rules halfway between the dim text and the paper: seen, but quieter than any text. */
  self->rule.red = (self->chart.dim.red + self->chart.background.red) / 2;
  self->rule.green = (self->chart.dim.green + self->chart.background.green) / 2;
  self->rule.blue = (self->chart.dim.blue + self->chart.background.blue) / 2;
  self->rule.alpha = 1;
  return self;
}

void
sam_document_free (SamDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  sam_chart_style_clear (&self->chart);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_free (self);
}

const char *
sam_document_get_title (SamDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/* The paper's size in points, as a PDF of the document has it. */
void
sam_document_get_page_size (SamDocument *self,
                            double      *width,
                            double      *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->paper->width;
  if (height != NULL)
    *height = self->paper->height;
}

double
sam_document_get_margin (SamDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->paper->margin;
}

/**
 * sam_document_get_chart_style:
 *
 * Returns: (transfer none): the style that charts in this document take: light, with the
 *   paper's medium and its smallest text
 */
const SamChartStyle *
sam_document_get_chart_style (SamDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->chart;
}

/**
 * sam_document_get_text_size:
 *
 * Returns: the size of @style's text in points: never below the medium's minimum
 */
double
sam_document_get_text_size (SamDocument      *self,
                            SamDocumentStyle  style)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (style < SAM_DOCUMENT_N_STYLES, 0);

  return MAX (self->paper->sizes[style], self->chart.min_text);
}

/* Whether each page's foot says "title · page N of M". */
void
sam_document_set_page_numbers (SamDocument *self,
                               gboolean     numbered)
{
  g_return_if_fail (self != NULL);
  self->numbered = !!numbered;
}

/**
 * sam_document_add_text:
 *
 * Adds a paragraph, wrapped to the text's width.
 *
 * Returns: the block's number, for sam_document_get_block_pages()
 */
guint
sam_document_add_text (SamDocument      *self,
                       SamDocumentStyle  style,
                       const char       *text)
{
  return sam_document_add_text_indented (self, style, text, 0);
}

/* A paragraph that starts @indent points in from the margin: the facts under a heading. */
guint
sam_document_add_text_indented (SamDocument      *self,
                                SamDocumentStyle  style,
                                const char       *text,
                                double            indent)
{
  Block block = { BLOCK_TEXT, style, NULL, indent };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (style < SAM_DOCUMENT_N_STYLES, 0);

  block.text = g_strdup (text != NULL ? text : "");
  return add_block (self, &block);
}

/* A thin line across the text's width, between parts of a page. */
guint
sam_document_add_rule (SamDocument *self)
{
  Block block = { BLOCK_RULE };

  g_return_val_if_fail (self != NULL, 0);
  return add_block (self, &block);
}

/* Ruled room to write by hand: @n_lines lines that stay together. */
guint
sam_document_add_lines (SamDocument *self,
                        guint        n_lines)
{
  Block block = { BLOCK_LINES };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (n_lines > 0, 0);

  block.amount = n_lines;
  return add_block (self, &block);
}

/* Room of @points: kept at the top of the first page or after a page break (where it
 * places what follows), left out at the top of a page the text ran on to. */
guint
sam_document_add_space (SamDocument *self,
                        double       points)
{
  Block block = { BLOCK_SPACE };

  g_return_val_if_fail (self != NULL, 0);
  block.amount = MAX (points, 0);
  return add_block (self, &block);
}

/**
 * sam_document_add_figure_page:
 * @draw: draws the figure into a box of the page less half its margin all round: a figure
 *   such as a chart brings its own white space
 *
 * Adds a page of its own that @draw fills: a chart on a slide.
 */
guint
sam_document_add_figure_page (SamDocument         *self,
                              SamDocumentDrawFunc  draw,
                              gpointer             data,
                              GDestroyNotify       destroy)
{
  Block block = { BLOCK_FIGURE };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (draw != NULL, 0);

  block.draw = draw;
  block.data = data;
  block.destroy = destroy;
  return add_block (self, &block);
}

/* What follows starts a new page; no page is ever left empty by it. */
void
sam_document_add_page_break (SamDocument *self)
{
  Block block = { BLOCK_BREAK };

  g_return_if_fail (self != NULL);
  add_block (self, &block);
}

/* The blocks added until sam_document_end_keep() move to the next page whole where they
 * do not fit on this one but fit on a page. */
void
sam_document_begin_keep (SamDocument *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->group == 0);

  self->group = ++self->n_groups;
}

void
sam_document_end_keep (SamDocument *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->group != 0);

  self->group = 0;
}

/**
 * sam_document_render_pdf:
 *
 * Returns: (transfer full): the document as a PDF on its paper, or %NULL with @error set
 */
GBytes *
sam_document_render_pdf (SamDocument  *self,
                         GError      **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, NULL);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (sam_report_append_bytes, bytes,
                                                 self->paper->width, self->paper->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samarbejde");
  cr = cairo_create (surface);
  n_pages = sam_document_paginate (self, cr, self->paper->width, self->paper->height);
  for (guint page = 0; page < n_pages; page++)
    {
      sam_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
                   self->title, cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * sam_document_write_pdf:
 *
 * Writes the document as a PDF to @path whole or not at all: a failed write leaves an
 * earlier file of that name as it was, and nothing half done.
 */
gboolean
sam_document_write_pdf (SamDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sam_document_render_pdf (self, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code, _("Could not write “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
