/* sam-reflection-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-reflection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart.h"
#include "sam-context-property.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-instrument.h"
#include "sam-cluster-file.h"
#include "sam-reflection-page.h"
#include "sam-reflection-page-private.h"
#include "sam-reflection-sheet.h"
#include "sam-reflection.h"
#include "sam-results-charts.h"
#include "sam-results-loader.h"
#include "sam-round-figures.h"

/* The private reflection journal (spec/meetings.md, section 6): the package's reflection
 * questions per block, put to the chosen role, each with today's answer saved as it is
 * typed and the earlier answers to look back on. A solo doctor reflecting on collegial
 * support sees their own q8–q10 figures next to the cluster's. */

#define ROLE_SETTING "reflection-role"

/* The items of collegial support (q8–q10) whose figures a solo doctor sees. */
static const char *support_items[] = { "q8", "q9", "q10a", "q10b", "q10c", "q10d" };

struct _SamReflectionPage
{
  AdwBin           parent_instance;

  SamContext      *context;
  SamRole          role;
  char            *today;          /* YYYY-MM-DD */

  AdwComboRow     *role_row;
  AdwActionRow    *date_row;
  GtkBox          *groups_box;

  /* A solo doctor's figures, read in a worker (at national scale 60–100 ms): the group
   * they go into, its round, and the load under way. */
  SamResultsReader *reader;
  GCancellable     *figures_loading;
  AdwPreferencesGroup *figures_group;
  SamRound         *figures_round;
};

G_DEFINE_FINAL_TYPE (SamReflectionPage, sam_reflection_page, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamReflectionPage, sam_reflection_page)

/* One question's answer of today, as its text view edits it. */
typedef struct
{
  SamReflectionPage *page;      /* weak */
  char              *topic;
  guint              question;
  gint64             id;        /* today's answer in the store; 0 while there is none */
} Answer;

static void
answer_free (Answer *answer)
{
  g_clear_weak_pointer (&answer->page);
  g_free (answer->topic);
  g_free (answer);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Answer        *answer)
{
  SamReflectionPage *self = answer->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self == NULL || self->context == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sam_reflection_save (sam_context_get_store (self->context), &answer->id, answer->topic,
                            answer->question, self->today, text, NULL, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Not saved: %s"), error->message);

      sam_dialogs_toast (GTK_WIDGET (self), title);
    }
}

static GtkWidget *
earlier_answers (GPtrArray *answers,
                 guint      first)
{
  g_autofree char *title = NULL;
  GtkWidget *expander, *box;
  guint n = answers->len - first;

  title = g_strdup_printf (ngettext ("_Earlier answer (%u)", "_Earlier answers (%u)", n), n);
  expander = gtk_expander_new_with_mnemonic (title);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_start (box, 12);
  for (guint i = first; i < answers->len; i++)
    {
      const SamReflection *earlier = g_ptr_array_index (answers, i);
      g_autofree char *day = sam_date_format_iso (earlier->date);
      GtkWidget *date = gtk_label_new (day);
      GtkWidget *text = gtk_label_new (earlier->text);

      gtk_label_set_xalign (GTK_LABEL (date), 0);
      gtk_widget_add_css_class (date, "heading");
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (box), date);
      gtk_box_append (GTK_BOX (box), text);
    }
  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  return expander;
}

static GtkWidget *
question_new (SamReflectionPage          *self,
              const SamMeetingReflection *question)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *numbered = g_strdup_printf ("%u. %s", question->number, question->text);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (numbered);
  GtkWidget *frame, *view;
  GtkTextBuffer *buffer;
  Answer *answer;
  guint first_earlier = 0;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "answer");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  answer = g_new0 (Answer, 1);
  g_set_weak_pointer (&answer->page, self);
  answer->topic = g_strdup (question->group->id);
  answer->question = question->number;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  answers = sam_reflection_list (sam_context_get_store (self->context), question->group->id,
                                 question->number, NULL);
  if (answers != NULL && answers->len > 0)
    {
      const SamReflection *newest = g_ptr_array_index (answers, 0);

      if (g_strcmp0 (newest->date, self->today) == 0)
        {
          gtk_text_buffer_set_text (buffer, newest->text, -1);
          answer->id = newest->id;
          first_earlier = 1;
        }
    }
  g_signal_connect_data (buffer, "changed", G_CALLBACK (on_buffer_changed), answer,
                         (GClosureNotify) (void (*) (void)) answer_free, 0);

  if (answers != NULL && answers->len > first_earlier)
    gtk_box_append (GTK_BOX (box), earlier_answers (answers, first_earlier));
  return box;
}

