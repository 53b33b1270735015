/* sam-reflection-sheet.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-reflection-sheet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-reflection.h"
#include "sam-reflection-sheet.h"
#include "sam-report.h"

#define FONT       "Cantarell, DejaVu Sans, sans-serif"
#define MARGIN     48.0
#define LINE_GAP   22.0
#define N_LINES    7

typedef struct
{
  cairo_t *cr;
  double   y;
} Sheet;

static void
new_page (Sheet *sheet)
{
  cairo_show_page (sheet->cr);
  sheet->y = MARGIN;
}

static void
text (Sheet      *sheet,
      const char *content,
      double      size,
      gboolean    bold,
      double      grey,
      double      space_after,
      double      keep_with)
{
  PangoLayout *layout = pango_cairo_create_layout (sheet->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  int width, height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((SAM_REFLECTION_SHEET_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, content, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  /* A heading or a question keeps the room that follows it on its page. */
  if (sheet->y + height + keep_with > SAM_REFLECTION_SHEET_HEIGHT - MARGIN && sheet->y > MARGIN)
    new_page (sheet);
  cairo_set_source_rgb (sheet->cr, grey, grey, grey);
  cairo_move_to (sheet->cr, MARGIN, sheet->y);
  pango_cairo_show_layout (sheet->cr, layout);
  sheet->y += height + space_after;
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
lines (Sheet *sheet,
       guint  n)
{
  cairo_save (sheet->cr);
  cairo_set_source_rgb (sheet->cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (sheet->cr, 0.5);
  for (guint i = 0; i < n; i++)
    {
      sheet->y += LINE_GAP;
      cairo_move_to (sheet->cr, MARGIN, sheet->y);
      cairo_line_to (sheet->cr, SAM_REFLECTION_SHEET_WIDTH - MARGIN, sheet->y);
      cairo_stroke (sheet->cr);
    }
  cairo_restore (sheet->cr);
  sheet->y += 14;
}

/**
 * sam_reflection_sheet_write_pdf:
 * @path: the file to write, A4
 */
gboolean
sam_reflection_sheet_write_pdf (const char  *path,
                                GError     **error)
{
  GPtrArray *groups = sam_reflection_list_groups ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Sheet sheet = { NULL, MARGIN };

  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, SAM_REFLECTION_SHEET_WIDTH,
                                      SAM_REFLECTION_SHEET_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Sheet for meeting notes"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samarbejde");
  sheet.cr = cairo_create (surface);

  text (&sheet, _("Sheet for meeting notes"), 20, TRUE, 0, 4, 0);
  text (&sheet, _("The reflection questions of the cluster meeting, block by block, with room for "
                  "your notes. Prepare before the meeting, and use the sheet in the group work."),
        10.5, FALSE, 0.3, 12, 0);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, i);

      if (group->part != NULL)
        text (&sheet, group->part->title, 11, FALSE, 0.35, 2, 80);
      text (&sheet, group->title, 14, TRUE, 0, 4, 60);
      if (group->note != NULL)
        text (&sheet, group->note, 10.5, FALSE, 0.3, 6, 40);
      for (guint j = 0; j < group->questions->len; j++)
        {
          const SamMeetingReflection *question = g_ptr_array_index (group->questions, j);
          g_autofree char *numbered = g_strdup_printf ("%u. %s", question->number, question->text);

          text (&sheet, numbered, 11, FALSE, 0, 0, N_LINES * LINE_GAP);
          lines (&sheet, N_LINES);
        }
    }
  cairo_show_page (sheet.cr);
  cairo_destroy (sheet.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
