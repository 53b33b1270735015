/* test-cluster-file-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-reference.h"
#include "test-cluster-file-common.h"

/* Files of figures from the coordinator, and the bounds and names every file is held to.
 * The tallies a clinic sends are in test-cluster-file.c. */

/* Figures */

static const char reference[] =
  "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n"
  ROUND ",,national,national,q1,812,71.3,58.2,22.0|36.2|30.1|9.9|1.8,0\n"
  ROUND ",,national,national,q4a,790,64.0,,10.0|40.0|30.0|10.0|5.0|5.0,0\n"
  ROUND ",,national,national,index_A,790,68.4,,,0\n"
  ROUND ",,national,national,q3,2,50.0,50.0,0.0|50.0|50.0|0.0|0.0,0\n"
  ROUND ",,national,national,q7a,0,,,,0\n"
  ROUND ",,national,national,q7b,40,,,,1\n";

static void
add_reference (SamStore *store)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (reference, sizeof reference - 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_reference_import (store, "national.csv", bytes, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_figures_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *tallies = clinic_file (fixture);
  g_autofree char *text = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(SamClusterFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) received = NULL;

  /* The coordinator gathers Klinik 3's tallies beside Klinik 1's and 2's answers; Klinik 2
   * has five more partners. */
  g_assert_cmpint (import (tallies, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  for (guint seed = 20; seed < 25; seed++)
    answer (fixture->coordinator, fixture->round, fixture->klinik2, SAM_ROLE_PARTNER, seed, NULL);
  add_reference (fixture->coordinator);
  text = write_figures (fixture->coordinator, fixture->round, 3);

  file = parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_cluster_file_get_kind (file), ==, SAM_CLUSTER_FILE_FIGURES);
  g_assert_cmpstr (sam_cluster_file_get_round (file), ==, ROUND);
  g_assert_cmpstr (sam_cluster_file_get_cluster (file), ==, CLUSTER);
  g_assert_null (sam_cluster_file_get_clinic (file));
  g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), ==, 0);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"samarbejde-figures\",\n"
                                         "  \"version\" : 1,\n"));

  g_assert_cmpint (import (text, fixture->clinic), ==, SAM_CLUSTER_FILE_ADDED);
  expected = results_rows (fixture->coordinator, 3, NULL);
  received = figures_rows (fixture->clinic);
  /* Cluster, three clinics, and the six national rows. */
  g_assert_cmpuint (g_hash_table_size (expected), ==, 4 * (SAM_N_ITEMS + SAM_N_INDICES) + 6);
  assert_same_rows (expected, received);

  /* Klinik 1 has two answers: withheld. Klinik 3 has two partners for q3, so it is
   * withheld in index_A's whole group; and Klinik 2, or someone in Klinik 3 would take its
   * own 3 from the two clinics' 5 and have Klinik 1's 2. The cluster is shown. */
  g_assert_cmpstr (g_hash_table_lookup (received, "clinic|Klinik 1|q1"), ==, "2||||1");
  g_assert_cmpstr (g_hash_table_lookup (received, "clinic|Klinik 2|q1"), ==, "8||||1");
  g_assert_cmpstr (g_hash_table_lookup (received, "clinic|Klinik 3|q1"), ==, "3||||1");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (received, "cluster|" CLUSTER "|q1"), "13|"));
  g_assert_true (g_str_has_suffix (g_hash_table_lookup (received, "cluster|" CLUSTER "|q1"), "|0"));
  g_assert_cmpstr (g_hash_table_lookup (received, "national|national|q1"), ==,
                   "812|71.3|58.2|22.0|36.2|30.1|9.9|1.8|0");
  g_assert_cmpstr (g_hash_table_lookup (received, "national|national|q3"), ==, "2||||1");
  g_assert_cmpstr (g_hash_table_lookup (received, "national|national|q7b"), ==, "40||||1");
  g_assert_cmpstr (g_hash_table_lookup (received, "national|national|q7a"), ==, "0||||0");

  /* Again: known, nothing changes. */
  g_assert_cmpint (import (text, fixture->clinic), ==, SAM_CLUSTER_FILE_ALREADY);
  g_clear_pointer (&received, g_hash_table_unref);
  received = figures_rows (fixture->clinic);
  assert_same_rows (expected, received);

  /* Published, the round takes no later answer that could change the figures; written
   * again, the file is the same, and known. */
  {
    SamAnswer late = { "q1", 1 };

    g_assert_false (sam_store_add_respondent (fixture->coordinator, fixture->round, fixture->klinik1,
                                              SAM_ROLE_PARTNER, &late, 1, NULL, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  newer = write_figures (fixture->coordinator, fixture->round, 3);
  g_assert_cmpstr (newer, ==, text);
  g_assert_cmpint (import (newer, fixture->clinic), ==, SAM_CLUSTER_FILE_ALREADY);
}

static JsonObject *
first_row (JsonObject *content,
           const char *scope,
           const char *item,
           gboolean    suppressed)
{
  JsonArray *rows = json_object_get_array_member (content, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "scope"), scope) &&
          g_str_equal (json_object_get_string_member (row, "item"), item) &&
          json_object_get_int_member (row, "suppressed") == suppressed)
        return row;
    }
  g_test_message ("no %s row of %s with suppressed %d", scope, item, suppressed);
  g_assert_not_reached ();
}

