/* sam-chart-view.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sam-chart-area.h"
#include "sam-chart-view.h"
#include "sam-chart-view-private.h"
#include "sam-dialogs.h"
#include "sam-report.h"

/* One chart on the screen: the drawing (in the theme's colours, with the exact figures of
 * a mark on hover and on keyboard focus), the same numbers as a table, a description for a
 * screen reader, and export to a file at a chosen size. */

struct _SamChartView
{
  AdwBin          parent_instance;

  SamChart       *chart;
  char           *description;
  GArray         *marks;           /* SamChartMark at the area's current size */
  int             focus;           /* a mark, or -1 */
  int             hover;
  gboolean        presenting;

  GtkLabel       *title_label;
  GtkToggleButton *table_button;
  GtkMenuButton  *export_button;
  GtkStack       *stack;
  SamChartArea   *area;
  GtkGrid        *table_grid;
  GtkLabel       *focus_label;

  SamChartViewGate gate;           /* asked before the chart leaves as a file */
  gpointer         gate_data;
  GDestroyNotify   gate_destroy;
};

G_DEFINE_FINAL_TYPE (SamChartView, sam_chart_view, ADW_TYPE_BIN)

/* On a projector the chart's text and lines are this much larger, to be read from the
 * back of a room; the chart still makes its text smaller where a small screen needs it. */
#define PRESENTING_SCALE 2.0

/**
 * sam_chart_style_init_for_widget:
 *
 * The chart style of the widget's theme (light, dark, high contrast) at its text size.
 */
void
sam_chart_style_init_for_widget (SamChartStyle *style,
                                 GtkWidget     *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SamChartTheme theme = SAM_CHART_LIGHT;
  int dpi = 0;

  if (adw_style_manager_get_high_contrast (manager))
    theme = SAM_CHART_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    theme = SAM_CHART_DARK;
  /* Large text in the accessibility settings makes the chart's text larger too. */
  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);
  sam_chart_style_init (style, theme, dpi > 0 ? CLAMP (dpi / 1024.0 / 96.0, 0.5, 3.0) : 1.0);

  /* The chart's ground is the card it stands on, as the theme paints it (a translucent
   * card over the window in the dark style). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);
    GdkRGBA card, window;

    if (gtk_style_context_lookup_color (context, "card_bg_color", &card) &&
        gtk_style_context_lookup_color (context, "window_bg_color", &window))
      {
        style->background.red = card.red * card.alpha + window.red * (1 - card.alpha);
        style->background.green = card.green * card.alpha + window.green * (1 - card.alpha);
        style->background.blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
        style->background.alpha = 1;
      }
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The style the chart is drawn, and its marks found, with. */
static void
init_style (SamChartView  *self,
            SamChartStyle *style)
{
  sam_chart_style_init_for_widget (style, GTK_WIDGET (self));
  if (self->presenting)
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

      /* Large enough for the back of the room: the projector's rule, by the picture's width. */
      style->scale *= PRESENTING_SCALE;
      sam_chart_style_set_medium (style, SAM_CHART_PROJECTOR,
                                  native != NULL ? gtk_widget_get_width (GTK_WIDGET (native)) : 0);
    }
}

static void
update_marks (SamChartView *self)
{
  SamChartStyle style;
  int width = gtk_widget_get_width (GTK_WIDGET (self->area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->area));

  g_clear_pointer (&self->marks, g_array_unref);
  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  init_style (self, &style);
  self->marks = sam_chart_marks (self->chart, &style, width, height);
  sam_chart_style_clear (&style);
  if (self->focus >= (int) self->marks->len)
    self->focus = -1;
  if (self->hover >= (int) self->marks->len)
    self->hover = -1;
}

static void
chart_style (SamChartArea  *area,
             SamChartStyle *style,
             gpointer       user_data)
{
  init_style (user_data, style);
}

/* The ring around a mark, on the main thread over the chart's picture: a node of the
 * ring's size only, never of the whole chart. */
static void
outline (GtkSnapshot        *snapshot,
         const SamChartMark *mark,
         const SamRgba      *colour,
         double              width)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (mark->rect.x - 2 * width),
                                               floor (mark->rect.y - 2 * width),
                                               ceil (mark->rect.width + 4 * width) + 1,
                                               ceil (mark->rect.height + 4 * width) + 1);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_set_line_width (cr, width);
  cairo_rectangle (cr, mark->rect.x - width, mark->rect.y - width, mark->rect.width + 2 * width,
                   mark->rect.height + 2 * width);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
