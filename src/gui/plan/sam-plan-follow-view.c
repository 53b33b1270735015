/* sam-plan-follow-view.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-view.h"
#include "sam-context-property.h"
#include "sam-follow-up.h"
#include "sam-plan-parts.h"
#include "sam-results-loader.h"
#include "sam-round-figures.h"

/* "Følg udviklingen": two rounds of the clinic's cluster side by side, the earlier and the
 * later one chosen, with the plan's actions beside the items they aimed at. At national
 * scale two rounds' figures take a fifth of a second to compute, so they are computed in
 * a worker thread, on a connection of the view's own, and the chart shown stays until the
 * new one comes (unless it was another clinic's). */

struct _SamPlanFollowView
{
  AdwBin           parent_instance;

  SamContext      *context;
  gint64           clinic_id;      /* 0: none */
  char            *clinic_code;
  GPtrArray       *rounds;         /* SamRound of the clinic's cluster, oldest first */
  gboolean         loading;
  SamResultsReader *reader;
  GCancellable    *cancellable;    /* of the load on its way, if any */
  gint64           shown_clinic_id; /* whose chart is shown, 0: none */
  SamFollowUp     *shown;           /* the follow-up charted, or NULL */

  GtkDropDown     *before_dropdown;
  GtkDropDown     *after_dropdown;
  GtkLabel        *follow_intro;
  SamFollowChart  *follow_chart;
};

G_DEFINE_FINAL_TYPE (SamPlanFollowView, sam_plan_follow_view, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamPlanFollowView, sam_plan_follow_view)

static void
fill_round_dropdown (GtkDropDown *dropdown,
                     GPtrArray   *rounds,
                     guint        selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < rounds->len; i++)
    gtk_string_list_append (labels, ((SamRound *) g_ptr_array_index (rounds, i))->label);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
say (SamPlanFollowView *self,
     const char        *text)
{
  gtk_label_set_text (self->follow_intro, text);
}

static void
show_nothing (SamPlanFollowView *self,
              const char        *text)
{
  sam_follow_chart_show (self->follow_chart, NULL, NULL);
  self->shown_clinic_id = 0;
  g_clear_pointer (&self->shown, sam_follow_up_free);
  if (text != NULL)
    say (self, text);
}

/* The chart leaves the app as a file: both rounds it shows are published. */
static gboolean
publish_shown (gpointer   data,
               GError   **error)
{
  SamPlanFollowView *self = data;
  SamStore *store = sam_context_get_store (self->context);

  return self->shown == NULL ||
         (sam_round_figures_publish (store, self->shown->before, error) &&
          sam_round_figures_publish (store, self->shown->after, error));
}

static void
on_follow_up_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SamPlanFollowView) self = user_data;
  g_autoptr(SamFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;

  follow_up = sam_results_reader_follow_up_finish (result, &error);
  /* Another choice was made meanwhile, or the view has gone: these figures are stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable || self->context == NULL)
    return;
  g_clear_object (&self->cancellable);
  if (follow_up == NULL)
    {
      show_nothing (self, error->message);
      return;
    }
  intro = g_strdup_printf (_("%s and the cluster, per index and item: the mean (0–100) in the "
                             "earlier round (a ring) and in the later one (a dot), and the "
                             "change in points. Figures of fewer than %d answers stay "
                             "withheld."),
                           self->clinic_code, follow_up->after->k);
  say (self, intro);
  sam_follow_chart_show (self->follow_chart, follow_up, self->clinic_code);
  sam_chart_view_set_gate (SAM_CHART_VIEW (sam_follow_chart_get_view (self->follow_chart)),
                           publish_shown, self, NULL);
  self->shown_clinic_id = follow_up->clinic_id;
  g_clear_pointer (&self->shown, sam_follow_up_free);
  self->shown = g_steal_pointer (&follow_up);
}

/**
 * sam_plan_follow_view_refresh:
 *
 * Shows the chosen rounds again, as the plan's actions now stand: at once where there is
 * nothing to compare, otherwise when their figures have been computed.
 */
void
sam_plan_follow_view_refresh (SamPlanFollowView *self)
{
  SamStore *store = sam_context_get_store (self->context);
  gint64 before_id, after_id;
  SamFiguresPolicy policy = { 0, 0 };
  guint before, after;

  g_return_if_fail (SAM_IS_PLAN_FOLLOW_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->clinic_id <= 0 || self->rounds == NULL)
    {
      show_nothing (self, NULL);
      return;
    }
  if (self->rounds->len < 2)
    {
      guint n = self->rounds->len;
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("Following the change needs two rounds of the cluster; "
                                        "there is %u so far.",
                                        "Following the change needs two rounds of the cluster; "
                                        "there are %u so far.", n), n);

      show_nothing (self, text);
      return;
    }
  before = gtk_drop_down_get_selected (self->before_dropdown);
  after = gtk_drop_down_get_selected (self->after_dropdown);
  if (before >= self->rounds->len || after >= self->rounds->len || before == after)
    {
      show_nothing (self, _("Choose two different rounds."));
      return;
    }

  /* The own clinic sees its own figures; any other clinic is seen as the cluster sees it. */
  before_id = ((SamRound *) g_ptr_array_index (self->rounds, before))->id;
  after_id = ((SamRound *) g_ptr_array_index (self->rounds, after))->id;
  policy.own_clinic_id = self->clinic_id == sam_store_get_own_clinic (store) ? self->clinic_id : 0;
  if (self->shown_clinic_id != self->clinic_id)
    show_nothing (self, NULL);
  if (self->reader == NULL)
    self->reader = sam_results_reader_new (sam_store_get_path (store));
  self->cancellable = g_cancellable_new ();
  sam_results_reader_follow_up_async (self->reader, self->clinic_id, before_id, after_id, &policy,
                                      self->cancellable, on_follow_up_loaded,
                                      g_object_ref (self));
}

