/* sam-chart-area.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-area"

#include "config.h"

#include <math.h>

#include "sam-chart-area.h"

/* A drawing area that draws only the part of itself its scrolled window shows. A
 * GtkDrawingArea records its whole allocation at every draw, and the renderer then paints
 * all of it where any of it is seen: for a heatmap of 1,300 clinics, 46,926 pixels tall,
 * that was a tenth of a second on the main thread. Here a chart outside the scrolled
 * window's view is not drawn at all, and one in view is drawn for what is seen with half
 * a view's height around it; scrolling draws again only when the view leaves what was
 * drawn. The draw function gets the whole size as before, with the cairo context clipped
 * to the part drawn (cairo_clip_extents), so a chart drawn whole looks exactly as before. */

struct _SamChartArea
{
  GtkDrawingArea          parent_instance;

  GtkDrawingAreaDrawFunc  draw_func;
  gpointer                draw_data;
  graphene_rect_t         drawn;       /* in the area's coordinates, empty if nothing */
  GtkScrolledWindow      *scrolled;    /* the ancestor watched while mapped */
};

G_DEFINE_FINAL_TYPE (SamChartArea, sam_chart_area, GTK_TYPE_DRAWING_AREA)

/* The part of the area that its scrolled window shows now, if any. Without a scrolled
 * window around it, all of it. */
static gboolean
shown_part (SamChartArea    *self,
            graphene_rect_t *part)
{
  GtkWidget *widget = GTK_WIDGET (self);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                            gtk_widget_get_height (widget));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled != NULL
                         ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))
                         : NULL;
  GtkWidget *content = GTK_IS_VIEWPORT (viewport)
                         ? gtk_viewport_get_child (GTK_VIEWPORT (viewport))
                         : NULL;
  graphene_rect_t view, bounds;

  if (all.size.width <= 0 || all.size.height <= 0)
    return FALSE;
  /* In a viewport, from the adjustments: they have the new view at once, where the
   * widgets are moved to it only at the next layout. */
  if (content != NULL && gtk_widget_compute_bounds (widget, content, &bounds))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      view = GRAPHENE_RECT_INIT (gtk_adjustment_get_value (h) - bounds.origin.x,
                                 gtk_adjustment_get_value (v) - bounds.origin.y,
                                 gtk_adjustment_get_page_size (h),
                                 gtk_adjustment_get_page_size (v));
    }
  else if (scrolled == NULL || !gtk_widget_compute_bounds (scrolled, widget, &view))
    {
      *part = all;
      return TRUE;
    }
  return graphene_rect_intersection (&all, &view, part);
}

/* What to draw for @shown: with half a view around it, in whole pixels. */
static void
part_to_draw (SamChartArea          *self,
              const graphene_rect_t *shown,
              graphene_rect_t       *part)
{
  GtkWidget *widget = GTK_WIDGET (self);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                            gtk_widget_get_height (widget));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  double around_x = scrolled != NULL ? gtk_widget_get_width (scrolled) / 2.0 : 0;
  double around_y = scrolled != NULL ? gtk_widget_get_height (scrolled) / 2.0 : 0;
  double x0 = floor (shown->origin.x - around_x);
  double y0 = floor (shown->origin.y - around_y);
  double x1 = ceil (shown->origin.x + shown->size.width + around_x);
  double y1 = ceil (shown->origin.y + shown->size.height + around_y);
  graphene_rect_t wide = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);

  if (!graphene_rect_intersection (&all, &wide, part))
    *part = all;
}

static void
sam_chart_area_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SamChartArea *self = SAM_CHART_AREA (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t shown;
  cairo_t *cr;

  self->drawn = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (self->draw_func == NULL || !shown_part (self, &shown))
    return;
  part_to_draw (self, &shown, &self->drawn);
  cr = gtk_snapshot_append_cairo (snapshot, &self->drawn);
  self->draw_func (GTK_DRAWING_AREA (self), cr, width, height, self->draw_data);
  cairo_destroy (cr);
}

/* The view moved or changed its size: draw again where it now shows what was not drawn. */
static void
on_view_changed (SamChartArea  *self,
                 GtkAdjustment *adjustment)
{
  graphene_rect_t shown;

  if (shown_part (self, &shown) && !graphene_rect_contains_rect (&self->drawn, &shown))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch (SamChartArea      *self,
       GtkScrolledWindow *scrolled)
{
  GtkAdjustment *adjustments[2];

  if (self->scrolled == scrolled)
    return;
  if (self->scrolled != NULL)
    {
      adjustments[0] = gtk_scrolled_window_get_hadjustment (self->scrolled);
      adjustments[1] = gtk_scrolled_window_get_vadjustment (self->scrolled);
      for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
        g_signal_handlers_disconnect_by_func (adjustments[i], on_view_changed, self);
      g_clear_weak_pointer (&self->scrolled);
    }
  if (scrolled != NULL)
    {
      g_set_weak_pointer (&self->scrolled, scrolled);
      adjustments[0] = gtk_scrolled_window_get_hadjustment (scrolled);
      adjustments[1] = gtk_scrolled_window_get_vadjustment (scrolled);
      for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
        {
          g_signal_connect_object (adjustments[i], "value-changed", G_CALLBACK (on_view_changed),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (adjustments[i], "changed", G_CALLBACK (on_view_changed), self,
                                   G_CONNECT_SWAPPED);
        }
    }
}

static void
sam_chart_area_map (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  GTK_WIDGET_CLASS (sam_chart_area_parent_class)->map (widget);
  watch (SAM_CHART_AREA (widget), scrolled != NULL ? GTK_SCROLLED_WINDOW (scrolled) : NULL);
}

static void
sam_chart_area_unmap (GtkWidget *widget)
{
  watch (SAM_CHART_AREA (widget), NULL);
  GTK_WIDGET_CLASS (sam_chart_area_parent_class)->unmap (widget);
}

static void
sam_chart_area_dispose (GObject *object)
{
  watch (SAM_CHART_AREA (object), NULL);
  G_OBJECT_CLASS (sam_chart_area_parent_class)->dispose (object);
}

static void
sam_chart_area_class_init (SamChartAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_chart_area_dispose;
  widget_class->snapshot = sam_chart_area_snapshot;
  widget_class->map = sam_chart_area_map;
  widget_class->unmap = sam_chart_area_unmap;
}

static void
sam_chart_area_init (SamChartArea *self)
{
}

/**
 * sam_chart_area_set_draw_func:
 * @draw_func: draws the chart at the area's whole size, clipped to the part shown
 * @user_data: (nullable): for @draw_func, which must outlive the area's drawing
 */
void
sam_chart_area_set_draw_func (SamChartArea           *self,
                              GtkDrawingAreaDrawFunc  draw_func,
                              gpointer                user_data)
{
  g_return_if_fail (SAM_IS_CHART_AREA (self));

  self->draw_func = draw_func;
  self->draw_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
