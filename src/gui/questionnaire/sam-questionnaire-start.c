/* sam-questionnaire-start.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-questionnaire-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dialogs.h"
#include "sam-names.h"
#include "sam-questionnaire-view-private.h"

/* The questionnaire's start page: the round, the clinic and the role of the person about
 * to answer, and answers waiting on this computer to be taken up again. */

static int
selected_role (SamQuestionnaireView *self)
{
  for (guint i = 0; i < SAM_N_ROLES; i++)
    if (gtk_widget_get_visible (self->role_rows[i]) &&
        gtk_check_button_get_active (GTK_CHECK_BUTTON (self->role_checks[i])))
      return i;
  return -1;
}

static gint64
selected_round (SamQuestionnaireView *self)
{
  guint selected = adw_combo_row_get_selected (self->round_row);

  return selected < self->round_ids->len ? g_array_index (self->round_ids, gint64, selected) : 0;
}

/* The clinic chosen from the round's; 0 for a new one (typed) or none. */
static gint64
chosen_clinic (SamQuestionnaireView *self)
{
  guint selected = adw_combo_row_get_selected (self->clinic_choice_row);

  return selected < self->clinic_ids->len ? g_array_index (self->clinic_ids, gint64, selected) : 0;
}

/* Only the roles that fit the clinic: a solo practice has no partners, a partnership no
 * solo doctor. A clinic nobody has described (or a new one) is offered all three. */
static void
update_roles (SamQuestionnaireView *self)
{
  gint64 clinic_id = chosen_clinic (self);
  SamStore *store = sam_context_get_store (self->context);
  SamClinicKind kind =
    clinic_id > 0 ? sam_store_get_clinic_kind (store, clinic_id) : SAM_CLINIC_KIND_UNKNOWN;

  for (guint i = 0; i < SAM_N_ROLES; i++)
    {
      gboolean offered = sam_clinic_kind_offers_role (kind, i);

      gtk_widget_set_visible (self->role_rows[i], offered);
      if (!offered)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->role_checks[i]), FALSE);
    }
  adw_preferences_group_set_description (self->role_group,
                                         kind == SAM_CLINIC_KIND_SOLO
                                         ? _("The clinic is a solo practice.")
                                         : kind == SAM_CLINIC_KIND_PARTNERSHIP
                                         ? _("The clinic is a partnership.") : NULL);
}

static void
update_start (SamQuestionnaireView *self)
{
  gboolean another = gtk_widget_get_visible (GTK_WIDGET (self->clinic_row));
  g_autofree char *clinic =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clinic_row))));
  g_autofree char *unsafe =
    sam_name_explain_unsafe (gtk_editable_get_text (GTK_EDITABLE (self->clinic_row)), FALSE);

  /* A code a spreadsheet would run as a formula is marked as it is typed; starting says
   * why the store refuses it. */
  if (unsafe != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->clinic_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clinic_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clinic_row), unsafe);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button),
                            (another ? *clinic != '\0' : chosen_clinic (self) > 0) &&
                            selected_role (self) >= 0 && selected_round (self) > 0);
}

/* The clinics of the chosen round: those taking part (or all of its cluster's, where none
 * is marked yet), then "another clinic" for a code not known yet. The clinic chosen before
 * stays chosen; a clinic's computer starts with its own clinic. */
static void
refresh_clinics (SamQuestionnaireView *self)
{
  SamStore *store = sam_context_get_store (self->context);
  gint64 round_id = selected_round (self);
  gint64 keep = chosen_clinic (self);
  gint64 own = sam_store_get_own_clinic (store);
  /* A code being typed for another clinic stays; an empty "another" was only the default
   * of a round without clinics. */
  gboolean had_another = gtk_widget_get_visible (GTK_WIDGET (self->clinic_row)) &&
                         *gtk_editable_get_text (GTK_EDITABLE (self->clinic_row)) != '\0';
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean any_taking_part = FALSE;
  guint selected = GTK_INVALID_LIST_POSITION, own_position = GTK_INVALID_LIST_POSITION;
  gint64 another = 0;

  if (round_id > 0)
    clinics = sam_store_list_round_clinics (store, round_id, NULL);
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamRoundClinic *clinic = g_ptr_array_index (clinics, i);

      any_taking_part |= clinic->taking_part || clinic->n_respondents > 0;
    }
  g_array_set_size (self->clinic_ids, 0);
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamRoundClinic *clinic = g_ptr_array_index (clinics, i);

      if (any_taking_part && !clinic->taking_part && clinic->n_respondents == 0 &&
          clinic->clinic_id != own)
        continue;
      if (clinic->clinic_id == keep)
        selected = self->clinic_ids->len;
      if (clinic->clinic_id == own)
        own_position = self->clinic_ids->len;
      gtk_string_list_append (labels, clinic->code);
      g_array_append_val (self->clinic_ids, clinic->clinic_id);
    }
  gtk_string_list_append (labels, _("Another Clinic…"));
  g_array_append_val (self->clinic_ids, another);

  if (had_another)
    selected = self->clinic_ids->len - 1;
  else if (selected == GTK_INVALID_LIST_POSITION)
    selected = own_position != GTK_INVALID_LIST_POSITION ? own_position : 0;
  adw_combo_row_set_model (self->clinic_choice_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->clinic_choice_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->clinic_row), chosen_clinic (self) == 0);
  update_roles (self);
}

