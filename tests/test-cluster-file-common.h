/* test-cluster-file-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sam-cluster-file.h"
#include "sam-csv.h"
#include "sam-instrument.h"
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
static inline void
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

static inline SamStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static inline void
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

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->clinic);
  g_assert_finalize_object (fixture->coordinator);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers */

static inline gint64
count (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

/* Everything a failed import must leave as it was, as one string. */
static inline char *
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

static inline char *
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
static inline char *
clinic_file (Fixture *fixture)
{
  return write_tallies (fixture->clinic, fixture->clinic_round, fixture->clinic_id);
}

/* A round's figures leave the app once it is closed: the tests close it where they
 * publish. */
static inline void
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

static inline char *
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

static inline SamClusterFile *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sam_cluster_file_parse (NAME, bytes, error);
}

static inline SamClusterFileResult
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
static inline void
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
static inline GHashTable *
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
static inline GHashTable *
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

static inline void
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
static inline char *
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
static inline char *
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

static inline char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), >=, 2);
  return g_strjoinv (new, parts);
}

/* @old's first occurrence only, followed by @added. */
static inline char *
add_after_first (const char *text,
                 const char *old,
                 const char *added)
{
  const char *p = strstr (text, old);

  g_assert_nonnull (p);
  p += strlen (old);
  return g_strdup_printf ("%.*s%s%s", (int) (p - text), text, added, p);
}

static inline JsonObject *
item_of (JsonObject *content,
         const char *id)
{
  return json_object_get_object_member (json_object_get_object_member (content, "items"), id);
}

static inline JsonNode *
first_count (JsonObject *content,
             const char *id)
{
  return json_array_get_element (json_object_get_array_member (item_of (content, id), "counts"), 0);
}

static inline JsonObject *
index_of (JsonObject *content,
          const char *id)
{
  return json_object_get_object_member (json_object_get_object_member (content, "indices"), id);
}

/* Keys a tallies file may hold: counts, never answers. */
static inline void
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
