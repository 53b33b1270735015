/* sam-meeting-timer.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-timer"

#include "config.h"

#include "sam-meeting-timer.h"

/*
 * The meeting runner's clock, as a pure state machine: it is told the time by every call
 * and keeps no timers of its own, so the widgets can tick it from a frame clock or a
 * timeout and the tests can drive it through an hour in microseconds.
 *
 * Each step has its planned time, the time allotted to it (the plan plus the minutes
 * added in the room) and the time used on it (while the meeting runs, not while it is
 * paused). Going back to a step continues its time where it left off.
 */

typedef struct
{
  const SamMeetingStep *step;      /* nullable: timers built from bare durations */
  gint64                planned;
  gint64                allotted;
  gint64                used;      /* up to segment_start, for the current step */
  gboolean              cued;      /* the time-up cue has been given */
} StepTime;

struct _SamMeetingTimer
{
  SamMeetingTemplate   *template;
  GArray               *steps;          /* StepTime */
  SamMeetingTimerState  state;
  guint                 current;
  gint64                started_at;
  gint64                finished_at;
  gint64                segment_start;  /* when the current step last started running */
  gint64                last_now;       /* the clock never runs backwards here */
};

#define MINUTE_US (60 * G_USEC_PER_SEC)

static inline StepTime *
step_time (SamMeetingTimer *self,
           guint            index)
{
  return &g_array_index (self->steps, StepTime, index);
}

/* A monotonic clock should not go backwards; if a caller's does, time stands still. */
static gint64
clamp_now (SamMeetingTimer *self,
           gint64           now_us)
{
  if (now_us < self->last_now)
    return self->last_now;
  self->last_now = now_us;
  return now_us;
}

static gint64
used_at (SamMeetingTimer *self,
         guint            index,
         gint64           now_us)
{
  StepTime *st = step_time (self, index);

  if (index == self->current && self->state == SAM_MEETING_TIMER_RUNNING)
    return st->used + MAX (0, now_us - self->segment_start);
  return st->used;
}

/* Books the running segment to the current step, before anything changes. */
static void
settle (SamMeetingTimer *self,
        gint64           now_us)
{
  if (self->state == SAM_MEETING_TIMER_RUNNING)
    {
      step_time (self, self->current)->used += MAX (0, now_us - self->segment_start);
      self->segment_start = now_us;
    }
}

static gboolean
is_under_way (SamMeetingTimer *self)
{
  return self->state == SAM_MEETING_TIMER_RUNNING || self->state == SAM_MEETING_TIMER_PAUSED;
}

static SamMeetingTimer *
timer_new (void)
{
  SamMeetingTimer *self = g_new0 (SamMeetingTimer, 1);

  self->steps = g_array_new (FALSE, TRUE, sizeof (StepTime));
  self->state = SAM_MEETING_TIMER_READY;
  self->last_now = G_MININT64;
  return self;
}

/* The seconds @step is planned for in the meeting, or -1 where the meeting leaves it out. */
typedef gint64 (*StepSecondsFunc) (const SamMeetingStep *step,
                                   gpointer              data);

/* A timer for the steps of @template the meeting holds, each with its planned time. */
static SamMeetingTimer *
timer_new_for_template (SamMeetingTemplate *template,
                        StepSecondsFunc     seconds_of,
                        gpointer            data)
{
  SamMeetingTimer *self = timer_new ();

  self->template = g_object_ref (template);
  for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
    {
      const SamMeetingStep *step = sam_meeting_template_get_step (template, i);
      gint64 seconds = seconds_of (step, data);
      StepTime st = { 0 };

      if (seconds < 0)
        continue;
      st.step = step;
      st.planned = st.allotted = seconds * G_USEC_PER_SEC;
      g_array_append_val (self->steps, st);
    }
  if (self->steps->len == 0)
    {
      sam_meeting_timer_free (self);
      g_return_val_if_reached (NULL);
    }

  return self;
}

