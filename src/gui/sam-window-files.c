/* sam-window-files.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-demo.h"
#include "sam-dialogs.h"
#include "sam-import-dialog.h"
#include "sam-names.h"
#include "sam-reference.h"
#include "sam-results.h"
#include "sam-results-loader.h"
#include "sam-window-private.h"

/* Files in and out of the window: survey answers, the results file, the national
 * reference. Each action asks for a file with the platform's file chooser. */

typedef void (*FileFunc) (SamWindow *self,
                          GFile     *file);

/* What to do with the file chosen, for the window. */
typedef struct
{
  SamWindow *window;
  FileFunc   func;
} Chosen;

static Chosen *
chosen_new (SamWindow *self,
            FileFunc   func)
{
  Chosen *chosen = g_new0 (Chosen, 1);

  chosen->window = g_object_ref (self);
  chosen->func = func;
  return chosen;
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  Chosen *chosen = user_data;

  if (file != NULL)
    chosen->func (chosen->window, file);
  g_object_unref (chosen->window);
  g_free (chosen);
}

static char *
display_name (GFile *file)
{
  return g_file_get_basename (file);
}

/* Survey answers */

static void
on_imported (SamImportDialog *dialog,
             SamSurveyImport *import,
             const char      *message,
             SamWindow       *self)
{
  g_autofree char *title = NULL;
  AdwToast *note;
  guint n = 0;

  if (import == NULL)
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The Answers Were Not Imported"), message);
      return;
    }
  if (g_strcmp0 (message, "already") == 0)
    {
      sam_dialogs_toast (GTK_WIDGET (self),
                         _("This file was imported into its round before; nothing was added"));
      return;
    }

  /* The dialog goes; the import stays with the window for its undo. */
  g_clear_pointer (&self->last_import, sam_survey_import_free);
  self->last_import = sam_import_dialog_steal_import (dialog);

  for (guint role = 0; role < SAM_N_ROLES; role++)
    n += sam_survey_import_get_n_respondents (import, role);
  title = g_strdup_printf (ngettext ("Imported the answers of %u respondent",
                                     "Imported the answers of %u respondents", n), n);
  note = adw_toast_new (title);
  adw_toast_set_button_label (note, _("_Undo"));
  adw_toast_set_action_name (note, "win.undo-import");
  adw_toast_set_timeout (note, 10);
  sam_window_add_toast (self, note);
}

/**
 * sam_window_open_survey:
 *
 * Reads a survey file and shows what it would add, or its errors.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL where the file cannot be read
 */
GtkWindow *
sam_window_open_survey (SamWindow *self,
                        GFile     *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (file);
  SamImportDialog *dialog;

  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->context == NULL)
    return NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The File Could Not Be Read"), error->message);
      return NULL;
    }

  dialog = sam_import_dialog_new (GTK_WINDOW (self), self->context, name, bytes);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
open_survey (SamWindow *self,
             GFile     *file)
{
  sam_window_open_survey (self, file);
}

static void
import_survey_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  sam_dialogs_open_file (GTK_WIDGET (user_data), _("Import Survey Answers"), SAM_FILES_CSV,
                         on_file_chosen, chosen_new (user_data, open_survey));
}

static void
undo_import_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SamWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->last_import == NULL || self->context == NULL)
    return;
  if (!sam_survey_import_undo (self->last_import, sam_context_get_store (self->context), &error))
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The Import Could Not Be Undone"), error->message);
      return;
    }
  g_clear_pointer (&self->last_import, sam_survey_import_free);
  sam_dialogs_toast (GTK_WIDGET (self), _("The import was undone"));
}

/* The results file */

/**
 * sam_window_export_results:
 *
 * Writes the results file of every closed round in a worker thread (half a second at
 * national scale), withholding figures from fewer people than the minimum group size;
 * finish with sam_window_export_results_finish(). The Export action is off meanwhile.
 */
