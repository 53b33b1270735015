/* test-cli.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include "test-common.h"

/* The command line works with no display at all: it runs the real program with DISPLAY and
 * WAYLAND_DISPLAY unset and checks what it prints and how it exits. */

static char *tmpdir;

/* How the next run's child starts: as it is, as an unprivileged user (where the tests run
 * as root, who may write anything), or with a small limit on the size of files it writes
 * (a full disk, without a small file system). */
static enum { CHILD_PLAIN, CHILD_UNPRIVILEGED, CHILD_SMALL_DISK } child_mode;
static rlim_t small_disk_bytes;

static void
child_setup (gpointer data)
{
  if (child_mode == CHILD_UNPRIVILEGED && geteuid () == 0)
    {
      /* nobody:nogroup */
      if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
        _exit (99);
    }
  else if (child_mode == CHILD_SMALL_DISK)
    {
      struct rlimit limit = { small_disk_bytes, small_disk_bytes };

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
    }
}

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

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, child_setup, NULL,
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

/* Commands that only read create nothing: a mistyped path is an error naming it, and no
 * folder or file appears. */
static void
test_summary_missing_database (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "cli", NULL);
  g_autofree char *path = g_build_filename (folder, "new.db", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "missing.csv", NULL);
  Result result = run ("--database", path, "--summary", NULL);

  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, path));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  result_clear (&result);

  result = run ("--database", path, "--export-results", out, NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, path));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  result_clear (&result);

  result = run ("--database", path, "--export-deck", out, "--round", "R1", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
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
  g_autofree char *tabs = fixture_path ("tabs.tsv");
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

  /* An open round is not published: left out, and named. */
  result = run ("--database", db, "--export-results", "-", "--min-group", "1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n");
  g_assert_nonnull (strstr (result.err, "Left out round “Baseline 2026”"));
  result_clear (&result);
  result = run ("--database", db, "--export-results", "-", "--round", "Baseline 2026", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "still open"));
  result_clear (&result);

  result = run ("--database", db, "--close-round", "Baseline 2026", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Closed round “Baseline 2026”"));
  result_clear (&result);
  result = run ("--database", db, "--close-round", "Baseline 2026", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "closed already"));
  result_clear (&result);
  /* Closed, it takes no more answers. */
  result = run ("--database", db, "--import-survey", tabs, "--round", "Baseline 2026",
                "--cluster", "Klynge Syd", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "closed"));
  result_clear (&result);

  result = run ("--database", db, "--export-results", "-", "--min-group", "1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  /* Below 3, what it exposes is said (the window asks first). */
  g_assert_nonnull (strstr (result.err, "samarbejde: Figures built on the answers of only 1 person"));
  g_assert_true (g_str_has_prefix (result.out, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\n"));
  n_rows = count_lines (result.out, "Baseline 2026,Klynge Syd,");
  g_assert_cmpstr (n_rows, ==, "102");
  /* Klinik 1, q1: "I høj grad" and "3" -> (75 + 50) / 2 = 62.5 */
  g_assert_nonnull (strstr (result.out, "Baseline 2026,Klynge Syd,clinic,Klinik 1,q1,2,62.5,50.0,0.0|50.0|50.0|0.0|0.0,0\n"));
  /* The summary goes to standard error when the results go to standard output. */
  g_assert_nonnull (strstr (result.err, "Wrote 102 rows"));
  result_clear (&result);

  /* Published at 1, the round keeps its k: the saved setting (3) is for first publications,
   * and asking for 3 is refused with the reason. */
  result = run ("--database", db, "--export-results", results, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (results, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Baseline 2026,Klynge Syd,clinic,Klinik 1,q1,2,62.5,"));
  g_assert_cmpint (test_file_mode (results), ==, 0600);
  result_clear (&result);
  result = run ("--database", db, "--export-results", results, "--min-group", "3", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "minimum group size of 1"));
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

/* Names a spreadsheet would run as a formula are refused on the command line too, and
 * leave the database as it was. */
static void
test_formula_names (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "data", "formula.db", NULL);
  g_autofree char *good = fixture_path ("tabs.tsv");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Result result;

  result = run ("--database", db, "--import-survey", good, "--round", "R1", "--cluster", "K", NULL);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  before = test_read_file (db);

  result = run ("--database", db, "--import-survey", good, "--round", "=1+1", "--cluster", "K", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_test_message ("%s", result.err);
  g_assert_nonnull (strstr (result.err, "the round given for the import: \"=1+1\" cannot be a name: it begins with \"=\""));
  result_clear (&result);

  result = run ("--database", db, "--import-survey", good, "--round", "R2", "--cluster", "@K", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_test_message ("%s", result.err);
  g_assert_nonnull (strstr (result.err, "“@K” cannot be a name"));
  result_clear (&result);

  after = test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));
}

/* The rows of a results file: "scope|unit|item" -> "n,mean,favourable,distribution,suppressed". */
static GHashTable *
read_results (const char *path,
              const char *scope)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      if (scope != NULL && !g_str_equal (fields[2], scope))
        continue;
      g_hash_table_insert (rows, g_strdup_printf ("%s|%s|%s", fields[2], fields[3], fields[4]),
                           g_strjoinv (",", fields + 5));
    }
  return rows;
}

/* Every row of @part is in @whole, with the same values. */
static void
assert_rows_in (GHashTable *part,
                GHashTable *whole)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (part), >, 0);
  g_hash_table_iter_init (&iter, part);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (g_hash_table_lookup (whole, key), value) != 0)
        g_test_message ("row %s: %s against %s", (char *) key, (char *) value,
                        (char *) g_hash_table_lookup (whole, key));
      g_assert_cmpstr (g_hash_table_lookup (whole, key), ==, value);
    }
}

