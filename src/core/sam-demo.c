/* sam-demo.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-demo"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-demo.h"
#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-store-rows.h"

/* A believable cluster: twelve clinics, a third of them solo practices, about 35 doctors
 * and some staff, measured twice a year apart. The numbers are made up but shaped like a
 * real cluster: clinics differ, people within a clinic mostly agree, some skip an item,
 * and between the rounds some clinics worked on their cooperation and it shows. */

#define DEMO_SEED 20250312

typedef struct
{
  const char *code;
  int         doctors;       /* 1 = a solo practice */
  int         staff;
  gboolean    trainees;      /* has doctors in training (q5d applies) */
  double      leadership;    /* leaning of attitude answers, in code steps: - is better */
  double      culture;
  double      support;
  double      change;        /* how far the clinic moved between the rounds */
  int         meetings;      /* typical meetings code (1 weekly .. 6 never) */
  int         breaks;        /* typical breaks code (1 every day .. 5 never) */
} DemoClinic;

static const DemoClinic demo_clinics[] = {
  { "Klinik 1",  4, 6, TRUE,  -0.6, -0.5, -0.4,  0.3, 2, 1 },
  { "Klinik 2",  1, 3, FALSE,  0.1,  0.0,  0.6, -0.6, 3, 2 },
  { "Klinik 3",  3, 5, TRUE,   0.4,  0.6,  0.3, -0.8, 3, 3 },
  { "Klinik 4",  1, 2, FALSE, -0.2, -0.3,  0.9, -0.2, 4, 2 },
  { "Klinik 5",  6, 9, TRUE,  -0.3,  0.2, -0.2, -0.3, 2, 2 },
  { "Klinik 6",  2, 3, FALSE,  0.5,  0.8,  0.4, -0.9, 4, 4 },
  { "Klinik 7",  1, 3, FALSE,  0.0, -0.4,  1.1, -0.4, 3, 1 },
  { "Klinik 8",  4, 6, TRUE,  -0.4, -0.6, -0.5,  0.1, 2, 1 },
  { "Klinik 9",  3, 4, FALSE,  0.2,  0.1,  0.0, -0.5, 3, 2 },
  { "Klinik 10", 1, 2, FALSE,  0.3,  0.4,  1.3, -0.7, 5, 3 },
  { "Klinik 11", 5, 7, TRUE,  -0.5, -0.2, -0.3,  0.2, 2, 2 },
  { "Klinik 12", 4, 5, TRUE,   0.6,  0.9,  0.2, -1.0, 3, 3 },
};

typedef struct
{
  const char *label;
  const char *date;
  gboolean    closed;
} DemoRound;

static const DemoRound demo_rounds[] = {
  { "Baseline 2025", "2025-03-12", TRUE },
  { "Opfølgning 2026", "2026-03-18", FALSE },
};

