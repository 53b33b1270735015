/* test-cluster-file.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sam-cluster-file.h"
#include "sam-csv.h"
#include "sam-instrument.h"
#include "sam-reference.h"
#include "sam-results.h"
#include "sam-store-testing.h"
#include "test-common.h"

/* The files between a clinic and its coordinator. Two databases per test: Klinik 3's own
 * (four respondents, one with a survey tool's identifier) and the coordinator's (Klinik 1
 * with two respondents and Klinik 2 with three, answered there). */

#define CLUSTER "Klynge Øst"
#define ROUND   "Forår 2026"
#define NAME    "klinik-3.json"

/* Rows of tallies or figures per unit: every item and every index. */
#define N_ROWS  (SAM_N_ITEMS + SAM_N_INDICES)

typedef struct
{
  char     *dir;
  SamStore *clinic;          /* Klinik 3's own database */
  gint64    clinic_round;
  gint64    clinic_id;
  SamStore *coordinator;     /* the cluster coordinator's */
  gint64    round;
  gint64    klinik1;
  gint64    klinik2;
} Fixture;

/* Answers every item asked of @role, from @seed: some left missing, some not applicable. */
static void
answer (SamStore   *store,
        gint64      round,
        gint64      clinic,
        SamRole     role,
        guint       seed,
        const char *external_id)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GError) error = NULL;
  SamAnswer answers[SAM_N_ITEMS];
  guint n = 0;

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      guint n_codes = item->question->scale->options->len;

      /* q1 (i = 0) is always answered, so that its figures below are known. */
      if (!sam_item_is_asked (item, role) || (i > 0 && (seed + i) % 7 == 0))
        continue;
      answers[n].item = item->id;
      if (item->not_applicable != NULL && (seed + i) % 3 == 0)
        answers[n].code = SAM_ANSWER_NOT_APPLICABLE;
      else
        answers[n].code = 1 + (seed * 3 + i) % n_codes;
      n++;
    }
  g_assert_true (sam_store_add_respondent_full (store, round, clinic, role, external_id, 0,
                                                answers, n, NULL, &error));
  g_assert_no_error (error);
}

static SamStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 cluster;

  fixture->dir = test_make_tmpdir ();

  fixture->clinic = open_store (fixture, "klinik-3.db");
  g_assert_true (sam_store_ensure_cluster (fixture->clinic, CLUSTER, &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->clinic, cluster, ROUND, "2026-03-01",
                                         &fixture->clinic_round, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->clinic, cluster, "Klinik 3", NULL,
                                          &fixture->clinic_id, NULL));
  g_assert_true (sam_store_set_own_clinic (fixture->clinic, fixture->clinic_id, NULL));
  answer (fixture->clinic, fixture->clinic_round, fixture->clinic_id, SAM_ROLE_PARTNER, 1,
          "R-0042");
  answer (fixture->clinic, fixture->clinic_round, fixture->clinic_id, SAM_ROLE_PARTNER, 2, NULL);
  answer (fixture->clinic, fixture->clinic_round, fixture->clinic_id, SAM_ROLE_SOLO, 3, NULL);
  answer (fixture->clinic, fixture->clinic_round, fixture->clinic_id, SAM_ROLE_STAFF, 4, NULL);

  fixture->coordinator = open_store (fixture, "coordinator.db");
  g_assert_true (sam_store_ensure_cluster (fixture->coordinator, CLUSTER, &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->coordinator, cluster, ROUND, "2026-03-01",
                                         &fixture->round, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->coordinator, cluster, "Klinik 1", NULL,
                                          &fixture->klinik1, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->coordinator, cluster, "Klinik 2", NULL,
                                          &fixture->klinik2, NULL));
  answer (fixture->coordinator, fixture->round, fixture->klinik1, SAM_ROLE_PARTNER, 5, NULL);
  answer (fixture->coordinator, fixture->round, fixture->klinik1, SAM_ROLE_PARTNER, 6, NULL);
  answer (fixture->coordinator, fixture->round, fixture->klinik2, SAM_ROLE_PARTNER, 8, NULL);
  answer (fixture->coordinator, fixture->round, fixture->klinik2, SAM_ROLE_PARTNER, 9, NULL);
  answer (fixture->coordinator, fixture->round, fixture->klinik2, SAM_ROLE_SOLO, 10, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->clinic);
  g_assert_finalize_object (fixture->coordinator);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers */

