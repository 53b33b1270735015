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
 * sam_tallies_fingerprint:
 *
 * Returns: (transfer full): a SHA-256 of the tallies, to tell later whether a clinic's
 *   answers changed after its tallies file was written
 */
char *
sam_tallies_fingerprint (const SamTallies *tallies)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (tallies != NULL, NULL);

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      for (guint c = 1; c <= SAM_MAX_CODES; c++)
        g_string_append_printf (text, "%u,", tallies->items[i].counts[c]);
      g_string_append_printf (text, "%u;", tallies->items[i].not_applicable);
    }
  for (guint i = 0; i < SAM_N_INDICES; i++)
    g_string_append_printf (text, "%u,%.6f;", tallies->indices[i].n, tallies->indices[i].sum);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
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

/* Whether the pattern of withheld clinics is safe (instrument contract, "Anonymity"): for
 * every member, what the withheld clinics hold together is 0 or at least k, and so is what
 * is left of it once any one of them (whose people know their own figures) is taken out. */
static gboolean
pattern_is_safe (SamFigure       **clinics,
                 guint             n_members,
                 guint             n_clinics,
                 const gboolean   *withheld,
                 guint             k)
{
  for (guint m = 0; m < n_members; m++)
    {
      guint64 together = 0;

      for (guint c = 0; c < n_clinics; c++)
        if (withheld[c])
          together += clinics[c * n_members + m]->n;
      if (together > 0 && together < k)
        return FALSE;
      for (guint c = 0; c < n_clinics; c++)
        {
          guint64 rest;

          if (!withheld[c])
            continue;
          rest = together - clinics[c * n_members + m]->n;
          if (rest > 0 && rest < k)
            return FALSE;
        }
    }
  return TRUE;
}

static void
withhold (SamFigure *figure,
          guint      k)
{
  if (figure->n == 0)
    return;
  figure->withheld = figure->n < k ? SAM_WITHHELD_PRIMARY : SAM_WITHHELD_SECONDARY;
}

/**
 * sam_figures_suppress_group:
 * @cluster: (array length=n_members): the cluster's figure of each member of the group
 * @n_members: how many figures make up the group: an index and its items, or one item
 * @clinics: (array): the clinics' figures, clinic by clinic, each with its @n_members
 *   figures in the order of @cluster: clinics[c * n_members + m]
 * @clinic_codes: (array length=n_clinics): the clinics' codes
 * @n_clinics: the number of clinics
 * @k: the minimum group size
 *
 * The one suppression rule (instrument contract, "Anonymity"), for one round, one cluster
 * and one group of linked figures. A clinic withheld for one member is withheld for every
 * member. Primary suppression first; then, while the pattern is not safe against an
 * outsider and against the people of each withheld clinic, the shown clinic with the
 * smallest n summed over the group (ties by code, in byte order) is withheld too. Where
 * no clinic is left, or the cluster's own n is below @k, the cluster's figures are withheld
 * instead and only the clinics of fewer than @k answers stay withheld.
 *
 * A figure already withheld by the caller counts as withheld here too.
 */
void
sam_figures_suppress_group (SamFigure          **cluster,
                            guint                n_members,
                            SamFigure          **clinics,
                            const char * const  *clinic_codes,
                            guint                n_clinics,
                            int                  k)
{
  g_autofree gboolean *primary = NULL;
  g_autofree gboolean *withheld = NULL;
  g_autofree guint64 *sums = NULL;
  gboolean cluster_withheld = FALSE;
  guint uk;

  g_return_if_fail (cluster != NULL && n_members > 0);
  g_return_if_fail (n_clinics == 0 || (clinics != NULL && clinic_codes != NULL));

  if (k <= 1)
    return;
  uk = (guint) k;

  primary = g_new0 (gboolean, n_clinics + 1);
  withheld = g_new0 (gboolean, n_clinics + 1);
  sums = g_new0 (guint64, n_clinics + 1);

  for (guint m = 0; m < n_members; m++)
    if (cluster[m]->withheld != SAM_WITHHELD_NONE || (cluster[m]->n > 0 && cluster[m]->n < uk))
      cluster_withheld = TRUE;

  for (guint c = 0; c < n_clinics; c++)
    for (guint m = 0; m < n_members; m++)
      {
        const SamFigure *figure = clinics[c * n_members + m];

        sums[c] += figure->n;
        if ((figure->n > 0 && figure->n < uk) || figure->withheld == SAM_WITHHELD_PRIMARY)
          primary[c] = TRUE;
        if (figure->withheld != SAM_WITHHELD_NONE)
          withheld[c] = TRUE;
      }
  for (guint c = 0; c < n_clinics; c++)
    withheld[c] |= primary[c];

  /* With the cluster's figures withheld nothing can be subtracted from them. */
  while (!cluster_withheld && !pattern_is_safe (clinics, n_members, n_clinics, withheld, uk))
    {
      int next = -1;

      for (guint c = 0; c < n_clinics; c++)
        {
          if (withheld[c] || sums[c] == 0)
            continue;
          /* strcmp() compares the bytes as unsigned char. */
          if (next < 0 || sums[c] < sums[next] ||
              (sums[c] == sums[next] && strcmp (clinic_codes[c], clinic_codes[next]) < 0))
            next = (int) c;
        }

      if (next < 0)
        {
          /* Nothing left to withhold: the cluster's figures go instead, and the clinics
           * withheld only to protect others are shown again. */
          cluster_withheld = TRUE;
          memcpy (withheld, primary, n_clinics * sizeof *withheld);
          break;
        }
      withheld[next] = TRUE;
    }

  for (guint m = 0; m < n_members; m++)
    {
      if (cluster_withheld && cluster[m]->n > 0 && cluster[m]->withheld == SAM_WITHHELD_NONE)
        withhold (cluster[m], uk);
      for (guint c = 0; c < n_clinics; c++)
        {
          SamFigure *figure = clinics[c * n_members + m];

          if (withheld[c] && figure->n > 0 && figure->withheld == SAM_WITHHELD_NONE)
            withhold (figure, uk);
        }
    }
}

