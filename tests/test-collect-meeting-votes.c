/* test-collect-meeting-votes.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include "test-collect-meeting-common.h"

/* Votes for red notes and the anonymous questions, in rooms of their own */

typedef struct
{
  Fixture  base;
  gint64   red[4];       /* red notes of the meeting */
  gint64   green;
  gint64   other_red;    /* a red note of another meeting */
} VoteFixture;

static void
vote_fixture_set_up (VoteFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *texts[] = { "For mange afbrydelser", "Ingen fælles frokost", "Uklar vagtplan", "Travlt i telefontiden" };
  gint64 other;

  fixture_set_up (&fixture->base, data);
  /* The room on the notes step is not this test's: the votes' step gets its own. */
  sam_collect_stop (fixture->base.room);
  g_clear_object (&fixture->base.room);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (sam_meeting_store_add_card (fixture->base.store, fixture->base.meeting, i < 2 ? "notes" : "round",
                                               SAM_MEETING_CARD_RED, texts[i], NULL, &fixture->red[i], &error));
  g_assert_true (sam_meeting_store_add_card (fixture->base.store, fixture->base.meeting, "notes",
                                             SAM_MEETING_CARD_GREEN, "Godt humør", NULL, &fixture->green, &error));
  g_assert_true (sam_meeting_store_create (fixture->base.store, "clinic-wellbeing", fixture->base.clinic, 0,
                                           "2026-05-05", 4, FALSE, &other, &error));
  g_assert_true (sam_meeting_store_add_card (fixture->base.store, other, "notes", SAM_MEETING_CARD_RED,
                                             "En anden klinik", NULL, &fixture->other_red, &error));
  g_assert_no_error (error);
  /* The step that picks which red notes to work on. */
  fixture->base.room = sam_collect_new_meeting (fixture->base.store, fixture->base.meeting, "decide");
  g_assert_true (sam_collect_start (fixture->base.room, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->base.address = sam_collect_get_address (fixture->base.room);
}

static void
vote_fixture_tear_down (VoteFixture   *fixture,
                        gconstpointer  data)
{
  fixture_tear_down (&fixture->base, data);
}

static TestResponse *
post_vote (Fixture      *fixture,
           const char   *token,
           const gint64 *ids,
           guint         n_ids)
{
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_printf (body, "form=%s", escaped);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (body, "&vote=%" G_GINT64_FORMAT, ids[i]);
  return test_post_form (fixture->phone, fixture->address, body->str);
}

static guint
count_ballots (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) votes = NULL;
  guint ballots = 99;

  votes = sam_meeting_store_get_votes (fixture->store, fixture->meeting, "decide", 1, &ballots, &error);
  g_assert_no_error (error);
  return ballots;
}

static guint
votes_of (Fixture *fixture,
          gint64   card_id,
          guint    k)
{
  g_autoptr(GArray) votes = sam_meeting_store_get_votes (fixture->store, fixture->meeting, "decide", k, NULL, NULL);

  g_assert_nonnull (votes);
  for (guint i = 0; i < votes->len; i++)
    if (g_array_index (votes, SamMeetingVote, i).card_id == card_id)
      return g_array_index (votes, SamMeetingVote, i).votes;
  return 0;
}

/* The page replaced its token with a fixed one, to compare two pages. */
static char *
without_token (const char *page,
               const char *token)
{
  g_auto(GStrv) parts = g_strsplit (page, token, -1);

  return g_strjoinv ("TOKEN", parts);
}

/* A vote form lists the meeting's red notes (not green ones, not another meeting's) as
 * boxes to tick; a vote is counted once a note, once a form; the page shows no count. */
static void
test_votes_counted (VoteFixture   *fixture,
                    gconstpointer  data)
{
  Fixture *base = &fixture->base;
  g_autofree char *page = NULL;
  g_autofree char *later_page = NULL;
  g_autofree char *token = get_token_of (base, "vote", &page);
  g_autofree char *second = get_token_of (base, "vote", NULL);
  g_autofree char *third = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *plain_later = NULL;
  g_autoptr(TestResponse) response = NULL;
  const gint64 first_ids[] = { fixture->red[0], fixture->red[2] };
  const gint64 second_ids[] = { fixture->red[2] };

  g_assert_nonnull (strstr (page, "type=\"checkbox\" name=\"vote\""));
  g_assert_nonnull (strstr (page, "For mange afbrydelser"));
  g_assert_nonnull (strstr (page, "Travlt i telefontiden"));
  g_assert_null (strstr (page, "Godt humør"));
  g_assert_null (strstr (page, "En anden klinik"));

  response = post_vote (base, token, first_ids, 2);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (response->body, "Thank You"));
  g_assert_cmpuint (count_ballots (base), ==, 1);
  g_assert_cmpuint (votes_of (base, fixture->red[0], 1), ==, 1);
  g_assert_cmpuint (votes_of (base, fixture->red[2], 1), ==, 1);
  g_assert_cmpuint (sam_collect_get_n_answered (base->room), ==, 1);

  /* The same form again is thanked and counts nothing more. */
  g_clear_pointer (&response, test_response_free);
  response = post_vote (base, token, first_ids, 2);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (count_ballots (base), ==, 1);
  g_assert_cmpuint (votes_of (base, fixture->red[0], 1), ==, 1);

  g_clear_pointer (&response, test_response_free);
  response = post_vote (base, second, second_ids, 1);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (count_ballots (base), ==, 2);
  g_assert_cmpuint (votes_of (base, fixture->red[2], 1), ==, 2);

  /* The page after the votes is the page before them: no count is on it. */
  third = get_token_of (base, "vote", &later_page);
  plain = without_token (page, token);
  plain_later = without_token (later_page, third);
  g_assert_cmpstr (plain, ==, plain_later);
}

