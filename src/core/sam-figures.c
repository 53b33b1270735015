/* sam-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-figures"

#include "config.h"

#include <string.h>

#include "sam-figures.h"

/* The names are part of the instrument contract ("Aggregates"): data files and the results
 * file use them as they are. */
static const char *index_names[SAM_N_INDICES] = { "index_A", "index_C", "index_D" };

/* Only the attitude items make up an index; B (meetings and breaks) has none, since how
 * often a clinic should meet is not a matter of more being better. */
static const char *index_a_items[] = { "q1", "q2a", "q2b", "q2c", "q2d", "q3", NULL };
static const char *index_c_items[] = {
  "q7a", "q7b", "q7c", "q7d", "q7e", "q7f", "q7g", "q7h", NULL
};
static const char *index_d_items[] = { "q8", "q9", NULL };

static const char * const *index_items[SAM_N_INDICES] = {
  index_a_items,
  index_c_items,
  index_d_items,
};

/* The number of codes of an item's scale, bounded by what a tally can hold. */
static guint
item_n_codes (const SamItem *item)
{
  g_assert (item != NULL);
  g_assert (item->question != NULL);
  g_assert (item->question->scale != NULL);

  return MIN (item->question->scale->options->len, SAM_MAX_CODES);
}

const char *
sam_index_to_string (SamIndex index)
{
  g_return_val_if_fail ((guint) index < SAM_N_INDICES, NULL);

  return index_names[index];
}

