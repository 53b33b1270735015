/* test-collect.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "sam-catalog.h"
#include "sam-collect.h"
#include "sam-content.h"
#include "sam-store-testing.h"
#include "test-collect-common.h"
#include "test-common.h"

/* Answering on phones, against the server on 127.0.0.1 with libsoup's client: the forms
 * a role gets, a whole submission stored as the window stores one, every kind of bad
 * request refused with nothing stored, and no address that gives anything back. */

typedef struct
{
  char        *dir;
  char        *path;
  SamStore    *store;
  gint64       cluster;
  gint64       round;
  gint64       clinic;
  SamCollect  *collect;
  SoupSession *phone;
  const char  *address;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 other_clinic;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "collect.db", NULL);
  fixture->store = sam_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &fixture->cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 1", NULL, &fixture->clinic, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 2", NULL, &other_clinic, NULL));
  g_assert_true (sam_store_create_round (fixture->store, fixture->cluster, "Baseline 2026", "2026-03-01",
                                         &fixture->round, NULL));

  fixture->collect = sam_collect_new (fixture->store, fixture->round, fixture->clinic);
  g_assert_true (sam_collect_start (fixture->collect, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->address = sam_collect_get_address (fixture->collect);
  g_assert_true (g_str_has_prefix (fixture->address, "http://127.0.0.1:"));
  /* A phone in English, unless a request asks otherwise. */
  fixture->phone = soup_session_new_with_options ("max-conns", 128, "max-conns-per-host", 128,
                                                  "user-agent", "TestPhoneAgent/1.0", "accept-language", "en",
                                                  NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->phone);
  sam_collect_stop (fixture->collect);
  g_assert_finalize_object (fixture->collect);
  g_assert_finalize_object (fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

static gint64
count_respondents (Fixture *fixture)
{
  return query (fixture->store, "SELECT count(*) FROM respondents");
}

static gint64
count_answers (Fixture *fixture)
{
  return query (fixture->store, "SELECT count(*) FROM answers");
}

static char *
url_for (Fixture    *fixture,
         const char *suffix)
{
  return g_strconcat (fixture->address, suffix, NULL);
}

static TestResponse *
get_form (Fixture    *fixture,
          const char *role,
          const char *language)
{
  g_autofree char *url = g_strdup_printf ("%s?role=%s", fixture->address, role);
  TestResponse *response = test_get (fixture->phone, url, language);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (response->content_type, ==, "text/html");
  return response;
}

/* The hidden fields of a fresh form of @role, and @answers after them. */
static char *
form_body (Fixture    *fixture,
           const char *role,
           const char *answers)
{
  g_autoptr(TestResponse) form = get_form (fixture, role, NULL);
  g_autofree char *hidden = test_hidden_fields (form->body);

  return answers != NULL && *answers != '\0' ? g_strconcat (hidden, "&", answers, NULL) : g_steal_pointer (&hidden);
}

/* Every radio input of a page: "item=code" a line. */
static GPtrArray *
radio_inputs (const char *page)
{
  g_autoptr(GRegex) regex = g_regex_new ("<input type=\"radio\" name=\"([a-z0-9]+)\" value=\"([0-9]+)\">", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, page, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *value = g_match_info_fetch (match, 2);

      g_ptr_array_add (inputs, g_strdup_printf ("%s=%s", name, value));
      g_match_info_next (match, NULL);
    }
  return inputs;
}

static gboolean
contains (GPtrArray  *strings,
          const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), text))
      return TRUE;
  return FALSE;
}

/* Forms: each role gets only its own items, with exactly their options and n/a where the
 * item allows it, and the hidden fields to send back. */
