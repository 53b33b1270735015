/* test-meeting-timer.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-meeting-timer.h"

/* A fake monotonic clock, far from zero so no arithmetic gets away with assuming 0. */
#define T0   ((gint64) 1000000 * G_USEC_PER_SEC)
#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)

/* Three steps: 5, 10 and 2 minutes. */
static SamMeetingTimer *
three_steps (void)
{
  static const guint seconds[] = { 300, 600, 120 };

  return sam_meeting_timer_new_for_durations (seconds, G_N_ELEMENTS (seconds));
}

static void
test_ready (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_READY);
  g_assert_cmpuint (sam_meeting_timer_get_n_steps (timer), ==, 3);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 0);
  g_assert_null (sam_meeting_timer_get_step (timer, 0));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0), ==, 5 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_elapsed (timer, T0), ==, 0);
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0), ==, T0 + 17 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0), ==, T0 + 17 * MINUTE);
  g_assert_false (sam_meeting_timer_is_time_up (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 60 * MINUTE));

  /* Nothing moves before the start. */
  g_assert_false (sam_meeting_timer_pause (timer, T0));
  g_assert_false (sam_meeting_timer_resume (timer, T0));
  g_assert_false (sam_meeting_timer_next (timer, T0));
  g_assert_false (sam_meeting_timer_previous (timer, T0));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_READY);
}

static void
test_countdown (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  g_assert_true (sam_meeting_timer_start (timer, T0));
  g_assert_false (sam_meeting_timer_start (timer, T0 + SECOND));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_RUNNING);

  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 90 * SECOND), ==, 210 * SECOND);
  g_assert_cmpint (sam_meeting_timer_get_step_used (timer, 0, T0 + 90 * SECOND), ==, 90 * SECOND);
  g_assert_cmpint (sam_meeting_timer_get_elapsed (timer, T0 + 90 * SECOND), ==, 90 * SECOND);
  g_assert_false (sam_meeting_timer_is_time_up (timer, T0 + 90 * SECOND));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 90 * SECOND));

  /* On time: the projection is the plan. */
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0 + 90 * SECOND), ==, T0 + 17 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 90 * SECOND), ==, T0 + 17 * MINUTE);

  /* The step's time runs out: exactly at zero, the cue comes once. */
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 5 * MINUTE), ==, 0);
  g_assert_true (sam_meeting_timer_is_time_up (timer, T0 + 5 * MINUTE));
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 5 * MINUTE));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 5 * MINUTE + SECOND));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 7 * MINUTE));

  /* Overtime counts below zero and pushes the projected end. */
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 7 * MINUTE), ==, -2 * MINUTE);
  g_assert_true (sam_meeting_timer_is_time_up (timer, T0 + 7 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 7 * MINUTE), ==, T0 + 19 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0 + 7 * MINUTE), ==, T0 + 17 * MINUTE);

  /* The next step starts its own full time and its own cue. */
  g_assert_true (sam_meeting_timer_next (timer, T0 + 7 * MINUTE));
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 1);
  g_assert_cmpint (sam_meeting_timer_get_step_used (timer, 0, T0 + 8 * MINUTE), ==, 7 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_step_remaining (timer, 0, T0 + 8 * MINUTE), ==, -2 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 8 * MINUTE), ==, 9 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_step_remaining (timer, 2, T0 + 8 * MINUTE), ==, 2 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 8 * MINUTE));
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 17 * MINUTE + 1));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 17 * MINUTE + 2));
}

/* Skipping a step early saves its time: the projection comes forward. */
static void
test_skip_early (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  sam_meeting_timer_start (timer, T0);
  g_assert_true (sam_meeting_timer_next (timer, T0 + 1 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 1 * MINUTE), ==, T0 + 13 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0 + 1 * MINUTE), ==, T0 + 17 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 1 * MINUTE));
}

