/* sam-meeting-start-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-start-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-meeting-start-dialog.h"
#include "sam-meeting-store.h"
#include "sam-meetings-private.h"

/* Before a meeting starts: for which clinic or for the cluster, the date, how many take
 * part and, for the cluster meeting, whether it follows up an earlier round. What to
 * prepare is shown too. Starting creates the meeting in the store and says so through
 * ::started. */

struct _SamMeetingStartDialog
{
  AdwWindow           parent_instance;

  SamContext         *context;
  SamMeetingTemplate *template;
  GArray             *place_ids;     /* gint64: clinics or clusters, as the combo lists them */

  AdwComboRow        *place_row;
  AdwEntryRow        *new_place_row;
  AdwEntryRow        *date_row;
  GtkSpinButton      *participants_spin;
  GtkSwitch          *earlier_switch;
  GtkWidget          *start_button;
};

G_DEFINE_FINAL_TYPE (SamMeetingStartDialog, sam_meeting_start_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_cluster (SamMeetingStartDialog *self)
{
  return sam_meeting_template_get_scope (self->template) == SAM_MEETING_SCOPE_CLUSTER;
}

static gboolean
has_conditional_part (SamMeetingTemplate *template)
{
  for (guint i = 0; i < sam_meeting_template_get_n_parts (template); i++)
    if (sam_meeting_template_get_part (template, i)->condition != SAM_MEETING_CONDITION_NONE)
      return TRUE;
  return FALSE;
}

/* Finds or makes the place the meeting is held; a first meeting on a computer that has
 * no clinic or cluster yet names its own. */
static gboolean
resolve_place (SamMeetingStartDialog  *self,
               gint64                 *clinic_id,
               gint64                 *cluster_id,
               GError                **error)
{
  SamStore *store = sam_context_get_store (self->context);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  gint64 cluster = 0;

  *clinic_id = *cluster_id = 0;
  if (self->place_ids->len > 0)
    {
      guint selected = adw_combo_row_get_selected (self->place_row);
      gint64 id = g_array_index (self->place_ids, gint64, MIN (selected, self->place_ids->len - 1));

      if (is_cluster (self))
        *cluster_id = id;
      else
        *clinic_id = id;
      return TRUE;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_place_row))));
  if (*name == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           is_cluster (self) ? _("Give the cluster’s name.") : _("Give the clinic’s name."));
      return FALSE;
    }
  if (is_cluster (self))
    return sam_store_ensure_cluster (store, name, cluster_id, error);

  clusters = sam_store_list_clusters (store, error);
  if (clusters == NULL)
    return FALSE;
  if (clusters->len > 0)
    cluster = ((SamCluster *) g_ptr_array_index (clusters, 0))->id;
  else if (!sam_store_ensure_cluster (store, _("Our cluster"), &cluster, error))
    return FALSE;
  return sam_store_ensure_clinic (store, cluster, name, name, clinic_id, error);
}

static void
on_start_clicked (SamMeetingStartDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!sam_meeting_start_dialog_start (self, &error))
    sam_dialogs_alert (GTK_WINDOW (self), _("The Meeting Could Not Start"), error->message);
}

static void
fill_places (SamMeetingStartDialog *self)
{
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  gint64 own = sam_store_get_own_clinic (store);
  guint selected = 0;

  g_array_set_size (self->place_ids, 0);
  if (is_cluster (self))
    {
      list = sam_store_list_clusters (store, NULL);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          SamCluster *cluster = g_ptr_array_index (list, i);

          gtk_string_list_append (names, cluster->name);
          g_array_append_val (self->place_ids, cluster->id);
        }
    }
  else
    {
      list = sam_store_list_clinics (store, NULL);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          SamClinic *clinic = g_ptr_array_index (list, i);

          gtk_string_list_append (names, clinic->name != NULL && *clinic->name ? clinic->name : clinic->code);
          if (clinic->id == own)
            selected = self->place_ids->len;
          g_array_append_val (self->place_ids, clinic->id);
        }
    }
  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->place_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->place_row), self->place_ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->new_place_row), self->place_ids->len == 0);
}

