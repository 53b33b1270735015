/* sam-deck.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-deck"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-dates.h"
#include "sam-deck.h"
#include "sam-report.h"
#include "sam-results-charts.h"
#include "sam-round-figures.h"

/* Slides of 16:9 at 960 x 540 points, as a projector shows them. */
#define SLIDE_WIDTH  960.0
#define SLIDE_HEIGHT 540.0
#define MARGIN       48.0
/* The charts' text a little larger than on a page: a room reads it from afar. Never below
 * the slide's minimum (sam_chart_style_set_medium(): 12 pt on this slide). */
#define TEXT_SCALE   1.15
/* The most clinics on one slide of the heatmap: each row keeps its mean and n at the
 * slide's text size. */
#define HEATMAP_CLINICS 12

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  SamChartStyle    style;
  guint            n_pages;
} Deck;

static double
show_text (Deck       *deck,
           const char *text,
           double      y,
           double      size,
           gboolean    bold,
           gboolean    dim)
{
  PangoLayout *layout = pango_cairo_create_layout (deck->cr);
  PangoFontDescription *font = pango_font_description_from_string (deck->style.font_family);
  const SamRgba *colour = dim ? &deck->style.dim : &deck->style.foreground;
  int height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((SLIDE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_set_source_rgba (deck->cr, colour->red, colour->green, colour->blue, 1);
  cairo_move_to (deck->cr, MARGIN, y);
  pango_cairo_show_layout (deck->cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  return y + height;
}

static void
begin_slide (Deck *deck)
{
  if (deck->n_pages > 0)
    cairo_show_page (deck->cr);
  deck->n_pages++;
  cairo_set_source_rgba (deck->cr, deck->style.background.red, deck->style.background.green,
                         deck->style.background.blue, 1);
  cairo_paint (deck->cr);
}

static void
chart_slide (Deck     *deck,
             SamChart *chart)
{
  g_autoptr(SamChart) owned = chart;

  if (chart == NULL)
    return;
  begin_slide (deck);
  cairo_save (deck->cr);
  cairo_translate (deck->cr, MARGIN / 2, MARGIN / 2);
  sam_report_draw_titled_chart (chart, &deck->style, deck->cr, SLIDE_WIDTH - MARGIN, SLIDE_HEIGHT - MARGIN);
  cairo_restore (deck->cr);
}

static void
title_slide (Deck            *deck,
             SamRoundFigures *figures)
{
  g_autofree char *when = sam_date_format_iso (figures->round_date);
  g_autofree char *what = g_strdup_printf (ngettext ("%s, %s: %u clinic", "%s, %s: %u clinics",
                                                     figures->clinics->len),
                                           figures->round_label, when,
                                           figures->clinics->len);
  g_autofree char *rule = g_strdup_printf (ngettext ("Figures from fewer than %d answer are withheld, and so is a clinic’s figure that would let a withheld one be worked out.",
                                                     "Figures from fewer than %d answers are withheld, and so is a clinic’s figure that would let a withheld one be worked out.",
                                                     figures->k), figures->k);
  double y;

  begin_slide (deck);
  y = show_text (deck, _("Samarbejde og fællesskab"), 150, 20, FALSE, TRUE);
  y = show_text (deck, figures->cluster_name, y + 8, 44, TRUE, FALSE);
  y = show_text (deck, what, y + 12, 22, FALSE, FALSE);
  show_text (deck, rule, y + 48, 18, FALSE, TRUE);
}

static void
domain_slide (Deck            *deck,
              const SamDomain *domain)
{
  double y;

  begin_slide (deck);
  y = show_text (deck, domain->title, MARGIN, 32, TRUE, FALSE);
  y = show_text (deck, _("What do we know?"), y + 20, 18, TRUE, TRUE);
  for (guint i = 0; i < domain->know->len; i++)
    y = show_text (deck, g_ptr_array_index (domain->know, i), y + 12, 18, FALSE, FALSE);
}

/* The cluster's round before this one, for the clinic-by-clinic charts. */
static SamRoundFigures *
load_previous (SamStore        *store,
               SamRoundFigures *figures)
{
  g_autoptr(GPtrArray) rounds = sam_round_figures_list_rounds (store, figures->cluster_id, NULL);
  SamFiguresPolicy policy = { 0, 0 };
  gint64 previous = 0;

  for (guint r = 0; rounds != NULL && r < rounds->len; r++)
    {
      SamRound *round = g_ptr_array_index (rounds, r);

      if (round->id == figures->round_id)
        break;
      previous = round->id;
    }
  /* Shown in the deck, the round before is published too: at its own k, and only where
   * it is closed; an open one is left out. */
  if (previous == 0 || !sam_store_publish_round (store, previous, 0, TRUE, &policy.k, NULL))
    return NULL;
  return sam_round_figures_load (store, previous, &policy, NULL);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * sam_deck_render:
 * @k: the minimum group size asked for, or 0 for the round's own (or the saved setting)
 * @n_pages: (out) (optional): the slides written
 *
 * The deck is a publication of the round (instrument contract, "One publication a
 * round"): the round must be closed, and its k is fixed by the first publication.
 *
 * Returns: (transfer full): the deck as a PDF, or %NULL with @error set
 */
GBytes *
sam_deck_render (SamStore  *store,
                 gint64     round_id,
                 int        k,
                 guint     *n_pages,
                 GError   **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autoptr(SamRoundFigures) previous = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  SamFiguresPolicy policy = { 0, 0 };
  cairo_status_t status;
  Deck deck = { 0 };

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  /* Always the cluster's view: the deck goes to everyone in the room. */
  if (!sam_store_publish_round (store, round_id, k, TRUE, &policy.k, error))
    return NULL;
  figures = sam_round_figures_load (store, round_id, &policy, error);
  if (figures == NULL)
    return NULL;
  previous = load_previous (store, figures);

  deck.surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, SLIDE_WIDTH, SLIDE_HEIGHT);
  /* Translators: the meeting deck's title in its PDF: the cluster and the round. */
  title = g_strdup_printf (_("%s — %s"), figures->cluster_name, figures->round_label);
  cairo_pdf_surface_set_metadata (deck.surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (deck.surface, CAIRO_PDF_METADATA_CREATOR, "Samarbejde");
  deck.cr = cairo_create (deck.surface);
  sam_chart_style_init (&deck.style, SAM_CHART_LIGHT, TEXT_SCALE);
  sam_chart_style_set_medium (&deck.style, SAM_CHART_SLIDE, SLIDE_WIDTH);

  title_slide (&deck, figures);
  chart_slide (&deck, sam_results_chart_indices (figures));
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    chart_slide (&deck, sam_results_chart_overview (figures, previous, SAM_N_ITEMS + i));
  /* The heatmap a slide for every so many clinics, so that its numbers keep their size. */
  for (guint first = 0; first == 0 || first < figures->clinics->len; first += HEATMAP_CLINICS)
    chart_slide (&deck, sam_results_chart_heatmap_part (figures, first, HEATMAP_CLINICS));
  for (guint d = 0; d < sam_instrument_get_n_domains (instrument); d++)
    {
      const SamDomain *domain = sam_instrument_get_domain (instrument, d);

      domain_slide (&deck, domain);
      for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
        {
          const SamQuestion *question = sam_instrument_get_question (instrument, q);

          if (question->domain != domain)
            continue;
          chart_slide (&deck, sam_results_chart_question (figures, question));
          chart_slide (&deck, sam_results_chart_distribution (figures, question));
        }
    }

  cairo_destroy (deck.cr);
  cairo_surface_finish (deck.surface);
  status = cairo_surface_status (deck.surface);
  cairo_surface_destroy (deck.surface);
  sam_chart_style_clear (&deck.style);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED, _("The deck could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages != NULL)
    *n_pages = deck.n_pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * sam_deck_write_pdf:
 *
 * Writes the deck to @path whole or not at all.
 */
gboolean
sam_deck_write_pdf (SamStore    *store,
                    gint64       round_id,
                    int          k,
                    const char  *path,
                    guint       *n_pages,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sam_deck_render (store, round_id, k, n_pages, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, SAM_REPORT_ERROR, SAM_REPORT_ERROR_FAILED, _("“%s” could not be written: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
