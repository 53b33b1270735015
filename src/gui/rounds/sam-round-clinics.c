/* sam-round-clinics.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-round-clinics"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dialogs.h"
#include "sam-names.h"
#include "sam-round-clinics.h"

/* Which clinics of the cluster take part in a round, how many people each invited, so that
 * a response rate can be shown, and what each clinic is (a solo practice or a partnership),
 * so that its people are offered the roles that fit. A clinic whose people have answered
 * stays in. New clinics are added one after another from one row: a code, the number
 * invited and the kind, then Enter, and the row is ready for the next. Nothing is stored
 * until Save. */

typedef struct
{
  SamContext  *context;
  gint64       round_id;
  GPtrArray   *rows;          /* GtkWidget, one AdwActionRow per clinic, the new ones last */
  GtkListBox  *list;
  GtkWidget   *scroller;
  AdwEntryRow *new_clinic;
  GtkSpinButton *new_invited;
  GtkDropDown *new_kind;
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
kind_dropdown_new (SamClinicKind kind)
{
  const char *labels[SAM_N_CLINIC_KINDS + 1] = { NULL };
  GtkWidget *dropdown;

  for (SamClinicKind k = 0; k < SAM_N_CLINIC_KINDS; k++)
    labels[k] = sam_clinic_kind_get_label (k);
  dropdown = gtk_drop_down_new_from_strings (labels);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), kind);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("A solo practice or a partnership: it decides which doctors’ "
                                           "role its people answer as"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of clinic"), -1);
  return dropdown;
}

static GtkWidget *
invited_spin_new (int invited)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (invited, 0));
  gtk_widget_set_tooltip_text (spin, _("Invited (0 if not known)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Invited"), -1);
  return spin;
}

/* A row of the list: @clinic_id 0 for a clinic added here and not yet stored. */
static GtkWidget *
create_row (gint64         clinic_id,
            const char    *code,
            gboolean       taking_part,
            int            invited,
            guint          n_respondents,
            SamClinicKind  kind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *spin = invited_spin_new (invited);
  GtkWidget *dropdown = kind_dropdown_new (kind);
  g_autofree char *subtitle = NULL;
  gint64 *id = g_new (gint64, 1);

  *id = clinic_id;
  if (clinic_id == 0)
    subtitle = g_strdup (_("New: added when you save"));
  else
    subtitle = g_strdup_printf (ngettext ("%u has answered", "%u have answered", n_respondents),
                                n_respondents);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), taking_part);
  /* People who have answered keep their clinic in the round. */
  gtk_widget_set_sensitive (check, n_respondents == 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Takes part"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  g_object_bind_property (check, "active", spin, "sensitive", G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data (G_OBJECT (row), "kind", dropdown);
  g_object_set_data_full (G_OBJECT (row), "clinic-id", id, g_free);
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
  return row;
}

static gboolean
scroll_to_end (GtkWidget     *scroller,
               GdkFrameClock *clock,
               gpointer       data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return G_SOURCE_REMOVE;
}

/* Takes the code typed in the new clinic's row into the list, with its number invited and
 * its kind, and leaves the row empty and focused for the next one. A code the list has
 * already ticks that clinic instead of making a second. */
static gboolean
add_typed_clinic (Dialog *dialog)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (dialog->new_clinic));
  g_autofree char *code = g_strstrip (g_strdup (text));
  g_autofree char *unsafe = sam_name_explain_unsafe (code, FALSE);
  int invited = gtk_spin_button_get_value_as_int (dialog->new_invited);
  SamClinicKind kind = gtk_drop_down_get_selected (dialog->new_kind);
  GtkWidget *row = NULL;

  if (*code == '\0')
    return FALSE;
  if (unsafe != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (dialog->new_clinic), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (dialog->new_clinic), unsafe);
      return FALSE;
    }

  for (guint i = 0; i < dialog->rows->len && row == NULL; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (dialog->rows, i), "code"), code) == 0)
      row = g_ptr_array_index (dialog->rows, i);
  if (row != NULL)
    {
      gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
      if (invited > 0)
        gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "spin"), invited);
      if (kind != SAM_CLINIC_KIND_UNKNOWN)
        gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "kind"), kind);
    }
  else
    {
      row = create_row (0, code, TRUE, invited, 0, kind);
      g_ptr_array_add (dialog->rows, row);
      gtk_list_box_append (dialog->list, row);
      gtk_widget_set_visible (GTK_WIDGET (dialog->list), TRUE);
    }

  gtk_editable_set_text (GTK_EDITABLE (dialog->new_clinic), "");
  gtk_spin_button_set_value (dialog->new_invited, 0);
  gtk_widget_grab_focus (GTK_WIDGET (dialog->new_clinic));
  gtk_widget_add_tick_callback (dialog->scroller, scroll_to_end, NULL, NULL);
  return TRUE;
}