static gint64
count (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

/* Everything a failed import must leave as it was, as one string. */
static char *
describe_store (SamStore *store)
{
  return g_strdup_printf ("clusters %" G_GINT64_FORMAT ", clinics %" G_GINT64_FORMAT
                          ", rounds %" G_GINT64_FORMAT ", round_clinics %" G_GINT64_FORMAT
                          ", imports %" G_GINT64_FORMAT ", tallies %" G_GINT64_FORMAT
                          ", figures %" G_GINT64_FORMAT ", settings %" G_GINT64_FORMAT,
                          count (store, "SELECT count(*) FROM clusters"),
                          count (store, "SELECT count(*) FROM clinics"),
                          count (store, "SELECT count(*) FROM rounds"),
                          count (store, "SELECT count(*) FROM round_clinics"),
                          count (store, "SELECT count(*) FROM imports"),
                          count (store, "SELECT count(*) FROM clinic_tallies"),
                          count (store, "SELECT count(*) FROM cluster_figures"),
                          count (store, "SELECT count(*) FROM settings"));
}

static char *
write_tallies (SamStore *store,
               gint64    round,
               gint64    clinic)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_cluster_file_write_tallies (store, round, clinic, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Klinik 3's file of tallies from its own database. */
static char *
clinic_file (Fixture *fixture)
{
  return write_tallies (fixture->clinic, fixture->clinic_round, fixture->clinic_id);
}

/* A round's figures leave the app once it is closed: the tests close it where they
 * publish. */
static void
close_round (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (g_str_equal (round->label, ROUND) && !round->closed)
        g_assert_true (sam_store_set_round_closed (store, round->id, TRUE, &error));
    }
  g_assert_no_error (error);
}

static char *
write_figures (SamStore *store,
               gint64    round,
               int       k)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  close_round (store);
  g_assert_true (sam_cluster_file_write_figures (store, round, &(SamFiguresPolicy) { k, 0 }, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SamClusterFile *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sam_cluster_file_parse (NAME, bytes, error);
}

static SamClusterFileResult
import (const char *text,
        SamStore   *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamClusterFile) file = parse (text, &error);
  SamClusterFileResult result = SAM_CLUSTER_FILE_ADDED;

  g_assert_no_error (error);
  g_assert_true (sam_cluster_file_import (file, store, sam_cluster_file_get_cluster (file), sam_cluster_file_get_round (file), &result, &error));
  g_assert_no_error (error);
  return result;
}

/* Parsing must fail with @code, and say which file. */
static void
assert_refused (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamClusterFile) file = parse (text, &error);

  g_assert_null (file);
  g_assert_error (error, SAM_CLUSTER_FILE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, NAME ":"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* The rows of the results file for the round: "scope|unit|item" -> "n|mean|favourable|
 * distribution|suppressed". Only the clinic's rows where @clinic is given. */
static GHashTable *
results_rows (SamStore   *store,
              int         k,
              const char *clinic)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamCsvReader) reader = NULL;
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  close_round (store);
  g_assert_true (sam_results_write_csv (store, ROUND, &(SamFiguresPolicy) { k, 0 }, out, NULL, NULL, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new (out->str, out->len);
  reader = sam_csv_reader_new (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (sam_csv_reader_next (reader, &error));
  while (sam_csv_reader_next (reader, &error))
    {
      const char *scope = sam_csv_reader_get_field (reader, 2);
      const char *unit = sam_csv_reader_get_field (reader, 3);

      if (clinic != NULL && !(g_str_equal (scope, "clinic") && g_str_equal (unit, clinic)))
        continue;
      g_hash_table_insert (rows,
                           g_strdup_printf ("%s|%s|%s", scope, unit,
                                            sam_csv_reader_get_field (reader, 4)),
                           g_strdup_printf ("%s|%s|%s|%s|%s", sam_csv_reader_get_field (reader, 5),
                                            sam_csv_reader_get_field (reader, 6),
                                            sam_csv_reader_get_field (reader, 7),
                                            sam_csv_reader_get_field (reader, 8),
                                            sam_csv_reader_get_field (reader, 9)));
    }
  g_assert_no_error (error);
  return rows;
}

/* The cluster's figures as a clinic received them, in the same shape. */
static GHashTable *
figures_rows (SamStore *store)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) lines = NULL;

  lines = sam_store_testing_query_rows (store, "SELECT scope, unit, item, n, mean, favourable,"
                                               " distribution, suppressed FROM cluster_figures"
                                               " WHERE round_label = ?1 AND cluster = ?2",
                                        ROUND, CLUSTER);
  /* scope|unit|item, and n|mean|favourable|distribution|suppressed */
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (lines, i), "|", 4);

      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      g_hash_table_insert (rows, g_strjoin ("|", parts[0], parts[1], parts[2], NULL),
                           g_strdup (parts[3]));
    }
  return rows;
}

static void
assert_same_rows (GHashTable *expected,
                  GHashTable *actual)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("row %s", (const char *) key);
      g_assert_cmpstr (g_hash_table_lookup (actual, key), ==, value);
    }
  g_assert_cmpuint (g_hash_table_size (actual), ==, g_hash_table_size (expected));
}

typedef void (*EditFunc) (JsonObject *top,
                          JsonObject *content);

/* The file with @edit made to it and a checksum that fits again, computed here the way
 * the format says, so that what fails is the check of the content, not the checksum. */
static char *
edit_file (const char *text,
           EditFunc    edit)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *checksum = NULL;
  JsonObject *top;
  gsize length = 0;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));
  edit (top, json_object_get_object_member (top, "content"));

  json_generator_set_root (generator, json_object_get_member (top, "content"));
  compact = json_generator_to_data (generator, &length);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) compact, length);
  json_object_set_string_member (top, "checksum", checksum);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* The same for an edit made to the text, for what json-glib would not write itself. */
