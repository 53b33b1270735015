/* test-store-upgrade.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-meeting-store.h"
#include "test-store-common.h"

/* Files the store refuses and leaves as they are, and every older schema version it
 * upgrades. */

/* Files that must be left exactly as they are. */

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_new (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("refused: %s", error->message);

  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GString) junk = g_string_new (NULL);

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < 400; i++)
    g_string_append (junk, "this is a letter, not a database. ");
  test_write_file (fixture->path, junk->str, junk->len);
  assert_refused_untouched (fixture->path, SAM_STORE_ERROR_CORRUPT);
}

static void
test_damaged_header (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;

  create_store (fixture->path);
  sql_exec (fixture->path, "PRAGMA journal_mode = DELETE");
  bytes = test_read_file (fixture->path);
  length = g_bytes_get_size (bytes);
  contents = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  /* Damage the header's magic string. */
  memcpy (contents, "SQLite format 9", 15);
  test_write_file (fixture->path, contents, length);
  g_free (contents);

  assert_refused_untouched (fixture->path, SAM_STORE_ERROR_CORRUPT);
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_mkdir_with_parents (dir, 0700);
  sql_exec (fixture->path, "CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('x');");
  assert_refused_untouched (fixture->path, SAM_STORE_ERROR_CORRUPT);

  sql_exec (fixture->path, "PRAGMA application_id = 1234");
  assert_refused_untouched (fixture->path, SAM_STORE_ERROR_CORRUPT);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  create_store (fixture->path);
  sql_exec (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  assert_refused_untouched (fixture->path, SAM_STORE_ERROR_NEWER_VERSION);
}

static void
test_directory_instead_of_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;

  g_mkdir_with_parents (fixture->path, 0700);
  store = sam_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN);
}

/* Every schema version that has landed upgrades to the newest, with a backup first. */

static void
load_fixture (const char *fixture_name,
              const char *path)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture_name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, NULL));
  g_mkdir_with_parents (dir, 0700);
  sql_exec (path, sql);
}

static void
test_upgrade_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  SamStoreSummary summary = { 0 };
  const char *backup;

  load_fixture ("schema-v1.sql", fixture->path);
  store = open_store (fixture->path);

  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);

  /* The data is all there. */
  g_assert_true (sam_store_get_summary (store, &summary, NULL));
  g_assert_cmpuint (summary.n_clusters, ==, 1);
  g_assert_cmpuint (summary.n_clinics, ==, 2);
  g_assert_cmpuint (summary.n_rounds, ==, 1);
  g_assert_cmpuint (summary.n_respondents, ==, 3);
  g_assert_cmpuint (summary.n_answers, ==, 6);
  g_assert_cmpint (sam_store_get_min_group_size (store), ==, 4);
  g_assert_cmpint (sam_store_get_own_clinic (store), ==, 2);
  clinics = sam_store_list_clinics (store, NULL);
  g_assert_cmpstr (((SamClinic *) g_ptr_array_index (clinics, 1))->name, ==, "Lægerne i Byen");

  /* The new table works. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM respondents WHERE import_id IS NULL"), ==, 3);

  /* A private copy of version 1 lies beside the file. */
  backup = sam_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, fixture->path));
  g_assert_cmpint (test_file_mode (backup), ==, 0600);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM answers"), ==, 6);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM sqlite_master WHERE name = 'imports'"), ==, 0);

  /* Opening the upgraded file again changes nothing and writes no new backup. */
  g_clear_object (&store);
  store = open_store (fixture->path);
  g_assert_null (sam_store_get_backup_path (store));
}

static char *
dump_schema (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Every fixture (one per schema version that has landed) opens with the newest version:
 * the same schema as a new database, and every row kept. */
static void
test_upgrade_every_fixture (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *tables[] = { "settings", "clusters", "clinics", "rounds", "round_clinics",
                           "respondents", "answers", "imports", "meetings", "meeting_actions",
                           "plan_actions", "plan_follow_ups", "reflections", "sent_tallies",
                           "meeting_ballots", "meeting_votes", "meeting_answers" };
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GDir) dir = g_dir_open (fixtures, 0, NULL);
  const char *name;
  guint n_fixtures = 0;

  create_store (fresh_path);
  fresh_schema = dump_schema (fresh_path);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *schema = NULL;
      gint64 before[G_N_ELEMENTS (tables)];
      g_autoptr(SamStore) store = NULL;

      if (!g_str_has_prefix (name, "schema-v") || !g_str_has_suffix (name, ".sql"))
        continue;
      n_fixtures++;
      g_test_message ("fixture %s", name);
      path = g_build_filename (fixture->dir, name, NULL);
      load_fixture (name, path);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *exists = g_strdup_printf ("SELECT count(*) FROM sqlite_master"
                                                     " WHERE type = 'table' AND name = '%s'",
                                                     tables[i]);
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

          /* A table newer than the fixture starts empty. */
          before[i] = sql_int (path, exists) ? sql_int (path, sql) : 0;
        }

      store = open_store (path);
      g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
      g_clear_object (&store);

      schema = dump_schema (path);
      g_assert_cmpstr (schema, ==, fresh_schema);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

          g_assert_cmpint (sql_int (path, sql), ==, before[i]);
        }
    }

  /* A new schema version comes with its fixture. */
  g_assert_cmpuint (n_fixtures, ==, SAM_STORE_SCHEMA_VERSION);
}