static void
test_forms_per_role (Fixture       *fixture,
                     gconstpointer  data)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  for (guint role = 0; role < SAM_N_ROLES; role++)
    {
      g_autoptr(TestResponse) form = get_form (fixture, sam_role_to_string (role), "en");
      g_autoptr(GPtrArray) inputs = radio_inputs (form->body);
      g_autofree char *hidden_role = test_hidden_value (form->body, "role");
      g_autofree char *token = test_hidden_value (form->body, "form");
      g_autofree char *action = test_form_action (form->body, fixture->address);
      guint expected = 0;

      g_assert_cmpstr (hidden_role, ==, sam_role_to_string (role));
      g_assert_nonnull (token);
      g_assert_true (g_str_has_prefix (token, sam_role_to_string (role)));
      g_assert_true (g_str_has_prefix (action, fixture->address));
      g_assert_cmpstr (action + strlen (fixture->address), ==, "?lang=en");
      g_assert_nonnull (strstr (form->body, "method=\"post\""));

      for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
        {
          const SamItem *item = sam_instrument_get_item (instrument, i);
          guint n_options = item->question->scale->options->len;
          g_autofree char *na = g_strdup_printf ("%s=9", item->id);

          for (guint code = 1; code <= n_options; code++)
            {
              g_autofree char *input = g_strdup_printf ("%s=%u", item->id, code);

              g_assert_cmpint (contains (inputs, input), ==, sam_item_is_asked (item, role));
            }
          g_assert_cmpint (contains (inputs, na), ==, sam_item_is_asked (item, role) && item->not_applicable != NULL);
          if (sam_item_is_asked (item, role))
            expected += n_options + (item->not_applicable != NULL);
        }
      /* Nothing but those: no other item, no other code. */
      g_assert_cmpuint (inputs->len, ==, expected);
    }
}

/* The language follows the phone: Danish in the package's own words, or English. */
static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TestResponse) danish = get_form (fixture, "partner", "da-DK,da;q=0.9,en;q=0.5");
  g_autoptr(TestResponse) english = get_form (fixture, "partner", "en-GB,en;q=0.9");
  g_autoptr(TestResponse) preferred = get_form (fixture, "partner", "de;q=1, en;q=0.8, da;q=0.5");
  g_autoptr(SoupSession) plain = test_phone_new ();
  g_autofree char *form_url = url_for (fixture, "?role=partner");
  g_autoptr(TestResponse) none = test_get (plain, form_url, NULL);
  g_autofree char *link = url_for (fixture, "?role=staff&lang=en");
  g_autoptr(TestResponse) chosen = test_get (fixture->phone, link, "da");

  g_assert_nonnull (strstr (danish->body, "<html lang=\"da\">"));
  g_assert_nonnull (strstr (danish->body, "Som klinikkens leder(e) gør jeg/vi en indsats løbende"));
  g_assert_nonnull (strstr (danish->body, "I meget høj grad"));
  g_assert_nonnull (strstr (danish->body, "Deltager ikke"));
  g_assert_nonnull (strstr (danish->body, "Læge i kompagniskab"));
  g_assert_null (strstr (danish->body, "To a very high degree"));

  g_assert_nonnull (strstr (english->body, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (english->body, "To a very high degree"));
  g_assert_nonnull (strstr (english->body, "Doctor in a partnership"));
  g_assert_null (strstr (english->body, "I meget høj grad"));

  /* The thanks come in the form's language, whatever the phone asks for. */
  {
    g_autofree char *danish_url = url_for (fixture, "?role=partner");
    g_autofree char *action = test_form_action (danish->body, danish_url);
    g_autofree char *hidden = test_hidden_fields (danish->body);
    g_autoptr(TestResponse) thanks = test_post_form (fixture->phone, action, hidden);

    g_assert_cmpuint (thanks->status, ==, 200);
    g_assert_nonnull (strstr (thanks->body, "<h1>Tak</h1>"));
  }

  g_assert_nonnull (strstr (preferred->body, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (none->body, "<html lang=\"da\">"));
  g_assert_cmpuint (chosen->status, ==, 200);
  g_assert_nonnull (strstr (chosen->body, "<html lang=\"en\">"));
}

/* The first page: what happens to the answers comes first, then the role, as links that
 * work without a script; the page's style and script come from the same place. */
static void
test_role_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TestResponse) page = test_get (fixture->phone, fixture->address, "en");
  g_autofree char *css_url = url_for (fixture, "phone.css");
  g_autofree char *js_url = url_for (fixture, "phone.js");
  g_autoptr(TestResponse) css = test_get (fixture->phone, css_url, NULL);
  g_autoptr(TestResponse) js = test_get (fixture->phone, js_url, NULL);
  const char *privacy, *roles;

  g_assert_cmpuint (page->status, ==, 200);
  privacy = strstr (page->body, "class=\"privacy\"");
  roles = strstr (page->body, "class=\"roles\"");
  g_assert_nonnull (privacy);
  g_assert_nonnull (roles);
  g_assert_true (privacy < roles);
  g_assert_nonnull (strstr (page->body, "without your name"));
  for (guint role = 0; role < SAM_N_ROLES; role++)
    {
      g_autofree char *href = g_strdup_printf ("?role=%s&amp;lang=en\"", sam_role_to_string (role));

      g_assert_nonnull (strstr (page->body, href));
    }
  /* Nothing from elsewhere: every address in the page is the server's own. */
  g_assert_null (strstr (page->body, "http://"));
  g_assert_null (strstr (page->body, "https://"));
  g_assert_null (strstr (page->body, "//cdn"));

  g_assert_cmpuint (css->status, ==, 200);
  g_assert_cmpstr (css->content_type, ==, "text/css");
  g_assert_cmpuint (js->status, ==, 200);
  g_assert_cmpstr (js->content_type, ==, "text/javascript");
  g_assert_null (strstr (js->body, "fetch("));
  g_assert_null (strstr (js->body, "XMLHttpRequest"));
}