static char *
fix_checksum (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *checksum = NULL;
  g_auto(GStrv) parts = NULL;
  JsonObject *top;
  gsize length = 0;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));
  json_generator_set_root (generator, json_object_get_member (top, "content"));
  compact = json_generator_to_data (generator, &length);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) compact, length);
  parts = g_strsplit (text, json_object_get_string_member (top, "checksum"), -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (checksum, parts);
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), >=, 2);
  return g_strjoinv (new, parts);
}

/* @old's first occurrence only, followed by @added. */
static char *
add_after_first (const char *text,
                 const char *old,
                 const char *added)
{
  const char *p = strstr (text, old);

  g_assert_nonnull (p);
  p += strlen (old);
  return g_strdup_printf ("%.*s%s%s", (int) (p - text), text, added, p);
}

static JsonObject *
item_of (JsonObject *content,
         const char *id)
{
  return json_object_get_object_member (json_object_get_object_member (content, "items"), id);
}

static JsonNode *
first_count (JsonObject *content,
             const char *id)
{
  return json_array_get_element (json_object_get_array_member (item_of (content, id), "counts"), 0);
}

static JsonObject *
index_of (JsonObject *content,
          const char *id)
{
  return json_object_get_object_member (json_object_get_object_member (content, "indices"), id);
}

/* Keys a tallies file may hold: counts, never answers. */
static void
assert_only_counts (JsonNode *node)
{
  static const char *allowed[] = {
    "format", "version", "content", "checksum", "round", "cluster", "clinic", "respondents",
    "items", "indices", "counts", "not_applicable", "n", "sum", NULL
  };
  SamInstrument *instrument = sam_instrument_get_default ();

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;

          g_assert_true (g_strv_contains (allowed, key) ||
                         sam_instrument_lookup_item (instrument, key) != NULL ||
                         sam_index_from_string (key, NULL));
          assert_only_counts (json_object_get_member (json_node_get_object (node), key));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          /* Arrays are counts: numbers only. */
          g_assert_true (JSON_NODE_HOLDS_VALUE (element));
          g_assert_true (json_node_get_value_type (element) == G_TYPE_INT64);
        }
    }
}

/* Tallies */

static void
test_tallies_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamClusterFile) file = parse (text, &error);
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GHashTable) cluster = NULL;
  gint64 cluster_id, clinic;

  g_assert_no_error (error);
  g_assert_cmpint (sam_cluster_file_get_kind (file), ==, SAM_CLUSTER_FILE_TALLIES);
  g_assert_cmpstr (sam_cluster_file_get_round (file), ==, ROUND);
  g_assert_cmpstr (sam_cluster_file_get_cluster (file), ==, CLUSTER);
  g_assert_cmpstr (sam_cluster_file_get_clinic (file), ==, "Klinik 3");
  g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), ==, 4);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"samarbejde-tallies\",\n"
                                         "  \"version\" : 1,\n"));

  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  g_assert_true (sam_store_ensure_cluster (fixture->coordinator, CLUSTER, &cluster_id, NULL));
  g_assert_true (sam_store_find_clinic (fixture->coordinator, cluster_id, "Klinik 3", &clinic));
  g_assert_cmpint (count (fixture->coordinator, "SELECT count(*) FROM clinic_tallies"), ==, N_ROWS);
  g_assert_cmpint (count (fixture->coordinator,
                          "SELECT count(*) FROM imports WHERE kind = 'tallies'"
                          " AND filename = 'klinik-3.json'"), ==, 1);
  g_assert_cmpint (count (fixture->coordinator,
                          "SELECT count(*) FROM round_clinics rc JOIN clinics c"
                          " ON c.id = rc.clinic_id WHERE c.code = 'Klinik 3'"), ==, 1);
  /* Tallies, not respondents: the coordinator's database holds no answer of Klinik 3. */
  g_assert_cmpint (count (fixture->coordinator, "SELECT count(*) FROM respondents"), ==, 5);

  /* Klinik 3's figures are the same on the coordinator's computer as on its own. */
  own = results_rows (fixture->clinic, 1, "Klinik 3");
  cluster = results_rows (fixture->coordinator, 1, "Klinik 3");
  g_assert_cmpuint (g_hash_table_size (own), ==, SAM_N_ITEMS + SAM_N_INDICES);
  assert_same_rows (own, cluster);
  /* Three of four are asked q1 (not staff); the solo doctor is asked index_A's q1-q2d. */
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (own, "clinic|Klinik 3|q1"), "3|"));
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (own, "clinic|Klinik 3|q7a"), "4|") ||
                 g_str_has_prefix (g_hash_table_lookup (own, "clinic|Klinik 3|q7a"), "3|"));
}

