/* test-meeting-store.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sam-meeting-store.h"
#include "test-common.h"
#include "test-sqlite-common.h"

typedef struct
{
  char     *dir;
  char     *path;
  SamStore *store;
  gint64    cluster;
  gint64    clinic;
} Fixture;

static SamStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = open_store (fixture->path);
  sam_store_ensure_cluster (fixture->store, "Klynge Syd", &fixture->cluster, &error);
  g_assert_no_error (error);
  sam_store_ensure_clinic (fixture->store, fixture->cluster, "Klinik 1", NULL, &fixture->clinic, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
create_clinic_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (sam_meeting_store_create (fixture->store, "clinic-wellbeing", fixture->clinic, 0,
                                           "2026-11-24", 9, FALSE, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_invalid (GError     *error,
                const char *message)
{
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static void
test_meetings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 24, 8, 0, 0);
  g_autoptr(GDateTime) end_local = NULL;
  g_autoptr(GTimeZone) copenhagen = g_time_zone_new_identifier ("+01:00");
  gint64 clinic_meeting, cluster_meeting = 0;

  clinic_meeting = create_clinic_meeting (fixture);
  g_assert_true (sam_meeting_store_create (fixture->store, "cluster-meeting", 0, fixture->cluster,
                                           "2026-12-01", 24, TRUE, &cluster_meeting, &error));
  g_assert_no_error (error);

  meeting = sam_meeting_store_get (fixture->store, clinic_meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (meeting->template_id, ==, "clinic-wellbeing");
  g_assert_cmpint (meeting->clinic_id, ==, fixture->clinic);
  g_assert_cmpint (meeting->cluster_id, ==, 0);
  g_assert_cmpstr (meeting->date, ==, "2026-11-24");
  g_assert_cmpuint (meeting->participants, ==, 9);
  g_assert_false (meeting->earlier_round);
  g_assert_null (meeting->started);
  g_assert_null (meeting->ended);

  /* Started and ended are kept in UTC, whatever zone they were given in. */
  g_assert_true (sam_meeting_store_set_started (fixture->store, clinic_meeting, start, &error));
  end_local = g_date_time_new (copenhagen, 2026, 11, 24, 9, 47, 0);
  g_assert_true (sam_meeting_store_set_ended (fixture->store, clinic_meeting, end_local, &error));
  g_assert_no_error (error);
  g_clear_pointer (&meeting, sam_meeting_free);
  meeting = sam_meeting_store_get (fixture->store, clinic_meeting, &error);
  g_assert_cmpstr (meeting->started, ==, "2026-11-24T08:00:00Z");
  g_assert_cmpstr (meeting->ended, ==, "2026-11-24T08:47:00Z");

  /* The newest first. */
  list = sam_meeting_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SamMeeting *) g_ptr_array_index (list, 0))->id, ==, cluster_meeting);
  g_assert_cmpint (((SamMeeting *) g_ptr_array_index (list, 0))->cluster_id, ==, fixture->cluster);
  g_assert_true (((SamMeeting *) g_ptr_array_index (list, 0))->earlier_round);

  /* A clinic with a meeting is not "unused". */
  g_assert_true (sam_store_delete_clinic_if_unused (fixture->store, fixture->clinic, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM clinics"), ==, 1);

  g_assert_true (sam_meeting_store_delete (fixture->store, cluster_meeting, &error));
  g_assert_false (sam_meeting_store_delete (fixture->store, cluster_meeting, &error));
  assert_invalid (error, "no longer exists");
  g_clear_error (&error);
  g_assert_null (sam_meeting_store_get (fixture->store, cluster_meeting, &error));
  assert_invalid (error, "no longer exists");
}

static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *template_id;
    gboolean    clinic;
    gboolean    cluster;
    const char *date;
    const char *message;
  } cases[] = {
    { "no-such-template", TRUE, FALSE, "2026-11-24", "“no-such-template” is not a meeting template" },
    { NULL, TRUE, FALSE, "2026-11-24", "is not a meeting template" },
    { "clinic-wellbeing", TRUE, TRUE, "2026-11-24", "either in a clinic or in the cluster" },
    { "clinic-wellbeing", FALSE, FALSE, "2026-11-24", "either in a clinic or in the cluster" },
    { "clinic-wellbeing", FALSE, TRUE, "2026-11-24", "is held in a clinic, not in the cluster" },
    { "cluster-meeting", TRUE, FALSE, "2026-11-24", "is held in the cluster, not in a clinic" },
    { "clinic-wellbeing", TRUE, FALSE, "24-11-2026", "“24-11-2026” is not a date" },
    { "clinic-wellbeing", TRUE, FALSE, "2026-02-30", "is not a date" },
    { "clinic-wellbeing", TRUE, FALSE, NULL, "is not a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (sam_meeting_store_create (fixture->store, cases[i].template_id,
                                                cases[i].clinic ? fixture->clinic : 0,
                                                cases[i].cluster ? fixture->cluster : 0,
                                                cases[i].date, 5, FALSE, NULL, &error));
      assert_invalid (error, cases[i].message);
    }
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_false (sam_store_in_transaction (fixture->store));
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gint64 meeting = create_clinic_meeting (fixture);
  SamMeetingNote *note;

  /* Saved as typed: each save replaces the step's text. */
  g_assert_true (sam_meeting_store_set_note (fixture->store, meeting, "decide", "Fæl", &error));
  g_assert_true (sam_meeting_store_set_note (fixture->store, meeting, "decide",
                                             "Fælles frokost om torsdagen.\nAnne spørger de andre.", &error));
  g_assert_true (sam_meeting_store_set_note (fixture->store, meeting, "introduction", "Alle 9 med", &error));
  g_assert_true (sam_meeting_store_set_note (fixture->store, meeting, "round", "  ", &error));
  g_assert_no_error (error);

  /* In the order of the template's steps, not of typing. */
  notes = sam_meeting_store_list_notes (fixture->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (note->step, ==, "introduction");
  note = g_ptr_array_index (notes, 1);
  g_assert_cmpstr (note->step, ==, "decide");
  g_assert_cmpstr (note->text, ==, "Fælles frokost om torsdagen.\nAnne spørger de andre.");
  g_assert_true (g_str_has_suffix (note->updated, "Z"));

  /* Emptied, the note goes. */
  g_assert_true (sam_meeting_store_set_note (fixture->store, meeting, "introduction", "", &error));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = sam_meeting_store_list_notes (fixture->store, meeting, &error);
  g_assert_cmpuint (notes->len, ==, 1);

  /* A step of another template, a meeting that is gone, text that is not UTF-8. */
  g_assert_false (sam_meeting_store_set_note (fixture->store, meeting, "block-1-plenum", "x", &error));
  assert_invalid (error, "“block-1-plenum” is not a step of this meeting");
  g_clear_error (&error);
  g_assert_false (sam_meeting_store_set_note (fixture->store, meeting + 100, "decide", "x", &error));
  assert_invalid (error, "The meeting no longer exists");
  g_clear_error (&error);
  g_assert_false (sam_meeting_store_set_note (fixture->store, meeting, "decide", "\xff\xfe", &error));
  assert_invalid (error, "not valid UTF-8");
  g_clear_error (&error);
  g_assert_false (sam_store_in_transaction (fixture->store));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_notes"), ==, 1);
}