static void
edit_scope (JsonObject *top,
            JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE), "scope", "region");
}

static void
edit_withheld_mean (JsonObject *top,
                    JsonObject *content)
{
  json_object_set_string_member (first_row (content, "clinic", "q1", TRUE), "mean", "50.0");
}

static void
edit_withheld_flag (JsonObject *top,
                    JsonObject *content)
{
  json_object_set_int_member (first_row (content, "clinic", "q1", TRUE), "suppressed", 2);
}

static void
edit_distribution (JsonObject *top,
                   JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE),
                                 "distribution", "50.0|50.0");
}

static void
edit_meetings_favourable (JsonObject *top,
                          JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q4a", FALSE),
                                 "favourable", "50.0");
}

static void
edit_mean_range (JsonObject *top,
                 JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE), "mean", "100.1");
}

static void
edit_mean_text (JsonObject *top,
                JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE), "mean", "nan");
}

static void
edit_cluster_unit (JsonObject *top,
                   JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE),
                                 "unit", "Klynge Vest");
}

static void
edit_duplicate_row (JsonObject *top,
                    JsonObject *content)
{
  JsonArray *rows = json_object_get_array_member (content, "rows");

  json_array_add_element (rows, json_node_copy (json_array_get_element (rows, 0)));
}

static void
edit_no_rows (JsonObject *top,
              JsonObject *content)
{
  json_object_set_array_member (content, "rows", json_array_new ());
}

static void
edit_k (JsonObject *top,
        JsonObject *content)
{
  json_object_set_int_member (content, "k", 0);
}

static void
edit_negative_n (JsonObject *top,
                 JsonObject *content)
{
  json_object_set_int_member (first_row (content, "cluster", "q1", FALSE), "n", -3);
}

static void
edit_unknown_row_item (JsonObject *top,
                       JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE), "item", "index_B");
}

static void
edit_missing_mean (JsonObject *top,
                   JsonObject *content)
{
  json_object_set_string_member (first_row (content, "cluster", "q1", FALSE), "mean", "");
}

static void
test_invalid_figures (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { EditFunc edit; const char *message; } edits[] = {
    { edit_scope, "the scope" },
    { edit_withheld_mean, "withheld" },
    { edit_withheld_flag, "“suppressed”" },
    { edit_distribution, "distribution" },
    { edit_meetings_favourable, "no favourable share" },
    { edit_mean_range, "mean" },
    { edit_mean_text, "mean" },
    { edit_cluster_unit, "unit" },
    { edit_duplicate_row, "twice" },
    { edit_no_rows, "rows:" },
    { edit_k, "k:" },
    { edit_negative_n, "n is not" },
    { edit_unknown_row_item, "item" },
    { edit_missing_mean, "the mean is missing" },
  };
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *import_tallies_text = NULL;

  /* With Klinik 3's tallies and five more partners in Klinik 2 the cluster's q1 is shown,
   * and Klinik 1 (2 answers) withheld. */
  g_free (import_tallies_text);
  import_tallies_text = clinic_file (fixture);
  import (import_tallies_text, fixture->coordinator);
  for (guint seed = 20; seed < 25; seed++)
    answer (fixture->coordinator, fixture->round, fixture->klinik2, SAM_ROLE_PARTNER, seed, NULL);
  text = write_figures (fixture->coordinator, fixture->round, 3);
  before = describe_store (fixture->clinic);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = edit_file (text, edits[i].edit);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamClusterFile) file = parse (edited, &error);

      g_test_message ("edit %u: %s", i, error ? error->message : "(read)");
      g_assert_null (file);
      g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
      g_assert_nonnull (strstr (error->message, edits[i].message));
    }
  after = describe_store (fixture->clinic);
  g_assert_cmpstr (before, ==, after);
}

