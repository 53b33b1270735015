/* sam-follow-up.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-plan.h"
#include "sam-round-figures.h"

G_BEGIN_DECLS

/* "Følg udviklingen": two rounds side by side for a clinic and its cluster. Per item and
 * index the change in mean and in favourable share, its direction, and whether it is small
 * (under SAM_CHANGE_SMALL points); the plan's actions beside the items they aimed at, so
 * the clinic sees whether what it did moved what it meant to move. The figures of both
 * rounds come from sam_round_figures_load, so suppression holds: a change is withheld
 * where either round's figure is withheld, because the change would give the figure away. */

#define SAM_CHANGE_SMALL 5.0

typedef enum
{
  SAM_CHANGE_SHOWN,
  SAM_CHANGE_WITHHELD,    /* a figure of either round is withheld */
  SAM_CHANGE_MISSING,     /* either round has no answers to it */
} SamChangeState;

typedef enum
{
  SAM_DIRECTION_LEVEL,    /* no change to one decimal */
  SAM_DIRECTION_UP,
  SAM_DIRECTION_DOWN,
} SamDirection;

typedef struct
{
  double       before;
  double       after;
  double       change;      /* after - before, in points */
  SamDirection direction;
  gboolean     small;       /* |change| < SAM_CHANGE_SMALL */
} SamChangeMeasure;

typedef struct
{
  SamChangeState   state;
  SamChangeMeasure mean;
  gboolean         has_favourable;  /* FALSE for indices and the meetings scale */
  SamChangeMeasure favourable;      /* meaningful where has_favourable */
} SamChange;

typedef struct
{
  const char *id;           /* the item's or index's id */
  guint       slot;         /* as sam_figure_slot */
  SamChange   clinic;
  SamChange   cluster;
  GPtrArray  *actions;      /* SamPlanAction *, borrowed from the follow-up's plan */
} SamFollowUpRow;

typedef struct
{
  gint64           clinic_id;
  SamRoundFigures *before;
  SamRoundFigures *after;
  GPtrArray       *plan;                  /* SamPlanAction, owned */
  SamFollowUpRow   rows[SAM_N_FIGURES];   /* items by SamItem.index, then the indices */
} SamFollowUp;

void         sam_change_compute         (SamChange        *change,
                                         const SamFigure  *before,
                                         const SamFigure  *after);
gboolean     sam_plan_action_aims_at    (const SamPlanAction *action,
                                         const char       *item_or_index);

SamFollowUp *sam_follow_up_load         (SamStore         *store,
                                         gint64            clinic_id,
                                         gint64            before_round_id,
                                         gint64            after_round_id,
                                         const SamFiguresPolicy *policy,
                                         GError          **error);
void         sam_follow_up_free         (SamFollowUp      *follow_up);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFollowUp, sam_follow_up_free)

G_END_DECLS