static void
build (SamMeetingStartDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;
  GPtrArray *preparation = sam_meeting_template_get_preparation (self->template);
  g_autoptr(GDateTime) now = sam_context_now (self->context);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *description = NULL;
  guint minutes = sam_meeting_template_get_minutes (self->template, FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->start_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (on_start_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->start_button);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Start a Meeting"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sam_meeting_template_get_title (self->template));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute. %s", "%u minutes. %s", minutes),
                                 minutes, sam_meeting_template_get_participants (self->template));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  self->place_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row),
                                 is_cluster (self) ? _("_Cluster") : _("_Clinic"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->place_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->place_row));
  self->new_place_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_place_row),
                                 is_cluster (self) ? _("The _cluster’s name") : _("The _clinic’s name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->new_place_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_place_row));

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("_Date (YYYY-MM-DD)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->date_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  /* Enter in a text row starts the meeting, as the Start button does. */
  adw_entry_row_set_activates_default (self->date_row, TRUE);
  adw_entry_row_set_activates_default (self->new_place_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Taking part"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->participants_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 500, 1));
  gtk_spin_button_set_value (self->participants_spin, 6);
  gtk_widget_set_valign (GTK_WIDGET (self->participants_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->participants_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->participants_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->earlier_switch = GTK_SWITCH (gtk_switch_new ());
  if (has_conditional_part (self->template))
    {
      guint extra = sam_meeting_template_get_minutes (self->template, TRUE) - minutes;
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Adds %u minute to look at what changed",
                                                                "Adds %u minutes to look at what changed",
                                                                extra), extra);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Follow up on an earlier round"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (GTK_WIDGET (self->earlier_switch), GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->earlier_switch));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->earlier_switch));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    g_object_ref_sink (self->earlier_switch);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (preparation != NULL && preparation->len > 0)
    {
      GtkWidget *prep = adw_preferences_group_new ();
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prep), _("Before the Meeting"));
      for (guint i = 0; i < preparation->len; i++)
        {
          g_autofree char *text = g_strdup_printf ("• %s", (char *) g_ptr_array_index (preparation, i));

          gtk_box_append (GTK_BOX (list), _sam_meetings_label (text, NULL));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prep), list);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (prep));
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  fill_places (self);
}

static void
sam_meeting_start_dialog_dispose (GObject *object)
{
  SamMeetingStartDialog *self = SAM_MEETING_START_DIALOG (object);

  if (self->earlier_switch != NULL && gtk_widget_get_parent (GTK_WIDGET (self->earlier_switch)) == NULL)
    g_object_unref (self->earlier_switch);
  self->earlier_switch = NULL;
  g_clear_object (&self->context);
  g_clear_object (&self->template);
  g_clear_pointer (&self->place_ids, g_array_unref);
  G_OBJECT_CLASS (sam_meeting_start_dialog_parent_class)->dispose (object);
}

static void
sam_meeting_start_dialog_class_init (SamMeetingStartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_start_dialog_dispose;

  /**
   * SamMeetingStartDialog::started:
   * @meeting_id: the meeting created
   */
  signals[SIGNAL_STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_meeting_start_dialog_init (SamMeetingStartDialog *self)
{
  self->place_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);
}

SamMeetingStartDialog *
sam_meeting_start_dialog_new (GtkWindow          *parent,
                              SamContext         *context,
                              SamMeetingTemplate *template)
{
  SamMeetingStartDialog *self;

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (template), NULL);

  self = g_object_new (SAM_TYPE_MEETING_START_DIALOG,
                       "transient-for", parent,
                       "title", _("Start a Meeting"),
                       NULL);
  self->context = g_object_ref (context);
  self->template = g_object_ref (template);
  build (self);
  return self;
}

/**
 * sam_meeting_start_dialog_start:
 *
 * Creates the meeting as the dialog is filled in, emits ::started and closes.
 *
 * Returns: %FALSE, with nothing created, if something is missing or wrong
 */
gboolean
sam_meeting_start_dialog_start (SamMeetingStartDialog  *self,
                                GError                **error)
{
  g_autofree char *date = NULL;
  gint64 clinic_id, cluster_id, meeting_id;
  GDate parsed;

  g_return_val_if_fail (SAM_IS_MEETING_START_DIALOG (self), FALSE);

  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (!sam_date_parse_iso (date, &parsed))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-05-04."), date);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      return FALSE;
    }
  if (!resolve_place (self, &clinic_id, &cluster_id, error))
    return FALSE;
  if (!sam_meeting_store_create (sam_context_get_store (self->context),
                                 sam_meeting_template_get_id (self->template),
                                 clinic_id, cluster_id, date,
                                 (guint) gtk_spin_button_get_value_as_int (self->participants_spin),
                                 gtk_switch_get_active (self->earlier_switch),
                                 &meeting_id, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_STARTED], 0, meeting_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