static void
test_pause_resume (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  sam_meeting_timer_start (timer, T0);
  g_assert_true (sam_meeting_timer_pause (timer, T0 + 2 * MINUTE));
  g_assert_false (sam_meeting_timer_pause (timer, T0 + 2 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_PAUSED);

  /* The step's clock stands still; the meeting's does not, so the end moves on. */
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 10 * MINUTE), ==, 3 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_elapsed (timer, T0 + 10 * MINUTE), ==, 10 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 10 * MINUTE), ==, T0 + 25 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 10 * MINUTE));

  g_assert_true (sam_meeting_timer_resume (timer, T0 + 10 * MINUTE));
  g_assert_false (sam_meeting_timer_resume (timer, T0 + 10 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 11 * MINUTE), ==, 2 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 12 * MINUTE));
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 13 * MINUTE));
}

/* A pause in overtime freezes the overtime; the cue, already given, is not repeated. */
static void
test_pause_in_overtime (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  sam_meeting_timer_start (timer, T0);
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 5 * MINUTE));
  g_assert_true (sam_meeting_timer_pause (timer, T0 + 6 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 20 * MINUTE), ==, -1 * MINUTE);
  g_assert_true (sam_meeting_timer_is_time_up (timer, T0 + 20 * MINUTE));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 20 * MINUTE));
  g_assert_true (sam_meeting_timer_resume (timer, T0 + 20 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 21 * MINUTE), ==, -2 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 21 * MINUTE));

  /* Paused in overtime before anyone asked: the cue still comes, once. */
  g_clear_pointer (&timer, sam_meeting_timer_free);
  timer = three_steps ();
  sam_meeting_timer_start (timer, T0);
  sam_meeting_timer_pause (timer, T0 + 6 * MINUTE);
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 7 * MINUTE));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 8 * MINUTE));
}

static void
test_add_minute (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  /* Before the start, a minute goes to the first step's plan for the room. */
  g_assert_true (sam_meeting_timer_add_minute (timer, T0));
  g_assert_cmpint (sam_meeting_timer_get_step_allotted (timer, 0), ==, 6 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0), ==, T0 + 18 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0), ==, T0 + 17 * MINUTE);

  sam_meeting_timer_start (timer, T0);
  g_assert_true (sam_meeting_timer_add_minute (timer, T0 + 1 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 1 * MINUTE), ==, 6 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 1 * MINUTE), ==, T0 + 19 * MINUTE);

  /* Time up after 7 minutes; a minute added re-arms the cue for the end of that minute. */
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 7 * MINUTE - 1));
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 7 * MINUTE));
  g_assert_true (sam_meeting_timer_add_minute (timer, T0 + 7 * MINUTE + 30 * SECOND));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 7 * MINUTE + 30 * SECOND), ==, 30 * SECOND);
  g_assert_false (sam_meeting_timer_is_time_up (timer, T0 + 7 * MINUTE + 30 * SECOND));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 7 * MINUTE + 30 * SECOND));
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 8 * MINUTE));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 8 * MINUTE + SECOND));

  /* Three minutes over: one more minute still leaves it over, so no new cue. */
  g_assert_true (sam_meeting_timer_add_minute (timer, T0 + 11 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 11 * MINUTE), ==, -2 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 11 * MINUTE));

  /* Adding while paused works the same. */
  sam_meeting_timer_pause (timer, T0 + 11 * MINUTE);
  sam_meeting_timer_add_minute (timer, T0 + 12 * MINUTE);
  sam_meeting_timer_add_minute (timer, T0 + 12 * MINUTE);
  sam_meeting_timer_add_minute (timer, T0 + 12 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 12 * MINUTE), ==, 1 * MINUTE);
  sam_meeting_timer_resume (timer, T0 + 12 * MINUTE);
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 13 * MINUTE));
}

