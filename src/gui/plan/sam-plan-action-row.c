/* sam-plan-action-row.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dates.h"
#include "sam-instrument.h"
#include "sam-plan-parts.h"
#include "sam-plan-report.h"

/* One action of the plan in its list: what, who, by when and why, its status to change in
 * place, and its edit and delete buttons. The buttons and the status speak to the page
 * through its plan.edit, plan.delete and plan.set-status actions, with the action's id in
 * their parameter. */

struct _SamPlanActionRow
{
  AdwActionRow  parent_instance;

  gint64        id;
  gboolean      filling;

  GtkLabel     *overdue_label;
  GtkDropDown  *status_dropdown;
  GtkButton    *edit_button;
  GtkButton    *delete_button;
};

G_DEFINE_FINAL_TYPE (SamPlanActionRow, sam_plan_action_row, ADW_TYPE_ACTION_ROW)

/**
 * sam_plan_status_labels:
 *
 * Returns: (transfer full): the statuses' labels, in their order
 */
GtkStringList *
sam_plan_status_labels (void)
{
  GtkStringList *statuses = gtk_string_list_new (NULL);

  for (SamPlanStatus s = 0; s < SAM_PLAN_N_STATUSES; s++)
    gtk_string_list_append (statuses, sam_plan_status_get_label (s));
  return statuses;
}

/* What an action aims at, as a short label for a list. */
char *
sam_plan_aim_label (const SamPlanAction *action)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  const SamItem *item = action->item != NULL ? sam_instrument_lookup_item (instrument, action->item)
                                             : NULL;
  /* An item by its words: its code belongs in files only. */
  g_autofree char *aim = item != NULL ? g_strdup (sam_item_get_words (item))
                                      : sam_plan_report_describe_aim (action);

  if (aim == NULL)
    return NULL;
  if (g_utf8_strlen (aim, -1) > 70)
    {
      g_autofree char *cut = g_utf8_substring (aim, 0, 69);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&aim);
}

static void
on_status_selected (SamPlanActionRow *self)
{
  if (self->filling)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.set-status", "(xu)", self->id,
                              gtk_drop_down_get_selected (self->status_dropdown));
}

static char *
subtitle_of (const SamPlanAction *action)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *aim = sam_plan_aim_label (action);

  if (action->who[0] != '\0')
    g_string_append_printf (subtitle, _("Who: %s"), action->who);
  if (action->due != NULL)
    {
      g_autofree char *day = sam_date_format_iso (action->due);

      if (subtitle->len)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("By %s"), day);
    }
  if (aim != NULL)
    {
      if (subtitle->len)
        g_string_append (subtitle, "\n");
      g_string_append_printf (subtitle, _("Why: %s"), aim);
    }
  if (action->notes[0] != '\0')
    {
      if (subtitle->len)
        g_string_append (subtitle, "\n");
      g_string_append (subtitle, action->notes);
    }
  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static void
name_widget (gpointer    widget,
             const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
sam_plan_action_row_fill (SamPlanActionRow    *self,
                          const SamPlanAction *action,
                          const GDate         *today)
{
  g_autoptr(GtkStringList) statuses = sam_plan_status_labels ();
  g_autofree char *subtitle = subtitle_of (action);
  g_autofree char *label = NULL;
  GVariant *target = g_variant_new_int64 (action->id);

  self->id = action->id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), action->what);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  if (sam_plan_action_is_overdue (action, today))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "plan-overdue-row");
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (self->status_dropdown, action->status);
  self->filling = FALSE;
  /* Translators: the accessible name of an action's status; %s is what the action is. */
  label = g_strdup_printf (_("Status of “%s”"), action->what);
  name_widget (self->status_dropdown, label);

  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Edit “%s”"), action->what);
  name_widget (self->edit_button, label);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Delete “%s”"), action->what);
  name_widget (self->delete_button, label);
  g_variant_ref_sink (target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);
}

static void
sam_plan_action_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SAM_TYPE_PLAN_ACTION_ROW);

  G_OBJECT_CLASS (sam_plan_action_row_parent_class)->dispose (object);
}

static void
sam_plan_action_row_class_init (SamPlanActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_plan_action_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionRow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
}

static void
sam_plan_action_row_init (SamPlanActionRow *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}

GtkWidget *
sam_plan_action_row_new (const SamPlanAction *action,
                         const GDate         *today)
{
  SamPlanActionRow *self;

  g_return_val_if_fail (action != NULL, NULL);

  self = g_object_new (SAM_TYPE_PLAN_ACTION_ROW, NULL);
  sam_plan_action_row_fill (self, action, today);
  return GTK_WIDGET (self);
}

gint64
sam_plan_action_row_get_id (SamPlanActionRow *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_ACTION_ROW (self), 0);

  return self->id;
}
