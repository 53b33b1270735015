/* bench-results.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "sam-application.h"
#include "sam-meeting-runner.h"
#include "sam-meeting-runner-private.h"
#include "sam-meeting-store.h"
#include "sam-meetings-page.h"
#include "sam-reflection-page.h"
#include "sam-reflection-page-private.h"
#include "sam-renderer.h"
#include "sam-results-page.h"
#include "sam-survey-import.h"
#include "sam-window.h"
#include "bench-national.h"
#include "test-gui-common.h"

/* A benchmark, run on demand under a display (xvfb-run): the Results section on a
 * national-scale database (bench-national.h), opened from the start page of the app's
 * window as a person does, and then switched between rounds and scrolled.
 * For each step it prints how long until the new figures were on the page, and the
 * longest time the window's main thread was busy in one go (a stall: the window neither
 * redraws nor answers), measured by a heartbeat every millisecond: while the figures were
 * loaded and the pages built, and while the frames after drew them. It judges nothing.
 *
 *
 * With --bare the page is made on its own in an empty window instead, as before the app's
 * window took part: the first of everything the renderer draws is then Results' (on
 * llvmpipe, compiling its shaders), so that opening costs more than it does in the app.
 *
 *   bench-results [--db PATH] [--bare]   (PATH: a database of bench-import --keep-db, or
 *                                          one made here) */

static gint64 last_beat;
static gint64 longest_gap;
static gint64 last_busy;
/* The same in the main thread's own CPU time, which other programs on a busy machine do
 * not lengthen: the most it spent between two beats. */
static gint64 last_cpu;
static gint64 longest_cpu;

static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
heartbeat (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  longest_gap = MAX (longest_gap, now - last_beat);
  longest_cpu = MAX (longest_cpu, cpu - last_cpu);
  last_cpu = cpu;
  if (now - last_beat > 20 * 1000)
    last_busy = now;
  last_beat = now;
  return G_SOURCE_CONTINUE;
}

/* A meeting's runner or the reflection page whose figures a step waits for, or NULL. */
static SamMeetingRunner *meeting_runner;
static SamReflectionPage *reflection_page;

static gboolean
loaded (gpointer data)
{
  if (meeting_runner != NULL)
    return !sam_meeting_runner_is_loading_figures (meeting_runner);
  if (reflection_page != NULL)
    return !sam_reflection_page_is_loading (reflection_page);
  return data == NULL || !sam_results_page_is_loading (data);
}

/* The page measured, made by the first step. */
static SamResultsPage *page;

typedef void (*StepFunc) (gpointer data);

static double worst_loading, worst_drawing, worst_cpu_loading, worst_cpu_drawing;
static double floor_stall, floor_cpu;
static double others_stall, others_cpu;  /* the other sections, the first time */
static double plain_floor;
static double step_stall, step_cpu;    /* the last step's longest, loading or drawing */

/* Runs @step, waits until the page has its figures, and lets it draw them. The stalls
 * are told apart: until the figures were on the page (computing them, building the
 * pages), and the frames after (laying the charts out and drawing them). */
