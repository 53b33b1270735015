/* sam-meeting-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-report"

#include "config.h"

#include <errno.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sam-dates.h"
#include "sam-instrument.h"
#include "sam-meeting-report.h"
#include "sam-meeting-template.h"
#include "sam-report.h"

#define FONT "DejaVu Sans, Sans"
#define MARGIN 56.0
#define FOOTER 28.0

typedef struct
{
  char                  *text;
  SamMeetingReportStyle  style;
} Block;

/* Where a line of a block goes: pages break between lines, so a long note runs on. */
typedef struct
{
  guint  page;
  guint  block;
  guint  line;
  double baseline;
} Placement;

struct _SamMeetingReport
{
  char        *title;
  char        *date;          /* YYYY-MM-DD */
  gboolean     finished;
  GArray      *blocks;        /* Block */
  /* From the last pagination: */
  GPtrArray   *layouts;       /* PangoLayout, one per block */
  GArray      *placements;    /* Placement */
  guint        n_pages;
  double       width;
  double       height;
};

static void
block_clear (gpointer data)
{
  g_free (((Block *) data)->text);
}

static void
add (SamMeetingReport      *self,
     SamMeetingReportStyle  style,
     const char            *text)
{
  Block block = { g_strdup (text), style };

  g_array_append_val (self->blocks, block);
}

static char *
format_date (const char *iso)
{
  GDate date;

  if (iso != NULL && sam_date_parse_iso (iso, &date))
    return sam_date_format_long (&date);
  return g_strdup (iso != NULL ? iso : "");
}

/**
 * sam_meeting_report_describe_place:
 *
 * Returns: (transfer full): the clinic's or the cluster's name, or "" if unknown
 */
char *
sam_meeting_report_describe_place (SamStore         *store,
                                   const SamMeeting *meeting)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);

  if (meeting->clinic_id > 0)
    {
      list = sam_store_list_clinics (store, NULL);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          SamClinic *clinic = g_ptr_array_index (list, i);

          if (clinic->id == meeting->clinic_id)
            return g_strdup (clinic->name != NULL && *clinic->name ? clinic->name : clinic->code);
        }
    }
  else
    {
      list = sam_store_list_clusters (store, NULL);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          SamCluster *cluster = g_ptr_array_index (list, i);

          if (cluster->id == meeting->cluster_id)
            return g_strdup (cluster->name);
        }
    }
  return g_strdup ("");
}

static char *
describe_link (const SamMeetingAction *action)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  if (action->item != NULL)
    {
      const SamItem *item = sam_instrument_lookup_item (instrument, action->item);

      /* The item's words, as the window names it: its code belongs in files only. */
      return g_strdup (item != NULL ? sam_item_get_words (item) : action->item);
    }
  if (action->domain != NULL)
    {
      const SamDomain *domain = sam_instrument_lookup_domain (instrument, action->domain);

      return g_strdup (domain != NULL ? domain->title : action->domain);
    }
  return NULL;
}

