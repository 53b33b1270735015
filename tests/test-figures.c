/* test-figures.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sam-figures.h"

/* Figures of items and indices, and their merging; what is withheld to keep answers
 * anonymous is in test-figures-suppression.c. Every expected number below is worked
 * out by hand from the instrument contract ("Answer scales", "Aggregates",
 * "Anonymity"), and the arithmetic is in the comment next to it, so that a failure
 * points at the contract rather than at another computation. */

static const SamItem *
item (const char *id)
{
  const SamItem *found = sam_instrument_lookup_item (sam_instrument_get_default (), id);

  g_assert_nonnull (found);
  return found;
}

/* Adds one respondent whose answers are given as pairs of an item code and an answer code,
 * ended by NULL; items not named are missing. */
static void
add (SamTallies *tallies,
     SamRole     role,
     ...)
{
  int codes[SAM_N_ITEMS] = { 0, };
  const char *id;
  va_list args;

  va_start (args, role);
  while ((id = va_arg (args, const char *)) != NULL)
    codes[item (id)->index] = va_arg (args, int);
  va_end (args);

  sam_tallies_add_respondent (tallies, sam_instrument_get_default (), role, codes);
}

static void
item_figure (SamFigure        *figure,
             const SamTallies *tallies,
             const char       *id)
{
  const SamItem *it = item (id);

  sam_figure_from_item_tally (figure, it, &tallies->items[it->index]);
}

static void
test_index_strings (void)
{
  SamIndex index = SAM_N_INDICES;

  g_assert_cmpstr (sam_index_to_string (SAM_INDEX_A), ==, "index_A");
  g_assert_cmpstr (sam_index_to_string (SAM_INDEX_C), ==, "index_C");
  g_assert_cmpstr (sam_index_to_string (SAM_INDEX_D), ==, "index_D");

  g_assert_true (sam_index_from_string ("index_A", &index));
  g_assert_cmpint (index, ==, SAM_INDEX_A);
  g_assert_true (sam_index_from_string ("index_C", &index));
  g_assert_cmpint (index, ==, SAM_INDEX_C);
  g_assert_true (sam_index_from_string ("index_D", &index));
  g_assert_cmpint (index, ==, SAM_INDEX_D);
  g_assert_true (sam_index_from_string ("index_D", NULL));

  /* B has no index, and the names are matched exactly. */
  g_assert_false (sam_index_from_string ("index_B", &index));
  g_assert_false (sam_index_from_string ("A", &index));
  g_assert_false (sam_index_from_string ("index_a", &index));
  g_assert_false (sam_index_from_string ("index_A ", &index));
  g_assert_false (sam_index_from_string ("", &index));
  g_assert_cmpint (index, ==, SAM_INDEX_D);
}

static void
test_index_items (void)
{
  static const char *a[] = { "q1", "q2a", "q2b", "q2c", "q2d", "q3" };
  static const char *c[] = { "q7a", "q7b", "q7c", "q7d", "q7e", "q7f", "q7g", "q7h" };
  static const char *d[] = { "q8", "q9" };
  SamInstrument *instrument = sam_instrument_get_default ();
  guint n_members[SAM_N_INDICES] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    g_assert_true (sam_index_has_item (SAM_INDEX_A, a[i]));
  for (guint i = 0; i < G_N_ELEMENTS (c); i++)
    g_assert_true (sam_index_has_item (SAM_INDEX_C, c[i]));
  for (guint i = 0; i < G_N_ELEMENTS (d); i++)
    g_assert_true (sam_index_has_item (SAM_INDEX_D, d[i]));

  /* The behavioural items of A and D and all of B are in no index. */
  g_assert_false (sam_index_has_item (SAM_INDEX_A, "q4a"));
  g_assert_false (sam_index_has_item (SAM_INDEX_A, "q7a"));
  g_assert_false (sam_index_has_item (SAM_INDEX_C, "q6a"));
  g_assert_false (sam_index_has_item (SAM_INDEX_D, "q10a"));
  g_assert_false (sam_index_has_item (SAM_INDEX_D, "q1"));
  g_assert_false (sam_index_has_item (SAM_INDEX_A, "q"));

  /* Over all 31 items: 6 + 8 + 2 members, each in one index only. */
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *it = sam_instrument_get_item (instrument, i);
      guint in = 0;

      for (guint j = 0; j < SAM_N_INDICES; j++)
        {
          if (sam_index_has_item (j, it->id))
            {
              n_members[j]++;
              in++;
            }
        }
      g_assert_cmpuint (in, <=, 1);
    }
  g_assert_cmpuint (n_members[SAM_INDEX_A], ==, 6);
  g_assert_cmpuint (n_members[SAM_INDEX_C], ==, 8);
  g_assert_cmpuint (n_members[SAM_INDEX_D], ==, 2);
}

