-- 4 -> 5: one publication a round (instrument contract, "Anonymity"). A round's figures
-- leave the app only once it is closed, at one minimum group size, recorded here at the
-- first publication. On a clinic's computer, the cluster's figures file that came for a
-- round (its k, file and date: every view of the round shows them), and what the clinic's
-- own tallies were when its file went to the coordinator, so that the window can say
-- when its answers changed since. Figures files taken in before this version are kept,
-- with the saved minimum group size as their k.
ALTER TABLE rounds ADD COLUMN published_k INTEGER
  CHECK (published_k IS NULL OR published_k BETWEEN 1 AND 10);
CREATE TABLE received_figures (
  round_id INTEGER PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
  k        INTEGER NOT NULL CHECK (k BETWEEN 1 AND 10),
  filename TEXT NOT NULL,
  sha256   TEXT NOT NULL,
  imported TEXT NOT NULL
);
INSERT INTO received_figures (round_id, k, filename, sha256, imported)
  SELECT DISTINCT r.id,
         coalesce ((SELECT CAST (value AS INTEGER) FROM settings WHERE key = 'min-group-size'), 3),
         '', '', date ('now')
  FROM rounds r JOIN clusters c ON c.id = r.cluster_id
  WHERE EXISTS (SELECT 1 FROM cluster_figures f
 WHERE f.round_label = r.label AND f.cluster = c.name);
CREATE TABLE sent_tallies (
  round_id    INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  clinic_id   INTEGER NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  sent        TEXT NOT NULL,
  PRIMARY KEY (round_id, clinic_id)
) WITHOUT ROWID;