static void
on_new_clinic_changed (Dialog *dialog)
{
  gtk_widget_remove_css_class (GTK_WIDGET (dialog->new_clinic), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (dialog->new_clinic), NULL);
}

/* Enter in the new clinic's code adds it, and does not save the dialog: several clinics
 * are typed in a row. Enter in an empty code is the dialog's own (Save). */
static gboolean
on_new_clinic_key (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   Dialog                *dialog)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (dialog->new_clinic)) == '\0')
    return FALSE;
  add_typed_clinic (dialog);
  return TRUE;
}

static gboolean
save (Dialog  *dialog,
      GError **error)
{
  SamStore *store = sam_context_get_store (dialog->context);
  g_autoptr(SamRound) round = NULL;

  /* A code typed and not yet added counts as added: Save means what is on the screen. */
  add_typed_clinic (dialog);

  round = sam_store_get_round (store, dialog->round_id, error);
  if (round == NULL || !sam_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < dialog->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (dialog->rows, i);
      gint64 clinic_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "clinic-id");
      gboolean taking_part = gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
      int invited = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (row), "spin"));
      SamClinicKind kind = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "kind"));
      const char *code = g_object_get_data (G_OBJECT (row), "code");

      if (clinic_id == 0)
        {
          if (!taking_part)
            continue;
          if (!sam_store_ensure_clinic (store, round->cluster_id, code, NULL, &clinic_id, error))
            goto fail;
        }
      if (taking_part ? !sam_store_add_round_clinic (store, dialog->round_id, clinic_id,
                                                     invited > 0 ? invited : -1, error)
                      : !sam_store_remove_round_clinic (store, dialog->round_id, clinic_id, error))
        goto fail;
      if (kind < SAM_N_CLINIC_KINDS && !sam_store_set_clinic_kind (store, clinic_id, kind, error))
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

static void
on_add_clicked (Dialog *dialog)
{
  add_typed_clinic (dialog);
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
  g_autoptr(GPtrArray) clinics = NULL;
  AdwMessageDialog *message;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *add_list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *invited = invited_spin_new (0);
  GtkWidget *kind = kind_dropdown_new (SAM_CLINIC_KIND_UNKNOWN);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkEventController *keys;
  Dialog *dialog;

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  clinics = sam_store_list_round_clinics (sam_context_get_store (context), round_id, NULL);
  dialog = g_new0 (Dialog, 1);
  dialog->context = g_object_ref (context);
  dialog->round_id = round_id;
  dialog->rows = g_ptr_array_new ();
  dialog->list = GTK_LIST_BOX (list);
  dialog->scroller = scroller;
  dialog->new_clinic = ADW_ENTRY_ROW (entry);
  dialog->new_invited = GTK_SPIN_BUTTON (invited);
  dialog->new_kind = GTK_DROP_DOWN (kind);

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Clinics Taking Part"),
                                                        _("Tick the clinics that take part in the round, give "
                                                          "how many people each invited, so the response rate can "
                                                          "be shown, and say whether each is a solo practice or a "
                                                          "partnership. To add clinics, type a code and press "
                                                          "Enter, one after another.")));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (message, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "save");
  adw_message_dialog_set_close_response (message, "cancel");

  gtk_widget_set_name (list, "clinics");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamRoundClinic *clinic = g_ptr_array_index (clinics, i);
      GtkWidget *row = create_row (clinic->clinic_id, clinic->code, clinic->taking_part,
                                   clinic->invited, clinic->n_respondents, clinic->kind);

      g_ptr_array_add (dialog->rows, row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_widget_set_visible (list, dialog->rows->len > 0);

  /* The row for new clinics, outside the scrolled list so that it stays in view. */
  gtk_widget_set_name (entry, "new-clinic");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add a Clinic"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), kind);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), invited);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add the Clinic (Enter)"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), dialog);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), add);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_new_clinic_changed), dialog);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_new_clinic_key), dialog);
  gtk_widget_add_controller (entry, keys);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (add_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (add_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (add_list), entry);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), add_list);
  adw_message_dialog_set_extra_child (message, box);

  g_object_set_data_full (G_OBJECT (message), "sam-round-clinics", dialog, dialog_free);
  g_signal_connect (message, "response", G_CALLBACK (on_response), dialog);
  gtk_window_present (GTK_WINDOW (message));
  /* Typing starts a new clinic at once; the list is a Shift+Tab away. */
  gtk_widget_grab_focus (entry);
  return GTK_WINDOW (message);
}
