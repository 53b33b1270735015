/* test-figures-suppression.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-figures.h"

/* What is withheld to keep answers anonymous: primary and secondary suppression and the
 * groups of items, checked against the instrument contract ("Anonymity") by hand as in
 * test-figures.c, and on random clusters. */

static SamWithheld
primary (guint n,
         int   k)
{
  SamFigure figure = { .n = n, .withheld = SAM_WITHHELD_NONE };

  sam_figure_apply_primary (&figure, k);
  return figure.withheld;
}

static void
test_primary (void)
{
  SamFigure figure = { .n = 1, .withheld = SAM_WITHHELD_SECONDARY };

  /* k = 3: n = 2 = k - 1 withheld, n = 3 = k shown, n = 0 has nothing to withhold. */
  g_assert_cmpint (primary (2, 3), ==, SAM_WITHHELD_PRIMARY);
  g_assert_cmpint (primary (1, 3), ==, SAM_WITHHELD_PRIMARY);
  g_assert_cmpint (primary (3, 3), ==, SAM_WITHHELD_NONE);
  g_assert_cmpint (primary (4, 3), ==, SAM_WITHHELD_NONE);
  g_assert_cmpint (primary (0, 3), ==, SAM_WITHHELD_NONE);

  /* k = 1: nothing is withheld. */
  g_assert_cmpint (primary (1, 1), ==, SAM_WITHHELD_NONE);
  g_assert_cmpint (primary (0, 1), ==, SAM_WITHHELD_NONE);

  /* k = 10, the largest. */
  g_assert_cmpint (primary (9, 10), ==, SAM_WITHHELD_PRIMARY);
  g_assert_cmpint (primary (10, 10), ==, SAM_WITHHELD_NONE);

  /* An already withheld figure stays withheld, for its first reason. */
  sam_figure_apply_primary (&figure, 3);
  g_assert_cmpint (figure.withheld, ==, SAM_WITHHELD_SECONDARY);
  figure.n = 5;
  sam_figure_apply_primary (&figure, 3);
  g_assert_cmpint (figure.withheld, ==, SAM_WITHHELD_SECONDARY);
}

static void
test_is_shown (void)
{
  SamFigure figure = { .n = 3, .withheld = SAM_WITHHELD_NONE };

  g_assert_true (sam_figure_is_shown (&figure));
  figure.withheld = SAM_WITHHELD_PRIMARY;
  g_assert_false (sam_figure_is_shown (&figure));
  figure.withheld = SAM_WITHHELD_SECONDARY;
  g_assert_false (sam_figure_is_shown (&figure));
  figure.n = 0;
  figure.withheld = SAM_WITHHELD_NONE;
  g_assert_false (sam_figure_is_shown (&figure));
}

#define MAX_CLINICS 8

/* Runs sam_figures_suppress_cluster() on clinics with the given n and codes and checks
 * what each clinic ends up as. */
static void
check_suppression (guint              cluster_n,
                   SamWithheld        cluster_expected,
                   guint              n_clinics,
                   const guint       *ns,
                   const char * const *codes,
                   const SamWithheld *expected,
                   int                k)
{
  SamFigure cluster = { .n = cluster_n, .withheld = SAM_WITHHELD_NONE };
  SamFigure figures[MAX_CLINICS];
  SamFigure *clinics[MAX_CLINICS];

  g_assert_cmpuint (n_clinics, <=, MAX_CLINICS);

  for (guint i = 0; i < n_clinics; i++)
    {
      memset (&figures[i], 0, sizeof figures[i]);
      figures[i].n = ns[i];
      figures[i].withheld = SAM_WITHHELD_NONE;
      clinics[i] = &figures[i];
    }

  sam_figures_suppress_cluster (&cluster, clinics, codes, n_clinics, k);

  g_assert_cmpint (cluster.withheld, ==, cluster_expected);
  for (guint i = 0; i < n_clinics; i++)
    {
      if (figures[i].withheld != expected[i])
        g_test_message ("Clinic \"%s\" (n = %u)", codes[i], ns[i]);
      g_assert_cmpint (figures[i].withheld, ==, expected[i]);
      g_assert_cmpuint (figures[i].n, ==, ns[i]);
    }
}

