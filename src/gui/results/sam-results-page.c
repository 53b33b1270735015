/* sam-results-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-chart-view.h"
#include "sam-deck.h"
#include "sam-dialogs.h"
#include "sam-results-charts.h"
#include "sam-results-loader.h"
#include "sam-results-print.h"
#include "sam-results-page.h"
#include "sam-results-page-private.h"
#include "sam-results-reading.h"
#include "sam-round-figures.h"

/* The Results section: a round and a view (the own clinic's, or the cluster's as anyone
 * outside a clinic sees it), an overview of the indices, and the four domains as pages
 * with each question's charts, the domain's "what do we know?" text and, for the
 * leadership team, the leadership domain read as a story.
 *
 * The figures are computed in a worker thread (half a second and more at national scale),
 * on a connection of the page's own to the store's file: the pages keep showing the last
 * figures until the new ones are there, and figures for a choice no longer made are
 * dropped. */

enum { PAGE_OVERVIEW, PAGE_A, PAGE_B, PAGE_C, PAGE_D, N_PAGES };

static const char * const page_names[N_PAGES] = { "overview", "A", "B", "C", "D" };

struct _SamResultsPage
{
  AdwBin           parent_instance;

  SamContext      *context;
  GArray          *round_ids;          /* gint64, as the round drop-down lists them */
  gint64           own_clinic_id;      /* 0 where this computer is no clinic's */
  gboolean         filling;
  gboolean         saving_deck;        /* a worker is writing the deck */
  gint64           print_pending;      /* a round just closed: print when its figures come */
  SamRoundHistory *shown;              /* the figures on the pages, or NULL */
  SamRoundFigures *figures;            /* the round's, of @shown */
  GPtrArray       *charts[N_PAGES];    /* SamChart, in page order, for printing */
  GtkBox          *boxes[N_PAGES];
  gboolean         by_value;           /* the clinics highest first, else by code */
  GtkBox          *clinic_box;         /* the clinic-by-clinic charts, on the overview */
  guint            clinic_first;       /* where they are in charts[PAGE_OVERVIEW] */

  SamResultsReader *reader;
  GCancellable    *cancellable;        /* of the load on its way: an older one is dropped */
  gboolean         loading;
  guint            updating_id;        /* shows that new figures are coming, if they take a while */
  guint            pages_to_build;     /* bit per page: still showing the last figures */
  guint            build_id;

  GtkStack        *state_stack;
  GtkDropDown     *round_dropdown;
  GtkDropDown     *view_dropdown;
  GtkWidget       *updating;
  AdwViewStack    *view_stack;
  GtkBox          *overview_box;
  GtkBox          *a_box;
  GtkBox          *b_box;
  GtkBox          *c_box;
  GtkBox          *d_box;
};

G_DEFINE_FINAL_TYPE (SamResultsPage, sam_results_page, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamResultsPage, sam_results_page)

/* The page called @name, or N_PAGES. */
static guint
page_by_name (const char *name)
{
  guint p = 0;

  while (p < N_PAGES && g_strcmp0 (name, page_names[p]) != 0)
    p++;
  return p;
}

static guint
n_units (SamRoundFigures *figures)
{
  return 1 + (sam_round_figures_find_clinic (figures, figures->own_clinic_id) != NULL) +
         figures->has_national;
}

/* Whether the page has figures to print or save, else @error set. */
static gboolean
check_figures (SamResultsPage  *self,
               GError         **error)
{
  if (self->figures != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There are no results to print"));
  return FALSE;
}

/* The figures on the pages leave the app, printed or as an exported chart: every round
 * they show (the one chosen, and those before it in the trends) is published with the k
 * it is shown at (sam_round_figures_publish ()). */
static gboolean
publish_shown (gpointer   data,
               GError   **error)
{
  SamResultsPage *self = data;

  return check_figures (self, error) &&
         sam_round_history_publish (sam_context_get_store (self->context), self->shown, error);
}

/* A view of @chart in @box, which publishes what the pages show before it is exported. */
static void
append_chart_view (SamResultsPage *self,
                   GtkBox         *box,
                   SamChart       *chart,
                   int             height)
{
  SamChartView *view = sam_chart_view_new (chart, height);

  sam_chart_view_set_gate (view, publish_shown, self, NULL);
  gtk_box_append (box, GTK_WIDGET (view));
}

static void
add_chart (SamResultsPage *self,
           guint           page,
           SamChart       *chart,
           int             height)
{
  g_autoptr(SamChart) owned = chart;

  if (chart == NULL)
    return;
  append_chart_view (self, self->boxes[page], chart, height);
  g_ptr_array_add (self->charts[page], g_steal_pointer (&owned));
}

static void
clear_page (SamResultsPage *self,
            guint           page)
{
  GtkWidget *child;

  if (page == PAGE_OVERVIEW)
    self->clinic_box = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->boxes[page]))) != NULL)
    gtk_box_remove (self->boxes[page], child);
  g_ptr_array_set_size (self->charts[page], 0);
}

