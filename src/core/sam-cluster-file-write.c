/* sam-cluster-file-write.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing a clinic's tallies file and the cluster's figures file; reading and importing
 * them is sam-cluster-file.c. */

#define G_LOG_DOMAIN "sam-cluster-file"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-cluster-file-private.h"
#include "sam-names.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-rows.h"

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Puts the content in its envelope and appends the file's text, indented for a person. */
static void
append_file (GString    *out,
             const char *format,
             JsonNode   *content)
{
  g_autofree char *checksum = _sam_cluster_file_checksum (content);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  json_builder_begin_object (builder);
  add_string_member (builder, "format", format);
  add_int_member (builder, "version", FORMAT_VERSION);
  json_builder_set_member_name (builder, "content");
  json_builder_add_value (builder, json_node_copy (content));
  add_string_member (builder, "checksum", checksum);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  g_string_append_len (out, text, length);
  g_string_append_c (out, '\n');
}

/**
 * sam_cluster_file_count_respondents:
 *
 * Returns: the clinic's respondents in the round (0 also where the database fails: the
 *   number only decides whether to warn before a file is written)
 */
guint
sam_cluster_file_count_respondents (SamStore *store,
                                    gint64    round_id,
                                    gint64    clinic_id)
{
  gint64 n = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), 0);

  if (!_sam_store_count_respondents (store, round_id, clinic_id, &n, NULL))
    return 0;
  return (guint) CLAMP (n, 0, G_MAXUINT);
}

/* The content of a file of @round_label in @cluster_name, begun: an object that opens with
 * the two, for the caller to go on with. */
static JsonBuilder *
begin_content (const char *round_label,
               const char *cluster_name)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "round", round_label);
  add_string_member (builder, "cluster", cluster_name);
  return builder;
}

/**
 * sam_cluster_file_write_tallies:
 * @out: where the file's text is appended
 *
 * Writes a clinic's tallies for one round, for its coordinator: per item the counts of
 * each answer and of "not applicable", per index the respondents counted and the sum of
 * their domain scores. No individual answer and nothing that identifies a respondent.
 */
gboolean
sam_cluster_file_write_tallies (SamStore  *store,
                                gint64     round_id,
                                gint64     clinic_id,
                                GString   *out,
                                GError   **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamRoundTallies) round = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) content = NULL;
  const SamClinicTallies *clinic = NULL;
  gint64 n_respondents = 0, n_imported = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  round = sam_round_tallies_load (store, round_id, error);
  if (round == NULL)
    return FALSE;
  for (guint i = 0; i < round->clinics->len && clinic == NULL; i++)
    {
      const SamClinicTallies *candidate = g_ptr_array_index (round->clinics, i);

      if (candidate->clinic_id == clinic_id)
        clinic = candidate;
    }

  if (!_sam_store_count_respondents (store, round_id, clinic_id, &n_respondents, error))
    return FALSE;
  if (clinic == NULL || n_respondents == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The clinic has no answers of its own in round “%s”"), round->round_label);
      return FALSE;
    }

  /* Tallies that came from the clinic's file would be counted in as well, and the file
   * would hold more answers than respondents; the coordinator keeps one or the other. */
  if (!_sam_store_count_clinic_tallies (store, round_id, clinic_id, &n_imported, error))
    return FALSE;
  if (n_imported > 0)
    {
      g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_CONFLICT,
                   _("Clinic “%s” has answers of its own in round “%s” and tallies from its "
                     "file as well, so no file of its tallies can be written"),
                   clinic->code, round->round_label);
      return FALSE;
    }

  builder = begin_content (round->round_label, round->cluster_name);
  add_string_member (builder, "clinic", clinic->code);
  add_int_member (builder, "respondents", n_respondents);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const SamItemTally *tally = &clinic->tallies.items[i];

      json_builder_set_member_name (builder, item->id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_array (builder);
      for (guint code = 1; code <= _sam_cluster_file_item_n_codes (item); code++)
        json_builder_add_int_value (builder, tally->counts[code]);
      json_builder_end_array (builder);
      add_int_member (builder, "not_applicable", tally->not_applicable);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "indices");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SAM_N_INDICES; i++)
    {
      json_builder_set_member_name (builder, sam_index_to_string (i));
      json_builder_begin_object (builder);
      add_int_member (builder, "n", clinic->tallies.indices[i].n);
      json_builder_set_member_name (builder, "sum");
      json_builder_add_double_value (builder, clinic->tallies.indices[i].sum);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  content = json_builder_get_root (builder);

  /* What the file holds, so that the window can say when the clinic's answers changed
   * after it went to the coordinator. */
  {
    g_autofree char *fingerprint = sam_tallies_fingerprint (&clinic->tallies);
    g_autofree char *sent = _sam_cluster_file_today ();

    if (!_sam_store_set_sent_fingerprint (store, round_id, clinic_id, fingerprint, sent, error))
      return FALSE;
  }

  append_file (out, FORMAT_TALLIES, content);
  return TRUE;
}

