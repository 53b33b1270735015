/* sam-cli.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-cli"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "sam-cli.h"
#include "sam-cluster-file.h"
#include "sam-collect.h"
#include "sam-deck.h"
#include "sam-demo.h"
#include "sam-names.h"
#include "sam-paths.h"
#include "sam-reference.h"
#include "sam-results.h"
#include "sam-round-figures.h"
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
  g_free (options->clinic);
  g_free (options->close_round);
  g_free (options->export_tallies);
  g_free (options->export_figures);
  g_strfreev (options->import_cluster_files);
  g_free (options->export_deck);
  g_free (options->collect_answers);
  g_free (options->listen);
  g_free (options);
}

static gboolean has_data_work (SamCliOptions *options);

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
  g_autofree char *port = NULL;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use this database file instead of the one in the user’s data folder"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Use the demo database, a made-up cluster, instead of your own data"), NULL },
    { "import-survey", 0, 0, G_OPTION_ARG_FILENAME, &options->import_survey,
      N_("Import a survey CSV"), N_("FILE") },
    { "round", 0, 0, G_OPTION_ARG_STRING, &options->round,
      N_("With --import-survey: the round for rows without one; with the exports and "
         "--import-cluster-file: the round meant"),
      N_("LABEL") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &options->cluster,
      N_("The cluster: with --import-survey the clinics’ (created if new); elsewhere where a "
         "round label is in more than one cluster, or to take in a file for a new cluster"),
      N_("NAME") },
    { "close-round", 0, 0, G_OPTION_ARG_STRING, &options->close_round,
      N_("Close the round: it takes no more answers, and its figures may then be shared"),
      N_("LABEL") },
    { "export-results", 0, 0, G_OPTION_ARG_FILENAME, &options->export_results,
      N_("Write the results CSV of the closed rounds; - for standard output"), N_("FILE") },
    { "min-group", 0, 0, G_OPTION_ARG_STRING, &min_group,
      N_("With the exports: the minimum group size of a round’s first publication (default: "
         "the saved setting)"), N_("K") },
    { "import-reference", 0, 0, G_OPTION_ARG_FILENAME, &options->import_reference,
      N_("Import national reference figures from a results CSV"), N_("FILE") },
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &options->clinic,
      N_("With --export-tallies: the clinic whose tallies are written; with --export-figures "
         "or --export-results: whose own view"), N_("CODE") },
    { "export-tallies", 0, 0, G_OPTION_ARG_FILENAME, &options->export_tallies,
      N_("Write a clinic’s tallies file for the round, for the coordinator"), N_("FILE") },
    { "export-figures", 0, 0, G_OPTION_ARG_FILENAME, &options->export_figures,
      N_("Write the cluster’s figures file for the round, for the clinics"), N_("FILE") },
    { "import-cluster-file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->import_cluster_files,
      N_("Import a tallies file or a figures file; may be given more than once"), N_("FILE") },
    { "export-deck", 0, 0, G_OPTION_ARG_FILENAME, &options->export_deck,
      N_("Write the meeting deck of the round as a PDF"), N_("FILE") },
    { "collect-answers", 0, 0, G_OPTION_ARG_STRING, &options->collect_answers,
      N_("With --clinic: answer the round’s questionnaire from phones on the clinic’s network, "
         "until stopped with Ctrl+C"), N_("LABEL") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &options->listen,
      N_("With --collect-answers: the address to serve on (default: this computer’s addresses on "
         "the local network)"), N_("ADDRESS") },
    { "port", 0, 0, G_OPTION_ARG_STRING, &port,
      N_("With --collect-answers: the port (default: a free one)"), N_("N") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &options->summary,
      N_("Print what the database holds and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Leadership, cooperation and collegial support in "
                                           "general practice."));
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

      if (!g_ascii_string_to_signed (min_group, 10, SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX,
                                     &k, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--min-group takes a number from %d to %d, not “%s”"),
                       SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX, min_group);
          return NULL;
        }
      options->min_group = (int) k;
      /* The window asks before it goes below 3; here the choice is the command's, and what
       * it exposes is said all the same. */
      if (k < SAM_MIN_GROUP_SIZE_SAFE)
        {
          g_autofree char *warning = sam_min_group_size_warning ((int) k);

          g_printerr ("samarbejde: %s\n", warning);
        }
    }
  options->port = -1;
  if (port != NULL)
    {
      gint64 n;

      if (!g_ascii_string_to_signed (port, 10, 0, 65535, &n, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--port takes a number from 0 to 65535, not “%s”"), port);
          return NULL;
        }
      options->port = (int) n;
    }
  {
    gboolean takes_round = options->import_survey || options->export_results ||
                           options->export_tallies || options->export_figures ||
                           options->export_deck || options->import_cluster_files ||
                           options->collect_answers;
    struct { gboolean wrong; const char *message; } rules[] = {
      { options->cluster && !takes_round && !options->close_round,
        N_("--cluster goes with --import-survey, --close-round, --import-cluster-file or an "
           "export") },
      { options->min_group != 0 && !options->export_results && !options->export_figures &&
        !options->export_deck,
        N_("--min-group goes with --export-results, --export-figures or --export-deck") },
      { options->round && !takes_round,
        N_("--round goes with --import-survey, --import-cluster-file or an export") },
      { options->clinic && !options->export_tallies && !options->export_figures &&
        !options->export_results && !options->collect_answers,
        N_("--clinic goes with --export-tallies, --export-figures, --export-results or "
           "--collect-answers") },
      { options->export_tallies && (!options->round || !options->clinic),
        N_("--export-tallies needs --round and --clinic") },
      { options->export_figures && !options->round, N_("--export-figures needs --round") },
      { options->export_deck && !options->round, N_("--export-deck needs --round") },
      { options->export_deck && options->clinic,
        N_("The meeting deck is always the cluster’s view, so it takes no --clinic") },
      { options->collect_answers && !options->clinic,
        N_("--collect-answers needs --clinic: the clinic whose people answer") },
      { options->collect_answers && options->round &&
        g_strcmp0 (options->round, options->collect_answers) != 0,
        N_("--collect-answers names the round; --round names another") },
      { (options->listen || options->port >= 0) && !options->collect_answers,
        N_("--listen and --port go with --collect-answers") },
      { options->collect_answers && (has_data_work (options) || options->summary),
        N_("--collect-answers runs until it is stopped, so it goes with no other command") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      if (rules[i].wrong)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _(rules[i].message));
          return NULL;
        }
  }

  return g_steal_pointer (&options);
}

