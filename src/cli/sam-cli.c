/* sam-cli.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "sam-cli.h"
#include "sam-demo.h"
#include "sam-paths.h"
#include "sam-reference.h"
#include "sam-results.h"
#include "sam-store.h"
#include "sam-survey-import.h"

void
sam_cli_options_free (SamCliOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->database);
  g_free (options->import_survey);
  g_free (options->round);
  g_free (options->cluster);
  g_free (options->export_results);
  g_free (options->import_reference);
  g_free (options);
}

/**
 * sam_cli_options_parse:
 *
 * Takes the app's own options out of @argv; what is left is for GApplication.
 *
 * Returns: (transfer full): the options, or %NULL with @error set
 */
SamCliOptions *
sam_cli_options_parse (int     *argc,
                       char  ***argv,
                       GError **error)
{
  g_autoptr(SamCliOptions) options = g_new0 (SamCliOptions, 1);
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *database = NULL;
  g_autofree char *min_group = NULL;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use this database file instead of the one in the user’s data folder"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Use the demo database, a made-up cluster, instead of your own data"), NULL },
    { "import-survey", 0, 0, G_OPTION_ARG_FILENAME, &options->import_survey,
      N_("Import a survey CSV"), N_("FILE") },
    { "round", 0, 0, G_OPTION_ARG_STRING, &options->round,
      N_("With --import-survey: the round for rows without one; with --export-results: only that round"),
      N_("LABEL") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &options->cluster,
      N_("With --import-survey: the cluster the clinics belong to (created if new)"), N_("NAME") },
    { "export-results", 0, 0, G_OPTION_ARG_FILENAME, &options->export_results,
      N_("Write the results CSV; - for standard output"), N_("FILE") },
    { "min-group", 0, 0, G_OPTION_ARG_STRING, &min_group,
      N_("With --export-results: the minimum group size (default: the saved setting)"), N_("K") },
    { "import-reference", 0, 0, G_OPTION_ARG_FILENAME, &options->import_reference,
      N_("Import national reference figures from a results CSV"), N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &options->summary,
      N_("Print what the database holds and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Leadership, cooperation and collegial support in general practice."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* GApplication's own options pass through. */
  g_option_context_set_ignore_unknown_options (context, TRUE);

  if (!g_option_context_parse (context, argc, argv, error))
    return NULL;

  if (database != NULL && options->demo)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--database and --demo cannot be used together"));
      return NULL;
    }
  options->database = g_steal_pointer (&database);

  if (min_group != NULL)
    {
      gint64 k;

      if (!g_ascii_string_to_signed (min_group, 10, SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX, &k, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--min-group takes a number from %d to %d, not “%s”"),
                       SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX, min_group);
          return NULL;
        }
      options->min_group = (int) k;
    }
  if (options->cluster != NULL && options->import_survey == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--cluster goes with --import-survey"));
      return NULL;
    }
  if (options->min_group != 0 && options->export_results == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--min-group goes with --export-results"));
      return NULL;
    }
  if (options->round != NULL && options->import_survey == NULL && options->export_results == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--round goes with --import-survey or --export-results"));
      return NULL;
    }

  return g_steal_pointer (&options);
}

gboolean
sam_cli_options_has_work (SamCliOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->version || options->summary || options->import_survey != NULL ||
         options->export_results != NULL || options->import_reference != NULL;
}

/**
 * sam_cli_resolve_database:
 *
 * Returns: (transfer full): the database file the options name
 */
char *
sam_cli_resolve_database (SamCliOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  if (options->database != NULL)
    return g_strdup (options->database);
  if (options->demo)
    return sam_paths_get_demo_database ();
  return sam_paths_get_default_database ();
}

