/* sam-meeting-template.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-template"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-markup.h"
#include "sam-meeting-template-private.h"

G_DEFINE_FINAL_TYPE (SamMeetingTemplate, sam_meeting_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-meeting-template-error-quark, sam_meeting_template_error)

static const char *kind_names[SAM_N_MEETING_STEP_KINDS] = {
  "introduction", "round", "reflection", "pairs", "notes", "data-review", "discussion",
  "decide", "break", "closing",
};

static void
category_free (gpointer data)
{
  SamMeetingCategory *category = data;

  g_free (category->id);
  g_free (category->label);
  g_free (category->description);
  g_free (category);
}

static void
part_free (gpointer data)
{
  SamMeetingPart *part = data;

  g_free (part->id);
  g_free (part->title);
  g_free (part);
}

static void
step_free (gpointer data)
{
  SamMeetingStep *step = data;

  g_free (step->id);
  g_free (step->title);
  g_free (step->facilitator);
  g_ptr_array_unref (step->prompts);
  g_ptr_array_unref (step->prompt_sources);
  g_strfreev (step->items);
  g_ptr_array_unref (step->categories);
  g_ptr_array_unref (step->reflections);
  g_free (step);
}

static void
group_free (gpointer data)
{
  SamMeetingReflectionGroup *group = data;

  g_free (group->id);
  g_free (group->title);
  g_free (group->note);
  g_strfreev (group->items);
  g_ptr_array_unref (group->questions);
  g_free (group);
}

static void
sam_meeting_template_finalize (GObject *object)
{
  SamMeetingTemplate *self = (SamMeetingTemplate *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->purpose);
  g_free (self->participants);
  g_clear_pointer (&self->preparation, g_ptr_array_unref);
  /* Steps borrow categories, groups and parts: free them first. */
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_meeting_template_parent_class)->finalize (object);
}

static void
sam_meeting_template_class_init (SamMeetingTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_meeting_template_finalize;
}

static void
sam_meeting_template_init (SamMeetingTemplate *self)
{
  self->preparation = g_ptr_array_new_with_free_func (g_free);
  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->steps = g_ptr_array_new_with_free_func (step_free);
  self->categories = g_ptr_array_new_with_free_func (category_free);
  self->groups = g_ptr_array_new_with_free_func (group_free);
}

/* Public API */

const char *
sam_meeting_step_kind_to_string (SamMeetingStepKind kind)
{
  g_return_val_if_fail (kind < SAM_N_MEETING_STEP_KINDS, NULL);

  return kind_names[kind];
}

gboolean
sam_meeting_step_kind_from_string (const char         *str,
                                   SamMeetingStepKind *kind)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < SAM_N_MEETING_STEP_KINDS; i++)
    {
      if (g_str_equal (str, kind_names[i]))
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * sam_meeting_step_kind_get_label:
 *
 * Returns: the kind's name for people, in the interface language
 */
const char *
sam_meeting_step_kind_get_label (SamMeetingStepKind kind)
{
  g_return_val_if_fail (kind < SAM_N_MEETING_STEP_KINDS, NULL);

  switch (kind)
    {
    case SAM_MEETING_STEP_INTRODUCTION: return C_("meeting step kind", "Introduction");
    case SAM_MEETING_STEP_ROUND:        return C_("meeting step kind", "Round");
    case SAM_MEETING_STEP_REFLECTION:   return C_("meeting step kind", "On your own");
    case SAM_MEETING_STEP_PAIRS:        return C_("meeting step kind", "In pairs");
    case SAM_MEETING_STEP_NOTES:        return C_("meeting step kind", "Green and red notes");
    case SAM_MEETING_STEP_DATA_REVIEW:  return C_("meeting step kind", "Data review");
    case SAM_MEETING_STEP_DISCUSSION:   return C_("meeting step kind", "Discussion");
    case SAM_MEETING_STEP_DECIDE:       return C_("meeting step kind", "Decide actions");
    case SAM_MEETING_STEP_BREAK:        return C_("meeting step kind", "Break");
    case SAM_MEETING_STEP_CLOSING:      return C_("meeting step kind", "Closing");
    case SAM_N_MEETING_STEP_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * sam_meeting_template_list_all:
 *
 * The templates compiled into the app, read once per process in the locale of that
 * moment (so set the locale first).
 *
 * Returns: (transfer none) (element-type SamMeetingTemplate): the templates
 */
GPtrArray *
sam_meeting_template_list_all (void)
{
  static GPtrArray *templates;

  return _sam_markup_get_builtin ((gpointer *) &templates, "meetings.xml", "meeting templates are",
                                  (SamMarkupLoadFunc) sam_meeting_template_load_from_bytes);
}

/**
 * sam_meeting_template_lookup:
 * @id: a template id such as "cluster-meeting"
 *
 * Returns: (transfer none) (nullable): the built-in template, or %NULL
 */
SamMeetingTemplate *
sam_meeting_template_lookup (const char *id)
{
  GPtrArray *templates = sam_meeting_template_list_all ();

  for (guint i = 0; id != NULL && i < templates->len; i++)
    {
      SamMeetingTemplate *template = g_ptr_array_index (templates, i);

      if (g_str_equal (template->id, id))
        return template;
    }
  return NULL;
}

const char *
sam_meeting_template_get_id (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->id;
}

const char *
sam_meeting_template_get_title (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->title;
}

const char *
sam_meeting_template_get_purpose (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->purpose;
}

const char *
sam_meeting_template_get_participants (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->participants;
}

/**
 * sam_meeting_template_get_preparation:
 *
 * Returns: (transfer none) (element-type utf8): what to prepare, one point each
 */
GPtrArray *
sam_meeting_template_get_preparation (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->preparation;
}

SamMeetingScope
sam_meeting_template_get_scope (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), SAM_MEETING_SCOPE_CLINIC);

  return self->scope;
}

/**
 * sam_meeting_template_get_minutes:
 * @earlier_round: whether the parts held only when there is an earlier round count
 *
 * Returns: the planned length of the meeting in minutes
 */
guint
sam_meeting_template_get_minutes (SamMeetingTemplate *self,
                                  gboolean            earlier_round)
{
  guint minutes;

  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), 0);

  minutes = self->minutes;
  if (earlier_round)
    {
      guint seconds = 0;

      for (guint i = 0; i < self->steps->len; i++)
        seconds += sam_meeting_step_get_seconds (g_ptr_array_index (self->steps, i), TRUE);
      minutes = (seconds + 30) / 60;
    }
  return minutes;
}

