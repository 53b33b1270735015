/* test-demo.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sam-demo.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-instrument.h"
#include "sam-store-testing.h"
#include "test-common.h"

static char *tmpdir;

static SamStore *
make_demo (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_demo_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

/* Everything a respondent gave, in a stable order, as one string. */
static char *
dump (SamStore *store)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  rows = sam_store_testing_query_rows (store,
                                       "SELECT r.label, c.code, p.role, a.item, a.code"
                                       " FROM answers a JOIN respondents p ON p.id = a.respondent_id"
                                       " JOIN rounds r ON r.id = p.round_id JOIN clinics c ON c.id = p.clinic_id"
                                       " ORDER BY p.id, a.item", NULL, NULL);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (rows, i));
  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autoptr(SamStore) a = make_demo ("a.db");
  g_autoptr(SamStore) b = make_demo ("b.db");
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);

  g_assert_cmpuint (strlen (dump_a), >, 1000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_true (sam_store_is_demo (a));
}

static void
test_believable_cluster (void)
{
  g_autoptr(SamStore) store = make_demo ("shape.db");
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
  SamRound *newest, *oldest;
  g_autoptr(GDate) first = g_date_new ();
  g_autoptr(GDate) second = g_date_new ();
  gint64 solo_clinics, doctors, staff;

  g_assert_cmpint (query (store, "SELECT count(*) FROM clusters"), ==, 1);
  g_assert_cmpint (query (store, "SELECT count(*) FROM clinics"), ==, 12);

  /* About a third solo practices: clinics whose doctors answer as solo doctors. */
  solo_clinics = query (store, "SELECT count(DISTINCT clinic_id) FROM respondents WHERE role = 'solo'");
  g_assert_cmpint (solo_clinics, >=, 3);
  g_assert_cmpint (solo_clinics, <=, 5);
  g_assert_cmpint (query (store, "SELECT count(*) FROM (SELECT clinic_id FROM respondents"
                                 " GROUP BY clinic_id HAVING count(DISTINCT role) = 3)"), ==, 0);
  /* Each clinic's kind is what its answers show: the solo practices, and the rest partnerships. */
  g_assert_cmpint (query (store, "SELECT count(*) FROM clinics WHERE kind = 'solo'"), ==, solo_clinics);
  g_assert_cmpint (query (store, "SELECT count(*) FROM clinics WHERE kind = 'partnership'"), ==, 12 - solo_clinics);

  /* About 35 doctors in a round, and some staff. */
  doctors = query (store, "SELECT max(n) FROM (SELECT count(*) AS n FROM respondents"
                          " WHERE role IN ('partner', 'solo') GROUP BY round_id)");
  staff = query (store, "SELECT min(n) FROM (SELECT count(*) AS n FROM respondents"
                        " WHERE role = 'staff' GROUP BY round_id)");
  g_assert_cmpint (doctors, >=, 30);
  g_assert_cmpint (doctors, <=, 36);
  g_assert_cmpint (staff, >=, 15);
  g_assert_cmpint (query (store, "SELECT sum(invited) FROM round_clinics rc JOIN rounds r ON r.id = rc.round_id"
                                 " WHERE r.label = 'Baseline 2025'"), ==, 90);

  /* Two rounds a year apart; the older one closed. */
  g_assert_cmpuint (rounds->len, ==, 2);
  newest = g_ptr_array_index (rounds, 0);
  oldest = g_ptr_array_index (rounds, 1);
  g_date_set_parse (first, oldest->date);
  g_date_set_parse (second, newest->date);
  g_assert_true (g_date_valid (first) && g_date_valid (second));
  g_assert_cmpint (g_date_days_between (first, second), >=, 330);
  g_assert_cmpint (g_date_days_between (first, second), <=, 400);
  g_assert_true (oldest->closed);
  g_assert_false (newest->closed);
  g_assert_cmpuint (newest->n_clinics, ==, 12);

  /* Nobody answered an item their role is not asked, and n/a only where allowed. */
  g_assert_cmpint (query (store, "SELECT count(*) FROM answers a JOIN respondents p ON p.id = a.respondent_id"
                                 " WHERE (p.role = 'solo' AND a.item IN ('q3', 'q4a', 'q4b'))"
                                 " OR (p.role = 'staff' AND a.item NOT LIKE 'q5%' AND a.item NOT LIKE 'q6%'"
                                 " AND a.item NOT LIKE 'q7%')"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM answers WHERE code = 9"
                                 " AND item NOT IN ('q5d', 'q10a', 'q10b', 'q10c', 'q10d')"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM answers WHERE code = 9"), >, 10);

  /* Some skip an item. */
  g_assert_cmpint (query (store, "SELECT count(*) FROM respondents p WHERE p.role = 'partner'"
                                 " AND (SELECT count(*) FROM answers WHERE respondent_id = p.id) < 31"), >, 0);

  /* Varied answers: every attitude item uses at least three options. */
  g_assert_cmpint (query (store, "SELECT count(*) FROM (SELECT item FROM answers WHERE code != 9"
                                 " GROUP BY item HAVING count(DISTINCT code) < 3)"), ==, 0);
}

/* Some clinics changed between the rounds, enough to see in their culture scores. */
static void
test_change_between_rounds (void)
{
  g_autoptr(SamStore) store = make_demo ("change.db");
  gint64 moved;

  moved = query (store,
                 "WITH scores AS ("
                 "  SELECT p.clinic_id AS clinic, r.date AS date, avg((5 - a.code) * 25.0) AS mean"
                 "  FROM answers a JOIN respondents p ON p.id = a.respondent_id JOIN rounds r ON r.id = p.round_id"
                 "  WHERE a.item LIKE 'q7%' GROUP BY p.clinic_id, r.id)"
                 " SELECT count(*) FROM scores s1 JOIN scores s2 ON s1.clinic = s2.clinic AND s1.date < s2.date"
                 " WHERE abs(s2.mean - s1.mean) >= 5");
  g_assert_cmpint (moved, >=, 4);
}

/* The demo compares with the country too: reference figures for every item and index in
 * both rounds, counted from far more answers than the cluster's, and agreeing with
 * themselves: the mean is what the distribution's scores make. */
static void
test_national_reference (void)
{
  g_autoptr(SamStore) store = make_demo ("national.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  guint national = 0;

  g_assert_cmpint (query (store, "SELECT count(DISTINCT round_label) FROM reference"), ==, 2);
  g_assert_cmpint (query (store, "SELECT count(*) FROM reference"), ==, 2 * (31 + 3));
  g_assert_cmpint (query (store, "SELECT min(n) FROM reference"), >, 100);

  /* The newest round is open for trying the questionnaire, so it is not published. */
  g_assert_true (sam_results_write_csv (store, NULL, &(SamFiguresPolicy) { 3, 0 }, csv, NULL, &left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (left_out->len, ==, 1);
  lines = g_strsplit (csv->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      /* round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed: q1 is on the
       * degree scale, scored 100, 75, 50, 25, 0. */
      if (g_strv_length (fields) == 10 && g_str_equal (fields[2], "national") && g_str_equal (fields[4], "q1"))
        {
          g_auto(GStrv) shares = g_strsplit (fields[8], "|", -1);
          double mean = 0;

          g_assert_cmpuint (g_strv_length (shares), ==, 5);
          for (guint c = 0; c < 5; c++)
            mean += g_ascii_strtod (shares[c], NULL) / 100.0 * (100 - 25 * c);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[6], NULL), mean, 0.3);
          g_assert_cmpstr (fields[9], ==, "0");
          national++;
        }
    }
  g_assert_cmpuint (national, ==, 1);
}

static void
test_real_data_is_never_touched (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "real.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) real = sam_store_new (path, &error);
  g_autoptr(SamStore) demo = NULL;
  gint64 cluster;

  g_assert_true (sam_store_ensure_cluster (real, "Min klynge", &cluster, &error));
  g_clear_object (&real);

  demo = sam_demo_open (path, &error);
  g_assert_null (demo);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);

  real = sam_store_new (path, NULL);
  g_assert_false (sam_store_is_demo (real));
  g_assert_cmpint (query (real, "SELECT count(*) FROM clusters"), ==, 1);
  g_assert_cmpint (query (real, "SELECT count(*) FROM rounds"), ==, 0);
}

static void
test_old_demo_is_renewed (void)
{
  g_autoptr(SamStore) store = make_demo ("old.db");
  g_autofree char *path = g_strdup (sam_store_get_path (store));

  g_assert_true (sam_store_set_setting (store, "demo-version", "0", NULL));
  g_assert_true (sam_store_set_setting (store, "marker", "old", NULL));
  g_clear_object (&store);

  store = make_demo ("old.db");
  g_assert_null (sam_store_get_setting (store, "marker"));
  g_assert_cmpint (query (store, "SELECT count(*) FROM clinics"), ==, 12);
  g_clear_object (&store);

  /* A current demo is opened as it is. */
  store = sam_store_new (path, NULL);
  g_assert_true (sam_store_set_setting (store, "marker", "kept", NULL));
  g_clear_object (&store);
  store = make_demo ("old.db");
  {
    g_autofree char *marker = sam_store_get_setting (store, "marker");

    g_assert_cmpstr (marker, ==, "kept");
  }
}

/* What a tester changed is dropped, and the demo is as it was first shown, in place. */
static void
test_reset (void)
{
  g_autoptr(SamStore) store = make_demo ("reset.db");
  g_autoptr(SamStore) fresh = make_demo ("reset-fresh.db");
  g_autoptr(SamStore) real = NULL;
  g_autofree char *real_path = g_build_filename (tmpdir, "reset-real.db", NULL);
  g_autofree char *before = dump (fresh);
  g_autofree char *after = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cluster_id;

  g_assert_true (sam_store_ensure_cluster (store, "Testklyngen", &cluster_id, NULL));
  g_assert_true (sam_store_set_setting (store, "marker", "changed", NULL));
  g_assert_true (sam_store_testing_exec (store, "UPDATE answers SET code = 1 WHERE code = 2",
                                         NULL));
  changed = dump (store);
  g_assert_cmpstr (changed, !=, before);

  g_assert_true (sam_demo_reset (store, &error));
  g_assert_no_error (error);
  after = dump (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query (store, "SELECT count(*) FROM clusters"), ==, 1);
  g_assert_null (sam_store_get_setting (store, "marker"));
  g_assert_true (sam_store_is_demo (store));
  g_assert_cmpint (query (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* Real data is never reset. */
  real = sam_store_new (real_path, NULL);
  g_assert_true (sam_store_ensure_cluster (real, "Rigtig", &cluster_id, NULL));
  g_assert_false (sam_demo_reset (real, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query (real, "SELECT count(*) FROM clusters"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/believable-cluster", test_believable_cluster);
  g_test_add_func ("/demo/change-between-rounds", test_change_between_rounds);
  g_test_add_func ("/demo/national-reference", test_national_reference);
  g_test_add_func ("/demo/real-data-is-never-touched", test_real_data_is_never_touched);
  g_test_add_func ("/demo/old-demo-is-renewed", test_old_demo_is_renewed);
  g_test_add_func ("/demo/reset", test_reset);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
