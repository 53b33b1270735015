/* test-parts-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-area.h"
#include "sam-dialogs.h"
#include "test-gui-common.h"

/* Parts the pages share, on their own.
 *
 * A chart taller than its scrolled window is drawn only around what the window shows, and
 * drawn again where it is scrolled to: a national heatmap is 46,926 px tall, and drawing it
 * whole stalled the window.
 *
 * A toast's Undo sits in the window's overlay, above the page that can undo: it reaches
 * the page's own action through the window's toast.undo, each toast its own. */

static char *tmpdir;

typedef struct
{
  guint  draws;
  double top;       /* the clip the last drawing had, in the area's coordinates */
  double bottom;
  int    height;    /* the height the draw function was given */
} Seen;

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  Seen *seen = data;
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  seen->draws++;
  seen->top = y0;
  seen->bottom = y1;
  seen->height = height;
}

static guint wanted_draws;

static gboolean
drawn (gpointer data)
{
  return ((Seen *) data)->draws >= wanted_draws;
}

static void
test_visible_band (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *area = g_object_new (SAM_TYPE_CHART_AREA, NULL);
  GtkAdjustment *adjustment;
  Seen seen = { 0 };

  sam_chart_area_set_draw_func (SAM_CHART_AREA (area), draw, &seen);
  gtk_widget_set_size_request (area, 300, 6000);
  gtk_box_append (GTK_BOX (box), area);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 400, 300);
  gtk_window_present (window);

  wanted_draws = 1;
  test_spin_until (drawn, &seen);
  g_assert_cmpuint (seen.draws, >=, 1);
  /* The draw function is told the whole height, but drawn only near the top. */
  g_assert_cmpint (seen.height, ==, 6000);
  g_assert_cmpfloat (seen.top, ==, 0);
  g_assert_cmpfloat (seen.bottom, <=, 1000);

  /* Scrolled far down: drawn again, around the new view. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  wanted_draws = seen.draws + 1;
  gtk_adjustment_set_value (adjustment, 5000);
  test_spin_until (drawn, &seen);
  g_assert_cmpuint (seen.draws, >=, wanted_draws);
  g_assert_cmpfloat (seen.top, >=, 4000);
  g_assert_cmpfloat (seen.top, <=, 5000);
  g_assert_cmpfloat (seen.bottom, >=, 5000 + gtk_adjustment_get_page_size (adjustment));

  gtk_window_destroy (window);
}

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

  g_test_add_func ("/chart-area/visible-band", test_visible_band);
  g_test_add_func ("/dialogs/toast-undo", test_toast_undo);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
