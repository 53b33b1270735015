/* sam-meeting-charts.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-view.h"
#include "sam-dialogs.h"
#include "sam-instrument.h"
#include "sam-meeting-charts.h"
#include "sam-meetings-private.h"
#include "sam-results-charts.h"
#include "sam-results-loader.h"
#include "sam-round-figures.h"

/* The charts of a meeting's data reviews, for the runner and the projector alike, so the
 * two agree: the figures of the newest round of the meeting's cluster.
 *
 * They are read in a worker thread as soon as the meeting is set (at national scale a
 * round's figures take 60–100 ms, too long for the window to stand still), usually long
 * before the first data review; a data review shown before they are in says it is reading
 * them, and the charts object fills it when they come. Whoever needs them at once (the
 * projector, the question whether the round may be shown) reads them on the spot. */

struct _SamMeetingCharts
{
  GObject           parent_instance;

  SamStore         *store;
  SamResultsReader *reader;
  GCancellable     *loading;       /* the worker's load under way, or NULL */
  gint64            clinic_id;
  gint64            cluster_id;
  SamRoundFigures  *figures;       /* the newest round of the meeting's cluster */
  gboolean          figures_loaded;
  GtkBox           *waiting_box;   /* a data review shown before they came, to fill then */
  const SamMeetingStep *waiting_step;
};

G_DEFINE_FINAL_TYPE (SamMeetingCharts, sam_meeting_charts, G_TYPE_OBJECT)

static void
forget_waiting (SamMeetingCharts *self)
{
  g_clear_weak_pointer (&self->waiting_box);
  self->waiting_step = NULL;
}

static void
forget_figures (SamMeetingCharts *self)
{
  forget_waiting (self);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->figures, sam_round_figures_free);
  self->figures_loaded = FALSE;
}

static void
sam_meeting_charts_finalize (GObject *object)
{
  SamMeetingCharts *self = SAM_MEETING_CHARTS (object);

  forget_figures (self);
  g_clear_pointer (&self->reader, sam_results_reader_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sam_meeting_charts_parent_class)->finalize (object);
}

static void
sam_meeting_charts_class_init (SamMeetingChartsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_meeting_charts_finalize;
}

static void
sam_meeting_charts_init (SamMeetingCharts *self)
{
}

SamMeetingCharts *
sam_meeting_charts_new (void)
{
  return g_object_new (SAM_TYPE_MEETING_CHARTS, NULL);
}

static void
on_figures_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SamMeetingCharts) self = user_data;
  g_autoptr(GError) error = NULL;
  SamRoundFigures *figures = sam_results_reader_newest_finish (result, &error);

  /* Another meeting, or read on the spot meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->loading)
    {
      g_clear_pointer (&figures, sam_round_figures_free);
      return;
    }
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not read the meeting's figures: %s", error->message);
  g_clear_object (&self->loading);
  self->figures = figures;
  self->figures_loaded = TRUE;
  /* The data review shown meanwhile gets its charts. */
  if (self->waiting_box != NULL)
    {
      g_autoptr(GtkBox) box = g_object_ref (self->waiting_box);

      sam_meeting_charts_show (self, box, self->waiting_step);
    }
}

/* The meeting whose round the charts show; its figures are read again, in a worker. */
void
sam_meeting_charts_set_meeting (SamMeetingCharts *self,
                                SamStore         *store,
                                const SamMeeting *meeting)
{
  g_return_if_fail (SAM_IS_MEETING_CHARTS (self));

  forget_figures (self);
  if (store != self->store)
    {
      g_clear_pointer (&self->reader, sam_results_reader_unref);
      g_set_object (&self->store, store);
    }
  self->clinic_id = meeting->clinic_id;
  self->cluster_id = meeting->cluster_id;
  if (self->store == NULL)
    return;
  if (self->reader == NULL)
    self->reader = sam_results_reader_new (sam_store_get_path (self->store));
  self->loading = g_cancellable_new ();
  sam_results_reader_newest_async (self->reader, self->cluster_id, self->clinic_id,
                                   self->loading, on_figures_loaded, g_object_ref (self));
}

/* The newest round of the meeting's cluster, seen as the clinic sees itself at its own
 * meeting and as anyone outside a clinic sees the cluster at the cluster's; suppressed as
 * everywhere else. Read here and now: the worker's load, if under way, is dropped. */
