/* test-collect-cli.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>

#include "test-collect-common.h"
#include "test-common.h"
#include "test-sqlite-common.h"

/* `samarbejde --collect-answers`, the real program, with no display: its first line is the
 * address, phones post forms to it, SIGTERM (or Ctrl+C) ends it with the count, and the
 * database holds exactly what was posted. */

static char *tmpdir;

static char **
child_environment (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", tmpdir, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  return envp;
}

static GSubprocess *
spawn (GError     **error,
       const char  *first,
       ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = child_environment ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("SAMARBEJDE_EXE"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_environ (launcher, envp);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

/* Runs a command to its end; returns its exit status, with what it printed. */
static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = child_environment ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("SAMARBEJDE_EXE"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A database with round "Baseline 2026" of "Klynge Syd", with Klinik 1 and Klinik 2. */
static char *
make_database (const char *name)
{
  g_autofree char *csv = g_build_filename (tmpdir, "survey.csv", NULL);
  char *db = g_build_filename (tmpdir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  test_write_file (csv, "clinic;role;q1\nKlinik 1;partner;1\nKlinik 2;solo;2\n", -1);
  g_assert_cmpint (run (&out, &err, "--database", db, "--import-survey", csv, "--round", "Baseline 2026",
                        "--cluster", "Klynge Syd", NULL), ==, 0);
  return db;
}

static char *
read_line (GDataInputStream *stream)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

static void
test_collect_answers (void)
{
  g_autofree char *db = make_database ("collect.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(SoupSession) phone = test_phone_new ();
  g_autofree char *address = NULL;
  g_autofree char *form_url = NULL;
  g_autofree char *action = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *body = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(TestResponse) form = NULL;
  g_autoptr(TestResponse) posted = NULL;
  g_autoptr(TestResponse) again = NULL;
  g_autoptr(TestResponse) bad = NULL;

  process = spawn (&error, "--database", db, "--collect-answers", "Baseline 2026", "--clinic", "Klinik 2",
                   "--listen", "127.0.0.1", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* The first line is the address, and the server already takes requests. */
  address = read_line (out);
  g_assert_nonnull (address);
  g_assert_true (g_regex_match_simple ("^http://127\\.0\\.0\\.1:[0-9]+/[A-Za-z0-9_-]{22,}/$", address, 0, 0));

  form_url = g_strconcat (address, "?role=solo", NULL);
  form = test_get (phone, form_url, "da");
  g_assert_cmpuint (form->status, ==, 200);
  g_assert_nonnull (strstr (form->body, "Sololæge"));
  action = test_form_action (form->body, form_url);
  hidden = test_hidden_fields (form->body);
  body = g_strconcat (hidden, "&q1=3&q8=2&q10a=9&q10b=1", NULL);
  posted = test_post_form (phone, action, body);
  g_assert_cmpuint (posted->status, ==, 200);
  again = test_post_form (phone, action, body);
  g_assert_cmpuint (again->status, ==, 200);
  bad = test_post_form (phone, action, "role=solo&q3=1");
  g_assert_cmpuint (bad->status, ==, 400);

  /* SIGTERM: the count, and a clean exit. */
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  rest = read_line (out);
  g_assert_cmpstr (rest, ==, "1 person answered");

  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM respondents"), ==, 3);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM respondents r JOIN clinics c ON c.id = r.clinic_id "
                              "WHERE c.code = 'Klinik 2' AND r.role = 'solo' AND r.source = 'app'"), ==, 1);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM answers a JOIN respondents r ON r.id = a.respondent_id "
                              "WHERE r.source = 'app'"), ==, 4);
  g_assert_cmpint (sql_int (db, "SELECT code FROM answers a JOIN respondents r ON r.id = a.respondent_id "
                              "WHERE r.source = 'app' AND a.item = 'q10a'"), ==, 9);
}

/* Ctrl+C is the same stop, here with nobody having answered. */
static void
test_interrupt (void)
{
  g_autofree char *db = make_database ("interrupt.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *address = NULL;
  g_autofree char *rest = NULL;

  process = spawn (&error, "--database", db, "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1",
                   "--listen", "127.0.0.1", "--port", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  address = read_line (out);
  g_assert_true (g_str_has_prefix (address, "http://127.0.0.1:"));
  g_subprocess_send_signal (process, SIGINT);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  rest = read_line (out);
  g_assert_cmpstr (rest, ==, "0 people answered");
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM respondents"), ==, 2);
}

/* What cannot run is said, and nothing listens. */
static void
test_refusals (void)
{
  g_autofree char *db = make_database ("refusals.db");
  g_autofree char *missing = g_build_filename (tmpdir, "none", "missing.db", NULL);
  struct {
    const char *args[10];
    const char *says;
  } cases[] = {
    { { "--collect-answers", "Baseline 2026", NULL }, "--clinic" },
    { { "--collect-answers", "Baseline 2026", "--clinic", "Klinik 9", NULL }, "Klinik 9" },
    { { "--collect-answers", "Baseline 2099", "--clinic", "Klinik 1", NULL }, "Baseline 2099" },
    { { "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1", "--listen", "clinic.example", NULL },
      "clinic.example" },
    { { "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1", "--port", "70000", NULL }, "--port" },
    { { "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1", "--round", "Other", NULL }, "--round" },
    { { "--listen", "127.0.0.1", "--summary", NULL }, "--collect-answers" },
    { { "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1", "--close-round", "Baseline 2026", NULL },
      "--collect-answers" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char **a = cases[i].args;
      int status = run (&out, &err, "--database", db, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);

      g_assert_cmpint (status, !=, 0);
      if (strstr (err, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say %s", i, err, cases[i].says);
      g_assert_cmpstr (out, ==, "");
    }

  /* A closed round takes no answers. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, "--database", db, "--close-round", "Baseline 2026", NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (&out, &err, "--database", db, "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1",
                          "--listen", "127.0.0.1", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "closed"));
    g_assert_cmpstr (out, ==, "");
  }
  /* A database that is not there is not made. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (&out, &err, "--database", missing, "--collect-answers", "R", "--clinic", "K",
                          "--listen", "127.0.0.1", NULL), ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/collect-cli/collect-answers", test_collect_answers);
  g_test_add_func ("/collect-cli/interrupt", test_interrupt);
  g_test_add_func ("/collect-cli/refusals", test_refusals);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
