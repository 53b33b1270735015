/* sam-round-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-round-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-rows.h"

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
  g_free (figures->source_file);
  g_free (figures->source_date);
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
    sam_figure_from_item_tally (figure,
                                sam_instrument_get_item (sam_instrument_get_default (), slot),
                                &tallies->items[slot]);
  else
    sam_figure_from_index_tally (figure, &tallies->indices[slot - SAM_N_ITEMS]);
}

/* Figures that travel as text (the national reference as imported, the rows of a
 * cluster's figures file) become numbers here, once, as the results file wrote them. */
static void
figure_from_text (SamFigure  *figure,
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

      /* What did not come is not made up: an empty share stays empty. */
      figure->has_favourable = item->question->scale->has_favourable &&
                               !(mean && *mean && !(favourable && *favourable));
    }
  figure->favourable = favourable && *favourable ? g_ascii_strtod (favourable, NULL) : 0;
  if (distribution && *distribution)
    {
      g_auto(GStrv) parts = g_strsplit (distribution, "|", SAM_MAX_CODES + 1);

      for (guint i = 0; parts[i] != NULL && i < SAM_MAX_CODES; i++)
        figure->distribution[figure->n_codes++] = g_ascii_strtod (parts[i], NULL);
    }
  /* A row without a mean cannot be drawn: it was withheld where it came from. */
  if (figure->n > 0 && (suppressed || mean == NULL || *mean == '\0'))
    figure->withheld =
      figure->n < (guint) MAX (k, 1) ? SAM_WITHHELD_PRIMARY : SAM_WITHHELD_SECONDARY;
  else
    sam_figure_apply_primary (figure, k);
}

/* The national reference: taken to cover so many that no cluster can be separated from
 * it, so only its own n counts against k. */
static gboolean
load_national (SamRoundFigures  *figures,
               SamStore         *store,
               GError          **error)
{
  g_autoptr(GPtrArray) rows = _sam_store_list_reference (store, figures->round_label, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const SamStoreFigureRow *row = g_ptr_array_index (rows, i);
      guint slot = sam_figure_slot (row->item);

      if (slot == G_MAXUINT)
        continue;
      figure_from_text (&figures->national[slot], slot, row->n, row->mean, row->favourable,
                        row->distribution, row->suppressed, figures->k);
      figures->has_national = TRUE;
      figures->national_known |= G_GUINT64_CONSTANT (1) << slot;
    }
  return TRUE;
}

static SamClinicFigures *
add_clinic (SamRoundFigures *figures,
            gint64           clinic_id,
            const char      *code)
{
  SamClinicFigures *clinic = g_new0 (SamClinicFigures, 1);

  clinic->clinic_id = clinic_id;
  clinic->code = g_strdup (code);
  g_ptr_array_add (figures->clinics, clinic);
  return clinic;
}

/* Clinic codes that are numbers, or end in one, sort by that number: Klinik 2 before 10. */
static int
compare_clinics (gconstpointer a,
                 gconstpointer b)
{
  const SamClinicFigures *x = *(const SamClinicFigures **) a;
  const SamClinicFigures *y = *(const SamClinicFigures **) b;
  gsize lx = strlen (x->code), ly = strlen (y->code);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x->code, y->code);
}

/* On a clinic's computer: the cluster, the clinics and the country as the coordinator's
 * figures file has them. */