void
sam_window_export_results (SamWindow           *self,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SamResultsReader *reader;
  GAction *action;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->context != NULL);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "export-results");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
  /* Its own connection to the file, for the worker. */
  reader = sam_results_reader_new (sam_store_get_path (sam_context_get_store (self->context)));
  sam_results_reader_export_async (reader, file, NULL, callback, user_data);
  sam_results_reader_unref (reader);
}

/* Returns: (transfer full) (nullable): the rounds left out as still open (perhaps none),
 *   or %NULL with @error set */
GPtrArray *
sam_window_export_results_finish (SamWindow     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  GAction *action;

  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "export-results");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->context != NULL);
  return sam_results_reader_export_finish (result, error);
}

typedef struct
{
  SamWindow *window;
  char      *name;
} Export;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(SamWindow) self = export->window;
  g_autofree char *name = export->name;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left_out = sam_window_export_results_finish (self, result, &error);
  g_autofree char *title = NULL;

  g_free (export);
  if (left_out == NULL)
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The Results Were Not Saved"), error->message);
      return;
    }
  if (left_out->len > 0)
    {
      g_autofree char *rounds = NULL;
      g_autofree char *body = NULL;

      rounds = sam_names_join (left_out);
      body =
        g_strdup_printf (_("Saved the closed rounds as “%s”. Left out, because they are still "
                           "open: %s. A round’s figures are shared once, when it is closed and no "
                           "more answers can change them."),
                         name, rounds);
      sam_dialogs_alert (GTK_WINDOW (self), _("Open Rounds Left Out"), body);
      return;
    }
  title = g_strdup_printf (_("Saved the results as “%s”"), name);
  sam_dialogs_toast (GTK_WIDGET (self), title);
}

static void
export_results (SamWindow *self,
                GFile     *file)
{
  Export *export = g_new0 (Export, 1);

  export->window = g_object_ref (self);
  export->name = display_name (file);
  sam_window_export_results (self, file, on_exported, export);
}

static void
export_results_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  /* Translators: the suggested name of the results file. */
  sam_dialogs_save_file (GTK_WIDGET (user_data), _("Export Results"), NULL, _("results.csv"),
                         SAM_FILES_CSV, on_file_chosen, chosen_new (user_data, export_results));
}

/* The national reference */

typedef struct
{
  SamWindow *window;
  GFile     *file;
} ReferenceFile;

static void on_replace_reference (gboolean confirmed,
                                  gpointer user_data);

/**
 * sam_window_import_reference:
 * @replaced: (out) (optional) (transfer full): where given, the import is kept only if it
 *   replaces no national figures there were before: otherwise nothing is kept, and this
 *   names the rounds it would replace (empty where it was kept)
 */
gboolean
sam_window_import_reference (SamWindow  *self,
                             GFile      *file,
                             guint      *n_rows,
                             GPtrArray **replaced,
                             GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) overlap = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = display_name (file);
  SamStore *store;

  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  store = sam_context_get_store (self->context);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL || (before = sam_reference_list_rounds (store, error)) == NULL ||
      !sam_store_begin (store, error))
    return FALSE;
  if (!sam_reference_import (store, name, bytes, n_rows, &rounds, error))
    {
      sam_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; replaced != NULL && i < rounds->len; i++)
    for (guint j = 0; j < before->len; j++)
      if (g_str_equal (g_ptr_array_index (rounds, i), g_ptr_array_index (before, j)))
        g_ptr_array_add (overlap, g_strdup (g_ptr_array_index (rounds, i)));
  /* Figures that would replace others are asked about first. */
  if (overlap->len > 0)
    sam_store_rollback (store);
  else if (!sam_store_commit (store, error))
    return FALSE;
  if (replaced != NULL)
    *replaced = g_steal_pointer (&overlap);
  return TRUE;
}

