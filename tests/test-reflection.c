/* test-reflection.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-reflection.h"
#include "test-common.h"

typedef struct
{
  char     *dir;
  SamStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static char *
question_ids (GPtrArray *questions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      const SamMeetingReflection *question = g_ptr_array_index (questions, i);

      g_string_append_printf (out, "%s%s/%u", i ? " " : "", question->group->id, question->number);
    }
  return g_string_free (out, FALSE);
}

/* The package's questions by role: a solo doctor gets leadership question 1 only and
 * collegial-support questions 2 and 3 only (spec/meetings.md, section 6). */
static void
test_questions (void)
{
  struct {
    SamRole     role;
    const char *topic;
    const char *ids;
  } cases[] = {
    { SAM_ROLE_PARTNER, NULL, "leadership/1 leadership/2 structure-culture/1 structure-culture/2 "
                              "structure-culture/3 collegial-support/1 collegial-support/2 "
                              "collegial-support/3" },
    { SAM_ROLE_SOLO, NULL, "leadership/1 structure-culture/1 structure-culture/2 "
                           "structure-culture/3 collegial-support/2 collegial-support/3" },
    { SAM_ROLE_SOLO, "leadership", "leadership/1" },
    { SAM_ROLE_SOLO, "collegial-support", "collegial-support/2 collegial-support/3" },
    { SAM_ROLE_PARTNER, "collegial-support", "collegial-support/1 collegial-support/2 collegial-support/3" },
  };
  GPtrArray *groups = sam_reflection_list_groups ();

  g_assert_nonnull (sam_reflection_get_template ());
  g_assert_cmpuint (groups->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) questions = sam_reflection_list_questions (cases[i].topic, cases[i].role);
      g_autofree char *ids = question_ids (questions);

      g_assert_cmpstr (ids, ==, cases[i].ids);
    }
  g_assert_nonnull (sam_reflection_lookup_question ("collegial-support", 3));
  g_assert_null (sam_reflection_lookup_question ("collegial-support", 4));
  g_assert_null (sam_reflection_lookup_question ("nothing", 1));
  g_assert_null (sam_reflection_lookup_question (NULL, 1));
}

/* Saved as typed: one row per answer, changed in place; blank text removes it. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SamReflection) got = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 11, 20, 19, 30, 0);
  const char *typed[] = { "J", "Jeg", "Jeg ringer", "Jeg ringer til min makker i klyngen." };
  gint64 id = 0, first;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_assert_true (sam_reflection_save (fixture->store, &id, "collegial-support", 3, "2026-11-20",
                                          typed[i], now, &error));
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      if (i == 0)
        first = id;
      g_assert_cmpint (id, ==, first);
    }
  list = sam_reflection_list (fixture->store, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  got = sam_reflection_get (fixture->store, id, &error);
  g_assert_cmpstr (got->topic, ==, "collegial-support");
  g_assert_cmpuint (got->question, ==, 3);
  g_assert_cmpstr (got->date, ==, "2026-11-20");
  g_assert_cmpstr (got->text, ==, "Jeg ringer til min makker i klyngen.");
  g_assert_cmpstr (got->updated, ==, "2026-11-20T19:30:00Z");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Cleared, it is gone, and the id says so. */
  g_assert_true (sam_reflection_save (fixture->store, &id, "collegial-support", 3, "2026-11-20",
                                      " \n ", now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 0);
  list = sam_reflection_list (fixture->store, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  /* Blank text for a new answer stores nothing. */
  g_assert_true (sam_reflection_save (fixture->store, &id, "leadership", 1, "2026-11-20", "", now, &error));
  g_assert_cmpint (id, ==, 0);
}

/* Earlier answers to look back on, per question, newest first. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  struct {
    const char *topic;
    guint       question;
    const char *date;
    const char *text;
  } answers[] = {
    { "leadership", 1, "2025-03-01", "Vi deler ledelsen efter opgaver." },
    { "leadership", 1, "2026-03-01", "Nu har vi et fast ledelsesmøde." },
    { "leadership", 2, "2026-03-01", "Lægemødet er blevet kortere." },
    { "collegial-support", 2, "2026-03-02", "Jeg spørger til kollegerne." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = 0;

      g_assert_true (sam_reflection_save (fixture->store, &id, answers[i].topic, answers[i].question,
                                          answers[i].date, answers[i].text, NULL, &error));
      g_assert_no_error (error);
    }
  list = sam_reflection_list (fixture->store, "leadership", 1, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (list, 0))->date, ==, "2026-03-01");
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (list, 1))->text, ==, "Vi deler ledelsen efter opgaver.");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sam_reflection_list (fixture->store, "leadership", 0, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sam_reflection_list (fixture->store, NULL, 0, NULL);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (list, 0))->topic, ==, "collegial-support");
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_false (sam_reflection_save (fixture->store, &id, "leadership", 9, "2026-11-20", "x", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_reflection_save (fixture->store, &id, "leadership", 1, "20/11", "x", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_reflection_save (fixture->store, &id, "leadership", 1, "2026-11-20", "\xfe", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  id = 4242;
  g_assert_false (sam_reflection_save (fixture->store, &id, "leadership", 1, "2026-11-20", "x", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sam_reflection_get (fixture->store, 4242, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/reflection/questions", test_questions);
  ADD ("/reflection/save", test_save);
  ADD ("/reflection/list", test_list);
  ADD ("/reflection/invalid", test_invalid);

#undef ADD

  return g_test_run ();
}
