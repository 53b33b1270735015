/* bench-import.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-survey-import.h"
#include "test-common.h"

/* A benchmark, run on demand (meson test --benchmark, or the program itself): it prints
 * figures and judges nothing. A national-scale survey file (115 clusters, 1,300 clinics,
 * 3,500 doctors and 2,000 staff, three rounds) is generated, imported and exported; the
 * sqlite3 shell's bare .import of the same file into a plain table is the yardstick. */

#define N_CLINICS 1300
#define N_DOCTORS 3500
#define N_STAFF   2000
#define N_ROUNDS  3

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static GString *
generate (guint *n_rows)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (115);
  GString *csv = g_string_new ("respondent,round,clinic,role");

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    g_string_append_printf (csv, ",%s", sam_instrument_get_item (instrument, i)->id);
  g_string_append_c (csv, '\n');

  *n_rows = 0;
  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint person = 0; person < N_DOCTORS + N_STAFF; person++)
      {
        /* Doctors spread over the clinics; about a third of the clinics are solo. */
        guint clinic = person < N_DOCTORS ? person % N_CLINICS : (guint) g_rand_int_range (rand, 0, N_CLINICS);
        SamRole role = person >= N_DOCTORS ? SAM_ROLE_STAFF : clinic % 3 == 0 ? SAM_ROLE_SOLO : SAM_ROLE_PARTNER;

        g_string_append_printf (csv, "p%u-%u,Runde %u,Klinik %u,%s", person, round, round + 1, clinic + 1,
                                sam_role_to_string (role));
        for (guint i = 0; i < SAM_N_ITEMS; i++)
          {
            const SamItem *item = sam_instrument_get_item (instrument, i);
            guint n_options = item->question->scale->options->len;

            if (!sam_item_is_asked (item, role) || g_rand_int_range (rand, 0, 40) == 0)
              g_string_append_c (csv, ',');
            else
              g_string_append_printf (csv, ",%d", g_rand_int_range (rand, 1, n_options + 1));
          }
        g_string_append_c (csv, '\n');
        (*n_rows)++;
      }
  return csv;
}

static double
shell_import (const char *csv_path,
              const char *dir)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *db = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *command = g_strdup_printf (".import --csv %s plain", csv_path);
  const char *argv[] = { shell, db, command, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start;

  if (shell == NULL)
    return -1;
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 .import failed: %s\n", error->message);
      return -1;
    }
  return seconds_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "national.csv", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GString) csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSurveyImport) import = NULL;
  g_autoptr(GString) results = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;
  double parse_s, commit_s, import_s, shell_s, export_s;
  guint n_rows, n_result_rows = 0;
  gint64 start;

  csv = generate (&n_rows);
  test_write_file (csv_path, csv->str, csv->len);
  bytes = g_bytes_new (csv->str, csv->len);
  g_print ("Survey file: %u rows, %.1f MB, %d clinics, %d doctors and %d staff, %d rounds\n",
           n_rows, csv->len / 1e6, N_CLINICS, N_DOCTORS, N_STAFF, N_ROUNDS);

  store = sam_store_new (db_path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  import = sam_survey_import_parse (csv_path, bytes, NULL);
  parse_s = seconds_since (start);
  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);

  start = g_get_monotonic_time ();
  if (!sam_survey_import_commit (import, store, "Nationalt", &result, &error))
    g_error ("import failed: %s", error->message);
  commit_s = seconds_since (start);
  import_s = parse_s + commit_s;

  shell_s = shell_import (csv_path, dir);

  start = g_get_monotonic_time ();
  if (!sam_results_write_csv (store, NULL, &(SamFiguresPolicy) { 3, 0 }, results, &n_result_rows, NULL, &error))
    g_error ("export failed: %s", error->message);
  export_s = seconds_since (start);

  g_print ("Import:  %.3f s (read and check %.3f s, store %.3f s), %.0f rows/s, %u answers\n",
           import_s, parse_s, commit_s, n_rows / import_s, sam_survey_import_get_n_answers (import));
  if (shell_s > 0)
    g_print ("sqlite3 shell .import of the same file: %.3f s, %.0f rows/s; ratio %.1fx\n",
             shell_s, n_rows / shell_s, import_s / shell_s);
  else
    g_print ("sqlite3 shell not found: no ratio (apt-get install sqlite3)\n");
  g_print ("Export:  %.3f s, %u rows, %.1f MB\n", export_s, n_result_rows, results->len / 1e6);

  test_rm_rf (dir);
  return 0;
}
