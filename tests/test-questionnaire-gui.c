/* test-questionnaire-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sam-application.h"
#include "sam-questionnaire-view.h"
#include "sam-store-private.h"
#include "sam-window.h"
#include "test-gui-common.h"

/* Answering on the clinic's computer, through the window: each role, skipping, not
 * applicable, the review and a change from it, submitting, resuming after the window was
 * destroyed mid-way, and leaving. The database is checked after each. */

static char *tmpdir;

typedef struct
{
  SamApplication       *app;
  SamWindow            *window;
  SamQuestionnaireView *view;
  SamStore             *store;
} Session;

static void
open_session (Session    *session,
              const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, "samarbejde.db", NULL);
  g_autoptr(GError) error = NULL;

  session->app = sam_application_new (path, FALSE);
  test_unique_application_id (G_APPLICATION (session->app));
  g_application_register (G_APPLICATION (session->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (session->app));
  test_spin (20);
  session->window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (session->app)));
  session->store = sam_context_get_store (sam_window_get_context (session->window));
  session->view = SAM_QUESTIONNAIRE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (session->window),
                                                                         SAM_TYPE_WINDOW, "questionnaire_view"));
  sam_window_show_section (session->window, "questionnaire");
}

static void
close_session (Session *session)
{
  test_destroy_windows ();
  g_clear_object (&session->app);
}

static void
make_round (SamStore *store)
{
  gint64 cluster, round;

  if (sam_store_find_round (store, 1, "R1", NULL, NULL))
    return;
  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, NULL));
  g_assert_true (sam_store_create_round (store, cluster, "R1", "2026-03-01", &round, NULL));
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_sam_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
start (Session    *session,
       SamRole     role)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sam_questionnaire_view_get_state (session->view), ==, "start");
  g_assert_true (sam_questionnaire_view_start (session->view, "Klinik 1", role, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sam_questionnaire_view_get_state (session->view), ==, "question");
}

static guint
page (Session *session)
{
  return sam_questionnaire_get_page (sam_questionnaire_view_get_questionnaire (session->view));
}

static void
test_partner_whole_flow (void)
{
  Session session = { 0 };
  SamQuestionnaire *q;
  guint n_pages;

  open_session (&session, "partner");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "closed");
  make_round (session.store);
  test_spin (5);
  start (&session, SAM_ROLE_PARTNER);
  q = sam_questionnaire_view_get_questionnaire (session.view);
  n_pages = sam_questionnaire_get_n_pages (q);
  g_assert_cmpuint (n_pages, ==, 10);

  /* Question 1, then question 2 with four items; one left out. */
  g_assert_true (sam_questionnaire_view_choose (session.view, "q1", 2));
  g_assert_false (sam_questionnaire_view_choose (session.view, "q2a", 1));
  sam_questionnaire_view_next (session.view);
  g_assert_cmpuint (page (&session), ==, 1);
  g_assert_true (sam_questionnaire_view_choose (session.view, "q2a", 1));
  g_assert_true (sam_questionnaire_view_choose (session.view, "q2c", 3));
  /* Choosing again changes the answer, as radio buttons do. */
  g_assert_true (sam_questionnaire_view_choose (session.view, "q2c", 4));
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (sam_instrument_get_default (), "q2c")), ==, 4);

  /* On to question 10, where not applicable is an answer. */
  while (page (&session) < n_pages - 1)
    sam_questionnaire_view_next (session.view);
  g_assert_true (sam_questionnaire_view_choose (session.view, "q10b", SAM_ANSWER_NOT_APPLICABLE));
  g_assert_false (sam_questionnaire_view_choose (session.view, "q8", SAM_ANSWER_NOT_APPLICABLE));

  /* The review, and a change from it. */
  sam_questionnaire_view_next (session.view);
  g_assert_cmpuint (page (&session), ==, n_pages);
  sam_questionnaire_view_go_to (session.view, 0);
  g_assert_true (sam_questionnaire_view_choose (session.view, "q1", 5));
  sam_questionnaire_view_go_to (session.view, n_pages);

  /* Nothing is a respondent until submitted; the draft holds it meanwhile. */
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM respondents"), ==, 0);
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM drafts"), ==, 1);

  sam_questionnaire_view_next (session.view);
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "thanks");
  g_assert_null (sam_questionnaire_view_get_questionnaire (session.view));
  /* Handing over comes next: the focus is on it, not on the window's menu. */
  test_spin (5);
  /* The window's focus, whether or not the window is the active one under a busy test run. */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (session.view))) ==
                 test_find_button (GTK_WIDGET (session.view), "_Next Colleague"));
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM respondents WHERE role = 'partner'"), ==, 1);
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM answers"), ==, 4);
  g_assert_cmpint (query (session.store, "SELECT code FROM answers WHERE item = 'q1'"), ==, 5);
  g_assert_cmpint (query (session.store, "SELECT code FROM answers WHERE item = 'q2c'"), ==, 4);
  g_assert_cmpint (query (session.store, "SELECT code FROM answers WHERE item = 'q10b'"), ==, 9);
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM drafts"), ==, 0);

  /* Next colleague: the start page again, with the clinic kept. */
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (session.view), SAM_TYPE_QUESTIONNAIRE_VIEW,
                                                        "next_colleague_button"), "clicked");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "start");

  close_session (&session);
}