static void
test_item_degree (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);
  add (&tallies, SAM_ROLE_PARTNER, "q1", 1, NULL);
  add (&tallies, SAM_ROLE_PARTNER, "q1", 1, NULL);
  add (&tallies, SAM_ROLE_PARTNER, "q1", 2, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q1", 3, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q1", 5, NULL);

  g_assert_cmpuint (tallies.items[item ("q1")->index].counts[1], ==, 2);
  g_assert_cmpuint (tallies.items[item ("q1")->index].counts[4], ==, 0);

  item_figure (&figure, &tallies, "q1");
  g_assert_cmpuint (figure.n, ==, 5);
  /* (100 + 100 + 75 + 50 + 0) / 5 = 325 / 5 = 65 */
  g_assert_cmpfloat (figure.mean, ==, 65.0);
  g_assert_true (figure.has_favourable);
  /* Codes 1 and 2 are favourable: 100 * 3 / 5 = 60 */
  g_assert_cmpfloat (figure.favourable, ==, 60.0);
  g_assert_cmpuint (figure.n_codes, ==, 5);
  /* 100 * 2/5 | 100 * 1/5 | 100 * 1/5 | 0 | 100 * 1/5 */
  g_assert_cmpfloat (figure.distribution[0], ==, 40.0);
  g_assert_cmpfloat (figure.distribution[1], ==, 20.0);
  g_assert_cmpfloat (figure.distribution[2], ==, 20.0);
  g_assert_cmpfloat (figure.distribution[3], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[4], ==, 20.0);
  g_assert_cmpint (figure.withheld, ==, SAM_WITHHELD_NONE);
  g_assert_true (sam_figure_is_shown (&figure));
}

/* The degree, agreement and breaks scales share their scores and favourable codes: one
 * answer of each code in turn gives that code's score as the mean, and a favourable share
 * of 100 for codes 1 and 2 and of 0 for codes 3 to 5. */
static void
test_item_favourable_codes (void)
{
  static const char *ids[] = { "q8", "q7d", "q6a" };
  static const double scores[] = { 100.0, 75.0, 50.0, 25.0, 0.0 };
  static const double favourable[] = { 100.0, 100.0, 0.0, 0.0, 0.0 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      for (int code = 1; code <= 5; code++)
        {
          SamTallies tallies;
          SamFigure figure;

          sam_tallies_clear (&tallies);
          add (&tallies, SAM_ROLE_PARTNER, ids[i], code, NULL);
          item_figure (&figure, &tallies, ids[i]);

          g_assert_cmpuint (figure.n, ==, 1);
          g_assert_true (figure.has_favourable);
          g_assert_cmpuint (figure.n_codes, ==, 5);
          g_assert_cmpfloat (figure.mean, ==, scores[code - 1]);
          g_assert_cmpfloat (figure.favourable, ==, favourable[code - 1]);
          g_assert_cmpfloat (figure.distribution[code - 1], ==, 100.0);
        }
    }
}

