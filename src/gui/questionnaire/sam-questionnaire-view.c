/* sam-questionnaire-view.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-questionnaire-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-names.h"
#include "sam-questionnaire-view.h"

/* Answering the self-assessment on the clinic's computer: who is answering, a question a
 * page with the options as single-choice rows, a review of one's own answers, and thanks,
 * ready for the next colleague. Answers are saved as they are given (see
 * SamQuestionnaire), so a closed window or a crash loses nothing. */

struct _SamQuestionnaireView
{
  GtkWidget         parent_instance;

  SamContext       *context;
  SamQuestionnaire *questionnaire;
  GArray           *round_ids;       /* gint64, the open rounds in the round combo */
  GArray           *clinic_ids;      /* gint64, the round's clinics in the clinic combo; then 0,
                                      * "another clinic" */
  GtkWidget        *role_checks[SAM_N_ROLES];
  GtkWidget        *role_rows[SAM_N_ROLES];
  GHashTable       *checks;          /* "item\x1fcode" -> GtkCheckButton on the current page */
  gboolean          building;

  GtkStack         *stack;
  AdwPreferencesGroup *resume_group;
  GtkListBox       *resume_list;
  AdwComboRow      *round_row;
  AdwComboRow      *clinic_choice_row;
  AdwEntryRow      *clinic_row;
  AdwPreferencesGroup *role_group;
  GtkLabel         *privacy_label;
  GtkButton        *start_button;
  GtkProgressBar   *progress_bar;
  GtkScrolledWindow *question_scroller;
  GtkBox           *question_box;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkLabel         *progress_label;
  GtkButton        *next_colleague_button;
};

G_DEFINE_FINAL_TYPE (SamQuestionnaireView, sam_questionnaire_view, GTK_TYPE_WIDGET)
SAM_DEFINE_CONTEXT_PROPERTY (SamQuestionnaireView, sam_questionnaire_view)

static void show_page (SamQuestionnaireView *self);
static void refresh_start (SamQuestionnaireView *self);

static SamStore *
get_store (SamQuestionnaireView *self)
{
  return sam_context_get_store (self->context);
}

static void
show_error (SamQuestionnaireView *self,
            const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sam_dialogs_alert (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("That Did Not Work"), error->message);
}

static char *
answer_key (const SamItem *item,
            int            code)
{
  return g_strdup_printf ("%s\x1f%d", item->id, code);
}

/* The start page */

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
  SamClinicKind kind = clinic_id > 0 ? sam_store_get_clinic_kind (store, clinic_id) : SAM_CLINIC_KIND_UNKNOWN;

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
  g_autofree char *clinic = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clinic_row))));
  g_autofree char *unsafe = sam_name_explain_unsafe (gtk_editable_get_text (GTK_EDITABLE (self->clinic_row)), FALSE);

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
  show_page (self);
}

static void
on_resume_clicked (GtkButton            *button,
                   SamQuestionnaireView *self)
{
  SamDraft *draft = g_object_get_data (G_OBJECT (button), "draft");
  g_autoptr(SamQuestionnaire) questionnaire = sam_questionnaire_new_from_draft (get_store (self), draft);

  begin (self, questionnaire);
}

static void
on_discard_confirmed (gboolean confirmed,
                      gpointer user_data)
{
  GtkButton *button = user_data;
  SamQuestionnaireView *self = g_object_get_data (G_OBJECT (button), "view");
  g_autoptr(GError) error = NULL;

  if (confirmed && self != NULL &&
      !sam_store_delete_draft (get_store (self), *(gint64 *) g_object_get_data (G_OBJECT (button), "draft-id"), &error))
    show_error (self, error);
  g_object_unref (button);
}

static void
on_discard_clicked (GtkButton            *button,
                    SamQuestionnaireView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Discard the Answers?"),
                       _("The answers given so far are deleted from this computer. This cannot be undone."),
                       _("_Discard"), TRUE, on_discard_confirmed, g_object_ref (button));
}