/* Keys written twice and counts no clinic could have */

/* @text, refused for a key written twice and for nothing else: the checksum fits the
 * content as json-glib reads it, which keeps the last of the two without a word. */
static void
assert_key_twice (const char *text,
                  const char *key)
{
  g_autofree char *fitted = fix_checksum (text);
  g_autofree char *expected = g_strdup_printf ("the key “%s” is there twice", key);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamClusterFile) file = parse (fitted, &error);

  g_test_message ("%s", error != NULL ? error->message : "(read)");
  g_assert_null (file);
  g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, NAME ":"));
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_duplicate_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Where the key is added, what is added, and the key written twice. A person reading
   * the file sees the first; the app would read the second. */
  const struct { const char *after; const char *added; const char *key; } tallies_edits[] = {
    { "\"version\" : 1,", " \"version\" : 1,", "version" },
    { "\"clinic\" : \"Klinik 3\",", " \"clinic\" : \"Klinik 9\",", "clinic" },
    { "\"items\" : {", " \"q1\" : { \"counts\" : [9, 9, 9, 9, 9], \"not_applicable\" : 0 },", "q1" },
    { "\"q1\" : {", " \"not_applicable\" : 1,", "not_applicable" },
    { "\"index_A\" : {", " \"n\" : 0,", "n" },
    /* The same key, however it is written. */
    { "\"index_D\" : {", " \"\\u006e\" : 0,", "n" },
  };
  const struct { const char *after; const char *added; const char *key; } figures_edits[] = {
    { "\"k\" : 3,", " \"k\" : 5,", "k" },
    { "\"scope\" : \"cluster\",", " \"n\" : 400,", "n" },
    { "\"scope\" : \"clinic\",", " \"suppressed\" : 0,", "suppressed" },
  };
  g_autofree char *tallies = clinic_file (fixture);
  g_autofree char *figures = write_figures (fixture->coordinator, fixture->round, 3);
  g_autofree char *before = describe_store (fixture->coordinator);
  g_autofree char *after = NULL;
  g_autofree char *apart = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tallies_edits); i++)
    {
      g_autofree char *edited = add_after_first (tallies, tallies_edits[i].after,
                                                 tallies_edits[i].added);

      assert_key_twice (edited, tallies_edits[i].key);
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures_edits); i++)
    {
      g_autofree char *edited = add_after_first (figures, figures_edits[i].after,
                                                 figures_edits[i].added);

      assert_key_twice (edited, figures_edits[i].key);
    }

  /* The same key in two objects is no key twice, and neither are strings in arrays. */
  apart = add_after_first (tallies, "\"version\" : 1,",
                           " \"notes\" : [\"format\", \"version\", { \"format\" : 1 },"
                           " { \"format\" : 2, \"n\" : [\"n\", \"n\"] }, [\"clinic\", \"clinic\"]],");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamClusterFile) file = parse (apart, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sam_cluster_file_get_clinic (file), ==, "Klinik 3");
  }

  after = describe_store (fixture->coordinator);
  g_assert_cmpstr (before, ==, after);
}

static void
edit_respondents_most (JsonObject *top,
                       JsonObject *content)
{
  json_object_set_int_member (content, "respondents", SAM_MAX_RESPONDENTS);
}

static void
edit_respondents_over (JsonObject *top,
                       JsonObject *content)
{
  json_object_set_int_member (content, "respondents", SAM_MAX_RESPONDENTS + 1);
}

/* Three files of these once made a cluster's n wrap around. */
static void
edit_respondents_wrap (JsonObject *top,
                       JsonObject *content)
{
  json_object_set_int_member (content, "respondents", G_MAXINT32);
}

