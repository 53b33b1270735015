/* test-charts-legible.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "sam-chart-change.h"
#include "sam-chart-comparison.h"
#include "sam-chart-distribution.h"
#include "sam-chart-heatmap.h"
#include "sam-chart-overview.h"
#include "sam-chart-private.h"
#include "sam-demo.h"
#include "sam-results-charts.h"
#include "sam-round-figures.h"
#include "test-common.h"

/* Legibility as a rule of the chart style (sam-chart-style.c): every chart the Results
 * section, the presentation, the deck and a print-out make, of every kind, in every theme
 * and text scale and on every medium, on the demo cluster and on a generated cluster of 40
 * clinics, is drawn with its labels recorded, and
 *
 * - no text is smaller than the medium's minimum (11 px at 1x on a screen, 1/80 of the
 *   picture's width on a projector, 12 pt on the deck's slide, 8 pt on paper);
 * - no two labels' boxes intersect, nor come closer across than 0.4 of the least size,
 *   more than a word space (so that "n 12" and "n 11" never read as "n 12n 11");
 * - no label's ink, with a tenth of its size around it, touches a mark (a bar, a segment, a
 *   marker, a cell, a swatch), but a number written on its own mark, whose ink stays
 *   inside that mark; labels' line boxes keep them apart from each other;
 * - every label stays on the chart.
 *
 * At the app's own sizes (the Results page at 1x, the deck's slide) every name a reader
 * needs is on the chart too: the items, the clinics (every other one at least, where 40 do
 * not fit, and the own clinic always), the rounds, the heatmap's rows. In English and in
 * Danish.
 *
 * With SAMARBEJDE_CHART_SHOTS=DIR the charts are written there as PNG for a person too;
 * with SAMARBEJDE_CHART_LEFT_OUT=1 every label left out is listed on stderr. */

typedef struct
{
  const char     *name;
  SamChartMedium  medium;
  double          picture;     /* the whole picture's width, for the projector and the slide */
  double          scales[3];   /* the text scales tried; 0 ends */
} Medium;

static const Medium media[] = {
  { "screen", SAM_CHART_SCREEN, 0, { 1, 1.5, 2 } },
  { "projector", SAM_CHART_PROJECTOR, 1920, { 1, 2, 0 } },
  { "projector", SAM_CHART_PROJECTOR, 1280, { 1, 0, 0 } },
  { "slide", SAM_CHART_SLIDE, 960, { 1.15, 2, 0 } },
  { "paper", SAM_CHART_PAPER, 0, { 0.75, 1, 2 } },
};

static const SamChartTheme themes[] = { SAM_CHART_LIGHT, SAM_CHART_DARK, SAM_CHART_HIGH_CONTRAST };

static char *tmpdir;
static guint n_drawn, n_labels, n_left_out;

static guint
count_units (const SamComparisonRow *rows,
             guint                   n_rows)
{
  guint n = 0;

  for (guint u = 0; u < SAM_N_UNITS; u++)
    for (guint r = 0; r < n_rows; r++)
      if (rows[r].present[u])
        {
          n++;
          break;
        }
  return MAX (n, 1);
}

/* The sizes a chart is drawn at on @medium: where the app draws it, and one other. */
static guint
chart_sizes (SamChart      *chart,
             const Medium  *medium,
             double       (*sizes)[2])
{
  const char *kind = sam_chart_get_kind_name (chart);
  double screen_height = 380;

  if (g_str_equal (kind, "comparison"))
    {
      const SamComparisonData *data = sam_chart_get_data (chart);

      /* As the Results page sizes them (sam-results-page.c). */
      screen_height = MAX (220, 120 + data->n_rows * count_units (data->rows, data->n_rows) * 32);
    }
  else if (g_str_equal (kind, "distribution"))
    {
      const SamDistributionData *data = sam_chart_get_data (chart);

      screen_height =
        MAX (220, 120 + data->n_rows * count_units (data->rows, data->n_rows) * 32) + 40;
    }
  else if (g_str_equal (kind, "trend"))
    screen_height = 320;
  else if (g_str_equal (kind, "heatmap"))
    {
      const SamHeatmapData *data = sam_chart_get_data (chart);

      screen_height = 90 + data->n_rows * 36;
    }

  switch (medium->medium)
    {
    case SAM_CHART_PROJECTOR:
      /* The presentation, full screen on 1920 x 1080 (or a laptop's 1280 x 720). */
      if (medium->picture >= 1920)
        sizes[0][0] = 1840, sizes[0][1] = 880;
      else
        sizes[0][0] = 1200, sizes[0][1] = 560;
      return 1;
    case SAM_CHART_SLIDE:
      /* The deck's chart, under its title, on a 960 x 540 pt slide. */
      sizes[0][0] = 912, sizes[0][1] = 450;
      return 1;
    case SAM_CHART_PAPER:
      /* Two charts on an A4 page inside its margins. */
      sizes[0][0] = 538, sizes[0][1] = 370;
      return 1;
    case SAM_CHART_SCREEN:
    default:
      sizes[0][0] = 715, sizes[0][1] = screen_height;
      sizes[1][0] = 1600, sizes[1][1] = 900;
      return 2;
    }
}

