/* bench-startup.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <X11/Xlib.h>

#include "bench-national.h"
#include "test-common.h"

/* A benchmark, run on demand under an X display (build-aux/bench.sh runs it under Xvfb):
 * how long each program takes from exec to its first mapped window, and its resident
 * memory then, the median of a few runs. It measures, side by side in one run:
 *
 *   - a floor: bench-floor, the least a libadwaita window can be (the stack's own cost);
 *   - GNOME Text Editor, where it is installed (a GNOME app of the same stack);
 *   - Samarbejde on a new empty database, on the demo and on a national-scale database
 *     (1,300 clinics, bench-national.h),
 *
 * and prints each of Samarbejde's figures as a ratio to the editor's and the floor's.
 * It judges nothing.
 *
 *   bench-startup SAMARBEJDE BENCH-FLOOR [--runs N] */

typedef struct
{
  double ms;       /* exec → first MapNotify of a top-level window */
  double rss_mb;   /* VmRSS at that moment */
} Sample;

static double
read_rss_mb (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  line = strstr (contents, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

static void
stop_child (pid_t pid)
{
  kill (pid, SIGTERM);
  for (int i = 0; i < 300; i++)
    {
      if (waitpid (pid, NULL, WNOHANG) == pid)
        return;
      g_usleep (10 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

/* Starts @argv and waits for a top-level window of it to be mapped on the root window. */
static gboolean
run_once (Display     *display,
          char       **argv,
          char       **envp,
          Sample      *sample)
{
  Window root = DefaultRootWindow (display);
  XEvent event;
  gint64 start, deadline;
  pid_t pid;
  gboolean mapped = FALSE;

  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, True);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      execve (argv[0], argv, envp);
      _exit (127);
    }
  deadline = start + 30 * G_USEC_PER_SEC;
  while (!mapped && g_get_monotonic_time () < deadline)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      if (XPending (display) == 0 && poll (&fd, 1, 100) <= 0)
        continue;
      while (XPending (display) > 0)
        {
          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            mapped = TRUE;
        }
    }
  sample->ms = (g_get_monotonic_time () - start) / 1000.0;
  sample->rss_mb = read_rss_mb (pid);
  XSelectInput (display, root, NoEventMask);
  stop_child (pid);
  /* Let the server forget the window before the next run. */
  XSync (display, True);
  g_usleep (200 * 1000);
  return mapped;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  const char *name;
  char      **argv;
  gboolean    fresh_db;  /* a database that does not exist yet, every run */
  double     *ms, *rss;
  guint       n;
  double      ms_median, ms_min, ms_max, rss_median;
  gboolean    measured;
} Result;

static void
finish (Result *result)
{
  if (result->n == 0)
    return;
  qsort (result->ms, result->n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  qsort (result->rss, result->n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  result->ms_median = result->ms[result->n / 2];
  result->ms_min = result->ms[0];
  result->ms_max = result->ms[result->n - 1];
  result->rss_median = result->rss[result->n / 2];
  result->measured = TRUE;
  g_print ("  %-34s %6.0f ms (%4.0f–%4.0f)  %6.1f MB\n", result->name, result->ms_median,
           result->ms_min, result->ms_max, result->rss_median);
}

/* Round by round, every program once a round, so a machine that gets busier or quieter
 * during the run weighs on all of them alike; round 0 is not counted (caches warm, the
 * demo made). */
static void
measure_all (Display     *display,
             Result     **results,
             guint        n_results,
             char       **envp,
             guint        runs,
             const char  *dir)
{
  for (guint i = 0; i < n_results; i++)
    {
      results[i]->ms = g_new0 (double, runs);
      results[i]->rss = g_new0 (double, runs);
    }
  for (guint run = 0; run <= runs; run++)
    for (guint i = 0; i < n_results; i++)
      {
        Result *result = results[i];
        Sample sample;
        g_auto(GStrv) run_argv = g_strdupv (result->argv);

        if (result->argv[0] == NULL)
          continue;
        if (result->fresh_db)
          {
            g_free (run_argv[1]);
            run_argv[1] = g_strdup_printf ("--database=%s/new-%u.db", dir, run);
          }
        if (!run_once (display, run_argv, envp, &sample))
          {
            g_print ("%s: no window within 30 s\n", result->name);
            continue;
          }
        if (run > 0)
          {
            result->ms[result->n] = sample.ms;
            result->rss[result->n] = sample.rss_mb;
            result->n++;
          }
      }
  for (guint i = 0; i < n_results; i++)
    finish (results[i]);
}

static void
print_ratio (const char   *what,
             const Result *result,
             const Result *reference,
             gboolean      memory)
{
  if (!result->measured || !reference->measured)
    return;
  if (memory)
    g_print ("  %-48s %5.2f× %s\n", what, result->rss_median / reference->rss_median, reference->name);
  else
    g_print ("  %-48s %5.2f× %s\n", what, result->ms_median / reference->ms_median, reference->name);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *national = NULL;
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_auto(GStrv) envp = NULL;
  Display *display;
  guint runs = 5;
  Result floor = { 0 }, text_editor = { 0 }, empty = { 0 }, demo = { 0 }, nation = { 0 };

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("Usage: %s SAMARBEJDE BENCH-FLOOR [--runs N]\n", argv[0]);
      return 2;
    }
  if (argc == 5 && g_str_equal (argv[3], "--runs"))
    runs = MAX (1, atoi (argv[4]));

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_print ("No X display: run it under xvfb-run (build-aux/bench.sh does)\n");
      return 77;
    }

  dir = test_make_tmpdir ();
  g_print ("Making a national-scale database…\n");
  national = bench_national_database (dir);

  /* One environment for every program: X11, its own folders, settings in memory. */
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  /* As on a desktop: no test-suite malloc checks, accessibility on. */
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "GTK_A11Y");
  envp = g_environ_unsetenv (envp, "NO_AT_BRIDGE");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", dir, TRUE);

  {
    g_autofree char *option = g_strdup_printf ("--database=%s", national);
    char *floor_args[] = { argv[2], NULL };
    char *editor_args[] = { editor, (char *) "--standalone", NULL };
    char *empty_args[] = { argv[1], (char *) "--database", NULL };
    char *demo_args[] = { argv[1], (char *) "--demo", NULL };
    char *nation_args[] = { argv[1], option, NULL };
    Result *results[] = { &floor, &text_editor, &empty, &demo, &nation };

    floor = (Result) { "floor (AdwApplicationWindow)", floor_args };
    text_editor = (Result) { "GNOME Text Editor", editor_args };
    empty = (Result) { "Samarbejde, a new database", empty_args, TRUE };
    demo = (Result) { "Samarbejde, the demo", demo_args };
    nation = (Result) { "Samarbejde, 1,300 clinics", nation_args };

    g_print ("Exec to first mapped window, median of %u (min–max), and RSS then:\n", runs);
    if (editor == NULL)
      g_print ("  GNOME Text Editor is not installed: ratios to it are left out\n");
    measure_all (display, results, G_N_ELEMENTS (results), envp, runs, dir);
    for (guint i = 0; i < G_N_ELEMENTS (results); i++)
      {
        g_free (results[i]->ms);
        g_free (results[i]->rss);
      }
  }

  g_print ("Ratios (goal: ≤ 1 to the editor; ≤ 1.2 at national scale; RSS ≤ the editor's):\n");
  print_ratio ("a new database, time", &empty, &text_editor, FALSE);
  print_ratio ("the demo, time", &demo, &text_editor, FALSE);
  print_ratio ("1,300 clinics, time", &nation, &text_editor, FALSE);
  print_ratio ("the demo, RSS", &demo, &text_editor, TRUE);
  print_ratio ("a new database, time", &empty, &floor, FALSE);
  print_ratio ("the demo, time", &demo, &floor, FALSE);
  print_ratio ("1,300 clinics, time", &nation, &floor, FALSE);
  print_ratio ("the demo, RSS", &demo, &floor, TRUE);

  XCloseDisplay (display);
  test_rm_rf (dir);
  return 0;
}
