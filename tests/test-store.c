/* test-store.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-backups.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-paths.h"
#include "test-store-common.h"

/* The database in use: its settings, rounds, names, clinics, backups and other writers.
 * Files it refuses and older versions it upgrades are in test-store-upgrade.c. */

static void
test_count_call (guint *count)
{
  (*count)++;
}

static void
test_create_private (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autofree char *parent = g_path_get_dirname (fixture->path);
  SamStoreSummary summary = { 99 };

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (test_file_mode (fixture->path), ==, 0600);
  g_assert_cmpint (test_file_mode (parent), ==, 0700);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA application_id"), ==, 0x53414D42);
  g_assert_null (sam_store_get_backup_path (store));

  g_assert_true (sam_store_get_summary (store, &summary, NULL));
  g_assert_cmpuint (summary.n_clusters, ==, 0);
  g_assert_cmpuint (summary.n_respondents, ==, 0);
  g_assert_true (sam_store_is_empty (store));
}

static void
test_default_location (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *demo = NULL;

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  path = sam_paths_get_default_database ();
  demo = sam_paths_get_demo_database ();
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_str_has_suffix (path, "/samarbejde/samarbejde.db"));
  g_assert_true (g_str_has_suffix (demo, "/samarbejde/demo.db"));
  g_assert_cmpstr (path, !=, demo);
  test_rm_rf (dir);
}