static void
describe_label (const SamChartLabelRecord *label,
                GString                   *out)
{
  g_string_append_printf (out, "“%s” %.1f at (%.1f, %.1f, %.1f x %.1f)", label->text, label->size,
                          label->rect.x, label->rect.y, label->rect.width, label->rect.height);
}

static gboolean
contains (const SamRect *outer,
          const SamRect *inner,
          double         slack)
{
  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

/* The rules, checked on what was drawn: every pair, not only what the placer looked at. */
static char *
broken_rule (const SamChartRecord *record)
{
  g_autoptr(GString) out = g_string_new (NULL);
  SamRect page = { 0, 0, record->width, record->height };

  for (guint i = 0; i < record->labels->len; i++)
    {
      const SamChartLabelRecord *a = &g_array_index (record->labels, SamChartLabelRecord, i);

      if (a->size < record->min_text - 1e-6)
        {
          g_string_append (out, "too small: ");
          describe_label (a, out);
          g_string_append_printf (out, ", the least is %.1f", record->min_text);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      if (!contains (&page, &a->rect, 0.5))
        {
          g_string_append (out, "off the chart: ");
          describe_label (a, out);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      if (a->host >= 0 &&
          !contains (&g_array_index (record->marks, SamRect, a->host), &a->ink, 0.5))
        {
          g_string_append (out, "out of its mark: ");
          describe_label (a, out);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      for (guint j = i + 1; j < record->labels->len; j++)
        {
          const SamChartLabelRecord *b = &g_array_index (record->labels, SamChartLabelRecord, j);
          /* Apart by more than a word space across, so that two never read as one. */
          double across = record->min_text * 0.4 - 0.02, along = record->min_text * 0.05 - 0.02;
          SamRect spaced = { a->rect.x - across, a->rect.y - along, a->rect.width + 2 * across,
                             a->rect.height + 2 * along };

          if (_sam_rect_intersects (&spaced, &b->rect))
            {
              g_string_append (out, "labels overlap: ");
              describe_label (a, out);
              g_string_append (out, " and ");
              describe_label (b, out);
              return g_string_free (g_steal_pointer (&out), FALSE);
            }
        }
      for (guint m = 0; m < record->marks->len; m++)
        {
          const SamRect *mark = &g_array_index (record->marks, SamRect, m);

          if ((int) m != a->host && _sam_rect_intersects (&a->glyphs, mark))
            {
              g_string_append (out, "a label covers a mark: ");
              describe_label (a, out);
              g_string_append_printf (out, " and the mark at (%.1f, %.1f, %.1f x %.1f)", mark->x,
                                      mark->y, mark->width, mark->height);
              return g_string_free (g_steal_pointer (&out), FALSE);
            }
        }
    }
  return NULL;
}

static char *
file_name (const char *text)
{
  GString *name = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && c < 128)
        g_string_append_c (name, g_ascii_tolower ((char) c));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
      if (name->len > 40)
        break;
    }
  return g_string_free (name, FALSE);
}

static void
write_png (SamChart            *chart,
           const SamChartStyle *style,
           double               width,
           double               height,
           const char          *path)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cairo_t *cr = cairo_create (surface);

  sam_chart_draw (chart, style, cr, width, height);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* The names a reader needs to read the chart at all: the items, the clinics' codes, the
 * rounds, the heatmap's rows. Where the app draws a chart at its own size, none may be
 * left out, not only numbers. */
/* Where the app draws @chart at a size it chose itself: the Results page, the deck (whose
 * heatmap takes 12 clinics a slide). */
static gboolean
medium_is_the_apps (SamChart     *chart,
                    const Medium *medium)
{
  if (medium->medium == SAM_CHART_SLIDE && g_str_equal (sam_chart_get_kind_name (chart), "heatmap"))
    return ((const SamHeatmapData *) sam_chart_get_data (chart))->n_rows <= 13;
  return medium->medium == SAM_CHART_SCREEN || medium->medium == SAM_CHART_SLIDE;
}

static GPtrArray *
names_needed (SamChart *chart)
{
  const char *kind = sam_chart_get_kind_name (chart);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (kind, "overview"))
    {
      const SamOverviewData *data = sam_chart_get_data (chart);

      for (guint b = 0; b < data->n_bars; b++)
        g_ptr_array_add (names, g_strdup (data->bars[b].code));
    }
  else
    {
      g_autoptr(SamChartTable) table = sam_chart_table (chart);

      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *name = ((char **) g_ptr_array_index (table->rows, r))[0];

          if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, g_strdup (name));
        }
    }
  return names;
}

