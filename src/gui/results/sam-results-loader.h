/* sam-results-loader.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-follow-up.h"
#include "sam-round-figures.h"

G_BEGIN_DECLS

typedef struct _SamResultsReader SamResultsReader;

SamResultsReader *sam_results_reader_new              (const char             *path);
SamResultsReader *sam_results_reader_ref              (SamResultsReader       *reader);
void              sam_results_reader_unref            (SamResultsReader       *reader);

/* The round's figures with the rounds' before it, loaded in a worker thread. */
void              sam_results_reader_load_async       (SamResultsReader       *reader,
                                                       gint64                  round_id,
                                                       gint64                  own_clinic_id,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
SamRoundHistory  *sam_results_reader_load_finish      (GAsyncResult           *result,
                                                       GError                **error);

/* A clinic's two rounds side by side with its plan, loaded in a worker thread. */
void              sam_results_reader_follow_up_async  (SamResultsReader       *reader,
                                                       gint64                  clinic_id,
                                                       gint64                  before_round_id,
                                                       gint64                  after_round_id,
                                                       const SamFiguresPolicy *policy,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
SamFollowUp      *sam_results_reader_follow_up_finish (GAsyncResult           *result,
                                                       GError                **error);

/* The newest round's figures of a cluster (a meeting's), loaded in a worker thread. */
void              sam_results_reader_newest_async     (SamResultsReader       *reader,
                                                       gint64                  cluster_id,
                                                       gint64                  clinic_id,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
SamRoundFigures  *sam_results_reader_newest_finish    (GAsyncResult           *result,
                                                       GError                **error);

/* The results file of every closed round, written in a worker thread. */
void              sam_results_reader_export_async     (SamResultsReader       *reader,
                                                       GFile                  *file,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
GPtrArray        *sam_results_reader_export_finish    (GAsyncResult           *result,
                                                       GError                **error);

/* The round's meeting deck, written in a worker thread. */
void              sam_results_reader_deck_async       (SamResultsReader       *reader,
                                                       gint64                  round_id,
                                                       const char             *path,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
guint             sam_results_reader_deck_finish      (GAsyncResult           *result,
                                                       GError                **error);

/* A round's figures file or a clinic's tallies, written in a worker thread. */
void              sam_results_reader_cluster_file_async  (SamResultsReader    *reader,
                                                          gboolean             figures,
                                                          gint64               round_id,
                                                          gint64               clinic_id,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean          sam_results_reader_cluster_file_finish (GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
