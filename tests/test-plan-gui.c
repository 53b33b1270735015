/* test-plan-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-change.h"
#include "sam-instrument.h"
#include "sam-meeting-store.h"
#include "sam-plan-page.h"
#include "sam-plan-page-private.h"
#include "sam-plan.h"
#include "test-gui-common.h"
#include "test-pdf.h"

/* The Plan section: a plan made by hand and from a meeting, status changes, overdue
 * actions standing out, the follow-up's note, its .ics and the plan's PDF, and "Følg
 * udviklingen" with the actions beside the items they aimed at. Today is 1 May 2027. */

static char *tmpdir;
static guint n_stores;

typedef struct
{
  SamStore    *store;
  SamContext  *context;
  GtkWindow   *window;
  SamPlanPage *page;
  gint64       cluster;
  gint64       clinic;
  gint64       other_clinic;
  gint64       rounds[2];
} Fixture;

static GDateTime *
fake_clock (gpointer user_data)
{
  return g_date_time_new_utc (2027, 5, 1, 9, 0, 0);
}

static void
add_respondents (Fixture *fixture,
                 gint64   round,
                 int      code)
{
  for (guint i = 0; i < 5; i++)
    {
      SamAnswer answers[] = { { "q1", code }, { "q7h", code } };

      g_assert_true (sam_store_add_respondent (fixture->store, round, fixture->clinic, SAM_ROLE_PARTNER,
                                               answers, G_N_ELEMENTS (answers), NULL, NULL));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("plan-%u.db", ++n_stores);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &fixture->cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 1", "Lægerne i Byen",
                                          &fixture->clinic, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 2", NULL,
                                          &fixture->other_clinic, NULL));
  g_assert_true (sam_store_set_own_clinic (fixture->store, fixture->clinic, NULL));
  g_assert_true (sam_store_create_round (fixture->store, fixture->cluster, "Baseline 2026", "2026-03-01",
                                         &fixture->rounds[0], NULL));
  g_assert_true (sam_store_create_round (fixture->store, fixture->cluster, "Opfølgning 2027", "2027-03-01",
                                         &fixture->rounds[1], NULL));
  add_respondents (fixture, fixture->rounds[0], 3);
  add_respondents (fixture, fixture->rounds[1], 2);

  fixture->context = sam_context_new (fixture->store, NULL);
  sam_context_set_clock (fixture->context, fake_clock, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 800);
  fixture->page = sam_plan_page_new (fixture->context);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  test_spin (30);
}

static gboolean
follow_loaded (gpointer page)
{
  return !sam_plan_page_is_follow_loading (page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Følg udviklingen's figures come from a worker that holds the page until it is done. */
  test_spin_until (follow_loaded, fixture->page);
  test_destroy_windows ();
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->store);
}

