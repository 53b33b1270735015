/* sam-chart-labels.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sam-chart-private.h"

/* Text measured and placed: every word of a chart is measured here as it will be drawn and
 * written through SamLabels, which keeps it clear of other words and of the marks. */

static gboolean
rect_contains (const SamRect *outer,
               const SamRect *inner,
               double         slack)
{
  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

/* Text is measured with pango as it will be drawn. Glyph advances are taken unhinted on
 * every surface, so that what the layout stage measures without a surface is what the
 * paint stage draws on one, to the fraction of a pixel. */

static void
unhint_metrics (PangoContext               *context,
                const cairo_font_options_t *base)
{
  cairo_font_options_t *options = base != NULL ? cairo_font_options_copy (base)
                                               : cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* One measuring context a thread, kept: making one is what costs in pango. */
static GPrivate measure_context = G_PRIVATE_INIT (g_object_unref);

static PangoContext *
get_measure_context (void)
{
  PangoContext *context = g_private_get (&measure_context);

  if (context == NULL)
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      unhint_metrics (context, NULL);
      g_private_set (&measure_context, context);
    }
  return context;
}

static PangoLayout *
new_layout (PangoContext        *context,
            const SamChartStyle *style,
            const char          *text,
            double               size,
            gboolean             bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, MAX (size, 1) * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Widths already measured, a table a thread: a chart measures the same words for its
 * layout, its marks and every redraw. Emptied when it grows large. */
static GPrivate measured = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

#define MEASURED_MAX 4096

/* The width of @text on one line, as drawn. */
double
_sam_chart_text_width (const SamChartStyle *style,
                       const char          *text,
                       double               size,
                       gboolean             bold)
{
  GHashTable *widths = g_private_get (&measured);
  PangoLayout *layout;
  PangoRectangle logical;
  char *key;
  double *width;

  if (text == NULL || *text == '\0')
    return 0;
  if (widths == NULL)
    {
      widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&measured, widths);
    }
  key = g_strdup_printf ("%s\x1f%.4f\x1f%d\x1f%s", style->font_family, size, bold ? 1 : 0, text);
  width = g_hash_table_lookup (widths, key);
  if (width != NULL)
    {
      g_free (key);
      return *width;
    }

  layout = new_layout (get_measure_context (), style, text, size, bold);
  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (layout);
  if (g_hash_table_size (widths) >= MEASURED_MAX)
    g_hash_table_remove_all (widths);
  width = g_new (double, 1);
  *width = (double) logical.width / PANGO_SCALE;
  g_hash_table_insert (widths, key, width);
  return *width;
}

G_LOCK_DEFINE_STATIC (line_height);

/* The height of one line of text at @size, as drawn: the font's ascent and descent. */
double
_sam_chart_line_height (const SamChartStyle *style,
                        double               size)
{
  static char *family = NULL;
  static double per_unit = 0;
  double result;

  /* Unhinted, it grows with the size: measured once, at a size large enough to be exact. */
  G_LOCK (line_height);
  if (per_unit == 0 || g_strcmp0 (family, style->font_family) != 0)
    {
      PangoLayout *layout = new_layout (get_measure_context (), style, "0", 100, FALSE);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      g_object_unref (layout);
      g_free (family);
      family = g_strdup (style->font_family);
      per_unit = (double) logical.height / PANGO_SCALE / 100;
    }
  result = size * per_unit;
  G_UNLOCK (line_height);
  return result;
}

/* Labels */

struct _SamLabels
{
  cairo_t             *cr;
  const SamChartStyle *style;
  PangoContext        *context;
  double               width;
  double               height;
  GArray              *marks;          /* SamRect */
  GArray              *placed;         /* SamRect, each label's box */
  SamChartRecord      *record;         /* where a test asked for it */
  guint                first_mark;     /* this draw's first mark in the record */
  GArray              *pending;        /* Pending: a group's labels, not yet drawn */
  gboolean             in_group;
  gboolean             group_failed;
  /* Where the marks and placed boxes are, by cell of a GRID × GRID grid over the chart
   * (each cell an array of indices, made when first used), so a label is checked against
   * its neighbours only: a chart of 1,300 clinics places its labels in linear time. */
  GArray             **mark_cells;
  GArray             **placed_cells;
};

#define GRID 32

static void
cell_range (SamLabels     *labels,
            const SamRect *rect,
            int           *x0,
            int           *y0,
            int           *x1,
            int           *y1)
{
  double cw = labels->width > 0 ? labels->width / GRID : 1;
  double ch = labels->height > 0 ? labels->height / GRID : 1;

  *x0 = CLAMP ((int) floor (rect->x / cw), 0, GRID - 1);
  *y0 = CLAMP ((int) floor (rect->y / ch), 0, GRID - 1);
  *x1 = CLAMP ((int) floor ((rect->x + rect->width) / cw), 0, GRID - 1);
  *y1 = CLAMP ((int) floor ((rect->y + rect->height) / ch), 0, GRID - 1);
}

static void
grid_add (SamLabels     *labels,
          GArray       **cells,
          const SamRect *rect,
          guint          index)
{
  int x0, y0, x1, y1;

  cell_range (labels, rect, &x0, &y0, &x1, &y1);
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        GArray **cell = &cells[y * GRID + x];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

/* Whether @rect meets a box of @boxes (other than @except) listed in @cells. An index at
 * or past the end is a box taken back (a group that did not fit) and is skipped; one
 * reused since is still a real box, so a check against it is never wrong. */
static gboolean
grid_meets (SamLabels     *labels,
            GArray       **cells,
            GArray        *boxes,
            const SamRect *rect,
            int            except)
{
  int x0, y0, x1, y1;

  cell_range (labels, rect, &x0, &y0, &x1, &y1);
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        GArray *cell = cells[y * GRID + x];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint index = g_array_index (cell, guint, i);

            if ((int) index != except && index < boxes->len &&
                _sam_rect_intersects (rect, &g_array_index (boxes, SamRect, index)))
              return TRUE;
          }
      }
  return FALSE;
}

