/* sam-meeting-summary.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dialogs.h"
#include "sam-meeting-report.h"
#include "sam-meeting-summary.h"
#include "sam-meeting-summary-private.h"
#include "sam-meetings-private.h"

/* The summary (referat) of a meeting, read-only: what was typed for each step, the green
 * and red notes under their headings, and the actions decided. It is what a finished
 * meeting shows, and what a past meeting opens to. */

struct _SamMeetingSummary
{
  AdwBin      parent_instance;

  SamContext       *context;
  gint64            meeting_id;
  SamMeetingReport *report;
  GtkWidget        *continue_button;
  GtkBox     *content;
};

G_DEFINE_FINAL_TYPE (SamMeetingSummary, sam_meeting_summary, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamMeetingSummary, sam_meeting_summary)

enum {
  SIGNAL_CLOSED,
  SIGNAL_CONTINUE,
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

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SamMeetingSummary *self)
{
  guint n_pages =
    sam_meeting_report_paginate (self->report, gtk_print_context_get_cairo_context (context),
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SamMeetingSummary *self)
{
  sam_meeting_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page);
}

static void
show_error (SamMeetingSummary *self,
            const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sam_dialogs_alert (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("That Did Not Work"),
                     error->message);
}

static void
on_print_clicked (SamMeetingSummary *self)
{
  g_autoptr(GError) error = NULL;

  if (!sam_meeting_summary_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    show_error (self, error);
}

static void
on_save_chosen (GFile    *file,
                gpointer  data)
{
  g_autoptr(SamMeetingSummary) self = data;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL || self->report == NULL)
    return;
  path = g_file_get_path (file);
  if (!sam_meeting_report_write_pdf (self->report, path, &error))
    show_error (self, error);
  else
    sam_dialogs_toast (GTK_WIDGET (self), _("Summary saved"));
}

static void
on_save_clicked (SamMeetingSummary *self)
{
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  /* TRANSLATORS: the summary's file name; %s is the meeting's date, YYYY-MM-DD */
  name = g_strdup_printf (_("Meeting summary %s.pdf"), sam_meeting_report_get_date (self->report));
  sam_dialogs_save_file (GTK_WIDGET (self), _("Save the Summary"), _("_Save"), name, SAM_FILES_PDF,
                         on_save_chosen, g_object_ref (self));
}

static void
on_delete_confirmed (gboolean  confirmed,
                     gpointer  data)
{
  g_autoptr(SamMeetingSummary) self = data;
  g_autoptr(GError) error = NULL;

  if (!confirmed || self->context == NULL)
    return;
  if (!sam_meeting_store_delete (sam_context_get_store (self->context), self->meeting_id, &error))
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->report, sam_meeting_report_free);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

/* Asks before the notes, green and red notes and actions of a meeting go for good. */
GtkWindow *
sam_meeting_summary_ask_delete (SamMeetingSummary *self)
{
  GtkRoot *root;

  g_return_val_if_fail (SAM_IS_MEETING_SUMMARY (self), NULL);

  if (self->report == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              _("Delete This Meeting?"),
                              _("Its notes, its green and red notes and the actions decided at it "
                                "are deleted. Actions already in the implementation plan stay "
                                "there."),
                              _("_Delete"), TRUE, on_delete_confirmed, g_object_ref (self));
}

static void
on_delete_clicked (SamMeetingSummary *self)
{
  sam_meeting_summary_ask_delete (self);
}

static void
on_continue_clicked (SamMeetingSummary *self)
{
  g_signal_emit (self, signals[SIGNAL_CONTINUE], 0);
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
  g_clear_pointer (&self->report, sam_meeting_report_free);
  G_OBJECT_CLASS (sam_meeting_summary_parent_class)->dispose (object);
}

