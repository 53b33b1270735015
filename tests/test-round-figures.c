/* test-round-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-instrument.h"
#include "sam-round-figures.h"
#include "sam-store-testing.h"
#include "test-common.h"

/* The figures pipeline, on a cluster worked out by hand. k = 3. q1 is in index_A's group,
 * with q2a (answered in Klinik 3 only) and the index (no one answered enough for it).
 *
 *   Klinik 1: 2 partners, q1 = 1, 2            withheld in every view but its own (primary)
 *   Klinik 2: 3 partners, q1 = 1, 1, 3         withheld (secondary): 1 + 2 = 3 < 3 is false,
 *                                              but someone in Klinik 2 would take its own 3
 *                                              from the 5 and have Klinik 1's 2 answers
 *   Klinik 3: 4 partners, q1 = 2, 2, 4, 5      withheld too (secondary), for the same reason
 *             q2a = 1, 1, 1, 1                 against Klinik 2; one pattern in every view
 *   Klinik 3: 4 partners, q1 = 2, 2, 4, 5; q2a = 1, 1, 1, 1
 *
 *   Klinik 3 q1 spread: scores 75, 75, 25, 0, mean 43.75:
 *     sqrt ((2 * 31.25^2 + 18.75^2 + 43.75^2) / 4) = sqrt (1054.6875) ≈ 32.48
 *   Cluster q1 mean: (3*100 + 3*75 + 50 + 25 + 0) / 9 = 66.67
 */

typedef struct
{
  char     *dir;
  SamStore *store;
  gint64    round;
  gint64    clinics[3];
} Fixture;

static void
add (SamStore   *store,
     gint64      round,
     gint64      clinic,
     const char *item,
     int         code,
     const char *item2,
     int         code2)
{
  SamAnswer answers[2] = { { item, code }, { item2, code2 } };
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_add_respondent (store, round, clinic, SAM_ROLE_PARTNER, answers,
                                           item2 ? 2 : 1, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cluster, old_round;
  const int k2[] = { 1, 1, 3 };
  const int k3[] = { 2, 2, 4, 5 };

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "figures.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);

  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Test", &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R1", "2026-01-01", &fixture->round, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R0", "2025-01-01", &old_round, NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("Klinik %u", i + 1);

      g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, code, NULL, &fixture->clinics[i], NULL));
    }
  add (fixture->store, fixture->round, fixture->clinics[0], "q1", 1, NULL, 0);
  add (fixture->store, fixture->round, fixture->clinics[0], "q1", 2, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (k2); i++)
    add (fixture->store, fixture->round, fixture->clinics[1], "q1", k2[i], NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (k3); i++)
    add (fixture->store, fixture->round, fixture->clinics[2], "q1", k3[i], "q2a", 1);
  add (fixture->store, old_round, fixture->clinics[2], "q1", 5, NULL, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static const SamFigure *
clinic_figure (SamRoundFigures *figures,
               gint64           clinic,
               const char      *item)
{
  const SamClinicFigures *found = sam_round_figures_find_clinic (figures, clinic);

  g_assert_nonnull (found);
  return &found->figures[sam_figure_slot (item)];
}

static void
test_cluster_view (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 3, 0 }, &error);
  guint q1 = sam_figure_slot ("q1");

  g_assert_no_error (error);
  g_assert_cmpstr (figures->round_label, ==, "R1");
  g_assert_cmpstr (figures->round_date, ==, "2026-01-01");
  g_assert_cmpstr (figures->cluster_name, ==, "Klynge Test");
  g_assert_cmpuint (figures->clinics->len, ==, 3);
  g_assert_cmpint (figures->own_clinic_id, ==, 0);
  g_assert_false (figures->has_national);

  g_assert_cmpuint (figures->cluster[q1].n, ==, 9);
  g_assert_cmpfloat_with_epsilon (figures->cluster[q1].mean, 600.0 / 9, 1e-9);
  g_assert_cmpint (clinic_figure (figures, fixture->clinics[0], "q1")->withheld, ==, SAM_WITHHELD_PRIMARY);
  g_assert_cmpint (clinic_figure (figures, fixture->clinics[1], "q1")->withheld, ==, SAM_WITHHELD_SECONDARY);
  g_assert_cmpint (clinic_figure (figures, fixture->clinics[2], "q1")->withheld, ==, SAM_WITHHELD_SECONDARY);
  /* One group: Klinik 3 is withheld in q2a as well, though its 4 answers there are the
   * cluster's 4. */
  g_assert_cmpint (clinic_figure (figures, fixture->clinics[2], "q2a")->withheld, ==, SAM_WITHHELD_SECONDARY);
  g_assert_cmpint (figures->cluster[sam_figure_slot ("q2a")].withheld, ==, SAM_WITHHELD_NONE);
}

