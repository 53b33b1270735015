/* test-follow-up.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sam-follow-up.h"
#include "test-common.h"

/* Two rounds of a cluster worked out by hand. k = 3; partners answer q1 only.
 *
 *   R1 (2025): Klinik 1: q1 = 1, 1, 2   mean (100 + 100 + 75) / 3 = 91.67, favourable 100 %
 *              Klinik 2: q1 = 3, 3, 4   mean (50 + 50 + 25) / 3 = 41.67, favourable 0 %
 *              cluster: mean 400 / 6 = 66.67, favourable 50 %
 *   R2 (2026): Klinik 1: q1 = 1, 1, 1   mean 100 (+8.33), favourable 100 % (level)
 *              Klinik 2: q1 = 3, 3, 3   mean 50 (+8.33), favourable 0 %
 *              Klinik 3: q1 = 1, 1      n = 2 < k: withheld (primary) outside Klinik 3;
 *                                       the withheld hold 2 < k, so the smallest shown
 *                                       clinic, Klinik 1 (n 3, first by code), is withheld
 *                                       too (secondary) in the cluster's view, and then
 *                                       Klinik 2, or someone in Klinik 1 would take its 3
 *                                       from the 5 and have Klinik 3's 2
 *              cluster: mean (300 + 150 + 200) / 8 = 81.25 (+14.58), favourable 62.5 % (+12.5)
 *
 * So in the cluster's view the clinics' changes are withheld, though Klinik 1's and 2's
 * figures have n >= k; in a clinic's own view its own is shown. index_A needs half of its
 * items answered, so no one counts there: no change to show. */

typedef struct
{
  char     *dir;
  SamStore *store;
  gint64    cluster;
  gint64    rounds[2];
  gint64    clinics[3];
} Fixture;