static void
run_ok (const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;
  Result result;

  va_start (list, first);
  for (arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  while (args->len < 16)
    g_ptr_array_add (args, NULL);
  result = run (args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3], args->pdata[4],
                args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8], args->pdata[9],
                args->pdata[10], args->pdata[11], args->pdata[12], args->pdata[13], NULL);
  if (result.status != 0)
    g_test_message ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
}

/* The cluster's round trip between computers, each with its own database: every clinic
 * answers on its own, sends its tallies; the coordinator takes them in (one call), closes
 * the round and sends the figures back; each clinic sees the cluster's rows exactly as the
 * coordinator's, and its own from its own answers. The clinics are the contract's worked
 * example for one item group: A 1 solo doctor, B 3 partners, D 5, E 6 (k = 3). */
static void
test_round_trip (void)
{
  static const struct { const char *code; const char *role; guint n; } clinics[] = {
    { "Klinik A", "solo", 1 }, { "Klinik B", "partner", 3 }, { "Klinik D", "partner", 5 },
    { "Klinik E", "partner", 6 },
  };
  g_autofree char *dir = g_build_filename (tmpdir, "trip", NULL);
  g_autofree char *coordinator = g_build_filename (dir, "coordinator.db", NULL);
  g_autofree char *figures = g_build_filename (dir, "figures.json", NULL);
  g_autofree char *own_figures = g_build_filename (dir, "figures-b.json", NULL);
  g_autofree char *coordinator_csv = g_build_filename (dir, "coordinator.csv", NULL);
  g_autofree char *reference = g_build_filename (dir, "reference.csv", NULL);
  g_autoptr(GHashTable) published = NULL;
  char *tallies[G_N_ELEMENTS (clinics)];
  char *databases[G_N_ELEMENTS (clinics)];
  Result result;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint c = 0; c < G_N_ELEMENTS (clinics); c++)
    {
      g_autofree char *survey = g_strdup_printf ("%s/survey-%u.csv", dir, c);
      g_autoptr(GString) text = g_string_new ("clinic;role;q1;q2a;q7a;q8;q9\n");

      for (guint i = 0; i < clinics[c].n; i++)
        g_string_append_printf (text, "%s;%s;%u;%u;%u;%u;%u\n", clinics[c].code, clinics[c].role,
                                1 + (c + i) % 5, 1 + (c * 2 + i) % 5, 1 + i % 5, 1 + (c + 2 * i) % 5,
                                1 + (3 * c + i) % 5);
      test_write_file (survey, text->str, -1);
      databases[c] = g_strdup_printf ("%s/clinic-%u.db", dir, c);
      tallies[c] = g_strdup_printf ("%s/tallies-%u.json", dir, c);
      run_ok ("--database", databases[c], "--import-survey", survey, "--round", "R1", "--cluster", "Klynge", NULL);
      /* The tallies file may carry one person's answers: only its owner reads it. */
      run_ok ("--database", databases[c], "--export-tallies", tallies[c], "--round", "R1", "--clinic",
              clinics[c].code, NULL);
      g_assert_cmpint (test_file_mode (tallies[c]), ==, 0600);
    }

  /* A new coordinator's database does not know the cluster: refused unless named. */
  result = run ("--database", coordinator, "--import-cluster-file", tallies[0], NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, tallies[0]));
  g_assert_nonnull (strstr (result.err, "Klynge"));
  result_clear (&result);

  run_ok ("--database", coordinator, "--cluster", "Klynge", "--round", "R1",
          "--import-cluster-file", tallies[0], "--import-cluster-file", tallies[1],
          "--import-cluster-file", tallies[2], "--import-cluster-file", tallies[3], NULL);
  test_write_file (reference, "round,scope,item,n,mean,favourable,distribution,suppressed\n"
                              "R1,national,q8,900,70.0,55.0,20.0|35.0|30.0|10.0|5.0,0\n", -1);
  run_ok ("--database", coordinator, "--import-reference", reference, NULL);

  /* The figures file needs the round closed. */
  result = run ("--database", coordinator, "--export-figures", figures, "--round", "R1", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "open"));
  g_assert_false (g_file_test (figures, G_FILE_TEST_EXISTS));
  result_clear (&result);

  run_ok ("--database", coordinator, "--close-round", "R1", "--export-figures", figures, "--round", "R1",
          "--export-results", coordinator_csv, NULL);
  run_ok ("--database", coordinator, "--export-figures", own_figures, "--round", "R1", "--clinic", "Klinik B", NULL);
  /* Once published at 3, never at another k. */
  result = run ("--database", coordinator, "--export-figures", figures, "--round", "R1", "--min-group", "5", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "minimum group size of 3"));
  result_clear (&result);

  /* The worked example: A withheld (1 answer), then B, then D; E and the cluster shown. */
  published = read_results (coordinator_csv, NULL);
  g_assert_cmpstr (g_hash_table_lookup (published, "clinic|Klinik A|q8"), ==, "1,,,,1");
  g_assert_cmpstr (g_hash_table_lookup (published, "clinic|Klinik B|q8"), ==, "3,,,,1");
  g_assert_cmpstr (g_hash_table_lookup (published, "clinic|Klinik D|q8"), ==, "5,,,,1");
  g_assert_true (g_str_has_suffix (g_hash_table_lookup (published, "clinic|Klinik E|q8"), ",0"));
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (published, "cluster|Klynge|q8"), "15,"));
  /* One group: D goes in q9 and index_D as well. */
  g_assert_cmpstr (g_hash_table_lookup (published, "clinic|Klinik D|index_D"), ==, "5,,,,1");
  g_assert_cmpstr (g_hash_table_lookup (published, "national|national|q8"), ==, "900,70.0,55.0,20.0|35.0|30.0|10.0|5.0,0");

  for (guint c = 0; c < G_N_ELEMENTS (clinics); c++)
    {
      g_autofree char *own_csv = g_strdup_printf ("%s/own-%u.csv", dir, c);
      g_autofree char *coordinator_own = g_strdup_printf ("%s/coordinator-own-%u.csv", dir, c);
      g_autoptr(GHashTable) own = NULL;
      g_autoptr(GHashTable) cluster_rows = NULL;
      g_autoptr(GHashTable) national = NULL;
      g_autoptr(GHashTable) others = NULL;
      GHashTableIter iter;
      gpointer key, value;

      run_ok ("--database", databases[c], "--import-cluster-file", figures, NULL);
      /* Again: known, nothing changes, and not an error. */
      result = run ("--database", databases[c], "--import-cluster-file", figures, NULL);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_nonnull (strstr (result.out, "nothing was added"));
      result_clear (&result);

      run_ok ("--database", databases[c], "--export-results", own_csv, "--clinic", clinics[c].code, NULL);
      own = read_results (own_csv, NULL);
      cluster_rows = read_results (own_csv, "cluster");
      national = read_results (own_csv, "national");
      assert_rows_in (cluster_rows, published);
      assert_rows_in (national, published);
      /* Every other clinic exactly as the coordinator publishes it. */
      others = read_results (own_csv, "clinic");
      g_hash_table_iter_init (&iter, others);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *own_prefix = g_strdup_printf ("clinic|%s|", clinics[c].code);

          if (!g_str_has_prefix (key, own_prefix))
            g_assert_cmpstr (g_hash_table_lookup (published, key), ==, value);
        }
      g_assert_cmpuint (g_hash_table_size (own), ==, g_hash_table_size (published));

      /* Its own rows from its own answers: as the coordinator's own view of it shows them. */
      run_ok ("--database", coordinator, "--export-results", coordinator_own, "--clinic", clinics[c].code, NULL);
      {
        g_autoptr(GHashTable) expected = read_results (coordinator_own, NULL);

        assert_rows_in (own, expected);
        assert_rows_in (expected, own);
      }
      g_free (databases[c]);
      g_free (tallies[c]);
    }

  /* Klinik A's own view shows its one answer; no one else's view does. */
  {
    g_autofree char *own_csv = g_strdup_printf ("%s/own-0.csv", dir);
    g_autoptr(GHashTable) own = read_results (own_csv, NULL);

    g_assert_true (g_str_has_suffix (g_hash_table_lookup (own, "clinic|Klinik A|q8"), ",0"));
    g_assert_cmpstr (g_hash_table_lookup (own, "clinic|Klinik B|q8"), ==, "3,,,,1");
  }

  /* A figures file made for Klinik B's own view gives Klinik B its own figures on a
   * computer with no answers at all. */
  {
    g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
    g_autofree char *empty_csv = g_build_filename (dir, "empty.csv", NULL);
    g_autofree char *own_csv = g_strdup_printf ("%s/own-1.csv", dir);
    g_autoptr(GHashTable) expected = read_results (own_csv, NULL);
    g_autoptr(GHashTable) actual = NULL;

    result = run ("--database", empty, "--import-cluster-file", own_figures, NULL);
    g_assert_cmpint (result.status, !=, 0);
    result_clear (&result);
    run_ok ("--database", empty, "--import-cluster-file", own_figures, "--cluster", "Klynge", "--round", "R1", NULL);
    run_ok ("--database", empty, "--export-results", empty_csv, "--clinic", "Klinik B", NULL);
    actual = read_results (empty_csv, NULL);
    assert_rows_in (expected, actual);
    assert_rows_in (actual, expected);
  }
}