/* Whether a clinic is withheld in a figure, for comparing patterns. */
static gboolean
withheld (SamRoundFigures *figures,
          gint64           clinic,
          guint            slot)
{
  const SamClinicFigures *found = sam_round_figures_find_clinic (figures, clinic);

  return found != NULL && found->figures[slot].withheld != SAM_WITHHELD_NONE;
}

static void
test_own_view (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) cluster = NULL;

  cluster = sam_round_figures_load (fixture->store, fixture->round, NULL, &error);
  g_assert_no_error (error);

  for (guint own = 0; own < 3; own++)
    {
      g_autoptr(SamRoundFigures) figures = NULL;

      figures = sam_round_figures_load (fixture->store, fixture->round,
                                        &(SamFiguresPolicy) { 0, fixture->clinics[own] }, &error);
      g_assert_no_error (error);
      g_assert_cmpint (figures->own_clinic_id, ==, fixture->clinics[own]);
      /* The own view only adds the clinic's own figures: every other clinic is as the
       * cluster's view has it, so the two side by side give nothing away. */
      for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
        {
          g_assert_cmpint (figures->cluster[slot].withheld, ==, cluster->cluster[slot].withheld);
          for (guint c = 0; c < 3; c++)
            if (c == own)
              g_assert_false (withheld (figures, fixture->clinics[c], slot));
            else
              g_assert_cmpint (withheld (figures, fixture->clinics[c], slot), ==,
                               withheld (cluster, fixture->clinics[c], slot));
        }
    }

  {
    g_autoptr(SamRoundFigures) figures = NULL;

    figures = sam_round_figures_load (fixture->store, fixture->round,
                                      &(SamFiguresPolicy) { 0, fixture->clinics[0] }, &error);
    g_assert_cmpfloat_with_epsilon (clinic_figure (figures, fixture->clinics[0], "q1")->mean, 87.5, 1e-9);
    g_clear_pointer (&figures, sam_round_figures_free);
    figures = sam_round_figures_load (fixture->store, fixture->round,
                                      &(SamFiguresPolicy) { 0, fixture->clinics[2] }, &error);
    g_assert_cmpfloat_with_epsilon (clinic_figure (figures, fixture->clinics[2], "q1")->mean, 43.75, 1e-9);

    /* A clinic that is not in the round has no own view of it. */
    g_clear_pointer (&figures, sam_round_figures_free);
    figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 3, 9999 }, &error);
    g_assert_no_error (error);
    g_assert_cmpint (figures->own_clinic_id, ==, 0);
  }
}