/* The options that read or change the database as one change. */
static gboolean
has_data_work (SamCliOptions *options)
{
  return options->import_survey != NULL ||
         options->export_results != NULL || options->import_reference != NULL ||
         options->close_round != NULL || options->export_tallies != NULL ||
         options->export_figures != NULL || options->import_cluster_files != NULL ||
         options->export_deck != NULL;
}

gboolean
sam_cli_options_has_work (SamCliOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->version || options->summary || has_data_work (options) ||
         options->collect_answers != NULL;
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

  /* Reading creates nothing: a database that is not there is an error. */
  store = options->demo ? sam_demo_open (path, &error)
                        : sam_store_open (path, SAM_STORE_OPEN_EXISTING, &error);
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

  round_list = sam_names_join (rounds);
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
  fprintf (report,
           _("Imported %s into %s: %u clinics, %u respondents (%u partners, %u solo doctors, %u "
             "staff), %u answers\n"),
           options->import_survey, rounds, sam_survey_import_get_clinics (import)->len,
           n_respondents, sam_survey_import_get_n_respondents (import, SAM_ROLE_PARTNER),
           sam_survey_import_get_n_respondents (import, SAM_ROLE_SOLO),
           sam_survey_import_get_n_respondents (import, SAM_ROLE_STAFF),
           sam_survey_import_get_n_answers (import));

  list = sam_survey_import_get_ignored_columns (import);
  if (list->len > 0)
    {
      g_autoptr(GString) ignored = g_string_new (NULL);

      for (guint i = 0; i < list->len; i++)
        g_string_append_printf (ignored, "%s%s", i > 0 ? ", " : "",
                                (char *) g_ptr_array_index (list, i));
      fprintf (report, _("Ignored columns: %s\n"), ignored->str);
    }
  return TRUE;
}

/* The round a label names: in the cluster named, or the only one that has it. */
static SamRound *
find_round (SamStore    *store,
            const char  *label,
            const char  *cluster,
            GError     **error)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, error);
  guint found = 0;
  guint n_found = 0;

  if (rounds == NULL)
    return NULL;
  for (guint i = 0; i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (g_str_equal (round->label, label) &&
          (cluster == NULL || g_str_equal (round->cluster_name, cluster)))
        {
          found = i;
          n_found++;
        }
    }
  if (n_found == 0)
    {
      if (cluster != NULL)
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("There is no round called “%s” in cluster “%s”"), label, cluster);
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("There is no round called “%s”"), label);
      return NULL;
    }
  if (n_found > 1)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("More than one cluster has a round called “%s”: name the cluster with "
                     "--cluster"),
                   label);
      return NULL;
    }
  return g_ptr_array_steal_index (rounds, found);
}

