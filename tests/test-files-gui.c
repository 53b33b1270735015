/* test-files-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-application.h"
#include "sam-import-dialog.h"
#include "sam-import-dialog-private.h"
#include "sam-results-page.h"
#include "sam-results-page-private.h"
#include "sam-welcome-page.h"
#include "sam-welcome-page-private.h"
#include "sam-window.h"
#include "test-gui-common.h"
#include "test-window-common.h"

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
  test_wait_for_reading (dialog);

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

  /* Stored in a worker on a connection of its own; the window's pages hear of it. */
  g_assert_true (sam_welcome_page_is_empty (SAM_WELCOME_PAGE (sam_window_get_section_page (window, "overview"))));
  test_respond (ADW_MESSAGE_DIALOG (dialog), "import");
  g_assert_cmpuint (count_respondents (window), ==, 4);
  test_spin (5);
  g_assert_false (sam_welcome_page_is_empty (SAM_WELCOME_PAGE (sam_window_get_section_page (window, "overview"))));

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
  GtkWidget *errors;
  GtkLabel *first;

  dialog = sam_window_open_survey (window, file);
  test_wait_for_reading (dialog);
  g_assert_true (sam_import_dialog_has_errors (SAM_IMPORT_DIALOG (dialog)));
  /* The errors are a list, a row each. */
  errors = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_IMPORT_DIALOG, "errors_list"));
  g_assert_true (gtk_widget_get_mapped (errors));
  first = GTK_LABEL (test_find_widget (errors, GTK_TYPE_LABEL));
  g_assert_nonnull (strstr (gtk_label_get_text (first), "bad-answer.csv:4:q7c: \"Enig\" is not an answer to this item"));
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
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  guint n_rows = 0;

  test_write_file (ref_path, "round,scope,item,n,mean,favourable,distribution,suppressed\n"
                             "Baseline 2025,national,q8,1800,61.0,44.0,10.0|34.0|40.0|12.0|4.0,0\n", -1);
  /* The demo has national figures for both rounds: the file would replace Baseline 2025's,
   * so nothing is kept until the question is answered. */
  g_assert_true (sam_window_import_reference (window, ref, &n_rows, &replaced, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (replaced->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (replaced, 0), ==, "Baseline 2025");
  left_out = test_export_results (window, out, &error);
  g_assert_no_error (error);
  g_clear_pointer (&left_out, g_ptr_array_unref);
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Baseline 2025,,national,national,q8,1800,"));
  g_clear_pointer (&contents, g_free);
  /* Answered "Replace": kept. */
  g_assert_true (sam_window_import_reference (window, ref, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);

  /* The demo's newest round is open: left out, and named. */
  left_out = test_export_results (window, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left_out->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (left_out, 0), ==, "Opfølgning 2026");
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n"));
  g_assert_null (strstr (contents, "Opfølgning 2026,"));
  g_assert_nonnull (strstr (contents, "Baseline 2025,Demoklyngen,cluster,Demoklyngen,q7a,"));
  g_assert_nonnull (strstr (contents, "Baseline 2025,,national,national,q8,1800,61.0,44.0,10.0|34.0|40.0|12.0|4.0,0\n"));

  test_destroy_windows ();
}

static void
on_closed (gboolean  closed,
           gint64    round_id,
           gpointer  user_data)
{
  *(gboolean *) user_data = closed;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The Results page computes its figures in a worker thread. */
static gboolean
results_loaded (gpointer page)
{
  return !sam_results_page_is_loading (page);
}

static gint64
newest_round (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  return ((SamRound *) g_ptr_array_index (rounds, 0))->id;
}

/* A clinic sends its tallies (after being told what they reveal); the coordinator takes
 * them in; the cluster's figures go back. */
static void
test_cluster_files (void)
{
  g_autoptr(SamApplication) clinic_app = sam_application_new (NULL, TRUE);
  SamWindow *clinic = open_window (clinic_app);
  SamStore *store = sam_context_get_store (sam_window_get_context (clinic));
  g_autofree char *tallies_path = g_build_filename (tmpdir, "tallies.json", NULL);
  g_autofree char *figures_path = g_build_filename (tmpdir, "figures.json", NULL);
  g_autofree char *coordinator_db = g_build_filename (tmpdir, "coordinator", "samarbejde.db", NULL);
  g_autoptr(GFile) tallies = g_file_new_for_path (tallies_path);
  g_autoptr(GFile) figures = g_file_new_for_path (figures_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(SamApplication) coordinator_app = NULL;
  SamClusterFileResult result;
  gint64 round = newest_round (store);
  GtkWindow *question;
  SamWindow *coordinator;
  SamStoreSummary summary = { 0 };
  gboolean closed = FALSE;
  guint n;

  /* Without knowing its clinic, the computer has nothing to send. */
  question = sam_window_ask_export_tallies (clinic, round);
  g_assert_null (question);
  test_spin (5);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==, "Which Clinic Is This?");
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "close");

  /* Klinik 4 is a solo practice: fewer than 3 answered, so the question warns plainly. */
  clinics = sam_store_list_clinics (store, NULL);
  for (guint i = 0; i < clinics->len; i++)
    if (g_str_equal (((SamClinic *) g_ptr_array_index (clinics, i))->code, "Klinik 4"))
      g_assert_true (sam_store_set_own_clinic (store, ((SamClinic *) g_ptr_array_index (clinics, i))->id, NULL));
  n = sam_cluster_file_count_respondents (store, round, sam_store_get_own_clinic (store));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 3);
  question = sam_window_ask_export_tallies (clinic, round);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), "so the coordinator can"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (question), "confirm"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  test_respond (ADW_MESSAGE_DIALOG (question), "cancel");

  g_assert_true (test_write_cluster_file (clinic, FALSE, round, tallies, &error));
  g_assert_no_error (error);

  /* The cluster's figures go out once the round is closed: the window asks first. */
  g_assert_false (test_write_cluster_file (clinic, TRUE, round, figures, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  question = sam_window_ask_close_round (clinic, round, on_closed, &closed);
  g_assert_nonnull (question);
  test_respond (ADW_MESSAGE_DIALOG (question), "confirm");
  test_spin (5);
  g_assert_true (closed);
  g_assert_true (test_write_cluster_file (clinic, TRUE, round, figures, &error));
  g_assert_no_error (error);
  test_destroy_windows ();

  /* The coordinator takes the clinic's file in, once. */
  coordinator_app = sam_application_new (coordinator_db, FALSE);
  coordinator = open_window (coordinator_app);
  g_assert_true (sam_window_import_cluster_file (coordinator, tallies, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SAM_CLUSTER_FILE_ADDED);
  g_assert_true (sam_window_import_cluster_file (coordinator, tallies, TRUE, &result, &error));
  g_assert_cmpint (result, ==, SAM_CLUSTER_FILE_ALREADY);
  g_assert_true (sam_store_get_summary (sam_context_get_store (sam_window_get_context (coordinator)), &summary, NULL));
  g_assert_cmpuint (summary.n_clinics, ==, 1);
  g_assert_cmpuint (summary.n_respondents, ==, 0);

  /* The cluster's figures come back to the clinic's computer, which has only its own
   * tallies here: the Results page shows the cluster and its clinics from the file, and
   * says where they came from. */
  g_assert_true (sam_window_import_cluster_file (coordinator, figures, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SAM_CLUSTER_FILE_ADDED);
  {
    GtkWindow *holder = GTK_WINDOW (gtk_window_new ());
    SamResultsPage *page = sam_results_page_new (sam_window_get_context (coordinator));
    GtkWidget *overview;

    gtk_window_set_default_size (holder, 1100, 800);
    gtk_window_set_child (holder, GTK_WIDGET (page));
    gtk_window_present (holder);
    test_spin_until (results_loaded, page);
    test_spin (20);
    g_assert_false (sam_results_page_is_loading (page));
    g_assert_true (sam_results_page_has_results (page));
    overview = sam_results_page_get_page_box (page, "overview");
    g_assert_true (has_label (overview, "Demoklyngen, Opfølgning 2026: 12 clinics"));
    g_assert_true (has_label (overview, "from “figures.json”"));
    gtk_window_destroy (holder);
  }

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
  g_test_add_func ("/files/cluster-files", test_cluster_files);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
