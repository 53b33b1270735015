/* sam-new-round-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-new-round-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-date-row.h"
#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-names.h"
#include "sam-new-round-dialog.h"

/* Asks for the cluster, the round's name and its date, and creates the round. */

struct _SamNewRoundDialog
{
  AdwMessageDialog  parent_instance;

  SamContext       *context;

  AdwEntryRow      *cluster_row;
  AdwEntryRow      *label_row;
  SamDateRow       *date_row;

  char             *body;          /* the template's, shown again once names are fine */
};

G_DEFINE_FINAL_TYPE (SamNewRoundDialog, sam_new_round_dialog, ADW_TYPE_MESSAGE_DIALOG)
SAM_DEFINE_CONTEXT_PROPERTY (SamNewRoundDialog, sam_new_round_dialog)


/* YYYY-MM-DD, or NULL while the date typed is none. */
static char *
get_date (SamNewRoundDialog *self)
{
  return g_strdup (sam_date_row_get_date (self->date_row));
}

static gboolean
label_is_taken (SamNewRoundDialog *self,
                const char        *cluster,
                const char        *label)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (sam_context_get_store (self->context), NULL);

  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (g_strcmp0 (round->cluster_name, cluster) == 0 && g_strcmp0 (round->label, label) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A name a spreadsheet would run as a formula is marked, and said why, as it is typed. */
static char *
check_name (AdwEntryRow *row)
{
  char *unsafe = sam_name_explain_unsafe (gtk_editable_get_text (GTK_EDITABLE (row)), FALSE);

  if (unsafe != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), unsafe);
  return unsafe;
}

static void
update_state (SamNewRoundDialog *self)
{
  g_autofree char *cluster =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cluster_row))));
  g_autofree char *label =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  g_autofree char *iso = get_date (self);
  gboolean taken = label_is_taken (self, cluster, label);
  g_autofree char *unsafe_cluster = check_name (self->cluster_row);
  g_autofree char *unsafe_label = NULL;

  if (taken)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->label_row),
                                   _("The cluster already has a round with this name"));
    }
  else
    unsafe_label = check_name (self->label_row);

  if (self->body == NULL)
    self->body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (self)));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               unsafe_cluster != NULL ? unsafe_cluster
                               : unsafe_label != NULL ? unsafe_label : self->body);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           *cluster != '\0' && *label != '\0' && !taken &&
                                           iso != NULL && unsafe_cluster == NULL &&
                                           unsafe_label == NULL);
}

static void
on_response (SamNewRoundDialog *self,
             const char        *response)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (g_strcmp0 (response, "create") != 0)
    return;

  if (!sam_new_round_dialog_create (self, &error))
    {
      parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      sam_dialogs_alert (parent, _("The Round Was Not Created"), error->message);
    }
}

static void
sam_new_round_dialog_constructed (GObject *object)
{
  SamNewRoundDialog *self = (SamNewRoundDialog *) object;
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GPtrArray) clusters = sam_store_list_clusters (store, NULL);
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
  g_autoptr(GDateTime) now = sam_context_now (self->context);
  g_autofree char *label = NULL;

  G_OBJECT_CLASS (sam_new_round_dialog_parent_class)->constructed (object);

  /* Most databases hold one cluster: offer it. */
  if (clusters != NULL && clusters->len > 0)
    gtk_editable_set_text (GTK_EDITABLE (self->cluster_row),
                           ((SamCluster *) g_ptr_array_index (clusters, 0))->name);

  if (rounds == NULL || rounds->len == 0)
    /* Translators: the default name of a cluster's first round; %d is the year. */
    label = g_strdup_printf (_("Baseline %d"), g_date_time_get_year (now));
  else
    /* Translators: the default name of a later round; %d is the year. */
    label = g_strdup_printf (_("Follow-up %d"), g_date_time_get_year (now));
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), label);
  {
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    sam_date_row_set_date (self->date_row, today);
  }

  update_state (self);
}

static void
sam_new_round_dialog_dispose (GObject *object)
{
  SamNewRoundDialog *self = (SamNewRoundDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_NEW_ROUND_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (sam_new_round_dialog_parent_class)->dispose (object);
}

static void
sam_new_round_dialog_class_init (SamNewRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_new_round_dialog_constructed;
  object_class->dispose = sam_new_round_dialog_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_new_round_dialog);

  g_type_ensure (SAM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-new-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamNewRoundDialog, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, SamNewRoundDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, SamNewRoundDialog, date_row);
  gtk_widget_class_bind_template_callback (widget_class, update_state);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
sam_new_round_dialog_init (SamNewRoundDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamNewRoundDialog *
sam_new_round_dialog_new (GtkWindow  *parent,
                          SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_NEW_ROUND_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "context", context,
                       NULL);
}

/**
 * sam_new_round_dialog_create:
 *
 * Creates the cluster (where it is new) and the round as one change.
 */
gboolean
sam_new_round_dialog_create (SamNewRoundDialog  *self,
                             GError            **error)
{
  SamStore *store;
  g_autofree char *date = NULL;
  gint64 cluster_id;

  g_return_val_if_fail (SAM_IS_NEW_ROUND_DIALOG (self), FALSE);

  store = sam_context_get_store (self->context);
  date = get_date (self);
  if (date == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           sam_date_row_get_message (self->date_row));
      return FALSE;
    }

  if (!sam_store_begin (store, error))
    return FALSE;
  if (!sam_store_ensure_cluster (store, gtk_editable_get_text (GTK_EDITABLE (self->cluster_row)),
                                 &cluster_id, error) ||
      !sam_store_create_round (store, cluster_id,
                               gtk_editable_get_text (GTK_EDITABLE (self->label_row)), date, NULL,
                               error))
    {
      sam_store_rollback (store);
      return FALSE;
    }
  return sam_store_commit (store, error);
}
