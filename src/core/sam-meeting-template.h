/* sam-meeting-template.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_MEETING_TEMPLATE_ERROR (sam_meeting_template_error_quark ())

typedef enum
{
  SAM_MEETING_TEMPLATE_ERROR_INVALID,
} SamMeetingTemplateError;

typedef enum
{
  SAM_MEETING_STEP_INTRODUCTION,
  SAM_MEETING_STEP_ROUND,          /* each person in turn */
  SAM_MEETING_STEP_REFLECTION,     /* each on their own */
  SAM_MEETING_STEP_PAIRS,
  SAM_MEETING_STEP_NOTES,          /* green and red notes */
  SAM_MEETING_STEP_DATA_REVIEW,    /* the charts of the step's items */
  SAM_MEETING_STEP_DISCUSSION,
  SAM_MEETING_STEP_DECIDE,         /* actions: what, who, by when */
  SAM_MEETING_STEP_BREAK,
  SAM_MEETING_STEP_CLOSING,
  SAM_N_MEETING_STEP_KINDS
} SamMeetingStepKind;

/* Where a meeting is held, and so whose figures its data reviews show. */
typedef enum
{
  SAM_MEETING_SCOPE_CLINIC,
  SAM_MEETING_SCOPE_CLUSTER,
} SamMeetingScope;

/* The colours of notes a step collects. */
typedef enum
{
  SAM_MEETING_NOTES_NONE  = 0,
  SAM_MEETING_NOTES_GREEN = 1 << 0,
  SAM_MEETING_NOTES_RED   = 1 << 1,
} SamMeetingNotes;

/* What phones in the room may post on a step, besides notes (README, "Notes from phones
 * in a meeting"): votes for the meeting's red notes on a step that picks what to talk
 * about, or answers to the step's prompts, which are then its anonymous questions. */
typedef enum
{
  SAM_MEETING_PHONES_NONE,
  SAM_MEETING_PHONES_VOTES,
  SAM_MEETING_PHONES_QUESTIONS,
} SamMeetingPhones;

/* How many anonymous questions a step may put to phones. */
#define SAM_MEETING_QUESTIONS_MAX 4

/* When a conditional part is held; its minutes come on top of the template's. */
typedef enum
{
  SAM_MEETING_CONDITION_NONE,
  SAM_MEETING_CONDITION_EARLIER_ROUND,   /* only when the cluster has an earlier round */
} SamMeetingCondition;

typedef struct _SamMeetingCategory        SamMeetingCategory;
typedef struct _SamMeetingPart            SamMeetingPart;
typedef struct _SamMeetingStep            SamMeetingStep;
typedef struct _SamMeetingReflection      SamMeetingReflection;
typedef struct _SamMeetingReflectionGroup SamMeetingReflectionGroup;

/* The structures are owned by their template and read-only for everyone else. All
 * text is translated when the template is read. */

/* A heading green and red notes are sorted under. */
struct _SamMeetingCategory
{
  char *id;
  char *label;
  char *description;               /* nullable */
};

/* A part of a program (the cluster meeting's "Blok 1"), made of one or more steps. */
struct _SamMeetingPart
{
  char                *id;
  char                *title;
  guint                minutes;    /* the sum of its steps' */
  SamMeetingCondition  condition;
  gboolean             adds;       /* a conditional part lengthens the meeting; where not,
                                    * the other steps give way (their follow_up_seconds) */
};

struct _SamMeetingStep
{
  char                  *id;
  guint                  index;        /* position among the template's steps */
  SamMeetingStepKind     kind;
  guint                  seconds;      /* planned duration */
  guint                  follow_up_seconds; /* planned when the earlier-round parts are held */
  const SamMeetingPart  *part;         /* nullable */
  gboolean               conditional;  /* in a conditional part: not in the total */
  char                  *title;
  char                  *facilitator;  /* what the facilitator says or does */
  GPtrArray             *prompts;      /* char *, for the room */
  GPtrArray             *prompt_sources; /* char *, the prompts untranslated (their msgids) */
  GStrv                  items;        /* item codes the step looks at; empty if none */
  SamMeetingNotes        notes;
  SamMeetingPhones       phones;       /* votes or questions from phones, besides notes */
  GPtrArray             *categories;   /* const SamMeetingCategory *, borrowed */
  GPtrArray             *reflections;  /* const SamMeetingReflectionGroup *, borrowed */
};