static int
run_summary (SamCliOptions *options)
{
  g_autofree char *path = sam_cli_resolve_database (options);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SamStoreSummary summary = { 0 };

  store = options->demo ? sam_demo_open (path, &error) : sam_store_new (path, &error);
  if (store == NULL || !sam_store_get_summary (store, &summary, &error))
    {
      g_printerr ("samarbejde: %s\n", error->message);
      return 1;
    }

  g_print ("%s: %s%s\n", _("Database"), path, sam_store_is_demo (store) ? _(" (demo)") : "");
  g_print ("%s: %u\n", _("Clusters"), summary.n_clusters);
  g_print ("%s: %u\n", _("Clinics"), summary.n_clinics);
  g_print ("%s: %u\n", _("Rounds"), summary.n_rounds);
  g_print ("%s: %u\n", _("Respondents"), summary.n_respondents);
  g_print ("%s: %u\n", _("Answers"), summary.n_answers);
  return 0;
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static gboolean
import_reference (SamCliOptions  *options,
                  SamStore       *store,
                  FILE           *report,
                  GError        **error)
{
  g_autoptr(GBytes) bytes = read_file (options->import_reference, error);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *round_list = NULL;
  guint n_rows = 0;

  if (bytes == NULL ||
      !sam_reference_import (store, options->import_reference, bytes, &n_rows, &rounds, error))
    return FALSE;

  g_ptr_array_add (rounds, NULL);
  round_list = g_strjoinv (", ", (char **) rounds->pdata);
  fprintf (report, ngettext ("Imported %u national reference figure for %s\n",
                             "Imported %u national reference figures for %s\n", n_rows),
           n_rows, round_list);
  return TRUE;
}

static gboolean
import_survey (SamCliOptions  *options,
               SamStore       *store,
               FILE           *report,
               GError        **error)
{
  g_autoptr(GBytes) bytes = read_file (options->import_survey, error);
  g_autoptr(SamSurveyImport) import = NULL;
  g_autofree char *rounds = NULL;
  SamSurveyImportResult result;
  const GPtrArray *list;
  guint n_respondents = 0;

  if (bytes == NULL)
    return FALSE;

  import = sam_survey_import_parse (options->import_survey, bytes, options->round);
  if (!sam_survey_import_commit (import, store, options->cluster, &result, error))
    {
      if (sam_survey_import_get_errors (import)->len > 0)
        {
          g_autofree char *errors = sam_survey_import_describe_errors (import);

          g_printerr ("%s\n", errors);
        }
      return FALSE;
    }

  list = sam_survey_import_get_rounds (import);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) labels = NULL;

    for (guint i = 0; i < list->len; i++)
      g_strv_builder_add (builder, g_ptr_array_index (list, i));
    labels = g_strv_builder_end (builder);
    rounds = g_strjoinv (", ", labels);
  }

  if (result == SAM_SURVEY_IMPORT_ALREADY)
    {
      fprintf (report, _("%s was imported into %s before; nothing was added\n"),
               options->import_survey, rounds);
      return TRUE;
    }

  for (guint role = 0; role < SAM_N_ROLES; role++)
    n_respondents += sam_survey_import_get_n_respondents (import, role);
  fprintf (report, _("Imported %s into %s: %u clinics, %u respondents (%u partners, %u solo doctors, "
                     "%u staff), %u answers\n"),
           options->import_survey, rounds, sam_survey_import_get_clinics (import)->len, n_respondents,
           sam_survey_import_get_n_respondents (import, SAM_ROLE_PARTNER),
           sam_survey_import_get_n_respondents (import, SAM_ROLE_SOLO),
           sam_survey_import_get_n_respondents (import, SAM_ROLE_STAFF),
           sam_survey_import_get_n_answers (import));

  list = sam_survey_import_get_ignored_columns (import);
  if (list->len > 0)
    {
      g_autoptr(GString) ignored = g_string_new (NULL);

      for (guint i = 0; i < list->len; i++)
        g_string_append_printf (ignored, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (list, i));
      fprintf (report, _("Ignored columns: %s\n"), ignored->str);
    }
  return TRUE;
}

static gboolean
export_results (SamCliOptions  *options,
                SamStore       *store,
                FILE           *report,
                GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int k = options->min_group > 0 ? options->min_group : sam_store_get_min_group_size (store);
  guint n_rows = 0;

  if (options->round != NULL && options->import_survey == NULL)
    {
      g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, error);
      gboolean found = FALSE;

      if (rounds == NULL)
        return FALSE;
      for (guint i = 0; i < rounds->len; i++)
        found |= g_str_equal (((SamRound *) g_ptr_array_index (rounds, i))->label, options->round);
      if (!found)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("There is no round called “%s”"), options->round);
          return FALSE;
        }
    }

  if (!sam_results_write_csv (store, options->round, k, out, &n_rows, error))
    return FALSE;

  if (g_str_equal (options->export_results, "-"))
    {
      if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
          return FALSE;
        }
    }
  else if (!g_file_set_contents (options->export_results, out->str, out->len, error))
    return FALSE;

  fprintf (report, ngettext ("Wrote %u row to %s (minimum group size %d)\n",
                             "Wrote %u rows to %s (minimum group size %d)\n", n_rows),
           n_rows, g_str_equal (options->export_results, "-") ? _("standard output") : options->export_results, k);
  return TRUE;
}

/* The data commands run as one change: where one fails, none of them is kept. */
static int
run_data_commands (SamCliOptions *options)
{
  g_autofree char *path = sam_cli_resolve_database (options);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  /* With the results on standard output, the summary goes to standard error. */
  FILE *report = options->export_results && g_str_equal (options->export_results, "-") ? stderr : stdout;

  store = options->demo ? sam_demo_open (path, &error) : sam_store_new (path, &error);
  if (store == NULL)
    goto fail;
  if (sam_store_get_backup_path (store) != NULL)
    fprintf (report, _("Upgraded the database; the old version is kept in %s\n"),
             sam_store_get_backup_path (store));

  if (!sam_store_begin (store, &error))
    goto fail;
  if ((options->import_reference && !import_reference (options, store, report, &error)) ||
      (options->import_survey && !import_survey (options, store, report, &error)) ||
      (options->export_results && !export_results (options, store, report, &error)))
    {
      sam_store_rollback (store);
      goto fail;
    }
  if (!sam_store_commit (store, &error))
    goto fail;
  return 0;

fail:
  g_printerr ("samarbejde: %s\n", error->message);
  return 1;
}

/* Returns the exit status: 0 on success, non-zero after printing the error. */
int
sam_cli_run (SamCliOptions *options)
{
  g_return_val_if_fail (options != NULL, 2);

  if (options->version)
    {
      g_print ("samarbejde %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (options->import_survey || options->export_results || options->import_reference)
    return run_data_commands (options);
  if (options->summary)
    return run_summary (options);

  return 0;
}