rings (SamChartArea *area,
       GtkSnapshot  *snapshot,
       int           width,
       int           height,
       gpointer      user_data)
{
  SamChartView *self = user_data;
  gboolean focused = self->focus >= 0 && gtk_widget_has_focus (GTK_WIDGET (area));
  SamChartStyle style;

  if (self->hover < 0 && !focused)
    return;
  if (self->marks == NULL)
    update_marks (self);
  if (self->marks == NULL)
    return;
  init_style (self, &style);
  if (self->hover >= 0)
    outline (snapshot, &g_array_index (self->marks, SamChartMark, self->hover), &style.foreground,
             1);
  if (focused)
    outline (snapshot, &g_array_index (self->marks, SamChartMark, self->focus), &style.focus, 3);
  sam_chart_style_clear (&style);
}

/* The marks are found again when a pointer or the keyboard comes to them, not at every
 * resize: laying a national chart of 1,300 clinics out takes tens of milliseconds, and a
 * page of them is resized whenever the window is. */
static void
on_area_resize (SamChartView   *self,
                int             width,
                int             height,
                GtkDrawingArea *area)
{
  g_clear_pointer (&self->marks, g_array_unref);
}

static int
mark_at (SamChartView *self,
         double        x,
         double        y)
{
  if (self->marks == NULL)
    update_marks (self);
  if (self->marks == NULL)
    return -1;
  /* The last mark drawn is on top. */
  for (int i = (int) self->marks->len - 1; i >= 0; i--)
    {
      const SamRect *rect = &g_array_index (self->marks, SamChartMark, i).rect;

      if (x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height)
        return i;
    }
  return -1;
}

static gboolean
on_query_tooltip (SamChartView *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  GtkWidget    *widget)
{
  int mark;

  if (self->marks == NULL)
    update_marks (self);
  mark = keyboard ? self->focus : mark_at (self, x, y);

  if (mark != self->hover && !keyboard)
    {
      self->hover = mark;
      gtk_widget_queue_draw (GTK_WIDGET (self->area));
    }
  if (mark < 0 || self->marks == NULL || mark >= (int) self->marks->len)
    return FALSE;
  gtk_tooltip_set_text (tooltip, g_array_index (self->marks, SamChartMark, mark).label);
  return TRUE;
}

static void
on_motion_leave (SamChartView             *self,
                 GtkEventControllerMotion *controller)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self->area));
    }
}

/**
 * sam_chart_view_focus_mark:
 * @mark: a mark's position in reading order, or -1
 *
 * Puts the keyboard focus on a mark, and its figures under the chart.
 */
void
sam_chart_view_focus_mark (SamChartView *self,
                           int           mark)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  if (self->marks == NULL)
    update_marks (self);
  if (self->marks == NULL || self->marks->len == 0)
    mark = -1;
  else
    mark = CLAMP (mark, -1, (int) self->marks->len - 1);
  self->focus = mark;
  if (mark >= 0)
    gtk_label_set_text (self->focus_label, g_array_index (self->marks, SamChartMark, mark).label);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static gboolean
on_key_pressed (SamChartView          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int n;

  if (self->marks == NULL)
    update_marks (self);
  n = self->marks != NULL ? (int) self->marks->len : 0;
  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      sam_chart_view_focus_mark (self, MIN (self->focus + 1, n - 1));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      sam_chart_view_focus_mark (self, MAX (self->focus - 1, 0));
      return TRUE;
    case GDK_KEY_Home:
      sam_chart_view_focus_mark (self, 0);
      return TRUE;
    case GDK_KEY_End:
      sam_chart_view_focus_mark (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_enter (SamChartView            *self,
                GtkEventControllerFocus *controller)
{
  sam_chart_view_focus_mark (self, MAX (self->focus, 0));
}

static void
on_focus_leave (SamChartView            *self,
                GtkEventControllerFocus *controller)
{
  /* A view taken off the page while it has the focus loses it after its template. */
  if (self->area != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
fill_table (SamChartView *self)
{
  g_autoptr(SamChartTable) table = sam_chart_table (self->chart);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_grid))) != NULL)
    gtk_grid_remove (self->table_grid, child);

  /* A grid a person can read: headers on one line each (the table scrolls sideways where
   * the window is narrow, rather than break "Klinik 1 mean" into three lines), the first
   * column wide enough for an item's words, rules between the rows. */
  for (guint c = 0; c < table->columns->len; c++)
    {
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                       "label", g_ptr_array_index (table->columns, c),
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                       NULL);

      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      if (c == 0)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_width_chars (GTK_LABEL (label), 18);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          gtk_widget_set_hexpand (label, TRUE);
        }
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "table-header");
      gtk_grid_attach (self->table_grid, label, c, 0, 1, 1);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->columns->len; c++)
        {
          GtkWidget *label = gtk_label_new (row[c]);

          gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
          gtk_label_set_yalign (GTK_LABEL (label), 0);
          if (c == 0 || strchr (row[c], '\n') != NULL || g_utf8_strlen (row[c], -1) > 24)
            {
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_label_set_width_chars (GTK_LABEL (label), c == 0 ? 18 : 14);
              gtk_label_set_max_width_chars (GTK_LABEL (label), c == 0 ? 40 : 30);
            }
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "table-cell");
          if (r % 2 == 1)
            gtk_widget_add_css_class (label, "table-odd");
          if (c > 0)
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (self->table_grid, label, c, r + 1, 1, 1);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_chart_get_title (self->chart), -1);
}

