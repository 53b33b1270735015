/* fuzz-cluster-file.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <json-glib/json-glib.h>

#include "sam-cluster-file.h"

/* A file from a clinic or a coordinator comes by e-mail or on a stick, so the reader must
 * survive any bytes: no crash, no read out of bounds, no leak, and a file it accepts holds
 * what its getters promise. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The bytes again with the checksum the content needs, as the format computes it. Without
 * this the fuzzer would hardly ever get past the checksum to the checks of the content. */
static GBytes *
fit_checksum (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  JsonNode *root, *content;
  gsize length = 0;

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  content = json_object_get_member (json_node_get_object (root), "content");
  if (content == NULL)
    return NULL;

  json_generator_set_root (generator, content);
  g_free (text);
  text = json_generator_to_data (generator, &length);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
  json_object_set_string_member (json_node_get_object (root), "checksum", checksum);

  json_generator_set_root (generator, root);
  g_free (text);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/* Parses, and checks what a caller relies on. Returns the error code, or -1 where the
 * file was read. */
static int
parse (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamClusterFile) file = NULL;
  const char *round, *cluster, *clinic;

  file = sam_cluster_file_parse ("fuzz.json", bytes, &error);
  if (file == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SAM_CLUSTER_FILE_ERROR);
      g_assert_true (error->code == SAM_CLUSTER_FILE_ERROR_INVALID ||
                     error->code == SAM_CLUSTER_FILE_ERROR_VERSION ||
                     error->code == SAM_CLUSTER_FILE_ERROR_CHECKSUM);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json:"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return error->code;
    }

  g_assert_no_error (error);
  round = sam_cluster_file_get_round (file);
  cluster = sam_cluster_file_get_cluster (file);
  clinic = sam_cluster_file_get_clinic (file);
  g_assert_true (round != NULL && *round != '\0' && g_utf8_validate (round, -1, NULL));
  g_assert_true (cluster != NULL && *cluster != '\0' && g_utf8_validate (cluster, -1, NULL));
  switch (sam_cluster_file_get_kind (file))
    {
    case SAM_CLUSTER_FILE_TALLIES:
      g_assert_true (clinic != NULL && *clinic != '\0' && g_utf8_validate (clinic, -1, NULL));
      g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), >, 0);
      break;
    case SAM_CLUSTER_FILE_FIGURES:
      g_assert_null (clinic);
      g_assert_cmpuint (sam_cluster_file_get_n_respondents (file), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }
  return -1;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized = FALSE;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) fitted = NULL;

  /* A critical from json-glib or from our own checks is a bug as much as a crash is. */
  if (!initialized)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }

  bytes = g_bytes_new (data, size);
  /* Only bytes the reader let through to the checksum go to json-glib here: it would
   * recurse on deep nesting until the stack ran out. */
  if (parse (bytes) == SAM_CLUSTER_FILE_ERROR_CHECKSUM && (fitted = fit_checksum (bytes)) != NULL)
    g_assert_cmpint (parse (fitted), !=, SAM_CLUSTER_FILE_ERROR_CHECKSUM);
  return 0;
}
