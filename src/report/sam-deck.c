/* sam-deck.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-deck"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-deck.h"
#include "sam-document.h"
#include "sam-report.h"
#include "sam-results-charts.h"
#include "sam-round-figures.h"

/* The title slide's first line this far down its 960 x 540 pt (sam-document.h), so that the
 * title sits in the slide's upper middle. */
#define TITLE_TOP       150.0
/* The most clinics on one slide of the heatmap: each row keeps its mean and n at the
 * slide's text size. */
#define HEATMAP_CLINICS 12

static void
draw_chart (SamDocument *document,
            cairo_t     *cr,
            double       width,
            double       height,
            gpointer     data)
{
  sam_report_draw_titled_chart (data, sam_document_get_chart_style (document), cr, width, height);
}

static void
chart_slide (SamDocument *document,
             SamChart    *chart)
{
  if (chart != NULL)
    sam_document_add_figure_page (document, draw_chart, chart, (GDestroyNotify) sam_chart_unref);
}

static void
title_slide (SamDocument     *document,
             SamRoundFigures *figures)
{
  g_autofree char *when = sam_date_format_iso (figures->round_date);
  g_autofree char *what = g_strdup_printf (ngettext ("%s, %s: %u clinic", "%s, %s: %u clinics",
                                                     figures->clinics->len),
                                           figures->round_label, when,
                                           figures->clinics->len);
  g_autofree char *rule =
    g_strdup_printf (ngettext ("Figures from fewer than %d answer are withheld, and so is a "
                               "clinic’s figure that would let a withheld one be worked out.",
                               "Figures from fewer than %d answers are withheld, and so is a "
                               "clinic’s figure that would let a withheld one be worked out.",
                               figures->k),
                     figures->k);

  sam_document_add_space (document, TITLE_TOP - sam_document_get_margin (document));
  sam_document_add_text (document, SAM_DOCUMENT_OVERLINE, _("Samarbejde og fællesskab"));
  sam_document_add_text (document, SAM_DOCUMENT_TITLE, figures->cluster_name);
  sam_document_add_text (document, SAM_DOCUMENT_SUBTITLE, what);
  /* The rule of suppression apart from what the deck is. */
  sam_document_add_space (document, 36);
  sam_document_add_text (document, SAM_DOCUMENT_DIM, rule);
}

static void
domain_slide (SamDocument     *document,
              const SamDomain *domain)
{
  sam_document_add_page_break (document);
  sam_document_add_text (document, SAM_DOCUMENT_SECTION, domain->title);
  sam_document_add_text (document, SAM_DOCUMENT_HEADING, _("What do we know?"));
  for (guint i = 0; i < domain->know->len; i++)
    sam_document_add_text (document, SAM_DOCUMENT_BODY, g_ptr_array_index (domain->know, i));
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
  g_autoptr(SamDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  SamFiguresPolicy policy = { 0, 0 };

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  /* Always the cluster's view: the deck goes to everyone in the room. */
  if (!sam_store_publish_round (store, round_id, k, TRUE, &policy.k, error))
    return NULL;
  figures = sam_round_figures_load (store, round_id, &policy, error);
  if (figures == NULL)
    return NULL;
  previous = load_previous (store, figures);

  /* Translators: the meeting deck's title in its PDF: the cluster and the round. */
  title = g_strdup_printf (_("%s — %s"), figures->cluster_name, figures->round_label);
  document = sam_document_new (SAM_DOCUMENT_SLIDE, title);

  title_slide (document, figures);
  chart_slide (document, sam_results_chart_indices (figures));
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    chart_slide (document, sam_results_chart_overview (figures, previous, SAM_N_ITEMS + i));
  /* The heatmap a slide for every so many clinics, so that its numbers keep their size. */
  for (guint first = 0; first == 0 || first < figures->clinics->len; first += HEATMAP_CLINICS)
    chart_slide (document, sam_results_chart_heatmap_part (figures, first, HEATMAP_CLINICS));
  for (guint d = 0; d < sam_instrument_get_n_domains (instrument); d++)
    {
      const SamDomain *domain = sam_instrument_get_domain (instrument, d);

      domain_slide (document, domain);
      for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
        {
          const SamQuestion *question = sam_instrument_get_question (instrument, q);

          if (question->domain != domain)
            continue;
          chart_slide (document, sam_results_chart_question (figures, question));
          chart_slide (document, sam_results_chart_distribution (figures, question));
        }
    }

  bytes = sam_document_render_pdf (document, error);
  if (bytes != NULL && n_pages != NULL)
    *n_pages = sam_document_get_n_pages (document);
  return g_steal_pointer (&bytes);
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

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sam_deck_render (store, round_id, k, n_pages, error);
  if (bytes == NULL)
    return FALSE;
  return sam_report_write_bytes (bytes, path, error);
}
