/* test-results-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-chart-overview.h"
#include "sam-chart-view.h"
#include "sam-chart-view-private.h"
#include "sam-demo.h"
#include "sam-results-charts.h"
#include "sam-results-page.h"
#include "sam-results-page-private.h"
#include "test-gui-common.h"
#include "test-window-common.h"

/* The Results section on the demo data: the pages and their charts, what a screen reader
 * is told, the tables, the keyboard, the own clinic's view and withheld figures. */

static char *tmpdir;

typedef struct
{
  SamStore       *store;
  SamContext     *context;
  GtkWindow      *window;
  SamResultsPage *page;
} Fixture;

static gboolean
page_loaded (gpointer page)
{
  return !sam_results_page_is_loading (page);
}

/* The figures are computed in a worker thread: wait until they are on the page. */
static void
wait_for_results (SamResultsPage *page)
{
  test_spin_until (page_loaded, page);
  g_assert_false (sam_results_page_is_loading (page));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* "empty": a database without data; another name: the demo, new, in a file of that
   * name; none: the demo that the tests share. */
  gboolean empty = g_strcmp0 (data, "empty") == 0;
  g_autofree char *name = g_strdup_printf ("%s.db", data != NULL ? (const char *) data : "demo");
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  fixture->store = empty ? sam_store_new (path, &error) : sam_demo_open (path, &error);
  g_assert_no_error (error);
  fixture->context = sam_context_new (fixture->store, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 800);
  fixture->page = sam_results_page_new (fixture->context);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wait_for_results (fixture->page);
  test_spin (30);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  test_spin (10);
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->store);
}

static void
collect_views (GtkWidget *widget,
               GPtrArray *views)
{
  if (SAM_IS_CHART_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_views (child, views);
}

static GPtrArray *
chart_views (Fixture    *fixture,
             const char *page)
{
  GPtrArray *views = g_ptr_array_new ();

  collect_views (sam_results_page_get_page_box (fixture->page, page), views);
  return views;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  /* A closed expander holds its child out of the widget tree. */
  if (GTK_IS_EXPANDER (widget) && has_label (gtk_expander_get_child (GTK_EXPANDER (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gint64
newest_round_id (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  /* Newest first: the round the page shows. */
  return ((SamRound *) g_ptr_array_index (rounds, 0))->id;
}

static const char *
cluster_name (Fixture *fixture)
{
  static char name[128];
  g_autoptr(GPtrArray) clusters = sam_store_list_clusters (fixture->store, NULL);

  g_strlcpy (name, ((SamCluster *) g_ptr_array_index (clusters, 0))->name, sizeof name);
  return name;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *state = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SAM_TYPE_RESULTS_PAGE,
                                                               "state_stack"));

  g_assert_false (sam_results_page_has_results (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (state), ==, "empty");
}

/* The coordinator's view: every page has its charts, each described in words with the
 * cluster's figures, and the heatmap of the clinics. */
static void
test_cluster_view (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *pages[] = { "overview", "A", "B", "C", "D" };
  /* Charts per page: the indices, three clinic-by-clinic, three trends (the demo has two
   * rounds) and the heatmap; then two charts (items, answers) per question. */
  const guint expected[] = { 8, 8, 4, 2, 6 };
  GtkDropDown *view;

  g_assert_true (sam_results_page_has_results (fixture->page));
  view = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SAM_TYPE_RESULTS_PAGE,
                                                       "view_dropdown"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GPtrArray) views = chart_views (fixture, pages[p]);

      g_assert_cmpuint (views->len, ==, expected[p]);
      g_assert_cmpuint (sam_results_page_get_charts (fixture->page, pages[p])->len, ==, expected[p]);
      for (guint v = 0; v < views->len; v++)
        {
          const char *text = sam_chart_view_get_description (g_ptr_array_index (views, v));

          g_assert_nonnull (text);
          if (strlen (text) <= 40)
            g_test_message ("%s %u: %s", pages[p], v, text);
          g_assert_cmpuint (strlen (text), >, 40);
          /* Each names the cluster (the clinic-by-clinic chart as its mean line) and
           * gives figures. */
          g_assert_true (strstr (text, cluster_name (fixture)) != NULL || strstr (text, "Cluster mean") != NULL);
          g_assert_true (g_regex_match_simple ("[0-9]+\\.[0-9]", text, 0, 0));
        }
    }

  /* Only the coordinator sees the clinics against the indices. */
  {
    GPtrArray *charts = sam_results_page_get_charts (fixture->page, "overview");

    g_assert_cmpstr (sam_chart_get_kind_name (g_ptr_array_index (charts, charts->len - 1)), ==, "heatmap");
  }
  /* The domains carry the package's "what do we know?" texts; no story in this view. */
  g_assert_true (has_label (sam_results_page_get_page_box (fixture->page, "A"), "It takes leadership to define goals"));
  g_assert_false (has_label (sam_results_page_get_page_box (fixture->page, "A"), "Your Leadership at a Glance"));
}

/* The table view holds the same numbers as the chart. */
static void
test_table_view (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) views = chart_views (fixture, "A");
  SamChartView *first = g_ptr_array_index (views, 0);
  g_autoptr(SamChartTable) table = sam_chart_table (sam_chart_view_get_chart (first));
  GtkGrid *grid = GTK_GRID (sam_chart_view_get_table (first));
  char **row;

  sam_results_page_show (fixture->page, "A");
  test_spin (10);
  g_assert_false (sam_chart_view_get_show_table (first));
  sam_chart_view_set_show_table (first, TRUE);
  test_spin (5);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (grid)));
  g_assert_cmpuint (table->rows->len, >, 0);
  g_assert_cmpuint (table->columns->len, >=, 3);
  for (guint c = 0; c < table->columns->len; c++)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, c, 0))), ==,
                     g_ptr_array_index (table->columns, c));
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  for (guint c = 0; c < table->columns->len; c++)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, c, table->rows->len))), ==, row[c]);
  /* A number of the chart's description stands in the table too. */
  g_assert_nonnull (strstr (sam_chart_view_get_description (first), row[1]));

  sam_chart_view_set_show_table (first, FALSE);
  test_spin (5);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (grid)));
}

