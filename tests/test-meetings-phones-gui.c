/* test-meetings-phones-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-meetings-common.h"

/* The Meetings section's runner with phones in the room, through the window: the step
 * list and the note keys, notes posted from phones, votes shown only from k voters, and
 * the answers to a step's questions. */

/* Issue 14's runner keys and issue 16's notes from phones: the step list goes to a step
 * when a row is activated; a note clicked takes the focus; the note menu names its keys
 * as typed; a note posted from a phone arrives under "Not sorted", and deleting it can be
 * undone. */
static void
test_phones_and_steps (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) phone = NULL;
  g_autoptr(TestResponse) page = NULL;
  g_autoptr(TestResponse) posted = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *token = NULL;
  g_autofree char *body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *address = NULL;
  SamMeetingRunner *runner;
  GtkListBox *steps;
  GtkWidget *card, *entry, *menu_button, *popover;
  gint64 meeting_id;

  open_session (&session, "phones");
  g_assert_true (sam_meeting_store_create (session.store, "clinic-wellbeing", session.clinic_id, 0,
                                           "2026-05-04", 6, FALSE, &meeting_id, &error));
  g_assert_true (sam_meetings_page_run (session.page, meeting_id, &error));
  g_assert_no_error (error);
  runner = sam_meetings_page_get_runner (session.page);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "introduction");
  /* No notes on this step: nothing to open for phones. */
  g_assert_false (gtk_widget_is_sensitive (runner_child (runner, "phones_button")));

  /* The second row of the steps, activated as Enter on it does, goes to that step. */
  steps = GTK_LIST_BOX (runner_child (runner, "steps_list"));
  g_assert_true (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (steps, 1)));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 1)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 1))));
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "notes");
  /* And back again, from the first row. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 0))));
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "introduction");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 1))));
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "notes");

  /* Open for phones, on this computer only for the test. */
  g_assert_true (gtk_widget_is_sensitive (runner_child (runner, "phones_button")));
  g_assert_false (gtk_widget_get_visible (runner_child (runner, "phones_box")));
  _sam_meeting_runner_set_phones_listen (runner, "127.0.0.1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (runner), "runner.phones", NULL));
  g_assert_nonnull (_sam_meeting_runner_get_phones (runner));
  g_assert_true (gtk_widget_get_visible (runner_child (runner, "phones_box")));
  address = g_strdup (gtk_label_get_label (GTK_LABEL (runner_child (runner, "phones_address_label"))));
  g_assert_true (g_str_has_prefix (address, "http://127.0.0.1:"));

  phone = soup_session_new ();
  page = test_get (phone, address, "en");
  g_assert_cmpuint (page->status, ==, 200);
  token = test_hidden_value (page->body, "form");
  escaped = g_uri_escape_string (token, NULL, FALSE);
  body = g_strdup_printf ("form=%s&colour=red&text=Travlt+i+telefontiden", escaped);
  posted = test_post_form (phone, address, body);
  g_assert_cmpuint (posted->status, ==, 200);
  test_spin_until (runner_has_card, runner);
  card = first_card_in_column (runner, 0);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "red"));
  collect_labels (card, texts);
  g_assert_true (has_text (texts, "Travlt i telefontiden"));
  g_ptr_array_set_size (texts, 0);
  collect_labels (runner_child (runner, "phones_count_label"), texts);
  g_assert_true (has_text (texts, "1 note from phones"));
  maybe_shot (runner, "runner-phones.png");

  /* Clicked, the note has the focus, not the entry: the heading keys sort it. */
  entry = runner_child (runner, "card_entry");
  gtk_widget_grab_focus (entry);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (card);
    gboolean pressed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          {
            g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
            pressed = TRUE;
          }
      }
    g_assert_true (pressed);
  }
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (card)) == card);
  g_assert_false (gtk_root_get_focus (gtk_widget_get_root (entry)) == entry);

  /* The menu names each heading's key as it is typed, never the keypad's. */
  menu_button = test_find_widget (card, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  /* Read without showing it: on Xvfb, GTK 4.8 now and then places a popover against a
   * monitor already gone, a fatal critical. The menu is built whether shown or not. */
  test_spin (5);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (popover);
  g_ptr_array_set_size (texts, 0);
  collect_labels (popover, texts);
  g_assert_true (has_text (texts, "Not Sorted"));
  g_assert_true (has_text (texts, "0"));
  g_assert_true (has_text (texts, "1"));
  for (guint i = 0; i < texts->len; i++)
    g_assert_null (strstr (g_ptr_array_index (texts, i), "KP"));

  /* Deleted, it is out of the store; Undo puts it back. */
  gtk_widget_activate_action (card, "card.delete", NULL);
  g_assert_null (first_card_in_column (runner, 0));
  {
    g_autoptr(GPtrArray) cards = sam_meeting_store_list_cards (session.store, meeting_id, NULL);

    g_assert_cmpuint (cards->len, ==, 0);
  }
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.undo-delete", NULL);
  card = first_card_in_column (runner, 0);
  g_assert_nonnull (card);
  {
    g_autoptr(GPtrArray) cards = sam_meeting_store_list_cards (session.store, meeting_id, NULL);

    g_assert_cmpuint (cards->len, ==, 1);
    g_assert_cmpstr (((SamMeetingCard *) g_ptr_array_index (cards, 0))->text, ==, "Travlt i telefontiden");
  }

  /* Another step closes the room: the phones can no longer reach it. */
  sam_meeting_runner_next (runner);
  g_assert_null (_sam_meeting_runner_get_phones (runner));
  g_assert_false (gtk_widget_get_visible (runner_child (runner, "phones_box")));
  {
    g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, address);
    g_autoptr(GError) send_error = NULL;
    g_autoptr(GBytes) bytes = soup_session_send_and_read (phone, msg, NULL, &send_error);

    g_assert_null (bytes);
    g_assert_nonnull (send_error);
  }
  close_session (&session);
}