static void
test_back (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  sam_meeting_timer_start (timer, T0);

  /* At the first step there is nowhere to go back to, and nothing changes. */
  g_assert_false (sam_meeting_timer_previous (timer, T0 + 1 * MINUTE));
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 0);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 1 * MINUTE), ==, 4 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_RUNNING);

  /* Back from the second step: the first continues where it was left. */
  sam_meeting_timer_next (timer, T0 + 2 * MINUTE);
  g_assert_true (sam_meeting_timer_previous (timer, T0 + 4 * MINUTE));
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 0);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 4 * MINUTE), ==, 3 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_step_used (timer, 1, T0 + 4 * MINUTE), ==, 2 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_step_remaining (timer, 1, T0 + 4 * MINUTE), ==, 8 * MINUTE);
  /* 3 left here, 8 in the second, 2 in the third. */
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 4 * MINUTE), ==, T0 + 17 * MINUTE);
  g_assert_true (sam_meeting_timer_check_time_up (timer, T0 + 7 * MINUTE));

  /* A step whose cue was given does not cue again when returned to. */
  sam_meeting_timer_next (timer, T0 + 8 * MINUTE);
  sam_meeting_timer_previous (timer, T0 + 8 * MINUTE);
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 9 * MINUTE));

  /* Moving while paused keeps the meeting paused. */
  sam_meeting_timer_pause (timer, T0 + 9 * MINUTE);
  g_assert_true (sam_meeting_timer_next (timer, T0 + 9 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_PAUSED);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 30 * MINUTE), ==, 8 * MINUTE);
  g_assert_true (sam_meeting_timer_previous (timer, T0 + 30 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_PAUSED);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 40 * MINUTE), ==, -2 * MINUTE);
}

static void
test_finish (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  sam_meeting_timer_start (timer, T0);
  sam_meeting_timer_next (timer, T0 + 5 * MINUTE);
  sam_meeting_timer_next (timer, T0 + 15 * MINUTE);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 2);

  /* Skipping past the last step finishes the meeting. */
  g_assert_true (sam_meeting_timer_next (timer, T0 + 18 * MINUTE));
  g_assert_true (sam_meeting_timer_is_finished (timer));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_FINISHED);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 2);

  /* Everything stands still after the end. */
  g_assert_cmpint (sam_meeting_timer_get_elapsed (timer, T0 + 60 * MINUTE), ==, 18 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, T0 + 60 * MINUTE), ==, T0 + 18 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0 + 60 * MINUTE), ==, T0 + 17 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_step_remaining (timer, 2, T0 + 60 * MINUTE), ==, -1 * MINUTE);
  g_assert_false (sam_meeting_timer_is_time_up (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_check_time_up (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_next (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_pause (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_resume (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_add_minute (timer, T0 + 60 * MINUTE));
  g_assert_false (sam_meeting_timer_start (timer, T0 + 60 * MINUTE));

  /* Finished by mistake: back reopens the last step where it was left. */
  g_assert_true (sam_meeting_timer_previous (timer, T0 + 60 * MINUTE));
  g_assert_cmpint (sam_meeting_timer_get_state (timer), ==, SAM_MEETING_TIMER_RUNNING);
  g_assert_cmpuint (sam_meeting_timer_get_current (timer), ==, 2);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 61 * MINUTE), ==, -2 * MINUTE);
}

/* A clock that steps back is treated as standing still. */
static void
test_clock_backwards (void)
{
  g_autoptr(SamMeetingTimer) timer = three_steps ();

  sam_meeting_timer_start (timer, T0);
  sam_meeting_timer_pause (timer, T0 + 2 * MINUTE);
  sam_meeting_timer_resume (timer, T0 + 1 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 1 * MINUTE), ==, 3 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0 + 3 * MINUTE), ==, 2 * MINUTE);
}