static gboolean
press (GtkWidget *area,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (area);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The arrow keys walk the marks and show each one's exact figures under the chart. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) views = chart_views (fixture, "overview");
  SamChartView *view = g_ptr_array_index (views, 0);
  GtkWidget *area = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (view), SAM_TYPE_CHART_VIEW, "area");
  g_autofree char *first = NULL;

  sam_results_page_show (fixture->page, "overview");
  test_spin (20);
  g_assert_true (gtk_widget_get_focusable (area));
  gtk_widget_grab_focus (area);
  test_spin (5);
  g_assert_cmpint (sam_chart_view_get_focus_mark (view), ==, 0);
  first = g_strdup (sam_chart_view_get_focus_text (view));
  g_assert_nonnull (strstr (first, cluster_name (fixture)));

  g_assert_true (press (area, GDK_KEY_Right));
  g_assert_cmpint (sam_chart_view_get_focus_mark (view), ==, 1);
  g_assert_cmpstr (sam_chart_view_get_focus_text (view), !=, first);
  g_assert_true (press (area, GDK_KEY_Left));
  g_assert_cmpstr (sam_chart_view_get_focus_text (view), ==, first);
  g_assert_true (press (area, GDK_KEY_End));
  g_assert_cmpint (sam_chart_view_get_focus_mark (view), >, 1);
  g_assert_false (press (area, GDK_KEY_a));
}

/* A clinic's own computer: its own view, the leadership story, no heatmap. */

/* Saves the deck as the button does, in a worker, and waits for it. */
static guint
save_deck (SamResultsPage  *page,
           const char      *path,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sam_results_page_save_deck (page, path, test_on_result, &result);
  test_spin_until (test_is_set, &result);
  g_assert_nonnull (result);
  return sam_results_page_save_deck_finish (page, result, error);
}