/* A reflection question and the roles it is put to (SAM_ROLE_MASK bits). */
struct _SamMeetingReflection
{
  guint                            number;   /* 1-based within its group */
  char                            *text;
  guint                            roles;
  const SamMeetingReflectionGroup *group;
};

/* The reflection questions on one area of the package, used in one block. */
struct _SamMeetingReflectionGroup
{
  char                 *id;
  char                 *title;
  char                 *note;        /* nullable: who answers which */
  const SamMeetingPart *part;
  GStrv                 items;
  GPtrArray            *questions;   /* SamMeetingReflection */
};

#define SAM_TYPE_MEETING_TEMPLATE (sam_meeting_template_get_type ())
G_DECLARE_FINAL_TYPE (SamMeetingTemplate, sam_meeting_template, SAM, MEETING_TEMPLATE, GObject)

GQuark              sam_meeting_template_error_quark        (void);

const char         *sam_meeting_step_kind_to_string         (SamMeetingStepKind  kind);
gboolean            sam_meeting_step_kind_from_string       (const char         *str,
                                                             SamMeetingStepKind *kind);
const char         *sam_meeting_step_kind_get_label         (SamMeetingStepKind  kind);

GPtrArray          *sam_meeting_template_load_from_bytes    (GBytes             *bytes,
                                                             GError            **error);
GPtrArray          *sam_meeting_template_list_all           (void);
SamMeetingTemplate *sam_meeting_template_lookup             (const char         *id);

const char         *sam_meeting_template_get_id             (SamMeetingTemplate *self);
const char         *sam_meeting_template_get_title          (SamMeetingTemplate *self);
const char         *sam_meeting_template_get_purpose        (SamMeetingTemplate *self);
const char         *sam_meeting_template_get_participants   (SamMeetingTemplate *self);
GPtrArray          *sam_meeting_template_get_preparation    (SamMeetingTemplate *self);
SamMeetingScope     sam_meeting_template_get_scope          (SamMeetingTemplate *self);
guint               sam_meeting_template_get_minutes        (SamMeetingTemplate *self,
                                                             gboolean            earlier_round);
guint               sam_meeting_template_get_n_steps        (SamMeetingTemplate *self);
const SamMeetingStep *sam_meeting_template_get_step         (SamMeetingTemplate *self,
                                                             guint               index);
const SamMeetingStep *sam_meeting_template_lookup_step      (SamMeetingTemplate *self,
                                                             const char         *id);
guint               sam_meeting_template_get_n_parts        (SamMeetingTemplate *self);
const SamMeetingPart *sam_meeting_template_get_part         (SamMeetingTemplate *self,
                                                             guint               index);
GPtrArray          *sam_meeting_template_get_categories     (SamMeetingTemplate *self);
const SamMeetingCategory *sam_meeting_template_lookup_category (SamMeetingTemplate *self,
                                                             const char         *id);
GPtrArray          *sam_meeting_template_get_reflection_groups (SamMeetingTemplate *self);
GPtrArray          *sam_meeting_template_list_reflections   (SamMeetingTemplate *self,
                                                             const char         *group_id,
                                                             SamRole             role);

guint               sam_meeting_step_get_seconds            (const SamMeetingStep *step,
                                                             gboolean              earlier_round);

gboolean            sam_meeting_reflection_is_for           (const SamMeetingReflection *reflection,
                                                             SamRole                     role);

G_END_DECLS
