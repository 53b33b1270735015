/* test-survey-import.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sam-store-testing.h"
#include "sam-survey-import.h"
#include "test-common.h"

/* Survey CSV import against the formats contract, with a fixture file of each kind Danish
 * clinics and survey tools produce, and a bad file of each kind the contract names. */

typedef struct
{
  char     *dir;
  SamStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "import.db", NULL);
  fixture->store = sam_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static SamSurveyImport *
parse_fixture (const char *name,
               const char *round)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "survey", name, NULL);
  g_autoptr(GBytes) bytes = test_read_file (path);

  return sam_survey_import_parse (name, bytes, round);
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

static void
commit_fixture (Fixture    *fixture,
                const char *name,
                const char *round,
                const char *cluster)
{
  g_autoptr(SamSurveyImport) import = parse_fixture (name, round);
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;

  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);
  g_assert_true (sam_survey_import_commit (import, fixture->store, cluster, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SAM_SURVEY_IMPORT_ADDED);
}

static gint64
answer (Fixture    *fixture,
        const char *clinic,
        const char *role,
        guint       nth,
        const char *item)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT a.code FROM answers a WHERE a.item = '%s'"
                                          " AND a.respondent_id = (SELECT p.id FROM respondents p"
                                          " JOIN clinics c ON c.id = p.clinic_id WHERE c.code = '%s'"
                                          " AND p.role = '%s' ORDER BY p.id LIMIT 1 OFFSET %u)), 0)",
                                          item, clinic, role, nth);

  return query (fixture->store, sql);
}

/* Danish Excel: Windows-1252, semicolons, CRLF, Danish labels and role names. */
static void
test_danish_excel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamSurveyImport) import = parse_fixture ("excel-da.csv", "Baseline 2026");
  const GPtrArray *ignored = sam_survey_import_get_ignored_columns (import);

  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);
  g_assert_cmpstr (sam_survey_import_get_encoding (import), ==, "WINDOWS-1252");
  g_assert_cmpint (sam_survey_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (sam_survey_import_get_n_respondents (import, SAM_ROLE_PARTNER), ==, 2);
  g_assert_cmpuint (sam_survey_import_get_n_respondents (import, SAM_ROLE_SOLO), ==, 1);
  g_assert_cmpuint (sam_survey_import_get_n_respondents (import, SAM_ROLE_STAFF), ==, 1);
  g_assert_cmpuint (sam_survey_import_get_n_answers (import), ==, 25);
  g_assert_cmpuint (sam_survey_import_get_clinics (import)->len, ==, 2);
  g_assert_cmpuint (ignored->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ignored, 0), ==, "Tidsstempel");
  g_assert_cmpstr (g_ptr_array_index (ignored, 1), ==, "Kommentar");

  commit_fixture (fixture, "excel-da.csv", "Baseline 2026", "Klynge Syd");
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 4);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM answers"), ==, 25);
  g_assert_cmpint (answer (fixture, "Klinik 1", "partner", 0, "q1"), ==, 2);      /* I høj grad */
  g_assert_cmpint (answer (fixture, "Klinik 1", "partner", 0, "q4a"), ==, 2);     /* Månedligt */
  g_assert_cmpint (answer (fixture, "Klinik 1", "partner", 1, "q3"), ==, 2);
  g_assert_cmpint (answer (fixture, "Klinik 2", "solo", 0, "q7c"), ==, 3);        /* Hverken … */
  g_assert_cmpint (answer (fixture, "Klinik 2", "solo", 0, "q4a"), ==, 0);        /* missing */
  g_assert_cmpint (answer (fixture, "Klinik 2", "staff", 0, "q7c"), ==, 5);       /* Helt uenig */
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM rounds WHERE label = 'Baseline 2026'"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM clusters WHERE name = 'Klynge Syd'"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM round_clinics"), ==, 2);
}

