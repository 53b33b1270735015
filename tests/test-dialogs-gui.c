/* test-dialogs-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-dialogs.h"
#include "test-gui-common.h"

/* A toast's Undo sits in the window's overlay, above the page that can undo: it reaches
 * the page's own action through the window's toast.undo, each toast its own. */

static char *tmpdir;

static void
on_restore (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%s;", g_variant_get_string (parameter, NULL));
}

static void
test_toast_undo (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) restore = g_simple_action_new ("restore", G_VARIANT_TYPE_STRING);
  g_autoptr(GString) log = g_string_new (NULL);
  guint first, second;

  g_signal_connect (restore, "activate", G_CALLBACK (on_restore), log);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (restore));
  gtk_widget_insert_action_group (page, "page", G_ACTION_GROUP (group));
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  test_spin (10);

  /* The page's action is out of the window's reach, */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "page.restore", "s", "x"));
  /* but each toast's Undo reaches it through the window. */
  first = sam_dialogs_toast_undo (page, "First deleted", "page.restore",
                                  g_variant_new_string ("first"));
  second = sam_dialogs_toast_undo (page, "Second deleted", "page.restore",
                                   g_variant_new_string ("second"));
  g_assert_cmpuint (first, !=, 0);
  g_assert_cmpuint (second, !=, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "toast.undo", "u", first));
  g_assert_cmpstr (log->str, ==, "first;");
  /* Once only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "toast.undo", "u", first));
  g_assert_cmpstr (log->str, ==, "first;");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "toast.undo", "u", second));
  g_assert_cmpstr (log->str, ==, "first;second;");

  /* Without a window there is nothing to undo from. */
  {
    GtkWidget *loose = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));

    g_assert_cmpuint (sam_dialogs_toast_undo (loose, "Deleted", "page.restore", NULL), ==, 0);
    g_object_unref (loose);
  }
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/dialogs/toast-undo", test_toast_undo);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