/* One publication a round: only once it is closed, at one k, recorded with the round. */
static void
test_publication (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRound) round = NULL;
  g_autoptr(SamRoundFigures) figures = NULL;
  SamAnswer answer = { "q1", 3 };
  int k = 0;

  /* Open: not yet. */
  g_assert_false (sam_store_publish_round (fixture->store, fixture->round, 0, TRUE, &k, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "R1"));
  g_clear_error (&error);

  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, TRUE, &error));
  /* Checking for a clinic's own view records nothing. */
  g_assert_true (sam_store_publish_round (fixture->store, fixture->round, 4, FALSE, &k, &error));
  g_assert_cmpint (k, ==, 4);
  round = sam_store_get_round (fixture->store, fixture->round, &error);
  g_assert_cmpint (round->published_k, ==, 0);
  g_clear_pointer (&round, sam_round_free);

  g_assert_true (sam_store_publish_round (fixture->store, fixture->round, 0, TRUE, &k, &error));
  g_assert_no_error (error);
  g_assert_cmpint (k, ==, 3);
  round = sam_store_get_round (fixture->store, fixture->round, &error);
  g_assert_cmpint (round->published_k, ==, 3);

  /* The saved setting changes later; the round keeps its k in every view. */
  g_assert_true (sam_store_set_min_group_size (fixture->store, 5, &error));
  figures = sam_round_figures_load (fixture->store, fixture->round, NULL, &error);
  g_assert_cmpint (figures->k, ==, 3);
  g_assert_true (sam_store_publish_round (fixture->store, fixture->round, 0, TRUE, &k, &error));
  g_assert_cmpint (k, ==, 3);
  g_assert_true (sam_store_publish_round (fixture->store, fixture->round, 3, TRUE, &k, &error));

  /* Another k is refused, and says why. */
  g_assert_false (sam_store_publish_round (fixture->store, fixture->round, 5, TRUE, &k, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);

  /* Not opened again: a late answer would give the published figures away by the
   * difference. */
  g_assert_false (sam_store_set_round_closed (fixture->store, fixture->round, FALSE, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_add_respondent (fixture->store, fixture->round, fixture->clinics[0],
                                            SAM_ROLE_PARTNER, &answer, 1, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
}

/* The issue's second case: A = 1, B = 2, C = 5 answers. At k = 3 all three clinics are
 * withheld and the cluster shown; at k = 5 the cluster would be withheld and C shown, and
 * the first cluster less the second C is A + B. The second publication is refused. */
static void
test_two_publications_refused (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "two.db", NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) at3 = NULL;
  g_autoptr(SamRoundFigures) at5 = NULL;
  const guint sizes[] = { 1, 2, 5 };
  gint64 cluster, round, clinics[3];
  guint q1 = sam_figure_slot ("q1");
  int k = 0;

  store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (store, "K", &cluster, NULL));
  g_assert_true (sam_store_create_round (store, cluster, "R", "2026-01-01", &round, NULL));
  for (guint c = 0; c < 3; c++)
    {
      const char *code = (const char *[]) { "A", "B", "C" }[c];

      g_assert_true (sam_store_ensure_clinic (store, cluster, code, NULL, &clinics[c], NULL));
      for (guint i = 0; i < sizes[c]; i++)
        add (store, round, clinics[c], "q1", 1 + (int) i % 5, NULL, 0);
    }

  /* What each k would show (the coordinator's own screen may look). */
  at3 = sam_round_figures_load (store, round, &(SamFiguresPolicy) { 3, 0 }, &error);
  at5 = sam_round_figures_load (store, round, &(SamFiguresPolicy) { 5, 0 }, &error);
  g_assert_true (sam_figure_is_shown (&at3->cluster[q1]));
  for (guint c = 0; c < 3; c++)
    g_assert_true (withheld (at3, clinics[c], q1));
  g_assert_false (sam_figure_is_shown (&at5->cluster[q1]));
  g_assert_false (withheld (at5, clinics[2], q1));

  g_assert_true (sam_store_set_round_closed (store, round, TRUE, &error));
  g_assert_true (sam_store_publish_round (store, round, 3, TRUE, &k, &error));
  g_assert_false (sam_store_publish_round (store, round, 5, TRUE, &k, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Every other k is refused too, for the cluster's view and for a clinic's own view
   * (which must show the same pattern); the same k always goes. */
  for (int other = SAM_MIN_GROUP_SIZE_MIN; other <= SAM_MIN_GROUP_SIZE_MAX; other++)
    for (int record = 0; record < 2; record++)
      {
        gboolean ok = sam_store_publish_round (store, round, other, record, &k, &error);

        g_assert_cmpint (ok, ==, other == 3);
        if (!ok)
          g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }

  g_clear_object (&store);
  test_rm_rf (dir);
}

/* The newest round with something to show. */
/* Figures leaving the app (instrument contract, "One publication a round"): any that hold
 * another clinic's answers, the cluster's view or a clinic's own on the coordinator's
 * computer, only from a closed round and with the k fixed the first time; a clinic's own
 * view of nothing but its own answers fixes nothing. */
static void
test_publish_figures (Fixture       *fixture,
                      gconstpointer  data)
{
  SamFiguresPolicy own = { 0, fixture->clinics[2] };
  SamFiguresPolicy own_at_2 = { 2, fixture->clinics[2] };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) cluster = NULL;
  g_autoptr(SamRoundFigures) own_view = NULL;
  g_autoptr(SamRoundFigures) alone = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(SamRound) round = NULL;
  g_autoptr(SamStore) clinic_store = NULL;
  g_autofree char *clinic_path = g_build_filename (fixture->dir, "clinic.db", NULL);
  gint64 cluster_id, round_id, clinic_id;

  /* Open: neither the cluster's view nor a clinic's own holding others' answers leaves. */
  cluster = sam_round_figures_load (fixture->store, fixture->round, NULL, &error);
  own_view = sam_round_figures_load (fixture->store, fixture->round, &own, &error);
  g_assert_no_error (error);
  g_assert_false (sam_round_figures_are_own_only (cluster));
  g_assert_false (sam_round_figures_are_own_only (own_view));
  g_assert_false (sam_round_figures_publish (fixture->store, cluster, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_round_figures_publish (fixture->store, own_view, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Closed: figures read while it was open are not the round's (answers may have come
   * before it closed), and do not leave; nothing is fixed by trying. */
  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, TRUE, &error));
  g_assert_false (sam_round_figures_publish (fixture->store, cluster, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "were read while it was open"));
  g_clear_error (&error);
  round = sam_store_get_round (fixture->store, fixture->round, &error);
  g_assert_cmpint (round->published_k, ==, 0);
  g_clear_pointer (&round, sam_round_free);

  /* A clinic's own results file at k = 2 fixes the round's k at 2 (it shows the other
   * clinics as the cluster's view does), so the cluster's file at 3 is refused. */
  g_assert_true (sam_results_write_csv (fixture->store, "R1", &own_at_2, csv, NULL, NULL, &error));
  g_assert_no_error (error);
  round = sam_store_get_round (fixture->store, fixture->round, &error);
  g_assert_cmpint (round->published_k, ==, 2);
  g_assert_false (sam_results_write_csv (fixture->store, "R1", &(SamFiguresPolicy) { 3, 0 }, csv,
                                         NULL, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The round's own k goes on, and it is not reopened. */
  g_assert_true (sam_results_write_csv (fixture->store, "R1", NULL, csv, NULL, NULL, &error));
  g_assert_false (sam_store_set_round_closed (fixture->store, fixture->round, FALSE, &error));
  g_clear_error (&error);

  /* A clinic's own computer, with its own answers only: its view may leave while the
   * round is open, and fixes nothing. */
  clinic_store = sam_store_new (clinic_path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (clinic_store, "Klynge Test", &cluster_id, NULL));
  g_assert_true (sam_store_create_round (clinic_store, cluster_id, "R1", "2026-01-01", &round_id,
                                         NULL));
  g_assert_true (sam_store_ensure_clinic (clinic_store, cluster_id, "Klinik 3", NULL, &clinic_id,
                                          NULL));
  add (clinic_store, round_id, clinic_id, "q1", 2, NULL, 0);
  own.own_clinic_id = clinic_id;
  alone = sam_round_figures_load (clinic_store, round_id, &own, &error);
  g_assert_no_error (error);
  g_assert_true (sam_round_figures_are_own_only (alone));
  g_assert_true (sam_round_figures_publish (clinic_store, alone, &error));
  g_assert_no_error (error);
  g_clear_pointer (&round, sam_round_free);
  round = sam_store_get_round (clinic_store, round_id, &error);
  g_assert_cmpint (round->published_k, ==, 0);

  /* Codes are a cluster's own: a round of another cluster whose only answers are from its
   * own "Klinik 3" is not this clinic's own view, and stays in while it is open. */
  {
    g_autoptr(SamRoundFigures) other = NULL;
    gint64 other_cluster, other_round, other_clinic;

    g_assert_true (sam_store_ensure_cluster (clinic_store, "Klynge Anden", &other_cluster, NULL));
    g_assert_true (sam_store_create_round (clinic_store, other_cluster, "R1", "2026-01-01",
                                           &other_round, NULL));
    g_assert_true (sam_store_ensure_clinic (clinic_store, other_cluster, "Klinik 3", NULL,
                                            &other_clinic, NULL));
    add (clinic_store, other_round, other_clinic, "q1", 4, NULL, 0);
    other = sam_round_figures_load (clinic_store, other_round, &own, &error);
    g_assert_no_error (error);
    g_assert_cmpint (other->own_clinic_id, ==, 0);
    g_assert_false (sam_round_figures_are_own_only (other));
    g_assert_false (sam_round_figures_publish (clinic_store, other, &error));
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_newest_round (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRound) newest = NULL;
  gint64 cluster, empty;

  newest = sam_round_figures_newest_round (fixture->store, 0, &error);
  g_assert_nonnull (newest);
  g_assert_cmpstr (newest->label, ==, "R1");
  g_clear_pointer (&newest, sam_round_free);

  /* A newer round without answers is passed over. */
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Test", &cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R2", "2027-01-01", &empty, NULL));
  newest = sam_round_figures_newest_round (fixture->store, cluster, &error);
  g_assert_cmpstr (newest->label, ==, "R1");
  g_clear_pointer (&newest, sam_round_free);
  g_assert_null (sam_round_figures_newest_round (fixture->store, cluster + 100, &error));
  g_assert_no_error (error);
}

static void
test_national (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) figures = NULL;
  const SamFigure *q1, *q2a, *index;
  const char *reference = "INSERT INTO reference VALUES"
                          " ('R1', 'q1', 812, '71.3', '60.2', '30.0|30.2|20.0|10.0|9.8', 0),"
                          " ('R1', 'q2a', 2, '50.0', '50.0', '50.0|0.0|0.0|0.0|50.0', 0),"
                          " ('R1', 'index_A', 700, '', '', '', 1),"
                          " ('R0', 'q1', 5, '10.0', '', '', 0)";

  g_assert_true (sam_store_testing_exec (fixture->store, reference, &error));
  g_assert_no_error (error);
  figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 3, 0 }, &error);
  g_assert_no_error (error);
  g_assert_true (figures->has_national);
  q1 = &figures->national[sam_figure_slot ("q1")];
  q2a = &figures->national[sam_figure_slot ("q2a")];
  index = &figures->national[sam_figure_slot ("index_A")];
  g_assert_cmpuint (q1->n, ==, 812);
  g_assert_cmpfloat_with_epsilon (q1->mean, 71.3, 1e-9);
  g_assert_true (q1->has_favourable);
  g_assert_cmpfloat_with_epsilon (q1->favourable, 60.2, 1e-9);
  g_assert_cmpuint (q1->n_codes, ==, 5);
  g_assert_cmpfloat_with_epsilon (q1->distribution[4], 9.8, 1e-9);
  g_assert_cmpint (q1->withheld, ==, SAM_WITHHELD_NONE);
  /* Fewer than k, or withheld where it came from: withheld here too. */
  g_assert_cmpint (q2a->withheld, ==, SAM_WITHHELD_PRIMARY);
  /* Withheld where it came from, of more than k: not for its own few answers. */
  g_assert_cmpint (index->withheld, ==, SAM_WITHHELD_SECONDARY);
}