static void
post_vote_from_phone (SoupSession *phone,
                      const char  *address,
                      gint64       card_id)
{
  g_autoptr(TestResponse) page = test_get (phone, address, "en");
  g_autofree char *token = test_hidden_value (page->body, "form");
  g_autofree char *escaped = NULL;
  g_autofree char *body = NULL;
  g_autoptr(TestResponse) posted = NULL;

  g_assert_nonnull (token);
  escaped = g_uri_escape_string (token, NULL, FALSE);
  body = g_strdup_printf ("form=%s&vote=%" G_GINT64_FORMAT, escaped, card_id);
  posted = test_post_form (phone, address, body);
  g_assert_cmpuint (posted->status, ==, 200);
}

/* Issue 16's votes: on the step that picks which red notes to work on, phones vote; the
 * runner lists the meeting's red notes and says how many must vote before counts show,
 * and shows each note's votes only once k (3) have voted, never before. */
static void
test_votes_and_questions (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) phone = soup_session_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *address = NULL;
  SamMeetingRunner *runner;
  GtkWidget *room;
  gint64 meeting_id, busy, lunch;
  const SamMeetingStep *step;

  open_session (&session, "votes");
  g_assert_true (sam_meeting_store_create (session.store, "clinic-wellbeing", session.clinic_id, 0,
                                           "2026-05-04", 6, FALSE, &meeting_id, &error));
  g_assert_true (sam_meeting_store_add_card (session.store, meeting_id, "notes", SAM_MEETING_CARD_RED,
                                             "Travlt i telefontiden", NULL, &busy, &error));
  g_assert_true (sam_meeting_store_add_card (session.store, meeting_id, "notes", SAM_MEETING_CARD_RED,
                                             "Ingen fælles frokost", NULL, &lunch, &error));
  g_assert_true (sam_meeting_store_add_card (session.store, meeting_id, "notes", SAM_MEETING_CARD_GREEN,
                                             "Godt humør", NULL, NULL, &error));
  g_assert_true (sam_meetings_page_run (session.page, meeting_id, &error));
  g_assert_no_error (error);
  runner = sam_meetings_page_get_runner (session.page);
  room = _sam_meeting_runner_get_part (runner, "phones_room");
  g_assert_nonnull (room);
  g_assert_false (gtk_widget_get_visible (room));

  /* "One or two small changes" picks the red notes to work on. */
  for (guint i = 0; i < 10 && !g_str_equal (sam_meeting_runner_get_step (runner)->id, "decide"); i++)
    sam_meeting_runner_next (runner);
  step = sam_meeting_runner_get_step (runner);
  g_assert_cmpstr (step->id, ==, "decide");
  g_assert_cmpint (step->phones, ==, SAM_MEETING_PHONES_VOTES);
  g_assert_true (gtk_widget_get_visible (room));
  g_assert_false (gtk_widget_get_visible (runner_child (runner, "cards_box")));
  collect_labels (room, texts);
  g_assert_true (has_text (texts, "Votes for Red Notes"));
  g_assert_true (has_text (texts, "Travlt i telefontiden"));
  g_assert_true (has_text (texts, "Ingen fælles frokost"));
  g_assert_false (has_text (texts, "Godt humør"));
  g_assert_true (has_text (texts, "Counts show when at least 3 have voted"));

  _sam_meeting_runner_set_phones_listen (runner, "127.0.0.1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (runner), "runner.phones", NULL));
  g_assert_nonnull (_sam_meeting_runner_get_phones (runner));
  address = g_strdup (sam_collect_get_address (_sam_meeting_runner_get_phones (runner)));

  /* Two have voted, both for the same note: no count shows, only how many voted. */
  post_vote_from_phone (phone, address, busy);
  post_vote_from_phone (phone, address, busy);
  g_ptr_array_set_size (texts, 0);
  collect_labels (room, texts);
  g_assert_true (has_text (texts, "2 people have voted"));
  g_assert_true (has_text (texts, "Counts show when at least 3 have voted"));
  g_assert_false (has_text (texts, "2 votes"));
  g_assert_false (has_text (texts, "1 vote"));
  g_assert_false (has_text (texts, "0 votes"));
  g_assert_true (has_text (texts, address));
  maybe_shot_at (runner, "runner-votes-hidden.png", room);

  /* The third: every red note's count shows, most votes first. */
  post_vote_from_phone (phone, address, lunch);
  g_ptr_array_set_size (texts, 0);
  collect_labels (room, texts);
  g_assert_true (has_text (texts, "3 people have voted"));
  g_assert_false (has_text (texts, "Counts show when at least 3 have voted"));
  g_assert_true (has_text (texts, "2 votes"));
  g_assert_true (has_text (texts, "1 vote"));
  maybe_shot_at (runner, "runner-votes.png", room);

  /* Another step closes the room and hides the panel. */
  sam_meeting_runner_next (runner);
  g_assert_null (_sam_meeting_runner_get_phones (runner));
  g_assert_false (gtk_widget_get_visible (room));
  close_session (&session);
}

