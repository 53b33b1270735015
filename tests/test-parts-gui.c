/* test-parts-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-area.h"
#include "sam-chart-area-private.h"
#include "sam-dialogs.h"
#include "test-gui-common.h"

/* Parts the pages share, on their own.
 *
 * A chart is drawn in a worker thread, never on the main thread, and only around what
 * its scrolled window shows; the window shows the picture when it is ready and keeps the
 * last one meanwhile. A national heatmap is 46,926 px tall, and a chart of 1,300 clinics
 * 45 ms to draw: drawn on the main thread, they stalled the window.
 *
 * A toast's Undo sits in the window's overlay, above the page that can undo: it reaches
 * the page's own action through the window's toast.undo, each toast its own. */

static char *tmpdir;

/* What the chart kind below was asked to draw, from whichever thread drew it. */
typedef struct
{
  GMutex   lock;
  guint    draws;
  double   top;          /* the clip the last drawing had, in the chart's coordinates */
  double   bottom;
  double   height;       /* the height it was told to draw at */
  gboolean on_main;      /* a drawing ran on the main thread */
  double   red;          /* the colour it fills with */
} Seen;

static GThread *main_thread;

static void
kind_draw (gconstpointer        data,
           const SamChartStyle *style,
           cairo_t             *cr,
           double               width,
           double               height)
{
  Seen *seen = (Seen *) data;
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  g_mutex_lock (&seen->lock);
  seen->draws++;
  seen->top = y0;
  seen->bottom = y1;
  seen->height = height;
  seen->on_main |= g_thread_self () == main_thread;
  cairo_set_source_rgb (cr, seen->red, 0.5, 0.25);
  g_mutex_unlock (&seen->lock);
  cairo_paint (cr);
}

static const SamChartKind test_kind = { "test", kind_draw, NULL, NULL, NULL };

static void
test_style (SamChartArea  *area,
            SamChartStyle *style,
            gpointer       user_data)
{
  sam_chart_style_init (style, SAM_CHART_LIGHT, *(double *) user_data);
}

static gboolean
area_is_drawn (gpointer area)
{
  return sam_chart_area_is_drawn (area);
}

/* The colour of the area's picture at (@x, @y) of the area, as 0xRRGGBB: what the area
 * gives the window to show, rendered as the window would. */
static guint32
shown_colour (GtkWidget *area,
              int        x,
              int        y)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 pixel = 0;

  GTK_WIDGET_GET_CLASS (area)->snapshot (area, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (area)),
                                         node, &GRAPHENE_RECT_INIT (x, y, 1, 1));
  gdk_texture_download (texture, (guchar *) &pixel, 4);
  return pixel & 0xffffff;
}

static void
test_visible_band (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *area = g_object_new (SAM_TYPE_CHART_AREA, NULL);
  GtkAdjustment *adjustment;
  Seen seen = { .red = 1 };
  double scale = 1;
  SamChart *chart = sam_chart_new (&test_kind, "Test", &seen, NULL);
  guint draws;

  main_thread = g_thread_self ();
  g_mutex_init (&seen.lock);
  sam_chart_area_set_chart (SAM_CHART_AREA (area), chart, test_style, NULL, &scale);
  sam_chart_unref (chart);
  gtk_widget_set_size_request (area, 300, 6000);
  gtk_box_append (GTK_BOX (box), area);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 400, 300);
  gtk_window_present (window);

  test_spin_until (area_is_drawn, area);
  g_assert_true (sam_chart_area_is_drawn (SAM_CHART_AREA (area)));
  g_mutex_lock (&seen.lock);
  g_assert_cmpuint (seen.draws, >=, 1);
  /* Never on the main thread; told the whole height, but drawn only near the top. */
  g_assert_false (seen.on_main);
  g_assert_cmpfloat (seen.height, ==, 6000);
  g_assert_cmpfloat (seen.top, ==, 0);
  g_assert_cmpfloat (seen.bottom, <=, 1000);
  draws = seen.draws;
  g_mutex_unlock (&seen.lock);
  /* The window shows what the thread drew. */
  g_assert_cmphex (shown_colour (area, 10, 10), ==, 0xff8040);
  /* Drawn once: another frame with nothing changed shows the same picture. */
  gtk_widget_queue_draw (area);
  test_spin (30);
  g_assert_cmpuint (seen.draws, ==, draws);

  /* Another style (a larger text, a theme): drawn again, and the new picture shown. */
  g_mutex_lock (&seen.lock);
  seen.red = 0;
  g_mutex_unlock (&seen.lock);
  scale = 2;
  gtk_widget_queue_draw (area);
  test_spin (1);
  g_assert_false (sam_chart_area_is_drawn (SAM_CHART_AREA (area)));
  test_spin_until (area_is_drawn, area);
  g_assert_cmpuint (seen.draws, >, draws);
  g_assert_cmphex (shown_colour (area, 10, 10), ==, 0x008040);
  draws = seen.draws;

  /* Scrolled far down: drawn again, around the new view. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, 5000);
  test_spin (1);
  test_spin_until (area_is_drawn, area);
  g_mutex_lock (&seen.lock);
  g_assert_cmpuint (seen.draws, >, draws);
  g_assert_false (seen.on_main);
  g_assert_cmpfloat (seen.top, >=, 4000);
  g_assert_cmpfloat (seen.top, <=, 5000);
  g_assert_cmpfloat (seen.bottom, >=, 5000 + gtk_adjustment_get_page_size (adjustment));
  g_mutex_unlock (&seen.lock);

  gtk_window_destroy (window);
  g_mutex_clear (&seen.lock);
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