static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  gint64 meeting = create_clinic_meeting (fixture);
  gint64 green = 0, red = 0;
  SamMeetingCard *card;

  g_assert_true (sam_meeting_store_add_card (fixture->store, meeting, "notes", SAM_MEETING_CARD_GREEN,
                                             "Vi griner meget sammen", NULL, &green, &error));
  g_assert_true (sam_meeting_store_add_card (fixture->store, meeting, "notes", SAM_MEETING_CARD_RED,
                                             "Telefonen om morgenen", "tasks", &red, &error));
  g_assert_no_error (error);

  /* Sorted, resorted and unsorted again. */
  g_assert_true (sam_meeting_store_set_card_category (fixture->store, green, "breaks", &error));
  g_assert_true (sam_meeting_store_set_card_category (fixture->store, green, "tone", &error));
  g_assert_true (sam_meeting_store_set_card_category (fixture->store, red, NULL, &error));
  g_assert_no_error (error);

  cards = sam_meeting_store_list_cards (fixture->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpint (card->id, ==, green);
  g_assert_cmpstr (card->step, ==, "notes");
  g_assert_cmpint (card->colour, ==, SAM_MEETING_CARD_GREEN);
  g_assert_cmpstr (card->text, ==, "Vi griner meget sammen");
  g_assert_cmpstr (card->category, ==, "tone");
  card = g_ptr_array_index (cards, 1);
  g_assert_cmpint (card->colour, ==, SAM_MEETING_CARD_RED);
  g_assert_null (card->category);

  /* Refused: a category of another template, an empty note, a note that is gone. */
  g_assert_false (sam_meeting_store_set_card_category (fixture->store, green, "cohesion", &error));
  assert_invalid (error, "“cohesion” is not a category of this meeting");
  g_clear_error (&error);
  g_assert_false (sam_meeting_store_add_card (fixture->store, meeting, "notes", SAM_MEETING_CARD_RED,
                                              " \n", NULL, NULL, &error));
  assert_invalid (error, "A note needs some text");
  g_clear_error (&error);
  g_assert_false (sam_meeting_store_add_card (fixture->store, meeting, "notes", SAM_MEETING_CARD_RED,
                                              "x", "values", NULL, &error));
  assert_invalid (error, "not a category of this meeting");
  g_clear_error (&error);
  g_assert_true (sam_meeting_store_delete_card (fixture->store, red, &error));
  g_assert_false (sam_meeting_store_set_card_category (fixture->store, red, "tasks", &error));
  assert_invalid (error, "The note no longer exists");
  g_clear_error (&error);
  g_assert_false (sam_store_in_transaction (fixture->store));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_cards"), ==, 1);
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  gint64 meeting = create_clinic_meeting (fixture);
  gint64 first = 0, second = 0, later = 0;
  SamMeetingAction lunch = { 0 }, feedback = { 0 }, undated = { 0 };
  SamMeetingAction *action;

  lunch.step = (char *) "decide";
  lunch.what = (char *) "Fælles frokost om torsdagen";
  lunch.who = (char *) "Anne";
  lunch.due = (char *) "2027-01-15";
  lunch.item = (char *) "q6b";
  g_assert_true (sam_meeting_store_add_action (fixture->store, meeting, &lunch, &first, &error));
  feedback.what = (char *) "Feedback efter hver konsultation med uddannelseslægen";
  feedback.due = (char *) "2026-12-20";
  feedback.domain = (char *) "C";
  g_assert_true (sam_meeting_store_add_action (fixture->store, meeting, &feedback, &second, &error));
  undated.what = (char *) "Tale om pauser igen";
  g_assert_true (sam_meeting_store_add_action (fixture->store, meeting, &undated, &later, &error));
  g_assert_no_error (error);

  actions = sam_meeting_store_list_actions (fixture->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 3);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpint (action->id, ==, first);
  g_assert_cmpint (action->meeting_id, ==, meeting);
  g_assert_cmpstr (action->step, ==, "decide");
  g_assert_cmpstr (action->who, ==, "Anne");
  g_assert_cmpstr (action->due, ==, "2027-01-15");
  g_assert_cmpstr (action->item, ==, "q6b");
  g_assert_null (action->domain);
  g_assert_false (action->done);
  action = g_ptr_array_index (actions, 1);
  g_assert_null (action->step);
  g_assert_cmpstr (action->who, ==, "");
  g_assert_cmpstr (action->domain, ==, "C");

  /* Done, and changed. */
  lunch.id = first;
  lunch.done = TRUE;
  lunch.who = (char *) "Anne og Bo";
  g_assert_true (sam_meeting_store_update_action (fixture->store, &lunch, &error));
  g_assert_no_error (error);

  /* For the clinic's implementation plan: the soonest due first, undated last. */
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = sam_meeting_store_list_clinic_actions (fixture->store, fixture->clinic, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 3);
  g_assert_cmpint (((SamMeetingAction *) g_ptr_array_index (actions, 0))->id, ==, second);
  action = g_ptr_array_index (actions, 1);
  g_assert_cmpint (action->id, ==, first);
  g_assert_true (action->done);
  g_assert_cmpstr (action->who, ==, "Anne og Bo");
  g_assert_cmpint (((SamMeetingAction *) g_ptr_array_index (actions, 2))->id, ==, later);

  g_assert_true (sam_meeting_store_delete_action (fixture->store, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_actions"), ==, 2);
}

static void
test_actions_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *step;
    const char *what;
    const char *due;
    const char *item;
    const char *domain;
    const char *message;
  } cases[] = {
    { NULL, NULL, NULL, NULL, NULL, "An action needs to say what is to be done" },
    { NULL, "   ", NULL, NULL, NULL, "An action needs to say what is to be done" },
    { "block-3-plan", "x", NULL, NULL, NULL, "“block-3-plan” is not a step of this meeting" },
    { NULL, "x", "next week", NULL, NULL, "“next week” is not a date" },
    { NULL, "x", NULL, "q11", NULL, "“q11” is not an item of the questionnaire" },
    { NULL, "x", NULL, NULL, "E", "“E” is not a domain of the questionnaire" },
    { NULL, "x", NULL, "q7c", "C", "an item or a domain, not both" },
  };
  gint64 meeting = create_clinic_meeting (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      SamMeetingAction action = { 0 };

      g_test_message ("case %u", i);
      action.step = (char *) cases[i].step;
      action.what = (char *) cases[i].what;
      action.due = (char *) cases[i].due;
      action.item = (char *) cases[i].item;
      action.domain = (char *) cases[i].domain;
      g_assert_false (sam_meeting_store_add_action (fixture->store, meeting, &action, NULL, &error));
      assert_invalid (error, cases[i].message);
      g_clear_error (&error);
      action.id = 12345;
      g_assert_false (sam_meeting_store_update_action (fixture->store, &action, &error));
      g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    }
  g_assert_false (sam_store_in_transaction (fixture->store));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_actions"), ==, 0);
}