static void
on_round_selected (SamQuestionnaireView *self)
{
  if (self->context == NULL)
    return;
  refresh_clinics (self);
  update_start (self);
}

static void
on_clinic_chosen (SamQuestionnaireView *self)
{
  gboolean another;

  if (self->context == NULL)
    return;
  another = chosen_clinic (self) == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->clinic_row), another);
  update_roles (self);
  update_start (self);
}

static void
begin (SamQuestionnaireView *self,
       SamQuestionnaire     *questionnaire)
{
  g_set_object (&self->questionnaire, questionnaire);
  gtk_stack_set_visible_child_name (self->stack, "question");
  _sam_questionnaire_view_show_page (self);
}

/* The answers waiting in @parameter's draft are taken up again. */
static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamQuestionnaireView *self = SAM_QUESTIONNAIRE_VIEW (widget);
  gint64 draft_id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->drafts->len; i++)
    {
      /* Taken out first: taking it up changes the store, and the start page is filled
       * again meanwhile. */
      g_autoptr(SamDraft) draft = NULL;
      g_autoptr(SamQuestionnaire) questionnaire = NULL;

      if (((SamDraft *) g_ptr_array_index (self->drafts, i))->id != draft_id)
        continue;
      draft = g_ptr_array_steal_index (self->drafts, i);
      questionnaire = sam_questionnaire_new_from_draft (_sam_questionnaire_view_get_store (self),
                                                        draft);
      begin (self, questionnaire);
      return;
    }
}

typedef struct
{
  SamQuestionnaireView *view;
  gint64                draft_id;
} Discard;

static void
on_discard_confirmed (gboolean confirmed,
                      gpointer user_data)
{
  Discard *discard = user_data;
  g_autoptr(GError) error = NULL;

  if (confirmed &&
      !sam_store_delete_draft (_sam_questionnaire_view_get_store (discard->view), discard->draft_id,
                               &error))
    _sam_questionnaire_view_show_error (discard->view, error);
  g_object_unref (discard->view);
  g_free (discard);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  Discard *discard = g_new0 (Discard, 1);

  discard->view = g_object_ref (SAM_QUESTIONNAIRE_VIEW (widget));
  discard->draft_id = g_variant_get_int64 (parameter);
  sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Discard the Answers?"),
                       _("The answers given so far are deleted from this computer. This cannot be "
                         "undone."),
                       _("_Discard"), TRUE, on_discard_confirmed, discard);
}

static GtkWidget *
create_resume_row (SamQuestionnaireView *self,
                   const SamDraft       *draft)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamQuestionnaire) probe =
    sam_questionnaire_new_from_draft (_sam_questionnaire_view_get_store (self), draft);
  g_autofree char *title =
    g_strdup_printf (_("%s, %s"), draft->clinic_code,
                     sam_instrument_get_role_label (instrument, draft->role));
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u of %u answered"), draft->round_label,
                                               sam_questionnaire_count_answered (probe),
                                               sam_questionnaire_count_items (probe));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *resume = gtk_button_new_with_mnemonic (_("_Resume"));
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (resume, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (resume), "questionnaire.resume");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (resume), "x", draft->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);

  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (discard, _("Discard"));
  gtk_widget_set_name (discard, "discard");
  gtk_widget_add_css_class (discard, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "questionnaire.discard");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "x", draft->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  return row;
}