static gboolean
has_name (const SamChartRecord *record,
          const char           *name)
{
  g_autofree char *first = g_strndup (name, strcspn (name, " "));

  /* A long name may wrap or end in "…": its first word is there. */
  for (guint l = 0; l < record->labels->len; l++)
    {
      const char *text = g_array_index (record->labels, SamChartLabelRecord, l).text;

      if (g_str_equal (text, name) || g_str_has_prefix (text, first))
        return TRUE;
    }
  return FALSE;
}

static void
expect_names (SamChart             *chart,
              const SamChartRecord *record,
              const char           *what)
{
  g_autoptr(GPtrArray) names = names_needed (chart);
  gboolean overview = g_str_equal (sam_chart_get_kind_name (chart), "overview");
  gboolean before = TRUE;

  for (guint n = 0; n < names->len; n++)
    {
      const char *name = g_ptr_array_index (names, n);
      gboolean found = has_name (record, name);

      /* Clinic by clinic, where the clinics are too many for each to have its code at the
       * smallest size, every other one keeps it, and the own clinic always. */
      if (overview && !found && before &&
          !((const SamOverviewData *) sam_chart_get_data (chart))->bars[n].own)
        {
          before = FALSE;
          continue;
        }
      if (!found)
        g_test_message ("%s: “%s” is left out", what, name);
      g_assert_true (found);
      before = TRUE;
    }
}

/* Draws @chart everywhere it may be read and checks the rules each time. */
static void
expect_legible (SamChart   *chart,
                const char *set)
{
  const char *shots = g_getenv ("SAMARBEJDE_CHART_SHOTS");

  for (guint m = 0; m < G_N_ELEMENTS (media); m++)
    for (guint s = 0; s < G_N_ELEMENTS (media[m].scales) && media[m].scales[s] > 0; s++)
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          double sizes[2][2];
          guint n_sizes = chart_sizes (chart, &media[m], sizes);

          for (guint z = 0; z < n_sizes; z++)
            {
              SamChartStyle style;
              SamChartRecord record;
              /* Only where the labels go is checked: a recording surface draws nothing. */
              cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
              cairo_t *cr = cairo_create (surface);
              g_autofree char *broken = NULL;

              sam_chart_style_init (&style, themes[t], media[m].scales[s]);
              sam_chart_style_set_medium (&style, media[m].medium, media[m].picture);
              /* Følg udviklingen is as tall as its rows need, wherever it is drawn. */
              if (g_str_equal (sam_chart_get_kind_name (chart), "change"))
                sizes[z][1] = sam_chart_change_height (sam_chart_get_data (chart), &style,
                                                       sizes[z][0]);
              _sam_chart_record_start (&record);
              sam_chart_draw (chart, &style, cr, sizes[z][0], sizes[z][1]);
              _sam_chart_record_stop (&record);
              cairo_destroy (cr);
              cairo_surface_destroy (surface);

              g_assert_cmpfloat (record.min_text, >=,
                                 sam_chart_medium_min_text (media[m].medium, media[m].scales[s],
                                                            media[m].picture) - 1e-9);
              broken = broken_rule (&record);
              if (broken != NULL || (shots != NULL && t == 0 && s == 0))
                {
                  g_autofree char *name = file_name (sam_chart_get_title (chart));
                  g_autofree char *base =
                    g_strdup_printf ("%s-%s-%s-%.0fx%.0f-%g-%u.png", set, name, media[m].name,
                                     sizes[z][0], sizes[z][1], media[m].scales[s], t);
                  g_autofree char *path =
                    g_build_filename (broken != NULL || shots == NULL ? g_get_tmp_dir () : shots,
                                      base, NULL);

                  write_png (chart, &style, sizes[z][0], sizes[z][1], path);
                  if (broken != NULL)
                    g_test_message ("%s, %s, %s at %.0f x %.0f, scale %g, theme %u: %s; the image "
                                    "is in %s",
                                    set, sam_chart_get_title (chart), media[m].name, sizes[z][0],
                                    sizes[z][1], media[m].scales[s], t, broken, path);
                }
              g_assert_null (broken);
              g_assert_cmpuint (record.labels->len, >, 0);
              /* At the app's own sizes, in its light theme: every name a reader needs. */
              if (t == 0 && z == 0 && s == 0 && medium_is_the_apps (chart, &media[m]))
                {
                  g_autofree char *what = g_strdup_printf ("%s, %s, %s", set,
                                                           sam_chart_get_title (chart),
                                                           media[m].name);

                  expect_names (chart, &record, what);
                }
              n_drawn++;
              n_labels += record.labels->len;
              n_left_out += record.n_left_out;
              if (g_getenv ("SAMARBEJDE_CHART_LEFT_OUT") != NULL)
                for (guint i = 0; i < record.left_out->len; i++)
                  g_printerr ("left out\t%s\t%s\t%s\t%.0fx%.0f\t%g\t%s\n", set,
                              sam_chart_get_kind_name (chart), media[m].name, sizes[z][0],
                              sizes[z][1], media[m].scales[s],
                              (char *) g_ptr_array_index (record.left_out, i));
              _sam_chart_record_clear (&record);
              sam_chart_style_clear (&style);
            }
        }
}

