/* sam-meeting-start-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-start-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sam-context-property.h"
#include "sam-date-row.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-meeting-schedule.h"
#include "sam-meeting-start-dialog.h"
#include "sam-meeting-store.h"
#include "sam-meetings-private.h"

/* Before a meeting starts: for which clinic or for the cluster, the date, how many take
 * part and, for the cluster meeting, whether it follows up an earlier round. The cluster
 * meeting counts the clinics taking part in the cluster's newest round, and follows up
 * where the cluster has a round before it. Every step's minutes can be changed, with the
 * total shown (the package: "kan tilpasses"); they are kept with the meeting. What to
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
  SamDateRow         *date_row;
  AdwActionRow       *participants_row;
  GtkSpinButton      *participants_spin;
  GtkSwitch          *earlier_switch;
  GtkWidget          *start_button;
  AdwPreferencesGroup *program_group;
  AdwPreferencesGroup *minutes_group;
  GtkLabel           *total_label;
  GPtrArray          *minutes_rows;  /* the rows in minutes_group, to take out again */
  SamMeetingSchedule *schedule;
};

G_DEFINE_FINAL_TYPE (SamMeetingStartDialog, sam_meeting_start_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_TEMPLATE = SAM_CONTEXT_PROP + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
                           is_cluster (self) ? _("Give the cluster’s name.")
                                             : _("Give the clinic’s name."));
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

/* The cluster chosen in the place row, for a cluster's meeting. */
static gint64
chosen_cluster (SamMeetingStartDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->place_row);

  if (!is_cluster (self) || self->place_ids->len == 0)
    return 0;
  return g_array_index (self->place_ids, gint64, MIN (selected, self->place_ids->len - 1));
}

static void update_minutes (SamMeetingStartDialog *self);

/* A cluster's meeting: as many take part as the clinics taking part in its newest round,
 * and it follows up where the cluster has a round before that one. */
static void
apply_cluster_defaults (SamMeetingStartDialog *self)
{
  gint64 cluster_id = chosen_cluster (self);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  SamRound *newest = NULL;
  guint n_rounds = 0, n_taking_part = 0;

  if (cluster_id == 0)
    return;
  rounds = sam_store_list_rounds (sam_context_get_store (self->context), NULL);
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (round->cluster_id != cluster_id)
        continue;
      n_rounds++;
      if (newest == NULL || g_strcmp0 (round->date, newest->date) > 0 ||
          (g_strcmp0 (round->date, newest->date) == 0 && round->id > newest->id))
        newest = round;
    }
  if (newest != NULL)
    clinics =
      sam_store_list_round_clinics (sam_context_get_store (self->context), newest->id, NULL);
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    if (((SamRoundClinic *) g_ptr_array_index (clinics, i))->taking_part)
      n_taking_part++;

  if (n_taking_part > 0)
    {
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clinic takes part in “%s”",
                                      "%u clinics take part in “%s”", n_taking_part),
                         n_taking_part, newest->label);

      gtk_spin_button_set_value (self->participants_spin, n_taking_part);
      adw_action_row_set_subtitle (self->participants_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->participants_row, "");

  if (has_conditional_part (self->template))
    gtk_switch_set_active (self->earlier_switch, n_rounds > 1);
}