/**
 * sam_meeting_step_get_seconds:
 * @earlier_round: whether the meeting holds the parts that need an earlier round
 *
 * Returns: the step's planned time in seconds at such a meeting: 0 for a conditional
 *   step not held, and less for a step that gives way to a follow-up part
 */
guint
sam_meeting_step_get_seconds (const SamMeetingStep *step,
                              gboolean              earlier_round)
{
  g_return_val_if_fail (step != NULL, 0);

  if (step->conditional)
    return earlier_round ? step->seconds : 0;
  return earlier_round ? step->follow_up_seconds : step->seconds;
}

guint
sam_meeting_template_get_n_steps (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), 0);

  return self->steps->len;
}

const SamMeetingStep *
sam_meeting_template_get_step (SamMeetingTemplate *self,
                               guint               index)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

const SamMeetingStep *
sam_meeting_template_lookup_step (SamMeetingTemplate *self,
                                  const char         *id)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return SAM_MEETING_FIND (self->steps, SamMeetingStep, id);
}

guint
sam_meeting_template_get_n_parts (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), 0);

  return self->parts->len;
}

const SamMeetingPart *
sam_meeting_template_get_part (SamMeetingTemplate *self,
                               guint               index)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->parts->len, NULL);

  return g_ptr_array_index (self->parts, index);
}

/**
 * sam_meeting_template_get_categories:
 *
 * Returns: (transfer none) (element-type SamMeetingCategory): every category the
 *   template's notes may be sorted under
 */
GPtrArray *
sam_meeting_template_get_categories (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->categories;
}

const SamMeetingCategory *
sam_meeting_template_lookup_category (SamMeetingTemplate *self,
                                      const char         *id)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return SAM_MEETING_FIND (self->categories, SamMeetingCategory, id);
}

/**
 * sam_meeting_template_get_reflection_groups:
 *
 * Returns: (transfer none) (element-type SamMeetingReflectionGroup): the groups of
 *   reflection questions, in the order of the package
 */
GPtrArray *
sam_meeting_template_get_reflection_groups (SamMeetingTemplate *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);

  return self->groups;
}

gboolean
sam_meeting_reflection_is_for (const SamMeetingReflection *reflection,
                               SamRole                     role)
{
  g_return_val_if_fail (reflection != NULL, FALSE);
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);

  return (reflection->roles & SAM_ROLE_MASK (role)) != 0;
}

/**
 * sam_meeting_template_list_reflections:
 * @group_id: (nullable): one group ("leadership"), or %NULL for all
 * @role: whose questions: a solo doctor answers fewer than a doctor in a partnership
 *
 * The reflection questions put to @role, group by group in the package's order; each
 * question knows its group (and through it the block it belongs to).
 *
 * Returns: (transfer container) (element-type SamMeetingReflection): the questions
 */
GPtrArray *
sam_meeting_template_list_reflections (SamMeetingTemplate *self,
                                       const char         *group_id,
                                       SamRole             role)
{
  GPtrArray *list;

  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (self), NULL);
  g_return_val_if_fail (role < SAM_N_ROLES, NULL);

  list = g_ptr_array_new ();
  for (guint i = 0; i < self->groups->len; i++)
    {
      SamMeetingReflectionGroup *group = g_ptr_array_index (self->groups, i);

      if (group_id != NULL && !g_str_equal (group_id, group->id))
        continue;
      for (guint j = 0; j < group->questions->len; j++)
        {
          SamMeetingReflection *question = g_ptr_array_index (group->questions, j);

          if (sam_meeting_reflection_is_for (question, role))
            g_ptr_array_add (list, question);
        }
    }
  return list;
}
