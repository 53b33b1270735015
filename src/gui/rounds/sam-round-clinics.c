/* sam-round-clinics.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-round-clinics"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dialogs.h"
#include "sam-round-clinics.h"

/* Which clinics of the cluster take part in a round, and how many people each invited,
 * so that a response rate can be shown. A clinic whose people have answered stays in. */

typedef struct
{
  SamContext *context;
  gint64      round_id;
  GPtrArray  *rows;        /* GtkWidget, one AdwActionRow per clinic */
  GtkEditable *new_clinic;
} Dialog;

static void
dialog_free (gpointer data)
{
  Dialog *dialog = data;

  g_clear_object (&dialog->context);
  g_clear_pointer (&dialog->rows, g_ptr_array_unref);
  g_free (dialog);
}

static GtkWidget *
create_row (SamRoundClinic *clinic)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 1);
  g_autofree char *subtitle = NULL;
  gint64 *id = g_new (gint64, 1);

  *id = clinic->clinic_id;
  subtitle = g_strdup_printf (ngettext ("%u has answered", "%u have answered", clinic->n_respondents),
                              clinic->n_respondents);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), clinic->code);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), clinic->taking_part);
  /* People who have answered keep their clinic in the round. */
  gtk_widget_set_sensitive (check, clinic->n_respondents == 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Takes part"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (clinic->invited, 0));
  gtk_widget_set_tooltip_text (spin, _("Invited (0 if not known)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Invited"), -1);
  g_object_bind_property (check, "active", spin, "sensitive", G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data_full (G_OBJECT (row), "clinic-id", id, g_free);
  return row;
}

static gboolean
save (Dialog  *dialog,
      GError **error)
{
  SamStore *store = sam_context_get_store (dialog->context);
  g_autofree char *new_code = g_strstrip (g_strdup (gtk_editable_get_text (dialog->new_clinic)));

  if (!sam_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < dialog->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (dialog->rows, i);
      gint64 clinic_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "clinic-id");
      gboolean taking_part = gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
      int invited = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (row), "spin"));

      if (taking_part ? !sam_store_add_round_clinic (store, dialog->round_id, clinic_id,
                                                     invited > 0 ? invited : -1, error)
                      : !sam_store_remove_round_clinic (store, dialog->round_id, clinic_id, error))
        goto fail;
    }

  if (*new_code != '\0')
    {
      g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, error);
      gint64 cluster_id = 0, clinic_id;

      for (guint i = 0; rounds != NULL && i < rounds->len; i++)
        if (((SamRound *) g_ptr_array_index (rounds, i))->id == dialog->round_id)
          cluster_id = ((SamRound *) g_ptr_array_index (rounds, i))->cluster_id;
      if (cluster_id == 0 ||
          !sam_store_ensure_clinic (store, cluster_id, new_code, NULL, &clinic_id, error) ||
          !sam_store_add_round_clinic (store, dialog->round_id, clinic_id, -1, error))
        goto fail;
    }

  return sam_store_commit (store, error);

fail:
  sam_store_rollback (store);
  return FALSE;
}

static void
on_response (AdwMessageDialog *message,
             const char       *response,
             Dialog           *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && !save (dialog, &error))
    sam_dialogs_alert (gtk_window_get_transient_for (GTK_WINDOW (message)),
                       _("The Clinics Were Not Saved"), error->message);
}

/**
 * sam_round_clinics_dialog_show:
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
sam_round_clinics_dialog_show (GtkWindow  *parent,
                               SamContext *context,
                               gint64      round_id)
{
  g_autoptr(GPtrArray) clinics = sam_store_list_round_clinics (sam_context_get_store (context), round_id, NULL);
  AdwMessageDialog *message;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *add_list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();
  Dialog *dialog = g_new0 (Dialog, 1);

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  dialog->context = g_object_ref (context);
  dialog->round_id = round_id;
  dialog->rows = g_ptr_array_new ();
  dialog->new_clinic = GTK_EDITABLE (entry);

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Clinics Taking Part"),
                                                        _("Tick the clinics that take part in the round, and give "
                                                          "how many people each invited, so the response rate can "
                                                          "be shown.")));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (message, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "save");
  adw_message_dialog_set_close_response (message, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      GtkWidget *row = create_row (g_ptr_array_index (clinics, i));

      g_ptr_array_add (dialog->rows, row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_widget_set_visible (list, dialog->rows->len > 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add a Clinic"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (add_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (add_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (add_list), entry);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), add_list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (message, scroller);

  g_object_set_data_full (G_OBJECT (message), "sam-round-clinics", dialog, dialog_free);
  g_signal_connect (message, "response", G_CALLBACK (on_response), dialog);
  gtk_window_present (GTK_WINDOW (message));
  return GTK_WINDOW (message);
}