/* The rows of a solo doctor's figures on collegial support, next to the cluster's, for
 * the round in self->figures_round; @figures %NULL where they could not be read. */
static void
fill_own_figures (SamReflectionPage *self,
                  SamRoundFigures   *figures)
{
  SamStore *store = sam_context_get_store (self->context);
  SamInstrument *instrument = sam_instrument_get_default ();
  AdwPreferencesGroup *group = self->figures_group;
  SamRound *round = self->figures_round;
  gint64 own = sam_store_get_own_clinic (store);
  const SamClinicFigures *own_figures;
  guint n_own = 0;
  gboolean yours;

  own_figures = figures != NULL ? sam_round_figures_find_clinic (figures, own) : NULL;
  /* A figure is "yours" only where it is one person's: the solo doctor of a solo practice.
   * Anywhere else it is the clinic's, and says how many answered. */
  n_own = sam_cluster_file_count_respondents (store, round->id, own);
  yours = sam_store_get_clinic_kind (store, own) == SAM_CLINIC_KIND_SOLO;
  for (guint i = 0; yours && own_figures != NULL && i < G_N_ELEMENTS (support_items); i++)
    if (own_figures->figures[sam_figure_slot (support_items[i])].n > 1)
      yours = FALSE;
  {
    g_autofree char *description = NULL;

    if (yours)
      /* Translators: %s is the round, such as "Baseline 2026". */
      description = g_strdup_printf (_("%s. Your figures are your own answers; the cluster’s are "
                                       "everyone’s, on a scale of 0 to 100."), round->label);
    else
      {
        adw_preferences_group_set_title (group,
                                         _("Your Clinic’s Figures and the Cluster’s"));
        /* Translators: %s is the round; %u how many in the clinic answered. */
        description =
          g_strdup_printf (ngettext ("%s. The clinic’s figures are the answers of the %u person "
                                     "who answered there, yours among them; the cluster’s are "
                                     "everyone’s, on a scale of 0 to 100.",
                                     "%s. The clinic’s figures are the answers of the %u people "
                                     "who answered there, yours among them; the cluster’s are "
                                     "everyone’s, on a scale of 0 to 100.",
                                     n_own),
                           round->label, n_own);
      }
    adw_preferences_group_set_description (group, description);
  }
  for (guint i = 0; figures != NULL && i < G_N_ELEMENTS (support_items); i++)
    {
      const SamItem *item = sam_instrument_lookup_item (instrument, support_items[i]);
      guint slot = sam_figure_slot (support_items[i]);
      const SamFigure *mine = own_figures != NULL ? &own_figures->figures[slot] : NULL;
      const SamFigure *theirs = &figures->cluster[slot];
      const char *title = sam_item_get_words (item);
      g_autofree char *mine_text = NULL;
      g_autofree char *theirs_text = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* A withheld figure says so, and why, never "no answer" (instrument contract). */
      if (mine != NULL && sam_figure_is_shown (mine))
        mine_text = g_strdup_printf ("%.0f", mine->mean);
      else if (mine != NULL && mine->withheld != SAM_WITHHELD_NONE)
        mine_text = sam_chart_withheld_reason (mine, figures->k);
      else
        mine_text = g_strdup (_("no answer"));
      if (sam_figure_is_shown (theirs))
        theirs_text = g_strdup_printf ("%.0f", theirs->mean);
      else if (theirs->withheld != SAM_WITHHELD_NONE)
        theirs_text = sam_chart_withheld_reason (theirs, figures->k);
      else
        theirs_text = g_strdup (_("no answers"));
      if (yours)
        /* Translators: the solo doctor's own figure and the cluster's, for one item. */
        subtitle = g_strdup_printf (_("You: %s · Cluster: %s"), mine_text, theirs_text);
      else
        {
          guint n = mine != NULL ? mine->n : 0;

          /* Translators: the clinic's figure (its n answers) and the cluster's, for one
           * item, as in "The clinic, 5 answers: 70 · Cluster: 65". */
          subtitle = g_strdup_printf (ngettext ("The clinic, %u answer: %s · Cluster: %s",
                                                "The clinic, %u answers: %s · Cluster: %s", n),
                                      n, mine_text, theirs_text);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (group, row);
    }
}

static void
on_own_figures (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamReflectionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRoundFigures) figures = sam_results_reader_newest_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->figures_group == NULL)
    return;
  g_clear_object (&self->figures_loading);
  if (error != NULL)
    g_warning ("Could not read the figures of round %s: %s", self->figures_round->label,
               error->message);
  fill_own_figures (self, figures);
}