static GtkWidget *
create_resume_row (SamQuestionnaireView *self,
                   SamDraft             *draft)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamQuestionnaire) probe = sam_questionnaire_new_from_draft (get_store (self), draft);
  g_autofree char *title = g_strdup_printf (_("%s, %s"), draft->clinic_code,
                                            sam_instrument_get_role_label (instrument, draft->role));
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u of %u answered"), draft->round_label,
                                               sam_questionnaire_count_answered (probe),
                                               sam_questionnaire_count_items (probe));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *resume = gtk_button_new_with_mnemonic (_("_Resume"));
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gint64 *id = g_new (gint64, 1);

  *id = draft->id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (resume, "suggested-action");
  g_object_set_data_full (G_OBJECT (resume), "draft", draft, (GDestroyNotify) sam_draft_free);
  g_signal_connect (resume, "clicked", G_CALLBACK (on_resume_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);

  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (discard, _("Discard"));
  gtk_widget_set_name (discard, "discard");
  gtk_widget_add_css_class (discard, "flat");
  g_object_set_data_full (G_OBJECT (discard), "draft-id", id, g_free);
  g_object_set_data (G_OBJECT (discard), "view", self);
  g_signal_connect (discard, "clicked", G_CALLBACK (on_discard_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  return row;
}

static void
refresh_start (SamQuestionnaireView *self)
{
  SamStore *store = get_store (self);
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
  while (drafts != NULL && drafts->len > 0)
    gtk_list_box_append (self->resume_list, create_resume_row (self, g_ptr_array_steal_index (drafts, 0)));
  gtk_widget_set_visible (GTK_WIDGET (self->resume_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->resume_list)) != NULL);

  privacy = g_strdup_printf (ngettext ("Your answers are stored on this computer without your name, and they are "
                                       "never shown one by one after you submit them; only counts of answers are "
                                       "shown and shared. Where fewer than %d person from a clinic answers, "
                                       "colleagues may be able to work out each other’s answers from the "
                                       "clinic’s own results.",
                                       "Your answers are stored on this computer without your name, and they are "
                                       "never shown one by one after you submit them; only counts of answers are "
                                       "shown and shared. Where fewer than %d people from a clinic answer, "
                                       "colleagues may be able to work out each other’s answers from the "
                                       "clinic’s own results.", k),
                             k);
  gtk_label_set_text (self->privacy_label, privacy);

  /* Someone answering is never taken away from their questions by a change elsewhere. */
  if (self->questionnaire == NULL)
    gtk_stack_set_visible_child_name (self->stack,
                                      self->round_ids->len == 0 &&
                                      gtk_widget_get_first_child (GTK_WIDGET (self->resume_list)) == NULL
                                      ? "closed" : "start");
  update_start (self);
}

/**
 * sam_questionnaire_view_start:
 * @clinic: the clinic's code as the cluster knows it (created in the round's cluster if new)
 *
 * Starts answering in the round chosen on the start page.
 */
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
  round = sam_store_get_round (get_store (self), round_id, error);
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

  questionnaire = sam_questionnaire_new (get_store (self), selected_round (self), clinic_id, role);

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
      !sam_store_ensure_clinic (get_store (self), cluster_id, clinic, NULL, &clinic_id, error))
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
  SamStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  gint64 cluster_id, clinic_id;

  if (confirmed)
    {
      /* The new clinic joins the cluster and takes part in the round, as one change. */
      if ((cluster_id = round_cluster (self, &error)) == 0 || !sam_store_begin (store, &error))
        show_error (self, error);
      else if (!sam_store_ensure_clinic (store, cluster_id, new_clinic->code, NULL, &clinic_id, &error) ||
               !sam_store_add_round_clinic (store, selected_round (self), clinic_id, -1, &error) ||
               !sam_store_commit (store, &error))
        {
          sam_store_rollback (store);
          show_error (self, error);
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
      show_error (self, error);
      return;
    }
  if (sam_store_find_clinic (get_store (self), cluster_id, code, &clinic_id))
    {
      refresh_clinics (self);
      select_clinic (self, clinic_id);
      start_in_clinic (self, clinic_id, role);
      return;
    }

  round = sam_store_get_round (get_store (self), selected_round (self), NULL);
  /* Translators: %s are a clinic's code, the cluster's name and the round's name. */
  body = g_strdup_printf (_("“%s” is not a clinic of the cluster %s yet. Add it to the cluster and to "
                            "the round %s, and answer for it? Check the code first: answers under a "
                            "mistyped code count as another clinic’s."),
                          code, round != NULL ? round->cluster_name : "", round != NULL ? round->label : "");
  new_clinic = g_new0 (NewClinic, 1);
  new_clinic->view = g_object_ref (self);
  new_clinic->code = g_steal_pointer (&code);
  new_clinic->role = role;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add a New Clinic?"), body,
                       _("_Add Clinic"), FALSE, on_new_clinic_confirmed, new_clinic);
}