static void
test_tallies_only_counts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *single = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SamClusterFile) file = NULL;
  gint64 cluster, round, clinic;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  assert_only_counts (json_parser_get_root (parser));
  g_assert_null (strstr (text, "R-0042"));
  g_assert_null (strstr (text, "partner"));
  g_assert_null (strstr (text, "solo"));

  /* One respondent: the counts are that person's answers, so the GUI warns before the file
   * is written, but the file itself still holds only counts. */
  g_assert_true (sam_store_ensure_cluster (fixture->clinic, "Solo", &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->clinic, cluster, ROUND, "2026-03-01", &round,
                                         NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->clinic, cluster, "Solopraksis", NULL, &clinic,
                                          NULL));
  answer (fixture->clinic, round, clinic, SAM_ROLE_SOLO, 7, "Dr. Hansen");
  g_assert_cmpuint (sam_cluster_file_count_respondents (fixture->clinic, round, clinic), ==, 1);
  single = write_tallies (fixture->clinic, round, clinic);
  json_parser_load_from_data (parser, single, -1, &error);
  g_assert_no_error (error);
  assert_only_counts (json_parser_get_root (parser));
  g_assert_null (strstr (single, "Dr. Hansen"));
  g_assert_null (strstr (single, "solo\""));
  file = parse (single, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), ==, 1);
}

static void
test_tallies_already (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;

  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  before = describe_store (fixture->coordinator);
  first = results_rows (fixture->coordinator, 1, NULL);

  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ALREADY);
  after = describe_store (fixture->coordinator);
  second = results_rows (fixture->coordinator, 1, NULL);
  g_assert_cmpstr (before, ==, after);
  assert_same_rows (first, second);
  g_assert_cmpint (count (fixture->coordinator,
                          "SELECT sum(c1 + c2 + c3 + c4 + c5 + c6) FROM clinic_tallies"
                          " WHERE item = 'q1'"), ==, 3);
}

static void
test_tallies_newer_replaces (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *old = clinic_file (fixture);
  g_autofree char *newer = NULL;
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GHashTable) cluster = NULL;

  g_assert_cmpint (import (old, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);

  /* A late answer at the clinic, and a new file. */
  answer (fixture->clinic, fixture->clinic_round, fixture->clinic_id, SAM_ROLE_PARTNER, 11, NULL);
  newer = clinic_file (fixture);
  g_assert_cmpstr (old, !=, newer);
  g_assert_cmpint (import (newer, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);

  g_assert_cmpint (count (fixture->coordinator, "SELECT count(*) FROM clinic_tallies"), ==, N_ROWS);
  g_assert_cmpint (count (fixture->coordinator,
                          "SELECT count(*) FROM imports WHERE kind = 'tallies'"), ==, 1);
  own = results_rows (fixture->clinic, 1, "Klinik 3");
  cluster = results_rows (fixture->coordinator, 1, "Klinik 3");
  assert_same_rows (own, cluster);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (cluster, "clinic|Klinik 3|q1"), "4|"));

  /* Published once, the round is closed: another file, whose difference from the first
   * would be the late answers, is refused, and the published figures stay as they were. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamClusterFile) file = parse (old, &error);
    SamClusterFileResult result;

    g_assert_false (sam_cluster_file_import (file, fixture->coordinator, NULL, NULL, &result, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "closed"));
  }
  g_clear_pointer (&cluster, g_hash_table_unref);
  cluster = results_rows (fixture->coordinator, 1, "Klinik 3");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (cluster, "clinic|Klinik 3|q1"), "4|"));
  g_assert_cmpint (count (fixture->coordinator,
                          "SELECT count(*) FROM imports WHERE kind = 'tallies'"), ==, 1);
}

static void
test_tallies_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autoptr(SamClusterFile) file = parse (text, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SamClusterFileResult result;
  gint64 cluster, clinic;

  /* Klinik 3's answers came to the coordinator another way (a survey file). */
  g_assert_true (sam_store_ensure_cluster (fixture->coordinator, CLUSTER, &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->coordinator, cluster, "Klinik 3", NULL,
                                          &clinic, NULL));
  answer (fixture->coordinator, fixture->round, clinic, SAM_ROLE_PARTNER, 12, NULL);
  before = describe_store (fixture->coordinator);

  g_assert_nonnull (file);
  g_assert_false (sam_cluster_file_import (file, fixture->coordinator, sam_cluster_file_get_cluster (file), sam_cluster_file_get_round (file), &result, &error));
  g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, NAME ": "));
  g_assert_false (sam_store_in_transaction (fixture->coordinator));
  after = describe_store (fixture->coordinator);
  g_assert_cmpstr (before, ==, after);
}

static void
test_tallies_closed_round (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *newer = NULL;
  g_autoptr(SamClusterFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SamClusterFileResult result;

  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  g_assert_true (sam_store_set_round_closed (fixture->coordinator, fixture->round, TRUE, NULL));
  /* The same file again is known; a new one does not change a closed round. */
  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ALREADY);

  answer (fixture->clinic, fixture->clinic_round, fixture->clinic_id, SAM_ROLE_PARTNER, 13, NULL);
  newer = clinic_file (fixture);
  file = parse (newer, &error);
  g_assert_no_error (error);
  before = describe_store (fixture->coordinator);
  g_assert_false (sam_cluster_file_import (file, fixture->coordinator, sam_cluster_file_get_cluster (file), sam_cluster_file_get_round (file), &result, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, NAME ": "));
  after = describe_store (fixture->coordinator);
  g_assert_cmpstr (before, ==, after);
}

