/* sam-plan-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-date-row.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-plan-parts.h"
#include "sam-plan-page.h"
#include "sam-plan-page-private.h"
#include "sam-plan-report.h"
#include "sam-plan.h"

/* The clinic's implementation plan (spec/meetings.md, section 7) and "Følg udviklingen":
 * the actions with their status, the follow-up 6 to 12 months after the meeting, and two
 * rounds side by side with the actions beside the items they aimed at.
 *
 * The page's own actions (plan.*) carry an action's id as their parameter where they work
 * on one. The Undo of a deletion is offered in the window's toast, which looks for its
 * action from the window's overlay, above the page: so the page puts its "plan-page" group
 * (undo-delete, with the deleted action's id) on the window it is in, for as long as it is
 * in it. */

struct _SamPlanPage
{
  AdwBin              parent_instance;

  SamContext         *context;
  GPtrArray          *clinics;        /* SamClinic */
  gint64              clinic_id;
  gboolean            loading;
  gboolean            banner_dismissed;
  guint               refresh_idle;
  SamPlanAction      *deleted;        /* for Undo, until the next deletion */
  GSimpleActionGroup *window_actions; /* on the window: plan-page.undo-delete */
  GtkWidget          *window;         /* weak: where window_actions are */

  SamPlanActionList  *action_list;
  SamPlanFollowView  *follow_view;

  GtkStack           *main_stack;
  GtkRevealer        *banner_revealer;
  GtkLabel           *banner_label;
  GtkDropDown        *clinic_dropdown;
  AdwBin             *actions_slot;
  AdwBin             *follow_slot;
  SamDateRow         *since_row;
  GtkSpinButton      *months_spin;
  AdwActionRow       *follow_up_row;
};

G_DEFINE_FINAL_TYPE (SamPlanPage, sam_plan_page, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamPlanPage, sam_plan_page)

static void refresh_actions (SamPlanPage *self);

static void
on_refresh_idle (gpointer data)
{
  SamPlanPage *self = data;

  self->refresh_idle = 0;
  refresh_actions (self);
}

/* Helpers */

static SamStore *
get_store (SamPlanPage *self)
{
  return sam_context_get_store (self->context);
}

static void
get_today (SamPlanPage *self,
           GDate       *today)
{
  g_autoptr(GDateTime) now = sam_context_now (self->context);

  sam_plan_date_of (now, today);
}

static GtkWindow *
get_parent (SamPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
alert_error (SamPlanPage  *self,
             const char   *heading,
             const GError *error)
{
  sam_dialogs_alert (get_parent (self), heading, error->message);
}

static const SamClinic *
current_clinic (SamPlanPage *self)
{
  for (guint i = 0; self->clinics != NULL && i < self->clinics->len; i++)
    {
      const SamClinic *clinic = g_ptr_array_index (self->clinics, i);

      if (clinic->id == self->clinic_id)
        return clinic;
    }
  return NULL;
}

/* The follow-up */

static SamPlanFollowUp *
load_follow_up (SamPlanPage *self)
{
  if (self->clinic_id <= 0)
    return NULL;
  return sam_plan_get_follow_up (get_store (self), self->clinic_id, NULL);
}

static void
update_banner (SamPlanPage *self)
{
  g_autoptr(SamPlanFollowUp) follow_up = load_follow_up (self);
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  SamFollowUpState state;
  GDate today;
  int days = 0;

  get_today (self, &today);
  state = sam_plan_follow_up_state (follow_up, &today, &days);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save-ics", follow_up != NULL);
  if (follow_up == NULL)
    {
      adw_action_row_set_subtitle (self->follow_up_row, _("Not set: enter the day of the meeting"));
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }
  day = sam_date_format_iso (follow_up->date);
  adw_action_row_set_subtitle (self->follow_up_row, day);

  if (state == SAM_FOLLOW_UP_PAST)
    text = g_strdup_printf (_("The follow-up was due on %s. Time to look at the plan again and "
                              "compare a new round with the earlier one."), day);
  else if (state == SAM_FOLLOW_UP_NEAR && days == 0)
    text = g_strdup (_("The follow-up is today. Look at the plan again and compare a new round "
                       "with the earlier one."));
  else if (state == SAM_FOLLOW_UP_NEAR)
    text = g_strdup_printf (ngettext ("The follow-up is near: %s, in %d day.",
                                      "The follow-up is near: %s, in %d days.", days), day, days);
  if (text != NULL)
    gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL && !self->banner_dismissed);
}