/* (a) One clinic of 1 answer withheld, k = 3. Its 1 answer and the next smallest clinic's
 * 4 are not enough: someone in that clinic could take its own 4 from the 5 they hold
 * together and have the 1. So the third clinic goes too (1 + 4 + 5 = 10). */
static void
test_secondary_smallest (void)
{
  static const guint ns[] = { 5, 1, 4 };
  static const char * const codes[] = { "Klinik 3", "Klinik 1", "Klinik 2" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_SECONDARY, SAM_WITHHELD_PRIMARY, SAM_WITHHELD_SECONDARY,
  };

  check_suppression (10, SAM_WITHHELD_NONE, 3, ns, codes, expected, 3);
}

/* The contract's worked example (instrument.md, Anonymity), k = 3: A 1, B 3, D 5, E 6.
 * {A} is not safe; {A, B} is not safe against someone in B, who subtracts B's 3; {A, B, D}
 * is safe, and E is shown. */
static void
test_secondary_worked_example (void)
{
  static const guint ns[] = { 1, 3, 5, 6 };
  static const char * const codes[] = { "A", "B", "D", "E" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_PRIMARY, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_NONE,
  };

  check_suppression (15, SAM_WITHHELD_NONE, 4, ns, codes, expected, 3);
}

/* (b) A tie on n is broken by the clinic's code in byte order, where "Klinik 10" comes
 * before "Klinik 2" ('1' is 0x31, '2' is 0x32), whatever order the clinics come in: of
 * three clinics of 4, the two first in byte order go, the third stays. */
static void
test_secondary_tie_byte_order (void)
{
  static const guint ns[] = { 4, 2, 4, 4 };
  static const char * const codes[] = { "Klinik 2", "Klinik 1", "Klinik 10", "Klinik 3" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_SECONDARY, SAM_WITHHELD_PRIMARY, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_NONE,
  };
  static const guint ns_reversed[] = { 4, 4, 2, 4 };
  static const char * const codes_reversed[] = { "Klinik 3", "Klinik 10", "Klinik 1", "Klinik 2" };
  static const SamWithheld expected_reversed[] = {
    SAM_WITHHELD_NONE, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_PRIMARY, SAM_WITHHELD_SECONDARY,
  };
  /* Byte order, not a locale's: "Zealand" (0x5A) < "Åby" (0xC3 0x85) < "Østerbro"
   * (0xC3 0x98), where a Danish collation would put Z before Ø before Å. */
  static const guint ns_utf8[] = { 3, 3, 3, 1 };
  static const char * const codes_utf8[] = { "Østerbro", "Åby", "Zealand", "Amager" };
  static const SamWithheld expected_utf8[] = {
    SAM_WITHHELD_NONE, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_PRIMARY,
  };

  check_suppression (14, SAM_WITHHELD_NONE, 4, ns, codes, expected, 3);
  check_suppression (14, SAM_WITHHELD_NONE, 4, ns_reversed, codes_reversed,
                     expected_reversed, 3);
  check_suppression (10, SAM_WITHHELD_NONE, 4, ns_utf8, codes_utf8, expected_utf8, 3);
}

/* (c) Repeat: several small clinics withheld together (1 + 1 + 1 = 3 < 5) take the
 * smallest shown clinic (5) with them, and then the next (6), since someone in the
 * clinic of 5 would otherwise find the other three's 3 answers. */
