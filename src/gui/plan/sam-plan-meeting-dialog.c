/* sam-plan-meeting-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"
#include "sam-plan-parts.h"
#include "sam-plan.h"

/* "Add from a Meeting": the meetings of the clinic or its cluster that decided actions, the
 * latest chosen; adding puts their actions into the clinic's plan and, where the plan had no
 * follow-up yet, counts it from the meeting's day. */

struct _SamPlanMeetingDialog
{
  AdwMessageDialog  parent_instance;

  SamContext       *context;
  gint64            clinic_id;
  GPtrArray        *meetings;       /* SamMeeting offered */
  gboolean          follow_up_set;

  GtkDropDown      *meeting_dropdown;
};

G_DEFINE_FINAL_TYPE (SamPlanMeetingDialog, sam_plan_meeting_dialog, ADW_TYPE_MESSAGE_DIALOG)
SAM_DEFINE_CONTEXT_PROPERTY (SamPlanMeetingDialog, sam_plan_meeting_dialog)

static void
on_response (SamPlanMeetingDialog *self,
             const char           *response)
{
  SamStore *store = sam_context_get_store (self->context);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  const SamMeeting *meeting;
  g_autofree char *title = NULL;
  guint n_added = 0;
  guint selected;

  if (g_strcmp0 (response, "add") != 0)
    return;
  selected = gtk_drop_down_get_selected (self->meeting_dropdown);
  if (selected >= self->meetings->len)
    return;
  meeting = g_ptr_array_index (self->meetings, selected);
  if (!sam_plan_import_meeting (store, self->clinic_id, meeting->id, NULL, &n_added, &error))
    {
      sam_dialogs_alert (parent, _("The Actions Were Not Added"), error->message);
      return;
    }
  /* The follow-up counts from the meeting the plan was made at, 6 months by default. */
  follow_up = sam_plan_get_follow_up (store, self->clinic_id, NULL);
  if (follow_up == NULL)
    self->follow_up_set = sam_plan_set_follow_up (store, self->clinic_id, meeting->date, NULL,
                                                  NULL);
  if (n_added == 0)
    title = g_strdup (_("The plan already holds the meeting’s actions"));
  else
    title = g_strdup_printf (ngettext ("%u action added from the meeting",
                                       "%u actions added from the meeting",
                                       n_added), n_added);
  if (parent != NULL)
    sam_dialogs_toast (GTK_WIDGET (parent), title);
}

static void
fill (SamPlanMeetingDialog *self,
      const SamClinic      *clinic)
{
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GPtrArray) all = sam_meeting_store_list (store, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->clinic_id = clinic->id;
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SamMeeting *meeting = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) decided = NULL;
      SamMeetingTemplate *template;
      const char *title;
      g_autofree char *day = NULL;
      g_autofree char *label = NULL;

      if (meeting->clinic_id != clinic->id && meeting->cluster_id != clinic->cluster_id)
        continue;
      decided = sam_meeting_store_list_actions (store, meeting->id, NULL);
      if (decided == NULL || decided->len == 0)
        continue;
      template = sam_meeting_template_lookup (meeting->template_id);
      day = sam_date_format_iso (meeting->date);
      /* Translators: a meeting to take actions from: its day, its title, how many actions. */
      title = template ? sam_meeting_template_get_title (template) : meeting->template_id;
      label = g_strdup_printf (ngettext ("%s, %s (%u action)", "%s, %s (%u actions)", decided->len),
                               day, title, decided->len);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->meetings, g_ptr_array_steal_index (all, i--));
    }
  gtk_drop_down_set_model (self->meeting_dropdown, G_LIST_MODEL (labels));
  if (self->meetings->len > 0)
    gtk_drop_down_set_selected (self->meeting_dropdown, self->meetings->len - 1);
}

static void
sam_plan_meeting_dialog_dispose (GObject *object)
{
  SamPlanMeetingDialog *self = (SamPlanMeetingDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_MEETING_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_plan_meeting_dialog_parent_class)->dispose (object);
}

static void
sam_plan_meeting_dialog_class_init (SamPlanMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_plan_meeting_dialog_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_plan_meeting_dialog);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanMeetingDialog, meeting_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
sam_plan_meeting_dialog_init (SamPlanMeetingDialog *self)
{
  self->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_meeting_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_plan_meeting_dialog_new:
 * @parent: a widget in the window the dialog belongs to
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself once answered
 */
SamPlanMeetingDialog *
sam_plan_meeting_dialog_new (GtkWidget       *parent,
                             SamContext      *context,
                             const SamClinic *clinic)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  SamPlanMeetingDialog *self;

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (clinic != NULL, NULL);

  self = g_object_new (SAM_TYPE_PLAN_MEETING_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "context", context,
                       NULL);
  fill (self, clinic);
  return self;
}

/* How many meetings it offers: with none, there is nothing to ask. */
guint
sam_plan_meeting_dialog_get_n_meetings (SamPlanMeetingDialog *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_MEETING_DIALOG (self), 0);

  return self->meetings->len;
}

/* Whether adding set the plan's follow-up, which had none. */
gboolean
sam_plan_meeting_dialog_get_follow_up_set (SamPlanMeetingDialog *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_MEETING_DIALOG (self), FALSE);

  return self->follow_up_set;
}