static double
gaussian (GRand *rand)
{
  /* Box-Muller: deterministic for a given GRand seed. */
  double u = g_rand_double_range (rand, 1e-9, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static int
clamp_code (double value,
            int    n_options)
{
  int code = (int) lround (value);

  return CLAMP (code, 1, n_options);
}

/* The answer a person gives to one item, or 0 where they skip it. */
static int
demo_answer (GRand            *rand,
             const DemoClinic *clinic,
             const SamItem    *item,
             int               round,
             gboolean          is_staff)
{
  const SamScale *scale = item->question->scale;
  const char *domain = item->question->domain->id;
  int n_options = scale->options->len;
  double lean, base;

  if (g_rand_double (rand) < 0.025)
    return 0;

  if (item->not_applicable != NULL)
    {
      /* Supervision of trainees applies only where there are any; the support
       * activities of q10 are ones a doctor may not take part in. */
      if (g_str_equal (item->id, "q5d") && !clinic->trainees)
        return g_rand_double (rand) < 0.85 ? SAM_ANSWER_NOT_APPLICABLE : 6;
      if (g_str_has_prefix (item->id, "q10") && g_rand_double (rand) < 0.2)
        return SAM_ANSWER_NOT_APPLICABLE;
    }

  if (g_str_equal (scale->id, "meetings"))
    {
      /* Frequencies are facts of the clinic, so colleagues agree up to a step. */
      base = clinic->meetings;
      if (g_str_equal (item->id, "q4b") || g_str_equal (item->id, "q5f"))
        base += 2;
      else if (g_str_equal (item->id, "q5a"))
        base -= 1;
      else if (g_str_equal (item->id, "q5b") || g_str_equal (item->id, "q5c"))
        base += 1;
      if (round == 1 && clinic->change < -0.5)
        base -= 1;
      return clamp_code (base + 0.5 * gaussian (rand), n_options);
    }
  if (g_str_equal (scale->id, "breaks"))
    {
      base = clinic->breaks + (g_str_equal (item->id, "q6c") ? 1.0 : 0.0);
      if (g_str_equal (item->id, "q6b"))
        base -= 1;
      return clamp_code (base + 0.5 * gaussian (rand), n_options);
    }

  if (g_str_equal (domain, "A"))
    lean = clinic->leadership;
  else if (g_str_equal (domain, "D"))
    lean = clinic->support;
  else
    lean = clinic->culture;

  /* Staff see the culture a little less rosy than the doctors do. */
  if (is_staff)
    lean += 0.3;
  if (round == 1)
    lean += clinic->change;

  base = 2.3 + lean;
  /* Grumbling and feedback are the hardest items almost everywhere. */
  if (g_str_equal (item->id, "q7g") || g_str_equal (item->id, "q7h"))
    base += 0.6;
  else if (g_str_equal (item->id, "q7b") || g_str_equal (item->id, "q9"))
    base -= 0.5;

  return clamp_code (base + 0.75 * gaussian (rand), n_options);
}

static gboolean
demo_respondent (SamStore         *store,
                 GRand            *rand,
                 gint64            round_id,
                 gint64            clinic_id,
                 const DemoClinic *clinic,
                 int               round,
                 SamRole           role,
                 GError          **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  SamAnswer answers[64];
  guint n_answers = 0;

  g_assert (sam_instrument_get_n_items (instrument) <= G_N_ELEMENTS (answers));

  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      int code;

      if (!sam_item_is_asked (item, role))
        continue;
      code = demo_answer (rand, clinic, item, round, role == SAM_ROLE_STAFF);
      if (code == 0)
        continue;
      answers[n_answers].item = item->id;
      answers[n_answers].code = code;
      n_answers++;
    }

  return sam_store_add_respondent (store, round_id, clinic_id, role, answers, n_answers, NULL,
                                   error);
}

static void
format_one_decimal (char   *buffer,
                    double  value)
{
  g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", value);
}

static gboolean
insert_reference (SamStore    *store,
                  const char  *round_label,
                  const char  *item,
                  guint        n,
                  double       mean,
                  double       favourable,
                  gboolean     has_favourable,
                  const char  *distribution,
                  GError     **error)
{
  char mean_text[G_ASCII_DTOSTR_BUF_SIZE], favourable_text[G_ASCII_DTOSTR_BUF_SIZE];
  SamStoreFigureRow row = {
    .round = (char *) round_label,
    .item = (char *) item,
    .n = n,
    .mean = mean_text,
    .favourable = has_favourable ? favourable_text : (char *) "",
    .distribution = (char *) distribution,
  };

  format_one_decimal (mean_text, mean);
  format_one_decimal (favourable_text, favourable);
  return _sam_store_add_reference_row (store, &row, error);
}

/* Made-up national reference figures for a round, so that the demo compares with the
 * country as a real cluster would after importing KiAP's figures. They are the cluster's
 * answers spread a little flatter (a quarter of each item's answers evenly over its
 * options) and counted some forty times over: different from the cluster, and with a
 * mean, favourable share and distribution that agree with each other. */
static gboolean
demo_reference (SamStore    *store,
                gint64       round_id,
                GRand       *rand,
                GError     **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamRoundTallies) tallies = sam_round_tallies_load (store, round_id, error);

  if (tallies == NULL)
    return FALSE;

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const SamScale *scale = item->question->scale;
      g_autoptr(GString) distribution = g_string_new (NULL);
      double mean = 0, favourable = 0;
      SamFigure figure;

      sam_figure_from_item_tally (&figure, item, &tallies->cluster.items[i]);
      if (figure.n == 0)
        continue;
      for (guint c = 0; c < figure.n_codes; c++)
        {
          const SamOption *option = g_ptr_array_index (scale->options, c);
          double share = 0.75 * figure.distribution[c] + 25.0 / figure.n_codes;
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          mean += share / 100.0 * option->score;
          if (option->favourable)
            favourable += share;
          format_one_decimal (text, share);
          g_string_append_printf (distribution, "%s%s", c > 0 ? "|" : "", text);
        }
      if (!insert_reference (store, tallies->round_label, item->id,
                             figure.n * 38 + g_rand_int_range (rand, 0, 40), mean, favourable,
                             scale->has_favourable, distribution->str, error))
        return FALSE;
    }
  for (SamIndex x = 0; x < SAM_N_INDICES; x++)
    {
      SamFigure figure;

      sam_figure_from_index_tally (&figure, &tallies->cluster.indices[x]);
      if (figure.n == 0)
        continue;
      if (!insert_reference (store, tallies->round_label, sam_index_to_string (x),
                             figure.n * 38 + g_rand_int_range (rand, 0, 40),
                             0.75 * figure.mean + 12.5, 0, FALSE, "", error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sam_demo_populate:
 * @store: an empty store
 *
 * Fills @store with the demo cluster. The same store contents come out every time.
 */
gboolean
sam_demo_populate (SamStore  *store,
                   GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  gint64 cluster_id, clinic_ids[G_N_ELEMENTS (demo_clinics)], round_ids[G_N_ELEMENTS (demo_rounds)];
  char version[16];

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;

  if (!sam_store_ensure_cluster (store, "Demoklyngen", &cluster_id, error))
    goto fail;
  for (guint c = 0; c < G_N_ELEMENTS (demo_clinics); c++)
    if (!sam_store_ensure_clinic (store, cluster_id, demo_clinics[c].code, NULL, &clinic_ids[c],
                                  error))
      goto fail;

  for (guint r = 0; r < G_N_ELEMENTS (demo_rounds); r++)
    {
      gint64 round_id;

      if (!sam_store_create_round (store, cluster_id, demo_rounds[r].label, demo_rounds[r].date,
                                   &round_id, error))
        goto fail;
      round_ids[r] = round_id;

      for (guint c = 0; c < G_N_ELEMENTS (demo_clinics); c++)
        {
          const DemoClinic *clinic = &demo_clinics[c];
          SamRole doctor_role = clinic->doctors == 1 ? SAM_ROLE_SOLO : SAM_ROLE_PARTNER;
          int invited = clinic->doctors + clinic->staff;

          if (!sam_store_add_round_clinic (store, round_id, clinic_ids[c], invited, error))
            goto fail;

          /* Most doctors answer; staff less often. */
          for (int d = 0; d < clinic->doctors; d++)
            if ((d == 0 || g_rand_double (rand) < 0.9) &&
                !demo_respondent (store, rand, round_id, clinic_ids[c], clinic, r, doctor_role,
                                  error))
              goto fail;
          for (int s = 0; s < clinic->staff; s++)
            if (g_rand_double (rand) < 0.7 &&
                !demo_respondent (store, rand, round_id, clinic_ids[c], clinic, r, SAM_ROLE_STAFF,
                                  error))
              goto fail;
        }
    }

  /* Each clinic's kind, as its answers show it (a solo practice, a partnership). */
  if (!sam_store_infer_clinic_kinds (store, cluster_id, error))
    goto fail;

  /* The country's figures, from a generator of their own so the answers stay as they were. */
  {
    g_autoptr(GRand) national = g_rand_new_with_seed (DEMO_SEED + 1);

    for (guint r = 0; r < G_N_ELEMENTS (demo_rounds); r++)
      if (!demo_reference (store, round_ids[r], national, error))
        goto fail;
  }

  /* The first round is over; the newest is still open for answers. */
  for (guint r = 0; r < G_N_ELEMENTS (demo_rounds); r++)
    if (!sam_store_set_round_closed (store, round_ids[r], demo_rounds[r].closed, error))
      goto fail;

  if (!sam_store_set_setting (store, "demo", "1", error))
    goto fail;
  g_snprintf (version, sizeof version, "%d", SAM_DEMO_VERSION);
  if (!sam_store_set_setting (store, "demo-version", version, error))
    goto fail;

  return sam_store_commit (store, error);

fail:
  sam_store_rollback (store);
  return FALSE;
}

gboolean
sam_store_is_demo (SamStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  value = sam_store_get_setting (store, "demo");
  return g_strcmp0 (value, "1") == 0;
}

static gboolean
demo_is_current (SamStore *store)
{
  g_autofree char *version = sam_store_get_setting (store, "demo-version");
  gint64 value = 0;

  return version != NULL &&
         g_ascii_string_to_signed (version, 10, 0, G_MAXINT, &value, NULL) &&
         value == SAM_DEMO_VERSION;
}

/* Not even a cluster's name: only then may the file become the demo. */
static gboolean
holds_nothing (SamStore *store)
{
  SamStoreSummary summary = { 0 };

  return sam_store_get_summary (store, &summary, NULL) &&
         summary.n_clusters == 0 && summary.n_clinics == 0 &&
         summary.n_rounds == 0 && summary.n_respondents == 0;
}

/**
 * sam_demo_open:
 * @path: the demo database file
 *
 * Opens the demo database, making it where it is missing or from an older generator.
 * A file at @path that is not a demo database is never touched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SamStore *
sam_demo_open (const char  *path,
               GError     **error)
{
  g_autoptr(SamStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Made-up data needs no copies of the day. */
  store = sam_store_open (path, SAM_STORE_OPEN_NO_BACKUPS, error);
  if (store == NULL)
    return NULL;

  if (sam_store_is_demo (store) && demo_is_current (store))
    return g_steal_pointer (&store);

  if (!sam_store_is_demo (store) && !holds_nothing (store))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” holds real data, so it is not used for the demo"), path);
      return NULL;
    }

  if (sam_store_is_demo (store))
    {
      /* An older demo: start again from an empty file. */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&store);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      store = sam_store_open (path, SAM_STORE_OPEN_NO_BACKUPS, error);
      if (store == NULL)
        return NULL;
    }

  if (!sam_demo_populate (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * sam_demo_reset:
 * @store: the demo database, open
 *
 * Makes the demo again in place, as it was first shown: everything a tester changed in
 * it (answers, rounds, meetings, plans, notes, settings) is dropped, as one change. A
 * database that is not the demo is refused and left alone.
 */
gboolean
sam_demo_reset (SamStore  *store,
                GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_is_demo (store))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("This is not the demo database, so it is not reset"));
      return FALSE;
    }
  if (!sam_store_begin (store, error))
    return FALSE;
  /* The tables are emptied in any order; the references are checked at the commit, when
   * the demo is whole again. */
  ok = _sam_store_clear (store, error) && sam_demo_populate (store, error);
  if (!ok)
    {
      sam_store_rollback (store);
      return FALSE;
    }
  return sam_store_commit (store, error);
}
