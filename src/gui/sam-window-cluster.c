/* sam-window-cluster.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-window-cluster"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-cluster-file.h"
#include "sam-results-loader.h"
#include "sam-dialogs.h"
#include "sam-window-private.h"

/* The files between a clinic and its coordinator: the clinic's tallies go to the
 * coordinator; the cluster's figures, small groups withheld, come back to every clinic. */

typedef struct
{
  SamWindow *window;
  gint64     round_id;
  gboolean   figures;    /* the cluster's figures, else the clinic's tallies */
  GFile     *file;       /* chosen, being written */
} RoundFile;

static void
round_file_free (RoundFile *data)
{
  g_object_unref (data->window);
  g_clear_object (&data->file);
  g_free (data);
}

static SamRound *
find_round (SamWindow *self,
            gint64     round_id,
            GPtrArray *rounds)
{
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    if (((SamRound *) g_ptr_array_index (rounds, i))->id == round_id)
      return g_ptr_array_index (rounds, i);
  return NULL;
}

static char *
file_name_for (const char *kind,
               const char *unit,
               const char *round)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.json", kind, unit, round);

  /* Spaces and slashes make poor file names. */
  return g_strdelimit (name, " /\\:", '-');
}

/* Writing */

/**
 * sam_window_write_cluster_file:
 * @figures: the cluster's figures file (a coordinator's), else this clinic's tallies
 *
 * Writes a round's file for the cluster in a worker thread; finish with
 * sam_window_write_cluster_file_finish().
 */
void
sam_window_write_cluster_file (SamWindow           *self,
                               gboolean             figures,
                               gint64               round_id,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SamResultsReader *reader;
  SamStore *store;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (self->context != NULL);

  store = sam_context_get_store (self->context);
  /* Its own connection to the file, for the worker (a national round's figures take a
   * tenth of a second and more). */
  reader = sam_results_reader_new (sam_store_get_path (store));
  sam_results_reader_cluster_file_async (reader, figures, round_id,
                                         sam_store_get_own_clinic (store), file, NULL, callback,
                                         user_data);
  sam_results_reader_unref (reader);
}

gboolean
sam_window_write_cluster_file_finish (SamWindow     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);

  return sam_results_reader_cluster_file_finish (result, error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RoundFile *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!sam_window_write_cluster_file_finish (data->window, result, &error))
    sam_dialogs_alert (GTK_WINDOW (data->window), _("The File Was Not Saved"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

      sam_dialogs_toast (GTK_WIDGET (data->window), title);
    }
  round_file_free (data);
}

static void
on_save_file (GFile    *file,
              gpointer  user_data)
{
  RoundFile *data = user_data;

  if (file == NULL)
    {
      round_file_free (data);
      return;
    }
  data->file = g_object_ref (file);
  sam_window_write_cluster_file (data->window, data->figures, data->round_id, file, on_saved,
                                 data);
}

static void
choose_save (SamWindow  *self,
             gboolean    figures,
             gint64      round_id,
             const char *suggested)
{
  RoundFile *data = g_new0 (RoundFile, 1);

  data->window = g_object_ref (self);
  data->round_id = round_id;
  data->figures = figures;
  sam_dialogs_save_file (GTK_WIDGET (self),
                         figures ? _("Save the Cluster’s Figures") : _("Save the Clinic’s Tallies"),
                         NULL, suggested, SAM_FILES_ANY, on_save_file, data);
}

static void
on_reveal_confirmed (gboolean confirmed,
                     gpointer user_data)
{
  RoundFile *data = user_data;

  if (confirmed)
    {
      SamStore *store = sam_context_get_store (data->window->context);
      g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
      g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);
      SamRound *round = find_round (data->window, data->round_id, rounds);
      const char *code = "";
      g_autofree char *name = NULL;

      for (guint i = 0; clinics != NULL && i < clinics->len; i++)
        if (((SamClinic *) g_ptr_array_index (clinics, i))->id == sam_store_get_own_clinic (store))
          code = ((SamClinic *) g_ptr_array_index (clinics, i))->code;
      /* Translators: the start of a file name, as in "tallies-Klinik 3-Baseline 2026.json". */
      name = file_name_for (_("tallies"), code, round ? round->label : "");
      choose_save (data->window, FALSE, data->round_id, name);
    }
  g_object_unref (data->window);
  g_free (data);
}

/**
 * sam_window_ask_export_tallies:
 *
 * Says what the clinic's file shows its coordinator, in plain words, and asks first.
 *
 * Returns: (transfer none) (nullable): the question, or %NULL where there is nothing to send
 */
GtkWindow *
sam_window_ask_export_tallies (SamWindow *self,
                               gint64     round_id)
{
  SamStore *store;
  gint64 clinic;
  guint n;
  int k;
  g_autofree char *body = NULL;
  RoundFile *data;

  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  store = sam_context_get_store (self->context);
  clinic = sam_store_get_own_clinic (store);
  if (clinic == 0)
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("Which Clinic Is This?"),
                         _("Choose the clinic this computer belongs to in Preferences first."));
      return NULL;
    }
  n = sam_cluster_file_count_respondents (store, round_id, clinic);
  if (n == 0)
    {
      sam_dialogs_alert (GTK_WINDOW (self), _("Nothing to Send"),
                         _("Nobody from this clinic has answered in this round yet."));
      return NULL;
    }

  k = sam_store_get_min_group_size (store);
  if ((int) n < k)
    body = g_strdup_printf (ngettext ("The file holds how often each answer was given, never who "
                                      "gave it. But only %u person from the clinic has answered, "
                                      "so the coordinator can see that person’s answers in it.",
                                      "The file holds how often each answer was given, never who "
                                      "gave it. But only %u people from the clinic have answered, "
                                      "fewer than %d, so the coordinator can work out each "
                                      "person’s answers from it.",
                                      n),
                            n, k);
  else
    body = g_strdup_printf (ngettext ("The file holds how often each answer was given by the %u "
                                      "person who answered, never who gave it.",
                                      "The file holds how often each answer was given by the %u "
                                      "people who answered, never who gave which answer.",
                                      n),
                            n);

  data = g_new0 (RoundFile, 1);
  data->window = g_object_ref (self);
  data->round_id = round_id;
  return sam_dialogs_confirm (GTK_WINDOW (self),
                              _("Send the Clinic’s Answers to the Coordinator?"), body,
                              _("_Save File…"), (int) n < k, on_reveal_confirmed, data);
}

