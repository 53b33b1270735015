/* test-window-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-import-dialog.h"
#include "sam-import-dialog-private.h"
#include "sam-window.h"
#include "test-gui-common.h"

/* The window's steps that run in a worker, taken as a person takes them and waited for. */

/* A GAsyncReadyCallback that keeps the result where @user_data points. */
static inline void
test_on_result (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline gboolean
test_is_set (gpointer pointer)
{
  return *(gpointer *) pointer != NULL;
}

/* Exports as the Export button does: in a worker, the action off until it is done. */
static inline GPtrArray *
test_export_results (SamWindow  *window,
                     GFile      *file,
                     GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-results"));
  sam_window_export_results (window, file, test_on_result, &result);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-results"));
  test_spin_until (test_is_set, &result);
  g_assert_nonnull (result);
  return sam_window_export_results_finish (window, result, error);
}

static inline gboolean
test_import_dialog_read (gpointer dialog)
{
  return !sam_import_dialog_is_reading (dialog);
}

/* An import dialog, once its worker has read the file; until then it says it is reading
 * it and offers no Import. */
static inline SamImportDialog *
test_wait_for_reading (GtkWindow *dialog)
{
  g_assert_true (SAM_IS_IMPORT_DIALOG (dialog));
  g_assert_true (sam_import_dialog_is_reading (SAM_IMPORT_DIALOG (dialog)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  test_spin_until (test_import_dialog_read, dialog);
  g_assert_false (sam_import_dialog_is_reading (SAM_IMPORT_DIALOG (dialog)));
  test_spin (10);
  return SAM_IMPORT_DIALOG (dialog);
}

/* Writes a file between a clinic and its cluster as Save does, in a worker, and waits. */
static inline gboolean
test_write_cluster_file (SamWindow  *window,
                         gboolean    figures,
                         gint64      round_id,
                         GFile      *file,
                         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sam_window_write_cluster_file (window, figures, round_id, file, test_on_result, &result);
  test_spin_until (test_is_set, &result);
  g_assert_nonnull (result);
  return sam_window_write_cluster_file_finish (window, result, error);
}
