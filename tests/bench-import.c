/* bench-import.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-testing.h"
#include "sam-survey-import.h"
#include "bench-national.h"
#include "test-common.h"

/* A benchmark, run on demand (meson test --benchmark, or the program itself): it prints
 * figures and judges nothing. A national-scale survey file (115 clusters, 1,300 clinics,
 * 3,500 doctors and 2,000 staff, three rounds) is generated, imported and exported. The
 * yardstick is SQLite's own shell writing the same rows into the same tables (the app's
 * schema, its pragmas, foreign keys on): one row a respondent and one an answer, with
 * .import, in one transaction. Each is run a few times, on a fresh database each time,
 * and the median is compared.
 *
 *   bench-import [--runs N] [--keep-db PATH]
 *
 * --keep-db leaves the national database (rounds closed, figures published) at PATH, for
 * measuring the views on it. */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A table's rows as the shell's .import reads them: CSV, no header, every field quoted. */
static void
write_rows_csv (sqlite3    *db,
                const char *table,
                const char *path)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr(GString) csv = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          /* .import would store an empty field as '', not NULL. */
          if (value == NULL)
            g_error ("%s has a NULL in column %d: the shell cannot import it as such", table, i);
          if (i > 0)
            g_string_append_c (csv, ',');
          g_string_append_c (csv, '"');
          for (const char *c = value; *c != '\0'; c++)
            {
              if (*c == '"')
                g_string_append_c (csv, '"');
              g_string_append_c (csv, *c);
            }
          g_string_append_c (csv, '"');
        }
      g_string_append_c (csv, '\n');
    }
  sqlite3_finalize (stmt);
  test_write_file (path, csv->str, csv->len);
}

/* The shell's database: the app's schema and everything but the respondents and answers,
 * copied from the app's database after its import. */
static void
prepare_shell_db (const char *app_db,
                  const char *shell_db)
{
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS app", app_db);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) schema = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_remove (shell_db);
  if (sqlite3_open (shell_db, &db) != SQLITE_OK)
    g_error ("%s: %s", shell_db, sqlite3_errmsg (db));
  exec_or_die (db, attach);
  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM app.sqlite_master"
                          " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (schema, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "table"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  exec_or_die (db, "PRAGMA journal_mode = WAL");
  exec_or_die (db, "BEGIN");
  for (guint i = 0; i < schema->len; i++)
    exec_or_die (db, g_ptr_array_index (schema, i));
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *copy = g_strdup_printf ("INSERT INTO main.%s SELECT * FROM app.%s", table, table);

      if (!g_str_equal (table, "respondents") && !g_str_equal (table, "answers"))
        exec_or_die (db, copy);
    }
  exec_or_die (db, "COMMIT");
  exec_or_die (db, "DETACH app");
  sqlite3_close (db);
}

/* The shell writes the respondents and answers rows, with the pragmas the app opens its
 * database with, in one transaction; -bail stops at the first error. */