static gboolean
find_clinic (SamStore        *store,
             const SamRound  *round,
             const char      *code,
             gint64          *clinic_id,
             GError         **error)
{
  if (sam_store_find_clinic (store, round->cluster_id, code, clinic_id))
    return TRUE;
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
               _("Cluster “%s” has no clinic called “%s”"), round->cluster_name, code);
  return FALSE;
}

/* Writes @out to @path, or to standard output for "-"; a file that may hold a small
 * clinic's figures is readable by its owner alone. */
static gboolean
write_output (const char  *path,
              const char  *data,
              gsize        length,
              int          mode,
              GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   mode, error);
}

static const char *
output_name (const char *path)
{
  return g_str_equal (path, "-") ? _("standard output") : path;
}

static gboolean
export_results (SamCliOptions  *options,
                SamStore       *store,
                FILE           *report,
                GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) left_out = NULL;
  SamFiguresPolicy policy = { options->min_group, 0 };
  guint n_rows = 0;

  if (options->round != NULL && options->import_survey == NULL)
    {
      g_autoptr(SamRound) round = find_round (store, options->round, options->cluster, error);

      if (round == NULL)
        return FALSE;
      if (options->clinic != NULL &&
          !find_clinic (store, round, options->clinic, &policy.own_clinic_id, error))
        return FALSE;
    }
  else if (options->clinic != NULL)
    {
      g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, error);

      if (clinics == NULL)
        return FALSE;
      for (guint i = 0; i < clinics->len; i++)
        {
          SamClinic *clinic = g_ptr_array_index (clinics, i);

          if (g_str_equal (clinic->code, options->clinic) &&
              (options->cluster == NULL || g_str_equal (clinic->cluster_name, options->cluster)))
            policy.own_clinic_id = clinic->id;
        }
      if (policy.own_clinic_id == 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("There is no clinic called “%s”"), options->clinic);
          return FALSE;
        }
    }

  if (!sam_results_write_csv (store, options->round, &policy, out, &n_rows, &left_out, error) ||
      !write_output (options->export_results, out->str, out->len, 0600, error))
    return FALSE;

  for (guint i = 0; i < left_out->len; i++)
    g_printerr (_("Left out round “%s”: it is still open, and a round’s figures are shared only "
                  "once it is closed (--close-round)\n"),
                (char *) g_ptr_array_index (left_out, i));
  if (options->min_group > 0)
    fprintf (report, ngettext ("Wrote %u row to %s (minimum group size %d)\n",
                               "Wrote %u rows to %s (minimum group size %d)\n", n_rows),
             n_rows, output_name (options->export_results), options->min_group);
  else
    fprintf (report, ngettext ("Wrote %u row to %s\n", "Wrote %u rows to %s\n", n_rows),
             n_rows, output_name (options->export_results));
  return TRUE;
}

static gboolean
close_round (SamCliOptions  *options,
             SamStore       *store,
             FILE           *report,
             GError        **error)
{
  g_autoptr(SamRound) round = find_round (store, options->close_round, options->cluster, error);

  if (round == NULL)
    return FALSE;
  if (round->closed)
    {
      fprintf (report, _("Round “%s” was closed already\n"), round->label);
      return TRUE;
    }
  if (!sam_store_set_round_closed (store, round->id, TRUE, error))
    return FALSE;
  fprintf (report,
           _("Closed round “%s”: it takes no more answers, and its figures may now be shared\n"),
           round->label);
  return TRUE;
}

static gboolean
export_tallies (SamCliOptions  *options,
                SamStore       *store,
                FILE           *report,
                GError        **error)
{
  g_autoptr(SamRound) round = find_round (store, options->round, options->cluster, error);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 clinic_id = 0;
  guint n;

  if (round == NULL || !find_clinic (store, round, options->clinic, &clinic_id, error) ||
      !sam_cluster_file_write_tallies (store, round->id, clinic_id, out, error) ||
      !write_output (options->export_tallies, out->str, out->len, 0600, error))
    return FALSE;

  n = sam_cluster_file_count_respondents (store, round->id, clinic_id);
  fprintf (report, ngettext ("Wrote the tallies of %s in round “%s” (%u respondent) to %s\n",
                             "Wrote the tallies of %s in round “%s” (%u respondents) to %s\n", n),
           options->clinic, round->label, n, output_name (options->export_tallies));
  if (n < (guint) sam_store_get_min_group_size (store))
    g_printerr (_("Note: fewer than %d answered in %s, so whoever reads the tallies file can "
                  "work out their answers. Give it to the coordinator only.\n"),
                sam_store_get_min_group_size (store), options->clinic);
  return TRUE;
}

