/* sam-results-charts.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sam-chart-change.h"
#include "sam-chart-comparison.h"
#include "sam-chart-distribution.h"
#include "sam-chart-heatmap.h"
#include "sam-chart-overview.h"
#include "sam-chart-trend.h"
#include "sam-results-charts.h"

/* The options of a frequency scale that count as "monthly or more often": "Weekly or more
 * often" and "Monthly" (instrument contract, the meetings scale). */
#define SAM_FREQUENCY_OFTEN 2

/* Chart data holds borrowed pointers; each chart made here owns its data and what that
 * points to in one block, freed with the chart. */
typedef struct
{
  union
  {
    SamComparisonData   comparison;
    SamDistributionData distribution;
    SamOverviewData     overview;
    SamTrendData        trend;
    SamHeatmapData      heatmap;
    SamChangeData       change;
  } data;               /* first: the chart's kind reads its data there */
  GPtrArray *kept;      /* every string and array the data points to */
} Owned;

/* A value as the results file writes it, to one decimal as printf ("%.1f") rounds. */
static double
one_decimal (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_ascii_strtod (g_ascii_formatd (text, sizeof text, "%.1f", value), NULL);
}

/* A figure as the results file has it. A chart drawn from the exact values would publish
 * more than the file: a PDF's coordinates carry three decimals, enough to set an index
 * against its items and learn more of the few whose answers weigh differently in it. */
static SamFigure
as_published (const SamFigure *figure)
{
  SamFigure copy = *figure;

  copy.mean = one_decimal (copy.mean);
  copy.favourable = one_decimal (copy.favourable);
  for (guint c = 0; c < copy.n_codes; c++)
    copy.distribution[c] = one_decimal (copy.distribution[c]);
  return copy;
}
static Owned *
owned_new (void)
{
  Owned *owned = g_new0 (Owned, 1);

  owned->kept = g_ptr_array_new_with_free_func (g_free);
  return owned;
}

static void
owned_free (gpointer data)
{
  Owned *owned = data;

  g_ptr_array_unref (owned->kept);
  g_free (owned);
}

/* @block, from now on freed with the chart that @kept belongs to. */
static gpointer
keep (GPtrArray *kept,
      gpointer   block)
{
  g_ptr_array_add (kept, block);
  return block;
}

const char *
sam_results_item_label (const SamItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return item->text != NULL ? item->text : item->question->text;
}

