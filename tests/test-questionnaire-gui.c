/* test-questionnaire-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sam-application.h"
#include "sam-questionnaire-view.h"
#include "sam-questionnaire-view-private.h"
#include "sam-store-testing.h"
#include "sam-window.h"
#include "test-gui-common.h"
#include "test-item-codes.h"

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
  session->view = SAM_QUESTIONNAIRE_VIEW (sam_window_get_section_page (session->window, "questionnaire"));
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
  return sam_store_testing_query_int (store, sql);
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

static GtkWidget *
template_child (Session    *session,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (session->view), SAM_TYPE_QUESTIONNAIRE_VIEW, name));
}

static gint64
round_id (Session *session)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (session->store, NULL);

  return ((SamRound *) g_ptr_array_index (rounds, 0))->id;
}

/* Presses a key as the keyboard would, through the key controllers of @widget. */
static gboolean
press_on (GtkWidget *widget,
          guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

static GtkWidget *
find_suffix (GtkWidget *row,
             GType      type)
{
  return test_find_widget (row, type);
}

/* Clinics Taking Part: several new clinics typed in a row, each with Enter, each with its
 * number invited and its kind; the focus stays in the code for the next. */
static void
test_round_clinics_in_a_row (void)
{
  Session session = { 0 };
  g_autoptr(GPtrArray) clinics = NULL;
  GtkWindow *dialog;
  GtkWidget *entry, *list, *focus;
  struct { const char *code; int invited; SamClinicKind kind; } typed[] = {
    { "Klinik 3", 6, SAM_CLINIC_KIND_PARTNERSHIP },
    { "Klinik 4", 2, SAM_CLINIC_KIND_SOLO },
    { "Klinik 5", 0, SAM_CLINIC_KIND_UNKNOWN },
  };

  open_session (&session, "clinics-row");
  make_round (session.store);
  g_action_group_activate_action (G_ACTION_GROUP (session.window), "round-clinics",
                                  g_variant_new_int64 (round_id (&session)));
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = find_named (GTK_WIDGET (dialog), "new-clinic");
  list = find_named (GTK_WIDGET (dialog), "clinics");
  g_assert_nonnull (entry);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), typed[i].code);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_suffix (entry, GTK_TYPE_SPIN_BUTTON)), typed[i].invited);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (find_suffix (entry, GTK_TYPE_DROP_DOWN)), typed[i].kind);
      g_assert_true (press_on (entry, GDK_KEY_Return));
      test_spin (3);
      /* Added to the list, the code empty again, the focus still there, the dialog open. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      {
        g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

        test_collect_rows (list, titles);
        g_assert_cmpuint (titles->len, ==, 2 * (i + 1));
        g_assert_cmpstr (g_ptr_array_index (titles, 2 * i), ==, typed[i].code);
      }
    }
  /* An empty code with Enter adds nothing: the key is the dialog's own again. */
  g_assert_false (press_on (entry, GDK_KEY_Return));
  /* Nothing is stored before Save. */
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM clinics"), ==, 0);
  test_respond (ADW_MESSAGE_DIALOG (dialog), "save");

  clinics = sam_store_list_round_clinics (session.store, round_id (&session), NULL);
  g_assert_cmpuint (clinics->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      SamRoundClinic *clinic = g_ptr_array_index (clinics, i);

      g_assert_cmpstr (clinic->code, ==, typed[i].code);
      g_assert_true (clinic->taking_part);
      g_assert_cmpint (clinic->invited, ==, typed[i].invited > 0 ? typed[i].invited : -1);
      g_assert_cmpint (clinic->kind, ==, typed[i].kind);
    }

  /* The kind of a clinic already there is changed in its row. */
  g_action_group_activate_action (G_ACTION_GROUP (session.window), "round-clinics",
                                  g_variant_new_int64 (round_id (&session)));
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  list = find_named (GTK_WIDGET (dialog), "clinics");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_find_widget (list, GTK_TYPE_DROP_DOWN)), SAM_CLINIC_KIND_SOLO);
  test_respond (ADW_MESSAGE_DIALOG (dialog), "save");
  g_clear_pointer (&clinics, g_ptr_array_unref);
  clinics = sam_store_list_round_clinics (session.store, round_id (&session), NULL);
  g_assert_cmpint (((SamRoundClinic *) g_ptr_array_index (clinics, 0))->kind, ==, SAM_CLINIC_KIND_SOLO);

  close_session (&session);
}

