/* sam-dialogs.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* Every dialog kind goes through here, so a move to newer libadwaita touches one file. */

typedef void (*SamConfirmFunc) (gboolean confirmed,
                                gpointer user_data);

GtkWindow *sam_dialogs_confirm (GtkWindow      *parent,
                                const char     *heading,
                                const char     *body,
                                const char     *confirm_label,
                                gboolean        destructive,
                                SamConfirmFunc  callback,
                                gpointer        user_data);
GtkWindow *sam_dialogs_alert   (GtkWindow      *parent,
                                const char     *heading,
                                const char     *body);

typedef void (*SamRoundClosedFunc) (gboolean  closed,
                                    gint64    round_id,
                                    gpointer  user_data);

GtkWindow *sam_dialogs_ask_close_round (GtkWindow          *parent,
                                        SamStore           *store,
                                        gint64              round_id,
                                        SamRoundClosedFunc  func,
                                        gpointer            user_data);

/* A dialog of the house's kind for a question of its own (extra child, more responses),
 * transient for the window holding @widget and modal. */
AdwMessageDialog *sam_dialogs_message_new (GtkWidget  *widget,
                                           const char *heading,
                                           const char *body);

/* Files: the platform's chooser, modal on the window holding @widget. The callback runs
 * once: with the chosen file, or with %NULL when the person cancelled, so it can free
 * @user_data either way. */
typedef enum
{
  SAM_FILES_ANY,
  SAM_FILES_CSV,   /* spreadsheet files, then all files */
  SAM_FILES_PDF,
  SAM_FILES_JSON,
} SamFileKind;

typedef void (*SamFileFunc)  (GFile      *file,
                              gpointer    user_data);
typedef void (*SamFilesFunc) (GListModel *files,
                              gpointer    user_data);

void sam_dialogs_save_file  (GtkWidget    *widget,
                             const char   *title,
                             const char   *accept_label,
                             const char   *suggested_name,
                             SamFileKind   kind,
                             SamFileFunc   func,
                             gpointer      user_data);
void sam_dialogs_open_file  (GtkWidget    *widget,
                             const char   *title,
                             SamFileKind   kind,
                             SamFileFunc   func,
                             gpointer      user_data);
void sam_dialogs_open_files (GtkWidget    *widget,
                             const char   *title,
                             SamFileKind   kind,
                             SamFilesFunc  func,
                             gpointer      user_data);

/* Saves to a file the person chooses: @write writes it at @path, and the saving is said in a
 * toast, or why it failed in a dialog. @destroy frees @user_data once it is over. The object
 * first, so that a method such as sam_plan_page_write_pdf () serves as it is. */
typedef gboolean (*SamWriteFunc) (gpointer     user_data,
                                  const char  *path,
                                  GError     **error);

void sam_dialogs_save_and_tell (GtkWidget      *widget,
                                const char     *title,
                                const char     *suggested_name,
                                SamFileKind     kind,
                                SamWriteFunc    write,
                                gpointer        user_data,
                                GDestroyNotify  destroy);

/* Printing: runs @operation with the print dialog, modal on the window holding @widget; a
 * failure is said in a dialog whose body is @failure_format with the error for its "%s". */
void sam_dialogs_print (GtkWidget         *widget,
                        GtkPrintOperation *operation,
                        const char        *failure_format);
/* ... or to a PDF file at @path without a dialog, as its "Print to File" would. */
gboolean sam_dialogs_print_to_file (GtkPrintOperation  *operation,
                                    const char         *path,
                                    GError            **error);

/* Toasts: every one goes to the window's one overlay through its win.toast action, from
 * any widget inside the window. */
void sam_dialogs_toast      (GtkWidget    *widget,
                             const char   *title);
void sam_dialogs_toast_full (GtkWidget    *widget,
                             const char   *title,
                             const char   *button_label,
                             const char   *action_name,
                             GVariant     *action_target,
                             guint         timeout,
                             gboolean      high_priority);

/* A toast whose Undo runs @action_name (with @action_target) on @widget, though the toast
 * sits in the window's overlay, above the widget, where the widget's own actions cannot be
 * seen: the window gets a toast.undo action that finds the widget again, if it still
 * exists. Each toast's Undo runs its own action, even after a later one. Returns the
 * number toast.undo takes for it, 0 without a window. */
guint sam_dialogs_toast_undo (GtkWidget  *widget,
                              const char *title,
                              const char *action_name,
                              GVariant   *action_target);

/* Builds the toast a win.toast parameter describes (a{sv}: title, button-label,
 * action-name, action-target, timeout, high-priority); for the window's action. */
AdwToast *sam_dialogs_toast_from_variant (GVariant *parameter);

G_END_DECLS
