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
                              _("A round’s figures are shared with the cluster once, when the "
                                "round is closed, so that no later answer can change them and give "
                                "someone away. After closing, the round takes no more answers, "
                                "survey files or tallies; once its figures have been shared, late "
                                "answers go into a new round."),
                              _("_Close Round"), FALSE, on_close_confirmed, data);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;
  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * sam_dialogs_message_new:
 * @widget: (nullable): a widget in the window the dialog belongs to
 *
 * Returns: (transfer none): a new dialog, not yet shown; it destroys itself once answered
 */
AdwMessageDialog *
sam_dialogs_message_new (GtkWidget  *widget,
                         const char *heading,
                         const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (widget), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

/* Files */

static void
add_filters (GtkFileChooser *chooser,
             SamFileKind     kind)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  switch (kind)
    {
    case SAM_FILES_ANY:
      return;
    case SAM_FILES_CSV:
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Spreadsheet Files (CSV)"));
      gtk_file_filter_add_pattern (filter, "*.csv");
      gtk_file_filter_add_pattern (filter, "*.CSV");
      gtk_file_filter_add_pattern (filter, "*.tsv");
      gtk_file_filter_add_pattern (filter, "*.txt");
      gtk_file_filter_add_mime_type (filter, "text/csv");
      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      break;
    case SAM_FILES_PDF:
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;
    case SAM_FILES_JSON:
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Cluster Files (JSON)"));
      gtk_file_filter_add_pattern (filter, "*.json");
      gtk_file_filter_add_mime_type (filter, "application/json");
      break;
    default:
      g_return_if_reached ();
    }
  gtk_file_chooser_add_filter (chooser, filter);
  if (all != NULL)
    gtk_file_chooser_add_filter (chooser, all);
}

typedef struct
{
  SamFileFunc  file_func;
  SamFilesFunc files_func;
  gpointer     user_data;
} ChooserData;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ChooserData     *data)
{
  gboolean accepted = response == GTK_RESPONSE_ACCEPT;

  if (data->files_func != NULL)
    {
      g_autoptr(GListModel) files = NULL;

      if (accepted)
        files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      data->files_func (files, data->user_data);
    }
  else
    {
      g_autoptr(GFile) file = NULL;

      if (accepted)
        file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      data->file_func (file, data->user_data);
    }
  g_free (data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose (GtkWidget            *widget,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept_label,
        const char           *suggested_name,
        SamFileKind           kind,
        SamFileFunc           file_func,
        SamFilesFunc          files_func,
        gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  data->file_func = file_func;
  data->files_func = files_func;
  data->user_data = user_data;
  chooser = gtk_file_chooser_native_new (title, window_of (widget), action, accept_label,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), files_func != NULL);
  add_filters (GTK_FILE_CHOOSER (chooser), kind);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * sam_dialogs_save_file:
 * @accept_label: (nullable): the button's label; "_Save" when %NULL
 * @suggested_name: (nullable): the file name offered
 */
void
sam_dialogs_save_file (GtkWidget   *widget,
                       const char  *title,
                       const char  *accept_label,
                       const char  *suggested_name,
                       SamFileKind  kind,
                       SamFileFunc  func,
                       gpointer     user_data)
{
  g_return_if_fail (func != NULL);

  choose (widget, title, GTK_FILE_CHOOSER_ACTION_SAVE,
          accept_label != NULL ? accept_label : _("_Save"), suggested_name, kind,
          func, NULL, user_data);
}

void
sam_dialogs_open_file (GtkWidget   *widget,
                       const char  *title,
                       SamFileKind  kind,
                       SamFileFunc  func,
                       gpointer     user_data)
{
  g_return_if_fail (func != NULL);

  choose (widget, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, kind,
          func, NULL, user_data);
}

void
sam_dialogs_open_files (GtkWidget    *widget,
                        const char   *title,
                        SamFileKind   kind,
                        SamFilesFunc  func,
                        gpointer      user_data)
{
  g_return_if_fail (func != NULL);

  choose (widget, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, kind,
          NULL, func, user_data);
}

typedef struct
{
  GtkWidget      *widget;
  SamWriteFunc    write;
  gpointer        user_data;
  GDestroyNotify  destroy;
} SaveData;

static void
on_save_chosen (GFile    *file,
                gpointer  user_data)
{
  SaveData *data = user_data;

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !data->write (data->user_data, path, &error))
        sam_dialogs_alert (window_of (data->widget), _("The File Was Not Saved"),
                           error ? error->message : _("Choose a file on this computer."));
      else
        {
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

          sam_dialogs_toast (data->widget, title);
        }
    }
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_object_unref (data->widget);
  g_free (data);
}

/**
 * sam_dialogs_save_and_tell:
 * @suggested_name: (nullable): the file name offered
 * @destroy: (nullable): frees @user_data
 */
void
sam_dialogs_save_and_tell (GtkWidget      *widget,
                           const char     *title,
                           const char     *suggested_name,
                           SamFileKind     kind,
                           SamWriteFunc    write,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  SaveData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (write != NULL);

  data = g_new0 (SaveData, 1);
  data->widget = g_object_ref (widget);
  data->write = write;
  data->user_data = user_data;
  data->destroy = destroy;
  sam_dialogs_save_file (widget, title, NULL, suggested_name, kind, on_save_chosen, data);
}

/**
 * sam_dialogs_print_to_file:
 * @operation: (transfer full): the pages
 *
 * Prints @operation's pages to a PDF file at @path, as the print dialog's "Print to File"
 * would.
 */
