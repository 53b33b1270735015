/* sam-cli.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line runs on core alone, before GTK starts, so it needs no display. */
typedef struct
{
  char     *database;
  gboolean  demo;
  gboolean  version;
  gboolean  summary;
  char     *import_survey;
  char     *round;
  char     *cluster;
  char     *export_results;
  int       min_group;         /* 0: the round's own, or the saved setting */
  char     *import_reference;
  char     *clinic;
  char     *close_round;
  char     *export_tallies;
  char     *export_figures;
  char    **import_cluster_files;
  char     *export_deck;
  char     *collect_answers;   /* the round whose questionnaire phones answer */
  char     *listen;
  int       port;              /* -1 where not given */
} SamCliOptions;

SamCliOptions *sam_cli_options_parse    (int            *argc,
                                         char         ***argv,
                                         GError        **error);
gboolean       sam_cli_options_has_work (SamCliOptions  *options);
int            sam_cli_run              (SamCliOptions  *options);
void           sam_cli_options_free     (SamCliOptions  *options);
char          *sam_cli_resolve_database (SamCliOptions  *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamCliOptions, sam_cli_options_free)

G_END_DECLS