/* Deleting a meeting takes its notes, green and red notes and actions with it; deleting
 * the cluster takes its clinics' meetings. */
static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamMeetingAction action = { 0 };
  gint64 meeting = create_clinic_meeting (fixture);
  gint64 other = create_clinic_meeting (fixture);

  action.what = (char *) "Noget";
  sam_meeting_store_set_note (fixture->store, meeting, "round", "noter", &error);
  sam_meeting_store_add_card (fixture->store, meeting, "notes", SAM_MEETING_CARD_GREEN, "godt", NULL, NULL, &error);
  sam_meeting_store_add_action (fixture->store, meeting, &action, NULL, &error);
  sam_meeting_store_add_action (fixture->store, other, &action, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (sam_meeting_store_delete (fixture->store, meeting, &error));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_notes"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_cards"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_actions"), ==, 1);

  g_clear_object (&fixture->store);
  sql_exec (fixture->path, "PRAGMA foreign_keys = ON; DELETE FROM clusters;");
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_actions"), ==, 0);
}

/* Each write is one transaction: inside a caller's transaction it is a savepoint, and
 * the caller's rollback takes it back. */
static void
test_inside_transaction (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = create_clinic_meeting (fixture);

  g_assert_true (sam_store_begin (fixture->store, &error));
  g_assert_true (sam_meeting_store_set_note (fixture->store, meeting, "round", "kladde", &error));
  g_assert_false (sam_meeting_store_set_note (fixture->store, meeting, "nowhere", "x", &error));
  g_clear_error (&error);
  g_assert_true (sam_store_in_transaction (fixture->store));
  sam_store_rollback (fixture->store);
  g_assert_false (sam_store_in_transaction (fixture->store));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_notes"), ==, 0);
}

