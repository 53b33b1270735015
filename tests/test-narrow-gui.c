/* test-narrow-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-application.h"
#include "sam-meeting-runner.h"
#include "sam-meeting-runner-private.h"
#include "sam-meeting-start-dialog.h"
#include "sam-meeting-summary.h"
#include "sam-meeting-template.h"
#include "sam-meetings-page.h"
#include "sam-meetings-page-private.h"
#include "sam-meetings-private.h"
#include "sam-results-page.h"
#include "sam-results-page-private.h"
#include "sam-support-page.h"
#include "sam-support-page-private.h"
#include "sam-window.h"
#include "test-gui-common.h"

/* The real window at 360 × 640, GNOME's phone width and a split screen on a clinic laptop,
 * on the demo, in English and in Danish: every section, each view of Results, and in
 * Meetings every template started, each of its steps visited (its list of steps opened,
 * notes posted, the room opened for phones, an action decided) and its summary. At each
 * stop every widget shown must lie within the window's width.
 *
 * The one exception: a GtkScrolledWindow that scrolls sideways and carries the style class
 * "sam-wide-table" is a table meant to scroll, as a spreadsheet does; what is inside it is
 * not measured against the window, only the scroller itself. No other sideways scrolling
 * is allowed: a scroller without the class is looked through, and its content must fit.
 *
 * With SAM_NARROW_SCREENSHOTS=DIR each stop is also saved as DIR/NN-LANG-WHERE.png, for a
 * person to look at. */

#define WIDTH  360
#define HEIGHT 640

static char *tmpdir;
static guint n_stops;

static gboolean
is_table_scroller (GtkWidget *widget)
{
  GtkPolicyType horizontal;

  if (!GTK_IS_SCROLLED_WINDOW (widget))
    return FALSE;
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &horizontal, NULL);
  return horizontal != GTK_POLICY_NEVER && gtk_widget_has_css_class (widget, "sam-wide-table");
}

static void
describe (GString   *out,
          GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL && !GTK_IS_WINDOW (w); w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      g_string_append_printf (out, " < %s", G_OBJECT_TYPE_NAME (w));
      if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)))
        g_string_append_printf (out, "#%s", name);
      if (GTK_IS_LABEL (w))
        g_string_append_printf (out, " “%.30s”", gtk_label_get_text (GTK_LABEL (w)));
      if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) != NULL)
        g_string_append_printf (out, " “%.30s”", gtk_button_get_label (GTK_BUTTON (w)));
      if (ADW_IS_PREFERENCES_ROW (w))
        g_string_append_printf (out, " “%.30s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
    }
}

/* Every widget shown under @widget that reaches out of 0..@width of @window. Only the
 * outermost of a chain is named: its children overflow with it. */
static void
find_outside (GtkWidget *widget,
              GtkWidget *window,
              int        width,
              double     slack,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* A popover is a surface of its own, placed by the windowing system. */
  if (widget != window && GTK_IS_NATIVE (widget))
    return;
  /* libadwaita's header bars overhang their box by a pixel on each side. */
  if (ADW_IS_HEADER_BAR (widget))
    slack = 1.5;
  if (widget != window)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      if (bounds.origin.x < -slack || bounds.origin.x + bounds.size.width > width + slack)
        {
          g_string_append_printf (out, "  x %g..%g:", bounds.origin.x, bounds.origin.x + bounds.size.width);
          describe (out, widget);
          g_string_append_c (out, '\n');
          return;
        }
    }
  /* The theme's overlay scroll bar draws its slider past its own edge, clipped by the
   * scroller; the bar itself is measured. And the one exception above. */
  if (GTK_IS_SCROLLBAR (widget) || is_table_scroller (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A folded flap's shield, which dims the content under the flap, and its separator
       * are libadwaita's own, drawn only over the content: the flap and the content are
       * measured. */
      if (ADW_IS_FLAP (widget) && child != adw_flap_get_flap (ADW_FLAP (widget)) &&
          child != adw_flap_get_content (ADW_FLAP (widget)))
        continue;
      find_outside (child, window, width, slack, out);
    }
}

/* The deepest widgets whose minimum width is more than @limit: what keeps a page wide,
 * for the message of a failure. */