static void
test_item_agreement (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);
  add (&tallies, SAM_ROLE_STAFF, "q7c", 2, NULL);
  add (&tallies, SAM_ROLE_STAFF, "q7c", 2, NULL);
  add (&tallies, SAM_ROLE_PARTNER, "q7c", 3, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q7c", 4, NULL);

  item_figure (&figure, &tallies, "q7c");
  g_assert_cmpuint (figure.n, ==, 4);
  /* (75 + 75 + 50 + 25) / 4 = 225 / 4 = 56.25 */
  g_assert_cmpfloat (figure.mean, ==, 56.25);
  /* "Mostly agree" is favourable, "Neither" is not: 100 * 2 / 4 = 50 */
  g_assert_true (figure.has_favourable);
  g_assert_cmpfloat (figure.favourable, ==, 50.0);
  /* 0 | 100 * 2/4 | 100 * 1/4 | 100 * 1/4 | 0 */
  g_assert_cmpfloat (figure.distribution[0], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[1], ==, 50.0);
  g_assert_cmpfloat (figure.distribution[2], ==, 25.0);
  g_assert_cmpfloat (figure.distribution[3], ==, 25.0);
  g_assert_cmpfloat (figure.distribution[4], ==, 0.0);
}

static void
test_item_breaks (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);
  add (&tallies, SAM_ROLE_STAFF, "q6b", 2, NULL);
  add (&tallies, SAM_ROLE_STAFF, "q6b", 3, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q6b", 3, NULL);

  item_figure (&figure, &tallies, "q6b");
  g_assert_cmpuint (figure.n, ==, 3);
  /* (75 + 50 + 50) / 3 = 175 / 3, in double precision as the contract says */
  g_assert_cmpfloat (figure.mean, ==, 175.0 / 3);
  g_assert_cmpfloat_with_epsilon (figure.mean, 58.333333333, 1e-6);
  /* "Most working days" is favourable: 100 * 1 / 3 */
  g_assert_cmpfloat (figure.favourable, ==, 100.0 * 1 / 3);
  g_assert_cmpfloat_with_epsilon (figure.favourable, 33.333333333, 1e-6);
  /* 0 | 100 * 1/3 | 100 * 2/3 | 0 | 0 */
  g_assert_cmpfloat (figure.distribution[0], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[1], ==, 100.0 * 1 / 3);
  g_assert_cmpfloat (figure.distribution[2], ==, 100.0 * 2 / 3);
  g_assert_cmpfloat (figure.distribution[3], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[4], ==, 0.0);
}

static void
test_item_meetings (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);
  add (&tallies, SAM_ROLE_STAFF, "q5a", 2, NULL);
  add (&tallies, SAM_ROLE_STAFF, "q5a", 2, NULL);
  add (&tallies, SAM_ROLE_PARTNER, "q5a", 6, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q5a", 1, NULL);

  item_figure (&figure, &tallies, "q5a");
  g_assert_cmpuint (figure.n, ==, 4);
  /* (80 + 80 + 0 + 100) / 4 = 260 / 4 = 65 */
  g_assert_cmpfloat (figure.mean, ==, 65.0);
  /* The meetings scale has no favourable share. */
  g_assert_false (figure.has_favourable);
  g_assert_cmpfloat (figure.favourable, ==, 0.0);
  g_assert_cmpuint (figure.n_codes, ==, 6);
  /* 100 * 1/4 | 100 * 2/4 | 0 | 0 | 0 | 100 * 1/4 */
  g_assert_cmpfloat (figure.distribution[0], ==, 25.0);
  g_assert_cmpfloat (figure.distribution[1], ==, 50.0);
  g_assert_cmpfloat (figure.distribution[2], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[3], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[4], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[5], ==, 25.0);
}