static void
on_n_answered (GObject    *object,
               GParamSpec *pspec,
               guint      *count)
{
  (*count)++;
}

/* A whole submission: one anonymous respondent of the form's role, for the clinic and
 * round, with every answer as given, stored as the window stores one. */
static void
test_submission_stored (Fixture       *fixture,
                        gconstpointer  data)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GString) answers = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autoptr(TestResponse) response = NULL;
  guint notified = 0;
  gint64 respondents = count_respondents (fixture);

  g_signal_connect (fixture->collect, "notify::n-answered", G_CALLBACK (on_n_answered), &notified);

  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      int code = item->not_applicable != NULL && i % 2 == 0 ? SAM_ANSWER_NOT_APPLICABLE
                                                             : (int) (i % item->question->scale->options->len) + 1;

      g_string_append_printf (answers, "%s%s=%d", answers->len ? "&" : "", item->id, code);
    }
  body = form_body (fixture, "partner", answers->str);
  response = test_post_form (fixture->phone, fixture->address, body);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (response->content_type, ==, "text/html");
  g_assert_nonnull (strstr (response->body, "data-clear-draft=\"partner\""));

  g_assert_cmpint (count_respondents (fixture), ==, respondents + 1);
  g_assert_cmpint (count_answers (fixture), ==, 31);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents WHERE role = 'partner' AND source = 'app' "
                                          "AND external_id IS NULL AND import_id IS NULL"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT round_id FROM respondents"), ==, fixture->round);
  g_assert_cmpint (query (fixture->store, "SELECT clinic_id FROM respondents"), ==, fixture->clinic);
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->collect), ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Each answer as given. */
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      int code = item->not_applicable != NULL && i % 2 == 0 ? SAM_ANSWER_NOT_APPLICABLE
                                                             : (int) (i % item->question->scale->options->len) + 1;
      g_autofree char *sql = g_strdup_printf ("SELECT code FROM answers WHERE item = '%s'", item->id);

      g_assert_cmpint (query (fixture->store, sql), ==, code);
    }

  /* A staff member who answers some items and leaves the rest out. */
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&response, test_response_free);
  body = form_body (fixture, "staff", "q5a=2&q5d=9&q7h=5");
  response = test_post_form (fixture->phone, fixture->address, body);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (count_respondents (fixture), ==, respondents + 2);
  g_assert_cmpint (count_answers (fixture), ==, 34);
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->collect), ==, 2);
}

typedef struct
{
  const char *name;
  const char *role;
  const char *answers;        /* after the form's hidden fields */
  guint       status;
} BadCase;