gboolean
sam_dialogs_print_to_file (GtkPrintOperation  *operation,
                           const char         *path,
                           GError            **error)
{
  g_autoptr(GtkPrintOperation) owned = operation;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Printing */

void
sam_dialogs_print (GtkWidget         *widget,
                   GtkPrintOperation *operation,
                   const char        *failure_format)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (failure_format != NULL);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               window_of (widget), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GString) body = g_string_new (failure_format);

      g_string_replace (body, "%s", error->message, 1);
      sam_dialogs_alert (window_of (widget), _("Printing Failed"), body->str);
    }
}

/* Toasts */

void
sam_dialogs_toast (GtkWidget  *widget,
                   const char *title)
{
  sam_dialogs_toast_full (widget, title, NULL, NULL, NULL, 0, FALSE);
}

/**
 * sam_dialogs_toast_full:
 * @button_label: (nullable): a button's label, with @action_name what it does
 * @action_target: (nullable): the action's target; a floating reference is taken
 * @timeout: seconds it stays; 0 for libadwaita's default
 */
void
sam_dialogs_toast_full (GtkWidget  *widget,
                        const char *title,
                        const char *button_label,
                        const char *action_name,
                        GVariant   *action_target,
                        guint       timeout,
                        gboolean    high_priority)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) target = action_target != NULL ? g_variant_ref_sink (action_target) : NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  g_variant_builder_add (&builder, "{sv}", "title", g_variant_new_string (title));
  if (button_label != NULL && action_name != NULL)
    {
      g_variant_builder_add (&builder, "{sv}", "button-label", g_variant_new_string (button_label));
      g_variant_builder_add (&builder, "{sv}", "action-name", g_variant_new_string (action_name));
      if (target != NULL)
        g_variant_builder_add (&builder, "{sv}", "action-target", g_variant_new_variant (target));
    }
  if (timeout > 0)
    g_variant_builder_add (&builder, "{sv}", "timeout", g_variant_new_uint32 (timeout));
  if (high_priority)
    g_variant_builder_add (&builder, "{sv}", "high-priority", g_variant_new_boolean (TRUE));
  if (!gtk_widget_activate_action_variant (widget, "win.toast", g_variant_builder_end (&builder)))
    g_debug ("No window to show “%s” in", title);
}

typedef struct
{
  GWeakRef  widget;
  char     *action_name;
  GVariant *action_target;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->widget);
  g_free (undo->action_name);
  g_clear_pointer (&undo->action_target, g_variant_unref);
  g_free (undo);
}

static void
on_undo_activate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GHashTable *undos = user_data;
  guint serial = g_variant_get_uint32 (parameter);
  Undo *undo = g_hash_table_lookup (undos, GUINT_TO_POINTER (serial));
  g_autoptr(GtkWidget) widget = undo != NULL ? g_weak_ref_get (&undo->widget) : NULL;

  if (widget != NULL)
    gtk_widget_activate_action_variant (widget, undo->action_name, undo->action_target);
  g_hash_table_remove (undos, GUINT_TO_POINTER (serial));
}

guint
sam_dialogs_toast_undo (GtkWidget  *widget,
                        const char *title,
                        const char *action_name,
                        GVariant   *action_target)
{
  static GQuark undos_quark;
  static guint serial;
  g_autoptr(GVariant) target = action_target != NULL ? g_variant_ref_sink (action_target) : NULL;
  GtkWindow *window = window_of (widget);
  GHashTable *undos;
  Undo *undo;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);
  g_return_val_if_fail (action_name != NULL, 0);

  if (window == NULL)
    return 0;
  if (undos_quark == 0)
    undos_quark = g_quark_from_static_string ("sam-dialogs-undos");
  /* One toast.undo action a window, holding each toast's undo by its number. */
  undos = g_object_get_qdata (G_OBJECT (window), undos_quark);
  if (undos == NULL)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GSimpleAction) action = g_simple_action_new ("undo", G_VARIANT_TYPE_UINT32);

      undos = g_hash_table_new_full (NULL, NULL, NULL, undo_free);
      g_object_set_qdata_full (G_OBJECT (window), undos_quark, undos,
                               (GDestroyNotify) g_hash_table_unref);
      g_signal_connect (action, "activate", G_CALLBACK (on_undo_activate), undos);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      gtk_widget_insert_action_group (GTK_WIDGET (window), "toast", G_ACTION_GROUP (group));
    }
  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->widget, widget);
  undo->action_name = g_strdup (action_name);
  undo->action_target = target != NULL ? g_variant_ref (target) : NULL;
  g_hash_table_insert (undos, GUINT_TO_POINTER (++serial), undo);
  sam_dialogs_toast_full (widget, title, _("_Undo"), "toast.undo", g_variant_new_uint32 (serial),
                          0, TRUE);
  return serial;
}

/* Returns: (transfer full): the toast @parameter describes */
AdwToast *
sam_dialogs_toast_from_variant (GVariant *parameter)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (parameter);
  g_autoptr(GVariant) target = NULL;
  const char *title = "", *label = NULL, *action = NULL;
  gboolean high = FALSE;
  guint32 timeout = 0;
  AdwToast *toast;

  g_variant_dict_lookup (dict, "title", "&s", &title);
  g_variant_dict_lookup (dict, "button-label", "&s", &label);
  g_variant_dict_lookup (dict, "action-name", "&s", &action);
  g_variant_dict_lookup (dict, "action-target", "v", &target);
  g_variant_dict_lookup (dict, "timeout", "u", &timeout);
  g_variant_dict_lookup (dict, "high-priority", "b", &high);

  toast = adw_toast_new (title);
  if (label != NULL && action != NULL)
    {
      adw_toast_set_button_label (toast, label);
      adw_toast_set_action_name (toast, action);
      if (target != NULL)
        adw_toast_set_action_target_value (toast, target);
    }
  if (timeout > 0)
    adw_toast_set_timeout (toast, timeout);
  if (high)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}