static void
load_figures (SamMeetingCharts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBox) box = self->waiting_box != NULL ? g_object_ref (self->waiting_box) : NULL;
  const SamMeetingStep *step = self->waiting_step;

  forget_figures (self);
  self->figures_loaded = TRUE;
  if (self->store != NULL)
    self->figures = sam_round_figures_load_newest (self->store, self->cluster_id,
                                                   self->clinic_id, &error);
  if (error != NULL)
    g_warning ("Could not read the meeting's figures: %s", error->message);
  /* A data review waiting for the worker's figures has these. */
  if (box != NULL)
    sam_meeting_charts_show (self, box, step);
}

/**
 * sam_meeting_charts_may_present:
 *
 * Charts shown to the room are a publication of their round (instrument contract, "One
 * publication a round"): the projector shows them only once the round is closed. That
 * holds for a clinic's own meeting too where its figures hold other clinics' answers (run
 * on the coordinator's computer); only a clinic's own view of nothing but its own answers
 * may be shown while the round is open.
 */
gboolean
sam_meeting_charts_may_present (SamMeetingCharts *self)
{
  g_autoptr(SamRound) round = NULL;

  g_return_val_if_fail (SAM_IS_MEETING_CHARTS (self), FALSE);

  if (!self->figures_loaded)
    load_figures (self);
  if (self->figures == NULL || sam_round_figures_are_own_only (self->figures))
    return TRUE;
  round = sam_store_get_round (self->store, self->figures->round_id, NULL);
  if (round == NULL || !sam_round_can_publish (round))
    return FALSE;
  /* Closed since they were read (during the meeting, say): read again, for answers may
   * have come meanwhile, and what the room sees must be what the round holds. */
  if (!self->figures->closed && self->figures->source == SAM_FIGURES_FROM_ANSWERS)
    load_figures (self);
  return TRUE;
}

/**
 * sam_meeting_charts_publish:
 *
 * The charts are shown to the room or leave the app as a file: their round's k is fixed
 * with it (sam_round_figures_publish ()), so that no later publication at another k, and
 * no reopening of the round, can be set beside them.
 *
 * Returns: %FALSE with @error set, saying why, where they may not
 */
gboolean
sam_meeting_charts_publish (SamMeetingCharts  *self,
                            GError           **error)
{
  g_return_val_if_fail (SAM_IS_MEETING_CHARTS (self), FALSE);

  if (!self->figures_loaded)
    load_figures (self);
  return self->figures == NULL || sam_round_figures_publish (self->store, self->figures, error);
}

static gboolean
publish_gate (gpointer   data,
              GError   **error)
{
  return sam_meeting_charts_publish (data, error);
}

/**
 * sam_meeting_charts_view_new:
 *
 * A view of one of the charts, which fixes the round's k before the chart is exported.
 */
SamChartView *
sam_meeting_charts_view_new (SamMeetingCharts *self,
                             SamChart         *chart,
                             int               height)
{
  SamChartView *view = sam_chart_view_new (chart, height);

  sam_chart_view_set_gate (view, publish_gate, g_object_ref (self), g_object_unref);
  return view;
}

/* The round the charts are of, or 0 where the cluster has none with answers. */
gint64
sam_meeting_charts_get_round_id (SamMeetingCharts *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_CHARTS (self), 0);

  if (!self->figures_loaded)
    load_figures (self);
  return self->figures != NULL ? self->figures->round_id : 0;
}

/**
 * sam_meeting_step_shows_data:
 *
 * Whether @step is a data review with questions to show charts of.
 */
gboolean
sam_meeting_step_shows_data (const SamMeetingStep *step)
{
  return step != NULL && step->kind == SAM_MEETING_STEP_DATA_REVIEW && step->items != NULL &&
         step->items[0] != NULL;
}

/**
 * sam_meeting_charts_make:
 * @round_label: (out): the round's name, or NULL where there is none
 *
 * The charts of a data review, one per question of its items in the order of the items,
 * for the newest round with answers of the meeting's cluster (the clinic's own view at a
 * clinic's meeting).
 *
 * Returns: (transfer container) (element-type SamChart) (nullable): the charts, or NULL
 *   where the cluster has no round with answers
 */
