/* sam-collect.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-collect"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "sam-catalog.h"
#include "sam-collect.h"
#include "sam-content.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

/* The server knows one round and one clinic, and gives out three kinds of pages under a
 * secret path: the role to choose, the form of a role, and thanks. Everything else is 404.
 * Made with sam_collect_new_meeting() it is instead a meeting's room for one step: the
 * same secret, limits and tokens ("note.NONCE.MAC"), one page, the note form, and each
 * note posted stored as an unsorted note of the step (handle_room()).
 *
 * The secret (128 bits from the kernel's cryptographic source, base64url) is all that
 * keeps someone on the same network who has not seen the QR code out; its comparison takes
 * the same time whatever it holds. A form carries a token, "ROLE.NONCE.MAC": the role it
 * was made for, a fresh random nonce and an HMAC of both under a key of this run, so a
 * token cannot be made up or given another role, and needs no memory until it is used.
 * A used nonce is remembered for the run: the same form posted again is thanked and
 * stores nothing more.
 *
 * A form is checked as it arrives (sam_collect_form_decode(), the same checks the store
 * makes) and then waits, its phone with it, for a turn of the main loop below the window's
 * drawing and input (run_jobs()), where it is stored as the window stores an answer.
 *
 * Nothing about a phone is kept: no address, agent or time is stored or logged, and the
 * rate limit is one for all phones together, so it needs to know none of them. */

/* How many submissions at once, and how many a minute after that, for all phones
 * together: a clinic of a dozen answering at the same moment is far below it. */
#define POST_BURST       60
#define POST_PER_MINUTE  60
#define GET_BURST        300
#define GET_PER_MINUTE   600
#define SECRET_BYTES     16
#define KEY_BYTES        32
#define NONCE_BYTES      16
/* Not named in libsoup 3.2. */
#define STATUS_TOO_MANY_REQUESTS 429

typedef enum
{
  LANGUAGE_DANISH,
  LANGUAGE_ENGLISH,
  N_LANGUAGES
} Language;

static const char *language_codes[N_LANGUAGES] = { "da", "en" };

typedef struct
{
  double  tokens;
  double  burst;
  double  per_second;
  gint64  last;
} Bucket;

struct _SamCollect
{
  GObject        parent_instance;

  SamStore      *store;
  gint64         round_id;
  gint64         clinic_id;
  gint64         meeting_id;      /* a meeting's room: notes for one step, or 0 */
  char          *step_id;

  SoupServer    *server;
  char          *secret;
  char          *prefix;          /* "/SECRET/" */
  char          *address;         /* "http://HOST:PORT/SECRET/" */
  guint8         key[KEY_BYTES];
  GHashTable    *used;            /* nonces of forms stored */
  GQueue        *jobs;            /* Job: forms waiting to be stored, in order */
  guint          jobs_source;
  guint          n_answered;

  SamCatalog    *catalogs[N_LANGUAGES];
  SamInstrument *instruments[N_LANGUAGES];
  GBytes        *page_template;

  Bucket         posts;
  Bucket         gets;
};