/* A database of version 2 opens as version 3 with a backup first, keeps its data and
 * takes meetings. */
static void
test_upgrade_v2 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v2.sql", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "v2.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  SamStoreSummary summary = { 0 };
  const char *backup;
  gint64 meeting = 0;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, NULL));
  sql_exec (path, sql);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 2);

  store = open_store (path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_true (sam_store_get_summary (store, &summary, NULL));
  g_assert_cmpuint (summary.n_clinics, ==, 3);
  g_assert_cmpuint (summary.n_answers, ==, 4);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM drafts"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM meetings"), ==, 0);

  backup = sam_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_cmpint (test_file_mode (backup), ==, 0600);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM sqlite_master WHERE name = 'meetings'"), ==, 0);

  /* The fixture's clinic 2 holds a meeting now; it is no longer unused. */
  g_assert_true (sam_meeting_store_create (store, "doctors-leadership", 2, 0, "2026-11-30", 3, FALSE,
                                           &meeting, &error));
  g_assert_true (sam_meeting_store_set_note (store, meeting, "round", "Godt at tale om", &error));
  g_assert_no_error (error);
  notes = sam_meeting_store_list_notes (store, meeting, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_true (sam_store_delete_clinic_if_unused (store, 2, &error));
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM clinics WHERE id = 2"), ==, 1);
}