/* Counts only from k voters on: below, the store gives none, whatever the notes got. k
 * is the minimum group size, and never below the safe size. */
static void
test_votes_hidden_below_k (VoteFixture   *fixture,
                           gconstpointer  data)
{
  Fixture *base = &fixture->base;
  const gint64 ids[] = { fixture->red[1] };
  guint k = sam_meeting_votes_min_voters (base->store);
  guint ballots = 0;

  g_assert_cmpuint (k, ==, 3);
  for (guint i = 0; i < k; i++)
    {
      g_autofree char *token = get_token_of (base, "vote", NULL);
      g_autoptr(TestResponse) response = post_vote (base, token, ids, 1);
      g_autoptr(GArray) votes = NULL;

      g_assert_cmpuint (response->status, ==, 200);
      votes = sam_meeting_store_get_votes (base->store, base->meeting, "decide", k, &ballots, NULL);
      g_assert_cmpuint (ballots, ==, i + 1);
      /* Hidden until the k-th vote form. */
      g_assert_cmpuint (votes->len, ==, i + 1 < k ? 0 : 1);
    }
  g_assert_cmpuint (votes_of (base, fixture->red[1], k), ==, k);

  /* A minimum group size of 5 raises it; one of 1 does not lower it below 3. */
  g_assert_true (sam_store_set_min_group_size (base->store, 5, NULL));
  g_assert_cmpuint (sam_meeting_votes_min_voters (base->store), ==, 5);
  g_assert_cmpuint (votes_of (base, fixture->red[1], sam_meeting_votes_min_voters (base->store)), ==, 0);
  g_assert_true (sam_store_set_min_group_size (base->store, 1, NULL));
  g_assert_cmpuint (sam_meeting_votes_min_voters (base->store), ==, 3);
}

/* No more vote forms than people taking part (six): the seventh is refused with nothing
 * counted, so that one person cannot outvote the rest and take their own votes away from
 * the counts to see the others'. */
