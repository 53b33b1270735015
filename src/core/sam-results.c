/* sam-results.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-store-rows.h"

static void
clinic_tallies_free (gpointer data)
{
  SamClinicTallies *clinic = data;

  g_free (clinic->code);
  g_free (clinic);
}

void
sam_round_tallies_free (SamRoundTallies *tallies)
{
  if (tallies == NULL)
    return;
  g_free (tallies->round_label);
  g_free (tallies->cluster_name);
  g_ptr_array_unref (tallies->clinics);
  g_free (tallies);
}

/* Clinic codes that are numbers, or end in one, sort by that number: Klinik 2 before 10. */
static int
compare_clinics (gconstpointer a,
                 gconstpointer b)
{
  const SamClinicTallies *x = *(const SamClinicTallies **) a;
  const SamClinicTallies *y = *(const SamClinicTallies **) b;
  gsize lx = strlen (x->code), ly = strlen (y->code);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x->code, y->code);
}

static SamClinicTallies *
clinic_for (SamRoundTallies *round,
            GHashTable      *by_clinic,
            gint64           clinic_id,
            const char      *code)
{
  SamClinicTallies *clinic = g_hash_table_lookup (by_clinic, &clinic_id);

  if (clinic == NULL)
    {
      clinic = g_new0 (SamClinicTallies, 1);
      clinic->clinic_id = clinic_id;
      clinic->code = g_strdup (code);
      g_hash_table_insert (by_clinic, &clinic->clinic_id, clinic);
      g_ptr_array_add (round->clinics, clinic);
    }
  return clinic;
}

static void
add_respondent (SamRoundTallies *round,
                GHashTable      *by_clinic,
                gint64           clinic_id,
                const char      *code,
                SamRole          role,
                const int       *codes)
{
  SamClinicTallies *clinic = clinic_for (round, by_clinic, clinic_id, code);

  sam_tallies_add_respondent (&clinic->tallies, sam_instrument_get_default (), role, codes);
}

/* One pass over a round's answers: a respondent's answers are gathered until the next
 * respondent's rows come. */
typedef struct
{
  SamRoundTallies *round;
  GHashTable      *by_clinic;
  SamInstrument   *instrument;
  gint64           respondent;
  gint64           clinic_id;
  char            *clinic_code;
  SamRole          role;
  int              codes[SAM_N_ITEMS];
} Loader;

static void
add_answer (const SamStoreAnswerRow *row,
            gpointer                 user_data)
{
  Loader *loader = user_data;

  if (row->respondent_id != loader->respondent)
    {
      if (loader->respondent != 0)
        add_respondent (loader->round, loader->by_clinic, loader->clinic_id, loader->clinic_code,
                        loader->role, loader->codes);
      loader->respondent = row->respondent_id;
      loader->clinic_id = row->clinic_id;
      g_free (loader->clinic_code);
      loader->clinic_code = g_strdup (row->clinic_code);
      if (!sam_role_from_string (row->role, &loader->role))
        loader->role = SAM_ROLE_PARTNER;
      memset (loader->codes, 0, sizeof loader->codes);
    }
  if (row->item != NULL)
    {
      const SamItem *item = sam_instrument_lookup_item (loader->instrument, row->item);

      if (item != NULL)
        loader->codes[item->index] = row->code;
    }
}

/* Clinics whose tallies came as a file to the coordinator count the same way. */
static void
add_tally (const SamStoreTallyRow *row,
           gpointer                user_data)
{
  Loader *loader = user_data;
  SamClinicTallies *clinic = clinic_for (loader->round, loader->by_clinic, row->clinic_id,
                                         row->clinic_code);
  const SamItem *item = sam_instrument_lookup_item (loader->instrument, row->item);
  SamIndex index;

  if (item != NULL)
    {
      for (guint code = 1; code <= SAM_MAX_CODES; code++)
        clinic->tallies.items[item->index].counts[code] += row->counts[code];
      clinic->tallies.items[item->index].not_applicable += row->not_applicable;
    }
  else if (sam_index_from_string (row->item, &index))
    {
      clinic->tallies.indices[index].n += row->n;
      clinic->tallies.indices[index].sum += row->sum;
    }
}

/**
 * sam_round_tallies_load:
 *
 * Returns: (transfer full): the round's tallies, or %NULL with @error set
 */
SamRoundTallies *
sam_round_tallies_load (SamStore  *store,
                        gint64     round_id,
                        GError   **error)
{
  g_autoptr(SamRoundTallies) round = g_new0 (SamRoundTallies, 1);
  g_autoptr(GHashTable) by_clinic = g_hash_table_new (g_int64_hash, g_int64_equal);
  Loader loader = { 0 };
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  round->round_id = round_id;
  round->clinics = g_ptr_array_new_with_free_func (clinic_tallies_free);
  if (!_sam_store_get_round_names (store, round_id, &round->round_label, &round->cluster_name,
                                   error))
    return NULL;

  loader.round = round;
  loader.by_clinic = by_clinic;
  loader.instrument = sam_instrument_get_default ();
  loader.role = SAM_ROLE_PARTNER;
  ok = _sam_store_foreach_round_answer (store, round_id, add_answer, &loader, error);
  if (ok && loader.respondent != 0)
    add_respondent (round, by_clinic, loader.clinic_id, loader.clinic_code, loader.role,
                    loader.codes);
  g_free (loader.clinic_code);
  if (!ok || !_sam_store_foreach_clinic_tally (store, round_id, add_tally, &loader, error))
    return NULL;

  g_ptr_array_sort (round->clinics, compare_clinics);
  for (guint i = 0; i < round->clinics->len; i++)
    sam_tallies_merge (&round->cluster,
                       &((SamClinicTallies *) g_ptr_array_index (round->clinics, i))->tallies);

  return g_steal_pointer (&round);
}

/* One decimal, as C's printf("%.1f") writes it, whatever the locale. */
static void
format_number (char   *buffer,
               gsize   size,
               double  value)
{
  g_ascii_formatd (buffer, size, "%.1f", value);
}

/**
 * sam_figure_format:
 * @mean: (out caller-allocates): at least G_ASCII_DTOSTR_BUF_SIZE bytes
 * @favourable: (out caller-allocates): at least G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * The figure as the results file writes it: one decimal as C's printf("%.1f"), empty where
 * withheld, where n is 0 or where the item has no favourable share or distribution.
 *
 * Returns: (transfer full): the distribution, "40.0|30.0|…" or empty
 */
char *
sam_figure_format (const SamFigure *figure,
                   char            *mean,
                   char            *favourable)
{
  GString *distribution = g_string_new (NULL);

  mean[0] = favourable[0] = '\0';
  if (sam_figure_is_shown (figure))
    {
      format_number (mean, G_ASCII_DTOSTR_BUF_SIZE, figure->mean);
      if (figure->has_favourable)
        format_number (favourable, G_ASCII_DTOSTR_BUF_SIZE, figure->favourable);
      for (guint i = 0; i < figure->n_codes; i++)
        {
          char value[G_ASCII_DTOSTR_BUF_SIZE];

          format_number (value, sizeof value, figure->distribution[i]);
          if (i > 0)
            g_string_append_c (distribution, '|');
          g_string_append (distribution, value);
        }
    }
  return g_string_free (distribution, FALSE);
}
