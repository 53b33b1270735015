/* test-cli.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-common.h"

/* The command line works with no display at all: it runs the real program with DISPLAY and
 * WAYLAND_DISPLAY unset and checks what it prints and how it exits. */

static char *tmpdir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

static Result
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Result result = { 0 };
  const char *exe = g_getenv ("SAMARBEJDE_EXE");
  const char *arg;
  va_list args;
  int wait_status;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", tmpdir, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result.out, &result.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result.status = WEXITSTATUS (wait_status);
  return result;
}

static void
test_version (void)
{
  Result result = run ("--version", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "samarbejde " PACKAGE_VERSION "\n");
  result_clear (&result);
}

static void
test_summary_new_database (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "cli", "new.db", NULL);
  Result result = run ("--database", path, "--summary", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, path));
  g_assert_nonnull (strstr (result.out, "Respondents: 0\n"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (test_file_mode (path), ==, 0600);
  result_clear (&result);
}

static void
test_summary_demo (void)
{
  g_autofree char *demo = g_build_filename (tmpdir, "samarbejde", "demo.db", NULL);
  Result result = run ("--demo", "--summary", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "(demo)"));
  g_assert_nonnull (strstr (result.out, "Clinics: 12\n"));
  g_assert_nonnull (strstr (result.out, "Rounds: 2\n"));
  g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
  result_clear (&result);
}

static void
test_bad_database (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "letter.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Result result;

  test_write_file (path, "Dear colleague, this is not a database.\n", -1);
  before = test_read_file (path);
  result = run ("--database", path, "--summary", NULL);

  g_assert_cmpint (result.status, !=, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, path));
  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  result_clear (&result);
}

static void
test_bad_options (void)
{
  Result result = run ("--demo", "--database", "x.db", "--summary", NULL);

  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--demo"));
  result_clear (&result);

  result = run ("--database", NULL);
  g_assert_cmpint (result.status, ==, 2);
  result_clear (&result);
}

static void
test_help (void)
{
  Result result = run ("--help", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database"));
  g_assert_nonnull (strstr (result.out, "--summary"));
  result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/summary/new-database", test_summary_new_database);
  g_test_add_func ("/cli/summary/demo", test_summary_demo);
  g_test_add_func ("/cli/bad-database", test_bad_database);
  g_test_add_func ("/cli/bad-options", test_bad_options);
  g_test_add_func ("/cli/help", test_help);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
