/* sam-meetings-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-meeting-start-dialog.h"
#include "sam-meetings-page.h"
#include "sam-meetings-page-private.h"
#include "sam-meetings-private.h"
#include "sam-plan.h"

/* The Meetings section: the templates to start from and the meetings held, then a
 * meeting as it runs, then its summary. */

struct _SamMeetingsPage
{
  AdwBin                parent_instance;

  SamContext           *context;
  GPtrArray            *template_rows;   /* GtkWidget, the rows made for the templates */

  GtkStack             *stack;
  AdwPreferencesGroup  *templates_group;
  GtkListBox           *past_list;
  SamMeetingRunner     *runner;
  SamMeetingSummary    *summary;
  GArray               *plan_added;      /* gint64: the plan's actions the last meeting put in */
  GArray               *past_ids;        /* gint64: the meeting of each row of past_list */
};

G_DEFINE_FINAL_TYPE (SamMeetingsPage, sam_meetings_page, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamMeetingsPage, sam_meetings_page)

static void
show_error (SamMeetingsPage *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sam_dialogs_alert (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("That Did Not Work"),
                     error->message);
}

static void
refresh_past (SamMeetingsPage *self)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  _sam_meetings_clear_list (self->past_list);
  g_array_set_size (self->past_ids, 0);
  meetings = sam_meeting_store_list (sam_context_get_store (self->context), &error);
  if (meetings == NULL)
    {
      g_warning ("Could not list the meetings: %s", error->message);
      return;
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      SamMeeting *meeting = g_ptr_array_index (meetings, i);
      SamMeetingTemplate *template = sam_meeting_template_lookup (meeting->template_id);
      g_autofree char *place = _sam_meetings_describe_place (self->context, meeting);
      g_autofree char *date = sam_date_format_iso (meeting->date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (meeting->ended != NULL)
        /* TRANSLATORS: a past meeting: its date and where it was held */
        subtitle = g_strdup_printf (_("%s · %s"), date, place);
      else
        /* TRANSLATORS: a meeting that was left before its end: its date and where */
        subtitle = g_strdup_printf (_("%s · %s · not finished"), date, place);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     template != NULL ? sam_meeting_template_get_title (template)
                                                      : meeting->template_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->past_list, row);
      g_array_append_val (self->past_ids, meeting->id);
    }
}

static void
on_past_row_activated (SamMeetingsPage *self,
                       GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(GError) error = NULL;

  if (index < 0 || (guint) index >= self->past_ids->len)
    return;
  if (!sam_meetings_page_show_summary (self, g_array_index (self->past_ids, gint64, index), &error))
    show_error (self, error);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sam_meetings_page_ask_start (SAM_MEETINGS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
fill_templates (SamMeetingsPage *self)
{
  GPtrArray *templates = sam_meeting_template_list_all ();

  for (guint i = 0; i < self->template_rows->len; i++)
    adw_preferences_group_remove (self->templates_group,
                                  g_ptr_array_index (self->template_rows, i));
  g_ptr_array_set_size (self->template_rows, 0);

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      SamMeetingTemplate *template = g_ptr_array_index (templates, i);
      guint minutes = sam_meeting_template_get_minutes (template, FALSE);
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Start…"));

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute · %s",
                                               "%u minutes · %s", minutes),
                                  minutes, sam_meeting_template_get_purpose (template));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sam_meeting_template_get_title (template));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* TRANSLATORS: what a screen reader says for a template's Start button; %s is its title */
      accessible = g_strdup_printf (_("Start “%s”"), sam_meeting_template_get_title (template));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.start");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        sam_meeting_template_get_id (template));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
    }
}

static void
on_dialog_started (SamMeetingsPage       *self,
                   gint64                 meeting_id,
                   SamMeetingStartDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!sam_meetings_page_run (self, meeting_id, &error))
    show_error (self, error);
}

/* A clinic's meeting ends: its decided actions go into the clinic's plan, as its "What we
 * will do" step promised, with a way back. */
static void
take_into_plan (SamMeetingsPage *self,
                gint64           meeting_id)
{
  g_autoptr(GDateTime) now = sam_context_now (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) added = NULL;
  g_autofree char *title = NULL;

  if (!sam_plan_take_meeting (sam_context_get_store (self->context), meeting_id, now, &added,
                              &error))
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->plan_added, g_array_unref);
  if (added->len == 0)
    return;
  self->plan_added = g_steal_pointer (&added);
  title =
    g_strdup_printf (ngettext ("%u action went into the clinic’s plan",
                               "%u actions went into the clinic’s plan", self->plan_added->len),
                     self->plan_added->len);
  sam_dialogs_toast_undo (GTK_WIDGET (self), title, "meetings.undo-plan", NULL);
}

/**
 * sam_meetings_page_undo_plan:
 *
 * Takes the actions the last meeting put into the plan out again.
 */