static void
add (SamStore *store,
     gint64    round,
     gint64    clinic,
     int       code)
{
  SamAnswer answers[1] = { { "q1", code } };
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_add_respondent (store, round, clinic, SAM_ROLE_PARTNER, answers, 1,
                                           NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const int r1[2][3] = { { 1, 1, 2 }, { 3, 3, 4 } };
  const int r2[2][3] = { { 1, 1, 1 }, { 3, 3, 3 } };

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "follow-up.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Test", &fixture->cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->store, fixture->cluster, "R1", "2025-03-01", &fixture->rounds[0], NULL));
  g_assert_true (sam_store_create_round (fixture->store, fixture->cluster, "R2", "2026-03-01", &fixture->rounds[1], NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("Klinik %u", i + 1);

      g_assert_true (sam_store_ensure_clinic (fixture->store, fixture->cluster, code, NULL, &fixture->clinics[i], NULL));
    }
  for (guint c = 0; c < 2; c++)
    for (guint i = 0; i < 3; i++)
      {
        add (fixture->store, fixture->rounds[0], fixture->clinics[c], r1[c][i]);
        add (fixture->store, fixture->rounds[1], fixture->clinics[c], r2[c][i]);
      }
  add (fixture->store, fixture->rounds[1], fixture->clinics[2], 1);
  add (fixture->store, fixture->rounds[1], fixture->clinics[2], 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static SamFigure
figure (guint        n,
        double       mean,
        double       favourable,
        SamWithheld  withheld)
{
  SamFigure f = { 0 };

  f.n = n;
  f.mean = mean;
  f.has_favourable = favourable >= 0;
  f.favourable = favourable >= 0 ? favourable : 0;
  f.withheld = withheld;
  return f;
}

/* The change itself: direction, "small" under 5 points, withheld and missing. */
static void
test_change (void)
{
  struct {
    double        before, after;
    SamDirection  direction;
    gboolean      small;
  } cases[] = {
    { 50, 53, SAM_DIRECTION_UP, TRUE },
    { 50, 46, SAM_DIRECTION_DOWN, TRUE },
    { 50, 55, SAM_DIRECTION_UP, FALSE },        /* 5 points is not under 5 */
    { 50, 45, SAM_DIRECTION_DOWN, FALSE },
    { 50, 54.99, SAM_DIRECTION_UP, TRUE },
    { 50, 50.04, SAM_DIRECTION_LEVEL, TRUE },   /* level to one decimal */
    { 62.5, 20, SAM_DIRECTION_DOWN, FALSE },
  };
  SamChange change;
  SamFigure a, b;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      a = figure (8, cases[i].before, 40, SAM_WITHHELD_NONE);
      b = figure (9, cases[i].after, 47.5, SAM_WITHHELD_NONE);
      sam_change_compute (&change, &a, &b);
      g_assert_cmpint (change.state, ==, SAM_CHANGE_SHOWN);
      g_assert_cmpfloat_with_epsilon (change.mean.change, cases[i].after - cases[i].before, 1e-9);
      g_assert_cmpfloat (change.mean.before, ==, cases[i].before);
      g_assert_cmpfloat (change.mean.after, ==, cases[i].after);
      g_assert_cmpint (change.mean.direction, ==, cases[i].direction);
      g_assert_cmpint (change.mean.small, ==, cases[i].small);
      g_assert_true (change.has_favourable);
      g_assert_cmpfloat_with_epsilon (change.favourable.change, 7.5, 1e-9);
      g_assert_cmpint (change.favourable.direction, ==, SAM_DIRECTION_UP);
      g_assert_false (change.favourable.small);
    }

  /* An index has no favourable share. */
  a = figure (8, 60, -1, SAM_WITHHELD_NONE);
  b = figure (8, 58, -1, SAM_WITHHELD_NONE);
  sam_change_compute (&change, &a, &b);
  g_assert_cmpint (change.state, ==, SAM_CHANGE_SHOWN);
  g_assert_false (change.has_favourable);
  g_assert_cmpint (change.mean.direction, ==, SAM_DIRECTION_DOWN);

  /* Withheld on either side, by either rule, withholds the change; nothing of it shows. */
  for (SamWithheld w = SAM_WITHHELD_PRIMARY; w <= SAM_WITHHELD_SECONDARY; w++)
    {
      a = figure (2, 75, 50, w);
      b = figure (8, 50, 40, SAM_WITHHELD_NONE);
      sam_change_compute (&change, &a, &b);
      g_assert_cmpint (change.state, ==, SAM_CHANGE_WITHHELD);
      g_assert_cmpfloat (change.mean.change, ==, 0);
      g_assert_cmpfloat (change.mean.before, ==, 0);
      g_assert_cmpfloat (change.mean.after, ==, 0);
      sam_change_compute (&change, &b, &a);
      g_assert_cmpint (change.state, ==, SAM_CHANGE_WITHHELD);
      g_assert_cmpfloat (change.mean.after, ==, 0);
    }

  /* No answers in one round: nothing to compare. */
  a = figure (0, 0, 0, SAM_WITHHELD_NONE);
  b = figure (8, 50, 40, SAM_WITHHELD_NONE);
  sam_change_compute (&change, &a, &b);
  g_assert_cmpint (change.state, ==, SAM_CHANGE_MISSING);
}

static void
add_action (Fixture    *fixture,
            gint64      clinic,
            const char *what,
            const char *item,
            const char *domain)
{
  g_autoptr(SamPlanAction) action = sam_plan_action_new ();
  g_autoptr(GError) error = NULL;

  action->what = g_strdup (what);
  action->item = g_strdup (item);
  action->domain = g_strdup (domain);
  g_assert_true (sam_plan_add_action (fixture->store, clinic, action, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
row_whats (const SamFollowUpRow *row)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < row->actions->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "",
                            ((SamPlanAction *) g_ptr_array_index (row->actions, i))->what);
  return g_string_free (out, FALSE);
}

/* The cluster's view: suppression of either round holds; the cluster's change is shown. */
static void
test_cluster_view (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamFollowUp) follow_up = NULL;
  const SamFollowUpRow *q1, *index_a;

  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[0], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, 0 }, &error);
  g_assert_no_error (error);
  q1 = &follow_up->rows[sam_figure_slot ("q1")];
  g_assert_cmpstr (q1->id, ==, "q1");

  g_assert_cmpint (q1->clinic.state, ==, SAM_CHANGE_WITHHELD);

  g_assert_cmpint (q1->cluster.state, ==, SAM_CHANGE_SHOWN);
  g_assert_cmpfloat_with_epsilon (q1->cluster.mean.before, 400.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (q1->cluster.mean.after, 81.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (q1->cluster.mean.change, 81.25 - 400.0 / 6, 1e-9);
  g_assert_cmpint (q1->cluster.mean.direction, ==, SAM_DIRECTION_UP);
  g_assert_false (q1->cluster.mean.small);
  g_assert_true (q1->cluster.has_favourable);
  g_assert_cmpfloat_with_epsilon (q1->cluster.favourable.change, 12.5, 1e-9);

  index_a = &follow_up->rows[sam_figure_slot ("index_A")];
  g_assert_cmpstr (index_a->id, ==, "index_A");
  g_assert_cmpint (index_a->clinic.state, ==, SAM_CHANGE_MISSING);
  g_assert_cmpint (index_a->cluster.state, ==, SAM_CHANGE_MISSING);

  /* Klinik 2 is withheld in R2 of the cluster's view too. */
  g_clear_pointer (&follow_up, sam_follow_up_free);
  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[1], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, 0 }, &error);
  q1 = &follow_up->rows[sam_figure_slot ("q1")];
  g_assert_cmpint (q1->clinic.state, ==, SAM_CHANGE_WITHHELD);

  /* In its own view its change is shown. */
  g_clear_pointer (&follow_up, sam_follow_up_free);
  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[1], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, fixture->clinics[1] }, &error);
  q1 = &follow_up->rows[sam_figure_slot ("q1")];
  g_assert_cmpint (q1->clinic.state, ==, SAM_CHANGE_SHOWN);
  g_assert_cmpfloat_with_epsilon (q1->clinic.mean.change, 50 - 125.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (q1->clinic.favourable.change, 0, 1e-9);
  g_assert_cmpint (q1->clinic.favourable.direction, ==, SAM_DIRECTION_LEVEL);
  g_assert_true (q1->clinic.favourable.small);

  /* Klinik 3 had no answers in R1 and is withheld in R2: withheld wins over missing. */
  g_clear_pointer (&follow_up, sam_follow_up_free);
  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[2], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, 0 }, &error);
  g_assert_cmpint (follow_up->rows[sam_figure_slot ("q1")].clinic.state, ==, SAM_CHANGE_WITHHELD);
}