static void
test_secondary_repeat (void)
{
  static const guint ns[] = { 1, 1, 1, 6, 5, 9 };
  static const char * const codes[] = { "A", "B", "C", "D", "E", "F" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_PRIMARY, SAM_WITHHELD_PRIMARY, SAM_WITHHELD_PRIMARY,
    SAM_WITHHELD_SECONDARY, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_NONE,
  };

  check_suppression (23, SAM_WITHHELD_NONE, 6, ns, codes, expected, 5);
}

/* (d) Stop once the pattern is safe: 1 + 2 = 3 = k, but someone in B would find A's one
 * answer, so C goes; {A, B, C} leaves 5, 4 and 3 to anyone inside one of them. */
static void
test_secondary_stops_at_k (void)
{
  static const guint ns[] = { 1, 2, 3, 4 };
  static const char * const codes[] = { "A", "B", "C", "D" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_PRIMARY, SAM_WITHHELD_PRIMARY, SAM_WITHHELD_SECONDARY, SAM_WITHHELD_NONE,
  };
  /* Withheld clinics of k or more each are safe among themselves. */
  static const guint ns_big[] = { 3, 4, 5 };
  static const SamWithheld expected_big[] = {
    SAM_WITHHELD_NONE, SAM_WITHHELD_NONE, SAM_WITHHELD_NONE,
  };

  check_suppression (10, SAM_WITHHELD_NONE, 4, ns, codes, expected, 3);
  check_suppression (12, SAM_WITHHELD_NONE, 3, ns_big, codes, expected_big, 3);
}

/* (e) Where the cluster's own figure is withheld there is nothing to subtract from, so no
 * secondary suppression: cluster 1 + 1 = 2 < 3. */
static void
test_secondary_cluster_withheld (void)
{
  static const guint ns[] = { 1, 1 };
  static const char * const codes[] = { "A", "B" };
  static const SamWithheld expected[] = { SAM_WITHHELD_PRIMARY, SAM_WITHHELD_PRIMARY };
  static const char * const codes3[] = { "A", "B", "C" };
  static const SamWithheld expected_shown[] = {
    SAM_WITHHELD_PRIMARY, SAM_WITHHELD_NONE, SAM_WITHHELD_NONE,
  };
  SamFigure cluster = { .n = 6, .withheld = SAM_WITHHELD_SECONDARY };
  SamFigure figures[3] = { { .n = 1 }, { .n = 0 }, { .n = 5 } };
  SamFigure *clinics[3] = { &figures[0], &figures[1], &figures[2] };

  check_suppression (2, SAM_WITHHELD_PRIMARY, 2, ns, codes, expected, 3);

  /* The same holds where the cluster was withheld for another reason before. */
  sam_figures_suppress_cluster (&cluster, clinics, codes3, 3, 3);
  g_assert_cmpint (cluster.withheld, ==, SAM_WITHHELD_SECONDARY);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (figures[i].withheld, ==, expected_shown[i]);
}

/* (f) No clinic withheld by primary suppression: none withheld at all. */
static void
test_secondary_none_withheld (void)
{
  static const guint ns[] = { 3, 4, 5 };
  static const char * const codes[] = { "A", "B", "C" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_NONE, SAM_WITHHELD_NONE, SAM_WITHHELD_NONE,
  };
  static const guint ns_k1[] = { 1, 1, 2 };
  static const guint ns_empty[] = { 0, 3, 0 };

  check_suppression (12, SAM_WITHHELD_NONE, 3, ns, codes, expected, 3);
  /* k = 1 withholds nothing anywhere. */
  check_suppression (4, SAM_WITHHELD_NONE, 3, ns_k1, codes, expected, 1);
  /* Clinics with no answers are not withheld, so they call for nothing either. */
  check_suppression (3, SAM_WITHHELD_NONE, 3, ns_empty, codes, expected, 3);
  /* No clinics at all. */
  check_suppression (3, SAM_WITHHELD_NONE, 0, NULL, NULL, NULL, 3);
}