/* Exchange files no clinic could send are refused, naming the file; the database stays
 * as it was, and the options of one call run as one change. */
static void
test_bad_cluster_files (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "bad-files", NULL);
  g_autofree char *db = g_build_filename (dir, "clinic.db", NULL);
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GString) edited = NULL;
  Result result;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_write_file (survey, "clinic,role,q1\nKlinik 1,partner,1\nKlinik 1,partner,2\n", -1);
  run_ok ("--database", db, "--import-survey", survey, "--round", "R1", "--cluster", "K", NULL);
  run_ok ("--database", db, "--export-tallies", good, "--round", "R1", "--clinic", "Klinik 1", NULL);
  g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));

  /* Damaged: one byte of the content changed. */
  edited = g_string_new (contents);
  {
    char *q1 = strstr (edited->str, "\"respondents\" : 2");

    g_assert_nonnull (q1);
    q1[strlen ("\"respondents\" : ")] = '3';
  }
  test_write_file (bad, edited->str, -1);
  before = test_read_file (db);
  result = run ("--database", db, "--cluster", "K", "--round", "R1", "--import-cluster-file", bad, NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "bad.json"));
  result_clear (&result);

  /* A good file with a bad one after it: neither is kept. */
  result = run ("--database", db, "--import-cluster-file", good, "--import-cluster-file", bad, NULL);
  g_assert_cmpint (result.status, !=, 0);
  result_clear (&result);
  after = test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));

  /* Options that do not go together. */
  result = run ("--database", db, "--export-tallies", good, "--round", "R1", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--clinic"));
  result_clear (&result);
  result = run ("--database", db, "--export-deck", good, NULL);
  g_assert_cmpint (result.status, ==, 2);
  result_clear (&result);
}

