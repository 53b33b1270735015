/* test-rounds-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-application.h"
#include "sam-welcome-page.h"
#include "sam-window.h"
#include "test-gui-common.h"

/* A round after it was created, through the window: renamed, closed and reopened, and
 * deleted only after a question that says how much goes with it. */

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

static SamRound *
get_round (SamStore *store,
           gint64    round_id)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  g_assert_nonnull (rounds);
  for (guint i = 0; i < rounds->len; i++)
    if (((SamRound *) g_ptr_array_index (rounds, i))->id == round_id)
      return g_ptr_array_steal_index (rounds, i);
  return NULL;
}

static guint
count_rounds (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  g_assert_nonnull (rounds);
  return rounds->len;
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      if (section != NULL)
        collect_menu_actions (section, actions);
    }
}

/* The actions every menu button under @widget offers, as the Overview's round rows do. */
static void
collect_actions (GtkWidget *widget,
                 GPtrArray *actions)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), actions);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_actions (child, actions);
}

static gboolean
overview_offers (SamWindow  *window,
                 const char *action)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *page = GTK_WIDGET (sam_window_get_section_page (window, "overview"));

  g_assert_true (SAM_IS_WELCOME_PAGE (page));
  collect_actions (page, actions);
  for (guint i = 0; i < actions->len; i++)
    if (g_str_equal (g_ptr_array_index (actions, i), action))
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_alert (void)
{
  GtkWindow *alert = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (alert);
  return ADW_MESSAGE_DIALOG (alert);
}

static gint64
round_cluster (SamStore *store,
               gint64    round_id)
{
  g_autoptr(SamRound) round = sam_store_get_round (store, round_id, NULL);

  return round->cluster_id;
}

