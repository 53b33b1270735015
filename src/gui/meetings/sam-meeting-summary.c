/* sam-meeting-summary.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-meeting-store.h"
#include "sam-meeting-summary.h"
#include "sam-meeting-template.h"
#include "sam-meetings-private.h"

/* The summary (referat) of a meeting, read-only: what was typed for each step, the green
 * and red notes under their headings, and the actions decided. It is what a finished
 * meeting shows, and what a past meeting opens to. */

struct _SamMeetingSummary
{
  AdwBin      parent_instance;

  SamContext *context;
  gint64      meeting_id;
  GtkBox     *content;
};

G_DEFINE_FINAL_TYPE (SamMeetingSummary, sam_meeting_summary, ADW_TYPE_BIN)

enum {
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add (SamMeetingSummary *self,
     const char        *text,
     const char        *css_class)
{
  GtkWidget *label = _sam_meetings_label (text, css_class);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (self->content, label);
}

static void
add_section (SamMeetingSummary *self,
             const char        *title)
{
  GtkWidget *label = _sam_meetings_label (title, "title-3");

  gtk_widget_set_margin_top (label, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->content, label);
}

static const char *
card_colour_label (const SamMeetingCard *card)
{
  return card->colour == SAM_MEETING_CARD_GREEN ? _("Green") : _("Red");
}

static gboolean
step_has_category (const SamMeetingStep *step,
                   const char           *id)
{
  for (guint i = 0; id != NULL && step->categories != NULL && i < step->categories->len; i++)
    if (g_strcmp0 (((SamMeetingCategory *) g_ptr_array_index (step->categories, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
add_cards (SamMeetingSummary    *self,
           const SamMeetingStep *step,
           GPtrArray            *cards)
{
  guint n_categories = step->categories != NULL ? step->categories->len : 0;

  /* Under each heading in the step's order, then those not sorted. */
  for (guint c = 0; c <= n_categories; c++)
    {
      const SamMeetingCategory *category = c < n_categories ? g_ptr_array_index (step->categories, c) : NULL;
      gboolean heading_shown = FALSE;

      for (guint i = 0; i < cards->len; i++)
        {
          SamMeetingCard *card = g_ptr_array_index (cards, i);
          g_autofree char *line = NULL;

          if (g_strcmp0 (card->step, step->id) != 0)
            continue;
          if (category != NULL ? g_strcmp0 (card->category, category->id) != 0
                               : step_has_category (step, card->category))
            continue;
          if (!heading_shown)
            {
              add (self, category != NULL ? category->label
                                          : (n_categories > 0 ? _("Not sorted") : step->title), "heading");
              heading_shown = TRUE;
            }
          /* TRANSLATORS: a green or red note in the summary: its colour, then its text */
          line = g_strdup_printf (_("%s: %s"), card_colour_label (card), card->text);
          add (self, line, NULL);
        }
    }
}

static void
on_back_clicked (SamMeetingSummary *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
sam_meeting_summary_dispose (GObject *object)
{
  SamMeetingSummary *self = SAM_MEETING_SUMMARY (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (sam_meeting_summary_parent_class)->dispose (object);
}

static void
sam_meeting_summary_class_init (SamMeetingSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_meeting_summary_dispose;

  /**
   * SamMeetingSummary::closed:
   *
   * The person is done with the summary.
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_meeting_summary_init (SamMeetingSummary *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back to Meetings"));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_widget_set_margin_top (outer, 24);
  gtk_widget_set_margin_bottom (outer, 24);
  gtk_widget_set_margin_start (outer, 18);
  gtk_widget_set_margin_end (outer, 18);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back_clicked), self);
  gtk_box_append (GTK_BOX (buttons), back);
  gtk_widget_set_name (buttons, "summary-buttons");
  gtk_box_append (GTK_BOX (outer), buttons);
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->content));
  adw_clamp_set_child (ADW_CLAMP (clamp), outer);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

/**
 * sam_meeting_summary_show:
 *
 * Shows the summary of a meeting as the store has it now.
 *
 * Returns: %FALSE if the meeting could not be read
 */
gboolean
sam_meeting_summary_show (SamMeetingSummary  *self,
                          SamContext         *context,
                          gint64              meeting_id,
                          GError            **error)
{
  SamStore *store;
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *place = NULL;
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  SamMeetingTemplate *template;
  GtkWidget *child;

  g_return_val_if_fail (SAM_IS_MEETING_SUMMARY (self), FALSE);
  g_return_val_if_fail (SAM_IS_CONTEXT (context), FALSE);

  store = sam_context_get_store (context);
  meeting = sam_meeting_store_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  notes = sam_meeting_store_list_notes (store, meeting_id, error);
  if (notes == NULL)
    return FALSE;
  cards = sam_meeting_store_list_cards (store, meeting_id, error);
  if (cards == NULL)
    return FALSE;
  actions = sam_meeting_store_list_actions (store, meeting_id, error);
  if (actions == NULL)
    return FALSE;
  template = sam_meeting_template_lookup (meeting->template_id);
  if (template == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a meeting template"), meeting->template_id);
      return FALSE;
    }

  g_set_object (&self->context, context);
  self->meeting_id = meeting_id;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  add (self, sam_meeting_template_get_title (template), "title-1");
  place = _sam_meetings_describe_place (context, meeting);
  date = _sam_meetings_format_date (meeting->date);
  /* TRANSLATORS: the summary's first line: the meeting's date and where it was held */
  line = g_strdup_printf (_("%s · %s"), date, place);
  add (self, line, "title-4");
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person took part", "%u people took part",
                                       meeting->participants),
                          meeting->participants);
  add (self, line, NULL);
  if (meeting->ended == NULL)
    add (self, _("The meeting was not finished."), "dim-label");

  add_section (self, _("Notes per Step"));
  for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
    {
      const SamMeetingStep *step = sam_meeting_template_get_step (template, i);
      const char *text = NULL;

      if (step->conditional && !meeting->earlier_round)
        continue;
      for (guint n = 0; n < notes->len; n++)
        {
          SamMeetingNote *note = g_ptr_array_index (notes, n);

          if (g_strcmp0 (note->step, step->id) == 0 && note->text != NULL && *note->text != '\0')
            text = note->text;
        }
      add (self, step->title, "heading");
      add (self, text != NULL ? text : _("No notes."), text != NULL ? NULL : "dim-label");
    }

  add_section (self, _("Green and Red Notes"));
  if (cards->len == 0)
    add (self, _("No green or red notes."), "dim-label");
  for (guint i = 0; i < sam_meeting_template_get_n_steps (template); i++)
    add_cards (self, sam_meeting_template_get_step (template, i), cards);

  add_section (self, _("Actions"));
  if (actions->len == 0)
    add (self, _("No actions were decided."), "dim-label");
  for (guint i = 0; i < actions->len; i++)
    {
      SamMeetingAction *action = g_ptr_array_index (actions, i);
      g_autofree char *link = _sam_meetings_describe_link (action);
      g_autofree char *due = action->due != NULL ? _sam_meetings_format_date (action->due) : NULL;
      g_autoptr(GString) details = g_string_new (NULL);

      add (self, action->what, "heading");
      if (action->who != NULL && *action->who != '\0')
        /* TRANSLATORS: who carries out an action, in the summary */
        g_string_append_printf (details, _("Who: %s"), action->who);
      if (due != NULL)
        {
          if (details->len > 0)
            g_string_append (details, " · ");
          /* TRANSLATORS: when an action is due, in the summary */
          g_string_append_printf (details, _("By: %s"), due);
        }
      if (link != NULL)
        {
          if (details->len > 0)
            g_string_append (details, " · ");
          /* TRANSLATORS: the question or domain an action answers to, in the summary */
          g_string_append_printf (details, _("Linked to: %s"), link);
        }
      if (details->len > 0)
        add (self, details->str, NULL);
    }
  return TRUE;
}

gint64
sam_meeting_summary_get_meeting_id (SamMeetingSummary *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_SUMMARY (self), 0);
  return self->meeting_id;
}

/* Everything the summary shows, a line a label: for tests and for copying. */
char *
sam_meeting_summary_get_text (SamMeetingSummary *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SAM_IS_MEETING_SUMMARY (self), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (text, FALSE);
}