static void
on_place_changed (SamMeetingStartDialog *self)
{
  apply_cluster_defaults (self);
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

          gtk_string_list_append (names, clinic->name != NULL && *clinic->name ? clinic->name
                                                                               : clinic->code);
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

/* "150 minutes", and what the program planned where the steps were changed. */
static void
update_total (SamMeetingStartDialog *self)
{
  guint total = (sam_meeting_schedule_get_total (self->schedule) + 30) / 60;
  guint planned =
    sam_meeting_template_get_minutes (self->template, gtk_switch_get_active (self->earlier_switch));
  g_autofree char *text = NULL;

  if (total == planned)
    /* Translators: the meeting's length, above its steps' minutes. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %u minute", "Total: %u minutes",
                                         total),
                            total);
  else
    /* Translators: the meeting's length after steps were changed, and the program's. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %u minute (planned: %u)",
                                         "Total: %u minutes (planned: %u)", total), total, planned);
  gtk_label_set_text (self->total_label, text);
}

static void
on_minutes_changed (GtkSpinButton         *spin,
                    SamMeetingStartDialog *self)
{
  /* The spin is named after its step, "minutes-" and the step's id. */
  const char *step_id = gtk_widget_get_name (GTK_WIDGET (spin)) + strlen ("minutes-");
  const SamMeetingStep *step = NULL;

  for (guint i = 0; step == NULL && i < sam_meeting_template_get_n_steps (self->template); i++)
    if (g_strcmp0 (sam_meeting_template_get_step (self->template, i)->id, step_id) == 0)
      step = sam_meeting_template_get_step (self->template, i);
  g_return_if_fail (step != NULL);
  sam_meeting_schedule_set_seconds (self->schedule, step,
                                    (guint) (gtk_spin_button_get_value (spin) * 60 + 0.5));
  update_total (self);
}

/* One row a step held at this meeting, with its minutes to change. */
static void
update_minutes (SamMeetingStartDialog *self)
{
  for (guint i = 0; i < self->minutes_rows->len; i++)
    adw_preferences_group_remove (self->minutes_group, g_ptr_array_index (self->minutes_rows, i));
  g_ptr_array_set_size (self->minutes_rows, 0);
  g_clear_pointer (&self->schedule, sam_meeting_schedule_free);
  self->schedule =
    sam_meeting_schedule_new (self->template, gtk_switch_get_active (self->earlier_switch));

  for (guint i = 0; i < sam_meeting_template_get_n_steps (self->template); i++)
    {
      const SamMeetingStep *step = sam_meeting_template_get_step (self->template, i);
      g_autofree char *name = NULL;
      GtkWidget *row, *spin;
      double minutes;

      if (!sam_meeting_schedule_holds (self->schedule, step))
        continue;
      minutes = sam_meeting_schedule_get_seconds (self->schedule, step) / 60.0;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (step->part != NULL && g_strcmp0 (step->part->title, step->title) != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), step->part->title);
      spin = gtk_spin_button_new_with_range (1, 240, 1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), minutes != (guint) minutes ? 1 : 0);
      gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), minutes != (guint) minutes ? 0.5 : 1,
                                      5);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), minutes);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      name = g_strdup_printf ("minutes-%s", step->id);
      gtk_widget_set_name (spin, name);
      /* Translators: the accessible name of a step's minutes in the start dialog. */
      {
        g_autofree char *label = g_strdup_printf (_("Minutes for “%s”"), step->title);

        gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
      }
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_minutes_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->minutes_group, row);
      g_ptr_array_add (self->minutes_rows, row);
    }
  update_total (self);
}

static void
update_description (SamMeetingStartDialog *self)
{
  guint minutes =
    sam_meeting_template_get_minutes (self->template, gtk_switch_get_active (self->earlier_switch));
  g_autofree char *description =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute. %s", "%u minutes. %s", minutes),
                     minutes, sam_meeting_template_get_participants (self->template));

  adw_preferences_group_set_description (self->program_group, description);
}

