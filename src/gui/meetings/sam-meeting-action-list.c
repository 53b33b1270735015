/* sam-meeting-action-list.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-action-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-date-row.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-instrument.h"
#include "sam-meeting-action-list.h"
#include "sam-meetings-private.h"

/* The actions a decision step decides: what, who, by when and what each answers to, kept
 * in the store at once, and those decided so far with a button to delete each. */

struct _SamMeetingActionList
{
  GtkBox       parent_instance;

  SamStore    *store;
  gint64       meeting_id;
  char        *step_id;        /* the step new actions are decided at */
  GPtrArray   *link_ids;       /* char *: "item:q1", "domain:A", or "" for none */

  AdwEntryRow *what_row;
  AdwEntryRow *who_row;
  SamDateRow  *due_row;
  AdwComboRow *link_row;
  GtkListBox  *actions_list;
};

G_DEFINE_FINAL_TYPE (SamMeetingActionList, sam_meeting_action_list, GTK_TYPE_BOX)

static void
on_delete_action_clicked (GtkButton *button,
                          gpointer   data)
{
  SamMeetingActionList *self = SAM_MEETING_ACTION_LIST (
    gtk_widget_get_ancestor (GTK_WIDGET (button), SAM_TYPE_MEETING_ACTION_LIST));
  gint64 id = GPOINTER_TO_SIZE (data);
  g_autoptr(GError) error = NULL;

  if (!sam_meeting_store_delete_action (self->store, id, &error))
    _sam_meetings_show_error (GTK_WIDGET (self), error);
  else
    gtk_list_box_remove (self->actions_list,
                         gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));
}

static char *
describe_action (const SamMeetingAction *action)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *link = _sam_meetings_describe_link (action);

  if (action->who != NULL && *action->who != '\0')
    g_ptr_array_add (parts, g_strdup (action->who));
  if (action->due != NULL)
    {
      g_autofree char *date = sam_date_format_iso (action->due);

      /* TRANSLATORS: when an action is due, e.g. "by 1 June 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("by %s"), date));
    }
  if (link != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&link));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
refresh_actions (SamMeetingActionList *self)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;

  _sam_meetings_clear_list (self->actions_list);
  actions = sam_meeting_store_list_actions (self->store, self->meeting_id, &error);
  if (actions == NULL)
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), actions->len > 0);
  for (guint i = 0; i < actions->len; i++)
    {
      SamMeetingAction *action = g_ptr_array_index (actions, i);
      g_autofree char *subtitle = describe_action (action);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete Action"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete Action"), -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_delete_action_clicked),
                        GSIZE_TO_POINTER ((gsize) action->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->actions_list, row);
    }
}

static void
fill_links (SamMeetingActionList *self)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->link_ids, 0);
  gtk_string_list_append (labels, _("Nothing in particular"));
  g_ptr_array_add (self->link_ids, g_strdup (""));
  for (guint i = 0; i < sam_instrument_get_n_domains (instrument); i++)
    {
      const SamDomain *domain = sam_instrument_get_domain (instrument, i);

      gtk_string_list_append (labels, domain->title);
      g_ptr_array_add (self->link_ids, g_strconcat ("domain:", domain->id, NULL));
    }
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const char *text = item->text != NULL ? item->text : item->question->text;
      /* g_utf8_substring () reads past a text shorter than its end: cut only long ones. */
      g_autofree char *head = g_utf8_strlen (text, -1) > 60 ? g_utf8_substring (text, 0, 58) : NULL;
      g_autofree char *shortened = head != NULL ? g_strconcat (head, "…", NULL) : g_strdup (text);
      g_autofree char *label = g_strdup_printf ("%s: %s", item->id, shortened);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->link_ids, g_strconcat ("item:", item->id, NULL));
    }
  adw_combo_row_set_model (self->link_row, G_LIST_MODEL (labels));
}