static gboolean
role_offered (Session *session,
              SamRole  role)
{
  g_autofree char *name = g_strconcat ("role-", sam_role_to_string (role), NULL);
  GtkWidget *row = find_named (GTK_WIDGET (session->view), name);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

static void
choose_clinic (Session    *session,
               const char *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (template_child (session, "clinic_choice_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), code))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no clinic %s to choose", code);
}

static void
choose_role (Session *session,
             SamRole  role)
{
  g_autofree char *name = g_strconcat ("role-", sam_role_to_string (role), NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_widget (find_named (GTK_WIDGET (session->view), name),
                                                                   GTK_TYPE_CHECK_BUTTON)), TRUE);
}

/* The roles offered follow what the clinic is. */
static void
test_roles_per_kind (void)
{
  Session session = { 0 };
  gint64 cluster, partnership, solo, unknown;

  open_session (&session, "kinds");
  make_round (session.store);
  cluster = 1;
  g_assert_true (sam_store_ensure_clinic (session.store, cluster, "Klinik 1", NULL, &partnership, NULL));
  g_assert_true (sam_store_ensure_clinic (session.store, cluster, "Klinik 2", NULL, &solo, NULL));
  g_assert_true (sam_store_ensure_clinic (session.store, cluster, "Klinik 3", NULL, &unknown, NULL));
  g_assert_true (sam_store_set_clinic_kind (session.store, partnership, SAM_CLINIC_KIND_PARTNERSHIP, NULL));
  g_assert_true (sam_store_set_clinic_kind (session.store, solo, SAM_CLINIC_KIND_SOLO, NULL));
  test_spin (5);
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "start");

  choose_clinic (&session, "Klinik 1");
  g_assert_true (role_offered (&session, SAM_ROLE_PARTNER));
  g_assert_false (role_offered (&session, SAM_ROLE_SOLO));
  g_assert_true (role_offered (&session, SAM_ROLE_STAFF));

  /* A solo doctor's role chosen, then a partnership chosen: the role is no longer chosen,
   * and nothing can start until one that fits is. */
  choose_clinic (&session, "Klinik 2");
  g_assert_false (role_offered (&session, SAM_ROLE_PARTNER));
  g_assert_true (role_offered (&session, SAM_ROLE_SOLO));
  g_assert_true (role_offered (&session, SAM_ROLE_STAFF));
  choose_role (&session, SAM_ROLE_SOLO);
  g_assert_true (gtk_widget_get_sensitive (template_child (&session, "start_button")));
  choose_clinic (&session, "Klinik 1");
  g_assert_false (gtk_widget_get_sensitive (template_child (&session, "start_button")));

  choose_clinic (&session, "Klinik 3");
  for (SamRole role = 0; role < SAM_N_ROLES; role++)
    g_assert_true (role_offered (&session, role));

  /* Started from the page, as a person would: the questionnaire of the role that fits. */
  choose_clinic (&session, "Klinik 2");
  choose_role (&session, SAM_ROLE_SOLO);
  g_signal_emit_by_name (template_child (&session, "start_button"), "clicked");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "question");
  g_assert_cmpint (sam_questionnaire_get_role (sam_questionnaire_view_get_questionnaire (session.view)), ==,
                   SAM_ROLE_SOLO);
  g_assert_cmpint (sam_questionnaire_get_clinic (sam_questionnaire_view_get_questionnaire (session.view)), ==, solo);

  close_session (&session);
}

/* On a coordinator's computer the clinic is chosen from the round's; a code the cluster
 * does not know asks first, and nothing is made until the answer is yes. */
