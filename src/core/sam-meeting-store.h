/* sam-meeting-store.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* Meetings held with the app's templates, kept in the store. Steps and categories are the
 * template's ids; every write is one transaction; bad input is refused with
 * SAM_STORE_ERROR_INVALID and a message saying what is wrong. */

typedef enum
{
  SAM_MEETING_CARD_GREEN,
  SAM_MEETING_CARD_RED,
} SamMeetingCardColour;

/* A meeting held (or being held): in a clinic or in the cluster, never both. */
typedef struct
{
  gint64    id;
  char     *template_id;
  gint64    clinic_id;       /* 0 for the cluster's meeting */
  gint64    cluster_id;      /* 0 for a clinic's meeting */
  char     *date;            /* YYYY-MM-DD */
  guint     participants;
  gboolean  earlier_round;   /* the parts that need an earlier round are held */
  char     *started;         /* ISO 8601 UTC, or NULL */
  char     *ended;           /* ISO 8601 UTC, or NULL */
} SamMeeting;

/* What was typed for a step. */
typedef struct
{
  char *step;
  char *text;
  char *updated;             /* ISO 8601 UTC */
} SamMeetingNote;

/* A green or red note, and the category it was sorted under (NULL while unsorted). */
typedef struct
{
  gint64                id;
  char                 *step;
  SamMeetingCardColour  colour;
  char                 *text;
  char                 *category;
} SamMeetingCard;

/* An action decided: what, who, by when, and the item or domain it answers to. */
typedef struct
{
  gint64    id;
  gint64    meeting_id;
  char     *step;            /* nullable: the step where it was decided */
  char     *what;
  char     *who;             /* may be empty */
  char     *due;             /* YYYY-MM-DD, or NULL */
  char     *item;            /* an item code such as "q7c", or NULL */
  char     *domain;          /* a domain id such as "C", or NULL; never with an item */
  gboolean  done;
} SamMeetingAction;

/* Votes from phones for red notes: a count a note, never who voted for what. */
#define SAM_MEETING_VOTES_MAX 3

typedef struct
{
  gint64  card_id;
  guint   votes;
} SamMeetingVote;

/* Answers from phones to a step's anonymous questions: each distinct text once a
 * question, with how many gave it; no order of arrival is kept. */
typedef struct
{
  char  *step;
  guint  question;           /* 1-based: the step's prompt it answers */
  char  *text;
  guint  count;
} SamMeetingAnswer;

void        sam_meeting_free                      (SamMeeting             *meeting);
void        sam_meeting_note_free                 (SamMeetingNote         *note);
void        sam_meeting_card_free                 (SamMeetingCard         *card);
void        sam_meeting_action_free               (SamMeetingAction       *action);

gboolean    sam_meeting_store_create              (SamStore               *store,
                                                   const char             *template_id,
                                                   gint64                  clinic_id,
                                                   gint64                  cluster_id,
                                                   const char             *date,
                                                   guint                   participants,
                                                   gboolean                earlier_round,
                                                   gint64                 *out_id,
                                                   GError                **error);
SamMeeting *sam_meeting_store_get                 (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);
GPtrArray  *sam_meeting_store_list                (SamStore               *store,
                                                   GError                **error);
gboolean    sam_meeting_store_set_started         (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GDateTime              *when,
                                                   GError                **error);
gboolean    sam_meeting_store_set_ended           (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GDateTime              *when,
                                                   GError                **error);
gboolean    sam_meeting_store_delete              (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);

gboolean    sam_meeting_store_set_note            (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   const char             *step,
                                                   const char             *text,
                                                   GError                **error);
GPtrArray  *sam_meeting_store_list_notes          (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);

gboolean    sam_meeting_store_add_card            (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   const char             *step,
                                                   SamMeetingCardColour    colour,
                                                   const char             *text,
                                                   const char             *category,
                                                   gint64                 *out_id,
                                                   GError                **error);
gboolean    sam_meeting_store_set_card_category   (SamStore               *store,
                                                   gint64                  card_id,
                                                   const char             *category,
                                                   GError                **error);
gboolean    sam_meeting_store_delete_card         (SamStore               *store,
                                                   gint64                  card_id,
                                                   GError                **error);
GPtrArray  *sam_meeting_store_list_cards          (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);

gboolean    sam_meeting_store_add_action          (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   const SamMeetingAction *action,
                                                   gint64                 *out_id,
                                                   GError                **error);
gboolean    sam_meeting_store_update_action       (SamStore               *store,
                                                   const SamMeetingAction *action,
                                                   GError                **error);
gboolean    sam_meeting_store_delete_action       (SamStore               *store,
                                                   gint64                  action_id,
                                                   GError                **error);
GPtrArray  *sam_meeting_store_list_actions        (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);
GPtrArray  *sam_meeting_store_list_clinic_actions (SamStore               *store,
                                                   gint64                  clinic_id,
                                                   GError                **error);

gboolean    sam_meeting_store_add_ballot          (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   const char             *step,
                                                   const gint64           *card_ids,
                                                   guint                   n_cards,
                                                   GError                **error);
GArray     *sam_meeting_store_get_votes           (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   const char             *step,
                                                   guint                   k,
                                                   guint                  *out_ballots,
                                                   GError                **error);
guint       sam_meeting_votes_min_voters          (SamStore               *store);
gboolean    sam_meeting_store_add_answers         (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   const char             *step,
                                                   const char * const     *answers,
                                                   guint                   n_answers,
                                                   GError                **error);
GPtrArray  *sam_meeting_store_list_answers        (SamStore               *store,
                                                   gint64                  meeting_id,
                                                   GError                **error);
void        sam_meeting_answer_free               (SamMeetingAnswer       *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeeting, sam_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingNote, sam_meeting_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingCard, sam_meeting_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingAction, sam_meeting_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingAnswer, sam_meeting_answer_free)

G_END_DECLS
