/* sam-round-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-round-figures"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-private.h"

/* Points between the clinic and the cluster below which the two are called level: the
 * same line the follow-up uses for a small change. */
#define LEVEL_POINTS 5.0

static void
clinic_figures_free (gpointer data)
{
  SamClinicFigures *clinic = data;

  g_free (clinic->code);
  g_free (clinic);
}

void
sam_round_figures_free (SamRoundFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->round_label);
  g_free (figures->round_date);
  g_free (figures->cluster_name);
  g_clear_pointer (&figures->clinics, g_ptr_array_unref);
  g_free (figures);
}

/**
 * sam_figure_slot:
 * @item_or_index: an item code ("q7c") or an index ("index_A")
 *
 * Returns: where the item's or index's figure is in a SamFigure[SAM_N_FIGURES], or
 *   %G_MAXUINT where there is no such item or index
 */
guint
sam_figure_slot (const char *item_or_index)
{
  const SamItem *item;
  SamIndex index;

  g_return_val_if_fail (item_or_index != NULL, G_MAXUINT);

  if (sam_index_from_string (item_or_index, &index))
    return SAM_N_ITEMS + index;
  item = sam_instrument_lookup_item (sam_instrument_get_default (), item_or_index);
  return item != NULL ? item->index : G_MAXUINT;
}

static void
figure_from_slot (SamFigure        *figure,
                  guint             slot,
                  const SamTallies *tallies)
{
  if (slot < SAM_N_ITEMS)
    sam_figure_from_item_tally (figure, sam_instrument_get_item (sam_instrument_get_default (), slot),
                                &tallies->items[slot]);
  else
    sam_figure_from_index_tally (figure, &tallies->indices[slot - SAM_N_ITEMS]);
}

/* The imported national rows are text as the results file writes them. */
static void
parse_reference (SamFigure  *figure,
                 guint       slot,
                 gint64      n,
                 const char *mean,
                 const char *favourable,
                 const char *distribution,
                 gboolean    suppressed,
                 int         k)
{
  memset (figure, 0, sizeof *figure);
  figure->n = (guint) CLAMP (n, 0, G_MAXUINT);
  figure->mean = mean && *mean ? g_ascii_strtod (mean, NULL) : 0;
  if (slot < SAM_N_ITEMS)
    {
      const SamItem *item = sam_instrument_get_item (sam_instrument_get_default (), slot);

      figure->has_favourable = item->question->scale->has_favourable;
    }
  figure->favourable = favourable && *favourable ? g_ascii_strtod (favourable, NULL) : 0;
  if (distribution && *distribution)
    {
      g_auto(GStrv) parts = g_strsplit (distribution, "|", SAM_MAX_CODES + 1);

      for (guint i = 0; parts[i] != NULL && i < SAM_MAX_CODES; i++)
        figure->distribution[figure->n_codes++] = g_ascii_strtod (parts[i], NULL);
    }
  /* A reference row without a mean cannot be drawn: it was withheld where it came from. */
  if (suppressed || (figure->n > 0 && (mean == NULL || *mean == '\0')))
    figure->withheld = SAM_WITHHELD_PRIMARY;
  else
    sam_figure_apply_primary (figure, k);
}

