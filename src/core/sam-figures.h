/* sam-figures.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-instrument.h"

G_BEGIN_DECLS

/* Every figure anywhere (chart, table, PDF, CSV) is computed here, from tallies, so that
 * they can never disagree. Suppression (instrument contract, "Anonymity") is applied here
 * too, once, by the same code for every view and file. */

#define SAM_N_ITEMS     31
#define SAM_MAX_CODES   6
#define SAM_MAX_RESPONDENTS 100000   /* of one clinic or cluster in a round: more is no clinic's */
/* A round's figures of one unit: the items by SamItem.index, then the indices. */
#define SAM_N_FIGURES   (SAM_N_ITEMS + 3)

typedef enum
{
  SAM_INDEX_A,
  SAM_INDEX_C,
  SAM_INDEX_D,
  SAM_N_INDICES
} SamIndex;

G_STATIC_ASSERT (SAM_N_FIGURES == SAM_N_ITEMS + SAM_N_INDICES);
G_STATIC_ASSERT (SAM_N_FIGURES <= 64);

/* Counts of one item's answers in one unit and round: counts[code] for code 1..6
 * (counts[0] unused); not-applicable answers apart. Missing answers are not counted. */
typedef struct
{
  guint counts[SAM_MAX_CODES + 1];
  guint not_applicable;
} SamItemTally;

/* One domain index in one unit and round: the respondents counted and the sum of their
 * domain scores. */
typedef struct
{
  guint  n;
  double sum;
} SamIndexTally;

/* All tallies of one unit (a clinic, a cluster) in one round, items by SamItem.index. */
typedef struct
{
  SamItemTally  items[SAM_N_ITEMS];
  SamIndexTally indices[SAM_N_INDICES];
} SamTallies;

typedef enum
{
  SAM_WITHHELD_NONE,
  SAM_WITHHELD_PRIMARY,     /* fewer than k answers */
  SAM_WITHHELD_SECONDARY,   /* withheld so that another withheld figure cannot be worked out */
} SamWithheld;

typedef struct
{
  guint        n;
  double       mean;                          /* 0-100; meaningful where n > 0 */
  gboolean     has_favourable;                /* FALSE for the meetings scale and indices */
  double       favourable;                    /* percent; meaningful where n > 0 */
  guint        n_codes;                       /* length of distribution; 0 for indices */
  double       distribution[SAM_MAX_CODES];   /* percent per code, in code order */
  SamWithheld  withheld;
} SamFigure;

const char *sam_index_to_string          (SamIndex             index);
gboolean    sam_index_from_string        (const char          *str,
                                          SamIndex            *index);
gboolean    sam_index_has_item           (SamIndex             index,
                                          const char          *item_id);

void        sam_tallies_clear            (SamTallies          *tallies);
void        sam_tallies_add_respondent   (SamTallies          *tallies,
                                          SamInstrument       *instrument,
                                          SamRole              role,
                                          const int           *codes);
void        sam_tallies_merge            (SamTallies          *into,
                                          const SamTallies    *from);

char       *sam_tallies_fingerprint      (const SamTallies    *tallies);
void        sam_figure_from_item_tally   (SamFigure           *figure,
                                          const SamItem       *item,
                                          const SamItemTally  *tally);
void        sam_figure_from_index_tally  (SamFigure           *figure,
                                          const SamIndexTally *tally);

gboolean    sam_figure_is_shown          (const SamFigure     *figure);
void        sam_figure_apply_primary     (SamFigure           *figure,
                                          int                  k);
void        sam_figures_suppress_cluster (SamFigure           *cluster,
                                          SamFigure          **clinics,
                                          const char * const  *clinic_codes,
                                          guint                n_clinics,
                                          int                  k);
void        sam_figures_suppress_group   (SamFigure          **cluster,
                                          guint                n_members,
                                          SamFigure          **clinics,
                                          const char * const  *clinic_codes,
                                          guint                n_clinics,
                                          int                  k);
guint       sam_figure_group             (guint                slot,
                                          guint               *members);
void        sam_figures_suppress_round   (SamFigure           *cluster,
                                          SamFigure          **clinics,
                                          const char * const  *clinic_codes,
                                          guint                n_clinics,
                                          int                  k);

G_END_DECLS
