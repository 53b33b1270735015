/* sam-results-loader.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results-loader"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "sam-background.h"
#include "sam-cluster-file.h"
#include "sam-deck.h"
#include "sam-follow-up.h"
#include "sam-results-loader.h"

/* A page's own connection to the store's file, for the worker thread (the Results page's,
 * and Følg udviklingen's in the Plan): a SQLite connection is not shared between threads,
 * and in WAL mode a reader neither waits for the window's connection nor holds it up.
 * Opened by the first load and kept for the next ones, one load at a time; opened again
 * where the file was replaced (a restore). */
struct _SamResultsReader
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  char            *path;
  SamStore        *store;
  dev_t            device;
  ino_t            inode;
};

SamResultsReader *
sam_results_reader_new (const char *path)
{
  SamResultsReader *reader = g_new0 (SamResultsReader, 1);

  g_atomic_ref_count_init (&reader->ref_count);
  g_mutex_init (&reader->lock);
  reader->path = g_strdup (path);
  return reader;
}

SamResultsReader *
sam_results_reader_ref (SamResultsReader *reader)
{
  g_atomic_ref_count_inc (&reader->ref_count);
  return reader;
}

void
sam_results_reader_unref (SamResultsReader *reader)
{
  if (!g_atomic_ref_count_dec (&reader->ref_count))
    return;
  g_clear_object (&reader->store);
  g_mutex_clear (&reader->lock);
  g_free (reader->path);
  g_free (reader);
}

/* With the lock held. */
static SamStore *
reader_get_store (SamResultsReader  *reader,
                  GError           **error)
{
  GStatBuf buf;

  if (g_stat (reader->path, &buf) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", reader->path,
                   g_strerror (saved));
      return NULL;
    }
  if (reader->store != NULL && (buf.st_dev != reader->device || buf.st_ino != reader->inode))
    g_clear_object (&reader->store);
  if (reader->store == NULL)
    {
      reader->store = sam_store_new (reader->path, error);
      reader->device = buf.st_dev;
      reader->inode = buf.st_ino;
    }
  return reader->store;
}

typedef struct _Load Load;

/* In the worker thread, on the reader's connection: the result, or %NULL with @error set. */
typedef gpointer (*LoadFunc) (SamStore      *store,
                              const Load    *load,
                              GCancellable  *cancellable,
                              GError       **error);

/* One load: what was chosen. */
struct _Load
{
  SamResultsReader *reader;
  LoadFunc          func;
  GDestroyNotify    free_result;
  gint64            round_id;
  SamFiguresPolicy  policy;
  gint64            clinic_id;        /* a follow-up's: the clinic and its two rounds */
  gint64            before_round_id;
  gint64            cluster_id;       /* a meeting's: the cluster, or the clinic's */
  GFile            *file;             /* an export's, a cluster file's */
  gboolean          figures_file;     /* a cluster file: the figures, else the tallies */
  char             *path;             /* a deck's */
};

static void
load_free (gpointer data)
{
  Load *load = data;

  sam_results_reader_unref (load->reader);
  g_clear_object (&load->file);
  g_free (load->path);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  gpointer result = NULL;
  SamStore *store;
  GError *error = NULL;

  g_mutex_lock (&load->reader->lock);
  store = reader_get_store (load->reader, &error);
  if (store != NULL)
    result = load->func (store, load, cancellable, &error);
  g_mutex_unlock (&load->reader->lock);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, load->free_result);
}

static Load *
load_new (SamResultsReader *reader,
          LoadFunc          func,
          GDestroyNotify    free_result)
{
  Load *load = g_new0 (Load, 1);

  load->reader = sam_results_reader_ref (reader);
  load->func = func;
  load->free_result = free_result;
  return load;
}

/* Runs @load (taken) in a worker thread. The task has no source object: the caller tells
 * its loads apart by their cancellable. */
static void
run_load (Load                *load,
          gpointer             source_tag,
          const char          *name,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, load, load_free);
  sam_background_run (task, load_in_thread);
}

static gpointer
load_history (SamStore      *store,
              const Load    *load,
              GCancellable  *cancellable,
              GError       **error)
{
  return sam_round_history_load (store, load->round_id, &load->policy, cancellable, error);
}

/**
 * sam_results_reader_load_async:
 *
 * Loads the round's figures and those of the rounds before it, in a worker thread; in the
 * own clinic's view where @own_clinic_id is not 0.
 */
void
sam_results_reader_load_async (SamResultsReader    *reader,
                               gint64               round_id,
                               gint64               own_clinic_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Load *load = load_new (reader, load_history, (GDestroyNotify) sam_round_history_free);

  load->round_id = round_id;
  /* Each round at its own k, from the one pipeline every view and file reads. */
  load->policy.own_clinic_id = own_clinic_id;
  run_load (load, sam_results_reader_load_async, "[samarbejde] results", cancellable, callback,
            user_data);
}

/* Returns: (transfer full) (nullable): the figures, or %NULL with @error set */
SamRoundHistory *
sam_results_reader_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
load_follow_up (SamStore      *store,
                const Load    *load,
                GCancellable  *cancellable,
                GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return sam_follow_up_load (store, load->clinic_id, load->before_round_id, load->round_id,
                             &load->policy, error);
}

/**
 * sam_results_reader_follow_up_async:
 *
 * Loads the clinic's two rounds side by side with its plan (sam_follow_up_load()), in a
 * worker thread.
 */
