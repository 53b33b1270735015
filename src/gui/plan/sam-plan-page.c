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
#include "sam-follow-chart.h"
#include "sam-follow-up.h"
#include "sam-instrument.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"
#include "sam-plan-page.h"
#include "sam-plan-report.h"
#include "sam-plan.h"
#include "sam-results-charts.h"
#include "sam-window.h"

/* The clinic's implementation plan (spec/meetings.md, section 7) and "Følg udviklingen":
 * the actions with their status, the follow-up 6 to 12 months after the meeting, and two
 * rounds side by side with the actions beside the items they aimed at. */

enum {
  FILTER_ALL,
  FILTER_OPEN,
  FILTER_OVERDUE,
  FILTER_CLOSED,
};

struct _SamPlanPage
{
  AdwBin           parent_instance;

  SamContext      *context;
  GPtrArray       *clinics;        /* SamClinic */
  GPtrArray       *rounds;         /* SamRound of the clinic's cluster, oldest first */
  GPtrArray       *meetings;       /* SamMeeting offered for import */
  gint64           clinic_id;
  gboolean         loading;
  gboolean         banner_dismissed;
  guint            refresh_idle;
  SamPlanAction   *deleted;        /* for Undo */
  AdwToast        *undo_toast;     /* weak */

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  GtkStack        *view_stack;
  GtkRevealer     *banner_revealer;
  GtkLabel        *banner_label;
  GtkDropDown     *clinic_dropdown;
  GtkDropDown     *filter_dropdown;
  GtkDropDown     *sort_dropdown;
  GtkDropDown     *before_dropdown;
  GtkDropDown     *after_dropdown;
  GtkListBox      *action_list;
  SamFollowChart  *follow_chart;
  SamDateRow      *since_row;
  GtkSpinButton   *months_spin;
  AdwActionRow    *follow_up_row;
  GtkLabel        *follow_intro;
};

G_DEFINE_FINAL_TYPE (SamPlanPage, sam_plan_page, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamPlanPage, sam_plan_page)

