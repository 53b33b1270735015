/* test-questionnaire.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sam-questionnaire.h"
#include "sam-store-testing.h"
#include "test-common.h"

typedef struct
{
  char     *dir;
  SamStore *store;
  gint64    round;
  gint64    clinic;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  gint64 cluster;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "q.db", NULL);
  fixture->store = sam_store_new (path, NULL);
  g_assert_nonnull (fixture->store);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 1", NULL, &fixture->clinic, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "R1", "2026-03-01", &fixture->round, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

static const SamItem *
item (const char *id)
{
  return sam_instrument_lookup_item (sam_instrument_get_default (), id);
}

/* A page a question, only the questions and items the role is asked. */
static void
test_pages_by_role (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { SamRole role; guint pages; guint items; } expected[] = {
    { SAM_ROLE_PARTNER, 10, 31 }, { SAM_ROLE_SOLO, 8, 28 }, { SAM_ROLE_STAFF, 3, 17 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      g_autoptr(SamQuestionnaire) q = sam_questionnaire_new (fixture->store, fixture->round, fixture->clinic,
                                                             expected[r].role);
      guint items = 0;

      g_assert_cmpuint (sam_questionnaire_get_n_pages (q), ==, expected[r].pages);
      g_assert_cmpuint (sam_questionnaire_count_items (q), ==, expected[r].items);
      for (guint p = 0; p < sam_questionnaire_get_n_pages (q); p++)
        {
          g_autoptr(GPtrArray) page = sam_questionnaire_get_items (q, p);

          g_assert_cmpuint (page->len, >, 0);
          items += page->len;
        }
      g_assert_cmpuint (items, ==, expected[r].items);
    }

  {
    g_autoptr(SamQuestionnaire) staff = sam_questionnaire_new (fixture->store, fixture->round, fixture->clinic,
                                                               SAM_ROLE_STAFF);

    g_assert_cmpint (sam_questionnaire_get_question (staff, 0)->number, ==, 5);
    g_assert_cmpint (sam_questionnaire_get_question (staff, 2)->number, ==, 7);
  }
}

static void
test_answers_checked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SamQuestionnaire) solo = sam_questionnaire_new (fixture->store, fixture->round, fixture->clinic,
                                                            SAM_ROLE_SOLO);
  g_autoptr(GError) error = NULL;

  g_assert_false (sam_questionnaire_set_answer (solo, item ("q3"), 1, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_NOT_ASKED);
  g_clear_error (&error);
  g_assert_false (sam_questionnaire_set_answer (solo, item ("q1"), SAM_ANSWER_NOT_APPLICABLE, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_BAD_ANSWER);
  g_clear_error (&error);
  g_assert_true (sam_questionnaire_set_answer (solo, item ("q10b"), SAM_ANSWER_NOT_APPLICABLE, &error));
  g_assert_true (sam_questionnaire_set_answer (solo, item ("q1"), 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_questionnaire_count_answered (solo), ==, 2);

  /* Clearing an answer leaves the item unanswered: skipping is allowed. */
  g_assert_true (sam_questionnaire_set_answer (solo, item ("q1"), 0, &error));
  g_assert_cmpint (sam_questionnaire_get_answer (solo, item ("q1")), ==, 0);
  g_assert_cmpuint (sam_questionnaire_count_answered (solo), ==, 1);
}

/* Every answer is saved as it is given: a new object takes it up where it was left. */
static void
test_draft_and_resume (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SamQuestionnaire) first = sam_questionnaire_new (fixture->store, fixture->round, fixture->clinic,
                                                             SAM_ROLE_STAFF);
  g_autoptr(SamQuestionnaire) again = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_questionnaire_set_answer (first, item ("q5d"), SAM_ANSWER_NOT_APPLICABLE, &error));
  g_assert_true (sam_questionnaire_set_answer (first, item ("q7c"), 4, &error));
  g_assert_true (sam_questionnaire_set_page (first, 2, &error));
  g_clear_object (&first);

  drafts = sam_store_list_drafts (fixture->store, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((SamDraft *) g_ptr_array_index (drafts, 0))->answers, ==, "q5d=9;q7c=4");
  g_assert_cmpstr (((SamDraft *) g_ptr_array_index (drafts, 0))->clinic_code, ==, "Klinik 1");

  again = sam_questionnaire_new_from_draft (fixture->store, g_ptr_array_index (drafts, 0));
  g_assert_cmpint (sam_questionnaire_get_role (again), ==, SAM_ROLE_STAFF);
  g_assert_cmpuint (sam_questionnaire_get_page (again), ==, 2);
  g_assert_cmpint (sam_questionnaire_get_answer (again, item ("q7c")), ==, 4);
  g_assert_cmpint (sam_questionnaire_get_answer (again, item ("q5d")), ==, SAM_ANSWER_NOT_APPLICABLE);

  /* No respondent until the answers are submitted. */
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 0);

  g_assert_true (sam_questionnaire_submit (again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents WHERE role = 'staff'"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM answers"), ==, 2);
  g_assert_cmpint (query (fixture->store, "SELECT code FROM answers WHERE item = 'q7c'"), ==, 4);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM drafts"), ==, 0);
  /* Submitted answers are not kept in memory to be shown again. */
  g_assert_cmpint (sam_questionnaire_get_answer (again, item ("q7c")), ==, 0);
  g_assert_true (sam_questionnaire_is_submitted (again));
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SamQuestionnaire) q = sam_questionnaire_new (fixture->store, fixture->round, fixture->clinic,
                                                         SAM_ROLE_PARTNER);

  g_assert_true (sam_questionnaire_set_answer (q, item ("q3"), 5, NULL));
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM drafts"), ==, 1);
  g_assert_true (sam_questionnaire_discard (q, NULL));
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM drafts"), ==, 0);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 0);
}

/* A round closed while someone answered takes nothing; the draft stays for nobody to lose. */
static void
test_closed_round (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamQuestionnaire) q = sam_questionnaire_new (fixture->store, fixture->round, fixture->clinic,
                                                         SAM_ROLE_PARTNER);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_questionnaire_set_answer (q, item ("q1"), 1, NULL));
  g_assert_true (sam_store_set_round_closed (fixture->store, fixture->round, TRUE, NULL));
  g_assert_false (sam_questionnaire_submit (q, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 0);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM drafts"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/questionnaire/pages-by-role", test_pages_by_role);
  ADD ("/questionnaire/answers-checked", test_answers_checked);
  ADD ("/questionnaire/draft-and-resume", test_draft_and_resume);
  ADD ("/questionnaire/discard", test_discard);
  ADD ("/questionnaire/closed-round", test_closed_round);

#undef ADD

  return g_test_run ();
}