/* UTF-8 with a byte-order mark, RFC 4180 quoting, respondent and round columns. */
static void
test_utf8_bom_quoted (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SamSurveyImport) import = parse_fixture ("utf8-bom.csv", NULL);

  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);
  g_assert_cmpstr (sam_survey_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpint (sam_survey_import_get_delimiter (import), ==, ',');
  g_assert_cmpuint (sam_survey_import_get_n_answers (import), ==, 31 + 17 + 28);
  g_assert_cmpuint (sam_survey_import_get_ignored_columns (import)->len, ==, 1);

  commit_fixture (fixture, "utf8-bom.csv", NULL, "Klynge Nord");
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM answers WHERE code = 9"), ==, 5);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents WHERE external_id = 'r-02'"
                                          " AND role = 'staff'"), ==, 1);
  g_assert_cmpint (answer (fixture, "Klinik 3", "staff", 0, "q7e"), ==, 5);
  g_assert_cmpint (answer (fixture, "Klinik 4", "solo", 0, "q10d"), ==, 1);
}

static void
test_tabs_english (Fixture       *fixture,
                   gconstpointer  data)
{
  commit_fixture (fixture, "tabs.tsv", "R1", "Klynge Øst");
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM answers"), ==, 8);
  g_assert_cmpint (answer (fixture, "Klinik 5", "partner", 0, "q10d"), ==, 9);
  g_assert_cmpint (answer (fixture, "Klinik 5", "solo", 0, "q8"), ==, 5);
}

/* The same file into the same round twice: recognised, one copy kept. */
static void
test_twice (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SamSurveyImport) again = parse_fixture ("excel-da.csv", "Baseline 2026");
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;

  commit_fixture (fixture, "excel-da.csv", "Baseline 2026", "Klynge Syd");
  g_assert_true (sam_survey_import_commit (again, fixture->store, "Klynge Syd", &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SAM_SURVEY_IMPORT_ALREADY);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 4);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM imports"), ==, 1);

  /* Into another round it is new data. */
  commit_fixture (fixture, "excel-da.csv", "Opfølgning 2027", "Klynge Syd");
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 8);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SamSurveyImport) import = parse_fixture ("excel-da.csv", "Baseline 2026");
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;

  commit_fixture (fixture, "tabs.tsv", "Baseline 2026", "Klynge Syd");
  g_assert_true (sam_survey_import_commit (import, fixture->store, "Klynge Syd", &result, &error));
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 6);

  g_assert_true (sam_survey_import_undo (import, fixture->store, &error));
  g_assert_no_error (error);
  /* The earlier import and its round stay; the clinics only the undone file had go. */
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 2);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM answers"), ==, 8);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM rounds"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM clinics"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM imports"), ==, 1);
}

/* Once the round is closed its figures may have been shared: the import is not taken back,
 * for answers taken out would change them and give themselves away. */
