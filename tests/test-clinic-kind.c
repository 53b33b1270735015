/* test-clinic-kind.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-store.h"
#include "sam-survey-import.h"
#include "test-common.h"

/* What a clinic is, taken from the roles of a survey file's answers: only where they make
 * it clear, and only where nobody has said. */

static SamStore *
new_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "kind.db", NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
import (SamStore   *store,
        const char *csv)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(SamSurveyImport) import = sam_survey_import_parse ("svar.csv", bytes, "R1");
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;

  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);
  g_assert_true (sam_survey_import_commit (import, store, "Klynge", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SAM_SURVEY_IMPORT_ADDED);
}

static SamClinicKind
kind_of (SamStore   *store,
         const char *code)
{
  gint64 clinic_id = 0;

  g_assert_true (sam_store_find_clinic (store, 1, code, &clinic_id));
  return sam_store_get_clinic_kind (store, clinic_id);
}

static void
test_inferred_from_import (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(SamStore) store = new_store (dir);
  gint64 clinic_id = 0;

  /* A clinic set up as a partnership keeps it, whatever a file says. */
  g_assert_true (sam_store_ensure_cluster (store, "Klynge", NULL, NULL));
  g_assert_true (sam_store_ensure_clinic (store, 1, "Klinik 9", NULL, &clinic_id, NULL));
  g_assert_true (sam_store_set_clinic_kind (store, clinic_id, SAM_CLINIC_KIND_PARTNERSHIP, NULL));

  import (store,
          "clinic;role;q5a\n"
          "Klinik 1;kompagnon;1\n"
          "Klinik 1;læge i kompagniskab;2\n"
          "Klinik 1;personale;3\n"
          "Klinik 2;sololæge;1\n"
          "Klinik 2;personale;2\n"
          "Klinik 3;sololæge;1\n"
          "Klinik 3;sololæge;2\n"
          "Klinik 4;solo;1\n"
          "Klinik 4;partner;1\n"
          "Klinik 5;staff;4\n"
          "Klinik 9;solo;4\n");

  g_assert_cmpint (kind_of (store, "Klinik 1"), ==, SAM_CLINIC_KIND_PARTNERSHIP);
  g_assert_cmpint (kind_of (store, "Klinik 2"), ==, SAM_CLINIC_KIND_SOLO);
  /* Two solo doctors in one round are not one doctor; solo and partner together are not
   * clear; staff alone say nothing of the doctors. */
  g_assert_cmpint (kind_of (store, "Klinik 3"), ==, SAM_CLINIC_KIND_UNKNOWN);
  g_assert_cmpint (kind_of (store, "Klinik 4"), ==, SAM_CLINIC_KIND_UNKNOWN);
  g_assert_cmpint (kind_of (store, "Klinik 5"), ==, SAM_CLINIC_KIND_UNKNOWN);
  g_assert_cmpint (kind_of (store, "Klinik 9"), ==, SAM_CLINIC_KIND_PARTNERSHIP);

  /* A later file for a clinic still unset: its doctor answering as a solo doctor, in a
   * round of its own, makes Klinik 5 a solo practice; Klinik 2 stays one. */
  import (store,
          "clinic;role;round;q5a\n"
          "Klinik 5;solo;R2;1\n"
          "Klinik 2;solo;R2;1\n");
  g_assert_cmpint (kind_of (store, "Klinik 5"), ==, SAM_CLINIC_KIND_SOLO);
  g_assert_cmpint (kind_of (store, "Klinik 2"), ==, SAM_CLINIC_KIND_SOLO);

  g_clear_object (&store);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clinic-kind/inferred-from-import", test_inferred_from_import);

  return g_test_run ();
}