const char *
sam_results_index_label (SamIndex index)
{
  switch (index)
    {
    case SAM_INDEX_A:
      return _("Leadership index");
    case SAM_INDEX_C:
      return _("Culture index");
    case SAM_INDEX_D:
      return _("Collegial support index");
    case SAM_N_INDICES:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * sam_results_question_title:
 *
 * Returns: (transfer full): "Question 7: …" with the question's text
 */
char *
sam_results_question_title (const SamQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  /* Translators: a chart's title, the question's number and its text. */
  return g_strdup_printf (_("Question %d: %s"), question->number, question->text);
}

static const char *
own_clinic_code (SamRoundFigures *figures)
{
  const SamClinicFigures *own = sam_round_figures_find_clinic (figures, figures->own_clinic_id);

  return own != NULL ? own->code : NULL;
}

/* The units of a comparison: the own clinic in its own view, the cluster, and the
 * country where reference figures were imported for the round. */
static void
fill_units (SamComparisonData *data,
            SamRoundFigures   *figures,
            GPtrArray         *strings)
{
  data->unit_names[SAM_UNIT_CLINIC] = own_clinic_code (figures)
                                      ? keep (strings, g_strdup (own_clinic_code (figures))) : NULL;
  data->unit_names[SAM_UNIT_CLUSTER] = keep (strings, g_strdup (figures->cluster_name));
  data->unit_names[SAM_UNIT_COUNTRY] = figures->has_national ? _("Denmark") : NULL;
  data->k = figures->k;
}

static void
fill_row (SamComparisonRow  *row,
          SamRoundFigures   *figures,
          guint              slot,
          const char        *label)
{
  const SamClinicFigures *own = sam_round_figures_find_clinic (figures, figures->own_clinic_id);

  row->label = label;
  if (own != NULL)
    {
      row->figures[SAM_UNIT_CLINIC] = as_published (&own->figures[slot]);
      row->present[SAM_UNIT_CLINIC] = TRUE;
    }
  row->figures[SAM_UNIT_CLUSTER] = as_published (&figures->cluster[slot]);
  row->present[SAM_UNIT_CLUSTER] = TRUE;
  if (figures->has_national)
    {
      row->figures[SAM_UNIT_COUNTRY] = as_published (&figures->national[slot]);
      row->present[SAM_UNIT_COUNTRY] = TRUE;
    }
}

/* The topics of the questions that are their own item, named as a person would say them:
 * the question itself is too long to stand beside a bar or in a sentence, and its number
 * says nothing to someone reading the results. */
static const struct
{
  const char *id;
  const char *topic;
} item_topics[] = {
  { "q1", N_("Everyone working towards shared goals") },
  { "q3", N_("Cooperation and well-being in the leadership team") },
  { "q8", N_("Support you get from fellow doctors") },
  { "q9", N_("Support you give fellow doctors") },
};

/**
 * sam_results_item_short_label:
 *
 * Returns: (transfer full): the item's own text, or the topic of a question that is its own
 *   item, which needs no second copy of its long text beside a bar or in a sentence; never
 *   the item's code or the question's number
 */
char *
sam_results_item_short_label (const SamItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->text != NULL)
    return g_strdup (item->text);
  for (guint i = 0; i < G_N_ELEMENTS (item_topics); i++)
    if (g_str_equal (item->id, item_topics[i].id))
      return g_strdup (_(item_topics[i].topic));
  return g_strdup (item->question->text);
}

static const char *
row_label (const SamItem *item,
           GPtrArray     *strings)
{
  return keep (strings, sam_results_item_short_label (item));
}

/* A comparison of @n_rows rows, its units filled in: @rows, for the caller to fill. */
static Owned *
owned_comparison_new (SamRoundFigures   *figures,
                      guint              n_rows,
                      SamComparisonRow **rows)
{
  Owned *owned = owned_new ();

  *rows = keep (owned->kept, g_new0 (SamComparisonRow, MAX (n_rows, 1)));
  owned->data.comparison.rows = *rows;
  owned->data.comparison.n_rows = n_rows;
  fill_units (&owned->data.comparison, figures, owned->kept);
  return owned;
}

/* How often something is done (the meetings scale, q4 and q5): its options have no
 * favourable side, and a mean of them on 0–100 means nothing to a reader. */
static gboolean
is_frequency (const SamQuestion *question)
{
  return !question->scale->has_favourable && question->scale->options->len > SAM_FREQUENCY_OFTEN;
}

static const char *
option_label (const SamQuestion *question,
              guint              o)
{
  return ((const SamOption *) g_ptr_array_index (question->scale->options, o))->label;
}

/* A frequency item as what it is: the share of the answers that say "monthly or more
 * often", its options named on the chart. A reference that came without the spread of its
 * answers has no such share, and is left out of that row. */
static void
show_as_share (Owned             *owned,
               SamComparisonRow  *rows,
               const SamQuestion *question)
{
  SamComparisonData *data = &owned->data.comparison;
  guint last = question->scale->options->len - 1;

  data->measure = SAM_COMPARISON_SHARE;
  data->share_codes = SAM_FREQUENCY_OFTEN;
  /* Translators: what a chart of how often meetings are held counts: the answers "Weekly
   * or more often" and "Monthly". */
  data->share_label = _("monthly or more often");
  data->caption =
    keep (owned->kept,
          /* Translators: over the chart of how often meetings are held: the options counted,
           * then the scale's two ends. */
          g_strdup_printf (_("The share who answered “%s” or “%s”, in percent of the answers. "
                             "The scale runs from “%s” to “%s”."),
                           option_label (question, 0), option_label (question, 1),
                           option_label (question, 0), option_label (question, last)));
  for (guint r = 0; r < data->n_rows; r++)
    {
      SamComparisonRow *row = &rows[r];
      const SamFigure *country = &row->figures[SAM_UNIT_COUNTRY];

      if (row->present[SAM_UNIT_COUNTRY] && country->withheld == SAM_WITHHELD_NONE &&
          country->n > 0 && country->n_codes < SAM_FREQUENCY_OFTEN)
        row->present[SAM_UNIT_COUNTRY] = FALSE;
    }
}

/**
 * sam_results_chart_question:
 *
 * Returns: (transfer full): the item comparison of one question's items: their mean
 *   scores, or, for how often meetings are held, the share "monthly or more often"
 */
SamChart *
sam_results_chart_question (SamRoundFigures   *figures,
                            const SamQuestion *question)
{
  Owned *owned;
  SamComparisonRow *rows;
  g_autofree char *title = NULL;

  g_return_val_if_fail (figures != NULL && question != NULL, NULL);

  owned = owned_comparison_new (figures, question->items->len, &rows);
  for (guint i = 0; i < question->items->len; i++)
    {
      const SamItem *item = g_ptr_array_index (question->items, i);

      fill_row (&rows[i], figures, item->index, row_label (item, owned->kept));
    }
  if (is_frequency (question))
    show_as_share (owned, rows, question);
  title = sam_results_question_title (question);
  return sam_chart_new (&sam_chart_comparison_kind, title, owned, owned_free);
}

/**
 * sam_results_chart_indices:
 *
 * Returns: (transfer full): the three domain indices compared
 */
SamChart *
sam_results_chart_indices (SamRoundFigures *figures)
{
  Owned *owned;
  SamComparisonRow *rows;

  g_return_val_if_fail (figures != NULL, NULL);

  owned = owned_comparison_new (figures, SAM_N_INDICES, &rows);
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    fill_row (&rows[i], figures, SAM_N_ITEMS + i, sam_results_index_label (i));
  return sam_chart_new (&sam_chart_comparison_kind, _("The three indices"), owned, owned_free);
}

/* The answer distribution */

/**
 * sam_results_chart_distribution:
 *
 * Returns: (transfer full): how the answers to one question's items spread over the
 *   options: diverging around the middle where the scale has a favourable side, a plain
 *   stacked bar for the meetings scale
 */
SamChart *
sam_results_chart_distribution (SamRoundFigures   *figures,
                                const SamQuestion *question)
{
  Owned *owned;
  SamDistributionData *data;
  SamComparisonRow *rows;
  const SamScale *scale;
  SamComparisonData units = { 0 };
  g_autofree char *title = NULL;
  guint middle;

  g_return_val_if_fail (figures != NULL && question != NULL, NULL);

  scale = question->scale;
  owned = owned_new ();
  data = &owned->data.distribution;
  rows = keep (owned->kept, g_new0 (SamComparisonRow, MAX (question->items->len, 1)));
  fill_units (&units, figures, owned->kept);
  memcpy (data->unit_names, units.unit_names, sizeof units.unit_names);
  data->k = figures->k;
  data->rows = rows;
  data->n_rows = question->items->len;
  data->diverging = scale->has_favourable;
  data->n_options = MIN (scale->options->len, SAM_MAX_CODES);
  if (is_frequency (question))
    data->caption =
      keep (owned->kept,
            /* Translators: over the answers to how often meetings are held: the scale's ends. */
            g_strdup_printf (_("How often, in percent of the answers: from “%s” on the left to "
                               "“%s” on the right."),
                             option_label (question, 0),
                             option_label (question, data->n_options - 1)));
  /* The middle option of an odd scale is neither side. */
  middle = data->n_options % 2 == 1 ? data->n_options / 2 : G_MAXUINT;
  for (guint o = 0; o < data->n_options; o++)
    {
      const SamOption *option = g_ptr_array_index (scale->options, o);

      data->option_labels[o] = option->label;
      data->option_side[o] = option->favourable ? 1 : o == middle ? 0 : -1;
    }
  for (guint i = 0; i < question->items->len; i++)
    {
      const SamItem *item = g_ptr_array_index (question->items, i);

      fill_row (&rows[i], figures, item->index, row_label (item, owned->kept));
    }

  /* Translators: a chart's title: how the answers to a question spread, its number. */
  title = g_strdup_printf (_("Question %d: the answers"), question->number);
  return sam_chart_new (&sam_chart_distribution_kind, title, owned, owned_free);
}

static const char *
slot_label (guint slot)
{
  if (slot >= SAM_N_ITEMS)
    return sam_results_index_label (slot - SAM_N_ITEMS);
  return sam_results_item_label (sam_instrument_get_item (sam_instrument_get_default (), slot));
}

/* The cluster overview */

static void
set_round (Owned           *owned,
           SamOverviewBar  *bars,
           guint            r,
           SamRoundFigures *figures,
           guint            slot)
{
  SamOverviewData *data = &owned->data.overview;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);

  data->round_labels[r] = keep (owned->kept, g_strdup (figures->round_label));
  data->cluster[r] = as_published (&figures->cluster[slot]);
  data->has_cluster[r] = TRUE;
  data->national[r] = as_published (&figures->national[slot]);
  data->has_national[r] = figures->has_national;

  /* Each bar's clinic looked up by its code: walking the list for every bar took a
   * national round's 1,300 clinics a tenth of a second a chart. */
  for (guint c = 0; c < figures->clinics->len; c++)
    {
      SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, c);

      if (clinic->code != NULL)
        g_hash_table_insert (by_code, clinic->code, clinic);
    }
  for (guint b = 0; b < data->n_bars; b++)
    {
      SamOverviewBar *bar = &bars[b];
      const SamClinicFigures *clinic =
        bar->code != NULL ? g_hash_table_lookup (by_code, bar->code) : NULL;

      if (clinic != NULL)
        {
          bar->figures[r] = as_published (&clinic->figures[slot]);
          bar->present[r] = TRUE;
        }
    }
}