static gint64
template_seconds (const SamMeetingStep *step,
                  gpointer              data)
{
  gboolean earlier_round = GPOINTER_TO_INT (data);

  if (step->conditional && !earlier_round)
    return -1;
  return sam_meeting_step_get_seconds (step, earlier_round);
}

/**
 * sam_meeting_timer_new:
 * @template: the meeting's template
 * @earlier_round: whether to hold the parts that need an earlier round (the cluster
 *   meeting's follow-up)
 *
 * Returns: (transfer full): a timer, ready at the first step
 */
SamMeetingTimer *
sam_meeting_timer_new (SamMeetingTemplate *template,
                       gboolean            earlier_round)
{
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (template), NULL);

  return timer_new_for_template (template, template_seconds, GINT_TO_POINTER (earlier_round));
}

static gint64
schedule_seconds (const SamMeetingStep *step,
                  gpointer              data)
{
  SamMeetingSchedule *schedule = data;

  if (!sam_meeting_schedule_holds (schedule, step))
    return -1;
  return sam_meeting_schedule_get_seconds (schedule, step);
}

/**
 * sam_meeting_timer_new_for_schedule:
 * @schedule: the meeting's steps and their times, as the facilitator planned them
 *
 * Returns: (transfer full): a timer for the steps the schedule holds, each with its
 *   planned time, ready at the first step
 */
SamMeetingTimer *
sam_meeting_timer_new_for_schedule (SamMeetingSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);

  return timer_new_for_template (sam_meeting_schedule_get_template (schedule),
                                 schedule_seconds, schedule);
}

/**
 * sam_meeting_timer_new_for_durations:
 * @seconds: (array length=n_steps): each step's planned time
 * @n_steps: how many steps, at least one
 *
 * A timer for steps that are not a template's.
 *
 * Returns: (transfer full): a timer, ready at the first step
 */
SamMeetingTimer *
sam_meeting_timer_new_for_durations (const guint *seconds,
                                     guint        n_steps)
{
  SamMeetingTimer *self;

  g_return_val_if_fail (seconds != NULL, NULL);
  g_return_val_if_fail (n_steps > 0, NULL);

  self = timer_new ();
  for (guint i = 0; i < n_steps; i++)
    {
      StepTime st = { 0 };

      st.planned = st.allotted = (gint64) seconds[i] * G_USEC_PER_SEC;
      g_array_append_val (self->steps, st);
    }
  return self;
}

void
sam_meeting_timer_free (SamMeetingTimer *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->template);
  g_array_unref (self->steps);
  g_free (self);
}

guint
sam_meeting_timer_get_n_steps (SamMeetingTimer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->steps->len;
}

/**
 * sam_meeting_timer_get_step:
 *
 * Returns: (nullable): the template's step at @index among the steps held, or %NULL
 *   for a timer built from durations
 */
const SamMeetingStep *
sam_meeting_timer_get_step (SamMeetingTimer *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return step_time (self, index)->step;
}

guint
sam_meeting_timer_get_current (SamMeetingTimer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->current;
}

SamMeetingTimerState
sam_meeting_timer_get_state (SamMeetingTimer *self)
{
  g_return_val_if_fail (self != NULL, SAM_MEETING_TIMER_READY);

  return self->state;
}

gboolean
sam_meeting_timer_is_finished (SamMeetingTimer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->state == SAM_MEETING_TIMER_FINISHED;
}

/**
 * sam_meeting_timer_start:
 *
 * Starts the meeting at its first step.
 *
 * Returns: %FALSE if the meeting has already started
 */
gboolean
sam_meeting_timer_start (SamMeetingTimer *self,
                         gint64           now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (self->state != SAM_MEETING_TIMER_READY)
    return FALSE;
  self->state = SAM_MEETING_TIMER_RUNNING;
  self->current = 0;
  self->started_at = now_us;
  self->segment_start = now_us;
  return TRUE;
}