static void refresh_actions (SamPlanPage *self);
static void refresh_follow (SamPlanPage *self);

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

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
toast (SamPlanPage *self,
       const char  *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
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

static char *
clinic_title (const SamClinic *clinic)
{
  if (clinic->name != NULL && clinic->name[0] != '\0')
    /* Translators: a clinic as chosen in a list: its code and its name. */
    return g_strdup_printf (_("%s — %s"), clinic->code, clinic->name);
  return g_strdup (clinic->code);
}

/* What an action aims at, as a short label for a list. */
static char *
aim_label (const SamPlanAction *action)
{
  const SamItem *item = action->item != NULL
                        ? sam_instrument_lookup_item (sam_instrument_get_default (), action->item) : NULL;
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

/* Removes the rows of @list, keeping its placeholder (a child of the list, too). */
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
    text = g_strdup_printf (_("The follow-up was due on %s. Time to look at the plan again and compare "
                              "a new round with the earlier one."), day);
  else if (state == SAM_FOLLOW_UP_NEAR && days == 0)
    text = g_strdup (_("The follow-up is today. Look at the plan again and compare a new round with "
                       "the earlier one."));
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

/* The last deleted action, for the toast's Undo; dropped when the toast goes. */
static void
on_undo_toast_dismissed (AdwToast    *toast_,
                         SamPlanPage *self)
{
  if (self->undo_toast != toast_)
    return;
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_pointer (&self->deleted, sam_plan_action_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-delete", FALSE);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  g_autoptr(SamPlanAction) action = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "plan.undo-delete", FALSE);
  if (action == NULL || self->context == NULL)
    return;
  if (!sam_plan_add_action (get_store (self), action->clinic_id, action, NULL, NULL, &error))
    alert_error (self, _("The Action Was Not Restored"), error);
  refresh_actions (self);
}

static void
delete_action (SamPlanPage *self,
               gint64       action_id)
{
  g_autoptr(SamPlanAction) action = sam_plan_get_action (get_store (self), action_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *deleted;

  if (action == NULL)
    return;
  if (!sam_plan_delete_action (get_store (self), action_id, &error))
    {
      alert_error (self, _("The Action Was Not Deleted"), error);
      return;
    }
  refresh_actions (self);

  /* One undo at a time: the toast of an earlier deletion goes with it. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->deleted, sam_plan_action_free);
  self->deleted = g_steal_pointer (&action);

  /* Translators: a toast; %s is what the action was. */
  title = g_strdup_printf (_("“%s” deleted"), self->deleted->what);
  deleted = adw_toast_new (title);
  adw_toast_set_button_label (deleted, _("_Undo"));
  adw_toast_set_action_name (deleted, "plan.undo-delete");
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (deleted, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  g_set_weak_pointer (&self->undo_toast, deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-delete", TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, deleted);
}

/* The form for a new action or an edit. */

typedef struct
{
  SamPlanPage  *page;
  gint64        action_id;     /* 0 for a new one */
  GtkStringList *aims_ids;     /* "", "item:q1", "domain:A" */
  AdwEntryRow  *what;
  AdwEntryRow  *who;
  SamDateRow   *due;
  AdwEntryRow  *notes;
  AdwComboRow  *why;
  AdwComboRow  *status;
} Form;

static void
form_free (Form *form)
{
  g_object_unref (form->page);
  g_object_unref (form->aims_ids);
  g_free (form);
}

static gboolean
form_valid (Form *form)
{
  const char *what = gtk_editable_get_text (GTK_EDITABLE (form->what));
  g_autofree char *stripped = g_strstrip (g_strdup (what));

  /* The date row says itself why a date typed is none. */
  return stripped[0] != '\0' && sam_date_row_get_valid (form->due);
}

static void
on_form_changed (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");

  adw_message_dialog_set_response_enabled (dialog, "save", form_valid (form));
}

static void
on_form_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Form             *form)
{
  SamPlanPage *self = form->page;
  g_autoptr(SamPlanAction) action = NULL;
  g_autoptr(GError) error = NULL;
  const char *aim;
  const char *due;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || !form_valid (form))
    return;
  action = form->action_id > 0 ? sam_plan_get_action (get_store (self), form->action_id, &error)
                               : sam_plan_action_new ();
  if (action == NULL)
    {
      alert_error (self, _("The Action Was Not Saved"), error);
      return;
    }
  g_free (action->what);
  action->what = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->what))));
  g_free (action->who);
  action->who = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->who))));
  g_free (action->notes);
  action->notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->notes))));
  due = sam_date_row_get_date (form->due);
  g_free (action->due);
  action->due = g_strdup (due);
  g_clear_pointer (&action->item, g_free);
  g_clear_pointer (&action->domain, g_free);
  aim = gtk_string_list_get_string (form->aims_ids, adw_combo_row_get_selected (form->why));
  if (aim != NULL && g_str_has_prefix (aim, "item:"))
    action->item = g_strdup (aim + strlen ("item:"));
  else if (aim != NULL && g_str_has_prefix (aim, "domain:"))
    action->domain = g_strdup (aim + strlen ("domain:"));
  action->status = adw_combo_row_get_selected (form->status);

  if (form->action_id > 0)
    ok = sam_plan_update_action (get_store (self), action, NULL, &error);
  else
    ok = sam_plan_add_action (get_store (self), self->clinic_id, action, NULL, NULL, &error);
  if (!ok)
    alert_error (self, _("The Action Was Not Saved"), error);
  else
    toast (self, form->action_id > 0 ? _("Action saved") : _("Action added"));
  refresh_actions (self);
}