static gboolean
load_national (SamRoundFigures  *figures,
               SamStore         *store,
               GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (_sam_store_get_db (store),
                           "SELECT item, n, mean, favourable, distribution, suppressed FROM reference"
                           " WHERE round_label = ?1", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_text (stmt, 1, figures->round_label, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint slot = sam_figure_slot ((const char *) sqlite3_column_text (stmt, 0));

      if (slot == G_MAXUINT)
        continue;
      parse_reference (&figures->national[slot], slot, sqlite3_column_int64 (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3),
                       (const char *) sqlite3_column_text (stmt, 4),
                       sqlite3_column_int (stmt, 5) != 0, figures->k);
      figures->has_national = TRUE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (store, error, rc);
  return TRUE;
}

static gboolean
load_round_info (SamRoundFigures  *figures,
                 SamStore         *store,
                 GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (_sam_store_get_db (store), "SELECT cluster_id, date FROM rounds WHERE id = ?1",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_int64 (stmt, 1, figures->round_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      figures->cluster_id = sqlite3_column_int64 (stmt, 0);
      figures->round_date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (store, error, rc);
  return TRUE;
}

/**
 * sam_round_figures_load:
 * @k: the minimum group size
 * @own_clinic_id: the clinic whose own view this is, or 0 for the cluster's view
 *
 * Returns: (transfer full): the round's figures for the view, or %NULL with @error set
 */
SamRoundFigures *
sam_round_figures_load (SamStore  *store,
                        gint64     round_id,
                        int        k,
                        gint64     own_clinic_id,
                        GError   **error)
{
  g_autoptr(SamRoundTallies) tallies = NULL;
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autofree SamFigure **others = NULL;
  g_autofree const char **codes = NULL;
  guint n_clinics;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  tallies = sam_round_tallies_load (store, round_id, error);
  if (tallies == NULL)
    return NULL;

  figures = g_new0 (SamRoundFigures, 1);
  figures->round_id = round_id;
  figures->round_label = g_strdup (tallies->round_label);
  figures->cluster_name = g_strdup (tallies->cluster_name);
  figures->k = k;
  figures->clinics = g_ptr_array_new_with_free_func (clinic_figures_free);
  if (!load_round_info (figures, store, error))
    return NULL;

  n_clinics = tallies->clinics->len;
  for (guint c = 0; c < n_clinics; c++)
    {
      SamClinicTallies *from = g_ptr_array_index (tallies->clinics, c);
      SamClinicFigures *clinic = g_new0 (SamClinicFigures, 1);

      clinic->clinic_id = from->clinic_id;
      clinic->code = g_strdup (from->code);
      g_ptr_array_add (figures->clinics, clinic);
      if (clinic->clinic_id == own_clinic_id)
        figures->own_clinic_id = own_clinic_id;
    }

  others = g_new0 (SamFigure *, n_clinics + 1);
  codes = g_new0 (const char *, n_clinics + 1);
  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    {
      guint n_others = 0;

      figure_from_slot (&figures->cluster[slot], slot, &tallies->cluster);
      for (guint c = 0; c < n_clinics; c++)
        {
          SamClinicTallies *from = g_ptr_array_index (tallies->clinics, c);
          SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, c);

          figure_from_slot (&clinic->figures[slot], slot, &from->tallies);
          /* The own clinic is shown to itself; the rest are suppressed around it. */
          if (clinic->clinic_id == figures->own_clinic_id)
            continue;
          others[n_others] = &clinic->figures[slot];
          codes[n_others] = clinic->code;
          n_others++;
        }
      sam_figures_suppress_cluster (&figures->cluster[slot], others, codes, n_others, k);
    }

  if (!load_national (figures, store, error))
    return NULL;

  return g_steal_pointer (&figures);
}

const SamClinicFigures *
sam_round_figures_find_clinic (SamRoundFigures *figures,
                               gint64           clinic_id)
{
  g_return_val_if_fail (figures != NULL, NULL);

  for (guint c = 0; c < figures->clinics->len; c++)
    {
      const SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, c);

      if (clinic->clinic_id == clinic_id)
        return clinic;
    }
  return NULL;
}

static int
compare_round_date (gconstpointer a,
                    gconstpointer b)
{
  const SamRound *x = *(SamRound * const *) a;
  const SamRound *y = *(SamRound * const *) b;
  int by_date = g_strcmp0 (x->date, y->date);

  return by_date != 0 ? by_date : (x->id > y->id) - (x->id < y->id);
}

/**
 * sam_round_figures_list_rounds:
 *
 * Returns: (transfer full) (element-type SamRound): the cluster's rounds, oldest first
 */
GPtrArray *
sam_round_figures_list_rounds (SamStore  *store,
                               gint64     cluster_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) all = sam_store_list_rounds (store, error);
  GPtrArray *rounds;

  if (all == NULL)
    return NULL;
  rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_round_free);
  for (guint i = 0; i < all->len; i++)
    {
      SamRound *round = g_ptr_array_index (all, i);

      if (round->cluster_id == cluster_id)
        g_ptr_array_add (rounds, g_ptr_array_steal_index (all, i--));
    }
  g_ptr_array_sort (rounds, compare_round_date);
  return rounds;
}