static void
test_own_view (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) clinics = sam_store_list_clinics (fixture->store, NULL);
  SamClinic *own = g_ptr_array_index (clinics, 0);
  g_autoptr(GPtrArray) views = NULL;
  GtkDropDown *view;
  GPtrArray *charts;

  g_assert_true (sam_store_set_own_clinic (fixture->store, own->id, NULL));
  wait_for_results (fixture->page);
  test_spin (5);
  view = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SAM_TYPE_RESULTS_PAGE,
                                                       "view_dropdown"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_cmpuint (gtk_drop_down_get_selected (view), ==, 0);

  g_assert_true (has_label (sam_results_page_get_page_box (fixture->page, "A"), "Your Leadership at a Glance"));
  charts = sam_results_page_get_charts (fixture->page, "overview");
  for (guint c = 0; c < charts->len; c++)
    g_assert_cmpstr (sam_chart_get_kind_name (g_ptr_array_index (charts, c)), !=, "heatmap");
  views = chart_views (fixture, "A");
  g_assert_nonnull (strstr (sam_chart_view_get_description (g_ptr_array_index (views, 0)), own->code));

  /* The meeting deck is for the whole cluster: saved from the own view, it holds the
   * cluster's figures all the same, the own clinic's small figures withheld. */
  {
    g_autofree char *path = g_build_filename (tmpdir, "deck.pdf", NULL);
    g_autoptr(GError) error = NULL;
    guint pages = 0;

    /* The round is open: the deck shares its figures, so not yet. */
    pages = save_deck (fixture->page, path, &error);
    g_assert_cmpuint (pages, ==, 0);
    g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (sam_store_set_round_closed (fixture->store, newest_round_id (fixture->store), TRUE, &error));
    pages = save_deck (fixture->page, path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pages, ==, 30);
  }

  /* And back to the cluster's view. */
  gtk_drop_down_set_selected (view, 1);
  wait_for_results (fixture->page);
  test_spin (5);
  g_assert_false (has_label (sam_results_page_get_page_box (fixture->page, "A"), "Your Leadership at a Glance"));
}

/* With a minimum group larger than any clinic, every clinic's figure is withheld, and the
 * charts say so. */
static void
test_withheld (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) views = NULL;
  const char *text;

  g_assert_true (sam_store_set_min_group_size (fixture->store, 10, NULL));
  wait_for_results (fixture->page);
  test_spin (5);
  views = chart_views (fixture, "overview");
  /* The clinic-by-clinic chart of the leadership index. */
  text = sam_chart_view_get_description (g_ptr_array_index (views, 1));
  g_assert_nonnull (strstr (text, "withheld"));
  g_assert_nonnull (strstr (text, "10"));
}

/* The figures come from a worker thread: while new ones are on their way the pages keep
 * the last; of two choices in quick succession only the second is shown. */
static void
test_switch_rounds (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (fixture->store, NULL);
  SamRound *newest = g_ptr_array_index (rounds, 0);
  SamRound *earlier = g_ptr_array_index (rounds, 1);
  GtkWidget *overview = sam_results_page_get_page_box (fixture->page, "overview");
  g_autofree char *newest_intro = g_strdup_printf ("%s, %s:", cluster_name (fixture), newest->label);
  g_autofree char *earlier_intro = g_strdup_printf ("%s, %s:", cluster_name (fixture), earlier->label);
  guint n_charts = sam_results_page_get_charts (fixture->page, "overview")->len;

  g_assert_true (has_label (overview, newest_intro));

  g_assert_true (sam_results_page_select (fixture->page, earlier->id, FALSE));
  g_assert_true (sam_results_page_is_loading (fixture->page));
  g_assert_true (sam_results_page_has_results (fixture->page));
  g_assert_true (has_label (overview, newest_intro));
  g_assert_cmpuint (sam_results_page_get_charts (fixture->page, "overview")->len, ==, n_charts);
  wait_for_results (fixture->page);
  g_assert_true (has_label (overview, earlier_intro));
  g_assert_false (has_label (overview, newest_intro));

  /* What the pages showed is gone with them: every chart view of the round before is
   * finalized, nothing keeps it alive, so switching rounds does not grow the memory. */
  {
    static const char * const pages[] = { "overview", "A", "B", "C", "D" };
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    g_autofree gpointer *weak = NULL;

    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      collect_views (sam_results_page_get_page_box (fixture->page, pages[p]), views);
    g_assert_cmpuint (views->len, >, 20);
    weak = g_new0 (gpointer, views->len);
    for (guint i = 0; i < views->len; i++)
      g_set_weak_pointer (&weak[i], g_ptr_array_index (views, i));
    g_assert_true (sam_results_page_select (fixture->page, newest->id, FALSE));
    wait_for_results (fixture->page);
    test_spin (20);
    for (guint i = 0; i < views->len; i++)
      g_assert_null (weak[i]);
    g_assert_true (sam_results_page_select (fixture->page, earlier->id, FALSE));
    wait_for_results (fixture->page);
  }

  /* The earlier round, then at once the newest again: the newest is shown, and stays. */
  g_assert_true (sam_results_page_select (fixture->page, earlier->id, FALSE));
  g_assert_true (sam_results_page_select (fixture->page, newest->id, FALSE));
  wait_for_results (fixture->page);
  test_spin (20);
  g_assert_true (has_label (overview, newest_intro));
  g_assert_false (has_label (overview, earlier_intro));
  g_assert_false (sam_results_page_is_loading (fixture->page));
}