GPtrArray *
sam_meeting_charts_make (SamMeetingCharts     *self,
                         const SamMeetingStep *step,
                         const char          **round_label)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  GPtrArray *charts;

  g_assert (SAM_IS_MEETING_CHARTS (self));
  g_assert (sam_meeting_step_shows_data (step));

  *round_label = NULL;
  if (!self->figures_loaded)
    load_figures (self);
  if (self->figures == NULL)
    return NULL;
  *round_label = self->figures->round_label;
  for (guint i = 0; step->items[i] != NULL; i++)
    {
      const SamItem *item = sam_instrument_lookup_item (instrument, step->items[i]);

      if (item != NULL && !g_ptr_array_find (questions, item->question, NULL))
        g_ptr_array_add (questions, item->question);
    }
  charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_chart_unref);
  for (guint i = 0; i < questions->len; i++)
    {
      SamChart *chart =
        sam_results_chart_question (self->figures, g_ptr_array_index (questions, i));

      if (chart != NULL)
        g_ptr_array_add (charts, chart);
    }
  return charts;
}

static void
on_round_closed (gboolean  closed,
                 gint64    round_id,
                 gpointer  user_data)
{
  g_autoptr(SamMeetingCharts) self = user_data;

  if (closed && self->waiting_box != NULL)
    {
      g_autoptr(GtkBox) box = g_object_ref (self->waiting_box);

      sam_meeting_charts_show (self, box, self->waiting_step);
    }
}

static void
on_close_round_clicked (GtkButton        *button,
                        SamMeetingCharts *self)
{
  sam_dialogs_ask_close_round (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), self->store,
                               sam_meeting_charts_get_round_id (self), on_round_closed,
                               g_object_ref (self));
}

/* An open round's charts in place of them: why not, and closing the round, after which
 * @box has them. */
static void
show_round_open (SamMeetingCharts     *self,
                 GtkBox               *box,
                 const SamMeetingStep *step)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Close Round…"));

  gtk_box_append (box, _sam_meetings_label (_("The round’s results are shown in the meeting once "
                                              "the round is closed: a round’s figures are shared "
                                              "once, when no more answers can change them."),
                                            "dim-label"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_close_round_clicked), self, 0);
  gtk_box_append (box, button);
  g_set_weak_pointer (&self->waiting_box, box);
  self->waiting_step = step;
}

/* Fills @box with the charts of @step, a data review, or says there are none, or that they
 * are being read (and fills it when they come), or why an open round's are not shown;
 * hidden on other steps. Charts shown in a meeting, on a projector or on the facilitator's
 * screen (which the room often sees), publish their round (sam_meeting_charts_publish ()). */
void
sam_meeting_charts_show (SamMeetingCharts     *self,
                         GtkBox               *box,
                         const SamMeetingStep *step)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  const char *round_label;

  g_return_if_fail (SAM_IS_MEETING_CHARTS (self));

  forget_waiting (self);
  _sam_meetings_clear_box (box);
  gtk_widget_set_visible (GTK_WIDGET (box), sam_meeting_step_shows_data (step));
  if (!sam_meeting_step_shows_data (step))
    return;
  if (self->loading != NULL)
    {
      gtk_box_append (box, _sam_meetings_label (_("Reading the round’s figures…"), "dim-label"));
      g_set_weak_pointer (&self->waiting_box, box);
      self->waiting_step = step;
      return;
    }
  if (!sam_meeting_charts_may_present (self))
    {
      show_round_open (self, box, step);
      return;
    }
  charts = sam_meeting_charts_make (self, step, &round_label);
  if (charts == NULL)
    {
      gtk_box_append (box,
                      _sam_meetings_label (_("There are no results to show yet: the cluster has no "
                                             "round with answers. Import the answers under "
                                             "Overview, or talk from your own experience."),
                                           "dim-label"));
      return;
    }
  if (!sam_meeting_charts_publish (self, &error))
    {
      gtk_box_append (box, _sam_meetings_label (error->message, "dim-label"));
      return;
    }

  /* TRANSLATORS: above the charts of a data review; %s is the round's name */
  heading = g_strdup_printf (_("Results of %s"), round_label);
  gtk_box_append (box, _sam_meetings_label (heading, "heading"));
  for (guint i = 0; i < charts->len; i++)
    gtk_box_append (box, GTK_WIDGET (sam_meeting_charts_view_new (self,
                                                                  g_ptr_array_index (charts, i),
                                                                  300)));
}

/* Whether the worker is still reading the figures (for tests). */
gboolean
sam_meeting_charts_is_loading (SamMeetingCharts *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_CHARTS (self), FALSE);

  return self->loading != NULL;
}
