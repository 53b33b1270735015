/* test-instrument.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <libintl.h>

#include "sam-instrument.h"

/* The official Danish wording of the instrument contract, question and item, exactly. */
typedef struct
{
  const char *id;
  int         question;
  const char *scale;
  gboolean    not_applicable;
  const char *question_da;
  const char *item_da;
} ExpectedItem;

static const ExpectedItem expected_items[] = {
  { "q1", 1, "degree", FALSE,
    "Som klinikkens leder(e) gør jeg/vi en indsats løbende for at få alle medarbejdere til at arbejde sammen om de indsatsområder, vi har besluttet og om de resultater, vi som klinik ønsker at opnå?",
    NULL },
  { "q2a", 2, "degree", FALSE,
    "I hvilken grad arbejder vi med følgende opgaver i klinikledelsen?",
    "Strategisk ledelse" },
  { "q2b", 2, "degree", FALSE,
    "I hvilken grad arbejder vi med følgende opgaver i klinikledelsen?",
    "Driftsledelse" },
  { "q2c", 2, "degree", FALSE,
    "I hvilken grad arbejder vi med følgende opgaver i klinikledelsen?",
    "Personaleledelse" },
  { "q2d", 2, "degree", FALSE,
    "I hvilken grad arbejder vi med følgende opgaver i klinikledelsen?",
    "Faglig ledelse" },
  { "q3", 3, "degree", FALSE,
    "I hvilken grad forholder I jer til personlige forhold, samarbejde og trivsel i lederteamet?",
    NULL },
  { "q4a", 4, "meetings", FALSE,
    "Hvor ofte afholder I følgende lægemøder?",
    "Kortere lægemøder (op til halvanden times varighed)" },
  { "q4b", 4, "meetings", FALSE,
    "Hvor ofte afholder I følgende lægemøder?",
    "Længere lægemøder (længere end halvanden time)" },
  { "q5a", 5, "meetings", FALSE,
    "Hvor ofte afholder I følgende møder og sociale arrangementer for alle i klinikken?",
    "Korte møder af orienterende karakter" },
  { "q5b", 5, "meetings", FALSE,
    "Hvor ofte afholder I følgende møder og sociale arrangementer for alle i klinikken?",
    "Undervisning" },
  { "q5c", 5, "meetings", FALSE,
    "Hvor ofte afholder I følgende møder og sociale arrangementer for alle i klinikken?",
    "Supervision af personale" },
  { "q5d", 5, "meetings", TRUE,
    "Hvor ofte afholder I følgende møder og sociale arrangementer for alle i klinikken?",
    "Supervision af uddannelseslæger" },
  { "q5e", 5, "meetings", FALSE,
    "Hvor ofte afholder I følgende møder og sociale arrangementer for alle i klinikken?",
    "Personalemøder" },
  { "q5f", 5, "meetings", FALSE,
    "Hvor ofte afholder I følgende møder og sociale arrangementer for alle i klinikken?",
    "Sociale arrangementer" },
  { "q6a", 6, "breaks", FALSE,
    "I hvilket omfang har I planlagt fælles pauser?",
    "Formiddagspauser" },
  { "q6b", 6, "breaks", FALSE,
    "I hvilket omfang har I planlagt fælles pauser?",
    "Frokostpauser" },
  { "q6c", 6, "breaks", FALSE,
    "I hvilket omfang har I planlagt fælles pauser?",
    "Eftermiddagspauser" },
  { "q7a", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Har vi fokus på trivsel" },
  { "q7b", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Hjælper vi hinanden" },
  { "q7c", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Er vi gode til at tale om svære emner og løse problemer sammen" },
  { "q7d", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Prøver vi at lære af vores fejl" },
  { "q7e", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Roser og anerkender vi hinanden" },
  { "q7f", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Har vi en god tone" },
  { "q7g", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Fylder brok meget lidt" },
  { "q7h", 7, "agreement", FALSE,
    "Når du tænker på samarbejdet med dine lægekolleger og med praksispersonalet, hvor enig er du så i følgende udsagn? I vores praksis…",
    "Giver vi brugbar feedback til kolleger" },
  { "q8", 8, "degree", FALSE,
    "I hvor høj grad oplever du at få den støtte du kunne ønske dig fra dine lægekolleger i og/eller udenfor klinikken?",
    NULL },
  { "q9", 9, "degree", FALSE,
    "I hvor høj grad er du opmærksom på at støtte dine lægekolleger i og/eller udenfor klinikken?",
    NULL },
  { "q10a", 10, "degree", TRUE,
    "I hvor høj grad oplever du betydningsfuld kollegial støtte ved følgende aktiviteter?",
    "Lægekurser" },
  { "q10b", 10, "degree", TRUE,
    "I hvor høj grad oplever du betydningsfuld kollegial støtte ved følgende aktiviteter?",
    "DGE-gruppe" },
  { "q10c", 10, "degree", TRUE,
    "I hvor høj grad oplever du betydningsfuld kollegial støtte ved følgende aktiviteter?",
    "Supervisionsgruppe" },
  { "q10d", 10, "degree", TRUE,
    "I hvor høj grad oplever du betydningsfuld kollegial støtte ved følgende aktiviteter?",
    "Klyngemøder" },
};

typedef struct
{
  const char *scale;
  int         code;
  const char *label_da;
  const char *label_en;
  int         score;
  gboolean    favourable;
} ExpectedOption;

static const ExpectedOption expected_options[] = {
  { "degree", 1, "I meget høj grad", "To a very high degree", 100, TRUE },
  { "degree", 2, "I høj grad", "To a high degree", 75, TRUE },
  { "degree", 3, "I nogen grad", "To some degree", 50, FALSE },
  { "degree", 4, "I ringe grad", "To a small degree", 25, FALSE },
  { "degree", 5, "Slet ikke", "Not at all", 0, FALSE },
  { "agreement", 1, "Helt enig", "Strongly agree", 100, TRUE },
  { "agreement", 2, "Overvejende enig", "Mostly agree", 75, TRUE },
  { "agreement", 3, "Hverken enig eller uenig", "Neither agree nor disagree", 50, FALSE },
  { "agreement", 4, "Overvejende uenig", "Mostly disagree", 25, FALSE },
  { "agreement", 5, "Helt uenig", "Strongly disagree", 0, FALSE },
  { "meetings", 1, "Ugentligt eller oftere", "Weekly or more often", 100, FALSE },
  { "meetings", 2, "Månedligt", "Monthly", 80, FALSE },
  { "meetings", 3, "Kvartalsvis", "Quarterly", 60, FALSE },
  { "meetings", 4, "Halvårligt", "Every six months", 40, FALSE },
  { "meetings", 5, "Årligt", "Yearly", 20, FALSE },
  { "meetings", 6, "Sjældnere eller aldrig", "Less often or never", 0, FALSE },
  { "breaks", 1, "Alle arbejdsdage", "Every working day", 100, TRUE },
  { "breaks", 2, "De fleste arbejdsdage", "Most working days", 75, TRUE },
  { "breaks", 3, "Nogle arbejdsdage", "Some working days", 50, FALSE },
  { "breaks", 4, "Sjældent", "Rarely", 25, FALSE },
  { "breaks", 5, "Aldrig", "Never", 0, FALSE },
};

static const struct
{
  const char *id;
  const char *title_da;
  const char *first_item;
  const char *last_item;
} expected_domains[] = {
  { "A", "Ledelsen af klinikken", "q1", "q4b" },
  { "B", "Struktur for samarbejdet i klinikken", "q5a", "q6c" },
  { "C", "Samarbejdskultur og fællesskab i klinikken", "q7a", "q7h" },
  { "D", "Kollegial støtte og fællesskab blandt læger i og udenfor klinikken", "q8", "q10d" },
};

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Tells gettext that its cached translations are stale. */
  textdomain (textdomain (NULL));
}

static SamInstrument *
load_instrument (const char *language)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SamInstrument *instrument;

  use_language (language);
  bytes = g_resources_lookup_data ("/org/kiap/Samarbejde/content/instrument.xml", 0, &error);
  g_assert_no_error (error);
  instrument = sam_instrument_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return instrument;
}

static void
test_danish_wording (void)
{
  g_autoptr(SamInstrument) instrument = load_instrument ("da");

  g_assert_cmpuint (sam_instrument_get_n_items (instrument), ==, G_N_ELEMENTS (expected_items));
  g_assert_cmpuint (sam_instrument_get_n_questions (instrument), ==, 10);

  for (guint i = 0; i < G_N_ELEMENTS (expected_items); i++)
    {
      const ExpectedItem *expected = &expected_items[i];
      const SamItem *item = sam_instrument_get_item (instrument, i);

      g_test_message ("item %s", expected->id);
      g_assert_cmpstr (item->id, ==, expected->id);
      g_assert_cmpint (item->question->number, ==, expected->question);
      g_assert_cmpstr (item->question->scale->id, ==, expected->scale);
      g_assert_cmpstr (item->question->text, ==, expected->question_da);
      g_assert_cmpstr (item->text, ==, expected->item_da);
      g_assert_cmpint (item->not_applicable != NULL, ==, expected->not_applicable);
      g_assert_true (sam_instrument_lookup_item (instrument, expected->id) == item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_options); i++)
    {
      const ExpectedOption *expected = &expected_options[i];
      const SamScale *scale = sam_instrument_lookup_scale (instrument, expected->scale);
      const SamOption *option;

      g_assert_nonnull (scale);
      option = g_ptr_array_index (scale->options, expected->code - 1);
      g_assert_cmpint (option->code, ==, expected->code);
      g_assert_cmpstr (option->label, ==, expected->label_da);
      g_assert_cmpint (option->score, ==, expected->score);
      g_assert_cmpint (option->favourable, ==, expected->favourable);
    }
  g_assert_cmpuint (sam_instrument_lookup_scale (instrument, "meetings")->options->len, ==, 6);
  g_assert_false (sam_instrument_lookup_scale (instrument, "meetings")->has_favourable);
  g_assert_true (sam_instrument_lookup_scale (instrument, "degree")->has_favourable);

  g_assert_cmpstr (sam_instrument_get_not_applicable_label (instrument, "not-applicable"), ==, "Ikke relevant");
  g_assert_cmpstr (sam_instrument_get_not_applicable_label (instrument, "not-taking-part"), ==, "Deltager ikke");
  g_assert_cmpstr (sam_instrument_get_role_label (instrument, SAM_ROLE_PARTNER), ==, "Læge i kompagniskab");
  g_assert_cmpstr (sam_instrument_get_role_label (instrument, SAM_ROLE_SOLO), ==, "Sololæge");
  g_assert_cmpstr (sam_instrument_get_role_label (instrument, SAM_ROLE_STAFF), ==, "Praksispersonale");

  for (guint i = 0; i < G_N_ELEMENTS (expected_domains); i++)
    {
      const SamDomain *domain = sam_instrument_lookup_domain (instrument, expected_domains[i].id);

      g_assert_nonnull (domain);
      g_assert_cmpstr (domain->title, ==, expected_domains[i].title_da);
      g_assert_cmpuint (domain->know->len, >, 0);
    }
}

/* The source strings are English; the Danish comes only through the translation. */
static void
test_english_source (void)
{
  g_autoptr(SamInstrument) instrument = load_instrument ("en");

  for (guint i = 0; i < G_N_ELEMENTS (expected_options); i++)
    {
      const SamScale *scale = sam_instrument_lookup_scale (instrument, expected_options[i].scale);
      const SamOption *option = g_ptr_array_index (scale->options, expected_options[i].code - 1);

      g_assert_cmpstr (option->label, ==, expected_options[i].label_en);
    }
  g_assert_cmpstr (sam_instrument_lookup_item (instrument, "q2a")->text, ==, "Strategic leadership");
  g_assert_cmpstr (sam_instrument_get_not_applicable_label (instrument, "not-applicable"), ==, "Not applicable");
}

static void
test_domains_hold_their_items (void)
{
  g_autoptr(SamInstrument) instrument = load_instrument ("en");

  for (guint d = 0; d < G_N_ELEMENTS (expected_domains); d++)
    {
      const SamItem *first = sam_instrument_lookup_item (instrument, expected_domains[d].first_item);
      const SamItem *last = sam_instrument_lookup_item (instrument, expected_domains[d].last_item);

      for (guint i = first->index; i <= last->index; i++)
        g_assert_cmpstr (sam_instrument_get_item (instrument, i)->question->domain->id, ==,
                         expected_domains[d].id);
    }
}

/* Roles: partner all 31; solo all but q3, q4a, q4b; staff q5a-q7h. */
static void
test_roles_asked (void)
{
  g_autoptr(SamInstrument) instrument = load_instrument ("en");
  GString *solo = g_string_new (NULL);
  GString *staff = g_string_new (NULL);

  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);

      g_assert_true (sam_item_is_asked (item, SAM_ROLE_PARTNER));
      if (sam_item_is_asked (item, SAM_ROLE_SOLO))
        g_string_append_printf (solo, "%s ", item->id);
      if (sam_item_is_asked (item, SAM_ROLE_STAFF))
        g_string_append_printf (staff, "%s ", item->id);
    }

  g_assert_cmpstr (solo->str, ==,
                   "q1 q2a q2b q2c q2d q5a q5b q5c q5d q5e q5f q6a q6b q6c q7a q7b q7c q7d q7e "
                   "q7f q7g q7h q8 q9 q10a q10b q10c q10d ");
  g_assert_cmpstr (staff->str, ==,
                   "q5a q5b q5c q5d q5e q5f q6a q6b q6c q7a q7b q7c q7d q7e q7f q7g q7h ");
  g_assert_cmpuint (sam_instrument_count_items_for_role (instrument, SAM_ROLE_PARTNER), ==, 31);
  g_assert_cmpuint (sam_instrument_count_items_for_role (instrument, SAM_ROLE_SOLO), ==, 28);
  g_assert_cmpuint (sam_instrument_count_items_for_role (instrument, SAM_ROLE_STAFF), ==, 17);

  g_string_free (solo, TRUE);
  g_string_free (staff, TRUE);
}

static void
test_check_answer (void)
{
  g_autoptr(SamInstrument) instrument = load_instrument ("en");
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_instrument_check_answer (instrument, "q7c", SAM_ROLE_STAFF, 3, &error));
  g_assert_no_error (error);
  g_assert_true (sam_instrument_check_answer (instrument, "q4b", SAM_ROLE_PARTNER, 6, &error));
  g_assert_true (sam_instrument_check_answer (instrument, "q5d", SAM_ROLE_STAFF, SAM_ANSWER_NOT_APPLICABLE, &error));
  g_assert_true (sam_instrument_check_answer (instrument, "q10b", SAM_ROLE_SOLO, SAM_ANSWER_NOT_APPLICABLE, &error));
  g_assert_no_error (error);

  /* Not asked of the role. */
  g_assert_false (sam_instrument_check_answer (instrument, "q3", SAM_ROLE_SOLO, 1, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_NOT_ASKED);
  g_clear_error (&error);
  g_assert_false (sam_instrument_check_answer (instrument, "q1", SAM_ROLE_STAFF, 1, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_NOT_ASKED);
  g_clear_error (&error);

  /* Codes outside the scale, and n/a where it is not allowed. */
  g_assert_false (sam_instrument_check_answer (instrument, "q7a", SAM_ROLE_PARTNER, 6, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_BAD_ANSWER);
  g_clear_error (&error);
  g_assert_false (sam_instrument_check_answer (instrument, "q4a", SAM_ROLE_PARTNER, 0, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_BAD_ANSWER);
  g_clear_error (&error);
  g_assert_false (sam_instrument_check_answer (instrument, "q5a", SAM_ROLE_PARTNER, SAM_ANSWER_NOT_APPLICABLE, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_BAD_ANSWER);
  g_clear_error (&error);

  g_assert_false (sam_instrument_check_answer (instrument, "q11", SAM_ROLE_PARTNER, 1, &error));
  g_assert_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_UNKNOWN_ITEM);
}

/* What an imported file may write, in either language, whatever the interface speaks. */
static void
test_import_spellings (void)
{
  g_autoptr(SamInstrument) instrument = load_instrument ("en");
  const SamItem *q7c = sam_instrument_lookup_item (instrument, "q7c");
  const SamItem *q4a = sam_instrument_lookup_item (instrument, "q4a");
  const SamItem *q5d = sam_instrument_lookup_item (instrument, "q5d");
  const SamItem *q10b = sam_instrument_lookup_item (instrument, "q10b");
  const struct { const char *text; SamRole role; } roles[] = {
    { "partner", SAM_ROLE_PARTNER }, { "  Partner ", SAM_ROLE_PARTNER }, { "KOMPAGNON", SAM_ROLE_PARTNER },
    { "Læge i kompagniskab", SAM_ROLE_PARTNER }, { "LÆGE I KOMPAGNISKAB", SAM_ROLE_PARTNER },
    { "solo", SAM_ROLE_SOLO }, { "Sololæge", SAM_ROLE_SOLO }, { "Solo doctor", SAM_ROLE_SOLO },
    { "staff", SAM_ROLE_STAFF }, { "personale", SAM_ROLE_STAFF }, { "Praksispersonale", SAM_ROLE_STAFF },
  };
  const struct { const SamItem **item; const char *text; int code; } answers[] = {
    { &q7c, "", 0 }, { &q7c, "   ", 0 }, { &q7c, "1", 1 }, { &q7c, " 5 ", 5 },
    { &q7c, "Helt enig", 1 }, { &q7c, "helt ENIG", 1 }, { &q7c, "Strongly agree", 1 },
    { &q7c, "Hverken enig eller uenig", 3 }, { &q7c, " overvejende uenig ", 4 },
    { &q4a, "6", 6 }, { &q4a, "Sjældnere eller aldrig", 6 }, { &q4a, "Every six months", 4 },
    { &q4a, "månedligt", 2 },
    { &q5d, "9", SAM_ANSWER_NOT_APPLICABLE }, { &q5d, "Ikke relevant", SAM_ANSWER_NOT_APPLICABLE },
    { &q5d, "not applicable", SAM_ANSWER_NOT_APPLICABLE },
    { &q10b, "Deltager ikke", SAM_ANSWER_NOT_APPLICABLE }, { &q10b, "Ikke relevant", SAM_ANSWER_NOT_APPLICABLE },
    { &q10b, "does not take part", SAM_ANSWER_NOT_APPLICABLE }, { &q10b, "I ringe grad", 4 },
  };
  const struct { const SamItem **item; const char *text; } refused[] = {
    { &q7c, "Enig" }, { &q7c, "6" }, { &q7c, "0" }, { &q7c, "9" }, { &q7c, "Ikke relevant" },
    { &q7c, "I meget høj grad" }, { &q4a, "7" }, { &q4a, "Helt enig" }, { &q5d, "Deltager ikke" },
    { &q10b, "1.0" }, { &q10b, "x" },
  };
  SamRole role;
  int code;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_test_message ("role “%s”", roles[i].text);
      g_assert_true (sam_instrument_parse_role (instrument, roles[i].text, &role));
      g_assert_cmpint (role, ==, roles[i].role);
    }
  g_assert_false (sam_instrument_parse_role (instrument, "læge", &role));

  /* Every official Danish and English label is taken, whatever the interface speaks. */
  for (guint i = 0; i < G_N_ELEMENTS (expected_options); i++)
    {
      const ExpectedOption *expected = &expected_options[i];
      const SamItem *item = NULL;

      for (guint j = 0; item == NULL && j < sam_instrument_get_n_items (instrument); j++)
        if (g_str_equal (sam_instrument_get_item (instrument, j)->question->scale->id, expected->scale))
          item = sam_instrument_get_item (instrument, j);
      g_assert_true (sam_instrument_parse_answer (instrument, item, expected->label_da, &code));
      g_assert_cmpint (code, ==, expected->code);
      g_assert_true (sam_instrument_parse_answer (instrument, item, expected->label_en, &code));
      g_assert_cmpint (code, ==, expected->code);
    }
  g_assert_false (sam_instrument_parse_role (instrument, "", &role));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_test_message ("%s “%s”", (*answers[i].item)->id, answers[i].text);
      code = -1;
      g_assert_true (sam_instrument_parse_answer (instrument, *answers[i].item, answers[i].text, &code));
      g_assert_cmpint (code, ==, answers[i].code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s “%s” refused", (*refused[i].item)->id, refused[i].text);
      g_assert_false (sam_instrument_parse_answer (instrument, *refused[i].item, refused[i].text, &code));
    }
}

static void
test_invalid_files (void)
{
  const char *bad[] = {
    "<instrument><question number='1' domain='X' scale='degree'/></instrument>",
    "<instrument><scale id='s'><option code='2' score='5'><label translatable='yes'>x</label></option></scale></instrument>",
    "<instrument><nonsense/></instrument>",
    "<instrument>",
    "<instrument></instrument>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(SamInstrument) instrument = sam_instrument_new_from_bytes (bytes, &error);

      g_assert_null (instrument);
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SAMARBEJDE_LOCALEDIR");

  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instrument/danish-wording", test_danish_wording);
  g_test_add_func ("/instrument/english-source", test_english_source);
  g_test_add_func ("/instrument/domains", test_domains_hold_their_items);
  g_test_add_func ("/instrument/roles", test_roles_asked);
  g_test_add_func ("/instrument/check-answer", test_check_answer);
  g_test_add_func ("/instrument/import-spellings", test_import_spellings);
  g_test_add_func ("/instrument/invalid-files", test_invalid_files);

  return g_test_run ();
}
