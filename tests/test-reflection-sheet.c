/* test-reflection-sheet.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-reflection-sheet.h"
#include "sam-reflection.h"
#include "test-common.h"
#include "test-pdf.h"

/* The sheet for meeting notes holds every block's title, who answers which, and every
 * reflection question of the package, with room to write. */
static void
test_sheet (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) questions = sam_reflection_list_questions (NULL, SAM_ROLE_PARTNER);
  GPtrArray *groups = sam_reflection_list_groups ();

  g_assert_true (sam_reflection_sheet_write_pdf (path, &error));
  g_assert_no_error (error);
  text = test_pdf_text_flat (path);
  if (text == NULL)
    {
      test_rm_rf (dir);
      return;
    }
  g_assert_nonnull (strstr (text, "Sheet for meeting notes"));
  for (guint i = 0; i < groups->len; i++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, i);

      g_assert_nonnull (strstr (text, group->title));
      g_assert_nonnull (strstr (text, group->part->title));
      if (group->note != NULL)
        g_assert_nonnull (strstr (text, group->note));
    }
  g_assert_cmpuint (questions->len, ==, 8);
  for (guint i = 0; i < questions->len; i++)
    {
      const SamMeetingReflection *question = g_ptr_array_index (questions, i);
      g_autofree char *numbered = g_strdup_printf ("%u. %s", question->number, question->text);

      g_assert_nonnull (strstr (text, numbered));
    }
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reflection-sheet/pdf", test_sheet);

  return g_test_run ();
}
