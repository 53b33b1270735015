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

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "survey", name, NULL);
}

static char *
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return g_strdup_printf ("%u", n);
}

/* Import, export and the national reference, as a script would run them. */
static void
test_import_export (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "data", "cli.db", NULL);
  g_autofree char *survey = fixture_path ("excel-da.csv");
  g_autofree char *results = g_build_filename (tmpdir, "data", "results.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *n_rows = NULL;
  Result result;

  result = run ("--database", db, "--import-survey", survey, "--round", "Baseline 2026",
                "--cluster", "Klynge Syd", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 clinics, 4 respondents"));
  g_assert_nonnull (strstr (result.out, "Tidsstempel, Kommentar"));
  result_clear (&result);

  /* Twice: recognised, nothing added, and not an error. */
  result = run ("--database", db, "--import-survey", survey, "--round", "Baseline 2026",
                "--cluster", "Klynge Syd", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "nothing was added"));
  result_clear (&result);

  result = run ("--database", db, "--export-results", "-", "--min-group", "1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n"));
  n_rows = count_lines (result.out, "Baseline 2026,Klynge Syd,");
  g_assert_cmpstr (n_rows, ==, "102");
  /* Klinik 1, q1: "I høj grad" and "3" -> (75 + 50) / 2 = 62.5 */
  g_assert_nonnull (strstr (result.out, "Baseline 2026,Klynge Syd,clinic,Klinik 1,q1,2,62.5,50.0,0.0|50.0|50.0|0.0|0.0,0\n"));
  /* The summary goes to standard error when the results go to standard output. */
  g_assert_nonnull (strstr (result.err, "Wrote 102 rows"));
  result_clear (&result);

  /* To a file, with the saved minimum group size (3). */
  result = run ("--database", db, "--export-results", results, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (results, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Baseline 2026,Klynge Syd,clinic,Klinik 1,q1,2,,,,1\n"));
  result_clear (&result);

  result = run ("--database", db, "--export-results", "-", "--round", "No such round", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "No such round"));
  result_clear (&result);
}

/* A failed command leaves the database exactly as it was, whatever came before it. */
static void
test_failure_changes_nothing (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "data", "fail.db", NULL);
  g_autofree char *good = fixture_path ("tabs.tsv");
  g_autofree char *bad = fixture_path ("bad-answer.csv");
  g_autofree char *reference = g_build_filename (tmpdir, "data", "reference.csv", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Result result;

  result = run ("--database", db, "--import-survey", good, "--round", "R1", "--cluster", "K", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  before = test_read_file (db);

  test_write_file (reference, "round,scope,item,n,mean\nR1,national,q1,100,70.0\n", -1);
  result = run ("--database", db, "--import-reference", reference, "--import-survey", bad, "--round", "R1", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "bad-answer.csv:4:q7c: \"Enig\" is not an answer to this item"));
  result_clear (&result);

  after = test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));

  result = run ("--database", db, "--export-results", "-", NULL);
  g_assert_null (strstr (result.out, "national"));
  result_clear (&result);

  result = run ("--database", db, "--export-results", "-", "--min-group", "0", NULL);
  g_assert_cmpint (result.status, ==, 2);
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
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/failure-changes-nothing", test_failure_changes_nothing);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