static void
sam_meeting_summary_class_init (SamMeetingSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_meeting_summary_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_meeting_summary);

  /**
   * SamMeetingSummary::closed:
   *
   * The person is done with the summary.
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SamMeetingSummary::continue:
   *
   * The person wants to go on with a meeting that was left before its end.
   */
  signals[SIGNAL_CONTINUE] = g_signal_new ("continue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_meeting_summary_init (SamMeetingSummary *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *going = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *keeping = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back to Meetings"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save as PDF…"));
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_widget_set_margin_top (outer, 24);
  gtk_widget_set_margin_bottom (outer, 24);
  gtk_widget_set_margin_start (outer, 18);
  gtk_widget_set_margin_end (outer, 18);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back_clicked), self);
  gtk_box_append (GTK_BOX (going), back);
  self->continue_button = gtk_button_new_with_mnemonic (_("_Continue Meeting"));
  gtk_widget_add_css_class (self->continue_button, "suggested-action");
  g_signal_connect_swapped (self->continue_button, "clicked", G_CALLBACK (on_continue_clicked),
                            self);
  gtk_box_append (GTK_BOX (going), self->continue_button);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_box_append (GTK_BOX (keeping), save);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (on_print_clicked), self);
  gtk_box_append (GTK_BOX (keeping), print);
  gtk_widget_set_tooltip_text (delete, _("Delete This Meeting…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete This Meeting…"), -1);
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  gtk_box_append (GTK_BOX (keeping), delete);
  gtk_widget_set_halign (keeping, GTK_ALIGN_END);
  /* Two groups, on one line where there is room and on two on a phone: where to go, and
   * what to do with the summary. The flow box's own children take no focus. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), going);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), keeping);
  gtk_widget_set_focusable (gtk_widget_get_parent (going), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (keeping), FALSE);
  gtk_widget_set_name (buttons, "summary-buttons");
  gtk_box_append (GTK_BOX (outer), buttons);
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->content));
  adw_clamp_set_child (ADW_CLAMP (clamp), outer);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

SamMeetingSummary *
sam_meeting_summary_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_MEETING_SUMMARY, "context", context, NULL);
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
                          gint64              meeting_id,
                          GError            **error)
{
  g_autoptr(SamMeetingReport) report = NULL;

  g_return_val_if_fail (SAM_IS_MEETING_SUMMARY (self), FALSE);
  g_return_val_if_fail (SAM_IS_CONTEXT (self->context), FALSE);

  report = sam_meeting_report_new (sam_context_get_store (self->context), meeting_id, error);
  if (report == NULL)
    return FALSE;

  self->meeting_id = meeting_id;
  g_clear_pointer (&self->report, sam_meeting_report_free);
  self->report = g_steal_pointer (&report);
  _sam_meetings_clear_box (self->content);

  gtk_widget_set_visible (self->continue_button, !sam_meeting_report_is_finished (self->report));

  /* The same blocks as the PDF and the paper, so the three never disagree. */
  for (guint i = 0; i < sam_meeting_report_get_n_blocks (self->report); i++)
    {
      SamMeetingReportStyle style;
      const char *text = sam_meeting_report_get_block (self->report, i, &style);

      switch (style)
        {
        case SAM_MEETING_REPORT_TITLE:
          add (self, text, "title-1");
          break;
        case SAM_MEETING_REPORT_SUBTITLE:
          add (self, text, "title-4");
          break;
        case SAM_MEETING_REPORT_SECTION:
          add_section (self, text);
          break;
        case SAM_MEETING_REPORT_HEADING:
          add (self, text, "heading");
          break;
        case SAM_MEETING_REPORT_DIM:
          add (self, text, "dim-label");
          break;
        case SAM_MEETING_REPORT_TEXT:
        default:
          add (self, text, NULL);
          break;
        }
    }
  return TRUE;
}

/**
 * sam_meeting_summary_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for a person, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path to write the pages as a PDF
 *
 * Prints the summary with the same pages as its PDF.
 */
gboolean
sam_meeting_summary_print (SamMeetingSummary        *self,
                           GtkPrintOperationAction   action,
                           const char               *export_path,
                           GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *job = NULL;
  GtkRoot *root;

  g_return_val_if_fail (SAM_IS_MEETING_SUMMARY (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  operation = gtk_print_operation_new ();
  /* TRANSLATORS: the print job's name: the template's title and the meeting's date */
  job = g_strdup_printf (_("%s, %s"), sam_meeting_report_get_title (self->report),
                         sam_meeting_report_get_date (self->report));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return gtk_print_operation_run (operation, action,
                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
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
