/* collect-meeting-room.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>

#include "sam-collect.h"
#include "sam-meeting-store.h"

/* For browser-meeting.py: opens DATABASE, holds a clinic's well-being meeting there and
 * opens its step of green and red notes to phones on 127.0.0.1, as the runner's "Open for
 * Phones" does; then the same meeting's step that picks red notes to work on (votes), and
 * a cluster well-being session's closing with its two anonymous questions. Prints the
 * three addresses, a line each, and then serves until SIGTERM, when it prints how many
 * notes, votes and answers arrived. */

static gboolean
on_signal (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SAMARBEJDE_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamCollect) room = NULL;
  g_autoptr(SamCollect) votes = NULL;
  g_autoptr(SamCollect) questions = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  gint64 cluster, clinic, meeting, session;

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (argc != 2)
    {
      g_printerr ("usage: collect-meeting-room DATABASE\n");
      return 2;
    }
  store = sam_store_new (argv[1], &error);
  if (store == NULL ||
      !sam_store_ensure_cluster (store, "Klynge Syd", &cluster, &error) ||
      !sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, &error) ||
      !sam_meeting_store_create (store, "clinic-wellbeing", clinic, 0, "2026-05-04", 6, FALSE, &meeting, &error))
    goto failed;
  room = sam_collect_new_meeting (store, meeting, "notes");
  if (!sam_collect_start (room, "127.0.0.1", 0, &error))
    goto failed;
  votes = sam_collect_new_meeting (store, meeting, "decide");
  if (!sam_collect_start (votes, "127.0.0.1", 0, &error))
    goto failed;
  if (!sam_meeting_store_create (store, "cluster-wellbeing", 0, cluster, "2026-05-06", 12, FALSE, &session, &error))
    goto failed;
  questions = sam_collect_new_meeting (store, session, "closing");
  if (!sam_collect_start (questions, "127.0.0.1", 0, &error))
    goto failed;
  printf ("%s\n%s\n%s\n", sam_collect_get_address (room), sam_collect_get_address (votes),
          sam_collect_get_address (questions));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);
  g_main_loop_run (loop);
  sam_collect_stop (room);
  sam_collect_stop (votes);
  sam_collect_stop (questions);
  printf ("%u notes\n%u votes\n%u answers\n", sam_collect_get_n_answered (room),
          sam_collect_get_n_answered (votes), sam_collect_get_n_answered (questions));
  return 0;

failed:
  g_printerr ("%s\n", error->message);
  return 1;
}
