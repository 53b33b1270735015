/* sam-plan.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* A clinic's implementation plan (spec/meetings.md, section 7): what it wants to change,
 * why (the item or domain it should move), who, by when, how far it has come, and the
 * follow-up 6 to 12 months after the meeting. Kept in the store; every write is one
 * transaction; bad input is refused with SAM_STORE_ERROR_INVALID and a message saying
 * what is wrong. "Today" is always handed in, so that tests and the app's injected clock
 * decide what is overdue. */

typedef enum
{
  SAM_PLAN_STATUS_PLANNED,
  SAM_PLAN_STATUS_IN_PROGRESS,
  SAM_PLAN_STATUS_DONE,
  SAM_PLAN_STATUS_DROPPED,
  SAM_PLAN_N_STATUSES
} SamPlanStatus;

#define SAM_PLAN_STATUS_MASK(status) (1u << (status))
/* The statuses of actions still to be carried out. */
#define SAM_PLAN_STATUSES_OPEN \
  (SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_PLANNED) | \
   SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_IN_PROGRESS))

typedef enum
{
  SAM_PLAN_SOURCE_HAND,       /* written into the plan */
  SAM_PLAN_SOURCE_MEETING,    /* taken from a meeting's decisions */
} SamPlanSource;

typedef enum
{
  SAM_PLAN_SORT_DUE,          /* by due date, undated last; then as added */
  SAM_PLAN_SORT_STATUS,       /* in progress, planned, done, dropped; then by due date */
} SamPlanSort;

typedef struct
{
  gint64         id;
  gint64         clinic_id;
  char          *what;
  char          *item;              /* an item code such as "q7c", or NULL */
  char          *domain;            /* a domain id such as "C", or NULL; never with an item */
  char          *who;               /* may be empty */
  char          *due;               /* YYYY-MM-DD, or NULL */
  SamPlanStatus  status;
  char          *notes;             /* may be empty */
  SamPlanSource  source;
  gint64         meeting_action_id; /* the meeting's action it came from; 0 if none (left) */
  char          *created;           /* ISO 8601 UTC */
  char          *updated;           /* ISO 8601 UTC */
} SamPlanAction;

/* Which actions to list: statuses (SAM_PLAN_STATUS_MASK bits; 0 for all) and a due window
 * (inclusive, YYYY-MM-DD, either end nullable; an undated action is outside any window). */
typedef struct
{
  guint       statuses;
  const char *due_from;
  const char *due_to;
} SamPlanFilter;

/* The follow-up 6 to 12 months after the meeting the plan was made at. */
#define SAM_PLAN_FOLLOW_UP_MIN_MONTHS     6
#define SAM_PLAN_FOLLOW_UP_MAX_MONTHS     12
#define SAM_PLAN_FOLLOW_UP_DEFAULT_MONTHS 6
/* How many days ahead a follow-up counts as near, so there is time to book the meeting. */
#define SAM_PLAN_FOLLOW_UP_NEAR_DAYS      30

typedef struct
{
  gint64  clinic_id;
  char   *since;     /* the meeting's date, YYYY-MM-DD */
  char   *date;      /* the follow-up's date, YYYY-MM-DD */
} SamPlanFollowUp;

typedef enum
{
  SAM_FOLLOW_UP_NONE,     /* no follow-up date set */
  SAM_FOLLOW_UP_LATER,    /* more than SAM_PLAN_FOLLOW_UP_NEAR_DAYS away */
  SAM_FOLLOW_UP_NEAR,     /* today or within SAM_PLAN_FOLLOW_UP_NEAR_DAYS */
  SAM_FOLLOW_UP_PAST,     /* the date has gone by */
} SamFollowUpState;

const char       *sam_plan_status_to_string      (SamPlanStatus          status);
gboolean          sam_plan_status_from_string    (const char            *str,
                                                  SamPlanStatus         *status);
const char       *sam_plan_status_get_label      (SamPlanStatus          status);

SamPlanAction    *sam_plan_action_new            (void);
SamPlanAction    *sam_plan_action_copy           (const SamPlanAction   *action);
void              sam_plan_action_free           (SamPlanAction         *action);
gboolean          sam_plan_action_is_open        (const SamPlanAction   *action);
gboolean          sam_plan_action_is_overdue     (const SamPlanAction   *action,
                                                  const GDate           *today);

gboolean          sam_plan_add_action            (SamStore              *store,
                                                  gint64                 clinic_id,
                                                  const SamPlanAction   *action,
                                                  GDateTime             *now,
                                                  gint64                *out_id,
                                                  GError               **error);
gboolean          sam_plan_update_action         (SamStore              *store,
                                                  const SamPlanAction   *action,
                                                  GDateTime             *now,
                                                  GError               **error);
gboolean          sam_plan_set_status            (SamStore              *store,
                                                  gint64                 action_id,
                                                  SamPlanStatus          status,
                                                  GDateTime             *now,
                                                  GError               **error);
gboolean          sam_plan_delete_action         (SamStore              *store,
                                                  gint64                 action_id,
                                                  GError               **error);
SamPlanAction    *sam_plan_get_action            (SamStore              *store,
                                                  gint64                 action_id,
                                                  GError               **error);
GPtrArray        *sam_plan_list_actions          (SamStore              *store,
                                                  gint64                 clinic_id,
                                                  const SamPlanFilter   *filter,
                                                  SamPlanSort            sort,
                                                  GError               **error);
void              sam_plan_sort_actions          (GPtrArray             *actions,
                                                  SamPlanSort            sort);
guint             sam_plan_count_overdue         (GPtrArray             *actions,
                                                  const GDate           *today);

gboolean          sam_plan_import_meeting        (SamStore              *store,
                                                  gint64                 clinic_id,
                                                  gint64                 meeting_id,
                                                  GDateTime             *now,
                                                  guint                 *n_added,
                                                  GError               **error);

gboolean          sam_plan_take_meeting          (SamStore              *store,
                                                  gint64                 meeting_id,
                                                  GDateTime             *now,
                                                  GArray               **added_ids,
                                                  GError               **error);
gboolean          sam_plan_follow_up_default     (const char            *since,
                                                  GDate                 *date);
gboolean          sam_plan_set_follow_up         (SamStore              *store,
                                                  gint64                 clinic_id,
                                                  const char            *since,
                                                  const char            *date,
                                                  GError               **error);
gboolean          sam_plan_clear_follow_up       (SamStore              *store,
                                                  gint64                 clinic_id,
                                                  GError               **error);
SamPlanFollowUp  *sam_plan_get_follow_up         (SamStore              *store,
                                                  gint64                 clinic_id,
                                                  GError               **error);
void              sam_plan_follow_up_free        (SamPlanFollowUp       *follow_up);
SamFollowUpState  sam_plan_follow_up_state       (const SamPlanFollowUp *follow_up,
                                                  const GDate           *today,
                                                  int                   *out_days);

char             *sam_plan_follow_up_to_ics      (const SamPlanFollowUp *follow_up,
                                                  const char            *clinic_name,
                                                  const char            *cluster_name,
                                                  GDateTime             *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPlanAction, sam_plan_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPlanFollowUp, sam_plan_follow_up_free)

G_END_DECLS
