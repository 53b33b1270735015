/* sam-results-charts.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart.h"
#include "sam-instrument.h"
#include "sam-follow-up.h"
#include "sam-round-figures.h"

G_BEGIN_DECLS

/* The Results section's charts, made from a round's figures: the one place where the
 * figures become chart data, so the screen, the files and the print-out draw the same. */

const char *sam_results_item_label            (const SamItem     *item);
char       *sam_results_item_short_label      (const SamItem     *item);
const char *sam_results_index_label           (SamIndex           index);
char       *sam_results_question_title        (const SamQuestion *question);

SamChart   *sam_results_chart_question        (SamRoundFigures   *figures,
                                               const SamQuestion *question);
SamChart   *sam_results_chart_distribution    (SamRoundFigures   *figures,
                                               const SamQuestion *question);
SamChart   *sam_results_chart_indices         (SamRoundFigures   *figures);
SamChart   *sam_results_chart_overview        (SamRoundFigures   *figures,
                                               SamRoundFigures   *previous,
                                               guint              slot);
SamChart   *sam_results_chart_overview_sorted (SamRoundFigures   *figures,
                                               SamRoundFigures   *previous,
                                               guint              slot,
                                               gboolean           by_value);
SamChart   *sam_results_chart_trend           (GPtrArray         *history,
                                               gint64             own_clinic_id,
                                               guint              slot);
SamChart   *sam_results_chart_follow          (SamFollowUp       *follow_up,
                                               const char        *clinic_name);
SamChart   *sam_results_chart_heatmap         (SamRoundFigures   *figures);
SamChart   *sam_results_chart_heatmap_part    (SamRoundFigures   *figures,
                                               guint              first,
                                               guint              n_clinics);

G_END_DECLS