static void
import_reference_now (SamWindow *self,
                      GFile     *file,
                      gboolean   replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  g_autofree char *title = NULL;
  guint n_rows = 0;

  if (!sam_window_import_reference (self, file, &n_rows, replace ? NULL : &replaced, &error))
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The National Figures Were Not Imported"),
                         error->message);
      return;
    }
  if (replaced != NULL && replaced->len > 0)
    {
      ReferenceFile *data = g_new0 (ReferenceFile, 1);
      g_autofree char *rounds = NULL;
      g_autofree char *body = NULL;

      rounds = sam_names_join (replaced);
      body =
        g_strdup_printf (_("The database has national figures for %s already. Those in the file "
                           "take their place, and the ones there now are gone."),
                         rounds);
      data->window = g_object_ref (self);
      data->file = g_object_ref (file);
      sam_dialogs_confirm (GTK_WINDOW (self), _("Replace the National Figures?"), body,
                           _("_Replace"), TRUE, on_replace_reference, data);
      return;
    }
  title = g_strdup_printf (ngettext ("Imported %u national figure", "Imported %u national figures",
                                     n_rows),
                           n_rows);
  sam_dialogs_toast (GTK_WIDGET (self), title);
}

static void
on_replace_reference (gboolean confirmed,
                      gpointer user_data)
{
  ReferenceFile *data = user_data;

  if (confirmed)
    import_reference_now (data->window, data->file, TRUE);
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

static void
import_reference (SamWindow *self,
                  GFile     *file)
{
  import_reference_now (self, file, FALSE);
}

static void
import_reference_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  sam_dialogs_open_file (GTK_WIDGET (user_data), _("Import National Reference Figures"),
                         SAM_FILES_CSV, on_file_chosen, chosen_new (user_data, import_reference));
}

/* The demo again as it was first shown, after asking: it drops what a tester changed.
 * The window is made anew on the demo, so every section shows it from the start. */
static gboolean
reset_demo (gpointer user_data)
{
  SamWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  GApplication *app;
  GAction *open_demo;

  if (self->context == NULL)
    return G_SOURCE_REMOVE;
  if (!sam_demo_reset (sam_context_get_store (self->context), &error))
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("The Demo Was Not Reset"), error->message);
      return G_SOURCE_REMOVE;
    }
  /* The application's way into the demo opens a window on it and closes this one; it is
   * turned off while the demo is shown, and on again only for this. */
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  open_demo = app != NULL ? g_action_map_lookup_action (G_ACTION_MAP (app), "open-demo") : NULL;
  if (G_IS_SIMPLE_ACTION (open_demo))
    {
      g_simple_action_set_enabled (G_SIMPLE_ACTION (open_demo), TRUE);
      g_action_activate (open_demo, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* The window goes with the reset, so the reset waits until the question has gone. */
static void
reset_demo_confirmed (gboolean confirmed,
                      gpointer user_data)
{
  if (confirmed)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reset_demo, g_object_ref (user_data), g_object_unref);
  g_object_unref (user_data);
}

static void
reset_demo_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SamWindow *self = user_data;

  if (self->context == NULL || !sam_context_is_demo (self->context))
    return;
  sam_dialogs_confirm (GTK_WINDOW (self), _("Reset the Demo?"),
                       _("The demo data is made again as it was first shown. What was changed in "
                         "the demo (answers, rounds, meetings, plans and notes) is dropped. Your "
                         "own data is not touched."),
                       _("_Reset"), TRUE, reset_demo_confirmed, g_object_ref (self));
}

static const GActionEntry file_actions[] = {
  { "reset-demo", reset_demo_action },
  { "import-survey", import_survey_action },
  { "undo-import", undo_import_action },
  { "export-results", export_results_action },
  { "import-reference", import_reference_action },
};

void
_sam_window_install_file_actions (SamWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions, G_N_ELEMENTS (file_actions),
                                   self);

  /* Without a database there is nothing to import into or export from. */
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), file_actions[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->context != NULL);
    }
}