/* Into an empty database: the cluster, the clinic and the round are made. Names with
 * quotes, backslashes, a tab and letters beyond ASCII come through as they were. */
static void
test_tallies_new_database (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *cluster_name = "Klynge \"Nord\" \\ æøå 🙂";
  const char *code = "Klinik\t7 «ÆØÅ»";
  const char *label = "Runde 1/2026";
  g_autoptr(SamStore) empty = open_store (fixture, "empty.db");
  g_autoptr(SamClusterFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *text = NULL;
  SamClusterFileResult result;
  gint64 cluster, round, clinic;

  g_assert_true (sam_store_ensure_cluster (fixture->clinic, cluster_name, &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->clinic, cluster, label, "2026-03-01", &round,
                                         NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->clinic, cluster, code, NULL, &clinic, NULL));
  answer (fixture->clinic, round, clinic, SAM_ROLE_PARTNER, 14, NULL);
  answer (fixture->clinic, round, clinic, SAM_ROLE_STAFF, 15, NULL);
  text = write_tallies (fixture->clinic, round, clinic);

  file = parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_cluster_file_get_cluster (file), ==, cluster_name);
  g_assert_cmpstr (sam_cluster_file_get_clinic (file), ==, code);
  g_assert_cmpstr (sam_cluster_file_get_round (file), ==, label);

  /* A cluster and round this database does not know: refused, naming both, and nothing
   * kept; the same with only one of them named, or the round of another cluster. */
  {
    g_autofree char *before = describe_store (empty);
    g_autofree char *after = NULL;

    g_assert_false (sam_cluster_file_import (file, empty, NULL, NULL, &result, &error));
    g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_UNKNOWN);
    g_assert_true (g_str_has_prefix (error->message, NAME ":"));
    g_assert_nonnull (strstr (error->message, cluster_name));
    g_assert_nonnull (strstr (error->message, label));
    g_clear_error (&error);
    g_assert_false (sam_cluster_file_import (file, empty, cluster_name, "Runde 2", &result, &error));
    g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_UNKNOWN);
    g_clear_error (&error);
    after = describe_store (empty);
    g_assert_cmpstr (before, ==, after);
  }

  /* Named, both are added. */
  g_assert_true (sam_cluster_file_import (file, empty, cluster_name, label, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SAM_CLUSTER_FILE_ADDED);

  g_assert_true (sam_store_ensure_cluster (empty, cluster_name, &cluster, NULL));
  g_assert_true (sam_store_find_clinic (empty, cluster, code, &clinic));
  g_assert_true (sam_store_find_round (empty, cluster, label, &round, NULL));
  rounds = sam_store_list_rounds (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  /* A round only known from a file counts the clinic whose tallies it holds. */
  g_assert_cmpint (count (empty, "SELECT count(*) FROM round_clinics"), ==, 1);
  g_assert_cmpint (count (empty, "SELECT count(*) FROM clusters"), ==, 1);
}

/* Checks of the file */

/* The first count of an item, changed by one in the text. */
static char *
change_count (const char *text,
              const char *item)
{
  g_autofree char *key = g_strdup_printf ("\"%s\"", item);
  char *edited = g_strdup (text);
  char *p = strstr (edited, key);

  g_assert_nonnull (p);
  p = strstr (p, "\"counts\"");
  g_assert_nonnull (p);
  while (!g_ascii_isdigit (*p))
    p++;
  *p = *p == '0' ? '1' : *p - 1;
  return edited;
}

static void
test_checksum_edited (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *edited = change_count (text, "q2a");
  g_autofree char *renamed = replace (text, "Klinik 3", "Klinik 4");
  g_autofree char *reordered = NULL;
  g_autofree char *before = describe_store (fixture->coordinator);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (text, !=, edited);
  assert_refused (edited, SAM_CLUSTER_FILE_ERROR_CHECKSUM);
  assert_refused (renamed, SAM_CLUSTER_FILE_ERROR_CHECKSUM);
  /* The order of keys is part of what the checksum covers. */
  reordered = replace (text, "\"round\" : \"" ROUND "\",\n    \"cluster\" : \"" CLUSTER "\",",
                       "\"cluster\" : \"" CLUSTER "\",\n    \"round\" : \"" ROUND "\",");
  assert_refused (reordered, SAM_CLUSTER_FILE_ERROR_CHECKSUM);

  {
    g_autoptr(SamClusterFile) file = parse (edited, &error);

    g_assert_null (file);
    g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_CHECKSUM);
    g_assert_nonnull (strstr (error->message, "damaged or was changed"));
  }
  after = describe_store (fixture->coordinator);
  g_assert_cmpstr (before, ==, after);
}