G_DEFINE_FINAL_TYPE (SamCollect, sam_collect, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ANSWERED,
  PROP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Randomness */

/* Fills @buffer from the kernel's cryptographic source: getrandom(), or /dev/urandom
 * where that is missing. Never GLib's g_random, which is predictable. */
static gboolean
crypto_random (guint8  *buffer,
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

static char *
base64url (const guint8 *data,
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
static gboolean
equal_in_constant_time (const char *a,
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
static char *
make_token_of_kind (SamCollect  *self,
                    const char  *kind,
                    GError     **error)
{
  guint8 nonce[NONCE_BYTES];
  g_autofree char *nonce_text = NULL;
  g_autofree char *signed_part = NULL;
  g_autofree char *mac = NULL;

  if (!crypto_random (nonce, sizeof nonce, error))
    return NULL;
  nonce_text = base64url (nonce, sizeof nonce);
  signed_part = g_strconcat (kind, ".", nonce_text, NULL);
  mac = token_mac (self, signed_part, strlen (signed_part));
  return g_strconcat (signed_part, ".", mac, NULL);
}

static char *
make_token (SamCollect  *self,
            SamRole      role,
            GError     **error)
{
  return make_token_of_kind (self, sam_role_to_string (role), error);
}

/* Whether this run gave out @token: its MAC is right for its role and nonce. */
static gboolean
check_token (SamCollect *self,
             const char *token)
{
  const char *last = strrchr (token, '.');
  g_autofree char *mac = NULL;

  if (last == NULL)
    return FALSE;
  mac = token_mac (self, token, last - token);
  return equal_in_constant_time (last + 1, strlen (last + 1), mac, strlen (mac));
}

/* The part of a token that is used up when its form is stored. */
static const char *
token_nonce (const char *token)
{
  return strchr (token, '.') + 1;
}

/* Rate limit */

static void
bucket_init (Bucket *bucket,
             guint   burst,
             guint   per_minute)
{
  bucket->burst = MAX (burst, 1);
  bucket->tokens = bucket->burst;
  bucket->per_second = per_minute / 60.0;
  bucket->last = g_get_monotonic_time ();
}

static gboolean
bucket_take (Bucket *bucket)
{
  gint64 now = g_get_monotonic_time ();

  bucket->tokens = MIN (bucket->burst, bucket->tokens + (now - bucket->last) / 1e6 * bucket->per_second);
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

static gboolean
load_languages (SamCollect  *self,
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
      self->catalogs[i] = sam_catalog_new_for_language (language_codes[i], &local_error);
      /* Without its catalog a language falls back to the English source, as gettext does. */
      if (self->catalogs[i] == NULL)
        {
          g_debug ("No catalog for %s: %s", language_codes[i], local_error->message);
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
static Language
choose_language (SoupServerMessage *msg,
                 GHashTable        *query)
{
  const char *asked = query != NULL ? g_hash_table_lookup (query, "lang") : NULL;
  const char *header;
  GSList *list;
  Language language = LANGUAGE_DANISH;

  for (guint i = 0; asked != NULL && i < N_LANGUAGES; i++)
    if (g_str_equal (asked, language_codes[i]))
      return i;

  header = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "Accept-Language");
  if (header == NULL)
    return LANGUAGE_DANISH;
  list = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      const char *tag = l->data;
      gboolean found = FALSE;

      for (guint i = 0; i < N_LANGUAGES; i++)
        if (g_ascii_strncasecmp (tag, language_codes[i], 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
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

#define T(language, text) sam_catalog_gettext (self->catalogs[language], text)

static void
set_common_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* Nothing is kept by the phone's browser or any cache, and the secret path is never
   * sent on to anyone (there are no links out, and no referrer). */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

static void
respond_text (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  g_autofree char *body = g_strconcat (text, "\n", NULL);

  soup_server_message_set_status (msg, status, status == STATUS_TOO_MANY_REQUESTS ? "Too Many Requests" : NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_bytes (SoupServerMessage *msg,
               const char        *content_type,
               GBytes            *bytes)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), content_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* A label of the window without its mnemonic: "_Next" is "Next". */
static char *
without_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
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

static void
respond_page (SamCollect        *self,
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
static char *
language_links (SamCollect *self,
                Language    current,
                const char *role)
{
  static const char *names[N_LANGUAGES] = { "Dansk", "English" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      if (i == current)
        {
          g_string_append_printf (out, "<span class=\"current\" lang=\"%s\">%s</span>", language_codes[i], names[i]);
          continue;
        }
      g_string_append_printf (out, "<a href=\"%s?%s%s%slang=%s\" lang=\"%s\" hreflang=\"%s\">%s</a>",
                              self->prefix, role ? "role=" : "", role ? role : "", role ? "&amp;" : "",
                              language_codes[i], language_codes[i], language_codes[i], names[i]);
    }
  return g_string_free (out, FALSE);
}

/* What the phone's owner reads first: where the answers go and what is kept. */
static void
append_privacy (SamCollect *self,
                GString    *out,
                Language    language,
                gboolean    open)
{
  int k = sam_store_get_min_group_size (self->store);

  /* Open on the first page; on the form, read already, it folds away above the questions. */
  g_string_append_printf (out, "<details class=\"privacy\"%s>\n<summary><h2 id=\"privacy-title\">",
                          open ? " open" : "");
  append_escaped (out, T (language, N_("Before You Start")));
  g_string_append (out, "</h2></summary>\n<p>");
  append_escaped (out, T (language, N_("Your answers go straight to the clinic’s computer over the clinic’s own "
                                       "network, not through the internet. They are stored there without your "
                                       "name and are never shown one by one: only counts of answers are shown "
                                       "and shared.")));
  g_string_append (out, "</p>\n<p>");
  append_escaped (out, T (language, N_("Nothing about your phone is kept: not its address, not its name, not "
                                       "the time you answered.")));
  g_string_append (out, "</p>\n");
  if (k > 1)
    {
      g_autofree char *small = NULL;

      small = g_strdup_printf (T (language, N_("Where fewer than %d people from the clinic answer, colleagues "
                                               "may be able to work out each other’s answers from the clinic’s "
                                               "own results.")),
                               k);
      g_string_append (out, "<p>");
      append_escaped (out, small);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"js-only\" hidden>");
  append_escaped (out, T (language, N_("While you answer, a draft is kept on this phone only, and it is removed "
                                       "once your answers are sent.")));
  g_string_append (out, "</p>\n</details>\n");
}

static void
append_heading (GString    *out,
                const char *round_label,
                const char *clinic_code)
{
  g_string_append (out, "<p class=\"context\">");
  append_escaped (out, round_label);
  g_string_append (out, " · ");
  append_escaped (out, clinic_code);
  g_string_append (out, "</p>\n");
}

/* The round as the store has it now, and the clinic's code. */
static gboolean
lookup_round (SamCollect  *self,
              SamRound   **round,
              char       **clinic_code,
              GError     **error)
{
  g_autoptr(GPtrArray) clinics = NULL;

  *round = sam_store_get_round (self->store, self->round_id, error);
  if (*round == NULL)
    return FALSE;
  clinics = sam_store_list_clinics (self->store, error);
  if (clinics == NULL)
    {
      g_clear_pointer (round, sam_round_free);
      return FALSE;
    }
  *clinic_code = NULL;
  for (guint i = 0; i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);

      if (clinic->id == self->clinic_id)
        *clinic_code = g_strdup (clinic->code);
    }
  if (*clinic_code == NULL)
    {
      g_clear_pointer (round, sam_round_free);
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_FAILED, _("There is no such clinic"));
      return FALSE;
    }
  return TRUE;
}

static void
respond_role_page (SamCollect        *self,
                   SoupServerMessage *msg,
                   Language           language,
                   const SamRound    *round,
                   const char        *clinic_code)
{
  SamInstrument *instrument = self->instruments[language];
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = language_links (self, language, NULL);

  append_heading (content, round->label, clinic_code);
  append_privacy (self, content, language, TRUE);
  if (round->closed)
    {
      g_string_append (content, "<p class=\"notice\" role=\"status\">");
      append_escaped (content, T (language, N_("This round is closed: it takes no more answers.")));
      g_string_append (content, "</p>\n");
    }
  g_string_append (content, "<section class=\"roles\" aria-labelledby=\"roles-title\">\n<h1 id=\"roles-title\">");
  append_escaped (content, T (language, N_("Your Role")));
  g_string_append (content, "</h1>\n<ul class=\"choices\">\n");
  for (guint role = 0; role < SAM_N_ROLES; role++)
    {
      g_string_append_printf (content, "<li><a class=\"choice\" href=\"%s?role=%s&amp;lang=%s\"><strong>",
                              self->prefix, sam_role_to_string (role), language_codes[language]);
      append_escaped (content, sam_instrument_get_role_label (instrument, role));
      g_string_append (content, "</strong><span>");
      append_escaped (content, sam_instrument_get_role_description (instrument, role));
      g_string_append (content, "</span></a></li>\n");
    }
  g_string_append (content, "</ul>\n</section>\n");

  respond_page (self, msg, language, "Samarbejde og fællesskab", links, content->str);
}

static void
append_option (GString    *out,
               const char *item,
               int         code,
               const char *label,
               gboolean    not_applicable)
{
  g_string_append_printf (out, "<label class=\"option%s\"><input type=\"radio\" name=\"%s\" value=\"%d\"><span>",
                          not_applicable ? " na" : "", item, code);
  append_escaped (out, label);
  g_string_append (out, "</span></label>\n");
}

static void
respond_form (SamCollect        *self,
              SoupServerMessage *msg,
              Language           language,
              SamRole            role,
              const SamRound    *round,
              const char        *clinic_code)
{
  SamInstrument *instrument = self->instruments[language];
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = make_token (self, role, &error);
  g_autofree char *links = language_links (self, language, sam_role_to_string (role));
  g_autofree char *next = without_mnemonic (T (language, N_("_Next")));
  g_autofree char *back = without_mnemonic (T (language, N_("_Back")));
  g_autofree char *send = without_mnemonic (T (language, N_("_Submit")));
  guint n_questions = 0;

  if (token == NULL)
    {
      respond_text (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
      return;
    }

  append_heading (content, round->label, clinic_code);
  append_privacy (self, content, language, FALSE);
  if (round->closed)
    {
      g_string_append (content, "<p class=\"notice\" role=\"status\">");
      append_escaped (content, T (language, N_("This round is closed: it takes no more answers.")));
      g_string_append (content, "</p>\n");
    }

  /* The thanks come in the language the form was in, whatever the phone asks for. */
  g_string_append_printf (content, "<form class=\"questionnaire\" method=\"post\" action=\"%s?lang=%s\" "
                                   "accept-charset=\"utf-8\" data-next=\"", self->prefix, language_codes[language]);
  append_escaped (content, next);
  g_string_append (content, "\" data-back=\"");
  append_escaped (content, back);
  g_string_append (content, "\" data-progress=\"");
  append_escaped (content, T (language, N_("Question %u of %u")));
  g_string_append (content, "\">\n<h1>");
  append_escaped (content, sam_instrument_get_role_label (instrument, role));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  append_escaped (content, T (language, N_("Choose the answer that fits best. You may leave out any question you "
                                           "do not want to answer.")));
  g_string_append (content, "</p>\n");
  g_string_append_printf (content, "<input type=\"hidden\" name=\"role\" value=\"%s\">\n"
                                   "<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          sam_role_to_string (role), token);

  for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
    {
      const SamQuestion *question = sam_instrument_get_question (instrument, q);
      const GPtrArray *options = question->scale->options;
      gboolean asked = FALSE;

      for (guint i = 0; i < question->items->len; i++)
        asked |= sam_item_is_asked (g_ptr_array_index (question->items, i), role);
      if (!asked)
        continue;
      n_questions++;

      g_string_append_printf (content, "<section class=\"question\" id=\"question-%d\" aria-labelledby=\"title-%d\">\n"
                                       "<p class=\"domain\">", question->number, question->number);
      append_escaped (content, question->domain->title);
      g_string_append_printf (content, "</p>\n<h2 id=\"title-%d\"><span class=\"number\">%d.</span> ",
                              question->number, question->number);
      append_escaped (content, question->text);
      g_string_append (content, "</h2>\n");

      for (guint i = 0; i < question->items->len; i++)
        {
          const SamItem *item = g_ptr_array_index (question->items, i);

          if (!sam_item_is_asked (item, role))
            continue;
          g_string_append_printf (content, "<fieldset class=\"item\" id=\"item-%s\">\n<legend%s>", item->id,
                                  item->text == NULL ? " class=\"visually-hidden\"" : "");
          append_escaped (content, item->text != NULL ? item->text : question->text);
          g_string_append (content, "</legend>\n<div class=\"options\">\n");
          for (guint o = 0; o < options->len; o++)
            {
              const SamOption *option = g_ptr_array_index (options, o);

              append_option (content, item->id, option->code, option->label, FALSE);
            }
          if (item->not_applicable != NULL)
            append_option (content, item->id, SAM_ANSWER_NOT_APPLICABLE,
                           sam_instrument_get_not_applicable_label (instrument, item->not_applicable), TRUE);
          g_string_append (content, "</div>\n</fieldset>\n");
        }
      g_string_append (content, "</section>\n");
    }

  g_string_append (content, "<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  append_escaped (content, send);
  g_string_append (content, "</button></div>\n</form>\n");

  respond_page (self, msg, language, sam_instrument_get_role_label (instrument, role), links, content->str);
}

static void
respond_thanks (SamCollect        *self,
                SoupServerMessage *msg,
                Language           language,
                SamRole            role)
{
  g_autoptr(GString) content = g_string_new (NULL);

  /* The script removes the draft of this role once the answers are in. */
  g_string_append_printf (content, "<section class=\"thanks\" data-clear-draft=\"%s\">\n<h1>",
                          sam_role_to_string (role));
  append_escaped (content, T (language, N_("Thank You")));
  g_string_append (content, "</h1>\n<p>");
  append_escaped (content, T (language, N_("Your answers are stored on the clinic’s computer without your name. "
                                           "You can close this page now.")));
  g_string_append (content, "</p>\n</section>\n");

  respond_page (self, msg, language, T (language, N_("Thank You")), "", content->str);
}

/* Submissions */

static void
refuse (SoupServerMessage *msg,
        guint              status,
        const char        *headline,
        const char        *reason)
{
  g_autofree char *text = g_strconcat (headline, "\n", reason, NULL);

  respond_text (msg, status, text);
}

static void
respond_failed (SamCollect        *self,
                SoupServerMessage *msg,
                Language           language)
{
  /* Said to the phone plainly; nothing of it goes to a log. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "5");
  refuse (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, T (language, N_("Nothing was stored.")),
          T (language, N_("The clinic’s computer could not store the answers. Send them again in a moment.")));
}

/* A form checked and waiting for its turn to be stored. */
typedef struct
{
  SoupServerMessage *msg;
  Language           language;
  SamCollectForm     form;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->msg);
  g_free (job);
}

/* Stores one waiting form as one respondent, in a change of its own, exactly as the
 * window's questionnaire stores one (sam_store_begin(), sam_store_add_respondent(),
 * sam_store_commit()); inside the batch's change (see run_jobs()) that is a savepoint,
 * all of the respondent or nothing of it. Returns TRUE where it waits for the batch to be
 * committed before the phone is thanked; otherwise the phone has its answer. */
static gboolean
store_job (SamCollect *self,
           Job        *job,
           GHashTable *batch)
{
  SoupServerMessage *msg = job->msg;
  Language language = job->language;
  const char *headline = T (language, N_("Nothing was stored."));
  const char *nonce = token_nonce (job->form.token);
  g_autoptr(GError) error = NULL;

  /* A form is taken once: posted again, it is thanked and stores nothing more. */
  if (g_hash_table_contains (self->used, nonce) || g_hash_table_contains (batch, nonce))
    {
      respond_thanks (self, msg, language, job->form.role);
      return FALSE;
    }

  if (!sam_store_begin (self->store, &error))
    goto failed;
  if (!sam_store_add_respondent (self->store, self->round_id, self->clinic_id, job->form.role,
                                 job->form.answers, job->form.n_answers, NULL, &error))
    {
      g_autoptr(SamRound) round = NULL;

      sam_store_rollback (self->store);
      if (!g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID) && error->domain != SAM_INSTRUMENT_ERROR)
        goto failed;
      round = sam_store_get_round (self->store, self->round_id, NULL);
      if (round == NULL || round->closed)
        refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                T (language, N_("This round is closed: it takes no more answers.")));
      else
        refuse (msg, SOUP_STATUS_BAD_REQUEST, headline, error->message);
      return FALSE;
    }
  if (!sam_store_commit (self->store, &error))
    goto failed;
  g_hash_table_add (batch, (gpointer) nonce);
  return TRUE;

failed:
  respond_failed (self, msg, language);
  return FALSE;
}

static void schedule_jobs (SamCollect *self,
                           guint       delay_ms);

/* How long one turn of the main loop may store forms before the window's drawing and
 * input come again. */
#define BATCH_BUDGET_US 8000

/* The forms waiting, stored in turns below the window's drawing and input. The forms of
 * one turn are committed together: a clinic pressing Submit at once costs the disk one
 * write instead of one each, and the window one refresh. Each form is still all or
 * nothing (its own savepoint), and no phone is thanked before its answers are on disk. */
static gboolean
run_jobs (gpointer user_data)
{
  SamCollect *self = user_data;
  g_autoptr(GHashTable) batch = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GPtrArray) answered = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + BATCH_BUDGET_US;
  gboolean committed;
  Job *job;

  self->jobs_source = 0;
  /* A change of the window's that is not finished would take these with it if it were
   * undone: the forms wait for it. */
  if (sam_store_in_transaction (self->store))
    {
      schedule_jobs (self, 50);
      return G_SOURCE_REMOVE;
    }
  if (!sam_store_begin (self->store, &error))
    {
      job = g_queue_pop_head (self->jobs);
      respond_failed (self, job->msg, job->language);
      soup_server_message_unpause (job->msg);
      job_free (job);
      if (!g_queue_is_empty (self->jobs))
        schedule_jobs (self, 100);
      return G_SOURCE_REMOVE;
    }
  while (g_get_monotonic_time () < deadline && (job = g_queue_pop_head (self->jobs)) != NULL)
    g_ptr_array_add (store_job (self, job, batch) ? waiting : answered, job);
  committed = sam_store_commit (self->store, NULL);

  for (guint i = 0; i < waiting->len; i++)
    {
      job = g_ptr_array_index (waiting, i);
      if (committed)
        {
          g_hash_table_add (self->used, g_strdup (token_nonce (job->form.token)));
          self->n_answered++;
          respond_thanks (self, job->msg, job->language, job->form.role);
        }
      else
        respond_failed (self, job->msg, job->language);
      soup_server_message_unpause (job->msg);
    }
  for (guint i = 0; i < answered->len; i++)
    soup_server_message_unpause (((Job *) g_ptr_array_index (answered, i))->msg);
  if (committed && waiting->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);

  if (!g_queue_is_empty (self->jobs))
    schedule_jobs (self, 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_jobs (SamCollect *self,
               guint       delay_ms)
{
  if (self->jobs_source != 0)
    return;
  if (delay_ms > 0)
    self->jobs_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, delay_ms, run_jobs, self, NULL);
  else
    self->jobs_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_jobs, self, NULL);
}

static void
take_submission (SamCollect        *self,
                 SoupServerMessage *msg,
                 Language           language)
{
  const char *headline = T (language, N_("Nothing was stored."));
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;
  gsize length;
  const char *data;

  if (content_type == NULL || g_ascii_strcasecmp (content_type, SOUP_FORM_MIME_TYPE_URLENCODED) != 0)
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The answers did not come as a form sends them.")));
      return;
    }

  job = g_new0 (Job, 1);
  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_form_decode (self->instruments[language], self->catalogs[language], data, length,
                                &job->form, &error))
    {
      refuse (msg, error->code == SAM_COLLECT_ERROR_TOO_LARGE ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                                              : SOUP_STATUS_BAD_REQUEST,
              headline, error->message);
      g_free (job);
      return;
    }
  if (!check_token (self, job->form.token))
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The answers did not come from a form of this computer.")));
      g_free (job);
      return;
    }

  /* Checked: it waits for its turn, and the phone for its answer. */
  job->msg = g_object_ref (msg);
  job->language = language;
  g_queue_push_tail (self->jobs, job);
  soup_server_message_pause (msg);
  schedule_jobs (self, 0);
}

/* A meeting's room */

/* The meeting as the store has it now, and the step whose notes the room takes; refused
 * where the meeting has ended or the step takes no notes. */
static gboolean
lookup_meeting_step (SamCollect            *self,
                     const SamMeetingStep **out_step,
                     GError               **error)
{
  g_autoptr(SamMeeting) meeting = sam_meeting_store_get (self->store, self->meeting_id, error);
  SamMeetingTemplate *template;
  const SamMeetingStep *step;

  if (meeting == NULL)
    return FALSE;
  template = sam_meeting_template_lookup (meeting->template_id);
  step = template != NULL ? sam_meeting_template_lookup_step (template, self->step_id) : NULL;
  if (step == NULL || (step->notes == SAM_MEETING_NOTES_NONE && step->phones == SAM_MEETING_PHONES_NONE))
    {
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED,
                           _("This step of the meeting takes no notes"));
      return FALSE;
    }
  if (meeting->ended != NULL)
    {
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED,
                           _("The meeting has ended: it takes no more notes"));
      return FALSE;
    }
  *out_step = step;
  return TRUE;
}

static void
append_colour (GString    *out,
               const char *value,
               const char *label,
               gboolean    checked)
{
  g_string_append_printf (out, "<label class=\"option note-%s\"><input type=\"radio\" name=\"colour\" "
                               "value=\"%s\" required%s><span>", value, value, checked ? " checked" : "");
  append_escaped (out, label);
  g_string_append (out, "</span></label>\n");
}

/* The note form: its colours as the step takes them, a short text, and a token of its own
 * that is taken once. */
static void
respond_note_form (SamCollect        *self,
                   SoupServerMessage *msg,
                   Language           language)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = language_links (self, language, NULL);
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  const SamMeetingStep *step;
  gboolean green, red;

  if (!lookup_meeting_step (self, &step, &error))
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, T (language, N_("The meeting takes no notes now.")));
      return;
    }
  token = make_token_of_kind (self, "note", &error);
  if (token == NULL)
    {
      respond_failed (self, msg, language);
      return;
    }
  green = (step->notes & SAM_MEETING_NOTES_GREEN) != 0;
  red = (step->notes & SAM_MEETING_NOTES_RED) != 0;

  g_string_append (content, "<section class=\"meeting\" aria-labelledby=\"note-title\">\n<h1 id=\"note-title\">");
  append_escaped (content, T (language, N_("Post a Note")));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  append_escaped (content, T (language, N_("Your note goes to the facilitator’s screen over the clinic’s own "
                                           "network, without your name. Nothing about your phone is kept.")));
  g_string_append_printf (content, "</p>\n<form class=\"meeting-note\" method=\"post\" action=\"%s?lang=%s\" "
                                   "accept-charset=\"utf-8\">\n<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          self->prefix, language_codes[language], token);
  g_string_append (content, "<fieldset class=\"item\">\n<legend>");
  append_escaped (content, T (language, N_("Colour")));
  g_string_append (content, "</legend>\n<div class=\"options\">\n");
  if (green)
    append_colour (content, "green", T (language, N_("Green: what works well")), !red);
  if (red)
    append_colour (content, "red", T (language, N_("Red: what could be better")), !green);
  g_string_append (content, "</div>\n</fieldset>\n<label class=\"note-label\" for=\"note-text\">");
  append_escaped (content, T (language, N_("Your note")));
  g_string_append_printf (content, "</label>\n<textarea id=\"note-text\" name=\"text\" rows=\"4\" maxlength=\"%d\" "
                                   "required></textarea>\n<p class=\"hint\">",
                          SAM_COLLECT_NOTE_MAX);
  {
    g_autofree char *hint = g_strdup_printf (T (language, N_("At most %d characters. One thought a note.")),
                                             SAM_COLLECT_NOTE_MAX);

    append_escaped (content, hint);
  }
  g_string_append (content, "</p>\n<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  append_escaped (content, T (language, N_("Post Note")));
  g_string_append (content, "</button></div>\n</form>\n</section>\n");

  respond_page (self, msg, language, T (language, N_("Post a Note")), links, content->str);
}

static void
respond_note_thanks (SamCollect        *self,
                     SoupServerMessage *msg,
                     Language           language)
{
  g_autoptr(GString) content = g_string_new (NULL);

  g_string_append (content, "<section class=\"thanks\">\n<h1>");
  append_escaped (content, T (language, N_("Thank You")));
  g_string_append (content, "</h1>\n<p>");
  append_escaped (content, T (language, N_("Your note is on the facilitator’s screen, without your name.")));
  g_string_append_printf (content, "</p>\n<p><a class=\"choice\" href=\"%s?lang=%s\"><strong>",
                          self->prefix, language_codes[language]);
  append_escaped (content, T (language, N_("Write Another Note")));
  g_string_append (content, "</strong></a></p>\n</section>\n");

  respond_page (self, msg, language, T (language, N_("Thank You")), "", content->str);
}

/* A note is small and stored at once, in a change of its own, as the facilitator's typed
 * note is; a change of the window's that is not finished makes the phone try again. */
static void
take_note (SamCollect        *self,
           SoupServerMessage *msg,
           Language           language)
{
  const char *headline = T (language, N_("Nothing was stored."));
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const SamMeetingStep *step;
  SamCollectNote note;
  gsize length;
  const char *data;

  if (content_type == NULL || g_ascii_strcasecmp (content_type, SOUP_FORM_MIME_TYPE_URLENCODED) != 0)
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The note did not come as a form sends it.")));
      return;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_note_decode (self->catalogs[language], data, length, &note, &error))
    {
      refuse (msg, error->code == SAM_COLLECT_ERROR_TOO_LARGE ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                                              : SOUP_STATUS_BAD_REQUEST,
              headline, error->message);
      return;
    }
  if (!check_token (self, note.token))
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The note did not come from a form of this computer.")));
      return;
    }
  /* A form is taken once: posted again, it is thanked and stores nothing more. */
  if (g_hash_table_contains (self->used, token_nonce (note.token)))
    {
      respond_note_thanks (self, msg, language);
      return;
    }
  if (!lookup_meeting_step (self, &step, NULL))
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline, T (language, N_("The meeting takes no notes now.")));
      return;
    }
  if (step->notes == SAM_MEETING_NOTES_NONE ||
      (step->notes & (note.red ? SAM_MEETING_NOTES_RED : SAM_MEETING_NOTES_GREEN)) == 0)
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              note.red ? T (language, N_("This step takes green notes only."))
                       : T (language, N_("This step takes red notes only.")));
      return;
    }
  if (sam_store_in_transaction (self->store) ||
      !sam_meeting_store_add_card (self->store, self->meeting_id, self->step_id,
                                   note.red ? SAM_MEETING_CARD_RED : SAM_MEETING_CARD_GREEN, note.text, NULL,
                                   NULL, NULL))
    {
      respond_failed (self, msg, language);
      return;
    }
  g_hash_table_add (self->used, g_strdup (token_nonce (note.token)));
  self->n_answered++;
  respond_note_thanks (self, msg, language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
}