static void
test_wal_and_foreign_keys (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sql_int (fixture->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
  /* A clinic in a cluster that does not exist is refused by the foreign key. */
  g_assert_false (sam_store_ensure_clinic (store, 42, "Klinik 1", NULL, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 cluster, clinic;

  g_assert_cmpint (sam_store_get_min_group_size (store), ==, 3);
  g_assert_true (sam_store_set_min_group_size (store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_get_min_group_size (store), ==, 2);
  g_assert_false (sam_store_set_min_group_size (store, 0, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_set_min_group_size (store, 11, &error));
  g_clear_error (&error);
  g_assert_cmpint (sam_store_get_min_group_size (store), ==, 2);

  g_assert_cmpint (sam_store_get_own_clinic (store), ==, 0);
  g_assert_false (sam_store_set_own_clinic (store, 7, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sam_store_ensure_cluster (store, "Klynge Nord", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 5", NULL, &clinic, &error));
  g_assert_true (sam_store_set_own_clinic (store, clinic, &error));
  g_assert_no_error (error);

  /* The settings travel with the data file. */
  g_clear_object (&store);
  store = open_store (fixture->path);
  g_assert_cmpint (sam_store_get_min_group_size (store), ==, 2);
  g_assert_cmpint (sam_store_get_own_clinic (store), ==, clinic);
  g_assert_true (sam_store_set_own_clinic (store, 0, &error));
  g_assert_cmpint (sam_store_get_own_clinic (store), ==, 0);
}

static void
count_changed (SamStore *store,
               guint    *count)
{
  (*count)++;
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (sam_store_begin (store, &error));
  g_assert_true (sam_store_ensure_cluster (store, "Gone", NULL, &error));
  sam_store_rollback (store);
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (sam_store_begin (store, &error));
  g_assert_true (sam_store_ensure_cluster (store, "Kept", NULL, &error));
  g_assert_true (sam_store_begin (store, &error));
  g_assert_true (sam_store_ensure_cluster (store, "Inner", NULL, &error));
  sam_store_rollback (store);
  g_assert_true (sam_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  clusters = sam_store_list_clusters (store, &error);
  g_assert_cmpuint (clusters->len, ==, 1);
  g_assert_cmpstr (((SamCluster *) g_ptr_array_index (clusters, 0))->name, ==, "Kept");

  /* Names are trimmed, and the same name finds the same cluster. */
  {
    gint64 a, b;

    g_assert_true (sam_store_ensure_cluster (store, "  Kept ", &a, &error));
    g_assert_true (sam_store_ensure_cluster (store, "Kept", &b, &error));
    g_assert_cmpint (a, ==, b);
    g_assert_false (sam_store_ensure_cluster (store, "   ", NULL, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  }
}

static void
test_rounds (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  gint64 cluster, round;

  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, &error));
  g_assert_true (sam_store_create_round (store, cluster, "Baseline 2026", "2026-02-01", &round, &error));
  g_assert_false (sam_store_create_round (store, cluster, "Baseline 2026", "2026-03-01", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (sam_store_create_round (store, cluster, "Later", "2026-02-30", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sam_store_create_round (store, cluster, "Opfølgning 2027", "2027-02-01", NULL, &error));

  rounds = sam_store_list_rounds (store, &error);
  g_assert_cmpuint (rounds->len, ==, 2);
  g_assert_cmpstr (((SamRound *) g_ptr_array_index (rounds, 0))->label, ==, "Opfølgning 2027");
  g_assert_cmpstr (((SamRound *) g_ptr_array_index (rounds, 1))->date, ==, "2026-02-01");
  g_assert_false (sam_store_is_empty (store));

  g_assert_true (sam_store_set_round_closed (store, round, TRUE, &error));
  g_assert_false (sam_store_set_round_closed (store, 999, TRUE, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sam_store_set_round_closed (store, round, FALSE, &error));

  /* The clinics taking part, and how many each invited: the response rate's base. */
  {
    g_autoptr(GPtrArray) clinics = NULL;
    g_autoptr(GPtrArray) again = NULL;
    gint64 a, b;
    SamRoundClinic *first;

    g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 2", NULL, &b, NULL));
    g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &a, NULL));
    g_assert_true (sam_store_add_round_clinic (store, round, a, 6, &error));
    g_assert_true (sam_store_add_round_clinic (store, round, b, -1, &error));
    g_assert_true (sam_store_add_round_clinic (store, round, b, 4, &error));
    clinics = sam_store_list_round_clinics (store, round, &error);
    g_assert_cmpuint (clinics->len, ==, 2);
    first = g_ptr_array_index (clinics, 0);
    g_assert_cmpstr (first->code, ==, "Klinik 1");
    g_assert_true (first->taking_part);
    g_assert_cmpint (first->invited, ==, 6);
    g_clear_pointer (&rounds, g_ptr_array_unref);
    rounds = sam_store_list_rounds (store, &error);
    g_assert_cmpuint (((SamRound *) g_ptr_array_index (rounds, 1))->n_invited, ==, 10);

    /* A clinic leaves the round only while nobody of it has answered. */
    g_assert_true (sam_store_add_respondent (store, round, a, SAM_ROLE_STAFF, NULL, 0, NULL, &error));
    g_assert_true (sam_store_remove_round_clinic (store, round, a, &error));
    g_assert_true (sam_store_remove_round_clinic (store, round, b, &error));
    again = sam_store_list_round_clinics (store, round, &error);
    g_assert_true (((SamRoundClinic *) g_ptr_array_index (again, 0))->taking_part);
    g_assert_cmpuint (((SamRoundClinic *) g_ptr_array_index (again, 0))->n_respondents, ==, 1);
    g_assert_false (((SamRoundClinic *) g_ptr_array_index (again, 1))->taking_part);
    g_assert_cmpint (((SamRoundClinic *) g_ptr_array_index (again, 1))->invited, ==, -1);
  }
}

/* Names a spreadsheet would run as a formula, as given: spaces before do not help. */
static void
test_name_is_safe (void)
{
  const char *unsafe[] = {
    "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tKlinik", "\rKlinik", "  =1+1",
    " \n @x", "\xc2\xa0=1", "=", "-",
  };
  const char *safe[] = {
    "Klinik 3", "Forår 2026", "2026-1", "a=b", "Klynge @ Øst", "1+1", "Klinik -3", "",
    "  Klinik", "\xff=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_autofree char *message = sam_name_explain_unsafe (unsafe[i], FALSE);

      g_test_message ("%s", message);
      g_assert_false (sam_name_is_safe (unsafe[i]));
      g_assert_nonnull (message);
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_nonnull (strstr (message, "spreadsheet"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    {
      g_assert_true (sam_name_is_safe (safe[i]));
      g_assert_null (sam_name_explain_unsafe (safe[i], FALSE));
    }
  g_assert_true (sam_name_is_safe (NULL));

  {
    g_autofree char *message = sam_name_explain_unsafe ("=HYPERLINK(\"x\")", FALSE);
    g_autofree char *plain = sam_name_explain_unsafe ("=HYPERLINK(\"x\")", TRUE);
    g_autofree char *tab = sam_name_explain_unsafe ("\tKlinik", FALSE);

    g_assert_cmpstr (message, ==, "“=HYPERLINK(\"x\")” cannot be a name: it begins with “=”, "
                                  "which a spreadsheet would run as a formula");
    g_assert_true (g_str_has_prefix (plain, "\"=HYPERLINK(\"x\")\" cannot be a name: it begins with \"=\""));
    /* A tab shows as one. */
    g_assert_true (g_str_has_prefix (tab, "“\\tKlinik” cannot be a name: it begins with a tab"));
  }
}

/* Every way a cluster, a clinic or a round gets a name refuses one a spreadsheet would run
 * as a formula, and stores nothing. */
static void
test_formula_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 cluster, round, clinic = 0;

  g_assert_false (sam_store_ensure_cluster (store, "=HYPERLINK(\"http://x\")", &cluster, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“=HYPERLINK(\"http://x\")”"));
  g_assert_nonnull (strstr (error->message, "formula"));
  g_clear_error (&error);
  g_assert_false (sam_store_ensure_cluster (store, "  @Klynge", &cluster, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, &error));
  g_assert_no_error (error);

  g_assert_false (sam_store_create_round (store, cluster, "=1+1", "2026-02-01", &round, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_create_round (store, cluster, "\tForår", "2026-02-01", &round, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sam_store_ensure_clinic (store, cluster, "=HYPERLINK(\"x\")", NULL, &clinic, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_ensure_clinic (store, cluster, "-3", NULL, &clinic, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_ensure_clinic (store, cluster, "Klinik 3", "+45 Klinik", &clinic, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_ensure_clinic (store, cluster, "\rKlinik 3", NULL, &clinic, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (clinic, ==, 0);

  /* Renaming refuses too, and keeps the old name. */
  g_assert_true (sam_store_create_round (store, cluster, "Baseline 2026", "2026-02-01", &round, &error));
  g_assert_false (sam_store_rename_round (store, round, "@Baseline", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&store);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM clusters"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM clinics"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM rounds"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM rounds WHERE label = 'Baseline 2026'"), ==, 1);
}

static void
test_respondents (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  SamStoreSummary summary = { 0 };
  gint64 cluster, clinic, round, closed_round, id = 0;
  const SamAnswer good[] = { { "q1", 2 }, { "q8", 1 }, { "q10a", SAM_ANSWER_NOT_APPLICABLE } };
  const SamAnswer not_asked[] = { { "q1", 2 }, { "q3", 1 } };
  const SamAnswer twice[] = { { "q7a", 2 }, { "q7a", 3 } };
  const SamAnswer bad_code[] = { { "q7a", 6 } };

  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, &error));
  g_assert_true (sam_store_create_round (store, cluster, "R1", "2026-01-10", &round, &error));
  g_assert_true (sam_store_create_round (store, cluster, "R0", "2025-01-10", &closed_round, &error));
  g_assert_true (sam_store_set_round_closed (store, closed_round, TRUE, &error));

  g_assert_true (sam_store_add_respondent (store, round, clinic, SAM_ROLE_SOLO, good, G_N_ELEMENTS (good), &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* q3 is not asked of a solo doctor: the whole respondent is refused. */
  g_assert_false (sam_store_add_respondent (store, round, clinic, SAM_ROLE_SOLO, not_asked, 2, NULL, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_NOT_ASKED);
  g_clear_error (&error);
  g_assert_false (sam_store_add_respondent (store, round, clinic, SAM_ROLE_STAFF, twice, 2, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_add_respondent (store, round, clinic, SAM_ROLE_STAFF, bad_code, 1, NULL, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_BAD_ANSWER);
  g_clear_error (&error);
  g_assert_false (sam_store_add_respondent (store, closed_round, clinic, SAM_ROLE_STAFF, NULL, 0, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_get_summary (store, &summary, &error));
  g_assert_cmpuint (summary.n_respondents, ==, 1);
  g_assert_cmpuint (summary.n_answers, ==, 3);

  /* A clinic whose tallies came as a file takes no answers of its own in that round. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO imports VALUES (1, %" G_GINT64_FORMAT ", 'tallies', 'k.json', 'x', 'now');"
                                            "INSERT INTO clinic_tallies (round_id, clinic_id, import_id, item, c1)"
                                            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 'q1', 2);",
                                            round, round, clinic);

    g_clear_object (&store);
    sql_exec (fixture->path, sql);
    store = open_store (fixture->path);
    g_assert_false (sam_store_add_respondent (store, round, clinic, SAM_ROLE_SOLO, good, 1, NULL, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  }
  g_assert_cmpint (sql_int (fixture->path, "SELECT code FROM answers WHERE item = 'q10a'"), ==, 9);
}

static void
test_clinic_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) clinics = NULL;
  const char *codes[] = { "Klinik 10", "Klinik 2", "Klinik 1" };
  gint64 cluster;

  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_true (sam_store_ensure_clinic (store, cluster, codes[i], NULL, NULL, NULL));
  clinics = sam_store_list_clinics (store, NULL);
  g_assert_cmpuint (clinics->len, ==, 3);
  g_assert_cmpstr (((SamClinic *) g_ptr_array_index (clinics, 0))->code, ==, "Klinik 1");
  g_assert_cmpstr (((SamClinic *) g_ptr_array_index (clinics, 1))->code, ==, "Klinik 2");
  g_assert_cmpstr (((SamClinic *) g_ptr_array_index (clinics, 2))->code, ==, "Klinik 10");
  g_assert_cmpstr (((SamClinic *) g_ptr_array_index (clinics, 2))->cluster_name, ==, "Klynge");
}

/* What a clinic is: set, read back, listed; and taken from the roles of its answers only
 * where they make it clear, never over a kind someone set. */
static void
test_clinic_kind (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(GError) error = NULL;
  SamAnswer answer = { "q5a", 1 };
  gint64 cluster, round1, round2, partners, solo, two_solo, mixed, set, staff_only;
  SamClinicKind kind;

  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, NULL));
  g_assert_true (sam_store_create_round (store, cluster, "R1", "2026-03-01", &round1, NULL));
  g_assert_true (sam_store_create_round (store, cluster, "R2", "2026-09-01", &round2, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Partners", NULL, &partners, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Solo", NULL, &solo, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Two solo", NULL, &two_solo, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Mixed", NULL, &mixed, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Set", NULL, &set, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Staff only", NULL, &staff_only, NULL));
  g_assert_cmpint (sam_store_get_clinic_kind (store, partners), ==, SAM_CLINIC_KIND_UNKNOWN);

  /* Set and read back; a clinic that is not there is refused. */
  g_assert_true (sam_store_set_clinic_kind (store, set, SAM_CLINIC_KIND_SOLO, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_get_clinic_kind (store, set), ==, SAM_CLINIC_KIND_SOLO);
  g_assert_false (sam_store_set_clinic_kind (store, 999, SAM_CLINIC_KIND_SOLO, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The roles of the answers. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (sam_store_add_respondent (store, round1, partners, SAM_ROLE_PARTNER, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, partners, SAM_ROLE_STAFF, &answer, 1, NULL, NULL));
  /* One solo doctor in each of two rounds: one person, twice. */
  g_assert_true (sam_store_add_respondent (store, round1, solo, SAM_ROLE_SOLO, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round2, solo, SAM_ROLE_SOLO, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, solo, SAM_ROLE_STAFF, &answer, 1, NULL, NULL));
  /* Two "solo doctors" in one round are not one doctor: not clear. */
  g_assert_true (sam_store_add_respondent (store, round1, two_solo, SAM_ROLE_SOLO, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, two_solo, SAM_ROLE_SOLO, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, mixed, SAM_ROLE_SOLO, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, mixed, SAM_ROLE_PARTNER, &answer, 1, NULL, NULL));
  /* A kind someone set stays, whatever the answers say. */
  g_assert_true (sam_store_add_respondent (store, round1, set, SAM_ROLE_PARTNER, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, set, SAM_ROLE_PARTNER, &answer, 1, NULL, NULL));
  g_assert_true (sam_store_add_respondent (store, round1, staff_only, SAM_ROLE_STAFF, &answer, 1, NULL, NULL));

  g_assert_true (sam_store_infer_clinic_kinds (store, cluster, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_get_clinic_kind (store, partners), ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (sam_store_get_clinic_kind (store, solo), ==, SAM_CLINIC_KIND_SOLO);
  g_assert_cmpint (sam_store_get_clinic_kind (store, two_solo), ==, SAM_CLINIC_KIND_UNKNOWN);
  g_assert_cmpint (sam_store_get_clinic_kind (store, mixed), ==, SAM_CLINIC_KIND_UNKNOWN);
  g_assert_cmpint (sam_store_get_clinic_kind (store, set), ==, SAM_CLINIC_KIND_SOLO);
  g_assert_cmpint (sam_store_get_clinic_kind (store, staff_only), ==, SAM_CLINIC_KIND_UNKNOWN);

  /* Listed with the clinics and with the round's clinics. */
  clinics = sam_store_list_clinics (store, NULL);
  for (guint i = 0; i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);

      g_assert_cmpint (clinic->kind, ==, sam_store_get_clinic_kind (store, clinic->id));
    }
  g_clear_pointer (&clinics, g_ptr_array_unref);
  clinics = sam_store_list_round_clinics (store, round1, NULL);
  g_assert_cmpuint (clinics->len, ==, 6);
  for (guint i = 0; i < clinics->len; i++)
    {
      SamRoundClinic *clinic = g_ptr_array_index (clinics, i);

      g_assert_cmpint (clinic->kind, ==, sam_store_get_clinic_kind (store, clinic->clinic_id));
    }

  /* Unset again, and the roles each kind offers. */
  g_assert_true (sam_store_set_clinic_kind (store, set, SAM_CLINIC_KIND_UNKNOWN, NULL));
  g_assert_cmpint (sam_store_get_clinic_kind (store, set), ==, SAM_CLINIC_KIND_UNKNOWN);
  g_assert_false (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_SOLO, SAM_ROLE_PARTNER));
  g_assert_true (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_SOLO, SAM_ROLE_SOLO));
  g_assert_true (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_SOLO, SAM_ROLE_STAFF));
  g_assert_true (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_PARTNERSHIP, SAM_ROLE_PARTNER));
  g_assert_false (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_PARTNERSHIP, SAM_ROLE_SOLO));
  g_assert_true (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_PARTNERSHIP, SAM_ROLE_STAFF));
  for (SamRole role = 0; role < SAM_N_ROLES; role++)
    g_assert_true (sam_clinic_kind_offers_role (SAM_CLINIC_KIND_UNKNOWN, role));
  g_assert_true (sam_clinic_kind_from_string ("partnership", &kind));
  g_assert_cmpint (kind, ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_false (sam_clinic_kind_from_string ("group", &kind));
  g_assert_cmpint (kind, ==, SAM_CLINIC_KIND_UNKNOWN);
}

/* Backups: a copy before the first change of a day, the user's alone, the last seven of
 * them kept; listed with what they hold; restored in place of the database, which is kept
 * as a backup too. */
static void
test_backups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  gint64 cluster, round, clinic;
  SamStoreSummary summary = { 0 };

  /* An empty database has nothing to keep. */
  g_assert_true (sam_store_ensure_cluster (store, "K", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, &error));
  backups = sam_backups_list (fixture->path);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Old copies of other days: nine daily ones, and one made before an upgrade. */
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *old = g_strdup_printf ("%s.202601%02u-120000.bak", fixture->path, day);

      test_write_file (old, "x", 1);
    }
  {
    g_autofree char *upgrade = g_strdup_printf ("%s.v3-20250101-120000.bak", fixture->path);

    test_write_file (upgrade, "x", 1);
  }

  /* The next day's first change (the store's day forgotten, as after a night). */
  g_clear_object (&store);
  store = open_store (fixture->path);
  g_assert_true (sam_store_create_round (store, cluster, "R1", "2026-03-01", &round, &error));
  g_assert_true (sam_store_add_respondent (store, round, clinic, SAM_ROLE_PARTNER, NULL, 0, NULL, &error));
  g_assert_no_error (error);

  backups = sam_backups_list (fixture->path);
  /* Seven daily copies (today's and the six newest old ones) and the upgrade's. */
  g_assert_cmpuint (backups->len, ==, 8);
  {
    SamBackup *today = g_ptr_array_index (backups, 0);

    g_assert_cmpint (today->kind, ==, SAM_BACKUP_DAILY);
    g_assert_true (today->readable);
    /* As it was before the change: the cluster and its clinic, no round yet. */
    g_assert_cmpuint (today->n_rounds, ==, 0);
    g_assert_cmpint (test_file_mode (today->path), ==, 0600);
  }
  {
    g_autofree char *oldest = g_strdup_printf ("%s.20260103-120000.bak", fixture->path);
    g_autofree char *kept = g_strdup_printf ("%s.20260104-120000.bak", fixture->path);
    g_autofree char *upgrade = g_strdup_printf ("%s.v3-20250101-120000.bak", fixture->path);

    g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (upgrade, G_FILE_TEST_EXISTS));
  }

  /* Restored in place of the database, which is kept as a backup too. */
  g_clear_object (&store);
  g_assert_true (sam_backups_restore (fixture->path, ((SamBackup *) g_ptr_array_index (backups, 0))->path,
                                      &replaced, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replaced);
  g_assert_cmpint (test_file_mode (fixture->path), ==, 0600);
  store = open_store (fixture->path);
  g_assert_true (sam_store_get_summary (store, &summary, &error));
  g_assert_cmpuint (summary.n_clusters, ==, 1);
  g_assert_cmpuint (summary.n_rounds, ==, 0);
  g_clear_object (&store);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = sam_backups_list (fixture->path);
  for (guint i = 0; i < backups->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (backups, i);

      if (g_str_equal (backup->path, replaced))
        {
          g_assert_cmpint (backup->kind, ==, SAM_BACKUP_REPLACED);
          g_assert_cmpuint (backup->n_rounds, ==, 1);
          g_assert_cmpuint (backup->n_respondents, ==, 1);
        }
    }

  /* A backup that is not a database is refused, and the database stays. */
  {
    g_autofree char *junk = g_strdup_printf ("%s.20260109-120000.bak", fixture->path);
    g_autoptr(GBytes) before = test_read_file (fixture->path);
    g_autoptr(GBytes) after = NULL;

    g_assert_false (sam_backups_restore (fixture->path, junk, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    after = test_read_file (fixture->path);
    g_assert_true (g_bytes_equal (before, after));
  }
  (void) dir;
}

/* A database that is not there is not made where the caller says so. */
static void
test_open_existing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (fixture->path, SAM_STORE_OPEN_EXISTING, &error);
  g_autofree char *parent = g_path_get_dirname (fixture->path);

  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
}

/* A change committed by another connection (the command line, another window) is seen. */
static void
test_other_writer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (fixture->path);
  g_autoptr(SamStore) other = open_store (fixture->path);
  guint changes = 0;
  gint64 cluster;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (test_count_call), &changes);
  sam_store_check_other_writers (store);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (sam_store_ensure_cluster (other, "Klynge Nord", &cluster, NULL));
  sam_store_check_other_writers (store);
  g_assert_cmpuint (changes, ==, 1);
  sam_store_check_other_writers (store);
  g_assert_cmpuint (changes, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create-private", test_create_private);
  g_test_add_func ("/store/default-location", test_default_location);
  ADD ("/store/wal-and-foreign-keys", test_wal_and_foreign_keys);
  ADD ("/store/settings", test_settings);
  ADD ("/store/transactions", test_transactions);
  ADD ("/store/rounds", test_rounds);
  g_test_add_func ("/store/names/is-safe", test_name_is_safe);
  ADD ("/store/names/formula-refused", test_formula_names);
  ADD ("/store/respondents", test_respondents);
  ADD ("/store/clinic-order", test_clinic_order);
  ADD ("/store/clinic-kind", test_clinic_kind);
  ADD ("/store/backups", test_backups);
  ADD ("/store/open-existing", test_open_existing);
  ADD ("/store/other-writer", test_other_writer);

#undef ADD

  return g_test_run ();
}