/**
 * sam_figure_spread:
 *
 * Returns: the standard deviation of the answers' scores in points (0–100 scale), from
 *   the figure's distribution; -1 where it is not known (no answers, withheld, an index)
 */
double
sam_figure_spread (const SamFigure *figure,
                   const SamItem   *item)
{
  const SamScale *scale;
  double variance = 0;

  g_return_val_if_fail (figure != NULL, -1);

  if (item == NULL || !sam_figure_is_shown (figure) || figure->n == 0)
    return -1;
  scale = item->question->scale;
  for (guint c = 0; c < figure->n_codes && c < scale->options->len; c++)
    {
      const SamOption *option = g_ptr_array_index (scale->options, c);
      double d = option->score - figure->mean;

      variance += figure->distribution[c] / 100.0 * d * d;
    }
  return sqrt (variance);
}

SamStanding
sam_standing_compare (const SamFigure *clinic,
                      const SamFigure *cluster)
{
  double difference;

  if (!sam_figure_is_shown (clinic) || !sam_figure_is_shown (cluster) || clinic->n == 0 || cluster->n == 0)
    return SAM_STANDING_UNKNOWN;
  difference = clinic->mean - cluster->mean;
  if (fabs (difference) < LEVEL_POINTS)
    return SAM_STANDING_LEVEL;
  return difference > 0 ? SAM_STANDING_ABOVE : SAM_STANDING_BELOW;
}

/**
 * sam_leadership_story_make:
 * @story: (out caller-allocates)
 *
 * Reads the leadership domain (q1–q4) of the own clinic against the cluster: where the
 * clinic stands, the item its people agree on most and differ on most (the spread of
 * their answers), and what to talk about first: the item furthest below the cluster, or,
 * where none is below, the one they differ on most.
 *
 * Returns: %FALSE where the own clinic gave no leadership answers in the round
 */
gboolean
sam_leadership_story_make (SamRoundFigures    *figures,
                           SamLeadershipStory *story)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  const SamClinicFigures *own;
  const SamDomain *domain = sam_instrument_lookup_domain (instrument, "A");
  double lowest_gap = -LEVEL_POINTS, most = -1, least = G_MAXDOUBLE;
  guint slot = SAM_N_ITEMS + SAM_INDEX_A;
  gboolean answered = FALSE;

  g_return_val_if_fail (figures != NULL && story != NULL, FALSE);

  memset (story, 0, sizeof *story);
  story->agree_most = story->differ_most = story->talk_first = -1;
  own = sam_round_figures_find_clinic (figures, figures->own_clinic_id);
  if (figures->own_clinic_id == 0 || own == NULL)
    return FALSE;

  story->index_standing = sam_standing_compare (&own->figures[slot], &figures->cluster[slot]);
  story->index_clinic = own->figures[slot].mean;
  story->index_cluster = figures->cluster[slot].mean;

  for (guint i = 0; i < SAM_N_ITEMS && story->n_items < G_N_ELEMENTS (story->items); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const SamFigure *clinic = &own->figures[i];
      const SamFigure *cluster = &figures->cluster[i];
      SamStoryItem *entry;

      if (item->question->domain != domain)
        continue;
      entry = &story->items[story->n_items];
      entry->item = item;
      entry->clinic_mean = clinic->mean;
      entry->cluster_mean = cluster->mean;
      entry->standing = sam_standing_compare (clinic, cluster);
      /* One answer has no spread to speak of. */
      entry->spread = clinic->n >= 2 ? sam_figure_spread (clinic, item) : -1;
      if (clinic->n > 0)
        answered = TRUE;

      if (entry->spread >= 0 && entry->spread > most)
        {
          most = entry->spread;
          story->differ_most = story->n_items;
        }
      if (entry->spread >= 0 && entry->spread < least)
        {
          least = entry->spread;
          story->agree_most = story->n_items;
        }
      if (entry->standing == SAM_STANDING_BELOW && clinic->mean - cluster->mean < lowest_gap)
        {
          lowest_gap = clinic->mean - cluster->mean;
          story->talk_first = story->n_items;
        }
      story->n_items++;
    }

  /* Agreeing most and differing most on the same item says nothing. */
  if (story->agree_most == story->differ_most)
    story->agree_most = -1;
  if (story->talk_first < 0)
    story->talk_first = story->differ_most;
  return answered;
}
