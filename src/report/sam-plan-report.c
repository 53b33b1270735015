/* sam-plan-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-document.h"
#include "sam-instrument.h"
#include "sam-plan-report.h"

/* The facts under an action's heading stand in from the margin. */
#define INDENT 14.0

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

/* The plan as a document. It is built anew for each count and each page: a plan is a page
 * or two, and one build keeps the page breaks of counting and drawing the same. */
static SamDocument *
make_document (const SamPlanReport *report)
{
  SamDocument *document = sam_document_new (SAM_DOCUMENT_A4, _("Implementation plan"));
  g_autofree char *title = NULL;

  sam_document_set_page_numbers (document, TRUE);
  sam_document_add_text (document, SAM_DOCUMENT_TITLE, _("Implementation plan"));
  if (report->cluster_name != NULL)
    /* Translators: under the plan's title: the clinic and its cluster. */
    title = g_strdup_printf (_("%s, %s"), report->clinic_name, report->cluster_name);
  else
    title = g_strdup (report->clinic_name);
  sam_document_add_text (document, SAM_DOCUMENT_SUBTITLE, title);
  if (report->today != NULL)
    {
      g_autofree char *day = sam_date_format_long (report->today);
      /* Translators: the day the plan was printed. */
      g_autofree char *printed = g_strdup_printf (_("Printed %s"), day);

      sam_document_add_text (document, SAM_DOCUMENT_DIM, printed);
    }

  if (report->follow_up != NULL)
    {
      g_autofree char *since = sam_date_format_iso (report->follow_up->since);
      g_autofree char *date = sam_date_format_iso (report->follow_up->date);
      /* Translators: the first %s is the follow-up's day, the second the meeting's. */
      g_autofree char *text = g_strdup_printf (_("Follow-up: %s (the meeting was on %s)"), date,
                                               since);

      sam_document_add_text (document, SAM_DOCUMENT_HEADING, text);
    }
  sam_document_add_rule (document);

  if (report->actions == NULL || report->actions->len == 0)
    sam_document_add_text (document, SAM_DOCUMENT_DIM, _("The plan has no actions yet."));

  for (guint i = 0; report->actions != NULL && i < report->actions->len; i++)
    {
      const SamPlanAction *action = g_ptr_array_index (report->actions, i);
      g_autofree char *what = g_strdup_printf ("%u. %s", i + 1, action->what);
      g_autofree char *aim = sam_plan_report_describe_aim (action);
      g_autoptr(GString) facts = g_string_new (NULL);

      /* An action and its facts on one page. */
      sam_document_begin_keep (document);
      sam_document_add_text (document, SAM_DOCUMENT_HEADING, what);
      g_string_append_printf (facts, _("Status: %s"), sam_plan_status_get_label (action->status));
      if (action->who != NULL && action->who[0] != '\0')
        {
          g_string_append (facts, " · ");
          g_string_append_printf (facts, _("Who: %s"), action->who);
        }
      if (action->due != NULL)
        {
          g_autofree char *due = sam_date_format_iso (action->due);

          g_string_append (facts, " · ");
          g_string_append_printf (facts, _("By: %s"), due);
          if (report->today != NULL && sam_plan_action_is_overdue (action, report->today))
            g_string_append_printf (facts, " (%s)", _("overdue"));
        }
      sam_document_add_text_indented (document, SAM_DOCUMENT_BODY, facts->str, INDENT);
      if (aim != NULL)
        {
          g_autofree char *why = g_strdup_printf (_("Why: %s"), aim);

          sam_document_add_text_indented (document, SAM_DOCUMENT_BODY, why, INDENT);
        }
      if (action->notes != NULL && action->notes[0] != '\0')
        {
          g_autofree char *notes = g_strdup_printf (_("Notes: %s"), action->notes);

          sam_document_add_text_indented (document, SAM_DOCUMENT_BODY, notes, INDENT);
        }
      sam_document_end_keep (document);
    }
  return document;
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
  g_autoptr(SamDocument) document = NULL;

  g_return_val_if_fail (report != NULL && cr != NULL, 0);

  document = make_document (report);
  return sam_document_paginate (document, cr, width, height);
}

void
sam_plan_report_draw_page (const SamPlanReport *report,
                           cairo_t             *cr,
                           double               width,
                           double               height,
                           guint                page)
{
  g_autoptr(SamDocument) document = NULL;

  g_return_if_fail (report != NULL && cr != NULL);

  document = make_document (report);
  sam_document_paginate (document, cr, width, height);
  sam_document_draw_page (document, cr, page);
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
  g_autoptr(SamDocument) document = NULL;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  document = make_document (report);
  return sam_document_write_pdf (document, path, error);
}