static void
test_undo_after_closing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SamSurveyImport) import = parse_fixture ("excel-da.csv", "Baseline 2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  SamSurveyImportResult result;

  g_assert_true (sam_survey_import_commit (import, fixture->store, "Klynge Syd", &result, &error));
  g_assert_no_error (error);
  rounds = sam_store_list_rounds (fixture->store, &error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_true (sam_store_set_round_closed (fixture->store,
                                             ((SamRound *) g_ptr_array_index (rounds, 0))->id, TRUE,
                                             &error));
  g_assert_false (sam_survey_import_undo (import, fixture->store, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Baseline 2026” is closed"));
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 4);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM imports"), ==, 1);
}

typedef struct
{
  const char *file;
  const char *round;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "bad-answer.csv", "R", "bad-answer.csv:4:q7c: \"Enig\" is not an answer to this item" },
  { "bad-not-asked.csv", "R", "bad-not-asked.csv:3:q3: the row answers \"2\", but the item is not asked of the role \"Solo doctor\"" },
  { "bad-no-clinic.csv", "R", "bad-no-clinic.csv:3:clinic: the clinic is missing" },
  { "bad-no-role.csv", "R", "bad-no-role.csv:2:role: the role is missing" },
  { "bad-role.csv", "R", "bad-role.csv:2:role: \"læge\" is not a role" },
  { "bad-too-many.csv", "R", "bad-too-many.csv:3:6: the row has 6 fields, but the header has 5" },
  { "bad-code.csv", "R", "bad-code.csv:2:q1: \"7\" is not an answer to this item" },
  { "bad-duplicate.csv", "R", "bad-duplicate.csv:4:respondent: respondent \"r-1\" appears twice in round \"R\" (first on line 2)" },
  { "bad-quote.csv", "R", "bad-quote.csv: " },
  { "bad-binary.csv", "R", "bad-binary.csv: " },
  { "bad-no-items.csv", "R", "bad-no-items.csv:1: the header names none of the items" },
  { "bad-no-round.csv", NULL, "bad-no-round.csv:2:round: the row has no round" },
};

/* Each bad file stops the import with a message naming file, line and column, and
 * nothing of it is kept. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  commit_fixture (fixture, "tabs.tsv", "R", "Klynge Syd");

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(SamSurveyImport) import = parse_fixture (bad_files[i].file, bad_files[i].round);
      g_autoptr(GError) error = NULL;
      g_autofree char *errors = NULL;
      SamSurveyImportResult result;

      g_assert_false (sam_survey_import_commit (import, fixture->store, "Klynge Syd", &result, &error));
      g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_INVALID);
      errors = sam_survey_import_describe_errors (import);
      g_test_message ("%s: %s", bad_files[i].file, errors);
      g_assert_nonnull (strstr (errors, bad_files[i].message));
      g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 2);
      g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM clinics"), ==, 1);
      g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM imports"), ==, 1);
    }
}

/* Errors are collected, so a person can mend the whole file at once. */
static void
test_every_error_listed (void)
{
  const char *text = "clinic;role;q1;q7a\n;partner;1;2\nKlinik 1;x;1;2\nKlinik 1;partner;8;Enig\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(SamSurveyImport) import = sam_survey_import_parse ("svar.csv", bytes, "R");
  const GPtrArray *errors = sam_survey_import_get_errors (import);

  g_assert_cmpuint (errors->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, "svar.csv:2:clinic: the clinic is missing");
  g_assert_cmpstr (g_ptr_array_index (errors, 3), ==, "svar.csv:4:q7a: \"Enig\" is not an answer to this item");
}

static void
test_against_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SamSurveyImport) import = parse_fixture ("utf8-bom.csv", NULL);
  g_autoptr(GError) error = NULL;
  gint64 cluster, round;
  SamSurveyImportResult result;
  const char *text = "respondent,round,clinic,role,q1\nr-03,Baseline 2026,Klinik 9,partner,1\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(SamSurveyImport) same_person = sam_survey_import_parse ("more.csv", bytes, NULL);

  /* Without a cluster named, an empty database has none to take. */
  g_assert_false (sam_survey_import_commit (import, fixture->store, NULL, &result, &error));
  g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_CLUSTER);
  g_clear_error (&error);

  commit_fixture (fixture, "utf8-bom.csv", NULL, "Klynge Nord");

  /* A respondent already in the round. */
  g_assert_false (sam_survey_import_check (same_person, fixture->store, NULL, &error));
  g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (strstr (g_ptr_array_index (sam_survey_import_get_errors (same_person), 0),
                            "more.csv:2:respondent: respondent \"r-03\" is in round \"Baseline 2026\" already"));
  /* Checked again, the same import (the dialog does not read the file again at every key):
   * what the database says replaces what it said, and another cluster has nothing
   * against it. */
  g_assert_false (sam_survey_import_check (same_person, fixture->store, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (sam_survey_import_get_errors (same_person)->len, ==, 1);
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_survey_import_check (same_person, fixture->store, "Klynge Syd", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_survey_import_get_errors (same_person)->len, ==, 0);
  sam_survey_import_forget_check (same_person);
  g_assert_cmpuint (sam_survey_import_get_errors (same_person)->len, ==, 0);

  /* A closed round takes no new answers. */
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Nord", &cluster, NULL));
  g_assert_true (sam_store_find_round (fixture->store, cluster, "Baseline 2026", &round, NULL));
  g_assert_true (sam_store_set_round_closed (fixture->store, round, TRUE, NULL));
  {
    g_autoptr(SamSurveyImport) late = parse_fixture ("tabs.tsv", "Baseline 2026");

    g_assert_false (sam_survey_import_commit (late, fixture->store, "Klynge Nord", &result, &error));
    g_assert_nonnull (strstr (g_ptr_array_index (sam_survey_import_get_errors (late), 0), "is closed"));
  }
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 3);
}

/* A clinic or round a spreadsheet would run as a formula is refused with its line and
 * column (formats contract, "Survey CSV"), and nothing of the file is kept. */