/* A solo doctor gets 8 pages and never question 3; staff get 3 pages, q5d with n/a. */
static void
test_roles (void)
{
  Session session = { 0 };
  SamInstrument *instrument = sam_instrument_get_default ();
  SamQuestionnaire *q;

  open_session (&session, "roles");
  make_round (session.store);
  test_spin (5);

  start (&session, SAM_ROLE_SOLO);
  q = sam_questionnaire_view_get_questionnaire (session.view);
  g_assert_cmpuint (sam_questionnaire_get_n_pages (q), ==, 8);
  for (guint p = 0; p < 8; p++)
    g_assert_cmpint (sam_questionnaire_get_question (q, p)->number, !=, 3);
  sam_questionnaire_view_next (session.view);
  g_assert_false (sam_questionnaire_view_choose (session.view, "q3", 1));
  g_assert_true (sam_questionnaire_view_ask_leave (session.view) != NULL);
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "start");

  start (&session, SAM_ROLE_STAFF);
  q = sam_questionnaire_view_get_questionnaire (session.view);
  g_assert_cmpuint (sam_questionnaire_get_n_pages (q), ==, 3);
  g_assert_false (sam_questionnaire_view_choose (session.view, "q1", 1));
  g_assert_true (sam_questionnaire_view_choose (session.view, "q5d", SAM_ANSWER_NOT_APPLICABLE));
  g_assert_true (sam_questionnaire_view_choose (session.view, "q5a", 6));
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (instrument, "q5a")), ==, 6);

  close_session (&session);
}

static GtkWidget *
find_button_in (GtkWidget  *widget,
                const char *label)
{
  return test_find_button (widget, label);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window destroyed mid-way: the answers wait, are offered again, and go on. */
static void
test_resume (void)
{
  Session session = { 0 };
  SamInstrument *instrument = sam_instrument_get_default ();
  GtkWidget *resume_list, *resume;
  SamQuestionnaire *q;

  open_session (&session, "resume");
  make_round (session.store);
  test_spin (5);
  start (&session, SAM_ROLE_STAFF);
  g_assert_true (sam_questionnaire_view_choose (session.view, "q5a", 2));
  sam_questionnaire_view_next (session.view);
  g_assert_true (sam_questionnaire_view_choose (session.view, "q6b", 1));
  close_session (&session);

  open_session (&session, "resume");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "start");
  resume_list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (session.view), SAM_TYPE_QUESTIONNAIRE_VIEW,
                                                           "resume_list"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (resume_list))) ||
                 gtk_widget_get_mapped (resume_list));
  resume = find_button_in (resume_list, "_Resume");
  g_assert_nonnull (resume);
  g_signal_emit_by_name (resume, "clicked");

  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "question");
  q = sam_questionnaire_view_get_questionnaire (session.view);
  g_assert_cmpuint (sam_questionnaire_get_page (q), ==, 1);
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (instrument, "q5a")), ==, 2);
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (instrument, "q6b")), ==, 1);

  /* Leaving keeps the draft; discarding asks first, then deletes it. */
  sam_questionnaire_view_ask_leave (session.view);
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM drafts"), ==, 1);
  g_signal_emit_by_name (find_named (resume_list, "discard"), "clicked");
  test_spin (5);
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "cancel");
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM drafts"), ==, 1);
  g_signal_emit_by_name (find_named (resume_list, "discard"), "clicked");
  test_spin (5);
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM drafts"), ==, 0);
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM respondents"), ==, 0);
  close_session (&session);
}

