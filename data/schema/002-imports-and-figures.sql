-- 1 -> 2: files imported into a round, so that the same file is recognised when it
-- comes again and an import can be undone as a whole; the national reference figures,
-- kept as imported (by round label) so that they are written back unchanged; and the
-- files that go between clinics and their coordinator (tallies in, figures out).
CREATE TABLE imports (
  id       INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  kind     TEXT NOT NULL,
  filename TEXT NOT NULL,
  sha256   TEXT NOT NULL,
  imported TEXT NOT NULL,
  UNIQUE (round_id, kind, sha256)
);
ALTER TABLE respondents ADD COLUMN import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE;
CREATE INDEX respondents_by_import ON respondents (import_id);
CREATE TABLE reference (
  round_label  TEXT NOT NULL,
  item         TEXT NOT NULL,
  n            INTEGER NOT NULL CHECK (n >= 0),
  mean         TEXT NOT NULL DEFAULT '',
  favourable   TEXT NOT NULL DEFAULT '',
  distribution TEXT NOT NULL DEFAULT '',
  suppressed   INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),
  PRIMARY KEY (round_label, item)
) WITHOUT ROWID;
-- A clinic's tallies as its file brought them to the coordinator: counts per answer
-- code (c1-c6, na) for an item, respondents and the sum of domain scores for an index.
CREATE TABLE clinic_tallies (
  round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  item      TEXT NOT NULL,
  c1 INTEGER NOT NULL DEFAULT 0, c2 INTEGER NOT NULL DEFAULT 0, c3 INTEGER NOT NULL DEFAULT 0,
  c4 INTEGER NOT NULL DEFAULT 0, c5 INTEGER NOT NULL DEFAULT 0, c6 INTEGER NOT NULL DEFAULT 0,
  na INTEGER NOT NULL DEFAULT 0,
  n  INTEGER NOT NULL DEFAULT 0,
  sum REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (round_id, clinic_id, item)
) WITHOUT ROWID;
-- The cluster's figures as a clinic received them from its coordinator, suppression
-- applied there, to compare itself with the cluster.
CREATE TABLE cluster_figures (
  round_label  TEXT NOT NULL,
  cluster      TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('clinic', 'cluster', 'national')),
  unit         TEXT NOT NULL,
  item         TEXT NOT NULL,
  n            INTEGER NOT NULL CHECK (n >= 0),
  mean         TEXT NOT NULL DEFAULT '',
  favourable   TEXT NOT NULL DEFAULT '',
  distribution TEXT NOT NULL DEFAULT '',
  suppressed   INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),
  PRIMARY KEY (round_label, cluster, scope, unit, item)
) WITHOUT ROWID;
-- A questionnaire being answered on this computer: saved as each answer is given, so a
-- crash or a closed window loses nothing; gone when it is submitted or discarded.
CREATE TABLE drafts (
  id        INTEGER PRIMARY KEY,
  round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  role      TEXT NOT NULL CHECK (role IN ('partner', 'solo', 'staff')),
  answers   TEXT NOT NULL DEFAULT '',
  page      INTEGER NOT NULL DEFAULT 0,
  updated   TEXT NOT NULL
);