static void
test_clinic_chooser (void)
{
  Session session = { 0 };
  AdwComboRow *chooser;
  GListModel *model;
  GtkWidget *entry;
  gint64 taking_part, other;

  open_session (&session, "chooser");
  make_round (session.store);
  g_assert_true (sam_store_ensure_clinic (session.store, 1, "Klinik 1", NULL, &taking_part, NULL));
  g_assert_true (sam_store_ensure_clinic (session.store, 1, "Klinik 2", NULL, &other, NULL));
  g_assert_true (sam_store_add_round_clinic (session.store, round_id (&session), taking_part, 4, NULL));
  test_spin (5);
  g_assert_cmpint (sam_store_get_own_clinic (session.store), ==, 0);

  /* The round's clinics (Klinik 2 does not take part), then another. */
  chooser = ADW_COMBO_ROW (template_child (&session, "clinic_choice_row"));
  model = adw_combo_row_get_model (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Klinik 1");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Another Clinic…");
  entry = template_child (&session, "clinic_row");
  g_assert_false (gtk_widget_get_visible (entry));

  /* Another clinic: a code to type. */
  adw_combo_row_set_selected (chooser, 1);
  g_assert_true (gtk_widget_get_visible (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Klinik 9");
  choose_role (&session, SAM_ROLE_STAFF);
  g_signal_emit_by_name (template_child (&session, "start_button"), "clicked");
  test_spin (5);
  /* Asked first; no, and nothing is made. */
  g_assert_nonnull (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==, "Add a New Clinic?");
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "cancel");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "start");
  g_assert_false (sam_store_find_clinic (session.store, 1, "Klinik 9", NULL));

  /* Yes: the clinic joins the cluster and the round, and answering starts there. */
  g_signal_emit_by_name (template_child (&session, "start_button"), "clicked");
  test_spin (5);
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "question");
  {
    gint64 new_id = 0;

    g_assert_true (sam_store_find_clinic (session.store, 1, "Klinik 9", &new_id));
    g_assert_cmpint (sam_questionnaire_get_clinic (sam_questionnaire_view_get_questionnaire (session.view)), ==,
                     new_id);
    g_assert_cmpint (query (session.store, "SELECT count(*) FROM round_clinics rc JOIN clinics c"
                                           " ON c.id = rc.clinic_id WHERE c.code = 'Klinik 9'"), ==, 1);
  }
  sam_questionnaire_view_ask_leave (session.view);
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");

  /* A code the cluster knows starts without a question. */
  adw_combo_row_set_selected (chooser, g_list_model_get_n_items (adw_combo_row_get_model (chooser)) - 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Klinik 2");
  choose_role (&session, SAM_ROLE_STAFF);
  g_signal_emit_by_name (template_child (&session, "start_button"), "clicked");
  test_spin (5);
  g_assert_null (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (sam_questionnaire_view_get_state (session.view), ==, "question");
  g_assert_cmpint (sam_questionnaire_get_clinic (sam_questionnaire_view_get_questionnaire (session.view)), ==, other);

  close_session (&session);
}

static void
collect_group_titles (GtkWidget  *widget,
                      const char *name,
                      GPtrArray  *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (titles, g_strdup (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_group_titles (child, name, titles);
}

/* One numbering, the package's, on the pages and in the review, for every role; the review
 * does not say a question's text twice; no item code anywhere. */
static void
test_numbering (void)
{
  Session session = { 0 };

  open_session (&session, "numbering");
  make_round (session.store);
  test_spin (5);

  for (SamRole role = 0; role < SAM_N_ROLES; role++)
    {
      g_autoptr(GPtrArray) on_pages = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) in_review = g_ptr_array_new_with_free_func (g_free);
      SamQuestionnaire *q;
      guint n_pages;

      start (&session, role);
      q = sam_questionnaire_view_get_questionnaire (session.view);
      n_pages = sam_questionnaire_get_n_pages (q);
      for (guint p = 0; p < n_pages; p++)
        {
          const SamQuestion *question = sam_questionnaire_get_question (q, p);
          g_autofree char *expected = g_strdup_printf ("Question %d", question->number);
          g_autofree char *progress = g_strdup_printf ("Question %d · %u of %u", question->number, p + 1, n_pages);
          GtkWidget *heading = find_named (GTK_WIDGET (session.view), "question-number");

          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, expected);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (&session, "progress_label"))), ==,
                           progress);
          g_assert_cmpuint (assert_no_item_code (GTK_WIDGET (session.view)), >, 5);
          g_ptr_array_add (on_pages, g_steal_pointer (&expected));
          g_assert_true (press (session.view, GDK_KEY_Return));
        }
      g_assert_cmpuint (page (&session), ==, n_pages);
      collect_group_titles (GTK_WIDGET (session.view), "review-question", in_review);
      g_assert_cmpuint (in_review->len, ==, on_pages->len);
      for (guint i = 0; i < on_pages->len; i++)
        g_assert_cmpstr (g_ptr_array_index (in_review, i), ==, g_ptr_array_index (on_pages, i));
      g_assert_cmpuint (assert_no_item_code (GTK_WIDGET (session.view)), >, 5);

      /* A question that is its own item (question 1, 8, 9) heads its group with its text;
       * its row holds the answer, not the text again. */
      {
        g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

        test_collect_rows (GTK_WIDGET (session.view), rows);
        for (guint p = 0; p < n_pages; p++)
          for (guint i = 0; i < rows->len; i++)
            g_assert_cmpstr (g_ptr_array_index (rows, i), !=, sam_questionnaire_get_question (q, p)->text);
      }

      sam_questionnaire_view_ask_leave (session.view);
      test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");
    }

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
  g_test_add_func ("/questionnaire-gui/round-clinics-in-a-row", test_round_clinics_in_a_row);
  g_test_add_func ("/questionnaire-gui/roles-per-kind", test_roles_per_kind);
  g_test_add_func ("/questionnaire-gui/clinic-chooser", test_clinic_chooser);
  g_test_add_func ("/questionnaire-gui/numbering", test_numbering);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