/**
 * sam_meeting_timer_pause:
 *
 * Stops the clock of the current step (and so of the meeting's plan) until resumed.
 *
 * Returns: %FALSE unless the meeting was running
 */
gboolean
sam_meeting_timer_pause (SamMeetingTimer *self,
                         gint64           now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (self->state != SAM_MEETING_TIMER_RUNNING)
    return FALSE;
  settle (self, now_us);
  self->state = SAM_MEETING_TIMER_PAUSED;
  return TRUE;
}

/**
 * sam_meeting_timer_resume:
 *
 * Returns: %FALSE unless the meeting was paused
 */
gboolean
sam_meeting_timer_resume (SamMeetingTimer *self,
                          gint64           now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (self->state != SAM_MEETING_TIMER_PAUSED)
    return FALSE;
  self->state = SAM_MEETING_TIMER_RUNNING;
  self->segment_start = now_us;
  return TRUE;
}

/**
 * sam_meeting_timer_add_minute:
 *
 * Gives the current step one more minute. If that brings it back within its time, the
 * time-up cue is armed again, to sound when the extra minute is gone.
 *
 * Returns: %FALSE once the meeting has finished
 */
gboolean
sam_meeting_timer_add_minute (SamMeetingTimer *self,
                              gint64           now_us)
{
  StepTime *st;

  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (self->state == SAM_MEETING_TIMER_FINISHED)
    return FALSE;
  st = step_time (self, self->current);
  st->allotted += MINUTE_US;
  if (st->allotted - used_at (self, self->current, now_us) > 0)
    st->cued = FALSE;
  return TRUE;
}

/**
 * sam_meeting_timer_next:
 *
 * Moves on to the next step, whatever time the current one has left; from the last step
 * it finishes the meeting. A paused meeting stays paused.
 *
 * Returns: %FALSE if the meeting has not started or has finished
 */
gboolean
sam_meeting_timer_next (SamMeetingTimer *self,
                        gint64           now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (!is_under_way (self))
    return FALSE;
  settle (self, now_us);
  if (self->current + 1 >= self->steps->len)
    {
      self->state = SAM_MEETING_TIMER_FINISHED;
      self->finished_at = now_us;
      return TRUE;
    }
  self->current++;
  self->segment_start = now_us;
  return TRUE;
}

/**
 * sam_meeting_timer_previous:
 *
 * Goes back one step; its time continues where it was left. From a finished meeting it
 * reopens the last step, running.
 *
 * Returns: %FALSE at the first step or before the start
 */
gboolean
sam_meeting_timer_previous (SamMeetingTimer *self,
                            gint64           now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (self->state == SAM_MEETING_TIMER_FINISHED)
    {
      self->state = SAM_MEETING_TIMER_RUNNING;
      self->finished_at = 0;
      self->segment_start = now_us;
      return TRUE;
    }
  if (!is_under_way (self) || self->current == 0)
    return FALSE;
  settle (self, now_us);
  self->current--;
  self->segment_start = now_us;
  return TRUE;
}

/**
 * sam_meeting_timer_get_step_remaining:
 *
 * Returns: the step's allotted time less the time used on it, in microseconds;
 *   negative when the step has run over
 */
gint64
sam_meeting_timer_get_step_remaining (SamMeetingTimer *self,
                                      guint            index,
                                      gint64           now_us)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->steps->len, 0);

  now_us = MAX (now_us, self->last_now);
  return step_time (self, index)->allotted - used_at (self, index, now_us);
}

/**
 * sam_meeting_timer_get_remaining:
 *
 * Returns: the current step's remaining time in microseconds; negative in overtime
 */
gint64
sam_meeting_timer_get_remaining (SamMeetingTimer *self,
                                 gint64           now_us)
{
  g_return_val_if_fail (self != NULL, 0);

  return sam_meeting_timer_get_step_remaining (self, self->current, now_us);
}

