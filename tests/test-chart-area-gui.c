/* test-chart-area-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-area.h"
#include "test-gui-common.h"

/* A chart taller than its scrolled window is drawn only around what the window shows, and
 * drawn again where it is scrolled to: a national heatmap is 46,926 px tall, and drawing it
 * whole stalled the window. */

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

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/chart-area/visible-band", test_visible_band);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
