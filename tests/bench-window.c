/* bench-window.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>

#include "sam-application.h"
#include "sam-results-page.h"
#include "sam-window.h"
#include "bench-national.h"
#include "test-gui-common.h"

/* A benchmark, run on demand under a display (build-aux/bench.sh): the window in use.
 * It opens the demo (or a national-scale database with --national), visits every section
 * once, then switches 200 times between sections and between the rounds on Results, and
 * prints the resident memory before and after (each after malloc_trim, so memory the
 * allocator merely keeps is not counted). Memory that grows with every switch is a leak
 * or a cache without bound. It judges nothing.
 *
 *   bench-window [--national] [--switches N] [--only sections|rounds] */

static const char *sections[] = {
  "overview", "questionnaire", "results", "support", "meetings", "plan", "reflection",
};

static double
rss_mb (void)
{
  g_autofree char *contents = NULL;
  const char *line;

  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;
  line = strstr (contents, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

static gboolean
results_loaded (gpointer page)
{
  return !sam_results_page_is_loading (page);
}

/* Lets the window settle: the figures in, the frames drawn. */
static void
settle (SamWindow *window)
{
  GtkWidget *results = sam_window_get_section_page (window, "results");

  test_spin_until (results_loaded, results);
  test_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;
  SamResultsPage *results;
  SamWindow *window;
  gboolean national = FALSE;
  guint switches = 200;
  const char *only = NULL;
  double start_mb, visited_mb, end_mb;
  gint64 start;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--national"))
        national = TRUE;
      else if (g_str_equal (argv[i], "--switches") && i + 1 < argc)
        switches = (guint) MAX (1, atoi (argv[i + 1])), i++;
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc)
        only = argv[++i];
      else
        {
          g_printerr ("Usage: %s [--national] [--switches N] [--only sections|rounds]\n", argv[0]);
          return 2;
        }
    }
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("No display: run it under xvfb-run\n");
      return 77;
    }

  dir = test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  gtk_init ();
  adw_init ();
  path = national ? bench_national_database (dir) : g_build_filename (dir, "demo.db", NULL);
  app = sam_application_new (path, !national);
  test_unique_application_id (G_APPLICATION (app));
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (window == NULL || sam_window_get_context (window) == NULL)
    g_error ("The window did not open %s", path);
  results = SAM_RESULTS_PAGE (sam_window_get_section_page (window, "results"));
  rounds = sam_store_list_rounds (sam_context_get_store (sam_window_get_context (window)), &error);
  g_assert_no_error (error);
  settle (window);
  start_mb = rss_mb ();

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      sam_window_show_section (window, sections[i]);
      settle (window);
    }
  visited_mb = rss_mb ();

  start = g_get_monotonic_time ();
  for (guint i = 0; i < switches; i++)
    {
      gboolean round_switch = g_strcmp0 (only, "rounds") == 0 || (only == NULL && i % 2 == 0);

      if (round_switch && rounds->len > 0)
        {
          SamRound *round = g_ptr_array_index (rounds, (only != NULL ? i : i / 2) % rounds->len);

          sam_window_show_section (window, "results");
          sam_results_page_select (results, round->id, FALSE);
        }
      else
        sam_window_show_section (window, sections[(only != NULL ? i : i / 2) % G_N_ELEMENTS (sections)]);
      settle (window);
    }
  end_mb = rss_mb ();

  g_print ("%s, %u rounds\n", national ? "1,300 clinics" : "The demo", rounds->len);
  g_print ("  RSS with the first section:        %6.1f MB\n", start_mb);
  g_print ("  after visiting every section:       %6.1f MB (%+.1f MB)\n", visited_mb, visited_mb - start_mb);
  g_print ("  after %u section and round switches: %6.1f MB (%+.1f MB; goal under 5 MB)\n",
           switches, end_mb, end_mb - visited_mb);
  g_print ("  %.0f ms a switch, settled\n", (g_get_monotonic_time () - start) / 1000.0 / switches);

  test_destroy_windows ();
  test_spin (20);
  test_rm_rf (dir);
  return 0;
}
