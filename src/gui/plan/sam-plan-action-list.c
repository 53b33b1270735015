/* sam-plan-action-list.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-plan-parts.h"
#include "sam-plan.h"

/* The plan's actions, filtered and sorted as chosen, with the buttons that add more. A
 * change of the filter or the order is told by "view-changed"; activating a row edits its
 * action through the page's plan.edit. */

enum {
  FILTER_ALL,
  FILTER_OPEN,
  FILTER_OVERDUE,
  FILTER_CLOSED,
};

enum {
  VIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _SamPlanActionList
{
  GtkBox        parent_instance;

  SamContext   *context;
  gboolean      loading;

  GtkDropDown  *filter_dropdown;
  GtkDropDown  *sort_dropdown;
  GtkListBox   *action_list;
};

G_DEFINE_FINAL_TYPE (SamPlanActionList, sam_plan_action_list, GTK_TYPE_BOX)
SAM_DEFINE_CONTEXT_PROPERTY (SamPlanActionList, sam_plan_action_list)

static void
on_view_changed (SamPlanActionList *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

static void
on_row_activated (SamPlanActionList *self,
                  GtkListBoxRow     *row)
{
  gint64 id = SAM_IS_PLAN_ACTION_ROW (row) ? sam_plan_action_row_get_id (SAM_PLAN_ACTION_ROW (row))
                                           : 0;

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "plan.edit", "x", id);
}

/* Removes the rows of @list, keeping the message it shows when empty (a child of the list,
 * too). */
static void
clear_rows (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static GPtrArray *
list_shown_actions (SamPlanActionList *self,
                    gint64             clinic_id,
                    const GDate       *today)
{
  SamPlanFilter filter = { 0 };
  guint choice = gtk_drop_down_get_selected (self->filter_dropdown);
  SamPlanSort sort = gtk_drop_down_get_selected (self->sort_dropdown) == 1 ? SAM_PLAN_SORT_STATUS
                                                                          : SAM_PLAN_SORT_DUE;
  GPtrArray *actions;

  if (choice == FILTER_OPEN || choice == FILTER_OVERDUE)
    filter.statuses = SAM_PLAN_STATUSES_OPEN;
  else if (choice == FILTER_CLOSED)
    filter.statuses = SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_DONE) |
                      SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_DROPPED);
  actions = sam_plan_list_actions (sam_context_get_store (self->context), clinic_id, &filter,
                                   sort, NULL);
  if (actions != NULL && choice == FILTER_OVERDUE)
    for (guint i = actions->len; i > 0; i--)
      if (!sam_plan_action_is_overdue (g_ptr_array_index (actions, i - 1), today))
        g_ptr_array_remove_index (actions, i - 1);
  return actions;
}

/**
 * sam_plan_action_list_refresh:
 * @clinic_id: the clinic whose plan to show; 0 for none
 * @today: the day overdue actions are reckoned from
 *
 * Returns: whether the clinic's actions could be listed
 */
gboolean
sam_plan_action_list_refresh (SamPlanActionList *self,
                              gint64             clinic_id,
                              const GDate       *today)
{
  g_autoptr(GPtrArray) actions = NULL;

  g_return_val_if_fail (SAM_IS_PLAN_ACTION_LIST (self), FALSE);

  clear_rows (self->action_list);
  if (clinic_id <= 0)
    return FALSE;

  actions = list_shown_actions (self, clinic_id, today);
  self->loading = TRUE;
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    gtk_list_box_append (self->action_list,
                         sam_plan_action_row_new (g_ptr_array_index (actions, i), today));
  self->loading = FALSE;
  return actions != NULL;
}

GtkListBox *
sam_plan_action_list_get_list_box (SamPlanActionList *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_ACTION_LIST (self), NULL);

  return self->action_list;
}

static void
sam_plan_action_list_dispose (GObject *object)
{
  SamPlanActionList *self = (SamPlanActionList *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_ACTION_LIST);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sam_plan_action_list_parent_class)->dispose (object);
}

static void
sam_plan_action_list_class_init (SamPlanActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_plan_action_list_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_plan_action_list);

  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-action-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionList, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionList, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionList, action_list);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
sam_plan_action_list_init (SamPlanActionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sam_plan_action_list_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_PLAN_ACTION_LIST, "context", context, NULL);
}