/* Every kind of bad request is refused with a plain message, and nothing is stored. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  static const BadCase cases[] = {
    { "unknown item", "partner", "q1=1&q99=1", 400 },
    { "unknown field", "partner", "q1=1&name=Jens", 400 },
    { "code too high", "partner", "q1=6", 400 },
    { "code six on a scale of six is fine but seven is not", "staff", "q5a=7", 400 },
    { "code zero", "partner", "q1=0", 400 },
    { "code not a number", "partner", "q1=one", 400 },
    { "code with a sign", "partner", "q1=%2B1", 400 },
    { "code empty", "partner", "q1=", 400 },
    { "n/a where not allowed", "partner", "q1=9", 400 },
    { "n/a on another item without it", "staff", "q7a=9", 400 },
    { "item not asked of staff", "staff", "q5a=1&q1=1", 400 },
    { "item not asked of a solo doctor", "solo", "q1=1&q4a=1", 400 },
    { "answered twice", "partner", "q1=1&q1=2", 400 },
    { "role changed", "partner", "role=solo&q1=1", 400 },
    { "broken escape", "partner", "q1=%2", 400 },
    { "NUL in a field", "partner", "q1%00=1", 400 },
  };
  gint64 respondents = count_respondents (fixture);
  gint64 answers = count_answers (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestResponse) form = get_form (fixture, cases[i].role, "en");
      g_autofree char *token = test_hidden_value (form->body, "form");
      g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
      g_autofree char *body = NULL;
      g_autoptr(TestResponse) response = NULL;

      /* A role field of the case's own replaces the form's. */
      if (g_str_has_prefix (cases[i].answers, "role="))
        body = g_strdup_printf ("form=%s&%s", escaped, cases[i].answers);
      else
        body = g_strdup_printf ("role=%s&form=%s&%s", cases[i].role, escaped, cases[i].answers);
      response = test_post_form (fixture->phone, fixture->address, body);
      if (response->status != cases[i].status)
        g_error ("%s: %u, not %u: %s", cases[i].name, response->status, cases[i].status, response->body);
      g_assert_cmpstr (response->content_type, ==, "text/plain");
      g_assert_nonnull (strstr (response->body, "Nothing was stored."));
      g_assert_cmpint (count_respondents (fixture), ==, respondents);
      g_assert_cmpint (count_answers (fixture), ==, answers);

      /* The same form, right, is still taken: a refusal does not use it up. */
      if (i == 0)
        {
          g_autofree char *good = g_strdup_printf ("role=%s&form=%s&q1=1", cases[i].role, escaped);
          g_autoptr(TestResponse) taken = test_post_form (fixture->phone, fixture->address, good);

          g_assert_cmpuint (taken->status, ==, 200);
          respondents++;
          answers++;
          g_assert_cmpint (count_respondents (fixture), ==, respondents);
        }
    }
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->collect), ==, 1);
}

/* A form this server did not give out: no token, a made-up one, another's MAC, or a
 * token moved to another role. */
static void
test_forged (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TestResponse) form = get_form (fixture, "partner", "en");
  g_autofree char *token = test_hidden_value (form->body, "form");
  g_autofree char *other_role = g_strconcat ("staff", strchr (token, '.'), NULL);
  g_autofree char *bad_mac = g_strdup (token);
  const char *bodies[6];
  g_autofree char *b2 = NULL, *b3 = NULL, *b4 = NULL;
  gint64 respondents = count_respondents (fixture);

  bad_mac[strlen (bad_mac) - 1] = bad_mac[strlen (bad_mac) - 1] == '0' ? '1' : '0';
  b2 = g_strdup_printf ("form=%s&q5a=1", other_role);
  b3 = g_strdup_printf ("role=partner&form=%s&q1=1", bad_mac);
  b4 = g_strdup ("role=partner&form=partner.AAAAAAAAAAAAAAAAAAAAAA.00&q1=1");
  bodies[0] = "role=partner&q1=1";
  bodies[1] = "q1=1";
  bodies[2] = b2;
  bodies[3] = b3;
  bodies[4] = b4;
  bodies[5] = "";

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address, bodies[i]);

      g_assert_cmpuint (response->status, ==, 400);
      g_assert_cmpint (count_respondents (fixture), ==, respondents);
    }
}

/* Not a form: another content type is refused, nothing stored. */
static void
test_not_a_form (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *body = form_body (fixture, "partner", "q1=1");
  g_autoptr(TestResponse) json = test_post (fixture->phone, fixture->address, "application/json", body, strlen (body));
  g_autoptr(TestResponse) text = test_post (fixture->phone, fixture->address, "text/plain", body, strlen (body));

  g_assert_cmpuint (json->status, ==, 400);
  g_assert_cmpuint (text->status, ==, 400);
  g_assert_cmpint (count_respondents (fixture), ==, 0);
}

/* A form is taken once: posted again, it gets the thanks and stores nothing more. */
static void
test_replayed (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *body = form_body (fixture, "solo", "q1=2&q8=1");
  g_autofree char *changed = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address, body);

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_nonnull (strstr (response->body, "data-clear-draft=\"solo\""));
      g_assert_cmpint (count_respondents (fixture), ==, 1);
      g_assert_cmpint (count_answers (fixture), ==, 2);
    }
  /* The same form with other answers is the same form. */
  changed = g_strconcat (body, "&q9=3", NULL);
  {
    g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address, changed);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpint (count_respondents (fixture), ==, 1);
    g_assert_cmpint (count_answers (fixture), ==, 2);
  }
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->collect), ==, 1);
}