static void
clear_pages (SamResultsPage *self)
{
  for (guint p = 0; p < N_PAGES; p++)
    clear_page (self, p);
}

static void
append_if (GtkBox    *box,
           GtkWidget *widget)
{
  if (widget != NULL)
    gtk_box_append (box, widget);
}

static int
comparison_height (SamRoundFigures *figures,
                   guint            n_rows)
{
  return MAX (220, 120 + n_rows * n_units (figures) * 32);
}

static void
build_domain (SamResultsPage  *self,
              guint            page,
              const SamDomain *domain)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GtkWidget *expander, *know;

  gtk_box_append (self->boxes[page], sam_results_text_label (domain->title, "title-2"));

  know = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < domain->know->len; i++)
    gtk_box_append (GTK_BOX (know),
                    sam_results_text_label (g_ptr_array_index (domain->know, i), NULL));
  expander = gtk_expander_new (_("What do we know?"));
  gtk_expander_set_child (GTK_EXPANDER (expander), know);
  gtk_box_append (self->boxes[page], expander);

  /* In the own view: where to start, and what the package offers for it; the leadership
   * domain read as a story. */
  append_if (self->boxes[page], sam_results_reading_new (self->figures, domain));
  if (page == PAGE_A)
    append_if (self->boxes[page], sam_results_story_new (self->figures));

  for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
    {
      const SamQuestion *question = sam_instrument_get_question (instrument, q);

      if (question->domain != domain)
        continue;
      add_chart (self, page, sam_results_chart_question (self->figures, question),
                 comparison_height (self->figures, question->items->len));
      add_chart (self, page, sam_results_chart_distribution (self->figures, question),
                 comparison_height (self->figures, question->items->len) + 40);
    }
}

/* The clinic-by-clinic charts, in the order chosen. Sorted by value, a withheld clinic
 * stands last, never where its hidden figure would put it. */
static void
add_clinic_charts (SamResultsPage *self)
{
  GPtrArray *history = self->shown->history;
  SamRoundFigures *previous =
    history->len >= 2 ? g_ptr_array_index (history, history->len - 2) : NULL;
  GPtrArray *charts = self->charts[PAGE_OVERVIEW];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->clinic_box))) != NULL)
    gtk_box_remove (self->clinic_box, child);
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    {
      SamChart *chart = sam_results_chart_overview_sorted (self->figures, previous, SAM_N_ITEMS + i,
                                                           self->by_value);
      guint at = self->clinic_first + i;

      /* In the page's order for printing: in place of the one shown before. */
      if (at < charts->len)
        {
          sam_chart_unref (g_ptr_array_index (charts, at));
          g_ptr_array_index (charts, at) = chart;
        }
      else
        g_ptr_array_add (charts, chart);
      append_chart_view (self, self->clinic_box, chart, 380);
    }
}

/* clinics.order ('code' or 'value'): the order buttons' action. */
static void
on_order_changed (GSimpleAction  *action,
                  GVariant       *state,
                  SamResultsPage *self)
{
  gboolean by_value = g_str_equal (g_variant_get_string (state, NULL), "value");

  g_simple_action_set_state (action, state);
  if (self->by_value == by_value || self->clinic_box == NULL)
    return;
  self->by_value = by_value;
  add_clinic_charts (self);
}

static void
add_order_row (SamResultsPage *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX
                                                                 "/ui/sam-results-order.ui");
  GtkWidget *label = GTK_WIDGET (gtk_builder_get_object (builder, "order_label"));
  GtkWidget *buttons = GTK_WIDGET (gtk_builder_get_object (builder, "order_buttons"));

  gtk_box_append (self->boxes[PAGE_OVERVIEW],
                  GTK_WIDGET (gtk_builder_get_object (builder, "order_row")));
  /* The flow box's own children take no focus. */
  gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (buttons), FALSE);
}