static gboolean
load_received (SamRoundFigures  *figures,
               SamStore         *store,
               GError          **error)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;

  if (!_sam_store_get_received_figures (store, figures->round_id, &figures->source_file,
                                        &figures->source_date, NULL, error))
    return FALSE;
  rows = _sam_store_list_cluster_figures (store, figures->round_label, figures->cluster_name,
                                          figures->cluster_id, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const SamStoreFigureRow *row = g_ptr_array_index (rows, i);
      const char *scope = row->scope;
      const char *unit = row->unit;
      guint slot = sam_figure_slot (row->item);
      SamFigure *figure;

      if (slot == G_MAXUINT || scope == NULL || unit == NULL)
        continue;
      if (g_str_equal (scope, "cluster"))
        figure = &figures->cluster[slot];
      else if (g_str_equal (scope, "national"))
        {
          figure = &figures->national[slot];
          figures->has_national = TRUE;
          figures->national_known |= G_GUINT64_CONSTANT (1) << slot;
        }
      else
        {
          SamClinicFigures *clinic = g_hash_table_lookup (by_code, unit);

          if (clinic == NULL)
            {
              clinic = add_clinic (figures, row->clinic_id, unit);
              g_hash_table_insert (by_code, clinic->code, clinic);
            }
          figure = &clinic->figures[slot];
        }
      figure_from_text (figure, slot, row->n, row->mean, row->favourable, row->distribution,
                        row->suppressed, figures->k);
    }
  return TRUE;
}

/* Whether the clinic's tallies now differ from those in the file it sent. */
static gboolean
own_changed_since_sent (SamStore               *store,
                        gint64                  round_id,
                        const SamClinicTallies *own)
{
  g_autofree char *sent = _sam_store_get_sent_fingerprint (store, round_id, own->clinic_id);
  g_autofree char *now = NULL;

  if (sent == NULL)
    return FALSE;
  now = sam_tallies_fingerprint (&own->tallies);
  return !g_str_equal (sent, now);
}

static void
figures_from_tallies (SamFigure        *figures,
                      const SamTallies *tallies)
{
  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    figure_from_slot (&figures[slot], slot, tallies);
}

/**
 * sam_round_figures_load:
 * @policy: (nullable): whose view and at which k; %NULL for the cluster's view at the
 *   round's own k
 *
 * The one place where a round becomes figures, suppression applied: the results file,
 * the cluster's figures file, the deck, Results, the meeting runner, Reflection and the
 * follow-up all read this.
 *
 * Returns: (transfer full): the round's figures for the view, or %NULL with @error set
 */