static double
shell_import (const char *shell,
              const char *db,
              const char *respondents_csv,
              const char *answers_csv)
{
  g_autofree char *import_respondents = g_strdup_printf (".import --csv %s respondents", respondents_csv);
  g_autofree char *import_answers = g_strdup_printf (".import --csv %s answers", answers_csv);
  const char *argv[] = {
    shell, "-bail", db,
    "PRAGMA foreign_keys = ON", "PRAGMA cache_size = -32768",
    "BEGIN IMMEDIATE", import_respondents, import_answers, "COMMIT",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 .import failed: %s %s", error->message, err);
  if (err != NULL && *err != '\0')
    g_error ("sqlite3 .import: %s", err);
  return seconds_since (start);
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* One import into a fresh database. */
static SamStore *
app_import (const char *db_path,
            const char *csv_path,
            GBytes     *bytes,
            double     *parse_s,
            double     *commit_s,
            guint      *n_answers)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSurveyImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  SamSurveyImportResult result;
  gint64 start;

  g_remove (db_path);
  g_remove (wal);
  g_remove (shm);
  store = sam_store_new (db_path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  import = sam_survey_import_parse (csv_path, bytes, NULL);
  *parse_s = seconds_since (start);
  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);

  start = g_get_monotonic_time ();
  if (!sam_survey_import_commit (import, store, "Nationalt", &result, &error))
    g_error ("import failed: %s", error->message);
  *commit_s = seconds_since (start);
  *n_answers = sam_survey_import_get_n_answers (import);
  return g_steal_pointer (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "national.csv", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *shell_db = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *respondents_csv = g_build_filename (dir, "respondents.csv", NULL);
  g_autofree char *answers_csv = g_build_filename (dir, "answers.csv", NULL);
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *keep_db = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GString) results = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) rounds = NULL;
  int n_runs = 3;
  double export_s;
  guint n_rows, n_answers = 0, n_result_rows = 0;
  gint64 start;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        n_runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--keep-db") && i + 1 < argc)
        keep_db = g_strdup (argv[++i]);
      else
        {
          g_printerr ("Usage: %s [--runs N] [--keep-db PATH]\n", argv[0]);
          return 2;
        }
    }

  n_runs = MAX (n_runs, 1);

  csv = bench_national_csv (&n_rows);
  test_write_file (csv_path, csv->str, csv->len);
  bytes = g_bytes_new (csv->str, csv->len);
  g_print ("Survey file: %u rows, %.1f MB, %d clinics, %d doctors and %d staff, %d rounds\n",
           n_rows, csv->len / 1e6, N_CLINICS, N_DOCTORS, N_STAFF, N_ROUNDS);

  for (int run = 0; run < n_runs; run++)
    {
      double parse_s, commit_s, import_s, shell_s = -1;

      g_clear_object (&store);
      store = app_import (keep_db != NULL ? keep_db : db_path, csv_path, bytes, &parse_s, &commit_s, &n_answers);
      import_s = parse_s + commit_s;
      g_array_append_val (import_times, import_s);
      g_print ("Import:  %.3f s (read and check %.3f s, store %.3f s), %.0f rows/s, %u answers\n",
               import_s, parse_s, commit_s, n_rows / import_s, n_answers);

      if (shell == NULL)
        continue;
      if (run == 0)
        {
          sqlite3 *db = sam_store_testing_get_db (store);

          write_rows_csv (db, "respondents", respondents_csv);
          write_rows_csv (db, "answers", answers_csv);
        }
      prepare_shell_db (sam_store_get_path (store), shell_db);
      shell_s = shell_import (shell, shell_db, respondents_csv, answers_csv);
      g_array_append_val (shell_times, shell_s);
      g_print ("sqlite3 shell, the same rows into the same tables: %.3f s\n", shell_s);

      /* The same rows, or the yardstick measures something else. */
      {
        sqlite3 *db = NULL;

        g_assert_cmpint (sqlite3_open_v2 (shell_db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
        g_assert_cmpint (count_rows (db, "SELECT count(*) FROM respondents"), ==, n_rows);
        g_assert_cmpint (count_rows (db, "SELECT count(*) FROM answers"), ==, n_answers);
        sqlite3_close (db);
      }
    }

  g_print ("\nImport, median of %d: %.3f s, %.0f rows/s\n", n_runs, median (import_times),
           n_rows / median (import_times));
  if (shell_times->len > 0)
    g_print ("sqlite3 shell, median of %d: %.3f s (%u respondents and %u answers, .import in one transaction); "
             "ratio %.2fx\n", n_runs, median (shell_times), n_rows, n_answers,
             median (import_times) / median (shell_times));
  else
    g_print ("sqlite3 shell not found: no ratio (apt-get install sqlite3)\n");

  /* The results file takes closed rounds only: close them, as a coordinator would. */
  rounds = sam_store_list_rounds (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rounds->len; i++)
    if (!sam_store_set_round_closed (store, ((SamRound *) g_ptr_array_index (rounds, i))->id, TRUE, &error))
      g_error ("closing a round failed: %s", error->message);

  start = g_get_monotonic_time ();
  if (!sam_results_write_csv (store, NULL, &(SamFiguresPolicy) { 3, 0 }, results, &n_result_rows, NULL, &error))
    g_error ("export failed: %s", error->message);
  export_s = seconds_since (start);
  g_print ("Export:  %.3f s, %u rows, %.1f MB\n", export_s, n_result_rows, results->len / 1e6);

  if (keep_db != NULL)
    g_print ("The national database is at %s\n", keep_db);
  g_clear_object (&store);
  test_rm_rf (dir);
  return 0;
}