/* A database with a few answers, closed and published, to read and to write. */
static char *
make_database (const char *dir,
               const char *name)
{
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  char *db = g_build_filename (dir, name, NULL);

  test_write_file (survey, "clinic,role,q1,q7a\nKlinik 1,partner,1,2\nKlinik 1,partner,2,2\n"
                           "Klinik 1,partner,3,1\nKlinik 2,staff,,4\n", -1);
  run_ok ("--database", db, "--import-survey", survey, "--round", "R1", "--cluster", "K", NULL);
  run_ok ("--database", db, "--close-round", "R1", "--export-results", "-", NULL);
  return db;
}

/* A few bytes broken inside a data page: SQLite's quick_check finds it. Every command
 * exits non-zero naming the file, and nothing is written to it. */
static void
test_damaged_database (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "damaged", NULL);
  g_autofree char *db = NULL;
  g_autofree char *survey = g_build_filename (dir, "more.csv", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Result result;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = make_database (dir, "damaged.db");
  test_damage_last_page (db);
  before = test_read_file (db);

  result = run ("--database", db, "--summary", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, db));
  g_assert_nonnull (strstr (result.err, "damaged"));
  result_clear (&result);

  test_write_file (survey, "clinic,role,q1\nKlinik 3,partner,1\n", -1);
  result = run ("--database", db, "--import-survey", survey, "--round", "R2", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, db));
  g_assert_null (strstr (result.out, "Imported"));
  result_clear (&result);

  result = run ("--database", db, "--export-results", "-", NULL);
  g_assert_cmpint (result.status, !=, 0);
  result_clear (&result);

  after = test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));
}