SamRoundFigures *
sam_round_figures_load (SamStore                *store,
                        gint64                   round_id,
                        const SamFiguresPolicy  *policy,
                        GError                 **error)
{
  static const SamFiguresPolicy cluster_view = { 0, 0 };
  g_autoptr(SamRoundTallies) tallies = NULL;
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autoptr(SamRound) round = NULL;
  const SamClinicTallies *own_tallies = NULL;
  guint n_clinics;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (policy == NULL)
    policy = &cluster_view;
  round = sam_store_get_round (store, round_id, error);
  if (round == NULL)
    return NULL;
  tallies = sam_round_tallies_load (store, round_id, error);
  if (tallies == NULL)
    return NULL;

  figures = g_new0 (SamRoundFigures, 1);
  figures->round_id = round_id;
  figures->round_label = g_strdup (round->label);
  figures->round_date = g_strdup (round->date);
  figures->cluster_id = round->cluster_id;
  figures->cluster_name = g_strdup (round->cluster_name);
  figures->closed = round->closed;
  figures->published_k = round->published_k;
  figures->k = policy->k > 0 ? policy->k : sam_store_get_round_k (store, round);
  figures->clinics = g_ptr_array_new_with_free_func (clinic_figures_free);

  for (guint c = 0; c < tallies->clinics->len; c++)
    {
      const SamClinicTallies *clinic = g_ptr_array_index (tallies->clinics, c);

      if (policy->own_clinic_id != 0 && clinic->clinic_id == policy->own_clinic_id)
        own_tallies = clinic;
    }

  if (round->received_k > 0)
    {
      figures->source = SAM_FIGURES_FROM_FILE;
      if (!load_received (figures, store, error))
        return NULL;
    }
  else
    {
      g_autofree SamFigure **pointers = NULL;
      g_autofree const char **codes = NULL;

      figures->source = SAM_FIGURES_FROM_ANSWERS;
      n_clinics = tallies->clinics->len;
      pointers = g_new0 (SamFigure *, n_clinics + 1);
      codes = g_new0 (const char *, n_clinics + 1);
      figures_from_tallies (figures->cluster, &tallies->cluster);
      for (guint c = 0; c < n_clinics; c++)
        {
          const SamClinicTallies *from = g_ptr_array_index (tallies->clinics, c);
          SamClinicFigures *clinic = add_clinic (figures, from->clinic_id, from->code);

          figures_from_tallies (clinic->figures, &from->tallies);
          pointers[c] = clinic->figures;
          codes[c] = clinic->code;
        }
      /* One pattern for every view: the cluster's, whoever looks. */
      sam_figures_suppress_round (figures->cluster, pointers, codes, n_clinics, figures->k);
      if (!load_national (figures, store, error))
        return NULL;
    }

  /* The own view only adds the clinic's own figures, from its own answers where it has
   * them here, or else as the coordinator's file for its own view brought them. */
  if (policy->own_clinic_id != 0)
    {
      g_autofree char *own_code = NULL;
      SamClinicFigures *own = NULL;

      if (own_tallies != NULL)
        own_code = g_strdup (own_tallies->code);
      else
        {
          g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);

          for (guint i = 0; clinics != NULL && i < clinics->len; i++)
            {
              SamClinic *clinic = g_ptr_array_index (clinics, i);

              /* Codes are a cluster's own: another cluster's clinic of the same code is
               * not this one. */
              if (clinic->id == policy->own_clinic_id && clinic->cluster_id == figures->cluster_id)
                own_code = g_strdup (clinic->code);
            }
        }
      for (guint c = 0; own_code != NULL && c < figures->clinics->len; c++)
        {
          SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, c);

          if (g_str_equal (clinic->code, own_code))
            own = clinic;
        }
      if (own == NULL && own_tallies != NULL)
        own = add_clinic (figures, policy->own_clinic_id, own_code);
      if (own != NULL)
        {
          own->clinic_id = policy->own_clinic_id;
          figures->own_clinic_id = policy->own_clinic_id;
          /* Without answers here, a file made for the own view carries them shown;
           * a file made for the cluster's view withholds them as the cluster does. */
          if (own_tallies != NULL)
            {
              figures_from_tallies (own->figures, &own_tallies->tallies);
              figures->own_changed = own_changed_since_sent (store, round_id, own_tallies);
            }
        }
    }

  g_ptr_array_sort (figures->clinics, compare_clinics);
  return g_steal_pointer (&figures);
}

/**
 * sam_round_figures_foreach_row:
 * @func: called for every item and index of the cluster, then of each clinic, then of the
 *   country where the round has national figures
 *
 * The rows of the results file and of the cluster's figures file, in one order.
 */
void
sam_round_figures_foreach_row (SamRoundFigures *figures,
                               SamFigureFunc    func,
                               gpointer         user_data)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  g_return_if_fail (figures != NULL);
  g_return_if_fail (func != NULL);

  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    {
      const char *name = slot < SAM_N_ITEMS ? sam_instrument_get_item (instrument, slot)->id
                                            : sam_index_to_string (slot - SAM_N_ITEMS);

      func ("cluster", figures->cluster_name, name, &figures->cluster[slot], user_data);
      for (guint c = 0; c < figures->clinics->len; c++)
        {
          SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, c);

          func ("clinic", clinic->code, name, &clinic->figures[slot], user_data);
        }
    }
  /* The country's figures as they came: only the items and indices that came. */
  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    if (figures->national_known & (G_GUINT64_CONSTANT (1) << slot))
      func ("national", "national",
            slot < SAM_N_ITEMS ? sam_instrument_get_item (instrument, slot)->id
                               : sam_index_to_string (slot - SAM_N_ITEMS),
            &figures->national[slot], user_data);
}

/**
 * sam_round_figures_newest_round:
 * @cluster_id: the cluster, or 0 for any
 *
 * Returns: (transfer full) (nullable): the newest round of the cluster that has figures
 *   to show (answers, clinics' tallies or the cluster's figures file), or %NULL where
 *   none has (and where the database fails, with @error set)
 */