static void
build_overview (SamResultsPage *self)
{
  GPtrArray *history = self->shown->history;
  SamRoundFigures *previous =
    history->len >= 2 ? g_ptr_array_index (history, history->len - 2) : NULL;
  g_autofree char *intro = NULL;
  guint n_respondents = 0;

  for (guint c = 0; c < self->figures->clinics->len; c++)
    {
      const SamClinicFigures *clinic = g_ptr_array_index (self->figures->clinics, c);
      guint most = 0;

      /* The most answers any one item got is the least the clinic had respondents. */
      for (guint i = 0; i < SAM_N_ITEMS; i++)
        most = MAX (most, clinic->figures[i].n);
      n_respondents += most;
    }

  intro =
    g_strdup_printf (ngettext ("%s, %s: %u clinic. Figures from fewer than %d answers are withheld "
                               "wherever they could be seen outside the clinic they came from.",
                               "%s, %s: %u clinics. Figures from fewer than %d answers are "
                               "withheld wherever they could be seen outside the clinic they came "
                               "from.",
                               self->figures->clinics->len),
                     self->figures->cluster_name, self->figures->round_label,
                     self->figures->clinics->len, self->figures->k);
  gtk_box_append (self->boxes[PAGE_OVERVIEW], sam_results_text_label (intro, "dim-label"));
  if (self->figures->source == SAM_FIGURES_FROM_FILE)
    {
      g_autofree char *source = NULL;

      if (self->figures->source_file != NULL && *self->figures->source_file != '\0')
        source =
          g_strdup_printf (_("The cluster’s, the other clinics’ and the country’s figures are the "
                             "coordinator’s, from “%s”, taken in on %s."),
                           self->figures->source_file, self->figures->source_date);
      else
        source = g_strdup (_("The cluster’s, the other clinics’ and the country’s figures are the "
                             "coordinator’s, from the cluster’s figures file."));
      gtk_box_append (self->boxes[PAGE_OVERVIEW], sam_results_text_label (source, "dim-label"));
    }
  if (self->figures->own_changed)
    gtk_box_append (self->boxes[PAGE_OVERVIEW],
                    sam_results_text_label (_("The clinic’s answers have changed since its "
                                              "tallies went to the coordinator, so the "
                                              "cluster’s figures do not include the change."),
                                            "warning"));
  if (self->figures->clinics->len == 0 || n_respondents == 0)
    {
      gtk_box_append (self->boxes[PAGE_OVERVIEW],
                      sam_results_text_label (_("This round has no answers yet."), "title-4"));
      return;
    }

  gtk_box_append (self->boxes[PAGE_OVERVIEW], sam_results_headlines_new (self->figures, previous));
  add_chart (self, PAGE_OVERVIEW, sam_results_chart_indices (self->figures),
             comparison_height (self->figures, SAM_N_INDICES));
  add_order_row (self);
  self->clinic_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (self->boxes[PAGE_OVERVIEW], GTK_WIDGET (self->clinic_box));
  self->clinic_first = self->charts[PAGE_OVERVIEW]->len;
  add_clinic_charts (self);
  if (history->len >= 2)
    for (SamIndex i = 0; i < SAM_N_INDICES; i++)
      add_chart (self, PAGE_OVERVIEW,
                 sam_results_chart_trend (history, self->figures->own_clinic_id, SAM_N_ITEMS + i),
                 320);
  if (self->figures->own_clinic_id == 0)
    add_chart (self, PAGE_OVERVIEW, sam_results_chart_heatmap (self->figures),
               90 + (self->figures->clinics->len + 1) * 36);
}

static void
show_error (SamResultsPage *self,
            const GError   *error)
{
  g_autofree char *text = g_strdup_printf (_("The results could not be read: %s"), error->message);

  gtk_box_append (self->boxes[PAGE_OVERVIEW], sam_results_text_label (text, "error"));
}

static gboolean
own_view_chosen (SamResultsPage *self)
{
  return self->own_clinic_id != 0 && gtk_drop_down_get_selected (self->view_dropdown) == 0;
}

static void
show_updating (gpointer data)
{
  SamResultsPage *self = data;

  self->updating_id = 0;
  gtk_widget_set_visible (self->updating, TRUE);
}

