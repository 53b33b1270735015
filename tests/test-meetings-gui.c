/* test-meetings-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-meetings-common.h"
#include "sam-chart-view-private.h"
#include "sam-meeting-note-card-private.h"
#include "sam-meeting-presentation-private.h"
#include "sam-meeting-runner-private.h"
#include "sam-meeting-summary-private.h"
#include "sam-meetings-page-private.h"
#include "sam-window-private.h"

/* The Meetings section through the window: a whole praksispakke from the start dialog to
 * its summary on a clock the test moves (no sleeping), green and red notes sorted by
 * keyboard, an action, the summary reopened; and notes that outlive a crash. */

static void
test_whole_praksispakke (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) card_widgets = g_ptr_array_new ();
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *text = NULL;
  SamMeetingAction *action;
  SamMeetingRunner *runner;
  SamMeetingSummary *summary;
  GtkWindow *dialog;
  GtkWidget *spin, *start, *card = NULL, *row;
  gint64 meeting_id, card_id;
  guint n_templates = 0;

  open_session (&session, "whole");
  g_assert_cmpstr (sam_window_get_section (session.window), ==, "meetings");
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "list");

  /* The six templates are offered, with their minutes. */
  test_collect_rows (GTK_WIDGET (session.page), titles);
  for (guint i = 0; i + 1 < titles->len; i += 2)
    if (g_str_has_prefix (g_ptr_array_index (titles, i + 1), "45 minutes") ||
        g_str_has_prefix (g_ptr_array_index (titles, i + 1), "60 minutes") ||
        g_str_has_prefix (g_ptr_array_index (titles, i + 1), "75 minutes") ||
        g_str_has_prefix (g_ptr_array_index (titles, i + 1), "150 minutes"))
      n_templates++;
  g_assert_cmpuint (n_templates, ==, 6);

  /* Start, as a person would: the dialog, 7 taking part, Start. */
  dialog = sam_meetings_page_ask_start (session.page, "clinic-wellbeing");
  g_assert_nonnull (dialog);
  spin = test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 7);
  start = test_find_button (GTK_WIDGET (dialog), "_Start");
  g_assert_nonnull (start);
  g_signal_emit_by_name (start, "clicked");
  test_spin_until (dialog_gone, NULL);
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "runner");

  meetings = sam_meeting_store_list (session.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  meeting_id = ((SamMeeting *) g_ptr_array_index (meetings, 0))->id;
  g_assert_cmpint (((SamMeeting *) g_ptr_array_index (meetings, 0))->clinic_id, ==, session.clinic_id);
  g_assert_cmpuint (((SamMeeting *) g_ptr_array_index (meetings, 0))->participants, ==, 7);
  g_assert_cmpstr (((SamMeeting *) g_ptr_array_index (meetings, 0))->date, ==, "2026-05-04");

  runner = sam_meetings_page_get_runner (session.page);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "introduction");
  countdown = sam_meeting_runner_get_countdown_text (runner);
  g_assert_cmpstr (countdown, ==, "5:00");
  g_clear_pointer (&countdown, g_free);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (runner_child (runner, "schedule_label"))),
                                   "Planned end 12:45 · Expected end 12:45"));

  /* The countdown turns to a warning in the last minute, and to time-up with one cue. */
  advance (runner, 4 * MINUTE);
  countdown = sam_meeting_runner_get_countdown_text (runner);
  g_assert_cmpstr (countdown, ==, "1:00");
  g_clear_pointer (&countdown, g_free);
  g_assert_true (gtk_widget_has_css_class (runner_child (runner, "countdown_label"), "warning"));
  g_assert_false (sam_meeting_runner_is_time_up (runner));
  advance (runner, MINUTE + G_USEC_PER_SEC);
  g_assert_true (sam_meeting_runner_is_time_up (runner));
  g_assert_cmpuint (sam_meeting_runner_get_n_cues (runner), ==, 1);
  countdown = sam_meeting_runner_get_countdown_text (runner);
  g_assert_cmpstr (countdown, ==, "−0:01");
  g_clear_pointer (&countdown, g_free);
  advance (runner, G_USEC_PER_SEC);
  g_assert_cmpuint (sam_meeting_runner_get_n_cues (runner), ==, 1);

  /* Paused, the clock stands still; a minute added brings the step back in time. */
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.pause", NULL);
  g_assert_cmpint (sam_meeting_timer_get_state (sam_meeting_runner_get_timer (runner)), ==,
                   SAM_MEETING_TIMER_PAUSED);
  advance (runner, 5 * MINUTE);
  countdown = sam_meeting_runner_get_countdown_text (runner);
  g_assert_cmpstr (countdown, ==, "−0:02");
  g_clear_pointer (&countdown, g_free);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.pause", NULL);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.add-minute", NULL);
  countdown = sam_meeting_runner_get_countdown_text (runner);
  g_assert_cmpstr (countdown, ==, "0:58");
  g_clear_pointer (&countdown, g_free);
  g_assert_false (sam_meeting_runner_is_time_up (runner));
  /* Now 12:10:02 (5 min 2 s used, 5 min paused); 58 s left, then the other steps' 40 min. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (runner_child (runner, "schedule_label"))), ==,
                   "Planned end 12:45 · Expected end 12:51");

  /* Notes for the introduction; going on saves them. */
  type_notes (runner, "Alle er med. Vi taler om trivsel i dag.");
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "notes");
  notes = sam_meeting_store_list_notes (session.store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (note_of (notes, "introduction"), ==, "Alle er med. Vi taler om trivsel i dag.");
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* Green and red notes, one sorted by the keyboard. */
  g_assert_true (gtk_widget_get_visible (runner_child (runner, "cards_box")));
  g_assert_false (gtk_widget_get_visible (runner_child (runner, "actions_box")));
  add_note (runner, FALSE, "Vi hjælper hinanden");
  add_note (runner, TRUE, "For lidt tid til pauser");
  collect_cards (GTK_WIDGET (runner), card_widgets);
  g_assert_cmpuint (card_widgets->len, ==, 2);
  cards = sam_meeting_store_list_cards (session.store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  for (guint i = 0; i < card_widgets->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (card_widgets, i), "red"))
      card = g_ptr_array_index (card_widgets, i);
  g_assert_nonnull (card);
  card_id = sam_meeting_note_card_get_id (SAM_MEETING_NOTE_CARD (card));
  gtk_widget_grab_focus (card);
  /* The key "3" on the focused note: the step's third heading, breaks. */
  gtk_widget_activate_action (card, "card.sort", "i", 3);
  test_spin (10);
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = sam_meeting_store_list_cards (session.store, meeting_id, &error);
  for (guint i = 0; i < cards->len; i++)
    {
      SamMeetingCard *c = g_ptr_array_index (cards, i);

      g_assert_cmpstr (c->category, ==, c->colour == SAM_MEETING_CARD_RED ? "breaks" : NULL);
    }
  /* The note is laid out under its heading, and keeps the focus. */
  g_ptr_array_set_size (card_widgets, 0);
  collect_cards (GTK_WIDGET (runner), card_widgets);
  g_assert_cmpuint (card_widgets->len, ==, 2);
  for (guint i = 0; i < card_widgets->len; i++)
    if (sam_meeting_note_card_get_id (g_ptr_array_index (card_widgets, i)) == card_id)
      g_assert_true (gtk_root_get_focus (GTK_ROOT (session.window)) == g_ptr_array_index (card_widgets, i));

  /* Dropped on a heading's column, as a drag ends: the green note goes under "Tasks". */
  {
    GtkWidget *columns = runner_child (runner, "columns_box");
    GtkWidget *column = NULL;
    GtkDropTarget *target = NULL;
    GListModel *controllers;
    GValue value = G_VALUE_INIT;
    gint64 green_id = 0;
    gboolean dropped = FALSE;

    for (guint i = 0; i < cards->len; i++)
      if (((SamMeetingCard *) g_ptr_array_index (cards, i))->colour == SAM_MEETING_CARD_GREEN)
        green_id = ((SamMeetingCard *) g_ptr_array_index (cards, i))->id;
    for (GtkWidget *child = gtk_widget_get_first_child (columns); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

        const char *category = sam_meeting_note_column_get_category (SAM_MEETING_NOTE_COLUMN (box));

        if (g_strcmp0 (category, "tasks") == 0)
          column = box;
      }
    g_assert_nonnull (column);
    controllers = gtk_widget_observe_controllers (column);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_object_unref (controllers);
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, green_id);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
    test_spin (10);
    g_clear_pointer (&cards, g_ptr_array_unref);
    cards = sam_meeting_store_list_cards (session.store, meeting_id, &error);
    for (guint i = 0; i < cards->len; i++)
      {
        SamMeetingCard *c = g_ptr_array_index (cards, i);

        g_assert_cmpstr (c->category, ==, c->colour == SAM_MEETING_CARD_RED ? "breaks" : "tasks");
      }
    /* And back out with the key 0 on the focused note. */
    g_ptr_array_set_size (card_widgets, 0);
    collect_cards (GTK_WIDGET (runner), card_widgets);
    for (guint i = 0; i < card_widgets->len; i++)
      if (sam_meeting_note_card_get_id (g_ptr_array_index (card_widgets, i)) == green_id)
        gtk_widget_activate_action (g_ptr_array_index (card_widgets, i), "card.sort", "i", 0);
    test_spin (10);
  }

  /* Through the round and the data review to the decisions. */
  advance (runner, 6 * MINUTE);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "round");
  type_notes (runner, "Travlt om mandagen.");
  advance (runner, 10 * MINUTE);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "data");
  /* Back and forth keeps what was typed. */
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.previous", NULL);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "round");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (runner_child (runner, "notes_view")));
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    shown = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (shown, ==, "Travlt om mandagen.");
  }
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  advance (runner, 8 * MINUTE);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "decide");
  g_assert_true (gtk_widget_get_visible (runner_child (runner, "actions_box")));

  /* A date that is no date is refused, and nothing is kept. */
  gtk_editable_set_text (GTK_EDITABLE (runner_child (runner, "what_row")), "Fast pause kl. 12 hver dag");
  gtk_editable_set_text (GTK_EDITABLE (runner_child (runner, "who_row")), "Hanne");
  gtk_editable_set_text (sam_date_row_get_entry (SAM_DATE_ROW (runner_child (runner, "due_row"))), "til juni");
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (runner), "_Add Action"), "clicked");
  g_assert_false (sam_date_row_get_valid (SAM_DATE_ROW (runner_child (runner, "due_row"))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sam_date_row_get_entry (SAM_DATE_ROW (
    runner_child (runner, "due_row")))), "error"));
  actions = sam_meeting_store_list_actions (session.store, meeting_id, &error);
  g_assert_cmpuint (actions->len, ==, 0);
  g_clear_pointer (&actions, g_ptr_array_unref);
  /* Typed as a Dane types it, as in the plan. */
  gtk_editable_set_text (sam_date_row_get_entry (SAM_DATE_ROW (runner_child (runner, "due_row"))), "01-06-2026");
  adw_combo_row_set_selected (ADW_COMBO_ROW (runner_child (runner, "link_row")), 1);
  /* Enter in a row adds it, as the button does. */
  g_signal_emit_by_name (sam_date_row_get_entry (SAM_DATE_ROW (runner_child (runner, "due_row"))), "activate");
  actions = sam_meeting_store_list_actions (session.store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (action->what, ==, "Fast pause kl. 12 hver dag");
  g_assert_cmpstr (action->who, ==, "Hanne");
  g_assert_cmpstr (action->due, ==, "2026-06-01");
  g_assert_cmpstr (action->step, ==, "decide");
  g_assert_nonnull (action->domain);
  g_assert_null (action->item);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (runner_child (runner, "what_row"))), ==, "");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (runner_child (runner, "actions_list")), 0));

  /* The last step: Next is off, Finish ends it and shows the summary. */
  advance (runner, 11 * MINUTE);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "closing");
  g_assert_false (gtk_widget_is_sensitive (runner_child (runner, "next_button")));
  type_notes (runner, "Tak for i dag!");
  advance (runner, 5 * MINUTE);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.finish", NULL);
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "summary");
  {
    g_autoptr(SamMeeting) meeting = sam_meeting_store_get (session.store, meeting_id, &error);
    g_autoptr(GPtrArray) plan = NULL;
    g_autoptr(SamPlanFollowUp) follow_up = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (meeting->started);
    g_assert_nonnull (meeting->ended);

    /* The decided action went into the clinic's plan, the follow-up counted from the
     * meeting's date; and Undo takes it out again. */
    plan = sam_plan_list_actions (session.store, meeting->clinic_id, NULL, SAM_PLAN_SORT_DUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->len, ==, 1);
    g_assert_cmpstr (((SamPlanAction *) g_ptr_array_index (plan, 0))->what, ==, "Fast pause kl. 12 hver dag");
    follow_up = sam_plan_get_follow_up (session.store, meeting->clinic_id, &error);
    g_assert_nonnull (follow_up);
    g_assert_cmpstr (follow_up->since, ==, meeting->date);
    g_assert_true (sam_meetings_page_undo_plan (session.page, &error));
    g_clear_pointer (&plan, g_ptr_array_unref);
    plan = sam_plan_list_actions (session.store, meeting->clinic_id, NULL, SAM_PLAN_SORT_DUE, &error);
    g_assert_cmpuint (plan->len, ==, 0);
  }

  summary = sam_meetings_page_get_summary (session.page);
  text = sam_meeting_summary_get_text (summary);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Lægerne i Byen"));
  g_assert_nonnull (strstr (text, "7 people took part"));
  g_assert_nonnull (strstr (text, "Alle er med. Vi taler om trivsel i dag."));
  g_assert_nonnull (strstr (text, "Travlt om mandagen."));
  g_assert_nonnull (strstr (text, "Tak for i dag!"));
  g_assert_nonnull (strstr (text, "Green: Vi hjælper hinanden"));
  g_assert_nonnull (strstr (text, "Red: For lidt tid til pauser"));
  g_assert_nonnull (strstr (text, "Fast pause kl. 12 hver dag"));
  g_assert_nonnull (strstr (text, "Who: Hanne"));
  g_assert_null (strstr (text, "not finished"));
  /* The red note stands under its heading, the green one under "Not sorted". */
  g_assert_true (strstr (text, "Not sorted\nGreen: Vi hjælper hinanden") != NULL);
  g_clear_pointer (&text, g_free);

  /* Back to the list, where the meeting is; it opens read-only to the same summary. */
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (summary), "_Back to Meetings"), "clicked");
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (
    GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (session.page), SAM_TYPE_MEETINGS_PAGE, "past_list")), 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_signal_emit_by_name (row, "activate");
  test_spin (5);
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "summary");
  text = sam_meeting_summary_get_text (summary);
  g_assert_nonnull (strstr (text, "Red: For lidt tid til pauser"));
  g_assert_null (test_find_widget (GTK_WIDGET (summary), GTK_TYPE_TEXT_VIEW));
  g_assert_null (test_find_widget (GTK_WIDGET (summary), GTK_TYPE_ENTRY));

  /* On paper: the print operation draws the PDF's pages; exported, they read the same. */
  {
    g_autofree char *pdf = g_build_filename (tmpdir, "whole", "printed.pdf", NULL);
    g_autofree char *printed = NULL;

    g_assert_true (sam_meeting_summary_print (summary, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    printed = test_pdf_text_flat (pdf);
    if (printed != NULL)
      {
        g_assert_nonnull (strstr (printed, "How to talk about well-being in the clinic"));
        g_assert_nonnull (strstr (printed, "Red: For lidt tid til pauser"));
        g_assert_nonnull (strstr (printed, "Tak for i dag!"));
        g_assert_nonnull (strstr (printed, "Who: Hanne"));
      }
  }

  /* Deleted after asking; the list is empty again. */
  dialog = sam_meeting_summary_ask_delete (summary);
  test_respond (ADW_MESSAGE_DIALOG (dialog), "confirm");
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "list");
  g_clear_pointer (&meetings, g_ptr_array_unref);
  meetings = sam_meeting_store_list (session.store, &error);
  g_assert_cmpuint (meetings->len, ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (
    GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (session.page), SAM_TYPE_MEETINGS_PAGE, "past_list")), 0));

  close_session (&session);
}

