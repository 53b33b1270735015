/* sam-document-pages.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-document-private.h"

/* How the pages are laid out: the document is flattened into pieces (a line of text, a
 * rule, a line to write on, a space, a figure), and pages break only between pieces. A
 * piece that "keeps with next" may not end a page; chains of them move as one. So:
 *
 * - a heading's lines keep with what follows, and a paragraph's first line keeps with its
 *   second, so a heading never ends a page and always has two lines of its text below it;
 * - a paragraph's last two lines keep together, so no line stands alone atop a page;
 * - every piece of a kept group but its last keeps with the next, so the group moves whole
 *   to the next page where it fits on one;
 * - a chain longer than a page is laid out piece by piece, still moving a heading left at
 *   a page's foot over to the next page.
 *
 * The space between two pieces is the larger of the first's space after and the second's
 * space before (as margins collapse in CSS), and none at the top of a page. */

/* Blocks other than text have no layout. */
static void
clear_layout (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static gboolean
style_is_heading (SamDocumentStyle style)
{
  return style == SAM_DOCUMENT_TITLE || style == SAM_DOCUMENT_OVERLINE ||
         style == SAM_DOCUMENT_SECTION || style == SAM_DOCUMENT_HEADING;
}

static gboolean
style_is_bold (SamDocumentStyle style)
{
  return style == SAM_DOCUMENT_TITLE || style == SAM_DOCUMENT_SECTION ||
         style == SAM_DOCUMENT_HEADING;
}

static const SamRgba *
style_colour (SamDocument      *self,
              SamDocumentStyle  style)
{
  switch (style)
    {
    case SAM_DOCUMENT_OVERLINE:
    case SAM_DOCUMENT_DIM:
    case SAM_DOCUMENT_CAPTION:
      return &self->chart.dim;
    default:
      return &self->chart.foreground;
    }
}

/* Pagination */

static PangoLayout *
make_layout (SamDocument      *self,
             cairo_t          *cr,
             SamDocumentStyle  style,
             const char       *text,
             double            width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (self->chart.font_family);

  pango_font_description_set_absolute_size (font,
                                            sam_document_get_text_size (self, style) * PANGO_SCALE);
  if (style_is_bold (style))
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static void
add_piece (SamDocument *self,
           Piece       *piece)
{
  g_array_append_vals (self->pieces, piece, 1);
}

/* Every block as its pieces, with their heights and which of them keep with the next. */
static void
flatten (SamDocument *self,
         cairo_t     *cr,
         double       text_width)
{
  const Paper *paper = self->paper;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);
      Block *previous = b > 0 ? &g_array_index (self->blocks, Block, b - 1) : NULL;
      PangoLayout *layout = NULL;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          {
            PangoLayoutIter *iter;
            guint n_lines, line = 0;
            gboolean heading = style_is_heading (block->style);
            double before = paper->space[block->style];

            /* An overline belongs to the heading under it. */
            if (previous != NULL && previous->kind == BLOCK_TEXT &&
                previous->style == SAM_DOCUMENT_OVERLINE)
              before = paper->after_overline;
            layout = make_layout (self, cr, block->style, block->text, text_width - block->indent);
            n_lines = pango_layout_get_line_count (layout);
            iter = pango_layout_get_iter (layout);
            do
              {
                PangoRectangle logical;
                Piece piece = { b, line };

                pango_layout_iter_get_line_extents (iter, NULL, &logical);
                piece.space_before = line == 0 ? before : 0;
                piece.height = (double) logical.height / PANGO_SCALE;
                piece.baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) /
                                 PANGO_SCALE;
                piece.heading = heading;
                /* No first line alone at a page's foot, no last line alone atop one. */
                piece.keep_with_next = heading ||
                                       (line + 1 < n_lines && (line == 0 || line + 2 == n_lines));
                add_piece (self, &piece);
                line++;
              }
            while (pango_layout_iter_next_line (iter));
            pango_layout_iter_free (iter);
          }
          break;
        case BLOCK_RULE:
          {
            Piece piece = { b, 0, paper->rule_space, paper->rule_space, 1 };

            add_piece (self, &piece);
          }
          break;
        case BLOCK_LINES:
          for (guint i = 0; i < (guint) block->amount; i++)
            {
              Piece piece = { b, i, 0, 0, paper->line_gap };

              piece.keep_with_next = i + 1 < (guint) block->amount;
              if (!piece.keep_with_next)
                piece.space_after = paper->after_lines;
              add_piece (self, &piece);
            }
          break;
        case BLOCK_SPACE:
          {
            Piece piece = { b, 0, 0, 0, block->amount };

            /* Within a chain, a space keeps it going. */
            if (self->pieces->len > 0)
              piece.keep_with_next =
                g_array_index (self->pieces, Piece, self->pieces->len - 1).keep_with_next;
            add_piece (self, &piece);
          }
          break;
        case BLOCK_BREAK:
        case BLOCK_FIGURE:
        default:
          {
            Piece piece = { b };

            add_piece (self, &piece);
          }
          break;
        }
      g_ptr_array_add (self->layouts, layout);
    }

  /* A kept group is one chain, up to its last piece. */
  for (guint i = 0; i + 1 < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);
      Piece *following = &g_array_index (self->pieces, Piece, i + 1);
      guint group = g_array_index (self->blocks, Block, piece->block).group;
      guint next = g_array_index (self->blocks, Block, following->block).group;

      if (group != 0 && group == next)
        piece->keep_with_next = TRUE;
    }
}