/* A solo doctor's own figures on collegial support, next to the cluster's: the group at
 * once, its figures once the worker has read them. */
static GtkWidget *
own_figures_new (SamReflectionPage *self)
{
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);
  gint64 own = sam_store_get_own_clinic (store), cluster = 0;
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Your Figures and the Cluster’s"));
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    if (((SamClinic *) g_ptr_array_index (clinics, i))->id == own)
      cluster = ((SamClinic *) g_ptr_array_index (clinics, i))->cluster_id;
  if (cluster > 0)
    self->figures_round = sam_round_figures_newest_round (store, cluster, NULL);
  if (self->figures_round == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             own > 0 ? _("Your cluster has no round yet.")
                                             : _("Choose your clinic in Preferences to see your "
                                                 "own figures here."));
      return group;
    }
  self->figures_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Reading the round’s figures…"));
  if (self->reader == NULL)
    self->reader = sam_results_reader_new (sam_store_get_path (store));
  self->figures_loading = g_cancellable_new ();
  sam_results_reader_newest_async (self->reader, cluster, own, self->figures_loading,
                                   on_own_figures, g_object_ref (self));
  return group;
}

/* Drops the figures group's load, if one is under way. */
static void
forget_own_figures (SamReflectionPage *self)
{
  g_cancellable_cancel (self->figures_loading);
  g_clear_object (&self->figures_loading);
  g_clear_pointer (&self->figures_round, sam_round_free);
  self->figures_group = NULL;
}

static void
rebuild (SamReflectionPage *self)
{
  GPtrArray *groups = sam_reflection_list_groups ();
  GtkWidget *child;

  forget_own_figures (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  if (self->context == NULL)
    return;

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GPtrArray) questions = sam_reflection_list_questions (group->id, self->role);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      GtkWidget *heading = gtk_label_new (group->title);

      gtk_widget_set_name (box, group->id);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "title-4");
      gtk_box_append (GTK_BOX (box), heading);
      if (group->part != NULL)
        {
          GtkWidget *part = gtk_label_new (group->part->title);

          gtk_label_set_xalign (GTK_LABEL (part), 0);
          gtk_label_set_wrap (GTK_LABEL (part), TRUE);
          gtk_widget_add_css_class (part, "dim-label");
          gtk_box_append (GTK_BOX (box), part);
        }
      if (self->role == SAM_ROLE_SOLO && g_str_equal (group->id, "collegial-support"))
        gtk_box_append (GTK_BOX (box), own_figures_new (self));
      for (guint j = 0; j < questions->len; j++)
        gtk_box_append (GTK_BOX (box), question_new (self, g_ptr_array_index (questions, j)));
      gtk_box_append (self->groups_box, box);
    }
}

static void
on_role_changed (SamReflectionPage *self)
{
  SamRole role =
    adw_combo_row_get_selected (self->role_row) == 1 ? SAM_ROLE_SOLO : SAM_ROLE_PARTNER;

  if (role == self->role || self->context == NULL)
    return;
  self->role = role;
  sam_store_set_setting (sam_context_get_store (self->context), ROLE_SETTING,
                         sam_role_to_string (role), NULL);
  rebuild (self);
}

/* Where the clinic's kind is known, it says which doctor reflects: a partnership's doctors
 * are partners, a solo practice's doctor is the solo doctor. Only where nobody has said
 * does the person choose. */