SamRound *
sam_round_figures_newest_round (SamStore  *store,
                                gint64     cluster_id,
                                GError   **error)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, error);

  /* The list is newest first. */
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if ((cluster_id == 0 || round->cluster_id == cluster_id) && sam_round_has_figures (round))
        return g_ptr_array_steal_index (rounds, i);
    }
  return NULL;
}

/**
 * sam_round_figures_load_newest:
 * @cluster_id: the cluster, or 0 for any
 * @clinic_id: a clinic, or 0: its cluster's round, in its own view
 *
 * The figures of the newest round with figures of @clinic_id's cluster (where the clinic
 * is known) or else of @cluster_id's: what a meeting of the clinic or of the cluster looks
 * at, suppressed as everywhere else.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL where the cluster has no
 *   round with figures (and where the database fails, with @error set)
 */
SamRoundFigures *
sam_round_figures_load_newest (SamStore  *store,
                               gint64     cluster_id,
                               gint64     clinic_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(SamRound) newest = NULL;
  SamFiguresPolicy policy = { 0, clinic_id };

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (clinic_id > 0)
    {
      clinics = sam_store_list_clinics (store, error);
      if (clinics == NULL)
        return NULL;
    }
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);

      if (clinic->id == clinic_id)
        cluster_id = clinic->cluster_id;
    }
  newest = sam_round_figures_newest_round (store, cluster_id, error);
  if (newest == NULL)
    return NULL;
  return sam_round_figures_load (store, newest->id, &policy, error);
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

/**
 * sam_round_figures_are_own_only:
 *
 * Whether @figures are a clinic's own view of nothing but its own answers (the clinic's
 * own computer before the cluster's figures come): the cluster's figure is then the
 * clinic's own, and nobody else's answers are in them.
 */
gboolean
sam_round_figures_are_own_only (const SamRoundFigures *figures)
{
  g_return_val_if_fail (figures != NULL, FALSE);

  if (figures->own_clinic_id == 0 || figures->source != SAM_FIGURES_FROM_ANSWERS)
    return FALSE;
  for (guint c = 0; c < figures->clinics->len; c++)
    {
      const SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, c);

      if (clinic->clinic_id == figures->own_clinic_id)
        continue;
      for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
        if (clinic->figures[slot].n > 0)
          return FALSE;
    }
  return TRUE;
}

/**
 * sam_round_figures_publish:
 *
 * For @figures about to leave the app: as a file, on paper, or on the room's screen in a
 * meeting (instrument contract, "One publication a round"). Figures holding anyone else's
 * answers leave only once their round is closed (or came in the cluster's figures file),
 * and always with one k, fixed with the round the first time, whichever view they are:
 * a clinic's own view on the coordinator's computer shows the cluster's pattern, and a
 * later publication at another k would differ from it. A clinic's own view of nothing but
 * its own answers fixes nothing.
 *
 * Returns: %FALSE with @error set, saying why, where they may not leave
 */
gboolean
sam_round_figures_publish (SamStore               *store,
                           const SamRoundFigures  *figures,
                           GError                **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  if (sam_round_figures_are_own_only (figures))
    return TRUE;
  if (!sam_store_publish_round (store, figures->round_id, figures->k, FALSE, NULL, error))
    return FALSE;
  /* Read while the round was open, they may lack answers that came before it closed, and
   * would differ from every later publication of it. */
  if (!figures->closed && figures->source == SAM_FIGURES_FROM_ANSWERS)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The figures of round “%s” were read while it was open; they are being "
                     "read again. Try once more in a moment"), figures->round_label);
      return FALSE;
    }
  return sam_store_publish_round (store, figures->round_id, figures->k, TRUE, NULL, error);
}