static void
test_rename_close_delete (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "rounds", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  SamStore *store = sam_context_get_store (sam_window_get_context (window));
  const SamAnswer answers[] = { { "q1", 2 }, { "q8", 1 }, { "q10a", SAM_ANSWER_NOT_APPLICABLE } };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRound) round = NULL;
  SamStoreSummary summary = { 0 };
  gint64 cluster, clinic, baseline, follow_up;
  GtkWindow *dialog;
  GtkEditable *entry;
  const char *body;

  g_assert_true (sam_store_ensure_cluster (store, "Klynge Syd", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, &error));
  g_assert_true (sam_store_create_round (store, cluster, "Baseline 2026", "2026-03-01", &baseline, &error));
  g_assert_true (sam_store_create_round (store, cluster, "Follow-up 2026", "2026-09-01", &follow_up, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_add_respondent (store, baseline, clinic, SAM_ROLE_SOLO, answers,
                                           G_N_ELEMENTS (answers), NULL, &error));
  g_assert_no_error (error);
  test_spin (5);

  /* Every round's menu offers the round's own actions, and all of them are on. */
  g_assert_true (overview_offers (window, "win.rename-round"));
  g_assert_true (overview_offers (window, "win.close-round"));
  g_assert_false (overview_offers (window, "win.reopen-round"));
  g_assert_true (overview_offers (window, "win.delete-round"));
  g_assert_true (overview_offers (window, "win.export-figures"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "rename-round"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "delete-round"));

  /* Rename: the old name is offered, and neither it nor an empty one can be taken. */
  dialog = sam_window_ask_rename_round (window, baseline);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  test_spin (5);
  entry = GTK_EDITABLE (test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Baseline 2026");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  gtk_editable_set_text (entry, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  /* Nor one a spreadsheet would run as a formula: said why, as it is typed. */
  gtk_editable_set_text (entry, " =1+1");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "“ =1+1” cannot be a name"));
  gtk_editable_set_text (entry, "Baseline 2026 (pilot)");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "");
  test_respond (ADW_MESSAGE_DIALOG (dialog), "rename");
  round = get_round (store, baseline);
  g_assert_cmpstr (round->label, ==, "Baseline 2026 (pilot)");
  g_clear_pointer (&round, sam_round_free);

  /* A name the cluster already has is refused, said so, and the old one stays. */
  dialog = sam_window_ask_rename_round (window, baseline);
  test_spin (5);
  entry = GTK_EDITABLE (test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (entry, "Follow-up 2026");
  test_respond (ADW_MESSAGE_DIALOG (dialog), "rename");
  test_spin (5);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_alert ()), ==, "The Round Was Not Renamed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_alert ()), "Follow-up 2026"));
  test_respond (find_alert (), "close");
  round = get_round (store, baseline);
  g_assert_cmpstr (round->label, ==, "Baseline 2026 (pilot)");
  g_clear_pointer (&round, sam_round_free);

  /* Cancelling changes nothing. */
  dialog = sam_window_ask_rename_round (window, baseline);
  test_spin (5);
  entry = GTK_EDITABLE (test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (entry, "Something Else");
  test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  round = get_round (store, baseline);
  g_assert_cmpstr (round->label, ==, "Baseline 2026 (pilot)");
  g_clear_pointer (&round, sam_round_free);

  /* Closing asks first and says what it means; cancelled, the round stays open. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-round", g_variant_new_int64 (baseline));
  test_spin (5);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_alert ()), ==, "Close Round “Baseline 2026 (pilot)”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_alert ()), "shared with the cluster once"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_alert ()), "takes no more answers"));
  test_respond (find_alert (), "cancel");
  round = get_round (store, baseline);
  g_assert_false (round->closed);
  g_clear_pointer (&round, sam_round_free);

  /* A closed round takes no new answers, and its menu offers to reopen it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-round", g_variant_new_int64 (baseline));
  test_spin (5);
  test_respond (find_alert (), "confirm");
  test_spin (5);
  round = get_round (store, baseline);
  g_assert_true (round->closed);
  g_clear_pointer (&round, sam_round_free);
  g_assert_false (sam_store_add_respondent (store, baseline, clinic, SAM_ROLE_STAFF, NULL, 0, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (overview_offers (window, "win.reopen-round"));

  /* Reopened, it takes them again. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "reopen-round", g_variant_new_int64 (baseline));
  test_spin (5);
  round = get_round (store, baseline);
  g_assert_false (round->closed);
  g_clear_pointer (&round, sam_round_free);
  g_assert_true (sam_store_add_respondent (store, baseline, clinic, SAM_ROLE_STAFF, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (overview_offers (window, "win.reopen-round"));

  /* Once its figures are shared, a round stays closed: reopening says why and offers a
   * new round for the late answers instead. */
  {
    gint64 published;

    g_assert_true (sam_store_create_round (store, round_cluster (store, baseline), "Shared 2026", "2026-05-01",
                                           &published, &error));
    g_assert_true (sam_store_set_round_closed (store, published, TRUE, &error));
    g_assert_true (sam_store_publish_round (store, published, 0, TRUE, NULL, &error));
    g_action_group_activate_action (G_ACTION_GROUP (window), "reopen-round", g_variant_new_int64 (published));
    test_spin (5);
    g_assert_cmpstr (adw_message_dialog_get_heading (find_alert ()), ==, "The Round Stays Closed");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (find_alert ()), "new round"));
    test_respond (find_alert (), "cancel");
    round = get_round (store, published);
    g_assert_true (round->closed);
    g_clear_pointer (&round, sam_round_free);
    g_assert_true (sam_store_delete_round (store, published, &error));
  }

  /* An empty round: the question says nobody has answered, and that imports go too. */
  dialog = sam_window_ask_delete_round (window, follow_up);
  g_assert_nonnull (dialog);
  test_spin (5);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete Round “Follow-up 2026”?");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "Nobody has answered in this round"));
  test_respond (ADW_MESSAGE_DIALOG (dialog), "confirm");
  g_assert_null (get_round (store, follow_up));
  g_assert_cmpuint (count_rounds (store), ==, 1);

  /* A round with answers: the question says how many, and cancelling keeps them. */
  dialog = sam_window_ask_delete_round (window, baseline);
  test_spin (5);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "2 respondents (3 answers)"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (count_rounds (store), ==, 1);
  g_assert_true (sam_store_get_summary (store, &summary, NULL));
  g_assert_cmpuint (summary.n_respondents, ==, 2);

  dialog = sam_window_ask_delete_round (window, baseline);
  test_spin (5);
  test_respond (ADW_MESSAGE_DIALOG (dialog), "confirm");
  g_assert_cmpuint (count_rounds (store), ==, 0);
  g_assert_true (sam_store_get_summary (store, &summary, NULL));
  g_assert_cmpuint (summary.n_respondents, ==, 0);
  g_assert_cmpuint (summary.n_answers, ==, 0);

  /* A round that is gone has nothing to ask about. */
  g_assert_null (sam_window_ask_delete_round (window, baseline));
  g_assert_null (sam_window_ask_rename_round (window, baseline));

  test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/rounds/rename-close-delete", test_rename_close_delete);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
