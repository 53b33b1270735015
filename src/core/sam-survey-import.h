/* sam-survey-import.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* A survey CSV (formats contract, "Survey CSV (import)") read and checked in full before
 * anything is stored, so that a person can see what will be imported, or every error, and
 * then import it as one change, or take it back. */

#define SAM_SURVEY_IMPORT_ERROR (sam_survey_import_error_quark ())

typedef enum
{
  SAM_SURVEY_IMPORT_ERROR_INVALID,   /* the file has errors: see get_errors() */
  SAM_SURVEY_IMPORT_ERROR_CLUSTER,   /* no cluster named, and none to take */
  SAM_SURVEY_IMPORT_ERROR_NAME,      /* the cluster named would run as a formula */
} SamSurveyImportError;

typedef enum
{
  SAM_SURVEY_IMPORT_ADDED,
  SAM_SURVEY_IMPORT_ALREADY,         /* the same file was imported into its round before */
} SamSurveyImportResult;

/* The files the app itself writes, which a person may take for survey answers. */
typedef enum
{
  SAM_OWN_FILE_NONE,
  SAM_OWN_FILE_RESULTS,              /* the results CSV */
  SAM_OWN_FILE_TALLIES,              /* a clinic's tallies file */
  SAM_OWN_FILE_FIGURES,              /* a cluster's figures file */
} SamOwnFileKind;

typedef struct _SamSurveyImport SamSurveyImport;

GQuark            sam_survey_import_error_quark          (void);

SamSurveyImport  *sam_survey_import_parse                (const char       *name,
                                                          GBytes           *bytes,
                                                          const char       *default_round);
void              sam_survey_import_free                 (SamSurveyImport  *self);
SamOwnFileKind    sam_survey_import_recognise_own_file   (GBytes           *bytes);
SamOwnFileKind    sam_survey_import_get_own_file         (SamSurveyImport  *self);

const GPtrArray  *sam_survey_import_get_errors           (SamSurveyImport  *self);
guint             sam_survey_import_get_n_more_errors    (SamSurveyImport  *self);
const GPtrArray  *sam_survey_import_get_ignored_columns  (SamSurveyImport  *self);
const GPtrArray  *sam_survey_import_get_clinics          (SamSurveyImport  *self);
const GPtrArray  *sam_survey_import_get_rounds           (SamSurveyImport  *self);
guint             sam_survey_import_get_n_respondents    (SamSurveyImport  *self,
                                                          SamRole           role);
guint             sam_survey_import_get_n_answers        (SamSurveyImport  *self);
guint             sam_survey_import_get_n_without_round  (SamSurveyImport  *self);
const char       *sam_survey_import_get_encoding         (SamSurveyImport  *self);
char              sam_survey_import_get_delimiter        (SamSurveyImport  *self);

void              sam_survey_import_forget_check         (SamSurveyImport  *self);
gboolean          sam_survey_import_check                (SamSurveyImport  *self,
                                                          SamStore         *store,
                                                          const char       *cluster,
                                                          GError          **error);
gboolean          sam_survey_import_commit               (SamSurveyImport  *self,
                                                          SamStore         *store,
                                                          const char       *cluster,
                                                          SamSurveyImportResult *result,
                                                          GError          **error);
gboolean          sam_survey_import_undo                 (SamSurveyImport  *self,
                                                          SamStore         *store,
                                                          GError          **error);
char             *sam_survey_import_describe_errors      (SamSurveyImport  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamSurveyImport, sam_survey_import_free)

G_END_DECLS