static void
export_tallies_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  sam_window_ask_export_tallies (user_data, g_variant_get_int64 (parameter));
}

static void
save_figures (SamWindow *self,
              gint64     round_id)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (sam_context_get_store (self->context), NULL);
  SamRound *round = find_round (self, round_id, rounds);
  /* Translators: the start of a file name, as in "figures-Klynge Syd-Baseline 2026.json". */
  g_autofree char *name =
    file_name_for (_("figures"), round ? round->cluster_name : "", round ? round->label : "");

  choose_save (self, TRUE, round_id, name);
}

static void
on_close_for_figures (gboolean  closed,
                      gint64    round_id,
                      gpointer  user_data)
{
  if (closed)
    save_figures (user_data, round_id);
}

static void
export_figures_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SamWindow *self = user_data;
  gint64 round_id = g_variant_get_int64 (parameter);

  /* A round's figures are shared once, when it is closed: an open one is offered closing. */
  sam_window_ask_close_round (self, round_id, on_close_for_figures, self);
}

/* Reading */

/**
 * sam_window_import_cluster_file:
 *
 * Imports a clinic's tallies (on a coordinator's computer) or the cluster's figures (on a
 * clinic's), whichever the file is.
 */
gboolean
sam_window_import_cluster_file (SamWindow             *self,
                                GFile                 *file,
                                gboolean               add_new,
                                SamClusterFileResult  *result,
                                GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamClusterFile) parsed = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  parsed = sam_cluster_file_parse (name, bytes, error);
  return parsed != NULL &&
         sam_cluster_file_import (parsed, sam_context_get_store (self->context),
                                  add_new ? sam_cluster_file_get_cluster (parsed) : NULL,
                                  add_new ? sam_cluster_file_get_round (parsed) : NULL,
                                  result, error);
}

static void
toast_imported (SamWindow *self,
                guint      added,
                guint      already)
{
  g_autofree char *title = NULL;

  if (added == 0 && already == 0)
    return;
  if (already == 0)
    title = g_strdup_printf (ngettext ("Imported %u file", "Imported %u files", added), added);
  else
    title = g_strdup_printf (ngettext ("Imported %u file; the others were there already",
                                       "Imported %u files; the others were there already", added),
                             added);
  sam_dialogs_toast (GTK_WIDGET (self), title);
}

typedef struct
{
  SamWindow *window;
  GFile     *file;
} NewFile;

static void
on_add_new_confirmed (gboolean confirmed,
                      gpointer user_data)
{
  NewFile *data = user_data;
  g_autoptr(GError) error = NULL;
  SamClusterFileResult result;

  if (confirmed)
    {
      if (!sam_window_import_cluster_file (data->window, data->file, TRUE, &result, &error))
        sam_dialogs_alert (GTK_WINDOW (data->window), _("The File Was Not Imported"),
                           error->message);
      else
        toast_imported (data->window, result == SAM_CLUSTER_FILE_ADDED,
                        result == SAM_CLUSTER_FILE_ALREADY);
    }
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

/* A file for a cluster or round this computer does not know: ask, naming them. */
static void
ask_add_new (SamWindow  *self,
             GFile      *file,
             const char *message)
{
  NewFile *data = g_new0 (NewFile, 1);
  g_autofree char *body =
    g_strdup_printf (_("%s\n\nTake the file in and add them to this computer?"), message);

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  sam_dialogs_confirm (GTK_WINDOW (self), _("A Cluster or Round Not Known Here"), body,
                       _("_Add and Import"), FALSE, on_add_new_confirmed, data);
}

static void
on_open_files (GListModel *files,
               gpointer    user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GString) problems = g_string_new (NULL);
  guint added = 0, already = 0;

  if (files != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autoptr(GError) error = NULL;
          SamClusterFileResult result;

          if (!sam_window_import_cluster_file (self, file, FALSE, &result, &error))
            {
              if (g_error_matches (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_UNKNOWN))
                ask_add_new (self, file, error->message);
              else
                g_string_append_printf (problems, "%s%s", problems->len ? "\n" : "",
                                        error->message);
            }
          else if (result == SAM_CLUSTER_FILE_ALREADY)
            already++;
          else
            added++;
        }

      if (problems->len > 0)
        sam_dialogs_alert (GTK_WINDOW (self), _("Some Files Were Not Imported"), problems->str);
      toast_imported (self, added, already);
    }
}

static void
import_cluster_files_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SamWindow *self = user_data;

  sam_dialogs_open_files (GTK_WIDGET (self), _("Import Files From the Cluster"), SAM_FILES_JSON,
                          on_open_files, g_object_ref (self));
}

static const GActionEntry cluster_actions[] = {
  { "export-tallies", export_tallies_action, "x" },
  { "export-figures", export_figures_action, "x" },
  { "import-cluster-files", import_cluster_files_action },
};

void
_sam_window_install_cluster_actions (SamWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), cluster_actions,
                                   G_N_ELEMENTS (cluster_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (cluster_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), cluster_actions[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->context != NULL);
    }
}