static gboolean
find_too_wide (GtkWidget *widget,
               int        limit,
               GString   *out)
{
  gboolean child_too_wide = FALSE;
  int minimum = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      (GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget)))
    return FALSE;
  /* A window's minimum holds its shadow: its content is what must fit. */
  if (GTK_IS_WINDOW (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        child_too_wide |= find_too_wide (child, limit, out);
      return child_too_wide;
    }
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    child_too_wide |= find_too_wide (child, limit, out);
  if (!child_too_wide)
    {
      g_string_append_printf (out, "  needs %d px:", minimum);
      describe (out, widget);
      g_string_append (out, "\n    of which:");
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum = 0;

          if (!gtk_widget_get_visible (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
          g_string_append_printf (out, " %s %d,", G_OBJECT_TYPE_NAME (child), child_minimum);
        }
      g_string_append_c (out, '\n');
    }
  return TRUE;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *where)
{
  const char *dir = g_getenv ("SAM_NARROW_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  const char *language = g_getenv ("LANGUAGE");
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%02u-%s-%s.png", n_stops, language != NULL ? language : "en", where);
  g_strdelimit (file, " /", '_');
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
frame_painted (gpointer n_frames)
{
  return *(guint *) n_frames >= 1;
}

/* Waits until the window has been laid out and painted twice: a widget added since
 * the last frame is mapped before it has been given its place. */
static void
wait_for_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint n_frames = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_frames);
  for (guint i = 0; i < 2; i++)
    {
      n_frames = 0;
      gtk_widget_queue_draw (window);
      test_spin_until (frame_painted, &n_frames);
      g_assert_cmpuint (n_frames, >=, 1);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* One stop: the window is still 360 × 640, and nothing in it is wider. */
static void
check_fits (SamWindow  *window,
            const char *where,
            GString    *failures)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int width;

  test_spin (10);
  wait_for_frames (GTK_WIDGET (window));
  n_stops++;
  width = gtk_widget_get_width (GTK_WIDGET (window));
  g_test_message ("%s: window %d × %d", where, width, gtk_widget_get_height (GTK_WIDGET (window)));
  if (width != WIDTH || gtk_widget_get_height (GTK_WIDGET (window)) > HEIGHT)
    {
      g_string_append_printf (failures, "%s: the window is %d × %d, not %d × %d; too wide:\n", where, width,
                              gtk_widget_get_height (GTK_WIDGET (window)), WIDTH, HEIGHT);
      find_too_wide (GTK_WIDGET (window), WIDTH, failures);
    }
  find_outside (GTK_WIDGET (window), GTK_WIDGET (window), MIN (width, WIDTH), 0.5, out);
  if (out->len > 0)
    g_string_append_printf (failures, "%s: wider than the window:\n%s", where, out->str);
  save_screenshot (GTK_WIDGET (window), where);
  /* A page that widened the window must not widen it for the next. */
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
}

static gboolean
figures_read (gpointer runner)
{
  return !sam_meeting_runner_is_loading_figures (runner);
}

static gboolean
support_complete (gpointer page)
{
  return sam_support_page_is_complete (page);
}

static void
show_section (SamWindow  *window,
              const char *name)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

  sam_window_show_section (window, name);
  /* Folded, the section is shown in place of the sidebar, as a click on it does. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  test_spin (20);
  /* Support's lower groups come in a frame after it is first shown: all of them measured. */
  if (g_str_equal (name, "support"))
    test_spin_until (support_complete, sam_window_get_section_page (window, name));
}

static gboolean
results_loaded (gpointer page)
{
  return !sam_results_page_is_loading (page);
}

static void
visit_results (SamWindow *window,
               GString   *failures)
{
  static const char *views[] = { "overview", "A", "B", "C", "D" };
  SamResultsPage *page = SAM_RESULTS_PAGE (sam_window_get_section_page (window, "results"));
  SamStore *store = sam_context_get_store (sam_window_get_context (window));
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  show_section (window, "results");
  test_spin_until (results_loaded, page);
  g_assert_true (sam_results_page_has_results (page));
  g_assert_cmpuint (rounds->len, >, 0);
  for (guint r = 0; r < rounds->len; r++)
    for (guint own = 0; own < 2; own++)
      {
        if (!sam_results_page_select (page, ((SamRound *) g_ptr_array_index (rounds, r))->id, own))
          continue;
        test_spin_until (results_loaded, page);
        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          {
            g_autofree char *where = g_strdup_printf ("results-round%u-%s-%s", r, own ? "own" : "cluster", views[v]);

            sam_results_page_show (page, views[v]);
            check_fits (window, where, failures);
          }
      }
}

static gboolean
dialog_gone (gpointer data)
{
  return test_find_toplevel (SAM_TYPE_MEETING_START_DIALOG) == NULL;
}

static GtkWidget *
runner_child (SamMeetingRunner *runner,
              const char       *name)
{
  GtkWidget *child = _sam_meeting_runner_get_part (runner, name);

  g_assert_nonnull (child);
  return child;
}

static AdwFlap *
runner_flap (SamMeetingRunner *runner)
{
  return ADW_FLAP (test_find_widget (GTK_WIDGET (runner), ADW_TYPE_FLAP));
}

static void
visit_meeting (SamWindow  *window,
               const char *template_id,
               GString    *failures)
{
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_window_get_section_page (window, "meetings"));
  SamMeetingTemplate *template = sam_meeting_template_lookup (template_id);
  SamMeetingRunner *runner;
  GtkWindow *dialog;
  GtkWidget *start;
  AdwFlap *flap;

  dialog = sam_meetings_page_ask_start (page, template_id);
  g_assert_nonnull (dialog);
  test_spin (10);
  start = test_find_button (GTK_WIDGET (dialog), dgettext (GETTEXT_PACKAGE, "_Start"));
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_is_sensitive (start));
  g_signal_emit_by_name (start, "clicked");
  test_spin_until (dialog_gone, NULL);
  g_assert_cmpstr (sam_meetings_page_get_state (page), ==, "runner");
  runner = sam_meetings_page_get_runner (page);
  _sam_meeting_runner_set_phones_listen (runner, "127.0.0.1");

  /* The list of steps folds away at this width, and opens over the step. */
  flap = runner_flap (runner);
  g_assert_nonnull (flap);
  test_spin (20);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));

  for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
    {
      const SamMeetingStep *step = sam_meeting_runner_get_step (runner);
      g_autofree char *where = g_strdup_printf ("meeting-%s-%02u-%s", template_id, i, step->id);

      /* A data review's charts, once the worker has read the figures. */
      test_spin_until (figures_read, runner);
      check_fits (window, where, failures);
      if (i == 0)
        {
          g_autofree char *steps = g_strdup_printf ("meeting-%s-steps", template_id);

          adw_flap_set_reveal_flap (flap, TRUE);
          check_fits (window, steps, failures);
          adw_flap_set_reveal_flap (flap, FALSE);
        }
      if (step->notes != SAM_MEETING_NOTES_NONE)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *notes = g_strdup_printf ("%s-notes", where);

          g_assert_true (sam_meeting_runner_add_card (runner, SAM_MEETING_CARD_GREEN,
                                                      "Vi hjælper hinanden, også når der er travlt", &error));
          g_assert_true (sam_meeting_runner_add_card (runner, SAM_MEETING_CARD_RED,
                                                      "For lidt tid til pauser", &error));
          g_assert_true (_sam_meeting_runner_open_phones (runner, TRUE, &error));
          g_assert_no_error (error);
          /* Scrolled to, for the screenshot. */
          gtk_widget_grab_focus (runner_child (runner, "card_entry"));
          check_fits (window, notes, failures);
          _sam_meeting_runner_open_phones (runner, FALSE, NULL);
        }
      if (step->kind == SAM_MEETING_STEP_DECIDE)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *decided = g_strdup_printf ("%s-decided", where);

          g_assert_true (sam_meeting_runner_add_action (runner, "Fast pause kl. 12 hver dag", "Hanne",
                                                        "2026-06-01", NULL, NULL, &error));
          g_assert_no_error (error);
          gtk_widget_grab_focus (runner_child (runner, "what_row"));
          check_fits (window, decided, failures);
        }
      if (i + 1 < sam_meeting_template_get_n_steps (template))
        sam_meeting_runner_next (runner);
    }

  sam_meeting_runner_finish (runner);
  test_spin (10);
  g_assert_cmpstr (sam_meetings_page_get_state (page), ==, "summary");
  {
    g_autofree char *where = g_strdup_printf ("meeting-%s-summary", template_id);

    check_fits (window, where, failures);
    g_signal_emit_by_name (test_find_button (GTK_WIDGET (sam_meetings_page_get_summary (page)),
                                             dgettext (GETTEXT_PACKAGE, "_Back to Meetings")), "clicked");
    test_spin (10);
    g_assert_cmpstr (sam_meetings_page_get_state (page), ==, "list");
  }
}