static gboolean handle_phones_room (SamCollect        *self,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    Language           language);

/* The room has one page, the note form, and takes notes posted to it; on a step that
 * takes votes or asks questions, that form instead (handle_phones_room()). */
static void
handle_room (SamCollect        *self,
             SoupServerMessage *msg,
             const char        *method,
             Language           language)
{
  if (handle_phones_room (self, msg, method, language))
    return;
  if (method == SOUP_METHOD_POST)
    {
      if (!bucket_take (&self->posts))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "10");
          refuse (msg, STATUS_TOO_MANY_REQUESTS, T (language, N_("Nothing was stored.")),
                  T (language, N_("Too many notes arrived at once. Send yours again in a moment.")));
          return;
        }
      take_note (self, msg, language);
      return;
    }
  if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
    {
      if (!bucket_take (&self->gets))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "10");
          respond_text (msg, STATUS_TOO_MANY_REQUESTS,
                        T (language, N_("Too many phones asked at once. Try again in a moment.")));
          return;
        }
      respond_note_form (self, msg, language);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD, POST");
  respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
}

/* Votes and anonymous questions in a meeting's room */

G_STATIC_ASSERT (SAM_COLLECT_VOTES_MAX == SAM_MEETING_VOTES_MAX);
G_STATIC_ASSERT (SAM_COLLECT_QUESTIONS_MAX == SAM_MEETING_QUESTIONS_MAX);