static void
test_item_meetings_scores (void)
{
  SamTallies tallies;
  SamFigure figure;

  /* One answer of each of the six codes. */
  sam_tallies_clear (&tallies);
  for (int code = 1; code <= 6; code++)
    add (&tallies, SAM_ROLE_PARTNER, "q4b", code, NULL);

  item_figure (&figure, &tallies, "q4b");
  g_assert_cmpuint (figure.n, ==, 6);
  /* (100 + 80 + 60 + 40 + 20 + 0) / 6 = 300 / 6 = 50 */
  g_assert_cmpfloat (figure.mean, ==, 50.0);
  for (guint c = 0; c < 6; c++)
    g_assert_cmpfloat (figure.distribution[c], ==, 100.0 * 1 / 6);

  /* The scores one by one: 100, 80, 60, 40, 20, 0. */
  for (int code = 1; code <= 6; code++)
    {
      sam_tallies_clear (&tallies);
      add (&tallies, SAM_ROLE_PARTNER, "q4b", code, NULL);
      item_figure (&figure, &tallies, "q4b");
      g_assert_cmpfloat (figure.mean, ==, 100.0 - 20.0 * (code - 1));
    }
}

static void
test_item_not_applicable (void)
{
  SamTallies tallies;
  SamFigure figure;
  guint q5d = item ("q5d")->index;
  guint q10b = item ("q10b")->index;

  sam_tallies_clear (&tallies);
  add (&tallies, SAM_ROLE_STAFF, "q5d", 2, "q10b", 9, NULL);
  add (&tallies, SAM_ROLE_PARTNER, "q5d", 9, "q10b", 1, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q5d", 9, "q10b", 9, NULL);
  add (&tallies, SAM_ROLE_PARTNER, "q5d", 3, NULL);

  /* Not applicable is counted apart and is not a code. */
  g_assert_cmpuint (tallies.items[q5d].not_applicable, ==, 2);
  /* The staff respondent is not asked q10b, so only the solo doctor's n/a counts. */
  g_assert_cmpuint (tallies.items[q10b].not_applicable, ==, 1);

  item_figure (&figure, &tallies, "q5d");
  /* Two of four answered with a code; n/a is neither in n nor in the mean. */
  g_assert_cmpuint (figure.n, ==, 2);
  /* (80 + 60) / 2 = 70 */
  g_assert_cmpfloat (figure.mean, ==, 70.0);
  g_assert_false (figure.has_favourable);
  /* 0 | 100 * 1/2 | 100 * 1/2 | 0 | 0 | 0 */
  g_assert_cmpfloat (figure.distribution[0], ==, 0.0);
  g_assert_cmpfloat (figure.distribution[1], ==, 50.0);
  g_assert_cmpfloat (figure.distribution[2], ==, 50.0);
  g_assert_cmpfloat (figure.distribution[5], ==, 0.0);

  item_figure (&figure, &tallies, "q10b");
  /* One code; n/a does not dilute the favourable share. */
  g_assert_cmpuint (figure.n, ==, 1);
  g_assert_cmpfloat (figure.mean, ==, 100.0);
  g_assert_cmpfloat (figure.favourable, ==, 100.0);
  g_assert_cmpfloat (figure.distribution[0], ==, 100.0);
}

static void
test_item_missing (void)
{
  SamTallies tallies;
  SamFigure figure;
  guint q8 = item ("q8")->index;

  sam_tallies_clear (&tallies);
  add (&tallies, SAM_ROLE_PARTNER, "q9", 1, NULL);
  add (&tallies, SAM_ROLE_SOLO, "q8", 0, NULL);

  for (guint c = 0; c <= SAM_MAX_CODES; c++)
    g_assert_cmpuint (tallies.items[q8].counts[c], ==, 0);
  g_assert_cmpuint (tallies.items[q8].not_applicable, ==, 0);

  /* No answers: the figure has n = 0, zeros that must not be shown, and is not withheld. */
  item_figure (&figure, &tallies, "q8");
  g_assert_cmpuint (figure.n, ==, 0);
  g_assert_cmpfloat (figure.mean, ==, 0.0);
  g_assert_cmpfloat (figure.favourable, ==, 0.0);
  g_assert_cmpuint (figure.n_codes, ==, 5);
  for (guint c = 0; c < SAM_MAX_CODES; c++)
    g_assert_cmpfloat (figure.distribution[c], ==, 0.0);
  g_assert_cmpint (figure.withheld, ==, SAM_WITHHELD_NONE);
  g_assert_false (sam_figure_is_shown (&figure));
}

/* The store refuses these before they get here; should one slip through, it is left out
 * quietly (the tests run with fatal warnings, so a warning would fail them). */
static void
test_item_invalid_left_out (void)
{
  SamTallies tallies;
  SamTallies empty;

  sam_tallies_clear (&tallies);
  sam_tallies_clear (&empty);

  /* Not asked of the role: q3 and q4a of a solo doctor, q1 and q8 of staff. */
  add (&tallies, SAM_ROLE_SOLO, "q3", 1, "q4a", 1, NULL);
  add (&tallies, SAM_ROLE_STAFF, "q1", 1, "q8", 2, NULL);
  /* Outside the scale: 6 on a five-code scale, 7 on meetings, negative, 10. */
  add (&tallies, SAM_ROLE_PARTNER, "q1", 6, "q5a", 7, "q7a", -1, "q8", 10, NULL);
  /* Not applicable where the item does not allow it. */
  add (&tallies, SAM_ROLE_PARTNER, "q1", 9, "q5a", 9, NULL);

  g_assert_cmpmem (&tallies, sizeof tallies, &empty, sizeof empty);
}

/* index_A for a partner: all six items asked, so three valid answers are enough. */
static void
test_index_a_partner (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);

  /* All six: (100 + 100 + 75 + 25 + 0 + 0) / 6 = 300 / 6 = 50 */
  add (&tallies, SAM_ROLE_PARTNER,
       "q1", 1, "q2a", 1, "q2b", 2, "q2c", 4, "q2d", 5, "q3", 5, NULL);
  /* Exactly half, 3 of 6 (3 * 2 >= 6): (100 + 75 + 50) / 3 = 225 / 3 = 75 */
  add (&tallies, SAM_ROLE_PARTNER, "q1", 1, "q2a", 2, "q3", 3, NULL);
  /* 2 of 6 (2 * 2 < 6): not counted. */
  add (&tallies, SAM_ROLE_PARTNER, "q1", 1, "q2a", 1, NULL);

  g_assert_cmpuint (tallies.indices[SAM_INDEX_A].n, ==, 2);
  /* 50 + 75 = 125 */
  g_assert_cmpfloat (tallies.indices[SAM_INDEX_A].sum, ==, 125.0);

  sam_figure_from_index_tally (&figure, &tallies.indices[SAM_INDEX_A]);
  g_assert_cmpuint (figure.n, ==, 2);
  /* The mean of the domain scores, not of the answers: 125 / 2 = 62.5
   * (the answers' mean would be (300 + 225) / 9 = 58.33). */
  g_assert_cmpfloat (figure.mean, ==, 62.5);
  g_assert_false (figure.has_favourable);
  g_assert_cmpuint (figure.n_codes, ==, 0);
  g_assert_cmpint (figure.withheld, ==, SAM_WITHHELD_NONE);
}

