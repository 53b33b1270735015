/* sam-plan-action-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-date-row.h"
#include "sam-dialogs.h"
#include "sam-instrument.h"
#include "sam-plan-parts.h"

/* The form for a new action of the plan or an edit of one: what, who, by when, why (nothing
 * in particular, a domain or one item), its status and notes. Saving it writes the action
 * and says so in the window's toast. */

struct _SamPlanActionDialog
{
  AdwMessageDialog  parent_instance;

  SamContext       *context;
  gint64            clinic_id;
  gint64            action_id;     /* 0 for a new one */
  GtkStringList    *aims_ids;      /* "", "item:q1", "domain:A" */

  AdwEntryRow      *what_row;
  AdwEntryRow      *who_row;
  SamDateRow       *due_row;
  AdwComboRow      *why_row;
  AdwComboRow      *status_row;
  AdwEntryRow      *notes_row;
};

G_DEFINE_FINAL_TYPE (SamPlanActionDialog, sam_plan_action_dialog, ADW_TYPE_MESSAGE_DIALOG)
SAM_DEFINE_CONTEXT_PROPERTY (SamPlanActionDialog, sam_plan_action_dialog)

static gboolean
is_valid (SamPlanActionDialog *self)
{
  const char *what = gtk_editable_get_text (GTK_EDITABLE (self->what_row));
  g_autofree char *stripped = g_strstrip (g_strdup (what));

  /* The date row says itself why a date typed is none. */
  return stripped[0] != '\0' && sam_date_row_get_valid (self->due_row);
}

static void
on_changed (SamPlanActionDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", is_valid (self));
}

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_response (SamPlanActionDialog *self,
             const char          *response)
{
  SamStore *store = sam_context_get_store (self->context);
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr(SamPlanAction) action = NULL;
  g_autoptr(GError) error = NULL;
  const char *aim;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || !is_valid (self))
    return;
  action = self->action_id > 0 ? sam_plan_get_action (store, self->action_id, &error)
                               : sam_plan_action_new ();
  if (action == NULL)
    {
      sam_dialogs_alert (GTK_WINDOW (parent), _("The Action Was Not Saved"), error->message);
      return;
    }
  g_free (action->what);
  action->what = text_of (self->what_row);
  g_free (action->who);
  action->who = text_of (self->who_row);
  g_free (action->notes);
  action->notes = text_of (self->notes_row);
  g_free (action->due);
  action->due = g_strdup (sam_date_row_get_date (self->due_row));
  g_clear_pointer (&action->item, g_free);
  g_clear_pointer (&action->domain, g_free);
  aim = gtk_string_list_get_string (self->aims_ids, adw_combo_row_get_selected (self->why_row));
  if (aim != NULL && g_str_has_prefix (aim, "item:"))
    action->item = g_strdup (aim + strlen ("item:"));
  else if (aim != NULL && g_str_has_prefix (aim, "domain:"))
    action->domain = g_strdup (aim + strlen ("domain:"));
  action->status = adw_combo_row_get_selected (self->status_row);

  if (self->action_id > 0)
    ok = sam_plan_update_action (store, action, NULL, &error);
  else
    ok = sam_plan_add_action (store, self->clinic_id, action, NULL, NULL, &error);
  if (!ok)
    sam_dialogs_alert (GTK_WINDOW (parent), _("The Action Was Not Saved"), error->message);
  else if (parent != NULL)
    sam_dialogs_toast (parent, self->action_id > 0 ? _("Action saved") : _("Action added"));
}

/* Why: nothing in particular, a domain, or one item; selects the one @action aims at. */
static void
fill_aims (SamPlanActionDialog *self,
           const SamPlanAction *action)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GtkStringList) aims = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (aims, _("Nothing in particular"));
  gtk_string_list_append (self->aims_ids, "");
  for (guint i = 0; i < sam_instrument_get_n_domains (instrument); i++)
    {
      const SamDomain *domain = sam_instrument_get_domain (instrument, i);
      g_autofree char *id = g_strconcat ("domain:", domain->id, NULL);

      if (action && g_strcmp0 (action->domain, domain->id) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (aims));
      gtk_string_list_append (aims, domain->title);
      gtk_string_list_append (self->aims_ids, id);
    }
  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      g_autoptr(SamPlanAction) probe = sam_plan_action_new ();
      g_autofree char *id = g_strconcat ("item:", item->id, NULL);
      g_autofree char *label = NULL;

      probe->item = g_strdup (item->id);
      label = sam_plan_aim_label (probe);
      if (action && g_strcmp0 (action->item, item->id) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (aims));
      gtk_string_list_append (aims, label);
      gtk_string_list_append (self->aims_ids, id);
    }
  adw_combo_row_set_model (self->why_row, G_LIST_MODEL (aims));
  adw_combo_row_set_selected (self->why_row, selected);
}

static void
fill (SamPlanActionDialog *self,
      const SamPlanAction *action)
{
  g_autoptr(GtkStringList) statuses = sam_plan_status_labels ();

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  action ? _("Edit Action") : _("New Action"));
  self->action_id = action ? action->id : 0;
  gtk_editable_set_text (GTK_EDITABLE (self->what_row), action ? action->what : "");
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), action ? action->who : "");
  sam_date_row_set_date (self->due_row, action ? action->due : NULL);
  fill_aims (self, action);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, action ? action->status : SAM_PLAN_STATUS_PLANNED);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), action ? action->notes : "");
  on_changed (self);
}

/* The form opens on what is to be done. */
static void
sam_plan_action_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sam_plan_action_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (SAM_PLAN_ACTION_DIALOG (widget)->what_row));
}

static void
sam_plan_action_dialog_dispose (GObject *object)
{
  SamPlanActionDialog *self = (SamPlanActionDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_ACTION_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->aims_ids);

  G_OBJECT_CLASS (sam_plan_action_dialog_parent_class)->dispose (object);
}

static void
sam_plan_action_dialog_class_init (SamPlanActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_plan_action_dialog_dispose;
  widget_class->map = sam_plan_action_dialog_map;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_plan_action_dialog);

  g_type_ensure (SAM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-plan-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionDialog, who_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionDialog, why_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanActionDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
sam_plan_action_dialog_init (SamPlanActionDialog *self)
{
  self->aims_ids = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The text is named for the tests, as the other fields are. */
  gtk_widget_set_name (GTK_WIDGET (sam_date_row_get_entry (self->due_row)), "due");
}

/**
 * sam_plan_action_dialog_new:
 * @parent: a widget in the window the dialog belongs to
 * @action: (nullable): the action to edit; %NULL for a new one of @clinic_id
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself once answered
 */
SamPlanActionDialog *
sam_plan_action_dialog_new (GtkWidget           *parent,
                            SamContext          *context,
                            gint64               clinic_id,
                            const SamPlanAction *action)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  SamPlanActionDialog *self;

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  self = g_object_new (SAM_TYPE_PLAN_ACTION_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "context", context,
                       NULL);
  self->clinic_id = clinic_id;
  fill (self, action);
  return self;
}