/* The red notes a phone may vote for: every red note of the meeting, as the runner
 * shows them, in the order they were written. */
static GPtrArray *
list_red_cards (SamCollect  *self,
                GError     **error)
{
  g_autoptr(GPtrArray) cards = sam_meeting_store_list_cards (self->store, self->meeting_id, error);

  if (cards == NULL)
    return NULL;
  for (guint i = cards->len; i > 0; i--)
    if (((SamMeetingCard *) g_ptr_array_index (cards, i - 1))->colour != SAM_MEETING_CARD_RED)
      g_ptr_array_remove_index (cards, i - 1);
  return g_steal_pointer (&cards);
}

static void
respond_room_thanks (SamCollect        *self,
                     SoupServerMessage *msg,
                     Language           language,
                     const char        *text)
{
  g_autoptr(GString) content = g_string_new (NULL);

  g_string_append (content, "<section class=\"thanks\">\n<h1>");
  append_escaped (content, T (language, N_("Thank You")));
  g_string_append (content, "</h1>\n<p>");
  append_escaped (content, text);
  g_string_append (content, "</p>\n</section>\n");
  respond_page (self, msg, language, T (language, N_("Thank You")), "", content->str);
}

/* The vote form: the meeting's red notes as boxes to tick, up to SAM_COLLECT_VOTES_MAX,
 * and a token of its own that is taken once. The notes' texts are what the facilitator's
 * screen shows the room already; no count is ever on the page. */