/* index_A for a solo doctor: q3 is not asked, so the half rule is over five items. */
static void
test_index_a_solo (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);

  /* 2 of 5 (2 * 2 = 4 < 5): not counted. */
  add (&tallies, SAM_ROLE_SOLO, "q1", 1, "q2a", 1, NULL);
  g_assert_cmpuint (tallies.indices[SAM_INDEX_A].n, ==, 0);
  g_assert_cmpfloat (tallies.indices[SAM_INDEX_A].sum, ==, 0.0);

  /* 3 of 5 (3 * 2 = 6 >= 5): (100 + 50 + 0) / 3 = 150 / 3 = 50 */
  add (&tallies, SAM_ROLE_SOLO, "q1", 1, "q2b", 3, "q2d", 5, NULL);
  g_assert_cmpuint (tallies.indices[SAM_INDEX_A].n, ==, 1);
  g_assert_cmpfloat (tallies.indices[SAM_INDEX_A].sum, ==, 50.0);

  /* All five: (75 + 75 + 75 + 75 + 100) / 5 = 400 / 5 = 80; the answer to q3, which a
   * solo doctor is not asked, is left out rather than averaged in. */
  add (&tallies, SAM_ROLE_SOLO,
       "q1", 2, "q2a", 2, "q2b", 2, "q2c", 2, "q2d", 1, "q3", 5, NULL);
  g_assert_cmpuint (tallies.indices[SAM_INDEX_A].n, ==, 2);
  /* 50 + 80 = 130 */
  g_assert_cmpfloat (tallies.indices[SAM_INDEX_A].sum, ==, 130.0);

  sam_figure_from_index_tally (&figure, &tallies.indices[SAM_INDEX_A]);
  /* 130 / 2 = 65 */
  g_assert_cmpuint (figure.n, ==, 2);
  g_assert_cmpfloat (figure.mean, ==, 65.0);
}

