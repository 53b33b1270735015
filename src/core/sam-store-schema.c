/* sam-store-schema.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The schema, as the migrations that build it. */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/* The migrations, in order: each takes a database from version N (its index) to N + 1.
 * A landed migration is never edited; a change to the schema is a new one. */
const char *const _sam_store_migrations[] = {
  /* 0 -> 1: the first schema. */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE clusters ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)"
  ");"
  "CREATE TABLE clinics ("
  "  id         INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,"
  "  code       TEXT NOT NULL CHECK (length(trim(code)) > 0),"
  "  name       TEXT,"
  "  UNIQUE (cluster_id, code)"
  ");"
  "CREATE TABLE rounds ("
  "  id         INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,"
  "  label      TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  date       TEXT NOT NULL CHECK (date(date) IS date),"
  "  closed     INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),"
  "  UNIQUE (cluster_id, label)"
  ");"
  "CREATE TABLE round_clinics ("
  "  round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,"
  "  invited   INTEGER CHECK (invited IS NULL OR invited >= 0),"
  "  PRIMARY KEY (round_id, clinic_id)"
  ") WITHOUT ROWID;"
  /* No name and no time of answering: nothing that points to a person. */
  "CREATE TABLE respondents ("
  "  id          INTEGER PRIMARY KEY,"
  "  round_id    INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  clinic_id   INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,"
  "  role        TEXT NOT NULL CHECK (role IN ('partner', 'solo', 'staff')),"
  "  external_id TEXT,"
  "  source      TEXT NOT NULL DEFAULT 'app',"
  "  UNIQUE (round_id, external_id)"
  ");"
  "CREATE INDEX respondents_by_round_clinic ON respondents (round_id, clinic_id);"
  "CREATE INDEX respondents_by_clinic ON respondents (clinic_id);"
  "CREATE TABLE answers ("
  "  respondent_id INTEGER NOT NULL REFERENCES respondents (id) ON DELETE CASCADE,"
  "  item          TEXT NOT NULL,"
  "  code          INTEGER NOT NULL CHECK (code BETWEEN 1 AND 6 OR code = 9),"
  "  PRIMARY KEY (respondent_id, item)"
  ") WITHOUT ROWID;",

  /* 1 -> 2: files imported into a round, so that the same file is recognised when it
   * comes again and an import can be undone as a whole; the national reference figures,
   * kept as imported (by round label) so that they are written back unchanged; and the
   * files that go between clinics and their coordinator (tallies in, figures out). */
  "CREATE TABLE imports ("
  "  id       INTEGER PRIMARY KEY,"
  "  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  kind     TEXT NOT NULL,"
  "  filename TEXT NOT NULL,"
  "  sha256   TEXT NOT NULL,"
  "  imported TEXT NOT NULL,"
  "  UNIQUE (round_id, kind, sha256)"
  ");"
  "ALTER TABLE respondents ADD COLUMN import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE;"
  "CREATE INDEX respondents_by_import ON respondents (import_id);"
  "CREATE TABLE reference ("
  "  round_label  TEXT NOT NULL,"
  "  item         TEXT NOT NULL,"
  "  n            INTEGER NOT NULL CHECK (n >= 0),"
  "  mean         TEXT NOT NULL DEFAULT '',"
  "  favourable   TEXT NOT NULL DEFAULT '',"
  "  distribution TEXT NOT NULL DEFAULT '',"
  "  suppressed   INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),"
  "  PRIMARY KEY (round_label, item)"
  ") WITHOUT ROWID;"
  /* A clinic's tallies as its file brought them to the coordinator: counts per answer
   * code (c1-c6, na) for an item, respondents and the sum of domain scores for an index. */
  "CREATE TABLE clinic_tallies ("
  "  round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,"
  "  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  item      TEXT NOT NULL,"
  "  c1 INTEGER NOT NULL DEFAULT 0, c2 INTEGER NOT NULL DEFAULT 0, c3 INTEGER NOT NULL DEFAULT 0,"
  "  c4 INTEGER NOT NULL DEFAULT 0, c5 INTEGER NOT NULL DEFAULT 0, c6 INTEGER NOT NULL DEFAULT 0,"
  "  na INTEGER NOT NULL DEFAULT 0,"
  "  n  INTEGER NOT NULL DEFAULT 0,"
  "  sum REAL NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (round_id, clinic_id, item)"
  ") WITHOUT ROWID;"
  /* The cluster's figures as a clinic received them from its coordinator, suppression
   * applied there, to compare itself with the cluster. */
  "CREATE TABLE cluster_figures ("
  "  round_label  TEXT NOT NULL,"
  "  cluster      TEXT NOT NULL,"
  "  scope        TEXT NOT NULL CHECK (scope IN ('clinic', 'cluster', 'national')),"
  "  unit         TEXT NOT NULL,"
  "  item         TEXT NOT NULL,"
  "  n            INTEGER NOT NULL CHECK (n >= 0),"
  "  mean         TEXT NOT NULL DEFAULT '',"
  "  favourable   TEXT NOT NULL DEFAULT '',"
  "  distribution TEXT NOT NULL DEFAULT '',"
  "  suppressed   INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),"
  "  PRIMARY KEY (round_label, cluster, scope, unit, item)"
  ") WITHOUT ROWID;"
  /* A questionnaire being answered on this computer: saved as each answer is given, so a
   * crash or a closed window loses nothing; gone when it is submitted or discarded. */
  "CREATE TABLE drafts ("
  "  id        INTEGER PRIMARY KEY,"
  "  round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,"
  "  role      TEXT NOT NULL CHECK (role IN ('partner', 'solo', 'staff')),"
  "  answers   TEXT NOT NULL DEFAULT '',"
  "  page      INTEGER NOT NULL DEFAULT 0,"
  "  updated   TEXT NOT NULL"
  ");",

  /* 2 -> 3: meetings held with the app's templates, in a clinic or in the cluster: the
   * notes typed per step (saved as they are typed, so a crash loses nothing), the green
   * and red notes with the category they were sorted under, and the actions decided,
   * which feed the clinic's implementation plan. Steps and categories are the template's
   * ids; the template itself lives in the app, not here. */
  "CREATE TABLE meetings ("
  "  id            INTEGER PRIMARY KEY,"
  "  template      TEXT NOT NULL CHECK (length(trim(template)) > 0),"
  "  clinic_id     INTEGER REFERENCES clinics (id) ON DELETE CASCADE,"
  "  cluster_id    INTEGER REFERENCES clusters (id) ON DELETE CASCADE,"
  "  date          TEXT NOT NULL CHECK (date(date) IS date),"
  "  participants  INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),"
  "  earlier_round INTEGER NOT NULL DEFAULT 0 CHECK (earlier_round IN (0, 1)),"
  "  started       TEXT,"
  "  ended         TEXT,"
  "  CHECK ((clinic_id IS NULL) <> (cluster_id IS NULL))"
  ");"
  "CREATE INDEX meetings_by_clinic ON meetings (clinic_id);"
  "CREATE INDEX meetings_by_cluster ON meetings (cluster_id);"
  "CREATE TABLE meeting_notes ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  step       TEXT NOT NULL,"
  "  text       TEXT NOT NULL,"
  "  updated    TEXT NOT NULL,"
  "  PRIMARY KEY (meeting_id, step)"
  ") WITHOUT ROWID;"
  "CREATE TABLE meeting_cards ("
  "  id         INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  step       TEXT NOT NULL,"
  "  colour     TEXT NOT NULL CHECK (colour IN ('green', 'red')),"
  "  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  category   TEXT"
  ");"
  "CREATE INDEX meeting_cards_by_meeting ON meeting_cards (meeting_id);"
  "CREATE TABLE meeting_actions ("
  "  id         INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  step       TEXT,"
  "  what       TEXT NOT NULL CHECK (length(trim(what)) > 0),"
  "  who        TEXT NOT NULL DEFAULT '',"
  "  due        TEXT CHECK (due IS NULL OR date(due) IS due),"
  "  item       TEXT,"
  "  domain     TEXT,"
  "  done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  CHECK (item IS NULL OR domain IS NULL)"
  ");"
  "CREATE INDEX meeting_actions_by_meeting ON meeting_actions (meeting_id);",

  /* 3 -> 4: the clinic's implementation plan, its follow-up, and the private reflection
   * journal. A plan's action is made by hand or taken from a meeting's decisions; the link
   * to the meeting's action lets a second import know what it already holds, and outlives
   * the meeting (SET NULL) because the plan goes on after the meeting is tidied away. The
   * follow-up is one date per clinic, counted from the meeting it follows. Reflections are
   * the person's own: no other table refers to them, and nothing written for anyone else
   * reads them. */
  "CREATE TABLE plan_actions ("
  "  id                INTEGER PRIMARY KEY,"
  "  clinic_id         INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,"
  "  what              TEXT NOT NULL CHECK (length(trim(what)) > 0),"
  "  item              TEXT,"
  "  domain            TEXT,"
  "  who               TEXT NOT NULL DEFAULT '',"
  "  due               TEXT CHECK (due IS NULL OR date(due) IS due),"
  "  status            TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
  " ('planned', 'in-progress', 'done', 'dropped')),"
  "  notes             TEXT NOT NULL DEFAULT '',"
  "  source            TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'meeting')),"
  "  meeting_action_id INTEGER REFERENCES meeting_actions (id) ON DELETE SET NULL,"
  "  created           TEXT NOT NULL,"
  "  updated           TEXT NOT NULL,"
  "  CHECK (item IS NULL OR domain IS NULL),"
  "  UNIQUE (clinic_id, meeting_action_id)"
  ");"
  "CREATE INDEX plan_actions_by_meeting_action ON plan_actions (meeting_action_id);"
  "CREATE TABLE plan_follow_ups ("
  "  clinic_id INTEGER PRIMARY KEY REFERENCES clinics (id) ON DELETE CASCADE,"
  "  since     TEXT NOT NULL CHECK (date(since) IS since),"
  "  date      TEXT NOT NULL CHECK (date(date) IS date AND date > since)"
  ");"
  "CREATE TABLE reflections ("
  "  id       INTEGER PRIMARY KEY,"
  "  topic    TEXT NOT NULL CHECK (length(trim(topic)) > 0),"
  "  question INTEGER NOT NULL CHECK (question > 0),"
  "  date     TEXT NOT NULL CHECK (date(date) IS date),"
  "  text     TEXT NOT NULL,"
  "  updated  TEXT NOT NULL"
  ");"
  "CREATE INDEX reflections_by_question ON reflections (topic, question, date);",

  /* 4 -> 5: one publication a round (instrument contract, "Anonymity"). A round's figures
   * leave the app only once it is closed, at one minimum group size, recorded here at the
   * first publication. On a clinic's computer, the cluster's figures file that came for a
   * round (its k, file and date: every view of the round shows them), and what the clinic's
   * own tallies were when its file went to the coordinator, so that the window can say
   * when its answers changed since. Figures files taken in before this version are kept,
   * with the saved minimum group size as their k. */
  "ALTER TABLE rounds ADD COLUMN published_k INTEGER"
  "  CHECK (published_k IS NULL OR published_k BETWEEN 1 AND 10);"
  "CREATE TABLE received_figures ("
  "  round_id INTEGER PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,"
  "  k        INTEGER NOT NULL CHECK (k BETWEEN 1 AND 10),"
  "  filename TEXT NOT NULL,"
  "  sha256   TEXT NOT NULL,"
  "  imported TEXT NOT NULL"
  ");"
  "INSERT INTO received_figures (round_id, k, filename, sha256, imported)"
  "  SELECT DISTINCT r.id,"
  "         coalesce ((SELECT CAST (value AS INTEGER) FROM settings WHERE key = 'min-group-size'), 3),"
  "         '', '', date ('now')"
  "  FROM rounds r JOIN clusters c ON c.id = r.cluster_id"
  "  WHERE EXISTS (SELECT 1 FROM cluster_figures f WHERE f.round_label = r.label AND f.cluster = c.name);"
  "CREATE TABLE sent_tallies ("
  "  round_id    INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  clinic_id   INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,"
  "  fingerprint TEXT NOT NULL,"
  "  sent        TEXT NOT NULL,"
  "  PRIMARY KEY (round_id, clinic_id)"
  ") WITHOUT ROWID;",

  /* 5 -> 6: what a clinic is, a solo practice or a partnership, so that the questionnaire
   * offers only the roles that fit and the figures say whose they are. NULL where nobody
   * has said. Clinics already holding answers take it from their roles where that is
   * clear: doctors answering as partners and none as solo make a partnership; one solo
   * doctor a round and no partner, a solo practice; anything else stays unset. */
  "ALTER TABLE clinics ADD COLUMN kind TEXT"
  "  CHECK (kind IS NULL OR kind IN ('solo', 'partnership'));"
  "UPDATE clinics SET kind = CASE"
  "  WHEN EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'partner')"
  "   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'solo')"
  "  THEN 'partnership'"
  "  WHEN EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'solo')"
  "   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'partner')"
  "   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'solo'"
  "                   GROUP BY p.round_id HAVING count(*) > 1)"
  "  THEN 'solo'"
  "  END"
  "  WHERE kind IS NULL;",

  /* 6 -> 7: what phones post in a meeting besides notes (README, "Notes from phones in a
   * meeting"). Votes for red notes are counts only: how many vote forms a step took
   * (meeting_ballots) and how many votes each note got there (meeting_votes); nothing of
   * who voted for what. Answers to a step's anonymous questions keep no order of arrival:
   * each distinct text once a question, with how many gave it. */
  "CREATE TABLE meeting_ballots ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  step       TEXT NOT NULL,"
  "  ballots    INTEGER NOT NULL CHECK (ballots > 0),"
  "  PRIMARY KEY (meeting_id, step)"
  ") WITHOUT ROWID;"
  "CREATE TABLE meeting_votes ("
  "  card_id INTEGER NOT NULL REFERENCES meeting_cards (id) ON DELETE CASCADE,"
  "  step    TEXT NOT NULL,"
  "  votes   INTEGER NOT NULL CHECK (votes > 0),"
  "  PRIMARY KEY (card_id, step)"
  ") WITHOUT ROWID;"
  "CREATE TABLE meeting_answers ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  step       TEXT NOT NULL,"
  "  question   INTEGER NOT NULL CHECK (question > 0),"
  "  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  count      INTEGER NOT NULL CHECK (count > 0),"
  "  PRIMARY KEY (meeting_id, step, question, text)"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_sam_store_migrations) == SAM_STORE_SCHEMA_VERSION);
