/* sam-collect-form.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-catalog.h"
#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* A questionnaire posted from a phone (formats contract, "Answering on phones"): an
 * application/x-www-form-urlencoded body with the form's hidden fields ("form", the
 * form's token, which names its role; "role", where sent, must agree) and one field an
 * answered item, named by the item's code and valued by the answer's code. Decoding
 * checks every answer against the instrument as the store does: what it accepts the store
 * takes, and anything else is refused as a whole. */

#define SAM_COLLECT_ERROR (sam_collect_error_quark ())

typedef enum
{
  SAM_COLLECT_ERROR_MALFORMED,     /* not a form body, or a field that is not one of ours */
  SAM_COLLECT_ERROR_NO_FORM,       /* no form token, or one this server did not give out */
  SAM_COLLECT_ERROR_ROLE,          /* a role field that disagrees with the form's */
  SAM_COLLECT_ERROR_UNKNOWN_ITEM,  /* a field named like no item */
  SAM_COLLECT_ERROR_NOT_ASKED,     /* an item not asked of the form's role */
  SAM_COLLECT_ERROR_BAD_ANSWER,    /* a code not among the item's options */
  SAM_COLLECT_ERROR_TWICE,         /* a field given twice */
  SAM_COLLECT_ERROR_TOO_LARGE,     /* a body larger than SAM_COLLECT_FORM_MAX_SIZE */
  SAM_COLLECT_ERROR_CLOSED,        /* the round takes no more answers */
  SAM_COLLECT_ERROR_NO_ADDRESS,    /* nowhere to listen */
  SAM_COLLECT_ERROR_FAILED,
} SamCollectError;

/* What a phone may post at most (formats contract). */
#define SAM_COLLECT_FORM_MAX_SIZE (64 * 1024)
/* A form token: "ROLE.NONCE.MAC", well under this. */
#define SAM_COLLECT_TOKEN_MAX 160

typedef struct
{
  SamRole   role;
  char      token[SAM_COLLECT_TOKEN_MAX + 1];
  guint     n_answers;
  SamAnswer answers[SAM_N_ITEMS];   /* items are the instrument's item codes, in body order */
} SamCollectForm;

/* A note posted from a phone in a meeting (README, "Notes from phones in a meeting"):
 * "form" (the note form's token, "note.NONCE.MAC"), "colour" ("green" or "red") and
 * "text", at most SAM_COLLECT_NOTE_MAX characters once its ends are trimmed. */
#define SAM_COLLECT_NOTE_MAX 200

typedef struct
{
  char     token[SAM_COLLECT_TOKEN_MAX + 1];
  gboolean red;
  char     text[SAM_COLLECT_NOTE_MAX * 4 + 1];
} SamCollectNote;

/* A vote form posted from a phone on a step that picks what to talk about: "form" (the
 * vote form's token, "vote.NONCE.MAC") and "vote", one to SAM_COLLECT_VOTES_MAX times,
 * each a different red note's id. */
#define SAM_COLLECT_VOTES_MAX 3

typedef struct
{
  char   token[SAM_COLLECT_TOKEN_MAX + 1];
  guint  n_votes;
  gint64 votes[SAM_COLLECT_VOTES_MAX];
} SamCollectVote;

/* Answers posted from a phone to a step's anonymous questions: "form" (the answer form's
 * token, "answer.NONCE.MAC") and "q1" to "qN" for the N questions asked, each at most
 * SAM_COLLECT_ANSWER_MAX characters once trimmed, at least one of them not empty. */
#define SAM_COLLECT_QUESTIONS_MAX 4
#define SAM_COLLECT_ANSWER_MAX SAM_COLLECT_NOTE_MAX

typedef struct
{
  char   token[SAM_COLLECT_TOKEN_MAX + 1];
  guint  n_questions;
  /* "" where not answered */
  char   answers[SAM_COLLECT_QUESTIONS_MAX][SAM_COLLECT_ANSWER_MAX * 4 + 1];
} SamCollectAnswers;

GQuark    sam_collect_error_quark   (void);

gboolean  sam_collect_form_decode   (SamInstrument        *instrument,
                                     SamCatalog           *catalog,
                                     const char           *body,
                                     gsize                 length,
                                     SamCollectForm       *form,
                                     GError              **error);
char     *sam_collect_form_encode   (const SamCollectForm *form);
gboolean  sam_collect_token_get_role (const char          *token,
                                      SamRole             *role);
gboolean  sam_collect_note_decode   (SamCatalog           *catalog,
                                     const char           *body,
                                     gsize                 length,
                                     SamCollectNote       *note,
                                     GError              **error);

gboolean  sam_collect_vote_decode   (SamCatalog           *catalog,
                                     const char           *body,
                                     gsize                 length,
                                     SamCollectVote       *vote,
                                     GError              **error);
gboolean  sam_collect_answers_decode (SamCatalog          *catalog,
                                      const char          *body,
                                      gsize                length,
                                      guint                n_questions,
                                      SamCollectAnswers   *answers,
                                      GError             **error);

G_END_DECLS