/**
 * sam_results_chart_overview:
 * @previous: (nullable): the cluster's round before, shown beside this one
 * @slot: the item or index (sam_figure_slot())
 *
 * Returns: (transfer full): one bar per clinic by its code, the cluster's and the
 *   country's mean as lines; the own clinic marked in its own view only
 */
SamChart *
sam_results_chart_overview (SamRoundFigures *figures,
                            SamRoundFigures *previous,
                            guint            slot)
{
  return sam_results_chart_overview_sorted (figures, previous, slot, FALSE);
}

/**
 * sam_results_chart_overview_sorted:
 * @by_value: the clinics by this round's figure, highest first, where %TRUE; else by code
 *
 * As sam_results_chart_overview(). Sorted by value, clinics without answers and withheld
 * clinics come last, in the order of their codes: where a withheld clinic stands says
 * nothing about its figure.
 *
 * Returns: (transfer full): the chart
 */
SamChart *
sam_results_chart_overview_sorted (SamRoundFigures *figures,
                                   SamRoundFigures *previous,
                                   guint            slot,
                                   gboolean         by_value)
{
  Owned *owned;
  SamOverviewData *data;
  SamOverviewBar *bars;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) clinics = NULL;

  g_return_val_if_fail (figures != NULL && slot < SAM_N_FIGURES, NULL);

  clinics = by_value ? sam_round_figures_rank_clinics (figures, slot)
                     : g_ptr_array_ref (figures->clinics);

  owned = owned_new ();
  data = &owned->data.overview;
  bars = keep (owned->kept, g_new0 (SamOverviewBar, MAX (figures->clinics->len, 1)));
  data->bars = bars;
  data->n_bars = figures->clinics->len;
  data->k = figures->k;
  data->title = slot_label (slot);
  for (guint c = 0; c < clinics->len; c++)
    {
      const SamClinicFigures *clinic = g_ptr_array_index (clinics, c);

      bars[c].code = keep (owned->kept, g_strdup (clinic->code));
      bars[c].own = figures->own_clinic_id != 0 && clinic->clinic_id == figures->own_clinic_id;
    }
  if (previous != NULL)
    {
      data->n_rounds = 2;
      set_round (owned, bars, 0, previous, slot);
      set_round (owned, bars, 1, figures, slot);
    }
  else
    {
      data->n_rounds = 1;
      set_round (owned, bars, 0, figures, slot);
    }

  if (by_value)
    /* Translators: a chart's title: an item or index, the clinics sorted by it. */
    title = g_strdup_printf (_("%s, clinic by clinic, highest first"), slot_label (slot));
  else
    /* Translators: a chart's title: an item or index, clinic by clinic. */
    title = g_strdup_printf (_("%s, clinic by clinic"), slot_label (slot));
  return sam_chart_new (&sam_chart_overview_kind, title, owned, owned_free);
}