/* A database the user may only read (a copy on a read-only share): reads work and write
 * nothing, changes fail naming the file. As root, who may write anything, the commands
 * run as nobody. */
static void
test_read_only_database (void)
{
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "samarbejde-read-only-XXXXXX", NULL);
  g_autofree char *db = NULL;
  g_autofree char *survey = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  Result result;

  g_assert_nonnull (g_mkdtemp (dir));
  db = make_database (dir, "shared.db");
  survey = g_build_filename (dir, "survey.csv", NULL);
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  g_assert_cmpint (g_chmod (survey, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  before = test_read_file (db);

  child_mode = CHILD_UNPRIVILEGED;
  result = run ("--database", db, "--summary", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Respondents: 4\n"));
  result_clear (&result);

  result = run ("--database", db, "--export-results", "-", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "R1,K,clinic,Klinik 1,q1,3,"));
  result_clear (&result);

  result = run ("--database", db, "--import-survey", survey, "--round", "R2", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_test_message ("%s", result.err);
  g_assert_nonnull (strstr (result.err, db));
  g_assert_nonnull (strstr (result.err, "can only be read"));
  g_assert_null (strstr (result.out, "Imported"));
  result_clear (&result);
  child_mode = CHILD_PLAIN;

  after = test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));
  wal = g_strconcat (db, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  test_rm_rf (dir);
}

/* A full disk: the import fails, says so naming the file, says nothing of success before,
 * and the database is as it was. */
static void
test_full_disk (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "full", NULL);
  g_autofree char *db = NULL;
  g_autofree char *big = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("clinic,role,q1,q2a,q2b,q2c,q2d,q3,q7a,q7b,q7c,q8,q9\n");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Result result;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = make_database (dir, "full.db");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Klinik %u,partner,1,2,3,4,5,1,2,3,4,5,1\n", 10 + i % 50);
  test_write_file (big, text->str, text->len);
  before = test_read_file (db);

  child_mode = CHILD_SMALL_DISK;
  small_disk_bytes = g_bytes_get_size (before) + 32 * 1024;
  result = run ("--database", db, "--import-survey", big, "--round", "R2", NULL);
  child_mode = CHILD_PLAIN;
  g_test_message ("%s", result.err);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, db));
  g_assert_null (strstr (result.out, "Imported"));
  result_clear (&result);

  after = test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));
  result = run ("--database", db, "--summary", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Respondents: 4\n"));
  result_clear (&result);
}