/* A page prints two charts a sheet, each with its title, through the same operation as
 * the print dialog. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "leadership.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *pdf;
  gsize size;
  guint pages = 0;

  sam_results_page_show (fixture->page, "A");
  test_spin (5);
  g_assert_true (sam_results_page_print_to_file (fixture->page, path, &error));
  g_assert_no_error (error);
  bytes = test_read_file (path);
  pdf = g_bytes_get_data (bytes, &size);
  g_assert_true (size > 4 && memcmp (pdf, "%PDF", 4) == 0);
  /* The PDF is binary (compressed streams), so search bytes, not a string. */
  for (gsize i = 0; i + 12 < size; i++)
    if (memcmp (pdf + i, "/Type /Page", 11) == 0 && pdf[i + 11] != 's')
      pages++;
  /* Eight charts in the leadership domain: four sheets. */
  g_assert_cmpuint (pages, ==, 4);
}

/* Printed or exported, the page's figures leave the app (instrument contract, "One
 * publication a round"): not while the round is open, as the cluster sees it on the
 * coordinator's computer; once it is closed, with its k fixed, so that it is not reopened
 * for late answers and nothing is shared at another k. */
static void
test_print_publishes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "published.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(SamRound) round = NULL;
  gint64 round_id = newest_round_id (fixture->store);
  GtkWindow *alert;

  g_assert_false (sam_results_page_print_to_file (fixture->page, path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "still open"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A chart's Export says why instead of offering a file. */
  views = chart_views (fixture, "overview");
  g_assert_cmpuint (views->len, >, 0);
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (views, 0), "chart.export", "s",
                                             "png"));
  test_spin (5);
  alert = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (alert);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (alert)), ==,
                   "The Chart Cannot Be Exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert)), "still open"));
  gtk_window_destroy (alert);
  round = sam_store_get_round (fixture->store, round_id, &error);
  g_assert_cmpint (round->published_k, ==, 0);
  g_clear_pointer (&round, sam_round_free);

  g_assert_true (sam_store_set_round_closed (fixture->store, round_id, TRUE, &error));
  /* The pages read while it was open are not printed: they are read again first. */
  if (sam_results_page_is_loading (fixture->page))
    {
      g_assert_false (sam_results_page_print_to_file (fixture->page, path, &error));
      g_assert_nonnull (strstr (error->message, "were read while it was open"));
      g_clear_error (&error);
    }
  test_spin (5);
  wait_for_results (fixture->page);
  g_assert_true (sam_results_page_print_to_file (fixture->page, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  round = sam_store_get_round (fixture->store, round_id, &error);
  g_assert_cmpint (round->published_k, ==, 3);
  g_assert_false (sam_store_set_round_closed (fixture->store, round_id, FALSE, &error));
}

/* The first widget under @widget named @name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
all_text (GtkWidget *widget,
          GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    all_text (child, text);
}

static gboolean
toggle_is_active (gpointer button)
{
  return gtk_toggle_button_get_active (button);
}

static gboolean
widget_is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
string_is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
has_focusable (GtkWidget *widget)
{
  if (gtk_widget_get_focusable (widget) && !GTK_IS_LABEL (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_focusable (child))
      return TRUE;
  return FALSE;
}

static SamClinic *
make_own_clinic (Fixture *fixture)
{
  g_autoptr(GPtrArray) clinics = sam_store_list_clinics (fixture->store, NULL);
  SamClinic *own = g_ptr_array_steal_index (clinics, 0);

  g_assert_true (sam_store_set_own_clinic (fixture->store, own->id, NULL));
  wait_for_results (fixture->page);
  test_spin (5);
  return own;
}

/* The clinics by value: highest first, the withheld last, the own clinic still marked;
 * the keyboard walks them in that order. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SamClinic) own = make_own_clinic (fixture);
  GtkWidget *overview = sam_results_page_get_page_box (fixture->page, "overview");
  GtkWidget *by_value = find_named (overview, "order-by-value");
  GtkWidget *by_code = find_named (overview, "order-by-code");
  GPtrArray *charts = sam_results_page_get_charts (fixture->page, "overview");
  guint n_charts = charts->len;
  guint n_sorted = 0;

  sam_results_page_show (fixture->page, "overview");
  test_spin (10);
  g_assert_nonnull (by_value);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (by_code)));
  g_assert_true (gtk_widget_get_focusable (by_value));
  gtk_widget_grab_focus (by_value);
  /* As Space does: the button is pressed, and clicked a moment later. */
  g_assert_true (gtk_widget_activate (by_value));
  test_spin_until (toggle_is_active, by_value);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (by_value)));
  /* The same charts, in place, for the page and its print-out. */
  g_assert_cmpuint (charts->len, ==, n_charts);
  /* The window's focus, whether or not the display has made the window active. */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (by_value)) == by_value);

  for (guint c = 0; c < charts->len; c++)
    {
      SamChart *chart = g_ptr_array_index (charts, c);
      const SamOverviewData *bars;
      gboolean own_marked = FALSE, withheld_seen = FALSE;
      double last = G_MAXDOUBLE;

      if (!g_str_equal (sam_chart_get_kind_name (chart), "overview"))
        continue;
      n_sorted++;
      g_assert_nonnull (strstr (sam_chart_get_title (chart), "highest first"));
      bars = sam_chart_get_data (chart);
      for (guint b = 0; b < bars->n_bars; b++)
        {
          const SamFigure *figure = &bars->bars[b].figures[bars->n_rounds - 1];
          gboolean shown = figure->withheld == SAM_WITHHELD_NONE && figure->n > 0;

          if (bars->bars[b].own)
            {
              g_assert_cmpstr (bars->bars[b].code, ==, own->code);
              own_marked = TRUE;
            }
          if (!shown)
            withheld_seen = TRUE;
          else
            {
              /* Never a shown figure after one that is not. */
              g_assert_false (withheld_seen);
              g_assert_cmpfloat (figure->mean, <=, last);
              last = figure->mean;
            }
        }
      g_assert_true (own_marked);
    }
  g_assert_cmpuint (n_sorted, ==, 3);

  /* The keyboard starts at the highest clinic. */
  {
    g_autoptr(GPtrArray) views = chart_views (fixture, "overview");
    SamChartView *view = NULL;
    GtkWidget *area;
    const SamOverviewData *bars;

    for (guint v = 0; v < views->len && view == NULL; v++)
      if (g_str_equal (sam_chart_get_kind_name (sam_chart_view_get_chart (g_ptr_array_index (views, v))), "overview"))
        view = g_ptr_array_index (views, v);
    g_assert_nonnull (view);
    bars = sam_chart_get_data (sam_chart_view_get_chart (view));
    area = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (view), SAM_TYPE_CHART_VIEW, "area");
    test_spin_until (widget_is_drawn, area);
    g_assert_true (gtk_widget_grab_focus (area));
    test_spin (10);
    g_assert_cmpint (sam_chart_view_get_focus_mark (view), ==, 0);
    g_assert_nonnull (strstr (sam_chart_view_get_focus_text (view), bars->bars[0].code));
    g_assert_true (press (area, GDK_KEY_End));
    g_assert_cmpint (sam_chart_view_get_focus_mark (view), >, 0);
  }

  /* Back by code. */
  g_assert_true (gtk_widget_activate (by_code));
  test_spin_until (toggle_is_active, by_code);
  g_assert_null (strstr (sam_chart_get_title (g_ptr_array_index (charts, 1)), "highest first"));
}