static void
test_rounds_oldest_first (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 3, 0 }, &error);
  g_autoptr(GPtrArray) rounds = sam_round_figures_list_rounds (fixture->store, figures->cluster_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 2);
  g_assert_cmpstr (((SamRound *) g_ptr_array_index (rounds, 0))->label, ==, "R0");
  g_assert_cmpstr (((SamRound *) g_ptr_array_index (rounds, 1))->label, ==, "R1");
}

/* The Results section's load: the round and the rounds before it, oldest first, the round
 * itself last; and nothing where the load was called off. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundHistory) history = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SamFiguresPolicy policy = { 3, 0 };

  history = sam_round_history_load (fixture->store, fixture->round, &policy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->history->len, ==, 2);
  g_assert_true (g_ptr_array_index (history->history, 1) == history->figures);
  g_assert_cmpint (history->figures->round_id, ==, fixture->round);
  g_assert_cmpstr (((SamRoundFigures *) g_ptr_array_index (history->history, 0))->round_label, ==, "R0");
  g_assert_cmpint (history->figures->k, ==, 3);

  g_cancellable_cancel (cancellable);
  g_assert_null (sam_round_history_load (fixture->store, fixture->round, &policy, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_story (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) figures = NULL;
  SamLeadershipStory story;
  const SamStoryItem *q1 = NULL;

  /* The cluster's view has no own clinic to tell a story of. */
  figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 3, 0 }, &error);
  g_assert_false (sam_leadership_story_make (figures, &story));
  g_clear_pointer (&figures, sam_round_figures_free);

  figures = sam_round_figures_load (fixture->store, fixture->round, &(SamFiguresPolicy) { 3, fixture->clinics[2] }, &error);
  g_assert_no_error (error);
  g_assert_true (sam_leadership_story_make (figures, &story));
  /* q1 to q4b: the eight leadership items. */
  g_assert_cmpuint (story.n_items, ==, 8);
  g_assert_cmpstr (story.items[0].item->id, ==, "q1");
  q1 = &story.items[0];
  g_assert_cmpfloat_with_epsilon (q1->clinic_mean, 43.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (q1->cluster_mean, 600.0 / 9, 1e-9);
  g_assert_cmpint (q1->standing, ==, SAM_STANDING_BELOW);
  g_assert_cmpfloat_with_epsilon (q1->spread, sqrt (1054.6875), 1e-9);
  /* q2a: all four answered "to a very high degree": no spread, level with the cluster
   * (the cluster's q2a is Klinik 3's alone). */
  g_assert_cmpstr (story.items[1].item->id, ==, "q2a");
  g_assert_cmpfloat_with_epsilon (story.items[1].spread, 0, 1e-9);
  g_assert_cmpint (story.items[1].standing, ==, SAM_STANDING_LEVEL);
  g_assert_cmpint (story.agree_most, ==, 1);
  g_assert_cmpint (story.differ_most, ==, 0);
  /* q1 is furthest below the cluster: talk about it first. */
  g_assert_cmpint (story.talk_first, ==, 0);
  /* Items without answers have no standing. */
  g_assert_cmpint (story.items[2].standing, ==, SAM_STANDING_UNKNOWN);
  g_assert_cmpfloat (story.items[2].spread, <, 0);
}

