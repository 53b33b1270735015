/* sam-round-figures.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-figures.h"
#include "sam-results.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* The figures of one round for a view: the cluster, each clinic and the country, for every
 * item and index, with the one suppression pattern of the round applied (instrument
 * contract, "Anonymity"). Every view, file and deck reads this one result. A clinic's own
 * view differs from the cluster's only in showing the clinic its own figures.
 *
 * Where the cluster's figures file came for the round (a clinic's computer), the cluster,
 * the other clinics and the country are the file's, exactly as the coordinator made them,
 * and the clinic's own figures come from its own answers where it has them here. */

typedef struct
{
  gint64     clinic_id;                 /* 0 for a clinic only the figures file knows */
  char      *code;
  SamFigure  figures[SAM_N_FIGURES];    /* items by SamItem.index, then the indices */
} SamClinicFigures;

typedef enum
{
  SAM_FIGURES_FROM_ANSWERS,             /* answers and clinics' tallies in this database */
  SAM_FIGURES_FROM_FILE,                /* the cluster's figures file from the coordinator */
} SamFiguresSource;

/* Whose view, at which minimum group size. */
typedef struct
{
  int     k;                            /* 0: the round's own k (sam_store_get_round_k) */
  gint64  own_clinic_id;                /* 0: the cluster's view */
} SamFiguresPolicy;

typedef struct
{
  gint64            round_id;
  char             *round_label;
  char             *round_date;
  gint64            cluster_id;
  char             *cluster_name;
  int               k;
  gboolean          closed;
  int               published_k;        /* 0 where not yet published */
  gint64            own_clinic_id;      /* 0 in the cluster's (coordinator's) view */
  SamFigure         cluster[SAM_N_FIGURES];
  GPtrArray        *clinics;            /* SamClinicFigures, by code */
  gboolean          has_national;
  SamFigure         national[SAM_N_FIGURES];
  guint64           national_known;     /* bit per slot: the national figures that came */
  SamFiguresSource  source;
  char             *source_file;        /* the figures file's name, where from one */
  char             *source_date;        /* when it was taken in, YYYY-MM-DD */
  gboolean          own_changed;        /* the own clinic's answers changed after its tallies
                                         * went out */
} SamRoundFigures;

/* What the Results section shows for a round: its figures, and those of its cluster's
 * rounds up to it, for the trends and the round before. */
typedef struct
{
  SamRoundFigures  *figures;            /* the round's own: the last of @history */
  GPtrArray        *history;            /* SamRoundFigures, oldest first, up to this round */
} SamRoundHistory;

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
  double         spread;     /* the standard deviation of the clinic's scores, in points;
                              * -1 unknown */
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

/* Where a clinic should start, for one domain: its strongest and weakest items against the
 * cluster, read only from figures that are shown on both sides (a withheld item is never
 * named). Items on the meetings scale (how often) are left out: the right frequency differs
 * per meeting type, so more or less often is neither strong nor weak. */
typedef struct
{
  const SamDomain *domain;
  gboolean         answered;    /* the own clinic has answers in the domain */
  guint            n_compared;  /* items read against the cluster */
  SamStoryItem     strongest;   /* .item NULL where none */
  SamStoryItem     weakest;     /* .item NULL where none, or the same as strongest */
} SamDomainReading;

/* An index's figure at a glance, and its change since the round before: the change only
 * where both rounds' figures are shown. */
typedef struct
{
  SamFigure  figure;
  gboolean   has_previous;      /* the round before had this unit */
  gboolean   has_change;
  double     change;            /* figure.mean minus the round before's, in points */
  SamFigure  previous;
} SamHeadline;

guint              sam_figure_slot             (const char              *item_or_index);

SamRoundFigures   *sam_round_figures_load      (SamStore                *store,
                                                gint64                   round_id,
                                                const SamFiguresPolicy  *policy,
                                                GError                 **error);
void               sam_round_figures_foreach_row (SamRoundFigures       *figures,
                                                SamFigureFunc            func,
                                                gpointer                 user_data);
gboolean           sam_results_write_csv       (SamStore                *store,
                                                const char              *round_label,
                                                const SamFiguresPolicy  *policy,
                                                GString                 *out,
                                                guint                   *n_rows,
                                                GPtrArray              **left_out,
                                                GError                 **error);
SamRound          *sam_round_figures_newest_round (SamStore             *store,
                                                gint64                   cluster_id,
                                                GError                 **error);
SamRoundFigures   *sam_round_figures_load_newest (SamStore              *store,
                                                gint64                   cluster_id,
                                                gint64                   clinic_id,
                                                GError                 **error);
void               sam_round_figures_free      (SamRoundFigures         *figures);
gboolean           sam_round_figures_are_own_only (const SamRoundFigures *figures);
gboolean           sam_round_figures_publish   (SamStore                *store,
                                                const SamRoundFigures   *figures,
                                                GError                 **error);
gboolean           sam_round_history_publish   (SamStore                *store,
                                                const SamRoundHistory   *history,
                                                GError                 **error);
const SamClinicFigures *sam_round_figures_find_clinic (SamRoundFigures  *figures,
                                                gint64                   clinic_id);
GPtrArray         *sam_round_figures_list_rounds (SamStore              *store,
                                                gint64                   cluster_id,
                                                GError                 **error);
SamRoundHistory   *sam_round_history_load      (SamStore                *store,
                                                gint64                   round_id,
                                                const SamFiguresPolicy  *policy,
                                                GCancellable            *cancellable,
                                                GError                 **error);
void               sam_round_history_free      (SamRoundHistory         *history);

double             sam_figure_spread           (const SamFigure         *figure,
                                                const SamItem           *item);
SamStanding        sam_standing_compare        (const SamFigure         *clinic,
                                                const SamFigure         *cluster);
gboolean           sam_leadership_story_make   (SamRoundFigures         *figures,
                                                SamLeadershipStory      *story);
gboolean           sam_domain_reading_make     (SamRoundFigures         *figures,
                                                const SamDomain         *domain,
                                                SamDomainReading        *reading);
void               sam_headline_make           (SamRoundFigures         *figures,
                                                SamRoundFigures         *previous,
                                                gint64                   clinic_id,
                                                guint                    slot,
                                                SamHeadline             *headline);
GPtrArray         *sam_round_figures_rank_clinics (SamRoundFigures      *figures,
                                                guint                    slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRoundFigures, sam_round_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRoundHistory, sam_round_history_free)

G_END_DECLS