static void
load_follow_up_fields (SamPlanPage *self)
{
  g_autoptr(SamPlanFollowUp) follow_up = load_follow_up (self);
  int months = SAM_PLAN_FOLLOW_UP_DEFAULT_MONTHS;

  self->loading = TRUE;
  if (follow_up != NULL)
    {
      GDate since, date;

      if (sam_date_parse_iso (follow_up->since, &since) &&
          sam_date_parse_iso (follow_up->date, &date))
        months = (g_date_get_year (&date) - g_date_get_year (&since)) * 12 +
                 (int) g_date_get_month (&date) - (int) g_date_get_month (&since);
      sam_date_row_set_date (self->since_row, follow_up->since);
    }
  else
    sam_date_row_set_date (self->since_row, NULL);
  gtk_spin_button_set_value (self->months_spin, CLAMP (months, SAM_PLAN_FOLLOW_UP_MIN_MONTHS,
                                                      SAM_PLAN_FOLLOW_UP_MAX_MONTHS));
  self->loading = FALSE;
  update_banner (self);
}

static void
on_follow_up_edited (SamPlanPage *self)
{
  const char *since = sam_date_row_get_date (self->since_row);
  g_autoptr(GError) error = NULL;
  GDate date;
  char iso[16];

  if (self->loading || self->clinic_id <= 0)
    return;
  if (since == NULL && sam_date_row_get_valid (self->since_row))
    {
      sam_plan_clear_follow_up (get_store (self), self->clinic_id, NULL);
      update_banner (self);
      return;
    }
  /* Half typed: the row says why quietly, and the follow-up stays as it was until it is a
   * date. */
  if (since == NULL || !sam_date_parse_iso (since, &date))
    return;
  g_date_add_months (&date, gtk_spin_button_get_value_as_int (self->months_spin));
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  if (!sam_plan_set_follow_up (get_store (self), self->clinic_id, since, iso, &error))
    alert_error (self, _("The Follow-up Was Not Saved"), error);
  self->banner_dismissed = FALSE;
  update_banner (self);
}

/* Actions of the plan */

static void
set_undo_enabled (SamPlanPage *self,
                  gboolean     enabled)
{
  GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self->window_actions), "undo-delete");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-delete", enabled);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), enabled);
}

/* Puts back the last deleted action; with @id, only if that is the one. */
static void
undo_delete (SamPlanPage *self,
             gint64       id)
{
  g_autoptr(SamPlanAction) action = NULL;
  g_autoptr(GError) error = NULL;

  if (self->deleted == NULL || (id > 0 && self->deleted->id != id))
    return;
  action = g_steal_pointer (&self->deleted);
  set_undo_enabled (self, FALSE);
  if (self->context == NULL)
    return;
  if (!sam_plan_add_action (get_store (self), action->clinic_id, action, NULL, NULL, &error))
    alert_error (self, _("The Action Was Not Restored"), error);
  refresh_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  undo_delete (SAM_PLAN_PAGE (widget), 0);
}

/* The toast's Undo, from the window: a toast of an earlier deletion undoes nothing. */
static void
on_undo_activate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  undo_delete (SAM_PLAN_PAGE (user_data), g_variant_get_int64 (parameter));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  gint64 action_id = g_variant_get_int64 (parameter);
  g_autoptr(SamPlanAction) action = sam_plan_get_action (get_store (self), action_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (action == NULL)
    return;
  if (!sam_plan_delete_action (get_store (self), action_id, &error))
    {
      alert_error (self, _("The Action Was Not Deleted"), error);
      return;
    }
  refresh_actions (self);

  /* One undo at a time: an earlier deletion can no longer be undone. */
  g_clear_pointer (&self->deleted, sam_plan_action_free);
  self->deleted = g_steal_pointer (&action);
  set_undo_enabled (self, TRUE);

  /* Translators: a toast; %s is what the action was. */
  title = g_strdup_printf (_("“%s” deleted"), self->deleted->what);
  sam_dialogs_toast_full (widget, title, _("_Undo"), "plan-page.undo-delete",
                          g_variant_new_int64 (action_id), 0, TRUE);
}

