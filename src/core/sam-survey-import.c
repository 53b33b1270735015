/* sam-survey-import.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-survey-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-csv.h"
#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-store-rows.h"
#include "sam-survey-import.h"

/* Enough to show a person what is wrong with a file without burying them. */
#define MAX_ERRORS 50

enum
{
  COLUMN_IGNORED = -1,
  COLUMN_CLINIC = -2,
  COLUMN_ROLE = -3,
  COLUMN_RESPONDENT = -4,
  COLUMN_ROUND = -5,
};

typedef struct
{
  guint    line;
  char    *clinic;
  SamRole  role;
  char    *respondent;
  char    *round;
  int      codes[SAM_N_ITEMS];
} Row;

struct _SamSurveyImport
{
  char       *name;
  char       *basename;
  char       *sha256;
  char       *encoding;
  char        delimiter;

  GPtrArray  *errors;
  guint       n_more_errors;
  gboolean    checked;           /* the file's own errors, counted before a check added any */
  guint       n_file_errors;
  guint       n_more_file_errors;
  GPtrArray  *ignored;
  GPtrArray  *clinics;
  GPtrArray  *rounds;
  GPtrArray  *rows;
  guint       n_by_role[SAM_N_ROLES];
  guint       n_answers;
  guint       n_without_round;
  SamOwnFileKind own_file;   /* one of the app's own files, not survey answers */

  /* What a commit made, for an undo. */
  GArray     *import_ids;
  GArray     *created_rounds;
  GArray     *created_clinics;
};

G_DEFINE_QUARK (sam-survey-import-error-quark, sam_survey_import_error)

/* The app's own files */

/* sam_survey_import_recognise_own_file() is in sam-survey-import-own.c. */

/* One error, in words, saying which import the file belongs to. */
static gboolean
refuse_own_file (SamSurveyImport *self,
                 GBytes          *bytes)
{
  self->own_file = sam_survey_import_recognise_own_file (bytes);
  switch (self->own_file)
    {
    case SAM_OWN_FILE_RESULTS:
      g_ptr_array_add (self->errors, g_strdup_printf (
        _("%s is a results file written by Samarbejde: it holds figures, not survey answers. "
          "Its national figures can be taken in with Import National Reference…; survey answers "
          "come as a survey tool’s CSV."), self->basename));
      return TRUE;
    case SAM_OWN_FILE_TALLIES:
      g_ptr_array_add (self->errors, g_strdup_printf (
        _("%s is a clinic’s tallies file for the cluster, not survey answers. The coordinator "
          "takes it in with Import Files From the Cluster…"), self->basename));
      return TRUE;
    case SAM_OWN_FILE_FIGURES:
      g_ptr_array_add (self->errors, g_strdup_printf (
        _("%s is the cluster’s figures file, not survey answers. A clinic takes it in with "
          "Import Files From the Cluster…"), self->basename));
      return TRUE;
    case SAM_OWN_FILE_NONE:
    default:
      return FALSE;
    }
}

/**
 * sam_survey_import_get_own_file:
 *
 * Returns: which of the app's own files was given instead of survey answers, or
 *   %SAM_OWN_FILE_NONE
 */
SamOwnFileKind
sam_survey_import_get_own_file (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, SAM_OWN_FILE_NONE);

  return self->own_file;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->clinic);
  g_free (row->respondent);
  g_free (row->round);
  g_free (row);
}

/* Errors read "file:line:column: message", like a compiler's, so a person can find the
 * place in a spreadsheet or an editor; values from the file stand in plain double quotes,
 * as the formats contract writes them. */
G_GNUC_PRINTF (4, 5)
static void
add_error (SamSurveyImport *self,
           guint            line,
           const char      *column,
           const char      *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->errors->len >= MAX_ERRORS)
    {
      self->n_more_errors++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line == 0)
    g_ptr_array_add (self->errors, g_strdup_printf ("%s: %s", self->name, message));
  else if (column == NULL)
    g_ptr_array_add (self->errors, g_strdup_printf ("%s:%u: %s", self->name, line, message));
  else
    g_ptr_array_add (self->errors,
                     g_strdup_printf ("%s:%u:%s: %s", self->name, line, column, message));
}