static gboolean
note_in_store (gpointer data)
{
  Session *session = data;
  g_autoptr(GPtrArray) notes = sam_meeting_store_list_notes (session->store, 1, NULL);

  return notes != NULL && note_of (notes, "data") != NULL;
}

/* Notes are saved while they are typed: a second connection to the file, as after a
 * crash, finds them while the window is still open and was never closed. The app started
 * again shows the meeting as not finished, and it goes on at the step it was at. */
static void
test_notes_survive_crash (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) reopened = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  SamMeetingRunner *runner;
  SamMeetingSummary *summary;
  GtkWidget *button;
  gint64 meeting_id;

  open_session (&session, "crash");
  g_assert_true (sam_meeting_store_create (session.store, "doctors-leadership", session.clinic_id, 0,
                                           "2026-05-04", 4, FALSE, &meeting_id, &error));
  g_assert_cmpint (meeting_id, ==, 1);
  g_assert_true (sam_meetings_page_run (session.page, meeting_id, &error));
  g_assert_no_error (error);
  runner = sam_meetings_page_get_runner (session.page);
  sam_meeting_runner_next (runner);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "data");
  type_notes (runner, "Vi har");
  type_notes (runner, "Vi har fire ledelsesområder");
  /* Saved a moment after the typing stops, without a step change or a close. */
  test_spin_until (note_in_store, &session);
  g_assert_true (note_in_store (&session));

  reopened = sam_store_new (session.path, &error);
  g_assert_no_error (error);
  notes = sam_meeting_store_list_notes (reopened, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (note_of (notes, "data"), ==, "Vi har fire ledelsesområder");
  g_clear_object (&reopened);
  close_session (&session);

  /* Started again: the meeting was never finished, and goes on where it was. */
  open_session (&session, "crash");
  g_assert_true (sam_meetings_page_show_summary (session.page, meeting_id, &error));
  summary = sam_meetings_page_get_summary (session.page);
  text = sam_meeting_summary_get_text (summary);
  g_assert_nonnull (strstr (text, "The meeting was not finished."));
  g_assert_nonnull (strstr (text, "Vi har fire ledelsesområder"));
  button = test_find_button (GTK_WIDGET (summary), "_Continue Meeting");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "runner");
  runner = sam_meetings_page_get_runner (session.page);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "data");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (runner_child (runner, "notes_view")));
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    shown = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (shown, ==, "Vi har fire ledelsesområder");
  }
  sam_meeting_runner_finish (runner);
  g_assert_false (gtk_widget_get_visible (test_find_button (GTK_WIDGET (summary), "_Continue Meeting")));
  close_session (&session);
}