typedef struct
{
  SamDocument *self;
  double       top;
  double       bottom;
  guint        page;
  double       y;
  gboolean     content;     /* something stands on the page */
  gboolean     fresh;       /* the page began at the start or at a break: spaces count */
  double       after;       /* the space after the last piece placed */
} Cursor;

static Piece *
piece_at (Cursor *cursor,
          guint   i)
{
  return &g_array_index (cursor->self->pieces, Piece, i);
}

static BlockKind
piece_kind (Cursor *cursor,
            guint   i)
{
  return g_array_index (cursor->self->blocks, Block, piece_at (cursor, i)->block).kind;
}

static void
next_page (Cursor *cursor)
{
  cursor->page++;
  cursor->y = cursor->top;
  cursor->content = FALSE;
  cursor->fresh = FALSE;
  cursor->after = 0;
}

static double
gap_before (Cursor *cursor,
            Piece  *piece)
{
  return cursor->content ? MAX (cursor->after, piece->space_before) : 0;
}

static void
place (Cursor *cursor,
       guint   i)
{
  Piece *piece = piece_at (cursor, i);

  if (piece_kind (cursor, i) == BLOCK_SPACE)
    {
      /* A space opens a page only where the page was begun on purpose. */
      if ((!cursor->content && !cursor->fresh) || cursor->y + piece->height > cursor->bottom)
        return;
      piece->placed = TRUE;
      piece->page = cursor->page;
      piece->y = cursor->y;
      cursor->y += piece->height;
      cursor->after = 0;
      return;
    }
  cursor->y += gap_before (cursor, piece);
  piece->placed = TRUE;
  piece->page = cursor->page;
  piece->y = cursor->y;
  cursor->y += piece->height;
  cursor->after = piece->space_after;
  cursor->content = TRUE;
}

/* The height from the first piece of the chain to the end of its last. */
static double
chain_height (Cursor *cursor,
              guint   first,
              guint   last)
{
  double height = 0, after = 0;

  for (guint i = first; i <= last; i++)
    {
      Piece *piece = piece_at (cursor, i);

      if (piece_kind (cursor, i) == BLOCK_SPACE)
        {
          height += piece->height;
          after = 0;
          continue;
        }
      if (i > first)
        height += MAX (after, piece->space_before);
      height += piece->height;
      after = piece->space_after;
    }
  return height;
}

