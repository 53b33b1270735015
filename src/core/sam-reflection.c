/* sam-reflection.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-reflection"

#include "config.h"

#include "sam-reflection.h"

/* The questions */

/**
 * sam_reflection_get_template:
 *
 * Returns: (transfer none) (nullable): the template whose reflection questions the
 *   journal asks: the cluster meeting's, where the package puts them
 */
SamMeetingTemplate *
sam_reflection_get_template (void)
{
  GPtrArray *templates = sam_meeting_template_list_all ();

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      SamMeetingTemplate *template = g_ptr_array_index (templates, i);
      GPtrArray *groups = sam_meeting_template_get_reflection_groups (template);

      if (groups != NULL && groups->len > 0)
        return template;
    }
  return NULL;
}

/**
 * sam_reflection_list_groups:
 *
 * Returns: (transfer none) (element-type SamMeetingReflectionGroup): the groups of
 *   questions, in the package's order
 */
GPtrArray *
sam_reflection_list_groups (void)
{
  SamMeetingTemplate *template = sam_reflection_get_template ();

  g_return_val_if_fail (template != NULL, NULL);

  return sam_meeting_template_get_reflection_groups (template);
}

/**
 * sam_reflection_list_questions:
 * @topic: (nullable): one group ("collegial-support"), or %NULL for all
 * @role: who reflects; a solo doctor is asked fewer questions
 *
 * Returns: (transfer container) (element-type SamMeetingReflection): the questions
 */
GPtrArray *
sam_reflection_list_questions (const char *topic,
                               SamRole     role)
{
  SamMeetingTemplate *template = sam_reflection_get_template ();

  g_return_val_if_fail (template != NULL, NULL);

  return sam_meeting_template_list_reflections (template, topic, role);
}

const SamMeetingReflection *
sam_reflection_lookup_question (const char *topic,
                                guint       question)
{
  GPtrArray *groups = sam_reflection_list_groups ();

  for (guint i = 0; topic != NULL && groups != NULL && i < groups->len; i++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, i);

      if (!g_str_equal (group->id, topic))
        continue;
      for (guint j = 0; j < group->questions->len; j++)
        {
          const SamMeetingReflection *reflection = g_ptr_array_index (group->questions, j);

          if (reflection->number == question)
            return reflection;
        }
    }
  return NULL;
}
