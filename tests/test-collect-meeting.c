/* test-collect-meeting.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include "test-collect-meeting-common.h"

/* Notes from phones in a meeting, against the room on 127.0.0.1 with libsoup's client: a
 * note posted arrives as an unsorted note of the step, every kind of bad request is
 * refused with nothing stored, and no address gives a note back. */

static guint
count_cards (Fixture *fixture)
{
  g_autoptr(GPtrArray) cards = list_cards (fixture);

  return cards->len;
}

/* A fresh note form's token, as a phone gets it. */
static char *
get_token (Fixture *fixture)
{
  g_autoptr(TestResponse) page = test_get (fixture->phone, fixture->address, NULL);
  char *token;

  g_assert_cmpuint (page->status, ==, 200);
  token = test_hidden_value (page->body, "form");
  g_assert_nonnull (token);
  g_assert_true (g_str_has_prefix (token, "note."));
  return token;
}

static TestResponse *
post_note (Fixture    *fixture,
           const char *token,
           const char *colour,
           const char *text)
{
  g_autofree char *escaped_token = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *escaped_text = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *body = g_strdup_printf ("form=%s&colour=%s&text=%s", escaped_token, colour, escaped_text);

  return test_post_form (fixture->phone, fixture->address, body);
}

static void
test_note_arrives (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = get_token (fixture);
  g_autofree char *second = get_token (fixture);
  g_autoptr(TestResponse) response = NULL;
  g_autoptr(TestResponse) page = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  SamMeetingCard *card;

  g_assert_cmpstr (token, !=, second);
  response = post_note (fixture, token, "red", "  For mange afbrydelser\nom formiddagen  ");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (response->body, "Thank You"));
  cards = list_cards (fixture);
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->step, ==, "notes");
  g_assert_cmpint (card->colour, ==, SAM_MEETING_CARD_RED);
  g_assert_cmpstr (card->text, ==, "For mange afbrydelser om formiddagen");
  g_assert_null (card->category);
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->room), ==, 1);

  g_clear_pointer (&response, test_response_free);
  response = post_note (fixture, second, "green", "Godt samarbejde i skranken");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (count_cards (fixture), ==, 2);

  /* Danish after the phone's language; the page holds nothing of the notes. */
  page = test_get (fixture->phone, fixture->address, "da-DK,da;q=0.9");
  g_assert_cmpuint (page->status, ==, 200);
  g_assert_nonnull (strstr (page->body, "lang=\"da\""));
  g_assert_null (strstr (page->body, "afbrydelser"));
  g_assert_null (strstr (page->body, "skranken"));
  g_assert_nonnull (strstr (page->body, "maxlength=\"200\""));
}

static void
test_bad_notes_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = get_token (fixture);
  g_autofree char *forged = g_strdup (token);
  g_autofree char *long_text = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GString) huge = g_string_new ("form=x&text=");
  struct { const char *colour; const char *text; guint status; } cases[] = {
    { "green", "", 400 },
    { "green", "   ", 400 },
    { "blue", "Et forslag", 400 },
    { "", "Et forslag", 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestResponse) response = post_note (fixture, token, cases[i].colour, cases[i].text);

      g_assert_cmpuint (response->status, ==, cases[i].status);
      g_assert_nonnull (strstr (response->body, "Nothing was stored."));
    }

  /* 201 characters: one too many. 200 is taken. */
  long_text = g_strnfill (201, 'a');
  {
    g_autoptr(TestResponse) response = post_note (fixture, token, "green", long_text);

    g_assert_cmpuint (response->status, ==, 400);
  }

  /* Fields that are not a note's, given twice, or no form at all. */
  {
    const char *bodies[] = { "colour=green&text=Hej", "form=note.abc.def&colour=green&text=Hej",
                             "colour=green&text=Hej&text=Hej", "colour=green&text=Hej&role=partner",
                             "colour=green&text=Hej%00" };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
        g_autofree char *body = i == 1 ? g_strdup (bodies[i]) : g_strdup_printf ("form=%s&%s", escaped, bodies[i]);
        g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address,
                                                           i == 0 ? bodies[i] : body);

        g_assert_cmpuint (response->status, ==, 400);
      }
  }

  /* A token with its MAC changed. */
  forged[strlen (forged) - 2] = forged[strlen (forged) - 2] == 'A' ? 'B' : 'A';
  {
    g_autoptr(TestResponse) response = post_note (fixture, forged, "green", "Hej");

    g_assert_cmpuint (response->status, ==, 400);
  }

  /* Not a form. */
  {
    g_autoptr(TestResponse) response = test_post (fixture->phone, fixture->address, "text/plain",
                                                  "colour=green&text=Hej", 21);

    g_assert_cmpuint (response->status, ==, 400);
  }

  /* Too large: 413. */
  g_string_append (huge, "");
  while (huge->len <= 64 * 1024)
    g_string_append_c (huge, 'a');
  {
    g_autoptr(TestResponse) response = test_post (fixture->phone, fixture->address,
                                                  SOUP_FORM_MIME_TYPE_URLENCODED, huge->str, huge->len);

    g_assert_cmpuint (response->status, ==, 413);
  }

  /* The wrong secret, and anything outside the page: 404, nothing stored. */
  wrong = g_strdup (fixture->address);
  wrong[strlen ("http://127.0.0.1:") + 8] ^= 1;
  url = g_strdup (fixture->address);
  {
    const char *paths[] = { "notes", "cards", "votes", "?notes=1" };
    g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
    g_autofree char *body = g_strdup_printf ("form=%s&colour=green&text=Hej", escaped);
    g_autoptr(TestResponse) response = NULL;
    char *slash = strchr (wrong + strlen ("http://"), '/');

    g_assert_nonnull (slash);
    slash[1] ^= 1;
    response = test_post_form (fixture->phone, wrong, body);
    g_assert_cmpuint (response->status, ==, 404);
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *other = g_strconcat (fixture->address, paths[i], NULL);
        g_autoptr(TestResponse) got = test_get (fixture->phone, other, NULL);

        if (paths[i][0] == '?')
          g_assert_cmpuint (got->status, ==, 200);
        else
          g_assert_cmpuint (got->status, ==, 404);
      }
  }
  g_assert_cmpuint (count_cards (fixture), ==, 0);
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->room), ==, 0);
}