/* (g) A clinic with no answers has no figure and is never chosen, even though its n is
 * the smallest and its code the first. Here only C is left to withhold, and {B, C} is
 * not safe against someone in C: the cluster's figure goes instead, and C is shown. */
static void
test_secondary_skips_empty (void)
{
  static const guint ns[] = { 0, 1, 4, 0 };
  static const char * const codes[] = { "A", "B", "C", "0" };
  static const SamWithheld expected[] = {
    SAM_WITHHELD_NONE, SAM_WITHHELD_PRIMARY, SAM_WITHHELD_NONE, SAM_WITHHELD_NONE,
  };

  check_suppression (5, SAM_WITHHELD_SECONDARY, 4, ns, codes, expected, 3);
}

/* (h) With nothing left to withhold, the cluster's figure is withheld instead (nothing
 * can then be subtracted from it) and only the clinics of fewer than k stay withheld; a
 * cluster figure that counts more than the clinics given must not loop either. */
static void
test_secondary_nothing_left (void)
{
  static const guint ns[] = { 1, 0 };
  static const char * const codes[] = { "A", "B" };
  static const SamWithheld expected[] = { SAM_WITHHELD_PRIMARY, SAM_WITHHELD_NONE };
  static const guint ns_all[] = { 1, 2 };
  static const SamWithheld expected_all[] = { SAM_WITHHELD_PRIMARY, SAM_WITHHELD_PRIMARY };
  static const guint ns_two[] = { 1, 6 };
  static const SamWithheld expected_two[] = { SAM_WITHHELD_PRIMARY, SAM_WITHHELD_NONE };

  check_suppression (3, SAM_WITHHELD_SECONDARY, 2, ns, codes, expected, 3);
  check_suppression (6, SAM_WITHHELD_SECONDARY, 2, ns_all, codes, expected_all, 5);
  /* Two clinics, one small: withholding the other too would still leave the small one's
   * answer to anyone in the other, so the cluster goes and the big one is shown. */
  check_suppression (7, SAM_WITHHELD_SECONDARY, 2, ns_two, codes, expected_two, 3);
}

/* Issue case: clinic X has 3 partners and only one answered q8. X's q8 is withheld; if
 * Y's and Z's q8 were withheld but their q9 and index_D shown with the same n, index_D
 * (the mean of q8 and q9) would give back their q8 sums, and the cluster's q8 less them
 * X's single answer. An index and its items are one group: one pattern for all three. */
static void
test_group_index_gives_item_back (void)
{
  /* members: q8, q9, index_D; clinics X, Y, Z */
  static const guint ns[3][3] = { { 1, 3, 3 }, { 3, 3, 3 }, { 3, 3, 3 } };
  static const char * const codes[] = { "X", "Y", "Z" };
  SamFigure cluster_figures[3] = { { .n = 7 }, { .n = 9 }, { .n = 9 } };
  SamFigure clinic_figures[3][3];
  SamFigure *cluster[3], *clinics[9];

  for (guint m = 0; m < 3; m++)
    cluster[m] = &cluster_figures[m];
  for (guint c = 0; c < 3; c++)
    for (guint m = 0; m < 3; m++)
      {
        memset (&clinic_figures[c][m], 0, sizeof clinic_figures[c][m]);
        clinic_figures[c][m].n = ns[c][m];
        clinics[c * 3 + m] = &clinic_figures[c][m];
      }

  sam_figures_suppress_group (cluster, 3, clinics, codes, 3, 3);

  /* X for all three members, its q8 for fewer than 3; Y and Z for every member too. */
  g_assert_cmpint (clinic_figures[0][0].withheld, ==, SAM_WITHHELD_PRIMARY);
  g_assert_cmpint (clinic_figures[0][1].withheld, ==, SAM_WITHHELD_SECONDARY);
  g_assert_cmpint (clinic_figures[0][2].withheld, ==, SAM_WITHHELD_SECONDARY);
  for (guint c = 1; c < 3; c++)
    for (guint m = 0; m < 3; m++)
      g_assert_cmpint (clinic_figures[c][m].withheld, ==, SAM_WITHHELD_SECONDARY);
  for (guint m = 0; m < 3; m++)
    g_assert_cmpint (cluster_figures[m].withheld, ==, SAM_WITHHELD_NONE);
}