/* The database is the user's alone after any command that may write, whatever it was; a
 * change of the day first leaves a copy beside it, also the user's alone. */
static void
test_private_after_write (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "private", NULL);
  g_autofree char *db = NULL;
  g_autofree char *survey = g_build_filename (dir, "more.csv", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_backups = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = make_database (dir, "private.db");
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  test_write_file (survey, "clinic,role,q1\nKlinik 3,partner,1\n", -1);
  run_ok ("--database", db, "--import-survey", survey, "--round", "R2", NULL);
  g_assert_cmpint (test_file_mode (db), ==, 0600);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "private.db.") && g_str_has_suffix (name, ".bak"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (test_file_mode (path), ==, 0600);
        n_backups++;
      }
  /* One copy of the day, however many changes. */
  g_assert_cmpuint (n_backups, ==, 1);
}

/* A second writer waits for the first, and says so, rather than failing after 5 s. */
static void
test_second_writer (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "writers", NULL);
  g_autofree char *db = NULL;
  g_autofree char *survey = g_build_filename (dir, "more.csv", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *holder = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = make_database (dir, "busy.db");
  test_write_file (survey, "clinic,role,q1\nKlinik 3,partner,1\n", -1);

  /* Another program holds the write lock for six seconds. */
  g_assert_cmpint (sqlite3_open (db, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", tmpdir, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SAMARBEJDE_EXE"), "--database", db,
                                       "--import-survey", survey, "--round", "R2", NULL);
  g_assert_no_error (error);
  g_usleep (6 * G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (holder, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);

  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  g_assert_nonnull (strstr (err, "Waiting for another program"));
  g_assert_nonnull (strstr (out, "Imported"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_make_tmpdir ();

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/summary/missing-database", test_summary_missing_database);
  g_test_add_func ("/cli/safety/damaged", test_damaged_database);
  g_test_add_func ("/cli/safety/read-only", test_read_only_database);
  g_test_add_func ("/cli/safety/full-disk", test_full_disk);
  g_test_add_func ("/cli/safety/private", test_private_after_write);
  g_test_add_func ("/cli/safety/second-writer", test_second_writer);
  g_test_add_func ("/cli/summary/demo", test_summary_demo);
  g_test_add_func ("/cli/bad-database", test_bad_database);
  g_test_add_func ("/cli/bad-options", test_bad_options);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/failure-changes-nothing", test_failure_changes_nothing);
  g_test_add_func ("/cli/formula-names", test_formula_names);
  g_test_add_func ("/cli/round-trip", test_round_trip);
  g_test_add_func ("/cli/bad-cluster-files", test_bad_cluster_files);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