static AdwEntryRow *
form_entry (AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
show_form (SamPlanPage         *self,
           const SamPlanAction *action)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GtkStringList) aims = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  AdwMessageDialog *dialog;
  Form *form;
  guint selected = 0;

  form = g_new0 (Form, 1);
  form->page = g_object_ref (self);
  form->action_id = action ? action->id : 0;
  form->aims_ids = gtk_string_list_new (NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent (self),
                                                       action ? _("Edit Action") : _("New Action"),
                                                       NULL));
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Wide enough to read, narrow enough for a phone's 360 pixels. */
  gtk_widget_set_size_request (GTK_WIDGET (group), 280, -1);
  form->what = form_entry (group, "what", _("_What will you do?"), action ? action->what : NULL);
  form->who = form_entry (group, "who", _("W_ho"), action ? action->who : NULL);
  form->due = SAM_DATE_ROW (sam_date_row_new ());
  /* The text is named for the tests, as the other fields are. */
  gtk_widget_set_name (GTK_WIDGET (sam_date_row_get_entry (form->due)), "due");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->due), _("_By"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->due), TRUE);
  sam_date_row_set_optional (form->due, TRUE);
  sam_date_row_set_date (form->due, action ? action->due : NULL);
  adw_preferences_group_add (group, GTK_WIDGET (form->due));

  /* Why: nothing in particular, a domain, or one item. */
  gtk_string_list_append (aims, _("Nothing in particular"));
  gtk_string_list_append (form->aims_ids, "");
  for (guint i = 0; i < sam_instrument_get_n_domains (instrument); i++)
    {
      const SamDomain *domain = sam_instrument_get_domain (instrument, i);
      g_autofree char *id = g_strconcat ("domain:", domain->id, NULL);

      if (action && g_strcmp0 (action->domain, domain->id) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (aims));
      gtk_string_list_append (aims, domain->title);
      gtk_string_list_append (form->aims_ids, id);
    }
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      g_autoptr(SamPlanAction) probe = sam_plan_action_new ();
      g_autofree char *id = g_strconcat ("item:", item->id, NULL);
      g_autofree char *label = NULL;

      probe->item = g_strdup (item->id);
      label = aim_label (probe);
      if (action && g_strcmp0 (action->item, item->id) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (aims));
      gtk_string_list_append (aims, label);
      gtk_string_list_append (form->aims_ids, id);
    }
  form->why = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (form->why), "why");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->why), _("Wh_y: what should it move?"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->why), TRUE);
  adw_combo_row_set_model (form->why, G_LIST_MODEL (aims));
  adw_combo_row_set_selected (form->why, selected);
  adw_preferences_group_add (group, GTK_WIDGET (form->why));

  for (SamPlanStatus s = 0; s < SAM_PLAN_N_STATUSES; s++)
    gtk_string_list_append (statuses, sam_plan_status_get_label (s));
  form->status = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (form->status), "status");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->status), _("_Status"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->status), TRUE);
  adw_combo_row_set_model (form->status, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (form->status, action ? action->status : SAM_PLAN_STATUS_PLANNED);
  adw_preferences_group_add (group, GTK_WIDGET (form->status));
  form->notes = form_entry (group, "notes", _("_Notes"), action ? action->notes : NULL);

  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (group));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) form_free);
  g_signal_connect_swapped (form->what, "changed", G_CALLBACK (on_form_changed), dialog);
  g_signal_connect_swapped (form->due, "changed", G_CALLBACK (on_form_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response), form);
  on_form_changed (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->what));
}

/* The list */