static void
grid_free (GArray **cells)
{
  for (guint c = 0; c < GRID * GRID; c++)
    if (cells[c] != NULL)
      g_array_unref (cells[c]);
  g_free (cells);
}

static void
add_placed (SamLabels     *labels,
            const SamRect *box)
{
  g_array_append_val (labels->placed, *box);
  grid_add (labels, labels->placed_cells, box, labels->placed->len - 1);
}

/* A label placed but not yet drawn: a member of a group, drawn with all the others or
 * not at all. */
typedef struct
{
  PangoLayout   *layout;
  double         x, y;
  SamLabelFlags  flags;
  SamRgba        colour;
  SamRect        box;
  SamRect        ink;
  SamRect        glyphs;
  double         size;
  int            host;
} Pending;

static GPrivate recorder;

/**
 * _sam_labels_new:
 *
 * Returns: (transfer full): the labels of one chart drawn on @cr in (0, 0, @width,
 *   @height), in @style (which must outlive them)
 */
SamLabels *
_sam_labels_new (cairo_t             *cr,
                 const SamChartStyle *style,
                 double               width,
                 double               height)
{
  SamLabels *labels = g_new0 (SamLabels, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  labels->cr = cr;
  labels->style = style;
  labels->width = width;
  labels->height = height;
  labels->context = pango_cairo_create_context (cr);
  cairo_get_font_options (cr, options);
  unhint_metrics (labels->context, options);
  cairo_font_options_destroy (options);
  labels->marks = g_array_new (FALSE, FALSE, sizeof (SamRect));
  labels->placed = g_array_new (FALSE, FALSE, sizeof (SamRect));
  labels->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  labels->mark_cells = g_new0 (GArray *, GRID * GRID);
  labels->placed_cells = g_new0 (GArray *, GRID * GRID);
  labels->record = g_private_get (&recorder);
  if (labels->record != NULL)
    {
      labels->first_mark = labels->record->marks->len;
      labels->record->min_text = style->min_text;
      labels->record->width = width;
      labels->record->height = height;
    }
  return labels;
}

void
_sam_labels_free (SamLabels *labels)
{
  if (labels == NULL)
    return;
  g_assert (!labels->in_group);
  g_object_unref (labels->context);
  g_array_unref (labels->marks);
  g_array_unref (labels->placed);
  g_array_unref (labels->pending);
  grid_free (labels->mark_cells);
  grid_free (labels->placed_cells);
  g_free (labels);
}

/* The surface and the style @labels writes with, for what is painted beside the words. */
cairo_t *
_sam_labels_get_cr (SamLabels *labels)
{
  return labels->cr;
}

const SamChartStyle *
_sam_labels_get_style (SamLabels *labels)
{
  return labels->style;
}

/**
 * _sam_labels_add_mark:
 *
 * A mark no label may cover, but one written on it.
 *
 * Returns: its index, for a label's host
 */
int
_sam_labels_add_mark (SamLabels     *labels,
                      const SamRect *rect)
{
  g_array_append_val (labels->marks, *rect);
  grid_add (labels, labels->mark_cells, rect, labels->marks->len - 1);
  if (labels->record != NULL)
    g_array_append_val (labels->record->marks, *rect);
  return (int) labels->marks->len - 1;
}

static SamRect
rect_from_pango (const PangoRectangle *r,
                 double                x,
                 double                y)
{
  return (SamRect) { x + (double) r->x / PANGO_SCALE, y + (double) r->y / PANGO_SCALE,
                     (double) r->width / PANGO_SCALE, (double) r->height / PANGO_SCALE };
}

/* The ink and a little room around it: what must stay off the marks. A line's box keeps
 * lines of text apart, but its ascent and descent are mostly empty, and a number beside a
 * bar may reach into them without touching the next bar. */
static SamRect
pad_ink (const SamRect *ink,
         double         size)
{
  double pad = size * 0.1;

  return (SamRect) { ink->x - pad, ink->y - pad, ink->width + 2 * pad, ink->height + 2 * pad };
}

/* Where @layout goes at @spot: its origin (for an upright label, the foot of its first
 * line), its box and its ink. FALSE where it does not fit the spot. */
static gboolean
fit_spot (SamLabels     *labels,
          PangoLayout   *layout,
          double         size,
          SamLabelFlags  flags,
          const SamSpot *spot,
          double        *origin_x,
          double        *origin_y,
          SamRect       *box,
          SamRect       *ink,
          SamRect       *glyphs)
{
  const SamRect *at = &spot->box;
  PangoRectangle ink_p, logical_p;
  double tw, th, x, y;

  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  if ((flags & SAM_LABEL_UPRIGHT) && (flags & SAM_LABEL_ELLIPSIZE) && at->height > 0)
    {
      /* Upright, shortened to the box's height. */
      pango_layout_set_width (layout, (int) (at->height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else if ((flags & (SAM_LABEL_WRAP | SAM_LABEL_ELLIPSIZE)) && at->width > 0 &&
           !(flags & SAM_LABEL_UPRIGHT))
    {
      double line = _sam_chart_line_height (labels->style, size);
      int lines = (flags & SAM_LABEL_WRAP) ? (int) floor ((at->height + 0.5) / line) : 1;

      if (lines < 1)
        return FALSE;
      pango_layout_set_width (layout, (int) (at->width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -lines);
      pango_layout_set_alignment (layout, spot->align == SAM_ALIGN_END      ? PANGO_ALIGN_RIGHT
                                          : spot->align == SAM_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                                                            : PANGO_ALIGN_LEFT);
    }
  pango_layout_get_extents (layout, &ink_p, &logical_p);
  tw = (double) logical_p.width / PANGO_SCALE;
  th = (double) logical_p.height / PANGO_SCALE;

  if (flags & SAM_LABEL_UPRIGHT)
    {
      double left, foot;

      /* Along the box's height, across its width. */
      if (at->height > 0 && tw > at->height + 0.5)
        return FALSE;
      left = (at->width > 0 ? at->x + at->width / 2 : at->x) - th / 2;
      foot = at->height <= 0                 ? at->y + tw / 2
           : spot->align == SAM_ALIGN_START ? at->y + at->height
           : spot->align == SAM_ALIGN_END   ? at->y + tw
                                            : at->y + (at->height + tw) / 2;
      *origin_x = left;
      *origin_y = foot;
      /* Turned a quarter to the left: the text's (u, v) is the page's (left + v, foot - u). */
      *box = (SamRect) { left + (double) logical_p.y / PANGO_SCALE,
                         foot - (double) (logical_p.x + logical_p.width) / PANGO_SCALE, th, tw };
      *ink = (SamRect) { left + (double) ink_p.y / PANGO_SCALE,
                         foot - (double) (ink_p.x + ink_p.width) / PANGO_SCALE,
                         (double) ink_p.height / PANGO_SCALE, (double) ink_p.width / PANGO_SCALE };
      *glyphs = pad_ink (ink, size);
      return TRUE;
    }

  if (pango_layout_get_width (layout) >= 0)
    /* Laid out at the spot's width, aligned there by pango. */
    x = at->x;
  else
    {
      if (at->width > 0 && tw > at->width + 0.5)
        return FALSE;
      if (at->width > 0)
        x = spot->align == SAM_ALIGN_END      ? at->x + at->width - tw
          : spot->align == SAM_ALIGN_CENTRE ? at->x + (at->width - tw) / 2
                                            : at->x;
      else
        x = spot->align == SAM_ALIGN_END      ? at->x - tw
          : spot->align == SAM_ALIGN_CENTRE ? at->x - tw / 2
                                            : at->x;
      x -= (double) logical_p.x / PANGO_SCALE;
    }
  y = at->y + (at->height - th) / 2 - (double) logical_p.y / PANGO_SCALE;
  *origin_x = x;
  *origin_y = y;
  *box = rect_from_pango (&logical_p, x, y);
  *ink = rect_from_pango (&ink_p, x, y);
  *glyphs = pad_ink (ink, size);
  return TRUE;
}

/* The least room between two labels, so that two numbers side by side never read as one
 * ("n 12n 11"): more than a word space across, a twentieth of the size up and down. */
#define LABEL_GAP_ACROSS 0.4
#define LABEL_GAP_ALONG  0.05

static gboolean
is_free (SamLabels     *labels,
         const SamRect *box,
         const SamRect *ink,
         const SamRect *glyphs,
         int            host,
         double         size)
{
  const double slack = 0.5;
  SamRect page = { 0, 0, labels->width, labels->height };
  SamRect spaced = { box->x - size * LABEL_GAP_ACROSS, box->y - size * LABEL_GAP_ALONG,
                     box->width + 2 * size * LABEL_GAP_ACROSS,
                     box->height + 2 * size * LABEL_GAP_ALONG };

  if (!rect_contains (&page, box, slack))
    return FALSE;
  if (host >= 0 && !rect_contains (&g_array_index (labels->marks, SamRect, host), ink, slack))
    return FALSE;
  return !grid_meets (labels, labels->mark_cells, labels->marks, glyphs, host) &&
         !grid_meets (labels, labels->placed_cells, labels->placed, &spaced, -1);
}

static void
draw_label (SamLabels     *labels,
            PangoLayout   *layout,
            double         x,
            double         y,
            SamLabelFlags  flags,
            const SamRgba *colour,
            const SamRect *box)
{
  if (flags & SAM_LABEL_PLATE)
    {
      _sam_chart_set_colour (labels->cr, &labels->style->background);
      cairo_rectangle (labels->cr, box->x, box->y, box->width, box->height);
      cairo_fill (labels->cr);
    }
  _sam_chart_set_colour (labels->cr, colour);
  cairo_save (labels->cr);
  cairo_translate (labels->cr, x, y);
  if (flags & SAM_LABEL_UPRIGHT)
    cairo_rotate (labels->cr, -G_PI / 2);
  cairo_move_to (labels->cr, 0, 0);
  pango_cairo_show_layout (labels->cr, layout);
  cairo_restore (labels->cr);
  /* No current point left behind, or the next arc would begin with a line from here. */
  cairo_new_path (labels->cr);
}

static void
record_label (SamLabels     *labels,
              const SamRect *box,
              const SamRect *ink,
              const SamRect *glyphs,
              double         size,
              int            host,
              const char    *text)
{
  SamChartLabelRecord record = {
    *box, *ink, *glyphs, size, host >= 0 ? (int) labels->first_mark + host : -1, g_strdup (text),
  };

  if (labels->record != NULL)
    g_array_append_val (labels->record->labels, record);
  else
    g_free (record.text);
}

static void
left_out (SamLabels  *labels,
          const char *text)
{
  if (labels->record != NULL)
    {
      labels->record->n_left_out++;
      g_ptr_array_add (labels->record->left_out, g_strdup (text));
    }
}

/**
 * _sam_labels_begin_group:
 *
 * The labels placed from now until _sam_labels_end_group() are one row of numbers: they
 * are all drawn, or, where any of them does not fit, none, so that a reader never wonders
 * why one clinic has its number and the next has not.
 */
void
_sam_labels_begin_group (SamLabels *labels)
{
  g_assert (!labels->in_group);
  labels->in_group = TRUE;
  labels->group_failed = FALSE;
}

/**
 * _sam_labels_end_group:
 *
 * Returns: whether the group was drawn
 */
gboolean
_sam_labels_end_group (SamLabels *labels)
{
  gboolean drawn;

  g_assert (labels->in_group);
  labels->in_group = FALSE;
  drawn = !labels->group_failed;
  for (guint i = 0; i < labels->pending->len; i++)
    {
      Pending *p = &g_array_index (labels->pending, Pending, i);

      if (drawn)
        {
          draw_label (labels, p->layout, p->x, p->y, p->flags, &p->colour, &p->box);
          record_label (labels, &p->box, &p->ink, &p->glyphs, p->size, p->host,
                        pango_layout_get_text (p->layout));
        }
      else
        left_out (labels, pango_layout_get_text (p->layout));
      g_object_unref (p->layout);
    }
  if (!drawn)
    /* Their places are free again. */
    g_array_set_size (labels->placed, labels->placed->len - labels->pending->len);
  g_array_set_size (labels->pending, 0);
  return drawn;
}

/**
 * _sam_labels_place:
 * @size: the text's size; never less than the style's minimum
 * @colour: the text's colour, where a spot has none of its own
 * @spots: (array length=n_spots): where it may go, best first
 *
 * Writes @text at the first spot where it fits, covers no label and no mark but its
 * host, and stays on the chart; or leaves it out.
 *
 * Returns: whether it was written
 */
gboolean
_sam_labels_place (SamLabels     *labels,
                   const char    *text,
                   double         size,
                   SamLabelFlags  flags,
                   const SamRgba *colour,
                   const SamSpot *spots,
                   guint          n_spots)
{
  PangoLayout *layout;

  if (text == NULL || *text == '\0')
    return TRUE;
  size = MAX (size, labels->style->min_text);
  layout = new_layout (labels->context, labels->style, text, size, (flags & SAM_LABEL_BOLD) != 0);

  for (guint s = 0; s < n_spots; s++)
    {
      double x, y, pad = (flags & SAM_LABEL_PLATE) ? size * 0.3 : 0;
      const SamRgba *ink_colour = spots[s].colour != NULL ? spots[s].colour : colour;
      SamRect box, ink, glyphs;

      if (!fit_spot (labels, layout, size, flags, &spots[s], &x, &y, &box, &ink, &glyphs))
        continue;
      box.x -= pad;
      box.width += 2 * pad;
      if (flags & SAM_LABEL_PLATE)
        /* The plate is drawn: it must stay off the marks as the text does. */
        glyphs = (SamRect) { box.x, glyphs.y, box.width, glyphs.height };
      if (!is_free (labels, &box, &ink, &glyphs, spots[s].host, size))
        continue;

      add_placed (labels, &box);
      if (labels->in_group)
        {
          Pending pending = { layout, x, y, flags, *ink_colour, box, ink, glyphs, size,
                              spots[s].host };

          g_array_append_val (labels->pending, pending);
          return TRUE;
        }
      draw_label (labels, layout, x, y, flags, ink_colour, &box);
      record_label (labels, &box, &ink, &glyphs, size, spots[s].host, text);
      g_object_unref (layout);
      return TRUE;
    }

  if (labels->in_group)
    labels->group_failed = TRUE;
  left_out (labels, text);
  g_object_unref (layout);
  return FALSE;
}

/* One spot, on no mark. */
gboolean
_sam_labels_place_at (SamLabels     *labels,
                      const char    *text,
                      double         size,
                      SamLabelFlags  flags,
                      const SamRgba *colour,
                      const SamRect *box,
                      SamAlign       align)
{
  SamSpot spot = { *box, align, -1, NULL };

  return _sam_labels_place (labels, text, size, flags, colour, &spot, 1);
}

static void
clear_label_record (gpointer data)
{
  g_free (((SamChartLabelRecord *) data)->text);
}

/* For tests: the labels and marks of what this thread draws from now on. */
void
_sam_chart_record_start (SamChartRecord *record)
{
  memset (record, 0, sizeof *record);
  record->labels = g_array_new (FALSE, FALSE, sizeof (SamChartLabelRecord));
  g_array_set_clear_func (record->labels, clear_label_record);
  record->marks = g_array_new (FALSE, FALSE, sizeof (SamRect));
  record->left_out = g_ptr_array_new_with_free_func (g_free);
  g_private_set (&recorder, record);
}

void
_sam_chart_record_stop (SamChartRecord *record)
{
  if (g_private_get (&recorder) == record)
    g_private_set (&recorder, NULL);
}

void
_sam_chart_record_clear (SamChartRecord *record)
{
  _sam_chart_record_stop (record);
  g_clear_pointer (&record->labels, g_array_unref);
  g_clear_pointer (&record->marks, g_array_unref);
  g_clear_pointer (&record->left_out, g_ptr_array_unref);
}
