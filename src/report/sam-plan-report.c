/* sam-plan-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-dates.h"
#include "sam-instrument.h"
#include "sam-plan-report.h"
#include "sam-report.h"

#define FONT        "Cantarell, DejaVu Sans, sans-serif"
#define MARGIN      48.0
#define TEXT_SIZE   10.5
#define GAP         6.0

/* The layout walks the whole plan every time, drawing only the page asked for: a plan is
 * a page or two, and one walk keeps the page breaks of counting and drawing the same. */
typedef struct
{
  cairo_t *cr;
  double   width;
  double   height;
  double   y;
  guint    page;
  guint    target;      /* the page to draw; G_MAXUINT to draw none */
} Cursor;

static PangoLayout *
make_layout (Cursor     *cursor,
             const char *text,
             double      size,
             gboolean    bold,
             double      indent)
{
  PangoLayout *layout = pango_cairo_create_layout (cursor->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((cursor->width - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Puts a paragraph on the page, on the next page where it does not fit. */
static void
paragraph (Cursor     *cursor,
           const char *text,
           double      size,
           gboolean    bold,
           double      indent,
           double      grey,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (cursor, text, size, bold, indent);
  int text_width, text_height;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (cursor->y + text_height > cursor->height - MARGIN && cursor->y > MARGIN)
    {
      cursor->page++;
      cursor->y = MARGIN;
    }
  if (cursor->page == cursor->target)
    {
      cairo_save (cursor->cr);
      cairo_set_source_rgb (cursor->cr, grey, grey, grey);
      cairo_move_to (cursor->cr, MARGIN + indent, cursor->y);
      pango_cairo_show_layout (cursor->cr, layout);
      cairo_restore (cursor->cr);
    }
  cursor->y += text_height + space_after;
}

static void
rule (Cursor *cursor)
{
  if (cursor->page == cursor->target)
    {
      cairo_save (cursor->cr);
      cairo_set_source_rgb (cursor->cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (cursor->cr, 0.5);
      cairo_move_to (cursor->cr, MARGIN, cursor->y);
      cairo_line_to (cursor->cr, cursor->width - MARGIN, cursor->y);
      cairo_stroke (cursor->cr);
      cairo_restore (cursor->cr);
    }
  cursor->y += GAP;
}

static char *
format_day (const char *iso)
{
  GDate date;

  if (iso == NULL || !sam_date_parse_iso (iso, &date))
    return g_strdup (iso);
  return sam_date_format_long (&date);
}

/**
 * sam_plan_report_describe_aim:
 *
 * Returns: (transfer full) (nullable): what the action should move, as people read it:
 *   the item's question or the domain's title; %NULL where it names neither
 */
char *
sam_plan_report_describe_aim (const SamPlanAction *action)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  g_return_val_if_fail (action != NULL, NULL);

  if (action->item != NULL)
    {
      const SamItem *item = sam_instrument_lookup_item (instrument, action->item);
      const char *text;

      if (item == NULL)
        return g_strdup (action->item);
      text = item->text != NULL ? item->text : item->question->text;
      /* Translators: what an action aims at: an item's code ("q7h") and its text. */
      return g_strdup_printf (_("%s: %s"), item->id, text);
    }
  if (action->domain != NULL)
    {
      const SamDomain *domain = sam_instrument_lookup_domain (instrument, action->domain);

      return g_strdup (domain != NULL ? domain->title : action->domain);
    }
  return NULL;
}

static void
layout_report (const SamPlanReport *report,
               Cursor              *cursor)
{
  g_autofree char *title = NULL;
  g_autofree char *printed = NULL;

  cursor->y = MARGIN;
  cursor->page = 0;

  paragraph (cursor, _("Implementation plan"), 20, TRUE, 0, 0, 2);
  if (report->cluster_name != NULL)
    /* Translators: under the plan's title: the clinic and its cluster. */
    title = g_strdup_printf (_("%s, %s"), report->clinic_name, report->cluster_name);
  else
    title = g_strdup (report->clinic_name);
  paragraph (cursor, title, 13, FALSE, 0, 0, 2);
  if (report->today != NULL)
    {
      g_autofree char *day = sam_date_format_long (report->today);

      /* Translators: the day the plan was printed. */
      printed = g_strdup_printf (_("Printed %s"), day);
      paragraph (cursor, printed, TEXT_SIZE, FALSE, 0, 0.35, GAP);
    }

  if (report->follow_up != NULL)
    {
      g_autofree char *since = format_day (report->follow_up->since);
      g_autofree char *date = format_day (report->follow_up->date);
      /* Translators: the first %s is the follow-up's day, the second the meeting's. */
      g_autofree char *text = g_strdup_printf (_("Follow-up: %s (the meeting was on %s)"), date,
                                               since);

      paragraph (cursor, text, TEXT_SIZE, TRUE, 0, 0, GAP);
    }
  rule (cursor);

  if (report->actions == NULL || report->actions->len == 0)
    paragraph (cursor, _("The plan has no actions yet."), TEXT_SIZE, FALSE, 0, 0.35, GAP);

  for (guint i = 0; report->actions != NULL && i < report->actions->len; i++)
    {
      const SamPlanAction *action = g_ptr_array_index (report->actions, i);
      g_autofree char *what = g_strdup_printf ("%u. %s", i + 1, action->what);
      g_autofree char *aim = sam_plan_report_describe_aim (action);
      g_autoptr(GString) facts = g_string_new (NULL);

      paragraph (cursor, what, 12, TRUE, 0, 0, 2);
      g_string_append_printf (facts, _("Status: %s"), sam_plan_status_get_label (action->status));
      if (action->who != NULL && action->who[0] != '\0')
        {
          g_string_append (facts, " · ");
          g_string_append_printf (facts, _("Who: %s"), action->who);
        }
      if (action->due != NULL)
        {
          g_autofree char *due = format_day (action->due);

          g_string_append (facts, " · ");
          g_string_append_printf (facts, _("By: %s"), due);
          if (report->today != NULL && sam_plan_action_is_overdue (action, report->today))
            g_string_append_printf (facts, " (%s)", _("overdue"));
        }
      paragraph (cursor, facts->str, TEXT_SIZE, FALSE, 14, 0.2, 2);
      if (aim != NULL)
        {
          g_autofree char *why = g_strdup_printf (_("Why: %s"), aim);

          paragraph (cursor, why, TEXT_SIZE, FALSE, 14, 0.2, 2);
        }
      if (action->notes != NULL && action->notes[0] != '\0')
        {
          g_autofree char *notes = g_strdup_printf (_("Notes: %s"), action->notes);

          paragraph (cursor, notes, TEXT_SIZE, FALSE, 14, 0.2, 2);
        }
      cursor->y += GAP;
    }
}

/**
 * sam_plan_report_count_pages:
 * @cr: a context of the target, for measuring text
 *
 * Returns: how many pages of @width by @height the plan takes
 */
guint
sam_plan_report_count_pages (const SamPlanReport *report,
                             cairo_t             *cr,
                             double               width,
                             double               height)
{
  Cursor cursor = { cr, width, height, 0, 0, G_MAXUINT };

  g_return_val_if_fail (report != NULL && cr != NULL, 0);

  layout_report (report, &cursor);
  return cursor.page + 1;
}

void
sam_plan_report_draw_page (const SamPlanReport *report,
                           cairo_t             *cr,
                           double               width,
                           double               height,
                           guint                page)
{
  Cursor cursor = { cr, width, height, 0, 0, page };

  g_return_if_fail (report != NULL && cr != NULL);

  layout_report (report, &cursor);
}

/**
 * sam_plan_report_write_pdf:
 * @path: the file to write, A4
 */
gboolean
sam_plan_report_write_pdf (const SamPlanReport  *report,
                           const char           *path,
                           GError              **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, SAM_PLAN_REPORT_WIDTH, SAM_PLAN_REPORT_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Implementation plan"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samarbejde");
  cr = cairo_create (surface);
  n_pages = sam_plan_report_count_pages (report, cr, SAM_PLAN_REPORT_WIDTH, SAM_PLAN_REPORT_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      sam_plan_report_draw_page (report, cr, SAM_PLAN_REPORT_WIDTH, SAM_PLAN_REPORT_HEIGHT, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