void
_sam_questionnaire_view_refresh_start (SamQuestionnaireView *self)
{
  SamStore *store = _sam_questionnaire_view_get_store (self);
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
  g_autoptr(GPtrArray) drafts = sam_store_list_drafts (store, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *privacy = NULL;
  GtkWidget *child;
  gint64 keep_round = selected_round (self);
  guint round_position = 0;
  int k = sam_store_get_min_group_size (store);

  g_array_set_size (self->round_ids, 0);
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);
      g_autofree char *label = NULL;

      if (round->closed)
        continue;
      label = g_strdup_printf ("%s (%s)", round->label, round->cluster_name);
      if (round->id == keep_round)
        round_position = self->round_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->round_ids, round->id);
    }
  adw_combo_row_set_model (self->round_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->round_row, round_position);
  refresh_clinics (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->resume_list))) != NULL)
    gtk_list_box_remove (self->resume_list, child);
  g_ptr_array_set_size (self->drafts, 0);
  while (drafts != NULL && drafts->len > 0)
    {
      SamDraft *draft = g_ptr_array_steal_index (drafts, 0);

      gtk_list_box_append (self->resume_list, create_resume_row (self, draft));
      g_ptr_array_add (self->drafts, draft);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->resume_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->resume_list)) != NULL);

  privacy =
    g_strdup_printf (ngettext ("Your answers are stored on this computer without your name, and "
                               "they are never shown one by one after you submit them; only counts "
                               "of answers are shown and shared. Where fewer than %d person from a "
                               "clinic answers, colleagues may be able to work out each other’s "
                               "answers from the clinic’s own results.",
                               "Your answers are stored on this computer without your name, and "
                               "they are never shown one by one after you submit them; only counts "
                               "of answers are shown and shared. Where fewer than %d people from a "
                               "clinic answer, colleagues may be able to work out each other’s "
                               "answers from the clinic’s own results.",
                               k),
                     k);
  gtk_label_set_text (self->privacy_label, privacy);

  /* Someone answering is never taken away from their questions by a change elsewhere. */
  if (self->questionnaire == NULL)
    {
      GtkWidget *first_draft = gtk_widget_get_first_child (GTK_WIDGET (self->resume_list));

      gtk_stack_set_visible_child_name (self->stack,
                                        self->round_ids->len == 0 && first_draft == NULL
                                        ? "closed" : "start");
    }
  update_start (self);
}

/* The cluster of the round chosen on the start page, or 0 with @error set. */
static gint64
round_cluster (SamQuestionnaireView  *self,
               GError               **error)
{
  g_autoptr(SamRound) round = NULL;
  gint64 round_id = selected_round (self);

  if (round_id == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("No round is open"));
      return 0;
    }
  round = sam_store_get_round (_sam_questionnaire_view_get_store (self), round_id, error);
  return round != NULL ? round->cluster_id : 0;
}

/* The start page shows the clinic answered for, so that the next colleague starts there. */
static void
select_clinic (SamQuestionnaireView *self,
               gint64                clinic_id)
{
  for (guint i = 0; i < self->clinic_ids->len; i++)
    if (g_array_index (self->clinic_ids, gint64, i) == clinic_id)
      {
        adw_combo_row_set_selected (self->clinic_choice_row, i);
        gtk_editable_set_text (GTK_EDITABLE (self->clinic_row), "");
        return;
      }
}

static void
start_in_clinic (SamQuestionnaireView *self,
                 gint64                clinic_id,
                 SamRole               role)
{
  g_autoptr(SamQuestionnaire) questionnaire = NULL;

  questionnaire = sam_questionnaire_new (_sam_questionnaire_view_get_store (self),
                                         selected_round (self), clinic_id, role);

  begin (self, questionnaire);
}

/**
 * sam_questionnaire_view_start:
 * @clinic: the clinic's code as the cluster knows it (created in the round's cluster if new)
 *
 * Starts answering in the round chosen on the start page.
 */
gboolean
sam_questionnaire_view_start (SamQuestionnaireView  *self,
                              const char            *clinic,
                              SamRole                role,
                              GError               **error)
{
  gint64 cluster_id, clinic_id;

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), FALSE);

  if ((cluster_id = round_cluster (self, error)) == 0 ||
      !sam_store_ensure_clinic (_sam_questionnaire_view_get_store (self), cluster_id, clinic, NULL,
                                &clinic_id, error))
    return FALSE;
  start_in_clinic (self, clinic_id, role);
  return TRUE;
}

typedef struct
{
  SamQuestionnaireView *view;
  char                 *code;
  SamRole               role;
} NewClinic;