static void
test_respondents_bound (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *most = edit_file (text, edit_respondents_most);
  g_autofree char *over = edit_file (text, edit_respondents_over);
  g_autofree char *wrap = edit_file (text, edit_respondents_wrap);
  g_autofree char *before = describe_store (fixture->coordinator);
  g_autofree char *after = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamClusterFile) file = parse (most, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), ==, SAM_MAX_RESPONDENTS);
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SamClusterFile) file = parse (i == 0 ? over : wrap, &error);

      g_test_message ("%s", error != NULL ? error->message : "(read)");
      g_assert_null (file);
      g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, NAME ": respondents: "));
      g_assert_nonnull (strstr (error->message, "more than 100000 respondents"));
    }
  after = describe_store (fixture->coordinator);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (import (most, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
}

static void
edit_cluster_n_most (JsonObject *top,
                     JsonObject *content)
{
  json_object_set_int_member (first_row (content, "cluster", "q1", FALSE), "n",
                              SAM_MAX_RESPONDENTS);
}

static void
edit_cluster_n_over (JsonObject *top,
                     JsonObject *content)
{
  json_object_set_int_member (first_row (content, "cluster", "q1", FALSE), "n",
                              SAM_MAX_RESPONDENTS + 1);
}

static void
edit_clinic_n_over (JsonObject *top,
                    JsonObject *content)
{
  json_object_set_int_member (first_row (content, "clinic", "q1", TRUE), "n",
                              SAM_MAX_RESPONDENTS + 1);
}

/* The country has more people than a clinic, but not more than it has. */
static void
edit_national_n_large (JsonObject *top,
                       JsonObject *content)
{
  json_object_set_int_member (first_row (content, "national", "q1", FALSE), "n", 10000000);
}

static void
edit_national_n_over (JsonObject *top,
                      JsonObject *content)
{
  json_object_set_int_member (first_row (content, "national", "q1", FALSE), "n", 10000001);
}

static void
test_figures_n_bound (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { EditFunc edit; const char *message; } edits[] = {
    { edit_cluster_n_most, NULL },
    { edit_national_n_large, NULL },
    { edit_cluster_n_over, ": n is more than 100000 respondents" },
    { edit_clinic_n_over, ": n is more than 100000 respondents" },
    { edit_national_n_over, ": n is more than 10000000 respondents" },
  };
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *import_tallies_text = NULL;

  add_reference (fixture->coordinator);
  /* With Klinik 3's tallies and five more partners in Klinik 2 the cluster's q1 is shown,
   * and Klinik 1 (2 answers) withheld. */
  g_free (import_tallies_text);
  import_tallies_text = clinic_file (fixture);
  import (import_tallies_text, fixture->coordinator);
  for (guint seed = 20; seed < 25; seed++)
    answer (fixture->coordinator, fixture->round, fixture->klinik2, SAM_ROLE_PARTNER, seed, NULL);
  text = write_figures (fixture->coordinator, fixture->round, 3);
  before = describe_store (fixture->clinic);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = edit_file (text, edits[i].edit);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamClusterFile) file = parse (edited, &error);

      g_test_message ("edit %u: %s", i, error ? error->message : "(read)");
      if (edits[i].message == NULL)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_null (file);
      g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, NAME ": row "));
      g_assert_nonnull (strstr (error->message, edits[i].message));
    }
  after = describe_store (fixture->clinic);
  g_assert_cmpstr (before, ==, after);
}

/* Names a spreadsheet would run as a formula (formats contract, "Survey CSV") are refused
 * in exchange files as wherever else a name enters. */
static void
edit_formula_clinic (JsonObject *top,
                     JsonObject *content)
{
  json_object_set_string_member (content, "clinic", "=HYPERLINK(\"x\")");
}

static void
edit_formula_round (JsonObject *top,
                    JsonObject *content)
{
  json_object_set_string_member (content, "round", "+1");
}

static void
edit_formula_cluster (JsonObject *top,
                      JsonObject *content)
{
  json_object_set_string_member (content, "cluster", "  @Klynge");
}

static void
edit_tab_clinic (JsonObject *top,
                 JsonObject *content)
{
  json_object_set_string_member (content, "clinic", "\tKlinik 3");
}

