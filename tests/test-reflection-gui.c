/* test-reflection-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-reflection-page.h"
#include "sam-reflection-page-private.h"
#include "sam-reflection.h"
#include "sam-store-testing.h"
#include "test-gui-common.h"
#include "test-item-codes.h"

/* The Reflection section: answers saved as they are typed, found again on reopening, kept
 * as earlier answers on a later day; a solo doctor's questions and own figures. */

static char *tmpdir;
static guint n_stores;
static GDateTime *fake_now;

typedef struct
{
  SamStore          *store;
  SamContext        *context;
  GtkWindow         *window;
  SamReflectionPage *page;
  gint64             clinic;
} Fixture;

static GDateTime *
fake_clock (gpointer user_data)
{
  return g_date_time_ref (fake_now);
}

/* A solo doctor's figures are read in a worker. */
static gboolean
figures_read (gpointer page)
{
  return !sam_reflection_page_is_loading (page);
}

static void
open_page (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 800);
  fixture->page = sam_reflection_page_new (fixture->context);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  test_spin (10);
  test_spin_until (figures_read, fixture->page);
}

static void
choose_role (Fixture *fixture,
             SamRole  role)
{
  sam_reflection_page_set_role (fixture->page, role);
  test_spin (5);
  test_spin_until (figures_read, fixture->page);
}

static void
close_page (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  test_spin (10);
  fixture->window = NULL;
  fixture->page = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("journal-%u.db", ++n_stores);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  gint64 cluster, other, round;

  fake_now = g_date_time_new_utc (2026, 11, 20, 19, 0, 0);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 1", NULL, &fixture->clinic, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 2", NULL, &other, NULL));
  g_assert_true (sam_store_create_round (fixture->store, cluster, "Baseline 2026", "2026-03-01", &round, NULL));
  {
    /* The solo doctor: q8 "to a very high degree" (100). Klinik 2: five at "to some degree" (50). */
    SamAnswer own[] = { { "q8", 1 } };
    SamAnswer theirs[] = { { "q8", 3 } };
    SamAnswer third[] = { { "q8", 2 } };
    gint64 third_clinic;

    g_assert_true (sam_store_add_respondent (fixture->store, round, fixture->clinic, SAM_ROLE_SOLO, own, 1,
                                             NULL, NULL));

    for (guint i = 0; i < 5; i++)
      g_assert_true (sam_store_add_respondent (fixture->store, round, other, SAM_ROLE_PARTNER, theirs, 1,
                                               NULL, NULL));
    /* Klinik 3: four at "to a high degree" (75). With two clinics only, the cluster less
     * Klinik 2 would be the solo doctor's answer, so the cluster's figure would be withheld. */
    g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 3", NULL, &third_clinic, NULL));
    for (guint i = 0; i < 4; i++)
      g_assert_true (sam_store_add_respondent (fixture->store, round, third_clinic, SAM_ROLE_PARTNER, third, 1,
                                               NULL, NULL));
  }
  g_assert_true (sam_store_set_own_clinic (fixture->store, fixture->clinic, NULL));
  fixture->context = sam_context_new (fixture->store, NULL);
  sam_context_set_clock (fixture->context, fake_clock, NULL);
  open_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_windows ();
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fake_now, g_date_time_unref);
}

static void
collect_views (GtkWidget *widget,
               GPtrArray *views)
{
  if (GTK_IS_TEXT_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_views (child, views);
}

static GPtrArray *
answer_views (Fixture *fixture)
{
  GPtrArray *views = g_ptr_array_new ();

  collect_views (sam_reflection_page_get_groups (fixture->page), views);
  return views;
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
role_row (Fixture *fixture)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SAM_TYPE_REFLECTION_PAGE,
                                                    "role_row"));
}