static void
on_earlier_changed (SamMeetingStartDialog *self)
{
  update_description (self);
  update_minutes (self);
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

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->start_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (on_start_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->start_button);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Start a Meeting"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  self->program_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   sam_meeting_template_get_title (self->template));

  self->place_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row),
                                 is_cluster (self) ? _("_Cluster") : _("_Clinic"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->place_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->place_row));
  self->new_place_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_place_row),
                                 is_cluster (self) ? _("The _cluster’s name")
                                                   : _("The _clinic’s name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->new_place_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_place_row));

  self->date_row = SAM_DATE_ROW (sam_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("_Date"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->date_row), TRUE);
  sam_date_row_set_date (self->date_row, today);
  /* Enter in a text row starts the meeting, as the Start button does. */
  sam_date_row_set_activates_default (self->date_row, TRUE);
  adw_entry_row_set_activates_default (self->new_place_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));

  row = adw_action_row_new ();
  self->participants_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Taking part"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->participants_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 500, 1));
  gtk_spin_button_set_value (self->participants_spin, 6);
  gtk_widget_set_valign (GTK_WIDGET (self->participants_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->participants_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (self->participants_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->earlier_switch = GTK_SWITCH (gtk_switch_new ());
  if (has_conditional_part (self->template))
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("_Follow up on an earlier round"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sam_meeting_template_get_minutes (self->template, TRUE) ==
                                   sam_meeting_template_get_minutes (self->template, FALSE)
                                   ? _("Starts by looking at what changed; the other steps are "
                                       "shorter")
                                   : _("Starts by looking at what changed"));
      gtk_widget_set_valign (GTK_WIDGET (self->earlier_switch), GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->earlier_switch));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                             GTK_WIDGET (self->earlier_switch));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    g_object_ref_sink (self->earlier_switch);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The program, each step's minutes to fit the day. */
  self->minutes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->minutes_group, _("Minutes"));
  adw_preferences_group_set_description (self->minutes_group,
                                         _("The program’s minutes for each step; change them to "
                                           "fit the day."));
  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->total_label), "total-label");
  gtk_label_set_justify (self->total_label, GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "heading");
  gtk_widget_set_valign (GTK_WIDGET (self->total_label), GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (self->minutes_group, GTK_WIDGET (self->total_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->minutes_group);

  if (preparation != NULL && preparation->len > 0)
    {
      GtkWidget *prep = adw_preferences_group_new ();
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prep), _("Before the Meeting"));
      for (guint i = 0; i < preparation->len; i++)
        {
          g_autofree char *text =
            g_strdup_printf ("• %s", (char *) g_ptr_array_index (preparation, i));

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
  apply_cluster_defaults (self);
  update_description (self);
  update_minutes (self);
  g_signal_connect_swapped (self->place_row, "notify::selected", G_CALLBACK (on_place_changed),
                            self);
  g_signal_connect_swapped (self->earlier_switch, "notify::active", G_CALLBACK (on_earlier_changed),
                            self);
}

static void
sam_meeting_start_dialog_dispose (GObject *object)
{
  SamMeetingStartDialog *self = SAM_MEETING_START_DIALOG (object);

  if (self->earlier_switch != NULL &&
      gtk_widget_get_parent (GTK_WIDGET (self->earlier_switch)) == NULL)
    g_object_unref (self->earlier_switch);
  self->earlier_switch = NULL;
  g_clear_object (&self->context);
  g_clear_object (&self->template);
  g_clear_pointer (&self->place_ids, g_array_unref);
  g_clear_pointer (&self->minutes_rows, g_ptr_array_unref);
  g_clear_pointer (&self->schedule, sam_meeting_schedule_free);
  G_OBJECT_CLASS (sam_meeting_start_dialog_parent_class)->dispose (object);
}

static void
sam_meeting_start_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SamMeetingStartDialog *self = SAM_MEETING_START_DIALOG (object);

  if (prop_id == SAM_CONTEXT_PROP)
    g_value_set_object (value, self->context);
  else if (prop_id == PROP_TEMPLATE)
    g_value_set_object (value, self->template);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sam_meeting_start_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SamMeetingStartDialog *self = SAM_MEETING_START_DIALOG (object);

  if (prop_id == SAM_CONTEXT_PROP)
    g_set_object (&self->context, g_value_get_object (value));
  else if (prop_id == PROP_TEMPLATE)
    g_set_object (&self->template, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sam_meeting_start_dialog_constructed (GObject *object)
{
  SamMeetingStartDialog *self = SAM_MEETING_START_DIALOG (object);

  G_OBJECT_CLASS (sam_meeting_start_dialog_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (self->context));
  g_return_if_fail (SAM_IS_MEETING_TEMPLATE (self->template));
  build (self);
}

static void
sam_meeting_start_dialog_class_init (SamMeetingStartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_meeting_start_dialog_constructed;
  object_class->dispose = sam_meeting_start_dialog_dispose;
  object_class->get_property = sam_meeting_start_dialog_get_property;
  object_class->set_property = sam_meeting_start_dialog_set_property;

  properties[SAM_CONTEXT_PROP] = sam_context_param_spec ();
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, SAM_TYPE_MEETING_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->minutes_rows = g_ptr_array_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);
}

SamMeetingStartDialog *
sam_meeting_start_dialog_new (GtkWindow          *parent,
                              SamContext         *context,
                              SamMeetingTemplate *template)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SAM_IS_MEETING_TEMPLATE (template), NULL);

  return g_object_new (SAM_TYPE_MEETING_START_DIALOG,
                       "context", context,
                       "template", template,
                       "transient-for", parent,
                       "title", _("Start a Meeting"),
                       NULL);
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
  SamStore *store;
  const char *date;
  gint64 clinic_id, cluster_id, meeting_id;

  g_return_val_if_fail (SAM_IS_MEETING_START_DIALOG (self), FALSE);

  store = sam_context_get_store (self->context);
  date = sam_date_row_get_date (self->date_row);
  if (date == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           sam_date_row_get_message (self->date_row));
      gtk_widget_grab_focus (GTK_WIDGET (sam_date_row_get_entry (self->date_row)));
      return FALSE;
    }
  if (!sam_store_begin (store, error))
    return FALSE;
  if (!resolve_place (self, &clinic_id, &cluster_id, error) ||
      !sam_meeting_store_create (store, sam_meeting_template_get_id (self->template),
                                 clinic_id, cluster_id, date,
                                 (guint) gtk_spin_button_get_value_as_int (self->participants_spin),
                                 gtk_switch_get_active (self->earlier_switch),
                                 &meeting_id, error) ||
      !sam_meeting_schedule_save (self->schedule, store, meeting_id, error))
    {
      sam_store_rollback (store);
      return FALSE;
    }
  if (!sam_store_commit (store, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_STARTED], 0, meeting_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