/* Følg udviklingen of a clinic between the history's last two rounds, as the Plan page
 * makes it, with actions of the plan beside an item and an index. */
static SamChart *
follow_chart (SamRoundHistory *history)
{
  SamFollowUp follow_up = { 0 };
  SamPlanAction lunch = { .what = (char *) "Fælles frokost om fredagen, hver uge, for alle i klinikken",
                          .item = (char *) "q7h", .status = SAM_PLAN_STATUS_IN_PROGRESS };
  SamPlanAction meeting = { .what = (char *) "Kort morgenmøde", .domain = (char *) "C",
                            .status = SAM_PLAN_STATUS_PLANNED };
  const SamClinicFigures *clinic;
  SamChart *chart;

  follow_up.before = g_ptr_array_index (history->history, history->history->len - 2);
  follow_up.after = history->figures;
  clinic = history->figures->own_clinic_id != 0
           ? sam_round_figures_find_clinic (history->figures, history->figures->own_clinic_id)
           : g_ptr_array_index (history->figures->clinics, 0);
  follow_up.clinic_id = clinic->clinic_id;
  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    {
      SamFollowUpRow *row = &follow_up.rows[slot];
      const SamClinicFigures *before = sam_round_figures_find_clinic (follow_up.before, clinic->clinic_id);
      static const SamFigure none = { 0 };

      row->slot = slot;
      sam_change_compute (&row->clinic, before ? &before->figures[slot] : &none, &clinic->figures[slot]);
      sam_change_compute (&row->cluster, &follow_up.before->cluster[slot], &follow_up.after->cluster[slot]);
      row->actions = g_ptr_array_new ();
      if (slot == sam_figure_slot ("q7h"))
        g_ptr_array_add (row->actions, &lunch);
      if (slot == sam_figure_slot ("index_C"))
        g_ptr_array_add (row->actions, &meeting);
    }
  chart = sam_results_chart_follow (&follow_up, clinic->code);
  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    g_ptr_array_unref (follow_up.rows[slot].actions);
  return chart;
}

/* Every chart of a round, as the Results section, the presentation, the deck and the Plan
 * page make them. */