static void
measure (const char *name,
         StepFunc    step,
         gpointer    data)
{
  gint64 start, ready, end, loading_gap, loading_cpu;

  test_spin (50);
  last_beat = g_get_monotonic_time ();
  last_cpu = thread_cpu_time ();
  longest_gap = 0;
  longest_cpu = 0;
  start = g_get_monotonic_time ();
  step (data);
  heartbeat (NULL);
  end = start + 30 * G_USEC_PER_SEC;
  while (!loaded (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  heartbeat (NULL);
  ready = g_get_monotonic_time ();
  loading_gap = longest_gap;
  loading_cpu = longest_cpu;

  /* The frames that follow lay the new pages out and draw them: wait until the main
   * thread has been free for half a second. */
  longest_gap = 0;
  longest_cpu = 0;
  last_busy = ready;
  while (g_get_monotonic_time () < MIN (end, last_busy + 500 * 1000))
    g_main_context_iteration (NULL, TRUE);
  heartbeat (NULL);

  g_print ("%-30s %5.0f ms until shown; longest stall %4.0f ms while loading, %4.0f ms drawing\n",
           name, (ready - start) / 1000.0, loading_gap / 1000.0, longest_gap / 1000.0);
  g_print ("%-30s %5s    (CPU time of it: %4.0f ms while loading, %4.0f ms drawing)\n", "", "",
           loading_cpu / 1000.0, longest_cpu / 1000.0);
  worst_loading = MAX (worst_loading, loading_gap / 1000.0);
  worst_drawing = MAX (worst_drawing, longest_gap / 1000.0);
  step_stall = MAX (loading_gap, longest_gap) / 1000.0;
  step_cpu = MAX (loading_cpu, longest_cpu) / 1000.0;
  worst_cpu_loading = MAX (worst_cpu_loading, loading_cpu / 1000.0);
  worst_cpu_drawing = MAX (worst_cpu_drawing, longest_cpu / 1000.0);
}

typedef struct
{
  GtkWindow  *window;
  SamContext *context;
} Opening;

static void
open_section (gpointer data)
{
  Opening *opening = data;

  if (SAM_IS_WINDOW (opening->window))
    {
      sam_window_show_section (SAM_WINDOW (opening->window), "results");
      page = SAM_RESULTS_PAGE (sam_window_get_section_page (SAM_WINDOW (opening->window),
                                                            "results"));
      return;
    }
  page = sam_results_page_new (opening->context);
  gtk_window_set_child (opening->window, GTK_WIDGET (page));
}

/* Sections built at the start, to compare with: the support page, shown the first time,
 * and the start page again, which costs the main thread next to nothing, so that its
 * stall is what the renderer and the display take to show another page on this machine
 * (drawn with OpenGL on llvmpipe under Xvfb, tens of milliseconds while the main thread
 * waits; with cairo, which the app picks there, a few). The line "Window:" says which
 * renderer drew. */
static void
show_support (gpointer data)
{
  sam_window_show_section (data, "support");
}

static void
show_overview (gpointer data)
{
  sam_window_show_section (data, "overview");
}

static SamWindow *the_window;

/* The least a libadwaita window of this size costs here to show another page: an AdwWindow
 * (drawn with its own frame, as the app's) with a stack of two pages of text, each painting
 * the whole window, switched. */
static void
switch_plain (gpointer data)
{
  GtkStack *stack = data;

  gtk_stack_set_visible_child_name (stack, g_str_equal (gtk_stack_get_visible_child_name (stack),
                                                        "a") ? "b" : "a");
}

static double
plain_window_floor (int width,
                    int height)
{
  GtkWindow *plain = GTK_WINDOW (adw_window_new ());
  GtkWidget *stack = gtk_stack_new ();
  double most = 0;

  for (guint p = 0; p < 2; p++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      for (guint i = 0; i < 12; i++)
        {
          g_autofree char *text = g_strdup_printf ("Page %c, line %u: some text to show, as a "
                                                   "page of the app has", 'a' + p, i);

          gtk_box_append (GTK_BOX (box), gtk_label_new (text));
        }
      /* Each page paints the whole window, as a page of the app does. */
      gtk_widget_add_css_class (box, p == 0 ? "view" : "background");
      gtk_stack_add_named (GTK_STACK (stack), box, p == 0 ? "a" : "b");
    }
  adw_window_set_content (ADW_WINDOW (plain), stack);
  gtk_window_set_default_size (plain, width, height);
  gtk_window_present (plain);
  test_spin (300);
  for (guint i = 0; i < 4; i++)
    {
      measure ("A plain libadwaita window: another page", switch_plain, stack);
      if (i > 0)
        most = MAX (most, step_stall);
    }
  gtk_window_destroy (plain);
  test_spin (50);
  return most;
}

static void
show_section (gpointer data)
{
  sam_window_show_section (the_window, data);
}

/* A cluster meeting of the whole national cluster, started from the Meetings section. */
static void
start_meeting (gpointer data)
{
  SamMeetingsPage *meetings;
  g_autoptr(GError) error = NULL;

  sam_window_show_section (the_window, "meetings");
  meetings = SAM_MEETINGS_PAGE (sam_window_get_section_page (the_window, "meetings"));
  if (!sam_meetings_page_run (meetings, *(gint64 *) data, &error))
    g_error ("%s", error->message);
  meeting_runner = sam_meetings_page_get_runner (meetings);
}

/* On through the meeting to its first data review. */
static void
to_data_review (gpointer data)
{
  for (guint i = 0; i < 10 && sam_meeting_runner_get_step (meeting_runner)->kind !=
                                SAM_MEETING_STEP_DATA_REVIEW; i++)
    sam_meeting_runner_next (meeting_runner);
}

/* The reflection journal of the solo doctor of a clinic of the national cluster. */
static void
solo_reflection (gpointer data)
{
  sam_window_show_section (the_window, "reflection");
  reflection_page = SAM_REFLECTION_PAGE (sam_window_get_section_page (the_window, "reflection"));
}

typedef struct
{
  gint64   round_id;
  gboolean own_view;
} Choice;

static void
choose (gpointer data)
{
  Choice *choice = data;

  sam_results_page_select (page, choice->round_id, choice->own_view);
}

static void
choose_twice (gpointer data)
{
  Choice *choices = data;

  choose (&choices[0]);
  choose (&choices[1]);
}

/* The shown page's scrolled window: the overview's, after the section opens. */
static GtkScrolledWindow *
shown_scroller (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_SCROLLED_WINDOW (child))
        return GTK_SCROLLED_WINDOW (child);
      if ((found = shown_scroller (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the overview to @data (a share of the way down, in thousandths), where the
 * clinic-by-clinic charts and the heatmap of every clinic come into view. */
static void
scroll (gpointer data)
{
  GtkScrolledWindow *scroller = shown_scroller (GTK_WIDGET (page));
  GtkAdjustment *adjustment;

  if (scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) *
                                        GPOINTER_TO_INT (data) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamContext) context = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamApplication) app = NULL;
  gboolean bare = FALSE;
  GtkWindow *window;
  Opening opening;
  gint64 start;
  guint beat;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        db = g_strdup (argv[++i]);
      else if (g_str_equal (argv[i], "--bare"))
        bare = TRUE;
      else
        {
          g_printerr ("Usage: %s [--db PATH] [--bare]\n", argv[0]);
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
  if (db == NULL)
    {
      g_print ("Making a national-scale database…\n");
      db = bench_national_database (dir);
    }
  else
    {
      /* A copy: the steps write to it (a meeting, the computer's own clinic). */
      g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (db, &contents, &length, &error) ||
          !g_file_set_contents (copy, contents, length, &error))
        g_error ("%s", error->message);
      g_free (db);
      db = g_steal_pointer (&copy);
    }

  if (bare)
    {
      store = sam_store_new (db, &error);
      g_assert_no_error (error);
      context = sam_context_new (store, NULL);
      window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (window, 1280, 900);
      gtk_window_present (window);
    }
  else
    {
      /* The app's window on the database, at its start page. */
      app = sam_application_new (db, FALSE);
      test_unique_application_id (G_APPLICATION (app));
      if (!g_application_register (G_APPLICATION (app), NULL, &error))
        g_error ("%s", error->message);
      g_application_activate (G_APPLICATION (app));
      test_spin (20);
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      if (window == NULL || sam_window_get_context (SAM_WINDOW (window)) == NULL)
        g_error ("The window did not open %s", db);
      /* At the size of the bare window: shown again at it. */
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_window_set_default_size (window, 1280, 900);
      gtk_window_present (window);
      context = g_object_ref (sam_window_get_context (SAM_WINDOW (window)));
      store = g_object_ref (sam_context_get_store (context));
    }
  rounds = sam_store_list_rounds (store, &error);
  g_assert_no_error (error);
  g_print ("Database: %s, %u rounds; %s\n", db, rounds->len,
           bare ? "Results alone in an empty window" : "Results opened in the app's window");

  start = g_get_monotonic_time ();
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < start + 5 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  /* Whatever the start page still had to do, done. */
  test_spin (300);

  beat = g_timeout_add (1, heartbeat, NULL);

  if (!bare)
    {
      plain_floor = plain_window_floor (gtk_widget_get_width (GTK_WIDGET (window)),
                                        gtk_widget_get_height (GTK_WIDGET (window)));
      g_print ("Window: %d × %d, drawn by %s\n", gtk_widget_get_width (GTK_WIDGET (window)),
               gtk_widget_get_height (GTK_WIDGET (window)),
               sam_renderer_describe (GTK_NATIVE (window)));
      measure ("Show Support (the first time)", show_support, window);
      for (guint i = 0; i < 3; i++)
        {
          measure ("Back to the start page", show_overview, window);
          floor_stall = MAX (floor_stall, step_stall);
          floor_cpu = MAX (floor_cpu, step_cpu);
          measure ("Show Support again", show_support, window);
        }
      worst_loading = worst_drawing = worst_cpu_loading = worst_cpu_drawing = 0;
    }
  opening.window = window;
  opening.context = context;
  measure ("Open Results (newest round)", open_section, &opening);
  /* Newest first: the rounds before it, then back to it. */
  for (guint r = 1; r <= rounds->len; r++)
    {
      SamRound *round = g_ptr_array_index (rounds, r % rounds->len);
      Choice choice = { round->id, FALSE };
      g_autofree char *name = g_strdup_printf ("Switch to round \"%s\"", round->label);

      measure (name, choose, &choice);
    }
  /* Two choices in quick succession: only the second is shown. */
  {
    Choice twice[2] = {
      { ((SamRound *) g_ptr_array_index (rounds, rounds->len - 1))->id, FALSE },
      { ((SamRound *) g_ptr_array_index (rounds, 0))->id, FALSE },
    };

    measure ("Two switches in a row", choose_twice, twice);
  }
  /* Down the overview: the clinic-by-clinic charts, then the heatmap's middle and end. */
  measure ("Scroll to the clinic charts", scroll, GINT_TO_POINTER (12));
  measure ("Scroll to the heatmap's middle", scroll, GINT_TO_POINTER (500));
  measure ("Scroll a view further", scroll, GINT_TO_POINTER (520));
  measure ("Scroll to the heatmap's end", scroll, GINT_TO_POINTER (1000));
  g_print ("Results, longest main-thread stall: %.0f ms while loading, %.0f ms drawing\n",
           worst_loading, worst_drawing);
  g_print ("Results, most main-thread CPU time between two beats: %.0f ms while loading, %.0f ms "
           "drawing\n", worst_cpu_loading, worst_cpu_drawing);
  /* Every other section, the first time and again, at the same scale. */
  if (!bare)
    {
      const char *others[] = { "questionnaire", "meetings", "plan", "reflection", "results" };

      the_window = SAM_WINDOW (window);
      for (guint round = 0; round < 2; round++)
        for (guint i = 0; i < G_N_ELEMENTS (others); i++)
          {
            g_autofree char *name = g_strdup_printf ("Show %s%s", others[i],
                                                     round == 0 && i + 1 < G_N_ELEMENTS (others)
                                                       ? " (the first time)" : "");

            measure (name, show_section, (gpointer) others[i]);
            if (round == 0 && i + 1 < G_N_ELEMENTS (others))
              {
                others_stall = MAX (others_stall, step_stall);
                others_cpu = MAX (others_cpu, step_cpu);
              }
          }
    }

  /* A cluster meeting at the same scale: its round's figures, its first data review. */
  if (!bare)
    {
      SamRound *newest = g_ptr_array_index (rounds, 0);
      gint64 meeting_id;

      /* A meeting shows a round's charts once it is closed (this is the bench's copy). */
      if (!sam_store_set_round_closed (store, newest->id, TRUE, &error) ||
          !sam_meeting_store_create (store, "cluster-meeting", 0, newest->cluster_id, "2026-12-03",
                                     12, FALSE, &meeting_id, &error))
        g_error ("%s", error->message);
      measure ("Start a cluster meeting", start_meeting, &meeting_id);
      measure ("On to its first data review", to_data_review, NULL);
      meeting_runner = NULL;
    }
  /* This computer a solo doctor's (its clinic a solo practice): the reflection journal
   * shows the doctor's figures on collegial support beside the cluster's. */
  if (!bare)
    {
      g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, &error);
      gint64 solo = clinics != NULL && clinics->len > 0
                    ? ((SamClinic *) g_ptr_array_index (clinics, 0))->id : 0;

      if (!sam_store_set_own_clinic (store, solo, &error) ||
          !sam_store_set_clinic_kind (store, solo, SAM_CLINIC_KIND_SOLO, &error))
        g_error ("%s", error->message);
      sam_window_show_section (SAM_WINDOW (window), "overview");
      measure ("A solo doctor's reflection", solo_reflection, NULL);
      reflection_page = NULL;
    }
  if (!bare)
    g_print ("The other sections, the first time: a stall of up to %.0f ms, %.0f ms of it CPU "
             "time\n", others_stall, others_cpu);
  if (!bare)
    g_print ("The floor, back to the start page: a stall of up to %.0f ms, %.0f ms of it CPU time; "
             "a plain libadwaita window of the same size: up to %.0f ms\n",
             floor_stall, floor_cpu, plain_floor);

  g_source_remove (beat);
  gtk_window_destroy (window);
  test_spin (50);
  g_clear_object (&context);
  g_clear_object (&store);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  test_rm_rf (dir);
  return 0;
}