/* A question page */

static void
on_option_toggled (GtkCheckButton       *check,
                   SamQuestionnaireView *self)
{
  const SamItem *item = g_object_get_data (G_OBJECT (check), "item");
  int code = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "code"));
  g_autoptr(GError) error = NULL;

  if (self->building || self->questionnaire == NULL)
    return;
  if (gtk_check_button_get_active (check))
    {
      if (!sam_questionnaire_set_answer (self->questionnaire, item, code, &error))
        show_error (self, error);
    }
  else if (sam_questionnaire_get_answer (self->questionnaire, item) == code)
    sam_questionnaire_set_answer (self->questionnaire, item, 0, NULL);
}

static GtkWidget *
create_option_row (SamQuestionnaireView *self,
                   const SamQuestion    *question,
                   const SamItem        *item,
                   const char           *label,
                   int                   code,
                   GtkCheckButton       *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *key = answer_key (item, code);
  g_autofree char *description = item->text ? g_strdup_printf ("%s %s", question->text, item->text)
                                            : g_strdup (question->text);
  g_autofree char *number = code == SAM_ANSWER_NOT_APPLICABLE ? g_strdup ("9") : g_strdup_printf ("%d", code);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), sam_questionnaire_get_answer (self->questionnaire, item) == code);
  g_object_set_data (G_OBJECT (check), "item", (gpointer) item);
  g_object_set_data (G_OBJECT (check), "code", GINT_TO_POINTER (code));
  g_object_set_data (G_OBJECT (row), "item", (gpointer) item);
  g_signal_connect (check, "toggled", G_CALLBACK (on_option_toggled), self);

  /* A screen reader says the option and the question it answers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  /* The number key that chooses it. */
  {
    GtkWidget *hint = gtk_label_new (number);

    gtk_widget_add_css_class (hint, "dim-label");
    gtk_widget_add_css_class (hint, "numeric");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), hint);
  }

  g_hash_table_insert (self->checks, g_steal_pointer (&key), check);
  return row;
}

static GtkWidget *
create_item_group (SamQuestionnaireView *self,
                   const SamQuestion    *question,
                   const SamItem        *item)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkCheckButton *first = NULL;

  if (item->text != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), item->text);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint o = 0; o < question->scale->options->len; o++)
    {
      SamOption *option = g_ptr_array_index (question->scale->options, o);
      GtkWidget *row = create_option_row (self, question, item, option->label, option->code, first);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (first == NULL)
        {
          g_autofree char *key = answer_key (item, option->code);

          first = g_hash_table_lookup (self->checks, key);
        }
    }
  if (item->not_applicable != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         create_option_row (self, question, item,
                                           sam_instrument_get_not_applicable_label (instrument, item->not_applicable),
                                           SAM_ANSWER_NOT_APPLICABLE, first));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

static GtkWidget *
create_know_button (const SamDomain *domain)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (domain->title);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("What Do We Know?"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < domain->know->len; i++)
    {
      GtkWidget *paragraph = gtk_label_new (g_ptr_array_index (domain->know, i));

      gtk_label_set_wrap (GTK_LABEL (paragraph), TRUE);
      gtk_label_set_xalign (GTK_LABEL (paragraph), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (paragraph), 60);
      gtk_box_append (GTK_BOX (box), paragraph);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static const char *
answer_label (SamQuestionnaireView *self,
              const SamItem        *item)
{
  int code = sam_questionnaire_get_answer (self->questionnaire, item);
  const SamOption *option;

  if (code == 0)
    return _("Not answered");
  if (code == SAM_ANSWER_NOT_APPLICABLE)
    return sam_instrument_get_not_applicable_label (sam_instrument_get_default (), item->not_applicable);
  option = sam_item_lookup_option (item, code);
  return option ? option->label : "";
}

static void
on_change_clicked (GtkButton            *button,
                   SamQuestionnaireView *self)
{
  sam_questionnaire_view_go_to (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "page")));
}