static gboolean
press (SamQuestionnaireView *view,
       guint                 keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

/* Number keys answer the first open item, Enter goes on, Escape asks whether to leave. */
static void
test_keyboard (void)
{
  Session session = { 0 };
  SamInstrument *instrument = sam_instrument_get_default ();
  SamQuestionnaire *q;

  open_session (&session, "keys");
  make_round (session.store);
  test_spin (5);
  start (&session, SAM_ROLE_STAFF);
  q = sam_questionnaire_view_get_questionnaire (session.view);

  g_assert_true (press (session.view, GDK_KEY_2));
  /* The keyboard moves on to the next open item, and the focus brings it into view. */
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (session.view)));
    const SamItem *focused = NULL;

    for (GtkWidget *w = focus; w != NULL && focused == NULL; w = gtk_widget_get_parent (w))
      focused = g_object_get_data (G_OBJECT (w), "item");
    g_assert_nonnull (focused);
    g_assert_cmpstr (focused->id, ==, "q5b");
  }
  g_assert_true (press (session.view, GDK_KEY_KP_4));
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (instrument, "q5a")), ==, 2);
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (instrument, "q5b")), ==, 4);
  /* 9 is not applicable, which q5c does not allow: nothing happens. */
  g_assert_false (press (session.view, GDK_KEY_9));
  g_assert_cmpint (sam_questionnaire_get_answer (q, sam_instrument_lookup_item (instrument, "q5c")), ==, 0);

  g_assert_true (press (session.view, GDK_KEY_Return));
  g_assert_cmpuint (page (&session), ==, 1);

  /* On the review, Enter does not submit: that takes the button. */
  sam_questionnaire_view_go_to (session.view, sam_questionnaire_get_n_pages (q));
  g_assert_false (press (session.view, GDK_KEY_Return));
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "question");
  sam_questionnaire_view_go_to (session.view, 1);

  g_assert_true (press (session.view, GDK_KEY_Escape));
  test_spin (5);
  g_assert_nonnull (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "cancel");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "question");

  close_session (&session);
}

/* The clinics taking part in a round, and how many each invited. */
static void
test_round_clinics (void)
{
  Session session = { 0 };
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  GtkWindow *dialog;
  gint64 round_id;

  open_session (&session, "clinics");
  make_round (session.store);
  rounds = sam_store_list_rounds (session.store, NULL);
  round_id = ((SamRound *) g_ptr_array_index (rounds, 0))->id;

  g_action_group_activate_action (G_ACTION_GROUP (session.window), "round-clinics", g_variant_new_int64 (round_id));
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  /* Add a clinic by its code; it takes part from then on. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "Klinik 7");
  test_respond (ADW_MESSAGE_DIALOG (dialog), "save");

  clinics = sam_store_list_round_clinics (session.store, round_id, NULL);
  g_assert_cmpuint (clinics->len, ==, 1);
  g_assert_cmpstr (((SamRoundClinic *) g_ptr_array_index (clinics, 0))->code, ==, "Klinik 7");
  g_assert_true (((SamRoundClinic *) g_ptr_array_index (clinics, 0))->taking_part);

  /* Then how many it invited. */
  g_action_group_activate_action (G_ACTION_GROUP (session.window), "round-clinics", g_variant_new_int64 (round_id));
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON)), 8);
  test_respond (ADW_MESSAGE_DIALOG (dialog), "save");
  g_clear_pointer (&rounds, g_ptr_array_unref);
  rounds = sam_store_list_rounds (session.store, NULL);
  g_assert_cmpuint (((SamRound *) g_ptr_array_index (rounds, 0))->n_invited, ==, 8);

  close_session (&session);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/questionnaire-gui/partner-whole-flow", test_partner_whole_flow);
  g_test_add_func ("/questionnaire-gui/roles", test_roles);
  g_test_add_func ("/questionnaire-gui/resume", test_resume);
  g_test_add_func ("/questionnaire-gui/round-clinics", test_round_clinics);
  g_test_add_func ("/questionnaire-gui/keyboard", test_keyboard);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