/* A body larger than 64 KiB is read and answered 413, whatever it holds. */
static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *body = form_body (fixture, "partner", "q1=1");
  g_autoptr(GString) large = g_string_new (body);
  g_autoptr(TestResponse) response = NULL;
  g_autoptr(TestResponse) exactly = NULL;
  g_autofree char *at_limit = NULL;

  while (large->len <= SAM_COLLECT_FORM_MAX_SIZE)
    g_string_append (large, "&x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  response = test_post (fixture->phone, fixture->address, SOUP_FORM_MIME_TYPE_URLENCODED, large->str, large->len);
  g_assert_cmpuint (response->status, ==, 413);
  g_assert_nonnull (strstr (response->body, "Nothing was stored."));
  g_assert_cmpint (count_respondents (fixture), ==, 0);

  /* Two megabytes are read to the end as well, and the server takes the next form. */
  g_string_set_size (large, 0);
  g_string_append (large, body);
  while (large->len < 2 * 1024 * 1024)
    g_string_append (large, "&q2a=1");
  g_clear_pointer (&response, test_response_free);
  response = test_post (fixture->phone, fixture->address, SOUP_FORM_MIME_TYPE_URLENCODED, large->str, large->len);
  g_assert_cmpuint (response->status, ==, 413);
  g_assert_cmpint (count_respondents (fixture), ==, 0);

  /* Padding with empty fields up to the limit itself is still a form. */
  at_limit = g_strnfill (SAM_COLLECT_FORM_MAX_SIZE - strlen (body), '&');
  g_string_set_size (large, 0);
  g_string_append (large, at_limit);
  g_string_append (large, body);
  g_assert_cmpuint (large->len, ==, SAM_COLLECT_FORM_MAX_SIZE);
  exactly = test_post (fixture->phone, fixture->address, SOUP_FORM_MIME_TYPE_URLENCODED, large->str, large->len);
  g_assert_cmpuint (exactly->status, ==, 200);
  g_assert_cmpint (count_respondents (fixture), ==, 1);
}

/* Without the secret, nothing exists: every other path is 404, whatever the method. */
static void
test_wrong_secret (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GUri) uri = g_uri_parse (fixture->address, G_URI_FLAGS_NONE, NULL);
  g_autofree char *origin = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_autofree char *secret = g_strndup (g_uri_get_path (uri) + 1, strlen (g_uri_get_path (uri)) - 2);
  g_autofree char *shorter = g_strndup (secret, strlen (secret) - 1);
  g_autofree char *flipped = g_strdup (secret);
  g_autofree char *body = form_body (fixture, "partner", "q1=1");
  const char *paths[] = { "/", "/?role=partner", "/phone.css", "/index.html", "/favicon.ico", "/answers",
                          "/results", "/api/answers", "/secret/", NULL, NULL, NULL, NULL };

  flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
  paths[9] = g_strdup_printf ("/%s/", shorter);
  paths[10] = g_strdup_printf ("/%s/", flipped);
  paths[11] = g_strdup_printf ("/%sA/", secret);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *url = NULL;
      g_autoptr(TestResponse) get = NULL;
      g_autoptr(TestResponse) post = NULL;

      if (paths[i] == NULL)
        continue;
      url = g_strconcat (origin, paths[i], NULL);
      get = test_get (fixture->phone, url, NULL);
      post = test_post_form (fixture->phone, url, body);
      g_assert_cmpuint (get->status, ==, 404);
      g_assert_cmpuint (post->status, ==, 404);
      g_assert_null (strstr (get->body, secret));
    }
  g_free ((char *) paths[9]);
  g_free ((char *) paths[10]);
  g_free ((char *) paths[11]);
  g_assert_cmpint (count_respondents (fixture), ==, 0);

  /* The secret: at least 128 bits, base64url; another server, another secret. */
  g_assert_cmpuint (strlen (secret), >=, 22);
  for (const char *p = secret; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  {
    g_autoptr(SamCollect) other = sam_collect_new (fixture->store, fixture->round, fixture->clinic);
    g_autoptr(GError) error = NULL;

    g_assert_true (sam_collect_start (other, "127.0.0.1", 0, &error));
    g_assert_cmpstr (sam_collect_get_address (other), !=, fixture->address);
    g_assert_null (strstr (sam_collect_get_address (other), secret));
    sam_collect_stop (other);
  }
}