static void
follow_clinic_kind (SamReflectionPage *self)
{
  SamStore *store;
  SamClinicKind kind;

  if (self->context == NULL)
    return;
  store = sam_context_get_store (self->context);
  kind = sam_store_get_clinic_kind (store, sam_store_get_own_clinic (store));
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), kind == SAM_CLINIC_KIND_UNKNOWN);
  if (kind == SAM_CLINIC_KIND_UNKNOWN)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row), NULL);
      return;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                               kind == SAM_CLINIC_KIND_SOLO
                               ? _("Your clinic is a solo practice (set in Preferences)")
                               : _("Your clinic is a partnership (set in Preferences)"));
  adw_combo_row_set_selected (self->role_row, kind == SAM_CLINIC_KIND_SOLO ? 1 : 0);
}

/* The sheet */

static void
on_sheet_file (GFile    *file,
               gpointer  user_data)
{
  g_autoptr(SamReflectionPage) self = user_data;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (path == NULL || !sam_reflection_sheet_write_pdf (path, &error))
    sam_dialogs_alert (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       _("The File Was Not Saved"),
                       error ? error->message : _("Choose a file on this computer."));
  else
    {
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

      sam_dialogs_toast (GTK_WIDGET (self), title);
    }
}

static void
save_sheet_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  /* Translators: the suggested name of the sheet's PDF file. */
  sam_dialogs_save_file (widget, _("Save the Sheet for Meeting Notes"), NULL,
                         _("sheet-for-meeting-notes.pdf"), SAM_FILES_ANY, on_sheet_file,
                         g_object_ref (widget));
}

/* Life cycle */

static void
sam_reflection_page_dispose (GObject *object)
{
  SamReflectionPage *self = (SamReflectionPage *) object;

  /* The toast overlay is both the bin's child and a template child: let the bin let go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_REFLECTION_PAGE);
  forget_own_figures (self);
  g_clear_pointer (&self->reader, sam_results_reader_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (sam_reflection_page_parent_class)->dispose (object);
}

static void
sam_reflection_page_constructed (GObject *object)
{
  SamReflectionPage *self = (SamReflectionPage *) object;
  SamContext *context = self->context;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *role = NULL;
  g_autofree char *day = NULL;
  SamRole parsed;

  G_OBJECT_CLASS (sam_reflection_page_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  now = sam_context_now (context);
  g_free (self->today);
  self->today = g_date_time_format (now, "%Y-%m-%d");
  day = sam_date_format_iso (self->today);
  adw_action_row_set_subtitle (self->date_row, day);

  role = sam_store_get_setting (sam_context_get_store (context), ROLE_SETTING);
  self->role = role != NULL && sam_role_from_string (role, &parsed) && parsed == SAM_ROLE_SOLO
               ? SAM_ROLE_SOLO : SAM_ROLE_PARTNER;
  /* Set the row without its handler writing the setting back. */
  g_signal_handlers_block_by_func (self->role_row, on_role_changed, self);
  adw_combo_row_set_selected (self->role_row, self->role == SAM_ROLE_SOLO ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->role_row, on_role_changed, self);
  rebuild (self);
  follow_clinic_kind (self);
}

static void
sam_reflection_page_class_init (SamReflectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_reflection_page_constructed;
  object_class->dispose = sam_reflection_page_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_reflection_page);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-reflection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamReflectionPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, SamReflectionPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, SamReflectionPage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed);
  gtk_widget_class_install_action (widget_class, "reflection.save-sheet", NULL, save_sheet_action);
}

static void
sam_reflection_page_init (SamReflectionPage *self)
{
  self->role = SAM_ROLE_PARTNER;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The kind may have been set in Preferences since the page was last shown. */
  g_signal_connect (self, "map", G_CALLBACK (follow_clinic_kind), NULL);
}

/* Public API */

SamReflectionPage *
sam_reflection_page_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_REFLECTION_PAGE, "context", context, NULL);
}

void
sam_reflection_page_set_role (SamReflectionPage *self,
                              SamRole            role)
{
  g_return_if_fail (SAM_IS_REFLECTION_PAGE (self));

  adw_combo_row_set_selected (self->role_row, role == SAM_ROLE_SOLO ? 1 : 0);
}

GtkWidget *
sam_reflection_page_get_groups (SamReflectionPage *self)
{
  g_return_val_if_fail (SAM_IS_REFLECTION_PAGE (self), NULL);

  return GTK_WIDGET (self->groups_box);
}

gboolean
sam_reflection_page_is_loading (SamReflectionPage *self)
{
  g_return_val_if_fail (SAM_IS_REFLECTION_PAGE (self), FALSE);

  return self->figures_loading != NULL;
}
