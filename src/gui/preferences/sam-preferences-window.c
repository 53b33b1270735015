/* sam-preferences-window.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dialogs.h"
#include "sam-preferences-window.h"

struct _SamPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SamContext           *context;
  GArray               *clinic_ids;   /* gint64 per combo position; 0 is "none" */
  gboolean              updating;
  int                   pending_k;

  GtkSpinButton        *min_group_spin;
  AdwComboRow          *clinic_row;
  AdwComboRow          *kind_row;
};

G_DEFINE_FINAL_TYPE (SamPreferencesWindow, sam_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
SAM_DEFINE_CONTEXT_PROPERTY (SamPreferencesWindow, sam_preferences_window)


static void
show_error (SamPreferencesWindow *self,
            const GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
set_spin_quietly (SamPreferencesWindow *self,
                  int                   k)
{
  self->updating = TRUE;
  gtk_spin_button_set_value (self->min_group_spin, k);
  self->updating = FALSE;
}

static void
save_min_group_size (SamPreferencesWindow *self,
                     int                   k)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_context_get_store (self->context);

  if (!sam_store_set_min_group_size (store, k, &error))
    {
      show_error (self, error);
      set_spin_quietly (self, sam_store_get_min_group_size (store));
    }
}

static void
on_lower_confirmed (gboolean confirmed,
                    gpointer user_data)
{
  g_autoptr(SamPreferencesWindow) self = user_data;

  if (confirmed)
    save_min_group_size (self, self->pending_k);
  else
    set_spin_quietly (self, sam_store_get_min_group_size (sam_context_get_store (self->context)));
  self->pending_k = 0;
}

/* Below 3, a clinic's figures can show colleagues each other's answers: ask first, and
 * say so plainly. */
static void
on_min_group_changed (SamPreferencesWindow *self,
                      GtkSpinButton        *spin)
{
  int k = gtk_spin_button_get_value_as_int (spin);
  int current = sam_store_get_min_group_size (sam_context_get_store (self->context));
  g_autofree char *body = NULL;
  g_autofree char *confirm = NULL;

  if (self->updating || k == current)
    return;

  if (k >= SAM_MIN_GROUP_SIZE_SAFE || k > current)
    {
      save_min_group_size (self, k);
      return;
    }

  self->pending_k = k;
  body = sam_min_group_size_warning (k);
  confirm = g_strdup_printf (_("_Lower to %d"), k);
  sam_dialogs_confirm (GTK_WINDOW (self), _("Show Figures From Very Small Groups?"), body, confirm,
                       TRUE, on_lower_confirmed, g_object_ref (self));
}

/* What this computer's clinic is: it decides the roles its people are offered and whether
 * a doctor's figures are one person's. Only a clinic's computer has one to set. */
static void
load_kind (SamPreferencesWindow *self)
{
  SamStore *store = sam_context_get_store (self->context);
  gint64 own = sam_store_get_own_clinic (store);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, own > 0 ? sam_store_get_clinic_kind (store, own)
                                                      : SAM_CLINIC_KIND_UNKNOWN);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), own > 0);
}

static void
on_kind_selected (SamPreferencesWindow *self,
                  GParamSpec           *pspec,
                  AdwComboRow          *row)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_context_get_store (self->context);
  guint selected = adw_combo_row_get_selected (row);
  gint64 own = sam_store_get_own_clinic (store);

  if (self->updating || own <= 0 || selected >= SAM_N_CLINIC_KINDS)
    return;
  if (!sam_store_set_clinic_kind (store, own, selected, &error))
    {
      show_error (self, error);
      load_kind (self);
    }
}

static void
on_clinic_selected (SamPreferencesWindow *self,
                    GParamSpec           *pspec,
                    AdwComboRow          *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected >= self->clinic_ids->len)
    return;

  if (!sam_store_set_own_clinic (sam_context_get_store (self->context),
                                 g_array_index (self->clinic_ids, gint64, selected), &error))
    show_error (self, error);
  load_kind (self);
}

static void
load_clinics (SamPreferencesWindow *self)
{
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  gint64 own = sam_store_get_own_clinic (store);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->clinic_ids, 0);
  gtk_string_list_append (model, _("None (a cluster coordinator)"));
  g_array_append_val (self->clinic_ids, none);

  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);
      /* Translators: a clinic and the cluster it belongs to. */
      g_autofree char *text = g_strdup_printf (_("%s, %s"), clinic->code, clinic->cluster_name);

      if (clinic->id == own)
        selected = self->clinic_ids->len;
      gtk_string_list_append (model, text);
      g_array_append_val (self->clinic_ids, clinic->id);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->clinic_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->clinic_row, selected);
  self->updating = FALSE;
}

static void
sam_preferences_window_constructed (GObject *object)
{
  SamPreferencesWindow *self = (SamPreferencesWindow *) object;

  G_OBJECT_CLASS (sam_preferences_window_parent_class)->constructed (object);

  set_spin_quietly (self, sam_store_get_min_group_size (sam_context_get_store (self->context)));
  load_clinics (self);
  {
    g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

    for (SamClinicKind kind = 0; kind < SAM_N_CLINIC_KINDS; kind++)
      gtk_string_list_append (kinds, sam_clinic_kind_get_label (kind));
    self->updating = TRUE;
    adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
    self->updating = FALSE;
  }
  load_kind (self);
}

static void
sam_preferences_window_dispose (GObject *object)
{
  SamPreferencesWindow *self = (SamPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->clinic_ids, g_array_unref);

  G_OBJECT_CLASS (sam_preferences_window_parent_class)->dispose (object);
}

static void
sam_preferences_window_class_init (SamPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_preferences_window_constructed;
  object_class->dispose = sam_preferences_window_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_preferences_window);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, min_group_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_min_group_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clinic_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
}

static void
sam_preferences_window_init (SamPreferencesWindow *self)
{
  self->clinic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
}

SamPreferencesWindow *
sam_preferences_window_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}
