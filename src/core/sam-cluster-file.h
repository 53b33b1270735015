/* sam-cluster-file.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-figures.h"
#include "sam-round-figures.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* The files that go between a clinic and its cluster's coordinator, as JSON (json-glib):
 *
 *  - a clinic's tallies for one round, for the coordinator: counts per item and answer
 *    code, and per index the respondents and the sum of their domain scores. Never
 *    individual answers.
 *  - the cluster's figures for one round, for every clinic: the cluster's, each clinic's
 *    and the national figures, with primary and secondary suppression applied by the
 *    coordinator (the figures module, the same as the results file).
 *
 * Each file has a format name, a format version and a SHA-256 checksum over its content, so
 * a damaged or edited file is refused with a clear message and nothing stored, and the same
 * file imported again is recognised. */

#define SAM_CLUSTER_FILE_ERROR (sam_cluster_file_error_quark ())

typedef enum
{
  SAM_CLUSTER_FILE_ERROR_INVALID,    /* not JSON, not our format, or a field that does not fit */
  SAM_CLUSTER_FILE_ERROR_VERSION,    /* a newer format version than this app reads */
  SAM_CLUSTER_FILE_ERROR_CHECKSUM,   /* damaged or edited */
  SAM_CLUSTER_FILE_ERROR_CONFLICT,   /* the clinic has answers of its own in that round */
  SAM_CLUSTER_FILE_ERROR_UNKNOWN,    /* a cluster or round this database does not know */
} SamClusterFileError;

typedef enum
{
  SAM_CLUSTER_FILE_TALLIES,
  SAM_CLUSTER_FILE_FIGURES,
} SamClusterFileKind;

typedef enum
{
  SAM_CLUSTER_FILE_ADDED,
  SAM_CLUSTER_FILE_ALREADY,          /* the same file was imported before: nothing changed */
} SamClusterFileResult;

typedef struct _SamClusterFile SamClusterFile;

GQuark              sam_cluster_file_error_quark     (void);

/* Writing */
gboolean            sam_cluster_file_write_tallies   (SamStore        *store,
                                                      gint64           round_id,
                                                      gint64           clinic_id,
                                                      GString         *out,
                                                      GError         **error);
gboolean            sam_cluster_file_write_figures   (SamStore        *store,
                                                      gint64           round_id,
                                                      const SamFiguresPolicy *policy,
                                                      GString         *out,
                                                      GError         **error);
guint               sam_cluster_file_count_respondents (SamStore      *store,
                                                      gint64           round_id,
                                                      gint64           clinic_id);

/* Reading: parse and check a file without a database (what the fuzzer exercises)... */
SamClusterFile     *sam_cluster_file_parse           (const char      *name,
                                                      GBytes          *bytes,
                                                      GError         **error);
void                sam_cluster_file_free            (SamClusterFile  *self);
SamClusterFileKind  sam_cluster_file_get_kind        (SamClusterFile  *self);
const char         *sam_cluster_file_get_round       (SamClusterFile  *self);
const char         *sam_cluster_file_get_cluster     (SamClusterFile  *self);
const char         *sam_cluster_file_get_clinic      (SamClusterFile  *self);
guint               sam_cluster_file_get_n_respondents (SamClusterFile *self);

/* ...then store it, as one change. */
gboolean            sam_cluster_file_import          (SamClusterFile  *self,
                                                      SamStore        *store,
                                                      const char      *accept_cluster,
                                                      const char      *accept_round,
                                                      SamClusterFileResult *result,
                                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamClusterFile, sam_cluster_file_free)

G_END_DECLS