void
sam_results_reader_follow_up_async (SamResultsReader       *reader,
                                    gint64                  clinic_id,
                                    gint64                  before_round_id,
                                    gint64                  after_round_id,
                                    const SamFiguresPolicy *policy,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  Load *load = load_new (reader, load_follow_up, (GDestroyNotify) sam_follow_up_free);

  load->clinic_id = clinic_id;
  load->before_round_id = before_round_id;
  load->round_id = after_round_id;
  if (policy != NULL)
    load->policy = *policy;
  run_load (load, sam_results_reader_follow_up_async, "[samarbejde] follow-up", cancellable,
            callback, user_data);
}

/* Returns: (transfer full) (nullable): the follow-up, or %NULL with @error set */
SamFollowUp *
sam_results_reader_follow_up_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
load_newest (SamStore      *store,
             const Load    *load,
             GCancellable  *cancellable,
             GError       **error)
{
  SamRoundFigures *figures;
  GError *local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  figures = sam_round_figures_load_newest (store, load->cluster_id, load->clinic_id,
                                           &local_error);
  if (figures == NULL && local_error == NULL)
    local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                       "The cluster has no round with figures");
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return figures;
}

/**
 * sam_results_reader_newest_async:
 *
 * Loads the figures of the newest round with figures of @cluster_id, or of @clinic_id's
 * cluster where @clinic_id is not 0, in that clinic's own view, in a worker thread.
 * Where the cluster has no such round it fails with %G_IO_ERROR_NOT_FOUND.
 */
void
sam_results_reader_newest_async (SamResultsReader    *reader,
                                 gint64               cluster_id,
                                 gint64               clinic_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Load *load = load_new (reader, load_newest, (GDestroyNotify) sam_round_figures_free);

  load->cluster_id = cluster_id;
  load->clinic_id = clinic_id;
  run_load (load, sam_results_reader_newest_async, "[samarbejde] newest round", cancellable,
            callback, user_data);
}

/* Returns: (transfer full) (nullable): the figures, or %NULL with @error set */
SamRoundFigures *
sam_results_reader_newest_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The results file of every closed round, written to the load's file: the rounds left
 * out (still open), or %NULL with @error set. */
static gpointer
load_export (SamStore      *store,
             const Load    *load,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) left_out = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* The closed rounds, each at the k it was first shared with. */
  if (!sam_results_write_csv (store, NULL, NULL, out, NULL, &left_out, error) ||
      !g_file_replace_contents (load->file, out->str, out->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
    return NULL;
  return left_out != NULL ? g_steal_pointer (&left_out) : g_ptr_array_new_with_free_func (g_free);
}

/**
 * sam_results_reader_export_async:
 *
 * Writes the results file of every closed round to @file, withholding figures from fewer
 * people than the round's minimum group size, in a worker thread (at national scale it
 * takes about half a second).
 */
void
sam_results_reader_export_async (SamResultsReader    *reader,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Load *load = load_new (reader, load_export, (GDestroyNotify) g_ptr_array_unref);

  load->file = g_object_ref (file);
  run_load (load, sam_results_reader_export_async, "[samarbejde] export", cancellable,
            callback, user_data);
}

/* Returns: (transfer full) (element-type utf8) (nullable): the names of the rounds left
 *   out because they are still open (perhaps none), or %NULL with @error set */
GPtrArray *
sam_results_reader_export_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The round's meeting deck, written to the load's path: its number of slides. */
static gpointer
load_deck (SamStore      *store,
           const Load    *load,
           GCancellable  *cancellable,
           GError       **error)
{
  guint n_pages = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !sam_deck_write_pdf (store, load->round_id, 0, load->path, &n_pages, error))
    return NULL;
  return g_memdup2 (&n_pages, sizeof n_pages);
}

/**
 * sam_results_reader_deck_async:
 *
 * Writes the round's meeting deck, in the cluster's view, as a PDF at @path, in a worker
 * thread (at national scale 138 slides take two thirds of a second).
 */
void
sam_results_reader_deck_async (SamResultsReader    *reader,
                               gint64               round_id,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Load *load = load_new (reader, load_deck, g_free);

  load->round_id = round_id;
  load->path = g_strdup (path);
  run_load (load, sam_results_reader_deck_async, "[samarbejde] deck", cancellable, callback,
            user_data);
}

/* Returns: the slides written, or 0 with @error set */
guint
sam_results_reader_deck_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autofree guint *n_pages = g_task_propagate_pointer (G_TASK (result), error);

  return n_pages != NULL ? *n_pages : 0;
}

/* A file between a clinic and its cluster, written to the load's file: the file. */
static gpointer
load_cluster_file (SamStore      *store,
                   const Load    *load,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* The cluster's view, at the round's own k: the one pattern everyone sees. */
  if (load->figures_file
      ? !sam_cluster_file_write_figures (store, load->round_id, NULL, out, error)
      : !sam_cluster_file_write_tallies (store, load->round_id, load->clinic_id, out, error))
    return NULL;
  if (!g_file_replace_contents (load->file, out->str, out->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
    return NULL;
  return g_object_ref (load->file);
}

/**
 * sam_results_reader_cluster_file_async:
 * @figures: the cluster's figures file (a coordinator's), else @clinic_id's tallies
 *
 * Writes a round's file between a clinic and its cluster to @file, in a worker thread.
 */
void
sam_results_reader_cluster_file_async (SamResultsReader    *reader,
                                       gboolean             figures,
                                       gint64               round_id,
                                       gint64               clinic_id,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Load *load = load_new (reader, load_cluster_file, g_object_unref);

  load->figures_file = figures;
  load->round_id = round_id;
  load->clinic_id = clinic_id;
  load->file = g_object_ref (file);
  run_load (load, sam_results_reader_cluster_file_async, "[samarbejde] cluster file", cancellable,
            callback, user_data);
}

gboolean
sam_results_reader_cluster_file_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(GFile) file = g_task_propagate_pointer (G_TASK (result), error);

  return file != NULL;
}
