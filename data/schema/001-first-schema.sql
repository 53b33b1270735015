-- 0 -> 1: the first schema.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE clusters (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);
CREATE TABLE clinics (
  id         INTEGER PRIMARY KEY,
  cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  code       TEXT NOT NULL CHECK (length(trim(code)) > 0),
  name       TEXT,
  UNIQUE (cluster_id, code)
);
CREATE TABLE rounds (
  id         INTEGER PRIMARY KEY,
  cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
  date       TEXT NOT NULL CHECK (date(date) IS date),
  closed     INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  UNIQUE (cluster_id, label)
);
CREATE TABLE round_clinics (
  round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  invited   INTEGER CHECK (invited IS NULL OR invited >= 0),
  PRIMARY KEY (round_id, clinic_id)
) WITHOUT ROWID;
-- No name and no time of answering: nothing that points to a person.
CREATE TABLE respondents (
  id          INTEGER PRIMARY KEY,
  round_id    INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  clinic_id   INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('partner', 'solo', 'staff')),
  external_id TEXT,
  source      TEXT NOT NULL DEFAULT 'app',
  UNIQUE (round_id, external_id)
);
CREATE INDEX respondents_by_round_clinic ON respondents (round_id, clinic_id);
CREATE INDEX respondents_by_clinic ON respondents (clinic_id);
CREATE TABLE answers (
  respondent_id INTEGER NOT NULL REFERENCES respondents (id) ON DELETE CASCADE,
  item          TEXT NOT NULL,
  code          INTEGER NOT NULL CHECK (code BETWEEN 1 AND 6 OR code = 9),
  PRIMARY KEY (respondent_id, item)
) WITHOUT ROWID;