gboolean
sam_index_from_string (const char *str,
                       SamIndex   *index)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < SAM_N_INDICES; i++)
    {
      if (strcmp (str, index_names[i]) == 0)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
sam_index_has_item (SamIndex    index,
                    const char *item_id)
{
  const char * const *ids;

  g_return_val_if_fail ((guint) index < SAM_N_INDICES, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  for (ids = index_items[index]; *ids != NULL; ids++)
    {
      if (strcmp (*ids, item_id) == 0)
        return TRUE;
    }

  return FALSE;
}

void
sam_tallies_clear (SamTallies *tallies)
{
  g_return_if_fail (tallies != NULL);

  memset (tallies, 0, sizeof *tallies);
}

/**
 * sam_tallies_add_respondent:
 * @tallies: the tallies of the respondent's unit and round
 * @instrument: the instrument
 * @role: the respondent's role
 * @codes: %SAM_N_ITEMS answer codes by #SamItem.index: 0 where missing,
 *   %SAM_ANSWER_NOT_APPLICABLE where not applicable
 *
 * Counts one respondent's answers and, for each domain index where they answered enough,
 * their domain score.
 */
void
sam_tallies_add_respondent (SamTallies    *tallies,
                            SamInstrument *instrument,
                            SamRole        role,
                            const int     *codes)
{
  const SamItem *items[SAM_N_ITEMS] = { NULL, };
  int scores[SAM_N_ITEMS] = { 0, };
  gboolean valid[SAM_N_ITEMS] = { FALSE, };
  guint n_items;

  g_return_if_fail (tallies != NULL);
  g_return_if_fail (SAM_IS_INSTRUMENT (instrument));
  g_return_if_fail ((guint) role < SAM_N_ROLES);
  g_return_if_fail (codes != NULL);

  n_items = sam_instrument_get_n_items (instrument);

  for (guint i = 0; i < n_items; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const SamOption *option;
      int code;

      if (item == NULL || item->index >= SAM_N_ITEMS)
        continue;

      items[item->index] = item;
      code = codes[item->index];

      /* The store refuses answers to items not asked of the role and codes outside the
       * scale before they get here; anything else that slips through is left out rather
       * than counted, since a wrong count could expose or distort a small clinic. */
      if (code == 0 || !sam_item_is_asked (item, role))
        continue;

      if (code == SAM_ANSWER_NOT_APPLICABLE)
        {
          if (item->not_applicable != NULL)
            tallies->items[item->index].not_applicable++;
          continue;
        }

      option = sam_item_lookup_option (item, code);
      if (option == NULL || code > SAM_MAX_CODES)
        continue;

      tallies->items[item->index].counts[code]++;
      scores[item->index] = option->score;
      valid[item->index] = TRUE;
    }

  for (guint i = 0; i < SAM_N_INDICES; i++)
    {
      guint n_asked = 0;
      guint n_valid = 0;
      double sum = 0.0;

      for (guint j = 0; j < SAM_N_ITEMS; j++)
        {
          if (items[j] == NULL
              || !sam_index_has_item (i, items[j]->id)
              || !sam_item_is_asked (items[j], role))
            continue;

          n_asked++;
          if (valid[j])
            {
              n_valid++;
              sum += scores[j];
            }
        }

      /* At least half of the items asked, so that one answer out of six does not stand
       * for the whole domain; a respondent asked none of them is not counted at all. */
      if (n_asked == 0 || n_valid == 0 || n_valid * 2 < n_asked)
        continue;

      tallies->indices[i].n++;
      tallies->indices[i].sum += sum / n_valid;
    }
}

/**
 * sam_tallies_merge:
 * @into: the tallies to add to, such as a cluster's
 * @from: the tallies to add, such as one of its clinics'
 *
 * A cluster's figures are the sum of its clinics', so the cluster is tallied by merging
 * rather than by counting respondents twice.
 */
void
sam_tallies_merge (SamTallies       *into,
                   const SamTallies *from)
{
  g_return_if_fail (into != NULL);
  g_return_if_fail (from != NULL);

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      for (guint c = 0; c <= SAM_MAX_CODES; c++)
        into->items[i].counts[c] += from->items[i].counts[c];
      into->items[i].not_applicable += from->items[i].not_applicable;
    }

  for (guint i = 0; i < SAM_N_INDICES; i++)
    {
      into->indices[i].n += from->indices[i].n;
      into->indices[i].sum += from->indices[i].sum;
    }
}

/**
 * sam_figure_from_item_tally:
 * @figure: (out caller-allocates): the figure
 * @item: the item
 * @tally: the item's tally in one unit and round
 *
 * Computes n, mean, favourable share and distribution exactly as the instrument contract
 * says ("Aggregates"), so that every view and file shows the same numbers. Where n is 0
 * the other values are 0 and must not be shown.
 */
void
sam_figure_from_item_tally (SamFigure          *figure,
                            const SamItem      *item,
                            const SamItemTally *tally)
{
  const SamScale *scale;
  guint n_codes;
  guint n = 0;
  guint n_favourable = 0;
  double sum = 0.0;

  g_return_if_fail (figure != NULL);
  g_return_if_fail (item != NULL);
  g_return_if_fail (tally != NULL);

  scale = item->question->scale;
  n_codes = item_n_codes (item);

  memset (figure, 0, sizeof *figure);
  figure->has_favourable = scale->has_favourable;
  figure->n_codes = n_codes;
  figure->withheld = SAM_WITHHELD_NONE;

  for (guint c = 1; c <= n_codes; c++)
    {
      const SamOption *option = g_ptr_array_index (scale->options, c - 1);
      guint count = tally->counts[c];

      n += count;
      sum += (double) count * option->score;
      if (option->favourable)
        n_favourable += count;
    }

  figure->n = n;
  if (n == 0)
    return;

  figure->mean = sum / n;
  if (scale->has_favourable)
    figure->favourable = 100.0 * n_favourable / n;
  for (guint c = 1; c <= n_codes; c++)
    figure->distribution[c - 1] = 100.0 * tally->counts[c] / n;
}

/**
 * sam_figure_from_index_tally:
 * @figure: (out caller-allocates): the figure
 * @tally: the index's tally in one unit and round
 *
 * An index has a mean only: no favourable share and no distribution.
 */
void
sam_figure_from_index_tally (SamFigure           *figure,
                             const SamIndexTally *tally)
{
  g_return_if_fail (figure != NULL);
  g_return_if_fail (tally != NULL);

  memset (figure, 0, sizeof *figure);
  figure->n = tally->n;
  figure->has_favourable = FALSE;
  figure->n_codes = 0;
  figure->withheld = SAM_WITHHELD_NONE;
  if (tally->n > 0)
    figure->mean = tally->sum / tally->n;
}

gboolean
sam_figure_is_shown (const SamFigure *figure)
{
  g_return_val_if_fail (figure != NULL, FALSE);

  return figure->n > 0 && figure->withheld == SAM_WITHHELD_NONE;
}

/**
 * sam_figure_apply_primary:
 * @figure: a figure
 * @k: the minimum group size
 *
 * Withholds a figure of fewer than @k answers. A figure of no answers has nothing to
 * withhold and stays as it is; a figure already withheld stays withheld.
 */
void
sam_figure_apply_primary (SamFigure *figure,
                          int        k)
{
  g_return_if_fail (figure != NULL);

  if (figure->withheld != SAM_WITHHELD_NONE)
    return;

  if (figure->n > 0 && k > 0 && figure->n < (guint) k)
    figure->withheld = SAM_WITHHELD_PRIMARY;
}

/**
 * sam_figures_suppress_cluster:
 * @cluster: the cluster's figure
 * @clinics: (array length=n_clinics): the figures of the cluster's clinics
 * @clinic_codes: (array length=n_clinics): the clinics' codes, in the same order
 * @n_clinics: the number of clinics
 * @k: the minimum group size
 *
 * Applies primary and then secondary suppression (instrument contract, "Anonymity") to
 * the figures of one round, one cluster and one item or index.
 */
void
sam_figures_suppress_cluster (SamFigure          *cluster,
                              SamFigure         **clinics,
                              const char * const *clinic_codes,
                              guint               n_clinics,
                              int                 k)
{
  guint withheld_n = 0;

  g_return_if_fail (cluster != NULL);
  g_return_if_fail (n_clinics == 0 || clinics != NULL);
  g_return_if_fail (n_clinics == 0 || clinic_codes != NULL);

  for (guint i = 0; i < n_clinics; i++)
    g_return_if_fail (clinics[i] != NULL && clinic_codes[i] != NULL);

  sam_figure_apply_primary (cluster, k);
  for (guint i = 0; i < n_clinics; i++)
    sam_figure_apply_primary (clinics[i], k);

  /* Where the cluster's figure is withheld, nothing can be worked out by subtracting the
   * shown clinics from it. */
  if (!sam_figure_is_shown (cluster))
    return;

  for (guint i = 0; i < n_clinics; i++)
    {
      if (clinics[i]->withheld != SAM_WITHHELD_NONE)
        withheld_n += clinics[i]->n;
    }

  /* The cluster's figure less the shown clinics' is what the withheld clinics hold
   * together, so that must be at least k respondents too. */
  while (withheld_n > 0 && k > 0 && withheld_n < (guint) k)
    {
      SamFigure *smallest = NULL;
      const char *smallest_code = NULL;

      for (guint i = 0; i < n_clinics; i++)
        {
          if (!sam_figure_is_shown (clinics[i]))
            continue;

          if (smallest == NULL
              || clinics[i]->n < smallest->n
              || (clinics[i]->n == smallest->n
                  && strcmp (clinic_codes[i], smallest_code) < 0))
            {
              smallest = clinics[i];
              smallest_code = clinic_codes[i];
            }
        }

      if (smallest == NULL)
        break;

      smallest->withheld = SAM_WITHHELD_SECONDARY;
      withheld_n += smallest->n;
    }
}
