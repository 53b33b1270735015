/* sam-meeting-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-report"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dates.h"
#include "sam-document.h"
#include "sam-instrument.h"
#include "sam-meeting-report.h"
#include "sam-meeting-report-private.h"
#include "sam-meeting-template.h"

typedef struct
{
  char                  *text;
  SamMeetingReportStyle  style;
} Block;

struct _SamMeetingReport
{
  char        *title;
  char        *date;          /* YYYY-MM-DD */
  gboolean     finished;
  GArray      *blocks;        /* Block */
  SamDocument *document;      /* from the last pagination */
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

/**
 * sam_meeting_report_describe_link:
 *
 * Returns: (transfer full) (nullable): what an action answers to: an item's or a
 *   domain's name, or %NULL
 */
char *
sam_meeting_report_describe_link (const SamMeetingAction *action)
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
      const SamMeetingCategory *category =
        c < n_categories ? g_ptr_array_index (step->categories, c) : NULL;
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
                   category != NULL ? category->label
                                    : (n_categories > 0 ? _("Not sorted") : step->title));
              heading_shown = TRUE;
            }
          /* TRANSLATORS: a green or red note in the summary: its colour, then its text */
          line = g_strdup_printf (_("%s: %s"),
                                  card->colour == SAM_MEETING_CARD_GREEN ? _("Green") : _("Red"),
                                  card->text);
          add (self, SAM_MEETING_REPORT_TEXT, line);
        }
    }
}

/* The votes phones gave a step's red notes, as the runner showed them: counts only once
 * at least k have voted there (the store gives none below that), most votes first; below
 * k only how many voted, and why the counts are not there. Only steps that took votes. */
static void
add_votes (SamMeetingReport     *self,
           SamStore             *store,
           gint64                meeting_id,
           const SamMeetingStep *step,
           GPtrArray            *cards)
{
  guint k = sam_meeting_votes_min_voters (store);
  g_autoptr(GArray) votes = NULL;
  g_autofree char *count = NULL;
  guint ballots = 0;

  if (step->phones != SAM_MEETING_PHONES_VOTES)
    return;
  votes = sam_meeting_store_get_votes (store, meeting_id, step->id, k, &ballots, NULL);
  if (votes == NULL || ballots == 0)
    return;

  add (self, SAM_MEETING_REPORT_HEADING, step->title);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person has voted",
                                        "%u people have voted", ballots),
                           ballots);
  add (self, SAM_MEETING_REPORT_TEXT, count);
  if (ballots < k)
    {
      g_autofree char *status = g_strdup_printf (_("Counts show when at least %u have voted"), k);

      add (self, SAM_MEETING_REPORT_DIM, status);
      return;
    }
  for (guint v = 0; v < votes->len; v++)
    {
      const SamMeetingVote *vote = &g_array_index (votes, SamMeetingVote, v);

      for (guint i = 0; i < cards->len; i++)
        {
          SamMeetingCard *card = g_ptr_array_index (cards, i);
          g_autofree char *figure = NULL;
          g_autofree char *line = NULL;

          if (card->id != vote->card_id)
            continue;
          figure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes",
                                                 vote->votes),
                                    vote->votes);
          /* TRANSLATORS: a red note's votes in the summary: the count, then the note */
          line = g_strdup_printf (_("%s: %s"), figure, card->text);
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
  date = sam_date_format_iso (meeting->date != NULL ? meeting->date : "");
  /* TRANSLATORS: the summary's first line: the meeting's date and where it was held */
  line = g_strdup_printf (_("%s · %s"), date, place);
  add (self, SAM_MEETING_REPORT_SUBTITLE, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person took part",
                                       "%u people took part", meeting->participants),
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

  /* Only where phones voted: a meeting without votes reads as before. */
  {
    guint before = self->blocks->len;

    add (self, SAM_MEETING_REPORT_SECTION, _("Votes for Red Notes"));
    for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
      add_votes (self, store, meeting_id, sam_meeting_template_get_step (template, i), cards);
    if (self->blocks->len == before + 1)
      g_array_remove_index (self->blocks, before);
  }

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
      g_autofree char *link = sam_meeting_report_describe_link (action);
      g_autofree char *due = sam_date_format_iso (action->due);
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
  g_clear_pointer (&self->document, sam_document_free);
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

static SamDocument *
make_document (SamMeetingReport *self)
{
  static const SamDocumentStyle styles[] = {
    [SAM_MEETING_REPORT_TITLE] = SAM_DOCUMENT_TITLE,
    [SAM_MEETING_REPORT_SUBTITLE] = SAM_DOCUMENT_SUBTITLE,
    [SAM_MEETING_REPORT_SECTION] = SAM_DOCUMENT_SECTION,
    [SAM_MEETING_REPORT_HEADING] = SAM_DOCUMENT_HEADING,
    [SAM_MEETING_REPORT_TEXT] = SAM_DOCUMENT_BODY,
    [SAM_MEETING_REPORT_DIM] = SAM_DOCUMENT_DIM,
  };
  SamDocument *document = sam_document_new (SAM_DOCUMENT_A4, self->title);

  sam_document_set_page_numbers (document, TRUE);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      sam_document_add_text (document, styles[block->style], block->text);
    }
  return document;
}

/**
 * sam_meeting_report_paginate:
 * @cr: a context like the one the pages will be drawn on (for the fonts' metrics)
 *
 * Lays the summary out on pages of @width by @height points; a note that does not fit
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
  g_return_val_if_fail (self != NULL, 0);

  g_clear_pointer (&self->document, sam_document_free);
  self->document = make_document (self);
  return sam_document_paginate (self->document, cr, width, height);
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
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->document != NULL);

  sam_document_draw_page (self->document, cr, page);
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
  g_autoptr(SamDocument) document = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = make_document (self);
  return sam_document_write_pdf (document, path, error);
}