static void print_when_closed (gboolean closed, gint64 round_id, gpointer user_data);

/* While new figures are on their way, the pages keep the last ones; printing and the deck
 * wait for the new, and after a moment the page says they are coming. In words, without a
 * spinner: a spinner has the window redrawn at every frame, and with a page of national
 * charts each of those frames cost tens of milliseconds. */
static void
set_loading (SamResultsPage *self,
             gboolean        loading)
{
  self->loading = loading;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print", !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.save-deck",
                                 !loading && !self->saving_deck);
  if (loading && self->updating_id == 0 && !gtk_widget_get_visible (self->updating))
    self->updating_id = g_timeout_add_once (150, show_updating, self);
  if (!loading)
    {
      g_clear_handle_id (&self->updating_id, g_source_remove);
      gtk_widget_set_visible (self->updating, FALSE);
    }
  if (!loading && self->print_pending != 0)
    print_when_closed (TRUE, self->print_pending, g_object_ref (self));
}

static void
build_page (SamResultsPage *self,
            guint           page)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  clear_page (self, page);
  if (page == PAGE_OVERVIEW)
    build_overview (self);
  else if (page - PAGE_A < sam_instrument_get_n_domains (instrument))
    build_domain (self, page, sam_instrument_get_domain (instrument, page - PAGE_A));
}

/* The pages are built one at a time, the one shown first, each in a main loop iteration of
 * its own, so that the window draws and answers in between: at national scale a page's
 * charts take tens of milliseconds to make. Until the last is built, the page is loading. */
static gboolean
build_next_page (gpointer data)
{
  SamResultsPage *self = data;
  guint shown = page_by_name (adw_view_stack_get_visible_child_name (self->view_stack));
  guint page = shown < N_PAGES && (self->pages_to_build & (1u << shown)) != 0 ? shown : N_PAGES;

  for (guint p = 0; p < N_PAGES && page == N_PAGES; p++)
    if ((self->pages_to_build & (1u << p)) != 0)
      page = p;

  if (page < N_PAGES)
    {
      self->pages_to_build &= ~(1u << page);
      build_page (self, page);
    }
  if (self->pages_to_build != 0)
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  set_loading (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Puts @history (taken) on the pages, or @error where it could not be loaded. */
static void
show_history (SamResultsPage  *self,
              SamRoundHistory *history,
              const GError    *error)
{
  g_clear_handle_id (&self->build_id, g_source_remove);
  self->pages_to_build = 0;
  g_clear_pointer (&self->shown, sam_round_history_free);
  self->shown = history;
  self->figures = history != NULL ? history->figures : NULL;

  if (history == NULL)
    {
      clear_pages (self);
      if (error != NULL)
        show_error (self, error);
      set_loading (self, FALSE);
      return;
    }

  self->pages_to_build = (1u << N_PAGES) - 1;
  if (build_next_page (self))
    self->build_id = g_idle_add (build_next_page, self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SamResultsPage) self = user_data;
  g_autoptr(SamRoundHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  history = sam_results_reader_load_finish (result, &error);
  /* Another choice was made meanwhile, or the page has gone: these figures are stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable || self->context == NULL)
    return;

  g_clear_object (&self->cancellable);
  show_history (self, g_steal_pointer (&history), error);
}

/* Loads the figures of the round and view chosen, in a worker thread. */
static void
rebuild (SamResultsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  /* What is on its way is for a choice no longer made; pages not yet built keep what
   * they show until the new figures come. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->build_id, g_source_remove);
  self->pages_to_build = 0;

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->round_ids->len)
    {
      show_history (self, NULL, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();
  sam_results_reader_load_async (self->reader, g_array_index (self->round_ids, gint64, selected),
                                 own_view_chosen (self) ? self->own_clinic_id : 0,
                                 self->cancellable, on_loaded, g_object_ref (self));
  set_loading (self, TRUE);
}

static void
on_choice_changed (SamResultsPage *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  if (!self->filling && self->context != NULL)
    rebuild (self);
}

static void
refresh (SamResultsPage *self)
{
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GtkStringList) round_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) view_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(GHashTable) clusters = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);
  gint64 previous_round =
    selected < self->round_ids->len ? g_array_index (self->round_ids, gint64, selected) : 0;
  /* The own view where there is one, unless the cluster's was chosen over it. */
  gboolean was_own = own_view_chosen (self) || self->own_clinic_id == 0;
  guint choose = GTK_INVALID_LIST_POSITION;

  rounds = sam_store_list_rounds (store, NULL);
  g_array_set_size (self->round_ids, 0);
  for (guint r = 0; rounds != NULL && r < rounds->len; r++)
    g_hash_table_add (clusters, &((SamRound *) g_ptr_array_index (rounds, r))->cluster_id);

  for (guint r = 0; rounds != NULL && r < rounds->len; r++)
    {
      SamRound *round = g_ptr_array_index (rounds, r);
      g_autofree char *name = g_hash_table_size (clusters) > 1
                              ? g_strdup_printf ("%s — %s", round->label, round->cluster_name)
                              : g_strdup (round->label);

      gtk_string_list_append (round_names, name);
      g_array_append_val (self->round_ids, round->id);
      /* The round shown before, or else the newest with answers. */
      if (round->id == previous_round || (previous_round == 0 && choose == GTK_INVALID_LIST_POSITION
                                          && sam_round_has_figures (round)))
        choose = r;
    }
  if (choose == GTK_INVALID_LIST_POSITION && self->round_ids->len > 0)
    choose = 0;

  self->own_clinic_id = sam_store_get_own_clinic (store);
  clinics = sam_store_list_clinics (store, NULL);
  for (guint c = 0; self->own_clinic_id != 0 && clinics != NULL && c < clinics->len; c++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, c);

      if (clinic->id == self->own_clinic_id)
        {
          g_autofree char *name = g_strdup_printf (_("%s’s own view"), clinic->code);

          gtk_string_list_append (view_names, name);
        }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (view_names)) == 0)
    self->own_clinic_id = 0;
  gtk_string_list_append (view_names, _("As the cluster sees it"));

  self->filling = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (round_names));
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (view_names));
  gtk_drop_down_set_selected (self->round_dropdown, choose);
  gtk_drop_down_set_selected (self->view_dropdown, self->own_clinic_id != 0 && was_own ? 0
                              : g_list_model_get_n_items (G_LIST_MODEL (view_names)) - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->view_dropdown), self->own_clinic_id != 0);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->state_stack,
                                    self->round_ids->len > 0 ? "results" : "empty");
  rebuild (self);
}