static void
on_form_response (SamPlanPage *self,
                  const char  *response)
{
  if (g_strcmp0 (response, "save") == 0)
    refresh_actions (self);
}

static void
show_form (SamPlanPage         *self,
           const SamPlanAction *action)
{
  SamPlanActionDialog *dialog;

  dialog = sam_plan_action_dialog_new (GTK_WIDGET (self), self->context, self->clinic_id, action);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_form_response), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);

  if (self->clinic_id > 0)
    show_form (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  g_autoptr(SamPlanAction) action = sam_plan_get_action (get_store (self),
                                                         g_variant_get_int64 (parameter), NULL);

  if (action != NULL)
    show_form (self, action);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint32 status;

  if (self->context == NULL)
    return;
  g_variant_get (parameter, "(xu)", &id, &status);
  if (!sam_plan_set_status (get_store (self), id, status, NULL, &error))
    alert_error (self, _("The Status Was Not Changed"), error);
  /* The row holding the drop-down is rebuilt after this handler, not inside it. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_once (on_refresh_idle, self);
}

static void
refresh_actions (SamPlanPage *self)
{
  GDate today;

  /* A refresh now makes a pending one needless, and it must not outlive the page. */
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->action_list == NULL)
    return;
  if (self->context == NULL || self->clinic_id <= 0)
    {
      sam_plan_action_list_refresh (self->action_list, 0, NULL);
      return;
    }

  get_today (self, &today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.print",
                                 sam_plan_action_list_refresh (self->action_list,
                                                               self->clinic_id, &today));
  sam_plan_follow_view_refresh (self->follow_view);
}

/* From a meeting */