/* Version 3 to 4: the plan's and the journal's tables come empty, the meetings stay, and
 * the plan's link to a meeting's action holds in the version 4 fixture. */
static void
test_upgrade_v3 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autofree char *v4_path = g_build_filename (fixture->dir, "v4.db", NULL);
  const char *backup;

  load_fixture ("schema-v3.sql", fixture->path);
  store = open_store (fixture->path);

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_actions"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM plan_actions"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM plan_follow_ups"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM reflections"), ==, 0);

  backup = sam_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM sqlite_master WHERE name = 'plan_actions'"), ==, 0);

  /* The version 4 fixture keeps the plan's link to the meeting's action. */
  g_clear_object (&store);
  load_fixture ("schema-v4.sql", v4_path);
  store = open_store (v4_path);
  g_assert_cmpint (sql_int (v4_path, "SELECT meeting_action_id FROM plan_actions"
                                     " WHERE source = 'meeting'"), ==, 1);

  /* A clinic with only a plan is in use, and tidying clinics leaves it. */
  sql_exec (v4_path, "INSERT INTO clinics (id, cluster_id, code, name)"
                     " VALUES (9, 1, 'Klinik 9', NULL);"
                     "INSERT INTO plan_follow_ups VALUES (9, '2026-11-10', '2027-05-10');");
  g_assert_true (sam_store_delete_clinic_if_unused (store, 9, NULL));
  g_assert_cmpint (sql_int (v4_path, "SELECT count(*) FROM clinics WHERE id = 9"), ==, 1);
}

/* Version 4 to 5: rounds take their publication's k; the cluster's figures a clinic took
 * in before are kept as received, with the saved minimum group size as their k. The
 * version 5 fixture keeps its publication's k. */
static void
test_upgrade_v4 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autofree char *v5_path = g_build_filename (fixture->dir, "v5.db", NULL);
  g_autoptr(SamRound) round = NULL;

  load_fixture ("schema-v4.sql", fixture->path);
  store = open_store (fixture->path);
  g_assert_nonnull (sam_store_get_backup_path (store));
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM rounds WHERE published_k IS NOT NULL"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT round_id FROM received_figures"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT k FROM received_figures"), ==, 5);
  round = sam_store_get_round (store, 1, NULL);
  g_assert_cmpint (round->received_k, ==, 5);
  g_assert_true (sam_round_can_publish (round));
  g_clear_pointer (&round, sam_round_free);

  g_clear_object (&store);
  load_fixture ("schema-v5.sql", v5_path);
  store = open_store (v5_path);
  round = sam_store_get_round (store, 1, NULL);
  g_assert_cmpint (round->published_k, ==, 5);
  g_assert_cmpint (sql_int (v5_path, "SELECT count(*) FROM sent_tallies"), ==, 1);
}

/* Version 5 to 6: each clinic gets its kind where the roles of its answers make it clear
 * (Klinik 1 has a partner, Klinik 2 one solo doctor), and stays unset otherwise (Klinik 3
 * has no answers); the backup is of version 5. The version 6 fixture keeps its kinds. */