/* Closing the window mid-meeting keeps what was typed a moment before, unsaved yet. */
static void
test_close_mid_meeting (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) reopened = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  open_session (&session, "close");
  path = g_strdup (session.path);
  g_assert_true (sam_meeting_store_create (session.store, "doctors-leadership", session.clinic_id, 0,
                                           "2026-05-04", 4, FALSE, &id, &error));
  g_assert_true (sam_meetings_page_run (session.page, id, &error));
  type_notes (sam_meetings_page_get_runner (session.page), "Sidste ord");
  close_session (&session);

  reopened = sam_store_new (path, &error);
  g_assert_no_error (error);
  notes = sam_meeting_store_list_notes (reopened, id, &error);
  g_assert_cmpstr (note_of (notes, "introduction"), ==, "Sidste ord");
}

/* The projector's window follows the runner and steers it: Space, the arrows, Escape. */
static void
test_presentation (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *countdown = NULL;
  SamMeetingRunner *runner;
  SamMeetingTimer *timer;
  GtkWindow *window;
  gpointer weak;
  gint64 id;

  open_session (&session, "presentation");
  g_assert_true (sam_meeting_store_create (session.store, "clinic-cooperation", session.clinic_id, 0,
                                           "2026-05-04", 9, FALSE, &id, &error));
  g_assert_true (sam_meetings_page_run (session.page, id, &error));
  runner = sam_meetings_page_get_runner (session.page);
  timer = sam_meeting_runner_get_timer (runner);

  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.present", NULL);
  test_spin (10);
  window = test_find_toplevel (SAM_TYPE_MEETING_PRESENTATION);
  g_assert_nonnull (window);
  g_assert_cmpstr (sam_meeting_presentation_get_title_text (SAM_MEETING_PRESENTATION (window)), ==,
                   sam_meeting_runner_get_step (runner)->title);

  /* → moves on, and the presentation follows the runner; ← comes back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.next", NULL);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 1);
  g_assert_cmpstr (sam_meeting_presentation_get_title_text (SAM_MEETING_PRESENTATION (window)), ==,
                   sam_meeting_runner_get_step (runner)->title);
  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.previous", NULL);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 0);

  /* Space pauses and resumes; the time stands still meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.pause", NULL);
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_PAUSED);
  advance (runner, 3 * MINUTE);
  countdown = sam_meeting_runner_get_countdown_text (runner);
  g_assert_cmpstr (countdown, ==, "5:00");
  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.pause", NULL);
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_RUNNING);

  /* Escape leaves; the meeting runs on in the window. */
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  test_spin_until (test_pointer_is_null, &weak);
  g_assert_null (weak);
  g_assert_cmpstr (sam_meetings_page_get_state (session.page), ==, "runner");

  close_session (&session);
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

static gboolean
figures_read (gpointer runner)
{
  return !sam_meeting_runner_is_loading_figures (runner);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The demo's newest round, "Opfølgning 2026", open: it takes answers still. */
static gint64
newest_round (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (g_str_equal (round->label, "Opfølgning 2026"))
        return round->id;
    }
  g_assert_not_reached ();
}

static int
published_k (SamStore *store,
             gint64    round_id)
{
  g_autoptr(SamRound) round = sam_store_get_round (store, round_id, NULL);

  g_assert_nonnull (round);
  return round->published_k;
}

/* A data review shows the charts of its items' questions for the newest round of the
 * clinic's cluster (the demo's); where the cluster has no round, it says so. */
static void
test_data_review (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  SamMeetingsPage *page;
  SamMeetingRunner *runner;
  SamWindow *window;
  SamStore *store;
  GtkWidget *charts;
  GtkWindow *presentation;
  AdwMessageDialog *alert;
  gint64 id, cluster, clinic, round;

  meetings_unique_application_id (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  store = sam_context_get_store (sam_window_get_context (window));
  page = SAM_MEETINGS_PAGE (sam_window_get_section_page (window, "meetings"));
  runner = sam_meetings_page_get_runner (page);
  charts = runner_child (runner, "charts_box");

  /* clinic-cooperation looks at q5a q5e q5f q6a q6b q6c q7b q7c q7d q7e q7f q7h: three questions. */
  clinics = sam_store_list_clinics (store, &error);
  g_assert_nonnull (clinics);
  g_assert_cmpuint (clinics->len, >, 0);
  g_assert_true (sam_meeting_store_create (store, "clinic-cooperation",
                                           ((SamClinic *) g_ptr_array_index (clinics, 0))->id, 0,
                                           "2026-05-04", 9, FALSE, &id, &error));
  g_assert_true (sam_meetings_page_run (page, id, &error));
  g_assert_false (gtk_widget_get_visible (charts));
  /* The figures are read in a worker: until they are in, the data review says so. */
  g_assert_true (sam_meeting_runner_is_loading_figures (runner));
  sam_meeting_runner_next (runner);
  g_assert_cmpint (sam_meeting_runner_get_step (runner)->kind, ==, SAM_MEETING_STEP_DATA_REVIEW);
  g_assert_true (gtk_widget_get_visible (charts));
  if (sam_meeting_runner_is_loading_figures (runner))
    {
      g_assert_cmpuint (count_widgets (charts, SAM_TYPE_CHART_VIEW), ==, 0);
      g_assert_cmpuint (count_widgets (charts, GTK_TYPE_LABEL), ==, 1);
    }
  test_spin_until (figures_read, runner);

  /* Charts shown in a meeting publish their round (instrument contract, "One publication
   * a round"), on the facilitator's screen too, which the room often sees. The demo's
   * newest round is open, and its figures hold every clinic's answers, so even a clinic's
   * own meeting shows why not, and offers to close the round; nothing is published. */
  round = newest_round (store);
  g_assert_cmpuint (count_widgets (charts, SAM_TYPE_CHART_VIEW), ==, 0);
  g_assert_true (has_label (charts, "The round’s results are shown in the meeting once the round "
                                    "is closed: a round’s figures are shared once, when no more "
                                    "answers can change them."));
  /* The projector likewise: it asks to close the round, and kept open, says why. */
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.present", NULL);
  test_spin (5);
  g_assert_null (test_find_toplevel (SAM_TYPE_MEETING_PRESENTATION));
  alert = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (alert);
  g_assert_cmpstr (adw_message_dialog_get_heading (alert), ==, "Close Round “Opfølgning 2026”?");
  adw_message_dialog_response (alert, "cancel");
  test_spin (10);
  presentation = test_find_toplevel (SAM_TYPE_MEETING_PRESENTATION);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (presentation), SAM_TYPE_CHART_VIEW), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (presentation),
                            "The round’s results are shown to the room once the round is closed."));
  gtk_window_destroy (presentation);
  test_spin (5);
  g_assert_cmpint (published_k (store, round), ==, 0);

  /* Closed from the data review, the charts come, and the round's k is fixed with them,
   * so it is not opened again for late answers the figures shown would give away. */
  g_signal_emit_by_name (test_find_widget (charts, GTK_TYPE_BUTTON), "clicked");
  test_spin (5);
  alert = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (alert);
  adw_message_dialog_response (alert, "confirm");
  test_spin (10);
  g_assert_cmpuint (count_widgets (charts, SAM_TYPE_CHART_VIEW), ==, 3);
  g_assert_cmpint (published_k (store, round), ==, 3);
  g_assert_false (sam_store_set_round_closed (store, round, FALSE, &error));
  g_clear_error (&error);
  sam_meeting_runner_next (runner);
  g_assert_false (gtk_widget_get_visible (charts));

  /* Run again, the projector asked for before the worker is done: the figures are read
   * on the spot, and the data review waiting for them has its charts at once. */
  g_assert_true (sam_meetings_page_run (page, id, &error));
  sam_meeting_runner_next (runner);
  g_assert_true (sam_meeting_runner_is_loading_figures (runner));
  g_assert_cmpuint (count_widgets (charts, SAM_TYPE_CHART_VIEW), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.present", NULL);
  g_assert_false (sam_meeting_runner_is_loading_figures (runner));
  g_assert_cmpuint (count_widgets (charts, SAM_TYPE_CHART_VIEW), ==, 3);
  gtk_window_destroy (test_find_toplevel (SAM_TYPE_MEETING_PRESENTATION));
  test_spin (5);

  /* A clinic of a cluster without a round: words instead of charts. */
  g_assert_true (sam_store_ensure_cluster (store, "Ny klynge", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "N1", "Ny klinik", &clinic, &error));
  g_assert_true (sam_meeting_store_create (store, "clinic-cooperation", clinic, 0, "2026-05-04", 3, FALSE,
                                           &id, &error));
  g_assert_true (sam_meetings_page_run (page, id, &error));
  sam_meeting_runner_next (runner);
  test_spin_until (figures_read, runner);
  g_assert_true (gtk_widget_get_visible (charts));
  g_assert_cmpuint (count_widgets (charts, SAM_TYPE_CHART_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets (charts, GTK_TYPE_LABEL), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (test_find_widget (charts, GTK_TYPE_LABEL))), !=,
                   "Reading the round’s figures…");

  test_destroy_windows ();
}

