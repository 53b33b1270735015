/* sam-meeting-charts.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-view.h"
#include "sam-instrument.h"
#include "sam-meeting-charts.h"
#include "sam-meetings-private.h"
#include "sam-results-charts.h"
#include "sam-round-figures.h"

/* The charts of a meeting's data reviews, for the runner and the projector alike, so the
 * two agree: the figures of the newest round of the meeting's cluster, read once when
 * first needed. */

struct _SamMeetingCharts
{
  GObject          parent_instance;

  SamStore        *store;
  gint64           clinic_id;
  gint64           cluster_id;
  SamRoundFigures *figures;       /* the newest round of the meeting's cluster, once needed */
  char            *round_label;
  gboolean         figures_loaded;
};

G_DEFINE_FINAL_TYPE (SamMeetingCharts, sam_meeting_charts, G_TYPE_OBJECT)

static void
forget_figures (SamMeetingCharts *self)
{
  g_clear_pointer (&self->figures, sam_round_figures_free);
  g_clear_pointer (&self->round_label, g_free);
  self->figures_loaded = FALSE;
}

static void
sam_meeting_charts_finalize (GObject *object)
{
  SamMeetingCharts *self = SAM_MEETING_CHARTS (object);

  forget_figures (self);
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

/* The meeting whose round the charts show; its figures are read again when next needed. */
void
sam_meeting_charts_set_meeting (SamMeetingCharts *self,
                                SamStore         *store,
                                const SamMeeting *meeting)
{
  g_return_if_fail (SAM_IS_MEETING_CHARTS (self));

  g_set_object (&self->store, store);
  self->clinic_id = meeting->clinic_id;
  self->cluster_id = meeting->cluster_id;
  forget_figures (self);
}

/* The newest round of the meeting's cluster, seen as the clinic sees itself at its own
 * meeting and as anyone outside a clinic sees the cluster at the cluster's; suppressed as
 * everywhere else. */
static void
load_figures (SamMeetingCharts *self)
{
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRound) newest = NULL;
  SamFiguresPolicy policy = { 0, 0 };
  gint64 cluster_id = self->cluster_id;

  self->figures_loaded = TRUE;
  if (self->store == NULL)
    return;
  if (self->clinic_id > 0)
    {
      clinics = sam_store_list_clinics (self->store, NULL);
      for (guint i = 0; clinics != NULL && i < clinics->len; i++)
        {
          SamClinic *clinic = g_ptr_array_index (clinics, i);

          if (clinic->id == self->clinic_id)
            cluster_id = clinic->cluster_id;
        }
    }
  newest = sam_round_figures_newest_round (self->store, cluster_id, NULL);
  if (newest == NULL)
    return;
  policy.own_clinic_id = self->clinic_id;
  self->figures = sam_round_figures_load (self->store, newest->id, &policy, &error);
  if (self->figures == NULL)
    {
      g_warning ("Could not read the figures of round %s: %s", newest->label, error->message);
      return;
    }
  self->round_label = g_strdup (newest->label);
}

/**
 * sam_meeting_charts_may_present:
 *
 * Charts shown in a cluster meeting are a publication of their round (instrument
 * contract, "One publication a round"): the projector shows them only once the round is
 * closed. A clinic's own meeting shows its own view, which is no publication.
 */
gboolean
sam_meeting_charts_may_present (SamMeetingCharts *self)
{
  g_autoptr(SamRound) round = NULL;

  g_return_val_if_fail (SAM_IS_MEETING_CHARTS (self), FALSE);

  if (!self->figures_loaded)
    load_figures (self);
  if (self->figures == NULL || self->clinic_id > 0)
    return TRUE;
  round = sam_store_get_round (self->store, self->figures->round_id, NULL);
  return round != NULL && sam_round_can_publish (round);
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
  *round_label = self->round_label;
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

/* Fills @box with the charts of @step, a data review, or says there are none; hidden on
 * other steps. */
void
sam_meeting_charts_show (SamMeetingCharts     *self,
                         GtkBox               *box,
                         const SamMeetingStep *step)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *heading = NULL;
  const char *round_label;

  g_return_if_fail (SAM_IS_MEETING_CHARTS (self));

  _sam_meetings_clear_box (box);
  gtk_widget_set_visible (GTK_WIDGET (box), sam_meeting_step_shows_data (step));
  if (!sam_meeting_step_shows_data (step))
    return;
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

  /* TRANSLATORS: above the charts of a data review; %s is the round's name */
  heading = g_strdup_printf (_("Results of %s"), round_label);
  gtk_box_append (box, _sam_meetings_label (heading, "heading"));
  for (guint i = 0; i < charts->len; i++)
    gtk_box_append (box, GTK_WIDGET (sam_chart_view_new (g_ptr_array_index (charts, i), 300)));
}