static void
on_status_selected (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    SamPlanPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "action-id"));
  g_autoptr(GError) error = NULL;

  if (self->loading || self->context == NULL)
    return;
  if (!sam_plan_set_status (get_store (self), id, gtk_drop_down_get_selected (dropdown), NULL,
                            &error))
    alert_error (self, _("The Status Was Not Changed"), error);
  /* The row holding the drop-down is rebuilt after this handler, not inside it. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_once (on_refresh_idle, self);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SamPlanPage   *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "action-id"));
  g_autoptr(SamPlanAction) action = NULL;

  if (id > 0)
    action = sam_plan_get_action (get_store (self), id, NULL);
  if (action != NULL)
    show_form (self, action);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
on_edit_clicked (GtkButton   *button,
                 SamPlanPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));
  g_autoptr(SamPlanAction) action = sam_plan_get_action (get_store (self), id, NULL);

  if (action != NULL)
    show_form (self, action);
}

static void
on_delete_clicked (GtkButton   *button,
                   SamPlanPage *self)
{
  delete_action (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id")));
}

static GtkWidget *
action_row_new (SamPlanPage         *self,
                const SamPlanAction *action,
                const GDate         *today)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *aim = aim_label (action);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown, *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->what);
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
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "action-id", GSIZE_TO_POINTER (action->id));

  if (sam_plan_action_is_overdue (action, today))
    {
      GtkWidget *overdue = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (overdue, "plan-overdue");
      gtk_widget_set_valign (overdue, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), overdue);
      gtk_widget_add_css_class (row, "plan-overdue-row");
    }

  for (SamPlanStatus s = 0; s < SAM_PLAN_N_STATUSES; s++)
    gtk_string_list_append (statuses, sam_plan_status_get_label (s));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), action->status);
  /* Translators: the accessible name of an action's status; %s is what the action is. */
  label = g_strdup_printf (_("Status of “%s”"), action->what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (dropdown), "action-id", GSIZE_TO_POINTER (action->id));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_status_selected), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Edit “%s”"), action->what);
  button = icon_button ("document-edit-symbolic", _("Edit"), label);
  g_object_set_data (G_OBJECT (button), "action-id", GSIZE_TO_POINTER (action->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Delete “%s”"), action->what);
  button = icon_button ("user-trash-symbolic", _("Delete"), label);
  gtk_widget_set_name (button, "delete");
  g_object_set_data (G_OBJECT (button), "action-id", GSIZE_TO_POINTER (action->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GPtrArray *
list_shown_actions (SamPlanPage *self,
                    const GDate *today)
{
  SamPlanFilter filter = { 0 };
  guint choice = gtk_drop_down_get_selected (self->filter_dropdown);
  SamPlanSort sort = gtk_drop_down_get_selected (self->sort_dropdown) == 1 ? SAM_PLAN_SORT_STATUS
                                                                          : SAM_PLAN_SORT_DUE;
  GPtrArray *actions;

  if (choice == FILTER_OPEN || choice == FILTER_OVERDUE)
    filter.statuses = SAM_PLAN_STATUSES_OPEN;
  else if (choice == FILTER_CLOSED)
    filter.statuses = SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_DONE) | SAM_PLAN_STATUS_MASK (SAM_PLAN_STATUS_DROPPED);
  actions = sam_plan_list_actions (get_store (self), self->clinic_id, &filter, sort, NULL);
  if (actions != NULL && choice == FILTER_OVERDUE)
    for (guint i = actions->len; i > 0; i--)
      if (!sam_plan_action_is_overdue (g_ptr_array_index (actions, i - 1), today))
        g_ptr_array_remove_index (actions, i - 1);
  return actions;
}

static void
refresh_actions (SamPlanPage *self)
{
  g_autoptr(GPtrArray) actions = NULL;
  GDate today;

  /* A refresh now makes a pending one needless, and it must not outlive the page. */
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->action_list == NULL)
    return;
  clear_rows (self->action_list);
  if (self->context == NULL || self->clinic_id <= 0)
    return;

  get_today (self, &today);
  actions = list_shown_actions (self, &today);
  self->loading = TRUE;
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    gtk_list_box_append (self->action_list, action_row_new (self, g_ptr_array_index (actions, i),
                                                            &today));
  self->loading = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.print", actions != NULL);
  refresh_follow (self);
}

static void
on_view_changed (SamPlanPage *self)
{
  if (!self->loading)
    refresh_actions (self);
}

/* From a meeting */

static void
on_import_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SamPlanPage      *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "meetings");
  g_autoptr(GError) error = NULL;
  const SamMeeting *meeting;
  g_autofree char *title = NULL;
  guint n_added = 0;
  guint selected;

  if (g_strcmp0 (response, "add") != 0 || self->meetings == NULL)
    return;
  selected = gtk_drop_down_get_selected (dropdown);
  if (selected >= self->meetings->len)
    return;
  meeting = g_ptr_array_index (self->meetings, selected);
  if (!sam_plan_import_meeting (get_store (self), self->clinic_id, meeting->id, NULL, &n_added,
                                &error))
    {
      alert_error (self, _("The Actions Were Not Added"), error);
      return;
    }
  /* The follow-up counts from the meeting the plan was made at, 6 months by default. */
  {
    g_autoptr(SamPlanFollowUp) follow_up = load_follow_up (self);

    if (follow_up == NULL && sam_plan_set_follow_up (get_store (self), self->clinic_id,
                                                     meeting->date, NULL, NULL))
      load_follow_up_fields (self);
  }
  if (n_added == 0)
    title = g_strdup (_("The plan already holds the meeting’s actions"));
  else
    title = g_strdup_printf (ngettext ("%u action added from the meeting",
                                       "%u actions added from the meeting",
                                       n_added), n_added);
  toast (self, title);
  refresh_actions (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  const SamClinic *clinic = current_clinic (self);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  if (clinic == NULL)
    return;
  all = sam_meeting_store_list (get_store (self), NULL);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  self->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_meeting_free);
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
      decided = sam_meeting_store_list_actions (get_store (self), meeting->id, NULL);
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
  if (self->meetings->len == 0)
    {
      sam_dialogs_alert (get_parent (self), _("No Decisions to Add"),
                         _("No meeting of this clinic or its cluster has decided any actions yet. "
                           "Decisions made in Meetings can be added here afterwards."));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent (self), _("Add from a Meeting"),
                                                       _("The actions decided at the meeting go into the plan. "
                                                         "Those already in it stay as they are.")));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), self->meetings->len - 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Meeting"), -1);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  g_object_set_data (G_OBJECT (dialog), "meetings", dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Actions"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
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