/* The print operation of the page shown: for the print dialog, or for a PDF file. */
static GtkPrintOperation *
print_operation_new (SamResultsPage *self)
{
  guint page = page_by_name (adw_view_stack_get_visible_child_name (self->view_stack));
  AdwViewStackPage *stack_page;
  g_autofree char *heading = NULL;

  if (page == N_PAGES)
    page = 0;
  stack_page =
    adw_view_stack_get_page (self->view_stack, adw_view_stack_get_visible_child (self->view_stack));

  /* Translators: the heading of a printed results page: section, cluster, round. */
  heading = g_strdup_printf (_("%s — %s, %s"), adw_view_stack_page_get_title (stack_page),
                             self->figures->cluster_name, self->figures->round_label);
  return sam_results_print_operation_new (self->charts[page], heading);
}

static void
print_when_closed (gboolean  closed,
                   gint64    round_id,
                   gpointer  user_data)
{
  g_autoptr(SamResultsPage) self = user_data;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  self->print_pending = 0;
  if (!closed || self->figures == NULL || self->figures->round_id != round_id)
    return;
  /* Just closed: the pages are read again first, for what is printed must be all the
   * round holds (set_loading () prints when they are in). */
  if (!self->figures->closed && !sam_round_figures_are_own_only (self->figures))
    {
      self->print_pending = round_id;
      return;
    }
  if (!publish_shown (self, &error))
    {
      sam_dialogs_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                         _("The Page Cannot Be Printed"), error->message);
      return;
    }
  operation = print_operation_new (self);
  sam_dialogs_print (GTK_WIDGET (self), operation, _("The page could not be printed: %s"));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamResultsPage *self = SAM_RESULTS_PAGE (widget);

  /* A printout shares the round's figures like the deck: an open round is offered closing
   * first, unless the page holds nothing but the clinic's own answers. */
  if (self->figures != NULL && sam_round_figures_are_own_only (self->figures))
    print_when_closed (TRUE, self->figures->round_id, g_object_ref (self));
  else if (self->figures != NULL)
    sam_dialogs_ask_close_round (GTK_WINDOW (gtk_widget_get_root (widget)),
                                 sam_context_get_store (self->context), self->figures->round_id,
                                 print_when_closed, g_object_ref (self));
}