static void
test_votes_no_more_than_taking_part (VoteFixture   *fixture,
                                     gconstpointer  data)
{
  Fixture *base = &fixture->base;
  const gint64 ids[] = { fixture->red[0] };
  g_autoptr(SamMeeting) meeting = sam_meeting_store_get (base->store, base->meeting, NULL);
  g_autofree char *token = NULL;
  g_autoptr(TestResponse) refused = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (meeting->participants, ==, 6);
  for (guint i = 0; i < meeting->participants; i++)
    {
      g_autofree char *form = get_token_of (base, "vote", NULL);
      g_autoptr(TestResponse) response = post_vote (base, form, ids, 1);

      g_assert_cmpuint (response->status, ==, 200);
    }
  token = get_token_of (base, "vote", NULL);
  refused = post_vote (base, token, ids, 1);
  g_assert_cmpuint (refused->status, ==, 409);
  g_assert_nonnull (strstr (refused->body, "As many have voted as take part in the meeting."));
  g_assert_cmpuint (count_ballots (base), ==, 6);
  g_assert_cmpuint (votes_of (base, fixture->red[0], 1), ==, 6);

  /* The store itself refuses it too, whoever asks. */
  g_assert_false (sam_meeting_store_add_ballot (base->store, base->meeting, "decide", ids, 1, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FULL);
  g_assert_cmpuint (count_ballots (base), ==, 6);
}

/* Every kind of bad vote is refused with nothing counted. */
static void
test_bad_votes_refused (VoteFixture   *fixture,
                        gconstpointer  data)
{
  Fixture *base = &fixture->base;
  g_autofree char *token = get_token_of (base, "vote", NULL);
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *forged = g_strdup (token);
  g_autoptr(GString) huge = g_string_new ("form=x&vote=");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const gint64 too_many[] = { fixture->red[0], fixture->red[1], fixture->red[2], fixture->red[3] };
  const gint64 twice[] = { fixture->red[0], fixture->red[0] };
  const gint64 green[] = { fixture->green };
  const gint64 other[] = { fixture->other_red };
  const gint64 unknown[] = { 9999 };
  const gint64 good[] = { fixture->red[0] };
  struct { const gint64 *ids; guint n; } cases[] = {
    { too_many, 4 }, { twice, 2 }, { green, 1 }, { other, 1 }, { unknown, 1 }, { NULL, 0 },
  };
  const char *bodies[] = { "vote=1", "form=vote.AAAA.BBBB&vote=1", "form=note.AAAA.BBBB&vote=1",
                           "&vote=01", "&vote=-1", "&vote=1x", "&vote=", "&vote=1&colour=red",
                           "&vote=1&form=x", "&text=Hej", "&vote=99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestResponse) response = post_vote (base, token, cases[i].ids, cases[i].n);

      g_assert_cmpuint (response->status, ==, 400);
      g_assert_nonnull (strstr (response->body, "Nothing was stored."));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *body = bodies[i][0] == '&' ? g_strconcat ("form=", escaped, bodies[i], NULL)
                                                  : g_strdup (bodies[i]);
      g_autoptr(TestResponse) response = test_post_form (base->phone, base->address, body);

      g_assert_cmpuint (response->status, ==, 400);
    }
  /* A token with its MAC changed. */
  forged[strlen (forged) - 2] = forged[strlen (forged) - 2] == 'A' ? 'B' : 'A';
  {
    g_autoptr(TestResponse) response = post_vote (base, forged, good, 1);

    g_assert_cmpuint (response->status, ==, 400);
  }
  /* Not a form. */
  {
    g_autofree char *body = g_strconcat ("form=", escaped, "&vote=1", NULL);
    g_autoptr(TestResponse) response = test_post (base->phone, base->address, "text/plain", body, strlen (body));

    g_assert_cmpuint (response->status, ==, 400);
  }
  /* Too large: 413. */
  while (huge->len <= 64 * 1024)
    g_string_append_c (huge, '1');
  {
    g_autoptr(TestResponse) response = test_post (base->phone, base->address, SOUP_FORM_MIME_TYPE_URLENCODED,
                                                  huge->str, huge->len);

    g_assert_cmpuint (response->status, ==, 413);
  }
  g_assert_cmpuint (count_ballots (base), ==, 0);
  g_assert_cmpuint (sam_collect_get_n_answered (base->room), ==, 0);
  {
    g_autoptr(GPtrArray) cards = list_cards (base);

    for (guint i = 0; i < cards->len; i++)
      g_assert_cmpuint (votes_of (base, ((SamMeetingCard *) g_ptr_array_index (cards, i))->id, 1), ==, 0);
  }

  /* The token refused above is still good for one vote; an ended meeting takes none. */
  g_assert_true (sam_meeting_store_set_ended (base->store, base->meeting, now, &error));
  {
    g_autoptr(TestResponse) response = post_vote (base, token, good, 1);
    g_autoptr(TestResponse) page = test_get (base->phone, base->address, NULL);

    g_assert_cmpuint (response->status, ==, 400);
    g_assert_cmpuint (page->status, ==, 404);
  }
  g_assert_cmpuint (count_ballots (base), ==, 0);
}

/* No address gives back a vote or a count. */
static void
test_votes_not_readable (VoteFixture   *fixture,
                         gconstpointer  data)
{
  Fixture *base = &fixture->base;
  const gint64 ids[] = { fixture->red[3] };
  const char *paths[] = { "votes", "counts", "results", "answers", "1", "decide", "phone.json" };

  g_autofree char *first_thanks = NULL;

  /* The thanks are the same words whatever the count: the first vote's as the third's. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *token = get_token_of (base, "vote", NULL);
      g_autoptr(TestResponse) response = post_vote (base, token, ids, 1);

      g_assert_cmpuint (response->status, ==, 200);
      if (first_thanks == NULL)
        first_thanks = g_strdup (response->body);
      g_assert_cmpstr (response->body, ==, first_thanks);
    }
  g_assert_cmpuint (votes_of (base, fixture->red[3], 1), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *url = g_strconcat (base->address, paths[i], NULL);
      g_autoptr(TestResponse) got = test_get (base->phone, url, NULL);

      g_assert_cmpuint (got->status, ==, 404);
    }
  {
    g_autofree char *url = g_strconcat (base->address, "?votes=1&lang=en", NULL);
    g_autoptr(TestResponse) got = test_get (base->phone, url, NULL);

    g_assert_cmpuint (got->status, ==, 200);
    g_assert_null (strstr (got->body, "3 votes"));
    g_assert_null (strstr (got->body, ">3<"));
  }
}

typedef struct
{
  Fixture  base;
  gint64   cluster;
} QuestionFixture;

static void
question_fixture_set_up (QuestionFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting;

  fixture_set_up (&fixture->base, data);
  sam_collect_stop (fixture->base.room);
  g_clear_object (&fixture->base.room);
  g_assert_true (sam_store_ensure_cluster (fixture->base.store, "Klynge Syd", &fixture->cluster, NULL));
  g_assert_true (sam_meeting_store_create (fixture->base.store, "cluster-wellbeing", 0, fixture->cluster,
                                           "2026-05-06", 12, FALSE, &meeting, &error));
  g_assert_no_error (error);
  fixture->base.meeting = meeting;
  /* Seed 003's "Afslutning, opsamling": two questions answered anonymously. */
  fixture->base.room = sam_collect_new_meeting (fixture->base.store, meeting, "closing");
  g_assert_true (sam_collect_start (fixture->base.room, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->base.address = sam_collect_get_address (fixture->base.room);
}

static void
question_fixture_tear_down (QuestionFixture *fixture,
                            gconstpointer    data)
{
  fixture_tear_down (&fixture->base, data);
}

static TestResponse *
post_answers (Fixture    *fixture,
              const char *token,
              const char *q1,
              const char *q2)
{
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_printf (body, "form=%s", escaped);
  if (q1 != NULL)
    {
      g_autofree char *text = g_uri_escape_string (q1, NULL, FALSE);

      g_string_append_printf (body, "&q1=%s", text);
    }
  if (q2 != NULL)
    {
      g_autofree char *text = g_uri_escape_string (q2, NULL, FALSE);

      g_string_append_printf (body, "&q2=%s", text);
    }
  return test_post_form (fixture->phone, fixture->address, body->str);
}

static GPtrArray *
list_answers (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *answers = sam_meeting_store_list_answers (fixture->store, fixture->meeting, &error);

  g_assert_no_error (error);
  return answers;
}

/* The form asks the step's two questions in the phone's language; answers are stored
 * once a form, kept in the order of their text, and never given back. */
static void
test_answers_stored (QuestionFixture *fixture,
                     gconstpointer    data)
{
  Fixture *base = &fixture->base;
  g_autofree char *page = NULL;
  g_autofree char *token = get_token_of (base, "answer", &page);
  g_autofree char *second = get_token_of (base, "answer", NULL);
  g_autoptr(TestResponse) response = NULL;
  g_autoptr(TestResponse) danish = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  SamMeetingAnswer *answer;

  g_assert_nonnull (strstr (page, "Name the two most important things you take home from this session."));
  g_assert_nonnull (strstr (page, "Name the two most important things KiAP could work on"));
  g_assert_nonnull (strstr (page, "name=\"q1\""));
  g_assert_nonnull (strstr (page, "name=\"q2\""));
  g_assert_null (strstr (page, "name=\"q3\""));
  g_assert_nonnull (strstr (page, "maxlength=\"200\""));

  response = post_answers (base, token, "  Tid til\nhinanden ", "Flere inspirationsdage");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (response->body, "Thank You"));
  /* Replayed: thanked, nothing more stored. */
  g_clear_pointer (&response, test_response_free);
  response = post_answers (base, token, "Tid til hinanden", "Flere inspirationsdage");
  g_assert_cmpuint (response->status, ==, 200);
  /* A second phone answers the first question only. */
  g_clear_pointer (&response, test_response_free);
  response = post_answers (base, second, "At trivsel kan måles", "");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (sam_collect_get_n_answered (base->room), ==, 2);

  answers = list_answers (base);
  g_assert_cmpuint (answers->len, ==, 3);
  /* In the order of their text within a question, not of their arrival. */
  answer = g_ptr_array_index (answers, 0);
  g_assert_cmpuint (answer->question, ==, 1);
  g_assert_cmpstr (answer->text, ==, "At trivsel kan måles");
  answer = g_ptr_array_index (answers, 1);
  g_assert_cmpstr (answer->text, ==, "Tid til hinanden");
  g_assert_cmpuint (answer->count, ==, 1);
  answer = g_ptr_array_index (answers, 2);
  g_assert_cmpuint (answer->question, ==, 2);
  g_assert_cmpstr (answer->text, ==, "Flere inspirationsdage");

  /* In Danish, the seed's own words; the page holds none of the answers. */
  danish = test_get (base->phone, base->address, "da-DK,da;q=0.9");
  g_assert_cmpuint (danish->status, ==, 200);
  g_assert_nonnull (strstr (danish->body, "lang=\"da\""));
  g_assert_nonnull (strstr (danish->body, "Nævn de 2 vigtigste ting, som du tager med fra denne session."));
  g_assert_null (strstr (danish->body, "hinanden"));
  g_assert_null (strstr (danish->body, "inspirationsdage"));
  {
    const char *paths[] = { "answers", "list", "closing" };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *url = g_strconcat (base->address, paths[i], NULL);
        g_autoptr(TestResponse) got = test_get (base->phone, url, NULL);

        g_assert_cmpuint (got->status, ==, 404);
      }
  }
}

/* Every kind of bad answer form is refused with nothing stored. */
static void
test_bad_answers_refused (QuestionFixture *fixture,
                          gconstpointer    data)
{
  Fixture *base = &fixture->base;
  g_autofree char *token = get_token_of (base, "answer", NULL);
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *long_text = g_strnfill (201, 'a');
  g_autofree char *longest = g_strnfill (200, 'a');
  g_autofree char *forged = g_strdup (token);
  g_autoptr(GString) huge = g_string_new ("form=x&q1=");
  const char *bodies[] = { "q1=Hej", "form=answer.AAAA.BBBB&q1=Hej", "form=vote.AAAA.BBBB&q1=Hej",
                           "&q3=Hej", "&q1=Hej&q1=Hej", "&q1=&q2=", "&q1=+++", "", "&q1=Hej%00",
                           "&q1=Hej%1b", "&q1=%ff", "&q1=Hej&vote=1", "&q0=Hej", "&q10=Hej", "&Q1=Hej",
                           "&q1=Hej&form=x" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *body = bodies[i][0] == '&' || bodies[i][0] == '\0'
                              ? g_strconcat ("form=", escaped, bodies[i], NULL) : g_strdup (bodies[i]);
      g_autoptr(TestResponse) response = test_post_form (base->phone, base->address, body);

      g_assert_cmpuint (response->status, ==, 400);
      g_assert_nonnull (strstr (response->body, "Nothing was stored."));
    }
  {
    g_autoptr(TestResponse) response = post_answers (base, token, long_text, NULL);

    g_assert_cmpuint (response->status, ==, 400);
  }
  forged[strlen (forged) - 2] = forged[strlen (forged) - 2] == 'A' ? 'B' : 'A';
  {
    g_autoptr(TestResponse) response = post_answers (base, forged, "Hej", NULL);

    g_assert_cmpuint (response->status, ==, 400);
  }
  {
    g_autofree char *body = g_strconcat ("form=", escaped, "&q1=Hej", NULL);
    g_autoptr(TestResponse) response = test_post (base->phone, base->address, "text/plain", body, strlen (body));

    g_assert_cmpuint (response->status, ==, 400);
  }
  while (huge->len <= 64 * 1024)
    g_string_append_c (huge, 'a');
  {
    g_autoptr(TestResponse) response = test_post (base->phone, base->address, SOUP_FORM_MIME_TYPE_URLENCODED,
                                                  huge->str, huge->len);

    g_assert_cmpuint (response->status, ==, 413);
  }
  {
    g_autoptr(GPtrArray) answers = list_answers (base);

    g_assert_cmpuint (answers->len, ==, 0);
  }
  g_assert_cmpuint (sam_collect_get_n_answered (base->room), ==, 0);

  /* 200 characters are an answer; the token refused above still is good once. */
  {
    g_autoptr(TestResponse) response = post_answers (base, token, longest, NULL);
    g_autoptr(GPtrArray) answers = list_answers (base);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpuint (answers->len, ==, 1);
  }
}

static void
test_decode_votes_and_answers (void)
{
  SamCollectVote vote;
  g_autofree SamCollectAnswers *answers = g_new0 (SamCollectAnswers, 1);
  g_autoptr(GError) error = NULL;
  const char *good_vote = "form=vote.AAAA.BBBB&vote=12&vote=7";
  const char *bad_votes[] = { "", "form=vote.AAAA.BBBB", "vote=1", "form=note.AAAA.BBBB&vote=1",
                              "form=vote.AAAA.BBBB&vote=1&vote=1", "form=vote.AAAA.BBBB&vote=1&vote=2&vote=3&vote=4",
                              "form=vote.AAAA.BBBB&vote=0", "form=vote.AAAA.BBBB&vote=+1", "form=vote.AAAA.BBBB&vote=1.5",
                              "form=vote..BBBB&vote=1", "form=vote.AAAA.BBBB&Vote=1", "form=vote.AAAA.BBBB&vote=%4" };
  const char *good_answers = "form=answer.AAAA.BBBB&q2=%C3%86bler+og+p%C3%A6rer&q1=";
  const char *bad_answers[] = { "", "form=answer.AAAA.BBBB", "form=answer.AAAA.BBBB&q1=", "q1=x",
                                "form=answer.AAAA.BBBB&q3=x", "form=answer.AAAA.BBBB&q1=x&q1=y",
                                "form=vote.AAAA.BBBB&q1=x", "form=answer.AAAA.BBBB&q1=%07",
                                "form=answer.AAAA.BBBB&q1=x&text=y", "form=answer.AAAA.BBBB&q1=%ff" };

  g_assert_true (sam_collect_vote_decode (NULL, good_vote, strlen (good_vote), &vote, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vote.n_votes, ==, 2);
  g_assert_cmpint (vote.votes[0], ==, 12);
  g_assert_cmpint (vote.votes[1], ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (bad_votes); i++)
    {
      g_clear_error (&error);
      g_assert_false (sam_collect_vote_decode (NULL, bad_votes[i], strlen (bad_votes[i]), &vote, &error));
      g_assert_nonnull (error);
    }

  g_clear_error (&error);
  g_assert_true (sam_collect_answers_decode (NULL, good_answers, strlen (good_answers), 2, answers, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (answers->answers[0], ==, "");
  g_assert_cmpstr (answers->answers[1], ==, "Æbler og pærer");
  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      g_clear_error (&error);
      g_assert_false (sam_collect_answers_decode (NULL, bad_answers[i], strlen (bad_answers[i]), 2, answers, &error));
      g_assert_nonnull (error);
    }
  /* 200 characters of two bytes each are an answer; 201 are not. */
  {
    g_autoptr(GString) body = g_string_new ("form=answer.AAAA.BBBB&q1=");

    for (guint i = 0; i < 200; i++)
      g_string_append (body, "%C3%B8");
    g_clear_error (&error);
    g_assert_true (sam_collect_answers_decode (NULL, body->str, body->len, 1, answers, &error));
    g_assert_cmpuint (g_utf8_strlen (answers->answers[0], -1), ==, 200);
    g_string_append (body, "%C3%B8");
    g_assert_false (sam_collect_answers_decode (NULL, body->str, body->len, 1, answers, &error));
  }
}

int
main (int   argc,
      char *argv[])
{
  collect_meeting_test_init (&argc, &argv);

#define ADD_VOTES(path, func) g_test_add ("/collect-meeting/" path, VoteFixture, NULL, vote_fixture_set_up, func, \
                                          vote_fixture_tear_down)
  ADD_VOTES ("votes-counted", test_votes_counted);
  ADD_VOTES ("votes-hidden-below-k", test_votes_hidden_below_k);
  ADD_VOTES ("votes-no-more-than-taking-part", test_votes_no_more_than_taking_part);
  ADD_VOTES ("bad-votes-refused", test_bad_votes_refused);
  ADD_VOTES ("votes-not-readable", test_votes_not_readable);
#define ADD_QUESTIONS(path, func) g_test_add ("/collect-meeting/" path, QuestionFixture, NULL, \
                                              question_fixture_set_up, func, question_fixture_tear_down)
  ADD_QUESTIONS ("answers-stored", test_answers_stored);
  ADD_QUESTIONS ("bad-answers-refused", test_bad_answers_refused);
  g_test_add_func ("/collect-meeting/decode-votes-and-answers", test_decode_votes_and_answers);
  return g_test_run ();
}