static void
test_checksum_whitespace (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *crlf = replace (text, "\n", "\r\n");
  g_autofree char *tabs = replace (crlf, "  ", "\t");
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", tabs, NULL);
  g_autofree char *compact = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  const char *variants[3];

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  compact = json_generator_to_data (generator, NULL);
  g_assert_null (strchr (compact, '\n'));

  variants[0] = compact;
  variants[1] = tabs;
  variants[2] = bom;
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(SamClusterFile) file = parse (variants[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sam_cluster_file_get_clinic (file), ==, "Klinik 3");
      g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), ==, 4);
    }

  /* Another file by its bytes, but the same tallies. */
  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  g_assert_cmpint (import (compact, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  g_assert_cmpint (count (fixture->coordinator, "SELECT count(*) FROM clinic_tallies"), ==, N_ROWS);
}

static void
edit_version_2 (JsonObject *top,
                JsonObject *content)
{
  json_object_set_int_member (top, "version", 2);
}

static void
edit_version_0 (JsonObject *top,
                JsonObject *content)
{
  json_object_set_int_member (top, "version", 0);
}

static void
edit_version_text (JsonObject *top,
                   JsonObject *content)
{
  json_object_set_string_member (top, "version", "1");
}

static void
edit_format (JsonObject *top,
             JsonObject *content)
{
  json_object_set_string_member (top, "format", "samarbejde-answers");
}

static void
edit_unknown_member (JsonObject *top,
                        JsonObject *content)
{
  json_object_set_int_member (top, "checksum-is-set-again", 1);
}

static void
edit_missing_item (JsonObject *top,
                   JsonObject *content)
{
  json_object_remove_member (json_object_get_object_member (content, "items"), "q7c");
}

static void
edit_unknown_item (JsonObject *top,
                   JsonObject *content)
{
  JsonObject *items = json_object_get_object_member (content, "items");

  json_object_set_member (items, "q99", json_node_copy (json_object_get_member (items, "q1")));
}

static void
edit_counts_length (JsonObject *top,
                    JsonObject *content)
{
  json_array_add_int_element (json_object_get_array_member (item_of (content, "q1"), "counts"), 0);
}

static void
edit_counts_short (JsonObject *top,
                   JsonObject *content)
{
  json_array_remove_element (json_object_get_array_member (item_of (content, "q5a"), "counts"), 5);
}

static void
edit_negative_count (JsonObject *top,
                     JsonObject *content)
{
  json_node_set_int (first_count (content, "q1"), -1);
}

static void
edit_fractional_count (JsonObject *top,
                       JsonObject *content)
{
  json_node_set_double (first_count (content, "q1"), 1.5);
}

static void
edit_text_count (JsonObject *top,
                 JsonObject *content)
{
  json_node_set_string (first_count (content, "q1"), "1");
}

static void
edit_not_applicable (JsonObject *top,
                     JsonObject *content)
{
  json_object_set_int_member (item_of (content, "q1"), "not_applicable", 1);
}

static void
edit_few_respondents (JsonObject *top,
                      JsonObject *content)
{
  json_object_set_int_member (content, "respondents", 2);
}

static void
edit_no_respondents (JsonObject *top,
                     JsonObject *content)
{
  json_object_remove_member (content, "respondents");
}

static void
edit_index_sum (JsonObject *top,
                JsonObject *content)
{
  JsonObject *index = index_of (content, "index_A");

  json_object_set_double_member (index, "sum",
                                 100.0 * json_object_get_int_member (index, "n") + 0.5);
}

static void
edit_index_n (JsonObject *top,
              JsonObject *content)
{
  JsonObject *index = index_of (content, "index_D");

  json_object_set_int_member (index, "n", 5);
}

static void
edit_missing_index (JsonObject *top,
                    JsonObject *content)
{
  json_object_remove_member (json_object_get_object_member (content, "indices"), "index_C");
}

static void
edit_empty_clinic (JsonObject *top,
                   JsonObject *content)
{
  json_object_set_string_member (content, "clinic", "  ");
}

static void
edit_items_array (JsonObject *top,
                  JsonObject *content)
{
  json_object_set_array_member (content, "items", json_array_new ());
}

static void
edit_item_null (JsonObject *top,
                JsonObject *content)
{
  json_object_set_null_member (json_object_get_object_member (content, "items"), "q3");
}

static void
test_invalid_tallies (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { EditFunc edit; int code; const char *message; } edits[] = {
    { edit_version_2, SAM_CLUSTER_FILE_ERROR_VERSION, "newer version of Samarbejde" },
    { edit_version_0, SAM_CLUSTER_FILE_ERROR_INVALID, "version" },
    { edit_version_text, SAM_CLUSTER_FILE_ERROR_INVALID, "version" },
    { edit_format, SAM_CLUSTER_FILE_ERROR_INVALID, "not a file of tallies or figures" },
    { edit_unknown_member, 0, NULL },
    { edit_missing_item, SAM_CLUSTER_FILE_ERROR_INVALID, "items: item q7c is missing" },
    { edit_unknown_item, SAM_CLUSTER_FILE_ERROR_INVALID, "“q99”" },
    { edit_counts_length, SAM_CLUSTER_FILE_ERROR_INVALID, "q1: there must be 5 counts" },
    { edit_counts_short, SAM_CLUSTER_FILE_ERROR_INVALID, "q5a: there must be 6 counts" },
    { edit_negative_count, SAM_CLUSTER_FILE_ERROR_INVALID, "q1: count 1" },
    { edit_fractional_count, SAM_CLUSTER_FILE_ERROR_INVALID, "q1: count 1" },
    { edit_text_count, SAM_CLUSTER_FILE_ERROR_INVALID, "q1: count 1" },
    { edit_not_applicable, SAM_CLUSTER_FILE_ERROR_INVALID, "q1: the item has no “not applicable”" },
    { edit_few_respondents, SAM_CLUSTER_FILE_ERROR_INVALID, "more answers than" },
    { edit_no_respondents, SAM_CLUSTER_FILE_ERROR_INVALID, "respondents:" },
    { edit_index_sum, SAM_CLUSTER_FILE_ERROR_INVALID, "index_A: the sum" },
    { edit_index_n, SAM_CLUSTER_FILE_ERROR_INVALID, "index_D: n" },
    { edit_missing_index, SAM_CLUSTER_FILE_ERROR_INVALID, "index index_C is missing" },
    { edit_empty_clinic, SAM_CLUSTER_FILE_ERROR_INVALID, "clinic: the name is missing" },
    { edit_items_array, SAM_CLUSTER_FILE_ERROR_INVALID, "items: the items are missing" },
    { edit_item_null, SAM_CLUSTER_FILE_ERROR_INVALID, "q3:" },
  };
  g_autofree char *text = clinic_file (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = edit_file (text, edits[i].edit);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamClusterFile) file = parse (edited, &error);

      g_test_message ("edit %u: %s", i, error ? error->message : "(read)");
      /* Members the reader does not know are left alone, within the checksum. */
      if (edits[i].message == NULL)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_null (file);
      g_assert_error (error, SAM_CLUSTER_FILE_ERROR, edits[i].code);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
      g_assert_nonnull (strstr (error->message, edits[i].message));
    }
}

