-- 2 -> 3: meetings held with the app's templates, in a clinic or in the cluster: the
-- notes typed per step (saved as they are typed, so a crash loses nothing), the green
-- and red notes with the category they were sorted under, and the actions decided,
-- which feed the clinic's implementation plan. Steps and categories are the template's
-- ids; the template itself lives in the app, not here.
CREATE TABLE meetings (
  id            INTEGER PRIMARY KEY,
  template      TEXT NOT NULL CHECK (length(trim(template)) > 0),
  clinic_id     INTEGER REFERENCES clinics (id) ON DELETE CASCADE,
  cluster_id    INTEGER REFERENCES clusters (id) ON DELETE CASCADE,
  date          TEXT NOT NULL CHECK (date(date) IS date),
  participants  INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
  earlier_round INTEGER NOT NULL DEFAULT 0 CHECK (earlier_round IN (0, 1)),
  started       TEXT,
  ended         TEXT,
  CHECK ((clinic_id IS NULL) <> (cluster_id IS NULL))
);
CREATE INDEX meetings_by_clinic ON meetings (clinic_id);
CREATE INDEX meetings_by_cluster ON meetings (cluster_id);
CREATE TABLE meeting_notes (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  step       TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated    TEXT NOT NULL,
  PRIMARY KEY (meeting_id, step)
) WITHOUT ROWID;
CREATE TABLE meeting_cards (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  step       TEXT NOT NULL,
  colour     TEXT NOT NULL CHECK (colour IN ('green', 'red')),
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  category   TEXT
);
CREATE INDEX meeting_cards_by_meeting ON meeting_cards (meeting_id);
CREATE TABLE meeting_actions (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  step       TEXT,
  what       TEXT NOT NULL CHECK (length(trim(what)) > 0),
  who        TEXT NOT NULL DEFAULT '',
  due        TEXT CHECK (due IS NULL OR date(due) IS due),
  item       TEXT,
  domain     TEXT,
  done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  CHECK (item IS NULL OR domain IS NULL)
);
CREATE INDEX meeting_actions_by_meeting ON meeting_actions (meeting_id);