static void
respond_vote_form (SamCollect        *self,
                   SoupServerMessage *msg,
                   Language           language)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = language_links (self, language, NULL);
  g_autofree char *token = NULL;
  g_autofree char *intro = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  cards = list_red_cards (self, &error);
  token = cards != NULL ? make_token_of_kind (self, "vote", &error) : NULL;
  if (token == NULL)
    {
      respond_failed (self, msg, language);
      return;
    }

  g_string_append (content, "<section class=\"meeting\" aria-labelledby=\"vote-title\">\n<h1 id=\"vote-title\">");
  append_escaped (content, T (language, N_("Vote for Red Notes")));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  intro = g_strdup_printf (T (language, N_("Choose up to %d red notes you would most like to talk about. Only "
                                           "the number of votes for each note is kept: not your name, not what "
                                           "you chose together, and nothing about your phone.")),
                           SAM_COLLECT_VOTES_MAX);
  append_escaped (content, intro);
  g_string_append (content, "</p>\n");
  if (cards->len == 0)
    {
      g_string_append (content, "<p class=\"empty\">");
      append_escaped (content, T (language, N_("There are no red notes to vote for yet.")));
      g_string_append_printf (content, "</p>\n<p><a class=\"choice\" href=\"%s?lang=%s\"><strong>",
                              self->prefix, language_codes[language]);
      append_escaped (content, T (language, N_("Look Again")));
      g_string_append (content, "</strong></a></p>\n</section>\n");
      respond_page (self, msg, language, T (language, N_("Vote for Red Notes")), links, content->str);
      return;
    }
  g_string_append_printf (content, "<form class=\"meeting-note meeting-vote\" method=\"post\" action=\"%s?lang=%s\" "
                                   "accept-charset=\"utf-8\" data-max=\"%d\">\n"
                                   "<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          self->prefix, language_codes[language], SAM_COLLECT_VOTES_MAX, token);
  g_string_append (content, "<fieldset class=\"item\">\n<legend>");
  append_escaped (content, T (language, N_("Red notes")));
  g_string_append (content, "</legend>\n<div class=\"options\">\n");
  for (guint i = 0; i < cards->len; i++)
    {
      SamMeetingCard *card = g_ptr_array_index (cards, i);

      g_string_append_printf (content, "<label class=\"option note-red\"><input type=\"checkbox\" name=\"vote\" "
                                       "value=\"%" G_GINT64_FORMAT "\"><span>", card->id);
      append_escaped (content, card->text);
      g_string_append (content, "</span></label>\n");
    }
  g_string_append (content, "</div>\n</fieldset>\n<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  append_escaped (content, T (language, N_("Send Vote")));
  g_string_append (content, "</button></div>\n</form>\n</section>\n");

  respond_page (self, msg, language, T (language, N_("Vote for Red Notes")), links, content->str);
}

/* The questions' form: each of the step's questions in the phone's language with a short
 * text to write, and a token of its own that is taken once. */
static void
respond_answers_form (SamCollect            *self,
                      SoupServerMessage     *msg,
                      Language               language,
                      const SamMeetingStep  *step)
{
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *links = language_links (self, language, NULL);
  g_autofree char *hint = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  token = make_token_of_kind (self, "answer", &error);
  if (token == NULL)
    {
      respond_failed (self, msg, language);
      return;
    }

  g_string_append (content, "<section class=\"meeting\" aria-labelledby=\"answers-title\">\n<h1 id=\"answers-title\">");
  append_escaped (content, T (language, N_("Anonymous Questions")));
  g_string_append (content, "</h1>\n<p class=\"intro\">");
  append_escaped (content, T (language, N_("Your answers go to the facilitator’s screen over the clinic’s own "
                                           "network, without your name, in a list with everyone else’s. Nothing "
                                           "about your phone is kept.")));
  g_string_append_printf (content, "</p>\n<form class=\"meeting-note meeting-answers\" method=\"post\" "
                                   "action=\"%s?lang=%s\" accept-charset=\"utf-8\">\n"
                                   "<input type=\"hidden\" name=\"form\" value=\"%s\">\n",
                          self->prefix, language_codes[language], token);
  hint = g_strdup_printf (T (language, N_("At most %d characters. You may leave a question out.")),
                          SAM_COLLECT_ANSWER_MAX);
  for (guint i = 0; i < step->prompt_sources->len; i++)
    {
      g_string_append_printf (content, "<label class=\"note-label\" for=\"answer-%u\">", i + 1);
      append_escaped (content, T (language, g_ptr_array_index (step->prompt_sources, i)));
      g_string_append_printf (content, "</label>\n<textarea id=\"answer-%u\" name=\"q%u\" rows=\"3\" "
                                       "maxlength=\"%d\"></textarea>\n",
                              i + 1, i + 1, SAM_COLLECT_ANSWER_MAX);
    }
  g_string_append (content, "<p class=\"hint\">");
  append_escaped (content, hint);
  g_string_append (content, "</p>\n<div class=\"send\"><button type=\"submit\" class=\"primary\">");
  append_escaped (content, T (language, N_("Send Answers")));
  g_string_append (content, "</button></div>\n</form>\n</section>\n");

  respond_page (self, msg, language, T (language, N_("Anonymous Questions")), links, content->str);
}

/* The body of a form posted to the room, or %NULL after refusing what is not a form. */
static GBytes *
room_form_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  if (content_type == NULL || g_ascii_strcasecmp (content_type, SOUP_FORM_MIME_TYPE_URLENCODED) != 0)
    return NULL;
  return soup_message_body_flatten (soup_server_message_get_request_body (msg));
}