static void
on_table_toggled (SamChartView    *self,
                  GtkToggleButton *button)
{
  gboolean table = gtk_toggle_button_get_active (button);

  if (table && gtk_widget_get_first_child (GTK_WIDGET (self->table_grid)) == NULL)
    fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "chart");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               table ? _("Show as Chart") : _("Show as Table"));
  gtk_widget_set_visible (GTK_WIDGET (self->focus_label), !table);
}

/* Export */

typedef struct
{
  SamChartView    *view;
  SamReportFormat  format;
  GtkSpinButton   *width;
  GtkSpinButton   *height;
  double           chosen_width;
  double           chosen_height;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->view);
  g_free (export);
}

static void
on_export_file (GFile    *file,
                gpointer  user_data)
{
  Export *export = user_data;

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (sam_report_write_chart (export->view->chart, export->format, path, export->chosen_width,
                                  export->chosen_height, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *title = g_strdup_printf (_("Chart saved as “%s”"), name);

          sam_dialogs_toast (GTK_WIDGET (export->view), title);
        }
      else
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (export->view));

          sam_dialogs_alert (GTK_WINDOW (root), _("The Chart Could Not Be Saved"), error->message);
        }
    }
  export_free (export);
}

static char *
suggested_name (SamChart        *chart,
                SamReportFormat  format)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *title = sam_chart_get_title (chart);

  /* The title's first words, without what a file system may refuse. */
  for (const char *p = title; *p != '\0' && g_utf8_strlen (name->str, -1) < 40;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, _("chart"));
  g_string_append_printf (name, ".%s", sam_report_format_extension (format));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_size_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Export           *export)
{
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0)
    {
      export_free (export);
      return;
    }
  export->chosen_width = gtk_spin_button_get_value (export->width);
  export->chosen_height = gtk_spin_button_get_value (export->height);

  name = suggested_name (export->view->chart, export->format);
  sam_dialogs_save_file (GTK_WIDGET (export->view), _("Export Chart"), _("_Export"), name,
                         SAM_FILES_ANY, on_export_file, export);
}

static GtkSpinButton *
size_row (GtkGrid    *grid,
          int         row,
          const char *label,
          double      value,
          const char *unit)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (100, 10000, 10);
  GtkWidget *units = gtk_label_new (unit);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_label_set_xalign (GTK_LABEL (units), 0);
  gtk_widget_add_css_class (units, "dim-label");
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  gtk_grid_attach (grid, units, 2, row, 1, 1);
  return GTK_SPIN_BUTTON (spin);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamChartView *self = SAM_CHART_VIEW (widget);
  Export *export;
  AdwMessageDialog *dialog;
  GtkWidget *grid;
  const char *unit;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  if (self->chart == NULL)
    return;
  /* Figures leave the app only as their round allows; the owner says why not. */
  if (self->gate != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!self->gate (self->gate_data, &error))
        {
          sam_dialogs_alert (GTK_WINDOW (gtk_widget_get_root (widget)),
                             _("The Chart Cannot Be Exported"), error->message);
          return;
        }
    }
  export = g_new0 (Export, 1);
  export->view = g_object_ref (self);
  name = g_strconcat ("chart.", g_variant_get_string (parameter, NULL), NULL);
  if (!sam_report_format_from_path (name, &export->format))
    export->format = SAM_REPORT_PNG;

  /* A PNG is measured in pixels; a PDF or SVG in points, 72 to the inch. */
  unit = export->format == SAM_REPORT_PNG ? _("pixels") : _("points");
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  export->width = size_row (GTK_GRID (grid), 0, _("_Width"),
                            export->format == SAM_REPORT_PNG ? 1600 : 842, unit);
  export->height = size_row (GTK_GRID (grid), 1, _("_Height"),
                             export->format == SAM_REPORT_PNG ? 900 : 474, unit);

  body = g_strdup_printf (_("“%s”, in light colours for paper and projectors."),
                          sam_chart_get_title (self->chart));
  dialog = sam_dialogs_message_new (widget, _("Export Chart"), body);
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_size_response), export);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
sam_chart_view_dispose (GObject *object)
{
  SamChartView *self = SAM_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CHART_VIEW);
  g_clear_pointer (&self->chart, sam_chart_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->description, g_free);
  sam_chart_view_set_gate (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (sam_chart_view_parent_class)->dispose (object);
}