/* The meeting deck: the round's slides for the cluster meeting, always as the cluster
 * sees it, whichever view is on the screen. */

static void
on_deck_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  SamResultsPage *self = SAM_RESULTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  guint pages = sam_results_page_save_deck_finish (self, result, &error);

  if (pages > 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title =
        g_strdup_printf (ngettext ("Meeting deck saved as “%s”, %u slide",
                                   "Meeting deck saved as “%s”, %u slides", pages),
                         name, pages);

      sam_dialogs_toast (GTK_WIDGET (self), title);
    }
  else
    sam_dialogs_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                       _("The Meeting Deck Could Not Be Saved"), error->message);
}

static void
on_deck_file (GFile    *file,
              gpointer  user_data)
{
  g_autoptr(SamResultsPage) self = user_data;
  g_autofree char *path = NULL;

  if (file == NULL || self->figures == NULL)
    return;
  path = g_file_get_path (file);
  sam_results_page_save_deck (self, path, on_deck_saved, g_object_ref (file));
}

static void
choose_deck_file (gboolean  closed,
                  gint64    round_id,
                  gpointer  user_data)
{
  g_autoptr(SamResultsPage) self = user_data;
  g_autofree char *name = NULL;

  if (!closed || self->figures == NULL || self->figures->round_id != round_id)
    return;
  /* Translators: the file name offered for the meeting deck; the round's name follows. */
  name = g_strdup_printf (_("Deck %s.pdf"), self->figures->round_label);
  sam_dialogs_save_file (GTK_WIDGET (self), _("Save the Meeting Deck"), NULL, name, SAM_FILES_ANY,
                         on_deck_file, g_object_ref (self));
}

static void
save_deck_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamResultsPage *self = SAM_RESULTS_PAGE (widget);

  if (self->figures == NULL)
    return;
  /* The deck shares the round's figures: an open round is offered closing first. */
  sam_dialogs_ask_close_round (GTK_WINDOW (gtk_widget_get_root (widget)),
                               sam_context_get_store (self->context), self->figures->round_id,
                               choose_deck_file, g_object_ref (self));
}

/* Overrides */

static void
sam_results_page_dispose (GObject *object)
{
  SamResultsPage *self = SAM_RESULTS_PAGE (object);

  /* A load on its way finds the page gone, and its figures are dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->updating_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_pointer (&self->reader, sam_results_reader_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_RESULTS_PAGE);
  g_clear_object (&self->context);
  self->figures = NULL;
  g_clear_pointer (&self->shown, sam_round_history_free);
  g_clear_pointer (&self->round_ids, g_array_unref);
  for (guint p = 0; p < N_PAGES; p++)
    g_clear_pointer (&self->charts[p], g_ptr_array_unref);

  G_OBJECT_CLASS (sam_results_page_parent_class)->dispose (object);
}

static void
sam_results_page_constructed (GObject *object)
{
  SamResultsPage *self = (SamResultsPage *) object;
  SamContext *context = self->context;

  G_OBJECT_CLASS (sam_results_page_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  g_clear_pointer (&self->reader, sam_results_reader_unref);
  self->reader = sam_results_reader_new (sam_store_get_path (sam_context_get_store (context)));
  sam_context_follow_store (GTK_WIDGET (self), context, G_CALLBACK (refresh));
  refresh (self);
}

static void
sam_results_page_class_init (SamResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_results_page_constructed;
  object_class->dispose = sam_results_page_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_results_page);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, updating);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, a_box);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, b_box);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, c_box);
  gtk_widget_class_bind_template_child (widget_class, SamResultsPage, d_box);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);

  gtk_widget_class_install_action (widget_class, "results.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "results.save-deck", NULL, save_deck_action);

  g_type_ensure (SAM_TYPE_CHART_VIEW);
}

static void
sam_results_page_init (SamResultsPage *self)
{
  g_autoptr(GSimpleActionGroup) clinics = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) order = g_simple_action_new_stateful ("order", G_VARIANT_TYPE_STRING,
                                                                g_variant_new_string ("code"));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (order, "change-state", G_CALLBACK (on_order_changed), self, 0);
  g_action_map_add_action (G_ACTION_MAP (clinics), G_ACTION (order));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "clinics", G_ACTION_GROUP (clinics));
  self->boxes[PAGE_OVERVIEW] = self->overview_box;
  self->boxes[PAGE_A] = self->a_box;
  self->boxes[PAGE_B] = self->b_box;
  self->boxes[PAGE_C] = self->c_box;
  self->boxes[PAGE_D] = self->d_box;
  for (guint p = 0; p < N_PAGES; p++)
    self->charts[p] = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_chart_unref);
}

/* Public API */

SamResultsPage *
sam_results_page_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_RESULTS_PAGE, "context", context, NULL);
}

