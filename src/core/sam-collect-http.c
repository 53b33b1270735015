/* sam-collect-http.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every page of the collect server shares: randomness and form tokens, the rate
 * limit, the phone's language, and the responses themselves. */

#define G_LOG_DOMAIN "sam-collect"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "sam-collect-private.h"
#include "sam-content.h"

const char *const _sam_collect_language_codes[N_LANGUAGES] = { "da", "en" };


/* Randomness */

/* Fills @buffer from the kernel's cryptographic source: getrandom(), or /dev/urandom
 * where that is missing. Never GLib's g_random, which is predictable. */
gboolean
_sam_collect_crypto_random (guint8  *buffer,
                            gsize    length,
                            GError **error)
{
  gsize done = 0;
  int fd;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      done += (gsize) n;
    }
  if (done == length)
    return TRUE;

  fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0)
    {
      done = 0;
      while (done < length)
        {
          ssize_t n = read (fd, buffer + done, length - done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          done += (gsize) n;
        }
      close (fd);
      if (done == length)
        return TRUE;
    }

  g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_FAILED,
                       _("This computer gave no random numbers for the secret address"));
  return FALSE;
}

char *
_sam_collect_base64url (const guint8 *data,
                        gsize         length)
{
  char *text = g_base64_encode (data, length);

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return text;
}

/* The same time whatever the strings hold, so that timing gives nothing of the secret. */
gboolean
_sam_collect_equal_in_constant_time (const char *a,
                                     gsize       a_length,
                                     const char *b,
                                     gsize       b_length)
{
  guint8 difference = a_length != b_length;

  for (gsize i = 0; i < b_length; i++)
    difference |= (guint8) (a[i < a_length ? i : 0] ^ b[i]);
  return difference == 0 && a_length == b_length;
}

static char *
token_mac (SamCollect *self,
           const char *role_and_nonce,
           gsize       length)
{
  return g_compute_hmac_for_data (G_CHECKSUM_SHA256, self->key, sizeof self->key,
                                  (const guchar *) role_and_nonce, length);
}

/* "KIND.NONCE.MAC": KIND is a role, or "note" for a meeting's note form. */
char *
_sam_collect_make_token_of_kind (SamCollect  *self,
                                 const char  *kind,
                                 GError     **error)
{
  guint8 nonce[NONCE_BYTES];
  g_autofree char *nonce_text = NULL;
  g_autofree char *signed_part = NULL;
  g_autofree char *mac = NULL;

  if (!_sam_collect_crypto_random (nonce, sizeof nonce, error))
    return NULL;
  nonce_text = _sam_collect_base64url (nonce, sizeof nonce);
  signed_part = g_strconcat (kind, ".", nonce_text, NULL);
  mac = token_mac (self, signed_part, strlen (signed_part));
  return g_strconcat (signed_part, ".", mac, NULL);
}

char *
_sam_collect_make_token (SamCollect  *self,
                         SamRole      role,
                         GError     **error)
{
  return _sam_collect_make_token_of_kind (self, sam_role_to_string (role), error);
}

/* Whether this run gave out @token: its MAC is right for its role and nonce. */
gboolean
_sam_collect_check_token (SamCollect *self,
                          const char *token)
{
  const char *last = strrchr (token, '.');
  g_autofree char *mac = NULL;

  if (last == NULL)
    return FALSE;
  mac = token_mac (self, token, last - token);
  return _sam_collect_equal_in_constant_time (last + 1, strlen (last + 1), mac, strlen (mac));
}

/* The part of a token that is used up when its form is stored. */
const char *
_sam_collect_token_nonce (const char *token)
{
  return strchr (token, '.') + 1;
}

/* Rate limit */

void
_sam_collect_bucket_init (Bucket *bucket,
                          guint   burst,
                          guint   per_minute)
{
  bucket->burst = MAX (burst, 1);
  bucket->tokens = bucket->burst;
  bucket->per_second = per_minute / 60.0;
  bucket->last = g_get_monotonic_time ();
}