/* Følg udviklingen */

static void
fill_round_dropdown (GtkDropDown *dropdown,
                     GPtrArray   *rounds,
                     guint        selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < rounds->len; i++)
    gtk_string_list_append (labels, ((SamRound *) g_ptr_array_index (rounds, i))->label);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
refresh_follow (SamPlanPage *self)
{
  const SamClinic *clinic = current_clinic (self);
  SamStore *store;
  g_autoptr(SamFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_id, after_id, own_view;
  SamFiguresPolicy policy = { 0, 0 };
  guint before, after;

  if (self->follow_chart == NULL)
    return;
  sam_follow_chart_show (self->follow_chart, NULL, NULL);
  if (clinic == NULL || self->rounds == NULL)
    return;
  store = get_store (self);
  if (self->rounds->len < 2)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Following the change needs two rounds of the cluster; "
                                                         "there is %u so far.",
                                                         "Following the change needs two rounds of the cluster; "
                                                         "there are %u so far.", self->rounds->len),
                                               self->rounds->len);

      gtk_label_set_text (self->follow_intro, text);
      return;
    }
  before = gtk_drop_down_get_selected (self->before_dropdown);
  after = gtk_drop_down_get_selected (self->after_dropdown);
  if (before >= self->rounds->len || after >= self->rounds->len || before == after)
    {
      gtk_label_set_text (self->follow_intro, _("Choose two different rounds."));
      return;
    }

  /* The own clinic sees its own figures; any other clinic is seen as the cluster sees it. */
  before_id = ((SamRound *) g_ptr_array_index (self->rounds, before))->id;
  after_id = ((SamRound *) g_ptr_array_index (self->rounds, after))->id;
  own_view = clinic->id == sam_store_get_own_clinic (store) ? clinic->id : 0;
  policy.own_clinic_id = own_view;
  follow_up = sam_follow_up_load (store, clinic->id, before_id, after_id, &policy, &error);
  if (follow_up == NULL)
    {
      gtk_label_set_text (self->follow_intro, error->message);
      return;
    }
  {
    g_autofree char *intro = g_strdup_printf (_("%s and the cluster, per index and item: the mean (0–100) in the "
                                                "earlier round (a ring) and in the later one (a dot), and the "
                                                "change in points. Figures of fewer than %d answers stay "
                                                "withheld."),
                                              clinic->code, follow_up->after->k);

    gtk_label_set_text (self->follow_intro, intro);
  }

  sam_follow_chart_show (self->follow_chart, follow_up, clinic->code);
}

static void
on_rounds_changed (SamPlanPage *self)
{
  if (!self->loading)
    refresh_follow (self);
}

