/* sam-round-figures.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-figures.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* The figures of one round as the Results section shows them: the cluster, each clinic and
 * the country, for every item and index, with suppression applied for the view. In a
 * clinic's own view its own figures are its own and shown whatever their n; every other
 * clinic's are withheld as anywhere outside that clinic, and secondary suppression is
 * worked out as if the own clinic were shown, because its people know their own answers. */

#define SAM_N_FIGURES (SAM_N_ITEMS + SAM_N_INDICES)

typedef struct
{
  gint64     clinic_id;
  char      *code;
  SamFigure  figures[SAM_N_FIGURES];    /* items by SamItem.index, then the indices */
} SamClinicFigures;

typedef struct
{
  gint64     round_id;
  char      *round_label;
  char      *round_date;
  gint64     cluster_id;
  char      *cluster_name;
  int        k;
  gint64     own_clinic_id;             /* 0 in the cluster's (coordinator's) view */
  SamFigure  cluster[SAM_N_FIGURES];
  GPtrArray *clinics;                   /* SamClinicFigures, by code */
  gboolean   has_national;
  SamFigure  national[SAM_N_FIGURES];
} SamRoundFigures;

/* What the leadership team should read first: where the clinic stands against the
 * cluster on each leadership item, and where its answers agree and differ most. */
typedef enum
{
  SAM_STANDING_UNKNOWN,     /* a figure is missing or withheld */
  SAM_STANDING_ABOVE,
  SAM_STANDING_LEVEL,       /* within 5 points */
  SAM_STANDING_BELOW,
} SamStanding;

typedef struct
{
  const SamItem *item;
  double         clinic_mean;
  double         cluster_mean;
  SamStanding    standing;
  double         spread;     /* the standard deviation of the clinic's scores, in points; -1 unknown */
} SamStoryItem;

typedef struct
{
  SamStanding   index_standing;
  double        index_clinic;
  double        index_cluster;
  SamStoryItem  items[8];
  guint         n_items;
  int           agree_most;    /* index into items, -1 where none */
  int           differ_most;
  int           talk_first;
} SamLeadershipStory;

guint              sam_figure_slot             (const char              *item_or_index);

SamRoundFigures   *sam_round_figures_load      (SamStore                *store,
                                                gint64                   round_id,
                                                int                      k,
                                                gint64                   own_clinic_id,
                                                GError                 **error);
void               sam_round_figures_free      (SamRoundFigures         *figures);
const SamClinicFigures *sam_round_figures_find_clinic (SamRoundFigures  *figures,
                                                gint64                   clinic_id);
GPtrArray         *sam_round_figures_list_rounds (SamStore              *store,
                                                gint64                   cluster_id,
                                                GError                 **error);

double             sam_figure_spread           (const SamFigure         *figure,
                                                const SamItem           *item);
SamStanding        sam_standing_compare        (const SamFigure         *clinic,
                                                const SamFigure         *cluster);
gboolean           sam_leadership_story_make   (SamRoundFigures         *figures,
                                                SamLeadershipStory      *story);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRoundFigures, sam_round_figures_free)

G_END_DECLS