static void
test_formula_names (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *text =
    "clinic;role;round;q1\n"
    "\"=HYPERLINK(\"\"x\"\")\";partner;R;1\n"
    "Klinik 1;partner;+1;2\n"
    "  @Klinik;solo;R;3\n"
    "\tKlinik 2;solo;R;1\n"
    "\"\rKlinik 3\";partner;R;1\n"
    "Klinik 1;partner;R;-\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(SamSurveyImport) import = sam_survey_import_parse ("svar.csv", bytes, "R");
  const GPtrArray *errors = sam_survey_import_get_errors (import);
  g_autoptr(GError) error = NULL;
  SamSurveyImportResult result;

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==,
                   "svar.csv:2:clinic: \"=HYPERLINK(\"x\")\" cannot be a name: it begins with \"=\", "
                   "which a spreadsheet would run as a formula");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 1), "svar.csv:3:round: \"+1\" cannot be a name"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 2), "svar.csv:4:clinic: \"  @Klinik\" cannot be a name: it begins with \"@\""));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 3), "svar.csv:5:clinic: \"\\tKlinik 2\" cannot be a name: it begins with a tab"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 4), "svar.csv:6:clinic: \"\\rKlinik 3\" cannot be a name: it begins with a carriage return"));
  /* A value of an item is no name: "-" is not an answer, and said so. The line break in
   * the quoted clinic above counts as a line. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 5), "svar.csv:8:q1: \"-\" is not an answer"));

  g_assert_false (sam_survey_import_commit (import, fixture->store, "Klynge Syd", &result, &error));
  g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* The round given for the import, where rows take it. */
  {
    const char *no_round = "clinic;role;q1\nKlinik 1;partner;1\n";
    const char *own_round = "clinic;role;round;q1\nKlinik 1;partner;R;1\n";
    g_autoptr(GBytes) no_round_bytes = g_bytes_new_static (no_round, strlen (no_round));
    g_autoptr(GBytes) own_round_bytes = g_bytes_new_static (own_round, strlen (own_round));
    g_autoptr(SamSurveyImport) given = sam_survey_import_parse ("svar.csv", no_round_bytes, "=1+1");
    g_autoptr(SamSurveyImport) unused = sam_survey_import_parse ("svar.csv", own_round_bytes, "=1+1");

    g_assert_cmpuint (sam_survey_import_get_errors (given)->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (sam_survey_import_get_errors (given), 0), ==,
                     "svar.csv: the round given for the import: \"=1+1\" cannot be a name: it begins "
                     "with \"=\", which a spreadsheet would run as a formula");
    g_assert_false (sam_survey_import_commit (given, fixture->store, "Klynge Syd", &result, &error));
    g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_INVALID);
    g_clear_error (&error);

    /* Rows that name their own round never take it. */
    g_assert_cmpuint (sam_survey_import_get_errors (unused)->len, ==, 0);

    /* The cluster named for the import. */
    g_assert_false (sam_survey_import_check (unused, fixture->store, "@Klynge", &error));
    g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_NAME);
    g_assert_nonnull (strstr (error->message, "“@Klynge” cannot be a name"));
    g_clear_error (&error);
    g_assert_false (sam_survey_import_commit (unused, fixture->store, " =Klynge", &result, &error));
    g_assert_error (error, SAM_SURVEY_IMPORT_ERROR, SAM_SURVEY_IMPORT_ERROR_NAME);
    g_clear_error (&error);
  }

  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM clusters"), ==, 0);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM clinics"), ==, 0);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM rounds"), ==, 0);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 0);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM imports"), ==, 0);
}

/* A clinic whose answers for the round came to the coordinator as tallies takes no answers
 * of its own there; found on the file's last row, it still leaves nothing of the file. */