static void
test_invalid_bytes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autofree char *truncated = g_strndup (text, strlen (text) / 2);
  g_autofree char *deep = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *surrogate = NULL;
  g_autofree char *no_checksum = replace (text, "\"checksum\"", "\"chequesum\"");
  g_autofree char *recomputed = NULL;
  g_autofree char *trailing = g_strconcat (text, "{}", NULL);
  g_autofree char *big = NULL;
  const char *simple[] = {
    "", " \n", "hello", "{", "[]", "[1, 2]", "null", "\"samarbejde-tallies\"", "{}",
    "{\"format\": \"samarbejde-tallies\"}",
    "{\"format\": \"samarbejde-tallies\", \"version\": 1}",
    "{\"format\": \"samarbejde-tallies\", \"version\": 1, \"content\": []}",
    "{\"format\": \"samarbejde-figures\", \"version\": 1, \"content\": {}}",
    "{\"format\": \"samarbejde-figures\", \"version\": 1, \"content\": {}, \"checksum\": 5}",
  };
  GString *nested = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    assert_refused (simple[i], SAM_CLUSTER_FILE_ERROR_INVALID);
  assert_refused (truncated, SAM_CLUSTER_FILE_ERROR_INVALID);
  assert_refused (trailing, SAM_CLUSTER_FILE_ERROR_INVALID);
  assert_refused (no_checksum, SAM_CLUSTER_FILE_ERROR_INVALID);

  /* Right as JSON, wrong as a checksum: the content does not match. */
  assert_refused ("{\"format\": \"samarbejde-figures\", \"version\": 1, \"content\": {},"
                  " \"checksum\": \"00\"}", SAM_CLUSTER_FILE_ERROR_CHECKSUM);
  recomputed = fix_checksum (text);
  g_assert_cmpstr (recomputed, ==, text);

  /* json-glib's parser would recurse until the stack runs out. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (nested, FALSE);
  assert_refused (deep, SAM_CLUSTER_FILE_ERROR_INVALID);
  {
    g_autofree char *object_deep = g_strconcat ("{\"a\":", deep, NULL);

    assert_refused (object_deep, SAM_CLUSTER_FILE_ERROR_INVALID);
  }

  /* What json-glib reads beyond JSON is not JSON. */
  comment = g_strconcat ("/* hello */ ", text, NULL);
  assert_refused (comment, SAM_CLUSTER_FILE_ERROR_INVALID);
  quotes = replace (text, "\"format\"", "'format'");
  assert_refused (quotes, SAM_CLUSTER_FILE_ERROR_INVALID);

  /* Escapes json-glib reads its own way: half a surrogate pair makes bytes that are not
   * UTF-8 and swallows the quote after it, and a short "\u" takes the quote too. From there
   * on the parser would take for brackets what stands in strings, and the other way round. */
  {
    const char *escapes[] = {
      "\\ud800", "\\udc00", "\\ud800\\u0041", "\\u12", "\\u0000", "\\x", "\\0", "\t"
    };

    for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
      {
        g_autofree char *name = g_strdup_printf ("\"Klinik %s\"", escapes[i]);
        g_autofree char *edited = replace (text, "\"Klinik 3\"", name);
        g_autofree char *desync = g_strdup_printf ("{\"a\": \"%s\", \"b\": \"%s\"}",
                                                   escapes[i], deep);

        assert_refused (edited, SAM_CLUSTER_FILE_ERROR_INVALID);
        assert_refused (desync, SAM_CLUSTER_FILE_ERROR_INVALID);
      }
  }
  /* A pair that makes one character is fine as far as JSON goes. */
  surrogate = replace (text, "\"Klinik 3\"", "\"Klinik \\ud83d\\ude42\"");
  assert_refused (surrogate, SAM_CLUSTER_FILE_ERROR_CHECKSUM);

  /* Found by the fuzzer: json-glib quotes a long string in its message cut after a byte
   * count, in the middle of "æ", and the message must still be text to be shown. */
  assert_refused ("{\"a\" : \"abcdefghijklmnopqrstuvwxyzåæø\" : 1}",
                  SAM_CLUSTER_FILE_ERROR_INVALID);

  /* Bytes that are not text. */
  {
    const char latin1[] = "{\"format\": \"samarbejde-tallies\", \"x\": \"\xe6\"}";
    const char nul[] = "{\"format\": \"samarbejde-tallies\"}\0{}";
    g_autoptr(GBytes) bytes = g_bytes_new (nul, sizeof nul - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(SamClusterFile) file = NULL;

    assert_refused (latin1, SAM_CLUSTER_FILE_ERROR_INVALID);
    file = sam_cluster_file_parse (NAME, bytes, &error);
    g_assert_null (file);
    g_assert_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID);
  }

  /* Too big to be ours: refused before it is parsed. */
  big = g_malloc (17 * 1024 * 1024 + 1);
  memset (big, ' ', 17 * 1024 * 1024);
  big[17 * 1024 * 1024] = '\0';
  assert_refused (big, SAM_CLUSTER_FILE_ERROR_INVALID);
}

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