/* The groups are the contract's: index_A with q1, q2a-q2d and q3; index_C with q7a-q7h;
 * index_D with q8 and q9; every other item alone. */
static void
test_groups (void)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  guint members[SAM_N_FIGURES];
  guint n;
  const SamItem *item;

  item = sam_instrument_lookup_item (instrument, "q2c");
  n = sam_figure_group (item->index, members);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (members[n - 1], ==, SAM_N_ITEMS + SAM_INDEX_A);
  g_assert_cmpuint (sam_figure_group (SAM_N_ITEMS + SAM_INDEX_C, members), ==, 9);
  n = sam_figure_group (SAM_N_ITEMS + SAM_INDEX_D, members);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (sam_instrument_get_item (instrument, members[0])->id, ==, "q8");
  g_assert_cmpstr (sam_instrument_get_item (instrument, members[1])->id, ==, "q9");
  item = sam_instrument_lookup_item (instrument, "q5d");
  g_assert_cmpuint (sam_figure_group (item->index, members), ==, 1);
  g_assert_cmpuint (members[0], ==, item->index);
  item = sam_instrument_lookup_item (instrument, "q10a");
  g_assert_cmpuint (sam_figure_group (item->index, members), ==, 1);
}

/* What anyone can isolate from a pattern: with the cluster's figure shown, an outsider
 * gets what the withheld clinics hold together, and someone inside a withheld clinic
 * that less their own clinic's. Both must be 0 or at least k, in every member; a clinic
 * withheld in one member is withheld in all; with the cluster withheld, only clinics of
 * fewer than k stay withheld. */
static void
check_pattern_safe (SamFigure **cluster,
                    guint       n_members,
                    SamFigure **clinics,
                    guint       n_clinics,
                    guint       k)
{
  gboolean cluster_shown = FALSE;

  for (guint m = 0; m < n_members; m++)
    {
      if (cluster[m]->n > 0 && cluster[m]->n < k)
        g_assert_cmpint (cluster[m]->withheld, !=, SAM_WITHHELD_NONE);
      cluster_shown |= sam_figure_is_shown (cluster[m]);
    }
  /* One pattern for the cluster too. */
  for (guint m = 0; m < n_members; m++)
    if (cluster[m]->n > 0)
      g_assert_cmpint (sam_figure_is_shown (cluster[m]), ==, cluster_shown);

  for (guint c = 0; c < n_clinics; c++)
    {
      gboolean withheld = FALSE, small = FALSE;

      for (guint m = 0; m < n_members; m++)
        {
          SamFigure *figure = clinics[c * n_members + m];

          withheld |= figure->n > 0 && figure->withheld != SAM_WITHHELD_NONE;
          small |= figure->n > 0 && figure->n < k;
        }
      for (guint m = 0; m < n_members; m++)
        {
          SamFigure *figure = clinics[c * n_members + m];

          if (figure->n > 0)
            g_assert_cmpint (figure->withheld != SAM_WITHHELD_NONE, ==, withheld);
          if (figure->n > 0 && figure->n < k)
            g_assert_cmpint (figure->withheld, ==, SAM_WITHHELD_PRIMARY);
        }
      if (!cluster_shown)
        g_assert_cmpint (withheld, ==, small);
    }

  if (!cluster_shown)
    return;
  for (guint m = 0; m < n_members; m++)
    {
      guint together = 0;

      for (guint c = 0; c < n_clinics; c++)
        if (clinics[c * n_members + m]->withheld != SAM_WITHHELD_NONE)
          together += clinics[c * n_members + m]->n;
      g_assert_true (together == 0 || together >= k);
      for (guint c = 0; c < n_clinics; c++)
        {
          SamFigure *figure = clinics[c * n_members + m];
          guint rest;

          if (figure->withheld == SAM_WITHHELD_NONE)
            continue;
          rest = together - figure->n;
          if (rest != 0 && rest < k)
            g_test_message ("member %u: %u withheld, %u left to someone in clinic %u", m, together, rest, c);
          g_assert_true (rest == 0 || rest >= k);
        }
    }
}