/* The clinic's own view: its own figures are its own. */
static void
test_own_view (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamFollowUp) follow_up = NULL;
  const SamFollowUpRow *q1;

  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[0], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, fixture->clinics[0] }, &error);
  g_assert_no_error (error);
  q1 = &follow_up->rows[sam_figure_slot ("q1")];
  g_assert_cmpint (q1->clinic.state, ==, SAM_CHANGE_SHOWN);
  g_assert_cmpfloat_with_epsilon (q1->clinic.mean.before, 275.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (q1->clinic.mean.after, 100, 1e-9);
  g_assert_cmpint (q1->clinic.mean.direction, ==, SAM_DIRECTION_UP);
  g_assert_false (q1->clinic.mean.small);
  g_assert_cmpint (q1->clinic.favourable.direction, ==, SAM_DIRECTION_LEVEL);
  g_assert_cmpint (q1->cluster.state, ==, SAM_CHANGE_SHOWN);

  /* Klinik 3's own view shows its own R2, but R1 has nothing. */
  g_clear_pointer (&follow_up, sam_follow_up_free);
  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[2], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, fixture->clinics[2] }, &error);
  g_assert_cmpint (follow_up->rows[sam_figure_slot ("q1")].clinic.state, ==, SAM_CHANGE_MISSING);
}

/* The plan's actions sit beside what they aimed at: an item, its index, or a domain. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamFollowUp) follow_up = NULL;
  struct {
    const char *id;
    const char *whats;
  } rows[] = {
    { "q1", "Ledelsesdag" },
    { "q2a", "" },
    { "index_A", "Ledelsesdag" },
    { "q7a", "Fælles frokost" },
    { "q7h", "Fælles frokost,Trivselssnak" },
    { "index_C", "Fælles frokost,Trivselssnak" },
    { "q8", "" },
    { "index_D", "" },
  };

  add_action (fixture, fixture->clinics[0], "Ledelsesdag", "q1", NULL);
  add_action (fixture, fixture->clinics[0], "Fælles frokost", NULL, "C");
  add_action (fixture, fixture->clinics[0], "Trivselssnak", "q7h", NULL);
  add_action (fixture, fixture->clinics[0], "Uden mål", NULL, NULL);
  add_action (fixture, fixture->clinics[1], "Andres plan", "q1", NULL);

  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[0], fixture->rounds[0], fixture->rounds[1], &(SamFiguresPolicy) { 3, fixture->clinics[0] }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_up->plan->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *whats = row_whats (&follow_up->rows[sam_figure_slot (rows[i].id)]);

      g_test_message ("%s: %s", rows[i].id, whats);
      g_assert_cmpstr (whats, ==, rows[i].whats);
    }
}

static void
test_refuse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamFollowUp) follow_up = NULL;
  gint64 other_cluster, other_round;

  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[0], fixture->rounds[0], fixture->rounds[0], &(SamFiguresPolicy) { 3, 0 }, &error);
  g_assert_null (follow_up);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Nord", &other_cluster, NULL));
  g_assert_true (sam_store_create_round (fixture->store, other_cluster, "N1", "2026-03-01", &other_round, NULL));
  follow_up = sam_follow_up_load (fixture->store, fixture->clinics[0], fixture->rounds[0], other_round, &(SamFiguresPolicy) { 3, 0 }, &error);
  g_assert_null (follow_up);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/follow-up/change", test_change);
  ADD ("/follow-up/cluster-view", test_cluster_view);
  ADD ("/follow-up/own-view", test_own_view);
  ADD ("/follow-up/actions", test_actions);
  ADD ("/follow-up/refuse", test_refuse);

#undef ADD

  return g_test_run ();
}