static void
test_slots (void)
{
  g_assert_cmpuint (sam_figure_slot ("q1"), ==, 0);
  g_assert_cmpuint (sam_figure_slot ("q10d"), ==, SAM_N_ITEMS - 1);
  g_assert_cmpuint (sam_figure_slot ("index_D"), ==, SAM_N_ITEMS + SAM_INDEX_D);
  g_assert_cmpuint (sam_figure_slot ("q11"), ==, G_MAXUINT);
}

/* Figures made by hand, for the readings: a round of a cluster with clinics. */

static void
hand_clinic_free (gpointer data)
{
  SamClinicFigures *clinic = data;

  g_free (clinic->code);
  g_free (clinic);
}

static void
set_figure (SamFigure   *figure,
            guint        n,
            double       mean,
            SamWithheld  withheld)
{
  memset (figure, 0, sizeof *figure);
  figure->n = n;
  figure->mean = mean;
  figure->withheld = withheld;
}

static SamClinicFigures *
hand_clinic (SamRoundFigures *figures,
             gint64           id,
             const char      *code)
{
  SamClinicFigures *clinic = g_new0 (SamClinicFigures, 1);

  clinic->clinic_id = id;
  clinic->code = g_strdup (code);
  g_ptr_array_add (figures->clinics, clinic);
  return clinic;
}