static void
load_rounds (SamPlanPage *self)
{
  const SamClinic *clinic = current_clinic (self);

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  if (clinic == NULL)
    return;
  self->rounds = sam_round_figures_list_rounds (get_store (self), clinic->cluster_id, NULL);
  if (self->rounds == NULL)
    return;
  self->loading = TRUE;
  fill_round_dropdown (self->before_dropdown, self->rounds,
                       self->rounds->len >= 2 ? self->rounds->len - 2 : 0);
  fill_round_dropdown (self->after_dropdown, self->rounds,
                       self->rounds->len >= 1 ? self->rounds->len - 1 : 0);
  self->loading = FALSE;
}

/* The clinic */

static void
load_clinic (SamPlanPage *self)
{
  load_follow_up_fields (self);
  load_rounds (self);
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
      g_autofree char *title = clinic_title (clinic);

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

static SamPlanReport *
report_new (SamPlanPage *self,
            GPtrArray  **actions,
            SamPlanFollowUp **follow_up,
            GDate       *today,
            char       **clinic_name)
{
  const SamClinic *clinic = current_clinic (self);
  SamPlanReport *report;

  if (clinic == NULL)
    return NULL;
  get_today (self, today);
  *actions = sam_plan_list_actions (get_store (self), clinic->id, NULL, SAM_PLAN_SORT_DUE, NULL);
  *follow_up = load_follow_up (self);
  *clinic_name = clinic_title (clinic);
  report = g_new0 (SamPlanReport, 1);
  report->clinic_name = *clinic_name;
  report->cluster_name = clinic->cluster_name;
  report->actions = *actions;
  report->follow_up = *follow_up;
  report->today = today;
  return report;
}

gboolean
sam_plan_page_write_pdf (SamPlanPage  *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(SamPlanFollowUp) follow_up = NULL;
  g_autofree SamPlanReport *report = NULL;
  g_autofree char *name = NULL;
  GDate today;

  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);

  report = report_new (self, &actions, &follow_up, &today, &name);
  if (report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No clinic is chosen"));
      return FALSE;
    }
  return sam_plan_report_write_pdf (report, path, error);
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
  name = clinic_title (clinic);
  ics = sam_plan_follow_up_to_ics (follow_up, name, clinic->cluster_name, now);
  return g_file_set_contents_full (path, ics, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

typedef gboolean (*WriteFunc) (SamPlanPage *self, const char *path, GError **error);

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  SamPlanPage     *self)
{
  WriteFunc write = g_object_get_data (G_OBJECT (chooser), "write");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !write (self, path, &error))
        sam_dialogs_alert (get_parent (self), _("The File Was Not Saved"),
                           error ? error->message : _("Choose a file on this computer."));
      else
        {
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

          toast (self, title);
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file (SamPlanPage *self,
             const char  *title,
             const char  *suggested,
             WriteFunc    write)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, get_parent (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data (G_OBJECT (chooser), "write", write);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_ics_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Translators: the suggested name of the calendar file. */
  choose_file (SAM_PLAN_PAGE (widget), _("Save the Follow-up to the Calendar"), _("follow-up.ics"),
               sam_plan_page_write_ics);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Translators: the suggested name of the plan's PDF file. */
  choose_file (SAM_PLAN_PAGE (widget), _("Save the Plan as PDF"), _("implementation-plan.pdf"),
               sam_plan_page_write_pdf);
}

typedef struct
{
  SamPlanReport   *report;
  GPtrArray       *actions;
  SamPlanFollowUp *follow_up;
  GDate            today;
  char            *name;
} Print;

static void
print_free (Print *print)
{
  g_free (print->report);
  g_clear_pointer (&print->actions, g_ptr_array_unref);
  sam_plan_follow_up_free (print->follow_up);
  g_free (print->name);
  g_free (print);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Print             *print)
{
  gtk_print_operation_set_n_pages (operation,
                                   sam_plan_report_count_pages (print->report,
                                                                gtk_print_context_get_cairo_context (context),
                                                                gtk_print_context_get_width (context),
                                                                gtk_print_context_get_height (context)));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Print             *print)
{
  sam_plan_report_draw_page (print->report, gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context), page);
}

/* The print operation of the plan: for the print dialog, or for a PDF file. */
static GtkPrintOperation *
print_operation_new (SamPlanPage *self)
{
  GtkPrintOperation *operation;
  Print *print = g_new0 (Print, 1);

  print->report = report_new (self, &print->actions, &print->follow_up, &print->today,
                              &print->name);
  if (print->report == NULL)
    {
      print_free (print);
      return NULL;
    }
  print->report->today = &print->today;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, _("Implementation plan"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), print);
  g_object_set_data_full (G_OBJECT (operation), "sam-print", print, (GDestroyNotify) print_free);
  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamPlanPage *self = SAM_PLAN_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = print_operation_new (self);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               get_parent (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *body = g_strdup_printf (_("The plan could not be printed: %s"),
                                               error->message);

      sam_dialogs_alert (get_parent (self), _("Printing Failed"), body);
    }
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
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = print_operation_new (self);
  if (operation == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No clinic is chosen"));
      return FALSE;
    }
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
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
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SamFollowUpState state;
  AdwToast *note;
  GDate today;
  gint64 own;

  if (self->context == NULL || !SAM_IS_WINDOW (root))
    {
      g_object_unref (self);
      return;
    }
  own = sam_store_get_own_clinic (get_store (self));
  follow_up = own > 0 ? sam_plan_get_follow_up (get_store (self), own, NULL) : NULL;
  get_today (self, &today);
  state = sam_plan_follow_up_state (follow_up, &today, NULL);
  g_object_unref (self);
  if (state != SAM_FOLLOW_UP_NEAR && state != SAM_FOLLOW_UP_PAST)
    return;
  note = adw_toast_new (state == SAM_FOLLOW_UP_PAST ? _("The plan’s follow-up is due")
                                                    : _("The plan’s follow-up is near"));
  adw_toast_set_button_label (note, _("_Show Plan"));
  adw_toast_set_action_name (note, "win.show-section");
  adw_toast_set_action_target_value (note, g_variant_new_string ("plan"));
  adw_toast_set_timeout (note, 10);
  sam_window_add_toast (SAM_WINDOW (root), note);
}