static void
on_new_clinic_confirmed (gboolean confirmed,
                         gpointer user_data)
{
  NewClinic *new_clinic = user_data;
  SamQuestionnaireView *self = new_clinic->view;
  SamStore *store = _sam_questionnaire_view_get_store (self);
  g_autoptr(GError) error = NULL;
  gint64 cluster_id, clinic_id;

  if (confirmed)
    {
      /* The new clinic joins the cluster and takes part in the round, as one change. */
      if ((cluster_id = round_cluster (self, &error)) == 0 || !sam_store_begin (store, &error))
        _sam_questionnaire_view_show_error (self, error);
      else if (!sam_store_ensure_clinic (store, cluster_id, new_clinic->code, NULL, &clinic_id,
                                         &error) ||
               !sam_store_add_round_clinic (store, selected_round (self), clinic_id, -1, &error) ||
               !sam_store_commit (store, &error))
        {
          sam_store_rollback (store);
          _sam_questionnaire_view_show_error (self, error);
        }
      else
        {
          select_clinic (self, clinic_id);
          start_in_clinic (self, clinic_id, new_clinic->role);
        }
    }
  g_object_unref (new_clinic->view);
  g_free (new_clinic->code);
  g_free (new_clinic);
}

/* A clinic chosen from the round's starts at once. A code typed for another clinic starts
 * where the cluster knows it; a code it does not know asks first, since a typing mistake
 * would make a clinic of its own. */
static void
on_start_clicked (SamQuestionnaireView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  int role = selected_role (self);
  gint64 clinic_id = chosen_clinic (self), cluster_id;
  NewClinic *new_clinic;
  g_autofree char *body = NULL;
  g_autoptr(SamRound) round = NULL;
  GtkRoot *root;

  if (role < 0)
    return;
  if (clinic_id > 0)
    {
      start_in_clinic (self, clinic_id, role);
      return;
    }
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clinic_row))));
  if ((cluster_id = round_cluster (self, &error)) == 0 ||
      !sam_name_check (code, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, &error))
    {
      _sam_questionnaire_view_show_error (self, error);
      return;
    }
  if (sam_store_find_clinic (_sam_questionnaire_view_get_store (self), cluster_id, code,
                             &clinic_id))
    {
      refresh_clinics (self);
      select_clinic (self, clinic_id);
      start_in_clinic (self, clinic_id, role);
      return;
    }

  round = sam_store_get_round (_sam_questionnaire_view_get_store (self), selected_round (self),
                               NULL);
  /* Translators: %s are a clinic's code, the cluster's name and the round's name. */
  body =
    g_strdup_printf (_("“%s” is not a clinic of the cluster %s yet. Add it to the cluster and to "
                       "the round %s, and answer for it? Check the code first: answers under a "
                       "mistyped code count as another clinic’s."),
                     code, round != NULL ? round->cluster_name : "",
                     round != NULL ? round->label : "");
  new_clinic = g_new0 (NewClinic, 1);
  new_clinic->view = g_object_ref (self);
  new_clinic->code = g_steal_pointer (&code);
  new_clinic->role = role;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add a New Clinic?"),
                       body, _("_Add Clinic"), FALSE, on_new_clinic_confirmed, new_clinic);
}

/* One computer goes round the room: the same round and clinic, a new person. */
static void
on_next_colleague_clicked (SamQuestionnaireView *self)
{
  for (guint i = 0; i < SAM_N_ROLES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->role_checks[i]), FALSE);
  _sam_questionnaire_view_refresh_start (self);
  /* The next colleague starts with their role. */
  for (guint i = 0; i < SAM_N_ROLES; i++)
    if (gtk_widget_get_visible (self->role_rows[i]) &&
        gtk_widget_get_sensitive (self->role_checks[i]))
      {
        gtk_widget_grab_focus (self->role_checks[i]);
        break;
      }
}

/* The roles, one row each with a check button of one group. */
void
_sam_questionnaire_view_init_start (SamQuestionnaireView *self)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  for (guint i = 0; i < SAM_N_ROLES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_strconcat ("role-", sam_role_to_string (i), NULL);

      self->role_rows[i] = row;
      gtk_widget_set_name (row, name);
      self->role_checks[i] = gtk_check_button_new ();
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (self->role_checks[i]),
                                    GTK_CHECK_BUTTON (self->role_checks[0]));
      gtk_widget_set_valign (self->role_checks[i], GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->role_checks[i], "toggled", G_CALLBACK (update_start), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sam_instrument_get_role_label (instrument, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sam_instrument_get_role_description (instrument, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->role_checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->role_checks[i]);
      adw_preferences_group_add (self->role_group, row);
    }
}

void
_sam_questionnaire_view_class_init_start (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, update_start);
  gtk_widget_class_bind_template_callback (widget_class, on_round_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clinic_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_colleague_clicked);

  gtk_widget_class_install_action (widget_class, "questionnaire.resume", "x", resume_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.discard", "x", discard_action);
}
