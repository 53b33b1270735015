/* test-results.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-csv.h"
#include "sam-reference.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-testing.h"
#include "test-common.h"

/* The results file against the formats contract, on a cluster whose figures are worked
 * out by hand below. k = 3 throughout.
 *
 *   Klinik 1: 2 partners, q1 = 1, 2                       -> withheld (primary, n 2 < 3)
 *   Klinik 2: 3 partners, q1 = 1, 1, 3                    -> withheld (secondary: the
 *             withheld so far hold 2 < 3, and Klinik 2 is the shown clinic with least n)
 *   Klinik 3: 4 partners, q1 = 2, 2, 4, 5; q4a = 2 for all; q2a-c = 1 / 2 / 3 / 5
 *             -> withheld in index_A's group (q1, q2a-d, q3, index_A; secondary), since
 *             someone in Klinik 2 would otherwise take its own 3 from Klinik 1 and 2's 5;
 *             shown in q4a, a group of its own
 *
 * Both rounds are closed, so that their figures may be published.
 *
 *   Cluster q1: codes 1,2,1,1,3,2,2,4,5 -> counts 3,3,1,1,1; n 9;
 *     mean (3*100 + 3*75 + 50 + 25 + 0) / 9 = 600 / 9 = 66.67; favourable 6/9 = 66.67;
 *     distribution 33.3|33.3|11.1|11.1|11.1
 *   Klinik 3 q1: mean (75 + 75 + 25 + 0) / 4 = 43.75 -> "43.8"; favourable 2/4 = 50.0
 *   Klinik 3 index_A (q1 and q2a-c valid: 4 of 6 asked, at least half):
 *     (75 + 3*100)/4 = 93.75, (75 + 3*75)/4 = 75, (25 + 3*50)/4 = 43.75, (0 + 0)/4 = 0
 *     -> mean 212.5 / 4 = 53.125 -> "53.1"
 *   Klinik 1 and 2 index_A: only q1 valid (1 of 6): not counted, n 0.
 */

typedef struct
{
  char       *dir;
  SamStore   *store;
  GHashTable *rows;      /* "scope|unit|item" -> GStrv of the row's fields */
  guint       n_rows;
  char       *header;
} Fixture;

static void
add (SamStore    *store,
     gint64       round,
     gint64       clinic,
     const char  *items[],
     const int    codes[],
     guint        n)
{
  SamAnswer answers[8];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      answers[i].item = items[i];
      answers[i].code = codes[i];
    }
  g_assert_true (sam_store_add_respondent (store, round, clinic, SAM_ROLE_PARTNER, answers, n, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cluster, round, other_round, clinics[3];
  const char *q1[] = { "q1" };
  const char *k3[] = { "q1", "q4a", "q2a", "q2b", "q2c" };

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "results.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);

  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Test", &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R1", "2026-01-01", &round, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R0", "2025-01-01", &other_round, NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("Klinik %u", i + 1);

      g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, code, NULL, &clinics[i], NULL));
    }

  add (fixture->store, round, clinics[0], q1, (int[]) { 1 }, 1);
  add (fixture->store, round, clinics[0], q1, (int[]) { 2 }, 1);
  add (fixture->store, round, clinics[1], q1, (int[]) { 1 }, 1);
  add (fixture->store, round, clinics[1], q1, (int[]) { 1 }, 1);
  add (fixture->store, round, clinics[1], q1, (int[]) { 3 }, 1);
  add (fixture->store, round, clinics[2], k3, (int[]) { 2, 2, 1, 1, 1 }, 5);
  add (fixture->store, round, clinics[2], k3, (int[]) { 2, 2, 2, 2, 2 }, 5);
  add (fixture->store, round, clinics[2], k3, (int[]) { 4, 2, 3, 3, 3 }, 5);
  add (fixture->store, round, clinics[2], k3, (int[]) { 5, 2, 5, 5, 5 }, 5);

  /* An earlier round with one clinic of one respondent. */
  add (fixture->store, other_round, clinics[2], q1, (int[]) { 4 }, 1);

  g_assert_true (sam_store_set_round_closed (fixture->store, round, TRUE, &error));
  g_assert_true (sam_store_set_round_closed (fixture->store, other_round, TRUE, &error));
}

/* A round is published once, at one k. To look at the rule at another k the test starts
 * again from a database that has published nothing. */
