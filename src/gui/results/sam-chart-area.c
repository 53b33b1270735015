/* sam-chart-area.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-area"

#include "config.h"

#include <math.h>
#include <time.h>
#ifdef __linux__
#endif

#include "sam-background.h"
#include "sam-chart-area.h"
#include "sam-chart-area-private.h"

/* A chart on the screen, drawn in a worker thread into a picture that the window shows.
 *
 * A GtkDrawingArea records its whole allocation at every draw on the main thread, and the
 * renderer then paints all of it where any of it is seen: for the national overview, a
 * chart of 1,300 clinics is 45 ms to draw and as long again to paint, and a heatmap of
 * them is 46,926 pixels tall. Here the chart is drawn by a worker thread into an image of
 * the part its scrolled window shows, with half a view's height around it (a chart out of
 * view is not drawn at all); the main thread only shows that image. Until a new one is
 * ready (the chart scrolled into view, resized, or in another theme) the last one stays,
 * stretched to the new size, so the window never waits for a chart. The chart is drawn
 * at the area's whole size with the cairo context clipped to the part drawn
 * (cairo_clip_extents), so a chart drawn whole looks exactly as before. */

/* What one picture shows: the chart in a style, at a size, of a part, at a scale. */
typedef struct
{
  SamChartStyle    style;
  int              width;
  int              height;
  int              scale;
  graphene_rect_t  part;       /* in the area's coordinates, in whole pixels */
} Picture;

typedef struct
{
  SamChart *chart;
  Picture   picture;
  guint     serial;
  GWeakRef  area;
} Job;

struct _SamChartArea
{
  GtkDrawingArea           parent_instance;

  SamChart                *chart;
  SamChartAreaStyleFunc    style_func;
  SamChartAreaOverlayFunc  overlay_func;
  gpointer                 user_data;

  GdkTexture              *texture;    /* the last picture drawn, or NULL */
  Picture                  shown;      /* what it shows */
  guint                    shown_serial;
  gboolean                 has_coming; /* a picture on its way */
  Picture                  coming;
  GCancellable            *cancellable;
  guint                    serial;     /* of the last picture asked for */
  GtkScrolledWindow       *scrolled;   /* the ancestor watched while mapped */
};

G_DEFINE_FINAL_TYPE (SamChartArea, sam_chart_area, GTK_TYPE_DRAWING_AREA)

static void
picture_clear (Picture *picture)
{
  sam_chart_style_clear (&picture->style);
}

/* Whether @picture, drawn, would show @shown of the chart as it is now. */
static gboolean
picture_covers (const Picture         *picture,
                const SamChartStyle   *style,
                int                    width,
                int                    height,
                int                    scale,
                const graphene_rect_t *shown)
{
  return picture->width == width && picture->height == height && picture->scale == scale &&
         graphene_rect_contains_rect (&picture->part, shown) &&
         sam_chart_style_equal (&picture->style, style);
}

static void
job_free (Job *job)
{
  sam_chart_unref (job->chart);
  picture_clear (&job->picture);
  g_weak_ref_clear (&job->area);
  g_free (job);
}

/* In the chart thread: the part of the chart, drawn as the screen shows it. */
static void
draw_in_thread (gpointer data,
                gpointer pool_data)
{
  g_autoptr(GTask) task = data;
  Job *job = g_task_get_task_data (task);
  const Picture *picture = &job->picture;
  int width = (int) picture->part.size.width * picture->scale;
  int height = (int) picture->part.size.height * picture->scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;
  gint64 start = g_get_monotonic_time ();
  struct timespec cpu[2];

  /* A newer picture was asked for before this one was begun. */
  if (g_task_return_error_if_cancelled (task))
    return;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu[0]);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, picture->scale, picture->scale);
  cairo_translate (cr, -picture->part.origin.x, -picture->part.origin.y);
  cairo_rectangle (cr, picture->part.origin.x, picture->part.origin.y, picture->part.size.width,
                   picture->part.size.height);
  cairo_clip (cr);
  sam_chart_draw (job->chart, &picture->style, cr, picture->width, picture->height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu[1]);
  /* What a chart costs to draw, in time and in the thread's own CPU time (the machine may
   * be busy with others): G_MESSAGES_DEBUG=sam-chart-area shows it. */
  g_debug ("“%s” (%s, %d × %d, %d × %d drawn) in %.1f ms, %.1f ms CPU",
           sam_chart_get_title (job->chart), sam_chart_get_kind_name (job->chart),
           picture->width, picture->height, width, height,
           (g_get_monotonic_time () - start) / 1000.0,
           (cpu[1].tv_sec - cpu[0].tv_sec) * 1000.0 + (cpu[1].tv_nsec - cpu[0].tv_nsec) / 1e6);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  g_task_return_pointer (task, texture, g_object_unref);
}

/* Charts are drawn one at a time in one thread of their own, below the window's priority:
 * the window's own drawing (on a machine without a graphics card, the renderer's threads)
 * comes first, and a page of charts never takes both cores from it. */
static void
lower_priority (gpointer data,
                gpointer user_data)
{
  sam_background_lower_priority ();
  draw_in_thread (data, user_data);
}

static GThreadPool *
chart_thread (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (lower_priority, NULL, 1, FALSE, NULL));
  return pool;
}

