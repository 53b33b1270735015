/* test-files-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-application.h"
#include "sam-import-dialog.h"
#include "sam-window.h"
#include "test-gui-common.h"

/* Files in and out through the window: the import preview, import, undo, export and the
 * national reference. (The file chooser is the platform's; these start after it.) */

static char *tmpdir;

static SamWindow *
open_window (SamApplication *app)
{
  g_autoptr(GError) error = NULL;

  test_unique_application_id (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  return SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "survey", name, NULL);

  return g_file_new_for_path (path);
}

static guint
count_respondents (SamWindow *window)
{
  SamStoreSummary summary = { 0 };

  g_assert_true (sam_store_get_summary (sam_context_get_store (sam_window_get_context (window)), &summary, NULL));
  return summary.n_respondents;
}

static const char *
row_subtitle (GtkWindow  *dialog,
              const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                      SAM_TYPE_IMPORT_DIALOG,
                                                                                      name)));
}

static void
test_import_preview_and_undo (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "import", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  g_autoptr(GFile) file = fixture_file ("excel-da.csv");
  GtkWindow *dialog;
  GtkEditable *cluster, *round;

  dialog = sam_window_open_survey (window, file);
  g_assert_true (SAM_IS_IMPORT_DIALOG (dialog));
  test_spin (10);

  /* The preview: what the file adds, before anything is stored. */
  g_assert_cmpstr (row_subtitle (dialog, "respondents_row"), ==,
                   "2 doctors in a partnership, 1 solo doctor, 1 member of staff");
  g_assert_cmpstr (row_subtitle (dialog, "answers_row"), ==, "25");
  g_assert_cmpstr (row_subtitle (dialog, "clinics_row"), ==, "Klinik 1, Klinik 2");
  g_assert_cmpstr (row_subtitle (dialog, "ignored_row"), ==, "Tidsstempel, Kommentar");
  g_assert_cmpuint (count_respondents (window), ==, 0);

  /* A new database: the cluster and the round must be named first. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  cluster = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_IMPORT_DIALOG, "cluster_row"));
  round = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_IMPORT_DIALOG, "round_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (round)));
  gtk_editable_set_text (cluster, "Klynge Syd");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  gtk_editable_set_text (round, "Baseline 2026");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));

  test_respond (ADW_MESSAGE_DIALOG (dialog), "import");
  g_assert_cmpuint (count_respondents (window), ==, 4);

  /* The toast's Undo takes it all back. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-import", NULL);
  test_spin (5);
  g_assert_cmpuint (count_respondents (window), ==, 0);

  test_destroy_windows ();
}

static void
test_errors_shown (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "errors", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  g_autoptr(GFile) file = fixture_file ("bad-answer.csv");
  GtkWindow *dialog;
  GtkLabel *errors;

  dialog = sam_window_open_survey (window, file);
  test_spin (10);
  g_assert_true (sam_import_dialog_has_errors (SAM_IMPORT_DIALOG (dialog)));
  errors = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_IMPORT_DIALOG, "errors_label"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (errors)));
  g_assert_nonnull (strstr (gtk_label_get_text (errors), "bad-answer.csv:4:q7c: \"Enig\" is not an answer to this item"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (count_respondents (window), ==, 0);

  test_destroy_windows ();
}

static void
test_export_and_reference (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  SamWindow *window = open_window (app);
  g_autofree char *out_path = g_build_filename (tmpdir, "results.csv", NULL);
  g_autofree char *ref_path = g_build_filename (tmpdir, "reference.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) ref = g_file_new_for_path (ref_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n_rows = 0;

  test_write_file (ref_path, "round,scope,item,n,mean,favourable,distribution,suppressed\n"
                             "Baseline 2025,national,q8,1800,61.0,44.0,10.0|34.0|40.0|12.0|4.0,0\n", -1);
  g_assert_true (sam_window_import_reference (window, ref, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);

  g_assert_true (sam_window_export_results (window, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n"));
  g_assert_nonnull (strstr (contents, "Opfølgning 2026,Demoklyngen,cluster,Demoklyngen,q7a,"));
  g_assert_nonnull (strstr (contents, "Baseline 2025,,national,national,q8,1800,61.0,44.0,10.0|34.0|40.0|12.0|4.0,0\n"));

  test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/files/import-preview-and-undo", test_import_preview_and_undo);
  g_test_add_func ("/files/errors-shown", test_errors_shown);
  g_test_add_func ("/files/export-and-reference", test_export_and_reference);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
