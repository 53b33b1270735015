/* sam-round-clinics.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-round-clinics"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dialogs.h"
#include "sam-names.h"
#include "sam-round-clinics.h"

/* Which clinics of the cluster take part in a round, how many people each invited, so that
 * a response rate can be shown, and what each clinic is (a solo practice or a partnership),
 * so that its people are offered the roles that fit. A clinic whose people have answered
 * stays in. New clinics are added one after another from one row: a code, the number
 * invited and the kind, then Enter, and the row is ready for the next. Nothing is stored
 * until Save. */

/* A clinic's row, with what the list needs of it on Save. */
typedef struct
{
  GtkWidget      *row;
  GtkCheckButton *check;
  GtkSpinButton  *spin;
  GtkDropDown    *kind;
  gint64          clinic_id;   /* 0 for a clinic added here and not yet stored */
  char           *code;
} ClinicRow;

static void
clinic_row_free (ClinicRow *clinic)
{
  g_free (clinic->code);
  g_free (clinic);
}

struct _SamRoundClinics
{
  AdwBin         parent_instance;

  SamContext    *context;
  gint64         round_id;
  GPtrArray     *rows;          /* ClinicRow, one per clinic, the new ones last */

  GtkListBox    *list;
  GtkWidget     *scroller;
  AdwEntryRow   *new_clinic;
  GtkSpinButton *new_invited;
  GtkDropDown   *new_kind;
};

G_DEFINE_FINAL_TYPE (SamRoundClinics, sam_round_clinics, ADW_TYPE_BIN)
SAM_DEFINE_CONTEXT_PROPERTY (SamRoundClinics, sam_round_clinics)

static GListModel *
kind_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (SamClinicKind k = 0; k < SAM_N_CLINIC_KINDS; k++)
    gtk_string_list_append (labels, sam_clinic_kind_get_label (k));
  return G_LIST_MODEL (labels);
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
  gtk_widget_set_tooltip_text (dropdown,
                               _("A solo practice or a partnership: it decides which doctors’ role "
                                 "its people answer as"));
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
static ClinicRow *
add_row (SamRoundClinics *self,
         gint64           clinic_id,
         const char      *code,
         gboolean         taking_part,
         int              invited,
         guint            n_respondents,
         SamClinicKind    kind)
{
  ClinicRow *clinic = g_new0 (ClinicRow, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *spin = invited_spin_new (invited);
  GtkWidget *dropdown = kind_dropdown_new (kind);
  g_autofree char *subtitle = NULL;

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

  clinic->row = row;
  clinic->check = GTK_CHECK_BUTTON (check);
  clinic->spin = GTK_SPIN_BUTTON (spin);
  clinic->kind = GTK_DROP_DOWN (dropdown);
  clinic->clinic_id = clinic_id;
  clinic->code = g_strdup (code);
  g_ptr_array_add (self->rows, clinic);
  gtk_list_box_append (self->list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
  return clinic;
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
add_typed_clinic (SamRoundClinics *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_clinic));
  g_autofree char *code = g_strstrip (g_strdup (text));
  g_autofree char *unsafe = sam_name_explain_unsafe (code, FALSE);
  int invited = gtk_spin_button_get_value_as_int (self->new_invited);
  SamClinicKind kind = gtk_drop_down_get_selected (self->new_kind);
  ClinicRow *row = NULL;

  if (*code == '\0')
    return FALSE;
  if (unsafe != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_clinic), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_clinic), unsafe);
      return FALSE;
    }

  for (guint i = 0; i < self->rows->len && row == NULL; i++)
    if (g_strcmp0 (((ClinicRow *) g_ptr_array_index (self->rows, i))->code, code) == 0)
      row = g_ptr_array_index (self->rows, i);
  if (row != NULL)
    {
      gtk_check_button_set_active (row->check, TRUE);
      if (invited > 0)
        gtk_spin_button_set_value (row->spin, invited);
      if (kind != SAM_CLINIC_KIND_UNKNOWN)
        gtk_drop_down_set_selected (row->kind, kind);
    }
  else
    add_row (self, 0, code, TRUE, invited, 0, kind);

  gtk_editable_set_text (GTK_EDITABLE (self->new_clinic), "");
  gtk_spin_button_set_value (self->new_invited, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_clinic));
  gtk_widget_add_tick_callback (self->scroller, scroll_to_end, NULL, NULL);
  return TRUE;
}

static void
on_new_clinic_changed (SamRoundClinics *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_clinic), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_clinic), NULL);
}

/* Enter in the new clinic's code adds it, and does not save the dialog: several clinics
 * are typed in a row. Enter in an empty code is the dialog's own (Save). */
static gboolean
on_new_clinic_key (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   SamRoundClinics       *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->new_clinic)) == '\0')
    return FALSE;
  add_typed_clinic (self);
  return TRUE;
}

