/* test-collect-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <string.h>

/* A phone, as far as the tests need one: libsoup's client, asking and posting forms. The
 * server may run on the same main context (the window's case), so every request runs the
 * thread-default main context until its answer is in. */

typedef struct
{
  guint  status;
  char  *body;
  char  *content_type;
  char  *location;
} TestResponse;

static inline void
test_response_free (TestResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->body);
  g_free (response->content_type);
  g_free (response->location);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestResponse, test_response_free)

typedef struct
{
  GBytes  *bytes;
  GError  *error;
  gboolean done;
} TestPending;

static inline void
test_on_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TestPending *pending = user_data;

  pending->bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &pending->error);
  pending->done = TRUE;
}

static inline SoupSession *
test_phone_new (void)
{
  /* Phones do not follow redirects for us here: a test sees each answer as it is. */
  return soup_session_new_with_options ("max-conns", 128, "max-conns-per-host", 128,
                                        "user-agent", "TestPhoneAgent/1.0", NULL);
}

/* Sends @msg and waits, running the thread-default main context, for its answer. */
static inline TestResponse *
test_send (SoupSession *session,
           SoupMessage *msg)
{
  TestPending pending = { 0 };
  TestResponse *response = g_new0 (TestResponse, 1);
  GMainContext *context = g_main_context_get_thread_default ();
  const char *type;
  const char *location;

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_on_read, &pending);
  while (!pending.done)
    g_main_context_iteration (context, TRUE);
  g_assert_no_error (pending.error);

  response->status = soup_message_get_status (msg);
  response->body = g_strndup (g_bytes_get_data (pending.bytes, NULL), g_bytes_get_size (pending.bytes));
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  response->content_type = g_strdup (type);
  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  response->location = g_strdup (location);
  g_bytes_unref (pending.bytes);
  return response;
}

static inline TestResponse *
test_get (SoupSession *session,
          const char  *url,
          const char  *accept_language)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);

  g_assert_nonnull (msg);
  if (accept_language != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language", accept_language);
  return test_send (session, msg);
}

static inline TestResponse *
test_post (SoupSession *session,
           const char  *url,
           const char  *content_type,
           const char  *body,
           gsize        length)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, length);

  g_assert_nonnull (msg);
  soup_message_set_request_body_from_bytes (msg, content_type, bytes);
  return test_send (session, msg);
}

static inline TestResponse *
test_post_form (SoupSession *session,
                const char  *url,
                const char  *body)
{
  return test_post (session, url, SOUP_FORM_MIME_TYPE_URLENCODED, body, strlen (body));
}

/* The value of the hidden input @name of a form page. */
static inline char *
test_hidden_value (const char *page,
                   const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("<input type=\"hidden\" name=\"%s\" value=\"([^\"]*)\">", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, page, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* The form's action, as a URL next to @page_url. */
static inline char *
test_form_action (const char *page,
                  const char *page_url)
{
  g_autoptr(GRegex) regex = g_regex_new ("<form [^>]*action=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) resolved = NULL;

  if (!g_regex_match (regex, page, 0, &match))
    return NULL;
  action = g_match_info_fetch (match, 1);
  base = g_uri_parse (page_url, G_URI_FLAGS_NONE, NULL);
  resolved = g_uri_parse_relative (base, action, G_URI_FLAGS_NONE, NULL);
  return g_uri_to_string (resolved);
}

/* The hidden fields of a form page, as a browser would send them back. */
static inline char *
test_hidden_fields (const char *page)
{
  g_autofree char *role = test_hidden_value (page, "role");
  g_autofree char *form = test_hidden_value (page, "form");
  g_autofree char *escaped = NULL;

  g_assert_nonnull (role);
  g_assert_nonnull (form);
  escaped = g_uri_escape_string (form, NULL, FALSE);
  return g_strdup_printf ("role=%s&form=%s", role, escaped);
}