static SamRoundFigures *
hand_round (const char *label,
            gint64      own_clinic_id)
{
  SamRoundFigures *figures = g_new0 (SamRoundFigures, 1);

  figures->round_label = g_strdup (label);
  figures->cluster_name = g_strdup ("Klyngen");
  figures->k = 3;
  figures->own_clinic_id = own_clinic_id;
  figures->clinics = g_ptr_array_new_with_free_func (hand_clinic_free);
  for (guint f = 0; f < SAM_N_FIGURES; f++)
    set_figure (&figures->cluster[f], 30, 60, SAM_WITHHELD_NONE);
  return figures;
}

#define SLOT(id) sam_figure_slot (id)

/* Where to start, per domain: the strongest and weakest items against the cluster, read
 * only where both figures are shown; a withheld item is never named, however high or low
 * its hidden figure; how often meetings are held is not read. */
static void
test_domain_reading (void)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamRoundFigures) figures = hand_round ("Runde 2", 1);
  SamClinicFigures *own = hand_clinic (figures, 1, "Klinik 1");
  SamDomainReading reading;

  for (guint f = 0; f < SAM_N_FIGURES; f++)
    set_figure (&own->figures[f], 5, 60, SAM_WITHHELD_NONE);
  /* Leadership: q1 the highest and q3 the lowest, but neither is shown on both sides. */
  set_figure (&own->figures[SLOT ("q1")], 2, 99, SAM_WITHHELD_PRIMARY);
  set_figure (&own->figures[SLOT ("q2a")], 5, 80, SAM_WITHHELD_NONE);
  set_figure (&own->figures[SLOT ("q2b")], 5, 40, SAM_WITHHELD_NONE);
  set_figure (&own->figures[SLOT ("q2c")], 5, 62, SAM_WITHHELD_NONE);
  set_figure (&own->figures[SLOT ("q2d")], 0, 0, SAM_WITHHELD_NONE);
  set_figure (&own->figures[SLOT ("q3")], 5, 10, SAM_WITHHELD_NONE);
  set_figure (&figures->cluster[SLOT ("q3")], 30, 0, SAM_WITHHELD_SECONDARY);
  /* How often: far below the cluster, yet not a weakness. */
  set_figure (&own->figures[SLOT ("q4a")], 5, 0, SAM_WITHHELD_NONE);

  g_assert_true (sam_domain_reading_make (figures, sam_instrument_lookup_domain (instrument, "A"),
                                          &reading));
  g_assert_cmpuint (reading.n_compared, ==, 3);
  g_assert_cmpstr (reading.strongest.item->id, ==, "q2a");
  g_assert_cmpfloat (reading.strongest.clinic_mean, ==, 80);
  g_assert_cmpfloat (reading.strongest.cluster_mean, ==, 60);
  g_assert_cmpint (reading.strongest.standing, ==, SAM_STANDING_ABOVE);
  g_assert_cmpstr (reading.weakest.item->id, ==, "q2b");
  g_assert_cmpint (reading.weakest.standing, ==, SAM_STANDING_BELOW);

  /* Collegial support with one item shown on both sides: only one reading of it. */
  set_figure (&own->figures[SLOT ("q8")], 5, 45, SAM_WITHHELD_NONE);
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);

      if (g_str_equal (item->question->domain->id, "D") && !g_str_equal (item->id, "q8"))
        set_figure (&own->figures[i], 2, 100, SAM_WITHHELD_PRIMARY);
    }
  g_assert_true (sam_domain_reading_make (figures, sam_instrument_lookup_domain (instrument, "D"),
                                          &reading));
  g_assert_cmpuint (reading.n_compared, ==, 1);
  g_assert_null (reading.strongest.item);
  g_assert_cmpstr (reading.weakest.item->id, ==, "q8");

  /* Culture with every cluster figure withheld: answered, nothing read, nothing named. */
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    if (g_str_equal (sam_instrument_get_item (instrument, i)->question->domain->id, "C"))
      set_figure (&figures->cluster[i], 30, 0, SAM_WITHHELD_SECONDARY);
  g_assert_true (sam_domain_reading_make (figures, sam_instrument_lookup_domain (instrument, "C"),
                                          &reading));
  g_assert_cmpuint (reading.n_compared, ==, 0);
  g_assert_null (reading.strongest.item);
  g_assert_null (reading.weakest.item);

  /* The cluster's view has no own clinic to read. */
  figures->own_clinic_id = 0;
  g_assert_false (sam_domain_reading_make (figures, sam_instrument_lookup_domain (instrument, "A"),
                                           &reading));
}