/* The well-being session's closing: its two anonymous questions with the answers from
 * phones, in a list by question, in the order of their text. */
static void
test_answers_list (void)
{
  Session session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  SamMeetingRunner *runner;
  GtkWidget *room;
  gint64 cluster, wellbeing;

  open_session (&session, "answers");
  {
    const char *first[] = { "Tid til hinanden", "Flere inspirationsdage" };
    const char *second[] = { "At trivsel kan måles", NULL };

    g_assert_true (sam_store_ensure_cluster (session.store, "Klynge Nord", &cluster, &error));
    g_assert_true (sam_meeting_store_create (session.store, "cluster-wellbeing", 0, cluster, "2026-05-04", 9,
                                             FALSE, &wellbeing, &error));
    g_assert_true (sam_meeting_store_add_answers (session.store, wellbeing, "closing", first, 2, &error));
    g_assert_true (sam_meeting_store_add_answers (session.store, wellbeing, "closing", second, 2, &error));
    g_assert_no_error (error);
  }
  g_assert_true (sam_meetings_page_run (session.page, wellbeing, &error));
  g_assert_no_error (error);
  runner = sam_meetings_page_get_runner (session.page);
  room = _sam_meeting_runner_get_part (runner, "phones_room");
  for (guint i = 0; i < 20 && !g_str_equal (sam_meeting_runner_get_step (runner)->id, "closing"); i++)
    sam_meeting_runner_next (runner);
  g_assert_cmpstr (sam_meeting_runner_get_step (runner)->id, ==, "closing");
  g_assert_true (gtk_widget_get_visible (room));
  g_ptr_array_set_size (texts, 0);
  collect_labels (room, texts);
  g_assert_true (has_text (texts, "Answers from Phones"));
  g_assert_true (has_text (texts, "Name the two most important things you take home from this session."));
  g_assert_true (has_text (texts, "Flere inspirationsdage"));
  /* In the order of their text, not of their arrival. */
  {
    int at = -1, tid = -1;

    for (guint i = 0; i < texts->len; i++)
      {
        if (g_str_equal (g_ptr_array_index (texts, i), "At trivsel kan måles"))
          at = i;
        if (g_str_equal (g_ptr_array_index (texts, i), "Tid til hinanden"))
          tid = i;
      }
    g_assert_cmpint (at, >=, 0);
    g_assert_cmpint (tid, >, at);
  }
  test_spin (20);
  maybe_shot_at (runner, "runner-answers.png", room);
  close_session (&session);
}

int
main (int   argc,
      char *argv[])
{
  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/meetings-gui/phones-and-steps", test_phones_and_steps);
  g_test_add_func ("/meetings-gui/votes-shown-at-k", test_votes_and_questions);
  g_test_add_func ("/meetings-gui/answers-list", test_answers_list);

  return g_test_run ();
}