/* A closed round refuses: the form is answered 400 and nothing is stored. */
static void
test_closed_round (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *body = form_body (fixture, "partner", "q1=1");
  g_autoptr(TestResponse) response = NULL;
  g_autoptr(TestResponse) page = NULL;
  g_autoptr(SamCollect) closed = sam_collect_new (fixture->store, fixture->round, fixture->clinic);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, TRUE, NULL));
  response = test_post_form (fixture->phone, fixture->address, body);
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_nonnull (strstr (response->body, "closed"));
  g_assert_cmpint (count_respondents (fixture), ==, 0);

  page = test_get (fixture->phone, fixture->address, "en");
  g_assert_nonnull (strstr (page->body, "This round is closed"));

  /* Reopened, the same form is taken after all: the refusal did not use it up. */
  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, FALSE, NULL));
  g_clear_pointer (&response, test_response_free);
  response = test_post_form (fixture->phone, fixture->address, body);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (count_respondents (fixture), ==, 1);

  /* A closed round is not served at all. */
  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, TRUE, NULL));
  g_assert_false (sam_collect_start (closed, "127.0.0.1", 0, &error));
  g_assert_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED);
}

/* Write-only: no address gives back answers or figures. The pages a phone can get are the
 * same before and after answers are stored (but for the form's token), and any other path
 * is 404. */
static char *
without_token (const char *page)
{
  g_autoptr(GRegex) regex = g_regex_new ("name=\"form\" value=\"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, page, -1, 0, "name=\"form\" value=\"\"", 0, NULL);
}

static void
test_write_only (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *suffixes[] = { "", "?role=partner", "?role=solo", "?role=staff", "?role=partner&lang=en",
                             "?round=1", "?answers=1", "?role=partner&results=1" };
  const char *missing[] = { "answers", "results", "figures", "export", "answers.csv", "db", "..%2f", "phone.css/x",
                            "phone.js/../answers" };
  GPtrArray *before = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = form_body (fixture, "partner", "q1=1&q2a=2&q3=3&q10d=9");
  g_autoptr(TestResponse) stored = test_post_form (fixture->phone, fixture->address, body);

  g_assert_cmpuint (stored->status, ==, 200);
  g_assert_cmpint (count_respondents (fixture), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *url = url_for (fixture, suffixes[i]);
      g_autoptr(TestResponse) page = test_get (fixture->phone, url, "en");

      g_assert_cmpuint (page->status, ==, 200);
      g_ptr_array_add (before, without_token (page->body));
    }

  /* More answers; the pages do not change with them. */
  for (guint n = 0; n < 3; n++)
    {
      g_autofree char *more = form_body (fixture, "partner", "q1=5&q2a=5&q3=5");
      g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address, more);

      g_assert_cmpuint (response->status, ==, 200);
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *url = url_for (fixture, suffixes[i]);
      g_autoptr(TestResponse) page = test_get (fixture->phone, url, "en");
      g_autofree char *plain = without_token (page->body);

      g_assert_cmpstr (plain, ==, g_ptr_array_index (before, i));
      /* No count, no figure. */
      g_assert_null (strstr (page->body, "respondent"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autofree char *url = url_for (fixture, missing[i]);
      g_autoptr(TestResponse) page = test_get (fixture->phone, url, "en");

      /* libsoup itself refuses an escaped slash as a bad request; either way nothing. */
      if (page->status != 404 && page->status != 400)
        g_error ("%s: %u", missing[i], page->status);
    }
  /* Other methods read nothing either. */
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("PUT", fixture->address);
    g_autoptr(TestResponse) put = test_send (fixture->phone, msg);

    g_assert_cmpuint (put->status, ==, 405);
  }
  g_ptr_array_unref (before);
}

