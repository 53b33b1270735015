/* sam-store-rows.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-store.h"

G_BEGIN_DECLS

/*
 * What the core modules that keep rows of their own (figures, reference, cluster files,
 * results, the demo) ask the store for, as typed rows: the SQL stays in sam-store-*.c, so
 * that the schema has one reader and one writer. Not for the GUI.
 */

/* A figure as the files have it, its numbers kept as text so that they round-trip unchanged:
 * a row of the national reference (@round set) or of a coordinator's figures file (@scope and
 * @unit set). */
typedef struct
{
  char     *round;         /* reference: the round label */
  char     *scope;         /* figures file: "cluster", "clinic" or "national" */
  char     *unit;          /* figures file: the cluster's name or the clinic's code */
  char     *item;          /* an item or an index */
  gint64    n;
  char     *mean;
  char     *favourable;
  char     *distribution;
  gboolean  suppressed;
  gint64    clinic_id;     /* read from a figures file: the clinic of a "clinic" row, or 0 */
} SamStoreFigureRow;

void       _sam_store_figure_row_free          (gpointer            row);

/* The national reference (sam-store-figures.c) */
gboolean   _sam_store_add_reference_row        (SamStore           *store,
                                                const SamStoreFigureRow *row,
                                                GError            **error);
gboolean   _sam_store_replace_reference        (SamStore           *store,
                                                GPtrArray          *round_labels,
                                                GPtrArray          *rows,
                                                GError            **error);
GPtrArray *_sam_store_list_reference_rounds    (SamStore           *store,
                                                GError            **error);
GPtrArray *_sam_store_list_reference           (SamStore           *store,
                                                const char         *round_label,
                                                GError            **error);

/* The cluster's figures on a clinic's computer, as the coordinator's file had them */
gboolean   _sam_store_get_received_figures     (SamStore           *store,
                                                gint64              round_id,
                                                char              **filename,
                                                char              **imported,
                                                char              **sha256,
                                                GError            **error);
gboolean   _sam_store_set_received_figures     (SamStore           *store,
                                                gint64              round_id,
                                                int                 k,
                                                const char         *filename,
                                                const char         *sha256,
                                                const char         *imported,
                                                GError            **error);
GPtrArray *_sam_store_list_cluster_figures     (SamStore           *store,
                                                const char         *round_label,
                                                const char         *cluster,
                                                gint64              cluster_id,
                                                GError            **error);
gboolean   _sam_store_replace_cluster_figures  (SamStore           *store,
                                                const char         *round_label,
                                                const char         *cluster,
                                                GPtrArray          *rows,
                                                GError            **error);

/* A clinic's tallies: what its file sent, and what the coordinator received */
char      *_sam_store_get_sent_fingerprint     (SamStore           *store,
                                                gint64              round_id,
                                                gint64              clinic_id);
gboolean   _sam_store_set_sent_fingerprint     (SamStore           *store,
                                                gint64              round_id,
                                                gint64              clinic_id,
                                                const char         *fingerprint,
                                                const char         *sent,
                                                GError            **error);
gboolean   _sam_store_count_respondents        (SamStore           *store,
                                                gint64              round_id,
                                                gint64              clinic_id,
                                                gint64             *out,
                                                GError            **error);
gboolean   _sam_store_count_clinic_tallies     (SamStore           *store,
                                                gint64              round_id,
                                                gint64              clinic_id,
                                                gint64             *out,
                                                GError            **error);
gboolean   _sam_store_replace_clinic_tallies   (SamStore           *store,
                                                gint64              round_id,
                                                gint64              clinic_id,
                                                gint64              import_id,
                                                const char         *import_kind,
                                                const SamTallies   *tallies,
                                                GError            **error);

/* A round's answers and received tallies, read in one pass each: a national round has
 * hundreds of thousands of answers, so the rows are lent to @func one at a time. */
typedef struct
{
  gint64      respondent_id;
  gint64      clinic_id;
  const char *clinic_code;
  const char *role;
  const char *item;          /* %NULL for a respondent without answers */
  int         code;
} SamStoreAnswerRow;

typedef void (*SamStoreAnswerFunc) (const SamStoreAnswerRow *row,
                                    gpointer                 user_data);

typedef struct
{
  gint64      clinic_id;
  const char *clinic_code;
  const char *item;          /* an item or an index */
  int         counts[SAM_MAX_CODES + 1];   /* [1] to [SAM_MAX_CODES] */
  int         not_applicable;
  int         n;
  double      sum;
} SamStoreTallyRow;

typedef void (*SamStoreTallyFunc) (const SamStoreTallyRow *row,
                                   gpointer                user_data);

gboolean   _sam_store_get_round_names          (SamStore           *store,
                                                gint64              round_id,
                                                char              **round_label,
                                                char              **cluster_name,
                                                GError            **error);
gboolean   _sam_store_foreach_round_answer     (SamStore           *store,
                                                gint64              round_id,
                                                SamStoreAnswerFunc  func,
                                                gpointer            user_data,
                                                GError            **error);
gboolean   _sam_store_foreach_clinic_tally     (SamStore           *store,
                                                gint64              round_id,
                                                SamStoreTallyFunc   func,
                                                gpointer            user_data,
                                                GError            **error);

/* A survey file's respondents, written in bulk inside the import's transaction with
 * statements prepared once (sam-store-answers.c). @codes has %SAM_N_ITEMS codes, 0 where
 * there is no answer. */
typedef struct _SamStoreImportWriter SamStoreImportWriter;

SamStoreImportWriter *_sam_store_import_writer_new              (SamStore              *store,
                                                                 GError               **error);
void                  _sam_store_import_writer_free             (SamStoreImportWriter  *writer);
gboolean              _sam_store_import_writer_add_round_clinic (SamStoreImportWriter  *writer,
                                                                 gint64                 round_id,
                                                                 gint64                 clinic_id,
                                                                 GError               **error);
gboolean              _sam_store_import_writer_add_respondent   (SamStoreImportWriter  *writer,
                                                                 gint64                 round_id,
                                                                 gint64                 clinic_id,
                                                                 gint64                 import_id,
                                                                 SamRole                role,
                                                                 const char            *external_id,
                                                                 const int             *codes,
                                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStoreImportWriter, _sam_store_import_writer_free)

/* The demo (sam-store-settings.c): every table emptied, as part of the caller's transaction. */
gboolean   _sam_store_clear                    (SamStore           *store,
                                                GError            **error);

G_END_DECLS