gint64
sam_meeting_timer_get_step_allotted (SamMeetingTimer *self,
                                     guint            index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->steps->len, 0);

  return step_time (self, index)->allotted;
}

gint64
sam_meeting_timer_get_step_used (SamMeetingTimer *self,
                                 guint            index,
                                 gint64           now_us)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->steps->len, 0);

  return used_at (self, index, MAX (now_us, self->last_now));
}

/**
 * sam_meeting_timer_is_time_up:
 *
 * Returns: whether the current step of a meeting under way has used its time
 */
gboolean
sam_meeting_timer_is_time_up (SamMeetingTimer *self,
                              gint64           now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return is_under_way (self) && sam_meeting_timer_get_remaining (self, now_us) <= 0;
}

/**
 * sam_meeting_timer_check_time_up:
 *
 * The event for the visual and audible cue: %TRUE the first time it is asked after the
 * current step's time is up, and never again for that step unless a minute is added.
 * Call it on every tick.
 *
 * Returns: %TRUE when the cue should be given now
 */
gboolean
sam_meeting_timer_check_time_up (SamMeetingTimer *self,
                                 gint64           now_us)
{
  StepTime *st;

  g_return_val_if_fail (self != NULL, FALSE);

  now_us = clamp_now (self, now_us);
  if (!sam_meeting_timer_is_time_up (self, now_us))
    return FALSE;
  st = step_time (self, self->current);
  if (st->cued)
    return FALSE;
  st->cued = TRUE;
  return TRUE;
}

/**
 * sam_meeting_timer_get_elapsed:
 *
 * Returns: the time since the start, pauses included, until the meeting finished;
 *   0 before the start
 */
gint64
sam_meeting_timer_get_elapsed (SamMeetingTimer *self,
                               gint64           now_us)
{
  g_return_val_if_fail (self != NULL, 0);

  now_us = MAX (now_us, self->last_now);
  switch (self->state)
    {
    case SAM_MEETING_TIMER_READY:
      return 0;
    case SAM_MEETING_TIMER_FINISHED:
      return self->finished_at - self->started_at;
    case SAM_MEETING_TIMER_RUNNING:
    case SAM_MEETING_TIMER_PAUSED:
    default:
      return now_us - self->started_at;
    }
}

static gint64
planned_total (SamMeetingTimer *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->steps->len; i++)
    total += step_time (self, i)->planned;
  return total;
}

/**
 * sam_meeting_timer_get_planned_end:
 *
 * Returns: when the meeting ends by its plan: the start (or, before it, @now_us) plus
 *   the planned time of every step, without the minutes added in the room
 */
gint64
sam_meeting_timer_get_planned_end (SamMeetingTimer *self,
                                   gint64           now_us)
{
  g_return_val_if_fail (self != NULL, 0);

  now_us = MAX (now_us, self->last_now);
  if (self->state == SAM_MEETING_TIMER_READY)
    return now_us + planned_total (self);
  return self->started_at + planned_total (self);
}

/**
 * sam_meeting_timer_get_projected_end:
 *
 * When the meeting will end as it goes: now, plus what is left of the current step
 * (nothing if it has run over), plus what is left of the steps after it. A pause pushes
 * it on; a finished meeting ended when it finished.
 *
 * Returns: the projected end, in the clock's microseconds
 */
gint64
sam_meeting_timer_get_projected_end (SamMeetingTimer *self,
                                     gint64           now_us)
{
  gint64 end;

  g_return_val_if_fail (self != NULL, 0);

  now_us = MAX (now_us, self->last_now);
  if (self->state == SAM_MEETING_TIMER_FINISHED)
    return self->finished_at;

  end = now_us;
  for (guint i = self->current; i < self->steps->len; i++)
    end += MAX (0, sam_meeting_timer_get_step_remaining (self, i, now_us));
  return end;
}