/* The fixture of version 3 holds a meeting of each kind of data; it reads as it was. */
static void
test_fixture_v3 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v3.sql", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "v3.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  SamMeeting *meeting;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, NULL));
  sql_exec (path, sql);
  store = open_store (path);
  /* A newer schema upgrades it behind a backup; either way the meetings read as they were. */
  g_assert_cmpint (sam_store_get_backup_path (store) != NULL, ==, SAM_STORE_SCHEMA_VERSION > 3);

  meetings = sam_meeting_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  meeting = g_ptr_array_index (meetings, 0);
  g_assert_cmpstr (meeting->template_id, ==, "cluster-meeting");
  g_assert_true (meeting->earlier_round);
  meeting = g_ptr_array_index (meetings, 1);
  g_assert_cmpstr (meeting->template_id, ==, "clinic-cooperation");
  g_assert_cmpstr (meeting->ended, ==, "2026-11-10T13:45:00Z");

  notes = sam_meeting_store_list_notes (store, meeting->id, &error);
  cards = sam_meeting_store_list_cards (store, meeting->id, &error);
  actions = sam_meeting_store_list_clinic_actions (store, meeting->clinic_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((SamMeetingAction *) g_ptr_array_index (actions, 0))->domain, ==, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/meeting-store/meetings", test_meetings);
  ADD ("/meeting-store/create-refused", test_create_refused);
  ADD ("/meeting-store/notes", test_notes);
  ADD ("/meeting-store/cards", test_cards);
  ADD ("/meeting-store/actions", test_actions);
  ADD ("/meeting-store/actions-refused", test_actions_refused);
  ADD ("/meeting-store/cascade", test_cascade);
  ADD ("/meeting-store/inside-transaction", test_inside_transaction);
  ADD ("/meeting-store/upgrade-v2", test_upgrade_v2);
  ADD ("/meeting-store/fixture-v3", test_fixture_v3);

#undef ADD

  return g_test_run ();
}