static void
add_row (JsonBuilder *builder,
         const char  *scope,
         const char  *unit,
         const char  *item,
         gint64       n,
         const char  *mean,
         const char  *favourable,
         const char  *distribution,
         gboolean     suppressed)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "scope", scope);
  add_string_member (builder, "unit", unit);
  add_string_member (builder, "item", item);
  add_int_member (builder, "n", n);
  add_string_member (builder, "mean", mean);
  add_string_member (builder, "favourable", favourable);
  add_string_member (builder, "distribution", distribution);
  add_int_member (builder, "suppressed", suppressed ? 1 : 0);
  json_builder_end_object (builder);
}

/* The strings of the results file, from the one place that makes figures. */
static void
add_figure_row (const char      *scope,
                const char      *unit,
                const char      *item,
                const SamFigure *figure,
                gpointer         user_data)
{
  JsonBuilder *builder = user_data;
  char mean[G_ASCII_DTOSTR_BUF_SIZE], favourable[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *distribution = sam_figure_format (figure, mean, favourable);

  /* Where n is 0 there is nothing to withhold. */
  add_row (builder, scope, unit, item, figure->n, mean, favourable, distribution,
           figure->n > 0 && figure->withheld != SAM_WITHHELD_NONE);
}

/**
 * sam_cluster_file_write_figures:
 * @policy: (nullable): the minimum group size (0: the round's own) and, for a file of one
 *   clinic's own view, that clinic; %NULL for the cluster's view
 * @out: where the file's text is appended
 *
 * Writes the cluster's figures for one round, for every clinic: the cluster's, each
 * clinic's and the national ones, the same rows and strings as the results file, from the
 * one figures pipeline. The round must be closed; the file is a publication of the round
 * and fixes its k.
 */
gboolean
sam_cluster_file_write_figures (SamStore                *store,
                                gint64                   round_id,
                                const SamFiguresPolicy  *policy,
                                GString                 *out,
                                GError                 **error)
{
  SamFiguresPolicy round_policy = { 0, 0 };
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) content = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (policy != NULL)
    round_policy = *policy;
  if (!sam_store_publish_round (store, round_id, round_policy.k, TRUE, &round_policy.k, error))
    return FALSE;
  figures = sam_round_figures_load (store, round_id, &round_policy, error);
  if (figures == NULL)
    return FALSE;
  if (figures->clinics->len == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("Round “%s” has no answers and no clinic’s tallies yet"),
                   figures->round_label);
      return FALSE;
    }

  builder = begin_content (figures->round_label, figures->cluster_name);
  add_int_member (builder, "k", figures->k);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  sam_round_figures_foreach_row (figures, add_figure_row, builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  content = json_builder_get_root (builder);
  append_file (out, FORMAT_FIGURES, content);
  return TRUE;
}