/**
 * sam_plan_follow_view_is_loading:
 *
 * Returns: whether the figures of the rounds chosen are still on their way
 */
gboolean
sam_plan_follow_view_is_loading (SamPlanFollowView *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_FOLLOW_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

static void
on_rounds_changed (SamPlanFollowView *self)
{
  if (!self->loading)
    sam_plan_follow_view_refresh (self);
}

/**
 * sam_plan_follow_view_set_clinic:
 * @clinic: (nullable): the clinic whose change to follow
 *
 * Offers the rounds of @clinic's cluster, the last two chosen. It shows them on the next
 * sam_plan_follow_view_refresh().
 */
void
sam_plan_follow_view_set_clinic (SamPlanFollowView *self,
                                 const SamClinic   *clinic)
{
  g_return_if_fail (SAM_IS_PLAN_FOLLOW_VIEW (self));

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->clinic_code, g_free);
  self->clinic_id = clinic != NULL ? clinic->id : 0;
  if (clinic == NULL)
    return;
  self->clinic_code = g_strdup (clinic->code);
  self->rounds = sam_round_figures_list_rounds (sam_context_get_store (self->context),
                                                clinic->cluster_id, NULL);
  if (self->rounds == NULL)
    return;
  self->loading = TRUE;
  fill_round_dropdown (self->before_dropdown, self->rounds,
                       self->rounds->len >= 2 ? self->rounds->len - 2 : 0);
  fill_round_dropdown (self->after_dropdown, self->rounds,
                       self->rounds->len >= 1 ? self->rounds->len - 1 : 0);
  self->loading = FALSE;
}

SamFollowChart *
sam_plan_follow_view_get_chart (SamPlanFollowView *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_FOLLOW_VIEW (self), NULL);

  return self->follow_chart;
}

static void
sam_plan_follow_view_dispose (GObject *object)
{
  SamPlanFollowView *self = (SamPlanFollowView *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reader, sam_results_reader_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_FOLLOW_VIEW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->clinic_code, g_free);
  g_clear_pointer (&self->shown, sam_follow_up_free);

  G_OBJECT_CLASS (sam_plan_follow_view_parent_class)->dispose (object);
}

static void
sam_plan_follow_view_class_init (SamPlanFollowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_plan_follow_view_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_plan_follow_view);

  g_type_ensure (SAM_TYPE_FOLLOW_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-follow-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanFollowView, before_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanFollowView, after_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanFollowView, follow_intro);
  gtk_widget_class_bind_template_child (widget_class, SamPlanFollowView, follow_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_rounds_changed);
}

static void
sam_plan_follow_view_init (SamPlanFollowView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sam_plan_follow_view_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_PLAN_FOLLOW_VIEW, "context", context, NULL);
}
