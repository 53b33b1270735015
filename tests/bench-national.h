/* bench-national.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-store.h"
#include "sam-survey-import.h"

/* The national-scale survey file the benchmarks share: 1,300 clinics, 3,500 doctors and
 * 2,000 staff, three rounds (16,500 rows, about 406,000 answers), the same every time. */

#define N_CLINICS 1300
#define N_DOCTORS 3500
#define N_STAFF   2000
#define N_ROUNDS  3

static inline GString *
bench_national_csv (guint *n_rows)
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

/* The same survey, imported into a new database in @dir; returns its path. */
static inline char *
bench_national_database (const char *dir)
{
  char *path = g_build_filename (dir, "national.db", NULL);
  g_autoptr(GString) csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSurveyImport) import = NULL;
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;
  guint n_rows;

  csv = bench_national_csv (&n_rows);
  bytes = g_bytes_new (csv->str, csv->len);
  store = sam_store_new (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  import = sam_survey_import_parse ("national.csv", bytes, NULL);
  if (!sam_survey_import_commit (import, store, "Nationalt", &result, &error))
    g_error ("import failed: %s", error->message);
  return path;
}
