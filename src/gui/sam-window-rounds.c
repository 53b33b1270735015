/* sam-window-rounds.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-window-rounds"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dialogs.h"
#include "sam-names.h"
#include "sam-window-private.h"

/* A round after it was created: renamed, closed to new answers and opened again, or
 * deleted with everything in it. Each action takes the round's id, as the round's menu on
 * the Overview page names it. */

typedef struct
{
  SamWindow   *window;
  gint64       round_id;
  char        *label;
  AdwMessageDialog *dialog;   /* the rename dialog, which owns the data */
  AdwEntryRow *entry;    /* the rename dialog's, owned by it */
} RoundData;

static RoundData *
round_data_new (SamWindow  *self,
                gint64      round_id,
                const char *label)
{
  RoundData *data = g_new0 (RoundData, 1);

  data->window = g_object_ref (self);
  data->round_id = round_id;
  data->label = g_strdup (label);
  return data;
}

static void
round_data_free (RoundData *data)
{
  g_clear_object (&data->window);
  g_free (data->label);
  g_free (data);
}

/* The round as the store has it now, or NULL where it is gone, as it may be when a menu
 * outlives it for a moment. */
static SamRound *
lookup_round (SamWindow *self,
              gint64     round_id)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (sam_context_get_store (self->context), NULL);

  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    if (((SamRound *) g_ptr_array_index (rounds, i))->id == round_id)
      return g_ptr_array_steal_index (rounds, i);
  return NULL;
}

/* Renaming */

static char *
entry_text (RoundData *data)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
}

static void
on_rename_changed (GtkEditable *entry,
                   RoundData   *data)
{
  AdwMessageDialog *dialog = data->dialog;
  g_autofree char *text = entry_text (data);
  g_autofree char *unsafe = sam_name_explain_unsafe (gtk_editable_get_text (entry), FALSE);

  /* The store would refuse an empty name, or one a spreadsheet would run as a formula
   * (said here as it is typed), and the same name changes nothing. */
  if (unsafe != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  adw_message_dialog_set_body (dialog, unsafe != NULL ? unsafe : "");
  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           *text != '\0' && g_strcmp0 (text, data->label) != 0 &&
                                           unsafe == NULL);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RoundData        *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  text = entry_text (data);
  if (!sam_store_rename_round (sam_context_get_store (data->window->context), data->round_id, text,
                               &error))
    sam_dialogs_alert (GTK_WINDOW (data->window), _("The Round Was Not Renamed"), error->message);
}

/**
 * sam_window_ask_rename_round:
 *
 * Asks for a round's new name, offering the old one, and renames the round.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL where there is no such round
 */
GtkWindow *
sam_window_ask_rename_round (SamWindow *self,
                             gint64     round_id)
{
  g_autoptr(SamRound) round = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *entry;
  RoundData *data;

  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  round = lookup_round (self, round_id);
  if (round == NULL)
    return NULL;

  dialog = sam_dialogs_message_new (GTK_WIDGET (self), _("Rename Round"), NULL);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), round->label);
  /* Enter renames, as the button would; while the button is off, Enter does nothing. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);

  data = round_data_new (self, round_id, round->label);
  data->dialog = dialog;
  data->entry = ADW_ENTRY_ROW (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_changed), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response), data,
                         (GClosureNotify) (void (*) (void)) round_data_free, 0);
  on_rename_changed (GTK_EDITABLE (entry), data);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
rename_round_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  sam_window_ask_rename_round (user_data, g_variant_get_int64 (parameter));
}

/* Closing and reopening */

typedef struct
{
  SamWindow          *window;
  SamRoundClosedFunc  func;
  gpointer            user_data;
} CloseData;

static void
on_closed (gboolean  closed,
           gint64    round_id,
           gpointer  user_data)
{
  CloseData *data = user_data;
  g_autoptr(SamRound) round = lookup_round (data->window, round_id);

  if (closed && round != NULL)
    {
      g_autofree char *title =
        g_strdup_printf (_("Round “%s” is closed: its figures can be shared"), round->label);

      sam_dialogs_toast (GTK_WIDGET (data->window), title);
    }
  if (data->func != NULL)
    data->func (closed, round_id, data->user_data);
  g_object_unref (data->window);
  g_free (data);
}

/**
 * sam_window_ask_close_round:
 * @func: (nullable): as sam_dialogs_ask_close_round()
 *
 * Closing a round from the window: the question of sam_dialogs_ask_close_round(), and a
 * toast once it is closed.
 *
 * Returns: (transfer none) (nullable): the question, where one was asked
 */
