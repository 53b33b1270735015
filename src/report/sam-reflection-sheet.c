/* sam-reflection-sheet.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-reflection-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-reflection.h"
#include "sam-reflection-sheet.h"

/* Lines to write on under each question: room for a few sentences. */
#define N_LINES 7

/* A question and its room to write, on one page. */
static void
add_question (SamDocument                *document,
              const SamMeetingReflection *question)
{
  g_autofree char *numbered = g_strdup_printf ("%u. %s", question->number, question->text);

  sam_document_add_text (document, SAM_DOCUMENT_BODY, numbered);
  sam_document_add_lines (document, N_LINES);
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
  g_autoptr(SamDocument) document = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  document = sam_document_new (SAM_DOCUMENT_A4, _("Sheet for meeting notes"));
  sam_document_set_page_numbers (document, TRUE);
  sam_document_add_text (document, SAM_DOCUMENT_TITLE, _("Sheet for meeting notes"));
  sam_document_add_text (document, SAM_DOCUMENT_DIM,
                         _("The reflection questions of the cluster meeting, block by block, with "
                           "room for your notes. Prepare before the meeting, and use the sheet in "
                           "the group work."));

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, i);

      /* A block's heading goes with its first question and the room to answer it. */
      sam_document_begin_keep (document);
      if (group->part != NULL)
        sam_document_add_text (document, SAM_DOCUMENT_OVERLINE, group->part->title);
      sam_document_add_text (document, SAM_DOCUMENT_SECTION, group->title);
      if (group->note != NULL)
        sam_document_add_text (document, SAM_DOCUMENT_DIM, group->note);
      for (guint j = 0; j < group->questions->len; j++)
        {
          /* Each further question with its room a group of its own. */
          if (j > 0)
            {
              sam_document_end_keep (document);
              sam_document_begin_keep (document);
            }
          add_question (document, g_ptr_array_index (group->questions, j));
        }
      sam_document_end_keep (document);
    }
  return sam_document_write_pdf (document, path, error);
}