/* The trend over rounds */

/**
 * sam_results_chart_trend:
 * @history: (element-type SamRoundFigures): the rounds, oldest first
 * @own_clinic_id: the clinic whose line to draw, or 0 for the cluster's alone
 *
 * Returns: (transfer full): an item's or index's mean over the rounds
 */
SamChart *
sam_results_chart_trend (GPtrArray *history,
                         gint64     own_clinic_id,
                         guint      slot)
{
  Owned *owned;
  SamTrendData *data;
  SamFigure *series[SAM_N_UNITS];
  const char **labels;
  g_autofree char *title = NULL;
  gboolean any_national = FALSE, own_somewhere = FALSE;
  guint n;

  g_return_val_if_fail (history != NULL && history->len > 0 && slot < SAM_N_FIGURES, NULL);

  n = history->len;
  owned = owned_new ();
  data = &owned->data.trend;
  labels = keep (owned->kept, g_new0 (const char *, n + 1));
  for (guint u = 0; u < SAM_N_UNITS; u++)
    series[u] = keep (owned->kept, g_new0 (SamFigure, n));

  for (guint r = 0; r < n; r++)
    {
      SamRoundFigures *figures = g_ptr_array_index (history, r);
      const SamClinicFigures *own =
        own_clinic_id != 0 ? sam_round_figures_find_clinic (figures, own_clinic_id) : NULL;

      labels[r] = keep (owned->kept, g_strdup (figures->round_label));
      series[SAM_UNIT_CLUSTER][r] = as_published (&figures->cluster[slot]);
      if (own != NULL)
        {
          series[SAM_UNIT_CLINIC][r] = as_published (&own->figures[slot]);
          if (data->unit_names[SAM_UNIT_CLINIC] == NULL)
            data->unit_names[SAM_UNIT_CLINIC] = keep (owned->kept, g_strdup (own->code));
          own_somewhere = TRUE;
        }
      if (figures->has_national)
        {
          series[SAM_UNIT_COUNTRY][r] = as_published (&figures->national[slot]);
          any_national = TRUE;
        }
      if (data->unit_names[SAM_UNIT_CLUSTER] == NULL)
        data->unit_names[SAM_UNIT_CLUSTER] = keep (owned->kept, g_strdup (figures->cluster_name));
    }

  data->title = slot_label (slot);
  data->n_rounds = n;
  data->round_labels = labels;
  data->series[SAM_UNIT_CLUSTER] = series[SAM_UNIT_CLUSTER];
  data->series[SAM_UNIT_CLINIC] = own_somewhere ? series[SAM_UNIT_CLINIC] : NULL;
  data->series[SAM_UNIT_COUNTRY] = any_national ? series[SAM_UNIT_COUNTRY] : NULL;
  data->unit_names[SAM_UNIT_COUNTRY] = any_national ? _("Denmark") : NULL;
  data->k = ((SamRoundFigures *) g_ptr_array_index (history, n - 1))->k;

  /* Translators: a chart's title: an item or index over the rounds. */
  title = g_strdup_printf (_("%s over the rounds"), slot_label (slot));
  return sam_chart_new (&sam_chart_trend_kind, title, owned, owned_free);
}