static GPtrArray *
all_charts (SamRoundHistory *history)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  SamRoundFigures *figures = history->figures;
  SamRoundFigures *previous =
    history->history->len >= 2 ? g_ptr_array_index (history->history, history->history->len - 2)
                               : NULL;
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_chart_unref);

  g_ptr_array_add (charts, sam_results_chart_indices (figures));
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    {
      g_ptr_array_add (charts, sam_results_chart_overview (figures, previous, SAM_N_ITEMS + i));
      g_ptr_array_add (charts, sam_results_chart_trend (history->history, figures->own_clinic_id,
                                                        SAM_N_ITEMS + i));
    }
  g_ptr_array_add (charts, sam_results_chart_heatmap (figures));
  /* The deck's heatmap, 12 clinics a slide. */
  for (guint first = 0; figures->clinics->len > 12 && first < figures->clinics->len; first += 12)
    g_ptr_array_add (charts, sam_results_chart_heatmap_part (figures, first, 12));
  for (guint q = 0; q < sam_instrument_get_n_questions (instrument); q++)
    {
      const SamQuestion *question = sam_instrument_get_question (instrument, q);

      g_ptr_array_add (charts, sam_results_chart_question (figures, question));
      g_ptr_array_add (charts, sam_results_chart_distribution (figures, question));
    }
  g_ptr_array_add (charts, follow_chart (history));
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    g_ptr_array_add (charts, sam_results_chart_overview_sorted (figures, previous, SAM_N_ITEMS + i,
                                                                TRUE));
  return charts;
}

static void
expect_all_legible (SamRoundHistory *history,
                    const char      *set)
{
  g_autoptr(GPtrArray) charts = all_charts (history);

  n_drawn = n_labels = n_left_out = 0;
  for (guint c = 0; c < charts->len; c++)
    expect_legible (g_ptr_array_index (charts, c), set);
  g_test_message ("%s: %u charts drawn, %u labels placed, %u left out for lack of room", set,
                  n_drawn, n_labels, n_left_out);
  g_assert_cmpuint (n_drawn, >=, charts->len * 3 * 10);
}

static SamRoundHistory *
load_demo (const char *name,
           gboolean    own_view)
{
  g_autofree char *db = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (db, &error);
  g_autoptr(GPtrArray) rounds = NULL;
  SamFiguresPolicy policy = { 0, 0 };
  SamRoundHistory *history;

  g_assert_no_error (error);
  rounds = sam_store_list_rounds (store, &error);
  g_assert_no_error (error);
  if (own_view)
    {
      g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);

      policy.own_clinic_id = ((SamClinic *) g_ptr_array_index (clinics, 0))->id;
    }
  /* Newest first. */
  history = sam_round_history_load (store, ((SamRound *) g_ptr_array_index (rounds, 0))->id,
                                    &policy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->history->len, >=, 2);
  return history;
}

static void
test_demo_cluster_view (void)
{
  g_autoptr(SamRoundHistory) history = load_demo ("demo-cluster.db", FALSE);

  expect_all_legible (history, "demo");
}

static void
test_demo_own_view (void)
{
  g_autoptr(SamRoundHistory) history = load_demo ("demo-own.db", TRUE);

  g_assert_cmpint (history->figures->own_clinic_id, !=, 0);
  expect_all_legible (history, "demo-own");
}

/* A generated cluster of 40 clinics over two rounds: small clinics withheld (fewer than
 * 3), some withheld so that another cannot be worked out, one clinic without answers, one
 * with a long name, the country beside the cluster. */

static void
clinic_figures_free (gpointer data)
{
  SamClinicFigures *clinic = data;

  g_free (clinic->code);
  g_free (clinic);
}

static void
make_figures (SamFigure     *figures,
              GRand         *rand,
              guint          size,
              SamTallies    *cluster)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      guint n_codes = item->question->scale->options->len;
      SamItemTally tally = { { 0 }, 0 };

      for (guint a = 0; a < size; a++)
        tally.counts[1 + g_rand_int_range (rand, 0, (gint32) MIN (n_codes, 3) + (a % 2))]++;
      for (guint c = 0; c <= SAM_MAX_CODES; c++)
        cluster->items[i].counts[c] += tally.counts[c];
      sam_figure_from_item_tally (&figures[i], item, &tally);
    }
  for (guint x = 0; x < SAM_N_INDICES; x++)
    {
      SamIndexTally tally = { size, size * g_rand_double_range (rand, 35, 95) };

      cluster->indices[x].n += tally.n;
      cluster->indices[x].sum += tally.sum;
      sam_figure_from_index_tally (&figures[SAM_N_ITEMS + x], &tally);
    }
}