GtkWindow *
sam_window_ask_close_round (SamWindow          *self,
                            gint64              round_id,
                            SamRoundClosedFunc  func,
                            gpointer            user_data)
{
  g_autoptr(SamRound) round = NULL;
  CloseData *data;

  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  round = lookup_round (self, round_id);
  if (round != NULL && sam_round_can_publish (round))
    {
      if (func != NULL)
        func (TRUE, round_id, user_data);
      return NULL;
    }
  data = g_new0 (CloseData, 1);
  data->window = g_object_ref (self);
  data->func = func;
  data->user_data = user_data;
  return sam_dialogs_ask_close_round (GTK_WINDOW (self), sam_context_get_store (self->context),
                                      round_id, on_closed, data);
}

static void
on_new_round_instead (gboolean confirmed,
                      gpointer user_data)
{
  SamWindow *self = user_data;

  if (confirmed)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-round", NULL);
  g_object_unref (self);
}

static void
reopen (SamWindow *self,
        gint64     round_id)
{
  g_autoptr(SamRound) round = lookup_round (self, round_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (round == NULL)
    return;

  /* A published round stays closed; the store says why, and a new round takes the late
   * answers. */
  if (!sam_store_set_round_closed (sam_context_get_store (self->context), round_id, FALSE, &error))
    {
      if (round->published_k > 0)
        sam_dialogs_confirm (GTK_WINDOW (self), _("The Round Stays Closed"), error->message,
                             _("_New Round…"), FALSE, on_new_round_instead, g_object_ref (self));
      else
        sam_dialogs_alert (GTK_WINDOW (self), _("The Round Was Not Reopened"), error->message);
      return;
    }
  title = g_strdup_printf (_("Round “%s” is open again: it takes new answers"), round->label);
  sam_dialogs_toast (GTK_WIDGET (self), title);
}

static void
close_round_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  sam_window_ask_close_round (user_data, g_variant_get_int64 (parameter), NULL, NULL);
}

static void
reopen_round_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  reopen (user_data, g_variant_get_int64 (parameter));
}

/* Deleting */

static void
on_delete_confirmed (gboolean confirmed,
                     gpointer user_data)
{
  RoundData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (confirmed)
    {
      if (!sam_store_delete_round (sam_context_get_store (data->window->context), data->round_id,
                                   &error))
        sam_dialogs_alert (GTK_WINDOW (data->window), _("The Round Was Not Deleted"),
                           error->message);
      else
        {
          title = g_strdup_printf (_("Deleted round “%s”"), data->label);
          sam_dialogs_toast (GTK_WIDGET (data->window), title);
        }
    }
  round_data_free (data);
}

/**
 * sam_window_ask_delete_round:
 *
 * Says how many respondents and answers go with the round, and asks before deleting it.
 *
 * Returns: (transfer none) (nullable): the question, or %NULL where there is no such round
 *   or its data could not be counted
 */
GtkWindow *
sam_window_ask_delete_round (SamWindow *self,
                             gint64     round_id)
{
  g_autoptr(SamRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *body = NULL;
  guint n_respondents = 0;
  guint n_answers = 0;

  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  round = lookup_round (self, round_id);
  if (round == NULL)
    return NULL;

  /* A person deciding to delete data must know how much goes with it. */
  if (!sam_store_count_round_data (sam_context_get_store (self->context), round_id,
                                   &n_respondents, &n_answers, &error))
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The Round Was Not Deleted"), error->message);
      return NULL;
    }

  heading = g_strdup_printf (_("Delete Round “%s”?"), round->label);
  if (n_respondents == 0)
    body =
      g_strdup (_("Nobody has answered in this round. Anything imported into it is deleted too. "
                  "This cannot be undone."));
  else
    {
      /* Translators: the part in brackets of "The answers of 67 respondents (1,520 answers)…". */
      answers = g_strdup_printf (ngettext ("%'u answer", "%'u answers", n_answers), n_answers);
      /* Translators: %'u is the number of respondents, %s is "1,520 answers". */
      body =
        g_strdup_printf (ngettext ("The answers of %'u respondent (%s) and everything imported "
                                   "into the round are deleted. This cannot be undone.",
                                   "The answers of %'u respondents (%s) and everything imported "
                                   "into the round are deleted. This cannot be undone.",
                                   n_respondents),
                         n_respondents, answers);
    }

  return sam_dialogs_confirm (GTK_WINDOW (self), heading, body, _("_Delete"), TRUE,
                              on_delete_confirmed, round_data_new (self, round_id, round->label));
}

static void
delete_round_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  sam_window_ask_delete_round (user_data, g_variant_get_int64 (parameter));
}

static const GActionEntry round_actions[] = {
  { "rename-round", rename_round_action, "x" },
  { "close-round", close_round_action, "x" },
  { "reopen-round", reopen_round_action, "x" },
  { "delete-round", delete_round_action, "x" },
};

void
_sam_window_install_round_actions (SamWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), round_actions, G_N_ELEMENTS (round_actions),
                                   self);

  /* Without a database there are no rounds. */
  for (guint i = 0; i < G_N_ELEMENTS (round_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), round_actions[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->context != NULL);
    }
}