static void
add_unique (GPtrArray  *list,
            GHashTable *seen,
            const char *value)
{
  if (g_hash_table_add (seen, g_strdup (value)))
    g_ptr_array_add (list, g_strdup (value));
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A clinic or round a spreadsheet would run as a formula, checked as the file has it. */
static void
check_name (SamSurveyImport *self,
            guint            line,
            const char      *column,
            const char      *value)
{
  g_autofree char *message = sam_name_explain_unsafe (value, TRUE);

  if (message != NULL)
    add_error (self, line, column, "%s", message);
}

/* The header: which column is what. Returns FALSE where the file cannot be read on. */
static gboolean
read_header (SamSurveyImport  *self,
             SamCsvReader     *reader,
             GArray           *columns)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_clinic = FALSE, has_role = FALSE, has_item = FALSE;
  guint n = sam_csv_reader_get_n_fields (reader);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = trimmed (sam_csv_reader_get_field (reader, i));
      g_autofree char *folded = g_utf8_casefold (name, -1);
      const SamItem *item = sam_instrument_lookup_item (instrument, folded);
      int column = COLUMN_IGNORED;

      if (g_str_equal (folded, "clinic"))
        column = COLUMN_CLINIC, has_clinic = TRUE;
      else if (g_str_equal (folded, "role"))
        column = COLUMN_ROLE, has_role = TRUE;
      else if (g_str_equal (folded, "respondent"))
        column = COLUMN_RESPONDENT;
      else if (g_str_equal (folded, "round"))
        column = COLUMN_ROUND;
      else if (item != NULL)
        column = item->index, has_item = TRUE;

      if (column != COLUMN_IGNORED && !g_hash_table_add (seen, g_strdup (folded)))
        add_error (self, 1, folded, _("the column appears twice"));
      if (column == COLUMN_IGNORED)
        g_ptr_array_add (self->ignored,
                         *name != '\0' ? g_strdup (name) : g_strdup_printf (_("column %u"), i + 1));
      g_array_append_val (columns, column);
    }

  if (!has_clinic)
    add_error (self, 1, NULL, _("the header has no \"clinic\" column"));
  if (!has_role)
    add_error (self, 1, NULL, _("the header has no \"role\" column"));
  if (!has_item)
    add_error (self, 1, NULL, _("the header names none of the items q1 to q10d"));

  return self->errors->len == 0;
}