/* A chain longer than a page, piece by piece: where a piece does not fit, the page ends,
 * taking along the headings at its foot (there is something above them to keep). */
static void
place_one_by_one (Cursor *cursor,
                  guint   first,
                  guint   last)
{
  for (guint i = first; i <= last; i++)
    {
      Piece *piece = piece_at (cursor, i);
      guint moved = i, on_page = 0;

      if (piece_kind (cursor, i) == BLOCK_SPACE ||
          cursor->y + gap_before (cursor, piece) + piece->height <= cursor->bottom ||
          !cursor->content)
        {
          place (cursor, i);
          continue;
        }
      while (moved > 0 && piece_at (cursor, moved - 1)->placed &&
             piece_at (cursor, moved - 1)->page == cursor->page &&
             piece_at (cursor, moved - 1)->heading)
        moved--;
      for (guint j = 0; j < moved; j++)
        if (piece_at (cursor, j)->placed && piece_at (cursor, j)->page == cursor->page)
          on_page++;
      if (on_page == 0)
        moved = i;
      next_page (cursor);
      for (guint j = moved; j <= i; j++)
        place (cursor, j);
    }
}

/**
 * sam_document_paginate:
 * @cr: a context like the one the pages will be drawn on (for the fonts' metrics)
 * @width: the page's width in @cr's units (points): the paper's, or a print context's
 *
 * Lays the document out on pages of @width by @height, within the paper's margins.
 *
 * Returns: the number of pages, at least one
 */
guint
sam_document_paginate (SamDocument *self,
                       cairo_t     *cr,
                       double       width,
                       double       height)
{
  const Paper *paper;
  Cursor cursor = { 0 };
  guint last_page = 0;
  guint i = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  paper = self->paper;
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  self->layouts = g_ptr_array_new_full (self->blocks->len, clear_layout);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->width = width;
  self->height = height;
  flatten (self, cr, width - 2 * paper->margin);

  cursor.self = self;
  cursor.top = paper->margin;
  cursor.bottom = MAX (height - paper->margin - (self->numbered ? paper->footer : 0),
                       cursor.top + 1);
  cursor.y = cursor.top;
  cursor.fresh = TRUE;

  while (i < self->pieces->len)
    {
      BlockKind kind = piece_kind (&cursor, i);
      guint last = i;
      double chain;

      if (kind == BLOCK_BREAK)
        {
          if (cursor.content || cursor.y > cursor.top)
            next_page (&cursor);
          cursor.fresh = TRUE;
          i++;
          continue;
        }
      if (kind == BLOCK_FIGURE)
        {
          Piece *piece = piece_at (&cursor, i);

          if (cursor.content || cursor.y > cursor.top)
            next_page (&cursor);
          piece->placed = TRUE;
          piece->page = cursor.page;
          piece->y = cursor.top;
          piece->height = cursor.bottom - cursor.top;
          /* The page is full: whatever follows begins the next. */
          cursor.y = cursor.bottom + 1;
          cursor.content = TRUE;
          i++;
          continue;
        }

      while (last + 1 < self->pieces->len && piece_at (&cursor, last)->keep_with_next &&
             piece_kind (&cursor, last + 1) != BLOCK_BREAK &&
             piece_kind (&cursor, last + 1) != BLOCK_FIGURE)
        last++;
      chain = chain_height (&cursor, i, last);
      if (cursor.y + gap_before (&cursor, piece_at (&cursor, i)) + chain > cursor.bottom)
        {
          if (cursor.content && chain <= cursor.bottom - cursor.top)
            next_page (&cursor);
          else
            {
              place_one_by_one (&cursor, i, last);
              i = last + 1;
              continue;
            }
        }
      for (guint j = i; j <= last; j++)
        place (&cursor, j);
      i = last + 1;
    }

  for (guint p = 0; p < self->pieces->len; p++)
    if (piece_at (&cursor, p)->placed)
      last_page = MAX (last_page, piece_at (&cursor, p)->page);
  self->n_pages = last_page + 1;
  return self->n_pages;
}