/* The heatmap */

/**
 * sam_results_chart_heatmap:
 *
 * Returns: (transfer full): the clinics by code against the three indices, the cluster
 *   as the last row: the coordinator's view of where to look
 */
SamChart *
sam_results_chart_heatmap (SamRoundFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NULL);

  return sam_results_chart_heatmap_part (figures, 0, figures->clinics->len);
}

/**
 * sam_results_chart_heatmap_part:
 * @first: the first clinic shown
 * @n_clinics: how many clinics from there
 *
 * Returns: (transfer full): the heatmap of some of the clinics, the cluster as the last
 *   row: for a page or a slide that cannot hold them all at a size that can be read
 */
SamChart *
sam_results_chart_heatmap_part (SamRoundFigures *figures,
                                guint            first,
                                guint            n_clinics)
{
  Owned *owned;
  SamHeatmapData *data;
  const char **rows, **columns;
  SamFigure *cells;
  g_autofree char *title = NULL;
  guint n_rows, total;

  g_return_val_if_fail (figures != NULL, NULL);

  total = figures->clinics->len;
  first = MIN (first, total);
  n_clinics = MIN (n_clinics, total - first);
  n_rows = n_clinics + 1;
  owned = owned_new ();
  data = &owned->data.heatmap;
  rows = keep (owned->kept, g_new0 (const char *, n_rows + 1));
  columns = keep (owned->kept, g_new0 (const char *, SAM_N_INDICES));
  cells = keep (owned->kept, g_new0 (SamFigure, n_rows * SAM_N_INDICES));
  for (guint r = 0; r < n_rows; r++)
    {
      const SamFigure *source;

      if (r < n_clinics)
        {
          const SamClinicFigures *clinic = g_ptr_array_index (figures->clinics, first + r);

          rows[r] = keep (owned->kept, g_strdup (clinic->code));
          source = clinic->figures;
        }
      else
        {
          rows[r] = keep (owned->kept, g_strdup (figures->cluster_name));
          source = figures->cluster;
        }
      for (SamIndex i = 0; i < SAM_N_INDICES; i++)
        cells[r * SAM_N_INDICES + i] = as_published (&source[SAM_N_ITEMS + i]);
    }
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    columns[i] = sam_results_index_label (i);

  data->n_rows = n_rows;
  data->row_labels = rows;
  data->n_columns = SAM_N_INDICES;
  data->column_labels = columns;
  data->cells = cells;
  data->k = figures->k;
  if (first == 0 && n_clinics == total)
    title = g_strdup (_("The indices, clinic by clinic"));
  else
    /* Translators: a chart's title where the clinics take several pages: the first and
     * the last clinic shown, of how many ("The indices, clinic by clinic: 13–24 of 40"). */
    title = g_strdup_printf (_("The indices, clinic by clinic: %u–%u of %u"), first + 1,
                             first + n_clinics, total);
  return sam_chart_new (&sam_chart_heatmap_kind, title, owned, owned_free);
}