/* Random clusters of small clinics, with groups of one to nine members: every pattern
 * written is safe against outsiders and against the people of each withheld clinic. */
static void
test_property_random_clusters (void)
{
  static const char * const codes[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  guint n_withheld_patterns = 0, n_cluster_withheld = 0;

  for (guint run = 0; run < 4000; run++)
    {
      guint n_clinics = g_test_rand_int_range (1, 9);
      guint n_members = g_test_rand_int_range (1, 4) == 1 ? 1 : g_test_rand_int_range (2, 10);
      guint k = g_test_rand_int_range (2, 6);
      SamFigure cluster_figures[9], clinic_figures[8 * 9];
      SamFigure *cluster[9], *clinics[8 * 9];
      gboolean any = FALSE;

      for (guint m = 0; m < n_members; m++)
        {
          memset (&cluster_figures[m], 0, sizeof cluster_figures[m]);
          cluster[m] = &cluster_figures[m];
        }
      for (guint c = 0; c < n_clinics; c++)
        {
          /* A clinic of one to eight people, some of whom skip some items. */
          guint people = g_test_rand_int_range (0, 9);

          for (guint m = 0; m < n_members; m++)
            {
              SamFigure *figure = &clinic_figures[c * n_members + m];

              memset (figure, 0, sizeof *figure);
              figure->n = people > 0 ? people - (guint) g_test_rand_int_range (0, MIN (people, 2) + 1) : 0;
              cluster_figures[m].n += figure->n;
              clinics[c * n_members + m] = figure;
            }
        }

      sam_figures_suppress_group (cluster, n_members, clinics, codes, n_clinics, (int) k);
      check_pattern_safe (cluster, n_members, clinics, n_clinics, k);

      for (guint i = 0; i < n_clinics * n_members; i++)
        any |= clinic_figures[i].withheld != SAM_WITHHELD_NONE;
      n_withheld_patterns += any;
      n_cluster_withheld += cluster_figures[0].withheld != SAM_WITHHELD_NONE;
    }
  /* The test means something only where patterns were made. */
  g_assert_cmpuint (n_withheld_patterns, >, 1000);
  g_assert_cmpuint (n_cluster_withheld, >, 100);
}
int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/primary", test_primary);
  g_test_add_func ("/figures/is-shown", test_is_shown);
  g_test_add_func ("/figures/secondary/smallest", test_secondary_smallest);
  g_test_add_func ("/figures/secondary/worked-example", test_secondary_worked_example);
  g_test_add_func ("/figures/secondary/tie-byte-order", test_secondary_tie_byte_order);
  g_test_add_func ("/figures/secondary/repeat", test_secondary_repeat);
  g_test_add_func ("/figures/secondary/stops-at-k", test_secondary_stops_at_k);
  g_test_add_func ("/figures/secondary/cluster-withheld", test_secondary_cluster_withheld);
  g_test_add_func ("/figures/secondary/none-withheld", test_secondary_none_withheld);
  g_test_add_func ("/figures/secondary/skips-empty", test_secondary_skips_empty);
  g_test_add_func ("/figures/secondary/nothing-left", test_secondary_nothing_left);
  g_test_add_func ("/figures/group/index-gives-item-back", test_group_index_gives_item_back);
  g_test_add_func ("/figures/group/members", test_groups);
  g_test_add_func ("/figures/property/random-clusters", test_property_random_clusters);

  return g_test_run ();
}