/* The review: one's own answers, a way back to each, before they are submitted. */
static void
build_review (SamQuestionnaireView *self)
{
  GtkWidget *intro = gtk_label_new (_("Check your answers. After you submit them, they are stored without your "
                                      "name and are not shown to anyone one by one."));

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (self->question_box, intro);

  for (guint p = 0; p < sam_questionnaire_get_n_pages (self->questionnaire); p++)
    {
      const SamQuestion *question = sam_questionnaire_get_question (self->questionnaire, p);
      g_autoptr(GPtrArray) items = sam_questionnaire_get_items (self->questionnaire, p);
      g_autofree char *title = g_strdup_printf (_("Question %d"), question->number);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *change = gtk_button_new_with_mnemonic (_("_Change"));

      gtk_widget_set_name (group, "review-question");
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), question->text);
      gtk_widget_add_css_class (change, "flat");
      g_object_set_data (G_OBJECT (change), "page", GUINT_TO_POINTER (p));
      g_signal_connect (change, "clicked", G_CALLBACK (on_change_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), change);

      for (guint i = 0; i < items->len; i++)
        {
          const SamItem *item = g_ptr_array_index (items, i);
          GtkWidget *row = adw_action_row_new ();

          /* The question's text heads the group; a question that is its own item is not
           * said twice: its row holds only the answer. */
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         item->text != NULL ? item->text : _("Your answer"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), answer_label (self, item));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (self->question_box, group);
    }
}

static void
show_page (SamQuestionnaireView *self)
{
  guint page = sam_questionnaire_get_page (self->questionnaire);
  guint n_pages = sam_questionnaire_get_n_pages (self->questionnaire);
  g_autofree char *progress = NULL;
  GtkWidget *child;

  self->building = TRUE;
  g_hash_table_remove_all (self->checks);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->question_box))) != NULL)
    gtk_box_remove (self->question_box, child);

  if (page >= n_pages)
    {
      build_review (self);
      progress = g_strdup (_("Review"));
      gtk_button_set_label (self->next_button, _("_Submit"));
    }
  else
    {
      const SamQuestion *question = sam_questionnaire_get_question (self->questionnaire, page);
      g_autoptr(GPtrArray) items = sam_questionnaire_get_items (self->questionnaire, page);
      /* One numbering: the package's question numbers, as the review heads them too. */
      g_autofree char *number = g_strdup_printf (_("Question %d"), question->number);
      GtkWidget *heading = gtk_label_new (number);
      GtkWidget *domain = gtk_label_new (question->domain->title);
      GtkWidget *text = gtk_label_new (question->text);

      gtk_widget_set_name (heading, "question-number");
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_box_append (self->question_box, heading);

      gtk_widget_add_css_class (domain, "dim-label");
      gtk_widget_add_css_class (domain, "caption-heading");
      gtk_label_set_wrap (GTK_LABEL (domain), TRUE);
      gtk_label_set_xalign (GTK_LABEL (domain), 0);
      gtk_box_append (self->question_box, domain);
      gtk_widget_add_css_class (text, "title-4");
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_box_append (self->question_box, text);
      gtk_box_append (self->question_box, create_know_button (question->domain));

      for (guint i = 0; i < items->len; i++)
        gtk_box_append (self->question_box, create_item_group (self, question, g_ptr_array_index (items, i)));

      /* Translators: the package's number of the question shown, then how far one is
       * through one's own questions (a staff member answers three of the ten), as in
       * "Question 5 · 1 of 3". */
      progress = g_strdup_printf (_("Question %d · %u of %u"), question->number, page + 1, n_pages);
      gtk_button_set_label (self->next_button, _("_Next"));
    }

  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) page / n_pages);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), page > 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroller), 0);
  self->building = FALSE;
}

void
sam_questionnaire_view_go_to (SamQuestionnaireView *self,
                              guint                 page)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self));
  g_return_if_fail (self->questionnaire != NULL);

  if (!sam_questionnaire_set_page (self->questionnaire, page, &error))
    show_error (self, error);
  show_page (self);
}

void
sam_questionnaire_view_next (SamQuestionnaireView *self)
{
  guint page, n_pages;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self));
  if (self->questionnaire == NULL)
    return;

  page = sam_questionnaire_get_page (self->questionnaire);
  n_pages = sam_questionnaire_get_n_pages (self->questionnaire);
  if (page < n_pages)
    {
      sam_questionnaire_view_go_to (self, page + 1);
      return;
    }

  if (!sam_questionnaire_submit (self->questionnaire, &error))
    {
      show_error (self, error);
      return;
    }
  g_clear_object (&self->questionnaire);
  gtk_stack_set_visible_child_name (self->stack, "thanks");
  /* The next thing to do is hand over: focus on that, not on whatever comes first. */
  gtk_widget_grab_focus (GTK_WIDGET (self->next_colleague_button));
}