static void
forget_publication (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_testing_exec (fixture->store, "UPDATE rounds SET published_k = NULL",
                                         &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->rows, g_hash_table_unref);
  g_clear_pointer (&fixture->header, g_free);
  g_assert_finalize_object (fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Exports and reads the file back with the same reader a spreadsheet user's file gets. */
static void
export (Fixture    *fixture,
        const char *round,
        int         k)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamCsvReader) reader = NULL;
  guint n_rows = 0;

  g_assert_true (sam_results_write_csv (fixture->store, round, &(SamFiguresPolicy) { k, 0 }, out, &n_rows, NULL, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new (out->str, out->len);
  reader = sam_csv_reader_new (bytes, &error);
  g_assert_no_error (error);

  g_clear_pointer (&fixture->rows, g_hash_table_unref);
  g_clear_pointer (&fixture->header, g_free);
  fixture->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  fixture->n_rows = 0;

  g_assert_true (sam_csv_reader_next (reader, &error));
  fixture->header = g_strndup (out->str, strcspn (out->str, "\n"));
  while (sam_csv_reader_next (reader, &error))
    {
      GStrvBuilder *builder = g_strv_builder_new ();
      g_autofree char *key = NULL;

      g_assert_cmpuint (sam_csv_reader_get_n_fields (reader), ==, 10);
      for (guint i = 0; i < 10; i++)
        g_strv_builder_add (builder, sam_csv_reader_get_field (reader, i));
      key = g_strdup_printf ("%s|%s|%s|%s", sam_csv_reader_get_field (reader, 0),
                             sam_csv_reader_get_field (reader, 2), sam_csv_reader_get_field (reader, 3),
                             sam_csv_reader_get_field (reader, 4));
      g_assert_false (g_hash_table_contains (fixture->rows, key));
      g_hash_table_insert (fixture->rows, g_steal_pointer (&key), g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
      fixture->n_rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, fixture->n_rows);
}

/* Checks one row: n, mean, favourable, distribution, suppressed. */
static void
assert_row (Fixture    *fixture,
            const char *key,
            const char *n,
            const char *mean,
            const char *favourable,
            const char *distribution,
            const char *suppressed)
{
  GStrv row = g_hash_table_lookup (fixture->rows, key);

  g_test_message ("row %s", key);
  g_assert_nonnull (row);
  g_assert_cmpstr (row[5], ==, n);
  g_assert_cmpstr (row[6], ==, mean);
  g_assert_cmpstr (row[7], ==, favourable);
  g_assert_cmpstr (row[8], ==, distribution);
  g_assert_cmpstr (row[9], ==, suppressed);
}

static void
test_rows_and_figures (Fixture       *fixture,
                       gconstpointer  data)
{
  GStrv row;

  /* At k = 1 nothing is withheld, so every value can be checked. */
  export (fixture, NULL, 1);
  g_assert_cmpstr (fixture->header, ==, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed");
  /* R1: cluster and 3 clinics; R0: cluster and 1 clinic; 31 items and 3 indices each. */
  g_assert_cmpuint (fixture->n_rows, ==, (4 + 2) * 34);

  row = g_hash_table_lookup (fixture->rows, "R1|cluster|Klynge Test|q1");
  g_assert_cmpstr (row[0], ==, "R1");
  g_assert_cmpstr (row[1], ==, "Klynge Test");
  assert_row (fixture, "R1|cluster|Klynge Test|q1", "9", "66.7", "66.7", "33.3|33.3|11.1|11.1|11.1", "0");
  assert_row (fixture, "R1|clinic|Klinik 3|q1", "4", "43.8", "50.0", "0.0|50.0|0.0|25.0|25.0", "0");
  /* Meetings: no favourable share. */
  assert_row (fixture, "R1|clinic|Klinik 3|q4a", "4", "80.0", "", "0.0|100.0|0.0|0.0|0.0|0.0", "0");
  /* Indices: no favourable share, no distribution. */
  assert_row (fixture, "R1|clinic|Klinik 3|index_A", "4", "53.1", "", "", "0");
  assert_row (fixture, "R1|cluster|Klynge Test|index_A", "4", "53.1", "", "", "0");
  assert_row (fixture, "R1|clinic|Klinik 1|index_A", "0", "", "", "", "0");
  /* n = 0 is written, with nothing to withhold. */
  assert_row (fixture, "R1|clinic|Klinik 3|q7a", "0", "", "", "", "0");
  assert_row (fixture, "R1|cluster|Klynge Test|index_C", "0", "", "", "", "0");
  assert_row (fixture, "R1|clinic|Klinik 1|q1", "2", "87.5", "100.0", "50.0|50.0|0.0|0.0|0.0", "0");
  assert_row (fixture, "R1|clinic|Klinik 2|q1", "3", "83.3", "66.7", "66.7|0.0|33.3|0.0|0.0", "0");
}

static void
test_suppression (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  export (fixture, NULL, 3);
  /* Primary: fewer than 3. */
  assert_row (fixture, "R1|clinic|Klinik 1|q1", "2", "", "", "", "1");
  /* Secondary: else Klinik 1's answers would follow from the cluster's figure. */
  assert_row (fixture, "R1|clinic|Klinik 2|q1", "3", "", "", "", "1");
  /* Secondary, against someone in Klinik 2; and for the whole group. */
  assert_row (fixture, "R1|clinic|Klinik 3|q1", "4", "", "", "", "1");
  assert_row (fixture, "R1|clinic|Klinik 3|q2a", "4", "", "", "", "1");
  assert_row (fixture, "R1|clinic|Klinik 3|index_A", "4", "", "", "", "1");
  assert_row (fixture, "R1|cluster|Klynge Test|q1", "9", "66.7", "66.7", "33.3|33.3|11.1|11.1|11.1", "0");
  /* Another group: shown. */
  assert_row (fixture, "R1|clinic|Klinik 3|q4a", "4", "80.0", "", "0.0|100.0|0.0|0.0|0.0|0.0", "0");
  /* R0: the cluster itself has one answer; withheld, and so no secondary is needed. */
  assert_row (fixture, "R0|cluster|Klynge Test|q1", "1", "", "", "", "1");
  assert_row (fixture, "R0|clinic|Klinik 3|q1", "1", "", "", "", "1");

  /* Published at 3, the rounds are not published again at another k. */
  g_assert_false (sam_results_write_csv (fixture->store, NULL, &(SamFiguresPolicy) { 5, 0 }, out, NULL,
                                         NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Asked for no k in particular, they keep theirs. */
  g_assert_true (sam_results_write_csv (fixture->store, NULL, NULL, out, NULL, NULL, &error));
  g_assert_no_error (error);

  /* With k = 5, the cluster's q2a-q2c and index_A have 4 answers: the cluster's figures of
   * the whole group are withheld, and only clinics of fewer than 5 stay withheld. */
  forget_publication (fixture);
  export (fixture, NULL, 5);
  assert_row (fixture, "R1|cluster|Klynge Test|index_A", "4", "", "", "", "1");
  assert_row (fixture, "R1|cluster|Klynge Test|q1", "9", "", "", "", "1");
  assert_row (fixture, "R1|clinic|Klinik 3|q1", "4", "", "", "", "1");
}

/* An open round is not published: left out and named; asked for by name, refused. */
static void
test_open_round (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (fixture->store, &error);
  guint n_rows = 0;

  for (guint i = 0; i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (g_str_equal (round->label, "R1"))
        g_assert_true (sam_store_set_round_closed (fixture->store, round->id, FALSE, &error));
    }
  g_assert_true (sam_results_write_csv (fixture->store, NULL, NULL, out, &n_rows, &left_out, &error));
  g_assert_cmpuint (n_rows, ==, 2 * 34);
  g_assert_cmpuint (left_out->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (left_out, 0), ==, "R1");
  g_assert_null (strstr (out->str, "R1,"));

  g_string_truncate (out, 0);
  g_assert_false (sam_results_write_csv (fixture->store, "R1", NULL, out, &n_rows, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "R1"));
}

static void
test_one_round (Fixture       *fixture,
                gconstpointer  data)
{
  export (fixture, "R0", 3);
  g_assert_cmpuint (fixture->n_rows, ==, 2 * 34);
  g_assert_null (g_hash_table_lookup (fixture->rows, "R1|cluster|Klynge Test|q1"));
}

static gboolean
import_reference (Fixture     *fixture,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sam_reference_import (fixture->store, "national.csv", bytes, NULL, NULL, error);
}

static void
test_national_reference (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *reference =
    "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n"
    "R1,,national,national,q1,812,71.3,58.2,22.0|36.2|30.1|9.9|1.8,0\n"
    "R1,,national,national,q4a,790,64.0,,10.0|40.0|30.0|10.0|5.0|5.0,0\n"
    "R1,,national,national,index_A,790,68.4,,,0\n"
    "R1,,national,national,q3,2,50.0,50.0,0.0|50.0|50.0|0.0|0.0,0\n"
    "R1,Other,cluster,Other,q1,99,10.0,10.0,0.0|0.0|0.0|0.0|100.0,0\n"
    "R9,,national,national,q1,500,70.0,55.0,20.0|35.0|30.0|10.0|5.0,0\n";

  export (fixture, NULL, 3);
  g_assert_null (g_hash_table_lookup (fixture->rows, "R1|national|national|q1"));

  g_assert_true (import_reference (fixture, reference, &error));
  g_assert_no_error (error);
  export (fixture, NULL, 3);
  /* Written back as imported; the other file's cluster row is not ours and is ignored. */
  assert_row (fixture, "R1|national|national|q1", "812", "71.3", "58.2", "22.0|36.2|30.1|9.9|1.8", "0");
  assert_row (fixture, "R1|national|national|q4a", "790", "64.0", "", "10.0|40.0|30.0|10.0|5.0|5.0", "0");
  assert_row (fixture, "R1|national|national|index_A", "790", "68.4", "", "", "0");
  g_assert_cmpstr (((GStrv) g_hash_table_lookup (fixture->rows, "R1|national|national|q1"))[1], ==, "");
  /* Suppression applies to national n too. */
  assert_row (fixture, "R1|national|national|q3", "2", "", "", "", "1");
  g_assert_null (g_hash_table_lookup (fixture->rows, "R1|cluster|Other|q1"));
  /* Only rounds we have get national rows in the results. */
  g_assert_null (g_hash_table_lookup (fixture->rows, "R9|national|national|q1"));
  g_assert_cmpuint (fixture->n_rows, ==, (4 + 2) * 34 + 4);

  /* A new reference for R1 replaces the old one whole. */
  g_assert_true (import_reference (fixture, "round,scope,item,n,mean,favourable,distribution,suppressed\n"
                                            "R1,national,q1,900,70.0,55.0,20.0|35.0|30.0|10.0|5.0,0\n", &error));
  export (fixture, NULL, 3);
  assert_row (fixture, "R1|national|national|q1", "900", "70.0", "55.0", "20.0|35.0|30.0|10.0|5.0", "0");
  g_assert_null (g_hash_table_lookup (fixture->rows, "R1|national|national|q4a"));
}

static void
test_bad_reference (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { const char *text; const char *message; } bad[] = {
    { "round,scope,item,n\nR1,national,q99,5\n", "national.csv:2:item:" },
    { "round,scope,item,n,mean\nR1,national,q1,x,5\n", "national.csv:2:n:" },
    { "round,scope,item,n,mean\nR1,national,q1,5,101\n", "national.csv:2:mean:" },
    { "round,scope,item,n,mean,distribution\nR1,national,q1,5,50,1|2\n", "national.csv:2:distribution:" },
    { "round,scope,item,n,mean\nR1,national,q1,5,50\nR1,national,q1,6,50\n", "national.csv:3:item:" },
    { "round,scope,item\nR1,national,q1\n", "national.csv:1:" },
    { "round,scope,item,n\nR1,cluster,q1,5\n", "no national rows" },
    { "round,scope,item,n\n=HYPERLINK(\"x\"),national,q1,5\n", "national.csv:2:round:" },
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (import_reference (fixture, "round,scope,item,n,mean\nR1,national,q1,50,70.0\n", &error));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_false (import_reference (fixture, bad[i].text, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, SAM_REFERENCE_ERROR, SAM_REFERENCE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].message));
    }

  /* The earlier reference is still there, unchanged. */
  export (fixture, "R1", 3);
  assert_row (fixture, "R1|national|national|q1", "50", "70.0", "", "", "0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/results/rows-and-figures", test_rows_and_figures);
  ADD ("/results/suppression", test_suppression);
  ADD ("/results/one-round", test_one_round);
  ADD ("/results/open-round", test_open_round);
  ADD ("/results/national-reference", test_national_reference);
  ADD ("/results/bad-reference", test_bad_reference);

#undef ADD

  return g_test_run ();
}