static void
sam_chart_view_class_init (SamChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_chart_view_dispose;

  g_type_ensure (SAM_TYPE_CHART_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamChartView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamChartView, table_button);
  gtk_widget_class_bind_template_child (widget_class, SamChartView, export_button);
  gtk_widget_class_bind_template_child (widget_class, SamChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, SamChartView, area);
  gtk_widget_class_bind_template_child (widget_class, SamChartView, table_grid);
  gtk_widget_class_bind_template_child (widget_class, SamChartView, focus_label);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_area_resize);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
}

/* One export menu for every view, made once: made from each view's template it cost a
 * few kilobytes a chart that were never all freed, and Results makes dozens of charts at
 * every change of round. */
static GMenuModel *
export_menu (void)
{
  static GMenuModel *menu;

  /* Widgets live on the main thread alone. */
  if (menu == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/sam-chart-view-menu.ui");

      menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "export_menu")));
    }
  return menu;
}

static void
sam_chart_view_init (SamChartView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->export_button, export_menu ());
  self->focus = -1;
  self->hover = -1;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  /* The theme's colours change with the system's choice of dark and high contrast. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * sam_chart_view_new:
 * @chart: (transfer none): what to show
 * @height: the chart's height in pixels at normal text size
 */
SamChartView *
sam_chart_view_new (SamChart *chart,
                    int       height)
{
  SamChartView *self;
  SamChartStyle style;

  g_return_val_if_fail (chart != NULL, NULL);

  self = g_object_new (SAM_TYPE_CHART_VIEW, NULL);
  self->chart = sam_chart_ref (chart);
  sam_chart_area_set_chart (self->area, chart, chart_style, rings, self);
  self->description = sam_chart_describe (chart);
  gtk_label_set_text (self->title_label, sam_chart_get_title (chart));

  sam_chart_style_init_for_widget (&style, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self->area), 280, (int) (height * style.scale));
  sam_chart_style_clear (&style);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sam_chart_get_title (chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  return self;
}

SamChart *
sam_chart_view_get_chart (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

/**
 * sam_chart_view_get_description:
 *
 * Returns: what a screen reader is told the chart shows
 */
const char *
sam_chart_view_get_description (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);
  return self->description;
}

gboolean
sam_chart_view_get_show_table (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);
  return gtk_toggle_button_get_active (self->table_button);
}

void
sam_chart_view_set_show_table (SamChartView *self,
                               gboolean      show_table)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));
  gtk_toggle_button_set_active (self->table_button, show_table);
}

/**
 * sam_chart_view_get_table:
 *
 * Returns: (transfer none): the grid of the table view, filled once it was shown
 */
GtkWidget *
sam_chart_view_get_table (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);
  return GTK_WIDGET (self->table_grid);
}

int
sam_chart_view_get_focus_mark (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), -1);
  return self->focus;
}

/**
 * sam_chart_view_get_focus_text:
 *
 * Returns: the figures shown under the chart for the focused mark
 */
const char *
sam_chart_view_get_focus_text (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);
  return gtk_label_get_text (self->focus_label);
}

gboolean
sam_chart_view_get_presenting (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);
  return self->presenting;
}

/**
 * sam_chart_view_set_presenting:
 * @presenting: whether the chart is shown on a projector
 *
 * On a projector the chart fills the height it is given, its title and text are large, and
 * the buttons and the hint about reading the figures, which nobody in the room can use, go.
 */
void
sam_chart_view_set_presenting (SamChartView *self,
                               gboolean      presenting)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  if (presenting)
    sam_chart_view_set_show_table (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->table_button), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->focus_label), !presenting);
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), presenting);
  gtk_widget_set_focusable (GTK_WIDGET (self->area), !presenting);
  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
  g_clear_pointer (&self->marks, g_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/**
 * sam_chart_view_set_gate:
 * @gate: (nullable): asked before the chart is exported to a file: %FALSE with its error
 *   set says why it may not (its round is still open, say); %NULL lets every export go
 *
 * The chart's figures leave the app only as their round allows (instrument contract, "One
 * publication a round"); the view's owner, which knows the round, decides.
 */
void
sam_chart_view_set_gate (SamChartView     *self,
                         SamChartViewGate  gate,
                         gpointer          data,
                         GDestroyNotify    destroy)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  if (self->gate_destroy != NULL)
    self->gate_destroy (self->gate_data);
  self->gate = gate;
  self->gate_data = data;
  self->gate_destroy = destroy;
}