static void
on_import_response (SamPlanPage          *self,
                    const char           *response,
                    SamPlanMeetingDialog *dialog)
{
  if (g_strcmp0 (response, "add") != 0)
    return;
  if (sam_plan_meeting_dialog_get_follow_up_set (dialog))
    load_follow_up_fields (self);
  refresh_actions (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  const SamClinic *clinic = current_clinic (self);
  SamPlanMeetingDialog *dialog;

  if (clinic == NULL)
    return;
  dialog = sam_plan_meeting_dialog_new (widget, self->context, clinic);
  if (sam_plan_meeting_dialog_get_n_meetings (dialog) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      sam_dialogs_alert (get_parent (self), _("No Decisions to Add"),
                         _("No meeting of this clinic or its cluster has decided any actions yet. "
                           "Decisions made in Meetings can be added here afterwards."));
      return;
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_view_changed (SamPlanPage *self)
{
  if (!self->loading)
    refresh_actions (self);
}

/* The clinic */

static void
load_clinic (SamPlanPage *self)
{
  load_follow_up_fields (self);
  sam_plan_follow_view_set_clinic (self->follow_view, current_clinic (self));
  refresh_actions (self);
}

static void
on_clinic_changed (SamPlanPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->clinic_dropdown);

  if (self->loading || self->clinics == NULL || selected >= self->clinics->len)
    return;
  self->clinic_id = ((SamClinic *) g_ptr_array_index (self->clinics, selected))->id;
  self->banner_dismissed = FALSE;
  load_clinic (self);
}

static void
refresh_clinics (SamPlanPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 wanted;
  guint selected = 0;

  if (self->context == NULL || self->main_stack == NULL)
    return;
  wanted = self->clinic_id > 0 ? self->clinic_id : sam_store_get_own_clinic (get_store (self));

  g_clear_pointer (&self->clinics, g_ptr_array_unref);
  self->clinics = sam_store_list_clinics (get_store (self), NULL);
  if (self->clinics == NULL || self->clinics->len == 0)
    {
      self->clinic_id = 0;
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }
  for (guint i = 0; i < self->clinics->len; i++)
    {
      const SamClinic *clinic = g_ptr_array_index (self->clinics, i);
      g_autofree char *title = sam_plan_clinic_title (clinic);

      gtk_string_list_append (labels, title);
      if (clinic->id == wanted)
        selected = i;
    }
  self->loading = TRUE;
  gtk_drop_down_set_model (self->clinic_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->clinic_dropdown, selected);
  self->loading = FALSE;
  self->clinic_id = ((SamClinic *) g_ptr_array_index (self->clinics, selected))->id;
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  load_clinic (self);
}

/* Files and paper */

static SamPlanPaper *
paper_new (SamPlanPage  *self,
           GError      **error)
{
  const SamClinic *clinic = current_clinic (self);
  g_autoptr(GDateTime) now = NULL;

  if (clinic == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No clinic is chosen"));
      return NULL;
    }
  now = sam_context_now (self->context);
  return sam_plan_paper_new (get_store (self), clinic, now);
}

gboolean
sam_plan_page_write_pdf (SamPlanPage  *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(SamPlanPaper) paper = NULL;

  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);

  paper = paper_new (self, error);
  return paper != NULL && sam_plan_report_write_pdf (sam_plan_paper_get_report (paper), path,
                                                     error);
}

gboolean
sam_plan_page_write_ics (SamPlanPage  *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  const SamClinic *clinic = current_clinic (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ics = NULL;

  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);

  follow_up = load_follow_up (self);
  if (clinic == NULL || follow_up == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The plan has no follow-up date"));
      return FALSE;
    }
  now = sam_context_now (self->context);
  name = sam_plan_clinic_title (clinic);
  ics = sam_plan_follow_up_to_ics (follow_up, name, clinic->cluster_name, now);
  return g_file_set_contents_full (path, ics, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* plan.save-ics and plan.save-pdf: the follow-up for the calendar, or the plan as PDF. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gboolean ics = g_str_equal (action_name, "plan.save-ics");

  sam_dialogs_save_and_tell (widget,
                             ics ? _("Save the Follow-up to the Calendar")
                                 : _("Save the Plan as PDF"),
                             /* Translators: the suggested name of the calendar file. */
                             ics ? _("follow-up.ics")
                             /* Translators: the suggested name of the plan's PDF file. */
                                 : _("implementation-plan.pdf"),
                             SAM_FILES_ANY,
                             ics ? (SamWriteFunc) sam_plan_page_write_ics
                                 : (SamWriteFunc) sam_plan_page_write_pdf,
                             g_object_ref (widget), g_object_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamPlanPaper *paper = paper_new (SAM_PLAN_PAGE (widget), NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (paper == NULL)
    return;
  operation = sam_plan_paper_print_operation_new (paper);
  sam_dialogs_print (widget, operation, _("The plan could not be printed: %s"));
}

/**
 * sam_plan_page_print_to_file:
 * @path: where the PDF goes
 *
 * Prints the plan to a PDF file through the same print operation as the print dialog, as
 * its "Print to File" would.
 */
gboolean
sam_plan_page_print_to_file (SamPlanPage  *self,
                             const char   *path,
                             GError      **error)
{
  SamPlanPaper *paper;

  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  paper = paper_new (self, error);
  if (paper == NULL)
    return FALSE;
  return sam_dialogs_print_to_file (sam_plan_paper_print_operation_new (paper), path, error);
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);

  self->banner_dismissed = TRUE;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* On opening: a near or past follow-up of the own clinic is said in the window, too. */
static void
announce_follow_up (SamPlanPage *self)
{
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  SamFollowUpState state;
  GDate today;
  gint64 own;

  if (self->context == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      g_object_unref (self);
      return;
    }
  own = sam_store_get_own_clinic (get_store (self));
  follow_up = own > 0 ? sam_plan_get_follow_up (get_store (self), own, NULL) : NULL;
  get_today (self, &today);
  state = sam_plan_follow_up_state (follow_up, &today, NULL);
  if (state == SAM_FOLLOW_UP_NEAR || state == SAM_FOLLOW_UP_PAST)
    sam_dialogs_toast_full (GTK_WIDGET (self),
                            state == SAM_FOLLOW_UP_PAST ? _("The plan’s follow-up is due")
                                                        : _("The plan’s follow-up is near"),
                            _("_Show Plan"), "win.show-section", g_variant_new_string ("plan"),
                            10, FALSE);
  g_object_unref (self);
}

/* Life cycle */

static void
sam_plan_page_root (GtkWidget *widget)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);

  GTK_WIDGET_CLASS (sam_plan_page_parent_class)->root (widget);

  g_set_weak_pointer (&self->window, GTK_WIDGET (gtk_widget_get_root (widget)));
  gtk_widget_insert_action_group (self->window, "plan-page",
                                  G_ACTION_GROUP (self->window_actions));
}

static void
sam_plan_page_unroot (GtkWidget *widget)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);

  if (self->window != NULL)
    gtk_widget_insert_action_group (self->window, "plan-page", NULL);
  g_clear_weak_pointer (&self->window);

  GTK_WIDGET_CLASS (sam_plan_page_parent_class)->unroot (widget);
}