/* Write, reopen, and look back on another day. */
static void
test_write_reopen (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) views = answer_views (fixture);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;

  /* A doctor in a partnership is asked all eight questions. */
  g_assert_cmpuint (views->len, ==, 8);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (g_ptr_array_index (views, 0)));
  gtk_text_buffer_set_text (buffer, "Vi deler", -1);
  gtk_text_buffer_set_text (buffer, "Vi deler ledelsen efter opgaver.", -1);
  stored = sam_reflection_list (fixture->store, NULL, 0, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (stored, 0))->topic, ==, "leadership");
  g_assert_cmpuint (((SamReflection *) g_ptr_array_index (stored, 0))->question, ==, 1);
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (stored, 0))->date, ==, "2026-11-20");
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (stored, 0))->text, ==, "Vi deler ledelsen efter opgaver.");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Reopened the same day, the answer is there to go on with. */
  close_page (fixture);
  open_page (fixture);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = answer_views (fixture);
  text = view_text (g_ptr_array_index (views, 0));
  g_assert_cmpstr (text, ==, "Vi deler ledelsen efter opgaver.");
  g_clear_pointer (&text, g_free);

  /* Another day: a fresh answer, and the first among the earlier ones. */
  close_page (fixture);
  g_date_time_unref (fake_now);
  fake_now = g_date_time_new_utc (2027, 5, 2, 8, 0, 0);
  open_page (fixture);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = answer_views (fixture);
  text = view_text (g_ptr_array_index (views, 0));
  g_assert_cmpstr (text, ==, "");
  g_assert_true (has_label (sam_reflection_page_get_groups (fixture->page), "Earlier answer (1)"));
  /* Folded away until asked for, as a person would open it. */
  gtk_expander_set_expanded (GTK_EXPANDER (test_find_widget (sam_reflection_page_get_groups (fixture->page),
                                                             GTK_TYPE_EXPANDER)), TRUE);
  g_assert_true (has_label (sam_reflection_page_get_groups (fixture->page), "20 November 2026"));
  g_assert_true (has_label (sam_reflection_page_get_groups (fixture->page), "Vi deler ledelsen efter opgaver."));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (g_ptr_array_index (views, 0)));
  gtk_text_buffer_set_text (buffer, "Nu har vi et fast ledelsesmøde.", -1);
  stored = sam_reflection_list (fixture->store, "leadership", 1, NULL);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (stored, 0))->date, ==, "2027-05-02");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Cleared, today's answer is gone; the earlier one stays. */
  gtk_text_buffer_set_text (buffer, "", -1);
  stored = sam_reflection_list (fixture->store, "leadership", 1, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((SamReflection *) g_ptr_array_index (stored, 0))->date, ==, "2026-11-20");
}