gboolean
_sam_collect_bucket_take (Bucket *bucket)
{
  gint64 now = g_get_monotonic_time ();

  bucket->tokens = MIN (bucket->burst,
                        bucket->tokens + (now - bucket->last) / 1e6 * bucket->per_second);
  bucket->last = now;
  if (bucket->tokens < 1.0)
    return FALSE;
  bucket->tokens -= 1.0;
  return TRUE;
}

/* Languages */

static const char *
translate_with_catalog (const char *source,
                        gpointer    user_data)
{
  return sam_catalog_gettext (user_data, source);
}

gboolean
_sam_collect_load_languages (SamCollect  *self,
                             GError     **error)
{
  g_autoptr(GBytes) instrument = sam_content_lookup ("instrument.xml", error);

  if (instrument == NULL)
    return FALSE;
  self->page_template = sam_content_lookup ("phone/page.html", error);
  if (self->page_template == NULL)
    return FALSE;

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (self->catalogs[i] != NULL)
        continue;
      self->catalogs[i] = sam_catalog_new_for_language (_sam_collect_language_codes[i],
                                                        &local_error);
      /* Without its catalog a language falls back to the English source, as gettext does. */
      if (self->catalogs[i] == NULL)
        {
          g_debug ("No catalog for %s: %s", _sam_collect_language_codes[i], local_error->message);
          self->catalogs[i] = sam_catalog_new_from_bytes ("en", NULL, NULL);
        }
      self->instruments[i] = sam_instrument_new_translated (instrument, translate_with_catalog,
                                                            self->catalogs[i], error);
      if (self->instruments[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The phone's language: ?lang= where it follows a language link, else the first of
 * Danish and English its Accept-Language names, else Danish, the questionnaire's own. */
Language
_sam_collect_choose_language (SoupServerMessage *msg,
                              GHashTable        *query)
{
  const char *asked = query != NULL ? g_hash_table_lookup (query, "lang") : NULL;
  const char *header;
  GSList *list;
  Language language = LANGUAGE_DANISH;

  for (guint i = 0; asked != NULL && i < N_LANGUAGES; i++)
    if (g_str_equal (asked, _sam_collect_language_codes[i]))
      return i;

  header = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                          "Accept-Language");
  if (header == NULL)
    return LANGUAGE_DANISH;
  list = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      const char *tag = l->data;
      gboolean found = FALSE;

      for (guint i = 0; i < N_LANGUAGES; i++)
        if (g_ascii_strncasecmp (tag, _sam_collect_language_codes[i], 2) == 0 &&
            (tag[2] == '\0' || tag[2] == '-'))
          {
            language = i;
            found = TRUE;
            break;
          }
      if (found)
        break;
    }
  soup_header_free_list (list);
  return language;
}

/* Responses */

void
_sam_collect_set_common_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* Nothing is kept by the phone's browser or any cache, and the secret path is never
   * sent on to anyone (there are no links out, and no referrer). */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'self'; script-src 'self';"
                                " img-src 'self'; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

void
_sam_collect_respond_text (SoupServerMessage *msg,
                           guint              status,
                           const char        *text)
{
  g_autofree char *body = g_strconcat (text, "\n", NULL);

  soup_server_message_set_status (msg, status,
                                  status == STATUS_TOO_MANY_REQUESTS ? "Too Many Requests" : NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

void
_sam_collect_respond_bytes (SoupServerMessage *msg,
                            const char        *content_type,
                            GBytes            *bytes)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         content_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

void
_sam_collect_append_escaped (GString    *out,
                             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

typedef struct
{
  const char *name;
  const char *value;      /* HTML, escaped already */
} Slot;

/* The page template with {{name}} slots filled in. */
static char *
fill_template (GBytes     *template,
               const Slot *slots,
               guint       n_slots)
{
  gsize length;
  const char *text = g_bytes_get_data (template, &length);
  const char *end = text + length;
  GString *out = g_string_sized_new (length + 4096);

  while (text < end)
    {
      const char *open = g_strstr_len (text, end - text, "{{");
      const char *close;

      if (open == NULL || (close = g_strstr_len (open, end - open, "}}")) == NULL)
        {
          g_string_append_len (out, text, end - text);
          break;
        }
      g_string_append_len (out, text, open - text);
      for (guint i = 0; i < n_slots; i++)
        if (strlen (slots[i].name) == (gsize) (close - open - 2) &&
            strncmp (slots[i].name, open + 2, close - open - 2) == 0)
          g_string_append (out, slots[i].value);
      text = close + 2;
    }
  return g_string_free (out, FALSE);
}

void
_sam_collect_respond_page (SamCollect        *self,
                           SoupServerMessage *msg,
                           Language           language,
                           const char        *title,
                           const char        *languages,
                           const char        *content)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_prefix = g_markup_escape_text (self->prefix, -1);
  Slot slots[] = {
    { "lang", sam_catalog_get_language (self->catalogs[language]) },
    { "title", escaped_title },
    { "prefix", escaped_prefix },
    { "languages", languages },
    { "content", content },
  };
  g_autofree char *page = fill_template (self->page_template, slots, G_N_ELEMENTS (slots));
  gsize length = strlen (page);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&page), length);
}

/* Links to the page in the other languages, keeping the role. */
char *
_sam_collect_language_links (SamCollect *self,
                             Language    current,
                             const char *role)
{
  static const char *names[N_LANGUAGES] = { "Dansk", "English" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      if (i == current)
        {
          g_string_append_printf (out, "<span class=\"current\" lang=\"%s\">%s</span>",
                                  _sam_collect_language_codes[i], names[i]);
          continue;
        }
      g_string_append_printf (out,
                              "<a href=\"%s?%s%s%slang=%s\" lang=\"%s\" hreflang=\"%s\">%s</a>",
                              self->prefix, role ? "role=" : "", role ? role : "",
                              role ? "&amp;" : "", _sam_collect_language_codes[i],
                              _sam_collect_language_codes[i], _sam_collect_language_codes[i],
                              names[i]);
    }
  return g_string_free (out, FALSE);
}

/* Submissions */

void
_sam_collect_refuse (SoupServerMessage *msg,
                     guint              status,
                     const char        *headline,
                     const char        *reason)
{
  g_autofree char *text = g_strconcat (headline, "\n", reason, NULL);

  _sam_collect_respond_text (msg, status, text);
}

/* A turn of the rate limit for a form posted; without one the form is refused with
 * @reason, and the phone told to send it again in a while. */
gboolean
_sam_collect_take_post_turn (SamCollect        *self,
                             SoupServerMessage *msg,
                             Language           language,
                             const char        *reason)
{
  if (_sam_collect_bucket_take (&self->posts))
    return TRUE;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Retry-After", "10");
  _sam_collect_refuse (msg, STATUS_TOO_MANY_REQUESTS, T (language, N_("Nothing was stored.")),
                       reason);
  return FALSE;
}

/* A turn of the rate limit for a page asked for; without one the phone is told to ask
 * again in a while. */
gboolean
_sam_collect_take_get_turn (SamCollect        *self,
                            SoupServerMessage *msg,
                            Language           language)
{
  if (_sam_collect_bucket_take (&self->gets))
    return TRUE;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Retry-After", "10");
  _sam_collect_respond_text (msg, STATUS_TOO_MANY_REQUESTS,
                             T (language, N_("Too many phones asked at once. Try again in a "
                                             "moment.")));
  return FALSE;
}

/* Refuses a form that did not decode: 413 where it is larger than a form can be, else 400,
 * with what was wrong with it. */
void
_sam_collect_refuse_decoded (SoupServerMessage *msg,
                             const char        *headline,
                             const GError      *error)
{
  guint status = error->code == SAM_COLLECT_ERROR_TOO_LARGE ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                                           : SOUP_STATUS_BAD_REQUEST;

  _sam_collect_refuse (msg, status, headline, error->message);
}

void
_sam_collect_respond_failed (SamCollect        *self,
                             SoupServerMessage *msg,
                             Language           language)
{
  /* Said to the phone plainly; nothing of it goes to a log. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "5");
  _sam_collect_refuse (msg, SOUP_STATUS_SERVICE_UNAVAILABLE,
                       T (language, N_("Nothing was stored.")),
                       T (language, N_("The clinic’s computer could not store the answers. Send "
                                       "them again in a moment.")));
}

