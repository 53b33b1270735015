/* sam-dialogs.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dialogs.h"

typedef struct
{
  SamConfirmFunc callback;
  gpointer       user_data;
} ConfirmData;

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ConfirmData      *data)
{
  data->callback (g_strcmp0 (response, "confirm") == 0, data->user_data);
}

/**
 * sam_dialogs_confirm:
 * @callback: called once with whether the person confirmed; closing the dialog cancels
 *
 * Asks before something that cannot be undone or that exposes data.
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
sam_dialogs_confirm (GtkWindow      *parent,
                     const char     *heading,
                     const char     *body,
                     const char     *confirm_label,
                     gboolean        destructive,
                     SamConfirmFunc  callback,
                     gpointer        user_data)
{
  AdwMessageDialog *dialog;
  ConfirmData *data;

  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (callback != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  /* The safe choice is the default. */
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (ConfirmData, 1);
  data->callback = callback;
  data->user_data = user_data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * sam_dialogs_alert:
 *
 * Tells of something that went wrong and what it means.
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
sam_dialogs_alert (GtkWindow  *parent,
                   const char *heading,
                   const char *body)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (heading != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

typedef struct
{
  GtkWindow          *parent;
  SamStore           *store;
  gint64              round_id;
  SamRoundClosedFunc  func;
  gpointer            user_data;
} CloseData;

static void
on_close_confirmed (gboolean confirmed,
                    gpointer user_data)
{
  CloseData *data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean closed = FALSE;

  if (confirmed)
    {
      closed = sam_store_set_round_closed (data->store, data->round_id, TRUE, &error);
      if (!closed)
        sam_dialogs_alert (data->parent, _("The Round Was Not Closed"), error->message);
    }
  if (data->func != NULL)
    data->func (closed, data->round_id, data->user_data);
  g_clear_object (&data->parent);
  g_object_unref (data->store);
  g_free (data);
}

/**
 * sam_dialogs_ask_close_round:
 * @func: (nullable): called with whether the round is closed (or its figures came from
 *   the coordinator) once the question is answered; at once where there is none to ask
 *
 * A round's figures are shared once, when it is closed and no answer can change them
 * (instrument contract, "One publication a round"). Closing says so, and that the round
 * takes no answers after that, and asks first. Presenting or exporting an open round
 * comes here.
 *
 * Returns: (transfer none) (nullable): the question, where one was asked
 */
GtkWindow *
sam_dialogs_ask_close_round (GtkWindow          *parent,
                             SamStore           *store,
                             gint64              round_id,
                             SamRoundClosedFunc  func,
                             gpointer            user_data)
{
  g_autoptr(SamRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  CloseData *data;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  round = sam_store_get_round (store, round_id, &error);
  if (round == NULL || sam_round_can_publish (round))
    {
      if (func != NULL)
        func (round != NULL, round_id, user_data);
      return NULL;
    }

  data = g_new0 (CloseData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->round_id = round_id;
  data->func = func;
  data->user_data = user_data;
  heading = g_strdup_printf (_("Close Round “%s”?"), round->label);
  return sam_dialogs_confirm (parent, heading,
                              _("A round’s figures are shared with the cluster once, when the round is "
                                "closed, so that no later answer can change them and give someone away. "
                                "After closing, the round takes no more answers, survey files or tallies; "
                                "once its figures have been shared, late answers go into a new round."),
                              _("_Close Round"), FALSE, on_close_confirmed, data);
}