/* Every round of @history leaves the app, as sam_round_figures_publish () says. */
gboolean
sam_round_history_publish (SamStore               *store,
                           const SamRoundHistory  *history,
                           GError                **error)
{
  g_return_val_if_fail (history != NULL, FALSE);

  for (guint i = 0; i < history->history->len; i++)
    if (!sam_round_figures_publish (store, g_ptr_array_index (history->history, i), error))
      return FALSE;
  return TRUE;
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
 * sam_round_history_load:
 * @policy: (nullable): whose view, at which k; %NULL for the cluster's
 * @cancellable: (nullable): looked at between rounds
 *
 * Loads a round's figures and those of its cluster's rounds before it, each at its own k,
 * for the Results section. It only reads, so it may run in a thread of its own on a
 * connection of its own. An earlier round that cannot be read is left out of the history.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
SamRoundHistory *
sam_round_history_load (SamStore                *store,
                        gint64                   round_id,
                        const SamFiguresPolicy  *policy,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  g_autoptr(SamRoundHistory) history = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  SamRoundFigures *figures;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  figures = sam_round_figures_load (store, round_id, policy, error);
  if (figures == NULL)
    return NULL;

  history = g_new0 (SamRoundHistory, 1);
  history->history = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_round_figures_free);
  history->figures = figures;

  rounds = sam_round_figures_list_rounds (store, figures->cluster_id, NULL);
  for (guint r = 0; rounds != NULL && r < rounds->len; r++)
    {
      SamRound *round = g_ptr_array_index (rounds, r);
      SamRoundFigures *earlier;

      if (round->id == round_id)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      earlier = sam_round_figures_load (store, round->id, policy, NULL);
      if (earlier != NULL)
        g_ptr_array_add (history->history, earlier);
    }
  g_ptr_array_add (history->history, figures);

  return g_steal_pointer (&history);
}

void
sam_round_history_free (SamRoundHistory *history)
{
  if (history == NULL)
    return;
  /* The round's own figures end the history, once it is complete, and go with it. */
  if (!g_ptr_array_find (history->history, history->figures, NULL))
    sam_round_figures_free (history->figures);
  g_ptr_array_unref (history->history);
  g_free (history);
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

  if (!sam_figure_is_shown (clinic) || !sam_figure_is_shown (cluster) || clinic->n == 0 ||
      cluster->n == 0)
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
      /* How often meetings are held is neither above nor below: the right frequency
       * differs per kind of meeting. */
      entry->standing = item->question->scale->has_favourable
                        ? sam_standing_compare (clinic, cluster)
                        : SAM_STANDING_UNKNOWN;
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

/**
 * sam_domain_reading_make:
 * @domain: the domain to read
 * @reading: (out caller-allocates)
 *
 * Where the own clinic might start in @domain: the item furthest above the cluster and the
 * one furthest below it (or least above), read only from items whose clinic and cluster
 * figures are both shown. Where one item or none can be read, the weakest is left empty.
 * Items on a scale without a favourable side (how often meetings are held) are not read.
 *
 * Returns: %FALSE where there is no own clinic or it gave no answers in the domain
 */
gboolean
sam_domain_reading_make (SamRoundFigures  *figures,
                         const SamDomain  *domain,
                         SamDomainReading *reading)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  const SamClinicFigures *own;
  double best = -G_MAXDOUBLE, worst = G_MAXDOUBLE;

  g_return_val_if_fail (figures != NULL && domain != NULL && reading != NULL, FALSE);

  memset (reading, 0, sizeof *reading);
  reading->domain = domain;
  own = sam_round_figures_find_clinic (figures, figures->own_clinic_id);
  if (figures->own_clinic_id == 0 || own == NULL)
    return FALSE;

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const SamFigure *clinic = &own->figures[i];
      const SamFigure *cluster = &figures->cluster[i];
      SamStoryItem entry = { 0 };
      double gap;

      if (item->question->domain != domain)
        continue;
      if (clinic->n > 0)
        reading->answered = TRUE;
      if (!item->question->scale->has_favourable)
        continue;
      entry.standing = sam_standing_compare (clinic, cluster);
      /* Only what both sides show: a withheld figure is never read, let alone named. */
      if (entry.standing == SAM_STANDING_UNKNOWN)
        continue;
      entry.item = item;
      entry.clinic_mean = clinic->mean;
      entry.cluster_mean = cluster->mean;
      entry.spread = clinic->n >= 2 ? sam_figure_spread (clinic, item) : -1;
      gap = clinic->mean - cluster->mean;
      reading->n_compared++;
      if (gap > best)
        {
          best = gap;
          reading->strongest = entry;
        }
      if (gap < worst)
        {
          worst = gap;
          reading->weakest = entry;
        }
    }
  /* One item read is only a strength or a weakness, never both. */
  if (reading->n_compared < 2)
    {
      if (reading->strongest.item != NULL && reading->strongest.standing == SAM_STANDING_BELOW)
        reading->strongest = (SamStoryItem) { 0 };
      else
        reading->weakest = (SamStoryItem) { 0 };
    }
  return reading->answered;
}

