/* test-cluster-file.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-cluster-file-common.h"

/* Files of tallies: written, read back, checked, refused. The figures a coordinator sends
 * back are in test-cluster-file-figures.c. */

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
  ADD ("/cluster-file/write/refused", test_write_refused);
  ADD ("/cluster-file/count-respondents", test_count_respondents);

#undef ADD

  return g_test_run ();
}