/* Life cycle */

static void
sam_plan_page_dispose (GObject *object)
{
  SamPlanPage *self = (SamPlanPage *) object;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (sam_context_get_store (self->context), self);
  /* The toast overlay is both the bin's child and a template child: let the bin let go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->clinics, g_ptr_array_unref);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, sam_plan_action_free);
  g_clear_weak_pointer (&self->undo_toast);

  G_OBJECT_CLASS (sam_plan_page_parent_class)->dispose (object);
}

static void
sam_plan_page_constructed (GObject *object)
{
  SamPlanPage *self = (SamPlanPage *) object;
  SamContext *context = self->context;

  G_OBJECT_CLASS (sam_plan_page_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  g_signal_connect_object (sam_context_get_store (context), "changed",
                           G_CALLBACK (refresh_clinics), self,
                           G_CONNECT_SWAPPED);
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
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_plan_page);

  g_type_ensure (SAM_TYPE_FOLLOW_CHART);
  g_type_ensure (SAM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, clinic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, before_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, after_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, action_list);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, follow_chart);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, since_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, months_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanPage, follow_intro);
  gtk_widget_class_bind_template_callback (widget_class, on_clinic_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_edited);
  gtk_widget_class_bind_template_callback (widget_class, on_rounds_changed);

  gtk_widget_class_install_action (widget_class, "plan.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "plan.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "plan.save-ics", NULL, save_ics_action);
  gtk_widget_class_install_action (widget_class, "plan.dismiss-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "plan.undo-delete", NULL, undo_delete_action);
}

static void
sam_plan_page_init (SamPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-delete", FALSE);
  g_signal_connect (self->action_list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_list_box_set_placeholder (self->action_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No actions here yet. Add one, or take the decisions "
                                                         "of a meeting."),
                                              "wrap", TRUE, "margin-top", 18, "margin-bottom", 18,
                                              "margin-start", 12, "margin-end", 12,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));
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

  return self->action_list;
}

SamFollowChart *
sam_plan_page_get_follow_chart (SamPlanPage *self)
{
  g_return_val_if_fail (SAM_IS_PLAN_PAGE (self), NULL);

  return self->follow_chart;
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