/* A solo doctor: leadership question 1, collegial support 2 and 3, and own figures. */
static void
test_solo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) views = NULL;
  GtkWidget *groups;

  /* Klinik 1 is set up as a solo practice: its one doctor's figures are "yours". */
  g_assert_true (sam_store_set_clinic_kind (fixture->store, fixture->clinic, SAM_CLINIC_KIND_SOLO, NULL));
  close_page (fixture);
  /* Opened on a solo practice, the page has the group at once and says it is reading the
   * figures, which come from the worker (the main loop has not run yet). */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = sam_reflection_page_new (fixture->context);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  g_assert_true (sam_reflection_page_is_loading (fixture->page));
  g_assert_true (has_label (sam_reflection_page_get_groups (fixture->page),
                            "Reading the round’s figures…"));
  gtk_window_present (fixture->window);
  test_spin_until (figures_read, fixture->page);
  g_assert_false (has_label (sam_reflection_page_get_groups (fixture->page),
                             "Reading the round’s figures…"));
  choose_role (fixture, SAM_ROLE_SOLO);
  views = answer_views (fixture);
  g_assert_cmpuint (views->len, ==, 6);
  groups = sam_reflection_page_get_groups (fixture->page);
  g_assert_true (has_label (groups, "1. How do you work with the four different areas of leadership"));
  g_assert_false (has_label (groups, "2. Give examples of how your doctors’ meetings"));
  g_assert_false (has_label (groups, "1. What do you do to strengthen the medical community"));
  g_assert_true (has_label (groups, "2. What do you concretely do to support your fellow doctors"));
  g_assert_true (has_label (groups, "3. What do you concretely do to seek support"));

  /* Own figures next to the cluster's: 100 against (100 + 5 × 50 + 4 × 75) / 10 = 65. */
  g_assert_true (has_label (groups, "Your Figures and the Cluster’s"));
  g_assert_true (has_label (groups, "You: 100 · Cluster: 65"));
  /* Items by their words, never their codes. */
  g_assert_true (has_label (groups, "To what degree do you get the support you could wish for"));
  assert_no_item_code (groups);

  /* A solo practice's doctor is the solo doctor: the role is not a choice there. */
  g_assert_false (gtk_widget_get_sensitive (role_row (fixture)));

  /* Chosen on the computer of a clinic of five whose kind nobody has set, the figures are
   * the clinic's, never "yours": five answered. */
  {
    g_autoptr(GPtrArray) clinics = sam_store_list_clinics (fixture->store, NULL);

    for (guint i = 0; i < clinics->len; i++)
      if (g_str_equal (((SamClinic *) g_ptr_array_index (clinics, i))->code, "Klinik 2"))
        g_assert_true (sam_store_set_own_clinic (fixture->store, ((SamClinic *) g_ptr_array_index (clinics, i))->id,
                                                 NULL));
    close_page (fixture);
    open_page (fixture);
    choose_role (fixture, SAM_ROLE_SOLO);
    groups = sam_reflection_page_get_groups (fixture->page);
    g_assert_true (has_label (groups, "Your Clinic’s Figures and the Cluster’s"));
    g_assert_true (has_label (groups, "The clinic, 5 answers: 50 · Cluster: 65"));
    g_assert_false (has_label (groups, "You: "));
    g_assert_true (gtk_widget_get_sensitive (role_row (fixture)));

    /* Even set up as a solo practice, five answers are not one person's. */
    g_assert_true (sam_store_set_clinic_kind (fixture->store, sam_store_get_own_clinic (fixture->store),
                                              SAM_CLINIC_KIND_SOLO, NULL));
    close_page (fixture);
    open_page (fixture);
    groups = sam_reflection_page_get_groups (fixture->page);
    g_assert_true (has_label (groups, "The clinic, 5 answers: 50 · Cluster: 65"));
    g_assert_false (has_label (groups, "You: "));

    /* Set up as a partnership, its doctors reflect as partners. */
    g_assert_true (sam_store_set_clinic_kind (fixture->store, sam_store_get_own_clinic (fixture->store),
                                              SAM_CLINIC_KIND_PARTNERSHIP, NULL));
    close_page (fixture);
    open_page (fixture);
    g_clear_pointer (&views, g_ptr_array_unref);
    views = answer_views (fixture);
    g_assert_cmpuint (views->len, >, 6);
    g_assert_false (has_label (sam_reflection_page_get_groups (fixture->page), "The clinic, "));
    g_assert_true (sam_store_set_own_clinic (fixture->store, fixture->clinic, NULL));
  }

  /* The role is remembered. */
  close_page (fixture);
  open_page (fixture);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = answer_views (fixture);
  g_assert_cmpuint (views->len, ==, 6);
}

/* A withheld figure says so and why, never "no answer": with Klinik 3's answers gone, the
 * cluster less Klinik 2 would be the solo doctor's own answer. */
static void
test_withheld_says_why (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *groups;

  g_assert_true (sam_store_testing_exec (fixture->store,
                                         "DELETE FROM respondents WHERE clinic_id ="
                                         " (SELECT id FROM clinics WHERE code = 'Klinik 3')",
                                         NULL));
  close_page (fixture);
  open_page (fixture);
  choose_role (fixture, SAM_ROLE_SOLO);
  groups = sam_reflection_page_get_groups (fixture->page);
  g_assert_true (has_label (groups, "1 answer: 100 · Cluster: withheld so that another withheld "
                                    "figure cannot be worked out"));
  g_assert_false (has_label (groups, "Cluster: withheld ·"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reflection-gui/write-reopen", test_write_reopen);
  ADD ("/reflection-gui/solo", test_solo);
  ADD ("/reflection-gui/withheld-says-why", test_withheld_says_why);

#undef ADD

  status = g_test_run ();
  test_rm_rf (tmpdir);
  return status;
}