/* The headline: an index's figure, and its change only where both rounds' are shown. */
static void
test_headline (void)
{
  g_autoptr(SamRoundFigures) before = hand_round ("Runde 1", 1);
  g_autoptr(SamRoundFigures) after = hand_round ("Runde 2", 1);
  SamClinicFigures *own_before = hand_clinic (before, 1, "Klinik 1");
  SamClinicFigures *own_after = hand_clinic (after, 1, "Klinik 1");
  guint slot = SLOT ("index_A"), culture = SLOT ("index_C");
  SamHeadline headline;

  set_figure (&before->cluster[slot], 30, 50, SAM_WITHHELD_NONE);
  set_figure (&after->cluster[slot], 30, 62.5, SAM_WITHHELD_NONE);
  set_figure (&own_before->figures[slot], 2, 90, SAM_WITHHELD_PRIMARY);
  set_figure (&own_after->figures[slot], 5, 70, SAM_WITHHELD_NONE);
  set_figure (&own_before->figures[culture], 5, 70, SAM_WITHHELD_NONE);
  set_figure (&own_after->figures[culture], 5, 65, SAM_WITHHELD_NONE);

  sam_headline_make (after, before, 0, slot, &headline);
  g_assert_true (headline.has_previous);
  g_assert_true (headline.has_change);
  g_assert_cmpfloat_with_epsilon (headline.change, 12.5, 1e-9);
  g_assert_cmpfloat (headline.figure.mean, ==, 62.5);

  /* The clinic's earlier figure is withheld: its change would give it away. */
  sam_headline_make (after, before, 1, slot, &headline);
  g_assert_true (headline.has_previous);
  g_assert_false (headline.has_change);
  g_assert_cmpfloat (headline.figure.mean, ==, 70);
  g_assert_cmpint (headline.previous.withheld, ==, SAM_WITHHELD_PRIMARY);

  sam_headline_make (after, before, 1, culture, &headline);
  g_assert_true (headline.has_change);
  g_assert_cmpfloat_with_epsilon (headline.change, -5, 1e-9);

  /* Nothing before: the first round. */
  sam_headline_make (after, NULL, 0, slot, &headline);
  g_assert_false (headline.has_previous);
  g_assert_false (headline.has_change);
}