static SamRoundFigures *
make_round (guint        round,
            gint64       own_clinic_id)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  SamRoundFigures *figures = g_new0 (SamRoundFigures, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (40 + round);
  SamTallies cluster;

  sam_tallies_clear (&cluster);
  figures->round_id = round + 1;
  figures->round_label = g_strdup (round == 0 ? "Baseline 2025" : "Opfølgning 2026");
  figures->round_date = g_strdup (round == 0 ? "2025-03-12" : "2026-03-18");
  figures->cluster_id = 1;
  figures->cluster_name = g_strdup ("Klynge Midt-Vest");
  figures->k = 3;
  figures->closed = TRUE;
  figures->own_clinic_id = own_clinic_id;
  figures->clinics = g_ptr_array_new_with_free_func (clinic_figures_free);
  for (guint c = 0; c < 40; c++)
    {
      SamClinicFigures *clinic = g_new0 (SamClinicFigures, 1);
      /* From 1 to 14 answers; some clinics too small to show. */
      guint size = 1 + (c * 7 + round * 3) % 14;

      clinic->clinic_id = c + 1;
      clinic->code = c == 17 ? g_strdup ("Lægehuset ved Søndergade") : g_strdup_printf ("Klinik %u", c + 1);
      if (c == 23)
        size = 0;
      make_figures (clinic->figures, rand, size, &cluster);
      for (guint f = 0; f < SAM_N_FIGURES; f++)
        {
          sam_figure_apply_primary (&clinic->figures[f], figures->k);
          /* One pattern of secondary suppression, as the real one would leave. */
          if (c % 13 == 5 && clinic->figures[f].withheld == SAM_WITHHELD_NONE &&
              clinic->figures[f].n > 0)
            clinic->figures[f].withheld = SAM_WITHHELD_SECONDARY;
        }
      g_ptr_array_add (figures->clinics, clinic);
    }
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    sam_figure_from_item_tally (&figures->cluster[i], sam_instrument_get_item (instrument, i),
                                &cluster.items[i]);
  for (guint x = 0; x < SAM_N_INDICES; x++)
    sam_figure_from_index_tally (&figures->cluster[SAM_N_ITEMS + x], &cluster.indices[x]);
  /* The country: the cluster's shape at a larger n. */
  figures->has_national = TRUE;
  for (guint f = 0; f < SAM_N_FIGURES; f++)
    {
      figures->national[f] = figures->cluster[f];
      figures->national[f].n = figures->cluster[f].n * 31;
      figures->national[f].mean = CLAMP (figures->cluster[f].mean - 4 + f % 9, 0, 100);
    }
  return figures;
}

static SamRoundHistory *
make_history (gint64 own_clinic_id)
{
  SamRoundHistory *history = g_new0 (SamRoundHistory, 1);

  history->history = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_round_figures_free);
  g_ptr_array_add (history->history, make_round (0, own_clinic_id));
  g_ptr_array_add (history->history, make_round (1, own_clinic_id));
  history->figures = g_ptr_array_index (history->history, 1);
  return history;
}

static void
test_cluster_of_40 (void)
{
  g_autoptr(SamRoundHistory) history = make_history (0);
  g_autoptr(SamRoundHistory) own = make_history (18);

  expect_all_legible (history, "forty");
  expect_all_legible (own, "forty-own");
}

/* In Danish, whose words are longer ("Klyngens gennemsnit"): in a process of its own, as
 * the instrument is translated once, when first read. */
static void
test_danish (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SamRoundHistory) demo = load_demo ("demo-da.db", FALSE);
      g_autoptr(SamRoundHistory) own = load_demo ("demo-da-own.db", TRUE);
      g_autoptr(SamRoundHistory) forty = make_history (0);

      g_assert_cmpstr (sam_results_index_label (SAM_INDEX_A), !=, "Leadership index");
      expect_all_legible (demo, "demo-da");
      expect_all_legible (own, "demo-da-own");
      expect_all_legible (forty, "forty-da");
      return;
    }
  g_setenv ("LANGUAGE", "da", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                   G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMARBEJDE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/charts/legible/demo-cluster-view", test_demo_cluster_view);
  g_test_add_func ("/charts/legible/demo-own-view", test_demo_own_view);
  g_test_add_func ("/charts/legible/cluster-of-40", test_cluster_of_40);
  g_test_add_func ("/charts/legible/danish", test_danish);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