static void
read_row (SamSurveyImport *self,
          SamCsvReader    *reader,
          GArray          *columns,
          const char      *default_round,
          GHashTable      *respondents,
          GHashTable      *clinics_seen,
          GHashTable      *rounds_seen)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  guint n = sam_csv_reader_get_n_fields (reader);
  guint line = sam_csv_reader_get_line (reader);
  guint errors_before = self->errors->len + self->n_more_errors;
  g_autoptr(GString) key = NULL;
  gboolean has_role = FALSE, blank = TRUE;
  Row *row;

  for (guint i = 0; i < n && blank; i++)
    blank = is_blank (sam_csv_reader_get_field (reader, i));
  /* A row of empty fields is what spreadsheets leave below the data. */
  if (blank)
    return;

  if (n > columns->len)
    {
      g_autofree char *column = g_strdup_printf ("%u", columns->len + 1);

      add_error (self, sam_csv_reader_get_field_line (reader, columns->len), column,
                 _("the row has %u fields, but the header has %u"), n, columns->len);
      return;
    }

  row = g_new0 (Row, 1);
  row->line = line;

  /* The role first: it decides which items may be answered. */
  for (guint i = 0; i < n; i++)
    {
      const char *value = sam_csv_reader_get_field (reader, i);
      guint field_line = sam_csv_reader_get_field_line (reader, i);

      switch (g_array_index (columns, int, i))
        {
        case COLUMN_CLINIC:
          check_name (self, field_line, "clinic", value);
          row->clinic = trimmed (value);
          break;
        case COLUMN_ROLE:
          if (is_blank (value))
            add_error (self, field_line, "role", _("the role is missing"));
          else if (!sam_instrument_parse_role (instrument, value, &row->role))
            {
              g_autofree char *text = trimmed (value);

              add_error (self, field_line, "role",
                         _("\"%s\" is not a role (partner, solo or staff)"), text);
            }
          else
            has_role = TRUE;
          break;
        case COLUMN_RESPONDENT:
          if (!is_blank (value))
            row->respondent = trimmed (value);
          break;
        case COLUMN_ROUND:
          if (!is_blank (value))
            {
              check_name (self, field_line, "round", value);
              row->round = trimmed (value);
            }
          break;
        default:
          break;
        }
    }

  if (row->clinic == NULL || *row->clinic == '\0')
    add_error (self, line, "clinic", _("the clinic is missing"));
  /* A row without a round takes the import's; where none is given yet, that is an error
   * only when the file is checked or committed, so a preview can still show it. */
  if (row->round == NULL)
    {
      self->n_without_round++;
      row->round = g_strdup (default_round);
    }

  for (guint i = 0; i < n; i++)
    {
      int column = g_array_index (columns, int, i);
      const char *value = sam_csv_reader_get_field (reader, i);
      const SamItem *item;
      int code = 0;

      if (column < 0)
        continue;
      item = sam_instrument_get_item (instrument, column);
      if (!sam_instrument_parse_answer (instrument, item, value, &code))
        {
          g_autofree char *text = trimmed (value);

          add_error (self, sam_csv_reader_get_field_line (reader, i), item->id,
                     _("\"%s\" is not an answer to this item"), text);
        }
      else if (code != 0 && has_role && !sam_item_is_asked (item, row->role))
        {
          g_autofree char *text = trimmed (value);

          add_error (self, sam_csv_reader_get_field_line (reader, i), item->id,
                     _("the row answers \"%s\", but the item is not asked of the role \"%s\""),
                     text, sam_instrument_get_role_label (instrument, row->role));
        }
      else
        row->codes[column] = code;
    }

  if (row->respondent != NULL && row->round != NULL)
    {
      gpointer first;

      key = g_string_new (row->round);
      g_string_append_c (key, '\x1f');
      g_string_append (key, row->respondent);
      if (g_hash_table_lookup_extended (respondents, key->str, NULL, &first))
        add_error (self, line, "respondent",
                   _("respondent \"%s\" appears twice in round \"%s\" (first on line %u)"),
                   row->respondent, row->round, GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (respondents, g_strdup (key->str), GUINT_TO_POINTER (line));
    }

  if (self->errors->len + self->n_more_errors > errors_before || !has_role)
    {
      row_free (row);
      return;
    }

  self->n_by_role[row->role]++;
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    if (row->codes[i] != 0)
      self->n_answers++;
  add_unique (self->clinics, clinics_seen, row->clinic);
  if (row->round != NULL)
    add_unique (self->rounds, rounds_seen, row->round);
  g_ptr_array_add (self->rows, row);
}

/**
 * sam_survey_import_parse:
 * @name: how the file is named in messages, e.g. its path as given
 * @bytes: the file's contents
 * @default_round: (nullable): the round for rows without one
 *
 * Reads and checks the whole file. It never fails as such: what is wrong is listed by
 * sam_survey_import_get_errors(), and a file with errors cannot be committed.
 *
 * Returns: (transfer full): the import
 */
SamSurveyImport *
sam_survey_import_parse (const char *name,
                         GBytes     *bytes,
                         const char *default_round)
{
  SamSurveyImport *self;
  g_autoptr(SamCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) respondents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) clinics_seen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rounds_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *round = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (SamSurveyImport, 1);
  self->name = g_strdup (name);
  self->basename = g_path_get_basename (name);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  self->errors = g_ptr_array_new_with_free_func (g_free);
  self->ignored = g_ptr_array_new_with_free_func (g_free);
  self->clinics = g_ptr_array_new_with_free_func (g_free);
  self->rounds = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->import_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->created_rounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->created_clinics = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (default_round != NULL)
    {
      round = trimmed (default_round);
      if (*round == '\0')
        g_clear_pointer (&round, g_free);
    }

  if (refuse_own_file (self, bytes))
    return self;

  reader = sam_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      add_error (self, 0, NULL, "%s", error->message);
      return self;
    }
  self->encoding = g_strdup (sam_csv_reader_get_encoding (reader));
  self->delimiter = sam_csv_reader_get_delimiter (reader);

  if (!sam_csv_reader_next (reader, &error))
    {
      add_error (self, 0, NULL, "%s", error ? error->message : _("the file is empty"));
      return self;
    }
  if (!read_header (self, reader, columns))
    return self;

  while (sam_csv_reader_next (reader, &error))
    read_row (self, reader, columns, round, respondents, clinics_seen, rounds_seen);
  if (error != NULL)
    add_error (self, 0, NULL, "%s", error->message);
  else if (self->rows->len == 0 && self->errors->len == 0)
    add_error (self, 0, NULL, _("the file has a header but no answers"));

  /* The round given for the import is checked where rows take it. */
  if (round != NULL && self->n_without_round > 0 && !sam_name_is_safe (default_round))
    {
      g_autofree char *message = sam_name_explain_unsafe (default_round, TRUE);

      /* Translators: %s says why the round given for the import (not one in the file)
       * cannot be a name. */
      add_error (self, 0, NULL, _("the round given for the import: %s"), message);
    }

  return self;
}