gboolean
sam_results_page_has_results (SamResultsPage *self)
{
  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), FALSE);
  return self->figures != NULL;
}

/**
 * sam_results_page_is_loading:
 *
 * Returns: whether new figures are on their way; until they come, the pages show the
 *   last ones
 */
gboolean
sam_results_page_is_loading (SamResultsPage *self)
{
  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), FALSE);
  return self->loading;
}

void
sam_results_page_show (SamResultsPage *self,
                       const char     *page)
{
  g_return_if_fail (SAM_IS_RESULTS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

/**
 * sam_results_page_get_charts:
 * @page: "overview", "A", "B", "C" or "D"
 *
 * Returns: (transfer none) (element-type SamChart): the page's charts in order
 */
GPtrArray *
sam_results_page_get_charts (SamResultsPage *self,
                             const char     *page)
{
  guint p = page_by_name (page);

  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), NULL);

  return p < N_PAGES ? self->charts[p] : NULL;
}

/**
 * sam_results_page_get_page_box:
 *
 * Returns: (transfer none): the column that holds a page's texts and charts
 */
GtkWidget *
sam_results_page_get_page_box (SamResultsPage *self,
                               const char     *page)
{
  guint p = page_by_name (page);

  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), NULL);

  return p < N_PAGES ? GTK_WIDGET (self->boxes[p]) : NULL;
}

/**
 * sam_results_page_select:
 * @own_view: the own clinic's view where there is one, else the cluster's
 *
 * Returns: %FALSE where there is no such round
 */
gboolean
sam_results_page_select (SamResultsPage *self,
                         gint64          round_id,
                         gboolean        own_view)
{
  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), FALSE);

  for (guint r = 0; r < self->round_ids->len; r++)
    {
      GListModel *views = gtk_drop_down_get_model (self->view_dropdown);

      if (g_array_index (self->round_ids, gint64, r) != round_id)
        continue;
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->round_dropdown, r);
      gtk_drop_down_set_selected (self->view_dropdown, own_view && self->own_clinic_id != 0 ? 0
                                  : g_list_model_get_n_items (views) - 1);
      self->filling = FALSE;
      rebuild (self);
      return TRUE;
    }
  return FALSE;
}

/**
 * sam_results_page_print_to_file:
 * @path: where the PDF goes
 *
 * Prints the page shown to a PDF file, as the print dialog's "Print to File" would.
 */
gboolean
sam_results_page_print_to_file (SamResultsPage  *self,
                                const char      *path,
                                GError         **error)
{
  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), FALSE);

  return publish_shown (self, error) &&
         sam_dialogs_print_to_file (print_operation_new (self), path, error);
}

/* The worker's deck: the page's task returns it, and the deck can be asked for again. */
static void
on_deck_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SamResultsPage *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint pages = sam_results_reader_deck_finish (result, &error);

  self->saving_deck = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.save-deck", !self->loading);
  if (pages == 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, GUINT_TO_POINTER (pages), NULL);
}

/**
 * sam_results_page_save_deck:
 *
 * Writes the meeting deck of the round shown, in the cluster's view, in a worker thread;
 * finish with sam_results_page_save_deck_finish(). The deck action is off meanwhile.
 */
void
sam_results_page_save_deck (SamResultsPage      *self,
                            const char          *path,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (SAM_IS_RESULTS_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sam_results_page_save_deck);
  if (!check_figures (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->saving_deck = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.save-deck", FALSE);
  sam_results_reader_deck_async (self->reader, self->figures->round_id, path, NULL, on_deck_done,
                                 g_steal_pointer (&task));
}

/* Returns: the slides written, or 0 with @error set */
guint
sam_results_page_save_deck_finish (SamResultsPage  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (SAM_IS_RESULTS_PAGE (self), 0);

  return GPOINTER_TO_UINT (g_task_propagate_pointer (G_TASK (result), error));
}
