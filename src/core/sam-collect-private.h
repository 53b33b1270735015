/* sam-collect-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sam-catalog.h"
#include "sam-collect.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

/* The collect server is split by subject: the object, its requests and addresses
 * (sam-collect.c), what every page shares (sam-collect-http.c), the questionnaire
 * (sam-collect-survey.c) and a meeting's room (sam-collect-room.c). This header is for
 * those files alone. */

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

/* "da", "en" (sam-collect-http.c) */
extern const char *const _sam_collect_language_codes[N_LANGUAGES];

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

/* A string of the phones' catalog in @language; N_() marks it where it stands. */
#define T(language, text) sam_catalog_gettext (self->catalogs[language], text)

typedef struct _Job Job;

/* Randomness, tokens and the rate limit (sam-collect-http.c) */
gboolean    _sam_collect_crypto_random           (guint8       *buffer,
                                                  gsize         length,
                                                  GError      **error);
char       *_sam_collect_base64url               (const guint8 *data,
                                                  gsize         length);
gboolean    _sam_collect_equal_in_constant_time  (const char   *a,
                                                  gsize         a_length,
                                                  const char   *b,
                                                  gsize         b_length);
char       *_sam_collect_make_token_of_kind      (SamCollect   *self,
                                                  const char   *kind,
                                                  GError      **error);
char       *_sam_collect_make_token              (SamCollect   *self,
                                                  SamRole       role,
                                                  GError      **error);
gboolean    _sam_collect_check_token             (SamCollect   *self,
                                                  const char   *token);
const char *_sam_collect_token_nonce             (const char   *token);
void        _sam_collect_bucket_init             (Bucket       *bucket,
                                                  guint         burst,
                                                  guint         per_minute);
gboolean    _sam_collect_bucket_take             (Bucket       *bucket);

/* Languages and responses (sam-collect-http.c) */
gboolean    _sam_collect_load_languages          (SamCollect         *self,
                                                  GError            **error);
Language    _sam_collect_choose_language         (SoupServerMessage  *msg,
                                                  GHashTable         *query);
void        _sam_collect_set_common_headers      (SoupServerMessage  *msg);
void        _sam_collect_respond_text            (SoupServerMessage  *msg,
                                                  guint               status,
                                                  const char         *text);
void        _sam_collect_respond_bytes           (SoupServerMessage  *msg,
                                                  const char         *content_type,
                                                  GBytes             *bytes);
void        _sam_collect_append_escaped          (GString            *out,
                                                  const char         *text);
void        _sam_collect_respond_page            (SamCollect         *self,
                                                  SoupServerMessage  *msg,
                                                  Language            language,
                                                  const char         *title,
                                                  const char         *languages,
                                                  const char         *content);
char       *_sam_collect_language_links          (SamCollect         *self,
                                                  Language            current,
                                                  const char         *role);
void        _sam_collect_refuse                  (SoupServerMessage  *msg,
                                                  guint               status,
                                                  const char         *headline,
                                                  const char         *reason);
gboolean    _sam_collect_take_post_turn          (SamCollect         *self,
                                                  SoupServerMessage  *msg,
                                                  Language            language,
                                                  const char         *reason);
gboolean    _sam_collect_take_get_turn           (SamCollect         *self,
                                                  SoupServerMessage  *msg,
                                                  Language            language);
void        _sam_collect_refuse_decoded          (SoupServerMessage  *msg,
                                                  const char         *headline,
                                                  const GError       *error);
void        _sam_collect_respond_failed          (SamCollect         *self,
                                                  SoupServerMessage  *msg,
                                                  Language            language);

/* The questionnaire (sam-collect-survey.c) */
gboolean    _sam_collect_lookup_round            (SamCollect         *self,
                                                  SamRound          **round,
                                                  char              **clinic_code,
                                                  GError            **error);
void        _sam_collect_job_free                (gpointer            data);
void        _sam_collect_handle_survey           (SamCollect         *self,
                                                  SoupServerMessage  *msg,
                                                  const char         *method,
                                                  GHashTable         *query,
                                                  Language            language);

/* A meeting's room (sam-collect-room.c) */
gboolean    _sam_collect_lookup_meeting_step     (SamCollect            *self,
                                                  const SamMeetingStep **out_step,
                                                  GError               **error);
void        _sam_collect_handle_room             (SamCollect            *self,
                                                  SoupServerMessage     *msg,
                                                  const char            *method,
                                                  Language               language);

/* "n-answered" changed (sam-collect.c) */
void        _sam_collect_notify_answered         (SamCollect         *self);

G_END_DECLS