static gboolean
export_figures (SamCliOptions  *options,
                SamStore       *store,
                FILE           *report,
                GError        **error)
{
  g_autoptr(SamRound) round = find_round (store, options->round, options->cluster, error);
  g_autoptr(GString) out = g_string_new (NULL);
  SamFiguresPolicy policy = { options->min_group, 0 };
  g_autoptr(SamRound) after = NULL;

  if (round == NULL ||
      (options->clinic != NULL &&
       !find_clinic (store, round, options->clinic, &policy.own_clinic_id, error)) ||
      !sam_cluster_file_write_figures (store, round->id, &policy, out, error) ||
      !write_output (options->export_figures, out->str, out->len, 0600, error))
    return FALSE;

  after = sam_store_get_round (store, round->id, error);
  if (after == NULL)
    return FALSE;
  if (options->clinic != NULL)
    fprintf (report,
             _("Wrote the figures of round “%s” as %s sees them to %s (minimum group size %d)\n"),
             round->label, options->clinic, output_name (options->export_figures),
             sam_store_get_round_k (store, after));
  else
    fprintf (report,
             _("Wrote the cluster’s figures of round “%s” to %s (minimum group size %d)\n"),
             round->label, output_name (options->export_figures),
             sam_store_get_round_k (store, after));
  return TRUE;
}

static gboolean
export_deck (SamCliOptions  *options,
             SamStore       *store,
             FILE           *report,
             GError        **error)
{
  g_autoptr(SamRound) round = find_round (store, options->round, options->cluster, error);
  g_autoptr(GBytes) bytes = NULL;
  guint n_pages = 0;

  if (round == NULL)
    return FALSE;
  bytes = sam_deck_render (store, round->id, options->min_group, &n_pages, error);
  if (bytes == NULL || !write_output (options->export_deck, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), 0644, error))
    return FALSE;
  fprintf (report, ngettext ("Wrote the meeting deck of round “%s” (%u slide) to %s\n",
                             "Wrote the meeting deck of round “%s” (%u slides) to %s\n", n_pages),
           round->label, n_pages, output_name (options->export_deck));
  return TRUE;
}

static gboolean
import_cluster_files (SamCliOptions  *options,
                      SamStore       *store,
                      FILE           *report,
                      GError        **error)
{
  for (guint i = 0; options->import_cluster_files[i] != NULL; i++)
    {
      const char *path = options->import_cluster_files[i];
      g_autoptr(GBytes) bytes = read_file (path, error);
      g_autoptr(SamClusterFile) file = NULL;
      SamClusterFileResult result;

      if (bytes == NULL)
        return FALSE;
      file = sam_cluster_file_parse (path, bytes, error);
      if (file == NULL ||
          !sam_cluster_file_import (file, store, options->cluster, options->round, &result, error))
        return FALSE;
      if (result == SAM_CLUSTER_FILE_ALREADY)
        fprintf (report, _("%s was imported before; nothing was added\n"), path);
      else if (sam_cluster_file_get_kind (file) == SAM_CLUSTER_FILE_TALLIES)
        fprintf (report, _("Imported the tallies of %s in round “%s” from %s\n"),
                 sam_cluster_file_get_clinic (file), sam_cluster_file_get_round (file), path);
      else
        fprintf (report, _("Imported the figures of cluster “%s” in round “%s” from %s\n"),
                 sam_cluster_file_get_cluster (file), sam_cluster_file_get_round (file), path);
    }
  return TRUE;
}

/* Another program holds the database: wait for it, and say so once. */
static void
say_waiting (SamStore *store,
             gpointer  user_data)
{
  g_printerr (_("Waiting for another program to finish with “%s”…\n"), sam_store_get_path (store));
}