/**
 * sam_headline_make:
 * @previous: (nullable): the round before, in the same view
 * @clinic_id: the clinic, or 0 for the cluster
 * @slot: the index's (or item's) slot
 * @headline: (out caller-allocates)
 *
 * An index's figure for the headline, and its change since @previous: only where both
 * figures are shown, so the change can give away nothing the figures do not.
 */
void
sam_headline_make (SamRoundFigures *figures,
                   SamRoundFigures *previous,
                   gint64           clinic_id,
                   guint            slot,
                   SamHeadline     *headline)
{
  g_return_if_fail (figures != NULL && headline != NULL && slot < SAM_N_FIGURES);

  memset (headline, 0, sizeof *headline);
  if (clinic_id != 0)
    {
      const SamClinicFigures *clinic = sam_round_figures_find_clinic (figures, clinic_id);

      if (clinic != NULL)
        headline->figure = clinic->figures[slot];
      if (previous != NULL &&
          (clinic = sam_round_figures_find_clinic (previous, clinic_id)) != NULL)
        {
          headline->previous = clinic->figures[slot];
          headline->has_previous = TRUE;
        }
    }
  else
    {
      headline->figure = figures->cluster[slot];
      if (previous != NULL)
        {
          headline->previous = previous->cluster[slot];
          headline->has_previous = TRUE;
        }
    }
  if (headline->has_previous && sam_figure_is_shown (&headline->figure) &&
      sam_figure_is_shown (&headline->previous))
    {
      headline->has_change = TRUE;
      headline->change = headline->figure.mean - headline->previous.mean;
    }
}

/* Shown figures by value, highest first; then clinics without answers; then the
 * withheld. Within the last two, and among equal values, the clinics' own order: a withheld
 * clinic's place says nothing about its hidden value. */
static int
rank_group (const SamFigure *figure)
{
  if (figure->withheld != SAM_WITHHELD_NONE)
    return 2;
  return figure->n == 0 ? 1 : 0;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint slot = GPOINTER_TO_UINT (user_data);
  const SamClinicFigures *x = *(const SamClinicFigures **) a;
  const SamClinicFigures *y = *(const SamClinicFigures **) b;
  int gx = rank_group (&x->figures[slot]), gy = rank_group (&y->figures[slot]);

  if (gx != gy)
    return gx - gy;
  if (gx == 0 && x->figures[slot].mean != y->figures[slot].mean)
    return x->figures[slot].mean > y->figures[slot].mean ? -1 : 1;
  return compare_clinics (a, b);
}

/**
 * sam_round_figures_rank_clinics:
 * @slot: the item's or index's slot to sort by
 *
 * Returns: (transfer container) (element-type SamClinicFigures): the clinics (borrowed from
 *   @figures) by their figure for @slot, highest first; clinics without answers and then
 *   withheld clinics last, in their own order, never by a value that is not shown
 */
GPtrArray *
sam_round_figures_rank_clinics (SamRoundFigures *figures,
                                guint            slot)
{
  GPtrArray *ranked;

  g_return_val_if_fail (figures != NULL && slot < SAM_N_FIGURES, NULL);

  ranked = g_ptr_array_sized_new (figures->clinics->len);
  for (guint c = 0; c < figures->clinics->len; c++)
    g_ptr_array_add (ranked, g_ptr_array_index (figures->clinics, c));
  g_ptr_array_sort_with_data (ranked, compare_rank, GUINT_TO_POINTER (slot));
  return ranked;
}