/* The action a key of the presentation stands for, as its shortcut controller has it. */
static const char *
key_action (GtkWindow *window,
            guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

static void
press (GtkWindow *window,
       guint      keyval)
{
  const char *action = key_action (window, keyval);

  g_assert_nonnull (action);
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
}

static const char *
visible_chart_title (GtkStack *charts)
{
  GtkWidget *view = gtk_stack_get_visible_child (charts);

  g_assert_true (SAM_IS_CHART_VIEW (view));
  return sam_chart_get_title (sam_chart_view_get_chart (SAM_CHART_VIEW (view)));
}

/* On the projector a data review shows the runner's charts, one at a time and large: ↓ and
 * ↑ move between them within the step, ← and → still move between steps, and Page Down and
 * Page Up (a clicker) go through the charts and then on; without a round, words instead. */
static void
test_presentation_charts (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  SamMeetingsPage *page;
  SamMeetingRunner *runner;
  SamMeetingTimer *timer;
  SamWindow *window;
  SamStore *store;
  GtkWindow *presentation;
  GtkStack *charts;
  GtkWidget *runner_charts;
  GtkWidget *view;
  gpointer weak;
  gint64 id, cluster, clinic;

  meetings_unique_application_id (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  store = sam_context_get_store (sam_window_get_context (window));
  page = SAM_MEETINGS_PAGE (sam_window_get_section_page (window, "meetings"));
  runner = sam_meetings_page_get_runner (page);
  runner_charts = runner_child (runner, "charts_box");

  /* clinic-cooperation's data review: three questions, so three charts, as in the runner. */
  clinics = sam_store_list_clinics (store, &error);
  g_assert_nonnull (clinics);
  g_assert_true (sam_meeting_store_create (store, "clinic-cooperation",
                                           ((SamClinic *) g_ptr_array_index (clinics, 0))->id, 0,
                                           "2026-05-04", 9, FALSE, &id, &error));
  g_assert_true (sam_meetings_page_run (page, id, &error));
  timer = sam_meeting_runner_get_timer (runner);

  /* The round closed, as the projector shows a round's charts only then (data-review). */
  g_assert_true (sam_store_set_round_closed (store, newest_round (store), TRUE, &error));
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.present", NULL);
  test_spin (10);
  presentation = test_find_toplevel (SAM_TYPE_MEETING_PRESENTATION);
  g_assert_nonnull (presentation);
  charts = sam_meeting_presentation_get_charts (SAM_MEETING_PRESENTATION (presentation));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (presentation), SAM_TYPE_CHART_VIEW), ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (charts))));

  g_assert_cmpstr (key_action (presentation, GDK_KEY_Right), ==, "presentation.next");
  press (presentation, GDK_KEY_Right);
  g_assert_cmpint (sam_meeting_runner_get_step (runner)->kind, ==, SAM_MEETING_STEP_DATA_REVIEW);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (charts))));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (presentation), SAM_TYPE_CHART_VIEW), ==, 3);
  g_assert_cmpuint (count_widgets (runner_charts, SAM_TYPE_CHART_VIEW), ==, 3);
  view = gtk_stack_get_visible_child (charts);
  g_assert_true (sam_chart_view_get_presenting (SAM_CHART_VIEW (view)));
  g_assert_true (gtk_widget_get_vexpand (GTK_WIDGET (charts)));
  first = g_strdup (visible_chart_title (charts));
  g_assert_cmpstr (first, ==,
                   sam_chart_get_title (sam_chart_view_get_chart (SAM_CHART_VIEW (test_find_widget (runner_charts,
                                                                                                     SAM_TYPE_CHART_VIEW)))));
  g_assert_cmpstr (sam_meeting_presentation_get_chart_position_text (SAM_MEETING_PRESENTATION (presentation)), ==,
                   "Results of Opfølgning 2026 · Chart 1 of 3");
  /* Shown to the room: published at the saved k. */
  g_assert_cmpint (published_k (store, newest_round (store)), ==, 3);

  /* ↓ shows the next chart and stays on the step; ↑ comes back; the ends hold. */
  g_assert_cmpstr (key_action (presentation, GDK_KEY_Down), ==, "presentation.next-chart");
  press (presentation, GDK_KEY_Down);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 1);
  second = g_strdup (visible_chart_title (charts));
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpstr (sam_meeting_presentation_get_chart_position_text (SAM_MEETING_PRESENTATION (presentation)), ==,
                   "Results of Opfølgning 2026 · Chart 2 of 3");
  press (presentation, GDK_KEY_Up);
  g_assert_cmpstr (visible_chart_title (charts), ==, first);
  press (presentation, GDK_KEY_Up);
  g_assert_cmpstr (visible_chart_title (charts), ==, first);
  press (presentation, GDK_KEY_Down);
  press (presentation, GDK_KEY_Down);
  third = g_strdup (visible_chart_title (charts));
  g_assert_cmpstr (third, !=, second);
  press (presentation, GDK_KEY_Down);
  g_assert_cmpstr (visible_chart_title (charts), ==, third);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 1);

  /* Page Down at the last chart goes on to the next step, which has no charts; Page Up
   * comes back to the last chart, then walks back through the charts and the steps. */
  press (presentation, GDK_KEY_Page_Down);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 2);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (presentation), SAM_TYPE_CHART_VIEW), ==, 0);
  press (presentation, GDK_KEY_Page_Up);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 1);
  g_assert_cmpstr (visible_chart_title (charts), ==, third);
  press (presentation, GDK_KEY_Page_Up);
  g_assert_cmpstr (visible_chart_title (charts), ==, second);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 1);
  press (presentation, GDK_KEY_Page_Down);
  g_assert_cmpstr (visible_chart_title (charts), ==, third);
  press (presentation, GDK_KEY_Left);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 0);
  press (presentation, GDK_KEY_Right);
  g_assert_cmpstr (visible_chart_title (charts), ==, first);

  weak = presentation;
  g_object_add_weak_pointer (G_OBJECT (presentation), &weak);
  press (presentation, GDK_KEY_Escape);
  test_spin_until (test_pointer_is_null, &weak);
  g_assert_null (weak);

  /* A clinic of a cluster without a round: words instead of charts, on the projector too. */
  g_assert_true (sam_store_ensure_cluster (store, "Ny klynge", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "N1", "Ny klinik", &clinic, &error));
  g_assert_true (sam_meeting_store_create (store, "clinic-cooperation", clinic, 0, "2026-05-04", 3, FALSE,
                                           &id, &error));
  g_assert_true (sam_meetings_page_run (page, id, &error));
  sam_meeting_runner_next (runner);
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.present", NULL);
  test_spin (10);
  presentation = test_find_toplevel (SAM_TYPE_MEETING_PRESENTATION);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (presentation), SAM_TYPE_CHART_VIEW), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (presentation),
                            "There are no results to show yet: the cluster has no round with answers."));

  test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/meetings-gui/whole-praksispakke", test_whole_praksispakke);
  g_test_add_func ("/meetings-gui/notes-survive-crash", test_notes_survive_crash);
  g_test_add_func ("/meetings-gui/close-mid-meeting", test_close_mid_meeting);
  g_test_add_func ("/meetings-gui/presentation", test_presentation);
  g_test_add_func ("/meetings-gui/data-review", test_data_review);
  g_test_add_func ("/meetings-gui/presentation-charts", test_presentation_charts);

  return g_test_run ();
}
