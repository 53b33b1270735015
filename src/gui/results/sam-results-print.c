/* sam-results-print.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results-print"

#include "config.h"

#include "sam-report.h"
#include "sam-results-print.h"

/* Printing a Results page: its charts, two a sheet, in the light style, under a heading. */

typedef struct
{
  GPtrArray *charts;
  char      *heading;
} Print;

static void
print_free (Print *print)
{
  g_ptr_array_unref (print->charts);
  g_free (print->heading);
  g_free (print);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Print             *print)
{
  gtk_print_operation_set_n_pages (operation, MAX (1, (print->charts->len + 1) / 2));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Print             *print)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("sans 9");
  SamChartStyle style;
  double top;
  int text_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, print->heading, -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  top = text_height + 8;

  sam_chart_style_init (&style, SAM_CHART_LIGHT, sam_report_text_scale (width, height / 2) );
  sam_chart_style_set_medium (&style, SAM_CHART_PAPER, 0);
  for (guint i = 0; i < 2; i++)
    {
      guint index = page * 2 + i;
      double slot = (height - top) / 2;

      if (index >= print->charts->len)
        break;
      cairo_save (cr);
      cairo_translate (cr, 0, top + i * slot);
      sam_report_draw_titled_chart (g_ptr_array_index (print->charts, index), &style, cr, width,
                                    slot - 12);
      cairo_restore (cr);
    }
  sam_chart_style_clear (&style);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/**
 * sam_results_print_operation_new:
 * @charts: (element-type SamChart): the page's charts in order; the operation keeps its own
 *   references
 *
 * Returns: (transfer full): the print operation: for the print dialog, or for a PDF file
 */
GtkPrintOperation *
sam_results_print_operation_new (GPtrArray  *charts,
                                 const char *heading)
{
  GtkPrintOperation *operation;
  Print *print;

  print = g_new0 (Print, 1);
  print->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_chart_unref);
  for (guint c = 0; c < charts->len; c++)
    g_ptr_array_add (print->charts, sam_chart_ref (g_ptr_array_index (charts, c)));
  print->heading = g_strdup (heading);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, print->heading);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), print);
  /* The operation's last handler frees what both read, when the operation goes. */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page), print,
                         (GClosureNotify) (void (*) (void)) print_free, 0);
  return operation;
}