/* Staff are asked none of index_A's or index_D's items, so they are not counted there,
 * even where an answer to one slipped through; they are counted in index_C. */
static void
test_index_staff (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);

  /* (100 + 100 + 75 + 75 + 50 + 50 + 25 + 0) / 8 = 475 / 8 = 59.375 */
  add (&tallies, SAM_ROLE_STAFF,
       "q1", 1, "q8", 1, "q9", 1,
       "q7a", 1, "q7b", 1, "q7c", 2, "q7d", 2, "q7e", 3, "q7f", 3, "q7g", 4, "q7h", 5,
       NULL);
  /* 4 of 8 (4 * 2 >= 8): (100 + 100 + 100 + 0) / 4 = 75 */
  add (&tallies, SAM_ROLE_STAFF, "q7a", 1, "q7c", 1, "q7e", 1, "q7g", 5, NULL);
  /* 3 of 8 (3 * 2 < 8): not counted. */
  add (&tallies, SAM_ROLE_STAFF, "q7a", 1, "q7b", 1, "q7c", 1, NULL);

  g_assert_cmpuint (tallies.indices[SAM_INDEX_A].n, ==, 0);
  g_assert_cmpuint (tallies.indices[SAM_INDEX_D].n, ==, 0);
  g_assert_cmpuint (tallies.indices[SAM_INDEX_C].n, ==, 2);
  /* 59.375 + 75 = 134.375 */
  g_assert_cmpfloat (tallies.indices[SAM_INDEX_C].sum, ==, 134.375);

  sam_figure_from_index_tally (&figure, &tallies.indices[SAM_INDEX_C]);
  /* 134.375 / 2 = 67.1875 */
  g_assert_cmpfloat (figure.mean, ==, 67.1875);

  sam_figure_from_index_tally (&figure, &tallies.indices[SAM_INDEX_A]);
  g_assert_cmpuint (figure.n, ==, 0);
  g_assert_cmpfloat (figure.mean, ==, 0.0);
  g_assert_false (sam_figure_is_shown (&figure));
}

static void
test_index_d (void)
{
  SamTallies tallies;
  SamFigure figure;

  sam_tallies_clear (&tallies);

  /* 1 of 2 (1 * 2 >= 2): 75; q10a is not in index_D. */
  add (&tallies, SAM_ROLE_SOLO, "q8", 2, "q10a", 5, NULL);
  /* (100 + 25) / 2 = 62.5 */
  add (&tallies, SAM_ROLE_PARTNER, "q8", 1, "q9", 4, NULL);
  /* Only q10 items, and n/a: 0 of 2, not counted. */
  add (&tallies, SAM_ROLE_PARTNER, "q10a", 1, "q10b", 9, NULL);

  g_assert_cmpuint (tallies.indices[SAM_INDEX_D].n, ==, 2);
  /* 75 + 62.5 = 137.5 */
  g_assert_cmpfloat (tallies.indices[SAM_INDEX_D].sum, ==, 137.5);

  sam_figure_from_index_tally (&figure, &tallies.indices[SAM_INDEX_D]);
  /* 137.5 / 2 = 68.75 */
  g_assert_cmpfloat (figure.mean, ==, 68.75);
}