/* Back on the main thread: shows the picture, unless a newer one is shown already. */
static void
on_drawn (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SamChartArea) self = g_weak_ref_get (&job->area);
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A picture asked for before another is still shown, if it is newer than the one shown:
   * while the view is scrolled on, each finished picture shows a little more. */
  if (self == NULL || texture == NULL || job->chart != self->chart)
    return;
  if (self->has_coming && job->serial == self->serial)
    {
      self->has_coming = FALSE;
      picture_clear (&self->coming);
      g_clear_object (&self->cancellable);
    }
  if (self->texture != NULL && job->serial < self->shown_serial)
    return;
  g_set_object (&self->texture, texture);
  picture_clear (&self->shown);
  self->shown = job->picture;
  sam_chart_style_copy (&self->shown.style, &job->picture.style);
  self->shown_serial = job->serial;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cancel_coming (SamChartArea *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->has_coming)
    picture_clear (&self->coming);
  self->has_coming = FALSE;
}

static void
forget_pictures (SamChartArea *self)
{
  cancel_coming (self);
  g_clear_object (&self->texture);
  picture_clear (&self->shown);
}

static void
ask_for_picture (SamChartArea        *self,
                 const SamChartStyle *style,
                 int                  width,
                 int                  height,
                 int                  scale,
                 graphene_rect_t     *part)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  /* The picture on its way is of a part, a size or a style no longer wanted. */
  cancel_coming (self);

  job->chart = sam_chart_ref (self->chart);
  sam_chart_style_copy (&job->picture.style, style);
  job->picture.width = width;
  job->picture.height = height;
  job->picture.scale = scale;
  job->picture.part = *part;
  job->serial = ++self->serial;
  g_weak_ref_init (&job->area, self);

  self->has_coming = TRUE;
  self->coming = job->picture;
  sam_chart_style_copy (&self->coming.style, style);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, on_drawn, NULL);
  g_task_set_source_tag (task, ask_for_picture);
  /* Cancelled, a picture not yet begun is not drawn; one already drawn is still shown. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_thread_pool_push (chart_thread (), g_steal_pointer (&task), NULL);
}

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
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t shown;
  SamChartStyle style;

  if (self->chart == NULL || !shown_part (self, &shown))
    return;

  self->style_func (self, &style, self->user_data);
  if ((self->texture == NULL ||
       !picture_covers (&self->shown, &style, width, height, scale, &shown)) &&
      (!self->has_coming ||
       !picture_covers (&self->coming, &style, width, height, scale, &shown)))
    {
      graphene_rect_t part;

      part_to_draw (self, &shown, &part);
      ask_for_picture (self, &style, width, height, scale, &part);
    }
  sam_chart_style_clear (&style);

  /* The last picture, stretched to the size the area has now. */
  if (self->texture != NULL)
    {
      double x = (double) width / self->shown.width;
      double y = (double) height / self->shown.height;
      const graphene_rect_t *part = &self->shown.part;

      gtk_snapshot_append_texture (snapshot, self->texture,
                                   &GRAPHENE_RECT_INIT (part->origin.x * x, part->origin.y * y,
                                                        part->size.width * x,
                                                        part->size.height * y));
    }
  if (self->overlay_func != NULL)
    self->overlay_func (self, snapshot, width, height, self->user_data);
}

/* The view moved or changed its size: draw again where it now shows what was not drawn. */
static void
on_view_changed (SamChartArea  *self,
                 GtkAdjustment *adjustment)
{
  const Picture *picture = self->has_coming ? &self->coming : &self->shown;
  graphene_rect_t shown;

  if (shown_part (self, &shown) && !graphene_rect_contains_rect (&picture->part, &shown))
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

/* A chart no longer seen is not drawn; it keeps its last picture for when it comes back. */
static void
sam_chart_area_unmap (GtkWidget *widget)
{
  watch (SAM_CHART_AREA (widget), NULL);
  cancel_coming (SAM_CHART_AREA (widget));
  GTK_WIDGET_CLASS (sam_chart_area_parent_class)->unmap (widget);
}

static void
sam_chart_area_dispose (GObject *object)
{
  SamChartArea *self = SAM_CHART_AREA (object);

  watch (self, NULL);
  forget_pictures (self);
  g_clear_pointer (&self->chart, sam_chart_unref);
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
 * sam_chart_area_set_chart:
 * @chart: (transfer none): what the area shows
 * @style_func: fills in the style to draw it in, at each frame
 * @overlay_func: (nullable): adds what is drawn over it on the main thread
 * @user_data: for the two functions, alive as long as the area
 */
void
sam_chart_area_set_chart (SamChartArea            *self,
                          SamChart                *chart,
                          SamChartAreaStyleFunc    style_func,
                          SamChartAreaOverlayFunc  overlay_func,
                          gpointer                 user_data)
{
  g_return_if_fail (SAM_IS_CHART_AREA (self));
  g_return_if_fail (chart != NULL && style_func != NULL);

  forget_pictures (self);
  sam_chart_ref (chart);
  g_clear_pointer (&self->chart, sam_chart_unref);
  self->chart = chart;
  self->style_func = style_func;
  self->overlay_func = overlay_func;
  self->user_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sam_chart_area_is_drawn:
 *
 * Returns: whether the area shows a picture of its chart as it is now, of all that its
 *   scrolled window shows of it; %FALSE while the picture it needs is on its way
 */
gboolean
sam_chart_area_is_drawn (SamChartArea *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  graphene_rect_t shown;
  SamChartStyle style;
  gboolean drawn;

  g_return_val_if_fail (SAM_IS_CHART_AREA (self), FALSE);

  if (self->chart == NULL || self->texture == NULL || self->has_coming)
    return FALSE;
  if (!shown_part (self, &shown))
    return TRUE;
  self->style_func (self, &style, self->user_data);
  drawn = picture_covers (&self->shown, &style, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget), gtk_widget_get_scale_factor (widget),
                          &shown);
  sam_chart_style_clear (&style);
  return drawn;
}
