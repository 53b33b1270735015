-- 6 -> 7: what phones post in a meeting besides notes (README, "Notes from phones in a
-- meeting"). Votes for red notes are counts only: how many vote forms a step took
-- (meeting_ballots) and how many votes each note got there (meeting_votes); nothing of
-- who voted for what. Answers to a step's anonymous questions keep no order of arrival:
-- each distinct text once a question, with how many gave it.
CREATE TABLE meeting_ballots (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  step       TEXT NOT NULL,
  ballots    INTEGER NOT NULL CHECK (ballots > 0),
  PRIMARY KEY (meeting_id, step)
) WITHOUT ROWID;
CREATE TABLE meeting_votes (
  card_id INTEGER NOT NULL REFERENCES meeting_cards (id) ON DELETE CASCADE,
  step    TEXT NOT NULL,
  votes   INTEGER NOT NULL CHECK (votes > 0),
  PRIMARY KEY (card_id, step)
) WITHOUT ROWID;
CREATE TABLE meeting_answers (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  step       TEXT NOT NULL,
  question   INTEGER NOT NULL CHECK (question > 0),
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  count      INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (meeting_id, step, question, text)
) WITHOUT ROWID;