/* Writing */

static void
test_write_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = clinic_file (fixture);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 cluster, empty_round, clinic;

  /* A clinic without answers in the round. */
  g_assert_false (sam_cluster_file_write_tallies (fixture->coordinator, fixture->round, 999, out,
                                                  &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_cluster_file_write_tallies (fixture->coordinator, 999, fixture->klinik1, out,
                                                  &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A round without anything to show. */
  g_assert_true (sam_store_ensure_cluster (fixture->coordinator, CLUSTER, &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->coordinator, cluster, "Efterår 2026",
                                         "2026-09-01", &empty_round, NULL));
  g_assert_false (sam_cluster_file_write_figures (fixture->coordinator, empty_round, &(SamFiguresPolicy) { 3, 0 }, out, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Answers of its own beside the tallies from its file would count twice: the store
   * refuses them, so such a mix never comes to be written. */
  g_assert_cmpint (import (text, fixture->coordinator), ==, SAM_CLUSTER_FILE_ADDED);
  g_assert_true (sam_store_find_clinic (fixture->coordinator, cluster, "Klinik 3", &clinic));
  g_assert_false (sam_store_add_respondent (fixture->coordinator, fixture->round, clinic, SAM_ROLE_PARTNER,
                                            NULL, 0, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);

  g_assert_cmpuint (out->len, ==, 0);
}

static void
test_count_respondents (Fixture       *fixture,
                        gconstpointer  data)
{
  SamStore *clinic = fixture->clinic;
  SamStore *coordinator = fixture->coordinator;

  g_assert_cmpuint (sam_cluster_file_count_respondents (clinic, fixture->clinic_round,
                                                        fixture->clinic_id), ==, 4);
  g_assert_cmpuint (sam_cluster_file_count_respondents (coordinator, fixture->round,
                                                        fixture->klinik1), ==, 2);
  g_assert_cmpuint (sam_cluster_file_count_respondents (coordinator, fixture->round,
                                                        fixture->klinik2), ==, 3);
  g_assert_cmpuint (sam_cluster_file_count_respondents (coordinator, fixture->round, 999), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cluster-file/tallies/round-trip", test_tallies_round_trip);
  ADD ("/cluster-file/tallies/only-counts", test_tallies_only_counts);
  ADD ("/cluster-file/tallies/already", test_tallies_already);
  ADD ("/cluster-file/tallies/newer-replaces", test_tallies_newer_replaces);
  ADD ("/cluster-file/tallies/conflict", test_tallies_conflict);
  ADD ("/cluster-file/tallies/closed-round", test_tallies_closed_round);
  ADD ("/cluster-file/tallies/new-database", test_tallies_new_database);
  ADD ("/cluster-file/checksum/edited", test_checksum_edited);
  ADD ("/cluster-file/checksum/whitespace", test_checksum_whitespace);
  ADD ("/cluster-file/invalid/tallies", test_invalid_tallies);
  ADD ("/cluster-file/invalid/bytes", test_invalid_bytes);
  ADD ("/cluster-file/figures/round-trip", test_figures_round_trip);
  ADD ("/cluster-file/invalid/figures", test_invalid_figures);
  ADD ("/cluster-file/invalid/formula-names", test_formula_names);
  ADD ("/cluster-file/invalid/duplicate-keys", test_duplicate_keys);
  ADD ("/cluster-file/invalid/respondents", test_respondents_bound);
  ADD ("/cluster-file/invalid/figures-n", test_figures_n_bound);
  ADD ("/cluster-file/write/refused", test_write_refused);
  ADD ("/cluster-file/count-respondents", test_count_respondents);

#undef ADD

  return g_test_run ();
}