void
sam_questionnaire_view_back (SamQuestionnaireView *self)
{
  g_return_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self));

  if (self->questionnaire != NULL && sam_questionnaire_get_page (self->questionnaire) > 0)
    sam_questionnaire_view_go_to (self, sam_questionnaire_get_page (self->questionnaire) - 1);
}

static void
on_next_clicked (SamQuestionnaireView *self)
{
  sam_questionnaire_view_next (self);
}

static void
on_back_clicked (SamQuestionnaireView *self)
{
  sam_questionnaire_view_back (self);
}

/* One computer goes round the room: the same round and clinic, a new person. */
static void
on_next_colleague_clicked (SamQuestionnaireView *self)
{
  for (guint i = 0; i < SAM_N_ROLES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->role_checks[i]), FALSE);
  refresh_start (self);
  /* The next colleague starts with their role. */
  for (guint i = 0; i < SAM_N_ROLES; i++)
    if (gtk_widget_get_visible (self->role_rows[i]) && gtk_widget_get_sensitive (self->role_checks[i]))
      {
        gtk_widget_grab_focus (self->role_checks[i]);
        break;
      }
}

/**
 * sam_questionnaire_view_choose:
 * @code: the answer, %SAM_ANSWER_NOT_APPLICABLE, or 0 for none
 *
 * Chooses an option on the page shown, as a click on its row would.
 *
 * Returns: %TRUE where the page has that option
 */
gboolean
sam_questionnaire_view_choose (SamQuestionnaireView *self,
                               const char           *item_id,
                               int                   code)
{
  const SamItem *item = sam_instrument_lookup_item (sam_instrument_get_default (), item_id);
  g_autofree char *key = NULL;
  GtkCheckButton *check;

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), FALSE);

  if (item == NULL)
    return FALSE;
  if (code == 0)
    return sam_questionnaire_set_answer (self->questionnaire, item, 0, NULL);
  key = answer_key (item, code);
  check = g_hash_table_lookup (self->checks, key);
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, TRUE);
  return TRUE;
}

/* After a number key answered @item: the keyboard moves on to the next item still open,
 * and what it answered and what comes next are brought into view (the focused widget is
 * scrolled to). */
static void
focus_after_key (SamQuestionnaireView *self,
                 const SamItem        *item,
                 int                   code)
{
  g_autoptr(GPtrArray) items = sam_questionnaire_get_items (self->questionnaire,
                                                            sam_questionnaire_get_page (self->questionnaire));
  g_autofree char *key = answer_key (item, code);
  GtkWidget *answered = g_hash_table_lookup (self->checks, key);

  if (answered != NULL && gtk_widget_get_mapped (answered))
    gtk_widget_grab_focus (answered);
  for (guint i = 0; i < items->len; i++)
    {
      const SamItem *next = g_ptr_array_index (items, i);
      g_autofree char *first = NULL;
      GtkWidget *check;

      if (sam_questionnaire_get_answer (self->questionnaire, next) != 0)
        continue;
      first = answer_key (next, 1);
      check = g_hash_table_lookup (self->checks, first);
      if (check != NULL && gtk_widget_get_mapped (check))
        gtk_widget_grab_focus (check);
      break;
    }
}

/* Leaving keeps the answers so far: they wait on this computer to be taken up again. */
static void
on_leave_confirmed (gboolean confirmed,
                    gpointer user_data)
{
  SamQuestionnaireView *self = user_data;

  if (confirmed)
    {
      g_clear_object (&self->questionnaire);
      refresh_start (self);
    }
  g_object_unref (self);
}

GtkWindow *
sam_questionnaire_view_ask_leave (SamQuestionnaireView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), NULL);

  return sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Leave the Questionnaire?"),
                              _("Your answers so far are kept on this computer, and you can take up where you "
                                "left off."),
                              _("_Leave"), FALSE, on_leave_confirmed, g_object_ref (self));
}