static void
test_replay_and_closing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *token = get_token (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TestResponse) first = NULL;
  g_autoptr(TestResponse) again = NULL;
  g_autoptr(TestResponse) ended = NULL;
  g_autofree char *other = get_token (fixture);

  first = post_note (fixture, token, "green", "Vi griner sammen");
  g_assert_cmpuint (first->status, ==, 200);
  /* The same form again is thanked and stores nothing more. */
  again = post_note (fixture, token, "green", "Vi griner sammen");
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpuint (count_cards (fixture), ==, 1);

  /* An ended meeting takes no more notes. */
  g_assert_true (sam_meeting_store_set_ended (fixture->store, fixture->meeting, now, &error));
  g_assert_no_error (error);
  ended = post_note (fixture, other, "green", "Efter mødet");
  g_assert_cmpuint (ended->status, ==, 400);
  g_assert_cmpuint (count_cards (fixture), ==, 1);
}

static void
test_closed_room (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SamCollect) green_only = NULL;
  g_autoptr(SamCollect) no_notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = get_token (fixture);
  g_autofree char *address = g_strdup (fixture->address);
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *body = g_strdup_printf ("form=%s&colour=green&text=Hej", escaped);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) send_error = NULL;

  /* After closing, nothing listens: the phone's post fails and nothing is stored. */
  sam_collect_stop (fixture->room);
  msg = soup_message_new (SOUP_METHOD_POST, address);
  bytes = g_bytes_new (body, strlen (body));
  soup_message_set_request_body_from_bytes (msg, SOUP_FORM_MIME_TYPE_URLENCODED, bytes);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = soup_session_send_and_read (fixture->phone, msg, NULL, &send_error);
  g_assert_null (bytes);
  g_assert_nonnull (send_error);
  g_assert_cmpuint (count_cards (fixture), ==, 0);

  /* A step that takes no notes has no room. */
  no_notes = sam_collect_new_meeting (fixture->store, fixture->meeting, "introduction");
  g_assert_false (sam_collect_start (no_notes, "127.0.0.1", 0, &error));
  g_assert_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED);
}

static void
test_decode (void)
{
  SamCollectNote note;
  g_autoptr(GError) error = NULL;
  const char *good = "form=note.AAAA.BBBB&colour=red&text=%C3%86bler+og+p%C3%A6rer";
  const char *bad[] = { "", "form=note.AAAA.BBBB", "form=note.AAAA.BBBB&colour=red",
                        "form=partner.AAAA.BBBB&colour=red&text=x", "form=note.AAAA.BBBB&colour=red&text=%ff",
                        "form=note.AAAA.BBBB&colour=red&text=%1b", "form=note.AAAA.BBBB&colour=red&text=%4",
                        "form=note..BBBB&colour=red&text=x", "form=note.AAAA.BBBB&colour=Red&text=x" };

  g_assert_true (sam_collect_note_decode (NULL, good, strlen (good), &note, &error));
  g_assert_no_error (error);
  g_assert_true (note.red);
  g_assert_cmpstr (note.text, ==, "Æbler og pærer");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_false (sam_collect_note_decode (NULL, bad[i], strlen (bad[i]), &note, &error));
      g_assert_nonnull (error);
    }
  /* 200 characters of two bytes each are a note; 201 are not. */
  {
    g_autoptr(GString) body = g_string_new ("form=note.AAAA.BBBB&colour=green&text=");

    for (guint i = 0; i < 200; i++)
      g_string_append (body, "%C3%B8");
    g_clear_error (&error);
    g_assert_true (sam_collect_note_decode (NULL, body->str, body->len, &note, &error));
    g_assert_cmpuint (g_utf8_strlen (note.text, -1), ==, 200);
    g_string_append (body, "%C3%B8");
    g_assert_false (sam_collect_note_decode (NULL, body->str, body->len, &note, &error));
  }
}

int
main (int   argc,
      char *argv[])
{
  collect_meeting_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/collect-meeting/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("note-arrives", test_note_arrives);
  ADD ("bad-notes-refused", test_bad_notes_refused);
  ADD ("replay-and-closing", test_replay_and_closing);
  ADD ("closed-room", test_closed_room);
  g_test_add_func ("/collect-meeting/decode", test_decode);
  return g_test_run ();
}
