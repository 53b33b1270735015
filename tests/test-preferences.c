/* test-preferences.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-context.h"
#include "sam-preferences-window.h"
#include "test-gui-common.h"

typedef struct
{
  char                 *dir;
  SamStore             *store;
  SamContext           *context;
  SamPreferencesWindow *window;
  GtkSpinButton        *spin;
  AdwComboRow          *clinic_row;
  gint64                clinics[2];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cluster;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "prefs.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 2", NULL, &fixture->clinics[1], &error));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 1", NULL, &fixture->clinics[0], &error));

  fixture->context = sam_context_new (fixture->store, NULL);
  fixture->window = sam_preferences_window_new (fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_spin (20);

  fixture->spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                  SAM_TYPE_PREFERENCES_WINDOW,
                                                                  "min_group_spin"));
  fixture->clinic_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                      SAM_TYPE_PREFERENCES_WINDOW,
                                                                      "clinic_row"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_windows ();
  g_clear_object (&fixture->context);
  g_assert_finalize_object (fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
test_min_group_size (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->spin), ==, 3);

  /* Raising it needs no confirmation. */
  gtk_spin_button_set_value (fixture->spin, 5);
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 5);
  g_assert_null (find_dialog ());

  /* Lowering it to 3 or more neither. */
  gtk_spin_button_set_value (fixture->spin, 3);
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 3);
  g_assert_null (find_dialog ());

  /* Below 3 it asks, says what it exposes, and nothing changes until confirmed. */
  gtk_spin_button_set_value (fixture->spin, 2);
  test_spin (5);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "only 2 people"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "work out what each person answered"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 3);

  test_respond (dialog, "cancel");
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->spin), ==, 3);

  gtk_spin_button_set_value (fixture->spin, 2);
  test_spin (5);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  test_respond (dialog, "confirm");
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 2);

  /* Lower still: asks again, with the singular. */
  gtk_spin_button_set_value (fixture->spin, 1);
  test_spin (5);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "only 1 person"));
  test_respond (dialog, "confirm");
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 1);

  /* Back up to 2 is raising: no question. */
  gtk_spin_button_set_value (fixture->spin, 2);
  test_spin (5);
  g_assert_null (find_dialog ());
  g_assert_cmpint (sam_store_get_min_group_size (fixture->store), ==, 2);
}

static void
test_own_clinic (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *model = adw_combo_row_get_model (fixture->clinic_row);

  /* None, then the clinics in their numeric order. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Klinik 1, Klynge Syd");
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->clinic_row), ==, 0);
  g_assert_cmpint (sam_store_get_own_clinic (fixture->store), ==, 0);

  adw_combo_row_set_selected (fixture->clinic_row, 2);
  g_assert_cmpint (sam_store_get_own_clinic (fixture->store), ==, fixture->clinics[1]);

  adw_combo_row_set_selected (fixture->clinic_row, 0);
  g_assert_cmpint (sam_store_get_own_clinic (fixture->store), ==, 0);

  /* A new window shows what was saved. */
  adw_combo_row_set_selected (fixture->clinic_row, 1);
  test_destroy_windows ();
  fixture->window = sam_preferences_window_new (fixture->context);
  fixture->clinic_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                      SAM_TYPE_PREFERENCES_WINDOW,
                                                                      "clinic_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->clinic_row), ==, 1);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_visible (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The clinic's choice is shown in full, beneath its title, never cut short; the clinic's
 * kind is set beside it, only where the computer is a clinic's. */
static void
test_clinic_kind (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwComboRow *kind_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                        SAM_TYPE_PREFERENCES_WINDOW,
                                                                        "kind_row"));
  GtkLabel *shown;

  shown = find_label (GTK_WIDGET (fixture->clinic_row), "None (a cluster coordinator)");
  g_assert_nonnull (shown);
  g_assert_cmpint (gtk_label_get_ellipsize (shown), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_label_get_wrap (shown));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kind_row)));

  adw_combo_row_set_selected (fixture->clinic_row, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kind_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, SAM_CLINIC_KIND_UNKNOWN);
  adw_combo_row_set_selected (kind_row, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (sam_store_get_clinic_kind (fixture->store, fixture->clinics[0]), ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (sam_store_get_clinic_kind (fixture->store, fixture->clinics[1]), ==, SAM_CLINIC_KIND_UNKNOWN);

  /* Another clinic: its own kind, unset; back again: the partnership. */
  adw_combo_row_set_selected (fixture->clinic_row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, SAM_CLINIC_KIND_UNKNOWN);
  adw_combo_row_set_selected (kind_row, SAM_CLINIC_KIND_SOLO);
  g_assert_cmpint (sam_store_get_clinic_kind (fixture->store, fixture->clinics[1]), ==, SAM_CLINIC_KIND_SOLO);
  adw_combo_row_set_selected (fixture->clinic_row, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (sam_store_get_clinic_kind (fixture->store, fixture->clinics[1]), ==, SAM_CLINIC_KIND_SOLO);

  adw_combo_row_set_selected (fixture->clinic_row, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kind_row)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add ("/preferences/min-group-size", Fixture, NULL, fixture_set_up, test_min_group_size,
              fixture_tear_down);
  g_test_add ("/preferences/own-clinic", Fixture, NULL, fixture_set_up, test_own_clinic,
              fixture_tear_down);
  g_test_add ("/preferences/clinic-kind", Fixture, NULL, fixture_set_up, test_clinic_kind,
              fixture_tear_down);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  return status;
}