void
sam_survey_import_free (SamSurveyImport *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->basename);
  g_free (self->sha256);
  g_free (self->encoding);
  g_ptr_array_unref (self->errors);
  g_ptr_array_unref (self->ignored);
  g_ptr_array_unref (self->clinics);
  g_ptr_array_unref (self->rounds);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->import_ids);
  g_array_unref (self->created_rounds);
  g_array_unref (self->created_clinics);
  g_free (self);
}

/**
 * sam_survey_import_get_errors:
 *
 * Returns: (transfer none) (element-type utf8): every error found, as
 *   "file:line:column: message"
 */
const GPtrArray *
sam_survey_import_get_errors (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->errors;
}

/* Errors found beyond those listed. */
guint
sam_survey_import_get_n_more_errors (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_more_errors;
}

const GPtrArray *
sam_survey_import_get_ignored_columns (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->ignored;
}

const GPtrArray *
sam_survey_import_get_clinics (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->clinics;
}

const GPtrArray *
sam_survey_import_get_rounds (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rounds;
}

guint
sam_survey_import_get_n_respondents (SamSurveyImport *self,
                                     SamRole          role)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (role < SAM_N_ROLES, 0);
  return self->n_by_role[role];
}

/* Answers given, "not applicable" included, missing ones not. */
guint
sam_survey_import_get_n_answers (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_answers;
}

/* Rows that name no round of their own, and so take the one given for the import. */
guint
sam_survey_import_get_n_without_round (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_without_round;
}

/**
 * sam_survey_import_get_encoding:
 *
 * Returns: (nullable): "UTF-8" or "WINDOWS-1252", or %NULL where the file is no text
 */
const char *
sam_survey_import_get_encoding (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

char
sam_survey_import_get_delimiter (SamSurveyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->delimiter;
}

static gboolean
find_cluster (SamStore    *store,
              const char  *name,
              gint64      *out_id,
              GError     **error)
{
  g_autoptr(GPtrArray) clusters = sam_store_list_clusters (store, error);

  if (clusters == NULL)
    return FALSE;

  *out_id = 0;
  if (name != NULL)
    {
      g_autofree char *clean = trimmed (name);

      if (!sam_name_check (name, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_NAME, error))
        return FALSE;

      for (guint i = 0; i < clusters->len; i++)
        if (g_str_equal (((SamCluster *) g_ptr_array_index (clusters, i))->name, clean))
          *out_id = ((SamCluster *) g_ptr_array_index (clusters, i))->id;
      return TRUE;
    }

  /* Without a name, the one cluster the database holds is meant. */
  if (clusters->len == 1)
    {
      *out_id = ((SamCluster *) g_ptr_array_index (clusters, 0))->id;
      return TRUE;
    }
  g_set_error_literal (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_CLUSTER,
                       clusters->len == 0
                       ? _("Name the cluster the clinics belong to")
                       : _("The database holds several clusters: name the one the clinics "
                           "belong to"));
  return FALSE;
}

/* What can only be told against the database: closed rounds, respondents already there,
 * the same file imported before. Returns FALSE with @error set on a database error. */
static gboolean
check_against_store (SamSurveyImport *self,
                     SamStore        *store,
                     gint64           cluster_id,
                     gboolean        *already,
                     GError         **error)
{
  *already = FALSE;
  if (cluster_id == 0)
    return TRUE;

  for (guint i = 0; i < self->rounds->len; i++)
    {
      const char *label = g_ptr_array_index (self->rounds, i);
      gint64 round_id;
      gboolean closed;

      if (!sam_store_find_round (store, cluster_id, label, &round_id, &closed))
        continue;
      if (sam_store_find_import (store, round_id, "survey", self->sha256, NULL))
        *already = TRUE;
      else if (closed)
        add_error (self, 0, NULL, _("round \"%s\" is closed and takes no new answers"), label);
    }
  if (*already)
    return TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      gint64 round_id;

      if (row->respondent != NULL &&
          sam_store_find_round (store, cluster_id, row->round, &round_id, NULL) &&
          sam_store_respondent_exists (store, round_id, row->respondent))
        add_error (self, row->line, "respondent", _("respondent \"%s\" is in round \"%s\" already"),
                   row->respondent, row->round);
    }
  return TRUE;
}