static gboolean
step_has_category (const SamMeetingStep *step,
                   const char           *id)
{
  for (guint i = 0; id != NULL && step->categories != NULL && i < step->categories->len; i++)
    if (g_strcmp0 (((SamMeetingCategory *) g_ptr_array_index (step->categories, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
add_cards (SamMeetingReport     *self,
           const SamMeetingStep *step,
           GPtrArray            *cards)
{
  guint n_categories = step->categories != NULL ? step->categories->len : 0;

  /* Under each heading in the step's order, then those not sorted. */
  for (guint c = 0; c <= n_categories; c++)
    {
      const SamMeetingCategory *category = c < n_categories ? g_ptr_array_index (step->categories, c) : NULL;
      gboolean heading_shown = FALSE;

      for (guint i = 0; i < cards->len; i++)
        {
          SamMeetingCard *card = g_ptr_array_index (cards, i);
          g_autofree char *line = NULL;

          if (g_strcmp0 (card->step, step->id) != 0)
            continue;
          if (category != NULL ? g_strcmp0 (card->category, category->id) != 0
                               : step_has_category (step, card->category))
            continue;
          if (!heading_shown)
            {
              add (self, SAM_MEETING_REPORT_HEADING,
                   category != NULL ? category->label : (n_categories > 0 ? _("Not sorted") : step->title));
              heading_shown = TRUE;
            }
          /* TRANSLATORS: a green or red note in the summary: its colour, then its text */
          line = g_strdup_printf (_("%s: %s"), card->colour == SAM_MEETING_CARD_GREEN ? _("Green") : _("Red"),
                                  card->text);
          add (self, SAM_MEETING_REPORT_TEXT, line);
        }
    }
}

static int
compare_answer_text (gconstpointer a,
                     gconstpointer b)
{
  return g_utf8_collate ((*(SamMeetingAnswer **) a)->text, (*(SamMeetingAnswer **) b)->text);
}

/* The answers from phones to a step's anonymous questions: each question and its answers
 * in the order of their text, so that nothing shows who wrote which; an answer two phones
 * gave is there twice. Only steps with answers. */
static void
add_answers (SamMeetingReport     *self,
             const SamMeetingStep *step,
             GPtrArray            *answers)
{
  if (step->phones != SAM_MEETING_PHONES_QUESTIONS)
    return;
  for (guint q = 0; q < step->prompts->len; q++)
    {
      gboolean heading_shown = FALSE;

      for (guint i = 0; i < answers->len; i++)
        {
          SamMeetingAnswer *answer = g_ptr_array_index (answers, i);

          if (answer->question != q + 1 || g_strcmp0 (answer->step, step->id) != 0)
            continue;
          if (!heading_shown)
            {
              add (self, SAM_MEETING_REPORT_HEADING, g_ptr_array_index (step->prompts, q));
              heading_shown = TRUE;
            }
          for (guint c = 0; c < answer->count; c++)
            add (self, SAM_MEETING_REPORT_TEXT, answer->text);
        }
    }
}

/**
 * sam_meeting_report_new:
 *
 * Reads a meeting as the store has it now.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
SamMeetingReport *
sam_meeting_report_new (SamStore  *store,
                        gint64     meeting_id,
                        GError   **error)
{
  g_autoptr(SamMeetingReport) self = NULL;
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *place = NULL;
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  SamMeetingTemplate *template;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  meeting = sam_meeting_store_get (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  notes = sam_meeting_store_list_notes (store, meeting_id, error);
  if (notes == NULL)
    return NULL;
  cards = sam_meeting_store_list_cards (store, meeting_id, error);
  if (cards == NULL)
    return NULL;
  actions = sam_meeting_store_list_actions (store, meeting_id, error);
  if (actions == NULL)
    return NULL;
  answers = sam_meeting_store_list_answers (store, meeting_id, error);
  if (answers == NULL)
    return NULL;
  g_ptr_array_sort (answers, compare_answer_text);
  template = sam_meeting_template_lookup (meeting->template_id);
  if (template == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a meeting template"), meeting->template_id);
      return NULL;
    }

  self = g_new0 (SamMeetingReport, 1);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->title = g_strdup (sam_meeting_template_get_title (template));
  self->date = g_strdup (meeting->date);
  self->finished = meeting->ended != NULL;

  add (self, SAM_MEETING_REPORT_TITLE, self->title);
  place = sam_meeting_report_describe_place (store, meeting);
  date = format_date (meeting->date);
  /* TRANSLATORS: the summary's first line: the meeting's date and where it was held */
  line = g_strdup_printf (_("%s · %s"), date, place);
  add (self, SAM_MEETING_REPORT_SUBTITLE, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person took part", "%u people took part",
                                       meeting->participants),
                          meeting->participants);
  add (self, SAM_MEETING_REPORT_TEXT, line);
  if (meeting->ended == NULL)
    add (self, SAM_MEETING_REPORT_DIM, _("The meeting was not finished."));

  add (self, SAM_MEETING_REPORT_SECTION, _("Notes per Step"));
  for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
    {
      const SamMeetingStep *step = sam_meeting_template_get_step (template, i);
      const char *text = NULL;

      if (step->conditional && !meeting->earlier_round)
        continue;
      for (guint n = 0; n < notes->len; n++)
        {
          SamMeetingNote *note = g_ptr_array_index (notes, n);

          if (g_strcmp0 (note->step, step->id) == 0 && note->text != NULL && *note->text != '\0')
            text = note->text;
        }
      add (self, SAM_MEETING_REPORT_HEADING, step->title);
      if (text != NULL)
        add (self, SAM_MEETING_REPORT_TEXT, text);
      else
        add (self, SAM_MEETING_REPORT_DIM, _("No notes."));
    }

  add (self, SAM_MEETING_REPORT_SECTION, _("Green and Red Notes"));
  if (cards->len == 0)
    add (self, SAM_MEETING_REPORT_DIM, _("No green or red notes."));
  for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
    add_cards (self, sam_meeting_template_get_step (template, i), cards);

  /* Only where phones answered: a meeting without them reads as before. */
  if (answers->len > 0)
    {
      add (self, SAM_MEETING_REPORT_SECTION, _("Answers from Phones"));
      for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
        add_answers (self, sam_meeting_template_get_step (template, i), answers);
    }

  add (self, SAM_MEETING_REPORT_SECTION, _("Actions"));
  if (actions->len == 0)
    add (self, SAM_MEETING_REPORT_DIM, _("No actions were decided."));
  for (guint i = 0; i < actions->len; i++)
    {
      SamMeetingAction *action = g_ptr_array_index (actions, i);
      g_autofree char *link = describe_link (action);
      g_autofree char *due = action->due != NULL ? format_date (action->due) : NULL;
      g_autoptr(GString) details = g_string_new (NULL);

      add (self, SAM_MEETING_REPORT_HEADING, action->what);
      if (action->who != NULL && *action->who != '\0')
        /* TRANSLATORS: who carries out an action, in the summary */
        g_string_append_printf (details, _("Who: %s"), action->who);
      if (due != NULL)
        {
          if (details->len > 0)
            g_string_append (details, " · ");
          /* TRANSLATORS: when an action is due, in the summary */
          g_string_append_printf (details, _("By: %s"), due);
        }
      if (link != NULL)
        {
          if (details->len > 0)
            g_string_append (details, " · ");
          /* TRANSLATORS: the question or domain an action answers to, in the summary */
          g_string_append_printf (details, _("Linked to: %s"), link);
        }
      if (details->len > 0)
        add (self, SAM_MEETING_REPORT_TEXT, details->str);
    }
  return g_steal_pointer (&self);
}

void
sam_meeting_report_free (SamMeetingReport *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->date);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_free (self);
}

const char *
sam_meeting_report_get_title (SamMeetingReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/* The meeting's date, YYYY-MM-DD. */
const char *
sam_meeting_report_get_date (SamMeetingReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

/* Whether the meeting was finished, rather than left before its end. */
gboolean
sam_meeting_report_is_finished (SamMeetingReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->finished;
}

guint
sam_meeting_report_get_n_blocks (SamMeetingReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->blocks->len;
}

const char *
sam_meeting_report_get_block (SamMeetingReport      *self,
                              guint                  index,
                              SamMeetingReportStyle *style)
{
  Block *block;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  block = &g_array_index (self->blocks, Block, index);
  if (style != NULL)
    *style = block->style;
  return block->text;
}

/* The whole summary as plain text, a line a block. */
char *
sam_meeting_report_get_text (SamMeetingReport *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    g_string_append_printf (text, "%s\n", g_array_index (self->blocks, Block, i).text);
  return g_string_free (text, FALSE);
}

/* Pages */

static void
style_font (SamMeetingReportStyle  style,
            double                *size,
            gboolean              *bold,
            double                *space_before)
{
  *bold = FALSE;
  switch (style)
    {
    case SAM_MEETING_REPORT_TITLE:
      *size = 20; *bold = TRUE; *space_before = 0;
      break;
    case SAM_MEETING_REPORT_SUBTITLE:
      *size = 12; *space_before = 6;
      break;
    case SAM_MEETING_REPORT_SECTION:
      *size = 14; *bold = TRUE; *space_before = 20;
      break;
    case SAM_MEETING_REPORT_HEADING:
      *size = 10.5; *bold = TRUE; *space_before = 10;
      break;
    case SAM_MEETING_REPORT_TEXT:
    case SAM_MEETING_REPORT_DIM:
    default:
      *size = 10; *space_before = 3;
      break;
    }
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/**
 * sam_meeting_report_paginate:
 * @cr: a context like the one the pages will be drawn on (for the fonts' metrics)
 *
 * Lays the summary out on pages of @width by @height points; a block that does not fit
 * runs on to the next page, line by line.
 *
 * Returns: the number of pages, at least one
 */
guint
sam_meeting_report_paginate (SamMeetingReport *self,
                             cairo_t          *cr,
                             double            width,
                             double            height)
{
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);

  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->width = width;
  self->height = height;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);
      double size, space_before;
      gboolean bold;
      PangoLayout *layout;
      PangoLayoutIter *iter;
      guint line = 0;

      style_font (block->style, &size, &bold, &space_before);
      layout = make_layout (cr, block->text, size, bold, width - 2 * MARGIN);
      g_ptr_array_add (self->layouts, layout);
      if (y > MARGIN)
        y += space_before;
      /* A heading never ends a page: it goes with at least two lines of what follows. */
      if ((block->style == SAM_MEETING_REPORT_SECTION || block->style == SAM_MEETING_REPORT_HEADING) &&
          y + 3.2 * size > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
        }

      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          Placement placement;
          double top, line_height;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_height = (double) logical.height / PANGO_SCALE;
          if (y + line_height > bottom && y > MARGIN)
            {
              page++;
              y = MARGIN;
            }
          top = (double) logical.y / PANGO_SCALE;
          placement.page = page;
          placement.block = b;
          placement.line = line++;
          placement.baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
          g_array_append_val (self->placements, placement);
          y += line_height;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  self->n_pages = page + 1;
  return self->n_pages;
}

/**
 * sam_meeting_report_draw_page:
 * @page: 0-based, below the count sam_meeting_report_paginate() gave
 *
 * Draws a page as the last pagination laid it out.
 */
void
sam_meeting_report_draw_page (SamMeetingReport *self,
                              cairo_t          *cr,
                              guint             page)
{
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;
  int footer_width, footer_height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->placements != NULL);

  cairo_save (cr);
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = &g_array_index (self->placements, Placement, i);
      Block *block = &g_array_index (self->blocks, Block, placement->block);
      PangoLayout *layout = g_ptr_array_index (self->layouts, placement->block);

      if (placement->page != page)
        continue;
      if (block->style == SAM_MEETING_REPORT_DIM || block->style == SAM_MEETING_REPORT_SUBTITLE)
        cairo_set_source_rgb (cr, 0.36, 0.36, 0.36);
      else
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, MARGIN, placement->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout, placement->line));
    }

  /* TRANSLATORS: the summary's footer: the template's title, the page and the pages */
  footer_text = g_strdup_printf (_("%s · page %u of %u"), self->title, page + 1, self->n_pages);
  footer = make_layout (cr, footer_text, 8, FALSE, self->width - 2 * MARGIN);
  pango_layout_get_pixel_size (footer, &footer_width, &footer_height);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, MARGIN, self->height - MARGIN - footer_height + 8);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
}

/**
 * sam_meeting_report_write_pdf:
 *
 * Writes the summary as an A4 PDF, through a temporary file so a failed write leaves
 * nothing half done.
 */
gboolean
sam_meeting_report_write_pdf (SamMeetingReport  *self,
                              const char        *path,
                              GError           **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (tmp, SAM_MEETING_REPORT_WIDTH, SAM_MEETING_REPORT_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samarbejde");
  cr = cairo_create (surface);
  n_pages = sam_meeting_report_paginate (self, cr, SAM_MEETING_REPORT_WIDTH, SAM_MEETING_REPORT_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      sam_meeting_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
