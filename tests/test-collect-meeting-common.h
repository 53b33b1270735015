/* test-collect-meeting-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libintl.h>
#include <locale.h>

#include "sam-collect.h"
#include "sam-meeting-store.h"
#include "test-collect-common.h"
#include "test-common.h"

/* A meeting's room on 127.0.0.1 and a phone to ask it, for the tests of notes, votes and
 * questions from phones. */

typedef struct
{
  char        *dir;
  char        *path;
  SamStore    *store;
  gint64       clinic;
  gint64       meeting;
  SamCollect  *room;
  SoupSession *phone;
  const char  *address;
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 cluster;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "room.db", NULL);
  fixture->store = sam_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 1", NULL, &fixture->clinic, NULL));
  g_assert_true (sam_meeting_store_create (fixture->store, "clinic-wellbeing", fixture->clinic, 0, "2026-05-04",
                                           6, FALSE, &fixture->meeting, &error));
  g_assert_no_error (error);
  /* The step whose notes are green and red, sorted under headings. */
  fixture->room = sam_collect_new_meeting (fixture->store, fixture->meeting, "notes");
  g_assert_true (sam_collect_start (fixture->room, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->address = sam_collect_get_address (fixture->room);
  g_assert_true (g_str_has_prefix (fixture->address, "http://127.0.0.1:"));
  fixture->phone = soup_session_new_with_options ("accept-language", "en", NULL);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->phone);
  sam_collect_stop (fixture->room);
  g_assert_finalize_object (fixture->room);
  g_assert_finalize_object (fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static inline GPtrArray *
list_cards (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = sam_meeting_store_list_cards (fixture->store, fixture->meeting, &error);

  g_assert_no_error (error);
  return cards;
}
static inline char *
get_token_of (Fixture    *fixture,
              const char *kind,
              char      **out_page)
{
  g_autoptr(TestResponse) page = test_get (fixture->phone, fixture->address, NULL);
  g_autofree char *prefix = g_strconcat (kind, ".", NULL);
  char *token;

  g_assert_cmpuint (page->status, ==, 200);
  token = test_hidden_value (page->body, "form");
  g_assert_nonnull (token);
  g_assert_true (g_str_has_prefix (token, prefix));
  if (out_page != NULL)
    *out_page = g_strdup (page->body);
  return token;
}

/* The tests read the pages in the phone's language: the catalogue of the build. */
static inline void
collect_meeting_test_init (int    *argc,
                           char ***argv)
{
  const char *localedir = g_getenv ("SAMARBEJDE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (argc, argv, NULL);
}