/**
 * sam_survey_import_forget_check:
 *
 * Drops the errors an earlier sam_survey_import_check() or commit found against the
 * database (another cluster may be named now), keeping the file's own: the file need not
 * be read again, which at national scale takes 70–90 ms.
 */
void
sam_survey_import_forget_check (SamSurveyImport *self)
{
  g_return_if_fail (self != NULL);

  if (!self->checked)
    {
      self->checked = TRUE;
      self->n_file_errors = self->errors->len;
      self->n_more_file_errors = self->n_more_errors;
    }
  g_ptr_array_set_size (self->errors, self->n_file_errors);
  self->n_more_errors = self->n_more_file_errors;
}

static void
require_rounds (SamSurveyImport *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->round == NULL)
        add_error (self, row->line, "round",
                   _("the row has no round, and no round was given for the import"));
    }
}

static gboolean
fail_on_errors (SamSurveyImport  *self,
                GError          **error)
{
  if (self->errors->len == 0 && self->n_more_errors == 0)
    return TRUE;
  g_set_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_INVALID,
               ngettext ("%s has %u error; nothing was imported",
                         "%s has %u errors; nothing was imported",
                         self->errors->len + self->n_more_errors),
               self->name, self->errors->len + self->n_more_errors);
  return FALSE;
}

/**
 * sam_survey_import_check:
 * @cluster: (nullable): the cluster the clinics belong to; %NULL for the only one
 *
 * Checks the file against the database too, adding what it finds to the errors (in place
 * of what an earlier check found).
 *
 * Returns: %TRUE where the file can be committed
 */