/* A vote is counted at once, in a change of its own: one ballot for the step, one vote
 * for each note ticked. A form already counted is thanked and counts nothing more. */
static void
take_vote (SamCollect        *self,
           SoupServerMessage *msg,
           Language           language)
{
  const char *headline = T (language, N_("Nothing was stored."));
  g_autoptr(GBytes) bytes = room_form_body (msg);
  g_autoptr(GError) error = NULL;
  const SamMeetingStep *step;
  SamCollectVote vote;
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline, T (language, N_("The vote did not come as a form sends it.")));
      return;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_vote_decode (self->catalogs[language], data, length, &vote, &error))
    {
      refuse (msg, error->code == SAM_COLLECT_ERROR_TOO_LARGE ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                                              : SOUP_STATUS_BAD_REQUEST,
              headline, error->message);
      return;
    }
  if (!check_token (self, vote.token))
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The vote did not come from a form of this computer.")));
      return;
    }
  if (g_hash_table_contains (self->used, token_nonce (vote.token)))
    {
      respond_room_thanks (self, msg, language, T (language, N_("Your vote is counted, without your name.")));
      return;
    }
  if (!lookup_meeting_step (self, &step, NULL) || step->phones != SAM_MEETING_PHONES_VOTES)
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline, T (language, N_("The meeting takes no votes now.")));
      return;
    }
  if (sam_store_in_transaction (self->store))
    {
      respond_failed (self, msg, language);
      return;
    }
  if (!sam_meeting_store_add_ballot (self->store, self->meeting_id, self->step_id, vote.votes, vote.n_votes,
                                     &error))
    {
      /* As many vote forms as people taking part: one more would let someone who sent
       * several see what the others chose. */
      if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FULL))
        refuse (msg, SOUP_STATUS_CONFLICT, headline,
                T (language, N_("As many have voted as take part in the meeting.")));
      /* A note that is not a red note of this meeting (or no longer is): nothing counted. */
      else if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID))
        refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
                T (language, N_("A vote is for a red note of this meeting.")));
      else
        respond_failed (self, msg, language);
      return;
    }
  g_hash_table_add (self->used, g_strdup (token_nonce (vote.token)));
  self->n_answered++;
  respond_room_thanks (self, msg, language, T (language, N_("Your vote is counted, without your name.")));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
}

/* One phone's answers are stored at once, together, in a change of their own. */
static void
take_answers (SamCollect        *self,
              SoupServerMessage *msg,
              Language           language,
              const SamMeetingStep *step)
{
  const char *headline = T (language, N_("Nothing was stored."));
  g_autoptr(GBytes) bytes = room_form_body (msg);
  g_autoptr(GError) error = NULL;
  const char *texts[SAM_COLLECT_QUESTIONS_MAX];
  g_autofree SamCollectAnswers *answers = g_new0 (SamCollectAnswers, 1);
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The answers did not come as a form sends it.")));
      return;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!sam_collect_answers_decode (self->catalogs[language], data, length, step->prompts->len, answers, &error))
    {
      refuse (msg, error->code == SAM_COLLECT_ERROR_TOO_LARGE ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                                              : SOUP_STATUS_BAD_REQUEST,
              headline, error->message);
      return;
    }
  if (!check_token (self, answers->token))
    {
      refuse (msg, SOUP_STATUS_BAD_REQUEST, headline,
              T (language, N_("The answers did not come from a form of this computer.")));
      return;
    }
  if (g_hash_table_contains (self->used, token_nonce (answers->token)))
    {
      respond_room_thanks (self, msg, language,
                           T (language, N_("Your answers are on the facilitator’s screen, without your name.")));
      return;
    }
  for (guint i = 0; i < answers->n_questions; i++)
    texts[i] = answers->answers[i];
  if (sam_store_in_transaction (self->store) ||
      !sam_meeting_store_add_answers (self->store, self->meeting_id, self->step_id, texts, answers->n_questions,
                                      &error))
    {
      respond_failed (self, msg, language);
      return;
    }
  g_hash_table_add (self->used, g_strdup (token_nonce (answers->token)));
  self->n_answered++;
  respond_room_thanks (self, msg, language,
                       T (language, N_("Your answers are on the facilitator’s screen, without your name.")));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
}

/* A room on a step that takes votes or asks questions: its form, and what is posted to
 * it. Returns %FALSE, doing nothing, where the step is one of notes (or none). */
static gboolean
handle_phones_room (SamCollect        *self,
                    SoupServerMessage *msg,
                    const char        *method,
                    Language           language)
{
  const SamMeetingStep *step;

  if (!lookup_meeting_step (self, &step, NULL) || step->phones == SAM_MEETING_PHONES_NONE)
    return FALSE;
  if (method == SOUP_METHOD_POST)
    {
      if (!bucket_take (&self->posts))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "10");
          refuse (msg, STATUS_TOO_MANY_REQUESTS, T (language, N_("Nothing was stored.")),
                  T (language, N_("Too many phones sent at once. Send yours again in a moment.")));
          return TRUE;
        }
      if (step->phones == SAM_MEETING_PHONES_VOTES)
        take_vote (self, msg, language);
      else
        take_answers (self, msg, language, step);
      return TRUE;
    }
  if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
    {
      if (!bucket_take (&self->gets))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "10");
          respond_text (msg, STATUS_TOO_MANY_REQUESTS,
                        T (language, N_("Too many phones asked at once. Try again in a moment.")));
          return TRUE;
        }
      if (step->phones == SAM_MEETING_PHONES_VOTES)
        respond_vote_form (self, msg, language);
      else
        respond_answers_form (self, msg, language, step);
      return TRUE;
    }
  return FALSE;
}

