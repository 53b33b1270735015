/* sam-follow-chart.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-follow-chart"

#include "config.h"

#include "sam-chart-change.h"
#include "sam-chart-view.h"
#include "sam-follow-chart.h"
#include "sam-results-charts.h"

/* "Følg udviklingen" on the Plan page: the two rounds' figures of a clinic and its
 * cluster as a chart of changes (a dot-and-arrow per item, in the item's words, with the
 * plan's actions aimed at it beside), with its table, its description and the exact
 * figures on hover and keyboard focus, as every chart has. Empty until a follow-up is
 * shown. */

struct _SamFollowChart
{
  AdwBin        parent_instance;

  SamChartView *view;
};

G_DEFINE_FINAL_TYPE (SamFollowChart, sam_follow_chart, ADW_TYPE_BIN)

static void
sam_follow_chart_class_init (SamFollowChartClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "follow-chart");
}

static void
sam_follow_chart_init (SamFollowChart *self)
{
}

SamFollowChart *
sam_follow_chart_new (void)
{
  return g_object_new (SAM_TYPE_FOLLOW_CHART, NULL);
}

/**
 * sam_follow_chart_show:
 * @follow_up: (nullable): the two rounds and the plan, or %NULL to show nothing
 * @clinic_name: how the clinic is named on the chart
 *
 * Shows the change between the follow-up's two rounds. The chart keeps what it needs.
 */
void
sam_follow_chart_show (SamFollowChart *self,
                       SamFollowUp    *follow_up,
                       const char     *clinic_name)
{
  g_autoptr(SamChart) chart = NULL;
  SamChartStyle style;
  double height;

  g_return_if_fail (SAM_IS_FOLLOW_CHART (self));

  adw_bin_set_child (ADW_BIN (self), NULL);
  self->view = NULL;
  if (follow_up == NULL)
    return;

  chart = sam_results_chart_follow (follow_up, clinic_name);
  /* Tall enough for every row at the normal text size and the narrowest usual width; the
   * view scales it with larger text. */
  sam_chart_style_init (&style, SAM_CHART_LIGHT, 1);
  height = sam_chart_change_height (sam_chart_get_data (chart), &style, 600);
  sam_chart_style_clear (&style);
  self->view = sam_chart_view_new (chart, (int) height);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));
}

/**
 * sam_follow_chart_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
SamChart *
sam_follow_chart_get_chart (SamFollowChart *self)
{
  g_return_val_if_fail (SAM_IS_FOLLOW_CHART (self), NULL);

  return self->view != NULL ? sam_chart_view_get_chart (self->view) : NULL;
}

/**
 * sam_follow_chart_get_view:
 *
 * Returns: (transfer none) (nullable): the chart's view
 */
GtkWidget *
sam_follow_chart_get_view (SamFollowChart *self)
{
  g_return_val_if_fail (SAM_IS_FOLLOW_CHART (self), NULL);

  return GTK_WIDGET (self->view);
}