/**
 * sam_figures_suppress_cluster:
 * @cluster: the cluster's figure
 * @clinics: (array length=n_clinics): the figures of the cluster's clinics
 * @clinic_codes: (array length=n_clinics): the clinics' codes, in the same order
 * @n_clinics: the number of clinics
 * @k: the minimum group size
 *
 * Suppression for an item that is a group of its own: sam_figures_suppress_group() with
 * one member.
 */
void
sam_figures_suppress_cluster (SamFigure          *cluster,
                              SamFigure         **clinics,
                              const char * const *clinic_codes,
                              guint               n_clinics,
                              int                 k)
{
  g_return_if_fail (cluster != NULL);

  sam_figures_suppress_group (&cluster, 1, clinics, clinic_codes, n_clinics, k);
}

/**
 * sam_figure_group:
 * @slot: a figure's slot: an item's #SamItem.index, or %SAM_N_ITEMS plus an index
 * @members: (out caller-allocates) (array fixed-size=SAM_N_FIGURES): the slots of the
 *   group's members, the items first, then the index
 *
 * An index and its items are one group, because an index's figure and its items' figures
 * together can give a withheld item back; every other item is a group of its own.
 *
 * Returns: the number of members
 */
guint
sam_figure_group (guint  slot,
                  guint *members)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  guint n = 0;
  int index = -1;

  g_return_val_if_fail (slot < SAM_N_FIGURES, 0);

  if (slot >= SAM_N_ITEMS)
    index = (int) (slot - SAM_N_ITEMS);
  else
    for (guint i = 0; i < SAM_N_INDICES && index < 0; i++)
      if (sam_index_has_item (i, sam_instrument_get_item (instrument, slot)->id))
        index = (int) i;

  if (index < 0)
    {
      members[0] = slot;
      return 1;
    }
  for (guint s = 0; s < SAM_N_ITEMS; s++)
    if (sam_index_has_item (index, sam_instrument_get_item (instrument, s)->id))
      members[n++] = s;
  members[n++] = SAM_N_ITEMS + index;
  return n;
}

/**
 * sam_figures_suppress_round:
 * @cluster: (array fixed-size=SAM_N_FIGURES): the cluster's figures of one round
 * @clinics: (array length=n_clinics): each clinic's SAM_N_FIGURES figures
 * @clinic_codes: (array length=n_clinics): the clinics' codes
 * @n_clinics: the number of clinics
 * @k: the minimum group size
 *
 * Suppression for every group of a round: the one pattern that every view, file and deck
 * shows.
 */
void
sam_figures_suppress_round (SamFigure          *cluster,
                            SamFigure         **clinics,
                            const char * const *clinic_codes,
                            guint               n_clinics,
                            int                 k)
{
  g_autofree SamFigure **members = g_new0 (SamFigure *, (gsize) (n_clinics + 1) * SAM_N_FIGURES);
  gboolean done[SAM_N_FIGURES] = { FALSE, };

  g_return_if_fail (cluster != NULL);
  g_return_if_fail (n_clinics == 0 || (clinics != NULL && clinic_codes != NULL));

  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    {
      guint group[SAM_N_FIGURES];
      SamFigure *cluster_members[SAM_N_FIGURES];
      guint n;

      if (done[slot])
        continue;
      n = sam_figure_group (slot, group);
      for (guint m = 0; m < n; m++)
        {
          done[group[m]] = TRUE;
          cluster_members[m] = &cluster[group[m]];
          for (guint c = 0; c < n_clinics; c++)
            members[c * n + m] = &clinics[c][group[m]];
        }
      sam_figures_suppress_group (cluster_members, n, members, clinic_codes, n_clinics, k);
    }
}