/* The headline: each index's figure and its change since the round before. */
static void
test_headlines (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *headlines = find_named (sam_results_page_get_page_box (fixture->page, "overview"), "headlines");
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (fixture->store, NULL);
  g_autoptr(SamRoundHistory) history = NULL;
  SamRoundFigures *previous;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (headlines);
  history = sam_round_history_load (fixture->store, newest_round_id (fixture->store), NULL, NULL, &error);
  g_assert_no_error (error);
  previous = g_ptr_array_index (history->history, history->history->len - 2);
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    {
      guint slot = SAM_N_ITEMS + i;
      g_autofree char *value = g_strdup_printf ("%.1f", history->figures->cluster[slot].mean);
      double change = history->figures->cluster[slot].mean - previous->cluster[slot].mean;
      g_autofree char *since = g_strdup_printf ("%s %.1f since %s", change > 0 ? "Up" : "Down", ABS (change),
                                                previous->round_label);

      g_assert_true (has_label (headlines, sam_results_index_label (i)));
      g_assert_true (has_label (headlines, value));
      g_assert_true (has_label (headlines, since));
    }
  /* The cards are read, not stops for the keyboard. */
  g_assert_false (has_focusable (headlines));
}

static void
on_start_meeting (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  char **started = user_data;

  g_free (*started);
  *started = g_variant_dup_string (parameter, NULL);
}

