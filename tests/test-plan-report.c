/* test-plan-report.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>

#include "sam-plan-report.h"
#include "test-common.h"
#include "test-pdf.h"

static SamPlanAction *
action (const char    *what,
        const char    *item,
        const char    *domain,
        const char    *who,
        const char    *due,
        SamPlanStatus  status,
        const char    *notes)
{
  SamPlanAction *a = sam_plan_action_new ();

  a->what = g_strdup (what);
  a->item = g_strdup (item);
  a->domain = g_strdup (domain);
  g_free (a->who);
  a->who = g_strdup (who);
  a->due = g_strdup (due);
  a->status = status;
  g_free (a->notes);
  a->notes = g_strdup (notes);
  return a;
}

/* The plan as a PDF holds the clinic, the follow-up and every action with its facts. */
static void
test_pdf (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_plan_action_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SamPlanFollowUp follow_up = { 1, (char *) "2026-11-10", (char *) "2027-05-10" };
  GDate today;
  SamPlanReport report = { "Lægerne i Byen", "Klynge Syd", actions, &follow_up, &today };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 2, 2027);
  g_ptr_array_add (actions, action ("Kort morgenmøde", NULL, "C", "Sekretærerne", "2027-01-01",
                                    SAM_PLAN_STATUS_IN_PROGRESS, "Højst ti minutter"));
  g_ptr_array_add (actions, action ("Fælles frokost om fredagen", "q7h", NULL, "", NULL,
                                    SAM_PLAN_STATUS_DONE, ""));
  g_assert_true (sam_plan_report_write_pdf (&report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  text = test_pdf_text_flat (path);
  if (text == NULL)
    {
      g_test_message ("pdftotext is missing: the text is not checked");
      test_rm_rf (dir);
      return;
    }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Implementation plan"));
  g_assert_nonnull (strstr (text, "Lægerne i Byen, Klynge Syd"));
  g_assert_nonnull (strstr (text, "Printed 1 February 2027"));
  g_assert_nonnull (strstr (text, "Follow-up: 10 May 2027 (the meeting was on 10 November 2026)"));
  g_assert_nonnull (strstr (text, "1. Kort morgenmøde"));
  g_assert_nonnull (strstr (text, "Status: In progress · Who: Sekretærerne · By: 1 January 2027 (overdue)"));
  g_assert_nonnull (strstr (text, "Notes: Højst ti minutter"));
  g_assert_nonnull (strstr (text, "2. Fælles frokost om fredagen"));
  g_assert_nonnull (strstr (text, "Status: Done"));
  g_assert_nonnull (strstr (text, "Why: q7h:"));
  test_rm_rf (dir);
}

/* A long plan runs onto more pages, and no action is lost at a page break. */
static void
test_pages (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_plan_action_free);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  SamPlanReport report = { "Klinik 1", NULL, actions, NULL, NULL };
  guint n_pages;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *what = g_strdup_printf ("Handling nummer %u", i + 1);

      g_ptr_array_add (actions, action (what, "q1", NULL, "Anne", "2027-03-01", SAM_PLAN_STATUS_PLANNED,
                                        "En længere note, der fylder en hel linje eller to på papiret, "
                                        "så siderne bliver fyldt op."));
    }
  surface = cairo_pdf_surface_create (path, SAM_PLAN_REPORT_WIDTH, SAM_PLAN_REPORT_HEIGHT);
  cr = cairo_create (surface);
  n_pages = sam_plan_report_count_pages (&report, cr, SAM_PLAN_REPORT_WIDTH, SAM_PLAN_REPORT_HEIGHT);
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (n_pages, <, 20);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (sam_plan_report_write_pdf (&report, path, NULL));
  text = test_pdf_text (path);
  if (text != NULL)
    {
      for (guint i = 0; i < 40; i++)
        {
          g_autofree char *what = g_strdup_printf ("%u. Handling nummer %u\n", i + 1, i + 1);

          g_assert_nonnull (strstr (text, what));
        }
      /* One form feed per page. */
      {
        g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

        g_assert_cmpuint (g_strv_length (pages) - 1, ==, n_pages);
      }
    }
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-report/pdf", test_pdf);
  g_test_add_func ("/plan-report/pages", test_pages);

  return g_test_run ();
}