static void
sam_plan_page_dispose (GObject *object)
{
  SamPlanPage *self = (SamPlanPage *) object;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  /* The stack is both the bin's child and a template child: let the bin let go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_PAGE);
  self->action_list = NULL;
  self->follow_view = NULL;
  g_clear_object (&self->context);
  g_clear_pointer (&self->clinics, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, sam_plan_action_free);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->window_actions);

  G_OBJECT_CLASS (sam_plan_page_parent_class)->dispose (object);
}

static void
sam_plan_page_constructed (GObject *object)
{
  SamPlanPage *self = (SamPlanPage *) object;
  SamContext *context = self->context;

  G_OBJECT_CLASS (sam_plan_page_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  self->action_list = SAM_PLAN_ACTION_LIST (sam_plan_action_list_new (context));
  g_signal_connect_object (self->action_list, "view-changed", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->actions_slot, GTK_WIDGET (self->action_list));
  self->follow_view = SAM_PLAN_FOLLOW_VIEW (sam_plan_follow_view_new (context));
  adw_bin_set_child (self->follow_slot, GTK_WIDGET (self->follow_view));

  sam_context_follow_store (GTK_WIDGET (self), context, G_CALLBACK (refresh_clinics));
  refresh_clinics (self);
  g_idle_add_once ((GSourceOnceFunc) announce_follow_up, g_object_ref (self));
}

static void
sam_plan_page_class_init (SamPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_plan_page_constructed;
  object_class->dispose = sam_plan_page_dispose;
  widget_class->root = sam_plan_page_root;
  widget_class->unroot = sam_plan_page_unroot;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_plan_page);

  g_type_ensure (SAM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, clinic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, actions_slot);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, follow_slot);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, since_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, months_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, follow_up_row);
  gtk_widget_class_bind_template_callback (widget_class, on_clinic_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_edited);

  gtk_widget_class_install_action (widget_class, "plan.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "plan.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "plan.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "plan.set-status", "(xu)", set_status_action);
  gtk_widget_class_install_action (widget_class, "plan.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.save-pdf", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plan.save-ics", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plan.dismiss-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "plan.undo-delete", NULL, undo_delete_action);
}

static void
sam_plan_page_init (SamPlanPage *self)
{
  const GActionEntry window_entries[] = {
    { "undo-delete", on_undo_activate, "x" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->window_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->window_actions), window_entries,
                                   G_N_ELEMENTS (window_entries), self);
  set_undo_enabled (self, FALSE);
}

/* Public API */

SamPlanPage *
sam_plan_page_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_PLAN_PAGE, "context", context, NULL);
}

gint64
sam_plan_page_get_clinic (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), 0);

  return self->clinic_id;
}

gboolean
sam_plan_page_select_clinic (SamPlanPage *self,
                             gint64       clinic_id)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);

  for (guint i = 0; self->clinics != NULL && i < self->clinics->len; i++)
    if (((SamClinic *) g_ptr_array_index (self->clinics, i))->id == clinic_id)
      {
        gtk_drop_down_set_selected (self->clinic_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

GtkListBox *
sam_plan_page_get_action_list (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), NULL);

  return sam_plan_action_list_get_list_box (self->action_list);
}

SamFollowChart *
sam_plan_page_get_follow_chart (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), NULL);

  return sam_plan_follow_view_get_chart (self->follow_view);
}

gboolean
sam_plan_page_is_follow_loading (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);

  return sam_plan_follow_view_is_loading (self->follow_view);
}

gboolean
sam_plan_page_is_banner_shown (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);

  return gtk_revealer_get_reveal_child (self->banner_revealer);
}

const char *
sam_plan_page_get_banner_text (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), NULL);

  return gtk_label_get_text (self->banner_label);
}