/* From a template: the conditional follow-up is held only when there is an earlier round. */
static void
test_from_template (void)
{
  SamMeetingTemplate *template = sam_meeting_template_lookup ("cluster-meeting");
  g_autoptr(SamMeetingTimer) timer = sam_meeting_timer_new (template, FALSE);
  g_autoptr(SamMeetingTimer) follow_up = sam_meeting_timer_new (template, TRUE);
  guint n = sam_meeting_template_get_n_steps (template);

  g_assert_cmpuint (sam_meeting_timer_get_n_steps (follow_up), ==, n);
  g_assert_cmpuint (sam_meeting_timer_get_n_steps (timer), ==, n - 1);
  g_assert_cmpstr (sam_meeting_timer_get_step (follow_up, 0)->id, ==, "follow-up");
  g_assert_cmpstr (sam_meeting_timer_get_step (timer, 0)->id, ==, "introduction");
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0), ==, T0 + 150 * MINUTE);
  /* The follow-up part takes its time from the steps that give way to it: still 150 minutes. */
  g_assert_cmpint (sam_meeting_timer_get_planned_end (follow_up, T0), ==, T0 + 150 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_remaining (timer, T0), ==, 10 * MINUTE);

  /* Run the whole meeting step by step, each exactly on time. */
  sam_meeting_timer_start (timer, T0);
  for (gint64 now = T0; !sam_meeting_timer_is_finished (timer); )
    {
      guint current = sam_meeting_timer_get_current (timer);

      now += sam_meeting_timer_get_step_allotted (timer, current);
      g_assert_true (sam_meeting_timer_check_time_up (timer, now));
      g_assert_cmpint (sam_meeting_timer_get_projected_end (timer, now), ==, T0 + 150 * MINUTE);
      sam_meeting_timer_next (timer, now);
    }
  g_assert_cmpint (sam_meeting_timer_get_elapsed (timer, T0 + 200 * MINUTE), ==, 150 * MINUTE);

  /* The well-being session's half minutes are kept to the second. */
  g_clear_pointer (&timer, sam_meeting_timer_free);
  timer = sam_meeting_timer_new (sam_meeting_template_lookup ("cluster-wellbeing"), FALSE);
  g_assert_cmpint (sam_meeting_timer_get_step_allotted (timer, 1), ==, 150 * SECOND);
}

/* From a schedule: the steps it holds, each with the time the facilitator gave it. */
static void
test_from_schedule (void)
{
  SamMeetingTemplate *template = sam_meeting_template_lookup ("cluster-meeting");
  g_autoptr(SamMeetingSchedule) schedule = sam_meeting_schedule_new (template, TRUE);
  const SamMeetingStep *groups = sam_meeting_template_lookup_step (template, "block-1-groups");
  g_autoptr(SamMeetingTimer) timer = NULL;
  g_autoptr(SamMeetingTimer) planned = sam_meeting_timer_new (template, TRUE);
  guint index = G_MAXUINT;

  g_assert_nonnull (groups);
  sam_meeting_schedule_set_seconds (schedule, groups, 35 * 60);
  timer = sam_meeting_timer_new_for_schedule (schedule);
  g_assert_cmpuint (sam_meeting_timer_get_n_steps (timer), ==, sam_meeting_timer_get_n_steps (planned));
  for (guint i = 0; i < sam_meeting_timer_get_n_steps (timer); i++)
    {
      g_assert_true (sam_meeting_timer_get_step (timer, i) == sam_meeting_timer_get_step (planned, i));
      if (sam_meeting_timer_get_step (timer, i) == groups)
        index = i;
      else
        g_assert_cmpint (sam_meeting_timer_get_step_allotted (timer, i), ==,
                         sam_meeting_timer_get_step_allotted (planned, i));
    }
  g_assert_cmpuint (index, <, sam_meeting_timer_get_n_steps (timer));
  g_assert_cmpint (sam_meeting_timer_get_step_allotted (timer, index), ==, 35 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_step_allotted (planned, index), ==, 25 * MINUTE);
  g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, T0), ==, T0 + 160 * MINUTE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-timer/ready", test_ready);
  g_test_add_func ("/meeting-timer/countdown", test_countdown);
  g_test_add_func ("/meeting-timer/skip-early", test_skip_early);
  g_test_add_func ("/meeting-timer/pause-resume", test_pause_resume);
  g_test_add_func ("/meeting-timer/pause-in-overtime", test_pause_in_overtime);
  g_test_add_func ("/meeting-timer/add-minute", test_add_minute);
  g_test_add_func ("/meeting-timer/back", test_back);
  g_test_add_func ("/meeting-timer/finish", test_finish);
  g_test_add_func ("/meeting-timer/clock-backwards", test_clock_backwards);
  g_test_add_func ("/meeting-timer/from-template", test_from_template);
  g_test_add_func ("/meeting-timer/from-schedule", test_from_schedule);

  return g_test_run ();
}