/* The data commands run as one change: where one fails, none of them is kept. */
static int
run_data_commands (SamCliOptions *options)
{
  g_autofree char *path = sam_cli_resolve_database (options);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  /* With the results on standard output, the summary goes to standard error. */
  gboolean to_stdout = (options->export_results && g_str_equal (options->export_results, "-")) ||
                       (options->export_tallies && g_str_equal (options->export_tallies, "-")) ||
                       (options->export_figures && g_str_equal (options->export_figures, "-")) ||
                       (options->export_deck && g_str_equal (options->export_deck, "-"));
  FILE *out = to_stdout ? stderr : stdout;
  /* What was done is said once it is done: the summary waits for the commit. */
  g_autofree char *said = NULL;
  size_t said_length = 0;
  FILE *report = NULL;
  /* Only imports may make a new database; everything else needs one that is there. */
  SamStoreOpenFlags flags = options->import_survey || options->import_reference ||
                            options->import_cluster_files
                            ? SAM_STORE_OPEN_DEFAULT : SAM_STORE_OPEN_EXISTING;

  store = options->demo ? sam_demo_open (path, &error) : sam_store_open (path, flags, &error);
  if (store == NULL)
    goto fail;
  sam_store_set_busy_wait (store, 600, say_waiting, NULL);
  report = open_memstream (&said, &said_length);
  if (report == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      goto fail;
    }
  if (sam_store_get_backup_path (store) != NULL)
    fprintf (report, _("Upgraded the database; the old version is kept in %s\n"),
             sam_store_get_backup_path (store));

  if (!sam_store_begin (store, &error))
    goto fail;
  /* In the order of the work: what comes in, then closing, then what goes out. */
  if ((options->import_reference && !import_reference (options, store, report, &error)) ||
      (options->import_cluster_files && !import_cluster_files (options, store, report, &error)) ||
      (options->import_survey && !import_survey (options, store, report, &error)) ||
      (options->close_round && !close_round (options, store, report, &error)) ||
      (options->export_tallies && !export_tallies (options, store, report, &error)) ||
      (options->export_figures && !export_figures (options, store, report, &error)) ||
      (options->export_results && !export_results (options, store, report, &error)) ||
      (options->export_deck && !export_deck (options, store, report, &error)))
    {
      sam_store_rollback (store);
      goto fail;
    }
  if (!sam_store_commit (store, &error))
    goto fail;
  fclose (report);
  fwrite (said, 1, said_length, out);
  fflush (out);
  return 0;

fail:
  if (report != NULL)
    fclose (report);
  g_printerr ("samarbejde: %s\n", error->message);
  return 1;
}

static gboolean
on_stop_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* Answering on phones: runs until Ctrl+C or SIGTERM, outside the one change of the data
 * commands (each answer is stored as the window stores one, as it comes). The address is
 * the first line on standard output, there before the first phone is served. */
static int
run_collect_answers (SamCliOptions *options)
{
  g_autofree char *path = sam_cli_resolve_database (options);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamRound) round = NULL;
  g_autoptr(SamCollect) collect = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  gint64 clinic_id = 0;
  guint sigint, sigterm, n;

  store = options->demo ? sam_demo_open (path, &error)
                        : sam_store_open (path, SAM_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    goto fail;
  sam_store_set_busy_wait (store, 10, say_waiting, NULL);
  round = find_round (store, options->collect_answers, options->cluster, &error);
  if (round == NULL || !find_clinic (store, round, options->clinic, &clinic_id, &error))
    goto fail;

  collect = sam_collect_new (store, round->id, clinic_id);
  sigint = g_unix_signal_add (SIGINT, on_stop_signal, loop);
  sigterm = g_unix_signal_add (SIGTERM, on_stop_signal, loop);
  if (!sam_collect_start (collect, options->listen, options->port > 0 ? (guint) options->port : 0,
                          &error))
    {
      g_source_remove (sigint);
      g_source_remove (sigterm);
      goto fail;
    }
  g_print ("%s\n", sam_collect_get_address (collect));
  fflush (stdout);
  g_printerr (_("Phones on the clinic’s network can answer round “%s” for %s at this address, in "
                "plain HTTP; nothing goes through the internet. Stop with Ctrl+C.\n"),
              round->label, options->clinic);

  g_main_loop_run (loop);

  sam_collect_stop (collect);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  n = sam_collect_get_n_answered (collect);
  g_print (ngettext ("%u person answered\n", "%u people answered\n", n), n);
  fflush (stdout);
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
  if (options->collect_answers)
    return run_collect_answers (options);
  if (has_data_work (options))
    return run_data_commands (options);
  if (options->summary)
    return run_summary (options);

  return 0;
}