/* Nothing about a phone is stored: not its address, not its agent, not a time. */
static void
test_nothing_about_phones (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *body = form_body (fixture, "staff", "q5a=1");
  g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address, body);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const char *files[] = { fixture->path, wal };
  g_auto(GStrv) columns = NULL;

  g_assert_cmpuint (response->status, ==, 200);

  /* The respondents table holds what the window's does, and nothing of a phone. */
  g_assert_cmpint (sam_store_testing_query_int (fixture->store, "SELECT count(*) FROM respondents"),
                   >, 0);
  columns = sam_store_testing_list_columns (fixture->store, "SELECT * FROM respondents");
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *name = columns[i];

      g_assert_false (strstr (name, "addr") || strstr (name, "agent") || strstr (name, "ip") || strstr (name, "time"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (files[i], &contents, &length, NULL))
        continue;
      g_assert_null (memmem (contents, length, "127.0.0.1", 9));
      g_assert_null (memmem (contents, length, "TestPhoneAgent", 14));
    }
}

/* Phones answering at the same moment are all stored, each once. */
typedef struct
{
  guint done;
  guint ok;
} Wave;

typedef struct
{
  Wave       *wave;
  SoupMessage *msg;
} WaveRequest;

static void
on_wave_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  request->wave->done++;
  if (bytes != NULL && soup_message_get_status (request->msg) == 200)
    request->wave->ok++;
  else
    g_test_message ("refused: %u %s %s", soup_message_get_status (request->msg), error ? error->message : "",
                    bytes ? (const char *) g_bytes_get_data (bytes, NULL) : "");
  g_object_unref (request->msg);
  g_free (request);
}

static void
test_together (Fixture       *fixture,
               gconstpointer  data)
{
  const guint n = 30;
  Wave wave = { 0 };
  GPtrArray *bodies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (bodies, form_body (fixture, i % 2 ? "partner" : "staff", "q5a=1&q6b=2&q7c=3"));
  for (guint i = 0; i < n; i++)
    {
      WaveRequest *request = g_new0 (WaveRequest, 1);
      const char *body = g_ptr_array_index (bodies, i);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      request->wave = &wave;
      request->msg = soup_message_new (SOUP_METHOD_POST, fixture->address);
      soup_message_set_request_body_from_bytes (request->msg, SOUP_FORM_MIME_TYPE_URLENCODED, bytes);
      soup_session_send_and_read_async (fixture->phone, request->msg, G_PRIORITY_DEFAULT, NULL, on_wave_read, request);
    }
  while (wave.done < n)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (wave.ok, ==, n);
  g_assert_cmpint (count_respondents (fixture), ==, n);
  g_assert_cmpint (count_answers (fixture), ==, 3 * n);
  g_assert_cmpuint (sam_collect_get_n_answered (fixture->collect), ==, n);
  g_ptr_array_unref (bodies);
}

/* A simple rate limit, one for all phones together: beyond it, 429 and nothing stored. */
static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  sam_collect_set_rate_limit (fixture->collect, 3, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *body = form_body (fixture, "partner", "q1=1");
      g_autoptr(TestResponse) response = test_post_form (fixture->phone, fixture->address, body);

      g_assert_cmpuint (response->status, ==, i < 3 ? 200 : 429);
    }
  g_assert_cmpint (count_respondents (fixture), ==, 3);
}

/* Where the server listens by itself: only on this computer's local-network addresses,
 * never on every address. */
static void
test_local_addresses (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) addresses = sam_collect_list_local_addresses ();
  g_autoptr(SamCollect) collect = sam_collect_new (fixture->store, fixture->round, fixture->clinic);
  g_autoptr(GError) error = NULL;
  gboolean started;

  for (guint i = 0; i < addresses->len; i++)
    {
      GInetAddress *address = g_inet_socket_address_get_address (g_ptr_array_index (addresses, i));
      const guint8 *bytes = g_inet_address_to_bytes (address);

      g_assert_false (g_inet_address_get_is_loopback (address));
      g_assert_false (g_inet_address_get_is_any (address));
      if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
        g_assert_true (bytes[0] == 10 || (bytes[0] == 172 && (bytes[1] & 0xf0) == 16) ||
                       (bytes[0] == 192 && bytes[1] == 168));
      else
        g_assert_true ((bytes[0] & 0xfe) == 0xfc || (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80));
    }

  started = sam_collect_start (collect, NULL, 0, &error);
  if (addresses->len == 0)
    {
      g_assert_false (started);
      g_assert_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS);
      g_test_message ("no local-network address here");
    }
  else if (started)
    {
      const char *address = sam_collect_get_address (collect);
      gboolean known = FALSE;

      g_assert_null (strstr (address, "0.0.0.0"));
      g_assert_null (strstr (address, "127.0.0.1"));
      for (guint i = 0; i < addresses->len; i++)
        {
          g_autofree char *host = g_inet_address_to_string (g_inet_socket_address_get_address (g_ptr_array_index (addresses, i)));

          known |= strstr (address, host) != NULL;
        }
      g_assert_true (known);
      sam_collect_stop (collect);
    }

  /* An address that is not one is refused. */
  g_clear_error (&error);
  g_assert_false (sam_collect_start (collect, "clinic.example", 0, &error));
  g_assert_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS);
}