/* Where to start, in the own view: the clinic's strongest and weakest items, and the
 * praksispakke for it started from there, through the window's action. */
static void
test_where_to_start (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SamClinic) own = make_own_clinic (fixture);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) start = g_simple_action_new ("start-meeting", G_VARIANT_TYPE_STRING);
  g_autofree char *started = NULL;
  GtkWidget *reading, *button;

  g_signal_connect (start, "activate", G_CALLBACK (on_start_meeting), &started);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (start));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  for (const char *const *page = (const char *const[]) { "A", "B", "C", "D", NULL }; *page; page++)
    {
      reading = find_named (sam_results_page_get_page_box (fixture->page, *page), "reading");
      g_assert_nonnull (reading);
      g_assert_true (has_label (reading, "Where to Start"));
      g_assert_true (has_label (reading, "Reflection questions"));
      /* No item code, no question number: the items by their words. */
      {
        g_autoptr(GString) text = g_string_new (NULL);

        all_text (reading, text);
        g_test_message ("%s: %s", *page, text->str);
        g_assert_cmpuint (text->len, >, 100);
        g_assert_false (g_regex_match_simple ("\\bq[0-9]+[a-h]?\\b|Question [0-9]", text->str, 0, 0));
      }
    }
  g_assert_true (has_label (find_named (sam_results_page_get_page_box (fixture->page, "A"), "reading"), "Where you do well: “"));
  g_assert_true (has_label (find_named (sam_results_page_get_page_box (fixture->page, "A"), "reading"), "Where there is most room: “"));
  /* Collegial support has no praksispakke of its own: none is offered. */
  g_assert_null (find_named (find_named (sam_results_page_get_page_box (fixture->page, "D"), "reading"), "start-meeting"));

  sam_results_page_show (fixture->page, "A");
  test_spin (10);
  reading = find_named (sam_results_page_get_page_box (fixture->page, "A"), "reading");
  button = find_named (reading, "start-meeting");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_activate (button));
  test_spin_until (string_is_set, &started);
  g_assert_cmpstr (started, ==, "doctors-leadership");

  /* The cluster's view reads no clinic. */
  {
    GtkDropDown *view = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SAM_TYPE_RESULTS_PAGE,
                                                                      "view_dropdown"));

    gtk_drop_down_set_selected (view, 1);
    wait_for_results (fixture->page);
    test_spin (5);
    g_assert_null (find_named (sam_results_page_get_page_box (fixture->page, "A"), "reading"));
  }
}

int
main (int   argc,
      char *argv[])
{
  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add ("/results/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/results/cluster-view", Fixture, NULL, fixture_set_up, test_cluster_view, fixture_tear_down);
  g_test_add ("/results/table-view", Fixture, NULL, fixture_set_up, test_table_view, fixture_tear_down);
  g_test_add ("/results/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/results/own-view", Fixture, NULL, fixture_set_up, test_own_view, fixture_tear_down);
  g_test_add ("/results/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/results/print-publishes", Fixture, "print-publishes", fixture_set_up, test_print_publishes,
              fixture_tear_down);
  g_test_add ("/results/switch-rounds", Fixture, NULL, fixture_set_up, test_switch_rounds, fixture_tear_down);
  g_test_add ("/results/withheld", Fixture, NULL, fixture_set_up, test_withheld, fixture_tear_down);
  g_test_add ("/results/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/results/headlines", Fixture, NULL, fixture_set_up, test_headlines, fixture_tear_down);
  g_test_add ("/results/where-to-start", Fixture, NULL, fixture_set_up, test_where_to_start, fixture_tear_down);

  return g_test_run ();
}