static void
test_upgrade_v5 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autofree char *v6_path = g_build_filename (fixture->dir, "v6.db", NULL);
  g_autoptr(GPtrArray) clinics = NULL;
  const char *backup;

  load_fixture ("schema-v5.sql", fixture->path);
  store = open_store (fixture->path);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  backup = sam_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (sam_store_get_clinic_kind (store, 1), ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (sam_store_get_clinic_kind (store, 2), ==, SAM_CLINIC_KIND_SOLO);
  g_assert_cmpint (sam_store_get_clinic_kind (store, 3), ==, SAM_CLINIC_KIND_UNKNOWN);
  clinics = sam_store_list_clinics (store, NULL);
  g_assert_cmpuint (clinics->len, ==, 3);
  g_assert_cmpint (((SamClinic *) g_ptr_array_index (clinics, 1))->kind, ==, SAM_CLINIC_KIND_SOLO);
  g_assert_cmpstr (((SamClinic *) g_ptr_array_index (clinics, 1))->name, ==, "Lægerne i Byen");
  /* The kind can be set after the upgrade. */
  g_assert_true (sam_store_set_clinic_kind (store, 3, SAM_CLINIC_KIND_PARTNERSHIP, NULL));
  g_assert_cmpint (sam_store_get_clinic_kind (store, 3), ==, SAM_CLINIC_KIND_PARTNERSHIP);

  g_clear_object (&store);
  load_fixture ("schema-v6.sql", v6_path);
  store = open_store (v6_path);
  /* Version 6 is upgraded in its turn (test_upgrade_v6()); the kinds stay. */
  g_assert_cmpint (sql_int (v6_path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sam_store_get_clinic_kind (store, 1), ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (sam_store_get_clinic_kind (store, 3), ==, SAM_CLINIC_KIND_UNKNOWN);
}

/* Version 6 to 7: the tables of votes and answers from phones come empty, the meetings and
 * their notes stay, and votes can be counted after the upgrade; the backup is of version
 * 6. The version 7 fixture keeps its counts: the votes of a step with three ballots show
 * at k = 3, and its answers are listed by question and text, with their counts. */
static void
test_upgrade_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autofree char *v7_path = g_build_filename (fixture->dir, "v7.db", NULL);
  g_autoptr(GArray) votes = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 red[] = { 2 };
  const gint64 green[] = { 1 };
  const char *backup;
  guint ballots = 0;

  load_fixture ("schema-v6.sql", fixture->path);
  store = open_store (fixture->path);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  backup = sam_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_cards"), ==, 2);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_ballots"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_votes"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM meeting_answers"), ==, 0);
  /* The cooperation meeting's "discussion" picks a red note to talk about. */
  g_assert_true (sam_meeting_store_add_ballot (store, 1, "discussion", red, 1, &error));
  g_assert_no_error (error);
  g_assert_false (sam_meeting_store_add_ballot (store, 1, "discussion", green, 1, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  votes = sam_meeting_store_get_votes (store, 1, "discussion", 1, &ballots, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ballots, ==, 1);
  g_assert_cmpuint (votes->len, ==, 1);
  g_clear_pointer (&votes, g_array_unref);

  g_clear_object (&store);
  load_fixture ("schema-v7.sql", v7_path);
  store = open_store (v7_path);
  g_assert_null (sam_store_get_backup_path (store));
  votes = sam_meeting_store_get_votes (store, 1, "discussion", 3, &ballots, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ballots, ==, 3);
  g_assert_cmpuint (votes->len, ==, 1);
  g_assert_cmpint (g_array_index (votes, SamMeetingVote, 0).card_id, ==, 2);
  g_assert_cmpuint (g_array_index (votes, SamMeetingVote, 0).votes, ==, 2);
  answers = sam_meeting_store_list_answers (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 3);
  g_assert_cmpstr (((SamMeetingAnswer *) g_ptr_array_index (answers, 1))->text, ==, "Tid til hinanden");
  g_assert_cmpuint (((SamMeetingAnswer *) g_ptr_array_index (answers, 1))->count, ==, 2);
  g_assert_cmpuint (((SamMeetingAnswer *) g_ptr_array_index (answers, 2))->question, ==, 2);
}

static void
test_failed_upgrade_changes_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;

  load_fixture ("schema-v1.sql", fixture->path);
  /* A table in the way makes the upgrade to version 2 fail half way. */
  sql_exec (fixture->path, "CREATE INDEX respondents_by_import ON respondents (role);");

  store = sam_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED);
  g_test_message ("refused: %s", error->message);

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name = 'imports'"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM answers"), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/refuse/not-a-database", test_not_a_database);
  ADD ("/store/refuse/damaged-header", test_damaged_header);
  ADD ("/store/refuse/foreign-database", test_foreign_database);
  ADD ("/store/refuse/newer-version", test_newer_version);
  ADD ("/store/refuse/directory", test_directory_instead_of_file);
  ADD ("/store/upgrade/v1", test_upgrade_v1);
  ADD ("/store/upgrade/v3", test_upgrade_v3);
  ADD ("/store/upgrade/v4", test_upgrade_v4);
  ADD ("/store/upgrade/v5", test_upgrade_v5);
  ADD ("/store/upgrade/v6", test_upgrade_v6);
  ADD ("/store/upgrade/every-fixture", test_upgrade_every_fixture);
  ADD ("/store/upgrade/failure-changes-nothing", test_failed_upgrade_changes_nothing);

#undef ADD

  return g_test_run ();
}
