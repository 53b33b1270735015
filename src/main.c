/* main.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamCliOptions) options = NULL;
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("SAMARBEJDE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  options = sam_cli_options_parse (&argc, &argv, &error);
  if (options == NULL)
    {
      g_printerr ("samarbejde: %s\n", error->message);
      return 2;
    }
  if (sam_cli_options_has_work (options))
    return sam_cli_run (options);

  app = sam_application_new (options->database, options->demo);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
