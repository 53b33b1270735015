/* sam-results-csv.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-csv.h"
#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-rows.h"

/* The results file, written from the one pipeline of figures (sam-round-figures); the
 * tallies it starts from are sam-results.c's, below it. */

/* Writing the results file (formats contract, "Results CSV") */

static const char *header[] = {
  "round", "cluster", "scope", "unit", "item", "n", "mean", "favourable", "distribution",
  "suppressed",
};

typedef struct
{
  GString *out;
  guint    n_rows;
} Writer;

static void
append_row (Writer            *writer,
            const char * const fields[G_N_ELEMENTS (header)])
{
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (writer->out, ',');
      sam_csv_append_field (writer->out, fields[i], ',');
    }
  g_string_append_c (writer->out, '\n');
  writer->n_rows++;
}

typedef struct
{
  Writer     *writer;
  const char *round;
  const char *cluster;
  GHashTable *national_written;    /* round labels: the country's rows go once a label */
} RoundRows;

static void
append_figure (const char      *scope,
               const char      *unit,
               const char      *item,
               const SamFigure *figure,
               gpointer         user_data)
{
  RoundRows *rows = user_data;
  char n[16], mean[G_ASCII_DTOSTR_BUF_SIZE], favourable[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *distribution = sam_figure_format (figure, mean, favourable);
  const char *fields[G_N_ELEMENTS (header)];

  gboolean national = g_str_equal (scope, "national");

  if (national && g_hash_table_contains (rows->national_written, rows->round))
    return;
  g_snprintf (n, sizeof n, "%u", figure->n);
  fields[0] = rows->round;
  fields[1] = national ? "" : rows->cluster;
  fields[2] = scope;
  fields[3] = unit;
  fields[4] = item;
  fields[5] = n;
  fields[6] = mean;
  fields[7] = favourable;
  fields[8] = distribution;
  /* Where n is 0 there is nothing to withhold. */
  fields[9] = figure->n > 0 && figure->withheld != SAM_WITHHELD_NONE ? "1" : "0";
  append_row (rows->writer, fields);
}

/**
 * sam_results_write_csv:
 * @round_label: (nullable): only the rounds of this name, or %NULL for all
 * @policy: (nullable): whose view and which k (0: the round's own); %NULL for the
 *   cluster's view
 * @out: where the file's text is appended
 * @n_rows: (out) (optional): the rows written, the header not counted
 * @left_out: (out) (optional) (transfer full): the labels of rounds not written because
 *   they are still open
 *
 * Writes the results file: a row for every published round (closed, or whose figures
 * came in the cluster's figures file), every unit with respondents in it, and every item
 * and index, from the one figures pipeline. The cluster's view is a publication and fixes
 * the round's k; so does a clinic's own view that holds other clinics' answers (on the
 * coordinator's computer), which must show the pattern every later publication shows.
 */
gboolean
sam_results_write_csv (SamStore                *store,
                       const char              *round_label,
                       const SamFiguresPolicy  *policy,
                       GString                 *out,
                       guint                   *n_rows,
                       GPtrArray              **left_out,
                       GError                 **error)
{
  static const SamFiguresPolicy cluster_view = { 0, 0 };
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) open_rounds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) national_written = g_hash_table_new (g_str_hash, g_str_equal);
  Writer writer = { out, 0 };

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (policy == NULL)
    policy = &cluster_view;
  rounds = sam_store_list_rounds (store, error);
  if (rounds == NULL)
    return FALSE;

  append_row (&writer, header);

  /* Oldest first reads most naturally. */
  for (guint i = rounds->len; i > 0; i--)
    {
      SamRound *info = g_ptr_array_index (rounds, i - 1);
      g_autoptr(SamRoundFigures) figures = NULL;
      SamFiguresPolicy round_policy = *policy;
      RoundRows rows = { &writer, NULL, NULL, NULL };

      if (round_label != NULL && g_strcmp0 (info->label, round_label) != 0)
        continue;
      if (!sam_round_has_figures (info))
        continue;
      if (!sam_round_can_publish (info))
        {
          if (round_label != NULL)
            return sam_store_publish_round (store, info->id, policy->k, FALSE, NULL, error);
          g_ptr_array_add (open_rounds, g_strdup (info->label));
          continue;
        }
      /* The round's k (another is refused), then fixed where the figures hold anyone
       * else's answers, the cluster's view or a clinic's own. */
      if (!sam_store_publish_round (store, info->id, policy->k, FALSE, &round_policy.k, error))
        return FALSE;
      figures = sam_round_figures_load (store, info->id, &round_policy, error);
      if (figures == NULL || !sam_round_figures_publish (store, figures, error))
        return FALSE;

      rows.round = figures->round_label;
      rows.cluster = figures->cluster_name;
      rows.national_written = national_written;
      sam_round_figures_foreach_row (figures, append_figure, &rows);
      g_hash_table_add (national_written, info->label);
    }

  if (n_rows != NULL)
    *n_rows = writer.n_rows - 1;
  if (left_out != NULL)
    *left_out = g_steal_pointer (&open_rounds);
  return TRUE;
}