/**
 * sam_round_clinics_save:
 *
 * Stores the list as it is on the screen, as one change.
 */
gboolean
sam_round_clinics_save (SamRoundClinics  *self,
                        GError          **error)
{
  SamStore *store;
  g_autoptr(SamRound) round = NULL;

  g_return_val_if_fail (SAM_IS_ROUND_CLINICS (self), FALSE);

  store = sam_context_get_store (self->context);
  /* A code typed and not yet added counts as added: Save means what is on the screen. */
  add_typed_clinic (self);

  round = sam_store_get_round (store, self->round_id, error);
  if (round == NULL || !sam_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ClinicRow *row = g_ptr_array_index (self->rows, i);
      gint64 clinic_id = row->clinic_id;
      gboolean taking_part = gtk_check_button_get_active (row->check);
      int invited = gtk_spin_button_get_value_as_int (row->spin);
      SamClinicKind kind = gtk_drop_down_get_selected (row->kind);
      const char *code = row->code;

      if (clinic_id == 0)
        {
          if (!taking_part)
            continue;
          if (!sam_store_ensure_clinic (store, round->cluster_id, code, NULL, &clinic_id, error))
            goto fail;
        }
      if (taking_part ? !sam_store_add_round_clinic (store, self->round_id, clinic_id,
                                                     invited > 0 ? invited : -1, error)
                      : !sam_store_remove_round_clinic (store, self->round_id, clinic_id, error))
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
on_add_clicked (SamRoundClinics *self)
{
  add_typed_clinic (self);
}

/* The round's clinics as the store has them now. */
static void
fill (SamRoundClinics *self)
{
  g_autoptr(GPtrArray) clinics = NULL;

  clinics = sam_store_list_round_clinics (sam_context_get_store (self->context), self->round_id,
                                          NULL);
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamRoundClinic *clinic = g_ptr_array_index (clinics, i);

      add_row (self, clinic->clinic_id, clinic->code, clinic->taking_part, clinic->invited,
               clinic->n_respondents, clinic->kind);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows->len > 0);
}

static void
sam_round_clinics_dispose (GObject *object)
{
  SamRoundClinics *self = SAM_ROUND_CLINICS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ROUND_CLINICS);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_round_clinics_parent_class)->dispose (object);
}

static void
sam_round_clinics_class_init (SamRoundClinicsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_round_clinics_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_round_clinics);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-round-clinics.ui");
  gtk_widget_class_bind_template_child (widget_class, SamRoundClinics, list);
  gtk_widget_class_bind_template_child (widget_class, SamRoundClinics, scroller);
  gtk_widget_class_bind_template_child (widget_class, SamRoundClinics, new_clinic);
  gtk_widget_class_bind_template_child (widget_class, SamRoundClinics, new_invited);
  gtk_widget_class_bind_template_child (widget_class, SamRoundClinics, new_kind);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clinic_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clinic_key);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
sam_round_clinics_init (SamRoundClinics *self)
{
  g_autoptr(GListModel) kinds = kind_labels_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) clinic_row_free);
  gtk_drop_down_set_model (self->new_kind, kinds);
  gtk_drop_down_set_selected (self->new_kind, SAM_CLINIC_KIND_UNKNOWN);
}

/* Public API */

/**
 * sam_round_clinics_new:
 *
 * Returns: (transfer floating): the list of @round_id's clinics, as the store has them
 */
SamRoundClinics *
sam_round_clinics_new (SamContext *context,
                       gint64      round_id)
{
  SamRoundClinics *self;

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  self = g_object_new (SAM_TYPE_ROUND_CLINICS, "context", context, NULL);
  self->round_id = round_id;
  fill (self);
  return self;
}

static void
on_response (AdwMessageDialog *message,
             const char       *response,
             SamRoundClinics  *clinics)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && !sam_round_clinics_save (clinics, &error))
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
  AdwMessageDialog *message;
  SamRoundClinics *clinics;

  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  message = sam_dialogs_message_new (parent != NULL ? GTK_WIDGET (parent) : NULL,
                                     _("Clinics Taking Part"),
                                     _("Tick the clinics that take part in the round, give "
                                       "how many people each invited, so the response rate can "
                                       "be shown, and say whether each is a solo practice or a "
                                       "partnership. To add clinics, type a code and press "
                                       "Enter, one after another."));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (message, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "save");
  adw_message_dialog_set_close_response (message, "cancel");

  clinics = sam_round_clinics_new (context, round_id);
  adw_message_dialog_set_extra_child (message, GTK_WIDGET (clinics));
  g_signal_connect_object (message, "response", G_CALLBACK (on_response), clinics, 0);
  gtk_window_present (GTK_WINDOW (message));
  /* Typing starts a new clinic at once; the list is a Shift+Tab away. */
  gtk_widget_grab_focus (GTK_WIDGET (clinics->new_clinic));
  return GTK_WINDOW (message);
}