static void
on_add_action_clicked (SamMeetingActionList *self)
{
  g_autofree char *what =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->what_row))));
  g_autofree char *who =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->who_row))));
  const char *due = sam_date_row_get_date (self->due_row);
  guint selected = adw_combo_row_get_selected (self->link_row);
  const char *link =
    selected < self->link_ids->len ? g_ptr_array_index (self->link_ids, selected) : "";
  SamMeetingAction action = { 0 };
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->what_row), "error");
  if (*what == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->what_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->what_row));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  /* The date row says itself, in words, why what was typed is no date. */
  if (!sam_date_row_get_valid (self->due_row))
    {
      gtk_widget_grab_focus (GTK_WIDGET (sam_date_row_get_entry (self->due_row)));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  action.step = self->step_id;
  action.what = what;
  action.who = who;
  action.due = (char *) due;
  action.item = g_str_has_prefix (link, "item:") ? (char *) link + 5 : NULL;
  action.domain = g_str_has_prefix (link, "domain:") ? (char *) link + 7 : NULL;
  if (!sam_meeting_action_list_add (self, &action, &error))
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), "");
  gtk_editable_set_text (sam_date_row_get_entry (self->due_row), "");
  adw_combo_row_set_selected (self->link_row, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->what_row));
}

static void
sam_meeting_action_list_dispose (GObject *object)
{
  SamMeetingActionList *self = SAM_MEETING_ACTION_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETING_ACTION_LIST);
  g_clear_object (&self->store);
  g_clear_pointer (&self->step_id, g_free);
  G_OBJECT_CLASS (sam_meeting_action_list_parent_class)->dispose (object);
}

static void
sam_meeting_action_list_finalize (GObject *object)
{
  g_ptr_array_unref (SAM_MEETING_ACTION_LIST (object)->link_ids);
  G_OBJECT_CLASS (sam_meeting_action_list_parent_class)->finalize (object);
}

static void
sam_meeting_action_list_class_init (SamMeetingActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_action_list_dispose;
  object_class->finalize = sam_meeting_action_list_finalize;

  g_type_ensure (SAM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meeting-action-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingActionList, what_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingActionList, who_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingActionList, due_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingActionList, link_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingActionList, actions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action_clicked);
}

static void
sam_meeting_action_list_init (SamMeetingActionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_ids = g_ptr_array_new_with_free_func (g_free);
  /* Enter in the date adds the action, as in the other fields. */
  g_signal_connect_object (sam_date_row_get_entry (self->due_row), "activate",
                           G_CALLBACK (on_add_action_clicked), self, G_CONNECT_SWAPPED);
}

/* The meeting whose actions are decided; the choices of what an action answers to are
 * the instrument's, filled once. */
void
sam_meeting_action_list_set_meeting (SamMeetingActionList *self,
                                     SamStore             *store,
                                     gint64                meeting_id)
{
  g_return_if_fail (SAM_IS_MEETING_ACTION_LIST (self));

  g_set_object (&self->store, store);
  self->meeting_id = meeting_id;
  if (self->link_ids->len == 0)
    fill_links (self);
}

/* The decision step on screen: its new actions are decided there, and the list is
 * read again. */
void
sam_meeting_action_list_show_step (SamMeetingActionList *self,
                                   const char           *step_id)
{
  g_return_if_fail (SAM_IS_MEETING_ACTION_LIST (self));

  g_free (self->step_id);
  self->step_id = g_strdup (step_id);
  refresh_actions (self);
}

/* Keeps @action (its step, what, who, when and link) and shows it in the list. */
gboolean
sam_meeting_action_list_add (SamMeetingActionList    *self,
                             const SamMeetingAction  *action,
                             GError                 **error)
{
  g_return_val_if_fail (SAM_IS_MEETING_ACTION_LIST (self), FALSE);
  g_return_val_if_fail (action->step != NULL, FALSE);

  if (!sam_meeting_store_add_action (self->store, self->meeting_id, action, NULL, error))
    return FALSE;
  refresh_actions (self);
  return TRUE;
}