gboolean
sam_meetings_page_undo_plan (SamMeetingsPage  *self,
                             GError          **error)
{
  SamStore *store;

  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), FALSE);

  if (self->plan_added == NULL)
    return TRUE;
  store = sam_context_get_store (self->context);
  if (!sam_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < self->plan_added->len; i++)
    if (!sam_plan_delete_action (store, g_array_index (self->plan_added, gint64, i), error))
      {
        sam_store_rollback (store);
        return FALSE;
      }
  if (!sam_store_commit (store, error))
    return FALSE;
  g_clear_pointer (&self->plan_added, g_array_unref);
  return TRUE;
}

static void
undo_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!sam_meetings_page_undo_plan (SAM_MEETINGS_PAGE (widget), &error))
    show_error (SAM_MEETINGS_PAGE (widget), error);
}

static void
on_runner_finished (SamMeetingsPage  *self,
                    SamMeetingRunner *runner)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = sam_meeting_runner_get_meeting_id (runner);

  take_into_plan (self, meeting_id);
  if (!sam_meetings_page_show_summary (self, meeting_id, &error))
    show_error (self, error);
}

static void
on_summary_closed (SamMeetingsPage   *self,
                   SamMeetingSummary *summary)
{
  refresh_past (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_summary_continue (SamMeetingsPage   *self,
                     SamMeetingSummary *summary)
{
  g_autoptr(GError) error = NULL;

  if (!sam_meetings_page_run (self, sam_meeting_summary_get_meeting_id (summary), &error))
    show_error (self, error);
}

static void
sam_meetings_page_dispose (GObject *object)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (object);

  /* The stack is both the bin's child and a template child: let the bin let go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETINGS_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan_added, g_array_unref);
  g_clear_pointer (&self->past_ids, g_array_unref);
  G_OBJECT_CLASS (sam_meetings_page_parent_class)->dispose (object);
}

static void
sam_meetings_page_constructed (GObject *object)
{
  SamMeetingsPage *self = (SamMeetingsPage *) object;
  SamContext *context = self->context;

  G_OBJECT_CLASS (sam_meetings_page_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  self->runner = sam_meeting_runner_new (context);
  g_signal_connect_object (self->runner, "finished", G_CALLBACK (on_runner_finished), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->runner), "runner");
  self->summary = sam_meeting_summary_new (context);
  g_signal_connect_object (self->summary, "closed", G_CALLBACK (on_summary_closed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary, "continue", G_CALLBACK (on_summary_continue), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->summary), "summary");
  fill_templates (self);
  refresh_past (self);
}

static void
sam_meetings_page_class_init (SamMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_meetings_page_constructed;
  object_class->dispose = sam_meetings_page_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_meetings_page);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, templates_group);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, past_list);
  gtk_widget_class_bind_template_callback (widget_class, on_past_row_activated);
  gtk_widget_class_install_action (widget_class, "meetings.undo-plan", NULL, undo_plan_action);
  gtk_widget_class_install_action (widget_class, "meetings.start", "s", start_action);
}

static void
sam_meetings_page_init (SamMeetingsPage *self)
{
  self->template_rows = g_ptr_array_new ();
  self->past_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamMeetingsPage *
sam_meetings_page_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_MEETINGS_PAGE, "context", context, NULL);
}

/* "list", "runner" or "summary". */
const char *
sam_meetings_page_get_state (SamMeetingsPage *self)
{
  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sam_meetings_page_ask_start:
 *
 * Asks where, when and with how many a meeting from the template is held.
 *
 * Returns: (transfer none) (nullable): the dialog, already shown
 */
GtkWindow *
sam_meetings_page_ask_start (SamMeetingsPage *self,
                             const char      *template_id)
{
  SamMeetingTemplate *template;
  SamMeetingStartDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), NULL);

  template = sam_meeting_template_lookup (template_id);
  if (self->context == NULL || template == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = sam_meeting_start_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->context, template);
  g_signal_connect_object (dialog, "started", G_CALLBACK (on_dialog_started), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

gboolean
sam_meetings_page_run (SamMeetingsPage  *self,
                       gint64            meeting_id,
                       GError          **error)
{
  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  if (!sam_meeting_runner_run (self->runner, meeting_id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "runner");
  refresh_past (self);
  return TRUE;
}

gboolean
sam_meetings_page_show_summary (SamMeetingsPage  *self,
                                gint64            meeting_id,
                                GError          **error)
{
  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  if (!sam_meeting_summary_show (self->summary, meeting_id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "summary");
  refresh_past (self);
  return TRUE;
}

/**
 * sam_meetings_page_get_runner:
 *
 * Returns: (transfer none): the runner
 */
SamMeetingRunner *
sam_meetings_page_get_runner (SamMeetingsPage *self)
{
  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), NULL);
  return self->runner;
}

/**
 * sam_meetings_page_get_summary:
 *
 * Returns: (transfer none): the summary
 */
SamMeetingSummary *
sam_meetings_page_get_summary (SamMeetingsPage *self)
{
  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), NULL);
  return self->summary;
}