/* Clinics by value: shown figures highest first; without answers, then withheld, last in
 * their own order, whatever their hidden figures. */
static void
test_rank_clinics (void)
{
  g_autoptr(SamRoundFigures) figures = hand_round ("Runde 2", 0);
  guint slot = SLOT ("index_C");
  const char *expected[] = { "Klinik 10", "Klinik 1", "Klinik 5", "Klinik 3", "Klinik 2", "Klinik 4" };
  g_autoptr(GPtrArray) ranked = NULL;

  set_figure (&hand_clinic (figures, 1, "Klinik 1")->figures[slot], 5, 70, SAM_WITHHELD_NONE);
  set_figure (&hand_clinic (figures, 2, "Klinik 2")->figures[slot], 2, 99, SAM_WITHHELD_PRIMARY);
  set_figure (&hand_clinic (figures, 3, "Klinik 3")->figures[slot], 0, 0, SAM_WITHHELD_NONE);
  set_figure (&hand_clinic (figures, 4, "Klinik 4")->figures[slot], 6, 1, SAM_WITHHELD_SECONDARY);
  set_figure (&hand_clinic (figures, 5, "Klinik 5")->figures[slot], 5, 70, SAM_WITHHELD_NONE);
  set_figure (&hand_clinic (figures, 10, "Klinik 10")->figures[slot], 8, 80, SAM_WITHHELD_NONE);

  ranked = sam_round_figures_rank_clinics (figures, slot);
  g_assert_cmpuint (ranked->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ranked->len; i++)
    g_assert_cmpstr (((SamClinicFigures *) g_ptr_array_index (ranked, i))->code, ==, expected[i]);
  /* The figures' own order is left as it was. */
  g_assert_cmpstr (((SamClinicFigures *) g_ptr_array_index (figures->clinics, 0))->code, ==, "Klinik 1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/round-figures/slots", test_slots);
  g_test_add ("/round-figures/cluster-view", Fixture, NULL, fixture_set_up, test_cluster_view, fixture_tear_down);
  g_test_add ("/round-figures/own-view", Fixture, NULL, fixture_set_up, test_own_view, fixture_tear_down);
  g_test_add ("/round-figures/national", Fixture, NULL, fixture_set_up, test_national, fixture_tear_down);
  g_test_add ("/round-figures/publication", Fixture, NULL, fixture_set_up, test_publication, fixture_tear_down);
  g_test_add_func ("/round-figures/two-publications", test_two_publications_refused);
  g_test_add ("/round-figures/publish-figures", Fixture, NULL, fixture_set_up, test_publish_figures, fixture_tear_down);
  g_test_add ("/round-figures/newest", Fixture, NULL, fixture_set_up, test_newest_round, fixture_tear_down);
  g_test_add ("/round-figures/rounds", Fixture, NULL, fixture_set_up, test_rounds_oldest_first, fixture_tear_down);
  g_test_add ("/round-figures/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/round-figures/story", Fixture, NULL, fixture_set_up, test_story, fixture_tear_down);
  g_test_add_func ("/round-figures/domain-reading", test_domain_reading);
  g_test_add_func ("/round-figures/headline", test_headline);
  g_test_add_func ("/round-figures/rank-clinics", test_rank_clinics);

  return g_test_run ();
}