static void
edit_formula_unit (JsonObject *top,
                   JsonObject *content)
{
  json_object_set_string_member (first_row (content, "clinic", "q1", TRUE), "unit", "-2+3");
}

static void
test_formula_names (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { gboolean figures; EditFunc edit; const char *message; } edits[] = {
    { FALSE, edit_formula_clinic, NAME ": clinic: “=HYPERLINK(\"x\")” cannot be a name: it begins with "
                                  "“=”, which a spreadsheet would run as a formula" },
    { FALSE, edit_formula_round, NAME ": round: “+1” cannot be a name" },
    { FALSE, edit_formula_cluster, NAME ": cluster: “  @Klynge” cannot be a name" },
    { FALSE, edit_tab_clinic, NAME ": clinic: “\\tKlinik 3” cannot be a name: it begins with a tab" },
    { TRUE, edit_formula_round, NAME ": round: “+1” cannot be a name" },
    { TRUE, edit_formula_cluster, NAME ": cluster: “  @Klynge” cannot be a name" },
    { TRUE, edit_formula_unit, NAME ": row " },
  };
  g_autofree char *tallies = clinic_file (fixture);
  g_autofree char *figures = NULL;
  g_autofree char *coordinator_before = NULL;
  g_autofree char *clinic_before = describe_store (fixture->clinic);
  g_autofree char *coordinator_after = NULL;
  g_autofree char *clinic_after = NULL;

  /* A round's figures go out once it is closed. */
  g_assert_true (sam_store_set_round_closed (fixture->coordinator, fixture->round, TRUE, NULL));
  figures = write_figures (fixture->coordinator, fixture->round, 3);
  coordinator_before = describe_store (fixture->coordinator);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = edit_file (edits[i].figures ? figures : tallies, edits[i].edit);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamClusterFile) file = parse (edited, &error);

      g_test_message ("edit %u: %s", i, error ? error->message : "(read)");
      g_assert_null (file);
      g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, edits[i].message));
      g_assert_nonnull (strstr (error->message, "spreadsheet"));
    }

  coordinator_after = describe_store (fixture->coordinator);
  clinic_after = describe_store (fixture->clinic);
  g_assert_cmpstr (coordinator_before, ==, coordinator_after);
  g_assert_cmpstr (clinic_before, ==, clinic_after);
}

/* A clinic that printed its round as it saw it before the cluster's figures came (its own
 * answers only, at its own k of 2) takes the coordinator's file at 3, and from then on its
 * figures are made, and said to be made, with the file's k. */
static void
test_file_k_governs (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *tallies = clinic_file (fixture);
  g_autofree char *text = NULL;
  g_autoptr(SamRound) round = NULL;
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  int k = 0;

  close_round (fixture->clinic);
  g_assert_true (sam_store_publish_round (fixture->clinic, fixture->clinic_round, 2, TRUE, &k, &error));
  g_assert_cmpint (k, ==, 2);
  g_assert_cmpint (import (tallies, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  text = write_figures (fixture->coordinator, fixture->round, 3);
  g_assert_cmpint (import (text, fixture->clinic), ==, SAM_CLUSTER_FILE_ADDED);

  round = sam_store_get_round (fixture->clinic, fixture->clinic_round, &error);
  g_assert_cmpint (sam_store_get_round_k (fixture->clinic, round), ==, 3);
  figures = sam_round_figures_load (fixture->clinic, fixture->clinic_round, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->k, ==, 3);
  /* Asked for another k, the file's is the one said. */
  g_assert_false (sam_store_publish_round (fixture->clinic, fixture->clinic_round, 2, TRUE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "came from the coordinator with a minimum group size of 3"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cluster-file/figures/round-trip", test_figures_round_trip);
  ADD ("/cluster-file/figures/file-k-governs", test_file_k_governs);
  ADD ("/cluster-file/invalid/figures", test_invalid_figures);
  ADD ("/cluster-file/invalid/formula-names", test_formula_names);
  ADD ("/cluster-file/invalid/duplicate-keys", test_duplicate_keys);
  ADD ("/cluster-file/invalid/respondents", test_respondents_bound);
  ADD ("/cluster-file/invalid/figures-n", test_figures_n_bound);

#undef ADD

  return g_test_run ();
}