/* The catalog reads the compiled translations as gettext does, whatever the process's
 * language, and refuses a damaged file. */
static void
test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamCatalog) danish = sam_catalog_new_for_language ("da", &error);
  g_autoptr(SamCatalog) english = sam_catalog_new_for_language ("en", NULL);
  g_autoptr(GBytes) bad = g_bytes_new_static ("\xde\x12\x04\x95garbage-garbage-garbage", 27);
  g_autoptr(SamCatalog) damaged = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sam_catalog_gettext (danish, "To a very high degree"), ==, "I meget høj grad");
  g_assert_cmpstr (sam_catalog_gettext (danish, "Thank You"), ==, "Tak");
  g_assert_cmpstr (sam_catalog_gettext (danish, "no such message"), ==, "no such message");
  g_assert_cmpstr (sam_catalog_gettext (english, "To a very high degree"), ==, "To a very high degree");
  g_assert_cmpstr (sam_catalog_gettext (NULL, "Thank You"), ==, "Thank You");

  damaged = sam_catalog_new_from_bytes ("xx", bad, &error);
  g_assert_null (damaged);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (sam_catalog_new_for_language ("../da", &error));
  g_assert_nonnull (error);
}

/* The decoding the fuzzer runs over, on its own: what it accepts round-trips. */
static void
test_decode (void)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  const char *token = "partner.AAAAAAAAAAAAAAAAAAAAAA.abcdef";
  g_autofree char *body = g_strdup_printf ("role=partner&form=%s&q1=1&q5d=9&q10a=9&q7h=5&&", token);
  g_autofree char *encoded = NULL;
  SamCollectForm form, again;
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_collect_form_decode (instrument, NULL, body, strlen (body), &form, &error));
  g_assert_no_error (error);
  g_assert_cmpint (form.role, ==, SAM_ROLE_PARTNER);
  g_assert_cmpstr (form.token, ==, token);
  g_assert_cmpuint (form.n_answers, ==, 4);
  g_assert_cmpstr (form.answers[1].item, ==, "q5d");
  g_assert_cmpint (form.answers[1].code, ==, 9);

  encoded = sam_collect_form_encode (&form);
  g_assert_true (sam_collect_form_decode (instrument, NULL, encoded, strlen (encoded), &again, &error));
  g_assert_cmpmem (&form, sizeof form, &again, sizeof again);

  /* Bytes after the end are not read. */
  g_assert_true (sam_collect_form_decode (instrument, NULL, "form=solo.a.b&q1=2XXXX", strlen ("form=solo.a.b&q1=2"),
                                          &form, NULL));
  g_assert_cmpint (form.answers[0].code, ==, 2);

  g_assert_false (sam_collect_form_decode (instrument, NULL, "form=boss.a.b&q1=1", strlen ("form=boss.a.b&q1=1"),
                                           &form, &error));
  g_assert_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_FORM);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SAMARBEJDE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/collect/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("forms-per-role", test_forms_per_role);
  ADD ("languages", test_languages);
  ADD ("role-page", test_role_page);
  ADD ("submission-stored", test_submission_stored);
  ADD ("refused", test_refused);
  ADD ("forged", test_forged);
  ADD ("not-a-form", test_not_a_form);
  ADD ("replayed", test_replayed);
  ADD ("too-large", test_too_large);
  ADD ("wrong-secret", test_wrong_secret);
  ADD ("closed-round", test_closed_round);
  ADD ("write-only", test_write_only);
  ADD ("nothing-about-phones", test_nothing_about_phones);
  ADD ("together", test_together);
  ADD ("rate-limit", test_rate_limit);
  ADD ("local-addresses", test_local_addresses);
#undef ADD
  g_test_add_func ("/collect/catalog", test_catalog);
  g_test_add_func ("/collect/decode", test_decode);

  return g_test_run ();
}