/* Requests */

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SamCollect *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  gsize secret_length = strlen (self->secret);
  const char *segment_end;
  const char *rest;
  Language language;

  set_common_headers (msg);

  /* Everything outside the secret path does not exist. */
  if (path == NULL || path[0] != '/')
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }
  segment_end = strchr (path + 1, '/');
  if (segment_end == NULL)
    segment_end = path + strlen (path);
  if (!equal_in_constant_time (path + 1, segment_end - path - 1, self->secret, secret_length))
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }
  rest = segment_end;

  if (g_object_get_data (G_OBJECT (msg), "sam-too-large") != NULL)
    {
      language = choose_language (msg, NULL);
      refuse (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, T (language, N_("Nothing was stored.")),
              self->meeting_id > 0 ? T (language, N_("The note is more than a form can hold."))
                                   : T (language, N_("The answers are more than a form can hold.")));
      return;
    }

  if (*rest == '\0')
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, self->prefix);
      return;
    }

  if (g_str_equal (rest, "/phone.css") || g_str_equal (rest, "/phone.js"))
    {
      g_autoptr(GBytes) bytes = NULL;

      if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD");
          respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
          return;
        }
      bytes = sam_content_lookup (g_str_equal (rest, "/phone.css") ? "phone/phone.css" : "phone/phone.js", NULL);
      if (bytes == NULL)
        respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      else
        respond_bytes (msg, g_str_equal (rest, "/phone.css") ? "text/css; charset=utf-8"
                                                             : "text/javascript; charset=utf-8", bytes);
      return;
    }
  if (!g_str_equal (rest, "/"))
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }

  language = choose_language (msg, query);
  if (self->meeting_id > 0)
    {
      handle_room (self, msg, method, language);
      return;
    }
  if (method == SOUP_METHOD_POST)
    {
      if (!bucket_take (&self->posts))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "10");
          refuse (msg, STATUS_TOO_MANY_REQUESTS, T (language, N_("Nothing was stored.")),
                  T (language, N_("Too many answers arrived at once. Send yours again in a moment.")));
          return;
        }
      take_submission (self, msg, language);
      return;
    }
  if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
    {
      const char *role_name = query != NULL ? g_hash_table_lookup (query, "role") : NULL;
      g_autoptr(SamRound) round = NULL;
      g_autofree char *clinic_code = NULL;
      g_autoptr(GError) error = NULL;
      SamRole role;

      if (!bucket_take (&self->gets))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "10");
          respond_text (msg, STATUS_TOO_MANY_REQUESTS,
                        T (language, N_("Too many phones asked at once. Try again in a moment.")));
          return;
        }
      if (role_name != NULL && !sam_role_from_string (role_name, &role))
        {
          respond_text (msg, SOUP_STATUS_BAD_REQUEST,
                        T (language, N_("The form names a role the questionnaire does not have.")));
          return;
        }
      if (!lookup_round (self, &round, &clinic_code, &error))
        {
          respond_text (msg, SOUP_STATUS_SERVICE_UNAVAILABLE,
                        T (language, N_("The clinic’s computer could not find the round.")));
          return;
        }
      if (role_name == NULL)
        respond_role_page (self, msg, language, round, clinic_code);
      else
        respond_form (self, msg, language, role, round, clinic_code);
      return;
    }

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD, POST");
  respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
}

/* A body larger than a form can be is read, not kept: the phone gets its 413 only once
 * it has sent everything, and memory holds none of it. */
static void
mark_too_large (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  g_object_set_data (G_OBJECT (msg), "sam-too-large", GINT_TO_POINTER (1));
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
}

static void
on_got_headers (SoupServerMessage *msg,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > SAM_COLLECT_FORM_MAX_SIZE)
    mark_too_large (msg);
}

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (g_object_get_data (G_OBJECT (msg), "sam-too-large") == NULL && body->length > SAM_COLLECT_FORM_MAX_SIZE)
    mark_too_large (msg);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

/* Addresses */

static gboolean
is_local_network (GInetAddress *address)
{
  const guint8 *bytes = g_inet_address_to_bytes (address);

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    return bytes[0] == 10 ||
           (bytes[0] == 172 && (bytes[1] & 0xf0) == 16) ||
           (bytes[0] == 192 && bytes[1] == 168);
  /* Unique local (fc00::/7) and link-local (fe80::/10). */
  return (bytes[0] & 0xfe) == 0xfc || (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80);
}

/* Which address to show: the one a phone on the clinic's Wi-Fi most likely reaches. */
static int
address_rank (GInetSocketAddress *socket_address)
{
  GInetAddress *address = g_inet_socket_address_get_address (socket_address);
  const guint8 *bytes = g_inet_address_to_bytes (address);
  const char *interface = g_object_get_data (G_OBJECT (socket_address), "sam-interface");
  int rank;

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    rank = bytes[0] == 192 ? 0 : bytes[0] == 10 ? 1 : 2;
  else
    rank = (bytes[0] & 0xfe) == 0xfc ? 3 : 9;
  /* Bridges of containers and virtual machines are on this computer only. */
  if (interface != NULL &&
      (g_str_has_prefix (interface, "docker") || g_str_has_prefix (interface, "br-") ||
       g_str_has_prefix (interface, "veth") || g_str_has_prefix (interface, "virbr")))
    rank += 10;
  return rank;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  return address_rank (*(GInetSocketAddress **) a) - address_rank (*(GInetSocketAddress **) b);
}

/**
 * sam_collect_list_local_addresses:
 *
 * This computer's addresses on a local network: private IPv4 (10/8, 172.16/12,
 * 192.168/16) and IPv6 unique local and link-local ones, of interfaces that are up and
 * not loopback, the likeliest to reach phones first.
 *
 * Returns: (transfer container) (element-type GInetSocketAddress): the addresses, port 0
 */
GPtrArray *
sam_collect_list_local_addresses (void)
{
  GPtrArray *addresses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) != 0)
    return addresses;
  for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
    {
      g_autoptr(GSocketAddress) native = NULL;
      GInetAddress *address;
      char *text;
      gsize size;

      if (ifa->ifa_addr == NULL || !(ifa->ifa_flags & IFF_UP) || (ifa->ifa_flags & IFF_LOOPBACK))
        continue;
      if (ifa->ifa_addr->sa_family == AF_INET)
        size = sizeof (struct sockaddr_in);
      else if (ifa->ifa_addr->sa_family == AF_INET6)
        size = sizeof (struct sockaddr_in6);
      else
        continue;
      native = g_socket_address_new_from_native (ifa->ifa_addr, size);
      if (native == NULL || !G_IS_INET_SOCKET_ADDRESS (native))
        continue;
      address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (native));
      if (!is_local_network (address))
        continue;
      text = g_inet_address_to_string (address);
      if (!g_hash_table_add (seen, text))
        continue;
      g_object_set_data_full (G_OBJECT (native), "sam-interface", g_strdup (ifa->ifa_name), g_free);
      g_ptr_array_add (addresses, g_steal_pointer (&native));
    }
  freeifaddrs (list);
  g_ptr_array_sort (addresses, compare_rank);
  return addresses;
}

static GSocketAddress *
with_port (GInetSocketAddress *address,
           guint               port)
{
  GInetAddress *inet = g_inet_socket_address_get_address (address);

  if (g_inet_address_get_family (inet) != G_SOCKET_FAMILY_IPV6)
    return g_inet_socket_address_new (inet, port);
  /* A link-local address needs its interface. */
  return g_object_new (G_TYPE_INET_SOCKET_ADDRESS,
                       "address", inet,
                       "port", port,
                       "flowinfo", g_inet_socket_address_get_flowinfo (address),
                       "scope-id", g_inet_socket_address_get_scope_id (address),
                       NULL);
}

static guint
bound_port (SoupServer *server)
{
  GSList *uris = soup_server_get_uris (server);
  guint port = 0;

  if (uris != NULL)
    port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

static char *
host_for_url (GInetAddress *address)
{
  g_autofree char *text = g_inet_address_to_string (address);

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[%s]", text);
  return g_steal_pointer (&text);
}

/* Life cycle */

static void
sam_collect_dispose (GObject *object)
{
  SamCollect *self = (SamCollect *) object;

  sam_collect_stop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_collect_parent_class)->dispose (object);
}

static void
sam_collect_finalize (GObject *object)
{
  SamCollect *self = (SamCollect *) object;

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      g_clear_pointer (&self->catalogs[i], sam_catalog_free);
      g_clear_object (&self->instruments[i]);
    }
  g_clear_pointer (&self->page_template, g_bytes_unref);
  g_clear_pointer (&self->used, g_hash_table_unref);
  g_queue_free (self->jobs);
  g_free (self->step_id);
  g_free (self->secret);
  g_free (self->prefix);
  g_free (self->address);
  memset (self->key, 0, sizeof self->key);

  G_OBJECT_CLASS (sam_collect_parent_class)->finalize (object);
}

