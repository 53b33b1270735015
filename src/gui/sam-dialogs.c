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