static GPtrArray *
rows (GtkListBox *list)
{
  GPtrArray *found = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (found, child);
  return found;
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
wait_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      test_spin (2);
      dialog = (AdwMessageDialog *) test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

static void
fill_form (const char *what,
           const char *who,
           const char *due)
{
  AdwMessageDialog *dialog = wait_dialog ();

  /* Saving waits for what is to be done. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "what")), what);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "who")), who);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "due")), "1. maj");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "due")), due);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  /* Why: the first domain (leadership). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "why")), 1);
  test_respond (dialog, "save");
}

/* A plan from scratch: add, change the status, edit, delete. */
static void
test_by_hand (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(SamPlanAction) stored = NULL;
  GtkWidget *dropdown;

  g_assert_cmpint (sam_plan_page_get_clinic (fixture->page), ==, fixture->clinic);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 0);
  g_clear_pointer (&shown, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.add", NULL);
  fill_form ("Ledelsesdag for lægerne", "Anne og Bo", "2027-06-01");
  test_spin (5);

  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  stored = sam_plan_action_copy (g_ptr_array_index (list, 0));
  g_assert_cmpstr (stored->what, ==, "Ledelsesdag for lægerne");
  g_assert_cmpstr (stored->who, ==, "Anne og Bo");
  g_assert_cmpstr (stored->due, ==, "2027-06-01");
  g_assert_cmpstr (stored->domain, ==, "A");
  g_assert_cmpint (stored->source, ==, SAM_PLAN_SOURCE_HAND);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (row_title (g_ptr_array_index (shown, 0)), ==, "Ledelsesdag for lægerne");

  /* The status, from the row's drop-down. */
  dropdown = test_find_widget (g_ptr_array_index (shown, 0), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), SAM_PLAN_STATUS_IN_PROGRESS);
  test_spin (5);
  g_clear_pointer (&stored, sam_plan_action_free);
  stored = sam_plan_get_action (fixture->store, ((SamPlanAction *) g_ptr_array_index (list, 0))->id, NULL);
  g_assert_cmpint (stored->status, ==, SAM_PLAN_STATUS_IN_PROGRESS);

  /* Edit: activating the row opens the form with the action in it. */
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_signal_emit_by_name (sam_plan_page_get_action_list (fixture->page), "row-activated", g_ptr_array_index (shown, 0));
  {
    AdwMessageDialog *dialog = wait_dialog ();

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "what"))), ==,
                     "Ledelsesdag for lægerne");
    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "notes")), "Booket hos PLO-E");
    test_respond (dialog, "save");
  }
  g_clear_pointer (&stored, sam_plan_action_free);
  stored = sam_plan_get_action (fixture->store, ((SamPlanAction *) g_ptr_array_index (list, 0))->id, NULL);
  g_assert_cmpstr (stored->notes, ==, "Booket hos PLO-E");
  g_assert_cmpint (stored->status, ==, SAM_PLAN_STATUS_IN_PROGRESS);

  /* Delete, from the row's button. */
  test_spin (5);
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_signal_emit_by_name (find_named (g_ptr_array_index (shown, 0), "delete"), "clicked");
  test_spin (5);
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 0);

  /* Undo, as the toast's button does, puts back the same action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.undo-delete", NULL);
  test_spin (5);
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&stored, sam_plan_action_free);
  stored = sam_plan_action_copy (g_ptr_array_index (list, 0));
  g_assert_cmpstr (stored->what, ==, "Ledelsesdag for lægerne");
  g_assert_cmpstr (stored->notes, ==, "Booket hos PLO-E");
  g_assert_cmpint (stored->status, ==, SAM_PLAN_STATUS_IN_PROGRESS);
  g_assert_cmpstr (stored->domain, ==, "A");

  /* Once is all: a second undo does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.undo-delete", NULL);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 1);

  /* The toast's Undo is reached from the window, with the deleted action's id: an earlier
   * deletion's toast undoes nothing. */
  {
    gint64 id = ((SamPlanAction *) g_ptr_array_index (list, 0))->id;

    test_spin (5);
    g_clear_pointer (&shown, g_ptr_array_unref);
    shown = rows (sam_plan_page_get_action_list (fixture->page));
    g_signal_emit_by_name (find_named (g_ptr_array_index (shown, 0), "delete"), "clicked");
    test_spin (5);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "plan-page.undo-delete",
                                               "x", id + 1000));
    g_clear_pointer (&list, g_ptr_array_unref);
    list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
    g_assert_cmpuint (list->len, ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "plan-page.undo-delete",
                                               "x", id));
    g_clear_pointer (&list, g_ptr_array_unref);
    list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((SamPlanAction *) g_ptr_array_index (list, 0))->what, ==,
                     "Ledelsesdag for lægerne");
  }
}

/* Overdue actions stand out, and the filter shows them alone. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  const char *whats[] = { "Forsinket", "Til tiden", "Færdig" };
  const char *dues[] = { "2027-04-01", "2027-06-01", "2027-01-01" };
  g_autoptr(GPtrArray) shown = NULL;
  GtkDropDown *filter;

  for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
    {
      g_autoptr(SamPlanAction) action = sam_plan_action_new ();

      action->what = g_strdup (whats[i]);
      action->due = g_strdup (dues[i]);
      action->status = i == 2 ? SAM_PLAN_STATUS_DONE : SAM_PLAN_STATUS_PLANNED;
      g_assert_true (sam_plan_add_action (fixture->store, fixture->clinic, action, NULL, NULL, NULL));
    }
  sam_plan_page_select_clinic (fixture->page, fixture->other_clinic);
  sam_plan_page_select_clinic (fixture->page, fixture->clinic);
  test_spin (5);

  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 3);
  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (shown, i);

      g_assert_cmpint (gtk_widget_has_css_class (row, "plan-overdue-row"), ==,
                       g_str_equal (row_title (row), "Forsinket"));
    }
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* The first drop-down of the actions' group is the filter. */
  filter = GTK_DROP_DOWN (test_find_widget (test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_PREFERENCES_GROUP),
                                            GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (filter);
  gtk_drop_down_set_selected (filter, 2);  /* Overdue */
  test_spin (5);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (row_title (g_ptr_array_index (shown, 0)), ==, "Forsinket");
  g_clear_pointer (&shown, g_ptr_array_unref);
  gtk_drop_down_set_selected (filter, 3);  /* Done or dropped */
  test_spin (5);
  shown = rows (sam_plan_page_get_action_list (fixture->page));
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (row_title (g_ptr_array_index (shown, 0)), ==, "Færdig");
}