gboolean
sam_survey_import_check (SamSurveyImport  *self,
                         SamStore         *store,
                         const char       *cluster,
                         GError          **error)
{
  gint64 cluster_id;
  gboolean already;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  sam_survey_import_forget_check (self);
  require_rounds (self);
  if (!find_cluster (store, cluster, &cluster_id, error) ||
      !check_against_store (self, store, cluster_id, &already, error))
    return FALSE;
  return fail_on_errors (self, error);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
commit_rows (SamSurveyImport  *self,
             SamStore         *store,
             gint64            cluster_id,
             GError          **error)
{
  g_autoptr(GHashTable) round_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) clinic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) round_imports =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *date = today ();
  g_autoptr(SamStoreImportWriter) writer = NULL;

  for (guint i = 0; i < self->rounds->len; i++)
    {
      const char *label = g_ptr_array_index (self->rounds, i);
      gint64 *round_id = g_new0 (gint64, 1);
      gint64 *import_id = g_new0 (gint64, 1);

      g_hash_table_insert (round_ids, (gpointer) label, round_id);
      g_hash_table_insert (round_imports, (gpointer) label, import_id);
      if (!sam_store_find_round (store, cluster_id, label, round_id, NULL))
        {
          if (!sam_store_create_round (store, cluster_id, label, date, round_id, error))
            return FALSE;
          g_array_append_val (self->created_rounds, *round_id);
        }
      if (!sam_store_add_import (store, *round_id, "survey", self->basename, self->sha256,
                                 import_id, error))
        return FALSE;
      g_array_append_val (self->import_ids, *import_id);
    }

  for (guint i = 0; i < self->clinics->len; i++)
    {
      const char *code = g_ptr_array_index (self->clinics, i);
      gint64 *clinic_id = g_new0 (gint64, 1);

      g_hash_table_insert (clinic_ids, (gpointer) code, clinic_id);
      if (!sam_store_find_clinic (store, cluster_id, code, clinic_id))
        {
          if (!sam_store_ensure_clinic (store, cluster_id, code, NULL, clinic_id, error))
            return FALSE;
          g_array_append_val (self->created_clinics, *clinic_id);
        }
    }

  /* Statements of the import's own, prepared once for the whole file (sam-store-rows.h). */
  writer = _sam_store_import_writer_new (store, error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      gint64 round_id = *(gint64 *) g_hash_table_lookup (round_ids, row->round);
      gint64 import_id = *(gint64 *) g_hash_table_lookup (round_imports, row->round);
      gint64 clinic_id = *(gint64 *) g_hash_table_lookup (clinic_ids, row->clinic);
      g_autofree char *pair =
        g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, round_id, clinic_id);

      if ((g_hash_table_add (linked, g_steal_pointer (&pair)) &&
           !_sam_store_import_writer_add_round_clinic (writer, round_id, clinic_id, error)) ||
          !_sam_store_import_writer_add_respondent (writer, round_id, clinic_id, import_id,
                                                   row->role, row->respondent, row->codes,
                                                   error))
        {
          g_prefix_error (error, "%s:%u: ", self->name, row->line);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sam_survey_import_commit:
 * @cluster: (nullable): the cluster the clinics belong to (created where new); %NULL for
 *   the only cluster in the database
 * @result: (out): whether the rows were added, or the file was there already
 *
 * Stores the whole file as one change, or nothing. Rounds and clinics not yet known are
 * created. A file imported into its round before is recognised and not added again.
 */
gboolean
sam_survey_import_commit (SamSurveyImport        *self,
                          SamStore               *store,
                          const char             *cluster,
                          SamSurveyImportResult  *result,
                          GError                **error)
{
  gint64 cluster_id;
  gboolean already;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  sam_survey_import_forget_check (self);
  require_rounds (self);
  if (!fail_on_errors (self, error))
    return FALSE;
  if (!sam_store_begin (store, error))
    return FALSE;

  if (!find_cluster (store, cluster, &cluster_id, error) ||
      !check_against_store (self, store, cluster_id, &already, error))
    goto fail;
  if (already)
    {
      sam_store_rollback (store);
      *result = SAM_SURVEY_IMPORT_ALREADY;
      return TRUE;
    }
  if (!fail_on_errors (self, error))
    goto fail;
  if (cluster_id == 0 && !sam_store_ensure_cluster (store, cluster, &cluster_id, error))
    goto fail;

  g_array_set_size (self->import_ids, 0);
  g_array_set_size (self->created_rounds, 0);
  g_array_set_size (self->created_clinics, 0);
  if (!commit_rows (self, store, cluster_id, error))
    goto fail;
  /* What each clinic is, where nobody has said and its doctors' roles make it clear. */
  if (!sam_store_infer_clinic_kinds (store, cluster_id, error))
    goto fail;
  /* A failed commit has rolled back by itself. */
  if (!sam_store_commit (store, error))
    goto forget;

  *result = SAM_SURVEY_IMPORT_ADDED;
  return TRUE;

fail:
  sam_store_rollback (store);
forget:
  g_array_set_size (self->import_ids, 0);
  g_array_set_size (self->created_rounds, 0);
  g_array_set_size (self->created_clinics, 0);
  return FALSE;
}

/**
 * sam_survey_import_undo:
 *
 * Takes back what the last commit added: its respondents, and the rounds and clinics it
 * created where nothing else uses them.
 */
gboolean
sam_survey_import_undo (SamSurveyImport  *self,
                        SamStore         *store,
                        GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < self->import_ids->len; i++)
    if (!sam_store_delete_import (store, g_array_index (self->import_ids, gint64, i), error))
      goto fail;
  for (guint i = 0; i < self->created_rounds->len; i++)
    if (!sam_store_delete_round_if_unused (store, g_array_index (self->created_rounds, gint64, i),
                                           error))
      goto fail;
  for (guint i = 0; i < self->created_clinics->len; i++)
    if (!sam_store_delete_clinic_if_unused (store, g_array_index (self->created_clinics, gint64, i),
                                            error))
      goto fail;
  if (!sam_store_commit (store, error))
    return FALSE;

  g_array_set_size (self->import_ids, 0);
  g_array_set_size (self->created_rounds, 0);
  g_array_set_size (self->created_clinics, 0);
  return TRUE;

fail:
  sam_store_rollback (store);
  return FALSE;
}

/**
 * sam_survey_import_describe_errors:
 *
 * Returns: (transfer full): the errors, a line each
 */
char *
sam_survey_import_describe_errors (SamSurveyImport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->errors, i));
    }
  if (self->n_more_errors > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("… and %u more error", "… and %u more errors",
                                              self->n_more_errors),
                              self->n_more_errors);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