/* The pages of the last pagination. */
guint
sam_document_get_n_pages (SamDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

/**
 * sam_document_get_block_pages:
 * @first: (out) (optional): the page the block begins on, from 0
 * @last: (out) (optional): the page it ends on
 *
 * Returns: whether the last pagination put the block on a page (a space at the top of a
 *   page is left out, and a break takes no room)
 */
gboolean
sam_document_get_block_pages (SamDocument *self,
                              guint        block,
                              guint       *first,
                              guint       *last)
{
  gboolean found = FALSE;
  guint from = 0, to = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->pieces != NULL, FALSE);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->block != block || !piece->placed)
        continue;
      from = found ? MIN (from, piece->page) : piece->page;
      to = found ? MAX (to, piece->page) : piece->page;
      found = TRUE;
    }
  if (first != NULL)
    *first = from;
  if (last != NULL)
    *last = to;
  return found;
}

static void
set_colour (cairo_t       *cr,
            const SamRgba *colour)
{
  cairo_set_source_rgb (cr, colour->red, colour->green, colour->blue);
}

static void
draw_footer (SamDocument *self,
             cairo_t     *cr,
             guint        page)
{
  double margin = self->paper->margin;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  int width, height;

  /* TRANSLATORS: a page's footer: the document's title, the page and the pages */
  text = g_strdup_printf (_("%s · page %u of %u"), self->title, page + 1, self->n_pages);
  layout = make_layout (self, cr, SAM_DOCUMENT_CAPTION, text, self->width - 2 * margin);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_get_pixel_size (layout, &width, &height);
  set_colour (cr, style_colour (self, SAM_DOCUMENT_CAPTION));
  /* In the foot's band, just below the text's room. */
  cairo_move_to (cr, margin, self->height - margin - height + 8);
  pango_cairo_show_layout (cr, layout);
}

/**
 * sam_document_draw_page:
 * @page: from 0, below the count sam_document_paginate() gave
 *
 * Draws a page as the last pagination laid it out.
 */
void
sam_document_draw_page (SamDocument *self,
                        cairo_t     *cr,
                        guint        page)
{
  double margin;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pieces != NULL);

  margin = self->paper->margin;
  cairo_save (cr);
  set_colour (cr, &self->chart.background);
  cairo_paint (cr);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block = &g_array_index (self->blocks, Block, piece->block);
      double x = margin + block->indent, right = self->width - margin;

      if (!piece->placed || piece->page != page)
        continue;
      switch (block->kind)
        {
        case BLOCK_TEXT:
          {
            PangoLayout *layout = g_ptr_array_index (self->layouts, piece->block);

            set_colour (cr, style_colour (self, block->style));
            cairo_move_to (cr, x, piece->y + piece->baseline);
            pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout, piece->line));
          }
          break;
        case BLOCK_RULE:
        case BLOCK_LINES:
          {
            /* A rule sits in its piece's middle; a line to write on at its foot. */
            double y = piece->y + (block->kind == BLOCK_RULE ? piece->height / 2 : piece->height);

            set_colour (cr, &self->rule);
            cairo_set_line_width (cr, 0.5);
            cairo_move_to (cr, x, y);
            cairo_line_to (cr, right, y);
            cairo_stroke (cr);
          }
          break;
        case BLOCK_FIGURE:
          cairo_save (cr);
          cairo_translate (cr, margin / 2, margin / 2);
          cairo_rectangle (cr, 0, 0, self->width - margin, self->height - margin);
          cairo_clip (cr);
          block->draw (self, cr, self->width - margin, self->height - margin, block->data);
          cairo_restore (cr);
          break;
        case BLOCK_SPACE:
        case BLOCK_BREAK:
        default:
          break;
        }
    }
  if (self->numbered)
    draw_footer (self, cr, page);
  cairo_restore (cr);
}