/* Følg udviklingen */

static gboolean
clinic_slot (SamRoundFigures *figures,
             gint64           clinic_id,
             guint            slot,
             SamFigure       *figure)
{
  const SamClinicFigures *clinic = sam_round_figures_find_clinic (figures, clinic_id);

  memset (figure, 0, sizeof *figure);
  if (clinic == NULL)
    return FALSE;
  *figure = as_published (&clinic->figures[slot]);
  return TRUE;
}

/* The plan's actions for one row of Følg udviklingen, each where it reads best: an
 * action on an item beside that item; one on a domain beside the domain's index, or, for a
 * domain without one, beside its first row. Beside every row they aim at, they would
 * repeat down the chart. */
static char *
actions_text (GPtrArray  *plan,
              guint       slot,
              const char *domain_first)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GString *text = g_string_new (NULL);
  const char *id = slot < SAM_N_ITEMS ? sam_instrument_get_item (instrument, slot)->id
                                      : sam_index_to_string (slot - SAM_N_ITEMS);

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      const SamPlanAction *action = g_ptr_array_index (plan, i);
      gboolean here;

      if (action->item != NULL)
        here = g_str_equal (action->item, id);
      else if (action->domain != NULL && slot >= SAM_N_ITEMS)
        here = sam_plan_action_aims_at (action, id);
      else
        here = action->domain != NULL && g_strcmp0 (domain_first, action->domain) == 0;
      if (!here)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: an action of the plan beside the item it aimed at, and its status. */
      g_string_append_printf (text, _("Plan: %s (%s)"), action->what,
                              sam_plan_status_get_label (action->status));
    }
  return g_string_free (text, text->len == 0);
}

static gboolean
domain_has_index (const SamDomain *domain)
{
  SamIndex index;
  g_autofree char *name = g_strdup_printf ("index_%s", domain->id);

  return sam_index_from_string (name, &index);
}