static void
test_merge (void)
{
  SamTallies clinic1;
  SamTallies clinic2;
  SamTallies cluster;
  SamFigure figure;
  guint q5d = item ("q5d")->index;

  sam_tallies_clear (&clinic1);
  sam_tallies_clear (&clinic2);
  sam_tallies_clear (&cluster);

  /* Clinic 1: q5d 1 and n/a; index_D (100 + 75) / 2 = 87.5 and 50. */
  add (&clinic1, SAM_ROLE_PARTNER, "q5d", 1, "q8", 1, "q9", 2, NULL);
  add (&clinic1, SAM_ROLE_PARTNER, "q5d", 9, "q8", 3, NULL);
  /* Clinic 2: q5d 1 and 4, n/a; index_D 0. */
  add (&clinic2, SAM_ROLE_SOLO, "q5d", 1, "q9", 5, NULL);
  add (&clinic2, SAM_ROLE_STAFF, "q5d", 4, NULL);
  add (&clinic2, SAM_ROLE_STAFF, "q5d", 9, NULL);

  sam_tallies_merge (&cluster, &clinic1);
  sam_tallies_merge (&cluster, &clinic2);

  g_assert_cmpuint (cluster.items[q5d].counts[1], ==, 2);
  g_assert_cmpuint (cluster.items[q5d].counts[4], ==, 1);
  g_assert_cmpuint (cluster.items[q5d].not_applicable, ==, 2);
  g_assert_cmpuint (cluster.indices[SAM_INDEX_D].n, ==, 3);
  /* 87.5 + 50 + 0 = 137.5 */
  g_assert_cmpfloat (cluster.indices[SAM_INDEX_D].sum, ==, 137.5);

  item_figure (&figure, &cluster, "q5d");
  /* (100 + 100 + 40) / 3 = 80 */
  g_assert_cmpuint (figure.n, ==, 3);
  g_assert_cmpfloat (figure.mean, ==, 80.0);

  sam_figure_from_index_tally (&figure, &cluster.indices[SAM_INDEX_D]);
  /* 137.5 / 3, the mean of all three domain scores, not of the clinics' means */
  g_assert_cmpfloat (figure.mean, ==, 137.5 / 3);

  /* Merging into itself once more doubles every count. */
  sam_tallies_merge (&clinic1, &clinic1);
  g_assert_cmpuint (clinic1.items[q5d].counts[1], ==, 2);
  g_assert_cmpuint (clinic1.items[q5d].not_applicable, ==, 2);
  g_assert_cmpuint (clinic1.indices[SAM_INDEX_D].n, ==, 4);
  g_assert_cmpfloat (clinic1.indices[SAM_INDEX_D].sum, ==, 275.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/index/strings", test_index_strings);
  g_test_add_func ("/figures/index/items", test_index_items);
  g_test_add_func ("/figures/item/degree", test_item_degree);
  g_test_add_func ("/figures/item/favourable-codes", test_item_favourable_codes);
  g_test_add_func ("/figures/item/agreement", test_item_agreement);
  g_test_add_func ("/figures/item/breaks", test_item_breaks);
  g_test_add_func ("/figures/item/meetings", test_item_meetings);
  g_test_add_func ("/figures/item/meetings-scores", test_item_meetings_scores);
  g_test_add_func ("/figures/item/not-applicable", test_item_not_applicable);
  g_test_add_func ("/figures/item/missing", test_item_missing);
  g_test_add_func ("/figures/item/invalid-left-out", test_item_invalid_left_out);
  g_test_add_func ("/figures/index/a-partner", test_index_a_partner);
  g_test_add_func ("/figures/index/a-solo", test_index_a_solo);
  g_test_add_func ("/figures/index/staff", test_index_staff);
  g_test_add_func ("/figures/index/d", test_index_d);
  g_test_add_func ("/figures/merge", test_merge);

  return g_test_run ();
}
