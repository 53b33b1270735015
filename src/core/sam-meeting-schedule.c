/* sam-meeting-schedule.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-schedule"

#include "config.h"

#include <string.h>

#include "sam-meeting-schedule.h"

/* A meeting's steps and their planned seconds. The template plans them (at a follow-up
 * meeting, with the follow-up part held and the steps that give way to it shorter); the
 * facilitator may change any step before the meeting starts. What was changed is kept in
 * the store's settings under the meeting's id, as
 *   "<template id> <date> <step>=<seconds>,<step>=<seconds>,..."
 * and is read back only for a meeting of the same template and date, so that a meeting
 * made later under a reused id never takes another's times. A meeting without one runs
 * as its template plans it. */

#define KEY_FORMAT "meeting-schedule-%" G_GINT64_FORMAT

struct _SamMeetingSchedule
{
  SamMeetingTemplate *template;
  gboolean            earlier_round;
  guint              *seconds;       /* per template step; 0 where the step is not held */
};

SamMeetingSchedule *
sam_meeting_schedule_new (SamMeetingTemplate *template,
                          gboolean            earlier_round)
{
  SamMeetingSchedule *self;
  guint n;

  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (template), NULL);

  n = sam_meeting_template_get_n_steps (template);
  self = g_new0 (SamMeetingSchedule, 1);
  self->template = g_object_ref (template);
  self->earlier_round = earlier_round;
  self->seconds = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->seconds[i] = sam_meeting_step_get_seconds (sam_meeting_template_get_step (template, i),
                                                     earlier_round);
  return self;
}

void
sam_meeting_schedule_free (SamMeetingSchedule *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->template);
  g_free (self->seconds);
  g_free (self);
}

/**
 * sam_meeting_schedule_load:
 *
 * Returns: (transfer full) (nullable): the meeting's schedule, as changed before it
 *   started or as its template plans it; %NULL where its template is unknown
 */
SamMeetingSchedule *
sam_meeting_schedule_load (SamStore         *store,
                           const SamMeeting *meeting)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) pairs = NULL;
  SamMeetingTemplate *template;
  SamMeetingSchedule *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);

  template = sam_meeting_template_lookup (meeting->template_id);
  if (template == NULL)
    return NULL;
  self = sam_meeting_schedule_new (template, meeting->earlier_round);

  key = g_strdup_printf (KEY_FORMAT, meeting->id);
  value = sam_store_get_setting (store, key);
  if (value == NULL)
    return self;
  fields = g_strsplit (value, " ", 3);
  if (g_strv_length (fields) != 3 || g_strcmp0 (fields[0], meeting->template_id) != 0 ||
      g_strcmp0 (fields[1], meeting->date) != 0)
    return self;

  pairs = g_strsplit (fields[2], ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      g_autofree char *id = NULL;
      const SamMeetingStep *step;
      guint64 seconds;

      if (equals == NULL)
        continue;
      id = g_strndup (pairs[i], equals - pairs[i]);
      step = sam_meeting_template_lookup_step (template, id);
      if (step != NULL && sam_meeting_schedule_holds (self, step) &&
          g_ascii_string_to_unsigned (equals + 1, 10, 60, 24 * 3600, &seconds, NULL))
        self->seconds[step->index] = (guint) seconds;
    }
  return self;
}

/* Keeps the schedule with the meeting, as one change. */
gboolean
sam_meeting_schedule_save (SamMeetingSchedule  *self,
                           SamStore            *store,
                           gint64               meeting_id,
                           GError             **error)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GString) value = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  meeting = sam_meeting_store_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (g_strcmp0 (meeting->template_id, sam_meeting_template_get_id (self->template)) != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   "meeting %" G_GINT64_FORMAT " is not held with “%s”", meeting_id,
                   sam_meeting_template_get_id (self->template));
      return FALSE;
    }

  value = g_string_new (NULL);
  g_string_append_printf (value, "%s %s ", meeting->template_id, meeting->date);
  for (guint i = 0; i < sam_meeting_template_get_n_steps (self->template); i++)
    {
      const SamMeetingStep *step = sam_meeting_template_get_step (self->template, i);

      if (!sam_meeting_schedule_holds (self, step))
        continue;
      g_string_append_printf (value, "%s%s=%u", value->str[value->len - 1] == ' ' ? "" : ",",
                              step->id, self->seconds[i]);
    }
  key = g_strdup_printf (KEY_FORMAT, meeting_id);
  return sam_store_set_setting (store, key, value->str, error);
}

/* Returns: (transfer none): the template whose steps these are */
SamMeetingTemplate *
sam_meeting_schedule_get_template (SamMeetingSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->template;
}

/* Whether the step is held at this meeting (a follow-up part only at a follow-up). */
gboolean
sam_meeting_schedule_holds (SamMeetingSchedule   *self,
                            const SamMeetingStep *step)
{
  g_return_val_if_fail (self != NULL && step != NULL, FALSE);

  return !step->conditional || self->earlier_round;
}

guint
sam_meeting_schedule_get_seconds (SamMeetingSchedule   *self,
                                  const SamMeetingStep *step)
{
  g_return_val_if_fail (self != NULL && step != NULL, 0);
  g_return_val_if_fail (step->index < sam_meeting_template_get_n_steps (self->template), 0);

  return self->seconds[step->index];
}

/* Changes a held step's time; a step takes at least a minute. */
void
sam_meeting_schedule_set_seconds (SamMeetingSchedule   *self,
                                  const SamMeetingStep *step,
                                  guint                 seconds)
{
  g_return_if_fail (self != NULL && step != NULL);
  g_return_if_fail (step->index < sam_meeting_template_get_n_steps (self->template));
  g_return_if_fail (sam_meeting_schedule_holds (self, step));

  self->seconds[step->index] = MAX (seconds, 60);
}

/* The meeting's planned length in seconds. */
guint
sam_meeting_schedule_get_total (SamMeetingSchedule *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < sam_meeting_template_get_n_steps (self->template); i++)
    total += self->seconds[i];
  return total;
}

/* Whether every step is as the template plans it. */
gboolean
sam_meeting_schedule_is_planned (SamMeetingSchedule *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < sam_meeting_template_get_n_steps (self->template); i++)
    if (self->seconds[i] !=
        sam_meeting_step_get_seconds (sam_meeting_template_get_step (self->template, i),
                                      self->earlier_round))
      return FALSE;
  return TRUE;
}
