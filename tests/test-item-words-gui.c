/* test-item-words-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-instrument.h"
#include "sam-plan-page.h"
#include "sam-plan-page-private.h"
#include "sam-plan.h"
#include "test-gui-common.h"
#include "test-item-codes.h"

/* Items are named by their words in the Plan's form ("Why") and in the plan's list of
 * actions; their codes belong in files only. */

static char *tmpdir;

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_plan_why (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_new (path, &error);
  g_autoptr(SamContext) context = NULL;
  g_autoptr(SamPlanAction) action = sam_plan_action_new ();
  GtkWindow *window, *dialog;
  SamPlanPage *page;
  GListModel *model;
  gboolean found = FALSE;
  gint64 cluster, clinic;

  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, NULL));
  g_assert_true (sam_store_set_own_clinic (store, clinic, NULL));
  action->what = g_strdup ("Fast ledelsesmøde");
  action->item = g_strdup ("q2a");
  g_assert_true (sam_plan_add_action (store, clinic, action, NULL, NULL, NULL));
  context = sam_context_new (store, NULL);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  page = sam_plan_page_new (context);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  test_spin (20);

  /* The list of actions says what the action aims at in words. */
  g_assert_cmpuint (assert_no_item_code (GTK_WIDGET (sam_plan_page_get_action_list (page))), >, 0);

  /* The form: every choice of "Why" is a domain or an item's words. */
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.add", NULL);
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (assert_no_item_code (GTK_WIDGET (dialog)), >, 30);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "why")));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    found |= g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                        sam_item_get_words (sam_instrument_lookup_item (sam_instrument_get_default (),
                                                                        "q2a"))) == 0;
  g_assert_true (found);
  g_assert_cmpstr (sam_item_get_words (sam_instrument_lookup_item (sam_instrument_get_default (), "q2a")), ==,
                   "Strategic leadership");

  test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/item-words-gui/plan-why", test_plan_why);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