static void
test_every_section (void)
{
  static const char *sections[] = { "overview", "questionnaire", "plan", "reflection", "support" };
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) failures = g_string_new (NULL);
  GPtrArray *templates = sam_meeting_template_list_all ();
  g_autoptr(GError) error = NULL;
  SamWindow *window;

  /* No animations: each stop is measured where it ends. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The size the window opens at is the one it was left at. */
  g_settings_set_int (settings, "window-width", WIDTH);
  g_settings_set_int (settings, "window-height", HEIGHT);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  app = sam_application_new (NULL, TRUE);
  test_unique_application_id (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (sam_context_is_demo (sam_window_get_context (window)));

  /* Folded, the window opens on its sidebar. */
  check_fits (window, "sidebar", failures);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      show_section (window, sections[i]);
      check_fits (window, sections[i], failures);
    }
  visit_results (window, failures);

  show_section (window, "meetings");
  check_fits (window, "meetings", failures);
  for (guint t = 0; t < templates->len; t++)
    visit_meeting (window, sam_meeting_template_get_id (g_ptr_array_index (templates, t)), failures);
  check_fits (window, "meetings-after", failures);

  if (failures->len > 0)
    g_test_message ("%s", failures->str);
  g_assert_cmpstr (failures->str, ==, "");
  g_assert_cmpuint (n_stops, >, 20);
  test_destroy_windows ();
}

/* In Danish, whose words are longer: in a process of its own, as templates and the
 * instrument are translated once, when first read. */
static void
test_danish (void)
{
  if (g_test_subprocess ())
    {
      /* gtk_test_init() sets a locale of its own, in which LANGUAGE is not read; and the
       * templates are translated in the default domain, as the app sets it. */
      setlocale (LC_ALL, "");
      textdomain (GETTEXT_PACKAGE);
      g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Results"), ==, "Resultater");
      test_every_section ();
      return;
    }
  g_setenv ("LANGUAGE", "da", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/narrow-gui/english", test_every_section);
  g_test_add_func ("/narrow-gui/danish", test_danish);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
