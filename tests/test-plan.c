/* test-plan.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-meeting-store.h"
#include "sam-plan.h"
#include "test-common.h"

typedef struct
{
  char     *dir;
  SamStore *store;
  gint64    cluster;
  gint64    clinic;
  gint64    other_clinic;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "plan.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &fixture->cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 1", NULL,
                                          &fixture->clinic, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 2", NULL,
                                          &fixture->other_clinic, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static GDateTime *
at (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (iso, utc);
}

static gint64
add (Fixture       *fixture,
     const char    *what,
     const char    *due,
     SamPlanStatus  status)
{
  g_autoptr(SamPlanAction) action = sam_plan_action_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  action->what = g_strdup (what);
  action->due = g_strdup (due);
  action->status = status;
  g_assert_true (sam_plan_add_action (fixture->store, fixture->clinic, action, NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GDate
day (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  return date;
}

static char *
whats (GPtrArray *actions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      const SamPlanAction *action = g_ptr_array_index (actions, i);

      g_string_append_printf (out, "%s%s", i ? "," : "", action->what);
    }
  return g_string_free (out, FALSE);
}

/* An action keeps what it was given, and an edit changes it in place. */
static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SamPlanAction) action = sam_plan_action_new ();
  g_autoptr(SamPlanAction) got = NULL;
  g_autoptr(GDateTime) created = at ("2026-11-24T10:00:00Z");
  g_autoptr(GDateTime) edited = at ("2026-11-25T08:30:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = 0;

  action->what = g_strdup ("Fælles frokost; om fredagen");
  action->item = g_strdup ("q7h");
  g_free (action->who);
  action->who = g_strdup ("Alle");
  action->due = g_strdup ("2027-02-01");
  g_free (action->notes);
  action->notes = g_strdup ("Spørg personalet først");
  g_assert_true (sam_plan_add_action (fixture->store, fixture->clinic, action, created, &id, &error));
  g_assert_no_error (error);

  got = sam_plan_get_action (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->clinic_id, ==, fixture->clinic);
  g_assert_cmpstr (got->what, ==, "Fælles frokost; om fredagen");
  g_assert_cmpstr (got->item, ==, "q7h");
  g_assert_null (got->domain);
  g_assert_cmpstr (got->who, ==, "Alle");
  g_assert_cmpstr (got->due, ==, "2027-02-01");
  g_assert_cmpint (got->status, ==, SAM_PLAN_STATUS_PLANNED);
  g_assert_cmpstr (got->notes, ==, "Spørg personalet først");
  g_assert_cmpint (got->source, ==, SAM_PLAN_SOURCE_HAND);
  g_assert_cmpint (got->meeting_action_id, ==, 0);
  g_assert_cmpstr (got->created, ==, "2026-11-24T10:00:00Z");

  g_clear_pointer (&got->item, g_free);
  got->domain = g_strdup ("C");
  g_clear_pointer (&got->due, g_free);
  g_assert_true (sam_plan_update_action (fixture->store, got, edited, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, sam_plan_action_free);
  got = sam_plan_get_action (fixture->store, id, &error);
  g_assert_cmpstr (got->domain, ==, "C");
  g_assert_null (got->item);
  g_assert_null (got->due);
  g_assert_cmpstr (got->created, ==, "2026-11-24T10:00:00Z");
  g_assert_cmpstr (got->updated, ==, "2026-11-25T08:30:00Z");

  /* Another clinic's plan does not hold it. */
  list = sam_plan_list_actions (fixture->store, fixture->other_clinic, NULL, SAM_PLAN_SORT_DUE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (sam_plan_delete_action (fixture->store, id, &error));
  g_assert_no_error (error);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (sam_plan_delete_action (fixture->store, id, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_plan_update_action (fixture->store, got, edited, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);

  /* An undone deletion puts back the same action. */
  g_clear_error (&error);
  g_assert_true (sam_plan_add_action (fixture->store, fixture->clinic, got, NULL, &id, &error));
  g_assert_no_error (error);
}

/* Bad input is refused with a message, and nothing is kept. */
static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  struct {
    const char *what, *item, *domain, *due;
  } cases[] = {
    { NULL, NULL, NULL, NULL },
    { "  \n", NULL, NULL, NULL },
    { "x", "q99", NULL, NULL },
    { "x", NULL, "Z", NULL },
    { "x", "q1", "A", NULL },
    { "x", NULL, NULL, "2027-02-30" },
    { "x", NULL, NULL, "1. februar" },
    { "\xff", NULL, NULL, NULL },
  };
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamPlanAction) action = sam_plan_action_new ();
      g_autoptr(GError) error = NULL;

      action->what = g_strdup (cases[i].what);
      action->item = g_strdup (cases[i].item);
      action->domain = g_strdup (cases[i].domain);
      action->due = g_strdup (cases[i].due);
      g_assert_false (sam_plan_add_action (fixture->store, fixture->clinic, action, NULL, NULL, &error));
      g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
      g_test_message ("case %u: %s", i, error->message);
    }
  {
    g_autoptr(SamPlanAction) action = sam_plan_action_new ();
    g_autoptr(GError) error = NULL;

    action->what = g_strdup ("x");
    g_assert_false (sam_plan_add_action (fixture->store, 9999, action, NULL, NULL, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  }
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

/* Every status can be reached from every other, and the change is stamped. */
static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = add (fixture, "Kort morgenmøde", "2027-01-01", SAM_PLAN_STATUS_PLANNED);
  g_autoptr(GDateTime) now = at ("2027-01-05T12:00:00Z");
  g_autoptr(GError) error = NULL;
  SamPlanStatus order[] = { SAM_PLAN_STATUS_IN_PROGRESS, SAM_PLAN_STATUS_DONE,
                            SAM_PLAN_STATUS_PLANNED, SAM_PLAN_STATUS_DROPPED,
                            SAM_PLAN_STATUS_IN_PROGRESS };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(SamPlanAction) got = NULL;
      SamPlanStatus parsed;

      g_assert_true (sam_plan_set_status (fixture->store, id, order[i], now, &error));
      g_assert_no_error (error);
      got = sam_plan_get_action (fixture->store, id, &error);
      g_assert_cmpint (got->status, ==, order[i]);
      g_assert_cmpstr (got->updated, ==, "2027-01-05T12:00:00Z");
      g_assert_true (sam_plan_status_from_string (sam_plan_status_to_string (order[i]), &parsed));
      g_assert_cmpint (parsed, ==, order[i]);
      g_assert_nonnull (sam_plan_status_get_label (order[i]));
    }
  g_assert_false (sam_plan_set_status (fixture->store, id, SAM_PLAN_N_STATUSES, now, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_plan_set_status (fixture->store, id + 1, SAM_PLAN_STATUS_DONE, now, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_cmpstr (sam_plan_status_to_string (SAM_PLAN_STATUS_IN_PROGRESS), ==, "in-progress");
}

/* Overdue: open and due before today; due today is not yet overdue; done and dropped never. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  GDate today = day ("2027-01-10");
  g_autoptr(GPtrArray) list = NULL;
  struct {
    const char    *what;
    const char    *due;
    SamPlanStatus  status;
    gboolean       overdue;
  } cases[] = {
    { "a", "2027-01-09", SAM_PLAN_STATUS_PLANNED, TRUE },
    { "b", "2026-06-01", SAM_PLAN_STATUS_IN_PROGRESS, TRUE },
    { "c", "2027-01-10", SAM_PLAN_STATUS_PLANNED, FALSE },
    { "d", "2027-01-11", SAM_PLAN_STATUS_PLANNED, FALSE },
    { "e", "2027-01-01", SAM_PLAN_STATUS_DONE, FALSE },
    { "f", "2027-01-01", SAM_PLAN_STATUS_DROPPED, FALSE },
    { "g", NULL, SAM_PLAN_STATUS_PLANNED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    add (fixture, cases[i].what, cases[i].due, cases[i].status);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const SamPlanAction *action = g_ptr_array_index (list, i);

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        if (g_str_equal (cases[j].what, action->what))
          g_assert_cmpint (sam_plan_action_is_overdue (action, &today), ==, cases[j].overdue);
    }
  g_assert_cmpuint (sam_plan_count_overdue (list, &today), ==, 2);
  today = day ("2027-01-12");
  g_assert_cmpuint (sam_plan_count_overdue (list, &today), ==, 4);
}

/* Sorted by due date (undated last) or by status; filtered by status and a due window. */
static void
test_sort_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;
  SamPlanFilter filter = { 0 };

  add (fixture, "a", "2027-03-01", SAM_PLAN_STATUS_DONE);
  add (fixture, "b", NULL, SAM_PLAN_STATUS_PLANNED);
  add (fixture, "c", "2027-01-15", SAM_PLAN_STATUS_PLANNED);
  add (fixture, "d", "2027-02-01", SAM_PLAN_STATUS_IN_PROGRESS);
  add (fixture, "e", "2027-01-15", SAM_PLAN_STATUS_DROPPED);
  add (fixture, "f", NULL, SAM_PLAN_STATUS_IN_PROGRESS);

  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  text = whats (list);
  g_assert_cmpstr (text, ==, "c,e,d,a,b,f");
  g_clear_pointer (&text, g_free);

  sam_plan_sort_actions (list, SAM_PLAN_SORT_STATUS);
  text = whats (list);
  g_assert_cmpstr (text, ==, "d,f,c,b,a,e");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.statuses = SAM_PLAN_STATUSES_OPEN;
  list = sam_plan_list_actions (fixture->store, fixture->clinic, &filter, SAM_PLAN_SORT_DUE, NULL);
  text = whats (list);
  g_assert_cmpstr (text, ==, "c,d,b,f");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.statuses = SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_DONE) | SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_DROPPED);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, &filter, SAM_PLAN_SORT_STATUS, NULL);
  text = whats (list);
  g_assert_cmpstr (text, ==, "a,e");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A due window, both ends inclusive; undated actions fall outside it. */
  filter.statuses = 0;
  filter.due_from = "2027-01-15";
  filter.due_to = "2027-02-01";
  list = sam_plan_list_actions (fixture->store, fixture->clinic, &filter, SAM_PLAN_SORT_DUE, NULL);
  text = whats (list);
  g_assert_cmpstr (text, ==, "c,e,d");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.due_from = NULL;
  filter.due_to = "2027-01-31";
  filter.statuses = SAM_PLAN_STATUSES_OPEN;
  list = sam_plan_list_actions (fixture->store, fixture->clinic, &filter, SAM_PLAN_SORT_DUE, NULL);
  text = whats (list);
  g_assert_cmpstr (text, ==, "c");
}

/* A meeting's decided actions come into the plan once; a second import adds nothing and
 * keeps what the plan changed. */
static void
test_import_meeting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SamMeetingAction decided[] = {
    { .what = (char *) "Kort morgenmøde", .who = (char *) "Sekretærerne", .due = (char *) "2027-01-01", .domain = (char *) "C" },
    { .what = (char *) "Ugentligt lægemøde", .item = (char *) "q5a" },
    { .what = (char *) "Ryd op i frokoststuen", .done = TRUE },
  };
  gint64 meeting = 0, other_meeting = 0, cluster_meeting = 0, late_action = 0;
  guint n_added = 99;

  g_assert_true (sam_meeting_store_create (fixture->store, "clinic-cooperation", fixture->clinic, 0,
                                           "2026-11-10", 7, FALSE, &meeting, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (decided); i++)
    {
      g_assert_true (sam_meeting_store_add_action (fixture->store, meeting, &decided[i], NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_true (sam_plan_import_meeting (fixture->store, fixture->clinic, meeting, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  {
    const SamPlanAction *first = g_ptr_array_index (list, 0);
    const SamPlanAction *done = g_ptr_array_index (list, 2);

    g_assert_cmpstr (first->what, ==, "Kort morgenmøde");
    g_assert_cmpstr (first->who, ==, "Sekretærerne");
    g_assert_cmpstr (first->due, ==, "2027-01-01");
    g_assert_cmpstr (first->domain, ==, "C");
    g_assert_cmpint (first->source, ==, SAM_PLAN_SOURCE_MEETING);
    g_assert_cmpint (first->meeting_action_id, >, 0);
    g_assert_cmpint (first->status, ==, SAM_PLAN_STATUS_PLANNED);
    g_assert_cmpstr (done->what, ==, "Ryd op i frokoststuen");
    g_assert_cmpint (done->status, ==, SAM_PLAN_STATUS_DONE);
    g_assert_true (sam_plan_set_status (fixture->store, first->id, SAM_PLAN_STATUS_IN_PROGRESS, NULL, NULL));
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Again: nothing new, the edit kept. Then an action decided later comes in alone. */
  g_assert_true (sam_plan_import_meeting (fixture->store, fixture->clinic, meeting, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_true (sam_meeting_store_add_action (fixture->store, meeting, &decided[1], &late_action, &error));
  g_assert_true (sam_plan_import_meeting (fixture->store, fixture->clinic, meeting, NULL, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 1);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_STATUS, NULL);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (((SamPlanAction *) g_ptr_array_index (list, 0))->status, ==, SAM_PLAN_STATUS_IN_PROGRESS);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Another clinic's meeting does not go into this plan; the cluster's meeting does. */
  g_assert_true (sam_meeting_store_create (fixture->store, "clinic-cooperation", fixture->other_clinic, 0,
                                           "2026-11-10", 4, FALSE, &other_meeting, &error));
  g_assert_false (sam_plan_import_meeting (fixture->store, fixture->clinic, other_meeting, NULL, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sam_meeting_store_create (fixture->store, "cluster-meeting", 0, fixture->cluster,
                                           "2026-12-01", 18, FALSE, &cluster_meeting, &error));
  g_assert_true (sam_meeting_store_add_action (fixture->store, cluster_meeting, &decided[0], NULL, &error));
  g_assert_true (sam_plan_import_meeting (fixture->store, fixture->clinic, cluster_meeting, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_true (sam_plan_import_meeting (fixture->store, fixture->other_clinic, cluster_meeting, NULL, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 1);

  /* The plan outlives the meeting. */
  g_assert_true (sam_meeting_store_delete (fixture->store, meeting, &error));
  g_assert_no_error (error);
  list = sam_plan_list_actions (fixture->store, fixture->clinic, NULL, SAM_PLAN_SORT_DUE, NULL);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpint (((SamPlanAction *) g_ptr_array_index (list, 0))->meeting_action_id, ==, 0);
  g_assert_cmpint (((SamPlanAction *) g_ptr_array_index (list, 0))->source, ==, SAM_PLAN_SOURCE_MEETING);
}

/* The follow-up: 6 months by default, 6 to 12 allowed, near within 30 days, then past. */
static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  GDate date, today;
  char iso[16];
  int days = 0;
  struct {
    const char       *today;
    SamFollowUpState  state;
    int               days;
  } cases[] = {
    { "2026-12-01", SAM_FOLLOW_UP_LATER, 160 },
    { "2027-04-09", SAM_FOLLOW_UP_LATER, 31 },
    { "2027-04-10", SAM_FOLLOW_UP_NEAR, 30 },
    { "2027-05-10", SAM_FOLLOW_UP_NEAR, 0 },
    { "2027-05-11", SAM_FOLLOW_UP_PAST, -1 },
    { "2028-01-01", SAM_FOLLOW_UP_PAST, -236 },
  };

  today = day ("2027-01-01");
  g_assert_cmpint (sam_plan_follow_up_state (NULL, &today, &days), ==, SAM_FOLLOW_UP_NONE);
  g_assert_null (sam_plan_get_follow_up (fixture->store, fixture->clinic, &error));
  g_assert_no_error (error);

  g_assert_true (sam_plan_follow_up_default ("2026-11-10", &date));
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  g_assert_cmpstr (iso, ==, "2027-05-10");
  /* Six months after 31 August is the last day of February. */
  g_assert_true (sam_plan_follow_up_default ("2026-08-31", &date));
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  g_assert_cmpstr (iso, ==, "2027-02-28");
  g_assert_false (sam_plan_follow_up_default ("10/11/2026", &date));

  g_assert_true (sam_plan_set_follow_up (fixture->store, fixture->clinic, "2026-11-10", NULL, &error));
  g_assert_no_error (error);
  follow_up = sam_plan_get_follow_up (fixture->store, fixture->clinic, &error);
  g_assert_cmpstr (follow_up->since, ==, "2026-11-10");
  g_assert_cmpstr (follow_up->date, ==, "2027-05-10");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      today = day (cases[i].today);
      g_assert_cmpint (sam_plan_follow_up_state (follow_up, &today, &days), ==, cases[i].state);
      g_assert_cmpint (days, ==, cases[i].days);
    }

  /* 6 to 12 months, both ends allowed. */
  g_assert_true (sam_plan_set_follow_up (fixture->store, fixture->clinic, "2026-11-10", "2027-11-10", &error));
  g_assert_true (sam_plan_set_follow_up (fixture->store, fixture->clinic, "2026-11-10", "2027-08-01", &error));
  g_assert_no_error (error);
  g_assert_false (sam_plan_set_follow_up (fixture->store, fixture->clinic, "2026-11-10", "2027-05-09", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_plan_set_follow_up (fixture->store, fixture->clinic, "2026-11-10", "2027-11-11", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_plan_set_follow_up (fixture->store, fixture->clinic, "i går", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&follow_up, sam_plan_follow_up_free);
  follow_up = sam_plan_get_follow_up (fixture->store, fixture->clinic, &error);
  g_assert_cmpstr (follow_up->date, ==, "2027-08-01");

  /* One per clinic; each clinic its own. */
  g_assert_null (sam_plan_get_follow_up (fixture->store, fixture->other_clinic, NULL));
  g_assert_true (sam_plan_clear_follow_up (fixture->store, fixture->clinic, &error));
  g_assert_null (sam_plan_get_follow_up (fixture->store, fixture->clinic, NULL));
}

/* The .ics: RFC 5545 lines ending in CRLF, text escaped, folded at 75 octets, an all-day
 * event with a stable UID. */
static void
test_ics (Fixture       *fixture,
          gconstpointer  data)
{
  SamPlanFollowUp follow_up = { 1, (char *) "2026-11-10", (char *) "2027-05-10" };
  g_autoptr(GDateTime) now = at ("2026-11-24T10:15:00+01:00");
  g_autofree char *ics = sam_plan_follow_up_to_ics (&follow_up, "Lægerne i Byen, Nord; \\A", "Klynge Syd", now);
  g_autofree char *again = sam_plan_follow_up_to_ics (&follow_up, "Lægerne i Byen, Nord; \\A", "Klynge Syd", NULL);
  g_autofree char *other = sam_plan_follow_up_to_ics (&follow_up, "Klinik 2", "Klynge Syd", now);
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) folds = NULL;
  g_autoptr(GRegex) uid = g_regex_new ("\r\nUID:(follow-up-[0-9a-f]{32}@samarbejde.kiap.org)\r\n", 0, 0, NULL);
  g_autoptr(GMatchInfo) m1 = NULL;
  g_autoptr(GMatchInfo) m2 = NULL;
  g_autoptr(GMatchInfo) m3 = NULL;
  g_autofree char *uid1 = NULL, *uid2 = NULL, *uid3 = NULL;

  g_test_message ("%s", ics);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  g_assert_true (g_str_has_suffix (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nBEGIN:VEVENT\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTSTART;VALUE=DATE:20270510\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTEND;VALUE=DATE:20270511\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTSTAMP:20261124T091500Z\r\n"));

  /* Every line ends in CRLF (no bare LF) and holds at most 75 octets. */
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");

  /* Unfolded, the summary holds the clinic escaped. */
  folds = g_strsplit (ics, "\r\n ", -1);
  g_assert_cmpuint (g_strv_length (folds), >, 1);
  unfolded = g_strjoinv ("", folds);
  g_assert_nonnull (strstr (unfolded, "\r\nSUMMARY:Follow-up of the implementation plan: "
                                      "Lægerne i Byen\\, Nord\\; \\\\A\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nDESCRIPTION:6 to 12 months have passed since the meeting of 2026-11-10."));

  /* The same clinic and date give the same UID; another clinic another. */
  g_assert_true (g_regex_match (uid, ics, 0, &m1));
  g_assert_true (g_regex_match (uid, again, 0, &m2));
  g_assert_true (g_regex_match (uid, other, 0, &m3));
  uid1 = g_match_info_fetch (m1, 1);
  uid2 = g_match_info_fetch (m2, 1);
  uid3 = g_match_info_fetch (m3, 1);
  g_assert_cmpstr (uid1, ==, uid2);
  g_assert_cmpstr (uid1, !=, uid3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan/crud", test_crud);
  ADD ("/plan/invalid", test_invalid);
  ADD ("/plan/status", test_status);
  ADD ("/plan/overdue", test_overdue);
  ADD ("/plan/sort-filter", test_sort_filter);
  ADD ("/plan/import-meeting", test_import_meeting);
  ADD ("/plan/follow-up", test_follow_up);
  ADD ("/plan/ics", test_ics);

#undef ADD

  return g_test_run ();
}
