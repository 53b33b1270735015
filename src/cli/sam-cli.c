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
#include "sam-store.h"

void
sam_cli_options_free (SamCliOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->database);
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
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use this database file instead of the one in the user’s data folder"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Use the demo database, a made-up cluster, instead of your own data"), NULL },
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

  return g_steal_pointer (&options);
}

gboolean
sam_cli_options_has_work (SamCliOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->version || options->summary;
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
  if (options->summary)
    return run_summary (options);

  return 0;
}
