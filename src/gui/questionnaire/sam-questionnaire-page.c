/* sam-questionnaire-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-questionnaire-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-questionnaire-view-private.h"

/* A question page of the questionnaire, its options as single-choice rows, and the review
 * of one's own answers before they are submitted. */

/* What a check button answers. */
typedef struct
{
  SamQuestionnaireView *view;
  const SamItem        *item;
  int                   code;
} Option;

static void
on_option_toggled (GtkCheckButton *check,
                   Option         *option)
{
  SamQuestionnaireView *self = option->view;
  g_autoptr(GError) error = NULL;

  if (self->building || self->questionnaire == NULL)
    return;
  if (gtk_check_button_get_active (check))
    {
      if (!sam_questionnaire_set_answer (self->questionnaire, option->item, option->code, &error))
        _sam_questionnaire_view_show_error (self, error);
    }
  else if (sam_questionnaire_get_answer (self->questionnaire, option->item) == option->code)
    sam_questionnaire_set_answer (self->questionnaire, option->item, 0, NULL);
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
  g_autofree char *key = _sam_questionnaire_answer_key (item, code);
  g_autofree char *description = item->text ? g_strdup_printf ("%s %s", question->text, item->text)
                                            : g_strdup (question->text);
  g_autofree char *number =
    code == SAM_ANSWER_NOT_APPLICABLE ? g_strdup ("9") : g_strdup_printf ("%d", code);
  Option *option;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               sam_questionnaire_get_answer (self->questionnaire, item) == code);
  option = g_new (Option, 1);
  option->view = self;
  option->item = item;
  option->code = code;
  g_signal_connect_data (check, "toggled", G_CALLBACK (on_option_toggled), option,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  /* The row says which item it answers, for the number keys (and the tests). */
  g_object_set_data (G_OBJECT (row), "item", (gpointer) item);

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
          g_autofree char *key = _sam_questionnaire_answer_key (item, option->code);

          first = g_hash_table_lookup (self->checks, key);
        }
    }
  if (item->not_applicable != NULL)
    {
      const char *na_label = sam_instrument_get_not_applicable_label (instrument,
                                                                      item->not_applicable);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_option_row (self, question, item, na_label,
                                              SAM_ANSWER_NOT_APPLICABLE, first));
    }

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
    return sam_instrument_get_not_applicable_label (sam_instrument_get_default (),
                                                    item->not_applicable);
  option = sam_item_lookup_option (item, code);
  return option ? option->label : "";
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sam_questionnaire_view_go_to (SAM_QUESTIONNAIRE_VIEW (widget), g_variant_get_uint32 (parameter));
}

/* The review: one's own answers, a way back to each, before they are submitted. */
static void
build_review (SamQuestionnaireView *self)
{
  GtkWidget *intro =
    gtk_label_new (_("Check your answers. After you submit them, they are stored without your name "
                     "and are not shown to anyone one by one."));

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
      gtk_actionable_set_action_name (GTK_ACTIONABLE (change), "questionnaire.change");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (change), "u", p);
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

void
_sam_questionnaire_view_show_page (SamQuestionnaireView *self)
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
        gtk_box_append (self->question_box,
                        create_item_group (self, question, g_ptr_array_index (items, i)));

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
_sam_questionnaire_view_class_init_page (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "questionnaire.change", "u", change_action);
}