/* A plan from a meeting's decisions; a second import adds nothing. */

static void
test_from_meeting (Fixture       *fixture,
                   gconstpointer  data)
{
  SamMeetingAction decided[] = {
    { .what = (char *) "Kort morgenmøde", .who = (char *) "Sekretærerne", .due = (char *) "2027-06-01", .domain = (char *) "C" },
    { .what = (char *) "Fælles frokost om fredagen", .item = (char *) "q7h" },
  };
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting = 0;

  g_assert_true (sam_meeting_store_create (fixture->store, "clinic-cooperation", fixture->clinic, 0,
                                           "2026-11-10", 7, FALSE, &meeting, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (decided); i++)
    g_assert_true (sam_meeting_store_add_action (fixture->store, meeting, &decided[i], NULL, &error));

  for (guint round = 0; round < 2; round++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.import", NULL);
      test_respond (wait_dialog (), "add");
      test_spin (5);
      shown = rows (sam_plan_page_get_action_list (fixture->page));
      g_assert_cmpuint (shown->len, ==, 2);
      g_assert_cmpstr (row_title (g_ptr_array_index (shown, 0)), ==, "Kort morgenmøde");
      g_assert_cmpstr (row_title (g_ptr_array_index (shown, 1)), ==, "Fælles frokost om fredagen");
      g_clear_pointer (&shown, g_ptr_array_unref);
    }

  /* The follow-up was not set: it now counts from the meeting, 6 months on. */
  {
    g_autoptr(SamPlanFollowUp) follow_up = sam_plan_get_follow_up (fixture->store, fixture->clinic, NULL);

    g_assert_nonnull (follow_up);
    g_assert_cmpstr (follow_up->since, ==, "2026-11-10");
    g_assert_cmpstr (follow_up->date, ==, "2027-05-10");
  }

  /* Følg udviklingen, as a chart: the lunch sits beside the item it aims at, named in its
   * words; no item code anywhere a person reads. Its figures come from a worker thread. */
  test_spin_until (follow_loaded, fixture->page);
  {
    SamFollowChart *follow = sam_plan_page_get_follow_chart (fixture->page);
    SamChart *chart = sam_follow_chart_get_chart (follow);
    const SamChangeData *change;
    g_autofree char *description = NULL;
    g_autoptr(SamChartTable) table = NULL;
    g_autoptr(GArray) marks = NULL;
    const SamItem *q7h = sam_instrument_lookup_item (sam_instrument_get_default (), "q7h");
    g_autoptr(GRegex) code = g_regex_new ("\\b(q[0-9]+[a-h]?|index_[ACD])\\b", 0, 0, NULL);
    SamChartStyle style;
    gboolean beside_q7h = FALSE;

    g_assert_nonnull (chart);
    g_assert_cmpstr (sam_chart_get_kind_name (chart), ==, "change");
    g_assert_nonnull (sam_follow_chart_get_view (follow));
    change = sam_chart_get_data (chart);
    g_assert_cmpuint (change->n_rows, >, 0);
    for (guint r = 0; r < change->n_rows; r++)
      {
        const SamChangeRow *row = &change->rows[r];

        g_test_message ("%s | %s", row->label, row->aside ? row->aside : "");
        g_assert_false (g_regex_match (code, row->label, 0, NULL));
        if (g_str_equal (row->label, q7h->text))
          {
            beside_q7h = row->aside != NULL && strstr (row->aside, "Plan: Fælles frokost om fredagen") != NULL;
            /* Own view: 5 answers a round, 50 → 75. */
            g_assert_true (row->present[0]);
            g_assert_cmpfloat_with_epsilon (row->before[0].mean, 50, 1e-9);
            g_assert_cmpfloat_with_epsilon (row->after[0].mean, 75, 1e-9);
          }
      }
    g_assert_true (beside_q7h);

    description = sam_chart_describe (chart);
    g_assert_nonnull (strstr (description, "Klinik 1: 50.0 → 75.0, up 25.0 points"));
    g_assert_false (g_regex_match (code, description, 0, NULL));
    table = sam_chart_table (chart);
    for (guint r = 0; r < table->rows->len; r++)
      for (guint c = 0; c < table->columns->len; c++)
        g_assert_false (g_regex_match (code, ((char **) g_ptr_array_index (table->rows, r))[c], 0, NULL));
    sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
    marks = sam_chart_marks (chart, &style, 715, 900);
    sam_chart_style_clear (&style);
    g_assert_cmpuint (marks->len, >, 0);
    for (guint m = 0; m < marks->len; m++)
      g_assert_false (g_regex_match (code, g_array_index (marks, SamChartMark, m).label, 0, NULL));
  }
}

/* The follow-up: set from the day of the meeting, a note when near, the .ics and the PDF. */
static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  g_autoptr(SamPlanAction) action = sam_plan_action_new ();
  g_autofree char *ics_path = g_build_filename (tmpdir, "follow-up.ics", NULL);
  g_autofree char *pdf_path = g_build_filename (tmpdir, "plan.pdf", NULL);
  g_autofree char *print_path = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autofree char *ics = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *since;

  g_assert_false (sam_plan_page_is_banner_shown (fixture->page));
  action->what = g_strdup ("Ledelsesdag for lægerne");
  g_assert_true (sam_plan_add_action (fixture->store, fixture->clinic, action, NULL, NULL, NULL));

  since = GTK_EDITABLE (test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_ENTRY));
  gtk_editable_set_text (since, "2026-11-");
  g_assert_null (sam_plan_get_follow_up (fixture->store, fixture->clinic, NULL));
  gtk_editable_set_text (since, "2026-11-10");
  follow_up = sam_plan_get_follow_up (fixture->store, fixture->clinic, &error);
  g_assert_nonnull (follow_up);
  g_assert_cmpstr (follow_up->date, ==, "2027-05-10");

  /* Today is 1 May 2027: nine days to go. */
  g_assert_true (sam_plan_page_is_banner_shown (fixture->page));
  g_assert_nonnull (strstr (sam_plan_page_get_banner_text (fixture->page), "near: 10 May 2027, in 9 days"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.dismiss-banner", NULL);
  g_assert_false (sam_plan_page_is_banner_shown (fixture->page));

  g_assert_true (sam_plan_page_write_ics (fixture->page, ics_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics_path, &ics, NULL, NULL));
  g_assert_nonnull (strstr (ics, "\r\nDTSTART;VALUE=DATE:20270510\r\n"));
  g_assert_nonnull (strstr (ics, "Klinik 1 — Lægerne i Byen"));

  g_assert_true (sam_plan_page_write_pdf (fixture->page, pdf_path, &error));
  g_assert_no_error (error);
  text = test_pdf_text_flat (pdf_path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Klinik 1 — Lægerne i Byen, Klynge Syd"));
      g_assert_nonnull (strstr (text, "Follow-up: 10 May 2027"));
      g_assert_nonnull (strstr (text, "1. Ledelsesdag for lægerne"));
    }

  /* On paper, through the print operation's own pages. */
  g_clear_pointer (&text, g_free);
  g_assert_true (sam_plan_page_print_to_file (fixture->page, print_path, &error));
  g_assert_no_error (error);
  text = test_pdf_text_flat (print_path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Implementation plan"));
      g_assert_nonnull (strstr (text, "1. Ledelsesdag for lægerne"));
    }

  /* Past: the note comes back, saying so. */
  gtk_editable_set_text (since, "2026-09-01");
  g_assert_true (sam_plan_page_is_banner_shown (fixture->page));
  g_assert_nonnull (strstr (sam_plan_page_get_banner_text (fixture->page), "was due on 1 March 2027"));

  /* Cleared: no follow-up, no note, nothing for the calendar. */
  gtk_editable_set_text (since, "");
  g_assert_null (sam_plan_get_follow_up (fixture->store, fixture->clinic, NULL));
  g_assert_false (sam_plan_page_is_banner_shown (fixture->page));
  g_assert_false (sam_plan_page_write_ics (fixture->page, ics_path, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan-gui/by-hand", test_by_hand);
  ADD ("/plan-gui/overdue", test_overdue);
  ADD ("/plan-gui/from-meeting", test_from_meeting);
  ADD ("/plan-gui/follow-up", test_follow_up);

#undef ADD

  status = g_test_run ();
  test_rm_rf (tmpdir);
  return status;
}
