/* bench-collect.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "sam-collect.h"
#include "sam-store-testing.h"
#include "test-collect-common.h"
#include "test-common.h"

/* 50 phones submitting a whole questionnaire at the same moment, in waves, to the server
 * on this thread's main loop, as in the window. The phones are another thread with its own
 * main loop. Prints the response times (p50, p99, max), checks that every submission is
 * stored exactly once, and how long the main loop, the window's, was kept from turning
 * (what a person at the window would feel). Figures, not a verdict. */

#define N_PHONES 50
#define N_WAVES  5

typedef struct
{
  const char *address;
  GMainLoop  *loop;
  GArray     *latencies;    /* double, ms */
  guint       ok;
  guint       failed;
} Bench;

typedef struct
{
  Bench       *bench;
  SoupMessage *msg;
  gint64       start;
  guint       *pending;
} Request;

static void
on_posted (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  double ms = (g_get_monotonic_time () - request->start) / 1000.0;

  g_array_append_val (request->bench->latencies, ms);
  if (bytes != NULL && soup_message_get_status (request->msg) == 200)
    request->bench->ok++;
  else
    request->bench->failed++;
  (*request->pending)--;
  g_object_unref (request->msg);
  g_free (request);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
phones (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *form_url = NULL;

  g_main_context_push_thread_default (context);
  session = test_phone_new ();
  form_url = g_strconcat (bench->address, "?role=partner", NULL);

  for (guint wave = 0; wave < N_WAVES; wave++)
    {
      char *bodies[N_PHONES];
      guint pending = N_PHONES;

      /* Each phone has its form open first. */
      for (guint i = 0; i < N_PHONES; i++)
        {
          g_autoptr(TestResponse) form = test_get (session, form_url, "da");
          g_autofree char *hidden = test_hidden_fields (form->body);

          bodies[i] = g_strdup_printf ("%s&q1=%u&q2a=1&q2b=2&q2c=3&q2d=4&q3=5&q4a=1&q4b=2&q5a=3&q5b=4&q5c=5"
                                       "&q5d=9&q5e=6&q5f=1&q6a=2&q6b=3&q6c=4&q7a=5&q7b=1&q7c=2&q7d=3&q7e=4"
                                       "&q7f=5&q7g=1&q7h=2&q8=3&q9=4&q10a=9&q10b=1&q10c=2&q10d=3",
                                       hidden, 1 + i % 5);
        }
      /* Then all of them press Submit at once. */
      for (guint i = 0; i < N_PHONES; i++)
        {
          Request *request = g_new0 (Request, 1);
          g_autoptr(GBytes) bytes = g_bytes_new_take (bodies[i], strlen (bodies[i]));

          request->bench = bench;
          request->pending = &pending;
          request->msg = soup_message_new (SOUP_METHOD_POST, bench->address);
          soup_message_set_request_body_from_bytes (request->msg, SOUP_FORM_MIME_TYPE_URLENCODED, bytes);
          request->start = g_get_monotonic_time ();
          soup_session_send_and_read_async (session, request->msg, G_PRIORITY_DEFAULT, NULL, on_posted, request);
        }
      while (pending > 0)
        g_main_context_iteration (context, TRUE);
    }

  g_main_context_pop_thread_default (context);
  g_idle_add (quit_loop, bench->loop);
  return NULL;
}

typedef struct
{
  gint64 last;
  gint64 worst;
} Stall;

/* How late a 5 ms tick comes: the longest the main loop was busy with something else. */
static gboolean
tick (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last > 0)
    stall->worst = MAX (stall->worst, now - stall->last - 5000);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p / 100.0 * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamCollect) collect = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GThread *thread;
  Bench bench = { 0 };
  Stall stall = { 0 };
  gint64 cluster, clinic, round, started;
  guint tick_id;
  double seconds;
  const char *localedir = g_getenv ("SAMARBEJDE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);

  store = sam_store_new (path, &error);
  g_assert_no_error (error);
  if (g_getenv ("BENCH_SYNC_NORMAL"))
    sam_store_testing_exec (store, "PRAGMA synchronous = NORMAL", NULL);
  g_assert_true (sam_store_ensure_cluster (store, "Klynge", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, NULL));
  g_assert_true (sam_store_create_round (store, cluster, "R1", "2026-03-01", &round, NULL));

  collect = sam_collect_new (store, round, clinic);
  g_assert_true (sam_collect_start (collect, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  /* The default limit lets one wave of 50 through; the later waves come sooner than real
   * phones would. */
  sam_collect_set_rate_limit (collect, N_PHONES * N_WAVES, 60 * 1000);

  bench.address = sam_collect_get_address (collect);
  bench.loop = loop;
  bench.latencies = g_array_new (FALSE, FALSE, sizeof (double));

  tick_id = g_timeout_add (5, tick, &stall);
  started = g_get_monotonic_time ();
  thread = g_thread_new ("phones", phones, &bench);
  g_main_loop_run (loop);
  g_thread_join (thread);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  g_source_remove (tick_id);

  g_array_sort (bench.latencies, compare_double);
  g_print ("%u phones x %u waves, each a whole questionnaire (31 answers), posted at once\n", N_PHONES, N_WAVES);
  g_print ("stored: %u, refused or failed: %u, respondents in the database: %" G_GINT64_FORMAT
           ", answers: %" G_GINT64_FORMAT "\n",
           bench.ok, bench.failed, query (store, "SELECT count(*) FROM respondents"),
           query (store, "SELECT count(*) FROM answers"));
  g_print ("response time: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
           percentile (bench.latencies, 50), percentile (bench.latencies, 99), percentile (bench.latencies, 100));
  g_print ("longest the main loop was kept from turning: %.1f ms; whole run %.2f s\n", stall.worst / 1000.0, seconds);

  g_assert_cmpuint (bench.ok, ==, N_PHONES * N_WAVES);
  g_assert_cmpint (query (store, "SELECT count(*) FROM respondents"), ==, N_PHONES * N_WAVES);
  g_assert_cmpint (query (store, "SELECT count(*) FROM answers"), ==, N_PHONES * N_WAVES * 31);
  g_assert_cmpuint (sam_collect_get_n_answered (collect), ==, N_PHONES * N_WAVES);

  sam_collect_stop (collect);
  g_clear_object (&collect);
  g_clear_object (&store);
  g_array_unref (bench.latencies);
  test_rm_rf (dir);
  return 0;
}