static gboolean
item_has_action (GPtrArray     *plan,
                 const SamItem *item)
{
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    if (g_strcmp0 (((SamPlanAction *) g_ptr_array_index (plan, i))->item, item->id) == 0)
      return TRUE;
  return FALSE;
}

/**
 * sam_results_chart_follow:
 * @follow_up: two rounds of a clinic and its cluster, with the plan
 * @clinic_name: how the clinic is named on the chart
 *
 * "Følg udviklingen" as a chart: the indices, then every item that either round has
 * answers to, named in its words, each a dot-and-arrow for the clinic and the cluster with
 * the plan's actions aimed at it beside. How often meetings are held (a scale whose mean
 * says little) is left out unless an action aims at it.
 *
 * Returns: (transfer full): the chart
 */
SamChart *
sam_results_chart_follow (SamFollowUp *follow_up,
                          const char  *clinic_name)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  Owned *owned;
  SamChangeData *data;
  SamChangeRow *rows;
  guint order[SAM_N_FIGURES], n = 0;
  g_autoptr(GPtrArray) seen_domains = g_ptr_array_new ();

  g_return_val_if_fail (follow_up != NULL && follow_up->before != NULL && follow_up->after != NULL,
                        NULL);

  for (guint i = 0; i < SAM_N_INDICES; i++)
    order[n++] = SAM_N_ITEMS + i;
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    order[n++] = i;

  owned = owned_new ();
  data = &owned->data.change;
  rows = keep (owned->kept, g_new0 (SamChangeRow, SAM_N_FIGURES));
  data->rows = rows;
  data->k = follow_up->after->k;
  data->round_labels[0] = keep (owned->kept, g_strdup (follow_up->before->round_label));
  data->round_labels[1] = keep (owned->kept, g_strdup (follow_up->after->round_label));
  data->unit_names[0] = keep (owned->kept, g_strdup (clinic_name ? clinic_name : ""));
  data->unit_names[1] = keep (owned->kept, g_strdup (follow_up->after->cluster_name));
  /* Translators: the title of the chart of changes between two rounds. */
  data->title = keep (owned->kept,
                            g_strdup_printf (_("Følg udviklingen: %s to %s"),
                                             follow_up->before->round_label,
                                             follow_up->after->round_label));

  for (guint o = 0; o < n; o++)
    {
      guint slot = order[o];
      const SamFollowUpRow *from = &follow_up->rows[slot];
      SamChangeRow *row = &rows[data->n_rows];
      const char *domain_first = NULL;
      gboolean any;

      if (from->clinic.state == SAM_CHANGE_MISSING && from->cluster.state == SAM_CHANGE_MISSING &&
          from->actions->len == 0)
        continue;
      if (slot < SAM_N_ITEMS)
        {
          const SamItem *item = sam_instrument_get_item (instrument, slot);
          const SamDomain *domain = item->question->domain;

          /* How often meetings are held: a mean that says little, unless an action aims
           * at it. */
          if (is_frequency (item->question) && !item_has_action (follow_up->plan, item))
            continue;
          row->label = keep (owned->kept, sam_results_item_short_label (item));
          if (!domain_has_index (domain) &&
              !g_ptr_array_find_with_equal_func (seen_domains, domain->id, g_str_equal, NULL))
            {
              g_ptr_array_add (seen_domains, domain->id);
              domain_first = domain->id;
            }
        }
      else
        {
          row->label = sam_results_index_label (slot - SAM_N_ITEMS);
          row->heading = TRUE;
        }
      any = clinic_slot (follow_up->before, follow_up->clinic_id, slot, &row->before[0]);
      any |= clinic_slot (follow_up->after, follow_up->clinic_id, slot, &row->after[0]);
      row->present[0] = any;
      row->before[1] = as_published (&follow_up->before->cluster[slot]);
      row->after[1] = as_published (&follow_up->after->cluster[slot]);
      row->present[1] = TRUE;
      row->aside = keep (owned->kept, actions_text (follow_up->plan, slot, domain_first));
      data->n_rows++;
    }
  return sam_chart_new (&sam_chart_change_kind, data->title, owned, owned_free);
}