static void
sam_collect_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SamCollect *self = SAM_COLLECT (object);

  switch (prop_id)
    {
    case PROP_N_ANSWERED:
      g_value_set_uint (value, self->n_answered);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_collect_class_init (SamCollectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_collect_dispose;
  object_class->finalize = sam_collect_finalize;
  object_class->get_property = sam_collect_get_property;

  /**
   * SamCollect:n-answered:
   *
   * How many have answered since the server started: a count, never what or who.
   */
  properties[PROP_N_ANSWERED] =
    g_param_spec_uint ("n-answered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_collect_init (SamCollect *self)
{
  self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->jobs = g_queue_new ();
  bucket_init (&self->posts, POST_BURST, POST_PER_MINUTE);
  bucket_init (&self->gets, GET_BURST, GET_PER_MINUTE);
}

SamCollect *
sam_collect_new (SamStore *store,
                 gint64    round_id,
                 gint64    clinic_id)
{
  SamCollect *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  self = g_object_new (SAM_TYPE_COLLECT, NULL);
  self->store = g_object_ref (store);
  self->round_id = round_id;
  self->clinic_id = clinic_id;
  return self;
}

/**
 * sam_collect_new_meeting:
 * @meeting_id: a meeting being held
 * @step_id: the step of its template whose green and red notes phones post
 *
 * A meeting's room (README, "Notes from phones in a meeting"): the same server, under the
 * same kind of secret path and limits, serves a note form and stores each note posted as
 * an unsorted note of the step, as the facilitator's typed note is. It knows nothing of a
 * round and gives out no answers and no notes.
 *
 * Returns: (transfer full): the room, not yet started
 */
SamCollect *
sam_collect_new_meeting (SamStore   *store,
                         gint64      meeting_id,
                         const char *step_id)
{
  SamCollect *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id > 0, NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  self = g_object_new (SAM_TYPE_COLLECT, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  self->step_id = g_strdup (step_id);
  return self;
}

/* A socket of our own rather than soup_server_listen()'s, for a queue of waiting
 * connections long enough for a whole clinic pressing Submit at once (GLib's default is
 * 10, and connections beyond it are reset). */
static gboolean
listen_socket (SoupServer      *server,
               GSocketAddress  *address,
               GError         **error)
{
  g_autoptr(GSocket) socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, 256);
  return g_socket_bind (socket, address, TRUE, error) &&
         g_socket_listen (socket, error) &&
         soup_server_listen_socket (server, socket, 0, error);
}

/* Listens on @addresses (at @port, or a free one the first of them gets); an address
 * that cannot be had is left out, as long as one can. */
static gboolean
listen_on (SamCollect  *self,
           GPtrArray   *addresses,
           guint        port,
           GError     **error)
{
  g_autoptr(GError) first_error = NULL;
  GInetSocketAddress *shown = NULL;
  g_autofree char *host = NULL;

  for (guint i = 0; i < addresses->len; i++)
    {
      GInetSocketAddress *address = g_ptr_array_index (addresses, i);
      g_autoptr(GSocketAddress) socket_address = with_port (address, port);
      g_autoptr(GError) local_error = NULL;

      if (!listen_socket (self->server, socket_address, &local_error))
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      if (port == 0)
        port = bound_port (self->server);
      if (shown == NULL)
        shown = address;
    }
  if (shown == NULL)
    {
      g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS,
                   _("Could not listen for phones: %s"),
                   first_error != NULL ? first_error->message : _("no address"));
      return FALSE;
    }

  /* Listening on every address, the one to show is this computer's on the network. */
  if (g_inet_address_get_is_any (g_inet_socket_address_get_address (shown)))
    {
      g_autoptr(GPtrArray) local = sam_collect_list_local_addresses ();

      host = local->len > 0
             ? host_for_url (g_inet_socket_address_get_address (g_ptr_array_index (local, 0)))
             : g_strdup (g_inet_address_get_family (g_inet_socket_address_get_address (shown)) == G_SOCKET_FAMILY_IPV6
                         ? "[::1]" : "127.0.0.1");
    }
  else
    host = host_for_url (g_inet_socket_address_get_address (shown));
  self->address = g_strdup_printf ("http://%s:%u%s", host, port, self->prefix);
  return TRUE;
}

/**
 * sam_collect_start:
 * @listen_address: (nullable): an IP address to listen on, or %NULL for this computer's
 *   addresses on the local network (never every address unless this says so: "0.0.0.0"
 *   or "::")
 * @port: the port, or 0 for a free one
 *
 * Starts serving the round's questionnaire, after checking that the round is open and
 * the clinic is there. The address to open is then sam_collect_get_address().
 *
 * Returns: %TRUE once it listens
 */
gboolean
sam_collect_start (SamCollect  *self,
                   const char  *listen_address,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(SamRound) round = NULL;
  g_autofree char *clinic_code = NULL;
  guint8 secret[SECRET_BYTES];

  g_return_val_if_fail (SAM_IS_COLLECT (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);

  if (self->meeting_id > 0)
    {
      const SamMeetingStep *step;

      if (!lookup_meeting_step (self, &step, error))
        return FALSE;
    }
  else if (!lookup_round (self, &round, &clinic_code, error))
    return FALSE;
  if (round != NULL && round->closed)
    {
      g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED,
                   _("Round “%s” is closed: it takes no more answers"), round->label);
      return FALSE;
    }
  if (!load_languages (self, error))
    return FALSE;

  if (listen_address != NULL)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (listen_address);

      if (address == NULL)
        {
          g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS,
                       _("“%s” is not an IP address"), listen_address);
          return FALSE;
        }
      addresses = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (addresses, g_inet_socket_address_new (address, 0));
    }
  else
    {
      addresses = sam_collect_list_local_addresses ();
      if (addresses->len == 0)
        {
          g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS,
                               _("This computer has no address on a local network that phones could reach"));
          return FALSE;
        }
    }

  if (!crypto_random (secret, sizeof secret, error) || !crypto_random (self->key, sizeof self->key, error))
    return FALSE;
  g_clear_pointer (&self->secret, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->address, g_free);
  self->secret = base64url (secret, sizeof secret);
  self->prefix = g_strconcat ("/", self->secret, "/", NULL);
  memset (secret, 0, sizeof secret);
  g_hash_table_remove_all (self->used);

  self->server = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (on_request_started), self);
  if (!listen_on (self, addresses, port, error))
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
  return TRUE;
}

/* Stops listening; connections still open are closed. */
void
sam_collect_stop (SamCollect *self)
{
  g_return_if_fail (SAM_IS_COLLECT (self));

  if (self->server == NULL)
    return;
  /* Forms still waiting are not stored; their phones lose the connection and can send
   * them again to the next server. */
  g_clear_handle_id (&self->jobs_source, g_source_remove);
  g_queue_free_full (g_steal_pointer (&self->jobs), (GDestroyNotify) job_free);
  self->jobs = g_queue_new ();
  g_signal_handlers_disconnect_by_data (self->server, self);
  soup_server_remove_handler (self->server, NULL);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

gboolean
sam_collect_is_running (SamCollect *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT (self), FALSE);

  return self->server != NULL;
}

/**
 * sam_collect_get_address:
 *
 * Returns: (nullable): the address phones open, "http://HOST:PORT/SECRET/", once started
 */
const char *
sam_collect_get_address (SamCollect *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT (self), NULL);

  return self->address;
}

guint
sam_collect_get_n_answered (SamCollect *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT (self), 0);

  return self->n_answered;
}

/**
 * sam_collect_set_rate_limit:
 * @burst: how many submissions may arrive at once
 * @per_minute: how many more a minute after that
 *
 * The limit is for all phones together (none of them is told apart from another).
 */
void
sam_collect_set_rate_limit (SamCollect *self,
                            guint       burst,
                            guint       per_minute)
{
  g_return_if_fail (SAM_IS_COLLECT (self));

  bucket_init (&self->posts, burst, per_minute);
}
