-- 3 -> 4: the clinic's implementation plan, its follow-up, and the private reflection
-- journal. A plan's action is made by hand or taken from a meeting's decisions; the link
-- to the meeting's action lets a second import know what it already holds, and outlives
-- the meeting (SET NULL) because the plan goes on after the meeting is tidied away. The
-- follow-up is one date per clinic, counted from the meeting it follows. Reflections are
-- the person's own: no other table refers to them, and nothing written for anyone else
-- reads them.
CREATE TABLE plan_actions (
  id                INTEGER PRIMARY KEY,
  clinic_id         INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  what              TEXT NOT NULL CHECK (length(trim(what)) > 0),
  item              TEXT,
  domain            TEXT,
  who               TEXT NOT NULL DEFAULT '',
  due               TEXT CHECK (due IS NULL OR date(due) IS due),
  status            TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
 ('planned', 'in-progress', 'done', 'dropped')),
  notes             TEXT NOT NULL DEFAULT '',
  source            TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'meeting')),
  meeting_action_id INTEGER REFERENCES meeting_actions (id) ON DELETE SET NULL,
  created           TEXT NOT NULL,
  updated           TEXT NOT NULL,
  CHECK (item IS NULL OR domain IS NULL),
  UNIQUE (clinic_id, meeting_action_id)
);
CREATE INDEX plan_actions_by_meeting_action ON plan_actions (meeting_action_id);
CREATE TABLE plan_follow_ups (
  clinic_id INTEGER PRIMARY KEY REFERENCES clinics (id) ON DELETE CASCADE,
  since     TEXT NOT NULL CHECK (date(since) IS since),
  date      TEXT NOT NULL CHECK (date(date) IS date AND date > since)
);
CREATE TABLE reflections (
  id       INTEGER PRIMARY KEY,
  topic    TEXT NOT NULL CHECK (length(trim(topic)) > 0),
  question INTEGER NOT NULL CHECK (question > 0),
  date     TEXT NOT NULL CHECK (date(date) IS date),
  text     TEXT NOT NULL,
  updated  TEXT NOT NULL
);
CREATE INDEX reflections_by_question ON reflections (topic, question, date);