/* Number keys choose an option for the item whose row has the focus (or the first item
 * not yet answered); Enter goes on; Escape asks whether to leave. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SamQuestionnaireView  *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);
  guint page;

  if (g_strcmp0 (visible, "question") != 0 || self->questionnaire == NULL)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval == GDK_KEY_Escape)
    {
      sam_questionnaire_view_ask_leave (self);
      return TRUE;
    }
  page = sam_questionnaire_get_page (self->questionnaire);
  /* Enter goes on from a question; on the review, submitting takes a deliberate press of
   * its button (Enter on the focused button still does), never a stray Enter. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      if (page >= sam_questionnaire_get_n_pages (self->questionnaire))
        return FALSE;
      sam_questionnaire_view_next (self);
      return TRUE;
    }

  if (page < sam_questionnaire_get_n_pages (self->questionnaire) &&
      ((keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9) || (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)))
    {
      int code = keyval >= GDK_KEY_KP_1 ? (int) (keyval - GDK_KEY_KP_0) : (int) (keyval - GDK_KEY_0);
      g_autoptr(GPtrArray) items = sam_questionnaire_get_items (self->questionnaire, page);
      const SamItem *target = NULL;
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      for (GtkWidget *w = focus; w != NULL && target == NULL; w = gtk_widget_get_parent (w))
        target = g_object_get_data (G_OBJECT (w), "item");
      for (guint i = 0; i < items->len && target == NULL; i++)
        if (sam_questionnaire_get_answer (self->questionnaire, g_ptr_array_index (items, i)) == 0)
          target = g_ptr_array_index (items, i);
      if (target == NULL && items->len > 0)
        target = g_ptr_array_index (items, 0);
      if (target == NULL || !sam_questionnaire_view_choose (self, target->id, code))
        return FALSE;
      focus_after_key (self, target, code);
      return TRUE;
    }
  return FALSE;
}

static void
sam_questionnaire_view_dispose (GObject *object)
{
  SamQuestionnaireView *self = (SamQuestionnaireView *) object;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (sam_context_get_store (self->context), refresh_start, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_QUESTIONNAIRE_VIEW);
  g_clear_object (&self->questionnaire);
  g_clear_object (&self->context);
  g_clear_pointer (&self->round_ids, g_array_unref);
  g_clear_pointer (&self->clinic_ids, g_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (sam_questionnaire_view_parent_class)->dispose (object);
}

static void
sam_questionnaire_view_constructed (GObject *object)
{
  SamQuestionnaireView *self = (SamQuestionnaireView *) object;
  SamContext *context = self->context;

  G_OBJECT_CLASS (sam_questionnaire_view_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  g_signal_connect_object (sam_context_get_store (context), "changed", G_CALLBACK (refresh_start), self,
                           G_CONNECT_SWAPPED);
  refresh_start (self);
}

static void
sam_questionnaire_view_class_init (SamQuestionnaireViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_questionnaire_view_constructed;
  object_class->dispose = sam_questionnaire_view_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_questionnaire_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-questionnaire-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, stack);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, resume_group);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, resume_list);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, round_row);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, clinic_choice_row);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, role_group);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, start_button);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, question_box);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, next_button);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, next_colleague_button);
  gtk_widget_class_bind_template_callback (widget_class, update_start);
  gtk_widget_class_bind_template_callback (widget_class, on_round_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clinic_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_colleague_clicked);
}

static void
sam_questionnaire_view_init (SamQuestionnaireView *self)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clinic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < SAM_N_ROLES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_strconcat ("role-", sam_role_to_string (i), NULL);

      self->role_rows[i] = row;
      gtk_widget_set_name (row, name);
      self->role_checks[i] = gtk_check_button_new ();
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (self->role_checks[i]), GTK_CHECK_BUTTON (self->role_checks[0]));
      gtk_widget_set_valign (self->role_checks[i], GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->role_checks[i], "toggled", G_CALLBACK (update_start), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_instrument_get_role_label (instrument, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sam_instrument_get_role_description (instrument, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->role_checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->role_checks[i]);
      adw_preferences_group_add (self->role_group, row);
    }

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

SamQuestionnaireView *
sam_questionnaire_view_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_QUESTIONNAIRE_VIEW, "context", context, NULL);
}

/* "closed", "start", "question" (the review too) or "thanks". */
const char *
sam_questionnaire_view_get_state (SamQuestionnaireView *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sam_questionnaire_view_get_questionnaire:
 *
 * Returns: (transfer none) (nullable): the questionnaire being answered
 */
SamQuestionnaire *
sam_questionnaire_view_get_questionnaire (SamQuestionnaireView *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), NULL);
  return self->questionnaire;
}