static void
test_tallied_clinic (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *text = "clinic;role;round;q1\nKlinik 5;partner;R;1\nKlinik 7;partner;R;2\nKlinik 6;partner;R;3\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(SamSurveyImport) import = sam_survey_import_parse ("late.csv", bytes, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 cluster, round, clinic, tallies;
  SamSurveyImportResult result;

  commit_fixture (fixture, "tabs.tsv", "R", "Klynge Syd");
  g_assert_true (sam_store_ensure_cluster (fixture->store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_store_find_round (fixture->store, cluster, "R", &round, NULL));
  g_assert_true (sam_store_ensure_clinic (fixture->store, cluster, "Klinik 6", NULL, &clinic, NULL));
  g_assert_true (sam_store_add_import (fixture->store, round, "tallies", "klinik-6.json", "x", &tallies, NULL));
  sql = g_strdup_printf ("INSERT INTO clinic_tallies (round_id, clinic_id, import_id, item, c1)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'q1', 2)",
                         round, clinic, tallies);
  g_assert_true (sam_store_testing_exec (fixture->store, sql, NULL));

  g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 0);
  g_assert_false (sam_survey_import_commit (import, fixture->store, "Klynge Syd", &result, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "late.csv:4: "));
  g_assert_false (sam_store_in_transaction (fixture->store));

  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM respondents"), ==, 2);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM answers"), ==, 8);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM round_clinics"), ==, 1);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM clinics"), ==, 2);
  g_assert_cmpint (query (fixture->store, "SELECT count(*) FROM imports"), ==, 2);
}

/* The app's own files are told from survey answers, and said what they are and which
 * import takes them, in one message; a survey file that only looks alike is read. */
static void
test_own_files (void)
{
  static const struct { const char *text; SamOwnFileKind kind; const char *words; } files[] = {
    { "round,cluster,scope,unit,item,n,mean,favourable,distribution,suppressed\r\n"
      "Baseline 2026,Syd,cluster,Syd,q1,12,75.0,83.3,0.0|8.3|8.3|41.7|41.7,0\r\n",
      SAM_OWN_FILE_RESULTS, "Import National Reference…" },
    /* Saved again by Danish Excel: a byte-order mark, semicolons, quotes, capitals. */
    { "\xef\xbb\xbf\"Round\";Cluster;Scope;Unit;Item;N;Mean;Favourable;Distribution;Suppressed\n",
      SAM_OWN_FILE_RESULTS, "not survey answers" },
    { "{\n  \"format\" : \"samarbejde-tallies\",\n  \"version\" : 1,\n  \"content\" : {}\n}\n",
      SAM_OWN_FILE_TALLIES, "tallies file" },
    { "  {\"format\":\"samarbejde-figures\",\"version\":1}", SAM_OWN_FILE_FIGURES, "figures file" },
    { "clinic;role;q1\nKlinik 1;partner;4\n", SAM_OWN_FILE_NONE, NULL },
    { "round,cluster,scope,unit,item,n,mean\n", SAM_OWN_FILE_NONE, NULL },
    { "{\"samarbejde-tallies\": 1}", SAM_OWN_FILE_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i].text, strlen (files[i].text));
      g_autoptr(SamSurveyImport) import = sam_survey_import_parse ("/home/a/own.csv", bytes, "R");

      g_test_message ("file %u", i);
      g_assert_cmpint (sam_survey_import_recognise_own_file (bytes), ==, files[i].kind);
      g_assert_cmpint (sam_survey_import_get_own_file (import), ==, files[i].kind);
      if (files[i].kind == SAM_OWN_FILE_NONE)
        continue;
      g_assert_cmpuint (sam_survey_import_get_errors (import)->len, ==, 1);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (sam_survey_import_get_errors (import), 0), "own.csv is "));
      g_assert_nonnull (strstr (g_ptr_array_index (sam_survey_import_get_errors (import), 0), files[i].words));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/survey-import/danish-excel", test_danish_excel);
  ADD ("/survey-import/utf8-bom-quoted", test_utf8_bom_quoted);
  ADD ("/survey-import/tabs-english", test_tabs_english);
  ADD ("/survey-import/twice", test_twice);
  ADD ("/survey-import/undo", test_undo);
  ADD ("/survey-import/undo-after-closing", test_undo_after_closing);
  ADD ("/survey-import/bad-files", test_bad_files);
  ADD ("/survey-import/against-database", test_against_database);
  ADD ("/survey-import/formula-names", test_formula_names);
  ADD ("/survey-import/tallied-clinic", test_tallied_clinic);
  g_test_add_func ("/survey-import/every-error-listed", test_every_error_listed);
  g_test_add_func ("/survey-import/own-files", test_own_files);

#undef ADD

  return g_test_run ();
}
