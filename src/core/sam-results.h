/* sam-results.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-figures.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* The tallies of one round: each clinic's and the cluster's (their sum). Loaded from the
 * answers in the store; every figure is then made by the figures module. */

typedef struct
{
  gint64      clinic_id;
  char       *code;
  SamTallies  tallies;
} SamClinicTallies;

typedef struct
{
  gint64      round_id;
  char       *round_label;
  char       *cluster_name;
  SamTallies  cluster;
  GPtrArray  *clinics;        /* SamClinicTallies: clinics with answers or imported tallies,
                               * by code */
} SamRoundTallies;

typedef void (*SamFigureFunc) (const char      *scope,
                               const char      *unit,
                               const char      *item,
                               const SamFigure *figure,
                               gpointer         user_data);

SamRoundTallies *sam_round_tallies_load        (SamStore         *store,
                                                gint64            round_id,
                                                GError          **error);
void             sam_round_tallies_free        (SamRoundTallies  *tallies);
char            *sam_figure_format             (const SamFigure  *figure,
                                                char             *mean,
                                                char             *favourable);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRoundTallies, sam_round_tallies_free)

G_END_DECLS
