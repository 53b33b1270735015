/* sam-follow-up.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-follow-up"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sam-follow-up.h"
#include "sam-instrument.h"

static void
measure_compute (SamChangeMeasure *measure,
                 double            before,
                 double            after)
{
  measure->before = before;
  measure->after = after;
  measure->change = after - before;
  /* As the figures are shown: to one decimal. */
  if (fabs (measure->change) < 0.05)
    measure->direction = SAM_DIRECTION_LEVEL;
  else
    measure->direction = measure->change > 0 ? SAM_DIRECTION_UP : SAM_DIRECTION_DOWN;
  measure->small = fabs (measure->change) < SAM_CHANGE_SMALL;
}

/**
 * sam_change_compute:
 * @change: (out): the change from @before to @after
 * @before: the figure of the earlier round, as the view has it (suppression applied)
 * @after: the figure of the later round, likewise
 *
 * A withheld figure on either side withholds the change: shown next to the other round's
 * figure, the change would give the withheld one away.
 */
void
sam_change_compute (SamChange       *change,
                    const SamFigure *before,
                    const SamFigure *after)
{
  g_return_if_fail (change != NULL && before != NULL && after != NULL);

  memset (change, 0, sizeof *change);
  if (before->withheld != SAM_WITHHELD_NONE || after->withheld != SAM_WITHHELD_NONE)
    {
      change->state = SAM_CHANGE_WITHHELD;
      return;
    }
  if (before->n == 0 || after->n == 0)
    {
      change->state = SAM_CHANGE_MISSING;
      return;
    }
  change->state = SAM_CHANGE_SHOWN;
  measure_compute (&change->mean, before->mean, after->mean);
  change->has_favourable = before->has_favourable && after->has_favourable;
  if (change->has_favourable)
    measure_compute (&change->favourable, before->favourable, after->favourable);
}

/**
 * sam_plan_action_aims_at:
 * @item_or_index: an item ("q7c") or an index ("index_C")
 *
 * Returns: whether the action was meant to move it: an action on an item aims at that item
 *   and at the index holding it; an action on a domain aims at the domain's items and index
 */
gboolean
sam_plan_action_aims_at (const SamPlanAction *action,
                         const char          *item_or_index)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  SamIndex index;

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (item_or_index != NULL, FALSE);

  if (sam_index_from_string (item_or_index, &index))
    {
      /* "index_A" belongs to domain "A". */
      const char *domain = sam_index_to_string (index) + strlen ("index_");

      if (action->domain != NULL)
        return g_str_equal (action->domain, domain);
      return action->item != NULL && sam_index_has_item (index, action->item);
    }
  if (action->item != NULL)
    return g_str_equal (action->item, item_or_index);
  if (action->domain != NULL)
    {
      const SamItem *item = sam_instrument_lookup_item (instrument, item_or_index);

      return item != NULL && g_str_equal (item->question->domain->id, action->domain);
    }
  return FALSE;
}

void
sam_follow_up_free (SamFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;
  for (guint i = 0; i < SAM_N_FIGURES; i++)
    g_clear_pointer (&follow_up->rows[i].actions, g_ptr_array_unref);
  g_clear_pointer (&follow_up->before, sam_round_figures_free);
  g_clear_pointer (&follow_up->after, sam_round_figures_free);
  g_clear_pointer (&follow_up->plan, g_ptr_array_unref);
  g_free (follow_up);
}

static const SamFigure *
clinic_figure (SamRoundFigures *figures,
               gint64           clinic_id,
               guint            slot)
{
  static const SamFigure none = { 0 };
  const SamClinicFigures *clinic = sam_round_figures_find_clinic (figures, clinic_id);

  /* A clinic without answers in a round has nothing to compare. */
  return clinic != NULL ? &clinic->figures[slot] : &none;
}

/**
 * sam_follow_up_load:
 * @clinic_id: the clinic to follow
 * @before_round_id: the earlier round
 * @after_round_id: the later round, of the same cluster
 * @policy: (nullable): whose view, at which k (as sam_round_figures_load)
 *
 * Returns: (transfer full): the two rounds side by side with the clinic's plan, or %NULL
 *   with @error set
 */
SamFollowUp *
sam_follow_up_load (SamStore  *store,
                    gint64     clinic_id,
                    gint64     before_round_id,
                    gint64     after_round_id,
                    const SamFiguresPolicy *policy,
                    GError   **error)
{
  g_autoptr(SamFollowUp) follow_up = g_new0 (SamFollowUp, 1);
  SamInstrument *instrument = sam_instrument_get_default ();

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (before_round_id == after_round_id)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, "%s",
                   _("Choose two different rounds to compare"));
      return NULL;
    }
  follow_up->clinic_id = clinic_id;
  follow_up->before = sam_round_figures_load (store, before_round_id, policy, error);
  if (follow_up->before == NULL)
    return NULL;
  follow_up->after = sam_round_figures_load (store, after_round_id, policy, error);
  if (follow_up->after == NULL)
    return NULL;
  if (follow_up->before->cluster_id != follow_up->after->cluster_id)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, "%s",
                   _("The two rounds belong to different clusters"));
      return NULL;
    }
  follow_up->plan = sam_plan_list_actions (store, clinic_id, NULL, SAM_PLAN_SORT_DUE, error);
  if (follow_up->plan == NULL)
    return NULL;

  for (guint slot = 0; slot < SAM_N_FIGURES; slot++)
    {
      SamFollowUpRow *row = &follow_up->rows[slot];

      row->slot = slot;
      row->id = slot < SAM_N_ITEMS ? sam_instrument_get_item (instrument, slot)->id
                                   : sam_index_to_string (slot - SAM_N_ITEMS);
      sam_change_compute (&row->clinic, clinic_figure (follow_up->before, clinic_id, slot),
                          clinic_figure (follow_up->after, clinic_id, slot));
      sam_change_compute (&row->cluster, &follow_up->before->cluster[slot],
                          &follow_up->after->cluster[slot]);
      row->actions = g_ptr_array_new ();
      for (guint i = 0; i < follow_up->plan->len; i++)
        {
          SamPlanAction *action = g_ptr_array_index (follow_up->plan, i);

          if (sam_plan_action_aims_at (action, row->id))
            g_ptr_array_add (row->actions, action);
        }
    }
  return g_steal_pointer (&follow_up);
}
